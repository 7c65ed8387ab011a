/* kt-projector-slide-suppliers.h — the largest suppliers by annual spend
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-portfolio-figures.h"

G_BEGIN_DECLS

/* figures->top_suppliers as horizontal bars, the name before and the
 * amount after each; the bars are drawn, the names and amounts are labels,
 * and each bar is a meter whose value a screen reader reads. */
GtkWidget *kt_projector_slide_suppliers_new (const KtPortfolioFigures *figures);

G_END_DECLS
