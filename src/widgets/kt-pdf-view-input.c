/* kt-pdf-view-input.c — the PDF view's pointer, text selection, keys and
 * clipboard
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Selecting asks poppler for the text under the drag. That takes the
 * document's lock, which the render worker may hold for a while, so it
 * runs in a thread; only the newest drag's answer is applied.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include "kt-pdf-view-private.h"

/* Pixels the pointer moves before a press becomes a selection drag */
#define DRAG_THRESHOLD 4.0
/* Touchpad pixels of Ctrl+scroll per zoom step */
#define ZOOM_SCROLL_PIXELS 60.0
/* Points around a highlight's rectangles that still hit it */
#define HIT_SLOP 1.0

/* ---- Selection -------------------------------------------------------- */

typedef struct {
  KtPdfDocument *document;
  guint          page;
  double         from_x, from_y, to_x, to_y;
  guint          serial;
  char          *text;
  GArray        *rects;
  gboolean       selected;
} SelectJob;

static void
select_job_free (SelectJob *job)
{
  g_clear_object (&job->document);
  g_clear_pointer (&job->text, g_free);
  g_clear_pointer (&job->rects, g_array_unref);
  g_free (job);
}

static void
select_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SelectJob *job = task_data;

  job->selected = kt_pdf_document_select (job->document, job->page,
                                          job->from_x, job->from_y, job->to_x, job->to_y,
                                          &job->text, &job->rects);
  g_task_return_boolean (task, TRUE);
}

static void start_select (KtPdfView *self);

