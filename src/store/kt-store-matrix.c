/* kt-store-matrix.c — the supplier matrix: its settings and the suppliers
 * placed by hand
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both live in the portfolio file (schema version 3) so that the committee
 * sees the same matrix whoever opens it. The audit trail's entities were
 * fixed in version 2 and the trail is not copied again for this: the
 * settings are audited as entity "settings" with id 2, an override on its
 * supplier, with fields of its own.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stddef.h>

#include <glib/gi18n.h>

#include "kt-store-private.h"

#define MATRIX_SETTINGS_ID        1
/* Entity "settings" id 1 is the deadline settings (kt-store-settings.c). */
#define MATRIX_SETTINGS_AUDIT_ID  2

static const KtField matrix_fields[] = {
  { "importance_threshold", KT_FIELD_UINT, offsetof (KtMatrixSettings, importance_threshold), 0 },
  { "risk_threshold", KT_FIELD_UINT, offsetof (KtMatrixSettings, risk_threshold), 0 },
  { "full_spend", KT_FIELD_MONEY, offsetof (KtMatrixSettings, full_spend), 0 },
  { "long_notice_months", KT_FIELD_UINT, offsetof (KtMatrixSettings, long_notice_months), 0 },
};

/* Used for its generated SQL, fetch and conflict message; the write is
 * done here because kt_store_save_row () would audit it under id 1. */
static KtEntity matrix_entity = {
  .entity = "settings",
  .table = "matrix_settings",
  .fields = matrix_fields,
  .n_fields = G_N_ELEMENTS (matrix_fields),
  .id_offset = offsetof (KtMatrixSettings, id),
  .version_offset = offsetof (KtMatrixSettings, version),
  .changed_by_offset = offsetof (KtMatrixSettings, changed_by),
  .changed_at_offset = offsetof (KtMatrixSettings, changed_at),
  .soft_delete = FALSE,
  .new_record = (gpointer (*) (void)) kt_matrix_settings_new,
  .free_record = (void (*) (gpointer)) kt_matrix_settings_free,
};

#define MATRIX (kt_entity_get (&matrix_entity))

/* ---- settings ---- */

KtMatrixSettings *
kt_store_get_matrix_settings (KtStore  *self,
                              GError  **error)
{
  GError *local_error = NULL;
  KtMatrixSettings *settings;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  settings = kt_store_row_fetch (self, MATRIX, MATRIX_SETTINGS_ID, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* Someone removed the row with another program: the defaults hold. */
  if (settings == NULL)
    settings = kt_matrix_settings_new ();

  return settings;
}

static gboolean
update_settings (KtStore                 *self,
                 const KtMatrixSettings  *settings,
                 const char              *now,
                 const char              *label,
                 GError                 **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int param;

  stmt = kt_store_prepare (self, MATRIX->update_sql, error);
  if (stmt == NULL)
    return FALSE;

  param = kt_fields_bind (MATRIX, stmt, 1, settings);
  sqlite3_bind_text (stmt, param, self->display_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, param + 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, param + 2, MATRIX_SETTINGS_ID);
  sqlite3_bind_int64 (stmt, param + 3, settings->version);

  if (!kt_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) != 1)
    {
      kt_store_row_conflict (self, MATRIX, MATRIX_SETTINGS_ID, label, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
kt_store_set_matrix_settings (KtStore           *self,
                              KtMatrixSettings  *settings,
                              GError           **error)
{
  /* Translators: names the settings in "“%s” was changed by … at …" */
  const char *label = _("Supplier matrix settings");
  g_autofree char *problem = NULL;
  g_autofree char *now = NULL;
  g_autoptr(KtMatrixSettings) old = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!kt_store_check_writable (self, error))
    return FALSE;

  problem = kt_matrix_settings_check (settings);
  if (problem != NULL)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID, problem);
      return FALSE;
    }

  if (!kt_store_write_begin (self, error))
    return FALSE;

  old = kt_store_row_fetch (self, MATRIX, MATRIX_SETTINGS_ID, &local_error);
  if (old == NULL || old->version != settings->version)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        kt_store_row_conflict (self, MATRIX, MATRIX_SETTINGS_ID, label, error);
      goto fail;
    }

  changes = kt_fields_diff (MATRIX, old, settings);
  if (changes->len == 0)
    {
      kt_store_write_rollback (self);
      settings->id = MATRIX_SETTINGS_ID;
      return TRUE;
    }

  now = kt_store_now ();
  if (!update_settings (self, settings, now, label, error))
    goto fail;

  for (guint i = 0; i < changes->len; i++)
    {
      const KtFieldChange *change = g_ptr_array_index (changes, i);

      if (!kt_store_audit (self, "settings", MATRIX_SETTINGS_AUDIT_ID, "update", change->field,
                           change->old_value, change->new_value, error))
        goto fail;
    }

  /* A failed COMMIT has already rolled back. */
  if (!kt_store_write_commit (self, error))
    return FALSE;

  settings->id = MATRIX_SETTINGS_ID;
  settings->version++;
  g_free (settings->changed_by);
  settings->changed_by = g_strdup (self->display_name);
  g_free (settings->changed_at);
  settings->changed_at = g_steal_pointer (&now);

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}

