/* test-document-window.c — the document window on PDFs attached in the
 * test: opening, a missing, changed, damaged and encrypted file, locating
 * it, a long PDF, export with highlights, show_page
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <time.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "document-window-test-util.h"
#include "kt-resources.h"
#include "pdf-test-util.h"

static const char *const secret_pages[] = {
  "Fortrolig aftale\nDenne side er hemmelig.",
  "Bilag\nPrisen reguleres efter aftale om fortrolighedsklausul.",
};

static void
test_open (DwFixture     *f,
           gconstpointer  data)
{
  KtPdfView *view;

  dw_attach_contract (f, "Kontrakt underskrevet.pdf");
  dw_open_window (f);

  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_READY);
  g_assert_cmpint (kt_document_window_get_document_id (f->window), ==, f->document->id);
  view = kt_document_window_get_view (f->window);
  g_assert_nonnull (kt_pdf_view_get_document (view));
  g_assert_cmpuint (kt_pdf_document_get_n_pages (kt_pdf_view_get_document (view)), ==, 5);
  g_assert_cmpstr (dw_label_text (f->window->page_count_label), ==, "of 5");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->page_entry)), ==, "1");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Kontrakt underskrevet.pdf");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (f->window->window_title)), ==,
                   "K-2024-007 – Økonomisystem");
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (f->window->changed_bar)));

  /* The page entry moves the view; nonsense only rings the bell */
  gtk_editable_set_text (GTK_EDITABLE (f->window->page_entry), "4");
  g_signal_emit_by_name (f->window->page_entry, "activate");
  dw_iterate ();
  g_assert_cmpuint (kt_pdf_view_get_page (view), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (f->window->page_entry), "99");
  g_signal_emit_by_name (f->window->page_entry, "activate");
  g_assert_cmpuint (kt_pdf_view_get_page (view), ==, 3);

  /* The zoom menu's actions reach the view, the label follows */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.zoom", "d", 2.0));
  dw_iterate ();
  g_assert_cmpfloat_with_epsilon (kt_pdf_view_get_zoom (view), 2.0, 0.001);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (f->window->zoom_button)), ==, "200 %");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.zoom-fit-page", NULL));
  g_assert_cmpint (kt_pdf_view_get_zoom_mode (view), ==, KT_PDF_ZOOM_FIT_PAGE);

  /* F9's action shows the sidebar */
  g_assert_false (gtk_widget_get_visible (f->window->sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.toggle-sidebar", NULL));
  g_assert_true (gtk_widget_get_visible (f->window->sidebar));

  /* Nothing selected, nothing found: nothing to mark */
  g_assert_false (gtk_widget_is_sensitive (f->window->mark_button));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.mark-clause", NULL) &&
                  dw_has_clause_dialog (NULL));
}

static void
test_missing (DwFixture     *f,
              gconstpointer  data)
{
  g_autofree char *path = NULL;
  const char *description;

  dw_attach_contract (f, "Kontrakt.pdf");
  path = dw_stored_path (f);
  g_assert_cmpint (g_unlink (path), ==, 0);

  dw_open_window (f);
  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_MISSING);
  description = adw_status_page_get_description (ADW_STATUS_PAGE (f->window->missing_status));
  g_assert_nonnull (strstr (description, path));
  g_assert_true (g_str_has_prefix (description, "The file was expected at "));
  g_assert_false (gtk_widget_get_sensitive (f->window->find_button));
}

static void
test_changed (DwFixture     *f,
              gconstpointer  data)
{
  static const char *const other[] = { "En anden fil end den underskrevne." };
  g_autofree char *path = NULL;
  const char *message;

  dw_attach_contract (f, "Kontrakt.pdf");
  path = dw_stored_path (f);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  kt_pdf_test_write (path, NULL, other, 1);

  dw_open_window (f);
  /* Still shown, with the warning above the pages */
  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_READY);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (f->window->changed_bar)));
  message = dw_label_text (f->window->changed_label);
  g_assert_true (g_str_has_prefix (message, "This signed contract has changed since tester attached it on "));
  g_assert_true (g_str_has_suffix (message, "it is not the file that was signed."));
}

