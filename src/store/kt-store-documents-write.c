/* kt-store-documents-write.c — attaching a file to a contract, and
 * changing what is known about it
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-store-documents-private.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

static gboolean
validate_document (const KtDocument  *document,
                   GError           **error)
{
  if (!kt_document_sha256_is_valid (document->sha256))
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                           _("The document’s checksum (SHA-256) is not valid."));
      return FALSE;
    }

  if (is_blank (document->original_name))
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                           _("The document has no name."));
      return FALSE;
    }

  if (document->size < 0)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                           _("The size of the document is not valid."));
      return FALSE;
    }

  return kt_fields_check (KT_DOCUMENTS, document, error);
}

/* Documents hang off a live contract: those of a deleted one are hidden
 * everywhere. */
static gboolean
check_contract_live (KtStore  *self,
                     gint64    contract_id,
                     GError  **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  stmt = kt_store_prepare (self, "SELECT deleted_at IS NULL FROM contracts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1)
    return TRUE;

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                         _("The contract of the document no longer exists. Someone else may "
                           "have deleted it."));
  else
    kt_store_set_error (self, error, rc);

  return FALSE;
}

/* Where the index stands for a file that was just attached or replaced. */
static const char *
initial_index_state (const KtDocument *document)
{
  return kt_document_is_pdf (document) ? "pending" : "not_pdf";
}

gboolean
kt_store_insert_document (KtStore     *self,
                          KtDocument  *document,
                          GError     **error)
{
  g_autofree char *now = kt_store_now ();
  g_autofree char *value = NULL;
  g_autoptr(KtStmt) stmt = NULL;
  const char *state;
  gint64 id;
  int param;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (document->id == 0, FALSE);

  if (!kt_store_check_writable (self, error) || !validate_document (document, error))
    return FALSE;

  if (!kt_store_write_begin (self, error))
    return FALSE;

  if (!check_contract_live (self, document->contract_id, error) ||
      !kt_store_check_not_attached (self, document->contract_id, document->sha256, 0,
                                    error))
    goto fail;

  stmt = kt_store_prepare (self,
                           "INSERT INTO documents (contract_id, kind, sha256, original_name, "
                           "media_type, size, n_pages, note, added_by, added_at, index_state, "
                           "index_sha256, version, changed_by, changed_at) VALUES (?1, ?2, ?3, "
                           "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, ?9, ?10)",
                           error);
  if (stmt == NULL)
    goto fail;

  state = initial_index_state (document);
  param = kt_fields_bind (KT_DOCUMENTS, stmt, 1, document);
  sqlite3_bind_text (stmt, param, self->display_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, param + 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, param + 2, state, -1, SQLITE_STATIC);
  if (!g_str_equal (state, "pending"))
    sqlite3_bind_text (stmt, param + 3, document->sha256, -1, SQLITE_STATIC);

  if (!kt_store_step_done (self, stmt, error))
    goto fail;

  id = sqlite3_last_insert_rowid (self->db);
  value = kt_store_document_audit_value (document);
  if (!kt_store_audit (self, "contract", document->contract_id, "insert", "document",
                       NULL, value, error) ||
      !kt_store_write_commit (self, error))
    goto fail;

  document->id = id;
  document->version = 1;
  document->index_state = g_str_equal (state, "pending") ? KT_INDEX_STATE_PENDING
                                                         : KT_INDEX_STATE_NOT_PDF;
  g_free (document->added_by);
  document->added_by = g_strdup (self->display_name);
  g_free (document->added_at);
  document->added_at = g_strdup (now);
  g_free (document->changed_by);
  document->changed_by = g_strdup (self->display_name);
  g_free (document->changed_at);
  document->changed_at = g_steal_pointer (&now);

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}

/* The stored document with what an update may change: kind, name and note,
 * and everything that describes the file when the hash is new. */
static KtDocument *
merge_update (const KtDocument *stored,
              const KtDocument *document)
{
  KtDocument *merged = kt_document_copy (stored);

  merged->kind = document->kind;
  g_free (merged->original_name);
  merged->original_name = g_strdup (document->original_name);
  g_free (merged->note);
  merged->note = g_strdup (document->note);

  if (!g_str_equal (stored->sha256, document->sha256))
    {
      g_free (merged->sha256);
      merged->sha256 = g_strdup (document->sha256);
      g_free (merged->media_type);
      merged->media_type = g_strdup (document->media_type);
      merged->size = document->size;
      merged->n_pages = document->n_pages;
    }

  return merged;
}

