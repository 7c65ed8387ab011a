/* test-deadlines.c — deadlines derived from contracts, urgency, the overview
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "kt-deadline.h"
#include "kt-deadlines.h"
#include "kt-format.h"

static void
parse (const char *iso,
       GDate      *date)
{
  g_date_clear (date, 1);
  if (iso != NULL && *iso != '\0')
    g_assert_true (kt_date_from_iso (iso, date));
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *iso = kt_date_to_iso (date);

  g_assert_cmpstr (iso, ==, expected);
}

#define ACTIVE KT_STATUS_ACTIVE
#define PLANNED KT_STATUS_PLANNED
#define GIVEN KT_STATUS_NOTICE_GIVEN
#define EXPIRED KT_STATUS_EXPIRED
#define ANY KT_NOTICE_RULE_ANY_DAY
#define MONTH KT_NOTICE_RULE_MONTH_END
#define QUARTER KT_NOTICE_RULE_QUARTER_END
#define YEAR KT_NOTICE_RULE_YEAR_END
#define SKI KT_PROCUREMENT_SKI
#define EU KT_PROCUREMENT_EU_TENDER
#define DIRECT KT_PROCUREMENT_DIRECT_AWARD
#define KOMBIT KT_PROCUREMENT_KOMBIT

/* One contract and what is derived from it with the default settings
 * (decision buffer 30 days; lead SKI 6, EU 12, direct award 3, KOMBIT 18
 * months). "" = nothing of that kind. */
typedef struct {
  const char        *today;
  KtContractStatus   status;
  gboolean           running;
  const char        *end;
  const char        *irrevocable;
  guint              months;
  KtNoticeRule       rule;
  guint              options;
  guint              used;
  KtProcurementForm  form;
  const char        *notice;
  const char        *decision;
  const char        *option;
  const char        *reprocurement;
  const char        *expiry;
  /* Left out of the overview's items although kt_contract_derived_date ()
   * has them: the notice day and decision date of a running contract that
   * can be ended any day (kt-deadlines.h). */
  gboolean           unlisted_notice;
} DerivedCase;

static const DerivedCase derived_cases[] = {
  /* Fixed term, quarter end; options left: the next one is due when notice is. */
  { "2026-01-15", ACTIVE, FALSE, "2027-03-31", "", 6, QUARTER, 2, 0, SKI,
    "2026-09-30", "2026-08-31", "2026-09-30", "2026-09-30", "2027-03-31" },
  { "2026-01-15", ACTIVE, FALSE, "2027-03-31", "", 6, QUARTER, 2, 0, EU,
    "2026-09-30", "2026-08-31", "2026-09-30", "2026-03-31", "2027-03-31" },
  /* 31 January minus one month. */
  { "2026-01-15", ACTIVE, FALSE, "2027-01-31", "", 1, ANY, 0, 0, DIRECT,
    "2026-12-31", "2026-12-01", "", "2026-10-31", "2027-01-31" },
  { "2026-01-15", ACTIVE, FALSE, "2027-01-31", "", 1, MONTH, 0, 0, SKI,
    "2026-12-31", "2026-12-01", "", "2026-07-31", "2027-01-31" },
  /* Leap years: 31 March minus a month, then 30 days back over February. */
  { "2023-06-01", ACTIVE, FALSE, "2024-03-31", "", 1, ANY, 0, 0, SKI,
    "2024-02-29", "2024-01-30", "", "2023-09-30", "2024-03-31" },
  { "2023-06-01", ACTIVE, FALSE, "2025-03-31", "", 1, ANY, 0, 0, SKI,
    "2025-02-28", "2025-01-29", "", "2024-09-30", "2025-03-31" },
  { "2023-06-01", ACTIVE, FALSE, "2025-02-28", "", 12, ANY, 1, 0, SKI,
    "2024-02-29", "2024-01-30", "2024-02-29", "2024-08-31", "2025-02-28" },
  /* A year end rounds the end up; a month end too. */
  { "2026-01-15", ACTIVE, FALSE, "2026-11-15", "", 3, YEAR, 0, 0, KOMBIT,
    "2026-09-30", "2026-08-31", "", "2025-05-15", "2026-11-15" },
  { "2026-01-15", ACTIVE, FALSE, "2026-05-15", "", 3, MONTH, 0, 0, SKI,
    "2026-02-28", "2026-01-29", "", "2025-11-15", "2026-05-15" },
  { "2026-01-15", ACTIVE, FALSE, "2026-12-31", "", 12, YEAR, 0, 0, SKI,
    "2025-12-31", "2025-12-01", "", "2026-06-30", "2026-12-31" },
  /* No notice period: the period end itself. */
  { "2026-01-15", ACTIVE, FALSE, "2026-10-10", "", 0, QUARTER, 0, 0, SKI,
    "2026-12-31", "2026-12-01", "", "2026-04-10", "2026-10-10" },
  /* Planned contracts have the same deadlines as active ones. */
  { "2026-01-15", PLANNED, FALSE, "2027-03-31", "", 6, QUARTER, 0, 0, SKI,
    "2026-09-30", "2026-08-31", "", "2026-09-30", "2027-03-31" },
  /* Used options: the end date already includes them; only the next one. */
  { "2026-01-15", ACTIVE, FALSE, "2027-06-30", "", 3, ANY, 3, 1, SKI,
    "2027-03-31", "2027-03-01", "2027-03-31", "2026-12-31", "2027-06-30" },
  { "2026-01-15", ACTIVE, FALSE, "2027-06-30", "", 3, ANY, 3, 3, SKI,
    "2027-03-31", "2027-03-01", "", "2026-12-31", "2027-06-30" },
  /* Irrevocable periods do not move a fixed end. */
  { "2026-01-15", ACTIVE, FALSE, "2027-06-30", "2027-01-01", 6, ANY, 0, 0, SKI,
    "2026-12-31", "2026-12-01", "", "2026-12-31", "2027-06-30" },
  /* Deadlines in the past are kept: the contract data says they passed. */
  { "2026-01-15", ACTIVE, FALSE, "2025-12-31", "", 3, ANY, 1, 0, SKI,
    "2025-09-30", "2025-08-31", "2025-09-30", "2025-06-30", "2025-12-31" },
  /* Terminated: it ends, and its successor must be bought in time. */
  { "2026-01-15", GIVEN, FALSE, "2026-12-31", "", 3, ANY, 2, 0, EU,
    "", "", "", "2025-12-31", "2026-12-31" },
  { "2026-01-15", GIVEN, TRUE, "", "", 3, ANY, 0, 0, EU,
    "", "", "", "", "" },
  /* Expired: nothing. */
  { "2026-01-15", EXPIRED, FALSE, "2026-12-31", "", 3, ANY, 2, 0, EU,
    "", "", "", "", "" },
  /* Running: from today, not before the irrevocable period is over; the
   * decision date is the first that is not past. */
  { "2026-11-26", ACTIVE, TRUE, "", "2027-12-31", 6, YEAR, 2, 0, EU,
    "2027-06-30", "2027-05-31", "", "", "" },
  /* Once the irrevocable period no longer decides the earliest end, the
   * dates move with today: the overview leaves them out. */
  { "2027-07-15", ACTIVE, TRUE, "", "2027-12-31", 6, YEAR, 2, 0, EU,
    "2028-06-30", "2028-05-31", "", "", "", TRUE },
  { "2026-03-15", ACTIVE, TRUE, "", "", 3, QUARTER, 0, 0, SKI,
    "2026-03-31", "2026-05-31", "", "", "", TRUE },
  { "2026-03-01", ACTIVE, TRUE, "", "", 3, QUARTER, 0, 0, SKI,
    "2026-03-31", "2026-03-01", "", "", "", TRUE },
  { "2026-01-31", ACTIVE, TRUE, "", "", 1, ANY, 0, 0, SKI,
    "2026-01-31", "2026-01-31", "", "", "", TRUE },
  { "2028-02-01", ACTIVE, TRUE, "", "", 1, MONTH, 0, 0, SKI,
    "2028-02-29", "2028-03-01", "", "", "", TRUE },
  /* Neither an end date nor running. */
  { "2026-01-15", ACTIVE, FALSE, "", "", 3, ANY, 1, 0, SKI,
    "", "", "", "", "" },
};

