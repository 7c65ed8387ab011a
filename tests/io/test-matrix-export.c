/* test-matrix-export.c — the supplier matrix as PNG, SVG and PDF files,
 * read back with cairo, libxml2 and poppler
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <poppler.h>

#include "kt-matrix-export.h"
#include "kt-matrix-painter.h"

static const char png_signature[] = "\x89PNG\r\n\x1a\n";

static void
score_free (gpointer data)
{
  KtSupplierScore *score = data;

  if (score->override != NULL)
    {
      g_free (score->override->reason);
      g_free (score->override);
    }
  g_free (score->supplier_name);
  g_free (score);
}

static void
add_score (GPtrArray  *scores,
           const char *name,
           guint       importance,
           guint       risk,
           KtSegment   segment,
           gint64      spend_kr)
{
  KtSupplierScore *score = g_new0 (KtSupplierScore, 1);

  score->supplier_id = scores->len + 1;
  score->supplier_name = g_strdup (name);
  score->n_contracts = 2;
  score->annual_spend = spend_kr * 100;
  score->importance = importance;
  score->risk = risk;
  score->segment = segment;
  g_ptr_array_add (scores, score);
}

static GPtrArray *
some_scores (void)
{
  GPtrArray *scores = g_ptr_array_new_with_free_func (score_free);

  add_score (scores, "Netværksvagten A/S", 80, 75, KT_SEGMENT_STRATEGIC, 2400000);
  add_score (scores, "Løn og Personale ApS", 70, 20, KT_SEGMENT_LEVERAGE, 900000);
  add_score (scores, "Flaskehalsen I/S", 20, 85, KT_SEGMENT_BOTTLENECK, 150000);
  add_score (scores, "Kontorartikler", 10, 10, KT_SEGMENT_NON_CRITICAL, 20000);

  return scores;
}

static KtMatrixSettings
default_settings (void)
{
  KtMatrixSettings settings = { 0 };

  settings.importance_threshold = 50;
  settings.risk_threshold = 50;
  settings.full_spend = 200000000;
  settings.long_notice_months = 12;

  return settings;
}

static char *
make_dir (void)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp ("kt-matrix-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* The names in @dir, sorted and joined by "," */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (",", (char **) names->pdata);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static gboolean
same_pixel (guint32              v,
            const KtMatrixColor *c)
{
  return (int) ((v >> 16) & 0xff) == (int) (c->red * 255 + 0.5) &&
         (int) ((v >> 8) & 0xff) == (int) (c->green * 255 + 0.5) &&
         (int) (v & 0xff) == (int) (c->blue * 255 + 0.5);
}

static void
test_png (void)
{
  g_autoptr(GPtrArray) scores = some_scores ();
  KtMatrixSettings settings = default_settings ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "Matrix.PNG", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  GError *error = NULL;
  KtMatrixPalette projector;
  cairo_surface_t *image;
  guint counts[KT_SEGMENT_N] = { 0 };
  guint white = 0;
  gsize length;
  int stride;
  guchar *data;

  g_assert_true (kt_matrix_export_file (scores, &settings, "Leverandørmatrix", path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, png_signature, 8);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 3508);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2480);

  /* Black on white in the projector's colours, with each segment's bubble */
  kt_matrix_palette_init (&projector, KT_MATRIX_STYLE_PROJECTOR);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < 2480; y += 2)
    for (int x = 0; x < 3508; x += 2)
      {
        guint32 v = *(guint32 *) (data + y * stride + 4 * x);

        white += (v & 0xffffff) == 0xffffff;
        for (guint s = 0; s < KT_SEGMENT_N; s++)
          counts[s] += same_pixel (v, &projector.bubbles[s]);
      }
  g_assert_true (same_pixel (*(guint32 *) data, &projector.background));
  g_assert_cmpuint (white, >, 3508 * 2480 / 4 / 4);
  for (guint s = 0; s < KT_SEGMENT_N; s++)
    g_assert_cmpuint (counts[s], >, 150);
  cairo_surface_destroy (image);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "Matrix.PNG");
  remove_dir (dir);
}

