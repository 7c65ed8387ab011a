/* kt-store-schema.c — the portfolio schema and its forward migrations
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each step brings a file from version N-1 to N in one transaction that also
 * sets PRAGMA user_version, so a file is always at exactly one version. A step
 * is never edited once released: a change of the schema is a new step. The
 * enum codes in the CHECK constraints are therefore written out here rather
 * than taken from kt_enum_code (); test-store checks that they agree.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-store-private.h"

/* 'YYYY-MM-DD' and a real day: with a modifier date() goes through the
 * Julian day and turns 2026-02-30 into 2026-03-02 (without, it echoes it). */
#define DATE_CHECK(col) \
  "CHECK (" col " IS NULL OR (" col " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' " \
  "AND date(" col ", '+0 days') = " col "))"

#define NAME_CHECK(col) "CHECK (length(trim(" col ")) > 0)"

#define TIMESTAMP_CHECK(col) \
  "CHECK (" col " IS NULL OR " col " GLOB " \
  "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z')"

#define EDIT_COLUMNS \
  "  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),\n" \
  "  changed_by TEXT,\n" \
  "  changed_at TEXT " TIMESTAMP_CHECK ("changed_at")

/* Foreign keys are RESTRICT: the store never hard-deletes people, org units
 * or contracts, and a silent SET NULL would drop the responsible person of
 * a contract without an audit row. Contacts belong to their supplier. */
