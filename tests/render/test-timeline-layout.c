/* test-timeline-layout.c — the timeline's records, layout, hit testing,
 * keyboard order and marker drawing, without a display
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include "kt-format.h"
#include "kt-timeline-layout.h"
#include "kt-timeline-painter.h"

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

static void
add (KtTimelineLane  *lane,
     guint            day,
     guint            month,
     guint            year,
     KtTimelineState  state,
     gint64           item_id)
{
  GDate date = dmy (day, month, year);

  kt_timeline_lane_add_marker (lane, &date, "Deadline", state, FALSE, item_id, 1);
}

static KtTimelineViewport
viewport (guint          day,
          guint          month,
          guint          year,
          KtTimelineZoom zoom)
{
  KtTimelineViewport vp = { 0 };

  vp.range_start = dmy (day, month, year);
  vp.range_end = dmy (31, 12, year + 4);
  g_date_clear (&vp.today, 1);
  vp.zoom = zoom;
  vp.width = 4000;
  vp.height = 720;
  vp.metrics.label_width = 200;
  vp.metrics.axis_height = 48;
  vp.metrics.row_height = 32;
  vp.metrics.bar_height = 14;
  vp.metrics.marker_size = 16;

  return vp;
}

static double
x_of (const KtTimelineViewport *vp,
      guint                     day,
      guint                     month,
      guint                     year)
{
  GDate date = dmy (day, month, year);

  return vp->metrics.label_width - vp->scroll_x
         + g_date_days_between (&vp->range_start, &date) * kt_timeline_zoom_get_pixels_per_day (vp->zoom);
}

/* ---- Records ---------------------------------------------------------- */

static void
test_markers_sorted (void)
{
  g_autoptr(KtTimelineLane) lane = kt_timeline_lane_new (7, "K-1 Løn", "Leverandør");

  add (lane, 1, 6, 2026, KT_TIMELINE_STATE_NORMAL, 1);
  add (lane, 1, 2, 2026, KT_TIMELINE_STATE_NORMAL, 2);
  add (lane, 1, 6, 2026, KT_TIMELINE_STATE_NORMAL, 3);
  add (lane, 29, 2, 2028, KT_TIMELINE_STATE_NORMAL, 4);
  add (lane, 1, 1, 2026, KT_TIMELINE_STATE_NORMAL, 5);

  g_assert_cmpuint (kt_timeline_lane_get_n_markers (lane), ==, 5);
  g_assert_cmpint (kt_timeline_lane_get_marker (lane, 0)->item_id, ==, 5);
  g_assert_cmpint (kt_timeline_lane_get_marker (lane, 1)->item_id, ==, 2);
  /* Same day: in the order added */
  g_assert_cmpint (kt_timeline_lane_get_marker (lane, 2)->item_id, ==, 1);
  g_assert_cmpint (kt_timeline_lane_get_marker (lane, 3)->item_id, ==, 3);
  g_assert_cmpint (kt_timeline_lane_get_marker (lane, 4)->item_id, ==, 4);
}

static void
test_bar (void)
{
  g_autoptr(KtTimelineLane) lane = kt_timeline_lane_new (1, "K", NULL);
  GDate start = dmy (1, 3, 2024), end = dmy (1, 1, 2024);

  kt_timeline_lane_set_bar (lane, &start, NULL);
  g_assert_true (g_date_valid (&lane->bar_start));
  g_assert_false (g_date_valid (&lane->bar_end));   /* running */

  kt_timeline_lane_set_bar (lane, &start, &end);
  g_assert_cmpint (g_date_compare (&lane->bar_end, &start), ==, 0);

  kt_timeline_lane_set_bar (lane, NULL, &end);
  g_assert_false (g_date_valid (&lane->bar_start));
}

