/* test-pdf-document.c — opening, reading, rendering and annotating PDFs
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "kt-enums.h"
#include "kt-pdf-document.h"
#include "pdf-test-util.h"

static const char *const contract_pages[] = {
  "Kontrakt om drift af ESDH-system\n\n§ 12 Prisregulering\n"
  "Priserne reguleres årligt efter nettoprisindekset.\n\n"
  "Ændringer aftales skriftligt mellem parterne.",

  "§ 14 Opsigelse\n"
  "Opsigelse skal ske skriftligt med seks måneders varsel.\n"
  "OPSIGELSE af delaftaler følger samme regel, og ved opsigelse bortfalder optioner.",

  "Bilag 1\nSide uden klausuler.",
};

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kt-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "Kontrakt.pdf", NULL);
  kt_pdf_test_write (fixture->path, "Driftskontrakt", contract_pages,
                     G_N_ELEMENTS (contract_pages));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  kt_pdf_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static KtPdfDocument *
open_ok (const char *path,
         const char *password)
{
  g_autoptr(GError) error = NULL;
  KtPdfDocument *document = kt_pdf_document_open (path, password, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(KtPdfDocument) document = open_ok (fixture->path, NULL);
  g_autofree char *title = kt_pdf_document_get_title (document);
  double width, height;

  g_assert_cmpstr (kt_pdf_document_get_path (document), ==, fixture->path);
  g_assert_cmpstr (kt_pdf_document_get_name (document), ==, "Kontrakt.pdf");
  g_assert_cmpuint (kt_pdf_document_get_n_pages (document), ==, 3);
  g_assert_cmpstr (title, ==, "Driftskontrakt");

  for (guint i = 0; i < 3; i++)
    {
      kt_pdf_document_get_page_size (document, i, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, KT_PDF_TEST_PAGE_WIDTH, 0.01);
      g_assert_cmpfloat_with_epsilon (height, KT_PDF_TEST_PAGE_HEIGHT, 0.01);
    }
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(KtPdfDocument) document = open_ok (fixture->path, NULL);
  g_autofree char *first = kt_pdf_document_get_page_text (document, 0);
  g_autofree char *second = kt_pdf_document_get_page_text (document, 1);
  g_autofree char *beyond = kt_pdf_document_get_page_text (document, 3);

  g_assert_nonnull (strstr (first, "Priserne reguleres årligt"));
  g_assert_nonnull (strstr (first, "Ændringer"));
  g_assert_nonnull (strstr (second, "seks måneders varsel"));
  g_assert_null (strstr (second, "Prisregulering"));
  g_assert_cmpstr (beyond, ==, "");
}

static void
assert_rect_on_line (const KtPageRect *rect,
                     double            top,
                     double            bottom)
{
  g_assert_cmpfloat (rect->x1, <, rect->x2);
  g_assert_cmpfloat (rect->y1, <, rect->y2);
  g_assert_cmpfloat (rect->y1, >=, top);
  g_assert_cmpfloat (rect->y2, <=, bottom);
}

static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(KtPdfDocument) document = open_ok (fixture->path, NULL);
  g_autoptr(GArray) lower = kt_pdf_document_find_text (document, 1, "opsigelse");
  g_autoptr(GArray) upper = kt_pdf_document_find_text (document, 1, "OPSIGELSE");
  g_autoptr(GArray) danish = kt_pdf_document_find_text (document, 0, "ændringer");
  g_autoptr(GArray) elsewhere = kt_pdf_document_find_text (document, 2, "Opsigelse");
  g_autoptr(GArray) nothing = kt_pdf_document_find_text (document, 1, "");
  g_autoptr(GArray) beyond = kt_pdf_document_find_text (document, 7, "Opsigelse");
  const KtPageRect *heading;

  /* Heading, sentence start, capitals, lower case. */
  g_assert_cmpuint (lower->len, ==, 4);
  g_assert_cmpuint (upper->len, ==, 4);
  for (guint i = 0; i < lower->len; i++)
    {
      const KtPageRect *a = &g_array_index (lower, KtPageRect, i);
      const KtPageRect *b = &g_array_index (upper, KtPageRect, i);

      g_assert_cmpfloat_with_epsilon (a->x1, b->x1, 0.01);
      g_assert_cmpfloat_with_epsilon (a->y1, b->y1, 0.01);
    }

  /* Top-left coordinates: the heading is on the first line, just below
   * the 72 pt margin, not near the bottom of the page. */
  heading = &g_array_index (lower, KtPageRect, 0);
  assert_rect_on_line (heading, 66, 92);
  g_assert_cmpfloat (heading->x1, >=, 72);
  g_assert_cmpfloat (heading->x2 - heading->x1, >, 40);
  g_assert_cmpfloat (heading->x2 - heading->x1, <, 100);

  g_assert_cmpuint (danish->len, ==, 1);
  g_assert_cmpuint (elsewhere->len, ==, 0);
  g_assert_cmpuint (nothing->len, ==, 0);
  g_assert_cmpuint (beyond->len, ==, 0);
}