static const char schema_v1[] =
  "CREATE TABLE meta (\n"
  "  key   TEXT PRIMARY KEY,\n"
  "  value TEXT\n"
  ") STRICT;\n"

  "CREATE TABLE org_units (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  name      TEXT NOT NULL " NAME_CHECK ("name") ",\n"
  "  kind      TEXT NOT NULL CHECK (kind IN ('forvaltning', 'center')),\n"
  "  parent_id INTEGER REFERENCES org_units (id) ON DELETE RESTRICT,\n"
  EDIT_COLUMNS ",\n"
  "  CHECK (parent_id IS NULL OR parent_id <> id)\n"
  ") STRICT;\n"
  "CREATE INDEX org_units_parent ON org_units (parent_id);\n"

  "CREATE TABLE people (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  name        TEXT NOT NULL " NAME_CHECK ("name") ",\n"
  "  email       TEXT,\n"
  "  org_unit_id INTEGER REFERENCES org_units (id) ON DELETE RESTRICT,\n"
  "  roles       INTEGER NOT NULL DEFAULT 0 CHECK (roles BETWEEN 0 AND 255),\n"
  EDIT_COLUMNS "\n"
  ") STRICT;\n"
  "CREATE INDEX people_org_unit ON people (org_unit_id);\n"

  "CREATE TABLE suppliers (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  name        TEXT NOT NULL " NAME_CHECK ("name") ",\n"
  "  cvr         TEXT CHECK (cvr IS NULL OR (length (cvr) = 8 AND cvr GLOB '[1-9]*' "
  "                          AND cvr NOT GLOB '*[^0-9]*')),\n"
  "  address     TEXT,\n"
  "  postal_code TEXT,\n"
  "  city        TEXT,\n"
  "  notes       TEXT,\n"
  EDIT_COLUMNS "\n"
  ") STRICT;\n"
  "CREATE INDEX suppliers_name ON suppliers (name);\n"

  "CREATE TABLE supplier_contacts (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  supplier_id INTEGER NOT NULL REFERENCES suppliers (id) ON DELETE CASCADE,\n"
  "  position    INTEGER NOT NULL,\n"
  "  name        TEXT NOT NULL " NAME_CHECK ("name") ",\n"
  "  title       TEXT,\n"
  "  email       TEXT,\n"
  "  phone       TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX supplier_contacts_supplier ON supplier_contacts (supplier_id, position);\n"

  "CREATE TABLE contracts (\n"
  "  id                    INTEGER PRIMARY KEY,\n"
  "  number                TEXT NOT NULL " NAME_CHECK ("number") ",\n"
  "  name                  TEXT NOT NULL " NAME_CHECK ("name") ",\n"
  "  type                  TEXT NOT NULL CHECK (type IN ('main', 'supplementary', 'service',"
  "                          'data_processing')),\n"
  "  parent_id             INTEGER REFERENCES contracts (id) ON DELETE RESTRICT,\n"
  "  template_kind         TEXT NOT NULL CHECK (template_kind IN ('k01', 'k02', 'k03', 'kombit',"
  "                          'other')),\n"
  "  status                TEXT NOT NULL CHECK (status IN ('planned', 'active', 'notice_given',"
  "                          'expired')),\n"
  "  supplier_id           INTEGER REFERENCES suppliers (id) ON DELETE RESTRICT,\n"
  "  system_owner_id       INTEGER REFERENCES people (id) ON DELETE RESTRICT,\n"
  "  administrator_id      INTEGER REFERENCES people (id) ON DELETE RESTRICT,\n"
  "  org_unit_id           INTEGER REFERENCES org_units (id) ON DELETE RESTRICT,\n"
  "  category              TEXT NOT NULL CHECK (category IN ('operation', 'development',"
  "                          'licence', 'maintenance', 'consultancy', 'hosting', 'other')),\n"
  "  procurement_form      TEXT NOT NULL CHECK (procurement_form IN ('ski', 'eu_tender',"
  "                          'own_tender', 'joint_tender', 'kombit', 'direct_award')),\n"
  "  criticality           TEXT NOT NULL CHECK (criticality IN ('low', 'medium', 'high',"
  "                          'critical')),\n"
  "  purchased_services    TEXT,\n"
  "  contract_sum          INTEGER,\n"
  "  annual_cost           INTEGER,\n"
  "  payment_model         TEXT NOT NULL CHECK (payment_model IN ('fixed_price',"
  "                          'time_and_materials', 'subscription', 'licence_maintenance',"
  "                          'transaction', 'other')),\n"
  "  payment_frequency     TEXT NOT NULL CHECK (payment_frequency IN ('once', 'monthly',"
  "                          'quarterly', 'half_yearly', 'yearly')),\n"
  "  price_index           TEXT NOT NULL CHECK (price_index IN ('none', 'net_price',"
  "                          'consumer_price', 'wage_private', 'fixed_percent', 'other')),\n"
  "  price_regulation_date TEXT " DATE_CHECK ("price_regulation_date") ",\n"
  "  signed_date           TEXT " DATE_CHECK ("signed_date") ",\n"
  "  start_date            TEXT " DATE_CHECK ("start_date") ",\n"
  "  irrevocable_until     TEXT " DATE_CHECK ("irrevocable_until") ",\n"
  "  end_date              TEXT " DATE_CHECK ("end_date") ",\n"
  "  running               INTEGER NOT NULL DEFAULT 0 CHECK (running IN (0, 1)),\n"
  "  notice_months         INTEGER NOT NULL DEFAULT 0 CHECK (notice_months BETWEEN 0 AND 120),\n"
  "  notice_rule           TEXT NOT NULL CHECK (notice_rule IN ('any_day', 'month_end',"
  "                          'quarter_end', 'year_end')),\n"
  "  option_count          INTEGER NOT NULL DEFAULT 0 CHECK (option_count BETWEEN 0 AND 100),\n"
  "  option_months         INTEGER NOT NULL DEFAULT 0 CHECK (option_months BETWEEN 0 AND 600),\n"
  "  options_used          INTEGER NOT NULL DEFAULT 0 CHECK (options_used >= 0),\n"
  "  personal_data         INTEGER NOT NULL DEFAULT 0 CHECK (personal_data IN (0, 1)),\n"
  "  exit_notes            TEXT,\n"
  "  learning_points       TEXT,\n"
  "  notes                 TEXT,\n"
  "  deleted_at            TEXT " TIMESTAMP_CHECK ("deleted_at") ",\n"
  EDIT_COLUMNS ",\n"
  "  CHECK (end_date IS NULL OR start_date IS NULL OR start_date <= end_date),\n"
  "  CHECK (running = 0 OR end_date IS NULL),\n"
  "  CHECK (options_used <= option_count),\n"
  "  CHECK (contract_sum IS NULL OR contract_sum >= 0),\n"
  "  CHECK (annual_cost IS NULL OR annual_cost >= 0),\n"
  "  CHECK (parent_id IS NULL OR parent_id <> id)\n"
  ") STRICT;\n"
  /* Also serves the list, which is ordered by number over live rows. */
  "CREATE UNIQUE INDEX contracts_number_live ON contracts (number) WHERE deleted_at IS NULL;\n"
  /* Foreign-key checks on the parent side scan these. */
  "CREATE INDEX contracts_parent ON contracts (parent_id);\n"
  "CREATE INDEX contracts_supplier ON contracts (supplier_id);\n"
  "CREATE INDEX contracts_system_owner ON contracts (system_owner_id);\n"
  "CREATE INDEX contracts_administrator ON contracts (administrator_id);\n"
  "CREATE INDEX contracts_org_unit ON contracts (org_unit_id);\n"
  "CREATE INDEX contracts_end_date ON contracts (end_date) WHERE deleted_at IS NULL;\n"

  "CREATE TABLE audit_log (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  at        TEXT NOT NULL " TIMESTAMP_CHECK ("at") ",\n"
  "  user      TEXT NOT NULL,\n"
  "  host      TEXT NOT NULL,\n"
  "  entity    TEXT NOT NULL CHECK (entity IN ('contract', 'supplier', 'person', 'org_unit')),\n"
  "  entity_id INTEGER NOT NULL,\n"
  "  action    TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore')),\n"
  "  field     TEXT,\n"
  "  old_value TEXT,\n"
  "  new_value TEXT\n"
  ") STRICT;\n"
  "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);\n"
  /* The trail is append-only, also for other tools that open the file. */
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
  "BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;\n"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
  "BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;\n";

