/* kt-store-db.c — statements, transactions and error messages of a store
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-store-private.h"

#define COMMIT_RETRIES  3

G_DEFINE_QUARK (kt-store-error-quark, kt_store_error)

/* ---- statements ---- */

void
kt_stmt_release (KtStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

KtStmt *
kt_store_prepare (KtStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      /* Nested use of one cached statement would reset the outer one. */
      g_assert (!sqlite3_stmt_busy (stmt));
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
kt_store_step_done (KtStore  *self,
                    KtStmt   *stmt,
                    GError  **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      kt_store_set_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

gboolean
kt_store_run_script (sqlite3     *db,
                     const char  *path,
                     const char  *script,
                     GError     **error)
{
  const char *tail = script;

  while (tail != NULL && *tail != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      const char *next = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (db, tail, -1, &stmt, &next);
      if (rc != SQLITE_OK)
        {
          kt_store_set_error_db (db, path, error, rc);
          return FALSE;
        }

      if (stmt != NULL)
        {
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            ;
          sqlite3_finalize (stmt);

          if (rc != SQLITE_DONE)
            {
              kt_store_set_error_db (db, path, error, rc);
              return FALSE;
            }
        }

      tail = next;
    }

  return TRUE;
}

/* ---- errors ---- */

static char *
system_detail (sqlite3 *db)
{
  int err = db != NULL ? sqlite3_system_errno (db) : 0;

  /* The C library's text is translated; SQLite's is not. */
  if (err != 0)
    return g_strdup (g_strerror (err));

  return g_strdup (db != NULL ? sqlite3_errmsg (db) : "");
}

void
kt_store_set_error_db (sqlite3     *db,
                       const char  *path,
                       GError     **error,
                       int          rc)
{
  g_autofree char *name = g_filename_display_basename (path != NULL ? path : "");
  g_autofree char *detail = NULL;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY,
                   _("The portfolio “%s” is in use by someone else. Try again in a moment."),
                   name);
      break;

    case SQLITE_READONLY:
      if (rc == SQLITE_READONLY_DBMOVED)
        g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                     _("The portfolio file could not be written: “%s” was moved or deleted."),
                     name);
      else
        g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY,
                     _("The portfolio “%s” cannot be changed: the file is read-only."),
                     name);
      break;

    case SQLITE_FULL:
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The portfolio file could not be written: the disk is full."));
      break;

    case SQLITE_CANTOPEN:
      detail = system_detail (db);
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The portfolio “%s” could not be opened: %s"), name, detail);
      break;

    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_NOLFS:
    case SQLITE_PROTOCOL:
    case SQLITE_NOTFOUND:
      detail = system_detail (db);
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The portfolio file could not be written: %s"), detail);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CORRUPT,
                   _("The portfolio “%s” is damaged. Restore it from a backup."), name);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO,
                   _("“%s” is not a Kontrakter portfolio."), name);
      break;

    case SQLITE_CONSTRAINT:
      /* RESTRICT actions report as SQLITE_CONSTRAINT_TRIGGER, so look at the text. */
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY ||
          (db != NULL && strstr (sqlite3_errmsg (db), "FOREIGN KEY") != NULL))
        g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                             _("The change refers to a supplier, person, organisational unit "
                               "or contract that does not exist, or removes one that is "
                               "still in use."));
      else
        g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT,
                     _("The change breaks a rule of the portfolio (%s)."),
                     db != NULL ? sqlite3_errmsg (db) : "");
      break;

    default:
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_FAILED,
                   _("Unexpected error in the portfolio “%s”: %s"), name,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    }
}

void
kt_store_set_error (KtStore  *self,
                    GError  **error,
                    int       rc)
{
  kt_store_set_error_db (self->db, self->path, error, rc);
}

gboolean
kt_store_check_writable (KtStore  *self,
                         GError  **error)
{
  if (!self->read_only)
    return TRUE;

  g_set_error_literal (error, KT_STORE_ERROR, self->read_only_code, self->read_only_reason);
  return FALSE;
}

/* ---- transactions ---- */

static gboolean
run_simple (KtStore     *self,
            const char  *sql,
            GError     **error)
{
  KtStmt *stmt = kt_store_prepare (self, sql, error);

  return stmt != NULL && kt_store_step_done (self, stmt, error);
}

static void
rollback_quietly (KtStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    run_simple (self, "ROLLBACK", NULL);
}

gboolean
kt_store_write_begin (KtStore  *self,
                      GError  **error)
{
  if (!kt_store_check_writable (self, error))
    return FALSE;

  if (self->in_batch)
    return run_simple (self, "SAVEPOINT kt_write", error);

  /* IMMEDIATE takes the write lock now, so the row we read for the diff
   * cannot change before our UPDATE. */
  return run_simple (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit_with_retry (KtStore  *self,
                   GError  **error)
{
  KtStmt *stmt;
  int rc = SQLITE_OK;

  stmt = kt_store_prepare (self, "COMMIT", error);
  if (stmt == NULL)
    {
      rollback_quietly (self);
      return FALSE;
    }

  /* COMMIT waits for readers to leave; the busy timeout covers most of
   * that, a few more tries cover slow network locks. */
  for (guint i = 0; i < COMMIT_RETRIES; i++)
    {
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);

      if (rc == SQLITE_DONE)
        return TRUE;
      if ((rc & 0xff) != SQLITE_BUSY)
        break;

      g_usleep (200 * G_TIME_SPAN_MILLISECOND);
    }

  kt_store_set_error (self, error, rc);
  rollback_quietly (self);

  return FALSE;
}

gboolean
kt_store_write_commit (KtStore  *self,
                       GError  **error)
{
  if (self->in_batch)
    return run_simple (self, "RELEASE kt_write", error);

  return commit_with_retry (self, error);
}

void
kt_store_write_rollback (KtStore *self)
{
  if (self->in_batch)
    {
      /* An I/O error can make SQLite undo the whole transaction itself;
       * then the batch is gone and must not pretend to commit. */
      if (sqlite3_get_autocommit (self->db))
        {
          self->in_batch = FALSE;
          return;
        }

      run_simple (self, "ROLLBACK TO kt_write", NULL);
      run_simple (self, "RELEASE kt_write", NULL);
      return;
    }

  rollback_quietly (self);
}

gboolean
kt_store_begin_batch (KtStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  if (self->in_batch)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_FAILED,
                           _("A batch of changes is already in progress."));
      return FALSE;
    }

  if (!kt_store_check_writable (self, error) ||
      !run_simple (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_batch = TRUE;

  return TRUE;
}

gboolean
kt_store_commit_batch (KtStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  if (!self->in_batch)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_FAILED,
                           _("The changes were undone after an error and could not be saved."));
      return FALSE;
    }

  self->in_batch = FALSE;

  return commit_with_retry (self, error);
}

void
kt_store_rollback_batch (KtStore *self)
{
  g_return_if_fail (KT_IS_STORE (self));

  self->in_batch = FALSE;
  rollback_quietly (self);
}

/* ---- time ---- */

char *
kt_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
kt_store_format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL || (utc = g_date_time_new_from_iso8601 (iso, NULL)) == NULL)
    return g_strdup (_("an unknown time"));

  local = g_date_time_to_local (utc);

  /* Translators: date and time of a change, in strftime format; the Danish
   * form is "%d.%m.%Y kl. %H:%M". */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}
