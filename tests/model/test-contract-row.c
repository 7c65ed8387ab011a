/* test-contract-row.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kt-contract-row.h"
#include "kt-format.h"

static GDate today;

static KtContractRow *
make_row (gint64      id,
          const char *number,
          const char *name,
          const char *supplier,
          gint64      contract_sum,
          const char *end_iso)
{
  KtContract *c = kt_contract_new ();

  c->id = id;
  c->number = g_strdup (number);
  c->name = g_strdup (name);
  c->supplier_name = g_strdup (supplier);
  c->contract_sum = contract_sum;
  if (end_iso != NULL)
    g_assert_true (kt_date_from_iso (end_iso, &c->end_date));
  else
    c->running = TRUE;
  c->notice_months = 3;

  return kt_contract_row_new (c, &today);
}

static gboolean
matches (KtContractRow *row,
         const char    *typed)
{
  g_autofree char *needle = kt_fold_for_search (typed);

  return kt_contract_row_matches (row, needle);
}

static void
test_properties (void)
{
  g_autoptr(KtContractRow) row = NULL;
  g_autoptr(KtContractRow) running = NULL;
  g_autofree char *number = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *end = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *category = NULL;
  g_autofree char *status = NULL;
  gint64 id, contract_sum, annual_cost;

  kt_format_set_style (KT_FORMAT_STYLE_ENGLISH);

  row = make_row (7, "K-7", "Løn", "KMD", 123456750, "2026-12-31");
  g_object_get (row,
                "id", &id,
                "number", &number,
                "contract-sum", &contract_sum,
                "annual-cost", &annual_cost,
                "contract-sum-text", &sum,
                "end-date-text", &end,
                "notice-date-text", &notice,
                "category-label", &category,
                "status-label", &status,
                NULL);

  g_assert_cmpint (id, ==, 7);
  g_assert_cmpstr (number, ==, "K-7");
  g_assert_cmpint (contract_sum, ==, 123456750);
  g_assert_cmpint (annual_cost, ==, KT_MONEY_NONE);
  g_assert_cmpstr (sum, ==, "DKK 1,234,568");
  g_assert_cmpstr (end, ==, "2026-12-31");
  g_assert_cmpstr (notice, ==, "2026-09-30");
  g_assert_cmpstr (category, ==, "Operation");
  g_assert_cmpstr (status, ==, "Active");
  g_assert_cmpstr (kt_contract_row_get_contract (row)->name, ==, "Løn");

  running = make_row (8, "K-8", "Borgerservice", "Netcompany", KT_MONEY_NONE, NULL);
  g_clear_pointer (&end, g_free);
  g_clear_pointer (&notice, g_free);
  g_clear_pointer (&sum, g_free);
  g_object_get (running,
                "end-date-text", &end,
                "notice-date-text", &notice,
                "contract-sum-text", &sum,
                NULL);
  g_assert_cmpstr (end, ==, "Running");
  g_assert_cmpstr (notice, ==, "2026-03-15");   /* any day: today */
  g_assert_cmpstr (sum, ==, "");

  g_assert_finalize_object (g_steal_pointer (&row));
  g_assert_finalize_object (g_steal_pointer (&running));
}

static void
test_matches (void)
{
  g_autoptr(KtContractRow) row = NULL;
  KtContract *c = kt_contract_new ();

  c->number = g_strdup ("ØK-2024-017");
  c->name = g_strdup ("Økonomisystem");
  c->supplier_name = g_strdup ("Ærø Data ApS");
  c->system_owner_name = g_strdup ("Søren Østergård");
  c->administrator_name = g_strdup ("Mette Kjær");
  c->org_unit_name = g_strdup ("Center for Økonomi, Ålborg");
  c->purchased_services = g_strdup ("Drift og support af lønsystem");
  c->category = KT_CATEGORY_LICENCE;
  row = kt_contract_row_new (c, &today);

  g_assert_true (matches (row, ""));
  g_assert_true (matches (row, "   "));
  g_assert_true (matches (row, "økonomi"));
  g_assert_true (matches (row, "ØKONOMI"));
  g_assert_true (matches (row, "ærø"));
  g_assert_true (matches (row, "ÆRØ DATA"));
  g_assert_true (matches (row, "ålborg"));
  g_assert_true (matches (row, "A\xcc\x8a" "LBORG"));   /* decomposed Å */
  g_assert_true (matches (row, "østergård"));
  g_assert_true (matches (row, "kjær"));                /* administrator */
  g_assert_true (matches (row, "lønsystem"));           /* purchased services */
  g_assert_true (matches (row, "licence"));             /* category label */
  g_assert_true (matches (row, "øk-2024"));             /* number */
  g_assert_true (matches (row, "søren lønsystem"));     /* every word, any field */

  g_assert_false (matches (row, "aero"));               /* æ is not a */
  g_assert_false (matches (row, "alborg"));             /* å is not a */
  g_assert_false (matches (row, "kmd"));
  g_assert_false (matches (row, "søren kmd"));
  g_assert_false (matches (row, "aps drift"  "x"));
  g_assert_false (matches (row, "apsdrift"));           /* no match across fields */
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      column)
{
  return kt_contract_row_compare (*(KtContractRow **) a, *(KtContractRow **) b,
                                  GPOINTER_TO_INT (column));
}

