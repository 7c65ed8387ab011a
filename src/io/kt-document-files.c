/* kt-document-files.c — the file work of the documents folder
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kt-document-files.h"
#include "kt-document-library.h"
#include "kt-pdf-document-private.h"

/* Decimal, as the sizes the app shows (g_format_size). */
#define MAX_SIZE ((gint64) 500 * 1000 * 1000)
#define COPY_BUFFER (256 * 1024)
/* Enough for the content sniffers of shared-mime-info. */
#define SNIFF_SIZE 4096

void
kt_incoming_clear (KtIncoming *in)
{
  if (in->scratch != NULL)
    g_unlink (in->scratch);
  g_clear_pointer (&in->scratch, g_free);
  g_clear_pointer (&in->sha256, g_free);
  g_clear_pointer (&in->media_type, g_free);
  g_clear_pointer (&in->display_name, g_free);
}

static const struct {
  const char *media_type;
  const char *extension;
} extensions[] = {
  { "application/pdf", "pdf" },
  { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx" },
  { "application/msword", "doc" },
  { "application/vnd.oasis.opendocument.text", "odt" },
  { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx" },
  { "application/vnd.ms-excel", "xls" },
  { "application/vnd.oasis.opendocument.spreadsheet", "ods" },
  { "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx" },
  { "application/vnd.oasis.opendocument.presentation", "odp" },
  { "application/rtf", "rtf" },
  { "text/plain", "txt" },
  { "text/csv", "csv" },
  { "image/png", "png" },
  { "image/jpeg", "jpg" },
  { "application/zip", "zip" },
};

/* A function of the stored media type only, so that the same row always
 * names the same file; the extension lets the desktop pick the
 * application for files that are not PDFs. */
const char *
kt_document_files_extension (const char *media_type)
{
  for (guint i = 0; media_type != NULL && i < G_N_ELEMENTS (extensions); i++)
    if (strcmp (extensions[i].media_type, media_type) == 0)
      return extensions[i].extension;

  return "bin";
}

/* From the content: a name ending in .pdf says nothing about a file that
 * is not one, and a PDF named .doc is still a PDF. */
static char *
sniff_media_type (const char   *name,
                  const guchar *head,
                  gsize         length)
{
  g_autofree char *type = NULL;
  char *mime;

  if (kt_pdf_has_magic (head, length))
    return g_strdup ("application/pdf");

  type = g_content_type_guess (name, head, length, NULL);
  mime = g_content_type_get_mime_type (type);
  if (mime == NULL || strcmp (mime, "application/pdf") == 0)
    {
      g_free (mime);
      g_free (type);
      type = g_content_type_guess (NULL, head, length, NULL);
      mime = g_content_type_get_mime_type (type);
    }

  return mime != NULL ? mime : g_strdup ("application/octet-stream");
}

static gboolean
unsafe_path (const char  *what,
             GError     **error)
{
  g_set_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_UNSAFE_PATH,
               /* Translators: %s is a file or folder name */
               _("“%s” leads outside the documents folder, so it is not used."), what);
  return FALSE;
}

/* A link planted in the folder (or the folder itself being a link) must
 * not lead a read or a write anywhere else. Missing files are fine. */
gboolean
kt_document_files_check_inside (const char  *folder,
                                const char  *file,
                                GError     **error)
{
  g_autofree char *real_folder = realpath (folder, NULL);
  g_autofree char *parent = NULL;
  g_autofree char *real_parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *real_file = NULL;
  g_autofree char *real_file_dir = NULL;
  GStatBuf st;

  if (real_folder == NULL)
    {
      g_autofree char *display = g_filename_display_name (folder);

      if (g_lstat (folder, &st) == 0)   /* a dangling link */
        return unsafe_path (display, error);
      return TRUE;
    }

  parent = g_path_get_dirname (folder);
  base = g_path_get_basename (folder);
  real_parent = realpath (parent, NULL);
  expected = real_parent != NULL ? g_build_filename (real_parent, base, NULL) : NULL;
  if (expected == NULL || strcmp (expected, real_folder) != 0)
    {
      g_autofree char *display = g_filename_display_name (folder);

      return unsafe_path (display, error);
    }

  if (file == NULL || g_lstat (file, &st) != 0)
    return TRUE;

  real_file = realpath (file, NULL);
  real_file_dir = real_file != NULL ? g_path_get_dirname (real_file) : NULL;
  if (real_file_dir == NULL || strcmp (real_file_dir, real_folder) != 0)
    {
      g_autofree char *display = g_filename_display_basename (file);

      return unsafe_path (display, error);
    }

  return TRUE;
}

static gboolean
copy_failed (const char  *folder,
             int          saved_errno,
             GError     **error)
{
  g_autofree char *display = g_filename_display_name (folder);

  g_set_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_FAILED,
               /* Translators: %s is a folder, then the system's reason */
               _("The file could not be copied into the documents folder “%s”: %s"),
               display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
too_large (const char  *name,
           GError     **error)
{
  g_autofree char *limit = g_format_size (MAX_SIZE);

  g_set_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_TOO_LARGE,
               /* Translators: %s is a file name, then a size such as "500.0 MB" */
               _("“%s” is too large to attach: files of at most %s can be attached."),
               name, limit);
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guchar *data,
           gsize         length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }

  return TRUE;
}

