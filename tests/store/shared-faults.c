/* shared-faults.c — a save on a disk or network drive that fails halfway
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With a VFS shim (fault-vfs.c) under the store, one whole save — a
 * contract update with several changed fields, a supplier insert with
 * contacts — is repeated with its 1st, 2nd, … read / write / sync / lock
 * failing (once, or from then on: "sticky"), until a save gets through
 * without meeting the fault. Every failed save must say so with a clear
 * KT_STORE_ERROR_IO or _BUSY; afterwards a fresh connection finds the file
 * intact and the row exactly as before (a failed save) or exactly as saved,
 * with the audit rows of exactly the saves that are there, and the same
 * store saves again. The messages list which SQLite results the faults
 * came back as and what the store made of them.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <locale.h>

#include "fault-vfs.h"
#include "kt-store-private.h"
#include "store-test-util.h"

#define LOCK_WAIT_MS  30
#define MAX_STEPS     2000

static guint recoveries;

typedef enum {
  SAVE_UPDATE_CONTRACT,
  SAVE_INSERT_SUPPLIER,
} SaveKind;

typedef struct {
  SaveKind   save;
  FaultKind  kind;
  gboolean   sticky;
} Case;

typedef struct {
  const Case *c;
  char       *path;
  KtStore    *store;      /* the one that saves, and must go on saving */
  KtStore    *colleague;  /* saves elsewhere, so the store's cache is stale */
  gint64      target_id;
  gint64      other_id;
  gint64      audit_delta;  /* audit rows of one save */
  GHashTable *outcomes;     /* "SQLite result → store error" → count */
} Bench;

/* ---- the saves ---- */

/* The edit of @step; for an update, *@before is the row as read. */
static gpointer
make_record (Bench       *b,
             guint        step,
             KtContract **before)
{
  g_autoptr(GError) error = NULL;

  if (b->c->save == SAVE_UPDATE_CONTRACT)
    {
      KtContract *contract = kt_store_get_contract (b->store, b->target_id, &error);

      g_assert_no_error (error);
      if (before != NULL)
        *before = kt_contract_copy (contract);
      g_free (contract->name);
      contract->name = g_strdup_printf ("Navn %u", step);
      g_free (contract->notes);
      contract->notes = g_strdup_printf ("Note %u", step);
      g_free (contract->purchased_services);
      contract->purchased_services = g_strdup_printf ("Ydelser %u", step);
      contract->annual_cost = (gint64) (step + 1) * 100;
      return contract;
    }
  else
    {
      g_autofree char *name = g_strdup_printf ("Fejl %u A/S", step);
      KtSupplier *supplier = test_supplier_new (name, step % 9000 + 1);

      for (guint i = 0; i < 2; i++)
        {
          KtContact *contact = kt_contact_new ();

          contact->name = g_strdup_printf ("Kontakt %u-%u", step, i);
          contact->email = g_strdup ("kontakt@eksempel.dk");
          g_ptr_array_add (supplier->contacts, contact);
        }
      return supplier;
    }
}

static void
free_record (Bench    *b,
             gpointer  record)
{
  if (b->c->save == SAVE_UPDATE_CONTRACT)
    kt_contract_free (record);
  else
    kt_supplier_free (record);
}

static gboolean
save (Bench     *b,
      gpointer   record,
      GError   **error)
{
  if (b->c->save == SAVE_UPDATE_CONTRACT)
    return kt_store_update_contract (b->store, record, error);

  return kt_store_insert_supplier (b->store, record, error);
}

/* ---- checks ---- */

static const char *
rc_name (int rc)
{
  switch (rc)
    {
    case 0: return "no SQLite error";
    case SQLITE_BUSY: return "SQLITE_BUSY";
    case SQLITE_IOERR: return "SQLITE_IOERR";
    case SQLITE_IOERR_READ: return "SQLITE_IOERR_READ";
    case SQLITE_IOERR_SHORT_READ: return "SQLITE_IOERR_SHORT_READ";
    case SQLITE_IOERR_WRITE: return "SQLITE_IOERR_WRITE";
    case SQLITE_IOERR_FSYNC: return "SQLITE_IOERR_FSYNC";
    case SQLITE_IOERR_DIR_FSYNC: return "SQLITE_IOERR_DIR_FSYNC";
    case SQLITE_IOERR_TRUNCATE: return "SQLITE_IOERR_TRUNCATE";
    case SQLITE_IOERR_DELETE: return "SQLITE_IOERR_DELETE";
    case SQLITE_IOERR_LOCK: return "SQLITE_IOERR_LOCK";
    case SQLITE_CANTOPEN: return "SQLITE_CANTOPEN";
    case SQLITE_CORRUPT: return "SQLITE_CORRUPT";
    case SQLITE_FULL: return "SQLITE_FULL";
    default: return sqlite3_errstr (rc);
    }
}

