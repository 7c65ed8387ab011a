/* kt-timeline-focus.c — the timeline's keyboard focus, its actions and
 * keys, and what screen readers are told
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One marker at a time has the focus inside the widget. GTK 4.8 cannot give
 * a drawn widget accessible children, so the focused marker's spoken text
 * is the widget's accessible description, updated as the focus moves.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-timeline-private.h"

void
kt_timeline_update_accessible (KtTimeline *self)
{
  g_autofree char *description = NULL;

  if (self->has_focus_ref)
    {
      const KtTimelineLane *lane = g_ptr_array_index (self->lanes, self->focus_ref.lane);

      description = kt_timeline_marker_describe (kt_timeline_lane_get_marker (lane, self->focus_ref.marker));
    }
  else
    description = g_strdup (_("Use the arrow keys to move between deadlines and Enter to open one. "
                              "The list button above shows the same deadlines as a list."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
scroll_into_view (KtTimeline                *self,
                  const KtTimelineMarkerRef *ref)
{
  const KtTimelineMetrics *m = &self->metrics;
  double x, y, h, v, page_w, page_h, margin, top, bottom;

  kt_timeline_sync_layout (self);
  kt_timeline_layout_get_marker_position (self->layout, ref, &x, &y);
  page_w = kt_timeline_layout_get_page_width (self->layout);
  page_h = kt_timeline_layout_get_page_height (self->layout);
  h = gtk_adjustment_get_value (self->hadjustment);
  v = gtk_adjustment_get_value (self->vadjustment);

  margin = MIN (3 * m->marker_size, page_w / 3);
  if (x - margin < h)
    h = x - margin;
  else if (x + margin > h + page_w)
    h = x + margin - page_w;

  /* A pinned group header may cover the top row */
  top = y - m->row_height * 1.5;
  bottom = y + m->row_height / 2;
  if (top < v)
    v = top;
  else if (bottom > v + page_h)
    v = bottom - page_h;

  gtk_adjustment_set_value (self->hadjustment, h);
  gtk_adjustment_set_value (self->vadjustment, v);
}

