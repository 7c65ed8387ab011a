/* kt-portfolio-filter-bar.h — the status, category and unit drop-downs
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-portfolio-filter.h"

G_BEGIN_DECLS

#define KT_TYPE_PORTFOLIO_FILTER_BAR (kt_portfolio_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (KtPortfolioFilterBar, kt_portfolio_filter_bar, KT, PORTFOLIO_FILTER_BAR, GtkWidget)

/* The drop-downs set the status, category and org unit of filter as the
 * user picks. */
void kt_portfolio_filter_bar_set_filter    (KtPortfolioFilterBar *self,
                                            KtPortfolioFilter    *filter);
/* The portfolio's units (KtOrgUnit*) for the Unit drop-down, departments
 * each followed by their centres. A chosen unit that still exists stays
 * chosen. */
void kt_portfolio_filter_bar_set_org_units (KtPortfolioFilterBar *self,
                                            GPtrArray            *units);
/* Every drop-down back to "All". */
void kt_portfolio_filter_bar_reset         (KtPortfolioFilterBar *self);

G_END_DECLS
