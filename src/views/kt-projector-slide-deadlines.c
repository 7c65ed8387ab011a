/* kt-projector-slide-deadlines.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-deadline-item.h"
#include "kt-format.h"
#include "kt-projector-slide.h"
#include "kt-projector-slide-deadlines.h"
#include "kt-timeline.h"
#include "kt-timeline-lanes.h"

static const char *
month_name (GDateMonth month)
{
  /* The same messages as the timeline's spoken dates: translated once. */
  switch (month)
    {
    case G_DATE_JANUARY: return C_("month name", "January");
    case G_DATE_FEBRUARY: return C_("month name", "February");
    case G_DATE_MARCH: return C_("month name", "March");
    case G_DATE_APRIL: return C_("month name", "April");
    case G_DATE_MAY: return C_("month name", "May");
    case G_DATE_JUNE: return C_("month name", "June");
    case G_DATE_JULY: return C_("month name", "July");
    case G_DATE_AUGUST: return C_("month name", "August");
    case G_DATE_SEPTEMBER: return C_("month name", "September");
    case G_DATE_OCTOBER: return C_("month name", "October");
    case G_DATE_NOVEMBER: return C_("month name", "November");
    case G_DATE_DECEMBER: return C_("month name", "December");
    case G_DATE_BAD_MONTH:
    default:
      return "";
    }
}

static void
attach_month (GtkGrid     *grid,
              int          row,
              const GDate *date)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  /* Translators: a heading in the list of deadlines: month and year,
   * "November 2026" */
  text = g_strdup_printf (C_("month heading", "%s %d"), month_name (g_date_get_month (date)),
                          g_date_get_year (date));
  label = kt_projector_label_new (text, "kt-projector-section", FALSE);
  gtk_grid_attach (grid, label, 0, row, 2, 1);
}

static char *
what_text (const KtDeadlineItem *item)
{
  const char *what;

  /* A derived item's own description is a whole sentence with dates in it;
   * the kind says it in a few words. A typed-in activity is its text. */
  if (item->derived)
    what = kt_enum_label (KT_ENUM_DERIVED_KIND, item->derived_kind);
  else if (item->description != NULL && *item->description != '\0')
    what = item->description;
  else
    what = kt_enum_label (KT_ENUM_ACTIVITY_TYPE, item->type);

  if (item->supplier_name == NULL || *item->supplier_name == '\0')
    return g_strdup (what);

  /* Translators: what is due, and the contract's supplier: "Last day to give
   * notice · Netcompany A/S" */
  return g_strdup_printf (_("%s · %s"), what, item->supplier_name);
}

