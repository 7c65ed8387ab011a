/* kt-search-hit.h — one hit of the portfolio's full-text search
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The snippet marks the matched words with these two control characters,
 * which no document text contains (the indexer drops control characters):
 * the UI turns them into bold, the command line drops them. */
#define KT_SEARCH_MARK_START "\002"
#define KT_SEARCH_MARK_END   "\003"

#define KT_TYPE_SEARCH_HIT (kt_search_hit_get_type ())

typedef struct {
  gint64  contract_id;
  char   *contract_number;
  char   *contract_name;

  /* A hit in a document: its id, name and 1-based page. A hit in the
   * contract's own fields: document_id 0, page 0 and the column name in
   * @field ("name", "notes", "supplier", ...). */
  gint64  document_id;
  char   *document_name;
  guint   page;
  char   *field;

  char   *snippet;  /* a few words around the match, marked as above */
  double  rank;     /* lower is better (FTS5 bm25) */
} KtSearchHit;

GType        kt_search_hit_get_type    (void) G_GNUC_CONST;
KtSearchHit *kt_search_hit_new         (void);
KtSearchHit *kt_search_hit_copy        (const KtSearchHit *hit);
void         kt_search_hit_free        (KtSearchHit       *hit);

/* Where the hit is, for people: "page 4 of Kontrakt.pdf" / "Notes", translated. */
char        *kt_search_hit_describe_where (const KtSearchHit *hit);
/* The snippet without its marks. */
char        *kt_search_hit_plain_snippet  (const KtSearchHit *hit);
/* The snippet as Pango markup, escaped, matches in bold. */
char        *kt_search_hit_snippet_markup (const KtSearchHit *hit);

/* The words of a user's query (split on white space, no empty ones), for
 * highlighting a hit in the document it points to. */
GStrv        kt_search_query_words     (const char        *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtSearchHit, kt_search_hit_free)

G_END_DECLS
