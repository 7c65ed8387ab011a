/* test-projector.c — projector mode on the example portfolio
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "../io/cli-test-util.h"
#include "kt-deadlines.h"
#include "kt-timeline.h"
#include "kt-example.h"
#include "kt-format.h"
#include "kt-matrix.h"
#include "kt-portfolio-figures.h"
#include "kt-projector-slide-matrix.h"
#include "kt-projector-window.h"
#include "kt-resources.h"
#include "kt-tender-plan.h"

/* Written into the portfolio: none of it may reach a slide. */
#define SECRET_NOTE     "HEMMELIG-NOTE-4711"
#define SECRET_LEARNING "HEMMELIG-LÆRING-4712"
#define SECRET_EXIT     "HEMMELIG-EXIT-4713"
#define SECRET_REASON   "HEMMELIG-BEGRUNDELSE-4714"
#define SECRET_ACTIVITY "HEMMELIG-AKTIVITETSNOTE-4715"

typedef struct {
  char      *dir;
  char      *path;
  KtStore   *store;
  GtkWidget *parent;
  GtkWidget *window;
  gint64     overridden_supplier;
} Fixture;

static void
iterate (void)
{
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Layout and drawing wait for the frame clock: let a few frames pass. */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (250, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
today (GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

/* The private notes of the first contract with a supplier, an activity
 * note, and an override with its reason on that supplier. */
static void
add_secrets (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (f->store, &error);
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(KtScoreOverride) override = kt_score_override_new ();
  KtContract *contract = NULL;
  KtActivity *activity;

  g_assert_no_error (error);
  for (guint i = 0; i < contracts->len && contract == NULL; i++)
    {
      KtContract *c = g_ptr_array_index (contracts, i);

      if (c->supplier_id != 0 && c->status == KT_STATUS_ACTIVE && c->annual_cost != KT_MONEY_NONE)
        contract = c;
    }
  g_assert_nonnull (contract);

  g_free (contract->notes);
  contract->notes = g_strdup (SECRET_NOTE);
  g_free (contract->learning_points);
  contract->learning_points = g_strdup (SECRET_LEARNING);
  g_free (contract->exit_notes);
  contract->exit_notes = g_strdup (SECRET_EXIT);
  g_assert_true (kt_store_update_contract (f->store, contract, &error));
  g_assert_no_error (error);

  activities = kt_store_list_activities (f->store, contract->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, >, 0);
  activity = g_ptr_array_index (activities, 0);
  g_free (activity->notes);
  activity->notes = g_strdup (SECRET_ACTIVITY);
  g_assert_true (kt_store_update_activity (f->store, activity, &error));
  g_assert_no_error (error);

  override->supplier_id = contract->supplier_id;
  override->importance = 90;
  override->risk = 10;
  override->reason = g_strdup (SECRET_REASON);
  g_assert_true (kt_store_set_score_override (f->store, override, &error));
  g_assert_no_error (error);
  f->overridden_supplier = contract->supplier_id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-test-projector-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "eksempel.kontrakter", NULL);
  g_assert_true (kt_example_write (f->path, &error));
  g_assert_no_error (error);
  f->store = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  add_secrets (f);

  f->parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (f->parent));
  f->window = kt_projector_window_new (GTK_WINDOW (f->parent), f->store);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  settle ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  gtk_window_destroy (GTK_WINDOW (f->parent));
  iterate ();
  g_assert_null (f->window);
  g_clear_object (&f->store);
  kt_cli_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ---- finding things ---- */

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkStack *
stack_of (Fixture *f)
{
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  collect (f->window, GTK_TYPE_STACK, stacks);
  g_assert_cmpuint (stacks->len, ==, 1);
  return g_ptr_array_index (stacks, 0);
}

static GtkWidget *
slide (Fixture    *f,
       const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack_of (f), name);

  g_assert_nonnull (page);
  return page;
}

/* The header's labels: the title first, then the counter. */
static const char *
counter_text (Fixture *f)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *header = gtk_widget_get_first_child (adw_window_get_content (ADW_WINDOW (f->window)));

  collect (header, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 2);
  return gtk_label_get_label (g_ptr_array_index (labels, 1));
}

