/* kt-document-window-clauses.c — marking clauses, the clause panel's
 * commands, and activities made from clauses
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-clause-dialog.h"
#include "kt-dialogs.h"
#include "kt-document-window-private.h"
#include "kt-undo-toast.h"
#include "kt-write-retry.h"

#define FLASH_INTERVAL_MS 160
#define FLASH_TOGGLES     6

static void open_document_of (KtDocumentWindow *self,
                              const KtClause   *clause);

/* ---- state ---- */

gboolean
kt_document_window_can_edit (KtDocumentWindow *self,
                             const char      **reason)
{
  if (self->store != NULL && kt_store_is_read_only (self->store))
    {
      if (reason != NULL)
        *reason = kt_store_get_read_only_reason (self->store);
      return FALSE;
    }

  return TRUE;
}

void
kt_document_window_update_actions (KtDocumentWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  KtPdfView *view = KT_PDF_VIEW (self->pdf_view);
  gboolean ready = self->state == KT_DOCUMENT_WINDOW_READY;
  gboolean selection = FALSE;
  gboolean match = ready && self->find_text != NULL && kt_pdf_view_get_current_match (view) >= 0;
  const char *reason = NULL;
  gboolean editable = kt_document_window_can_edit (self, &reason);
  g_autofree char *tooltip = NULL;

  if (ready)
    g_object_get (view, "has-selection", &selection, NULL);

  gtk_widget_action_set_enabled (widget, "doc.mark-clause", ready && editable && (selection || match));
  gtk_widget_action_set_enabled (widget, "doc.copy", ready && selection);
  gtk_widget_action_set_enabled (widget, "doc.export", ready);
  gtk_widget_action_set_enabled (widget, "doc.toggle-sidebar", ready);
  gtk_widget_action_set_enabled (widget, "doc.show-clauses", ready);
  gtk_widget_action_set_enabled (widget, "doc.switch-pane", ready);
  gtk_widget_action_set_enabled (widget, "doc.go-to-page", ready);
  gtk_widget_action_set_enabled (widget, "doc.find", ready);
  gtk_widget_action_set_enabled (widget, "doc.find-next", ready);
  gtk_widget_action_set_enabled (widget, "doc.find-previous", ready);
  gtk_widget_action_set_enabled (widget, "doc.zoom", ready);
  gtk_widget_action_set_enabled (widget, "doc.zoom-in", ready);
  gtk_widget_action_set_enabled (widget, "doc.zoom-out", ready);
  gtk_widget_action_set_enabled (widget, "doc.zoom-fit-width", ready);
  gtk_widget_action_set_enabled (widget, "doc.zoom-fit-page", ready);
  gtk_widget_action_set_enabled (widget, "doc.open-external",
                                 ready || self->state == KT_DOCUMENT_WINDOW_FAILED);
  gtk_widget_action_set_enabled (widget, "doc.locate",
                                 self->state == KT_DOCUMENT_WINDOW_MISSING ||
                                 (ready && self->file_state == KT_DOCUMENT_CHANGED));
  gtk_widget_action_set_enabled (widget, "doc.unlock", self->state == KT_DOCUMENT_WINDOW_PASSWORD);

  if (!editable)
    /* Translators: %s says why, e.g. "The portfolio was opened read-only." */
    tooltip = g_strdup_printf (_("Clauses cannot be marked: %s"), reason != NULL ? reason : "");
  else
    tooltip = g_strdup (_("Mark the selected text as a clause (Ctrl+M). Without a selection, the "
                          "current find match is marked: find the clause’s words (Ctrl+F), then "
                          "press Ctrl+M."));
  gtk_widget_set_tooltip_text (self->mark_button, tooltip);
}

/* ---- the clauses ---- */

void
kt_document_window_show_store_error (KtDocumentWindow *self,
                                    const GError     *error)
{
  if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT) ||
      g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND))
    {
      kt_dialog_show_error (GTK_WIDGET (self), _("Someone Else Changed This Clause"), error->message);
      kt_document_window_reload_clauses (self);
      return;
    }

  kt_dialog_show_error (GTK_WIDGET (self), _("The Clause Could Not Be Saved"), error->message);
}

