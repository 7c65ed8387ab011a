/* test-activity-views.c — the deadline filters, the upcoming deadlines, a
 * contract's activity list, the activity editor and the deadline settings,
 * driven in process on the example portfolio
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "kt-activity-editor.h"
#include "kt-activity-list.h"
#include "kt-date-row.h"
#include "kt-deadline-filter.h"
#include "kt-example.h"
#include "kt-merge-dialog.h"
#include "kt-preferences-window.h"
#include "kt-resources.h"
#include "kt-spin-row.h"
#include "kt-undo-toast.h"
#include "kt-upcoming-model.h"
#include "kt-upcoming-view.h"
#include "kt-write-retry.h"

typedef struct {
  char    *dir;
  char    *path;
  KtStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-activity-views-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "eksempel.kontrakter", NULL);
  g_assert_true (kt_example_write (f->path, &error));
  g_assert_no_error (error);
  f->store = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_remove (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
has_title (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static GtkWidget *
must_find (GtkWidget *root,
           gboolean (*match) (GtkWidget *, gconstpointer),
           gconstpointer data)
{
  GtkWidget *found = find_widget (root, match, data);

  g_assert_nonnull (found);
  return found;
}

static KtActivity *
find_activity (KtStore    *store,
               gint64      contract_id,
               const char *description)
{
  g_autoptr(GPtrArray) activities = kt_store_list_activities (store, contract_id, NULL);

  for (guint i = 0; activities != NULL && i < activities->len; i++)
    {
      KtActivity *a = g_ptr_array_index (activities, i);

      if (g_strcmp0 (a->description, description) == 0)
        return kt_activity_copy (a);
    }
  return NULL;
}

/* ---- filters ---- */

static KtDeadlineItem *
derived_item (gint64 administrator,
              gint64 org_unit)
{
  g_autoptr(KtContract) c = kt_contract_new ();
  GDate date;

  c->id = 1;
  c->number = g_strdup ("K-1");
  c->administrator_id = administrator;
  c->org_unit_id = org_unit;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2027);
  /* Filed under the type EXPIRY */
  return kt_deadline_item_new_derived (c, KT_DERIVED_EXPIRY, &date, NULL);
}