static void
test_svg (void)
{
  g_autoptr(GPtrArray) scores = some_scores ();
  KtMatrixSettings settings = default_settings ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "matrix.svg", NULL);
  g_autofree char *listing = NULL;
  GError *error = NULL;
  xmlDocPtr doc;
  xmlNodePtr root;
  xmlChar *width, *height;

  /* An older file of the same name is replaced */
  g_assert_true (g_file_set_contents (path, "not an svg", -1, NULL));
  g_assert_true (kt_matrix_export_file (scores, &settings, NULL, path, &error));
  g_assert_no_error (error);

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  g_assert_nonnull (root->children);
  width = xmlGetProp (root, (const xmlChar *) "width");
  height = xmlGetProp (root, (const xmlChar *) "height");
  g_assert_cmpstr ((const char *) width, ==, "842pt");
  g_assert_cmpstr ((const char *) height, ==, "595pt");
  xmlFree (width);
  xmlFree (height);
  xmlFreeDoc (doc);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "matrix.svg");
  remove_dir (dir);
}

static void
test_pdf (void)
{
  g_autoptr(GPtrArray) scores = some_scores ();
  KtMatrixSettings settings = default_settings ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "matrix.Pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  GError *error = NULL;
  double width, height;

  g_assert_true (kt_matrix_export_file (scores, &settings, "Leverandørmatrix – Eksempel", path, &error));
  g_assert_no_error (error);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  title = poppler_document_get_title (document);
  g_assert_cmpstr (title, ==, "Leverandørmatrix – Eksempel");

  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 842, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 595, 0.5);

  /* Vector text, searchable: the title, an axis and a supplier */
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Leverandørmatrix"));
  g_assert_nonnull (strstr (text, "Supply risk"));
  g_assert_nonnull (strstr (text, "Netværksvagten A/S"));

  g_object_unref (page);
  g_object_unref (document);
  remove_dir (dir);
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *document;
  GError *error = NULL;

  g_assert_true (kt_matrix_export_file (none, NULL, NULL, path, &error));
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_object_unref (document);

  remove_dir (dir);
}

static void
test_unknown_extension (void)
{
  static const char *names[] = { "matrix.jpg", "matrix", "matrix.", ".png", "matrix.png.txt" };
  g_autoptr(GPtrArray) scores = some_scores ();
  KtMatrixSettings settings = default_settings ();
  g_autofree char *dir = make_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *listing = NULL;
      GError *error = NULL;

      g_assert_false (kt_matrix_export_file (scores, &settings, NULL, path, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
      g_assert_nonnull (strstr (error->message, ".png"));
      g_assert_nonnull (strstr (error->message, ".svg"));
      g_assert_nonnull (strstr (error->message, ".pdf"));
      if (i == 0)
        g_assert_nonnull (strstr (error->message, "“.jpg”"));
      if (i == 4)
        g_assert_nonnull (strstr (error->message, "“.txt”"));
      g_clear_error (&error);

      listing = list_dir (dir);
      g_assert_cmpstr (listing, ==, "");
    }

  remove_dir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(GPtrArray) scores = some_scores ();
  KtMatrixSettings settings = default_settings ();
  g_autofree char *dir = make_dir ();
  g_autofree char *missing = g_build_filename (dir, "no such folder", "matrix.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "a folder.png", NULL);
  g_autofree char *listing = NULL;
  GError *error = NULL;

  g_assert_false (kt_matrix_export_file (scores, &settings, NULL, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* A folder where the file should be stays a folder, with nothing in it */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (kt_matrix_export_file (scores, &settings, NULL, folder, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, folder));
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "a folder.png");
  g_free (listing);
  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, "");

  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/matrix-export/png", test_png);
  g_test_add_func ("/io/matrix-export/svg", test_svg);
  g_test_add_func ("/io/matrix-export/pdf", test_pdf);
  g_test_add_func ("/io/matrix-export/empty", test_empty);
  g_test_add_func ("/io/matrix-export/unknown-extension", test_unknown_extension);
  g_test_add_func ("/io/matrix-export/unwritable", test_unwritable);

  return g_test_run ();
}