/* Version 2: activities of contracts and the portfolio's deadline terms
 * (issue 3). The audit trail gains the entities "activity" and "settings";
 * a CHECK cannot be altered in place, so the table is copied. */
static const char schema_v2[] =
  "CREATE TABLE activities (\n"
  "  id               INTEGER PRIMARY KEY,\n"
  "  contract_id      INTEGER NOT NULL REFERENCES contracts (id) ON DELETE RESTRICT,\n"
  "  type             TEXT NOT NULL CHECK (type IN ('expiry', 'renegotiation',"
  "                     'price_regulation', 'option_exercise', 'partial_delivery',"
  "                     'payment_deadline', 'penalty', 'sla_kpi', 'milestone',"
  "                     'control_report', 'status_meeting', 'steering_meeting', 'other')),\n"
  "  deadline         TEXT NOT NULL " DATE_CHECK ("deadline") ",\n"
  "  description      TEXT NOT NULL " NAME_CHECK ("description") ",\n"
  "  clause_ref       TEXT,\n"
  "  responsible_id   INTEGER REFERENCES people (id) ON DELETE RESTRICT,\n"
  "  status           TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),\n"
  "  done_date        TEXT " DATE_CHECK ("done_date") ",\n"
  "  done_by          TEXT,\n"
  "  recurrence       TEXT NOT NULL CHECK (recurrence IN ('none', 'monthly', 'quarterly',"
  "                     'half_yearly', 'yearly')),\n"
  "  recurrence_until TEXT " DATE_CHECK ("recurrence_until") ",\n"
  "  done_through     TEXT " DATE_CHECK ("done_through") ",\n"
  "  notes            TEXT,\n"
  "  deleted_at       TEXT " TIMESTAMP_CHECK ("deleted_at") ",\n"
  EDIT_COLUMNS ",\n"
  /* The last day the activity can fall on: what the window query needs. */
  "  last_date        TEXT GENERATED ALWAYS AS (CASE WHEN recurrence = 'none' THEN deadline"
  "                     ELSE coalesce (recurrence_until, '9999-12-31') END) VIRTUAL,\n"
  "  CHECK (recurrence_until IS NULL OR recurrence_until >= deadline),\n"
  "  CHECK (done_through IS NULL OR done_through >= deadline),\n"
  "  CHECK (recurrence <> 'none' OR (recurrence_until IS NULL AND done_through IS NULL))\n"
  ") STRICT;\n"
  /* Not partial: foreign-key checks on the parent side use them. */
  "CREATE INDEX activities_contract ON activities (contract_id, deadline);\n"
  "CREATE INDEX activities_responsible ON activities (responsible_id);\n"
  /* The overview's window [from, to]: rows that end on or after from ... */
  "CREATE INDEX activities_last_date ON activities (last_date, deadline)"
  " WHERE deleted_at IS NULL;\n"
  /* ... and the open ones before it (overdue). */
  "CREATE INDEX activities_open ON activities (deadline)"
  " WHERE deleted_at IS NULL AND status = 'open';\n"

  /* One row: the same terms for everyone who opens the file. The values
   * are the defaults of kt_deadline_settings_new () when this step was
   * released (test-store-activities checks). */
  "CREATE TABLE deadline_settings (\n"
  "  id                          INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  decision_buffer_days        INTEGER NOT NULL CHECK (decision_buffer_days BETWEEN 0 AND 365),\n"
  "  lead_months_ski             INTEGER NOT NULL CHECK (lead_months_ski BETWEEN 0 AND 60),\n"
  "  lead_months_eu_tender       INTEGER NOT NULL CHECK (lead_months_eu_tender BETWEEN 0 AND 60),\n"
  "  lead_months_own_tender      INTEGER NOT NULL CHECK (lead_months_own_tender BETWEEN 0 AND 60),\n"
  "  lead_months_joint_tender    INTEGER NOT NULL CHECK (lead_months_joint_tender BETWEEN 0 AND 60),\n"
  "  lead_months_kombit          INTEGER NOT NULL CHECK (lead_months_kombit BETWEEN 0 AND 60),\n"
  "  lead_months_direct_award    INTEGER NOT NULL CHECK (lead_months_direct_award BETWEEN 0 AND 60),\n"
  EDIT_COLUMNS "\n"
  ") STRICT;\n"
  "INSERT INTO deadline_settings (id, decision_buffer_days, lead_months_ski, lead_months_eu_tender,"
  " lead_months_own_tender, lead_months_joint_tender, lead_months_kombit, lead_months_direct_award)"
  " VALUES (1, 30, 6, 12, 9, 15, 18, 3);\n"

  "CREATE TABLE audit_log_v2 (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  at        TEXT NOT NULL " TIMESTAMP_CHECK ("at") ",\n"
  "  user      TEXT NOT NULL,\n"
  "  host      TEXT NOT NULL,\n"
  "  entity    TEXT NOT NULL CHECK (entity IN ('contract', 'supplier', 'person', 'org_unit',"
  "              'activity', 'settings')),\n"
  "  entity_id INTEGER NOT NULL,\n"
  "  action    TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore')),\n"
  "  field     TEXT,\n"
  "  old_value TEXT,\n"
  "  new_value TEXT\n"
  ") STRICT;\n"
  "INSERT INTO audit_log_v2 (id, at, user, host, entity, entity_id, action, field, old_value,"
  " new_value) SELECT id, at, user, host, entity, entity_id, action, field, old_value, new_value"
  " FROM audit_log ORDER BY id;\n"
  /* Dropping a table does not fire its triggers; they go with it. */
  "DROP TABLE audit_log;\n"
  "ALTER TABLE audit_log_v2 RENAME TO audit_log;\n"
  "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);\n"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
  "BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;\n"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
  "BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;\n";

