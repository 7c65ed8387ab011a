/* kt-example-generated.c — a large invented portfolio of any size
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For benchmarks and tests: n contracts with n/8 suppliers, people and org
 * units, named from the vocabulary of the curated example so that searching
 * and sorting behave as on a real portfolio. The caller holds the batch
 * transaction; nothing here commits.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include "kt-example-data.h"

typedef struct {
  KtStore     *store;
  GRand       *rand;
  const GDate *ref;
  GHashTable  *names;        /* every name given so far, to keep them distinct */
  GArray      *units;        /* gint64 ids */
  GPtrArray   *unit_names;   /* owned strings, parallel to units */
  GArray      *forvaltninger;
  GArray      *people;
  GArray      *suppliers;
  GArray      *mains;        /* ids of main contracts */
  GArray      *personal;     /* ids of main contracts with personal data */
  GPtrArray   *all;          /* every KtContract written, for the activities */
} Generator;

/* Turns a drawn name (taken over) into one not used before ("Egelyskolen 2"). */
static char *
distinct (Generator *gen,
          char      *name)
{
  char *unique = g_strdup (name);

  for (guint n = 2; g_hash_table_contains (gen->names, unique); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s %u", name, n);
    }
  g_free (name);
  g_hash_table_add (gen->names, g_strdup (unique));

  return unique;
}

static gint64
pick_id (Generator *gen,
         GArray    *ids)
{
  return g_array_index (ids, gint64, g_rand_int_range (gen->rand, 0, ids->len));
}

static gboolean
generate_units (Generator  *gen,
                guint       n,
                GError    **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KtOrgUnit) unit = kt_org_unit_new ();

      /* The five forvaltninger of the curated example come first. */
      if (i < 5)
        {
          unit->name = distinct (gen, g_strdup (kt_example_units[i].name));
          unit->kind = KT_ORG_UNIT_KIND_FORVALTNING;
        }
      else
        {
          guint kind = g_rand_int_range (gen->rand, 0, kt_example_n_institutions);
          const char *place = kt_example_pick (gen->rand, kt_example_place_names);
          g_autofree char *stem = g_strconcat (place, g_rand_boolean (gen->rand) ? "ly" : "vang", NULL);

          unit->name = distinct (gen, g_strconcat (kt_example_institutions[kind][0], stem,
                                                    kt_example_institutions[kind][1], NULL));
          unit->kind = KT_ORG_UNIT_KIND_CENTER;
          unit->parent_id = pick_id (gen, gen->forvaltninger);
        }
      if (!kt_store_insert_org_unit (gen->store, unit, error))
        return FALSE;
      g_array_append_val (gen->units, unit->id);
      g_ptr_array_add (gen->unit_names, g_strdup (unit->name));
      if (unit->kind == KT_ORG_UNIT_KIND_FORVALTNING)
        g_array_append_val (gen->forvaltninger, unit->id);
    }

  return TRUE;
}

static gboolean
generate_people (Generator  *gen,
                 guint       n,
                 GError    **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KtPerson) person = kt_person_new ();
      g_autofree char *mail = NULL;
      const char *first = kt_example_pick (gen->rand, kt_example_first_names);
      const char *last = kt_example_pick (gen->rand, kt_example_last_names);
      /* Half of them have a middle name, as many Danes do. */
      const char *middle = g_rand_boolean (gen->rand)
                           ? kt_example_pick (gen->rand, kt_example_last_names) : NULL;

      person->name = distinct (gen, middle != NULL ? g_strdup_printf ("%s %s %s", first, middle, last)
                                                   : g_strdup_printf ("%s %s", first, last));
      mail = kt_example_mail_name (person->name);
      person->email = g_strdup_printf ("%s@eksempel.dk", mail);
      person->org_unit_id = pick_id (gen, gen->units);
      /* Mostly system owners, as in a real register; every eighth has a central role. */
      if (i % 8 == 0)
        person->roles = 1u << g_rand_int_range (gen->rand, 0, kt_enum_count (KT_ENUM_ROLE));
      else
        person->roles = 1u << KT_ROLE_SYSTEM_OWNER;
      if (!kt_store_insert_person (gen->store, person, error))
        return FALSE;
      g_array_append_val (gen->people, person->id);
    }

  return TRUE;
}

/* Half the drawn names are regional branches ("Fjord Data Syd A/S"). */
static const char *const regions[] = { "", "", "", "", " Nord", " Syd", " Øst", " Vest", " Midt" };

