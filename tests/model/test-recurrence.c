/* test-recurrence.c — recurring activities: occurrences, done, reopen
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kt-deadlines.h"
#include "kt-format.h"
#include "kt-validation.h"

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

#define NONE KT_RECURRENCE_NONE
#define MONTHLY KT_RECURRENCE_MONTHLY
#define QUARTERLY KT_RECURRENCE_QUARTERLY
#define HALF KT_RECURRENCE_HALF_YEARLY
#define YEARLY KT_RECURRENCE_YEARLY

static void
test_occurrence (void)
{
  static const struct {
    const char   *anchor;
    KtRecurrence  recurrence;
    guint         n;
    const char   *expected;   /* NULL: none */
  } cases[] = {
    /* 31 January plus a month: clamped, then back to the 31st. */
    { "2026-01-31", MONTHLY, 0, "2026-01-31" },
    { "2026-01-31", MONTHLY, 1, "2026-02-28" },
    { "2026-01-31", MONTHLY, 2, "2026-03-31" },
    { "2026-01-31", MONTHLY, 3, "2026-04-30" },
    { "2026-01-31", MONTHLY, 4, "2026-05-31" },
    { "2026-01-31", MONTHLY, 13, "2027-02-28" },
    { "2024-01-31", MONTHLY, 1, "2024-02-29" },     /* leap year */
    { "2100-01-31", MONTHLY, 1, "2100-02-28" },     /* not a leap year */
    { "2000-01-31", MONTHLY, 1, "2000-02-29" },     /* a leap year */
    /* A day that is not the last keeps its number where it can. */
    { "2026-01-30", MONTHLY, 1, "2026-02-28" },
    { "2026-01-30", MONTHLY, 2, "2026-03-30" },
    { "2026-01-29", MONTHLY, 1, "2026-02-28" },
    { "2028-01-29", MONTHLY, 1, "2028-02-29" },
    { "2026-05-15", QUARTERLY, 4, "2027-05-15" },
    /* Quarter ends stay quarter ends, from either kind of month. */
    { "2026-03-31", QUARTERLY, 1, "2026-06-30" },
    { "2026-03-31", QUARTERLY, 2, "2026-09-30" },
    { "2026-03-31", QUARTERLY, 3, "2026-12-31" },
    { "2026-06-30", QUARTERLY, 1, "2026-09-30" },
    { "2026-06-30", QUARTERLY, 2, "2026-12-31" },
    { "2026-06-30", QUARTERLY, 3, "2027-03-31" },
    { "2026-08-31", HALF, 1, "2027-02-28" },
    { "2026-08-31", HALF, 2, "2027-08-31" },
    /* 29 February: the last day of February in other years. */
    { "2024-02-29", YEARLY, 1, "2025-02-28" },
    { "2024-02-29", YEARLY, 4, "2028-02-29" },
    { "2026-02-28", YEARLY, 2, "2028-02-29" },
    { "2024-02-28", YEARLY, 1, "2025-02-28" },
    { "2024-02-28", YEARLY, 4, "2028-02-28" },
    /* Year ends. */
    { "2026-12-31", MONTHLY, 1, "2027-01-31" },
    { "2026-12-31", YEARLY, 1, "2027-12-31" },
    { "2026-11-30", MONTHLY, 1, "2026-12-31" },
    { "2026-12-15", MONTHLY, 1, "2027-01-15" },
    /* One-off: only itself. */
    { "2026-12-15", NONE, 0, "2026-12-15" },
    { "2026-12-15", NONE, 1, NULL },
    /* Past the end of the calendar we store. */
    { "9999-12-01", MONTHLY, 1, NULL },
    { "9999-01-01", YEARLY, 0, "9999-01-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate anchor;
      GDate out;
      gboolean found;

      g_test_message ("%s, recurrence %d, n = %u", cases[i].anchor, cases[i].recurrence, cases[i].n);
      parse (cases[i].anchor, &anchor);
      found = kt_recurrence_occurrence (&anchor, cases[i].recurrence, cases[i].n, &out);

      if (cases[i].expected == NULL)
        {
          g_assert_false (found);
          g_assert_false (g_date_valid (&out));
        }
      else
        {
          g_assert_true (found);
          assert_date (&out, cases[i].expected);
        }
    }

  g_assert_cmpuint (kt_recurrence_months (NONE), ==, 0);
  g_assert_cmpuint (kt_recurrence_months (MONTHLY), ==, 1);
  g_assert_cmpuint (kt_recurrence_months (QUARTERLY), ==, 3);
  g_assert_cmpuint (kt_recurrence_months (HALF), ==, 6);
  g_assert_cmpuint (kt_recurrence_months (YEARLY), ==, 12);
}

