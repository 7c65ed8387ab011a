/* kt-portfolio-view-refresh.c — the table read again after a colleague's
 * save, without taking away the user's place
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-contract-row.h"
#include "kt-list-refresh.h"
#include "kt-portfolio-view-private.h"

static gint64
row_key (gpointer item)
{
  return kt_contract_row_get_contract (item)->id;
}

/* A new version, or a renamed supplier, person or unit it shows; the
 * notice day of a running contract moves with the date. */
static gboolean
row_same (gconstpointer a,
          gconstpointer b,
          gpointer      user_data)
{
  KtContractRow *row_a = KT_CONTRACT_ROW ((gpointer) a);
  KtContractRow *row_b = KT_CONTRACT_ROW ((gpointer) b);
  const KtContract *x = kt_contract_row_get_contract (row_a);
  const KtContract *y = kt_contract_row_get_contract (row_b);

  return x->version == y->version &&
         g_strcmp0 (x->supplier_name, y->supplier_name) == 0 &&
         g_strcmp0 (x->system_owner_name, y->system_owner_name) == 0 &&
         g_strcmp0 (x->administrator_name, y->administrator_name) == 0 &&
         g_strcmp0 (x->org_unit_name, y->org_unit_name) == 0 &&
         kt_list_same_date (kt_contract_row_get_notice_date (row_a), kt_contract_row_get_notice_date (row_b));
}

/* Refilling the drop-down would close it under the user's pointer: only
 * when the units did change. */
void
kt_portfolio_view_set_org_units (KtPortfolioView *self,
                                 GPtrArray       *units)
{
  if (units == NULL)
    g_clear_pointer (&self->units_key, g_free);
  else if (!kt_list_records_changed (&self->units_key, NULL, units))
    return;

  kt_portfolio_filter_bar_set_org_units (self->filter_bar, units);
}

void
kt_portfolio_view_sync_rows (KtPortfolioView *self,
                             GPtrArray       *rows)
{
  /* Only what changed: the other rows keep their place, selection and
   * focus */
  kt_list_store_sync (self->rows, rows->pdata, rows->len, row_key, row_same, NULL);
}

/* The toast overlay of the window, as the window shows other errors of the
 * table. */
static void
show_refresh_error (KtPortfolioView *self,
                    const char      *message)
{
  GtkWidget *overlay;

  /* Every poll would say it again */
  if (g_strcmp0 (message, self->refresh_error) == 0)
    return;
  g_free (self->refresh_error);
  self->refresh_error = g_strdup (message);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("Could not read the contracts: %s", message);
}

void
kt_portfolio_view_refresh (KtPortfolioView *self)
{
  g_autoptr(GError) error = NULL;
  KtListRefresh state;
  guint position;
  gint64 id;

  g_return_if_fail (KT_IS_PORTFOLIO_VIEW (self));

  if (self->store == NULL)
    return;

  id = kt_portfolio_view_selected_id (self);
  position = gtk_single_selection_get_selected (self->selection);
  kt_list_refresh_begin (&state, GTK_WIDGET (self), GTK_WIDGET (self->column_view),
                         GTK_WIDGET (self->column_view));

  if (!kt_portfolio_view_reload (self, &error))
    {
      kt_list_refresh_end (&state);
      if (!kt_list_refresh_should_skip (error))
        show_refresh_error (self, error->message);
      return;
    }
  g_clear_pointer (&self->refresh_error, g_free);

  /* A colleague deleted it: the row that took its place */
  if (id != 0 && !kt_portfolio_view_select_id (self, id) && position != GTK_INVALID_LIST_POSITION)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

      if (n > 0)
        gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
    }

  kt_list_refresh_end (&state);
}
