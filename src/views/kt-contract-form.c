/* kt-contract-form.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-choice-row.h"
#include "kt-contract-form.h"
#include "kt-date-row.h"
#include "kt-deadline.h"
#include "kt-error-row.h"
#include "kt-format.h"
#include "kt-money-row.h"
#include "kt-org-unit.h"
#include "kt-person.h"
#include "kt-spin-row.h"
#include "kt-supplier.h"
#include "kt-validation.h"

struct _KtContractForm
{
  AdwPreferencesPage  parent_instance;

  GtkWidget *identification_group;
  GtkWidget *parties_group;
  GtkWidget *classification_group;
  GtkWidget *economy_group;
  GtkWidget *dates_group;
  GtkWidget *options_group;
  GtkWidget *data_protection_group;
  GtkWidget *exit_group;

  GtkWidget *number_row;
  GtkWidget *name_row;
  GtkWidget *type_row;
  GtkWidget *parent_row;
  GtkWidget *template_row;
  GtkWidget *status_row;
  GtkWidget *supplier_row;
  GtkWidget *system_owner_row;
  GtkWidget *administrator_row;
  GtkWidget *org_unit_row;
  GtkWidget *category_row;
  GtkWidget *procurement_row;
  GtkWidget *criticality_row;
  GtkWidget *services_row;
  GtkWidget *contract_sum_row;
  GtkWidget *annual_cost_row;
  GtkWidget *payment_model_row;
  GtkWidget *payment_frequency_row;
  GtkWidget *price_index_row;
  GtkWidget *price_date_row;
  GtkWidget *signed_row;
  GtkWidget *start_row;
  GtkWidget *irrevocable_row;
  GtkWidget *running_row;
  GtkWidget *running_switch;
  GtkWidget *end_row;
  GtkWidget *notice_months_row;
  GtkWidget *notice_rule_row;
  GtkWidget *last_notice_row;
  GtkWidget *last_notice_label;
  GtkWidget *option_count_row;
  GtkWidget *option_months_row;
  GtkWidget *options_used_row;
  GtkWidget *personal_data_row;
  GtkWidget *personal_data_switch;
  GtkWidget *dpa_warning_row;
  GtkWidget *exit_view;
  GtkWidget *learning_view;
  GtkWidget *notes_view;
  GtkWidget *changed_label;

  GHashTable *error_rows;   /* field code → KtErrorRow */
  GHashTable *touched;      /* codes of the fields the user edited */
  struct FieldRef {
    KtContractForm *self;
    guint           index;
  }          *refs;         /* one per line of fields[], for the callbacks */
  gboolean    setting;      /* widgets are being filled from a record */
};

