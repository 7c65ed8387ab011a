/* test-format.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "kt-contract.h"
#include "kt-format.h"
#include "kt-model-error.h"

typedef struct {
  gint64 ore;
  const char *danish;
  const char *english;
} MoneyCase;

static void
check_money (char *(*format) (gint64),
             const MoneyCase *cases,
             guint            n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *danish = NULL;
      g_autofree char *english = NULL;

      kt_format_set_style (KT_FORMAT_STYLE_DANISH);
      danish = format (cases[i].ore);
      kt_format_set_style (KT_FORMAT_STYLE_ENGLISH);
      english = format (cases[i].ore);

      g_assert_cmpstr (danish, ==, cases[i].danish);
      g_assert_cmpstr (english, ==, cases[i].english);
    }
}

static void
test_money (void)
{
  static const MoneyCase cases[] = {
    { 123456750, "1.234.567,50 kr.", "DKK 1,234,567.50" },
    { 0, "0,00 kr.", "DKK 0.00" },
    { 5, "0,05 kr.", "DKK 0.05" },
    { 99999, "999,99 kr.", "DKK 999.99" },
    { 100000, "1.000,00 kr.", "DKK 1,000.00" },
    { -123450, "-1.234,50 kr.", "-DKK 1,234.50" },
    { G_MAXINT64, "92.233.720.368.547.758,07 kr.", "DKK 92,233,720,368,547,758.07" },
    { G_MININT64 + 1, "-92.233.720.368.547.758,07 kr.", "-DKK 92,233,720,368,547,758.07" },
    { KT_MONEY_NONE, "", "" },
  };

  check_money (kt_format_money, cases, G_N_ELEMENTS (cases));
}

static void
test_money_short (void)
{
  static const MoneyCase cases[] = {
    { 123456750, "1.234.568 kr.", "DKK 1,234,568" },
    { 123456749, "1.234.567 kr.", "DKK 1,234,567" },
    { 49, "0 kr.", "DKK 0" },
    { 50, "1 kr.", "DKK 1" },
    { -150, "-2 kr.", "-DKK 2" },
    { 100000000, "1.000.000 kr.", "DKK 1,000,000" },
    { KT_MONEY_NONE, "", "" },
  };

  check_money (kt_format_money_short, cases, G_N_ELEMENTS (cases));
}

static void
test_money_input (void)
{
  static const MoneyCase cases[] = {
    { 123456750, "1.234.567,50", "1,234,567.50" },
    { -5, "-0,05", "-0.05" },
    { KT_MONEY_NONE, "", "" },
  };

  check_money (kt_format_money_input, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_money_danish (void)
{
  static const struct {
    const char *text;
    gint64 ore;
  } cases[] = {
    { "1.234.567,50", 123456750 },
    { "1234567,5", 123456750 },
    { "1234567", 123456700 },
    { "1.234 kr.", 123400 },
    { "1.234 kr", 123400 },
    { "1.234,-", 123400 },
    { "  12 345,25 ", 1234525 },
    { "1 234 567", 123456700 },
    { "-1.234,50 kr.", -123450 },
    { "DKK 1.000", 100000 },
    { "0,05", 5 },
    { "0", 0 },
    { "1234.5", 123450 },       /* a decimal point: a group has 3 digits */
    { "1.234", 123400 },        /* a thousands separator */
    { "92.233.720.368.547.758,07", G_MAXINT64 - 0 },
  };

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 ore = 0;

      g_test_message ("parsing \"%s\"", cases[i].text);
      g_assert_true (kt_parse_money (cases[i].text, &ore, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ore, ==, cases[i].ore);
    }
}

static void
test_parse_money_english (void)
{
  static const struct {
    const char *text;
    gint64 ore;
  } cases[] = {
    { "1,234.50", 123450 },
    { "DKK 1,234,567.50", 123456750 },
    { "-DKK 1,234.50", -123450 },
    { "1234567", 123456700 },
    { "12.5", 1250 },
    { "1,5", 150 },
  };

  kt_format_set_style (KT_FORMAT_STYLE_ENGLISH);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 ore = 0;

      g_test_message ("parsing \"%s\"", cases[i].text);
      g_assert_true (kt_parse_money (cases[i].text, &ore, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ore, ==, cases[i].ore);
    }
}

static void
test_parse_money_errors (void)
{
  static const char *danish_garbage[] = {
    "", "   ", "kr.", "abc", "12a", "1,2,3", "1.23.456", "12.34.56,00",
    "1,234", "1.234,567", "--5", "5-", "1.234,5x", ",50", "1.", "1e6",
    "92.233.720.368.547.758,08", "100000000000000000000",
  };

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);

  for (guint i = 0; i < G_N_ELEMENTS (danish_garbage); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 ore = 77;

      g_test_message ("parsing \"%s\"", danish_garbage[i]);
      g_assert_false (kt_parse_money (danish_garbage[i], &ore, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == KT_MODEL_ERROR);
      g_assert_cmpint (ore, ==, 77);
    }
}