static const char *
title_text (Fixture *f)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *header = gtk_widget_get_first_child (adw_window_get_content (ADW_WINDOW (f->window)));

  collect (header, GTK_TYPE_LABEL, labels);
  return gtk_label_get_label (g_ptr_array_index (labels, 0));
}

static guint
count_labels_with_class (GtkWidget  *root,
                         const char *css_class)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    n += gtk_widget_has_css_class (g_ptr_array_index (labels, i), css_class);
  return n;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  return FALSE;
}

/* ---- keys ---- */

static GtkEventController *
key_controller (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (f->window);
  GtkEventController *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      /* Ahead of every widget inside */
      if (g_strcmp0 (gtk_event_controller_get_name (controller), "kt-projector-keys") == 0)
        {
          g_assert_true (GTK_IS_EVENT_CONTROLLER_KEY (controller));
          g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==,
                           GTK_PHASE_CAPTURE);
          found = controller;
        }
    }

  g_assert_nonnull (found);
  return found;
}

static gboolean
press_with (Fixture         *f,
            guint            keyval,
            GdkModifierType  state)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (key_controller (f), "key-pressed", keyval, 0, state, &handled);
  iterate ();
  return handled;
}

static void
press (Fixture *f,
       guint    keyval)
{
  g_assert_true (press_with (f, keyval, 0));
}

static void
assert_slide (Fixture    *f,
              guint       index,
              const char *name)
{
  g_autofree char *counter = g_strdup_printf ("%u / %u", index + 1, KT_PROJECTOR_N_SLIDES);

  g_assert_cmpuint (kt_projector_window_get_slide (KT_PROJECTOR_WINDOW (f->window)), ==, index);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack_of (f)), ==, name);
  g_assert_cmpstr (counter_text (f), ==, counter);
}

/* ---- tests ---- */

