/* kt-portfolio-view.h — the searchable, sortable table of all contracts
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_PORTFOLIO_VIEW (kt_portfolio_view_get_type ())

G_DECLARE_FINAL_TYPE (KtPortfolioView, kt_portfolio_view, KT, PORTFOLIO_VIEW, GtkWidget)

GtkWidget *kt_portfolio_view_new          (void);
/* Shows the contracts of store (NULL: none) and resets search and filters.
 * On error the table is left empty and error says why. */
gboolean   kt_portfolio_view_set_store    (KtPortfolioView  *self,
                                           KtStore          *store,
                                           GError          **error);
/* Reads the contracts again, keeping search, filters, sort order and the
 * selected contract (by id) when it still exists. */
gboolean   kt_portfolio_view_reload       (KtPortfolioView  *self,
                                           GError          **error);
/* A colleague saved: reads the contracts again like _reload (), keeping
 * also the scroll position and the keyboard focus; a contract that was
 * deleted leaves the selection on its neighbour. A file locked for a
 * moment is skipped (the next poll retries); other errors show in a
 * toast, once. Emits nothing. */
void       kt_portfolio_view_refresh      (KtPortfolioView  *self);
/* Opens the search bar and puts the keyboard focus in it. */
void       kt_portfolio_view_focus_search (KtPortfolioView  *self);
/* Moves the keyboard focus to the table. */
void       kt_portfolio_view_focus_table  (KtPortfolioView  *self);
/* Selects the contract with this id if it is shown. */
void       kt_portfolio_view_select       (KtPortfolioView  *self,
                                           gint64            id);

G_END_DECLS
