/* test-calendar-export.c — the deadlines as iCalendar, parsed back with libical
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "kt-calendar-export.h"
#include "kt-deadlines.h"
#include "kt-example.h"
#include "kt-format.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

#define CONTRACT_NAME "Læringsplatform, skoler; \"ny\" \\ 2"

typedef struct {
  char    *dir;
  char    *path;
  KtStore *store;
  GDate    today;
  gint64   jens_id;
  gint64   mette_id;
  gint64   kt1_id;
  gint64   kt2_id;
  gint64   report_id;      /* one-off, open, in ten days */
  gint64   overdue_id;     /* one-off, open, before the window */
  gint64   done_id;
  gint64   cancelled_id;
  gint64   meeting_id;     /* monthly, four occurrences */
} Fixture;

static void
set_date (GDate      *date,
          const char *iso)
{
  g_assert_true (kt_date_from_iso (iso, date));
}

static gint64
add_person (KtStore    *store,
            const char *name)
{
  g_autoptr(KtPerson) person = kt_person_new ();
  g_autoptr(GError) error = NULL;

  person->name = g_strdup (name);
  person->roles = 1 << KT_ROLE_CONTRACT_MANAGER;
  kt_store_insert_person (store, person, &error);
  g_assert_no_error (error);
  return person->id;
}

