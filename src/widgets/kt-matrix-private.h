/* kt-matrix-private.h — shared by kt-matrix.c, kt-matrix-focus.c and
 * kt-matrix-input.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-matrix.h"
#include "kt-matrix-layout.h"
#include "kt-matrix-painter.h"

G_BEGIN_DECLS

struct _KtMatrix
{
  GtkWidget         parent_instance;

  GPtrArray        *scores;          /* KtSupplierScore *, the caller's */
  KtMatrixSettings *settings;        /* a copy */
  KtMatrixLayout   *layout;          /* NULL until needed; dropped when out of date */
  int               layout_width;
  int               layout_height;

  guint             editable : 1;
  guint             projector : 1;
  guint             hide_legend : 1;
  guint             press_on_bubble : 1;
  guint             dragging : 1;
  guint             drag_cancelled : 1;
  guint             has_pointer : 1;

  /* Supplier ids, not bubble indices: a new layout orders bubbles anew */
  gint64            focus_id;        /* 0: none */
  gint64            hover_id;
  gint64            press_id;

  /* Input state (kt-matrix-input.c), widget coordinates */
  double            pointer_x;
  double            pointer_y;
  double            press_x;
  double            press_y;
  double            drag_x;          /* where the dragged bubble is drawn */
  double            drag_y;
  GtkGesture       *drag_gesture;
};

/* The layout for the widget's current size, scores and type size; built
 * when needed. NULL while the widget has no size. */
KtMatrixLayout *kt_matrix_ensure_layout     (KtMatrix          *self);
/* Forgets the layout: the scores, font or size changed. */
void            kt_matrix_invalidate_layout (KtMatrix          *self);
/* The bubble index of a supplier in the current layout, -1 when not shown. */
int             kt_matrix_find_bubble       (KtMatrix          *self,
                                             gint64             supplier_id);
gint64          kt_matrix_bubble_supplier   (KtMatrix          *self,
                                             int                index);
void            kt_matrix_build_palette     (KtMatrix          *self,
                                             KtMatrixPalette   *palette);

/* 0 clears the focus. */
void            kt_matrix_set_focus_id      (KtMatrix          *self,
                                             gint64             supplier_id);
void            kt_matrix_emit_activated    (KtMatrix          *self,
                                             gint64             supplier_id);
void            kt_matrix_emit_moved        (KtMatrix          *self,
                                             gint64             supplier_id,
                                             guint              importance,
                                             guint              risk);
void            kt_matrix_update_accessible (KtMatrix          *self);
/* With keyboard focus and no focused bubble, focuses the first in tab
 * order. */
void            kt_matrix_pick_initial_focus (KtMatrix         *self);
/* After new scores: the hovered bubble may have gone. */
void            kt_matrix_update_hover      (KtMatrix          *self);
/* Stops a drag without moving anything. */
void            kt_matrix_cancel_drag       (KtMatrix          *self);
/* The bubble being dragged, drawn at the pointer over the painted matrix. */
void            kt_matrix_paint_drag        (KtMatrix          *self,
                                             cairo_t           *cr,
                                             const KtMatrixPalette *palette);

/* Pointer, dragging and tooltips: kt-matrix-input.c */
void            kt_matrix_input_class_init  (GtkWidgetClass    *widget_class);
void            kt_matrix_input_init        (KtMatrix          *self);
/* Keyboard focus, actions and keys: kt-matrix-focus.c */
void            kt_matrix_focus_class_init  (GtkWidgetClass    *widget_class);
void            kt_matrix_focus_init        (KtMatrix          *self);

G_END_DECLS
