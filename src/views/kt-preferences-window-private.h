/* kt-preferences-window-private.h — the preferences window's parts, shared by its files
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-preferences-window.h"

G_BEGIN_DECLS

struct _KtPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkWidget            *shared_row;
  GtkWidget            *decision_group;
  GtkWidget            *lead_group;
  GtkWidget            *buffer_row;
  GtkWidget            *defaults_button;
  GtkWidget            *save_button;
  GtkWidget            *changed_label;
  GtkWidget            *lead_rows[KT_PROCUREMENT_N_FORMS];
  GtkWidget            *matrix_group;
  GtkWidget            *importance_row;
  GtkWidget            *risk_row;
  GtkWidget            *spend_row;
  GtkWidget            *notice_row;
  GtkWidget            *matrix_changed_label;

  KtStore              *store;
  KtDeadlineSettings   *base;      /* as read, or the colleague's version after a conflict */
  KtMatrixSettings     *matrix_base;
  gboolean              setting;
  gboolean              closing;
};

/* ---- kt-preferences-window.c ---- */

/* The deadline terms as the rows have them. */
KtDeadlineSettings *kt_preferences_window_collect        (KtPreferencesWindow  *self);
/* The matrix settings as the rows have them; FALSE (with the stored amount
 * kept in *out) when the full spend is no amount. */
gboolean  kt_preferences_window_collect_matrix           (KtPreferencesWindow  *self,
                                                          KtMatrixSettings    **out,
                                                          GError              **error);
gboolean  kt_preferences_window_deadlines_dirty          (KtPreferencesWindow  *self);
gboolean  kt_preferences_window_matrix_dirty             (KtPreferencesWindow  *self);
gboolean  kt_preferences_window_is_dirty                 (KtPreferencesWindow  *self);
void      kt_preferences_window_update_state             (KtPreferencesWindow  *self);
/* The user's values into the rows. */
void      kt_preferences_window_show_values              (KtPreferencesWindow      *self,
                                                          const KtDeadlineSettings *settings);
void      kt_preferences_window_show_matrix_values       (KtPreferencesWindow    *self,
                                                          const KtMatrixSettings *settings);
/* Take @settings as stored, with who changed them when. */
void      kt_preferences_window_show_settings            (KtPreferencesWindow  *self,
                                                          KtDeadlineSettings   *settings);
void      kt_preferences_window_show_matrix_settings     (KtPreferencesWindow  *self,
                                                          KtMatrixSettings     *settings);
void      kt_preferences_window_emit_saved               (KtPreferencesWindow  *self);

/* ---- kt-preferences-window-save.c ---- */

/* Saves what changed; @close: and closes the window once all is saved. */
void      kt_preferences_window_save                     (KtPreferencesWindow  *self,
                                                          gboolean              close);

G_END_DECLS
