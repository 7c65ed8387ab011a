/* test-merge-dialog.c — two colleagues on one portfolio file: the contract
 * page merges a lost race field by field and follows the other's saves
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real example portfolio, opened twice: the page works on the first
 * connection, the colleague writes through the second, as another process
 * on the network drive would.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "../io/cli-test-util.h"
#include "kt-activity-row.h"
#include "kt-contract-form.h"
#include "kt-contract-page.h"
#include "kt-example.h"
#include "kt-history-window.h"
#include "kt-merge-dialog.h"
#include "kt-resources.h"
#include "kt-write-retry.h"

#define THEIR_COST 98765400

typedef struct {
  char           *dir;
  char           *path;
  KtStore        *store;       /* mine: the page's */
  KtStore        *colleague;   /* theirs: the same file, another connection */
  GtkWidget      *window;
  KtContractPage *page;
  gint64          id;
  gint64          saved_id;
} Fixture;

/* ---- finding widgets as a person would ---- */

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             Match          match,
             gconstpointer  data)
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
has_title (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_choice (GtkWidget     *widget,
           gconstpointer  text)
{
  GtkWidget *child;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;
  child = gtk_check_button_get_child (GTK_CHECK_BUTTON (widget));
  return GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0;
}

static gboolean
is_list_box (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget);
}

static gboolean
is_revealer (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_REVEALER (widget);
}

static GtkWidget *
row (GtkWidget  *root,
     const char *title)
{
  GtkWidget *found = find_widget (root, has_title, title);

  g_assert_nonnull (found);
  return found;
}

static const char *
row_text (Fixture    *f,
          const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (row (GTK_WIDGET (f->page), title)));
}

static void
set_row_text (Fixture    *f,
              const char *title,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (GTK_WIDGET (f->page), title)), text);
}

static GtkTextBuffer *
notes_buffer (Fixture *f)
{
  GtkWidget *label = find_widget (GTK_WIDGET (f->page), is_label, "Notes");

  g_assert_nonnull (label);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_label_get_mnemonic_widget (GTK_LABEL (label))));
}

static char *
notes_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (notes_buffer (f), &start, &end);
  return gtk_text_buffer_get_text (notes_buffer (f), &start, &end, FALSE);
}

/* The note above the form, when it is shown. */
static const char *
shown_note (Fixture *f)
{
  GtkWidget *revealer = find_widget (GTK_WIDGET (f->page), is_revealer, NULL);
  GtkWidget *label;

  g_assert_nonnull (revealer);
  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    return NULL;

  label = gtk_widget_get_last_child (gtk_revealer_get_child (GTK_REVEALER (revealer)));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
  while (g_get_monotonic_time () < end);
}

static KtMergeDialog *
find_merge_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (KT_IS_MERGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static guint
n_field_rows (KtMergeDialog *dialog)
{
  GtkWidget *list = find_widget (GTK_WIDGET (dialog), is_list_box, NULL);
  guint n = 0;

  g_assert_nonnull (list);
  if (!gtk_widget_get_visible (list))
    return 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);

  return n;
}

static GtkWidget *
choice (KtMergeDialog *dialog,
        const char    *text)
{
  GtkWidget *found = find_widget (GTK_WIDGET (dialog), is_choice, text);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
field_row_of (GtkWidget *button)
{
  return gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
}

/* ---- the two colleagues ---- */

static void
saved_cb (KtContractPage *page,
          gint64          id,
          Fixture        *f)
{
  f->saved_id = id;
}

static gboolean
is_main_contract (GPtrArray *contracts,
                  gint64     id)
{
  for (guint i = 0; i < contracts->len; i++)
    if (((const KtContract *) g_ptr_array_index (contracts, i))->parent_id == id)
      return TRUE;

  return FALSE;
}

/* An active contract with a cost that can be deleted (no agreements under it). */
static gint64
contract_with_cost (KtStore *store)
{
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (store, NULL);

  g_assert_nonnull (contracts);
  for (guint i = 0; i < contracts->len; i++)
    {
      const KtContract *c = g_ptr_array_index (contracts, i);

      if (c->annual_cost != KT_MONEY_NONE && c->annual_cost != THEIR_COST &&
          c->status == KT_STATUS_ACTIVE && !is_main_contract (contracts, c->id))
        return c->id;
    }

  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-merge-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "eksempel.kontrakter", NULL);
  kt_example_write (f->path, &error);
  g_assert_no_error (error);

  f->store = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (f->store, "mig", "pc-1");
  f->colleague = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (f->colleague, "kollega", "pc-2");

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 480);
  f->page = kt_contract_page_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  kt_contract_page_set_store (f->page, f->store);
  g_signal_connect (f->page, "saved", G_CALLBACK (saved_cb), f);

  f->id = contract_with_cost (f->store);
  g_assert_true (kt_contract_page_load (f->page, f->id, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = (GtkWindow *) find_merge_dialog ()) != NULL ||
         (dialog = (GtkWindow *) find_message_dialog ()) != NULL)
    gtk_window_destroy (dialog);

  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (10);
  g_clear_object (&f->colleague);
  g_clear_object (&f->store);
  kt_cli_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The colleague changes the contract and saves, through their connection. */
