/* kt-projector-slide-figures.h — the key figures slide (nøgletal)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-portfolio-figures.h"

G_BEGIN_DECLS

/* Four tiles: live contracts, total annual cost, expiring within 12
 * months, overdue deadlines. The value labels are named "figure-live",
 * "figure-annual-cost", "figure-expiring" and "figure-overdue" (for
 * tests and AT-SPI). */
GtkWidget *kt_projector_slide_figures_new (const KtPortfolioFigures *figures);

G_END_DECLS
