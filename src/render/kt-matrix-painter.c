/* kt-matrix-painter.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kt-matrix-layout-private.h"
#include "kt-matrix-painter.h"

static const guint ticks[] = { 0, 25, 50, 75, 100 };

typedef struct {
  cairo_t               *cr;
  const KtMatrixLayout  *layout;
  const KtMatrixPalette *p;
  PangoLayout           *text;
  double                 lw;      /* the width of a thin line */
} Painter;

static inline void
set_color (cairo_t             *cr,
           const KtMatrixColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* @text at (x, y), at most @width wide (ellipsized; < 0 for any width),
 * aligned within that width */
/* Thin lines grow with the type, so that a projected picture keeps its
 * proportions */
static double
line_width (const KtMatrixLayout  *layout,
            const KtMatrixPalette *palette)
{
  return palette->line_scale * MAX (1, layout->font_size / 14);
}

static void
show_text (Painter                    *pt,
           const PangoFontDescription *font,
           const char                 *text,
           double                      x,
           double                      y,
           double                      width,
           PangoAlignment              alignment,
           const KtMatrixColor        *color)
{
  pango_layout_set_font_description (pt->text, font);
  pango_layout_set_width (pt->text, width >= 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_alignment (pt->text, alignment);
  pango_layout_set_text (pt->text, text, -1);
  set_color (pt->cr, color);
  cairo_move_to (pt->cr, x, y);
  pango_cairo_show_layout (pt->cr, pt->text);
}

static double
x_for (const KtMatrixLayout *layout,
       double                risk)
{
  return layout->plot.x + layout->plot.width * risk / 100.0;
}

static double
y_for (const KtMatrixLayout *layout,
       double                importance)
{
  return layout->plot.y + layout->plot.height * (1 - importance / 100.0);
}

static void
paint_axes (Painter *pt)
{
  const KtMatrixLayout *l = pt->layout;
  const KtMatrixRect *plot = &l->plot;
  cairo_t *cr = pt->cr;
  double line = l->line;

  /* Grid lines as thin rectangles on whole units stay sharp on screen */
  set_color (cr, &pt->p->grid);
  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      double x = MIN (floor (x_for (l, ticks[i])), plot->x + plot->width - pt->lw);
      double y = MIN (floor (y_for (l, ticks[i])), plot->y + plot->height - pt->lw);

      cairo_rectangle (cr, x, plot->y, pt->lw, plot->height);
      cairo_rectangle (cr, plot->x, y, plot->width, pt->lw);
    }
  cairo_fill (cr);

  set_color (cr, &pt->p->threshold);
  cairo_rectangle (cr, l->quadrants[KT_SEGMENT_STRATEGIC].x - pt->lw, plot->y, 2 * pt->lw, plot->height);
  cairo_rectangle (cr, plot->x, l->quadrants[KT_SEGMENT_BOTTLENECK].y - pt->lw, plot->width, 2 * pt->lw);
  cairo_fill (cr);

  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      char number[8];

      g_snprintf (number, sizeof number, "%u", ticks[i]);
      show_text (pt, l->font, number, x_for (l, ticks[i]) - l->tick_label_width,
                 plot->y + plot->height + l->pad * 0.5, 2 * l->tick_label_width,
                 PANGO_ALIGN_CENTER, &pt->p->dim_foreground);
      show_text (pt, l->font, number, plot->x - l->pad * 0.5 - l->tick_label_width,
                 y_for (l, ticks[i]) - line / 2, l->tick_label_width,
                 PANGO_ALIGN_RIGHT, &pt->p->dim_foreground);
    }

  show_text (pt, l->font, _("Supply risk →"), l->x_title.x, l->x_title.y, l->x_title.width,
             PANGO_ALIGN_CENTER, &pt->p->foreground);

  /* Importance reads upwards, its arrow pointing to the top */
  cairo_save (cr);
  cairo_translate (cr, l->y_title.x, l->y_title.y + l->y_title.height);
  cairo_rotate (cr, -G_PI / 2);
  show_text (pt, l->font, _("Importance →"), 0, 0, l->y_title.height,
             PANGO_ALIGN_CENTER, &pt->p->foreground);
  cairo_restore (cr);
}

