/* test-write-retry.c — saving while a colleague holds the file's lock, and
 * when the file fails: kt_write_run () on a real portfolio
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "kt-store.h"
#include "kt-write-retry.h"

typedef struct {
  char      *dir;
  char      *path;
  KtStore   *store;       /* mine */
  KtStore   *colleague;   /* holds the lock in a batch */
  gint64     supplier_id;
  GtkWidget *window;
  GtkWidget *overlay;     /* NULL for the window without one */
  GtkWidget *form;        /* the widget writes start from */

  /* What the write and its ending saw */
  guint      n_writes;
  guint      n_done;
  guint      n_destroyed;
  gboolean   done_error_shown;
  GError    *done_error;
  guint      fail_io_times;   /* io_write () fails this often, then saves */
  guint      ticks;           /* a timeout of the test, to see the loop run */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  with_overlay)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KtSupplier) supplier = kt_supplier_new ();

  f->dir = g_dir_make_tmp ("kt-write-retry-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "delt.kontrakter", NULL);
  f->store = kt_store_open (f->path, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->colleague = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  supplier->name = g_strdup ("Leverandør A/S");
  g_assert_true (kt_store_insert_supplier (f->store, supplier, &error));
  g_assert_no_error (error);
  f->supplier_id = supplier->id;

  /* A try waits 50 ms for the lock; back-off 5–100 ms, the notice after
   * 50 ms, giving up after 3 s. */
  kt_store_set_lock_wait (f->store, 50);
  kt_write_set_time_scale (0.05);

  f->window = gtk_window_new ();
  f->form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  if (GPOINTER_TO_INT (with_overlay))
    {
      f->overlay = adw_toast_overlay_new ();
      adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (f->overlay), f->form);
      gtk_window_set_child (GTK_WINDOW (f->window), f->overlay);
    }
  else
    gtk_window_set_child (GTK_WINDOW (f->window), f->form);
  kt_write_set_file_name (f->window, "delt.kontrakter");
  gtk_window_present (GTK_WINDOW (f->window));
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }

  kt_write_set_time_scale (1.0);
  if (kt_store_in_batch (f->colleague))
    kt_store_rollback_batch (f->colleague);
  g_clear_object (&f->colleague);
  g_clear_object (&f->store);
  g_clear_error (&f->done_error);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ---- The write and its ending ---- */

static gboolean
rename_write (gpointer   data,
              GError   **error)
{
  Fixture *f = data;
  g_autoptr(KtSupplier) supplier = kt_store_get_supplier (f->store, f->supplier_id, error);

  f->n_writes++;
  if (supplier == NULL)
    return FALSE;

  g_free (supplier->name);
  supplier->name = g_strdup ("Omdøbt A/S");
  return kt_store_update_supplier (f->store, supplier, error);
}

static gboolean
io_write (gpointer   data,
          GError   **error)
{
  Fixture *f = data;

  f->n_writes++;
  if (f->fail_io_times > 0)
    {
      f->fail_io_times--;
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                           "The portfolio file could not be written: Input/output error");
      return FALSE;
    }

  return TRUE;
}

static gboolean
conflict_write (gpointer   data,
                GError   **error)
{
  Fixture *f = data;

  f->n_writes++;
  g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT,
                       "changed by Anna Jensen at 14:32");
  return FALSE;
}

static void
write_done (gpointer      data,
            const GError *error)
{
  Fixture *f = data;

  f->n_done++;
  f->done_error = error != NULL ? g_error_copy (error) : NULL;
  f->done_error_shown = kt_write_error_was_shown (error);
  /* Done may save again from the same widget at once. */
  g_assert_false (kt_write_is_pending (f->form));
}

static void
write_destroyed (gpointer data)
{
  Fixture *f = data;

  f->n_destroyed++;
}

static gboolean
run (Fixture     *f,
     KtWriteFunc  func)
{
  return kt_write_run (f->form, func, write_done, f, write_destroyed);
}

/* ---- Looking at the window ---- */

static gboolean
tick_cb (gpointer data)
{
  Fixture *f = data;

  f->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, or until *@until (when given) turns TRUE. */
static void
spin (guint     ms,
      gboolean *until)
{
  gboolean elapsed = FALSE;
  guint id = g_timeout_add (ms, flag_cb, &elapsed);

  while (!elapsed && (until == NULL || !*until))
    g_main_context_iteration (NULL, TRUE);

  if (!elapsed)
    g_source_remove (id);
}

static void
spin_until_done (Fixture *f)
{
  while (f->n_done == 0)
    {
      guint before = f->ticks;
      gboolean elapsed = FALSE;
      guint id = g_timeout_add (10000, flag_cb, &elapsed);

      while (!elapsed && f->n_done == 0)
        g_main_context_iteration (NULL, TRUE);
      if (!elapsed)
        g_source_remove (id);
      g_assert_true (f->n_done > 0 || f->ticks > before);
      g_assert_false (elapsed);
    }
}

/* The toast on screen (not already hiding), or NULL. */
static GtkWidget *
shown_toast (GtkWidget *overlay)
{
  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "toast") == 0 &&
        gtk_widget_get_can_target (child))
      return child;

  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type,
                 gboolean (*match) (GtkWidget *, const char *),
                 const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && match (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, match, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_contains (GtkWidget  *label,
                const char *text)
{
  return strstr (gtk_label_get_label (GTK_LABEL (label)), text) != NULL;
}

static gboolean
button_is (GtkWidget  *button,
           const char *label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0;
}

static char *
stored_name (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KtSupplier) supplier = kt_store_get_supplier (f->store, f->supplier_id, &error);

  g_assert_no_error (error);
  return g_strdup (supplier->name);
}

