/* kt-document-list-files.c — files into the documents folder: the Attach
 * button, dropped files, putting a missing file back
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-document-list-private.h"

static GtkWindow *
parent_for (KtDocumentList *self)
{
  return kt_dialog_parent_for (GTK_WIDGET (self));
}

/* ---- the Attach button ---- */

static void
attach_response_cb (GtkNativeDialog *native,
                    int              response)
{
  KtDocumentList *self = g_object_get_data (G_OBJECT (native), "kt-document-list");

  if (response == GTK_RESPONSE_ACCEPT && self->rows != NULL)
    {
      g_autoptr(GListModel) model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (files, g_list_model_get_item (model, i));
      kt_document_list_attach_files (self, (GFile **) files->pdata, files->len);
    }
  g_object_unref (native);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char *const  *mime_types,
            const char *const  *suffixes)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; suffixes != NULL && suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  if (mime_types == NULL && suffixes == NULL)
    gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (chooser, filter);
}

void
kt_document_list_choose_files (KtDocumentList *self)
{
  static const char *const pdf_types[] = { "application/pdf", NULL };
  static const char *const pdf_suffixes[] = { "pdf", NULL };
  static const char *const office_types[] = {
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "application/rtf",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.spreadsheet",
    NULL
  };
  static const char *const office_suffixes[] = {
    "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", NULL
  };
  GtkFileChooserNative *native;

  g_return_if_fail (KT_IS_DOCUMENT_LIST (self));

  if (!kt_document_list_can_attach (self))
    return;

  native = gtk_file_chooser_native_new (_("Attach Documents"), parent_for (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("PDF documents"), pdf_types, pdf_suffixes);
  add_filter (GTK_FILE_CHOOSER (native), _("Office documents"), office_types, office_suffixes);
  add_filter (GTK_FILE_CHOOSER (native), _("All files"), NULL, NULL);
  g_object_set_data_full (G_OBJECT (native), "kt-document-list", g_object_ref (self),
                          g_object_unref);
  g_signal_connect (native, "response", G_CALLBACK (attach_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- drag and drop ---- */

static GdkDragAction
drop_enter_cb (GtkDropTarget  *target,
               double          x,
               double          y,
               KtDocumentList *self)
{
  self->dragging = TRUE;
  kt_document_list_update_header (self);
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget  *target,
               KtDocumentList *self)
{
  self->dragging = FALSE;
  kt_document_list_update_header (self);
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         KtDocumentList *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  self->dragging = FALSE;
  kt_document_list_update_header (self);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (GSList *l = gdk_file_list_get_files (g_value_get_boxed (value)); l != NULL; l = l->next)
        g_ptr_array_add (files, l->data);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    g_ptr_array_add (files, g_value_get_object (value));

  return kt_document_list_attach_files (self, (GFile **) files->pdata, files->len);
}

void
kt_document_list_files_init (KtDocumentList *self)
{
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  /* The attach queue */
  kt_document_list_files_clear (self);

  self->drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (self->drop_target, types, G_N_ELEMENTS (types));
  g_signal_connect (self->drop_target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (self->drop_target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (drop_cb), self);
  /* The group is highlighted while files are over it (:drop(active)) */
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
}

/* ---- locating a missing file ---- */

typedef struct {
  char       *portfolio_path;
  KtDocument *document;
  GFile      *found;
  gboolean    replace;
} Relocate;

static void
relocate_free (Relocate *relocate)
{
  g_free (relocate->portfolio_path);
  g_clear_pointer (&relocate->document, kt_document_free);
  g_clear_object (&relocate->found);
  g_free (relocate);
}

/* Copying back a file may take a while on a network drive: in a worker,
 * with a connection of its own (a KtStore is one thread's at a time). */
static void
relocate_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Relocate *relocate = task_data;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(KtDocumentLibrary) library = NULL;
  GError *error = NULL;

  store = kt_store_open (relocate->portfolio_path, KT_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  library = kt_document_library_new (store);
  if (!kt_document_library_relocate (library, relocate->document, relocate->found,
                                     relocate->replace, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
new_version_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         KtDocumentList   *self)
{
  Relocate *relocate = g_object_get_data (G_OBJECT (dialog), "kt-relocate");

  /* Not if another portfolio was opened meanwhile */
  if (g_strcmp0 (response, "replace") == 0 && self->library != NULL &&
      g_strcmp0 (relocate->portfolio_path,
                 kt_store_get_path (kt_document_library_get_store (self->library))) == 0)
    kt_document_list_relocate (self, relocate->document, relocate->found, TRUE);
}

static void
ask_new_version (KtDocumentList *self,
                 const Relocate *failed)
{
  g_autofree char *found_name = g_file_get_basename (failed->found);
  Relocate *relocate = g_new0 (Relocate, 1);
  GtkWidget *dialog;

  relocate->portfolio_path = g_strdup (failed->portfolio_path);
  relocate->document = kt_document_copy (failed->document);
  relocate->found = g_object_ref (failed->found);
  relocate->replace = TRUE;

  dialog = adw_message_dialog_new (parent_for (self), _("Use as a New Version?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s are two file names */
                                  _("“%s” is not the file that was attached as “%s”: its "
                                    "content differs. Store it as the document’s new "
                                    "version? It will be searched again; marked clauses "
                                    "stay where they were marked."),
                                  found_name, relocate->document->original_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Use as New Version"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kt-relocate", relocate,
                          (GDestroyNotify) relocate_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_version_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
relocate_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  KtDocumentList *self = KT_DOCUMENT_LIST (source);
  GTask *task = G_TASK (result);
  Relocate *relocate = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (task, &error))
    {
      if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
        return;
      if (g_error_matches (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_DIFFERENT_FILE) &&
          !relocate->replace)
        {
          ask_new_version (self, relocate);
          return;
        }
      kt_dialog_show_error (GTK_WIDGET (self), _("The File Could Not Be Put Back"),
                            error->message);
      kt_document_list_reload (self);
      return;
    }
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;

  if (relocate->replace)
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("“%s” now has the new version"), relocate->document->original_name);
  else
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("“%s” is back in the documents folder"),
                               relocate->document->original_name);
  kt_document_list_reload (self);
  kt_document_list_toast (self, message);
  /* A new version is indexed again */
  if (relocate->replace)
    kt_document_list_emit_changed (self);
}

void
kt_document_list_relocate (KtDocumentList   *self,
                           const KtDocument *document,
                           GFile            *found,
                           gboolean          replace)
{
  g_autoptr(GTask) task = NULL;
  Relocate *relocate;

  g_return_if_fail (KT_IS_DOCUMENT_LIST (self));
  g_return_if_fail (document != NULL);
  g_return_if_fail (G_IS_FILE (found));

  if (!kt_document_list_is_writable (self))
    return;

  relocate = g_new0 (Relocate, 1);
  relocate->portfolio_path = g_strdup (kt_store_get_path (kt_document_library_get_store (self->library)));
  relocate->document = kt_document_copy (document);
  relocate->found = g_object_ref (found);
  relocate->replace = replace;

  task = g_task_new (self, self->cancellable, relocate_done_cb, NULL);
  g_task_set_source_tag (task, kt_document_list_relocate);
  g_task_set_task_data (task, relocate, (GDestroyNotify) relocate_free);
  g_task_run_in_thread (task, relocate_thread);
}

static void
locate_response_cb (GtkNativeDialog *native,
                    int              response)
{
  KtDocumentList *self = g_object_get_data (G_OBJECT (native), "kt-document-list");
  const KtDocument *document = g_object_get_data (G_OBJECT (native), "kt-document");

  if (response == GTK_RESPONSE_ACCEPT && self->rows != NULL)
    {
      g_autoptr(GFile) found = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (found != NULL)
        kt_document_list_relocate (self, document, found, FALSE);
    }
  g_object_unref (native);
}

void
kt_document_list_locate (KtDocumentList   *self,
                         const KtDocument *document)
{
  GtkFileChooserNative *native;
  g_autofree char *title = NULL;

  g_return_if_fail (KT_IS_DOCUMENT_LIST (self));
  g_return_if_fail (document != NULL);

  if (!kt_document_list_is_writable (self))
    return;

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Locate “%s”"), document->original_name);
  native = gtk_file_chooser_native_new (title, parent_for (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data_full (G_OBJECT (native), "kt-document-list", g_object_ref (self),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (native), "kt-document", kt_document_copy (document),
                          (GDestroyNotify) kt_document_free);
  g_signal_connect (native, "response", G_CALLBACK (locate_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
