/* kt-backup.h — backups of a portfolio, beside it, made while it is in use
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups live in the folder “<stem>-sikkerhedskopier” next to
 * “<stem>.kontrakter”, one file each, named
 * “<stem>-YYYYMMDD-HHMMSS-<reason>.kontrakter” (UTC). They are made with
 * SQLite's online backup API from a connection of their own, so colleagues
 * keep working meanwhile; a backup is written under a temporary name,
 * checked (PRAGMA quick_check), synced and only then renamed: a file in the
 * folder under a final name is always a good, complete portfolio.
 *
 * Nothing here touches GTK; kt_backup_make () may run in any thread.
 */
#pragma once

#include <gio/gio.h>

#include "kt-store.h"

G_BEGIN_DECLS

typedef enum {
  KT_BACKUP_ON_OPEN,        /* "open": when the portfolio is opened */
  KT_BACKUP_DAILY,          /* "daily": once a day while it stays open */
  KT_BACKUP_MANUAL,         /* "manual": Back Up Now */
  KT_BACKUP_BEFORE_RESTORE, /* "before-restore": the state a restore replaced */
} KtBackupReason;

typedef struct {
  char           *path;
  GDateTime      *made_at;   /* UTC, from the name */
  KtBackupReason  reason;
  gint64          size;      /* bytes */
} KtBackupInfo;

void          kt_backup_info_free      (KtBackupInfo   *info);
/* Translated, for lists: “When opened”, “Daily”, “By hand”, “Before a restore”. */
const char   *kt_backup_reason_label   (KtBackupReason  reason);

/* “/share/Kontrakter-sikkerhedskopier” for “/share/Kontrakter.kontrakter”. */
char         *kt_backup_folder_for     (const char     *portfolio_path);

/* Makes one backup of the portfolio at @portfolio_path and then rotates
 * the folder (kt_backup_rotate). Copies in steps so that colleagues' writes
 * are not held up; starts over when the file changes under it (at most a
 * few times, then KT_STORE_ERROR_BUSY). Returns the new backup's path. */
char         *kt_backup_make           (const char     *portfolio_path,
                                        KtBackupReason  reason,
                                        GCancellable   *cancellable,
                                        GError        **error);
void          kt_backup_make_async     (const char     *portfolio_path,
                                        KtBackupReason  reason,
                                        GCancellable   *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer        user_data);
char         *kt_backup_make_finish    (GAsyncResult   *result,
                                        GError        **error);

/* The backups of the portfolio, newest first (KtBackupInfo *); empty when
 * there are none or no folder. Files that are not backups are ignored. */
GPtrArray    *kt_backup_list           (const char     *portfolio_path,
                                        GError        **error);

/* Deletes backups beyond: the 10 newest, the newest of each of the last 14
 * days and the newest of each of the last 8 weeks (before @now). Never
 * deletes the newest backup. */
gboolean      kt_backup_rotate         (const char     *portfolio_path,
                                        GDateTime      *now,
                                        GError        **error);

/* TRUE when the newest backup is older than 24 hours before @now (or there
 * is none): time for the daily backup. */
gboolean      kt_backup_is_due         (const char     *portfolio_path,
                                        GDateTime      *now);

/* The newest backup that opens as a portfolio and passes quick_check;
 * NULL (no error) when there is none. */
KtBackupInfo *kt_backup_find_latest_good (const char   *portfolio_path,
                                        GError        **error);

/* Puts the content of @backup_path into the open portfolio, in place, with
 * the backup API (one write transaction: colleagues see the restored
 * portfolio at their next refresh). First makes a BEFORE_RESTORE backup of
 * the current content, so that a restore can itself be undone. Refuses a
 * file that is not a good portfolio or is newer than this build; an older
 * one is migrated after restoring. Audited as entity "portfolio", action
 * "restore_backup", new_value the backup's file name. */
gboolean      kt_store_restore_backup  (KtStore        *store,
                                        const char     *backup_path,
                                        GError        **error);

/* For a portfolio that does not open because it is damaged: moves it (and
 * its journal, if any) into the backups folder as
 * “<stem>-YYYYMMDD-HHMMSS-damaged.kontrakter” and puts a copy of
 * @backup_path in its place (copied under a temporary name, synced,
 * renamed). Colleagues who still have the damaged file open get “moved or
 * deleted” on their next save. */
gboolean      kt_backup_replace_damaged (const char    *portfolio_path,
                                        const char     *backup_path,
                                        GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtBackupInfo, kt_backup_info_free)

G_END_DECLS