static KtActivity *
activity_new (const char   *deadline,
              KtRecurrence  recurrence,
              const char   *until)
{
  KtActivity *activity = kt_activity_new ();

  activity->id = 7;
  activity->version = 3;
  activity->contract_id = 1;
  activity->description = g_strdup ("Statusmøde");
  activity->recurrence = recurrence;
  parse (deadline, &activity->deadline);
  parse (until, &activity->recurrence_until);

  return activity;
}

/* "a,b,c" of ISO dates */
static void
assert_dates (GArray     *dates,
              const char *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < dates->len; i++)
    {
      g_autofree char *iso = kt_date_to_iso (&g_array_index (dates, GDate, i));

      g_string_append_printf (got, "%s%s", i > 0 ? "," : "", iso);
    }

  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_occurrences_in_window (void)
{
  static const struct {
    const char   *deadline;
    KtRecurrence  recurrence;
    const char   *until;
    const char   *from;
    const char   *to;
    const char   *expected;
  } cases[] = {
    { "2026-01-31", MONTHLY, "2026-06-30", "2026-02-01", "2026-12-31",
      "2026-02-28,2026-03-31,2026-04-30,2026-05-31,2026-06-30" },
    /* The until-date is inclusive, and need not be an occurrence. */
    { "2026-01-31", MONTHLY, "2026-05-31", "2026-01-01", "2026-12-31",
      "2026-01-31,2026-02-28,2026-03-31,2026-04-30,2026-05-31" },
    { "2026-01-31", MONTHLY, "2026-05-30", "2026-01-01", "2026-12-31",
      "2026-01-31,2026-02-28,2026-03-31,2026-04-30" },
    /* Window bounds are inclusive too. */
    { "2026-03-31", QUARTERLY, "", "2026-06-30", "2026-12-31", "2026-06-30,2026-09-30,2026-12-31" },
    { "2026-03-31", QUARTERLY, "", "2026-07-01", "2026-12-30", "2026-09-30" },
    /* A window far from the anchor: computed, not stepped to. */
    { "2010-01-31", MONTHLY, "", "2028-02-01", "2028-04-01", "2028-02-29,2028-03-31" },
    { "2024-02-29", YEARLY, "", "2025-01-01", "2028-12-31",
      "2025-02-28,2026-02-28,2027-02-28,2028-02-29" },
    /* A window before the anchor or after the until-date. */
    { "2026-03-31", QUARTERLY, "", "2025-01-01", "2026-03-30", "" },
    { "2026-03-31", QUARTERLY, "2026-12-31", "2027-01-01", "2027-12-31", "" },
    /* One-off. */
    { "2026-03-31", NONE, "", "2026-03-31", "2026-03-31", "2026-03-31" },
    { "2026-03-31", NONE, "", "2026-04-01", "2026-12-31", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KtActivity) activity = activity_new (cases[i].deadline, cases[i].recurrence,
                                                     cases[i].until);
      g_autoptr(GArray) dates = NULL;
      GDate from, to;

      g_test_message ("case %u", i);
      parse (cases[i].from, &from);
      parse (cases[i].to, &to);
      dates = kt_activity_occurrences (activity, &from, &to);
      assert_dates (dates, cases[i].expected);

      for (guint k = 0; k < dates->len; k++)
        g_assert_true (kt_activity_is_occurrence (activity, &g_array_index (dates, GDate, k)));
    }
}

static void
test_is_occurrence (void)
{
  g_autoptr(KtActivity) activity = activity_new ("2026-01-31", MONTHLY, "2026-12-31");
  static const struct {
    const char *date;
    gboolean    expected;
  } cases[] = {
    { "2026-01-31", TRUE },
    { "2026-02-28", TRUE },
    { "2026-03-31", TRUE },
    { "2026-03-30", FALSE },
    { "2026-03-28", FALSE },
    { "2026-12-31", TRUE },
    { "2027-01-31", FALSE },   /* after the until-date */
    { "2025-12-31", FALSE },   /* before the anchor */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      parse (cases[i].date, &date);
      g_assert_cmpint (kt_activity_is_occurrence (activity, &date), ==, cases[i].expected);
    }
}

