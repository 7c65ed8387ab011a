/* kt-document-window-export.c — a copy of the PDF with the clauses as
 * highlight annotations that other viewers show
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-document-window-private.h"

typedef struct {
  KtPdfDocument *pdf;
  GPtrArray     *clauses;
  char          *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->pdf);
  g_ptr_array_unref (data->clauses);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (kt_pdf_document_save_with_highlights (data->pdf, data->clauses, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
kt_document_window_export_async (KtDocumentWindow   *self,
                                 GFile              *file,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (KT_IS_DOCUMENT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, kt_document_window_export_async);

  if (self->pdf == NULL || g_file_peek_path (file) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "%s", _("The document is not open."));
      return;
    }

  /* The worker gets its own copies: the clauses may be reloaded meanwhile */
  data = g_new0 (ExportData, 1);
  data->pdf = g_object_ref (self->pdf);
  data->clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_clause_free);
  for (guint i = 0; self->document_clauses != NULL && i < self->document_clauses->len; i++)
    g_ptr_array_add (data->clauses, kt_clause_copy (g_ptr_array_index (self->document_clauses, i)));
  data->path = g_file_get_path (file);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
kt_document_window_export_finish (KtDocumentWindow  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  KtDocumentWindow *self = KT_DOCUMENT_WINDOW (source);
  g_autoptr(GFile) file = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!kt_document_window_export_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        kt_dialog_show_error (GTK_WIDGET (self), _("The Copy Could Not Be Exported"), error->message);
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: %s is the name of the exported PDF file */
  message = g_strdup_printf (_("Exported with highlights to “%s”"), name);
  kt_document_window_toast (self, message);
}

static void
export_response_cb (GtkNativeDialog  *native,
                    int               response,
                    KtDocumentWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      /* A name typed without an extension gets one: other viewers go by it */
      if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
        {
          g_autofree char *longer = g_strconcat (path, ".pdf", NULL);

          g_object_unref (file);
          file = g_file_new_for_path (longer);
        }
      kt_document_window_export_async (self, file, export_done_cb, g_object_ref (file));
    }

  g_object_unref (self);
  g_object_unref (native);
}

static char *
suggested_name (const KtDocument *document)
{
  g_autofree char *base = g_strdup (document->original_name != NULL ? document->original_name : "");
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *dot = '\0';

  /* Translators: the suggested name of an exported copy with the clauses
   * highlighted; %s is the document's name without ".pdf" (Danish "%s (markeret).pdf") */
  return g_strdup_printf (_("%s (highlighted).pdf"), base);
}

void
kt_document_window_export (KtDocumentWindow *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->state != KT_DOCUMENT_WINDOW_READY)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  native = gtk_file_chooser_native_new (_("Export with Highlights"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = suggested_name (self->document);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
