/* shared-writer.c — one colleague writing to a shared portfolio, for the
 * shared-stress and shared-crash tests (which start several of these)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   shared-writer stress FILE WRITER SECONDS SEED LOG
 *     Random edits through the store for SECONDS, retrying a locked file
 *     with back-off as the window does. Every acknowledged write and every
 *     conflict goes to LOG (read once the writer has exited):
 *       ack     ENTITY ID VERSION FIELD VALUE
 *       insert  ENTITY ID NUMBER
 *       conflict ENTITY ID READ-VERSION FIELD VALUE
 *       stats   EDITS CONFLICTS RETRIES LONGEST-WAIT-US
 *
 *   shared-writer crash FILE CONTRACT SEED MODE
 *     Small writes to one contract's notes in a loop, each printed as
 *     "ack VERSION VALUE" once the commit has returned, now and then a
 *     batch of big inserts that is never committed; prints "in-tx" once a
 *     batch has written into the file itself (a hot journal). MODE "batch"
 *     starts with such a batch.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "kt-store.h"

#define LOCK_WAIT_MS      200
#define BACKOFF_FIRST_US  (100 * G_TIME_SPAN_MILLISECOND)
#define BACKOFF_MAX_US    (2 * G_TIME_SPAN_SECOND)
#define GIVE_UP_US        (60 * G_TIME_SPAN_SECOND)

typedef gboolean (*WriteFunc) (KtStore *store, gpointer record, GError **error);

typedef struct {
  KtStore *store;
  GRand   *rand;
  FILE    *log;
  guint    writer;
  guint    seq;
  guint64  edits;
  guint64  conflicts;
  guint64  retries;
  gint64   longest_wait;
  GArray  *contract_ids;
  GArray  *supplier_ids;
} Writer;

static G_NORETURN void
die (const char   *what,
     const GError *error)
{
  fprintf (stderr, "shared-writer: %s: %s\n", what, error != NULL ? error->message : "");
  exit (2);
}

/* Calls @write until it is not BUSY, pausing 0.1 s doubling to 2 s as the
 * window does (kt-write-retry.h). */
static gboolean
write_with_retry (Writer     *w,
                  WriteFunc   write,
                  gpointer    record,
                  GError    **error)
{
  gint64 start = g_get_monotonic_time ();
  gint64 backoff = BACKOFF_FIRST_US;

  for (;;)
    {
      GError *local_error = NULL;
      gboolean ok = write (w->store, record, &local_error);
      gint64 waited = g_get_monotonic_time () - start;

      w->longest_wait = MAX (w->longest_wait, waited);

      if (ok)
        return TRUE;
      if (!g_error_matches (local_error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY) ||
          waited > GIVE_UP_US)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }

      g_clear_error (&local_error);
      w->retries++;
      g_usleep (backoff);
      backoff = MIN (backoff * 2, BACKOFF_MAX_US);
    }
}

static gboolean
update_contract (KtStore *store, gpointer record, GError **error)
{
  return kt_store_update_contract (store, record, error);
}

static gboolean
insert_contract (KtStore *store, gpointer record, GError **error)
{
  return kt_store_insert_contract (store, record, error);
}

static gboolean
update_supplier (KtStore *store, gpointer record, GError **error)
{
  return kt_store_update_supplier (store, record, error);
}

/* Reads retry a locked file too (a colleague's COMMIT holds it briefly):
 * TRUE when @error was BUSY, cleared, and it is time to try again. */
static gboolean
busy_again (Writer  *w,
            GError **error)
{
  if (!g_error_matches (*error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY))
    return FALSE;

  g_clear_error (error);
  w->retries++;
  g_usleep (BACKOFF_FIRST_US);

  return TRUE;
}

static void
refresh_ids (Writer *w)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GError) error = NULL;

  while ((contracts = kt_store_list_contracts (w->store, &error)) == NULL &&
         busy_again (w, &error))
    ;
  if (contracts == NULL)
    die ("list contracts", error);
  while ((suppliers = kt_store_list_suppliers (w->store, &error)) == NULL &&
         busy_again (w, &error))
    ;
  if (suppliers == NULL)
    die ("list suppliers", error);

  g_array_set_size (w->contract_ids, 0);
  for (guint i = 0; i < contracts->len; i++)
    g_array_append_val (w->contract_ids, ((KtContract *) contracts->pdata[i])->id);
  g_array_set_size (w->supplier_ids, 0);
  for (guint i = 0; i < suppliers->len; i++)
    g_array_append_val (w->supplier_ids, ((KtSupplier *) suppliers->pdata[i])->id);
}

