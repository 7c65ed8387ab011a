/* kt-backup-private.h — shared between the kt-backup*.c files
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-backup.h"
#include "kt-store-private.h"

G_BEGIN_DECLS

/* "open", "daily", "manual", "before-restore": in the file names. */
const char *kt_backup_reason_code (KtBackupReason reason);

/* “Kontrakter” for “/share/Kontrakter.kontrakter”. */
char     *kt_backup_stem          (const char     *portfolio_path);

/* kt_backup_make () without the rotation afterwards (a restore rotates
 * only once it is done, so that it cannot delete the backup it restores). */
char     *kt_backup_make_unrotated (const char    *portfolio_path,
                                    KtBackupReason  reason,
                                    GCancellable   *cancellable,
                                    GError        **error);

/* Claims a free name “<folder>/<stem>-YYYYMMDD-HHMMSS-<code>[-N].kontrakter”
 * for @when by creating its temporary file “<folder>/.<name>.tmp” (empty,
 * O_EXCL, so two colleagues never write the same one). Returns the final
 * path and sets @tmp_path. */
char     *kt_backup_claim_name    (const char     *folder,
                                   const char     *stem,
                                   GDateTime      *when,
                                   const char     *code,
                                   char          **tmp_path,
                                   GError        **error);

/* Opens a backup (or any portfolio) read-only and checks that it is a
 * Kontrakter portfolio that passes quick_check; sets @user_version. Errors
 * name the file as a backup. */
gboolean  kt_backup_check_file    (const char     *path,
                                   gint64         *user_version,
                                   GError        **error);

/* fsync () of a file or a folder; FALSE with errno set. Folders on file
 * systems that cannot sync them count as synced. */
gboolean  kt_backup_sync_path     (const char     *path);

/* Renames with an error naming @what. */
gboolean  kt_backup_rename        (const char     *from,
                                   const char     *to,
                                   GError        **error);

G_END_DECLS
