/* kt-supplier-score-panel.h — one supplier of the matrix: its place, why,
 * and its contracts
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-supplier-score.h"

G_BEGIN_DECLS

#define KT_TYPE_SUPPLIER_SCORE_PANEL (kt_supplier_score_panel_get_type ())

G_DECLARE_FINAL_TYPE (KtSupplierScorePanel, kt_supplier_score_panel, KT, SUPPLIER_SCORE_PANEL, GtkWidget)

/* Shows the supplier's name and segment, who placed it by hand and why,
 * the formula with its numbers (kt_supplier_score_explain ()) and the
 * contracts its score counts. It changes nothing itself:
 *
 * Signals (all with the supplier's id, but "contract-activated"):
 *   "contract-activated" (gint64 contract id)  a contract row was activated
 *   "supplier-activated" (gint64)              Show Supplier
 *   "place-by-hand"      (gint64)              Place by Hand…
 *   "use-computed"       (gint64)              Use Computed Place (only
 *                                              offered for an override)
 *   "close"              ()                    the close button */
GtkWidget *kt_supplier_score_panel_new          (void);
/* @contracts: the supplier's KtContract * that its score counts, in the
 * order to show; kept by reference. @read_only_reason: why the portfolio
 * cannot be changed, NULL when it can. */
void       kt_supplier_score_panel_set_score    (KtSupplierScorePanel   *self,
                                                 const KtSupplierScore  *score,
                                                 const KtMatrixSettings *settings,
                                                 GPtrArray              *contracts,
                                                 const char             *read_only_reason);
/* The supplier shown, 0 for none. */
gint64     kt_supplier_score_panel_get_supplier (KtSupplierScorePanel   *self);
/* Keyboard focus to the panel's first control. */
void       kt_supplier_score_panel_focus        (KtSupplierScorePanel   *self);

G_END_DECLS
