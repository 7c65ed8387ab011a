/* kt-document.h — a file attached to a contract (dokument), as plain data
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file itself lives in the documents folder beside the portfolio file
 * (kt-document-library.h), named by the SHA-256 of its content. The store
 * keeps only the hash, never a path: nothing read from the file can point
 * a path anywhere else.
 */
#pragma once

#include <glib-object.h>

#include "kt-enums.h"

G_BEGIN_DECLS

#define KT_TYPE_DOCUMENT (kt_document_get_type ())

/* Where the text of a document stands in the full-text index. */
typedef enum {
  KT_INDEX_STATE_PENDING,    /* not indexed yet, or indexed from another hash */
  KT_INDEX_STATE_INDEXED,
  KT_INDEX_STATE_ENCRYPTED,  /* needs a password; indexed once someone opens it */
  KT_INDEX_STATE_UNREADABLE, /* not a PDF, or damaged; a scanned PDF without a text
                              * layer is INDEXED, with empty pages (no OCR) */
  KT_INDEX_STATE_NOT_PDF,    /* Word, ODT, ...: only its name is searched */
} KtIndexState;

typedef struct {
  gint64          id;
  gint64          version;        /* optimistic-concurrency counter */

  gint64          contract_id;
  KtDocumentKind  kind;
  char           *sha256;         /* 64 lowercase hex digits: the stored file's name */
  char           *original_name;  /* file name as attached, display only ("Kontrakt underskrevet.pdf") */
  char           *media_type;     /* "application/pdf", ... (from the content) */
  gint64          size;           /* bytes */
  guint           n_pages;        /* PDF pages; 0 when unknown or not a PDF */
  char           *added_by;       /* display name, as changed_by */
  char           *added_at;       /* ISO 8601 UTC */
  char           *note;

  /* Filled by the store when reading; ignored when writing. */
  KtIndexState    index_state;
  char           *contract_number;
  char           *contract_name;
  char           *changed_by;
  char           *changed_at;
} KtDocument;

GType       kt_document_get_type        (void) G_GNUC_CONST;
/* An "other" document without a file. */
KtDocument *kt_document_new             (void);
KtDocument *kt_document_copy            (const KtDocument *document);
void        kt_document_free            (KtDocument       *document);
gboolean    kt_document_is_pdf          (const KtDocument *document);
/* TRUE for exactly 64 lowercase hex digits. */
gboolean    kt_document_sha256_is_valid (const char       *sha256);
/* A first guess at the kind from the file name and media type: PDFs named
 * like a signed contract ("underskrevet", "signed", "kontrakt") are signed
 * contracts, other PDFs appendices, Word/ODT originals, names with "udbud"
 * / "tender" tender documents. */
KtDocumentKind kt_document_guess_kind   (const char       *file_name,
                                         const char       *media_type);
/* "2.4 MB" style size, translated. */
char       *kt_document_format_size     (gint64            size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtDocument, kt_document_free)

G_END_DECLS
