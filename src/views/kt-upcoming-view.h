/* kt-upcoming-view.h — overdue and upcoming deadlines of the portfolio
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_UPCOMING_VIEW (kt_upcoming_view_get_type ())

G_DECLARE_FINAL_TYPE (KtUpcomingView, kt_upcoming_view, KT, UPCOMING_VIEW, GtkWidget)

/* Kommende frister: the open activities and computed deadlines that are
 * overdue or due within 30, 90 and 365 days, in sections, filtered by
 * responsible person ("Mine": the person named as the user), type and
 * organisational unit. Manual activities can be marked done from the list
 * (with an undo toast).
 *
 * Only the window is read from the store (kt_store_list_activities_in_window),
 * and only when shown: after kt_upcoming_view_invalidate () the list is
 * read again once it is on screen.
 *
 * Signals: "deadline-activated" (gint64 contract id, gint64 activity id,
 * int KtDerivedKind; activity id 0 for a computed deadline) when a row is
 * opened;
 * "activities-changed" () after marking done or undoing it. */
GtkWidget *kt_upcoming_view_new        (void);
void       kt_upcoming_view_set_store  (KtUpcomingView *self,
                                        KtStore        *store);
void       kt_upcoming_view_invalidate (KtUpcomingView *self);
/* A colleague saved: reads the deadlines again when shown (else when next
 * shown), keeping filters, the selected deadline (or its neighbour when
 * it is gone), the scroll position and the focus. A file locked for a
 * moment is skipped; the next poll reads it. Emits nothing. */
void       kt_upcoming_view_refresh    (KtUpcomingView *self);
/* Moves the keyboard focus to the list. */
void       kt_upcoming_view_focus_list (KtUpcomingView *self);

G_END_DECLS
