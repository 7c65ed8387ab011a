/* kt-timeline-frame.c — the visible part of a timeline layout: axis ticks,
 * rows, bars and markers of one frame
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is bounded by what fits on the screen: the rows come from
 * the scroll position by division, each lane's markers by binary search.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kt-timeline-layout-private.h"

static const char *
month_abbreviation (guint month)
{
  /* The same strings as kt_format_date_long (), so the same translations */
  switch (month)
    {
    case G_DATE_JANUARY: return C_("month abbreviation", "Jan");
    case G_DATE_FEBRUARY: return C_("month abbreviation", "Feb");
    case G_DATE_MARCH: return C_("month abbreviation", "Mar");
    case G_DATE_APRIL: return C_("month abbreviation", "Apr");
    case G_DATE_MAY: return C_("month abbreviation", "May");
    case G_DATE_JUNE: return C_("month abbreviation", "Jun");
    case G_DATE_JULY: return C_("month abbreviation", "Jul");
    case G_DATE_AUGUST: return C_("month abbreviation", "Aug");
    case G_DATE_SEPTEMBER: return C_("month abbreviation", "Sep");
    case G_DATE_OCTOBER: return C_("month abbreviation", "Oct");
    case G_DATE_NOVEMBER: return C_("month abbreviation", "Nov");
    case G_DATE_DECEMBER: return C_("month abbreviation", "Dec");
    default: g_return_val_if_reached ("");
    }
}

static guint32
julian_of_dmy (guint day,
               guint month,
               guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

static void
add_tick (GArray  *ticks,
          double   x,
          double   width,
          guint    month,
          guint    year,
          gboolean quarter)
{
  KtTimelineTick tick = { 0 };

  tick.x = x;
  tick.width = width;
  tick.year = year;
  tick.month = month;
  tick.year_start = month == G_DATE_JANUARY;

  if (quarter)
    /* Translators: a quarter on the time axis of the timeline, %u is 1–4;
     * Danish: "%u. kvt." */
    g_snprintf (tick.label, sizeof tick.label, C_("quarter", "Q%u"), (month + 2) / 3);
  else
    g_strlcpy (tick.label, month_abbreviation (month), sizeof tick.label);

  g_array_append_val (ticks, tick);
}

static void
compute_ticks (KtTimelineLayout *layout)
{
  const KtTimelineViewport *vp = &layout->viewport;
  gboolean quarters = vp->zoom != KT_TIMELINE_ZOOM_MONTH;
  guint step = quarters ? 3 : 1;
  double left = vp->metrics.label_width;
  GDate date;
  guint month, year;

  g_array_set_size (layout->ticks, 0);
  g_array_set_size (layout->years, 0);

  if (vp->width <= left)
    return;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) CLAMP (floor (kt_timeline_layout_julian_for_x (layout, left)),
                                              1, G_MAXINT32));
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);
  month -= (month - 1) % step;

  for (;;)
    {
      guint next_month = month + step > 12 ? month + step - 12 : month + step;
      guint next_year = month + step > 12 ? year + 1 : year;
      guint32 start = julian_of_dmy (1, month, year);
      guint32 end = julian_of_dmy (1, next_month, next_year);
      double x = kt_timeline_layout_x_for_julian (layout, start);

      /* Nothing to show beyond the scroll range */
      if (x >= vp->width || start > g_date_get_julian (&vp->range_end))
        break;

      add_tick (layout->ticks, x, (end - start) * layout->pixels_per_day, month, year, quarters);

      if (month == G_DATE_JANUARY || layout->years->len == 0)
        {
          KtTimelineTick tick = { 0 };
          guint32 year_start = julian_of_dmy (1, G_DATE_JANUARY, year);

          tick.x = kt_timeline_layout_x_for_julian (layout, year_start);
          tick.width = (g_date_is_leap_year (year) ? 366 : 365) * layout->pixels_per_day;
          tick.year = year;
          tick.month = G_DATE_JANUARY;
          tick.year_start = TRUE;
          g_snprintf (tick.label, sizeof tick.label, "%u", year);
          g_array_append_val (layout->years, tick);
        }

      month = next_month;
      year = next_year;
      if (year > 9999)
        break;
    }
}

