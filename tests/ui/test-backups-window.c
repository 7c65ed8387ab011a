/* test-backups-window.c — the backups window and the damaged-file dialog,
 * driven in process on a real example portfolio
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "kt-backup.h"
#include "kt-backups-window.h"
#include "kt-example.h"
#include "kt-resources.h"

typedef struct {
  char      *dir;
  char      *path;
  KtStore   *store;
  GtkWidget *parent;   /* the main window, as dialogs have in the app */
} Fixture;

/* ---- finding things as a person would ---- */

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
timed_out_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done (polled) or 20 s have passed. */
static void
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (20, timed_out_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  wait_until (dialog_shown, NULL);
  return find_dialog ();
}

static void
collect (GtkWidget  *root,
         GType       type,
         GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The backup rows, top to bottom. */
static GPtrArray *
backup_rows (KtBackupsWindow *window)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, rows);
  return rows;
}

static guint
n_rows (KtBackupsWindow *window)
{
  g_autoptr(GPtrArray) rows = backup_rows (window);

  return rows->len;
}

static GtkWidget *
row_button (GtkWidget *row)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (row, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  return g_ptr_array_index (buttons, 0);
}

static GtkWidget *
action_button (KtBackupsWindow *window,
               const char      *action)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action) == 0)
      return buttons->pdata[i];

  g_assert_not_reached ();
}

static const char *
visible_page (KtBackupsWindow *window)
{
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  collect (GTK_WIDGET (window), GTK_TYPE_STACK, stacks);
  g_assert_cmpuint (stacks->len, ==, 1);
  return gtk_stack_get_visible_child_name (g_ptr_array_index (stacks, 0));
}

static guint
n_contracts (KtStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (store, &error);

  g_assert_no_error (error);
  return contracts->len;
}

static void
delete_first_contract (KtStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (store, &error);
  KtContract *contract;

  g_assert_no_error (error);
  for (guint i = 0; i < contracts->len; i++)
    {
      contract = g_ptr_array_index (contracts, i);
      if (kt_store_delete_contract (store, contract->id, contract->version, NULL))
        return;
    }
  g_assert_not_reached ();
}

static char *
make_backup (const char     *path,
             KtBackupReason  reason)
{
  g_autoptr(GError) error = NULL;
  char *backup = kt_backup_make (path, reason, NULL, &error);

  g_assert_no_error (error);
  return backup;
}

/* ---- fixture ---- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-backups-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "eksempel.kontrakter", NULL);
  kt_example_write (f->path, &error);
  g_assert_no_error (error);
  f->store = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (f->parent));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (f->parent));
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ---- the window ---- */

