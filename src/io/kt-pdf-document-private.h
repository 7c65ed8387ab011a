/* kt-pdf-document-private.h — what the highlight export shares with
 * KtPdfDocument
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

#include "kt-pdf-document.h"

G_BEGIN_DECLS

/* A new PopplerDocument for @path (not shared: no lock), with poppler's
 * errors put in the user's words (KT_PDF_ERROR), naming the file
 * @display_name (NULL: its base name). */
PopplerDocument *kt_pdf_document_load_poppler (const char     *path,
                                               const char     *display_name,
                                               const char     *password,
                                               GError        **error);
/* Whether the first bytes of a file hold the "%PDF-" header (readers
 * accept it anywhere in the first 1024 bytes). */
gboolean         kt_pdf_has_magic             (const guchar   *head,
                                               gsize           length);
/* The password the document was opened with, or NULL. */
const char      *kt_pdf_document_get_password (KtPdfDocument  *self);

G_END_DECLS