static gint64
add_activity (Fixture          *f,
              gint64            contract_id,
              KtActivityType    type,
              const char       *deadline,
              gint64            responsible_id,
              const char       *description,
              const char       *clause,
              KtRecurrence      recurrence,
              const char       *until,
              KtActivityStatus  status)
{
  g_autoptr(KtActivity) a = kt_activity_new ();
  g_autoptr(GError) error = NULL;

  a->contract_id = contract_id;
  a->type = type;
  set_date (&a->deadline, deadline);
  a->responsible_id = responsible_id;
  a->description = g_strdup (description);
  a->clause_ref = g_strdup (clause);
  a->recurrence = recurrence;
  if (until != NULL)
    set_date (&a->recurrence_until, until);
  a->status = status;
  kt_store_insert_activity (f->store, a, &error);
  g_assert_no_error (error);
  return a->id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KtSupplier) supplier = kt_supplier_new ();
  g_autoptr(KtContract) kt1 = kt_contract_new ();
  g_autoptr(KtContract) kt2 = kt_contract_new ();
  g_autoptr(KtActivity) done = NULL;
  g_autoptr(GError) error = NULL;
  GDate done_on;

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);

  f->dir = g_dir_make_tmp ("kt-test-calendar-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "calendar.kontrakter", NULL);
  f->store = kt_store_open (f->path, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  set_date (&f->today, "2026-03-16");

  f->jens_id = add_person (f->store, "Jens Hansen");
  f->mette_id = add_person (f->store, "Mette Ølgaard");

  supplier->name = g_strdup ("Læringsrummet ApS");
  supplier->cvr = g_strdup ("10000009");
  kt_store_insert_supplier (f->store, supplier, &error);
  g_assert_no_error (error);

  /* Fixed term to the end of 2026: notice day, decision date,
   * re-procurement start, expiry and a yearly price regulation */
  kt1->number = g_strdup ("KT-2022-001");
  kt1->name = g_strdup (CONTRACT_NAME);
  kt1->category = KT_CATEGORY_LICENCE;
  kt1->status = KT_STATUS_ACTIVE;
  kt1->supplier_id = supplier->id;
  kt1->administrator_id = f->jens_id;
  kt1->contract_sum = 123456789;
  set_date (&kt1->start_date, "2022-01-01");
  set_date (&kt1->end_date, "2026-12-31");
  kt1->notice_months = 3;
  kt1->notice_rule = KT_NOTICE_RULE_ANY_DAY;
  kt1->price_index = KT_PRICE_INDEX_NET_PRICE;
  set_date (&kt1->price_regulation_date, "2023-06-01");
  kt_store_insert_contract (f->store, kt1, &error);
  g_assert_no_error (error);
  f->kt1_id = kt1->id;

  /* Running, administered by Mette, irrevocable until the end of 2027: a
   * notice day and a decision date for leaving then */
  kt2->number = g_strdup ("KT-2023-007");
  kt2->name = g_strdup ("Økonomisystem");
  kt2->category = KT_CATEGORY_OPERATION;
  kt2->status = KT_STATUS_ACTIVE;
  kt2->supplier_id = supplier->id;
  kt2->administrator_id = f->mette_id;
  kt2->running = TRUE;
  set_date (&kt2->start_date, "2023-01-01");
  set_date (&kt2->irrevocable_until, "2027-12-31");
  kt2->notice_months = 6;
  kt2->notice_rule = KT_NOTICE_RULE_QUARTER_END;
  kt_store_insert_contract (f->store, kt2, &error);
  g_assert_no_error (error);
  f->kt2_id = kt2->id;

  f->report_id = add_activity (f, f->kt1_id, KT_ACTIVITY_CONTROL_REPORT, "2026-03-26", f->mette_id,
                               "Gennemgå revisionserklæringen,\nmed leverandøren; \"bilag\"",
                               "pkt. 12.3", KT_RECURRENCE_NONE, NULL, KT_ACTIVITY_STATUS_OPEN);
  f->overdue_id = add_activity (f, f->kt2_id, KT_ACTIVITY_PAYMENT_DEADLINE, "2026-01-10",
                                f->mette_id, "Betal licensen", NULL, KT_RECURRENCE_NONE, NULL,
                                KT_ACTIVITY_STATUS_OPEN);
  f->done_id = add_activity (f, f->kt1_id, KT_ACTIVITY_MILESTONE, "2026-03-01", f->jens_id,
                             "Delleverance 2 godkendt", NULL, KT_RECURRENCE_NONE, NULL,
                             KT_ACTIVITY_STATUS_OPEN);
  f->cancelled_id = add_activity (f, f->kt1_id, KT_ACTIVITY_STATUS_MEETING, "2026-04-20",
                                  f->jens_id, "Statusmøde", NULL, KT_RECURRENCE_NONE, NULL,
                                  KT_ACTIVITY_STATUS_CANCELLED);
  f->meeting_id = add_activity (f, f->kt1_id, KT_ACTIVITY_STEERING_MEETING, "2026-03-31",
                                f->jens_id, "Styregruppemøde", NULL, KT_RECURRENCE_MONTHLY,
                                "2026-06-30", KT_ACTIVITY_STATUS_OPEN);
  /* After the window: never exported */
  add_activity (f, f->kt1_id, KT_ACTIVITY_OTHER, "2029-01-01", f->jens_id, "Langt ude", NULL,
                KT_RECURRENCE_NONE, NULL, KT_ACTIVITY_STATUS_OPEN);

  done = kt_store_get_activity (f->store, f->done_id, &error);
  g_assert_no_error (error);
  set_date (&done_on, "2026-03-02");
  kt_store_mark_activity_done (f->store, f->done_id, done->version, NULL, &done_on, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
options_for (Fixture                 *f,
             KtCalendarExportOptions *options,
             const char              *person)
{
  kt_calendar_export_options_init (options);
  options->today = f->today;
  options->person = person;
}

/* What the export must contain, computed here without it. */
static GPtrArray *
expected_items (KtStore     *store,
                const GDate *today,
                const char  *person)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(KtDeadlineSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  GDate from = *today, to = *today;

  g_date_subtract_days (&from, 30);
  g_date_add_years (&to, 2);

  contracts = kt_store_list_contracts (store, &error);
  g_assert_no_error (error);
  activities = kt_store_list_activities_in_window (store, &from, &to, TRUE, &error);
  g_assert_no_error (error);
  settings = kt_store_get_deadline_settings (store, &error);
  g_assert_no_error (error);

  items = kt_deadlines_collect (contracts, activities, settings, today, &from, &to,
                                KT_DEADLINES_INCLUDE_OVERDUE);
  for (guint i = items->len; person != NULL && i > 0; i--)
    {
      KtDeadlineItem *item = g_ptr_array_index (items, i - 1);

      if (g_strcmp0 (item->responsible_name, person) != 0)
        g_ptr_array_remove_index (items, i - 1);
    }
  return items;
}

static icalcomponent *
parse_file (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  /* RFC 5545: CRLF line ends */
  g_assert_nonnull (strstr (text, "BEGIN:VCALENDAR\r\n"));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

static void
assert_ical_date (struct icaltimetype  t,
                  const GDate         *date)
{
  g_assert_true (t.is_date);
  g_assert_cmpint (t.year, ==, g_date_get_year (date));
  g_assert_cmpint (t.month, ==, g_date_get_month (date));
  g_assert_cmpint (t.day, ==, g_date_get_day (date));
}

static const char *
label_of (const KtDeadlineItem *item)
{
  return item->derived ? kt_enum_label (KT_ENUM_DERIVED_KIND, item->derived_kind)
                       : kt_enum_label (KT_ENUM_ACTIVITY_TYPE, item->type);
}

static gboolean
has_category (icalcomponent *event,
              const char    *category)
{
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (event, ICAL_CATEGORIES_PROPERTY))
    if (g_strcmp0 (icalproperty_get_categories (p), category) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

/* Every event against its entry, in order, field by field. */
static void
compare_events (icalcomponent *calendar,
                GPtrArray     *items,
                const GDate   *today)
{
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  icalcomponent *event;
  guint i = 0;

  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, items->len);

  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT), i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);
      g_autofree char *uid = kt_calendar_export_uid (item);
      g_autofree char *summary = g_strdup_printf ("%s: %s %s", label_of (item),
                                                  item->contract_number, item->contract_name);
      const char *description = icalcomponent_get_description (event);
      KtUrgency urgency = kt_deadline_item_get_urgency (item, today);
      gboolean wants_alarm = urgency != KT_URGENCY_CLOSED && urgency != KT_URGENCY_PAST;
      KtActivityType filed = item->derived ? kt_derived_kind_activity_type (item->derived_kind)
                                           : item->type;
      icalcomponent *alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
      struct icaltimetype stamp = icalcomponent_get_dtstamp (event);
      GDate end = item->date;

      g_date_add_days (&end, 1);

      assert_ical_date (icalcomponent_get_dtstart (event), &item->date);
      assert_ical_date (icalcomponent_get_dtend (event), &end);
      g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);
      g_assert_true (g_hash_table_add (uids, g_strdup (uid)));
      g_assert_true (g_str_has_suffix (uid, "@kontrakter"));
      g_assert_cmpstr (icalcomponent_get_summary (event), ==, summary);
      g_assert_false (icaltime_is_null_time (stamp));
      g_assert_true (icaltime_is_utc (stamp));

      g_assert_nonnull (description);
      if (item->description != NULL)
        assert_contains (description, item->description);
      if (item->clause_ref != NULL)
        {
          g_autofree char *clause = g_strdup_printf ("Clause: %s", item->clause_ref);
          assert_contains (description, clause);
        }
      if (item->supplier_name != NULL)
        {
          g_autofree char *supplier = g_strdup_printf ("Supplier: %s", item->supplier_name);
          assert_contains (description, supplier);
        }
      if (item->responsible_name != NULL)
        {
          g_autofree char *responsible = g_strdup_printf ("Responsible: %s", item->responsible_name);
          assert_contains (description, responsible);
        }
      assert_contains (description, item->derived ? "Computed from the contract" : "activity");

      g_assert_true (has_category (event, "Kontrakter"));
      g_assert_true (has_category (event, kt_enum_label (KT_ENUM_ACTIVITY_TYPE, filed)));
      g_assert_cmpint (icalcomponent_get_status (event), ==,
                       item->status == KT_ACTIVITY_STATUS_CANCELLED ? ICAL_STATUS_CANCELLED
                                                                     : ICAL_STATUS_CONFIRMED);
      g_assert_cmpint (icalproperty_get_transp (icalcomponent_get_first_property (event, ICAL_TRANSP_PROPERTY)),
                       ==, ICAL_TRANSP_TRANSPARENT);

      if (wants_alarm)
        {
          icalproperty *trigger_prop = icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY);
          struct icaltriggertype trigger;

          g_assert_nonnull (alarm);
          g_assert_cmpint (icalproperty_get_action (icalcomponent_get_first_property (alarm, ICAL_ACTION_PROPERTY)),
                           ==, ICAL_ACTION_DISPLAY);
          g_assert_nonnull (trigger_prop);
          trigger = icalproperty_get_trigger (trigger_prop);
          g_assert_true (icaltime_is_null_time (trigger.time));
          g_assert_cmpint (icaldurationtype_as_int (trigger.duration), ==,
                           -(item->derived ? 7 : 1) * 24 * 3600);
          g_assert_cmpstr (icalcomponent_get_description (alarm), ==, summary);
        }
      else
        g_assert_null (alarm);
    }
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (event), uid) == 0)
      return event;
  return NULL;
}

