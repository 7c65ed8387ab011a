/* kt-pdf-view-render.c — the pages' textures, asked of the document's
 * worker as they come into view, and the drawing of pages and highlights
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main thread never calls poppler here: it asks for renders, which
 * arrive as cairo surfaces, and wraps them as textures. Pages that scroll
 * away have their renders cancelled; rendered pages stay in a cache
 * bounded by bytes, least recently drawn dropped first.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include "kt-pdf-view-private.h"

typedef struct {
  KtPdfView    *self;          /* only touched while not cancelled */
  guint         page;
  double        scale;
  GCancellable *cancellable;
} RenderRequest;

static void
render_request_free (RenderRequest *request)
{
  g_clear_object (&request->cancellable);
  g_free (request);
}

static gboolean
same_scale (double a,
            double b)
{
  return fabs (a - b) < 1e-6;
}

/* Device pixels per point for @page: the zoom times the scale factor, but
 * no texture larger than KT_PDF_VIEW_MAX_TEXTURE_PIXELS (at 800 % on a
 * HiDPI screen an A4 page would take half a gigabyte; it is drawn a
 * little soft instead). */
static double
wanted_scale (KtPdfView *self,
              guint      page)
{
  double scale = self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double area = self->page_width[page] * self->page_height[page];

  return MIN (scale, sqrt (KT_PDF_VIEW_MAX_TEXTURE_PIXELS / area));
}

/* The pages to have at the wanted scale: the visible ones and one either
 * side, so that scrolling a little finds them ready. */
static gboolean
wanted_range (KtPdfView *self,
              guint     *from,
              guint     *to)
{
  guint first, last;

  if (self->document == NULL || !kt_pdf_view_get_visible_range (self, &first, &last))
    return FALSE;

  *from = first > 0 ? first - 1 : 0;
  *to = MIN (last + 1, self->n_pages - 1);

  return TRUE;
}

/* ---- Cache ------------------------------------------------------------ */

static void
drop_texture (KtPdfView *self,
              guint      page)
{
  KtPdfPageSlot *slot = &self->slots[page];

  if (slot->texture == NULL)
    return;

  g_queue_unlink (&self->lru, &slot->lru);
  self->cache_bytes -= slot->bytes;
  slot->bytes = 0;
  g_clear_object (&slot->texture);
}

static void
evict (KtPdfView *self)
{
  guint from = 0, to = 0;
  gboolean has_range = wanted_range (self, &from, &to);

  while (self->cache_bytes > KT_PDF_VIEW_CACHE_BYTES && self->lru.tail != NULL)
    {
      guint page = GPOINTER_TO_UINT (self->lru.tail->data);

      /* What is on screen stays, even over the limit */
      if (has_range && page >= from && page <= to)
        break;
      drop_texture (self, page);
    }
}

static void
touch (KtPdfView *self,
       guint      page)
{
  KtPdfPageSlot *slot = &self->slots[page];

  if (slot->texture != NULL && self->lru.head != &slot->lru)
    {
      g_queue_unlink (&self->lru, &slot->lru);
      g_queue_push_head_link (&self->lru, &slot->lru);
    }
}

/* cairo's ARGB32 is premultiplied native-endian 32-bit, which is what
 * GDK_MEMORY_DEFAULT means on either byte order. The texture keeps the
 * surface alive instead of copying its pixels, as GTK's own
 * gdk_texture_new_for_surface () does: nothing writes to it any more. */
static GdkTexture *
texture_for_surface (cairo_surface_t *surface,
                     gsize           *n_bytes)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  *n_bytes = (gsize) stride * height;
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), *n_bytes,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RenderRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  KtPdfView *self;
  KtPdfPageSlot *slot;

  surface = kt_pdf_document_render_page_finish (KT_PDF_DOCUMENT (source), result, &error);

  /* Cancelled: the page scrolled away, or the view has another document
   * or is gone */
  if (g_cancellable_is_cancelled (request->cancellable))
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      render_request_free (request);
      return;
    }

  self = request->self;
  slot = &self->slots[request->page];
  g_assert (slot->pending == request->cancellable);
  g_clear_object (&slot->pending);

  /* A damaged page stays white; the document opened, so say it quietly */
  if (surface == NULL)
    {
      g_message ("Page %u of %s was not rendered: %s", request->page + 1,
                 kt_pdf_document_get_path (self->document), error->message);
      slot->failed_scale = request->scale;
      render_request_free (request);
      return;
    }

  drop_texture (self, request->page);
  slot->texture = texture_for_surface (surface, &slot->bytes);
  slot->texture_scale = request->scale;
  cairo_surface_destroy (surface);
  if (slot->texture != NULL)
    {
      slot->lru.data = GUINT_TO_POINTER (request->page);
      g_queue_push_head_link (&self->lru, &slot->lru);
      self->cache_bytes += slot->bytes;
      evict (self);
    }

  render_request_free (request);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cancel_pending (KtPdfPageSlot *slot)
{
  if (slot->pending == NULL)
    return;

  g_cancellable_cancel (slot->pending);
  g_clear_object (&slot->pending);
}

