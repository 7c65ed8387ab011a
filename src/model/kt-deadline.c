/* kt-deadline.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-deadline.h"

void
kt_date_subtract_months (GDate *date,
                         guint  months)
{
  GDateDay day;
  GDateMonth month;
  GDateYear year;
  guint8 days_in_target;
  gboolean last_day;
  gint64 index;

  g_return_if_fail (date != NULL);
  g_return_if_fail (g_date_valid (date));

  day = g_date_get_day (date);
  month = g_date_get_month (date);
  year = g_date_get_year (date);
  last_day = day == g_date_get_days_in_month (month, year);

  /* Months counted from January of year 0. */
  index = (gint64) year * 12 + (month - 1) - months;
  g_return_if_fail (index >= 12);

  year = (GDateYear) (index / 12);
  month = (GDateMonth) (index % 12 + 1);
  days_in_target = g_date_get_days_in_month (month, year);

  if (last_day || day > days_in_target)
    day = days_in_target;

  g_date_set_dmy (date, day, month, year);
}

void
kt_date_to_period_end (GDate        *date,
                       KtNoticeRule  rule)
{
  GDateMonth month;
  GDateYear year;

  g_return_if_fail (date != NULL);
  g_return_if_fail (g_date_valid (date));

  month = g_date_get_month (date);
  year = g_date_get_year (date);

  switch (rule)
    {
    case KT_NOTICE_RULE_ANY_DAY:
      return;

    case KT_NOTICE_RULE_MONTH_END:
      break;

    case KT_NOTICE_RULE_QUARTER_END:
      month = (GDateMonth) ((month - 1) / 3 * 3 + 3);
      break;

    case KT_NOTICE_RULE_YEAR_END:
      month = G_DATE_DECEMBER;
      break;

    default:
      g_return_if_reached ();
    }

  g_date_set_dmy (date, g_date_get_days_in_month (month, year), month, year);
}

static gboolean
date_before (const GDate *a,
             const GDate *b)
{
  return g_date_compare (a, b) < 0;
}

/* The first day T with T - months >= today. Subtracting months is monotonic
 * (non-decreasing) in T, so any later day qualifies too; adding months gives a
 * guess that is at most a few days off because of clamping. */
static void
earliest_effective_day (const GDate *today,
                        guint        months,
                        GDate       *out)
{
  GDate probe;

  *out = *today;
  g_date_add_months (out, months);

  for (;;)
    {
      probe = *out;
      kt_date_subtract_months (&probe, months);
      if (!date_before (&probe, today))
        break;
      g_date_add_days (out, 1);
    }

  for (;;)
    {
      GDate earlier = *out;

      g_date_subtract_days (&earlier, 1);
      probe = earlier;
      kt_date_subtract_months (&probe, months);
      if (date_before (&probe, today))
        break;
      *out = earlier;
    }
}

gboolean
kt_contract_last_notice_day (const KtContract *contract,
                             const GDate      *today,
                             GDate            *out)
{
  GDate target;

  g_return_val_if_fail (contract != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);

  if (contract->status == KT_STATUS_NOTICE_GIVEN ||
      contract->status == KT_STATUS_EXPIRED)
    return FALSE;

  if (contract->running)
    {
      GDate now;

      if (today == NULL || !g_date_valid (today))
        {
          g_autoptr(GDateTime) dt = g_date_time_new_now_local ();

          g_date_clear (&now, 1);
          g_date_set_dmy (&now,
                          (GDateDay) g_date_time_get_day_of_month (dt),
                          (GDateMonth) g_date_time_get_month (dt),
                          (GDateYear) g_date_time_get_year (dt));
        }
      else
        {
          now = *today;
        }

      earliest_effective_day (&now, contract->notice_months, &target);

      if (g_date_valid (&contract->irrevocable_until) &&
          date_before (&target, &contract->irrevocable_until))
        target = contract->irrevocable_until;

      kt_date_to_period_end (&target, contract->notice_rule);
    }
  else if (g_date_valid (&contract->end_date))
    {
      target = contract->end_date;
      kt_date_to_period_end (&target, contract->notice_rule);
    }
  else
    {
      return FALSE;
    }

  kt_date_subtract_months (&target, contract->notice_months);
  *out = target;

  return TRUE;
}
