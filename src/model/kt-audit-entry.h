/* kt-audit-entry.h — one row of the audit trail
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KT_TYPE_AUDIT_ENTRY (kt_audit_entry_get_type ())

typedef struct {
  gint64  id;
  char   *at;          /* ISO 8601 UTC, e.g. "2026-11-26T17:40:03Z" */
  char   *user;
  char   *host;
  char   *entity;      /* "contract", "supplier", "person", "org_unit",
                        * "activity", "settings", "portfolio" (schema 5) */
  gint64  entity_id;
  char   *action;      /* "insert", "update", "delete", "restore"; schema 5:
                        * "resolve" (a conflict's per-field choice) and
                        * "restore_backup" (entity "portfolio") */
  char   *field;       /* column name; NULL for insert/delete/restore */
  char   *old_value;   /* as stored (ISO dates, øre, codes); NULL = empty */
  char   *new_value;
  char   *detail;      /* "resolve": "mine" or "theirs"; else NULL */
  char   *display_name;  /* the writer's real name (schema 6); NULL in older rows */

  /* Filled by kt_store_describe_audit_entry () / kt_store_list_history ()
   * for display; NULL until then. */
  char   *subject;     /* what the row belongs to when it is not the entity
                        * itself: “Activity: Price regulation 2027” */
  char   *field_label; /* “Annual price” */
  char   *old_text;    /* “120.000,00 kr.”; "" for empty */
  char   *new_text;
} KtAuditEntry;

GType         kt_audit_entry_get_type (void) G_GNUC_CONST;
KtAuditEntry *kt_audit_entry_new      (void);
KtAuditEntry *kt_audit_entry_copy     (const KtAuditEntry *entry);
void          kt_audit_entry_free     (KtAuditEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtAuditEntry, kt_audit_entry_free)

G_END_DECLS
