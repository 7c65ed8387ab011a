/* kt-calendar-export.c — the deadlines as an iCalendar (.ics) file
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libical/ical.h>

#include "kt-calendar-export.h"
#include "kt-deadlines.h"
#include "kt-format.h"

#define PRODID "-//Kontrakter//Kontrakter//DA"

G_DEFINE_QUARK (kt-calendar-export-error-quark, kt_calendar_export_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* ---- the window and the person ---- */

static void
resolve_window (const KtCalendarExportOptions *options,
                GDate                         *today,
                GDate                         *from,
                GDate                         *to)
{
  if (options != NULL && g_date_valid (&options->today))
    *today = options->today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (today, 1);
      g_date_set_dmy (today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  if (options != NULL && g_date_valid (&options->from))
    *from = options->from;
  else
    {
      *from = *today;
      g_date_subtract_days (from, KT_CALENDAR_EXPORT_DAYS_BACK);
    }

  if (options != NULL && g_date_valid (&options->to))
    *to = options->to;
  else
    {
      *to = *today;
      g_date_add_years (to, KT_CALENDAR_EXPORT_YEARS_AHEAD);
    }
}

/* NULL when no person is asked for. */
static char *
fold_person (const char *name)
{
  g_autofree char *trimmed = NULL;

  if (name == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (name));
  if (*trimmed == '\0')
    return NULL;
  return kt_fold_for_search (trimmed);
}

/* The person's name as the portfolio spells it, or NULL with an error. */
static char *
find_person (KtStore     *store,
             const char  *wanted,
             const char  *folded,
             GError     **error)
{
  g_autoptr(GPtrArray) people = kt_store_list_people (store, error);

  if (people == NULL)
    return NULL;

  for (guint i = 0; i < people->len; i++)
    {
      const KtPerson *person = g_ptr_array_index (people, i);
      g_autofree char *name = kt_fold_for_search (person->name != NULL ? person->name : "");

      if (g_strcmp0 (name, folded) == 0)
        return g_strdup (person->name);
    }

  g_set_error (error, KT_CALENDAR_EXPORT_ERROR, KT_CALENDAR_EXPORT_ERROR_NO_SUCH_PERSON,
               _("There is no person named “%s” in the portfolio."), wanted);
  return NULL;
}

static GPtrArray *
collect (KtStore                        *store,
         const KtCalendarExportOptions  *options,
         char                          **person_name,
         GError                        **error)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(KtDeadlineSettings) settings = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *name = NULL;
  GDate today, from, to;

  resolve_window (options, &today, &from, &to);

  folded = fold_person (options != NULL ? options->person : NULL);
  if (folded != NULL && (name = find_person (store, options->person, folded, error)) == NULL)
    return NULL;

  if ((contracts = kt_store_list_contracts (store, error)) == NULL ||
      (activities = kt_store_list_activities_in_window (store, &from, &to, TRUE, error)) == NULL ||
      (settings = kt_store_get_deadline_settings (store, error)) == NULL)
    return NULL;

  items = kt_deadlines_collect (contracts, activities, settings, &today, &from, &to,
                                KT_DEADLINES_INCLUDE_OVERDUE);

  if (folded != NULL)
    {
      guint kept = 0;

      for (guint i = 0; i < items->len; i++)
        {
          KtDeadlineItem *item = g_ptr_array_index (items, i);
          g_autofree char *responsible = NULL;

          if (item->responsible_name != NULL)
            responsible = kt_fold_for_search (item->responsible_name);
          if (g_strcmp0 (responsible, folded) == 0)
            items->pdata[kept++] = item;
          else
            kt_deadline_item_free (item);
        }
      /* The dropped items are freed above: shrink without the free func */
      g_ptr_array_set_free_func (items, NULL);
      g_ptr_array_set_size (items, kept);
      g_ptr_array_set_free_func (items, (GDestroyNotify) kt_deadline_item_free);
    }

  if (person_name != NULL)
    *person_name = g_steal_pointer (&name);
  return g_steal_pointer (&items);
}

/* ---- events ---- */

