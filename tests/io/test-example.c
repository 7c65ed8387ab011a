/* test-example.c — the example portfolio generator
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <poppler.h>

#include "kt-cvr.h"
#include "kt-deadlines.h"
#include "kt-document-library.h"
#include "kt-example-documents.h"
#include "kt-example.h"
#include "kt-validation.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-test-example-XXXXXX", &error);
  g_assert_no_error (error);
}

/* The example's documents folder is a folder in the fixture's folder. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_remove (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static KtStore *
new_store (Fixture    *f,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  KtStore *store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
options_for (KtExampleOptions *options,
             guint             n_contracts,
             guint32           seed,
             int               day,
             GDateMonth        month,
             GDateYear         year)
{
  kt_example_options_init (options);
  options->n_contracts = n_contracts;
  options->seed = seed;
  g_date_set_dmy (&options->reference_date, day, month, year);
}

static KtStore *
populated_store (Fixture                *f,
                 const char             *name,
                 const KtExampleOptions *options)
{
  g_autoptr(GError) error = NULL;
  KtStore *store = new_store (f, name);
  gboolean ok = kt_example_populate (store, options, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  return store;
}

static GPtrArray *
list_contracts (KtStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *contracts = kt_store_list_contracts (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contracts);
  return contracts;
}

static GHashTable *
id_set (GPtrArray *rows)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Every record type starts with its gint64 id. */
  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (ids, g_memdup2 (g_ptr_array_index (rows, i), sizeof (gint64)));
  return ids;
}

static gboolean
has_id (GHashTable *ids,
        gint64      id)
{
  return g_hash_table_contains (ids, &id);
}

