/* test-store-history.c — the audit trail as people read it; schemas 5 and 6
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-format.h"
#include "kt-store-private.h"
#include "store-test-util.h"

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)

/* The newest entry of @history with @action and @field. */
static const KtAuditEntry *
find_entry (GPtrArray  *history,
            const char *action,
            const char *field)
{
  for (guint i = 0; i < history->len; i++)
    {
      const KtAuditEntry *entry = g_ptr_array_index (history, i);

      if (g_str_equal (entry->action, action) && g_strcmp0 (entry->field, field) == 0)
        return entry;
    }

  g_error ("no %s of %s in the history", action, field != NULL ? field : "(row)");
}

static void
assert_described (const KtAuditEntry *entry,
                  const char         *label,
                  const char         *old_text,
                  const char         *new_text)
{
  g_assert_cmpstr (entry->field_label, ==, label);
  g_assert_cmpstr (entry->old_text, ==, old_text);
  g_assert_cmpstr (entry->new_text, ==, new_text);
}

static void
test_contract_history (StoreFixture  *fixture,
                       gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-2023-014", "Økonomisystem");
  g_autoptr(KtSupplier) other = test_supplier_new ("KMD A/S", 2);
  g_autoptr(KtActivity) activity = kt_activity_new ();
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const KtAuditEntry *entry;

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);
  world_init (&w, fixture);
  kt_store_insert_supplier (w.store, other, &error);
  g_assert_no_error (error);

  contract->supplier_id = w.supplier_id;
  kt_store_insert_contract (w.store, contract, &error);
  g_assert_no_error (error);

  contract->annual_cost = 12000000;
  contract->supplier_id = other->id;
  contract->system_owner_id = w.person_id;
  contract->personal_data = TRUE;
  contract->category = KT_CATEGORY_OPERATION;
  g_date_set_dmy (&contract->end_date, 31, G_DATE_DECEMBER, 2028);
  kt_store_update_contract (w.store, contract, &error);
  g_assert_no_error (error);

  activity->contract_id = contract->id;
  activity->type = KT_ACTIVITY_PRICE_REGULATION;
  activity->description = g_strdup ("Prisregulering 2027");
  g_date_set_dmy (&activity->deadline, 1, G_DATE_JUNE, 2027);
  kt_store_insert_activity (w.store, activity, &error);
  g_assert_no_error (error);
  activity->responsible_id = w.person_id;
  kt_store_update_activity (w.store, activity, &error);
  g_assert_no_error (error);

  history = kt_store_list_history (w.store, "contract", contract->id, &error);
  g_assert_no_error (error);

  /* insert + 6 fields, activity insert + 1 field; newest first. */
  g_assert_cmpuint (history->len, ==, 9);
  for (guint i = 1; i < history->len; i++)
    g_assert_cmpint (((KtAuditEntry *) history->pdata[i - 1])->id, >,
                     ((KtAuditEntry *) history->pdata[i])->id);

  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->entity, ==, "activity");
  g_assert_cmpstr (entry->subject, ==, "Activity: Prisregulering 2027");
  assert_described (entry, "Responsible", "", "Anna Jensen");
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpstr (entry->subject, ==, "Activity: Prisregulering 2027");

  entry = find_entry (history, "update", "annual_cost");
  g_assert_null (entry->subject);
  g_assert_cmpstr (entry->user, ==, "tester");
  assert_described (entry, "Annual Operating Cost", "", "120.000,00 kr.");
  assert_described (find_entry (history, "update", "supplier_id"), "Supplier",
                    "Netcompany A/S", "KMD A/S");
  assert_described (find_entry (history, "update", "system_owner_id"), "System Owner",
                    "", "Anna Jensen");
  assert_described (find_entry (history, "update", "end_date"), "End Date",
                    "28.02.2027", "31.12.2028");
  assert_described (find_entry (history, "update", "personal_data"), "Processes Personal Data",
                    "No", "Yes");
  assert_described (find_entry (history, "update", "category"), "Category",
                    "Licence", "Operation");
  entry = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpstr (entry->entity, ==, "contract");
  g_assert_cmpstr (entry->field_label, ==, "");
  g_assert_cmpstr (entry->new_text, ==, "K-2023-014 Økonomisystem");

  /* The activity's own history has no subject: it is the activity. */
  g_clear_pointer (&history, g_ptr_array_unref);
  history = kt_store_list_history (w.store, "activity", activity->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_null (((KtAuditEntry *) history->pdata[0])->subject);

  world_clear (&w);
}