static void
compute_bar (KtTimelineLayout     *layout,
             const KtTimelineLane *lane,
             KtTimelineRowBox     *box)
{
  const KtTimelineViewport *vp = &layout->viewport;
  double min_x = vp->metrics.label_width - 24;
  double max_x = vp->width + 24;
  guint32 end;

  if (!g_date_valid (&lane->bar_start))
    return;

  box->bar_open_end = !g_date_valid (&lane->bar_end);
  end = box->bar_open_end ? g_date_get_julian (&vp->range_end)
                          : g_date_get_julian (&lane->bar_end);

  box->bar_x0 = kt_timeline_layout_x_for_julian (layout, g_date_get_julian (&lane->bar_start));
  box->bar_x1 = kt_timeline_layout_x_for_julian (layout, end + 1.0);

  if (box->bar_x1 <= min_x || box->bar_x0 >= max_x)
    return;

  box->has_bar = TRUE;
  box->bar_clipped_start = box->bar_x0 < min_x;
  box->bar_clipped_end = box->bar_x1 > max_x;
  box->bar_x0 = MAX (box->bar_x0, min_x);
  box->bar_x1 = MIN (box->bar_x1, max_x);
}

static void
compute_markers (KtTimelineLayout     *layout,
                 guint                 lane_index,
                 KtTimelineRowBox     *box,
                 double                first_julian,
                 double                last_julian)
{
  const KtTimelineLane *lane = lane_at (layout, lane_index);
  double y = box->y + layout->viewport.metrics.row_height / 2;

  box->first_marker = layout->marker_boxes->len;

  for (guint i = kt_timeline_lane_lower_bound (lane, floor (first_julian)); i < lane->markers->len; i++)
    {
      const KtTimelineMarker *marker = kt_timeline_lane_get_marker (lane, i);
      KtTimelineMarkerBox mbox;

      if (marker->julian > last_julian)
        break;

      mbox.ref.lane = lane_index;
      mbox.ref.marker = i;
      mbox.marker = marker;
      mbox.x = kt_timeline_layout_x_for_julian (layout, marker->julian + 0.5);
      mbox.y = y;
      g_array_append_val (layout->marker_boxes, mbox);
    }

  box->n_markers = layout->marker_boxes->len - box->first_marker;
}

static void
fill_row_box (KtTimelineLayout *layout,
              guint             row,
              KtTimelineRowBox *box)
{
  guint32 value = g_array_index (layout->rows, guint32, row);

  memset (box, 0, sizeof *box);
  box->row = row;
  box->y = row_y (layout, row);

  if (value & KT_TIMELINE_HEADER_BIT)
    {
      const KtTimelineGroup *group = &g_array_index (layout->groups, KtTimelineGroup, value & ~KT_TIMELINE_HEADER_BIT);

      box->kind = KT_TIMELINE_ROW_HEADER;
      box->lane = group->first_lane;
      box->group_size = group->n_lanes;
    }
  else
    {
      box->kind = KT_TIMELINE_ROW_LANE;
      box->lane = value;
    }
}

/* The group whose rows include row, or NULL */
static const KtTimelineGroup *
group_of_row (KtTimelineLayout *layout,
              guint             row,
              guint            *index)
{
  guint lo = 0, hi = layout->groups->len;
  const KtTimelineGroup *group;

  /* The last group starting at or before row */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (layout->groups, KtTimelineGroup, mid).row <= row)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return NULL;

  group = &g_array_index (layout->groups, KtTimelineGroup, lo - 1);
  if (row > group->row + group->n_lanes)
    return NULL;

  *index = lo - 1;
  return group;
}

