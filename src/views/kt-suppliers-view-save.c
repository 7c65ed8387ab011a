/* kt-suppliers-view-save.c — the suppliers view on a file shared with colleagues
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves and deletes go through kt_write_run (): a locked file is waited
 * for, a failing one keeps the edit in the form. A save that lost a race
 * with a colleague opens the merge dialog, field by field. A colleague's
 * save seen by a refresh replaces the form when it holds nothing of the
 * user's, and is announced in a note above it when it does.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-format.h"
#include "kt-history-window.h"
#include "kt-list-refresh.h"
#include "kt-merge-dialog.h"
#include "kt-supplier-editor.h"
#include "kt-supplier-list.h"
#include "kt-suppliers-view-private.h"
#include "kt-validation.h"
#include "kt-time-stamp.h"
#include "kt-write-retry.h"

static GtkWidget *
find_scrolled (GtkWidget *root)
{
  if (GTK_IS_SCROLLED_WINDOW (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scrolled (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
kt_suppliers_view_set_note (KtSuppliersView *self,
                            const char      *text)
{
  if (text != NULL)
    gtk_label_set_text (GTK_LABEL (self->note_label), text);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->note_revealer), text != NULL);
}

static void
show_list_error (KtSuppliersView *self,
                 const GError    *error)
{
  kt_dialog_show_error (GTK_WIDGET (self), _("The Suppliers Could Not Be Read"), error->message);
}

/* After a write: the list again, and @id (0: nothing) in the editor. */
static void
show_written (KtSuppliersView *self,
              KtSupplier      *supplier)
{
  g_autoptr(GError) error = NULL;
  gint64 id = supplier != NULL ? supplier->id : 0;

  if (!kt_suppliers_view_read_list (self, &error))
    show_list_error (self, error);
  kt_suppliers_view_show_record (self, supplier);
  kt_supplier_list_select (KT_SUPPLIER_LIST (self->list), id);
}

/* ---- Merging with a colleague's save ---- */

static void
merge_saved_cb (KtSuppliersView *self,
                gpointer         record)
{
  show_written (self, kt_supplier_copy (record));
}

static void
show_merge (KtSuppliersView  *self,
            KtStore          *store,
            const KtSupplier *base,
            const KtSupplier *mine)
{
  g_autoptr(GError) error = NULL;
  KtStoreMerge *merge;
  KtMergeDialog *dialog;

  merge = kt_store_merge_supplier_new (store, base, mine, &error);
  if (merge == NULL)
    {
      /* Deleted meanwhile: the message names who; the form keeps the edit
       * to copy from. */
      if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND))
        kt_suppliers_view_set_note (self, error->message);
      kt_dialog_show_error (GTK_WIDGET (self), _("The Supplier Could Not Be Saved"),
                            error->message);
      return;
    }

  /* Both made the same changes: nothing to choose. */
  if (kt_store_merge_get_n_fields (merge) == 0)
    {
      KtSupplier *theirs = kt_store_merge_save (store, merge, &error);

      kt_store_merge_free (merge);
      if (theirs != NULL)
        show_written (self, theirs);
      else
        kt_dialog_show_error (GTK_WIDGET (self), _("The Supplier Could Not Be Saved"),
                              error->message);
      return;
    }

  dialog = kt_merge_dialog_new (kt_dialog_parent_for (GTK_WIDGET (self)),
                                _("Someone Else Changed This Supplier"), store, merge);
  /* "cancelled" needs nothing: the form keeps the edit and its base, and
   * the next Save merges again. */
  g_signal_connect_object (dialog, "saved", G_CALLBACK (merge_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Save ---- */

typedef struct {
  KtSuppliersView *self;     /* not a reference: kt_write_run () ends with the view */
  KtStore         *store;
  KtSupplier      *base;     /* what the edit started from */
  KtSupplier      *record;   /* the form's */
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->store);
  g_clear_pointer (&request->base, kt_supplier_free);
  g_clear_pointer (&request->record, kt_supplier_free);
  g_free (request);
}

static gboolean
save_write_cb (gpointer   data,
               GError   **error)
{
  SaveRequest *request = data;

  if (request->record->id == 0)
    return kt_store_insert_supplier (request->store, request->record, error);

  return kt_store_update_supplier (request->store, request->record, error);
}

static void
save_done_cb (gpointer      data,
              const GError *error)
{
  SaveRequest *request = data;
  KtSuppliersView *self = request->self;

  /* Another portfolio was opened meanwhile. */
  if (self->store != request->store)
    return;

  if (error == NULL)
    {
      g_autoptr(GError) read_error = NULL;

      if (!kt_suppliers_view_read_list (self, &read_error))
        show_list_error (self, read_error);
      kt_suppliers_view_load (self, request->record->id);
    }
  else if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT))
    show_merge (self, request->store, request->base, request->record);
  else if (!kt_write_error_was_shown (error))
    kt_dialog_show_error (GTK_WIDGET (self), _("The Supplier Could Not Be Saved"),
                          error->message);

  kt_suppliers_view_update_state (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KtSuppliersView *self = KT_SUPPLIERS_VIEW (widget);
  g_autoptr(GPtrArray) problems = NULL;
  SaveRequest *request;

  kt_suppliers_view_update_state (self);
  if (!self->can_save)
    return;

  request = g_new0 (SaveRequest, 1);
  request->self = self;
  request->store = g_object_ref (self->store);
  request->base = kt_supplier_copy (self->base);
  request->record = kt_supplier_editor_get_supplier (KT_SUPPLIER_EDITOR (self->editor),
                                                     self->base);

  /* Checked again here: nothing invalid reaches the file, whatever the
   * state of the button. */
  problems = kt_supplier_validate (request->record);
  if (problems->len > 0 ||
      !kt_write_run (widget, save_write_cb, save_done_cb, request,
                     (GDestroyNotify) save_request_free))
    {
      save_request_free (request);
      return;
    }

  /* Save stays off while the file is locked. */
  kt_suppliers_view_update_state (self);
}

