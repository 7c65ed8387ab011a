/* kt-timeline-input.c — the timeline's pointer, touch, scrolling and tooltips
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include <glib/gi18n.h>

#include "kt-format.h"
#include "kt-timeline-private.h"

/* A pinch this much larger or smaller than at the last step zooms a step */
#define PINCH_STEP 1.3
/* Touchpad pixels of Ctrl+scroll per zoom step */
#define ZOOM_SCROLL_PIXELS 60.0
/* Pixels the pointer moves before a press becomes a drag */
#define DRAG_THRESHOLD 8.0
/* Kinetic scrolling: how fast it slows down (1/s), and where it stops */
#define FRICTION 4.0
#define MIN_VELOCITY 20.0

/* ---- Pointer ---------------------------------------------------------- */

static void
set_hover (KtTimeline                *self,
           const KtTimelineMarkerRef *ref)
{
  gboolean changed = (ref != NULL) != self->has_hover ||
                     (ref != NULL && (ref->lane != self->hover_ref.lane ||
                                      ref->marker != self->hover_ref.marker));

  if (!changed)
    return;

  self->has_hover = ref != NULL;
  if (ref != NULL)
    self->hover_ref = *ref;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), ref != NULL ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kt_timeline_update_hover (KtTimeline *self)
{
  KtTimelineMarkerRef ref;

  if (!self->has_pointer || self->panning)
    return;

  kt_timeline_sync_layout (self);
  set_hover (self, kt_timeline_layout_hit_marker (self->layout, self->pointer_x, self->pointer_y, &ref)
                   ? &ref : NULL);
}

static void
motion_cb (KtTimeline *self,
           double      x,
           double      y)
{
  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  kt_timeline_update_hover (self);
}

static void
leave_cb (KtTimeline *self)
{
  self->has_pointer = FALSE;
  set_hover (self, NULL);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KtTimeline      *self)
{
  KtTimelineMarkerRef ref;

  kt_timeline_stop_kinetic (self);
  kt_timeline_sync_layout (self);

  self->press_on_marker = kt_timeline_layout_hit_marker (self->layout, x, y, &ref);
  if (self->press_on_marker)
    {
      self->press_ref = ref;
      /* Set first, so that gaining focus does not pick another marker */
      kt_timeline_set_focus_ref (self, &ref, FALSE);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             KtTimeline      *self)
{
  KtTimelineMarkerRef ref;

  kt_timeline_sync_layout (self);
  if (self->press_on_marker && n_press == 1 &&
      kt_timeline_layout_hit_marker (self->layout, x, y, &ref) &&
      ref.lane == self->press_ref.lane && ref.marker == self->press_ref.marker)
    kt_timeline_emit_activated (self, &ref);

  self->press_on_marker = FALSE;
}

static void
click_stopped_cb (KtTimeline *self)
{
  self->press_on_marker = FALSE;
}

static void
drag_begin_cb (KtTimeline *self)
{
  self->drag_h = gtk_adjustment_get_value (self->hadjustment);
  self->drag_v = gtk_adjustment_get_value (self->vadjustment);
  self->panning = FALSE;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                KtTimeline     *self)
{
  if (!self->panning && hypot (dx, dy) < DRAG_THRESHOLD)
    return;

  if (!self->panning)
    {
      self->panning = TRUE;
      self->press_on_marker = FALSE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  gtk_adjustment_set_value (self->hadjustment, self->drag_h - dx);
  gtk_adjustment_set_value (self->vadjustment, self->drag_v - dy);
}

static void
drag_end_cb (KtTimeline *self)
{
  if (self->panning)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  self->panning = FALSE;
}

/* ---- Scrolling and zooming -------------------------------------------- */

static gboolean
in_scrolled_window (KtTimeline *self)
{
  return GTK_IS_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (self)));
}

static double
wheel_step (GtkAdjustment *adjustment)
{
  /* As GtkScrolledWindow does: larger pages scroll further per notch */
  return pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
}