static void
compute_pinned (KtTimelineLayout *layout,
                guint             top_row)
{
  const KtTimelineMetrics *m = &layout->viewport.metrics;
  const KtTimelineGroup *group;
  guint index;

  layout->has_pinned = FALSE;

  group = group_of_row (layout, top_row, &index);
  if (group == NULL)
    return;

  fill_row_box (layout, group->row, &layout->pinned);
  layout->pinned.y = m->axis_height;

  if (index + 1 < layout->groups->len)
    {
      double next_y = row_y (layout, g_array_index (layout->groups, KtTimelineGroup, index + 1).row);

      layout->pinned.y = MIN (layout->pinned.y, next_y - m->row_height);
    }

  layout->has_pinned = TRUE;
}

static void
ensure_frame (KtTimelineLayout *layout)
{
  const KtTimelineViewport *vp = &layout->viewport;
  const KtTimelineMetrics *m = &vp->metrics;
  double page_height = kt_timeline_layout_get_page_height (layout);
  double reach = m->marker_size;
  double first_julian, last_julian;
  guint first_row, last_row;

  if (layout->frame_valid)
    return;

  layout->frame_valid = TRUE;
  g_array_set_size (layout->row_boxes, 0);
  g_array_set_size (layout->marker_boxes, 0);
  layout->has_pinned = FALSE;

  if (!g_date_valid (&vp->range_start))
    {
      g_array_set_size (layout->ticks, 0);
      g_array_set_size (layout->years, 0);
      return;
    }

  compute_ticks (layout);

  if (layout->rows->len == 0 || page_height <= 0 || m->row_height <= 0)
    return;

  first_row = (guint) CLAMP (floor (vp->scroll_y / m->row_height), 0, layout->rows->len - 1);
  last_row = (guint) CLAMP (ceil ((vp->scroll_y + page_height) / m->row_height) - 1,
                            first_row, layout->rows->len - 1);

  /* Markers whose shape reaches into the time area; the centre is at
   * julian + 0.5 */
  first_julian = kt_timeline_layout_julian_for_x (layout, m->label_width - reach) - 0.5;
  last_julian = kt_timeline_layout_julian_for_x (layout, vp->width + reach) - 0.5;

  for (guint row = first_row; row <= last_row; row++)
    {
      KtTimelineRowBox box;

      fill_row_box (layout, row, &box);
      if (box.kind == KT_TIMELINE_ROW_LANE)
        {
          compute_bar (layout, lane_at (layout, box.lane), &box);
          compute_markers (layout, box.lane, &box, first_julian, last_julian);
        }
      g_array_append_val (layout->row_boxes, box);
    }

  compute_pinned (layout, first_row);
}

const KtTimelineTick *
kt_timeline_layout_get_ticks (KtTimelineLayout *layout,
                              guint            *n_ticks)
{
  g_return_val_if_fail (layout != NULL && n_ticks != NULL, NULL);

  ensure_frame (layout);
  *n_ticks = layout->ticks->len;

  return (const KtTimelineTick *) (gpointer) layout->ticks->data;
}

const KtTimelineTick *
kt_timeline_layout_get_years (KtTimelineLayout *layout,
                              guint            *n_years)
{
  g_return_val_if_fail (layout != NULL && n_years != NULL, NULL);

  ensure_frame (layout);
  *n_years = layout->years->len;

  return (const KtTimelineTick *) (gpointer) layout->years->data;
}

const KtTimelineRowBox *
kt_timeline_layout_get_rows (KtTimelineLayout *layout,
                             guint            *n_rows)
{
  g_return_val_if_fail (layout != NULL && n_rows != NULL, NULL);

  ensure_frame (layout);
  *n_rows = layout->row_boxes->len;

  return (const KtTimelineRowBox *) (gpointer) layout->row_boxes->data;
}

const KtTimelineMarkerBox *
kt_timeline_layout_get_markers (KtTimelineLayout *layout,
                                guint            *n_markers)
{
  g_return_val_if_fail (layout != NULL && n_markers != NULL, NULL);

  ensure_frame (layout);
  *n_markers = layout->marker_boxes->len;

  return (const KtTimelineMarkerBox *) (gpointer) layout->marker_boxes->data;
}

const KtTimelineRowBox *
kt_timeline_layout_get_pinned_header (KtTimelineLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  ensure_frame (layout);

  return layout->has_pinned ? &layout->pinned : NULL;
}