static char *
export (Fixture    *f,
        const char *person,
        guint      *n_events)
{
  KtCalendarExportOptions options;
  g_autoptr(GError) error = NULL;
  char *out = g_build_filename (f->dir, "frister.ics", NULL);

  options_for (f, &options, person);
  g_assert_true (kt_calendar_export_store (f->store, &options, out, n_events, &error));
  g_assert_no_error (error);
  return out;
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *out = NULL;
  g_autofree char *uid = NULL;
  icalcomponent *event;
  icalproperty *name;
  guint n_events = 0, n_meetings = 0;

  out = export (f, NULL, &n_events);
  calendar = parse_file (out);
  items = expected_items (f->store, &f->today, NULL);
  g_assert_cmpuint (n_events, ==, items->len);
  compare_events (calendar, items, &f->today);

  g_assert_cmpstr (icalproperty_get_prodid (icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY)),
                   ==, "-//Kontrakter//Kontrakter//DA");
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)),
                   ==, "2.0");
  g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_PUBLISH);
  name = icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY);
  g_assert_cmpstr (icalproperty_get_x_name (name), ==, "X-WR-CALNAME");
  g_assert_cmpstr (icalproperty_get_x (name), ==, "Deadlines – calendar");

  /* By hand, independent of the comparison above: the expiry of KT-1 */
  uid = g_strdup_printf ("expiry-%" G_GINT64_FORMAT "@kontrakter", f->kt1_id);
  event = find_event (calendar, uid);
  g_assert_nonnull (event);
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (event)), ==, "20261231");
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtend (event)), ==, "20270101");
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Contract expires: KT-2022-001 " CONTRACT_NAME);
  g_assert_cmpstr (icalproperty_as_ical_string (icalcomponent_get_first_property (
                     icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT),
                     ICAL_TRIGGER_PROPERTY)), ==, "TRIGGER:-P7D\r\n");
  g_clear_pointer (&uid, g_free);

  /* The control report in ten days: text with commas, semicolons, quotes
   * and a line break comes back as it was written */
  uid = g_strdup_printf ("activity-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@kontrakter",
                         f->report_id, f->kt1_id);
  event = find_event (calendar, uid);
  g_assert_nonnull (event);
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (event)), ==, "20260326");
  g_assert_true (g_str_has_prefix (icalcomponent_get_description (event),
                                   "Gennemgå revisionserklæringen,\nmed leverandøren; \"bilag\"\n"
                                   "Clause: pkt. 12.3\nSupplier: Læringsrummet ApS\n"
                                   "Responsible: Mette Ølgaard\n"));
  g_assert_cmpstr (icalproperty_as_ical_string (icalcomponent_get_first_property (
                     icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT),
                     ICAL_TRIGGER_PROPERTY)), ==, "TRIGGER:-P1D\r\n");
  g_clear_pointer (&uid, g_free);

  /* Overdue from before the window: still there, with an alarm */
  uid = g_strdup_printf ("activity-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@kontrakter",
                         f->overdue_id, f->kt2_id);
  event = find_event (calendar, uid);
  g_assert_nonnull (event);
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (event)), ==, "20260110");
  g_assert_nonnull (icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT));
  g_clear_pointer (&uid, g_free);

  /* Done: no alarm, said so */
  uid = g_strdup_printf ("activity-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@kontrakter",
                         f->done_id, f->kt1_id);
  event = find_event (calendar, uid);
  g_assert_nonnull (event);
  g_assert_null (icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT));
  assert_contains (icalcomponent_get_description (event), "Done on 02.03.2026");
  g_clear_pointer (&uid, g_free);

  /* Cancelled: STATUS:CANCELLED, no alarm */
  uid = g_strdup_printf ("activity-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@kontrakter",
                         f->cancelled_id, f->kt1_id);
  event = find_event (calendar, uid);
  g_assert_nonnull (event);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
  g_assert_null (icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT));
  g_clear_pointer (&uid, g_free);

  /* Each occurrence of the monthly meeting is an event of its own */
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_autofree char *prefix = g_strdup_printf ("activity-%" G_GINT64_FORMAT "-", f->meeting_id);

      if (g_str_has_prefix (icalcomponent_get_uid (event), prefix))
        n_meetings++;
    }
  g_assert_cmpuint (n_meetings, ==, 4);
  uid = g_strdup_printf ("activity-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "-20260430@kontrakter",
                         f->meeting_id, f->kt1_id);
  g_assert_nonnull (find_event (calendar, uid));
  g_clear_pointer (&uid, g_free);

  /* The yearly price regulation carries its date */
  uid = g_strdup_printf ("price_regulation-%" G_GINT64_FORMAT "-20260601@kontrakter", f->kt1_id);
  g_assert_nonnull (find_event (calendar, uid));
  g_clear_pointer (&uid, g_free);

  /* Nothing after the window */
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    g_assert_cmpint (icalcomponent_get_dtstart (event).year, <=, 2028);
}