static KtContract *
contract_from_case (const DerivedCase *c)
{
  KtContract *contract = kt_contract_new ();

  contract->id = 1;
  contract->number = g_strdup ("K-1");
  contract->name = g_strdup ("Test");
  contract->status = c->status;
  contract->running = c->running;
  parse (c->end, &contract->end_date);
  parse (c->irrevocable, &contract->irrevocable_until);
  contract->notice_months = c->months;
  contract->notice_rule = c->rule;
  contract->option_count = c->options;
  contract->option_months = c->options > 0 ? 12 : 0;
  contract->options_used = c->used;
  contract->procurement_form = c->form;

  return contract;
}

static void
check_kind (const KtContract *contract,
            const GDate      *today,
            KtDerivedKind     kind,
            const char       *expected,
            gboolean          listed,
            GPtrArray        *items)
{
  GDate date;
  gboolean found;
  guint n_items = 0;

  found = kt_contract_derived_date (contract, NULL, today, kind, &date);
  if (*expected == '\0')
    {
      g_assert_false (found);
      g_assert_false (g_date_valid (&date));
    }
  else
    {
      g_assert_true (found);
      assert_date (&date, expected);
    }

  /* The items of a wide window agree with the single dates. */
  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);

      if (item->derived_kind != kind)
        continue;
      n_items++;
      g_assert_true (item->derived);
      assert_date (&item->date, expected);
      g_assert_cmpint (item->type, ==, kt_derived_kind_activity_type (kind));
      g_assert_cmpint (item->activity_id, ==, 0);
      g_assert_cmpint (item->status, ==, KT_ACTIVITY_STATUS_OPEN);
      g_assert_nonnull (item->description);
    }
  g_assert_cmpuint (n_items, ==, *expected == '\0' || !listed ? 0 : 1);
}

