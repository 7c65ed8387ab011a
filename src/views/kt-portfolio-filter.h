/* kt-portfolio-filter.h — which contracts the portfolio table shows
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KT_TYPE_PORTFOLIO_FILTER (kt_portfolio_filter_get_type ())

G_DECLARE_FINAL_TYPE (KtPortfolioFilter, kt_portfolio_filter, KT, PORTFOLIO_FILTER, GtkFilter)

/* A filter of KtContractRow items: search text, status, category and org
 * unit together. Each setter tells the filter models whether the change can
 * only hide rows, only show more, or both, so they refilter no more than
 * needed. */
KtPortfolioFilter *kt_portfolio_filter_new          (void);
/* Every word of text must occur in the row (kt_contract_row_matches). */
void               kt_portfolio_filter_set_text     (KtPortfolioFilter *self,
                                                     const char        *text);
/* A KtContractStatus / KtCategory value, or -1 for all. */
void               kt_portfolio_filter_set_status   (KtPortfolioFilter *self,
                                                     int                status);
void               kt_portfolio_filter_set_category (KtPortfolioFilter *self,
                                                     int                category);
/* Contracts of the unit unit_id and of every unit below it (a forvaltning
 * and its centres); 0 for all. units holds the portfolio's KtOrgUnit*. */
void               kt_portfolio_filter_set_org_unit (KtPortfolioFilter *self,
                                                     GPtrArray         *units,
                                                     gint64             unit_id);
/* Shows every row again. */
void               kt_portfolio_filter_clear        (KtPortfolioFilter *self);

G_END_DECLS
