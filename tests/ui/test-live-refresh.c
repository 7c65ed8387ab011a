/* test-live-refresh.c — a colleague's save appears in the lists without
 * taking away the user's place: selection, scroll position, focus
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two connections to one example portfolio: the views read "mine", the
 * colleague writes through "theirs", then the view is refreshed as the
 * window does when the change monitor says so.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <adwaita.h>

#include "../io/cli-test-util.h"
#include "kt-contract-row.h"
#include "kt-document-list-private.h"
#include "kt-document-row.h"
#include "kt-example.h"
#include "kt-matrix.h"
#include "kt-matrix-view-private.h"
#include "kt-list-refresh.h"
#include "kt-portfolio-view.h"
#include "kt-resources.h"
#include "kt-supplier-score-item.h"
#include "kt-tender-plan.h"
#include "kt-tender-plan-view.h"
#include "kt-timeline.h"
#include "kt-timeline-view.h"
#include "kt-upcoming-model.h"
#include "kt-upcoming-view.h"

typedef struct {
  char      *dir;
  char      *path;
  KtStore   *mine;
  KtStore   *theirs;
  GtkWidget *window;
  GtkWidget *overlay;
  guint      activated;   /* "…-activated" signals: a refresh emits none */
} Fixture;

/* ---- helpers ---- */

/* Runs the main loop for @ms milliseconds: layout, idles, a frame. */
static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
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

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  GtkWidget *found = find_widget (root, has_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (found);
  return found;
}

/* A label showing exactly @text, on screen. */
static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  return find_widget (root, is_shown_label, text) != NULL;
}

static gboolean
is_toast (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") == 0;
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GtkAdjustment *
vadjustment_of (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scrolled);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

static void
activated_cb (Fixture *f)
{
  f->activated++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-live-refresh-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "eksempel.kontrakter", NULL);
  g_assert_true (kt_example_write (f->path, &error));
  g_assert_no_error (error);

  f->mine = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->theirs = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (f->theirs, "Anna Jensen", "anna-pc");

  /* Short enough that several rows are scrolled out of sight */
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 420);
  f->overlay = adw_toast_overlay_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), f->overlay);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  settle (20);
  g_clear_object (&f->theirs);
  g_clear_object (&f->mine);
  kt_cli_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
show (Fixture   *f,
      GtkWidget *view)
{
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (f->overlay), view);
  gtk_window_present (GTK_WINDOW (f->window));
  settle (300);
  g_assert_true (gtk_widget_get_mapped (view));
}

static void
rename_contract (Fixture    *f,
                 gint64      id,
                 const char *name)
{
  g_autoptr(KtContract) contract = NULL;
  g_autoptr(GError) error = NULL;

  contract = kt_store_get_contract (f->theirs, id, &error);
  g_assert_no_error (error);
  g_free (contract->name);
  contract->name = g_strdup (name);
  g_assert_true (kt_store_update_contract (f->theirs, contract, &error));
  g_assert_no_error (error);
}

static void
delete_contract (Fixture *f,
                 gint64   id)
{
  g_autoptr(KtContract) contract = NULL;
  g_autoptr(GError) error = NULL;

  contract = kt_store_get_contract (f->theirs, id, &error);
  g_assert_no_error (error);
  g_assert_true (kt_store_delete_contract (f->theirs, id, contract->version, &error));
  g_assert_no_error (error);
}

/* ---- the portfolio table ---- */

static const KtContract *
contract_at (GtkSingleSelection *selection,
             guint               position)
{
  g_autoptr(KtContractRow) row = g_list_model_get_item (G_LIST_MODEL (selection), position);

  g_assert_nonnull (row);
  /* The row is kept by the model */
  return kt_contract_row_get_contract (row);
}

static gint64
selected_contract (GtkSingleSelection *selection)
{
  gpointer row = gtk_single_selection_get_selected_item (selection);

  return row != NULL ? kt_contract_row_get_contract (row)->id : 0;
}

/* The row widget of a contract on screen: the parent row of the label
 * showing its number. */