static double
pointer_x (GtkEventController *controller)
{
  GdkEvent *event = gtk_event_controller_get_current_event (controller);
  GtkWidget *widget = gtk_event_controller_get_widget (controller);
  GtkNative *native = gtk_widget_get_native (widget);
  double x, y, nx, ny;

  if (event == NULL || native == NULL || !gdk_event_get_position (event, &x, &y))
    return -1;

  /* Event positions are relative to the surface */
  gtk_native_get_surface_transform (native, &nx, &ny);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (native), widget, x - nx, y - ny, &x, &y))
    return -1;

  return x;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           KtTimeline               *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      self->zoom_scroll += wheel ? dy : dy / ZOOM_SCROLL_PIXELS;
      if (self->zoom_scroll <= -1 || self->zoom_scroll >= 1)
        {
          KtTimelineZoom zoom = self->zoom;

          if (self->zoom_scroll < 0 && zoom > KT_TIMELINE_ZOOM_MONTH)
            zoom--;
          else if (self->zoom_scroll > 0 && zoom < KT_TIMELINE_ZOOM_YEAR)
            zoom++;
          self->zoom_scroll = 0;
          kt_timeline_zoom_at (self, zoom, pointer_x (GTK_EVENT_CONTROLLER (controller)));
        }
      return TRUE;
    }

  /* In a GtkScrolledWindow, plain scrolling is left to it: it scrolls the
   * same adjustments, with kinetic scrolling and overshoot */
  if (in_scrolled_window (self))
    return FALSE;

  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  if (wheel)
    {
      dx *= wheel_step (self->hadjustment);
      dy *= wheel_step (self->vadjustment);
    }

  kt_timeline_scroll_by (self, dx, dy);

  return TRUE;
}

static gboolean
kinetic_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  KtTimeline *self = KT_TIMELINE (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double dt = (now - self->kinetic_time) / (double) G_USEC_PER_SEC;
  double decay = exp (-FRICTION * dt);

  self->kinetic_time = now;
  kt_timeline_scroll_by (self, self->kinetic_vx * dt, self->kinetic_vy * dt);
  self->kinetic_vx *= decay;
  self->kinetic_vy *= decay;

  if (hypot (self->kinetic_vx, self->kinetic_vy) < MIN_VELOCITY)
    {
      self->kinetic_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

void
kt_timeline_stop_kinetic (KtTimeline *self)
{
  if (self->kinetic_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_id);
  self->kinetic_id = 0;
}

static void
decelerate_cb (GtkEventControllerScroll *controller,
               double                    vx,
               double                    vy,
               KtTimeline               *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || in_scrolled_window (self))
    return;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    {
      vx *= wheel_step (self->hadjustment);
      vy *= wheel_step (self->vadjustment);
    }

  kt_timeline_stop_kinetic (self);
  self->kinetic_vx = vx;
  self->kinetic_vy = vy;
  self->kinetic_time = gdk_frame_clock_get_frame_time (clock);
  self->kinetic_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_tick_cb, NULL, NULL);
}

static void
pinch_begin_cb (KtTimeline *self)
{
  self->pinch_base = 1;
  kt_timeline_stop_kinetic (self);
}

static void
pinch_scale_changed_cb (GtkGestureZoom *gesture,
                        double          scale,
                        KtTimeline     *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = -1;

  if (scale / self->pinch_base >= PINCH_STEP && self->zoom > KT_TIMELINE_ZOOM_MONTH)
    {
      self->pinch_base = scale;
      kt_timeline_zoom_at (self, self->zoom - 1, x);
    }
  else if (scale / self->pinch_base <= 1 / PINCH_STEP && self->zoom < KT_TIMELINE_ZOOM_YEAR)
    {
      self->pinch_base = scale;
      kt_timeline_zoom_at (self, self->zoom + 1, x);
    }
}

/* ---- Tooltips --------------------------------------------------------- */