/* Version 3: the supplier matrix (issue 4). The audit trail is not
 * copied again: the matrix settings are audited as entity "settings" with
 * entity_id 2 (the deadline settings are 1), overrides on their supplier
 * (entity "supplier") as the fields importance_override, risk_override and
 * override_reason. */
static const char schema_v3[] =
  /* One row, as deadline_settings; the values are the defaults of
   * kt_matrix_settings_new () when this step was released
   * (test-store-matrix checks). full_spend is øre a year. */
  "CREATE TABLE matrix_settings (\n"
  "  id                   INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  importance_threshold INTEGER NOT NULL CHECK (importance_threshold BETWEEN 1 AND 99),\n"
  "  risk_threshold       INTEGER NOT NULL CHECK (risk_threshold BETWEEN 1 AND 99),\n"
  "  full_spend           INTEGER NOT NULL CHECK (full_spend > 0),\n"
  "  long_notice_months   INTEGER NOT NULL CHECK (long_notice_months BETWEEN 1 AND 60),\n"
  EDIT_COLUMNS "\n"
  ") STRICT;\n"
  "INSERT INTO matrix_settings (id, importance_threshold, risk_threshold, full_spend,"
  " long_notice_months) VALUES (1, 50, 50, 200000000, 12);\n"

  /* At most one per supplier. It belongs to the supplier like its
   * contacts: a supplier can only be deleted once no contract refers to
   * it, and then its placement means nothing. */
  "CREATE TABLE score_overrides (\n"
  "  supplier_id INTEGER PRIMARY KEY REFERENCES suppliers (id) ON DELETE CASCADE,\n"
  "  importance  INTEGER NOT NULL CHECK (importance BETWEEN 0 AND 100),\n"
  "  risk        INTEGER NOT NULL CHECK (risk BETWEEN 0 AND 100),\n"
  "  reason      TEXT NOT NULL " NAME_CHECK ("reason") ",\n"
  EDIT_COLUMNS "\n"
  ") STRICT;\n";

