/* kt-example.c — writes the example portfolio into a store
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "kt-cvr.h"
#include "kt-example.h"
#include "kt-example-data.h"
#include "kt-example-documents.h"

/* Ids of the rows written so far, by table index. */
typedef struct {
  gint64  units[N_EXAMPLE_UNITS];
  gint64  people[N_EXAMPLE_PEOPLE];
  gint64  suppliers[N_EXAMPLE_SUPPLIERS];
  GPtrArray  *all;         /* of KtContract*, owns every contract made */
  GHashTable *contracts;   /* name → KtContract* as inserted */
} Curated;

void
kt_example_month_first (const GDate *ref,
                        int          months,
                        GDate       *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 1, g_date_get_month (ref), g_date_get_year (ref));
  if (months > 0)
    g_date_add_months (out, months);
  else if (months < 0)
    g_date_subtract_months (out, -months);
}

void
kt_example_month_last (const GDate *ref,
                       int          months,
                       GDate       *out)
{
  kt_example_month_first (ref, months + 1, out);
  g_date_subtract_days (out, 1);
}

void
kt_example_regulation (const GDate *ref,
                       int          month,
                       const GDate *start,
                       const GDate *end,
                       GDate       *out)
{
  const GDate *from = ref;
  GDateYear year;

  g_date_clear (out, 1);
  if (month < 1 || month > 12)
    return;

  /* The first regulation after "today" (or after the start of a contract
   * that has not started yet) ... */
  if (g_date_valid (start) && g_date_compare (start, ref) > 0)
    from = start;
  year = g_date_get_year (from);
  g_date_set_dmy (out, 1, month, year);
  if (g_date_compare (out, from) <= 0)
    g_date_set_year (out, year + 1);

  /* ... or, for a contract that has ended, the last one in its term. */
  while (g_date_valid (end) && g_date_compare (out, end) > 0)
    g_date_set_year (out, g_date_get_year (out) - 1);

  if (g_date_valid (start) && g_date_compare (out, start) < 0)
    g_date_clear (out, 1);
}

char *
kt_example_mail_name (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      switch (c)
        {
        case 0x00e6: g_string_append (out, "ae"); break;  /* æ */
        case 0x00f8: g_string_append (out, "oe"); break;  /* ø */
        case 0x00e5: g_string_append (out, "aa"); break;  /* å */
        case 0x00e9: g_string_append_c (out, 'e'); break; /* é */
        case 0x00fc: g_string_append_c (out, 'u'); break; /* ü */
        case ' ':    g_string_append_c (out, '.'); break;
        default:
          if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
            g_string_append_c (out, (char) c);
        }
    }

  return g_string_free (out, FALSE);
}

char *
kt_example_phone (GRand *rand)
{
  /* Danish numbers have eight digits and never start with 0 or 1. */
  return g_strdup_printf ("%d%d %02d %02d %02d",
                          g_rand_int_range (rand, 2, 10), g_rand_int_range (rand, 0, 10),
                          g_rand_int_range (rand, 0, 100), g_rand_int_range (rand, 0, 100),
                          g_rand_int_range (rand, 0, 100));
}

char *
kt_example_random_cvr (GRand *rand)
{
  for (;;)
    {
      char stem[8];
      char *cvr;

      g_snprintf (stem, sizeof stem, "%07d", g_rand_int_range (rand, 1000000, 10000000));
      cvr = kt_cvr_complete (stem);
      if (cvr != NULL)
        return cvr;
    }
}

const char *
kt_example_pick (GRand      *rand,
                 const char *const *strv)
{
  return strv[g_rand_int_range (rand, 0, kt_example_strv_length (strv))];
}

void
kt_example_add_contacts (KtSupplier *supplier,
                         GRand      *rand,
                         const char *domain)
{
  int n = g_rand_int_range (rand, 1, 4);

  for (int i = 0; i < n; i++)
    {
      KtContact *contact = kt_contact_new ();
      const char *first = kt_example_pick (rand, kt_example_first_names);
      const char *last = kt_example_pick (rand, kt_example_last_names);
      g_autofree char *mail = NULL;

      contact->name = g_strdup_printf ("%s %s", first, last);
      /* The first contact is the account manager the municipality deals with. */
      contact->title = g_strdup (i == 0 ? "Kundeansvarlig"
                                        : kt_example_pick (rand, kt_example_contact_titles));
      mail = kt_example_mail_name (contact->name);
      contact->email = g_strdup_printf ("%s@%s", mail, domain);
      contact->phone = kt_example_phone (rand);
      g_ptr_array_add (supplier->contacts, contact);
    }
}

static gint64
kroner (gint64 kr)
{
  return kr > 0 ? kr * 100 : KT_MONEY_NONE;
}

