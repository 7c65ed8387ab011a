/* kt-store-documents.c — files attached to contracts (dokumenter)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store keeps what is known about a file — its hash, name, kind — never
 * a path (kt-document-library.h turns the hash into one). The audit trail's
 * entities were fixed in version 2, so a document is audited on its
 * contract, as the field "document", the values naming the file.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stddef.h>

#include <glib/gi18n.h>

#include "kt-store-documents-private.h"

static const KtField document_fields[] = {
  { "contract_id", KT_FIELD_ID, offsetof (KtDocument, contract_id), 0 },
  { "kind", KT_FIELD_ENUM, offsetof (KtDocument, kind), KT_ENUM_DOCUMENT_KIND },
  { "sha256", KT_FIELD_TEXT, offsetof (KtDocument, sha256), 0 },
  { "original_name", KT_FIELD_TEXT, offsetof (KtDocument, original_name), 0 },
  { "media_type", KT_FIELD_TEXT, offsetof (KtDocument, media_type), 0 },
  /* A gint64 written as it is; a size is never KT_MONEY_NONE. */
  { "size", KT_FIELD_MONEY, offsetof (KtDocument, size), 0 },
  { "n_pages", KT_FIELD_UINT, offsetof (KtDocument, n_pages), 0 },
  { "note", KT_FIELD_TEXT, offsetof (KtDocument, note), 0 },
};

/* The rows are read by hand, with the index state and the contract. */
KtEntity kt_document_entity = {
  .entity = "contract",
  .table = "documents",
  .fields = document_fields,
  .n_fields = G_N_ELEMENTS (document_fields),
  .id_offset = offsetof (KtDocument, id),
  .version_offset = offsetof (KtDocument, version),
  .changed_by_offset = offsetof (KtDocument, changed_by),
  .changed_at_offset = offsetof (KtDocument, changed_at),
  .soft_delete = TRUE,
  .new_record = (gpointer (*) (void)) kt_document_new,
  .free_record = (void (*) (gpointer)) kt_document_free,
};

/* By KtIndexState. */
static const char *const index_state_codes[] = {
  "pending", "indexed", "encrypted", "unreadable", "not_pdf",
};

/* read_document () knows these by position. A state recorded for another
 * hash than the file's is no state at all. */
#define DOCUMENT_SELECT \
  "SELECT d.id, d.version, d.changed_by, d.changed_at, d.contract_id, d.kind, d.sha256, " \
  "d.original_name, d.media_type, d.size, d.n_pages, d.added_by, d.added_at, d.note, " \
  "CASE WHEN d.index_sha256 IS d.sha256 THEN d.index_state ELSE 'pending' END, " \
  "c.number, c.name " \
  "FROM documents AS d JOIN contracts AS c ON c.id = d.contract_id "

#define KIND_ORDER \
  "CASE d.kind WHEN 'signed_contract' THEN 0 WHEN 'appendix' THEN 1 WHEN 'original' THEN 2 " \
  "WHEN 'tender' THEN 3 ELSE 4 END"

static char *
column_strdup (sqlite3_stmt *stmt,
               int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? g_strndup (text, sqlite3_column_bytes (stmt, col)) : NULL;
}

static KtDocument *
read_document (sqlite3_stmt *stmt)
{
  KtDocument *d = kt_document_new ();
  const char *state = (const char *) sqlite3_column_text (stmt, 14);
  int kind = 0;

  d->id = sqlite3_column_int64 (stmt, 0);
  d->version = sqlite3_column_int64 (stmt, 1);
  d->changed_by = column_strdup (stmt, 2);
  d->changed_at = column_strdup (stmt, 3);
  d->contract_id = sqlite3_column_int64 (stmt, 4);
  /* An unknown code of a newer file reads as the first, as elsewhere. */
  kt_enum_from_code (KT_ENUM_DOCUMENT_KIND, (const char *) sqlite3_column_text (stmt, 5), &kind);
  d->kind = kind;
  d->sha256 = column_strdup (stmt, 6);
  d->original_name = column_strdup (stmt, 7);
  d->media_type = column_strdup (stmt, 8);
  d->size = sqlite3_column_int64 (stmt, 9);
  d->n_pages = (guint) CLAMP (sqlite3_column_int64 (stmt, 10), 0, G_MAXUINT);
  d->added_by = column_strdup (stmt, 11);
  d->added_at = column_strdup (stmt, 12);
  d->note = column_strdup (stmt, 13);
  d->contract_number = column_strdup (stmt, 15);
  d->contract_name = column_strdup (stmt, 16);

  d->index_state = KT_INDEX_STATE_PENDING;
  for (guint i = 0; state != NULL && i < G_N_ELEMENTS (index_state_codes); i++)
    if (g_str_equal (state, index_state_codes[i]))
      d->index_state = i;

  return d;
}

static GPtrArray *
read_all (KtStore  *self,
          KtStmt   *stmt,
          GError  **error)
{
  g_autoptr(GPtrArray) documents =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kt_document_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (documents, read_document (stmt));

  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&documents);
}

GPtrArray *
kt_store_list_documents (KtStore  *self,
                         gint64    contract_id,
                         GError  **error)
{
  g_autoptr(KtStmt) stmt = NULL;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  if (contract_id > 0)
    stmt = kt_store_prepare (self,
                             DOCUMENT_SELECT
                             "WHERE d.contract_id = ?1 AND d.deleted_at IS NULL "
                             "ORDER BY " KIND_ORDER ", d.id",
                             error);
  else
    stmt = kt_store_prepare (self,
                             DOCUMENT_SELECT
                             "WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL "
                             "ORDER BY c.number, " KIND_ORDER ", d.id",
                             error);
  if (stmt == NULL)
    return NULL;

  if (contract_id > 0)
    sqlite3_bind_int64 (stmt, 1, contract_id);

  return read_all (self, stmt, error);
}

