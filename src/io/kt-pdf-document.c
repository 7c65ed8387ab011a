/* kt-pdf-document.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <poppler.h>

#include "kt-pdf-document-private.h"

/* A page bigger than this many pixels a side is refused rather than
 * allocated (16384² ARGB32 is already a gigabyte). */
#define MAX_SIDE 16384

/* Pages kept open: the visible ones, their neighbours and thumbnails. poppler lays a
 * page's text out on its first use and keeps it with the page object, so a
 * zoom or a selection dragged on one page would otherwise redo it. */
#define N_KEPT_PAGES 16

struct _KtPdfDocument
{
  GObject          parent_instance;

  char            *path;
  char            *name;       /* for messages: the name the user knows */
  char            *password;

  GMutex           lock;
  /* Only while holding the lock. */
  PopplerDocument *document;
  PopplerPage     *kept[N_KEPT_PAGES];  /* most recently used first */

  /* Read-only after open. */
  guint            n_pages;
  double          *sizes;   /* width, height per page */

  /* One worker: pages are rendered in the order asked. */
  GThreadPool     *renderer;
};

G_DEFINE_FINAL_TYPE (KtPdfDocument, kt_pdf_document, G_TYPE_OBJECT)

static gboolean
set_error_if_cancelled (GCancellable  *cancellable,
                        GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;

  g_set_error_literal (error, KT_PDF_ERROR, KT_PDF_ERROR_CANCELLED, _("Cancelled"));
  return TRUE;
}

static gboolean
check_page (KtPdfDocument  *self,
            guint           page,
            GError        **error)
{
  if (page < self->n_pages)
    return TRUE;

  g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_PAGE,
               /* Translators: page %u of a document, %s is its file name */
               _("Page %u does not exist in “%s”."), page + 1, self->name);
  return FALSE;
}

/* A page object, borrowed from the kept ones: call with the lock held. */
static PopplerPage *
get_page_locked (KtPdfDocument *self,
                 guint          page)
{
  PopplerPage *found = NULL;
  guint i;

  for (i = 0; i < N_KEPT_PAGES && self->kept[i] != NULL; i++)
    if ((guint) poppler_page_get_index (self->kept[i]) == page)
      {
        found = self->kept[i];
        break;
      }

  if (found == NULL)
    {
      found = poppler_document_get_page (self->document, page);
      if (found == NULL)
        return NULL;
      i = N_KEPT_PAGES - 1;
      g_clear_object (&self->kept[i]);
    }

  /* Move to the front. */
  memmove (&self->kept[1], &self->kept[0], i * sizeof (PopplerPage *));
  self->kept[0] = found;

  return found;
}

static void
render_worker (gpointer data,
               gpointer user_data)
{
  GTask *task = data;
  KtPdfDocument *self = g_task_get_source_object (task);
  const double *request = g_task_get_task_data (task);
  GError *error = NULL;
  cairo_surface_t *surface;

  /* render_page checks the cancellable first: a request cancelled while
   * waiting costs nothing. */
  surface = kt_pdf_document_render_page (self, (guint) request[0], request[1],
                                         g_task_get_cancellable (task), &error);
  if (surface != NULL)
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
  else
    g_task_return_error (task, error);

  /* Last: this may drop the last reference to the document. */
  g_object_unref (task);
}

static void
kt_pdf_document_finalize (GObject *object)
{
  KtPdfDocument *self = (KtPdfDocument *) object;

  /* No queued request can be left (each holds a reference); the worker
   * may be finishing the one that held the last reference, so do not
   * wait for it. */
  if (self->renderer != NULL)
    g_thread_pool_free (self->renderer, FALSE, FALSE);

  for (guint i = 0; i < N_KEPT_PAGES; i++)
    g_clear_object (&self->kept[i]);
  g_clear_object (&self->document);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->sizes, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);

  G_OBJECT_CLASS (kt_pdf_document_parent_class)->finalize (object);
}

static void
kt_pdf_document_class_init (KtPdfDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kt_pdf_document_finalize;
}

static void
kt_pdf_document_init (KtPdfDocument *self)
{
  g_mutex_init (&self->lock);
}

KtPdfDocument *
kt_pdf_document_open (const char    *path,
                      const char    *password,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return kt_pdf_document_open_named (path, NULL, password, cancellable, error);
}

