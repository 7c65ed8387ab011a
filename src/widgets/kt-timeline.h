/* kt-timeline.h — contracts and their deadlines on a time axis
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One lane per contract (KtTimelineLane, see kt-timeline-model.h), the
 * contract period as a bar, deadlines as markers, a line at today. The
 * drawing and geometry are in src/render; this widget adds input, focus and
 * accessibility.
 *
 * Scrolling: GtkScrollable. In a GtkScrolledWindow (for scroll bars) the
 * scrolled window scrolls on wheel and touchpad, with kinetic scrolling;
 * alone, the widget does so itself (Shift+wheel sideways). Dragging pans;
 * Ctrl+scroll, pinch and +/- zoom, keeping the date under the pointer (or
 * the focused marker) in place.
 *
 * Keyboard: the widget is one focus stop; inside it one marker has the
 * focus. Left/Right: previous/next marker in time along the lane (then on to
 * the neighbouring lane); Up/Down: the nearest marker in date in the lane
 * above/below; Home: today; Page Up/Down: a page of lanes; Enter or Space:
 * activate. The same as widget actions "timeline.previous", "timeline.next",
 * "timeline.lane-up", "timeline.lane-down", "timeline.today",
 * "timeline.page-up", "timeline.page-down", "timeline.activate",
 * "timeline.zoom-in", "timeline.zoom-out".
 *
 * Accessibility (GTK 4.8 has no API for accessible children of a drawn
 * widget): the accessible name is "Timeline" (callers may set their own
 * label); the accessible description is the focused marker's spoken text
 * (kt_timeline_marker_describe ()), updated as focus moves, so screen
 * readers announce each marker; with no marker focused it says how to use
 * the keys. The same deadlines must also be offered as a list elsewhere
 * (the "Upcoming deadlines" view); the timeline is not the only way to them.
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-timeline-model.h"

G_BEGIN_DECLS

#define KT_TYPE_TIMELINE (kt_timeline_get_type ())

G_DECLARE_FINAL_TYPE (KtTimeline, kt_timeline, KT, TIMELINE, GtkWidget)

GtkWidget      *kt_timeline_new                (void);

/* lanes: KtTimelineLane *, in display order (grouped by the caller). The
 * timeline keeps a reference; do not change the array or the lanes after.
 * The focused marker is kept if a marker with the same lane id, item id and
 * kind is still there; the scroll position is kept. NULL for none. */
void            kt_timeline_set_lanes          (KtTimeline     *self,
                                                GPtrArray      *lanes);
GPtrArray      *kt_timeline_get_lanes          (KtTimeline     *self);

void            kt_timeline_set_zoom           (KtTimeline     *self,
                                                KtTimelineZoom  zoom);
KtTimelineZoom  kt_timeline_get_zoom           (KtTimeline     *self);

/* The light high-contrast colours whatever the desktop's theme, for a
 * projector, and as tall as all its lanes (lanes without group headers;
 * the slide around it scrolls); the text size follows the widget's font
 * as always. */
void            kt_timeline_set_projector      (KtTimeline     *self,
                                                gboolean        projector);

/* NULL or an invalid date: the current local date (the default). */
void            kt_timeline_set_today          (KtTimeline     *self,
                                                const GDate    *today);
void            kt_timeline_get_today          (KtTimeline     *self,
                                                GDate          *out);

/* FALSE when no marker has the focus; any out argument may be NULL. */
gboolean        kt_timeline_get_focused_marker (KtTimeline     *self,
                                                gint64         *lane_id,
                                                gint64         *item_id,
                                                int            *kind);
/* Focuses the marker and scrolls it into view (e.g. to follow a selection
 * in a list of the same items); FALSE when there is no such marker. */
gboolean        kt_timeline_focus_marker       (KtTimeline     *self,
                                                gint64          lane_id,
                                                gint64          item_id,
                                                int             kind);
void            kt_timeline_scroll_to_today    (KtTimeline     *self);

G_END_DECLS
