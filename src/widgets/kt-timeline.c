/* kt-timeline.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kt-timeline-painter.h"
#include "kt-timeline-private.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (KtTimeline, kt_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_TODAY,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  MARKER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ---------------------------------------------------------- */

void
kt_timeline_effective_today (KtTimeline *self,
                             GDate      *out)
{
  if (g_date_valid (&self->today))
    {
      *out = self->today;
      return;
    }

  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

void
kt_timeline_sync_layout (KtTimeline *self)
{
  KtTimelineViewport vp = { 0 };

  vp.range_start = self->range_start;
  vp.range_end = self->range_end;
  kt_timeline_effective_today (self, &vp.today);
  vp.zoom = self->zoom;
  vp.width = gtk_widget_get_width (GTK_WIDGET (self));
  vp.height = gtk_widget_get_height (GTK_WIDGET (self));
  vp.scroll_x = gtk_adjustment_get_value (self->hadjustment);
  vp.scroll_y = gtk_adjustment_get_value (self->vadjustment);
  vp.metrics = self->metrics;

  kt_timeline_layout_set_viewport (self->layout, &vp);
}

static void
update_range (KtTimeline *self)
{
  GDate today;

  kt_timeline_effective_today (self, &today);
  kt_timeline_layout_suggest_range (self->layout, &today, &self->range_start, &self->range_end);
}

static void
configure_adjustments (KtTimeline *self)
{
  double content, page;

  kt_timeline_sync_layout (self);

  content = kt_timeline_layout_get_content_width (self->layout);
  page = kt_timeline_layout_get_page_width (self->layout);
  gtk_adjustment_configure (self->hadjustment,
                            CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (0, content - page)),
                            0, content, MAX (1, page / 10), MAX (1, page * 0.9), page);

  content = kt_timeline_layout_get_content_height (self->layout);
  page = kt_timeline_layout_get_page_height (self->layout);
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, content - page)),
                            0, content, self->metrics.row_height,
                            MAX (self->metrics.row_height, page - self->metrics.row_height), page);
}

void
kt_timeline_emit_activated (KtTimeline                *self,
                            const KtTimelineMarkerRef *ref)
{
  const KtTimelineLane *lane = g_ptr_array_index (self->lanes, ref->lane);
  const KtTimelineMarker *marker = kt_timeline_lane_get_marker (lane, ref->marker);

  g_signal_emit (self, signals[MARKER_ACTIVATED], 0, lane->id, marker->item_id, marker->kind);
}

void
kt_timeline_zoom_at (KtTimeline     *self,
                     KtTimelineZoom  zoom,
                     double          anchor_x)
{
  double julian, label_width;

  g_return_if_fail (zoom < KT_TIMELINE_N_ZOOMS);

  if (zoom == self->zoom)
    return;

  kt_timeline_sync_layout (self);
  label_width = self->metrics.label_width;

  if (anchor_x < 0 && self->has_focus_ref)
    {
      double x;

      kt_timeline_layout_get_marker_position (self->layout, &self->focus_ref, &x, NULL);
      x += label_width - gtk_adjustment_get_value (self->hadjustment);
      if (x >= label_width && x <= gtk_widget_get_width (GTK_WIDGET (self)))
        anchor_x = x;
    }
  if (anchor_x < label_width)
    anchor_x = label_width + kt_timeline_layout_get_page_width (self->layout) / 2;

  julian = kt_timeline_layout_julian_for_x (self->layout, anchor_x);

  self->zoom = zoom;
  configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment,
                            (julian - g_date_get_julian (&self->range_start))
                            * kt_timeline_zoom_get_pixels_per_day (zoom)
                            - (anchor_x - label_width));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kt_timeline_scroll_by (KtTimeline *self,
                       double      dx,
                       double      dy)
{
  if (dx != 0)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + dx);
  if (dy != 0)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + dy);
}

/* ---- Signal callbacks ------------------------------------------------- */

