/* test-search-cli.c — `kontrakter --portfolio FILE --search TEXT`
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-search-cli PATH-TO-KONTRAKTER
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cli-test-util.h"
#include "index-test-util.h"
#include "kt-document-indexer.h"
#include "kt-search-cli.h"
#include "pdf-test-util.h"

#define ADD(path, func) \
  g_test_add (path, IndexFixture, NULL, index_fixture_setup, func, index_fixture_teardown)

static const char *const contract_pages[] = {
  "Kontrakt om levering af økonomisystem\nmellem Aarhus Kommune og Leverandøren A/S.",
  "§ 8 Opsigelse\nKunden kan opsige aftalen med seks måneders varsel.",
  "§ 9 Prisregulering\nPriserne reguleres årligt efter nettoprisindekset.",
  "§ 12 Bod\nVed forsinkelse betaler Leverandøren en dagbod.",
};

static const char *const appendix_pages[] = {
  "Bilag 3 Exit\nVed ophør overdrager Leverandøren alle data.",
};

/* K-2024-007 with its signed contract attached, not yet indexed. */
static KtDocument *
economy_contract (IndexFixture *fixture)
{
  gint64 id = index_add_contract (fixture, "K-2024-007", "Økonomisystem",
                                  "Bodsbestemmelsen gælder fra den 1. juli.");

  return index_attach_pdf (fixture, id, "Kontrakt.pdf", contract_pages,
                           G_N_ELEMENTS (contract_pages));
}

static char *
search (IndexFixture *fixture,
        const char   *query,
        guint         expect_hits)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n_hits = 99;

  g_assert_true (kt_search_print (fixture->path, query, out, &n_hits, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_hits, ==, expect_hits);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_page_hit (IndexFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr(KtDocument) document = economy_contract (fixture);
  g_autofree char *out = NULL;

  /* Indexed on the way: the document was pending */
  out = search (fixture, "dagbod", 1);
  g_assert_cmpstr (out, ==, "K-2024-007 Økonomisystem — page 4 of Kontrakt.pdf\n");
  g_assert_cmpint (index_state (fixture, document->id), ==, KT_INDEX_STATE_INDEXED);

  g_clear_pointer (&out, g_free);
  out = search (fixture, "ÅRLIGT", 1);
  g_assert_cmpstr (out, ==, "K-2024-007 Økonomisystem — page 3 of Kontrakt.pdf\n");
}

static void
test_field_hit (IndexFixture  *fixture,
                gconstpointer  data)
{
  g_autoptr(KtDocument) document = economy_contract (fixture);
  g_autofree char *out = NULL;

  out = search (fixture, "bodsbestemmelsen", 1);
  g_assert_cmpstr (out, ==, "K-2024-007 Økonomisystem — Notes\n");
}

static void
test_one_line_per_hit (IndexFixture  *fixture,
                       gconstpointer  data)
{
  gint64 id = index_add_contract (fixture, "K-2023-012", "Sagssystem", NULL);
  static const char *const pages[] = { "Leverandøren svarer.", "Leverandøren retter.",
                                       "Leverandøren betaler." };
  g_autoptr(KtDocument) document = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *out = NULL;

  /* A file name that would break the line if printed as it is */
  document = index_attach_pdf (fixture, id, "Bilag\n2\t(rettet).pdf", pages, G_N_ELEMENTS (pages));

  out = search (fixture, "leverandøren", 3);
  g_assert_true (g_str_has_suffix (out, "\n"));
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[3], ==, "");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (g_str_has_prefix (lines[i], "K-2023-012 Sagssystem — page "));
      g_assert_true (g_str_has_suffix (lines[i], " of Bilag 2 (rettet).pdf"));
      g_assert_null (strchr (lines[i], '\t'));
      g_assert_null (strstr (lines[i], KT_SEARCH_MARK_START));
    }
}

