/* test-change-monitor.c — colleagues' saves and a file that goes away
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two connections to one file stand for two colleagues: "mine" is watched
 * by the monitor, "theirs" writes.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>

#include "kt-change-monitor.h"

#define INTERVAL_MS 50

typedef struct {
  char            *dir;
  char            *path;
  KtStore         *mine;
  KtStore         *theirs;
  KtChangeMonitor *monitor;
  guint            changed;
  guint            reachable_notifies;
} Fixture;

static void
changed_cb (KtChangeMonitor *monitor,
            Fixture         *fixture)
{
  fixture->changed++;
}

static void
reachable_cb (KtChangeMonitor *monitor,
              GParamSpec      *pspec,
              Fixture         *fixture)
{
  fixture->reachable_notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kt-change-monitor-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "Aftaler.kontrakter", NULL);

  fixture->mine = kt_store_open (fixture->path, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->theirs = kt_store_open (fixture->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  fixture->monitor = kt_change_monitor_new (fixture->mine, INTERVAL_MS);
  g_signal_connect (fixture->monitor, "changed", G_CALLBACK (changed_cb), fixture);
  g_signal_connect (fixture->monitor, "notify::reachable", G_CALLBACK (reachable_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The timer must not keep the monitor alive */
  g_assert_finalize_object (fixture->monitor);
  g_assert_finalize_object (fixture->theirs);
  g_assert_finalize_object (fixture->mine);

  g_remove (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @n_ticks of the monitor. The monitor's ticks that
 * fall due before the deadline are dispatched by then, however slow the
 * machine: timeouts of one context fire in the order they fall due. */
static void
run_ticks (guint n_ticks)
{
  gboolean done = FALSE;

  g_timeout_add (n_ticks * INTERVAL_MS + INTERVAL_MS / 5, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
write_unit (KtStore    *store,
            const char *name)
{
  g_autoptr(KtOrgUnit) unit = kt_org_unit_new ();
  g_autoptr(GError) error = NULL;

  unit->name = g_strdup (name);
  g_assert_true (kt_store_insert_org_unit (store, unit, &error));
  g_assert_no_error (error);
}

static void
test_colleague_write (Fixture       *fixture,
                      gconstpointer  data)
{
  run_ticks (2);
  g_assert_cmpuint (fixture->changed, ==, 0);

  write_unit (fixture->theirs, "Børn og Unge");
  run_ticks (2);
  g_assert_cmpuint (fixture->changed, ==, 1);

  /* Nothing new: nothing more */
  run_ticks (3);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_true (kt_change_monitor_get_reachable (fixture->monitor));
  g_assert_null (kt_change_monitor_get_problem (fixture->monitor));
}

static void
test_burst (Fixture       *fixture,
            gconstpointer  data)
{
  /* No main loop runs between them: all ten fall between two ticks */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Center %u", i);

      write_unit (fixture->theirs, name);
    }

  run_ticks (4);
  g_assert_cmpuint (fixture->changed, ==, 1);
}

static void
test_own_writes (Fixture       *fixture,
                 gconstpointer  data)
{
  write_unit (fixture->mine, "Teknik og Miljø");
  run_ticks (1);
  write_unit (fixture->mine, "Kultur");
  run_ticks (3);
  g_assert_cmpuint (fixture->changed, ==, 0);

  /* …but a colleague's after them still counts */
  write_unit (fixture->theirs, "Social");
  run_ticks (2);
  g_assert_cmpuint (fixture->changed, ==, 1);
}

static void
test_hold (Fixture       *fixture,
           gconstpointer  data)
{
  kt_change_monitor_hold (fixture->monitor);
  kt_change_monitor_hold (fixture->monitor);
  write_unit (fixture->theirs, "Økonomi");
  run_ticks (3);
  g_assert_cmpuint (fixture->changed, ==, 0);

  /* Nested: one release is not enough */
  kt_change_monitor_release (fixture->monitor);
  run_ticks (3);
  g_assert_cmpuint (fixture->changed, ==, 0);

  /* What happened meanwhile is reported once */
  kt_change_monitor_release (fixture->monitor);
  run_ticks (2);
  g_assert_cmpuint (fixture->changed, ==, 1);

  /* poll_now does not wait for the tick */
  write_unit (fixture->theirs, "HR");
  kt_change_monitor_poll_now (fixture->monitor);
  g_assert_cmpuint (fixture->changed, ==, 2);
}

static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Their commit lands first: while our batch is open they could not
   * write at all. */
  write_unit (fixture->theirs, "IT");
  g_assert_true (kt_store_begin_batch (fixture->mine, &error));
  g_assert_no_error (error);
  g_assert_true (kt_store_in_batch (fixture->mine));
  write_unit (fixture->mine, "Indkøb");
  run_ticks (3);
  g_assert_cmpuint (fixture->changed, ==, 0);

  kt_store_rollback_batch (fixture->mine);
  g_assert_false (kt_store_in_batch (fixture->mine));
  run_ticks (2);
  g_assert_cmpuint (fixture->changed, ==, 1);
}

static void
test_file_gone (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *away = g_strconcat (fixture->path, ".flyttet", NULL);

  g_assert_true (kt_change_monitor_get_reachable (fixture->monitor));

  g_assert_cmpint (g_rename (fixture->path, away), ==, 0);
  run_ticks (2);
  g_assert_false (kt_change_monitor_get_reachable (fixture->monitor));
  g_assert_nonnull (kt_change_monitor_get_problem (fixture->monitor));
  g_assert_cmpstr (kt_change_monitor_get_problem (fixture->monitor), !=, "");
  g_assert_cmpuint (fixture->reachable_notifies, ==, 1);

  /* Still gone: no news */
  run_ticks (2);
  g_assert_cmpuint (fixture->reachable_notifies, ==, 1);
  g_assert_cmpuint (fixture->changed, ==, 0);

  g_assert_cmpint (g_rename (away, fixture->path), ==, 0);
  run_ticks (2);
  g_assert_true (kt_change_monitor_get_reachable (fixture->monitor));
  g_assert_null (kt_change_monitor_get_problem (fixture->monitor));
  g_assert_cmpuint (fixture->reachable_notifies, ==, 2);

  /* And it watches the file again */
  write_unit (fixture->theirs, "Borgerservice");
  run_ticks (2);
  g_assert_cmpuint (fixture->changed, ==, 1);
}

static void
test_replaced (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *away = g_strconcat (fixture->path, ".gammel", NULL);
  g_autoptr(KtStore) other = NULL;
  g_autoptr(GError) error = NULL;

  /* Someone put another portfolio in its place */
  g_assert_cmpint (g_rename (fixture->path, away), ==, 0);
  other = kt_store_open (fixture->path, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  run_ticks (2);
  g_assert_false (kt_change_monitor_get_reachable (fixture->monitor));
  g_assert_nonnull (kt_change_monitor_get_problem (fixture->monitor));

  g_clear_object (&other);
  g_assert_cmpint (g_rename (away, fixture->path), ==, 0);
  run_ticks (2);
  g_assert_true (kt_change_monitor_get_reachable (fixture->monitor));
}

static void
add (const char *name,
     void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add ("/io/change-monitor/colleague-write", test_colleague_write);
  add ("/io/change-monitor/burst-once", test_burst);
  add ("/io/change-monitor/own-writes", test_own_writes);
  add ("/io/change-monitor/hold", test_hold);
  add ("/io/change-monitor/batch", test_batch);
  add ("/io/change-monitor/file-gone", test_file_gone);
  add ("/io/change-monitor/file-replaced", test_replaced);

  return g_test_run ();
}
