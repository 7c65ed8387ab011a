/* kt-pdf-view-layout.c — where the pages are: their places at a zoom,
 * the fit modes, zooming about a point, and scrolling to a page or a
 * rectangle
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here comes from the page sizes KtPdfDocument read when it
 * opened: laying out a 1,000-page document never waits for poppler.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include "kt-pdf-view-private.h"

/* The steps of zoom in and out, as in Evince */
static const double zoom_steps[] = {
  0.1, 0.25, 0.33, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0,
};

/* ---- Layout ----------------------------------------------------------- */

void
kt_pdf_view_relayout (KtPdfView *self)
{
  double top = 0;

  for (guint i = 0; i < self->n_pages; i++)
    {
      self->page_top[i] = top;
      top += self->page_height[i] * self->zoom + KT_PDF_VIEW_GAP;
    }

  self->content_width = self->max_page_width * self->zoom + 2 * KT_PDF_VIEW_MARGIN;
  self->content_height = self->n_pages > 0 ? top - KT_PDF_VIEW_GAP + 2 * KT_PDF_VIEW_MARGIN : 0;
}

void
kt_pdf_view_configure_adjustments (KtPdfView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double upper;

  upper = MAX (self->content_width, width);
  gtk_adjustment_configure (self->hadjustment,
                            CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (0, upper - width)),
                            0, upper, MAX (1, width / 10), MAX (1, width * 0.9), width);

  upper = MAX (self->content_height, height);
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, upper - height)),
                            0, upper, MAX (1, height / 10), MAX (1, height * 0.9), height);
}