KtPdfDocument *
kt_pdf_document_open_named (const char    *path,
                            const char    *name,
                            const char    *password,
                            GCancellable  *cancellable,
                            GError       **error)
{
  KtPdfDocument *self;
  PopplerDocument *document;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (set_error_if_cancelled (cancellable, error))
    return NULL;

  document = kt_pdf_document_load_poppler (path, name, password, error);
  if (document == NULL)
    return NULL;

  self = g_object_new (KT_TYPE_PDF_DOCUMENT, NULL);
  self->path = g_strdup (path);
  self->name = name != NULL ? g_strdup (name) : g_filename_display_basename (path);
  self->password = g_strdup (password);
  self->document = document;
  self->n_pages = poppler_document_get_n_pages (document);
  self->sizes = g_new (double, 2 * self->n_pages);

  /* Not shared yet: no lock needed. */
  for (guint i = 0; i < self->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);

      if (page != NULL)
        {
          poppler_page_get_size (page, &self->sizes[2 * i], &self->sizes[2 * i + 1]);
          g_object_unref (page);
        }
      else
        {
          /* A broken page still gets a place in the layout. */
          self->sizes[2 * i] = 595.0;
          self->sizes[2 * i + 1] = 842.0;
        }

      if ((i & 63) == 63 && set_error_if_cancelled (cancellable, error))
        {
          g_object_unref (self);
          return NULL;
        }
    }

  self->renderer = g_thread_pool_new (render_worker, NULL, 1, FALSE, NULL);

  return self;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  char **args = task_data;
  GError *error = NULL;
  KtPdfDocument *document;

  document = kt_pdf_document_open_named (args[0], args[1], args[2], cancellable, &error);
  if (document != NULL)
    g_task_return_pointer (task, document, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
free_open_args (gpointer data)
{
  char **args = data;

  g_free (args[0]);
  g_free (args[1]);
  if (args[2] != NULL)
    memset (args[2], 0, strlen (args[2]));
  g_free (args[2]);
  g_free (args);
}

void
kt_pdf_document_open_async (const char          *path,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  kt_pdf_document_open_named_async (path, NULL, password, cancellable, callback, user_data);
}

void
kt_pdf_document_open_named_async (const char          *path,
                                  const char          *name,
                                  const char          *password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  char **args;

  g_return_if_fail (path != NULL);

  args = g_new0 (char *, 3);
  args[0] = g_strdup (path);
  args[1] = g_strdup (name);
  args[2] = g_strdup (password);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kt_pdf_document_open_named_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, args, free_open_args);
  g_task_run_in_thread (task, open_thread);
}

/* A request cancelled after its work was done still ends as cancelled,
 * so that a callback never acts for a caller that has gone away. */
static gpointer
propagate_unless_cancelled (GTask   *task,
                            GError **error)
{
  if (set_error_if_cancelled (g_task_get_cancellable (task), error))
    return NULL;

  return g_task_propagate_pointer (task, error);
}

KtPdfDocument *
kt_pdf_document_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return propagate_unless_cancelled (G_TASK (result), error);
}

const char *
kt_pdf_document_get_path (KtPdfDocument *self)
{
  g_return_val_if_fail (KT_IS_PDF_DOCUMENT (self), NULL);

  return self->path;
}

const char *
kt_pdf_document_get_name (KtPdfDocument *self)
{
  g_return_val_if_fail (KT_IS_PDF_DOCUMENT (self), NULL);

  return self->name;
}

guint
kt_pdf_document_get_n_pages (KtPdfDocument *self)
{
  g_return_val_if_fail (KT_IS_PDF_DOCUMENT (self), 0);

  return self->n_pages;
}

void
kt_pdf_document_get_page_size (KtPdfDocument *self,
                               guint          page,
                               double        *width,
                               double        *height)
{
  if (width != NULL)
    *width = 0;
  if (height != NULL)
    *height = 0;

  g_return_if_fail (KT_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->n_pages);

  if (width != NULL)
    *width = self->sizes[2 * page];
  if (height != NULL)
    *height = self->sizes[2 * page + 1];
}

char *
kt_pdf_document_get_title (KtPdfDocument *self)
{
  char *title;

  g_return_val_if_fail (KT_IS_PDF_DOCUMENT (self), NULL);

  g_mutex_lock (&self->lock);
  title = poppler_document_get_title (self->document);
  g_mutex_unlock (&self->lock);

  if (title != NULL)
    g_strstrip (title);
  if (title != NULL && *title == '\0')
    g_clear_pointer (&title, g_free);

  return title;
}

cairo_surface_t *
kt_pdf_document_render_page (KtPdfDocument  *self,
                             guint           page,
                             double          scale,
                             GCancellable   *cancellable,
                             GError        **error)
{
  cairo_surface_t *surface;
  PopplerPage *poppler_page;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (KT_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_page (self, page, error))
    return NULL;

  width = ceil (self->sizes[2 * page] * scale);
  height = ceil (self->sizes[2 * page + 1] * scale);
  if (!(scale > 0) || !(width <= MAX_SIDE) || !(height <= MAX_SIDE))
    {
      g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_PAGE,
                   _("Page %u of “%s” is too large to show at this zoom."), page + 1,
                   self->name);
      return NULL;
    }

  if (set_error_if_cancelled (cancellable, error))
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (1, (int) width),
                                        MAX (1, (int) height));
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KT_PDF_ERROR, KT_PDF_ERROR_PAGE,
                   /* Translators: %u is a page number, the first %s the file name,
                    * the second the reason */
                   _("Page %u of “%s” could not be drawn: %s"), page + 1, self->name,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  /* Paper first: opaque white in premultiplied ARGB32 is all ones, and
   * filling the bytes costs far less than compositing white behind the page
   * afterwards. The page's transparency groups blend onto the paper as they
   * would when printed. */
  cairo_surface_flush (surface);
  memset (cairo_image_surface_get_data (surface), 0xff,
          (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  cairo_surface_mark_dirty (surface);

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);

  g_mutex_lock (&self->lock);
  poppler_page = get_page_locked (self, page);
  if (poppler_page != NULL)
    poppler_page_render (poppler_page, cr);
  g_mutex_unlock (&self->lock);

  cairo_destroy (cr);

  cairo_surface_flush (surface);

  return surface;
}

