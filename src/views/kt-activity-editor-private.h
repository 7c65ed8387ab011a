/* kt-activity-editor-private.h — the activity editor's parts, shared by its files
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-activity-editor.h"

G_BEGIN_DECLS

struct _KtActivityEditor
{
  AdwWindow    parent_instance;

  GtkWidget   *window_title;
  GtkWidget   *cancel_label;
  GtkWidget   *save_button;
  GtkWidget   *message_label;
  GtkWidget   *activity_group;
  GtkWidget   *deadline_group;
  GtkWidget   *status_group;
  GtkWidget   *notes_group;
  GtkWidget   *type_row;
  GtkWidget   *description_row;
  GtkWidget   *clause_row;
  GtkWidget   *responsible_row;
  GtkWidget   *deadline_row;
  GtkWidget   *recurrence_row;
  GtkWidget   *until_row;
  GtkWidget   *status_row;
  GtkWidget   *done_row;
  GtkWidget   *notes_view;
  GtkWidget   *changed_label;

  KtStore     *store;
  KtActivity  *base;        /* as loaded: what a merge after a conflict starts from */
  GHashTable  *error_rows;  /* field → KtErrorRow */
  GHashTable  *touched;     /* fields the user edited */
  gboolean     setting;
  gboolean     can_save;
  gboolean     closing;
};

/* ---- kt-activity-editor.c ---- */

/* The record as the rows have it, with everything that keeps it from
 * being saved; *dirty: it differs from base. */
KtActivity *kt_activity_editor_collect      (KtActivityEditor  *self,
                                             GPtrArray        **problems_out,
                                             gboolean          *dirty);
void        kt_activity_editor_update_state (KtActivityEditor  *self);
/* Every field's problems count as errors from now on. */
void        kt_activity_editor_touch_all    (KtActivityEditor  *self);
void        kt_activity_editor_emit_saved   (KtActivityEditor  *self,
                                             gint64             id);

/* ---- kt-activity-editor-save.c ---- */

void        kt_activity_editor_save_action  (GtkWidget         *widget,
                                             const char        *action_name,
                                             GVariant          *parameter);

G_END_DECLS
