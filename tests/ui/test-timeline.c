/* test-timeline.c — the timeline widget in a window: keyboard walk,
 * accessible description, activation, zoom, scrolling into view
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <adwaita.h>

#include "kt-timeline.h"
#include "kt-timeline-layout.h"

typedef struct {
  GtkWidget  *window;
  KtTimeline *timeline;
  GPtrArray  *lanes;
  GDate       today;
} Fixture;

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

/* Lane i (id 100 + i) has markers (item ids 1000 * (i + 1) + 0 and 1,
 * kinds 7 and 8) on the 10th of months i + 1 and i + 4 counted from January
 * 2026, the years wrapping within 2026–2028: lane 0 in January and April
 * 2026, lane 1 in February and May, … Lane 3 has none. In groups of 10. */
static GPtrArray *
make_lanes (guint n)
{
  GPtrArray *lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_timeline_lane_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("K-2026-%03u System %u", i, i);
      g_autofree char *group = g_strdup_printf ("Supplier %u", i / 10);
      KtTimelineLane *lane = kt_timeline_lane_new (100 + i, label, group);
      GDate start = dmy (1, 1, 2025), end = dmy (31, 12, 2027);

      kt_timeline_lane_set_bar (lane, &start, &end);
      for (guint j = 0; j < 2 && i != 3; j++)
        {
          guint month = (i + 3 * j) % 12 + 1;
          GDate date = dmy (10, month, 2026 + ((i + 3 * j) / 12) % 3);
          g_autofree char *what = g_strdup_printf ("Deadline %u.%u", i, j);

          kt_timeline_lane_add_marker (lane, &date, what,
                                       j == 0 ? KT_TIMELINE_STATE_OVERDUE : KT_TIMELINE_STATE_NORMAL,
                                       j == 1, 1000 * (i + 1) + j, 7 + j);
        }
      g_ptr_array_add (lanes, lane);
    }

  return lanes;
}

static void
wait_until_allocated (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((gtk_widget_get_width (widget) <= 0 || !gtk_widget_get_mapped (widget)) &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
  /* One more round so that the allocation's scrolling is done */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->today = dmy (15, 3, 2026);
  f->lanes = make_lanes (GPOINTER_TO_UINT (data) != 0 ? GPOINTER_TO_UINT (data) : 40);
  f->timeline = KT_TIMELINE (g_object_ref_sink (kt_timeline_new ()));
  kt_timeline_set_today (f->timeline, &f->today);
  kt_timeline_set_lanes (f->timeline, f->lanes);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 600);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->timeline));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_until_allocated (GTK_WIDGET (f->timeline));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_pointer (&f->lanes, g_ptr_array_unref);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->timeline);
}

static const KtTimelineMarker *
marker_of (Fixture *f,
           guint    lane,
           guint    marker)
{
  return kt_timeline_lane_get_marker (g_ptr_array_index (f->lanes, lane), marker);
}

static void
assert_focus (Fixture *f,
              guint    lane,
              guint    marker)
{
  gint64 lane_id = -1, item_id = -1;
  int kind = -1;
  g_autofree char *spoken = kt_timeline_marker_describe (marker_of (f, lane, marker));

  g_assert_true (kt_timeline_get_focused_marker (f->timeline, &lane_id, &item_id, &kind));
  g_assert_cmpint (lane_id, ==, 100 + lane);
  g_assert_cmpint (item_id, ==, 1000 * (lane + 1) + marker);
  g_assert_cmpint (kind, ==, 7 + marker);

  /* What a screen reader announces as focus moves */
  gtk_test_accessible_assert_property (f->timeline, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken);
}

static void
press (Fixture    *f,
       const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->timeline), action, NULL));
}

#define HINT "Use the arrow keys to move between deadlines and Enter to open one. " \
             "The list button above shows the same deadlines as a list."

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  KtTimeline *alone = KT_TIMELINE (g_object_ref_sink (kt_timeline_new ()));

  /* Before it has a marker to focus, it says how to use it */
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (alone), GTK_ACCESSIBLE_ROLE_GROUP));
  gtk_test_accessible_assert_property (alone, GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline");
  gtk_test_accessible_assert_property (alone, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, HINT);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (alone)));
  g_assert_false (kt_timeline_get_focused_marker (alone, NULL, NULL, NULL));
  g_assert_finalize_object (alone);

  /* The window gave it the focus, which landed on the marker nearest today
   * in the first visible lane: 10 Apr (lane 0) is nearer 15 Mar than 10 Jan */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->timeline)));
  gtk_test_accessible_assert_property (f->timeline, GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline");
  assert_focus (f, 0, 1);
}

