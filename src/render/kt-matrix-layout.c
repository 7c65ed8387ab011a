/* kt-matrix-layout.c — the frame, the bubbles and keyboard order of the
 * supplier segmentation matrix
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "kt-matrix-layout-private.h"

const char *
kt_matrix_legend_text (KtMatrixLegendItem item)
{
  switch (item)
    {
    case KT_MATRIX_LEGEND_STRATEGIC:
    case KT_MATRIX_LEGEND_LEVERAGE:
    case KT_MATRIX_LEGEND_BOTTLENECK:
    case KT_MATRIX_LEGEND_NON_CRITICAL:
      return kt_segment_label ((KtSegment) item);
    case KT_MATRIX_LEGEND_SIZE:
      /* Translators: legend of the supplier matrix: a bubble's size shows
       * the supplier's annual spend. Danish: "Størrelse = årligt forbrug" */
      return _("Size = annual spend");
    case KT_MATRIX_LEGEND_OVERRIDE:
      /* Translators: legend of the supplier matrix: a bubble with a dashed
       * outline was moved by hand (a manual override). Danish: "Stiplet =
       * placeret manuelt" */
      return _("Dashed = placed by hand");
    case KT_MATRIX_LEGEND_N:
    default:
      g_return_val_if_reached ("");
    }
}

static void
measure (PangoLayout                *text,
         const PangoFontDescription *font,
         const char                 *str,
         double                     *width,
         double                     *height)
{
  PangoRectangle logical;

  pango_layout_set_font_description (text, font);
  pango_layout_set_text (text, str, -1);
  pango_layout_get_extents (text, NULL, &logical);
  if (width != NULL)
    *width = ceil ((double) logical.width / PANGO_SCALE);
  if (height != NULL)
    *height = ceil ((double) logical.height / PANGO_SCALE);
}

static inline KtMatrixRect
rect (double x,
      double y,
      double width,
      double height)
{
  return (KtMatrixRect) { x, y, MAX (width, 0), MAX (height, 0) };
}

static double
x_for_risk (const KtMatrixLayout *layout,
            double                risk)
{
  return layout->plot.x + layout->plot.width * risk / 100.0;
}

static double
y_for_importance (const KtMatrixLayout *layout,
                  double                importance)
{
  return layout->plot.y + layout->plot.height * (1 - importance / 100.0);
}

/* The legend as a column right of the plot on wide pictures, else in rows
 * under it; returns the room it takes (width when right, height when
 * below). */
static double
place_legend (KtMatrixLayout *layout,
              PangoLayout    *text,
              gboolean        right,
              double          x0,
              double          x1,
              double          y0)
{
  double row = ceil (layout->line * 1.5);
  double gap = layout->pad * 0.5;
  double max_text = right ? MAX (layout->width * 0.3, 4 * layout->line) : x1 - x0;
  double widths[KT_MATRIX_LEGEND_N];
  double widest = 0, x = x0, y = y0;

  for (guint i = 0; i < KT_MATRIX_LEGEND_N; i++)
    {
      measure (text, layout->font, kt_matrix_legend_text (i), &widths[i], NULL);
      widths[i] = MIN (widths[i], max_text) + layout->swatch_width + gap;
      widest = MAX (widest, widths[i]);
    }

  for (guint i = 0; i < KT_MATRIX_LEGEND_N; i++)
    {
      if (right)
        {
          layout->legend[i] = rect (x0, y, widths[i], row);
          y += row;
          continue;
        }
      if (x > x0 && x + widths[i] > x1)
        {
          x = x0;
          y += row;
        }
      layout->legend[i] = rect (x, y, MIN (widths[i], x1 - x), row);
      x += widths[i] + 2 * layout->pad;
    }

  return right ? widest : y + row - y0;
}

