/* test-timeline-view.c — the timeline page on the example portfolio
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "kt-example.h"
#include "kt-resources.h"
#include "kt-timeline.h"
#include "kt-timeline-lanes.h"
#include "kt-timeline-view.h"

typedef struct {
  char      *dir;
  char      *path;
  KtStore   *store;
  GtkWidget *window;
  GtkWidget *view;
  /* What the last "deadline-activated" opened */
  gint64     opened;
  gint64     opened_activity;
  int        opened_kind;
} Fixture;

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The page is a toolbar above a stack of the timeline, its list form and a
 * message; the toolbar's drop-down has a list of its own. */
static GtkWidget *
content (GtkWidget *view)
{
  GtkWidget *stack = gtk_widget_get_last_child (view);

  g_assert_true (GTK_IS_STACK (stack));
  return stack;
}

static void
iterate (void)
{
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
open_contract_cb (GtkWidget *view,
                  gint64     contract_id,
                  gint64     activity_id,
                  int        derived_kind,
                  Fixture   *f)
{
  f->opened = contract_id;
  f->opened_activity = activity_id;
  f->opened_kind = derived_kind;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-test-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "eksempel.kontrakter", NULL);
  g_assert_true (kt_example_write (f->path, &error));
  g_assert_no_error (error);
  f->store = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
  f->view = kt_timeline_view_new ();
  g_signal_connect (f->view, "deadline-activated", G_CALLBACK (open_contract_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  gtk_window_present (GTK_WINDOW (f->window));
  kt_timeline_view_set_store (KT_TIMELINE_VIEW (f->view), f->store);
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->store);
  g_remove (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static guint
count_markers (GPtrArray *lanes)
{
  guint n = 0;

  for (guint i = 0; i < lanes->len; i++)
    n += kt_timeline_lane_get_n_markers (g_ptr_array_index (lanes, i));
  return n;
}

static const KtContract *
find_contract (GPtrArray *contracts,
               gint64     id)
{
  for (guint i = 0; i < contracts->len; i++)
    {
      const KtContract *contract = g_ptr_array_index (contracts, i);

      if (contract->id == id)
        return contract;
    }
  return NULL;
}

/* Lanes come grouped: every group's lanes are together. */
static void
assert_grouped (GPtrArray *lanes)
{
  g_autoptr(GHashTable) finished = g_hash_table_new (g_str_hash, g_str_equal);
  const char *current = NULL;

  for (guint i = 0; i < lanes->len; i++)
    {
      const KtTimelineLane *lane = g_ptr_array_index (lanes, i);
      const char *group = lane->group != NULL ? lane->group : "";

      if (current == NULL || g_strcmp0 (current, group) != 0)
        {
          g_assert_false (g_hash_table_contains (finished, group));
          if (current != NULL)
            g_hash_table_add (finished, (gpointer) current);
          current = group;
        }
    }
}

static void
test_lanes_and_list (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (f->store, &error);
  KtTimeline *timeline = KT_TIMELINE (find_widget (f->view, KT_TYPE_TIMELINE));
  GtkListView *list = GTK_LIST_VIEW (find_widget (content (f->view), GTK_TYPE_LIST_VIEW));
  GtkDropDown *grouping = GTK_DROP_DOWN (find_widget (f->view, GTK_TYPE_DROP_DOWN));
  GPtrArray *lanes;
  GListModel *rows;

  g_assert_no_error (error);
  g_assert_nonnull (timeline);
  g_assert_nonnull (list);

  /* One lane per contract that reaches into the window, grouped by supplier */
  lanes = kt_timeline_get_lanes (timeline);
  g_assert_nonnull (lanes);
  g_assert_cmpuint (lanes->len, >, contracts->len / 2);
  g_assert_cmpuint (lanes->len, <=, contracts->len);
  for (guint i = 0; i < lanes->len; i++)
    {
      const KtTimelineLane *lane = g_ptr_array_index (lanes, i);
      const KtContract *contract = find_contract (contracts, lane->id);

      g_assert_nonnull (contract);
      g_assert_cmpstr (lane->group, ==, contract->supplier_name);
    }
  assert_grouped (lanes);

  /* The list says the same as the drawing: one row per marker */
  rows = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_assert_cmpuint (count_markers (lanes), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, count_markers (lanes));

  /* Grouped by org unit instead */
  gtk_drop_down_set_selected (grouping, 1);
  iterate ();
  lanes = kt_timeline_get_lanes (timeline);
  for (guint i = 0; i < lanes->len; i++)
    {
      const KtTimelineLane *lane = g_ptr_array_index (lanes, i);

      g_assert_cmpstr (lane->group, ==, find_contract (contracts, lane->id)->org_unit_name);
    }
  assert_grouped (lanes);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, count_markers (lanes));
}

static void
test_activation_opens_the_contract (Fixture       *f,
                                    gconstpointer  data)
{
  KtTimeline *timeline = KT_TIMELINE (find_widget (f->view, KT_TYPE_TIMELINE));
  GtkListView *list = GTK_LIST_VIEW (find_widget (content (f->view), GTK_TYPE_LIST_VIEW));
  GPtrArray *lanes = kt_timeline_get_lanes (timeline);
  const KtTimelineLane *lane = NULL;
  const KtTimelineMarker *marker;
  gint64 lane_id, item_id;
  int kind;

  /* A marker of the last lane, focused and activated with the keyboard */
  for (guint i = lanes->len; i > 0 && lane == NULL; i--)
    if (kt_timeline_lane_get_n_markers (g_ptr_array_index (lanes, i - 1)) > 0)
      lane = g_ptr_array_index (lanes, i - 1);
  g_assert_nonnull (lane);
  marker = kt_timeline_lane_get_marker (lane, 0);
  g_assert_true (kt_timeline_focus_marker (timeline, lane->id, marker->item_id, marker->kind));
  g_assert_true (kt_timeline_get_focused_marker (timeline, &lane_id, &item_id, &kind));
  g_assert_cmpint (lane_id, ==, lane->id);

  f->opened = 0;
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.activate", NULL));
  iterate ();
  g_assert_cmpint (f->opened, ==, lane->id);
  if (marker->kind == KT_TIMELINE_KIND_ACTIVITY)
    g_assert_cmpint (f->opened_activity, ==, marker->item_id);
  else
    {
      g_assert_cmpint (f->opened_activity, ==, 0);
      g_assert_cmpint (f->opened_kind, ==, marker->kind - KT_TIMELINE_KIND_DERIVED);
    }

  /* The first row of the list is the earliest deadline; activating it opens
   * its contract */
  f->opened = 0;
  g_signal_emit_by_name (list, "activate", 0);
  iterate ();
  g_assert_cmpint (f->opened, >, 0);
  {
    guint32 earliest = G_MAXUINT32;
    gboolean in_lane = FALSE;

    for (guint i = 0; i < lanes->len; i++)
      {
        const KtTimelineLane *l = g_ptr_array_index (lanes, i);

        if (kt_timeline_lane_get_n_markers (l) > 0)
          earliest = MIN (earliest, kt_timeline_lane_get_marker (l, 0)->julian);
      }
    for (guint i = 0; i < lanes->len; i++)
      {
        const KtTimelineLane *l = g_ptr_array_index (lanes, i);

        if (l->id == f->opened && kt_timeline_lane_get_n_markers (l) > 0)
          in_lane = kt_timeline_lane_get_marker (l, 0)->julian == earliest;
      }
    g_assert_true (in_lane);
  }
}

static void
test_list_toggle (Fixture       *f,
                  gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (content (f->view));
  GtkToggleButton *toggle = NULL;

  /* The list toggle is the only toggle with an icon */
  {
    GtkWidget *toolbar = gtk_widget_get_first_child (f->view);

    for (GtkWidget *w = gtk_widget_get_first_child (toolbar); w != NULL;
         w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_TOGGLE_BUTTON (w) && gtk_button_get_icon_name (GTK_BUTTON (w)) != NULL)
        toggle = GTK_TOGGLE_BUTTON (w);
  }
  g_assert_nonnull (toggle);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "timeline");
  gtk_toggle_button_set_active (toggle, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  gtk_toggle_button_set_active (toggle, FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "timeline");
}

static void
test_empty_portfolio (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kt-test-timeline-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "tom.kontrakter", NULL);
  g_autoptr(KtStore) store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);
  GtkWidget *view = g_object_ref_sink (kt_timeline_view_new ());

  g_assert_no_error (error);
  kt_timeline_view_set_store (KT_TIMELINE_VIEW (view), store);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content (view))),
                   ==, "message");
  g_object_unref (view);
  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kt_register_resource ();

  g_test_add ("/timeline-view/lanes-and-list", Fixture, NULL,
              fixture_set_up, test_lanes_and_list, fixture_tear_down);
  g_test_add ("/timeline-view/activation-opens-the-contract", Fixture, NULL,
              fixture_set_up, test_activation_opens_the_contract, fixture_tear_down);
  g_test_add ("/timeline-view/list-toggle", Fixture, NULL,
              fixture_set_up, test_list_toggle, fixture_tear_down);
  g_test_add_func ("/timeline-view/empty-portfolio", test_empty_portfolio);

  return g_test_run ();
}
