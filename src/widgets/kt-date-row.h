/* kt-date-row.h — an entry row for a date, typed or picked from a calendar
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KT_TYPE_DATE_ROW (kt_date_row_get_type ())

G_DECLARE_FINAL_TYPE (KtDateRow, kt_date_row, KT, DATE_ROW, AdwEntryRow)

/* The text is what the user typed; it is read with kt_parse_date () in the
 * current format style and tidied (kt_format_date ()) when focus leaves the
 * row. Editing emits GtkEditable::changed like any entry. */
GtkWidget *kt_date_row_new      (void);
/* NULL or an invalid date empties the row. */
void       kt_date_row_set_date (KtDateRow    *self,
                                 const GDate  *date);
/* An empty row is an unset date: TRUE with *out cleared. Text that is not a
 * date: FALSE with a translated error, *out cleared. */
gboolean   kt_date_row_get_date (KtDateRow    *self,
                                 GDate        *out,
                                 GError      **error);

G_END_DECLS
