/* test-backup.c — backups: made while in use, listed, rotated, restored,
 * and a damaged file replaced
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <fcntl.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "kt-backup.h"
#include "kt-backup-schedule.h"
#include "kt-store-private.h"
#include "store-test-util.h"

/* ---- helpers ---- */

static void
add_contract (KtStore    *store,
              const char *number,
              const char *name)
{
  g_autoptr(KtContract) contract = test_contract_new (number, name);
  g_autoptr(GError) error = NULL;

  kt_store_insert_contract (store, contract, &error);
  g_assert_no_error (error);
}

/* The contract names of a portfolio, by number: "K-1=Skoleintra,K-2=…". */
static char *
contract_names (KtStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (store, &error);
  g_autoptr(GString) text = g_string_new ("");

  g_assert_no_error (error);
  for (guint i = 0; i < contracts->len; i++)
    {
      KtContract *contract = g_ptr_array_index (contracts, i);

      g_string_append_printf (text, "%s%s=%s", i > 0 ? "," : "", contract->number, contract->name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
file_contract_names (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KtStore) store = kt_store_open (path, KT_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return contract_names (store);
}

static GDateTime *
utc (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

/* An empty file under a backup's name for @when; rotation and listing only
 * look at names. */
static char *
fake_backup (const char *portfolio_path,
             GDateTime  *when,
             const char *code)
{
  g_autofree char *folder = kt_backup_folder_for (portfolio_path);
  g_autofree char *stamp = g_date_time_format (when, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("world-%s-%s.kontrakter", stamp, code);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0777), ==, 0);
  g_file_set_contents (path, "x", 1, &error);
  g_assert_no_error (error);

  return path;
}

/* Overwrites the page headers of the second half of the file's pages:
 * the file still looks like a portfolio, but its tables are broken. */
static void
damage_file (const char *path)
{
  static const guint8 junk[16] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                   0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
  GStatBuf st;
  gint64 pages;
  int fd;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  pages = st.st_size / 4096;
  g_assert_cmpint (pages, >, 4);

  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (gint64 page = pages / 2; page < pages; page++)
    g_assert_cmpint (pwrite (fd, junk, sizeof junk, page * 4096), ==, sizeof junk);
  close (fd);
}

static void
fill (KtStore *store,
      guint    n)
{
  g_autoptr(GError) error = NULL;

  kt_store_begin_batch (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = g_strdup_printf ("F-%04u", i);
      g_autofree char *name = g_strdup_printf ("Fyld %u med en lidt længere tekst", i);

      add_contract (store, number, name);
    }
  kt_store_commit_batch (store, &error);
  g_assert_no_error (error);
}

static guint
count_files (const char *folder,
             const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;

  return n;
}

/* ---- names ---- */

static void
test_names (void)
{
  g_autofree char *folder = kt_backup_folder_for ("/share/it/Kontrakter.kontrakter");
  g_autofree char *other = kt_backup_folder_for ("/share/it/gammel.sqlite");

  g_assert_cmpstr (folder, ==, "/share/it/Kontrakter-sikkerhedskopier");
  g_assert_cmpstr (other, ==, "/share/it/gammel-sikkerhedskopier");
  g_assert_cmpstr (kt_backup_reason_label (KT_BACKUP_ON_OPEN), ==, "When opened");
  g_assert_cmpstr (kt_backup_reason_label (KT_BACKUP_BEFORE_RESTORE), ==, "Before a restore");
}

/* ---- making ---- */

static void
test_make (StoreFixture  *fixture,
           gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autoptr(KtStore) store = test_store_new (path);
  g_autofree char *folder = kt_backup_folder_for (path);
  g_autofree char *backup = NULL;
  g_autofree char *second = NULL;
  g_autofree char *base = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  KtBackupInfo *info;

  add_contract (store, "K-1", "Skoleintra");

  backup = kt_backup_make (path, KT_BACKUP_ON_OPEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (backup, folder));
  base = g_path_get_basename (backup);
  g_assert_true (g_regex_match_simple ("^world-[0-9]{8}-[0-9]{6}-open\\.kontrakter$", base, 0, 0));

  /* The backup is a portfolio of its own, with the content. */
  names = file_contract_names (backup);
  g_assert_cmpstr (names, ==, "K-1=Skoleintra");
  g_assert_cmpuint (count_files (folder, "."), ==, 0);

  /* Made within the same second: a name of its own. */
  second = kt_backup_make (path, KT_BACKUP_ON_OPEN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, backup);

  list = kt_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpstr (info->path, ==, second);
  g_assert_cmpint (info->reason, ==, KT_BACKUP_ON_OPEN);
  g_assert_cmpint (info->size, >, 4096);
  now = g_date_time_new_now_utc ();
  g_assert_true (g_date_time_difference (now, info->made_at) < 10 * G_TIME_SPAN_SECOND);
}

static void
test_make_refuses (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = store_fixture_path (fixture, "notes.kontrakter");
  g_autofree char *other = store_fixture_path (fixture, "other.kontrakter");
  g_autofree char *missing = store_fixture_path (fixture, "missing.kontrakter");
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autofree char *blocked = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (text, "not a database, just some text that is long enough", -1, &error);
  g_assert_no_error (error);
  backup = kt_backup_make (text, KT_BACKUP_MANUAL, NULL, &error);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO);
  g_assert_null (backup);
  g_clear_error (&error);

  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  backup = kt_backup_make (other, KT_BACKUP_MANUAL, NULL, &error);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO);
  g_clear_error (&error);

  backup = kt_backup_make (missing, KT_BACKUP_MANUAL, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (backup);
  g_clear_error (&error);

  /* The backups folder cannot be made: a file has its name. */
  store = test_store_new (path);
  blocked = kt_backup_folder_for (path);
  g_file_set_contents (blocked, "", 0, &error);
  g_assert_no_error (error);
  backup = kt_backup_make (path, KT_BACKUP_MANUAL, NULL, &error);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO);
  g_assert_null (backup);
}

static void
test_make_cancelled (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *folder = kt_backup_folder_for (path);
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  backup = kt_backup_make (path, KT_BACKUP_DAILY, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (backup);

  /* Neither a backup nor its temporary file is left. */
  g_assert_cmpuint (count_files (folder, ""), ==, 0);
}

typedef struct {
  char *path;
  gint  stop;
  gint  writes;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr(KtStore) store = test_store_new (writer->path);

  while (!g_atomic_int_get (&writer->stop))
    {
      g_autofree char *number = g_strdup_printf ("W-%05d", g_atomic_int_get (&writer->writes));

      add_contract (store, number, "Skrevet under kopieringen");
      g_atomic_int_inc (&writer->writes);
      g_usleep (2000);
    }

  return NULL;
}

/* Colleagues keep writing while the copy runs: the copy starts over and
 * still ends as a consistent portfolio, with the writes it saw complete. */
static void
test_make_while_writing (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(GError) error = NULL;
  Writer writer = { path, 0, 0 };
  GThread *thread;
  gint64 before, after;

  fill (store, 3000);

  thread = g_thread_new ("writer", writer_thread, &writer);
  while (g_atomic_int_get (&writer.writes) < 3)
    g_usleep (1000);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *backup = NULL;
      g_autoptr(KtStore) copy = NULL;
      g_autofree char *count = NULL;

      gint64 started = g_get_monotonic_time ();

      before = g_atomic_int_get (&writer.writes);
      backup = kt_backup_make (path, KT_BACKUP_MANUAL, NULL, &error);
      g_assert_no_error (error);
      after = g_atomic_int_get (&writer.writes);
      g_test_message ("backup %u took %" G_GINT64_FORMAT " ms", i,
                      (g_get_monotonic_time () - started) / 1000);

      copy = kt_store_open (backup, KT_STORE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_cmpint (test_sql_int (backup, "SELECT count(*) FROM contracts WHERE number LIKE 'F-%'"),
                       ==, 3000);
      count = g_strdup_printf ("%" G_GINT64_FORMAT,
                               test_sql_int (backup, "SELECT count(*) FROM contracts "
                                                     "WHERE number LIKE 'W-%'"));
      g_test_message ("backup %u saw %s of the writes %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT,
                      i, count, before, after);
      g_assert_cmpint (g_ascii_strtoll (count, NULL, 10), >=, before);
      g_assert_cmpint (g_ascii_strtoll (count, NULL, 10), <=, after);
    }

  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
}

/* ---- listing, rotating ---- */

static void
test_list (StoreFixture  *fixture,
           gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autofree char *folder = kt_backup_folder_for (path);
  g_autoptr(GDateTime) t1 = utc (2026, 11, 20, 10, 0);
  g_autoptr(GDateTime) t1b = utc (2026, 11, 21, 9, 0);
  g_autoptr(GDateTime) t2 = utc (2026, 11, 21, 9, 30);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *junk[] = {
    "notes.txt", ".world-20261122-100000-open.kontrakter.tmp",
    "world-20261123-100000-damaged.kontrakter", "world-2026-open.kontrakter",
    "world-20261123-100000-weekly.kontrakter", "other-20261123-100000-open.kontrakter",
    "world-20261323-100000-open.kontrakter",
  };
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  /* No folder yet: no backups, no error. */
  list = kt_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  a = fake_backup (path, t1, "open");
  b = fake_backup (path, t1b, "daily");
  c = fake_backup (path, t2, "before-restore");
  d = fake_backup (path, t2, "before-restore-2");
  for (guint i = 0; i < G_N_ELEMENTS (junk); i++)
    {
      g_autofree char *junk_path = g_build_filename (folder, junk[i], NULL);

      g_file_set_contents (junk_path, "", 0, &error);
      g_assert_no_error (error);
    }

  list = kt_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);

  /* Newest first; the later of one second first. */
  g_assert_cmpstr (((KtBackupInfo *) list->pdata[0])->path, ==, d);
  g_assert_cmpint (((KtBackupInfo *) list->pdata[0])->reason, ==, KT_BACKUP_BEFORE_RESTORE);
  g_assert_cmpstr (((KtBackupInfo *) list->pdata[1])->path, ==, c);
  g_assert_cmpstr (((KtBackupInfo *) list->pdata[2])->path, ==, b);
  g_assert_cmpint (((KtBackupInfo *) list->pdata[2])->reason, ==, KT_BACKUP_DAILY);
  g_assert_cmpstr (((KtBackupInfo *) list->pdata[3])->path, ==, a);
  g_assert_cmpint (((KtBackupInfo *) list->pdata[3])->reason, ==, KT_BACKUP_ON_OPEN);
  g_assert_cmpint (((KtBackupInfo *) list->pdata[3])->size, ==, 1);
  g_assert_true (g_date_time_equal (((KtBackupInfo *) list->pdata[3])->made_at, t1));
}

static gboolean
age_kept (int age)
{
  /* Every 6 hours: the 10 newest are ages 0..54; one a day, one a week. */
  return age <= 54 || (age % 24 == 0 && age < 14 * 24) || (age % 168 == 0 && age < 8 * 168);
}

static void
test_rotate (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autofree char *folder = kt_backup_folder_for (path);
  g_autoptr(GDateTime) now = utc (2026, 11, 26, 12, 0);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stale = g_build_filename (folder, ".world-20261101-100000-open.kontrakter.tmp", NULL);
  g_autofree char *fresh = g_build_filename (folder, ".world-20261126-115900-open.kontrakter.tmp", NULL);
  struct utimbuf times;
  guint kept = 0;

  /* A backup every 6 hours for 70 days. */
  for (int age = 0; age < 70 * 24; age += 6)
    {
      g_autoptr(GDateTime) when = g_date_time_add_hours (now, -age);

      g_ptr_array_add (paths, fake_backup (path, when, age % 12 == 0 ? "daily" : "open"));
    }

  /* A temporary file of a backup that crashed two days ago, and one of a
   * colleague's backup in progress. */
  g_file_set_contents (stale, "", 0, &error);
  g_file_set_contents (fresh, "", 0, &error);
  g_assert_no_error (error);
  times.actime = times.modtime = g_date_time_to_unix (now) - 2 * 24 * 3600;
  g_assert_cmpint (g_utime (stale, &times), ==, 0);
  times.actime = times.modtime = g_date_time_to_unix (now) - 60;
  g_assert_cmpint (g_utime (fresh, &times), ==, 0);

  g_assert_true (kt_backup_rotate (path, now, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < paths->len; i++)
    {
      int age = i * 6;
      gboolean exists = g_file_test (g_ptr_array_index (paths, i), G_FILE_TEST_EXISTS);

      if (exists != age_kept (age))
        g_error ("backup of age %d h: %s", age, exists ? "kept" : "deleted");
      kept += exists;
    }
  g_assert_cmpuint (kept, ==, 10 + 11 + 6);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));

  /* Rotating again changes nothing. */
  g_assert_true (kt_backup_rotate (path, now, &error));
  list = kt_backup_list (path, &error);
  g_assert_cmpuint (list->len, ==, kept);
}