static gboolean
has_n_rows (gpointer data)
{
  KtBackupsWindow *window = data;
  guint *expected = g_object_get_data (G_OBJECT (window), "expected-rows");

  return n_rows (window) == *expected;
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  KtBackupsWindow *window = kt_backups_window_new (GTK_WINDOW (f->parent), f->store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_assert_cmpuint (n_rows (window), ==, 0);
  /* No folder yet to open. */
  g_assert_false (gtk_widget_get_sensitive (action_button (window, "backups.open-folder")));
  g_assert_true (gtk_widget_get_sensitive (action_button (window, "backups.back-up")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_list_and_back_up (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *first = make_backup (f->path, KT_BACKUP_ON_OPEN);
  g_autofree char *second = make_backup (f->path, KT_BACKUP_DAILY);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  KtBackupsWindow *window;
  guint expected = 3;
  const char *subtitle;

  window = kt_backups_window_new (GTK_WINDOW (f->parent), f->store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (visible_page (window), ==, "list");

  /* Newest first: when, why and how big. */
  rows = backup_rows (window);
  g_assert_cmpuint (rows->len, ==, 2);
  subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, 0));
  g_assert_true (g_str_has_prefix (subtitle, "Daily · "));
  g_assert_true (g_str_has_suffix (subtitle, "kB") || g_str_has_suffix (subtitle, "MB"));
  subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, 1));
  g_assert_true (g_str_has_prefix (subtitle, "When opened · "));
  g_assert_true (g_regex_match_simple ("^[0-9]{2}[.-][0-9]{2}[.-][0-9]{4} [0-9]{2}:[0-9]{2}$|"
                                       "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$",
                                       adw_preferences_row_get_title (g_ptr_array_index (rows, 1)),
                                       0, 0));

  /* Back Up Now: one more, made by hand, and the list shows it. */
  g_object_set_data (G_OBJECT (window), "expected-rows", &expected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "backups.back-up", NULL));
  wait_until (has_n_rows, window);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = backup_rows (window);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)),
                                   "By hand · "));
  backups = kt_backup_list (f->path, NULL);
  g_assert_cmpuint (backups->len, ==, 3);
  g_assert_cmpint (((KtBackupInfo *) backups->pdata[0])->reason, ==, KT_BACKUP_MANUAL);

  g_assert_true (gtk_widget_get_sensitive (action_button (window, "backups.open-folder")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
restored_cb (KtBackupsWindow *window,
             gpointer         data)
{
  gboolean *restored = data;

  *restored = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  guint before = n_contracts (f->store);
  g_autofree char *backup = make_backup (f->path, KT_BACKUP_ON_OPEN);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  KtBackupsWindow *window;
  AdwMessageDialog *dialog;
  gboolean restored = FALSE;

  delete_first_contract (f->store);
  g_assert_cmpuint (n_contracts (f->store), ==, before - 1);

  window = kt_backups_window_new (GTK_WINDOW (f->parent), f->store);
  g_signal_connect (window, "restored", G_CALLBACK (restored_cb), &restored);
  gtk_window_present (GTK_WINDOW (window));
  rows = backup_rows (window);
  g_assert_cmpuint (rows->len, ==, 1);

  /* Asked first; Cancel changes nothing. */
  gtk_widget_activate (row_button (g_ptr_array_index (rows, 0)));
  dialog = wait_for_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "restore"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "as it was on"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_false (restored);
  g_assert_cmpuint (n_contracts (f->store), ==, before - 1);

  /* Restore: the deleted contract is back, the state it replaced is kept. */
  gtk_widget_activate (row_button (g_ptr_array_index (rows, 0)));
  dialog = wait_for_dialog ();
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (is_true, &restored);

  g_assert_cmpuint (n_contracts (f->store), ==, before);
  g_assert_cmpuint (n_rows (window), ==, 2);
  backups = kt_backup_list (f->path, NULL);
  g_assert_cmpint (((KtBackupInfo *) backups->pdata[0])->reason, ==, KT_BACKUP_BEFORE_RESTORE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- a damaged file ---- */

static void
damage_file (const char *path)
{
  static const guint8 junk[16] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                   0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
  GStatBuf st;
  gint64 pages;
  int fd;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  pages = st.st_size / 4096;
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (gint64 page = pages / 2; page < pages; page++)
    g_assert_cmpint (pwrite (fd, junk, sizeof junk, page * 4096), ==, sizeof junk);
  close (fd);
}

typedef struct {
  gboolean called;
  gboolean replaced;
} Done;

static void
damaged_done_cb (gpointer user_data,
                 gboolean replaced)
{
  Done *done = user_data;

  g_assert_false (done->called);
  done->called = TRUE;
  done->replaced = replaced;
}

static gboolean
done_called (gpointer data)
{
  return ((Done *) data)->called;
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  guint before = n_contracts (f->store);
  g_autofree char *backup = make_backup (f->path, KT_BACKUP_ON_OPEN);
  g_autoptr(KtStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  Done done = { FALSE, FALSE };

  delete_first_contract (f->store);
  g_clear_object (&f->store);
  damage_file (f->path);
  reopened = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CORRUPT);

  /* Offered, with the store's message; Cancel replaces nothing. */
  kt_damaged_dialog_present (GTK_WINDOW (f->parent), f->path, error->message, damaged_done_cb, &done);
  dialog = wait_for_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, "replace"));
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), error->message));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (done_called, &done);
  g_assert_false (done.replaced);

  /* Replace With Backup: the file opens, with the backup's content. */
  done.called = FALSE;
  kt_damaged_dialog_present (GTK_WINDOW (f->parent), f->path, error->message, damaged_done_cb, &done);
  dialog = wait_for_dialog ();
  adw_message_dialog_response (dialog, "replace");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (done_called, &done);
  g_assert_true (done.replaced);

  g_clear_error (&error);
  reopened = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_contracts (reopened), ==, before);
}

static void
test_damaged_without_backup (Fixture       *f,
                             gconstpointer  data)
{
  AdwMessageDialog *dialog;
  Done done = { FALSE, FALSE };

  g_clear_object (&f->store);
  damage_file (f->path);

  kt_damaged_dialog_present (GTK_WINDOW (f->parent), f->path, "The portfolio is damaged.", damaged_done_cb, &done);
  dialog = wait_for_dialog ();
  g_assert_false (adw_message_dialog_has_response (dialog, "replace"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "no good backup"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (done_called, &done);
  g_assert_false (done.replaced);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kt_register_resource ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/backups-window/empty", test_empty);
  ADD ("/ui/backups-window/list-and-back-up", test_list_and_back_up);
  ADD ("/ui/backups-window/restore", test_restore);
  ADD ("/ui/damaged-dialog/replace", test_damaged);
  ADD ("/ui/damaged-dialog/without-backup", test_damaged_without_backup);
#undef ADD

  return g_test_run ();
}
