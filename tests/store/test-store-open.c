/* test-store-open.c — opening files: new, migrated, foreign, damaged, read-only
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kt-store-private.h"
#include "store-test-util.h"

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)

static void
test_create_new (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "new.kontrakter");
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *created = NULL;

  store = test_store_new (path);
  g_assert_cmpint (kt_store_get_schema_version (store), ==, kt_store_schema_version_latest ());
  g_assert_cmpstr (kt_store_get_path (store), ==, path);
  g_assert_null (kt_store_get_read_only_reason (store));

  contracts = kt_store_list_contracts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contracts->len, ==, 0);

  g_assert_cmpint (test_sql_int (path, "PRAGMA application_id"), ==, KT_STORE_APPLICATION_ID);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==,
                   kt_store_schema_version_latest ());
  mode = test_sql_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  created = test_sql_text (path, "SELECT value FROM meta WHERE key = 'created_at'");
  g_assert_true (g_str_has_suffix (created, "Z"));

  /* Every table is STRICT, but for the full-text index and the tables
   * FTS5 keeps for it (types 'virtual' and 'shadow'), which cannot be. */
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM pragma_table_list "
                                       "WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' "
                                       "AND type = 'table' AND strict = 0"), ==, 0);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM pragma_table_list "
                                       "WHERE schema = 'main' AND type = 'virtual'"), ==, 1);
}

static void
test_missing_without_create (StoreFixture  *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "missing.kontrakter");
  g_autoptr(GError) error = NULL;
  KtStore *store;

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = kt_store_open (path, KT_STORE_OPEN_CREATE | KT_STORE_OPEN_READ_ONLY, &error);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_empty_file (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "empty.kontrakter");
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kt_store_get_schema_version (store), ==, kt_store_schema_version_latest ());
  g_assert_cmpint (test_sql_int (path, "PRAGMA application_id"), ==, KT_STORE_APPLICATION_ID);
}

static void
test_reopen_keeps_data (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "reopen.kontrakter");
  g_autoptr(KtContract) contract = test_contract_new ("K-1", "ESDH");
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GError) error = NULL;
  KtStore *store;

  store = test_store_new (path);
  kt_store_insert_contract (store, contract, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  contracts = kt_store_list_contracts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contracts->len, ==, 1);
  g_assert_true (kt_contract_equal_fields (contract, g_ptr_array_index (contracts, 0)));
  g_object_unref (store);
}

/* Data as a file of each schema version held it, written with that
 * version's own SQL. Adding schema version N means adding its row here; the
 * test refuses to run until the list covers every version. */
typedef struct {
  int         version;
  const char *sql;
} MigrationFixture;

/* The rows every version can hold. */
#define FIXTURE_BASE \
    "INSERT INTO org_units (id, name, kind) VALUES (1, 'Teknik og Miljø', 'forvaltning');" \
    "INSERT INTO people (id, name, email, org_unit_id, roles) " \
    "  VALUES (1, 'Anna Jensen', 'anna@example.dk', 1, 2);" \
    "INSERT INTO suppliers (id, name, cvr) VALUES (1, 'Leverandør A/S', '12345674');" \
    "INSERT INTO supplier_contacts (supplier_id, position, name, email) " \
    "  VALUES (1, 0, 'Bo Berg', 'bo@example.dk');" \
    "INSERT INTO contracts (id, number, name, type, template_kind, status, supplier_id, " \
    "  system_owner_id, org_unit_id, category, procurement_form, criticality, contract_sum, " \
    "  payment_model, payment_frequency, price_index, start_date, end_date, notice_months, " \
    "  notice_rule, option_count, option_months, personal_data, changed_by, changed_at) " \
    "  VALUES (1, 'K-2019-004', 'ESDH-drift', 'main', 'k02', 'active', 1, 1, 1, 'operation', " \
    "  'ski', 'high', 250000000, 'subscription', 'quarterly', 'net_price', '2019-04-01', " \
    "  '2027-03-31', 6, 'quarter_end', 2, 12, 1, 'Anna Jensen', '2024-01-02T10:00:00Z');" \
    "INSERT INTO audit_log (at, user, host, entity, entity_id, action) " \
    "  VALUES ('2024-01-02T10:00:00Z', 'aje', 'pc1', 'contract', 1, 'insert');"