static void
place_frame (KtMatrixLayout *layout,
             PangoLayout    *text)
{
  double pad = layout->pad, line = layout->line;
  double top = pad, left, right = pad, bottom;
  gboolean legend_right = layout->width >= 1.25 * layout->height;
  double x_title_w, y_title_w;

  if (layout->title != NULL && layout->title[0] != '\0')
    {
      layout->title_rect = rect (pad, pad, layout->width - 2 * pad, layout->title_line);
      top += layout->title_line + pad;
    }
  else
    top += line * 0.5;   /* the top tick label reaches half a line above the plot */

  measure (text, layout->font, "100", &layout->tick_label_width, NULL);
  left = pad + line + pad * 0.75 + layout->tick_label_width + pad * 0.5;
  bottom = pad * 0.5 + line + pad * 0.5 + line + pad;

  if (layout->has_legend && legend_right)
    right += place_legend (layout, text, TRUE, 0, 0, top) + 2 * pad;
  else if (layout->has_legend)
    {
      double h = place_legend (layout, text, FALSE, left, layout->width - pad, 0);

      for (guint i = 0; i < KT_MATRIX_LEGEND_N; i++)
        layout->legend[i].y += layout->height - pad - h;
      bottom += h + pad * 0.5;
    }

  layout->plot = rect (round (left), round (top),
                       floor (layout->width - right - round (left)),
                       floor (layout->height - bottom - round (top)));
  if (layout->has_legend && legend_right)
    for (guint i = 0; i < KT_MATRIX_LEGEND_N; i++)
      layout->legend[i].x = layout->plot.x + layout->plot.width + 2 * pad;

  /* Translators: the horizontal axis of the supplier matrix; the arrow
   * points towards more risk. Danish: "Forsyningsrisiko →" */
  measure (text, layout->font, _("Supply risk →"), &x_title_w, NULL);
  /* Translators: the vertical axis of the supplier matrix (importance or
   * profit impact); the arrow points up, towards more. Danish: "Betydning →" */
  measure (text, layout->font, _("Importance →"), &y_title_w, NULL);
  x_title_w = MIN (x_title_w, layout->plot.width);
  y_title_w = MIN (y_title_w, layout->plot.height);
  layout->x_title = rect (layout->plot.x + (layout->plot.width - x_title_w) / 2,
                          layout->plot.y + layout->plot.height + pad * 0.5 + line + pad * 0.5,
                          x_title_w, line);
  layout->y_title = rect (pad, layout->plot.y + (layout->plot.height - y_title_w) / 2,
                          line, y_title_w);
}

static void
place_quadrants (KtMatrixLayout *layout,
                 PangoLayout    *text)
{
  const KtMatrixRect *p = &layout->plot;
  double xs = round (x_for_risk (layout, layout->risk_threshold));
  double ys = round (y_for_importance (layout, layout->importance_threshold));
  double inset_x = layout->pad * 0.5, inset_y = layout->pad * 0.35;

  layout->quadrants[KT_SEGMENT_STRATEGIC] = rect (xs, p->y, p->x + p->width - xs, ys - p->y);
  layout->quadrants[KT_SEGMENT_LEVERAGE] = rect (p->x, p->y, xs - p->x, ys - p->y);
  layout->quadrants[KT_SEGMENT_BOTTLENECK] = rect (xs, ys, p->x + p->width - xs, p->y + p->height - ys);
  layout->quadrants[KT_SEGMENT_NON_CRITICAL] = rect (p->x, ys, xs - p->x, p->y + p->height - ys);

  for (guint s = 0; s < KT_SEGMENT_N; s++)
    {
      const KtMatrixRect *q = &layout->quadrants[s];
      gboolean at_right = s == KT_SEGMENT_STRATEGIC || s == KT_SEGMENT_BOTTLENECK;
      gboolean at_top = s == KT_SEGMENT_STRATEGIC || s == KT_SEGMENT_LEVERAGE;
      double w, h;

      measure (text, layout->bold, kt_segment_label (s), &w, &h);
      w = MIN (w, q->width - 2 * inset_x);
      if (w < 2 * layout->line || h + 2 * inset_y > q->height)
        {
          layout->quadrant_names[s] = rect (q->x, q->y, 0, 0);
          continue;
        }
      layout->quadrant_names[s] = rect (at_right ? q->x + q->width - inset_x - w : q->x + inset_x,
                                        at_top ? q->y + inset_y : q->y + q->height - inset_y - h,
                                        w, h);
    }
}

static int
compare_drawing (gconstpointer a,
                 gconstpointer b)
{
  const KtMatrixBubble *x = a, *y = b;

  if (x->radius != y->radius)
    return x->radius > y->radius ? -1 : 1;
  if (kt_matrix_score_spend (x->score) != kt_matrix_score_spend (y->score))
    return kt_matrix_score_spend (x->score) > kt_matrix_score_spend (y->score) ? -1 : 1;
  return x->score->supplier_id < y->score->supplier_id ? -1 : x->score->supplier_id > y->score->supplier_id;
}

