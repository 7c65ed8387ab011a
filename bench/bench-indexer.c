/* bench-indexer.c — putting PDF text into the index, and the window meanwhile
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 20 contracts, each with a generated 50-page signed contract attached
 * (full pages of Danish-like text): 1,000 pages. Before every run the
 * portfolio file is put back as it was after attaching, so every run
 * indexes all of them.
 *
 * `bench-indexer indexing`
 *   OURS: kt_document_indexer_run_sync () on a freshly opened store: the
 *   library's paths, kt_pdf_document_open (), every page's text, one
 *   write of the document's pages into the FTS5 index per document.
 *   RAW: poppler-glib alone: poppler_document_new_from_file () and
 *   poppler_page_get_text () on every page of the same files, nothing
 *   stored. Reported as time and pages per second; target ratio 1.5.
 *
 * `bench-indexer stall`
 *   The background indexer (KtDocumentIndexer) indexes the same files
 *   while the main loop runs a 1 ms timeout, as the window's frame clock
 *   would; the longest gap between two ticks is the longest the window
 *   could not draw. "raw" is the longest gap of the same loop without
 *   indexing, as long as one indexing run. The target is < 50 ms.
 *
 * KT_BENCH_DOCUMENTS=N (default 20) makes quicker runs.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "bench-documents.h"
#include "kt-bench.h"
#include "kt-document-indexer.h"
#include "kt-document-library.h"

#define PAGES_PER_DOCUMENT  50
#define RUNS                3
#define TARGET_RATIO        1.5
#define STALL_TARGET_MS     50.0

typedef struct {
  char      *dir;
  char      *path;       /* the portfolio */
  char      *pristine;   /* its bytes with every document still to index */
  gsize      pristine_length;
  GPtrArray *files;      /* the stored PDFs */
  guint      n_documents;
  guint      n_pages;
} Setup;

static void
setup_portfolio (Setup *s)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(KtStore) store = NULL;
  g_autoptr(KtDocumentLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  s->dir = bench_make_dir ("kt-bench-indexer-XXXXXX");
  s->path = g_build_filename (s->dir, "Bench.kontrakter", NULL);
  s->files = g_ptr_array_new_with_free_func (g_free);

  store = kt_store_open (s->path, KT_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    g_error ("creating the portfolio failed: %s", error->message);
  library = kt_document_library_new (store);

  for (guint i = 0; i < s->n_documents; i++)
    {
      g_autoptr(KtContract) contract = kt_contract_new ();
      g_autoptr(KtDocument) document = NULL;
      g_autofree char *source = g_strdup_printf ("%s/Kontrakt %02u.pdf", s->dir, i + 1);
      g_autoptr(GFile) file = g_file_new_for_path (source);

      contract->number = g_strdup_printf ("K-2026-%03u", i + 1);
      contract->name = g_strdup_printf ("Fagsystem %u", i + 1);
      contract->category = KT_CATEGORY_LICENCE;
      contract->status = KT_STATUS_ACTIVE;
      contract->running = TRUE;
      if (!kt_store_insert_contract (store, contract, &error))
        g_error ("inserting a contract failed: %s", error->message);

      bench_write_pdf (source, PAGES_PER_DOCUMENT, rand);
      document = kt_document_library_attach (library, contract->id, file,
                                             KT_DOCUMENT_KIND_SIGNED_CONTRACT, NULL, &error);
      if (document == NULL)
        g_error ("attaching failed: %s", error->message);
      g_ptr_array_add (s->files, kt_document_library_get_path (library, document, &error));
      g_assert_no_error (error);
      g_unlink (source);
      s->n_pages += PAGES_PER_DOCUMENT;
    }

  g_clear_object (&library);
  g_clear_object (&store);
  if (!g_file_get_contents (s->path, &s->pristine, &s->pristine_length, &error))
    g_error ("reading the portfolio failed: %s", error->message);

  fprintf (stderr, "# %u documents, %u pages generated and attached in %.1f s\n",
           s->n_documents, s->n_pages, (g_get_monotonic_time () - start) / 1e6);
}

/* Every document back to "to be indexed"; no connection may be open. */
static void
reset_portfolio (Setup *s)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (s->path, s->pristine, s->pristine_length, &error))
    g_error ("restoring the portfolio failed: %s", error->message);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *times,
        guint   n)
{
  qsort (times, n, sizeof (double), compare_double);
  return n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
}

/* ---- indexing ---- */

