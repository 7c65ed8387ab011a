/* test-store-entities.c — suppliers with contacts, people, org units; the audit trail
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-store-private.h"
#include "store-test-util.h"

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)


static KtContact *
contact_new (const char *name,
             const char *email)
{
  KtContact *contact = kt_contact_new ();

  contact->name = g_strdup (name);
  contact->email = g_strdup (email);
  contact->phone = g_strdup ("+45 70 10 20 30");

  return contact;
}

static void
test_supplier_crud (StoreFixture  *fixture,
                    gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtSupplier) supplier = test_supplier_new ("KMD A/S", 2);
  g_autoptr(KtSupplier) read = NULL;
  g_autoptr(KtSupplier) again = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *spaced = NULL;
  g_autofree char *bare = NULL;
  g_autoptr(GError) error = NULL;
  KtAuditEntry *entry;

  world_init (&w, fixture);

  /* Stored in the normalised form. */
  bare = g_strdup (supplier->cvr);
  spaced = g_strdup_printf ("DK %.2s %.2s %.2s %.2s", bare, bare + 2, bare + 4, bare + 6);
  g_free (supplier->cvr);
  supplier->cvr = g_strdup (spaced);
  g_ptr_array_add (supplier->contacts, contact_new ("Karen Holm", "kh@kmd.dk"));
  g_ptr_array_add (supplier->contacts, contact_new ("Ole Dahl", "od@kmd.dk"));

  g_assert_true (kt_store_insert_supplier (w.store, supplier, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (supplier->cvr, ==, bare);
  g_assert_cmpint (supplier->version, ==, 1);

  read = kt_store_get_supplier (w.store, supplier->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name, ==, "KMD A/S");
  g_assert_cmpstr (read->cvr, ==, bare);
  g_assert_cmpstr (read->city, ==, "Aarhus C");
  g_assert_cmpstr (read->changed_by, ==, "tester");
  g_assert_cmpuint (read->contacts->len, ==, 2);
  g_assert_cmpstr (((KtContact *) read->contacts->pdata[0])->name, ==, "Karen Holm");
  g_assert_cmpstr (((KtContact *) read->contacts->pdata[1])->email, ==, "od@kmd.dk");

  /* Changing only a contact is a change of the supplier. */
  g_ptr_array_remove_index (read->contacts, 0);
  g_assert_true (kt_store_update_supplier (w.store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read->version, ==, 2);

  again = kt_store_get_supplier (w.store, supplier->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->contacts->len, ==, 1);
  g_assert_cmpstr (((KtContact *) again->contacts->pdata[0])->name, ==, "Ole Dahl");

  audit = kt_store_list_audit (w.store, "supplier", supplier->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->field, ==, "contacts");
  g_assert_cmpstr (entry->old_value, ==,
                   "Karen Holm, kh@kmd.dk, +45 70 10 20 30\nOle Dahl, od@kmd.dk, +45 70 10 20 30");
  g_assert_cmpstr (entry->new_value, ==, "Ole Dahl, od@kmd.dk, +45 70 10 20 30");

  suppliers = kt_store_list_suppliers (w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suppliers->len, ==, 2);
  g_assert_cmpstr (((KtSupplier *) suppliers->pdata[0])->name, ==, "KMD A/S");
  g_assert_cmpuint (((KtSupplier *) suppliers->pdata[0])->contacts->len, ==, 1);
  g_assert_cmpuint (((KtSupplier *) suppliers->pdata[1])->contacts->len, ==, 0);

  world_clear (&w);
}

static void
test_supplier_invalid (StoreFixture  *fixture,
                       gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtSupplier) supplier = test_supplier_new ("Forkert CVR ApS", 4);
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);

  /* One digit off breaks the modulus 11 check. */
  supplier->cvr[7] = supplier->cvr[7] == '9' ? '0' : supplier->cvr[7] + 1;
  g_assert_false (kt_store_insert_supplier (w.store, supplier, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_assert_cmpint (supplier->id, ==, 0);
  g_clear_error (&error);

  g_clear_pointer (&supplier->cvr, g_free);
  g_ptr_array_add (supplier->contacts, contact_new ("", "x@y.dk"));
  g_assert_false (kt_store_insert_supplier (w.store, supplier, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);

  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM suppliers"), ==, 1);

  world_clear (&w);
}

static void
test_supplier_delete (StoreFixture  *fixture,
                      gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-40", "Bruger leverandøren");
  g_autoptr(KtSupplier) unused = test_supplier_new ("Ubrugt A/S", 5);
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);
  contract->supplier_id = w.supplier_id;
  kt_store_insert_contract (w.store, contract, &error);
  g_assert_no_error (error);

  g_assert_false (kt_store_delete_supplier (w.store, w.supplier_id, 1, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Netcompany A/S"));
  g_clear_error (&error);

  /* A deleted contract can be restored, so it still holds on. */
  kt_store_delete_contract (w.store, contract->id, 1, &error);
  g_assert_no_error (error);
  g_assert_false (kt_store_delete_supplier (w.store, w.supplier_id, 1, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* The foreign key, not only the store's own check (RESTRICT is reported
   * as a trigger constraint). */
  g_assert_cmpint (test_sql_exec (w.path, "PRAGMA foreign_keys = ON; DELETE FROM suppliers") & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM suppliers"), ==, 1);

  g_ptr_array_add (unused->contacts, contact_new ("Per Lund", "pl@ubrugt.dk"));
  kt_store_insert_supplier (w.store, unused, &error);
  g_assert_no_error (error);

  g_assert_false (kt_store_delete_supplier (w.store, unused->id, 5, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (kt_store_delete_supplier (w.store, unused->id, 1, &error));
  g_assert_no_error (error);
  g_assert_null (kt_store_get_supplier (w.store, unused->id, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM supplier_contacts "
                                         "WHERE name = 'Per Lund'"), ==, 0);
  g_assert_cmpuint (audit_count (w.store, "supplier", unused->id), ==, 2);

  world_clear (&w);
}

static void
test_people_and_org_units (StoreFixture  *fixture,
                           gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtOrgUnit) center = kt_org_unit_new ();
  g_autoptr(KtPerson) person = kt_person_new ();
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  KtOrgUnit *unit;
  KtPerson *first;

  world_init (&w, fixture);

  center->name = g_strdup ("Center for Dagtilbud");
  center->kind = KT_ORG_UNIT_KIND_CENTER;
  center->parent_id = w.org_unit_id;
  kt_store_insert_org_unit (w.store, center, &error);
  g_assert_no_error (error);

  units = kt_store_list_org_units (w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 2);
  unit = g_ptr_array_index (units, 0);
  g_assert_cmpstr (unit->name, ==, "Børn og Unge");
  unit = g_ptr_array_index (units, 1);
  g_assert_cmpint (unit->kind, ==, KT_ORG_UNIT_KIND_CENTER);
  g_assert_cmpint (unit->parent_id, ==, w.org_unit_id);
  g_assert_cmpint (unit->version, ==, 1);

  /* A forvaltning cannot sit under its own centre. */
  unit = g_ptr_array_index (units, 0);
  unit->parent_id = center->id;
  g_assert_false (kt_store_update_org_unit (w.store, unit, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_free (center->name);
  center->name = g_strdup ("Dagtilbud");
  g_assert_true (kt_store_update_org_unit (w.store, center, &error));
  g_assert_no_error (error);
  g_assert_cmpint (center->version, ==, 2);

  g_free (center->name);
  center->name = g_strdup ("   ");
  g_assert_false (kt_store_update_org_unit (w.store, center, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  person->name = g_strdup ("Bo Lind");
  person->email = g_strdup ("ikke en adresse");
  g_assert_false (kt_store_insert_person (w.store, person, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (person->email);
  person->email = g_strdup ("bo@eksempel.dk");
  person->org_unit_id = center->id;
  person->roles = (1 << KT_ROLE_IT_CONTROLLER) | (1 << KT_ROLE_IT_BUYER);
  kt_store_insert_person (w.store, person, &error);
  g_assert_no_error (error);

  person->roles |= 1 << KT_ROLE_SECURITY_LEAD;
  g_assert_true (kt_store_update_person (w.store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person->version, ==, 2);

  people = kt_store_list_people (w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  first = g_ptr_array_index (people, 1);
  g_assert_cmpstr (first->name, ==, "Bo Lind");
  g_assert_cmpstr (first->org_unit_name, ==, "Dagtilbud");
  g_assert_true (kt_person_has_role (first, KT_ROLE_SECURITY_LEAD));
  g_assert_true (kt_person_has_role (first, KT_ROLE_IT_BUYER));
  g_assert_false (kt_person_has_role (first, KT_ROLE_SYSTEM_OWNER));
  g_assert_cmpuint (audit_count (w.store, "person", person->id), ==, 2);

  world_clear (&w);
}

static void
test_audit_fields (StoreFixture  *fixture,
                   gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-50", "Løn");
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  KtAuditEntry *entry;

  world_init (&w, fixture);
  kt_store_insert_contract (w.store, contract, &error);
  g_assert_no_error (error);

  kt_store_set_identity (w.store, "bente", "kommune-pc-17");
  contract->contract_sum = 99900;
  g_date_set_dmy (&contract->end_date, 31, G_DATE_DECEMBER, 2028);
  contract->status = KT_STATUS_NOTICE_GIVEN;
  kt_store_update_contract (w.store, contract, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contract->changed_by, ==, "bente");

  audit = kt_store_list_audit (w.store, "contract", contract->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 4);

  /* Newest first; fields in schema order within one change. */
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->field, ==, "end_date");
  g_assert_cmpstr (entry->old_value, ==, "2027-02-28");
  g_assert_cmpstr (entry->new_value, ==, "2028-12-31");
  entry = g_ptr_array_index (audit, 1);
  g_assert_cmpstr (entry->field, ==, "contract_sum");
  g_assert_cmpstr (entry->old_value, ==, "123456789");
  g_assert_cmpstr (entry->new_value, ==, "99900");
  entry = g_ptr_array_index (audit, 2);
  g_assert_cmpstr (entry->field, ==, "status");
  g_assert_cmpstr (entry->old_value, ==, "active");
  g_assert_cmpstr (entry->new_value, ==, "notice_given");
  g_assert_cmpstr (entry->user, ==, "bente");
  g_assert_cmpstr (entry->host, ==, "kommune-pc-17");
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->entity, ==, "contract");
  g_assert_cmpint (entry->entity_id, ==, contract->id);
  g_assert_true (g_str_has_suffix (entry->at, "Z"));

  entry = g_ptr_array_index (audit, 3);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_null (entry->field);
  g_assert_cmpstr (entry->user, ==, "tester");
  g_assert_cmpstr (entry->host, ==, "testhost");

  /* The trail cannot be edited, even by another program. */
  g_assert_cmpint (test_sql_exec (w.path, "DELETE FROM audit_log"), ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE audit_log SET user = 'x'"),
                   ==, SQLITE_CONSTRAINT_TRIGGER);

  world_clear (&w);
}

static void
test_audit_failed_update (StoreFixture  *fixture,
                          gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-60", "Sundhed");
  g_autoptr(KtContract) other = test_contract_new ("K-61", "Skole");
  g_autoptr(GError) error = NULL;
  gint64 rows;

  world_init (&w, fixture);
  kt_store_insert_contract (w.store, contract, &error);
  g_assert_no_error (error);
  kt_store_insert_contract (w.store, other, &error);
  g_assert_no_error (error);
  rows = test_sql_int (w.path, "SELECT count(*) FROM audit_log");

  /* Fails after the diff (the new number is taken): nothing of it stays. */
  g_free (contract->name);
  contract->name = g_strdup ("Sundhedsplatform");
  g_free (contract->number);
  contract->number = g_strdup ("K-61");
  g_assert_false (kt_store_update_contract (w.store, contract, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Fails in the UPDATE itself (foreign key): rolled back with its audit rows. */
  g_free (contract->number);
  contract->number = g_strdup ("K-60");
  contract->system_owner_id = 777;
  g_assert_false (kt_store_update_contract (w.store, contract, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A stale version. */
  contract->system_owner_id = 0;
  contract->version = 5;
  g_assert_false (kt_store_update_contract (w.store, contract, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_cmpint (contract->version, ==, 5);

  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM audit_log"), ==, rows);
  g_assert_cmpint (test_sql_int (w.path, "SELECT version FROM contracts WHERE number = 'K-60'"),
                   ==, 1);

  world_clear (&w);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/supplier/crud", test_supplier_crud);
  ADD ("/store/supplier/invalid", test_supplier_invalid);
  ADD ("/store/supplier/delete", test_supplier_delete);
  ADD ("/store/people/crud", test_people_and_org_units);
  ADD ("/store/audit/fields", test_audit_fields);
  ADD ("/store/audit/failed-update", test_audit_failed_update);

  return g_test_run ();
}
