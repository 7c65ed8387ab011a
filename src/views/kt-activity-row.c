/* kt-activity-row.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-activity-row.h"
#include "kt-format.h"

static GtkWidget *
tag_new (const char *text,
         const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
row_button (const char *icon,
            const char *label,
            GCallback   callback,
            gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", callback, data);
  return button;
}

static void
add_urgency_tag (GtkWidget *row,
                 KtUrgency  urgency)
{
  if (urgency == KT_URGENCY_OVERDUE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               tag_new (kt_urgency_label (urgency), "error"));
  else if (urgency == KT_URGENCY_WITHIN_30_DAYS)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               tag_new (kt_urgency_label (urgency), "warning"));
}

static GtkWidget *
dated_row_new (const KtDeadlineItem *item,
               KtUrgency             urgency,
               const char           *title,
               const char           *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = kt_format_date (&item->date);
  GtkWidget *date_label = gtk_label_new (date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_label_set_width_chars (GTK_LABEL (date_label), 10);
  gtk_label_set_xalign (GTK_LABEL (date_label), 0.0);
  gtk_widget_add_css_class (date_label, "numeric");
  gtk_widget_add_css_class (date_label, "heading");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), date_label);

  if (urgency == KT_URGENCY_CLOSED)
    gtk_widget_add_css_class (date_label, "dim-label");

  return row;
}

static char *
activity_subtitle (const KtActivity *a)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, g_strdup (kt_enum_label (KT_ENUM_ACTIVITY_TYPE, a->type)));
  if (kt_activity_is_recurring (a))
    {
      if (g_date_valid (&a->recurrence_until))
        {
          g_autofree char *until = kt_format_date (&a->recurrence_until);

          /* Translators: "Every quarter until 31.12.2027" */
          g_ptr_array_add (parts, g_strdup_printf (_("%s until %s"),
                                                   kt_enum_label (KT_ENUM_RECURRENCE,
                                                                  a->recurrence),
                                                   until));
        }
      else
        g_ptr_array_add (parts, g_strdup (kt_enum_label (KT_ENUM_RECURRENCE, a->recurrence)));
    }
  if (a->clause_ref != NULL)
    g_ptr_array_add (parts, g_strdup (a->clause_ref));
  if (a->responsible_name != NULL)
    g_ptr_array_add (parts, g_strdup (a->responsible_name));
  if (a->status == KT_ACTIVITY_STATUS_DONE)
    {
      g_autofree char *when = g_date_valid (&a->done_date) ? kt_format_date (&a->done_date) : NULL;

      if (when != NULL && a->done_by != NULL)
        /* Translators: "Done 12.03.2026 by Jens Hansen" */
        g_ptr_array_add (parts, g_strdup_printf (_("Done %s by %s"), when, a->done_by));
      else if (when != NULL)
        /* Translators: "Done 12.03.2026" */
        g_ptr_array_add (parts, g_strdup_printf (_("Done %s"), when));
    }
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between the details of an activity */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

GtkWidget *
kt_activity_row_new (const KtActivity           *a,
                     const KtDeadlineItem       *item,
                     KtUrgency                   urgency,
                     gboolean                    writable,
                     const KtActivityRowActions *actions)
{
  const char *title = a->description != NULL ? a->description
                      : kt_enum_label (KT_ENUM_ACTIVITY_TYPE, a->type);
  g_autofree char *subtitle = activity_subtitle (a);
  GtkWidget *row = dated_row_new (item, urgency, title, subtitle);
  g_autofree char *label = NULL;

  g_object_set_data_full (G_OBJECT (row), "kt-activity", kt_activity_copy (a),
                          (GDestroyNotify) kt_activity_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_swapped (row, "activated", actions->activated, actions->data);

  add_urgency_tag (row, urgency);
  if (a->status != KT_ACTIVITY_STATUS_OPEN)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               tag_new (kt_enum_label (KT_ENUM_ACTIVITY_STATUS, a->status),
                                        a->status == KT_ACTIVITY_STATUS_DONE ? "success"
                                                                            : "dim-label"));

  if (writable && urgency != KT_URGENCY_CLOSED)
    {
      /* Translators: a button's name for screen readers; %s is the activity */
      label = g_strdup_printf (_("Mark “%s” Done"), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("object-select-symbolic", label,
                                             actions->done, actions->data));
      g_clear_pointer (&label, g_free);
    }

  /* Translators: a button's name for screen readers; %s is the activity */
  label = g_strdup_printf (writable ? _("Edit “%s”") : _("Show “%s”"), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (writable ? "document-edit-symbolic" : "go-next-symbolic",
                                         label, actions->edit, actions->data));
  g_clear_pointer (&label, g_free);

  if (writable)
    {
      /* Translators: a button's name for screen readers; %s is the activity */
      label = g_strdup_printf (_("Delete “%s”"), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button ("user-trash-symbolic", label,
                                             actions->remove, actions->data));
    }

  return row;
}

