/* kt-merge-dialog.h — theirs or mine, field by field, after a conflict
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal AdwWindow titled by the caller (“Someone Else Changed This
 * Contract”). It says who saved and when, then lists each field of the
 * merge (kt-store-merge.h) with its label and two radio buttons, “Theirs:
 * <value>” and “Mine: <value>” (accessible names “Keep theirs for <label>”
 * / “Keep mine for <label>”), preset to the merge's defaults, and marks the
 * fields both people changed. Buttons: “Cancel” (nothing is saved, the form
 * keeps the edit) and “Save” (default). Save runs kt_store_merge_save ()
 * through kt_write_run (); when the row changed yet again it rebuilds the
 * merge and shows the new fields in place.
 */
#pragma once

#include <adwaita.h>

#include "kt-store-merge.h"

G_BEGIN_DECLS

#define KT_TYPE_MERGE_DIALOG (kt_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KtMergeDialog, kt_merge_dialog, KT, MERGE_DIALOG, AdwWindow)

/* Takes @merge (which keeps base and mine, for kt_store_merge_rebuild ()). */
KtMergeDialog *kt_merge_dialog_new (GtkWindow    *parent,
                                    const char   *title,
                                    KtStore      *store,
                                    KtStoreMerge *merge);

/* Signals:
 *   "saved" (gpointer record): the merged record as saved (KtContract *,
 *     KtSupplier * or KtActivity *, owned by the dialog during emission);
 *     the dialog closes after it.
 *   "cancelled" (void): closed without saving. */

G_END_DECLS