static void
test_done_recurring (void)
{
  g_autoptr(KtActivity) a = activity_new ("2026-03-31", QUARTERLY, "2026-12-31");
  GDate date, next, done_on;

  parse ("2026-04-02", &done_on);

  g_assert_true (kt_activity_next_open (a, &next));
  assert_date (&next, "2026-03-31");

  /* The next open occurrence. */
  g_assert_true (kt_activity_apply_done (a, NULL, &done_on, "Anna Jensen"));
  assert_date (&a->done_through, "2026-03-31");
  assert_date (&a->done_date, "2026-04-02");
  g_assert_cmpstr (a->done_by, ==, "Anna Jensen");
  g_assert_cmpint (a->status, ==, KT_ACTIVITY_STATUS_OPEN);
  g_assert_true (kt_activity_next_open (a, &next));
  assert_date (&next, "2026-06-30");
  /* The anchor does not move. */
  assert_date (&a->deadline, "2026-03-31");

  /* A later one marks the ones between done too. */
  parse ("2026-09-30", &date);
  g_assert_true (kt_activity_apply_done (a, &date, &done_on, "Bo Berg"));
  assert_date (&a->done_through, "2026-09-30");
  parse ("2026-06-30", &date);
  g_assert_cmpint (kt_activity_occurrence_status (a, &date), ==, KT_ACTIVITY_STATUS_DONE);
  parse ("2026-12-31", &date);
  g_assert_cmpint (kt_activity_occurrence_status (a, &date), ==, KT_ACTIVITY_STATUS_OPEN);

  /* Done already, or no occurrence at all: refused, nothing changes. */
  parse ("2026-06-30", &date);
  g_assert_false (kt_activity_apply_done (a, &date, &done_on, "x"));
  parse ("2026-10-31", &date);
  g_assert_false (kt_activity_apply_done (a, &date, &done_on, "x"));
  parse ("2027-03-31", &date);
  g_assert_false (kt_activity_apply_done (a, &date, &done_on, "x"));
  assert_date (&a->done_through, "2026-09-30");
  g_assert_cmpstr (a->done_by, ==, "Bo Berg");

  /* The last one closes the series. */
  g_assert_true (kt_activity_apply_done (a, NULL, &done_on, "Bo Berg"));
  assert_date (&a->done_through, "2026-12-31");
  g_assert_cmpint (a->status, ==, KT_ACTIVITY_STATUS_DONE);
  g_assert_false (kt_activity_next_open (a, &next));
  g_assert_false (kt_activity_apply_done (a, NULL, &done_on, "x"));

  /* Reopen steps back one occurrence at a time. */
  g_assert_true (kt_activity_apply_reopen (a));
  g_assert_cmpint (a->status, ==, KT_ACTIVITY_STATUS_OPEN);
  assert_date (&a->done_through, "2026-09-30");
  g_assert_null (a->done_by);
  g_assert_false (g_date_valid (&a->done_date));
  g_assert_true (kt_activity_apply_reopen (a));
  assert_date (&a->done_through, "2026-06-30");
  g_assert_true (kt_activity_apply_reopen (a));
  g_assert_true (kt_activity_apply_reopen (a));
  g_assert_false (g_date_valid (&a->done_through));
  g_assert_false (kt_activity_apply_reopen (a));
  g_assert_true (kt_activity_next_open (a, &next));
  assert_date (&next, "2026-03-31");
}

static void
test_done_monthly_end (void)
{
  /* The 31st stays the 31st after a done February. */
  g_autoptr(KtActivity) a = activity_new ("2026-01-31", MONTHLY, "");
  GDate next;

  g_assert_true (kt_activity_apply_done (a, NULL, NULL, NULL));
  g_assert_true (kt_activity_apply_done (a, NULL, NULL, NULL));
  assert_date (&a->done_through, "2026-02-28");
  g_assert_true (g_date_valid (&a->done_date));   /* today */
  g_assert_null (a->done_by);
  g_assert_true (kt_activity_next_open (a, &next));
  assert_date (&next, "2026-03-31");
  g_assert_cmpint (a->status, ==, KT_ACTIVITY_STATUS_OPEN);
}

static void
test_done_one_off (void)
{
  g_autoptr(KtActivity) a = activity_new ("2026-06-01", NONE, "");
  GDate date, next;

  parse ("2026-06-02", &date);
  g_assert_false (kt_activity_apply_done (a, &date, NULL, "x"));
  g_assert_cmpint (a->status, ==, KT_ACTIVITY_STATUS_OPEN);

  parse ("2026-05-20", &date);
  g_assert_true (kt_activity_apply_done (a, NULL, &date, "Anna Jensen"));
  g_assert_cmpint (a->status, ==, KT_ACTIVITY_STATUS_DONE);
  assert_date (&a->done_date, "2026-05-20");
  g_assert_false (g_date_valid (&a->done_through));
  g_assert_false (kt_activity_next_open (a, &next));
  g_assert_false (kt_activity_apply_done (a, NULL, &date, "x"));
  g_assert_cmpint (kt_activity_occurrence_status (a, &a->deadline), ==, KT_ACTIVITY_STATUS_DONE);

  g_assert_true (kt_activity_apply_reopen (a));
  g_assert_cmpint (a->status, ==, KT_ACTIVITY_STATUS_OPEN);
  g_assert_false (g_date_valid (&a->done_date));
  g_assert_null (a->done_by);
  g_assert_false (kt_activity_apply_reopen (a));
}