static GtkWidget *
shown_row (GtkWidget        *column_view,
           const KtContract *contract)
{
  GtkWidget *label = find_widget (column_view, is_shown_label, contract->number);
  GtkWidget *row = label;

  while (row != NULL && g_strcmp0 (gtk_widget_get_css_name (row), "row") != 0)
    row = gtk_widget_get_parent (row);
  return row;
}

static void
test_portfolio (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *view = kt_portfolio_view_new ();
  g_autoptr(GError) error = NULL;
  GtkSingleSelection *selection;
  GtkAdjustment *adjustment;
  GtkWidget *column_view, *row;
  guint n, first_shown = G_MAXUINT, last_shown = 0, position;
  gint64 selected_id, renamed_id;
  double value;
  sqlite3 *locker = NULL;

  g_signal_connect_swapped (view, "contract-activated", G_CALLBACK (activated_cb), f);
  g_assert_true (kt_portfolio_view_set_store (KT_PORTFOLIO_VIEW (view), f->mine, &error));
  g_assert_no_error (error);
  show (f, view);

  column_view = find_type (view, GTK_TYPE_COLUMN_VIEW);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  g_assert_cmpuint (n, >, 30);

  /* Down the table, away from the top a reload would fall back to */
  adjustment = vadjustment_of (column_view);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment) * 2);
  gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) -
                                         gtk_adjustment_get_page_size (adjustment)) / 2);
  settle (200);
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 0);

  for (guint i = 0; i < n; i++)
    if (shown_row (column_view, contract_at (selection, i)) != NULL)
      {
        first_shown = MIN (first_shown, i);
        last_shown = MAX (last_shown, i);
      }
  g_assert_cmpuint (first_shown, >, 0);
  g_assert_cmpuint (last_shown, >, first_shown + 3);

  /* The user selected a row in the middle and has the focus on it */
  position = (first_shown + last_shown) / 2;
  gtk_single_selection_set_selected (selection, position);
  selected_id = contract_at (selection, position)->id;
  row = shown_row (column_view, contract_at (selection, position));
  g_assert_true (gtk_widget_grab_focus (row));
  settle (100);
  value = gtk_adjustment_get_value (adjustment);

  /* A colleague renames the contract below it */
  renamed_id = contract_at (selection, position + 1)->id;
  rename_contract (f, renamed_id, "Omdøbt af en kollega");
  kt_portfolio_view_refresh (KT_PORTFOLIO_VIEW (view));
  settle (200);

  g_assert_true (shows_text (column_view, "Omdøbt af en kollega"));
  g_assert_cmpint (selected_contract (selection), ==, selected_id);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), value, 0.5);
  g_assert_true (has_focus_within (column_view));

  /* A colleague deletes the selected contract: its neighbour is selected */
  delete_contract (f, selected_id);
  kt_portfolio_view_refresh (KT_PORTFOLIO_VIEW (view));
  settle (200);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n - 1);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
  g_assert_cmpint (selected_contract (selection), !=, 0);
  g_assert_cmpint (selected_contract (selection), !=, selected_id);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), value, 0.5);
  g_assert_true (has_focus_within (column_view));

  /* The file locked by a colleague's save: skipped, nothing said, nothing
   * emptied; the next refresh shows it */
  selected_id = selected_contract (selection);
  rename_contract (f, renamed_id, "Omdøbt igen");
  kt_store_set_lock_wait (f->mine, 50);
  g_assert_cmpint (sqlite3_open (f->path, &locker), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (locker, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  kt_list_refresh_take_skipped ();
  kt_portfolio_view_refresh (KT_PORTFOLIO_VIEW (view));
  settle (100);
  /* Remembered, so that the window reads again even if the lock holder
   * rolls back (then data_version does not move) */
  g_assert_true (kt_list_refresh_take_skipped ());
  g_assert_false (kt_list_refresh_take_skipped ());
  g_assert_true (shows_text (column_view, "Omdøbt af en kollega"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n - 1);
  g_assert_cmpint (selected_contract (selection), ==, selected_id);
  g_assert_null (find_widget (f->overlay, is_toast, NULL));

  g_assert_cmpint (sqlite3_exec (locker, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (locker);
  kt_portfolio_view_refresh (KT_PORTFOLIO_VIEW (view));
  settle (200);
  g_assert_true (shows_text (column_view, "Omdøbt igen"));
  g_assert_cmpint (selected_contract (selection), ==, selected_id);

  g_assert_cmpuint (f->activated, ==, 0);
}

/* ---- the upcoming deadlines ---- */

static KtUpcomingEntry *
entry_at (GtkSingleSelection *selection,
          guint               position)
{
  return g_list_model_get_item (G_LIST_MODEL (selection), position);
}

static gboolean
shows_contract_name (GtkSingleSelection *selection,
                     const char         *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KtUpcomingEntry) entry = entry_at (selection, i);

      if (entry->item != NULL && g_strcmp0 (entry->item->contract_name, name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Not the lists inside the drop-downs */
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
test_upcoming (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *view = kt_upcoming_view_new ();
  g_autoptr(KtUpcomingEntry) chosen = NULL;
  g_autoptr(KtUpcomingEntry) now = NULL;
  GtkSingleSelection *selection;
  GtkWidget *list_view;
  guint n, position = GTK_INVALID_LIST_POSITION, deadlines = 0;
  gint64 other_contract = 0;

  g_signal_connect_swapped (view, "deadline-activated", G_CALLBACK (activated_cb), f);
  g_signal_connect_swapped (view, "activities-changed", G_CALLBACK (activated_cb), f);
  kt_upcoming_view_set_store (KT_UPCOMING_VIEW (view), f->mine);
  show (f, view);

  list_view = find_widget (view, is_deadline_list, NULL);
  g_assert_nonnull (list_view);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  /* The fourth deadline, and a contract further down that is another one */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KtUpcomingEntry) entry = entry_at (selection, i);

      if (entry->item == NULL)
        continue;
      if (++deadlines == 4)
        {
          position = i;
          chosen = g_object_ref (entry);
        }
      else if (chosen != NULL && other_contract == 0 &&
               entry->item->contract_id != chosen->item->contract_id)
        other_contract = entry->item->contract_id;
    }
  g_assert_nonnull (chosen);
  g_assert_cmpint (other_contract, !=, 0);

  gtk_single_selection_set_selected (selection, position);
  gtk_widget_grab_focus (list_view);
  settle (100);

  rename_contract (f, other_contract, "Kontrakt omdøbt af en kollega");
  kt_upcoming_view_refresh (KT_UPCOMING_VIEW (view));
  settle (200);

  g_assert_true (shows_contract_name (selection, "Kontrakt omdøbt af en kollega"));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
  now = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (now);
  g_object_ref (now);
  g_assert_cmpint (now->item->contract_id, ==, chosen->item->contract_id);
  g_assert_cmpint (now->item->activity_id, ==, chosen->item->activity_id);
  g_assert_cmpint (now->item->derived_kind, ==, chosen->item->derived_kind);
  g_assert_cmpint (g_date_compare (&now->item->date, &chosen->item->date), ==, 0);
  g_assert_true (has_focus_within (list_view));

  /* Hidden, it only notes that it must read again when shown */
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (f->overlay), NULL);
  g_object_ref (view);
  rename_contract (f, other_contract, "Omdøbt mens siden var skjult");
  kt_upcoming_view_refresh (KT_UPCOMING_VIEW (view));
  g_assert_false (shows_contract_name (selection, "Omdøbt mens siden var skjult"));
  show (f, view);
  g_object_unref (view);
  g_assert_true (shows_contract_name (selection, "Omdøbt mens siden var skjult"));

  g_assert_cmpuint (f->activated, ==, 0);
}

/* ---- the supplier matrix ---- */

static gint64
score_supplier_at (KtMatrixView *self,
                   guint         position)
{
  g_autoptr(KtSupplierScoreItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                               position);

  return kt_supplier_score_item_get_score (item)->supplier_id;
}

static gboolean
table_shows_supplier (KtMatrixView *self,
                      const char   *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KtSupplierScoreItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strcmp0 (kt_supplier_score_item_get_score (item)->supplier_name, name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_matrix (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *view = kt_matrix_view_new ();
  KtMatrixView *self = KT_MATRIX_VIEW (view);
  g_autoptr(KtSupplier) supplier = NULL;
  g_autoptr(GError) error = NULL;
  gint64 chosen, other;
  guint n;

  g_signal_connect_swapped (view, "contract-activated", G_CALLBACK (activated_cb), f);
  g_signal_connect_swapped (view, "supplier-activated", G_CALLBACK (activated_cb), f);
  kt_matrix_view_set_store (self, f->mine);
  show (f, view);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  g_assert_cmpuint (n, >, 4);
  chosen = score_supplier_at (self, 3);
  other = score_supplier_at (self, 1);

  /* Chosen in the drawing, its details open, and selected in the table */
  g_assert_true (kt_matrix_focus_supplier (self->matrix, chosen));
  kt_matrix_view_show_supplier (self, chosen);
  gtk_single_selection_set_selected (self->selection, 3);
  settle (100);

  supplier = kt_store_get_supplier (f->theirs, other, &error);
  g_assert_no_error (error);
  g_free (supplier->name);
  supplier->name = g_strdup ("Leverandør omdøbt af en kollega");
  g_assert_true (kt_store_update_supplier (f->theirs, supplier, &error));
  g_assert_no_error (error);

  kt_matrix_view_refresh (self);
  settle (200);

  g_assert_true (table_shows_supplier (self, "Leverandør omdøbt af en kollega"));
  g_assert_cmpint (kt_matrix_view_table_selected (self), ==, chosen);
  g_assert_cmpint (kt_matrix_get_focused_supplier (self->matrix), ==, chosen);
  g_assert_true (gtk_revealer_get_reveal_child (self->panel_revealer));
  g_assert_cmpint (kt_supplier_score_panel_get_supplier (self->panel), ==, chosen);

  /* The same in the table */
  gtk_toggle_button_set_active (self->table_toggle, TRUE);
  settle (100);
  g_assert_cmpint (kt_matrix_view_table_selected (self), ==, chosen);
  g_assert_true (has_focus_within (GTK_WIDGET (self->column_view)));
  supplier->name = (g_free (supplier->name), g_strdup ("Omdøbt igen"));
  g_assert_true (kt_store_update_supplier (f->theirs, supplier, &error));
  g_assert_no_error (error);
  kt_matrix_view_refresh (self);
  settle (200);
  g_assert_true (table_shows_supplier (self, "Omdøbt igen"));
  g_assert_cmpint (kt_matrix_view_table_selected (self), ==, chosen);
  g_assert_true (has_focus_within (GTK_WIDGET (self->column_view)));

  g_assert_cmpuint (f->activated, ==, 0);
}

/* ---- the tender plan and the timeline ---- */

static gboolean
has_agreements (GPtrArray *contracts,
                gint64     id)
{
  for (guint i = 0; i < contracts->len; i++)
    if (((KtContract *) g_ptr_array_index (contracts, i))->parent_id == id)
      return TRUE;

  return FALSE;
}

static void
test_tender_plan (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *view = kt_tender_plan_view_new ();
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (f->mine, NULL);
  g_autoptr(KtDeadlineSettings) settings = kt_store_get_deadline_settings (f->mine, NULL);
  g_autoptr(GPtrArray) plan = NULL;
  GtkWidget *column_view;
  GtkSingleSelection *selection;
  GtkAdjustment *adjustment;
  GObject *before;
  const KtTenderPlanRow *first, *last;
  guint n, position;
  double value;

  g_signal_connect_swapped (view, "contract-activated", G_CALLBACK (activated_cb), f);
  kt_tender_plan_view_set_store (KT_TENDER_PLAN_VIEW (view), f->mine);
  show (f, view);

  /* The plan the view shows, to know which contract is on which line */
  plan = kt_tender_plan_build (contracts, settings, NULL);
  g_assert_cmpuint (plan->len, >, 3);
  first = g_ptr_array_index (plan, 0);
  /* The last one that can be deleted (no agreement hangs under it), and
   * its line: a header comes before each quarter */
  last = NULL;
  for (guint i = plan->len - 1; last == NULL && i > 0; i--)
    if (!has_agreements (contracts, ((KtTenderPlanRow *) g_ptr_array_index (plan, i))->contract_id))
      last = g_ptr_array_index (plan, i);
  g_assert_nonnull (last);
  position = 0;
  for (guint i = 0, line = 0; i < plan->len; i++, line++)
    {
      const KtTenderPlanRow *row = g_ptr_array_index (plan, i);

      if (i == 0 || row->year != ((KtTenderPlanRow *) g_ptr_array_index (plan, i - 1))->year ||
          row->quarter != ((KtTenderPlanRow *) g_ptr_array_index (plan, i - 1))->quarter)
        line++;
      if (row == last)
        position = line;
    }

  column_view = find_type (view, GTK_TYPE_COLUMN_VIEW);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  g_assert_cmpuint (n, >, plan->len);
  gtk_single_selection_set_selected (selection, position);
  before = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (before);
  adjustment = vadjustment_of (column_view);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  gtk_widget_grab_focus (column_view);
  settle (200);
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 0);

  /* A change at the top leaves the selected line further down as it is */
  rename_contract (f, first->contract_id, "Første kontrakt omdøbt");
  kt_tender_plan_view_refresh (KT_TENDER_PLAN_VIEW (view));
  settle (200);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == before);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), value, 0.5);
  g_assert_true (has_focus_within (column_view));

  /* The selected contract itself deleted: the line before it is selected */
  delete_contract (f, last->contract_id);
  kt_tender_plan_view_refresh (KT_TENDER_PLAN_VIEW (view));
  settle (200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), <, n);
  g_assert_nonnull (gtk_single_selection_get_selected_item (selection));
  g_assert_true (gtk_single_selection_get_selected_item (selection) != before);

  g_assert_cmpuint (f->activated, ==, 0);
}

