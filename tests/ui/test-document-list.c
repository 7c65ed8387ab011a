/* test-document-list.c — the documents group of the contract page: rows,
 * attaching as the button and a drop do, a missing file, remove and undo,
 * the kind, and when attaching is off
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "kt-document-list-private.h"
#include "kt-document-row.h"
#include "kt-document-window.h"
#include "kt-resources.h"
#include "kt-undo-toast.h"
#include "pdf-test-util.h"

typedef struct {
  char              *dir;
  char              *path;
  KtStore           *store;
  KtDocumentLibrary *library;
  gint64             contract_id;
  GtkWidget         *window;
  GtkWidget         *overlay;
  KtDocumentList    *list;
  guint              changes;
} Fixture;

static const char *const contract_pages[] = {
  "Kontrakt om levering af økonomisystem\nParterne er enige om følgende.",
  "§ 12 Opsigelse\nKontrakten kan opsiges med seks måneders varsel.",
};

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the list has attached everything (workers
 * report through it), at most 20 s. */
static void
wait_attached (KtDocumentList *list)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (kt_document_list_get_n_attaching (list) > 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_assert_cmpuint (kt_document_list_get_n_attaching (list), ==, 0);
  iterate ();
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_assert_true (done (data));
  iterate ();
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static char *
write_source (Fixture    *f,
              const char *name)
{
  char *path = g_build_filename (f->dir, "kilder", name, NULL);

  kt_pdf_test_write (path, NULL, contract_pages, G_N_ELEMENTS (contract_pages));
  return path;
}

static void
open_store (Fixture          *f,
            KtStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->library);
  g_clear_object (&f->store);
  f->store = kt_store_open (f->path, flags, &error);
  g_assert_no_error (error);
  kt_store_set_identity (f->store, "tester", "testhost");
  f->library = kt_document_library_new (f->store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KtContract) contract = kt_contract_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sources = NULL;

  f->dir = g_dir_make_tmp ("kt-document-list-XXXXXX", &error);
  g_assert_no_error (error);
  sources = g_build_filename (f->dir, "kilder", NULL);
  g_assert_cmpint (g_mkdir (sources, 0755), ==, 0);
  f->path = g_build_filename (f->dir, "Aftaler.kontrakter", NULL);
  open_store (f, KT_STORE_OPEN_CREATE);

  contract->number = g_strdup ("K-2024-007");
  contract->name = g_strdup ("Økonomisystem");
  contract->category = KT_CATEGORY_LICENCE;
  contract->status = KT_STATUS_ACTIVE;
  g_date_set_dmy (&contract->start_date, 1, G_DATE_MARCH, 2022);
  g_date_set_dmy (&contract->end_date, 28, G_DATE_FEBRUARY, 2027);
  kt_store_insert_contract (f->store, contract, &error);
  g_assert_no_error (error);
  f->contract_id = contract->id;

  f->window = gtk_window_new ();
  f->overlay = adw_toast_overlay_new ();
  f->list = KT_DOCUMENT_LIST (kt_document_list_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (f->overlay), GTK_WIDGET (f->list));
  gtk_window_set_child (GTK_WINDOW (f->window), f->overlay);
  g_signal_connect_swapped (f->list, "changed", G_CALLBACK (count_cb), &f->changes);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
destroy_other_windows (GtkWidget *keep)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != keep)
      gtk_window_destroy (l->data);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_other_windows (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->library);
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ---- finding things ---- */

static GPtrArray *
document_rows (Fixture *f)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < f->list->rows->len; i++)
    if (KT_IS_DOCUMENT_ROW (g_ptr_array_index (f->list->rows, i)))
      g_ptr_array_add (rows, g_ptr_array_index (f->list->rows, i));
  return rows;
}

