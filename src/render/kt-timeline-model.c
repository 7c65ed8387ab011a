/* kt-timeline-model.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n-lib.h>

#include "kt-format.h"
#include "kt-timeline-model.h"

G_DEFINE_ENUM_TYPE (KtTimelineZoom, kt_timeline_zoom,
  G_DEFINE_ENUM_VALUE (KT_TIMELINE_ZOOM_MONTH, "month"),
  G_DEFINE_ENUM_VALUE (KT_TIMELINE_ZOOM_QUARTER, "quarter"),
  G_DEFINE_ENUM_VALUE (KT_TIMELINE_ZOOM_YEAR, "year"))

G_DEFINE_BOXED_TYPE (KtTimelineLane, kt_timeline_lane,
                     kt_timeline_lane_ref, kt_timeline_lane_unref)

static void
clear_marker (gpointer data)
{
  KtTimelineMarker *marker = data;

  g_clear_pointer (&marker->label, g_free);
}

KtTimelineLane *
kt_timeline_lane_new (gint64      id,
                      const char *label,
                      const char *group)
{
  KtTimelineLane *lane = g_new0 (KtTimelineLane, 1);

  g_atomic_ref_count_init (&lane->ref_count);
  lane->id = id;
  lane->label = g_strdup (label != NULL ? label : "");
  lane->group = g_strdup (group);
  g_date_clear (&lane->bar_start, 1);
  g_date_clear (&lane->bar_end, 1);
  lane->markers = g_array_new (FALSE, FALSE, sizeof (KtTimelineMarker));
  g_array_set_clear_func (lane->markers, clear_marker);

  return lane;
}

KtTimelineLane *
kt_timeline_lane_ref (KtTimelineLane *lane)
{
  g_return_val_if_fail (lane != NULL, NULL);

  g_atomic_ref_count_inc (&lane->ref_count);

  return lane;
}

void
kt_timeline_lane_unref (KtTimelineLane *lane)
{
  g_return_if_fail (lane != NULL);

  if (!g_atomic_ref_count_dec (&lane->ref_count))
    return;

  g_free (lane->label);
  g_free (lane->group);
  g_array_unref (lane->markers);
  g_free (lane);
}

void
kt_timeline_lane_set_bar (KtTimelineLane *lane,
                          const GDate    *start,
                          const GDate    *end)
{
  g_return_if_fail (lane != NULL);

  g_date_clear (&lane->bar_start, 1);
  g_date_clear (&lane->bar_end, 1);

  if (start == NULL || !g_date_valid (start))
    return;

  lane->bar_start = *start;
  if (end != NULL && g_date_valid (end))
    lane->bar_end = g_date_compare (end, start) < 0 ? *start : *end;
}

void
kt_timeline_lane_add_marker (KtTimelineLane  *lane,
                             const GDate     *date,
                             const char      *label,
                             KtTimelineState  state,
                             gboolean         derived,
                             gint64           item_id,
                             int              kind)
{
  KtTimelineMarker marker = { 0 };
  guint index;

  g_return_if_fail (lane != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (state < KT_TIMELINE_N_STATES);

  marker.date = *date;
  marker.julian = g_date_get_julian (date);
  marker.state = state;
  marker.derived = !!derived;
  marker.item_id = item_id;
  marker.kind = kind;
  marker.label = g_strdup (label != NULL ? label : "");

  /* Callers add in date order nearly always: search from the end. */
  index = lane->markers->len;
  while (index > 0 &&
         g_array_index (lane->markers, KtTimelineMarker, index - 1).julian > marker.julian)
    index--;

  g_array_insert_val (lane->markers, index, marker);
}

KtTimelineState
kt_timeline_state_for (const GDate *date,
                       const GDate *today,
                       gboolean     done,
                       gboolean     cancelled)
{
  gint days;

  g_return_val_if_fail (date != NULL && g_date_valid (date), KT_TIMELINE_STATE_NORMAL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), KT_TIMELINE_STATE_NORMAL);

  if (cancelled)
    return KT_TIMELINE_STATE_CANCELLED;
  if (done)
    return KT_TIMELINE_STATE_DONE;

  days = g_date_days_between (today, date);
  if (days < 0)
    return KT_TIMELINE_STATE_OVERDUE;
  if (days <= KT_TIMELINE_DUE_SOON_DAYS)
    return KT_TIMELINE_STATE_DUE_SOON;

  return KT_TIMELINE_STATE_NORMAL;
}

const char *
kt_timeline_state_to_string (KtTimelineState state)
{
  switch (state)
    {
    case KT_TIMELINE_STATE_NORMAL:
      return "";
    case KT_TIMELINE_STATE_DUE_SOON:
      /* Translators: state of a deadline, spoken after its date */
      return _("due within 30 days");
    case KT_TIMELINE_STATE_OVERDUE:
      /* Translators: state of a deadline whose date has passed; Danish:
       * "forfalden" */
      return _("overdue");
    case KT_TIMELINE_STATE_DONE:
      /* Translators: state of a deadline */
      return _("done");
    case KT_TIMELINE_STATE_CANCELLED:
      /* Translators: state of a deadline */
      return _("cancelled");
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
month_name (GDateMonth month)
{
  switch (month)
    {
    /* Translators: month name in a spoken date like "31 January 2027";
     * Danish: "januar" */
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
      g_return_val_if_reached ("");
    }
}

char *
kt_timeline_format_date_spoken (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  /* The order follows the format style like kt_format_date_long (). */
  return g_strdup_printf (kt_format_get_style () == KT_FORMAT_STYLE_DANISH ? "%u. %s %u" : "%u %s %u",
                          g_date_get_day (date),
                          month_name (g_date_get_month (date)),
                          g_date_get_year (date));
}

char *
kt_timeline_marker_describe (const KtTimelineMarker *marker)
{
  g_autofree char *date = NULL;
  GString *text;

  g_return_val_if_fail (marker != NULL, NULL);

  date = kt_timeline_format_date_spoken (&marker->date);
  text = g_string_new (marker->label);
  if (text->len > 0)
    g_string_append (text, ", ");
  g_string_append (text, date);

  if (marker->state != KT_TIMELINE_STATE_NORMAL)
    g_string_append_printf (text, ", %s", kt_timeline_state_to_string (marker->state));
  if (marker->derived)
    /* Translators: spoken after a deadline computed from the contract (not
     * entered by hand); Danish: "beregnet" */
    g_string_append_printf (text, ", %s", _("computed"));

  return g_string_free (text, FALSE);
}