static gint64
pick (Writer *w,
      GArray *ids)
{
  return g_array_index (ids, gint64, g_rand_int_range (w->rand, 0, ids->len));
}

static const char *const contract_fields[] = {
  "name", "notes", "purchased_services", "exit_notes", "learning_points", "annual_cost",
};

static void
edit_contract (Writer *w)
{
  g_autoptr(KtContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  const char *field;
  gint64 read_version;
  gint64 id;
  char **text = NULL;

  id = pick (w, w->contract_ids);
  while ((contract = kt_store_get_contract (w->store, id, &error)) == NULL &&
         busy_again (w, &error))
    ;
  if (contract == NULL)
    die ("get contract", error);

  field = contract_fields[g_rand_int_range (w->rand, 0, G_N_ELEMENTS (contract_fields))];
  if (g_str_equal (field, "annual_cost"))
    {
      /* Unique in øre: writer and sequence number, whole kroner. */
      contract->annual_cost = ((gint64) w->writer * 10000000 + w->seq++) * 100;
      value = g_strdup_printf ("%" G_GINT64_FORMAT, contract->annual_cost);
    }
  else
    {
      if (g_str_equal (field, "name"))
        text = &contract->name;
      else if (g_str_equal (field, "notes"))
        text = &contract->notes;
      else if (g_str_equal (field, "purchased_services"))
        text = &contract->purchased_services;
      else if (g_str_equal (field, "exit_notes"))
        text = &contract->exit_notes;
      else
        text = &contract->learning_points;

      value = g_strdup_printf ("w%u-%u", w->writer, w->seq++);
      g_free (*text);
      *text = g_strdup (value);
    }

  /* A person looks at the form a moment before saving: room for a race. */
  g_usleep (g_rand_int_range (w->rand, 0, 3000));

  read_version = contract->version;
  if (write_with_retry (w, update_contract, contract, &error))
    {
      w->edits++;
      fprintf (w->log, "ack\tcontract\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
               contract->id, contract->version, field, value);
    }
  else if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT))
    {
      w->conflicts++;
      fprintf (w->log, "conflict\tcontract\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
               contract->id, read_version, field, value);
    }
  else
    die ("update contract", error);
}

static void
edit_supplier (Writer *w)
{
  g_autoptr(KtSupplier) supplier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_strdup_printf ("w%u-%u", w->writer, w->seq++);
  const char *field;
  gint64 read_version;
  gint64 id;
  char **text;

  id = pick (w, w->supplier_ids);
  while ((supplier = kt_store_get_supplier (w->store, id, &error)) == NULL &&
         busy_again (w, &error))
    ;
  if (supplier == NULL)
    die ("get supplier", error);

  switch (g_rand_int_range (w->rand, 0, 3))
    {
    case 0: field = "notes"; text = &supplier->notes; break;
    case 1: field = "city"; text = &supplier->city; break;
    default: field = "address"; text = &supplier->address; break;
    }
  g_free (*text);
  *text = g_strdup (value);

  g_usleep (g_rand_int_range (w->rand, 0, 3000));

  read_version = supplier->version;
  if (write_with_retry (w, update_supplier, supplier, &error))
    {
      w->edits++;
      fprintf (w->log, "ack\tsupplier\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
               supplier->id, supplier->version, field, value);
    }
  else if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT))
    {
      w->conflicts++;
      fprintf (w->log, "conflict\tsupplier\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
               supplier->id, read_version, field, value);
    }
  else
    die ("update supplier", error);
}

static void
add_contract (Writer *w)
{
  g_autoptr(KtContract) contract = kt_contract_new ();
  g_autoptr(GError) error = NULL;

  contract->number = g_strdup_printf ("W%u-%u", w->writer, w->seq++);
  contract->name = g_strdup ("Ny kontrakt");
  contract->category = KT_CATEGORY_OPERATION;
  contract->status = KT_STATUS_ACTIVE;
  contract->supplier_id = pick (w, w->supplier_ids);
  contract->running = TRUE;

  if (!write_with_retry (w, insert_contract, contract, &error))
    die ("insert contract", error);

  w->edits++;
  fprintf (w->log, "insert\tcontract\t%" G_GINT64_FORMAT "\t%s\n", contract->id, contract->number);
  g_array_append_val (w->contract_ids, contract->id);
}

