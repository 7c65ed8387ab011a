/* kt-backup-restore.c — putting a backup back: into the open portfolio, or
 * in place of a damaged file
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kt-backup-private.h"

gboolean
kt_backup_check_file (const char  *path,
                      gint64      *user_version,
                      GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0;
  g_autofree char *check = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT (SELECT application_id FROM pragma_application_id), "
                                 "(SELECT user_version FROM pragma_user_version)",
                             -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      app_id = sqlite3_column_int64 (stmt, 0);
      *user_version = sqlite3_column_int64 (stmt, 1);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_OK && (guint32) app_id == KT_STORE_APPLICATION_ID)
    {
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
    }

  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT)
        g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CORRUPT,
                     _("The backup “%s” is damaged."), name);
      else if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO,
                     _("“%s” is not a backup of a Kontrakter portfolio."), name);
      else
        kt_store_set_error_db (db, path, error, rc);
      sqlite3_close (db);
      return FALSE;
    }

  sqlite3_close (db);

  if ((guint32) app_id != KT_STORE_APPLICATION_ID)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO,
                   _("“%s” is not a backup of a Kontrakter portfolio."), name);
      return FALSE;
    }

  if (g_strcmp0 (check, "ok") != 0)
    {
      g_debug ("quick_check of %s: %s", path, check);
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged."), name);
      return FALSE;
    }

  return TRUE;
}

/* ---- restoring into the open portfolio ---- */

/* A copy of the backup in a local temporary folder, brought to this
 * build's schema and carrying the audit row of the restore, so that one
 * write transaction on the portfolio switches everything at once. */
static char *
stage_backup (KtStore     *store,
              const char  *backup_path,
              const char  *before_path,
              GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (backup_path);
  g_autoptr(GFile) to = NULL;
  g_autoptr(KtStore) stage = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup_name = g_path_get_basename (backup_path);
  g_autofree char *before_name = g_path_get_basename (before_path);
  gboolean ok;

  dir = g_dir_make_tmp ("kontrakter-restore-XXXXXX", &local_error);
  if (dir == NULL)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The backup could not be prepared: %s"), local_error->message);
      return NULL;
    }

  path = g_build_filename (dir, backup_name, NULL);
  to = g_file_new_for_path (path);
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The backup could not be prepared: %s"), local_error->message);
      g_rmdir (dir);
      return NULL;
    }

  /* Opening migrates a backup of an older version. */
  stage = kt_store_open (path, KT_STORE_OPEN_DEFAULT, error);
  ok = stage != NULL;
  if (ok)
    {
      kt_store_set_identity (stage, store->user, store->host);
      ok = kt_store_write_begin (stage, error) &&
           kt_store_audit_full (stage, "portfolio", 0, "restore_backup", NULL,
                                before_name, backup_name, NULL, error) &&
           kt_store_write_commit (stage, error);
      if (!ok)
        kt_store_write_rollback (stage);
    }
  g_clear_object (&stage);

  if (!ok)
    {
      g_unlink (path);
      g_rmdir (dir);
      return NULL;
    }

  return g_steal_pointer (&path);
}

static void
remove_stage (const char *stage_path)
{
  g_autofree char *dir = g_path_get_dirname (stage_path);

  g_unlink (stage_path);
  g_rmdir (dir);
}

/* One step of the backup API: the whole content in one write transaction
 * on the portfolio, which waits for colleagues' locks as long as any write
 * of this store does. */
static gboolean
copy_into_store (KtStore     *store,
                 const char  *stage_path,
                 GError     **error)
{
  sqlite3 *src = NULL;
  sqlite3_backup *backup;
  int rc, finish_rc;

  rc = sqlite3_open_v2 (stage_path, &src,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      kt_store_set_error_db (src, stage_path, error, rc);
      sqlite3_close (src);
      return FALSE;
    }

  backup = sqlite3_backup_init (store->db, "main", src, "main");
  if (backup == NULL)
    {
      kt_store_set_error (store, error, sqlite3_extended_errcode (store->db));
      sqlite3_close (src);
      return FALSE;
    }

  store->write_deadline = g_get_monotonic_time () +
                          (gint64) store->lock_wait_ms * G_TIME_SPAN_MILLISECOND;
  rc = sqlite3_backup_step (backup, -1);
  store->write_deadline = 0;

  /* Also rolls the portfolio back when the step did not get to COMMIT. */
  finish_rc = sqlite3_backup_finish (backup);
  sqlite3_close (src);

  if (rc != SQLITE_DONE || finish_rc != SQLITE_OK)
    {
      kt_store_set_error (store, error, rc != SQLITE_DONE ? rc : finish_rc);
      return FALSE;
    }

  return TRUE;
}

