/* kt-document-window-open.c — checking and opening the file: missing,
 * changed, encrypted, damaged; locating a missing or changed file
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-document-window-private.h"
#include "kt-time-stamp.h"

static void open_pdf (KtDocumentWindow *self,
                      const char       *password);

/* ---- states ---- */

static void
show_failed (KtDocumentWindow *self,
             const char       *message)
{
  adw_status_page_set_description (ADW_STATUS_PAGE (self->failed_status), message);
  kt_document_window_set_state (self, KT_DOCUMENT_WINDOW_FAILED);
}

static void
show_missing (KtDocumentWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kt_document_library_get_path (self->library, self->document, &error);
  g_autofree char *message = NULL;

  if (path == NULL)
    {
      show_failed (self, error->message);
      return;
    }

  /* Translators: %s is the path of a document's file in the documents folder */
  message = g_strdup_printf (_("The file was expected at %s"), path);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->missing_status), message);
  kt_document_window_set_state (self, KT_DOCUMENT_WINDOW_MISSING);
}

static void
show_password (KtDocumentWindow *self,
               const char       *problem)
{
  gtk_label_set_text (GTK_LABEL (self->password_error_label), problem != NULL ? problem : "");
  gtk_widget_set_visible (self->password_error_label, problem != NULL);
  kt_document_window_set_state (self, KT_DOCUMENT_WINDOW_PASSWORD);
  gtk_widget_grab_focus (self->password_entry);
}

static void
show_changed_bar (KtDocumentWindow *self)
{
  const KtDocument *d = self->document;
  gboolean signed_contract = d->kind == KT_DOCUMENT_KIND_SIGNED_CONTRACT;
  g_autofree char *when = kt_time_stamp_format (d->added_at != NULL ? d->added_at : "");
  g_autofree char *message = NULL;

  if (d->added_by != NULL && *d->added_by != '\0')
    message = signed_contract
      /* Translators: %1$s is a person's name, %2$s a date and time */
      ? g_strdup_printf (_("This signed contract has changed since %1$s attached it on %2$s: "
                           "it is not the file that was signed."), d->added_by, when)
      /* Translators: %1$s is a person's name, %2$s a date and time */
      : g_strdup_printf (_("This document has changed since %1$s attached it on %2$s: "
                           "it is not the file that was attached."), d->added_by, when);
  else
    message = signed_contract
      /* Translators: %s is a date and time */
      ? g_strdup_printf (_("This signed contract has changed since it was attached on %s: "
                           "it is not the file that was signed."), when)
      /* Translators: %s is a date and time */
      : g_strdup_printf (_("This document has changed since it was attached on %s: "
                           "it is not the file that was attached."), when);

  gtk_label_set_text (GTK_LABEL (self->changed_label), message);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->changed_bar), TRUE);
}

/* ---- indexing an encrypted document once it is unlocked ---- */

static void
page_texts_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  KtPdfDocument *pdf = data;
  guint n_pages = kt_pdf_document_get_n_pages (pdf);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_pages; i++)
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      g_ptr_array_add (pages, kt_pdf_document_get_page_text (pdf, i));
    }
  g_ptr_array_add (pages, NULL);

  g_task_return_pointer (task, g_ptr_array_steal (pages, NULL), (GDestroyNotify) g_strfreev);
}

static void
page_texts_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  KtDocumentWindow *self = KT_DOCUMENT_WINDOW (source);
  g_auto(GStrv) pages = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GError) error = NULL;

  if (pages == NULL)
    return;

  /* The store belongs to the main thread: written here, not in the worker */
  if (!kt_store_set_document_text (self->store, self->document->id, self->document->sha256,
                                   (const char *const *) pages, g_strv_length (pages), &error))
    {
      /* CONFLICT: the file was replaced meanwhile; the indexer takes the new one */
      if (!g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT))
        g_warning ("Could not index the unlocked document %" G_GINT64_FORMAT ": %s",
                   self->document->id, error->message);
      return;
    }

  self->document->index_state = KT_INDEX_STATE_INDEXED;
}

/* The indexer cannot read an encrypted PDF: the first person to unlock it
 * puts its text in the index, so that the search finds it from then on. */
static void
index_if_encrypted (KtDocumentWindow *self)
{
  g_autoptr(GTask) task = NULL;

  if (!self->needed_password || kt_store_is_read_only (self->store) ||
      (self->document->index_state != KT_INDEX_STATE_ENCRYPTED &&
       self->document->index_state != KT_INDEX_STATE_PENDING))
    return;

  task = g_task_new (self, self->cancellable, page_texts_cb, NULL);
  g_task_set_source_tag (task, index_if_encrypted);
  g_task_set_task_data (task, g_object_ref (self->pdf), g_object_unref);
  g_task_run_in_thread (task, page_texts_thread);
}

/* ---- opening ---- */

static void
open_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(KtDocumentWindow) self = data;
  g_autoptr(KtPdfDocument) pdf = NULL;
  g_autoptr(GError) error = NULL;

  pdf = kt_pdf_document_open_finish (result, &error);
  if (pdf == NULL)
    {
      if (g_error_matches (error, KT_PDF_ERROR, KT_PDF_ERROR_CANCELLED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, KT_PDF_ERROR, KT_PDF_ERROR_NEEDS_PASSWORD))
        show_password (self, NULL);
      else if (g_error_matches (error, KT_PDF_ERROR, KT_PDF_ERROR_WRONG_PASSWORD))
        show_password (self, error->message);
      else if (g_error_matches (error, KT_PDF_ERROR, KT_PDF_ERROR_NOT_FOUND))
        show_missing (self);
      else
        show_failed (self, error->message);
      return;
    }

  g_set_object (&self->pdf, pdf);
  kt_pdf_view_set_document (KT_PDF_VIEW (self->pdf_view), pdf);
  kt_document_window_set_state (self, KT_DOCUMENT_WINDOW_READY);
  kt_document_window_reload_clauses (self);
  gtk_widget_grab_focus (self->pdf_view);
  kt_document_window_find_ready (self);
  index_if_encrypted (self);
}

