/* kt-contract-page-merge.c — the contract page on a file shared with colleagues
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves and deletes go through kt_write_run (), so a locked file is waited
 * for without freezing the window and a lost file keeps the edit. A save
 * that lost a race becomes a merge, field by field, against the contract
 * as it was loaded. Colleagues' saves reach the page through
 * kt_contract_page_refresh (): shown at once when nothing is being edited,
 * announced in a note above the form when something is.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-activity-list.h"
#include "kt-contract-form.h"
#include "kt-contract-page-private.h"
#include "kt-dialogs.h"
#include "kt-document-list.h"
#include "kt-format.h"
#include "kt-history-window.h"
#include "kt-list-refresh.h"
#include "kt-merge-dialog.h"
#include "kt-store-merge.h"
#include "kt-time-stamp.h"
#include "kt-write-retry.h"

/* Whether the page still shows what a write was started for: the user may
 * have gone on to another contract while the file was locked. */
static gboolean
still_showing (KtContractPage *self,
               KtStore        *store,
               guint           serial)
{
  return self->store == store && self->base != NULL && self->serial == serial;
}

static gboolean
has_edit (KtContractPage *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KtContract) record = NULL;
  gboolean dirty;

  record = kt_contract_page_collect (self, &problems, &dirty);

  return dirty;
}

static void
reload_history (KtContractPage *self)
{
  if (self->history != NULL)
    kt_history_window_reload (KT_HISTORY_WINDOW (self->history));
}

void
kt_contract_page_set_note (KtContractPage *self,
                           const char     *text)
{
  if (text != NULL)
    gtk_label_set_text (GTK_LABEL (self->note_label), text);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->note_revealer), text != NULL);
}

/* The contract is gone from the file. What the user typed stays in the
 * form, editable so that it can be selected and copied, but Save, Revert
 * and Delete are off: there is no row left to write to, and saving it as
 * a new contract would bring back what a colleague meant to remove. */
static void
show_deleted (KtContractPage *self,
              const char     *message)
{
  g_autofree char *text = NULL;

  if (has_edit (self))
    /* Translators: %s is the store's message, “… was deleted by Anna Jensen at …” */
    text = g_strdup_printf (_("%s Your changes stay in the form so that you can copy them, but "
                              "they can no longer be saved."), message);
  else
    text = g_strdup (message);

  self->deleted = TRUE;
  kt_contract_page_set_note (self, text);
  kt_activity_list_set_contract (KT_ACTIVITY_LIST (self->activities), NULL);
  kt_contract_page_update_state (self);
}

/* Who deleted it and when, from a merge's refusal, which names them. */
static void
show_deleted_now (KtContractPage *self)
{
  g_autoptr(GError) error = NULL;
  KtStoreMerge *merge = kt_store_merge_contract_new (self->store, self->base, self->base, &error);

  if (merge != NULL)
    {
      /* Back again meanwhile: the next refresh shows it. */
      kt_store_merge_free (merge);
      return;
    }

  show_deleted (self, error->message);
}

static void
show_colleague_change (KtContractPage   *self,
                       const KtContract *stored)
{
  g_autofree char *when = kt_time_stamp_format_short (stored->changed_at);
  g_autofree char *text = NULL;
  const char *who = stored->changed_by != NULL && *stored->changed_by != '\0'
                    ? stored->changed_by : _("A colleague");

  if (when != NULL)
    /* Translators: a person and a time, “Anna Jensen changed this contract at 14:32.” */
    text = g_strdup_printf (_("%s changed this contract at %s. When you save, you can choose "
                              "which changes to keep."), who, when);
  else
    text = g_strdup_printf (_("%s changed this contract. When you save, you can choose which "
                              "changes to keep."), who);

  self->deleted = FALSE;
  kt_contract_page_set_note (self, text);
}

/* Takes @record: the contract as written. Read back for the display names
 * (supplier, people) of the new ids. */
static void
take_saved (KtContractPage *self,
            KtContract     *record)
{
  KtContract *saved = kt_store_get_contract (self->store, record->id, NULL);

  if (saved != NULL)
    kt_contract_free (record);
  else
    saved = record;

  kt_contract_page_load_choices (self, saved->id);
  kt_contract_page_show_contract (self, saved, FALSE);
  reload_history (self);
  kt_contract_page_emit_saved (self, saved->id);
}

/* ---- merge ---- */

static void
merge_saved_cb (KtContractPage *self,
                gpointer        record)
{
  const KtContract *merged = record;

  if (self->store == NULL || self->base == NULL || self->base->id != merged->id)
    {
      kt_contract_page_emit_saved (self, merged->id);
      return;
    }

  take_saved (self, kt_contract_copy (merged));
}