static void
test_keyboard_walk (Fixture       *f,
                    gconstpointer  data)
{
  /* As in test_accessible */
  gtk_widget_grab_focus (GTK_WIDGET (f->timeline));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->timeline)));
  assert_focus (f, 0, 1);

  press (f, "timeline.next");               /* on to the next lane */
  assert_focus (f, 1, 0);
  press (f, "timeline.previous");
  assert_focus (f, 0, 1);
  press (f, "timeline.previous");
  assert_focus (f, 0, 0);
  press (f, "timeline.previous");           /* the first of all: it stays */
  assert_focus (f, 0, 0);
  press (f, "timeline.next");
  assert_focus (f, 0, 1);

  /* The nearest date in the lane below or above */
  press (f, "timeline.lane-down");          /* 10 Apr → 10 May rather than 10 Feb */
  assert_focus (f, 1, 1);
  press (f, "timeline.lane-down");          /* 10 May → 10 Jun rather than 10 Mar */
  assert_focus (f, 2, 1);
  press (f, "timeline.lane-down");          /* lane 3 has none: 10 May of lane 4 */
  assert_focus (f, 4, 0);
  press (f, "timeline.lane-up");
  assert_focus (f, 2, 1);
}

static void
activated_cb (KtTimeline *timeline,
              gint64      lane_id,
              gint64      item_id,
              int         kind,
              GArray     *calls)
{
  gint64 call[3] = { lane_id, item_id, kind };

  g_array_append_vals (calls, call, 3);
}

static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect (f->timeline, "marker-activated", G_CALLBACK (activated_cb), calls);

  /* The marker focus landed on (see test_accessible) */
  press (f, "timeline.activate");
  g_assert_cmpuint (calls->len, ==, 3);
  g_assert_cmpint (g_array_index (calls, gint64, 0), ==, 100);
  g_assert_cmpint (g_array_index (calls, gint64, 1), ==, 1001);
  g_assert_cmpint (g_array_index (calls, gint64, 2), ==, 8);

  g_assert_true (kt_timeline_focus_marker (f->timeline, 105, 6001, 8));
  press (f, "timeline.activate");
  g_assert_cmpuint (calls->len, ==, 6);
  g_assert_cmpint (g_array_index (calls, gint64, 3), ==, 105);
  g_assert_cmpint (g_array_index (calls, gint64, 4), ==, 6001);
  g_assert_cmpint (g_array_index (calls, gint64, 5), ==, 8);

  /* An unknown item is not focused; nothing focused: nothing to open */
  g_assert_false (kt_timeline_focus_marker (f->timeline, 105, 6001, 7));
  kt_timeline_set_lanes (f->timeline, NULL);
  press (f, "timeline.activate");
  g_assert_cmpuint (calls->len, ==, 6);
}

/* Right, Left, Up, Down, Enter, Home, +, - are bound to the actions */
static void
test_key_bindings (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    const char *trigger;
    const char *action;
  } expected[] = {
    { "Right", "timeline.next" },
    { "Left", "timeline.previous" },
    { "Up", "timeline.lane-up" },
    { "Down", "timeline.lane-down" },
    { "Return", "timeline.activate" },
    { "KP_Enter", "timeline.activate" },
    { "Home", "timeline.today" },
    { "Page_Down", "timeline.page-down" },
    { "plus", "timeline.zoom-in" },
    { "minus", "timeline.zoom-out" },
  };
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->timeline));
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (!GTK_IS_NAMED_ACTION (action))
            continue;
          for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
            if (g_str_equal (trigger, expected[k].trigger) &&
                g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                             expected[k].action))
              found |= 1u << k;
        }
    }

  g_assert_cmphex (found, ==, (1u << G_N_ELEMENTS (expected)) - 1);
}

static gboolean
marker_visible (Fixture *f,
                gint64   lane_id,
                gint64   item_id)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->timeline));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->timeline));
  guint lane = lane_id - 100;
  const KtTimelineMarker *marker = marker_of (f, lane, item_id % 1000);
  double ppd = kt_timeline_zoom_get_pixels_per_day (kt_timeline_get_zoom (f->timeline));
  GDate start = dmy (1, 1, 2025);   /* the range starts a year before today */
  double x = (g_date_days_between (&start, &marker->date) + 0.5) * ppd;
  /* Lane rows follow a header every 10 lanes; rows are equal in height */
  double rows = gtk_adjustment_get_upper (v) / (40 + 4);
  double y = (lane + lane / 10 + 1 + 0.5) * rows;

  return x >= gtk_adjustment_get_value (h) &&
         x <= gtk_adjustment_get_value (h) + gtk_adjustment_get_page_size (h) &&
         y >= gtk_adjustment_get_value (v) &&
         y <= gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v);
}

