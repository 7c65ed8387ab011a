/* kt-tender-plan-view-private.h — shared by kt-tender-plan-view.c and its
 * refresh from colleagues' saves (kt-tender-plan-view-refresh.c)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-tender-plan.h"
#include "kt-tender-plan-view.h"

G_BEGIN_DECLS

/* One line of the table: a quarter's header or a contract. */
#define KT_TYPE_TENDER_PLAN_ITEM (kt_tender_plan_item_get_type ())
G_DECLARE_FINAL_TYPE (KtTenderPlanItem, kt_tender_plan_item, KT, TENDER_PLAN_ITEM, GObject)

struct _KtTenderPlanItem
{
  GObject                parent_instance;

  const KtTenderPlanRow *row;     /* NULL for a header; in @rows */
  GPtrArray             *rows;    /* kept alive while GTK still holds the item */
  int                    year;
  guint                  quarter;
  guint                  count;   /* header: contracts in the quarter */
};

struct _KtTenderPlanView
{
  GtkWidget       parent_instance;

  GtkStack       *content_stack;
  GtkColumnView  *column_view;
  GtkWidget      *footer_separator;
  GtkLabel       *summary_label;

  KtStore        *store;
  GPtrArray      *rows;      /* KtTenderPlanRow */
  GListStore     *items;
  gboolean        dirty;
};

/* kt-tender-plan-view.c */
/* A new array of KtTenderPlanRow, or NULL with @error. */
GPtrArray *kt_tender_plan_view_load        (KtTenderPlanView  *self,
                                            GError           **error);
/* Shows @rows (taken; NULL: none). */
void       kt_tender_plan_view_set_rows    (KtTenderPlanView  *self,
                                            GPtrArray         *rows);

/* kt-tender-plan-view-refresh.c */
/* Makes the table's lines @items (KtTenderPlanItem), changing only the run
 * that differs. */
void       kt_tender_plan_view_store_items (KtTenderPlanView  *self,
                                            GPtrArray         *items);

G_END_DECLS
