/* test-matrix-view.c — the supplier matrix page on the example portfolio:
 * keyboard walk and what screen readers hear, activation, placing by hand
 * with undo, filters, the table, and the matrix settings in Preferences
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <pango/pangocairo.h>

#include "kt-example.h"
#include "kt-matrix.h"
#include "kt-matrix-layout.h"
#include "kt-matrix-portfolio.h"
#include "kt-matrix-view.h"
#include "kt-matrix-view-private.h"
#include "kt-money-row.h"
#include "kt-preferences-window.h"
#include "kt-resources.h"
#include "kt-spin-row.h"
#include "kt-supplier-score-panel.h"
#include "kt-undo-toast.h"

typedef struct {
  char      *dir;
  char      *path;
  KtStore   *store;
  GtkWidget *window;
  GtkWidget *overlay;
  GtkWidget *view;
  KtMatrix  *matrix;
  /* What the view's signals asked for last */
  gint64     shown_supplier;
  gint64     opened_contract;
} Fixture;

/* ---- helpers ---- */

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop for @ms milliseconds, for animations to end. */
static void
settle (Fixture *f,
        guint    ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
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

static GtkWidget *
must_find (GtkWidget *root,
           gboolean (*match) (GtkWidget *, gconstpointer),
           gconstpointer data)
{
  GtkWidget *found = find_widget (root, match, data);

  g_assert_nonnull (found);
  return found;
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
has_label (GtkWidget     *widget,
           gconstpointer  label)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), label) == 0;
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

/* Not the stacks inside the drop-downs */
static gboolean
is_content_stack (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "matrix") != NULL;
}

static gboolean
is_table_toggle (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "view-list-symbolic") == 0;
}

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The button whose label (or mnemonic label child) reads label. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *text = find_widget (root, has_label, label);

  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL && text == NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return text != NULL ? gtk_widget_get_ancestor (text, GTK_TYPE_BUTTON) : NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static void
supplier_activated_cb (GtkWidget *view,
                       gint64     supplier_id,
                       Fixture   *f)
{
  f->shown_supplier = supplier_id;
}

static void
contract_activated_cb (GtkWidget *view,
                       gint64     contract_id,
                       Fixture   *f)
{
  f->opened_contract = contract_id;
}

static void
open_view (Fixture          *f,
           KtStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;

  f->store = kt_store_open (f->path, flags, &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 720);
  f->overlay = adw_toast_overlay_new ();
  f->view = kt_matrix_view_new ();
  g_signal_connect (f->view, "supplier-activated", G_CALLBACK (supplier_activated_cb), f);
  g_signal_connect (f->view, "contract-activated", G_CALLBACK (contract_activated_cb), f);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (f->overlay), f->view);
  gtk_window_set_child (GTK_WINDOW (f->window), f->overlay);
  gtk_window_present (GTK_WINDOW (f->window));
  kt_matrix_view_set_store (KT_MATRIX_VIEW (f->view), f->store);
  iterate ();

  f->matrix = KT_MATRIX (must_find (f->view, has_type, GSIZE_TO_POINTER (KT_TYPE_MATRIX)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->matrix)), >, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-test-matrix-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "eksempel.kontrakter", NULL);
  g_assert_true (kt_example_write (f->path, &error));
  g_assert_no_error (error);

  open_view (f, GPOINTER_TO_INT (data) ? KT_STORE_OPEN_READ_ONLY : KT_STORE_OPEN_DEFAULT);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  /* Let the toasts finish coming and going: libadwaita 1.2's toast overlay,
   * destroyed in the middle of a toast's animation, can unref the toast
   * twice */
  settle (f, 700);
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->store);
  g_remove (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* What the matrix should say for a supplier: the bubble's text, from a
 * layout of the same scores. */
static char *
expected_description (Fixture *f,
                      gint64   supplier_id)
{
  g_autoptr(KtMatrixSettings) settings = NULL;
  g_autoptr(GPtrArray) scores = kt_matrix_scores_load (f->store, &settings, NULL);
  g_autoptr(PangoFontMap) map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr(KtMatrixLayout) layout = NULL;
  char *text = NULL;
  KtMatrixGeometry geometry = { 800, 600, 11, TRUE, NULL, NULL };

  g_assert_nonnull (scores);
  layout = kt_matrix_layout_new (scores, settings, &geometry, context);
  for (guint i = 0; i < kt_matrix_layout_get_n_bubbles (layout); i++)
    {
      const KtMatrixBubble *bubble = kt_matrix_layout_get_bubble (layout, i);

      if (bubble->score->supplier_id == supplier_id)
        text = kt_matrix_bubble_describe (bubble);
    }
  g_object_unref (context);

  g_assert_nonnull (text);
  return text;
}

/* Walks the whole tab order from the first bubble: the suppliers in the
 * order the keyboard reaches them. */
static GArray *
walk (Fixture *f)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  gtk_widget_grab_focus (GTK_WIDGET (f->matrix));
  gtk_widget_activate_action (GTK_WIDGET (f->matrix), "matrix.first", NULL);
  id = kt_matrix_get_focused_supplier (f->matrix);
  while (id != 0)
    {
      gint64 next;

      g_array_append_val (ids, id);
      gtk_widget_activate_action (GTK_WIDGET (f->matrix), "matrix.next", NULL);
      next = kt_matrix_get_focused_supplier (f->matrix);
      if (next == id)
        break;
      id = next;
    }

  return ids;
}

