/* kt-timeline-painter.h — draws a timeline layout with cairo and pango
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No GTK here: the widget paints through gtk_snapshot_append_cairo (), and
 * an image or PDF export could paint into any cairo surface.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "kt-timeline-layout.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} KtTimelineColor;

typedef struct {
  KtTimelineColor background;        /* the rows */
  KtTimelineColor foreground;        /* lane labels, headers */
  KtTimelineColor dim_foreground;    /* axis labels, group sizes */
  KtTimelineColor axis_background;
  KtTimelineColor header_background; /* group header rows */
  KtTimelineColor stripe;            /* every other row */
  KtTimelineColor grid;              /* month and quarter lines */
  KtTimelineColor grid_strong;       /* year lines, separators */
  KtTimelineColor bar_fill;
  KtTimelineColor bar_stroke;
  KtTimelineColor today;             /* the today line and its label */
  KtTimelineColor today_text;
  KtTimelineColor focus;
  KtTimelineColor states[KT_TIMELINE_N_STATES];
  KtTimelineColor marker_symbol;     /* ✓ and ! on filled markers */
  KtTimelineColor marker_outline;    /* alpha 0: none */
  double          line_scale;        /* 1; thicker lines in high contrast */
} KtTimelinePalette;

/* Adwaita's colours (libadwaita 1.2) for light or dark, normal or high
 * contrast; the widget then takes what the current style sheet defines. */
void  kt_timeline_palette_init  (KtTimelinePalette *palette,
                                 gboolean           dark,
                                 gboolean           high_contrast);

typedef struct {
  const KtTimelinePalette   *palette;
  /* Fonts and font options; NULL: pango_cairo_create_context (cr) */
  PangoContext              *pango_context;
  /* Drawn with a focus ring; NULL for none */
  const KtTimelineMarkerRef *focus;
  /* Under the pointer: drawn with a halo; NULL for none */
  const KtTimelineMarkerRef *hover;
  /* Device pixels per unit of the final output (2 on a HiDPI screen), for
   * the images markers are copied from; 0 means 1 */
  int                        scale_factor;
} KtTimelinePaintOptions;

/* Paints the whole viewport of layout at (0, 0). */
void  kt_timeline_paint         (cairo_t                      *cr,
                                 KtTimelineLayout             *layout,
                                 const KtTimelinePaintOptions *options);

/* One marker symbol centred on (x, y); also for a legend. */
void  kt_timeline_paint_marker  (cairo_t                 *cr,
                                 double                   x,
                                 double                   y,
                                 double                   size,
                                 KtTimelineState          state,
                                 gboolean                 derived,
                                 const KtTimelinePalette *palette);

G_END_DECLS
