/* kt-store-fields.c — one descriptor per entity: columns, types, offsets
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Binding, reading, the audit diff and the INSERT/UPDATE/SELECT text of every
 * entity are driven by these tables, so adding a column to a struct means one
 * line here (and a migration step), not edits in five hand-written queries.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stddef.h>

#include <glib/gi18n.h>

#include "kt-format.h"
#include "kt-store-private.h"

#define F(type_, col, kind, member) \
  { #col, KT_FIELD_##kind, offsetof (type_, member), 0 }
#define E(type_, col, enum_kind, member) \
  { #col, KT_FIELD_ENUM, offsetof (type_, member), KT_ENUM_##enum_kind }

static const KtField contract_fields[] = {
  F (KtContract, number, TEXT, number),
  F (KtContract, name, TEXT, name),
  E (KtContract, type, CONTRACT_TYPE, type),
  F (KtContract, parent_id, ID, parent_id),
  E (KtContract, template_kind, TEMPLATE, template_kind),
  E (KtContract, status, STATUS, status),
  F (KtContract, supplier_id, ID, supplier_id),
  F (KtContract, system_owner_id, ID, system_owner_id),
  F (KtContract, administrator_id, ID, administrator_id),
  F (KtContract, org_unit_id, ID, org_unit_id),
  E (KtContract, category, CATEGORY, category),
  E (KtContract, procurement_form, PROCUREMENT_FORM, procurement_form),
  E (KtContract, criticality, CRITICALITY, criticality),
  F (KtContract, purchased_services, TEXT, purchased_services),
  F (KtContract, contract_sum, MONEY, contract_sum),
  F (KtContract, annual_cost, MONEY, annual_cost),
  E (KtContract, payment_model, PAYMENT_MODEL, payment_model),
  E (KtContract, payment_frequency, PAYMENT_FREQUENCY, payment_frequency),
  E (KtContract, price_index, PRICE_INDEX, price_index),
  F (KtContract, price_regulation_date, DATE, price_regulation_date),
  F (KtContract, signed_date, DATE, signed_date),
  F (KtContract, start_date, DATE, start_date),
  F (KtContract, irrevocable_until, DATE, irrevocable_until),
  F (KtContract, end_date, DATE, end_date),
  F (KtContract, running, BOOL, running),
  F (KtContract, notice_months, UINT, notice_months),
  E (KtContract, notice_rule, NOTICE_RULE, notice_rule),
  F (KtContract, option_count, UINT, option_count),
  F (KtContract, option_months, UINT, option_months),
  F (KtContract, options_used, UINT, options_used),
  F (KtContract, personal_data, BOOL, personal_data),
  F (KtContract, exit_notes, TEXT, exit_notes),
  F (KtContract, learning_points, TEXT, learning_points),
  F (KtContract, notes, TEXT, notes),
};

static const KtField supplier_fields[] = {
  F (KtSupplier, name, TEXT, name),
  F (KtSupplier, cvr, TEXT, cvr),
  F (KtSupplier, address, TEXT, address),
  F (KtSupplier, postal_code, TEXT, postal_code),
  F (KtSupplier, city, TEXT, city),
  F (KtSupplier, notes, TEXT, notes),
};

static const KtField person_fields[] = {
  F (KtPerson, name, TEXT, name),
  F (KtPerson, email, TEXT, email),
  F (KtPerson, org_unit_id, ID, org_unit_id),
  F (KtPerson, roles, UINT, roles),
};

static const KtField org_unit_fields[] = {
  F (KtOrgUnit, name, TEXT, name),
  E (KtOrgUnit, kind, ORG_UNIT_KIND, kind),
  F (KtOrgUnit, parent_id, ID, parent_id),
};

#undef F
#undef E

KtEntity kt_contract_entity = {
  .entity = "contract",
  .table = "contracts",
  .fields = contract_fields,
  .n_fields = G_N_ELEMENTS (contract_fields),
  .id_offset = offsetof (KtContract, id),
  .version_offset = offsetof (KtContract, version),
  .changed_by_offset = offsetof (KtContract, changed_by),
  .changed_at_offset = offsetof (KtContract, changed_at),
  .soft_delete = TRUE,
  .new_record = (gpointer (*) (void)) kt_contract_new,
  .free_record = (void (*) (gpointer)) kt_contract_free,
};

KtEntity kt_supplier_entity = {
  .entity = "supplier",
  .table = "suppliers",
  .fields = supplier_fields,
  .n_fields = G_N_ELEMENTS (supplier_fields),
  .id_offset = offsetof (KtSupplier, id),
  .version_offset = offsetof (KtSupplier, version),
  .changed_by_offset = offsetof (KtSupplier, changed_by),
  .changed_at_offset = offsetof (KtSupplier, changed_at),
  .new_record = (gpointer (*) (void)) kt_supplier_new,
  .free_record = (void (*) (gpointer)) kt_supplier_free,
};

KtEntity kt_person_entity = {
  .entity = "person",
  .table = "people",
  .fields = person_fields,
  .n_fields = G_N_ELEMENTS (person_fields),
  .id_offset = offsetof (KtPerson, id),
  .version_offset = offsetof (KtPerson, version),
  .changed_by_offset = -1,
  .changed_at_offset = -1,
  .new_record = (gpointer (*) (void)) kt_person_new,
  .free_record = (void (*) (gpointer)) kt_person_free,
};

KtEntity kt_org_unit_entity = {
  .entity = "org_unit",
  .table = "org_units",
  .fields = org_unit_fields,
  .n_fields = G_N_ELEMENTS (org_unit_fields),
  .id_offset = offsetof (KtOrgUnit, id),
  .version_offset = offsetof (KtOrgUnit, version),
  .changed_by_offset = -1,
  .changed_at_offset = -1,
  .new_record = (gpointer (*) (void)) kt_org_unit_new,
  .free_record = (void (*) (gpointer)) kt_org_unit_free,
};

#define MEMBER(record, offset, type) ((type *) ((guint8 *) (record) + (offset)))
#define CMEMBER(record, offset, type) ((const type *) ((const guint8 *) (record) + (offset)))

char *
kt_entity_columns (const KtEntity *entity,
                   const char     *prefix)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    g_string_append_printf (s, "%s%s%s", i > 0 ? ", " : "", prefix, entity->fields[i].column);

  return g_string_free (s, FALSE);
}

const KtEntity *
kt_entity_get (KtEntity *entity)
{
  if (g_once_init_enter (&entity->built))
    {
      g_autofree char *columns = kt_entity_columns (entity, "");
      const char *live = entity->soft_delete ? " AND deleted_at IS NULL" : "";
      guint n = entity->n_fields;
      GString *params = g_string_new (NULL);
      GString *sets = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        {
          g_string_append_printf (params, "?%u, ", i + 1);
          g_string_append_printf (sets, "%s = ?%u, ", entity->fields[i].column, i + 1);
        }

      entity->select_sql =
        g_strdup_printf ("SELECT id, version, changed_by, changed_at, %s FROM %s "
                         "WHERE id = ?1%s", columns, entity->table, live);
      /* version starts at 1: the literal after the field parameters. */
      entity->insert_sql =
        g_strdup_printf ("INSERT INTO %s (%s, version, changed_by, changed_at) "
                         "VALUES (%s1, ?%u, ?%u)",
                         entity->table, columns, params->str, n + 1, n + 2);
      entity->update_sql =
        g_strdup_printf ("UPDATE %s SET %sversion = version + 1, changed_by = ?%u, "
                         "changed_at = ?%u WHERE id = ?%u AND version = ?%u%s",
                         entity->table, sets->str, n + 1, n + 2, n + 3, n + 4, live);

      g_string_free (params, TRUE);
      g_string_free (sets, TRUE);

      g_once_init_leave (&entity->built, 1);
    }

  return entity;
}