static void
marker_tooltip (KtTimeline                *self,
                const KtTimelineMarkerRef *ref,
                GtkTooltip                *tooltip)
{
  const KtTimelineLane *lane = g_ptr_array_index (self->lanes, ref->lane);
  const KtTimelineMarker *marker = kt_timeline_lane_get_marker (lane, ref->marker);
  g_autofree char *date = kt_format_date_long (&marker->date);
  g_autofree char *markup = NULL;
  GString *details = g_string_new (date);
  double x, y, s = self->metrics.marker_size;

  if (marker->state != KT_TIMELINE_STATE_NORMAL)
    g_string_append_printf (details, " · %s", kt_timeline_state_to_string (marker->state));
  if (marker->derived)
    /* Translators: in the tooltip of a deadline computed from the contract */
    g_string_append_printf (details, " · %s", _("computed from the contract"));

  markup = g_markup_printf_escaped ("<b>%s</b>\n%s\n<small>%s</small>",
                                    marker->label, details->str, lane->label);
  g_string_free (details, TRUE);
  gtk_tooltip_set_markup (tooltip, markup);

  kt_timeline_layout_get_marker_position (self->layout, ref, &x, &y);
  x += self->metrics.label_width - gtk_adjustment_get_value (self->hadjustment);
  y += self->metrics.axis_height - gtk_adjustment_get_value (self->vadjustment);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) (x - s), (int) (y - s),
                                                       (int) (2 * s), (int) (2 * s) });
}

static void
lane_tooltip (KtTimeline *self,
              guint       lane_index,
              gboolean    on_bar,
              double      x,
              double      y,
              GtkTooltip *tooltip)
{
  const KtTimelineLane *lane = g_ptr_array_index (self->lanes, lane_index);
  g_autofree char *markup = NULL;
  g_autofree char *period = NULL;
  double row_h = self->metrics.row_height;
  double top = self->metrics.axis_height + kt_timeline_layout_get_lane_row (self->layout, lane_index) * row_h
               - gtk_adjustment_get_value (self->vadjustment);

  if (on_bar)
    {
      g_autofree char *start = kt_format_date (&lane->bar_start);
      g_autofree char *end = kt_format_date (&lane->bar_end);

      if (g_date_valid (&lane->bar_end))
        /* Translators: the contract period in a tooltip of the timeline */
        period = g_strdup_printf (_("Contract period %s – %s"), start, end);
      else
        /* Translators: a contract without an end date in the timeline */
        period = g_strdup_printf (_("Contract period from %s, running"), start);
      markup = g_markup_printf_escaped ("<b>%s</b>\n%s", lane->label, period);
    }
  else
    markup = g_markup_printf_escaped ("<b>%s</b>", lane->label);

  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              x < self->metrics.label_width ? 0 : (int) self->metrics.label_width,
                              (int) top,
                              x < self->metrics.label_width ? (int) self->metrics.label_width
                                                            : gtk_widget_get_width (GTK_WIDGET (self)),
                              (int) row_h });
}

static gboolean
kt_timeline_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_mode,
                           GtkTooltip *tooltip)
{
  KtTimeline *self = KT_TIMELINE (widget);
  KtTimelineMarkerRef ref;
  gboolean on_bar;
  guint lane;

  kt_timeline_sync_layout (self);

  if (keyboard_mode)
    {
      if (!self->has_focus_ref)
        return FALSE;
      marker_tooltip (self, &self->focus_ref, tooltip);
      return TRUE;
    }

  if (kt_timeline_layout_hit_marker (self->layout, x, y, &ref))
    {
      marker_tooltip (self, &ref, tooltip);
      return TRUE;
    }

  if (kt_timeline_layout_hit_lane (self->layout, x, y, &lane, &on_bar) &&
      (on_bar || x < self->metrics.label_width))
    {
      lane_tooltip (self, lane, on_bar, x, y, tooltip);
      return TRUE;
    }

  return FALSE;
}

/* ---- Set-up ----------------------------------------------------------- */

void
kt_timeline_input_class_init (GtkWidgetClass *widget_class)
{
  widget_class->query_tooltip = kt_timeline_query_tooltip;
}

void
kt_timeline_input_init (KtTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_widget_set_has_tooltip (widget, TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect (gesture, "released", G_CALLBACK (released_cb), self);
  g_signal_connect_swapped (gesture, "stopped", G_CALLBACK (click_stopped_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                                GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  g_signal_connect_swapped (controller, "scroll-begin", G_CALLBACK (kt_timeline_stop_kinetic), self);
  g_signal_connect (controller, "decelerate", G_CALLBACK (decelerate_cb), self);
  gtk_widget_add_controller (widget, controller);
}
