/* kt-pdf-view.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-pdf-view-private.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (KtPdfView, kt_pdf_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

G_DEFINE_ENUM_TYPE (KtPdfZoomMode, kt_pdf_zoom_mode,
                    G_DEFINE_ENUM_VALUE (KT_PDF_ZOOM_FREE, "free"),
                    G_DEFINE_ENUM_VALUE (KT_PDF_ZOOM_FIT_WIDTH, "fit-width"),
                    G_DEFINE_ENUM_VALUE (KT_PDF_ZOOM_FIT_PAGE, "fit-page"))

enum {
  PROP_0,
  PROP_DOCUMENT = KT_PDF_VIEW_PROP_DOCUMENT,
  PROP_PAGE = KT_PDF_VIEW_PROP_PAGE,
  PROP_N_PAGES = KT_PDF_VIEW_PROP_N_PAGES,
  PROP_ZOOM = KT_PDF_VIEW_PROP_ZOOM,
  PROP_ZOOM_MODE = KT_PDF_VIEW_PROP_ZOOM_MODE,
  PROP_HAS_SELECTION = KT_PDF_VIEW_PROP_HAS_SELECTION,
  PROP_N_MATCHES = KT_PDF_VIEW_PROP_N_MATCHES,
  PROP_CURRENT_MATCH = KT_PDF_VIEW_PROP_CURRENT_MATCH,
  N_PROPS = KT_PDF_VIEW_N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  CLAUSE_ACTIVATED,
  FIND_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
kt_pdf_view_update_accessible (KtPdfView *self)
{
  GString *text = g_string_new (NULL);

  if (self->n_pages > 0)
    /* Translators: the accessible description of the PDF viewer */
    g_string_printf (text, _("Page %u of %u"), self->page + 1, self->n_pages);

  if (self->current_match >= 0 && self->find_text != NULL)
    {
      const KtPdfMatch *match = &g_array_index (self->matches, KtPdfMatch, self->current_match);

      g_string_append (text, ". ");
      /* Translators: read after "Page 3 of 40. "; the last %s is the searched text */
      g_string_append_printf (text, _("Match %d of %u, on page %u: %s"),
                              self->current_match + 1, self->matches->len,
                              match->page + 1, self->find_text);
    }

  for (guint i = 0; self->clauses != NULL && i < self->clauses->len; i++)
    {
      const KtClause *clause = g_ptr_array_index (self->clauses, i);

      if (clause->page != self->page)
        continue;
      g_string_append (text, ". ");
      /* Translators: a marked clause on the page: its category, then its text */
      g_string_append_printf (text, _("Highlight, %s: %s"),
                              kt_enum_label (KT_ENUM_CLAUSE_CATEGORY, clause->category),
                              clause->text != NULL ? clause->text : "");
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
  g_string_free (text, TRUE);
}

void
kt_pdf_view_set_current_page (KtPdfView *self,
                              guint      page)
{
  if (page == self->page)
    return;

  self->page = page;
  kt_pdf_view_update_accessible (self);
  kt_pdf_view_notify (self, KT_PDF_VIEW_PROP_PAGE);
}

static void
adjustment_value_changed_cb (KtPdfView *self)
{
  double top = gtk_adjustment_get_value (self->vadjustment) + KT_PDF_VIEW_MARGIN;

  if (!self->setting_page && self->n_pages > 0)
    kt_pdf_view_set_current_page (self, kt_pdf_view_page_at_content_y (self, top));

  kt_pdf_view_queue_requests (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (KtPdfView      *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_object_unref (*slot);
    }

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (adjustment_value_changed_cb), self);

  if (self->hadjustment != NULL && self->vadjustment != NULL)
    kt_pdf_view_configure_adjustments (self);
}

/* ---- Widget ----------------------------------------------------------- */

static void
kt_pdf_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  *minimum = 100;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

