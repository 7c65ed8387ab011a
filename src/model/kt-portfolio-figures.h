/* kt-portfolio-figures.h — what the portfolio committee is shown
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers and selections of projector mode, computed from the portfolio
 * without GTK or SQL so that the slides only format them. Nothing here
 * reads private notes (contract notes, learning points, exit notes).
 */
#pragma once

#include <glib-object.h>

#include "kt-contract.h"
#include "kt-deadline-item.h"
#include "kt-deadline-settings.h"

G_BEGIN_DECLS

/* How many suppliers the top list holds. */
#define KT_PORTFOLIO_TOP_SUPPLIERS 10

/* One supplier's annual spend: the known annual costs of its live
 * contracts. */
typedef struct {
  gint64  supplier_id;
  char   *supplier_name;
  gint64  annual_spend;           /* øre, > 0 */
  guint   n_contracts;            /* its live contracts with a known annual cost */
} KtSupplierSpend;

typedef struct {
  GDate      today;

  /* Live contracts: planned, active or notice given (expired ones are
   * history). Indexed by KtContractStatus; [KT_STATUS_EXPIRED] is counted
   * but not part of n_live. */
  guint      n_live;
  guint      n_by_status[KT_STATUS_EXPIRED + 1];

  /* The sum of the known annual costs of the live contracts; the live
   * contracts without one are counted, so "unknown" never reads as 0. */
  gint64     total_annual_cost;   /* øre */
  guint      n_unknown_annual_cost;

  /* Live contracts whose end date is today or later and no later than the
   * same day 12 months ahead (g_date_add_months: 29 Feb → 28 Feb). */
  guint      n_expiring;
  GDate      expiring_until;

  /* Open deadlines dated before today, as the upcoming deadlines list
   * shows them (kt_deadline_item_get_urgency () == KT_URGENCY_OVERDUE):
   * each open occurrence of a manual activity, and the derived deadlines
   * other than price regulations. */
  guint      n_overdue;           /* n_overdue_activities + n_overdue_derived */
  guint      n_overdue_activities;
  guint      n_overdue_derived;

  /* KtSupplierSpend, the largest first (ties by name), at most
   * KT_PORTFOLIO_TOP_SUPPLIERS; suppliers without a known spend are not
   * listed. */
  GPtrArray *top_suppliers;
  /* All suppliers with a known spend, of which top_suppliers are the first. */
  guint      n_suppliers_with_spend;
  /* The part of total_annual_cost that top_suppliers account for. */
  gint64     top_suppliers_spend;
} KtPortfolioFigures;

/* @contracts: KtContract (as kt_store_list_contracts () gives them).
 * @activities: KtActivity, at least every one that can have an open
 * occurrence before @today (kt_store_list_activities_in_window () with
 * include_overdue); NULL for none. @settings NULL = the defaults; @today
 * NULL = the current local date. */
KtPortfolioFigures *kt_portfolio_figures_compute (GPtrArray                *contracts,
                                                  GPtrArray                *activities,
                                                  const KtDeadlineSettings *settings,
                                                  const GDate              *today);
void                kt_portfolio_figures_free    (KtPortfolioFigures       *figures);

/* The deadlines the committee decides on, of @items (KtDeadlineItem, from
 * kt_deadlines_collect ()): open ones dated from @today up to the same day
 * @months ahead, of the activity types that decide a contract's life —
 * expiry, renegotiation (notice and decision dates) and option exercise —
 * whether derived or entered by hand. Routine work (status meetings, SLA
 * reports, price regulations, payments) stays in the upcoming deadlines
 * list. Returns a new array of references to the items, in the order of
 * @items. */
GPtrArray          *kt_portfolio_committee_deadlines (GPtrArray   *items,
                                                      const GDate *today,
                                                      guint        months);

/* The tender plan rows (KtTenderPlanRow, from kt_tender_plan_build ()) whose
 * re-procurement should start by the end of the @quarters-th quarter
 * counted from the one @today is in (1: this quarter only): the late ones
 * first, as they come. Returns a new array of copies. */
GPtrArray          *kt_portfolio_tender_rows     (GPtrArray   *rows,
                                                  const GDate *today,
                                                  guint        quarters);

/* The last quarter kt_portfolio_tender_rows () covers: the @quarters-th
 * counted from the one @today is in (0 counts as 1). */
void                kt_portfolio_tender_horizon  (const GDate *today,
                                                  guint        quarters,
                                                  int         *year,
                                                  guint       *quarter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtPortfolioFigures, kt_portfolio_figures_free)

G_END_DECLS
