/* kt-store-activities.c — activities of contracts (aktivitetsoverblik)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stddef.h>

#include <glib/gi18n.h>

#include "kt-deadlines.h"
#include "kt-format.h"
#include "kt-validation.h"
#include "kt-store-private.h"

#define F(col, kind) \
  { #col, KT_FIELD_##kind, offsetof (KtActivity, col), 0 }
#define E(col, enum_kind) \
  { #col, KT_FIELD_ENUM, offsetof (KtActivity, col), KT_ENUM_##enum_kind }

static const KtField activity_fields[] = {
  F (contract_id, ID),
  E (type, ACTIVITY_TYPE),
  F (deadline, DATE),
  F (description, TEXT),
  F (clause_ref, TEXT),
  F (responsible_id, ID),
  E (status, ACTIVITY_STATUS),
  F (done_date, DATE),
  F (done_by, TEXT),
  E (recurrence, RECURRENCE),
  F (recurrence_until, DATE),
  F (done_through, DATE),
  F (notes, TEXT),
};

#undef F
#undef E

KtEntity kt_activity_entity = {
  .entity = "activity",
  .table = "activities",
  .fields = activity_fields,
  .n_fields = G_N_ELEMENTS (activity_fields),
  .id_offset = offsetof (KtActivity, id),
  .version_offset = offsetof (KtActivity, version),
  .changed_by_offset = offsetof (KtActivity, changed_by),
  .changed_at_offset = offsetof (KtActivity, changed_at),
  .soft_delete = TRUE,
  .new_record = (gpointer (*) (void)) kt_activity_new,
  .free_record = (void (*) (gpointer)) kt_activity_free,
};

#define ACTIVITIES (kt_entity_get (&kt_activity_entity))

enum {
  QUERY_BY_CONTRACT,
  QUERY_BY_ID,
  QUERY_WINDOW,
  QUERY_WINDOW_OVERDUE,
  N_QUERIES
};

/* One SELECT with the display names joined in, decoded straight from the
 * statement. The window queries are the hot path of the overview (they are
 * benchmarked against the bare SELECT): each half is a range search in a
 * partial index, on last_date for the rows that reach into the window, on
 * the open rows for the overdue ones. Their order is left to the caller,
 * which sorts the occurrences anyway. */
static const char *
activity_query (guint which)
{
  static gsize built = 0;
  static char *queries[N_QUERIES];

  if (g_once_init_enter (&built))
    {
      g_autofree char *columns = kt_entity_columns (ACTIVITIES, "a.");

      /* read_activity () knows the columns by position. */
      g_assert (g_str_equal (columns, "a.contract_id, a.type, a.deadline, a.description, "
                                      "a.clause_ref, a.responsible_id, a.status, a.done_date, "
                                      "a.done_by, a.recurrence, a.recurrence_until, "
                                      "a.done_through, a.notes"));
#define BASE \
        "SELECT a.id, a.version, a.changed_by, a.changed_at, %s, c.number, c.name, p.name " \
        "FROM activities AS a " \
        "JOIN contracts AS c ON c.id = a.contract_id " \
        "LEFT JOIN people AS p ON p.id = a.responsible_id " \
        "WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL "

      queries[QUERY_BY_CONTRACT] =
        g_strdup_printf (BASE "AND a.contract_id = ?1 ORDER BY a.deadline, a.id", columns);
      queries[QUERY_BY_ID] = g_strdup_printf (BASE "AND a.id = ?1", columns);
      queries[QUERY_WINDOW] =
        g_strdup_printf (BASE "AND a.last_date >= ?1 AND a.deadline <= ?2", columns);
      /* Rows that end before the window take part only when open; the
       * two halves do not overlap. */
      queries[QUERY_WINDOW_OVERDUE] =
        g_strdup_printf (BASE "AND a.last_date >= ?1 AND a.deadline <= ?2 "
                         "UNION ALL "
                         BASE "AND a.status = 'open' AND a.deadline < ?1 AND a.last_date < ?1",
                         columns, columns);
#undef BASE
      g_once_init_leave (&built, 1);
    }

  return queries[which];
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? g_strndup (text, sqlite3_column_bytes (stmt, col)) : NULL;
}

/* 'YYYY-MM-DD' as the schema's CHECK keeps it; anything else is unset. */
static void
column_date (sqlite3_stmt *stmt,
             int           col,
             GDate        *date)
{
  const guchar *t = sqlite3_column_text (stmt, col);
  guint year, month, day;

  g_date_clear (date, 1);
  if (t == NULL || sqlite3_column_bytes (stmt, col) != 10 || t[4] != '-' || t[7] != '-')
    return;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (t[i]))
      return;

  year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  month = (t[5] - '0') * 10 + (t[6] - '0');
  day = (t[8] - '0') * 10 + (t[9] - '0');

  if (g_date_valid_dmy (day, month, year))
    g_date_set_dmy (date, day, month, year);
}

static int
column_enum (sqlite3_stmt *stmt,
             int           col,
             KtEnumKind    kind)
{
  int value = 0;

  /* As kt_fields_read (): an unknown code of a newer file reads as the first. */
  kt_enum_from_code (kind, (const char *) sqlite3_column_text (stmt, col), &value);

  return value;
}