static int
run_stress (const char *path,
            guint       writer,
            guint       seconds,
            guint32     seed,
            const char *log_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user = g_strdup_printf ("writer%u", writer);
  g_autofree char *host = g_strdup_printf ("host%u", writer);
  gint64 end = g_get_monotonic_time () + seconds * G_TIME_SPAN_SECOND;
  Writer w = { 0 };

  w.store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  if (w.store == NULL)
    die ("open", error);
  kt_store_set_identity (w.store, user, host);
  kt_store_set_lock_wait (w.store, LOCK_WAIT_MS);

  w.writer = writer;
  w.rand = g_rand_new_with_seed (seed);
  w.contract_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  w.supplier_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  w.log = fopen (log_path, "w");
  if (w.log == NULL)
    die ("log", NULL);

  refresh_ids (&w);

  for (guint op = 1; g_get_monotonic_time () < end; op++)
    {
      double r = g_rand_double (w.rand);

      if (r < 0.04)
        add_contract (&w);
      else if (r < 0.20)
        edit_supplier (&w);
      else
        edit_contract (&w);

      /* Colleagues' new contracts become candidates too. */
      if (op % 25 == 0)
        refresh_ids (&w);

      g_usleep (g_rand_int_range (w.rand, 0, 4000));
    }

  fprintf (w.log, "stats\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT "\t%" G_GUINT64_FORMAT
           "\t%" G_GINT64_FORMAT "\n", w.edits, w.conflicts, w.retries, w.longest_wait);
  if (fclose (w.log) != 0)
    die ("log", NULL);

  g_array_unref (w.contract_ids);
  g_array_unref (w.supplier_ids);
  g_rand_free (w.rand);
  g_object_unref (w.store);

  return 0;
}

/* ---- crash ---- */

/* Inserts big contracts in an open batch until the file itself has grown
 * (the page cache spilled: the database file is changed and only the hot
 * journal can undo it), then says so. */
static void
fill_batch (KtStore    *store,
            const char *path,
            GRand      *rand,
            guint       round)
{
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  goffset size_before;
  guint told_at = 0;

  if (g_stat (path, &st) != 0)
    die ("stat", NULL);
  size_before = st.st_size;

  if (!kt_store_begin_batch (store, &error))
    die ("begin batch", error);

  /* A little past the spill, so that a kill can also land later in it. */
  for (guint i = 0; i < 2000 && (told_at == 0 || i < told_at + 50); i++)
    {
      g_autoptr(KtContract) contract = kt_contract_new ();

      contract->number = g_strdup_printf ("B%u-%u", round, i);
      contract->name = g_strdup ("Stor batch");
      contract->running = TRUE;
      contract->notes = g_strnfill (8000, 'a' + g_rand_int_range (rand, 0, 26));
      if (!kt_store_insert_contract (store, contract, &error))
        die ("batch insert", error);

      if (told_at == 0 && i % 10 == 9 && g_stat (path, &st) == 0 && st.st_size > size_before)
        {
          printf ("in-tx\n");
          fflush (stdout);
          told_at = i;
        }
    }

  /* Never committed: the test kills us before, or we undo it. */
  kt_store_rollback_batch (store);
}

static int
run_crash (const char *path,
           gint64      contract_id,
           guint32     seed,
           const char *mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    die ("open", error);
  kt_store_set_identity (store, "crasher", "crashhost");

  if (g_str_equal (mode, "batch"))
    fill_batch (store, path, rand, seed);

  for (guint i = 0; ; i++)
    {
      g_autoptr(KtContract) contract = kt_store_get_contract (store, contract_id, &error);
      g_autofree char *value = NULL;

      if (contract == NULL)
        die ("get", error);

      value = g_strdup_printf ("s%u-%u", seed, i);
      g_free (contract->notes);
      contract->notes = g_strdup (value);
      if (!kt_store_update_contract (store, contract, &error))
        die ("update", error);

      printf ("ack\t%" G_GINT64_FORMAT "\t%s\n", contract->version, value);
      fflush (stdout);

      if (g_rand_int_range (rand, 0, 8) == 0)
        fill_batch (store, path, rand, seed * 1000 + i);
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 7 && g_str_equal (argv[1], "stress"))
    return run_stress (argv[2], atoi (argv[3]), atoi (argv[4]),
                       (guint32) strtoul (argv[5], NULL, 10), argv[6]);

  if (argc == 6 && g_str_equal (argv[1], "crash"))
    return run_crash (argv[2], g_ascii_strtoll (argv[3], NULL, 10),
                      (guint32) strtoul (argv[4], NULL, 10), argv[5]);

  fprintf (stderr, "usage: shared-writer stress FILE WRITER SECONDS SEED LOG\n"
                   "       shared-writer crash FILE CONTRACT SEED MODE\n");
  return 2;
}
