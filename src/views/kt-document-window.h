/* kt-document-window.h — one attached PDF: viewer, find, clause highlights
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window of its own, so that the contract form and the signed PDF can
 * sit side by side. Verifies the file's hash when it opens (a changed
 * signed contract is warned about), asks for the password of an encrypted
 * PDF, offers to locate a missing file, and says clearly what is wrong
 * with a damaged one. Header: page number entry, zoom (fit width, fit
 * page, percentages), find (Ctrl+F, every match highlighted, Enter /
 * Shift+Enter / Ctrl+G for next and previous), sidebar (F9) with the pages
 * and the contract's clauses by category, "Mark Clause" (Ctrl+M) for the
 * selected text, and a menu: export a copy with the highlights as PDF
 * annotations, open in another application.
 */
#pragma once

#include <adwaita.h>

#include "kt-document-library.h"

G_BEGIN_DECLS

#define KT_TYPE_DOCUMENT_WINDOW (kt_document_window_get_type ())
G_DECLARE_FINAL_TYPE (KtDocumentWindow, kt_document_window, KT, DOCUMENT_WINDOW, AdwApplicationWindow)

/* Signals: "activities-changed" — a clause created or linked an activity
 * (the contract page and the overviews reload); "document-changed" — a
 * missing file was located or a changed one taken as the new version (the
 * documents list reloads, the indexer runs). */
KtDocumentWindow *kt_document_window_new      (GtkApplication    *application,
                                               KtDocumentLibrary *library,
                                               const KtDocument  *document);
gint64      kt_document_window_get_document_id (KtDocumentWindow *self);
/* Shows @page (1-based, as in search hits) with @words highlighted as find
 * matches, once the document is open. */
void        kt_document_window_show_page      (KtDocumentWindow  *self,
                                               guint              page,
                                               const char *const *words);

G_END_DECLS