static gint64
column_id (sqlite3_stmt *stmt,
           int           col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, col);
}

/* The columns of activity_query (), read by hand rather than through the
 * field table: the overview reads tens of thousands of rows each time it
 * is rebuilt, and this costs a third of the generic reader. The field
 * table still writes, diffs and fetches single rows; test-store-activities
 * reads back what it wrote through both. */
static KtActivity *
read_activity (sqlite3_stmt *stmt)
{
  KtActivity *a = g_new (KtActivity, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->version = sqlite3_column_int64 (stmt, 1);
  a->changed_by = column_strdup (stmt, 2);
  a->changed_at = column_strdup (stmt, 3);
  a->contract_id = column_id (stmt, 4);
  a->type = column_enum (stmt, 5, KT_ENUM_ACTIVITY_TYPE);
  column_date (stmt, 6, &a->deadline);
  a->description = column_strdup (stmt, 7);
  a->clause_ref = column_strdup (stmt, 8);
  a->responsible_id = column_id (stmt, 9);
  a->status = column_enum (stmt, 10, KT_ENUM_ACTIVITY_STATUS);
  column_date (stmt, 11, &a->done_date);
  a->done_by = column_strdup (stmt, 12);
  a->recurrence = column_enum (stmt, 13, KT_ENUM_RECURRENCE);
  column_date (stmt, 14, &a->recurrence_until);
  column_date (stmt, 15, &a->done_through);
  a->notes = column_strdup (stmt, 16);
  a->contract_number = column_strdup (stmt, 17);
  a->contract_name = column_strdup (stmt, 18);
  a->responsible_name = column_strdup (stmt, 19);

  return a;
}

static GPtrArray *
read_all (KtStore   *self,
          KtStmt    *stmt,
          GError   **error)
{
  g_autoptr(GPtrArray) activities =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kt_activity_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (activities, read_activity (stmt));

  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&activities);
}

GPtrArray *
kt_store_list_activities (KtStore  *self,
                          gint64    contract_id,
                          GError  **error)
{
  g_autoptr(KtStmt) stmt = NULL;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  stmt = kt_store_prepare (self, activity_query (QUERY_BY_CONTRACT), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, contract_id);

  return read_all (self, stmt, error);
}

GPtrArray *
kt_store_list_activities_in_window (KtStore      *self,
                                    const GDate  *from,
                                    const GDate  *to,
                                    gboolean      include_overdue,
                                    GError      **error)
{
  g_autoptr(KtStmt) stmt = NULL;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  stmt = kt_store_prepare (self,
                           activity_query (include_overdue ? QUERY_WINDOW_OVERDUE : QUERY_WINDOW),
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, kt_date_to_iso (from), -1, g_free);
  sqlite3_bind_text (stmt, 2, kt_date_to_iso (to), -1, g_free);

  return read_all (self, stmt, error);
}

KtActivity *
kt_store_get_activity (KtStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  stmt = kt_store_prepare (self, activity_query (QUERY_BY_ID), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_activity (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND,
                         _("The activity no longer exists. Someone else may have deleted it."));
  else
    kt_store_set_error (self, error, rc);

  return NULL;
}

/* "K-2019-004: Statusmøde", shortened: names the activity in the audit
 * trail and in conflict messages. */
static char *
activity_label (KtStore     *self,
                gint64       contract_id,
                const char  *description)
{
  g_autoptr(KtStmt) stmt = NULL;
  g_autofree char *text = NULL;
  const char *number = NULL;

  text = g_strdup (description != NULL ? description : "");
  g_strdelimit (text, "\n\r\t", ' ');
  if (g_utf8_strlen (text, -1) > 60)
    {
      char *cut = g_utf8_offset_to_pointer (text, 59);

      *cut = '\0';
      text = g_strconcat (g_steal_pointer (&text), "…", NULL);
    }

  stmt = kt_store_prepare (self, "SELECT number FROM contracts WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, contract_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        number = (const char *) sqlite3_column_text (stmt, 0);
    }

  if (number == NULL)
    return g_steal_pointer (&text);

  return g_strdup_printf ("%s: %s", number, text);
}

/* The contract must be live: activities of a deleted contract would be
 * invisible everywhere. */
static gboolean
activity_check_cb (KtStore        *self,
                   gconstpointer   record,
                   gconstpointer   old_record,
                   GPtrArray      *changes,
                   GError        **error)
{
  const KtActivity *activity = record;
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  stmt = kt_store_prepare (self,
                           "SELECT deleted_at IS NULL FROM contracts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, activity->contract_id);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1)
    return TRUE;

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                           _("The contract of the activity no longer exists. Someone else may "
                             "have deleted it."));
      return FALSE;
    }

  kt_store_set_error (self, error, rc);
  return FALSE;
}

static const KtRowHooks activity_hooks = { activity_check_cb, NULL };

static gboolean
validate_activity (const KtActivity  *activity,
                   GError           **error)
{
  g_autoptr(GPtrArray) problems = kt_activity_validate (activity);

  if (problems->len > 0)
    {
      const KtValidationProblem *problem = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID, problem->message);
      return FALSE;
    }

  return kt_fields_check (ACTIVITIES, activity, error);
}