static void
set_selection (KtPdfView *self,
               guint      page,
               GArray    *rects,
               char      *text)
{
  gboolean had = self->has_selection;

  g_clear_pointer (&self->selection_rects, g_array_unref);
  g_clear_pointer (&self->selection_text, g_free);
  self->has_selection = rects != NULL && rects->len > 0 && text != NULL && *text != '\0';
  self->selection_page = page;
  if (self->has_selection)
    {
      self->selection_rects = g_array_ref (rects);
      self->selection_text = g_strdup (text);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf-view.copy", self->has_selection);
  if (had != self->has_selection)
    kt_pdf_view_notify (self, KT_PDF_VIEW_PROP_HAS_SELECTION);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = G_TASK (result);
  SelectJob *job = g_task_get_task_data (task);
  KtPdfView *self;

  /* Another document, or the view is gone */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;

  self = user_data;
  self->select_running = FALSE;

  /* Unless a newer drag started, or the selection was cleared meanwhile */
  if (job->serial == self->select_serial)
    set_selection (self, job->page, job->selected ? job->rects : NULL, job->text);

  /* The drag moved on while poppler was asked */
  if (self->select_again)
    start_select (self);
}

static void
start_select (KtPdfView *self)
{
  g_autoptr(GTask) task = NULL;
  SelectJob *job;

  if (self->select_cancellable == NULL)
    self->select_cancellable = g_cancellable_new ();

  job = g_new0 (SelectJob, 1);
  job->document = g_object_ref (self->document);
  job->page = self->drag_page;
  job->from_x = self->drag_x;
  job->from_y = self->drag_y;
  job->to_x = self->drag_to_x;
  job->to_y = self->drag_to_y;
  job->serial = self->select_serial;

  self->select_running = TRUE;
  self->select_again = FALSE;

  /* No source object: the task must not keep the view alive */
  task = g_task_new (NULL, self->select_cancellable, select_done_cb, self);
  g_task_set_source_tag (task, start_select);
  g_task_set_task_data (task, job, (GDestroyNotify) select_job_free);
  g_task_run_in_thread (task, select_thread);
}

void
kt_pdf_view_select_cancel (KtPdfView *self)
{
  if (self->select_cancellable != NULL)
    g_cancellable_cancel (self->select_cancellable);
  g_clear_object (&self->select_cancellable);
  self->select_running = FALSE;
  self->select_again = FALSE;
}

void
kt_pdf_view_select_begin (KtPdfView *self,
                          double     x,
                          double     y)
{
  self->select_serial++;
  self->select_again = FALSE;
  self->dragging = FALSE;

  if (!kt_pdf_view_page_at (self, x, y, &self->drag_page, &self->drag_x, &self->drag_y))
    self->drag_page = G_MAXUINT;
}

void
kt_pdf_view_select_update (KtPdfView *self,
                           double     x,
                           double     y)
{
  graphene_rect_t rect;

  if (self->drag_page >= self->n_pages)
    return;

  /* The selection stays on the page where the drag started */
  kt_pdf_view_get_page_rect (self, self->drag_page, &rect);
  self->drag_to_x = CLAMP ((x - rect.origin.x) / self->zoom, 0, self->page_width[self->drag_page]);
  self->drag_to_y = CLAMP ((y - rect.origin.y) / self->zoom, 0, self->page_height[self->drag_page]);
  self->dragging = TRUE;

  if (self->select_running)
    self->select_again = TRUE;
  else
    start_select (self);
}

KtClause *
kt_pdf_view_clause_at (KtPdfView *self,
                       double     x,
                       double     y)
{
  double px, py;
  guint page;

  if (self->clauses == NULL || !kt_pdf_view_page_at (self, x, y, &page, &px, &py))
    return NULL;

  /* The last drawn is on top */
  for (guint i = self->clauses->len; i > 0; i--)
    {
      KtClause *clause = g_ptr_array_index (self->clauses, i - 1);

      if (clause->page != page)
        continue;

      for (guint j = 0; j < clause->quads->len; j++)
        {
          const KtPageRect *r = &g_array_index (clause->quads, KtPageRect, j);

          if (px >= r->x1 - HIT_SLOP && px <= r->x2 + HIT_SLOP &&
              py >= r->y1 - HIT_SLOP && py <= r->y2 + HIT_SLOP)
            return clause;
        }
    }

  return NULL;
}

void
kt_pdf_view_click (KtPdfView *self,
                   double     x,
                   double     y)
{
  KtClause *clause = kt_pdf_view_clause_at (self, x, y);

  kt_pdf_view_clear_selection (self);
  if (clause != NULL)
    kt_pdf_view_emit_clause_activated (self, clause);
}

/* ---- Pointer ---------------------------------------------------------- */

static void
update_cursor (KtPdfView *self)
{
  const char *name = NULL;

  if (!self->has_pointer)
    return;

  if (kt_pdf_view_clause_at (self, self->pointer_x, self->pointer_y) != NULL && !self->dragging)
    name = "pointer";
  else if (kt_pdf_view_page_at (self, self->pointer_x, self->pointer_y, NULL, NULL, NULL))
    name = "text";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
motion_cb (KtPdfView *self,
           double     x,
           double     y)
{
  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  update_cursor (self);
}

static void
leave_cb (KtPdfView *self)
{
  self->has_pointer = FALSE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               KtPdfView      *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  kt_pdf_view_select_begin (self, x, y);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                KtPdfView      *self)
{
  double x, y;

  if (!self->dragging && hypot (dx, dy) < DRAG_THRESHOLD)
    return;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  kt_pdf_view_select_update (self, x + dx, y + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             KtPdfView      *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (!self->dragging)
    kt_pdf_view_click (self, x, y);
  self->dragging = FALSE;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           KtPdfView                *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  /* Plain scrolling is the GtkScrolledWindow's: it scrolls the same
   * adjustments, with kinetic scrolling and overshoot */
  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  self->zoom_scroll += wheel ? dy : dy / ZOOM_SCROLL_PIXELS;
  if (self->zoom_scroll <= -1 || self->zoom_scroll >= 1)
    {
      double x = self->has_pointer ? self->pointer_x : -1;
      double y = self->has_pointer ? self->pointer_y : -1;

      kt_pdf_view_zoom_step_at (self, self->zoom_scroll < 0 ? 1 : -1, x, y);
      self->zoom_scroll = 0;
    }

  return TRUE;
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                KtPdfView        *self)
{
  self->pinch_base = self->zoom;
}

static void
pinch_scale_changed_cb (GtkGestureZoom *gesture,
                        double          scale,
                        KtPdfView      *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = y = -1;

  kt_pdf_view_set_zoom_mode (self, KT_PDF_ZOOM_FREE);
  kt_pdf_view_zoom_at (self, self->pinch_base * scale, x, y);
}

/* ---- Keys ------------------------------------------------------------- */

static void
scroll_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KtPdfView *self = KT_PDF_VIEW (widget);
  double v = gtk_adjustment_get_step_increment (self->vadjustment);
  double h = gtk_adjustment_get_step_increment (self->hadjustment);
  double page = gtk_adjustment_get_page_increment (self->vadjustment);
  const char *what = action_name + strlen ("pdf-view.");

  if (g_str_equal (what, "scroll-up"))
    kt_pdf_view_scroll_by (self, 0, -v);
  else if (g_str_equal (what, "scroll-down"))
    kt_pdf_view_scroll_by (self, 0, v);
  else if (g_str_equal (what, "scroll-left"))
    kt_pdf_view_scroll_by (self, -h, 0);
  else if (g_str_equal (what, "scroll-right"))
    kt_pdf_view_scroll_by (self, h, 0);
  else if (g_str_equal (what, "page-up"))
    kt_pdf_view_scroll_by (self, 0, -page);
  else if (g_str_equal (what, "page-down"))
    kt_pdf_view_scroll_by (self, 0, page);
}

static void
goto_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KtPdfView *self = KT_PDF_VIEW (widget);
  const char *what = action_name + strlen ("pdf-view.");
  guint page = kt_pdf_view_get_page (self);

  if (self->n_pages == 0)
    return;

  if (g_str_equal (what, "first-page"))
    kt_pdf_view_set_page (self, 0);
  else if (g_str_equal (what, "last-page"))
    {
      /* The end of the document, however long the last page */
      kt_pdf_view_set_page (self, self->n_pages - 1);
      gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_upper (self->vadjustment));
      kt_pdf_view_set_current_page (self, self->n_pages - 1);
    }
  else if (g_str_equal (what, "next-page") && page + 1 < self->n_pages)
    kt_pdf_view_set_page (self, page + 1);
  else if (g_str_equal (what, "previous-page") && page > 0)
    kt_pdf_view_set_page (self, page - 1);
  else
    gtk_widget_error_bell (widget);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KtPdfView *self = KT_PDF_VIEW (widget);

  if (g_str_equal (action_name, "pdf-view.zoom-in"))
    kt_pdf_view_zoom_in (self);
  else if (g_str_equal (action_name, "pdf-view.zoom-out"))
    kt_pdf_view_zoom_out (self);
  else
    kt_pdf_view_set_zoom_mode (self, KT_PDF_ZOOM_FIT_WIDTH);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kt_pdf_view_copy_selection (KT_PDF_VIEW (widget));
}

