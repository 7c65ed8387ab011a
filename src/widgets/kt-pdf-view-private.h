/* kt-pdf-view-private.h — shared by the files of KtPdfView
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kt-pdf-view.c: the object, its properties and document, accessibility;
 * kt-pdf-view-layout.c: page places, zoom, scrolling to a page or a rect;
 * kt-pdf-view-render.c: the texture cache, render requests and drawing;
 * kt-pdf-view-input.c: pointer, selection, keys and the clipboard;
 * kt-pdf-view-find.c: searching every page in a thread.
 */
#pragma once

#include "kt-pdf-view.h"

G_BEGIN_DECLS

/* Pixels (logical) around and between the pages */
#define KT_PDF_VIEW_MARGIN 12.0
#define KT_PDF_VIEW_GAP 12.0
#define KT_PDF_VIEW_MIN_ZOOM 0.1
#define KT_PDF_VIEW_MAX_ZOOM 8.0
/* Rendered pages kept, in bytes of texture memory */
#define KT_PDF_VIEW_CACHE_BYTES (256 * 1024 * 1024)
/* The largest render of one page: 64 MiB; the pages in sight and one
 * either side must fit in the cache */
#define KT_PDF_VIEW_MAX_TEXTURE_PIXELS (16.0 * 1024 * 1024)

typedef struct {
  GdkTexture   *texture;        /* the newest render, maybe at another scale */
  double        texture_scale;  /* device pixels per point it was made at */
  gsize         bytes;
  GList         lru;            /* in self->lru while texture != NULL */
  GCancellable *pending;        /* a render in the worker */
  double        pending_scale;
  double        failed_scale;   /* a render at this scale failed: not again */
} KtPdfPageSlot;

typedef struct {
  guint      page;
  KtPageRect rect;
} KtPdfMatch;

typedef struct _KtPdfFindJob KtPdfFindJob;

/* The view's own properties, for kt_pdf_view_notify () */
typedef enum {
  KT_PDF_VIEW_PROP_0,
  KT_PDF_VIEW_PROP_DOCUMENT,
  KT_PDF_VIEW_PROP_PAGE,
  KT_PDF_VIEW_PROP_N_PAGES,
  KT_PDF_VIEW_PROP_ZOOM,
  KT_PDF_VIEW_PROP_ZOOM_MODE,
  KT_PDF_VIEW_PROP_HAS_SELECTION,
  KT_PDF_VIEW_PROP_N_MATCHES,
  KT_PDF_VIEW_PROP_CURRENT_MATCH,
  KT_PDF_VIEW_N_PROPS
} KtPdfViewProp;

struct _KtPdfView
{
  GtkWidget       parent_instance;

  KtPdfDocument  *document;
  guint           n_pages;
  /* Page sizes in points and, at the current zoom, each page's top in
   * content pixels (without the margin) */
  double         *page_width;
  double         *page_height;
  double         *page_top;
  double          max_page_width;
  double          content_width;
  double          content_height;

  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  guint           hscroll_policy : 1;
  guint           vscroll_policy : 1;
  /* Scrolling done by the view itself must not recompute "page" */
  guint           setting_page : 1;
  guint           has_pointer : 1;
  guint           dragging : 1;

  double          zoom;
  KtPdfZoomMode   zoom_mode;
  guint           page;
  /* Asked before the first allocation, done at it (the fit zoom is not
   * known before) */
  gboolean        scroll_pending;
  gboolean        scroll_pending_rect;
  guint           scroll_page;
  KtPageRect      scroll_rect;

  /* Rendering (kt-pdf-view-render.c) */
  KtPdfPageSlot  *slots;
  GQueue          lru;
  gsize           cache_bytes;
  guint           request_idle_id;

  /* Selection (kt-pdf-view-input.c) */
  gboolean        has_selection;
  guint           selection_page;
  GArray         *selection_rects;
  char           *selection_text;
  guint           drag_page;        /* where the drag started */
  double          drag_x, drag_y;   /* page points */
  double          drag_to_x, drag_to_y;
  guint           select_serial;    /* results of older requests are dropped */
  gboolean        select_running;
  gboolean        select_again;     /* the drag moved while a request ran */
  GCancellable   *select_cancellable;
  double          pointer_x, pointer_y;
  double          zoom_scroll;
  double          pinch_base;       /* the zoom when a pinch began */

  /* Find (kt-pdf-view-find.c) */
  char           *find_text;
  GArray         *matches;          /* KtPdfMatch, sorted by page */
  int             current_match;
  KtPdfFindJob   *find_job;

  GPtrArray      *clauses;
};

void      kt_pdf_view_notify              (KtPdfView        *self,
                                           KtPdfViewProp     prop);

