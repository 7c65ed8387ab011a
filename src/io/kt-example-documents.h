/* kt-example-documents.h — the example portfolio's contract documents
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kt-store.h"

G_BEGIN_DECLS

/* Gives a handful of the curated example's contracts (the ERP system, ESDH,
 * server hosting, an SKI agreement, a KOMBIT system, a data processing
 * agreement, ...) their signed contract as a generated PDF written from
 * the contract's own data — one also an appendix — attached to the
 * documents folder of @store's file, marks the key clauses (notice, price
 * regulation, exit, penalty) on three of them, linking the price
 * regulation clause to the contract's price regulation activity, and
 * indexes the text so that search finds it at once.
 *
 * @store must be the curated example (kt_example_populate with
 * n_contracts 0), writable and at its final path: the documents folder is
 * named after it. Contracts of the list that are not there are skipped.
 * The same example (seed and reference date) gives byte-identical PDFs.
 * @n_documents (may be NULL) is the number of documents attached. On error
 * what was attached before it stays. */
gboolean kt_example_add_documents (KtStore  *store,
                                   guint    *n_documents,
                                   GError  **error);

G_END_DECLS