static guint
n_table_rows (Fixture *f)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (must_find (f->view, has_type,
                                                     GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table)));
}

static KtScoreOverride *
stored_override (Fixture *f,
                 gint64   supplier_id)
{
  g_autoptr(GPtrArray) overrides = kt_store_list_score_overrides (f->store, NULL);

  g_assert_nonnull (overrides);
  for (guint i = 0; i < overrides->len; i++)
    {
      KtScoreOverride *override = g_ptr_array_index (overrides, i);

      if (override->supplier_id == supplier_id)
        return kt_score_override_copy (override);
    }

  return NULL;
}

/* ---- tests ---- */

static void
test_keyboard_walk (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *first_text = NULL;
  gint64 first;

  /* Before any bubble has the focus, the widget says how to use it */
  gtk_test_accessible_assert_property (f->matrix, GTK_ACCESSIBLE_PROPERTY_LABEL, "Supplier Matrix");
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_ROLE_GROUP));

  ids = walk (f);
  g_assert_cmpuint (ids->len, >, 10);
  g_assert_cmpuint (ids->len, ==, n_table_rows (f));

  /* Every bubble once; each announced with its own supplier's text */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *text = expected_description (f, id);
      char *problem;

      g_assert_false (g_hash_table_contains (seen, &g_array_index (ids, gint64, i)));
      g_hash_table_add (seen, &g_array_index (ids, gint64, i));

      kt_matrix_focus_supplier (f->matrix, id);
      problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->matrix),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
      g_assert_null (problem);
    }

  /* The arrows move to another bubble, and the text goes along */
  first = g_array_index (ids, gint64, 0);
  first_text = expected_description (f, first);
  kt_matrix_focus_supplier (f->matrix, first);
  gtk_test_accessible_assert_property (f->matrix, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, first_text);
  gtk_widget_activate_action (GTK_WIDGET (f->matrix), "matrix.down", NULL);
  g_assert_cmpint (kt_matrix_get_focused_supplier (f->matrix), !=, first);
  {
    g_autofree char *now = expected_description (f, kt_matrix_get_focused_supplier (f->matrix));

    gtk_test_accessible_assert_property (f->matrix, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, now);
    g_assert_cmpstr (now, !=, first_text);
  }

  /* End reaches the last in tab order */
  gtk_widget_activate_action (GTK_WIDGET (f->matrix), "matrix.last", NULL);
  g_assert_cmpint (kt_matrix_get_focused_supplier (f->matrix), ==, g_array_index (ids, gint64, ids->len - 1));
}