static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  KtCalendarExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = expected_items (f->store, &f->today, NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nobody.ics", NULL);
  const char *spellings[] = { "Mette Ølgaard", "mette ølgaard", "  METTE ØLGAARD ", NULL };

  for (guint s = 0; spellings[s] != NULL; s++)
    {
      g_autoptr(icalcomponent) calendar = NULL;
      g_autoptr(GPtrArray) items = expected_items (f->store, &f->today, "Mette Ølgaard");
      g_autofree char *out = NULL;
      guint n_events = 0;
      icalproperty *name;

      out = export (f, spellings[s], &n_events);
      calendar = parse_file (out);
      /* Her own activities and the running contract she administers */
      g_assert_cmpuint (items->len, >=, 4);
      g_assert_cmpuint (items->len, <, all->len);
      g_assert_cmpuint (n_events, ==, items->len);
      compare_events (calendar, items, &f->today);

      name = icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY);
      g_assert_cmpstr (icalproperty_get_x (name), ==, "Deadlines of Mette Ølgaard – calendar");
    }

  /* A name nobody has is an error, not an empty calendar */
  options_for (f, &options, "Mette Olgaard");
  g_assert_false (kt_calendar_export_store (f->store, &options, missing, NULL, &error));
  g_assert_error (error, KT_CALENDAR_EXPORT_ERROR, KT_CALENDAR_EXPORT_ERROR_NO_SUCH_PERSON);
  assert_contains (error->message, "Mette Olgaard");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Exporting again gives the same UIDs, and a moved one-off deadline keeps
 * its UID, so a calendar that imports the newer file moves the event. */
