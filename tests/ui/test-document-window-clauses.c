/* test-document-window-clauses.c — clauses in the document window: Mark
 * Clause from a find match and from a selection, the clause panel (jump,
 * remove and undo, an activity from a clause, linking one), a colleague's
 * change meanwhile, a read-only portfolio, saving while a colleague holds
 * the file's lock
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include "document-window-test-util.h"
#include "kt-activity-editor.h"
#include "kt-clause-dialog.h"
#include "kt-pdf-view-private.h"
#include "kt-resources.h"
#include "kt-undo-toast.h"
#include "kt-write-retry.h"

static void
test_mark_found (DwFixture     *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KtPdfDocument) pdf = NULL;
  g_autoptr(GArray) found = NULL;
  KtPdfView *view;
  KtClauseDialog *dialog;
  const KtClause *clause;
  const KtPageRect *match, *rect;

  dw_attach_contract (f, "Kontrakt.pdf");
  dw_open_window (f);
  view = kt_document_window_get_view (f->window);

  dw_find_text (f, "opsigelse");
  g_assert_cmpuint (kt_pdf_view_get_n_matches (view), ==, 2);
  g_assert_cmpint (kt_pdf_view_get_current_match (view), ==, 0);
  g_assert_cmpstr (dw_label_text (f->window->match_label), ==, "1 of 2");

  /* Without a selection, Ctrl+M marks the current match */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.mark-clause", NULL));
  dw_wait_until (dw_has_clause_dialog, NULL);
  dialog = dw_find_toplevel (KT_TYPE_CLAUSE_DIALOG);
  kt_clause_dialog_set_category (dialog, KT_CLAUSE_TERMINATION);
  kt_clause_dialog_set_note (dialog, "Seks måneders varsel");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "clause-dialog.save", NULL));
  dw_wait_until (dw_has_no_clause_dialog, NULL);
  dw_wait_until (dw_has_n_clauses, f);

  list = dw_clauses (f);
  clause = g_ptr_array_index (list, 0);
  g_assert_cmpint (clause->document_id, ==, f->document->id);
  g_assert_cmpuint (clause->page, ==, 1);
  g_assert_cmpint (clause->category, ==, KT_CLAUSE_TERMINATION);
  g_assert_cmpstr (clause->note, ==, "Seks måneders varsel");
  g_assert_cmpstr (clause->text, ==, "Opsigelse");
  g_assert_cmpstr (clause->colour, ==, kt_clause_category_colour (KT_CLAUSE_TERMINATION));
  g_assert_cmpstr (clause->created_by, ==, "tester");

  /* Its rectangle is the match's */
  path = dw_stored_path (f);
  pdf = kt_pdf_document_open (path, NULL, NULL, NULL);
  found = kt_pdf_document_find_text (pdf, 1, "opsigelse");
  g_assert_cmpuint (found->len, ==, 1);
  match = &g_array_index (found, KtPageRect, 0);
  g_assert_cmpuint (clause->quads->len, ==, 1);
  rect = &g_array_index (clause->quads, KtPageRect, 0);
  g_assert_cmpfloat (rect->x1, <, match->x2);
  g_assert_cmpfloat (rect->x2, >, match->x1);
  g_assert_cmpfloat (rect->y1, <, match->y2);
  g_assert_cmpfloat (rect->y2, >, match->y1);
  g_assert_cmpfloat (fabs (rect->x1 - match->x1), <, 3);

  /* Shown in the panel at once */
  g_assert_cmpuint (kt_clause_panel_get_n_clauses (kt_document_window_get_panel (f->window)), ==, 1);
}

static gboolean
has_selection (gpointer data)
{
  gboolean selection = FALSE;

  g_object_get (data, "has-selection", &selection, NULL);
  return selection;
}

