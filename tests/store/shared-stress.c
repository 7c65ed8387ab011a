/* shared-stress.c — four colleagues editing one portfolio file at once
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts four shared-writer processes (random edits through the store for
 * 20 s each, KT_SHARED_STRESS_SECONDS to change that) on one file, then
 * proves from their logs and the file that nothing was lost: no two
 * acknowledged writes claim the same row version, every acknowledged write
 * is in the audit trail, every row holds the last acknowledged value of
 * each field and as many versions as acknowledged writes, every conflict
 * was a real one (someone else's write made that version) and left no
 * trace, and PRAGMA integrity_check is ok.
 *
 * Usage (from meson): shared-stress PATH-OF-SHARED-WRITER
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <locale.h>
#include <sys/wait.h>

#include "store-test-util.h"

#define N_WRITERS    4
#define N_CONTRACTS  20
#define N_SUPPLIERS  4

static const char *writer_path;

typedef struct {
  char   *entity;
  gint64  id;
  gint64  version;  /* the new version; for a conflict the one that was read */
  char   *field;
  char   *value;
} Write;

static void
write_free (Write *w)
{
  g_free (w->entity);
  g_free (w->field);
  g_free (w->value);
  g_free (w);
}

typedef struct {
  GPtrArray  *acks;       /* Write * */
  GPtrArray  *conflicts;  /* Write * */
  GHashTable *inserts;    /* contract id (gint64 *) → number */
  guint64     edits;
  guint64     n_conflicts;
  guint64     retries;
  gint64      longest_wait;
} Logs;

static char *
row_key (const char *entity,
         gint64      id)
{
  return g_strdup_printf ("%s/%" G_GINT64_FORMAT, entity, id);
}

static void
read_log (Logs       *logs,
          const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  gboolean have_stats = FALSE;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (f);

      if (n == 0)
        continue;

      if ((g_str_equal (f[0], "ack") || g_str_equal (f[0], "conflict")) && n == 6)
        {
          Write *w = g_new0 (Write, 1);

          w->entity = g_strdup (f[1]);
          w->id = g_ascii_strtoll (f[2], NULL, 10);
          w->version = g_ascii_strtoll (f[3], NULL, 10);
          w->field = g_strdup (f[4]);
          w->value = g_strdup (f[5]);
          g_ptr_array_add (g_str_equal (f[0], "ack") ? logs->acks : logs->conflicts, w);
        }
      else if (g_str_equal (f[0], "insert") && n == 4)
        {
          gint64 id = g_ascii_strtoll (f[2], NULL, 10);

          g_assert_false (g_hash_table_contains (logs->inserts, &id));
          g_hash_table_insert (logs->inserts, g_memdup2 (&id, sizeof id), g_strdup (f[3]));
        }
      else if (g_str_equal (f[0], "stats") && n == 5)
        {
          logs->edits += g_ascii_strtoull (f[1], NULL, 10);
          logs->n_conflicts += g_ascii_strtoull (f[2], NULL, 10);
          logs->retries += g_ascii_strtoull (f[3], NULL, 10);
          logs->longest_wait = MAX (logs->longest_wait, g_ascii_strtoll (f[4], NULL, 10));
          have_stats = TRUE;
        }
      else
        g_assert_cmpstr (lines[i], ==, "");
    }

  /* The writer got to its end (the log was closed properly). */
  g_assert_true (have_stats);
}

static void
seed_portfolio (const char *path)
{
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(GError) error = NULL;
  gint64 supplier_ids[N_SUPPLIERS];

  for (guint i = 0; i < N_SUPPLIERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Leverandør %u A/S", i + 1);
      g_autoptr(KtSupplier) supplier = test_supplier_new (name, i + 1);

      g_assert_true (kt_store_insert_supplier (store, supplier, &error));
      g_assert_no_error (error);
      supplier_ids[i] = supplier->id;
    }

  for (guint i = 0; i < N_CONTRACTS; i++)
    {
      g_autofree char *number = g_strdup_printf ("K-%02u", i + 1);
      g_autoptr(KtContract) contract = test_contract_new (number, "Fagsystem");

      contract->supplier_id = supplier_ids[i % N_SUPPLIERS];
      g_assert_true (kt_store_insert_contract (store, contract, &error));
      g_assert_no_error (error);
    }
}

