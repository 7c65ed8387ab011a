/* kt-reminder-monitor.h — the daily deadline reminder as a desktop notification
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_REMINDER_MONITOR (kt_reminder_monitor_get_type ())

G_DECLARE_FINAL_TYPE (KtReminderMonitor, kt_reminder_monitor, KT, REMINDER_MONITOR, GObject)

/* Id of the notification, so that a newer reminder replaces the last one. */
#define KT_REMINDER_NOTIFICATION_ID "deadlines"

/* Watches one portfolio and sends @application a notification (see
 * kt-reminder.h for its text; clicking it runs app.show-upcoming) when
 * deadlines are due within the GSettings key reminder-horizon-days:
 * when a store is set, when asked to check, and each day shortly after
 * local midnight while the application runs. A reminder with nothing new
 * is not sent twice on one day (keys last-reminder-date and
 * last-reminder-keys). @settings: the application's, with those keys. */
KtReminderMonitor *kt_reminder_monitor_new         (GApplication      *application,
                                                    GSettings         *settings);
/* The portfolio to watch (not kept alive by the monitor); NULL = none.
 * Another portfolio than before is checked in a moment. */
void               kt_reminder_monitor_set_store   (KtReminderMonitor *self,
                                                    KtStore           *store);
/* Checks now, as the daily timer does. */
void               kt_reminder_monitor_check       (KtReminderMonitor *self);
/* The portfolio's content changed: check again in a moment. Many calls in
 * a row (a batch of saves) give one check. */
void               kt_reminder_monitor_queue_check (KtReminderMonitor *self);

G_END_DECLS