/* ---- Delete ---- */

typedef struct {
  KtSuppliersView *self;     /* not a reference, as above */
  KtStore         *store;
  gint64           id;
  gint64           version;
} DeleteRequest;

static void
delete_request_free (DeleteRequest *request)
{
  g_clear_object (&request->store);
  g_free (request);
}

static gboolean
delete_write_cb (gpointer   data,
                 GError   **error)
{
  DeleteRequest *request = data;

  return kt_store_delete_supplier (request->store, request->id, request->version, error);
}

static void
delete_done_cb (gpointer      data,
                const GError *error)
{
  DeleteRequest *request = data;
  KtSuppliersView *self = request->self;

  if (self->store != request->store)
    return;

  /* Gone either way: a colleague deleted it first. */
  if (error == NULL || g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND))
    {
      show_written (self, NULL);
      adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_BACK);
    }
  else if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT))
    {
      g_autofree char *message = NULL;

      /* Their change is shown (or announced) before anything goes. */
      kt_suppliers_view_refresh (self);
      /* Translators: %s is the store's message, “… was changed by Anna Jensen at …” */
      message = g_strdup_printf (_("%s\n\nNothing was deleted. Look at their change, then "
                                   "delete the supplier again if it should still go."),
                                 error->message);
      kt_dialog_show_error (GTK_WIDGET (self), _("Someone Else Changed This Supplier"), message);
    }
  else if (!kt_write_error_was_shown (error))
    kt_dialog_show_error (GTK_WIDGET (self), _("The Supplier Could Not Be Deleted"),
                          error->message);

  kt_suppliers_view_update_state (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    KtSuppliersView  *self)
{
  DeleteRequest *request;

  if (g_strcmp0 (response, "delete") != 0 || self->base == NULL || self->base->id == 0)
    return;

  request = g_new0 (DeleteRequest, 1);
  request->self = self;
  request->store = g_object_ref (self->store);
  request->id = self->base->id;
  request->version = self->base->version;
  if (!kt_write_run (GTK_WIDGET (self), delete_write_cb, delete_done_cb, request,
                     (GDestroyNotify) delete_request_free))
    {
      delete_request_free (request);
      return;
    }

  kt_suppliers_view_update_state (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KtSuppliersView *self = KT_SUPPLIERS_VIEW (widget);
  GtkWidget *dialog;

  if (self->base == NULL || self->base->id == 0 || kt_suppliers_view_is_read_only (self))
    return;

  /* Unlike a contract, a deleted supplier cannot be brought back. */
  dialog = adw_message_dialog_new (kt_dialog_parent_for (GTK_WIDGET (self)),
                                   _("Delete Supplier?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and its contact persons will be removed from the "
                                    "portfolio. This cannot be undone."),
                                  self->base->name != NULL ? self->base->name : "");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- History ---- */

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KtSuppliersView *self = KT_SUPPLIERS_VIEW (widget);
  g_autofree char *title = NULL;
  KtHistoryWindow *window;

  if (self->store == NULL || self->base == NULL || self->base->id == 0)
    return;

  if (self->history != NULL && self->history_id == self->base->id)
    {
      gtk_window_present (self->history);
      return;
    }

  /* Translators: a window's title; %s is the supplier's name */
  title = g_strdup_printf (_("History of %s"), self->base->name != NULL ? self->base->name : "");
  window = kt_history_window_new (kt_dialog_parent_for (widget), self->store, "supplier",
                                  self->base->id, title);
  g_set_weak_pointer (&self->history, GTK_WINDOW (window));
  self->history_id = self->base->id;
  gtk_window_present (GTK_WINDOW (window));
}

void
kt_suppliers_view_class_add_writes (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "suppliers.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "suppliers.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "suppliers.history", NULL, history_action);
}

