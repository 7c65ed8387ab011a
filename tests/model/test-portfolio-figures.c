/* test-portfolio-figures.c — the key figures of projector mode
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kt-format.h"
#include "kt-portfolio-figures.h"
#include "kt-tender-plan.h"

#define NONE KT_MONEY_NONE
#define KR(x) ((gint64) (x) * 100)

static GDate
date (const char *iso)
{
  GDate d;

  g_date_clear (&d, 1);
  if (iso != NULL && *iso != '\0')
    g_assert_true (kt_date_from_iso (iso, &d));
  return d;
}

static GPtrArray *
contracts_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contract_free);
}

static KtContract *
contract_add (GPtrArray        *contracts,
              KtContractStatus  status,
              gint64            annual_cost,
              const char       *end)
{
  KtContract *c = kt_contract_new ();

  c->id = contracts->len + 1;
  c->number = g_strdup_printf ("K-%u", contracts->len + 1);
  c->name = g_strdup ("Kontrakt");
  c->status = status;
  c->annual_cost = annual_cost;
  c->start_date = date ("2020-01-01");
  c->end_date = date (end);
  c->running = end == NULL;
  g_ptr_array_add (contracts, c);
  return c;
}

/* ---- statuses and money ---- */

typedef struct {
  KtContractStatus status;
  gint64           annual_cost;
} StatusRow;

typedef struct {
  const char *name;
  StatusRow   rows[8];
  guint       n_rows;
  guint       live;
  guint       planned, active, notice_given, expired;
  gint64      total;
  guint       unknown;
} StatusCase;

static const StatusCase status_cases[] = {
  { "empty", { { 0 } }, 0, 0, 0, 0, 0, 0, 0, 0 },
  { "every status counts, only live ones are live",
    { { KT_STATUS_PLANNED, KR (100) }, { KT_STATUS_ACTIVE, KR (200) },
      { KT_STATUS_NOTICE_GIVEN, KR (300) }, { KT_STATUS_EXPIRED, KR (400) } }, 4,
    3, 1, 1, 1, 1, KR (600), 0 },
  { "unknown money is counted apart, never as 0",
    { { KT_STATUS_ACTIVE, NONE }, { KT_STATUS_ACTIVE, KR (1000) },
      { KT_STATUS_PLANNED, NONE }, { KT_STATUS_EXPIRED, NONE } }, 4,
    3, 1, 2, 0, 1, KR (1000), 2 },
  { "a known 0 is known",
    { { KT_STATUS_ACTIVE, 0 }, { KT_STATUS_ACTIVE, 0 } }, 2,
    2, 0, 2, 0, 0, 0, 0 },
  { "all unknown",
    { { KT_STATUS_ACTIVE, NONE }, { KT_STATUS_NOTICE_GIVEN, NONE } }, 2,
    2, 0, 1, 1, 0, 0, 2 },
  { "øre are kept",
    { { KT_STATUS_ACTIVE, 12345 }, { KT_STATUS_ACTIVE, 55 } }, 2,
    2, 0, 2, 0, 0, 12400, 0 },
  { "large sums do not overflow",
    { { KT_STATUS_ACTIVE, KR (900000000000) }, { KT_STATUS_ACTIVE, KR (900000000000) } }, 2,
    2, 0, 2, 0, 0, KR (1800000000000), 0 },
};

static void
test_statuses (void)
{
  GDate today = date ("2026-11-27");

  for (guint i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      const StatusCase *c = &status_cases[i];
      g_autoptr(GPtrArray) contracts = contracts_new ();
      g_autoptr(KtPortfolioFigures) figures = NULL;

      g_test_message ("case: %s", c->name);
      for (guint r = 0; r < c->n_rows; r++)
        contract_add (contracts, c->rows[r].status, c->rows[r].annual_cost, "2030-01-01");

      figures = kt_portfolio_figures_compute (contracts, NULL, NULL, &today);
      g_assert_cmpuint (figures->n_live, ==, c->live);
      g_assert_cmpuint (figures->n_by_status[KT_STATUS_PLANNED], ==, c->planned);
      g_assert_cmpuint (figures->n_by_status[KT_STATUS_ACTIVE], ==, c->active);
      g_assert_cmpuint (figures->n_by_status[KT_STATUS_NOTICE_GIVEN], ==, c->notice_given);
      g_assert_cmpuint (figures->n_by_status[KT_STATUS_EXPIRED], ==, c->expired);
      g_assert_cmpint (figures->total_annual_cost, ==, c->total);
      g_assert_cmpuint (figures->n_unknown_annual_cost, ==, c->unknown);
      g_assert_cmpuint (g_date_compare (&figures->today, &today), ==, 0);
    }
}

