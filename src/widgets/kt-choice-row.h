/* kt-choice-row.h — a row to pick one of many records, with search
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KT_TYPE_CHOICE_ROW (kt_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (KtChoiceRow, kt_choice_row, KT, CHOICE_ROW, AdwActionRow)

/* An action row with a searchable GtkDropDown of records known by their
 * id. The first choice is always "None" (id 0). AdwComboRow of
 * libadwaita 1.2 cannot search, which a list of 25+ suppliers needs.
 * Emits "changed" when the user picks another choice. */
GtkWidget *kt_choice_row_new             (void);
/* Removes every choice but "None". */
void       kt_choice_row_clear           (KtChoiceRow *self);
void       kt_choice_row_append          (KtChoiceRow *self,
                                          gint64       id,
                                          const char  *label);
/* An id that is not among the choices is added as "Unknown" rather than
 * dropped, so that saving the form never changes it silently. */
void       kt_choice_row_set_selected_id (KtChoiceRow *self,
                                          gint64       id);
gint64     kt_choice_row_get_selected_id (KtChoiceRow *self);

G_END_DECLS