static void
test_filter (void)
{
  GtkWidget *responsible = gtk_drop_down_new (NULL, NULL);
  GtkWidget *type = gtk_drop_down_new (NULL, NULL);
  GtkWidget *unit = gtk_drop_down_new (NULL, NULL);
  g_autoptr(KtDeadlineFilter) filter = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_person_free);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_org_unit_free);
  g_autoptr(KtDeadlineItem) mine_in_centre = derived_item (2, 11);
  g_autoptr(KtDeadlineItem) other_in_dept2 = derived_item (3, 20);
  g_autofree char *why = NULL;
  KtPerson *p;
  KtOrgUnit *u;

  g_object_ref_sink (responsible);
  g_object_ref_sink (type);
  g_object_ref_sink (unit);
  filter = kt_deadline_filter_new (GTK_DROP_DOWN (responsible), GTK_DROP_DOWN (type),
                                   GTK_DROP_DOWN (unit));

  /* Nobody is the user yet: "Mine" explains why it is empty. */
  kt_deadline_filter_set_records (filter, NULL, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (responsible), 1);
  g_assert_true (kt_deadline_filter_read (filter));
  g_assert_false (kt_deadline_filter_match (filter, mine_in_centre));
  why = kt_deadline_filter_describe_empty (filter);
  g_assert_true (strstr (why, "your name") != NULL);
  kt_deadline_filter_reset (filter);

  /* Bo is the user by his e-mail address; Ada is listed before him. */
  p = kt_person_new ();
  p->id = 2;
  p->name = g_strdup ("Bo Berg");
  p->email = g_strdup_printf ("%s@kommune.dk", g_get_user_name ());
  g_ptr_array_add (people, p);
  p = kt_person_new ();
  p->id = 3;
  p->name = g_strdup ("Ada Andersen");
  p->email = g_strdup ("aa@kommune.dk");
  g_ptr_array_add (people, p);
  u = kt_org_unit_new ();
  u->id = 10;
  u->name = g_strdup ("Dept 1");
  g_ptr_array_add (units, u);
  u = kt_org_unit_new ();
  u->id = 11;
  u->name = g_strdup ("Centre 1");
  u->kind = KT_ORG_UNIT_KIND_CENTER;
  u->parent_id = 10;
  g_ptr_array_add (units, u);
  u = kt_org_unit_new ();
  u->id = 20;
  u->name = g_strdup ("Dept 2");
  g_ptr_array_add (units, u);
  kt_deadline_filter_set_records (filter, people, units);

  g_assert_true (kt_deadline_filter_match (filter, mine_in_centre));
  g_assert_true (kt_deadline_filter_match (filter, other_in_dept2));

  /* Everyone, Mine, Ada Andersen, Bo Berg */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (responsible), 1);
  g_assert_true (kt_deadline_filter_read (filter));
  g_assert_true (kt_deadline_filter_match (filter, mine_in_centre));
  g_assert_false (kt_deadline_filter_match (filter, other_in_dept2));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (responsible), 2);
  g_assert_true (kt_deadline_filter_read (filter));
  g_assert_false (kt_deadline_filter_match (filter, mine_in_centre));
  g_assert_true (kt_deadline_filter_match (filter, other_in_dept2));
  g_assert_false (kt_deadline_filter_read (filter));   /* nothing changed */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (responsible), 0);
  kt_deadline_filter_read (filter);

  /* All Types, then the types in order: a computed end date is an expiry. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (type), 1 + KT_ACTIVITY_EXPIRY);
  kt_deadline_filter_read (filter);
  g_assert_true (kt_deadline_filter_match (filter, mine_in_centre));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (type), 1 + KT_ACTIVITY_MILESTONE);
  kt_deadline_filter_read (filter);
  g_assert_false (kt_deadline_filter_match (filter, mine_in_centre));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (type), 0);

  /* All Units, Dept 1, Centre 1, Dept 2: a department holds its centres. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (unit), 1);
  kt_deadline_filter_read (filter);
  g_assert_true (kt_deadline_filter_match (filter, mine_in_centre));
  g_assert_false (kt_deadline_filter_match (filter, other_in_dept2));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (unit), 3);
  kt_deadline_filter_read (filter);
  g_assert_false (kt_deadline_filter_match (filter, mine_in_centre));
  g_assert_true (kt_deadline_filter_match (filter, other_in_dept2));

  /* New records keep the chosen unit. */
  kt_deadline_filter_set_records (filter, people, units);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (unit)), ==, 3);

  kt_deadline_filter_reset (filter);
  g_assert_true (kt_deadline_filter_match (filter, mine_in_centre));

  g_clear_object (&filter);
  g_object_unref (responsible);
  g_object_unref (type);
  g_object_unref (unit);
}

/* ---- upcoming deadlines ---- */

static gboolean
is_deadline_list (GtkWidget     *widget,
                  gconstpointer  data)
{
  GtkSelectionModel *model;

  if (!GTK_IS_LIST_VIEW (widget))
    return FALSE;
  model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));
  return GTK_IS_SINGLE_SELECTION (model) &&
         KT_IS_UPCOMING_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)));
}

static void
test_upcoming_sections (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = kt_upcoming_view_new ();
  GtkListView *list;
  GListModel *model;
  KtUrgency last = KT_URGENCY_OVERDUE;
  guint n, deadlines = 0, counted = 0;
  GDate today, prev;

  gtk_window_set_child (GTK_WINDOW (window), view);
  kt_upcoming_view_set_store (KT_UPCOMING_VIEW (view), f->store);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* Not the lists of the filters' drop-downs */
  list = GTK_LIST_VIEW (must_find (view, is_deadline_list, NULL));
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  g_date_clear (&prev, 1);

  /* Headers in order from overdue to a year ahead, each followed by its
   * deadlines, in date order, all open and within the year. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KtUpcomingEntry) entry = g_list_model_get_item (model, i);

      if (entry->item == NULL)
        {
          g_assert_cmpuint (counted, ==, 0);
          g_assert_cmpint (entry->urgency, <=, last);
          g_assert_cmpint (entry->urgency, >=, KT_URGENCY_WITHIN_365_DAYS);
          last = entry->urgency;
          counted = entry->count;
          g_assert_cmpuint (counted, >, 0);
          continue;
        }

      g_assert_cmpuint (counted, >, 0);
      counted--;
      deadlines++;
      g_assert_cmpint (kt_deadline_item_get_urgency (entry->item, &today), ==, last);
      g_assert_cmpint (entry->item->status, ==, KT_ACTIVITY_STATUS_OPEN);
      if (g_date_valid (&prev))
        g_assert_cmpint (g_date_compare (&prev, &entry->item->date), <=, 0);
      prev = entry->item->date;
      g_assert_true (!entry->can_mark || !entry->item->derived);
    }
  g_assert_cmpuint (counted, ==, 0);
  g_assert_cmpuint (deadlines, >, 0);

  {
    g_autoptr(KtUpcomingEntry) first = g_list_model_get_item (model, 0);
    g_assert_cmpint (first->urgency, ==, KT_URGENCY_OVERDUE);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- a contract's activities ---- */

static void
count_cb (guint *n)
{
  (*n)++;
}

/* ---- upcoming deadlines while a colleague holds the lock ---- */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* A Mark Done button of a one-off activity: marking a recurring one done
 * moves it on instead. */
static gboolean
marks_one_off (GtkWidget     *widget,
               gconstpointer  store)
{
  KtUpcomingEntry *entry = g_object_get_data (G_OBJECT (widget), "kt-entry");
  g_autoptr(KtActivity) activity = NULL;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_visible (widget) || entry == NULL)
    return FALSE;
  activity = kt_store_get_activity ((KtStore *) store, entry->item->activity_id, NULL);
  return activity != NULL && activity->recurrence == KT_RECURRENCE_NONE;
}

