/* kt-store-schema-v5.c — schema version 5: the shared portfolio file
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept apart from kt-store-schema.c only for its length; the rules there
 * hold here: a released step is never edited.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-store-private.h"

/* Version 5 (issue 6): the audit trail records how a conflict was resolved
 * (action "resolve", one row per field, detail "mine" or "theirs") and a
 * restore of the whole file from a backup (entity "portfolio", id 0,
 * action "restore_backup"). A CHECK cannot be altered in place, so the
 * table is copied as in version 2, keeping its ids (the history is ordered
 * by them), its index and its append-only triggers. */
const char kt_store_schema_v5[] =
  "CREATE TABLE audit_log_v5 (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  at        TEXT NOT NULL CHECK (at IS NULL OR at GLOB"
  "              '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),\n"
  "  user      TEXT NOT NULL,\n"
  "  host      TEXT NOT NULL,\n"
  "  entity    TEXT NOT NULL CHECK (entity IN ('contract', 'supplier', 'person', 'org_unit',"
  "              'activity', 'settings', 'portfolio')),\n"
  "  entity_id INTEGER NOT NULL,\n"
  "  action    TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore',"
  "              'resolve', 'restore_backup')),\n"
  "  field     TEXT,\n"
  "  old_value TEXT,\n"
  "  new_value TEXT,\n"
  "  detail    TEXT,\n"
  /* A resolve row says which side was kept; nothing else can be read from it. */
  "  CHECK (action <> 'resolve' OR (field IS NOT NULL AND detail IN ('mine', 'theirs')))\n"
  ") STRICT;\n"
  "INSERT INTO audit_log_v5 (id, at, user, host, entity, entity_id, action, field, old_value,"
  " new_value) SELECT id, at, user, host, entity, entity_id, action, field, old_value, new_value"
  " FROM audit_log ORDER BY id;\n"
  /* Dropping a table does not fire its triggers; they go with it. */
  "DROP TABLE audit_log;\n"
  "ALTER TABLE audit_log_v5 RENAME TO audit_log;\n"
  "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);\n"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
  "BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;\n"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
  "BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;\n";
