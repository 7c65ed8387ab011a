/* test-tender-plan.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kt-format.h"
#include "kt-tender-plan.h"

static GDate
date (const char *iso)
{
  GDate d;

  g_date_clear (&d, 1);
  if (iso != NULL)
    g_assert_true (kt_date_from_iso (iso, &d));
  return d;
}

static void
assert_date (const GDate *d,
             const char  *expected)
{
  g_autofree char *iso = kt_date_to_iso (d);

  g_assert_cmpstr (iso, ==, expected);
}

static KtContract *
contract (gint64             id,
          const char        *number,
          KtContractStatus   status,
          KtProcurementForm  form,
          const char        *end)
{
  KtContract *c = kt_contract_new ();

  c->id = id;
  c->number = g_strdup (number);
  c->name = g_strdup_printf ("Contract %s", number);
  c->supplier_name = g_strdup ("Leverandør A/S");
  c->status = status;
  c->procurement_form = form;
  c->start_date = date ("2020-01-01");
  if (end != NULL)
    c->end_date = date (end);
  else
    c->running = TRUE;
  return c;
}

static GPtrArray *
contracts_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contract_free);
}

/* Each procurement form with the default lead times, on the hard dates:
 * month ends, a leap day, quarter boundaries. */
static void
test_start_and_quarter (void)
{
  static const struct {
    KtProcurementForm form;
    const char *end;
    const char *start;
    int year;
    guint quarter;
  } cases[] = {
    { KT_PROCUREMENT_EU_TENDER, "2027-12-31", "2026-12-31", 2026, 4 },     /* 12 months */
    { KT_PROCUREMENT_SKI, "2027-03-31", "2026-09-30", 2026, 3 },           /* 6, month end */
    { KT_PROCUREMENT_SKI, "2028-08-31", "2028-02-29", 2028, 1 },           /* leap day */
    { KT_PROCUREMENT_SKI, "2027-08-31", "2027-02-28", 2027, 1 },
    { KT_PROCUREMENT_OWN_TENDER, "2027-01-01", "2026-04-01", 2026, 2 },    /* 9: first day of Q2 */
    { KT_PROCUREMENT_OWN_TENDER, "2026-12-31", "2026-03-31", 2026, 1 },    /* last day of Q1 */
    { KT_PROCUREMENT_JOINT_TENDER, "2028-06-30", "2027-03-31", 2027, 1 },  /* 15 */
    { KT_PROCUREMENT_KOMBIT, "2028-06-15", "2026-12-15", 2026, 4 },        /* 18 */
    { KT_PROCUREMENT_DIRECT_AWARD, "2026-10-01", "2026-07-01", 2026, 3 },  /* 3 */
  };
  GDate today = date ("2026-01-15");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) contracts = contracts_new ();
      g_autoptr(GPtrArray) rows = NULL;
      const KtTenderPlanRow *row;

      g_ptr_array_add (contracts, contract (1, "K-1", KT_STATUS_ACTIVE, cases[i].form, cases[i].end));
      rows = kt_tender_plan_build (contracts, NULL, &today);

      g_assert_cmpuint (rows->len, ==, 1);
      row = g_ptr_array_index (rows, 0);
      assert_date (&row->start, cases[i].start);
      assert_date (&row->end_date, cases[i].end);
      g_assert_cmpint (row->year, ==, cases[i].year);
      g_assert_cmpuint (row->quarter, ==, cases[i].quarter);
      g_assert_false (row->late);
    }
}

/* Running and expired contracts have no re-procurement start; planned,
 * active and notice given ones with an end date do. */
static void
test_which_contracts (void)
{
  g_autoptr(GPtrArray) contracts = contracts_new ();
  g_autoptr(GPtrArray) rows = NULL;
  KtContract *c;
  GDate today = date ("2026-01-15");

  g_ptr_array_add (contracts, contract (1, "K-1", KT_STATUS_ACTIVE, KT_PROCUREMENT_SKI, NULL));
  g_ptr_array_add (contracts, contract (2, "K-2", KT_STATUS_EXPIRED, KT_PROCUREMENT_SKI, "2027-06-30"));
  g_ptr_array_add (contracts, contract (3, "K-3", KT_STATUS_PLANNED, KT_PROCUREMENT_SKI, "2027-06-30"));
  g_ptr_array_add (contracts, contract (4, "K-4", KT_STATUS_NOTICE_GIVEN, KT_PROCUREMENT_SKI, "2027-05-31"));
  g_ptr_array_add (contracts, contract (5, "K-5", KT_STATUS_ACTIVE, KT_PROCUREMENT_SKI, "2027-07-31"));
  /* Agreements under K-5 follow it; one without a main contract does not. */
  c = contract (6, "K-5-T1", KT_STATUS_ACTIVE, KT_PROCUREMENT_SKI, "2027-07-31");
  c->type = KT_CONTRACT_TYPE_SUPPLEMENTARY;
  c->parent_id = 5;
  g_ptr_array_add (contracts, c);
  c = contract (7, "DBA-5", KT_STATUS_ACTIVE, KT_PROCUREMENT_SKI, "2027-07-31");
  c->type = KT_CONTRACT_TYPE_DATA_PROCESSING;
  c->parent_id = 5;
  g_ptr_array_add (contracts, c);
  c = contract (8, "K-8", KT_STATUS_ACTIVE, KT_PROCUREMENT_SKI, "2027-08-31");
  c->type = KT_CONTRACT_TYPE_SUPPLEMENTARY;
  g_ptr_array_add (contracts, c);

  rows = kt_tender_plan_build (contracts, NULL, &today);

  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpint (((KtTenderPlanRow *) rows->pdata[0])->contract_id, ==, 4);
  g_assert_cmpint (((KtTenderPlanRow *) rows->pdata[1])->contract_id, ==, 3);
  g_assert_cmpint (((KtTenderPlanRow *) rows->pdata[2])->contract_id, ==, 5);
  g_assert_cmpint (((KtTenderPlanRow *) rows->pdata[3])->contract_id, ==, 8);
  g_assert_cmpint (((KtTenderPlanRow *) rows->pdata[0])->status, ==, KT_STATUS_NOTICE_GIVEN);
}