static gboolean
is_pending (GtkWidget *widget)
{
  return kt_write_is_pending (widget);
}

/* Runs the main loop while @widget's write waits, at most 20 s. */
static void
wait_written (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (is_pending (widget) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_assert_false (is_pending (widget));
  iterate ();
}

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

static KtActivityStatus
activity_status (KtStore *store,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KtActivity) activity = kt_store_get_activity (store, id, &error);

  g_assert_no_error (error);
  return activity->status;
}

/* Mark Done and its undo wait for a colleague's lock through
 * kt_write_run (): a direct write would fail after the store's 50 ms. */
static void
test_upcoming_locked (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *view = kt_upcoming_view_new ();
  g_autoptr(KtStore) colleague = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(GError) error = NULL;
  KtUpcomingEntry *entry;
  GtkWidget *button;
  guint changes = 0;
  gint64 id;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), view);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  g_signal_connect_swapped (view, "activities-changed", G_CALLBACK (count_cb), &changes);
  kt_upcoming_view_set_store (KT_UPCOMING_VIEW (view), f->store);
  kt_store_set_lock_wait (f->store, 50);
  kt_write_set_time_scale (0.05);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  button = must_find (view, marks_one_off, f->store);
  entry = g_object_get_data (G_OBJECT (button), "kt-entry");
  id = entry->item->activity_id;
  g_assert_cmpint (activity_status (f->store, id), ==, KT_ACTIVITY_STATUS_OPEN);

  g_assert_true (kt_store_begin_batch (colleague, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (button, "clicked");
  run_for (150);
  g_assert_true (kt_write_is_pending (view));
  g_assert_cmpint (activity_status (f->store, id), ==, KT_ACTIVITY_STATUS_OPEN);
  g_assert_cmpuint (changes, ==, 0);
  kt_store_rollback_batch (colleague);
  wait_written (view);
  g_assert_cmpint (activity_status (f->store, id), ==, KT_ACTIVITY_STATUS_DONE);
  g_assert_cmpuint (changes, ==, 1);

  /* Undo, once its toast has arrived (libadwaita 1.2) */
  run_for (500);
  g_assert_true (kt_store_begin_batch (colleague, &error));
  g_assert_no_error (error);
  g_assert_true (kt_undo_toast_run (ADW_TOAST_OVERLAY (overlay)));
  run_for (150);
  g_assert_true (kt_write_is_pending (view));
  g_assert_cmpint (activity_status (f->store, id), ==, KT_ACTIVITY_STATUS_DONE);
  kt_store_rollback_batch (colleague);
  wait_written (view);
  g_assert_cmpint (activity_status (f->store, id), ==, KT_ACTIVITY_STATUS_OPEN);
  g_assert_cmpuint (changes, ==, 2);

  kt_write_set_time_scale (1.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static KtContract *
contract_with_open_activity (KtStore     *store,
                             KtActivity **activity)
{
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (store, NULL);

  for (guint i = 0; i < contracts->len; i++)
    {
      KtContract *c = g_ptr_array_index (contracts, i);
      g_autoptr(GPtrArray) activities = kt_store_list_activities (store, c->id, NULL);

      for (guint j = 0; j < activities->len; j++)
        {
          KtActivity *a = g_ptr_array_index (activities, j);

          if (a->status == KT_ACTIVITY_STATUS_OPEN && a->recurrence == KT_RECURRENCE_NONE)
            {
              *activity = kt_activity_copy (a);
              return kt_contract_copy (c);
            }
        }
    }
  g_assert_not_reached ();
}

static void
test_activity_list (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *list = kt_activity_list_new ();
  g_autoptr(KtActivity) activity = NULL;
  g_autoptr(KtContract) contract = contract_with_open_activity (f->store, &activity);
  g_autoptr(KtActivity) after = NULL;
  g_autofree char *done_label = g_strdup_printf ("Mark “%s” Done", activity->description);
  g_autofree char *delete_label = g_strdup_printf ("Delete “%s”", activity->description);
  guint changes = 0;
  GDate today;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), list);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  g_signal_connect_swapped (list, "changed", G_CALLBACK (count_cb), &changes);
  kt_activity_list_set_store (KT_ACTIVITY_LIST (list), f->store);
  kt_activity_list_set_contract (KT_ACTIVITY_LIST (list), contract);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* The row of the activity, and a computed deadline or two */
  must_find (list, has_title, activity->description);

  /* Opening a deadline from an overview focuses its row: the activity, a
   * computed deadline of the contract, not one it does not have */
  g_assert_true (kt_activity_list_focus_deadline (KT_ACTIVITY_LIST (list), activity->id, 0));
  g_assert_true (has_title (gtk_root_get_focus (GTK_ROOT (window)), activity->description));
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  /* Its expiry is listed while it is ahead (the example's contracts with
   * open activities are active, with an end date) */
  if (g_date_valid (&contract->end_date) && g_date_compare (&contract->end_date, &today) > 0)
    {
      g_assert_true (kt_activity_list_focus_deadline (KT_ACTIVITY_LIST (list), 0, KT_DERIVED_EXPIRY));
      g_assert_true (has_title (gtk_root_get_focus (GTK_ROOT (window)),
                                kt_enum_label (KT_ENUM_DERIVED_KIND, KT_DERIVED_EXPIRY)));
    }
  g_assert_false (kt_activity_list_focus_deadline (KT_ACTIVITY_LIST (list), G_MAXINT64, 0));

  g_signal_emit_by_name (must_find (list, has_tooltip, done_label), "clicked");
  after = kt_store_get_activity (f->store, activity->id, NULL);
  g_assert_cmpint (after->status, ==, KT_ACTIVITY_STATUS_DONE);
  g_assert_true (g_date_valid (&after->done_date));
  g_assert_null (find_widget (list, has_tooltip, done_label));
  g_assert_cmpuint (changes, ==, 1);

  /* Ctrl+Z (the window runs the overlay's undo) opens it again */
  g_assert_true (kt_undo_toast_run (ADW_TOAST_OVERLAY (overlay)));
  g_clear_pointer (&after, kt_activity_free);
  after = kt_store_get_activity (f->store, activity->id, NULL);
  g_assert_cmpint (after->status, ==, KT_ACTIVITY_STATUS_OPEN);
  g_assert_nonnull (find_widget (list, has_tooltip, done_label));
  g_assert_false (kt_undo_toast_run (ADW_TOAST_OVERLAY (overlay)));
  g_assert_cmpuint (changes, ==, 2);

  g_signal_emit_by_name (must_find (list, has_tooltip, delete_label), "clicked");
  g_assert_null (find_activity (f->store, contract->id, activity->description));
  g_assert_null (find_widget (list, has_title, activity->description));
  g_assert_true (kt_undo_toast_run (ADW_TOAST_OVERLAY (overlay)));
  g_clear_pointer (&after, kt_activity_free);
  after = find_activity (f->store, contract->id, activity->description);
  g_assert_nonnull (after);
  must_find (list, has_title, activity->description);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- the editor ---- */

static void
test_editor_rules (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(KtActivity) activity = NULL;
  g_autoptr(KtContract) contract = contract_with_open_activity (f->store, &activity);
  g_autoptr(KtActivity) saved = NULL;
  KtActivityEditor *editor;
  GtkWidget *save;
  GDate deadline, until;

  editor = kt_activity_editor_new (parent, f->store, contract, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  save = must_find (GTK_WIDGET (editor), has_action, "activity.save");
  g_assert_false (gtk_widget_is_sensitive (save));

  g_date_clear (&deadline, 1);
  g_date_set_dmy (&deadline, 15, 3, 2027);
  g_date_clear (&until, 1);
  g_date_set_dmy (&until, 15, 1, 2027);
  gtk_editable_set_text (GTK_EDITABLE (must_find (GTK_WIDGET (editor), has_title, "Description")),
                         "Kontrol af månedsrapport");
  kt_date_row_set_date (KT_DATE_ROW (must_find (GTK_WIDGET (editor), has_title, "Deadline")),
                        &deadline);
  adw_combo_row_set_selected (ADW_COMBO_ROW (must_find (GTK_WIDGET (editor), has_title, "Repeats")),
                              KT_RECURRENCE_MONTHLY);
  kt_date_row_set_date (KT_DATE_ROW (must_find (GTK_WIDGET (editor), has_title,
                                                "Repeats Until (Optional)")), &until);
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (save));
  gtk_widget_activate_action (GTK_WIDGET (editor), "activity.save", NULL);
  g_assert_null (find_activity (f->store, contract->id, "Kontrol af månedsrapport"));

  /* Text that is no date keeps it unsaved too */
  gtk_editable_set_text (GTK_EDITABLE (must_find (GTK_WIDGET (editor), has_title,
                                                  "Repeats Until (Optional)")), "31.13.2027");
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (save));

  g_date_set_dmy (&until, 15, 12, 2027);
  kt_date_row_set_date (KT_DATE_ROW (must_find (GTK_WIDGET (editor), has_title,
                                                "Repeats Until (Optional)")), &until);
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (save));
  g_object_ref (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "activity.save", NULL);
  iterate ();

  saved = find_activity (f->store, contract->id, "Kontrol af månedsrapport");
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->recurrence, ==, KT_RECURRENCE_MONTHLY);
  g_assert_cmpint (g_date_compare (&saved->recurrence_until, &until), ==, 0);
  g_assert_cmpint (saved->responsible_id, ==, contract->administrator_id);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));   /* closed itself */
  g_object_unref (editor);

  gtk_window_destroy (GTK_WINDOW (parent));
}