static KtDocumentRow *
row_titled (Fixture    *f,
            const char *title)
{
  g_autoptr(GPtrArray) rows = document_rows (f);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static guint
n_pending_rows (Fixture *f)
{
  guint n = 0;

  for (guint i = 0; i < f->list->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (f->list->rows, i);

      if (ADW_IS_ACTION_ROW (row) && !KT_IS_DOCUMENT_ROW (row) &&
          g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Attaching…") == 0)
        n++;
    }
  return n;
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static KtDocument *
attach_sync (Fixture    *f,
             const char *name)
{
  g_autofree char *source = write_source (f, name);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  KtDocument *document;

  document = kt_document_library_attach (f->library, f->contract_id, file, -1, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static void
show_contract (Fixture *f)
{
  kt_document_list_set_library (f->list, f->library);
  kt_document_list_set_contract (f->list, f->contract_id);
  iterate ();
}

/* ---- tests ---- */

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(KtDocument) document = attach_sync (f, "Kontrakt underskrevet.pdf");
  const char *description;
  const char *subtitle;
  KtDocumentRow *row;

  show_contract (f);

  /* The folder beside the portfolio is named */
  description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (f->list));
  g_assert_nonnull (strstr (description, "“Aftaler-dokumenter”"));
  g_assert_true (gtk_widget_get_sensitive (f->list->attach_button));

  row = row_titled (f, "Kontrakt underskrevet.pdf");
  g_assert_nonnull (row);
  g_assert_false (kt_document_row_is_missing (row));
  g_assert_cmpint (kt_document_row_get_document (row)->id, ==, document->id);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_true (g_str_has_prefix (subtitle, kt_enum_label (KT_ENUM_DOCUMENT_KIND,
                                                            KT_DOCUMENT_KIND_SIGNED_CONTRACT)));
  g_assert_nonnull (strstr (subtitle, " · 2 pages · "));
  g_assert_nonnull (strstr (subtitle, " · attached by tester on "));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  /* Another contract's page shows none of them */
  kt_document_list_set_contract (f->list, f->contract_id + 1000);
  g_assert_null (row_titled (f, "Kontrakt underskrevet.pdf"));
  kt_document_list_set_library (f->list, NULL);
  g_assert_cmpuint (f->list->rows->len, ==, 0);
}

static void
test_attach (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *signed_pdf = write_source (f, "Kontrakt underskrevet.pdf");
  g_autofree char *appendix = g_build_filename (f->dir, "kilder", "Bilag 1.pdf", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "kilder", "Tom.pdf", NULL);
  g_autoptr(GFile) signed_file = g_file_new_for_path (signed_pdf);
  g_autoptr(GFile) appendix_file = g_file_new_for_path (appendix);
  g_autoptr(GFile) empty_file = g_file_new_for_path (empty);
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *stored = NULL;
  const char *appendix_pages[] = { "Bilag 1: Servicemål og bod" };
  GFile *both[] = { signed_file, appendix_file };
  GFile *again[] = { signed_file, empty_file };
  AdwMessageDialog *dialog;
  KtDocumentRow *row;

  kt_pdf_test_write (appendix, NULL, appendix_pages, 1);
  kt_pdf_test_write_bytes (empty, "", 0);
  show_contract (f);

  /* As the button and a drop do: a row with a spinner per file meanwhile */
  g_assert_true (kt_document_list_attach_files (f->list, both, G_N_ELEMENTS (both)));
  g_assert_cmpuint (n_pending_rows (f), ==, 2);
  wait_attached (f->list);
  g_assert_cmpuint (n_pending_rows (f), ==, 0);
  g_assert_cmpuint (f->changes, ==, 2);
  g_assert_null (find_dialog ());

  row = row_titled (f, "Kontrakt underskrevet.pdf");
  g_assert_nonnull (row);
  g_assert_nonnull (row_titled (f, "Bilag 1.pdf"));

  /* Copied into the folder beside the portfolio */
  stored = kt_document_library_get_path (f->library, kt_document_row_get_document (row), NULL);
  g_assert_nonnull (stored);
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_prefix (stored, kt_document_library_get_folder (f->library)));
  documents = kt_store_list_documents (f->store, f->contract_id, NULL);
  g_assert_cmpuint (documents->len, ==, 2);

  /* The same file again and an empty one: one dialog names both, and
   * nothing more is attached */
  g_assert_true (kt_document_list_attach_files (f->list, again, G_N_ELEMENTS (again)));
  wait_attached (f->list);
  wait_until (has_dialog, NULL);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "2 Files Were Not Attached");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Kontrakt underskrevet.pdf: "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Tom.pdf: "));
  g_assert_cmpuint (f->changes, ==, 2);
  g_clear_pointer (&documents, g_ptr_array_unref);
  documents = kt_store_list_documents (f->store, f->contract_id, NULL);
  g_assert_cmpuint (documents->len, ==, 2);
  g_clear_pointer (&documents, g_ptr_array_unref);
  documents = document_rows (f);
  g_assert_cmpuint (documents->len, ==, 2);
}