/* ---- expiry within 12 months ---- */

typedef struct {
  const char       *today;
  KtContractStatus  status;
  const char       *end;        /* NULL: running */
  gboolean          expiring;
} ExpiryCase;

static const ExpiryCase expiry_cases[] = {
  { "2026-11-27", KT_STATUS_ACTIVE, "2026-11-26", FALSE },   /* yesterday: already past */
  { "2026-11-27", KT_STATUS_ACTIVE, "2026-11-27", TRUE },    /* today */
  { "2026-11-27", KT_STATUS_ACTIVE, "2027-05-01", TRUE },
  { "2026-11-27", KT_STATUS_ACTIVE, "2027-11-27", TRUE },    /* exactly 12 months */
  { "2026-11-27", KT_STATUS_ACTIVE, "2027-11-28", FALSE },   /* a day more */
  { "2026-11-27", KT_STATUS_ACTIVE, NULL, FALSE },           /* running: nothing ends */
  { "2026-11-27", KT_STATUS_PLANNED, "2027-01-31", TRUE },
  { "2026-11-27", KT_STATUS_NOTICE_GIVEN, "2027-01-31", TRUE },
  { "2026-11-27", KT_STATUS_EXPIRED, "2027-01-31", FALSE },  /* not live */
  /* 12 months from a leap day end on 28 February */
  { "2028-02-29", KT_STATUS_ACTIVE, "2029-02-28", TRUE },
  { "2028-02-29", KT_STATUS_ACTIVE, "2029-03-01", FALSE },
  /* and from a month's 31st on the last day of a shorter month */
  { "2026-08-31", KT_STATUS_ACTIVE, "2027-08-31", TRUE },
  { "2026-08-31", KT_STATUS_ACTIVE, "2027-09-01", FALSE },
  { "2026-12-31", KT_STATUS_ACTIVE, "2027-12-31", TRUE },
  { "2026-12-31", KT_STATUS_ACTIVE, "2028-01-01", FALSE },
};

static void
test_expiry_boundary (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expiry_cases); i++)
    {
      const ExpiryCase *c = &expiry_cases[i];
      g_autoptr(GPtrArray) contracts = contracts_new ();
      g_autoptr(KtPortfolioFigures) figures = NULL;
      GDate today = date (c->today);

      g_test_message ("case %u: today %s, end %s", i, c->today, c->end ? c->end : "running");
      contract_add (contracts, c->status, KR (1), c->end);
      figures = kt_portfolio_figures_compute (contracts, NULL, NULL, &today);
      g_assert_cmpuint (figures->n_expiring, ==, c->expiring ? 1 : 0);
    }
}

/* ---- overdue deadlines ---- */

typedef struct {
  KtActivityType    type;
  const char       *deadline;
  KtActivityStatus  status;
  KtRecurrence      recurrence;
  const char       *done_through;
} ActivityRow;

typedef struct {
  const char  *name;
  /* The contract the activities belong to */
  KtContractStatus status;
  const char  *end;
  guint        notice_months;
  KtNoticeRule rule;
  guint        options;
  KtProcurementForm form;
  gboolean     price_regulation;     /* yearly from 2024-01-01 */
  ActivityRow  activities[4];
  guint        n_activities;
  guint        overdue_activities;
  guint        overdue_derived;
} OverdueCase;

#define ONE_OFF(type, d, s) { KT_ACTIVITY_##type, d, KT_ACTIVITY_STATUS_##s, KT_RECURRENCE_NONE, NULL }

