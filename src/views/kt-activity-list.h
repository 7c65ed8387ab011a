/* kt-activity-list.h — the activities and computed deadlines of one contract
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-enums.h"
#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_ACTIVITY_LIST (kt_activity_list_get_type ())

G_DECLARE_FINAL_TYPE (KtActivityList, kt_activity_list, KT, ACTIVITY_LIST, AdwPreferencesGroup)

/* The "Activities" group of the contract page: the contract's manual
 * activities, with Add and, per row, edit, mark done and delete (with an
 * undo toast), and the deadlines derived from the contract as saved
 * (kt-deadlines.h), read-only and marked as computed. Activities are
 * written to the store at once, not with the contract's Save.
 *
 * Signal: "changed" () after it wrote to the store (or undid a write), so
 * that overviews can refresh. */
GtkWidget *kt_activity_list_new          (void);
void       kt_activity_list_set_store    (KtActivityList   *self,
                                          KtStore          *store);
/* Shows @contract as stored (a copy is kept; id 0: a contract not saved
 * yet, which cannot have activities). Reads its activities and the
 * portfolio's deadline settings. NULL empties the list. */
void       kt_activity_list_set_contract (KtActivityList   *self,
                                          const KtContract *contract);
/* Reads the activities and settings again. */
void       kt_activity_list_reload       (KtActivityList   *self);
/* Reads them again after a colleague's save, with @contract as it is now
 * stored (NULL, or another contract: the one shown stays), keeping the
 * focused row focused. Mark done, delete and their undo go through
 * kt_write_run (). */
void       kt_activity_list_refresh      (KtActivityList   *self,
                                          const KtContract *contract);
/* Moves the keyboard focus (and so the scroll position) to the row of
 * activity @activity_id, or with @activity_id 0 to the computed deadline of
 * @derived_kind. FALSE when the list has no such row or it cannot take the
 * focus (not shown). */
gboolean   kt_activity_list_focus_deadline (KtActivityList *self,
                                            gint64          activity_id,
                                            KtDerivedKind   derived_kind);

G_END_DECLS
