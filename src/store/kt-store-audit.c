/* kt-store-audit.c — the audit trail: who changed which field from what to what
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are written only inside the transaction of the change they describe,
 * so a change that is rolled back leaves no trace and a committed change
 * always has its trail. The table refuses UPDATE and DELETE (triggers).
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-store-private.h"

gboolean
kt_store_audit_full (KtStore     *self,
                     const char  *entity,
                     gint64       entity_id,
                     const char  *action,
                     const char  *field,
                     const char  *old_value,
                     const char  *new_value,
                     const char  *detail,
                     GError     **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  g_autofree char *now = kt_store_now ();

  g_assert (!sqlite3_get_autocommit (self->db));

  stmt = kt_store_prepare (self,
                           "INSERT INTO audit_log (at, user, host, entity, entity_id, action, "
                           "field, old_value, new_value, detail, display_name) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->user, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->host, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, entity_id);
  sqlite3_bind_text (stmt, 6, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, new_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, detail, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, self->display_name, -1, SQLITE_STATIC);

  return kt_store_step_done (self, stmt, error);
}

gboolean
kt_store_audit (KtStore     *self,
                const char  *entity,
                gint64       entity_id,
                const char  *action,
                const char  *field,
                const char  *old_value,
                const char  *new_value,
                GError     **error)
{
  return kt_store_audit_full (self, entity, entity_id, action, field, old_value, new_value,
                              NULL, error);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

KtAuditEntry *
kt_store_read_audit_entry (sqlite3_stmt *stmt)
{
  KtAuditEntry *entry = kt_audit_entry_new ();

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = column_dup (stmt, 1);
  entry->user = column_dup (stmt, 2);
  entry->host = column_dup (stmt, 3);
  entry->entity = column_dup (stmt, 4);
  entry->entity_id = sqlite3_column_int64 (stmt, 5);
  entry->action = column_dup (stmt, 6);
  entry->field = column_dup (stmt, 7);
  entry->old_value = column_dup (stmt, 8);
  entry->new_value = column_dup (stmt, 9);
  entry->detail = column_dup (stmt, 10);
  entry->display_name = column_dup (stmt, 11);

  return entry;
}

GPtrArray *
kt_store_list_audit (KtStore     *self,
                     const char  *entity,
                     gint64       entity_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  stmt = kt_store_prepare (self,
                           "SELECT " KT_AUDIT_COLUMNS " FROM audit_log "
                           "WHERE entity = ?1 AND entity_id = ?2 ORDER BY id DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entity_id);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_audit_entry_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, kt_store_read_audit_entry (stmt));

  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&entries);
}