static void
test_mark_selection (DwFixture     *f,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(KtPdfDocument) pdf = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const KtPageRect *word;
  const KtClause *clause;
  graphene_rect_t page;
  KtPdfView *view;
  KtClauseDialog *dialog;
  double zoom, y;

  dw_attach_contract (f, "Kontrakt.pdf");
  dw_open_window (f);
  view = kt_document_window_get_view (f->window);
  kt_pdf_view_set_page (view, 3);
  dw_iterate ();

  /* A drag over "Bod" on page 4, as the pointer does it */
  path = dw_stored_path (f);
  pdf = kt_pdf_document_open (path, NULL, NULL, NULL);
  found = kt_pdf_document_find_text (pdf, 3, "bod");
  g_assert_cmpuint (found->len, >, 0);
  word = &g_array_index (found, KtPageRect, 0);
  kt_pdf_view_get_page_rect (view, 3, &page);
  zoom = kt_pdf_view_get_zoom (view);
  y = page.origin.y + (word->y1 + word->y2) / 2 * zoom;
  kt_pdf_view_select_begin (view, page.origin.x + (word->x1 + 1) * zoom, y);
  kt_pdf_view_select_update (view, page.origin.x + (word->x2 - 1) * zoom, y);
  dw_wait_until (has_selection, view);
  g_assert_true (gtk_widget_is_sensitive (f->window->mark_button));

  /* The selection comes first, also with a find match current */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.mark-clause", NULL));
  dw_wait_until (dw_has_clause_dialog, NULL);
  dialog = dw_find_toplevel (KT_TYPE_CLAUSE_DIALOG);
  kt_clause_dialog_set_category (dialog, KT_CLAUSE_PENALTY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "clause-dialog.save", NULL));
  dw_wait_until (dw_has_no_clause_dialog, NULL);
  dw_wait_until (dw_has_n_clauses, f);

  list = dw_clauses (f);
  clause = g_ptr_array_index (list, 0);
  g_assert_cmpuint (clause->page, ==, 3);
  g_assert_cmpstr (clause->text, ==, "Bod");
  g_assert_cmpint (clause->category, ==, KT_CLAUSE_PENALTY);
  g_assert_cmpuint (clause->quads->len, ==, 1);
  /* Marked: the selection is gone, the view draws the clause */
  g_assert_false (has_selection (view));
  g_assert_false (gtk_widget_is_sensitive (f->window->mark_button));
}

static gboolean
has_editor (gpointer data)
{
  return dw_find_toplevel (KT_TYPE_ACTIVITY_EDITOR) != NULL;
}

static gboolean
clause_is_linked (gpointer data)
{
  DwFixture *f = data;
  g_autoptr(GPtrArray) list = dw_clauses (f);

  return list->len == 1 && ((KtClause *) g_ptr_array_index (list, 0))->activity_id != 0;
}

static void
activities_changed_cb (KtDocumentWindow *window,
                       guint            *count)
{
  (*count)++;
}

static void
test_panel (DwFixture     *f,
            gconstpointer  data)
{
  g_autoptr(KtClause) clause = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  KtClausePanel *panel;
  KtActivity *activity;
  AdwToastOverlay *overlay;
  guint changes = 0;

  dw_attach_contract (f, "Kontrakt.pdf");
  clause = dw_store_clause (f, 2, "prisregulering", KT_CLAUSE_PRICE);
  dw_open_window (f);
  g_signal_connect (f->window, "activities-changed", G_CALLBACK (activities_changed_cb), &changes);
  panel = kt_document_window_get_panel (f->window);
  g_assert_cmpuint (kt_clause_panel_get_n_clauses (panel), ==, 1);

  /* Activating the clause jumps to its page and flashes it */
  g_signal_emit_by_name (panel, "clause-activated", clause);
  g_assert_cmpuint (f->window->flash_id, !=, 0);
  dw_iterate ();
  g_assert_cmpuint (kt_pdf_view_get_page (kt_document_window_get_view (f->window)), ==, 2);

  /* Create an activity: the editor comes prefilled from the clause */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "clause.create-activity", "x",
                                             clause->id));
  dw_wait_until (has_editor, NULL);
  g_assert_true (gtk_widget_activate_action (dw_find_toplevel (KT_TYPE_ACTIVITY_EDITOR),
                                             "activity.save", NULL));
  dw_wait_until (clause_is_linked, f);
  g_assert_cmpuint (changes, ==, 1);

  activities = kt_store_list_activities (f->store, f->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 1);
  activity = g_ptr_array_index (activities, 0);
  g_assert_cmpint (activity->type, ==, kt_clause_category_activity_type (KT_CLAUSE_PRICE));
  g_assert_true (g_str_has_prefix (activity->description,
                                   kt_enum_label (KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_PRICE)));
  g_assert_cmpstr (activity->clause_ref, ==, "p. 3");
  /* A price clause: the contract's price regulation date */
  g_assert_true (g_date_valid (&activity->deadline));
  g_assert_cmpint (g_date_get_year (&activity->deadline), ==, 2027);
  g_assert_cmpint (g_date_get_month (&activity->deadline), ==, G_DATE_JUNE);

  /* Remove, then undo */
  list = dw_clauses (f);
  g_clear_pointer (&clause, kt_clause_free);
  clause = kt_clause_copy (g_ptr_array_index (list, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "clause.remove", "x", clause->id));
  dw_iterate ();
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dw_clauses (f);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_cmpuint (kt_clause_panel_get_n_clauses (panel), ==, 0);
  overlay = f->window->toast_overlay;
  /* libadwaita 1.2's overlay frees a toast twice when it is dismissed
   * while it is still sliding in: let it arrive first */
  dw_run_for (500);
  g_assert_true (kt_undo_toast_run (overlay));
  dw_iterate ();
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dw_clauses (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (kt_clause_panel_get_n_clauses (panel), ==, 1);
}

