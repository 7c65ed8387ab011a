/* bench-portfolio.c — loading and filtering a 20,000-contract portfolio
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OURS: what the portfolio view does when a file is opened and the user
 * types in the search field — kt_store_list_contracts (), a KtContractRow
 * for each contract in a GListStore, kt_contract_row_matches () with the
 * folded search text.
 * RAW: the store's own SELECT stepped with the sqlite3 API alone, reading
 * every column, and the same search done the simplest way: g_utf8_casefold
 * of the searched columns and strstr.
 *
 * Usage: bench-portfolio [N_CONTRACTS] (default 20000).
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kt-bench.h"
#include "kt-contract-row.h"
#include "kt-example.h"
#include "kt-format.h"

#define RUNS         7
#define TARGET_RATIO 2.0
#define NEEDLE       "løn"

/* The SELECT of kt_store_list_contracts (), copied from contract_query ()
 * in src/store/kt-store-contracts.c (the store does not publish its SQL).
 * If the schema changes and this no longer prepares, the benchmark stops
 * with the SQLite error rather than measure something else. */
static const char raw_sql[] =
  "SELECT c.id, c.version, c.changed_by, c.changed_at, "
  "c.number, c.name, c.type, c.parent_id, c.template_kind, c.status, c.supplier_id, "
  "c.system_owner_id, c.administrator_id, c.org_unit_id, c.category, c.procurement_form, "
  "c.criticality, c.purchased_services, c.contract_sum, c.annual_cost, c.payment_model, "
  "c.payment_frequency, c.price_index, c.price_regulation_date, c.signed_date, c.start_date, "
  "c.irrevocable_until, c.end_date, c.running, c.notice_months, c.notice_rule, c.option_count, "
  "c.option_months, c.options_used, c.personal_data, c.exit_notes, c.learning_points, c.notes, "
  "s.name, so.name, ad.name, ou.name "
  "FROM contracts AS c "
  "LEFT JOIN suppliers AS s ON s.id = c.supplier_id "
  "LEFT JOIN people AS so ON so.id = c.system_owner_id "
  "LEFT JOIN people AS ad ON ad.id = c.administrator_id "
  "LEFT JOIN org_units AS ou ON ou.id = c.org_unit_id "
  "WHERE c.deleted_at IS NULL ORDER BY c.number";

/* The columns kt_contract_row_matches () searches: number, purchased
 * services and the five names (contract, supplier, system owner,
 * administrator, org unit: sqlite names all of them "name"). The category
 * label is searched too, but it is a translated word that never contains
 * the needle. */
static const char *const searched_columns[] = { "number", "name", "purchased_services", NULL };

typedef struct {
  KtStore    *store;
  sqlite3    *db;
  GDate       today;
  char       *needle;       /* kt_fold_for_search (NEEDLE) */
  char       *raw_needle;   /* g_utf8_casefold (NEEDLE) */
  guint       ours_rows;
  guint       ours_hits;
  guint       raw_rows;
  guint       raw_hits;
} Bench;

static void
run_ours (gpointer user_data)
{
  Bench *b = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GListStore) model = NULL;
  g_autofree gpointer *rows = NULL;
  gpointer *pdata;
  guint n;

  contracts = kt_store_list_contracts (b->store, &error);
  if (contracts == NULL)
    g_error ("listing the contracts failed: %s", error->message);

  /* The rows take the contracts over, as in the portfolio view. */
  g_ptr_array_set_free_func (contracts, NULL);
  n = contracts->len;
  pdata = (gpointer *) contracts->pdata;
  rows = g_new (gpointer, n);
  for (guint i = 0; i < n; i++)
    rows[i] = kt_contract_row_new (pdata[i], &b->today);

  model = g_list_store_new (KT_TYPE_CONTRACT_ROW);
  g_list_store_splice (model, 0, 0, rows, n);

  b->ours_rows = n;
  b->ours_hits = 0;
  for (guint i = 0; i < n; i++)
    {
      b->ours_hits += kt_contract_row_matches (rows[i], b->needle);
      g_object_unref (rows[i]);
    }
}

