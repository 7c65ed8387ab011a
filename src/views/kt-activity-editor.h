/* kt-activity-editor.h — a dialog that adds or edits one activity
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_ACTIVITY_EDITOR (kt_activity_editor_get_type ())

G_DECLARE_FINAL_TYPE (KtActivityEditor, kt_activity_editor, KT, ACTIVITY_EDITOR, AdwWindow)

/* A modal window over @parent's window for an activity of @contract:
 * @activity NULL adds a new one (responsible: the contract's
 * administrator). Problems (kt_activity_validate () and dates that are not
 * dates) are shown under their rows and keep Save insensitive. Save waits
 * for a file locked by a colleague and keeps the edit when the file fails
 * (kt-write-retry.h); a save that lost a race with a colleague opens the
 * merge dialog, theirs or mine per field (kt-merge-dialog.h). On a
 * read-only store it only shows the activity.
 *
 * Signal: "saved" (gint64 id), after the store wrote it; the window then
 * closes itself. Present it with gtk_window_present (). */
KtActivityEditor *kt_activity_editor_new (GtkWidget        *parent,
                                          KtStore          *store,
                                          const KtContract *contract,
                                          const KtActivity *activity);

G_END_DECLS
