/* kt-store-db.c — statements, lock waits and transactions of a store
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-store-private.h"

/* Between COMMIT attempts that found readers still on the file. */
#define COMMIT_PAUSE_US  (10 * G_TIME_SPAN_MILLISECOND)

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

/* ---- waiting for locks ---- */

/* Pauses between lock attempts, as SQLite's own busy timeout makes them,
 * but measured against a deadline: BEGIN IMMEDIATE, a cache spill and
 * COMMIT of one write call share kt_store_get_lock_wait (), so the window's
 * retry loop knows how long a try can take. */
static const guint8 busy_pauses_ms[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };

static int
busy_cb (void *data,
         int   count)
{
  KtStore *self = data;
  gint64 now = g_get_monotonic_time ();
  gint64 deadline;
  gint64 pause;

  if (self->write_deadline != 0)
    deadline = self->write_deadline;
  else
    {
      if (count == 0)
        self->wait_deadline = now + (gint64) self->lock_wait_ms * G_TIME_SPAN_MILLISECOND;
      deadline = self->wait_deadline;
    }

  if (now >= deadline)
    return 0;

  pause = busy_pauses_ms[MIN ((guint) count, G_N_ELEMENTS (busy_pauses_ms) - 1)] *
          G_TIME_SPAN_MILLISECOND;
  g_usleep (MIN (pause, deadline - now));

  return 1;
}

void
kt_store_install_busy_handler (KtStore *self)
{
  sqlite3_busy_handler (self->db, busy_cb, self);
}

static void
deadline_start (KtStore *self)
{
  self->write_deadline = g_get_monotonic_time () +
                         (gint64) self->lock_wait_ms * G_TIME_SPAN_MILLISECOND;
}

static void
deadline_clear (KtStore *self)
{
  self->write_deadline = 0;
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
  /* ROLLBACK ends the transaction even when it fails (an I/O error leaves
   * a hot journal, which the next reader plays back), so the store stays
   * usable either way. */
  if (!sqlite3_get_autocommit (self->db))
    run_simple (self, "ROLLBACK", NULL);
}