static void
start_merge (KtContractPage   *self,
             const KtContract *mine)
{
  g_autoptr(GError) error = NULL;
  KtStoreMerge *merge;
  KtMergeDialog *dialog;

  merge = kt_store_merge_contract_new (self->store, self->base, mine, &error);
  if (merge == NULL)
    {
      if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND))
        {
          show_deleted (self, error->message);
          kt_dialog_show_error (GTK_WIDGET (self), _("Someone Else Deleted This Contract"),
                                gtk_label_get_text (GTK_LABEL (self->note_label)));
        }
      else
        kt_dialog_show_error (GTK_WIDGET (self), _("The Contract Could Not Be Saved"),
                              error->message);
      return;
    }

  /* Both made the same changes: nothing to choose, theirs is mine. */
  if (kt_store_merge_get_n_fields (merge) == 0)
    {
      KtContract *theirs = kt_store_merge_save (self->store, merge, &error);

      kt_store_merge_free (merge);
      if (theirs != NULL)
        take_saved (self, theirs);
      else
        kt_dialog_show_error (GTK_WIDGET (self), _("The Contract Could Not Be Saved"),
                              error->message);
      return;
    }

  dialog = kt_merge_dialog_new (kt_dialog_parent_for (GTK_WIDGET (self)),
                                _("Someone Else Changed This Contract"), self->store, merge);
  /* "cancelled" needs nothing: the form keeps the edit and its base, and
   * the next Save merges again. */
  g_signal_connect_object (dialog, "saved", G_CALLBACK (merge_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- save ---- */

typedef struct {
  KtContractPage *self;
  KtStore        *store;
  KtContract     *record;
  guint           serial;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->store);
  g_clear_pointer (&request->record, kt_contract_free);
  g_free (request);
}

static gboolean
save_write_cb (gpointer   data,
               GError   **error)
{
  SaveRequest *request = data;

  if (request->record->id == 0)
    return kt_store_insert_contract (request->store, request->record, error);

  return kt_store_update_contract (request->store, request->record, error);
}

static void
save_done_cb (gpointer      data,
              const GError *error)
{
  SaveRequest *request = data;
  KtContractPage *self = request->self;

  self->writing = FALSE;

  if (!still_showing (self, request->store, request->serial))
    {
      /* Saved after the user moved on: the window still has to know. */
      if (error == NULL)
        kt_contract_page_emit_saved (self, request->record->id);
      else if (!kt_write_error_was_shown (error))
        kt_dialog_show_error (GTK_WIDGET (self), _("The Contract Could Not Be Saved"),
                              error->message);
    }
  else if (error == NULL)
    take_saved (self, g_steal_pointer (&request->record));
  else if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT))
    start_merge (self, request->record);
  else if (!kt_write_error_was_shown (error))
    kt_dialog_show_error (GTK_WIDGET (self), _("The Contract Could Not Be Saved"),
                          error->message);

  if (self->base != NULL)
    kt_contract_page_update_state (self);
}

void
kt_contract_page_save_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  KtContractPage *self = KT_CONTRACT_PAGE (widget);
  g_autoptr(GPtrArray) problems = NULL;
  KtContract *record;
  SaveRequest *request;
  gboolean dirty;

  kt_contract_page_update_state (self);
  if (!self->can_save || self->writing)
    return;

  record = kt_contract_page_collect (self, &problems, &dirty);
  if (problems->len > 0)
    {
      kt_contract_free (record);
      return;
    }

  request = g_new0 (SaveRequest, 1);
  request->self = g_object_ref (self);
  request->store = g_object_ref (self->store);
  request->record = record;
  request->serial = self->serial;

  self->writing = TRUE;
  kt_contract_page_update_state (self);
  if (!kt_write_run (widget, save_write_cb, save_done_cb, request,
                     (GDestroyNotify) save_request_free))
    {
      self->writing = FALSE;
      save_request_free (request);
      kt_contract_page_update_state (self);
    }
}

/* ---- delete ---- */

typedef struct {
  KtContractPage *self;
  KtStore        *store;
  gint64          id;
  gint64          version;
  guint           serial;
} DeleteRequest;

static void
delete_request_free (DeleteRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->store);
  g_free (request);
}

static gboolean
delete_write_cb (gpointer   data,
                 GError   **error)
{
  DeleteRequest *request = data;

  return kt_store_delete_contract (request->store, request->id, request->version, error);
}