static void
test_state_for (void)
{
  GDate today = dmy (31, 1, 2027);
  static const struct {
    guint day, month, year;
    gboolean done, cancelled;
    KtTimelineState state;
  } cases[] = {
    { 30, 1, 2027, FALSE, FALSE, KT_TIMELINE_STATE_OVERDUE },
    { 31, 1, 2027, FALSE, FALSE, KT_TIMELINE_STATE_DUE_SOON },
    /* 30 days ahead across February of a non-leap year */
    { 2, 3, 2027, FALSE, FALSE, KT_TIMELINE_STATE_DUE_SOON },
    { 3, 3, 2027, FALSE, FALSE, KT_TIMELINE_STATE_NORMAL },
    { 30, 1, 2027, TRUE, FALSE, KT_TIMELINE_STATE_DONE },
    { 30, 1, 2027, TRUE, TRUE, KT_TIMELINE_STATE_CANCELLED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date = dmy (cases[i].day, cases[i].month, cases[i].year);

      g_assert_cmpint (kt_timeline_state_for (&date, &today, cases[i].done, cases[i].cancelled),
                       ==, cases[i].state);
    }
}

static void
test_describe (void)
{
  g_autoptr(KtTimelineLane) lane = kt_timeline_lane_new (1, "K", NULL);
  GDate date = dmy (31, 3, 2027);
  g_autofree char *english = NULL;
  g_autofree char *danish = NULL;
  g_autofree char *plain = NULL;

  kt_timeline_lane_add_marker (lane, &date, "Notice deadline for K-2023-014 Lønsystem",
                               KT_TIMELINE_STATE_OVERDUE, TRUE, 1, 1);
  date = dmy (1, 5, 2027);
  kt_timeline_lane_add_marker (lane, &date, "Price regulation", KT_TIMELINE_STATE_NORMAL, FALSE, 2, 1);

  kt_format_set_style (KT_FORMAT_STYLE_ENGLISH);
  english = kt_timeline_marker_describe (kt_timeline_lane_get_marker (lane, 0));
  plain = kt_timeline_marker_describe (kt_timeline_lane_get_marker (lane, 1));
  kt_format_set_style (KT_FORMAT_STYLE_DANISH);
  /* Untranslated here (C locale): only the order changes */
  danish = kt_timeline_marker_describe (kt_timeline_lane_get_marker (lane, 0));
  kt_format_set_style (KT_FORMAT_STYLE_AUTO);

  g_assert_cmpstr (english, ==, "Notice deadline for K-2023-014 Lønsystem, 31 March 2027, overdue, computed");
  g_assert_cmpstr (danish, ==, "Notice deadline for K-2023-014 Lønsystem, 31. March 2027, overdue, computed");
  g_assert_cmpstr (plain, ==, "Price regulation, 1 May 2027");
}

/* ---- Axis ------------------------------------------------------------- */

static KtTimelineLayout *
layout_with (GPtrArray                *lanes,
             const KtTimelineViewport *vp)
{
  KtTimelineLayout *layout = kt_timeline_layout_new ();

  kt_timeline_layout_set_lanes (layout, lanes);
  kt_timeline_layout_set_viewport (layout, vp);

  return layout;
}

static void
test_ticks_month (void)
{
  KtTimelineViewport vp = viewport (1, 11, 2023, KT_TIMELINE_ZOOM_MONTH);
  g_autoptr(KtTimelineLayout) layout = layout_with (NULL, &vp);
  const KtTimelineTick *ticks, *years;
  guint n, n_years;

  ticks = kt_timeline_layout_get_ticks (layout, &n);
  years = kt_timeline_layout_get_years (layout, &n_years);

  /* 3800 px at 4 px a day: Nov 2023 to Jul 2026 */
  g_assert_cmpuint (n, >=, 30);
  g_assert_cmpuint (ticks[0].month, ==, 11);
  g_assert_cmpuint (ticks[0].year, ==, 2023);
  g_assert_cmpfloat_with_epsilon (ticks[0].x, 200, 1e-9);
  g_assert_cmpstr (ticks[0].label, ==, "Nov");

  /* Across the year boundary */
  g_assert_cmpuint (ticks[2].month, ==, 1);
  g_assert_cmpuint (ticks[2].year, ==, 2024);
  g_assert_true (ticks[2].year_start);
  g_assert_false (ticks[1].year_start);
  g_assert_cmpfloat_with_epsilon (ticks[2].x, 200 + (30 + 31) * 4, 1e-9);
  /* February of a leap year has 29 days, of other years 28 */
  g_assert_cmpuint (ticks[3].month, ==, 2);
  g_assert_cmpfloat_with_epsilon (ticks[3].width, 29 * 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (ticks[4].x - ticks[3].x, 29 * 4, 1e-9);
  g_assert_cmpuint (ticks[15].month, ==, 2);
  g_assert_cmpuint (ticks[15].year, ==, 2025);
  g_assert_cmpfloat_with_epsilon (ticks[15].width, 28 * 4, 1e-9);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (ticks[i].x, x_of (&vp, 1, ticks[i].month, ticks[i].year), 1e-9);

  /* The year containing the left edge comes first, though it began before */
  g_assert_cmpuint (years[0].year, ==, 2023);
  g_assert_cmpfloat (years[0].x, <, 200);
  g_assert_cmpstr (years[1].label, ==, "2024");
  g_assert_cmpfloat_with_epsilon (years[1].x, ticks[2].x, 1e-9);
  g_assert_cmpfloat_with_epsilon (years[1].width, 366 * 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (years[2].width, 365 * 4, 1e-9);
}

static void
test_ticks_quarter (void)
{
  KtTimelineViewport vp = viewport (1, 1, 2023, KT_TIMELINE_ZOOM_QUARTER);
  g_autoptr(KtTimelineLayout) layout = NULL;
  const KtTimelineTick *ticks;
  guint n;

  /* The left edge in the middle of Q2 2023 */
  vp.scroll_x = 120 * 1.5;
  layout = layout_with (NULL, &vp);
  ticks = kt_timeline_layout_get_ticks (layout, &n);

  g_assert_cmpuint (ticks[0].month, ==, 4);
  g_assert_cmpuint (ticks[0].year, ==, 2023);
  g_assert_cmpfloat (ticks[0].x, <, 200);
  g_assert_cmpstr (ticks[0].label, ==, "Q2");
  g_assert_cmpuint (ticks[3].month, ==, 1);
  g_assert_cmpuint (ticks[3].year, ==, 2024);
  g_assert_cmpstr (ticks[3].label, ==, "Q1");
  g_assert_true (ticks[3].year_start);
  /* Q1 2024 has 91 days (leap year), Q1 2025 has 90 */
  g_assert_cmpfloat_with_epsilon (ticks[3].width, 91 * 1.5, 1e-9);
  g_assert_cmpuint (ticks[7].year, ==, 2025);
  g_assert_cmpuint (ticks[7].month, ==, 1);
  g_assert_cmpfloat_with_epsilon (ticks[7].width, 90 * 1.5, 1e-9);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint ((ticks[i].month - 1) % 3, ==, 0);
      g_assert_cmpfloat_with_epsilon (ticks[i].x, x_of (&vp, 1, ticks[i].month, ticks[i].year), 1e-9);
      g_assert_cmpfloat (ticks[i].x, <, vp.width);
    }
}

static void
test_ticks_year (void)
{
  KtTimelineViewport vp = viewport (1, 1, 2023, KT_TIMELINE_ZOOM_YEAR);
  g_autoptr(KtTimelineLayout) layout = layout_with (NULL, &vp);
  const KtTimelineTick *ticks, *years;
  guint n, n_years;

  ticks = kt_timeline_layout_get_ticks (layout, &n);
  years = kt_timeline_layout_get_years (layout, &n_years);

  g_assert_cmpuint (n_years, >=, 4);
  for (guint i = 0; i < 4; i++)
    {
      guint year = 2023 + i;

      g_assert_cmpuint (years[i].year, ==, year);
      g_assert_cmpfloat_with_epsilon (years[i].x, x_of (&vp, 1, 1, year), 1e-9);
      g_assert_cmpfloat_with_epsilon (years[i].width,
                                      (g_date_is_leap_year (year) ? 366 : 365) * 0.75, 1e-9);
    }
  /* Quarters as minor ticks */
  g_assert_cmpuint (ticks[1].month, ==, 4);
  g_assert_cmpuint (ticks[4].month, ==, 1);
  g_assert_cmpuint (ticks[4].year, ==, 2024);
  g_assert_cmpfloat_with_epsilon (ticks[4].x, years[1].x, 1e-9);
}

/* ---- Rows ------------------------------------------------------------- */

static GPtrArray *
many_lanes (guint n,
            guint markers_per_lane,
            guint group_size)
{
  GPtrArray *lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_timeline_lane_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("K-%05u", i);
      g_autofree char *group = group_size > 0 ? g_strdup_printf ("Group %u", i / group_size) : NULL;
      KtTimelineLane *lane = kt_timeline_lane_new (i + 1, label, group);
      GDate start = dmy (1, 1, 2025);
      GDate end = dmy (31, 12, 2027);

      kt_timeline_lane_set_bar (lane, &start, i % 5 == 0 ? NULL : &end);
      for (guint j = 0; j < markers_per_lane; j++)
        {
          GDate date = dmy (1, 1, 2025);

          g_date_add_days (&date, (i * 37 + j * 109) % 1095);
          kt_timeline_lane_add_marker (lane, &date, "x", j % KT_TIMELINE_N_STATES, j % 2,
                                       (gint64) i * 100 + j, 0);
        }
      g_ptr_array_add (lanes, lane);
    }

  return lanes;
}

static void
test_virtualised (void)
{
  g_autoptr(GPtrArray) lanes = many_lanes (20000, 10, 0);
  KtTimelineViewport vp = viewport (1, 1, 2025, KT_TIMELINE_ZOOM_MONTH);
  g_autoptr(KtTimelineLayout) layout = NULL;
  const KtTimelineRowBox *rows;
  const KtTimelineMarkerBox *markers;
  guint n_rows, n_markers, expected = 0;
  double first_julian, last_julian;

  vp.width = 1280;
  vp.scroll_y = 32 * 10000 + 5;   /* row 10000, partly scrolled */
  vp.scroll_x = 4 * 200;
  layout = layout_with (lanes, &vp);

  g_assert_cmpfloat (kt_timeline_layout_get_content_height (layout), ==, 20000 * 32);
  rows = kt_timeline_layout_get_rows (layout, &n_rows);
  markers = kt_timeline_layout_get_markers (layout, &n_markers);

  /* (720 - 48) / 32 = 21 rows, one more when scrolled by part of a row */
  g_assert_cmpuint (n_rows, ==, 22);
  g_assert_cmpuint (rows[0].row, ==, 10000);
  g_assert_cmpuint (rows[0].lane, ==, 10000);
  g_assert_cmpfloat_with_epsilon (rows[0].y, 48 - 5, 1e-9);
  g_assert_cmpuint (rows[21].lane, ==, 10021);
  g_assert_null (kt_timeline_layout_get_pinned_header (layout));

  /* Exactly the markers of those lanes that reach into the time area */
  first_julian = kt_timeline_layout_julian_for_x (layout, 200 - 16) - 0.5;
  last_julian = kt_timeline_layout_julian_for_x (layout, 1280 + 16) - 0.5;
  for (guint i = 0; i < n_rows; i++)
    {
      const KtTimelineLane *lane = g_ptr_array_index (lanes, rows[i].lane);

      g_assert_cmpuint (rows[i].kind, ==, KT_TIMELINE_ROW_LANE);
      g_assert_true (rows[i].has_bar);
      g_assert_cmpint (rows[i].bar_open_end, ==, rows[i].lane % 5 == 0);
      for (guint j = 0; j < lane->markers->len; j++)
        {
          guint32 julian = kt_timeline_lane_get_marker (lane, j)->julian;

          expected += julian >= floor (first_julian) && julian <= last_julian;
        }
    }
  g_assert_cmpuint (n_markers, ==, expected);
  g_assert_cmpuint (n_markers, >, 0);
  g_assert_cmpuint (n_markers, <, 22 * 10);
  for (guint i = 0; i < n_markers; i++)
    {
      g_assert_cmpfloat (markers[i].x, >=, 200 - 16);
      g_assert_cmpfloat (markers[i].x, <=, 1280 + 16);
      g_assert_cmpuint (markers[i].ref.lane, >=, 10000);
      g_assert_cmpuint (markers[i].ref.lane, <=, 10021);
    }
}

static void
test_groups_pinned (void)
{
  g_autoptr(GPtrArray) lanes = many_lanes (10, 1, 3);   /* groups of 3, 3, 3, 1 */
  KtTimelineViewport vp = viewport (1, 1, 2025, KT_TIMELINE_ZOOM_MONTH);
  g_autoptr(KtTimelineLayout) layout = layout_with (lanes, &vp);
  const KtTimelineRowBox *rows, *pinned;
  guint n_rows;

  g_assert_cmpuint (kt_timeline_layout_get_n_rows (layout), ==, 14);
  g_assert_cmpuint (kt_timeline_layout_get_lane_row (layout, 0), ==, 1);
  g_assert_cmpuint (kt_timeline_layout_get_lane_row (layout, 3), ==, 5);
  g_assert_cmpuint (kt_timeline_layout_get_lane_row (layout, 9), ==, 13);

  rows = kt_timeline_layout_get_rows (layout, &n_rows);
  g_assert_cmpuint (n_rows, ==, 14);
  g_assert_cmpuint (rows[4].kind, ==, KT_TIMELINE_ROW_HEADER);
  g_assert_cmpuint (rows[4].lane, ==, 3);
  g_assert_cmpuint (rows[4].group_size, ==, 3);
  g_assert_cmpuint (rows[12].group_size, ==, 1);

  /* Inside the second group, its header stays under the axis */
  vp.scroll_y = 6 * 32 + 10;
  kt_timeline_layout_set_viewport (layout, &vp);
  pinned = kt_timeline_layout_get_pinned_header (layout);
  g_assert_nonnull (pinned);
  g_assert_cmpuint (pinned->lane, ==, 3);
  g_assert_cmpfloat_with_epsilon (pinned->y, 48, 1e-9);

  /* The third group's header (row 8) pushes it up */
  vp.scroll_y = 7 * 32 + 10;
  kt_timeline_layout_set_viewport (layout, &vp);
  pinned = kt_timeline_layout_get_pinned_header (layout);
  g_assert_cmpuint (pinned->lane, ==, 3);
  g_assert_cmpfloat_with_epsilon (pinned->y, 48 + 32 - 10 - 32, 1e-9);
}

static void
test_suggest_range (void)
{
  g_autoptr(GPtrArray) lanes = many_lanes (3, 2, 0);   /* 2025–2027 */
  g_autoptr(KtTimelineLayout) layout = kt_timeline_layout_new ();
  GDate today = dmy (15, 6, 2026), start, end, first, last, expected;

  /* No data: a year before today, two after */
  kt_timeline_layout_suggest_range (layout, &today, &start, &end);
  g_assert_cmpuint (g_date_get_year (&start), ==, 2025);
  g_assert_cmpuint (g_date_get_year (&end), ==, 2028);
  g_assert_false (kt_timeline_layout_get_data_range (layout, &first, &last));

  kt_timeline_layout_set_lanes (layout, lanes);
  g_assert_true (kt_timeline_layout_get_data_range (layout, &first, &last));
  /* The bars run 1 Jan 2025 – 31 Dec 2027 (or open), the markers within */
  expected = dmy (1, 1, 2025);
  g_assert_cmpint (g_date_compare (&first, &expected), ==, 0);
  expected = dmy (31, 12, 2027);
  g_assert_cmpint (g_date_compare (&last, &expected), ==, 0);
  today = dmy (1, 1, 2031);
  kt_timeline_layout_suggest_range (layout, &today, &start, &end);
  g_assert_cmpuint (g_date_get_day (&start), ==, 1);
  g_assert_cmpuint (g_date_get_month (&start), ==, 1);
  g_assert_cmpuint (g_date_get_year (&start), ==, 2025);
  g_assert_cmpuint (g_date_get_day (&end), ==, 31);
  g_assert_cmpuint (g_date_get_month (&end), ==, 12);
  g_assert_cmpuint (g_date_get_year (&end), ==, 2033);
}

/* ---- Hit testing and keyboard order ----------------------------------- */

/* L0: 10 Jan, 10 Mar 2025; L1: none; L2: 10 Feb, 10 Jun, 10 Jun; L3: 10 Apr */
static GPtrArray *
walk_lanes (void)
{
  GPtrArray *lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_timeline_lane_unref);
  KtTimelineLane *lane;
  GDate start = dmy (1, 1, 2025), end = dmy (30, 6, 2025);

  lane = kt_timeline_lane_new (10, "L0", NULL);
  add (lane, 10, 1, 2025, KT_TIMELINE_STATE_NORMAL, 1);
  add (lane, 10, 3, 2025, KT_TIMELINE_STATE_NORMAL, 2);
  g_ptr_array_add (lanes, lane);
  lane = kt_timeline_lane_new (11, "L1", NULL);
  kt_timeline_lane_set_bar (lane, &start, &end);
  g_ptr_array_add (lanes, lane);
  lane = kt_timeline_lane_new (12, "L2", NULL);
  add (lane, 10, 2, 2025, KT_TIMELINE_STATE_NORMAL, 3);
  add (lane, 10, 6, 2025, KT_TIMELINE_STATE_OVERDUE, 4);
  add (lane, 10, 6, 2025, KT_TIMELINE_STATE_DUE_SOON, 5);
  g_ptr_array_add (lanes, lane);
  lane = kt_timeline_lane_new (13, "L3", NULL);
  add (lane, 10, 4, 2025, KT_TIMELINE_STATE_NORMAL, 6);
  g_ptr_array_add (lanes, lane);

  return lanes;
}

