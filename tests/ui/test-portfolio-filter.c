/* test-portfolio-filter.c — which contracts the portfolio table shows
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KtPortfolioFilter is a GtkFilter, but matching needs no display.
 */

#include <gtk/gtk.h>

#include "kt-contract-row.h"
#include "kt-org-unit.h"
#include "kt-portfolio-filter.h"

typedef struct {
  KtPortfolioFilter *filter;
  GPtrArray         *rows;      /* KtContractRow* */
  GPtrArray         *units;     /* KtOrgUnit* */
  GArray            *changes;   /* GtkFilterChange per "changed" */
} Fixture;

enum { DEPARTMENT = 1, CENTRE = 2, OTHER_DEPARTMENT = 3, LOOP_A = 4, LOOP_B = 5 };

static void
add_row (Fixture          *fixture,
         const char       *number,
         const char       *name,
         const char       *supplier,
         KtContractStatus  status,
         KtCategory        category,
         gint64            org_unit_id)
{
  KtContract *contract = kt_contract_new ();

  contract->id = fixture->rows->len + 1;
  contract->number = g_strdup (number);
  contract->name = g_strdup (name);
  contract->supplier_name = g_strdup (supplier);
  contract->status = status;
  contract->category = category;
  contract->org_unit_id = org_unit_id;
  g_ptr_array_add (fixture->rows, kt_contract_row_new (contract, NULL));
}

static void
add_unit (Fixture    *fixture,
          gint64      id,
          const char *name,
          gint64      parent_id)
{
  KtOrgUnit *unit = kt_org_unit_new ();

  unit->id = id;
  unit->name = g_strdup (name);
  unit->parent_id = parent_id;
  g_ptr_array_add (fixture->units, unit);
}

static void
changed_cb (GtkFilter       *filter,
            GtkFilterChange  change,
            Fixture         *fixture)
{
  g_array_append_val (fixture->changes, change);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->filter = kt_portfolio_filter_new ();
  fixture->rows = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->units = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_org_unit_free);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (GtkFilterChange));
  g_signal_connect (fixture->filter, "changed", G_CALLBACK (changed_cb), fixture);

  add_unit (fixture, DEPARTMENT, "Børne- og Ungeforvaltningen", 0);
  add_unit (fixture, CENTRE, "Center for Skole", DEPARTMENT);
  add_unit (fixture, OTHER_DEPARTMENT, "Teknik- og Miljøforvaltningen", 0);
  add_unit (fixture, LOOP_A, "Damaged A", LOOP_B);
  add_unit (fixture, LOOP_B, "Damaged B", LOOP_A);

  add_row (fixture, "K-1", "Læringsplatform", "Fjordsoft A/S", KT_STATUS_ACTIVE, KT_CATEGORY_OPERATION, CENTRE);
  add_row (fixture, "K-2", "Skoleadministration", "Fjordsoft A/S", KT_STATUS_EXPIRED, KT_CATEGORY_LICENCE, DEPARTMENT);
  add_row (fixture, "K-3", "Byggesag", "Byggesagsløsninger ApS", KT_STATUS_ACTIVE, KT_CATEGORY_LICENCE, OTHER_DEPARTMENT);
  add_row (fixture, "K-4", "Ærø-aftale", "Østersøen Data", KT_STATUS_PLANNED, KT_CATEGORY_HOSTING, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->rows, g_ptr_array_unref);
  g_clear_pointer (&fixture->units, g_ptr_array_unref);
  g_clear_pointer (&fixture->changes, g_array_unref);
  g_assert_finalize_object (fixture->filter);
}

/* The numbers of the rows the filter lets through, e.g. "K-1 K-3" */
static char *
shown (Fixture *fixture)
{
  GString *numbers = g_string_new (NULL);

  for (guint i = 0; i < fixture->rows->len; i++)
    {
      KtContractRow *row = g_ptr_array_index (fixture->rows, i);

      if (gtk_filter_match (GTK_FILTER (fixture->filter), row))
        g_string_append_printf (numbers, "%s%s", numbers->len > 0 ? " " : "",
                                kt_contract_row_get_contract (row)->number);
    }
  return g_string_free (numbers, FALSE);
}

static GtkFilterChange
last_change (Fixture *fixture)
{
  g_assert_cmpuint (fixture->changes->len, >, 0);
  return g_array_index (fixture->changes, GtkFilterChange, fixture->changes->len - 1);
}

#define assert_shown(fixture, expected) \
  G_STMT_START { \
    g_autofree char *_shown = shown (fixture); \
    g_assert_cmpstr (_shown, ==, expected); \
  } G_STMT_END