static void
test_activation (Fixture       *f,
                 gconstpointer  data)
{
  KtSupplierScorePanel *panel = KT_SUPPLIER_SCORE_PANEL (must_find (f->view, has_type,
                                                                    GSIZE_TO_POINTER (KT_TYPE_SUPPLIER_SCORE_PANEL)));
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (panel), GTK_TYPE_REVEALER));
  g_autoptr(GArray) ids = walk (f);
  gint64 id = g_array_index (ids, gint64, 0);
  GtkListBox *contracts;
  GtkListBoxRow *row;

  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* Enter on a bubble shows its supplier at the side */
  g_assert_true (kt_matrix_focus_supplier (f->matrix, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->matrix), "matrix.activate", NULL));
  iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpint (kt_supplier_score_panel_get_supplier (panel), ==, id);

  /* Show Supplier asks the window for the Suppliers page */
  f->shown_supplier = 0;
  g_signal_emit_by_name (find_button (GTK_WIDGET (panel), "Show Supp_lier"), "clicked");
  g_assert_cmpint (f->shown_supplier, ==, id);

  /* A contract row opens its contract */
  contracts = GTK_LIST_BOX (must_find (GTK_WIDGET (panel), has_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX)));
  row = gtk_list_box_get_row_at_index (contracts, 0);
  g_assert_nonnull (row);
  f->opened_contract = 0;
  g_signal_emit_by_name (contracts, "row-activated", row);
  g_assert_cmpint (f->opened_contract, >, 0);
  {
    g_autoptr(KtContract) contract = kt_store_get_contract (f->store, f->opened_contract, NULL);

    g_assert_nonnull (contract);
    g_assert_cmpint (contract->supplier_id, ==, id);
  }

  /* A table row does the same as a bubble */
  gtk_widget_activate_action (f->view, "matrix-view.close-details", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_signal_emit_by_name (must_find (f->view, has_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)),
                         "activate", 0);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpint (kt_supplier_score_panel_get_supplier (panel), !=, 0);
}

/* Drops the supplier at (importance, risk) and answers the dialog with
 * reason, or cancels it for NULL. */
static void
move (Fixture    *f,
      gint64      supplier_id,
      guint       importance,
      guint       risk,
      const char *reason)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_signal_emit_by_name (f->matrix, "supplier-moved", supplier_id, importance, risk);
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);

  /* No place by hand without a reason */
  entry = must_find (GTK_WIDGET (dialog), has_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));

  if (reason == NULL)
    {
      g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Cancel"), "clicked");
      iterate ();
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (entry), reason);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Save"), "clicked");
  iterate ();
  g_assert_null (find_message_dialog ());
}

static void
test_place_by_hand (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) ids = walk (f);
  gint64 id = g_array_index (ids, gint64, ids->len - 1);
  g_autoptr(KtScoreOverride) override = NULL;
  g_autoptr(KtScoreOverride) again = NULL;
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (f->overlay);

  g_assert_null (stored_override (f, id));

  /* Cancel changes nothing */
  move (f, id, 90, 10, NULL);
  g_assert_null (stored_override (f, id));

  /* Save stores who put it where, and why */
  move (f, id, 90, 10, "Eneleverandør af sagssystemet");
  override = stored_override (f, id);
  g_assert_nonnull (override);
  g_assert_cmpuint (override->importance, ==, 90);
  g_assert_cmpuint (override->risk, ==, 10);
  g_assert_cmpstr (override->reason, ==, "Eneleverandør af sagssystemet");
  g_assert_nonnull (override->changed_by);
  /* The bubble went along: leverage is important and low risk */
  {
    g_autofree char *text = expected_description (f, id);

    kt_matrix_focus_supplier (f->matrix, id);
    gtk_test_accessible_assert_property (f->matrix, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
    g_assert_nonnull (strstr (text, "90"));
  }

  /* Undo takes it away again */
  g_assert_true (kt_undo_toast_run (overlay));
  iterate ();
  g_assert_null (stored_override (f, id));

  /* Placed again, then back to the computed place from the details, and
   * that undone: the reason comes back */
  move (f, id, 80, 80, "Kritisk for borgerservice");
  kt_matrix_focus_supplier (f->matrix, id);
  gtk_widget_activate_action (GTK_WIDGET (f->matrix), "matrix.activate", NULL);
  iterate ();
  g_signal_emit_by_name (find_button (f->view, "_Use Computed Place"), "clicked");
  iterate ();
  g_assert_null (stored_override (f, id));
  g_assert_true (kt_undo_toast_run (overlay));
  iterate ();
  again = stored_override (f, id);
  g_assert_nonnull (again);
  g_assert_cmpstr (again->reason, ==, "Kritisk for borgerservice");
  g_assert_cmpuint (again->importance, ==, 80);
}

