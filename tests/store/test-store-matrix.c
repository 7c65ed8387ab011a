/* test-store-matrix.c — matrix settings and overrides, schema version 3
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include "kt-store-private.h"
#include "store-test-util.h"

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)

/* The matrix settings are audited as entity "settings", id 2. */
#define SETTINGS_AUDIT_ID 2

static gboolean
settings_equal (const KtMatrixSettings *a,
                const KtMatrixSettings *b)
{
  return a->importance_threshold == b->importance_threshold &&
         a->risk_threshold == b->risk_threshold &&
         a->full_spend == b->full_spend &&
         a->long_notice_months == b->long_notice_months;
}

static const KtAuditEntry *
audit_at (GPtrArray *audit,
          guint      i)
{
  g_assert_cmpuint (i, <, audit->len);
  return g_ptr_array_index (audit, i);
}

/* The audit rows of @entity/@id with @field, newest first. */
static GPtrArray *
audit_of_field (KtStore    *store,
                const char *entity,
                gint64      id,
                const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = kt_store_list_audit (store, entity, id, &error);
  GPtrArray *matching = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_audit_entry_free);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (audit_at (all, i)->field, field) == 0)
      g_ptr_array_add (matching, kt_audit_entry_copy (audit_at (all, i)));

  return matching;
}

static void
test_settings_defaults (StoreFixture  *fixture,
                        gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtMatrixSettings) defaults = kt_matrix_settings_new ();
  g_autoptr(KtMatrixSettings) settings = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);

  /* The row written by the migration holds this version's defaults. */
  settings = kt_store_get_matrix_settings (w.store, &error);
  g_assert_no_error (error);
  g_assert_true (settings_equal (settings, defaults));
  g_assert_cmpint (settings->id, ==, 1);
  g_assert_cmpint (settings->version, ==, 1);
  g_assert_cmpint (test_sql_int (w.path, "SELECT full_spend FROM matrix_settings"), ==,
                   defaults->full_spend);

  overrides = kt_store_list_score_overrides (w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overrides->len, ==, 0);

  world_clear (&w);
}

