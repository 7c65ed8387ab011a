/* kt-timeline-layout.h — where everything of the timeline goes
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure geometry, no drawing. The picture, top to bottom: a two-tier time
 * axis (years above months or quarters), then one row per lane with a header
 * row before each group; left of the rows a column with the lane labels.
 * Days run left to right at a scale fixed by the zoom; a date occupies
 * [day, day + 1) and markers sit in the middle of their day.
 *
 * Two coordinate systems: widget coordinates (0,0 = top-left of the whole
 * picture) and content coordinates of the scrollable part (x = 0 at the
 * viewport's range_start, y = 0 at the first row), which scroll_x and
 * scroll_y refer to.
 *
 * kt_timeline_layout_set_lanes () indexes the rows once (O(lanes)); after
 * that a frame costs only what is visible: rows are found by division and
 * markers by binary search in each visible lane (kt-timeline-frame.c), and
 * so do hit testing and the keyboard order (kt-timeline-hit.c).
 */
#pragma once

#include "kt-timeline-model.h"

G_BEGIN_DECLS

typedef struct {
  double label_width;    /* column of lane labels at the left */
  double axis_height;    /* both tiers of the axis */
  double row_height;     /* lanes and group headers alike */
  double bar_height;
  double marker_size;
} KtTimelineMetrics;

typedef struct {
  GDate              range_start;   /* first day that can be scrolled to */
  GDate              range_end;     /* last day */
  GDate              today;         /* invalid: no today line */
  KtTimelineZoom     zoom;
  double             width;
  double             height;
  double             scroll_x;      /* content pixels */
  double             scroll_y;
  KtTimelineMetrics  metrics;
} KtTimelineViewport;

typedef struct {
  guint lane;     /* index into the lanes */
  guint marker;   /* index into the lane's markers */
} KtTimelineMarkerRef;

typedef enum {
  KT_TIMELINE_WALK_NEXT,       /* later in the lane, then the next lane's first */
  KT_TIMELINE_WALK_PREVIOUS,   /* earlier in the lane, then the previous lane's last */
  KT_TIMELINE_WALK_UP,         /* nearest in date, in the nearest lane above with markers */
  KT_TIMELINE_WALK_DOWN,
} KtTimelineWalk;

typedef struct {
  double   x;          /* start of the period, widget coordinates */
  double   width;      /* of the whole period, in pixels */
  guint    year;
  guint    month;      /* first month of the period */
  gboolean year_start; /* the period starts a year */
  char     label[48];  /* "Jan", "Q1", "2027" (translated); the painter
                        * leaves it out where it does not fit */
} KtTimelineTick;

typedef enum {
  KT_TIMELINE_ROW_LANE,
  KT_TIMELINE_ROW_HEADER,
} KtTimelineRowKind;

typedef struct {
  KtTimelineRowKind kind;
  guint    row;           /* index among all rows */
  guint    lane;          /* the lane; for a header the group's first lane */
  guint    group_size;    /* header: number of lanes in the group */
  double   y;             /* top, widget coordinates */
  /* Lane with a bar: its extent, clipped to a little beyond the visible
   * part of the time area. */
  gboolean has_bar;
  gboolean bar_open_end;  /* running: the bar fades out at x1 */
  gboolean bar_clipped_start;
  gboolean bar_clipped_end;
  double   bar_x0;
  double   bar_x1;
  /* This lane's visible markers in kt_timeline_layout_get_markers () */
  guint    first_marker;
  guint    n_markers;
} KtTimelineRowBox;

typedef struct {
  KtTimelineMarkerRef     ref;
  const KtTimelineMarker *marker;
  double                  x;    /* centre, widget coordinates */
  double                  y;
} KtTimelineMarkerBox;

typedef struct _KtTimelineLayout KtTimelineLayout;

/* Pixels per day at each zoom (≈ 120 px a month, 135 px a quarter,
 * 275 px a year). */
double            kt_timeline_zoom_get_pixels_per_day   (KtTimelineZoom zoom);
/* Metrics that suit text of the given line height in pixels. */
void              kt_timeline_metrics_init              (KtTimelineMetrics *metrics,
                                                         double             line_height,
                                                         double             width);

KtTimelineLayout *kt_timeline_layout_new                (void);
void              kt_timeline_layout_free               (KtTimelineLayout *layout);

/* Takes a reference on lanes (KtTimelineLane *); the caller must not change
 * the array or the lanes afterwards. NULL for none. */
void              kt_timeline_layout_set_lanes          (KtTimelineLayout *layout,
                                                         GPtrArray        *lanes);
