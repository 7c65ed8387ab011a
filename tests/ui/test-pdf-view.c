/* test-pdf-view.c — the PDF viewer and its thumbnails in a window: layout
 * of mixed page sizes, zoom, page navigation, rendering off the main
 * thread, a 1,000-page document; find, selection and clauses are in
 * test-pdf-view-text.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>
#include <time.h>

#include "kt-pdf-thumbnails.h"
#include "pdf-view-test-util.h"

/* ---- Layout and zoom -------------------------------------------------- */

static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  graphene_rect_t p0, p1, p2;
  double expected;

  kt_pdf_view_set_zoom (f->view, 1.0);
  g_assert_cmpint (kt_pdf_view_get_zoom_mode (f->view), ==, KT_PDF_ZOOM_FREE);
  gtk_adjustment_set_value (vadjustment (f), 0);
  gtk_adjustment_set_value (hadjustment (f), 0);

  kt_pdf_view_get_page_rect (f->view, 0, &p0);
  kt_pdf_view_get_page_rect (f->view, 1, &p1);
  kt_pdf_view_get_page_rect (f->view, 2, &p2);

  /* Each page at its own size, stacked with a gap, centred on one axis */
  g_assert_cmpfloat_with_epsilon (p0.size.width, A4_W, 0.01);
  g_assert_cmpfloat_with_epsilon (p0.size.height, A4_H, 0.01);
  g_assert_cmpfloat_with_epsilon (p1.size.width, A4_H, 0.01);
  g_assert_cmpfloat_with_epsilon (p1.size.height, A4_W, 0.01);
  g_assert_cmpfloat_with_epsilon (p0.origin.y, KT_PDF_VIEW_MARGIN, 0.01);
  g_assert_cmpfloat_with_epsilon (p1.origin.y, KT_PDF_VIEW_MARGIN + A4_H + KT_PDF_VIEW_GAP, 0.01);
  g_assert_cmpfloat_with_epsilon (p2.origin.y, p1.origin.y + A4_W + KT_PDF_VIEW_GAP, 0.01);
  g_assert_cmpfloat_with_epsilon (p0.origin.x + p0.size.width / 2, p1.origin.x + p1.size.width / 2, 0.01);
  g_assert_cmpfloat_with_epsilon (p1.origin.x, KT_PDF_VIEW_MARGIN, 0.01);

  /* The scrollable area is the pages with their margins */
  expected = 2 * KT_PDF_VIEW_MARGIN + A4_H + A4_W + A4_H + 2 * KT_PDF_VIEW_GAP;
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (vadjustment (f)), expected, 0.01);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (hadjustment (f)), A4_H + 2 * KT_PDF_VIEW_MARGIN, 0.01);

  /* Twice the zoom, twice the sizes */
  kt_pdf_view_set_zoom (f->view, 2.0);
  kt_pdf_view_get_page_rect (f->view, 1, &p1);
  g_assert_cmpfloat_with_epsilon (p1.size.width, 2 * A4_H, 0.01);
  expected = 2 * KT_PDF_VIEW_MARGIN + 2 * (A4_H + A4_W + A4_H) + 2 * KT_PDF_VIEW_GAP;
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (vadjustment (f)), expected, 0.01);
}

