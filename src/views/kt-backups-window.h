/* kt-backups-window.h — the portfolio's backups: list, back up now, restore
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists kt_backup_list () (when, why, size) with “Back Up Now” and, per
 * backup, “Restore…”, which asks first (“Restore the portfolio as it was on
 * 26.11.2026 14:02? Everyone who has it open sees the restored portfolio.
 * The current content is kept as a backup first.”) and then runs
 * kt_store_restore_backup () through kt_write_run (). Also “Open Backups
 * Folder” in the file manager.
 */
#pragma once

#include <adwaita.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_BACKUPS_WINDOW (kt_backups_window_get_type ())
G_DECLARE_FINAL_TYPE (KtBackupsWindow, kt_backups_window, KT, BACKUPS_WINDOW, AdwWindow)

KtBackupsWindow *kt_backups_window_new (GtkWindow *parent,
                                        KtStore   *store);

/* Signals:
 *   "restored" (void): the portfolio was restored; the window reloads. */

/* For a portfolio that failed to open as damaged (KT_STORE_ERROR_CORRUPT):
 * presents a dialog with @message that offers the latest good backup
 * (kt_backup_find_latest_good (), naming its time): “Cancel” or “Replace
 * With Backup”, which runs kt_backup_replace_damaged () and then calls
 * @done with TRUE (the caller opens the file again). Without a good backup
 * the dialog shows @message and says that there is none; @done gets FALSE
 * whenever nothing was replaced (a failure is shown first). */
typedef void (*KtDamagedDone) (gpointer user_data,
                               gboolean replaced);

void             kt_damaged_dialog_present (GtkWindow     *parent,
                                            const char    *portfolio_path,
                                            const char    *message,
                                            KtDamagedDone  done,
                                            gpointer       user_data);

G_END_DECLS
