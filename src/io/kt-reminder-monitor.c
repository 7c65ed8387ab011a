/* kt-reminder-monitor.c — the daily deadline reminder as a desktop notification
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-deadlines.h"
#include "kt-format.h"
#include "kt-reminder-monitor.h"
#include "kt-reminder.h"

/* Checked this long after local midnight, when the day's date has surely
 * changed everywhere. */
#define AFTER_MIDNIGHT_SECONDS (5 * 60)
/* The timer never waits longer than this: a monotonic timeout stands still
 * while the computer sleeps, so after a night in suspend the check comes
 * at most an hour late. */
#define MAX_WAIT_SECONDS 3600
/* Saves come in bursts; one check after them is enough. */
#define QUEUE_DELAY_MS 2000

struct _KtReminderMonitor
{
  GObject       parent_instance;

  GApplication *application;   /* not owned: it owns the monitor */
  GSettings    *settings;
  GWeakRef      store;

  GDate         checked_on;    /* local date of the last check */
  guint         day_timeout_id;
  guint         queued_id;
};

G_DEFINE_FINAL_TYPE (KtReminderMonitor, kt_reminder_monitor, G_TYPE_OBJECT)

static void arm_day_timer (KtReminderMonitor *self);

static void
local_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static GPtrArray *
due_items (KtStore      *store,
           const GDate  *today,
           guint         horizon,
           GError      **error)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(KtDeadlineSettings) terms = NULL;
  GDate to = *today;

  g_date_add_days (&to, horizon);

  if ((contracts = kt_store_list_contracts (store, error)) == NULL ||
      (activities = kt_store_list_activities_in_window (store, today, &to, TRUE, error)) == NULL ||
      (terms = kt_store_get_deadline_settings (store, error)) == NULL)
    return NULL;

  return kt_deadlines_collect (contracts, activities, terms, today, today, &to,
                               KT_DEADLINES_INCLUDE_OVERDUE);
}

static void
remember (KtReminderMonitor *self,
          const KtReminder  *reminder,
          const GDate       *today)
{
  g_autofree char *iso = kt_date_to_iso (today);
  GVariant *keys = g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, reminder->keys->data,
                                              reminder->keys->len, sizeof (guint32));

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "last-reminder-date", iso);
  g_settings_set_value (self->settings, "last-reminder-keys", keys);
  g_settings_apply (self->settings);
}

static void
check (KtReminderMonitor *self)
{
  g_autoptr(KtStore) store = g_weak_ref_get (&self->store);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(KtReminder) reminder = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GVariant) last_keys = NULL;
  g_autofree char *last_date = NULL;
  g_autoptr(GError) error = NULL;
  const guint32 *keys;
  gsize n_keys = 0;
  guint horizon;
  GDate today;

  local_today (&today);
  self->checked_on = today;

  if (store == NULL || self->application == NULL)
    return;

  horizon = g_settings_get_uint (self->settings, "reminder-horizon-days");
  if (horizon > 0)
    {
      items = due_items (store, &today, horizon, &error);
      if (items == NULL)
        {
          /* Not worth a dialog: the window shows the same error when it reads */
          g_message ("No deadline reminder: %s", error->message);
          return;
        }
      reminder = kt_reminder_compose (items, &today, horizon);
    }

  if (reminder == NULL)
    {
      /* Everything is done, or reminders were turned off */
      g_application_withdraw_notification (self->application, KT_REMINDER_NOTIFICATION_ID);
      return;
    }

  last_date = g_settings_get_string (self->settings, "last-reminder-date");
  last_keys = g_settings_get_value (self->settings, "last-reminder-keys");
  keys = g_variant_get_fixed_array (last_keys, &n_keys, sizeof (guint32));
  if (!kt_reminder_has_news (reminder, &today, last_date, keys, n_keys))
    return;

  notification = g_notification_new (reminder->title);
  g_notification_set_body (notification, reminder->body);
  g_notification_set_default_action (notification, "app.show-upcoming");
  if (reminder->n_overdue > 0)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_application_send_notification (self->application, KT_REMINDER_NOTIFICATION_ID, notification);

  remember (self, reminder, &today);
}

