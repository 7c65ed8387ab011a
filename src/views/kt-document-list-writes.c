/* kt-document-list-writes.c — removing a document (undoable) and changing
 * its kind
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writes go through kt_write_run () from the list, which outlives its
 * rows: a colleague's lock is waited for, a lost file offers to try again,
 * and an error comes back here only if it was not shown already.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-document-list-private.h"
#include "kt-undo-toast.h"
#include "kt-write-retry.h"

typedef struct {
  KtDocumentList *list;
  KtStore        *store;
  KtDocument     *document;
  int             kind;      /* kind change: the new kind */
} Write;

static Write *
write_new (KtDocumentList   *self,
           const KtDocument *document)
{
  Write *write = g_new0 (Write, 1);

  write->list = g_object_ref (self);
  write->store = g_object_ref (kt_document_list_get_store (self));
  write->document = kt_document_copy (document);
  return write;
}

static void
write_free (Write *write)
{
  g_clear_object (&write->list);
  g_clear_object (&write->store);
  g_clear_pointer (&write->document, kt_document_free);
  g_free (write);
}

static void
show_write_error (KtDocumentList *self,
                  const char     *heading,
                  const GError   *error)
{
  if (!kt_write_error_was_shown (error))
    kt_dialog_show_error (GTK_WIDGET (self), heading, error->message);
}

/* Returns FALSE (and frees @write) when another write of the list still
 * waits for the file. */
static gboolean
run_write (KtDocumentList *self,
           KtWriteFunc     func,
           KtWriteDone     done,
           Write          *write)
{
  if (kt_write_run (GTK_WIDGET (self), func, done, write, (GDestroyNotify) write_free))
    return TRUE;

  write_free (write);
  return FALSE;
}

static gboolean
reload_idle_cb (gpointer data)
{
  kt_document_list_reload (data);
  return G_SOURCE_REMOVE;
}

/* For the row's own menu actions: the row is still busy with them */
static void
reload_later (KtDocumentList *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
restore_write (gpointer   data,
               GError   **error)
{
  Write *write = data;

  return kt_store_restore_document (write->store, write->document->id, error);
}

static void
restore_done (gpointer      data,
              const GError *error)
{
  Write *write = data;

  if (error != NULL)
    show_write_error (write->list, _("Could Not Undo"), error);

  if (kt_document_list_get_store (write->list) == write->store)
    kt_document_list_reload (write->list);
  kt_document_list_emit_changed (write->list);
}

static void
undo_remove_cb (gpointer data)
{
  Write *undo = data;
  Write *write = write_new (undo->list, undo->document);

  g_clear_object (&write->store);
  write->store = g_object_ref (undo->store);
  run_write (undo->list, restore_write, restore_done, write);
}

static gboolean
remove_write (gpointer   data,
              GError   **error)
{
  Write *write = data;

  return kt_store_delete_document (write->store, write->document->id, write->document->version,
                                   error);
}

static void
remove_done (gpointer      data,
             const GError *error)
{
  Write *write = data;
  KtDocumentList *self = write->list;
  g_autofree char *message = NULL;

  if (error != NULL)
    {
      show_write_error (self, _("The Document Could Not Be Removed"), error);
      kt_document_list_reload (self);
      return;
    }

  /* Translators: %s is a file name */
  message = g_strdup_printf (_("“%s” removed"), write->document->original_name);
  gtk_widget_grab_focus (self->attach_button);
  reload_later (self);
  kt_undo_toast_show (GTK_WIDGET (self), message, undo_remove_cb,
                      write_new (self, write->document), (GDestroyNotify) write_free);
  kt_document_list_emit_changed (self);
}

void
kt_document_list_remove (KtDocumentList *self,
                         KtDocumentRow  *row)
{
  if (!kt_document_list_is_writable (self))
    return;

  run_write (self, remove_write, remove_done, write_new (self, kt_document_row_get_document (row)));
}

static gboolean
kind_write (gpointer   data,
            GError   **error)
{
  Write *write = data;
  g_autoptr(KtDocument) document = kt_document_copy (write->document);

  document->kind = write->kind;
  return kt_store_update_document (write->store, document, error);
}

static void
kind_done (gpointer      data,
           const GError *error)
{
  Write *write = data;

  if (error != NULL)
    show_write_error (write->list, _("The Kind Could Not Be Changed"), error);
  reload_later (write->list);
}

void
kt_document_list_change_kind (KtDocumentList *self,
                              int             kind,
                              KtDocumentRow  *row)
{
  Write *write;

  if (!kt_document_list_is_writable (self))
    return;

  write = write_new (self, kt_document_row_get_document (row));
  write->kind = kind;
  /* Refused while another write waits: the row shows the stored kind again */
  if (!run_write (self, kind_write, kind_done, write))
    reload_later (self);
}