static void
test_derived_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (derived_cases); i++)
    {
      const DerivedCase *c = &derived_cases[i];
      g_autoptr(KtContract) contract = contract_from_case (c);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
      GDate today, from, to, notice;

      g_test_message ("case %u: today %s, end %s, %u months rule %d", i, c->today, c->end,
                      c->months, c->rule);

      parse (c->today, &today);
      parse ("2000-01-01", &from);
      parse ("2099-12-31", &to);
      kt_contract_derived_deadlines (contract, NULL, &today, &from, &to, items);

      check_kind (contract, &today, KT_DERIVED_LAST_NOTICE_DAY, c->notice, !c->unlisted_notice, items);
      check_kind (contract, &today, KT_DERIVED_DECISION_DATE, c->decision, !c->unlisted_notice, items);
      check_kind (contract, &today, KT_DERIVED_OPTION_DEADLINE, c->option, TRUE, items);
      check_kind (contract, &today, KT_DERIVED_REPROCUREMENT_START, c->reprocurement, TRUE, items);
      check_kind (contract, &today, KT_DERIVED_EXPIRY, c->expiry, TRUE, items);

      /* The notice day is the foundation's, never computed twice. */
      if (kt_contract_last_notice_day (contract, &today, &notice))
        assert_date (&notice, c->notice);
      else
        g_assert_cmpstr (c->notice, ==, "");

      /* A running contract's decision date is never past. */
      if (c->running && *c->decision != '\0')
        {
          GDate decision;

          parse (c->decision, &decision);
          g_assert_cmpint (g_date_compare (&decision, &today), >=, 0);
        }
    }
}

/* An agreement under a main contract is bought again with it: it keeps its
 * own notice and expiry, but has no re-procurement start of its own. A
 * supplementary agreement standing alone, or a service agreement under a
 * main contract, is procured by itself. */
static void
test_reprocured_with_main (void)
{
  static const struct {
    KtContractType type;
    gint64         parent_id;
    gboolean       reprocured_alone;
  } cases[] = {
    { KT_CONTRACT_TYPE_DATA_PROCESSING, 7, FALSE },
    { KT_CONTRACT_TYPE_SUPPLEMENTARY, 7, FALSE },
    { KT_CONTRACT_TYPE_SUPPLEMENTARY, 0, TRUE },
    { KT_CONTRACT_TYPE_DATA_PROCESSING, 0, TRUE },
    { KT_CONTRACT_TYPE_SERVICE, 7, TRUE },
    { KT_CONTRACT_TYPE_MAIN, 0, TRUE },
  };
  const DerivedCase *fixed = &derived_cases[1];
  GDate today;

  parse (fixed->today, &today);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KtContract) contract = contract_from_case (fixed);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
      GDate from = today, to = today;

      contract->type = cases[i].type;
      contract->parent_id = cases[i].parent_id;
      g_date_subtract_years (&from, 5);
      g_date_add_years (&to, 5);
      kt_contract_derived_deadlines (contract, NULL, &today, &from, &to, items);

      g_assert_cmpint (kt_contract_is_procured_alone (contract), ==, cases[i].reprocured_alone);
      check_kind (contract, &today, KT_DERIVED_REPROCUREMENT_START,
                  cases[i].reprocured_alone ? fixed->reprocurement : "", TRUE, items);
      check_kind (contract, &today, KT_DERIVED_LAST_NOTICE_DAY, fixed->notice, TRUE, items);
      check_kind (contract, &today, KT_DERIVED_EXPIRY, fixed->expiry, TRUE, items);
    }
}

static void
test_settings (void)
{
  g_autoptr(KtDeadlineSettings) settings = kt_deadline_settings_new ();
  g_autoptr(KtDeadlineSettings) copy = NULL;
  g_autoptr(KtContract) contract = contract_from_case (&derived_cases[0]);
  GDate today, date;

  g_assert_cmpuint (settings->decision_buffer_days, ==, 30);
  g_assert_cmpuint (kt_deadline_settings_get_lead_months (settings, KT_PROCUREMENT_EU_TENDER), ==, 12);
  g_assert_cmpuint (kt_deadline_settings_get_lead_months (settings, KT_PROCUREMENT_SKI), ==, 6);
  for (guint form = 0; form < kt_enum_count (KT_ENUM_PROCUREMENT_FORM); form++)
    g_assert_cmpuint (kt_deadline_settings_get_lead_months (settings, form), >, 0);
  g_assert_cmpuint (kt_enum_count (KT_ENUM_PROCUREMENT_FORM), ==, KT_PROCUREMENT_N_FORMS);

  parse ("2026-01-15", &today);
  settings->decision_buffer_days = 0;
  settings->lead_months[KT_PROCUREMENT_SKI] = 24;
  g_assert_true (kt_contract_derived_date (contract, settings, &today, KT_DERIVED_DECISION_DATE, &date));
  assert_date (&date, "2026-09-30");
  g_assert_true (kt_contract_derived_date (contract, settings, &today,
                                           KT_DERIVED_REPROCUREMENT_START, &date));
  assert_date (&date, "2025-03-31");

  copy = kt_deadline_settings_copy (settings);
  g_assert_true (kt_deadline_settings_equal_fields (settings, copy));
  copy->lead_months[KT_PROCUREMENT_DIRECT_AWARD]++;
  g_assert_false (kt_deadline_settings_equal_fields (settings, copy));
  kt_deadline_settings_set_defaults (copy);
  g_assert_cmpuint (copy->lead_months[KT_PROCUREMENT_SKI], ==, 6);
  g_assert_cmpuint (copy->decision_buffer_days, ==, 30);
}

static GPtrArray *
derived_in (KtContract *contract,
            const char *today_iso,
            const char *from_iso,
            const char *to_iso,
            KtDerivedKind kind)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
  GDate today, from, to;

  parse (today_iso, &today);
  parse (from_iso, &from);
  parse (to_iso, &to);
  kt_contract_derived_deadlines (contract, NULL, &today, &from, &to, all);

  for (guint i = 0; i < all->len; i++)
    {
      KtDeadlineItem *item = g_ptr_array_index (all, i);

      if (item->derived_kind == kind)
        g_ptr_array_add (items, kt_deadline_item_copy (item));
    }
  g_ptr_array_sort (items, kt_deadline_item_compare);

  return items;
}

