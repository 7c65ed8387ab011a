/* kt-pdf-document.h — one open PDF, safe to use from several threads
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * poppler-glib objects of one document must not be used from two threads
 * at once. Every poppler call on the document goes through this object,
 * behind one lock, so the viewer can render in a worker thread while the
 * window asks for text or searches.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "kt-clause.h"

G_BEGIN_DECLS

#define KT_PDF_ERROR (kt_pdf_error_quark ())

/* Messages are translated and meant to be shown as they are. */
typedef enum {
  KT_PDF_ERROR_NOT_FOUND,       /* the file is not there */
  KT_PDF_ERROR_NOT_PDF,         /* a file of another kind with a PDF name */
  KT_PDF_ERROR_DAMAGED,         /* a PDF poppler cannot read */
  KT_PDF_ERROR_NEEDS_PASSWORD,  /* encrypted; ask for the password */
  KT_PDF_ERROR_WRONG_PASSWORD,
  KT_PDF_ERROR_PAGE,            /* a page index out of range */
  KT_PDF_ERROR_WRITE,           /* saving a copy failed */
  KT_PDF_ERROR_CANCELLED,
} KtPdfError;

GQuark kt_pdf_error_quark (void);

#define KT_TYPE_PDF_DOCUMENT (kt_pdf_document_get_type ())
G_DECLARE_FINAL_TYPE (KtPdfDocument, kt_pdf_document, KT, PDF_DOCUMENT, GObject)

/* Opens @path (blocking: reads the cross-reference table; use the async
 * variant from the UI). @password may be NULL. Page sizes are read once
 * here so that layout never waits for the lock. */
KtPdfDocument *kt_pdf_document_open          (const char          *path,
                                              const char          *password,
                                              GCancellable        *cancellable,
                                              GError             **error);
void           kt_pdf_document_open_async    (const char          *path,
                                              const char          *password,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
KtPdfDocument *kt_pdf_document_open_finish   (GAsyncResult        *result,
                                              GError             **error);
/* The same, with messages naming the file @name (the attached document's
 * original name) rather than the stored "<sha256>.pdf"; NULL = the base
 * name of @path. Finish with kt_pdf_document_open_finish (). */
KtPdfDocument *kt_pdf_document_open_named    (const char          *path,
                                              const char          *name,
                                              const char          *password,
                                              GCancellable        *cancellable,
                                              GError             **error);
void           kt_pdf_document_open_named_async (const char       *path,
                                              const char          *name,
                                              const char          *password,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);

const char    *kt_pdf_document_get_path      (KtPdfDocument       *self);
/* The name messages use (see kt_pdf_document_open_named ()). */
const char    *kt_pdf_document_get_name      (KtPdfDocument       *self);
guint          kt_pdf_document_get_n_pages   (KtPdfDocument       *self);
/* In points; no lock taken. */
void           kt_pdf_document_get_page_size (KtPdfDocument       *self,
                                              guint                page,
                                              double              *width,
                                              double              *height);
/* The document's title from its metadata, or NULL. */
char          *kt_pdf_document_get_title     (KtPdfDocument       *self);

/* A white page at @scale device pixels per point (1.5 = 150 % on a
 * scale-1 screen; the viewer multiplies in the monitor's scale factor), as
 * an ARGB32 image surface. Any thread. */
cairo_surface_t *kt_pdf_document_render_page (KtPdfDocument       *self,
                                              guint                page,
                                              double               scale,
                                              GCancellable        *cancellable,
                                              GError             **error);
/* The same in the document's own worker thread, one page at a time in
 * the order asked (newest first would starve the visible pages: the
 * viewer cancels what scrolled away instead). */
void           kt_pdf_document_render_page_async  (KtPdfDocument       *self,
                                                   guint                page,
                                                   double               scale,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
cairo_surface_t *kt_pdf_document_render_page_finish (KtPdfDocument     *self,
                                                     GAsyncResult      *result,
                                                     GError           **error);

/* The page's text in reading order ("" for a page without text). */
char          *kt_pdf_document_get_page_text (KtPdfDocument       *self,
                                              guint                page);
/* Every occurrence of @text on the page, case-insensitive, as KtPageRect
 * (one per line of a match that wraps). */
GArray        *kt_pdf_document_find_text     (KtPdfDocument       *self,
                                              guint                page,
                                              const char          *text);
/* The text a selection dragged from @from to @to (page points) covers,
 * poppler's word-wise selection; and its line rectangles. Either output
 * may be NULL. FALSE when nothing is selected. */
gboolean       kt_pdf_document_select        (KtPdfDocument       *self,
                                              guint                page,
                                              double               from_x,
                                              double               from_y,
                                              double               to_x,
                                              double               to_y,
                                              char               **text,
                                              GArray             **rects);

/* Writes a copy of the document to @out_path with one PDF highlight
 * annotation (/Subtype /Highlight, quad points from the clause's
 * rectangles, its colour, its note and category as contents, its author)
 * per clause of @clauses (KtClause *). The original is never touched; the
 * copy appears only when complete (atomic rename). */
gboolean       kt_pdf_document_save_with_highlights (KtPdfDocument  *self,
                                                     GPtrArray      *clauses,
                                                     const char     *out_path,
                                                     GError        **error);

G_END_DECLS
