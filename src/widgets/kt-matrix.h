/* kt-matrix.h — the supplier segmentation matrix as a widget
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws kt-matrix-painter.h through gtk_snapshot_append_cairo (), in the
 * colours of the current style (light, dark, high contrast) or, with
 * kt_matrix_set_projector (), the projector's. Tooltips name the supplier
 * and its numbers; click or Enter activates a bubble; dragging a bubble
 * (when kt_matrix_set_editable ()) proposes a new place.
 *
 * Keyboard: one focus stop; inside it one bubble has the focus. Arrow keys
 * move to the nearest bubble in that direction, Home/End to the first and
 * last in tab order, Enter/Space activate. GTK 4.8 cannot give a drawn
 * widget accessible children: the focused bubble's spoken text
 * (kt_matrix_bubble_describe ()) is the widget's accessible description,
 * updated as the focus moves; with none focused it says how to use the keys.
 *
 * Signals:
 *   "supplier-activated" (gint64 supplier id)
 *   "supplier-moved"     (gint64 supplier id, guint importance, guint risk)
 *                         a bubble was dropped at a new place; the widget
 *                         draws it back where it was until the caller
 *                         stores an override and calls kt_matrix_set_scores ()
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-supplier-score.h"

G_BEGIN_DECLS

#define KT_TYPE_MATRIX (kt_matrix_get_type ())

G_DECLARE_FINAL_TYPE (KtMatrix, kt_matrix, KT, MATRIX, GtkWidget)

GtkWidget *kt_matrix_new           (void);
/* @scores: KtSupplierScore *; the widget keeps a reference and does not
 * change it. The focused supplier is kept when it is still there. */
void       kt_matrix_set_scores    (KtMatrix               *self,
                                    GPtrArray              *scores,
                                    const KtMatrixSettings *settings);
void       kt_matrix_set_editable  (KtMatrix               *self,
                                    gboolean                editable);
/* Large type and the projector palette, whatever the desktop theme. */
void       kt_matrix_set_projector (KtMatrix               *self,
                                    gboolean                projector);
/* The legend is drawn by default; a caller that explains the colours
 * itself (the projector's caption) can give its room to the plot. */
void       kt_matrix_set_show_legend (KtMatrix             *self,
                                      gboolean              show_legend);
/* Focus (and announce) the bubble of @supplier_id; FALSE when not shown. */
gboolean   kt_matrix_focus_supplier (KtMatrix              *self,
                                     gint64                 supplier_id);
/* The focused supplier, 0 for none. */
gint64     kt_matrix_get_focused_supplier (KtMatrix        *self);

G_END_DECLS