/* Version 4: documents attached to contracts, clauses marked in them and
 * the full-text index (issue 5). Documents and clauses are audited on their
 * contract (fields "document" and "clause"): the trail is not copied again.
 *
 * search_index holds one row per searchable contract field and one per page
 * of an indexed document. Its rowids are chosen so that a contract's or a
 * document's rows are one rowid range, which FTS5 deletes without scanning
 * the whole index: contract field n at id * 8 + n (n = 0..6), page p of a
 * document at -(id * 4194304 + p). The contract rows are kept by triggers,
 * so every writer (also another tool) keeps them right; the page rows are
 * written by kt_store_set_document_text () and dropped by triggers when the
 * document is deleted or its file replaced. */
#define PAGE_SLOTS "4194304"
#define DOCUMENT_PAGES(id) \
  "rowid BETWEEN -(" id " * " PAGE_SLOTS " + " PAGE_SLOTS " - 1) AND -(" id " * " PAGE_SLOTS ")"
#define SHA256_CHECK(col) \
  "CHECK (" col " IS NULL OR (length (" col ") = 64 AND " col " NOT GLOB '*[^0-9a-f]*'))"

/* The snippet marks (kt-search-hit.h) must come from snippet () only. */
#define UNMARKED(expr) "replace (replace (" expr ", char (2), ' '), char (3), ' ')"

