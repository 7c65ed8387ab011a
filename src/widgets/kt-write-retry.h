/* kt-write-retry.h — saving to a shared file that may be locked or gone
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every save of the window goes through kt_write_run (). It calls @write at
 * once. When the file is locked by a colleague (KT_STORE_ERROR_BUSY; the
 * store waits only kt_store_get_lock_wait (), about 200 ms, per try) it
 * tries again from the main loop with back-off (0.1 s doubling to 2 s) for
 * up to a minute, and after about one second shows that it is waiting —
 * a toast “Waiting for “Name.kontrakter” — a colleague is saving…” with
 * Cancel in the nearest AdwToastOverlay, or a small dialog when there is
 * none. When the file is gone or fails (KT_STORE_ERROR_IO) it shows the
 * store's message in a dialog with “Try Again” and “Cancel”. The window
 * never freezes, and the caller's form keeps the edit throughout: nothing
 * of it is touched here.
 *
 * @done is called exactly once, on the main loop or before kt_write_run ()
 * returns: with NULL when @write succeeded, or with the error that ended it
 * (CONFLICT, INVALID, … at once; BUSY or IO once the user cancelled or the
 * minute passed — already shown to the user, see
 * kt_write_error_was_shown ()). If @widget is destroyed first, @done is not
 * called, but @destroy is.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*KtWriteFunc) (gpointer       user_data,
                                 GError       **error);
typedef void     (*KtWriteDone) (gpointer       user_data,
                                 const GError  *error);

/* Returns FALSE (and calls nothing) when a write started from @widget is
 * still waiting: the caller ignores the repeated Save. */
gboolean kt_write_run              (GtkWidget      *widget,
                                    KtWriteFunc     write,
                                    KtWriteDone     done,
                                    gpointer        user_data,
                                    GDestroyNotify  destroy);

/* TRUE while a write started from @widget waits for the file. */
gboolean kt_write_is_pending       (GtkWidget      *widget);

/* TRUE for a BUSY / IO error that kt_write_run () showed to the user
 * already (the caller shows nothing more; its form keeps the edit). */
gboolean kt_write_error_was_shown  (const GError   *error);

/* The file name the waiting notice names (“Name.kontrakter”), for writes
 * started from @widget, its descendants and windows transient for its
 * window; the window sets it when it opens a portfolio. Without it the
 * notice says “the portfolio file”. */
void     kt_write_set_file_name    (GtkWidget      *widget,
                                    const char     *display_name);

/* For tests: scales the back-off and the one-second / one-minute limits
 * (1.0 = as above). */
void     kt_write_set_time_scale   (double          scale);

G_END_DECLS