static void
hold_lock (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kt_store_begin_batch (f->colleague, &error));
  g_assert_no_error (error);
}

/* ---- Tests ---- */

static gboolean
release_cb (gpointer data)
{
  Fixture *f = data;
  GtkWidget *toast = shown_toast (f->overlay);

  /* Still waiting, and saying so in the overlay, with the file's name */
  g_assert_true (kt_write_is_pending (f->form));
  g_assert_cmpuint (f->n_done, ==, 0);
  g_assert_nonnull (toast);
  g_assert_nonnull (find_descendant (toast, GTK_TYPE_LABEL, label_contains, "delt.kontrakter"));
  g_assert_nonnull (find_descendant (toast, GTK_TYPE_BUTTON, button_is, "_Cancel"));
  g_assert_cmpuint (f->n_writes, >, 2);

  /* A second Save meanwhile is ignored */
  g_assert_false (kt_write_run (f->form, rename_write, write_done, f, write_destroyed));

  kt_store_rollback_batch (f->colleague);

  return G_SOURCE_REMOVE;
}

static void
test_busy_then_saved (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *name = NULL;
  guint tick_id;

  hold_lock (f);
  tick_id = g_timeout_add (10, tick_cb, f);
  g_timeout_add (400, release_cb, f);

  g_assert_true (run (f, rename_write));
  /* The first try found the lock; nothing has ended yet */
  g_assert_true (kt_write_is_pending (f->form));
  g_assert_cmpuint (f->n_done, ==, 0);

  spin_until_done (f);
  g_source_remove (tick_id);

  g_assert_no_error (f->done_error);
  g_assert_cmpuint (f->n_done, ==, 1);
  g_assert_cmpuint (f->n_destroyed, ==, 1);
  g_assert_false (kt_write_is_pending (f->form));
  /* The window kept running: ten-millisecond ticks through 400 ms of waiting */
  g_assert_cmpuint (f->ticks, >=, 10);
  name = stored_name (f);
  g_assert_cmpstr (name, ==, "Omdøbt A/S");

  /* The notice goes once the write has ended */
  spin (900, NULL);
  g_assert_null (shown_toast (f->overlay));
}

static void
test_busy_cancel (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *name = NULL;
  gboolean never = FALSE;
  GtkWidget *toast = NULL;
  GtkWidget *cancel;

  hold_lock (f);
  g_assert_true (run (f, rename_write));
  for (guint i = 0; i < 100 && (toast = shown_toast (f->overlay)) == NULL; i++)
    spin (20, &never);
  g_assert_nonnull (toast);
  cancel = find_descendant (toast, GTK_TYPE_BUTTON, button_is, "_Cancel");
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");

  g_assert_cmpuint (f->n_done, ==, 1);
  g_assert_cmpuint (f->n_destroyed, ==, 1);
  g_assert_error (f->done_error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY);
  g_assert_true (f->done_error_shown);
  g_assert_false (kt_write_is_pending (f->form));

  /* No more tries once cancelled, even with the file free again */
  kt_store_rollback_batch (f->colleague);
  {
    guint writes = f->n_writes;

    spin (300, NULL);
    g_assert_cmpuint (f->n_writes, ==, writes);
  }
  name = stored_name (f);
  g_assert_cmpstr (name, ==, "Leverandør A/S");
}

static void
test_busy_gives_up (Fixture       *f,
                    gconstpointer  data)
{
  AdwMessageDialog *dialog = NULL;
  gboolean never = FALSE;

  hold_lock (f);
  g_assert_true (run (f, rename_write));

  /* A minute scaled to 3 s: then the file's message, with Try Again */
  for (guint i = 0; i < 300 && (dialog = find_dialog ("The Change Was Not Saved")) == NULL; i++)
    spin (20, &never);
  g_assert_nonnull (dialog);
  g_assert_true (kt_write_is_pending (f->form));
  spin (100, NULL);
  g_assert_null (shown_toast (f->overlay));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is in use by someone else"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "retry");

  /* Trying again once the colleague is done saves */
  kt_store_rollback_batch (f->colleague);
  adw_message_dialog_response (dialog, "retry");
  g_assert_cmpuint (f->n_done, ==, 1);
  g_assert_no_error (f->done_error);
  g_assert_false (kt_write_is_pending (f->form));
}