static struct icaltimetype
ical_date (const GDate *date)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);
  return t;
}

static const char *
type_label (const KtDeadlineItem *item)
{
  if (item->derived)
    return kt_enum_label (KT_ENUM_DERIVED_KIND, item->derived_kind);
  return kt_enum_label (KT_ENUM_ACTIVITY_TYPE, item->type);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
summary_for (const KtDeadlineItem *item)
{
  const char *number = has_text (item->contract_number) ? item->contract_number : "";

  if (!has_text (item->contract_name))
    /* Translators: a calendar event's title: "Last day to give notice: KT-2022-001" */
    return g_strdup_printf (_("%s: %s"), type_label (item), number);

  /* Translators: a calendar event's title: the kind of deadline, the
   * contract's number and name, "Last day to give notice: KT-2022-001 Læringsplatform" */
  return g_strdup_printf (_("%s: %s %s"), type_label (item), number, item->contract_name);
}

static char *
description_for (const KtDeadlineItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);

#define LINE(...) G_STMT_START {                 \
    if (text->len > 0)                           \
      g_string_append_c (text, '\n');            \
    g_string_append_printf (text, __VA_ARGS__);  \
  } G_STMT_END

  if (has_text (item->description))
    LINE ("%s", item->description);
  if (has_text (item->clause_ref))
    /* Translators: the contract clause of a deadline, "Clause: pkt. 12.3" */
    LINE (_("Clause: %s"), item->clause_ref);
  if (has_text (item->supplier_name))
    LINE (_("Supplier: %s"), item->supplier_name);
  if (has_text (item->responsible_name))
    LINE (_("Responsible: %s"), item->responsible_name);

  if (item->derived)
    LINE ("%s", _("Computed from the contract’s terms in Kontrakter: it moves when the "
                  "contract changes."));
  else if (item->recurring)
    LINE ("%s", _("A recurring activity entered in Kontrakter."));
  else
    LINE ("%s", _("An activity entered in Kontrakter."));

  if (item->status == KT_ACTIVITY_STATUS_DONE)
    {
      g_autofree char *when = kt_format_date (&item->done_date);

      if (has_text (when) && has_text (item->done_by))
        /* Translators: "Done on 12.03.2026 by Jens Hansen" */
        LINE (_("Done on %s by %s."), when, item->done_by);
      else if (has_text (when))
        LINE (_("Done on %s."), when);
      else
        LINE ("%s", _("Done."));
    }
  else if (item->status == KT_ACTIVITY_STATUS_CANCELLED)
    LINE ("%s", _("Cancelled."));

#undef LINE

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static icalcomponent *
alarm_for (const KtDeadlineItem *item,
           const char           *summary)
{
  struct icaltriggertype trigger = icaltriggertype_from_int (0);
  icalcomponent *alarm = icalcomponent_new_valarm ();

  trigger.duration = icaldurationtype_null_duration ();
  trigger.duration.is_neg = 1;
  trigger.duration.days = item->derived ? KT_CALENDAR_EXPORT_ALARM_DAYS_DERIVED
                                        : KT_CALENDAR_EXPORT_ALARM_DAYS_MANUAL;

  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  /* RFC 5545 requires a DESCRIPTION on a DISPLAY alarm: the text it shows */
  icalcomponent_add_property (alarm, icalproperty_new_description (summary));
  return alarm;
}