static void
bind_field (const KtField *field,
            sqlite3_stmt  *stmt,
            int            param,
            gconstpointer  record)
{
  switch (field->type)
    {
    case KT_FIELD_TEXT:
      {
        const char *text = *CMEMBER (record, field->offset, char *);
        if (text == NULL || *text == '\0')
          sqlite3_bind_null (stmt, param);
        else
          sqlite3_bind_text (stmt, param, text, -1, SQLITE_STATIC);
      }
      break;

    case KT_FIELD_UINT:
      sqlite3_bind_int64 (stmt, param, *CMEMBER (record, field->offset, guint));
      break;

    case KT_FIELD_ID:
      {
        gint64 id = *CMEMBER (record, field->offset, gint64);
        if (id <= 0)
          sqlite3_bind_null (stmt, param);
        else
          sqlite3_bind_int64 (stmt, param, id);
      }
      break;

    case KT_FIELD_MONEY:
      {
        gint64 ore = *CMEMBER (record, field->offset, gint64);
        if (ore == KT_MONEY_NONE)
          sqlite3_bind_null (stmt, param);
        else
          sqlite3_bind_int64 (stmt, param, ore);
      }
      break;

    case KT_FIELD_BOOL:
      sqlite3_bind_int (stmt, param, *CMEMBER (record, field->offset, gboolean) ? 1 : 0);
      break;

    case KT_FIELD_DATE:
      {
        char *iso = kt_date_to_iso (CMEMBER (record, field->offset, GDate));
        if (iso == NULL)
          sqlite3_bind_null (stmt, param);
        else
          sqlite3_bind_text (stmt, param, iso, -1, g_free);
      }
      break;

    case KT_FIELD_ENUM:
      {
        /* Out of range gives NULL, which the NOT NULL constraint refuses. */
        const char *code = kt_enum_code (field->enum_kind,
                                         *CMEMBER (record, field->offset, int));
        sqlite3_bind_text (stmt, param, code, -1, SQLITE_STATIC);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

int
kt_fields_bind (const KtEntity *entity,
                sqlite3_stmt   *stmt,
                int             first_param,
                gconstpointer   record)
{
  for (guint i = 0; i < entity->n_fields; i++)
    bind_field (&entity->fields[i], stmt, first_param + i, record);

  return first_param + entity->n_fields;
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  if (text == NULL)
    return NULL;

  return g_strndup (text, sqlite3_column_bytes (stmt, col));
}

static void
read_field (const KtField *field,
            sqlite3_stmt  *stmt,
            int            col,
            gpointer       record)
{
  gboolean is_null = sqlite3_column_type (stmt, col) == SQLITE_NULL;

  switch (field->type)
    {
    case KT_FIELD_TEXT:
      {
        char **text = MEMBER (record, field->offset, char *);
        g_free (*text);
        *text = column_strdup (stmt, col);
      }
      break;

    case KT_FIELD_UINT:
      *MEMBER (record, field->offset, guint) =
        (guint) CLAMP (sqlite3_column_int64 (stmt, col), 0, G_MAXUINT);
      break;

    case KT_FIELD_ID:
      *MEMBER (record, field->offset, gint64) = is_null ? 0 : sqlite3_column_int64 (stmt, col);
      break;

    case KT_FIELD_MONEY:
      *MEMBER (record, field->offset, gint64) =
        is_null ? KT_MONEY_NONE : sqlite3_column_int64 (stmt, col);
      break;

    case KT_FIELD_BOOL:
      *MEMBER (record, field->offset, gboolean) = sqlite3_column_int (stmt, col) != 0;
      break;

    case KT_FIELD_DATE:
      /* Clears the date for NULL (and for anything malformed). */
      kt_date_from_iso ((const char *) sqlite3_column_text (stmt, col),
                        MEMBER (record, field->offset, GDate));
      break;

    case KT_FIELD_ENUM:
      {
        int value = 0;

        /* The CHECK constraints keep unknown codes out of files of this
         * schema; a newer file (open read-only) may hold codes we do not
         * know, shown as the first value rather than refusing the file. */
        if (!kt_enum_from_code (field->enum_kind,
                                (const char *) sqlite3_column_text (stmt, col), &value))
          g_debug ("Unknown code for %s: %s", field->column,
                   (const char *) sqlite3_column_text (stmt, col));
        *MEMBER (record, field->offset, int) = value;
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

int
kt_fields_read (const KtEntity *entity,
                sqlite3_stmt   *stmt,
                int             first_col,
                gpointer        record)
{
  for (guint i = 0; i < entity->n_fields; i++)
    read_field (&entity->fields[i], stmt, first_col + i, record);

  return first_col + entity->n_fields;
}

int
kt_entity_read_row (const KtEntity *entity,
                    sqlite3_stmt   *stmt,
                    gpointer        record)
{
  *MEMBER (record, entity->id_offset, gint64) = sqlite3_column_int64 (stmt, 0);
  *MEMBER (record, entity->version_offset, gint64) = sqlite3_column_int64 (stmt, 1);

  if (entity->changed_by_offset >= 0)
    {
      char **by = MEMBER (record, entity->changed_by_offset, char *);
      g_free (*by);
      *by = column_strdup (stmt, 2);
    }
  if (entity->changed_at_offset >= 0)
    {
      char **at = MEMBER (record, entity->changed_at_offset, char *);
      g_free (*at);
      *at = column_strdup (stmt, 3);
    }

  return kt_fields_read (entity, stmt, 4, record);
}

gboolean
kt_fields_check (const KtEntity  *entity,
                 gconstpointer    record,
                 GError         **error)
{
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const KtField *field = &entity->fields[i];

      if (field->type == KT_FIELD_ENUM &&
          kt_enum_code (field->enum_kind, *CMEMBER (record, field->offset, int)) == NULL)
        {
          g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                       _("The value of “%s” is not valid."), field->column);
          return FALSE;
        }
    }

  return TRUE;
}

char *
kt_field_to_text (const KtField *field,
                  gconstpointer  record)
{
  switch (field->type)
    {
    case KT_FIELD_TEXT:
      {
        const char *text = *CMEMBER (record, field->offset, char *);
        return (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
      }

    case KT_FIELD_UINT:
      return g_strdup_printf ("%u", *CMEMBER (record, field->offset, guint));

    case KT_FIELD_ID:
      {
        gint64 id = *CMEMBER (record, field->offset, gint64);
        return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
      }

    case KT_FIELD_MONEY:
      {
        gint64 ore = *CMEMBER (record, field->offset, gint64);
        return ore != KT_MONEY_NONE ? g_strdup_printf ("%" G_GINT64_FORMAT, ore) : NULL;
      }

    case KT_FIELD_BOOL:
      return g_strdup (*CMEMBER (record, field->offset, gboolean) ? "1" : "0");

    case KT_FIELD_DATE:
      return kt_date_to_iso (CMEMBER (record, field->offset, GDate));

    case KT_FIELD_ENUM:
      return g_strdup (kt_enum_code (field->enum_kind, *CMEMBER (record, field->offset, int)));

    default:
      g_assert_not_reached ();
    }
}

void
kt_field_change_free (KtFieldChange *change)
{
  if (change == NULL)
    return;

  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

GPtrArray *
kt_fields_diff (const KtEntity *entity,
                gconstpointer   old_record,
                gconstpointer   new_record)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_field_change_free);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const KtField *field = &entity->fields[i];
      g_autofree char *old_value = kt_field_to_text (field, old_record);
      g_autofree char *new_value = kt_field_to_text (field, new_record);

      if (g_strcmp0 (old_value, new_value) != 0)
        {
          KtFieldChange *change = g_new0 (KtFieldChange, 1);

          change->field = field->column;
          change->old_value = g_steal_pointer (&old_value);
          change->new_value = g_steal_pointer (&new_value);
          g_ptr_array_add (changes, change);
        }
    }

  return changes;
}