static void
test_fit (Fixture       *f,
          gconstpointer  data)
{
  double width = gtk_widget_get_width (GTK_WIDGET (f->view)) - 2 * KT_PDF_VIEW_MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (f->view)) - 2 * KT_PDF_VIEW_MARGIN;
  graphene_rect_t p1;

  /* By default the widest page (the landscape one) fills the width */
  g_assert_cmpint (kt_pdf_view_get_zoom_mode (f->view), ==, KT_PDF_ZOOM_FIT_WIDTH);
  g_assert_cmpfloat_with_epsilon (kt_pdf_view_get_zoom (f->view), width / A4_H, 1e-6);
  kt_pdf_view_get_page_rect (f->view, 1, &p1);
  g_assert_cmpfloat_with_epsilon (p1.origin.x, KT_PDF_VIEW_MARGIN, 0.01);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_upper (hadjustment (f)),
                                  gtk_widget_get_width (GTK_WIDGET (f->view)), 0.01);

  /* The current page whole */
  kt_pdf_view_set_zoom_mode (f->view, KT_PDF_ZOOM_FIT_PAGE);
  g_assert_cmpfloat_with_epsilon (kt_pdf_view_get_zoom (f->view), MIN (width / A4_W, height / A4_H), 1e-6);

  /* It follows the size of the window */
  kt_pdf_view_set_zoom_mode (f->view, KT_PDF_ZOOM_FIT_WIDTH);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 500);
  gtk_widget_queue_resize (f->window);
  while (gtk_widget_get_width (GTK_WIDGET (f->view)) > 600)
    g_main_context_iteration (NULL, TRUE);
  spin ();
  width = gtk_widget_get_width (GTK_WIDGET (f->view)) - 2 * KT_PDF_VIEW_MARGIN;
  g_assert_cmpfloat_with_epsilon (kt_pdf_view_get_zoom (f->view), width / A4_H, 1e-6);
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect (f->view, "notify::zoom", G_CALLBACK (count_cb), &notified);

  kt_pdf_view_set_zoom (f->view, 100);
  g_assert_cmpfloat (kt_pdf_view_get_zoom (f->view), ==, 8.0);
  g_assert_cmpint (kt_pdf_view_get_zoom_mode (f->view), ==, KT_PDF_ZOOM_FREE);
  g_assert_cmpuint (notified, ==, 1);
  kt_pdf_view_zoom_in (f->view);                   /* at the top already */
  g_assert_cmpfloat (kt_pdf_view_get_zoom (f->view), ==, 8.0);

  kt_pdf_view_set_zoom (f->view, 0.01);
  g_assert_cmpfloat (kt_pdf_view_get_zoom (f->view), ==, 0.1);
  kt_pdf_view_zoom_out (f->view);
  g_assert_cmpfloat (kt_pdf_view_get_zoom (f->view), ==, 0.1);

  /* The steps */
  kt_pdf_view_set_zoom (f->view, 1.0);
  kt_pdf_view_zoom_in (f->view);
  g_assert_cmpfloat (kt_pdf_view_get_zoom (f->view), ==, 1.25);
  kt_pdf_view_zoom_in (f->view);
  g_assert_cmpfloat (kt_pdf_view_get_zoom (f->view), ==, 1.5);
  kt_pdf_view_zoom_out (f->view);
  kt_pdf_view_zoom_out (f->view);
  kt_pdf_view_zoom_out (f->view);
  g_assert_cmpfloat (kt_pdf_view_get_zoom (f->view), ==, 0.8);
  kt_pdf_view_set_zoom (f->view, 1.1);             /* between steps */
  kt_pdf_view_zoom_out (f->view);
  g_assert_cmpfloat (kt_pdf_view_get_zoom (f->view), ==, 1.0);

  /* Ctrl+0 goes back to fitting the width */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf-view.zoom-fit-width", NULL));
  g_assert_cmpint (kt_pdf_view_get_zoom_mode (f->view), ==, KT_PDF_ZOOM_FIT_WIDTH);
  g_assert_cmpfloat_with_epsilon (kt_pdf_view_get_zoom (f->view),
                                  (gtk_widget_get_width (GTK_WIDGET (f->view)) - 2 * KT_PDF_VIEW_MARGIN) / A4_H,
                                  1e-6);
}

