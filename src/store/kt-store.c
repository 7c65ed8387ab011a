/* kt-store.c — opening a portfolio file: recognise, check, migrate
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

#include "kt-store-private.h"

/* Waiting for a colleague's write to finish. Writes are short, so 5 s means
 * the file is stuck (or a lock of a network file system is). */
#define DEFAULT_LOCK_WAIT_MS 5000

G_DEFINE_FINAL_TYPE (KtStore, kt_store, G_TYPE_OBJECT)

/* ---- opening ---- */

static gboolean
query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      kt_store_set_error_db (db, path, error, rc);
      return FALSE;
    }

  return TRUE;
}

static char *
query_text (sqlite3     *db,
            const char  *path,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      kt_store_set_error_db (db, path, error, rc);
      return NULL;
    }

  return result != NULL ? result : g_strdup ("");
}

/* Looks at the 100-byte header with plain reads, so that a file of another
 * program is turned away before SQLite touches it (a hot journal of theirs
 * would otherwise be rolled back by us). */
static gboolean
check_header (const char  *path,
              const char  *name,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100];
  gssize n = 0;
  guint32 app_id;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The portfolio “%s” could not be opened: %s"), name, g_strerror (saved));
      return FALSE;
    }

  while (n < (gssize) sizeof header)
    {
      gssize r = read (fd, header + n, sizeof header - n);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      n += r;
    }
  close (fd);

  if (n < (gssize) sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO,
                   _("“%s” is not a Kontrakter portfolio."), name);
      return FALSE;
    }

  app_id = (guint32) header[68] << 24 | (guint32) header[69] << 16 |
           (guint32) header[70] << 8 | header[71];
  if (app_id != 0 && app_id != KT_STORE_APPLICATION_ID)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO,
                   _("“%s” is not a Kontrakter portfolio: it belongs to another program."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static void
set_read_only (KtStore    *self,
               int         code,
               const char *reason)
{
  if (self->read_only && self->read_only_code == KT_STORE_ERROR_NEWER_VERSION)
    return;

  self->read_only = TRUE;
  self->read_only_code = code;
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
}

/* Decides whether the file is ours before anything is written to it. */
static gboolean
recognise (KtStore     *self,
           const char  *name,
           GError     **error)
{
  gint64 app_id = 0, user_version = 0, n_objects = 0;
  g_autofree char *check = NULL;

  if (!query_int (self->db, self->path, "PRAGMA application_id", &app_id, error) ||
      !query_int (self->db, self->path, "PRAGMA user_version", &user_version, error) ||
      !query_int (self->db, self->path, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if ((guint32) app_id != KT_STORE_APPLICATION_ID)
    {
      if (app_id != 0 || n_objects > 0 || user_version != 0)
        {
          g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO,
                       _("“%s” is not a Kontrakter portfolio."), name);
          return FALSE;
        }

      if (self->read_only)
        {
          g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY,
                       _("“%s” is empty and cannot be written, so it cannot become a portfolio."),
                       name);
          return FALSE;
        }

      self->schema_version = 0;
      return TRUE;
    }

  check = query_text (self->db, self->path, "PRAGMA quick_check(1)", error);
  if (check == NULL)
    return FALSE;
  if (!g_str_equal (check, "ok"))
    {
      g_debug ("quick_check of %s: %s", self->path, check);
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CORRUPT,
                   _("The portfolio “%s” is damaged. Restore it from a backup."), name);
      return FALSE;
    }

  self->schema_version = (int) user_version;

  if (user_version > kt_store_schema_version_latest ())
    set_read_only (self, KT_STORE_ERROR_NEWER_VERSION,
                   _("This portfolio was saved by a newer version of Kontrakter. "
                     "It is open read-only; install the newer version to change it."));

  return TRUE;
}

