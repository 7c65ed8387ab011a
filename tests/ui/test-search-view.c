/* test-search-view.c — the global search: Danish words find the right
 * contract and page, a hit opens with its words, the empty states, the
 * latest query wins, and a finished indexer searches again
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "kt-document-indexer.h"
#include "kt-resources.h"
#include "kt-search-hit-row.h"
#include "kt-search-view.h"
#include "pdf-test-util.h"

#define FAKE_SHA256 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

typedef struct {
  char         *dir;
  char         *path;
  KtStore      *store;
  gint64        economy_id;   /* K-2024-007 Økonomisystem, with Kontrakt.pdf */
  gint64        payroll_id;   /* K-2023-002 Lønsystem */
  gint64        document_id;
  GtkWidget    *window;
  KtSearchView *view;
  GtkListBox   *list;
  GtkStack     *stack;
  GtkEditable  *entry;
} Fixture;

static const char *const economy_pages[] = {
  "Kontrakt om levering af økonomisystem til kommunen.",
  "§ 12 Opsigelse. Kontrakten kan opsiges med seks måneders varsel.",
  "§ 14 Prisregulering. Priserne reguleres årligt efter nettoprisindekset.",
};

static gint64
add_contract (KtStore    *store,
              const char *number,
              const char *name,
              const char *notes)
{
  g_autoptr(KtContract) contract = kt_contract_new ();
  g_autoptr(GError) error = NULL;

  contract->number = g_strdup (number);
  contract->name = g_strdup (name);
  contract->notes = g_strdup (notes);
  contract->category = KT_CATEGORY_LICENCE;
  contract->status = KT_STATUS_ACTIVE;
  g_date_set_dmy (&contract->start_date, 1, G_DATE_MARCH, 2022);
  g_date_set_dmy (&contract->end_date, 28, G_DATE_FEBRUARY, 2027);
  kt_store_insert_contract (store, contract, &error);
  g_assert_no_error (error);
  return contract->id;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KtDocument) document = kt_document_new ();
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-search-view-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "Aftaler.kontrakter", NULL);
  f->store = kt_store_open (f->path, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  f->economy_id = add_contract (f->store, "K-2024-007", "Økonomisystem", NULL);
  f->payroll_id = add_contract (f->store, "K-2023-002", "Lønsystem",
                                "Bod ved nedbrud ud over fire timer.");

  /* The index holds the text; the file itself is not needed for searching */
  document->contract_id = f->economy_id;
  document->kind = KT_DOCUMENT_KIND_SIGNED_CONTRACT;
  document->sha256 = g_strdup (FAKE_SHA256);
  document->original_name = g_strdup ("Kontrakt.pdf");
  document->media_type = g_strdup ("application/pdf");
  document->size = 4096;
  document->n_pages = G_N_ELEMENTS (economy_pages);
  g_assert_true (kt_store_insert_document (f->store, document, &error));
  g_assert_no_error (error);
  f->document_id = document->id;
  g_assert_true (kt_store_set_document_text (f->store, f->document_id, FAKE_SHA256,
                                             economy_pages, G_N_ELEMENTS (economy_pages), &error));
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  f->view = KT_SEARCH_VIEW (kt_search_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  f->list = GTK_LIST_BOX (find_widget (GTK_WIDGET (f->view), GTK_TYPE_LIST_BOX));
  f->stack = GTK_STACK (find_widget (GTK_WIDGET (f->view), GTK_TYPE_STACK));
  f->entry = GTK_EDITABLE (find_widget (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY));
  kt_search_view_set_store (f->view, f->store);
}

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
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Searches run in a worker: runs the main loop until @page is shown and
 * nothing more is pending, at most 20 s. */
static void
wait_for_page (Fixture    *f,
               const char *page)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);
  gint64 settle = 0;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, TRUE);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (f->stack), page) != 0)
        settle = 0;
      /* A while on the page: a stale result may still be overtaken */
      else if (settle == 0)
        settle = g_get_monotonic_time ();
      else if (g_get_monotonic_time () - settle > G_USEC_PER_SEC / 2)
        break;
    }
  g_source_remove (wake);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, page);
}

static GPtrArray *
hits_shown (Fixture *f)
{
  GPtrArray *hits = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (f->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (KT_IS_SEARCH_HIT_ROW (row))
      g_ptr_array_add (hits, (gpointer) kt_search_hit_row_get_hit (KT_SEARCH_HIT_ROW (row)));
  return hits;
}

static const char *
label_text (GtkWidget *row,
            guint      index)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *label = gtk_widget_get_first_child (box);

  for (guint i = 0; i < index; i++)
    label = gtk_widget_get_next_sibling (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The entry's own key handler, which runs before its text's */
static GtkEventController *
entry_keys (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->entry));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller;
    }
  g_assert_not_reached ();
}

typedef struct {
  guint        count;
  KtSearchHit *hit;
  GStrv        words;
} Activated;

static void
hit_activated_cb (KtSearchView *view,
                  KtSearchHit  *hit,
                  GStrv         words,
                  Activated    *activated)
{
  activated->count++;
  g_clear_pointer (&activated->hit, kt_search_hit_free);
  g_clear_pointer (&activated->words, g_strfreev);
  activated->hit = kt_search_hit_copy (hit);
  activated->words = g_strdupv (words);
}

