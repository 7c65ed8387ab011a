/* test-store-sharing.c — lock wait, the file going away, who writes
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>

#include "kt-store-private.h"
#include "store-test-util.h"

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)

#define LOCK_WAIT_MS 300

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_TIME_SPAN_SECOND;
}

/* A colleague holds the write lock: the save gives up after the lock
 * wait, not after SQLite's or anyone's fixed timeout. */
static void
test_lock_wait_writer (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "shared.kontrakter");
  g_autoptr(KtStore) anna = test_store_new (path);
  g_autoptr(KtStore) bent = NULL;
  g_autoptr(KtContract) contract = test_contract_new ("K-1", "Venter");
  g_autoptr(GError) error = NULL;
  gint64 start;
  double waited;

  bent = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kt_store_get_lock_wait (bent), ==, 5000);
  kt_store_set_lock_wait (bent, LOCK_WAIT_MS);
  g_assert_cmpuint (kt_store_get_lock_wait (bent), ==, LOCK_WAIT_MS);

  g_assert_true (kt_store_begin_batch (anna, &error));

  start = g_get_monotonic_time ();
  g_assert_false (kt_store_insert_contract (bent, contract, &error));
  waited = seconds_since (start);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY);
  g_assert_cmpint (contract->id, ==, 0);
  g_clear_error (&error);
  g_test_message ("gave up after %.0f ms", waited * 1000);
  g_assert_cmpfloat (waited, >=, LOCK_WAIT_MS / 1000.0 * 0.9);
  g_assert_cmpfloat (waited, <, LOCK_WAIT_MS / 1000.0 + 0.5);

  kt_store_rollback_batch (anna);

  g_assert_true (kt_store_insert_contract (bent, contract, &error));
  g_assert_no_error (error);
}

/* A reader keeps COMMIT from finishing: the whole save (BEGIN, the write,
 * the COMMIT retries) ends within the lock wait, rolled back entirely. */
static void
test_lock_wait_commit (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "shared.kontrakter");
  g_autoptr(KtStore) anna = test_store_new (path);
  g_autoptr(KtContract) contract = test_contract_new ("K-1", "Læser");
  g_autoptr(KtContract) stored = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 audit_rows, start;
  double waited;

  g_assert_true (kt_store_insert_contract (anna, contract, &error));
  g_assert_no_error (error);
  kt_store_set_lock_wait (anna, LOCK_WAIT_MS);
  audit_rows = test_sql_int (path, "SELECT count(*) FROM audit_log");

  g_assert_cmpint (sqlite3_open (path, &reader), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (reader, "SELECT count(*) FROM contracts", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  g_free (contract->notes);
  contract->notes = g_strdup ("Når læseren er gået");
  start = g_get_monotonic_time ();
  g_assert_false (kt_store_update_contract (anna, contract, &error));
  waited = seconds_since (start);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY);
  g_clear_error (&error);
  g_test_message ("gave up after %.0f ms", waited * 1000);
  g_assert_cmpfloat (waited, >=, LOCK_WAIT_MS / 1000.0 * 0.9);
  g_assert_cmpfloat (waited, <, LOCK_WAIT_MS / 1000.0 + 0.5);
  g_assert_cmpint (contract->version, ==, 1);

  /* No transaction is left open: the reader can finish and write. */
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (reader);
  g_assert_cmpint (test_sql_exec (path, "UPDATE contracts SET notice_months = notice_months"),
                   ==, SQLITE_OK);

  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM audit_log"), ==, audit_rows);
  stored = kt_store_get_contract (anna, contract->id, &error);
  g_assert_no_error (error);
  g_assert_null (stored->notes);

  g_assert_true (kt_store_update_contract (anna, contract, &error));
  g_assert_no_error (error);
  g_assert_cmpint (contract->version, ==, 2);
}

/* Reads wait for a colleague's COMMIT too, for the lock wait at most. */
static void
test_lock_wait_reader (StoreFixture  *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "shared.kontrakter");
  g_autoptr(KtStore) anna = test_store_new (path);
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *writer = NULL;
  gint64 start;
  double waited;

  kt_store_set_lock_wait (anna, LOCK_WAIT_MS);

  g_assert_cmpint (sqlite3_open (path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  contracts = kt_store_list_contracts (anna, &error);
  waited = seconds_since (start);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY);
  g_assert_null (contracts);
  g_clear_error (&error);
  g_assert_cmpfloat (waited, >=, LOCK_WAIT_MS / 1000.0 * 0.9);
  g_assert_cmpfloat (waited, <, LOCK_WAIT_MS / 1000.0 + 0.5);

  sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (writer);

  contracts = kt_store_list_contracts (anna, &error);
  g_assert_no_error (error);
}

static void
test_check_file (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "Kontrakter.kontrakter");
  g_autofree char *away = store_fixture_path (fixture, "flyttet.kontrakter");
  g_autofree char *copy = NULL;
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(KtContract) contract = test_contract_new ("K-1", "Væk");
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (kt_store_check_file (store, &error));
  g_assert_no_error (error);

  /* The network drive is gone, or someone moved the file. */
  g_assert_cmpint (g_rename (path, away), ==, 0);
  g_assert_false (kt_store_check_file (store, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO);
  g_assert_cmpstr (error->message, ==,
                   "The portfolio “Kontrakter.kontrakter” was moved or deleted.");
  g_clear_error (&error);

  /* SQLite refuses to write to a moved file as well, with a clear message. */
  g_assert_false (kt_store_insert_contract (store, contract, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "was moved or deleted"));
  g_clear_error (&error);

  /* Back again: the same file, all is well, writes work. */
  g_assert_cmpint (g_rename (away, path), ==, 0);
  g_assert_true (kt_store_check_file (store, &error));
  g_assert_no_error (error);
  g_assert_true (kt_store_insert_contract (store, contract, &error));
  g_assert_no_error (error);

  /* A copy put in its place is another file (SQLite would write to the
   * old one, which nobody sees any more). */
  g_file_get_contents (path, &copy, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_file_set_contents (path, copy, length, &error);
  g_assert_no_error (error);
  g_assert_false (kt_store_check_file (store, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "another file now has its name"));
  g_clear_error (&error);
}

static void
test_identity (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "who.kontrakter");
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *real_name = g_get_real_name ();

  store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kt_store_get_user (store), ==, g_get_user_name ());
  g_assert_cmpstr (kt_store_get_host (store), ==, g_get_host_name ());
  if (real_name != NULL && *real_name != '\0' && !g_str_equal (real_name, "Unknown"))
    g_assert_cmpstr (kt_store_get_display_name (store), ==, real_name);
  else
    g_assert_cmpstr (kt_store_get_display_name (store), ==, g_get_user_name ());

  kt_store_set_identity (store, "Anna Jensen", "pc-anna");
  g_assert_cmpstr (kt_store_get_user (store), ==, "Anna Jensen");
  g_assert_cmpstr (kt_store_get_host (store), ==, "pc-anna");
  g_assert_cmpstr (kt_store_get_display_name (store), ==, "Anna Jensen");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/sharing/lock-wait-writer", test_lock_wait_writer);
  ADD ("/store/sharing/lock-wait-commit", test_lock_wait_commit);
  ADD ("/store/sharing/lock-wait-reader", test_lock_wait_reader);
  ADD ("/store/sharing/check-file", test_check_file);
  ADD ("/store/sharing/identity", test_identity);

  return g_test_run ();
}