G_DEFINE_FINAL_TYPE (KtContractForm, kt_contract_form, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum {
  KIND_TEXT,      /* AdwEntryRow ↔ char * */
  KIND_ENUM,      /* AdwComboRow ↔ enum */
  KIND_CHOICE,    /* KtChoiceRow ↔ gint64 id */
  KIND_MONEY,     /* KtMoneyRow ↔ gint64 øre */
  KIND_DATE,      /* KtDateRow ↔ GDate */
  KIND_COUNT,     /* KtSpinRow ↔ guint */
  KIND_SWITCH,    /* GtkSwitch ↔ gboolean */
  KIND_LONG_TEXT, /* GtkTextView ↔ char * */
} FieldKind;

/* One line per stored field of KtContract, in the order of the form. */
static const struct {
  const char *code;        /* as in KtValidationProblem.field */
  FieldKind   kind;
  const char *widget_id;   /* in the template */
  gsize       widget;      /* offset in KtContractForm */
  gsize       member;      /* offset in KtContract */
  KtEnumKind  enum_kind;
} fields[] = {
#define F(code, kind, widget, member, ek) \
  { code, kind, #widget, G_STRUCT_OFFSET (KtContractForm, widget), \
    G_STRUCT_OFFSET (KtContract, member), ek }
  F ("number", KIND_TEXT, number_row, number, 0),
  F ("name", KIND_TEXT, name_row, name, 0),
  F ("type", KIND_ENUM, type_row, type, KT_ENUM_CONTRACT_TYPE),
  F ("parent_id", KIND_CHOICE, parent_row, parent_id, 0),
  F ("template_kind", KIND_ENUM, template_row, template_kind, KT_ENUM_TEMPLATE),
  F ("status", KIND_ENUM, status_row, status, KT_ENUM_STATUS),
  F ("supplier_id", KIND_CHOICE, supplier_row, supplier_id, 0),
  F ("system_owner_id", KIND_CHOICE, system_owner_row, system_owner_id, 0),
  F ("administrator_id", KIND_CHOICE, administrator_row, administrator_id, 0),
  F ("org_unit_id", KIND_CHOICE, org_unit_row, org_unit_id, 0),
  F ("category", KIND_ENUM, category_row, category, KT_ENUM_CATEGORY),
  F ("procurement_form", KIND_ENUM, procurement_row, procurement_form, KT_ENUM_PROCUREMENT_FORM),
  F ("criticality", KIND_ENUM, criticality_row, criticality, KT_ENUM_CRITICALITY),
  F ("purchased_services", KIND_TEXT, services_row, purchased_services, 0),
  F ("contract_sum", KIND_MONEY, contract_sum_row, contract_sum, 0),
  F ("annual_cost", KIND_MONEY, annual_cost_row, annual_cost, 0),
  F ("payment_model", KIND_ENUM, payment_model_row, payment_model, KT_ENUM_PAYMENT_MODEL),
  F ("payment_frequency", KIND_ENUM, payment_frequency_row, payment_frequency,
     KT_ENUM_PAYMENT_FREQUENCY),
  F ("price_index", KIND_ENUM, price_index_row, price_index, KT_ENUM_PRICE_INDEX),
  F ("price_regulation_date", KIND_DATE, price_date_row, price_regulation_date, 0),
  F ("signed_date", KIND_DATE, signed_row, signed_date, 0),
  F ("start_date", KIND_DATE, start_row, start_date, 0),
  F ("irrevocable_until", KIND_DATE, irrevocable_row, irrevocable_until, 0),
  F ("running", KIND_SWITCH, running_switch, running, 0),
  F ("end_date", KIND_DATE, end_row, end_date, 0),
  F ("notice_months", KIND_COUNT, notice_months_row, notice_months, 0),
  F ("notice_rule", KIND_ENUM, notice_rule_row, notice_rule, KT_ENUM_NOTICE_RULE),
  F ("option_count", KIND_COUNT, option_count_row, option_count, 0),
  F ("option_months", KIND_COUNT, option_months_row, option_months, 0),
  F ("options_used", KIND_COUNT, options_used_row, options_used, 0),
  F ("personal_data", KIND_SWITCH, personal_data_switch, personal_data, 0),
  F ("exit_notes", KIND_LONG_TEXT, exit_view, exit_notes, 0),
  F ("learning_points", KIND_LONG_TEXT, learning_view, learning_points, 0),
  F ("notes", KIND_LONG_TEXT, notes_view, notes, 0),
#undef F
};

#define WIDGET(self, i) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), fields[i].widget))
#define MEMBER(c, i, type) (*(type *) G_STRUCT_MEMBER_P ((c), fields[i].member))

static char *
text_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static char *
text_view_get_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
changed_cb (KtContractForm *self)
{
  if (self->setting)
    return;

  /* A running contract has no end date: the row is hidden rather than
   * emptied, so that switching back brings the typed date back. */
  gtk_widget_set_visible (self->end_row,
                          !gtk_switch_get_active (GTK_SWITCH (self->running_switch)));

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
field_changed_cb (struct FieldRef *ref)
{
  KtContractForm *self = ref->self;

  if (!self->setting)
    g_hash_table_add (self->touched, (gpointer) fields[ref->index].code);

  changed_cb (self);
}

static void
fill_enum_row (GtkWidget  *row,
               KtEnumKind  kind)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < kt_enum_count (kind); i++)
    gtk_string_list_append (labels, kt_enum_label (kind, i));

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
}

static void
connect_field (KtContractForm *self,
               guint           i)
{
  GtkWidget *widget = WIDGET (self, i);
  GtkWidget *row = widget;
  GtkWidget *list;
  KtErrorRow *error_row;

  self->refs[i].self = self;
  self->refs[i].index = i;

  /* Swapped: the callback only needs to know which field changed. */
  switch (fields[i].kind)
    {
    case KIND_TEXT:
    case KIND_MONEY:
    case KIND_DATE:
    case KIND_CHOICE:
    case KIND_COUNT:
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (field_changed_cb), &self->refs[i]);
      break;

    case KIND_ENUM:
      fill_enum_row (widget, fields[i].enum_kind);
      g_signal_connect_swapped (widget, "notify::selected", G_CALLBACK (field_changed_cb),
                                &self->refs[i]);
      break;

    case KIND_SWITCH:
      g_signal_connect_swapped (widget, "notify::active", G_CALLBACK (field_changed_cb),
                                &self->refs[i]);
      row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
      break;

    case KIND_LONG_TEXT:
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                                G_CALLBACK (changed_cb), self);
      return;

    default:
      g_assert_not_reached ();
    }

  /* The message goes into the boxed list right after the field's row. */
  list = gtk_widget_get_parent (row);
  g_return_if_fail (GTK_IS_LIST_BOX (list));
  error_row = kt_error_row_new (row);
  gtk_list_box_insert (GTK_LIST_BOX (list), GTK_WIDGET (error_row),
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  g_hash_table_insert (self->error_rows, (gpointer) fields[i].code, error_row);
}

