/* kt-tender-plan.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-deadlines.h"
#include "kt-tender-plan.h"

G_DEFINE_BOXED_TYPE (KtTenderPlanRow, kt_tender_plan_row,
                     kt_tender_plan_row_copy, kt_tender_plan_row_free)

KtTenderPlanRow *
kt_tender_plan_row_copy (const KtTenderPlanRow *row)
{
  KtTenderPlanRow *copy;

  g_return_val_if_fail (row != NULL, NULL);

  copy = g_memdup2 (row, sizeof *row);
  copy->number = g_strdup (row->number);
  copy->name = g_strdup (row->name);
  copy->supplier_name = g_strdup (row->supplier_name);

  return copy;
}

void
kt_tender_plan_row_free (KtTenderPlanRow *row)
{
  if (row == NULL)
    return;

  g_free (row->number);
  g_free (row->name);
  g_free (row->supplier_name);
  g_free (row);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const KtTenderPlanRow *ra = *(KtTenderPlanRow * const *) a;
  const KtTenderPlanRow *rb = *(KtTenderPlanRow * const *) b;
  int r;

  if ((r = g_date_compare (&ra->start, &rb->start)) != 0)
    return r;
  if ((r = g_date_compare (&ra->end_date, &rb->end_date)) != 0)
    return r;
  if ((r = g_strcmp0 (ra->number, rb->number)) != 0)
    return r;

  return (ra->contract_id > rb->contract_id) - (ra->contract_id < rb->contract_id);
}

GPtrArray *
kt_tender_plan_build (GPtrArray                *contracts,
                      const KtDeadlineSettings *settings,
                      const GDate              *today)
{
  g_autoptr(KtDeadlineSettings) defaults = NULL;
  GPtrArray *rows;
  GDate now;

  g_return_val_if_fail (contracts != NULL, NULL);

  if (settings == NULL)
    settings = defaults = kt_deadline_settings_new ();
  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_tender_plan_row_free);

  for (guint i = 0; i < contracts->len; i++)
    {
      const KtContract *c = g_ptr_array_index (contracts, i);
      KtTenderPlanRow *row;
      GDate start;

      if (!kt_contract_derived_date (c, settings, &now, KT_DERIVED_REPROCUREMENT_START, &start))
        continue;

      row = g_new0 (KtTenderPlanRow, 1);
      row->contract_id = c->id;
      row->number = g_strdup (c->number);
      row->name = g_strdup (c->name);
      row->supplier_name = g_strdup (c->supplier_name);
      row->status = c->status;
      row->procurement_form = c->procurement_form;
      row->lead_months = kt_deadline_settings_get_lead_months (settings, c->procurement_form);
      row->start = start;
      row->year = g_date_get_year (&start);
      row->quarter = (g_date_get_month (&start) - 1) / 3 + 1;
      row->end_date = c->end_date;
      row->contract_sum = c->contract_sum;
      row->annual_cost = c->annual_cost;
      row->options_left = c->option_count > c->options_used ? c->option_count - c->options_used : 0;
      row->late = g_date_compare (&start, &now) < 0;
      g_ptr_array_add (rows, row);
    }

  g_ptr_array_sort (rows, compare_rows);

  return rows;
}

char *
kt_tender_plan_quarter_label (int   year,
                              guint quarter)
{
  /* Translators: a quarter of a year, "Q3 2026" (Danish: "3. kvartal 2026") */
  return g_strdup_printf (_("Q%u %d"), quarter, year);
}
