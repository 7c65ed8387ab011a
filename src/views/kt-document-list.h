/* kt-document-list.h — the documents of one contract, on its page
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwPreferencesGroup: one row per document (name, kind, pages, size,
 * who attached it and when, a warning when the file is missing or has
 * changed), "Attach…" (several files at once) and drag and drop of files
 * onto the group. Activating a PDF opens a KtDocumentWindow, any other
 * file the desktop's default application. Per row: change the kind,
 * locate a missing file, remove (undoable).
 */
#pragma once

#include <adwaita.h>

#include "kt-document-library.h"
#include "kt-document-window.h"

G_BEGIN_DECLS

#define KT_TYPE_DOCUMENT_LIST (kt_document_list_get_type ())
G_DECLARE_FINAL_TYPE (KtDocumentList, kt_document_list, KT, DOCUMENT_LIST, AdwPreferencesGroup)

/* Signals: "changed" — a document was attached, removed or restored (the
 * window starts the indexer); "activities-changed" — from a document
 * window it opened. */
GtkWidget  *kt_document_list_new          (void);
/* @library NULL empties the list. */
void        kt_document_list_set_library  (KtDocumentList    *self,
                                           KtDocumentLibrary *library);
/* @contract_id 0: a contract not saved yet (attaching is off until it is). */
void        kt_document_list_set_contract (KtDocumentList    *self,
                                           gint64             contract_id);
void        kt_document_list_reload       (KtDocumentList    *self);
/* A colleague saved: reads the documents again; the rows are rebuilt only
 * when a document changed, and the focused one keeps the focus (or its
 * neighbour when it is gone). A file locked for a moment is skipped; the
 * next poll reads it. Emits nothing. */
void        kt_document_list_refresh      (KtDocumentList    *self);
/* Opens @document_id as activating its row would; for search hits. */
KtDocumentWindow *kt_document_list_open_document (KtDocumentList *self,
                                                  gint64          document_id);

G_END_DECLS
