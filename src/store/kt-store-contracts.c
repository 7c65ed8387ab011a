/* kt-store-contracts.c — the contract register
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-validation.h"
#include "kt-store-private.h"

#define CONTRACTS (kt_entity_get (&kt_contract_entity))

/* One SELECT with the display names joined in. The list is the hot path (it
 * is benchmarked against the bare SELECT): rows are decoded straight from the
 * statement, never with a query per row. */
static const char *
contract_query (gboolean by_id)
{
  static gsize built = 0;
  static char *queries[2];

  if (g_once_init_enter (&built))
    {
      g_autofree char *columns = kt_entity_columns (CONTRACTS, "c.");
#define BASE \
        "SELECT c.id, c.version, c.changed_by, c.changed_at, %s, " \
        "s.name, so.name, ad.name, ou.name " \
        "FROM contracts AS c " \
        "LEFT JOIN suppliers AS s ON s.id = c.supplier_id " \
        "LEFT JOIN people AS so ON so.id = c.system_owner_id " \
        "LEFT JOIN people AS ad ON ad.id = c.administrator_id " \
        "LEFT JOIN org_units AS ou ON ou.id = c.org_unit_id " \
        "WHERE c.deleted_at IS NULL "

      queries[0] = g_strdup_printf (BASE "ORDER BY c.number", columns);
      queries[1] = g_strdup_printf (BASE "AND c.id = ?1", columns);
#undef BASE
      g_once_init_leave (&built, 1);
    }

  return queries[by_id ? 1 : 0];
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? g_strndup (text, sqlite3_column_bytes (stmt, col)) : NULL;
}

static KtContract *
read_contract (sqlite3_stmt *stmt)
{
  KtContract *contract = kt_contract_new ();
  int col = kt_entity_read_row (CONTRACTS, stmt, contract);

  contract->supplier_name = column_strdup (stmt, col);
  contract->system_owner_name = column_strdup (stmt, col + 1);
  contract->administrator_name = column_strdup (stmt, col + 2);
  contract->org_unit_name = column_strdup (stmt, col + 3);

  return contract;
}

static char *
contract_label (const char *number,
                const char *name)
{
  if (number == NULL || *number == '\0')
    return g_strdup (name != NULL ? name : "");
  if (name == NULL || *name == '\0')
    return g_strdup (number);

  return g_strdup_printf ("%s %s", number, name);
}

GPtrArray *
kt_store_list_contracts (KtStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  stmt = kt_store_prepare (self, contract_query (FALSE), error);
  if (stmt == NULL)
    return NULL;

  contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contract_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (contracts, read_contract (stmt));

  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&contracts);
}