static void
test_supplier_history (StoreFixture  *fixture,
                       gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtSupplier) supplier = NULL;
  g_autoptr(KtScoreOverride) override = g_new0 (KtScoreOverride, 1);
  g_autoptr(KtContact) contact = kt_contact_new ();
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);
  supplier = kt_store_get_supplier (w.store, w.supplier_id, &error);
  g_assert_no_error (error);

  contact->name = g_strdup ("Bo Berg");
  contact->phone = g_strdup ("12 34 56 78");
  g_ptr_array_add (supplier->contacts, g_steal_pointer (&contact));
  g_free (supplier->city);
  supplier->city = g_strdup ("Aarhus N");
  kt_store_update_supplier (w.store, supplier, &error);
  g_assert_no_error (error);

  override->supplier_id = w.supplier_id;
  override->importance = 80;
  override->risk = 20;
  override->reason = g_strdup ("Eneleverandør");
  kt_store_set_score_override (w.store, override, &error);
  g_assert_no_error (error);

  history = kt_store_list_history (w.store, "supplier", w.supplier_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 6);
  assert_described (find_entry (history, "update", "contacts"), "Contact Persons",
                    "", "Bo Berg, 12 34 56 78");
  assert_described (find_entry (history, "update", "city"), "City", "Aarhus C", "Aarhus N");
  assert_described (find_entry (history, "insert", "importance_override"),
                    "Importance Placed by Hand", "", "80");
  assert_described (find_entry (history, "insert", "override_reason"),
                    "Reason for Placing by Hand", "", "Eneleverandør");
  g_assert_cmpstr (((KtAuditEntry *) history->pdata[history->len - 1])->action, ==, "insert");

  world_clear (&w);
}

/* Single entries, also of rows that are gone, and resolve rows. */
static void
test_describe_entry (StoreFixture  *fixture,
                     gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtSupplier) gone = test_supplier_new ("Gammel Leverandør ApS", 3);
  g_autoptr(KtAuditEntry) entry = kt_audit_entry_new ();
  g_autoptr(KtAuditEntry) copy = NULL;
  g_autoptr(GError) error = NULL;

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);
  world_init (&w, fixture);
  kt_store_insert_supplier (w.store, gone, &error);
  g_assert_no_error (error);
  kt_store_delete_supplier (w.store, gone->id, gone->version, &error);
  g_assert_no_error (error);

  entry->entity = g_strdup ("contract");
  entry->action = g_strdup ("resolve");
  entry->field = g_strdup ("supplier_id");
  entry->old_value = g_strdup_printf ("%" G_GINT64_FORMAT, gone->id);
  entry->new_value = g_strdup_printf ("%" G_GINT64_FORMAT, w.supplier_id);
  entry->detail = g_strdup ("theirs");
  entry->display_name = g_strdup ("Bente Holm");
  kt_store_describe_audit_entry (w.store, entry);
  assert_described (entry, "Supplier", "Gammel Leverandør ApS", "Netcompany A/S");

  copy = kt_audit_entry_copy (entry);
  g_assert_cmpstr (copy->detail, ==, "theirs");
  g_assert_cmpstr (copy->display_name, ==, "Bente Holm");
  g_assert_cmpstr (copy->old_text, ==, "Gammel Leverandør ApS");
  g_assert_cmpstr (copy->field_label, ==, "Supplier");

  g_free (entry->field);
  entry->field = g_strdup ("org_unit_id");
  g_free (entry->old_value);
  entry->old_value = g_strdup ("4242");
  kt_store_describe_audit_entry (w.store, entry);
  g_assert_cmpstr (entry->old_text, ==, "unknown (no. 4242)");
  g_free (entry->new_value);
  entry->new_value = g_strdup_printf ("%" G_GINT64_FORMAT, w.org_unit_id);
  kt_store_describe_audit_entry (w.store, entry);
  g_assert_cmpstr (entry->new_text, ==, "Børn og Unge");

  /* Unknown fields keep their stored text. */
  g_free (entry->field);
  entry->field = g_strdup ("shoe_size");
  kt_store_describe_audit_entry (w.store, entry);
  assert_described (entry, "shoe_size", "4242", entry->new_value);

  g_free (entry->entity);
  entry->entity = g_strdup ("person");
  g_free (entry->field);
  entry->field = g_strdup ("roles");
  g_free (entry->old_value);
  entry->old_value = g_strdup_printf ("%d", (1 << KT_ROLE_SYSTEM_OWNER) | (1 << KT_ROLE_IT_BUYER));
  g_clear_pointer (&entry->new_value, g_free);
  kt_store_describe_audit_entry (w.store, entry);
  g_assert_cmpstr (entry->old_text, ==, "System owner, IT buyer");
  g_assert_cmpstr (entry->new_text, ==, "");

  g_free (entry->entity);
  entry->entity = g_strdup ("contract");
  g_free (entry->field);
  entry->field = g_strdup ("document");
  g_free (entry->new_value);
  entry->new_value = g_strdup ("Kontrakt.pdf (sha256 0123456789ab…, signed_contract): Underskrevet");
  kt_store_describe_audit_entry (w.store, entry);
  g_assert_cmpstr (entry->field_label, ==, "Document");
  g_assert_cmpstr (entry->new_text, ==, "Kontrakt.pdf (Signed contract, file 0123456789ab…): Underskrevet");

  g_free (entry->entity);
  entry->entity = g_strdup ("settings");
  g_free (entry->field);
  entry->field = g_strdup ("lead_months_ski");
  kt_store_describe_audit_entry (w.store, entry);
  g_assert_cmpstr (entry->field_label, ==, "Lead Time: SKI framework agreement");

  world_clear (&w);
}

