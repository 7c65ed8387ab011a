/* kt-matrix-input.c — the matrix's pointer, dragging and tooltips
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "kt-matrix-private.h"

/* Pixels the pointer moves before a press becomes a drag */
#define DRAG_THRESHOLD 8.0

/* ---- Pointer ---------------------------------------------------------- */

static void
update_cursor (KtMatrix *self)
{
  const char *name = NULL;

  if (self->dragging)
    name = "grabbing";
  else if (self->hover_id != 0)
    name = self->editable ? "grab" : "pointer";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
set_hover (KtMatrix *self,
           gint64    supplier_id)
{
  if (self->hover_id == supplier_id)
    return;

  self->hover_id = supplier_id;
  update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gint64
supplier_at (KtMatrix *self,
             double    x,
             double    y)
{
  KtMatrixLayout *layout = kt_matrix_ensure_layout (self);

  if (layout == NULL)
    return 0;

  return kt_matrix_bubble_supplier (self, kt_matrix_layout_hit (layout, x, y));
}

void
kt_matrix_update_hover (KtMatrix *self)
{
  set_hover (self, self->has_pointer && !self->dragging
                   ? supplier_at (self, self->pointer_x, self->pointer_y) : 0);
}

static void
motion_cb (KtMatrix *self,
           double    x,
           double    y)
{
  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  kt_matrix_update_hover (self);
}

static void
leave_cb (KtMatrix *self)
{
  self->has_pointer = FALSE;
  set_hover (self, 0);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            KtMatrix        *self)
{
  gint64 supplier_id = supplier_at (self, x, y);

  self->press_on_bubble = supplier_id != 0;
  self->press_id = supplier_id;
  if (supplier_id != 0)
    /* Set first, so that gaining focus does not pick another bubble */
    kt_matrix_set_focus_id (self, supplier_id);

  /* On the projector the keys page the slides: a click must not take them */
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             KtMatrix        *self)
{
  if (self->press_on_bubble && n_press == 1 && !self->dragging &&
      supplier_at (self, x, y) == self->press_id)
    kt_matrix_emit_activated (self, self->press_id);

  self->press_on_bubble = FALSE;
}

static void
click_stopped_cb (KtMatrix *self)
{
  self->press_on_bubble = FALSE;
}

/* ---- Dragging a bubble ------------------------------------------------ */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               KtMatrix       *self)
{
  self->press_x = x;
  self->press_y = y;
  self->dragging = FALSE;
  self->drag_cancelled = FALSE;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                KtMatrix       *self)
{
  if (self->drag_cancelled || !self->editable || self->press_id == 0)
    return;

  if (!self->dragging)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;

      self->dragging = TRUE;
      self->press_on_bubble = FALSE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.cancel-drag", TRUE);
      set_hover (self, 0);
      update_cursor (self);
    }

  self->drag_x = self->press_x + dx;
  self->drag_y = self->press_y + dy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             KtMatrix       *self)
{
  KtMatrixLayout *layout = kt_matrix_ensure_layout (self);
  gint64 supplier_id = self->press_id;
  gboolean drop = self->dragging && !self->drag_cancelled && layout != NULL;
  guint importance = 0, risk = 0;

  if (drop)
    kt_matrix_layout_value_at (layout, self->press_x + dx, self->press_y + dy, &importance, &risk);

  /* Back where it was: the caller stores the new place, or not */
  kt_matrix_cancel_drag (self);

  if (drop)
    {
      int index = kt_matrix_find_bubble (self, supplier_id);
      const KtSupplierScore *score = index >= 0 ? kt_matrix_layout_get_bubble (layout, index)->score : NULL;

      if (score != NULL && (score->importance != importance || score->risk != risk))
        kt_matrix_emit_moved (self, supplier_id, importance, risk);
    }
}