static void
test_hit (void)
{
  g_autoptr(GPtrArray) lanes = walk_lanes ();
  KtTimelineViewport vp = viewport (1, 1, 2025, KT_TIMELINE_ZOOM_MONTH);
  g_autoptr(KtTimelineLayout) layout = layout_with (lanes, &vp);
  KtTimelineMarkerRef ref = { 99, 99 };
  double x = x_of (&vp, 10, 3, 2025) + 2;   /* middle of the day */
  double y = 48 + 16;                       /* middle of row 0 */
  guint lane;
  gboolean on_bar;

  g_assert_true (kt_timeline_layout_hit_marker (layout, x, y, &ref));
  g_assert_cmpuint (ref.lane, ==, 0);
  g_assert_cmpuint (ref.marker, ==, 1);
  g_assert_true (kt_timeline_layout_hit_marker (layout, x + 11, y - 11, &ref));
  g_assert_false (kt_timeline_layout_hit_marker (layout, x + 14, y, &ref));
  g_assert_false (kt_timeline_layout_hit_marker (layout, x, y + 14, &ref));
  /* Over the axis and in the label column there are no markers */
  g_assert_false (kt_timeline_layout_hit_marker (layout, x, 20, &ref));
  g_assert_false (kt_timeline_layout_hit_marker (layout, 150, y, &ref));

  /* Two on the same day: the later, drawn on top, wins */
  g_assert_true (kt_timeline_layout_hit_marker (layout, x_of (&vp, 10, 6, 2025) + 2, y + 64, &ref));
  g_assert_cmpuint (ref.lane, ==, 2);
  g_assert_cmpuint (ref.marker, ==, 2);

  /* Scrolling moves what is hit */
  vp.scroll_x = 30 * 4;
  vp.scroll_y = 32;
  kt_timeline_layout_set_viewport (layout, &vp);
  g_assert_true (kt_timeline_layout_hit_marker (layout, x_of (&vp, 10, 2, 2025) + 2, y + 32, &ref));
  g_assert_cmpuint (ref.lane, ==, 2);
  g_assert_cmpuint (ref.marker, ==, 0);
  g_assert_false (kt_timeline_layout_hit_marker (layout, x_of (&vp, 10, 2, 2025) + 2, y + 64, &ref));

  g_assert_true (kt_timeline_layout_hit_lane (layout, 300, y, &lane, &on_bar));
  g_assert_cmpuint (lane, ==, 1);
  g_assert_true (on_bar);
  g_assert_true (kt_timeline_layout_hit_lane (layout, x_of (&vp, 2, 7, 2025), y, &lane, &on_bar));
  g_assert_false (on_bar);
  g_assert_true (kt_timeline_layout_hit_lane (layout, 100, y, &lane, &on_bar));
  g_assert_false (on_bar);
  g_assert_false (kt_timeline_layout_hit_lane (layout, 300, 48 + 32 * 3 + 1, &lane, &on_bar));
}