/* `kontrakter --portfolio Aftaler.kontrakter --search …` in its folder */
static void
test_relative_path (IndexFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(KtDocument) document = economy_contract (fixture);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *name = g_path_get_basename (fixture->path);
  guint n_hits = 0;

  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
  g_assert_true (kt_search_print (name, "dagbod", out, &n_hits, &error));
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  g_assert_no_error (error);
  g_assert_cmpstr (out->str, ==, "K-2024-007 Økonomisystem — page 4 of Kontrakt.pdf\n");
  g_assert_cmpint (index_state (fixture, document->id), ==, KT_INDEX_STATE_INDEXED);
}

static void
test_no_hits (IndexFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(KtDocument) document = economy_contract (fixture);
  g_autofree char *out = NULL;

  out = search (fixture, "arligt", 0);
  g_assert_cmpstr (out, ==, "");
}

static void
test_nothing_to_search (IndexFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(KtDocument) document = economy_contract (fixture);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n_hits = 99;

  g_assert_false (kt_search_print (fixture->path, " \t ", out, &n_hits, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Nothing to search for"));
  g_assert_cmpuint (n_hits, ==, 0);
  g_assert_cmpstr (out->str, ==, "");
  /* Nothing was done to the file either */
  g_assert_cmpint (index_state (fixture, document->id), ==, KT_INDEX_STATE_PENDING);
}

static void
set_newer_version (const char *path)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          kt_store_schema_version_latest () + 1);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* A file from a newer Kontrakter: searched as it is, never written. */
static void
test_newer_version (IndexFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(KtDocument) document = economy_contract (fixture);
  g_autoptr(KtDocument) appendix = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;

  g_assert_true (kt_document_indexer_run_sync (fixture->store, NULL, NULL, &error));
  g_assert_no_error (error);
  appendix = index_attach_pdf (fixture, document->contract_id, "Bilag 3.pdf", appendix_pages, 1);
  index_fixture_close (fixture);
  set_newer_version (fixture->path);
  before = file_checksum (fixture->path);

  out = search (fixture, "dagbod", 1);
  g_assert_cmpstr (out, ==, "K-2024-007 Økonomisystem — page 4 of Kontrakt.pdf\n");
  g_clear_pointer (&out, g_free);
  out = search (fixture, "overdrager", 0);
  g_assert_cmpstr (out, ==, "");

  after = file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* The real binary, as a person runs it from a terminal. */
static void
test_binary (IndexFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(KtDocument) document = economy_contract (fixture);
  g_auto(KtCliRun) result = { 0, };

  index_fixture_close (fixture);
  kt_cli_runv (&result, (const char *const[]) { "--portfolio", fixture->path,
                                                "--search", "prisregulering", NULL });
  g_assert_true (kt_cli_exited_with (&result, 0));
  g_assert_cmpstr (result.out, ==, "K-2024-007 Økonomisystem — page 3 of Kontrakt.pdf\n");

  kt_cli_assert_fails ("Nothing to search for", NULL,
                       "--portfolio", fixture->path, "--search", "", NULL);
  kt_cli_assert_fails ("--portfolio", NULL, "--search", "dagbod", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/io/search-cli/page-hit", test_page_hit);
  ADD ("/io/search-cli/field-hit", test_field_hit);
  ADD ("/io/search-cli/one-line-per-hit", test_one_line_per_hit);
  ADD ("/io/search-cli/relative-path", test_relative_path);
  ADD ("/io/search-cli/no-hits", test_no_hits);
  ADD ("/io/search-cli/nothing-to-search", test_nothing_to_search);
  ADD ("/io/search-cli/newer-version", test_newer_version);
  ADD ("/io/search-cli/binary", test_binary);

  if (argc < 2)
    {
      g_printerr ("Usage: %s PATH-TO-KONTRAKTER\n", argv[0]);
      return 1;
    }
  kt_cli_set_binary (argv[1]);

  return g_test_run ();
}
