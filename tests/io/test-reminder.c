/* test-reminder.c — the text of the deadline reminder and when it is new
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-format.h"
#include "kt-reminder.h"

static GDate today;

static KtContract *
contract_new (gint64      id,
              const char *number,
              const char *name)
{
  KtContract *contract = kt_contract_new ();

  contract->id = id;
  contract->number = g_strdup (number);
  contract->name = g_strdup (name);
  contract->status = KT_STATUS_ACTIVE;
  return contract;
}

static void
set_date (GDate      *date,
          const char *iso)
{
  g_assert_true (kt_date_from_iso (iso, date));
}

static void
add_activity (GPtrArray        *items,
              const KtContract *contract,
              gint64            id,
              KtActivityType    type,
              const char       *iso,
              KtActivityStatus  status)
{
  g_autoptr(KtActivity) activity = kt_activity_new ();

  activity->id = id;
  activity->contract_id = contract->id;
  activity->type = type;
  activity->status = status;
  activity->description = g_strdup ("Beskrivelse");
  set_date (&activity->deadline, iso);
  if (status == KT_ACTIVITY_STATUS_DONE)
    activity->done_date = activity->deadline;
  g_ptr_array_add (items, kt_deadline_item_new_activity (activity, contract, &activity->deadline));
}

static void
add_derived (GPtrArray        *items,
             const KtContract *contract,
             KtDerivedKind     kind,
             const char       *iso)
{
  GDate date;

  set_date (&date, iso);
  g_ptr_array_add (items, kt_deadline_item_new_derived (contract, kind, &date, NULL));
}

static GPtrArray *
items_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
}

static void
test_summary (void)
{
  g_autoptr(KtContract) kt1 = contract_new (1, "KT-2022-001", "Læringsplatform");
  g_autoptr(KtContract) kt2 = contract_new (2, "KT-2023-007", "Økonomisystem");
  g_autoptr(GPtrArray) items = items_new ();
  g_autoptr(KtReminder) reminder = NULL;

  add_activity (items, kt1, 10, KT_ACTIVITY_OTHER, "2026-08-20", KT_ACTIVITY_STATUS_OPEN);
  add_derived (items, kt2, KT_DERIVED_LAST_NOTICE_DAY, "2026-08-31");
  add_activity (items, kt1, 11, KT_ACTIVITY_MILESTONE, "2026-09-05", KT_ACTIVITY_STATUS_DONE);
  add_activity (items, kt1, 12, KT_ACTIVITY_STATUS_MEETING, "2026-09-06", KT_ACTIVITY_STATUS_CANCELLED);
  add_activity (items, kt1, 13, KT_ACTIVITY_CONTROL_REPORT, "2026-09-10", KT_ACTIVITY_STATUS_OPEN);
  add_derived (items, kt1, KT_DERIVED_LAST_NOTICE_DAY, "2026-09-30");
  /* One day past the horizon of 30 days */
  add_activity (items, kt2, 14, KT_ACTIVITY_OTHER, "2026-10-02", KT_ACTIVITY_STATUS_OPEN);

  reminder = kt_reminder_compose (items, &today, 30);
  g_assert_nonnull (reminder);
  g_assert_cmpuint (reminder->n_due, ==, 4);
  g_assert_cmpuint (reminder->n_overdue, ==, 2);
  g_assert_cmpuint (reminder->keys->len, ==, 4);
  g_assert_cmpstr (reminder->title, ==, "4 deadlines within 30 days");
  g_assert_cmpstr (reminder->body, ==,
                   "2 overdue"
                   " · Other activity KT-2022-001 Læringsplatform 20.08.2026"
                   " · Last day to give notice KT-2023-007 Økonomisystem 31.08.2026"
                   " · Control report KT-2022-001 Læringsplatform 10.09.2026"
                   " · Last day to give notice KT-2022-001 Læringsplatform 30.09.2026");

  /* The last day of the horizon counts */
  g_clear_pointer (&reminder, kt_reminder_free);
  reminder = kt_reminder_compose (items, &today, 31);
  g_assert_cmpuint (reminder->n_due, ==, 5);
  g_assert_cmpstr (reminder->title, ==, "5 deadlines within 31 days");
  g_assert_true (g_str_has_suffix (reminder->body, " · and 1 more"));
}

