/* kt-matrix-painter.h — draws the supplier segmentation matrix with cairo
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same drawing for the widget (gtk_snapshot_append_cairo), the projector
 * and the PNG / SVG / PDF export: labelled axes, the four quadrants with
 * their names, the bubbles coloured by segment with their labels, the
 * threshold lines and the legend.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "kt-matrix-layout.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} KtMatrixColor;

typedef struct {
  KtMatrixColor background;
  KtMatrixColor foreground;          /* axis titles, labels */
  KtMatrixColor dim_foreground;      /* ticks, quadrant names */
  KtMatrixColor grid;
  KtMatrixColor threshold;           /* the quadrant lines */
  KtMatrixColor quadrants[KT_SEGMENT_N];
  KtMatrixColor bubbles[KT_SEGMENT_N];
  KtMatrixColor bubble_outline;
  KtMatrixColor focus;
  double        line_scale;          /* 1; thicker in high contrast and on the projector */
} KtMatrixPalette;

typedef enum {
  KT_MATRIX_STYLE_LIGHT,
  KT_MATRIX_STYLE_DARK,
  KT_MATRIX_STYLE_HIGH_CONTRAST,
  KT_MATRIX_STYLE_HIGH_CONTRAST_DARK,
  /* Black on white, strong colours, thick lines: readable on any projector
   * whatever the desktop's theme; also used for print and export. */
  KT_MATRIX_STYLE_PROJECTOR,
} KtMatrixStyle;

void kt_matrix_palette_init (KtMatrixPalette *palette,
                             KtMatrixStyle    style);

typedef struct {
  const KtMatrixPalette *palette;
  PangoContext          *pango_context;  /* NULL: pango_cairo_create_context (cr) */
  int                    focus;          /* bubble index with a focus ring, -1 none */
  int                    hover;          /* bubble index with a halo, -1 none */
} KtMatrixPaintOptions;

/* Paints the whole layout at (0, 0) – (width, height) of the geometry.
 * Into an image surface (at a plain scale) bubbles are copied from images
 * drawn once per kind: with thousands of suppliers that is several times
 * faster than the real circles drawn into vector surfaces, PDF, SVG and
 * GTK's recording of gtk_snapshot_append_cairo (). */
void kt_matrix_paint            (cairo_t                    *cr,
                                 const KtMatrixLayout       *layout,
                                 const KtMatrixPaintOptions *options);
/* Only the focus ring and hover halo of @options: for a widget that keeps
 * the rest (kt_matrix_paint () with focus and hover -1) in a texture and
 * draws these over it as the pointer and focus move. */
void kt_matrix_paint_highlights (cairo_t                    *cr,
                                 const KtMatrixLayout       *layout,
                                 const KtMatrixPaintOptions *options);

G_END_DECLS
