/* kt-spin-row.h — an action row with a spin button for a whole number
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KT_TYPE_SPIN_ROW (kt_spin_row_get_type ())

G_DECLARE_FINAL_TYPE (KtSpinRow, kt_spin_row, KT, SPIN_ROW, AdwActionRow)

/* libadwaita 1.2 has no AdwSpinRow. Emits "changed" as the user types or
 * steps, not only when the spin button commits its value. */
GtkWidget *kt_spin_row_new       (void);
void       kt_spin_row_set_range (KtSpinRow *self,
                                  guint      min,
                                  guint      max);
void       kt_spin_row_set_value (KtSpinRow *self,
                                  guint      value);
/* What is typed, when it is a whole number in range; else the last
 * committed value. */
guint      kt_spin_row_get_value (KtSpinRow *self);

G_END_DECLS