static void
test_zoom_anchor (Fixture       *f,
                  gconstpointer  data)
{
  double x, y, px, py, x2, y2;
  guint page;

  kt_pdf_view_set_zoom (f->view, 1.0);
  kt_pdf_view_set_page (f->view, 1);
  gtk_adjustment_set_value (vadjustment (f), gtk_adjustment_get_value (vadjustment (f)) + 100);

  /* The point under the pointer stays under it */
  x = 300;
  y = 250;
  g_assert_true (kt_pdf_view_page_at (f->view, x, y, &page, &px, &py));
  g_assert_cmpuint (page, ==, 1);
  kt_pdf_view_zoom_step_at (f->view, 1, x, y);
  g_assert_cmpfloat (kt_pdf_view_get_zoom (f->view), ==, 1.25);
  page_point_to_widget (f, 1, px, py, &x2, &y2);
  g_assert_cmpfloat_with_epsilon (x2, x, 0.5);
  g_assert_cmpfloat_with_epsilon (y2, y, 0.5);

  /* Without a pointer the page at the top stays there */
  kt_pdf_view_zoom_in (f->view);
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 1);
  g_assert_true (kt_pdf_view_page_at (f->view, x, 0.5, &page, NULL, NULL));
  g_assert_cmpuint (page, ==, 1);
}

/* ---- Navigation ------------------------------------------------------- */

static void
test_set_page (Fixture       *f,
               gconstpointer  data)
{
  guint notified = 0;
  graphene_rect_t rect;

  kt_pdf_view_set_zoom (f->view, 0.5);
  g_signal_connect (f->view, "notify::page", G_CALLBACK (count_cb), &notified);

  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 0);
  g_object_get (f->view, "n-pages", &notified, NULL);
  g_assert_cmpuint (notified, ==, 3);
  notified = 0;

  kt_pdf_view_set_page (f->view, 1);
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  kt_pdf_view_get_page_rect (f->view, 1, &rect);
  g_assert_cmpfloat_with_epsilon (rect.origin.y, KT_PDF_VIEW_MARGIN, 0.01);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadjustment (f)), 0.5 * A4_H + KT_PDF_VIEW_GAP, 0.01);

  /* Scrolling by hand moves "page" to what is at the top */
  gtk_adjustment_set_value (vadjustment (f), 0);
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 0);
  g_assert_cmpuint (notified, ==, 2);
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Page 1 of 3");

  /* Keys: End, Home, next and previous page */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf-view.last-page", NULL));
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment (f)), ==,
                     gtk_adjustment_get_upper (vadjustment (f)) - gtk_adjustment_get_page_size (vadjustment (f)));
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Page 3 of 3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf-view.first-page", NULL));
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment (f)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf-view.next-page", NULL));
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf-view.page-down", NULL));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment (f)), >, 0.5 * A4_H + KT_PDF_VIEW_GAP);

  /* Out of range: the last page */
  kt_pdf_view_set_page (f->view, 99);
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 2);
}

static void
test_scroll_to_rect (Fixture       *f,
                     gconstpointer  data)
{
  KtPageRect rect = { 100, 400, 200, 420 };
  double x, y, value;

  kt_pdf_view_set_zoom (f->view, 1.5);

  /* Not visible: centred, on the axis where it was out of sight */
  value = gtk_adjustment_get_value (hadjustment (f));
  kt_pdf_view_scroll_to_rect (f->view, 2, &rect);
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 2);
  page_point_to_widget (f, 2, 150, 410, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (f->view)) / 2.0, 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment (f)), ==, value);

  /* Far right at 400 %: centred both ways */
  kt_pdf_view_set_zoom (f->view, 4.0);
  rect = (KtPageRect) { 500, 100, 540, 120 };
  kt_pdf_view_scroll_to_rect (f->view, 0, &rect);
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 0);
  page_point_to_widget (f, 0, 520, 110, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (f->view)) / 2.0, 1);
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (GTK_WIDGET (f->view)) / 2.0, 1);

  /* Visible already: nothing moves */
  value = gtk_adjustment_get_value (vadjustment (f));
  rect.y1 += 20;
  rect.y2 += 20;
  kt_pdf_view_scroll_to_rect (f->view, 0, &rect);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment (f)), ==, value);
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 0);
}

/* A page or a match asked for while the view is not yet in a window is
 * where it was asked when the window shows */
