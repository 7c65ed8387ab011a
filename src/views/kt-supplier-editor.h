/* kt-supplier-editor.h — the fields of one supplier, editable
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-supplier.h"

G_BEGIN_DECLS

#define KT_TYPE_SUPPLIER_EDITOR (kt_supplier_editor_get_type ())

G_DECLARE_FINAL_TYPE (KtSupplierEditor, kt_supplier_editor, KT, SUPPLIER_EDITOR, AdwPreferencesPage)

/* Name, CVR number, address, contact persons and notes, and the supplier's
 * contracts. Knows nothing of the store. Signals: "changed" on every edit
 * by the user; "contract-activated" (gint64 id). */
GtkWidget  *kt_supplier_editor_new           (void);
/* contracts: the supplier's KtContract records, or NULL for a supplier
 * that is not stored yet. */
void        kt_supplier_editor_set_supplier  (KtSupplierEditor *self,
                                              const KtSupplier *supplier,
                                              GPtrArray        *contracts);
/* A copy of base with the editor's values; a valid CVR number is
 * normalised to its 8 digits. */
KtSupplier *kt_supplier_editor_get_supplier  (KtSupplierEditor *self,
                                              const KtSupplier *base);
/* Problems of kt_supplier_validate (), shown under their fields. */
void        kt_supplier_editor_show_problems (KtSupplierEditor *self,
                                              GPtrArray        *problems);
void        kt_supplier_editor_set_editable  (KtSupplierEditor *self,
                                              gboolean          editable);
void        kt_supplier_editor_focus_name    (KtSupplierEditor *self);

G_END_DECLS
