/* kt-preferences-window.h — the portfolio's deadline terms
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_PREFERENCES_WINDOW (kt_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (KtPreferencesWindow, kt_preferences_window, KT, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Edits the decision buffer and the re-procurement lead time of each
 * procurement form (KtDeadlineSettings), and the thresholds and scales of
 * the supplier matrix (KtMatrixSettings). They are kept in the portfolio
 * file, shared by everyone who opens it, and saved with Save (versioned
 * and audited, with the usual conflict dialog); read-only portfolios only
 * show them.
 *
 * Signal: "saved" () after the store wrote them. */
KtPreferencesWindow *kt_preferences_window_new (GtkWindow *parent,
                                                KtStore   *store);

G_END_DECLS