/* ---- overrides ---- */

#define OVERRIDE_SELECT \
  "SELECT supplier_id, version, changed_by, changed_at, importance, risk, reason " \
  "FROM score_overrides "

static char *
column_strdup (sqlite3_stmt *stmt,
               int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? g_strndup (text, sqlite3_column_bytes (stmt, col)) : NULL;
}

static KtScoreOverride *
read_override (sqlite3_stmt *stmt)
{
  KtScoreOverride *o = kt_score_override_new ();

  o->supplier_id = sqlite3_column_int64 (stmt, 0);
  o->version = sqlite3_column_int64 (stmt, 1);
  o->changed_by = column_strdup (stmt, 2);
  o->changed_at = column_strdup (stmt, 3);
  o->importance = (guint) CLAMP (sqlite3_column_int64 (stmt, 4), 0, 100);
  o->risk = (guint) CLAMP (sqlite3_column_int64 (stmt, 5), 0, 100);
  o->reason = column_strdup (stmt, 6);

  return o;
}

GPtrArray *
kt_store_list_score_overrides (KtStore  *self,
                               GError  **error)
{
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  stmt = kt_store_prepare (self, OVERRIDE_SELECT "ORDER BY supplier_id", error);
  if (stmt == NULL)
    return NULL;

  overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_score_override_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (overrides, read_override (stmt));

  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&overrides);
}

/* The stored override of a supplier; NULL without an error when none. */
static KtScoreOverride *
fetch_override (KtStore  *self,
                gint64    supplier_id,
                GError  **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  stmt = kt_store_prepare (self, OVERRIDE_SELECT "WHERE supplier_id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, supplier_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_override (stmt);
  if (rc != SQLITE_DONE)
    kt_store_set_error (self, error, rc);

  return NULL;
}

/* The supplier's name, for messages. */
static char *
supplier_label (KtStore *self,
                gint64   supplier_id)
{
  g_autoptr(KtStmt) stmt = NULL;

  stmt = kt_store_prepare (self, "SELECT name FROM suppliers WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, supplier_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return column_strdup (stmt, 0);
    }

  return g_strdup_printf ("#%" G_GINT64_FORMAT, supplier_id);
}

/* For an override that is not at the version the caller read: @stored is
 * what the file holds now, NULL when there is none. */
static void
override_conflict (KtStore                *self,
                   const KtScoreOverride  *stored,
                   gint64                  supplier_id,
                   GError                **error)
{
  g_autofree char *label = supplier_label (self, supplier_id);
  g_autofree char *when = NULL;
  const char *by;

  if (stored == NULL)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND,
                   /* Translators: a supplier placed by hand in the supplier
                    * matrix; %s is the supplier */
                   _("“%s” is no longer placed by hand. Someone else may have removed the "
                     "placement."),
                   label);
      return;
    }

  by = stored->changed_by != NULL && *stored->changed_by != '\0' ? stored->changed_by
                                                                 : _("someone else");
  when = kt_store_format_time (stored->changed_at);
  g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT,
               /* Translators: "The placement of “Netcompany A/S” in the matrix was
                * changed by Anna Jensen at 26.11.2026 kl. 17:40." */
               _("The placement of “%s” in the matrix was changed by %s at %s."),
               label, by, when);
}

/* The audit fields of an override and their stored text. */
typedef struct {
  const char *field;
  char       *value;
} AuditValue;

static void
override_audit_values (const KtScoreOverride *o,
                       AuditValue             values[3])
{
  values[0].field = "importance_override";
  values[0].value = o != NULL ? g_strdup_printf ("%u", o->importance) : NULL;
  values[1].field = "risk_override";
  values[1].value = o != NULL ? g_strdup_printf ("%u", o->risk) : NULL;
  values[2].field = "override_reason";
  values[2].value = o != NULL ? g_strdup (o->reason) : NULL;
}

static void
audit_values_clear (AuditValue values[3])
{
  for (guint i = 0; i < 3; i++)
    g_clear_pointer (&values[i].value, g_free);
}

static gboolean
overrides_equal (const KtScoreOverride *a,
                 const KtScoreOverride *b)
{
  return a->importance == b->importance && a->risk == b->risk &&
         g_strcmp0 (a->reason, b->reason) == 0;
}

