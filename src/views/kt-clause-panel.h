/* kt-clause-panel.h — the clauses of a contract, by category, beside its PDF
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list under category headings; per clause its page, first words, note
 * and linked activity. Click or Enter on a clause emits "clause-activated"
 * (the window scrolls to it and flashes it); each row has a menu (also
 * Menu or Shift+F10 on the row): edit, create an activity, link to an
 * activity, remove. The panel only shows and asks: the window does the
 * work.
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-activity.h"
#include "kt-clause.h"

G_BEGIN_DECLS

#define KT_TYPE_CLAUSE_PANEL (kt_clause_panel_get_type ())
G_DECLARE_FINAL_TYPE (KtClausePanel, kt_clause_panel, KT, CLAUSE_PANEL, GtkWidget)

/* Signals, each with the clause (KtClause *): "clause-activated",
 * "edit-clause", "remove-clause", "create-activity", "link-activity". */
GtkWidget *kt_clause_panel_new           (void);
/* @clauses (KtClause *) of the contract, in the order to show; @activities
 * (KtActivity *, may be NULL) for the linked ones' descriptions;
 * @document_names maps a document id (gint64 *) to its name, for clauses
 * in another document than @document_id (may be NULL). The panel keeps
 * references to the arrays. */
void       kt_clause_panel_set_clauses   (KtClausePanel *self,
                                          GPtrArray     *clauses,
                                          GPtrArray     *activities,
                                          GHashTable    *document_names,
                                          gint64         document_id);
/* Off: the menu only shows, with @reason as the tooltip of its items'
 * button. */
void       kt_clause_panel_set_editable  (KtClausePanel *self,
                                          gboolean       editable,
                                          const char    *reason);
/* Selects the row of @clause_id and scrolls it into view; FALSE when it
 * is not listed. */
gboolean   kt_clause_panel_select        (KtClausePanel *self,
                                          gint64         clause_id);
/* Gives the keyboard focus to the selected row, else the first. */
void       kt_clause_panel_focus         (KtClausePanel *self);
guint      kt_clause_panel_get_n_clauses (KtClausePanel *self);

G_END_DECLS