static void
test_before_allocation (Fixture       *f,
                        gconstpointer  data)
{
  KtPageRect rect = { 100, 700, 200, 720 };
  GtkWidget *window, *scrolled;
  KtPdfView *view;
  double x, y;

  for (guint round = 0; round < 2; round++)
    {
      view = KT_PDF_VIEW (kt_pdf_view_new ());
      kt_pdf_view_set_document (view, f->document);
      if (round == 0)
        kt_pdf_view_set_page (view, 2);
      else
        kt_pdf_view_scroll_to_rect (view, 1, &rect);
      g_assert_cmpuint (kt_pdf_view_get_page (view), ==, round == 0 ? 2 : 1);

      scrolled = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
      window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
      gtk_window_set_child (GTK_WINDOW (window), scrolled);
      gtk_window_present (GTK_WINDOW (window));
      spin_until (allocated, view);
      spin ();

      g_assert_cmpint (kt_pdf_view_get_zoom_mode (view), ==, KT_PDF_ZOOM_FIT_WIDTH);
      if (round == 0)
        {
          /* The page's top where the first page's is at the start, at
           * the zoom that fits the width */
          graphene_rect_t page;

          g_assert_cmpuint (kt_pdf_view_get_page (view), ==, 2);
          kt_pdf_view_get_page_rect (view, 2, &page);
          g_assert_cmpfloat_with_epsilon (page.origin.y, KT_PDF_VIEW_MARGIN, 0.01);
          g_assert_cmpfloat_with_epsilon (page.size.width,
                                          A4_W * (gtk_widget_get_width (GTK_WIDGET (view)) - 2 * KT_PDF_VIEW_MARGIN) / A4_H,
                                          0.01);
        }
      else
        {
          graphene_rect_t page;

          g_assert_cmpuint (kt_pdf_view_get_page (view), ==, 1);
          kt_pdf_view_get_page_rect (view, 1, &page);
          x = page.origin.x + 150 * kt_pdf_view_get_zoom (view);
          y = page.origin.y + 710 * kt_pdf_view_get_zoom (view);
          g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (view)) / 2.0, 1);
          g_assert_cmpfloat (x, >, 0);
          g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (view)));
        }

      gtk_window_destroy (GTK_WINDOW (window));
      spin ();
    }
}

/* ---- Rendering -------------------------------------------------------- */

typedef struct {
  KtPdfView *view;
  guint      page;
  double     scale;
} TextureWait;

static gboolean
has_texture (gpointer data)
{
  TextureWait *wait = data;
  double scale = 0;

  return kt_pdf_view_get_page_texture (wait->view, wait->page, &scale) != NULL &&
         fabs (scale - wait->scale) < 1e-6;
}

static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (f->view));
  TextureWait wait = { f->view, 0, 0 };
  GdkTexture *texture;
  double scale;

  g_test_message ("The accessible role and name");
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (f->view), GTK_ACCESSIBLE_ROLE_DOCUMENT));
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Document");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->view)));

  /* The first page arrives at the zoom times the scale factor */
  kt_pdf_view_set_zoom (f->view, 1.0);
  wait.scale = 1.0 * scale_factor;
  spin_until (has_texture, &wait);
  texture = kt_pdf_view_get_page_texture (f->view, 0, &scale);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, (int) ceil (A4_W * scale));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, (int) ceil (A4_H * scale));
  /* Page 2 is out of view at 100 %, beyond the one page either side */
  g_assert_null (kt_pdf_view_get_page_texture (f->view, 2, NULL));
  g_assert_false (kt_pdf_view_is_rendering (f->view, 2));

  /* After a zoom the old one is drawn until the new one is there */
  kt_pdf_view_set_zoom (f->view, 1.5);
  g_assert_true (kt_pdf_view_get_page_texture (f->view, 0, &scale) == texture);
  g_assert_cmpfloat (scale, ==, 1.0 * scale_factor);
  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  wait.scale = 1.5 * scale_factor;
  spin_until (has_texture, &wait);
  g_assert_cmpint (gdk_texture_get_width (kt_pdf_view_get_page_texture (f->view, 0, NULL)), ==,
                   (int) ceil (A4_W * 1.5 * scale_factor));

  /* Scrolled to the end, the last page comes */
  kt_pdf_view_set_page (f->view, 2);
  wait.page = 2;
  spin_until (has_texture, &wait);
}