/* A write that failed on the disk or the network drive. */
static gboolean
failed_on_file (KtStore *self)
{
  switch (self->last_rc & 0xff)
    {
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CORRUPT:
    case SQLITE_CANTOPEN:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Once a write failed on the file and has been rolled back: SQLite 3.40's
 * FTS5 keeps in-memory state of a write that failed in the middle (the
 * search index triggers of contracts), and the next write through this
 * connection then fails with SQLITE_CORRUPT_VTAB although the file is
 * fine (shared-faults finds this). Reloading the schema disconnects the
 * virtual tables, so they start afresh; cached statements prepare again
 * by themselves. */
static void
forget_failed_write (KtStore *self)
{
  if (!failed_on_file (self) || !sqlite3_get_autocommit (self->db))
    return;

  if (sqlite3_exec (self->db, "PRAGMA writable_schema = RESET", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("Resetting the schema of %s: %s", self->path, sqlite3_errmsg (self->db));
}

static void
batch_lost (KtStore *self)
{
  rollback_quietly (self);
  self->in_batch = FALSE;
  self->batch_lost = TRUE;
}

static void
set_batch_lost_error (GError **error)
{
  g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_FAILED,
                       _("The changes were undone after an error and could not be saved."));
}

/* Undoes the current write of a batch, and only it. */
static void
rollback_savepoint (KtStore *self)
{
  /* An I/O error can make SQLite undo the whole transaction itself; then
   * the batch is gone and must not pretend to commit. */
  if (sqlite3_get_autocommit (self->db))
    {
      self->in_batch = FALSE;
      self->batch_lost = TRUE;
      return;
    }

  /* If the write cannot be undone alone, none of the batch may stay; nor
   * after the file failed, as SQLite may be in a state that only a full
   * rollback clears. */
  if (failed_on_file (self) ||
      !run_simple (self, "ROLLBACK TO kt_write", NULL) ||
      !run_simple (self, "RELEASE kt_write", NULL))
    {
      batch_lost (self);
      forget_failed_write (self);
    }
}

gboolean
kt_store_write_begin (KtStore  *self,
                      GError  **error)
{
  if (!kt_store_check_writable (self, error))
    return FALSE;

  if (self->batch_lost)
    {
      set_batch_lost_error (error);
      return FALSE;
    }

  self->last_rc = SQLITE_OK;
  deadline_start (self);

  if (self->in_batch)
    {
      if (sqlite3_get_autocommit (self->db))
        {
          self->in_batch = FALSE;
          self->batch_lost = TRUE;
          set_batch_lost_error (error);
        }
      else if (run_simple (self, "SAVEPOINT kt_write", error))
        return TRUE;

      deadline_clear (self);
      return FALSE;
    }

  /* IMMEDIATE takes the write lock now, so the row we read for the diff
   * cannot change before our UPDATE. */
  if (run_simple (self, "BEGIN IMMEDIATE", error))
    return TRUE;

  rollback_quietly (self);
  forget_failed_write (self);
  deadline_clear (self);
  return FALSE;
}

/* Commits, or rolls back completely: after FALSE nothing of the
 * transaction is in the file and no transaction is open. */
static gboolean
commit_with_retry (KtStore  *self,
                   GError  **error)
{
  KtStmt *stmt;
  int rc;

  stmt = kt_store_prepare (self, "COMMIT", error);
  if (stmt == NULL)
    {
      rollback_quietly (self);
      forget_failed_write (self);
      return FALSE;
    }

  /* COMMIT waits for readers to leave the file. The busy handler waits for
   * that until the call's deadline; the loop covers locks that report busy
   * without consulting it (some network file systems). */
  for (;;)
    {
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);

      if (rc == SQLITE_DONE)
        return TRUE;
      if ((rc & 0xff) != SQLITE_BUSY ||
          g_get_monotonic_time () + COMMIT_PAUSE_US > self->write_deadline)
        break;

      g_usleep (COMMIT_PAUSE_US);
    }

  kt_store_set_error (self, error, rc);
  rollback_quietly (self);
  forget_failed_write (self);

  return FALSE;
}

gboolean
kt_store_write_commit (KtStore  *self,
                       GError  **error)
{
  gboolean ok;

  if (self->in_batch)
    {
      ok = run_simple (self, "RELEASE kt_write", error);
      /* Callers take a failed commit as rolled back. */
      if (!ok)
        rollback_savepoint (self);
    }
  else
    ok = commit_with_retry (self, error);

  deadline_clear (self);

  return ok;
}

void
kt_store_write_rollback (KtStore *self)
{
  if (self->in_batch)
    rollback_savepoint (self);
  else
    {
      rollback_quietly (self);
      forget_failed_write (self);
    }

  deadline_clear (self);
}

gboolean
kt_store_begin_batch (KtStore  *self,
                      GError  **error)
{
  gboolean ok;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  if (self->in_batch)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_FAILED,
                           _("A batch of changes is already in progress."));
      return FALSE;
    }

  if (!kt_store_check_writable (self, error))
    return FALSE;

  self->batch_lost = FALSE;
  self->last_rc = SQLITE_OK;

  deadline_start (self);
  ok = run_simple (self, "BEGIN IMMEDIATE", error);
  deadline_clear (self);

  if (!ok)
    {
      rollback_quietly (self);
      return FALSE;
    }

  self->in_batch = TRUE;

  return TRUE;
}

gboolean
kt_store_commit_batch (KtStore  *self,
                       GError  **error)
{
  gboolean ok;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  if (!self->in_batch)
    {
      self->batch_lost = FALSE;
      set_batch_lost_error (error);
      return FALSE;
    }

  self->in_batch = FALSE;

  deadline_start (self);
  ok = commit_with_retry (self, error);
  deadline_clear (self);

  return ok;
}

void
kt_store_rollback_batch (KtStore *self)
{
  g_return_if_fail (KT_IS_STORE (self));

  self->in_batch = FALSE;
  self->batch_lost = FALSE;
  rollback_quietly (self);
}

gboolean
kt_store_in_batch (KtStore *self)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  return self->in_batch;
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
