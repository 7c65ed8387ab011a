/* test-matrix-layout.c — the supplier matrix's hit testing, values under
 * the pointer, keyboard order and spoken text
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>
#include <string.h>

#include "kt-format.h"
#include "matrix-test-scores.h"

static void
test_hit (void)
{
  KtMatrixSettings settings = settings_with (50, 50);
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (score_free);
  const KtMatrixBubble *big, *small;
  const KtMatrixRect *plot;
  Picture pic;

  add_score (scores, &settings, "Small", 51, 51, 10000, FALSE);
  add_score (scores, &settings, "Big", 50, 50, 2000000, FALSE);
  picture_init (&pic, scores, &settings, 900, 600, 12, KT_MATRIX_STYLE_LIGHT);
  big = kt_matrix_layout_get_bubble (pic.layout, index_of (pic.layout, "Big"));
  small = kt_matrix_layout_get_bubble (pic.layout, index_of (pic.layout, "Small"));
  plot = kt_matrix_layout_get_plot (pic.layout);

  /* The small one is drawn over the big one and wins where they overlap */
  g_assert_cmpint (index_of (pic.layout, "Small"), >, index_of (pic.layout, "Big"));
  g_assert_cmpfloat (hypot (big->cx - small->cx, big->cy - small->cy), <, big->radius);
  g_assert_cmpint (kt_matrix_layout_hit (pic.layout, small->cx, small->cy), ==, index_of (pic.layout, "Small"));
  g_assert_cmpint (kt_matrix_layout_hit (pic.layout, big->cx - big->radius + 2, big->cy), ==,
                   index_of (pic.layout, "Big"));
  g_assert_cmpint (kt_matrix_layout_hit (pic.layout, big->cx - big->radius - 2, big->cy), ==, -1);
  g_assert_cmpint (kt_matrix_layout_hit (pic.layout, plot->x + 5, plot->y + 5), ==, -1);
  g_assert_cmpint (kt_matrix_layout_hit (pic.layout, 1, 1), ==, -1);

  picture_clear (&pic);
}

static void
test_value_at (void)
{
  KtMatrixSettings settings = settings_with (60, 40);
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (score_free);
  const KtMatrixRect *plot;
  guint importance, risk;
  Picture pic;

  for (guint i = 0; i <= 100; i += 5)
    add_score (scores, &settings, "S", i, 100 - i, i * 1000, FALSE);
  add_score (scores, &settings, "T", 33, 67, 0, FALSE);
  picture_init (&pic, scores, &settings, 800, 500, 11, KT_MATRIX_STYLE_DARK);
  plot = kt_matrix_layout_get_plot (pic.layout);

  for (guint i = 0; i < kt_matrix_layout_get_n_bubbles (pic.layout); i++)
    {
      const KtMatrixBubble *b = kt_matrix_layout_get_bubble (pic.layout, i);

      kt_matrix_layout_value_at (pic.layout, b->cx, b->cy, &importance, &risk);
      g_assert_cmpuint (importance, ==, b->score->importance);
      g_assert_cmpuint (risk, ==, b->score->risk);
    }

  /* Clamped outside the plot */
  kt_matrix_layout_value_at (pic.layout, plot->x - 40, plot->y - 40, &importance, &risk);
  g_assert_cmpuint (importance, ==, 100);
  g_assert_cmpuint (risk, ==, 0);
  kt_matrix_layout_value_at (pic.layout, plot->x + plot->width + 40, plot->y + plot->height + 40,
                             &importance, &risk);
  g_assert_cmpuint (importance, ==, 0);
  g_assert_cmpuint (risk, ==, 100);

  picture_clear (&pic);
}

enum { TAB_FORWARD, TAB_BACKWARD, UP, DOWN, LEFT, RIGHT };