static void
colleague_saves (Fixture    *f,
                 gint64      annual_cost,
                 const char *notes,
                 const char *name)
{
  g_autoptr(KtContract) theirs = kt_store_get_contract (f->colleague, f->id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (theirs);
  if (annual_cost != 0)
    theirs->annual_cost = annual_cost;
  if (notes != NULL)
    {
      g_free (theirs->notes);
      theirs->notes = g_strdup (notes);
    }
  if (name != NULL)
    {
      g_free (theirs->name);
      theirs->name = g_strdup (name);
    }
  g_assert_true (kt_store_update_contract (f->colleague, theirs, &error));
  g_assert_no_error (error);
}

static KtContract *
stored (Fixture *f)
{
  g_autoptr(KtStore) reader = kt_store_open (f->path, KT_STORE_OPEN_READ_ONLY, NULL);
  KtContract *contract;

  g_assert_nonnull (reader);
  contract = kt_store_get_contract (reader, f->id, NULL);
  g_assert_nonnull (contract);
  return contract;
}

static KtMergeDialog *
save_into_conflict (Fixture *f)
{
  KtMergeDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "contract.save", NULL);
  spin (20);
  dialog = find_merge_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==,
                   "Someone Else Changed This Contract");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (dialog)), ==,
                   GTK_ACCESSIBLE_ROLE_DIALOG);
  return dialog;
}

/* ---- tests ---- */

static void
test_conflict_merges (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KtContract) before = stored (f);
  g_autoptr(KtContract) after = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *name_label = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *problem = NULL;
  KtMergeDialog *dialog;
  GtkWidget *mine_name, *theirs_notes, *mine_notes, *name_row, *notes_row;
  gboolean resolved_notes = FALSE;

  colleague_saves (f, THEIR_COST, "Kollegaens note", NULL);

  set_row_text (f, "Name", "Mit navn");
  gtk_text_buffer_set_text (notes_buffer (f), "Min note", -1);
  dialog = save_into_conflict (f);

  /* Nothing written yet, and my edit is where I left it */
  g_clear_pointer (&after, kt_contract_free);
  after = stored (f);
  g_assert_cmpint (after->annual_cost, ==, THEIR_COST);
  g_assert_cmpstr (after->name, ==, before->name);
  g_assert_cmpstr (row_text (f, "Name"), ==, "Mit navn");
  g_assert_cmpint (f->saved_id, ==, 0);

  /* Their cost, both notes, my name */
  g_assert_cmpuint (n_field_rows (dialog), ==, 3);
  mine_name = choice (dialog, "Mine: Mit navn");
  mine_notes = choice (dialog, "Mine: Min note");
  theirs_notes = choice (dialog, "Theirs: Kollegaens note");
  name_row = field_row_of (mine_name);
  notes_row = field_row_of (theirs_notes);
  g_assert_true (notes_row == field_row_of (mine_notes));
  g_assert_nonnull (find_widget (notes_row, is_label, "Changed by both"));
  g_assert_null (find_widget (name_row, is_label, "Changed by both"));

  /* Preset: what only one of us changed keeps that change; both: mine */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (mine_name)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (mine_notes)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (theirs_notes)));

  /* Read out as a choice, not as its long value */
  name_label = g_strdup (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (
    gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (name_row)))))));
  expected = g_strdup_printf ("Keep mine for %s", name_label);
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (mine_name),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_assert_null (problem);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (theirs_notes), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.save", NULL);
  spin (20);
  g_assert_null (find_merge_dialog ());

  /* Theirs for cost and notes, mine for the name — in the file and the form */
  g_clear_pointer (&after, kt_contract_free);
  after = stored (f);
  g_assert_cmpint (after->annual_cost, ==, THEIR_COST);
  g_assert_cmpstr (after->notes, ==, "Kollegaens note");
  g_assert_cmpstr (after->name, ==, "Mit navn");
  g_assert_cmpint (f->saved_id, ==, f->id);
  g_assert_cmpstr (row_text (f, "Name"), ==, "Mit navn");
  notes = notes_text (f);
  g_assert_cmpstr (notes, ==, "Kollegaens note");
  g_assert_false (kt_contract_page_has_unsaved_changes (f->page));

  /* The choice is in the audit trail */
  audit = kt_store_list_audit (f->store, "contract", f->id, NULL);
  g_assert_nonnull (audit);
  for (guint i = 0; i < audit->len; i++)
    {
      const KtAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_strcmp0 (entry->action, "resolve") == 0 && g_strcmp0 (entry->field, "notes") == 0)
        resolved_notes = g_strcmp0 (entry->detail, "theirs") == 0;
    }
  g_assert_true (resolved_notes);
}