/* Today is 2026-11-27 in every case. */
static const OverdueCase overdue_cases[] = {
  { "open one-off activities before today are overdue; today's is not",
    KT_STATUS_ACTIVE, "2030-12-31", 3, KT_NOTICE_RULE_ANY_DAY, 0, KT_PROCUREMENT_SKI, FALSE,
    { ONE_OFF (MILESTONE, "2026-11-26", OPEN), ONE_OFF (MILESTONE, "2026-01-01", OPEN),
      ONE_OFF (MILESTONE, "2026-11-27", OPEN), ONE_OFF (MILESTONE, "2026-12-01", OPEN) }, 4,
    2, 0 },
  { "done and cancelled activities are not overdue",
    KT_STATUS_ACTIVE, "2030-12-31", 3, KT_NOTICE_RULE_ANY_DAY, 0, KT_PROCUREMENT_SKI, FALSE,
    { ONE_OFF (MILESTONE, "2026-11-01", DONE), ONE_OFF (PENALTY, "2026-11-01", CANCELLED),
      ONE_OFF (CONTROL_REPORT, "2026-11-01", OPEN) }, 3,
    1, 0 },
  { "each missed occurrence of a recurring activity counts",
    KT_STATUS_ACTIVE, "2030-12-31", 3, KT_NOTICE_RULE_ANY_DAY, 0, KT_PROCUREMENT_SKI, FALSE,
    /* Monthly on the 10th from August: 10 Aug, Sep, Oct, Nov passed; Aug done */
    { { KT_ACTIVITY_SLA_KPI, "2026-08-10", KT_ACTIVITY_STATUS_OPEN, KT_RECURRENCE_MONTHLY, "2026-08-10" } }, 1,
    3, 0 },
  { "passed notice day, decision date, option deadline and re-procurement start",
    /* 6 months to a quarter end before 31 Mar 2027: notice 30 Sep, decision
     * 31 Aug, option 30 Sep, SKI re-procurement 30 Sep; the expiry is ahead */
    KT_STATUS_ACTIVE, "2027-03-31", 6, KT_NOTICE_RULE_QUARTER_END, 2, KT_PROCUREMENT_SKI, FALSE,
    { { 0 } }, 0,
    0, 4 },
  { "a re-procurement start that passed; notice and decision still ahead",
    /* 1 month, any day, before 31 Jan 2027: notice 31 Dec, decision 1 Dec;
     * direct award 3 months: 31 Oct passed */
    KT_STATUS_ACTIVE, "2027-01-31", 1, KT_NOTICE_RULE_ANY_DAY, 0, KT_PROCUREMENT_DIRECT_AWARD, FALSE,
    { { 0 } }, 0,
    0, 1 },
  { "passed price regulations are history, not overdue",
    KT_STATUS_ACTIVE, "2030-12-31", 3, KT_NOTICE_RULE_ANY_DAY, 0, KT_PROCUREMENT_SKI, TRUE,
    { { 0 } }, 0,
    0, 0 },
  { "notice given: only the successor's re-procurement can be overdue",
    KT_STATUS_NOTICE_GIVEN, "2026-12-31", 3, KT_NOTICE_RULE_ANY_DAY, 2, KT_PROCUREMENT_EU_TENDER, FALSE,
    { ONE_OFF (OTHER, "2026-11-20", OPEN) }, 1,
    1, 1 },
  { "an expired contract has no derived deadlines, its open activities still count",
    KT_STATUS_EXPIRED, "2026-06-30", 3, KT_NOTICE_RULE_ANY_DAY, 2, KT_PROCUREMENT_EU_TENDER, FALSE,
    { ONE_OFF (CONTROL_REPORT, "2026-09-01", OPEN) }, 1,
    1, 0 },
};

static void
test_overdue (void)
{
  GDate today = date ("2026-11-27");

  for (guint i = 0; i < G_N_ELEMENTS (overdue_cases); i++)
    {
      const OverdueCase *c = &overdue_cases[i];
      g_autoptr(GPtrArray) contracts = contracts_new ();
      g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_activity_free);
      g_autoptr(KtPortfolioFigures) figures = NULL;
      KtContract *contract;

      g_test_message ("case: %s", c->name);
      contract = contract_add (contracts, c->status, KR (10), c->end);
      contract->notice_months = c->notice_months;
      contract->notice_rule = c->rule;
      contract->option_count = c->options;
      contract->option_months = c->options > 0 ? 12 : 0;
      contract->procurement_form = c->form;
      if (c->price_regulation)
        {
          contract->price_index = KT_PRICE_INDEX_NET_PRICE;
          contract->price_regulation_date = date ("2024-01-01");
        }

      for (guint a = 0; a < c->n_activities; a++)
        {
          KtActivity *activity = kt_activity_new ();

          activity->id = a + 1;
          activity->contract_id = contract->id;
          activity->type = c->activities[a].type;
          activity->deadline = date (c->activities[a].deadline);
          activity->status = c->activities[a].status;
          activity->recurrence = c->activities[a].recurrence;
          activity->done_through = date (c->activities[a].done_through);
          activity->description = g_strdup ("Aktivitet");
          activity->notes = g_strdup ("private");
          g_ptr_array_add (activities, activity);
        }

      figures = kt_portfolio_figures_compute (contracts, activities, NULL, &today);
      g_assert_cmpuint (figures->n_overdue_activities, ==, c->overdue_activities);
      g_assert_cmpuint (figures->n_overdue_derived, ==, c->overdue_derived);
      g_assert_cmpuint (figures->n_overdue, ==, c->overdue_activities + c->overdue_derived);
    }
}