static void
adjustment_value_changed_cb (KtTimeline *self)
{
  /* Under a still pointer the content moved */
  kt_timeline_update_hover (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (KtTimeline     *self,
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
    configure_adjustments (self);
}

/* ---- Drawing ---------------------------------------------------------- */

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              KtTimelineColor *out)
{
  GdkRGBA rgba;

  if (gtk_style_context_lookup_color (context, name, &rgba))
    *out = (KtTimelineColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
}

/* Adwaita's colours by name, so that the timeline follows the style
 * sheet; in high contrast the painter's own stronger colours stay. */
static void
build_palette (KtTimeline        *self,
               KtTimelinePalette *palette)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  /* On a projector: the painter's own light high-contrast colours, whatever
   * the desktop's theme */
  if (self->projector)
    {
      kt_timeline_palette_init (palette, FALSE, TRUE);
      return;
    }

  kt_timeline_palette_init (palette, adw_style_manager_get_dark (manager), high_contrast);

  lookup_color (context, "view_bg_color", &palette->background);
  lookup_color (context, "view_fg_color", &palette->foreground);
  lookup_color (context, "window_bg_color", &palette->axis_background);
  lookup_color (context, "accent_bg_color", &palette->today);
  lookup_color (context, "accent_fg_color", &palette->today_text);
  if (!high_contrast)
    {
      lookup_color (context, "accent_color", &palette->focus);
      lookup_color (context, "accent_color", &palette->states[KT_TIMELINE_STATE_NORMAL]);
      lookup_color (context, "error_color", &palette->states[KT_TIMELINE_STATE_OVERDUE]);
      lookup_color (context, "success_color", &palette->states[KT_TIMELINE_STATE_DONE]);
    }
}

static void
kt_timeline_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  KtTimeline *self = KT_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  KtTimelinePaintOptions options = { 0 };
  KtTimelinePalette palette;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  kt_timeline_sync_layout (self);
  build_palette (self, &palette);

  options.palette = &palette;
  options.pango_context = gtk_widget_get_pango_context (widget);
  options.focus = self->has_focus_ref && gtk_widget_has_focus (widget) ? &self->focus_ref : NULL;
  options.hover = self->has_hover ? &self->hover_ref : NULL;
  options.scale_factor = gtk_widget_get_scale_factor (widget);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kt_timeline_paint (cr, self->layout, &options);
  cairo_destroy (cr);
}

/* ---- Size ------------------------------------------------------------- */

static void
kt_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  KtTimeline *self = KT_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 900;
    }
  else if (self->projector && self->lanes != NULL)
    {
      /* On a slide every lane is shown; the slide scrolls */
      *minimum = *natural = (int) (self->metrics.axis_height +
                                   MAX (self->lanes->len, 1) * self->metrics.row_height) + 1;
    }
  else
    {
      *minimum = (int) (self->metrics.axis_height + 3 * self->metrics.row_height);
      *natural = (int) (self->metrics.axis_height + 12 * self->metrics.row_height);
    }
}

static void
update_metrics (KtTimeline *self,
                int         width)
{
  PangoFontMetrics *metrics;
  double line_height;

  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)), NULL, NULL);
  line_height = (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics))
                / (double) PANGO_SCALE;
  pango_font_metrics_unref (metrics);

  kt_timeline_metrics_init (&self->metrics, line_height, width);
}

static void
kt_timeline_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  KtTimeline *self = KT_TIMELINE (widget);
  /* Until the user scrolls sideways, today keeps its place as the size
   * changes (the first allocations of a new window are often small) */
  gboolean follow = self->placed &&
                    gtk_adjustment_get_value (self->hadjustment) == self->placed_value;

  update_metrics (self, width);
  configure_adjustments (self);

  if ((!self->placed || follow) && self->lanes != NULL && width > 0)
    kt_timeline_scroll_to_today (self);

  kt_timeline_pick_initial_focus (self);
}

static void
kt_timeline_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (kt_timeline_parent_class)->css_changed (widget, change);

  /* The font may have changed: rows follow the text size */
  update_metrics (KT_TIMELINE (widget), gtk_widget_get_width (widget));
  gtk_widget_queue_resize (widget);
}

/* ---- GObject ---------------------------------------------------------- */

static void
kt_timeline_dispose (GObject *object)
{
  KtTimeline *self = KT_TIMELINE (object);

  kt_timeline_stop_kinetic (self);

  G_OBJECT_CLASS (kt_timeline_parent_class)->dispose (object);
}

static void
kt_timeline_finalize (GObject *object)
{
  KtTimeline *self = KT_TIMELINE (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->layout, kt_timeline_layout_free);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);

  G_OBJECT_CLASS (kt_timeline_parent_class)->finalize (object);
}

