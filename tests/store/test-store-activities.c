/* test-store-activities.c — activities, deadline settings, schema version 2
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include "kt-deadlines.h"
#include "kt-format.h"
#include "kt-store-private.h"
#include "store-test-util.h"

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)

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

static gint64
add_contract (World      *world,
              const char *number)
{
  g_autoptr(KtContract) contract = test_contract_new (number, "Kontrakt");
  g_autoptr(GError) error = NULL;

  contract->supplier_id = world->supplier_id;
  contract->administrator_id = world->person_id;
  kt_store_insert_contract (world->store, contract, &error);
  g_assert_no_error (error);

  return contract->id;
}

static KtActivity *
activity_new (gint64        contract_id,
              gint64        responsible_id,
              const char   *deadline,
              KtRecurrence  recurrence,
              const char   *until)
{
  KtActivity *a = kt_activity_new ();

  a->contract_id = contract_id;
  a->responsible_id = responsible_id;
  a->type = KT_ACTIVITY_STATUS_MEETING;
  a->description = g_strdup ("Kontraktligt statusmøde");
  a->clause_ref = g_strdup ("pkt. 12.3");
  a->recurrence = recurrence;
  parse (deadline, &a->deadline);
  parse (until, &a->recurrence_until);

  return a;
}

static gint64
insert (KtStore    *store,
        KtActivity *activity)
{
  g_autoptr(GError) error = NULL;

  kt_store_insert_activity (store, activity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (activity->id, >, 0);

  return activity->id;
}

/* The audit rows of one activity as "action:field" newest first. */
static char *
audit_summary (KtStore *store,
               gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = kt_store_list_audit (store, "activity", id, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      const KtAuditEntry *entry = g_ptr_array_index (entries, i);

      g_string_append_printf (out, "%s%s%s%s", i > 0 ? " " : "", entry->action,
                              entry->field != NULL ? ":" : "", entry->field != NULL ? entry->field : "");
    }

  return g_string_free (out, FALSE);
}

