/* pdf-view-test-util.c — the window, the generated PDFs and the main-loop
 * helpers of the PDF viewer's tests
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "pdf-view-test-util.h"

/* Page 0 A4 portrait, page 1 A4 landscape, page 2 A4 portrait; "opsigelse"
 * twice on page 0 and once on page 2. */
static const char *const mixed_text[] = {
  "Opsigelse af aftalen sker skriftligt.\nEn opsigelse skal ske med tre måneders varsel.",
  "Prisregulering sker årligt efter nettoprisindekset.\nBod ved forsinkelse.",
  "Ved ophør og opsigelse overdrages alle data til kunden.",
};

void
write_pdf (const char        *path,
           const char *const *pages,
           guint              n_pages,
           gboolean           landscape_second)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, A4_W, A4_H);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans 12");

  pango_layout_set_font_description (layout, font);
  for (guint i = 0; i < n_pages; i++)
    {
      gboolean landscape = landscape_second && i == 1;

      cairo_pdf_surface_set_size (surface, landscape ? A4_H : A4_W, landscape ? A4_W : A4_H);
      cairo_move_to (cr, 72, 72);
      pango_layout_set_text (layout, pages[i % 3], -1);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
    }

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
spin_until (Condition condition,
            gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

gboolean
allocated (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static void
fixture_open (Fixture *f,
              guint    n_pages)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-pdf-view-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kontrakt.pdf", NULL);
  write_pdf (f->path, mixed_text, n_pages, n_pages == 3);

  f->document = kt_pdf_document_open (f->path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kt_pdf_document_get_n_pages (f->document), ==, n_pages);
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  guint n_pages = GPOINTER_TO_UINT (data) != 0 ? GPOINTER_TO_UINT (data) : 3;

  fixture_open (f, n_pages);

  f->view = KT_PDF_VIEW (g_object_ref_sink (kt_pdf_view_new ()));
  f->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (f->scrolled), GTK_WIDGET (f->view));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (f->window), f->scrolled);
  gtk_window_present (GTK_WINDOW (f->window));
  spin_until (allocated, f->view);
  spin ();

  /* In a large document the stall test sets it itself */
  if (n_pages <= 3)
    {
      kt_pdf_view_set_document (f->view, f->document);
      spin ();
    }
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin ();
  g_assert_finalize_object (f->view);
  /* Renders still queued hold the document until the worker drops them */
  g_clear_object (&f->document);
  g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

GtkAdjustment *
vadjustment (Fixture *f)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));
}

GtkAdjustment *
hadjustment (Fixture *f)
{
  return gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->view));
}

void
page_point_to_widget (Fixture *f,
                      guint    page,
                      double   px,
                      double   py,
                      double  *x,
                      double  *y)
{
  graphene_rect_t rect;

  kt_pdf_view_get_page_rect (f->view, page, &rect);
  *x = rect.origin.x + px * kt_pdf_view_get_zoom (f->view);
  *y = rect.origin.y + py * kt_pdf_view_get_zoom (f->view);
}

void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

gboolean
find_finished (gpointer data)
{
  return *(gboolean *) data;
}

void
finished_cb (KtPdfView *view,
             guint      n,
             gboolean  *done)
{
  g_assert_cmpuint (n, ==, kt_pdf_view_get_n_matches (view));
  *done = TRUE;
}
