/* kt-document-window-activities.c — activities made from clauses, and
 * clauses linked to the contract's activities
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-activity-editor.h"
#include "kt-clause-row.h"
#include "kt-dialogs.h"
#include "kt-document-window-private.h"
#include "kt-format.h"
#include "kt-write-retry.h"

static const KtClause *
find_clause (KtDocumentWindow *self,
             gint64            id)
{
  for (guint i = 0; self->clauses != NULL && i < self->clauses->len; i++)
    {
      const KtClause *c = g_ptr_array_index (self->clauses, i);

      if (c->id == id)
        return c;
    }

  return NULL;
}

/* ---- activities from clauses ----
 *
 * The link is saved through kt_write_run () from the clause panel, like
 * its other writes: a colleague's lock is waited for, a file that went
 * away is said so with a retry. */

typedef struct {
  KtDocumentWindow *window;
  KtStore          *store;
  KtClause         *clause;
  gboolean          changed;    /* emit activities-changed when done */
} LinkWrite;

static void
link_write_free (LinkWrite *write)
{
  g_clear_object (&write->window);
  g_clear_object (&write->store);
  g_clear_pointer (&write->clause, kt_clause_free);
  g_free (write);
}

static gboolean
link_write (gpointer   data,
            GError   **error)
{
  LinkWrite *write = data;

  return kt_store_save_clause (write->store, write->clause, error);
}

static void
link_done (gpointer      data,
           const GError *error)
{
  LinkWrite *write = data;
  KtDocumentWindow *self = write->window;

  if (error == NULL)
    kt_document_window_reload_clauses (self);
  else if (!kt_write_error_was_shown (error))
    kt_document_window_show_store_error (self, error);

  if (write->changed)
    kt_document_window_emit_activities_changed (self);
}

/* @changed: the activities changed too (a new one, or another link):
 * said once the link is saved or failed. */
static void
set_activity (KtDocumentWindow *self,
              gint64            clause_id,
              gint64            activity_id,
              gboolean          changed)
{
  const KtClause *current = find_clause (self, clause_id);
  LinkWrite *write;

  if (current == NULL)
    {
      kt_document_window_reload_clauses (self);
      if (changed)
        kt_document_window_emit_activities_changed (self);
      return;
    }

  write = g_new0 (LinkWrite, 1);
  write->window = g_object_ref (self);
  write->store = g_object_ref (self->store);
  write->clause = kt_clause_copy (current);
  write->clause->activity_id = activity_id;
  write->changed = changed;

  /* FALSE: another clause write of this window still waits for the file. */
  if (!kt_write_run (self->clause_panel, link_write, link_done, write,
                     (GDestroyNotify) link_write_free))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      link_write_free (write);
      if (changed)
        kt_document_window_emit_activities_changed (self);
    }
}

static void
activity_saved_cb (KtActivityEditor *editor,
                   gint64            activity_id,
                   KtDocumentWindow *self)
{
  gint64 clause_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (editor), "kt-clause-id"));

  /* Reloaded first: the new activity is then in the panel's list */
  kt_document_window_reload_clauses (self);
  set_activity (self, clause_id, activity_id, TRUE);
}

void
kt_document_window_create_activity (KtDocumentWindow *self,
                                    const KtClause   *clause)
{
  g_autoptr(KtContract) contract = NULL;
  g_autoptr(KtActivity) activity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  KtActivityEditor *editor;

  contract = kt_store_get_contract (self->store, self->document->contract_id, &error);
  if (contract == NULL)
    {
      kt_dialog_show_error (GTK_WIDGET (self), _("The Activity Could Not Be Created"), error->message);
      return;
    }

  /* A new activity (id 0), filled in from the clause */
  activity = kt_activity_new ();
  activity->contract_id = contract->id;
  activity->responsible_id = contract->administrator_id;
  activity->type = kt_clause_category_activity_type (clause->category);
  words = kt_clause_first_words (clause->text, 8);
  /* Translators: an activity made from a clause: the clause's category and first words */
  activity->description = g_strdup_printf (_("%s: %s"),
                                           kt_enum_label (KT_ENUM_CLAUSE_CATEGORY, clause->category),
                                           words);
  /* Translators: where in the contract an activity's clause is, "p. 4" (Danish "s. 4") */
  activity->clause_ref = g_strdup_printf (_("p. %u"), clause->page + 1);
  if (clause->category == KT_CLAUSE_PRICE && g_date_valid (&contract->price_regulation_date))
    activity->deadline = contract->price_regulation_date;

  editor = kt_activity_editor_new (GTK_WIDGET (self), self->store, contract, activity);
  g_object_set_data (G_OBJECT (editor), "kt-clause-id", GSIZE_TO_POINTER (clause->id));
  g_signal_connect_object (editor, "saved", G_CALLBACK (activity_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* ---- link dialog ---- */

static void
link_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  KtDocumentWindow *self)
{
  gint64 clause_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "kt-clause-id");
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "kt-list");
  GtkListBoxRow *row = list != NULL ? gtk_list_box_get_selected_row (list) : NULL;

  if (g_strcmp0 (response, "unlink") == 0)
    set_activity (self, clause_id, 0, FALSE);
  else if (g_strcmp0 (response, "link") == 0 && row != NULL)
    set_activity (self, clause_id, *(gint64 *) g_object_get_data (G_OBJECT (row), "kt-activity-id"),
                  TRUE);
}

/* Only a choice turns Link on. A row unselected is not looked at: the
 * rows also go when the dialog is destroyed, after its responses. */
static void
link_selected_cb (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  AdwMessageDialog *dialog)
{
  if (row != NULL)
    adw_message_dialog_set_response_enabled (dialog, "link", TRUE);
}

void
kt_document_window_link_activity (KtDocumentWindow *self,
                                  const KtClause   *clause)
{
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *scrolled;
  guint n = self->activities != NULL ? self->activities->len : 0;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Link to Activity"),
                                   n > 0 ? _("Choose the contract’s activity that this clause is about.")
                                         : _("The contract has no activities yet. Create one "
                                             "from the clause instead."));
  g_object_set_data_full (G_OBJECT (dialog), "kt-clause-id",
                          g_memdup2 (&clause->id, sizeof clause->id), g_free);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (clause->activity_id != 0)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "unlink", _("_Unlink"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  if (n > 0)
    {
      list = gtk_list_box_new ();
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Activities"), -1);
      for (guint i = 0; i < n; i++)
        {
          const KtActivity *a = g_ptr_array_index (self->activities, i);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *deadline = kt_format_date (&a->deadline);
          g_autofree char *subtitle = NULL;

          /* Translators: an activity's type and deadline */
          subtitle = g_strdup_printf (_("%s · %s"), kt_enum_label (KT_ENUM_ACTIVITY_TYPE, a->type),
                                      deadline);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->description);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          g_object_set_data_full (G_OBJECT (row), "kt-activity-id",
                                  g_memdup2 (&a->id, sizeof a->id), g_free);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          if (a->id == clause->activity_id)
            gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (row));
        }

      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
      g_object_set_data (G_OBJECT (dialog), "kt-list", list);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "link", _("_Link"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "link",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "link");
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "link",
                                               gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) != NULL);
      g_signal_connect_object (list, "row-selected", G_CALLBACK (link_selected_cb), dialog, 0);
    }

  g_signal_connect_object (dialog, "response", G_CALLBACK (link_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