/* Every column an entity audits has a label, so no raw column name shows. */
static void
test_every_field_labelled (void)
{
  const KtEntity *entities[] = {
    &kt_contract_entity, &kt_supplier_entity, &kt_person_entity, &kt_org_unit_entity,
    &kt_activity_entity,
  };
  const char *settings[] = {
    "decision_buffer_days", "importance_threshold", "risk_threshold", "full_spend",
    "long_notice_months",
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    for (guint j = 0; j < entities[i]->n_fields; j++)
      {
        g_autofree char *label = kt_store_field_label (entities[i]->entity,
                                                       entities[i]->fields[j].column);

        if (label == NULL)
          g_error ("%s.%s has no label", entities[i]->entity, entities[i]->fields[j].column);
      }

  for (guint i = 0; i < kt_enum_count (KT_ENUM_PROCUREMENT_FORM); i++)
    {
      g_autofree char *field = g_strconcat ("lead_months_",
                                            kt_enum_code (KT_ENUM_PROCUREMENT_FORM, i), NULL);
      g_autofree char *label = kt_store_field_label ("settings", field);

      g_assert_nonnull (label);
    }

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      g_autofree char *label = kt_store_field_label ("settings", settings[i]);

      g_assert_nonnull (label);
    }

  {
    g_autofree char *contacts = kt_store_field_label ("supplier", "contacts");
    g_autofree char *document = kt_store_field_label ("contract", "document");
    g_autofree char *clause = kt_store_field_label ("contract", "clause");
    g_autofree char *unknown = kt_store_field_label ("contract", "shoe_size");

    g_assert_nonnull (contacts);
    g_assert_nonnull (document);
    g_assert_nonnull (clause);
    g_assert_null (unknown);
  }
}

/* Schema 5: an old file keeps its trail (ids included) and gains the
 * detail column, the new actions and the entity "portfolio". */