/* Layout (kt-pdf-view-layout.c). Page tops at the current zoom. */
void      kt_pdf_view_relayout            (KtPdfView        *self);
/* The adjustments' ranges from the content and the widget's size. */
void      kt_pdf_view_configure_adjustments (KtPdfView      *self);
/* The page whose area, with the gap above it, holds content y @cy. */
guint     kt_pdf_view_page_at_content_y   (KtPdfView        *self,
                                           double            cy);
/* In a fit mode, the zoom that fits the current size. */
void      kt_pdf_view_apply_zoom_mode     (KtPdfView        *self);
/* Between widget pixels and page points: */
void      kt_pdf_view_get_page_rect       (KtPdfView        *self,
                                           guint             page,
                                           graphene_rect_t  *rect);
/* The page under widget (x, y); FALSE in a gap or margin. *px, *py in
 * page points (may be NULL). */
gboolean  kt_pdf_view_page_at             (KtPdfView        *self,
                                           double            x,
                                           double            y,
                                           guint            *page,
                                           double           *px,
                                           double           *py);
/* The first and last page that intersect the viewport; FALSE when none. */
gboolean  kt_pdf_view_get_visible_range   (KtPdfView        *self,
                                           guint            *first,
                                           guint            *last);
/* The zoom of the fit modes at the current size. */
double    kt_pdf_view_compute_fit_zoom    (KtPdfView        *self,
                                           KtPdfZoomMode     mode);
/* Changes the zoom (clamped) keeping the point under widget (x, y) in
 * place; x < 0: the top of the view. Does not change the mode. */
void      kt_pdf_view_zoom_at             (KtPdfView        *self,
                                           double            zoom,
                                           double            x,
                                           double            y);
/* One step of the zoom steps in (direction > 0) or out, at widget (x, y)
 * as in kt_pdf_view_zoom_at (); the mode becomes FREE. */
void      kt_pdf_view_zoom_step_at        (KtPdfView        *self,
                                           int               direction,
                                           double            x,
                                           double            y);
void      kt_pdf_view_scroll_by           (KtPdfView        *self,
                                           double            dx,
                                           double            dy);
/* Sets "page" and notifies, scrolling nothing. */
void      kt_pdf_view_set_current_page    (KtPdfView        *self,
                                           guint             page);
void      kt_pdf_view_update_accessible   (KtPdfView        *self);

/* Rendering: kt-pdf-view-render.c */
void      kt_pdf_view_render_init         (KtPdfView        *self);
/* Drops every texture and pending render (a new document). */
void      kt_pdf_view_render_reset        (KtPdfView        *self);
/* Asks for the visible pages at the current scale, soon. */
void      kt_pdf_view_queue_requests      (KtPdfView        *self);
void      kt_pdf_view_update_requests     (KtPdfView        *self);
void      kt_pdf_view_render_snapshot     (KtPdfView        *self,
                                           GtkSnapshot      *snapshot);
/* The texture drawn for @page now, or NULL; for tests. */
GdkTexture *kt_pdf_view_get_page_texture  (KtPdfView        *self,
                                           guint             page,
                                           double           *scale);
gboolean  kt_pdf_view_is_rendering        (KtPdfView        *self,
                                           guint             page);

/* Input: kt-pdf-view-input.c */
void      kt_pdf_view_input_class_init    (GtkWidgetClass   *widget_class);
void      kt_pdf_view_input_init          (KtPdfView        *self);
/* A selection drag in widget coordinates, as the gesture does it. */
void      kt_pdf_view_select_begin        (KtPdfView        *self,
                                           double            x,
                                           double            y);
void      kt_pdf_view_select_update       (KtPdfView        *self,
                                           double            x,
                                           double            y);
/* Forgets a selection request still running (another document). */
void      kt_pdf_view_select_cancel       (KtPdfView        *self);
/* The clause drawn under widget (x, y), or NULL. */
KtClause *kt_pdf_view_clause_at           (KtPdfView        *self,
                                           double            x,
                                           double            y);
/* A press and release without a drag at widget (x, y). */
void      kt_pdf_view_click               (KtPdfView        *self,
                                           double            x,
                                           double            y);
void      kt_pdf_view_emit_clause_activated (KtPdfView      *self,
                                           KtClause         *clause);

/* Find: kt-pdf-view-find.c */
void      kt_pdf_view_find_cancel         (KtPdfView        *self);
void      kt_pdf_view_set_current_match   (KtPdfView        *self,
                                           int               match,
                                           gboolean          scroll);
void      kt_pdf_view_emit_find_finished  (KtPdfView        *self);

G_END_DECLS
