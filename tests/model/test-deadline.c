/* test-deadline.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kt-deadline.h"
#include "kt-format.h"

/* Dates in the tables are ISO strings; "" is an unset date. */
static void
parse (const char *iso,
       GDate      *date)
{
  g_date_clear (date, 1);
  if (*iso != '\0')
    g_assert_true (kt_date_from_iso (iso, date));
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autofree char *iso = kt_date_to_iso (date);

  g_assert_cmpstr (iso, ==, expected);
}

static void
test_subtract_months (void)
{
  static const struct {
    const char *date;
    guint months;
    const char *expected;
  } cases[] = {
    { "2026-01-31", 1, "2025-12-31" },   /* last day stays last day */
    { "2026-03-31", 1, "2026-02-28" },   /* clamped */
    { "2024-03-31", 1, "2024-02-29" },   /* leap year */
    { "2028-03-31", 1, "2028-02-29" },
    { "2100-03-31", 1, "2100-02-28" },   /* not a leap year */
    { "2000-03-31", 1, "2000-02-29" },   /* a leap year */
    { "2026-04-30", 1, "2026-03-31" },   /* last day of April -> of March */
    { "2026-06-30", 3, "2026-03-31" },
    { "2026-05-15", 3, "2026-02-15" },
    { "2026-05-30", 3, "2026-02-28" },
    { "2026-05-30", 1, "2026-04-30" },
    { "2026-05-29", 1, "2026-04-29" },
    { "2024-02-29", 12, "2023-02-28" },
    { "2023-02-28", 12, "2022-02-28" },
    { "2023-02-28", 1, "2023-01-31" },  /* last day of February */
    { "2024-02-28", 1, "2024-01-28" },  /* not the last day in a leap year */
    { "2024-02-28", 12, "2023-02-28" },
    { "2028-02-29", 48, "2024-02-29" },
    { "2101-03-31", 13, "2100-02-28" },
    { "2026-01-31", 13, "2024-12-31" },
    { "2026-03-15", 120, "2016-03-15" },
    { "2026-12-31", 0, "2026-12-31" },
    { "2026-12-30", 0, "2026-12-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_test_message ("%s - %u months", cases[i].date, cases[i].months);
      parse (cases[i].date, &date);
      kt_date_subtract_months (&date, cases[i].months);
      assert_date (&date, cases[i].expected);
    }
}

static void
test_period_end (void)
{
  static const struct {
    const char *date;
    KtNoticeRule rule;
    const char *expected;
  } cases[] = {
    { "2026-02-15", KT_NOTICE_RULE_ANY_DAY, "2026-02-15" },
    { "2026-02-15", KT_NOTICE_RULE_MONTH_END, "2026-02-28" },
    { "2024-02-15", KT_NOTICE_RULE_MONTH_END, "2024-02-29" },
    { "2100-02-10", KT_NOTICE_RULE_MONTH_END, "2100-02-28" },
    { "2026-01-31", KT_NOTICE_RULE_MONTH_END, "2026-01-31" },
    { "2026-01-01", KT_NOTICE_RULE_QUARTER_END, "2026-03-31" },
    { "2026-02-15", KT_NOTICE_RULE_QUARTER_END, "2026-03-31" },
    { "2026-03-31", KT_NOTICE_RULE_QUARTER_END, "2026-03-31" },
    { "2026-04-01", KT_NOTICE_RULE_QUARTER_END, "2026-06-30" },
    { "2026-06-30", KT_NOTICE_RULE_QUARTER_END, "2026-06-30" },
    { "2026-07-01", KT_NOTICE_RULE_QUARTER_END, "2026-09-30" },
    { "2026-11-15", KT_NOTICE_RULE_QUARTER_END, "2026-12-31" },
    { "2026-01-01", KT_NOTICE_RULE_YEAR_END, "2026-12-31" },
    { "2026-12-31", KT_NOTICE_RULE_YEAR_END, "2026-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      parse (cases[i].date, &date);
      kt_date_to_period_end (&date, cases[i].rule);
      assert_date (&date, cases[i].expected);
    }
}

typedef struct {
  const char      *today;
  KtContractStatus status;
  gboolean         running;
  const char      *end;
  const char      *irrevocable;
  guint            months;
  KtNoticeRule     rule;
  const char      *expected;    /* NULL: no last notice day */
} NoticeCase;

static void
run_notice_cases (const NoticeCase *cases,
                  guint             n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(KtContract) contract = kt_contract_new ();
      GDate today;
      GDate result;
      gboolean found;

      g_test_message ("case %u: today %s, end %s, irrevocable %s, %u months, rule %d",
                      i, cases[i].today, cases[i].end, cases[i].irrevocable,
                      cases[i].months, cases[i].rule);

      parse (cases[i].today, &today);
      contract->status = cases[i].status;
      contract->running = cases[i].running;
      parse (cases[i].end, &contract->end_date);
      parse (cases[i].irrevocable, &contract->irrevocable_until);
      contract->notice_months = cases[i].months;
      contract->notice_rule = cases[i].rule;

      found = kt_contract_last_notice_day (contract, &today, &result);

      if (cases[i].expected == NULL)
        {
          g_assert_false (found);
          g_assert_false (g_date_valid (&result));
        }
      else
        {
          g_assert_true (found);
          assert_date (&result, cases[i].expected);
        }
    }
}

#define ACTIVE KT_STATUS_ACTIVE
#define ANY KT_NOTICE_RULE_ANY_DAY
#define MONTH KT_NOTICE_RULE_MONTH_END
#define QUARTER KT_NOTICE_RULE_QUARTER_END
#define YEAR KT_NOTICE_RULE_YEAR_END

static void
test_fixed_term (void)
{
  static const NoticeCase cases[] = {
    { "2026-03-15", ACTIVE, FALSE, "2026-12-31", "", 3, ANY, "2026-09-30" },
    { "2026-03-15", ACTIVE, FALSE, "2026-11-15", "", 3, ANY, "2026-08-15" },
    { "2026-03-15", ACTIVE, FALSE, "2026-11-15", "", 3, MONTH, "2026-08-31" },
    { "2026-03-15", ACTIVE, FALSE, "2026-11-15", "", 3, QUARTER, "2026-09-30" },
    { "2026-03-15", ACTIVE, FALSE, "2026-03-15", "", 6, YEAR, "2026-06-30" },
    { "2026-03-15", ACTIVE, FALSE, "2024-05-31", "", 3, ANY, "2024-02-29" },
    { "2026-03-15", ACTIVE, FALSE, "2100-05-31", "", 3, ANY, "2100-02-28" },
    { "2026-03-15", ACTIVE, FALSE, "2026-05-30", "", 3, ANY, "2026-02-28" },
    { "2026-03-15", ACTIVE, FALSE, "2028-03-10", "", 1, MONTH, "2028-02-29" },
    { "2026-03-15", ACTIVE, FALSE, "2026-10-10", "", 0, MONTH, "2026-10-31" },
    /* In the past: still the date, the caller shows it as passed. */
    { "2026-03-15", ACTIVE, FALSE, "2020-12-31", "", 3, ANY, "2020-09-30" },
    { "2026-03-15", KT_STATUS_PLANNED, FALSE, "2027-06-30", "", 6, QUARTER, "2026-12-31" },
    /* Irrevocable periods do not move a fixed end. */
    { "2026-03-15", ACTIVE, FALSE, "2027-06-30", "2027-01-01", 6, ANY, "2026-12-31" },
    { "2026-03-15", KT_STATUS_NOTICE_GIVEN, FALSE, "2026-12-31", "", 3, ANY, NULL },
    { "2026-03-15", KT_STATUS_EXPIRED, FALSE, "2026-12-31", "", 3, ANY, NULL },
    /* Neither an end date nor running: nothing to compute. */
    { "2026-03-15", ACTIVE, FALSE, "", "", 3, ANY, NULL },
  };

  run_notice_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_running (void)
{
  static const NoticeCase cases[] = {
    /* Any day: notice can always be given today. */
    { "2026-03-15", ACTIVE, TRUE, "", "", 3, ANY, "2026-03-15" },
    { "2026-01-31", ACTIVE, TRUE, "", "", 1, ANY, "2026-01-31" },
    { "2026-03-15", ACTIVE, TRUE, "", "", 0, ANY, "2026-03-15" },
    { "2026-03-15", ACTIVE, TRUE, "", "", 3, MONTH, "2026-03-31" },
    { "2026-03-31", ACTIVE, TRUE, "", "", 3, MONTH, "2026-03-31" },
    { "2026-04-01", ACTIVE, TRUE, "", "", 3, MONTH, "2026-04-30" },
    { "2026-03-15", ACTIVE, TRUE, "", "", 3, QUARTER, "2026-03-31" },
    { "2026-03-31", ACTIVE, TRUE, "", "", 3, QUARTER, "2026-03-31" },
    /* The window of this quarter has closed: the next is next quarter. */
    { "2026-04-01", ACTIVE, TRUE, "", "", 3, QUARTER, "2026-06-30" },
    { "2026-04-15", ACTIVE, TRUE, "", "", 3, QUARTER, "2026-06-30" },
    { "2026-07-01", ACTIVE, TRUE, "", "", 3, QUARTER, "2026-09-30" },
    { "2026-10-01", ACTIVE, TRUE, "", "", 6, QUARTER, "2026-12-31" },
    { "2026-03-15", ACTIVE, TRUE, "", "", 6, YEAR, "2026-06-30" },
    { "2026-06-30", ACTIVE, TRUE, "", "", 6, YEAR, "2026-06-30" },
    { "2026-07-01", ACTIVE, TRUE, "", "", 6, YEAR, "2027-06-30" },
    { "2026-03-15", ACTIVE, TRUE, "", "", 0, YEAR, "2026-12-31" },
    /* Leap years: notice reaching the end of February. */
    { "2027-11-30", ACTIVE, TRUE, "", "", 3, MONTH, "2027-11-30" },
    { "2027-11-29", ACTIVE, TRUE, "", "", 3, MONTH, "2027-11-30" },
    { "2099-11-29", ACTIVE, TRUE, "", "", 3, MONTH, "2099-11-30" },
    { "2099-12-01", ACTIVE, TRUE, "", "", 3, MONTH, "2099-12-31" },
    { "2023-11-30", ACTIVE, TRUE, "", "", 1, ANY, "2023-11-30" },
    /* Irrevocable periods push the first possible end. */
    { "2026-03-15", ACTIVE, TRUE, "", "2027-12-31", 3, MONTH, "2027-09-30" },
    { "2026-03-15", ACTIVE, TRUE, "", "2028-01-15", 3, QUARTER, "2027-12-31" },
    { "2026-03-15", ACTIVE, TRUE, "", "2027-08-10", 2, ANY, "2027-06-10" },
    { "2026-03-15", ACTIVE, TRUE, "", "2028-05-31", 3, ANY, "2028-02-29" },
    { "2026-03-15", ACTIVE, TRUE, "", "2026-05-01", 3, MONTH, "2026-03-31" },
    { "2026-03-15", ACTIVE, TRUE, "", "2020-01-01", 3, QUARTER, "2026-03-31" },
    { "2026-03-15", ACTIVE, TRUE, "", "2027-03-15", 6, YEAR, "2027-06-30" },
    { "2026-03-15", KT_STATUS_NOTICE_GIVEN, TRUE, "", "", 3, ANY, NULL },
    { "2026-03-15", KT_STATUS_EXPIRED, TRUE, "", "", 3, QUARTER, NULL },
  };

  run_notice_cases (cases, G_N_ELEMENTS (cases));
}

/* The definition, by brute force: the earliest period end T >= irrevocable
 * with T - n >= today. */
static void
reference_running (const GDate *today,
                   const GDate *irrevocable,
                   guint        months,
                   KtNoticeRule rule,
                   GDate       *out)
{
  GDate day = *today;

  for (;;)
    {
      GDate end = day;
      GDate notice = day;

      kt_date_to_period_end (&end, rule);
      kt_date_subtract_months (&notice, months);

      if (g_date_compare (&end, &day) == 0 &&
          (!g_date_valid (irrevocable) || g_date_compare (&day, irrevocable) >= 0) &&
          g_date_compare (&notice, today) >= 0)
        {
          *out = notice;
          return;
        }

      g_date_add_days (&day, 1);
    }
}

static void
test_running_exhaustive (void)
{
  static const guint months[] = { 0, 1, 2, 3, 6, 12 };
  GDate today;
  GDate irrevocable;

  parse ("2027-10-01", &today);
  parse ("2028-03-10", &irrevocable);

  for (guint d = 0; d < 700; d += 3, g_date_add_days (&today, 3))
    for (guint m = 0; m < G_N_ELEMENTS (months); m++)
      for (KtNoticeRule rule = KT_NOTICE_RULE_ANY_DAY; rule <= KT_NOTICE_RULE_YEAR_END; rule++)
        for (guint with_irrevocable = 0; with_irrevocable < 2; with_irrevocable++)
          {
            g_autoptr(KtContract) contract = kt_contract_new ();
            GDate expected;
            GDate result;

            contract->running = TRUE;
            contract->notice_months = months[m];
            contract->notice_rule = rule;
            if (with_irrevocable)
              contract->irrevocable_until = irrevocable;

            reference_running (&today, &contract->irrevocable_until, months[m], rule, &expected);
            g_assert_true (kt_contract_last_notice_day (contract, &today, &result));

            if (g_date_compare (&expected, &result) != 0)
              {
                g_autofree char *t = kt_date_to_iso (&today);
                g_autofree char *e = kt_date_to_iso (&expected);
                g_autofree char *r = kt_date_to_iso (&result);

                g_error ("today %s, %u months, rule %d, irrevocable %u: expected %s, got %s",
                         t, months[m], rule, with_irrevocable, e, r);
              }
          }
}

static void
test_today_default (void)
{
  g_autoptr(KtContract) contract = kt_contract_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate result;
  GDate expected;

  contract->running = TRUE;
  contract->notice_months = 3;
  contract->notice_rule = KT_NOTICE_RULE_ANY_DAY;

  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));

  g_assert_true (kt_contract_last_notice_day (contract, NULL, &result));
  /* Passes unless the test runs across midnight. */
  g_assert_cmpint (g_date_days_between (&expected, &result), <=, 1);
  g_assert_cmpint (g_date_days_between (&expected, &result), >=, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/deadline/subtract-months", test_subtract_months);
  g_test_add_func ("/model/deadline/period-end", test_period_end);
  g_test_add_func ("/model/deadline/fixed-term", test_fixed_term);
  g_test_add_func ("/model/deadline/running", test_running);
  g_test_add_func ("/model/deadline/running-exhaustive", test_running_exhaustive);
  g_test_add_func ("/model/deadline/today-default", test_today_default);

  return g_test_run ();
}
