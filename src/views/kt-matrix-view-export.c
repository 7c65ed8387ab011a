/* kt-matrix-view-export.c — the matrix shown, as PNG, SVG or PDF
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-matrix-export.h"
#include "kt-matrix-view-private.h"

static GtkFileFilter *
export_filter (const char *name,
               const char *mime_type,
               const char *extension)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", extension);

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  g_object_set_data (G_OBJECT (filter), "kt-extension", (gpointer) extension);

  return filter;
}

static gboolean
has_export_extension (const char *path)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL && (g_ascii_strcasecmp (dot, ".png") == 0 ||
                         g_ascii_strcasecmp (dot, ".svg") == 0 ||
                         g_ascii_strcasecmp (dot, ".pdf") == 0);
}

static char *
export_title (KtMatrixView *self)
{
  g_autofree char *base = g_filename_display_basename (kt_store_get_path (self->store));
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  /* Translators: the title of an exported supplier matrix; %s is the
   * portfolio's file name, "Leverandørmatrix – Eksempel Kommune" */
  return g_strdup_printf (_("Supplier Matrix – %s"), base);
}

gboolean
kt_matrix_view_export_to_file (KtMatrixView  *self,
                               const char    *path,
                               GError       **error)
{
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwToastOverlay *overlay;

  if (self->store == NULL || self->scores == NULL || self->scores->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There are no suppliers to export."));
      return FALSE;
    }

  title = export_title (self);
  if (!kt_matrix_export_file (self->scores, self->settings, title, path, error))
    return FALSE;

  name = g_filename_display_basename (path);
  /* Translators: %s is the file name the matrix was exported to */
  message = g_strdup_printf (_("Matrix exported to “%s”"), name);
  if ((overlay = kt_matrix_view_get_overlay (self)) != NULL)
    adw_toast_overlay_add_toast (overlay, adw_toast_new (message));

  return TRUE;
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    KtMatrixView    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) == NULL ||
      (path = g_file_get_path (file)) == NULL)
    goto out;

  /* A name typed without an extension gets the chosen type's */
  if (!has_export_extension (path))
    {
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));
      const char *extension = filter != NULL ? g_object_get_data (G_OBJECT (filter), "kt-extension") : NULL;
      char *longer = g_strdup_printf ("%s.%s", path, extension != NULL ? extension : "pdf");

      g_free (path);
      path = longer;
    }

  if (!kt_matrix_view_export_to_file (self, path, &error))
    kt_dialog_show_error (GTK_WIDGET (self), _("The Matrix Could Not Be Exported"), error->message);

out:
  g_object_unref (self);
  g_object_unref (native);
}

void
kt_matrix_view_export (KtMatrixView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) pdf = NULL;
  g_autoptr(GtkFileFilter) svg = NULL;
  g_autoptr(GtkFileFilter) png = NULL;

  if (self->store == NULL || self->scores == NULL || self->scores->len == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  native = gtk_file_chooser_native_new (_("Export Supplier Matrix"), kt_dialog_parent_for (widget),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  pdf = export_filter (_("PDF Document"), "application/pdf", "pdf");
  svg = export_filter (_("SVG Image"), "image/svg+xml", "svg");
  png = export_filter (_("PNG Image"), "image/png", "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), svg);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), png);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), pdf);
  /* Translators: the suggested file name of an exported supplier matrix;
   * keep the .pdf */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Supplier matrix.pdf"));

  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
