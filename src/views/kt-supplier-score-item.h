/* kt-supplier-score-item.h — one supplier's score as a list item
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kt-supplier-score.h"

G_BEGIN_DECLS

#define KT_TYPE_SUPPLIER_SCORE_ITEM (kt_supplier_score_item_get_type ())

G_DECLARE_FINAL_TYPE (KtSupplierScoreItem, kt_supplier_score_item, KT, SUPPLIER_SCORE_ITEM, GObject)

/* The sortable columns of the matrix's table. */
typedef enum {
  KT_SCORE_COLUMN_SUPPLIER,
  KT_SCORE_COLUMN_SEGMENT,
  KT_SCORE_COLUMN_IMPORTANCE,
  KT_SCORE_COLUMN_RISK,
  KT_SCORE_COLUMN_ANNUAL_SPEND,
  KT_SCORE_COLUMN_CONTRACTS,
  KT_SCORE_COLUMN_PLACED_BY_HAND,
  KT_N_SCORE_COLUMNS
} KtScoreColumn;

/* Keeps a copy of score. */
KtSupplierScoreItem   *kt_supplier_score_item_new       (const KtSupplierScore *score);
const KtSupplierScore *kt_supplier_score_item_get_score (KtSupplierScoreItem   *self);
/* strcmp-like order for column; ties by supplier name, then id, so the
 * order is stable. Names sort by the collation of LC_COLLATE; segments
 * from strategic to non-critical. */
int                    kt_supplier_score_item_compare   (KtSupplierScoreItem   *a,
                                                         KtSupplierScoreItem   *b,
                                                         KtScoreColumn          column);

G_END_DECLS
