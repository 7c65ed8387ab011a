/* kt-pdf-load.c — opening a PDF file, or saying clearly why not
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kt-pdf-document-private.h"

/* Only this many bytes are read to recognise a PDF; the header may follow
 * some junk, as PDF readers accept. */
#define MAGIC_WINDOW 1024

G_DEFINE_QUARK (kt-pdf-error-quark, kt_pdf_error)

gboolean
kt_pdf_has_magic (const guchar *head,
                  gsize         length)
{
  length = MIN (length, MAGIC_WINDOW);

  for (gsize i = 0; i + 5 <= length; i++)
    if (head[i] == '%' && memcmp (head + i, "%PDF-", 5) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
has_pdf_magic (const char  *path,
               const char  *name,
               GError     **error)
{
  guchar head[MAGIC_WINDOW];
  ssize_t n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *where = g_filename_display_name (path);

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_NOT_FOUND,
                     /* Translators: a file name, then the path where it should be */
                     _("“%s” was not found. It was expected at “%s”."), name, where);
      else
        g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_NOT_FOUND,
                     /* Translators: %s is a file name, then the system's reason */
                     _("“%s” could not be read: %s"), where, g_strerror (saved_errno));
      return FALSE;
    }

  do
    n = read (fd, head, sizeof head);
  while (n < 0 && errno == EINTR);
  close (fd);

  if (n < 0)
    {
      g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_NOT_FOUND,
                   _("“%s” could not be read: %s"), name, g_strerror (errno));
      return FALSE;
    }

  if (!kt_pdf_has_magic (head, n))
    {
      g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_NOT_PDF,
                   _("“%s” is not a PDF file. It may be another kind of document with a "
                     "PDF name; open it in the application it belongs to."), name);
      return FALSE;
    }

  return TRUE;
}

PopplerDocument *
kt_pdf_document_load_poppler (const char  *path,
                              const char  *display_name,
                              const char  *password,
                              GError     **error)
{
  g_autofree char *name = display_name != NULL ? g_strdup (display_name)
                                               : g_filename_display_basename (path);
  g_autofree char *uri = NULL;
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;

  if (!has_pdf_magic (path, name, error))
    return NULL;

  uri = g_filename_to_uri (path, NULL, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_NOT_FOUND,
                   _("“%s” could not be read: %s"), name, local_error->message);
      return NULL;
    }

  document = poppler_document_new_from_file (uri, password, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        {
          if (password != NULL)
            g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_WRONG_PASSWORD,
                         _("The password for “%s” is not correct."), name);
          else
            g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_NEEDS_PASSWORD,
                         _("“%s” is protected by a password."), name);
        }
      else
        {
          g_debug ("poppler cannot open %s: %s", path, local_error->message);
          g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_DAMAGED,
                       _("“%s” is damaged and cannot be shown."), name);
        }
      return NULL;
    }

  if (poppler_document_get_n_pages (document) < 1)
    {
      g_object_unref (document);
      g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be shown: it has no pages."), name);
      return NULL;
    }

  return document;
}