static void
request_page (KtPdfView *self,
              guint      page,
              double     scale)
{
  KtPdfPageSlot *slot = &self->slots[page];
  RenderRequest *request;

  if (slot->texture != NULL && same_scale (slot->texture_scale, scale))
    return;
  if (slot->pending != NULL && same_scale (slot->pending_scale, scale))
    return;
  if (same_scale (slot->failed_scale, scale))
    return;

  cancel_pending (slot);

  request = g_new0 (RenderRequest, 1);
  request->self = self;
  request->page = page;
  request->scale = scale;
  request->cancellable = g_cancellable_new ();
  slot->pending = g_object_ref (request->cancellable);
  slot->pending_scale = scale;

  kt_pdf_document_render_page_async (self->document, page, scale, request->cancellable,
                                     render_done_cb, request);
}

void
kt_pdf_view_update_requests (KtPdfView *self)
{
  guint from, to, first, last;

  if (!wanted_range (self, &from, &to))
    return;

  for (guint i = 0; i < self->n_pages; i++)
    if (self->slots[i].pending != NULL && (i < from || i > to))
      cancel_pending (&self->slots[i]);

  /* The worker takes them in this order: what is on screen first */
  kt_pdf_view_get_visible_range (self, &first, &last);
  for (guint i = first; i <= last; i++)
    request_page (self, i, wanted_scale (self, i));
  if (from < first)
    request_page (self, from, wanted_scale (self, from));
  if (to > last)
    request_page (self, to, wanted_scale (self, to));
}

static gboolean
request_idle_cb (gpointer user_data)
{
  KtPdfView *self = user_data;

  self->request_idle_id = 0;
  kt_pdf_view_update_requests (self);

  return G_SOURCE_REMOVE;
}

void
kt_pdf_view_queue_requests (KtPdfView *self)
{
  /* After the layout and drawing of this frame, once for many scroll
   * events */
  if (self->request_idle_id == 0 && self->document != NULL)
    self->request_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, request_idle_cb, self, NULL);
}

void
kt_pdf_view_render_reset (KtPdfView *self)
{
  for (guint i = 0; self->slots != NULL && i < self->n_pages; i++)
    {
      cancel_pending (&self->slots[i]);
      drop_texture (self, i);
    }

  g_assert (self->cache_bytes == 0);
  g_clear_pointer (&self->slots, g_free);
  g_clear_handle_id (&self->request_idle_id, g_source_remove);
}

static void
scale_factor_changed_cb (KtPdfView *self)
{
  kt_pdf_view_queue_requests (self);
}

void
kt_pdf_view_render_init (KtPdfView *self)
{
  g_queue_init (&self->lru);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);
}

GdkTexture *
kt_pdf_view_get_page_texture (KtPdfView *self,
                              guint      page,
                              double    *scale)
{
  if (page >= self->n_pages || self->slots[page].texture == NULL)
    return NULL;

  if (scale != NULL)
    *scale = self->slots[page].texture_scale;

  return self->slots[page].texture;
}

gboolean
kt_pdf_view_is_rendering (KtPdfView *self,
                          guint      page)
{
  return page < self->n_pages && self->slots[page].pending != NULL;
}

/* ---- Drawing ---------------------------------------------------------- */

typedef struct {
  GdkRGBA background;
  GdkRGBA border;
  GdkRGBA shadow;
  GdkRGBA selection;
  GdkRGBA match;
  GdkRGBA current_match;
} Palette;

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              GdkRGBA         *out)
{
  GdkRGBA rgba;

  if (gtk_style_context_lookup_color (context, name, &rgba))
    *out = rgba;
}

/* A grey a step from the window's background towards its text, so that
 * white pages stand out in light and dark styles alike */
static void
build_palette (KtPdfView *self,
               Palette   *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA window = { 0.98, 0.98, 0.98, 1 }, text = { 0, 0, 0, 1 };

  lookup_color (context, "window_bg_color", &window);
  lookup_color (context, "window_fg_color", &text);
  palette->background = (GdkRGBA) {
    window.red * 0.86 + text.red * 0.14,
    window.green * 0.86 + text.green * 0.14,
    window.blue * 0.86 + text.blue * 0.14,
    1
  };
  palette->border = (GdkRGBA) { 0, 0, 0, 0.3 };
  palette->shadow = (GdkRGBA) { 0, 0, 0, 0.25 };

  palette->selection = (GdkRGBA) { 0.21, 0.52, 0.89, 1 };
  lookup_color (context, "accent_bg_color", &palette->selection);
  palette->selection.alpha = 0.35;

  palette->match = (GdkRGBA) { 1.0, 0.85, 0.0, 0.4 };
  palette->current_match = (GdkRGBA) { 1.0, 0.47, 0.0, 0.6 };
}

static void
page_rect_to_widget (KtPdfView             *self,
                     const graphene_rect_t *page_rect,
                     const KtPageRect      *rect,
                     graphene_rect_t       *out)
{
  graphene_rect_init (out,
                      page_rect->origin.x + rect->x1 * self->zoom,
                      page_rect->origin.y + rect->y1 * self->zoom,
                      (rect->x2 - rect->x1) * self->zoom,
                      (rect->y2 - rect->y1) * self->zoom);
}

