/* kt-pdf-view.h — continuous pages of a PDF, rendered off the main thread
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkScrollable: put it in a GtkScrolledWindow. Pages are laid out from
 * the sizes KtPdfDocument read at open, so scrolling a 1,000-page PDF
 * never waits for poppler; visible pages (and one either side) are
 * rendered by the document's worker at the zoom times the monitor's scale
 * factor (crisp on HiDPI), older renders shown scaled until the new ones
 * arrive. Draws on top: the clause highlights, the find matches (the
 * current one stronger) and the text selection.
 *
 * Keyboard (the usual document-viewer keys): arrows, Page Up/Down, Space,
 * Home/End, Ctrl+Home/End, Ctrl+plus/minus/0, Ctrl+C copies the selection.
 * Mouse: drag selects text, Ctrl+scroll zooms, a click on a highlight
 * emits "clause-activated". The accessible tree names each page ("Page 3
 * of 40") and each highlight with its category and text.
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-clause.h"
#include "kt-pdf-document.h"

G_BEGIN_DECLS

typedef enum {
  KT_PDF_ZOOM_FREE,       /* the "zoom" property as set */
  KT_PDF_ZOOM_FIT_WIDTH,  /* the widest page fills the width */
  KT_PDF_ZOOM_FIT_PAGE,   /* the current page fits whole */
} KtPdfZoomMode;

#define KT_TYPE_PDF_ZOOM_MODE (kt_pdf_zoom_mode_get_type ())
GType kt_pdf_zoom_mode_get_type (void) G_GNUC_CONST;

#define KT_TYPE_PDF_VIEW (kt_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (KtPdfView, kt_pdf_view, KT, PDF_VIEW, GtkWidget)

/* Properties: "document" (KtPdfDocument), "page" (guint, 0-based, the page
 * at the top of the view; settable), "n-pages", "zoom" (double, 1.0 =
 * 100 %, 0.1–8.0), "zoom-mode" (KtPdfZoomMode; setting "zoom" makes it
 * FREE), "has-selection", "n-matches", "current-match" (int, -1 = none).
 * Signals: "clause-activated" (KtClause *), "find-finished" (guint n). */
GtkWidget     *kt_pdf_view_new               (void);
void           kt_pdf_view_set_document      (KtPdfView       *self,
                                              KtPdfDocument   *document);
KtPdfDocument *kt_pdf_view_get_document      (KtPdfView       *self);

guint          kt_pdf_view_get_page          (KtPdfView       *self);
void           kt_pdf_view_set_page          (KtPdfView       *self,
                                              guint            page);
/* Scrolls so that @rect of @page is in view, centred when it was not. */
void           kt_pdf_view_scroll_to_rect    (KtPdfView       *self,
                                              guint            page,
                                              const KtPageRect *rect);

double         kt_pdf_view_get_zoom          (KtPdfView       *self);
void           kt_pdf_view_set_zoom          (KtPdfView       *self,
                                              double           zoom);
KtPdfZoomMode  kt_pdf_view_get_zoom_mode     (KtPdfView       *self);
void           kt_pdf_view_set_zoom_mode     (KtPdfView       *self,
                                              KtPdfZoomMode    mode);
void           kt_pdf_view_zoom_in           (KtPdfView       *self);
void           kt_pdf_view_zoom_out          (KtPdfView       *self);

/* Searches every page in the worker (case-insensitive), highlights all
 * matches as they come, moves to the first one on or after the current
 * page; "find-finished" when all pages are done. NULL or "" clears. */
void           kt_pdf_view_find              (KtPdfView       *self,
                                              const char      *text);
void           kt_pdf_view_find_next         (KtPdfView       *self);
void           kt_pdf_view_find_previous     (KtPdfView       *self);
guint          kt_pdf_view_get_n_matches     (KtPdfView       *self);
int            kt_pdf_view_get_current_match (KtPdfView       *self);
/* Where the current match is: its page and rectangle (a match that wraps
 * counts as one match per line). FALSE when there is none. */
gboolean       kt_pdf_view_get_current_match_rect (KtPdfView  *self,
                                                   guint      *page,
                                                   KtPageRect *rect);

/* The selection lies on one page: its page, line rectangles (KtPageRect)
 * and text. FALSE when there is none. */
gboolean       kt_pdf_view_get_selection     (KtPdfView       *self,
                                              guint           *page,
                                              GArray         **rects,
                                              char           **text);
void           kt_pdf_view_clear_selection   (KtPdfView       *self);
/* Copies the selected text to the clipboard. */
void           kt_pdf_view_copy_selection    (KtPdfView       *self);

/* The clauses (KtClause *) drawn as highlights, in their colours; the
 * view keeps a reference to the array. */
void           kt_pdf_view_set_clauses       (KtPdfView       *self,
                                              GPtrArray       *clauses);

G_END_DECLS
