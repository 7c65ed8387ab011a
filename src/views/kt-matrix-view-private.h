/* kt-matrix-view-private.h — shared by kt-matrix-view.c, its table
 * (kt-matrix-view-table.c), its export (kt-matrix-view-export.c), its
 * overrides (kt-matrix-view-edit.c) and its refresh (kt-matrix-view-refresh.c)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-matrix.h"
#include "kt-matrix-view.h"
#include "kt-portfolio-filter.h"
#include "kt-portfolio-filter-bar.h"
#include "kt-supplier-score-panel.h"

G_BEGIN_DECLS

struct _KtMatrixView
{
  GtkWidget             parent_instance;

  /* Template */
  KtPortfolioFilterBar *filter_bar;
  GtkLabel             *count_label;
  GtkLabel             *formula_label;
  GtkToggleButton      *table_toggle;
  GtkStack             *content_stack;
  KtMatrix             *matrix;
  GtkColumnView        *column_view;
  AdwStatusPage        *empty_page;
  GtkWidget            *show_all_button;
  GtkRevealer          *panel_revealer;
  KtSupplierScorePanel *panel;

  KtStore              *store;
  gboolean              dirty;
  gboolean              loading;      /* the filter bar is being refilled */
  KtPortfolioFilter    *filter;
  GPtrArray            *rows;         /* KtContractRow *: every contract */
  GPtrArray            *suppliers;    /* KtSupplier * */
  GPtrArray            *overrides;    /* KtScoreOverride * */
  KtMatrixSettings     *settings;
  GPtrArray            *contracts;    /* KtContract * that pass the filter, borrowed from rows */
  GPtrArray            *scores;       /* KtSupplierScore * of those */
  GListStore           *items;        /* KtSupplierScoreItem *: the table */
  GtkSingleSelection   *selection;
  char                 *units_key;    /* the org units the filter bar has */
};

/* Reads the portfolio and shows it; a failure is shown in the view,
 * except with @quiet_busy a file locked for a moment, which leaves the
 * view as it was. */
gboolean               kt_matrix_view_load            (KtMatrixView *self,
                                                       gboolean      quiet_busy,
                                                       GError      **error);
/* Recomputes the scores from the filtered contracts and shows them. */
void                   kt_matrix_view_recompute       (KtMatrixView *self);
const KtSupplierScore *kt_matrix_view_find_score      (KtMatrixView *self,
                                                       gint64        supplier_id);
/* Shows the supplier's details at the side (or closes them for 0). */
void                   kt_matrix_view_show_supplier   (KtMatrixView *self,
                                                       gint64        supplier_id);
gboolean               kt_matrix_view_is_writable     (KtMatrixView *self);
/* The toast overlay above the view, NULL when there is none. */
AdwToastOverlay       *kt_matrix_view_get_overlay     (KtMatrixView *self);

/* Export: kt-matrix-view-export.c. Asks where, then writes what the
 * filters show. */
void                   kt_matrix_view_export          (KtMatrixView *self);
/* Writes what the filters show to path (.png, .svg or .pdf) and says so
 * in a toast. */
gboolean               kt_matrix_view_export_to_file  (KtMatrixView *self,
                                                       const char   *path,
                                                       GError      **error);

/* The table: kt-matrix-view-table.c */
void                   kt_matrix_view_table_init      (KtMatrixView *self);
void                   kt_matrix_view_table_fill      (KtMatrixView *self);
gint64                 kt_matrix_view_table_selected  (KtMatrixView *self);
void                   kt_matrix_view_table_select    (KtMatrixView *self,
                                                       gint64        supplier_id);

/* Overrides: kt-matrix-view-edit.c */
/* Asks why and stores the supplier at importance and risk (which the user
 * may still change in the dialog). */
void                   kt_matrix_view_ask_override    (KtMatrixView *self,
                                                       gint64        supplier_id,
                                                       guint         importance,
                                                       guint         risk);
/* Deletes the supplier's override, with an undo. */
void                   kt_matrix_view_use_computed    (KtMatrixView *self,
                                                       gint64        supplier_id);

G_END_DECLS