static void
test_select (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KtPdfDocument) document = open_ok (fixture->path, NULL);
  g_autoptr(GArray) found = kt_pdf_document_find_text (document, 1, "seks måneders");
  g_autoptr(GArray) lines = NULL;
  g_autofree char *text = NULL;
  const KtPageRect *match;
  const KtPageRect *line;

  g_assert_cmpuint (found->len, ==, 1);
  match = &g_array_index (found, KtPageRect, 0);

  /* Dragged from inside "seks" to inside "måneders": word-wise, both
   * words whole. */
  g_assert_true (kt_pdf_document_select (document, 1,
                                         match->x1 + 3, (match->y1 + match->y2) / 2,
                                         match->x2 - 3, (match->y1 + match->y2) / 2,
                                         &text, &lines));
  g_assert_cmpstr (text, ==, "seks måneders");
  g_assert_cmpuint (lines->len, ==, 1);
  line = &g_array_index (lines, KtPageRect, 0);
  g_assert_cmpfloat_with_epsilon (line->x1, match->x1, 1.0);
  g_assert_cmpfloat_with_epsilon (line->x2, match->x2, 1.0);
  g_assert_cmpfloat (line->y1, <=, match->y1 + 1.0);
  g_assert_cmpfloat (line->y2, >=, match->y2 - 1.0);
  g_assert_cmpfloat (line->y2 - line->y1, <, 30);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&lines, g_array_unref);

  /* Over two lines: one rectangle a line. */
  g_assert_true (kt_pdf_document_select (document, 1, 72, 75, 200, 100, &text, &lines));
  g_assert_true (g_str_has_prefix (text, "§ 14 Opsigelse"));
  g_assert_nonnull (strstr (text, "Opsigelse skal"));
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpfloat (g_array_index (lines, KtPageRect, 0).y2, <=,
                     g_array_index (lines, KtPageRect, 1).y1 + 0.5);

  g_assert_false (kt_pdf_document_select (document, 9, 72, 75, 200, 100, NULL, NULL));
}

/* poppler's word-wise selection snaps to the nearest text; only a page
 * without any selects nothing. */
static void
test_select_blank (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *const pages[] = { "Forside", "" };
  g_autofree char *path = g_build_filename (fixture->dir, "Blank.pdf", NULL);
  g_autoptr(KtPdfDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) lines = NULL;

  kt_pdf_test_write (path, NULL, pages, G_N_ELEMENTS (pages));
  document = open_ok (path, NULL);

  g_assert_false (kt_pdf_document_select (document, 1, 20, 20, 500, 800, &text, &lines));
  g_assert_null (text);
  g_assert_null (lines);
  g_assert_true (kt_pdf_document_select (document, 0, 20, 20, 500, 800, &text, &lines));
  g_assert_cmpstr (text, ==, "Forside");
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KtPdfDocument) document = open_ok (fixture->path, NULL);
  g_autoptr(GArray) found = kt_pdf_document_find_text (document, 1, "Opsigelse");
  g_autoptr(GError) error = NULL;
  const KtPageRect *word;
  cairo_surface_t *surface;
  const double scale = 1.5;
  guint dark = 0;

  surface = kt_pdf_document_render_page (document, 1, scale, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 893);   /* ⌈595 × 1.5⌉ */
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1263); /* ⌈842 × 1.5⌉ */

  /* Opaque white paper in the margin... */
  g_assert_cmphex (pixel_at (surface, 5, 5), ==, 0xffffffff);
  g_assert_cmphex (pixel_at (surface, 880, 1250), ==, 0xffffffff);

  /* ...and ink where the word is. */
  word = &g_array_index (found, KtPageRect, 0);
  for (int y = word->y1 * scale; y < word->y2 * scale; y++)
    for (int x = word->x1 * scale; x < word->x2 * scale; x++)
      {
        guint32 p = pixel_at (surface, x, y);

        g_assert_cmphex (p >> 24, ==, 0xff);
        if ((p & 0xff) < 0x80)
          dark++;
      }
  g_assert_cmpuint (dark, >, 100);

  cairo_surface_destroy (surface);
}