static void
test_link (DwFixture     *f,
           gconstpointer  data)
{
  g_autoptr(KtClause) clause = NULL;
  g_autoptr(KtActivity) activity = kt_activity_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KtClausePanel *panel;
  AdwMessageDialog *dialog;
  GtkListBox *activities;
  guint changes = 0;

  dw_attach_contract (f, "Kontrakt.pdf");
  clause = dw_store_clause (f, 1, "opsigelse", KT_CLAUSE_TERMINATION);
  activity->contract_id = f->contract_id;
  activity->type = KT_ACTIVITY_RENEGOTIATION;
  activity->description = g_strdup ("Beslut genudbud eller forlængelse");
  g_date_set_dmy (&activity->deadline, 1, G_DATE_SEPTEMBER, 2029);
  g_assert_true (kt_store_insert_activity (f->store, activity, &error));
  g_assert_no_error (error);

  dw_open_window (f);
  g_signal_connect (f->window, "activities-changed", G_CALLBACK (activities_changed_cb), &changes);
  panel = kt_document_window_get_panel (f->window);

  /* A click on the highlight shows it in the panel */
  g_signal_emit_by_name (kt_document_window_get_view (f->window), "clause-activated", clause);
  g_assert_true (gtk_widget_get_visible (f->window->sidebar));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (f->window->sidebar_stack)), ==,
                   "clauses");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "clause.link-activity", "x",
                                             clause->id));
  dialog = dw_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  activities = g_object_get_data (G_OBJECT (dialog), "kt-list");
  g_assert_nonnull (activities);
  gtk_list_box_select_row (activities, gtk_list_box_get_row_at_index (activities, 0));
  adw_message_dialog_response (dialog, "link");
  dw_iterate ();

  list = dw_clauses (f);
  g_assert_cmpint (((KtClause *) g_ptr_array_index (list, 0))->activity_id, ==, activity->id);
  g_assert_cmpuint (changes, ==, 1);
}