gboolean
kt_store_restore_backup (KtStore     *store,
                         const char  *backup_path,
                         GError     **error)
{
  g_autofree char *backup_name = NULL;
  g_autofree char *before_path = NULL;
  g_autofree char *stage_path = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) rotate_error = NULL;
  gint64 user_version = 0;

  g_return_val_if_fail (KT_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!kt_store_check_writable (store, error))
    return FALSE;

  if (store->in_batch)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_FAILED,
                           _("A backup cannot be restored while a batch of changes is in "
                             "progress."));
      return FALSE;
    }

  if (!kt_backup_check_file (backup_path, &user_version, error))
    return FALSE;

  backup_name = g_filename_display_basename (backup_path);
  if (user_version > kt_store_schema_version_latest ())
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NEWER_VERSION,
                   _("The backup “%s” was made by a newer version of Kontrakter and cannot be "
                     "restored by this one."),
                   backup_name);
      return FALSE;
    }

  /* Not rotated until the restore is done: rotation could remove the very
   * backup being restored. */
  before_path = kt_backup_make_unrotated (store->path, KT_BACKUP_BEFORE_RESTORE, NULL, error);
  if (before_path == NULL)
    return FALSE;

  stage_path = stage_backup (store, backup_path, before_path, error);
  if (stage_path == NULL)
    {
      g_unlink (before_path);
      return FALSE;
    }

  /* A colleague's commit between the backup above and this step would be
   * in neither; the window is a few milliseconds long. */
  if (!copy_into_store (store, stage_path, &local_error))
    {
      remove_stage (stage_path);

      /* Locked: nothing was written, the file is as the backup above has
       * it, and the caller tries again (making another). Any other failure
       * keeps it: the file may be in a bad way. */
      if (g_error_matches (local_error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY))
        g_unlink (before_path);

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  remove_stage (stage_path);
  store->schema_version = kt_store_schema_version_latest ();

  now = g_date_time_new_now_utc ();
  if (!kt_backup_rotate (store->path, now, &rotate_error))
    g_warning ("Rotating the backups of %s: %s", store->path, rotate_error->message);

  return TRUE;
}

/* ---- replacing a damaged file ---- */

static gboolean
copy_file_synced (const char  *from_path,
                  const char  *to_path,
                  GError     **error)
{
  g_autoptr(GFile) from = g_file_new_for_path (from_path);
  g_autoptr(GFile) to = g_file_new_for_path (to_path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_basename (from_path);

  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The backup “%s” could not be copied: %s"), display, local_error->message);
      return FALSE;
    }

  if (!kt_backup_sync_path (to_path))
    {
      int saved = errno;

      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The backup “%s” could not be copied: %s"), display, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

gboolean
kt_backup_replace_damaged (const char  *portfolio_path,
                           const char  *backup_path,
                           GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *damaged_path = NULL;
  g_autofree char *damaged_tmp = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *damaged_journal = NULL;
  gboolean has_journal;
  gint64 user_version = 0;

  g_return_val_if_fail (portfolio_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (!kt_backup_check_file (backup_path, &user_version, error))
    return FALSE;

  dir = g_path_get_dirname (portfolio_path);
  base = g_path_get_basename (portfolio_path);
  folder = kt_backup_folder_for (portfolio_path);
  stem = kt_backup_stem (portfolio_path);

  if (g_mkdir_with_parents (folder, 0777) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The backups folder “%s” could not be created: %s"),
                   display, g_strerror (saved));
      return FALSE;
    }

  tmp_name = g_strconcat (".", base, ".tmp", NULL);
  tmp_path = g_build_filename (dir, tmp_name, NULL);
  if (!copy_file_synced (backup_path, tmp_path, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  /* The claimed temporary name only reserves the damaged file's name. */
  damaged_path = kt_backup_claim_name (folder, stem, now, "damaged", &damaged_tmp, error);
  if (damaged_path == NULL)
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  /* A hot journal belongs to its file: it moves first, so that the copy
   * put in place can never be “rolled back” with the damaged file's. */
  journal = g_strconcat (portfolio_path, "-journal", NULL);
  damaged_journal = g_strconcat (damaged_path, "-journal", NULL);
  has_journal = g_file_test (journal, G_FILE_TEST_EXISTS);

  if (has_journal && !kt_backup_rename (journal, damaged_journal, error))
    goto failed;

  if (!kt_backup_rename (portfolio_path, damaged_path, error))
    {
      if (has_journal)
        g_rename (damaged_journal, journal);
      goto failed;
    }
  g_unlink (damaged_tmp);

  if (!kt_backup_rename (tmp_path, portfolio_path, error))
    {
      /* Better the damaged file where people look for it than none. */
      if (g_rename (damaged_path, portfolio_path) == 0 && has_journal)
        g_rename (damaged_journal, journal);
      g_unlink (tmp_path);
      return FALSE;
    }

  kt_backup_sync_path (dir);
  kt_backup_sync_path (folder);

  return TRUE;

failed:
  g_unlink (damaged_tmp);
  g_unlink (tmp_path);
  return FALSE;
}
