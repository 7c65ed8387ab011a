/* bench-timeline.c — one frame of the timeline with 20,000 lanes
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 20,000 lanes (contracts, in groups of 100 like suppliers) with 200,000
 * markers in all, spread over three years; a 1280×720 picture at year zoom
 * shows the whole three-year window.
 *
 * OURS: what KtTimeline does for a frame — kt_timeline_layout_set_viewport
 * (), then kt_timeline_paint () into a cairo image surface: axis, grid,
 * bars, markers, labels, headers. Each run scrolls to another of 16
 * positions through the lanes.
 * RAW: plain cairo filling the same rectangles — the visible bars and the
 * markers' bounding boxes, computed beforehand for the same 16 positions —
 * into the same surface, one cairo_rectangle () and cairo_fill () each.
 *
 * The target is a frame within 16 ms (60 frames a second). Usage:
 * bench-timeline [N_LANES] (default 20000).
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stdio.h>
#include <stdlib.h>

#include <pango/pangocairo.h>

#include "kt-bench.h"
#include "kt-timeline-painter.h"

#define MARKERS_PER_LANE 10
#define POSITIONS        16
#define RUNS             97
#define WIDTH            1280
#define HEIGHT           720
#define TARGET_MS        16.0

typedef struct {
  double x, y, width, height;
  const KtTimelineColor *color;
} Rect;

typedef struct {
  KtTimelineLayout   *layout;
  KtTimelineViewport  viewport;
  KtTimelinePalette   palette;
  PangoContext       *pango;
  cairo_surface_t    *surface;
  double              scroll[POSITIONS];
  GArray             *rects[POSITIONS];
  guint               frame;
  guint               drawn_markers;
} Bench;

static GDate
dmy (guint day,
     guint month,
     guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return date;
}

static GPtrArray *
make_lanes (guint n_lanes)
{
  GPtrArray *lanes = g_ptr_array_new_full (n_lanes, (GDestroyNotify) kt_timeline_lane_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20000);
  GDate window_start = dmy (1, 1, 2025);
  GDate today = dmy (15, 6, 2026);

  for (guint i = 0; i < n_lanes; i++)
    {
      g_autofree char *label = g_strdup_printf ("K-%u-%05u Kontrakt om it-system nr. %u", 2015 + i % 11, i, i);
      g_autofree char *group = g_strdup_printf ("Leverandør %03u A/S", i / 100);
      KtTimelineLane *lane = kt_timeline_lane_new (i + 1, label, group);
      GDate start = window_start, end;

      g_date_add_days (&start, g_rand_int_range (rand, 0, 600));
      end = start;
      g_date_add_days (&end, g_rand_int_range (rand, 200, 1500));
      kt_timeline_lane_set_bar (lane, &start, i % 6 == 0 ? NULL : &end);

      for (guint j = 0; j < MARKERS_PER_LANE; j++)
        {
          GDate date = window_start;

          g_date_add_days (&date, g_rand_int_range (rand, 0, 3 * 365));
          kt_timeline_lane_add_marker (lane, &date, "Sidste frist for opsigelse",
                                       kt_timeline_state_for (&date, &today, j % 4 == 0, j == 7),
                                       j % 3 == 0, (gint64) i * MARKERS_PER_LANE + j, 0);
        }
      g_ptr_array_add (lanes, lane);
    }

  return lanes;
}

static void
set_position (Bench *b,
              guint  position)
{
  b->viewport.scroll_y = b->scroll[position];
  kt_timeline_layout_set_viewport (b->layout, &b->viewport);
}

static void
run_ours (gpointer user_data)
{
  Bench *b = user_data;
  KtTimelinePaintOptions options = { &b->palette, b->pango, NULL, NULL };
  cairo_t *cr;

  set_position (b, b->frame++ % POSITIONS);
  cr = cairo_create (b->surface);
  kt_timeline_paint (cr, b->layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
}

static void
run_raw (gpointer user_data)
{
  Bench *b = user_data;
  GArray *rects = b->rects[b->frame++ % POSITIONS];
  cairo_t *cr = cairo_create (b->surface);

  cairo_set_source_rgba (cr, b->palette.background.red, b->palette.background.green,
                         b->palette.background.blue, 1);
  cairo_paint (cr);

  for (guint i = 0; i < rects->len; i++)
    {
      const Rect *r = &g_array_index (rects, Rect, i);

      cairo_set_source_rgba (cr, r->color->red, r->color->green, r->color->blue, r->color->alpha);
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
  cairo_surface_flush (b->surface);
}

/* What RAW draws at each position, from the same layout */
static void
collect_rects (Bench *b)
{
  const KtTimelineMetrics *m = &b->viewport.metrics;

  for (guint p = 0; p < POSITIONS; p++)
    {
      const KtTimelineRowBox *rows;
      const KtTimelineMarkerBox *markers;
      guint n_rows, n_markers;

      set_position (b, p);
      rows = kt_timeline_layout_get_rows (b->layout, &n_rows);
      markers = kt_timeline_layout_get_markers (b->layout, &n_markers);
      b->rects[p] = g_array_new (FALSE, FALSE, sizeof (Rect));

      for (guint i = 0; i < n_rows; i++)
        if (rows[i].has_bar)
          {
            Rect r = { rows[i].bar_x0, rows[i].y + (m->row_height - m->bar_height) / 2,
                       rows[i].bar_x1 - rows[i].bar_x0, m->bar_height, &b->palette.bar_fill };

            g_array_append_val (b->rects[p], r);
          }
      for (guint i = 0; i < n_markers; i++)
        {
          Rect r = { markers[i].x - m->marker_size / 2, markers[i].y - m->marker_size / 2,
                     m->marker_size, m->marker_size, &b->palette.states[markers[i].marker->state] };

          g_array_append_val (b->rects[p], r);
        }
      b->drawn_markers += n_markers;
    }
}

