/* kt-projector-window.h — projector mode for the portfolio committee
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_PROJECTOR_WINDOW (kt_projector_window_get_type ())

G_DECLARE_FINAL_TYPE (KtProjectorWindow, kt_projector_window, KT, PROJECTOR_WINDOW, AdwWindow)

/* The slides, in order. */
typedef enum {
  KT_PROJECTOR_FIGURES,      /* nøgletal */
  KT_PROJECTOR_MATRIX,       /* leverandørmatrix */
  KT_PROJECTOR_DEADLINES,    /* the next 12 months */
  KT_PROJECTOR_TENDER_PLAN,  /* udbudsplan */
  KT_PROJECTOR_SUPPLIERS,    /* top suppliers by annual spend */
} KtProjectorSlide;

#define KT_PROJECTOR_N_SLIDES (KT_PROJECTOR_SUPPLIERS + 1)

/* Full-screen slides for the portfolio committee (Porteføljeudvalg):
 * large type, near-black on white whatever the desktop theme, no private
 * notes. Reads @store once, here; what cannot be read is said on the
 * slides it concerns. Fullscreen when presented; @parent (may be NULL) gets
 * the focus back when it closes.
 *
 * Keys: Right, Space, Page Down next; Left, Page Up, BackSpace previous;
 * Home and End the first and last slide; Up and Down scroll a long slide;
 * Escape leaves. The same as the widget actions "projector.next",
 * "projector.previous", "projector.first", "projector.last" and
 * "projector.leave" (the header's buttons). The matrix answers clicks. */
GtkWidget        *kt_projector_window_new       (GtkWindow         *parent,
                                                 KtStore           *store);

KtProjectorSlide  kt_projector_window_get_slide (KtProjectorWindow *self);
void              kt_projector_window_set_slide (KtProjectorWindow *self,
                                                 KtProjectorSlide   slide);

G_END_DECLS