static void
test_next (void)
{
  KtMatrixSettings settings = settings_with (50, 50);
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (score_free);
  KtMatrixLayout *l;
  Picture pic;
  int centre, up, down, left, right, far, twin_a, twin_b, first, second;

  add_score (scores, &settings, "Centre", 50, 50, 1000, FALSE);
  add_score (scores, &settings, "Up", 80, 50, 1000, FALSE);
  add_score (scores, &settings, "Down", 20, 50, 1000, FALSE);
  add_score (scores, &settings, "Left", 50, 20, 1000, FALSE);
  add_score (scores, &settings, "Right", 50, 80, 1000, FALSE);
  add_score (scores, &settings, "Far", 60, 95, 1000, FALSE);
  add_score (scores, &settings, "Twin A", 10, 10, 1000, FALSE);
  add_score (scores, &settings, "Twin B", 10, 10, 1000, FALSE);
  picture_init (&pic, scores, &settings, 1000, 700, 12, KT_MATRIX_STYLE_LIGHT);
  l = pic.layout;
  centre = index_of (l, "Centre");
  up = index_of (l, "Up");
  down = index_of (l, "Down");
  left = index_of (l, "Left");
  right = index_of (l, "Right");
  far = index_of (l, "Far");
  twin_a = index_of (l, "Twin A");
  twin_b = index_of (l, "Twin B");

  g_assert_cmpint (kt_matrix_layout_next (l, centre, UP), ==, up);
  g_assert_cmpint (kt_matrix_layout_next (l, centre, DOWN), ==, down);
  g_assert_cmpint (kt_matrix_layout_next (l, centre, LEFT), ==, left);
  g_assert_cmpint (kt_matrix_layout_next (l, centre, RIGHT), ==, right);
  g_assert_cmpint (kt_matrix_layout_next (l, right, RIGHT), ==, far);
  g_assert_cmpint (kt_matrix_layout_next (l, up, UP), ==, -1);
  g_assert_cmpint (kt_matrix_layout_next (l, far, RIGHT), ==, -1);
  g_assert_cmpint (kt_matrix_layout_next (l, left, UP), ==, up);

  /* Tab: strategic first, then by importance (then risk), descending */
  g_assert_cmpint (kt_matrix_layout_next (l, -1, TAB_FORWARD), ==, up);
  g_assert_cmpint (kt_matrix_layout_next (l, up, TAB_FORWARD), ==, far);
  g_assert_cmpint (kt_matrix_layout_next (l, far, TAB_FORWARD), ==, right);
  g_assert_cmpint (kt_matrix_layout_next (l, right, TAB_FORWARD), ==, centre);
  g_assert_cmpint (kt_matrix_layout_next (l, centre, TAB_FORWARD), ==, left);    /* leverage */
  g_assert_cmpint (kt_matrix_layout_next (l, left, TAB_FORWARD), ==, down);      /* bottleneck */
  first = kt_matrix_layout_next (l, down, TAB_FORWARD);                          /* non-critical */
  g_assert_cmpint (first, ==, twin_a);
  second = kt_matrix_layout_next (l, first, TAB_FORWARD);
  g_assert_cmpint (second, ==, twin_b);
  g_assert_cmpint (kt_matrix_layout_next (l, second, TAB_FORWARD), ==, -1);
  g_assert_cmpint (kt_matrix_layout_next (l, -1, TAB_BACKWARD), ==, twin_b);
  g_assert_cmpint (kt_matrix_layout_next (l, centre, TAB_BACKWARD), ==, right);
  g_assert_cmpint (kt_matrix_layout_next (l, up, TAB_BACKWARD), ==, -1);

  /* Two suppliers in one place can both be reached with the arrows */
  g_assert_cmpint (kt_matrix_layout_next (l, twin_a, RIGHT), ==, twin_b);
  g_assert_cmpint (kt_matrix_layout_next (l, twin_b, LEFT), ==, twin_a);
  g_assert_cmpint (kt_matrix_layout_next (l, twin_a, DOWN), ==, twin_b);

  picture_clear (&pic);
}

static void
test_describe (void)
{
  KtMatrixSettings settings = settings_with (50, 50);
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func (score_free);
  KtMatrixBubble bubble = { 0 };
  KtSupplierScore *score;
  g_autofree char *segment = NULL;
  g_autofree char *money = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *overridden = NULL;
  g_autofree char *single = NULL;

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);
  score = add_score (scores, &settings, "Netværksvagten A/S", 72, 65, 1240000, FALSE);
  score->n_contracts = 3;
  bubble.score = score;

  segment = g_utf8_strdown (kt_segment_label (KT_SEGMENT_STRATEGIC), -1);
  money = kt_format_money_short (124000000);
  g_assert_cmpstr (money, ==, "1.240.000 kr.");
  expected = g_strdup_printf ("Netværksvagten A/S, %s, importance 72, risk 65, annual spend %s, 3 contracts",
                              segment, money);
  text = kt_matrix_bubble_describe (&bubble);
  g_assert_cmpstr (text, ==, expected);

  score = add_score (scores, &settings, "Flaske", 10, 90, 0, TRUE);
  score->n_contracts = 1;
  bubble.score = score;
  overridden = kt_matrix_bubble_describe (&bubble);
  g_assert_true (g_str_has_prefix (overridden, "Flaske, "));
  g_assert_nonnull (strstr (overridden, "importance 10, risk 90"));
  g_assert_nonnull (strstr (overridden, ", 1 contract, placed by hand"));

  score = add_score (scores, &settings, "Ukritisk", 10, 10, 5, FALSE);
  bubble.score = score;
  single = kt_matrix_bubble_describe (&bubble);
  g_assert_false (g_str_has_suffix (single, "placed by hand"));

  kt_format_set_style (KT_FORMAT_STYLE_AUTO);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/matrix/hit", test_hit);
  g_test_add_func ("/render/matrix/value-at", test_value_at);
  g_test_add_func ("/render/matrix/next", test_next);
  g_test_add_func ("/render/matrix/describe", test_describe);

  return g_test_run ();
}