static void
note_outcome (Bench        *b,
              int           rc,
              const GError *error)
{
  static const char *const codes[] = {
    [KT_STORE_ERROR_IO] = "IO", [KT_STORE_ERROR_BUSY] = "BUSY",
  };
  g_autofree char *key = g_strdup_printf ("%s (%d) → %s: %s", rc_name (rc), rc,
                                          error->code < (int) G_N_ELEMENTS (codes) &&
                                          codes[error->code] != NULL ? codes[error->code] : "?",
                                          error->message);

  g_hash_table_insert (b->outcomes, g_strdup (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (b->outcomes,
                                                                                key)) + 1));
}

static void
assert_clear_error (Bench        *b,
                    const GError *error)
{
  g_assert_nonnull (error);
  if (error->domain != KT_STORE_ERROR ||
      (error->code != KT_STORE_ERROR_IO && error->code != KT_STORE_ERROR_BUSY))
    g_error ("a %s fault gave %s %d: %s", fault_kind_name (b->c->kind),
             g_quark_to_string (error->domain), error->code, error->message);

  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (strstr (error->message, "Unexpected error"));
  if (b->c->kind == FAULT_LOCK)
    g_assert_cmpint (error->code, ==, KT_STORE_ERROR_BUSY);
}

/* The file as a colleague who opens it now finds it: intact, and the
 * save either wholly there (@saved) or not at all. */
static void
assert_file (Bench            *b,
             guint             step,
             const KtContract *before,
             gconstpointer     record,
             gboolean          saved,
             gint64            audit_before)
{
  g_autoptr(KtStore) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  gint64 audit_now;

  fresh = kt_store_open (b->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  integrity = test_sql_text (b->path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");

  audit_now = test_sql_int (b->path, "SELECT count(*) FROM audit_log");
  g_assert_cmpint (audit_now, ==, audit_before + (saved ? b->audit_delta : 0));

  if (b->c->save == SAVE_UPDATE_CONTRACT)
    {
      g_autoptr(KtContract) row = kt_store_get_contract (fresh, b->target_id, &error);

      g_assert_no_error (error);
      g_assert_true (kt_contract_equal_fields (row, saved ? record : before));
      g_assert_cmpint (row->version, ==, before->version + (saved ? 1 : 0));
    }
  else
    {
      g_autofree char *pattern = g_strdup_printf ("SELECT count(*) FROM suppliers "
                                                  "WHERE name = 'Fejl %u A/S'", step);
      g_autofree char *contacts = g_strdup_printf ("SELECT count(*) FROM supplier_contacts "
                                                   "WHERE name IN ('Kontakt %u-0', "
                                                   "'Kontakt %u-1')", step, step);

      g_assert_cmpint (test_sql_int (b->path, pattern), ==, saved ? 1 : 0);
      g_assert_cmpint (test_sql_int (b->path, contacts), ==, saved ? 2 : 0);
    }
}

/* ---- the test ---- */

static void
colleague_saves (Bench *b,
                 guint  step)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KtContract) other = kt_store_get_contract (b->colleague, b->other_id, &error);

  g_assert_no_error (error);
  g_free (other->notes);
  other->notes = g_strdup_printf ("Kollega %u", step);
  g_assert_true (kt_store_update_contract (b->colleague, other, &error));
  g_assert_no_error (error);
}

