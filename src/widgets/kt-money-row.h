/* kt-money-row.h — an entry row for an amount in kroner and øre
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KT_TYPE_MONEY_ROW (kt_money_row_get_type ())

G_DECLARE_FINAL_TYPE (KtMoneyRow, kt_money_row, KT, MONEY_ROW, AdwEntryRow)

/* Reads what the user types with kt_parse_money () ("1.234.567,50" under
 * Danish) and tidies it with kt_format_money_input () when focus leaves. */
GtkWidget *kt_money_row_new        (void);
/* KT_MONEY_NONE empties the row. */
void       kt_money_row_set_amount (KtMoneyRow  *self,
                                    gint64       ore);
/* An empty row is KT_MONEY_NONE (TRUE). Text that is not an amount: FALSE
 * with a translated error; *ore is then KT_MONEY_NONE. */
gboolean   kt_money_row_get_amount (KtMoneyRow  *self,
                                    gint64      *ore,
                                    GError     **error);

G_END_DECLS
