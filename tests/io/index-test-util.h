/* index-test-util.h — portfolios with attached PDFs, for the indexer and
 * search tests
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-document-library.h"

G_BEGIN_DECLS

/* A portfolio "Portefølje.kontrakter" in a new temporary folder. */
typedef struct {
  char              *dir;
  char              *path;
  KtStore           *store;
  KtDocumentLibrary *library;
} IndexFixture;

void        index_fixture_setup       (IndexFixture  *fixture,
                                       gconstpointer  data);
void        index_fixture_teardown    (IndexFixture  *fixture,
                                       gconstpointer  data);
/* Closes the fixture's own connection (and reopens it). */
void        index_fixture_close       (IndexFixture  *fixture);
void        index_fixture_reopen      (IndexFixture  *fixture);

/* A live contract; @notes may be NULL. Returns its id. */
gint64      index_add_contract        (IndexFixture  *fixture,
                                       const char    *number,
                                       const char    *name,
                                       const char    *notes);
/* Writes a PDF called @name with @pages (kt_pdf_test_write) outside the
 * documents folder and attaches it to @contract_id as a signed contract. */
KtDocument *index_attach_pdf          (IndexFixture  *fixture,
                                       gint64         contract_id,
                                       const char    *name,
                                       const char *const *pages,
                                       guint          n_pages);
/* Attaches the file at @source as it is. */
KtDocument *index_attach_file         (IndexFixture  *fixture,
                                       gint64         contract_id,
                                       const char    *source);
/* A PDF of @n_pages full pages of Danish text, page N starting
 * "Side N": slow enough to read that a run can be caught in the middle. */
void        index_write_long_pdf      (const char    *path,
                                       guint          n_pages);
KtIndexState index_state              (IndexFixture  *fixture,
                                       gint64         document_id);
guint       index_n_pending           (IndexFixture  *fixture);

G_END_DECLS
