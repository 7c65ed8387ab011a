/* kt-document-list-open.c — opening a document: its own window for a PDF,
 * the desktop's application for anything else, or its folder
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-document-list-private.h"

static GtkApplication *
application_for (KtDocumentList *self)
{
  GtkWindow *parent = kt_dialog_parent_for (GTK_WIDGET (self));
  GApplication *app;

  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    return gtk_window_get_application (parent);
  app = g_application_get_default ();
  return GTK_IS_APPLICATION (app) ? GTK_APPLICATION (app) : NULL;
}

static gboolean
is_window (gpointer key,
           gpointer value,
           gpointer window)
{
  return value == window;
}

/* By the window, not its document id: "destroy" comes while it is being
 * disposed, when it may no longer know its document. */
static void
window_destroy_cb (KtDocumentList   *self,
                   KtDocumentWindow *window)
{
  if (self->windows != NULL)
    g_hash_table_foreach_remove (self->windows, is_window, window);
}

static void
window_activities_changed_cb (KtDocumentList *self)
{
  kt_document_list_emit_activities_changed (self);
}

/* A missing file was put back or a changed one taken as the new version:
 * the row's state and size change, and a new hash is indexed again. */
static void
window_document_changed_cb (KtDocumentList *self)
{
  kt_document_list_reload (self);
  kt_document_list_emit_changed (self);
}

static void
launch_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KtDocumentList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      /* Translators: %s says why, e.g. no application for the type */
      g_autofree char *message = g_strdup_printf (_("The file could not be opened: %s"),
                                                  error->message);

      kt_document_list_toast (self, message);
    }
}

static void
launch_uri (KtDocumentList *self,
            const char     *uri)
{
  g_autoptr(GdkAppLaunchContext) context = NULL;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           launch_done_cb, g_object_ref (self));
}

/* Word, ODT, ...: the desktop's application for them. A missing file is
 * looked for first. */
static void
open_elsewhere (KtDocumentList   *self,
                const KtDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  path = kt_document_library_get_path (self->library, document, &error);
  if (path == NULL)
    {
      kt_dialog_show_error (GTK_WIDGET (self), _("The Document Could Not Be Opened"),
                            error->message);
      return;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      if (kt_document_list_is_writable (self))
        kt_document_list_locate (self, document);
      else
        {
          g_autofree char *message = g_strdup_printf (_("Missing: expected at %s"), path);

          kt_dialog_show_error (GTK_WIDGET (self), _("The Document Could Not Be Opened"), message);
        }
      return;
    }

  uri = g_filename_to_uri (path, NULL, &error);
  if (uri == NULL)
    kt_document_list_toast (self, error->message);
  else
    launch_uri (self, uri);
}

/* ---- show in folder ---- */

typedef struct {
  KtDocumentList *list;
  char           *path;
} ShowItem;

static void
show_item_free (ShowItem *show)
{
  g_clear_object (&show->list);
  g_free (show->path);
  g_free (show);
}

static void
show_items_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ShowItem *show = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      /* No file manager that selects the file: open the folder instead */
      g_autofree char *folder = g_path_get_dirname (show->path);
      g_autofree char *uri = g_filename_to_uri (folder, NULL, NULL);

      g_debug ("ShowItems: %s", error->message);
      if (uri != NULL)
        launch_uri (show->list, uri);
    }
  show_item_free (show);
}

/* FileManager1.ShowItems selects the file in its folder (Files, Dolphin,
 * Nemo, ...); GTK 4.8 has no portable call for it. */
void
kt_document_list_show_in_folder (KtDocumentList   *self,
                                 const KtDocument *document)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };
  ShowItem *show;
  char *path;

  path = kt_document_library_get_path (self->library, document, &error);
  if (path == NULL)
    {
      kt_document_list_toast (self, error->message);
      return;
    }
  show = g_new0 (ShowItem, 1);
  show->list = g_object_ref (self);
  show->path = path;

  uri = g_filename_to_uri (path, NULL, NULL);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL || uri == NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *folder_uri = g_filename_to_uri (folder, NULL, NULL);

      if (folder_uri != NULL)
        launch_uri (self, folder_uri);
      show_item_free (show);
      return;
    }
  uris[0] = uri;
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, 5000, NULL, show_items_done_cb, show);
}

/* ---- public ---- */

KtDocumentWindow *
kt_document_list_open_document (KtDocumentList *self,
                                gint64          document_id)
{
  g_autoptr(KtDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  KtDocumentWindow *window;

  g_return_val_if_fail (KT_IS_DOCUMENT_LIST (self), NULL);

  if (self->library == NULL)
    return NULL;

  window = g_hash_table_lookup (self->windows, &document_id);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  document = kt_store_get_document (kt_document_list_get_store (self), document_id, &error);
  if (document == NULL)
    {
      kt_dialog_show_error (GTK_WIDGET (self), _("The Document Could Not Be Opened"),
                            error->message);
      return NULL;
    }

  if (!kt_document_is_pdf (document))
    {
      open_elsewhere (self, document);
      return NULL;
    }

  /* The window checks the hash, asks for a password or offers to locate
   * the file itself */
  window = kt_document_window_new (application_for (self), self->library, document);
  g_hash_table_insert (self->windows, g_memdup2 (&document_id, sizeof document_id), window);
  g_signal_connect_object (window, "destroy", G_CALLBACK (window_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "activities-changed",
                           G_CALLBACK (window_activities_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "document-changed",
                           G_CALLBACK (window_document_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
