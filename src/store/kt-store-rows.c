/* kt-store-rows.c — insert and update of any entity, with the version check
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-store-private.h"

#define ID_OF(e, r)      (*(gint64 *) ((guint8 *) (r) + (e)->id_offset))
#define VERSION_OF(e, r) (*(gint64 *) ((guint8 *) (r) + (e)->version_offset))

gpointer
kt_store_row_fetch (KtStore         *self,
                    const KtEntity  *entity,
                    gint64           id,
                    GError         **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  gpointer record;
  int rc;

  stmt = kt_store_prepare (self, entity->select_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  record = entity->new_record ();
  kt_entity_read_row (entity, stmt, record);

  return record;
}

gboolean
kt_store_row_set_deleted (KtStore         *self,
                          const KtEntity  *entity,
                          gint64           id,
                          gint64           version,
                          gint64           stored_version,
                          gboolean         is_deleted,
                          gboolean         deleted,
                          const char      *label,
                          gboolean        *changed,
                          GError         **error)
{
  g_autofree char *now = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(KtStmt) update = NULL;

  *changed = FALSE;

  if (!deleted && !is_deleted)
    return TRUE;

  if (deleted && (is_deleted || stored_version != version))
    {
      kt_store_row_conflict (self, entity, id, label, error);
      return FALSE;
    }

  /* The table name is our own constant, not input. */
  sql = g_strdup_printf ("UPDATE %s SET deleted_at = ?1, version = version + 1, "
                         "changed_by = ?2, changed_at = ?3 WHERE id = ?4 AND version = ?5",
                         entity->table);
  update = kt_store_prepare (self, sql, error);
  if (update == NULL)
    return FALSE;

  now = kt_store_now ();
  if (deleted)
    sqlite3_bind_text (update, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, self->display_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 4, id);
  sqlite3_bind_int64 (update, 5, stored_version);

  if (!kt_store_step_done (self, update, error))
    return FALSE;

  *changed = TRUE;
  return TRUE;
}

void
kt_store_row_conflict (KtStore         *self,
                       const KtEntity  *entity,
                       gint64           id,
                       const char      *label,
                       GError         **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *when = NULL;
  g_autoptr(KtStmt) stmt = NULL;
  GError *local_error = NULL;
  const char *by;
  int rc;

  sql = g_strdup_printf ("SELECT changed_by, changed_at, %s FROM %s WHERE id = ?1",
                         entity->soft_delete ? "deleted_at" : "NULL", entity->table);
  stmt = kt_store_prepare (self, sql, &local_error);
  if (stmt == NULL)
    {
      g_propagate_error (error, local_error);
      return;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND,
                   _("“%s” no longer exists. Someone else may have deleted it."), label);
      return;
    }
  if (rc != SQLITE_ROW)
    {
      kt_store_set_error (self, error, rc);
      return;
    }

  by = (const char *) sqlite3_column_text (stmt, 0);
  if (by == NULL || *by == '\0')
    by = _("someone else");

  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      when = kt_store_format_time ((const char *) sqlite3_column_text (stmt, 2));
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT,
                   /* Translators: "“K-2019-004 ESDH” was deleted by Anna Jensen at …" */
                   _("“%s” was deleted by %s at %s."), label, by, when);
      return;
    }

  when = kt_store_format_time ((const char *) sqlite3_column_text (stmt, 1));
  g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT,
               /* Translators: "“K-2019-004 ESDH” was changed by Anna Jensen at 26.11.2026 kl. 17:40." */
               _("“%s” was changed by %s at %s."), label, by, when);
}