static void
test_damaged (DwFixture     *f,
              gconstpointer  data)
{
  static const char garbage[] = "%PDF-1.5\nthis is not really a PDF at all\n";
  g_autofree char *path = NULL;
  const char *description;

  dw_attach_contract (f, "Kontrakt.pdf");
  path = dw_stored_path (f);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  kt_pdf_test_write_bytes (path, garbage, sizeof garbage - 1);

  dw_open_window (f);
  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_FAILED);
  description = adw_status_page_get_description (ADW_STATUS_PAGE (f->window->failed_status));
  g_assert_nonnull (description);
  g_assert_cmpstr (description, !=, "");
  /* The way out: another application */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.find", NULL) &&
                  gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (f->window->search_bar)));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_locate (DwFixture     *f,
             gconstpointer  data)
{
  static const char *const other[] = { "En ny udgave af kontrakten." };
  g_autofree char *path = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) found = NULL;
  g_autoptr(GFile) different = NULL;
  g_autoptr(KtDocument) stored = NULL;
  AdwMessageDialog *question;
  guint changes = 0;
  gsize length;

  dw_attach_contract (f, "Kontrakt.pdf");
  path = dw_stored_path (f);
  /* The user still has the file elsewhere */
  copy = g_build_filename (f->dir, "Kopi af kontrakt.pdf", NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  kt_pdf_test_write_bytes (copy, contents, length);
  g_assert_cmpint (g_unlink (path), ==, 0);

  dw_open_window (f);
  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_MISSING);

  /* The same file: put back, and shown */
  found = g_file_new_for_path (copy);
  g_signal_connect_swapped (f->window, "document-changed", G_CALLBACK (count_cb), &changes);
  kt_document_window_use_file (f->window, found, FALSE);
  dw_wait_until (dw_is_settled, f->window);
  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_READY);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (changes, ==, 1);

  /* Another file asks first; used as the new version, the hash changes */
  newer = g_build_filename (f->dir, "Ny kontrakt.pdf", NULL);
  kt_pdf_test_write (newer, NULL, other, 1);
  different = g_file_new_for_path (newer);
  kt_document_window_use_file (f->window, different, FALSE);
  question = dw_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_READY);
  adw_message_dialog_response (question, "replace");
  dw_wait_until (dw_is_settled, f->window);
  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_READY);
  g_assert_cmpstr (dw_label_text (f->window->page_count_label), ==, "of 1");
  stored = kt_store_get_document (f->store, f->document->id, NULL);
  g_assert_cmpstr (stored->sha256, !=, f->document->sha256);
  g_assert_cmpuint (changes, ==, 2);
}

static gboolean
is_indexed (gpointer data)
{
  DwFixture *f = data;
  g_autoptr(GPtrArray) hits = kt_store_search (f->store, "fortrolighedsklausul", 0, NULL);

  return hits != NULL && hits->len == 1;
}

static void
test_encrypted (DwFixture     *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  dw_attach (f, "Fortrolig.pdf", secret_pages, G_N_ELEMENTS (secret_pages), "hemmelig");
  /* What the indexer leaves behind for a PDF it cannot read */
  g_assert_true (kt_store_set_document_index_state (f->store, f->document->id, f->document->sha256,
                                                    KT_INDEX_STATE_ENCRYPTED, &error));
  g_assert_no_error (error);
  g_assert_false (is_indexed (f));

  dw_open_window (f);
  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_PASSWORD);
  g_assert_false (gtk_widget_get_visible (f->window->password_error_label));

  /* A wrong password says so and keeps what was typed */
  gtk_editable_set_text (GTK_EDITABLE (f->window->password_entry), "forkert");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.unlock", NULL));
  dw_wait_until (dw_is_settled, f->window);
  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_PASSWORD);
  g_assert_true (gtk_widget_get_visible (f->window->password_error_label));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->password_entry)), ==, "forkert");

  gtk_editable_set_text (GTK_EDITABLE (f->window->password_entry), "hemmelig");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.unlock", NULL));
  dw_wait_until (dw_is_settled, f->window);
  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_READY);
  g_assert_cmpstr (dw_label_text (f->window->page_count_label), ==, "of 2");

  /* Its text went into the index: the search finds it from now on */
  dw_wait_until (is_indexed, f);
}

