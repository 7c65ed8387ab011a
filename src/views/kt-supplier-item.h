/* kt-supplier-item.h — one supplier in the list of the suppliers view
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kt-supplier.h"

G_BEGIN_DECLS

#define KT_TYPE_SUPPLIER_ITEM (kt_supplier_item_get_type ())

G_DECLARE_FINAL_TYPE (KtSupplierItem, kt_supplier_item, KT, SUPPLIER_ITEM, GObject)

/* Read-only properties "name", "details" (CVR number and number of
 * contracts, for the list's second line). */
KtSupplierItem *kt_supplier_item_new          (const KtSupplier *supplier,
                                               guint             n_contracts);
gint64          kt_supplier_item_get_id       (KtSupplierItem   *self);
const char     *kt_supplier_item_get_name     (KtSupplierItem   *self);
const char     *kt_supplier_item_get_details  (KtSupplierItem   *self);
/* Whether the name or CVR number contains the needle, which comes from
 * kt_fold_for_search (). */
gboolean        kt_supplier_item_matches      (KtSupplierItem   *self,
                                               const char       *casefolded_needle);

G_END_DECLS