void
kt_pdf_document_render_page_async (KtPdfDocument       *self,
                                   guint                page,
                                   double               scale,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  double *request;

  g_return_if_fail (KT_IS_PDF_DOCUMENT (self));

  request = g_new (double, 2);
  request[0] = page;
  request[1] = scale;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kt_pdf_document_render_page_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, request, g_free);

  /* The worker owns the task's reference. */
  g_thread_pool_push (self->renderer, task, NULL);
}

cairo_surface_t *
kt_pdf_document_render_page_finish (KtPdfDocument  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return propagate_unless_cancelled (G_TASK (result), error);
}

char *
kt_pdf_document_get_page_text (KtPdfDocument *self,
                               guint          page)
{
  char *text;

  g_return_val_if_fail (KT_IS_PDF_DOCUMENT (self), NULL);

  if (page >= self->n_pages)
    return g_strdup ("");

  g_mutex_lock (&self->lock);
  text = poppler_page_get_text (get_page_locked (self, page));
  g_mutex_unlock (&self->lock);

  return text != NULL ? text : g_strdup ("");
}

GArray *
kt_pdf_document_find_text (KtPdfDocument *self,
                           guint          page,
                           const char    *text)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (KtPageRect));
  double height;
  GList *matches;

  g_return_val_if_fail (KT_IS_PDF_DOCUMENT (self), rects);

  if (page >= self->n_pages || text == NULL || *text == '\0')
    return rects;

  height = self->sizes[2 * page + 1];

  /* MULTILINE: a phrase broken over two lines (or hyphenated there) is
   * still found, as one rectangle per line. Case-insensitive by default. */
  g_mutex_lock (&self->lock);
  matches = poppler_page_find_text_with_options (get_page_locked (self, page), text,
                                                 POPPLER_FIND_MULTILINE);
  g_mutex_unlock (&self->lock);

  for (GList *l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *match = l->data;
      /* poppler's find answers in PDF space, y upwards from the bottom. */
      KtPageRect rect = {
        .x1 = MIN (match->x1, match->x2),
        .y1 = height - MAX (match->y1, match->y2),
        .x2 = MAX (match->x1, match->x2),
        .y2 = height - MIN (match->y1, match->y2),
      };

      g_array_append_val (rects, rect);
    }
  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);

  return rects;
}

gboolean
kt_pdf_document_select (KtPdfDocument  *self,
                        guint           page,
                        double          from_x,
                        double          from_y,
                        double          to_x,
                        double          to_y,
                        char          **text,
                        GArray        **rects)
{
  PopplerRectangle selection = { from_x, from_y, to_x, to_y };
  g_autofree char *selected = NULL;
  cairo_region_t *region = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (KtPageRect));

  if (text != NULL)
    *text = NULL;
  if (rects != NULL)
    *rects = NULL;

  g_return_val_if_fail (KT_IS_PDF_DOCUMENT (self), FALSE);

  if (page >= self->n_pages)
    return FALSE;

  g_mutex_lock (&self->lock);
  {
    PopplerPage *poppler_page = get_page_locked (self, page);

    selected = poppler_page_get_selected_text (poppler_page, POPPLER_SELECTION_WORD, &selection);
    /* In whole points at any scale: poppler rounds the line boxes
     * (a little outwards) before scaling. */
    region = poppler_page_get_selected_region (poppler_page, 1.0,
                                               POPPLER_SELECTION_WORD, &selection);
  }
  g_mutex_unlock (&self->lock);

  if (region != NULL)
    {
      int n = cairo_region_num_rectangles (region);

      for (int i = 0; i < n; i++)
        {
          cairo_rectangle_int_t r;
          KtPageRect rect;

          cairo_region_get_rectangle (region, i, &r);
          rect.x1 = r.x;
          rect.y1 = r.y;
          rect.x2 = r.x + r.width;
          rect.y2 = r.y + r.height;
          g_array_append_val (lines, rect);
        }
      cairo_region_destroy (region);
    }

  if (selected != NULL)
    g_strstrip (selected);
  if (lines->len == 0 || selected == NULL || *selected == '\0')
    return FALSE;

  if (text != NULL)
    *text = g_steal_pointer (&selected);
  if (rects != NULL)
    *rects = g_steal_pointer (&lines);

  return TRUE;
}

const char *
kt_pdf_document_get_password (KtPdfDocument *self)
{
  g_return_val_if_fail (KT_IS_PDF_DOCUMENT (self), NULL);

  return self->password;
}
