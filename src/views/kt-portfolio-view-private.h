/* kt-portfolio-view-private.h — shared by kt-portfolio-view.c and its
 * refresh from colleagues' saves (kt-portfolio-view-refresh.c)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-portfolio-filter-bar.h"
#include "kt-portfolio-view.h"

G_BEGIN_DECLS

struct _KtPortfolioView
{
  GtkWidget           parent_instance;

  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  KtPortfolioFilterBar *filter_bar;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  GtkWidget          *footer_separator;
  GtkLabel           *summary_label;

  KtStore            *store;
  GListStore         *rows;
  KtPortfolioFilter  *filter;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  char               *units_key;      /* the org units the filter bar has */
  char               *refresh_error;  /* shown already; not again each poll */
};

/* kt-portfolio-view.c */
gint64   kt_portfolio_view_selected_id   (KtPortfolioView *self);
/* Selects the contract if it is shown; FALSE when it is not. */
gboolean kt_portfolio_view_select_id     (KtPortfolioView *self,
                                          gint64           id);

/* kt-portfolio-view-refresh.c */
/* Makes the table's rows @rows (KtContractRow), changing only those that
 * differ. */
void     kt_portfolio_view_sync_rows     (KtPortfolioView *self,
                                          GPtrArray       *rows);
/* The units of the filter bar (NULL: none); refilled only on a change. */
void     kt_portfolio_view_set_org_units (KtPortfolioView *self,
                                          GPtrArray       *units);

G_END_DECLS