/* Microseconds of CPU the calling thread has used */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *) data)++;

  return G_SOURCE_CONTINUE;
}

/* A thousand pages: opening, scrolling to the end and drawing there never
 * hold the main loop up; renders of pages scrolled past are cancelled.
 * What is bounded is the main thread's own CPU time per main-loop
 * iteration (laying out or rendering all pages there would exceed it many
 * times over): wall time also counts other processes on a busy machine,
 * so it is only reported. */
static void
test_many_pages (Fixture       *f,
                 gconstpointer  data)
{
  GtkAdjustment *v = vadjustment (f);
  TextureWait wait = { f->view, 999, 0 };
  gint64 longest_cpu, longest_wall = 0, cpu;
  guint frames = 0, pending = 0;

  cpu = thread_cpu_time ();
  kt_pdf_view_set_document (f->view, f->document);
  longest_cpu = thread_cpu_time () - cpu;
  g_assert_cmpuint (kt_pdf_document_get_n_pages (f->document), ==, 1000);

  gtk_widget_add_tick_callback (GTK_WIDGET (f->view), count_frame_cb, &frames, NULL);

  /* A frame drawn at each of 100 places down to the end */
  for (int step = 0; step <= 100; step++)
    {
      guint frame = frames;

      gtk_adjustment_set_value (v, (gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v)) * step / 100);
      gtk_widget_queue_draw (GTK_WIDGET (f->view));
      while (frames < frame + 2)
        {
          gint64 start = g_get_monotonic_time ();

          cpu = thread_cpu_time ();
          if (!g_main_context_iteration (NULL, FALSE))
            {
              g_usleep (500);
              continue;
            }
          longest_cpu = MAX (longest_cpu, thread_cpu_time () - cpu);
          longest_wall = MAX (longest_wall, g_get_monotonic_time () - start);
        }
    }

  g_test_message ("longest main-loop iteration: %" G_GINT64_FORMAT " µs CPU, %"
                  G_GINT64_FORMAT " µs wall", longest_cpu, longest_wall);
  g_assert_cmpint (longest_cpu, <, 100 * 1000);
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), >=, 998);

  /* Only the pages near the end are still asked for */
  for (guint i = 0; i < 990; i++)
    pending += kt_pdf_view_is_rendering (f->view, i);
  g_assert_cmpuint (pending, ==, 0);

  wait.scale = kt_pdf_view_get_zoom (f->view) * gtk_widget_get_scale_factor (GTK_WIDGET (f->view));
  spin_until (has_texture, &wait);

  /* Find from the last pages wraps round to the first: the matches arrive
   * out of order and are kept sorted, the first one current */
  {
    guint start_page = kt_pdf_view_get_page (f->view);
    const KtPdfMatch *current;
    gboolean done = FALSE;

    g_signal_connect (f->view, "find-finished", G_CALLBACK (finished_cb), &done);
    kt_pdf_view_find (f->view, "opsigelse");
    spin_until (find_finished, &done);

    /* Twice on every third page from page 0, once on every third from page 2 */
    g_assert_cmpuint (kt_pdf_view_get_n_matches (f->view), ==, 334 * 2 + 333);
    for (guint i = 1; i < f->view->matches->len; i++)
      g_assert_cmpuint (g_array_index (f->view->matches, KtPdfMatch, i - 1).page, <=,
                        g_array_index (f->view->matches, KtPdfMatch, i).page);
    current = &g_array_index (f->view->matches, KtPdfMatch, kt_pdf_view_get_current_match (f->view));
    g_assert_cmpuint (current->page, ==, start_page % 3 == 1 ? start_page + 1 : start_page);
    g_assert_true (kt_pdf_view_get_current_match (f->view) == 0 ||
                   g_array_index (f->view->matches, KtPdfMatch, kt_pdf_view_get_current_match (f->view) - 1).page < current->page);
  }
}