static void
assert_item_dates (GPtrArray  *items,
                   const char *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *iso = kt_date_to_iso (&((KtDeadlineItem *) g_ptr_array_index (items, i))->date);

      g_string_append_printf (got, "%s%s", i > 0 ? "," : "", iso);
    }
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_price_regulation (void)
{
  static const struct {
    const char *date;
    const char *start;
    const char *end;        /* "" = running */
    const char *from;
    const char *to;
    const char *expected;
  } cases[] = {
    /* The entered date may be the next one: the yearly dates since the
     * start are shown too, up to the end date (inclusive). */
    { "2026-06-01", "2024-01-01", "2028-06-01", "2020-01-01", "2030-12-31",
      "2024-06-01,2025-06-01,2026-06-01,2027-06-01,2028-06-01" },
    { "2026-06-01", "2024-06-01", "2028-05-31", "2020-01-01", "2030-12-31",
      "2025-06-01,2026-06-01,2027-06-01" },
    /* Without a start date: from the entered date on. */
    { "2026-06-01", "", "2028-12-31", "2020-01-01", "2030-12-31",
      "2026-06-01,2027-06-01,2028-06-01" },
    /* Leap day: the last day of February. */
    { "2024-02-29", "2024-01-01", "2029-12-31", "2024-01-01", "2028-12-31",
      "2024-02-29,2025-02-28,2026-02-28,2027-02-28,2028-02-29" },
    /* Running: on and on, as far as the window. */
    { "2026-01-01", "2020-01-01", "", "2029-06-01", "2031-06-01",
      "2030-01-01,2031-01-01" },
    /* Window bounds inclusive. */
    { "2026-01-01", "2020-01-01", "", "2027-01-01", "2027-01-01", "2027-01-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KtContract) contract = kt_contract_new ();
      g_autoptr(GPtrArray) items = NULL;

      g_test_message ("case %u", i);
      contract->id = 1;
      contract->price_index = KT_PRICE_INDEX_NET_PRICE;
      parse (cases[i].date, &contract->price_regulation_date);
      parse (cases[i].start, &contract->start_date);
      parse (cases[i].end, &contract->end_date);
      contract->running = *cases[i].end == '\0';

      items = derived_in (contract, "2026-03-01", cases[i].from, cases[i].to,
                          KT_DERIVED_PRICE_REGULATION);
      assert_item_dates (items, cases[i].expected);

      /* No index, or expired: none. */
      contract->price_index = KT_PRICE_INDEX_NONE;
      g_clear_pointer (&items, g_ptr_array_unref);
      items = derived_in (contract, "2026-03-01", cases[i].from, cases[i].to,
                          KT_DERIVED_PRICE_REGULATION);
      g_assert_cmpuint (items->len, ==, 0);
      contract->price_index = KT_PRICE_INDEX_NET_PRICE;
      contract->status = KT_STATUS_EXPIRED;
      g_clear_pointer (&items, g_ptr_array_unref);
      items = derived_in (contract, "2026-03-01", cases[i].from, cases[i].to,
                          KT_DERIVED_PRICE_REGULATION);
      g_assert_cmpuint (items->len, ==, 0);
    }
}

static KtDeadlineItem *
item_on (const char *iso,
         KtActivityStatus status)
{
  g_autoptr(KtActivity) activity = kt_activity_new ();

  activity->id = 1;
  activity->contract_id = 1;
  activity->description = g_strdup ("x");
  activity->status = status;
  parse (iso, &activity->deadline);

  return kt_deadline_item_new_activity (activity, NULL, NULL);
}

static void
test_urgency (void)
{
  static const struct {
    const char       *date;
    KtActivityStatus  status;
    KtUrgency         expected;
  } cases[] = {
    { "2025-01-10", KT_ACTIVITY_STATUS_OPEN, KT_URGENCY_OVERDUE },
    { "2026-01-09", KT_ACTIVITY_STATUS_OPEN, KT_URGENCY_OVERDUE },
    { "2026-01-10", KT_ACTIVITY_STATUS_OPEN, KT_URGENCY_WITHIN_30_DAYS },
    { "2026-02-09", KT_ACTIVITY_STATUS_OPEN, KT_URGENCY_WITHIN_30_DAYS },
    { "2026-02-10", KT_ACTIVITY_STATUS_OPEN, KT_URGENCY_WITHIN_90_DAYS },
    { "2026-04-10", KT_ACTIVITY_STATUS_OPEN, KT_URGENCY_WITHIN_90_DAYS },
    { "2026-04-11", KT_ACTIVITY_STATUS_OPEN, KT_URGENCY_WITHIN_365_DAYS },
    { "2027-01-10", KT_ACTIVITY_STATUS_OPEN, KT_URGENCY_WITHIN_365_DAYS },
    { "2027-01-11", KT_ACTIVITY_STATUS_OPEN, KT_URGENCY_LATER },
    { "2026-01-09", KT_ACTIVITY_STATUS_DONE, KT_URGENCY_CLOSED },
    { "2026-01-19", KT_ACTIVITY_STATUS_CANCELLED, KT_URGENCY_CLOSED },
  };
  g_autoptr(KtContract) contract = kt_contract_new ();
  GDate today, date;

  parse ("2026-01-10", &today);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KtDeadlineItem) item = item_on (cases[i].date, cases[i].status);

      g_test_message ("%s", cases[i].date);
      g_assert_cmpint (kt_deadline_item_get_urgency (item, &today), ==, cases[i].expected);
      g_assert_nonnull (kt_urgency_label (cases[i].expected));
    }

  /* A passed price regulation is history; a passed notice day is overdue. */
  contract->id = 1;
  parse ("2026-01-09", &date);
  {
    g_autoptr(KtDeadlineItem) price =
      kt_deadline_item_new_derived (contract, KT_DERIVED_PRICE_REGULATION, &date, NULL);
    g_autoptr(KtDeadlineItem) notice =
      kt_deadline_item_new_derived (contract, KT_DERIVED_LAST_NOTICE_DAY, &date, NULL);

    g_assert_cmpint (kt_deadline_item_get_urgency (price, &today), ==, KT_URGENCY_PAST);
    g_assert_cmpint (kt_deadline_item_get_urgency (notice, &today), ==, KT_URGENCY_OVERDUE);
    g_assert_cmpstr (notice->description, ==, kt_enum_label (KT_ENUM_DERIVED_KIND,
                                                             KT_DERIVED_LAST_NOTICE_DAY));
  }
}

