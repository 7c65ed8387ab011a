/* kt-application.h
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_APPLICATION (kt_application_get_type ())

G_DECLARE_FINAL_TYPE (KtApplication, kt_application, KT, APPLICATION, AdwApplication)

KtApplication *kt_application_new              (void);
/* NULL when the GSettings schema is not installed (recent files and the
 * window size are then not kept). */
GSettings     *kt_application_get_settings     (KtApplication *self);
/* The "Recent Portfolios" menu, kept up to date from the settings. */
GMenuModel    *kt_application_get_recent_menu  (KtApplication *self);
/* Remembers path as the newest recent file and as the portfolio to open
 * on the next start. */
void           kt_application_add_recent       (KtApplication *self,
                                                const char    *path);
/* The window opened @store, or wrote to it (a saved contract, an activity
 * marked done): the deadline reminder looks at it again. */
void           kt_application_portfolio_changed (KtApplication *self,
                                                 KtStore       *store);
/* $XDG_DATA_HOME/kontrakter/portefolje.kontrakter */
char          *kt_application_get_default_path (void);

G_END_DECLS