static void
assert_order (GPtrArray        *rows,
              KtContractColumn  column,
              const gint64     *expected_ids)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (rows, NULL, NULL);

  /* The copy inherits the free function, but does not own the rows. */
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort_with_data (sorted, compare_cb, GINT_TO_POINTER (column));

  for (guint i = 0; i < sorted->len; i++)
    {
      const KtContract *c = kt_contract_row_get_contract (g_ptr_array_index (sorted, i));

      g_test_message ("column %d, position %u: id %" G_GINT64_FORMAT, column, i, c->id);
      g_assert_cmpint (c->id, ==, expected_ids[i]);
    }
}

static void
test_compare (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (rows, make_row (1, "K-10", "Borgerservice", "Netcompany", 500000, "2027-06-30"));
  g_ptr_array_add (rows, make_row (2, "K-9", "", "KMD", KT_MONEY_NONE, NULL));
  g_ptr_array_add (rows, make_row (3, "K-100", "ESDH", "", 100000000000, "2026-12-31"));
  g_ptr_array_add (rows, make_row (4, "A-1", "Affald", "Netcompany", 500000, "2028-01-31"));
  g_ptr_array_add (rows, make_row (5, "K-2", "Zeta", "Atea", 0, "2026-06-30"));

  {
    const gint64 expected[] = { 4, 5, 2, 1, 3 };   /* digits by value */
    assert_order (rows, KT_CONTRACT_COLUMN_NUMBER, expected);
  }
  {
    const gint64 expected[] = { 4, 1, 3, 5, 2 };   /* empty name last */
    assert_order (rows, KT_CONTRACT_COLUMN_NAME, expected);
  }
  {
    const gint64 expected[] = { 5, 2, 4, 1, 3 };   /* ties by number, empty last */
    assert_order (rows, KT_CONTRACT_COLUMN_SUPPLIER, expected);
  }
  {
    const gint64 expected[] = { 5, 4, 1, 3, 2 };   /* unknown sum last */
    assert_order (rows, KT_CONTRACT_COLUMN_CONTRACT_SUM, expected);
  }
  {
    const gint64 expected[] = { 5, 3, 1, 4, 2 };   /* running last */
    assert_order (rows, KT_CONTRACT_COLUMN_END_DATE, expected);
  }
  {
    /* Fixed term: end - 3 months; running (id 2): today. */
    const gint64 expected[] = { 2, 5, 3, 1, 4 };
    assert_order (rows, KT_CONTRACT_COLUMN_NOTICE_DATE, expected);
  }
  {
    /* All equal: by number. */
    const gint64 expected[] = { 4, 5, 2, 1, 3 };
    assert_order (rows, KT_CONTRACT_COLUMN_CATEGORY, expected);
  }

  g_assert_cmpint (kt_contract_row_compare (g_ptr_array_index (rows, 0),
                                            g_ptr_array_index (rows, 0),
                                            KT_CONTRACT_COLUMN_NAME), ==, 0);
}

static void
test_notice_unset_last (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  KtContract *given = kt_contract_new ();
  KtContract *no_end = kt_contract_new ();

  g_ptr_array_add (rows, make_row (1, "K-1", "a", "x", 1, "2027-06-30"));

  given->id = 2;
  given->number = g_strdup ("K-2");
  given->status = KT_STATUS_NOTICE_GIVEN;
  g_assert_true (kt_date_from_iso ("2026-06-30", &given->end_date));
  g_ptr_array_add (rows, kt_contract_row_new (given, &today));

  g_ptr_array_add (rows, make_row (3, "K-3", "c", "x", 1, "2026-09-30"));

  no_end->id = 4;
  no_end->number = g_strdup ("K-0");
  g_ptr_array_add (rows, kt_contract_row_new (no_end, &today));

  {
    const gint64 expected[] = { 3, 1, 4, 2 };   /* unset: by number */
    assert_order (rows, KT_CONTRACT_COLUMN_NOTICE_DATE, expected);
  }

  g_assert_false (g_date_valid (kt_contract_row_get_notice_date (g_ptr_array_index (rows, 1))));
  g_assert_true (g_date_valid (kt_contract_row_get_notice_date (g_ptr_array_index (rows, 0))));
}

static void
test_many_rows (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *rare = kt_fold_for_search ("ÆRØ");
  g_autofree char *common = kt_fold_for_search ("Leverandør");
  guint n_rare = 0, n_common = 0;
  gint64 start;

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *number = g_strdup_printf ("K-%05u", i);
      g_autofree char *supplier = NULL;

      if (i % 1000 == 0)
        supplier = g_strdup ("Ærø Data ApS");
      else
        supplier = g_strdup_printf ("Leverandør %u", i % 2500);

      g_ptr_array_add (rows, make_row (i + 1, number, "System", supplier, i * 100, "2027-12-31"));
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < rows->len; i++)
    {
      if (kt_contract_row_matches (g_ptr_array_index (rows, i), rare))
        n_rare++;
      if (kt_contract_row_matches (g_ptr_array_index (rows, i), common))
        n_common++;
    }
  g_test_message ("2 × 20000 matches: %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  g_assert_cmpuint (n_rare, ==, 20);
  g_assert_cmpuint (n_common, ==, 19980);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MARCH, 2026);

  g_test_add_func ("/model/contract-row/properties", test_properties);
  g_test_add_func ("/model/contract-row/matches", test_matches);
  g_test_add_func ("/model/contract-row/compare", test_compare);
  g_test_add_func ("/model/contract-row/notice-unset-last", test_notice_unset_last);
  g_test_add_func ("/model/contract-row/many-rows", test_many_rows);

  return g_test_run ();
}
