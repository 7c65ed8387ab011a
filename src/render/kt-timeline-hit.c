/* kt-timeline-hit.c — the timeline layout's hit testing and keyboard order
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both work from the viewport and the row index alone, so they cost the same
 * for any number of lanes: a point is mapped to its row by division and to
 * its markers by binary search in that lane.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include "kt-timeline-layout-private.h"

/* Pointers are less precise than the shapes are small */
#define HIT_MARGIN 4.0

/* The lane row under widget (x, y) in the row area; not under the pinned
 * header. */
static gboolean
lane_row_at (KtTimelineLayout *layout,
             double            x,
             double            y,
             guint            *lane,
             double           *centre_y)
{
  const KtTimelineViewport *vp = &layout->viewport;
  const KtTimelineMetrics *m = &vp->metrics;
  const KtTimelineRowBox *pinned;
  double content_y;
  guint32 value;
  guint row;

  if (x < 0 || x >= vp->width || y < m->axis_height || y >= vp->height || m->row_height <= 0)
    return FALSE;

  pinned = kt_timeline_layout_get_pinned_header (layout);
  if (pinned != NULL && y >= pinned->y && y < pinned->y + m->row_height)
    return FALSE;

  content_y = y - m->axis_height + vp->scroll_y;
  if (content_y < 0)
    return FALSE;

  row = (guint) floor (content_y / m->row_height);
  if (row >= layout->rows->len)
    return FALSE;

  value = g_array_index (layout->rows, guint32, row);
  if (value & KT_TIMELINE_HEADER_BIT)
    return FALSE;

  *lane = value;
  *centre_y = row_y (layout, row) + m->row_height / 2;

  return TRUE;
}

gboolean
kt_timeline_layout_hit_marker (KtTimelineLayout    *layout,
                               double               x,
                               double               y,
                               KtTimelineMarkerRef *out)
{
  const KtTimelineMetrics *m;
  const KtTimelineLane *lane;
  double reach, centre_y, best = G_MAXDOUBLE;
  double last_julian;
  guint lane_index, found = G_MAXUINT;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  m = &layout->viewport.metrics;
  reach = m->marker_size / 2 + HIT_MARGIN;

  if (x < m->label_width || !lane_row_at (layout, x, y, &lane_index, &centre_y))
    return FALSE;
  if (fabs (y - centre_y) > reach)
    return FALSE;

  lane = lane_at (layout, lane_index);
  last_julian = kt_timeline_layout_julian_for_x (layout, x + reach) - 0.5;

  for (guint i = kt_timeline_lane_lower_bound (lane, floor (kt_timeline_layout_julian_for_x (layout, x - reach) - 0.5));
       i < lane->markers->len; i++)
    {
      const KtTimelineMarker *marker = kt_timeline_lane_get_marker (lane, i);
      double distance;

      if (marker->julian > last_julian)
        break;

      distance = fabs (kt_timeline_layout_x_for_julian (layout, marker->julian + 0.5) - x);
      /* <=: of overlapping markers the later is drawn on top */
      if (distance <= reach && distance <= best)
        {
          best = distance;
          found = i;
        }
    }

  if (found == G_MAXUINT)
    return FALSE;

  out->lane = lane_index;
  out->marker = found;

  return TRUE;
}

gboolean
kt_timeline_layout_hit_lane (KtTimelineLayout *layout,
                             double            x,
                             double            y,
                             guint            *lane,
                             gboolean         *on_bar)
{
  const KtTimelineMetrics *m;
  const KtTimelineLane *l;
  double centre_y;
  guint index;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (!lane_row_at (layout, x, y, &index, &centre_y))
    return FALSE;

  if (lane != NULL)
    *lane = index;

  if (on_bar != NULL)
    {
      m = &layout->viewport.metrics;
      l = lane_at (layout, index);
      *on_bar = FALSE;

      if (x >= m->label_width && g_date_valid (&l->bar_start) &&
          fabs (y - centre_y) <= m->bar_height / 2 + 2)
        {
          double julian = kt_timeline_layout_julian_for_x (layout, x);
          double end = g_date_valid (&l->bar_end) ? g_date_get_julian (&l->bar_end)
                                                  : g_date_get_julian (&layout->viewport.range_end);

          *on_bar = julian >= g_date_get_julian (&l->bar_start) && julian < end + 1;
        }
    }

  return TRUE;
}

