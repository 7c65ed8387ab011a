/* kt-supplier-score-item.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include "kt-supplier-score-item.h"

struct _KtSupplierScoreItem
{
  GObject          parent_instance;

  KtSupplierScore *score;
  char            *name_key;   /* collation key, made once: sorting compares often */
};

G_DEFINE_FINAL_TYPE (KtSupplierScoreItem, kt_supplier_score_item, G_TYPE_OBJECT)

static void
kt_supplier_score_item_finalize (GObject *object)
{
  KtSupplierScoreItem *self = KT_SUPPLIER_SCORE_ITEM (object);

  g_clear_pointer (&self->score, kt_supplier_score_free);
  g_clear_pointer (&self->name_key, g_free);

  G_OBJECT_CLASS (kt_supplier_score_item_parent_class)->finalize (object);
}

static void
kt_supplier_score_item_class_init (KtSupplierScoreItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kt_supplier_score_item_finalize;
}

static void
kt_supplier_score_item_init (KtSupplierScoreItem *self)
{
}

KtSupplierScoreItem *
kt_supplier_score_item_new (const KtSupplierScore *score)
{
  KtSupplierScoreItem *self;

  g_return_val_if_fail (score != NULL, NULL);

  self = g_object_new (KT_TYPE_SUPPLIER_SCORE_ITEM, NULL);
  self->score = kt_supplier_score_copy (score);
  self->name_key = g_utf8_collate_key (score->supplier_name != NULL ? score->supplier_name : "", -1);

  return self;
}

const KtSupplierScore *
kt_supplier_score_item_get_score (KtSupplierScoreItem *self)
{
  g_return_val_if_fail (KT_IS_SUPPLIER_SCORE_ITEM (self), NULL);

  return self->score;
}

static int
compare_numbers (gint64 a,
                 gint64 b)
{
  return a < b ? -1 : a > b;
}

int
kt_supplier_score_item_compare (KtSupplierScoreItem *a,
                                KtSupplierScoreItem *b,
                                KtScoreColumn        column)
{
  const KtSupplierScore *x = a->score;
  const KtSupplierScore *y = b->score;
  int result = 0;

  switch (column)
    {
    case KT_SCORE_COLUMN_SEGMENT:
      result = compare_numbers (x->segment, y->segment);
      break;
    case KT_SCORE_COLUMN_IMPORTANCE:
      result = compare_numbers (x->importance, y->importance);
      break;
    case KT_SCORE_COLUMN_RISK:
      result = compare_numbers (x->risk, y->risk);
      break;
    case KT_SCORE_COLUMN_ANNUAL_SPEND:
      result = compare_numbers (x->annual_spend, y->annual_spend);
      break;
    case KT_SCORE_COLUMN_CONTRACTS:
      result = compare_numbers (x->n_contracts, y->n_contracts);
      break;
    case KT_SCORE_COLUMN_PLACED_BY_HAND:
      result = compare_numbers (x->override != NULL, y->override != NULL);
      break;
    case KT_SCORE_COLUMN_SUPPLIER:
    case KT_N_SCORE_COLUMNS:
    default:
      break;
    }

  if (result == 0)
    result = strcmp (a->name_key, b->name_key);
  if (result == 0)
    result = compare_numbers (x->supplier_id, y->supplier_id);

  return result;
}
