/* test-reminder-monitor.c — the reminder as a real desktop notification
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside its own D-Bus session (dbus-run-session, see meson.build) and
 * plays the notification server (org.freedesktop.Notifications) that GLib
 * sends GNotifications to when no desktop shell is there.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "kt-format.h"
#include "kt-reminder-monitor.h"

static const char server_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "  </interface>"
  "</node>";

typedef struct {
  GPtrArray *titles;     /* summary of each Notify, in order */
  GPtrArray *bodies;
  guint      n_closed;
  guint      next_id;
} Server;

static Server server;

static void
server_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  if (g_strcmp0 (method_name, "Notify") == 0)
    {
      const char *title, *body;

      g_variant_get (parameters, "(&su&s&s&sasa{sv}i)", NULL, NULL, NULL, &title, &body,
                     NULL, NULL, NULL);
      g_ptr_array_add (server.titles, g_strdup (title));
      g_ptr_array_add (server.bodies, g_strdup (body));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++server.next_id));
    }
  else if (g_strcmp0 (method_name, "CloseNotification") == 0)
    {
      server.n_closed++;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_strcmp0 (method_name, "GetCapabilities") == 0)
    {
      const char *caps[] = { "body", "actions", NULL };
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "kontrakter", "1", "1.2"));
}

static GDBusConnection *
start_server (void)
{
  static const GDBusInterfaceVTable vtable = { server_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (server_xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  GDBusConnection *connection;
  g_autoptr(GVariant) reply = NULL;

  g_assert_no_error (error);
  /* A connection of its own: the application's shared one must see a
   * server elsewhere on the bus */
  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (connection, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);
  return connection;
}

/* Lets the D-Bus calls of the monitor arrive at the server. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
add_activity (KtStore     *store,
              gint64       contract_id,
              const GDate *today,
              int          days,
              gint64      *id)
{
  g_autoptr(KtActivity) activity = kt_activity_new ();
  g_autoptr(GError) error = NULL;

  activity->contract_id = contract_id;
  activity->type = KT_ACTIVITY_CONTROL_REPORT;
  activity->description = g_strdup ("Revisionserklæring");
  activity->deadline = *today;
  if (days >= 0)
    g_date_add_days (&activity->deadline, days);
  else
    g_date_subtract_days (&activity->deadline, -days);
  kt_store_insert_activity (store, activity, &error);
  g_assert_no_error (error);
  if (id != NULL)
    *id = activity->id;
}

static void
test_notifications (void)
{
  g_autoptr(GDBusConnection) bus_server = start_server ();
  g_autoptr(GApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("dk.kontrakter.Kontrakter");
  g_autoptr(KtReminderMonitor) monitor = NULL;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(KtContract) contract = kt_contract_new ();
  g_autoptr(KtActivity) soon = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kt-test-reminder-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "advis.kontrakter", NULL);
  g_autofree char *today_iso = NULL;
  g_autofree char *stored_date = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 soon_id;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  today_iso = kt_date_to_iso (&today);

  store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  contract->number = g_strdup ("KT-2026-001");
  contract->name = g_strdup ("Advisering");
  contract->category = KT_CATEGORY_LICENCE;
  contract->status = KT_STATUS_ACTIVE;
  contract->notice_months = 3;
  g_date_set_dmy (&contract->start_date, 1, 1, 2020);
  /* Ends far beyond the horizon: only the activities are due */
  contract->end_date = today;
  g_date_add_years (&contract->end_date, 10);
  kt_store_insert_contract (store, contract, &error);
  g_assert_no_error (error);
  add_activity (store, contract->id, &today, -3, NULL);
  add_activity (store, contract->id, &today, 5, &soon_id);

  g_settings_set_uint (settings, "reminder-horizon-days", 20);

  app = g_application_new ("dk.kontrakter.TestReminders", G_APPLICATION_NON_UNIQUE);
  g_application_register (app, NULL, &error);
  g_assert_no_error (error);

  monitor = kt_reminder_monitor_new (app, settings);
  kt_reminder_monitor_set_store (monitor, store);
  kt_reminder_monitor_check (monitor);
  settle ();

  g_assert_cmpuint (server.titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (server.titles, 0), ==, "2 deadlines within 20 days");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (server.bodies, 0),
                                   "1 overdue · Control report KT-2026-001 Advisering "));
  stored_date = g_settings_get_string (settings, "last-reminder-date");
  g_assert_cmpstr (stored_date, ==, today_iso);

  /* The same day, the same deadlines: quiet, also for a new monitor (a
   * restart of the program) */
  kt_reminder_monitor_check (monitor);
  g_clear_object (&monitor);
  monitor = kt_reminder_monitor_new (app, settings);
  kt_reminder_monitor_set_store (monitor, store);
  kt_reminder_monitor_check (monitor);
  settle ();
  g_assert_cmpuint (server.titles->len, ==, 1);

  /* One done: still nothing new */
  soon = kt_store_get_activity (store, soon_id, &error);
  g_assert_no_error (error);
  kt_store_mark_activity_done (store, soon_id, soon->version, NULL, NULL, &error);
  g_assert_no_error (error);
  kt_reminder_monitor_check (monitor);
  settle ();
  g_assert_cmpuint (server.titles->len, ==, 1);

  /* A new deadline within the horizon: told again the same day */
  add_activity (store, contract->id, &today, 10, NULL);
  kt_reminder_monitor_check (monitor);
  settle ();
  g_assert_cmpuint (server.titles->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (server.titles, 1), ==, "2 deadlines within 20 days");

  /* Another day: told again, even with the same deadlines */
  g_settings_set_string (settings, "last-reminder-date", "2000-01-01");
  kt_reminder_monitor_check (monitor);
  settle ();
  g_assert_cmpuint (server.titles->len, ==, 3);

  /* Turned off: the notification is taken back, none is sent */
  g_assert_cmpuint (server.n_closed, ==, 0);
  g_settings_set_uint (settings, "reminder-horizon-days", 0);
  g_settings_set_string (settings, "last-reminder-date", "");
  kt_reminder_monitor_check (monitor);
  settle ();
  g_assert_cmpuint (server.titles->len, ==, 3);
  g_assert_cmpuint (server.n_closed, ==, 1);

  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
}

static void
skip_without_bus (void)
{
  g_test_skip ("needs a D-Bus session: run it in dbus-run-session");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);
  server.titles = g_ptr_array_new_with_free_func (g_free);
  server.bodies = g_ptr_array_new_with_free_func (g_free);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    g_test_add_func ("/io/reminder-monitor/notifications", test_notifications);
  else
    g_test_add_func ("/io/reminder-monitor/notifications", skip_without_bus);

  return g_test_run ();
}