static void
kt_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KtTimeline *self = KT_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_enum (value, self->zoom);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, g_date_valid (&self->today) ? &self->today : NULL);
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
kt_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KtTimeline *self = KT_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      kt_timeline_set_zoom (self, g_value_get_enum (value));
      break;
    case PROP_TODAY:
      kt_timeline_set_today (self, g_value_get_boxed (value));
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
kt_timeline_class_init (KtTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_timeline_dispose;
  object_class->finalize = kt_timeline_finalize;
  object_class->get_property = kt_timeline_get_property;
  object_class->set_property = kt_timeline_set_property;

  widget_class->snapshot = kt_timeline_snapshot;
  widget_class->measure = kt_timeline_measure;
  widget_class->size_allocate = kt_timeline_size_allocate;
  widget_class->css_changed = kt_timeline_css_changed;

  properties[PROP_ZOOM] =
    g_param_spec_enum ("zoom", NULL, NULL,
                       KT_TYPE_TIMELINE_ZOOM, KT_TIMELINE_ZOOM_QUARTER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* For tests and screenshots; unset follows the clock */
  properties[PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * KtTimeline::marker-activated:
   * @lane_id: the lane's id
   * @item_id: the marker's item id
   * @kind: the marker's kind
   *
   * A marker was clicked or Enter pressed on it: open the item.
   */
  signals[MARKER_ACTIVATED] =
    g_signal_new ("marker-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "kttimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  kt_timeline_input_class_init (widget_class);
  kt_timeline_focus_class_init (widget_class);
}

static void
kt_timeline_init (KtTimeline *self)
{
  self->layout = kt_timeline_layout_new ();
  self->zoom = KT_TIMELINE_ZOOM_QUARTER;
  g_date_clear (&self->today, 1);
  kt_timeline_metrics_init (&self->metrics, 17, 900);
  update_range (self);

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: accessible name of the timeline widget */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);

  kt_timeline_input_init (self);
  kt_timeline_focus_init (self);
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
kt_timeline_new (void)
{
  return g_object_new (KT_TYPE_TIMELINE, NULL);
}

void
kt_timeline_set_lanes (KtTimeline *self,
                       GPtrArray  *lanes)
{
  gint64 lane_id = 0, item_id = 0;
  int kind = 0;
  gboolean had_focus;
  KtTimelineMarkerRef ref;

  g_return_if_fail (KT_IS_TIMELINE (self));

  had_focus = kt_timeline_get_focused_marker (self, &lane_id, &item_id, &kind);

  if (lanes != NULL)
    g_ptr_array_ref (lanes);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  self->lanes = lanes;

  kt_timeline_layout_set_lanes (self->layout, lanes);
  update_range (self);
  if (self->projector)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  self->has_hover = FALSE;
  self->press_on_marker = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);

  kt_timeline_set_focus_ref (self,
                             had_focus && kt_timeline_find_marker (self, lane_id, item_id, kind, &ref) ? &ref : NULL,
                             FALSE);
  configure_adjustments (self);
  if (!self->placed && lanes != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    kt_timeline_scroll_to_today (self);
  kt_timeline_update_hover (self);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GPtrArray *
kt_timeline_get_lanes (KtTimeline *self)
{
  g_return_val_if_fail (KT_IS_TIMELINE (self), NULL);

  return self->lanes;
}

void
kt_timeline_set_zoom (KtTimeline     *self,
                      KtTimelineZoom  zoom)
{
  g_return_if_fail (KT_IS_TIMELINE (self));
  g_return_if_fail (zoom < KT_TIMELINE_N_ZOOMS);

  kt_timeline_zoom_at (self, zoom, -1);
}

KtTimelineZoom
kt_timeline_get_zoom (KtTimeline *self)
{
  g_return_val_if_fail (KT_IS_TIMELINE (self), KT_TIMELINE_ZOOM_QUARTER);

  return self->zoom;
}

void
kt_timeline_set_projector (KtTimeline *self,
                           gboolean    projector)
{
  g_return_if_fail (KT_IS_TIMELINE (self));

  self->projector = !!projector;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
kt_timeline_set_today (KtTimeline  *self,
                       const GDate *today)
{
  g_return_if_fail (KT_IS_TIMELINE (self));

  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    g_date_clear (&self->today, 1);

  update_range (self);
  configure_adjustments (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kt_timeline_get_today (KtTimeline *self,
                       GDate      *out)
{
  g_return_if_fail (KT_IS_TIMELINE (self));
  g_return_if_fail (out != NULL);

  kt_timeline_effective_today (self, out);
}

void
kt_timeline_scroll_to_today (KtTimeline *self)
{
  GDate today;
  double x;

  g_return_if_fail (KT_IS_TIMELINE (self));

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      /* Done at the first allocation */
      self->placed = FALSE;
      return;
    }

  kt_timeline_effective_today (self, &today);
  kt_timeline_sync_layout (self);

  /* Today a quarter in from the left: what is overdue stays in sight */
  x = (g_date_get_julian (&today) - (double) g_date_get_julian (&self->range_start) + 0.5)
      * kt_timeline_zoom_get_pixels_per_day (self->zoom);
  gtk_adjustment_set_value (self->hadjustment,
                            x - kt_timeline_layout_get_page_width (self->layout) / 4);
  self->placed = TRUE;
  self->placed_value = gtk_adjustment_get_value (self->hadjustment);
}