static const MigrationFixture migration_fixtures[] = {
  { 1, FIXTURE_BASE },
  { 2,
    FIXTURE_BASE
    "INSERT INTO activities (contract_id, type, deadline, description, responsible_id, "
    "  status, recurrence) VALUES (1, 'status_meeting', '2024-03-31', 'Statusmøde', 1, "
    "  'open', 'quarterly');"
    "UPDATE deadline_settings SET decision_buffer_days = 45, version = 2;" },
  { 3,
    FIXTURE_BASE
    "UPDATE matrix_settings SET risk_threshold = 60, version = 2;"
    "INSERT INTO score_overrides (supplier_id, importance, risk, reason, changed_by, changed_at) "
    "  VALUES (1, 80, 20, 'Flere leverandører kan overtage', 'Anna Jensen', "
    "  '2024-01-02T10:00:00Z');" },
  { 4,
    FIXTURE_BASE
    "INSERT INTO documents (id, contract_id, kind, sha256, original_name, media_type, size, "
    "  n_pages, added_by, added_at) VALUES (1, 1, 'signed_contract', "
    "  '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'Kontrakt.pdf', "
    "  'application/pdf', 1024, 3, 'Anna Jensen', '2024-01-02T10:00:00Z');"
    "INSERT INTO clauses (document_id, page, quads, text, category, colour) "
    "  VALUES (1, 2, '72 100 520 112', 'Priserne reguleres årligt', 'price', '#fff08a');" },
  { 5,
    FIXTURE_BASE
    "INSERT INTO audit_log (at, user, host, entity, entity_id, action, detail) "
    "  VALUES ('2024-01-03T10:00:00Z', 'aje', 'pc1', 'portfolio', 0, 'restore_backup', "
    "  'world-2024-01-02.kontrakter');" },
  { 6,
    FIXTURE_BASE
    "INSERT INTO audit_log (at, user, host, entity, entity_id, action, display_name) "
    "  VALUES ('2024-01-03T10:00:00Z', 'bho', 'pc-456', 'supplier', 1, 'insert', "
    "  'Bente Holm');" },
};

static void
check_migrated (const char *path)
{
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(KtSupplier) supplier = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  const KtContract *contract;

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (kt_store_is_read_only (store));
  g_assert_cmpint (kt_store_get_schema_version (store), ==, kt_store_schema_version_latest ());

  contracts = kt_store_list_contracts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contracts->len, ==, 1);
  contract = g_ptr_array_index (contracts, 0);
  g_assert_cmpstr (contract->number, ==, "K-2019-004");
  g_assert_cmpstr (contract->supplier_name, ==, "Leverandør A/S");
  g_assert_cmpstr (contract->system_owner_name, ==, "Anna Jensen");
  g_assert_cmpstr (contract->org_unit_name, ==, "Teknik og Miljø");
  g_assert_cmpint (contract->contract_sum, ==, 250000000);
  g_assert_cmpint (contract->annual_cost, ==, KT_MONEY_NONE);
  g_assert_cmpint (contract->criticality, ==, KT_CRITICALITY_HIGH);
  g_assert_cmpint (g_date_get_year (&contract->end_date), ==, 2027);
  g_assert_true (contract->personal_data);

  supplier = kt_store_get_supplier (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (supplier->contacts->len, ==, 1);

  audit = kt_store_list_audit (store, "contract", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);

  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_migrate_from_every_version (StoreFixture  *fixture,
                                 gconstpointer  data)
{
  int latest = kt_store_schema_version_latest ();

  g_assert_cmpint (G_N_ELEMENTS (migration_fixtures), ==, latest);

  for (guint i = 0; i < G_N_ELEMENTS (migration_fixtures); i++)
    {
      const MigrationFixture *step = &migration_fixtures[i];
      g_autofree char *name = g_strdup_printf ("v%d.kontrakter", step->version);
      g_autofree char *path = store_fixture_path (fixture, name);
      g_autoptr(GError) error = NULL;

      g_test_message ("from schema version %d", step->version);

      kt_store_create_at_version (path, step->version, &error);
      g_assert_no_error (error);
      g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, step->version);
      g_assert_cmpint (test_sql_exec (path, step->sql), ==, SQLITE_OK);

      check_migrated (path);
      g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, latest);
    }
}