static void
test_rotate_old (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autoptr(GDateTime) now = utc (2026, 11, 26, 12, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *newest = NULL;

  /* Nothing for 100 days: still the ten newest, whatever their age. */
  for (int day = 100; day < 130; day++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (now, -day);
      g_autofree char *fake = fake_backup (path, when, "open");

      if (day == 100)
        newest = g_steal_pointer (&fake);
    }

  g_assert_true (kt_backup_rotate (path, now, &error));
  g_assert_no_error (error);
  list = kt_backup_list (path, &error);
  g_assert_cmpuint (list->len, ==, 10);
  g_assert_cmpstr (((KtBackupInfo *) list->pdata[0])->path, ==, newest);
}

static void
test_is_due (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autoptr(GDateTime) now = utc (2026, 11, 26, 12, 0);
  g_autoptr(GDateTime) yesterday_late = g_date_time_add_hours (now, -23);
  g_autoptr(GDateTime) yesterday_early = g_date_time_add_hours (now, -25);
  g_autofree char *early = NULL;
  g_autofree char *late = NULL;

  g_assert_true (kt_backup_is_due (path, now));

  early = fake_backup (path, yesterday_early, "manual");
  g_assert_true (kt_backup_is_due (path, now));

  late = fake_backup (path, yesterday_late, "open");
  g_assert_false (kt_backup_is_due (path, now));
}

static void
test_latest_good (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) future = g_date_time_add_days (now, 1);
  g_autoptr(KtBackupInfo) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *junk = NULL;

  found = kt_backup_find_latest_good (path, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  fill (store, 400);
  good = kt_backup_make (path, KT_BACKUP_ON_OPEN, NULL, &error);
  g_assert_no_error (error);
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  add_contract (store, "K-2", "Efter den gode");
  bad = kt_backup_make (path, KT_BACKUP_DAILY, NULL, &error);
  g_assert_no_error (error);
  damage_file (bad);

  /* The newest of all, but not a portfolio. */
  junk = fake_backup (path, future, "manual");

  found = kt_backup_find_latest_good (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->path, ==, good);
  g_assert_cmpint (found->reason, ==, KT_BACKUP_ON_OPEN);
}

/* ---- restoring ---- */

static void
test_restore (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(KtStore) colleague = NULL;
  g_autoptr(KtContract) contract = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *names = NULL;
  g_autofree char *before_names = NULL;
  KtBackupInfo *before;
  KtAuditEntry *entry;

  add_contract (store, "K-1", "Skoleintra");
  backup = kt_backup_make (path, KT_BACKUP_MANUAL, NULL, &error);
  g_assert_no_error (error);
  backup_name = g_path_get_basename (backup);

  colleague = test_store_new (path);
  add_contract (store, "K-2", "Lønsystem");
  contract = kt_store_get_contract (store, 1, &error);
  g_assert_no_error (error);
  g_free (contract->name);
  contract->name = g_strdup ("Skoleintra 2");
  kt_store_update_contract (store, contract, &error);
  g_assert_no_error (error);
  kt_store_poll_changes (colleague);

  g_assert_true (kt_store_restore_backup (store, backup, &error));
  g_assert_no_error (error);

  names = contract_names (store);
  g_assert_cmpstr (names, ==, "K-1=Skoleintra");
  g_assert_cmpint (kt_store_get_schema_version (store), ==, kt_store_schema_version_latest ());

  /* A colleague sees it at the next refresh. */
  g_assert_true (kt_store_poll_changes (colleague));
  g_clear_pointer (&names, g_free);
  names = contract_names (colleague);
  g_assert_cmpstr (names, ==, "K-1=Skoleintra");

  /* What it replaced is kept as the newest backup. */
  list = kt_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  before = g_ptr_array_index (list, 0);
  g_assert_cmpint (before->reason, ==, KT_BACKUP_BEFORE_RESTORE);
  before_names = file_contract_names (before->path);
  g_assert_cmpstr (before_names, ==, "K-1=Skoleintra 2,K-2=Lønsystem");

  /* Audited: which backup, and where the replaced content went. */
  audit = kt_store_list_audit (store, "portfolio", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "restore_backup");
  g_assert_cmpstr (entry->new_value, ==, backup_name);
  g_assert_true (g_str_has_suffix (before->path, entry->old_value));
  g_assert_cmpstr (entry->user, ==, "tester");

  /* The store goes on working. */
  add_contract (store, "K-3", "Efter gendannelsen");
  g_clear_pointer (&names, g_free);
  names = file_contract_names (path);
  g_assert_cmpstr (names, ==, "K-1=Skoleintra,K-3=Efter gendannelsen");

  /* And the restore itself can be undone. */
  g_assert_true (kt_store_restore_backup (store, before->path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = contract_names (store);
  g_assert_cmpstr (names, ==, "K-1=Skoleintra 2,K-2=Lønsystem");
}

/* A colleague in the middle of reading: the restore cannot take the file,
 * fails BUSY and leaves every byte as it was. */
static void
test_restore_busy (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *names = NULL;
  sqlite3 *reader = NULL;
  sqlite3_stmt *stmt = NULL;

  fill (store, 300);
  backup = kt_backup_make (path, KT_BACKUP_MANUAL, NULL, &error);
  g_assert_no_error (error);
  add_contract (store, "K-2", "Efter backuppen");
  sum = test_file_checksum (path);

  g_assert_cmpint (sqlite3_open_v2 (path, &reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (reader, "SELECT count(*) FROM contracts", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);

  kt_store_set_lock_wait (store, 100);
  g_assert_false (kt_store_restore_backup (store, backup, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY);
  g_clear_error (&error);

  sqlite3_finalize (stmt);
  sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (reader);

  sum_after = test_file_checksum (path);
  g_assert_cmpstr (sum_after, ==, sum);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM contracts WHERE number = 'K-2'"), ==, 1);

  /* The backup of the state it did not replace is not kept. */
  list = kt_backup_list (path, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* Once the colleague is done, it goes through. */
  g_assert_true (kt_store_restore_backup (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM contracts WHERE number = 'K-2'"), ==, 0);
}

static void
test_restore_refuses (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autofree char *text = store_fixture_path (fixture, "notes.kontrakter");
  g_autofree char *newer = store_fixture_path (fixture, "newer.kontrakter");
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(KtStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_autofree char *pragma = NULL;
  g_autoptr(GPtrArray) list = NULL;

  fill (store, 300);
  backup = kt_backup_make (path, KT_BACKUP_MANUAL, NULL, &error);
  g_assert_no_error (error);
  add_contract (store, "K-2", "Efter backuppen");
  sum = test_file_checksum (path);

  g_file_set_contents (text, "not a database, just some text that is long enough", -1, &error);
  g_assert_no_error (error);
  g_assert_false (kt_store_restore_backup (store, text, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO);
  g_clear_error (&error);

  g_object_unref (test_store_new (newer));
  pragma = g_strdup_printf ("PRAGMA user_version = %d", kt_store_schema_version_latest () + 1);
  test_sql_exec (newer, pragma);
  g_assert_false (kt_store_restore_backup (store, newer, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NEWER_VERSION);
  g_clear_error (&error);

  reader = kt_store_open (path, KT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (kt_store_restore_backup (reader, backup, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  damage_file (backup);
  g_assert_false (kt_store_restore_backup (store, backup, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  sum_after = test_file_checksum (path);
  g_assert_cmpstr (sum_after, ==, sum);
  list = kt_backup_list (path, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

/* A backup from before an upgrade: restored, then brought up to date. */
static void
test_restore_older (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autofree char *old = store_fixture_path (fixture, "old.kontrakter");
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  add_contract (store, "K-1", "Skoleintra");
  g_assert_true (kt_store_create_at_version (old, 4, &error));
  g_assert_no_error (error);

  g_assert_true (kt_store_restore_backup (store, old, &error));
  g_assert_no_error (error);

  names = contract_names (store);
  g_assert_cmpstr (names, ==, "");
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, kt_store_schema_version_latest ());
  audit = kt_store_list_audit (store, "portfolio", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
}

/* ---- a damaged portfolio ---- */

static void
test_replace_damaged (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autofree char *folder = kt_backup_folder_for (path);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(KtStore) reopened = NULL;
  g_autoptr(KtBackupInfo) good = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *names = NULL;
  g_autofree char *damaged = NULL;
  const char *name;

  fill (store, 400);
  add_contract (store, "K-1", "Skoleintra");
  backup = kt_backup_make (path, KT_BACKUP_ON_OPEN, NULL, &error);
  g_assert_no_error (error);
  add_contract (store, "K-2", "Tabt ved skaden");
  g_clear_object (&store);

  damage_file (path);
  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  g_clear_error (&error);

  /* As if a colleague's save had died half way. */
  g_file_set_contents (journal, "a journal that went with the damaged file", -1, &error);
  g_assert_no_error (error);

  good = kt_backup_find_latest_good (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (good->path, ==, backup);

  g_assert_true (kt_backup_replace_damaged (path, good->path, &error));
  g_assert_no_error (error);

  reopened = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM contracts WHERE number = 'K-1'"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM contracts WHERE number = 'K-2'"), ==, 0);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  /* The damaged file and its journal are kept, under names that are not
   * backups; the backup itself is still there. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, "-damaged.kontrakter"))
      damaged = g_build_filename (folder, name, NULL);
  g_assert_nonnull (damaged);
  {
    g_autofree char *damaged_journal = g_strconcat (damaged, "-journal", NULL);
    g_autofree char *text = NULL;

    g_file_get_contents (damaged_journal, &text, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (text, ==, "a journal that went with the damaged file");
  }
  g_assert_cmpuint (count_files (folder, "."), ==, 0);
  list = kt_backup_list (path, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  names = g_strdup (((KtBackupInfo *) list->pdata[0])->path);
  g_assert_cmpstr (names, ==, backup);

  /* Refused: a backup that is no good itself. */
  damage_file (backup);
  g_assert_false (kt_backup_replace_damaged (path, backup, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CORRUPT);
}

/* ---- the schedule ---- */

static void
made_cb (KtBackupSchedule *schedule,
         const char       *path,
         gpointer          user_data)
{
  char **made = user_data;

  *made = g_strdup (path);
}

static void
failed_cb (KtBackupSchedule *schedule,
           GError           *error,
           gpointer          user_data)
{
  GError **failed = user_data;

  *failed = g_error_copy (error);
}

static void
test_schedule (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autofree char *missing = store_fixture_path (fixture, "missing.kontrakter");
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(KtBackupSchedule) schedule = NULL;
  g_autoptr(KtBackupSchedule) broken = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) failed = NULL;
  g_autofree char *made = NULL;
  g_autofree char *names = NULL;

  add_contract (store, "K-1", "Skoleintra");

  schedule = kt_backup_schedule_new (path);
  g_signal_connect (schedule, "made", G_CALLBACK (made_cb), &made);
  g_signal_connect (schedule, "failed", G_CALLBACK (failed_cb), &failed);
  kt_backup_schedule_start (schedule);
  while (made == NULL && failed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (failed);

  list = kt_backup_list (path, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((KtBackupInfo *) list->pdata[0])->path, ==, made);
  g_assert_cmpint (((KtBackupInfo *) list->pdata[0])->reason, ==, KT_BACKUP_ON_OPEN);
  names = file_contract_names (made);
  g_assert_cmpstr (names, ==, "K-1=Skoleintra");
  kt_backup_schedule_stop (schedule);

  /* A portfolio that is gone: "failed", nothing made. */
  g_clear_pointer (&made, g_free);
  broken = kt_backup_schedule_new (missing);
  g_signal_connect (broken, "made", G_CALLBACK (made_cb), &made);
  g_signal_connect (broken, "failed", G_CALLBACK (failed_cb), &failed);
  kt_backup_schedule_start (broken);
  while (made == NULL && failed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (made);
  g_assert_nonnull (failed);
  g_assert_true (failed->domain == KT_STORE_ERROR);
}

/* Stopped at once: the backup in progress is cancelled, no signal comes and
 * no temporary file is left. */
static void
test_schedule_stop (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "world.kontrakter");
  g_autofree char *folder = kt_backup_folder_for (path);
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(KtBackupSchedule) schedule = NULL;
  g_autoptr(GError) failed = NULL;
  g_autofree char *made = NULL;
  gint64 until;

  fill (store, 1000);
  schedule = kt_backup_schedule_new (path);
  g_signal_connect (schedule, "made", G_CALLBACK (made_cb), &made);
  g_signal_connect (schedule, "failed", G_CALLBACK (failed_cb), &failed);
  kt_backup_schedule_start (schedule);
  kt_backup_schedule_stop (schedule);

  until = g_get_monotonic_time () + G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);

  g_assert_null (made);
  g_assert_no_error (failed);
  g_assert_cmpuint (count_files (folder, "."), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)

  g_test_add_func ("/store/backup/names", test_names);
  ADD ("/store/backup/make", test_make);
  ADD ("/store/backup/make-refuses", test_make_refuses);
  ADD ("/store/backup/make-cancelled", test_make_cancelled);
  ADD ("/store/backup/make-while-writing", test_make_while_writing);
  ADD ("/store/backup/list", test_list);
  ADD ("/store/backup/rotate", test_rotate);
  ADD ("/store/backup/rotate-old", test_rotate_old);
  ADD ("/store/backup/is-due", test_is_due);
  ADD ("/store/backup/latest-good", test_latest_good);
  ADD ("/store/backup/restore", test_restore);
  ADD ("/store/backup/restore-busy", test_restore_busy);
  ADD ("/store/backup/restore-refuses", test_restore_refuses);
  ADD ("/store/backup/restore-older", test_restore_older);
  ADD ("/store/backup/replace-damaged", test_replace_damaged);
  ADD ("/store/backup/schedule", test_schedule);
  ADD ("/store/backup/schedule-stop", test_schedule_stop);

  return g_test_run ();
}