static void
test_danish_words (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;
  const KtSearchHit *hit;
  GtkWidget *row;
  Activated activated = { 0, };
  gboolean handled = FALSE;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "start");

  /* The page of the document, in its row's second line */
  kt_search_view_set_text (f->view, "prisregulering");
  wait_for_page (f, "results");
  hits = hits_shown (f);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->contract_id, ==, f->economy_id);
  g_assert_cmpint (hit->document_id, ==, f->document_id);
  g_assert_cmpuint (hit->page, ==, 3);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (f->list, 0));
  g_assert_cmpstr (label_text (row, 0), ==, "K-2024-007 Økonomisystem");
  g_assert_cmpstr (label_text (row, 1), ==, "page 3 of Kontrakt.pdf");
  g_assert_nonnull (strstr (label_text (row, 2), "Prisregulering"));

  /* Down from the entry goes to the hits, Up from the first hit back */
  kt_search_view_focus_entry (f->view);
  g_signal_emit_by_name (entry_keys (f), "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == row);
  g_signal_emit_by_name (f->list, "keynav-failed", GTK_DIR_UP, &handled);
  g_assert_true (handled);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (f->entry)));

  /* Activating it says which hit, with the words to highlight */
  g_signal_connect (f->view, "hit-activated", G_CALLBACK (hit_activated_cb), &activated);
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpuint (activated.count, ==, 1);
  g_assert_cmpint (activated.hit->contract_id, ==, f->economy_id);
  g_assert_cmpuint (activated.hit->page, ==, 3);
  g_assert_cmpuint (g_strv_length (activated.words), ==, 1);
  g_assert_cmpstr (activated.words[0], ==, "prisregulering");

  /* Typed, in capitals: Å is å, and å is not a */
  gtk_editable_set_text (f->entry, "ÅRLIGT");
  wait_for_page (f, "results");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = hits_shown (f);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (((KtSearchHit *) g_ptr_array_index (hits, 0))->page, ==, 3);

  gtk_editable_set_text (f->entry, "arligt");
  wait_for_page (f, "empty");
  g_assert_null (gtk_list_box_get_row_at_index (f->list, 0));

  /* A contract's own field, and Enter in the entry opens the best hit */
  gtk_editable_set_text (f->entry, "nedbrud");
  wait_for_page (f, "results");
  g_signal_emit_by_name (f->entry, "activate");
  g_assert_cmpuint (activated.count, ==, 2);
  g_assert_cmpint (activated.hit->contract_id, ==, f->payroll_id);
  g_assert_cmpint (activated.hit->document_id, ==, 0);

  /* Escape empties the entry and the view */
  g_signal_emit_by_name (f->entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (f->entry), ==, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "start");

  g_clear_pointer (&activated.hit, kt_search_hit_free);
  g_clear_pointer (&activated.words, g_strfreev);
}

static void
test_no_results (Fixture       *f,
                 gconstpointer  data)
{
  AdwStatusPage *page;

  kt_search_view_set_text (f->view, "kørekort");
  wait_for_page (f, "empty");
  page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (f->stack));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Results");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "“kørekort”"));
}

static void
test_latest_wins (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) hits = NULL;

  /* The first query is still running when the second comes */
  kt_search_view_set_text (f->view, "prisregulering");
  kt_search_view_set_text (f->view, "opsigelse");
  wait_for_page (f, "results");
  hits = hits_shown (f);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (((KtSearchHit *) g_ptr_array_index (hits, 0))->page, ==, 2);

  /* Another portfolio: no hits from the first */
  kt_search_view_set_store (f->view, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "start");
}

static gboolean
indexed_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
finished_cb (KtDocumentIndexer *indexer,
             guint              n_indexed,
             gboolean          *finished)
{
  *finished = TRUE;
}

static void
test_indexer (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *source = g_build_filename (f->dir, "Bilag.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(KtDocumentLibrary) library = kt_document_library_new (f->store);
  g_autoptr(KtDocumentIndexer) indexer = kt_document_indexer_new (f->path);
  g_autoptr(KtDocument) document = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const char *pages[] = { "Bilag 2", "Servicemål: oppetid på 99,5 procent om måneden." };
  gboolean finished = FALSE;
  gint64 end;

  kt_pdf_test_write (source, NULL, pages, G_N_ELEMENTS (pages));
  document = kt_document_library_attach (library, f->payroll_id, file, KT_DOCUMENT_KIND_APPENDIX,
                                         NULL, &error);
  g_assert_no_error (error);

  /* Not indexed yet: nothing */
  kt_search_view_set_indexer (f->view, indexer);
  kt_search_view_set_text (f->view, "oppetid");
  wait_for_page (f, "empty");

  /* Once the indexer is done, the view searches again by itself */
  g_signal_connect (indexer, "finished", G_CALLBACK (finished_cb), &finished);
  kt_document_indexer_start (indexer);
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!finished && g_get_monotonic_time () < end)
    {
      gboolean tick = FALSE;

      g_timeout_add (20, indexed_cb, &tick);
      while (!tick)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (finished);
  wait_for_page (f, "results");
  hits = hits_shown (f);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((KtSearchHit *) g_ptr_array_index (hits, 0))->contract_id, ==, f->payroll_id);
  g_assert_cmpuint (((KtSearchHit *) g_ptr_array_index (hits, 0))->page, ==, 2);

  kt_search_view_set_indexer (f->view, NULL);
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
  ADD ("/ui/search-view/danish-words", test_danish_words);
  ADD ("/ui/search-view/no-results", test_no_results);
  ADD ("/ui/search-view/latest-wins", test_latest_wins);
  ADD ("/ui/search-view/indexer", test_indexer);
#undef ADD

  return g_test_run ();
}
