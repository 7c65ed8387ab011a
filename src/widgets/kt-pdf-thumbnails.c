/* kt-pdf-thumbnails.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list holds page numbers only; a row asks the document's worker for
 * its picture when it is bound and cancels when it is unbound, so a
 * 1,000-page document renders just the rows in sight. Pictures are kept,
 * up to a bound, for scrolling back.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-pdf-thumbnails.h"

/* Logical pixels */
#define THUMB_WIDTH 120
#define CACHE_BYTES (32 * 1024 * 1024)

struct _KtPdfThumbnails
{
  GtkWidget           parent_instance;

  GtkWidget          *scrolled;
  GtkWidget          *list_view;
  GtkStringList      *pages;
  GtkSingleSelection *selection;

  KtPdfView          *view;
  KtPdfDocument      *document;
  /* The selection is being moved to follow the view */
  gboolean            following;

  GHashTable         *textures;     /* page + 1 → GdkTexture */
  GQueue              texture_order;
  gsize               texture_bytes;
  GHashTable         *pending;      /* GCancellable of each bound row rendering */
};

G_DEFINE_FINAL_TYPE (KtPdfThumbnails, kt_pdf_thumbnails, GTK_TYPE_WIDGET)

typedef struct {
  KtPdfThumbnails *self;          /* only touched while not cancelled */
  GtkListItem     *item;
  guint            page;
  GCancellable    *cancellable;
} ThumbRequest;

/* ---- Pictures --------------------------------------------------------- */

static GdkTexture *
white_texture (void)
{
  static GdkTexture *white;

  if (g_once_init_enter (&white))
    {
      static const guint8 pixel[4] = { 0xff, 0xff, 0xff, 0xff };
      g_autoptr(GBytes) bytes = g_bytes_new_static (pixel, sizeof pixel);

      g_once_init_leave (&white, gdk_memory_texture_new (1, 1, GDK_MEMORY_DEFAULT, bytes, 4));
    }

  return white;
}

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  int height = cairo_image_surface_get_height (surface);
  g_autoptr(GBytes) bytes = NULL;

  /* The texture keeps the surface's pixels (premultiplied native-endian
   * ARGB32, GDK_MEMORY_DEFAULT) instead of copying them */
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

static gsize
texture_size (GdkTexture *texture)
{
  return (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
}

static void
cache_texture (KtPdfThumbnails *self,
               guint            page,
               GdkTexture      *texture)
{
  gpointer key = GUINT_TO_POINTER (page + 1);
  GdkTexture *old = g_hash_table_lookup (self->textures, key);

  if (old != NULL)
    {
      self->texture_bytes -= texture_size (old);
      g_queue_remove (&self->texture_order, key);
    }

  g_hash_table_insert (self->textures, key, g_object_ref (texture));
  g_queue_push_tail (&self->texture_order, key);
  self->texture_bytes += texture_size (texture);

  /* The oldest go first; the rows in sight hold their own reference */
  while (self->texture_bytes > CACHE_BYTES && self->texture_order.length > 1)
    {
      gpointer oldest = g_queue_pop_head (&self->texture_order);

      self->texture_bytes -= texture_size (g_hash_table_lookup (self->textures, oldest));
      g_hash_table_remove (self->textures, oldest);
    }
}

static void
clear_cache (KtPdfThumbnails *self)
{
  GHashTableIter iter;
  gpointer cancellable;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &cancellable, NULL))
    g_cancellable_cancel (cancellable);
  g_hash_table_remove_all (self->pending);

  g_hash_table_remove_all (self->textures);
  g_queue_clear (&self->texture_order);
  self->texture_bytes = 0;
}

static void
thumb_request_free (ThumbRequest *request)
{
  g_clear_object (&request->item);
  g_clear_object (&request->cancellable);
  g_free (request);
}

static GtkPicture *
item_picture (GtkListItem *item)
{
  GtkWidget *frame = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  return GTK_PICTURE (gtk_frame_get_child (GTK_FRAME (frame)));
}

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ThumbRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;

  surface = kt_pdf_document_render_page_finish (KT_PDF_DOCUMENT (source), result, &error);

  /* Unbound, another document, or the widget is gone */
  if (g_cancellable_is_cancelled (request->cancellable))
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      thumb_request_free (request);
      return;
    }

  g_hash_table_remove (request->self->pending, request->cancellable);
  g_object_set_data (G_OBJECT (request->item), "kt-cancellable", NULL);

  if (surface == NULL)
    {
      g_debug ("No thumbnail of page %u: %s", request->page + 1, error->message);
      thumb_request_free (request);
      return;
    }

  texture = texture_for_surface (surface);
  cairo_surface_destroy (surface);
  cache_texture (request->self, request->page, texture);
  gtk_picture_set_paintable (item_picture (request->item), GDK_PAINTABLE (texture));

  thumb_request_free (request);
}

