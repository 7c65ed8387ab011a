/* test-store-concurrency.c — two colleagues on one shared portfolio file
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-store-private.h"
#include "store-test-util.h"

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)

typedef struct {
  char    *path;
  KtStore *anna;
  KtStore *bent;
  gint64   contract_id;
} Office;

/* Two connections, as two people on two machines, and one contract. */
static void
office_init (Office       *office,
             StoreFixture *fixture)
{
  g_autoptr(KtContract) contract = test_contract_new ("K-100", "ESDH");
  g_autoptr(GError) error = NULL;

  office->path = store_fixture_path (fixture, "shared.kontrakter");
  office->anna = test_store_new (office->path);
  kt_store_set_identity (office->anna, "Anna Jensen", "pc-anna");
  kt_store_insert_contract (office->anna, contract, &error);
  g_assert_no_error (error);
  office->contract_id = contract->id;

  office->bent = kt_store_open (office->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (office->bent, "Bent Hansen", "pc-bent");
}

static void
office_clear (Office *office)
{
  g_clear_object (&office->anna);
  g_clear_object (&office->bent);
  g_clear_pointer (&office->path, g_free);
}

static void
test_two_connections (StoreFixture  *fixture,
                      gconstpointer  data)
{
  Office o = { 0 };
  g_autoptr(KtContract) annas = NULL;
  g_autoptr(KtContract) bents = NULL;
  g_autoptr(KtContract) stored = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  office_init (&o, fixture);

  annas = kt_store_get_contract (o.anna, o.contract_id, &error);
  g_assert_no_error (error);
  bents = kt_store_get_contract (o.bent, o.contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (annas->version, ==, 1);
  g_assert_cmpint (bents->version, ==, 1);

  g_free (annas->name);
  annas->name = g_strdup ("ESDH og arkiv");
  g_assert_true (kt_store_update_contract (o.anna, annas, &error));
  g_assert_no_error (error);
  g_assert_cmpint (annas->version, ==, 2);

  bents->notes = g_strdup ("Bents note");
  bents->contract_sum = 1;
  g_assert_false (kt_store_update_contract (o.bent, bents, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "“K-100 ESDH” was changed by Anna Jensen at "));
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_cmpint (bents->version, ==, 1);
  g_clear_error (&error);

  /* Anna's change is intact, nothing of Bent's got in. */
  stored = kt_store_get_contract (o.bent, o.contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "ESDH og arkiv");
  g_assert_null (stored->notes);
  g_assert_cmpint (stored->contract_sum, ==, 123456789);
  g_assert_cmpint (stored->version, ==, 2);
  g_assert_cmpstr (stored->changed_by, ==, "Anna Jensen");

  audit = kt_store_list_audit (o.bent, "contract", o.contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  for (guint i = 0; i < audit->len; i++)
    g_assert_cmpstr (((KtAuditEntry *) audit->pdata[i])->user, ==, "Anna Jensen");

  /* After reloading, Bent's change goes through. */
  stored->notes = g_strdup ("Bents note");
  g_assert_true (kt_store_update_contract (o.bent, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored->version, ==, 3);

  office_clear (&o);
}

static void
test_deleted_meanwhile (StoreFixture  *fixture,
                        gconstpointer  data)
{
  Office o = { 0 };
  g_autoptr(KtContract) bents = NULL;
  g_autoptr(GError) error = NULL;

  office_init (&o, fixture);

  bents = kt_store_get_contract (o.bent, o.contract_id, &error);
  g_assert_no_error (error);

  kt_store_delete_contract (o.anna, o.contract_id, 1, &error);
  g_assert_no_error (error);

  bents->option_count = 3;
  g_assert_false (kt_store_update_contract (o.bent, bents, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "was deleted by Anna Jensen"));

  office_clear (&o);
}

static void
test_supplier_conflict (StoreFixture  *fixture,
                        gconstpointer  data)
{
  Office o = { 0 };
  g_autoptr(KtSupplier) supplier = test_supplier_new ("Systematic A/S", 6);
  g_autoptr(KtSupplier) annas = NULL;
  g_autoptr(KtSupplier) bents = NULL;
  g_autoptr(GError) error = NULL;

  office_init (&o, fixture);
  kt_store_insert_supplier (o.anna, supplier, &error);
  g_assert_no_error (error);

  annas = kt_store_get_supplier (o.anna, supplier->id, &error);
  g_assert_no_error (error);
  bents = kt_store_get_supplier (o.bent, supplier->id, &error);
  g_assert_no_error (error);

  g_ptr_array_add (annas->contacts, kt_contact_new ());
  ((KtContact *) annas->contacts->pdata[0])->name = g_strdup ("Kim Ravn");
  g_assert_true (kt_store_update_supplier (o.anna, annas, &error));
  g_assert_no_error (error);

  g_free (bents->city);
  bents->city = g_strdup ("Aalborg");
  g_assert_false (kt_store_update_supplier (o.bent, bents, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, "“Systematic A/S” was changed by Anna Jensen"));
  g_clear_error (&error);

  g_assert_false (kt_store_delete_supplier (o.bent, supplier->id, 1, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);

  office_clear (&o);
}

static void
test_poll_changes (StoreFixture  *fixture,
                   gconstpointer  data)
{
  Office o = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-101", "Ny");
  g_autoptr(GError) error = NULL;

  office_init (&o, fixture);

  g_assert_false (kt_store_poll_changes (o.bent));

  kt_store_insert_contract (o.anna, contract, &error);
  g_assert_no_error (error);

  g_assert_true (kt_store_poll_changes (o.bent));
  g_assert_false (kt_store_poll_changes (o.bent));
  /* One's own commits are not news. */
  g_assert_false (kt_store_poll_changes (o.anna));

  office_clear (&o);
}

/* A reader keeps a shared lock, so COMMIT cannot finish: everything of the
 * write, its audit rows included, must be rolled back. */
static void
test_busy_commit_rolls_back (StoreFixture  *fixture,
                             gconstpointer  data)
{
  Office o = { 0 };
  g_autoptr(KtContract) annas = NULL;
  g_autoptr(KtContract) stored = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 audit_rows;

  office_init (&o, fixture);
  kt_store_set_lock_wait (o.anna, 50);
  audit_rows = test_sql_int (o.path, "SELECT count(*) FROM audit_log");

  annas = kt_store_get_contract (o.anna, o.contract_id, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (o.path, &reader), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (reader, "SELECT count(*) FROM contracts", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  annas->notice_months = 3;
  g_assert_false (kt_store_update_contract (o.anna, annas, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY);
  g_assert_cmpint (annas->version, ==, 1);
  g_clear_error (&error);

  sqlite3_finalize (stmt);
  sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (reader);

  g_assert_cmpint (test_sql_int (o.path, "SELECT count(*) FROM audit_log"), ==, audit_rows);
  stored = kt_store_get_contract (o.bent, o.contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->notice_months, ==, 6);
  g_assert_cmpint (stored->version, ==, 1);

  /* Once the reader is gone the same save works. */
  g_assert_true (kt_store_update_contract (o.anna, annas, &error));
  g_assert_no_error (error);
  g_assert_cmpint (annas->version, ==, 2);
  g_assert_cmpint (test_sql_int (o.path, "SELECT count(*) FROM audit_log"), ==, audit_rows + 1);

  office_clear (&o);
}

static void
test_busy_writer (StoreFixture  *fixture,
                  gconstpointer  data)
{
  Office o = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-102", "Venter");
  g_autoptr(GError) error = NULL;

  office_init (&o, fixture);
  kt_store_set_lock_wait (o.bent, 50);

  g_assert_true (kt_store_begin_batch (o.anna, &error));

  g_assert_false (kt_store_insert_contract (o.bent, contract, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY);
  g_assert_cmpint (contract->id, ==, 0);
  g_clear_error (&error);

  kt_store_rollback_batch (o.anna);

  g_assert_true (kt_store_insert_contract (o.bent, contract, &error));
  g_assert_no_error (error);

  office_clear (&o);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/conflict/two-connections", test_two_connections);
  ADD ("/store/conflict/deleted-meanwhile", test_deleted_meanwhile);
  ADD ("/store/conflict/supplier", test_supplier_conflict);
  ADD ("/store/concurrency/poll-changes", test_poll_changes);
  ADD ("/store/concurrency/busy-commit-rolls-back", test_busy_commit_rolls_back);
  ADD ("/store/concurrency/busy-writer", test_busy_writer);

  return g_test_run ();
}
