/* kt-store-people.c — people and org units (forvaltninger and centre)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-validation.h"
#include "kt-store-private.h"

#define PEOPLE    (kt_entity_get (&kt_person_entity))
#define ORG_UNITS (kt_entity_get (&kt_org_unit_entity))

static gboolean
first_problem (GPtrArray  *problems,
               GError    **error)
{
  if (problems->len > 0)
    {
      const KtValidationProblem *problem = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID, problem->message);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
kt_store_list_people (KtStore  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(KtStmt) stmt = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  columns = kt_entity_columns (PEOPLE, "p.");
  sql = g_strdup_printf ("SELECT p.id, p.version, p.changed_by, p.changed_at, %s, ou.name "
                         "FROM people AS p LEFT JOIN org_units AS ou ON ou.id = p.org_unit_id "
                         "ORDER BY p.name, p.id", columns);
  stmt = kt_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  people = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_person_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KtPerson *person = kt_person_new ();
      int col = kt_entity_read_row (PEOPLE, stmt, person);

      person->org_unit_name = g_strdup ((const char *) sqlite3_column_text (stmt, col));
      g_ptr_array_add (people, person);
    }

  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&people);
}

static gboolean
save_person (KtStore   *self,
             KtPerson  *person,
             GError   **error)
{
  g_autoptr(GPtrArray) problems = NULL;

  if (!kt_store_check_writable (self, error))
    return FALSE;

  problems = kt_person_validate (person);
  if (!first_problem (problems, error))
    return FALSE;

  return kt_store_save_row (self, PEOPLE, person, person->name, NULL, error);
}

gboolean
kt_store_insert_person (KtStore   *self,
                        KtPerson  *person,
                        GError   **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);
  g_return_val_if_fail (person->id == 0, FALSE);

  return save_person (self, person, error);
}

gboolean
kt_store_update_person (KtStore   *self,
                        KtPerson  *person,
                        GError   **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);
  g_return_val_if_fail (person->id > 0, FALSE);

  return save_person (self, person, error);
}

GPtrArray *
kt_store_list_org_units (KtStore  *self,
                         GError  **error)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(KtStmt) stmt = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  columns = kt_entity_columns (ORG_UNITS, "");
  sql = g_strdup_printf ("SELECT id, version, changed_by, changed_at, %s FROM org_units "
                         "ORDER BY name, id", columns);
  stmt = kt_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  units = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_org_unit_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KtOrgUnit *unit = kt_org_unit_new ();

      kt_entity_read_row (ORG_UNITS, stmt, unit);
      g_ptr_array_add (units, unit);
    }

  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&units);
}

/* Forvaltning → centre is a tree; refuse a parent that is the unit itself
 * or one of its own centres. */
static gboolean
org_unit_check_cb (KtStore        *self,
                   gconstpointer   record,
                   gconstpointer   old_record,
                   GPtrArray      *changes,
                   GError        **error)
{
  const KtOrgUnit *unit = record;
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  if (unit->id == 0 || unit->parent_id == 0)
    return TRUE;

  stmt = kt_store_prepare (self,
                           "WITH RECURSIVE up (id) AS ("
                           "  SELECT ?1"
                           "  UNION SELECT o.parent_id FROM org_units AS o JOIN up ON o.id = up.id"
                           "  WHERE o.parent_id IS NOT NULL"
                           ") SELECT 1 FROM up WHERE id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, unit->parent_id);
  sqlite3_bind_int64 (stmt, 2, unit->id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                           _("An organisational unit cannot belong to itself or to one of "
                             "its own units."));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static const KtRowHooks org_unit_hooks = { org_unit_check_cb, NULL };

static gboolean
save_org_unit (KtStore    *self,
               KtOrgUnit  *unit,
               GError    **error)
{
  g_autofree char *name = NULL;

  if (!kt_store_check_writable (self, error))
    return FALSE;

  /* The model has no validator for org units: the name is all there is. */
  name = g_strstrip (g_strdup (unit->name != NULL ? unit->name : ""));
  if (*name == '\0')
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                           _("Enter the name of the organisational unit"));
      return FALSE;
    }

  if (!kt_fields_check (ORG_UNITS, unit, error))
    return FALSE;

  return kt_store_save_row (self, ORG_UNITS, unit, unit->name, &org_unit_hooks, error);
}

gboolean
kt_store_insert_org_unit (KtStore    *self,
                          KtOrgUnit  *unit,
                          GError    **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);
  g_return_val_if_fail (unit->id == 0, FALSE);

  return save_org_unit (self, unit, error);
}

gboolean
kt_store_update_org_unit (KtStore    *self,
                          KtOrgUnit  *unit,
                          GError    **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);
  g_return_val_if_fail (unit->id > 0, FALSE);

  return save_org_unit (self, unit, error);
}