/* ---- Colleagues' saves ---- */

/* Errors a refresh passes over: a lock held for a moment, and a file out
 * of reach, which the window reports itself. The next poll reads again. */
static gboolean
refresh_skips (const GError *error)
{
  return kt_list_refresh_should_skip (error) ||
         g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_IO);
}

static void
show_deleted_by_colleague (KtSuppliersView *self,
                           const GError    *error)
{
  g_autofree char *text = NULL;

  if (!kt_suppliers_view_is_dirty (self))
    {
      kt_suppliers_view_show_record (self, NULL);
      kt_supplier_list_select (KT_SUPPLIER_LIST (self->list), 0);
      return;
    }

  /* Translators: %s is the store's message, saying the supplier is gone */
  text = g_strdup_printf (_("%s Your changes stay in the form so that you can copy them, but "
                            "they can no longer be saved."), error->message);
  kt_suppliers_view_set_note (self, text);
}

static void
announce_change (KtSuppliersView  *self,
                 const KtSupplier *stored)
{
  g_autofree char *when = kt_time_stamp_format_short (stored->changed_at);
  g_autofree char *text = NULL;

  if (stored->changed_by != NULL && when != NULL)
    /* Translators: a person and a time, “Anna Jensen changed this supplier at 14:32.” */
    text = g_strdup_printf (_("%s changed this supplier at %s. When you save, you can choose "
                              "which changes to keep."), stored->changed_by, when);
  else
    text = g_strdup (_("Someone else changed this supplier. When you save, you can choose "
                       "which changes to keep."));

  kt_suppliers_view_set_note (self, text);
}

void
kt_suppliers_view_refresh (KtSuppliersView *self)
{
  g_autoptr(KtSupplier) stored = NULL;
  g_autoptr(GError) error = NULL;
  KtListRefresh place;
  gboolean read;

  g_return_if_fail (KT_IS_SUPPLIERS_VIEW (self));

  if (self->store == NULL)
    return;

  kt_suppliers_view_show_store_state (self);

  kt_list_refresh_begin (&place, self->list, find_scrolled (self->list), NULL);
  read = kt_suppliers_view_read_list (self, &error);
  kt_list_refresh_end (&place);
  if (!read)
    {
      if (!refresh_skips (error))
        show_list_error (self, error);
      return;
    }

  if (self->history != NULL)
    kt_history_window_reload (KT_HISTORY_WINDOW (self->history));

  if (self->base == NULL || self->base->id == 0)
    return;

  stored = kt_store_get_supplier (self->store, self->base->id, &error);
  if (stored == NULL)
    {
      if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND))
        show_deleted_by_colleague (self, error);
      else if (!refresh_skips (error))
        g_warning ("Could not read the supplier again: %s", error->message);
      return;
    }

  if (stored->version == self->base->version)
    return;

  /* The edit and what it started from stay: Save merges. */
  if (kt_suppliers_view_is_dirty (self))
    {
      announce_change (self, stored);
      return;
    }

  /* Nothing of the user's to lose: the newer version, where they were. */
  kt_list_refresh_begin (&place, self->editor, find_scrolled (self->editor), NULL);
  kt_suppliers_view_show_record (self, g_steal_pointer (&stored));
  kt_list_refresh_end (&place);
}