static void
test_migrate_v4 (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "v4.kontrakter");
  g_autofree char *check = NULL;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  const KtAuditEntry *entry;

  kt_store_create_at_version (path, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, 4);
  /* Version 4 refuses what version 5 adds. */
  g_assert_cmpint (test_sql_exec (path, "INSERT INTO audit_log (at, user, host, entity, "
                                        "entity_id, action) VALUES ('2024-01-02T10:00:00Z', "
                                        "'aje', 'pc1', 'portfolio', 0, 'restore_backup')"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (test_sql_exec (path,
                                  "INSERT INTO audit_log (id, at, user, host, entity, entity_id, "
                                  "  action) VALUES (5, '2024-01-02T10:00:00Z', 'aje', 'pc1', "
                                  "  'contract', 1, 'insert');"
                                  "INSERT INTO audit_log (id, at, user, host, entity, entity_id, "
                                  "  action, field, old_value, new_value) VALUES (9, "
                                  "  '2024-01-03T10:00:00Z', 'aje', 'pc1', 'contract', 1, 'update', "
                                  "  'name', 'ESDH', 'ESDH-drift');"),
                   ==, SQLITE_OK);

  store = test_store_new (path);
  g_assert_cmpint (kt_store_schema_version_latest (), >=, 5);
  g_assert_cmpint (kt_store_get_schema_version (store), ==, kt_store_schema_version_latest ());
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==,
                   kt_store_schema_version_latest ());

  audit = kt_store_list_audit (store, "contract", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpint (entry->id, ==, 9);
  g_assert_cmpstr (entry->new_value, ==, "ESDH-drift");
  g_assert_null (entry->detail);
  g_assert_cmpint (((KtAuditEntry *) g_ptr_array_index (audit, 1))->id, ==, 5);

  /* Still append-only, with its index, and nothing left of the copy. */
  g_assert_cmpint (test_sql_exec (path, "UPDATE audit_log SET user = 'x'") & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_sql_exec (path, "DELETE FROM audit_log") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE "
                                       "name = 'audit_log_entity'"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE "
                                       "name = 'audit_log_v5'"), ==, 0);

  /* What schema 5 adds is accepted; a resolve without its side is not. */
  g_assert_cmpint (test_sql_exec (path, "INSERT INTO audit_log (at, user, host, entity, "
                                        "entity_id, action, detail) VALUES ('2024-01-04T10:00:00Z', "
                                        "'aje', 'pc1', 'portfolio', 0, 'restore_backup', 'x')"),
                   ==, SQLITE_OK);
  g_assert_cmpint (test_sql_exec (path, "INSERT INTO audit_log (at, user, host, entity, "
                                        "entity_id, action, field, detail) VALUES "
                                        "('2024-01-04T10:00:00Z', 'aje', 'pc1', 'contract', 1, "
                                        "'resolve', 'name', 'mine')"),
                   ==, SQLITE_OK);
  g_assert_cmpint (test_sql_exec (path, "INSERT INTO audit_log (at, user, host, entity, "
                                        "entity_id, action, field, detail) VALUES "
                                        "('2024-01-04T10:00:00Z', 'aje', 'pc1', 'contract', 1, "
                                        "'resolve', 'name', 'both')"),
                   ==, SQLITE_CONSTRAINT_CHECK);

  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = kt_store_list_audit (store, "portfolio", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((KtAuditEntry *) g_ptr_array_index (audit, 0))->detail, ==, "x");

  check = test_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

/* kt_store_audit_full writes detail, in the caller's transaction. */
static void
test_audit_full (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "audit.kontrakter");
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  const KtAuditEntry *entry;

  g_assert_true (kt_store_write_begin (store, &error));
  g_assert_true (kt_store_audit_full (store, "portfolio", 0, "restore_backup", NULL, NULL, NULL,
                                      "portfolio-2026-11-26.kontrakter", &error));
  g_assert_no_error (error);
  g_assert_true (kt_store_write_commit (store, &error));

  audit = kt_store_list_audit (store, "portfolio", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "restore_backup");
  g_assert_cmpstr (entry->user, ==, "tester");
  g_assert_cmpstr (entry->detail, ==, "portfolio-2026-11-26.kontrakter");
}

/* Schema 6: an old file keeps its trail, ids, index and append-only
 * triggers, and gains the writer's real name; its old rows have none. */