static void
test_render_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KtPdfDocument) document = open_ok (fixture->path, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_null (kt_pdf_document_render_page (document, 3, 1.0, NULL, &error));
  g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_PAGE);
  g_clear_error (&error);

  {
    g_autoptr(KtPdfDocument) named = kt_pdf_document_open_named (fixture->path, "Aftale.pdf",
                                                                 NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (kt_pdf_document_get_name (named), ==, "Aftale.pdf");
    g_assert_null (kt_pdf_document_render_page (named, 3, 1.0, NULL, &error));
    g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_PAGE);
    g_assert_nonnull (strstr (error->message, "Aftale.pdf"));
    g_clear_error (&error);
  }

  /* 595 pt at 100 px/pt would be a 59500-pixel-wide surface. */
  g_assert_null (kt_pdf_document_render_page (document, 0, 100.0, NULL, &error));
  g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_PAGE);
  g_clear_error (&error);

  g_assert_null (kt_pdf_document_render_page (document, 0, 0.0, NULL, &error));
  g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_PAGE);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_null (kt_pdf_document_render_page (document, 0, 1.0, cancellable, &error));
  g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_CANCELLED);
}

typedef struct {
  GPtrArray *order;     /* page numbers as strings, in the order finished */
  guint      pending;
  GError    *errors[4];
  int        widths[4];
} Renders;

typedef struct {
  Renders *renders;
  guint    page;
} Request;

static Request *
request_new (Renders *renders,
             guint    page)
{
  Request *request = g_new (Request, 1);

  request->renders = renders;
  request->page = page;
  return request;
}

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree Request *request = user_data;
  Renders *renders = request->renders;
  cairo_surface_t *surface;

  surface = kt_pdf_document_render_page_finish (KT_PDF_DOCUMENT (object), result,
                                                &renders->errors[request->page]);
  if (surface != NULL)
    {
      renders->widths[request->page] = cairo_image_surface_get_width (surface);
      cairo_surface_destroy (surface);
    }
  g_ptr_array_add (renders->order, g_strdup_printf ("%u", request->page));
  renders->pending--;
}

static void
test_render_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KtPdfDocument) document = open_ok (fixture->path, NULL);
  g_autoptr(GCancellable) scrolled_away = g_cancellable_new ();
  g_autofree char *joined = NULL;
  Renders renders = { g_ptr_array_new_with_free_func (g_free), 3 };

  kt_pdf_document_render_page_async (document, 0, 1.0, NULL, render_done_cb,
                                     request_new (&renders, 0));
  kt_pdf_document_render_page_async (document, 1, 1.0, scrolled_away, render_done_cb,
                                     request_new (&renders, 1));
  kt_pdf_document_render_page_async (document, 2, 2.0, NULL, render_done_cb,
                                     request_new (&renders, 2));
  g_cancellable_cancel (scrolled_away);

  /* Meanwhile the window keeps asking for text: the lock makes it wait,
   * not crash. */
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GArray) found = kt_pdf_document_find_text (document, i % 3, "Opsigelse");
      g_autofree char *text = kt_pdf_document_get_page_text (document, i % 3);
    }

  while (renders.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_ptr_array_add (renders.order, NULL);
  joined = g_strjoinv (",", (char **) renders.order->pdata);
  g_assert_cmpstr (joined, ==, "0,1,2");

  g_assert_no_error (renders.errors[0]);
  g_assert_cmpint (renders.widths[0], ==, 595);
  g_assert_error (renders.errors[1], KT_PDF_ERROR, KT_PDF_ERROR_CANCELLED);
  g_assert_cmpint (renders.widths[1], ==, 0);
  g_assert_no_error (renders.errors[2]);
  g_assert_cmpint (renders.widths[2], ==, 1190);

  g_clear_error (&renders.errors[1]);
  g_ptr_array_unref (renders.order);
}

