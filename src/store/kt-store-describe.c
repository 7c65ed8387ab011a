/* kt-store-describe.c — the audit trail as people read it
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trail stores values as the file holds them (ISO dates, øre, codes,
 * row ids), so that it stays exact whatever language reads it. Here they
 * become what the forms show: the form's own labels (the same strings, so
 * one translation serves both), dates and amounts in the user's style,
 * codes as their labels and ids as the names they stand for.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n.h>

#include "kt-format.h"
#include "kt-store-private.h"

typedef enum {
  VALUE_TEXT,
  VALUE_NUMBER,
  VALUE_MONEY,
  VALUE_BOOL,
  VALUE_DATE,
  VALUE_ENUM,
  VALUE_ROLES,      /* a bit mask of KtRole */
  VALUE_SUPPLIER,   /* row ids */
  VALUE_PERSON,
  VALUE_ORG_UNIT,
  VALUE_CONTRACT,
  VALUE_DOCUMENT,   /* kt_store_document_audit_value () */
} ValueKind;

typedef struct {
  const char *field;
  const char *label;
  ValueKind   kind;
  KtEnumKind  enum_kind;
} FieldInfo;

#define T(field, label)        { field, label, VALUE_TEXT, 0 }
#define V(field, label, kind)  { field, label, VALUE_##kind, 0 }
#define E(field, label, kind)  { field, label, VALUE_ENUM, KT_ENUM_##kind }

/* The titles of the rows in kt-contract-form.ui. */
static const FieldInfo contract_fields[] = {
  T ("number", N_("Contract Number")),
  T ("name", N_("Name")),
  E ("type", N_("Type"), CONTRACT_TYPE),
  V ("parent_id", N_("Main Contract"), CONTRACT),
  E ("template_kind", N_("Template"), TEMPLATE),
  E ("status", N_("Status"), STATUS),
  V ("supplier_id", N_("Supplier"), SUPPLIER),
  V ("system_owner_id", N_("System Owner"), PERSON),
  V ("administrator_id", N_("Administrator"), PERSON),
  V ("org_unit_id", N_("Department or Centre"), ORG_UNIT),
  E ("category", N_("Category"), CATEGORY),
  E ("procurement_form", N_("Procurement Form"), PROCUREMENT_FORM),
  E ("criticality", N_("Criticality"), CRITICALITY),
  T ("purchased_services", N_("Purchased Services")),
  V ("contract_sum", N_("Contract Sum"), MONEY),
  V ("annual_cost", N_("Annual Operating Cost"), MONEY),
  E ("payment_model", N_("Payment Model"), PAYMENT_MODEL),
  E ("payment_frequency", N_("Payment Frequency"), PAYMENT_FREQUENCY),
  E ("price_index", N_("Price Regulation Index"), PRICE_INDEX),
  V ("price_regulation_date", N_("Price Regulation Date"), DATE),
  V ("signed_date", N_("Signed"), DATE),
  V ("start_date", N_("Start Date"), DATE),
  V ("irrevocable_until", N_("Irrevocable Until"), DATE),
  V ("end_date", N_("End Date"), DATE),
  V ("running", N_("Running"), BOOL),
  V ("notice_months", N_("Notice Period in Months"), NUMBER),
  E ("notice_rule", N_("Notice Takes Effect At"), NOTICE_RULE),
  V ("option_count", N_("Number of Options"), NUMBER),
  V ("option_months", N_("Length of One Option in Months"), NUMBER),
  V ("options_used", N_("Options Used"), NUMBER),
  V ("personal_data", N_("Processes Personal Data"), BOOL),
  T ("exit_notes", N_("Exit and Handover")),
  T ("learning_points", N_("Learning Points")),
  T ("notes", N_("Notes")),
  /* Audited on their contract (kt-store.h). */
  V ("document", N_("Document"), DOCUMENT),
  T ("clause", N_("Clause")),
};