static void
attach_item (GtkGrid              *grid,
             int                   row,
             const KtDeadlineItem *item)
{
  g_autofree char *date = kt_format_date (&item->date);
  g_autofree char *contract = NULL;
  g_autofree char *what = what_text (item);
  GtkWidget *date_label = kt_projector_label_new (date, "numeric", TRUE);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *what_label;

  gtk_widget_add_css_class (date_label, "kt-projector-lead");
  gtk_widget_set_valign (date_label, GTK_ALIGN_START);
  gtk_label_set_ellipsize (GTK_LABEL (date_label), PANGO_ELLIPSIZE_NONE);

  contract = g_strdup_printf ("%s %s", item->contract_number != NULL ? item->contract_number : "",
                              item->contract_name != NULL ? item->contract_name : "");
  gtk_box_append (GTK_BOX (text), kt_projector_label_new (g_strstrip (contract),
                                                          "kt-projector-lead", TRUE));
  /* A typed-in text may be long: two lines before it is cut short, so the
   * supplier at its end is usually still read. */
  what_label = kt_projector_label_new (what, NULL, FALSE);
  gtk_label_set_lines (GTK_LABEL (what_label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (what_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text), what_label);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_margin_bottom (text, 8);

  gtk_grid_attach (grid, date_label, 0, row, 1, 1);
  gtk_grid_attach (grid, text, 1, row, 1, 1);
}

static int
compare_lanes (gconstpointer a,
               gconstpointer b)
{
  const KtTimelineLane *la = *(KtTimelineLane * const *) a;
  const KtTimelineLane *lb = *(KtTimelineLane * const *) b;

  return g_utf8_collate (la->label, lb->label);
}

/* One lane per supplier, its contracts' deadlines as markers */
static GtkWidget *
timeline_new (GPtrArray   *items,
              const GDate *today)
{
  g_autoptr(GHashTable) by_supplier = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_timeline_lane_unref);
  GtkWidget *timeline;

  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);
      KtTimelineLane *lane = g_hash_table_lookup (by_supplier, &item->supplier_id);
      g_autofree char *title = kt_timeline_item_title (item);

      if (lane == NULL)
        {
          lane = kt_timeline_lane_new (item->supplier_id,
                                       item->supplier_name != NULL ? item->supplier_name : "", NULL);
          g_ptr_array_add (lanes, lane);
          g_hash_table_insert (by_supplier, &lane->id, lane);
        }
      kt_timeline_lane_add_marker (lane, &item->date, title, kt_timeline_state_of_item (item, today),
                                   item->derived, item->contract_id, 0);
    }
  g_ptr_array_sort (lanes, compare_lanes);

  timeline = kt_timeline_new ();
  kt_timeline_set_projector (KT_TIMELINE (timeline), TRUE);
  kt_timeline_set_today (KT_TIMELINE (timeline), today);
  kt_timeline_set_zoom (KT_TIMELINE (timeline), KT_TIMELINE_ZOOM_QUARTER);
  kt_timeline_set_lanes (KT_TIMELINE (timeline), lanes);
  /* The slide's keys page the slides; the list below carries the same
   * deadlines for the keyboard and for screen readers */
  gtk_widget_set_focusable (timeline, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (timeline),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The same deadlines are listed below, by month."), -1);

  return timeline;
}

GtkWidget *
kt_projector_slide_deadlines_new (GPtrArray   *items,
                                  const GDate *today,
                                  const GDate *until)
{
  GtkWidget *content;
  g_autofree char *until_text = NULL;
  g_autofree char *lead = NULL;
  GtkWidget *slide;
  GtkWidget *grid;
  GDateMonth month = G_DATE_BAD_MONTH;
  GDateYear year = G_DATE_BAD_YEAR;
  int row = 0;

  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (until != NULL && g_date_valid (until), NULL);

  until_text = kt_format_date (until);
  if (items->len == 0)
    {
      /* Translators: %s is a date a year from today */
      lead = g_strdup_printf (_("No contract must be given notice, extended, re-procured or "
                                "ended by %s."), until_text);
      return kt_projector_slide_message_new (_("No Contract Deadlines"), lead);
    }

  slide = kt_projector_slide_box_new ();
  /* Translators: the lead line of the deadlines slide; %u is a number of
   * deadlines, %s a date a year from today */
  lead = g_strdup_printf (ngettext ("%u deadline to %s on notice, options, re-procurement and "
                                    "expiry",
                                    "%u deadlines to %s on notice, options, re-procurement and "
                                    "expiry", items->len),
                          items->len, until_text);
  gtk_box_append (GTK_BOX (slide), kt_projector_label_new (lead, NULL, FALSE));

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 32);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_end (grid, 16);

  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);

      if (g_date_get_month (&item->date) != month || g_date_get_year (&item->date) != year)
        {
          month = g_date_get_month (&item->date);
          year = g_date_get_year (&item->date);
          attach_month (GTK_GRID (grid), row++, &item->date);
        }
      attach_item (GTK_GRID (grid), row++, item);
    }

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_box_append (GTK_BOX (content), timeline_new (items, today));
  gtk_box_append (GTK_BOX (content), grid);
  gtk_box_append (GTK_BOX (slide), kt_projector_scroller_new (content));

  return slide;
}
