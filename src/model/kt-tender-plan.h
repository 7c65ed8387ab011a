/* kt-tender-plan.h — when each contract's re-procurement must start
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kt-contract.h"
#include "kt-deadline-settings.h"

G_BEGIN_DECLS

#define KT_TYPE_TENDER_PLAN_ROW (kt_tender_plan_row_get_type ())

/* One contract of the tender plan (udbudsplan). */
typedef struct {
  gint64             contract_id;
  char              *number;
  char              *name;
  char              *supplier_name;
  KtContractStatus   status;
  KtProcurementForm  procurement_form;
  guint              lead_months;      /* of the procurement form, from the settings */
  GDate              start;            /* re-procurement must start by this day */
  int                year;             /* of @start */
  guint              quarter;          /* of @start, 1 to 4 */
  GDate              end_date;
  gint64             contract_sum;     /* øre or KT_MONEY_NONE */
  gint64             annual_cost;      /* øre or KT_MONEY_NONE */
  guint              options_left;     /* option_count - options_used */
  gboolean           late;             /* @start is before today: it should have begun */
} KtTenderPlanRow;

GType            kt_tender_plan_row_get_type (void) G_GNUC_CONST;
KtTenderPlanRow *kt_tender_plan_row_copy     (const KtTenderPlanRow *row);
void             kt_tender_plan_row_free     (KtTenderPlanRow       *row);

/* The rows of every contract of @contracts (KtContract) that has a start of
 * re-procurement (kt_contract_derived_date (), KT_DERIVED_REPROCUREMENT_START:
 * planned, active or notice given, with an end date; running and expired
 * contracts have none), sorted by that date, then end date, then number.
 * Supplementary and data processing agreements that belong to a main
 * contract are left out: they are bought again with it.
 * A start that has passed stays in its own quarter and is marked late.
 * settings NULL = the defaults; today NULL = the current local date.
 * Returns a new array of KtTenderPlanRow (owned). */
GPtrArray       *kt_tender_plan_build        (GPtrArray                *contracts,
                                              const KtDeadlineSettings *settings,
                                              const GDate              *today);

/* "Q3 2026", translated. */
char            *kt_tender_plan_quarter_label (int   year,
                                               guint quarter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtTenderPlanRow, kt_tender_plan_row_free)

G_END_DECLS