void
kt_document_window_reload_clauses (KtDocumentWindow *self)
{
  gint64 contract_id = self->document->contract_id;
  g_autoptr(GPtrArray) clauses = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) old_clauses = NULL;
  g_autoptr(GPtrArray) old_mine = NULL;
  g_autoptr(GPtrArray) old_activities = NULL;
  g_autoptr(GHashTable) old_names = NULL;
  g_autofree char *reason_text = NULL;
  const char *reason = NULL;
  gboolean editable;
  GPtrArray *mine;
  GHashTable *names;

  clauses = kt_store_list_clauses (self->store, contract_id, 0, &error);
  if (clauses == NULL)
    {
      g_autofree char *message =
        /* Translators: %s is the store's message */
        g_strdup_printf (_("The clauses could not be read: %s"), error->message);

      kt_document_window_toast (self, message);
      return;
    }

  /* Without these the clauses still show, only less about them */
  activities = kt_store_list_activities (self->store, contract_id, NULL);
  documents = kt_store_list_documents (self->store, contract_id, NULL);

  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      const KtDocument *d = g_ptr_array_index (documents, i);

      g_hash_table_insert (names, g_memdup2 (&d->id, sizeof d->id), g_strdup (d->original_name));
    }

  /* This document's clauses, for the view. Copies: the view keeps its
   * array, and may look at it while the window is torn down. */
  mine = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_clause_free);
  for (guint i = 0; i < clauses->len; i++)
    {
      KtClause *c = g_ptr_array_index (clauses, i);

      if (c->document_id == self->document->id)
        g_ptr_array_add (mine, kt_clause_copy (c));
    }

  g_clear_handle_id (&self->flash_id, g_source_remove);
  /* The old ones go only once the view and the panel have the new ones */
  old_clauses = g_steal_pointer (&self->clauses);
  old_mine = g_steal_pointer (&self->document_clauses);
  old_activities = g_steal_pointer (&self->activities);
  old_names = g_steal_pointer (&self->document_names);
  self->clauses = g_ptr_array_ref (clauses);
  self->document_clauses = mine;
  self->activities = activities != NULL ? g_ptr_array_ref (activities) : NULL;
  self->document_names = names;

  kt_pdf_view_set_clauses (KT_PDF_VIEW (self->pdf_view), self->document_clauses);
  editable = kt_document_window_can_edit (self, &reason);
  if (!editable)
    /* Translators: %s says why, e.g. "The portfolio was opened read-only." */
    reason_text = g_strdup_printf (_("Clauses cannot be changed: %s"), reason != NULL ? reason : "");
  kt_clause_panel_set_editable (KT_CLAUSE_PANEL (self->clause_panel), editable, reason_text);
  kt_clause_panel_set_clauses (KT_CLAUSE_PANEL (self->clause_panel), self->clauses,
                               self->activities, self->document_names, self->document->id);
}

/* ---- flashing the clause the panel jumped to ---- */

static gboolean
flash_cb (gpointer data)
{
  KtDocumentWindow *self = data;
  g_autoptr(GPtrArray) shown = NULL;
  gboolean hidden = self->flash_count % 2 == 0;

  if (self->flash_count == 0 || self->document_clauses == NULL)
    {
      kt_pdf_view_set_clauses (KT_PDF_VIEW (self->pdf_view), self->document_clauses);
      self->flash_id = 0;
      return G_SOURCE_REMOVE;
    }

  self->flash_count--;
  shown = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_clause_free);
  for (guint i = 0; i < self->document_clauses->len; i++)
    {
      KtClause *c = g_ptr_array_index (self->document_clauses, i);

      if (!hidden || c->id != self->flash_clause_id)
        g_ptr_array_add (shown, kt_clause_copy (c));
    }
  kt_pdf_view_set_clauses (KT_PDF_VIEW (self->pdf_view), shown);

  return G_SOURCE_CONTINUE;
}

/* Blinks the clause's highlight a few times, so the eye finds it. */
static void
flash_clause (KtDocumentWindow *self,
              gint64            clause_id)
{
  g_clear_handle_id (&self->flash_id, g_source_remove);
  self->flash_clause_id = clause_id;
  self->flash_count = FLASH_TOGGLES;
  self->flash_id = g_timeout_add (FLASH_INTERVAL_MS, flash_cb, self);
}

