/* kt-projector-slide-deadlines.h — the next 12 months of contract deadlines
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A large list, by month, of @items (KtDeadlineItem, from
 * kt_portfolio_committee_deadlines (), in date order): the date, the
 * contract, what is due and the supplier. Not the timeline's drawing: one
 * lane per contract does not fit a projector at 28px type, and a drawing
 * scrolled by the presenter reads worse than a list. @until: the end of the
 * window, for the lead line. */
GtkWidget *kt_projector_slide_deadlines_new (GPtrArray   *items,
                                             const GDate *until);

G_END_DECLS
