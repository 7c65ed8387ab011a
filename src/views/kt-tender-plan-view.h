/* kt-tender-plan-view.h — contracts by when their re-procurement must start
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_TENDER_PLAN_VIEW (kt_tender_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (KtTenderPlanView, kt_tender_plan_view, KT, TENDER_PLAN_VIEW, GtkWidget)

/* Udbudsplan: the rows of kt_tender_plan_build () in a table grouped by
 * year and quarter, with "Export CSV…" (kt_csv_write_tender_plan ()). Read
 * from the store when shown after kt_tender_plan_view_invalidate ().
 *
 * Signal: "contract-activated" (gint64 id) when a row is opened. */
GtkWidget *kt_tender_plan_view_new        (void);
void       kt_tender_plan_view_set_store  (KtTenderPlanView *self,
                                           KtStore          *store);
void       kt_tender_plan_view_invalidate (KtTenderPlanView *self);
/* A colleague saved: reads the plan again when shown (else when next
 * shown), keeping the selected contract (or its neighbour when it is
 * gone), the scroll position and the focus. A file locked for a moment is
 * skipped; the next poll reads it. Emits nothing. */
void       kt_tender_plan_view_refresh    (KtTenderPlanView *self);

G_END_DECLS