static void
test_cancelled (void)
{
  g_autoptr(KtActivity) a = activity_new ("2026-03-31", QUARTERLY, "");
  g_autoptr(KtContract) contract = kt_contract_new ();
  g_autoptr(GPtrArray) contracts = g_ptr_array_new ();
  g_autoptr(GPtrArray) activities = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = NULL;
  GDate next, from, to, today;

  g_assert_true (kt_activity_apply_done (a, NULL, NULL, NULL));
  a->status = KT_ACTIVITY_STATUS_CANCELLED;

  g_assert_false (kt_activity_next_open (a, &next));
  g_assert_false (kt_activity_apply_done (a, NULL, NULL, NULL));
  g_assert_cmpint (kt_activity_occurrence_status (a, &a->deadline), ==, KT_ACTIVITY_STATUS_DONE);
  parse ("2026-06-30", &next);
  g_assert_cmpint (kt_activity_occurrence_status (a, &next), ==, KT_ACTIVITY_STATUS_CANCELLED);

  /* The series stops at its last done occurrence. */
  contract->id = 1;
  contract->number = g_strdup ("K-1");
  contract->status = KT_STATUS_EXPIRED;   /* nothing derived */
  g_ptr_array_add (contracts, contract);
  g_ptr_array_add (activities, a);
  parse ("2026-01-01", &from);
  parse ("2027-12-31", &to);
  parse ("2026-05-01", &today);
  items = kt_deadlines_collect (contracts, activities, NULL, &today, &from, &to,
                                KT_DEADLINES_INCLUDE_OVERDUE);
  g_assert_cmpuint (items->len, ==, 1);
  assert_date (&((KtDeadlineItem *) g_ptr_array_index (items, 0))->date, "2026-03-31");

  g_assert_true (kt_activity_apply_reopen (a));
  g_assert_cmpint (a->status, ==, KT_ACTIVITY_STATUS_OPEN);
  assert_date (&a->done_through, "2026-03-31");
}

/* The occurrences the overview shows for a recurring activity, with the
 * status of each, and the overdue ones before the window. */
static void
test_collect_recurring (void)
{
  g_autoptr(KtActivity) a = activity_new ("2026-01-31", MONTHLY, "2026-12-31");
  g_autoptr(KtContract) contract = kt_contract_new ();
  g_autoptr(GPtrArray) contracts = g_ptr_array_new ();
  g_autoptr(GPtrArray) activities = g_ptr_array_new ();
  GDate from, to, today, through;
  static const struct {
    KtDeadlinesFlags flags;
    const char      *from;
    const char      *expected;   /* date:status (o open, d done) */
  } cases[] = {
    { KT_DEADLINES_DEFAULT, "2026-02-01",
      "2026-02-28:d,2026-03-31:o,2026-04-30:o,2026-05-31:o" },
    /* Overdue before the window: only the open ones. */
    { KT_DEADLINES_INCLUDE_OVERDUE, "2026-04-15",
      "2026-03-31:o,2026-04-30:o,2026-05-31:o" },
    { KT_DEADLINES_DEFAULT, "2026-04-15", "2026-04-30:o,2026-05-31:o" },
  };

  contract->id = 1;
  contract->number = g_strdup ("K-1");
  contract->status = KT_STATUS_EXPIRED;
  g_ptr_array_add (contracts, contract);
  g_ptr_array_add (activities, a);
  parse ("2026-02-28", &through);
  g_assert_true (kt_activity_apply_done (a, NULL, NULL, "x"));
  g_assert_true (kt_activity_apply_done (a, &through, NULL, "x"));

  parse ("2026-04-20", &today);
  parse ("2026-05-31", &to);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GString) got = g_string_new (NULL);

      parse (cases[i].from, &from);
      items = kt_deadlines_collect (contracts, activities, NULL, &today, &from, &to, cases[i].flags);

      for (guint k = 0; k < items->len; k++)
        {
          const KtDeadlineItem *item = g_ptr_array_index (items, k);
          g_autofree char *iso = kt_date_to_iso (&item->date);

          g_assert_true (item->recurring);
          g_assert_false (item->derived);
          g_assert_cmpint (item->activity_id, ==, 7);
          g_assert_cmpint (item->activity_version, ==, 3);
          g_string_append_printf (got, "%s%s:%c", k > 0 ? "," : "", iso,
                                  item->status == KT_ACTIVITY_STATUS_DONE ? 'd' : 'o');
          /* Who and when only for the occurrence marked last. */
          if (g_date_compare (&item->date, &through) == 0)
            g_assert_cmpstr (item->done_by, ==, "x");
          else
            g_assert_null (item->done_by);
        }
      g_assert_cmpstr (got->str, ==, cases[i].expected);
    }
}