static void
open_pdf (KtDocumentWindow *self,
          const char       *password)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kt_document_library_get_path (self->library, self->document, &error);

  if (path == NULL)
    {
      show_failed (self, error->message);
      return;
    }

  self->needed_password = password != NULL;
  /* Messages name the document as the user knows it, not its stored file. */
  kt_pdf_document_open_named_async (path, self->document->original_name, password,
                                    self->cancellable, open_cb, g_object_ref (self));
}

static void
verify_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(KtDocumentWindow) self = data;
  g_autoptr(GError) error = NULL;
  KtDocumentState state = KT_DOCUMENT_OK;

  if (!kt_document_library_verify_finish (KT_DOCUMENT_LIBRARY (source), result, &state, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failed (self, error->message);
      return;
    }

  self->file_state = state;
  if (state == KT_DOCUMENT_MISSING)
    {
      show_missing (self);
      return;
    }

  if (state == KT_DOCUMENT_CHANGED)
    show_changed_bar (self);
  open_pdf (self, NULL);
}

void
kt_document_window_open_start (KtDocumentWindow *self)
{
  g_autoptr(KtDocument) latest = NULL;

  /* The row may have changed since the caller read it (a new version, the
   * index state): the store's is the one to check against. */
  latest = kt_store_get_document (self->store, self->document->id, NULL);
  if (latest != NULL)
    {
      kt_document_free (self->document);
      self->document = g_steal_pointer (&latest);
      kt_document_window_update_titles (self);
    }

  if (self->pdf != NULL)
    {
      kt_pdf_view_set_document (KT_PDF_VIEW (self->pdf_view), NULL);
      g_clear_object (&self->pdf);
    }
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->changed_bar), FALSE);
  kt_document_window_set_state (self, KT_DOCUMENT_WINDOW_LOADING);
  kt_document_library_verify_async (self->library, self->document, self->cancellable,
                                    verify_cb, g_object_ref (self));
}

void
kt_document_window_unlock (KtDocumentWindow *self,
                           const char       *password)
{
  g_return_if_fail (KT_IS_DOCUMENT_WINDOW (self));

  if (self->state != KT_DOCUMENT_WINDOW_PASSWORD)
    return;
  if (password == NULL || *password == '\0')
    {
      gtk_widget_error_bell (self->password_entry);
      return;
    }

  /* The entry keeps the text: a typo is corrected, not retyped */
  kt_document_window_set_state (self, KT_DOCUMENT_WINDOW_LOADING);
  open_pdf (self, password);
}

/* ---- locating a missing or changed file ---- */


static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     KtDocumentWindow *self)
{
  GFile *found = g_object_get_data (G_OBJECT (dialog), "kt-found");

  if (g_strcmp0 (response, "replace") == 0 && found != NULL)
    kt_document_window_use_file (self, found, TRUE);
}

static void
ask_replace (KtDocumentWindow *self,
             GFile            *found,
             const char       *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Use This File as the New Version?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s says how the file differs */
                                  _("%s\n\nIf you use it, the document is this file from now "
                                    "on; the change is recorded in the contract’s history."),
                                  message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Use as New Version"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kt-found", g_object_ref (found), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
kt_document_window_use_file (KtDocumentWindow *self,
                             GFile            *found,
                             gboolean          replace)
{
  g_autoptr(GError) error = NULL;

  if (replace && kt_store_is_read_only (self->store))
    {
      kt_dialog_show_error (GTK_WIDGET (self), _("The File Could Not Be Used"),
                            kt_store_get_read_only_reason (self->store));
      return;
    }

  if (!kt_document_library_relocate (self->library, self->document, found, replace,
                                     self->cancellable, &error))
    {
      if (!replace && g_error_matches (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_DIFFERENT_FILE))
        ask_replace (self, found, error->message);
      else
        kt_dialog_show_error (GTK_WIDGET (self), _("The File Could Not Be Used"), error->message);
      return;
    }

  kt_document_window_open_start (self);
  kt_document_window_emit_document_changed (self);
}

static void
locate_response_cb (GtkNativeDialog  *native,
                    int               response,
                    KtDocumentWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    kt_document_window_use_file (self, file, FALSE);

  g_object_unref (self);
  g_object_unref (native);
}

void
kt_document_window_locate (KtDocumentWindow *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *title = NULL;

  g_return_if_fail (KT_IS_DOCUMENT_WINDOW (self));

  /* Translators: the title of the file chooser; %s is the document's name */
  title = g_strdup_printf (_("Locate “%s”"), self->document->original_name);
  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Use This File"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (pdf, _("PDF Documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  gtk_file_filter_add_pattern (pdf, "*.PDF");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  g_signal_connect (native, "response", G_CALLBACK (locate_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- another application ---- */

static void
launch_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(KtDocumentWindow) self = data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    kt_dialog_show_error (GTK_WIDGET (self), _("No Application Could Open the Document"),
                          error->message);
}

void
kt_document_window_open_external (KtDocumentWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kt_document_library_get_path (self->library, self->document, &error);
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;

  if (path == NULL)
    {
      kt_dialog_show_error (GTK_WIDGET (self), _("No Application Could Open the Document"),
                            error->message);
      return;
    }

  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), self->cancellable,
                                           launch_cb, g_object_ref (self));
}