static void
assert_walk (KtTimelineLayout *layout,
             guint             from_lane,
             guint             from_marker,
             KtTimelineWalk    walk,
             gint              to_lane,
             gint              to_marker)
{
  KtTimelineMarkerRef from = { from_lane, from_marker }, to = { 77, 77 };
  gboolean moved = kt_timeline_layout_walk (layout, from_lane == G_MAXUINT ? NULL : &from, walk, &to);

  if (to_lane < 0)
    {
      g_assert_false (moved);
      g_assert_cmpuint (to.lane, ==, 77);
      return;
    }
  g_assert_true (moved);
  g_assert_cmpuint (to.lane, ==, to_lane);
  g_assert_cmpuint (to.marker, ==, to_marker);
}

static void
test_walk (void)
{
  g_autoptr(GPtrArray) lanes = walk_lanes ();
  KtTimelineViewport vp = viewport (1, 1, 2025, KT_TIMELINE_ZOOM_MONTH);
  g_autoptr(KtTimelineLayout) layout = layout_with (lanes, &vp);
  KtTimelineMarkerRef ref;

  assert_walk (layout, G_MAXUINT, 0, KT_TIMELINE_WALK_NEXT, 0, 0);
  assert_walk (layout, G_MAXUINT, 0, KT_TIMELINE_WALK_PREVIOUS, 3, 0);
  /* In time along the lane, then on to the next lane with markers */
  assert_walk (layout, 0, 0, KT_TIMELINE_WALK_NEXT, 0, 1);
  assert_walk (layout, 0, 1, KT_TIMELINE_WALK_NEXT, 2, 0);
  assert_walk (layout, 2, 2, KT_TIMELINE_WALK_NEXT, 3, 0);
  assert_walk (layout, 3, 0, KT_TIMELINE_WALK_NEXT, -1, -1);
  assert_walk (layout, 2, 0, KT_TIMELINE_WALK_PREVIOUS, 0, 1);
  assert_walk (layout, 0, 0, KT_TIMELINE_WALK_PREVIOUS, -1, -1);
  /* Up and down: the nearest date in the nearest lane with markers */
  assert_walk (layout, 0, 0, KT_TIMELINE_WALK_DOWN, 2, 0);   /* 10 Jan → 10 Feb */
  assert_walk (layout, 0, 1, KT_TIMELINE_WALK_DOWN, 2, 0);   /* 10 Mar: Feb is nearer than Jun */
  assert_walk (layout, 2, 2, KT_TIMELINE_WALK_UP, 0, 1);     /* 10 Jun → 10 Mar */
  assert_walk (layout, 2, 1, KT_TIMELINE_WALK_DOWN, 3, 0);
  assert_walk (layout, 3, 0, KT_TIMELINE_WALK_UP, 2, 0);     /* 10 Apr: Feb (59 d) before Jun (61 d) */
  assert_walk (layout, 3, 0, KT_TIMELINE_WALK_DOWN, -1, -1);
  assert_walk (layout, 0, 0, KT_TIMELINE_WALK_UP, -1, -1);

  /* A tie goes to the earlier; several on one day: the first of them */
  g_assert_true (kt_timeline_layout_nearest_in_lane (layout, 2,
                                                     kt_timeline_lane_get_marker (lanes->pdata[2], 0)->julian + 60,
                                                     &ref));
  g_assert_cmpuint (ref.lane, ==, 2);
  g_assert_cmpuint (ref.marker, ==, 0);
  g_assert_true (kt_timeline_layout_nearest_in_lane (layout, 2,
                                                     kt_timeline_lane_get_marker (lanes->pdata[2], 0)->julian + 61,
                                                     &ref));
  g_assert_cmpuint (ref.marker, ==, 1);
  g_assert_true (kt_timeline_layout_nearest_in_lane (layout, 2,
                                                     kt_timeline_lane_get_marker (lanes->pdata[2], 2)->julian + 40,
                                                     &ref));
  g_assert_cmpuint (ref.marker, ==, 1);
  g_assert_false (kt_timeline_layout_nearest_in_lane (layout, 1, 0, &ref));
}