GPtrArray        *kt_timeline_layout_get_lanes          (KtTimelineLayout *layout);
guint             kt_timeline_layout_get_n_rows         (KtTimelineLayout *layout);
guint             kt_timeline_layout_get_lane_row       (KtTimelineLayout *layout,
                                                         guint             lane);
/* The earliest and latest date of any bar or marker; FALSE when there are
 * none. */
gboolean          kt_timeline_layout_get_data_range     (KtTimelineLayout *layout,
                                                         GDate            *first,
                                                         GDate            *last);
/* A scroll range of whole years covering the data, a year before today and
 * two after it (so that running contracts show where they go). */
void              kt_timeline_layout_suggest_range      (KtTimelineLayout *layout,
                                                         const GDate      *today,
                                                         GDate            *start,
                                                         GDate            *end);

void              kt_timeline_layout_set_viewport       (KtTimelineLayout         *layout,
                                                         const KtTimelineViewport *viewport);
const KtTimelineViewport *
                  kt_timeline_layout_get_viewport       (KtTimelineLayout *layout);

/* Size of the scrollable content and of the part of the widget showing it */
double            kt_timeline_layout_get_content_width  (KtTimelineLayout *layout);
double            kt_timeline_layout_get_content_height (KtTimelineLayout *layout);
double            kt_timeline_layout_get_page_width     (KtTimelineLayout *layout);
double            kt_timeline_layout_get_page_height    (KtTimelineLayout *layout);

/* Widget x of the start of the day with this Julian number (fractions
 * allowed: + 0.5 is the middle of the day), and back. */
double            kt_timeline_layout_x_for_julian       (KtTimelineLayout *layout,
                                                         double            julian);
double            kt_timeline_layout_julian_for_x       (KtTimelineLayout *layout,
                                                         double            x);
/* Content position of a marker's centre (compare with scroll_x/y) */
void              kt_timeline_layout_get_marker_position (KtTimelineLayout          *layout,
                                                          const KtTimelineMarkerRef *ref,
                                                          double                    *content_x,
                                                          double                    *content_y);

/* The frame: computed on first use after the viewport or lanes change.
 * Arrays stay valid until the next change. */
const KtTimelineTick *
                  kt_timeline_layout_get_ticks          (KtTimelineLayout *layout,
                                                         guint            *n_ticks);
const KtTimelineTick *
                  kt_timeline_layout_get_years          (KtTimelineLayout *layout,
                                                         guint            *n_years);
const KtTimelineRowBox *
                  kt_timeline_layout_get_rows           (KtTimelineLayout *layout,
                                                         guint            *n_rows);
const KtTimelineMarkerBox *
                  kt_timeline_layout_get_markers        (KtTimelineLayout *layout,
                                                         guint            *n_markers);
/* The header of the group of the topmost visible lane, pinned under the
 * axis (pushed up by the next group's header); NULL when none. */
const KtTimelineRowBox *
                  kt_timeline_layout_get_pinned_header  (KtTimelineLayout *layout);

/* Hit testing, widget coordinates. A marker is hit within its size plus a
 * small margin; the nearest wins, the later one when two overlap. */
gboolean          kt_timeline_layout_hit_marker         (KtTimelineLayout    *layout,
                                                         double               x,
                                                         double               y,
                                                         KtTimelineMarkerRef *out);
/* The lane row under (x, y), label column included; *on_bar tells whether
 * the point is on its bar. FALSE over the axis, a header or empty space. */
gboolean          kt_timeline_layout_hit_lane           (KtTimelineLayout    *layout,
                                                         double               x,
                                                         double               y,
                                                         guint               *lane,
                                                         gboolean            *on_bar);

/* Keyboard order. from NULL: NEXT gives the first marker of all, PREVIOUS
 * the last. FALSE at the ends (then *out is untouched). */
gboolean          kt_timeline_layout_walk               (KtTimelineLayout          *layout,
                                                         const KtTimelineMarkerRef *from,
                                                         KtTimelineWalk             walk,
                                                         KtTimelineMarkerRef       *out);
/* The marker of lane nearest in date to julian (the earlier on a tie);
 * FALSE when the lane has none. */
gboolean          kt_timeline_layout_nearest_in_lane    (KtTimelineLayout    *layout,
                                                         guint                lane,
                                                         guint32              julian,
                                                         KtTimelineMarkerRef *out);
/* The first lane with markers at or after lane (forward) or at or before
 * it; FALSE when there is none. */
gboolean          kt_timeline_layout_find_lane_with_markers (KtTimelineLayout *layout,
                                                             guint             lane,
                                                             gboolean          forward,
                                                             guint            *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtTimelineLayout, kt_timeline_layout_free)

G_END_DECLS