/* One audit row per field that differs between @before and @after; NULL
 * stands for no override (insert, delete). */
static gboolean
audit_override (KtStore                *self,
                gint64                  supplier_id,
                const char             *action,
                const KtScoreOverride  *before,
                const KtScoreOverride  *after,
                GError                **error)
{
  AuditValue old_values[3], new_values[3];
  gboolean ok = TRUE;

  override_audit_values (before, old_values);
  override_audit_values (after, new_values);

  for (guint i = 0; ok && i < 3; i++)
    if (g_strcmp0 (old_values[i].value, new_values[i].value) != 0)
      ok = kt_store_audit (self, "supplier", supplier_id, action, old_values[i].field,
                           old_values[i].value, new_values[i].value, error);

  audit_values_clear (old_values);
  audit_values_clear (new_values);

  return ok;
}

static gboolean
write_override (KtStore                *self,
                const KtScoreOverride  *override,
                gboolean                insert,
                const char             *now,
                GError                **error)
{
  g_autoptr(KtStmt) stmt = NULL;

  stmt = kt_store_prepare (self,
                           insert
                           ? "INSERT INTO score_overrides (importance, risk, reason, changed_by, "
                             "changed_at, supplier_id, version) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)"
                           : "UPDATE score_overrides SET importance = ?1, risk = ?2, reason = ?3, "
                             "changed_by = ?4, changed_at = ?5, version = version + 1 "
                             "WHERE supplier_id = ?6 AND version = ?7",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, override->importance);
  sqlite3_bind_int64 (stmt, 2, override->risk);
  sqlite3_bind_text (stmt, 3, override->reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, self->display_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, override->supplier_id);
  if (!insert)
    sqlite3_bind_int64 (stmt, 7, override->version);

  if (!kt_store_step_done (self, stmt, error))
    return FALSE;

  /* The row was read under the same write lock; this is the rule all the same. */
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT,
                           /* Translators: a supplier placed by hand in the matrix */
                           _("The placement was changed by someone else in the meantime."));
      return FALSE;
    }

  return TRUE;
}

gboolean
kt_store_set_score_override (KtStore          *self,
                             KtScoreOverride  *override,
                             GError          **error)
{
  g_autoptr(KtScoreOverride) stored = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *now = NULL;
  GError *local_error = NULL;
  gboolean insert;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (override != NULL, FALSE);
  g_return_val_if_fail (override->supplier_id > 0, FALSE);

  if (!kt_store_check_writable (self, error))
    return FALSE;

  problem = kt_score_override_check (override);
  if (problem != NULL)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID, problem);
      return FALSE;
    }

  if (!kt_store_write_begin (self, error))
    return FALSE;

  stored = fetch_override (self, override->supplier_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto fail;
    }

  insert = override->version == 0;

  /* Inserting over a colleague's placement is as stale as an old version. */
  if (insert ? stored != NULL : (stored == NULL || stored->version != override->version))
    {
      override_conflict (self, stored, override->supplier_id, error);
      goto fail;
    }

  if (!insert && overrides_equal (stored, override))
    {
      kt_store_write_rollback (self);
      return TRUE;
    }

  now = kt_store_now ();
  if (!write_override (self, override, insert, now, error) ||
      !audit_override (self, override->supplier_id, insert ? "insert" : "update",
                       stored, override, error))
    goto fail;

  if (!kt_store_write_commit (self, error))
    return FALSE;

  override->version = insert ? 1 : override->version + 1;
  g_free (override->changed_by);
  override->changed_by = g_strdup (self->display_name);
  g_free (override->changed_at);
  override->changed_at = g_steal_pointer (&now);

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}

gboolean
kt_store_delete_score_override (KtStore  *self,
                                gint64    supplier_id,
                                gint64    version,
                                GError  **error)
{
  g_autoptr(KtScoreOverride) stored = NULL;
  g_autoptr(KtStmt) stmt = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  if (!kt_store_write_begin (self, error))
    return FALSE;

  stored = fetch_override (self, supplier_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto fail;
    }

  if (stored == NULL || stored->version != version)
    {
      override_conflict (self, stored, supplier_id, error);
      goto fail;
    }

  stmt = kt_store_prepare (self,
                           "DELETE FROM score_overrides WHERE supplier_id = ?1 AND version = ?2",
                           error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, supplier_id);
  sqlite3_bind_int64 (stmt, 2, version);
  if (!kt_store_step_done (self, stmt, error))
    goto fail;

  if (sqlite3_changes (self->db) != 1)
    {
      override_conflict (self, stored, supplier_id, error);
      goto fail;
    }

  if (!audit_override (self, supplier_id, "delete", stored, NULL, error) ||
      !kt_store_write_commit (self, error))
    goto fail;

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}