static void
paint_quadrants (Painter *pt)
{
  const KtMatrixLayout *l = pt->layout;

  for (guint s = 0; s < KT_SEGMENT_N; s++)
    {
      const KtMatrixRect *q = &l->quadrants[s];

      set_color (pt->cr, &pt->p->quadrants[s]);
      cairo_rectangle (pt->cr, q->x, q->y, q->width, q->height);
      cairo_fill (pt->cr);
    }
}

/* Over the bubbles, with a rim of the background round the letters: the
 * names say which segment a colour stands for, they must stay readable,
 * yet a bubble in the corner must still show round them */
static void
paint_quadrant_names (Painter *pt)
{
  const KtMatrixLayout *l = pt->layout;
  cairo_t *cr = pt->cr;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, MAX (3 * pt->lw, l->line * 0.2));
  pango_layout_set_font_description (pt->text, l->bold);

  for (guint s = 0; s < KT_SEGMENT_N; s++)
    {
      const KtMatrixRect *r = &l->quadrant_names[s];

      if (r->width <= 0)
        continue;

      pango_layout_set_width (pt->text, (int) (r->width * PANGO_SCALE));
      pango_layout_set_alignment (pt->text, s == KT_SEGMENT_STRATEGIC || s == KT_SEGMENT_BOTTLENECK
                                            ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      pango_layout_set_text (pt->text, kt_segment_label (s), -1);
      cairo_new_path (cr);
      cairo_move_to (cr, r->x, r->y);
      pango_cairo_layout_path (cr, pt->text);
      set_color (cr, &pt->p->background);
      cairo_stroke_preserve (cr);
      set_color (cr, &pt->p->dim_foreground);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

static void
set_dashed (cairo_t *cr,
            double   lw,
            gboolean dashed)
{
  double dashes[] = { 2.5 * lw, 2 * lw };

  cairo_set_dash (cr, dashes, dashed ? 2 : 0, 0);
}

static void
paint_bubble (cairo_t               *cr,
              const KtMatrixPalette *p,
              double                 lw,
              double                 cx,
              double                 cy,
              double                 radius,
              KtSegment              segment,
              gboolean               dashed)
{
  /* The outline inside the radius: the layout keeps names clear of it */
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius - lw / 2, 0, 2 * G_PI);
  set_color (cr, &p->bubbles[segment % KT_SEGMENT_N]);
  if (!dashed)
    {
      /* A ring filled costs less than a line stroked, and looks the same */
      cairo_fill (cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, radius - lw, 0, 2 * G_PI);
      set_color (cr, &p->bubble_outline);
      cairo_fill (cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      return;
    }
  cairo_fill_preserve (cr);
  /* Placed by hand: dashed, and bolder, or the gaps of a thin line are
   * hard to see */
  set_dashed (cr, lw, TRUE);
  cairo_set_line_width (cr, 1.5 * lw);
  set_color (cr, &p->foreground);
  cairo_stroke (cr);
  set_dashed (cr, lw, FALSE);
}

/* Pixels per unit when @cr draws straight into an image at a plain
 * scale, else 0: vector output (PDF, SVG, GTK's recording of a cairo
 * node) gets real circles */
static double
raster_scale (cairo_t *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  double sx, sy;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return 0;
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_get_matrix (cr, &m);
  if (sx != 1 || sy != 1 || m.xy != 0 || m.yx != 0 || m.xx <= 0 || m.xx != m.yy)
    return 0;

  return m.xx;
}

/* Filling and stroking an anti-aliased circle costs far more than copying
 * its pixels: on an image each kind of bubble (segment, outline, radius to
 * half a pixel) is drawn once per frame and copied, on whole device
 * pixels, from there */
static void
paint_sprite (Painter              *pt,
              GHashTable           *sprites,
              double                scale,
              const KtMatrixBubble *b)
{
  guint halves = (guint) MAX (lround (b->radius * scale * 2), 1);
  gboolean dashed = b->score->override != NULL;
  KtSegment segment = b->score->segment % KT_SEGMENT_N;
  guint key = (halves << 3) | (segment << 1) | (dashed ? 1 : 0);
  double radius = halves / (2.0 * scale);
  double half = ceil (radius + pt->lw) + 1;
  int side = (int) ceil (2 * half * scale);
  cairo_surface_t *sprite = g_hash_table_lookup (sprites, GUINT_TO_POINTER (key));
  cairo_matrix_t m;
  double x, y;

  if (sprite == NULL)
    {
      cairo_t *cr;

      sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, side, side);
      cairo_surface_set_device_scale (sprite, scale, scale);
      cr = cairo_create (sprite);
      paint_bubble (cr, pt->p, pt->lw, half, half, radius, segment, dashed);
      cairo_destroy (cr);
      g_hash_table_insert (sprites, GUINT_TO_POINTER (key), sprite);
    }

  cairo_get_matrix (pt->cr, &m);
  x = (round ((b->cx - half) * m.xx + m.x0) - m.x0) / m.xx;
  y = (round ((b->cy - half) * m.yy + m.y0) - m.y0) / m.yy;
  cairo_set_source_surface (pt->cr, sprite, x, y);
  cairo_rectangle (pt->cr, x, y, side / scale, side / scale);
  cairo_fill (pt->cr);
}

static void
paint_bubbles (Painter *pt)
{
  const KtMatrixLayout *l = pt->layout;
  const KtMatrixRect *plot = &l->plot;
  cairo_t *cr = pt->cr;
  double scale = raster_scale (cr);
  g_autoptr(GHashTable) sprites = NULL;

  cairo_save (cr);
  cairo_rectangle (cr, plot->x, plot->y, plot->width, plot->height);
  cairo_clip (cr);

  if (scale > 0)
    sprites = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);

  for (guint i = 0; i < l->bubbles->len; i++)
    {
      const KtMatrixBubble *b = &g_array_index (l->bubbles, KtMatrixBubble, i);

      if (sprites != NULL)
        paint_sprite (pt, sprites, scale, b);
      else
        paint_bubble (cr, pt->p, pt->lw, b->cx, b->cy, b->radius, b->score->segment,
                      b->score->override != NULL);
    }

  cairo_restore (cr);
}