static void
show_changed_by (KtContractForm   *self,
                 const KtContract *contract)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (contract->changed_by == NULL || contract->changed_at == NULL)
    {
      gtk_widget_set_visible (self->changed_label, FALSE);
      return;
    }

  utc = g_date_time_new_from_iso8601 (contract->changed_at, zone);
  if (utc != NULL)
    {
      GDate day;
      g_autofree char *date = NULL;
      g_autofree char *clock = NULL;

      local = g_date_time_to_local (utc);
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
      date = kt_format_date (&day);
      clock = g_date_time_format (local, "%H:%M");
      /* Translators: a date and a time of day, "26.11.2026 14:05" */
      when = g_strdup_printf (C_("date and time", "%s %s"), date, clock);
    }
  else
    {
      when = g_strdup (contract->changed_at);
    }

  /* Translators: %s are "user@host" and a date and time */
  text = g_strdup_printf (_("Last changed by %s at %s"), contract->changed_by, when);
  gtk_label_set_text (GTK_LABEL (self->changed_label), text);
  gtk_widget_set_visible (self->changed_label, TRUE);
}

static void
kt_contract_form_dispose (GObject *object)
{
  KtContractForm *self = KT_CONTRACT_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_CONTRACT_FORM);
  g_clear_pointer (&self->error_rows, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->refs, g_free);

  G_OBJECT_CLASS (kt_contract_form_parent_class)->dispose (object);
}

static void
kt_contract_form_class_init (KtContractFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_contract_form_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (KT_TYPE_CHOICE_ROW);
  g_type_ensure (KT_TYPE_DATE_ROW);
  g_type_ensure (KT_TYPE_MONEY_ROW);
  g_type_ensure (KT_TYPE_SPIN_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-contract-form.ui");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_class_bind_template_child_full (widget_class, fields[i].widget_id, FALSE,
                                               fields[i].widget);

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, KtContractForm, name)
  BIND (identification_group);
  BIND (parties_group);
  BIND (classification_group);
  BIND (economy_group);
  BIND (dates_group);
  BIND (options_group);
  BIND (data_protection_group);
  BIND (exit_group);
  BIND (running_row);
  BIND (last_notice_row);
  BIND (last_notice_label);
  BIND (personal_data_row);
  BIND (dpa_warning_row);
  BIND (changed_label);
#undef BIND
}

static void
kt_contract_form_init (KtContractForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->error_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  self->refs = g_new0 (struct FieldRef, G_N_ELEMENTS (fields));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    connect_field (self, i);

  /* The limits of the portfolio file. */
  kt_spin_row_set_range (KT_SPIN_ROW (self->notice_months_row), 0, 120);
  kt_spin_row_set_range (KT_SPIN_ROW (self->option_count_row), 0, 100);
  kt_spin_row_set_range (KT_SPIN_ROW (self->option_months_row), 0, 600);
  kt_spin_row_set_range (KT_SPIN_ROW (self->options_used_row), 0, 100);
}

GtkWidget *
kt_contract_form_new (void)
{
  return g_object_new (KT_TYPE_CONTRACT_FORM, NULL);
}

static char *
org_unit_label (GPtrArray       *org_units,
                const KtOrgUnit *unit)
{
  for (guint i = 0; unit->parent_id != 0 && i < org_units->len; i++)
    {
      const KtOrgUnit *parent = g_ptr_array_index (org_units, i);

      /* Translators: a centre and the department it belongs to */
      if (parent->id == unit->parent_id)
        return g_strdup_printf (_("%s, %s"), unit->name, parent->name);
    }

  return g_strdup (unit->name);
}