/* ---- marking ---- */

static void
clause_saved_cb (KtDocumentWindow *self,
                 gint64            id)
{
  kt_pdf_view_clear_selection (KT_PDF_VIEW (self->pdf_view));
  kt_document_window_reload_clauses (self);
  kt_clause_panel_select (KT_CLAUSE_PANEL (self->clause_panel), id);
}

static void
clause_conflict_cb (KtDocumentWindow *self,
                    const char       *message)
{
  kt_dialog_show_error (GTK_WIDGET (self), _("Someone Else Changed This Clause"), message);
  kt_document_window_reload_clauses (self);
}

static void
open_clause_dialog (KtDocumentWindow *self,
                    const KtClause   *clause)
{
  KtClauseDialog *dialog = kt_clause_dialog_new (GTK_WIDGET (self), self->store, clause);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (clause_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "conflict", G_CALLBACK (clause_conflict_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Takes @rects and @text. */
static void
mark (KtDocumentWindow *self,
      guint             page,
      GArray           *rects,
      char             *text)
{
  g_autoptr(KtClause) clause = kt_clause_new ();

  clause->document_id = self->document->id;
  clause->contract_id = self->document->contract_id;
  clause->page = page;
  g_array_unref (clause->quads);
  clause->quads = rects;
  g_free (clause->text);
  clause->text = text;
  g_free (clause->colour);
  clause->colour = g_strdup (kt_clause_category_colour (clause->category));

  open_clause_dialog (self, clause);
}

static void
current_match_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  KtDocumentWindow *self = KT_DOCUMENT_WINDOW (source);
  g_autoptr(GError) error = NULL;
  GArray *rects = NULL;
  char *text = NULL;
  guint page = 0;

  if (!kt_document_window_current_match_finish (self, result, &page, &rects, &text, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        kt_document_window_toast (self, error->message);
      return;
    }

  mark (self, page, rects, text);
}

void
kt_document_window_mark_clause (KtDocumentWindow *self)
{
  KtPdfView *view = KT_PDF_VIEW (self->pdf_view);
  GArray *rects = NULL;
  char *text = NULL;
  guint page = 0;

  if (self->state != KT_DOCUMENT_WINDOW_READY || !kt_document_window_can_edit (self, NULL))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (kt_pdf_view_get_selection (view, &page, &rects, &text))
    mark (self, page, rects, text);
  else if (self->find_text != NULL && kt_pdf_view_get_current_match (view) >= 0)
    kt_document_window_current_match_async (self, current_match_cb, NULL);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* ---- the panel's commands ----
 *
 * Removing and restoring go through kt_write_run () from the panel, inside
 * the window's toast overlay: a colleague's lock is waited for there, a
 * file that went away is said so with a retry. */

typedef struct {
  KtDocumentWindow *window;
  KtStore          *store;
  gint64            id;
  gint64            version;
} Write;

static Write *
write_new (KtDocumentWindow *self,
           KtStore          *store,
           gint64            id)
{
  Write *write = g_new0 (Write, 1);

  write->window = g_object_ref (self);
  write->store = g_object_ref (store);
  write->id = id;
  return write;
}

static void
write_free (Write *write)
{
  g_clear_object (&write->window);
  g_clear_object (&write->store);
  g_free (write);
}

/* Takes @write. */
static void
run_panel_write (KtDocumentWindow *self,
                 KtWriteFunc       func,
                 KtWriteDone       done,
                 Write            *write)
{
  /* FALSE: a clause write of this window still waits for the file. */
  if (!kt_write_run (self->clause_panel, func, done, write, (GDestroyNotify) write_free))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      write_free (write);
    }
}

static gboolean
restore_write (gpointer   data,
               GError   **error)
{
  Write *write = data;

  return kt_store_restore_clause (write->store, write->id, error);
}

static void
restore_done (gpointer      data,
              const GError *error)
{
  Write *write = data;

  /* A wait the user gave up on was said already, and changed nothing. */
  if (kt_write_error_was_shown (error))
    return;

  if (error != NULL)
    kt_dialog_show_error (GTK_WIDGET (write->window), _("The Clause Could Not Be Restored"),
                          error->message);
  kt_document_window_reload_clauses (write->window);
}

static void
restore_clause (gpointer data)
{
  Write *undo = data;

  run_panel_write (undo->window, restore_write, restore_done,
                   write_new (undo->window, undo->store, undo->id));
}

static gboolean
remove_write (gpointer   data,
              GError   **error)
{
  Write *write = data;

  return kt_store_delete_clause (write->store, write->id, write->version, error);
}

static void
remove_done (gpointer      data,
             const GError *error)
{
  Write *write = data;
  KtDocumentWindow *self = write->window;

  if (error != NULL)
    {
      if (!kt_write_error_was_shown (error))
        kt_document_window_show_store_error (self, error);
      return;
    }

  kt_document_window_reload_clauses (self);
  kt_undo_toast_show (self->clause_panel, _("Clause removed"), restore_clause,
                      write_new (self, write->store, write->id), (GDestroyNotify) write_free);
}

static void
remove_clause_cb (KtDocumentWindow *self,
                  KtClause         *clause)
{
  Write *write = write_new (self, self->store, clause->id);

  write->version = clause->version;
  run_panel_write (self, remove_write, remove_done, write);
}

static void
edit_clause_cb (KtDocumentWindow *self,
                KtClause         *clause)
{
  open_clause_dialog (self, clause);
}

static void
panel_activated_cb (KtDocumentWindow *self,
                    KtClause         *clause)
{
  if (clause->document_id != self->document->id)
    {
      open_document_of (self, clause);
      return;
    }

  if (clause->quads->len > 0)
    kt_pdf_view_scroll_to_rect (KT_PDF_VIEW (self->pdf_view), clause->page,
                                &g_array_index (clause->quads, KtPageRect, 0));
  else
    kt_pdf_view_set_page (KT_PDF_VIEW (self->pdf_view), clause->page);
  flash_clause (self, clause->id);
}

/* A clause of another document of the contract: its own window shows it. */
static void
open_document_of (KtDocumentWindow *self,
                  const KtClause   *clause)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(KtDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  KtDocumentWindow *window = NULL;

  for (GList *l = application != NULL ? gtk_application_get_windows (application) : NULL;
       l != NULL; l = l->next)
    if (KT_IS_DOCUMENT_WINDOW (l->data) &&
        kt_document_window_get_document_id (l->data) == clause->document_id)
      window = l->data;

  if (window == NULL)
    {
      document = kt_store_get_document (self->store, clause->document_id, &error);
      if (document == NULL)
        {
          kt_dialog_show_error (GTK_WIDGET (self), _("The Document Could Not Be Opened"),
                                error->message);
          return;
        }
      window = kt_document_window_new (application, self->library, document);
      g_signal_connect_object (window, "activities-changed",
                               G_CALLBACK (kt_document_window_emit_activities_changed),
                               self, G_CONNECT_SWAPPED);
    }

  if (clause->quads->len > 0)
    {
      g_autofree char *words = g_strdup (clause->text);
      const char *list[] = { NULL, NULL };

      /* The first line's words find it on its page */
      list[0] = g_strdelimit (words, "\n", '\0');
      kt_document_window_show_page (window, clause->page + 1, list);
    }
  gtk_window_present (GTK_WINDOW (window));
}

/* ---- set-up ---- */

static void
view_selection_notify_cb (KtDocumentWindow *self)
{
  kt_document_window_update_actions (self);
}

void
kt_document_window_clauses_init (KtDocumentWindow *self)
{
  g_signal_connect_object (self->pdf_view, "notify::has-selection",
                           G_CALLBACK (view_selection_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clause_panel, "clause-activated", G_CALLBACK (panel_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clause_panel, "edit-clause", G_CALLBACK (edit_clause_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clause_panel, "remove-clause", G_CALLBACK (remove_clause_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clause_panel, "create-activity",
                           G_CALLBACK (kt_document_window_create_activity), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clause_panel, "link-activity",
                           G_CALLBACK (kt_document_window_link_activity), self, G_CONNECT_SWAPPED);
}