static icalcomponent *
event_for (const KtDeadlineItem *item,
           const char           *uid,
           struct icaltimetype   stamp,
           const GDate          *today)
{
  g_autofree char *summary = summary_for (item);
  g_autofree char *description = description_for (item);
  KtActivityType filed_under = item->derived ? kt_derived_kind_activity_type (item->derived_kind)
                                             : item->type;
  KtUrgency urgency = kt_deadline_item_get_urgency (item, today);
  icalcomponent *event = icalcomponent_new_vevent ();
  GDate end = item->date;

  g_date_add_days (&end, 1);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  /* All-day: DTSTART;VALUE=DATE and an exclusive DTEND on the next day */
  icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date (&item->date)));
  icalcomponent_add_property (event, icalproperty_new_dtend (ical_date (&end)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  /* One property per category: libical would not escape a comma inside one */
  icalcomponent_add_property (event, icalproperty_new_categories ("Kontrakter"));
  icalcomponent_add_property (event, icalproperty_new_categories (
                                       kt_enum_label (KT_ENUM_ACTIVITY_TYPE, filed_under)));
  icalcomponent_add_property (event, icalproperty_new_status (
                                       item->status == KT_ACTIVITY_STATUS_CANCELLED
                                       ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  /* A deadline is not a meeting: it must not make the day look busy */
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));

  if (urgency != KT_URGENCY_CLOSED && urgency != KT_URGENCY_PAST)
    icalcomponent_add_component (event, alarm_for (item, summary));

  return event;
}

char *
kt_calendar_export_uid (const KtDeadlineItem *item)
{
  g_autofree char *date = NULL;
  gboolean repeats;

  g_return_val_if_fail (item != NULL, NULL);

  repeats = item->recurring || (item->derived && item->derived_kind == KT_DERIVED_PRICE_REGULATION);
  if (repeats)
    date = g_strdup_printf ("-%04d%02d%02d", g_date_get_year (&item->date),
                            g_date_get_month (&item->date), g_date_get_day (&item->date));

  if (item->derived)
    return g_strdup_printf ("%s-%" G_GINT64_FORMAT "%s@kontrakter",
                            kt_enum_code (KT_ENUM_DERIVED_KIND, item->derived_kind),
                            item->contract_id, date != NULL ? date : "");

  return g_strdup_printf ("activity-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "%s@kontrakter",
                          item->activity_id, item->contract_id, date != NULL ? date : "");
}

char *
kt_calendar_export_to_ics (GPtrArray   *items,
                           const char  *calendar_name,
                           const GDate *today)
{
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct icaltimetype stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());
  icalproperty *name;
  char *text;
  char *copy;

  g_return_val_if_fail (items != NULL, NULL);

  /* PUBLISH without ORGANIZER (which iTIP asks for): with one, Outlook
   * treats the events as meeting invitations from someone else. */
  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_prodid (PRODID),
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_calscale ("GREGORIAN"),
                                  icalproperty_new_method (ICAL_METHOD_PUBLISH),
                                  (void *) 0);

  /* The name Outlook, Thunderbird and GNOME Calendar give an imported or
   * subscribed calendar */
  name = icalproperty_new_x (has_text (calendar_name) ? calendar_name : "Kontrakter");
  icalproperty_set_x_name (name, "X-WR-CALNAME");
  icalcomponent_add_property (calendar, name);

  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);
      g_autofree char *uid = kt_calendar_export_uid (item);

      /* Two entries of one kind, contract and date do not occur; should the
       * rules ever make them, the events must still not replace each other. */
      for (guint n = 2; g_hash_table_contains (uids, uid); n++)
        {
          g_autofree char *base = kt_calendar_export_uid (item);
          char *at = strchr (base, '@');

          *at = '\0';
          g_free (uid);
          uid = g_strdup_printf ("%s-%u@kontrakter", base, n);
        }

      icalcomponent_add_component (calendar, event_for (item, uid, stamp, today));
      g_hash_table_add (uids, g_steal_pointer (&uid));
    }

  text = icalcomponent_as_ical_string_r (calendar);
  copy = g_strdup (text);
  icalmemory_free_buffer (text);
  return copy;
}

/* ---- the file ---- */

static gboolean
write_failed (const char  *display,
              int          saved_errno,
              const char  *scratch,
              GError     **error)
{
  if (scratch != NULL)
    g_unlink (scratch);
  g_set_error (error, KT_CALENDAR_EXPORT_ERROR, KT_CALENDAR_EXPORT_ERROR_WRITE,
               _("The calendar could not be saved as “%s”: %s"),
               display, g_strerror (saved_errno));
  return FALSE;
}

/* Only an empty file or an earlier calendar is replaced: a slip of the
 * finger (or of a nightly job) must not turn the portfolio itself, or any
 * other document, into a calendar. */