/* Streams @source into the folder while hashing it; the copy is synced
 * before anything names it. */
gboolean
kt_document_files_copy_in (const char    *folder,
                           GFile         *source,
                           KtIncoming    *in,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = NULL;
  guchar head[SNIFF_SIZE];
  gsize head_length = 0;
  gint64 total = 0;
  int fd;

  info = g_file_query_info (source,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  in->display_name = g_strdup (g_file_info_get_display_name (info));

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_FAILED,
                   _("“%s” is not a file and cannot be attached."), in->display_name);
      return FALSE;
    }
  if (g_file_info_get_size (info) > MAX_SIZE)
    return too_large (in->display_name, error);

  /* Only the folder itself: the portfolio's own folder must exist. */
  if (g_mkdir (folder, 0777) != 0 && errno != EEXIST)
    return copy_failed (folder, errno, error);
  if (!kt_document_files_check_inside (folder, NULL, error))
    return FALSE;

  stream = g_file_read (source, cancellable, error);
  if (stream == NULL)
    return FALSE;

  in->scratch = g_build_filename (folder, ".incoming-XXXXXX", NULL);
  fd = g_mkstemp_full (in->scratch, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&in->scratch, g_free);
      return copy_failed (folder, saved_errno, error);
    }

  buffer = g_malloc (COPY_BUFFER);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, COPY_BUFFER,
                                      cancellable, error);

      if (n < 0)
        {
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;

      total += n;
      if (total > MAX_SIZE)
        {
          close (fd);
          return too_large (in->display_name, error);
        }

      if (head_length < sizeof head)
        {
          gsize take = MIN ((gsize) n, sizeof head - head_length);

          memcpy (head + head_length, buffer, take);
          head_length += take;
        }

      g_checksum_update (checksum, buffer, n);
      if (!write_all (fd, buffer, n))
        {
          int saved_errno = errno;

          close (fd);
          return copy_failed (folder, saved_errno, error);
        }
    }

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return copy_failed (folder, saved_errno, error);
    }
  if (close (fd) != 0)
    return copy_failed (folder, errno, error);

  if (total == 0)
    {
      g_set_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_EMPTY,
                   _("“%s” is empty: there is nothing to attach."), in->display_name);
      return FALSE;
    }

  in->size = total;
  in->sha256 = g_strdup (g_checksum_get_string (checksum));
  in->media_type = sniff_media_type (in->display_name, head, head_length);

  /* Encrypted or damaged PDFs are attached all the same (0 pages): the
   * viewer explains them when they are opened. */
  if (strcmp (in->media_type, "application/pdf") == 0)
    {
      PopplerDocument *probe = kt_pdf_document_load_poppler (in->scratch, NULL, NULL, NULL);

      if (probe != NULL)
        {
          in->n_pages = poppler_document_get_n_pages (probe);
          g_object_unref (probe);
        }
    }

  return TRUE;
}

static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Gives the copy its name. A file already there under the same hash is
 * kept unless @repair; even then one that cannot be that content (another
 * size, not a regular file) is replaced. */
gboolean
kt_document_files_commit (const char  *folder,
                          KtIncoming  *in,
                          gboolean     repair,
                          GError     **error)
{
  g_autofree char *name = g_strconcat (in->sha256, ".",
                                       kt_document_files_extension (in->media_type), NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  GStatBuf st;

  if (!repair && g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == in->size)
    {
      g_unlink (in->scratch);
      g_clear_pointer (&in->scratch, g_free);
      return TRUE;
    }

  if (g_rename (in->scratch, path) != 0)
    return copy_failed (folder, errno, error);

  g_clear_pointer (&in->scratch, g_free);
  sync_folder (folder);

  return TRUE;
}

char *
kt_document_library_hash_file (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree guchar *buffer = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (COPY_BUFFER);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, COPY_BUFFER,
                                      cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
    }

  return g_strdup (g_checksum_get_string (checksum));
}
