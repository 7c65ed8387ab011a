/* kt-supplier-list.h — the searchable list of suppliers beside the editor
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KT_TYPE_SUPPLIER_LIST (kt_supplier_list_get_type ())

G_DECLARE_FINAL_TYPE (KtSupplierList, kt_supplier_list, KT, SUPPLIER_LIST, GtkWidget)

/* A search entry, an "Add Supplier" button (action "suppliers.add", which
 * the suppliers view provides) and a list of names with CVR number and
 * number of contracts. Emits "supplier-chosen" (gint64 id) when the user
 * picks a supplier; selecting through the API is silent. */
GtkWidget *kt_supplier_list_new           (void);
/* suppliers: KtSupplier records in display order; contracts: every live
 * KtContract, to count them per supplier (may be NULL). */
void       kt_supplier_list_set_suppliers (KtSupplierList *self,
                                           GPtrArray      *suppliers,
                                           GPtrArray      *contracts);
/* Shows id as the selected row (0: none) while it passes the search. */
void       kt_supplier_list_select        (KtSupplierList *self,
                                           gint64          id);
/* The first supplier shown, 0 when the list is empty. */
gint64     kt_supplier_list_get_first_id  (KtSupplierList *self);

G_END_DECLS