static void
delete_done_cb (gpointer      data,
                const GError *error)
{
  DeleteRequest *request = data;
  KtContractPage *self = request->self;

  self->writing = FALSE;

  if (error == NULL)
    kt_contract_page_emit_deleted (self, request->id);
  else if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT))
    {
      /* Changed or deleted by a colleague since it was loaded: show what
       * happened before anything is deleted. */
      kt_dialog_show_error (GTK_WIDGET (self), _("The Contract Was Not Deleted"),
                            error->message);
      if (still_showing (self, request->store, request->serial))
        kt_contract_page_refresh (self);
    }
  else if (!kt_write_error_was_shown (error))
    kt_dialog_show_error (GTK_WIDGET (self), _("The Contract Could Not Be Deleted"),
                          error->message);

  if (self->base != NULL)
    kt_contract_page_update_state (self);
}

void
kt_contract_page_delete_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  KtContractPage *self = KT_CONTRACT_PAGE (widget);
  DeleteRequest *request;

  if (self->base == NULL || self->base->id == 0 || self->store == NULL ||
      kt_store_is_read_only (self->store) || self->deleted || self->writing)
    return;

  request = g_new0 (DeleteRequest, 1);
  request->self = g_object_ref (self);
  request->store = g_object_ref (self->store);
  request->id = self->base->id;
  request->version = self->base->version;
  request->serial = self->serial;

  self->writing = TRUE;
  kt_contract_page_update_state (self);
  if (!kt_write_run (widget, delete_write_cb, delete_done_cb, request,
                     (GDestroyNotify) delete_request_free))
    {
      self->writing = FALSE;
      delete_request_free (request);
      kt_contract_page_update_state (self);
    }
}

/* ---- history ---- */

void
kt_contract_page_history_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  KtContractPage *self = KT_CONTRACT_PAGE (widget);
  g_autofree char *title = NULL;
  KtHistoryWindow *window;

  if (self->store == NULL || self->base == NULL || self->base->id == 0)
    return;

  if (self->history != NULL && self->history_id == self->base->id)
    {
      gtk_window_present (self->history);
      return;
    }

  /* Translators: a window's title: the contract's number and name */
  title = g_strdup_printf (_("History of %s %s"),
                           self->base->number != NULL ? self->base->number : "",
                           self->base->name != NULL ? self->base->name : "");
  window = kt_history_window_new (kt_dialog_parent_for (widget), self->store, "contract",
                                  self->base->id, title);
  g_set_weak_pointer (&self->history, GTK_WINDOW (window));
  self->history_id = self->base->id;
  gtk_window_present (GTK_WINDOW (window));
}

/* ---- colleagues' saves ---- */

/* A colleague's newer version with nothing of the user's to lose: shown
 * where the user was, so that the page does not jump under them. */
static void
reload_in_place (KtContractPage *self,
                 KtContract     *stored)
{
  KtListRefresh place;

  /* The form's rows stay the same widgets; the activities put their own
   * focus back. Anything else that lost it gets it back at the end. */
  kt_list_refresh_begin (&place, GTK_WIDGET (self),
                         kt_contract_form_get_scroller (KT_CONTRACT_FORM (self->form)), NULL);
  kt_contract_page_load_choices (self, stored->id);
  kt_contract_page_show_contract (self, stored, TRUE);
  kt_list_refresh_end (&place);
}

void
kt_contract_page_refresh (KtContractPage *self)
{
  g_autoptr(KtContract) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KT_IS_CONTRACT_PAGE (self));

  if (self->store == NULL || self->base == NULL)
    return;

  reload_history (self);

  /* A new contract has nothing in the file to compare with yet. */
  if (self->base->id == 0)
    return;

  stored = kt_store_get_contract (self->store, self->base->id, &error);
  if (stored == NULL)
    {
      if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND))
        {
          if (!self->deleted)
            show_deleted_now (self);
        }
      else if (!kt_list_refresh_should_skip (error))
        /* The window says when the file cannot be reached. */
        g_debug ("Could not refresh the contract: %s", error->message);
      return;
    }

  if (stored->version != self->base->version || self->deleted)
    {
      if (!self->writing && !has_edit (self))
        {
          /* Activities and documents are read again with it. */
          reload_in_place (self, g_steal_pointer (&stored));
          return;
        }

      /* The edit stays measured against what it started from, so that a
       * save can tell the user's changes from the colleague's. */
      show_colleague_change (self, stored);
      kt_contract_page_update_state (self);
    }

  /* The computed deadlines follow the contract as stored. */
  kt_activity_list_refresh (KT_ACTIVITY_LIST (self->activities), stored);
  kt_document_list_refresh (KT_DOCUMENT_LIST (self->documents));
}
