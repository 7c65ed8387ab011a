/* kt-store.h — one portfolio file (SQLite) behind a small API
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every SQL statement of the application lives under src/store/. Nothing here
 * includes GTK. A later server backend is meant to sit behind the same API.
 */
#pragma once

#include <glib-object.h>

#include "kt-activity.h"
#include "kt-audit-entry.h"
#include "kt-contract.h"
#include "kt-clause.h"
#include "kt-deadline-settings.h"
#include "kt-document.h"
#include "kt-org-unit.h"
#include "kt-person.h"
#include "kt-search-hit.h"
#include "kt-supplier-score.h"
#include "kt-supplier.h"

G_BEGIN_DECLS

#define KT_STORE_ERROR (kt_store_error_quark ())

/* Error messages are translated and meant to be shown to the user as they are. */
typedef enum {
  KT_STORE_ERROR_FAILED,
  KT_STORE_ERROR_NOT_PORTFOLIO,   /* an SQLite file of another program, or not SQLite */
  KT_STORE_ERROR_CORRUPT,         /* damaged database file */
  KT_STORE_ERROR_NEWER_VERSION,   /* written by a newer Kontrakter: opened read-only;
                                   * writes to such a store fail with this code */
  KT_STORE_ERROR_READ_ONLY,       /* a write on a store that is read-only for any other reason */
  KT_STORE_ERROR_CONFLICT,        /* the row was changed by someone else since it was read */
  KT_STORE_ERROR_NOT_FOUND,
  KT_STORE_ERROR_CONSTRAINT,      /* duplicate contract number, row still referenced, ... */
  KT_STORE_ERROR_INVALID,         /* the record failed validation; nothing written */
  KT_STORE_ERROR_BUSY,            /* the file stayed locked by someone else */
  KT_STORE_ERROR_IO,              /* the file vanished or the disk failed */
} KtStoreError;

typedef enum {
  KT_STORE_OPEN_DEFAULT   = 0,
  KT_STORE_OPEN_CREATE    = 1 << 0,  /* create a new, empty portfolio if the file is missing */
  KT_STORE_OPEN_READ_ONLY = 1 << 1,
} KtStoreOpenFlags;

#define KT_TYPE_STORE (kt_store_get_type ())
G_DECLARE_FINAL_TYPE (KtStore, kt_store, KT, STORE, GObject)

GQuark       kt_store_error_quark           (void);

/* A KtStore is one connection to the file. It may be used from any thread,
 * but from one thread at a time.
 *
 * Opens (and migrates) a portfolio. A file that can only be read — a newer
 * schema, an unwritable file — is still opened, read-only, and
 * kt_store_get_read_only_reason () says why. Returns NULL with a translated
 * error for a non-portfolio, corrupt or missing file (NOT_FOUND unless
 * KT_STORE_OPEN_CREATE). Never modifies a file it does not recognise. */
KtStore     *kt_store_open                  (const char        *path,
                                             KtStoreOpenFlags   flags,
                                             GError           **error);
const char  *kt_store_get_path              (KtStore           *self);
gboolean     kt_store_is_read_only          (KtStore           *self);
const char  *kt_store_get_read_only_reason  (KtStore           *self);
int          kt_store_get_schema_version    (KtStore           *self);
/* The newest schema this build knows. */
int          kt_store_schema_version_latest (void);

/* Who is recorded in the audit trail and in changed_by. Defaults to
 * g_get_user_name () and g_get_host_name (). The audit trail records user
 * and host; changed_by (shown in "changed by <name>" conflicts) records the
 * person's real name (g_get_real_name ()) by default, or @user once this is
 * called. */
void         kt_store_set_identity          (KtStore           *self,
                                             const char        *user,
                                             const char        *host);

/* TRUE once another connection (a colleague) has committed a change to the
 * file since the previous call (PRAGMA data_version): time to reload. */
gboolean     kt_store_poll_changes          (KtStore           *self);

/* ---- Sharing the file (issue 6) ----
 *
 * How long one call waits for a colleague's lock before it fails with
 * KT_STORE_ERROR_BUSY (the whole call, COMMIT retries included). The
 * default, 5000 ms, suits the command line; the window sets about 200 ms
 * and retries from the main loop (kt-write-retry.h), so it never freezes. */
void         kt_store_set_lock_wait         (KtStore           *self,
                                             guint              milliseconds);
guint        kt_store_get_lock_wait         (KtStore           *self);

/* Whether the file at kt_store_get_path () is still the file this store
 * opened: FALSE with KT_STORE_ERROR_IO ("… was moved or deleted" / "cannot
 * be reached: <reason>") when it is gone, replaced or unreachable. Does not
 * touch the database (a stat of the path), so it is cheap to poll. */
