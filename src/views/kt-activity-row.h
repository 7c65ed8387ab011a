/* kt-activity-row.h — the rows of a contract's activity list
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-activity.h"
#include "kt-deadline-item.h"

G_BEGIN_DECLS

/* What the buttons of an activity's row call, each swapped:
 * callback (data, button), and activated (data, row). */
typedef struct {
  GCallback done;
  GCallback edit;
  GCallback remove;
  GCallback activated;
  gpointer  data;
} KtActivityRowActions;

/* An AdwActionRow for @activity at @item's date (its next open occurrence,
 * or where it ended): the date, the description, type, repetition, clause,
 * responsible and when it was done, an urgency or status tag, and buttons
 * to mark it done (open ones), edit (or show) and delete it (@writable).
 * The buttons are named for screen readers after the activity. */
GtkWidget        *kt_activity_row_new             (const KtActivity           *activity,
                                                   const KtDeadlineItem       *item,
                                                   KtUrgency                   urgency,
                                                   gboolean                    writable,
                                                   const KtActivityRowActions *actions);
/* A read-only row for a deadline computed from the contract, marked
 * "Computed" with where it comes from. */
GtkWidget        *kt_activity_row_new_derived     (const KtDeadlineItem       *item,
                                                   KtUrgency                   urgency);
GtkWidget        *kt_activity_row_new_placeholder (const char                 *text);
/* The activity of the row @widget is in (a copy kept by the row), or NULL. */
const KtActivity *kt_activity_row_get_activity    (GtkWidget                  *widget);
/* TRUE when @widget is the row of activity @activity_id, or, with
 * @activity_id 0, a row of a deadline computed as @derived_kind. */
gboolean          kt_activity_row_shows           (GtkWidget                  *widget,
                                                   gint64                      activity_id,
                                                   KtDerivedKind               derived_kind);
/* TRUE with *kind set when @widget is a row of a computed deadline. */
gboolean          kt_activity_row_get_derived_kind (GtkWidget                 *widget,
                                                    KtDerivedKind             *kind);

G_END_DECLS
