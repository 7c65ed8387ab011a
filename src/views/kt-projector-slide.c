/* kt-projector-slide.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-projector-slide.h"

GtkWidget *
kt_projector_label_new (const char *text,
                        const char *css_class,
                        gboolean    ellipsize)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    {
      /* Without a width to start from, a wrapping label asks for the height
       * of one word per line, and the window for more than the screen. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

GtkWidget *
kt_projector_slide_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);

  gtk_widget_add_css_class (box, "kt-projector-slide");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_vexpand (box, TRUE);

  return box;
}

GtkWidget *
kt_projector_scroller_new (GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* An overlay scroll bar only shows while the pointer moves: the room
   * would not know the list goes on. */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
  gtk_widget_set_vexpand (scroller, TRUE);

  return scroller;
}

GtkScrolledWindow *
kt_projector_slide_find_scroller (GtkWidget *slide)
{
  if (slide == NULL)
    return NULL;
  if (GTK_IS_SCROLLED_WINDOW (slide))
    return GTK_SCROLLED_WINDOW (slide);

  for (GtkWidget *child = gtk_widget_get_first_child (slide);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = kt_projector_slide_find_scroller (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
kt_projector_slide_message_new (const char *title,
                                const char *detail)
{
  GtkWidget *box = kt_projector_slide_box_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);

  gtk_widget_set_valign (inner, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (inner, TRUE);
  gtk_box_append (GTK_BOX (inner), kt_projector_label_new (title, "kt-figure-label", FALSE));
  if (detail != NULL)
    gtk_box_append (GTK_BOX (inner), kt_projector_label_new (detail, NULL, FALSE));
  gtk_box_append (GTK_BOX (box), inner);

  return box;
}