static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (f->store, &error);
  g_autoptr(KtDeadlineSettings) settings = kt_store_get_deadline_settings (f->store, &error);
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(KtPortfolioFigures) figures = NULL;
  g_autofree char *live = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *expiring = NULL;
  g_autofree char *overdue = NULL;
  GtkWidget *page = slide (f, "figures");
  GDate now, until;

  g_assert_no_error (error);
  today (&now);
  until = now;
  g_date_add_months (&until, 12);
  activities = kt_store_list_activities_in_window (f->store, &now, &until, TRUE, &error);
  g_assert_no_error (error);
  figures = kt_portfolio_figures_compute (contracts, activities, settings, &now);

  /* The example has something in every tile: a 0 would prove little */
  g_assert_cmpuint (figures->n_live, >, 0);
  g_assert_cmpint (figures->total_annual_cost, >, 0);
  g_assert_cmpuint (figures->n_expiring, >, 0);
  g_assert_cmpuint (figures->n_overdue, >, 0);

  assert_slide (f, 0, "figures");
  g_assert_cmpstr (title_text (f), ==, "Key Figures");

  live = g_strdup_printf ("%u", figures->n_live);
  cost = kt_format_money_short (figures->total_annual_cost);
  expiring = g_strdup_printf ("%u", figures->n_expiring);
  overdue = g_strdup_printf ("%u", figures->n_overdue);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (page, "figure-live"))), ==, live);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (page, "figure-annual-cost"))), ==, cost);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (page, "figure-expiring"))), ==, expiring);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (page, "figure-overdue"))), ==, overdue);
}

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  assert_slide (f, 0, "figures");

  /* Forward, and stop at the end */
  press (f, GDK_KEY_Right);
  assert_slide (f, 1, "matrix");
  g_assert_cmpstr (title_text (f), ==, "Supplier Matrix");
  press (f, GDK_KEY_Page_Down);
  assert_slide (f, 2, "deadlines");
  press (f, GDK_KEY_space);
  assert_slide (f, 3, "tender-plan");
  press (f, GDK_KEY_KP_Page_Down);
  assert_slide (f, 4, "suppliers");
  press (f, GDK_KEY_Right);
  press (f, GDK_KEY_space);
  assert_slide (f, 4, "suppliers");

  /* Back, and stop at the start */
  press (f, GDK_KEY_Left);
  assert_slide (f, 3, "tender-plan");
  press (f, GDK_KEY_Page_Up);
  assert_slide (f, 2, "deadlines");
  press (f, GDK_KEY_BackSpace);
  assert_slide (f, 1, "matrix");
  press (f, GDK_KEY_Left);
  assert_slide (f, 0, "figures");
  press (f, GDK_KEY_Page_Up);
  assert_slide (f, 0, "figures");

  /* Home and End */
  press (f, GDK_KEY_End);
  assert_slide (f, 4, "suppliers");
  press (f, GDK_KEY_Home);
  assert_slide (f, 0, "figures");

  /* Shortcuts with modifiers belong to the application */
  g_assert_false (press_with (f, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_false (press_with (f, GDK_KEY_q, 0));
  assert_slide (f, 0, "figures");

  /* Up and Down scroll a long slide, and only that */
  g_assert_false (press_with (f, GDK_KEY_Down, 0));
  press (f, GDK_KEY_End);
  press (f, GDK_KEY_Left);
  press (f, GDK_KEY_Left);
  assert_slide (f, 2, "deadlines");
  settle ();
  {
    g_autoptr(GPtrArray) scrollers = g_ptr_array_new ();
    GtkAdjustment *adjustment;

    collect (slide (f, "deadlines"), GTK_TYPE_SCROLLED_WINDOW, scrollers);
    g_assert_cmpuint (scrollers->len, ==, 1);
    adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrollers, 0));
    /* The example's year of deadlines is longer than a screen */
    g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                       gtk_adjustment_get_page_size (adjustment));
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
    press (f, GDK_KEY_Down);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
    press (f, GDK_KEY_Up);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  }
  assert_slide (f, 2, "deadlines");
}

/* The header's buttons are the same actions; at the ends they are off. */
static void
test_buttons (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *previous = NULL;
  GtkWidget *next = NULL;
  GtkWidget *leave = NULL;

  collect (f->window, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));

      if (g_strcmp0 (action, "projector.previous") == 0)
        previous = button;
      else if (g_strcmp0 (action, "projector.next") == 0)
        next = button;
      else if (g_strcmp0 (action, "projector.leave") == 0)
        leave = button;
    }
  g_assert_nonnull (previous);
  g_assert_nonnull (next);
  g_assert_nonnull (leave);

  /* Icon buttons with spoken names */
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (previous),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "Previous Slide"));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (next),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "Next Slide"));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (leave),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "Leave Presentation"));

  g_assert_false (gtk_widget_is_sensitive (previous));
  g_assert_true (gtk_widget_is_sensitive (next));
  g_signal_emit_by_name (next, "clicked");
  iterate ();
  assert_slide (f, 1, "matrix");
  g_assert_true (gtk_widget_is_sensitive (previous));

  kt_projector_window_set_slide (KT_PROJECTOR_WINDOW (f->window), KT_PROJECTOR_SUPPLIERS);
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (next));
  g_signal_emit_by_name (previous, "clicked");
  iterate ();
  assert_slide (f, 3, "tender-plan");

  g_signal_emit_by_name (leave, "clicked");
  iterate ();
  g_assert_null (f->window);
}

static void
test_escape_closes (Fixture       *f,
                    gconstpointer  data)
{
  press (f, GDK_KEY_Right);
  press (f, GDK_KEY_Escape);
  g_assert_null (f->window);
  /* The main window stays */
  g_assert_true (gtk_widget_get_visible (f->parent));
}

