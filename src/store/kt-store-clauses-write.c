/* kt-store-clauses-write.c — saving a marked clause
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-validation.h"
#include "kt-store-documents-private.h"

static gboolean
validate_clause (const KtClause  *clause,
                 GError         **error)
{
  g_autoptr(GPtrArray) problems = kt_clause_validate (clause);

  if (problems->len > 0)
    {
      const KtValidationProblem *problem = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID, problem->message);
      return FALSE;
    }

  return kt_fields_check (KT_CLAUSES, clause, error);
}

/* The document must be live and have the page; a linked activity must be
 * live and of the same contract. Returns the contract id, 0 on error. */
static gint64
check_references (KtStore         *self,
                  const KtClause  *clause,
                  GError         **error)
{
  g_autoptr(KtStmt) doc = NULL;
  g_autoptr(KtStmt) act = NULL;
  gint64 contract_id;
  gint64 n_pages;
  int rc;

  doc = kt_store_prepare (self,
                          "SELECT contract_id, n_pages FROM documents "
                          "WHERE id = ?1 AND deleted_at IS NULL",
                          error);
  if (doc == NULL)
    return 0;

  sqlite3_bind_int64 (doc, 1, clause->document_id);
  rc = sqlite3_step (doc);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                             _("The document of the clause no longer exists. Someone else may "
                               "have deleted it."));
      else
        kt_store_set_error (self, error, rc);
      return 0;
    }

  contract_id = sqlite3_column_int64 (doc, 0);
  n_pages = sqlite3_column_int64 (doc, 1);

  /* 0 pages: not known (yet), so there is nothing to hold it against. */
  if (n_pages > 0 && clause->page >= n_pages)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                   ngettext ("The clause is on page %u, but the document has only %u page.",
                             "The clause is on page %u, but the document has only %u pages.",
                             (gulong) n_pages),
                   clause->page + 1, (guint) n_pages);
      return 0;
    }

  if (clause->activity_id <= 0)
    return contract_id;

  act = kt_store_prepare (self,
                          "SELECT contract_id FROM activities WHERE id = ?1 AND deleted_at IS NULL",
                          error);
  if (act == NULL)
    return 0;

  sqlite3_bind_int64 (act, 1, clause->activity_id);
  rc = sqlite3_step (act);
  if (rc == SQLITE_ROW && sqlite3_column_int64 (act, 0) == contract_id)
    return contract_id;

  if (rc == SQLITE_ROW)
    g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                         _("The linked activity belongs to another contract."));
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                         _("The linked activity no longer exists. Someone else may have "
                           "deleted it."));
  else
    kt_store_set_error (self, error, rc);

  return 0;
}

/* The stored clause at the record's version, else NULL with the conflict. */
static KtClause *
fetch_for_update (KtStore         *self,
                  const KtClause  *clause,
                  GError         **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  g_autofree char *label = NULL;
  KtClause *stored = NULL;
  int rc;

  stmt = kt_store_prepare (self, KT_CLAUSE_SELECT "WHERE cl.id = ?1 AND cl.deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, clause->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    stored = kt_store_clause_read_row (stmt);
  else if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }
  g_clear_pointer (&stmt, kt_stmt_release);

  if (stored != NULL && stored->version == clause->version)
    return stored;

  g_clear_pointer (&stored, kt_clause_free);
  label = kt_store_clause_label (clause->page, clause->category, clause->text);
  kt_store_row_conflict (self, KT_CLAUSES, clause->id, label, error);

  return NULL;
}

static gboolean
write_row (KtStore         *self,
           const KtClause  *clause,
           const char      *quads,
           const char      *now,
           GError         **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  g_autofree char *label = NULL;
  int param;

  if (clause->id == 0)
    stmt = kt_store_prepare (self,
                             "INSERT INTO clauses (document_id, page, text, category, note, "
                             "colour, activity_id, quads, changed_by, changed_at, created_by, "
                             "created_at, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                             "?10, ?9, ?10, 1)",
                             error);
  else
    stmt = kt_store_prepare (self,
                             "UPDATE clauses SET document_id = ?1, page = ?2, text = ?3, "
                             "category = ?4, note = ?5, colour = ?6, activity_id = ?7, "
                             "quads = ?8, changed_by = ?9, changed_at = ?10, "
                             "version = version + 1 "
                             "WHERE id = ?11 AND version = ?12 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;

  param = kt_fields_bind (KT_CLAUSES, stmt, 1, clause);
  sqlite3_bind_text (stmt, param, quads, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, param + 1, self->display_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, param + 2, now, -1, SQLITE_STATIC);
  if (clause->id != 0)
    {
      sqlite3_bind_int64 (stmt, param + 3, clause->id);
      sqlite3_bind_int64 (stmt, param + 4, clause->version);
    }

  if (!kt_store_step_done (self, stmt, error))
    return FALSE;

  if (clause->id != 0 && sqlite3_changes (self->db) != 1)
    {
      label = kt_store_clause_label (clause->page, clause->category, clause->text);
      kt_store_row_conflict (self, KT_CLAUSES, clause->id, label, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
kt_store_save_clause (KtStore   *self,
                      KtClause  *clause,
                      GError   **error)
{
  g_autofree char *now = NULL;
  g_autofree char *quads = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autoptr(KtClause) stored = NULL;
  gint64 contract_id;
  gint64 id;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (clause != NULL, FALSE);

  if (!kt_store_check_writable (self, error) || !validate_clause (clause, error))
    return FALSE;

  /* The schema keeps colours in lower case. */
  for (char *p = clause->colour; *p != '\0'; p++)
    *p = g_ascii_tolower (*p);

  if (!kt_store_write_begin (self, error))
    return FALSE;

  if (clause->id != 0)
    {
      g_autofree char *stored_quads = NULL;
      g_autoptr(GPtrArray) changes = NULL;

      stored = fetch_for_update (self, clause, error);
      if (stored == NULL)
        goto fail;

      if (stored->document_id != clause->document_id)
        {
          g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                               _("A clause cannot be moved to another document."));
          goto fail;
        }

      changes = kt_fields_diff (KT_CLAUSES, stored, clause);
      stored_quads = kt_clause_quads_to_string (stored->quads);
      quads = kt_clause_quads_to_string (clause->quads);
      if (changes->len == 0 && g_str_equal (stored_quads, quads))
        {
          kt_store_write_rollback (self);
          return TRUE;
        }
    }

  contract_id = check_references (self, clause, error);
  if (contract_id == 0)
    goto fail;

  now = kt_store_now ();
  if (quads == NULL)
    quads = kt_clause_quads_to_string (clause->quads);
  if (!write_row (self, clause, quads, now, error))
    goto fail;

  id = clause->id != 0 ? clause->id : sqlite3_last_insert_rowid (self->db);
  old_value = stored != NULL ? kt_store_clause_audit_value (stored) : NULL;
  new_value = kt_store_clause_audit_value (clause);
  if (!kt_store_audit (self, "contract", contract_id, stored != NULL ? "update" : "insert",
                       "clause", old_value, new_value, error) ||
      !kt_store_write_commit (self, error))
    goto fail;

  if (stored == NULL)
    {
      clause->version = 1;
      g_free (clause->created_by);
      clause->created_by = g_strdup (self->display_name);
      g_free (clause->created_at);
      clause->created_at = g_strdup (now);
    }
  else
    clause->version++;

  clause->id = id;
  clause->contract_id = contract_id;
  g_free (clause->changed_by);
  clause->changed_by = g_strdup (self->display_name);
  g_free (clause->changed_at);
  clause->changed_at = g_steal_pointer (&now);

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}
