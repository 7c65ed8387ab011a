/* kt-document-indexer.h — puts the text of attached PDFs into the index
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in a worker thread with its own connection to the portfolio file
 * (a KtStore is used from one thread at a time), one document per short
 * write transaction so colleagues are never locked out for long. The main
 * thread only receives progress, batched, so the window never stalls.
 */
#pragma once

#include <gio/gio.h>

#include "kt-document-library.h"

G_BEGIN_DECLS

#define KT_TYPE_DOCUMENT_INDEXER (kt_document_indexer_get_type ())
G_DECLARE_FINAL_TYPE (KtDocumentIndexer, kt_document_indexer, KT, DOCUMENT_INDEXER, GObject)

/* Properties (main thread): "busy" (gboolean), "fraction" (double 0–1 of
 * the pages of the current run), "status" (translated, "Indexing 3 of 7
 * documents…" / NULL when idle).
 * Signals: "document-indexed" (gint64 document_id), "finished" (guint
 * n_documents_indexed). */
KtDocumentIndexer *kt_document_indexer_new      (const char         *portfolio_path);
/* Looks for pending documents and indexes them; when a run is going, one
 * more scan follows it (call it after every attach). No-op for a
 * read-only portfolio. */
void        kt_document_indexer_start           (KtDocumentIndexer  *self);
/* Cancels the run (called on dispose too); waits for nothing. */
void        kt_document_indexer_stop            (KtDocumentIndexer  *self);
gboolean    kt_document_indexer_get_busy        (KtDocumentIndexer  *self);
double      kt_document_indexer_get_fraction    (KtDocumentIndexer  *self);
const char *kt_document_indexer_get_status      (KtDocumentIndexer  *self);

/* The same work in the calling thread (command line, tests, example):
 * indexes every pending document of @store. Documents that cannot be read
 * are marked and skipped; FALSE only for a store error or cancellation. */
gboolean    kt_document_indexer_run_sync        (KtStore            *store,
                                                 GCancellable       *cancellable,
                                                 guint              *n_indexed,
                                                 GError            **error);

G_END_DECLS
