/* kt-search-view.h — search everything: contract fields and document text
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry and the hits of kt_store_search (): per hit the contract
 * (number, name), where (a field, or the document and page) and a snippet
 * with the matched words in bold. Searching runs in a worker with its own
 * connection, so typing never waits for the disk; while the indexer works
 * the view says how far it has come and searches again when it finishes.
 * Keyboard: type to search, Down moves into the list, Enter opens a hit.
 */
#pragma once

#include <adwaita.h>

#include "kt-document-indexer.h"
#include "kt-search-hit.h"

G_BEGIN_DECLS

#define KT_TYPE_SEARCH_VIEW (kt_search_view_get_type ())
G_DECLARE_FINAL_TYPE (KtSearchView, kt_search_view, KT, SEARCH_VIEW, GtkWidget)

/* Signals: "hit-activated" (KtSearchHit *, the query's words as GStrv). */
GtkWidget  *kt_search_view_new          (void);
/* NULLs detach. */
void        kt_search_view_set_store    (KtSearchView      *self,
                                         KtStore           *store);
void        kt_search_view_set_indexer  (KtSearchView      *self,
                                         KtDocumentIndexer *indexer);
void        kt_search_view_set_text     (KtSearchView      *self,
                                         const char        *text);
void        kt_search_view_focus_entry  (KtSearchView      *self);
/* A colleague saved: searches again for the current query, if there is
 * one and the view is shown (showing it searches again anyway). The hits
 * change only if they differ; the focused hit and the scroll position
 * stay; a file locked for a moment keeps the hits shown. Emits nothing. */
void        kt_search_view_refresh      (KtSearchView      *self);

G_END_DECLS
