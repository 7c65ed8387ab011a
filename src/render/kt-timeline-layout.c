/* kt-timeline-layout.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include "kt-timeline-layout-private.h"

static const double pixels_per_day[KT_TIMELINE_N_ZOOMS] = {
  [KT_TIMELINE_ZOOM_MONTH] = 4.0,
  [KT_TIMELINE_ZOOM_QUARTER] = 1.5,
  [KT_TIMELINE_ZOOM_YEAR] = 0.75,
};

double
kt_timeline_zoom_get_pixels_per_day (KtTimelineZoom zoom)
{
  g_return_val_if_fail (zoom < KT_TIMELINE_N_ZOOMS, 1.0);

  return pixels_per_day[zoom];
}

void
kt_timeline_metrics_init (KtTimelineMetrics *metrics,
                          double             line_height,
                          double             width)
{
  g_return_if_fail (metrics != NULL);

  line_height = MAX (line_height, 10);
  /* Rows roomy enough to follow across a projected picture */
  metrics->row_height = round (MAX (line_height * 1.9, 30));
  metrics->axis_height = 2 * round (line_height * 1.5);
  metrics->bar_height = round (metrics->row_height * 0.42);
  metrics->marker_size = round (metrics->row_height * 0.5);
  metrics->label_width = width < 600 ? round (width * 0.3)
                                     : CLAMP (round (width * 0.22), 180, 320);
}

KtTimelineLayout *
kt_timeline_layout_new (void)
{
  KtTimelineLayout *layout = g_new0 (KtTimelineLayout, 1);

  layout->rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  layout->lane_rows = g_array_new (FALSE, FALSE, sizeof (guint32));
  layout->groups = g_array_new (FALSE, FALSE, sizeof (KtTimelineGroup));
  layout->ticks = g_array_new (FALSE, FALSE, sizeof (KtTimelineTick));
  layout->years = g_array_new (FALSE, FALSE, sizeof (KtTimelineTick));
  layout->row_boxes = g_array_new (FALSE, FALSE, sizeof (KtTimelineRowBox));
  layout->marker_boxes = g_array_new (FALSE, FALSE, sizeof (KtTimelineMarkerBox));

  g_date_clear (&layout->viewport.range_start, 1);
  g_date_clear (&layout->viewport.range_end, 1);
  g_date_clear (&layout->viewport.today, 1);
  layout->viewport.zoom = KT_TIMELINE_ZOOM_QUARTER;
  kt_timeline_metrics_init (&layout->viewport.metrics, 17, 1000);
  layout->pixels_per_day = pixels_per_day[layout->viewport.zoom];

  return layout;
}

void
kt_timeline_layout_free (KtTimelineLayout *layout)
{
  if (layout == NULL)
    return;

  g_clear_pointer (&layout->lanes, g_ptr_array_unref);
  g_array_unref (layout->rows);
  g_array_unref (layout->lane_rows);
  g_array_unref (layout->groups);
  g_array_unref (layout->ticks);
  g_array_unref (layout->years);
  g_array_unref (layout->row_boxes);
  g_array_unref (layout->marker_boxes);
  g_free (layout);
}

void
kt_timeline_layout_set_lanes (KtTimelineLayout *layout,
                              GPtrArray        *lanes)
{
  const char *group = NULL;

  g_return_if_fail (layout != NULL);

  if (lanes != NULL)
    g_ptr_array_ref (lanes);
  g_clear_pointer (&layout->lanes, g_ptr_array_unref);
  layout->lanes = lanes;

  g_array_set_size (layout->rows, 0);
  g_array_set_size (layout->lane_rows, 0);
  g_array_set_size (layout->groups, 0);
  layout->data_first = 0;
  layout->data_last = 0;
  layout->frame_valid = FALSE;

  for (guint i = 0; i < n_lanes (layout); i++)
    {
      const KtTimelineLane *lane = lane_at (layout, i);
      guint32 row;

      if (lane->group != NULL && lane->group[0] != '\0' &&
          (i == 0 || g_strcmp0 (lane->group, group) != 0))
        {
          KtTimelineGroup g = { i, 0, layout->rows->len };
          guint32 value = KT_TIMELINE_HEADER_BIT | layout->groups->len;

          g_array_append_val (layout->groups, g);
          g_array_append_val (layout->rows, value);
        }
      if (lane->group == NULL || lane->group[0] == '\0')
        group = NULL;
      else
        {
          group = lane->group;
          g_array_index (layout->groups, KtTimelineGroup, layout->groups->len - 1).n_lanes++;
        }

      row = layout->rows->len;
      g_array_append_val (layout->lane_rows, row);
      g_array_append_val (layout->rows, i);

      /* Markers are in date order: the ends suffice */
      if (g_date_valid (&lane->bar_start))
        {
          guint32 first = g_date_get_julian (&lane->bar_start);
          guint32 last = g_date_valid (&lane->bar_end) ? g_date_get_julian (&lane->bar_end) : first;

          layout->data_first = layout->data_first == 0 ? first : MIN (layout->data_first, first);
          layout->data_last = MAX (layout->data_last, last);
        }
      if (lane->markers->len > 0)
        {
          guint32 first = kt_timeline_lane_get_marker (lane, 0)->julian;
          guint32 last = kt_timeline_lane_get_marker (lane, lane->markers->len - 1)->julian;

          layout->data_first = layout->data_first == 0 ? first : MIN (layout->data_first, first);
          layout->data_last = MAX (layout->data_last, last);
        }
    }
}

