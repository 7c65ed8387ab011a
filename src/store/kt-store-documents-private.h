/* kt-store-documents-private.h — shared by the files of documents and clauses
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both are audited on their contract (entity "contract", fields "document"
 * and "clause"): the entities below serve the binding, the diff and the
 * conflict messages, not kt_store_save_row ().
 */
#pragma once

#include "kt-store-private.h"

G_BEGIN_DECLS

/* ---- kt-store-documents.c ---- */

extern KtEntity kt_document_entity;
#define KT_DOCUMENTS (kt_entity_get (&kt_document_entity))

/* The live document, or NULL (without error when there is none). */
KtDocument   *kt_store_fetch_document        (KtStore           *self,
                                              gint64             id,
                                              GError           **error);
/* Names the file, its version and kind in the audit trail. */
char         *kt_store_document_audit_value  (const KtDocument  *document);
/* KT_STORE_ERROR_CONSTRAINT when the same file is attached to the contract
 * already, as another live document than @except_id. */
gboolean      kt_store_check_not_attached    (KtStore           *self,
                                              gint64             contract_id,
                                              const char        *sha256,
                                              gint64             except_id,
                                              GError           **error);

/* ---- kt-store-clauses.c ---- */

extern KtEntity kt_clause_entity;
#define KT_CLAUSES (kt_entity_get (&kt_clause_entity))

/* kt_store_clause_read_row () knows these by position. */
#define KT_CLAUSE_COLUMNS \
  "SELECT cl.id, cl.version, cl.changed_by, cl.changed_at, cl.document_id, d.contract_id, " \
  "cl.page, cl.quads, cl.text, cl.category, cl.note, cl.colour, cl.activity_id, " \
  "cl.created_by, cl.created_at"
#define KT_CLAUSE_FROM " FROM clauses AS cl JOIN documents AS d ON d.id = cl.document_id "
#define KT_CLAUSE_SELECT KT_CLAUSE_COLUMNS KT_CLAUSE_FROM

KtClause     *kt_store_clause_read_row       (sqlite3_stmt      *stmt);
/* "p. 4, Price and regulation: Prisen reguleres…", translated: names the
 * clause in conflicts and in the audit trail. @page is 0-based. */
char         *kt_store_clause_label          (guint              page,
                                              KtClauseCategory   category,
                                              const char        *text);
/* The label with the note, a colour of its own and the linked activity. */
char         *kt_store_clause_audit_value    (const KtClause    *clause);

G_END_DECLS