static void
test_curated_counts_and_references (Fixture       *f,
                                    gconstpointer  data)
{
  KtExampleOptions options;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) contract_ids = NULL;
  g_autoptr(GHashTable) supplier_ids = NULL;
  g_autoptr(GHashTable) person_ids = NULL;
  g_autoptr(GHashTable) unit_ids = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  options_for (&options, 0, KT_EXAMPLE_DEFAULT_SEED, 15, G_DATE_MARCH, 2027);
  store = populated_store (f, "curated.kontrakter", &options);

  contracts = list_contracts (store);
  suppliers = kt_store_list_suppliers (store, &error);
  g_assert_no_error (error);
  people = kt_store_list_people (store, &error);
  g_assert_no_error (error);
  units = kt_store_list_org_units (store, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (contracts->len, >=, 60);
  g_assert_cmpuint (suppliers->len, >=, 25);
  g_assert_cmpuint (people->len, >=, 15);
  g_assert_cmpuint (units->len, >=, 5);

  contract_ids = id_set (contracts);
  supplier_ids = id_set (suppliers);
  person_ids = id_set (people);
  unit_ids = id_set (units);

  for (guint i = 0; i < suppliers->len; i++)
    {
      KtSupplier *s = g_ptr_array_index (suppliers, i);
      g_autofree char *normalised = NULL;

      g_assert_true (kt_cvr_validate (s->cvr, &normalised, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalised, ==, s->cvr);
      g_assert_nonnull (s->address);
      g_assert_nonnull (s->postal_code);
      g_assert_nonnull (s->city);
      g_assert_cmpuint (s->contacts->len, >=, 1);
      g_assert_cmpuint (s->contacts->len, <=, 3);
      for (guint j = 0; j < s->contacts->len; j++)
        {
          KtContact *contact = g_ptr_array_index (s->contacts, j);

          g_assert_true (kt_email_looks_valid (contact->email));
          g_assert_true (kt_phone_looks_valid (contact->phone));
          g_assert_cmpuint (strlen (contact->phone), ==, strlen ("12 34 56 78"));
        }
    }

  for (guint i = 0; i < people->len; i++)
    {
      KtPerson *p = g_ptr_array_index (people, i);

      g_assert_true (g_str_has_suffix (p->email, "@eksempel.dk"));
      g_assert_true (kt_email_looks_valid (p->email));
      g_assert_true (has_id (unit_ids, p->org_unit_id));
      g_assert_cmpuint (p->roles, !=, 0);
    }

  for (guint i = 0; i < units->len; i++)
    {
      KtOrgUnit *u = g_ptr_array_index (units, i);

      if (u->kind == KT_ORG_UNIT_KIND_CENTER)
        g_assert_true (has_id (unit_ids, u->parent_id));
      else
        g_assert_cmpint (u->parent_id, ==, 0);
    }

  for (guint i = 0; i < contracts->len; i++)
    {
      KtContract *c = g_ptr_array_index (contracts, i);

      g_assert_true (has_id (supplier_ids, c->supplier_id));
      g_assert_true (has_id (person_ids, c->system_owner_id));
      g_assert_true (has_id (person_ids, c->administrator_id));
      g_assert_true (has_id (unit_ids, c->org_unit_id));
      if (c->type == KT_CONTRACT_TYPE_SUPPLEMENTARY || c->type == KT_CONTRACT_TYPE_DATA_PROCESSING)
        g_assert_true (has_id (contract_ids, c->parent_id));
      else
        g_assert_cmpint (c->parent_id, ==, 0);
      if (c->parent_id != 0)
        g_assert_cmpint (c->parent_id, !=, c->id);

      g_assert_nonnull (c->number);
      g_assert_false (g_hash_table_contains (numbers, c->number));
      g_hash_table_add (numbers, c->number);
      g_assert_true (c->running != g_date_valid (&c->end_date));
      g_assert_true (g_date_valid (&c->start_date));
      g_assert_cmpuint (c->options_used, <=, c->option_count);
    }
}

static const KtOrgUnit *
find_unit (GPtrArray *units,
           gint64     id)
{
  for (guint i = 0; i < units->len; i++)
    if (((KtOrgUnit *) g_ptr_array_index (units, i))->id == id)
      return g_ptr_array_index (units, i);
  return NULL;
}

static const KtPerson *
find_person (GPtrArray *people,
             gint64     id)
{
  for (guint i = 0; i < people->len; i++)
    if (((KtPerson *) g_ptr_array_index (people, i))->id == id)
      return g_ptr_array_index (people, i);
  return NULL;
}

static void
test_curated_content (Fixture       *f,
                      gconstpointer  data)
{
  KtExampleOptions options;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GHashTable) forvaltninger = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  gboolean categories[KT_CATEGORY_OTHER + 1] = { FALSE };
  guint running = 0, with_dpa = 0, notice_given = 0, expired = 0, planned = 0;
  guint supplementary = 0, dpas = 0, kombit = 0, ski = 0, learning = 0, exits = 0;

  options_for (&options, 0, KT_EXAMPLE_DEFAULT_SEED, 15, G_DATE_MARCH, 2027);
  store = populated_store (f, "content.kontrakter", &options);
  contracts = list_contracts (store);
  people = kt_store_list_people (store, &error);
  g_assert_no_error (error);
  units = kt_store_list_org_units (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < contracts->len; i++)
    {
      KtContract *c = g_ptr_array_index (contracts, i);
      const KtPerson *owner = find_person (people, c->system_owner_id);
      const KtOrgUnit *unit;

      g_assert_nonnull (owner);
      unit = find_unit (units, owner->org_unit_id);
      while (unit != NULL && unit->kind != KT_ORG_UNIT_KIND_FORVALTNING)
        unit = find_unit (units, unit->parent_id);
      g_assert_nonnull (unit);
      g_hash_table_add (forvaltninger, (gpointer) &unit->id);

      categories[c->category] = TRUE;
      running += c->running;
      notice_given += c->status == KT_STATUS_NOTICE_GIVEN;
      expired += c->status == KT_STATUS_EXPIRED;
      planned += c->status == KT_STATUS_PLANNED;
      supplementary += c->type == KT_CONTRACT_TYPE_SUPPLEMENTARY;
      dpas += c->type == KT_CONTRACT_TYPE_DATA_PROCESSING;
      kombit += c->procurement_form == KT_PROCUREMENT_KOMBIT && c->template_kind == KT_TEMPLATE_KOMBIT;
      ski += c->procurement_form == KT_PROCUREMENT_SKI;
      learning += c->learning_points != NULL && *c->learning_points != '\0';
      exits += c->exit_notes != NULL && *c->exit_notes != '\0';

      if (c->type != KT_CONTRACT_TYPE_DATA_PROCESSING && c->contract_sum != KT_MONEY_NONE)
        {
          g_assert_cmpint (c->contract_sum, >=, 50000 * 100);
          g_assert_cmpint (c->contract_sum, <=, 40000000 * (gint64) 100);
        }
      if (c->personal_data && c->type == KT_CONTRACT_TYPE_MAIN &&
          kt_store_contract_has_dpa (store, c->id, &error))
        with_dpa++;
      g_assert_no_error (error);
    }

  g_assert_cmpuint (g_hash_table_size (forvaltninger), >=, 3);
  for (guint i = 0; i <= KT_CATEGORY_OTHER; i++)
    g_assert_true (categories[i]);
  g_assert_cmpuint (running, >=, 1);
  g_assert_cmpuint (with_dpa, >=, 1);
  g_assert_cmpuint (notice_given, >=, 1);
  g_assert_cmpuint (expired, >=, 1);
  g_assert_cmpuint (planned, >=, 1);
  g_assert_cmpuint (supplementary, >=, 3);
  g_assert_cmpuint (dpas, >=, 10);
  g_assert_cmpuint (kombit, >=, 3);
  g_assert_cmpuint (ski, >=, 3);
  g_assert_cmpuint (learning, >=, 10);
  g_assert_cmpuint (exits, >=, 5);
}