/* A colleague places the supplier while this view shows the old place:
 * the conflict dialog, and keeping one's own change. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GArray) ids = walk (f);
  gint64 id = g_array_index (ids, gint64, 1);
  g_autoptr(KtStore) colleague = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(KtScoreOverride) theirs = kt_score_override_new ();
  g_autoptr(KtScoreOverride) stored = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_nonnull (colleague);
  theirs->supplier_id = id;
  theirs->importance = 20;
  theirs->risk = 20;
  theirs->reason = g_strdup ("Kollegaens grund");
  g_assert_true (kt_store_set_score_override (colleague, theirs, NULL));

  /* Placing it here tries to add a place where there is one now */
  g_signal_emit_by_name (f->matrix, "supplier-moved", id, 75, 75);
  iterate ();
  dialog = find_message_dialog ();
  entry = must_find (GTK_WIDGET (dialog), has_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Min grund");
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Save"), "clicked");
  iterate ();

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Keep Editing"));
  stored = stored_override (f, id);
  g_assert_cmpstr (stored->reason, ==, "Kollegaens grund");
  g_clear_pointer (&stored, kt_score_override_free);

  /* Keep editing: the same question again, with the user's answer */
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Keep Editing"), "clicked");
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = must_find (GTK_WIDGET (dialog), has_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Min grund");
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Save"), "clicked");
  iterate ();
  g_assert_null (find_message_dialog ());
  stored = stored_override (f, id);
  g_assert_cmpstr (stored->reason, ==, "Min grund");
  g_assert_cmpuint (stored->importance, ==, 75);
  g_clear_pointer (&stored, kt_score_override_free);

  /* The colleague changes it again; Use Computed Place here conflicts, and
   * discarding one's own change leaves the colleague's */
  stored = stored_override (f, id);
  g_free (stored->reason);
  stored->reason = g_strdup ("Kollegaen igen");
  g_assert_true (kt_store_set_score_override (colleague, stored, NULL));
  kt_matrix_focus_supplier (f->matrix, id);
  gtk_widget_activate_action (GTK_WIDGET (f->matrix), "matrix.activate", NULL);
  iterate ();
  g_signal_emit_by_name (find_button (f->view, "_Use Computed Place"), "clicked");
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Discard Mine and Reload"), "clicked");
  iterate ();
  g_assert_null (find_message_dialog ());
  g_clear_pointer (&stored, kt_score_override_free);
  stored = stored_override (f, id);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->reason, ==, "Kollegaen igen");
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GArray) ids = walk (f);
  gint64 id = g_array_index (ids, gint64, 0);

  g_assert_true (kt_store_is_read_only (f->store));

  /* A drop asks nothing and stores nothing */
  g_signal_emit_by_name (f->matrix, "supplier-moved", id, 90, 10);
  iterate ();
  g_assert_null (find_message_dialog ());

  /* The details say why instead of offering to place it */
  kt_matrix_focus_supplier (f->matrix, id);
  gtk_widget_activate_action (GTK_WIDGET (f->matrix), "matrix.activate", NULL);
  iterate ();
  g_assert_false (gtk_widget_get_visible (find_button (f->view, "Place by _Hand…")));
}