/* The codes in the schema's CHECK lists are written out by hand; every code
 * of the model must pass them, for every enum the contract uses. */
static void
test_schema_accepts_every_code (StoreFixture  *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "codes.kontrakter");
  g_autoptr(KtStore) store = test_store_new (path);
  guint rounds = 0;

  for (KtEnumKind kind = 0; kind < KT_N_ENUMS; kind++)
    rounds = MAX (rounds, kt_enum_count (kind));

  for (guint i = 0; i < rounds; i++)
    {
      g_autofree char *number = g_strdup_printf ("K-%u", i);
      g_autoptr(KtContract) contract = test_contract_new (number, "Koder");
      g_autoptr(KtContract) read = NULL;
      g_autoptr(KtOrgUnit) unit = kt_org_unit_new ();
      g_autoptr(GError) error = NULL;

      contract->type = i % kt_enum_count (KT_ENUM_CONTRACT_TYPE);
      contract->template_kind = i % kt_enum_count (KT_ENUM_TEMPLATE);
      contract->status = i % kt_enum_count (KT_ENUM_STATUS);
      contract->category = i % kt_enum_count (KT_ENUM_CATEGORY);
      contract->procurement_form = i % kt_enum_count (KT_ENUM_PROCUREMENT_FORM);
      contract->criticality = i % kt_enum_count (KT_ENUM_CRITICALITY);
      contract->payment_model = i % kt_enum_count (KT_ENUM_PAYMENT_MODEL);
      contract->payment_frequency = i % kt_enum_count (KT_ENUM_PAYMENT_FREQUENCY);
      contract->price_index = i % kt_enum_count (KT_ENUM_PRICE_INDEX);
      contract->notice_rule = i % kt_enum_count (KT_ENUM_NOTICE_RULE);
      if (contract->price_index == KT_PRICE_INDEX_NONE)
        g_date_clear (&contract->price_regulation_date, 1);
      else
        g_date_set_dmy (&contract->price_regulation_date, 1, G_DATE_JUNE, 2024);

      kt_store_insert_contract (store, contract, &error);
      g_assert_no_error (error);
      read = kt_store_get_contract (store, contract->id, &error);
      g_assert_no_error (error);
      g_assert_true (kt_contract_equal_fields (contract, read));

      unit->name = g_strdup ("Enhed");
      unit->kind = i % kt_enum_count (KT_ENUM_ORG_UNIT_KIND);
      kt_store_insert_org_unit (store, unit, &error);
      g_assert_no_error (error);
    }
}

