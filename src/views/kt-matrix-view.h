/* kt-matrix-view.h — the "Leverandørmatrix" page: suppliers by importance
 * and risk
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_MATRIX_VIEW (kt_matrix_view_get_type ())

G_DECLARE_FINAL_TYPE (KtMatrixView, kt_matrix_view, KT, MATRIX_VIEW, GtkWidget)

/* The supplier segmentation matrix of the portfolio's live contracts,
 * filtered by status, category and unit, drawn or as a table; a supplier's
 * details at the side; a bubble dragged (or "Place by Hand…") stores an
 * override after asking why, undoable from the toast of the AdwToastOverlay
 * above the view. Ctrl+E (action "matrix-view.export") exports PNG, SVG or
 * PDF.
 *
 * Signals:
 *   "contract-activated" (gint64 contract id)  open the contract
 *   "supplier-activated" (gint64 supplier id)  show it on the Suppliers page */
GtkWidget *kt_matrix_view_new        (void);
void       kt_matrix_view_set_store  (KtMatrixView  *self,
                                      KtStore       *store);
/* Reads the portfolio again, keeping the filters, the focused supplier and
 * the open details. A failure shows its message in the view and is
 * returned. */
gboolean   kt_matrix_view_reload     (KtMatrixView  *self,
                                      GError       **error);
/* The portfolio changed: reload now if shown, else when next shown. */
void       kt_matrix_view_invalidate (KtMatrixView  *self);
/* A colleague saved: reads the portfolio again when shown (else when
 * next shown), keeping the filters, the focused bubble, the table's
 * selected supplier (or its neighbour when it left the matrix), the open
 * details, the scroll position and the focus. A file locked for a moment
 * is skipped; the next poll reads it. Emits nothing. */
void       kt_matrix_view_refresh    (KtMatrixView  *self);

G_END_DECLS