static KtContract *
world_contract (gint64      id,
                const char *number,
                const char *end)
{
  KtContract *c = kt_contract_new ();

  c->id = id;
  c->number = g_strdup (number);
  c->name = g_strdup_printf ("Kontrakt %s", number);
  c->supplier_id = 100 + id;
  c->supplier_name = g_strdup ("Leverandør A/S");
  c->org_unit_id = 200;
  c->org_unit_name = g_strdup ("Børn og Unge");
  c->administrator_id = 300;
  c->administrator_name = g_strdup ("Anna Jensen");
  c->contract_sum = 100000;
  c->option_count = 2;
  c->option_months = 12;
  c->options_used = 1;
  c->notice_months = 3;
  parse (end, &c->end_date);

  return c;
}

static KtActivity *
world_activity (gint64      id,
                gint64      contract_id,
                const char *deadline,
                KtActivityStatus status)
{
  KtActivity *a = kt_activity_new ();

  a->id = id;
  a->version = 2;
  a->contract_id = contract_id;
  a->type = KT_ACTIVITY_CONTROL_REPORT;
  a->description = g_strdup ("Kontrolrapport");
  a->clause_ref = g_strdup ("pkt. 12.3");
  a->responsible_id = 301;
  a->responsible_name = g_strdup ("Bo Berg");
  a->status = status;
  parse (deadline, &a->deadline);
  if (status == KT_ACTIVITY_STATUS_DONE)
    {
      parse ("2026-01-02", &a->done_date);
      a->done_by = g_strdup ("Carl");
    }

  return a;
}

static guint
count_where (GPtrArray *items,
             gboolean   derived,
             int        kind_or_id)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);

      if (derived ? (item->derived && (int) item->derived_kind == kind_or_id)
                  : (!item->derived && item->activity_id == kind_or_id))
        n++;
    }

  return n;
}