static void
test_stable_uids (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(icalcomponent) first = NULL;
  g_autoptr(icalcomponent) second = NULL;
  g_autoptr(KtActivity) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *uid = NULL;
  icalcomponent *a, *b;

  out = export (f, NULL, NULL);
  first = parse_file (out);

  report = kt_store_get_activity (f->store, f->report_id, &error);
  g_assert_no_error (error);
  set_date (&report->deadline, "2026-04-02");
  kt_store_update_activity (f->store, report, &error);
  g_assert_no_error (error);

  g_free (out);
  out = export (f, NULL, NULL);
  second = parse_file (out);

  g_assert_cmpint (icalcomponent_count_components (first, ICAL_VEVENT_COMPONENT), ==,
                   icalcomponent_count_components (second, ICAL_VEVENT_COMPONENT));
  for (a = icalcomponent_get_first_component (first, ICAL_VEVENT_COMPONENT);
       a != NULL; a = icalcomponent_get_next_component (first, ICAL_VEVENT_COMPONENT))
    g_assert_nonnull (find_event (second, icalcomponent_get_uid (a)));

  uid = g_strdup_printf ("activity-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@kontrakter",
                         f->report_id, f->kt1_id);
  a = find_event (first, uid);
  b = find_event (second, uid);
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (a)), ==, "20260326");
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (b)), ==, "20260402");
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.kontrakter", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.ics", NULL);
  g_autofree char *no_dir = g_build_filename (f->dir, "no-such-folder", "out.ics", NULL);
  g_autofree char *contents = NULL;
  guint n_before;

  g_assert_false (kt_calendar_export_file (missing, NULL, out, NULL, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);
  assert_contains (error->message, "missing.kontrakter");
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "Ikke en portefølje\n", -1, NULL));
  g_assert_false (kt_calendar_export_file (text, NULL, out, NULL, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_PORTFOLIO);
  g_clear_error (&error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_assert_false (kt_calendar_export_file (f->path, NULL, no_dir, NULL, &error));
  g_assert_error (error, KT_CALENDAR_EXPORT_ERROR, KT_CALENDAR_EXPORT_ERROR_WRITE);
  assert_contains (error->message, "out.ics");
  g_clear_error (&error);

  /* A folder in the way: refused, and nothing left behind */
  n_before = count_files (f->dir);
  g_assert_false (kt_calendar_export_file (f->path, NULL, f->dir, NULL, &error));
  g_assert_error (error, KT_CALENDAR_EXPORT_ERROR, KT_CALENDAR_EXPORT_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (f->dir), ==, n_before);

  /* The portfolio itself, or another document, is never replaced */
  g_assert_false (kt_calendar_export_file (f->path, NULL, f->path, NULL, &error));
  g_assert_error (error, KT_CALENDAR_EXPORT_ERROR, KT_CALENDAR_EXPORT_ERROR_WRITE);
  g_clear_error (&error);
  g_clear_object (&f->store);
  f->store = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (kt_calendar_export_file (f->path, NULL, text, NULL, &error));
  g_assert_error (error, KT_CALENDAR_EXPORT_ERROR, KT_CALENDAR_EXPORT_ERROR_WRITE);
  assert_contains (error->message, "notes.txt");
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (text, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Ikke en portefølje\n");
  g_clear_pointer (&contents, g_free);

  /* An earlier calendar is replaced as a whole, without a temporary left over */
  g_assert_true (g_file_set_contents (out, "BEGIN:VCALENDAR\r\nold", -1, NULL));
  n_before = count_files (f->dir);
  g_assert_true (kt_calendar_export_file (f->path, NULL, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (f->dir), ==, n_before);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_assert_null (strstr (contents, "old"));

  /* So is an empty file */
  g_assert_true (g_file_set_contents (out, "", 0, NULL));
  g_assert_true (kt_calendar_export_file (f->path, NULL, out, NULL, &error));
  g_assert_no_error (error);
}

/* The example portfolio: hundreds of entries, all parse, all unique. */
static void
test_example (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KtStore) store = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "example.kontrakter", NULL);
  g_autofree char *out = g_build_filename (f->dir, "example.ics", NULL);
  KtExampleOptions example;
  KtCalendarExportOptions options;
  guint n_events = 0;

  kt_example_options_init (&example);
  example.reference_date = f->today;
  store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (kt_example_populate (store, &example, &error));
  g_assert_no_error (error);

  options_for (f, &options, NULL);
  g_assert_true (kt_calendar_export_store (store, &options, out, &n_events, &error));
  g_assert_no_error (error);

  calendar = parse_file (out);
  items = expected_items (store, &f->today, NULL);
  g_assert_cmpuint (items->len, >, 50);
  g_assert_cmpuint (n_events, ==, items->len);
  compare_events (calendar, items, &f->today);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/io/calendar-export/events", test_events);
  ADD ("/io/calendar-export/person", test_person);
  ADD ("/io/calendar-export/stable-uids", test_stable_uids);
  ADD ("/io/calendar-export/errors", test_errors);
  ADD ("/io/calendar-export/example", test_example);
#undef ADD

  return g_test_run ();
}