static KtMergeDialog *
find_merge_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KT_IS_MERGE_DIALOG (window))
        return KT_MERGE_DIALOG (window);
    }

  return NULL;
}

static void
saved_cb (KtActivityEditor *editor,
          gint64            id,
          gint64           *saved_id)
{
  *saved_id = id;
}

static void
test_editor_conflict_merges (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *parent = gtk_window_new ();
  g_autoptr(KtActivity) activity = NULL;
  g_autoptr(KtContract) contract = contract_with_open_activity (f->store, &activity);
  g_autoptr(KtStore) colleague = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(KtActivity) theirs = NULL;
  g_autoptr(KtActivity) stored = NULL;
  KtActivityEditor *editor;
  KtMergeDialog *dialog;
  gint64 saved_id = 0;

  editor = g_object_ref (kt_activity_editor_new (parent, f->store, contract, activity));
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved_id);
  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (must_find (GTK_WIDGET (editor), has_title, "Description")),
                         "Min beskrivelse");

  kt_store_set_identity (colleague, "kollega", "pc-2");
  theirs = kt_store_get_activity (colleague, activity->id, NULL);
  g_free (theirs->notes);
  theirs->notes = g_strdup ("Kollegaens noter");
  g_assert_true (kt_store_update_activity (colleague, theirs, NULL));

  /* Save finds their change: the merge dialog, the editor stays open */
  gtk_widget_activate_action (GTK_WIDGET (editor), "activity.save", NULL);
  dialog = find_merge_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==,
                   "Someone Else Changed This Activity");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpint (saved_id, ==, 0);

  /* Saving the merge keeps my description and their notes, and closes both */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.save", NULL);
  iterate ();
  stored = kt_store_get_activity (f->store, activity->id, NULL);
  g_assert_cmpstr (stored->description, ==, "Min beskrivelse");
  g_assert_cmpstr (stored->notes, ==, "Kollegaens noter");
  g_assert_cmpint (saved_id, ==, activity->id);
  g_assert_null (find_merge_dialog ());
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);

  gtk_window_destroy (GTK_WINDOW (parent));
}