static void
run_writers (const char *dir,
             const char *path,
             guint       seconds)
{
  g_autofree char *seconds_text = g_strdup_printf ("%u", seconds);
  GPid pids[N_WRITERS];

  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_autofree char *writer = g_strdup_printf ("%u", i + 1);
      g_autofree char *seed = g_strdup_printf ("%u", g_test_rand_int ());
      g_autofree char *name = g_strdup_printf ("writer%u.log", i + 1);
      g_autofree char *log = g_build_filename (dir, name, NULL);
      const char *argv[] = { writer_path, "stress", path, writer, seconds_text, seed, log, NULL };
      g_autoptr(GError) error = NULL;

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                     &pids[i], &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_spawn_check_wait_status (status, &error);
      g_assert_no_error (error);
    }
}

static gint64
sql_count (sqlite3_stmt *stmt)
{
  gint64 n;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return n;
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  return stmt;
}

static const char *
table_of (const char *entity)
{
  return g_str_equal (entity, "contract") ? "contracts" : "suppliers";
}

static void
check (const char *path,
       Logs       *logs)
{
  g_autoptr(GHashTable) by_version = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) acks_per_row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *integrity = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *audit_update, *audit_insert, *number_of;
  GHashTableIter iter;
  gpointer key, value;
  guint lost = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  audit_update = prepare (db, "SELECT count(*) FROM audit_log WHERE entity = ?1 AND "
                              "entity_id = ?2 AND action = 'update' AND field = ?3 AND "
                              "new_value = ?4");
  audit_insert = prepare (db, "SELECT count(*) FROM audit_log WHERE entity = 'contract' AND "
                              "entity_id = ?1 AND action = 'insert'");
  number_of = prepare (db, "SELECT count(*) FROM contracts WHERE id = ?1 AND number = ?2 "
                           "AND deleted_at IS NULL");

  for (guint i = 0; i < logs->acks->len; i++)
    {
      Write *w = logs->acks->pdata[i];
      g_autofree char *version_key = g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                                      w->entity, w->id, w->version);
      g_autofree char *field_key = g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%s",
                                                    w->entity, w->id, w->field);
      g_autofree char *row = NULL;
      guint n_row;
      Write *before;

      /* Two saves that both succeeded on the same version: one overwrote
       * the other without a conflict. */
      if ((before = g_hash_table_lookup (by_version, version_key)) != NULL)
        {
          g_test_message ("lost update: %s version %" G_GINT64_FORMAT " acknowledged as %s=%s "
                          "and %s=%s", version_key, w->version, before->field, before->value,
                          w->field, w->value);
          lost++;
        }
      g_hash_table_insert (by_version, g_steal_pointer (&version_key), w);

      before = g_hash_table_lookup (last, field_key);
      if (before == NULL || before->version < w->version)
        g_hash_table_insert (last, g_steal_pointer (&field_key), w);

      row = row_key (w->entity, w->id);
      n_row = GPOINTER_TO_UINT (g_hash_table_lookup (acks_per_row, row));
      g_hash_table_insert (acks_per_row, g_steal_pointer (&row), GUINT_TO_POINTER (n_row + 1));

      sqlite3_bind_text (audit_update, 1, w->entity, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (audit_update, 2, w->id);
      sqlite3_bind_text (audit_update, 3, w->field, -1, SQLITE_STATIC);
      sqlite3_bind_text (audit_update, 4, w->value, -1, SQLITE_STATIC);
      if (sql_count (audit_update) != 1)
        g_error ("acknowledged %s %" G_GINT64_FORMAT " %s=%s is not in the audit trail once",
                 w->entity, w->id, w->field, w->value);
    }
  g_assert_cmpuint (lost, ==, 0);

  /* Every row holds, field by field, the newest acknowledged value. */
  g_hash_table_iter_init (&iter, last);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Write *w = value;
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1",
                                              w->field, table_of (w->entity));
      sqlite3_stmt *stmt = prepare (db, sql);

      sqlite3_bind_int64 (stmt, 1, w->id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), w->value) != 0)
        g_error ("%s: stored %s, last acknowledged (version %" G_GINT64_FORMAT ") %s",
                 (char *) key, sqlite3_column_text (stmt, 0), w->version, w->value);
      sqlite3_finalize (stmt);
    }

  /* No write got in without being acknowledged: each row's version is one
   * plus its acknowledged updates (inserted and seeded rows alike). */
  for (int t = 0; t < 2; t++)
    {
      const char *entity = t == 0 ? "contract" : "supplier";
      g_autofree char *sql = g_strdup_printf ("SELECT id, version FROM %s", table_of (entity));
      sqlite3_stmt *stmt = prepare (db, sql);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *rk = row_key (entity, sqlite3_column_int64 (stmt, 0));
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (acks_per_row, rk));

          if (sqlite3_column_int64 (stmt, 1) != 1 + n)
            g_error ("%s is at version %" G_GINT64_FORMAT " after %u acknowledged updates",
                     rk, (gint64) sqlite3_column_int64 (stmt, 1), n);
        }
      sqlite3_finalize (stmt);
    }

  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                       "AND user LIKE 'writer%'"), ==, logs->acks->len);

  g_hash_table_iter_init (&iter, logs->inserts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      sqlite3_bind_int64 (audit_insert, 1, *(gint64 *) key);
      g_assert_cmpint (sql_count (audit_insert), ==, 1);
      sqlite3_bind_int64 (number_of, 1, *(gint64 *) key);
      sqlite3_bind_text (number_of, 2, value, -1, SQLITE_STATIC);
      g_assert_cmpint (sql_count (number_of), ==, 1);
    }
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM contracts"), ==,
                   N_CONTRACTS + g_hash_table_size (logs->inserts));

  /* A conflict was real: a colleague's acknowledged write made the next
   * version. And nothing of the refused write got in. */
  for (guint i = 0; i < logs->conflicts->len; i++)
    {
      Write *w = logs->conflicts->pdata[i];
      g_autofree char *next = g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                               w->entity, w->id, w->version + 1);

      if (!g_hash_table_contains (by_version, next))
        g_error ("conflict on %s without an acknowledged write of that version", next);

      sqlite3_bind_text (audit_update, 1, w->entity, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (audit_update, 2, w->id);
      sqlite3_bind_text (audit_update, 3, w->field, -1, SQLITE_STATIC);
      sqlite3_bind_text (audit_update, 4, w->value, -1, SQLITE_STATIC);
      g_assert_cmpint (sql_count (audit_update), ==, 0);
    }

  sqlite3_finalize (audit_update);
  sqlite3_finalize (audit_insert);
  sqlite3_finalize (number_of);
  sqlite3_close (db);

  integrity = test_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
}