static void
test_changed_again (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KtContract) after = NULL;
  KtMergeDialog *dialog;

  colleague_saves (f, 0, "Kollegaens note", NULL);
  set_row_text (f, "Name", "Mit navn");
  dialog = save_into_conflict (f);
  g_assert_cmpuint (n_field_rows (dialog), ==, 2);

  /* While I choose, they save once more */
  colleague_saves (f, THEIR_COST, NULL, NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.save", NULL);
  spin (20);

  /* Still open, saying so, with their newest change listed */
  g_assert_true (find_merge_dialog () == dialog);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_label,
                                 "It was changed again meanwhile. Check the choices below "
                                 "and save again."));
  g_assert_cmpuint (n_field_rows (dialog), ==, 3);
  g_assert_cmpint (f->saved_id, ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.save", NULL);
  spin (20);
  g_assert_null (find_merge_dialog ());
  after = stored (f);
  g_assert_cmpint (after->annual_cost, ==, THEIR_COST);
  g_assert_cmpstr (after->notes, ==, "Kollegaens note");
  g_assert_cmpstr (after->name, ==, "Mit navn");
  g_assert_cmpint (f->saved_id, ==, f->id);
}

static void
cancelled_cb (KtMergeDialog *dialog,
              gboolean      *cancelled)
{
  *cancelled = TRUE;
}

static void
test_cancel_keeps_edit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KtContract) after = NULL;
  KtMergeDialog *dialog;
  gboolean cancelled = FALSE;

  colleague_saves (f, 0, NULL, "Kollegaens navn");
  set_row_text (f, "Name", "Mit navn");
  dialog = save_into_conflict (f);
  g_signal_connect (dialog, "cancelled", G_CALLBACK (cancelled_cb), &cancelled);

  /* Escape is Cancel */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.cancel", NULL);
  spin (20);
  g_assert_true (cancelled);
  g_assert_null (find_merge_dialog ());

  after = stored (f);
  g_assert_cmpstr (after->name, ==, "Kollegaens navn");
  g_assert_cmpstr (row_text (f, "Name"), ==, "Mit navn");
  g_assert_true (kt_contract_page_has_unsaved_changes (f->page));
  g_assert_cmpint (f->saved_id, ==, 0);

  /* Saving again asks again; nothing was decided behind my back */
  dialog = save_into_conflict (f);
  g_assert_cmpuint (n_field_rows (dialog), ==, 1);
}