static void
test_collect (void)
{
  g_autoptr(GPtrArray) contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contract_free);
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_activity_free);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(KtDeadlineItem) kept = NULL;
  GDate today, from, to;

  /* Out of number order on purpose: the overview sorts by number on a day. */
  g_ptr_array_add (contracts, world_contract (2, "K-B", "2026-12-31"));
  g_ptr_array_add (contracts, world_contract (1, "K-A", "2026-12-31"));
  g_ptr_array_add (contracts, world_contract (3, "K-C", "2025-06-30"));

  g_ptr_array_add (activities, world_activity (10, 2, "2026-03-31", KT_ACTIVITY_STATUS_OPEN));
  g_ptr_array_add (activities, world_activity (11, 1, "2026-03-31", KT_ACTIVITY_STATUS_OPEN));
  g_ptr_array_add (activities, world_activity (12, 1, "2025-11-30", KT_ACTIVITY_STATUS_OPEN));
  g_ptr_array_add (activities, world_activity (13, 1, "2025-11-30", KT_ACTIVITY_STATUS_DONE));
  g_ptr_array_add (activities, world_activity (14, 99, "2026-03-31", KT_ACTIVITY_STATUS_OPEN));
  g_ptr_array_add (activities, world_activity (15, 1, "2026-01-15", KT_ACTIVITY_STATUS_DONE));
  g_ptr_array_add (activities, world_activity (16, 1, "2027-01-01", KT_ACTIVITY_STATUS_OPEN));

  parse ("2026-01-10", &today);
  parse ("2026-01-10", &from);
  parse ("2026-12-31", &to);

  items = kt_deadlines_collect (contracts, activities, NULL, &today, &from, &to,
                                KT_DEADLINES_DEFAULT);

  /* Sorted, and in the order kt_deadline_item_compare gives. */
  for (guint i = 1; i < items->len; i++)
    g_assert_cmpint (kt_deadline_item_compare (&items->pdata[i - 1], &items->pdata[i]), <, 0);

  /* In the window: 10, 11, 15 (done, with its status); not 12, 13 (before),
   * 14 (no such contract), 16 (after). */
  g_assert_cmpuint (count_where (items, FALSE, 10), ==, 1);
  g_assert_cmpuint (count_where (items, FALSE, 11), ==, 1);
  g_assert_cmpuint (count_where (items, FALSE, 15), ==, 1);
  g_assert_cmpuint (count_where (items, FALSE, 12), ==, 0);
  g_assert_cmpuint (count_where (items, FALSE, 13), ==, 0);
  g_assert_cmpuint (count_where (items, FALSE, 14), ==, 0);
  g_assert_cmpuint (count_where (items, FALSE, 16), ==, 0);

  /* K-A and K-B end 2026-12-31 with 3 months: notice 2026-09-30 etc.; K-C
   * ended in 2025: outside the window without the overdue flag. */
  g_assert_cmpuint (count_where (items, TRUE, KT_DERIVED_EXPIRY), ==, 2);
  g_assert_cmpuint (count_where (items, TRUE, KT_DERIVED_LAST_NOTICE_DAY), ==, 2);
  g_assert_cmpuint (count_where (items, TRUE, KT_DERIVED_OPTION_DEADLINE), ==, 2);

  /* On 2026-03-31: K-A's activity before K-B's. */
  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);

      if (item->activity_id == 11)
        {
          const KtDeadlineItem *next = g_ptr_array_index (items, i + 1);

          g_assert_cmpint (next->activity_id, ==, 10);
          g_assert_cmpstr (item->contract_number, ==, "K-A");
          g_assert_cmpstr (item->contract_name, ==, "Kontrakt K-A");
          g_assert_cmpstr (item->supplier_name, ==, "Leverandør A/S");
          g_assert_cmpint (item->supplier_id, ==, 101);
          g_assert_cmpstr (item->org_unit_name, ==, "Børn og Unge");
          g_assert_cmpstr (item->responsible_name, ==, "Bo Berg");
          g_assert_cmpint (item->responsible_id, ==, 301);
          g_assert_cmpstr (item->clause_ref, ==, "pkt. 12.3");
          g_assert_cmpstr (item->description, ==, "Kontrolrapport");
          g_assert_cmpint (item->activity_version, ==, 2);
          g_assert_cmpint (item->type, ==, KT_ACTIVITY_CONTROL_REPORT);
          g_assert_cmpint (item->contract_sum, ==, 100000);
          g_assert_cmpuint (item->options_left, ==, 1);
          g_assert_null (item->done_by);
          kept = kt_deadline_item_copy (item);
          g_assert_true (kept == item);
        }
      else if (item->activity_id == 15)
        {
          g_assert_cmpint (item->status, ==, KT_ACTIVITY_STATUS_DONE);
          g_assert_cmpstr (item->done_by, ==, "Carl");
          assert_date (&item->done_date, "2026-01-02");
          g_assert_cmpint (kt_deadline_item_get_urgency (item, &today), ==, KT_URGENCY_CLOSED);
        }
      else if (item->derived)
        {
          /* The administrator is responsible for what is derived. */
          g_assert_cmpstr (item->responsible_name, ==, "Anna Jensen");
          g_assert_cmpint (item->responsible_id, ==, 300);
          g_assert_cmpint (item->activity_id, ==, 0);
        }
    }

  /* An item outlives the arrays it came from, strings and all. */
  g_assert_nonnull (kept);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_pointer (&activities, g_ptr_array_unref);
  g_clear_pointer (&contracts, g_ptr_array_unref);
  g_assert_cmpstr (kept->contract_number, ==, "K-A");
  g_assert_cmpstr (kept->clause_ref, ==, "pkt. 12.3");
  g_assert_cmpstr (kept->supplier_name, ==, "Leverandør A/S");
}

static void
test_collect_overdue (void)
{
  g_autoptr(GPtrArray) contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contract_free);
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_activity_free);
  g_autoptr(GPtrArray) items = NULL;
  KtContract *old;
  GDate today, from, to;

  g_ptr_array_add (contracts, world_contract (1, "K-A", "2026-12-31"));
  /* Ended last year and nobody set it to expired: its deadlines are overdue. */
  old = world_contract (3, "K-C", "2025-06-30");
  old->price_index = KT_PRICE_INDEX_NET_PRICE;
  parse ("2025-01-01", &old->price_regulation_date);
  g_ptr_array_add (contracts, old);

  g_ptr_array_add (activities, world_activity (12, 1, "2025-11-30", KT_ACTIVITY_STATUS_OPEN));
  g_ptr_array_add (activities, world_activity (13, 1, "2025-11-30", KT_ACTIVITY_STATUS_DONE));
  g_ptr_array_add (activities, world_activity (17, 1, "2026-01-05", KT_ACTIVITY_STATUS_CANCELLED));

  parse ("2026-01-10", &today);
  parse ("2026-01-10", &from);
  parse ("2026-12-31", &to);

  items = kt_deadlines_collect (contracts, activities, NULL, &today, &from, &to,
                                KT_DEADLINES_INCLUDE_OVERDUE);

  g_assert_cmpuint (count_where (items, FALSE, 12), ==, 1);
  g_assert_cmpuint (count_where (items, FALSE, 13), ==, 0);
  g_assert_cmpuint (count_where (items, FALSE, 17), ==, 0);
  g_assert_cmpuint (count_where (items, TRUE, KT_DERIVED_EXPIRY), ==, 2);
  g_assert_cmpuint (count_where (items, TRUE, KT_DERIVED_PRICE_REGULATION), ==, 0);

  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);

      if (g_date_compare (&item->date, &from) < 0)
        g_assert_cmpint (kt_deadline_item_get_urgency (item, &today), ==, KT_URGENCY_OVERDUE);
      if (i > 0)
        g_assert_cmpint (kt_deadline_item_compare (&items->pdata[i - 1], &items->pdata[i]), <, 0);
    }
}

