/* kt-timeline-layout-private.h — shared by the layout's source files
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-timeline-layout.h"

G_BEGIN_DECLS

/* rows[] holds a lane index, or a group index with this bit for a header */
#define KT_TIMELINE_HEADER_BIT 0x80000000u

typedef struct {
  guint first_lane;
  guint n_lanes;
  guint row;
} KtTimelineGroup;

struct _KtTimelineLayout
{
  GPtrArray          *lanes;
  GArray             *rows;        /* guint32, see KT_TIMELINE_HEADER_BIT */
  GArray             *lane_rows;   /* guint32 row of each lane */
  GArray             *groups;      /* KtTimelineGroup, in row order */
  guint32             data_first;  /* Julian; 0 = no data */
  guint32             data_last;

  KtTimelineViewport  viewport;
  guint32             start_julian;
  double              pixels_per_day;

  /* The frame, recomputed when frame_valid is FALSE */
  gboolean            frame_valid;
  GArray             *ticks;
  GArray             *years;
  GArray             *row_boxes;
  GArray             *marker_boxes;
  gboolean            has_pinned;
  KtTimelineRowBox    pinned;
};

static inline const KtTimelineLane *
lane_at (KtTimelineLayout *layout,
         guint             index)
{
  return g_ptr_array_index (layout->lanes, index);
}

static inline guint
n_lanes (KtTimelineLayout *layout)
{
  return layout->lanes != NULL ? layout->lanes->len : 0;
}

static inline double
row_y (KtTimelineLayout *layout,
       guint             row)
{
  const KtTimelineMetrics *m = &layout->viewport.metrics;

  return m->axis_height + row * m->row_height - layout->viewport.scroll_y;
}

/* The first marker of lane on or after julian */
guint kt_timeline_lane_lower_bound (const KtTimelineLane *lane,
                                    double                julian);

G_END_DECLS
