/* kt-date-row.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-date-row.h"
#include "kt-format.h"

struct _KtDateRow
{
  AdwEntryRow  parent_instance;

  GtkWidget   *button;
  GtkWidget   *popover;
  GtkWidget   *calendar;
  gboolean     selecting;   /* the calendar is being set from the text */
};

G_DEFINE_FINAL_TYPE (KtDateRow, kt_date_row, ADW_TYPE_ENTRY_ROW)

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static void
popover_show_cb (KtDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (kt_date_row_get_date (self, &date, NULL) && g_date_valid (&date))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);
  else
    when = g_date_time_new_now_local ();

  self->selecting = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), when);
  self->selecting = FALSE;
}

static void
day_selected_cb (KtDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (self->selecting)
    return;

  when = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (when),
                  g_date_time_get_month (when), g_date_time_get_year (when));
  kt_date_row_set_date (self, &date);

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* "1.6.2018" becomes "01.06.2018" once the user is done with the row, so
 * what is shown is how the date reads everywhere else. */
static void
focus_leave_cb (KtDateRow *self)
{
  GDate date;

  if (kt_date_row_get_date (self, &date, NULL) && g_date_valid (&date))
    {
      g_autofree char *text = kt_format_date (&date);

      if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self), text);
    }
}

static void
kt_date_row_class_init (KtDateRowClass *klass)
{
}

static void
kt_date_row_init (KtDateRow *self)
{
  GtkEventController *focus;

  self->calendar = gtk_calendar_new ();
  g_signal_connect_swapped (self->calendar, "day-selected",
                            G_CALLBACK (day_selected_cb), self);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->calendar);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_tooltip_text (self->button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"),
                                  -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->button);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
kt_date_row_new (void)
{
  return g_object_new (KT_TYPE_DATE_ROW, NULL);
}

void
kt_date_row_set_date (KtDateRow   *self,
                      const GDate *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (KT_IS_DATE_ROW (self));

  if (date != NULL && g_date_valid (date))
    text = kt_format_date (date);

  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : "");
}

gboolean
kt_date_row_get_date (KtDateRow  *self,
                      GDate      *out,
                      GError    **error)
{
  const char *text;

  g_return_val_if_fail (KT_IS_DATE_ROW (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  text = gtk_editable_get_text (GTK_EDITABLE (self));

  if (is_blank (text))
    return TRUE;

  return kt_parse_date (text, out, error);
}
