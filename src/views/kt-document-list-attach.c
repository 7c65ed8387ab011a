/* kt-document-list-attach.c — attaching files one after another: copied
 * into the documents folder off the main thread, their rows written
 * through kt_write_run (), one dialog with what failed at the end
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-document-files.h"
#include "kt-document-list-private.h"
#include "kt-document-row.h"
#include "kt-write-retry.h"

/* A file waiting to be attached, or being attached. It keeps its contract:
 * the page may show another one before the copy is done. */
typedef struct {
  GFile  *file;
  char   *name;
  gint64  contract_id;
} Attach;

typedef struct {
  char *name;
  char *message;
} Failure;

static Attach *
attach_new (GFile  *file,
            gint64  contract_id)
{
  Attach *attach = g_new0 (Attach, 1);

  attach->file = g_object_ref (file);
  attach->name = g_file_get_basename (file);
  if (attach->name == NULL)
    attach->name = g_file_get_uri (file);
  attach->contract_id = contract_id;
  return attach;
}

static void
attach_free (Attach *attach)
{
  g_clear_object (&attach->file);
  g_free (attach->name);
  g_free (attach);
}

static void
failure_free (Failure *failure)
{
  g_free (failure->name);
  g_free (failure->message);
  g_free (failure);
}

/* ---- attaching ---- */

static void start_next (KtDocumentList *self);

static void
report_failures (KtDocumentList *self)
{
  g_autoptr(GString) message = g_string_new (NULL);
  g_autofree char *heading = NULL;

  if (self->failures->len == 0)
    return;

  if (self->failures->len == 1)
    {
      Failure *failure = g_ptr_array_index (self->failures, 0);

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("“%s” Was Not Attached"), failure->name);
      g_string_append (message, failure->message);
    }
  else
    {
      heading = g_strdup_printf (ngettext ("%u File Was Not Attached",
                                           "%u Files Were Not Attached",
                                           self->failures->len),
                                 self->failures->len);
      for (guint i = 0; i < self->failures->len; i++)
        {
          Failure *failure = g_ptr_array_index (self->failures, i);

          if (i > 0)
            g_string_append_c (message, '\n');
          /* Translators: a file name and why it was not attached */
          g_string_append_printf (message, _("%s: %s"), failure->name, failure->message);
        }
    }
  g_ptr_array_set_size (self->failures, 0);
  kt_dialog_show_error (GTK_WIDGET (self), heading, message->str);
}

static void
add_failure (KtDocumentList *self,
             const char     *name,
             const char     *message)
{
  Failure *failure = g_new0 (Failure, 1);

  failure->name = g_strdup (name);
  failure->message = g_strdup (message);
  g_ptr_array_add (self->failures, failure);
}

/* The current file is attached, or not: on to the next one. */
static void
finish_current (KtDocumentList *self,
                const GError   *error)
{
  Attach *attach = g_steal_pointer (&self->current);

  if (error == NULL)
    kt_document_list_emit_changed (self);
  /* Said already, by the dialog that offered to try again */
  else if (!kt_write_error_was_shown (error))
    add_failure (self, attach->name, error->message);
  attach_free (attach);

  start_next (self);
  kt_document_list_reload (self);
}

/* The file is in the documents folder; its row is written from the main
 * loop through kt_write_run (), which waits for a colleague's lock. */
typedef struct {
  KtDocumentList *list;
  KtStore        *store;
  KtDocument     *document;
} Insert;

static void
insert_free (Insert *insert)
{
  g_clear_object (&insert->list);
  g_clear_object (&insert->store);
  g_clear_pointer (&insert->document, kt_document_free);
  g_free (insert);
}

static gboolean
insert_write (gpointer   data,
              GError   **error)
{
  Insert *insert = data;

  return kt_store_insert_document (insert->store, insert->document, error);
}

static void
insert_done (gpointer      data,
             const GError *error)
{
  Insert *insert = data;

  /* Another portfolio was opened meanwhile: its queue is another one */
  if (insert->list->rows == NULL || insert->list->current == NULL ||
      kt_document_list_get_store (insert->list) != insert->store)
    return;

  finish_current (insert->list, error);
}

/* What kt_document_library_attach () does before the row — copy, hash and
 * probe — off the main thread, with no store. */
typedef struct {
  char   *folder;
  GFile  *source;
  gint64  contract_id;
} Prepare;

