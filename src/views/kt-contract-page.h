/* kt-contract-page.h — view and edit one contract
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-document-library.h"
#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_CONTRACT_PAGE (kt_contract_page_get_type ())

G_DECLARE_FINAL_TYPE (KtContractPage, kt_contract_page, KT, CONTRACT_PAGE, GtkWidget)

/* A page of the window with its own header bar: back, the contract's
 * number and name, History, Save (Ctrl+S) and a menu with Revert and
 * Delete.
 *
 * The file is shared with colleagues: saves and deletes go through
 * kt_write_run () (a locked or unreachable file keeps the edit in the
 * form; Save is off while one waits). A save that lost a race with a
 * colleague opens a KtMergeDialog, field by field, against the contract as
 * it was loaded. A contract a colleague deleted stays in the form with a
 * note saying so, so that the user can copy from it; it cannot be saved
 * (there is nothing left to save into) and Back leaves it.
 *
 * Signals:
 *   "saved"           (gint64 id)  after an insert or update
 *   "deleted"         (gint64 id)  after a (soft) delete; the window offers undo
 *   "close-requested" ()           back button or Escape; the page does not ask
 *                                  about unsaved changes itself
 *   "activities-changed" ()        an activity of the contract was added, changed,
 *                                  marked done or deleted (they are saved at once) */
KtContractPage *kt_contract_page_new                 (void);
void            kt_contract_page_set_store           (KtContractPage  *self,
                                                      KtStore         *store);
gboolean        kt_contract_page_load                (KtContractPage  *self,
                                                      gint64           contract_id,
                                                      GError         **error);
/* A blank form with the defaults of kt_contract_new (); nothing is stored
 * until it is saved. */
void            kt_contract_page_new_contract        (KtContractPage  *self);
gboolean        kt_contract_page_has_unsaved_changes (KtContractPage  *self);
/* After a colleague saved anything: a newer version of the contract shown
 * is loaded into the form when it holds no unsaved edit, keeping the scroll
 * position and the focus; otherwise the edit stays and a note above the
 * form says who changed it (a save then merges). A contract deleted
 * meanwhile gets the same kind of note. Activities, documents and an open
 * history window are read again, keeping the focused row. */
void            kt_contract_page_refresh             (KtContractPage  *self);
/* Reads the activities and the deadline settings again (computed deadlines
 * follow the portfolio's settings). */
void            kt_contract_page_refresh_deadlines   (KtContractPage  *self);
/* Focuses the row of a deadline in the activities of the loaded contract
 * (kt_activity_list_focus_deadline ()); call once the page is shown. */
gboolean        kt_contract_page_focus_deadline      (KtContractPage  *self,
                                                      gint64           activity_id,
                                                      KtDerivedKind    derived_kind);
/* The documents group works on this library (the window's, one per
 * portfolio); signal "documents-changed" when a document was attached,
 * removed or restored. */
void            kt_contract_page_set_library         (KtContractPage    *self,
                                                      KtDocumentLibrary *library);
/* Opens a document of the loaded contract as its row would, a PDF at @page
 * (1-based; 0 = where it was) with @words found there. FALSE when no
 * document window opened: another kind of file went to the desktop's
 * application, or the problem was shown to the user. */
gboolean        kt_contract_page_open_document       (KtContractPage    *self,
                                                      gint64             document_id,
                                                      guint              page,
                                                      const char *const *words);

G_END_DECLS