/* Activities of a contract that is not in the list (deleted) are left out,
 * as in the upcoming deadlines list; the counts add up over contracts. */
static void
test_overdue_many (void)
{
  g_autoptr(GPtrArray) contracts = contracts_new ();
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_activity_free);
  g_autoptr(KtPortfolioFigures) figures = NULL;
  GDate today = date ("2026-11-27");

  for (guint i = 0; i < 3; i++)
    {
      KtContract *contract = contract_add (contracts, KT_STATUS_ACTIVE, KR (1), "2027-01-31");
      KtActivity *activity = kt_activity_new ();

      contract->notice_months = 1;
      contract->procurement_form = KT_PROCUREMENT_DIRECT_AWARD;
      activity->id = 10 + i;
      activity->contract_id = contract->id;
      activity->deadline = date ("2026-10-01");
      g_ptr_array_add (activities, activity);
    }
  {
    KtActivity *orphan = kt_activity_new ();

    orphan->id = 99;
    orphan->contract_id = 99;
    orphan->deadline = date ("2026-10-01");
    g_ptr_array_add (activities, orphan);
  }

  figures = kt_portfolio_figures_compute (contracts, activities, NULL, &today);
  g_assert_cmpuint (figures->n_overdue_activities, ==, 3);
  g_assert_cmpuint (figures->n_overdue_derived, ==, 3);
  g_assert_cmpuint (figures->n_overdue, ==, 6);
}

/* ---- top suppliers ---- */

static void
test_top_suppliers (void)
{
  static const struct {
    gint64            supplier;
    KtContractStatus  status;
    gint64            annual_cost;
  } rows[] = {
    { 1, KT_STATUS_ACTIVE, KR (500) },
    { 1, KT_STATUS_PLANNED, KR (250) },
    { 1, KT_STATUS_EXPIRED, KR (10000) },   /* history */
    { 1, KT_STATUS_ACTIVE, NONE },          /* unknown: not a contract of the spend */
    { 2, KT_STATUS_NOTICE_GIVEN, KR (900) },
    { 3, KT_STATUS_ACTIVE, KR (750) },      /* ties with supplier 1: by name */
    { 4, KT_STATUS_ACTIVE, 0 },             /* nothing to draw */
    { 5, KT_STATUS_ACTIVE, NONE },
    { 0, KT_STATUS_ACTIVE, KR (5000) },     /* no supplier: in the total only */
  };
  static const char *names[] = { "", "Beta A/S", "Cerno ApS", "Alfa I/S", "Delta", "Epsilon" };
  g_autoptr(GPtrArray) contracts = contracts_new ();
  g_autoptr(KtPortfolioFigures) figures = NULL;
  GDate today = date ("2026-11-27");
  const KtSupplierSpend *s;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      KtContract *c = contract_add (contracts, rows[i].status, rows[i].annual_cost, "2030-01-01");

      c->supplier_id = rows[i].supplier;
      c->supplier_name = rows[i].supplier != 0 ? g_strdup (names[rows[i].supplier]) : NULL;
    }

  figures = kt_portfolio_figures_compute (contracts, NULL, NULL, &today);
  g_assert_cmpint (figures->total_annual_cost, ==, KR (500 + 250 + 900 + 750 + 5000));
  g_assert_cmpuint (figures->top_suppliers->len, ==, 3);
  g_assert_cmpuint (figures->n_suppliers_with_spend, ==, 3);
  g_assert_cmpint (figures->top_suppliers_spend, ==, KR (900 + 750 + 750));

  s = g_ptr_array_index (figures->top_suppliers, 0);
  g_assert_cmpint (s->supplier_id, ==, 2);
  g_assert_cmpint (s->annual_spend, ==, KR (900));
  g_assert_cmpuint (s->n_contracts, ==, 1);
  s = g_ptr_array_index (figures->top_suppliers, 1);
  g_assert_cmpstr (s->supplier_name, ==, "Alfa I/S");
  g_assert_cmpint (s->annual_spend, ==, KR (750));
  s = g_ptr_array_index (figures->top_suppliers, 2);
  g_assert_cmpstr (s->supplier_name, ==, "Beta A/S");
  g_assert_cmpint (s->annual_spend, ==, KR (750));
  g_assert_cmpuint (s->n_contracts, ==, 2);
}