/* ---- Drawing ---------------------------------------------------------- */

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       KtTimelineColor *out)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 argb = *(const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  out->alpha = ((argb >> 24) & 0xff) / 255.0;
  out->red = ((argb >> 16) & 0xff) / 255.0;
  out->green = ((argb >> 8) & 0xff) / 255.0;
  out->blue = (argb & 0xff) / 255.0;
}

static void
assert_color (cairo_surface_t       *surface,
              double                 x,
              double                 y,
              const KtTimelineColor *expected)
{
  KtTimelineColor got;

  pixel (surface, (int) x, (int) y, &got);
  g_assert_cmpfloat_with_epsilon (got.red, expected->red, 0.02);
  g_assert_cmpfloat_with_epsilon (got.green, expected->green, 0.02);
  g_assert_cmpfloat_with_epsilon (got.blue, expected->blue, 0.02);
}

static void
test_paint (void)
{
  g_autoptr(GPtrArray) lanes = walk_lanes ();
  KtTimelineViewport vp = viewport (1, 1, 2025, KT_TIMELINE_ZOOM_MONTH);
  g_autoptr(KtTimelineLayout) layout = NULL;
  KtTimelinePaintOptions options = { 0 };
  KtTimelinePalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;
  const KtTimelineMarkerBox *markers;
  guint n;
  double s = 16;

  vp.width = 1280;
  vp.today = dmy (1, 6, 2025);
  layout = layout_with (lanes, &vp);
  for (int dark = 0; dark <= 1; dark++)
    {
      kt_timeline_palette_init (&palette, dark, FALSE);
      options.palette = &palette;

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
      cr = cairo_create (surface);
      kt_timeline_paint (cr, layout, &options);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

      markers = kt_timeline_layout_get_markers (layout, &n);
      g_assert_cmpuint (n, ==, 6);
      for (guint i = 0; i < n; i++)
        {
          const KtTimelineMarkerBox *m = &markers[i];

          if (m->marker->state == KT_TIMELINE_STATE_NORMAL)
            assert_color (surface, m->x, m->y, &palette.states[KT_TIMELINE_STATE_NORMAL]);
        }

      /* Shapes, not only colours: the overdue diamond reaches further down
       * than the due-soon triangle drawn on the same day (markers 4 and 5
       * of lane 2 share the centre, the triangle on top) */
      assert_color (surface, markers[4].x, markers[4].y + 0.56 * s, &palette.states[KT_TIMELINE_STATE_OVERDUE]);
      assert_color (surface, markers[4].x, markers[4].y + 0.3 * s, &palette.states[KT_TIMELINE_STATE_DUE_SOON]);
      cairo_surface_destroy (surface);
    }
}