/* The last reference may go while the worker is still on the request
 * that held it. */
static void
test_render_async_unref (Fixture       *fixture,
                         gconstpointer  data)
{
  KtPdfDocument *document = open_ok (fixture->path, NULL);
  Renders renders = { g_ptr_array_new_with_free_func (g_free), 3 };

  for (guint i = 0; i < 3; i++)
    kt_pdf_document_render_page_async (document, i, 1.0, NULL, render_done_cb,
                                       request_new (&renders, i));
  g_object_unref (document);

  while (renders.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < 3; i++)
    g_assert_no_error (renders.errors[i]);
  g_ptr_array_unref (renders.order);
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(KtPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  kt_pdf_document_open_async (fixture->path, NULL, NULL, open_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  document = kt_pdf_document_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kt_pdf_document_get_n_pages (document), ==, 3);
  g_clear_object (&result);
  g_clear_object (&document);

  kt_pdf_document_open_async (fixture->path, NULL, cancellable, open_done_cb, &result);
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  document = kt_pdf_document_open_finish (result, &error);
  g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_CANCELLED);
  g_assert_null (document);
}

static void
assert_open_fails (const char *path,
                   const char *password,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KtPdfDocument) document = kt_pdf_document_open (path, password, NULL, &error);
  g_autofree char *name = g_path_get_basename (path);

  g_assert_null (document);
  g_assert_error (error, KT_PDF_ERROR, code);
  /* The message names the file the user knows. */
  g_assert_nonnull (strstr (error->message, name));
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "Forsvundet.pdf", NULL);
  g_autofree char *truncated = g_build_filename (fixture->dir, "Afkortet.pdf", NULL);
  g_autofree char *noise = g_build_filename (fixture->dir, "Støj.pdf", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "Noter.pdf", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "Tom.pdf", NULL);
  g_autofree char *garbage = g_build_filename (fixture->dir, "Skrald.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KtPdfDocument) document = NULL;
  const char *minutes = "Mødereferat\nIntet PDF her.\n";
  guchar random[4096];
  gsize length;

  /* Missing: the message gives the whole path, to look for it. */
  document = kt_pdf_document_open (missing, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));

  g_file_get_contents (fixture->path, &contents, &length, NULL);
  kt_pdf_test_write_bytes (truncated, contents, length / 3);
  assert_open_fails (truncated, NULL, KT_PDF_ERROR_DAMAGED);

  for (guint i = 0; i < sizeof random; i++)
    random[i] = g_test_rand_int_range (0, 256);
  random[0] = 'Z';   /* never "%PDF-" by chance */
  kt_pdf_test_write_bytes (noise, random, sizeof random);
  assert_open_fails (noise, NULL, KT_PDF_ERROR_NOT_PDF);

  kt_pdf_test_write_bytes (text, minutes, strlen (minutes));
  assert_open_fails (text, NULL, KT_PDF_ERROR_NOT_PDF);

  kt_pdf_test_write_bytes (empty, "", 0);
  assert_open_fails (empty, NULL, KT_PDF_ERROR_NOT_PDF);

  /* A PDF header and nothing a reader can use. */
  memcpy (random, "%PDF-1.7\n", 9);
  kt_pdf_test_write_bytes (garbage, random, sizeof random);
  assert_open_fails (garbage, NULL, KT_PDF_ERROR_DAMAGED);

  /* A stored file is named by its hash; messages use the name the user
   * attached it under. */
  g_clear_error (&error);
  document = kt_pdf_document_open_named (garbage, "Kontrakt underskrevet.pdf", NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "Kontrakt underskrevet.pdf"));
  g_assert_null (strstr (error->message, "Skrald"));
}