/* The help's example: a running contract, six months to the end of a year,
 * irrevocable until 31 December 2027, on 26 November 2026. */
static void
test_descriptions (void)
{
  g_autoptr(KtContract) contract = kt_contract_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
  GDate today, from, to;

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);

  contract->id = 1;
  contract->running = TRUE;
  contract->notice_months = 6;
  contract->notice_rule = KT_NOTICE_RULE_YEAR_END;
  parse ("2027-12-31", &contract->irrevocable_until);
  parse ("2026-11-26", &today);
  parse ("2026-01-01", &from);
  parse ("2028-12-31", &to);

  kt_contract_derived_deadlines (contract, NULL, &today, &from, &to, items);
  g_assert_cmpuint (items->len, ==, 2);

  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);

      if (item->derived_kind == KT_DERIVED_LAST_NOTICE_DAY)
        {
          assert_date (&item->date, "2027-06-30");
          g_assert_nonnull (strstr (item->description, "31.12.2027"));
          g_assert_nonnull (strstr (item->description, "6 months’ notice to the end of a year"));
        }
      else
        {
          g_assert_cmpint (item->derived_kind, ==, KT_DERIVED_DECISION_DATE);
          g_assert_nonnull (strstr (item->description, "30 days"));
          g_assert_nonnull (strstr (item->description, "30.06.2027"));
        }
    }

  kt_format_set_style (KT_FORMAT_STYLE_AUTO);
}

/* Over many days and terms, the end date the description names is the one
 * kt_contract_last_notice_day () counts back from. */
static void
test_running_end_consistent (void)
{
  static const KtNoticeRule rules[] = { ANY, MONTH, QUARTER, YEAR };
  guint n_listed = 0;

  kt_format_set_style (KT_FORMAT_STYLE_ENGLISH);

  for (guint day = 0; day < 400; day += 7)
    for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
      for (guint months = 0; months <= 13; months++)
        {
          g_autoptr(KtContract) contract = kt_contract_new ();
          g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
          const KtDeadlineItem *item = NULL;
          g_autofree char *end_iso = NULL;
          GDate today, to, notice, end;

          parse ("2027-11-20", &today);
          g_date_add_days (&today, day);
          to = today;
          g_date_add_years (&to, 3);

          contract->running = TRUE;
          contract->notice_months = months;
          contract->notice_rule = rules[r];
          if (day % 2 == 0)
            parse ("2028-08-15", &contract->irrevocable_until);

          kt_contract_derived_deadlines (contract, NULL, &today, &today, &to, items);
          g_assert_true (kt_contract_last_notice_day (contract, &today, &notice));

          for (guint i = 0; i < items->len; i++)
            if (((KtDeadlineItem *) g_ptr_array_index (items, i))->derived_kind ==
                KT_DERIVED_LAST_NOTICE_DAY)
              item = g_ptr_array_index (items, i);

          /* Without an irrevocable period notice can be given any day:
           * nothing is listed (kt-deadlines.h). */
          if (day % 2 != 0)
            {
              g_assert_null (item);
              continue;
            }
          if (item == NULL)
            continue;
          n_listed++;
          g_assert_cmpint (g_date_compare (&item->date, &notice), ==, 0);
          end_iso = g_strndup (strstr (item->description, " on ") + 4, 10);
          g_assert_true (kt_date_from_iso (end_iso, &end));
          kt_date_subtract_months (&end, months);
          g_assert_cmpint (g_date_compare (&end, &notice), ==, 0);
        }

  /* While the irrevocable period decides the end, the dates are listed. */
  g_assert_cmpuint (n_listed, >, 100);
  kt_format_set_style (KT_FORMAT_STYLE_AUTO);
}

/* A random portfolio: the overview holds exactly the occurrences and
 * derived deadlines in the window, in the order of
 * kt_deadline_item_compare (), for a window of two years (sorted by day
 * buckets) and of four centuries (sorted plainly). */
