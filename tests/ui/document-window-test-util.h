/* document-window-test-util.h — the fixture of the document window's tests
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-document-window-private.h"

G_BEGIN_DECLS

/* A portfolio with one contract (K-2024-007 Økonomisystem, price regulated
 * on 1 June 2027) in a temporary folder; the store's identity is "tester". */
typedef struct {
  char              *dir;
  char              *path;
  KtStore           *store;
  KtDocumentLibrary *library;
  gint64             contract_id;
  KtDocument        *document;  /* attached by dw_attach () */
  KtDocumentWindow  *window;
  guint              finds;     /* the view's "find-finished" */
} DwFixture;

/* Five pages: "opsigelse" on pages 2 and 5, "prisregulering" on page 3,
 * "bod" on page 4 (1-based) */
extern const char *const dw_contract_pages[5];

void        dw_fixture_set_up       (DwFixture          *f,
                                     gconstpointer       data);
/* Closes every window and checks that the document window is finalized. */
void        dw_fixture_tear_down    (DwFixture          *f,
                                     gconstpointer       data);
void        dw_open_store           (DwFixture          *f,
                                     KtStoreOpenFlags    flags);

void        dw_iterate              (void);
/* Runs the main loop for @ms milliseconds (animations, timeouts). */
void        dw_run_for              (guint               ms);
/* Runs the main loop until @done (@data), at most 20 s; fails the test then. */
void        dw_wait_until           (gboolean          (*done) (gpointer),
                                     gpointer            data);
/* The window is no longer hashing or opening. */
gboolean    dw_is_settled           (gpointer            window);

/* Writes a PDF of @pages (encrypted when @password) and attaches it as the
 * contract's signed contract (f->document). */
void        dw_attach               (DwFixture          *f,
                                     const char         *name,
                                     const char *const  *pages,
                                     guint               n_pages,
                                     const char         *password);
/* The same with the five pages of dw_contract_pages. */
void        dw_attach_contract      (DwFixture          *f,
                                     const char         *name);
char       *dw_stored_path          (DwFixture          *f);
/* A document window on f->document, presented, counting finds. */
void        dw_create_window        (DwFixture          *f);
/* The same, once it has opened (or failed to). */
void        dw_open_window          (DwFixture          *f);

const char *dw_label_text           (GtkWidget          *label);
/* Types @text into the find bar as a person would (Ctrl+F first), and
 * waits for the current match. */
void        dw_find_text            (DwFixture          *f,
                                     const char         *text);
/* The contract's clauses in the store. */
GPtrArray  *dw_clauses              (DwFixture          *f);
gboolean    dw_has_n_clauses        (gpointer            fixture);  /* one clause */
/* A toplevel window of @type, or NULL. */
gpointer    dw_find_toplevel        (GType               type);
gboolean    dw_has_clause_dialog    (gpointer            unused);
gboolean    dw_has_no_clause_dialog (gpointer            unused);
/* Stores a clause over the first match of @text on @page (0-based). */
KtClause   *dw_store_clause         (DwFixture          *f,
                                     guint               page,
                                     const char         *text,
                                     KtClauseCategory    category);

G_END_DECLS