/* ---- deadline settings ---- */

static void
test_preferences_save (Fixture       *f,
                       gconstpointer  data)
{
  KtPreferencesWindow *window = kt_preferences_window_new (NULL, f->store);
  g_autoptr(KtDeadlineSettings) before = kt_store_get_deadline_settings (f->store, NULL);
  g_autoptr(KtDeadlineSettings) after = NULL;
  GtkWidget *save;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  save = must_find (GTK_WIDGET (window), has_action, "preferences.save");
  g_assert_false (gtk_widget_is_sensitive (save));

  row = must_find (GTK_WIDGET (window), has_title, "EU tender");
  gtk_editable_set_text (GTK_EDITABLE (must_find (row, has_type,
                                                  GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON))),
                         "20");
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (save));
  gtk_widget_activate_action (GTK_WIDGET (window), "preferences.save", NULL);

  after = kt_store_get_deadline_settings (f->store, NULL);
  g_assert_cmpuint (after->lead_months[KT_PROCUREMENT_EU_TENDER], ==, 20);
  g_assert_cmpint (after->version, ==, before->version + 1);
  g_assert_cmpuint (after->decision_buffer_days, ==, before->decision_buffer_days);
  g_assert_false (gtk_widget_is_sensitive (save));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
set_spin (GtkWidget  *window,
          const char *title,
          const char *text)
{
  GtkWidget *row = must_find (window, has_title, title);

  gtk_editable_set_text (GTK_EDITABLE (must_find (row, has_type,
                                                  GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON))),
                         text);
  iterate ();
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* Both records in one Save: a conflict on the deadline terms leaves
 * nothing half saved, keeping mine saves both once the user knows. */
