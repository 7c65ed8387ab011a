/* store-test-util.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>

#include "kt-cvr.h"
#include "store-test-util.h"

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

void
store_fixture_setup (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kt-store-XXXXXX", &error);
  g_assert_no_error (error);
}

void
store_fixture_teardown (StoreFixture  *fixture,
                        gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

char *
store_fixture_path (StoreFixture *fixture,
                    const char   *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

KtStore *
test_store_new (const char *path)
{
  g_autoptr(GError) error = NULL;
  KtStore *store;

  store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (kt_store_is_read_only (store));
  kt_store_set_identity (store, "tester", "testhost");

  return store;
}

KtContract *
test_contract_new (const char *number,
                   const char *name)
{
  KtContract *contract = kt_contract_new ();

  contract->number = g_strdup (number);
  contract->name = g_strdup (name);
  contract->category = KT_CATEGORY_LICENCE;
  contract->status = KT_STATUS_ACTIVE;
  contract->contract_sum = 123456789;
  g_date_set_dmy (&contract->start_date, 1, G_DATE_MARCH, 2022);
  g_date_set_dmy (&contract->end_date, 28, G_DATE_FEBRUARY, 2027);
  contract->notice_months = 6;
  contract->notice_rule = KT_NOTICE_RULE_QUARTER_END;
  contract->option_count = 2;
  contract->option_months = 12;
  contract->purchased_services = g_strdup ("Licenser og vedligehold");

  return contract;
}

KtSupplier *
test_supplier_new (const char *name,
                   guint       seed)
{
  KtSupplier *supplier = kt_supplier_new ();

  /* Not every 7-digit prefix has a check digit: walk to one that has. */
  for (guint n = 1000000 + seed * 97; supplier->cvr == NULL; n++)
    {
      g_autofree char *prefix = g_strdup_printf ("%u", n);
      supplier->cvr = kt_cvr_complete (prefix);
    }

  supplier->name = g_strdup (name);
  supplier->address = g_strdup ("Vestergade 1");
  supplier->postal_code = g_strdup ("8000");
  supplier->city = g_strdup ("Aarhus C");

  return supplier;
}

char *
test_file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* A portfolio with one org unit, one person and one supplier. */
void
world_init (World        *world,
            StoreFixture *fixture)
{
  g_autoptr(KtOrgUnit) unit = kt_org_unit_new ();
  g_autoptr(KtPerson) person = kt_person_new ();
  g_autoptr(KtSupplier) supplier = test_supplier_new ("Netcompany A/S", 1);
  g_autoptr(GError) error = NULL;

  world->path = store_fixture_path (fixture, "world.kontrakter");
  world->store = test_store_new (world->path);

  unit->name = g_strdup ("Børn og Unge");
  unit->kind = KT_ORG_UNIT_KIND_FORVALTNING;
  kt_store_insert_org_unit (world->store, unit, &error);
  g_assert_no_error (error);
  world->org_unit_id = unit->id;

  person->name = g_strdup ("Anna Jensen");
  person->email = g_strdup ("anna@eksempel.dk");
  person->org_unit_id = unit->id;
  person->roles = 1 << KT_ROLE_SYSTEM_OWNER;
  kt_store_insert_person (world->store, person, &error);
  g_assert_no_error (error);
  world->person_id = person->id;

  kt_store_insert_supplier (world->store, supplier, &error);
  g_assert_no_error (error);
  world->supplier_id = supplier->id;
}

void
world_clear (World *world)
{
  g_clear_object (&world->store);
  g_clear_pointer (&world->path, g_free);
}

guint
audit_count (KtStore    *store,
             const char *entity,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = kt_store_list_audit (store, entity, id, &error);

  g_assert_no_error (error);
  return entries->len;
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);

  return db;
}

int
test_sql_exec (const char *path,
               const char *sql)
{
  sqlite3 *db = raw_open (path);
  int rc;

  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  rc = sqlite3_extended_errcode (db);
  sqlite3_close (db);

  return rc;
}

gint64
test_sql_int (const char *path,
              const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

char *
test_sql_text (const char *path,
               const char *sql)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}