guint
kt_pdf_view_page_at_content_y (KtPdfView *self,
                               double     cy)
{
  guint lo = 0, hi = self->n_pages;

  if (self->n_pages == 0)
    return 0;

  /* The last page whose top (less the gap) is at or above cy */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (KT_PDF_VIEW_MARGIN + self->page_top[mid] - KT_PDF_VIEW_GAP <= cy)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static double
page_content_x (KtPdfView *self,
                guint      page)
{
  double width = MAX (self->content_width, gtk_widget_get_width (GTK_WIDGET (self)));

  return (width - self->page_width[page] * self->zoom) / 2;
}

void
kt_pdf_view_get_page_rect (KtPdfView       *self,
                           guint            page,
                           graphene_rect_t *rect)
{
  g_assert (page < self->n_pages);

  graphene_rect_init (rect,
                      page_content_x (self, page) - gtk_adjustment_get_value (self->hadjustment),
                      KT_PDF_VIEW_MARGIN + self->page_top[page] - gtk_adjustment_get_value (self->vadjustment),
                      self->page_width[page] * self->zoom,
                      self->page_height[page] * self->zoom);
}

gboolean
kt_pdf_view_page_at (KtPdfView *self,
                     double     x,
                     double     y,
                     guint     *page,
                     double    *px,
                     double    *py)
{
  graphene_rect_t rect;
  guint i;

  if (self->n_pages == 0)
    return FALSE;

  i = kt_pdf_view_page_at_content_y (self, y + gtk_adjustment_get_value (self->vadjustment));
  kt_pdf_view_get_page_rect (self, i, &rect);
  if (!graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
    return FALSE;

  if (page != NULL)
    *page = i;
  if (px != NULL)
    *px = (x - rect.origin.x) / self->zoom;
  if (py != NULL)
    *py = (y - rect.origin.y) / self->zoom;

  return TRUE;
}

gboolean
kt_pdf_view_get_visible_range (KtPdfView *self,
                               guint     *first,
                               guint     *last)
{
  double top = gtk_adjustment_get_value (self->vadjustment);
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  guint i;

  if (self->n_pages == 0 || height <= 0)
    return FALSE;

  i = kt_pdf_view_page_at_content_y (self, top);
  /* In the gap above page i the page before it may still show */
  if (KT_PDF_VIEW_MARGIN + self->page_top[i] > top && i > 0 &&
      KT_PDF_VIEW_MARGIN + self->page_top[i - 1] + self->page_height[i - 1] * self->zoom > top)
    i--;
  *first = i;
  *last = kt_pdf_view_page_at_content_y (self, top + height);

  return TRUE;
}

/* ---- Zoom ------------------------------------------------------------- */

double
kt_pdf_view_compute_fit_zoom (KtPdfView     *self,
                              KtPdfZoomMode  mode)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * KT_PDF_VIEW_MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * KT_PDF_VIEW_MARGIN;
  double zoom;

  if (self->n_pages == 0 || width <= 0 || height <= 0)
    return self->zoom;

  if (mode == KT_PDF_ZOOM_FIT_WIDTH)
    zoom = width / self->max_page_width;
  else if (mode == KT_PDF_ZOOM_FIT_PAGE)
    zoom = MIN (width / self->page_width[self->page], height / self->page_height[self->page]);
  else
    return self->zoom;

  return CLAMP (zoom, KT_PDF_VIEW_MIN_ZOOM, KT_PDF_VIEW_MAX_ZOOM);
}

void
kt_pdf_view_zoom_at (KtPdfView *self,
                     double     zoom,
                     double     x,
                     double     y)
{
  double cx, cy, px = 0, py = 0;
  guint page = 0;

  zoom = CLAMP (zoom, KT_PDF_VIEW_MIN_ZOOM, KT_PDF_VIEW_MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-9)
    return;

  if (x < 0)
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = 0;
    }

  /* Where the anchor is, in page points of the page under it */
  if (self->n_pages > 0)
    {
      cx = gtk_adjustment_get_value (self->hadjustment) + x;
      cy = gtk_adjustment_get_value (self->vadjustment) + y;
      page = kt_pdf_view_page_at_content_y (self, cy);
      px = (cx - page_content_x (self, page)) / self->zoom;
      py = (cy - KT_PDF_VIEW_MARGIN - self->page_top[page]) / self->zoom;
    }

  self->zoom = zoom;
  kt_pdf_view_relayout (self);
  kt_pdf_view_configure_adjustments (self);

  if (self->n_pages > 0)
    {
      self->setting_page = TRUE;
      gtk_adjustment_set_value (self->hadjustment, page_content_x (self, page) + px * zoom - x);
      gtk_adjustment_set_value (self->vadjustment,
                                KT_PDF_VIEW_MARGIN + self->page_top[page] + py * zoom - y);
      self->setting_page = FALSE;
    }

  kt_pdf_view_notify (self, KT_PDF_VIEW_PROP_ZOOM);
  kt_pdf_view_queue_requests (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kt_pdf_view_apply_zoom_mode (KtPdfView *self)
{
  if (self->zoom_mode != KT_PDF_ZOOM_FREE)
    kt_pdf_view_zoom_at (self, kt_pdf_view_compute_fit_zoom (self, self->zoom_mode), -1, -1);
}

static double
zoom_step (double zoom,
           int    direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > zoom * 1.01)
          return zoom_steps[i];
      return KT_PDF_VIEW_MAX_ZOOM;
    }

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom / 1.01)
      return zoom_steps[i - 1];
  return KT_PDF_VIEW_MIN_ZOOM;
}

void
kt_pdf_view_zoom_step_at (KtPdfView *self,
                          int        direction,
                          double     x,
                          double     y)
{
  double zoom = zoom_step (self->zoom, direction);

  kt_pdf_view_set_zoom_mode (self, KT_PDF_ZOOM_FREE);
  kt_pdf_view_zoom_at (self, zoom, x, y);
}

/* ---- Scrolling -------------------------------------------------------- */

void
kt_pdf_view_scroll_by (KtPdfView *self,
                       double     dx,
                       double     dy)
{
  if (dx != 0)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + dx);
  if (dy != 0)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy);
}

/* ---- Public API ------------------------------------------------------- */