static gboolean
replaceable (const char  *path,
             const char  *display,
             GError     **error)
{
  static const char magic[] = "BEGIN:VCALENDAR";
  char head[sizeof magic - 1];
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    return TRUE;   /* a new file; other problems show when writing */

  n = read (fd, head, sizeof head);
  close (fd);
  if (n == 0 || (n == sizeof head && memcmp (head, magic, sizeof head) == 0))
    return TRUE;

  g_set_error (error, KT_CALENDAR_EXPORT_ERROR, KT_CALENDAR_EXPORT_ERROR_WRITE,
               _("“%s” already exists and is not a calendar file. It was left as it is: "
                 "choose another file name."), display);
  return FALSE;
}

/* Written beside the target and renamed over it. g_file_set_contents ()
 * does the same but names its temporary file in the error message. */
static gboolean
write_atomically (const char  *path,
                  const char  *text,
                  GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *scratch_name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *scratch = g_build_filename (dir, scratch_name, NULL);
  gsize length = strlen (text);
  gsize written = 0;
  int fd;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return write_failed (display, EISDIR, NULL, error);
  if (!replaceable (path, display, error))
    return FALSE;

  fd = g_mkstemp_full (scratch, O_WRONLY, 0666);
  if (fd < 0)
    return write_failed (display, errno, NULL, error);

  while (written < length)
    {
      gssize n = write (fd, text + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          return write_failed (display, saved_errno, scratch, error);
        }
      written += n;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    return write_failed (display, errno, scratch, error);

  if (g_rename (scratch, path) != 0)
    return write_failed (display, errno, scratch, error);

  return TRUE;
}

static char *
calendar_name_for (KtStore    *store,
                   const char *person)
{
  g_autofree char *file = g_filename_display_basename (kt_store_get_path (store));

  if (g_str_has_suffix (file, ".kontrakter"))
    file[strlen (file) - strlen (".kontrakter")] = '\0';

  if (person != NULL)
    /* Translators: the name of an exported calendar: a person and the
     * portfolio file's name, "Deadlines of Jens Hansen – Eksempel Kommune" */
    return g_strdup_printf (_("Deadlines of %s – %s"), person, file);

  /* Translators: the name of an exported calendar, with the portfolio
   * file's name, "Deadlines – Eksempel Kommune" */
  return g_strdup_printf (_("Deadlines – %s"), file);
}

/* ---- public ---- */

void
kt_calendar_export_options_init (KtCalendarExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  g_date_clear (&options->today, 1);
  g_date_clear (&options->from, 1);
  g_date_clear (&options->to, 1);
}

GPtrArray *
kt_calendar_export_collect (KtStore                        *store,
                            const KtCalendarExportOptions  *options,
                            GError                        **error)
{
  g_return_val_if_fail (KT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return collect (store, options, NULL, error);
}

gboolean
kt_calendar_export_store (KtStore                        *store,
                          const KtCalendarExportOptions  *options,
                          const char                     *path,
                          guint                          *n_events,
                          GError                        **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *person = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GDate today, from, to;

  g_return_val_if_fail (KT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  items = collect (store, options, &person, error);
  if (items == NULL)
    return FALSE;

  resolve_window (options, &today, &from, &to);
  name = calendar_name_for (store, person);
  text = kt_calendar_export_to_ics (items, name, &today);

  if (!write_atomically (path, text, error))
    return FALSE;

  if (n_events != NULL)
    *n_events = items->len;
  return TRUE;
}

gboolean
kt_calendar_export_file (const char                     *portfolio_path,
                         const KtCalendarExportOptions  *options,
                         const char                     *path,
                         guint                          *n_events,
                         GError                        **error)
{
  g_autoptr(KtStore) store = NULL;

  g_return_val_if_fail (portfolio_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* As the window opens it: a file of an older version is brought up to
   * date when it can be written, else refused with the store's reason. */
  store = kt_store_open (portfolio_path, KT_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;

  return kt_calendar_export_store (store, options, path, n_events, error);
}
