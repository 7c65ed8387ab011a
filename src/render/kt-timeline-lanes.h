/* kt-timeline-lanes.h — the activity overview as timeline lanes
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kt-deadline-item.h"
#include "kt-timeline-model.h"

G_BEGIN_DECLS

typedef enum {
  KT_TIMELINE_GROUP_SUPPLIER,
  KT_TIMELINE_GROUP_ORG_UNIT,
} KtTimelineGrouping;

/* What a marker's item_id means, passed back by KtTimeline::marker-activated:
 * KT_TIMELINE_KIND_ACTIVITY: item_id is an activity id; otherwise the marker
 * is a derived deadline, kind - KT_TIMELINE_KIND_DERIVED is its
 * KtDerivedKind and item_id the contract id. The lane id is always the
 * contract id. */
#define KT_TIMELINE_KIND_ACTIVITY 0
#define KT_TIMELINE_KIND_DERIVED  1

/* One lane per contract of @contracts (KtContract) whose period or
 * deadlines reach into [from, ∞): expired contracts that ended before @from
 * and have no item are left out. Lanes are sorted by group (supplier or org
 * unit, by the collation of the current locale; contracts without one last)
 * and then by contract number. The bar is the contract period (start date,
 * else signed date; end date unless running). @items (KtDeadlineItem, from
 * kt_deadlines_collect ()) become markers, their state from
 * kt_deadline_item_get_urgency () on @today. */
GPtrArray *kt_timeline_lanes_from_deadlines (GPtrArray          *contracts,
                                             GPtrArray          *items,
                                             KtTimelineGrouping  grouping,
                                             const GDate        *today,
                                             const GDate        *from);

/* How a marker for @item is drawn on @today: overdue, due soon, done… */
KtTimelineState kt_timeline_state_of_item  (const KtDeadlineItem *item,
                                            const GDate          *today);

/* "Last day to give notice — KT-2022-001 Læringsplatform": what a marker
 * or a row of the list shows for @item. */
char      *kt_timeline_item_title           (const KtDeadlineItem *item);

G_END_DECLS
