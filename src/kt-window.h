/* kt-window.h
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-application.h"
#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_WINDOW (kt_window_get_type ())

G_DECLARE_FINAL_TYPE (KtWindow, kt_window, KT, WINDOW, AdwApplicationWindow)

KtWindow   *kt_window_new            (KtApplication    *application);
/* Opens the portfolio at path in this window, after asking whether to
 * discard unsaved changes of an open contract. When the file cannot be
 * opened, a dialog says why and the previous portfolio stays open. */
void        kt_window_request_open   (KtWindow         *self,
                                      const char       *path,
                                      KtStoreOpenFlags  flags);
/* Creates a new, empty portfolio at path and opens it; refuses to touch a
 * file that already exists. */
void        kt_window_request_create (KtWindow         *self,
                                      const char       *path);
/* The open portfolio, or NULL. */
KtStore    *kt_window_get_store      (KtWindow         *self);
/* Presents the window with the upcoming deadlines (Kommende frister), after
 * asking whether to discard unsaved changes of an open contract. Also the
 * window action "win.show-upcoming". */
void        kt_window_show_upcoming  (KtWindow         *self);

G_END_DECLS