static void
run_raw (gpointer user_data)
{
  Bench *b = user_data;
  sqlite3_stmt *stmt = NULL;
  gboolean searched[64] = { FALSE };
  int n_columns;
  int rc;

  if (sqlite3_prepare_v2 (b->db, raw_sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("raw prepare failed: %s", sqlite3_errmsg (b->db));

  n_columns = MIN (sqlite3_column_count (stmt), (int) G_N_ELEMENTS (searched));
  for (int i = 0; i < n_columns; i++)
    searched[i] = g_strv_contains (searched_columns, sqlite3_column_name (stmt, i));

  b->raw_rows = 0;
  b->raw_hits = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean hit = FALSE;
      gint64 sum = 0;

      for (int i = 0; i < n_columns; i++)
        {
          const char *text;

          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_INTEGER:
              sum += sqlite3_column_int64 (stmt, i);
              break;

            case SQLITE_TEXT:
              text = (const char *) sqlite3_column_text (stmt, i);
              if (searched[i] && !hit)
                {
                  g_autofree char *folded = g_utf8_casefold (text, -1);

                  hit = strstr (folded, b->raw_needle) != NULL;
                }
              break;

            default:
              break;
            }
        }

      /* Keeps the compiler from dropping the integer reads. */
      if (sum == G_MININT64)
        g_message ("unlikely");
      b->raw_rows++;
      b->raw_hits += hit;
    }

  if (rc != SQLITE_DONE)
    g_error ("raw step failed: %s", sqlite3_errmsg (b->db));
  sqlite3_finalize (stmt);
}

int
main (int   argc,
      char *argv[])
{
  Bench b = { 0 };
  KtExampleOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(KtStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint n_contracts = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 20000;
  gint64 start;
  double ours_ms, raw_ms;

  dir = g_dir_make_tmp ("kt-bench-portfolio-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.kontrakter", NULL);

  kt_example_options_init (&options);
  options.n_contracts = MAX (n_contracts, 1);
  g_date_set_dmy (&options.reference_date, 1, G_DATE_SEPTEMBER, 2026);

  start = g_get_monotonic_time ();
  store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);
  if (store == NULL || !kt_example_populate (store, &options, &error))
    g_error ("generating the portfolio failed: %s", error->message);
  g_clear_object (&store);
  fprintf (stderr, "# generated %u contracts in %.2f s\n",
           options.n_contracts, (g_get_monotonic_time () - start) / 1e6);

  /* Measured as a user opening the file would meet it. */
  kt_bench_reset_peak ();
  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (sqlite3_open_v2 (path, &b.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("sqlite3_open_v2 failed: %s", sqlite3_errmsg (b.db));

  b.store = store;
  b.today = options.reference_date;
  b.needle = kt_fold_for_search (NEEDLE);
  b.raw_needle = g_utf8_casefold (NEEDLE, -1);

  ours_ms = kt_bench_median_ms (run_ours, &b, RUNS);
  raw_ms = kt_bench_median_ms (run_raw, &b, RUNS);

  /* Both must have done the same work, or the ratio means nothing. */
  if (b.ours_rows != n_contracts || b.raw_rows != b.ours_rows || b.raw_hits != b.ours_hits)
    g_error ("ours read %u rows with %u hits, raw %u rows with %u hits",
             b.ours_rows, b.ours_hits, b.raw_rows, b.raw_hits);
  fprintf (stderr, "# %u rows, %u match \"%s\"\n", b.ours_rows, b.ours_hits, NEEDLE);

  kt_bench_report ("portfolio-load-filter", ours_ms, raw_ms, TARGET_RATIO);

  sqlite3_close (b.db);
  g_clear_object (&store);
  g_free (b.needle);
  g_free (b.raw_needle);
  g_remove (path);
  g_rmdir (dir);

  return EXIT_SUCCESS;
}