static void
test_collect_random (void)
{
  g_autoptr(GPtrArray) contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contract_free);
  g_autoptr(GPtrArray) activities = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_activity_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  static const char *const windows[][2] = {
    { "2026-01-01", "2027-12-31" },
    { "1900-01-01", "2299-12-31" },
  };
  GDate today;

  parse ("2026-06-15", &today);

  for (guint i = 0; i < 60; i++)
    {
      KtContract *c = kt_contract_new ();

      c->id = i + 1;
      /* Numbers out of id order, some sharing a prefix. */
      c->number = g_strdup_printf ("K-%u", g_rand_int_range (rand, 0, 1000) * 100 + i);
      c->status = g_rand_int_range (rand, 0, 4);
      c->running = g_rand_int_range (rand, 0, 5) == 0;
      if (!c->running)
        {
          g_date_set_dmy (&c->end_date, g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 1, 13),
                          g_rand_int_range (rand, 2025, 2030));
        }
      g_date_set_dmy (&c->start_date, 1, 1, 2020);
      c->notice_months = g_rand_int_range (rand, 0, 13);
      c->notice_rule = g_rand_int_range (rand, 0, 4);
      c->option_count = g_rand_int_range (rand, 0, 3);
      c->option_months = 12;
      c->procurement_form = g_rand_int_range (rand, 0, KT_PROCUREMENT_N_FORMS);
      if (g_rand_boolean (rand))
        {
          c->price_index = KT_PRICE_INDEX_NET_PRICE;
          g_date_set_dmy (&c->price_regulation_date, 1, g_rand_int_range (rand, 1, 13), 2026);
        }
      g_ptr_array_add (contracts, c);
    }

  for (guint i = 0; i < 600; i++)
    {
      KtActivity *a = kt_activity_new ();

      a->id = 1000 - i;
      a->contract_id = g_rand_int_range (rand, 1, 64);   /* a few of no contract */
      a->description = g_strdup ("x");
      g_date_set_dmy (&a->deadline, g_rand_int_range (rand, 1, 32) > 28 ? 28 : g_rand_int_range (rand, 1, 29),
                      g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 2024, 2028));
      a->recurrence = g_rand_int_range (rand, 0, 3) == 0 ? g_rand_int_range (rand, 1, 5)
                                                         : KT_RECURRENCE_NONE;
      if (a->recurrence != KT_RECURRENCE_NONE && g_rand_boolean (rand))
        {
          a->recurrence_until = a->deadline;
          g_date_add_months (&a->recurrence_until, g_rand_int_range (rand, 0, 40));
        }
      if (g_rand_int_range (rand, 0, 3) == 0)
        kt_activity_apply_done (a, NULL, NULL, "x");
      if (g_rand_int_range (rand, 0, 10) == 0)
        a->status = KT_ACTIVITY_STATUS_CANCELLED;
      g_ptr_array_add (activities, a);
    }

  for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
    {
      g_autoptr(GPtrArray) items = NULL;
      GDate from, to;
      guint expected = 0;

      parse (windows[w][0], &from);
      parse (windows[w][1], &to);

      for (guint i = 0; i < contracts->len; i++)
        {
          g_autoptr(GPtrArray) derived = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);

          kt_contract_derived_deadlines (g_ptr_array_index (contracts, i), NULL, &today, &from, &to,
                                         derived);
          expected += derived->len;
        }

      for (guint i = 0; i < activities->len; i++)
        {
          KtActivity *a = g_ptr_array_index (activities, i);
          g_autoptr(GArray) dates = NULL;

          if (a->contract_id > 60)
            continue;
          dates = kt_activity_occurrences (a, &from, &to);
          for (guint k = 0; k < dates->len; k++)
            {
              const GDate *date = &g_array_index (dates, GDate, k);

              /* A cancelled series stops after its last done occurrence. */
              if (a->status == KT_ACTIVITY_STATUS_CANCELLED && a->recurrence != KT_RECURRENCE_NONE &&
                  kt_activity_occurrence_status (a, date) != KT_ACTIVITY_STATUS_DONE)
                continue;
              expected++;
            }
        }

      items = kt_deadlines_collect (contracts, activities, NULL, &today, &from, &to,
                                    KT_DEADLINES_DEFAULT);
      g_test_message ("window %u: %u items", w, items->len);
      g_assert_cmpuint (items->len, ==, expected);
      g_assert_cmpuint (items->len, >, 500);

      for (guint i = 1; i < items->len; i++)
        g_assert_cmpint (kt_deadline_item_compare (&items->pdata[i - 1], &items->pdata[i]), <, 0);
    }

  /* A few items decades apart take the other way of sorting. */
  {
    g_autoptr(GPtrArray) sparse = g_ptr_array_new ();
    g_autoptr(GPtrArray) items = NULL;
    GDate from, to;

    for (guint i = 0; i < 40; i++)
      {
        KtActivity *a = g_ptr_array_index (activities, i);

        g_date_set_dmy (&a->deadline, 1 + i % 28, 1 + i % 12, 2000 + (i * 7) % 46);
        a->recurrence = KT_RECURRENCE_NONE;
        g_date_clear (&a->recurrence_until, 1);
        g_date_clear (&a->done_through, 1);
        a->contract_id = 1 + i % 2;
        g_ptr_array_add (sparse, a);
      }
    for (guint i = 0; i < 2; i++)
      ((KtContract *) g_ptr_array_index (contracts, i))->status = KT_STATUS_EXPIRED;
    g_ptr_array_set_size (contracts, 2);

    parse ("1990-01-01", &from);
    parse ("2050-12-31", &to);
    items = kt_deadlines_collect (contracts, sparse, NULL, &today, &from, &to, KT_DEADLINES_DEFAULT);
    g_assert_cmpuint (items->len, ==, 40);
    for (guint i = 1; i < items->len; i++)
      g_assert_cmpint (kt_deadline_item_compare (&items->pdata[i - 1], &items->pdata[i]), <, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/deadlines/derived-table", test_derived_table);
  g_test_add_func ("/model/deadlines/reprocured-with-main", test_reprocured_with_main);
  g_test_add_func ("/model/deadlines/settings", test_settings);
  g_test_add_func ("/model/deadlines/price-regulation", test_price_regulation);
  g_test_add_func ("/model/deadlines/urgency", test_urgency);
  g_test_add_func ("/model/deadlines/collect", test_collect);
  g_test_add_func ("/model/deadlines/collect-overdue", test_collect_overdue);
  g_test_add_func ("/model/deadlines/collect-random", test_collect_random);
  g_test_add_func ("/model/deadlines/descriptions", test_descriptions);
  g_test_add_func ("/model/deadlines/running-end", test_running_end_consistent);

  return g_test_run ();
}
