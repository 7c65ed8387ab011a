/* kt-store-suppliers.c — suppliers and their contact persons
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contacts are part of the supplier: they are saved as a set with it, bump
 * its version and appear in the audit trail as one field, "contacts", whose
 * old and new values list the contacts one per line.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-cvr.h"
#include "kt-validation.h"
#include "kt-store-private.h"

#define SUPPLIERS (kt_entity_get (&kt_supplier_entity))

static const char contacts_sql[] =
  "SELECT supplier_id, id, name, title, email, phone FROM supplier_contacts "
  "WHERE ?1 = 0 OR supplier_id = ?1 ORDER BY supplier_id, position";

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

/* Fills the contacts of @suppliers (by id); supplier_id 0 loads all. */
static gboolean
load_contacts (KtStore     *self,
               gint64       supplier_id,
               GHashTable  *suppliers,
               GError     **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  stmt = kt_store_prepare (self, contacts_sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, supplier_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 owner = sqlite3_column_int64 (stmt, 0);
      KtSupplier *supplier = g_hash_table_lookup (suppliers, &owner);
      KtContact *contact;

      if (supplier == NULL)
        continue;

      contact = kt_contact_new ();
      contact->id = sqlite3_column_int64 (stmt, 1);
      contact->name = column_dup (stmt, 2);
      contact->title = column_dup (stmt, 3);
      contact->email = column_dup (stmt, 4);
      contact->phone = column_dup (stmt, 5);
      g_ptr_array_add (supplier->contacts, contact);
    }

  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* The audit form: one contact per line, "name, title, e-mail, phone". */
char *
kt_store_contacts_to_text (GPtrArray *contacts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      const KtContact *contact = g_ptr_array_index (contacts, i);
      const char *parts[] = { contact->name, contact->title, contact->email, contact->phone };
      gboolean first = TRUE;

      if (text->len > 0)
        g_string_append_c (text, '\n');

      for (guint j = 0; j < G_N_ELEMENTS (parts); j++)
        {
          if (parts[j] == NULL || *parts[j] == '\0')
            continue;
          if (!first)
            g_string_append (text, ", ");
          g_string_append (text, parts[j]);
          first = FALSE;
        }
    }

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

GPtrArray *
kt_store_list_suppliers (KtStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(KtStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *columns = NULL;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  columns = kt_entity_columns (SUPPLIERS, "");
  sql = g_strdup_printf ("SELECT id, version, changed_by, changed_at, %s FROM suppliers "
                         "ORDER BY name, id", columns);
  stmt = kt_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  suppliers = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_supplier_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KtSupplier *supplier = kt_supplier_new ();

      kt_entity_read_row (SUPPLIERS, stmt, supplier);
      g_ptr_array_add (suppliers, supplier);
      g_hash_table_insert (by_id, &supplier->id, supplier);
    }

  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  kt_stmt_release (g_steal_pointer (&stmt));

  if (!load_contacts (self, 0, by_id, error))
    return NULL;

  return g_steal_pointer (&suppliers);
}

static KtSupplier *
fetch_supplier (KtStore  *self,
                gint64    id,
                GError  **error)
{
  g_autoptr(KtSupplier) supplier = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  GError *local_error = NULL;

  supplier = kt_store_row_fetch (self, SUPPLIERS, id, &local_error);
  if (supplier == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND,
                             _("The supplier no longer exists. Someone else may have "
                               "deleted it."));
      return NULL;
    }

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_hash_table_insert (by_id, &supplier->id, supplier);

  if (!load_contacts (self, id, by_id, error))
    return NULL;

  return g_steal_pointer (&supplier);
}

KtSupplier *
kt_store_get_supplier (KtStore  *self,
                       gint64    id,
                       GError  **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  return fetch_supplier (self, id, error);
}

static gboolean
supplier_check_cb (KtStore        *self,
                   gconstpointer   record,
                   gconstpointer   old_record,
                   GPtrArray      *changes,
                   GError        **error)
{
  const KtSupplier *supplier = record;
  g_autoptr(KtSupplier) old = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  KtFieldChange *change;

  if (old_record == NULL)
    return TRUE;

  /* The row fetch of the generic update does not load contacts. */
  old = fetch_supplier (self, supplier->id, error);
  if (old == NULL)
    return FALSE;

  old_text = kt_store_contacts_to_text (old->contacts);
  new_text = kt_store_contacts_to_text (supplier->contacts);
  if (g_strcmp0 (old_text, new_text) == 0)
    return TRUE;

  change = g_new0 (KtFieldChange, 1);
  change->field = "contacts";
  change->old_value = g_steal_pointer (&old_text);
  change->new_value = g_steal_pointer (&new_text);
  g_ptr_array_add (changes, change);

  return TRUE;
}

static gboolean
contacts_changed (GPtrArray *changes)
{
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const KtFieldChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->field, "contacts"))
        return TRUE;
    }

  return FALSE;
}

static gboolean
bind_text_or_null (sqlite3_stmt *stmt,
                   int           param,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    return sqlite3_bind_null (stmt, param) == SQLITE_OK;

  return sqlite3_bind_text (stmt, param, text, -1, SQLITE_STATIC) == SQLITE_OK;
}

