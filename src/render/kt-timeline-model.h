/* kt-timeline-model.h — what the timeline draws: lanes, bars and markers
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline knows nothing about contracts or activities: the caller turns
 * its data into lanes (one per contract), each with an optional bar (the
 * contract period) and markers (deadlines). Lanes are plain reference-counted
 * records, cheap enough for 20,000 lanes and 200,000 markers; their fields
 * are read directly and changed only through the functions below.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  KT_TIMELINE_ZOOM_MONTH,     /* ticks per month */
  KT_TIMELINE_ZOOM_QUARTER,   /* ticks per quarter */
  KT_TIMELINE_ZOOM_YEAR,      /* ticks per year, quarters as minor ticks */
} KtTimelineZoom;

#define KT_TIMELINE_N_ZOOMS (KT_TIMELINE_ZOOM_YEAR + 1)

GType kt_timeline_zoom_get_type (void) G_GNUC_CONST;
#define KT_TYPE_TIMELINE_ZOOM (kt_timeline_zoom_get_type ())

/* A marker's state decides its shape and colour; shapes differ so that
 * colour is never the only cue. */
typedef enum {
  KT_TIMELINE_STATE_NORMAL,     /* open, more than 30 days ahead: circle */
  KT_TIMELINE_STATE_DUE_SOON,   /* open, within 30 days: triangle */
  KT_TIMELINE_STATE_OVERDUE,    /* open, date passed: diamond with "!" */
  KT_TIMELINE_STATE_DONE,       /* circle with a check mark */
  KT_TIMELINE_STATE_CANCELLED,  /* a cross */
} KtTimelineState;

#define KT_TIMELINE_N_STATES (KT_TIMELINE_STATE_CANCELLED + 1)
#define KT_TIMELINE_DUE_SOON_DAYS 30

typedef struct {
  GDate            date;
  guint32          julian;     /* of date, cached for the layout */
  KtTimelineState  state;
  /* Computed from the contract (e.g. the last day to give notice) rather
   * than entered: drawn hollow. */
  gboolean         derived;
  /* What the caller needs to open the item; the timeline only passes them
   * back in KtTimeline::marker-activated. */
  gint64           item_id;
  int              kind;
  /* Shown in the tooltip and spoken by screen readers, e.g.
   * "Notice deadline for K-2023-014 Lønsystem"; never NULL. */
  char            *label;
} KtTimelineMarker;

typedef struct {
  gint64   id;
  char    *label;       /* e.g. "K-2023-014 Lønsystem"; never NULL */
  /* Consecutive lanes with the same group (supplier, org unit) are drawn
   * under one header; NULL or "" for no header. The caller sorts. */
  char    *group;
  /* Contract period: bar_start invalid = no bar; bar_start valid and
   * bar_end invalid = running (open end). */
  GDate    bar_start;
  GDate    bar_end;
  /* KtTimelineMarker, in date order (equal dates in insertion order) */
  GArray  *markers;

  /*< private >*/
  gatomicrefcount ref_count;
} KtTimelineLane;

GType           kt_timeline_lane_get_type   (void) G_GNUC_CONST;
#define KT_TYPE_TIMELINE_LANE (kt_timeline_lane_get_type ())

KtTimelineLane *kt_timeline_lane_new        (gint64                id,
                                             const char           *label,
                                             const char           *group);
KtTimelineLane *kt_timeline_lane_ref        (KtTimelineLane       *lane);
void            kt_timeline_lane_unref      (KtTimelineLane       *lane);

/* start NULL or invalid removes the bar; end NULL or invalid = running. An
 * end before the start is treated as the start. */
void            kt_timeline_lane_set_bar    (KtTimelineLane       *lane,
                                             const GDate          *start,
                                             const GDate          *end);
/* Inserted in date order; date must be valid. */
void            kt_timeline_lane_add_marker (KtTimelineLane       *lane,
                                             const GDate          *date,
                                             const char           *label,
                                             KtTimelineState       state,
                                             gboolean              derived,
                                             gint64                item_id,
                                             int                   kind);

static inline guint
kt_timeline_lane_get_n_markers (const KtTimelineLane *lane)
{
  return lane->markers->len;
}

static inline const KtTimelineMarker *
kt_timeline_lane_get_marker (const KtTimelineLane *lane,
                             guint                 index)
{
  return &g_array_index (lane->markers, KtTimelineMarker, index);
}

/* The state of an open, done or cancelled item due on date, seen on today:
 * overdue when date < today, due soon when within KT_TIMELINE_DUE_SOON_DAYS
 * days (today included). */
KtTimelineState kt_timeline_state_for       (const GDate          *date,
                                             const GDate          *today,
                                             gboolean              done,
                                             gboolean              cancelled);

/* Translated words: "overdue", "due within 30 days", …; "" for NORMAL. */
const char     *kt_timeline_state_to_string (KtTimelineState       state);

/* What a screen reader says for a marker: "Notice deadline for K-2023-014
 * Lønsystem, 31 March 2027, overdue" (Danish: "…, 31. marts 2027,
 * forfalden"), with ", computed" for derived markers. */
char           *kt_timeline_marker_describe (const KtTimelineMarker *marker);

/* "31 March 2027" / "31. marts 2027", with full month names. */
char           *kt_timeline_format_date_spoken (const GDate       *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtTimelineLane, kt_timeline_lane_unref)

G_END_DECLS