static void
test_top_suppliers_limit (void)
{
  g_autoptr(GPtrArray) contracts = contracts_new ();
  g_autoptr(KtPortfolioFigures) figures = NULL;
  GDate today = date ("2026-11-27");
  gint64 top = 0;

  for (guint i = 1; i <= 25; i++)
    {
      KtContract *c = contract_add (contracts, KT_STATUS_ACTIVE, KR (i * 1000), "2030-01-01");

      c->supplier_id = i;
      c->supplier_name = g_strdup_printf ("Leverandør %02u", i);
      if (i > 25 - KT_PORTFOLIO_TOP_SUPPLIERS)
        top += KR (i * 1000);
    }

  figures = kt_portfolio_figures_compute (contracts, NULL, NULL, &today);
  g_assert_cmpuint (figures->top_suppliers->len, ==, KT_PORTFOLIO_TOP_SUPPLIERS);
  g_assert_cmpuint (figures->n_suppliers_with_spend, ==, 25);
  g_assert_cmpint (figures->top_suppliers_spend, ==, top);
  for (guint i = 0; i < figures->top_suppliers->len; i++)
    {
      const KtSupplierSpend *s = g_ptr_array_index (figures->top_suppliers, i);

      g_assert_cmpint (s->supplier_id, ==, 25 - i);
    }
}

/* ---- the deadlines slide ---- */

static KtDeadlineItem *
item_new (KtDerivedKind  kind,
          const char    *when)
{
  g_autoptr(KtContract) contract = kt_contract_new ();
  GDate d = date (when);

  contract->id = 1;
  contract->number = g_strdup ("K-1");
  return kt_deadline_item_new_derived (contract, kind, &d, NULL);
}

static KtDeadlineItem *
activity_item_new (KtActivityType    type,
                   KtActivityStatus  status,
                   const char       *when)
{
  g_autoptr(KtActivity) activity = kt_activity_new ();

  activity->id = 7;
  activity->contract_id = 1;
  activity->type = type;
  activity->status = status;
  activity->deadline = date (when);
  return kt_deadline_item_new_activity (activity, NULL, &activity->deadline);
}

static void
test_committee_deadlines (void)
{
  static const struct {
    gboolean          derived;
    int               kind;     /* KtDerivedKind or KtActivityType */
    KtActivityStatus  status;
    const char       *date;
    gboolean          chosen;
  } cases[] = {
    { TRUE, KT_DERIVED_LAST_NOTICE_DAY, 0, "2026-11-26", FALSE },      /* overdue: on the figures slide */
    { TRUE, KT_DERIVED_LAST_NOTICE_DAY, 0, "2026-11-27", TRUE },       /* today */
    { TRUE, KT_DERIVED_DECISION_DATE, 0, "2027-02-01", TRUE },
    { TRUE, KT_DERIVED_OPTION_DEADLINE, 0, "2027-05-01", TRUE },
    { TRUE, KT_DERIVED_REPROCUREMENT_START, 0, "2027-06-01", TRUE },
    { TRUE, KT_DERIVED_EXPIRY, 0, "2027-11-27", TRUE },                /* exactly 12 months */
    { TRUE, KT_DERIVED_EXPIRY, 0, "2027-11-28", FALSE },
    { TRUE, KT_DERIVED_PRICE_REGULATION, 0, "2027-01-01", FALSE },     /* routine */
    { FALSE, KT_ACTIVITY_OPTION_EXERCISE, KT_ACTIVITY_STATUS_OPEN, "2027-01-31", TRUE },
    { FALSE, KT_ACTIVITY_RENEGOTIATION, KT_ACTIVITY_STATUS_OPEN, "2027-03-31", TRUE },
    { FALSE, KT_ACTIVITY_EXPIRY, KT_ACTIVITY_STATUS_OPEN, "2027-03-31", TRUE },
    { FALSE, KT_ACTIVITY_EXPIRY, KT_ACTIVITY_STATUS_DONE, "2027-03-31", FALSE },
    { FALSE, KT_ACTIVITY_RENEGOTIATION, KT_ACTIVITY_STATUS_CANCELLED, "2027-03-31", FALSE },
    { FALSE, KT_ACTIVITY_STATUS_MEETING, KT_ACTIVITY_STATUS_OPEN, "2027-01-10", FALSE },
    { FALSE, KT_ACTIVITY_SLA_KPI, KT_ACTIVITY_STATUS_OPEN, "2027-01-10", FALSE },
    { FALSE, KT_ACTIVITY_PAYMENT_DEADLINE, KT_ACTIVITY_STATUS_OPEN, "2027-01-10", FALSE },
  };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
  g_autoptr(GPtrArray) chosen = NULL;
  GDate today = date ("2026-11-27");
  guint expected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_ptr_array_add (items, cases[i].derived
                              ? item_new (cases[i].kind, cases[i].date)
                              : activity_item_new (cases[i].kind, cases[i].status, cases[i].date));

  chosen = kt_portfolio_committee_deadlines (items, &today, 12);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < chosen->len; j++)
        found |= g_ptr_array_index (chosen, j) == g_ptr_array_index (items, i);
      g_test_message ("case %u", i);
      g_assert_cmpint (found, ==, cases[i].chosen);
      expected += cases[i].chosen;
    }
  g_assert_cmpuint (chosen->len, ==, expected);
}