static void
test_money_round_trip (void)
{
  static const gint64 amounts[] = { 0, 1, 10, 99, 100, 123456750, -987654321, 100000000000 };

  for (KtFormatStyle style = KT_FORMAT_STYLE_DANISH; style <= KT_FORMAT_STYLE_ENGLISH; style++)
    {
      kt_format_set_style (style);

      for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
        {
          g_autofree char *full = kt_format_money (amounts[i]);
          g_autofree char *input = kt_format_money_input (amounts[i]);
          gint64 ore = 0;

          g_assert_true (kt_parse_money (full, &ore, NULL));
          g_assert_cmpint (ore, ==, amounts[i]);
          g_assert_true (kt_parse_money (input, &ore, NULL));
          g_assert_cmpint (ore, ==, amounts[i]);
        }
    }
}

static void
test_dates (void)
{
  GDate date;
  g_autofree char *unset = NULL;

  g_date_clear (&date, 1);
  unset = kt_format_date (&date);
  g_assert_cmpstr (unset, ==, "");

  g_date_set_dmy (&date, 26, G_DATE_NOVEMBER, 2026);

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);
  {
    g_autofree char *text = kt_format_date (&date);
    g_autofree char *long_text = kt_format_date_long (&date);

    g_assert_cmpstr (text, ==, "26.11.2026");
    /* The month name comes from the translation, not loaded here. */
    g_assert_cmpstr (long_text, ==, "26. Nov 2026");
  }

  kt_format_set_style (KT_FORMAT_STYLE_ENGLISH);
  {
    g_autofree char *text = kt_format_date (&date);
    g_autofree char *long_text = kt_format_date_long (&date);

    g_assert_cmpstr (text, ==, "2026-11-26");
    g_assert_cmpstr (long_text, ==, "26 Nov 2026");
  }

  g_date_set_dmy (&date, 1, G_DATE_JUNE, 2018);
  kt_format_set_style (KT_FORMAT_STYLE_DANISH);
  {
    g_autofree char *text = kt_format_date (&date);

    g_assert_cmpstr (text, ==, "01.06.2018");
  }
}

static void
test_parse_date (void)
{
  static const struct {
    const char *text;
    guint day, month, year;
  } cases[] = {
    { "26.11.2026", 26, 11, 2026 },
    { "26-11-2026", 26, 11, 2026 },
    { "26/11/2026", 26, 11, 2026 },
    { "2026-11-26", 26, 11, 2026 },
    { " 1.6.2018 ", 1, 6, 2018 },
    { "29.02.2024", 29, 2, 2024 },
    { "31.12.2099", 31, 12, 2099 },
  };

  for (KtFormatStyle style = KT_FORMAT_STYLE_DANISH; style <= KT_FORMAT_STYLE_ENGLISH; style++)
    {
      kt_format_set_style (style);

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autoptr(GError) error = NULL;
          GDate date;

          g_date_clear (&date, 1);
          g_test_message ("parsing \"%s\"", cases[i].text);
          g_assert_true (kt_parse_date (cases[i].text, &date, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (g_date_get_day (&date), ==, cases[i].day);
          g_assert_cmpuint (g_date_get_month (&date), ==, cases[i].month);
          g_assert_cmpuint (g_date_get_year (&date), ==, cases[i].year);
        }
    }
}

static void
test_parse_date_errors (void)
{
  static const char *bad[] = {
    "", "  ", "26.11", "26.11.26", "2026", "26.11.2026x", "26.11-2026",
    "a.b.cccc", "00.01.2026", "32.01.2026", "31.02.2026", "29.02.2025",
    "29.02.2100", "31.04.2026", "15.13.2026", "15.0.2026", "26.11.0999",
    "2026/11/26", "2026-11-26T10:00", "26. nov. 2026",
  };

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_test_message ("parsing \"%s\"", bad[i]);
      g_assert_false (kt_parse_date (bad[i], &date, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == KT_MODEL_ERROR);
      g_assert_false (g_date_valid (&date));
    }

  /* A day that does not exist says so, rather than "not a date". */
  {
    g_autoptr(GError) error = NULL;
    GDate date;

    g_date_clear (&date, 1);
    g_assert_false (kt_parse_date ("31.02.2026", &date, &error));
    g_assert_error (error, KT_MODEL_ERROR, KT_MODEL_ERROR_OUT_OF_RANGE);
    g_assert_nonnull (strstr (error->message, "28 days"));
  }
}

static void
test_date_round_trip (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2020);

  for (KtFormatStyle style = KT_FORMAT_STYLE_DANISH; style <= KT_FORMAT_STYLE_ENGLISH; style++)
    {
      kt_format_set_style (style);

      for (guint i = 0; i < 800; i++, g_date_add_days (&date, 1))
        {
          g_autofree char *text = kt_format_date (&date);
          GDate back;

          g_date_clear (&back, 1);
          g_assert_true (kt_parse_date (text, &back, NULL));
          g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
        }
    }
}

