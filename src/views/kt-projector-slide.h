/* kt-projector-slide.h — what the slides of projector mode share
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every slide is a plain widget tree of real GtkLabels (screen readers read
 * them as they are), styled by kt-projector.css under the projector
 * window: large type, near-black on white. A slide that is longer than the
 * screen scrolls; the window scrolls it with Up and Down.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A label aligned to the start, wrapping (or ellipsized when @ellipsize),
 * with @css_class (may be NULL). */
GtkWidget *kt_projector_label_new          (const char   *text,
                                            const char   *css_class,
                                            gboolean      ellipsize);

/* The box every slide is: vertical, with the slide's padding. */
GtkWidget *kt_projector_slide_box_new      (void);

/* A vertical scroller for content longer than the screen, with a scroll
 * bar that stays visible so that the room sees there is more. */
GtkWidget *kt_projector_scroller_new       (GtkWidget    *child);

/* The first scroller inside @slide, or NULL. */
GtkScrolledWindow *kt_projector_slide_find_scroller (GtkWidget *slide);

/* A slide that only says something: why the portfolio could not be read,
 * or that there is nothing to show. */
GtkWidget *kt_projector_slide_message_new  (const char   *title,
                                            const char   *detail);

G_END_DECLS