GPtrArray *
kt_store_list_documents_to_index (KtStore  *self,
                                  GError  **error)
{
  g_autoptr(KtStmt) stmt = NULL;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  stmt = kt_store_prepare (self,
                           DOCUMENT_SELECT
                           "WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL "
                           "AND (d.index_state = 'pending' OR d.index_sha256 IS NOT d.sha256) "
                           "ORDER BY d.id",
                           error);
  if (stmt == NULL)
    return NULL;

  return read_all (self, stmt, error);
}

KtDocument *
kt_store_fetch_document (KtStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  stmt = kt_store_prepare (self, DOCUMENT_SELECT "WHERE d.id = ?1 AND d.deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_document (stmt);
  if (rc != SQLITE_DONE)
    kt_store_set_error (self, error, rc);

  return NULL;
}

KtDocument *
kt_store_get_document (KtStore  *self,
                       gint64    id,
                       GError  **error)
{
  GError *local_error = NULL;
  KtDocument *document;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  document = kt_store_fetch_document (self, id, &local_error);
  if (document == NULL && local_error == NULL)
    g_set_error_literal (&local_error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND,
                         _("The document no longer exists. Someone else may have deleted it."));
  if (local_error != NULL)
    g_propagate_error (error, local_error);

  return document;
}

/* "Kontrakt.pdf (sha256 0123456789ab…, signed_contract): note", as stored
 * values are written. */
char *
kt_store_document_audit_value (const KtDocument *document)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%s (sha256 %.12s…, %s)",
                          document->original_name != NULL ? document->original_name : "",
                          document->sha256 != NULL ? document->sha256 : "",
                          kt_enum_code (KT_ENUM_DOCUMENT_KIND, document->kind));
  if (document->note != NULL && *document->note != '\0')
    g_string_append_printf (s, ": %s", document->note);

  return g_string_free (s, FALSE);
}

/* The unique index says the same, in words nobody should have to read. */
gboolean
kt_store_check_not_attached (KtStore     *self,
                             gint64       contract_id,
                             const char  *sha256,
                             gint64       except_id,
                             GError     **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  stmt = kt_store_prepare (self,
                           "SELECT original_name FROM documents WHERE contract_id = ?1 "
                           "AND sha256 = ?2 AND deleted_at IS NULL AND id <> ?3",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, except_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  if (rc == SQLITE_ROW)
    g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                 _("The same file is attached to the contract already, as “%s”."),
                 (const char *) sqlite3_column_text (stmt, 0));
  else
    kt_store_set_error (self, error, rc);

  return FALSE;
}

/* Sets or clears deleted_at; a row that is no longer at @version (or, on
 * delete, is deleted already) is a conflict. Restoring a live document
 * does nothing. */
static gboolean
set_deleted (KtStore   *self,
             gint64     id,
             gint64     version,
             gboolean   deleted,
             GError   **error)
{
  g_autofree char *value = NULL;
  g_autoptr(KtStmt) select = NULL;
  gboolean changed;
  g_autoptr(KtDocument) document = kt_document_new ();
  gint64 stored_version;
  gboolean is_deleted;
  int kind = 0;
  int rc;

  if (!kt_store_write_begin (self, error))
    return FALSE;

  select = kt_store_prepare (self,
                             "SELECT version, deleted_at IS NOT NULL, contract_id, sha256, "
                             "original_name, kind, note FROM documents WHERE id = ?1",
                             error);
  if (select == NULL)
    goto fail;

  sqlite3_bind_int64 (select, 1, id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND,
                           _("The document no longer exists."));
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      kt_store_set_error (self, error, rc);
      goto fail;
    }

  stored_version = sqlite3_column_int64 (select, 0);
  is_deleted = sqlite3_column_int (select, 1) != 0;
  document->id = id;
  document->contract_id = sqlite3_column_int64 (select, 2);
  document->sha256 = column_strdup (select, 3);
  document->original_name = column_strdup (select, 4);
  kt_enum_from_code (KT_ENUM_DOCUMENT_KIND, (const char *) sqlite3_column_text (select, 5), &kind);
  document->kind = kind;
  document->note = column_strdup (select, 6);
  g_clear_pointer (&select, kt_stmt_release);

  /* The file may have been attached again while this one was deleted. */
  if (!deleted && is_deleted &&
      !kt_store_check_not_attached (self, document->contract_id, document->sha256, id,
                                    error))
    goto fail;

  if (!kt_store_row_set_deleted (self, KT_DOCUMENTS, id, version, stored_version, is_deleted,
                                 deleted, document->original_name, &changed, error))
    goto fail;
  if (!changed)
    {
      kt_store_write_rollback (self);
      return TRUE;
    }

  value = kt_store_document_audit_value (document);
  if (!kt_store_audit (self, "contract", document->contract_id, deleted ? "delete" : "restore",
                       "document", deleted ? value : NULL, deleted ? NULL : value, error) ||
      !kt_store_write_commit (self, error))
    goto fail;

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}

gboolean
kt_store_delete_document (KtStore  *self,
                          gint64    id,
                          gint64    version,
                          GError  **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  return set_deleted (self, id, version, TRUE, error);
}

gboolean
kt_store_restore_document (KtStore  *self,
                           gint64    id,
                           GError  **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  return set_deleted (self, id, 0, FALSE, error);
}
