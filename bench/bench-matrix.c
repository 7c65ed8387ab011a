/* bench-matrix.c — one frame of the supplier matrix with 2,000 suppliers
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 2,000 suppliers with random importance, risk and annual spend in a
 * 1280×720 picture at a 14 px body font, with the legend.
 *
 * OURS: what the widget does when the scores or the size change —
 * kt_matrix_layout_new () (bubbles, keyboard order, measuring and placing
 * the names) and kt_matrix_paint () into a cairo image surface: quadrants,
 * grid, axes, bubbles with outlines, names, legend; then the layout is
 * freed.
 * RAW: plain cairo drawing the same 2,000 circles (centres and radii from
 * the layout, computed beforehand) into the same surface, one cairo_arc ()
 * and cairo_fill () each, over a cleared background.
 *
 * The target is a ratio of at most 2. Usage: bench-matrix [N_SUPPLIERS]
 * (default 2000).
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stdio.h>
#include <stdlib.h>

#include <pango/pangocairo.h>

#include "kt-bench.h"
#include "kt-matrix-painter.h"

#define RUNS         51
#define WIDTH        1280
#define HEIGHT       720
#define FONT_SIZE    14.0
#define TARGET_RATIO 2.0

typedef struct {
  double cx, cy, radius;
  const KtMatrixColor *color;
} Circle;

typedef struct {
  GPtrArray        *scores;
  KtMatrixSettings  settings;
  KtMatrixGeometry  geometry;
  KtMatrixPalette   palette;
  PangoContext     *pango;
  cairo_surface_t  *surface;
  GArray           *circles;
  guint             labels;
} Bench;

static void
score_free (gpointer data)
{
  KtSupplierScore *score = data;

  g_free (score->supplier_name);
  g_free (score->override);
  g_free (score);
}

static GPtrArray *
make_scores (guint n)
{
  GPtrArray *scores = g_ptr_array_new_full (n, score_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2000);

  for (guint i = 0; i < n; i++)
    {
      KtSupplierScore *s = g_new0 (KtSupplierScore, 1);
      double r = g_rand_double (rand);

      s->supplier_id = i + 1;
      s->supplier_name = g_strdup_printf ("Leverandør %04u %s", i, i % 3 == 0 ? "A/S" : "ApS");
      s->n_contracts = 1 + i % 5;
      /* Few large suppliers, many small ones, as in a municipality */
      s->annual_spend = i % 10 == 0 ? 0 : (gint64) (r * r * r * 500000000.0);
      s->importance = s->computed_importance = g_rand_int_range (rand, 0, 101);
      s->risk = s->computed_risk = g_rand_int_range (rand, 0, 101);
      s->segment = s->importance >= 50 ? (s->risk >= 50 ? KT_SEGMENT_STRATEGIC : KT_SEGMENT_LEVERAGE)
                                       : (s->risk >= 50 ? KT_SEGMENT_BOTTLENECK : KT_SEGMENT_NON_CRITICAL);
      if (i % 37 == 0)
        s->override = g_new0 (KtScoreOverride, 1);
      g_ptr_array_add (scores, s);
    }

  return scores;
}

static void
run_ours (gpointer user_data)
{
  Bench *b = user_data;
  KtMatrixPaintOptions options = { &b->palette, b->pango, 0, 1 };
  KtMatrixLayout *layout;
  cairo_t *cr;

  layout = kt_matrix_layout_new (b->scores, &b->settings, &b->geometry, b->pango);
  cr = cairo_create (b->surface);
  kt_matrix_paint (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
  kt_matrix_layout_free (layout);
}

static void
run_raw (gpointer user_data)
{
  Bench *b = user_data;
  cairo_t *cr = cairo_create (b->surface);

  cairo_set_source_rgb (cr, b->palette.background.red, b->palette.background.green,
                        b->palette.background.blue);
  cairo_paint (cr);

  for (guint i = 0; i < b->circles->len; i++)
    {
      const Circle *c = &g_array_index (b->circles, Circle, i);

      cairo_set_source_rgba (cr, c->color->red, c->color->green, c->color->blue, c->color->alpha);
      cairo_arc (cr, c->cx, c->cy, c->radius, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 2000;
  KtMatrixLayout *layout;
  double ours, raw;
  Bench b = { 0 };
  cairo_t *cr;

  n = MAX (n, 1);
  b.scores = make_scores (n);
  b.settings.importance_threshold = 50;
  b.settings.risk_threshold = 50;
  b.geometry.width = WIDTH;
  b.geometry.height = HEIGHT;
  b.geometry.font_size = FONT_SIZE;
  b.geometry.show_legend = TRUE;
  kt_matrix_palette_init (&b.palette, KT_MATRIX_STYLE_LIGHT);

  b.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (b.surface);
  b.pango = pango_cairo_create_context (cr);
  cairo_destroy (cr);

  layout = kt_matrix_layout_new (b.scores, &b.settings, &b.geometry, b.pango);
  b.circles = g_array_new (FALSE, FALSE, sizeof (Circle));
  for (guint i = 0; i < kt_matrix_layout_get_n_bubbles (layout); i++)
    {
      const KtMatrixBubble *bubble = kt_matrix_layout_get_bubble (layout, i);
      Circle c = { bubble->cx, bubble->cy, bubble->radius, &b.palette.bubbles[bubble->score->segment] };

      g_array_append_val (b.circles, c);
      b.labels += bubble->has_label;
    }
  kt_matrix_layout_free (layout);

  kt_bench_reset_peak ();

  ours = kt_bench_median_ms (run_ours, &b, RUNS);
  raw = kt_bench_median_ms (run_raw, &b, RUNS);

  printf ("matrix-frame: %u suppliers at %d×%d, %u names placed\n", n, WIDTH, HEIGHT, b.labels);
  kt_bench_report ("matrix-frame", ours, raw, TARGET_RATIO);
  fflush (stdout);

  g_array_unref (b.circles);
  g_object_unref (b.pango);
  cairo_surface_destroy (b.surface);
  g_ptr_array_unref (b.scores);

  return 0;
}
