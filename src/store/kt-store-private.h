/* kt-store-private.h — shared between the files of src/store (and its tests)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "kt-store.h"

G_BEGIN_DECLS

/* "Kont" in ASCII: marks a file as a Kontrakter portfolio (PRAGMA application_id). */
#define KT_STORE_APPLICATION_ID 0x4B6F6E74

struct _KtStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;        /* SQL text → sqlite3_stmt*, reset after each use */

  gboolean    read_only;
  int         read_only_code;    /* KtStoreError used when a write is refused */
  char       *read_only_reason;
  int         schema_version;
  gint64      data_version;      /* PRAGMA data_version at the last poll */

  char       *user;              /* login name, for the audit trail */
  char       *host;
  char       *display_name;      /* written to changed_by; shown in conflicts */

  gboolean    in_batch;
  gboolean    batch_lost;        /* SQLite undid the batch after an error: refuse
                                  * its remaining writes until commit/rollback_batch */

  guint       lock_wait_ms;      /* kt_store_set_lock_wait () */
  gint64      write_deadline;    /* monotonic µs; the whole write call ends by then (0 = none) */
  gint64      wait_deadline;     /* of a lock wait outside a write call */
  int         last_rc;           /* SQLite result behind the last error, for the tests */

  gboolean    has_file_id;       /* the file this store opened, for kt_store_check_file () */
  guint64     file_dev;
  guint64     file_ino;
};

/* ---- kt-store.c ---- */

/* For the tests: a colleague whose real name differs from the login given
 * to kt_store_set_identity (), as on a real desktop. */
void          kt_store_set_display_name    (KtStore     *self,
                                            const char  *display_name);

/* ---- kt-store-db.c: statements, lock waits, transactions;
 *      kt-store-errors.c: errors ---- */

/* Makes self->db wait for a colleague's lock as kt_store_set_lock_wait ()
 * says (the whole write call, or one lock wait of a read). */
void          kt_store_install_busy_handler (KtStore    *self);

/* A cached statement; the autoptr only resets it, the store owns it. */
typedef sqlite3_stmt KtStmt;
void          kt_stmt_release              (KtStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtStmt, kt_stmt_release)

KtStmt       *kt_store_prepare             (KtStore     *self,
                                            const char  *sql,
                                            GError     **error);
/* Steps a statement that returns no rows, then resets it. */
gboolean      kt_store_step_done           (KtStore     *self,
                                            KtStmt      *stmt,
                                            GError     **error);

/* Translates an SQLite result into a KT_STORE_ERROR. */
void          kt_store_set_error           (KtStore     *self,
                                            GError     **error,
                                            int          rc);
void          kt_store_set_error_db        (sqlite3     *db,
                                            const char  *path,
                                            GError     **error,
                                            int          rc);

/* Every change runs between write_begin and write_commit (or
 * write_rollback). Outside a batch that is BEGIN IMMEDIATE … COMMIT; inside
 * one it is a savepoint, so a failed write undoes only itself. */
gboolean      kt_store_write_begin         (KtStore     *self,
                                            GError     **error);
gboolean      kt_store_write_commit        (KtStore     *self,
                                            GError     **error);
void          kt_store_write_rollback      (KtStore     *self);

/* Runs a semicolon-separated script of constant statements (DDL). */
gboolean      kt_store_run_script          (sqlite3     *db,
                                            const char  *path,
                                            const char  *script,
                                            GError     **error);

/* Now as ISO 8601 UTC, "2026-11-26T17:40:03Z". */
char         *kt_store_now                 (void);
/* A stored timestamp as people read it, in local time. */
char         *kt_store_format_time         (const char  *iso);

/* ---- kt-store-schema.c: migrations ---- */

/* Brings the file to the newest schema, one step per transaction. */
gboolean      kt_store_migrate             (sqlite3     *db,
                                            const char  *path,
                                            int          target_version,
                                            GError     **error);
/* The SQL of step 5 (kt-store-schema-v5.c). */
extern const char kt_store_schema_v5[];
/* The SQL of step 6 (kt-store-schema-v6.c). */
extern const char kt_store_schema_v6[];
/* For the tests: a new portfolio at an older schema version. */
gboolean      kt_store_create_at_version   (const char  *path,
                                            int          version,
                                            GError     **error);