static void
test_stress (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "shared.kontrakter");
  const char *env = g_getenv ("KT_SHARED_STRESS_SECONDS");
  guint seconds = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 20;
  gint64 started;
  double elapsed;
  Logs logs = { 0 };

  logs.acks = g_ptr_array_new_with_free_func ((GDestroyNotify) write_free);
  logs.conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) write_free);
  logs.inserts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  seed_portfolio (path);

  started = g_get_monotonic_time ();
  run_writers (fixture->dir, path, MAX (seconds, 1));
  elapsed = (g_get_monotonic_time () - started) / (double) G_TIME_SPAN_SECOND;

  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("writer%u.log", i + 1);
      g_autofree char *log = g_build_filename (fixture->dir, name, NULL);

      read_log (&logs, log);
    }

  g_test_message ("%u writers for %.1f s: %" G_GUINT64_FORMAT " edits (%.1f/s), "
                  "%" G_GUINT64_FORMAT " conflicts, %" G_GUINT64_FORMAT " busy retries, "
                  "longest lock wait %.0f ms (one save, retries included)",
                  N_WRITERS, elapsed, logs.edits, logs.edits / elapsed, logs.n_conflicts,
                  logs.retries, logs.longest_wait / 1000.0);

  g_assert_cmpuint (logs.acks->len + g_hash_table_size (logs.inserts), ==, logs.edits);
  g_assert_cmpuint (logs.conflicts->len, ==, logs.n_conflicts);
  /* Otherwise the writers did not really compete. */
  g_assert_cmpuint (logs.edits, >, 50 * MAX (seconds, 1) / 20);

  check (path, &logs);

  g_ptr_array_unref (logs.acks);
  g_ptr_array_unref (logs.conflicts);
  g_hash_table_unref (logs.inserts);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  writer_path = argc > 1 ? argv[1] : g_getenv ("KT_SHARED_WRITER");
  if (writer_path == NULL)
    g_error ("usage: %s PATH-OF-SHARED-WRITER", argv[0]);

  g_test_add ("/shared/stress", StoreFixture, NULL,
              store_fixture_setup, test_stress, store_fixture_teardown);

  return g_test_run ();
}