static void
test_crud (StoreFixture  *fixture,
           gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtActivity) a = NULL;
  g_autoptr(KtActivity) b = NULL;
  g_autoptr(KtActivity) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gint64 contract_id, other_id;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  other_id = add_contract (&w, "K-2");

  a = activity_new (contract_id, w.person_id, "2026-06-30", KT_RECURRENCE_QUARTERLY, "2027-12-31");
  a->notes = g_strdup ("Dagsorden sendes en uge før");
  insert (w.store, a);
  g_assert_cmpint (a->version, ==, 1);
  g_assert_cmpstr (a->changed_by, ==, "tester");
  g_assert_nonnull (a->changed_at);

  b = activity_new (contract_id, 0, "2026-03-01", KT_RECURRENCE_NONE, "");
  b->type = KT_ACTIVITY_PRICE_REGULATION;
  insert (w.store, b);
  {
    g_autoptr(KtActivity) c = activity_new (other_id, 0, "2026-01-01", KT_RECURRENCE_NONE, "");
    insert (w.store, c);
  }

  read = kt_store_get_activity (w.store, a->id, &error);
  g_assert_no_error (error);
  g_assert_true (kt_activity_equal_fields (a, read));
  g_assert_cmpstr (read->contract_number, ==, "K-1");
  g_assert_cmpstr (read->contract_name, ==, "Kontrakt");
  g_assert_cmpstr (read->responsible_name, ==, "Anna Jensen");
  g_assert_cmpstr (read->changed_by, ==, "tester");
  g_assert_cmpint (read->version, ==, 1);

  /* Per contract, by deadline. */
  list = kt_store_list_activities (w.store, contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((KtActivity *) g_ptr_array_index (list, 0))->id, ==, b->id);
  g_assert_cmpint (((KtActivity *) g_ptr_array_index (list, 1))->id, ==, a->id);
  g_assert_null (((KtActivity *) g_ptr_array_index (list, 0))->responsible_name);

  /* Update: version bumps, each changed field in the trail. */
  g_free (read->description);
  read->description = g_strdup ("Statusmøde med leverandøren");
  parse ("2026-09-30", &read->deadline);
  g_assert_true (kt_store_update_activity (w.store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read->version, ==, 2);
  summary = audit_summary (w.store, a->id);
  g_assert_cmpstr (summary, ==, "update:description update:deadline insert");
  g_clear_pointer (&summary, g_free);

  /* No change, no write. */
  g_assert_true (kt_store_update_activity (w.store, read, &error));
  g_assert_cmpint (read->version, ==, 2);
  g_assert_cmpuint (audit_count (w.store, "activity", a->id), ==, 3);

  /* Soft delete and restore. */
  g_assert_true (kt_store_delete_activity (w.store, a->id, 2, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, kt_activity_free);
  read = kt_store_get_activity (w.store, a->id, &error);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);
  g_assert_null (read);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kt_store_list_activities (w.store, contract_id, &error);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_true (kt_store_restore_activity (w.store, a->id, &error));
  g_assert_no_error (error);
  g_assert_true (kt_store_restore_activity (w.store, a->id, &error));   /* twice: nothing */
  read = kt_store_get_activity (w.store, a->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->version, ==, 4);
  summary = audit_summary (w.store, a->id);
  g_assert_cmpstr (summary, ==, "restore delete update:description update:deadline insert");

  /* Activities of a deleted contract vanish with it. */
  {
    g_autoptr(KtContract) contract = kt_store_get_contract (w.store, contract_id, &error);

    g_assert_true (kt_store_delete_contract (w.store, contract_id, contract->version, &error));
    g_assert_no_error (error);
    g_clear_pointer (&list, g_ptr_array_unref);
    list = kt_store_list_activities (w.store, contract_id, &error);
    g_assert_cmpuint (list->len, ==, 0);
    g_clear_pointer (&read, kt_activity_free);
    read = kt_store_get_activity (w.store, a->id, &error);
    g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);

    /* ... and cannot get new ones. */
    g_clear_pointer (&a, kt_activity_free);
    a = activity_new (contract_id, 0, "2026-06-30", KT_RECURRENCE_NONE, "");
    g_assert_false (kt_store_insert_activity (w.store, a, &error));
    g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
    g_assert_cmpint (a->id, ==, 0);
  }

  world_clear (&w);
}

static void
test_invalid (StoreFixture  *fixture,
              gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 contract_id;
  static const struct {
    const char *deadline;
    KtRecurrence recurrence;
    const char *until;
    const char *description;
    int type;
  } cases[] = {
    { "", KT_RECURRENCE_NONE, "", "x", KT_ACTIVITY_OTHER },
    { "2026-01-01", KT_RECURRENCE_NONE, "", "  ", KT_ACTIVITY_OTHER },
    { "2026-01-01", KT_RECURRENCE_MONTHLY, "2025-12-31", "x", KT_ACTIVITY_OTHER },
    { "2026-01-01", KT_RECURRENCE_NONE, "2026-12-31", "x", KT_ACTIVITY_OTHER },
    { "2026-01-01", KT_RECURRENCE_NONE, "", "x", 99 },
    { "2026-01-01", 17, "", "x", KT_ACTIVITY_OTHER },
  };

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KtActivity) a = activity_new (contract_id, 0, cases[i].deadline,
                                              cases[i].recurrence, cases[i].until);

      g_test_message ("case %u", i);
      g_free (a->description);
      a->description = g_strdup (cases[i].description);
      a->type = cases[i].type;
      g_assert_false (kt_store_insert_activity (w.store, a, &error));
      g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpint (a->id, ==, 0);
    }

  /* Foreign keys: no such person, no such contract. */
  {
    g_autoptr(KtActivity) a = activity_new (contract_id, 4242, "2026-01-01", KT_RECURRENCE_NONE, "");
    g_autoptr(KtActivity) b = activity_new (4242, 0, "2026-01-01", KT_RECURRENCE_NONE, "");

    g_assert_false (kt_store_insert_activity (w.store, a, &error));
    g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    g_assert_false (kt_store_insert_activity (w.store, b, &error));
    g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }

  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM activities"), ==, 0);
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM audit_log WHERE entity = 'activity'"),
                   ==, 0);

  /* The schema itself refuses what the store would not write. */
  g_assert_cmpint (test_sql_exec (w.path,
                                  "INSERT INTO activities (contract_id, type, deadline, description, "
                                  "status, recurrence) VALUES (1, 'other', '2026-02-30', 'x', 'open', "
                                  "'none')") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_sql_exec (w.path,
                                  "INSERT INTO activities (contract_id, type, deadline, description, "
                                  "status, recurrence, done_through) VALUES (1, 'other', '2026-02-01', "
                                  "'x', 'open', 'none', '2026-02-01')") & 0xff, ==, SQLITE_CONSTRAINT);

  world_clear (&w);
}