/* Whatever day the example is made, some contracts expire within 90 days and
 * some within a year: it must look current on any reference date. */
static void
test_curated_fresh_on_any_date (Fixture       *f,
                                gconstpointer  data)
{
  static const int days[] = { 1, 15, 28, 31 };

  for (guint month = 1; month <= 12; month++)
    for (guint d = 0; d < G_N_ELEMENTS (days); d++)
      {
        KtExampleOptions options;
        g_autoptr(KtStore) store = NULL;
        g_autoptr(GPtrArray) contracts = NULL;
        g_autofree char *name = NULL;
        guint soon = 0, within_year = 0, later = 0;

        if (!g_date_valid_dmy (days[d], month, 2026))
          continue;
        /* A few dates are enough to cover month ends and the turn of the year. */
        if (d % 2 == 1 && month % 3 != 0)
          continue;
        options_for (&options, 0, KT_EXAMPLE_DEFAULT_SEED, days[d], month, 2026);
        name = g_strdup_printf ("fresh-%02u-%02d.kontrakter", month, days[d]);
        store = populated_store (f, name, &options);
        contracts = list_contracts (store);

        for (guint i = 0; i < contracts->len; i++)
          {
            KtContract *c = g_ptr_array_index (contracts, i);
            int until;

            if (c->running || c->status != KT_STATUS_ACTIVE)
              continue;
            until = g_date_days_between (&options.reference_date, &c->end_date);
            g_assert_cmpint (until, >=, 0);  /* an active contract has not ended */
            soon += until <= 90;
            within_year += until > 90 && until <= 365;
            later += until > 365;
          }
        g_assert_cmpuint (soon, >=, 1);
        g_assert_cmpuint (within_year, >=, 3);
        g_assert_cmpuint (later, >=, 3);
      }
}


/* Every live activity, through the overview's own query. */
static GPtrArray *
list_all_activities (KtStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *activities;
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 1, 1900);
  g_date_set_dmy (&to, 31, 12, 9999);
  activities = kt_store_list_activities_in_window (store, &from, &to, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (activities);
  return activities;
}

typedef struct {
  guint total, recurring, done_once, done_series, cancelled;
  guint overdue, soon, within_year, derived;
  guint types[KT_ACTIVITY_OTHER + 1];
  guint kinds[KT_DERIVED_EXPIRY + 1];
} ActivityStats;

/* Counts the activities and their overview on the reference date, after
 * checking that every one refers to a live contract and a person. */
static void
activity_stats (KtStore          *store,
                const GDate      *ref,
                ActivityStats    *stats)
{
  g_autoptr(GPtrArray) contracts = list_contracts (store);
  g_autoptr(GPtrArray) activities = list_all_activities (store);
  g_autoptr(GPtrArray) people = kt_store_list_people (store, NULL);
  g_autoptr(GHashTable) contract_ids = id_set (contracts);
  g_autoptr(GHashTable) person_ids = id_set (people);
  g_autoptr(KtDeadlineSettings) settings = kt_store_get_deadline_settings (store, NULL);
  g_autoptr(GPtrArray) items = NULL;
  GDate to = *ref;

  memset (stats, 0, sizeof *stats);

  for (guint i = 0; i < activities->len; i++)
    {
      KtActivity *a = g_ptr_array_index (activities, i);
      g_autoptr(GPtrArray) problems = kt_activity_validate (a);

      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_true (has_id (contract_ids, a->contract_id));
      g_assert_true (has_id (person_ids, a->responsible_id));
      g_assert_nonnull (a->contract_number);
      g_assert_nonnull (a->responsible_name);
      g_assert_nonnull (a->clause_ref);

      stats->total++;
      stats->types[a->type]++;
      stats->recurring += a->recurrence != KT_RECURRENCE_NONE;
      stats->done_once += a->recurrence == KT_RECURRENCE_NONE && a->status == KT_ACTIVITY_STATUS_DONE;
      stats->done_series += g_date_valid (&a->done_through);
      stats->cancelled += a->status == KT_ACTIVITY_STATUS_CANCELLED;
      if (a->status == KT_ACTIVITY_STATUS_DONE)
        {
          g_assert_true (g_date_valid (&a->done_date));
          g_assert_nonnull (a->done_by);
        }
    }

  g_date_add_days (&to, 365);
  items = kt_deadlines_collect (contracts, activities, settings, ref, ref, &to,
                                KT_DEADLINES_INCLUDE_OVERDUE);
  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);
      KtUrgency urgency = kt_deadline_item_get_urgency (item, ref);

      if (item->derived)
        {
          stats->derived++;
          stats->kinds[item->derived_kind]++;
          continue;
        }
      stats->overdue += urgency == KT_URGENCY_OVERDUE;
      stats->soon += urgency == KT_URGENCY_WITHIN_30_DAYS;
      stats->within_year += urgency == KT_URGENCY_WITHIN_90_DAYS ||
                            urgency == KT_URGENCY_WITHIN_365_DAYS;
    }
}

