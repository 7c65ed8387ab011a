/* kt-matrix-layout-private.h — shared by the matrix layout and its painter
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout measures and places every piece of text once, so that the
 * painter only draws where it is told and the label placement is checked
 * against what is really drawn.
 */
#pragma once

#include "kt-matrix-layout.h"

G_BEGIN_DECLS

typedef enum {
  KT_MATRIX_LEGEND_STRATEGIC,
  KT_MATRIX_LEGEND_LEVERAGE,
  KT_MATRIX_LEGEND_BOTTLENECK,
  KT_MATRIX_LEGEND_NON_CRITICAL,
  KT_MATRIX_LEGEND_SIZE,
  KT_MATRIX_LEGEND_OVERRIDE,
  KT_MATRIX_LEGEND_N,
} KtMatrixLegendItem;

struct _KtMatrixLayout
{
  GPtrArray            *scores;
  guint                 importance_threshold;
  guint                 risk_threshold;

  double                width;
  double                height;
  double                font_size;
  double                pad;
  double                line;              /* height of a line of body text */
  double                title_line;
  PangoFontDescription *font;              /* absolute size: font_size units */
  PangoFontDescription *bold;
  PangoFontDescription *title_font;
  char                 *title;

  KtMatrixRect          title_rect;        /* width 0: no title */
  KtMatrixRect          plot;
  KtMatrixRect          quadrants[KT_SEGMENT_N];
  KtMatrixRect          quadrant_names[KT_SEGMENT_N]; /* width 0: no room */
  double                tick_label_width;  /* room left of the plot for "100" */
  KtMatrixRect          x_title;
  KtMatrixRect          y_title;           /* the rotated title's box on the page */

  gboolean              has_legend;
  double                swatch_width;
  KtMatrixRect          legend[KT_MATRIX_LEGEND_N];

  double                min_radius;
  double                max_radius;
  GArray               *bubbles;           /* KtMatrixBubble, drawing order */
  PangoLayout         **labels;            /* per bubble; NULL when not placed */
  guint                *tab_order;         /* bubble indices in tab order */
  guint                *tab_rank;          /* inverse of tab_order */
};

static inline KtMatrixBubble *
kt_matrix_layout_bubble_at (KtMatrixLayout *layout,
                            guint           index)
{
  return &g_array_index (layout->bubbles, KtMatrixBubble, index);
}

/* Unknown or negative spend counts as none */
static inline gint64
kt_matrix_score_spend (const KtSupplierScore *score)
{
  return score->annual_spend > 0 ? score->annual_spend : 0;
}

/* The translated legend text of @item. */
const char *kt_matrix_legend_text (KtMatrixLegendItem item);

/* Fills tab_order and tab_rank (kt-matrix-access.c). */
void        kt_matrix_layout_sort_tab_order (KtMatrixLayout *layout);

/* Measures and places the bubbles' names (kt-matrix-labels.c): fills
 * has_label, label and layout->labels. */
void        kt_matrix_layout_place_labels (KtMatrixLayout *layout,
                                           PangoContext   *context);

G_END_DECLS