static void
test_iso (void)
{
  GDate date;
  g_autofree char *iso = NULL;

  g_date_clear (&date, 1);
  g_assert_null (kt_date_to_iso (&date));

  g_assert_true (kt_date_from_iso ("2024-02-29", &date));
  iso = kt_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2024-02-29");

  g_assert_false (kt_date_from_iso ("2023-02-29", &date));
  g_assert_false (g_date_valid (&date));

  g_assert_true (kt_date_from_iso ("0999-01-01", &date));
  g_clear_pointer (&iso, g_free);
  iso = kt_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "0999-01-01");

  g_assert_false (kt_date_from_iso (NULL, &date));
  g_assert_false (kt_date_from_iso ("", &date));
  g_assert_false (kt_date_from_iso ("2026-1-01", &date));
  g_assert_false (kt_date_from_iso ("26.11.2026", &date));
  g_assert_false (kt_date_from_iso ("2026-11-26 ", &date));
  g_assert_false (kt_date_from_iso ("2026-13-01", &date));
  g_assert_false (g_date_valid (&date));
}

static void
test_auto_style (void)
{
  /* A developer's own LANGUAGE must not leak into the test. */
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  kt_format_set_style (KT_FORMAT_STYLE_AUTO);
  g_assert_cmpint (kt_format_get_style (), ==, KT_FORMAT_STYLE_ENGLISH);

  g_setenv ("LANGUAGE", "da_DK:en", TRUE);
  kt_format_set_style (KT_FORMAT_STYLE_AUTO);
  g_assert_cmpint (kt_format_get_style (), ==, KT_FORMAT_STYLE_DANISH);
  g_unsetenv ("LANGUAGE");

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);
  g_assert_cmpint (kt_format_get_style (), ==, KT_FORMAT_STYLE_DANISH);
  kt_format_set_style (KT_FORMAT_STYLE_ENGLISH);
  g_assert_cmpint (kt_format_get_style (), ==, KT_FORMAT_STYLE_ENGLISH);
}

static void
test_fold (void)
{
  g_autofree char *a = kt_fold_for_search ("ÆRØ Ålborg");
  /* "Å" as A + COMBINING RING ABOVE */
  g_autofree char *b = kt_fold_for_search ("A\xcc\x8a" "lborg");

  g_assert_cmpstr (a, ==, "ærø ålborg");
  g_assert_cmpstr (b, ==, "ålborg");
  g_assert_nonnull (strstr (a, b));

  /* The shortcuts (Latin-1, punctuation, euro) fold exactly like the
   * general path, and whatever they do not take falls through to it. */
  for (gunichar c = 0x01; c < 0x2100; c++)
    {
      char text[16] = "Ab";
      g_autofree char *normalised = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *folded = NULL;

      text[2 + g_unichar_to_utf8 (c, text + 2)] = '\0';
      normalised = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
      expected = g_utf8_casefold (normalised, -1);
      folded = kt_fold_for_search (text);

      g_assert_cmpstr (folded, ==, expected);
    }

  {
    g_autofree char *mixed = kt_fold_for_search ("STRAẞE Ærø");

    g_assert_cmpstr (mixed, ==, "strasse ærø");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/format/money", test_money);
  g_test_add_func ("/model/format/money-short", test_money_short);
  g_test_add_func ("/model/format/money-input", test_money_input);
  g_test_add_func ("/model/format/parse-money-danish", test_parse_money_danish);
  g_test_add_func ("/model/format/parse-money-english", test_parse_money_english);
  g_test_add_func ("/model/format/parse-money-errors", test_parse_money_errors);
  g_test_add_func ("/model/format/money-round-trip", test_money_round_trip);
  g_test_add_func ("/model/format/dates", test_dates);
  g_test_add_func ("/model/format/parse-date", test_parse_date);
  g_test_add_func ("/model/format/parse-date-errors", test_parse_date_errors);
  g_test_add_func ("/model/format/date-round-trip", test_date_round_trip);
  g_test_add_func ("/model/format/iso", test_iso);
  g_test_add_func ("/model/format/auto-style", test_auto_style);
  g_test_add_func ("/model/format/fold", test_fold);

  return g_test_run ();
}