static void
paint_labels (Painter *pt)
{
  const KtMatrixLayout *l = pt->layout;

  set_color (pt->cr, &pt->p->foreground);
  for (guint i = 0; i < l->bubbles->len; i++)
    {
      const KtMatrixBubble *b = &g_array_index (l->bubbles, KtMatrixBubble, i);

      if (!b->has_label || l->labels[i] == NULL)
        continue;
      /* Drawn as measured, so that it covers exactly its place */
      cairo_move_to (pt->cr, b->label.x, b->label.y);
      pango_cairo_show_layout (pt->cr, l->labels[i]);
    }
}

static void
paint_hover (Painter *pt,
             int      index)
{
  const KtMatrixBubble *b = &g_array_index (pt->layout->bubbles, KtMatrixBubble, index);
  KtMatrixColor halo = pt->p->foreground;

  halo.alpha = 0.3;
  set_color (pt->cr, &halo);
  cairo_set_line_width (pt->cr, 4 * pt->lw);
  cairo_new_path (pt->cr);
  cairo_arc (pt->cr, b->cx, b->cy, b->radius + 2 * pt->lw, 0, 2 * G_PI);
  cairo_stroke (pt->cr);
}

static void
paint_focus (Painter *pt,
             int      index)
{
  const KtMatrixBubble *b = &g_array_index (pt->layout->bubbles, KtMatrixBubble, index);
  cairo_t *cr = pt->cr;

  /* A ring in the background colour keeps the focus ring apart from the
   * bubble and its neighbours */
  cairo_new_path (cr);
  cairo_set_line_width (cr, 3 * pt->lw);
  set_color (cr, &pt->p->background);
  cairo_arc (cr, b->cx, b->cy, b->radius + 1.5 * pt->lw, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 2.5 * pt->lw);
  set_color (cr, &pt->p->focus);
  cairo_arc (cr, b->cx, b->cy, b->radius + 4.25 * pt->lw, 0, 2 * G_PI);
  cairo_stroke (cr);
}

static void
paint_highlights (Painter                    *pt,
                  const KtMatrixPaintOptions *options)
{
  int n = (int) pt->layout->bubbles->len;

  if (options->hover >= 0 && options->hover < n && options->hover != options->focus)
    paint_hover (pt, options->hover);
  if (options->focus >= 0 && options->focus < n)
    paint_focus (pt, options->focus);
}