gboolean     kt_store_check_file            (KtStore           *self,
                                             GError           **error);

/* Who this store writes as: login name, host, and the name shown to
 * colleagues (changed_by). */
const char  *kt_store_get_user              (KtStore           *self);
const char  *kt_store_get_host              (KtStore           *self);
const char  *kt_store_get_display_name      (KtStore           *self);

/* The history of a contract or supplier as people read it (newest first):
 * its audit entries with field labels and values described
 * (kt_store_describe_audit_entry), for a contract also those of its
 * activities, documents and clauses (subject set to what they belong to,
 * e.g. “Activity: Price regulation 2027”). KtAuditEntry *. */
GPtrArray   *kt_store_list_history          (KtStore           *self,
                                             const char        *entity,
                                             gint64             entity_id,
                                             GError           **error);
/* Fills entry->field_label, old_text and new_text from the stored values:
 * translated field names, dates and amounts as Danish users write them,
 * codes as their labels, ids as the names they refer to (a supplier's
 * name, a person's name), "" for empty. Unknown fields keep their stored
 * text. */
void         kt_store_describe_audit_entry  (KtStore           *self,
                                             KtAuditEntry      *entry);

/* Groups many writes into one transaction (the example generator, imports).
 * Writes inside a batch do not commit on their own. */
gboolean     kt_store_begin_batch           (KtStore           *self,
                                             GError           **error);
gboolean     kt_store_commit_batch          (KtStore           *self,
                                             GError           **error);
void         kt_store_rollback_batch        (KtStore           *self);
/* TRUE between kt_store_begin_batch () and its commit or rollback (or the
 * error that undid it): a poll of the file would see our own open work. */
gboolean     kt_store_in_batch              (KtStore           *self);

/* Contracts. Lists hold live (not deleted) rows ordered by number, with the
 * display names filled in. Insert sets id, version, changed_by and changed_at
 * on the record; update needs the version that was read and bumps it. A lost
 * race is KT_STORE_ERROR_CONFLICT: "changed by <who> at <when>". Every
 * changed field is written to the audit trail in the same transaction. */
GPtrArray   *kt_store_list_contracts        (KtStore           *self,
                                             GError           **error);
KtContract  *kt_store_get_contract          (KtStore           *self,
                                             gint64             id,
                                             GError           **error);
gboolean     kt_store_insert_contract       (KtStore           *self,
                                             KtContract        *contract,
                                             GError           **error);
gboolean     kt_store_update_contract       (KtStore           *self,
                                             KtContract        *contract,
                                             GError           **error);
/* get_contract returns live contracts only (NOT_FOUND otherwise).
 * Soft delete: the row is hidden and can be brought back by restore (undo);
 * a contract that is main contract of live ones cannot be deleted. Restoring
 * a live contract does nothing. */
gboolean     kt_store_delete_contract       (KtStore           *self,
                                             gint64             id,
                                             gint64             version,
                                             GError           **error);
gboolean     kt_store_restore_contract      (KtStore           *self,
                                             gint64             id,
                                             GError           **error);
/* TRUE when a live data processing agreement has this contract as parent. */
gboolean     kt_store_contract_has_dpa      (KtStore           *self,
                                             gint64             contract_id,
                                             GError           **error);

/* Suppliers, with their contact persons (saved and audited together, as the
 * field "contacts"; contact ids are not kept across saves). The CVR number is
 * stored normalised ("DK 12 34 56 78" → "12345678"). Delete is refused with
 * KT_STORE_ERROR_CONSTRAINT while contracts, also deleted ones, refer to it. */
GPtrArray   *kt_store_list_suppliers        (KtStore           *self,
                                             GError           **error);
KtSupplier  *kt_store_get_supplier          (KtStore           *self,
                                             gint64             id,
                                             GError           **error);
gboolean     kt_store_insert_supplier       (KtStore           *self,
                                             KtSupplier        *supplier,
                                             GError           **error);
gboolean     kt_store_update_supplier       (KtStore           *self,
                                             KtSupplier        *supplier,
                                             GError           **error);
gboolean     kt_store_delete_supplier       (KtStore           *self,
                                             gint64             id,
                                             gint64             version,
                                             GError           **error);

/* People and org units. */
GPtrArray   *kt_store_list_people           (KtStore           *self,
                                             GError           **error);
gboolean     kt_store_insert_person         (KtStore           *self,
                                             KtPerson          *person,
                                             GError           **error);
gboolean     kt_store_update_person         (KtStore           *self,
                                             KtPerson          *person,
                                             GError           **error);
GPtrArray   *kt_store_list_org_units        (KtStore           *self,
                                             GError           **error);