static void
test_conflict (DwFixture     *f,
               gconstpointer  data)
{
  g_autoptr(KtClause) clause = NULL;
  g_autoptr(KtClause) theirs = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KtClausePanel *panel;
  KtClauseDialog *dialog;

  dw_attach_contract (f, "Kontrakt.pdf");
  clause = dw_store_clause (f, 3, "bod", KT_CLAUSE_PENALTY);
  dw_open_window (f);
  panel = kt_document_window_get_panel (f->window);

  /* The user starts editing; a colleague saves first */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "clause.edit", "x", clause->id));
  dw_wait_until (dw_has_clause_dialog, NULL);
  dialog = dw_find_toplevel (KT_TYPE_CLAUSE_DIALOG);
  theirs = kt_clause_copy (clause);
  g_free (theirs->note);
  theirs->note = g_strdup ("Kollegaens note");
  g_assert_true (kt_store_save_clause (f->store, theirs, &error));
  g_assert_no_error (error);

  kt_clause_dialog_set_note (dialog, "Min note");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "clause-dialog.save", NULL));
  dw_wait_until (dw_has_no_clause_dialog, NULL);

  /* The colleague's note stays, and the window shows it */
  list = dw_clauses (f);
  g_assert_cmpstr (((KtClause *) g_ptr_array_index (list, 0))->note, ==, "Kollegaens note");
  g_assert_cmpstr (((KtClause *) g_ptr_array_index (f->window->clauses, 0))->note, ==,
                   "Kollegaens note");
  /* and says what happened (an AdwMessageDialog over it) */
  g_assert_nonnull (dw_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_read_only (DwFixture     *f,
                gconstpointer  data)
{
  g_autoptr(KtClause) clause = NULL;
  const char *tooltip;

  dw_attach_contract (f, "Kontrakt.pdf");
  clause = dw_store_clause (f, 1, "opsigelse", KT_CLAUSE_TERMINATION);
  dw_open_store (f, KT_STORE_OPEN_READ_ONLY);
  dw_open_window (f);

  dw_find_text (f, "opsigelse");
  /* A match, but marking is off, and the tooltip says why */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.mark-clause", NULL) &&
                  dw_has_clause_dialog (NULL));
  g_assert_false (gtk_widget_is_sensitive (f->window->mark_button));
  tooltip = gtk_widget_get_tooltip_text (f->window->mark_button);
  g_assert_true (g_str_has_prefix (tooltip, "Clauses cannot be marked: "));
  g_assert_cmpstr (tooltip, !=, "Clauses cannot be marked: ");
  /* The panel still lists the dw_clauses, but cannot remove them */
  g_assert_cmpuint (kt_clause_panel_get_n_clauses (kt_document_window_get_panel (f->window)), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (kt_document_window_get_panel (f->window)), "clause.remove",
                              "x", clause->id);
  dw_iterate ();
  g_assert_true (dw_has_n_clauses (f));
}

/* ---- saving while a colleague holds the file's lock ----
 *
 * Each write of the clauses waits for the lock through kt_write_run ():
 * pending while the colleague's batch is open, written once it ends. A
 * direct write would fail after the store's 50 ms instead. */

typedef struct {
  DwFixture *f;
  KtStore   *colleague;
} Locked;

static void
hold_lock (DwFixture *f,
           Locked    *locked)
{
  g_autoptr(GError) error = NULL;

  locked->f = f;
  locked->colleague = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_lock_wait (f->store, 50);
  kt_write_set_time_scale (0.05);
  g_assert_true (kt_store_begin_batch (locked->colleague, &error));
  g_assert_no_error (error);
}

static void
release_lock (Locked *locked)
{
  kt_store_rollback_batch (locked->colleague);
  g_clear_object (&locked->colleague);
}

static gboolean
not_pending (gpointer widget)
{
  return !kt_write_is_pending (widget);
}

static gboolean
has_no_clauses (gpointer data)
{
  g_autoptr(GPtrArray) list = dw_clauses (data);

  return list->len == 0;
}

static void
test_locked_save (DwFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  KtClauseDialog *dialog;
  Locked locked;

  dw_attach_contract (f, "Kontrakt.pdf");
  dw_open_window (f);
  dw_find_text (f, "opsigelse");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.mark-clause", NULL));
  dw_wait_until (dw_has_clause_dialog, NULL);
  dialog = dw_find_toplevel (KT_TYPE_CLAUSE_DIALOG);
  kt_clause_dialog_set_note (dialog, "Seks måneders varsel");

  hold_lock (f, &locked);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "clause-dialog.save", NULL));
  dw_run_for (150);
  /* Waiting, the dialog and its edit still there, nothing written */
  g_assert_true (kt_write_is_pending (GTK_WIDGET (dialog)));
  g_assert_true (dw_has_clause_dialog (NULL));
  g_assert_true (has_no_clauses (f));

  release_lock (&locked);
  dw_wait_until (dw_has_no_clause_dialog, NULL);
  list = dw_clauses (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((KtClause *) g_ptr_array_index (list, 0))->note, ==, "Seks måneders varsel");
  g_assert_cmpuint (kt_clause_panel_get_n_clauses (kt_document_window_get_panel (f->window)), ==, 1);
  kt_write_set_time_scale (1.0);
}