int
main (int    argc,
      char **argv)
{
  guint n_lanes = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 20000;
  g_autoptr(GPtrArray) lanes = NULL;
  GDate today = dmy (15, 6, 2026);
  double ours, raw, content;
  Bench b = { 0 };
  cairo_t *cr;

  n_lanes = MAX (n_lanes, 1);
  lanes = make_lanes (n_lanes);

  b.layout = kt_timeline_layout_new ();
  kt_timeline_layout_set_lanes (b.layout, lanes);
  kt_timeline_layout_suggest_range (b.layout, &today, &b.viewport.range_start, &b.viewport.range_end);
  b.viewport.today = today;
  b.viewport.zoom = KT_TIMELINE_ZOOM_YEAR;
  b.viewport.width = WIDTH;
  b.viewport.height = HEIGHT;
  kt_timeline_metrics_init (&b.viewport.metrics, 17, WIDTH);
  kt_timeline_layout_set_viewport (b.layout, &b.viewport);
  kt_timeline_palette_init (&b.palette, FALSE, FALSE);

  content = kt_timeline_layout_get_content_height (b.layout) - kt_timeline_layout_get_page_height (b.layout);
  for (guint p = 0; p < POSITIONS; p++)
    b.scroll[p] = content * p / (POSITIONS - 1);

  b.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (b.surface);
  b.pango = pango_cairo_create_context (cr);
  cairo_destroy (cr);
  collect_rects (&b);

  kt_bench_reset_peak ();

  b.frame = 0;
  ours = kt_bench_median_ms (run_ours, &b, RUNS);
  b.frame = 0;
  raw = kt_bench_median_ms (run_raw, &b, RUNS);

  printf ("timeline-frame: %u lanes, %u markers, %.1f markers drawn per frame\n",
          n_lanes, n_lanes * MARKERS_PER_LANE, b.drawn_markers / (double) POSITIONS);
  kt_bench_report ("timeline-frame", ours, raw, 0);
  if (ours > TARGET_MS)
    printf ("timeline-frame: WARNING: over target (%.1f ms per frame > %.0f ms)\n", ours, TARGET_MS);
  fflush (stdout);

  for (guint p = 0; p < POSITIONS; p++)
    g_array_unref (b.rects[p]);
  g_object_unref (b.pango);
  cairo_surface_destroy (b.surface);
  kt_timeline_layout_free (b.layout);

  return 0;
}
