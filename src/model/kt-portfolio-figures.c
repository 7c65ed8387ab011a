/* kt-portfolio-figures.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-deadlines.h"
#include "kt-portfolio-figures.h"
#include "kt-tender-plan.h"

static void
supplier_spend_free (KtSupplierSpend *spend)
{
  g_free (spend->supplier_name);
  g_free (spend);
}

static void
get_today (const GDate *today,
           GDate       *out)
{
  if (today != NULL && g_date_valid (today))
    {
      *out = *today;
      return;
    }

  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

static gboolean
is_live (const KtContract *contract)
{
  return contract->status == KT_STATUS_PLANNED ||
         contract->status == KT_STATUS_ACTIVE ||
         contract->status == KT_STATUS_NOTICE_GIVEN;
}

static int
compare_spend (gconstpointer a,
               gconstpointer b)
{
  const KtSupplierSpend *x = *(KtSupplierSpend * const *) a;
  const KtSupplierSpend *y = *(KtSupplierSpend * const *) b;
  int r;

  if (x->annual_spend != y->annual_spend)
    return x->annual_spend > y->annual_spend ? -1 : 1;
  if ((r = g_utf8_collate (x->supplier_name, y->supplier_name)) != 0)
    return r;
  return (x->supplier_id > y->supplier_id) - (x->supplier_id < y->supplier_id);
}

static void
add_spend (GHashTable       *by_supplier,
           GPtrArray        *spends,
           const KtContract *contract)
{
  KtSupplierSpend *spend;

  if (contract->supplier_id == 0)
    return;

  spend = g_hash_table_lookup (by_supplier, &contract->supplier_id);
  if (spend == NULL)
    {
      spend = g_new0 (KtSupplierSpend, 1);
      spend->supplier_id = contract->supplier_id;
      spend->supplier_name = g_strdup (contract->supplier_name != NULL ? contract->supplier_name : "");
      g_hash_table_insert (by_supplier, &spend->supplier_id, spend);
      g_ptr_array_add (spends, spend);
    }
  spend->annual_spend += contract->annual_cost;
  spend->n_contracts++;
}

static void
count_overdue (KtPortfolioFigures       *figures,
               GPtrArray                *contracts,
               GPtrArray                *activities,
               const KtDeadlineSettings *settings)
{
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (activities == NULL)
    activities = none = g_ptr_array_new ();

  /* The same collection the upcoming deadlines list makes, on a window of
   * today alone: what came before it is the overdue part. */
  items = kt_deadlines_collect (contracts, activities, settings, &figures->today,
                                &figures->today, &figures->today,
                                KT_DEADLINES_INCLUDE_OVERDUE);

  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);

      if (kt_deadline_item_get_urgency (item, &figures->today) != KT_URGENCY_OVERDUE)
        continue;
      if (item->derived)
        figures->n_overdue_derived++;
      else
        figures->n_overdue_activities++;
    }
  figures->n_overdue = figures->n_overdue_activities + figures->n_overdue_derived;
}