/* The searchable fields of contract @r (a row alias), with their slot. */
#define CONTRACT_FIELDS(r) \
  "SELECT 0 AS n, 'number' AS field, " r ".number AS body" \
  " UNION ALL SELECT 1, 'name', " r ".name" \
  " UNION ALL SELECT 2, 'purchased_services', " r ".purchased_services" \
  " UNION ALL SELECT 3, 'notes', " r ".notes" \
  " UNION ALL SELECT 4, 'exit_notes', " r ".exit_notes" \
  " UNION ALL SELECT 5, 'learning_points', " r ".learning_points" \
  " UNION ALL SELECT 6, 'supplier', (SELECT name FROM suppliers WHERE id = " r ".supplier_id)"

#define INDEX_NEW_CONTRACT \
  "INSERT INTO search_index (rowid, body, contract_id, field)" \
  " SELECT new.id * 8 + f.n, " UNMARKED ("f.body") ", new.id, f.field" \
  " FROM (" CONTRACT_FIELDS ("new") ") AS f" \
  " WHERE new.deleted_at IS NULL AND f.body IS NOT NULL AND f.body <> '';\n"

/* For the contracts a file already has: SQLite has no lateral joins. */
#define FILL(n, field, expr) \
  "INSERT INTO search_index (rowid, body, contract_id, field)" \
  " SELECT c.id * 8 + " #n ", " UNMARKED (expr) ", c.id, '" field "' FROM contracts AS c" \
  " WHERE c.deleted_at IS NULL AND " expr " IS NOT NULL AND " expr " <> '';\n"