void
kt_matrix_cancel_drag (KtMatrix *self)
{
  gboolean was_dragging = self->dragging;

  self->drag_cancelled = self->dragging;
  self->dragging = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix.cancel-drag", FALSE);

  if (was_dragging)
    {
      update_cursor (self);
      kt_matrix_update_hover (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
cancel_drag_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KtMatrix *self = KT_MATRIX (widget);

  kt_matrix_cancel_drag (self);
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
}

static void
set_source (cairo_t             *cr,
            const KtMatrixColor *color,
            double               alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* The bubble under the pointer in the colour of the quadrant it would land
 * in, with the numbers it would get: the drop is a decision, so it should
 * be clear before the button is let go. */
void
kt_matrix_paint_drag (KtMatrix              *self,
                      cairo_t               *cr,
                      const KtMatrixPalette *palette)
{
  KtMatrixLayout *layout = kt_matrix_ensure_layout (self);
  int index = kt_matrix_find_bubble (self, self->press_id);
  const KtMatrixBubble *bubble;
  g_autoptr(PangoLayout) text = NULL;
  g_autofree char *caption = NULL;
  guint importance, risk;
  KtSegment segment;
  int text_width, text_height;
  double x, y, pad;

  if (layout == NULL || index < 0)
    return;

  bubble = kt_matrix_layout_get_bubble (layout, index);
  kt_matrix_layout_value_at (layout, self->drag_x, self->drag_y, &importance, &risk);
  segment = kt_segment_for (importance, risk, self->settings->importance_threshold,
                            self->settings->risk_threshold);

  cairo_save (cr);
  /* The painter may leave a current point behind its last text */
  cairo_new_path (cr);
  cairo_set_line_width (cr, 2 * palette->line_scale);

  /* Where it comes from, as an outline */
  cairo_arc (cr, bubble->cx, bubble->cy, bubble->radius, 0, 2 * G_PI);
  cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  set_source (cr, &palette->foreground, 0.6);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_new_sub_path (cr);
  cairo_arc (cr, self->drag_x, self->drag_y, bubble->radius, 0, 2 * G_PI);
  set_source (cr, &palette->bubbles[segment], 0.75);
  cairo_fill_preserve (cr);
  set_source (cr, &palette->focus, 1);
  cairo_stroke (cr);

  /* Translators: shown beside a supplier's bubble while it is dragged:
   * where it would be placed, "Strategic · importance 72 · risk 65" */
  caption = g_strdup_printf (_("%s · importance %u · risk %u"), kt_segment_label (segment),
                             importance, risk);
  text = gtk_widget_create_pango_layout (GTK_WIDGET (self), caption);
  pango_layout_get_pixel_size (text, &text_width, &text_height);
  pad = 4;
  x = self->drag_x + bubble->radius + 8;
  y = self->drag_y - text_height / 2.0;
  if (x + text_width + 2 * pad > gtk_widget_get_width (GTK_WIDGET (self)))
    x = self->drag_x - bubble->radius - 8 - text_width - 2 * pad;
  y = CLAMP (y, 0, MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - text_height - 2 * pad));

  cairo_rectangle (cr, x, y, text_width + 2 * pad, text_height + 2 * pad);
  set_source (cr, &palette->background, 0.92);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1);
  set_source (cr, &palette->grid, 1);
  cairo_stroke (cr);
  cairo_move_to (cr, x + pad, y + pad);
  set_source (cr, &palette->foreground, 1);
  pango_cairo_show_layout (cr, text);

  cairo_restore (cr);
}

/* ---- Tooltips --------------------------------------------------------- */

static void
bubble_tooltip (KtMatrix   *self,
                int         index,
                GtkTooltip *tooltip)
{
  const KtMatrixBubble *bubble = kt_matrix_layout_get_bubble (self->layout, index);
  g_autofree char *text = kt_matrix_bubble_describe (bubble);
  const KtScoreOverride *override = bubble->score->override;
  GString *markup = g_string_new (NULL);
  const char *name = bubble->score->supplier_name;
  gsize name_length = name != NULL ? strlen (name) : 0;

  /* The supplier in bold above its numbers */
  if (name_length > 0 && g_str_has_prefix (text, name) && g_str_has_prefix (text + name_length, ", "))
    {
      g_autofree char *bold = g_markup_printf_escaped ("<b>%s</b>\n%s", name, text + name_length + 2);

      g_string_append (markup, bold);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      g_string_append (markup, escaped);
    }
  if (override != NULL && override->reason != NULL)
    {
      /* Translators: in a supplier's tooltip in the matrix: why it was
       * placed by hand */
      g_autofree char *why = g_markup_printf_escaped (_("Placed by hand: %s"), override->reason);

      g_string_append_printf (markup, "\n<i>%s</i>", why);
    }
  if (self->editable)
    g_string_append_printf (markup, "\n<small>%s</small>",
                            /* Translators: hint in a supplier's tooltip in the matrix */
                            _("Click for details, drag to place it by hand"));

  gtk_tooltip_set_markup (tooltip, markup->str);
  g_string_free (markup, TRUE);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int) floor (bubble->cx - bubble->radius),
                              (int) floor (bubble->cy - bubble->radius),
                              (int) ceil (2 * bubble->radius),
                              (int) ceil (2 * bubble->radius) });
}

static gboolean
kt_matrix_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip)
{
  KtMatrix *self = KT_MATRIX (widget);
  int index;

  if (self->dragging || kt_matrix_ensure_layout (self) == NULL)
    return FALSE;

  if (keyboard_mode)
    index = kt_matrix_find_bubble (self, self->focus_id);
  else
    index = kt_matrix_layout_hit (self->layout, x, y);

  if (index < 0)
    return FALSE;

  bubble_tooltip (self, index, tooltip);
  return TRUE;
}

/* ---- Set-up ----------------------------------------------------------- */

void
kt_matrix_input_class_init (GtkWidgetClass *widget_class)
{
  widget_class->query_tooltip = kt_matrix_query_tooltip;

  gtk_widget_class_install_action (widget_class, "matrix.cancel-drag", NULL, cancel_drag_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "matrix.cancel-drag", NULL);
}

void
kt_matrix_input_init (KtMatrix *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_widget_set_has_tooltip (widget, TRUE);
  /* Escape is only ours while a bubble is being dragged */
  gtk_widget_action_set_enabled (widget, "matrix.cancel-drag", FALSE);

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
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));
  self->drag_gesture = gesture;
}