/* Replaces the stored set; contact ids are not kept across saves. */
static gboolean
supplier_write_cb (KtStore        *self,
                   gint64          id,
                   gconstpointer   record,
                   GPtrArray      *changes,
                   GError        **error)
{
  const KtSupplier *supplier = record;
  g_autoptr(KtStmt) remove = NULL;

  if (changes != NULL && !contacts_changed (changes))
    return TRUE;

  remove = kt_store_prepare (self, "DELETE FROM supplier_contacts WHERE supplier_id = ?1", error);
  if (remove == NULL)
    return FALSE;
  sqlite3_bind_int64 (remove, 1, id);
  if (!kt_store_step_done (self, remove, error))
    return FALSE;

  for (guint i = 0; supplier->contacts != NULL && i < supplier->contacts->len; i++)
    {
      const KtContact *contact = g_ptr_array_index (supplier->contacts, i);
      g_autoptr(KtStmt) insert = NULL;

      insert = kt_store_prepare (self,
                                 "INSERT INTO supplier_contacts (supplier_id, position, name, "
                                 "title, email, phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                 error);
      if (insert == NULL)
        return FALSE;

      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_int (insert, 2, (int) i);
      bind_text_or_null (insert, 3, contact->name);
      bind_text_or_null (insert, 4, contact->title);
      bind_text_or_null (insert, 5, contact->email);
      bind_text_or_null (insert, 6, contact->phone);

      if (!kt_store_step_done (self, insert, error))
        return FALSE;
    }

  return TRUE;
}

static const KtRowHooks supplier_hooks = { supplier_check_cb, supplier_write_cb };

static gboolean
prepare_supplier (KtStore     *self,
                  KtSupplier  *supplier,
                  GError     **error)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (!kt_store_check_writable (self, error))
    return FALSE;

  problems = kt_supplier_validate (supplier);
  if (problems->len > 0)
    {
      const KtValidationProblem *problem = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID, problem->message);
      return FALSE;
    }

  /* "DK 12 34 56 78" is stored as "12345678", the form the schema checks. */
  if (supplier->cvr != NULL)
    {
      g_autofree char *normalised = NULL;

      if (kt_cvr_validate (supplier->cvr, &normalised, NULL))
        {
          g_free (supplier->cvr);
          supplier->cvr = g_steal_pointer (&normalised);
        }
    }

  return TRUE;
}

gboolean
kt_store_insert_supplier (KtStore     *self,
                          KtSupplier  *supplier,
                          GError     **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (supplier != NULL, FALSE);
  g_return_val_if_fail (supplier->id == 0, FALSE);

  if (!prepare_supplier (self, supplier, error))
    return FALSE;

  return kt_store_save_row (self, SUPPLIERS, supplier, supplier->name, &supplier_hooks, error);
}

gboolean
kt_store_update_supplier (KtStore     *self,
                          KtSupplier  *supplier,
                          GError     **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (supplier != NULL, FALSE);
  g_return_val_if_fail (supplier->id > 0, FALSE);

  if (!prepare_supplier (self, supplier, error))
    return FALSE;

  return kt_store_save_row (self, SUPPLIERS, supplier, supplier->name, &supplier_hooks, error);
}

gboolean
kt_store_delete_supplier (KtStore  *self,
                          gint64    id,
                          gint64    version,
                          GError  **error)
{
  g_autoptr(KtSupplier) supplier = NULL;
  g_autoptr(KtStmt) count = NULL;
  g_autoptr(KtStmt) remove = NULL;
  gint64 live = 0, deleted = 0;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  if (!kt_store_write_begin (self, error))
    return FALSE;

  supplier = fetch_supplier (self, id, error);
  if (supplier == NULL)
    goto fail;

  if (supplier->version != version)
    {
      kt_store_row_conflict (self, SUPPLIERS, id, supplier->name, error);
      goto fail;
    }

  count = kt_store_prepare (self,
                            "SELECT count(*) FILTER (WHERE deleted_at IS NULL), "
                            "count(*) FILTER (WHERE deleted_at IS NOT NULL) "
                            "FROM contracts WHERE supplier_id = ?1",
                            error);
  if (count == NULL)
    goto fail;
  sqlite3_bind_int64 (count, 1, id);
  rc = sqlite3_step (count);
  if (rc != SQLITE_ROW)
    {
      kt_store_set_error (self, error, rc);
      goto fail;
    }
  live = sqlite3_column_int64 (count, 0);
  deleted = sqlite3_column_int64 (count, 1);
  kt_stmt_release (g_steal_pointer (&count));

  /* The foreign key would refuse it too; this says why. Deleted contracts
   * count because they can still be restored. */
  if (live > 0)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                   ngettext ("“%s” cannot be deleted while %d contract refers to it.",
                             "“%s” cannot be deleted while %d contracts refer to it.",
                             live),
                   supplier->name, (int) live);
      goto fail;
    }
  if (deleted > 0)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                   _("“%s” cannot be deleted while deleted contracts that can still be "
                     "restored refer to it."),
                   supplier->name);
      goto fail;
    }

  remove = kt_store_prepare (self, "DELETE FROM suppliers WHERE id = ?1 AND version = ?2", error);
  if (remove == NULL)
    goto fail;
  sqlite3_bind_int64 (remove, 1, id);
  sqlite3_bind_int64 (remove, 2, version);
  if (!kt_store_step_done (self, remove, error))
    goto fail;
  if (sqlite3_changes (self->db) != 1)
    {
      kt_store_row_conflict (self, SUPPLIERS, id, supplier->name, error);
      goto fail;
    }

  if (!kt_store_audit (self, "supplier", id, "delete", NULL, supplier->name, NULL, error) ||
      !kt_store_write_commit (self, error))
    goto fail;

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}
