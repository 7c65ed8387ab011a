/* kt-matrix-view-refresh.c — the matrix read again after a colleague's
 * save, without taking away the user's place
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-list-refresh.h"
#include "kt-matrix-view-private.h"

void
kt_matrix_view_refresh (KtMatrixView *self)
{
  KtListRefresh state;
  gboolean table;
  guint position;
  gint64 selected;

  g_return_if_fail (KT_IS_MATRIX_VIEW (self));

  if (self->store == NULL)
    return;

  /* Read when shown, as after any other change */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  /* The drawing keeps its focused bubble and the details their supplier
   * by themselves (kt_matrix_set_scores (), kt_matrix_view_recompute ()) */
  table = gtk_toggle_button_get_active (self->table_toggle);
  selected = kt_matrix_view_table_selected (self);
  position = gtk_single_selection_get_selected (self->selection);
  kt_list_refresh_begin (&state, GTK_WIDGET (self), GTK_WIDGET (self->column_view),
                         table ? GTK_WIDGET (self->column_view) : GTK_WIDGET (self->matrix));

  if (kt_matrix_view_load (self, TRUE, NULL) && selected != 0 &&
      kt_matrix_view_table_selected (self) != selected)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

      /* A supplier no longer in the matrix: the one that took its place */
      if (n > 0 && position != GTK_INVALID_LIST_POSITION)
        gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
    }

  kt_list_refresh_end (&state);
}
