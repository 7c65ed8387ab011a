/* kt-document-library.h — the documents folder beside a portfolio file
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Aftaler.kontrakter" keeps its files in "Aftaler-dokumenter/" next to it,
 * so that the pair moves together on a network drive. A file is stored as
 * "<sha256>.<ext>" (ext from its content: pdf, docx, odt, ...), written
 * under a temporary name and renamed when complete, never overwritten and
 * never deleted by the app (a removed document can be restored, and the
 * same file may belong to several contracts). The folder name does not
 * depend on the language: colleagues share it.
 */
#pragma once

#include <gio/gio.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_DOCUMENT_ERROR (kt_document_error_quark ())

/* Messages are translated and meant to be shown as they are. */
typedef enum {
  KT_DOCUMENT_ERROR_FAILED,
  KT_DOCUMENT_ERROR_MISSING,         /* not in the folder; the message says where it was expected */
  KT_DOCUMENT_ERROR_UNSAFE_PATH,     /* a stored hash or a link that leads outside the folder */
  KT_DOCUMENT_ERROR_DIFFERENT_FILE,  /* located file differs from the attached one */
  KT_DOCUMENT_ERROR_TOO_LARGE,
  KT_DOCUMENT_ERROR_EMPTY,
} KtDocumentError;

GQuark kt_document_error_quark (void);

typedef enum {
  KT_DOCUMENT_OK,
  KT_DOCUMENT_MISSING,
  KT_DOCUMENT_CHANGED,   /* its content no longer has the stored hash */
} KtDocumentState;

#define KT_TYPE_DOCUMENT_LIBRARY (kt_document_library_get_type ())
G_DECLARE_FINAL_TYPE (KtDocumentLibrary, kt_document_library, KT, DOCUMENT_LIBRARY, GObject)

/* The library of the store's portfolio file. The folder is created on the
 * first attach, not here (opening a portfolio writes nothing). */
KtDocumentLibrary *kt_document_library_new      (KtStore            *store);
KtStore    *kt_document_library_get_store       (KtDocumentLibrary  *self);
/* "/share/Aftaler-dokumenter" for "/share/Aftaler.kontrakter". */
const char *kt_document_library_get_folder      (KtDocumentLibrary  *self);
/* The folder for a portfolio path, without a library (tests, CLI). */
char       *kt_document_library_folder_for      (const char         *portfolio_path);

/* The stored file of @document. Fails with UNSAFE_PATH for an invalid
 * hash, or when the file or folder is a link that resolves outside the
 * folder; does not check that the file exists. */
char       *kt_document_library_get_path        (KtDocumentLibrary  *self,
                                                 const KtDocument   *document,
                                                 GError            **error);
/* The same, but only when the file is there: else MISSING, with a message
 * that names the document and the path where its file was expected. */
char       *kt_document_library_get_existing_path (KtDocumentLibrary *self,
                                                 const KtDocument   *document,
                                                 GError            **error);

/* Copies @source into the folder while hashing it, probes it (media type
 * from the content, PDF page count; an encrypted PDF is fine) and inserts
 * the document row of @contract_id. The copy is complete and synced before
 * the row exists; if the row cannot be written the copy stays (harmless,
 * found again by its hash next time). Blocking: use the async variant from
 * the UI. @kind < 0 guesses it (kt_document_guess_kind). */
KtDocument *kt_document_library_attach          (KtDocumentLibrary  *self,
                                                 gint64              contract_id,
                                                 GFile              *source,
                                                 int                 kind,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
void        kt_document_library_attach_async    (KtDocumentLibrary  *self,
                                                 gint64              contract_id,
                                                 GFile              *source,
                                                 int                 kind,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
KtDocument *kt_document_library_attach_finish   (KtDocumentLibrary  *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);

/* Re-hashes the stored file. MISSING / CHANGED are states, not errors;
 * FALSE only for an unsafe path or an I/O error. Blocking. */
gboolean    kt_document_library_verify          (KtDocumentLibrary  *self,
                                                 const KtDocument   *document,
                                                 KtDocumentState    *state,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
void        kt_document_library_verify_async    (KtDocumentLibrary  *self,
                                                 const KtDocument   *document,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
gboolean    kt_document_library_verify_finish   (KtDocumentLibrary  *self,
                                                 GAsyncResult       *result,
                                                 KtDocumentState    *state,
                                                 GError            **error);

/* A missing file found elsewhere by the user: copied back into the folder
 * when its hash matches. When it differs, fails with DIFFERENT_FILE unless
 * @replace, which stores it as the document's new content (the hash
 * changes, audited, the document is indexed again). Blocking. */
gboolean    kt_document_library_relocate        (KtDocumentLibrary  *self,
                                                 KtDocument         *document,
                                                 GFile              *found,
                                                 gboolean            replace,
                                                 GCancellable       *cancellable,
                                                 GError            **error);

/* The SHA-256 of a file, streamed (64 lowercase hex digits). */
char       *kt_document_library_hash_file       (GFile              *file,
                                                 GCancellable       *cancellable,
                                                 GError            **error);

G_END_DECLS