static const char *const secret_pages[] = {
  "Fortrolig aftale\nSide et",
  "Opsigelse med tre maaneders varsel\nSide to",
};

static void
test_encrypted (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Hemmelig.pdf", NULL);
  g_autoptr(KtPdfDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) found = NULL;

  kt_pdf_test_write_encrypted (path, "hemmelig", secret_pages, G_N_ELEMENTS (secret_pages));

  assert_open_fails (path, NULL, KT_PDF_ERROR_NEEDS_PASSWORD);
  assert_open_fails (path, "forkert", KT_PDF_ERROR_WRONG_PASSWORD);
  assert_open_fails (path, "", KT_PDF_ERROR_WRONG_PASSWORD);

  document = open_ok (path, "hemmelig");
  g_assert_cmpuint (kt_pdf_document_get_n_pages (document), ==, 2);
  text = kt_pdf_document_get_page_text (document, 1);
  g_assert_nonnull (strstr (text, "Opsigelse med tre maaneders varsel"));
  found = kt_pdf_document_find_text (document, 1, "OPSIGELSE");
  g_assert_cmpuint (found->len, ==, 1);
}

static KtClause *
clause_on (KtPdfDocument    *document,
           guint             page,
           const char       *text,
           KtClauseCategory  category,
           const char       *note,
           const char       *colour,
           const char       *author)
{
  g_autoptr(GArray) found = kt_pdf_document_find_text (document, page, text);
  KtClause *clause = kt_clause_new ();

  g_assert_cmpuint (found->len, >, 0);
  clause->page = page;
  clause->category = category;
  clause->text = g_strdup (text);
  clause->note = g_strdup (note);
  g_free (clause->colour);
  clause->colour = g_strdup (colour);
  clause->created_by = g_strdup (author);
  for (guint i = 0; i < found->len; i++)
    kt_clause_add_quad (clause, &g_array_index (found, KtPageRect, i));

  return clause;
}

static GList *
highlights_on (PopplerDocument *document,
               guint            page_index)
{
  PopplerPage *page = poppler_document_get_page (document, page_index);
  GList *mapping = poppler_page_get_annot_mapping (page);
  GList *highlights = NULL;

  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerAnnotMapping *m = l->data;

      if (poppler_annot_get_annot_type (m->annot) == POPPLER_ANNOT_HIGHLIGHT)
        highlights = g_list_append (highlights, g_object_ref (m->annot));
    }
  poppler_page_free_annot_mapping (mapping);
  g_object_unref (page);

  return highlights;
}

/* The annotation's quads, read back in the viewer's coordinates, are the
 * clause's rectangles. */
static void
assert_quads_match (PopplerAnnot   *annot,
                    const KtClause *clause)
{
  g_autoptr(GArray) quads =
    poppler_annot_text_markup_get_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (annot));

  g_assert_cmpuint (quads->len, ==, clause->quads->len);
  for (guint i = 0; i < quads->len; i++)
    {
      const PopplerQuadrilateral *q = &g_array_index (quads, PopplerQuadrilateral, i);
      const KtPageRect *r = &g_array_index (clause->quads, KtPageRect, i);

      g_assert_cmpfloat_with_epsilon (q->p1.x, r->x1, 0.01);
      g_assert_cmpfloat_with_epsilon (q->p1.y, KT_PDF_TEST_PAGE_HEIGHT - r->y1, 0.01);
      g_assert_cmpfloat_with_epsilon (q->p2.x, r->x2, 0.01);
      g_assert_cmpfloat_with_epsilon (q->p2.y, KT_PDF_TEST_PAGE_HEIGHT - r->y1, 0.01);
      g_assert_cmpfloat_with_epsilon (q->p3.x, r->x1, 0.01);
      g_assert_cmpfloat_with_epsilon (q->p3.y, KT_PDF_TEST_PAGE_HEIGHT - r->y2, 0.01);
      g_assert_cmpfloat_with_epsilon (q->p4.x, r->x2, 0.01);
      g_assert_cmpfloat_with_epsilon (q->p4.y, KT_PDF_TEST_PAGE_HEIGHT - r->y2, 0.01);
    }
}

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static PopplerDocument *
poppler_open (const char *path,
              const char *password)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, password, &error);

  g_assert_no_error (error);
  return document;
}

