/* bench-pdf-render.c — a PDF page at 150 %
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A generated 12-page contract (full pages of text, a heading and a rule
 * on each), every page rendered once per run.
 *
 * OURS: kt_pdf_document_render_page () at scale 1.5, as the viewer asks
 * for a page: the lock, the page looked up among the document's kept page
 * objects, an ARGB32 surface filled white, the page drawn.
 * RAW: poppler-glib alone: poppler_document_get_page () and
 * poppler_page_render () into an ARGB32 image surface of the identical
 * size, scaled the same.
 * RAW, KEPT PAGES ("pdf-render-kept-pages"): the same with the
 * PopplerPage objects looked up once, beforehand. A page object lays out
 * its text for selection on its first render and keeps it, so this is
 * poppler drawing and nothing else; a viewer that keeps its page objects
 * gets there.
 *
 * The target is a ratio of at most 1.2. Usage: bench-pdf-render [N_PAGES].
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <poppler.h>

#include "bench-documents.h"
#include "kt-bench.h"
#include "kt-pdf-document.h"

#define RUNS         21
#define SCALE        1.5
#define TARGET_RATIO 1.2

typedef struct {
  KtPdfDocument   *document;
  PopplerDocument *poppler;
  PopplerPage    **pages;
  guint            n_pages;
  guint64          checksum;
} Bench;

/* Reads a pixel so that neither side can skip the drawing. */
static void
touch (Bench           *b,
       cairo_surface_t *surface)
{
  const guint32 *data = (const guint32 *) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  int height = cairo_image_surface_get_height (surface);

  b->checksum += data[(height / 3) * stride + stride / 3];
}

static void
run_ours (gpointer user_data)
{
  Bench *b = user_data;

  for (guint i = 0; i < b->n_pages; i++)
    {
      g_autoptr(GError) error = NULL;
      cairo_surface_t *surface;

      surface = kt_pdf_document_render_page (b->document, i, SCALE, NULL, &error);
      if (surface == NULL)
        g_error ("rendering page %u failed: %s", i + 1, error->message);
      touch (b, surface);
      cairo_surface_destroy (surface);
    }
}

static void
render_raw (Bench       *b,
            PopplerPage *page)
{
  cairo_surface_t *surface;
  double width, height;
  cairo_t *cr;

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * SCALE),
                                        (int) ceil (height * SCALE));
  cr = cairo_create (surface);
  cairo_scale (cr, SCALE, SCALE);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  touch (b, surface);
  cairo_surface_destroy (surface);
}

static void
run_raw (gpointer user_data)
{
  Bench *b = user_data;

  for (guint i = 0; i < b->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (b->poppler, i);

      render_raw (b, page);
      g_object_unref (page);
    }
}

static void
run_raw_kept (gpointer user_data)
{
  Bench *b = user_data;

  for (guint i = 0; i < b->n_pages; i++)
    render_raw (b, b->pages[i]);
}

int
main (int    argc,
      char **argv)
{
  guint n_pages = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 12;
  g_autoptr(GRand) rand = g_rand_new_with_seed (150);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bench_make_dir ("kt-bench-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "Kontrakt.pdf", NULL);
  g_autofree char *uri = NULL;
  double ours, raw, ours_again, kept;
  Bench b = { 0 };

  n_pages = MAX (n_pages, 1);
  bench_write_pdf (path, n_pages, rand);

  b.document = kt_pdf_document_open (path, NULL, NULL, &error);
  if (b.document == NULL)
    g_error ("kt_pdf_document_open: %s", error->message);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  b.poppler = poppler_document_new_from_file (uri, NULL, &error);
  if (b.poppler == NULL)
    g_error ("poppler_document_new_from_file: %s", error->message);
  b.n_pages = (guint) poppler_document_get_n_pages (b.poppler);
  g_assert_cmpuint (b.n_pages, ==, kt_pdf_document_get_n_pages (b.document));
  b.pages = g_new0 (PopplerPage *, b.n_pages);
  for (guint i = 0; i < b.n_pages; i++)
    b.pages[i] = poppler_document_get_page (b.poppler, i);

  kt_bench_reset_peak ();

  bench_median_pair_ms (run_ours, run_raw, &b, RUNS, &ours, &raw);
  bench_median_pair_ms (run_ours, run_raw_kept, &b, RUNS, &ours_again, &kept);

  printf ("pdf-render: %u pages of %.0f×%.0f px at %.0f %%, per run\n", b.n_pages,
          ceil (595 * SCALE), ceil (842 * SCALE), SCALE * 100);
  kt_bench_report ("pdf-render", ours, raw, TARGET_RATIO);
  kt_bench_report ("pdf-render-kept-pages", ours_again, kept, TARGET_RATIO);
  fflush (stdout);

  for (guint i = 0; i < b.n_pages; i++)
    g_object_unref (b.pages[i]);
  g_free (b.pages);
  g_object_unref (b.poppler);
  g_object_unref (b.document);
  bench_remove_tree (dir);

  return EXIT_SUCCESS;
}
