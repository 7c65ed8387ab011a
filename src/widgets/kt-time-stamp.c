/* kt-time-stamp.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-format.h"
#include "kt-time-stamp.h"

char *
kt_time_stamp_format (const char *iso)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;
  GDate day;

  g_return_val_if_fail (iso != NULL, NULL);

  utc = g_date_time_new_from_iso8601 (iso, zone);
  if (utc == NULL)
    return g_strdup (iso);

  local = g_date_time_to_local (utc);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  date = kt_format_date (&day);
  clock = g_date_time_format (local, "%H:%M");

  /* Translators: a date and a time of day, "26.11.2026 14:05" */
  return g_strdup_printf (C_("date and time", "%s %s"), date, clock);
}

char *
kt_time_stamp_format_short (const char *iso)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (iso == NULL || (utc = g_date_time_new_from_iso8601 (iso, zone)) == NULL)
    return NULL;

  local = g_date_time_to_local (utc);
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%H:%M");

  return kt_time_stamp_format (iso);
}

char *
kt_time_stamp_last_changed (const char *who,
                            const char *iso)
{
  g_autofree char *when = NULL;

  if (who == NULL || iso == NULL)
    return NULL;

  when = kt_time_stamp_format (iso);
  /* Translators: %s are "user@host" and a date and time */
  return g_strdup_printf (_("Last changed by %s at %s"), who, when);
}