static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *first = write_source (f, "Kontrakt.pdf");
  g_autofree char *second = g_build_filename (f->dir, "kilder", "Bilag.pdf", NULL);
  g_autoptr(GFile) first_file = g_file_new_for_path (first);
  g_autoptr(GFile) second_file = g_file_new_for_path (second);
  g_auto(GValue) list_value = G_VALUE_INIT;
  g_auto(GValue) file_value = G_VALUE_INIT;
  const char *pages[] = { "Bilag" };
  GFile *files[] = { first_file };
  gboolean accepted = FALSE;

  kt_pdf_test_write (second, NULL, pages, 1);
  show_contract (f);

  /* Several files from a file manager, or one file */
  g_value_init (&list_value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&list_value, gdk_file_list_new_from_array (files, 1));
  g_signal_emit_by_name (f->list->drop_target, "drop", &list_value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_value_init (&file_value, G_TYPE_FILE);
  g_value_set_object (&file_value, second_file);
  g_signal_emit_by_name (f->list->drop_target, "drop", &file_value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  wait_attached (f->list);
  g_assert_nonnull (row_titled (f, "Kontrakt.pdf"));
  g_assert_nonnull (row_titled (f, "Bilag.pdf"));
  g_assert_cmpuint (f->changes, ==, 2);

  /* Not on an unsaved contract */
  kt_document_list_set_contract (f->list, 0);
  g_signal_emit_by_name (f->list->drop_target, "drop", &file_value, 10.0, 10.0, &accepted);
  g_assert_false (accepted);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (f->list->drop_target)),
                   ==, GTK_PHASE_NONE);
}

static gboolean
kontrakt_found (gpointer data)
{
  KtDocumentRow *row = row_titled (data, "Kontrakt.pdf");

  return row != NULL && !kt_document_row_is_missing (row);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KtDocument) document = attach_sync (f, "Kontrakt.pdf");
  g_autofree char *stored = kt_document_library_get_path (f->library, document, NULL);
  g_autofree char *source = g_build_filename (f->dir, "kilder", "Kontrakt.pdf", NULL);
  g_autofree char *other = g_build_filename (f->dir, "kilder", "Anden.pdf", NULL);
  g_autofree char *expected = g_strdup_printf ("Missing: expected at %s", stored);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(KtDocument) replaced = NULL;
  const char *other_pages[] = { "En helt anden kontrakt" };
  AdwMessageDialog *dialog;
  KtDocumentRow *row;

  g_assert_cmpint (g_unlink (stored), ==, 0);
  show_contract (f);

  row = row_titled (f, "Kontrakt.pdf");
  g_assert_true (kt_document_row_is_missing (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);

  /* Located: the same content goes back in the folder */
  kt_document_list_relocate (f->list, kt_document_row_get_document (row), source_file, FALSE);
  wait_until (kontrakt_found, f);
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (f->changes, ==, 0);

  /* A different file is only taken as a new version when the user says so */
  g_assert_cmpint (g_unlink (stored), ==, 0);
  kt_pdf_test_write (other, NULL, other_pages, 1);
  kt_document_list_reload (f->list);
  row = row_titled (f, "Kontrakt.pdf");
  g_assert_true (kt_document_row_is_missing (row));
  kt_document_list_relocate (f->list, kt_document_row_get_document (row), other_file, FALSE);
  wait_until (has_dialog, NULL);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Use as a New Version?");
  g_assert_true (kt_document_row_is_missing (row_titled (f, "Kontrakt.pdf")));
  adw_message_dialog_response (dialog, "replace");
  wait_until (kontrakt_found, f);

  replaced = kt_store_get_document (f->store, document->id, NULL);
  g_assert_cmpstr (replaced->sha256, !=, document->sha256);
  g_assert_cmpint (replaced->index_state, ==, KT_INDEX_STATE_PENDING);
  /* A new version is indexed again */
  g_assert_cmpuint (f->changes, ==, 1);
}

static void
test_remove_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KtDocument) document = attach_sync (f, "Kontrakt.pdf");
  g_autoptr(GPtrArray) documents = NULL;
  KtDocumentRow *row;

  show_contract (f);
  row = row_titled (f, "Kontrakt.pdf");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.remove", NULL));
  iterate ();

  documents = kt_store_list_documents (f->store, f->contract_id, NULL);
  g_assert_cmpuint (documents->len, ==, 0);
  g_assert_null (row_titled (f, "Kontrakt.pdf"));
  g_assert_cmpuint (f->changes, ==, 1);

  g_assert_true (kt_undo_toast_run (ADW_TOAST_OVERLAY (f->overlay)));
  iterate ();
  g_clear_pointer (&documents, g_ptr_array_unref);
  documents = kt_store_list_documents (f->store, f->contract_id, NULL);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_nonnull (row_titled (f, "Kontrakt.pdf"));
  g_assert_cmpuint (f->changes, ==, 2);
}

