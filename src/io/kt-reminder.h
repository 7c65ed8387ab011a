/* kt-reminder.h — the text of the daily deadline reminder (advis)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kt-deadline-item.h"

G_BEGIN_DECLS

/* Entries named in the body before "and N more". */
#define KT_REMINDER_MAX_LISTED 4

/* What a reminder says, without any GTK or GIO: the application turns it
 * into a GNotification. */
typedef struct {
  char   *title;       /* "3 deadlines within 30 days" */
  char   *body;        /* "2 overdue · Last day to give notice KT-2022-001 … 30.09.2026 · …" */
  guint   n_due;       /* open entries due within the horizon, the overdue ones included */
  guint   n_overdue;
  /* The kt_reminder_item_key () of each entry counted, sorted ascending,
   * without duplicates: who remembers the keys of the last reminder can
   * tell whether a later one has anything new (kt_reminder_has_news). */
  GArray *keys;        /* of guint32 */
} KtReminder;

/* The reminder for @items (KtDeadlineItem, e.g. kt_deadlines_collect () from
 * today to today + @horizon_days with KT_DEADLINES_INCLUDE_OVERDUE) on
 * @today (NULL = the current local date): the open entries dated up to
 * @horizon_days days from @today, and the overdue ones. Done and cancelled
 * entries and past price-regulation dates do not count; entries after the
 * horizon are ignored. The body lists the overdue count, then the first
 * KT_REMINDER_MAX_LISTED entries in the order of @items (the date order of
 * kt_deadlines_collect: the overdue ones first). NULL when @horizon_days is
 * 0 (reminders are off) or nothing is due. */
KtReminder *kt_reminder_compose   (GPtrArray         *items,
                                   const GDate       *today,
                                   guint              horizon_days);
void        kt_reminder_free      (KtReminder        *reminder);

/* The key of one entry: the same entry (same contract, activity or derived
 * kind, and date) gives the same key in every run of the program. */
guint32     kt_reminder_item_key  (const KtDeadlineItem *item);

/* Whether @reminder should be shown, given the day (ISO 'YYYY-MM-DD', NULL
 * or "" = never) and the keys of the last reminder shown: always on
 * another day than @today; on the same day only when an entry has become
 * due that the last one did not count (not when entries were done since). */
gboolean    kt_reminder_has_news  (const KtReminder  *reminder,
                                   const GDate       *today,
                                   const char        *last_date,
                                   const guint32     *last_keys,
                                   gsize              n_last_keys);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtReminder, kt_reminder_free)

G_END_DECLS
