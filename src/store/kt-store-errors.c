/* kt-store-errors.c — SQLite results as messages people can act on
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-store-private.h"

G_DEFINE_QUARK (kt-store-error-quark, kt_store_error)

static char *
system_detail (sqlite3 *db)
{
  int err = db != NULL ? sqlite3_system_errno (db) : 0;

  /* The C library's text is translated; SQLite's ("disk I/O error") is not
   * and says no more than this. */
  if (err != 0)
    return g_strdup (g_strerror (err));

  return g_strdup (_("the disk or the network drive reported an error"));
}

static void
set_io_error (sqlite3     *db,
              const char  *name,
              GError     **error,
              int          rc)
{
  g_autofree char *detail = system_detail (db);

  switch (rc)
    {
    case SQLITE_IOERR_READ:
    case SQLITE_IOERR_SHORT_READ:
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The portfolio “%s” could not be read: %s"), name, detail);
      break;

    case SQLITE_IOERR_LOCK:
    case SQLITE_IOERR_RDLOCK:
    case SQLITE_IOERR_UNLOCK:
    case SQLITE_IOERR_CHECKRESERVEDLOCK:
    case SQLITE_PROTOCOL:
      /* Typically a network drive mounted without working file locks. */
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The portfolio “%s” could not be locked: %s"), name, detail);
      break;

    default:
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The portfolio “%s” could not be written: %s"), name, detail);
      break;
    }
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
      else if (rc == SQLITE_READONLY_DIRECTORY)
        g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY,
                     _("The portfolio “%s” cannot be changed: its folder cannot be written to."),
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
      set_io_error (db, name, error, rc);
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
  self->last_rc = rc;
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