static void
kt_pdf_view_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  KtPdfView *self = KT_PDF_VIEW (widget);

  kt_pdf_view_configure_adjustments (self);
  kt_pdf_view_apply_zoom_mode (self);

  if (self->scroll_pending && height > 0 && self->scroll_page < self->n_pages)
    {
      self->scroll_pending = FALSE;
      if (self->scroll_pending_rect)
        kt_pdf_view_scroll_to_rect (self, self->scroll_page, &self->scroll_rect);
      else
        kt_pdf_view_set_page (self, self->scroll_page);
    }

  kt_pdf_view_queue_requests (self);
}

static void
kt_pdf_view_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  kt_pdf_view_render_snapshot (KT_PDF_VIEW (widget), snapshot);
}

static void
kt_pdf_view_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (kt_pdf_view_parent_class)->css_changed (widget, change);

  /* The colours come from the style sheet (dark, high contrast) */
  gtk_widget_queue_draw (widget);
}

/* ---- GObject ---------------------------------------------------------- */

static void
kt_pdf_view_dispose (GObject *object)
{
  KtPdfView *self = KT_PDF_VIEW (object);

  kt_pdf_view_set_document (self, NULL);

  G_OBJECT_CLASS (kt_pdf_view_parent_class)->dispose (object);
}

