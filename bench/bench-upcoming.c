/* bench-upcoming.c — the upcoming deadlines of a large portfolio
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OURS: what the upcoming-deadlines list does when it is opened or the
 * file changes — kt_store_list_activities_in_window () for the next 365
 * days with the overdue ones, kt_store_list_contracts (), the deadline
 * settings and kt_deadlines_collect (): every occurrence, every derived
 * deadline, sorted.
 * RAW: the same two SELECTs stepped with the sqlite3 API alone, reading
 * every column.
 *
 * Usage: bench-upcoming [N_CONTRACTS [N_ACTIVITIES [FILE]]] (default 20000
 * 200000). A FILE is kept, and used as it is when it exists: for profiling
 * without generating the portfolio each time.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kt-bench.h"
#include "kt-deadlines.h"
#include "kt-example.h"
#include "kt-format.h"

#define RUNS         9
#define TARGET_RATIO 1.5

/* The SELECTs of kt_store_list_contracts () and of
 * kt_store_list_activities_in_window (..., include_overdue = TRUE), copied
 * from src/store (the store does not publish its SQL). If the schema
 * changes and these no longer prepare, the benchmark stops with the SQLite
 * error rather than measure something else. */
static const char raw_contracts_sql[] =
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

#define ACTIVITY_SELECT \
  "SELECT a.id, a.version, a.changed_by, a.changed_at, " \
  "a.contract_id, a.type, a.deadline, a.description, a.clause_ref, a.responsible_id, " \
  "a.status, a.done_date, a.done_by, a.recurrence, a.recurrence_until, a.done_through, " \
  "a.notes, c.number, c.name, p.name " \
  "FROM activities AS a " \
  "JOIN contracts AS c ON c.id = a.contract_id " \
  "LEFT JOIN people AS p ON p.id = a.responsible_id " \
  "WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL "

static const char raw_activities_sql[] =
  ACTIVITY_SELECT "AND a.last_date >= ?1 AND a.deadline <= ?2 "
  "UNION ALL "
  ACTIVITY_SELECT "AND a.status = 'open' AND a.deadline < ?1 AND a.last_date < ?1";

typedef struct {
  KtStore    *store;
  sqlite3    *db;
  GDate       today;
  GDate       to;
  char       *from_iso;
  char       *to_iso;
  guint       ours_contracts;
  guint       ours_activities;
  guint       ours_items;
  guint       raw_contracts;
  guint       raw_activities;
  double      ms_activities;   /* of the last run of ours, by step */
  double      ms_contracts;
  double      ms_collect;
  double      ms_raw_activities;
  double      ms_raw_contracts;
} Bench;

static void
run_ours (gpointer user_data)
{
  Bench *b = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(KtDeadlineSettings) settings = NULL;
  g_autoptr(GPtrArray) items = NULL;

  gint64 t0, t1, t2, t3;

  t0 = g_get_monotonic_time ();
  activities = kt_store_list_activities_in_window (b->store, &b->today, &b->to, TRUE, &error);
  if (activities == NULL)
    g_error ("listing the activities failed: %s", error->message);
  t1 = g_get_monotonic_time ();
  contracts = kt_store_list_contracts (b->store, &error);
  if (contracts == NULL)
    g_error ("listing the contracts failed: %s", error->message);
  settings = kt_store_get_deadline_settings (b->store, &error);
  if (settings == NULL)
    g_error ("reading the settings failed: %s", error->message);
  t2 = g_get_monotonic_time ();

  items = kt_deadlines_collect (contracts, activities, settings, &b->today, &b->today, &b->to,
                                KT_DEADLINES_INCLUDE_OVERDUE);
  t3 = g_get_monotonic_time ();

  b->ms_activities = (t1 - t0) / 1000.0;
  b->ms_contracts = (t2 - t1) / 1000.0;
  b->ms_collect = (t3 - t2) / 1000.0;

  b->ours_contracts = contracts->len;
  b->ours_activities = activities->len;
  b->ours_items = items->len;
}

static guint
raw_step_all (Bench        *b,
              sqlite3_stmt *stmt)
{
  int n_columns = sqlite3_column_count (stmt);
  gint64 sum = 0;
  gsize bytes = 0;
  guint rows = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < n_columns; i++)
        {
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_INTEGER:
              sum += sqlite3_column_int64 (stmt, i);
              break;

            case SQLITE_TEXT:
              bytes += sqlite3_column_text (stmt, i)[0];
              break;

            default:
              break;
            }
        }
      rows++;
    }

  if (rc != SQLITE_DONE)
    g_error ("raw step failed: %s", sqlite3_errmsg (b->db));

  /* Keeps the compiler from dropping the reads. */
  if (sum == G_MININT64 && bytes == 1)
    g_message ("unlikely");

  return rows;
}