static gboolean
day_timeout_cb (gpointer user_data)
{
  KtReminderMonitor *self = user_data;
  GDate today;

  self->day_timeout_id = 0;

  local_today (&today);
  if (!g_date_valid (&self->checked_on) || g_date_compare (&today, &self->checked_on) != 0)
    check (self);

  arm_day_timer (self);
  return G_SOURCE_REMOVE;
}

static void
arm_day_timer (KtReminderMonitor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  GTimeSpan until;
  guint seconds;

  g_clear_handle_id (&self->day_timeout_id, g_source_remove);

  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  tomorrow = g_date_time_add_days (midnight, 1);
  until = g_date_time_difference (tomorrow, now) / G_TIME_SPAN_SECOND + AFTER_MIDNIGHT_SECONDS;
  seconds = (guint) CLAMP (until, 1, MAX_WAIT_SECONDS);

  self->day_timeout_id = g_timeout_add_seconds (seconds, day_timeout_cb, self);
}

static gboolean
queued_cb (gpointer user_data)
{
  KtReminderMonitor *self = user_data;

  self->queued_id = 0;
  check (self);
  return G_SOURCE_REMOVE;
}

static void
horizon_changed_cb (KtReminderMonitor *self)
{
  kt_reminder_monitor_queue_check (self);
}

static void
kt_reminder_monitor_dispose (GObject *object)
{
  KtReminderMonitor *self = KT_REMINDER_MONITOR (object);

  g_clear_handle_id (&self->day_timeout_id, g_source_remove);
  g_clear_handle_id (&self->queued_id, g_source_remove);
  g_clear_object (&self->settings);
  self->application = NULL;

  G_OBJECT_CLASS (kt_reminder_monitor_parent_class)->dispose (object);
}

static void
kt_reminder_monitor_finalize (GObject *object)
{
  KtReminderMonitor *self = KT_REMINDER_MONITOR (object);

  g_weak_ref_clear (&self->store);

  G_OBJECT_CLASS (kt_reminder_monitor_parent_class)->finalize (object);
}

static void
kt_reminder_monitor_class_init (KtReminderMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_reminder_monitor_dispose;
  object_class->finalize = kt_reminder_monitor_finalize;
}

static void
kt_reminder_monitor_init (KtReminderMonitor *self)
{
  g_weak_ref_init (&self->store, NULL);
  g_date_clear (&self->checked_on, 1);
}

KtReminderMonitor *
kt_reminder_monitor_new (GApplication *application,
                         GSettings    *settings)
{
  KtReminderMonitor *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (KT_TYPE_REMINDER_MONITOR, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::reminder-horizon-days",
                           G_CALLBACK (horizon_changed_cb), self, G_CONNECT_SWAPPED);
  arm_day_timer (self);

  return self;
}

void
kt_reminder_monitor_set_store (KtReminderMonitor *self,
                               KtStore           *store)
{
  g_autoptr(KtStore) old = NULL;

  g_return_if_fail (KT_IS_REMINDER_MONITOR (self));
  g_return_if_fail (store == NULL || KT_IS_STORE (store));

  old = g_weak_ref_get (&self->store);
  if (old == store)
    return;

  g_weak_ref_set (&self->store, store);
  /* Not at once: the window shows the portfolio first */
  kt_reminder_monitor_queue_check (self);
}

void
kt_reminder_monitor_check (KtReminderMonitor *self)
{
  g_return_if_fail (KT_IS_REMINDER_MONITOR (self));

  g_clear_handle_id (&self->queued_id, g_source_remove);
  check (self);
}

void
kt_reminder_monitor_queue_check (KtReminderMonitor *self)
{
  g_return_if_fail (KT_IS_REMINDER_MONITOR (self));

  g_clear_handle_id (&self->queued_id, g_source_remove);
  self->queued_id = g_timeout_add (QUEUE_DELAY_MS, queued_cb, self);
}