static gboolean
write_organisation (KtStore  *store,
                    GRand    *rand,
                    Curated  *ids,
                    GError  **error)
{
  for (guint i = 0; i < N_EXAMPLE_UNITS; i++)
    {
      const KtExampleUnit *row = &kt_example_units[i];
      g_autoptr(KtOrgUnit) unit = kt_org_unit_new ();

      unit->name = g_strdup (row->name);
      unit->kind = row->kind;
      unit->parent_id = row->parent >= 0 ? ids->units[row->parent] : 0;
      if (!kt_store_insert_org_unit (store, unit, error))
        return FALSE;
      ids->units[i] = unit->id;
    }

  for (guint i = 0; i < N_EXAMPLE_PEOPLE; i++)
    {
      const KtExamplePerson *row = &kt_example_people[i];
      g_autoptr(KtPerson) person = kt_person_new ();

      person->name = g_strdup (row->name);
      person->email = g_strdup (row->email);
      person->org_unit_id = ids->units[row->unit];
      person->roles = row->roles;
      if (!kt_store_insert_person (store, person, error))
        return FALSE;
      ids->people[i] = person->id;
    }

  for (guint i = 0; i < N_EXAMPLE_SUPPLIERS; i++)
    {
      const KtExampleSupplier *row = &kt_example_suppliers[i];
      g_autoptr(KtSupplier) supplier = kt_supplier_new ();
      char stem[8];

      g_snprintf (stem, sizeof stem, "%07u", row->cvr_stem);
      supplier->name = g_strdup (row->name);
      supplier->cvr = kt_cvr_complete (stem);
      g_assert (supplier->cvr != NULL);  /* the stems in the table are chosen to complete */
      supplier->address = g_strdup (row->address);
      supplier->postal_code = g_strdup (row->postal_code);
      supplier->city = g_strdup (row->city);
      supplier->notes = g_strdup (row->notes);
      kt_example_add_contacts (supplier, rand, row->domain);
      if (!kt_store_insert_supplier (store, supplier, error))
        return FALSE;
      ids->suppliers[i] = supplier->id;
    }

  return TRUE;
}

static KtContract *
contract_from_row (const KtExampleContract *row,
                   const Curated           *ids,
                   const GDate             *ref,
                   GRand                   *rand)
{
  KtContract *c = kt_contract_new ();

  c->name = g_strdup (row->name);
  c->purchased_services = g_strdup (row->services);
  c->type = row->type;
  c->template_kind = row->template_kind;
  c->status = row->status;
  c->supplier_id = ids->suppliers[row->supplier];
  c->system_owner_id = ids->people[row->owner];
  c->administrator_id = ids->people[row->admin];
  c->org_unit_id = ids->units[row->unit];
  c->category = row->category;
  c->procurement_form = row->procurement;
  c->criticality = row->criticality;
  c->contract_sum = kroner (row->sum);
  c->annual_cost = kroner (row->annual);
  c->payment_model = row->payment;
  c->payment_frequency = row->frequency;
  c->price_index = row->index;

  kt_example_month_first (ref, row->start, &c->start_date);
  c->running = row->running;
  if (!row->running)
    kt_example_month_last (ref, row->end, &c->end_date);
  if (row->status != KT_STATUS_PLANNED)
    {
      c->signed_date = c->start_date;
      g_date_subtract_days (&c->signed_date, g_rand_int_range (rand, 7, 46));
    }
  if (row->irrevocable > 0)
    kt_example_month_last (ref, row->start + row->irrevocable - 1, &c->irrevocable_until);
  if (row->index != KT_PRICE_INDEX_NONE)
    kt_example_regulation (ref, row->index_month, &c->start_date, &c->end_date,
                           &c->price_regulation_date);

  c->notice_months = row->notice;
  c->notice_rule = row->rule;
  c->option_count = row->options;
  c->option_months = row->option_months;
  c->options_used = row->options_used;
  c->personal_data = row->personal_data;
  c->exit_notes = g_strdup (row->exit_notes);
  c->learning_points = g_strdup (row->learning);
  c->notes = g_strdup (row->notes);

  return c;
}

/* Contract numbers run per year of signing, in the order of signing, as a
 * municipality's journal would have given them. */
static int
compare_signing_cb (gconstpointer a,
                    gconstpointer b)
{
  const KtContract *ca = *(KtContract * const *) a;
  const KtContract *cb = *(KtContract * const *) b;
  const GDate *da = g_date_valid (&ca->signed_date) ? &ca->signed_date : &ca->start_date;
  const GDate *db = g_date_valid (&cb->signed_date) ? &cb->signed_date : &cb->start_date;

  return g_date_compare (da, db);
}