static void
test_kind (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(KtDocument) document = attach_sync (f, "Kontrakt.pdf");
  g_autoptr(KtDocument) changed = NULL;
  const char *tender = kt_enum_label (KT_ENUM_DOCUMENT_KIND, KT_DOCUMENT_KIND_TENDER);
  KtDocumentRow *row;

  show_contract (f);
  row = row_titled (f, "Kontrakt.pdf");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.kind", "i",
                                             (gint32) KT_DOCUMENT_KIND_TENDER));
  iterate ();

  changed = kt_store_get_document (f->store, document->id, NULL);
  g_assert_cmpint (changed->kind, ==, KT_DOCUMENT_KIND_TENDER);
  row = row_titled (f, "Kontrakt.pdf");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), tender));
}

static void
test_open_pdf (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KtDocument) document = attach_sync (f, "Kontrakt.pdf");
  KtDocumentWindow *window;
  KtDocumentWindow *again;

  show_contract (f);

  /* One window per document: opening it again shows the same one */
  window = kt_document_list_open_document (f->list, document->id);
  g_assert_true (KT_IS_DOCUMENT_WINDOW (window));
  g_assert_cmpint (kt_document_window_get_document_id (window), ==, document->id);
  again = kt_document_list_open_document (f->list, document->id);
  g_assert_true (again == window);

  /* Closed, a new one opens */
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  again = kt_document_list_open_document (f->list, document->id);
  g_assert_true (KT_IS_DOCUMENT_WINDOW (again));
  g_assert_cmpuint (g_hash_table_size (f->list->windows), ==, 1);
  gtk_window_destroy (GTK_WINDOW (again));
  iterate ();
  g_assert_cmpuint (g_hash_table_size (f->list->windows), ==, 0);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KtDocument) document = attach_sync (f, "Kontrakt.pdf");
  g_autofree char *source = write_source (f, "Bilag.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GPtrArray) documents = NULL;
  GFile *files[] = { file };
  KtDocumentRow *row;

  open_store (f, KT_STORE_OPEN_READ_ONLY);
  g_assert_true (kt_store_is_read_only (f->store));
  show_contract (f);

  g_assert_false (gtk_widget_get_sensitive (f->list->attach_button));
  g_assert_nonnull (gtk_widget_get_tooltip_text (f->list->attach_button));
  g_assert_false (kt_document_list_attach_files (f->list, files, 1));
  g_assert_cmpuint (kt_document_list_get_n_attaching (f->list), ==, 0);

  /* Removing is off; the row is there to be opened */
  row = row_titled (f, "Kontrakt.pdf");
  g_assert_nonnull (row);
  gtk_widget_activate_action (GTK_WIDGET (row), "row.remove", NULL);
  iterate ();
  documents = kt_store_list_documents (f->store, f->contract_id, NULL);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_nonnull (row_titled (f, "Kontrakt.pdf"));
  g_assert_cmpuint (f->changes, ==, 0);
}

static void
test_unsaved (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *source = write_source (f, "Kontrakt.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (source);
  GFile *files[] = { file };

  kt_document_list_set_library (f->list, f->library);
  kt_document_list_set_contract (f->list, 0);
  iterate ();

  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (f->list)), ==,
                   "Save the contract to attach documents.");
  g_assert_false (gtk_widget_get_sensitive (f->list->attach_button));
  g_assert_false (kt_document_list_attach_files (f->list, files, 1));
  g_assert_cmpuint (f->list->rows->len, ==, 0);

  /* Saved, it can */
  kt_document_list_set_contract (f->list, f->contract_id);
  g_assert_true (gtk_widget_get_sensitive (f->list->attach_button));
  g_assert_true (kt_document_list_attach_files (f->list, files, 1));
  wait_attached (f->list);
  g_assert_nonnull (row_titled (f, "Kontrakt.pdf"));
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
  ADD ("/ui/document-list/rows", test_rows);
  ADD ("/ui/document-list/attach", test_attach);
  ADD ("/ui/document-list/drop", test_drop);
  ADD ("/ui/document-list/missing", test_missing);
  ADD ("/ui/document-list/remove-undo", test_remove_undo);
  ADD ("/ui/document-list/kind", test_kind);
  ADD ("/ui/document-list/open-pdf", test_open_pdf);
  ADD ("/ui/document-list/read-only", test_read_only);
  ADD ("/ui/document-list/unsaved", test_unsaved);
#undef ADD

  return g_test_run ();
}
