/* matrix-test-scores.h — scores and pictures for the matrix tests
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "kt-matrix-layout.h"
#include "kt-matrix-painter.h"

/* ---- Scores made by hand: the layout must not depend on the formula ---- */

static inline void
score_free (gpointer data)
{
  KtSupplierScore *score = data;

  if (score->override != NULL)
    {
      g_free (score->override->reason);
      g_free (score->override);
    }
  g_free (score->supplier_name);
  g_free (score);
}

static inline KtSegment
segment_for (guint importance,
             guint risk,
             guint importance_threshold,
             guint risk_threshold)
{
  if (importance >= importance_threshold)
    return risk >= risk_threshold ? KT_SEGMENT_STRATEGIC : KT_SEGMENT_LEVERAGE;
  return risk >= risk_threshold ? KT_SEGMENT_BOTTLENECK : KT_SEGMENT_NON_CRITICAL;
}

static inline KtSupplierScore *
add_score (GPtrArray              *scores,
           const KtMatrixSettings *settings,
           const char             *name,
           guint                   importance,
           guint                   risk,
           gint64                  spend_kr,
           gboolean                overridden)
{
  KtSupplierScore *score = g_new0 (KtSupplierScore, 1);

  score->supplier_id = scores->len + 1;
  score->supplier_name = g_strdup (name);
  score->n_contracts = 1 + scores->len % 4;
  score->annual_spend = spend_kr * 100;
  score->importance = score->computed_importance = importance;
  score->risk = score->computed_risk = risk;
  score->segment = segment_for (importance, risk, settings->importance_threshold,
                                settings->risk_threshold);
  if (overridden)
    {
      score->override = g_new0 (KtScoreOverride, 1);
      score->override->supplier_id = score->supplier_id;
      score->override->importance = importance;
      score->override->risk = risk;
      score->override->reason = g_strdup ("Exit plan missing");
      score->computed_importance = importance / 2;
    }
  g_ptr_array_add (scores, score);

  return score;
}

static inline KtMatrixSettings
settings_with (guint importance_threshold,
               guint risk_threshold)
{
  KtMatrixSettings settings = { 0 };

  settings.id = 1;
  settings.importance_threshold = importance_threshold;
  settings.risk_threshold = risk_threshold;
  settings.full_spend = 200000000;
  settings.long_notice_months = 12;

  return settings;
}

/* ---- A picture ---------------------------------------------------------- */

typedef struct {
  cairo_surface_t *surface;
  PangoContext    *context;
  KtMatrixLayout  *layout;
  KtMatrixPalette  palette;
} Picture;

static inline void
picture_init (Picture                *pic,
              GPtrArray              *scores,
              const KtMatrixSettings *settings,
              int                     width,
              int                     height,
              double                  font_size,
              KtMatrixStyle           style)
{
  KtMatrixGeometry geometry = { width, height, font_size, TRUE, NULL, NULL };
  cairo_t *cr;

  pic->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (pic->surface);
  pic->context = pango_cairo_create_context (cr);
  cairo_destroy (cr);
  pic->layout = kt_matrix_layout_new (scores, settings, &geometry, pic->context);
  kt_matrix_palette_init (&pic->palette, style);
}

static inline void
picture_paint (Picture *pic,
               int      focus,
               int      hover)
{
  KtMatrixPaintOptions options = { &pic->palette, pic->context, focus, hover };
  cairo_t *cr = cairo_create (pic->surface);

  kt_matrix_paint (cr, pic->layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (pic->surface);
}

static inline void
picture_clear (Picture *pic)
{
  kt_matrix_layout_free (pic->layout);
  g_object_unref (pic->context);
  cairo_surface_destroy (pic->surface);
}

static inline int
index_of (const KtMatrixLayout *layout,
          const char           *name)
{
  for (guint i = 0; i < kt_matrix_layout_get_n_bubbles (layout); i++)
    if (g_str_equal (kt_matrix_layout_get_bubble (layout, i)->score->supplier_name, name))
      return (int) i;
  g_assert_not_reached ();
}