static void
number_by_year (GPtrArray  *contracts,
                const char *prefix)
{
  GDateYear year = 0;
  guint seq = 0;

  g_ptr_array_sort (contracts, compare_signing_cb);
  for (guint i = 0; i < contracts->len; i++)
    {
      KtContract *c = g_ptr_array_index (contracts, i);
      const GDate *d = g_date_valid (&c->signed_date) ? &c->signed_date : &c->start_date;

      if (g_date_get_year (d) != year)
        {
          year = g_date_get_year (d);
          seq = 0;
        }
      c->number = g_strdup_printf ("%s-%u-%03u", prefix, year, ++seq);
    }
}

static KtContract *
dpa_for (const KtContract *main_contract,
         const Curated    *ids)
{
  KtContract *dpa = kt_contract_new ();

  dpa->name = g_strdup_printf ("Databehandleraftale – %s", main_contract->name);
  dpa->purchased_services = g_strdup ("Behandling af personoplysninger på kommunens vegne efter KL's "
                                      "skabelon; underdatabehandlere er oplistet i bilag 2");
  dpa->type = KT_CONTRACT_TYPE_DATA_PROCESSING;
  dpa->parent_id = main_contract->id;
  dpa->template_kind = main_contract->procurement_form == KT_PROCUREMENT_KOMBIT
                       ? KT_TEMPLATE_KOMBIT : KT_TEMPLATE_OTHER;
  dpa->status = main_contract->status;
  dpa->supplier_id = main_contract->supplier_id;
  dpa->system_owner_id = main_contract->system_owner_id;
  /* The security lead follows up on audit statements and sub-processors. */
  dpa->administrator_id = ids->people[P_THOMAS];
  dpa->org_unit_id = main_contract->org_unit_id;
  dpa->category = KT_CATEGORY_OTHER;
  dpa->procurement_form = main_contract->procurement_form;
  dpa->criticality = main_contract->criticality;
  dpa->signed_date = main_contract->signed_date;
  dpa->start_date = main_contract->start_date;
  dpa->end_date = main_contract->end_date;
  dpa->running = main_contract->running;
  dpa->personal_data = TRUE;
  dpa->notes = g_strdup ("Revisionserklæring (ISAE 3000) indhentes årligt og gennemgås af "
                         "it-sikkerhedsansvarlig.");

  return dpa;
}

static gboolean
insert_contract (KtStore     *store,
                 Curated     *ids,
                 KtContract  *contract,
                 GError     **error)
{
  if (!kt_store_insert_contract (store, contract, error))
    {
      g_prefix_error (error, "%s: ", contract->name);
      return FALSE;
    }
  g_hash_table_insert (ids->contracts, contract->name, contract);
  return TRUE;
}

/* "Lønsystem – tillæg 2: …" is number …-T2: the register keeps the numbering
 * of the agreements even when an earlier tillæg is no longer registered. */
static guint
tillaeg_number (const char *name)
{
  const char *p = strstr (name, "tillæg ");

  return p != NULL ? (guint) g_ascii_strtoull (p + strlen ("tillæg "), NULL, 10) : 0;
}

static KtContract *
keep (Curated    *ids,
      KtContract *contract)
{
  g_ptr_array_add (ids->all, contract);
  return contract;
}

static gboolean
populate_curated (KtStore     *store,
                  GRand       *rand,
                  const GDate *ref,
                  GError     **error)
{
  Curated ids = { 0 };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contract_free);
  g_autoptr(GHashTable) contracts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) mains = g_ptr_array_new ();
  g_autoptr(GPtrArray) dpas = g_ptr_array_new ();
  g_autoptr(GHashTable) names = g_hash_table_new (g_int64_hash, g_int64_equal);

  ids.all = all;
  ids.contracts = contracts;

  if (!write_organisation (store, rand, &ids, error))
    return FALSE;

  for (guint i = 0; i < kt_example_n_contracts; i++)
    if (kt_example_contracts[i].parent == NULL)
      g_ptr_array_add (mains, keep (&ids, contract_from_row (&kt_example_contracts[i], &ids, ref, rand)));

  number_by_year (mains, "KT");
  for (guint i = 0; i < mains->len; i++)
    if (!insert_contract (store, &ids, g_ptr_array_index (mains, i), error))
      return FALSE;

  for (guint i = 0; i < kt_example_n_contracts; i++)
    {
      const KtExampleContract *row = &kt_example_contracts[i];
      KtContract *parent;
      KtContract *c;

      if (row->parent == NULL)
        continue;
      parent = g_hash_table_lookup (contracts, row->parent);
      g_assert (parent != NULL);  /* a typo in the table */
      c = keep (&ids, contract_from_row (row, &ids, ref, rand));
      c->parent_id = parent->id;
      c->number = g_strdup_printf ("%s-T%u", parent->number, tillaeg_number (row->name));
      if (!insert_contract (store, &ids, c, error))
        return FALSE;
    }

  for (guint i = 0; i < kt_example_n_contracts; i++)
    if (kt_example_contracts[i].dpa)
      g_ptr_array_add (dpas, keep (&ids, dpa_for (g_hash_table_lookup (contracts, kt_example_contracts[i].name),
                                                  &ids)));
  number_by_year (dpas, "DBA");
  for (guint i = 0; i < dpas->len; i++)
    if (!insert_contract (store, &ids, g_ptr_array_index (dpas, i), error))
      return FALSE;

  for (guint i = 0; i < N_EXAMPLE_PEOPLE; i++)
    g_hash_table_insert (names, &ids.people[i], (gpointer) kt_example_people[i].name);

  return kt_example_add_curated_activities (store, rand, ref, ids.all, names, error);
}

