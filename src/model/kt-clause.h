/* kt-clause.h — a clause marked in a contract's PDF (klausul), as plain data
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kt-enums.h"

G_BEGIN_DECLS

/* A rectangle on a PDF page in points (1/72 inch), origin at the top left
 * of the page, y downwards: the coordinates of poppler's text layout and
 * selection. One per line of a marked passage. */
typedef struct {
  double x1, y1;   /* top left */
  double x2, y2;   /* bottom right */
} KtPageRect;

#define KT_TYPE_CLAUSE (kt_clause_get_type ())

typedef struct {
  gint64            id;
  gint64            version;       /* optimistic-concurrency counter */

  gint64            document_id;
  gint64            contract_id;   /* the document's contract (kept by the store) */
  guint             page;          /* 0-based page index */
  GArray           *quads;         /* KtPageRect, one per line, never NULL */
  char             *text;          /* the marked text */
  KtClauseCategory  category;
  char             *note;
  char             *colour;        /* "#rrggbb"; the category's colour by default */
  gint64            activity_id;   /* linked activity; 0 = none */

  /* Filled by the store when reading; ignored when writing. */
  char             *created_by;
  char             *created_at;    /* ISO 8601 UTC */
  char             *changed_by;
  char             *changed_at;
} KtClause;

GType       kt_clause_get_type           (void) G_GNUC_CONST;
/* An "other" clause with no rectangles, in the colour of its category. */
KtClause   *kt_clause_new                (void);
KtClause   *kt_clause_copy               (const KtClause   *clause);
void        kt_clause_free               (KtClause         *clause);
void        kt_clause_add_quad           (KtClause         *clause,
                                          const KtPageRect *rect);

/* The highlight colour of a category, "#rrggbb"; distinct from each other
 * and readable under black text. */
const char *kt_clause_category_colour    (KtClauseCategory  category);
/* The activity type a clause of this category usually leads to (price →
 * price regulation, option → option exercise, SLA → SLA/KPI measurement,
 * penalty → penalty, payment → payment deadline, termination →
 * renegotiation, exit → expiry, else other). */
KtActivityType kt_clause_category_activity_type (KtClauseCategory category);

/* The rectangles as stored: "x1 y1 x2 y2;x1 y1 x2 y2" with C-locale
 * numbers, and back. Parsing refuses anything else (NULL, error set). */
char       *kt_clause_quads_to_string    (GArray           *quads);
GArray     *kt_clause_quads_from_string  (const char       *text,
                                          GError          **error);

/* Problems that keep the clause from being saved (KtValidationProblem):
 * no document, no rectangles, an empty text, a colour not "#rrggbb". */
GPtrArray  *kt_clause_validate           (const KtClause   *clause);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtClause, kt_clause_free)

G_END_DECLS