static void
run_raw (gpointer user_data)
{
  Bench *b = user_data;
  sqlite3_stmt *stmt = NULL;
  gint64 t0 = g_get_monotonic_time (), t1;

  if (sqlite3_prepare_v2 (b->db, raw_activities_sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("raw prepare failed: %s", sqlite3_errmsg (b->db));
  sqlite3_bind_text (stmt, 1, b->from_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, b->to_iso, -1, SQLITE_STATIC);
  b->raw_activities = raw_step_all (b, stmt);
  sqlite3_finalize (stmt);
  t1 = g_get_monotonic_time ();

  if (sqlite3_prepare_v2 (b->db, raw_contracts_sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("raw prepare failed: %s", sqlite3_errmsg (b->db));
  b->raw_contracts = raw_step_all (b, stmt);
  sqlite3_finalize (stmt);

  b->ms_raw_activities = (t1 - t0) / 1000.0;
  b->ms_raw_contracts = (g_get_monotonic_time () - t1) / 1000.0;
}

static double
time_once (KtBenchFunc  func,
           gpointer     user_data)
{
  gint64 start = g_get_monotonic_time ();

  func (user_data);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double_cb (gconstpointer a,
                   gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *times,
        guint   n)
{
  qsort (times, n, sizeof (double), compare_double_cb);

  return n % 2 == 1 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2.0;
}

/* Ours and raw take turns, so that a colleague's build running beside
 * the benchmark slows both alike rather than whichever ran then. */
static void
measure (Bench  *b,
         double *ours_ms,
         double *raw_ms)
{
  double ours[RUNS], raw[RUNS];

  run_ours (b);
  run_raw (b);

  for (guint i = 0; i < RUNS; i++)
    {
      ours[i] = time_once (run_ours, b);
      raw[i] = time_once (run_raw, b);
    }

  *ours_ms = median (ours, RUNS);
  *raw_ms = median (raw, RUNS);
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
  guint n_activities = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 200000;
  gint64 start;
  double ours_ms, raw_ms;

  kt_example_options_init (&options);
  options.n_contracts = MAX (n_contracts, 1);
  options.n_activities = n_activities;
  g_date_set_dmy (&options.reference_date, 1, G_DATE_SEPTEMBER, 2026);

  if (argc > 3)
    {
      path = g_strdup (argv[3]);
    }
  else
    {
      dir = g_dir_make_tmp ("kt-bench-upcoming-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "bench.kontrakter", NULL);
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      start = g_get_monotonic_time ();
      store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);
      if (store == NULL || !kt_example_populate (store, &options, &error))
        g_error ("generating the portfolio failed: %s", error->message);
      g_clear_object (&store);
      fprintf (stderr, "# generated %u contracts and %u activities in %.2f s\n",
               options.n_contracts, n_activities, (g_get_monotonic_time () - start) / 1e6);
    }

  /* Measured as a user opening the file would meet it. */
  kt_bench_reset_peak ();
  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (sqlite3_open_v2 (path, &b.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("sqlite3_open_v2 failed: %s", sqlite3_errmsg (b.db));

  b.store = store;
  b.today = options.reference_date;
  b.to = b.today;
  g_date_add_days (&b.to, 365);
  b.from_iso = kt_date_to_iso (&b.today);
  b.to_iso = kt_date_to_iso (&b.to);

  measure (&b, &ours_ms, &raw_ms);

  /* Both must have read the same rows, or the ratio means nothing. */
  if (b.ours_contracts != options.n_contracts || b.raw_contracts != b.ours_contracts ||
      b.raw_activities != b.ours_activities || b.ours_activities == 0)
    g_error ("ours read %u contracts and %u activities, raw %u and %u",
             b.ours_contracts, b.ours_activities, b.raw_contracts, b.raw_activities);
  fprintf (stderr, "# %u contracts, %u activities in the window, %u deadlines\n",
           b.ours_contracts, b.ours_activities, b.ours_items);
  fprintf (stderr, "# ours by step: activities %.1f ms, contracts %.1f ms, collect %.1f ms\n",
           b.ms_activities, b.ms_contracts, b.ms_collect);
  fprintf (stderr, "# raw by step: activities %.1f ms, contracts %.1f ms\n",
           b.ms_raw_activities, b.ms_raw_contracts);

  kt_bench_report ("upcoming-deadlines", ours_ms, raw_ms, TARGET_RATIO);

  sqlite3_close (b.db);
  g_clear_object (&store);
  g_free (b.from_iso);
  g_free (b.to_iso);
  if (dir != NULL)
    {
      g_remove (path);
      g_rmdir (dir);
    }

  return EXIT_SUCCESS;
}
