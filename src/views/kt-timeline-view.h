/* kt-timeline-view.h — the "Tidslinje" page: contracts and deadlines in time
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_TIMELINE_VIEW (kt_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (KtTimelineView, kt_timeline_view, KT, TIMELINE_VIEW, GtkWidget)

/* Signal: "deadline-activated" (gint64 contract id, gint64 activity id,
 * int KtDerivedKind) when a marker or a row of the list is activated: a
 * manual activity, or with activity id 0 a deadline computed from the
 * contract. */
GtkWidget *kt_timeline_view_new       (void);
void       kt_timeline_view_set_store (KtTimelineView  *self,
                                       KtStore         *store);
/* Reads the portfolio again (the timeline keeps its focus and scroll
 * position). A failure shows its message in the view and is returned. */
gboolean   kt_timeline_view_reload    (KtTimelineView  *self,
                                       GError         **error);
/* The portfolio changed: reload now if shown, else when next shown. */
void       kt_timeline_view_invalidate (KtTimelineView *self);
/* A colleague saved: reads the portfolio again when shown (else when next
 * shown), keeping the visible window, the zoom, the focused marker, the
 * list's selection (or its neighbour when the deadline is gone) and scroll
 * position. A file locked for a moment is skipped; the next poll reads
 * it. Emits nothing. */
void       kt_timeline_view_refresh   (KtTimelineView  *self);
/* For tests: the day the view treats as today (NULL: the real today). */
void       kt_timeline_view_set_today (KtTimelineView  *self,
                                       const GDate     *today);

G_END_DECLS
