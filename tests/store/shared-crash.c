/* shared-crash.c — a colleague's machine dies in the middle of a save
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 50 rounds: a shared-writer saves small changes in a loop (and now and
 * then holds a big uncommitted batch open); it is killed with SIGKILL at a
 * random moment, in every second round right after it said its batch has
 * changed the file itself (a hot journal). Then the store opens the file
 * (SQLite plays the hot journal back), integrity_check is ok, the last
 * acknowledged save is there and nothing of the killed transaction is.
 *
 * Usage (from meson): shared-crash PATH-OF-SHARED-WRITER
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-test-util.h"

#define N_ROUNDS  50

static const char *writer_path;
static guint recoveries;

/* SQLite's log: how often a hot journal was played back. */
static void
log_cb (gpointer    data,
        int         rc,
        const char *message)
{
  if (rc == SQLITE_NOTICE_RECOVER_ROLLBACK)
    recoveries++;
}

typedef struct {
  gint64  version;   /* of the contract, as last acknowledged */
  char   *notes;
  guint   next;      /* the number in the notes the writer saves next */
} Acked;

/* Handles one line of the writer's output. */
static void
take_line (const char *line,
           Acked      *acked,
           gboolean   *in_tx)
{
  g_auto(GStrv) f = g_strsplit (line, "\t", -1);

  if (g_str_equal (line, "in-tx"))
    {
      *in_tx = TRUE;
      return;
    }

  g_assert_cmpuint (g_strv_length (f), ==, 3);
  g_assert_cmpstr (f[0], ==, "ack");

  acked->version = g_ascii_strtoll (f[1], NULL, 10);
  g_free (acked->notes);
  acked->notes = g_strdup (f[2]);
  acked->next = (guint) g_ascii_strtoull (strchr (f[2], '-') + 1, NULL, 10) + 1;
  *in_tx = FALSE;
}

/* Reads what is in the pipe (waiting at most @timeout_ms for it); FALSE at
 * end of file. */
static gboolean
read_lines (int       fd,
            GString  *buffer,
            int       timeout_ms,
            Acked    *acked,
            gboolean *in_tx)
{
  struct pollfd pfd = { fd, POLLIN, 0 };
  char chunk[4096];
  gssize n;
  char *nl;

  if (poll (&pfd, 1, timeout_ms) <= 0)
    return TRUE;

  n = read (fd, chunk, sizeof chunk);
  if (n < 0 && errno == EINTR)
    return TRUE;
  g_assert_cmpint (n, >=, 0);
  if (n == 0)
    return FALSE;

  g_string_append_len (buffer, chunk, n);
  while ((nl = strchr (buffer->str, '\n')) != NULL)
    {
      g_autofree char *line = g_strndup (buffer->str, nl - buffer->str);

      g_string_erase (buffer, 0, nl - buffer->str + 1);
      take_line (line, acked, in_tx);
    }

  return TRUE;
}

static void
test_crash (StoreFixture  *fixture,
            gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "shared.kontrakter");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(KtContract) contract = test_contract_new ("K-1", "Fagsystem");
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  Acked acked = { 1, NULL, 0 };
  guint journals = 0, mid_batch = 0, unacked_commits = 0;

  {
    g_autoptr(KtStore) store = test_store_new (path);

    g_assert_true (kt_store_insert_contract (store, contract, &error));
    g_assert_no_error (error);
    id_text = g_strdup_printf ("%" G_GINT64_FORMAT, contract->id);
  }

  for (guint round = 1; round <= N_ROUNDS; round++)
    {
      g_autofree char *seed = g_strdup_printf ("%u", round);
      gboolean batch_round = round % 2 == 0;
      const char *argv[] = { writer_path, "crash", path, id_text, seed,
                             batch_round ? "batch" : "loop", NULL };
      g_autoptr(GString) buffer = g_string_new (NULL);
      g_autoptr(KtStore) store = NULL;
      g_autoptr(KtContract) stored = NULL;
      g_autofree char *integrity = NULL;
      gint64 kill_at = g_get_monotonic_time () +
                       g_rand_int_range (rand, 20, 400) * G_TIME_SPAN_MILLISECOND;
      gint64 give_up = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
      gboolean in_tx = FALSE;
      guint played_back;
      int status = 0;
      int out = -1;
      GPid pid;

      acked.next = 0;
      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out, NULL, &error);
      g_assert_no_error (error);

      for (;;)
        {
          g_assert_true (read_lines (out, buffer, 2, &acked, &in_tx));
          if (batch_round ? in_tx : g_get_monotonic_time () >= kill_at)
            break;
          g_assert_cmpint (g_get_monotonic_time (), <, give_up);
        }

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      if (in_tx)
        mid_batch++;

      /* What it printed before it died was acknowledged too. */
      while (read_lines (out, buffer, -1, &acked, &in_tx))
        ;
      close (out);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      if (g_file_test (journal, G_FILE_TEST_EXISTS))
        journals++;
      else
        g_assert_false (batch_round);

      played_back = recoveries;
      store = kt_store_open (path, KT_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      /* The batch had written to the file: only its journal can undo that. */
      if (batch_round)
        g_assert_cmpuint (recoveries, >, played_back);

      integrity = test_sql_text (path, "PRAGMA integrity_check");
      g_assert_cmpstr (integrity, ==, "ok");

      stored = kt_store_get_contract (store, contract->id, &error);
      g_assert_no_error (error);

      /* The last acknowledged save, or the one after it when the kill came
       * between its COMMIT and its report. */
      if (stored->version == acked.version + 1)
        {
          g_autofree char *expected = g_strdup_printf ("s%u-%u", round, acked.next);

          g_assert_cmpstr (stored->notes, ==, expected);
          unacked_commits++;
          acked.version = stored->version;
          g_free (acked.notes);
          acked.notes = g_strdup (expected);
        }
      else
        {
          g_assert_cmpint (stored->version, ==, acked.version);
          g_assert_cmpstr (stored->notes, ==, acked.notes);
        }

      /* Nothing of a killed batch: no contract of it, no audit row. */
      g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM contracts"), ==, 1);
      g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM audit_log"), ==,
                       stored->version);
    }

  g_test_message ("%u rounds: %u killed inside a batch that had written to the file, "
                  "%u left a journal, %u hot journals played back on open, "
                  "%u saves committed but not yet reported",
                  N_ROUNDS, mid_batch, journals, recoveries, unacked_commits);
  g_assert_cmpuint (mid_batch, >=, N_ROUNDS / 2);
  g_free (acked.notes);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  sqlite3_config (SQLITE_CONFIG_LOG, log_cb, NULL);

  writer_path = argc > 1 ? argv[1] : g_getenv ("KT_SHARED_WRITER");
  if (writer_path == NULL)
    g_error ("usage: %s PATH-OF-SHARED-WRITER", argv[0]);

  g_test_add ("/shared/crash", StoreFixture, NULL,
              store_fixture_setup, test_crash, store_fixture_teardown);

  return g_test_run ();
}