/* Sorted by start, then end date, then number; a passed start is late and
 * stays in its own quarter. */
static void
test_order_and_late (void)
{
  g_autoptr(GPtrArray) contracts = contracts_new ();
  g_autoptr(GPtrArray) rows = NULL;
  GDate today = date ("2026-06-01");
  const KtTenderPlanRow *r;

  /* Three start on 2026-06-30: EU (12 months) from 2027-06-30 twice and
   * SKI (6 months) from 2026-12-30, which ends first. */
  g_ptr_array_add (contracts, contract (1, "K-B", KT_STATUS_ACTIVE, KT_PROCUREMENT_EU_TENDER, "2027-06-30"));
  g_ptr_array_add (contracts, contract (2, "K-A", KT_STATUS_ACTIVE, KT_PROCUREMENT_SKI, "2026-12-30"));
  g_ptr_array_add (contracts, contract (3, "K-C", KT_STATUS_ACTIVE, KT_PROCUREMENT_EU_TENDER, "2027-06-30"));
  g_ptr_array_add (contracts, contract (4, "K-D", KT_STATUS_ACTIVE, KT_PROCUREMENT_EU_TENDER, "2026-09-30"));

  rows = kt_tender_plan_build (contracts, NULL, &today);
  g_assert_cmpuint (rows->len, ==, 4);

  r = rows->pdata[0];   /* EU from 2026-09-30: 2025-09-30, late */
  g_assert_cmpint (r->contract_id, ==, 4);
  assert_date (&r->start, "2025-09-30");
  g_assert_cmpint (r->year, ==, 2025);
  g_assert_cmpuint (r->quarter, ==, 3);
  g_assert_true (r->late);

  r = rows->pdata[1];   /* SKI from 2026-12-30: 2026-06-30 */
  g_assert_cmpint (r->contract_id, ==, 2);
  assert_date (&r->start, "2026-06-30");
  g_assert_false (r->late);

  r = rows->pdata[2];   /* both EU from 2027-06-30: by number */
  g_assert_cmpstr (r->number, ==, "K-B");
  assert_date (&r->start, "2026-06-30");
  r = rows->pdata[3];
  g_assert_cmpstr (r->number, ==, "K-C");
}

/* The portfolio's own lead times count, and so do the options used. */
static void
test_settings_and_options (void)
{
  g_autoptr(GPtrArray) contracts = contracts_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(KtDeadlineSettings) settings = kt_deadline_settings_new ();
  GDate today = date ("2026-01-15");
  KtContract *c = contract (1, "K-1", KT_STATUS_ACTIVE, KT_PROCUREMENT_EU_TENDER, "2028-03-31");
  const KtTenderPlanRow *r;

  c->option_count = 3;
  c->options_used = 1;
  c->contract_sum = 123456750;
  c->annual_cost = KT_MONEY_NONE;
  g_ptr_array_add (contracts, c);
  settings->lead_months[KT_PROCUREMENT_EU_TENDER] = 24;

  rows = kt_tender_plan_build (contracts, settings, &today);
  g_assert_cmpuint (rows->len, ==, 1);
  r = rows->pdata[0];
  assert_date (&r->start, "2026-03-31");
  g_assert_cmpuint (r->lead_months, ==, 24);
  g_assert_cmpuint (r->quarter, ==, 1);
  g_assert_cmpuint (r->options_left, ==, 2);
  g_assert_cmpint (r->contract_sum, ==, 123456750);
  g_assert_cmpint (r->annual_cost, ==, KT_MONEY_NONE);
  g_assert_cmpstr (r->supplier_name, ==, "Leverandør A/S");

  /* More options used than there are does not wrap around. */
  c->options_used = 5;
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = kt_tender_plan_build (contracts, settings, &today);
  g_assert_cmpuint (((KtTenderPlanRow *) rows->pdata[0])->options_left, ==, 0);
}

static void
test_quarter_label (void)
{
  g_autofree char *label = kt_tender_plan_quarter_label (2026, 3);

  g_assert_cmpstr (label, ==, "Q3 2026");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/tender-plan/start-and-quarter", test_start_and_quarter);
  g_test_add_func ("/model/tender-plan/which-contracts", test_which_contracts);
  g_test_add_func ("/model/tender-plan/order-and-late", test_order_and_late);
  g_test_add_func ("/model/tender-plan/settings-and-options", test_settings_and_options);
  g_test_add_func ("/model/tender-plan/quarter-label", test_quarter_label);

  return g_test_run ();
}