static void
test_preferences_conflict (Fixture       *f,
                           gconstpointer  data)
{
  KtPreferencesWindow *window = kt_preferences_window_new (NULL, f->store);
  g_autoptr(KtStore) colleague = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(KtDeadlineSettings) theirs = kt_store_get_deadline_settings (colleague, NULL);
  g_autoptr(KtDeadlineSettings) after = NULL;
  g_autoptr(KtMatrixSettings) matrix = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *save;

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  save = must_find (GTK_WIDGET (window), has_action, "preferences.save");
  set_spin (GTK_WIDGET (window), "EU tender", "20");
  set_spin (GTK_WIDGET (window), "Importance Threshold", "61");

  theirs->decision_buffer_days += 1;
  g_assert_true (kt_store_set_deadline_settings (colleague, theirs, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "preferences.save", NULL);
  dialog = find_message_dialog ("Someone Else Changed These Settings");
  g_assert_nonnull (dialog);
  matrix = kt_store_get_matrix_settings (f->store, NULL);
  g_assert_cmpuint (matrix->importance_threshold, !=, 61);

  /* Keep mine: all my values against theirs (their buffer too, which the
   * window still shows as it was); Save writes both records */
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (save));
  gtk_widget_activate_action (GTK_WIDGET (window), "preferences.save", NULL);
  g_assert_null (find_message_dialog ("Someone Else Changed These Settings"));
  after = kt_store_get_deadline_settings (f->store, NULL);
  g_assert_cmpuint (after->lead_months[KT_PROCUREMENT_EU_TENDER], ==, 20);
  g_assert_cmpuint (after->decision_buffer_days, ==, theirs->decision_buffer_days - 1);
  g_assert_cmpint (after->version, ==, theirs->version + 1);
  g_clear_pointer (&matrix, kt_matrix_settings_free);
  matrix = kt_store_get_matrix_settings (f->store, NULL);
  g_assert_cmpuint (matrix->importance_threshold, ==, 61);
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (save));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kt_register_resource ();

  g_test_add_func ("/ui/deadline-filter/match", test_filter);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/upcoming-view/sections", test_upcoming_sections);
  ADD ("/ui/upcoming-view/locked", test_upcoming_locked);
  ADD ("/ui/activity-list/done-delete-undo", test_activity_list);
  ADD ("/ui/activity-editor/rules", test_editor_rules);
  ADD ("/ui/activity-editor/conflict-merges", test_editor_conflict_merges);
  ADD ("/ui/preferences/save", test_preferences_save);
  ADD ("/ui/preferences/conflict", test_preferences_conflict);
#undef ADD

  return g_test_run ();
}