/* Where a computed deadline comes from, so that nobody tries to change it
 * anywhere but in the contract. */
static const char *
derived_source (KtDerivedKind kind)
{
  switch (kind)
    {
    case KT_DERIVED_LAST_NOTICE_DAY:
      /* Translators: the end of "<explanation> — computed from …" */
      return _("computed from the notice terms");
    case KT_DERIVED_DECISION_DATE:
      return _("computed from the notice terms and the decision buffer in Preferences");
    case KT_DERIVED_OPTION_DEADLINE:
      return _("computed from the end date, the options and the notice period");
    case KT_DERIVED_REPROCUREMENT_START:
      return _("computed from the end date and the lead time of the procurement form in "
               "Preferences");
    case KT_DERIVED_PRICE_REGULATION:
      return _("computed from the price regulation date");
    case KT_DERIVED_EXPIRY:
    default:
      return _("computed from the end date");
    }
}

GtkWidget *
kt_activity_row_new_derived (const KtDeadlineItem *item,
                             KtUrgency             urgency)
{
  const char *source = derived_source (item->derived_kind);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *tag;

  /* Translators: the explanation of a computed deadline, then where it
   * comes from: "Last day to give notice to end … — computed from the
   * notice terms" */
  subtitle = g_strdup_printf (_("%s — %s"), item->description, source);
  row = dated_row_new (item, urgency, kt_enum_label (KT_ENUM_DERIVED_KIND, item->derived_kind),
                       subtitle);

  add_urgency_tag (row, urgency);
  /* Translators: marks a deadline computed from the contract, not typed in */
  tag = tag_new (_("Computed"), "dim-label");
  gtk_widget_set_tooltip_text (tag, _("Computed from the contract’s terms: change the "
                                      "contract to change it"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);

  /* Offset by one: NULL data means "not a computed deadline". */
  g_object_set_data (G_OBJECT (row), "kt-derived-kind", GINT_TO_POINTER (item->derived_kind + 1));

  return row;
}

GtkWidget *
kt_activity_row_new_placeholder (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

const KtActivity *
kt_activity_row_get_activity (GtkWidget *widget)
{
  GtkWidget *row;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  row = ADW_IS_ACTION_ROW (widget) ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  return row != NULL ? g_object_get_data (G_OBJECT (row), "kt-activity") : NULL;
}

gboolean
kt_activity_row_shows (GtkWidget     *widget,
                       gint64         activity_id,
                       KtDerivedKind  derived_kind)
{
  const KtActivity *activity;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (activity_id != 0)
    {
      activity = kt_activity_row_get_activity (widget);
      return activity != NULL && activity->id == activity_id;
    }

  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "kt-derived-kind")) ==
         (int) derived_kind + 1;
}

gboolean
kt_activity_row_get_derived_kind (GtkWidget     *widget,
                                  KtDerivedKind *kind)
{
  int stored;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  stored = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "kt-derived-kind"));
  if (stored == 0)
    return FALSE;

  *kind = stored - 1;
  return TRUE;
}