static void
test_refresh_reloads_in_place (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *form = gtk_widget_get_ancestor (row (GTK_WIDGET (f->page), "Name"),
                                             KT_TYPE_CONTRACT_FORM);
  GtkAdjustment *adjustment = kt_contract_form_get_vadjustment (KT_CONTRACT_FORM (form));
  g_autofree char *notes = NULL;
  double value;

  gtk_window_present (GTK_WINDOW (f->window));
  spin (200);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) -
                     gtk_adjustment_get_page_size (adjustment), >, 400);

  gtk_widget_grab_focus (row (GTK_WIDGET (f->page), "Purchased Services"));
  gtk_adjustment_set_value (adjustment, 321);
  spin (50);
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 0);

  /* Nothing edited: their version is shown where I was */
  colleague_saves (f, THEIR_COST, "Kollegaens note", "Kollegaens navn");
  kt_contract_page_refresh (f->page);
  spin (100);

  g_assert_cmpstr (row_text (f, "Name"), ==, "Kollegaens navn");
  notes = notes_text (f);
  g_assert_cmpstr (notes, ==, "Kollegaens note");
  g_assert_null (shown_note (f));
  g_assert_false (kt_contract_page_has_unsaved_changes (f->page));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), value, 1.0);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         row (GTK_WIDGET (f->page), "Purchased Services")));

  /* And saving from there is an ordinary save, no merge */
  set_row_text (f, "Purchased Services", "Drift og support");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "contract.save", NULL);
  spin (20);
  g_assert_null (find_merge_dialog ());
  g_assert_cmpint (f->saved_id, ==, f->id);
}

static void
test_refresh_keeps_edit (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(KtContract) before = stored (f);
  g_autoptr(KtContract) after = NULL;
  g_autofree char *notes = NULL;
  KtMergeDialog *dialog;
  const char *note;

  set_row_text (f, "Name", "Mit navn");
  colleague_saves (f, 0, "Kollegaens note", NULL);
  kt_contract_page_refresh (f->page);
  spin (20);

  /* My typing stays, and a note says what happened */
  g_assert_cmpstr (row_text (f, "Name"), ==, "Mit navn");
  notes = notes_text (f);
  g_assert_cmpstr (notes, ==, before->notes != NULL ? before->notes : "");
  g_assert_true (kt_contract_page_has_unsaved_changes (f->page));
  note = shown_note (f);
  g_assert_nonnull (note);
  g_assert_true (g_str_has_prefix (note, "kollega changed this contract at "));
  g_assert_nonnull (strstr (note, "When you save, you can choose which changes to keep."));

  /* The save merges against what I started from: their note, my name */
  dialog = save_into_conflict (f);
  g_assert_cmpuint (n_field_rows (dialog), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.save", NULL);
  spin (20);
  after = stored (f);
  g_assert_cmpstr (after->notes, ==, "Kollegaens note");
  g_assert_cmpstr (after->name, ==, "Mit navn");
  g_assert_null (shown_note (f));
}

static void
test_deleted_by_colleague (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KtContract) theirs = kt_store_get_contract (f->colleague, f->id, NULL);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *message;
  const char *note;

  set_row_text (f, "Name", "Mit navn");
  g_assert_true (kt_store_delete_contract (f->colleague, f->id, theirs->version, &error));
  g_assert_no_error (error);

  /* Saving says so and keeps my text for copying */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "contract.save", NULL);
  spin (20);
  g_assert_null (find_merge_dialog ());
  message = find_message_dialog ();
  g_assert_nonnull (message);
  gtk_window_destroy (GTK_WINDOW (message));
  g_assert_cmpstr (row_text (f, "Name"), ==, "Mit navn");
  note = shown_note (f);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "can no longer be saved"));
  /* Still selectable: an insensitive entry could not be copied from */
  g_assert_true (gtk_widget_is_sensitive (row (GTK_WIDGET (f->page), "Name")));
  g_assert_cmpint (f->saved_id, ==, 0);

  /* Save stays off: there is nothing to save into */
  set_row_text (f, "Name", "Mit andet navn");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "contract.save", NULL);
  spin (20);
  g_assert_null (find_message_dialog ());
  g_assert_null (find_merge_dialog ());

  /* Brought back by the colleague (undo): the note goes with the next refresh */
  g_assert_true (kt_store_restore_contract (f->colleague, f->id, NULL));
  kt_contract_page_refresh (f->page);
  spin (20);
  note = shown_note (f);
  g_assert_nonnull (note);
  g_assert_true (g_str_has_prefix (note, "kollega changed this contract"));
  g_assert_cmpstr (row_text (f, "Name"), ==, "Mit andet navn");
}

