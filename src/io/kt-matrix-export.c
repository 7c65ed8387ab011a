/* kt-matrix-export.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "kt-matrix-export.h"
#include "kt-matrix-painter.h"

/* Body text on the printed page, in points */
#define FONT_SIZE 10.0

typedef enum {
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

typedef struct {
  int fd;
  int saved_errno;
} Sink;

static gboolean
format_for_path (const char  *path,
                 Format      *format,
                 GError     **error)
{
  g_autofree char *base = g_filename_display_basename (path);
  const char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base && dot[1] != '\0')
    {
      if (g_ascii_strcasecmp (dot, ".png") == 0)
        *format = FORMAT_PNG;
      else if (g_ascii_strcasecmp (dot, ".svg") == 0)
        *format = FORMAT_SVG;
      else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
        *format = FORMAT_PDF;
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       /* Translators: %s is a file name extension such as
                        * ".jpg"; the three named ones stay as they are */
                       _("The supplier matrix cannot be exported as a “%s” file: choose a file "
                         "name ending in .png, .svg or .pdf."), dot);
          return FALSE;
        }
      return TRUE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("“%s” has no file name extension: choose a file name ending in .png, .svg "
                 "or .pdf to export the supplier matrix."), base);
  return FALSE;
}

static gboolean
write_failed (const char  *path,
              int          saved_errno,
              const char  *scratch,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (scratch != NULL)
    g_unlink (scratch);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("The supplier matrix could not be saved as “%s”: %s"),
               display, g_strerror (saved_errno));
  return FALSE;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0 && sink->saved_errno == 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        sink->saved_errno = errno;
      else
        {
          data += n;
          length -= n;
        }
    }

  return sink->saved_errno == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* The page at KT_MATRIX_EXPORT_PAGE_WIDTH × _HEIGHT in @cr's user units */
static void
paint_page (cairo_t                *cr,
            GPtrArray              *scores,
            const KtMatrixSettings *settings,
            const char             *title)
{
  KtMatrixGeometry geometry = { 0 };
  KtMatrixPalette palette;
  KtMatrixPaintOptions options = { 0 };
  KtMatrixLayout *layout;
  PangoContext *context;
  cairo_font_options_t *font_options;

  /* Unhinted outlines and metrics: the text is measured alike on the
   * 300 dpi image and in the vector files, so all three look the same */
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options (cr, font_options);
  cairo_font_options_destroy (font_options);
  context = pango_cairo_create_context (cr);

  geometry.width = KT_MATRIX_EXPORT_PAGE_WIDTH;
  geometry.height = KT_MATRIX_EXPORT_PAGE_HEIGHT;
  geometry.font_size = FONT_SIZE;
  geometry.show_legend = TRUE;
  geometry.title = title;
  layout = kt_matrix_layout_new (scores, settings, &geometry, context);

  kt_matrix_palette_init (&palette, KT_MATRIX_STYLE_PROJECTOR);
  options.palette = &palette;
  options.pango_context = context;
  options.focus = -1;
  options.hover = -1;
  kt_matrix_paint (cr, layout, &options);

  kt_matrix_layout_free (layout);
  g_object_unref (context);
}

static cairo_status_t
render (Format                  format,
        Sink                   *sink,
        GPtrArray              *scores,
        const KtMatrixSettings *settings,
        const char             *title)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_cb, sink, KT_MATRIX_EXPORT_PAGE_WIDTH,
                                                     KT_MATRIX_EXPORT_PAGE_HEIGHT);
      if (title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kontrakter");
      break;

    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_cb, sink, KT_MATRIX_EXPORT_PAGE_WIDTH,
                                                     KT_MATRIX_EXPORT_PAGE_HEIGHT);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;

    case FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, KT_MATRIX_EXPORT_PNG_WIDTH,
                                            KT_MATRIX_EXPORT_PNG_HEIGHT);
      break;
    }

  cr = cairo_create (surface);
  if (format == FORMAT_PNG)
    {
      /* A4's sides are not in exactly the proportion of the pixels: one
       * scale for both, and white in the sliver left over */
      double scale = MIN (KT_MATRIX_EXPORT_PNG_WIDTH / KT_MATRIX_EXPORT_PAGE_WIDTH,
                          KT_MATRIX_EXPORT_PNG_HEIGHT / KT_MATRIX_EXPORT_PAGE_HEIGHT);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
    }
  paint_page (cr, scores, settings, title);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_cb, sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

gboolean
kt_matrix_export_file (GPtrArray              *scores,
                       const KtMatrixSettings *settings,
                       const char             *title,
                       const char             *path,
                       GError                **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *scratch = NULL;
  cairo_status_t status;
  Format format;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!format_for_path (path, &format, error))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return write_failed (path, EISDIR, NULL, error);

  /* Beside the target, so that the rename stays on one file system */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  scratch = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  sink.fd = g_mkstemp_full (scratch, O_WRONLY | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    return write_failed (path, errno, NULL, error);

  status = render (format, &sink, scores, settings, title);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      int saved_errno = sink.saved_errno != 0 ? sink.saved_errno
                        : status == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO;

      close (sink.fd);
      return write_failed (path, saved_errno, scratch, error);
    }

  if (fsync (sink.fd) != 0)
    {
      int saved_errno = errno;

      close (sink.fd);
      return write_failed (path, saved_errno, scratch, error);
    }
  if (close (sink.fd) != 0)
    return write_failed (path, errno, scratch, error);
  if (g_rename (scratch, path) != 0)
    return write_failed (path, errno, scratch, error);

  return TRUE;
}