static gboolean
ensure_journal_mode (KtStore     *self,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *mode = NULL;

  /* WAL is stored in the file and does not work on network drives, so a
   * file someone switched to WAL is switched back whenever we can write. */
  if (self->read_only)
    return TRUE;

  mode = query_text (self->db, self->path, "PRAGMA journal_mode=DELETE", error);
  if (mode == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (mode, "delete") != 0)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY,
                   _("The portfolio “%s” uses the journal mode “%s”, which is not safe on "
                     "shared drives, and could not be changed. Close other programs that "
                     "use the file and try again."),
                   name, mode);
      return FALSE;
    }

  return TRUE;
}

KtStore *
kt_store_open (const char        *path,
               KtStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(KtStore) self = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;
  gboolean exists;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (KT_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  name = g_filename_display_basename (path);
  dir = g_path_get_dirname (path);

  exists = g_stat (path, &st) == 0;
  if (!exists)
    {
      int saved = errno;

      if (saved != ENOENT)
        {
          g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                       _("The portfolio “%s” could not be opened: %s"), name, g_strerror (saved));
          return NULL;
        }
      if (!(flags & KT_STORE_OPEN_CREATE) || (flags & KT_STORE_OPEN_READ_ONLY))
        {
          g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND,
                       _("The portfolio “%s” does not exist."), name);
          return NULL;
        }
    }
  else if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO,
                   _("“%s” is not a Kontrakter portfolio."), name);
      return NULL;
    }
  else if (st.st_size > 0 && !check_header (path, name, error))
    {
      return NULL;
    }

  if (flags & KT_STORE_OPEN_READ_ONLY)
    set_read_only (self, KT_STORE_ERROR_READ_ONLY, _("The portfolio was opened read-only."));
  else if (exists && g_access (path, W_OK) != 0)
    set_read_only (self, KT_STORE_ERROR_READ_ONLY,
                   _("You do not have permission to change this portfolio file."));
  else if (exists && g_access (dir, W_OK | X_OK) != 0)
    /* The rollback journal is created next to the file. */
    set_read_only (self, KT_STORE_ERROR_READ_ONLY,
                   _("The folder of this portfolio cannot be written to, so changes cannot "
                     "be saved."));

  /* A store is used from one thread at a time (its statement cache is not
   * locked either); without SQLite's per-call mutex, reading a large list
   * costs a fifth less. */
  open_flags = SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX;
  if (self->read_only)
    open_flags |= SQLITE_OPEN_READONLY;
  else
    open_flags |= SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);

  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  kt_store_install_busy_handler (self);

  /* SQLite has the file open now (and created it): remember which file it
   * is, so that kt_store_check_file () notices when the name points
   * elsewhere. */
  if (g_stat (path, &st) == 0)
    {
      self->has_file_id = TRUE;
      self->file_dev = (guint64) st.st_dev;
      self->file_ino = (guint64) st.st_ino;
    }

  if (!self->read_only && sqlite3_db_readonly (self->db, "main") == 1)
    set_read_only (self, KT_STORE_ERROR_READ_ONLY,
                   _("The portfolio file could not be opened for writing."));

  /* Connection settings only: nothing is written to the file by these. */
  if (!kt_store_run_script (self->db, path,
                            "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;", error))
    return NULL;

  if (!recognise (self, name, error) ||
      !ensure_journal_mode (self, name, error))
    return NULL;

  if (self->schema_version < kt_store_schema_version_latest ())
    {
      if (self->read_only)
        {
          g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY,
                       _("The portfolio “%s” was saved by an older version of Kontrakter and "
                         "must be updated, but it cannot be written: %s"),
                       name, self->read_only_reason);
          return NULL;
        }

      if (!kt_store_migrate (self->db, path, kt_store_schema_version_latest (), error))
        return NULL;

      self->schema_version = kt_store_schema_version_latest ();
    }

  /* Belt and braces: SQLite itself refuses writes from here on. */
  if (self->read_only &&
      !kt_store_run_script (self->db, path, "PRAGMA query_only=ON;", error))
    return NULL;

  if (!query_int (self->db, path, "PRAGMA data_version", &self->data_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* ---- object ---- */

static void
kt_store_finalize (GObject *object)
{
  KtStore *self = (KtStore *) object;

  if (self->db != NULL && self->in_batch)
    kt_store_rollback_batch (self);

  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&self->statements, g_hash_table_unref);

  if (self->db != NULL)
    {
      int rc = sqlite3_close (self->db);
      if (rc != SQLITE_OK)
        g_warning ("Closing %s: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
    }

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (kt_store_parent_class)->finalize (object);
}

static void
kt_store_class_init (KtStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kt_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
kt_store_init (KtStore *self)
{
  const char *real_name = g_get_real_name ();

  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->lock_wait_ms = DEFAULT_LOCK_WAIT_MS;
  self->user = g_strdup (g_get_user_name ());
  self->host = g_strdup (g_get_host_name ());

  /* Colleagues recognise "Anna Jensen" sooner than "aje4711". */
  if (real_name != NULL && *real_name != '\0' && !g_str_equal (real_name, "Unknown"))
    self->display_name = g_strdup (real_name);
  else
    self->display_name = g_strdup (self->user);
}

/* ---- public API ---- */

const char *
kt_store_get_path (KtStore *self)
{
  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  return self->path;
}

gboolean
kt_store_is_read_only (KtStore *self)
{
  g_return_val_if_fail (KT_IS_STORE (self), TRUE);

  return self->read_only;
}

const char *
kt_store_get_read_only_reason (KtStore *self)
{
  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  return self->read_only_reason;
}

int
kt_store_get_schema_version (KtStore *self)
{
  g_return_val_if_fail (KT_IS_STORE (self), 0);

  return self->schema_version;
}

void
kt_store_set_identity (KtStore    *self,
                       const char *user,
                       const char *host)
{
  g_return_if_fail (KT_IS_STORE (self));
  g_return_if_fail (user != NULL && *user != '\0');

  g_free (self->user);
  g_free (self->host);
  g_free (self->display_name);
  self->user = g_strdup (user);
  self->host = g_strdup (host != NULL ? host : "");
  self->display_name = g_strdup (user);
}

void
kt_store_set_display_name (KtStore    *self,
                           const char *display_name)
{
  g_return_if_fail (KT_IS_STORE (self));
  g_return_if_fail (display_name != NULL && *display_name != '\0');

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
}

gboolean
kt_store_poll_changes (KtStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  if (!query_int (self->db, self->path, "PRAGMA data_version", &version, NULL))
    return FALSE;

  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  return TRUE;
}

void
kt_store_set_lock_wait (KtStore *self,
                        guint    milliseconds)
{
  g_return_if_fail (KT_IS_STORE (self));

  self->lock_wait_ms = milliseconds;
}

guint
kt_store_get_lock_wait (KtStore *self)
{
  g_return_val_if_fail (KT_IS_STORE (self), 0);

  return self->lock_wait_ms;
}

gboolean
kt_store_check_file (KtStore  *self,
                     GError  **error)
{
  g_autofree char *name = NULL;
  GStatBuf st;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  if (g_stat (self->path, &st) != 0)
    {
      int saved = errno;

      name = g_filename_display_basename (self->path);
      if (saved == ENOENT || saved == ENOTDIR)
        g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                     _("The portfolio “%s” was moved or deleted."), name);
      else
        g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                     _("The portfolio “%s” cannot be reached: %s"), name, g_strerror (saved));
      return FALSE;
    }

  /* SQLite compares the inode as well before it writes (DBMOVED): a file
   * copied over the name is not the one this store has open. */
  if (!self->has_file_id ||
      ((guint64) st.st_dev == self->file_dev && (guint64) st.st_ino == self->file_ino))
    return TRUE;

  name = g_filename_display_basename (self->path);
  g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
               _("The portfolio “%s” was moved or deleted, and another file now has its "
                 "name. Open the portfolio again."),
               name);
  return FALSE;
}

const char *
kt_store_get_user (KtStore *self)
{
  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  return self->user;
}

const char *
kt_store_get_host (KtStore *self)
{
  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  return self->host;
}

const char *
kt_store_get_display_name (KtStore *self)
{
  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  return self->display_name;
}