static void
draw_page_background (KtPdfView             *self,
                      GtkSnapshot           *snapshot,
                      const Palette         *palette,
                      guint                  page,
                      const graphene_rect_t *rect)
{
  KtPdfPageSlot *slot = &self->slots[page];

  /* White until the render arrives; an older render (another zoom)
   * scaled meanwhile */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, rect);
  if (slot->texture != NULL)
    {
      graphene_rect_t where = *rect;
      double scale = self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));

      /* At the zoom's scale, one texel per device pixel: crisp */
      if (same_scale (slot->texture_scale, scale))
        {
          int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));

          where.size.width = gdk_texture_get_width (slot->texture) / (double) scale_factor;
          where.size.height = gdk_texture_get_height (slot->texture) / (double) scale_factor;
        }
      gtk_snapshot_append_texture (snapshot, slot->texture, &where);
      touch (self, page);
    }
}

static gboolean
page_has_clauses (KtPdfView *self,
                  guint      page)
{
  for (guint i = 0; self->clauses != NULL && i < self->clauses->len; i++)
    if (((KtClause *) g_ptr_array_index (self->clauses, i))->page == page)
      return TRUE;

  return FALSE;
}

static void
draw_clauses (KtPdfView             *self,
              GtkSnapshot           *snapshot,
              guint                  page,
              const graphene_rect_t *page_rect)
{
  for (guint i = 0; i < self->clauses->len; i++)
    {
      const KtClause *clause = g_ptr_array_index (self->clauses, i);
      GdkRGBA colour = { 1.0, 0.9, 0.3, 1 };

      if (clause->page != page)
        continue;

      if (clause->colour != NULL)
        gdk_rgba_parse (&colour, clause->colour);
      /* Multiplied onto the page: the text under it stays black */
      colour.alpha = 0.85;
      for (guint j = 0; j < clause->quads->len; j++)
        {
          graphene_rect_t r;

          page_rect_to_widget (self, page_rect, &g_array_index (clause->quads, KtPageRect, j), &r);
          gtk_snapshot_append_color (snapshot, &colour, &r);
        }
    }
}

/* The index of the first match on @page or after it */
static guint
first_match_on (KtPdfView *self,
                guint      page)
{
  guint lo = 0, hi = self->matches->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->matches, KtPdfMatch, mid).page < page)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
draw_overlays (KtPdfView             *self,
               GtkSnapshot           *snapshot,
               const Palette         *palette,
               guint                  page,
               const graphene_rect_t *page_rect)
{
  graphene_rect_t r;

  for (guint i = first_match_on (self, page); i < self->matches->len; i++)
    {
      const KtPdfMatch *match = &g_array_index (self->matches, KtPdfMatch, i);

      if (match->page != page)
        break;
      page_rect_to_widget (self, page_rect, &match->rect, &r);
      gtk_snapshot_append_color (snapshot,
                                 (int) i == self->current_match ? &palette->current_match : &palette->match,
                                 &r);
    }

  if (self->has_selection && self->selection_page == page)
    for (guint i = 0; i < self->selection_rects->len; i++)
      {
        page_rect_to_widget (self, page_rect, &g_array_index (self->selection_rects, KtPageRect, i), &r);
        gtk_snapshot_append_color (snapshot, &palette->selection, &r);
      }
}

void
kt_pdf_view_render_snapshot (KtPdfView   *self,
                             GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  Palette palette;
  guint first, last;

  build_palette (self, &palette);
  gtk_snapshot_append_color (snapshot, &palette.background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!kt_pdf_view_get_visible_range (self, &first, &last))
    return;

  for (guint i = first; i <= last; i++)
    {
      graphene_rect_t rect, outer;
      GskRoundedRect outline;

      /* A shadow and a hairline outside the page */
      kt_pdf_view_get_page_rect (self, i, &rect);
      /* On whole device pixels, so that the texture is not resampled */
      rect.origin.x = round (rect.origin.x * scale_factor) / scale_factor;
      rect.origin.y = round (rect.origin.y * scale_factor) / scale_factor;
      graphene_rect_inset_r (&rect, -1, -1, &outer);
      gsk_rounded_rect_init_from_rect (&outline, &outer, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &palette.shadow, 0, 1, 0, 4);
      gtk_snapshot_append_border (snapshot, &outline,
                                  (float[4]) { 1, 1, 1, 1 },
                                  (GdkRGBA[4]) { palette.border, palette.border,
                                                 palette.border, palette.border });
      if (page_has_clauses (self, i))
        {
          gtk_snapshot_push_blend (snapshot, GSK_BLEND_MODE_MULTIPLY);
          draw_page_background (self, snapshot, &palette, i, &rect);
          gtk_snapshot_pop (snapshot);
          draw_clauses (self, snapshot, i, &rect);
          gtk_snapshot_pop (snapshot);
        }
      else
        draw_page_background (self, snapshot, &palette, i, &rect);

      draw_overlays (self, snapshot, &palette, i, &rect);
    }
}
