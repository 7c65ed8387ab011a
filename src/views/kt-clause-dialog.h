/* kt-clause-dialog.h — marks a clause, or edits one: category and note
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_CLAUSE_DIALOG (kt_clause_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KtClauseDialog, kt_clause_dialog, KT, CLAUSE_DIALOG, AdwWindow)

/* A modal window over @parent's window for @clause (id 0: a new one, with
 * its page, rectangles and text already set). Shows the marked text; the
 * category (its colour follows) and the note can be changed. Save
 * (Ctrl+S, or Enter in the note) writes it with kt_store_save_clause ().
 *
 * Signals: "saved" (gint64 id) after the store wrote it, then the window
 * closes itself; "conflict" (const char *message) when a colleague changed
 * or removed the clause meanwhile: the window closes, and its owner shows
 * the message and reloads. Other errors are shown in the window. On a
 * read-only store it only shows the clause. */
KtClauseDialog  *kt_clause_dialog_new        (GtkWidget      *parent,
                                              KtStore        *store,
                                              const KtClause *clause);
/* The clause as the rows have it now. */
KtClause        *kt_clause_dialog_get_clause (KtClauseDialog *self);
void             kt_clause_dialog_set_category (KtClauseDialog   *self,
                                                KtClauseCategory  category);
void             kt_clause_dialog_set_note   (KtClauseDialog *self,
                                              const char     *note);

G_END_DECLS
