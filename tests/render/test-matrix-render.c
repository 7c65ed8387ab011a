/* test-matrix-render.c — the supplier matrix's layout and drawing, checked
 * on the pixels of an image surface, without a display
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include "matrix-test-scores.h"

/* Through a recording surface, as GTK's cairo nodes and the vector
 * exports draw: real circles, not copied images */
static void
picture_paint_recorded (Picture *pic)
{
  KtMatrixPaintOptions options = { &pic->palette, pic->context, -1, -1 };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);

  kt_matrix_paint (cr, pic->layout, &options);
  cairo_destroy (cr);

  cr = cairo_create (pic->surface);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  cairo_surface_flush (pic->surface);
}

/* The opaque colour at a pixel, 0–1 */
static KtMatrixColor
pixel (Picture *pic,
       double   x,
       double   y)
{
  int stride = cairo_image_surface_get_stride (pic->surface);
  guint32 v;

  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (pic->surface));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (pic->surface));
  v = *(guint32 *) (cairo_image_surface_get_data (pic->surface) + (int) y * stride + 4 * (int) x);

  return (KtMatrixColor) { ((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0,
                           (v & 0xff) / 255.0, ((v >> 24) & 0xff) / 255.0 };
}

/* @over composited on the opaque @under */
static KtMatrixColor
over (const KtMatrixColor *over_,
      const KtMatrixColor *under)
{
  double a = over_->alpha;

  return (KtMatrixColor) { over_->red * a + under->red * (1 - a),
                           over_->green * a + under->green * (1 - a),
                           over_->blue * a + under->blue * (1 - a), 1 };
}

static double
distance (const KtMatrixColor *a,
          const KtMatrixColor *b)
{
  return MAX (fabs (a->red - b->red), MAX (fabs (a->green - b->green), fabs (a->blue - b->blue)));
}

static void
assert_color (Picture             *pic,
              double               x,
              double               y,
              const KtMatrixColor *expected)
{
  KtMatrixColor got = pixel (pic, x, y);

  if (distance (&got, expected) > 2.5 / 255)
    g_error ("pixel at (%.0f, %.0f) is #%02x%02x%02x, expected #%02x%02x%02x", x, y,
             (int) round (got.red * 255), (int) round (got.green * 255), (int) round (got.blue * 255),
             (int) round (expected->red * 255), (int) round (expected->green * 255),
             (int) round (expected->blue * 255));
}

static gboolean
inside_rect (const KtMatrixRect *r,
             double              x,
             double              y)
{
  return x >= r->x && x <= r->x + r->width && y >= r->y && y <= r->y + r->height;
}

/* Nothing of a bubble or its label near (x, y) */
static gboolean
is_clear (const KtMatrixLayout *layout,
          double                x,
          double                y)
{
  for (guint i = 0; i < kt_matrix_layout_get_n_bubbles (layout); i++)
    {
      const KtMatrixBubble *b = kt_matrix_layout_get_bubble (layout, i);

      if (hypot (x - b->cx, y - b->cy) < b->radius + 6)
        return FALSE;
      if (b->has_label && inside_rect (&b->label, x, y))
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
five_suppliers (const KtMatrixSettings *settings)
{
  GPtrArray *scores = g_ptr_array_new_with_free_func (score_free);

  add_score (scores, settings, "Netværksvagten A/S", 95, 92, 2000000, FALSE);
  add_score (scores, settings, "KMD", 68, 6, 500000, FALSE);
  add_score (scores, settings, "Bottle Neck ApS", 18, 84, 100000, TRUE);
  add_score (scores, settings, "Lille", 5, 5, 0, FALSE);
  add_score (scores, settings, "Mellem", 40, 30, 300000, FALSE);

  return scores;
}

static void
test_pixels (void)
{
  KtMatrixSettings settings = settings_with (60, 40);
  g_autoptr(GPtrArray) scores = five_suppliers (&settings);

  for (guint run = 0; run <= KT_MATRIX_STYLE_PROJECTOR + 1; run++)
    {
      /* Every style on an image, and once more as vectors */
      KtMatrixStyle style = MIN (run, KT_MATRIX_STYLE_PROJECTOR);
      Picture pic;
      const KtMatrixRect *plot;
      guint n;

      picture_init (&pic, scores, &settings, 900, 600, 12, style);
      if (run > KT_MATRIX_STYLE_PROJECTOR)
        picture_paint_recorded (&pic);
      else
        picture_paint (&pic, -1, -1);
      plot = kt_matrix_layout_get_plot (pic.layout);
      n = kt_matrix_layout_get_n_bubbles (pic.layout);
      g_assert_cmpuint (n, ==, 5);

      /* The page outside the plot */
      assert_color (&pic, 1, 1, &pic.palette.background);
      assert_color (&pic, 898, 598, &pic.palette.background);
      assert_color (&pic, plot->x - 2, plot->y + plot->height / 3, &pic.palette.background);

      /* Each quadrant's tint at its centre, where nothing else is drawn */
      for (KtSegment s = 0; s < KT_SEGMENT_N; s++)
        {
          const KtMatrixRect *q = kt_matrix_layout_get_quadrant (pic.layout, s);
          double x = q->x + q->width / 2, y = q->y + q->height / 2;
          KtMatrixColor tint = over (&pic.palette.quadrants[s], &pic.palette.background);

          g_assert_true (is_clear (pic.layout, x, y));
          assert_color (&pic, x, y, &tint);
        }

      /* Each bubble in its segment's colour at its centre */
      for (guint i = 0; i < n; i++)
        {
          const KtMatrixBubble *b = kt_matrix_layout_get_bubble (pic.layout, i);

          assert_color (&pic, b->cx, b->cy, &pic.palette.bubbles[b->score->segment]);
        }

      picture_clear (&pic);
    }
}

static void
test_geometry (void)
{
  KtMatrixSettings settings = settings_with (60, 40);
  g_autoptr(GPtrArray) scores = five_suppliers (&settings);
  Picture pic;
  const KtMatrixRect *plot, *q;
  const KtMatrixBubble *largest = NULL, *smallest = NULL, *middle = NULL;

  picture_init (&pic, scores, &settings, 900, 600, 12, KT_MATRIX_STYLE_LIGHT);
  plot = kt_matrix_layout_get_plot (pic.layout);

  /* The quadrants tile the plot, split at the thresholds */
  q = kt_matrix_layout_get_quadrant (pic.layout, KT_SEGMENT_STRATEGIC);
  g_assert_cmpfloat_with_epsilon (q->x, plot->x + 0.4 * plot->width, 1);
  g_assert_cmpfloat_with_epsilon (q->y + q->height, plot->y + 0.4 * plot->height, 1);
  g_assert_cmpfloat_with_epsilon (q->x + q->width, plot->x + plot->width, 0.01);
  q = kt_matrix_layout_get_quadrant (pic.layout, KT_SEGMENT_NON_CRITICAL);
  g_assert_cmpfloat_with_epsilon (q->x, plot->x, 0.01);
  g_assert_cmpfloat_with_epsilon (q->y + q->height, plot->y + plot->height, 0.01);
  g_assert_cmpfloat_with_epsilon (q->x + q->width, plot->x + 0.4 * plot->width, 1);

  /* Drawn largest first; the area follows the spend */
  for (guint i = 0; i < kt_matrix_layout_get_n_bubbles (pic.layout); i++)
    {
      const KtMatrixBubble *b = kt_matrix_layout_get_bubble (pic.layout, i);

      if (i > 0)
        g_assert_cmpfloat (b->radius, <=, kt_matrix_layout_get_bubble (pic.layout, i - 1)->radius);
      if (b->score->annual_spend == 200000000)
        largest = b;
      else if (b->score->annual_spend == 0)
        smallest = b;
      else if (b->score->annual_spend == 50000000)
        middle = b;
    }
  g_assert_true (kt_matrix_layout_get_bubble (pic.layout, 0) == largest);
  g_assert_cmpfloat_with_epsilon (largest->radius, 3 * 12, 0.01);
  g_assert_cmpfloat_with_epsilon (smallest->radius, 0.5 * 12, 0.01);
  g_assert_cmpfloat_with_epsilon (middle->radius * middle->radius / (largest->radius * largest->radius),
                                  0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (largest->cx, plot->x + 0.92 * plot->width, 1e-9);
  g_assert_cmpfloat_with_epsilon (largest->cy, plot->y + 0.05 * plot->height, 1e-9);

  picture_clear (&pic);
}

/* A dashed outline lets the fill show through its gaps; a solid one does
 * not. Sampled inside the outline's width, all around. */
static guint
fill_showing_on_outline (Picture              *pic,
                         const KtMatrixBubble *b,
                         double                line)
{
  const KtMatrixColor *fill = &pic->palette.bubbles[b->score->segment];
  guint showing = 0;

  for (guint a = 0; a < 90; a++)
    {
      double angle = a * 2 * G_PI / 90;
      KtMatrixColor got = pixel (pic, b->cx + cos (angle) * (b->radius - 0.75 * line),
                                 b->cy + sin (angle) * (b->radius - 0.75 * line));

      if (distance (&got, fill) < 0.08)
        showing++;
    }

  return showing;
}

static guint
ring_in_color (Picture              *pic,
               const KtMatrixBubble *b,
               double                radius,
               const KtMatrixColor  *color)
{
  guint n = 0;

  for (guint a = 0; a < 90; a++)
    {
      double angle = a * 2 * G_PI / 90;
      double x = b->cx + cos (angle) * radius, y = b->cy + sin (angle) * radius;
      KtMatrixColor got;

      if (x < 0 || y < 0 || x >= 1280 || y >= 720)
        continue;
      got = pixel (pic, x, y);
      if (distance (&got, color) < 0.1)
        n++;
    }

  return n;
}

static void
test_marks (void)
{
  KtMatrixSettings settings = settings_with (60, 40);
  g_autoptr(GPtrArray) scores = five_suppliers (&settings);
  const KtMatrixBubble *solid = NULL, *dashed = NULL;
  int solid_index = -1;
  Picture pic;
  /* The projector at 28 px: lines four pixels wide */
  double line = 4;

  picture_init (&pic, scores, &settings, 1280, 720, 28, KT_MATRIX_STYLE_PROJECTOR);
  for (guint i = 0; i < kt_matrix_layout_get_n_bubbles (pic.layout); i++)
    {
      const KtMatrixBubble *b = kt_matrix_layout_get_bubble (pic.layout, i);

      if (b->score->override != NULL)
        dashed = b;
      else if (g_str_equal (b->score->supplier_name, "KMD"))
        {
          solid = b;
          solid_index = (int) i;
        }
    }

  picture_paint (&pic, -1, -1);
  g_test_message ("fill shows through %u of 90 points of the solid outline, %u of the dashed",
                  fill_showing_on_outline (&pic, solid, line), fill_showing_on_outline (&pic, dashed, line));
  g_assert_cmpuint (fill_showing_on_outline (&pic, solid, line), ==, 0);
  g_assert_cmpuint (fill_showing_on_outline (&pic, dashed, line), >=, 20);
  picture_paint_recorded (&pic);
  g_assert_cmpuint (fill_showing_on_outline (&pic, solid, line), ==, 0);
  g_assert_cmpuint (fill_showing_on_outline (&pic, dashed, line), >=, 20);
  g_assert_cmpuint (ring_in_color (&pic, solid, solid->radius + 4.25 * line, &pic.palette.focus), ==, 0);

  /* The focus ring around the focused bubble, and only there */
  picture_paint (&pic, solid_index, -1);
  g_assert_cmpuint (ring_in_color (&pic, solid, solid->radius + 4.25 * line, &pic.palette.focus), >=, 80);
  g_assert_cmpuint (ring_in_color (&pic, dashed, dashed->radius + 4.25 * line, &pic.palette.focus), ==, 0);

  /* The same ring drawn alone over a picture without it */
  picture_paint (&pic, -1, -1);
  {
    KtMatrixPaintOptions options = { &pic.palette, pic.context, solid_index, -1 };
    cairo_t *cr = cairo_create (pic.surface);

    kt_matrix_paint_highlights (cr, pic.layout, &options);
    cairo_destroy (cr);
    cairo_surface_flush (pic.surface);
  }
  g_assert_cmpuint (ring_in_color (&pic, solid, solid->radius + 4.25 * line, &pic.palette.focus), >=, 80);

  /* The hover halo darkens the ring round the bubble */
  {
    KtMatrixColor halo = pic.palette.foreground;
    KtMatrixColor tint = over (&pic.palette.quadrants[solid->score->segment], &pic.palette.background);
    KtMatrixColor expected, before[90];
    double radius = solid->radius + 2 * line;
    guint darkened = 0;

    halo.alpha = 0.3;
    expected = over (&halo, &tint);
    picture_paint (&pic, -1, -1);
    for (guint a = 0; a < 90; a++)
      before[a] = pixel (&pic, solid->cx + cos (a * 2 * G_PI / 90) * radius,
                         solid->cy + sin (a * 2 * G_PI / 90) * radius);
    picture_paint (&pic, -1, solid_index);
    for (guint a = 0; a < 90; a++)
      {
        KtMatrixColor after = pixel (&pic, solid->cx + cos (a * 2 * G_PI / 90) * radius,
                                     solid->cy + sin (a * 2 * G_PI / 90) * radius);

        if (distance (&before[a], &tint) < 0.02 && distance (&after, &expected) < 0.02)
          darkened++;
      }
    g_assert_cmpuint (darkened, >=, 45);
  }

  picture_clear (&pic);
}

/* ---- Labels ------------------------------------------------------------- */

static gboolean
rects_overlap (const KtMatrixRect *a,
               const KtMatrixRect *b)
{
  return a->x < b->x + b->width - 1e-6 && b->x < a->x + a->width - 1e-6 &&
         a->y < b->y + b->height - 1e-6 && b->y < a->y + a->height - 1e-6;
}

static void
check_labels (guint  n_suppliers,
              int    width,
              int    height,
              double font_size,
              guint  min_labels)
{
  KtMatrixSettings settings = settings_with (50, 50);
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (score_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_suppliers);
  g_autoptr(GPtrArray) labelled = g_ptr_array_new ();
  const KtMatrixRect *plot;
  Picture pic;
  guint n;

  for (guint i = 0; i < n_suppliers; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u%s", i % 3 == 0 ? "Leverandør" : "IT",
                                               i, i % 5 == 0 ? " Danmark A/S" : "");

      add_score (scores, &settings, name, g_rand_int_range (rand, 0, 101),
                 g_rand_int_range (rand, 0, 101),
                 i % 7 == 0 ? 0 : g_rand_int_range (rand, 0, 5000000), i % 11 == 0);
    }

  picture_init (&pic, scores, &settings, width, height, font_size, KT_MATRIX_STYLE_LIGHT);
  plot = kt_matrix_layout_get_plot (pic.layout);
  n = kt_matrix_layout_get_n_bubbles (pic.layout);
  g_assert_cmpuint (n, ==, n_suppliers);

  for (guint i = 0; i < n; i++)
    {
      const KtMatrixBubble *b = kt_matrix_layout_get_bubble (pic.layout, i);

      if (!b->has_label)
        continue;
      g_assert_cmpfloat (b->label.width, >, 0);
      g_assert_cmpfloat (b->label.height, >=, font_size);
      g_assert_cmpfloat (b->label.x, >=, plot->x);
      g_assert_cmpfloat (b->label.y, >=, plot->y);
      g_assert_cmpfloat (b->label.x + b->label.width, <=, plot->x + plot->width);
      g_assert_cmpfloat (b->label.y + b->label.height, <=, plot->y + plot->height);
      g_ptr_array_add (labelled, (gpointer) b);
    }
  g_test_message ("%u of %u names shown at %d x %d", labelled->len, n, width, height);
  g_assert_cmpuint (labelled->len, >=, min_labels);

  for (guint i = 0; i < labelled->len; i++)
    {
      const KtMatrixBubble *a = g_ptr_array_index (labelled, i);

      for (guint j = i + 1; j < labelled->len; j++)
        g_assert_false (rects_overlap (&a->label, &((const KtMatrixBubble *) g_ptr_array_index (labelled, j))->label));

      for (guint j = 0; j < n; j++)
        {
          const KtMatrixBubble *b = kt_matrix_layout_get_bubble (pic.layout, j);
          double dx = b->cx - CLAMP (b->cx, a->label.x, a->label.x + a->label.width);
          double dy = b->cy - CLAMP (b->cy, a->label.y, a->label.y + a->label.height);

          g_assert_cmpfloat (hypot (dx, dy), >=, b->radius - 1e-6);
        }
    }

  picture_paint (&pic, -1, -1);
  picture_clear (&pic);
}

static void
test_labels_dense (void)
{
  check_labels (200, 1280, 720, 13, 30);
  check_labels (200, 640, 420, 11, 0);
  check_labels (2000, 1280, 720, 13, 0);
}

static void
test_labels_sparse (void)
{
  KtMatrixSettings settings = settings_with (60, 40);
  g_autoptr(GPtrArray) scores = five_suppliers (&settings);
  Picture pic;

  /* Room for everyone: every name is shown */
  picture_init (&pic, scores, &settings, 900, 600, 12, KT_MATRIX_STYLE_LIGHT);
  for (guint i = 0; i < kt_matrix_layout_get_n_bubbles (pic.layout); i++)
    g_assert_true (kt_matrix_layout_get_bubble (pic.layout, i)->has_label);
  picture_clear (&pic);
}

static void
test_empty_and_tiny (void)
{
  KtMatrixSettings settings = settings_with (50, 50);
  g_autoptr(GPtrArray) scores = five_suppliers (&settings);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  Picture pic;

  picture_init (&pic, none, NULL, 400, 300, 11, KT_MATRIX_STYLE_HIGH_CONTRAST_DARK);
  picture_paint (&pic, -1, -1);
  g_assert_cmpuint (kt_matrix_layout_get_n_bubbles (pic.layout), ==, 0);
  g_assert_cmpint (kt_matrix_layout_next (pic.layout, -1, 0), ==, -1);
  g_assert_cmpint (kt_matrix_layout_hit (pic.layout, 200, 150), ==, -1);
  assert_color (&pic, 1, 1, &pic.palette.background);
  picture_clear (&pic);

  /* Too small for anything but the background: no crash, no labels */
  picture_init (&pic, scores, &settings, 30, 20, 11, KT_MATRIX_STYLE_LIGHT);
  picture_paint (&pic, 0, 1);
  for (guint i = 0; i < kt_matrix_layout_get_n_bubbles (pic.layout); i++)
    g_assert_false (kt_matrix_layout_get_bubble (pic.layout, i)->has_label);
  picture_clear (&pic);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/matrix/pixels", test_pixels);
  g_test_add_func ("/render/matrix/geometry", test_geometry);
  g_test_add_func ("/render/matrix/marks", test_marks);
  g_test_add_func ("/render/matrix/labels-dense", test_labels_dense);
  g_test_add_func ("/render/matrix/labels-sparse", test_labels_sparse);
  g_test_add_func ("/render/matrix/empty-and-tiny", test_empty_and_tiny);

  return g_test_run ();
}