static void
test_scroll_into_view (Fixture       *f,
                       gconstpointer  data)
{
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->timeline));

  g_assert_cmpfloat (gtk_adjustment_get_upper (v), >, gtk_adjustment_get_page_size (v));
  g_assert_cmpfloat (gtk_adjustment_get_value (v), ==, 0);
  g_assert_false (marker_visible (f, 139, 40001));

  /* Far down and right (lane 39: Jun 2027) */
  g_assert_true (kt_timeline_focus_marker (f->timeline, 139, 40001, 8));
  g_assert_true (marker_visible (f, 139, 40001));
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, 0);

  /* Walking back up keeps the focused marker in view */
  for (guint i = 0; i < 30; i++)
    press (f, "timeline.lane-up");
  g_assert_true (kt_timeline_get_focused_marker (f->timeline, NULL, NULL, NULL));
  {
    gint64 lane_id, item_id;

    kt_timeline_get_focused_marker (f->timeline, &lane_id, &item_id, NULL);
    g_assert_cmpint (lane_id, <, 110);
    g_assert_true (marker_visible (f, lane_id, item_id));
  }

  press (f, "timeline.page-down");
  press (f, "timeline.page-up");
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->timeline));
  double upper = gtk_adjustment_get_upper (h);

  g_assert_cmpint (kt_timeline_get_zoom (f->timeline), ==, KT_TIMELINE_ZOOM_QUARTER);
  g_assert_true (kt_timeline_focus_marker (f->timeline, 102, 3000, 7));

  press (f, "timeline.zoom-in");
  g_assert_cmpint (kt_timeline_get_zoom (f->timeline), ==, KT_TIMELINE_ZOOM_MONTH);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (h), upper * 4.0 / 1.5, 1e-6);
  /* The focused marker stays where it was */
  g_assert_true (marker_visible (f, 102, 3000));
  press (f, "timeline.zoom-in");
  g_assert_cmpint (kt_timeline_get_zoom (f->timeline), ==, KT_TIMELINE_ZOOM_MONTH);

  press (f, "timeline.zoom-out");
  press (f, "timeline.zoom-out");
  g_assert_cmpint (kt_timeline_get_zoom (f->timeline), ==, KT_TIMELINE_ZOOM_YEAR);
  g_assert_true (marker_visible (f, 102, 3000));
  press (f, "timeline.zoom-out");
  g_assert_cmpint (kt_timeline_get_zoom (f->timeline), ==, KT_TIMELINE_ZOOM_YEAR);
}

static void
test_today (Fixture       *f,
            gconstpointer  data)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->timeline));
  GDate start = dmy (1, 1, 2025);
  double today_x = (g_date_days_between (&start, &f->today) + 0.5) * 1.5;

  /* Placed with today a quarter in from the left */
  g_assert_cmpfloat (today_x, >, gtk_adjustment_get_value (h));
  g_assert_cmpfloat (today_x, <, gtk_adjustment_get_value (h) + gtk_adjustment_get_page_size (h) / 2);

  gtk_adjustment_set_value (h, 0);
  g_assert_true (kt_timeline_focus_marker (f->timeline, 105, 6000, 7));   /* 10 Jun 2026 */
  press (f, "timeline.today");
  g_assert_cmpfloat (today_x, >, gtk_adjustment_get_value (h));
  g_assert_cmpfloat (today_x, <, gtk_adjustment_get_value (h) + gtk_adjustment_get_page_size (h) / 2);
  /* 10 Jun is nearer 15 Mar than 10 Sep */
  assert_focus (f, 5, 0);
}

static void
test_lanes_replaced (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) again = make_lanes (40);
  g_autoptr(GPtrArray) fewer = make_lanes (5);

  g_assert_true (kt_timeline_focus_marker (f->timeline, 120, 21001, 8));

  /* The same items reloaded: the focus stays on the same item */
  g_clear_pointer (&f->lanes, g_ptr_array_unref);
  f->lanes = g_ptr_array_ref (again);
  kt_timeline_set_lanes (f->timeline, again);
  assert_focus (f, 20, 1);

  /* The item is gone: no focus, and the description says how to start */
  g_clear_pointer (&f->lanes, g_ptr_array_unref);
  f->lanes = g_ptr_array_ref (fewer);
  kt_timeline_set_lanes (f->timeline, fewer);
  g_assert_false (kt_timeline_get_focused_marker (f->timeline, NULL, NULL, NULL));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->timeline),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, HINT));
  kt_timeline_set_lanes (f->timeline, NULL);
  press (f, "timeline.next");
  g_assert_false (kt_timeline_get_focused_marker (f->timeline, NULL, NULL, NULL));
}

static void
test_many_lanes (Fixture       *f,
                 gconstpointer  data)
{
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->timeline));

  /* 20,000 lanes: walking to the last one and drawing there stays quick */
  g_assert_true (kt_timeline_focus_marker (f->timeline, 100 + 19999, 20000001, 8));
  g_assert_cmpfloat (gtk_adjustment_get_value (v), >, gtk_adjustment_get_upper (v) - 2 * gtk_adjustment_get_page_size (v));
  gtk_widget_queue_draw (GTK_WIDGET (f->timeline));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  press (f, "timeline.previous");
  assert_focus (f, 19999, 0);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, n) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/timeline/accessible", test_accessible, 0);
  ADD ("/ui/timeline/keyboard-walk", test_keyboard_walk, 0);
  ADD ("/ui/timeline/activate", test_activate, 0);
  ADD ("/ui/timeline/key-bindings", test_key_bindings, 0);
  ADD ("/ui/timeline/scroll-into-view", test_scroll_into_view, 0);
  ADD ("/ui/timeline/zoom", test_zoom, 0);
  ADD ("/ui/timeline/today", test_today, 0);
  ADD ("/ui/timeline/lanes-replaced", test_lanes_replaced, 0);
  ADD ("/ui/timeline/many-lanes", test_many_lanes, 20000);
#undef ADD

  return g_test_run ();
}