static gboolean
generate_suppliers (Generator  *gen,
                    guint       n,
                    GError    **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KtSupplier) supplier = kt_supplier_new ();
      const char *prefix = kt_example_pick (gen->rand, kt_example_supplier_prefixes);
      const char *stem = kt_example_pick (gen->rand, kt_example_supplier_stems);
      guint city = g_rand_int_range (gen->rand, 0, kt_example_n_cities);
      const char *region = regions[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (regions))];
      g_autofree char *domain = NULL;
      g_autofree char *mail = NULL;

      supplier->name = distinct (gen, g_strdup_printf ("%s %s%s %s", prefix, stem, region,
                                                       g_rand_boolean (gen->rand) ? "A/S" : "ApS"));
      supplier->cvr = kt_example_random_cvr (gen->rand);
      supplier->address = g_strdup_printf ("%s %d", kt_example_pick (gen->rand, kt_example_streets),
                                           g_rand_int_range (gen->rand, 1, 120));
      supplier->postal_code = g_strdup (kt_example_cities[city][0]);
      supplier->city = g_strdup (kt_example_cities[city][1]);
      mail = kt_example_mail_name (prefix);
      domain = g_strdup_printf ("%s-%u.dk", mail, i + 1);
      kt_example_add_contacts (supplier, gen->rand, domain);
      if (!kt_store_insert_supplier (gen->store, supplier, error))
        return FALSE;
      g_array_append_val (gen->suppliers, supplier->id);
    }

  return TRUE;
}

/* Contract sums spread evenly on a log scale from 50.000 kr to 40 mio. kr,
 * rounded to whole thousands as in real contracts. */
static gint64
random_sum (GRand *rand)
{
  double kr = exp (g_rand_double_range (rand, log (5e4), log (4e7)));

  return (gint64) (kr / 1000.0) * 1000 * 100;
}

static void
fill_terms (Generator  *gen,
            KtContract *c)
{
  GRand *rand = gen->rand;
  int start = g_rand_int_range (rand, -96, 4);
  int months = 12 * g_rand_int_range (rand, 1, 7);
  static const guint notice_months[] = { 1, 3, 3, 6, 6, 12 };

  kt_example_month_first (gen->ref, start, &c->start_date);
  c->running = g_rand_int_range (rand, 0, 10) == 0;
  if (!c->running)
    kt_example_month_last (gen->ref, start + months - 1, &c->end_date);

  if (start > 0)
    c->status = KT_STATUS_PLANNED;
  else if (!c->running && g_date_compare (&c->end_date, gen->ref) < 0)
    c->status = KT_STATUS_EXPIRED;
  else if (!c->running && start + months < 12 && g_rand_int_range (rand, 0, 8) == 0)
    c->status = KT_STATUS_NOTICE_GIVEN;
  else
    c->status = KT_STATUS_ACTIVE;

  if (c->status != KT_STATUS_PLANNED)
    {
      c->signed_date = c->start_date;
      g_date_subtract_days (&c->signed_date, g_rand_int_range (rand, 7, 46));
    }
  if (months >= 36 && g_rand_boolean (rand))
    kt_example_month_last (gen->ref, start + 23, &c->irrevocable_until);

  c->notice_months = notice_months[g_rand_int_range (rand, 0, G_N_ELEMENTS (notice_months))];
  c->notice_rule = g_rand_int_range (rand, 0, kt_enum_count (KT_ENUM_NOTICE_RULE));
  if (g_rand_boolean (rand))
    {
      c->option_count = g_rand_int_range (rand, 1, 3);
      c->option_months = 12 * g_rand_int_range (rand, 1, 3);
      c->options_used = g_rand_int_range (rand, 0, c->option_count + 1);
    }
}

static void
fill_money (Generator  *gen,
            KtContract *c,
            int         months)
{
  GRand *rand = gen->rand;

  c->contract_sum = random_sum (rand);
  if (c->category != KT_CATEGORY_CONSULTANCY && c->category != KT_CATEGORY_DEVELOPMENT)
    c->annual_cost = c->contract_sum * 12 / MAX (months, 12) / 100000 * 100000;
  c->payment_model = g_rand_int_range (rand, 0, kt_enum_count (KT_ENUM_PAYMENT_MODEL));
  c->payment_frequency = g_rand_int_range (rand, 0, kt_enum_count (KT_ENUM_PAYMENT_FREQUENCY));
  if (g_rand_int_range (rand, 0, 4) != 0)
    {
      c->price_index = KT_PRICE_INDEX_NET_PRICE;
      kt_example_regulation (gen->ref, g_rand_boolean (rand) ? 1 : g_rand_int_range (rand, 1, 13),
                             &c->start_date, &c->end_date, &c->price_regulation_date);
    }
}