void
kt_example_options_init (KtExampleOptions *options)
{
  g_return_if_fail (options != NULL);

  options->n_contracts = 0;
  options->n_activities = 0;
  options->seed = KT_EXAMPLE_DEFAULT_SEED;
  g_date_clear (&options->reference_date, 1);
}

gboolean
kt_example_populate (KtStore                 *store,
                     const KtExampleOptions  *options,
                     GError                 **error)
{
  KtExampleOptions defaults;
  g_autoptr(GRand) rand = NULL;
  GDate ref;
  gboolean ok;

  g_return_val_if_fail (KT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      kt_example_options_init (&defaults);
      options = &defaults;
    }

  ref = options->reference_date;
  if (!g_date_valid (&ref))
    {
      g_date_clear (&ref, 1);
      g_date_set_time_t (&ref, time (NULL));
    }

  rand = g_rand_new_with_seed (options->seed);

  if (!kt_store_begin_batch (store, error))
    return FALSE;

  if (options->n_contracts == 0)
    ok = populate_curated (store, rand, &ref, error);
  else
    ok = kt_example_populate_generated (store, rand, &ref, options->n_contracts,
                                        options->n_activities, error);

  if (ok && kt_store_commit_batch (store, error))
    return TRUE;

  kt_store_rollback_batch (store);
  return FALSE;
}

/* The documents come after the portfolio is in place: the documents
 * folder is named after the final path. A portfolio without them is still
 * a good example, so a failure here does not undo it or fail the command;
 * it is logged as a warning, which the command line shows. */
static void
add_documents (const char *path,
               const char *display)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KtStore) store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);

  if (store == NULL || !kt_example_add_documents (store, NULL, &error))
    g_warning (_("The example portfolio “%s” was created, but its contract documents could not "
                 "all be added: %s"), display, error->message);
}

static void
remove_scratch (const char *dir,
                const char *file)
{
  g_autofree char *journal = g_strconcat (file, "-journal", NULL);

  g_remove (file);
  g_remove (journal);
  g_rmdir (dir);
}

gboolean
kt_example_write (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *scratch_dir = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *display = NULL;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  int saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists. The example portfolio is only written to a new file."),
                   display);
      return FALSE;
    }

  /* Built beside the target and moved into place at the end, so that an
   * error never leaves a half-written portfolio under the user's name. */
  dir = g_path_get_dirname (path);
  scratch_dir = g_build_filename (dir, ".kontrakter-example-XXXXXX", NULL);
  if (g_mkdtemp (scratch_dir) == NULL)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the example portfolio “%s”: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  scratch = g_build_filename (scratch_dir, "example.kontrakter", NULL);

  store = kt_store_open (scratch, KT_STORE_OPEN_CREATE, &local_error);
  if (store == NULL || !kt_example_populate (store, NULL, &local_error))
    {
      g_clear_object (&store);
      remove_scratch (scratch_dir, scratch);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not create the example portfolio “%s”: %s"),
                   display, local_error->message);
      return FALSE;
    }
  g_clear_object (&store);

  /* link () refuses an existing target atomically, unlike rename (); some
   * network file systems have no hard links, and then a checked rename is
   * the best there is. */
  if (link (scratch, path) != 0)
    {
      saved_errno = errno;
      if (saved_errno == EEXIST || g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        {
          remove_scratch (scratch_dir, scratch);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("“%s” already exists. The example portfolio is only written to a new file."),
                       display);
          return FALSE;
        }
      if (g_rename (scratch, path) != 0)
        {
          saved_errno = errno;
          remove_scratch (scratch_dir, scratch);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the example portfolio “%s”: %s"),
                       display, g_strerror (saved_errno));
          return FALSE;
        }
    }

  remove_scratch (scratch_dir, scratch);
  add_documents (path, display);
  return TRUE;
}