gboolean     kt_store_insert_org_unit       (KtStore           *self,
                                             KtOrgUnit         *unit,
                                             GError           **error);
gboolean     kt_store_update_org_unit       (KtStore           *self,
                                             KtOrgUnit         *unit,
                                             GError           **error);

/* Activities of contracts (kt-activity.h). Versioned and audited like
 * contracts (entity "activity"); conflicts are KT_STORE_ERROR_CONFLICT with
 * "changed by <who> at <when>". Lists hold live activities of live
 * contracts, with contract_number, contract_name and responsible_name
 * filled in. Delete is soft, restore brings it back (undo). */
GPtrArray   *kt_store_list_activities       (KtStore           *self,
                                             gint64             contract_id,
                                             GError           **error);
KtActivity  *kt_store_get_activity          (KtStore           *self,
                                             gint64             id,
                                             GError           **error);
gboolean     kt_store_insert_activity       (KtStore           *self,
                                             KtActivity        *activity,
                                             GError           **error);
gboolean     kt_store_update_activity       (KtStore           *self,
                                             KtActivity        *activity,
                                             GError           **error);
gboolean     kt_store_delete_activity       (KtStore           *self,
                                             gint64             id,
                                             gint64             version,
                                             GError           **error);
gboolean     kt_store_restore_activity      (KtStore           *self,
                                             gint64             id,
                                             GError           **error);
/* Marks an activity done (kt_activity_apply_done): a one-off one, or for a
 * recurring one the occurrence on @occurrence (NULL = the next open one) and
 * every earlier one. done_by is the store's display name; @done_date NULL =
 * today. Needs the version that was read (a KtDeadlineItem has it as
 * activity_version); KT_STORE_ERROR_INVALID when there is nothing open to
 * mark done on that date. */
gboolean     kt_store_mark_activity_done    (KtStore           *self,
                                             gint64             id,
                                             gint64             version,
                                             const GDate       *occurrence,
                                             const GDate       *done_date,
                                             GError           **error);
/* Undoes the last mark done (kt_activity_apply_reopen); also reopens a
 * cancelled activity. */
gboolean     kt_store_reopen_activity       (KtStore           *self,
                                             gint64             id,
                                             gint64             version,
                                             GError           **error);
/* The live activities of live contracts that can have an occurrence in
 * [from, to]: one-off ones dated in it, recurring ones that start on or
 * before @to and run on to @from or later. With @include_overdue also every
 * open one that can have an open occurrence before @from (for
 * KT_DEADLINES_INCLUDE_OVERDUE). One statement, a range search in an index
 * (two with @include_overdue); the rows come in no particular order. Feed
 * the result to kt_deadlines_collect () with the same window. */
GPtrArray   *kt_store_list_activities_in_window (KtStore       *self,
                                                 const GDate   *from,
                                                 const GDate   *to,
                                                 gboolean       include_overdue,
                                                 GError       **error);

/* The deadline terms of this portfolio (decision buffer, re-procurement
 * lead times), shared by everyone who opens the file. Set needs the version
 * that was read; it is audited (entity "settings", id 1) field by field. */
KtDeadlineSettings *kt_store_get_deadline_settings (KtStore            *self,
                                                    GError            **error);
gboolean     kt_store_set_deadline_settings (KtStore           *self,
                                             KtDeadlineSettings *settings,
                                             GError           **error);

/* The supplier matrix (kt-supplier-score.h): its thresholds and scales,
 * shared by everyone who opens the file. Set needs the version that was
 * read and bumps it; values out of range are KT_STORE_ERROR_INVALID with
 * kt_matrix_settings_check ()'s message. Audited field by field as entity
 * "settings", id 2 (id 1 is the deadline settings). */
KtMatrixSettings *kt_store_get_matrix_settings (KtStore          *self,
                                                GError          **error);
gboolean     kt_store_set_matrix_settings   (KtStore           *self,
                                             KtMatrixSettings  *settings,
                                             GError           **error);

/* Suppliers placed by hand in the matrix, at most one override each
 * (KtScoreOverride *, by supplier id). Set inserts when override->version
 * is 0 (KT_STORE_ERROR_CONFLICT if the supplier has one already), else
 * updates the override at that version; it fills version, changed_by and
 * changed_at. An override that kt_score_override_check () refuses is
 * KT_STORE_ERROR_INVALID. Audited on the supplier (entity "supplier") as
 * the fields "importance_override", "risk_override" and "override_reason".
 * An override goes with its supplier when that is deleted. */
GPtrArray   *kt_store_list_score_overrides  (KtStore           *self,
                                             GError           **error);
gboolean     kt_store_set_score_override    (KtStore           *self,
                                             KtScoreOverride   *override,
                                             GError           **error);