/* CPU time of the process in ms: on a busy machine steadier than the
 * wall clock, for the information line. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
index_once (Setup  *s,
            double *cpu)
{
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_indexed = 0;
  gint64 start;

  reset_portfolio (s);
  *cpu = cpu_ms ();
  start = g_get_monotonic_time ();
  store = kt_store_open (s->path, KT_STORE_OPEN_DEFAULT, &error);
  if (store == NULL || !kt_document_indexer_run_sync (store, NULL, &n_indexed, &error))
    g_error ("indexing failed: %s", error->message);
  g_clear_object (&store);
  if (n_indexed != s->n_documents)
    g_error ("indexed %u of %u documents", n_indexed, s->n_documents);

  *cpu = cpu_ms () - *cpu;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
extract_once (Setup  *s,
              double *cpu)
{
  gint64 start = g_get_monotonic_time ();
  gsize n_chars = 0;
  guint n_pages = 0;

  *cpu = cpu_ms ();
  for (guint i = 0; i < s->files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = g_filename_to_uri (g_ptr_array_index (s->files, i), NULL, NULL);
      PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

      if (document == NULL)
        g_error ("poppler_document_new_from_file: %s", error->message);

      for (int p = 0; p < poppler_document_get_n_pages (document); p++)
        {
          PopplerPage *page = poppler_document_get_page (document, p);
          g_autofree char *text = poppler_page_get_text (page);

          n_chars += strlen (text);
          n_pages++;
          g_object_unref (page);
        }
      g_object_unref (document);
    }

  if (n_pages != s->n_pages || n_chars == 0)
    g_error ("raw read %u pages, %zu characters", n_pages, n_chars);

  *cpu = cpu_ms () - *cpu;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_indexing (Setup *s)
{
  double ours[RUNS], raw[RUNS], ours_cpu[RUNS], raw_cpu[RUNS];
  double ours_ms, raw_ms;
  double warm;

  /* Warm the page cache and poppler's fonts */
  extract_once (s, &warm);

  kt_bench_reset_peak ();
  for (guint r = 0; r < RUNS; r++)
    {
      ours[r] = index_once (s, &ours_cpu[r]);
      raw[r] = extract_once (s, &raw_cpu[r]);
    }
  ours_ms = median (ours, RUNS);
  raw_ms = median (raw, RUNS);

  printf ("document-indexing: %u pages in %u documents: %.0f pages/s, "
          "poppler_page_get_text alone %.0f pages/s; CPU time ratio %.2f\n",
          s->n_pages, s->n_documents, s->n_pages / (ours_ms / 1000.0),
          s->n_pages / (raw_ms / 1000.0), median (ours_cpu, RUNS) / median (raw_cpu, RUNS));
  kt_bench_report ("document-indexing", ours_ms, raw_ms, TARGET_RATIO);
}

/* ---- stall ---- */

typedef struct {
  gint64   last_tick;
  gint64   longest;
  gboolean finished;
} Ticks;

static gboolean
tick_cb (gpointer user_data)
{
  Ticks *ticks = user_data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last_tick);
  ticks->last_tick = now;

  return G_SOURCE_CONTINUE;
}

static void
finished_cb (KtDocumentIndexer *indexer,
             guint              n_indexed,
             Ticks             *ticks)
{
  ticks->finished = TRUE;
}

/* What a window does with the progress: reads it. */
static void
progress_cb (KtDocumentIndexer *indexer,
             GParamSpec        *pspec,
             gpointer           user_data)
{
  volatile double fraction = kt_document_indexer_get_fraction (indexer);
  const char *status = kt_document_indexer_get_status (indexer);

  (void) fraction;
  (void) status;
}

static double
stall_once (Setup  *s,
            double *duration_ms)
{
  g_autoptr(KtDocumentIndexer) indexer = NULL;
  Ticks ticks = { 0 };
  gint64 start;
  guint tick_id;

  reset_portfolio (s);
  indexer = kt_document_indexer_new (s->path);
  g_signal_connect (indexer, "finished", G_CALLBACK (finished_cb), &ticks);
  g_signal_connect (indexer, "notify", G_CALLBACK (progress_cb), NULL);

  start = ticks.last_tick = g_get_monotonic_time ();
  tick_id = g_timeout_add (1, tick_cb, &ticks);
  kt_document_indexer_start (indexer);
  while (!ticks.finished)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);
  *duration_ms = (g_get_monotonic_time () - start) / 1000.0;

  return ticks.longest / 1000.0;
}

static double
idle_stall (double duration_ms)
{
  Ticks ticks = { 0 };
  gint64 end;
  guint tick_id;

  ticks.last_tick = g_get_monotonic_time ();
  end = ticks.last_tick + (gint64) (duration_ms * 1000);
  tick_id = g_timeout_add (1, tick_cb, &ticks);
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);

  return ticks.longest / 1000.0;
}

static void
bench_stall (Setup *s)
{
  double stall = 0, duration = 0, idle;

  kt_bench_reset_peak ();
  for (guint r = 0; r < RUNS; r++)
    {
      double run_duration;

      stall = MAX (stall, stall_once (s, &run_duration));
      duration = MAX (duration, run_duration);
    }
  idle = idle_stall (duration);

  printf ("indexing-stall: longest main-loop stall while indexing %u pages "
          "(%u runs of %.1f s at most): %.1f ms, without indexing %.1f ms; target < %.0f ms\n",
          s->n_pages, RUNS, duration / 1000.0, stall, idle, STALL_TARGET_MS);
  kt_bench_report ("indexing-stall", stall, idle, 0);
  if (stall >= STALL_TARGET_MS)
    printf ("indexing-stall: WARNING: over target (longest stall %.1f ms >= %.0f ms)\n",
            stall, STALL_TARGET_MS);
  fflush (stdout);
}

int
main (int    argc,
      char **argv)
{
  const char *mode = argc > 1 ? argv[1] : "indexing";
  Setup s = { 0 };

  if (strcmp (mode, "indexing") != 0 && strcmp (mode, "stall") != 0)
    {
      fprintf (stderr, "Usage: %s indexing|stall\n", argv[0]);
      return EXIT_FAILURE;
    }

  s.n_documents = bench_env_count ("KT_BENCH_DOCUMENTS", 20);
  setup_portfolio (&s);

  if (strcmp (mode, "indexing") == 0)
    bench_indexing (&s);
  else
    bench_stall (&s);

  bench_remove_tree (s.dir);
  g_free (s.dir);
  g_free (s.path);
  g_free (s.pristine);
  g_ptr_array_unref (s.files);

  return EXIT_SUCCESS;
}