static void
test_slides_content (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (f->store, &error);
  g_autoptr(KtDeadlineSettings) settings = kt_store_get_deadline_settings (f->store, &error);
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(KtPortfolioFigures) figures = NULL;
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();
  GDate now, until;
  guint n_late = 0;

  g_assert_no_error (error);
  today (&now);
  until = now;
  g_date_add_months (&until, 12);
  activities = kt_store_list_activities_in_window (f->store, &now, &until, TRUE, &error);
  g_assert_no_error (error);

  /* Deadlines: one dated row per committee deadline, months as headings */
  items = kt_deadlines_collect (contracts, activities, settings, &now, &now, &until, 0);
  chosen = kt_portfolio_committee_deadlines (items, &now, 12);
  g_assert_cmpuint (chosen->len, >, 10);
  g_assert_cmpuint (count_labels_with_class (slide (f, "deadlines"), "numeric"), ==, chosen->len);
  g_assert_cmpuint (count_labels_with_class (slide (f, "deadlines"), "kt-projector-section"), >=, 2);
  /* … and the timeline's drawing above them: one lane per supplier, every
   * committee deadline a marker */
  {
    g_autoptr(GPtrArray) timelines = g_ptr_array_new ();
    g_autoptr(GHashTable) suppliers = g_hash_table_new (g_int64_hash, g_int64_equal);
    GPtrArray *lanes;
    guint n_markers = 0;

    collect (slide (f, "deadlines"), KT_TYPE_TIMELINE, timelines);
    g_assert_cmpuint (timelines->len, ==, 1);
    lanes = kt_timeline_get_lanes (KT_TIMELINE (g_ptr_array_index (timelines, 0)));
    for (guint i = 0; i < chosen->len; i++)
      g_hash_table_add (suppliers, &((KtDeadlineItem *) g_ptr_array_index (chosen, i))->supplier_id);
    g_assert_cmpuint (lanes->len, ==, g_hash_table_size (suppliers));
    for (guint i = 0; i < lanes->len; i++)
      n_markers += kt_timeline_lane_get_n_markers (g_ptr_array_index (lanes, i));
    g_assert_cmpuint (n_markers, ==, chosen->len);
  }

  /* Tender plan: one contract per row, the late ones under their heading */
  plan = kt_tender_plan_build (contracts, settings, &now);
  rows = kt_portfolio_tender_rows (plan, &now, 4);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    n_late += ((KtTenderPlanRow *) g_ptr_array_index (rows, i))->late;
  g_assert_cmpuint (count_labels_with_class (slide (f, "tender-plan"), "kt-projector-lead"), ==,
                    rows->len);
  g_assert_cmpuint (count_labels_with_class (slide (f, "tender-plan"), "kt-projector-alert"), ==,
                    n_late + (n_late > 0 ? 1 : 0));

  /* Top suppliers: ten bars, each a meter named after its supplier */
  figures = kt_portfolio_figures_compute (contracts, NULL, settings, &now);
  collect (slide (f, "suppliers"), g_type_from_name ("KtProjectorBar"), bars);
  g_assert_cmpuint (bars->len, ==, KT_PORTFOLIO_TOP_SUPPLIERS);
  for (guint i = 0; i < bars->len; i++)
    {
      const KtSupplierSpend *spend = g_ptr_array_index (figures->top_suppliers, i);

      g_assert_null (gtk_test_accessible_check_property (g_ptr_array_index (bars, i),
                                                         GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                         spend->supplier_name));
      g_assert_true (has_label (slide (f, "suppliers"), spend->supplier_name));
    }
}

/* A click on a bubble shows the supplier in the caption: its numbers and
 * that it was placed by hand, never why. */
