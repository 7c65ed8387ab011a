/* kt-error-row.h — a field's validation message, shown right below it
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KT_TYPE_ERROR_ROW (kt_error_row_get_type ())

G_DECLARE_FINAL_TYPE (KtErrorRow, kt_error_row, KT, ERROR_ROW, GtkListBoxRow)

/* A row for a boxed list, placed right after the row of field. It is hidden
 * while there is no message; with a message it shows it, gives field the
 * "error" style class and sets the message as field's accessible
 * description, so a screen reader reads it with the field. */
KtErrorRow *kt_error_row_new         (GtkWidget  *field);
void        kt_error_row_set_message (KtErrorRow *self,
                                      const char *message);
/* The same message as a quiet hint: for a field the user has not reached
 * yet on a new record, which should guide rather than scold. The field is
 * not marked invalid. */
void        kt_error_row_set_hint    (KtErrorRow *self,
                                      const char *message);
const char *kt_error_row_get_message (KtErrorRow *self);

G_END_DECLS
