/* kt-change-monitor.h — noticing colleagues' saves and a file that went away
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Polls the store every couple of seconds on the main loop:
 * kt_store_poll_changes () (PRAGMA data_version, cheap) and
 * kt_store_check_file (). A burst of commits (the document indexer, an
 * import by a colleague) gives one "changed" per poll, not one per commit.
 */
#pragma once

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_CHANGE_MONITOR (kt_change_monitor_get_type ())
G_DECLARE_FINAL_TYPE (KtChangeMonitor, kt_change_monitor, KT, CHANGE_MONITOR, GObject)

/* Starts polling at once, every @interval_ms (0 = 2000). Holds a
 * reference on @store. */
KtChangeMonitor *kt_change_monitor_new          (KtStore         *store,
                                                 guint            interval_ms);
/* Stops polling (and emitting) until resumed — e.g. while a dialog about
 * the file is open. Nested: each hold needs a release. */
void             kt_change_monitor_hold         (KtChangeMonitor *self);
void             kt_change_monitor_release      (KtChangeMonitor *self);
/* Polls now (e.g. right after the window regains focus). */
void             kt_change_monitor_poll_now     (KtChangeMonitor *self);

/* FALSE while the file is gone or unreachable; "notify::reachable". */
gboolean         kt_change_monitor_get_reachable (KtChangeMonitor *self);
/* Why it is not reachable (translated), or NULL. */
const char      *kt_change_monitor_get_problem  (KtChangeMonitor *self);

/* Signals:
 *   "changed" (void): someone else committed since the last poll. */

G_END_DECLS
