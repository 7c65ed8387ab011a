/* kt-clause-row.h — one clause in the clause panel
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListBoxRow: a stripe in the clause's colour, where it is, its first
 * words, its note and linked activity, and a menu (also the Menu key or
 * Shift+F10 on the row) whose actions — "clause.edit", "clause.remove",
 * "clause.create-activity", "clause.link-activity" — carry the clause's
 * id. Screen readers hear all of it as the row's name.
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-activity.h"
#include "kt-clause.h"

G_BEGIN_DECLS

/* @clause must outlive the row; @activity (may be NULL) is the linked one. */
GtkWidget *kt_clause_row_new        (KtClause         *clause,
                                     const char       *where,
                                     const KtActivity *activity,
                                     const char       *menu_tooltip);
KtClause  *kt_clause_row_get_clause (GtkListBoxRow    *row);

/* The first words of a clause's text, white space collapsed, "…" when cut. */
char      *kt_clause_first_words    (const char       *text,
                                     guint             max_words);

G_END_DECLS
