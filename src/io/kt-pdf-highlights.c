/* kt-pdf-highlights.c — a copy of a PDF with its clauses as real highlight
 * annotations
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part of KtPdfDocument that writes. The copy is made from a second
 * PopplerDocument of the same file: annotations added to the viewer's own
 * document would show up in it and survive until it is closed.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kt-enums.h"
#include "kt-pdf-document-private.h"

static gboolean
write_failed (const char  *out_path,
              const char  *reason,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (out_path);

  g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_WRITE,
               /* Translators: %s is a file name, then the reason */
               _("“%s” could not be saved: %s"), name, reason);
  return FALSE;
}

static PopplerColor
parse_colour (const KtClause *clause)
{
  const char *text = clause->colour;
  PopplerColor colour;
  unsigned r, g, b;

  if (text == NULL || strlen (text) != 7 || sscanf (text, "#%2x%2x%2x", &r, &g, &b) != 3)
    {
      text = kt_clause_category_colour (clause->category);
      if (text == NULL || sscanf (text, "#%2x%2x%2x", &r, &g, &b) != 3)
        r = 0xff, g = 0xe0, b = 0x40;
    }

  /* 8 bits to poppler's 16. */
  colour.red = r * 257;
  colour.green = g * 257;
  colour.blue = b * 257;

  return colour;
}

static char *
annotation_contents (const KtClause *clause)
{
  const char *label = kt_enum_label (KT_ENUM_CLAUSE_CATEGORY, clause->category);

  if (label == NULL)
    label = "";
  if (clause->note == NULL || *clause->note == '\0')
    return g_strdup (label);

  return g_strconcat (label, ": ", clause->note, NULL);
}

static gboolean
add_highlight (PopplerDocument  *document,
               const KtClause   *clause,
               const char       *name,
               GError          **error)
{
  g_autoptr(GArray) quads = g_array_new (FALSE, FALSE, sizeof (PopplerQuadrilateral));
  g_autofree char *contents = NULL;
  PopplerRectangle bounds = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  PopplerColor colour = parse_colour (clause);
  PopplerAnnot *annot;
  PopplerPage *page;
  double height;

  if (clause->quads == NULL || clause->quads->len == 0)
    return TRUE;

  if ((int) clause->page >= poppler_document_get_n_pages (document)
      || (page = poppler_document_get_page (document, clause->page)) == NULL)
    {
      g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_PAGE,
                   _("Page %u does not exist in “%s”."), clause->page + 1, name);
      return FALSE;
    }

  poppler_page_get_size (page, NULL, &height);

  /* Clauses keep the viewer's coordinates (y down from the top); PDF
   * annotations count y up from the bottom. Corner order as poppler and
   * Evince write it: top left, top right, bottom left, bottom right. */
  for (guint i = 0; i < clause->quads->len; i++)
    {
      const KtPageRect *r = &g_array_index (clause->quads, KtPageRect, i);
      PopplerQuadrilateral quad;

      quad.p1.x = r->x1;
      quad.p1.y = height - r->y1;
      quad.p2.x = r->x2;
      quad.p2.y = height - r->y1;
      quad.p3.x = r->x1;
      quad.p3.y = height - r->y2;
      quad.p4.x = r->x2;
      quad.p4.y = height - r->y2;
      g_array_append_val (quads, quad);

      bounds.x1 = MIN (bounds.x1, MIN (r->x1, r->x2));
      bounds.x2 = MAX (bounds.x2, MAX (r->x1, r->x2));
      bounds.y1 = MIN (bounds.y1, height - MAX (r->y1, r->y2));
      bounds.y2 = MAX (bounds.y2, height - MIN (r->y1, r->y2));
    }

  contents = annotation_contents (clause);

  annot = poppler_annot_text_markup_new_highlight (document, &bounds, quads);
  poppler_annot_set_color (annot, &colour);
  poppler_annot_set_contents (annot, contents);
  if (clause->created_by != NULL && *clause->created_by != '\0')
    poppler_annot_markup_set_label (POPPLER_ANNOT_MARKUP (annot), clause->created_by);
  poppler_page_add_annot (page, annot);

  g_object_unref (annot);
  g_object_unref (page);

  return TRUE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static gboolean
sync_file (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int result;

  if (fd < 0)
    return FALSE;
  result = fsync (fd);
  close (fd);

  return result == 0;
}

gboolean
kt_pdf_document_save_with_highlights (KtPdfDocument  *self,
                                      GPtrArray      *clauses,
                                      const char     *out_path,
                                      GError        **error)
{
  const char *path;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *scratch_uri = NULL;
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *copy;
  gboolean saved;
  int fd;

  g_return_val_if_fail (KT_IS_PDF_DOCUMENT (self), FALSE);
  g_return_val_if_fail (clauses != NULL, FALSE);
  g_return_val_if_fail (out_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = kt_pdf_document_get_path (self);
  name = g_strdup (kt_pdf_document_get_name (self));

  /* The original is the stored file named by its hash: writing over it
   * would make it "changed" for good. */
  if (same_file (path, out_path))
    return write_failed (out_path, _("a copy cannot replace the original document"), error);

  copy = kt_pdf_document_load_poppler (path, name, kt_pdf_document_get_password (self), error);
  if (copy == NULL)
    return FALSE;

  for (guint i = 0; i < clauses->len; i++)
    {
      if (!add_highlight (copy, g_ptr_array_index (clauses, i), name, error))
        {
          g_object_unref (copy);
          return FALSE;
        }
    }

  /* Written beside the target and renamed when complete, so that a
   * half-written copy never carries the name. */
  dir = g_path_get_dirname (out_path);
  scratch = g_build_filename (dir, ".kontrakter-export-XXXXXX", NULL);
  fd = g_mkstemp_full (scratch, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_object_unref (copy);
      return write_failed (out_path, g_strerror (saved_errno), error);
    }
  close (fd);

  scratch_uri = g_filename_to_uri (scratch, NULL, &local_error);
  saved = scratch_uri != NULL && poppler_document_save (copy, scratch_uri, &local_error);
  g_object_unref (copy);

  if (!saved)
    {
      g_unlink (scratch);
      return write_failed (out_path, local_error != NULL ? local_error->message : "", error);
    }

  if (!sync_file (scratch) || g_rename (scratch, out_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (scratch);
      return write_failed (out_path, g_strerror (saved_errno), error);
    }

  return TRUE;
}
