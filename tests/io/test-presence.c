/* test-presence.c — who else has the portfolio open, with real files
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "kt-presence.h"

#define HEARTBEAT_MS 200
#define EXPIRY_MS    3000
#define SCAN_MS      50
#define WAIT_MS      5000

typedef struct {
  char *dir;
  char *path;      /* the portfolio; the sessions do not need it to exist */
  char *sessions;  /* ".portfolio-sessioner" beside it */
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kt-presence-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "portfolio.kontrakter", NULL);
  fixture->sessions = g_build_filename (fixture->dir, ".portfolio-sessioner", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->sessions);
}

static KtPresence *
presence_new (Fixture    *fixture,
              const char *user,
              const char *display_name,
              const char *host)
{
  KtPresence *presence = kt_presence_new (fixture->path);

  kt_presence_set_identity (presence, user, display_name, host, getpid ());
  kt_presence_set_timing (presence, HEARTBEAT_MS, EXPIRY_MS, SCAN_MS);

  return presence;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done says so; FALSE after @timeout_ms. */
static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer  data,
          guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint tick = g_timeout_add (10, tick_cb, NULL);
  gboolean ok;

  while (!(ok = done (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return ok;
}

typedef struct {
  KtPresence *presence;
  guint       count;
} OthersCount;

static gboolean
has_count (gpointer data)
{
  OthersCount *wanted = data;

  return kt_presence_get_others (wanted->presence)->len == wanted->count;
}

static void
wait_for_others (KtPresence *presence,
                 guint       count)
{
  OthersCount wanted = { presence, count };

  g_assert_true (wait_for (has_count, &wanted, WAIT_MS));
}

static gboolean
elapsed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  wait_for (elapsed, &end, ms + 1000);
}

static const KtSession *
other (KtPresence *presence,
       guint       index)
{
  return g_ptr_array_index (kt_presence_get_others (presence), index);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  guint count = 0;

  while (folder != NULL && g_dir_read_name (folder) != NULL)
    count++;

  return count;
}

/* A record as another session would write it. */
static char *
write_record (const char *sessions,
              const char *file_name,
              const char *user,
              const char *host,
              gint64      pid)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (sessions, file_name, NULL);

  g_mkdir_with_parents (sessions, 0755);
  g_key_file_set_string (keys, "Session", "User", user);
  g_key_file_set_string (keys, "Session", "Name", user);
  g_key_file_set_string (keys, "Session", "Host", host);
  g_key_file_set_int64 (keys, "Session", "Pid", pid);
  g_key_file_set_string (keys, "Session", "Since", "2026-11-27T08:14:00Z");
  g_key_file_save_to_file (keys, path, &error);
  g_assert_no_error (error);

  return path;
}

static void
age_file (const char *path,
          gint64      seconds)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - seconds;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static gint64
dead_pid (void)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

  return pid;
}

static void
test_see_each_other (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KtPresence) anna = presence_new (fixture, "aje", "Anna Jensen", "pc-123");
  g_autoptr(KtPresence) bo = presence_new (fixture, "bho", "Bo Hansen", "pc-456");
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) after = NULL;
  const KtSession *seen;

  kt_presence_start (anna);
  kt_presence_start (bo);
  wait_for_others (anna, 1);
  wait_for_others (bo, 1);
  after = g_date_time_new_now_local ();

  /* Both records, in the hidden folder beside the portfolio */
  g_assert_cmpuint (count_files (fixture->sessions), ==, 2);

  seen = other (anna, 0);
  g_assert_cmpstr (seen->user, ==, "bho");
  g_assert_cmpstr (seen->display_name, ==, "Bo Hansen");
  g_assert_cmpstr (seen->host, ==, "pc-456");
  g_assert_cmpint (seen->pid, ==, getpid ());
  g_assert_nonnull (seen->since);
  /* Since is kept to the second */
  g_assert_cmpint (g_date_time_difference (seen->since, before), >=, -G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_difference (after, seen->since), >=, 0);
  g_assert_cmpstr (other (bo, 0)->display_name, ==, "Anna Jensen");

  /* Anna leaves: her record goes at once, Bo sees it at his next scan */
  kt_presence_stop (anna);
  g_assert_cmpuint (count_files (fixture->sessions), ==, 1);
  g_assert_cmpuint (kt_presence_get_others (anna)->len, ==, 0);
  wait_for_others (bo, 0);

  /* The last one out leaves no folder behind */
  kt_presence_stop (bo);
  g_assert_false (g_file_test (fixture->sessions, G_FILE_TEST_EXISTS));
}

