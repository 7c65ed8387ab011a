/* test-document-indexer.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>

#include "index-test-util.h"
#include "kt-document-indexer.h"
#include "pdf-test-util.h"

#define ADD(path, func) \
  g_test_add (path, IndexFixture, NULL, index_fixture_setup, func, index_fixture_teardown)

/* Guards every main loop of these tests. */
#define LOOP_TIMEOUT_S 120

static const char *const economy_pages[] = {
  "Kontrakt om levering af økonomisystem\nmellem Aarhus Kommune og Leverandøren A/S.",
  "§ 8 Opsigelse\nKunden kan opsige aftalen med seks måneders varsel til udgangen af et kvartal.",
  "§ 9 Prisregulering\nPriserne reguleres årligt den 1. januar efter nettoprisindekset.",
  "§ 12 Bod\nVed forsinkelse betaler Leverandøren en dagbod af kontraktsummen.",
};

static const char *const case_pages[] = {
  "§ 4 Exit\nVed ophør overdrager Leverandøren alle data i et åbent format.",
  "ÆNDRINGER AFTALES SKRIFTLIGT.\nSærlige vilkår gælder for support om søndagen.",
};

static void
assert_single_hit (IndexFixture     *fixture,
                   const char       *query,
                   const KtDocument *document,
                   guint             page)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const KtSearchHit *hit;

  hits = kt_store_search (fixture->store, query, 0, &error);
  g_assert_no_error (error);
  if (hits->len != 1)
    g_error ("“%s” gave %u hits, not 1", query, hits->len);

  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->contract_id, ==, document->contract_id);
  g_assert_cmpint (hit->document_id, ==, document->id);
  g_assert_cmpuint (hit->page, ==, page);
}

static guint
n_hits (IndexFixture *fixture,
        const char   *query)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = kt_store_search (fixture->store, query, 0, &error);
  g_assert_no_error (error);

  return hits->len;
}