void
kt_pdf_view_set_page (KtPdfView *self,
                      guint      page)
{
  g_return_if_fail (KT_IS_PDF_VIEW (self));

  if (self->n_pages == 0)
    return;

  page = MIN (page, self->n_pages - 1);
  self->scroll_pending = gtk_widget_get_height (GTK_WIDGET (self)) <= 0;
  self->scroll_pending_rect = FALSE;
  self->scroll_page = page;

  /* The page's top where the first page's is at the start; the last
   * pages may not get there, but are still the current page */
  self->setting_page = TRUE;
  gtk_adjustment_set_value (self->vadjustment, self->page_top[page]);
  self->setting_page = FALSE;

  kt_pdf_view_set_current_page (self, page);
}

void
kt_pdf_view_scroll_to_rect (KtPdfView        *self,
                            guint             page,
                            const KtPageRect *rect)
{
  double x1, y1, x2, y2, h, v, width, height;

  g_return_if_fail (KT_IS_PDF_VIEW (self));
  g_return_if_fail (rect != NULL);

  if (page >= self->n_pages)
    return;

  if (gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    {
      self->scroll_pending = TRUE;
      self->scroll_pending_rect = TRUE;
      self->scroll_page = page;
      self->scroll_rect = *rect;
      kt_pdf_view_set_current_page (self, page);
      return;
    }

  h = gtk_adjustment_get_value (self->hadjustment);
  v = gtk_adjustment_get_value (self->vadjustment);
  width = gtk_adjustment_get_page_size (self->hadjustment);
  height = gtk_adjustment_get_page_size (self->vadjustment);
  x1 = page_content_x (self, page) + rect->x1 * self->zoom;
  x2 = page_content_x (self, page) + rect->x2 * self->zoom;
  y1 = KT_PDF_VIEW_MARGIN + self->page_top[page] + rect->y1 * self->zoom;
  y2 = KT_PDF_VIEW_MARGIN + self->page_top[page] + rect->y2 * self->zoom;

  self->setting_page = TRUE;
  if (y1 < v || y2 > v + height)
    gtk_adjustment_set_value (self->vadjustment, (y1 + y2 - height) / 2);
  if (x1 < h || x2 > h + width)
    gtk_adjustment_set_value (self->hadjustment, (x1 + x2 - width) / 2);
  self->setting_page = FALSE;

  /* The rect's page is where the reader is now, whatever is at the top */
  kt_pdf_view_set_current_page (self, page);
}

double
kt_pdf_view_get_zoom (KtPdfView *self)
{
  g_return_val_if_fail (KT_IS_PDF_VIEW (self), 1.0);

  return self->zoom;
}

void
kt_pdf_view_set_zoom (KtPdfView *self,
                      double     zoom)
{
  g_return_if_fail (KT_IS_PDF_VIEW (self));

  kt_pdf_view_set_zoom_mode (self, KT_PDF_ZOOM_FREE);
  kt_pdf_view_zoom_at (self, zoom, -1, -1);
}

KtPdfZoomMode
kt_pdf_view_get_zoom_mode (KtPdfView *self)
{
  g_return_val_if_fail (KT_IS_PDF_VIEW (self), KT_PDF_ZOOM_FIT_WIDTH);

  return self->zoom_mode;
}

void
kt_pdf_view_set_zoom_mode (KtPdfView     *self,
                           KtPdfZoomMode  mode)
{
  g_return_if_fail (KT_IS_PDF_VIEW (self));
  g_return_if_fail (mode <= KT_PDF_ZOOM_FIT_PAGE);

  if (mode == self->zoom_mode)
    return;

  self->zoom_mode = mode;
  kt_pdf_view_apply_zoom_mode (self);
  kt_pdf_view_notify (self, KT_PDF_VIEW_PROP_ZOOM_MODE);
}

void
kt_pdf_view_zoom_in (KtPdfView *self)
{
  g_return_if_fail (KT_IS_PDF_VIEW (self));

  kt_pdf_view_zoom_step_at (self, 1, -1, -1);
}

void
kt_pdf_view_zoom_out (KtPdfView *self)
{
  g_return_if_fail (KT_IS_PDF_VIEW (self));

  kt_pdf_view_zoom_step_at (self, -1, -1, -1);
}
