/* kt-matrix-focus.c — the matrix's keyboard focus, its actions and keys,
 * and what screen readers are told
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One bubble at a time has the focus inside the widget. GTK 4.8 cannot give
 * a drawn widget accessible children, so the focused bubble's spoken text
 * is the widget's accessible description, updated as the focus moves.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-matrix-private.h"

void
kt_matrix_update_accessible (KtMatrix *self)
{
  g_autofree char *description = NULL;
  KtMatrixLayout *layout = kt_matrix_ensure_layout (self);
  int index = kt_matrix_find_bubble (self, self->focus_id);

  if (layout != NULL && index >= 0)
    description = kt_matrix_bubble_describe (kt_matrix_layout_get_bubble (layout, index));
  else
    description = g_strdup (_("Use the arrow keys to move between suppliers, Home and End for the "
                              "first and last, and Enter to show one. The table button above shows "
                              "the same suppliers as a table."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
kt_matrix_set_focus_id (KtMatrix *self,
                        gint64    supplier_id)
{
  gboolean changed = self->focus_id != supplier_id;

  self->focus_id = supplier_id;
  /* Also unchanged: the bubble's numbers may be new */
  kt_matrix_update_accessible (self);

  if (changed)
    {
      /* A tooltip shown by the keyboard follows the focus */
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
kt_matrix_pick_initial_focus (KtMatrix *self)
{
  KtMatrixLayout *layout;
  int first;

  /* Before the first allocation there are no bubbles yet: size_allocate
   * calls again */
  if (self->focus_id != 0 || !gtk_widget_has_focus (GTK_WIDGET (self)) ||
      (layout = kt_matrix_ensure_layout (self)) == NULL)
    return;

  first = kt_matrix_layout_next (layout, -1, GTK_DIR_TAB_FORWARD);
  if (first >= 0)
    kt_matrix_set_focus_id (self, kt_matrix_bubble_supplier (self, first));
}

static void
focus_enter_cb (KtMatrix *self)
{
  kt_matrix_pick_initial_focus (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (KtMatrix *self)
{
  kt_matrix_cancel_drag (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- Actions ---------------------------------------------------------- */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KtMatrix *self = KT_MATRIX (widget);
  KtMatrixLayout *layout = kt_matrix_ensure_layout (self);
  int from = kt_matrix_find_bubble (self, self->focus_id);
  int direction, to;

  if (layout == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (g_str_equal (action_name, "matrix.up"))
    direction = GTK_DIR_UP;
  else if (g_str_equal (action_name, "matrix.down"))
    direction = GTK_DIR_DOWN;
  else if (g_str_equal (action_name, "matrix.left"))
    direction = GTK_DIR_LEFT;
  else if (g_str_equal (action_name, "matrix.right"))
    direction = GTK_DIR_RIGHT;
  else if (g_str_equal (action_name, "matrix.next"))
    direction = GTK_DIR_TAB_FORWARD;
  else
    direction = GTK_DIR_TAB_BACKWARD;

  /* Nothing focused yet: any key starts at the first in tab order */
  if (from < 0)
    to = kt_matrix_layout_next (layout, -1, GTK_DIR_TAB_FORWARD);
  else
    to = kt_matrix_layout_next (layout, from, direction);

  if (to >= 0)
    kt_matrix_set_focus_id (self, kt_matrix_bubble_supplier (self, to));
  else
    gtk_widget_error_bell (widget);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KtMatrix *self = KT_MATRIX (widget);
  KtMatrixLayout *layout = kt_matrix_ensure_layout (self);
  gboolean first = g_str_equal (action_name, "matrix.first");
  int to;

  if (layout == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  /* From no bubble, tab order starts at either end */
  to = kt_matrix_layout_next (layout, -1, first ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD);
  if (to >= 0)
    kt_matrix_set_focus_id (self, kt_matrix_bubble_supplier (self, to));
  else
    gtk_widget_error_bell (widget);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KtMatrix *self = KT_MATRIX (widget);

  if (kt_matrix_find_bubble (self, self->focus_id) >= 0)
    kt_matrix_emit_activated (self, self->focus_id);
  else
    gtk_widget_error_bell (widget);
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             guint            keypad_keyval,
             const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, action, NULL);
  if (keypad_keyval != 0)
    gtk_widget_class_add_binding_action (widget_class, keypad_keyval, 0, action, NULL);
}

void
kt_matrix_focus_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "matrix.up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "matrix.down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "matrix.left", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "matrix.right", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "matrix.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "matrix.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "matrix.first", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "matrix.last", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "matrix.activate", NULL, activate_action);

  add_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, "matrix.up");
  add_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, "matrix.down");
  add_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, "matrix.left");
  add_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, "matrix.right");
  /* Tab leaves the widget; Page Up/Down walk the tab order inside it, for
   * those who would rather go through every supplier in turn */
  add_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, "matrix.next");
  add_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, "matrix.previous");
  add_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, "matrix.first");
  add_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, "matrix.last");
  add_binding (widget_class, GDK_KEY_Return, GDK_KEY_KP_Enter, "matrix.activate");
  add_binding (widget_class, GDK_KEY_ISO_Enter, 0, "matrix.activate");
  add_binding (widget_class, GDK_KEY_space, GDK_KEY_KP_Space, "matrix.activate");
}

void
kt_matrix_focus_init (KtMatrix *self)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  kt_matrix_update_accessible (self);
}