/* ---- Thumbnails ------------------------------------------------------- */

/* The row of @page in the thumbnails' list view: its box (picture, label) */
static GtkWidget *
thumbnail_row (GtkWidget *list,
               guint      page)
{
  g_autofree char *number = g_strdup_printf ("%u", page + 1);

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *box = gtk_widget_get_first_child (item);

      if (GTK_IS_BOX (box) && gtk_widget_get_mapped (box) &&
          g_str_equal (gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box))), number))
        return box;
    }

  return NULL;
}

static GtkWidget *
thumbnail_picture (GtkWidget *row)
{
  return gtk_frame_get_child (GTK_FRAME (gtk_widget_get_first_child (row)));
}

static gboolean
thumbnail_drawn (gpointer data)
{
  GtkWidget *box = data;
  GdkPaintable *paintable = gtk_picture_get_paintable (GTK_PICTURE (thumbnail_picture (box)));

  /* More than the white placeholder */
  return paintable != NULL && gdk_paintable_get_intrinsic_width (paintable) > 1;
}

static void
test_thumbnails (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  KtPdfThumbnails *thumbnails = KT_PDF_THUMBNAILS (kt_pdf_thumbnails_new ());
  GtkWidget *list;
  GtkSingleSelection *selection;
  GListModel *model;
  GtkWidget *row;

  g_object_ref (f->scrolled);
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (thumbnails));
  gtk_box_append (GTK_BOX (box), f->scrolled);
  g_object_unref (f->scrolled);
  gtk_widget_set_hexpand (f->scrolled, TRUE);
  kt_pdf_thumbnails_set_view (thumbnails, f->view);
  spin_until (allocated, thumbnails);
  spin ();

  /* A row per page */
  list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (thumbnails))));
  g_assert_true (GTK_IS_LIST_VIEW (list));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  model = G_LIST_MODEL (selection);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  /* Each row is the page's picture, about 120 pixels wide, and its number,
   * named for screen readers */
  row = thumbnail_row (list, 1);
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, "Page 2");
  spin_until (thumbnail_drawn, row);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (GTK_PICTURE (thumbnail_picture (row)))),
                   ==, 120 * gtk_widget_get_scale_factor (row));
  g_assert_cmpint (gtk_widget_get_width (thumbnail_picture (row)), ==, 120);
  /* The landscape page is as wide and less tall */
  g_assert_cmpint (gtk_widget_get_height (thumbnail_picture (row)), ==, (int) (120 * A4_W / A4_H + 0.5));

  /* The view's page selects the row; a selected row moves the view */
  kt_pdf_view_set_page (f->view, 2);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  gtk_single_selection_set_selected (selection, 1);
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 1);
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 0);

  /* Another document: other rows; none follows no view */
  kt_pdf_view_set_document (f->view, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  kt_pdf_view_set_document (f->view, f->document);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  spin ();
  kt_pdf_thumbnails_set_view (thumbnails, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, n) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/pdf-view/layout", test_layout, 0);
  ADD ("/ui/pdf-view/fit", test_fit, 0);
  ADD ("/ui/pdf-view/zoom", test_zoom, 0);
  ADD ("/ui/pdf-view/zoom-anchor", test_zoom_anchor, 0);
  ADD ("/ui/pdf-view/set-page", test_set_page, 0);
  ADD ("/ui/pdf-view/scroll-to-rect", test_scroll_to_rect, 0);
  ADD ("/ui/pdf-view/before-allocation", test_before_allocation, 0);
  ADD ("/ui/pdf-view/render", test_render, 0);
  ADD ("/ui/pdf-view/many-pages", test_many_pages, 1000);
  ADD ("/ui/pdf-view/thumbnails", test_thumbnails, 0);
#undef ADD
  add_text_tests ();

  return g_test_run ();
}