gboolean
kt_timeline_layout_find_lane_with_markers (KtTimelineLayout *layout,
                                           guint             lane,
                                           gboolean          forward,
                                           guint            *out)
{
  guint count;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  count = n_lanes (layout);
  if (count == 0)
    return FALSE;

  if (forward)
    {
      for (guint i = lane; i < count; i++)
        if (lane_at (layout, i)->markers->len > 0)
          {
            *out = i;
            return TRUE;
          }
    }
  else
    {
      for (guint i = MIN (lane, count - 1) + 1; i-- > 0;)
        if (lane_at (layout, i)->markers->len > 0)
          {
            *out = i;
            return TRUE;
          }
    }

  return FALSE;
}

gboolean
kt_timeline_layout_nearest_in_lane (KtTimelineLayout    *layout,
                                    guint                lane,
                                    guint32              julian,
                                    KtTimelineMarkerRef *out)
{
  const KtTimelineLane *l;
  guint index;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (lane < n_lanes (layout), FALSE);

  l = lane_at (layout, lane);
  if (l->markers->len == 0)
    return FALSE;

  index = kt_timeline_lane_lower_bound (l, julian);
  if (index == l->markers->len)
    index--;
  else if (index > 0)
    {
      guint32 after = kt_timeline_lane_get_marker (l, index)->julian - julian;
      guint32 before = julian - kt_timeline_lane_get_marker (l, index - 1)->julian;

      if (before <= after)
        index--;
    }

  /* The first of several on the same day */
  while (index > 0 &&
         kt_timeline_lane_get_marker (l, index - 1)->julian == kt_timeline_lane_get_marker (l, index)->julian)
    index--;

  out->lane = lane;
  out->marker = index;

  return TRUE;
}

gboolean
kt_timeline_layout_walk (KtTimelineLayout          *layout,
                         const KtTimelineMarkerRef *from,
                         KtTimelineWalk             walk,
                         KtTimelineMarkerRef       *out)
{
  const KtTimelineLane *lane;
  guint count, other;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  count = n_lanes (layout);
  if (count == 0)
    return FALSE;

  if (from == NULL)
    {
      gboolean forward = walk != KT_TIMELINE_WALK_PREVIOUS;

      if (!kt_timeline_layout_find_lane_with_markers (layout, forward ? 0 : count - 1, forward, &other))
        return FALSE;
      out->lane = other;
      out->marker = forward ? 0 : lane_at (layout, other)->markers->len - 1;
      return TRUE;
    }

  g_return_val_if_fail (from->lane < count, FALSE);
  lane = lane_at (layout, from->lane);
  g_return_val_if_fail (from->marker < lane->markers->len, FALSE);

  switch (walk)
    {
    case KT_TIMELINE_WALK_NEXT:
      if (from->marker + 1 < lane->markers->len)
        {
          out->lane = from->lane;
          out->marker = from->marker + 1;
          return TRUE;
        }
      if (from->lane + 1 >= count ||
          !kt_timeline_layout_find_lane_with_markers (layout, from->lane + 1, TRUE, &other))
        return FALSE;
      out->lane = other;
      out->marker = 0;
      return TRUE;

    case KT_TIMELINE_WALK_PREVIOUS:
      if (from->marker > 0)
        {
          out->lane = from->lane;
          out->marker = from->marker - 1;
          return TRUE;
        }
      if (from->lane == 0 ||
          !kt_timeline_layout_find_lane_with_markers (layout, from->lane - 1, FALSE, &other))
        return FALSE;
      out->lane = other;
      out->marker = lane_at (layout, other)->markers->len - 1;
      return TRUE;

    case KT_TIMELINE_WALK_UP:
    case KT_TIMELINE_WALK_DOWN:
      if (walk == KT_TIMELINE_WALK_UP
          ? from->lane == 0 ||
            !kt_timeline_layout_find_lane_with_markers (layout, from->lane - 1, FALSE, &other)
          : from->lane + 1 >= count ||
            !kt_timeline_layout_find_lane_with_markers (layout, from->lane + 1, TRUE, &other))
        return FALSE;
      return kt_timeline_layout_nearest_in_lane (layout, other,
                                                 kt_timeline_lane_get_marker (lane, from->marker)->julian,
                                                 out);

    default:
      g_return_val_if_reached (FALSE);
    }
}
