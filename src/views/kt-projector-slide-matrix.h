/* kt-projector-slide-matrix.h — the supplier matrix on the projector
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-supplier-score.h"

G_BEGIN_DECLS

#define KT_TYPE_PROJECTOR_SLIDE_MATRIX (kt_projector_slide_matrix_get_type ())

G_DECLARE_FINAL_TYPE (KtProjectorSlideMatrix, kt_projector_slide_matrix, KT, PROJECTOR_SLIDE_MATRIX, GtkWidget)

/* Leverandørmatrix: a KtMatrix in projector mode beside a caption. Until a
 * bubble is clicked the caption counts the suppliers per segment; a click
 * shows that supplier there in large type: segment, importance, risk,
 * annual spend, live contracts — never the reason of an override (a
 * private note). @scores: KtSupplierScore *, kept by reference. */
GtkWidget *kt_projector_slide_matrix_new         (GPtrArray              *scores,
                                                  const KtMatrixSettings *settings);
/* Shows @supplier_id in the caption as a click on its bubble does; FALSE
 * (caption unchanged) when it has no bubble. */
gboolean   kt_projector_slide_matrix_show_supplier (KtProjectorSlideMatrix *self,
                                                    gint64                  supplier_id);

G_END_DECLS