static gboolean
save_activity (KtStore     *self,
               KtActivity  *activity,
               GError     **error)
{
  g_autofree char *label = NULL;

  if (!kt_store_check_writable (self, error) || !validate_activity (activity, error))
    return FALSE;

  label = activity_label (self, activity->contract_id, activity->description);

  return kt_store_save_row (self, ACTIVITIES, activity, label, &activity_hooks, error);
}

gboolean
kt_store_insert_activity (KtStore     *self,
                          KtActivity  *activity,
                          GError     **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);
  g_return_val_if_fail (activity->id == 0, FALSE);

  return save_activity (self, activity, error);
}

gboolean
kt_store_update_activity (KtStore     *self,
                          KtActivity  *activity,
                          GError     **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (activity != NULL, FALSE);
  g_return_val_if_fail (activity->id > 0, FALSE);

  return save_activity (self, activity, error);
}

/* The stored row at @version, for a change computed from it. */
static KtActivity *
fetch_at_version (KtStore  *self,
                  gint64    id,
                  gint64    version,
                  GError  **error)
{
  GError *local_error = NULL;
  KtActivity *activity = kt_store_row_fetch (self, ACTIVITIES, id, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (activity == NULL || activity->version != version)
    {
      g_autofree char *label = activity != NULL
                               ? activity_label (self, activity->contract_id, activity->description)
                               : g_strdup (_("The activity"));

      kt_store_row_conflict (self, ACTIVITIES, id, label, error);
      g_clear_pointer (&activity, kt_activity_free);
    }

  return activity;
}

gboolean
kt_store_mark_activity_done (KtStore      *self,
                             gint64        id,
                             gint64        version,
                             const GDate  *occurrence,
                             const GDate  *done_date,
                             GError      **error)
{
  g_autoptr(KtActivity) activity = NULL;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  if (!kt_store_check_writable (self, error))
    return FALSE;

  /* kt_store_save_row checks the version again under the write lock. */
  activity = fetch_at_version (self, id, version, error);
  if (activity == NULL)
    return FALSE;

  if (!kt_activity_apply_done (activity, occurrence, done_date, self->display_name))
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                           _("The activity has nothing open to mark as done on that date."));
      return FALSE;
    }

  return save_activity (self, activity, error);
}

gboolean
kt_store_reopen_activity (KtStore  *self,
                          gint64    id,
                          gint64    version,
                          GError  **error)
{
  g_autoptr(KtActivity) activity = NULL;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  if (!kt_store_check_writable (self, error))
    return FALSE;

  activity = fetch_at_version (self, id, version, error);
  if (activity == NULL)
    return FALSE;

  if (!kt_activity_apply_reopen (activity))
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                           _("The activity is open already."));
      return FALSE;
    }

  return save_activity (self, activity, error);
}

/* Sets or clears deleted_at; a row that is no longer at @version (or, on
 * delete, is deleted already) is a conflict. */
static gboolean
set_deleted (KtStore   *self,
             gint64     id,
             gint64     version,
             gboolean   deleted,
             GError   **error)
{
  g_autofree char *label = NULL;
  g_autoptr(KtStmt) select = NULL;
  gint64 stored_version;
  gboolean is_deleted;
  gboolean changed;
  gint64 contract_id;
  int rc;

  if (!kt_store_write_begin (self, error))
    return FALSE;

  select = kt_store_prepare (self,
                             "SELECT version, deleted_at IS NOT NULL, contract_id, description "
                             "FROM activities WHERE id = ?1",
                             error);
  if (select == NULL)
    goto fail;

  sqlite3_bind_int64 (select, 1, id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND,
                           _("The activity no longer exists."));
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      kt_store_set_error (self, error, rc);
      goto fail;
    }

  stored_version = sqlite3_column_int64 (select, 0);
  is_deleted = sqlite3_column_int (select, 1) != 0;
  contract_id = sqlite3_column_int64 (select, 2);
  {
    g_autofree char *description = g_strdup ((const char *) sqlite3_column_text (select, 3));

    g_clear_pointer (&select, kt_stmt_release);
    label = activity_label (self, contract_id, description);
  }

  if (!kt_store_row_set_deleted (self, ACTIVITIES, id, version, stored_version, is_deleted,
                                 deleted, label, &changed, error))
    goto fail;
  if (!changed)
    {
      kt_store_write_rollback (self);
      return TRUE;
    }

  if (!kt_store_audit (self, "activity", id, deleted ? "delete" : "restore", NULL,
                       deleted ? label : NULL, deleted ? NULL : label, error) ||
      !kt_store_write_commit (self, error))
    goto fail;

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}

gboolean
kt_store_delete_activity (KtStore  *self,
                          gint64    id,
                          gint64    version,
                          GError  **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  return set_deleted (self, id, version, TRUE, error);
}

gboolean
kt_store_restore_activity (KtStore  *self,
                           gint64    id,
                           GError  **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  return set_deleted (self, id, 0, FALSE, error);
}
