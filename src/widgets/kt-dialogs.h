/* kt-dialogs.h — the message dialogs the editors share
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The window widget is in, for dialogs; NULL when it is not in one. */
GtkWindow *kt_dialog_parent_for  (GtkWidget  *widget);

/* Presents a dialog with a heading, message and a Close button. */
void       kt_dialog_show_error  (GtkWidget  *widget,
                                  const char *heading,
                                  const char *message);

/* A dialog, not yet presented, for a save that lost a race with a colleague.
 * message is the store's ("… was changed by X at T"). Its responses are
 * "reload" (destructive: discard the user's changes and show the colleague's
 * version) and "keep" (the default: keep editing; saving again replaces the
 * other change). */
GtkWidget *kt_dialog_new_conflict (GtkWidget  *widget,
                                   const char *heading,
                                   const char *message);

G_END_DECLS