KtPortfolioFigures *
kt_portfolio_figures_compute (GPtrArray                *contracts,
                              GPtrArray                *activities,
                              const KtDeadlineSettings *settings,
                              const GDate              *today)
{
  g_autoptr(GHashTable) by_supplier = NULL;
  g_autoptr(GPtrArray) spends = NULL;
  KtPortfolioFigures *figures;

  g_return_val_if_fail (contracts != NULL, NULL);

  figures = g_new0 (KtPortfolioFigures, 1);
  get_today (today, &figures->today);
  figures->expiring_until = figures->today;
  g_date_add_months (&figures->expiring_until, 12);

  /* The table only finds the records; the array owns them. */
  by_supplier = g_hash_table_new (g_int64_hash, g_int64_equal);
  spends = g_ptr_array_new_with_free_func ((GDestroyNotify) supplier_spend_free);

  for (guint i = 0; i < contracts->len; i++)
    {
      const KtContract *contract = g_ptr_array_index (contracts, i);

      if (contract->status <= KT_STATUS_EXPIRED)
        figures->n_by_status[contract->status]++;
      if (!is_live (contract))
        continue;

      figures->n_live++;

      if (contract->annual_cost == KT_MONEY_NONE)
        figures->n_unknown_annual_cost++;
      else
        {
          figures->total_annual_cost += contract->annual_cost;
          add_spend (by_supplier, spends, contract);
        }

      if (g_date_valid (&contract->end_date) &&
          g_date_compare (&contract->end_date, &figures->today) >= 0 &&
          g_date_compare (&contract->end_date, &figures->expiring_until) <= 0)
        figures->n_expiring++;
    }

  count_overdue (figures, contracts, activities, settings);

  g_clear_pointer (&by_supplier, g_hash_table_unref);
  g_ptr_array_sort (spends, compare_spend);
  /* Known, but nothing (or credit notes): no bar to draw. They sort last. */
  while (spends->len > 0 &&
         ((KtSupplierSpend *) g_ptr_array_index (spends, spends->len - 1))->annual_spend <= 0)
    g_ptr_array_set_size (spends, spends->len - 1);

  figures->n_suppliers_with_spend = spends->len;
  if (spends->len > KT_PORTFOLIO_TOP_SUPPLIERS)
    g_ptr_array_set_size (spends, KT_PORTFOLIO_TOP_SUPPLIERS);
  for (guint i = 0; i < spends->len; i++)
    figures->top_suppliers_spend += ((KtSupplierSpend *) g_ptr_array_index (spends, i))->annual_spend;
  figures->top_suppliers = g_steal_pointer (&spends);

  return figures;
}

void
kt_portfolio_figures_free (KtPortfolioFigures *figures)
{
  if (figures == NULL)
    return;

  g_clear_pointer (&figures->top_suppliers, g_ptr_array_unref);
  g_free (figures);
}

GPtrArray *
kt_portfolio_committee_deadlines (GPtrArray   *items,
                                  const GDate *today,
                                  guint        months)
{
  GPtrArray *chosen;
  GDate from, to;

  g_return_val_if_fail (items != NULL, NULL);

  get_today (today, &from);
  to = from;
  g_date_add_months (&to, months);

  chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);

      if (item->status != KT_ACTIVITY_STATUS_OPEN ||
          g_date_compare (&item->date, &from) < 0 ||
          g_date_compare (&item->date, &to) > 0)
        continue;
      if (item->type != KT_ACTIVITY_EXPIRY &&
          item->type != KT_ACTIVITY_RENEGOTIATION &&
          item->type != KT_ACTIVITY_OPTION_EXERCISE)
        continue;

      g_ptr_array_add (chosen, kt_deadline_item_copy (item));
    }

  return chosen;
}

void
kt_portfolio_tender_horizon (const GDate *today,
                             guint        quarters,
                             int         *year,
                             guint       *quarter)
{
  GDate now;
  guint n;

  g_return_if_fail (year != NULL && quarter != NULL);

  get_today (today, &now);
  /* Quarters counted from the first of this year, this one included */
  n = (g_date_get_month (&now) - 1) / 3 + MAX (quarters, 1);
  *year = g_date_get_year (&now) + (int) ((n - 1) / 4);
  *quarter = (n - 1) % 4 + 1;
}

GPtrArray *
kt_portfolio_tender_rows (GPtrArray   *rows,
                          const GDate *today,
                          guint        quarters)
{
  GPtrArray *chosen;
  GDate last;
  int year;
  guint quarter;

  g_return_val_if_fail (rows != NULL, NULL);

  /* The day before the first of the quarter after the horizon */
  kt_portfolio_tender_horizon (today, quarters, &year, &quarter);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 1, quarter * 3 - 2, year);
  g_date_add_months (&last, 3);
  g_date_subtract_days (&last, 1);

  chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_tender_plan_row_free);
  for (guint i = 0; i < rows->len; i++)
    {
      const KtTenderPlanRow *row = g_ptr_array_index (rows, i);

      if (g_date_valid (&row->start) && g_date_compare (&row->start, &last) <= 0)
        g_ptr_array_add (chosen, kt_tender_plan_row_copy (row));
    }

  return chosen;
}
