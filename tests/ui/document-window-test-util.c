/* document-window-test-util.c — the fixture of the document window's
 * tests: a portfolio with one contract in a temporary folder, PDFs written
 * and attached by the test
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>

#include "document-window-test-util.h"
#include "kt-clause-dialog.h"
#include "pdf-test-util.h"

const char *const dw_contract_pages[5] = {
  "Kontrakt om levering af økonomisystem\nParterne er enige om følgende vilkår.",
  "§ 4 Opsigelse\nKontrakten kan opsiges med seks måneders varsel til udgangen af en måned.",
  "§ 6 Priser og prisregulering\nPriserne reguleres årligt efter nettoprisindekset.",
  "§ 9 Bod\nVed forsinkelse betaler leverandøren bod.",
  "§ 10 Exit\nLeverandøren yder ophørsbistand. Opsigelse af exitaftalen sker skriftligt.",
};

void
dw_iterate (void)
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

void
dw_run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* Runs the main loop until @done, at most 20 s. */
void
dw_wait_until (gboolean (*done) (gpointer),
               gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_assert_true (done (data));
  dw_iterate ();
}

gboolean
dw_is_settled (gpointer data)
{
  return kt_document_window_get_state (data) != KT_DOCUMENT_WINDOW_LOADING;
}

void
dw_open_store (DwFixture        *f,
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

void
dw_fixture_set_up (DwFixture     *f,
                   gconstpointer  data)
{
  g_autoptr(KtContract) contract = kt_contract_new ();
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-document-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Aftaler.kontrakter", NULL);
  dw_open_store (f, KT_STORE_OPEN_CREATE);

  contract->number = g_strdup ("K-2024-007");
  contract->name = g_strdup ("Økonomisystem");
  contract->category = KT_CATEGORY_LICENCE;
  contract->status = KT_STATUS_ACTIVE;
  g_date_set_dmy (&contract->start_date, 1, G_DATE_MARCH, 2022);
  g_date_set_dmy (&contract->end_date, 28, G_DATE_FEBRUARY, 2030);
  contract->price_index = KT_PRICE_INDEX_NET_PRICE;
  g_date_set_dmy (&contract->price_regulation_date, 1, G_DATE_JUNE, 2027);
  kt_store_insert_contract (f->store, contract, &error);
  g_assert_no_error (error);
  f->contract_id = contract->id;
}

static void
destroy_windows (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  dw_iterate ();
}

static gboolean
is_last_ref (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

void
dw_fixture_tear_down (DwFixture     *f,
                      gconstpointer  data)
{
  destroy_windows ();
  /* Nothing keeps a closed window alive: its workers were cancelled */
  if (f->window != NULL)
    {
      dw_wait_until (is_last_ref, f->window);
      g_assert_finalize_object (g_steal_pointer (&f->window));
    }
  g_clear_pointer (&f->document, kt_document_free);
  g_clear_object (&f->library);
  g_clear_object (&f->store);
  kt_pdf_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Attaches a PDF of @pages as a signed contract. */
void
dw_attach (DwFixture         *f,
           const char        *name,
           const char *const *pages,
           guint              n_pages,
           const char        *password)
{
  g_autofree char *source = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;

  if (password != NULL)
    kt_pdf_test_write_encrypted (source, password, pages, n_pages);
  else
    kt_pdf_test_write (source, NULL, pages, n_pages);
  f->document = kt_document_library_attach (f->library, f->contract_id, file,
                                            KT_DOCUMENT_KIND_SIGNED_CONTRACT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->document);
}

void
dw_attach_contract (DwFixture  *f,
                    const char *name)
{
  dw_attach (f, name, dw_contract_pages, G_N_ELEMENTS (dw_contract_pages), NULL);
}

char *
dw_stored_path (DwFixture *f)
{
  g_autoptr(GError) error = NULL;
  char *path = kt_document_library_get_path (f->library, f->document, &error);

  g_assert_no_error (error);
  return path;
}

static void
find_finished_cb (KtPdfView *view,
                  guint      n,
                  DwFixture *f)
{
  f->finds++;
}

void
dw_create_window (DwFixture *f)
{
  f->window = g_object_ref_sink (kt_document_window_new (NULL, f->library, f->document));
  g_signal_connect (kt_document_window_get_view (f->window), "find-finished",
                    G_CALLBACK (find_finished_cb), f);
  gtk_window_present (GTK_WINDOW (f->window));
}

void
dw_open_window (DwFixture *f)
{
  dw_create_window (f);
  dw_wait_until (dw_is_settled, f->window);
}

const char *
dw_label_text (GtkWidget *label)
{
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
find_done (gpointer data)
{
  DwFixture *f = data;

  return f->finds > 0 &&
         kt_pdf_view_get_current_match (kt_document_window_get_view (f->window)) >= 0;
}

/* Types @text into the find bar as a person would (Ctrl+F first). */
void
dw_find_text (DwFixture  *f,
              const char *text)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (f->window->search_bar)));
  f->finds = 0;
  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), text);
  /* search-changed comes after a short delay */
  dw_wait_until (find_done, f);
}

GPtrArray *
dw_clauses (DwFixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = kt_store_list_clauses (f->store, f->contract_id, 0, &error);

  g_assert_no_error (error);
  return list;
}

gpointer
dw_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

gboolean
dw_has_clause_dialog (gpointer data)
{
  return dw_find_toplevel (KT_TYPE_CLAUSE_DIALOG) != NULL;
}

gboolean
dw_has_no_clause_dialog (gpointer data)
{
  return dw_find_toplevel (KT_TYPE_CLAUSE_DIALOG) == NULL;
}

/* A clause of the stored document over the first match of @text on @page. */
KtClause *
dw_store_clause (DwFixture        *f,
                 guint             page,
                 const char       *text,
                 KtClauseCategory  category)
{
  g_autofree char *path = dw_stored_path (f);
  g_autoptr(KtPdfDocument) pdf = kt_pdf_document_open (path, NULL, NULL, NULL);
  g_autoptr(GArray) rects = NULL;
  g_autoptr(GError) error = NULL;
  KtClause *clause = kt_clause_new ();

  g_assert_nonnull (pdf);
  rects = kt_pdf_document_find_text (pdf, page, text);
  g_assert_cmpuint (rects->len, >, 0);
  clause->document_id = f->document->id;
  clause->page = page;
  kt_clause_add_quad (clause, &g_array_index (rects, KtPageRect, 0));
  g_free (clause->text);
  clause->text = g_strdup (text);
  clause->category = category;
  g_free (clause->colour);
  clause->colour = g_strdup (kt_clause_category_colour (category));
  g_assert_true (kt_store_save_clause (f->store, clause, &error));
  g_assert_no_error (error);
  return clause;
}

gboolean
dw_has_n_clauses (gpointer data)
{
  DwFixture *f = data;
  g_autoptr(GPtrArray) list = dw_clauses (f);

  return list->len == 1;
}