static void
test_migrate_v5 (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "v5.kontrakter");
  g_autofree char *check = NULL;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(KtSupplier) supplier = test_supplier_new ("Netcompany A/S", 3);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  const KtAuditEntry *entry;

  kt_store_create_at_version (path, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, 5);
  /* Version 5 has no place for a name. */
  g_assert_cmpint (test_sql_exec (path, "INSERT INTO audit_log (at, user, host, entity, "
                                        "entity_id, action, display_name) VALUES "
                                        "('2024-01-02T10:00:00Z', 'bho', 'pc-456', 'supplier', "
                                        "1, 'insert', 'Bente Holm')"),
                   ==, SQLITE_ERROR);
  g_assert_cmpint (test_sql_exec (path,
                                  "INSERT INTO audit_log (id, at, user, host, entity, entity_id, "
                                  "  action) VALUES (5, '2024-01-02T10:00:00Z', 'bho', 'pc-456', "
                                  "  'supplier', 1, 'insert');"
                                  "INSERT INTO audit_log (id, at, user, host, entity, entity_id, "
                                  "  action, field, detail) VALUES (9, '2024-01-03T10:00:00Z', "
                                  "  'aje', 'pc-123', 'supplier', 1, 'resolve', 'name', 'mine');"),
                   ==, SQLITE_OK);

  store = test_store_new (path);
  g_assert_cmpint (kt_store_schema_version_latest (), >=, 6);
  g_assert_cmpint (kt_store_get_schema_version (store), ==, kt_store_schema_version_latest ());
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==,
                   kt_store_schema_version_latest ());

  audit = kt_store_list_audit (store, "supplier", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpint (entry->id, ==, 9);
  g_assert_cmpstr (entry->detail, ==, "mine");
  g_assert_null (entry->display_name);
  entry = g_ptr_array_index (audit, 1);
  g_assert_cmpint (entry->id, ==, 5);
  g_assert_cmpstr (entry->user, ==, "bho");
  g_assert_null (entry->display_name);

  /* Still append-only, the new column included, and still indexed. */
  g_assert_cmpint (test_sql_exec (path, "UPDATE audit_log SET display_name = 'x'") & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_sql_exec (path, "DELETE FROM audit_log") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = "
                                       "'trigger' AND tbl_name = 'audit_log'"), ==, 2);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE "
                                       "name = 'audit_log_entity'"), ==, 1);
  /* The CHECKs of version 5 hold on. */
  g_assert_cmpint (test_sql_exec (path, "INSERT INTO audit_log (at, user, host, entity, "
                                        "entity_id, action, field, detail) VALUES "
                                        "('2024-01-04T10:00:00Z', 'aje', 'pc1', 'contract', 1, "
                                        "'resolve', 'name', 'both')"),
                   ==, SQLITE_CONSTRAINT_CHECK);

  /* The next save names its writer. */
  kt_store_insert_supplier (store, supplier, &error);
  g_assert_no_error (error);
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = kt_store_list_audit (store, "supplier", supplier->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, >=, 1);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpint (entry->id, >, 9);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpstr (entry->display_name, ==, kt_store_get_display_name (store));

  check = test_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

/* Each audit row keeps the real name of whoever wrote it, beside the login,
 * and the history read back has it, whoever reads it. */
static void
test_display_name (StoreFixture  *fixture,
                   gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtStore) bente = NULL;
  g_autoptr(KtContract) contract = test_contract_new ("K-2023-014", "Økonomisystem");
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const KtAuditEntry *entry;
  gint64 id;

  world_init (&w, fixture);
  contract->supplier_id = w.supplier_id;

  /* Without a real name the login stands in for it. */
  kt_store_set_identity (w.store, "aje", "pc-123");
  g_assert_cmpstr (kt_store_get_display_name (w.store), ==, "aje");
  kt_store_insert_contract (w.store, contract, &error);
  g_assert_no_error (error);

  bente = kt_store_open (w.path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (bente, "bho", "pc-456");
  kt_store_set_display_name (bente, "Bente Holm");
  g_assert_cmpstr (kt_store_get_user (bente), ==, "bho");
  g_assert_cmpstr (kt_store_get_display_name (bente), ==, "Bente Holm");

  id = contract->id;
  g_clear_pointer (&contract, kt_contract_free);
  contract = kt_store_get_contract (bente, id, &error);
  g_assert_no_error (error);
  contract->annual_cost = 12000000;
  kt_store_update_contract (bente, contract, &error);
  g_assert_no_error (error);

  /* Read by the first store: the name comes from the row, not the reader. */
  audit = kt_store_list_audit (w.store, "contract", contract->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->user, ==, "bho");
  g_assert_cmpstr (entry->host, ==, "pc-456");
  g_assert_cmpstr (entry->display_name, ==, "Bente Holm");
  entry = g_ptr_array_index (audit, 1);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpstr (entry->user, ==, "aje");
  g_assert_cmpstr (entry->display_name, ==, "aje");

  history = kt_store_list_history (w.store, "contract", contract->id, &error);
  g_assert_no_error (error);
  entry = find_entry (history, "update", "annual_cost");
  g_assert_cmpstr (entry->display_name, ==, "Bente Holm");
  entry = find_entry (history, "insert", NULL);
  g_assert_cmpstr (entry->display_name, ==, "aje");

  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM audit_log WHERE "
                                         "display_name = 'Bente Holm' AND user = 'bho'"),
                   >=, 1);

  world_clear (&w);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/history/contract", test_contract_history);
  ADD ("/store/history/supplier", test_supplier_history);
  ADD ("/store/history/describe-entry", test_describe_entry);
  g_test_add_func ("/store/history/every-field-labelled", test_every_field_labelled);
  ADD ("/store/history/migrate-v4", test_migrate_v4);
  ADD ("/store/history/audit-full", test_audit_full);
  ADD ("/store/history/migrate-v5", test_migrate_v5);
  ADD ("/store/history/display-name", test_display_name);

  return g_test_run ();
}