void
kt_timeline_set_focus_ref (KtTimeline                *self,
                           const KtTimelineMarkerRef *ref,
                           gboolean                   scroll)
{
  self->has_focus_ref = ref != NULL;
  if (ref != NULL)
    self->focus_ref = *ref;

  kt_timeline_update_accessible (self);
  if (ref != NULL && scroll)
    scroll_into_view (self, ref);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
kt_timeline_find_marker (KtTimeline          *self,
                         gint64               lane_id,
                         gint64               item_id,
                         int                  kind,
                         KtTimelineMarkerRef *out)
{
  for (guint i = 0; self->lanes != NULL && i < self->lanes->len; i++)
    {
      const KtTimelineLane *lane = g_ptr_array_index (self->lanes, i);

      if (lane->id != lane_id)
        continue;

      for (guint j = 0; j < lane->markers->len; j++)
        {
          const KtTimelineMarker *marker = kt_timeline_lane_get_marker (lane, j);

          if (marker->item_id == item_id && marker->kind == kind)
            {
              out->lane = i;
              out->marker = j;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* Where keyboard focus lands when it arrives without a marker: in the first
 * visible lane with markers, the one nearest today. */
static gboolean
initial_marker (KtTimeline          *self,
                KtTimelineMarkerRef *out)
{
  const KtTimelineRowBox *rows;
  guint n_rows, lane;
  GDate today;

  kt_timeline_sync_layout (self);
  rows = kt_timeline_layout_get_rows (self->layout, &n_rows);
  kt_timeline_effective_today (self, &today);

  if (n_rows > 0 &&
      kt_timeline_layout_find_lane_with_markers (self->layout, rows[0].lane, TRUE, &lane) &&
      kt_timeline_layout_nearest_in_lane (self->layout, lane, g_date_get_julian (&today), out))
    return TRUE;

  return kt_timeline_layout_walk (self->layout, NULL, KT_TIMELINE_WALK_NEXT, out);
}

void
kt_timeline_pick_initial_focus (KtTimeline *self)
{
  KtTimelineMarkerRef ref;

  /* Before the first allocation nothing is visible yet: size_allocate
   * calls again */
  if (!self->has_focus_ref && gtk_widget_get_width (GTK_WIDGET (self)) > 0 &&
      gtk_widget_has_focus (GTK_WIDGET (self)) && initial_marker (self, &ref))
    kt_timeline_set_focus_ref (self, &ref, TRUE);
}

static void
focus_enter_cb (KtTimeline *self)
{
  kt_timeline_pick_initial_focus (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (KtTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- Actions ---------------------------------------------------------- */

static void
walk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KtTimeline *self = KT_TIMELINE (widget);
  KtTimelineWalk walk;
  KtTimelineMarkerRef ref;
  gboolean moved;

  if (g_str_equal (action_name, "timeline.next"))
    walk = KT_TIMELINE_WALK_NEXT;
  else if (g_str_equal (action_name, "timeline.previous"))
    walk = KT_TIMELINE_WALK_PREVIOUS;
  else if (g_str_equal (action_name, "timeline.lane-up"))
    walk = KT_TIMELINE_WALK_UP;
  else
    walk = KT_TIMELINE_WALK_DOWN;

  kt_timeline_sync_layout (self);
  if (self->has_focus_ref)
    moved = kt_timeline_layout_walk (self->layout, &self->focus_ref, walk, &ref);
  else
    moved = initial_marker (self, &ref);

  if (moved)
    kt_timeline_set_focus_ref (self, &ref, TRUE);
  else
    gtk_widget_error_bell (widget);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KtTimeline *self = KT_TIMELINE (widget);

  if (self->has_focus_ref)
    kt_timeline_emit_activated (self, &self->focus_ref);
  else
    gtk_widget_error_bell (widget);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KtTimeline *self = KT_TIMELINE (widget);
  gboolean in = g_str_equal (action_name, "timeline.zoom-in");

  /* The zoom enum runs from the closest (month) to the widest (year) */
  if (in ? self->zoom == KT_TIMELINE_ZOOM_MONTH : self->zoom == KT_TIMELINE_ZOOM_YEAR)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  kt_timeline_zoom_at (self, in ? self->zoom - 1 : self->zoom + 1, -1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KtTimeline *self = KT_TIMELINE (widget);
  KtTimelineMarkerRef ref;
  GDate today;
  guint lane;

  kt_timeline_scroll_to_today (self);

  /* The focus follows to the deadline nearest today, in its lane */
  kt_timeline_effective_today (self, &today);
  kt_timeline_sync_layout (self);
  if (self->has_focus_ref)
    {
      lane = self->focus_ref.lane;
      if (kt_timeline_layout_nearest_in_lane (self->layout, lane, g_date_get_julian (&today), &ref))
        kt_timeline_set_focus_ref (self, &ref, TRUE);
    }
  else if (initial_marker (self, &ref))
    kt_timeline_set_focus_ref (self, &ref, TRUE);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KtTimeline *self = KT_TIMELINE (widget);
  double page = gtk_adjustment_get_page_increment (self->vadjustment);

  kt_timeline_scroll_by (self, 0, g_str_equal (action_name, "timeline.page-up") ? -page : page);
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             guint            keypad_keyval,
             GdkModifierType  modifiers,
             const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, NULL);
  if (keypad_keyval != 0)
    gtk_widget_class_add_binding_action (widget_class, keypad_keyval, modifiers, action, NULL);
}

void
kt_timeline_focus_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "timeline.next", NULL, walk_action);
  gtk_widget_class_install_action (widget_class, "timeline.previous", NULL, walk_action);
  gtk_widget_class_install_action (widget_class, "timeline.lane-up", NULL, walk_action);
  gtk_widget_class_install_action (widget_class, "timeline.lane-down", NULL, walk_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "timeline.page-up", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "timeline.page-down", NULL, page_action);

  add_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 0, "timeline.next");
  add_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, 0, "timeline.previous");
  add_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, "timeline.lane-up");
  add_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, "timeline.lane-down");
  add_binding (widget_class, GDK_KEY_Return, GDK_KEY_KP_Enter, 0, "timeline.activate");
  add_binding (widget_class, GDK_KEY_ISO_Enter, 0, 0, "timeline.activate");
  add_binding (widget_class, GDK_KEY_space, GDK_KEY_KP_Space, 0, "timeline.activate");
  add_binding (widget_class, GDK_KEY_plus, GDK_KEY_KP_Add, 0, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, 0, 0, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_plus, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out");
  add_binding (widget_class, GDK_KEY_minus, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out");
  add_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, 0, "timeline.today");
  add_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, 0, "timeline.page-up");
  add_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 0, "timeline.page-down");
}

void
kt_timeline_focus_init (KtTimeline *self)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  kt_timeline_update_accessible (self);
}

/* ---- Public API ------------------------------------------------------- */

gboolean
kt_timeline_get_focused_marker (KtTimeline *self,
                                gint64     *lane_id,
                                gint64     *item_id,
                                int        *kind)
{
  const KtTimelineLane *lane;
  const KtTimelineMarker *marker;

  g_return_val_if_fail (KT_IS_TIMELINE (self), FALSE);

  if (!self->has_focus_ref)
    return FALSE;

  lane = g_ptr_array_index (self->lanes, self->focus_ref.lane);
  marker = kt_timeline_lane_get_marker (lane, self->focus_ref.marker);
  if (lane_id != NULL)
    *lane_id = lane->id;
  if (item_id != NULL)
    *item_id = marker->item_id;
  if (kind != NULL)
    *kind = marker->kind;

  return TRUE;
}

gboolean
kt_timeline_focus_marker (KtTimeline *self,
                          gint64      lane_id,
                          gint64      item_id,
                          int         kind)
{
  KtTimelineMarkerRef ref;

  g_return_val_if_fail (KT_IS_TIMELINE (self), FALSE);

  if (!kt_timeline_find_marker (self, lane_id, item_id, kind, &ref))
    return FALSE;

  kt_timeline_set_focus_ref (self, &ref, TRUE);

  return TRUE;
}