/* kt-supplier-editor.ui; the placement by hand from the matrix. */
static const FieldInfo supplier_fields[] = {
  T ("name", N_("Name")),
  T ("cvr", N_("CVR Number")),
  T ("address", N_("Address")),
  T ("postal_code", N_("Postal Code")),
  T ("city", N_("City")),
  T ("notes", N_("Notes")),
  T ("contacts", N_("Contact Persons")),
  V ("importance_override", N_("Importance Placed by Hand"), NUMBER),
  V ("risk_override", N_("Risk Placed by Hand"), NUMBER),
  T ("override_reason", N_("Reason for Placing by Hand")),
};

/* kt-activity-editor.ui */
static const FieldInfo activity_fields[] = {
  V ("contract_id", N_("Contract"), CONTRACT),
  E ("type", N_("Type"), ACTIVITY_TYPE),
  V ("deadline", N_("Deadline"), DATE),
  T ("description", N_("Description")),
  T ("clause_ref", N_("Clause in the Contract")),
  V ("responsible_id", N_("Responsible"), PERSON),
  E ("status", N_("Status"), ACTIVITY_STATUS),
  V ("done_date", N_("Done On"), DATE),
  T ("done_by", N_("Done By")),
  E ("recurrence", N_("Repeats"), RECURRENCE),
  V ("recurrence_until", N_("Repeats Until"), DATE),
  V ("done_through", N_("Done Up To"), DATE),
  T ("notes", N_("Notes")),
};

static const FieldInfo person_fields[] = {
  T ("name", N_("Name")),
  T ("email", N_("E-mail")),
  V ("org_unit_id", N_("Department or Centre"), ORG_UNIT),
  V ("roles", N_("Roles"), ROLES),
};

static const FieldInfo org_unit_fields[] = {
  T ("name", N_("Name")),
  E ("kind", N_("Kind"), ORG_UNIT_KIND),
  V ("parent_id", N_("Part Of"), ORG_UNIT),
};

/* Both settings rows (deadline terms id 1, matrix id 2) have distinct
 * column names; the lead times (lead_months_<form>) are named below.
 * kt-preferences-window.ui */
static const FieldInfo settings_fields[] = {
  V ("decision_buffer_days", N_("Days to Decide"), NUMBER),
  V ("importance_threshold", N_("Importance Threshold"), NUMBER),
  V ("risk_threshold", N_("Risk Threshold"), NUMBER),
  V ("full_spend", N_("Full Annual Spend"), MONEY),
  V ("long_notice_months", N_("Long Notice"), NUMBER),
};

#undef T
#undef V
#undef E

typedef struct {
  const char      *entity;
  const FieldInfo *fields;
  guint            n_fields;
} EntityInfo;

static const EntityInfo entities[] = {
  { "contract", contract_fields, G_N_ELEMENTS (contract_fields) },
  { "supplier", supplier_fields, G_N_ELEMENTS (supplier_fields) },
  { "activity", activity_fields, G_N_ELEMENTS (activity_fields) },
  { "person", person_fields, G_N_ELEMENTS (person_fields) },
  { "org_unit", org_unit_fields, G_N_ELEMENTS (org_unit_fields) },
  { "settings", settings_fields, G_N_ELEMENTS (settings_fields) },
};

#define LEAD_PREFIX "lead_months_"

static const FieldInfo *
field_info (const char *entity,
            const char *field)
{
  if (entity == NULL || field == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      if (!g_str_equal (entities[i].entity, entity))
        continue;

      for (guint j = 0; j < entities[i].n_fields; j++)
        if (g_str_equal (entities[i].fields[j].field, field))
          return &entities[i].fields[j];

      return NULL;
    }

  return NULL;
}

