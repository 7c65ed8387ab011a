/* kt-document-indexer-private.h — the indexing loop shared by the worker
 * thread and kt_document_indexer_run_sync ()
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-document-indexer.h"

G_BEGIN_DECLS

typedef struct _KtIndexerJob KtIndexerJob;

/* Called in the loop's thread before each document, after each page and,
 * with its id, after each document indexed. */
typedef void (*KtIndexerProgressFunc) (const KtIndexerJob *job,
                                       gint64              indexed_id);

struct _KtIndexerJob
{
  /* Set by the caller */
  KtStore               *store;
  GCancellable          *cancellable;
  KtIndexerProgressFunc  progress;
  gpointer               user_data;

  /* Kept by the loop */
  KtDocumentLibrary     *library;       /* the caller clears it */
  guint                  document;      /* 0-based, of n_documents */
  guint                  n_documents;
  guint                  pages_done;
  guint                  pages_total;
  guint                  n_indexed;
};

/* Indexes every pending document of job->store (nothing for a read-only
 * one). Documents that cannot be read are marked or left pending; FALSE
 * for a store error or cancellation. */
gboolean kt_indexer_job_run (KtIndexerJob  *job,
                             GError       **error);

G_END_DECLS