static void
test_refresh_sees_deletion (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(KtContract) theirs = kt_store_get_contract (f->colleague, f->id, NULL);
  g_autoptr(GError) error = NULL;
  const char *note;

  g_assert_true (kt_store_delete_contract (f->colleague, f->id, theirs->version, &error));
  g_assert_no_error (error);
  kt_contract_page_refresh (f->page);
  spin (20);

  note = shown_note (f);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "deleted"));
  g_assert_null (find_message_dialog ());
}

static gint64
add_activity (Fixture    *f,
              const char *description,
              int         days_ahead)
{
  g_autoptr(KtActivity) activity = kt_activity_new ();
  g_autoptr(GError) error = NULL;

  activity->contract_id = f->id;
  activity->description = g_strdup (description);
  g_date_set_time_t (&activity->deadline, time (NULL));
  g_date_add_days (&activity->deadline, days_ahead);
  g_assert_true (kt_store_insert_activity (f->store, activity, &error));
  g_assert_no_error (error);

  return activity->id;
}

/* The activities are read again with the focused one still focused. */
static void
test_refresh_keeps_activity_focus (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(KtActivity) other = NULL;
  const KtActivity *focused;
  GtkWidget *focus;
  gint64 focused_id, other_id;

  focused_id = add_activity (f, "Statusmøde med leverandøren", 40);
  other_id = add_activity (f, "Kontrolrapport", 20);
  g_assert_true (kt_contract_page_load (f->page, f->id, NULL));
  gtk_window_present (GTK_WINDOW (f->window));
  spin (100);

  g_assert_true (kt_contract_page_focus_deadline (f->page, focused_id, 0));
  spin (20);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (kt_activity_row_shows (focus, focused_id, 0));

  /* The colleague deletes the one above it: the rows are made anew */
  other = kt_store_get_activity (f->colleague, other_id, NULL);
  g_assert_true (kt_store_delete_activity (f->colleague, other_id, other->version, NULL));
  kt_contract_page_refresh (f->page);
  spin (20);

  g_assert_false (kt_contract_page_focus_deadline (f->page, other_id, 0));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  focused = kt_activity_row_get_activity (focus);
  g_assert_nonnull (focused);
  g_assert_cmpint (focused->id, ==, focused_id);
}

static GtkWindow *
find_history_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (KT_IS_HISTORY_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* History opens the contract's history, once, named after it. */
static void
test_history_button (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KtContract) contract = stored (f);
  g_autofree char *title = g_strdup_printf ("History of %s %s", contract->number, contract->name);
  GtkWindow *history;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "contract.history", NULL);
  spin (20);
  history = find_history_window ();
  g_assert_nonnull (history);
  g_assert_cmpstr (gtk_window_get_title (history), ==, title);

  /* Pressed again: the same window comes forward */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "contract.history", NULL);
  spin (20);
  g_assert_true (find_history_window () == history);
  gtk_window_destroy (history);
  spin (20);

  /* A contract not saved yet has no history */
  kt_contract_page_new_contract (f->page);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "contract.history", NULL);
  spin (20);
  g_assert_null (find_history_window ());
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kt_register_resource ();
  kt_write_set_time_scale (0.01);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/merge-dialog/conflict-merges", test_conflict_merges);
  ADD ("/ui/merge-dialog/changed-again", test_changed_again);
  ADD ("/ui/merge-dialog/cancel-keeps-edit", test_cancel_keeps_edit);
  ADD ("/ui/contract-page/refresh-reloads-in-place", test_refresh_reloads_in_place);
  ADD ("/ui/contract-page/refresh-keeps-edit", test_refresh_keeps_edit);
  ADD ("/ui/contract-page/deleted-by-colleague", test_deleted_by_colleague);
  ADD ("/ui/contract-page/refresh-sees-deletion", test_refresh_sees_deletion);
  ADD ("/ui/activity-list/refresh-keeps-focus", test_refresh_keeps_activity_focus);
  ADD ("/ui/contract-page/history", test_history_button);
#undef ADD

  return g_test_run ();
}