/* Every code of the activity enums passes the CHECK lists written out in
 * the schema. */
static void
test_every_code (StoreFixture  *fixture,
                 gconstpointer  data)
{
  World w = { 0 };
  gint64 contract_id;
  guint rounds;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");

  rounds = MAX (kt_enum_count (KT_ENUM_ACTIVITY_TYPE),
                MAX (kt_enum_count (KT_ENUM_ACTIVITY_STATUS), kt_enum_count (KT_ENUM_RECURRENCE)));

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(KtActivity) a = activity_new (contract_id, 0, "2026-01-31", KT_RECURRENCE_NONE, "");
      g_autoptr(KtActivity) read = NULL;
      g_autoptr(GError) error = NULL;

      a->type = i % kt_enum_count (KT_ENUM_ACTIVITY_TYPE);
      a->status = i % kt_enum_count (KT_ENUM_ACTIVITY_STATUS);
      a->recurrence = i % kt_enum_count (KT_ENUM_RECURRENCE);
      if (a->status == KT_ACTIVITY_STATUS_DONE)
        {
          parse ("2026-02-01", &a->done_date);
          a->done_by = g_strdup ("Anna");
        }

      insert (w.store, a);
      read = kt_store_get_activity (w.store, a->id, &error);
      g_assert_no_error (error);
      g_assert_true (kt_activity_equal_fields (a, read));
    }

  world_clear (&w);
}

