/* test-calendar-cli.c — `kontrakter --portfolio FILE --export-ics OUT` run as a
 * person would, without a display
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-calendar-cli PATH-TO-KONTRAKTER
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "cli-test-util.h"
#include "kt-calendar-export.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

typedef struct {
  char *dir;
  char *portfolio;   /* the example, written by the binary itself */
  char *out;
} Fixture;

/* Every call ends its arguments with NULL, as kt_cli_runv () wants */
#define run(result, ...) kt_cli_runv ((result), (const char *const[]) { __VA_ARGS__ })
#define exited_with kt_cli_exited_with
#define assert_fails kt_cli_assert_fails

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = kt_cli_make_example ("kt-test-calendar-cli-XXXXXX", &f->portfolio);
  f->out = g_build_filename (f->dir, "frister.ics", NULL);

}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  kt_cli_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->portfolio);
  g_free (f->out);
}

static icalcomponent *
parse_file (const char *path)
{
  g_autofree char *text = NULL;
  icalcomponent *calendar;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

/* How many entries the library finds for the same file and person. */
static guint
expected_count (const char *portfolio,
                const char *person)
{
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  KtCalendarExportOptions options;

  store = kt_store_open (portfolio, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_calendar_export_options_init (&options);
  options.person = person;
  items = kt_calendar_export_collect (store, &options, &error);
  g_assert_no_error (error);
  return items->len;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_auto(KtCliRun) result;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autofree char *said = NULL;
  int n, n_alarms = 0;

  run (&result, "--portfolio", f->portfolio, "--export-ics", f->out, NULL);
  g_assert_true (exited_with (&result, 0));

  calendar = parse_file (f->out);
  n = icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_cmpint (n, >, 0);
  g_assert_cmpint (n, ==, expected_count (f->portfolio, NULL));
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_nonnull (icalcomponent_get_summary (event));
      g_assert_true (icalcomponent_get_dtstart (event).is_date);
      if (icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT) != NULL)
        n_alarms++;
    }
  g_assert_cmpint (n_alarms, >, 0);

  said = g_strdup_printf ("Wrote %d deadlines to", n);
  g_assert_nonnull (strstr (result.out, said));
}

static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autofree char *shouted = NULL;
  const char *person = NULL;
  g_auto(KtCliRun) result;
  guint expected = 0;

  /* Someone who is responsible for something */
  store = kt_store_open (f->portfolio, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  people = kt_store_list_people (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len && expected == 0; i++)
    {
      const KtPerson *p = g_ptr_array_index (people, i);

      expected = expected_count (f->portfolio, p->name);
      person = p->name;
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, expected_count (f->portfolio, NULL));

  shouted = g_utf8_strup (person, -1);
  run (&result, "--portfolio", f->portfolio, "--export-ics", f->out, "--person", shouted, NULL);
  g_assert_true (exited_with (&result, 0));
  calendar = parse_file (f->out);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, expected);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.kontrakter", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *no_dir = g_build_filename (f->dir, "no-such-folder", "frister.ics", NULL);

  g_assert_true (g_file_set_contents (text, "Ikke en portefølje\n", -1, NULL));

  assert_fails ("does not exist", f->out,
                "--portfolio", missing, "--export-ics", f->out, NULL);
  assert_fails ("is not a Kontrakter portfolio", f->out,
                "--portfolio", text, "--export-ics", f->out, NULL);
  assert_fails ("could not be saved", NULL,
                "--portfolio", f->portfolio, "--export-ics", no_dir, NULL);
  assert_fails ("no person named", f->out,
                "--portfolio", f->portfolio, "--export-ics", f->out, "--person", "Ingen Sådan", NULL);
  assert_fails ("is not a calendar file", NULL,
                "--portfolio", f->portfolio, "--export-ics", f->portfolio, NULL);
  g_assert_true (g_file_test (f->portfolio, G_FILE_TEST_EXISTS));
  assert_fails ("--portfolio FILE", f->out,
                "--export-ics", f->out, NULL);
  assert_fails ("--person can only be used with --export-ics", NULL,
                "--portfolio", f->portfolio, "--person", "Jens", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-KONTRAKTER\n", argv[0]);
      return 1;
    }
  kt_cli_set_binary (argv[1]);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/io/calendar-cli/export", test_export);
  ADD ("/io/calendar-cli/person", test_person);
  ADD ("/io/calendar-cli/errors", test_errors);
#undef ADD

  return g_test_run ();
}