static void
test_crashed_session (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KtPresence) anna = presence_new (fixture, "aje", "Anna Jensen", "pc-123");
  g_autofree char *crashed = NULL;
  g_autofree char *running = NULL;
  g_autofree char *elsewhere = NULL;
  gint64 pid = dead_pid ();

  /* Same host, process gone: crashed. Same host, process alive (our
   * parent): still there. Another host with that pid: cannot be checked. */
  crashed = write_record (fixture->sessions, "old@pc-123-1.session", "old", "pc-123", pid);
  running = write_record (fixture->sessions, "live@pc-123-2.session", "live", "PC-123", getppid ());
  elsewhere = write_record (fixture->sessions, "far@pc-9-3.session", "far", "pc-9", pid);

  kt_presence_start (anna);
  wait_for_others (anna, 2);

  g_assert_false (g_file_test (crashed, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (elsewhere, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (other (anna, 0)->user, ==, "far");
  g_assert_cmpstr (other (anna, 1)->user, ==, "live");
}

static void
test_stale_record (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KtPresence) anna = presence_new (fixture, "aje", "Anna Jensen", "pc-123");
  g_autofree char *stale = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *junk = NULL;

  stale = write_record (fixture->sessions, "gone@pc-7-7.session", "gone", "pc-7", 7);
  fresh = write_record (fixture->sessions, "here@pc-8-8.session", "here", "pc-8", 8);
  /* A temporary file of a write cut short by a crash */
  junk = g_build_filename (fixture->sessions, "cut@pc-7-7.session.AB12CD", NULL);
  g_file_set_contents (junk, "[Sess", -1, NULL);
  age_file (stale, 600);
  age_file (junk, 600);
  /* Just inside the expiry */
  age_file (fresh, EXPIRY_MS / 1000 - 2);

  kt_presence_start (anna);
  wait_for_others (anna, 1);
  g_assert_cmpstr (other (anna, 0)->user, ==, "here");
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (junk, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));

  /* Nobody touches it: it expires a little later */
  wait_for_others (anna, 0);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

static void
test_heartbeat (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KtPresence) anna = presence_new (fixture, "aje", "Anna Jensen", "pc-123");
  g_autoptr(KtPresence) bo = presence_new (fixture, "bho", "Bo Hansen", "pc-456");
  g_autofree char *record = NULL;
  GStatBuf st;

  kt_presence_start (anna);
  kt_presence_start (bo);
  wait_for_others (bo, 1);
  record = g_strdup_printf ("%s/aje@pc-123-%d.session", fixture->sessions, (int) getpid ());
  g_assert_true (g_file_test (record, G_FILE_TEST_EXISTS));

  /* Long past the expiry, Anna is still there: her record is touched */
  run_for (EXPIRY_MS + 500);
  g_assert_cmpuint (kt_presence_get_others (bo)->len, ==, 1);
  g_assert_cmpint (g_stat (record, &st), ==, 0);
  g_assert_cmpint (time (NULL) - st.st_mtime, <=, 1);

  /* Removed by mistake (a colleague's clock), it comes back */
  g_assert_cmpint (g_unlink (record), ==, 0);
  run_for (HEARTBEAT_MS * 3);
  g_assert_true (g_file_test (record, G_FILE_TEST_EXISTS));
}

static void
changed_cb (KtPresence *presence,
            guint      *count)
{
  (*count)++;
}

static void
test_changed_only_on_difference (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(KtPresence) anna = presence_new (fixture, "aje", "Anna Jensen", "pc-123");
  g_autoptr(KtPresence) bo = presence_new (fixture, "bho", "Bo Hansen", "pc-456");
  guint changes = 0;

  g_signal_connect (anna, "changed", G_CALLBACK (changed_cb), &changes);
  kt_presence_start (anna);
  run_for (SCAN_MS * 4);
  g_assert_cmpuint (changes, ==, 0);

  kt_presence_start (bo);
  wait_for_others (anna, 1);
  g_assert_cmpuint (changes, ==, 1);

  /* Many scans and heartbeats later, nothing new */
  for (guint i = 0; i < 5; i++)
    kt_presence_refresh (anna);
  run_for (HEARTBEAT_MS * 3);
  g_assert_cmpuint (changes, ==, 1);

  kt_presence_stop (bo);
  wait_for_others (anna, 0);
  g_assert_cmpuint (changes, ==, 2);
}