/* ---- kt-store-fields.c: table-driven rows ---- */

typedef enum {
  KT_FIELD_TEXT,   /* char *; "" and NULL are both stored as NULL */
  KT_FIELD_UINT,   /* guint */
  KT_FIELD_ID,     /* gint64 row id; 0 is NULL */
  KT_FIELD_MONEY,  /* gint64 øre; KT_MONEY_NONE is NULL */
  KT_FIELD_BOOL,   /* gboolean, stored 0/1 */
  KT_FIELD_DATE,   /* GDate; invalid is NULL, else 'YYYY-MM-DD' */
  KT_FIELD_ENUM,   /* an int-sized enum, stored as its kt_enum_code */
} KtFieldType;

typedef struct {
  const char  *column;
  KtFieldType  type;
  gsize        offset;
  KtEnumKind   enum_kind;  /* KT_FIELD_ENUM only */
} KtField;

typedef struct {
  const char    *entity;             /* audit name: "contract" */
  const char    *table;
  const KtField *fields;
  guint          n_fields;
  gsize          id_offset;
  gsize          version_offset;
  gssize         changed_by_offset;  /* -1 when the struct has none */
  gssize         changed_at_offset;
  gboolean       soft_delete;        /* rows have deleted_at */
  gpointer     (*new_record)  (void);
  void         (*free_record) (gpointer record);

  /* Built once from the fields. */
  gsize          built;
  char          *select_sql;         /* SELECT id, version, changed_by, changed_at, fields… FROM t WHERE id = ? */
  char          *insert_sql;
  char          *update_sql;
} KtEntity;

extern KtEntity kt_contract_entity;
extern KtEntity kt_supplier_entity;
extern KtEntity kt_person_entity;
extern KtEntity kt_org_unit_entity;
extern KtEntity kt_activity_entity;      /* kt-store-activities.c */

/* Makes sure the generated SQL of the entity exists. */
const KtEntity *kt_entity_get              (KtEntity       *entity);

/* Comma-separated column names, each with the given prefix ("c."). */
char         *kt_entity_columns            (const KtEntity *entity,
                                            const char     *prefix);

/* Binds every field from @first_param on; returns the next free index. */
int           kt_fields_bind               (const KtEntity *entity,
                                            sqlite3_stmt   *stmt,
                                            int             first_param,
                                            gconstpointer   record);
/* Reads the fields from result columns @first_col on; returns the next. */
int           kt_fields_read               (const KtEntity *entity,
                                            sqlite3_stmt   *stmt,
                                            int             first_col,
                                            gpointer        record);
/* Reads id, version, changed_by, changed_at from columns 0–3 and the fields
 * from column 4 on; returns the next column. */
int           kt_entity_read_row           (const KtEntity *entity,
                                            sqlite3_stmt   *stmt,
                                            gpointer        record);

/* Refuses values the schema cannot hold (an enum out of range) with
 * KT_STORE_ERROR_INVALID, before any SQL runs. */
gboolean      kt_fields_check              (const KtEntity *entity,
                                            gconstpointer   record,
                                            GError        **error);

/* The stored text of one field (ISO dates, øre, codes, 0/1); NULL = empty. */
char         *kt_field_to_text             (const KtField  *field,
                                            gconstpointer   record);

typedef struct {
  const char *field;      /* column name, static */
  char       *old_value;
  char       *new_value;
} KtFieldChange;

void          kt_field_change_free         (KtFieldChange  *change);
/* One KtFieldChange per field whose stored text differs. */
GPtrArray    *kt_fields_diff               (const KtEntity *entity,
                                            gconstpointer   old_record,
                                            gconstpointer   new_record);

/* ---- kt-store-rows.c: generic insert / update / conflicts ---- */

/* Fetches the row (live only for soft-deleted entities) into a new record;
 * NULL without error when there is none. */
gpointer      kt_store_row_fetch           (KtStore        *self,
                                            const KtEntity *entity,
                                            gint64          id,
                                            GError        **error);
/* Entity-specific steps inside the write transaction of kt_store_save_row.
 * check: before the row is written; on update @old_record is the row as
 * stored and @changes the field diff, to which it may append (e.g.
 * "contacts"). write: after the row is written, with its id (@changes is
 * NULL on insert). Either may be NULL. */