static void
test_many (void)
{
  g_autoptr(KtContract) kt1 = contract_new (1, "KT-2022-001", "Læringsplatform");
  g_autoptr(GPtrArray) items = items_new ();
  g_autoptr(KtReminder) reminder = NULL;
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *iso = g_strdup_printf ("2026-09-%02u", 2 + i);
      add_activity (items, kt1, 20 + i, KT_ACTIVITY_PAYMENT_DEADLINE, iso, KT_ACTIVITY_STATUS_OPEN);
    }

  reminder = kt_reminder_compose (items, &today, 30);
  g_assert_cmpuint (reminder->n_due, ==, 7);
  g_assert_cmpuint (reminder->n_overdue, ==, 0);
  g_assert_cmpstr (reminder->title, ==, "7 deadlines within 30 days");

  /* No overdue count; four entries, then the rest */
  parts = g_strsplit (reminder->body, " · ", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, KT_REMINDER_MAX_LISTED + 1);
  g_assert_cmpstr (parts[0], ==, "Payment deadline KT-2022-001 Læringsplatform 02.09.2026");
  g_assert_cmpstr (parts[3], ==, "Payment deadline KT-2022-001 Læringsplatform 05.09.2026");
  g_assert_cmpstr (parts[4], ==, "and 3 more");
}

static void
test_singular (void)
{
  g_autoptr(KtContract) nameless = contract_new (3, "KT-2024-003", NULL);
  g_autoptr(GPtrArray) items = items_new ();
  g_autoptr(KtReminder) reminder = NULL;

  add_derived (items, nameless, KT_DERIVED_EXPIRY, "2026-09-02");

  reminder = kt_reminder_compose (items, &today, 1);
  g_assert_nonnull (reminder);
  g_assert_cmpstr (reminder->title, ==, "1 deadline within 1 day");
  g_assert_cmpstr (reminder->body, ==, "Contract expires KT-2024-003 02.09.2026");

  g_clear_pointer (&reminder, kt_reminder_free);
  g_ptr_array_set_size (items, 0);
  add_activity (items, nameless, 30, KT_ACTIVITY_OTHER, "2026-08-31", KT_ACTIVITY_STATUS_OPEN);
  reminder = kt_reminder_compose (items, &today, 30);
  g_assert_cmpstr (reminder->title, ==, "1 deadline within 30 days");
  g_assert_cmpstr (reminder->body, ==, "1 overdue · Other activity KT-2024-003 31.08.2026");
}

static void
test_nothing (void)
{
  g_autoptr(KtContract) kt1 = contract_new (1, "KT-2022-001", "Læringsplatform");
  g_autoptr(GPtrArray) items = items_new ();
  g_autoptr(GPtrArray) open = items_new ();

  g_assert_null (kt_reminder_compose (items, &today, 30));

  /* Done, cancelled, a price regulation that has passed, later than the horizon */
  add_activity (items, kt1, 40, KT_ACTIVITY_MILESTONE, "2026-08-20", KT_ACTIVITY_STATUS_DONE);
  add_activity (items, kt1, 41, KT_ACTIVITY_MILESTONE, "2026-09-03", KT_ACTIVITY_STATUS_CANCELLED);
  add_derived (items, kt1, KT_DERIVED_PRICE_REGULATION, "2026-08-01");
  add_activity (items, kt1, 42, KT_ACTIVITY_OTHER, "2026-12-24", KT_ACTIVITY_STATUS_OPEN);
  g_assert_null (kt_reminder_compose (items, &today, 30));

  /* 0 days: reminders are off */
  add_activity (open, kt1, 43, KT_ACTIVITY_OTHER, "2026-08-31", KT_ACTIVITY_STATUS_OPEN);
  g_assert_null (kt_reminder_compose (open, &today, 0));
}

