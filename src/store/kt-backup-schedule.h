/* kt-backup-schedule.h — a backup when the portfolio opens, then daily
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Started by the window for the open portfolio: makes a KT_BACKUP_ON_OPEN
 * backup at once and, while it stays open, checks every hour whether a
 * daily one is due (kt_backup_is_due: colleagues' backups count, so a
 * portfolio open in five places still gets one a day). Backups run in a
 * worker thread (kt_backup_make_async); at most one at a time.
 */
#pragma once

#include "kt-backup.h"

G_BEGIN_DECLS

#define KT_TYPE_BACKUP_SCHEDULE (kt_backup_schedule_get_type ())
G_DECLARE_FINAL_TYPE (KtBackupSchedule, kt_backup_schedule, KT, BACKUP_SCHEDULE, GObject)

KtBackupSchedule *kt_backup_schedule_new   (const char       *portfolio_path);
void              kt_backup_schedule_start (KtBackupSchedule *self);
/* Cancels a backup in progress (its temporary file is removed). */
void              kt_backup_schedule_stop  (KtBackupSchedule *self);

/* Signals:
 *   "made" (const char *path): a backup was written.
 *   "failed" (GError *error): a backup failed (the window shows a toast;
 *     the portfolio itself is not affected). */

G_END_DECLS