static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *view = kt_timeline_view_new ();
  KtTimeline *timeline;
  GtkAdjustment *hadjustment;
  double value;
  gint64 lane = 0, item = 0, lane_after = 0, item_after = 0;
  int kind = 0, kind_after = 0;
  GPtrArray *lanes;

  g_signal_connect_swapped (view, "deadline-activated", G_CALLBACK (activated_cb), f);
  kt_timeline_view_set_store (KT_TIMELINE_VIEW (view), f->mine);
  show (f, view);

  timeline = KT_TIMELINE (find_type (view, KT_TYPE_TIMELINE));
  kt_timeline_set_zoom (timeline, KT_TIMELINE_ZOOM_MONTH);
  settle (100);
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (timeline));
  lanes = kt_timeline_get_lanes (timeline);
  g_assert_nonnull (lanes);
  g_assert_cmpuint (lanes->len, >, 2);

  /* A deadline has the focus, and the user scrolled on from it */
  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  settle (100);
  if (!kt_timeline_get_focused_marker (timeline, NULL, NULL, NULL))
    {
      const KtTimelineLane *first = g_ptr_array_index (lanes, 0);
      const KtTimelineMarker *marker = kt_timeline_lane_get_marker (first, 0);

      g_assert_true (kt_timeline_focus_marker (timeline, first->id, marker->item_id, marker->kind));
    }
  g_assert_true (kt_timeline_get_focused_marker (timeline, &lane, &item, &kind));
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_value (hadjustment) + 300);
  settle (100);
  value = gtk_adjustment_get_value (hadjustment);

  rename_contract (f, ((KtTimelineLane *) g_ptr_array_index (lanes, 1))->id,
                   "Kontrakt på tidslinjen omdøbt");
  kt_timeline_view_refresh (KT_TIMELINE_VIEW (view));
  settle (200);

  g_assert_true (kt_timeline_get_lanes (timeline) != lanes);
  g_assert_cmpint (kt_timeline_get_zoom (timeline), ==, KT_TIMELINE_ZOOM_MONTH);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadjustment), value, 0.5);
  g_assert_true (has_focus_within (GTK_WIDGET (timeline)));
  g_assert_true (kt_timeline_get_focused_marker (timeline, &lane_after, &item_after, &kind_after));
  g_assert_cmpint (lane_after, ==, lane);
  g_assert_cmpint (item_after, ==, item);
  g_assert_cmpint (kind_after, ==, kind);
  g_assert_cmpuint (f->activated, ==, 0);
}

