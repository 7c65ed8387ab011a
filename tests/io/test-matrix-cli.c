/* test-matrix-cli.c — `kontrakter --portfolio FILE --export-matrix OUT` run
 * as a person would, without a display
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-matrix-cli PATH-TO-KONTRAKTER
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "cli-test-util.h"
#include "kt-matrix-portfolio.h"

typedef struct {
  char *dir;
  char *portfolio;   /* the example, written by the binary itself */
} Fixture;

/* Every call ends its arguments with NULL, as kt_cli_runv () wants */
#define run(result, ...) kt_cli_runv ((result), (const char *const[]) { __VA_ARGS__ })
#define exited_with kt_cli_exited_with
#define assert_fails kt_cli_assert_fails

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = kt_cli_make_example ("kt-test-matrix-cli-XXXXXX", &f->portfolio);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  kt_cli_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->portfolio);
}

/* How many suppliers the library puts in the matrix of the same file. */
static guint
expected_count (const char *portfolio)
{
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(GError) error = NULL;

  store = kt_store_open (portfolio, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  scores = kt_matrix_scores_load (store, NULL, &error);
  g_assert_no_error (error);
  return scores->len;
}

static char *
export (Fixture    *f,
        const char *name)
{
  g_autofree char *out = g_build_filename (f->dir, name, NULL);
  g_autofree char *said = NULL;
  g_auto(KtCliRun) result;
  guint n = expected_count (f->portfolio);

  g_assert_cmpuint (n, >, 10);
  run (&result, "--portfolio", f->portfolio, "--export-matrix", out, NULL);
  g_assert_true (exited_with (&result, 0));
  said = g_strdup_printf ("Drew %u suppliers in", n);
  g_assert_nonnull (strstr (result.out, said));

  return g_steal_pointer (&out);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = export (f, "Leverandørmatrix.pdf");
  g_autofree char *uri = g_filename_to_uri (out, NULL, NULL);
  PopplerDocument *document;
  PopplerPage *page;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  double width, height;

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (width, >, height);   /* landscape */

  /* Real text, not pixels: the title names the portfolio */
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Eksempel Kommune"));

  /* poppler-glib 22 has no autoptr cleanups */
  g_object_unref (page);
  g_object_unref (document);
}

static void
test_png_and_svg (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *png = export (f, "matrix.PNG");
  g_autofree char *svg = export (f, "matrix.svg");
  g_autofree char *text = NULL;
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), >=, 2000);
  cairo_surface_destroy (image);

  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<svg"));
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.kontrakter", NULL);
  g_autofree char *out = g_build_filename (f->dir, "matrix.pdf", NULL);
  g_autofree char *word = g_build_filename (f->dir, "matrix.docx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  assert_fails ("does not exist", out, "--portfolio", missing, "--export-matrix", out, NULL);
  assert_fails (".docx", word, "--portfolio", f->portfolio, "--export-matrix", word, NULL);
  assert_fails ("--portfolio FILE", out, "--export-matrix", out, NULL);

  /* Never over the portfolio itself */
  g_assert_true (g_file_get_contents (f->portfolio, &before, &before_len, NULL));
  assert_fails (".kontrakter", NULL, "--portfolio", f->portfolio, "--export-matrix", f->portfolio, NULL);
  g_assert_true (g_file_get_contents (f->portfolio, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-KONTRAKTER\n", argv[0]);
      return 1;
    }
  kt_cli_set_binary (argv[1]);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/io/matrix-cli/pdf", test_pdf);
  ADD ("/io/matrix-cli/png-and-svg", test_png_and_svg);
  ADD ("/io/matrix-cli/errors", test_errors);
#undef ADD

  return g_test_run ();
}