/* ---- Rows ------------------------------------------------------------- */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          KtPdfThumbnails          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  /* The frame's border is outside the picture, which gets the width it
   * was rendered at */
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_FILL);
  gtk_frame_set_child (GTK_FRAME (frame), picture);
  gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         KtPdfThumbnails          *self)
{
  guint page = gtk_list_item_get_position (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkPicture *picture = item_picture (item);
  GtkWidget *label = gtk_widget_get_last_child (box);
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  g_autofree char *name = NULL;
  GdkTexture *texture;
  double width, height, scale;
  ThumbRequest *request;

  if (self->document == NULL)
    return;

  gtk_label_set_text (GTK_LABEL (label), number);
  /* Translators: the accessible name of a page's thumbnail */
  name = g_strdup_printf (_("Page %u"), page + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_picture_set_alternative_text (picture, name);

  /* The row has its final height before the picture arrives */
  kt_pdf_document_get_page_size (self->document, page, &width, &height);
  if (!(width > 0) || !(height > 0))
    {
      width = 595;
      height = 842;
    }
  gtk_widget_set_size_request (GTK_WIDGET (picture), THUMB_WIDTH, (int) (THUMB_WIDTH * height / width + 0.5));

  texture = g_hash_table_lookup (self->textures, GUINT_TO_POINTER (page + 1));
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture != NULL ? texture : white_texture ()));
  if (texture != NULL)
    return;

  scale = THUMB_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self)) / width;
  request = g_new0 (ThumbRequest, 1);
  request->self = self;
  request->item = g_object_ref (item);
  request->page = page;
  request->cancellable = g_cancellable_new ();
  g_hash_table_add (self->pending, g_object_ref (request->cancellable));
  g_object_set_data_full (G_OBJECT (item), "kt-cancellable",
                          g_object_ref (request->cancellable), g_object_unref);

  kt_pdf_document_render_page_async (self->document, page, scale, request->cancellable,
                                     render_done_cb, request);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           KtPdfThumbnails          *self)
{
  GCancellable *cancellable = g_object_get_data (G_OBJECT (item), "kt-cancellable");

  if (cancellable != NULL)
    {
      g_cancellable_cancel (cancellable);
      g_hash_table_remove (self->pending, cancellable);
      g_object_set_data (G_OBJECT (item), "kt-cancellable", NULL);
    }

  gtk_picture_set_paintable (item_picture (item), NULL);
}

/* ---- Following the view ----------------------------------------------- */

static void
follow_page (KtPdfThumbnails *self)
{
  guint page;

  if (self->view == NULL || self->document == NULL)
    return;

  page = kt_pdf_view_get_page (self->view);
  if (page >= g_list_model_get_n_items (G_LIST_MODEL (self->pages)))
    return;

  self->following = TRUE;
  gtk_single_selection_set_selected (self->selection, page);
  gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", page);
  self->following = FALSE;
}

static void
load_document (KtPdfThumbnails *self)
{
  KtPdfDocument *document = self->view != NULL ? kt_pdf_view_get_document (self->view) : NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->pages));
  guint n_pages = document != NULL ? kt_pdf_document_get_n_pages (document) : 0;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_full (n_pages + 1, g_free);

  if (document == self->document && n_old == n_pages)
    return;

  clear_cache (self);
  g_set_object (&self->document, document);

  for (guint i = 0; i < n_pages; i++)
    g_ptr_array_add (numbers, g_strdup_printf ("%u", i + 1));
  g_ptr_array_add (numbers, NULL);

  self->following = TRUE;
  gtk_string_list_splice (self->pages, 0, n_old, (const char *const *) numbers->pdata);
  self->following = FALSE;

  follow_page (self);
}

static void
selected_cb (KtPdfThumbnails *self)
{
  guint page = gtk_single_selection_get_selected (self->selection);

  if (!self->following && self->view != NULL && page != GTK_INVALID_LIST_POSITION)
    kt_pdf_view_set_page (self->view, page);
}

static void
activate_cb (KtPdfThumbnails *self,
             guint            position)
{
  if (self->view != NULL)
    kt_pdf_view_set_page (self->view, position);
}

/* ---- GObject ---------------------------------------------------------- */

static void
kt_pdf_thumbnails_dispose (GObject *object)
{
  KtPdfThumbnails *self = KT_PDF_THUMBNAILS (object);

  kt_pdf_thumbnails_set_view (self, NULL);
  clear_cache (self);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (kt_pdf_thumbnails_parent_class)->dispose (object);
}

static void
kt_pdf_thumbnails_finalize (GObject *object)
{
  KtPdfThumbnails *self = KT_PDF_THUMBNAILS (object);

  g_clear_pointer (&self->textures, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (kt_pdf_thumbnails_parent_class)->finalize (object);
}

static void
kt_pdf_thumbnails_class_init (KtPdfThumbnailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_pdf_thumbnails_dispose;
  object_class->finalize = kt_pdf_thumbnails_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ktpdfthumbnails");
}

static void
kt_pdf_thumbnails_init (KtPdfThumbnails *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->textures = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->pending = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  g_queue_init (&self->texture_order);

  self->pages = gtk_string_list_new (NULL);
  /* The selection owns the model */
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->pages));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selected_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  /* Translators: accessible name of the list of page thumbnails */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"),
                                  -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (activate_cb), self);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->list_view);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
kt_pdf_thumbnails_new (void)
{
  return g_object_new (KT_TYPE_PDF_THUMBNAILS, NULL);
}

void
kt_pdf_thumbnails_set_view (KtPdfThumbnails *self,
                            KtPdfView       *view)
{
  g_return_if_fail (KT_IS_PDF_THUMBNAILS (self));
  g_return_if_fail (view == NULL || KT_IS_PDF_VIEW (view));

  if (view == self->view)
    return;

  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      g_clear_weak_pointer (&self->view);
    }

  if (view != NULL)
    {
      g_set_weak_pointer (&self->view, view);
      g_signal_connect_swapped (view, "notify::document", G_CALLBACK (load_document), self);
      g_signal_connect_swapped (view, "notify::n-pages", G_CALLBACK (load_document), self);
      g_signal_connect_swapped (view, "notify::page", G_CALLBACK (follow_page), self);
    }

  load_document (self);
}