/* The procurement form of a lead time column, or -1. */
static int
lead_time_form (const char *entity,
                const char *field)
{
  int form = -1;

  if (g_strcmp0 (entity, "settings") != 0 || field == NULL ||
      !g_str_has_prefix (field, LEAD_PREFIX) ||
      !kt_enum_from_code (KT_ENUM_PROCUREMENT_FORM, field + strlen (LEAD_PREFIX), &form))
    return -1;

  return form;
}

char *
kt_store_field_label (const char *entity,
                      const char *field)
{
  const FieldInfo *info = field_info (entity, field);
  int form;

  if (info != NULL)
    return g_strdup (_(info->label));

  form = lead_time_form (entity, field);
  if (form >= 0)
    /* Translators: a re-procurement lead time in the settings' history,
     * "Lead Time: SKI framework agreement" */
    return g_strdup_printf (_("Lead Time: %s"), kt_enum_label (KT_ENUM_PROCUREMENT_FORM, form));

  return NULL;
}

/* ---- the describer: values with names looked up once per call ---- */

struct _KtAuditDescriber
{
  KtStore    *store;
  GHashTable *names;   /* "supplier:12" → name, or NULL when there is none */
};

KtAuditDescriber *
kt_audit_describer_new (KtStore *self)
{
  KtAuditDescriber *describer = g_new0 (KtAuditDescriber, 1);

  describer->store = g_object_ref (self);
  describer->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return describer;
}

void
kt_audit_describer_free (KtAuditDescriber *describer)
{
  if (describer == NULL)
    return;

  g_clear_object (&describer->store);
  g_clear_pointer (&describer->names, g_hash_table_unref);
  g_free (describer);
}

/* The first column of @sql's row, the second appended after a space. */
static char *
query_name (KtStore     *self,
            const char  *sql,
            gint64       id)
{
  g_autoptr(KtStmt) stmt = kt_store_prepare (self, sql, NULL);
  const char *first, *second;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  first = (const char *) sqlite3_column_text (stmt, 0);
  second = sqlite3_column_count (stmt) > 1 ? (const char *) sqlite3_column_text (stmt, 1) : NULL;

  if (first == NULL || *first == '\0')
    return g_strdup (second);
  if (second == NULL || *second == '\0')
    return g_strdup (first);

  return g_strdup_printf ("%s %s", first, second);
}

/* What a row id stands for; NULL when the row cannot be found. */
static const char *
lookup_name (KtAuditDescriber *describer,
             const char       *kind,
             gint64            id)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
  char *name = NULL;

  if (g_hash_table_lookup_extended (describer->names, key, NULL, (gpointer *) &name))
    return name;

  if (g_str_equal (kind, "supplier"))
    {
      name = query_name (describer->store, "SELECT name FROM suppliers WHERE id = ?1", id);
      /* Suppliers are deleted for good; their delete row keeps the name. */
      if (name == NULL)
        name = query_name (describer->store,
                           "SELECT old_value FROM audit_log WHERE entity = 'supplier' "
                           "AND entity_id = ?1 AND action = 'delete' ORDER BY id DESC LIMIT 1",
                           id);
    }
  else if (g_str_equal (kind, "person"))
    name = query_name (describer->store, "SELECT name FROM people WHERE id = ?1", id);
  else if (g_str_equal (kind, "org_unit"))
    name = query_name (describer->store, "SELECT name FROM org_units WHERE id = ?1", id);
  else if (g_str_equal (kind, "contract"))
    name = query_name (describer->store, "SELECT number, name FROM contracts WHERE id = ?1", id);
  else if (g_str_equal (kind, "activity"))
    name = query_name (describer->store, "SELECT description FROM activities WHERE id = ?1", id);
  else
    g_assert_not_reached ();

  g_hash_table_insert (describer->names, g_steal_pointer (&key), name);

  return name;
}