/* ---- a contract's documents ---- */

static KtDocument *
attach_text (Fixture           *f,
             KtDocumentLibrary *library,
             gint64             contract_id,
             const char        *name)
{
  g_autofree char *source = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  KtDocument *document;

  g_assert_true (g_file_set_contents (source, name, -1, &error));
  document = kt_document_library_attach (library, contract_id, file, -1, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static GtkWidget *
document_row (KtDocumentList *list,
              gint64          id)
{
  for (guint i = 0; i < list->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (list->rows, i);

      if (KT_IS_DOCUMENT_ROW (row) && kt_document_row_get_document (KT_DOCUMENT_ROW (row))->id == id)
        return row;
    }

  return NULL;
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KtDocumentLibrary) library = kt_document_library_new (f->mine);
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (f->mine, NULL);
  g_autoptr(KtDocument) first = NULL;
  g_autoptr(KtDocument) second = NULL;
  g_autoptr(KtDocument) changed = NULL;
  g_autoptr(GError) error = NULL;
  KtDocumentList *list = KT_DOCUMENT_LIST (kt_document_list_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *row;
  gint64 contract_id;

  contract_id = ((KtContract *) g_ptr_array_index (contracts, 0))->id;
  first = attach_text (f, library, contract_id, "Bilag 1.txt");
  second = attach_text (f, library, contract_id, "Bilag 2.txt");

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (list));
  show (f, scrolled);
  kt_document_list_set_library (list, library);
  kt_document_list_set_contract (list, contract_id);
  settle (100);

  row = document_row (list, second->id);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));

  /* Nothing of these documents changed: the rows stay as they are */
  rename_contract (f, contract_id, "Kontrakten omdøbt");
  kt_document_list_refresh (list);
  settle (100);
  g_assert_true (document_row (list, second->id) == row);
  g_assert_true (has_focus_within (row));

  /* A colleague changed the other document's kind: the focused one still
   * has the focus in the rebuilt list */
  changed = kt_store_get_document (f->theirs, first->id, &error);
  g_assert_no_error (error);
  changed->kind = KT_DOCUMENT_KIND_TENDER;
  g_assert_true (kt_store_update_document (f->theirs, changed, &error));
  g_assert_no_error (error);
  kt_document_list_refresh (list);
  settle (100);
  g_assert_cmpint (kt_document_row_get_document (KT_DOCUMENT_ROW (document_row (list, first->id)))->kind,
                   ==, KT_DOCUMENT_KIND_TENDER);
  g_assert_true (has_focus_within (document_row (list, second->id)));

  /* …and removed the focused one: its neighbour has the focus */
  g_assert_true (kt_store_delete_document (f->theirs, second->id, second->version, &error));
  g_assert_no_error (error);
  kt_document_list_refresh (list);
  settle (100);
  g_assert_null (document_row (list, second->id));
  g_assert_true (has_focus_within (document_row (list, first->id)));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kt_register_resource ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/live-refresh/portfolio", test_portfolio);
  ADD ("/ui/live-refresh/upcoming", test_upcoming);
  ADD ("/ui/live-refresh/matrix", test_matrix);
  ADD ("/ui/live-refresh/tender-plan", test_tender_plan);
  ADD ("/ui/live-refresh/timeline", test_timeline);
  ADD ("/ui/live-refresh/documents", test_documents);
#undef ADD

  return g_test_run ();
}
