/* kt-calendar-export.h — the deadlines as an iCalendar (.ics) file
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kt-deadline-item.h"
#include "kt-store.h"

G_BEGIN_DECLS

#define KT_CALENDAR_EXPORT_ERROR (kt_calendar_export_error_quark ())

/* Messages are translated and name the file or person. Errors of opening
 * the portfolio keep the store's domain (KT_STORE_ERROR). */
typedef enum {
  KT_CALENDAR_EXPORT_ERROR_WRITE,           /* the .ics file could not be written */
  KT_CALENDAR_EXPORT_ERROR_NO_SUCH_PERSON,  /* --person names nobody in the portfolio */
} KtCalendarExportError;

/* The default window: from a month back (recently done and overdue entries
 * stay visible in the calendar) to two years ahead (the longest notice
 * periods and re-procurement lead times). */
#define KT_CALENDAR_EXPORT_DAYS_BACK  30
#define KT_CALENDAR_EXPORT_YEARS_AHEAD 2

/* The alarms (VALARM, ACTION:DISPLAY, relative to the all-day start): a week
 * ahead for deadlines derived from the contract (a notice letter or an
 * option needs a decision, which takes time), a day ahead for activities
 * typed in (meetings, reports: the date itself is what matters). These are
 * the "1 week before" / "1 day before" presets that Outlook, Thunderbird and
 * GNOME Calendar show by name. Done, cancelled and past price-regulation
 * entries get no alarm. */
#define KT_CALENDAR_EXPORT_ALARM_DAYS_DERIVED 7
#define KT_CALENDAR_EXPORT_ALARM_DAYS_MANUAL  1

typedef struct {
  GDate       today;   /* invalid: the current local date */
  GDate       from;    /* invalid: today − KT_CALENDAR_EXPORT_DAYS_BACK */
  GDate       to;      /* invalid: today + KT_CALENDAR_EXPORT_YEARS_AHEAD years */
  /* Only the entries this person is responsible for (derived deadlines:
   * the contract's administrator), compared case-insensitively. NULL or ""
   * = everyone. */
  const char *person;
} KtCalendarExportOptions;

GQuark     kt_calendar_export_error_quark (void);

/* Everything unset: today, the default window, everyone. */
void       kt_calendar_export_options_init (KtCalendarExportOptions  *options);

/* The entries an export writes: kt_deadlines_collect () over the window,
 * with the open entries before it that are overdue on today, filtered by
 * person. KT_CALENDAR_EXPORT_ERROR_NO_SUCH_PERSON when options->person is
 * nobody in the portfolio (a typo would otherwise give an empty calendar).
 * A new array of KtDeadlineItem. */
GPtrArray *kt_calendar_export_collect     (KtStore                        *store,
                                           const KtCalendarExportOptions  *options,
                                           GError                        **error);

/* The UID of an entry's event: "<what>-<contract id>[-<date>]@kontrakter",
 * where <what> is the derived kind's storage code or "activity-<id>". The
 * date is part of it only for entries that repeat (occurrences of a
 * recurring activity, yearly price regulations): a one-off deadline that
 * is moved keeps its UID, so importing a newer export moves the event
 * instead of leaving the old date behind. */
char      *kt_calendar_export_uid         (const KtDeadlineItem           *item);

/* The VCALENDAR (METHOD:PUBLISH, X-WR-CALNAME @calendar_name) with one
 * all-day VEVENT per entry of @items, built with libical. @today decides
 * which entries get an alarm (NULL = the current local date). Returns the
 * iCalendar text (CRLF line ends, folded). */
char      *kt_calendar_export_to_ics      (GPtrArray                      *items,
                                           const char                     *calendar_name,
                                           const GDate                    *today);

/* Collects and writes the calendar of @store to @path, replacing it
 * atomically (a reader never sees half a file). An existing file is only
 * replaced when it is empty or an iCalendar file: the portfolio or another
 * document given by mistake is refused (KT_CALENDAR_EXPORT_ERROR_WRITE).
 * The calendar is named
 * after the portfolio file (and the person). *n_events (may be NULL) gets
 * the number of events written. */
gboolean   kt_calendar_export_store       (KtStore                        *store,
                                           const KtCalendarExportOptions  *options,
                                           const char                     *path,
                                           guint                          *n_events,
                                           GError                        **error);

/* The same for the portfolio file at @portfolio_path, opened on a
 * connection of its own: for the command line, and for the window, which
 * runs it in a worker thread while its own connection stays in use. */
gboolean   kt_calendar_export_file        (const char                     *portfolio_path,
                                           const KtCalendarExportOptions  *options,
                                           const char                     *path,
                                           guint                          *n_events,
                                           GError                        **error);

G_END_DECLS
