/* kt-tender-plan-view-refresh.c — the plan read again after a colleague's
 * save, without taking away the user's place
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-list-refresh.h"
#include "kt-tender-plan-view-private.h"

static gboolean
same_item (guint    old_position,
           guint    new_position,
           gpointer user_data)
{
  GPtrArray **items = user_data;
  const KtTenderPlanItem *x = g_ptr_array_index (items[0], old_position);
  const KtTenderPlanItem *y = g_ptr_array_index (items[1], new_position);

  if ((x->row == NULL) != (y->row == NULL))
    return FALSE;
  if (x->row == NULL)
    return x->year == y->year && x->quarter == y->quarter && x->count == y->count;

  return x->row->contract_id == y->row->contract_id &&
         g_strcmp0 (x->row->number, y->row->number) == 0 &&
         g_strcmp0 (x->row->name, y->row->name) == 0 &&
         g_strcmp0 (x->row->supplier_name, y->row->supplier_name) == 0 &&
         x->row->status == y->row->status &&
         x->row->procurement_form == y->row->procurement_form &&
         kt_list_same_date (&x->row->start, &y->row->start) &&
         kt_list_same_date (&x->row->end_date, &y->row->end_date) &&
         x->row->contract_sum == y->row->contract_sum &&
         x->row->annual_cost == y->row->annual_cost &&
         x->row->options_left == y->row->options_left &&
         x->row->late == y->row->late;
}

/* Only the lines that differ change: the others keep their widgets, the
 * selection and the focus while a colleague's save is read in. */
void
kt_tender_plan_view_store_items (KtTenderPlanView *self,
                                 GPtrArray        *items)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(GPtrArray) old = g_ptr_array_new_full (n_old, g_object_unref);
  GPtrArray *compared[2];
  guint position, removed, added;

  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (old, g_list_model_get_item (G_LIST_MODEL (self->items), i));

  compared[0] = old;
  compared[1] = items;
  kt_list_diff (old->len, items->len, same_item, compared, &position, &removed, &added);
  if (removed > 0 || added > 0)
    g_list_store_splice (self->items, position, removed, items->pdata + position, added);
}

static GtkSingleSelection *
table_selection (KtTenderPlanView *self)
{
  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->column_view));
}

static gint64
contract_at (KtTenderPlanView *self,
             guint             position)
{
  g_autoptr(KtTenderPlanItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  return item != NULL && item->row != NULL ? item->row->contract_id : 0;
}

static gboolean
is_contract (gpointer item)
{
  return KT_TENDER_PLAN_ITEM (item)->row != NULL;
}

/* The selected contract where it is now, else the contract that took its
 * place (quarter headers cannot be selected). */
static void
restore_selection (KtTenderPlanView *self,
                   gint64            contract_id,
                   guint             position)
{
  GtkSingleSelection *selection = table_selection (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint found = GTK_INVALID_LIST_POSITION;

  if (contract_id == 0)
    return;

  for (guint i = 0; found == GTK_INVALID_LIST_POSITION && i < n; i++)
    if (contract_at (self, i) == contract_id)
      found = i;
  if (found == GTK_INVALID_LIST_POSITION)
    found = kt_list_nearest (G_LIST_MODEL (self->items), position, is_contract);

  if (found != GTK_INVALID_LIST_POSITION && gtk_single_selection_get_selected (selection) != found)
    gtk_single_selection_set_selected (selection, found);
}

void
kt_tender_plan_view_refresh (KtTenderPlanView *self)
{
  g_autoptr(GError) error = NULL;
  KtListRefresh state;
  GPtrArray *rows;
  guint position;
  gint64 selected;

  g_return_if_fail (KT_IS_TENDER_PLAN_VIEW (self));

  if (self->store == NULL)
    return;

  /* Read when shown, as after any other change */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  position = gtk_single_selection_get_selected (table_selection (self));
  selected = position != GTK_INVALID_LIST_POSITION ? contract_at (self, position) : 0;
  kt_list_refresh_begin (&state, GTK_WIDGET (self), GTK_WIDGET (self->column_view),
                         GTK_WIDGET (self->column_view));

  rows = kt_tender_plan_view_load (self, &error);
  if (rows == NULL)
    {
      /* Locked for a moment: the next poll reads it */
      if (!kt_list_refresh_should_skip (error))
        {
          kt_tender_plan_view_set_rows (self, NULL);
          kt_dialog_show_error (GTK_WIDGET (self), _("Could Not Read the Contracts"),
                                error->message);
        }
      kt_list_refresh_end (&state);
      return;
    }

  self->dirty = FALSE;
  kt_tender_plan_view_set_rows (self, rows);
  restore_selection (self, selected, position);
  kt_list_refresh_end (&state);
}