static gboolean
update_row (KtStore           *self,
            const KtDocument  *merged,
            gboolean           new_file,
            const char        *now,
            GError           **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  const char *state = initial_index_state (merged);
  int param;

  /* A new file starts over in the index; the trigger drops the old text. */
  stmt = kt_store_prepare (self,
                           "UPDATE documents SET contract_id = ?1, kind = ?2, sha256 = ?3, "
                           "original_name = ?4, media_type = ?5, size = ?6, n_pages = ?7, "
                           "note = ?8, version = version + 1, changed_by = ?9, changed_at = ?10, "
                           "index_state = CASE WHEN ?13 THEN ?14 ELSE index_state END, "
                           "index_sha256 = CASE WHEN ?13 THEN ?15 ELSE index_sha256 END "
                           "WHERE id = ?11 AND version = ?12 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  param = kt_fields_bind (KT_DOCUMENTS, stmt, 1, merged);
  sqlite3_bind_text (stmt, param, self->display_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, param + 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, param + 2, merged->id);
  sqlite3_bind_int64 (stmt, param + 3, merged->version);
  sqlite3_bind_int (stmt, param + 4, new_file);
  sqlite3_bind_text (stmt, param + 5, state, -1, SQLITE_STATIC);
  if (!g_str_equal (state, "pending"))
    sqlite3_bind_text (stmt, param + 6, merged->sha256, -1, SQLITE_STATIC);

  if (!kt_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) != 1)
    {
      kt_store_row_conflict (self, KT_DOCUMENTS, merged->id, merged->original_name, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
kt_store_update_document (KtStore     *self,
                          KtDocument  *document,
                          GError     **error)
{
  g_autofree char *now = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autoptr(KtDocument) stored = NULL;
  g_autoptr(KtDocument) merged = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GError *local_error = NULL;
  gboolean new_file;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (document->id > 0, FALSE);

  if (!kt_store_check_writable (self, error) || !validate_document (document, error))
    return FALSE;

  if (!kt_store_write_begin (self, error))
    return FALSE;

  stored = kt_store_fetch_document (self, document->id, &local_error);
  if (stored == NULL || stored->version != document->version)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        kt_store_row_conflict (self, KT_DOCUMENTS, document->id, document->original_name, error);
      goto fail;
    }

  if (document->contract_id != 0 && document->contract_id != stored->contract_id)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                           _("A document cannot be moved to another contract. Attach the file "
                             "to the other contract instead."));
      goto fail;
    }

  new_file = !g_str_equal (stored->sha256, document->sha256);
  if (new_file && !kt_store_check_not_attached (self, stored->contract_id, document->sha256,
                                                stored->id, error))
    goto fail;

  merged = merge_update (stored, document);
  changes = kt_fields_diff (KT_DOCUMENTS, stored, merged);
  if (changes->len == 0)
    {
      kt_store_write_rollback (self);
      return TRUE;
    }

  now = kt_store_now ();
  old_value = kt_store_document_audit_value (stored);
  new_value = kt_store_document_audit_value (merged);
  if (!update_row (self, merged, new_file, now, error) ||
      !kt_store_audit (self, "contract", stored->contract_id, "update", "document",
                       old_value, new_value, error) ||
      !kt_store_write_commit (self, error))
    goto fail;

  /* The record now says what is stored, also where it was ignored. */
  document->contract_id = stored->contract_id;
  document->version = stored->version + 1;
  document->size = merged->size;
  document->n_pages = merged->n_pages;
  g_free (document->media_type);
  document->media_type = g_strdup (merged->media_type);
  if (new_file)
    document->index_state = g_str_equal (initial_index_state (merged), "pending")
                            ? KT_INDEX_STATE_PENDING : KT_INDEX_STATE_NOT_PDF;
  g_free (document->changed_by);
  document->changed_by = g_strdup (self->display_name);
  g_free (document->changed_at);
  document->changed_at = g_steal_pointer (&now);

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}