static gboolean
generate_contract (Generator  *gen,
                   guint       i,
                   GError    **error)
{
  GRand *rand = gen->rand;
  g_autoptr(KtContract) c = kt_contract_new ();
  guint system = g_rand_int_range (rand, 0, kt_example_n_systems);
  guint unit = g_rand_int_range (rand, 0, gen->units->len);
  int kind = g_rand_int_range (rand, 0, 100);
  const GDate *numbered;

  c->org_unit_id = g_array_index (gen->units, gint64, unit);
  c->supplier_id = pick_id (gen, gen->suppliers);
  c->system_owner_id = pick_id (gen, gen->people);
  c->administrator_id = pick_id (gen, gen->people);
  c->category = g_rand_int_range (rand, 0, kt_enum_count (KT_ENUM_CATEGORY));
  c->procurement_form = g_rand_int_range (rand, 0, kt_enum_count (KT_ENUM_PROCUREMENT_FORM));
  c->template_kind = c->procurement_form == KT_PROCUREMENT_KOMBIT
                     ? KT_TEMPLATE_KOMBIT : g_rand_int_range (rand, 0, kt_enum_count (KT_ENUM_TEMPLATE));
  c->criticality = g_rand_int_range (rand, 0, kt_enum_count (KT_ENUM_CRITICALITY));
  c->purchased_services = g_strdup (kt_example_systems[system][1]);
  c->personal_data = g_rand_boolean (rand);

  if (kind < 6 && gen->mains->len > 0)
    {
      c->type = KT_CONTRACT_TYPE_SUPPLEMENTARY;
      c->parent_id = pick_id (gen, gen->mains);
    }
  else if (kind < 12 && gen->personal->len > 0)
    {
      c->type = KT_CONTRACT_TYPE_DATA_PROCESSING;
      c->parent_id = pick_id (gen, gen->personal);
    }
  else if (kind < 20)
    c->type = KT_CONTRACT_TYPE_SERVICE;
  else
    c->type = KT_CONTRACT_TYPE_MAIN;

  if (c->type == KT_CONTRACT_TYPE_DATA_PROCESSING)
    {
      c->name = g_strdup_printf ("Databehandleraftale – %s, %s", kt_example_systems[system][0],
                                 (char *) g_ptr_array_index (gen->unit_names, unit));
      c->category = KT_CATEGORY_OTHER;
      c->personal_data = TRUE;
    }
  else
    c->name = g_strdup_printf ("%s – %s, %s", kt_example_systems[system][0],
                               kt_example_pick (rand, kt_example_qualifiers),
                               (char *) g_ptr_array_index (gen->unit_names, unit));

  fill_terms (gen, c);
  fill_money (gen, c, c->running ? 48 : g_date_days_between (&c->start_date, &c->end_date) / 30);
  if (g_rand_int_range (rand, 0, 5) == 0)
    c->exit_notes = g_strdup (kt_example_pick (rand, kt_example_exit_notes));
  if (g_rand_int_range (rand, 0, 5) == 0)
    c->learning_points = g_strdup (kt_example_pick (rand, kt_example_learning_points));

  /* One running sequence keeps numbers unique however many are drawn. */
  numbered = g_date_valid (&c->signed_date) ? &c->signed_date : &c->start_date;
  c->number = g_strdup_printf ("KT-%u-%05u", g_date_get_year (numbered), i + 1);

  if (!kt_store_insert_contract (gen->store, c, error))
    return FALSE;

  if (c->type == KT_CONTRACT_TYPE_MAIN)
    {
      g_array_append_val (gen->mains, c->id);
      if (c->personal_data)
        g_array_append_val (gen->personal, c->id);
    }
  g_ptr_array_add (gen->all, g_steal_pointer (&c));

  return TRUE;
}

gboolean
kt_example_populate_generated (KtStore      *store,
                               GRand        *rand,
                               const GDate  *ref,
                               guint         n_contracts,
                               guint         n_activities,
                               GError      **error)
{
  guint n_side = MAX (1, n_contracts / 8);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) unit_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) forvaltninger = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) suppliers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) mains = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) personal = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contract_free);
  Generator gen = {
    store, rand, ref, names, units, unit_names, forvaltninger, people, suppliers, mains, personal,
    all,
  };

  if (!generate_units (&gen, n_side, error) ||
      !generate_people (&gen, n_side, error) ||
      !generate_suppliers (&gen, n_side, error))
    return FALSE;

  for (guint i = 0; i < n_contracts; i++)
    if (!generate_contract (&gen, i, error))
      return FALSE;

  return kt_example_add_generated_activities (store, rand, ref, all, people, n_activities, error);
}