/* ---- the tender plan slide ---- */

static void
test_tender_rows (void)
{
  static const struct {
    const char *today;
    guint       quarters;
    guint       n_chosen;
    int         year;      /* the horizon */
    guint       quarter;
  } cases[] = {
    /* Starts: 2026-03-31 (late), 2026-10-01, 2026-12-31, 2027-01-01,
     * 2027-09-30, 2027-10-01 */
    { "2026-11-27", 1, 3, 2026, 4 },   /* Q4 2026 and what is late */
    { "2026-11-27", 2, 4, 2027, 1 },   /* + Q1 2027 */
    { "2026-11-27", 4, 5, 2027, 3 },   /* up to Q3 2027 */
    { "2026-11-27", 5, 6, 2027, 4 },
    { "2026-10-01", 1, 3, 2026, 4 },   /* the first day of a quarter */
    { "2026-09-30", 1, 1, 2026, 3 },   /* the last day of the one before */
    { "2026-11-27", 0, 3, 2026, 4 },   /* 0 is taken as 1 */
    { "2026-01-01", 4, 3, 2026, 4 },   /* a whole year */
    { "2026-02-15", 9, 6, 2028, 1 },
  };
  static const char *starts[] = {
    "2026-03-31", "2026-10-01", "2026-12-31", "2027-01-01", "2027-09-30", "2027-10-01",
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_tender_plan_row_free);

  for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
    {
      KtTenderPlanRow *row = g_new0 (KtTenderPlanRow, 1);

      row->contract_id = i + 1;
      row->number = g_strdup_printf ("K-%u", i + 1);
      row->start = date (starts[i]);
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today = date (cases[i].today);
      g_autoptr(GPtrArray) chosen = kt_portfolio_tender_rows (rows, &today, cases[i].quarters);

      int year;
      guint quarter;

      g_test_message ("case %u", i);
      g_assert_cmpuint (chosen->len, ==, cases[i].n_chosen);
      kt_portfolio_tender_horizon (&today, cases[i].quarters, &year, &quarter);
      g_assert_cmpint (year, ==, cases[i].year);
      g_assert_cmpuint (quarter, ==, cases[i].quarter);
      for (guint j = 0; j < chosen->len; j++)
        {
          const KtTenderPlanRow *row = g_ptr_array_index (chosen, j);

          /* copies, in the plan's order */
          g_assert_true (row != g_ptr_array_index (rows, j));
          g_assert_cmpint (row->contract_id, ==, j + 1);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/portfolio-figures/statuses", test_statuses);
  g_test_add_func ("/model/portfolio-figures/expiry-boundary", test_expiry_boundary);
  g_test_add_func ("/model/portfolio-figures/overdue", test_overdue);
  g_test_add_func ("/model/portfolio-figures/overdue-many", test_overdue_many);
  g_test_add_func ("/model/portfolio-figures/top-suppliers", test_top_suppliers);
  g_test_add_func ("/model/portfolio-figures/top-suppliers-limit", test_top_suppliers_limit);
  g_test_add_func ("/model/portfolio-figures/committee-deadlines", test_committee_deadlines);
  g_test_add_func ("/model/portfolio-figures/tender-rows", test_tender_rows);

  return g_test_run ();
}
