/* kt-document-files.h — the file work of the documents folder, shared by
 * KtDocumentLibrary's calls: copy in while hashing, name by hash, stay
 * inside the folder
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here touches the store, so all of it may run in a worker thread.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A file copied into the folder under a temporary name, not yet named by
 * its hash. Clearing it removes the temporary file, if still there. */
typedef struct {
  char    *scratch;
  char    *sha256;
  char    *media_type;
  char    *display_name;
  gint64   size;
  guint    n_pages;     /* PDF pages; 0 when encrypted, damaged or no PDF */
} KtIncoming;

void        kt_incoming_clear                (KtIncoming    *in);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KtIncoming, kt_incoming_clear)

/* "pdf", "docx", ... for a stored media type; "bin" for any other. */
const char *kt_document_files_extension      (const char    *media_type);
/* FALSE (UNSAFE_PATH) when @folder, or @file in it (may be NULL), exists
 * and resolves outside the folder. */
gboolean    kt_document_files_check_inside   (const char    *folder,
                                              const char    *file,
                                              GError       **error);
/* Creates @folder if needed (not its parents), streams @source into it
 * while hashing, syncs it, and probes it (media type from the content,
 * PDF pages). Refuses empty and too large files. */
gboolean    kt_document_files_copy_in        (const char    *folder,
                                              GFile         *source,
                                              KtIncoming    *in,
                                              GCancellable  *cancellable,
                                              GError       **error);
/* Renames the copy to "<sha256>.<ext>". */
gboolean    kt_document_files_commit         (const char    *folder,
                                              KtIncoming    *in,
                                              gboolean       repair,
                                              GError       **error);

G_END_DECLS
