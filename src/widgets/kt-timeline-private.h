/* kt-timeline-private.h — shared by kt-timeline.c and kt-timeline-input.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-timeline.h"
#include "kt-timeline-layout.h"

G_BEGIN_DECLS

struct _KtTimeline
{
  GtkWidget            parent_instance;

  KtTimelineLayout    *layout;
  GPtrArray           *lanes;
  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  guint                hscroll_policy : 1;
  guint                vscroll_policy : 1;
  /* Today has been scrolled into view once lanes and a size were known */
  guint                placed : 1;
  guint                has_focus_ref : 1;
  guint                has_hover : 1;
  guint                press_on_marker : 1;
  guint                panning : 1;
  guint                has_pointer : 1;
  guint                projector : 1;

  KtTimelineZoom       zoom;
  GDate                today;          /* invalid: the current date */
  GDate                range_start;
  GDate                range_end;
  KtTimelineMetrics    metrics;
  KtTimelineMarkerRef  focus_ref;
  KtTimelineMarkerRef  hover_ref;
  double               placed_value;   /* hadjustment value today was put at */

  /* Input state (kt-timeline-input.c) */
  double               pointer_x;      /* valid while has_pointer */
  double               pointer_y;
  KtTimelineMarkerRef  press_ref;
  double               zoom_scroll;    /* Ctrl+scroll not yet turned into a step */
  double               pinch_base;
  double               drag_h;
  double               drag_v;
  guint                kinetic_id;
  double               kinetic_vx;
  double               kinetic_vy;
  gint64               kinetic_time;
};

/* Makes the layout's viewport match the widget's size, zoom and scroll
 * position; call before asking the layout anything. */
void  kt_timeline_sync_layout      (KtTimeline                *self);
void  kt_timeline_effective_today  (KtTimeline                *self,
                                    GDate                     *out);
/* NULL clears the focus. scroll: bring it into view. */
void  kt_timeline_set_focus_ref    (KtTimeline                *self,
                                    const KtTimelineMarkerRef *ref,
                                    gboolean                   scroll);
void  kt_timeline_emit_activated   (KtTimeline                *self,
                                    const KtTimelineMarkerRef *ref);
/* Changes the zoom keeping the date under anchor_x (widget x) in place;
 * anchor_x < 0: the focused marker if visible, else the middle. */
void  kt_timeline_zoom_at          (KtTimeline                *self,
                                    KtTimelineZoom             zoom,
                                    double                     anchor_x);
void  kt_timeline_scroll_by        (KtTimeline                *self,
                                    double                     dx,
                                    double                     dy);
void  kt_timeline_stop_kinetic     (KtTimeline                *self);
/* After scrolling: what is under the pointer has changed */
void  kt_timeline_update_hover     (KtTimeline                *self);
/* With keyboard focus and no focused marker, focuses one where the eye is */
void  kt_timeline_pick_initial_focus (KtTimeline              *self);

gboolean kt_timeline_find_marker   (KtTimeline                *self,
                                    gint64                     lane_id,
                                    gint64                     item_id,
                                    int                        kind,
                                    KtTimelineMarkerRef       *out);
void  kt_timeline_update_accessible (KtTimeline               *self);

/* Pointer, touch, scrolling and tooltips: kt-timeline-input.c */
void  kt_timeline_input_class_init (GtkWidgetClass            *widget_class);
void  kt_timeline_input_init       (KtTimeline                *self);
/* Keyboard focus, actions and keys: kt-timeline-focus.c */
void  kt_timeline_focus_class_init (GtkWidgetClass            *widget_class);
void  kt_timeline_focus_init       (KtTimeline                *self);

G_END_DECLS