static void
test_highlights (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(KtPdfDocument) document = open_ok (fixture->path, NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "Kontrakt med klausuler.pdf", NULL);
  g_autofree char *before = checksum_of (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *expected_price = NULL;
  g_autoptr(GPtrArray) clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_clause_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  PopplerDocument *exported;
  GList *on_first, *on_second, *on_third;
  const char *name;
  guint n_files = 0;

  g_ptr_array_add (clauses, clause_on (document, 0, "Priserne reguleres årligt",
                                       KT_CLAUSE_PRICE, "Tjek nettoprisindekset i maj",
                                       "#ffd24a", "Anna Jensen"));
  g_ptr_array_add (clauses, clause_on (document, 1, "seks måneders varsel",
                                       KT_CLAUSE_TERMINATION, NULL, "#8fd6ff", "Bent Hansen"));
  /* A phrase over two lines: two quads in one annotation. */
  g_ptr_array_add (clauses, clause_on (document, 1, "varsel. OPSIGELSE",
                                       KT_CLAUSE_TERMINATION, "Delaftaler", "#8fd6ff", NULL));
  g_assert_cmpuint (((KtClause *) clauses->pdata[2])->quads->len, ==, 2);

  g_assert_true (kt_pdf_document_save_with_highlights (document, clauses, out, &error));
  g_assert_no_error (error);

  after = checksum_of (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* Nothing left over beside the copy. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, "."));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 2);

  exported = poppler_open (out, NULL);
  g_assert_cmpint (poppler_document_get_n_pages (exported), ==, 3);
  on_first = highlights_on (exported, 0);
  on_second = highlights_on (exported, 1);
  on_third = highlights_on (exported, 2);
  g_assert_cmpuint (g_list_length (on_first), ==, 1);
  g_assert_cmpuint (g_list_length (on_second), ==, 2);
  g_assert_cmpuint (g_list_length (on_third), ==, 0);

  {
    PopplerAnnot *annot = on_first->data;
    g_autofree char *contents = poppler_annot_get_contents (annot);
    g_autofree char *label = poppler_annot_markup_get_label (POPPLER_ANNOT_MARKUP (annot));
    g_autofree PopplerColor *colour = poppler_annot_get_color (annot);

    expected_price = g_strconcat (kt_enum_label (KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_PRICE),
                                  ": Tjek nettoprisindekset i maj", NULL);
    g_assert_cmpstr (contents, ==, expected_price);
    g_assert_cmpstr (label, ==, "Anna Jensen");
    g_assert_cmpuint (colour->red >> 8, ==, 0xff);
    g_assert_cmpuint (colour->green >> 8, ==, 0xd2);
    g_assert_cmpuint (colour->blue >> 8, ==, 0x4a);
    assert_quads_match (annot, clauses->pdata[0]);

    /* And over the words in poppler's own PDF coordinates, whatever the
     * viewer's conversion. */
    {
      PopplerPage *page = poppler_document_get_page (exported, 0);
      GList *matches = poppler_page_find_text (page, "Priserne reguleres årligt");
      PopplerRectangle *match = matches->data;
      g_autoptr(GArray) quads =
        poppler_annot_text_markup_get_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (annot));
      const PopplerQuadrilateral *q = &g_array_index (quads, PopplerQuadrilateral, 0);

      g_assert_cmpuint (g_list_length (matches), ==, 1);
      g_assert_cmpfloat_with_epsilon (q->p1.x, match->x1, 0.01);
      g_assert_cmpfloat_with_epsilon (q->p4.x, match->x2, 0.01);
      g_assert_cmpfloat_with_epsilon (q->p1.y, match->y2, 0.01);   /* top */
      g_assert_cmpfloat_with_epsilon (q->p4.y, match->y1, 0.01);   /* bottom */
      g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
      g_object_unref (page);
    }
  }

  for (GList *l = on_second; l != NULL; l = l->next)
    {
      PopplerAnnot *annot = l->data;
      g_autofree char *contents = poppler_annot_get_contents (annot);
      g_autoptr(GArray) quads =
        poppler_annot_text_markup_get_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (annot));
      const KtClause *clause = clauses->pdata[quads->len == 2 ? 2 : 1];
      g_autofree char *expected = clause->note != NULL
        ? g_strconcat (kt_enum_label (KT_ENUM_CLAUSE_CATEGORY, clause->category), ": ",
                       clause->note, NULL)
        : g_strdup (kt_enum_label (KT_ENUM_CLAUSE_CATEGORY, clause->category));

      g_assert_cmpstr (contents, ==, expected);
      assert_quads_match (annot, clause);
    }

  g_list_free_full (on_first, g_object_unref);
  g_list_free_full (on_second, g_object_unref);
  g_list_free_full (on_third, g_object_unref);
  g_object_unref (exported);
}