void
kt_contract_form_set_choices (KtContractForm *self,
                              GPtrArray      *contracts,
                              gint64          exclude_id,
                              GPtrArray      *suppliers,
                              GPtrArray      *people,
                              GPtrArray      *org_units)
{
  KtChoiceRow *parent = KT_CHOICE_ROW (self->parent_row);
  KtChoiceRow *supplier = KT_CHOICE_ROW (self->supplier_row);
  KtChoiceRow *owner = KT_CHOICE_ROW (self->system_owner_row);
  KtChoiceRow *administrator = KT_CHOICE_ROW (self->administrator_row);
  KtChoiceRow *org_unit = KT_CHOICE_ROW (self->org_unit_row);

  g_return_if_fail (KT_IS_CONTRACT_FORM (self));

  self->setting = TRUE;

  kt_choice_row_clear (parent);
  for (guint i = 0; contracts != NULL && i < contracts->len; i++)
    {
      const KtContract *c = g_ptr_array_index (contracts, i);
      g_autofree char *label = NULL;

      if (c->id == exclude_id)
        continue;

      /* Translators: a contract in a list: its number and its name */
      label = g_strdup_printf (_("%s – %s"), c->number, c->name);
      kt_choice_row_append (parent, c->id, label);
    }

  kt_choice_row_clear (supplier);
  for (guint i = 0; suppliers != NULL && i < suppliers->len; i++)
    {
      const KtSupplier *s = g_ptr_array_index (suppliers, i);

      kt_choice_row_append (supplier, s->id, s->name);
    }

  kt_choice_row_clear (owner);
  kt_choice_row_clear (administrator);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const KtPerson *p = g_ptr_array_index (people, i);

      kt_choice_row_append (owner, p->id, p->name);
      kt_choice_row_append (administrator, p->id, p->name);
    }

  kt_choice_row_clear (org_unit);
  for (guint i = 0; org_units != NULL && i < org_units->len; i++)
    {
      const KtOrgUnit *u = g_ptr_array_index (org_units, i);
      g_autofree char *label = org_unit_label (org_units, u);

      kt_choice_row_append (org_unit, u->id, label);
    }

  self->setting = FALSE;
}

