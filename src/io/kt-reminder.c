/* kt-reminder.c — the text of the daily deadline reminder (advis)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n-lib.h>

#include "kt-format.h"
#include "kt-reminder.h"

#define SEPARATOR " · "

static void
resolve_today (const GDate *today,
               GDate       *out)
{
  if (today != NULL && g_date_valid (today))
    {
      *out = *today;
      return;
    }

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_date_clear (out, 1);
    g_date_set_dmy (out, g_date_time_get_day_of_month (now),
                    g_date_time_get_month (now), g_date_time_get_year (now));
  }
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
describe_item (const KtDeadlineItem *item)
{
  const char *label = item->derived ? kt_enum_label (KT_ENUM_DERIVED_KIND, item->derived_kind)
                                    : kt_enum_label (KT_ENUM_ACTIVITY_TYPE, item->type);
  const char *number = has_text (item->contract_number) ? item->contract_number : "";
  g_autofree char *date = kt_format_date (&item->date);

  if (!has_text (item->contract_name))
    /* Translators: one deadline in the reminder: its kind, the contract's
     * number and the date, "Last day to give notice KT-2022-001 30.09.2026" */
    return g_strdup_printf (_("%s %s %s"), label, number, date);

  /* Translators: one deadline in the reminder: its kind, the contract's
   * number and name, and the date,
   * "Last day to give notice KT-2022-001 Læringsplatform 30.09.2026" */
  return g_strdup_printf (_("%s %s %s %s"), label, number, item->contract_name, date);
}

static int
compare_keys_cb (gconstpointer a,
                 gconstpointer b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

guint32
kt_reminder_item_key (const KtDeadlineItem *item)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (item != NULL, 0);

  /* g_str_hash is fixed (djb2), so keys can be kept across runs */
  text = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%d/%d/%u",
                          item->contract_id, item->activity_id, item->derived,
                          item->derived ? (int) item->derived_kind : -1,
                          g_date_get_julian (&item->date));
  return g_str_hash (text);
}

KtReminder *
kt_reminder_compose (GPtrArray   *items,
                     const GDate *today,
                     guint        horizon_days)
{
  g_autoptr(KtReminder) reminder = NULL;
  g_autoptr(GString) body = NULL;
  g_autofree char *within = NULL;
  guint n_listed = 0;
  GDate now, last;

  g_return_val_if_fail (items != NULL, NULL);

  if (horizon_days == 0)
    return NULL;

  resolve_today (today, &now);
  last = now;
  g_date_add_days (&last, horizon_days);

  reminder = g_new0 (KtReminder, 1);
  reminder->keys = g_array_new (FALSE, FALSE, sizeof (guint32));
  body = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);
      KtUrgency urgency = kt_deadline_item_get_urgency (item, &now);
      guint32 key;

      if (urgency == KT_URGENCY_CLOSED || urgency == KT_URGENCY_PAST ||
          g_date_compare (&item->date, &last) > 0)
        continue;

      reminder->n_due++;
      if (urgency == KT_URGENCY_OVERDUE)
        reminder->n_overdue++;
      key = kt_reminder_item_key (item);
      g_array_append_val (reminder->keys, key);

      if (n_listed < KT_REMINDER_MAX_LISTED)
        {
          g_autofree char *text = describe_item (item);

          if (body->len > 0)
            g_string_append (body, SEPARATOR);
          g_string_append (body, text);
          n_listed++;
        }
    }

  if (reminder->n_due == 0)
    return NULL;

  if (reminder->n_due > n_listed)
    {
      guint rest = reminder->n_due - n_listed;

      g_string_append (body, SEPARATOR);
      /* Translators: ends the list of deadlines in the reminder */
      g_string_append_printf (body, ngettext ("and %u more", "and %u more", rest), rest);
    }

  if (reminder->n_overdue > 0)
    {
      g_autofree char *overdue = NULL;

      /* Translators: starts the reminder's text, "2 overdue · …" */
      overdue = g_strdup_printf (ngettext ("%u overdue", "%u overdue", reminder->n_overdue),
                                 reminder->n_overdue);
      g_string_prepend (body, SEPARATOR);
      g_string_prepend (body, overdue);
    }

  /* Translators: completes the reminder's title, "3 deadlines within 30 days" */
  within = g_strdup_printf (ngettext ("within %u day", "within %u days", horizon_days),
                            horizon_days);
  /* Translators: the reminder's title; the second %s is "within 30 days" */
  reminder->title = g_strdup_printf (ngettext ("%u deadline %s", "%u deadlines %s", reminder->n_due),
                                     reminder->n_due, within);
  reminder->body = g_string_free (g_steal_pointer (&body), FALSE);

  g_array_sort (reminder->keys, compare_keys_cb);
  for (guint i = 1; i < reminder->keys->len; )
    {
      if (g_array_index (reminder->keys, guint32, i) == g_array_index (reminder->keys, guint32, i - 1))
        g_array_remove_index (reminder->keys, i);
      else
        i++;
    }

  return g_steal_pointer (&reminder);
}

void
kt_reminder_free (KtReminder *reminder)
{
  if (reminder == NULL)
    return;

  g_free (reminder->title);
  g_free (reminder->body);
  g_clear_pointer (&reminder->keys, g_array_unref);
  g_free (reminder);
}

gboolean
kt_reminder_has_news (const KtReminder *reminder,
                      const GDate      *today,
                      const char       *last_date,
                      const guint32    *last_keys,
                      gsize             n_last_keys)
{
  g_autoptr(GHashTable) seen = NULL;
  GDate now, last;

  g_return_val_if_fail (reminder != NULL, FALSE);
  g_return_val_if_fail (last_keys != NULL || n_last_keys == 0, FALSE);

  resolve_today (today, &now);
  if (!kt_date_from_iso (last_date, &last) || g_date_compare (&last, &now) != 0)
    return TRUE;

  seen = g_hash_table_new (NULL, NULL);
  for (gsize i = 0; i < n_last_keys; i++)
    g_hash_table_add (seen, GUINT_TO_POINTER (last_keys[i]));

  for (guint i = 0; i < reminder->keys->len; i++)
    if (!g_hash_table_contains (seen, GUINT_TO_POINTER (g_array_index (reminder->keys, guint32, i))))
      return TRUE;

  return FALSE;
}