static guint
choose (Fixture     *f,
        GtkDropDown *dropdown,
        guint        position)
{
  g_autoptr(GArray) ids = NULL;

  gtk_drop_down_set_selected (dropdown, position);
  iterate ();
  ids = walk (f);
  /* The table shows the same suppliers as the drawing */
  g_assert_cmpuint (ids->len, ==, n_table_rows (f));

  return ids->len;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *bar = gtk_widget_get_parent (must_find (f->view, has_label, "_Category"));
  GtkDropDown *dropdowns[3];
  g_autoptr(GArray) ids = NULL;
  GtkStack *stack;
  guint i = 0, all, narrower = 0, n;

  for (GtkWidget *w = gtk_widget_get_first_child (bar); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_DROP_DOWN (w) && i < 3)
      dropdowns[i++] = GTK_DROP_DOWN (w);
  g_assert_cmpuint (i, ==, 3);   /* status, category, unit */

  all = choose (f, dropdowns[2], 0);
  g_assert_cmpuint (all, >, 10);

  /* A unit (with its centres) has fewer suppliers than the portfolio */
  for (guint p = 1; p < g_list_model_get_n_items (gtk_drop_down_get_model (dropdowns[2])) && narrower == 0; p++)
    if ((n = choose (f, dropdowns[2], p)) > 0 && n < all)
      narrower = n;
  g_assert_cmpuint (narrower, >, 0);
  g_assert_cmpuint (choose (f, dropdowns[2], 0), ==, all);

  /* So has a category */
  narrower = 0;
  for (guint p = 1; p < g_list_model_get_n_items (gtk_drop_down_get_model (dropdowns[1])) && narrower == 0; p++)
    if ((n = choose (f, dropdowns[1], p)) > 0 && n < all)
      narrower = n;
  g_assert_cmpuint (narrower, >, 0);

  /* Expired contracts never count: nothing to show, and a way back */
  g_assert_cmpuint (choose (f, dropdowns[0], 1 + KT_STATUS_EXPIRED), ==, 0);
  stack = GTK_STACK (must_find (f->view, is_content_stack, NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_signal_emit_by_name (find_button (f->view, "Show _All Suppliers"), "clicked");
  iterate ();
  ids = walk (f);
  g_assert_cmpuint (ids->len, ==, all);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "matrix");
}

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *toggle = must_find (f->view, is_table_toggle, NULL);
  GtkStack *stack = GTK_STACK (must_find (f->view, is_content_stack, NULL));
  GtkColumnView *table = GTK_COLUMN_VIEW (must_find (f->view, has_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (table));
  g_autoptr(GArray) ids = walk (f);
  gint64 id = g_array_index (ids, gint64, 2);

  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 7);
  g_assert_cmpuint (n_table_rows (f), ==, ids->len);

  /* The table picks up the supplier focused in the drawing, and back */
  kt_matrix_focus_supplier (f->matrix, id);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "table");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), !=, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (selection, 0);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "matrix");
  g_assert_cmpint (kt_matrix_get_focused_supplier (f->matrix), !=, id);
}

/* What is exported is what the filters show, with a toast. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *bar = gtk_widget_get_parent (must_find (f->view, has_label, "_Category"));
  g_autofree char *all_path = g_build_filename (f->dir, "alle.svg", NULL);
  g_autofree char *some_path = g_build_filename (f->dir, "nogle.svg", NULL);
  g_autofree char *png_path = g_build_filename (f->dir, "matrix.png", NULL);
  g_autofree char *all = NULL;
  g_autofree char *some = NULL;
  g_autofree char *png = NULL;
  g_autoptr(GError) error = NULL;
  GtkDropDown *status = NULL;
  gsize length = 0;

  g_assert_true (kt_matrix_view_export_to_file (KT_MATRIX_VIEW (f->view), all_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (all_path, &all, NULL, NULL));
  g_assert_nonnull (strstr (all, "<svg"));

  g_assert_true (kt_matrix_view_export_to_file (KT_MATRIX_VIEW (f->view), png_path, &error));
  g_assert_true (g_file_get_contents (png_path, &png, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);

  /* Only planned contracts: fewer bubbles, a smaller drawing */
  for (GtkWidget *w = gtk_widget_get_first_child (bar); w != NULL && status == NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_DROP_DOWN (w))
      status = GTK_DROP_DOWN (w);
  gtk_drop_down_set_selected (status, 1 + KT_STATUS_PLANNED);
  iterate ();
  g_assert_true (kt_matrix_view_export_to_file (KT_MATRIX_VIEW (f->view), some_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (some_path, &some, NULL, NULL));
  g_assert_cmpuint (strlen (some), <, strlen (all));

  g_remove (all_path);
  g_remove (some_path);
  g_remove (png_path);
}

static void
set_spin (GtkWidget  *window,
          const char *title,
          guint       value)
{
  kt_spin_row_set_value (KT_SPIN_ROW (must_find (window, has_title, title)), value);
}

