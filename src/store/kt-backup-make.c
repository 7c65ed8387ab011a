/* kt-backup-make.c — making a backup while colleagues keep working
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kt-backup-private.h"

/* Pages per step and the pause between steps: each step holds a read lock
 * on the portfolio, the pause lets a colleague's COMMIT through. */
#define STEP_PAGES        64
#define STEP_PAUSE_US     (2 * G_TIME_SPAN_MILLISECOND)
/* A colleague's commit makes the copy start over. After this many restarts
 * the rest is copied in one step, under one read lock: a busy file still
 * gets its backup, at the price of holding commits up for that long. */
#define MAX_RESTARTS      3
/* How long the copy may find the portfolio locked before it gives up. */
#define SOURCE_BUSY_MS    2000
#define BUSY_LIMIT_US     (10 * G_TIME_SPAN_SECOND)

#define SUFFIX            ".kontrakter"

/* ---- files ---- */

gboolean
kt_backup_sync_path (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved;

  if (fd < 0)
    return FALSE;

  if (fsync (fd) == 0 || errno == EINVAL || errno == EBADF)
    {
      close (fd);
      return TRUE;
    }

  saved = errno;
  close (fd);
  errno = saved;

  return FALSE;
}

gboolean
kt_backup_rename (const char  *from,
                  const char  *to,
                  GError     **error)
{
  int saved;
  g_autofree char *display = NULL;

  if (g_rename (from, to) == 0)
    return TRUE;

  saved = errno;
  display = g_filename_display_basename (to);
  g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
               _("“%s” could not be put in place: %s"), display, g_strerror (saved));

  return FALSE;
}

char *
kt_backup_claim_name (const char  *folder,
                      const char  *stem,
                      GDateTime   *when,
                      const char  *code,
                      char       **tmp_path,
                      GError     **error)
{
  g_autofree char *stamp = g_date_time_format (when, "%Y%m%d-%H%M%S");

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = NULL;
      g_autofree char *tmp_name = NULL;
      g_autofree char *final = NULL;
      g_autofree char *tmp = NULL;
      int fd;

      if (n == 1)
        name = g_strdup_printf ("%s-%s-%s" SUFFIX, stem, stamp, code);
      else
        name = g_strdup_printf ("%s-%s-%s-%u" SUFFIX, stem, stamp, code, n);

      final = g_build_filename (folder, name, NULL);
      if (g_file_test (final, G_FILE_TEST_EXISTS))
        continue;

      tmp_name = g_strconcat (".", name, ".tmp", NULL);
      tmp = g_build_filename (folder, tmp_name, NULL);
      fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd < 0)
        {
          int saved = errno;
          g_autofree char *display = NULL;

          if (saved == EEXIST)
            continue;

          display = g_filename_display_name (folder);
          g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                       _("No backup can be written in “%s”: %s"), display, g_strerror (saved));
          return NULL;
        }
      close (fd);

      *tmp_path = g_steal_pointer (&tmp);
      return g_steal_pointer (&final);
    }

  g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                       _("No free name was found for the backup."));
  return NULL;
}

/* ---- making a backup ---- */

static sqlite3 *
open_portfolio (const char  *path,
                GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, SOURCE_BUSY_MS);
      rc = sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          app_id = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }

  if (rc != SQLITE_OK)
    {
      kt_store_set_error_db (db, path, error, rc);
      sqlite3_close (db);
      return NULL;
    }

  if ((guint32) app_id != KT_STORE_APPLICATION_ID)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO,
                   _("“%s” is not a Kontrakter portfolio."), name);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

static void
set_copy_error (sqlite3     *src,
                const char  *portfolio_path,
                sqlite3     *dest,
                const char  *backup_path,
                int          rc,
                GError     **error)
{
  g_autofree char *name = g_filename_display_basename (portfolio_path);
  g_autofree char *backup = g_filename_display_basename (backup_path);
  int err = dest != NULL ? sqlite3_system_errno (dest) : 0;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY,
                   _("No backup of “%s” was made: colleagues kept changing it. It will be "
                     "tried again later."),
                   name);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CORRUPT,
                   _("No backup of “%s” was made: the portfolio is damaged."), name);
      break;

    case SQLITE_FULL:
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The backup “%s” could not be written: the disk is full."), backup);
      break;

    default:
      if (err == 0 && src != NULL)
        err = sqlite3_system_errno (src);
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("No backup of “%s” was made: %s"), name,
                   err != 0 ? g_strerror (err)
                            : _("the disk or the network drive reported an error"));
      break;
    }
}