static char *
describe_id (KtAuditDescriber *describer,
             const char       *kind,
             const char       *value)
{
  gint64 id = 0;
  const char *name;

  if (!g_ascii_string_to_signed (value, 10, 1, G_MAXINT64, &id, NULL))
    return g_strdup (value);

  name = lookup_name (describer, kind, id);
  if (name == NULL)
    /* Translators: a reference to a row that no longer exists, "unknown (no. 12)" */
    return g_strdup_printf (_("unknown (no. %s)"), value);

  return g_strdup (name);
}

static char *
describe_roles (const char *value)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint64 mask = 0;

  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &mask, NULL))
    return g_strdup (value);

  for (guint role = 0; role < kt_enum_count (KT_ENUM_ROLE); role++)
    if (mask & (G_GUINT64_CONSTANT (1) << role))
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "",
                              kt_enum_label (KT_ENUM_ROLE, role));

  return g_strdup (text->str);
}

/* "Kontrakt.pdf (sha256 0123456789ab…, signed_contract): note" → the kind
 * as its label; the short hash stays, it tells two versions apart. */
static char *
describe_document (const char *value)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *code = NULL;
  g_autofree char *note = NULL;
  int kind = 0;

  regex = g_regex_new ("^(.*) \\(sha256 ([0-9a-f]*)…, ([a-z_]+)\\)(?:: (.*))?$",
                       G_REGEX_DOTALL, 0, NULL);
  if (!g_regex_match (regex, value, 0, &match))
    return g_strdup (value);

  name = g_match_info_fetch (match, 1);
  hash = g_match_info_fetch (match, 2);
  code = g_match_info_fetch (match, 3);
  note = g_match_info_fetch (match, 4);

  if (!kt_enum_from_code (KT_ENUM_DOCUMENT_KIND, code, &kind))
    return g_strdup (value);

  if (note != NULL && *note != '\0')
    /* Translators: a document in the history: "Kontrakt.pdf (Signed contract, file 0123456789ab…): note" */
    return g_strdup_printf (_("%s (%s, file %s…): %s"), name,
                            kt_enum_label (KT_ENUM_DOCUMENT_KIND, kind), hash, note);

  return g_strdup_printf (_("%s (%s, file %s…)"), name,
                          kt_enum_label (KT_ENUM_DOCUMENT_KIND, kind), hash);
}

char *
kt_audit_describer_value (KtAuditDescriber *describer,
                          const char       *entity,
                          const char       *field,
                          const char       *value)
{
  const FieldInfo *info;
  gint64 number = 0;
  int code = 0;

  if (value == NULL || *value == '\0')
    return g_strdup ("");

  info = field_info (entity, field);
  if (info == NULL)
    return g_strdup (value);

  switch (info->kind)
    {
    case VALUE_TEXT:
    case VALUE_NUMBER:
      return g_strdup (value);

    case VALUE_MONEY:
      if (!g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL))
        return g_strdup (value);
      return kt_format_money (number);

    case VALUE_BOOL:
      if (g_str_equal (value, "1"))
        return g_strdup (_("Yes"));
      if (g_str_equal (value, "0"))
        return g_strdup (_("No"));
      return g_strdup (value);

    case VALUE_DATE:
      {
        GDate date;

        if (!kt_date_from_iso (value, &date))
          return g_strdup (value);
        return kt_format_date (&date);
      }

    case VALUE_ENUM:
      if (!kt_enum_from_code (info->enum_kind, value, &code))
        return g_strdup (value);
      return g_strdup (kt_enum_label (info->enum_kind, code));

    case VALUE_ROLES:
      return describe_roles (value);

    case VALUE_SUPPLIER:
      return describe_id (describer, "supplier", value);
    case VALUE_PERSON:
      return describe_id (describer, "person", value);
    case VALUE_ORG_UNIT:
      return describe_id (describer, "org_unit", value);
    case VALUE_CONTRACT:
      return describe_id (describer, "contract", value);

    case VALUE_DOCUMENT:
      return describe_document (value);

    default:
      g_assert_not_reached ();
    }
}