static void
test_matrix_caption (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) matrices = g_ptr_array_new ();
  g_autoptr(GPtrArray) slides = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KtSupplier) supplier = kt_store_get_supplier (f->store, f->overridden_supplier, &error);
  GtkWidget *page = slide (f, "matrix");

  g_assert_no_error (error);
  collect (page, KT_TYPE_MATRIX, matrices);
  g_assert_cmpuint (matrices->len, ==, 1);
  g_assert_true (has_label (page, "Click a supplier to show it here."));
  g_assert_false (has_label (page, supplier->name));

  g_signal_emit_by_name (g_ptr_array_index (matrices, 0), "supplier-activated",
                         f->overridden_supplier);
  iterate ();
  g_assert_true (has_label (page, supplier->name));
  g_assert_true (has_label (page, "Importance: 90"));
  g_assert_true (has_label (page, "Risk: 10"));
  g_assert_true (has_label (page, "Placed by hand"));
  g_assert_false (has_label (page, "Click a supplier to show it here."));

  collect (page, KT_TYPE_PROJECTOR_SLIDE_MATRIX, slides);
  g_assert_false (kt_projector_slide_matrix_show_supplier (g_ptr_array_index (slides, 0), -5));
  g_assert_true (has_label (page, supplier->name));
}

/* Nothing private anywhere in the window, on any slide, the caption of the
 * overridden supplier included. */
static void
test_no_private_notes (Fixture       *f,
                       gconstpointer  data)
{
  static const char *secrets[] = {
    SECRET_NOTE, SECRET_LEARNING, SECRET_EXIT, SECRET_REASON, SECRET_ACTIVITY,
  };
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) slides = g_ptr_array_new ();

  collect (f->window, KT_TYPE_PROJECTOR_SLIDE_MATRIX, slides);
  g_assert_cmpuint (slides->len, ==, 1);
  g_assert_true (kt_projector_slide_matrix_show_supplier (g_ptr_array_index (slides, 0),
                                                          f->overridden_supplier));

  collect (f->window, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, >, 100);
  for (guint i = 0; i < labels->len; i++)
    for (guint s = 0; s < G_N_ELEMENTS (secrets); s++)
      g_assert_null (strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), secrets[s]));
}

static double
font_pixels (GtkWidget *label)
{
  PangoContext *context = gtk_widget_get_pango_context (label);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = pango_font_description_get_size (font) / (double) PANGO_SCALE;

  if (!pango_font_description_get_size_is_absolute (font))
    size *= 96.0 / 72.0;
  return size;
}

/* Every text of every slide at 28px or more, near-black, in the light and
 * the dark style alike; the slides are white. */
static void
check_type_and_colour (Fixture *f)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkStack *stack = stack_of (f);

  collect (GTK_WIDGET (stack), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      GdkRGBA color;

      gtk_style_context_get_color (gtk_widget_get_style_context (label), &color);
      g_assert_cmpfloat (font_pixels (label), >=, 28.0);
      if (gtk_widget_has_css_class (label, "kt-projector-alert"))
        g_assert_cmpfloat (color.red, >, 0.5);
      else
        g_assert_cmpfloat (color.red + color.green + color.blue, <, 0.25);
      g_assert_cmpfloat (color.alpha, ==, 1.0);
    }
}

static void
check_background (Fixture *f)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (f->window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = NULL;
  graphene_rect_t bounds;
  graphene_point_t point;
  int width, height;
  guint32 pixel;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (f->window),
                          gtk_widget_get_height (f->window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* Whatever the window draws around itself (a shadow) is in the bounds */
  gsk_render_node_get_bounds (node, &bounds);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)), node,
                                         &bounds);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);

  /* A point in the slide's padding (the stack has none of its own), clear
   * of the window's frame when it is not full screen: background only */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (stack_of (f)), f->window,
                                           &GRAPHENE_POINT_INIT (16, 10), &point));
  pixel = pixels[(int) (point.y - bounds.origin.y) * width + (int) (point.x - bounds.origin.x)];
  g_assert_cmphex (pixel & 0xffffff, ==, 0xffffff);
}