static void
test_odd_names (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KtPresence) anna = presence_new (fixture, "aje", "Anna Jensen", "pc-123");
  g_autoptr(KtPresence) slash = presence_new (fixture, "a/b", "Jørgen Ærø", "pc 1/2:*?");
  g_autoptr(KtPresence) plain = presence_new (fixture, "a_b", "A B", "pc 1/2:*?");
  g_autoptr(KtPresence) dots = presence_new (fixture, "..", "Dots", "%2F");
  g_autoptr(GDir) folder = NULL;
  const char *name;

  kt_presence_start (anna);
  kt_presence_start (slash);
  kt_presence_start (plain);
  kt_presence_start (dots);
  wait_for_others (anna, 3);

  /* One plain file each, inside the folder, with a usable name */
  g_assert_cmpuint (count_files (fixture->sessions), ==, 4);
  folder = g_dir_open (fixture->sessions, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->sessions, name, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_str_has_suffix (name, ".session"));
      g_assert_null (strpbrk (name, " \\:*?\"<>|"));
      g_assert_true (g_str_is_ascii (name));
      g_assert_cmpuint (strlen (name), <, 200);
    }

  for (guint i = 0; i < 3; i++)
    {
      const KtSession *seen = other (anna, i);

      if (g_str_equal (seen->user, "a/b"))
        {
          g_assert_cmpstr (seen->display_name, ==, "Jørgen Ærø");
          g_assert_cmpstr (seen->host, ==, "pc 1/2:*?");
        }
      else if (g_str_equal (seen->user, ".."))
        g_assert_cmpstr (seen->host, ==, "%2F");
      else
        g_assert_cmpstr (seen->user, ==, "a_b");
    }
}

/* The part of the read-only test that runs as a user who cannot write the
 * folder: as root, the subprocess becomes nobody first. */
static void
read_only_in_subprocess (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *stale = NULL;
  g_autoptr(KtPresence) anna = NULL;

  if (getuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }

  dir = g_dir_make_tmp ("kt-presence-ro-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "portfolio.kontrakter", NULL);
  sessions = g_build_filename (dir, ".portfolio-sessioner", NULL);
  g_free (write_record (sessions, "bho@pc-456-1.session", "bho", "pc-456", 1));
  stale = write_record (sessions, "old@pc-7-7.session", "old", "pc-7", 7);
  age_file (stale, 600);
  g_assert_cmpint (g_chmod (sessions, 0555), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  anna = kt_presence_new (path);
  kt_presence_set_identity (anna, "aje", "Anna Jensen", "pc-123", getpid ());
  kt_presence_set_timing (anna, HEARTBEAT_MS, EXPIRY_MS, SCAN_MS);
  kt_presence_start (anna);
  wait_for_others (anna, 1);
  g_assert_cmpstr (other (anna, 0)->user, ==, "bho");

  /* Heartbeats and scans keep failing quietly */
  run_for (HEARTBEAT_MS * 3);
  g_assert_cmpuint (kt_presence_get_others (anna)->len, ==, 1);
  g_assert_cmpuint (count_files (sessions), ==, 2);
  kt_presence_stop (anna);

  g_chmod (dir, 0755);
  remove_tree (dir);
}

static void
test_read_only_folder (void)
{
  if (g_test_subprocess ())
    {
      read_only_in_subprocess ();
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_no_folder_at_all (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "gone", "portfolio.kontrakter", NULL);
  g_autoptr(KtPresence) anna = kt_presence_new (path);

  /* The share went away: nothing to see, nothing breaks */
  kt_presence_set_timing (anna, HEARTBEAT_MS, EXPIRY_MS, SCAN_MS);
  kt_presence_start (anna);
  run_for (HEARTBEAT_MS * 2);
  g_assert_cmpuint (kt_presence_get_others (anna)->len, ==, 0);
  kt_presence_stop (anna);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/io/presence/see-each-other", test_see_each_other);
  ADD ("/io/presence/crashed-session", test_crashed_session);
  ADD ("/io/presence/stale-record", test_stale_record);
  ADD ("/io/presence/heartbeat", test_heartbeat);
  ADD ("/io/presence/changed-only-on-difference", test_changed_only_on_difference);
  ADD ("/io/presence/odd-names", test_odd_names);
  ADD ("/io/presence/no-folder", test_no_folder_at_all);
#undef ADD
  g_test_add_func ("/io/presence/read-only-folder", test_read_only_folder);

  return g_test_run ();
}