static gint64
thread_cpu_usec (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* Hashing and opening a long PDF happen in threads: the window keeps
 * answering meanwhile. The main thread's own CPU time per iteration is
 * measured, so that a busy machine does not count. */
static void
test_large (DwFixture     *f,
            gconstpointer  data)
{
  g_autofree char *source = g_build_filename (f->dir, "Stor.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  gint64 end, longest = 0;

  kt_pdf_test_write_numbered (source, 1000);
  f->document = kt_document_library_attach (f->library, f->contract_id, file,
                                            KT_DOCUMENT_KIND_APPENDIX, NULL, &error);
  g_assert_no_error (error);

  f->window = g_object_ref_sink (kt_document_window_new (NULL, f->library, f->document));
  /* Nothing was read yet: hashing and opening are left to the workers */
  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_LOADING);
  g_assert_null (kt_pdf_view_get_document (kt_document_window_get_view (f->window)));
  gtk_window_present (GTK_WINDOW (f->window));
  /* Until it is open, and its first pages are laid out and drawn */
  end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    {
      gint64 start = thread_cpu_usec ();

      g_main_context_iteration (NULL, FALSE);
      longest = MAX (longest, thread_cpu_usec () - start);
      g_usleep (1000);
      if (dw_is_settled (f->window) && end - g_get_monotonic_time () > G_USEC_PER_SEC)
        end = g_get_monotonic_time () + G_USEC_PER_SEC;
    }
  g_assert_cmpint (kt_document_window_get_state (f->window), ==, KT_DOCUMENT_WINDOW_READY);
  g_assert_cmpstr (dw_label_text (f->window->page_count_label), ==, "of 1000");
  g_test_message ("longest main loop iteration while opening: %" G_GINT64_FORMAT " ms of CPU",
                  longest / 1000);
  g_assert_cmpint (longest, <, 100 * 1000);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  gboolean *done = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (kt_document_window_export_finish (KT_DOCUMENT_WINDOW (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_export (DwFixture     *f,
             gconstpointer  data)
{
  g_autoptr(KtClause) clause = NULL;
  g_autofree char *out = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *exported;
  gboolean done = FALSE;
  guint highlights = 0;

  dw_attach_contract (f, "Kontrakt.pdf");
  clause = dw_store_clause (f, 1, "opsigelse", KT_CLAUSE_TERMINATION);
  dw_open_window (f);

  out = g_build_filename (f->dir, "Kontrakt (highlighted).pdf", NULL);
  file = g_file_new_for_path (out);
  kt_document_window_export_async (f->window, file, export_done_cb, &done);
  dw_wait_until (is_true, &done);

  uri = g_file_get_uri (file);
  exported = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (exported), ==, 5);
  for (int i = 0; i < poppler_document_get_n_pages (exported); i++)
    {
      PopplerPage *page = poppler_document_get_page (exported, i);
      GList *mapping = poppler_page_get_annot_mapping (page);

      for (GList *l = mapping; l != NULL; l = l->next)
        {
          PopplerAnnotMapping *m = l->data;

          if (poppler_annot_get_annot_type (m->annot) == POPPLER_ANNOT_HIGHLIGHT)
            {
              g_assert_cmpint (i, ==, 1);
              highlights++;
            }
        }
      poppler_page_free_annot_mapping (mapping);
      g_object_unref (page);
    }
  g_object_unref (exported);
  g_assert_cmpuint (highlights, ==, 1);
}

static gboolean
shows_page (gpointer data)
{
  DwFixture *f = data;
  KtPdfView *view = kt_document_window_get_view (f->window);

  return f->finds > 0 && kt_pdf_view_get_current_match (view) >= 0;
}

static void
test_show_page (DwFixture     *f,
                gconstpointer  data)
{
  const char *words[] = { "opsigelse", NULL };
  const char *apart[] = { "prisregulering", "bod", NULL };
  KtPdfView *view;

  dw_attach_contract (f, "Kontrakt.pdf");
  /* Asked before the document is open: shown once it is */
  dw_create_window (f);
  kt_document_window_show_page (f->window, 5, words);
  dw_wait_until (dw_is_settled, f->window);
  dw_wait_until (shows_page, f);

  view = kt_document_window_get_view (f->window);
  g_assert_cmpuint (kt_pdf_view_get_n_matches (view), ==, 2);
  /* The match on that page is the current one, not the first in the document */
  g_assert_cmpint (kt_pdf_view_get_current_match (view), ==, 1);
  g_assert_cmpuint (kt_pdf_view_get_page (view), >=, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->search_entry)), ==, "opsigelse");
  g_assert_cmpstr (dw_label_text (f->window->match_label), ==, "2 of 2");

  /* Words that do not stand together: the first one is found */
  f->finds = 0;
  kt_document_window_show_page (f->window, 3, apart);
  dw_wait_until (shows_page, f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->window->search_entry)), ==, "prisregulering");
  g_assert_cmpuint (kt_pdf_view_get_n_matches (view), ==, 1);
  g_assert_cmpuint (kt_pdf_view_get_page (view), ==, 2);
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
  g_test_add (path, DwFixture, NULL, dw_fixture_set_up, func, dw_fixture_tear_down)
  ADD ("/ui/document-window/open", test_open);
  ADD ("/ui/document-window/missing", test_missing);
  ADD ("/ui/document-window/changed", test_changed);
  ADD ("/ui/document-window/damaged", test_damaged);
  ADD ("/ui/document-window/locate", test_locate);
  ADD ("/ui/document-window/encrypted", test_encrypted);
  ADD ("/ui/document-window/large", test_large);
  ADD ("/ui/document-window/export", test_export);
  ADD ("/ui/document-window/show-page", test_show_page);
#undef ADD

  return g_test_run ();
}
