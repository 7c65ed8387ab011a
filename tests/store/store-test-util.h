/* store-test-util.h — shared helpers of the store tests
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "kt-store.h"

G_BEGIN_DECLS

/* Every test gets its own temporary folder, removed afterwards. */
typedef struct {
  char *dir;
} StoreFixture;

void        store_fixture_setup     (StoreFixture  *fixture,
                                     gconstpointer  data);
void        store_fixture_teardown  (StoreFixture  *fixture,
                                     gconstpointer  data);
char       *store_fixture_path      (StoreFixture  *fixture,
                                     const char    *name);

/* Opens (creating) a portfolio as user "tester" on host "testhost". */
KtStore    *test_store_new          (const char    *path);

KtContract *test_contract_new       (const char    *number,
                                     const char    *name);
/* A supplier with a valid CVR number derived from @seed (1..9999). */
KtSupplier *test_supplier_new       (const char    *name,
                                     guint          seed);

/* SHA-256 of the file's bytes. */
char       *test_file_checksum      (const char    *path);

/* Plain SQLite on the file, as another program would. */
int         test_sql_exec           (const char    *path,
                                     const char    *sql);
gint64      test_sql_int            (const char    *path,
                                     const char    *sql);
char       *test_sql_text           (const char    *path,
                                     const char    *sql);

/* A portfolio "world.kontrakter" with one org unit, one person (a system
 * owner in it) and one supplier, "Netcompany A/S". */
typedef struct {
  KtStore *store;
  char    *path;
  gint64   org_unit_id;
  gint64   person_id;
  gint64   supplier_id;
} World;

void        world_init              (World         *world,
                                     StoreFixture  *fixture);
void        world_clear             (World         *world);
/* Number of audit rows of one entity. */
guint       audit_count             (KtStore       *store,
                                     const char    *entity,
                                     gint64         id);

G_END_DECLS