GPtrArray *
kt_timeline_layout_get_lanes (KtTimelineLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->lanes;
}

guint
kt_timeline_layout_get_n_rows (KtTimelineLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->rows->len;
}

guint
kt_timeline_layout_get_lane_row (KtTimelineLayout *layout,
                                 guint             lane)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (lane < layout->lane_rows->len, 0);

  return g_array_index (layout->lane_rows, guint32, lane);
}

gboolean
kt_timeline_layout_get_data_range (KtTimelineLayout *layout,
                                   GDate            *first,
                                   GDate            *last)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (first != NULL)
    g_date_clear (first, 1);
  if (last != NULL)
    g_date_clear (last, 1);

  if (layout->data_first == 0)
    return FALSE;

  if (first != NULL)
    g_date_set_julian (first, layout->data_first);
  if (last != NULL)
    g_date_set_julian (last, layout->data_last);

  return TRUE;
}

void
kt_timeline_layout_suggest_range (KtTimelineLayout *layout,
                                  const GDate      *today,
                                  GDate            *start,
                                  GDate            *end)
{
  GDate first, last;
  guint first_year, last_year;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (start != NULL && end != NULL);

  first_year = g_date_get_year (today) - 1;
  last_year = g_date_get_year (today) + 2;

  if (kt_timeline_layout_get_data_range (layout, &first, &last))
    {
      first_year = MIN (first_year, g_date_get_year (&first));
      last_year = MAX (last_year, g_date_get_year (&last));
    }

  g_date_clear (start, 1);
  g_date_clear (end, 1);
  g_date_set_dmy (start, 1, G_DATE_JANUARY, MAX (first_year, 1));
  g_date_set_dmy (end, 31, G_DATE_DECEMBER, MIN (last_year, 9999));
}

void
kt_timeline_layout_set_viewport (KtTimelineLayout         *layout,
                                 const KtTimelineViewport *viewport)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (viewport != NULL);
  g_return_if_fail (g_date_valid (&viewport->range_start));
  g_return_if_fail (g_date_valid (&viewport->range_end));
  g_return_if_fail (viewport->zoom < KT_TIMELINE_N_ZOOMS);

  layout->viewport = *viewport;
  layout->start_julian = g_date_get_julian (&viewport->range_start);
  layout->pixels_per_day = pixels_per_day[viewport->zoom];
  layout->frame_valid = FALSE;
}

const KtTimelineViewport *
kt_timeline_layout_get_viewport (KtTimelineLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return &layout->viewport;
}

double
kt_timeline_layout_get_content_width (KtTimelineLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  if (!g_date_valid (&layout->viewport.range_end))
    return 0;

  return (g_date_get_julian (&layout->viewport.range_end) - layout->start_julian + 1.0)
         * layout->pixels_per_day;
}

double
kt_timeline_layout_get_content_height (KtTimelineLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->rows->len * layout->viewport.metrics.row_height;
}

double
kt_timeline_layout_get_page_width (KtTimelineLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return MAX (0, layout->viewport.width - layout->viewport.metrics.label_width);
}

double
kt_timeline_layout_get_page_height (KtTimelineLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return MAX (0, layout->viewport.height - layout->viewport.metrics.axis_height);
}

double
kt_timeline_layout_x_for_julian (KtTimelineLayout *layout,
                                 double            julian)
{
  return layout->viewport.metrics.label_width
         + (julian - layout->start_julian) * layout->pixels_per_day
         - layout->viewport.scroll_x;
}

double
kt_timeline_layout_julian_for_x (KtTimelineLayout *layout,
                                 double            x)
{
  return layout->start_julian
         + (x - layout->viewport.metrics.label_width + layout->viewport.scroll_x)
           / layout->pixels_per_day;
}

void
kt_timeline_layout_get_marker_position (KtTimelineLayout          *layout,
                                        const KtTimelineMarkerRef *ref,
                                        double                    *content_x,
                                        double                    *content_y)
{
  const KtTimelineLane *lane;
  guint row;

  g_return_if_fail (layout != NULL && ref != NULL);
  g_return_if_fail (ref->lane < n_lanes (layout));

  lane = lane_at (layout, ref->lane);
  g_return_if_fail (ref->marker < lane->markers->len);

  row = g_array_index (layout->lane_rows, guint32, ref->lane);
  if (content_x != NULL)
    *content_x = (kt_timeline_lane_get_marker (lane, ref->marker)->julian
                  - (double) layout->start_julian + 0.5) * layout->pixels_per_day;
  if (content_y != NULL)
    *content_y = (row + 0.5) * layout->viewport.metrics.row_height;
}

guint
kt_timeline_lane_lower_bound (const KtTimelineLane *lane,
                              double                julian)
{
  guint lo = 0, hi = lane->markers->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (kt_timeline_lane_get_marker (lane, mid)->julian < julian)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}