static guint
get_spin (GtkWidget  *window,
          const char *title)
{
  return kt_spin_row_get_value (KT_SPIN_ROW (must_find (window, has_title, title)));
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  KtPreferencesWindow *window = kt_preferences_window_new (GTK_WINDOW (f->window), f->store);
  g_autoptr(KtMatrixSettings) before = kt_store_get_matrix_settings (f->store, NULL);
  g_autoptr(KtMatrixSettings) after = NULL;
  g_autoptr(KtMatrixSettings) defaults = kt_matrix_settings_new ();
  GtkWidget *w = GTK_WIDGET (window);
  GtkWidget *save;
  gint64 spend = 0;

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  save = must_find (w, is_action_button, "preferences.save");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_cmpuint (get_spin (w, "Importance Threshold"), ==, before->importance_threshold);

  set_spin (w, "Importance Threshold", 60);
  set_spin (w, "Risk Threshold", 35);
  set_spin (w, "Long Notice", 24);
  kt_money_row_set_amount (KT_MONEY_ROW (must_find (w, has_title, "Full Annual Spend")), 150000000);
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (save));
  gtk_widget_activate_action (w, "preferences.save", NULL);
  iterate ();

  after = kt_store_get_matrix_settings (f->store, NULL);
  g_assert_cmpuint (after->importance_threshold, ==, 60);
  g_assert_cmpuint (after->risk_threshold, ==, 35);
  g_assert_cmpuint (after->long_notice_months, ==, 24);
  g_assert_cmpint (after->full_spend, ==, 150000000);
  g_assert_cmpint (after->version, ==, before->version + 1);
  g_assert_false (gtk_widget_is_sensitive (save));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  /* The view explains the thresholds of the file (the window reloads it
   * after a save) */
  kt_matrix_view_invalidate (KT_MATRIX_VIEW (f->view));
  g_assert_nonnull (find_widget (f->view, label_contains, "Importance 60 or more with risk 35 or more"));

  /* Opened again, it shows what was saved */
  window = kt_preferences_window_new (GTK_WINDOW (f->window), f->store);
  w = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpuint (get_spin (w, "Importance Threshold"), ==, 60);
  g_assert_cmpuint (get_spin (w, "Risk Threshold"), ==, 35);
  g_assert_cmpuint (get_spin (w, "Long Notice"), ==, 24);
  g_assert_true (kt_money_row_get_amount (KT_MONEY_ROW (must_find (w, has_title, "Full Annual Spend")),
                                          &spend, NULL));
  g_assert_cmpint (spend, ==, 150000000);

  /* Restore Suggestions brings back the defaults, saved with Save */
  gtk_widget_activate_action (w, "preferences.defaults", NULL);
  g_assert_cmpuint (get_spin (w, "Importance Threshold"), ==, defaults->importance_threshold);
  gtk_widget_activate_action (w, "preferences.save", NULL);
  iterate ();
  g_clear_pointer (&after, kt_matrix_settings_free);
  after = kt_store_get_matrix_settings (f->store, NULL);
  g_assert_cmpuint (after->importance_threshold, ==, defaults->importance_threshold);
  g_assert_cmpuint (after->risk_threshold, ==, defaults->risk_threshold);
  g_assert_cmpint (after->full_spend, ==, defaults->full_spend);
  g_assert_cmpuint (after->long_notice_months, ==, defaults->long_notice_months);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty_portfolio (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kt-test-matrix-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "tom.kontrakter", NULL);
  g_autoptr(KtStore) store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);
  GtkWidget *view = g_object_ref_sink (kt_matrix_view_new ());
  GtkStack *stack = GTK_STACK (must_find (view, is_content_stack, NULL));

  g_assert_no_error (error);
  kt_matrix_view_set_store (KT_MATRIX_VIEW (view), store);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_false (gtk_widget_get_visible (find_button (view, "Show _All Suppliers")));
  /* Nothing to export */
  g_assert_false (gtk_widget_is_sensitive (must_find (view, is_action_button, "matrix-view.export")));
  g_assert_finalize_object (view);
  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kt_register_resource ();

#define ADD(path, func, read_only) \
  g_test_add (path, Fixture, GINT_TO_POINTER (read_only), fixture_set_up, func, fixture_tear_down)
  ADD ("/matrix-view/keyboard-walk", test_keyboard_walk, FALSE);
  ADD ("/matrix-view/activation", test_activation, FALSE);
  ADD ("/matrix-view/place-by-hand", test_place_by_hand, FALSE);
  ADD ("/matrix-view/conflict", test_conflict, FALSE);
  ADD ("/matrix-view/read-only", test_read_only, TRUE);
  ADD ("/matrix-view/filters", test_filters, FALSE);
  ADD ("/matrix-view/table", test_table, FALSE);
  ADD ("/matrix-view/export", test_export, FALSE);
  ADD ("/matrix-view/preferences", test_preferences, FALSE);
#undef ADD
  g_test_add_func ("/matrix-view/empty-portfolio", test_empty_portfolio);

  return g_test_run ();
}