static void
place_bubbles (KtMatrixLayout *layout)
{
  guint n = layout->scores != NULL ? layout->scores->len : 0;
  gint64 max_spend = 0;

  layout->max_radius = MIN (3 * layout->font_size, MIN (layout->plot.width, layout->plot.height) / 8);
  layout->max_radius = MAX (layout->max_radius, 2);
  layout->min_radius = MIN (0.5 * layout->font_size, layout->max_radius);

  for (guint i = 0; i < n; i++)
    max_spend = MAX (max_spend, kt_matrix_score_spend (g_ptr_array_index (layout->scores, i)));

  g_array_set_size (layout->bubbles, n);
  for (guint i = 0; i < n; i++)
    {
      KtMatrixBubble *b = kt_matrix_layout_bubble_at (layout, i);
      const KtSupplierScore *score = g_ptr_array_index (layout->scores, i);
      double share = max_spend > 0 ? (double) kt_matrix_score_spend (score) / max_spend : 0;

      b->score = score;
      b->cx = x_for_risk (layout, MIN (score->risk, 100));
      b->cy = y_for_importance (layout, MIN (score->importance, 100));
      /* The area, not the radius, in proportion to the spend */
      b->radius = MAX (layout->min_radius, layout->max_radius * sqrt (share));
      b->has_label = FALSE;
      b->label = rect (b->cx, b->cy, 0, 0);
    }

  g_array_sort (layout->bubbles, compare_drawing);
}

KtMatrixLayout *
kt_matrix_layout_new (GPtrArray              *scores,
                      const KtMatrixSettings *settings,
                      const KtMatrixGeometry *geometry,
                      PangoContext           *context)
{
  KtMatrixLayout *layout;
  g_autoptr(PangoLayout) text = NULL;
  double fs;

  g_return_val_if_fail (geometry != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  fs = geometry->font_size > 0 ? geometry->font_size : 11;
  layout = g_new0 (KtMatrixLayout, 1);
  layout->scores = scores != NULL ? g_ptr_array_ref (scores) : NULL;
  layout->importance_threshold = settings != NULL ? CLAMP (settings->importance_threshold, 1, 99) : 50;
  layout->risk_threshold = settings != NULL ? CLAMP (settings->risk_threshold, 1, 99) : 50;
  layout->width = MAX (geometry->width, 1);
  layout->height = MAX (geometry->height, 1);
  layout->font_size = fs;
  layout->pad = fs;
  layout->has_legend = geometry->show_legend;
  layout->title = g_strdup (geometry->title);
  layout->bubbles = g_array_new (FALSE, TRUE, sizeof (KtMatrixBubble));

  /* Everything is measured in the picture's own units, whatever the
   * context's resolution: a PDF in points, the screen in pixels */
  layout->font = geometry->font != NULL ? pango_font_description_copy (geometry->font)
                                        : pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (layout->font, fs * PANGO_SCALE);
  layout->bold = pango_font_description_copy (layout->font);
  pango_font_description_set_weight (layout->bold, PANGO_WEIGHT_BOLD);
  layout->title_font = pango_font_description_copy (layout->bold);
  pango_font_description_set_absolute_size (layout->title_font, round (fs * 1.3) * PANGO_SCALE);

  text = pango_layout_new (context);
  measure (text, layout->font, "Ag", NULL, &layout->line);
  measure (text, layout->title_font, "Ag", NULL, &layout->title_line);
  layout->swatch_width = ceil (layout->line * 1.6);

  place_frame (layout, text);
  place_quadrants (layout, text);
  place_bubbles (layout);
  kt_matrix_layout_sort_tab_order (layout);
  kt_matrix_layout_place_labels (layout, context);

  return layout;
}

void
kt_matrix_layout_free (KtMatrixLayout *layout)
{
  if (layout == NULL)
    return;

  for (guint i = 0; i < layout->bubbles->len; i++)
    g_clear_object (&layout->labels[i]);
  g_free (layout->labels);
  g_free (layout->tab_order);
  g_free (layout->tab_rank);
  g_array_unref (layout->bubbles);
  g_clear_pointer (&layout->scores, g_ptr_array_unref);
  pango_font_description_free (layout->font);
  pango_font_description_free (layout->bold);
  pango_font_description_free (layout->title_font);
  g_free (layout->title);
  g_free (layout);
}

const KtMatrixRect *
kt_matrix_layout_get_plot (const KtMatrixLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return &layout->plot;
}

const KtMatrixRect *
kt_matrix_layout_get_quadrant (const KtMatrixLayout *layout,
                               KtSegment             segment)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (segment < KT_SEGMENT_N, NULL);

  return &layout->quadrants[segment];
}

guint
kt_matrix_layout_get_n_bubbles (const KtMatrixLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->bubbles->len;
}

const KtMatrixBubble *
kt_matrix_layout_get_bubble (const KtMatrixLayout *layout,
                             guint                 index)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (index < layout->bubbles->len, NULL);

  return &g_array_index (layout->bubbles, KtMatrixBubble, index);
}