static void
test_keys (void)
{
  g_autoptr(KtContract) kt1 = contract_new (1, "KT-2022-001", "Læringsplatform");
  g_autoptr(GPtrArray) a = items_new ();
  g_autoptr(GPtrArray) b = items_new ();

  add_activity (a, kt1, 50, KT_ACTIVITY_OTHER, "2026-09-10", KT_ACTIVITY_STATUS_OPEN);
  add_activity (b, kt1, 50, KT_ACTIVITY_OTHER, "2026-09-10", KT_ACTIVITY_STATUS_OPEN);
  add_activity (b, kt1, 50, KT_ACTIVITY_OTHER, "2026-09-11", KT_ACTIVITY_STATUS_OPEN);
  add_activity (b, kt1, 51, KT_ACTIVITY_OTHER, "2026-09-10", KT_ACTIVITY_STATUS_OPEN);
  add_derived (b, kt1, KT_DERIVED_EXPIRY, "2026-09-10");
  add_derived (b, kt1, KT_DERIVED_LAST_NOTICE_DAY, "2026-09-10");

  /* The same entry made twice: one key */
  g_assert_cmpuint (kt_reminder_item_key (g_ptr_array_index (a, 0)), ==,
                    kt_reminder_item_key (g_ptr_array_index (b, 0)));
  /* Another date, activity or kind: another key */
  for (guint i = 0; i < b->len; i++)
    for (guint j = i + 1; j < b->len; j++)
      g_assert_cmpuint (kt_reminder_item_key (g_ptr_array_index (b, i)), !=,
                        kt_reminder_item_key (g_ptr_array_index (b, j)));
}

static void
test_news (void)
{
  g_autoptr(KtContract) kt1 = contract_new (1, "KT-2022-001", "Læringsplatform");
  g_autoptr(GPtrArray) items = items_new ();
  g_autoptr(KtReminder) all = NULL;
  g_autoptr(KtReminder) fewer = NULL;
  const guint32 *keys;
  guint n;

  add_activity (items, kt1, 60, KT_ACTIVITY_OTHER, "2026-08-30", KT_ACTIVITY_STATUS_OPEN);
  add_activity (items, kt1, 61, KT_ACTIVITY_OTHER, "2026-09-04", KT_ACTIVITY_STATUS_OPEN);
  add_activity (items, kt1, 62, KT_ACTIVITY_OTHER, "2026-09-09", KT_ACTIVITY_STATUS_OPEN);
  all = kt_reminder_compose (items, &today, 30);
  keys = (const guint32 *) all->keys->data;
  n = all->keys->len;
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (keys[i - 1], <, keys[i]);

  /* Never shown, or shown on another day: show it */
  g_assert_true (kt_reminder_has_news (all, &today, NULL, NULL, 0));
  g_assert_true (kt_reminder_has_news (all, &today, "", NULL, 0));
  g_assert_true (kt_reminder_has_news (all, &today, "2026-08-31", keys, n));

  /* Shown today with the same entries: not again */
  g_assert_false (kt_reminder_has_news (all, &today, "2026-09-01", keys, n));

  /* One was done since: nothing new */
  g_ptr_array_remove_index (items, 1);
  fewer = kt_reminder_compose (items, &today, 30);
  g_assert_false (kt_reminder_has_news (fewer, &today, "2026-09-01", keys, n));

  /* Shown today with fewer entries than now: something new */
  g_assert_true (kt_reminder_has_news (all, &today, "2026-09-01",
                                       (const guint32 *) fewer->keys->data, fewer->keys->len));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);
  set_date (&today, "2026-09-01");

  g_test_add_func ("/io/reminder/summary", test_summary);
  g_test_add_func ("/io/reminder/many", test_many);
  g_test_add_func ("/io/reminder/singular", test_singular);
  g_test_add_func ("/io/reminder/nothing", test_nothing);
  g_test_add_func ("/io/reminder/keys", test_keys);
  g_test_add_func ("/io/reminder/news", test_news);

  return g_test_run ();
}