static void
test_curated_activities (Fixture       *f,
                         gconstpointer  data)
{
  static const struct { int day; GDateMonth month; GDateYear year; } dates[] = {
    { 15, G_DATE_MARCH, 2027 }, { 1, G_DATE_JANUARY, 2026 }, { 31, G_DATE_AUGUST, 2026 },
    { 29, G_DATE_FEBRUARY, 2028 }, { 30, G_DATE_NOVEMBER, 2026 },
  };

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      KtExampleOptions options;
      g_autoptr(KtStore) store = NULL;
      g_autofree char *name = g_strdup_printf ("activities-%u.kontrakter", d);
      ActivityStats stats;

      options_for (&options, 0, KT_EXAMPLE_DEFAULT_SEED, dates[d].day, dates[d].month, dates[d].year);
      store = populated_store (f, name, &options);
      activity_stats (store, &options.reference_date, &stats);

      g_test_message ("%u.%u.%u: %u activities, %u recurring, %u done, %u series with done, "
                      "%u cancelled; overview: %u overdue, %u within 30 days, %u within a year, "
                      "%u derived", dates[d].day, dates[d].month, dates[d].year, stats.total,
                      stats.recurring, stats.done_once, stats.done_series, stats.cancelled,
                      stats.overdue, stats.soon, stats.within_year, stats.derived);

      /* Every type of the playbook, recurring and done ones, a few overdue. */
      g_assert_cmpuint (stats.total, >=, 80);
      for (guint t = 0; t <= KT_ACTIVITY_OTHER; t++)
        g_assert_cmpuint (stats.types[t], >=, 1);
      g_assert_cmpuint (stats.recurring, >=, 30);
      g_assert_cmpuint (stats.done_once, >=, 3);
      g_assert_cmpuint (stats.done_series, >=, 20);
      g_assert_cmpuint (stats.cancelled, >=, 1);
      g_assert_cmpuint (stats.overdue, >=, 3);
      g_assert_cmpuint (stats.overdue, <=, stats.total / 4);
      g_assert_cmpuint (stats.soon, >=, 5);
      g_assert_cmpuint (stats.within_year, >=, 20);
      for (guint k = 0; k <= KT_DERIVED_EXPIRY; k++)
        g_assert_cmpuint (stats.kinds[k], >=, 1);
    }
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  static const guint sizes[] = { 0, 200 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      KtExampleOptions options;
      g_autoptr(KtStore) a = NULL;
      g_autoptr(KtStore) b = NULL;
      g_autoptr(KtStore) other = NULL;
      g_autoptr(GPtrArray) ca = NULL;
      g_autoptr(GPtrArray) cb = NULL;
      g_autoptr(GPtrArray) sa = NULL;
      g_autoptr(GPtrArray) sb = NULL;
      g_autoptr(GPtrArray) co = NULL;
      g_autofree char *name_a = g_strdup_printf ("a-%u.kontrakter", sizes[s]);
      g_autofree char *name_b = g_strdup_printf ("b-%u.kontrakter", sizes[s]);
      g_autofree char *name_o = g_strdup_printf ("o-%u.kontrakter", sizes[s]);
      gboolean differs = FALSE;

      options_for (&options, sizes[s], 42, 1, G_DATE_OCTOBER, 2026);
      options.n_activities = sizes[s] * 3;
      a = populated_store (f, name_a, &options);
      b = populated_store (f, name_b, &options);
      ca = list_contracts (a);
      cb = list_contracts (b);

      {
        g_autoptr(GPtrArray) aa = list_all_activities (a);
        g_autoptr(GPtrArray) ab = list_all_activities (b);

        g_assert_cmpuint (aa->len, ==, ab->len);
        g_assert_cmpuint (aa->len, >, 0);
        for (guint i = 0; i < aa->len; i++)
          g_assert_true (kt_activity_equal_fields (g_ptr_array_index (aa, i),
                                                   g_ptr_array_index (ab, i)));
      }
      g_assert_cmpuint (ca->len, ==, cb->len);
      for (guint i = 0; i < ca->len; i++)
        {
          KtContract *x = g_ptr_array_index (ca, i);
          KtContract *y = g_ptr_array_index (cb, i);

          g_assert_cmpstr (x->number, ==, y->number);
          g_assert_true (kt_contract_equal_fields (x, y));
        }

      sa = kt_store_list_suppliers (a, NULL);
      sb = kt_store_list_suppliers (b, NULL);
      g_assert_cmpuint (sa->len, ==, sb->len);
      for (guint i = 0; i < sa->len; i++)
        {
          KtSupplier *x = g_ptr_array_index (sa, i);
          KtSupplier *y = g_ptr_array_index (sb, i);

          g_assert_cmpstr (x->name, ==, y->name);
          g_assert_cmpstr (x->cvr, ==, y->cvr);
          g_assert_cmpuint (x->contacts->len, ==, y->contacts->len);
          for (guint j = 0; j < x->contacts->len; j++)
            g_assert_cmpstr (((KtContact *) g_ptr_array_index (x->contacts, j))->phone, ==,
                             ((KtContact *) g_ptr_array_index (y->contacts, j))->phone);
        }

      /* A different seed gives a different portfolio (the test would pass
       * trivially if the seed were ignored). */
      options.seed = 43;
      other = populated_store (f, name_o, &options);
      co = list_contracts (other);
      for (guint i = 0; i < MIN (co->len, ca->len) && !differs; i++)
        differs = !kt_contract_equal_fields (g_ptr_array_index (ca, i), g_ptr_array_index (co, i));
      g_assert_true (differs || co->len != ca->len);
    }
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_write_refuses_existing (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "mine.kontrakter", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.kontrakter", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  guint entries = 0;

  g_assert_true (g_file_set_contents (path, "a user's own file, not a portfolio\n", -1, NULL));
  before = read_file (path);

  g_assert_false (kt_example_write (path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "mine.kontrakter"));
  after = read_file (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* A dangling symlink is refused too: writing through it would create a
   * file somewhere the user did not ask for. */
  g_assert_cmpint (symlink ("nowhere.kontrakter", link), ==, 0);
  g_assert_false (kt_example_write (link, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* Nothing else was left behind in the folder (no scratch files). */
  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    entries++;
  g_assert_cmpuint (entries, ==, 2);
}

static void
test_write_new_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "eksempel.kontrakter", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.kontrakter", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GDir) dir = NULL;
  guint entries = 0;

  g_assert_true (kt_example_write (path, &error));
  g_assert_no_error (error);

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (kt_store_is_read_only (store));
  contracts = list_contracts (store);
  g_assert_cmpuint (contracts->len, >=, 60);
  g_clear_object (&store);

  /* The portfolio and its documents folder, no scratch files. */
  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    entries++;
  g_assert_cmpuint (entries, ==, 2);
  {
    g_autofree char *folder = g_build_filename (f->dir, "eksempel-dokumenter", NULL);
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  }

  g_assert_false (kt_example_write (missing, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_scaled_exact_count (Fixture       *f,
                         gconstpointer  data)
{
  static const guint sizes[] = { 1, 7, 500 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      KtExampleOptions options;
      g_autoptr(KtStore) store = NULL;
      g_autoptr(GPtrArray) contracts = NULL;
      g_autoptr(GPtrArray) suppliers = NULL;
      g_autoptr(GPtrArray) people = NULL;
      g_autoptr(GPtrArray) units = NULL;
      g_autoptr(GHashTable) supplier_ids = NULL;
      g_autoptr(GHashTable) contract_ids = NULL;
      g_autofree char *name = g_strdup_printf ("scaled-%u.kontrakter", sizes[s]);
      guint n_side = MAX (1, sizes[s] / 8);
      guint loen = 0;

      options_for (&options, sizes[s], 7, 20, G_DATE_MAY, 2026);
      options.n_activities = sizes[s] * 10;
      store = populated_store (f, name, &options);
      contracts = list_contracts (store);
      suppliers = kt_store_list_suppliers (store, NULL);
      people = kt_store_list_people (store, NULL);
      units = kt_store_list_org_units (store, NULL);

      g_assert_cmpuint (contracts->len, ==, sizes[s]);
      g_assert_cmpuint (suppliers->len, ==, n_side);
      g_assert_cmpuint (people->len, ==, n_side);
      g_assert_cmpuint (units->len, ==, n_side);

      supplier_ids = id_set (suppliers);
      contract_ids = id_set (contracts);
      for (guint i = 0; i < suppliers->len; i++)
        g_assert_true (kt_cvr_validate (((KtSupplier *) g_ptr_array_index (suppliers, i))->cvr, NULL, NULL));
      for (guint i = 0; i < contracts->len; i++)
        {
          KtContract *c = g_ptr_array_index (contracts, i);

          g_assert_true (has_id (supplier_ids, c->supplier_id));
          if (c->parent_id != 0)
            g_assert_true (has_id (contract_ids, c->parent_id));
          loen += strstr (c->name, "Løn") != NULL;
        }
      /* The benchmark filters by "løn": a large portfolio must have hits. */
      if (sizes[s] >= 500)
        g_assert_cmpuint (loen, >=, 5);

      /* Exactly the activities asked for, each on a live contract, with a
       * mix the overview benchmark can chew on. */
      {
        ActivityStats stats;

        activity_stats (store, &options.reference_date, &stats);
        g_assert_cmpuint (stats.total, ==, sizes[s] * 10);
        if (sizes[s] >= 500)
          {
            g_assert_cmpuint (stats.recurring, >=, stats.total / 8);
            g_assert_cmpuint (stats.done_once, >=, stats.total / 8);
            g_assert_cmpuint (stats.cancelled, >=, 1);
            g_assert_cmpuint (stats.overdue, >=, 10);
            g_assert_cmpuint (stats.soon, >=, 10);
          }
      }
    }
}

/* The populate is one transaction: a store that refuses writes gets nothing. */
static void
test_populate_read_only (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "ro.kontrakter", NULL);
  g_autoptr(KtStore) store = NULL;
  g_autoptr(KtStore) ro = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GError) error = NULL;

  store = kt_store_open (path, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  ro = kt_store_open (path, KT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (kt_example_populate (ro, NULL, &error));
  g_assert_nonnull (error);
  contracts = list_contracts (ro);
  g_assert_cmpuint (contracts->len, ==, 0);
}

/* ---- The contract documents (kt-example-documents.c) ---- */

/* Text without white space: poppler breaks lines (and hyphenated words)
 * where the layout did, the clause keeps the paragraph as written. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *pdf;

  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static char *
pdf_page_text (PopplerDocument *pdf,
               guint            page)
{
  PopplerPage *p = poppler_document_get_page (pdf, (int) page);
  char *text;

  g_assert_nonnull (p);
  text = poppler_page_get_text (p);
  g_object_unref (p);
  return text;
}

/* Every page's text, squeezed, in one string. */
static char *
pdf_all_text (PopplerDocument *pdf)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *text = pdf_page_text (pdf, (guint) i);
      g_autofree char *squeezed = squeeze (text);

      g_string_append (all, squeezed);
    }
  return g_string_free (all, FALSE);
}

static GPtrArray *
list_documents (KtStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *documents = kt_store_list_documents (store, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (documents);
  return documents;
}

/* The clause's lines cover its text on its page: what poppler finds inside
 * the rectangles is the marked text. */
static void
assert_clause_on_page (const KtClause  *clause,
                       PopplerDocument *pdf)
{
  PopplerPage *page = poppler_document_get_page (pdf, (int) clause->page);
  g_autofree char *page_text = NULL;
  g_autofree char *page_squeezed = NULL;
  g_autofree char *clause_squeezed = squeeze (clause->text);
  GString *covered = g_string_new (NULL);
  g_autofree char *covered_squeezed = NULL;
  double width, height;

  g_assert_nonnull (page);
  poppler_page_get_size (page, &width, &height);
  page_text = poppler_page_get_text (page);
  page_squeezed = squeeze (page_text);
  g_assert_cmpuint (strlen (clause_squeezed), >, 40);
  g_assert_nonnull (strstr (page_squeezed, clause_squeezed));

  g_assert_cmpuint (clause->quads->len, >, 0);
  for (guint i = 0; i < clause->quads->len; i++)
    {
      const KtPageRect *r = &g_array_index (clause->quads, KtPageRect, i);
      PopplerRectangle area = { r->x1, r->y1, r->x2, r->y2 };
      g_autofree char *line = NULL;

      g_assert_cmpfloat (r->x1, >=, 0);
      g_assert_cmpfloat (r->x1, <, r->x2);
      g_assert_cmpfloat (r->x2, <=, width);
      g_assert_cmpfloat (r->y1, >=, 0);
      g_assert_cmpfloat (r->y1, <, r->y2);
      g_assert_cmpfloat (r->y2, <=, height);
      /* Lines one below the other, not overlapping. */
      if (i > 0)
        g_assert_cmpfloat (r->y1, >=, g_array_index (clause->quads, KtPageRect, i - 1).y2 - 0.5);
      line = poppler_page_get_text_for_area (page, &area);
      g_string_append (covered, line);
    }
  covered_squeezed = squeeze (covered->str);
  g_assert_cmpstr (covered_squeezed, ==, clause_squeezed);

  g_string_free (covered, TRUE);
  g_object_unref (page);
}

static void
test_documents_write (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "eksempel.kontrakter", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(KtDocumentLibrary) library = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) signed_contracts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) marked = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *folder = NULL;
  guint n_appendices = 0;
  guint n_linked = 0;
  guint n_marked_hits = 0;

  g_assert_true (kt_example_write (path, &error));
  g_assert_no_error (error);

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  library = kt_document_library_new (store);
  folder = kt_document_library_folder_for (path);
  g_assert_cmpstr (kt_document_library_get_folder (library), ==, folder);
  documents = list_documents (store);

  for (guint i = 0; i < documents->len; i++)
    {
      KtDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *file = kt_document_library_get_path (library, document, &error);
      g_autofree char *dir = NULL;
      g_autofree char *all = NULL;
      g_autofree char *number = NULL;
      g_autoptr(GPtrArray) clauses = NULL;
      PopplerDocument *pdf;
      KtDocumentState state = KT_DOCUMENT_MISSING;
      guint categories = 0;

      g_assert_no_error (error);
      dir = g_path_get_dirname (file);
      g_assert_cmpstr (dir, ==, folder);
      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
      g_assert_true (kt_document_library_verify (library, document, &state, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (state, ==, KT_DOCUMENT_OK);
      g_assert_true (kt_document_is_pdf (document));
      g_assert_cmpint (document->index_state, ==, KT_INDEX_STATE_INDEXED);

      pdf = open_pdf (file);
      g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, (int) document->n_pages);
      all = pdf_all_text (pdf);
      number = squeeze (document->contract_number);
      g_assert_nonnull (strstr (all, number));

      if (document->kind == KT_DOCUMENT_KIND_APPENDIX)
        {
          n_appendices++;
          g_assert_cmpuint (document->n_pages, >=, 3);
          g_assert_nonnull (strstr (all, "Servicemål"));
          g_object_unref (pdf);
          continue;
        }
      g_assert_cmpint (document->kind, ==, KT_DOCUMENT_KIND_SIGNED_CONTRACT);
      g_assert_cmpuint (document->n_pages, >=, 5);
      g_assert_cmpuint (document->n_pages, <=, 12);
      g_assert_nonnull (strstr (all, "Opsigelse"));
      g_assert_nonnull (strstr (all, "Underskrevetdigitalt"));
      g_assert_nonnull (strstr (all, "EksempelKommune"));
      g_assert_true (g_str_has_suffix (document->original_name, ".pdf"));
      g_hash_table_add (signed_contracts, &document->contract_id);

      clauses = kt_store_list_clauses (store, document->contract_id, document->id, &error);
      g_assert_no_error (error);
      for (guint c = 0; c < clauses->len; c++)
        {
          KtClause *clause = g_ptr_array_index (clauses, c);

          g_assert_cmpint (clause->document_id, ==, document->id);
          g_assert_nonnull (clause->note);
          assert_clause_on_page (clause, pdf);
          categories |= 1u << clause->category;
          if (clause->category == KT_CLAUSE_TERMINATION)
            {
              /* The number and the clause are two words in the page text,
               * not "4.1Kunden", or the index would not find "Kunden". */
              g_autofree char *text = pdf_page_text (pdf, clause->page);
              g_assert_nonnull (strstr (text, "4.1 Kunden kan opsige"));
            }
          if (clause->category == KT_CLAUSE_PRICE && clause->activity_id != 0)
            {
              g_autoptr(KtActivity) activity = kt_store_get_activity (store, clause->activity_id, &error);

              g_assert_no_error (error);
              g_assert_cmpint (activity->type, ==, KT_ACTIVITY_PRICE_REGULATION);
              g_assert_cmpint (activity->contract_id, ==, document->contract_id);
              n_linked++;
            }
        }
      if (clauses->len > 0)
        {
          /* Notice, price regulation, exit and penalty on each marked contract. */
          g_assert_cmpuint (categories & (1u << KT_CLAUSE_TERMINATION), !=, 0);
          g_assert_cmpuint (categories & (1u << KT_CLAUSE_PRICE), !=, 0);
          g_assert_cmpuint (categories & (1u << KT_CLAUSE_EXIT), !=, 0);
          g_assert_cmpuint (categories & (1u << KT_CLAUSE_PENALTY), !=, 0);
          g_hash_table_add (marked, &document->id);
        }
      g_object_unref (pdf);
    }

  g_assert_cmpuint (g_hash_table_size (signed_contracts), >=, 5);
  g_assert_cmpuint (n_appendices, ==, 1);
  g_assert_cmpuint (g_hash_table_size (marked), >=, 2);
  g_assert_cmpuint (n_linked, >=, 1);

  /* Indexed at once: the price regulation clauses are found, with pages. */
  hits = kt_store_search (store, "prisregulering", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      KtSearchHit *hit = g_ptr_array_index (hits, i);

      if (hit->document_id != 0 && g_hash_table_contains (marked, &hit->document_id))
        {
          g_assert_cmpuint (hit->page, >=, 2);
          n_marked_hits++;
        }
    }
  g_assert_cmpuint (n_marked_hits, >=, g_hash_table_size (marked));
}

static int
compare_strings_cb (gconstpointer a,
                    gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The same example gives the same files, byte for byte; another reference
 * date gives other dates in the text, hence other files. */
static GPtrArray *
example_with_documents (Fixture    *f,
                        const char *name,
                        int         day)
{
  KtExampleOptions options;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *hashes = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  options_for (&options, 0, KT_EXAMPLE_DEFAULT_SEED, day, G_DATE_MARCH, 2026);
  store = populated_store (f, name, &options);
  g_assert_true (kt_example_add_documents (store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >=, 6);

  documents = list_documents (store);
  g_assert_cmpuint (documents->len, ==, n);
  for (guint i = 0; i < documents->len; i++)
    {
      KtDocument *document = g_ptr_array_index (documents, i);
      g_ptr_array_add (hashes, g_strdup_printf ("%s %s", document->contract_number, document->sha256));
    }
  g_ptr_array_sort (hashes, compare_strings_cb);
  return hashes;
}

static void
test_documents_deterministic (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) first = example_with_documents (f, "a.kontrakter", 10);
  g_autoptr(GPtrArray) again = example_with_documents (f, "b.kontrakter", 10);
  g_autoptr(GPtrArray) other = NULL;
  guint same = 0;

  g_assert_cmpuint (first->len, ==, again->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (g_ptr_array_index (first, i), ==, g_ptr_array_index (again, i));

  /* A year later every date moves, and with them the text. */
  {
    KtExampleOptions options;
    g_autoptr(KtStore) store = NULL;
    g_autoptr(GError) error = NULL;

    options_for (&options, 0, KT_EXAMPLE_DEFAULT_SEED, 10, G_DATE_MARCH, 2027);
    store = populated_store (f, "c.kontrakter", &options);
    g_assert_true (kt_example_add_documents (store, NULL, &error));
    g_assert_no_error (error);
    other = list_documents (store);
  }
  for (guint i = 0; i < other->len; i++)
    for (guint j = 0; j < first->len; j++)
      same += strstr (g_ptr_array_index (first, j), ((KtDocument *) g_ptr_array_index (other, i))->sha256) != NULL;
  g_assert_cmpuint (same, ==, 0);
}

/* The portfolio is written even when its documents cannot be: the example
 * without them is still useful, and the reason shows as a warning. */
static void
test_documents_failure_keeps_portfolio (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "blokeret.kontrakter", NULL);
  g_autofree char *in_the_way = g_build_filename (f->dir, "blokeret-dokumenter", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  /* A file where the documents folder should be. */
  g_assert_true (g_file_set_contents (in_the_way, "not a folder\n", -1, NULL));

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*blokeret.kontrakter*");
  g_assert_true (kt_example_write (path, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  contracts = list_contracts (store);
  g_assert_cmpuint (contracts->len, >=, 60);
  documents = list_documents (store);
  g_assert_cmpuint (documents->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/io/example/curated/counts-and-references", test_curated_counts_and_references);
  ADD ("/io/example/curated/content", test_curated_content);
  ADD ("/io/example/curated/fresh-on-any-date", test_curated_fresh_on_any_date);
  ADD ("/io/example/curated/activities", test_curated_activities);
  ADD ("/io/example/deterministic", test_deterministic);
  ADD ("/io/example/write/refuses-existing", test_write_refuses_existing);
  ADD ("/io/example/write/new-file", test_write_new_file);
  ADD ("/io/example/scaled/exact-count", test_scaled_exact_count);
  ADD ("/io/example/populate/read-only", test_populate_read_only);
  ADD ("/io/example/documents/write", test_documents_write);
  ADD ("/io/example/documents/deterministic", test_documents_deterministic);
  ADD ("/io/example/documents/failure-keeps-portfolio", test_documents_failure_keeps_portfolio);
#undef ADD

  return g_test_run ();
}
