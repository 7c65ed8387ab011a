/* kt-deadline-filter.h — responsible, type and unit filters of deadlines
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-deadline-item.h"

G_BEGIN_DECLS

#define KT_TYPE_DEADLINE_FILTER (kt_deadline_filter_get_type ())

G_DECLARE_FINAL_TYPE (KtDeadlineFilter, kt_deadline_filter, KT, DEADLINE_FILTER, GObject)

/* Fills three drop-downs and reads them back as a filter of
 * KtDeadlineItems:
 * - responsible: "Everyone", "Mine" (the person whose name is the user's
 *   real name, or whose e-mail address starts with the user's login), then
 *   every person;
 * - type: "All Types", then the activity types (a computed deadline counts
 *   as kt_derived_kind_activity_type ());
 * - unit: "All Units", then departments each followed by its centres; a
 *   department includes its centres.
 * The caller connects the drop-downs' notify::selected to its own handler
 * and calls kt_deadline_filter_read () there. */
KtDeadlineFilter *kt_deadline_filter_new            (GtkDropDown      *responsible,
                                                     GtkDropDown      *type,
                                                     GtkDropDown      *org_unit);
/* KtPerson and KtOrgUnit arrays (either may be NULL); the choices stay
 * where they were when the person or unit is still there. */
void              kt_deadline_filter_set_records    (KtDeadlineFilter *self,
                                                     GPtrArray        *people,
                                                     GPtrArray        *org_units);
/* Takes over what the drop-downs show. FALSE when nothing changed (or the
 * filter itself is changing them). */
gboolean          kt_deadline_filter_read           (KtDeadlineFilter *self);
void              kt_deadline_filter_reset          (KtDeadlineFilter *self);
gboolean          kt_deadline_filter_match          (KtDeadlineFilter     *self,
                                                     const KtDeadlineItem *item);
/* Why nothing matches, to show the user: a sentence. */
char             *kt_deadline_filter_describe_empty (KtDeadlineFilter *self);

G_END_DECLS
