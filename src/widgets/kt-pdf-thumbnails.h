/* kt-pdf-thumbnails.h — the pages of a PDF as a list of small pictures
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView (only visible rows are rendered, in the document's
 * worker), each row the page's picture and number, named "Page 3" for
 * screen readers. Selecting a row moves the KtPdfView it follows; the view
 * scrolling selects the row.
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-pdf-view.h"

G_BEGIN_DECLS

#define KT_TYPE_PDF_THUMBNAILS (kt_pdf_thumbnails_get_type ())
G_DECLARE_FINAL_TYPE (KtPdfThumbnails, kt_pdf_thumbnails, KT, PDF_THUMBNAILS, GtkWidget)

GtkWidget *kt_pdf_thumbnails_new      (void);
/* Follows @view's document and page; NULL detaches. */
void       kt_pdf_thumbnails_set_view (KtPdfThumbnails *self,
                                       KtPdfView       *view);

G_END_DECLS