static void
paint_legend_swatch (Painter            *pt,
                     KtMatrixLegendItem  item,
                     double              x,
                     double              cy)
{
  const KtMatrixLayout *l = pt->layout;
  cairo_t *cr = pt->cr;
  double r = l->line * 0.42;

  cairo_new_path (cr);
  cairo_set_line_width (cr, pt->lw);
  switch (item)
    {
    case KT_MATRIX_LEGEND_SIZE:
      cairo_arc (cr, x + l->line * 0.25, cy + r - l->line * 0.2, l->line * 0.2, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x + l->swatch_width - r, cy, r, 0, 2 * G_PI);
      set_color (cr, &pt->p->grid);
      cairo_fill_preserve (cr);
      break;

    case KT_MATRIX_LEGEND_OVERRIDE:
      cairo_arc (cr, x + l->swatch_width / 2, cy, r, 0, 2 * G_PI);
      set_color (cr, &pt->p->grid);
      cairo_fill_preserve (cr);
      set_dashed (cr, pt->lw, TRUE);
      cairo_set_line_width (cr, 1.5 * pt->lw);
      set_color (cr, &pt->p->foreground);
      cairo_stroke (cr);
      set_dashed (cr, pt->lw, FALSE);
      return;

    default:
      cairo_arc (cr, x + l->swatch_width / 2, cy, r, 0, 2 * G_PI);
      set_color (cr, &pt->p->bubbles[item]);
      cairo_fill_preserve (cr);
      break;
    }

  set_color (cr, &pt->p->bubble_outline);
  cairo_stroke (cr);
}

static void
paint_legend (Painter *pt)
{
  const KtMatrixLayout *l = pt->layout;

  for (guint i = 0; i < KT_MATRIX_LEGEND_N; i++)
    {
      const KtMatrixRect *r = &l->legend[i];
      double text_x = r->x + l->swatch_width + l->pad * 0.5;

      paint_legend_swatch (pt, i, r->x, r->y + r->height / 2);
      show_text (pt, l->font, kt_matrix_legend_text (i), text_x, r->y + (r->height - l->line) / 2,
                 MAX (r->x + r->width - text_x, 1), PANGO_ALIGN_LEFT, &pt->p->foreground);
    }
}

void
kt_matrix_paint (cairo_t                    *cr,
                 const KtMatrixLayout       *layout,
                 const KtMatrixPaintOptions *options)
{
  PangoContext *own_context = NULL;
  g_autoptr(PangoLayout) text = NULL;
  PangoContext *context;
  Painter pt;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (options != NULL && options->palette != NULL);

  context = options->pango_context;
  if (context == NULL)
    context = own_context = pango_cairo_create_context (cr);
  text = pango_layout_new (context);
  pango_layout_set_single_paragraph_mode (text, TRUE);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);

  pt.cr = cr;
  pt.layout = layout;
  pt.p = options->palette;
  pt.text = text;
  pt.lw = line_width (layout, options->palette);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_clip (cr);
  set_color (cr, &pt.p->background);
  cairo_paint (cr);

  if (layout->title_rect.width > 0)
    show_text (&pt, layout->title_font, layout->title, layout->title_rect.x, layout->title_rect.y,
               layout->title_rect.width, PANGO_ALIGN_LEFT, &pt.p->foreground);

  if (layout->plot.width >= 1 && layout->plot.height >= 1)
    {
      paint_quadrants (&pt);
      paint_axes (&pt);
      paint_bubbles (&pt);
      paint_quadrant_names (&pt);
      paint_labels (&pt);
      paint_highlights (&pt, options);
    }

  if (layout->has_legend)
    paint_legend (&pt);

  cairo_restore (cr);
  g_clear_object (&own_context);
}

void
kt_matrix_paint_highlights (cairo_t                    *cr,
                            const KtMatrixLayout       *layout,
                            const KtMatrixPaintOptions *options)
{
  Painter pt = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (options != NULL && options->palette != NULL);

  pt.cr = cr;
  pt.layout = layout;
  pt.p = options->palette;
  pt.lw = line_width (layout, options->palette);

  cairo_save (cr);
  paint_highlights (&pt, options);
  cairo_restore (cr);
}
