/* kt-matrix-layout.h — the geometry of the supplier segmentation matrix
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Supply risk runs left to right, importance bottom to top (Kraljic): the
 * strategic quadrant is top right, leverage top left, bottleneck bottom
 * right, non-critical bottom left; the quadrant lines sit at the
 * thresholds. One bubble per supplier, its area in proportion to the annual
 * spend, with a label placed so that no two labels and no label and bubble
 * overlap (a label that cannot be placed is left out: the table and the
 * tooltip still name it). No GTK: the widget, the projector and the export
 * all use this.
 */
#pragma once

#include <pango/pango.h>

#include "kt-supplier-score.h"

G_BEGIN_DECLS

typedef struct {
  double x, y, width, height;
} KtMatrixRect;

typedef struct {
  const KtSupplierScore *score;   /* not owned: the caller keeps the scores alive */
  double                 cx, cy;  /* centre */
  double                 radius;
  gboolean               has_label;
  KtMatrixRect           label;   /* where the name is drawn, when has_label */
} KtMatrixBubble;

typedef struct {
  /* Sizes in the output's units (pixels on screen, points in a PDF);
   * scale everything with font_size. */
  double                  width;
  double                  height;
  double                  font_size;           /* body text, e.g. 11 (screen) or 28 (projector) */
  gboolean                show_legend;
  const char             *title;               /* drawn above the plot; NULL for none */
  PangoFontDescription   *font;                /* NULL: "Sans" at font_size */
} KtMatrixGeometry;

typedef struct _KtMatrixLayout KtMatrixLayout;

/* @scores: KtSupplierScore *, kept by reference (the layout holds a ref on
 * the array). @context: for measuring labels (pango_cairo_font_map_create_context
 * or the widget's). */
KtMatrixLayout     *kt_matrix_layout_new        (GPtrArray               *scores,
                                                 const KtMatrixSettings  *settings,
                                                 const KtMatrixGeometry  *geometry,
                                                 PangoContext            *context);
void                kt_matrix_layout_free       (KtMatrixLayout          *layout);

const KtMatrixRect *kt_matrix_layout_get_plot   (const KtMatrixLayout    *layout);
/* Quadrant rectangles, indexed by KtSegment. */
const KtMatrixRect *kt_matrix_layout_get_quadrant (const KtMatrixLayout  *layout,
                                                   KtSegment              segment);
guint               kt_matrix_layout_get_n_bubbles (const KtMatrixLayout *layout);
/* In drawing order (largest first, so small bubbles stay on top); index
 * n_bubbles - 1 is drawn last. */
const KtMatrixBubble *kt_matrix_layout_get_bubble (const KtMatrixLayout  *layout,
                                                   guint                  index);
/* The bubble at (x, y), the topmost when they overlap; -1 for none. */
int                 kt_matrix_layout_hit        (const KtMatrixLayout    *layout,
                                                 double                   x,
                                                 double                   y);
/* The importance and risk (0–100, clamped) at a point of the plot, for
 * dragging a bubble to a new place. */
void                kt_matrix_layout_value_at   (const KtMatrixLayout    *layout,
                                                 double                   x,
                                                 double                   y,
                                                 guint                   *importance,
                                                 guint                   *risk);
/* Keyboard order: from the bubble @from (or -1), the nearest bubble in
 * @direction (GTK_DIR_* values: 0 tab forward, 1 tab backward, 2 up, 3 down,
 * 4 left, 5 right); -1 when there is none. Tab order is by segment
 * (strategic first) then importance, descending. */
int                 kt_matrix_layout_next       (const KtMatrixLayout    *layout,
                                                 int                      from,
                                                 int                      direction);

/* What a screen reader says for a bubble: "Netværksvagten A/S, strategic,
 * importance 72, risk 65, annual spend 1.240.000 kr., 3 contracts" (plus
 * ", placed by hand" for an override). Translated. */
char               *kt_matrix_bubble_describe   (const KtMatrixBubble    *bubble);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtMatrixLayout, kt_matrix_layout_free)

G_END_DECLS