static void
test_conflict (StoreFixture  *fixture,
               gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtStore) bent = NULL;
  g_autoptr(KtActivity) annas = NULL;
  g_autoptr(KtActivity) bents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contract_id;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  annas = activity_new (contract_id, 0, "2026-06-30", KT_RECURRENCE_NONE, "");
  insert (w.store, annas);

  bent = kt_store_open (w.path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (bent, "Bent Hansen", "pc-bent");
  bents = kt_store_get_activity (bent, annas->id, &error);
  g_assert_no_error (error);

  /* Bent saves first; Anna's save, delete and mark done are refused. */
  g_free (bents->clause_ref);
  bents->clause_ref = g_strdup ("pkt. 4");
  g_assert_true (kt_store_update_activity (bent, bents, &error));
  g_assert_no_error (error);

  annas->notes = g_strdup ("Annas note");
  g_assert_false (kt_store_update_activity (w.store, annas, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Bent Hansen"));
  g_assert_nonnull (strstr (error->message, "K-1"));
  g_clear_error (&error);
  g_assert_cmpint (annas->version, ==, 1);

  g_assert_false (kt_store_mark_activity_done (w.store, annas->id, 1, NULL, NULL, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (kt_store_reopen_activity (w.store, annas->id, 1, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (kt_store_delete_activity (w.store, annas->id, 1, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* With the version Bent left, it works; then Bent's copy is stale. */
  g_assert_true (kt_store_mark_activity_done (w.store, annas->id, 2, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (kt_store_delete_activity (bent, bents->id, bents->version, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "tester"));
  g_clear_error (&error);

  /* Deleted by one, changed by the other. */
  g_assert_true (kt_store_delete_activity (w.store, annas->id, 3, &error));
  g_assert_no_error (error);
  g_assert_false (kt_store_mark_activity_done (bent, annas->id, 4, NULL, NULL, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "deleted"));
  g_clear_error (&error);
  g_assert_false (kt_store_mark_activity_done (bent, 4242, 1, NULL, NULL, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);

  world_clear (&w);
}

static void
test_mark_done (StoreFixture  *fixture,
                gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtActivity) once = NULL;
  g_autoptr(KtActivity) series = NULL;
  g_autoptr(KtActivity) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gint64 contract_id;
  GDate date, done_on;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  once = activity_new (contract_id, 0, "2026-06-30", KT_RECURRENCE_NONE, "");
  insert (w.store, once);
  series = activity_new (contract_id, 0, "2026-01-31", KT_RECURRENCE_MONTHLY, "2026-04-30");
  insert (w.store, series);

  /* One-off. */
  parse ("2026-06-28", &done_on);
  g_assert_true (kt_store_mark_activity_done (w.store, once->id, 1, NULL, &done_on, &error));
  g_assert_no_error (error);
  read = kt_store_get_activity (w.store, once->id, &error);
  g_assert_cmpint (read->status, ==, KT_ACTIVITY_STATUS_DONE);
  assert_date (&read->done_date, "2026-06-28");
  g_assert_cmpstr (read->done_by, ==, "tester");
  g_assert_cmpint (read->version, ==, 2);
  summary = audit_summary (w.store, once->id);
  /* Newest first, and within one change in the order of the fields. */
  g_assert_cmpstr (summary, ==, "update:done_by update:done_date update:status insert");
  g_clear_pointer (&summary, g_free);

  g_assert_false (kt_store_mark_activity_done (w.store, once->id, 2, NULL, NULL, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kt_store_reopen_activity (w.store, once->id, 2, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, kt_activity_free);
  read = kt_store_get_activity (w.store, once->id, &error);
  g_assert_cmpint (read->status, ==, KT_ACTIVITY_STATUS_OPEN);
  g_assert_false (g_date_valid (&read->done_date));
  g_assert_null (read->done_by);
  g_assert_false (kt_store_reopen_activity (w.store, once->id, 3, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Recurring: through the overview's items, as the list does it. */
  {
    g_autoptr(GPtrArray) contracts = kt_store_list_contracts (w.store, &error);
    g_autoptr(GPtrArray) activities = NULL;
    g_autoptr(GPtrArray) items = NULL;
    const KtDeadlineItem *march = NULL;
    GDate from, to, today;

    parse ("2026-01-01", &from);
    parse ("2026-12-31", &to);
    parse ("2026-04-10", &today);
    activities = kt_store_list_activities_in_window (w.store, &from, &to, TRUE, &error);
    g_assert_no_error (error);
    items = kt_deadlines_collect (contracts, activities, NULL, &today, &from, &to,
                                  KT_DEADLINES_INCLUDE_OVERDUE);
    for (guint i = 0; i < items->len; i++)
      {
        const KtDeadlineItem *item = g_ptr_array_index (items, i);
        g_autofree char *iso = kt_date_to_iso (&item->date);

        if (item->activity_id == series->id && g_str_equal (iso, "2026-03-31"))
          march = item;
      }
    g_assert_nonnull (march);
    g_assert_true (march->recurring);
    g_assert_cmpint (kt_deadline_item_get_urgency (march, &today), ==, KT_URGENCY_OVERDUE);

    g_assert_true (kt_store_mark_activity_done (w.store, march->activity_id,
                                                march->activity_version, &march->date, NULL,
                                                &error));
    g_assert_no_error (error);
  }

  g_clear_pointer (&read, kt_activity_free);
  read = kt_store_get_activity (w.store, series->id, &error);
  assert_date (&read->done_through, "2026-03-31");
  assert_date (&read->deadline, "2026-01-31");
  g_assert_cmpint (read->status, ==, KT_ACTIVITY_STATUS_OPEN);
  g_assert_true (g_date_valid (&read->done_date));

  /* Not an occurrence, or done already. */
  parse ("2026-04-29", &date);
  g_assert_false (kt_store_mark_activity_done (w.store, series->id, 2, &date, NULL, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  parse ("2026-02-28", &date);
  g_assert_false (kt_store_mark_activity_done (w.store, series->id, 2, &date, NULL, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The last one closes it. */
  g_assert_true (kt_store_mark_activity_done (w.store, series->id, 2, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, kt_activity_free);
  read = kt_store_get_activity (w.store, series->id, &error);
  assert_date (&read->done_through, "2026-04-30");
  g_assert_cmpint (read->status, ==, KT_ACTIVITY_STATUS_DONE);
  summary = audit_summary (w.store, series->id);
  g_assert_cmpstr (summary, ==, "update:done_through update:status "
                              "update:done_through update:done_by update:done_date insert");

  g_assert_true (kt_store_reopen_activity (w.store, series->id, 3, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, kt_activity_free);
  read = kt_store_get_activity (w.store, series->id, &error);
  assert_date (&read->done_through, "2026-03-31");
  g_assert_cmpint (read->status, ==, KT_ACTIVITY_STATUS_OPEN);

  world_clear (&w);
}

static GPtrArray *
window_ids (KtStore    *store,
            const char *from_iso,
            const char *to_iso,
            gboolean    overdue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GPtrArray *ids = g_ptr_array_new ();
  GDate from, to;

  parse (from_iso, &from);
  parse (to_iso, &to);
  list = kt_store_list_activities_in_window (store, &from, &to, overdue, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (ids, GINT_TO_POINTER (((KtActivity *) g_ptr_array_index (list, i))->id));

  return ids;
}

static gboolean
has_id (GPtrArray *ids,
        gint64     id)
{
  return g_ptr_array_find (ids, GINT_TO_POINTER (id), NULL);
}

static void
test_window (StoreFixture  *fixture,
             gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  gint64 contract_id, gone_id;
  gint64 in, before, after, series, ended, future, endless, deleted, of_deleted, done_before;
  g_autoptr(KtActivity) a = NULL;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  gone_id = add_contract (&w, "K-2");

#define ADD_ACTIVITY(var, cid, deadline, rec, until) \
  G_STMT_START { \
    g_autoptr(KtActivity) tmp_ = activity_new (cid, 0, deadline, rec, until); \
    var = insert (w.store, tmp_); \
  } G_STMT_END

  ADD_ACTIVITY (in, contract_id, "2026-05-01", KT_RECURRENCE_NONE, "");
  ADD_ACTIVITY (before, contract_id, "2026-03-31", KT_RECURRENCE_NONE, "");
  ADD_ACTIVITY (after, contract_id, "2027-04-02", KT_RECURRENCE_NONE, "");
  ADD_ACTIVITY (series, contract_id, "2024-01-31", KT_RECURRENCE_QUARTERLY, "2026-04-01");
  ADD_ACTIVITY (ended, contract_id, "2024-01-31", KT_RECURRENCE_QUARTERLY, "2026-03-31");
  ADD_ACTIVITY (future, contract_id, "2027-04-02", KT_RECURRENCE_MONTHLY, "");
  ADD_ACTIVITY (endless, contract_id, "2020-01-15", KT_RECURRENCE_YEARLY, "");
  ADD_ACTIVITY (deleted, contract_id, "2026-05-01", KT_RECURRENCE_NONE, "");
  ADD_ACTIVITY (of_deleted, gone_id, "2026-05-01", KT_RECURRENCE_NONE, "");
  ADD_ACTIVITY (done_before, contract_id, "2026-02-01", KT_RECURRENCE_NONE, "");
#undef ADD_ACTIVITY

  g_assert_true (kt_store_delete_activity (w.store, deleted, 1, &error));
  g_assert_true (kt_store_mark_activity_done (w.store, done_before, 1, NULL, NULL, &error));
  a = kt_store_get_activity (w.store, ended, &error);
  g_assert_no_error (error);
  {
    g_autoptr(KtContract) gone = kt_store_get_contract (w.store, gone_id, &error);

    g_assert_true (kt_store_delete_contract (w.store, gone_id, gone->version, &error));
    g_assert_no_error (error);
  }

  /* Window [2026-04-01, 2027-04-01]. */
  ids = window_ids (w.store, "2026-04-01", "2027-04-01", FALSE);
  g_assert_true (has_id (ids, in));
  g_assert_true (has_id (ids, series));      /* runs until the first day */
  g_assert_true (has_id (ids, endless));
  g_assert_false (has_id (ids, before));
  g_assert_false (has_id (ids, after));
  g_assert_false (has_id (ids, ended));
  g_assert_false (has_id (ids, future));
  g_assert_false (has_id (ids, deleted));
  g_assert_false (has_id (ids, of_deleted));
  g_assert_false (has_id (ids, done_before));
  g_assert_cmpuint (ids->len, ==, 3);
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* With the overdue ones: open rows before the window, also a series
   * that ended; not the done one. */
  ids = window_ids (w.store, "2026-04-01", "2027-04-01", TRUE);
  g_assert_true (has_id (ids, before));
  g_assert_true (has_id (ids, ended));
  g_assert_false (has_id (ids, done_before));
  g_assert_false (has_id (ids, after));
  g_assert_false (has_id (ids, future));
  g_assert_cmpuint (ids->len, ==, 5);
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* Bounds are inclusive. */
  ids = window_ids (w.store, "2027-04-02", "2027-04-02", FALSE);
  g_assert_true (has_id (ids, after));
  g_assert_true (has_id (ids, future));
  g_assert_true (has_id (ids, endless));
  g_assert_cmpuint (ids->len, ==, 3);

  world_clear (&w);
}

/* The window query is served by the indexes, not a scan of every row. */
static void
test_window_plan (StoreFixture  *fixture,
                  gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GDate from, to;

  world_init (&w, fixture);
  add_contract (&w, "K-1");

  /* Let the list fill the statement cache, then read its SQL back. */
  parse ("2026-01-01", &from);
  parse ("2026-12-31", &to);
  for (int overdue = 0; overdue < 2; overdue++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) list = kt_store_list_activities_in_window (w.store, &from, &to,
                                                                      overdue, &error);
      GHashTableIter iter;
      const char *sql;

      g_assert_no_error (error);
      g_hash_table_iter_init (&iter, w.store->statements);
      while (g_hash_table_iter_next (&iter, (gpointer *) &sql, NULL))
        {
          g_autofree char *explain = NULL;

          if (strstr (sql, "a.last_date >= ?1") == NULL)
            continue;
          if ((strstr (sql, "UNION ALL") != NULL) != overdue)
            continue;

          g_assert_cmpint (sqlite3_open_v2 (w.path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
          explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
          g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
          sqlite3_bind_text (stmt, 1, "2026-01-01", -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, "2026-12-31", -1, SQLITE_STATIC);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            g_string_append_printf (plan, "%d: %s\n", overdue, sqlite3_column_text (stmt, 3));
          sqlite3_finalize (stmt);
          sqlite3_close (db);
        }
    }

  g_test_message ("%s", plan->str);
  g_assert_nonnull (strstr (plan->str, "0: SEARCH a USING INDEX activities_last_date"));
  g_assert_nonnull (strstr (plan->str, "1: SEARCH a USING INDEX activities_last_date"));
  g_assert_nonnull (strstr (plan->str, "1: SEARCH a USING INDEX activities_open"));
  g_assert_null (strstr (plan->str, "SCAN a"));

  world_clear (&w);
}

static void
test_settings (StoreFixture  *fixture,
               gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDeadlineSettings) defaults = kt_deadline_settings_new ();
  g_autoptr(KtDeadlineSettings) settings = NULL;
  g_autoptr(KtDeadlineSettings) stale = NULL;
  g_autoptr(KtDeadlineSettings) seen = NULL;
  g_autoptr(KtStore) bent = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  world_init (&w, fixture);

  /* A new file holds the defaults of this version. */
  settings = kt_store_get_deadline_settings (w.store, &error);
  g_assert_no_error (error);
  g_assert_true (kt_deadline_settings_equal_fields (settings, defaults));
  g_assert_cmpint (settings->id, ==, 1);
  g_assert_cmpint (settings->version, ==, 1);
  stale = kt_deadline_settings_copy (settings);

  settings->decision_buffer_days = 45;
  settings->lead_months[KT_PROCUREMENT_KOMBIT] = 24;
  g_assert_true (kt_store_set_deadline_settings (w.store, settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (settings->version, ==, 2);
  g_assert_cmpstr (settings->changed_by, ==, "tester");

  audit = kt_store_list_audit (w.store, "settings", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpstr (((KtAuditEntry *) g_ptr_array_index (audit, 0))->field, ==, "lead_months_kombit");
  g_assert_cmpstr (((KtAuditEntry *) g_ptr_array_index (audit, 0))->old_value, ==, "18");
  g_assert_cmpstr (((KtAuditEntry *) g_ptr_array_index (audit, 0))->new_value, ==, "24");
  g_assert_cmpstr (((KtAuditEntry *) g_ptr_array_index (audit, 1))->field, ==, "decision_buffer_days");

  /* A colleague sees them. */
  bent = kt_store_open (w.path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  seen = kt_store_get_deadline_settings (bent, &error);
  g_assert_true (kt_deadline_settings_equal_fields (seen, settings));
  g_assert_cmpint (seen->version, ==, 2);

  /* A stale copy conflicts. */
  stale->decision_buffer_days = 10;
  g_assert_false (kt_store_set_deadline_settings (bent, stale, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Out of range. */
  seen->decision_buffer_days = KT_DEADLINE_MAX_DECISION_BUFFER_DAYS + 1;
  g_assert_false (kt_store_set_deadline_settings (bent, seen, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  seen->decision_buffer_days = 0;
  seen->lead_months[KT_PROCUREMENT_SKI] = KT_DEADLINE_MAX_LEAD_MONTHS + 1;
  g_assert_false (kt_store_set_deadline_settings (bent, seen, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (w.path, "SELECT decision_buffer_days FROM deadline_settings"), ==, 45);

  world_clear (&w);
}

static void
test_read_only (StoreFixture  *fixture,
                gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtStore) store = NULL;
  g_autoptr(KtActivity) a = NULL;
  g_autoptr(KtDeadlineSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contract_id;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  a = activity_new (contract_id, 0, "2026-06-30", KT_RECURRENCE_NONE, "");
  insert (w.store, a);
  g_clear_object (&w.store);

  store = kt_store_open (w.path, KT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_assert_false (kt_store_update_activity (store, a, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (kt_store_mark_activity_done (store, a->id, 1, NULL, NULL, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (kt_store_delete_activity (store, a->id, 1, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  settings = kt_store_get_deadline_settings (store, &error);
  g_assert_no_error (error);
  g_assert_false (kt_store_set_deadline_settings (store, settings, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY);

  world_clear (&w);
}

/* A file of schema version 1, written by version 1's own SQL, with data
 * and an audit trail: opened, it gains the activities, the settings and
 * the wider audit trail, and keeps everything it had. */
static void
test_migrate_from_v1 (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "v1.kontrakter");
  g_autoptr(KtStore) store = NULL;
  g_autoptr(KtDeadlineSettings) settings = NULL;
  g_autoptr(KtDeadlineSettings) defaults = kt_deadline_settings_new ();
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(KtActivity) a = NULL;
  g_autoptr(GError) error = NULL;

  kt_store_create_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'activities'"),
                   ==, 0);
  g_assert_cmpint (test_sql_exec (path,
                                  "INSERT INTO people (id, name) VALUES (1, 'Anna Jensen');"
                                  "INSERT INTO contracts (id, number, name, type, template_kind, status, "
                                  "  category, procurement_form, criticality, payment_model, "
                                  "  payment_frequency, price_index, notice_rule, end_date) VALUES "
                                  "  (1, 'K-1', 'ESDH', 'main', 'k02', 'active', 'operation', 'ski', "
                                  "  'high', 'subscription', 'yearly', 'none', 'any_day', '2027-12-31');"
                                  "INSERT INTO audit_log (id, at, user, host, entity, entity_id, action) "
                                  "  VALUES (5, '2024-01-02T10:00:00Z', 'aje', 'pc1', 'contract', 1, 'insert');"
                                  "INSERT INTO audit_log (id, at, user, host, entity, entity_id, action, "
                                  "  field, old_value, new_value) VALUES (9, '2024-01-03T10:00:00Z', 'aje', "
                                  "  'pc1', 'contract', 1, 'update', 'name', 'ESDH', 'ESDH-drift');"),
                   ==, SQLITE_OK);

  store = test_store_new (path);
  g_assert_cmpint (kt_store_get_schema_version (store), ==, kt_store_schema_version_latest ());
  g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==,
                   kt_store_schema_version_latest ());

  /* The trail kept its rows and ids, and still refuses changes. */
  audit = kt_store_list_audit (store, "contract", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 2);
  g_assert_cmpint (((KtAuditEntry *) g_ptr_array_index (audit, 0))->id, ==, 9);
  g_assert_cmpstr (((KtAuditEntry *) g_ptr_array_index (audit, 0))->new_value, ==, "ESDH-drift");
  g_assert_cmpint (((KtAuditEntry *) g_ptr_array_index (audit, 1))->id, ==, 5);
  g_assert_cmpint (test_sql_exec (path, "UPDATE audit_log SET user = 'x'") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_sql_exec (path, "DELETE FROM audit_log") & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM audit_log"), ==, 2);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log_v2'"),
                   ==, 0);

  settings = kt_store_get_deadline_settings (store, &error);
  g_assert_no_error (error);
  g_assert_true (kt_deadline_settings_equal_fields (settings, defaults));

  list = kt_store_list_activities (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  a = activity_new (1, 1, "2026-06-30", KT_RECURRENCE_YEARLY, "");
  insert (store, a);
  g_assert_cmpuint (audit_count (store, "activity", a->id), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT max(id) FROM audit_log"), ==, 10);

  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  {
    g_autofree char *check = test_sql_text (path, "PRAGMA integrity_check");
    g_assert_cmpstr (check, ==, "ok");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/activity/crud", test_crud);
  ADD ("/store/activity/invalid", test_invalid);
  ADD ("/store/activity/every-code", test_every_code);
  ADD ("/store/activity/conflict", test_conflict);
  ADD ("/store/activity/mark-done", test_mark_done);
  ADD ("/store/activity/window", test_window);
  ADD ("/store/activity/window-plan", test_window_plan);
  ADD ("/store/activity/read-only", test_read_only);
  ADD ("/store/settings/shared", test_settings);
  ADD ("/store/migrate/v1-to-activities", test_migrate_from_v1);

  return g_test_run ();
}