static void
assert_refused (const char    *path,
                int            code)
{
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  KtStore *store;

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, KT_STORE_ERROR, code);
  g_assert_null (store);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  /* Asking to create changes nothing either. */
  store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);
  g_assert_error (error, KT_STORE_ERROR, code);
  g_assert_null (store);

  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_sqlite (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autofree char *text = store_fixture_path (fixture, "notes.kontrakter");
  g_autofree char *tiny = store_fixture_path (fixture, "tiny.kontrakter");
  g_autoptr(GError) error = NULL;

  g_file_set_contents (text, "Kontrakter med leverandører\nK-1;ESDH;2027-03-31\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (text, KT_STORE_ERROR_NOT_PORTFOLIO);

  g_file_set_contents (tiny, "SQLite format 3", -1, &error);
  g_assert_no_error (error);
  assert_refused (tiny, KT_STORE_ERROR_NOT_PORTFOLIO);
}

static void
test_foreign_sqlite (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autofree char *tables = store_fixture_path (fixture, "other.kontrakter");
  g_autofree char *app_id = store_fixture_path (fixture, "other-app.kontrakter");
  sqlite3 *db = NULL;

  /* Another program's file: tables, no application id. */
  g_assert_cmpint (sqlite3_open (tables, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                                     "INSERT INTO notes (text) VALUES ('hello');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (tables, KT_STORE_ERROR_NOT_PORTFOLIO);

  /* Another program's file: its own application id, empty so far. */
  g_assert_cmpint (sqlite3_open (app_id, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1234567;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (app_id, KT_STORE_ERROR_NOT_PORTFOLIO);
}

static void
test_directory (StoreFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KtStore *store;

  store = kt_store_open (fixture->dir, KT_STORE_OPEN_CREATE, &error);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO);
  g_assert_null (store);
}

/* A portfolio with enough rows to span many pages. */
static void
fill_portfolio (const char *path,
                guint       n)
{
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(GError) error = NULL;

  kt_store_begin_batch (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("K-%05u", i);
      g_autoptr(KtContract) contract = test_contract_new (number, "Drift af fagsystem");

      contract->notes = g_strnfill (300, 'x');
      kt_store_insert_contract (store, contract, &error);
      g_assert_no_error (error);
    }
  kt_store_commit_batch (store, &error);
  g_assert_no_error (error);
}

static void
test_corrupt (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "damaged.kontrakter");
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  guint8 garbage[4096];
  GStatBuf st;
  gint64 page_size;
  int fd;

  fill_portfolio (path, 300);
  page_size = test_sql_int (path, "PRAGMA page_size");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size / page_size, >, 20);

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = g_rand_int_range (rand, 0, 256);

  /* Overwrite a whole page in the middle of the file. */
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, MIN (page_size, (gint64) sizeof garbage),
                           (st.st_size / page_size / 2) * page_size), ==,
                   MIN (page_size, (gint64) sizeof garbage));
  close (fd);

  assert_refused (path, KT_STORE_ERROR_CORRUPT);
}

static void
test_newer_schema (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "newer.kontrakter");
  g_autofree char *set_version = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(KtContract) contract = test_contract_new ("K-2", "Ny");
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GError) error = NULL;
  KtStore *store;

  fill_portfolio (path, 3);
  set_version = g_strdup_printf ("PRAGMA user_version = %d", kt_store_schema_version_latest () + 1);
  g_assert_cmpint (test_sql_exec (path, set_version), ==, SQLITE_OK);
  before = test_file_checksum (path);

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (kt_store_is_read_only (store));
  g_assert_nonnull (strstr (kt_store_get_read_only_reason (store),
                            "saved by a newer version of Kontrakter"));
  g_assert_cmpint (kt_store_get_schema_version (store), ==, kt_store_schema_version_latest () + 1);

  contracts = kt_store_list_contracts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contracts->len, ==, 3);

  g_assert_false (kt_store_insert_contract (store, contract, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NEWER_VERSION);
  g_assert_cmpstr (error->message, ==, kt_store_get_read_only_reason (store));
  g_clear_error (&error);
  g_assert_false (kt_store_begin_batch (store, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NEWER_VERSION);
  g_object_unref (store);

  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==,
                   kt_store_schema_version_latest () + 1);
}

static void
assert_writes_refused (KtStore      *store,
                       int           code)
{
  g_autoptr(KtContract) contract = test_contract_new ("K-9", "Skrivning");
  g_autoptr(KtSupplier) supplier = test_supplier_new ("Ingen A/S", 3);
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GError) error = NULL;

  contracts = kt_store_list_contracts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contracts->len, >, 0);

  g_assert_false (kt_store_insert_contract (store, contract, &error));
  g_assert_error (error, KT_STORE_ERROR, code);
  g_clear_error (&error);

  g_assert_false (kt_store_insert_supplier (store, supplier, &error));
  g_assert_error (error, KT_STORE_ERROR, code);
  g_clear_error (&error);

  g_assert_false (kt_store_delete_contract (store, 1, 1, &error));
  g_assert_error (error, KT_STORE_ERROR, code);
  g_assert_cmpint (contract->id, ==, 0);
}