typedef struct {
  gboolean (*check) (KtStore        *self,
                     gconstpointer   record,
                     gconstpointer   old_record,
                     GPtrArray      *changes,
                     GError        **error);
  gboolean (*write) (KtStore        *self,
                     gint64          id,
                     gconstpointer   record,
                     GPtrArray      *changes,
                     GError        **error);
} KtRowHooks;

/* Inserts (id == 0) or updates a row in its own transaction, with the audit
 * rows. An update reads the stored row, refuses a stale version with
 * KT_STORE_ERROR_CONFLICT, diffs, and runs UPDATE … WHERE id AND version;
 * no change at all writes nothing. On success id, version and changed_*
 * of @record are set; on failure @record is untouched. */
gboolean      kt_store_save_row            (KtStore          *self,
                                            const KtEntity   *entity,
                                            gpointer          record,
                                            const char       *label,
                                            const KtRowHooks *hooks,
                                            GError          **error);
/* The CONFLICT / NOT_FOUND error for a row that is not at @version. */
void          kt_store_row_conflict        (KtStore        *self,
                                            const KtEntity *entity,
                                            gint64          id,
                                            const char     *label,
                                            GError        **error);
/* The write of a soft delete (@deleted) or restore, inside the caller's
 * transaction, once it has read the row's @stored_version and whether it
 * @is_deleted: sets or clears deleted_at and bumps the version. On delete,
 * a row deleted already or not at @version is a conflict named @label. A
 * restore of a live row (undone twice, or a colleague restored it) writes
 * nothing and sets *@changed to FALSE. The caller audits and commits. */
gboolean      kt_store_row_set_deleted     (KtStore        *self,
                                            const KtEntity *entity,
                                            gint64          id,
                                            gint64          version,
                                            gint64          stored_version,
                                            gboolean        is_deleted,
                                            gboolean        deleted,
                                            const char     *label,
                                            gboolean       *changed,
                                            GError        **error);
/* Fails with KT_STORE_ERROR_READ_ONLY / _NEWER_VERSION when writes are off. */
gboolean      kt_store_check_writable      (KtStore        *self,
                                            GError        **error);

/* ---- kt-store-suppliers.c ---- */

/* The audit form of a supplier's contacts ("contacts"): one per line,
 * "name, title, e-mail, phone"; NULL for none. */
char         *kt_store_contacts_to_text    (GPtrArray      *contacts);

/* ---- kt-store-audit.c ---- */

/* With @detail (schema 5): "mine"/"theirs" for action "resolve"; what a
 * "restore_backup" of entity "portfolio" (id 0) restored. */
gboolean      kt_store_audit_full          (KtStore        *self,
                                            const char     *entity,
                                            gint64          entity_id,
                                            const char     *action,
                                            const char     *field,
                                            const char     *old_value,
                                            const char     *new_value,
                                            const char     *detail,
                                            GError        **error);
/* The columns kt_store_read_audit_entry () reads, in its order. */
#define KT_AUDIT_COLUMNS \
  "id, at, user, host, entity, entity_id, action, field, old_value, new_value, detail, " \
  "display_name"
KtAuditEntry *kt_store_read_audit_entry    (sqlite3_stmt   *stmt);

gboolean      kt_store_audit               (KtStore        *self,
                                            const char     *entity,
                                            gint64          entity_id,
                                            const char     *action,
                                            const char     *field,
                                            const char     *old_value,
                                            const char     *new_value,
                                            GError        **error);

/* ---- kt-store-describe.c: the audit trail as people read it ---- */

/* Describes many values with one look-up per referenced row. */
typedef struct _KtAuditDescriber KtAuditDescriber;

KtAuditDescriber *kt_audit_describer_new   (KtStore          *self);
void          kt_audit_describer_free      (KtAuditDescriber *describer);
/* The translated label of a field of @entity; NULL when unknown. */
char         *kt_store_field_label         (const char       *entity,
                                            const char       *field);
/* A stored value (ISO date, øre, code, id, …) as people read it; "" for
 * NULL; the stored text for fields it does not know. */
char         *kt_audit_describer_value     (KtAuditDescriber *describer,
                                            const char       *entity,
                                            const char       *field,
                                            const char       *value);
void          kt_audit_describer_entry     (KtAuditDescriber *describer,
                                            KtAuditEntry     *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtAuditDescriber, kt_audit_describer_free)

G_END_DECLS