void
kt_contract_form_set_contract (KtContractForm   *self,
                               const KtContract *contract)
{
  g_return_if_fail (KT_IS_CONTRACT_FORM (self));
  g_return_if_fail (contract != NULL);

  self->setting = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = WIDGET (self, i);

      switch (fields[i].kind)
        {
        case KIND_TEXT:
          {
            const char *text = MEMBER (contract, i, char *);
            gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
          }
          break;

        case KIND_ENUM:
          adw_combo_row_set_selected (ADW_COMBO_ROW (widget), MEMBER (contract, i, int));
          break;

        case KIND_CHOICE:
          kt_choice_row_set_selected_id (KT_CHOICE_ROW (widget), MEMBER (contract, i, gint64));
          break;

        case KIND_MONEY:
          kt_money_row_set_amount (KT_MONEY_ROW (widget), MEMBER (contract, i, gint64));
          break;

        case KIND_DATE:
          kt_date_row_set_date (KT_DATE_ROW (widget), &MEMBER (contract, i, GDate));
          break;

        case KIND_COUNT:
          kt_spin_row_set_value (KT_SPIN_ROW (widget), MEMBER (contract, i, guint));
          break;

        case KIND_SWITCH:
          gtk_switch_set_active (GTK_SWITCH (widget), MEMBER (contract, i, gboolean));
          break;

        case KIND_LONG_TEXT:
          {
            const char *text = MEMBER (contract, i, char *);
            gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                                      text != NULL ? text : "", -1);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  gtk_widget_set_visible (self->end_row, !contract->running);
  show_changed_by (self, contract);
  g_hash_table_remove_all (self->touched);

  self->setting = FALSE;
}

KtContract *
kt_contract_form_get_contract (KtContractForm   *self,
                               const KtContract *base,
                               GPtrArray        *problems)
{
  KtContract *c;

  g_return_val_if_fail (KT_IS_CONTRACT_FORM (self), NULL);
  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  c = kt_contract_copy (base);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = WIDGET (self, i);
      g_autoptr(GError) error = NULL;

      switch (fields[i].kind)
        {
        case KIND_TEXT:
          g_free (MEMBER (c, i, char *));
          MEMBER (c, i, char *) = text_or_null (gtk_editable_get_text (GTK_EDITABLE (widget)));
          break;

        case KIND_ENUM:
          MEMBER (c, i, int) = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));
          break;

        case KIND_CHOICE:
          MEMBER (c, i, gint64) = kt_choice_row_get_selected_id (KT_CHOICE_ROW (widget));
          break;

        case KIND_MONEY:
          {
            gint64 ore;

            if (kt_money_row_get_amount (KT_MONEY_ROW (widget), &ore, &error))
              MEMBER (c, i, gint64) = ore;
            else
              g_ptr_array_add (problems,
                               kt_validation_problem_new (fields[i].code, error->message));
          }
          break;

        case KIND_DATE:
          {
            GDate date;

            /* Hidden while running; what it holds is kept for switching back. */
            if (widget == self->end_row &&
                gtk_switch_get_active (GTK_SWITCH (self->running_switch)))
              break;

            if (kt_date_row_get_date (KT_DATE_ROW (widget), &date, &error))
              MEMBER (c, i, GDate) = date;
            else
              g_ptr_array_add (problems,
                               kt_validation_problem_new (fields[i].code, error->message));
          }
          break;

        case KIND_COUNT:
          MEMBER (c, i, guint) = kt_spin_row_get_value (KT_SPIN_ROW (widget));
          break;

        case KIND_SWITCH:
          MEMBER (c, i, gboolean) = gtk_switch_get_active (GTK_SWITCH (widget));
          break;

        case KIND_LONG_TEXT:
          {
            g_autofree char *text = text_view_get_text (widget);

            g_free (MEMBER (c, i, char *));
            MEMBER (c, i, char *) = text_or_null (text);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (c->running)
    g_date_clear (&c->end_date, 1);

  return c;
}

void
kt_contract_form_show_state (KtContractForm   *self,
                             const KtContract *record,
                             GPtrArray        *problems,
                             gboolean          has_dpa)
{
  GHashTableIter iter;
  gpointer code, row;
  GDate last;

  g_return_if_fail (KT_IS_CONTRACT_FORM (self));

  g_hash_table_iter_init (&iter, self->error_rows);
  while (g_hash_table_iter_next (&iter, &code, &row))
    {
      const char *message = problems != NULL ? kt_validation_find (problems, code) : NULL;

      /* A new contract starts empty: what is still missing is a hint until
       * the user has been to the field. */
      if (record != NULL && record->id == 0 && !g_hash_table_contains (self->touched, code))
        kt_error_row_set_hint (KT_ERROR_ROW (row), message);
      else
        kt_error_row_set_message (KT_ERROR_ROW (row), message);
    }

  if (record == NULL)
    return;

  if (kt_contract_last_notice_day (record, NULL, &last))
    {
      g_autofree char *text = kt_format_date (&last);

      gtk_label_set_text (GTK_LABEL (self->last_notice_label), text);
    }
  else
    {
      /* Translators: the last day to give notice, when there is none */
      gtk_label_set_text (GTK_LABEL (self->last_notice_label), _("None"));
    }

  /* A data processing agreement does not need one of its own. */
  gtk_widget_set_visible (self->dpa_warning_row,
                          record->personal_data && !has_dpa &&
                          record->type != KT_CONTRACT_TYPE_DATA_PROCESSING);
}

void
kt_contract_form_set_editable (KtContractForm *self,
                               gboolean        editable)
{
  GtkWidget *groups[] = {
    self->identification_group, self->parties_group, self->classification_group,
    self->economy_group, self->dates_group, self->options_group,
    self->data_protection_group, self->exit_group,
  };

  g_return_if_fail (KT_IS_CONTRACT_FORM (self));

  /* The groups, not the page: the page must still scroll. */
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_sensitive (groups[i], editable);
}

void
kt_contract_form_focus_first (KtContractForm *self)
{
  g_return_if_fail (KT_IS_CONTRACT_FORM (self));

  gtk_widget_grab_focus (self->number_row);
}

GtkWidget *
kt_contract_form_get_scroller (KtContractForm *self)
{
  GtkWidget *child;

  g_return_val_if_fail (KT_IS_CONTRACT_FORM (self), NULL);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL && !GTK_IS_SCROLLED_WINDOW (child);
       child = gtk_widget_get_first_child (child))
    ;

  return child;
}

GtkAdjustment *
kt_contract_form_get_vadjustment (KtContractForm *self)
{
  GtkWidget *scroller = kt_contract_form_get_scroller (self);

  return scroller != NULL ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))
                          : NULL;
}

void
kt_contract_form_scroll_to_top (KtContractForm *self)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (KT_IS_CONTRACT_FORM (self));

  adjustment = kt_contract_form_get_vadjustment (self);
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}