static void
kt_pdf_view_finalize (GObject *object)
{
  KtPdfView *self = KT_PDF_VIEW (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  g_clear_pointer (&self->selection_rects, g_array_unref);
  g_clear_pointer (&self->selection_text, g_free);
  g_clear_pointer (&self->find_text, g_free);

  G_OBJECT_CLASS (kt_pdf_view_parent_class)->finalize (object);
}

static void
kt_pdf_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KtPdfView *self = KT_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_ZOOM_MODE:
      g_value_set_enum (value, self->zoom_mode);
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, self->has_selection);
      break;
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->matches->len);
      break;
    case PROP_CURRENT_MATCH:
      g_value_set_int (value, self->current_match);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_pdf_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KtPdfView *self = KT_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      kt_pdf_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      kt_pdf_view_set_page (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      kt_pdf_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_ZOOM_MODE:
      kt_pdf_view_set_zoom_mode (self, g_value_get_enum (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_pdf_view_class_init (KtPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_pdf_view_dispose;
  object_class->finalize = kt_pdf_view_finalize;
  object_class->get_property = kt_pdf_view_get_property;
  object_class->set_property = kt_pdf_view_set_property;

  widget_class->measure = kt_pdf_view_measure;
  widget_class->size_allocate = kt_pdf_view_size_allocate;
  widget_class->snapshot = kt_pdf_view_snapshot;
  widget_class->css_changed = kt_pdf_view_css_changed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         KT_TYPE_PDF_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         KT_PDF_VIEW_MIN_ZOOM, KT_PDF_VIEW_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_MODE] =
    g_param_spec_enum ("zoom-mode", NULL, NULL,
                       KT_TYPE_PDF_ZOOM_MODE, KT_PDF_ZOOM_FIT_WIDTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_MATCH] =
    g_param_spec_int ("current-match", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * KtPdfView::clause-activated:
   * @clause: the view's own KtClause (not a copy)
   *
   * A highlight was clicked.
   */
  signals[CLAUSE_ACTIVATED] =
    g_signal_new ("clause-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KT_TYPE_CLAUSE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * KtPdfView::find-finished:
   * @n: the number of matches
   *
   * Every page has been searched.
   */
  signals[FIND_FINISHED] =
    g_signal_new ("find-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "ktpdfview");
  /* Evince's view is a document frame too; it is a role GTK 4.8 knows */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);

  kt_pdf_view_input_class_init (widget_class);
}

static void
kt_pdf_view_init (KtPdfView *self)
{
  self->zoom = 1.0;
  self->zoom_mode = KT_PDF_ZOOM_FIT_WIDTH;
  self->current_match = -1;
  self->matches = g_array_new (FALSE, FALSE, sizeof (KtPdfMatch));

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: accessible name of the PDF viewer */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document"),
                                  -1);
  kt_pdf_view_update_accessible (self);

  kt_pdf_view_render_init (self);
  kt_pdf_view_input_init (self);
}

/* ---- Used by the other files ------------------------------------------ */

void
kt_pdf_view_emit_clause_activated (KtPdfView *self,
                                   KtClause  *clause)
{
  g_signal_emit (self, signals[CLAUSE_ACTIVATED], 0, clause);
}

void
kt_pdf_view_emit_find_finished (KtPdfView *self)
{
  g_signal_emit (self, signals[FIND_FINISHED], 0, self->matches->len);
}

void
kt_pdf_view_notify (KtPdfView     *self,
                    KtPdfViewProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
kt_pdf_view_set_current_match (KtPdfView *self,
                               int        match,
                               gboolean   scroll)
{
  g_assert (match >= -1 && match < (int) self->matches->len);

  if (match >= 0 && scroll)
    {
      const KtPdfMatch *m = &g_array_index (self->matches, KtPdfMatch, match);

      kt_pdf_view_scroll_to_rect (self, m->page, &m->rect);
    }

  if (match != self->current_match)
    {
      self->current_match = match;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
    }

  kt_pdf_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
kt_pdf_view_new (void)
{
  return g_object_new (KT_TYPE_PDF_VIEW, NULL);
}

void
kt_pdf_view_set_document (KtPdfView     *self,
                          KtPdfDocument *document)
{
  g_return_if_fail (KT_IS_PDF_VIEW (self));
  g_return_if_fail (document == NULL || KT_IS_PDF_DOCUMENT (document));

  if (document == self->document)
    return;

  kt_pdf_view_find (self, NULL);
  kt_pdf_view_select_cancel (self);
  kt_pdf_view_clear_selection (self);
  kt_pdf_view_render_reset (self);

  g_set_object (&self->document, document);
  g_clear_pointer (&self->page_width, g_free);
  g_clear_pointer (&self->page_height, g_free);
  g_clear_pointer (&self->page_top, g_free);
  self->n_pages = document != NULL ? kt_pdf_document_get_n_pages (document) : 0;
  self->max_page_width = 0;
  self->page_width = g_new0 (double, self->n_pages);
  self->page_height = g_new0 (double, self->n_pages);
  self->page_top = g_new0 (double, self->n_pages);
  self->slots = g_new0 (KtPdfPageSlot, self->n_pages);

  for (guint i = 0; i < self->n_pages; i++)
    {
      kt_pdf_document_get_page_size (document, i, &self->page_width[i], &self->page_height[i]);
      /* A page poppler reports without a size still gets a place */
      if (!(self->page_width[i] > 0) || !(self->page_height[i] > 0))
        {
          self->page_width[i] = 595;
          self->page_height[i] = 842;
        }
      self->max_page_width = MAX (self->max_page_width, self->page_width[i]);
    }

  self->page = 0;
  self->scroll_pending = FALSE;
  kt_pdf_view_relayout (self);
  kt_pdf_view_configure_adjustments (self);
  self->setting_page = TRUE;
  gtk_adjustment_set_value (self->hadjustment, 0);
  gtk_adjustment_set_value (self->vadjustment, 0);
  self->setting_page = FALSE;
  kt_pdf_view_apply_zoom_mode (self);
  /* Centred when wider than the view */
  gtk_adjustment_set_value (self->hadjustment,
                            (gtk_adjustment_get_upper (self->hadjustment) -
                             gtk_adjustment_get_page_size (self->hadjustment)) / 2);

  kt_pdf_view_update_accessible (self);
  kt_pdf_view_queue_requests (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  g_object_thaw_notify (G_OBJECT (self));
}

KtPdfDocument *
kt_pdf_view_get_document (KtPdfView *self)
{
  g_return_val_if_fail (KT_IS_PDF_VIEW (self), NULL);

  return self->document;
}

guint
kt_pdf_view_get_page (KtPdfView *self)
{
  g_return_val_if_fail (KT_IS_PDF_VIEW (self), 0);

  return self->page;
}

void
kt_pdf_view_set_clauses (KtPdfView *self,
                         GPtrArray *clauses)
{
  g_return_if_fail (KT_IS_PDF_VIEW (self));

  if (clauses != NULL)
    g_ptr_array_ref (clauses);
  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  self->clauses = clauses;

  kt_pdf_view_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
