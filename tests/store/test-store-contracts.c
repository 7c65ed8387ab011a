/* test-store-contracts.c — the contract register: CRUD, constraints, soft delete, batches
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-store-private.h"
#include "store-test-util.h"

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)

static void
test_contract_crud (StoreFixture  *fixture,
                    gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-2024-001", "Skoleintra");
  g_autoptr(KtContract) read = NULL;
  g_autoptr(KtContract) again = NULL;
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);

  contract->supplier_id = w.supplier_id;
  contract->system_owner_id = w.person_id;
  contract->administrator_id = w.person_id;
  contract->org_unit_id = w.org_unit_id;
  contract->annual_cost = 0;
  contract->personal_data = TRUE;

  g_assert_true (kt_store_insert_contract (w.store, contract, &error));
  g_assert_no_error (error);
  g_assert_cmpint (contract->id, >, 0);
  g_assert_cmpint (contract->version, ==, 1);
  g_assert_cmpstr (contract->changed_by, ==, "tester");
  g_assert_nonnull (contract->changed_at);

  read = kt_store_get_contract (w.store, contract->id, &error);
  g_assert_no_error (error);
  g_assert_true (kt_contract_equal_fields (contract, read));
  g_assert_cmpint (read->version, ==, 1);
  g_assert_cmpint (read->annual_cost, ==, 0);
  g_assert_cmpstr (read->supplier_name, ==, "Netcompany A/S");
  g_assert_cmpstr (read->system_owner_name, ==, "Anna Jensen");
  g_assert_cmpstr (read->administrator_name, ==, "Anna Jensen");
  g_assert_cmpstr (read->org_unit_name, ==, "Børn og Unge");
  g_assert_cmpstr (read->changed_at, ==, contract->changed_at);

  /* Update every kind of field. */
  g_free (read->name);
  read->name = g_strdup ("Aula");
  read->contract_sum = KT_MONEY_NONE;
  read->running = TRUE;
  g_date_clear (&read->end_date, 1);
  read->options_used = 2;
  read->criticality = KT_CRITICALITY_CRITICAL;
  read->org_unit_id = 0;
  g_clear_pointer (&read->purchased_services, g_free);

  g_assert_true (kt_store_update_contract (w.store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read->version, ==, 2);

  again = kt_store_get_contract (w.store, contract->id, &error);
  g_assert_no_error (error);
  g_assert_true (kt_contract_equal_fields (read, again));
  g_assert_cmpint (again->version, ==, 2);
  g_assert_null (again->org_unit_name);
  g_assert_false (g_date_valid (&again->end_date));
  g_assert_null (again->purchased_services);

  /* Saving without a change writes nothing. */
  g_assert_true (kt_store_update_contract (w.store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again->version, ==, 2);
  /* insert + 8 changed fields */
  g_assert_cmpuint (audit_count (w.store, "contract", contract->id), ==, 9);

  g_assert_null (kt_store_get_contract (w.store, 9999, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);

  world_clear (&w);
}

static void
test_contract_list (StoreFixture  *fixture,
                    gconstpointer  data)
{
  World w = { 0 };
  const char *numbers[] = { "K-3", "K-1", "K-2" };
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deleted_id = 0;

  world_init (&w, fixture);

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(KtContract) contract = test_contract_new (numbers[i], "Kontrakt");

      contract->supplier_id = (i == 0) ? w.supplier_id : 0;
      kt_store_insert_contract (w.store, contract, &error);
      g_assert_no_error (error);
      if (i == 2)
        deleted_id = contract->id;
    }

  kt_store_delete_contract (w.store, deleted_id, 1, &error);
  g_assert_no_error (error);

  contracts = kt_store_list_contracts (w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contracts->len, ==, 2);
  g_assert_cmpstr (((KtContract *) contracts->pdata[0])->number, ==, "K-1");
  g_assert_null (((KtContract *) contracts->pdata[0])->supplier_name);
  g_assert_cmpstr (((KtContract *) contracts->pdata[1])->number, ==, "K-3");
  g_assert_cmpstr (((KtContract *) contracts->pdata[1])->supplier_name, ==, "Netcompany A/S");

  world_clear (&w);
}

static void
test_contract_invalid (StoreFixture  *fixture,
                       gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("", "Uden nummer");
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);

  g_assert_false (kt_store_insert_contract (w.store, contract, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_assert_cmpint (contract->id, ==, 0);
  g_clear_error (&error);

  /* The model's validator: an end date before the start. */
  g_free (contract->number);
  contract->number = g_strdup ("K-5");
  g_date_set_dmy (&contract->end_date, 1, G_DATE_JANUARY, 2020);
  g_assert_false (kt_store_insert_contract (w.store, contract, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* An enum value outside its range never reaches SQL. */
  g_date_set_dmy (&contract->end_date, 1, G_DATE_JANUARY, 2030);
  contract->status = 42;
  g_assert_false (kt_store_insert_contract (w.store, contract, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);

  contracts = kt_store_list_contracts (w.store, &error);
  g_assert_cmpuint (contracts->len, ==, 0);
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM audit_log "
                                         "WHERE entity = 'contract'"), ==, 0);

  world_clear (&w);
}

static void
test_contract_duplicate_number (StoreFixture  *fixture,
                                gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) first = test_contract_new ("K-7", "Første");
  g_autoptr(KtContract) second = test_contract_new ("K-7", "Anden");
  g_autoptr(KtContract) third = test_contract_new ("K-8", "Tredje");
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);

  kt_store_insert_contract (w.store, first, &error);
  g_assert_no_error (error);

  g_assert_false (kt_store_insert_contract (w.store, second, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Another contract already has the number K-7.");
  g_assert_cmpint (second->id, ==, 0);
  g_clear_error (&error);

  /* Renaming onto a taken number is refused as well. */
  kt_store_insert_contract (w.store, third, &error);
  g_assert_no_error (error);
  g_free (third->number);
  third->number = g_strdup ("K-7");
  g_assert_false (kt_store_update_contract (w.store, third, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (third->version, ==, 1);
  g_clear_error (&error);

  /* The unique index itself, not only the store's own check. */
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE contracts SET number = 'K-7' "
                                          "WHERE number = 'K-8'"),
                   ==, SQLITE_CONSTRAINT_UNIQUE);

  /* A deleted contract frees its number; restoring it then is refused. */
  kt_store_delete_contract (w.store, first->id, first->version, &error);
  g_assert_no_error (error);
  kt_store_insert_contract (w.store, second, &error);
  g_assert_no_error (error);
  g_assert_false (kt_store_restore_contract (w.store, first->id, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);

  world_clear (&w);
}

static void
test_contract_references (StoreFixture  *fixture,
                          gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) main_contract = test_contract_new ("K-10", "Hovedkontrakt");
  g_autoptr(KtContract) supplement = test_contract_new ("K-10.1", "Tillæg");
  g_autoptr(KtContract) dangling = test_contract_new ("K-11", "Uden leverandør");
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);

  dangling->supplier_id = 4242;
  g_assert_false (kt_store_insert_contract (w.store, dangling, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  kt_store_insert_contract (w.store, main_contract, &error);
  g_assert_no_error (error);
  supplement->type = KT_CONTRACT_TYPE_SUPPLEMENTARY;
  supplement->parent_id = main_contract->id;
  kt_store_insert_contract (w.store, supplement, &error);
  g_assert_no_error (error);

  /* No cycles of main contracts. */
  main_contract->parent_id = supplement->id;
  g_assert_false (kt_store_update_contract (w.store, main_contract, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  main_contract->parent_id = 0;
  g_clear_error (&error);

  /* A main contract with live supplements stays. */
  g_assert_false (kt_store_delete_contract (w.store, main_contract->id, main_contract->version,
                                            &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);

  world_clear (&w);
}

static void
test_check_constraints (StoreFixture  *fixture,
                        gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-12", "Tjek");
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);
  kt_store_insert_contract (w.store, contract, &error);
  g_assert_no_error (error);

  /* What another program might try to write into the file. */
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE contracts SET status = 'bogus'"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE contracts SET category = 'Licens'"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE contracts SET end_date = '2026-02-30'"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE contracts SET end_date = '26.11.2026'"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE contracts SET end_date = '2020-01-01'"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE contracts SET options_used = 3"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE contracts SET contract_sum = 'mange'"),
                   ==, SQLITE_CONSTRAINT_DATATYPE);
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE suppliers SET cvr = '1234'"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE contracts SET status = 'expired'"),
                   ==, SQLITE_OK);

  world_clear (&w);
}

static void
test_soft_delete_restore (StoreFixture  *fixture,
                          gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-20", "Slettes");
  g_autoptr(KtContract) restored = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  KtAuditEntry *entry;

  world_init (&w, fixture);
  kt_store_insert_contract (w.store, contract, &error);
  g_assert_no_error (error);

  /* A stale version is a conflict, not a delete. */
  g_assert_false (kt_store_delete_contract (w.store, contract->id, 7, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (kt_store_delete_contract (w.store, contract->id, 1, &error));
  g_assert_no_error (error);
  g_assert_null (kt_store_get_contract (w.store, contract->id, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Still in the file, hidden. */
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM contracts "
                                         "WHERE deleted_at IS NOT NULL"), ==, 1);

  /* Deleting again: the message says who deleted it. */
  g_assert_false (kt_store_delete_contract (w.store, contract->id, 2, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "deleted by tester"));
  g_clear_error (&error);

  g_assert_true (kt_store_restore_contract (w.store, contract->id, &error));
  g_assert_no_error (error);
  /* Restoring twice is harmless. */
  g_assert_true (kt_store_restore_contract (w.store, contract->id, &error));
  g_assert_no_error (error);

  restored = kt_store_get_contract (w.store, contract->id, &error);
  g_assert_no_error (error);
  g_assert_true (kt_contract_equal_fields (contract, restored));
  g_assert_cmpint (restored->version, ==, 3);

  audit = kt_store_list_audit (w.store, "contract", contract->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 3);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "restore");
  entry = g_ptr_array_index (audit, 1);
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_cmpstr (entry->old_value, ==, "K-20 Slettes");
  entry = g_ptr_array_index (audit, 2);
  g_assert_cmpstr (entry->action, ==, "insert");

  g_assert_false (kt_store_restore_contract (w.store, 9999, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);

  world_clear (&w);
}

static void
test_has_dpa (StoreFixture  *fixture,
              gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) main_contract = test_contract_new ("K-30", "Borgerservice");
  g_autoptr(KtContract) supplement = test_contract_new ("K-30.1", "Tillæg");
  g_autoptr(KtContract) dpa = test_contract_new ("K-30.2", "Databehandleraftale");
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);
  main_contract->personal_data = TRUE;
  kt_store_insert_contract (w.store, main_contract, &error);
  g_assert_no_error (error);
  g_assert_false (kt_store_contract_has_dpa (w.store, main_contract->id, &error));
  g_assert_no_error (error);

  supplement->type = KT_CONTRACT_TYPE_SUPPLEMENTARY;
  supplement->parent_id = main_contract->id;
  kt_store_insert_contract (w.store, supplement, &error);
  g_assert_no_error (error);
  g_assert_false (kt_store_contract_has_dpa (w.store, main_contract->id, &error));

  dpa->type = KT_CONTRACT_TYPE_DATA_PROCESSING;
  dpa->parent_id = main_contract->id;
  kt_store_insert_contract (w.store, dpa, &error);
  g_assert_no_error (error);
  g_assert_true (kt_store_contract_has_dpa (w.store, main_contract->id, &error));
  g_assert_false (kt_store_contract_has_dpa (w.store, supplement->id, &error));

  /* A deleted agreement does not count. */
  kt_store_delete_contract (w.store, dpa->id, dpa->version, &error);
  g_assert_no_error (error);
  g_assert_false (kt_store_contract_has_dpa (w.store, main_contract->id, &error));
  g_assert_no_error (error);

  world_clear (&w);
}

static void
test_batch (StoreFixture  *fixture,
            gconstpointer  data)
{
  World w = { 0 };
  const char *numbers[] = { "B-0", "B-1", "B-0" };
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);

  g_assert_true (kt_store_begin_batch (w.store, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *number = g_strdup_printf ("B-%u", i);
      g_autoptr(KtContract) contract = test_contract_new (number, "Rulles tilbage");

      kt_store_insert_contract (w.store, contract, &error);
      g_assert_no_error (error);
    }
  kt_store_rollback_batch (w.store);
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM contracts"), ==, 0);

  g_assert_true (kt_store_begin_batch (w.store, &error));
  g_assert_false (kt_store_begin_batch (w.store, &error));
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      /* The duplicate fails on its own; the batch goes on. */
      g_autoptr(KtContract) contract = test_contract_new (numbers[i], "Gemmes");
      gboolean ok = kt_store_insert_contract (w.store, contract, &error);

      g_assert_true (ok == (i < 2));
      g_clear_error (&error);
    }
  g_assert_true (kt_store_commit_batch (w.store, &error));
  g_assert_no_error (error);

  contracts = kt_store_list_contracts (w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contracts->len, ==, 2);

  world_clear (&w);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/contract/crud", test_contract_crud);
  ADD ("/store/contract/list", test_contract_list);
  ADD ("/store/contract/invalid", test_contract_invalid);
  ADD ("/store/contract/duplicate-number", test_contract_duplicate_number);
  ADD ("/store/contract/references", test_contract_references);
  ADD ("/store/contract/check-constraints", test_check_constraints);
  ADD ("/store/contract/soft-delete-restore", test_soft_delete_restore);
  ADD ("/store/contract/has-dpa", test_has_dpa);
  ADD ("/store/batch/commit-rollback", test_batch);

  return g_test_run ();
}