static void
test_read_only_flag (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "ro.kontrakter");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  KtStore *store;

  fill_portfolio (path, 2);
  before = test_file_checksum (path);

  store = kt_store_open (path, KT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (kt_store_is_read_only (store));
  g_assert_nonnull (kt_store_get_read_only_reason (store));
  assert_writes_refused (store, KT_STORE_ERROR_READ_ONLY);
  g_object_unref (store);

  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_unwritable_file (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "locked.kontrakter");
  g_autoptr(GError) error = NULL;
  KtStore *store;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write a file with mode 0444");
      return;
    }

  fill_portfolio (path, 2);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (kt_store_is_read_only (store));
  g_assert_nonnull (strstr (kt_store_get_read_only_reason (store), "permission"));
  assert_writes_refused (store, KT_STORE_ERROR_READ_ONLY);
  g_object_unref (store);

  g_chmod (path, 0644);
}

static void
test_unwritable_folder (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *sub = store_fixture_path (fixture, "share");
  g_autofree char *path = g_build_filename (sub, "p.kontrakter", NULL);
  g_autoptr(GError) error = NULL;
  KtStore *store;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write into a folder with mode 0555");
      return;
    }

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  fill_portfolio (path, 2);
  g_assert_cmpint (g_chmod (sub, 0555), ==, 0);

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (kt_store_is_read_only (store));
  assert_writes_refused (store, KT_STORE_ERROR_READ_ONLY);
  g_object_unref (store);

  g_chmod (sub, 0755);
}

static guint8
header_byte (const char *path,
             guint       offset)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, offset);

  return (guint8) contents[offset];
}

static void
test_wal_switched_back (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "wal.kontrakter");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *mode = NULL;
  g_autoptr(GError) error = NULL;
  KtStore *store;
  sqlite3 *db = NULL;

  fill_portfolio (path, 2);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  /* Bytes 18 and 19 of the header are 2 for WAL, 1 for rollback journals. */
  g_assert_cmpint (header_byte (path, 18), ==, 2);

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (kt_store_is_read_only (store));

  /* Seen from another connection while the store is open. */
  mode = test_sql_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_object_unref (store);

  g_assert_cmpint (header_byte (path, 18), ==, 1);
  g_assert_cmpint (header_byte (path, 19), ==, 1);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_file_vanished (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "gone.kontrakter");
  g_autoptr(KtContract) contract = test_contract_new ("K-3", "Forsvundet");
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = test_store_new (path);
  g_assert_cmpint (g_unlink (path), ==, 0);

  g_assert_false (kt_store_insert_contract (store, contract, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "The portfolio file could not be written"));
  g_assert_cmpint (contract->id, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/open/create-new", test_create_new);
  ADD ("/store/open/missing-without-create", test_missing_without_create);
  ADD ("/store/open/empty-file", test_empty_file);
  ADD ("/store/open/reopen-keeps-data", test_reopen_keeps_data);
  ADD ("/store/open/not-sqlite", test_not_sqlite);
  ADD ("/store/open/foreign-sqlite", test_foreign_sqlite);
  ADD ("/store/open/directory", test_directory);
  ADD ("/store/open/corrupt", test_corrupt);
  ADD ("/store/open/newer-schema", test_newer_schema);
  ADD ("/store/open/read-only-flag", test_read_only_flag);
  ADD ("/store/open/unwritable-file", test_unwritable_file);
  ADD ("/store/open/unwritable-folder", test_unwritable_folder);
  ADD ("/store/open/wal-switched-back", test_wal_switched_back);
  ADD ("/store/open/file-vanished", test_file_vanished);
  ADD ("/store/migrate/from-every-version", test_migrate_from_every_version);
  ADD ("/store/migrate/schema-accepts-every-code", test_schema_accepts_every_code);

  return g_test_run ();
}
