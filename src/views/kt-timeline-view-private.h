/* kt-timeline-view-private.h — shared by kt-timeline-view.c and its list
 * and refresh (kt-timeline-view-list.c)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-timeline.h"
#include "kt-timeline-view.h"

G_BEGIN_DECLS

/* What a row of the list opens (the list holds the same markers as the
 * timeline, in date order). */
typedef struct {
  guint32 julian;
  gint64  contract_id;
  gint64  item_id;
  int     kind;
} ListTarget;

struct _KtTimelineView
{
  GtkWidget        parent_instance;

  KtStore         *store;
  GDate            today;          /* invalid: the real today */
  GDate            loaded_on;      /* the today of the last reload */
  gboolean         dirty;          /* reload when next shown */

  GtkWidget       *toolbar;
  GtkDropDown     *group_dropdown;
  GtkWidget       *zoom_buttons[KT_TIMELINE_N_ZOOMS];
  GtkToggleButton *list_toggle;
  GtkStack        *stack;
  KtTimeline      *timeline;
  GtkListView     *list_view;
  GtkStringList   *list_strings;
  GArray          *list_targets;   /* ListTarget, parallel to list_strings */
  gboolean         refreshing;     /* the list's selection moves by itself */
  AdwStatusPage   *message_page;
};

/* kt-timeline-view.c */
/* Reads the portfolio into the timeline and the list. @quiet_busy: a file
 * locked for a moment leaves the view as it was (and marks it dirty). */
gboolean kt_timeline_view_load      (KtTimelineView  *self,
                                     gboolean         quiet_busy,
                                     GError         **error);

/* kt-timeline-view-list.c */
/* The list form: every marker of @lanes in date order; only the lines
 * that differ change. */
void     kt_timeline_view_fill_list (KtTimelineView  *self,
                                     GPtrArray       *lanes);

G_END_DECLS
