/* test-csv.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "kt-contract.h"
#include "kt-csv.h"
#include "kt-format.h"
#include "kt-tender-plan.h"

#define BOM "\xEF\xBB\xBF"

static void
test_quote (void)
{
  static const struct {
    const char *text;
    const char *field;
  } cases[] = {
    { "Økonomisystem", "Økonomisystem" },
    { "", "" },
    { "a;b", "\"a;b\"" },
    { "Say \"hi\"", "\"Say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\rhere", "\"cr\rhere\"" },
    { "comma, is fine", "comma, is fine" },
    { "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"" },
    { "+45 1234", "\"'+45 1234\"" },
    { "-1", "\"'-1\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "a=b", "a=b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *field = kt_csv_quote (cases[i].text);

      g_assert_cmpstr (field, ==, cases[i].field);
    }

  {
    g_autofree char *field = kt_csv_quote (NULL);
    g_assert_cmpstr (field, ==, "");
  }
}

static void
test_money (void)
{
  static const struct {
    gint64 ore;
    const char *text;
  } cases[] = {
    { 0, "0,00" },
    { 5, "0,05" },
    { 123456750, "1234567,50" },
    { 100, "1,00" },
    { -5, "-0,05" },
    { -123456789, "-1234567,89" },
    { G_MAXINT64, "92233720368547758,07" },
    { G_MININT64 + 1, "-92233720368547758,07" },
    { KT_MONEY_NONE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kt_csv_format_money (cases[i].ore);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* BOM first, ';' between fields, CRLF after each row, ISO dates, empty
 * fields for unknown values. */
static void
test_document (void)
{
  g_autoptr(KtCsv) csv = kt_csv_new ();
  g_autoptr(GBytes) bytes = NULL;
  GDate d, unset;
  gsize size;
  const char *data;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 29, G_DATE_FEBRUARY, 2028);
  g_date_clear (&unset, 1);

  kt_csv_add_text (csv, "Nummer");
  kt_csv_add_text (csv, "Beløb");
  kt_csv_end_row (csv);
  kt_csv_add_text (csv, "K;1");
  kt_csv_add_money (csv, 150);
  kt_csv_add_date (csv, &d);
  kt_csv_add_date (csv, &unset);
  kt_csv_add_money (csv, KT_MONEY_NONE);
  kt_csv_add_uint (csv, 3);
  kt_csv_end_row (csv);

  bytes = kt_csv_get_bytes (csv);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpmem (data, size,
                   BOM "Nummer;Beløb\r\n\"K;1\";1,50;2028-02-29;;;3\r\n",
                   strlen (BOM "Nummer;Beløb\r\n\"K;1\";1,50;2028-02-29;;;3\r\n"));
}

static KtContract *
contract (gint64      id,
          const char *number,
          const char *name,
          const char *end)
{
  KtContract *c = kt_contract_new ();

  c->id = id;
  c->number = g_strdup (number);
  c->name = g_strdup (name);
  c->supplier_name = g_strdup ("Kommunedata; \"KMD\"");
  c->status = KT_STATUS_ACTIVE;
  c->procurement_form = KT_PROCUREMENT_EU_TENDER;
  g_date_set_dmy (&c->start_date, 1, 1, 2020);
  g_assert_true (kt_date_from_iso (end, &c->end_date));
  return c;
}

/* The whole export, written to a file and read back line by line. */
static void
test_tender_plan_file (void)
{
  g_autoptr(GPtrArray) contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contract_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kt-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  KtContract *c;
  GDate today;
  gsize length;

  g_assert_no_error (error);
  path = g_build_filename (dir, "udbudsplan.csv", NULL);

  c = contract (1, "K-2", "Økonomi\nog løn", "2027-12-31");
  c->contract_sum = 123456750;
  c->annual_cost = 9900;
  c->option_count = 2;
  g_ptr_array_add (contracts, c);
  c = contract (2, "K-1", "ESDH", "2027-03-31");
  c->contract_sum = KT_MONEY_NONE;
  c->annual_cost = KT_MONEY_NONE;
  g_ptr_array_add (contracts, c);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 1, 2026);
  rows = kt_tender_plan_build (contracts, NULL, &today);
  g_assert_true (kt_csv_write_tender_plan (rows, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, BOM));
  g_assert_true (g_utf8_validate (contents, length, NULL));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));

  lines = g_strsplit (contents + strlen (BOM), "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);   /* header, two rows, "" */
  g_assert_cmpstr (lines[0], ==,
                   "Start of re-procurement;Year;Quarter;Contract number;Contract name;"
                   "Supplier;Procurement form;Lead time in months;End date;"
                   "Contract sum (kr.);Annual cost (kr.);Options left;Status");
  /* EU tender, 12 months: K-1 starts 2026-03-31, K-2 2026-12-31. */
  g_assert_cmpstr (lines[1], ==,
                   "2026-03-31;2026;1;K-1;ESDH;\"Kommunedata; \"\"KMD\"\"\";EU tender;12;"
                   "2027-03-31;;;0;Active");
  g_assert_cmpstr (lines[2], ==,
                   "2026-12-31;2026;4;K-2;\"Økonomi\nog løn\";\"Kommunedata; \"\"KMD\"\"\";"
                   "EU tender;12;2027-12-31;1234567,50;99,00;2;Active");
  g_assert_cmpstr (lines[3], ==, "");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_write_error (void)
{
  g_autoptr(KtCsv) csv = kt_csv_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (kt_csv_write (csv, "/nonexistent-folder/plan.csv", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/csv/quote", test_quote);
  g_test_add_func ("/io/csv/money", test_money);
  g_test_add_func ("/io/csv/document", test_document);
  g_test_add_func ("/io/csv/tender-plan-file", test_tender_plan_file);
  g_test_add_func ("/io/csv/write-error", test_write_error);

  return g_test_run ();
}