static void
test_nothing_set (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (fixture->filter)), ==, GTK_FILTER_MATCH_ALL);
  assert_shown (fixture, "K-1 K-2 K-3 K-4");
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  kt_portfolio_filter_set_text (fixture->filter, "fjord");
  assert_shown (fixture, "K-1 K-2");
  g_assert_cmpint (last_change (fixture), ==, GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (fixture->filter)), ==, GTK_FILTER_MATCH_SOME);

  /* A longer text can only hide rows */
  kt_portfolio_filter_set_text (fixture->filter, "fjord skole");
  assert_shown (fixture, "K-2");
  g_assert_cmpint (last_change (fixture), ==, GTK_FILTER_CHANGE_MORE_STRICT);

  /* A shorter one can only show more */
  kt_portfolio_filter_set_text (fixture->filter, "fjord");
  assert_shown (fixture, "K-1 K-2");
  g_assert_cmpint (last_change (fixture), ==, GTK_FILTER_CHANGE_LESS_STRICT);

  kt_portfolio_filter_set_text (fixture->filter, "bygge");
  assert_shown (fixture, "K-3");
  g_assert_cmpint (last_change (fixture), ==, GTK_FILTER_CHANGE_DIFFERENT);

  /* Case-insensitive, Danish letters included; the same text is no change */
  kt_portfolio_filter_set_text (fixture->filter, "ÆRØ");
  assert_shown (fixture, "K-4");
  g_assert_cmpuint (fixture->changes->len, ==, 5);
  kt_portfolio_filter_set_text (fixture->filter, "ÆRØ");
  g_assert_cmpuint (fixture->changes->len, ==, 5);

  kt_portfolio_filter_set_text (fixture->filter, "");
  assert_shown (fixture, "K-1 K-2 K-3 K-4");
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (fixture->filter)), ==, GTK_FILTER_MATCH_ALL);
}

static void
test_status_and_category (Fixture       *fixture,
                          gconstpointer  data)
{
  kt_portfolio_filter_set_status (fixture->filter, KT_STATUS_ACTIVE);
  assert_shown (fixture, "K-1 K-3");
  g_assert_cmpint (last_change (fixture), ==, GTK_FILTER_CHANGE_MORE_STRICT);

  kt_portfolio_filter_set_category (fixture->filter, KT_CATEGORY_LICENCE);
  assert_shown (fixture, "K-3");

  kt_portfolio_filter_set_status (fixture->filter, KT_STATUS_EXPIRED);
  assert_shown (fixture, "K-2");
  g_assert_cmpint (last_change (fixture), ==, GTK_FILTER_CHANGE_DIFFERENT);

  kt_portfolio_filter_set_status (fixture->filter, -1);
  assert_shown (fixture, "K-2 K-3");
  g_assert_cmpint (last_change (fixture), ==, GTK_FILTER_CHANGE_LESS_STRICT);

  kt_portfolio_filter_clear (fixture->filter);
  assert_shown (fixture, "K-1 K-2 K-3 K-4");
  g_assert_cmpint (last_change (fixture), ==, GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
test_org_unit_includes_centres (Fixture       *fixture,
                                gconstpointer  data)
{
  /* A department shows its own contracts and those of its centres */
  kt_portfolio_filter_set_org_unit (fixture->filter, fixture->units, DEPARTMENT);
  assert_shown (fixture, "K-1 K-2");
  g_assert_cmpint (last_change (fixture), ==, GTK_FILTER_CHANGE_MORE_STRICT);

  kt_portfolio_filter_set_org_unit (fixture->filter, fixture->units, CENTRE);
  assert_shown (fixture, "K-1");

  kt_portfolio_filter_set_org_unit (fixture->filter, fixture->units, OTHER_DEPARTMENT);
  assert_shown (fixture, "K-3");

  /* Combined with the text */
  kt_portfolio_filter_set_org_unit (fixture->filter, fixture->units, DEPARTMENT);
  kt_portfolio_filter_set_text (fixture->filter, "skole");
  assert_shown (fixture, "K-2");

  kt_portfolio_filter_set_org_unit (fixture->filter, fixture->units, 0);
  assert_shown (fixture, "K-2");
  g_assert_cmpint (last_change (fixture), ==, GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
test_org_unit_loop (Fixture       *fixture,
                    gconstpointer  data)
{
  /* Units that are each other's parent (a damaged file) must not hang */
  kt_portfolio_filter_set_org_unit (fixture->filter, fixture->units, LOOP_A);
  assert_shown (fixture, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/views/portfolio-filter/nothing-set", test_nothing_set);
  ADD ("/views/portfolio-filter/text", test_text);
  ADD ("/views/portfolio-filter/status-and-category", test_status_and_category);
  ADD ("/views/portfolio-filter/org-unit-includes-centres", test_org_unit_includes_centres);
  ADD ("/views/portfolio-filter/org-unit-loop", test_org_unit_loop);

  return g_test_run ();
}
