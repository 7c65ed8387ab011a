/* kt-projector-slide-deadlines.h — the next 12 months of contract deadlines
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @items (KtDeadlineItem, from kt_portfolio_committee_deadlines (), in
 * date order) from @today to @until: first the timeline's drawing with one
 * lane per supplier (one per contract would not fit a projector at 28px
 * type), in the projector's colours, then the same deadlines as a large
 * list by month: the date, the contract, what is due and the supplier. */
GtkWidget *kt_projector_slide_deadlines_new (GPtrArray   *items,
                                             const GDate *today,
                                             const GDate *until);

G_END_DECLS