static void
test_validate (void)
{
  static const struct {
    const char   *deadline;
    KtRecurrence  recurrence;
    const char   *until;
    const char   *done_through;
    const char   *field;   /* NULL: valid */
  } cases[] = {
    { "2026-01-31", MONTHLY, "2026-12-31", "2026-02-28", NULL },
    { "2026-01-31", MONTHLY, "", "", NULL },
    { "", MONTHLY, "", "", "deadline" },
    { "2026-01-31", MONTHLY, "2026-01-30", "", "recurrence_until" },
    { "2026-01-31", NONE, "2026-12-31", "", "recurrence_until" },
    { "2026-01-31", NONE, "", "2026-01-31", "done_through" },
    { "2026-01-31", MONTHLY, "", "2026-02-27", "done_through" },
    { "2026-01-31", MONTHLY, "2026-03-31", "2026-04-30", "done_through" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KtActivity) a = activity_new (cases[i].deadline, cases[i].recurrence,
                                              cases[i].until);
      g_autoptr(GPtrArray) problems = NULL;

      g_test_message ("case %u", i);
      parse (cases[i].done_through, &a->done_through);
      problems = kt_activity_validate (a);
      if (cases[i].field == NULL)
        g_assert_cmpuint (problems->len, ==, 0);
      else
        g_assert_nonnull (kt_validation_find (problems, cases[i].field));
    }

  {
    g_autoptr(KtActivity) a = kt_activity_new ();
    g_autoptr(GPtrArray) problems = kt_activity_validate (a);

    g_assert_nonnull (kt_validation_find (problems, "contract_id"));
    g_assert_nonnull (kt_validation_find (problems, "deadline"));
    g_assert_nonnull (kt_validation_find (problems, "description"));

    a->description = g_strdup ("   ");
    g_clear_pointer (&problems, g_ptr_array_unref);
    problems = kt_activity_validate (a);
    g_assert_nonnull (kt_validation_find (problems, "description"));

    /* A one-off marked done needs to say when. */
    a->status = KT_ACTIVITY_STATUS_DONE;
    g_clear_pointer (&problems, g_ptr_array_unref);
    problems = kt_activity_validate (a);
    g_assert_nonnull (kt_validation_find (problems, "done_date"));
  }
}

static void
test_copy_equal (void)
{
  g_autoptr(KtActivity) a = activity_new ("2026-01-31", MONTHLY, "2026-12-31");
  g_autoptr(KtActivity) b = NULL;

  a->clause_ref = g_strdup ("pkt. 12.3");
  a->notes = g_strdup ("Husk referat");
  a->contract_name = g_strdup ("ESDH");
  b = kt_activity_copy (a);
  g_assert_true (kt_activity_equal_fields (a, b));
  g_assert_cmpstr (b->contract_name, ==, "ESDH");
  g_assert_true (b->clause_ref != a->clause_ref);

  /* Display fields, id and version do not count; NULL equals "". */
  g_free (b->contract_name);
  b->contract_name = g_strdup ("other");
  b->id = 99;
  b->version = 99;
  g_free (b->notes);
  b->notes = NULL;
  a->notes[0] = '\0';
  g_assert_true (kt_activity_equal_fields (a, b));

  parse ("2026-02-28", &b->done_through);
  g_assert_false (kt_activity_equal_fields (a, b));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/recurrence/occurrence", test_occurrence);
  g_test_add_func ("/model/recurrence/window", test_occurrences_in_window);
  g_test_add_func ("/model/recurrence/is-occurrence", test_is_occurrence);
  g_test_add_func ("/model/recurrence/done-recurring", test_done_recurring);
  g_test_add_func ("/model/recurrence/done-monthly-end", test_done_monthly_end);
  g_test_add_func ("/model/recurrence/done-one-off", test_done_one_off);
  g_test_add_func ("/model/recurrence/cancelled", test_cancelled);
  g_test_add_func ("/model/recurrence/collect", test_collect_recurring);
  g_test_add_func ("/model/activity/validate", test_validate);
  g_test_add_func ("/model/activity/copy-equal", test_copy_equal);

  return g_test_run ();
}
