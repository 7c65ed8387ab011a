/* kt-activity-editor-save.c — saving an activity to a shared file
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save goes through kt_write_run (): a locked file is waited for, a
 * failing one keeps the edit in the window. A save that lost a race with
 * a colleague opens the merge dialog, theirs or mine per field.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-activity-editor-private.h"
#include "kt-dialogs.h"
#include "kt-merge-dialog.h"
#include "kt-write-retry.h"

static void
finish_saved (KtActivityEditor *self,
              gint64            id)
{
  kt_activity_editor_emit_saved (self, id);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
merge_saved_cb (KtActivityEditor *self,
                gpointer          record)
{
  finish_saved (self, ((KtActivity *) record)->id);
}

/* A colleague saved the activity since it was opened: theirs and mine,
 * field by field. */
static void
show_merge (KtActivityEditor *self,
            const KtActivity *mine)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KtActivity) theirs = NULL;
  KtStoreMerge *merge;
  KtMergeDialog *dialog;

  merge = kt_store_merge_activity_new (self->store, self->base, mine, &error);
  if (merge == NULL)
    {
      /* Deleted meanwhile: the message says by whom; the form stays open
       * to copy from. */
      kt_dialog_show_error (GTK_WIDGET (self), _("The Activity Could Not Be Saved"),
                            error->message);
      return;
    }

  /* Both made the same changes: nothing to choose. */
  if (kt_store_merge_get_n_fields (merge) == 0)
    {
      theirs = kt_store_merge_save (self->store, merge, &error);
      kt_store_merge_free (merge);
      if (theirs != NULL)
        finish_saved (self, theirs->id);
      else
        kt_dialog_show_error (GTK_WIDGET (self), _("The Activity Could Not Be Saved"),
                              error->message);
      return;
    }

  /* "cancelled" needs nothing: the form keeps the edit and its base. */
  dialog = kt_merge_dialog_new (GTK_WINDOW (self), _("Someone Else Changed This Activity"),
                                self->store, merge);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (merge_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  KtActivityEditor *self;     /* not a reference: kt_write_run () ends with the window */
  KtStore          *store;
  KtActivity       *record;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->store);
  g_clear_pointer (&request->record, kt_activity_free);
  g_free (request);
}

static gboolean
save_write_cb (gpointer   data,
               GError   **error)
{
  SaveRequest *request = data;

  if (request->record->id == 0)
    return kt_store_insert_activity (request->store, request->record, error);

  return kt_store_update_activity (request->store, request->record, error);
}

static void
save_done_cb (gpointer      data,
              const GError *error)
{
  SaveRequest *request = data;
  KtActivityEditor *self = request->self;

  if (error == NULL)
    {
      finish_saved (self, request->record->id);
      return;
    }

  if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT))
    show_merge (self, request->record);
  else if (!kt_write_error_was_shown (error))
    kt_dialog_show_error (GTK_WIDGET (self), _("The Activity Could Not Be Saved"),
                          error->message);

  kt_activity_editor_update_state (self);
}

void
kt_activity_editor_save_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  /* A save that ends at once closes the window: it stays here until then. */
  g_autoptr(KtActivityEditor) self = g_object_ref (KT_ACTIVITY_EDITOR (widget));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KtActivity) record = NULL;
  SaveRequest *request;
  gboolean dirty;

  /* Every problem is an error now, also in rows not visited yet. */
  kt_activity_editor_touch_all (self);
  kt_activity_editor_update_state (self);
  if (!self->can_save)
    return;

  record = kt_activity_editor_collect (self, &problems, &dirty);
  if (problems->len > 0)
    return;

  request = g_new0 (SaveRequest, 1);
  request->self = self;
  request->store = g_object_ref (self->store);
  request->record = g_steal_pointer (&record);
  if (!kt_write_run (widget, save_write_cb, save_done_cb, request,
                     (GDestroyNotify) save_request_free))
    {
      save_request_free (request);
      return;
    }

  /* Save stays off while the file is locked. */
  if (!self->closing)
    kt_activity_editor_update_state (self);
}
