/* bench-search.c — full-text search over 50,000 pages
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 250 contracts with four 50-page documents each: 50,000 pages of
 * generated Danish-like contract text (about 380 words a page, a fixed
 * seed), written with kt_store_set_document_text () as the indexer does.
 *
 * OURS: kt_store_search () for what a user types, with the default limit
 * (200): the MATCH expression built, the query joined with the contracts
 * and documents for their names, one KtSearchHit per row.
 * RAW: sqlite3 alone on the same file: the same MATCH expression
 * (kt_store_search_expression ()), ORDER BY rank, the same LIMIT and the
 * index's own columns with the same snippet (), stepped to the end.
 *
 * The target is a ratio of at most 1.5, for each query and in total.
 * Usage: bench-search [N_PAGES] (default 50000; or KT_BENCH_SEARCH_PAGES).
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "bench-documents.h"
#include "kt-bench.h"
#include "kt-store.h"

#define RUNS                15
#define LIMIT               200
#define PAGES_PER_DOCUMENT  50
#define DOCUMENTS_PER_CONTRACT 4
#define WORDS_PER_PAGE      380
#define TARGET_RATIO        1.5
/* On one page in RARE_EVERY */
#define RARE_WORD           "tvistløsningsklausul"
#define RARE_EVERY          1000
#define DOCUMENTS_PER_BATCH 20

/* Kept in step with SEARCH_SQL in src/store/kt-store-search.c: what FTS5
 * itself returns, without the joins for the names. */
static const char raw_sql[] =
  "SELECT contract_id, document_id, page, field, "
  "snippet(search_index, 0, char(2), char(3), '…', 12), rank "
  "FROM search_index WHERE search_index MATCH ?1 ORDER BY rank LIMIT ?2";

/* A rare word (RARE_WORD), a common one, two words, a prefix and æ/ø/å. */
static const char *const queries[] = {
  "tvistløsningsklausul",
  "leverandøren",
  "opsigelse varsel",
  "prisreg",
  "årligt søndage",
};

typedef struct {
  KtStore    *store;
  sqlite3    *db;
  const char *query;
  char       *expression;
  guint       ours_rows;
  guint       raw_rows;
  gsize       raw_bytes;
} Bench;

static char *
fake_sha256 (GRand *rand)
{
  char *hex = g_new (char, 65);

  for (guint i = 0; i < 64; i++)
    hex[i] = "0123456789abcdef"[g_rand_int_range (rand, 0, 16)];
  hex[64] = '\0';

  return hex;
}

static void
fill_portfolio (KtStore *store,
                guint    n_pages)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (50000);
  g_autoptr(GError) error = NULL;
  guint n_documents = MAX (1, n_pages / PAGES_PER_DOCUMENT);
  gint64 contract_id = 0;
  gint64 start = g_get_monotonic_time ();

  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(KtDocument) document = kt_document_new ();
      g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

      /* A few documents per commit: the set-up is not what is measured */
      if (d % DOCUMENTS_PER_BATCH == 0 && !kt_store_begin_batch (store, &error))
        g_error ("beginning a batch failed: %s", error->message);

      if (d % DOCUMENTS_PER_CONTRACT == 0)
        {
          g_autoptr(KtContract) contract = kt_contract_new ();

          contract->number = g_strdup_printf ("K-2026-%04u", d / DOCUMENTS_PER_CONTRACT + 1);
          contract->name = g_strdup_printf ("Fagsystem %u", d / DOCUMENTS_PER_CONTRACT + 1);
          contract->category = KT_CATEGORY_LICENCE;
          contract->status = KT_STATUS_ACTIVE;
          contract->running = TRUE;
          contract->notes = bench_danish_text (rand, 30);
          if (!kt_store_insert_contract (store, contract, &error))
            g_error ("inserting a contract failed: %s", error->message);
          contract_id = contract->id;
        }

      document->contract_id = contract_id;
      document->kind = d % DOCUMENTS_PER_CONTRACT == 0 ? KT_DOCUMENT_KIND_SIGNED_CONTRACT
                                                       : KT_DOCUMENT_KIND_APPENDIX;
      document->sha256 = fake_sha256 (rand);
      document->original_name = g_strdup_printf ("Bilag %u.pdf", d % DOCUMENTS_PER_CONTRACT);
      document->media_type = g_strdup ("application/pdf");
      document->size = 250000;
      document->n_pages = PAGES_PER_DOCUMENT;
      if (!kt_store_insert_document (store, document, &error))
        g_error ("inserting a document failed: %s", error->message);

      for (guint p = 0; p < PAGES_PER_DOCUMENT; p++)
        {
          char *text = bench_danish_text (rand, WORDS_PER_PAGE);

          if (g_rand_int_range (rand, 0, RARE_EVERY) == 0)
            {
              char *with_rare = g_strconcat (text, " " RARE_WORD ".", NULL);

              g_free (text);
              text = with_rare;
            }
          g_ptr_array_add (pages, text);
        }

      if (!kt_store_set_document_text (store, document->id, document->sha256,
                                       (const char *const *) pages->pdata, pages->len, &error))
        g_error ("writing the text failed: %s", error->message);
      if ((d % DOCUMENTS_PER_BATCH == DOCUMENTS_PER_BATCH - 1 || d + 1 == n_documents) &&
          !kt_store_commit_batch (store, &error))
        g_error ("committing a batch failed: %s", error->message);
    }

  fprintf (stderr, "# %u pages in %u documents written in %.1f s\n",
           n_documents * PAGES_PER_DOCUMENT, n_documents,
           (g_get_monotonic_time () - start) / 1e6);
}

