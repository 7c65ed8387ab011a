/* kt-recurrence.c — occurrences of recurring activities, marking them done
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Occurrences are computed by their index from the anchor, never by
 * stepping from the previous one: stepping would let a clamped day drift
 * (31 Jan → 28 Feb → 28 Mar) and would cost a loop over every occurrence
 * since the anchor to find the ones in a window.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-deadlines-private.h"

#define MIN_MONTH_INDEX ((gint64) 1 * 12)
#define MAX_MONTH_INDEX ((gint64) 9999 * 12 + 11)

static gint64
month_index (const GDate *date)
{
  return (gint64) g_date_get_year (date) * 12 + (g_date_get_month (date) - 1);
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

guint
kt_recurrence_months (KtRecurrence recurrence)
{
  switch (recurrence)
    {
    case KT_RECURRENCE_NONE:
      return 0;
    case KT_RECURRENCE_MONTHLY:
      return 1;
    case KT_RECURRENCE_QUARTERLY:
      return 3;
    case KT_RECURRENCE_HALF_YEARLY:
      return 6;
    case KT_RECURRENCE_YEARLY:
      return 12;
    default:
      g_return_val_if_reached (0);
    }
}

gboolean
kt_recurrence_nth (const GDate *anchor,
                   guint        step,
                   gint64       n,
                   GDate       *out)
{
  GDateDay day = g_date_get_day (anchor);
  GDateMonth month = g_date_get_month (anchor);
  GDateYear year = g_date_get_year (anchor);
  gboolean last_day = day == g_date_get_days_in_month (month, year);
  gint64 index = (gint64) year * 12 + (month - 1) + n * (gint64) step;
  guint8 days_in_target;

  g_date_clear (out, 1);

  if (index < MIN_MONTH_INDEX || index > MAX_MONTH_INDEX)
    return FALSE;

  year = (GDateYear) (index / 12);
  month = (GDateMonth) (index % 12 + 1);
  days_in_target = g_date_get_days_in_month (month, year);

  if (last_day || day > days_in_target)
    day = days_in_target;

  g_date_set_dmy (out, day, month, year);

  return TRUE;
}

gint64
kt_recurrence_index_from (const GDate *anchor,
                          guint        step,
                          const GDate *date)
{
  gint64 n = floor_div (month_index (date) - month_index (anchor), step);
  GDate occurrence;

  /* Occurrence n falls in the month of @date or earlier, n - 1 in an
   * earlier month: the answer is n or n + 1. */
  if (!kt_recurrence_nth (anchor, step, n, &occurrence) ||
      g_date_compare (&occurrence, date) < 0)
    n++;

  return n;
}