void
kt_audit_describer_entry (KtAuditDescriber *describer,
                          KtAuditEntry     *entry)
{
  g_autofree char *label = kt_store_field_label (entry->entity, entry->field);

  g_free (entry->field_label);
  if (label != NULL)
    entry->field_label = g_steal_pointer (&label);
  else
    entry->field_label = g_strdup (entry->field != NULL ? entry->field : "");

  g_free (entry->old_text);
  g_free (entry->new_text);

  /* Insert, delete and restore rows (no field) name the row as text. */
  if (entry->field == NULL)
    {
      entry->old_text = g_strdup (entry->old_value != NULL ? entry->old_value : "");
      entry->new_text = g_strdup (entry->new_value != NULL ? entry->new_value : "");
      return;
    }

  entry->old_text = kt_audit_describer_value (describer, entry->entity, entry->field, entry->old_value);
  entry->new_text = kt_audit_describer_value (describer, entry->entity, entry->field, entry->new_value);
}

void
kt_store_describe_audit_entry (KtStore      *self,
                               KtAuditEntry *entry)
{
  g_autoptr(KtAuditDescriber) describer = NULL;

  g_return_if_fail (KT_IS_STORE (self));
  g_return_if_fail (entry != NULL);

  describer = kt_audit_describer_new (self);
  kt_audit_describer_entry (describer, entry);
}

/* ---- history ---- */

/* A contract's own rows and those of its activities (documents and
 * clauses are audited on the contract itself). Both halves are range
 * searches in audit_log_entity. */
static const char contract_history_sql[] =
  "SELECT " KT_AUDIT_COLUMNS " FROM audit_log WHERE entity = 'contract' AND entity_id = ?1 "
  "UNION ALL "
  "SELECT " KT_AUDIT_COLUMNS " FROM audit_log WHERE entity = 'activity' AND entity_id IN "
  "(SELECT id FROM activities WHERE contract_id = ?1) "
  "ORDER BY id DESC";

static const char entity_history_sql[] =
  "SELECT " KT_AUDIT_COLUMNS " FROM audit_log WHERE entity = ?2 AND entity_id = ?1 "
  "ORDER BY id DESC";

/* “Activity: Price regulation 2027”, shortened like the activity's label. */
static char *
activity_subject (KtAuditDescriber *describer,
                  gint64            activity_id)
{
  g_autofree char *text = NULL;
  const char *description = lookup_name (describer, "activity", activity_id);

  text = g_strdup (description != NULL ? description : "");
  g_strdelimit (text, "\n\r\t", ' ');
  if (g_utf8_strlen (text, -1) > 60)
    {
      char *cut = g_utf8_offset_to_pointer (text, 59);

      *cut = '\0';
      text = g_strconcat (g_steal_pointer (&text), "…", NULL);
    }

  /* Translators: what a row of a contract's history belongs to */
  return g_strdup_printf (_("Activity: %s"), text);
}

GPtrArray *
kt_store_list_history (KtStore     *self,
                       const char  *entity,
                       gint64       entity_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(KtAuditDescriber) describer = NULL;
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  stmt = kt_store_prepare (self,
                           g_str_equal (entity, "contract") ? contract_history_sql
                                                            : entity_history_sql,
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, entity_id);
  if (!g_str_equal (entity, "contract"))
    sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_audit_entry_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, kt_store_read_audit_entry (stmt));

  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  /* The names are read after the statement is done with: the describer
   * runs statements of its own. */
  kt_stmt_release (g_steal_pointer (&stmt));

  describer = kt_audit_describer_new (self);
  for (guint i = 0; i < entries->len; i++)
    {
      KtAuditEntry *entry = g_ptr_array_index (entries, i);

      kt_audit_describer_entry (describer, entry);
      if (!g_str_equal (entity, "activity") && g_str_equal (entry->entity, "activity"))
        entry->subject = activity_subject (describer, entry->entity_id);
    }

  return g_steal_pointer (&entries);
}