static const char schema_v4[] =
  "CREATE TABLE documents (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  contract_id   INTEGER NOT NULL REFERENCES contracts (id) ON DELETE RESTRICT,\n"
  "  kind          TEXT NOT NULL CHECK (kind IN ('signed_contract', 'appendix', 'original',"
  "                  'tender', 'other')),\n"
  "  sha256        TEXT NOT NULL " SHA256_CHECK ("sha256") ",\n"
  "  original_name TEXT NOT NULL " NAME_CHECK ("original_name") ",\n"
  "  media_type    TEXT,\n"
  "  size          INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),\n"
  "  n_pages       INTEGER NOT NULL DEFAULT 0 CHECK (n_pages >= 0),\n"
  "  added_by      TEXT,\n"
  "  added_at      TEXT " TIMESTAMP_CHECK ("added_at") ",\n"
  "  note          TEXT,\n"
  "  index_state   TEXT NOT NULL DEFAULT 'pending' CHECK (index_state IN ('pending', 'indexed',"
  "                  'encrypted', 'unreadable', 'not_pdf')),\n"
  /* The hash the state is for; a state of another hash means nothing. */
  "  index_sha256  TEXT " SHA256_CHECK ("index_sha256") ",\n"
  "  deleted_at    TEXT " TIMESTAMP_CHECK ("deleted_at") ",\n"
  EDIT_COLUMNS ",\n"
  "  CHECK ((index_state = 'pending') = (index_sha256 IS NULL))\n"
  ") STRICT;\n"
  /* The same file once per contract; a deleted one may be attached again. */
  "CREATE UNIQUE INDEX documents_contract_sha256_live ON documents (contract_id, sha256)"
  " WHERE deleted_at IS NULL;\n"
  "CREATE INDEX documents_contract ON documents (contract_id);\n"

  /* The contract is the document's: not kept twice, so it cannot disagree. */
  "CREATE TABLE clauses (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,\n"
  "  page        INTEGER NOT NULL CHECK (page >= 0),\n"
  "  quads       TEXT NOT NULL CHECK (length (quads) > 0),\n"
  "  text        TEXT NOT NULL " NAME_CHECK ("text") ",\n"
  "  category    TEXT NOT NULL CHECK (category IN ('exit', 'termination', 'price', 'sla',"
  "                'penalty', 'option', 'payment', 'data_protection', 'liability', 'other')),\n"
  "  note        TEXT,\n"
  "  colour      TEXT NOT NULL CHECK (colour GLOB"
  "                '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),\n"
  "  activity_id INTEGER REFERENCES activities (id) ON DELETE RESTRICT,\n"
  "  created_by  TEXT,\n"
  "  created_at  TEXT " TIMESTAMP_CHECK ("created_at") ",\n"
  "  deleted_at  TEXT " TIMESTAMP_CHECK ("deleted_at") ",\n"
  EDIT_COLUMNS "\n"
  ") STRICT;\n"
  "CREATE INDEX clauses_document ON clauses (document_id, page);\n"
  "CREATE INDEX clauses_activity ON clauses (activity_id);\n"

  /* æ, ø and å stay letters of their own (remove_diacritics 1 or 2 would
   * fold å to a); case folding covers Æ/Ø/Å. */
  "CREATE VIRTUAL TABLE search_index USING fts5 (body, contract_id UNINDEXED,"
  " document_id UNINDEXED, page UNINDEXED, field UNINDEXED,"
  " tokenize = 'unicode61 remove_diacritics 0');\n"

  "CREATE TRIGGER contracts_search_insert AFTER INSERT ON contracts\n"
  "BEGIN " INDEX_NEW_CONTRACT "END;\n"
  /* The generic UPDATE sets every column: only real changes reindex. */
  "CREATE TRIGGER contracts_search_update AFTER UPDATE OF number, name, purchased_services,"
  " notes, exit_notes, learning_points, supplier_id, deleted_at ON contracts\n"
  "WHEN old.number IS NOT new.number OR old.name IS NOT new.name"
  " OR old.purchased_services IS NOT new.purchased_services OR old.notes IS NOT new.notes"
  " OR old.exit_notes IS NOT new.exit_notes OR old.learning_points IS NOT new.learning_points"
  " OR old.supplier_id IS NOT new.supplier_id"
  " OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)\n"
  "BEGIN\n"
  "  DELETE FROM search_index WHERE rowid BETWEEN old.id * 8 AND old.id * 8 + 7;\n"
  "  " INDEX_NEW_CONTRACT
  "END;\n"
  "CREATE TRIGGER contracts_search_delete AFTER DELETE ON contracts\n"
  "BEGIN DELETE FROM search_index WHERE rowid BETWEEN old.id * 8 AND old.id * 8 + 7; END;\n"
  "CREATE TRIGGER suppliers_search_rename AFTER UPDATE OF name ON suppliers\n"
  "WHEN old.name IS NOT new.name\n"
  "BEGIN\n"
  "  DELETE FROM search_index WHERE rowid IN"
  " (SELECT id * 8 + 6 FROM contracts WHERE supplier_id = new.id);\n"
  "  INSERT INTO search_index (rowid, body, contract_id, field)"
  " SELECT id * 8 + 6, " UNMARKED ("new.name") ", id, 'supplier' FROM contracts"
  " WHERE supplier_id = new.id AND deleted_at IS NULL;\n"
  "END;\n"
  /* The text of another file, or of a deleted document, is not searched;
   * an indexed document becomes pending again (restore reindexes it). */
  "CREATE TRIGGER documents_search_update AFTER UPDATE OF sha256, deleted_at ON documents\n"
  "WHEN old.sha256 IS NOT new.sha256"
  " OR (old.deleted_at IS NULL AND new.deleted_at IS NOT NULL)\n"
  "BEGIN\n"
  "  DELETE FROM search_index WHERE " DOCUMENT_PAGES ("old.id") ";\n"
  "  UPDATE documents SET index_state = 'pending', index_sha256 = NULL"
  " WHERE id = new.id AND index_state = 'indexed';\n"
  "END;\n"
  "CREATE TRIGGER documents_search_delete AFTER DELETE ON documents\n"
  "BEGIN DELETE FROM search_index WHERE " DOCUMENT_PAGES ("old.id") "; END;\n"

  FILL (0, "number", "c.number")
  FILL (1, "name", "c.name")
  FILL (2, "purchased_services", "c.purchased_services")
  FILL (3, "notes", "c.notes")
  FILL (4, "exit_notes", "c.exit_notes")
  FILL (5, "learning_points", "c.learning_points")
  FILL (6, "supplier", "(SELECT name FROM suppliers WHERE id = c.supplier_id)");

