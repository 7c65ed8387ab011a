/* kt-history-window.h — who changed what, for one contract or supplier
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window listing kt_store_list_history (), newest first, grouped by save
 * (same time, user and host): when, who (real user name and computer),
 * and per field “Annual operating cost: 100.000,00 kr. → 120.000,00 kr.”;
 * inserts, deletions, restores, resolved conflicts (“kept mine / theirs”)
 * and restored backups in words. A search entry filters by field, person
 * or value. Keyboard: every row is focusable and read as one sentence.
 */
#pragma once

#include <adwaita.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_HISTORY_WINDOW (kt_history_window_get_type ())
G_DECLARE_FINAL_TYPE (KtHistoryWindow, kt_history_window, KT, HISTORY_WINDOW, AdwWindow)

/* @entity "contract" or "supplier"; @title names it (“History of
 * K-2023-014 Økonomisystem”). Loads at once; an error is shown inside. */
KtHistoryWindow *kt_history_window_new    (GtkWindow   *parent,
                                           KtStore     *store,
                                           const char  *entity,
                                           gint64       entity_id,
                                           const char  *title);
/* Reads the history again (the window's refresh after colleagues' saves). */
void             kt_history_window_reload (KtHistoryWindow *self);

G_END_DECLS