static void
prepare_free (Prepare *prepare)
{
  g_free (prepare->folder);
  g_clear_object (&prepare->source);
  g_free (prepare);
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Prepare *prepare = task_data;
  g_auto(KtIncoming) in = { 0 };
  KtDocument *document;
  GError *error = NULL;

  if (!kt_document_files_copy_in (prepare->folder, prepare->source, &in, cancellable, &error) ||
      !kt_document_files_commit (prepare->folder, &in, FALSE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  document = kt_document_new ();
  document->contract_id = prepare->contract_id;
  document->kind = kt_document_guess_kind (in.display_name, in.media_type);
  document->sha256 = g_steal_pointer (&in.sha256);
  document->original_name = g_steal_pointer (&in.display_name);
  document->media_type = g_steal_pointer (&in.media_type);
  document->size = in.size;
  document->n_pages = in.n_pages;
  g_task_return_pointer (task, document, (GDestroyNotify) kt_document_free);
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KtDocumentList) self = user_data;
  GTask *task = G_TASK (result);
  g_autoptr(KtDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  Insert *insert;

  document = g_task_propagate_pointer (task, &error);

  /* Disposed, or another portfolio opened meanwhile: the queue is gone;
   * the copy stays in the folder (found again by its hash) */
  if (self->rows == NULL || g_task_get_cancellable (task) != self->cancellable ||
      g_cancellable_is_cancelled (self->cancellable) || self->current == NULL)
    return;

  if (document == NULL)
    {
      finish_current (self, error);
      return;
    }

  insert = g_new0 (Insert, 1);
  insert->list = g_object_ref (self);
  insert->store = g_object_ref (kt_document_list_get_store (self));
  insert->document = g_steal_pointer (&document);
  /* From the button, which lives as long as the list: files are written
   * one at a time, so no other write waits there */
  if (!kt_write_run (self->attach_button, insert_write, insert_done, insert,
                     (GDestroyNotify) insert_free))
    {
      g_set_error_literal (&error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY,
                           _("Another file is still waiting to be saved."));
      insert_free (insert);
      finish_current (self, error);
    }
}

static void
start_next (KtDocumentList *self)
{
  g_autoptr(GTask) task = NULL;
  Prepare *prepare;
  Attach *attach;

  if (self->current != NULL)
    return;

  attach = g_queue_pop_head (self->queue);
  if (attach == NULL)
    {
      report_failures (self);
      return;
    }

  self->current = attach;
  prepare = g_new0 (Prepare, 1);
  prepare->folder = g_strdup (kt_document_library_get_folder (self->library));
  prepare->source = g_object_ref (attach->file);
  prepare->contract_id = attach->contract_id;

  /* No source object: the list is never finalized in the worker */
  task = g_task_new (NULL, self->cancellable, prepared_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_next);
  g_task_set_task_data (task, prepare, (GDestroyNotify) prepare_free);
  g_task_run_in_thread (task, prepare_thread);
}

gboolean
kt_document_list_attach_files (KtDocumentList *self,
                               GFile *const   *files,
                               guint           n_files)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_LIST (self), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);

  if (!kt_document_list_can_attach (self) || n_files == 0)
    return FALSE;

  for (guint i = 0; i < n_files; i++)
    g_queue_push_tail (self->queue, attach_new (files[i], self->contract_id));
  start_next (self);
  kt_document_list_reload (self);
  return TRUE;
}

guint
kt_document_list_get_n_attaching (KtDocumentList *self)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_LIST (self), 0);

  return g_queue_get_length (self->queue) + (self->current != NULL ? 1 : 0);
}

static void
add_pending_row (KtDocumentList *self,
                 Attach         *attach)
{
  if (attach->contract_id == self->contract_id)
    kt_document_list_add_row (self, kt_document_row_new_pending (attach->name));
}

void
kt_document_list_add_pending_rows (KtDocumentList *self)
{
  if (self->current != NULL)
    add_pending_row (self, self->current);
  for (GList *l = self->queue->head; l != NULL; l = l->next)
    add_pending_row (self, l->data);
}

void
kt_document_list_files_clear (KtDocumentList *self)
{
  if (self->queue != NULL)
    g_queue_free_full (g_steal_pointer (&self->queue), (GDestroyNotify) attach_free);
  if (self->current != NULL)
    attach_free (g_steal_pointer (&self->current));
  g_clear_pointer (&self->failures, g_ptr_array_unref);
  self->dragging = FALSE;

  /* Ready for the next portfolio, unless this is the end (dispose) */
  if (self->rows != NULL)
    {
      self->queue = g_queue_new ();
      self->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) failure_free);
    }
}