/* Copies @src into @dest with the backup API, in steps. */
static gboolean
copy_in_steps (sqlite3       *src,
               const char    *portfolio_path,
               sqlite3       *dest,
               const char    *backup_path,
               GCancellable  *cancellable,
               GError       **error)
{
  sqlite3_backup *backup;
  guint restarts = 0;
  int done_before = 0;
  gint64 busy_since = 0;
  int rc;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      set_copy_error (src, portfolio_path, dest, backup_path, sqlite3_errcode (dest), error);
      return FALSE;
    }

  for (;;)
    {
      int done;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_backup_finish (backup);
          return FALSE;
        }

      rc = sqlite3_backup_step (backup, restarts < MAX_RESTARTS ? STEP_PAGES : -1);
      if (rc == SQLITE_DONE)
        break;

      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        {
          gint64 now = g_get_monotonic_time ();

          if (busy_since == 0)
            busy_since = now;
          else if (now - busy_since > BUSY_LIMIT_US)
            break;

          g_usleep (50 * G_TIME_SPAN_MILLISECOND);
          continue;
        }

      if (rc != SQLITE_OK)
        break;

      busy_since = 0;

      /* A commit by someone else makes SQLite start over from page 1:
       * then a step gets no further than the one before. */
      done = sqlite3_backup_pagecount (backup) - sqlite3_backup_remaining (backup);
      if (done <= done_before)
        restarts++;
      done_before = done;

      g_usleep (STEP_PAUSE_US);
    }

  g_debug ("Backup of %s: %u restarts", portfolio_path, restarts);

  if (rc != SQLITE_DONE)
    {
      sqlite3_backup_finish (backup);
      set_copy_error (src, portfolio_path, dest, backup_path, rc, error);
      return FALSE;
    }

  rc = sqlite3_backup_finish (backup);
  if (rc != SQLITE_OK)
    {
      set_copy_error (src, portfolio_path, dest, backup_path, rc, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_copy (sqlite3     *dest,
            const char  *portfolio_path,
            const char  *backup_path,
            GError     **error)
{
  g_autofree char *name = g_filename_display_basename (portfolio_path);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (dest, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      set_copy_error (NULL, portfolio_path, dest, backup_path, rc, error);
      return FALSE;
    }

  if (!ok)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CORRUPT,
                   _("No backup of “%s” was made: the copy failed its check, so the portfolio "
                     "may be damaged."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_copy (sqlite3       *src,
            const char    *portfolio_path,
            const char    *tmp_path,
            const char    *final_path,
            GCancellable  *cancellable,
            GError       **error)
{
  sqlite3 *dest = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (tmp_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  /* The copy is synced as a whole below and is not in place until it is
   * complete: no journal needed. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_copy_error (src, portfolio_path, dest, final_path, rc, error);
      sqlite3_close (dest);
      return FALSE;
    }

  ok = copy_in_steps (src, portfolio_path, dest, final_path, cancellable, error) &&
       check_copy (dest, portfolio_path, final_path, error);

  rc = sqlite3_close (dest);
  if (ok && rc != SQLITE_OK)
    {
      set_copy_error (src, portfolio_path, NULL, final_path, rc, error);
      ok = FALSE;
    }

  return ok;
}

char *
kt_backup_make_unrotated (const char      *portfolio_path,
                          KtBackupReason   reason,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *final_path = NULL;
  sqlite3 *src;
  gboolean ok;

  g_return_val_if_fail (portfolio_path != NULL, NULL);
  
  src = open_portfolio (portfolio_path, error);
  if (src == NULL)
    return NULL;

  folder = kt_backup_folder_for (portfolio_path);
  stem = kt_backup_stem (portfolio_path);

  if (g_mkdir_with_parents (folder, 0777) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The backups folder “%s” could not be created: %s"),
                   display, g_strerror (saved));
      sqlite3_close (src);
      return NULL;
    }

  final_path = kt_backup_claim_name (folder, stem, now, kt_backup_reason_code (reason), &tmp_path, error);
  if (final_path == NULL)
    {
      sqlite3_close (src);
      return NULL;
    }

  ok = write_copy (src, portfolio_path, tmp_path, final_path, cancellable, error);
  sqlite3_close (src);

  if (ok && !kt_backup_sync_path (tmp_path))
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_basename (final_path);

      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The backup “%s” could not be written: %s"), display, g_strerror (saved));
      ok = FALSE;
    }

  if (ok)
    ok = kt_backup_rename (tmp_path, final_path, error);

  if (!ok)
    {
      g_unlink (tmp_path);
      return NULL;
    }

  /* The name is only durable once the folder is. */
  kt_backup_sync_path (folder);

  return g_steal_pointer (&final_path);
}

char *
kt_backup_make (const char      *portfolio_path,
                KtBackupReason   reason,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) rotate_error = NULL;
  char *path;

  path = kt_backup_make_unrotated (portfolio_path, reason, cancellable, error);
  if (path == NULL)
    return NULL;

  /* The backup is made; old ones left behind are no reason to fail it. */
  now = g_date_time_new_now_utc ();
  if (!kt_backup_rotate (portfolio_path, now, &rotate_error))
    g_warning ("Rotating the backups of %s: %s", portfolio_path, rotate_error->message);

  return path;
}

typedef struct {
  char           *path;
  KtBackupReason  reason;
} MakeData;

static void
make_data_free (gpointer data)
{
  MakeData *make = data;

  g_free (make->path);
  g_free (make);
}

static void
make_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  MakeData *make = task_data;
  GError *error = NULL;
  char *path;

  path = kt_backup_make (make->path, make->reason, cancellable, &error);
  if (path != NULL)
    g_task_return_pointer (task, path, g_free);
  else
    g_task_return_error (task, error);
}

void
kt_backup_make_async (const char          *portfolio_path,
                      KtBackupReason       reason,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  MakeData *make;

  g_return_if_fail (portfolio_path != NULL);

  make = g_new0 (MakeData, 1);
  make->path = g_strdup (portfolio_path);
  make->reason = reason;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kt_backup_make_async);
  g_task_set_task_data (task, make, make_data_free);
  g_task_run_in_thread (task, make_thread);
}

char *
kt_backup_make_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