static void
test_type_and_colour (Fixture       *f,
                      gconstpointer  data)
{
  check_type_and_colour (f);
  check_background (f);
}

static void
test_dark_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  Fixture fixture = { 0 };

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  iterate ();
  g_assert_true (adw_style_manager_get_dark (manager));

  fixture_set_up (&fixture, NULL);
  check_type_and_colour (&fixture);
  check_background (&fixture);
  fixture_tear_down (&fixture, NULL);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  iterate ();
}

/* What cannot be read is said on the slides it concerns; the rest work. */
static void
drop_table (Fixture    *f,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("DROP TABLE %s", table);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_read_errors (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *window;

  drop_table (f, "activities");
  window = kt_projector_window_new (GTK_WINDOW (f->parent), f->store);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = window;
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);

  g_assert_true (has_label (slide (f, "figures"), "The Portfolio Could Not Be Read"));
  g_assert_null (find_named (slide (f, "figures"), "figure-live"));
  g_assert_true (has_label (slide (f, "deadlines"), "The Portfolio Could Not Be Read"));
  g_assert_true (has_label (slide (f, "tender-plan"), "The Portfolio Could Not Be Read"));
  g_assert_true (has_label (slide (f, "suppliers"), "The Portfolio Could Not Be Read"));
  /* The matrix needs no activities */
  g_assert_false (has_label (slide (f, "matrix"), "The Portfolio Could Not Be Read"));

  /* Paging still works through the error slides */
  press (f, GDK_KEY_End);
  assert_slide (f, 4, "suppliers");

  drop_table (f, "score_overrides");
  window = kt_projector_window_new (GTK_WINDOW (f->parent), f->store);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = window;
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  g_assert_true (has_label (slide (f, "matrix"), "The Portfolio Could Not Be Read"));
}

/* A new, empty portfolio: every slide says there is nothing, none fails. */
static void
test_empty_portfolio (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kt-test-projector-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "tom.kontrakter", NULL);
  g_autoptr(KtStore) store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);
  Fixture f = { 0 };

  g_assert_no_error (error);
  f.window = kt_projector_window_new (NULL, store);
  g_object_add_weak_pointer (G_OBJECT (f.window), (gpointer *) &f.window);
  gtk_window_present (GTK_WINDOW (f.window));
  settle ();

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (slide (&f, "figures"), "figure-live"))),
                   ==, "0");
  g_assert_true (has_label (slide (&f, "matrix"), "Strategic: 0"));
  g_assert_true (has_label (slide (&f, "deadlines"), "No Contract Deadlines"));
  g_assert_true (has_label (slide (&f, "tender-plan"), "Nothing to Re-procure"));
  g_assert_true (has_label (slide (&f, "suppliers"), "No Annual Spend Known"));
  for (guint i = 1; i < KT_PROJECTOR_N_SLIDES; i++)
    {
      press (&f, GDK_KEY_Right);
      settle ();
    }
  assert_slide (&f, KT_PROJECTOR_N_SLIDES - 1, "suppliers");

  press (&f, GDK_KEY_Escape);
  g_assert_null (f.window);
  g_clear_object (&store);
  kt_cli_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kt_register_resource ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/projector/figures", test_figures);
  ADD ("/ui/projector/paging", test_paging);
  ADD ("/ui/projector/buttons", test_buttons);
  ADD ("/ui/projector/escape-closes", test_escape_closes);
  ADD ("/ui/projector/slides-content", test_slides_content);
  ADD ("/ui/projector/matrix-caption", test_matrix_caption);
  ADD ("/ui/projector/no-private-notes", test_no_private_notes);
  ADD ("/ui/projector/type-and-colour", test_type_and_colour);
  ADD ("/ui/projector/read-errors", test_read_errors);
#undef ADD
  g_test_add_func ("/ui/projector/dark-style", test_dark_style);
  g_test_add_func ("/ui/projector/empty-portfolio", test_empty_portfolio);

  return g_test_run ();
}