static void
test_io_try_again (Fixture       *f,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;
  const char *body;

  f->fail_io_times = 1;
  g_assert_true (run (f, io_write));

  dialog = find_dialog ("The Change Was Not Saved");
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "could not be written: Input/output error"));
  g_assert_nonnull (strstr (body, "Your change is still in the form."));
  g_assert_true (kt_write_is_pending (f->form));
  g_assert_cmpuint (f->n_done, ==, 0);

  adw_message_dialog_response (dialog, "retry");
  g_assert_cmpuint (f->n_writes, ==, 2);
  g_assert_cmpuint (f->n_done, ==, 1);
  g_assert_no_error (f->done_error);
  g_assert_false (f->done_error_shown);
  g_assert_false (kt_write_is_pending (f->form));
}

static void
test_io_cancel (Fixture       *f,
                gconstpointer  data)
{
  AdwMessageDialog *dialog;

  f->fail_io_times = 5;
  g_assert_true (run (f, io_write));
  dialog = find_dialog ("The Change Was Not Saved");
  g_assert_nonnull (dialog);

  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpuint (f->n_writes, ==, 1);
  g_assert_cmpuint (f->n_done, ==, 1);
  g_assert_cmpuint (f->n_destroyed, ==, 1);
  g_assert_error (f->done_error, KT_STORE_ERROR, KT_STORE_ERROR_IO);
  g_assert_true (f->done_error_shown);
  g_assert_false (kt_write_is_pending (f->form));
  /* Only while done runs: a copy is not the shown error */
  g_assert_false (kt_write_error_was_shown (f->done_error));
}

static void
test_other_errors_at_once (Fixture       *f,
                           gconstpointer  data)
{
  g_assert_true (run (f, conflict_write));

  /* Before kt_write_run () returned, not shown: the caller shows it */
  g_assert_cmpuint (f->n_done, ==, 1);
  g_assert_cmpuint (f->n_destroyed, ==, 1);
  g_assert_error (f->done_error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_false (f->done_error_shown);
  g_assert_false (kt_write_is_pending (f->form));
  g_assert_null (find_dialog ("The Change Was Not Saved"));
}

static void
test_wait_dialog_without_overlay (Fixture       *f,
                                  gconstpointer  data)
{
  AdwMessageDialog *dialog = NULL;
  gboolean never = FALSE;

  hold_lock (f);
  g_assert_true (run (f, rename_write));
  for (guint i = 0; i < 100 && (dialog = find_dialog ("Waiting for the Portfolio File")) == NULL; i++)
    spin (20, &never);
  g_assert_nonnull (dialog);
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "delt.kontrakter"));

  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpuint (f->n_done, ==, 1);
  g_assert_error (f->done_error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY);
  g_assert_true (f->done_error_shown);
}

static void
test_wait_dialog_closes_when_saved (Fixture       *f,
                                    gconstpointer  data)
{
  gboolean never = FALSE;

  hold_lock (f);
  g_assert_true (run (f, rename_write));
  for (guint i = 0; i < 100 && find_dialog ("Waiting for the Portfolio File") == NULL; i++)
    spin (20, &never);
  g_assert_nonnull (find_dialog ("Waiting for the Portfolio File"));

  kt_store_rollback_batch (f->colleague);
  spin_until_done (f);
  g_assert_no_error (f->done_error);
  g_assert_null (find_dialog ("Waiting for the Portfolio File"));
}

static void
test_widget_destroyed (Fixture       *f,
                       gconstpointer  data)
{
  guint writes;

  hold_lock (f);
  g_assert_true (run (f, rename_write));
  spin (200, NULL);
  g_assert_true (kt_write_is_pending (f->form));

  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&f->window)));
  /* Destroy, never done; and no more tries */
  g_assert_cmpuint (f->n_destroyed, ==, 1);
  g_assert_cmpuint (f->n_done, ==, 0);
  writes = f->n_writes;
  kt_store_rollback_batch (f->colleague);
  spin (300, NULL);
  g_assert_cmpuint (f->n_writes, ==, writes);
  g_assert_cmpuint (f->n_done, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, overlay, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (overlay), fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/write-retry/busy-then-saved", TRUE, test_busy_then_saved);
  ADD ("/ui/write-retry/busy-cancel", TRUE, test_busy_cancel);
  ADD ("/ui/write-retry/busy-gives-up", TRUE, test_busy_gives_up);
  ADD ("/ui/write-retry/io-try-again", TRUE, test_io_try_again);
  ADD ("/ui/write-retry/io-cancel", TRUE, test_io_cancel);
  ADD ("/ui/write-retry/other-errors-at-once", TRUE, test_other_errors_at_once);
  ADD ("/ui/write-retry/wait-dialog-without-overlay", FALSE, test_wait_dialog_without_overlay);
  ADD ("/ui/write-retry/wait-dialog-closes-when-saved", FALSE, test_wait_dialog_closes_when_saved);
  ADD ("/ui/write-retry/widget-destroyed", TRUE, test_widget_destroyed);
#undef ADD

  return g_test_run ();
}