static gboolean
key_pressed_cb (KtPdfView       *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  /* Escape is only taken while there is a selection: otherwise it is the
   * window's (closing the find bar, say) */
  if (keyval == GDK_KEY_Escape && self->has_selection)
    {
      kt_pdf_view_clear_selection (self);
      return TRUE;
    }

  return FALSE;
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
kt_pdf_view_input_class_init (GtkWidgetClass *widget_class)
{
  const char *scrolls[] = { "scroll-up", "scroll-down", "scroll-left", "scroll-right",
                            "page-up", "page-down" };
  const char *gotos[] = { "first-page", "last-page", "next-page", "previous-page" };

  for (guint i = 0; i < G_N_ELEMENTS (scrolls); i++)
    {
      g_autofree char *name = g_strconcat ("pdf-view.", scrolls[i], NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, scroll_action);
    }
  for (guint i = 0; i < G_N_ELEMENTS (gotos); i++)
    {
      g_autofree char *name = g_strconcat ("pdf-view.", gotos[i], NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, goto_action);
    }
  gtk_widget_class_install_action (widget_class, "pdf-view.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf-view.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf-view.zoom-fit-width", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf-view.copy", NULL, copy_action);

  add_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, "pdf-view.scroll-up");
  add_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, "pdf-view.scroll-down");
  add_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, 0, "pdf-view.scroll-left");
  add_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 0, "pdf-view.scroll-right");
  add_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, 0, "pdf-view.page-up");
  add_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 0, "pdf-view.page-down");
  add_binding (widget_class, GDK_KEY_space, GDK_KEY_KP_Space, 0, "pdf-view.page-down");
  add_binding (widget_class, GDK_KEY_space, GDK_KEY_KP_Space, GDK_SHIFT_MASK, "pdf-view.page-up");
  add_binding (widget_class, GDK_KEY_BackSpace, 0, 0, "pdf-view.page-up");
  add_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, 0, "pdf-view.first-page");
  add_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, GDK_CONTROL_MASK, "pdf-view.first-page");
  add_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, 0, "pdf-view.last-page");
  add_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, GDK_CONTROL_MASK, "pdf-view.last-page");
  add_binding (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, GDK_CONTROL_MASK, "pdf-view.next-page");
  add_binding (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, GDK_CONTROL_MASK, "pdf-view.previous-page");
  add_binding (widget_class, GDK_KEY_n, 0, 0, "pdf-view.next-page");
  add_binding (widget_class, GDK_KEY_p, 0, 0, "pdf-view.previous-page");
  add_binding (widget_class, GDK_KEY_plus, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf-view.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, 0, GDK_CONTROL_MASK, "pdf-view.zoom-in");
  add_binding (widget_class, GDK_KEY_plus, GDK_KEY_KP_Add, 0, "pdf-view.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf-view.zoom-out");
  add_binding (widget_class, GDK_KEY_minus, GDK_KEY_KP_Subtract, 0, "pdf-view.zoom-out");
  add_binding (widget_class, GDK_KEY_0, GDK_KEY_KP_0, GDK_CONTROL_MASK, "pdf-view.zoom-fit-width");
  add_binding (widget_class, GDK_KEY_c, 0, GDK_CONTROL_MASK, "pdf-view.copy");
  add_binding (widget_class, GDK_KEY_Insert, GDK_KEY_KP_Insert, GDK_CONTROL_MASK, "pdf-view.copy");
}