static gboolean
audit_changes (KtStore         *self,
               const KtEntity  *entity,
               gint64           id,
               GPtrArray       *changes,
               GError         **error)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const KtFieldChange *change = g_ptr_array_index (changes, i);

      if (!kt_store_audit (self, entity->entity, id, "update", change->field,
                           change->old_value, change->new_value, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_row (KtStore         *self,
            const KtEntity  *entity,
            gconstpointer    record,
            const char      *label,
            const char      *now,
            gint64          *new_id,
            GError         **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int param;
  int rc;

  stmt = kt_store_prepare (self, entity->insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  param = kt_fields_bind (entity, stmt, 1, record);
  sqlite3_bind_text (stmt, param, self->display_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, param + 1, now, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return FALSE;
    }

  *new_id = sqlite3_last_insert_rowid (self->db);

  return kt_store_audit (self, entity->entity, *new_id, "insert", NULL, NULL, label, error);
}

static gboolean
update_row (KtStore         *self,
            const KtEntity  *entity,
            gconstpointer    record,
            const char      *label,
            const char      *now,
            GError         **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  gint64 id = ID_OF (entity, record);
  int param;
  int rc;

  stmt = kt_store_prepare (self, entity->update_sql, error);
  if (stmt == NULL)
    return FALSE;

  param = kt_fields_bind (entity, stmt, 1, record);
  sqlite3_bind_text (stmt, param, self->display_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, param + 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, param + 2, id);
  sqlite3_bind_int64 (stmt, param + 3, VERSION_OF (entity, record));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return FALSE;
    }

  /* The row was read under the same write lock, so this only trips if
   * something bypassed the store; it is the rule all the same. */
  if (sqlite3_changes (self->db) != 1)
    {
      sqlite3_reset (stmt);
      kt_store_row_conflict (self, entity, id, label, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
kt_store_save_row (KtStore          *self,
                   const KtEntity   *entity,
                   gpointer          record,
                   const char       *label,
                   const KtRowHooks *hooks,
                   GError          **error)
{
  g_autofree char *now = kt_store_now ();
  g_autoptr(GPtrArray) changes = NULL;
  gpointer old = NULL;
  gint64 id = ID_OF (entity, record);
  gint64 new_version;

  if (!kt_store_write_begin (self, error))
    return FALSE;

  if (id == 0)
    {
      if ((hooks != NULL && hooks->check != NULL &&
           !hooks->check (self, record, NULL, NULL, error)) ||
          !insert_row (self, entity, record, label, now, &id, error) ||
          (hooks != NULL && hooks->write != NULL &&
           !hooks->write (self, id, record, NULL, error)))
        goto fail;

      new_version = 1;
    }
  else
    {
      GError *local_error = NULL;

      old = kt_store_row_fetch (self, entity, id, &local_error);
      if (old == NULL || VERSION_OF (entity, old) != VERSION_OF (entity, record))
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          else
            kt_store_row_conflict (self, entity, id, label, error);
          goto fail;
        }

      changes = kt_fields_diff (entity, old, record);
      if (hooks != NULL && hooks->check != NULL &&
          !hooks->check (self, record, old, changes, error))
        goto fail;

      if (changes->len == 0)
        {
          kt_store_write_rollback (self);
          entity->free_record (old);
          return TRUE;
        }

      if (!update_row (self, entity, record, label, now, error) ||
          !audit_changes (self, entity, id, changes, error) ||
          (hooks != NULL && hooks->write != NULL &&
           !hooks->write (self, id, record, changes, error)))
        goto fail;

      new_version = VERSION_OF (entity, record) + 1;
    }

  if (!kt_store_write_commit (self, error))
    {
      /* A failed COMMIT has already rolled back. */
      g_clear_pointer (&old, entity->free_record);
      return FALSE;
    }

  g_clear_pointer (&old, entity->free_record);

  ID_OF (entity, record) = id;
  VERSION_OF (entity, record) = new_version;
  if (entity->changed_by_offset >= 0)
    {
      char **by = (char **) ((guint8 *) record + entity->changed_by_offset);
      g_free (*by);
      *by = g_strdup (self->display_name);
    }
  if (entity->changed_at_offset >= 0)
    {
      char **at = (char **) ((guint8 *) record + entity->changed_at_offset);
      g_free (*at);
      *at = g_steal_pointer (&now);
    }

  return TRUE;

fail:
  kt_store_write_rollback (self);
  g_clear_pointer (&old, entity->free_record);
  return FALSE;
}