static void
bench_init (Bench        *b,
            StoreFixture *fixture,
            const Case   *c)
{
  g_autoptr(KtContract) target = test_contract_new ("K-1", "Fagsystem");
  g_autoptr(KtContract) other = test_contract_new ("K-2", "Andet system");
  g_autoptr(GError) error = NULL;
  gpointer record;
  gint64 audit_before;

  b->c = c;
  b->path = store_fixture_path (fixture, "faults.kontrakter");
  b->store = test_store_new (b->path);
  g_assert_true (kt_store_insert_contract (b->store, target, &error));
  g_assert_true (kt_store_insert_contract (b->store, other, &error));
  g_assert_no_error (error);
  b->target_id = target->id;
  b->other_id = other->id;
  b->outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  b->colleague = kt_store_open (b->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (b->colleague, "kollega", "pc-kollega");

  /* One save without faults: how many audit rows a save writes. */
  audit_before = test_sql_int (b->path, "SELECT count(*) FROM audit_log");
  record = make_record (b, 0, NULL);
  g_assert_true (save (b, record, &error));
  g_assert_no_error (error);
  free_record (b, record);
  b->audit_delta = test_sql_int (b->path, "SELECT count(*) FROM audit_log") - audit_before;
  g_assert_cmpint (b->audit_delta, >=, 1);

  kt_store_set_lock_wait (b->store, LOCK_WAIT_MS);
}

static void
bench_clear (Bench *b)
{
  g_clear_object (&b->store);
  g_clear_object (&b->colleague);
  g_clear_pointer (&b->path, g_free);
  g_clear_pointer (&b->outcomes, g_hash_table_unref);
}

static void
test_faults (StoreFixture  *fixture,
             gconstpointer  data)
{
  const Case *c = data;
  Bench b = { 0 };
  guint failed = 0, calls = 0, step;
  GHashTableIter iter;
  gpointer key, value;

  bench_init (&b, fixture, c);
  recoveries = 0;

  for (step = 1; ; step++)
    {
      g_autoptr(KtContract) before = NULL;
      g_autoptr(GError) error = NULL;
      gpointer record;
      gint64 audit_before;
      gboolean ok;
      guint hits;

      g_assert_cmpuint (step, <, MAX_STEPS);

      record = make_record (&b, step, &before);
      colleague_saves (&b, step);
      audit_before = test_sql_int (b.path, "SELECT count(*) FROM audit_log");

      b.store->last_rc = 0;
      fault_vfs_arm (c->kind, step, c->sticky);
      ok = save (&b, record, &error);
      hits = fault_vfs_hits ();
      calls = fault_vfs_count (c->kind);
      fault_vfs_disarm ();

      if (ok)
        g_assert_no_error (error);
      else
        {
          failed++;
          assert_clear_error (&b, error);
          note_outcome (&b, b.store->last_rc, error);
          g_clear_error (&error);
        }

      assert_file (&b, step, before, record, ok, audit_before);

      if (!ok)
        {
          /* The form still has the edit: the same store saves it now. */
          ok = save (&b, record, &error);
          g_assert_no_error (error);
          g_assert_true (ok);
          assert_file (&b, step, before, record, TRUE, audit_before);
        }

      free_record (&b, record);

      if (ok && hits == 0)
        break;
    }

  g_test_message ("%u steps (%u %s calls in a save), %u saves failed, "
                  "%u hot journals played back",
                  step, calls, fault_kind_name (c->kind), failed, recoveries);
  g_hash_table_iter_init (&iter, b.outcomes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_test_message ("  %u× %s", GPOINTER_TO_UINT (value), (char *) key);

  /* A lock that fails once is waited out; everything else must have failed
   * some saves, or the fault never reached the save. */
  if (c->kind != FAULT_LOCK || c->sticky)
    g_assert_cmpuint (failed, >, 0);

  bench_clear (&b);
}

/* SQLite's log: how often a hot journal was played back. */
static void
log_cb (gpointer    data,
        int         rc,
        const char *message)
{
  if (rc == SQLITE_NOTICE_RECOVER_ROLLBACK)
    recoveries++;
}

/* A batch (an import) whose file fails halfway: SQLite undoes all of it,
 * and the store must not let the rest of the batch commit on its own. */
static void
test_batch (StoreFixture  *fixture,
            gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "batch.kontrakter");
  g_autoptr(KtStore) store = test_store_new (path);
  g_autoptr(KtContract) first = test_contract_new ("K-1", "Før importen");
  g_autoptr(KtContract) after = test_contract_new ("K-2", "Efter importen");
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  gint64 audit_before;
  guint i;

  g_assert_true (kt_store_insert_contract (store, first, &error));
  g_assert_no_error (error);
  audit_before = test_sql_int (path, "SELECT count(*) FROM audit_log");

  g_assert_true (kt_store_begin_batch (store, &error));
  g_assert_no_error (error);

  /* Until a write reaches the file (the journal, or the page cache
   * spilling into the database), which fails. */
  fault_vfs_arm (FAULT_WRITE, 1, TRUE);
  for (i = 0; i < 2000; i++)
    {
      g_autofree char *number = g_strdup_printf ("I-%u", i);
      g_autoptr(KtContract) contract = test_contract_new (number, "Importeret");

      contract->notes = g_strnfill (8000, 'x');
      if (!kt_store_insert_contract (store, contract, &error))
        break;
    }
  fault_vfs_disarm ();
  g_assert_cmpuint (i, <, 2000);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO);
  g_test_message ("insert %u failed: %s", i + 1, error->message);
  g_clear_error (&error);

  /* The rest of the batch is refused, and so is its commit. */
  g_assert_false (kt_store_insert_contract (store, after, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_FAILED);
  g_assert_cmpint (after->id, ==, 0);
  g_clear_error (&error);
  g_assert_false (kt_store_commit_batch (store, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_FAILED);
  g_clear_error (&error);

  integrity = test_sql_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM contracts"), ==, 1);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM audit_log"), ==, audit_before);

  /* The batch is over: the store saves as usual. */
  g_assert_true (kt_store_insert_contract (store, after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM contracts"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  static const char *const saves[] = { "update-contract", "insert-supplier" };
  static Case cases[2 * N_FAULT_KINDS * 2];
  guint n = 0;

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  sqlite3_config (SQLITE_CONFIG_LOG, log_cb, NULL);
  fault_vfs_register ();

  for (SaveKind s = SAVE_UPDATE_CONTRACT; s <= SAVE_INSERT_SUPPLIER; s++)
    for (FaultKind k = 0; k < N_FAULT_KINDS; k++)
      for (int sticky = 0; sticky < 2; sticky++)
        {
          g_autofree char *path = g_strdup_printf ("/shared/faults/%s/%s%s", saves[s],
                                                   fault_kind_name (k),
                                                   sticky ? "-sticky" : "");

          cases[n] = (Case) { s, k, sticky };
          g_test_add (path, StoreFixture, &cases[n], store_fixture_setup, test_faults,
                      store_fixture_teardown);
          n++;
        }

  g_test_add ("/shared/faults/batch", StoreFixture, NULL, store_fixture_setup, test_batch,
              store_fixture_teardown);

  return g_test_run ();
}