#undef FILL
#undef INDEX_NEW_CONTRACT
#undef CONTRACT_FIELDS
#undef UNMARKED

typedef struct {
  int         version;
  const char *sql;
} KtMigration;

/* Append new steps at the end; never edit a released one. */
static const KtMigration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
  { 3, schema_v3 },
  { 4, schema_v4 },
  { 5, kt_store_schema_v5 },
  { 6, kt_store_schema_v6 },
};

int
kt_store_schema_version_latest (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}

static gboolean
exec_simple (sqlite3     *db,
             const char  *path,
             const char  *sql,
             GError     **error)
{
  return kt_store_run_script (db, path, sql, error);
}

static gboolean
read_user_version (sqlite3     *db,
                   const char  *path,
                   int         *version,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      kt_store_set_error_db (db, path, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_meta (sqlite3     *db,
            const char  *path,
            GError     **error)
{
  static const char sql[] = "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)";
  const char *real_name = g_get_real_name ();
  g_autofree char *now = kt_store_now ();
  const char *pairs[][2] = {
    { "created_at", now },
    { "created_by", (real_name && !g_str_equal (real_name, "Unknown")) ? real_name
                                                                      : g_get_user_name () },
    { "created_with", "Kontrakter " PACKAGE_VERSION },
  };
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (pairs); i++)
    {
      sqlite3_bind_text (stmt, 1, pairs[i][0], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, pairs[i][1], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      kt_store_set_error_db (db, path, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_step (sqlite3            *db,
            const char         *path,
            const KtMigration  *step,
            GError            **error)
{
  g_autofree char *set_version = NULL;
  int current = 0;

  if (!exec_simple (db, path, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* A colleague may have migrated the file while we waited for the lock. */
  if (!read_user_version (db, path, &current, error))
    goto fail;
  if (current >= step->version)
    return exec_simple (db, path, "COMMIT", error);

  if (!exec_simple (db, path, step->sql, error))
    goto fail;

  if (step->version == 1)
    {
      g_autofree char *set_app_id =
        g_strdup_printf ("PRAGMA application_id = %d", KT_STORE_APPLICATION_ID);

      if (!exec_simple (db, path, set_app_id, error) || !write_meta (db, path, error))
        goto fail;
    }

  /* PRAGMAs take no parameters; the value is our own integer. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", step->version);
  if (!exec_simple (db, path, set_version, error) ||
      !exec_simple (db, path, "COMMIT", error))
    goto fail;

  g_debug ("Migrated %s to schema version %d", path, step->version);

  return TRUE;

fail:
  if (!sqlite3_get_autocommit (db))
    exec_simple (db, path, "ROLLBACK", NULL);
  return FALSE;
}

gboolean
kt_store_migrate (sqlite3     *db,
                  const char  *path,
                  int          target_version,
                  GError     **error)
{
  int current = 0;

  if (!read_user_version (db, path, &current, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (migrations[i].version <= current)
        continue;
      if (migrations[i].version > target_version)
        break;
      if (!apply_step (db, path, &migrations[i], error))
        return FALSE;
    }

  return TRUE;
}

gboolean
kt_store_create_at_version (const char  *path,
                            int          version,
                            GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (version >= 1 && version <= kt_store_schema_version_latest (), FALSE);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      kt_store_set_error_db (db, path, error, rc);
      sqlite3_close (db);
      return FALSE;
    }

  ok = exec_simple (db, path, "PRAGMA journal_mode=DELETE; PRAGMA foreign_keys=ON;", error) &&
       kt_store_migrate (db, path, version, error);

  sqlite3_close (db);

  return ok;
}