gboolean     kt_store_delete_score_override (KtStore           *self,
                                             gint64             supplier_id,
                                             gint64             version,
                                             GError           **error);

/* Audit trail of one row, newest first. entity: "contract", "supplier",
 * "person", "org_unit", "activity", "settings". */
GPtrArray   *kt_store_list_audit            (KtStore           *self,
                                             const char        *entity,
                                             gint64             entity_id,
                                             GError           **error);

/* ---- Documents, clauses and the full-text index (schema version 4) ----
 *
 * Documents and clauses belong to a contract: they are audited on it
 * (entity "contract", fields "document" and "clause", the values naming
 * the file / the clause), since the audit trail's entities are fixed. */

/* The live documents of a contract (contract_id > 0) or of the whole
 * portfolio (0), by kind, then as attached. */
GPtrArray   *kt_store_list_documents        (KtStore           *self,
                                             gint64             contract_id,
                                             GError           **error);
KtDocument  *kt_store_get_document          (KtStore           *self,
                                             gint64             id,
                                             GError           **error);
/* Fills id, version, added_by, added_at. The contract must be live; the
 * hash must be valid (KT_STORE_ERROR_INVALID). The same file may be
 * attached to several contracts, but only once to each
 * (KT_STORE_ERROR_CONSTRAINT). */
gboolean     kt_store_insert_document       (KtStore           *self,
                                             KtDocument        *document,
                                             GError           **error);
/* Changes kind, original name and note — or the hash, when a changed file
 * is accepted as the new version (audited with both hashes; the document
 * goes back to KT_INDEX_STATE_PENDING). Version-checked. */
gboolean     kt_store_update_document       (KtStore           *self,
                                             KtDocument        *document,
                                             GError           **error);
/* Soft delete (undoable with restore); its clauses stay with it, its text
 * leaves the index. */
gboolean     kt_store_delete_document       (KtStore           *self,
                                             gint64             id,
                                             gint64             version,
                                             GError           **error);
gboolean     kt_store_restore_document      (KtStore           *self,
                                             gint64             id,
                                             GError           **error);

/* The live clauses of a contract (document_id 0) or of one document, by
 * category, page, then position on the page. */
GPtrArray   *kt_store_list_clauses          (KtStore           *self,
                                             gint64             contract_id,
                                             gint64             document_id,
                                             GError           **error);
/* Insert (id 0) fills id, version, contract_id (from the document),
 * created_*, changed_*; update is version-checked; both validate
 * (kt_clause_validate) and refuse a page beyond the document's pages. */
gboolean     kt_store_save_clause           (KtStore           *self,
                                             KtClause          *clause,
                                             GError           **error);
gboolean     kt_store_delete_clause         (KtStore           *self,
                                             gint64             id,
                                             gint64             version,
                                             GError           **error);
gboolean     kt_store_restore_clause        (KtStore           *self,
                                             gint64             id,
                                             GError           **error);

/* The live PDF documents whose text is not in the index for their current
 * hash (KT_INDEX_STATE_PENDING), oldest first. */
GPtrArray   *kt_store_list_documents_to_index (KtStore         *self,
                                             GError           **error);
/* Replaces the indexed text of a document with @pages (@n_pages strings,
 * page 1 first; control characters are dropped) and marks it INDEXED —
 * only if its hash is still @sha256 (else FALSE with CONFLICT, nothing
 * written). One transaction. Not audited: the index is derived data. */
gboolean     kt_store_set_document_text     (KtStore           *self,
                                             gint64             document_id,
                                             const char        *sha256,
                                             const char *const *pages,
                                             guint              n_pages,
                                             GError           **error);
/* Marks a document ENCRYPTED or UNREADABLE for @sha256 so that the indexer
 * does not try it again until the file changes. */
gboolean     kt_store_set_document_index_state (KtStore        *self,
                                             gint64             document_id,
                                             const char        *sha256,
                                             KtIndexState       state,
                                             GError           **error);

/* Full-text search over the contracts' fields (number, name, purchased
 * services, notes, exit notes, learning points, supplier name — kept in
 * the index by triggers) and the indexed text of their live documents.
 * @query is what a user typed: every word must occur (prefix match,
 * case-insensitive, æ/ø/å kept distinct from a/o); FTS5 syntax in it is
 * taken literally. Best hits first, at most @limit (0 = 200). An empty
 * query gives an empty array. KtSearchHit *. */
GPtrArray   *kt_store_search                (KtStore           *self,
                                             const char        *query,
                                             guint              limit,
                                             GError           **error);
/* The FTS5 MATCH expression kt_store_search () uses for @query (for the
 * benchmark and tests); NULL when @query has no words. */
char        *kt_store_search_expression     (const char        *query);

G_END_DECLS