static void
test_run_sync (IndexFixture  *fixture,
               gconstpointer  data)
{
  gint64 economy = index_add_contract (fixture, "K-2024-007", "Økonomisystem", NULL);
  gint64 cases = index_add_contract (fixture, "K-2023-012", "Sagssystem", NULL);
  g_autoptr(KtDocument) economy_pdf = NULL;
  g_autoptr(KtDocument) case_pdf = NULL;
  g_autoptr(GError) error = NULL;
  guint n_indexed = 99;

  economy_pdf = index_attach_pdf (fixture, economy, "Kontrakt.pdf", economy_pages,
                                  G_N_ELEMENTS (economy_pages));
  case_pdf = index_attach_pdf (fixture, cases, "Sagssystem underskrevet.pdf", case_pages,
                               G_N_ELEMENTS (case_pages));
  g_assert_cmpuint (index_n_pending (fixture), ==, 2);
  g_assert_cmpuint (n_hits (fixture, "årligt"), ==, 0);

  g_assert_true (kt_document_indexer_run_sync (fixture->store, NULL, &n_indexed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_indexed, ==, 2);
  g_assert_cmpuint (index_n_pending (fixture), ==, 0);
  g_assert_cmpint (index_state (fixture, economy_pdf->id), ==, KT_INDEX_STATE_INDEXED);
  g_assert_cmpint (index_state (fixture, case_pdf->id), ==, KT_INDEX_STATE_INDEXED);

  /* The right contract and page, whatever the case; å is not a */
  assert_single_hit (fixture, "årligt", economy_pdf, 3);
  assert_single_hit (fixture, "ÅRLIGT", economy_pdf, 3);
  g_assert_cmpuint (n_hits (fixture, "arligt"), ==, 0);
  assert_single_hit (fixture, "opsige varsel", economy_pdf, 2);
  assert_single_hit (fixture, "overdrager", case_pdf, 1);
  assert_single_hit (fixture, "ændringer", case_pdf, 2);
  assert_single_hit (fixture, "SØNDAGEN", case_pdf, 2);

  /* Nothing left to do: a second run indexes nothing */
  g_assert_true (kt_document_indexer_run_sync (fixture->store, NULL, &n_indexed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_indexed, ==, 0);
}

static void
test_bad_files (IndexFixture  *fixture,
                gconstpointer  data)
{
  static const char damaged_bytes[] =
    "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n% the rest was lost\n";
  static const char *const secret_pages[] = { "Fortrolig kontrakt" };
  gint64 contract = index_add_contract (fixture, "K-2022-001", "Lønsystem", NULL);
  g_autofree char *encrypted_source = g_build_filename (fixture->dir, "kilder", "Låst.pdf", NULL);
  g_autofree char *damaged_source = g_build_filename (fixture->dir, "kilder", "Skadet.pdf", NULL);
  g_autofree char *missing_path = NULL;
  g_autoptr(KtDocument) good = NULL;
  g_autoptr(KtDocument) encrypted = NULL;
  g_autoptr(KtDocument) damaged = NULL;
  g_autoptr(KtDocument) missing = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  guint n_indexed = 0;

  kt_pdf_test_write_encrypted (encrypted_source, "hemmelig", secret_pages, 1);
  kt_pdf_test_write_bytes (damaged_source, damaged_bytes, sizeof damaged_bytes - 1);
  encrypted = index_attach_file (fixture, contract, encrypted_source);
  damaged = index_attach_file (fixture, contract, damaged_source);
  good = index_attach_pdf (fixture, contract, "Kontrakt.pdf", economy_pages, 2);
  missing = index_attach_pdf (fixture, contract, "Bilag 1.pdf", case_pages, 2);

  /* Gone from the folder, e.g. while a colleague moved it */
  missing_path = kt_document_library_get_path (fixture->library, missing, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (missing_path), ==, 0);

  g_assert_cmpuint (index_n_pending (fixture), ==, 4);
  g_assert_true (kt_document_indexer_run_sync (fixture->store, NULL, &n_indexed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_indexed, ==, 1);

  g_assert_cmpint (index_state (fixture, good->id), ==, KT_INDEX_STATE_INDEXED);
  g_assert_cmpint (index_state (fixture, encrypted->id), ==, KT_INDEX_STATE_ENCRYPTED);
  g_assert_cmpint (index_state (fixture, damaged->id), ==, KT_INDEX_STATE_UNREADABLE);
  /* A missing file may come back ("Locate…"): it stays to be indexed */
  g_assert_cmpint (index_state (fixture, missing->id), ==, KT_INDEX_STATE_PENDING);
  assert_single_hit (fixture, "opsige", good, 2);

  /* Marked files are not tried again; the missing one is */
  pending = kt_store_list_documents_to_index (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (((KtDocument *) g_ptr_array_index (pending, 0))->id, ==, missing->id);

  /* Once it is back, the next run indexes it */
  kt_pdf_test_write (missing_path, NULL, case_pages, G_N_ELEMENTS (case_pages));
  g_assert_true (kt_document_indexer_run_sync (fixture->store, NULL, &n_indexed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_indexed, ==, 1);
  assert_single_hit (fixture, "overdrager", missing, 1);
  g_assert_cmpint (index_state (fixture, encrypted->id), ==, KT_INDEX_STATE_ENCRYPTED);
}

static void
test_cancelled (IndexFixture  *fixture,
                gconstpointer  data)
{
  gint64 contract = index_add_contract (fixture, "K-2024-007", "Økonomisystem", NULL);
  g_autoptr(KtDocument) document = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint n_indexed = 99;

  document = index_attach_pdf (fixture, contract, "Kontrakt.pdf", economy_pages,
                               G_N_ELEMENTS (economy_pages));
  g_cancellable_cancel (cancellable);

  g_assert_false (kt_document_indexer_run_sync (fixture->store, cancellable, &n_indexed, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n_indexed, ==, 0);
  g_assert_cmpint (index_state (fixture, document->id), ==, KT_INDEX_STATE_PENDING);
}

static void
test_read_only (IndexFixture  *fixture,
                gconstpointer  data)
{
  gint64 contract = index_add_contract (fixture, "K-2024-007", "Økonomisystem", NULL);
  g_autoptr(KtDocument) document = NULL;
  g_autoptr(KtStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint n_indexed = 99;

  document = index_attach_pdf (fixture, contract, "Kontrakt.pdf", economy_pages,
                               G_N_ELEMENTS (economy_pages));

  reader = kt_store_open (fixture->path, KT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (kt_document_indexer_run_sync (reader, NULL, &n_indexed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_indexed, ==, 0);
  g_assert_cmpint (index_state (fixture, document->id), ==, KT_INDEX_STATE_PENDING);
}

/* ---- The background indexer on a main loop ---- */

typedef struct {
  IndexFixture      *fixture;
  KtDocumentIndexer *indexer;
  GArray            *indexed_ids;
  guint              n_finished;
  guint              n_indexed;
  guint              n_fraction;
  double             max_fraction;
  gboolean           saw_busy;
  char              *status;
  /* The rescan test */
  gint64             late_contract_id;
  KtDocument        *late;
  gboolean           busy_at_restart;
} Watch;

static void
watch_clear (Watch *watch)
{
  g_clear_pointer (&watch->indexed_ids, g_array_unref);
  g_clear_pointer (&watch->status, g_free);
  g_clear_pointer (&watch->late, kt_document_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Watch, watch_clear)

static void
document_indexed_cb (KtDocumentIndexer *indexer,
                     gint64             id,
                     Watch             *watch)
{
  g_array_append_val (watch->indexed_ids, id);
}

static void
finished_cb (KtDocumentIndexer *indexer,
             guint              n_indexed,
             Watch             *watch)
{
  watch->n_finished++;
  watch->n_indexed = n_indexed;
}

static void
fraction_cb (KtDocumentIndexer *indexer,
             GParamSpec        *pspec,
             Watch             *watch)
{
  watch->n_fraction++;
  watch->max_fraction = MAX (watch->max_fraction, kt_document_indexer_get_fraction (indexer));
}

static void
busy_cb (KtDocumentIndexer *indexer,
         GParamSpec        *pspec,
         Watch             *watch)
{
  const char *status = kt_document_indexer_get_status (indexer);

  if (kt_document_indexer_get_busy (indexer))
    watch->saw_busy = TRUE;
  if (status != NULL && watch->status == NULL)
    watch->status = g_strdup (status);
}

static void
watch_connect (Watch             *watch,
               IndexFixture      *fixture,
               KtDocumentIndexer *indexer)
{
  watch->fixture = fixture;
  watch->indexer = indexer;
  watch->indexed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (indexer, "document-indexed", G_CALLBACK (document_indexed_cb), watch);
  g_signal_connect (indexer, "finished", G_CALLBACK (finished_cb), watch);
  g_signal_connect (indexer, "notify::fraction", G_CALLBACK (fraction_cb), watch);
  g_signal_connect (indexer, "notify::busy", G_CALLBACK (busy_cb), watch);
  g_signal_connect (indexer, "notify::status", G_CALLBACK (busy_cb), watch);
}

static gboolean
watch_has_id (Watch  *watch,
              gint64  id)
{
  for (guint i = 0; i < watch->indexed_ids->len; i++)
    if (g_array_index (watch->indexed_ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
iterate_until_finished (Watch *watch)
{
  gint64 deadline = g_get_monotonic_time () + LOOP_TIMEOUT_S * G_TIME_SPAN_SECOND;

  while (watch->n_finished == 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the indexer did not finish within %d s", LOOP_TIMEOUT_S);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_async (IndexFixture  *fixture,
            gconstpointer  data)
{
  gint64 contract = index_add_contract (fixture, "K-2024-007", "Økonomisystem", NULL);
  g_autoptr(KtDocumentIndexer) indexer = kt_document_indexer_new (fixture->path);
  g_autoptr(KtDocument) first = NULL;
  g_autoptr(KtDocument) second = NULL;
  g_autofree char *big = g_build_filename (fixture->dir, "kilder", "Bilag 2.pdf", NULL);
  g_auto(Watch) watch = { 0 };
  double seconds;
  gint64 start;

  first = index_attach_pdf (fixture, contract, "Kontrakt.pdf", economy_pages,
                            G_N_ELEMENTS (economy_pages));
  index_write_long_pdf (big, 150);
  second = index_attach_file (fixture, contract, big);

  watch_connect (&watch, fixture, indexer);
  g_assert_false (kt_document_indexer_get_busy (indexer));
  g_assert_null (kt_document_indexer_get_status (indexer));

  start = g_get_monotonic_time ();
  kt_document_indexer_start (indexer);
  iterate_until_finished (&watch);
  seconds = (g_get_monotonic_time () - start) / (double) G_TIME_SPAN_SECOND;
  iterate_for (200);

  g_assert_cmpuint (watch.n_finished, ==, 1);
  g_assert_cmpuint (watch.n_indexed, ==, 2);
  g_assert_cmpuint (watch.indexed_ids->len, ==, 2);
  g_assert_true (watch_has_id (&watch, first->id));
  g_assert_true (watch_has_id (&watch, second->id));

  /* Progress arrived, but batched: 150 pages do not make 150 updates */
  g_assert_true (watch.saw_busy);
  g_assert_nonnull (watch.status);
  g_assert_true (g_str_has_prefix (watch.status, "Indexing document "));
  g_assert_true (g_str_has_suffix (watch.status, " of 2…"));
  g_assert_cmpuint (watch.n_fraction, >=, 1);
  g_assert_cmpfloat (watch.max_fraction, >, 0.0);
  g_assert_cmpfloat (watch.max_fraction, <=, 1.0);
  g_test_message ("%u fraction updates in %.2f s", watch.n_fraction, seconds);
  g_assert_cmpuint (watch.n_fraction, <=, 2 + (guint) (seconds * 10 * 2));

  g_assert_false (kt_document_indexer_get_busy (indexer));
  g_assert_null (kt_document_indexer_get_status (indexer));
  g_assert_cmpint (index_state (fixture, first->id), ==, KT_INDEX_STATE_INDEXED);
  g_assert_cmpint (index_state (fixture, second->id), ==, KT_INDEX_STATE_INDEXED);
  assert_single_hit (fixture, "nettoprisindekset", first, 3);

  /* Nothing pending: a new start finishes with nothing and stays idle */
  watch.n_finished = 0;
  watch.saw_busy = FALSE;
  kt_document_indexer_start (indexer);
  iterate_until_finished (&watch);
  g_assert_cmpuint (watch.n_indexed, ==, 0);
  g_assert_false (watch.saw_busy);
}

static void
restart_cb (KtDocumentIndexer *indexer,
            GParamSpec        *pspec,
            Watch             *watch)
{
  if (watch->late != NULL || !kt_document_indexer_get_busy (indexer))
    return;

  /* Attached while the worker reads the others: that run's list is made */
  watch->late = index_attach_pdf (watch->fixture, watch->late_contract_id, "Tillæg.pdf",
                                  case_pages, G_N_ELEMENTS (case_pages));
  watch->busy_at_restart = kt_document_indexer_get_busy (indexer);
  kt_document_indexer_start (indexer);
}

static void
test_rescan (IndexFixture  *fixture,
             gconstpointer  data)
{
  gint64 contract = index_add_contract (fixture, "K-2024-007", "Økonomisystem", NULL);
  g_autoptr(KtDocumentIndexer) indexer = kt_document_indexer_new (fixture->path);
  g_autofree char *big = g_build_filename (fixture->dir, "kilder", "Bilag 2.pdf", NULL);
  g_autoptr(KtDocument) first = NULL;
  g_auto(Watch) watch = { 0 };

  index_write_long_pdf (big, 120);
  first = index_attach_file (fixture, contract, big);

  watch_connect (&watch, fixture, indexer);
  watch.late_contract_id = contract;
  g_signal_connect (indexer, "notify::busy", G_CALLBACK (restart_cb), &watch);

  kt_document_indexer_start (indexer);
  iterate_until_finished (&watch);
  iterate_for (300);

  g_assert_nonnull (watch.late);
  g_assert_true (watch.busy_at_restart);
  /* One more scan after the run, and one "finished" for both */
  g_assert_cmpuint (watch.n_finished, ==, 1);
  g_assert_cmpuint (watch.n_indexed, ==, 2);
  g_assert_true (watch_has_id (&watch, first->id));
  g_assert_true (watch_has_id (&watch, watch.late->id));
  g_assert_cmpint (index_state (fixture, watch.late->id), ==, KT_INDEX_STATE_INDEXED);
  g_assert_cmpuint (index_n_pending (fixture), ==, 0);
  assert_single_hit (fixture, "overdrager", watch.late, 1);
}

/* ---- Disposed in the middle of a run ----
 *
 * As when the window closes while a 200-page document is read: the
 * indexer goes at once, the worker stops at the next page and closes its
 * connection, and the application keeps running until it has. */

typedef struct {
  IndexFixture      *fixture;
  KtDocumentIndexer *indexer;
  guint              idle_id;
  gboolean           disposed;
} DisposeRun;

static gboolean
dispose_idle_cb (gpointer user_data)
{
  DisposeRun *run = user_data;

  run->idle_id = 0;
  g_signal_handlers_disconnect_by_data (run->indexer, run);
  g_assert_true (kt_document_indexer_get_busy (run->indexer));
  g_assert_finalize_object (g_steal_pointer (&run->indexer));
  run->disposed = TRUE;

  return G_SOURCE_REMOVE;
}

static void
dispose_busy_cb (KtDocumentIndexer *indexer,
                 GParamSpec        *pspec,
                 DisposeRun        *run)
{
  if (kt_document_indexer_get_busy (indexer) && run->idle_id == 0)
    run->idle_id = g_idle_add (dispose_idle_cb, run);
}

static void
dispose_activate_cb (GApplication *application,
                     DisposeRun   *run)
{
  run->indexer = kt_document_indexer_new (run->fixture->path);
  g_signal_connect (run->indexer, "notify::busy", G_CALLBACK (dispose_busy_cb), run);
  kt_document_indexer_start (run->indexer);
}

static void
test_dispose_mid_run (IndexFixture  *fixture,
                      gconstpointer  data)
{
  gint64 contract = index_add_contract (fixture, "K-2024-007", "Økonomisystem", NULL);
  g_autofree char *big = g_build_filename (fixture->dir, "kilder", "Kontrakt 200 sider.pdf", NULL);
  g_autoptr(KtDocument) document = NULL;
  g_autoptr(GApplication) application = NULL;
  g_autoptr(KtDocumentIndexer) again = NULL;
  g_auto(Watch) watch = { 0 };
  DisposeRun run = { fixture };

  index_write_long_pdf (big, 200);
  document = index_attach_file (fixture, contract, big);

  /* No id: no D-Bus; it is the process's default application */
  application = g_application_new (NULL, G_APPLICATION_DEFAULT_FLAGS);
  g_assert_true (g_application_get_default () == application);
  g_signal_connect (application, "activate", G_CALLBACK (dispose_activate_cb), &run);

  /* Returns once nothing holds the application: not before the worker
   * has let go of the file. */
  g_assert_cmpint (g_application_run (application, 0, NULL), ==, 0);
  g_assert_true (run.disposed);
  g_assert_null (run.indexer);
  g_clear_object (&application);

  /* Stopped before the last page: nothing written, still to do */
  g_assert_cmpint (index_state (fixture, document->id), ==, KT_INDEX_STATE_PENDING);

  /* And the file is fine for the next indexer */
  again = kt_document_indexer_new (fixture->path);
  watch_connect (&watch, fixture, again);
  kt_document_indexer_start (again);
  iterate_until_finished (&watch);
  g_assert_cmpuint (watch.n_indexed, ==, 1);
  g_assert_cmpint (index_state (fixture, document->id), ==, KT_INDEX_STATE_INDEXED);
  g_assert_cmpuint (n_hits (fixture, "Side 200"), >=, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/io/document-indexer/run-sync", test_run_sync);
  ADD ("/io/document-indexer/bad-files", test_bad_files);
  ADD ("/io/document-indexer/cancelled", test_cancelled);
  ADD ("/io/document-indexer/read-only", test_read_only);
  ADD ("/io/document-indexer/async", test_async);
  ADD ("/io/document-indexer/rescan", test_rescan);
  ADD ("/io/document-indexer/dispose-mid-run", test_dispose_mid_run);

  return g_test_run ();
}