static void
run_ours (gpointer user_data)
{
  Bench *b = user_data;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = kt_store_search (b->store, b->query, LIMIT, &error);
  if (hits == NULL)
    g_error ("kt_store_search failed: %s", error->message);
  b->ours_rows = hits->len;
}

static void
run_raw (gpointer user_data)
{
  Bench *b = user_data;
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (b->db, raw_sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("raw prepare failed: %s", sqlite3_errmsg (b->db));
  sqlite3_bind_text (stmt, 1, b->expression, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, LIMIT);

  b->raw_rows = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const unsigned char *snippet = sqlite3_column_text (stmt, 4);

      b->raw_bytes += sqlite3_column_int64 (stmt, 0) + sqlite3_column_int64 (stmt, 2);
      b->raw_bytes += snippet != NULL ? strlen ((const char *) snippet) : 0;
      b->raw_bytes += sqlite3_column_double (stmt, 5) < 0;
      b->raw_rows++;
    }
  if (rc != SQLITE_DONE)
    g_error ("raw step failed: %s", sqlite3_errmsg (b->db));
  sqlite3_finalize (stmt);
}

int
main (int    argc,
      char **argv)
{
  guint n_pages = argc > 1 ? (guint) strtoul (argv[1], NULL, 10)
                           : bench_env_count ("KT_BENCH_SEARCH_PAGES", 50000);
  g_autofree char *dir = bench_make_dir ("kt-bench-search-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "Bench.kontrakter", NULL);
  g_autoptr(GError) error = NULL;
  double total_ours = 0, total_raw = 0;
  Bench b = { 0 };

  b.store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);
  if (b.store == NULL)
    g_error ("creating the portfolio failed: %s", error->message);
  fill_portfolio (b.store, MAX (n_pages, 1));

  /* Measured as a user opening the file would meet it */
  g_clear_object (&b.store);
  b.store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (sqlite3_open_v2 (path, &b.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("sqlite3_open_v2 failed: %s", sqlite3_errmsg (b.db));

  kt_bench_reset_peak ();
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *name = g_strdup_printf ("fts-search “%s”", queries[i]);
      double ours, raw;

      b.query = queries[i];
      g_free (b.expression);
      b.expression = kt_store_search_expression (b.query);

      bench_median_pair_ms (run_ours, run_raw, &b, RUNS, &ours, &raw);

      /* The same rows, or the ratio means nothing */
      if (b.ours_rows != b.raw_rows || b.ours_rows == 0)
        g_error ("“%s”: ours %u hits, raw %u", b.query, b.ours_rows, b.raw_rows);
      fprintf (stderr, "# “%s”: %u hits\n", b.query, b.ours_rows);

      kt_bench_report (name, ours, raw, TARGET_RATIO);
      total_ours += ours;
      total_raw += raw;
    }

  printf ("fts-search: %u pages, %u queries, limit %d\n", n_pages, (guint) G_N_ELEMENTS (queries), LIMIT);
  kt_bench_report ("fts-search", total_ours, total_raw, TARGET_RATIO);
  fflush (stdout);

  sqlite3_close (b.db);
  g_clear_object (&b.store);
  g_free (b.expression);
  bench_remove_tree (dir);

  return EXIT_SUCCESS;
}
