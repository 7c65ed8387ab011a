/* kt-undo-toast.h — "Deleted" toasts with an Undo button and Ctrl+Z
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*KtUndoFunc) (gpointer data);

/* Shows @message in the AdwToastOverlay that holds @widget, with an Undo
 * button that calls @undo (@data) once. One undo is pending per overlay: a
 * new one replaces the last (in the same toast while it is shown). @destroy frees
 * @data when the undo has run or can no longer run. Without an overlay
 * above @widget nothing is shown and @data is freed at once. */
void      kt_undo_toast_show    (GtkWidget       *widget,
                                 const char      *message,
                                 KtUndoFunc       undo,
                                 gpointer         data,
                                 GDestroyNotify   destroy);
/* Runs the pending undo of @overlay, for Ctrl+Z: the toast's button is out
 * of reach of the keyboard and of screen readers. FALSE when there is none. */
gboolean  kt_undo_toast_run     (AdwToastOverlay *overlay);
/* Forgets the pending undo, e.g. when another portfolio is opened. */
void      kt_undo_toast_dismiss (AdwToastOverlay *overlay);

G_END_DECLS