static void
test_paint_derived_hollow (void)
{
  KtTimelinePalette palette;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 50);
  cairo_t *cr = cairo_create (surface);

  kt_timeline_palette_init (&palette, FALSE, TRUE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  kt_timeline_paint_marker (cr, 25, 25, 20, KT_TIMELINE_STATE_NORMAL, FALSE, &palette);
  kt_timeline_paint_marker (cr, 75, 25, 20, KT_TIMELINE_STATE_NORMAL, TRUE, &palette);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  assert_color (surface, 25, 25, &palette.states[KT_TIMELINE_STATE_NORMAL]);
  assert_color (surface, 75, 25, &palette.background);
  assert_color (surface, 75 + 9, 25, &palette.states[KT_TIMELINE_STATE_NORMAL]);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/timeline/lane/markers-sorted", test_markers_sorted);
  g_test_add_func ("/render/timeline/lane/bar", test_bar);
  g_test_add_func ("/render/timeline/marker/state-for", test_state_for);
  g_test_add_func ("/render/timeline/marker/describe", test_describe);
  g_test_add_func ("/render/timeline/layout/ticks-month", test_ticks_month);
  g_test_add_func ("/render/timeline/layout/ticks-quarter", test_ticks_quarter);
  g_test_add_func ("/render/timeline/layout/ticks-year", test_ticks_year);
  g_test_add_func ("/render/timeline/layout/virtualised", test_virtualised);
  g_test_add_func ("/render/timeline/layout/groups-pinned", test_groups_pinned);
  g_test_add_func ("/render/timeline/layout/suggest-range", test_suggest_range);
  g_test_add_func ("/render/timeline/layout/hit", test_hit);
  g_test_add_func ("/render/timeline/layout/walk", test_walk);
  g_test_add_func ("/render/timeline/paint/states", test_paint);
  g_test_add_func ("/render/timeline/paint/derived-hollow", test_paint_derived_hollow);

  return g_test_run ();
}