static void
test_locked_remove_undo (DwFixture     *f,
                         gconstpointer  data)
{
  g_autoptr(KtClause) clause = NULL;
  KtClausePanel *panel;
  Locked locked;

  dw_attach_contract (f, "Kontrakt.pdf");
  clause = dw_store_clause (f, 3, "bod", KT_CLAUSE_PENALTY);
  dw_open_window (f);
  panel = kt_document_window_get_panel (f->window);

  hold_lock (f, &locked);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "clause.remove", "x", clause->id));
  dw_run_for (150);
  g_assert_true (kt_write_is_pending (GTK_WIDGET (panel)));
  g_assert_true (dw_has_n_clauses (f));
  g_assert_cmpuint (kt_clause_panel_get_n_clauses (panel), ==, 1);
  release_lock (&locked);
  dw_wait_until (not_pending, panel);
  g_assert_true (has_no_clauses (f));
  g_assert_cmpuint (kt_clause_panel_get_n_clauses (panel), ==, 0);

  /* The undo waits the same way (the toast first arrives, see test_panel) */
  dw_run_for (500);
  hold_lock (f, &locked);
  g_assert_true (kt_undo_toast_run (f->window->toast_overlay));
  dw_run_for (150);
  g_assert_true (kt_write_is_pending (GTK_WIDGET (panel)));
  g_assert_true (has_no_clauses (f));
  release_lock (&locked);
  dw_wait_until (not_pending, panel);
  g_assert_true (dw_has_n_clauses (f));
  g_assert_cmpuint (kt_clause_panel_get_n_clauses (panel), ==, 1);
  kt_write_set_time_scale (1.0);
}

static void
test_locked_link (DwFixture     *f,
                  gconstpointer  data)
{
  g_autoptr(KtClause) clause = NULL;
  g_autoptr(KtActivity) activity = kt_activity_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KtClausePanel *panel;
  AdwMessageDialog *dialog;
  GtkListBox *activities;
  guint changes = 0;
  Locked locked;

  dw_attach_contract (f, "Kontrakt.pdf");
  clause = dw_store_clause (f, 1, "opsigelse", KT_CLAUSE_TERMINATION);
  activity->contract_id = f->contract_id;
  activity->type = KT_ACTIVITY_RENEGOTIATION;
  activity->description = g_strdup ("Beslut genudbud eller forlængelse");
  g_date_set_dmy (&activity->deadline, 1, G_DATE_SEPTEMBER, 2029);
  g_assert_true (kt_store_insert_activity (f->store, activity, &error));
  g_assert_no_error (error);
  dw_open_window (f);
  g_signal_connect (f->window, "activities-changed", G_CALLBACK (activities_changed_cb), &changes);
  panel = kt_document_window_get_panel (f->window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "clause.link-activity", "x",
                                             clause->id));
  dialog = dw_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  activities = g_object_get_data (G_OBJECT (dialog), "kt-list");
  gtk_list_box_select_row (activities, gtk_list_box_get_row_at_index (activities, 0));

  hold_lock (f, &locked);
  adw_message_dialog_response (dialog, "link");
  dw_run_for (150);
  g_assert_true (kt_write_is_pending (GTK_WIDGET (panel)));
  list = dw_clauses (f);
  g_assert_cmpint (((KtClause *) g_ptr_array_index (list, 0))->activity_id, ==, 0);
  /* Said once the link is saved */
  g_assert_cmpuint (changes, ==, 0);

  release_lock (&locked);
  dw_wait_until (not_pending, panel);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = dw_clauses (f);
  g_assert_cmpint (((KtClause *) g_ptr_array_index (list, 0))->activity_id, ==, activity->id);
  g_assert_cmpuint (changes, ==, 1);
  kt_write_set_time_scale (1.0);
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
  g_test_add (path, DwFixture, NULL, dw_fixture_set_up, func, dw_fixture_tear_down)
  ADD ("/ui/document-window/clauses/mark-found", test_mark_found);
  ADD ("/ui/document-window/clauses/mark-selection", test_mark_selection);
  ADD ("/ui/document-window/clauses/panel", test_panel);
  ADD ("/ui/document-window/clauses/link", test_link);
  ADD ("/ui/document-window/clauses/conflict", test_conflict);
  ADD ("/ui/document-window/clauses/read-only", test_read_only);
  ADD ("/ui/document-window/clauses/locked-save", test_locked_save);
  ADD ("/ui/document-window/clauses/locked-remove-undo", test_locked_remove_undo);
  ADD ("/ui/document-window/clauses/locked-link", test_locked_link);
#undef ADD

  return g_test_run ();
}