KtContract *
kt_store_get_contract (KtStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  stmt = kt_store_prepare (self, contract_query (TRUE), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_contract (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND,
                         _("The contract no longer exists. Someone else may have deleted it."));
  else
    kt_store_set_error (self, error, rc);

  return NULL;
}

/* A friendlier message than the unique index would give. */
static gboolean
check_number_free (KtStore     *self,
                   const char  *number,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  stmt = kt_store_prepare (self,
                           "SELECT 1 FROM contracts "
                           "WHERE number = ?1 AND deleted_at IS NULL AND id <> ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                   _("Another contract already has the number %s."), number);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Main contracts form a tree: refuse a parent that is (a child of) itself. */
static gboolean
check_no_cycle (KtStore     *self,
                gint64       id,
                gint64       parent_id,
                GError     **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  if (id == 0 || parent_id == 0)
    return TRUE;

  stmt = kt_store_prepare (self,
                           "WITH RECURSIVE up (id) AS ("
                           "  SELECT ?1"
                           "  UNION SELECT c.parent_id FROM contracts AS c JOIN up ON c.id = up.id"
                           "  WHERE c.parent_id IS NOT NULL"
                           ") SELECT 1 FROM up WHERE id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                           _("A contract cannot be its own main contract, directly or "
                             "through another contract."));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
contract_check_cb (KtStore        *self,
                   gconstpointer   record,
                   gconstpointer   old_record,
                   GPtrArray      *changes,
                   GError        **error)
{
  const KtContract *contract = record;

  return check_number_free (self, contract->number, contract->id, error) &&
         check_no_cycle (self, contract->id, contract->parent_id, error);
}

static const KtRowHooks contract_hooks = { contract_check_cb, NULL };

static gboolean
validate_contract (const KtContract  *contract,
                   GError           **error)
{
  g_autoptr(GPtrArray) problems = kt_contract_validate (contract);

  if (problems->len > 0)
    {
      const KtValidationProblem *problem = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID, problem->message);
      return FALSE;
    }

  return kt_fields_check (CONTRACTS, contract, error);
}

gboolean
kt_store_insert_contract (KtStore     *self,
                          KtContract  *contract,
                          GError     **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (contract != NULL, FALSE);
  g_return_val_if_fail (contract->id == 0, FALSE);

  if (!kt_store_check_writable (self, error) || !validate_contract (contract, error))
    return FALSE;

  label = contract_label (contract->number, contract->name);

  return kt_store_save_row (self, CONTRACTS, contract, label, &contract_hooks, error);
}

gboolean
kt_store_update_contract (KtStore     *self,
                          KtContract  *contract,
                          GError     **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (contract != NULL, FALSE);
  g_return_val_if_fail (contract->id > 0, FALSE);

  if (!kt_store_check_writable (self, error) || !validate_contract (contract, error))
    return FALSE;

  label = contract_label (contract->number, contract->name);

  return kt_store_save_row (self, CONTRACTS, contract, label, &contract_hooks, error);
}

/* Reads what delete and restore need under the write lock. */
static gboolean
fetch_state (KtStore   *self,
             gint64     id,
             gint64    *version,
             gboolean  *deleted,
             char     **number,
             char     **label,
             GError   **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  stmt = kt_store_prepare (self,
                           "SELECT version, deleted_at IS NOT NULL, number, name "
                           "FROM contracts WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND,
                           _("The contract no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      kt_store_set_error (self, error, rc);
      return FALSE;
    }

  *version = sqlite3_column_int64 (stmt, 0);
  *deleted = sqlite3_column_int (stmt, 1) != 0;
  *number = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  *label = contract_label ((const char *) sqlite3_column_text (stmt, 2),
                           (const char *) sqlite3_column_text (stmt, 3));

  return TRUE;
}

static gboolean
count_query (KtStore     *self,
             const char  *sql,
             gint64       id,
             gint64      *count,
             GError     **error)
{
  g_autoptr(KtStmt) stmt = kt_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      kt_store_set_error (self, error, rc);
      return FALSE;
    }

  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Sets deleted_at and bumps the version; a row that is no longer at
 * @version is reported as a conflict. */
static gboolean
set_deleted (KtStore     *self,
             gint64       id,
             gint64       version,
             gboolean     deleted,
             const char  *now,
             const char  *label,
             GError     **error)
{
  g_autoptr(KtStmt) stmt = NULL;

  stmt = kt_store_prepare (self,
                           "UPDATE contracts SET deleted_at = ?1, version = version + 1, "
                           "changed_by = ?2, changed_at = ?3 WHERE id = ?4 AND version = ?5",
                           error);
  if (stmt == NULL)
    return FALSE;

  if (deleted)
    sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->display_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, id);
  sqlite3_bind_int64 (stmt, 5, version);

  if (!kt_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) != 1)
    {
      kt_store_row_conflict (self, CONTRACTS, id, label, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
kt_store_delete_contract (KtStore  *self,
                          gint64    id,
                          gint64    version,
                          GError  **error)
{
  g_autofree char *now = kt_store_now ();
  g_autofree char *number = NULL;
  g_autofree char *label = NULL;
  gint64 stored_version = 0;
  gint64 children = 0;
  gboolean deleted = FALSE;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  if (!kt_store_write_begin (self, error))
    return FALSE;

  if (!fetch_state (self, id, &stored_version, &deleted, &number, &label, error))
    goto fail;

  if (deleted || stored_version != version)
    {
      kt_store_row_conflict (self, CONTRACTS, id, label, error);
      goto fail;
    }

  if (!count_query (self,
                    "SELECT count(*) FROM contracts WHERE parent_id = ?1 AND deleted_at IS NULL",
                    id, &children, error))
    goto fail;

  if (children > 0)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                   ngettext ("“%s” cannot be deleted while %d other contract has it as "
                             "main contract.",
                             "“%s” cannot be deleted while %d other contracts have it as "
                             "main contract.",
                             children),
                   label, (int) children);
      goto fail;
    }

  if (!set_deleted (self, id, version, TRUE, now, label, error) ||
      !kt_store_audit (self, "contract", id, "delete", NULL, label, NULL, error) ||
      !kt_store_write_commit (self, error))
    goto fail;

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}

gboolean
kt_store_restore_contract (KtStore  *self,
                           gint64    id,
                           GError  **error)
{
  g_autofree char *now = kt_store_now ();
  g_autofree char *number = NULL;
  g_autofree char *label = NULL;
  gint64 version = 0;
  gboolean deleted = FALSE;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  if (!kt_store_write_begin (self, error))
    return FALSE;

  if (!fetch_state (self, id, &version, &deleted, &number, &label, error))
    goto fail;

  /* Undo twice, or a colleague already restored it: nothing to do. */
  if (!deleted)
    {
      kt_store_write_rollback (self);
      return TRUE;
    }

  if (!check_number_free (self, number, id, error) ||
      !set_deleted (self, id, version, FALSE, now, label, error) ||
      !kt_store_audit (self, "contract", id, "restore", NULL, NULL, label, error) ||
      !kt_store_write_commit (self, error))
    goto fail;

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}

gboolean
kt_store_contract_has_dpa (KtStore  *self,
                           gint64    contract_id,
                           GError  **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  stmt = kt_store_prepare (self,
                           "SELECT EXISTS (SELECT 1 FROM contracts WHERE parent_id = ?1 "
                           "AND type = ?2 AND deleted_at IS NULL)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, kt_enum_code (KT_ENUM_CONTRACT_TYPE, KT_CONTRACT_TYPE_DATA_PROCESSING),
                     -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      kt_store_set_error (self, error, rc);
      return FALSE;
    }

  return sqlite3_column_int (stmt, 0) != 0;
}