static void
test_highlights_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(KtPdfDocument) document = open_ok (fixture->path, NULL);
  g_autoptr(GPtrArray) clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_clause_free);
  g_autofree char *before = checksum_of (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *nowhere = g_build_filename (fixture->dir, "findes-ikke", "kopi.pdf", NULL);
  g_autofree char *beyond = g_build_filename (fixture->dir, "kopi.pdf", NULL);
  g_autoptr(GError) error = NULL;
  KtClause *clause;

  g_ptr_array_add (clauses, clause_on (document, 1, "Opsigelse", KT_CLAUSE_TERMINATION,
                                       NULL, "#8fd6ff", NULL));

  /* Never over the original. */
  g_assert_false (kt_pdf_document_save_with_highlights (document, clauses, fixture->path, &error));
  g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_WRITE);
  g_clear_error (&error);
  after = checksum_of (fixture->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_false (kt_pdf_document_save_with_highlights (document, clauses, nowhere, &error));
  g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_WRITE);
  g_clear_error (&error);

  clause = clause_on (document, 1, "Opsigelse", KT_CLAUSE_TERMINATION, NULL, "#8fd6ff", NULL);
  clause->page = 5;
  g_ptr_array_add (clauses, clause);
  g_assert_false (kt_pdf_document_save_with_highlights (document, clauses, beyond, &error));
  g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_PAGE);
  g_assert_false (g_file_test (beyond, G_FILE_TEST_EXISTS));
}

static void
test_highlights_encrypted (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Hemmelig.pdf", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "Hemmelig med klausuler.pdf", NULL);
  g_autoptr(GPtrArray) clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_clause_free);
  g_autoptr(KtPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *exported;
  GList *highlights;

  kt_pdf_test_write_encrypted (path, "hemmelig", secret_pages, G_N_ELEMENTS (secret_pages));
  document = open_ok (path, "hemmelig");
  g_ptr_array_add (clauses, clause_on (document, 1, "tre maaneders varsel",
                                       KT_CLAUSE_TERMINATION, "Kort varsel", "#8fd6ff",
                                       "Anna Jensen"));

  g_assert_true (kt_pdf_document_save_with_highlights (document, clauses, out, &error));
  g_assert_no_error (error);

  exported = poppler_open (out, "hemmelig");
  highlights = highlights_on (exported, 1);
  g_assert_cmpuint (g_list_length (highlights), ==, 1);
  assert_quads_match (highlights->data, clauses->pdata[0]);
  g_list_free_full (highlights, g_object_unref);
  g_object_unref (exported);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/io/pdf/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("open", test_open);
  ADD ("text", test_text);
  ADD ("find", test_find);
  ADD ("select", test_select);
  ADD ("select-blank", test_select_blank);
  ADD ("render", test_render);
  ADD ("render-refused", test_render_refused);
  ADD ("render-async", test_render_async);
  ADD ("render-async-unref", test_render_async_unref);
  ADD ("open-async", test_open_async);
  ADD ("bad-files", test_bad_files);
  ADD ("encrypted", test_encrypted);
  ADD ("highlights", test_highlights);
  ADD ("highlights-refused", test_highlights_refused);
  ADD ("highlights-encrypted", test_highlights_encrypted);

#undef ADD

  return g_test_run ();
}