static void
test_settings_round_trip (StoreFixture  *fixture,
                          gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtMatrixSettings) settings = NULL;
  g_autoptr(KtMatrixSettings) stale = NULL;
  g_autoptr(KtMatrixSettings) seen = NULL;
  g_autoptr(KtStore) bent = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);

  settings = kt_store_get_matrix_settings (w.store, &error);
  g_assert_no_error (error);
  stale = kt_matrix_settings_copy (settings);

  settings->risk_threshold = 60;
  settings->full_spend = 500000000;
  g_assert_true (kt_store_set_matrix_settings (w.store, settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (settings->version, ==, 2);
  g_assert_cmpstr (settings->changed_by, ==, "tester");
  g_assert_nonnull (settings->changed_at);

  /* Field by field, under id 2; the deadline settings' trail is apart. */
  audit = kt_store_list_audit (w.store, "settings", SETTINGS_AUDIT_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (audit_at (audit, 0)->field, ==, "full_spend");
  g_assert_cmpstr (audit_at (audit, 0)->old_value, ==, "200000000");
  g_assert_cmpstr (audit_at (audit, 0)->new_value, ==, "500000000");
  g_assert_cmpstr (audit_at (audit, 0)->action, ==, "update");
  g_assert_cmpstr (audit_at (audit, 1)->field, ==, "risk_threshold");
  g_assert_cmpstr (audit_at (audit, 1)->old_value, ==, "50");
  g_assert_cmpstr (audit_at (audit, 1)->new_value, ==, "60");
  g_assert_cmpuint (audit_count (w.store, "settings", 1), ==, 0);

  /* Saving what is stored writes nothing. */
  g_assert_true (kt_store_set_matrix_settings (w.store, settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (settings->version, ==, 2);
  g_assert_cmpuint (audit_count (w.store, "settings", SETTINGS_AUDIT_ID), ==, 2);

  /* A colleague sees them. */
  bent = kt_store_open (w.path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (bent, "bent", "pc2");
  seen = kt_store_get_matrix_settings (bent, &error);
  g_assert_no_error (error);
  g_assert_true (settings_equal (seen, settings));
  g_assert_cmpint (seen->version, ==, 2);
  g_assert_cmpstr (seen->changed_by, ==, "tester");

  /* A copy read before the change conflicts and names who changed it. */
  stale->importance_threshold = 40;
  g_assert_false (kt_store_set_matrix_settings (bent, stale, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "changed by tester at"));
  g_clear_error (&error);
  g_assert_cmpint (stale->version, ==, 1);
  g_assert_cmpint (test_sql_int (w.path, "SELECT importance_threshold FROM matrix_settings"),
                   ==, 50);

  world_clear (&w);
}

static void
test_settings_invalid (StoreFixture  *fixture,
                       gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtMatrixSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  struct {
    guint   importance_threshold;
    guint   risk_threshold;
    gint64  full_spend;
    guint   long_notice_months;
  } cases[] = {
    { 0, 50, 100, 12 },
    { 100, 50, 100, 12 },
    { 50, 0, 100, 12 },
    { 50, 100, 100, 12 },
    { 50, 50, 0, 12 },
    { 50, 50, -5, 12 },
    { 50, 50, 100, 0 },
    { 50, 50, 100, 61 },
  };

  world_init (&w, fixture);
  settings = kt_store_get_matrix_settings (w.store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KtMatrixSettings) bad = kt_matrix_settings_copy (settings);
      g_autofree char *expected = NULL;

      bad->importance_threshold = cases[i].importance_threshold;
      bad->risk_threshold = cases[i].risk_threshold;
      bad->full_spend = cases[i].full_spend;
      bad->long_notice_months = cases[i].long_notice_months;
      expected = kt_matrix_settings_check (bad);
      g_assert_nonnull (expected);

      g_assert_false (kt_store_set_matrix_settings (w.store, bad, &error));
      g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);
      g_assert_cmpint (bad->version, ==, 1);
    }

  g_assert_cmpint (test_sql_int (w.path, "SELECT version FROM matrix_settings"), ==, 1);
  g_assert_cmpuint (audit_count (w.store, "settings", SETTINGS_AUDIT_ID), ==, 0);

  /* The schema holds the same limits against other programs. */
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE matrix_settings SET risk_threshold = 0") & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE matrix_settings SET full_spend = 0") & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_sql_exec (w.path, "INSERT INTO matrix_settings (id, importance_threshold,"
                                          " risk_threshold, full_spend, long_notice_months)"
                                          " VALUES (2, 50, 50, 100, 12)") & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_sql_exec (w.path, "INSERT INTO score_overrides (supplier_id, importance,"
                                          " risk, reason) VALUES (1, 50, 50, '  ')") & 0xff,
                   ==, SQLITE_CONSTRAINT);

  world_clear (&w);
}

static KtScoreOverride *
override_new (gint64      supplier_id,
              guint       importance,
              guint       risk,
              const char *reason)
{
  KtScoreOverride *o = kt_score_override_new ();

  o->supplier_id = supplier_id;
  o->importance = importance;
  o->risk = risk;
  o->reason = g_strdup (reason);
  return o;
}

static void
test_overrides (StoreFixture  *fixture,
                gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtScoreOverride) o = NULL;
  g_autoptr(KtScoreOverride) again = NULL;
  g_autoptr(KtScoreOverride) stale = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  const KtScoreOverride *stored;
  guint supplier_audit;

  world_init (&w, fixture);
  supplier_audit = audit_count (w.store, "supplier", w.supplier_id);

  /* Insert. */
  o = override_new (w.supplier_id, 80, 20, "Flere leverandører kan overtage driften");
  g_assert_true (kt_store_set_score_override (w.store, o, &error));
  g_assert_no_error (error);
  g_assert_cmpint (o->version, ==, 1);
  g_assert_cmpstr (o->changed_by, ==, "tester");
  g_assert_nonnull (o->changed_at);

  list = kt_store_list_score_overrides (w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  stored = g_ptr_array_index (list, 0);
  g_assert_cmpint (stored->supplier_id, ==, w.supplier_id);
  g_assert_cmpint (stored->version, ==, 1);
  g_assert_cmpuint (stored->importance, ==, 80);
  g_assert_cmpuint (stored->risk, ==, 20);
  g_assert_cmpstr (stored->reason, ==, "Flere leverandører kan overtage driften");
  g_assert_cmpstr (stored->changed_by, ==, "tester");
  g_assert_cmpstr (stored->changed_at, ==, o->changed_at);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_cmpuint (audit_count (w.store, "supplier", w.supplier_id), ==, supplier_audit + 3);
  audit = audit_of_field (w.store, "supplier", w.supplier_id, "importance_override");
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (audit_at (audit, 0)->action, ==, "insert");
  g_assert_null (audit_at (audit, 0)->old_value);
  g_assert_cmpstr (audit_at (audit, 0)->new_value, ==, "80");
  g_assert_cmpstr (audit_at (audit, 0)->user, ==, "tester");
  g_clear_pointer (&audit, g_ptr_array_unref);

  /* A second insert for the same supplier is someone else's placement. */
  again = override_new (w.supplier_id, 10, 90, "Kun én leverandør");
  g_assert_false (kt_store_set_score_override (w.store, again, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Netcompany A/S"));
  g_assert_nonnull (strstr (error->message, "changed by tester at"));
  g_clear_error (&error);
  g_assert_cmpint (again->version, ==, 0);

  /* Update the risk and the reason: two audit rows. */
  stale = kt_score_override_copy (o);
  o->risk = 35;
  g_free (o->reason);
  o->reason = g_strdup ("Leverandøren har varslet prisstigning");
  g_assert_true (kt_store_set_score_override (w.store, o, &error));
  g_assert_no_error (error);
  g_assert_cmpint (o->version, ==, 2);
  g_assert_cmpuint (audit_count (w.store, "supplier", w.supplier_id), ==, supplier_audit + 5);
  audit = audit_of_field (w.store, "supplier", w.supplier_id, "risk_override");
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (audit_at (audit, 0)->action, ==, "update");
  g_assert_cmpstr (audit_at (audit, 0)->old_value, ==, "20");
  g_assert_cmpstr (audit_at (audit, 0)->new_value, ==, "35");
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = audit_of_field (w.store, "supplier", w.supplier_id, "override_reason");
  g_assert_cmpstr (audit_at (audit, 0)->new_value, ==, "Leverandøren har varslet prisstigning");
  g_clear_pointer (&audit, g_ptr_array_unref);

  /* Saving it unchanged writes nothing. */
  g_assert_true (kt_store_set_score_override (w.store, o, &error));
  g_assert_no_error (error);
  g_assert_cmpint (o->version, ==, 2);
  g_assert_cmpuint (audit_count (w.store, "supplier", w.supplier_id), ==, supplier_audit + 5);

  /* A stale version: update and delete conflict, nothing changes. */
  stale->importance = 5;
  g_assert_false (kt_store_set_score_override (w.store, stale, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (kt_store_delete_score_override (w.store, w.supplier_id, 1, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (w.path, "SELECT importance FROM score_overrides"), ==, 80);

  /* Delete: three audit rows with what was there. */
  g_assert_true (kt_store_delete_score_override (w.store, w.supplier_id, 2, &error));
  g_assert_no_error (error);
  list = kt_store_list_score_overrides (w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (audit_count (w.store, "supplier", w.supplier_id), ==, supplier_audit + 8);
  audit = audit_of_field (w.store, "supplier", w.supplier_id, "importance_override");
  g_assert_cmpstr (audit_at (audit, 0)->action, ==, "delete");
  g_assert_cmpstr (audit_at (audit, 0)->old_value, ==, "80");
  g_assert_null (audit_at (audit, 0)->new_value);
  g_clear_pointer (&audit, g_ptr_array_unref);

  /* Gone: delete and update cannot find it; a new insert can. */
  g_assert_false (kt_store_delete_score_override (w.store, w.supplier_id, 2, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kt_store_set_score_override (w.store, o, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (kt_store_set_score_override (w.store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again->version, ==, 1);

  world_clear (&w);
}

static void
test_override_invalid (StoreFixture  *fixture,
                       gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtScoreOverride) o = NULL;
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);

  o = override_new (w.supplier_id, 101, 20, "For højt");
  g_assert_false (kt_store_set_score_override (w.store, o, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  o->importance = 50;
  o->risk = 101;
  g_assert_false (kt_store_set_score_override (w.store, o, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  o->risk = 50;
  g_free (o->reason);
  o->reason = g_strdup (" \n ");
  g_assert_false (kt_store_set_score_override (w.store, o, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM score_overrides"), ==, 0);

  /* A supplier that does not exist. */
  g_free (o->reason);
  o->reason = g_strdup ("Findes ikke");
  o->supplier_id = w.supplier_id + 100;
  g_assert_false (kt_store_set_score_override (w.store, o, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (o->version, ==, 0);
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM score_overrides"), ==, 0);
  g_assert_cmpuint (audit_count (w.store, "supplier", w.supplier_id + 100), ==, 0);

  world_clear (&w);
}

/* An override goes with its supplier (only possible once no contract
 * refers to the supplier). */
static void
test_override_follows_supplier (StoreFixture  *fixture,
                                gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtScoreOverride) o = NULL;
  g_autoptr(KtSupplier) supplier = NULL;
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);

  o = override_new (w.supplier_id, 80, 20, "Strategisk partner");
  g_assert_true (kt_store_set_score_override (w.store, o, &error));
  g_assert_no_error (error);

  supplier = kt_store_get_supplier (w.store, w.supplier_id, &error);
  g_assert_no_error (error);
  g_assert_true (kt_store_delete_supplier (w.store, w.supplier_id, supplier->version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM score_overrides"), ==, 0);

  world_clear (&w);
}

static void
test_read_only (StoreFixture  *fixture,
                gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtStore) store = NULL;
  g_autoptr(KtScoreOverride) o = NULL;
  g_autoptr(KtMatrixSettings) settings = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *newer = NULL;

  world_init (&w, fixture);
  o = override_new (w.supplier_id, 80, 20, "Strategisk partner");
  g_assert_true (kt_store_set_score_override (w.store, o, &error));
  g_assert_no_error (error);
  g_clear_object (&w.store);
  before = test_file_checksum (w.path);

  store = kt_store_open (w.path, KT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  /* Reading works. */
  settings = kt_store_get_matrix_settings (store, &error);
  g_assert_no_error (error);
  list = kt_store_list_score_overrides (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  settings->risk_threshold = 70;
  g_assert_false (kt_store_set_matrix_settings (store, settings, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  o->risk = 90;
  g_assert_false (kt_store_set_score_override (store, o, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (kt_store_delete_score_override (store, o->supplier_id, o->version, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&store);

  after = test_file_checksum (w.path);
  g_assert_cmpstr (before, ==, after);

  /* A file of a newer Kontrakter: read, never written. */
  newer = g_strdup_printf ("PRAGMA user_version = %d", kt_store_schema_version_latest () + 1);
  g_assert_cmpint (test_sql_exec (w.path, newer), ==, SQLITE_OK);
  store = kt_store_open (w.path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (kt_store_is_read_only (store));
  g_assert_false (kt_store_set_matrix_settings (store, settings, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NEWER_VERSION);
  g_clear_error (&error);
  g_assert_false (kt_store_delete_score_override (store, o->supplier_id, o->version, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NEWER_VERSION);

  world_clear (&w);
}

/* A file of schema version 2, written by version 2's own SQL: opened, it
 * gains the matrix with the defaults and keeps what it had. */
static void
test_migrate_from_v2 (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "v2.kontrakter");
  g_autoptr(KtStore) store = NULL;
  g_autoptr(KtMatrixSettings) settings = NULL;
  g_autoptr(KtMatrixSettings) defaults = kt_matrix_settings_new ();
  g_autoptr(KtDeadlineSettings) deadline_settings = NULL;
  g_autoptr(KtScoreOverride) o = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  kt_store_create_at_version (path, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_schema "
                                       "WHERE name IN ('matrix_settings', 'score_overrides')"),
                   ==, 0);
  g_assert_cmpint (test_sql_exec (path,
                                  "INSERT INTO suppliers (id, name, cvr) "
                                  "  VALUES (4, 'Leverandør A/S', '12345674');"
                                  "UPDATE deadline_settings SET decision_buffer_days = 45, "
                                  "  version = 2;"
                                  "INSERT INTO audit_log (id, at, user, host, entity, entity_id, "
                                  "  action, field, old_value, new_value) VALUES (7, "
                                  "  '2024-01-03T10:00:00Z', 'aje', 'pc1', 'settings', 1, "
                                  "  'update', 'decision_buffer_days', '30', '45');"),
                   ==, SQLITE_OK);

  store = test_store_new (path);
  g_assert_cmpint (kt_store_get_schema_version (store), ==, kt_store_schema_version_latest ());
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==,
                   kt_store_schema_version_latest ());

  settings = kt_store_get_matrix_settings (store, &error);
  g_assert_no_error (error);
  g_assert_true (settings_equal (settings, defaults));
  g_assert_cmpint (settings->version, ==, 1);

  list = kt_store_list_score_overrides (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  /* What it had is kept. */
  deadline_settings = kt_store_get_deadline_settings (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deadline_settings->decision_buffer_days, ==, 45);
  g_assert_cmpuint (audit_count (store, "settings", 1), ==, 1);
  g_assert_cmpuint (audit_count (store, "settings", SETTINGS_AUDIT_ID), ==, 0);

  /* And the new tables take writes. */
  o = override_new (4, 70, 70, "Eneleverandør");
  g_assert_true (kt_store_set_score_override (store, o, &error));
  g_assert_no_error (error);
  settings->long_notice_months = 24;
  g_assert_true (kt_store_set_matrix_settings (store, settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (audit_count (store, "settings", SETTINGS_AUDIT_ID), ==, 1);

  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  {
    g_autofree char *check = test_sql_text (path, "PRAGMA integrity_check");
    g_assert_cmpstr (check, ==, "ok");
  }
}

/* Stored overrides and settings feed the scores as the matrix loads them. */
static void
test_scores_from_store (StoreFixture  *fixture,
                        gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-1", "ESDH");
  g_autoptr(KtScoreOverride) o = NULL;
  g_autoptr(KtMatrixSettings) settings = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GError) error = NULL;
  const KtSupplierScore *score;

  world_init (&w, fixture);
  contract->supplier_id = w.supplier_id;
  g_assert_true (kt_store_insert_contract (w.store, contract, &error));
  g_assert_no_error (error);
  o = override_new (w.supplier_id, 90, 95, "Kritisk for borgerservice");
  g_assert_true (kt_store_set_score_override (w.store, o, &error));
  g_assert_no_error (error);

  settings = kt_store_get_matrix_settings (w.store, &error);
  suppliers = kt_store_list_suppliers (w.store, &error);
  contracts = kt_store_list_contracts (w.store, &error);
  overrides = kt_store_list_score_overrides (w.store, &error);
  g_assert_no_error (error);

  scores = kt_supplier_scores_compute (suppliers, contracts, overrides, settings);
  g_assert_cmpuint (scores->len, ==, 1);
  score = g_ptr_array_index (scores, 0);
  g_assert_cmpstr (score->supplier_name, ==, "Netcompany A/S");
  g_assert_cmpuint (score->importance, ==, 90);
  g_assert_cmpuint (score->risk, ==, 95);
  g_assert_cmpint (score->segment, ==, KT_SEGMENT_STRATEGIC);
  g_assert_nonnull (score->override);
  g_assert_cmpstr (score->override->changed_by, ==, "tester");

  world_clear (&w);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/matrix/settings-defaults", test_settings_defaults);
  ADD ("/store/matrix/settings-round-trip", test_settings_round_trip);
  ADD ("/store/matrix/settings-invalid", test_settings_invalid);
  ADD ("/store/matrix/overrides", test_overrides);
  ADD ("/store/matrix/override-invalid", test_override_invalid);
  ADD ("/store/matrix/override-follows-supplier", test_override_follows_supplier);
  ADD ("/store/matrix/read-only", test_read_only);
  ADD ("/store/matrix/scores", test_scores_from_store);
  ADD ("/store/migrate/v2-to-matrix", test_migrate_from_v2);

  return g_test_run ();
}