gboolean
kt_recurrence_occurrence (const GDate  *anchor,
                          KtRecurrence  recurrence,
                          guint         n,
                          GDate        *out)
{
  g_return_val_if_fail (anchor != NULL && g_date_valid (anchor), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (recurrence == KT_RECURRENCE_NONE)
    {
      g_date_clear (out, 1);
      if (n != 0)
        return FALSE;
      *out = *anchor;
      return TRUE;
    }

  return kt_recurrence_nth (anchor, kt_recurrence_months (recurrence), n, out);
}

static gboolean
after (const GDate *a,
       const GDate *b)
{
  return g_date_compare (a, b) > 0;
}

void
kt_activity_foreach_occurrence (const KtActivity *activity,
                                const GDate      *from,
                                const GDate      *to,
                                KtOccurrenceFunc  func,
                                gpointer          user_data)
{
  const GDate *upper = to;
  guint step;
  gint64 n = 0;

  if (!g_date_valid (&activity->deadline))
    return;

  if (activity->recurrence == KT_RECURRENCE_NONE)
    {
      if ((from == NULL || !after (from, &activity->deadline)) &&
          (to == NULL || !after (&activity->deadline, to)))
        func (&activity->deadline, user_data);
      return;
    }

  if (g_date_valid (&activity->recurrence_until) &&
      (upper == NULL || after (upper, &activity->recurrence_until)))
    upper = &activity->recurrence_until;
  g_return_if_fail (upper != NULL);

  step = kt_recurrence_months (activity->recurrence);
  if (from != NULL && after (from, &activity->deadline))
    n = kt_recurrence_index_from (&activity->deadline, step, from);

  for (;; n++)
    {
      GDate date;

      if (!kt_recurrence_nth (&activity->deadline, step, n, &date) || after (&date, upper))
        break;
      func (&date, user_data);
    }
}

static void
append_date_cb (const GDate *date,
                gpointer     user_data)
{
  g_array_append_vals (user_data, date, 1);
}

GArray *
kt_activity_occurrences (const KtActivity *activity,
                         const GDate      *from,
                         const GDate      *to)
{
  GArray *dates;

  g_return_val_if_fail (activity != NULL, NULL);

  dates = g_array_new (FALSE, FALSE, sizeof (GDate));
  kt_activity_foreach_occurrence (activity, from, to, append_date_cb, dates);

  return dates;
}

gboolean
kt_activity_is_occurrence (const KtActivity *activity,
                           const GDate      *date)
{
  GDate occurrence;
  guint step;
  gint64 n;

  g_return_val_if_fail (activity != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!g_date_valid (date) || !g_date_valid (&activity->deadline))
    return FALSE;

  if (activity->recurrence == KT_RECURRENCE_NONE)
    return g_date_compare (date, &activity->deadline) == 0;

  if (after (&activity->deadline, date) ||
      (g_date_valid (&activity->recurrence_until) && after (date, &activity->recurrence_until)))
    return FALSE;

  step = kt_recurrence_months (activity->recurrence);
  n = kt_recurrence_index_from (&activity->deadline, step, date);

  return kt_recurrence_nth (&activity->deadline, step, n, &occurrence) &&
         g_date_compare (&occurrence, date) == 0;
}

/* The first occurrence after @date (any occurrence when @date is NULL or
 * unset), not after recurrence_until. */
static gboolean
first_occurrence_after (const KtActivity *activity,
                        const GDate      *date,
                        GDate            *out)
{
  guint step = kt_recurrence_months (activity->recurrence);
  gint64 n = 0;

  if (date != NULL && g_date_valid (date) && !after (&activity->deadline, date))
    {
      GDate next = *date;

      g_date_add_days (&next, 1);
      n = kt_recurrence_index_from (&activity->deadline, step, &next);
    }

  if (!kt_recurrence_nth (&activity->deadline, step, n, out))
    return FALSE;

  if (g_date_valid (&activity->recurrence_until) && after (out, &activity->recurrence_until))
    {
      g_date_clear (out, 1);
      return FALSE;
    }

  return TRUE;
}

gboolean
kt_activity_next_open (const KtActivity *activity,
                       GDate            *out)
{
  g_return_val_if_fail (activity != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);

  if (activity->status != KT_ACTIVITY_STATUS_OPEN || !g_date_valid (&activity->deadline))
    return FALSE;

  if (activity->recurrence == KT_RECURRENCE_NONE)
    {
      *out = activity->deadline;
      return TRUE;
    }

  return first_occurrence_after (activity, &activity->done_through, out);
}

KtActivityStatus
kt_activity_occurrence_status (const KtActivity *activity,
                               const GDate      *date)
{
  g_return_val_if_fail (activity != NULL, KT_ACTIVITY_STATUS_OPEN);
  g_return_val_if_fail (date != NULL, KT_ACTIVITY_STATUS_OPEN);

  if (activity->status == KT_ACTIVITY_STATUS_DONE)
    return KT_ACTIVITY_STATUS_DONE;

  if (activity->recurrence != KT_RECURRENCE_NONE &&
      g_date_valid (&activity->done_through) && !after (date, &activity->done_through))
    return KT_ACTIVITY_STATUS_DONE;

  return activity->status;
}

static void
set_done_by (KtActivity  *activity,
             const GDate *done_date,
             const char  *who)
{
  g_date_clear (&activity->done_date, 1);
  if (done_date != NULL && g_date_valid (done_date))
    {
      activity->done_date = *done_date;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&activity->done_date,
                      (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now),
                      (GDateYear) g_date_time_get_year (now));
    }

  g_free (activity->done_by);
  activity->done_by = (who != NULL && *who != '\0') ? g_strdup (who) : NULL;
}

gboolean
kt_activity_apply_done (KtActivity  *activity,
                        const GDate *occurrence,
                        const GDate *done_date,
                        const char  *who)
{
  GDate next;
  GDate target;

  g_return_val_if_fail (activity != NULL, FALSE);

  if (!kt_activity_next_open (activity, &next))
    return FALSE;

  target = (occurrence != NULL && g_date_valid (occurrence)) ? *occurrence : next;

  /* An occurrence that is done already, or no occurrence at all. */
  if (after (&next, &target) || !kt_activity_is_occurrence (activity, &target))
    return FALSE;

  if (activity->recurrence == KT_RECURRENCE_NONE)
    {
      activity->status = KT_ACTIVITY_STATUS_DONE;
    }
  else
    {
      activity->done_through = target;
      if (!first_occurrence_after (activity, &target, &next))
        activity->status = KT_ACTIVITY_STATUS_DONE;
    }

  set_done_by (activity, done_date, who);

  return TRUE;
}

gboolean
kt_activity_apply_reopen (KtActivity *activity)
{
  g_return_val_if_fail (activity != NULL, FALSE);

  if (activity->status == KT_ACTIVITY_STATUS_CANCELLED)
    {
      activity->status = KT_ACTIVITY_STATUS_OPEN;
      return TRUE;
    }

  if (activity->recurrence != KT_RECURRENCE_NONE && g_date_valid (&activity->done_through))
    {
      guint step = kt_recurrence_months (activity->recurrence);
      gint64 n = kt_recurrence_index_from (&activity->deadline, step, &activity->done_through);

      if (n <= 0)
        g_date_clear (&activity->done_through, 1);
      else
        kt_recurrence_nth (&activity->deadline, step, n - 1, &activity->done_through);
    }
  else if (activity->status != KT_ACTIVITY_STATUS_DONE)
    {
      return FALSE;
    }

  activity->status = KT_ACTIVITY_STATUS_OPEN;
  g_date_clear (&activity->done_date, 1);
  g_clear_pointer (&activity->done_by, g_free);

  return TRUE;
}