void
kt_pdf_view_input_init (KtPdfView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf-view.copy", FALSE);
}

/* ---- Public API ------------------------------------------------------- */

gboolean
kt_pdf_view_get_selection (KtPdfView  *self,
                           guint      *page,
                           GArray    **rects,
                           char      **text)
{
  g_return_val_if_fail (KT_IS_PDF_VIEW (self), FALSE);

  if (!self->has_selection)
    return FALSE;

  if (page != NULL)
    *page = self->selection_page;
  if (rects != NULL)
    {
      *rects = g_array_sized_new (FALSE, FALSE, sizeof (KtPageRect), self->selection_rects->len);
      g_array_append_vals (*rects, self->selection_rects->data, self->selection_rects->len);
    }
  if (text != NULL)
    *text = g_strdup (self->selection_text);

  return TRUE;
}

void
kt_pdf_view_clear_selection (KtPdfView *self)
{
  g_return_if_fail (KT_IS_PDF_VIEW (self));

  /* An answer still on its way is for a selection that is gone */
  self->select_serial++;
  self->select_again = FALSE;
  self->drag_page = G_MAXUINT;
  set_selection (self, 0, NULL, NULL);
}

void
kt_pdf_view_copy_selection (KtPdfView *self)
{
  g_return_if_fail (KT_IS_PDF_VIEW (self));

  if (!self->has_selection)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->selection_text);
}
