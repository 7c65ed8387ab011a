/* kt-presence-button.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-presence-button.h"
#include "kt-time-stamp.h"

struct _KtPresenceButton
{
  GtkWidget   parent_instance;

  GtkWidget  *menu_button;
  GtkWidget  *count_label;
  GtkWidget  *list;

  KtPresence *presence;
};

G_DEFINE_FINAL_TYPE (KtPresenceButton, kt_presence_button, GTK_TYPE_WIDGET)

/* “since 09:14” today, “since 26.11.2026 09:14” on an earlier day: a
 * session left open overnight should look like one. */
static char *
format_since (GDateTime *since)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *iso = NULL;

  if (since == NULL)
    return g_strdup ("");

  if (g_date_time_get_year (since) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (since) == g_date_time_get_day_of_year (now))
    return g_date_time_format (since, "%H:%M");

  utc = g_date_time_to_utc (since);
  iso = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  return kt_time_stamp_format (iso);
}

static GtkWidget *
session_row_new (const KtSession *session)
{
  g_autofree char *since = format_since (session->since);
  g_autofree char *detail = NULL;
  g_autofree char *sentence = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (session->display_name);
  GtkWidget *where;

  /* Translators: a colleague's login name, computer and a time, "aje on pc-123, since 09:14" */
  detail = g_strdup_printf (_("%s on %s, since %s"), session->user, session->host, since);
  where = gtk_label_new (detail);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_wrap (GTK_LABEL (where), TRUE);
  gtk_widget_add_css_class (where, "dim-label");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), where);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  /* Translators: a colleague's name, then "aje on pc-123, since 09:14" */
  sentence = g_strdup_printf (_("%s, %s"), session->display_name, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sentence,
                                  -1);

  return row;
}

static void
update (KtPresenceButton *self)
{
  GPtrArray *others = self->presence != NULL ? kt_presence_get_others (self->presence) : NULL;
  guint count = others != NULL ? others->len : 0;
  g_autofree char *number = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  gtk_widget_set_visible (GTK_WIDGET (self), count > 0);
  if (count == 0)
    {
      gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
      return;
    }

  for (guint i = 0; i < count; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), session_row_new (g_ptr_array_index (others, i)));

  number = g_strdup_printf ("%u", count);
  gtk_label_set_label (GTK_LABEL (self->count_label), number);

  summary = g_strdup_printf (ngettext ("%u colleague has this portfolio open",
                                       "%u colleagues have this portfolio open", count),
                             count);
  gtk_widget_set_tooltip_text (self->menu_button, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  -1);
}

static GtkWidget *
popover_new (KtPresenceButton *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Also in This Portfolio"));
  GtkWidget *note = gtk_label_new (_("What they save shows here within a few seconds. "
                                     "If you both change the same thing, you choose what to keep."));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 36);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colleagues in this portfolio"),
                                  -1);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), self->list);
  gtk_box_append (GTK_BOX (box), note);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  return popover;
}

static void
kt_presence_button_dispose (GObject *object)
{
  KtPresenceButton *self = KT_PRESENCE_BUTTON (object);

  kt_presence_button_set_presence (self, NULL);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);

  G_OBJECT_CLASS (kt_presence_button_parent_class)->dispose (object);
}

static void
kt_presence_button_class_init (KtPresenceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_presence_button_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "presencebutton");
}

static void
kt_presence_button_init (KtPresenceButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("system-users-symbolic");

  self->count_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->count_label, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), self->count_label);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->menu_button), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover_new (self));
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
kt_presence_button_new (void)
{
  return g_object_new (KT_TYPE_PRESENCE_BUTTON, NULL);
}

void
kt_presence_button_set_presence (KtPresenceButton *self,
                                 KtPresence       *presence)
{
  g_return_if_fail (KT_IS_PRESENCE_BUTTON (self));
  g_return_if_fail (presence == NULL || KT_IS_PRESENCE (presence));

  if (self->presence == presence)
    return;

  if (self->presence != NULL)
    g_signal_handlers_disconnect_by_data (self->presence, self);
  g_set_object (&self->presence, presence);
  if (presence != NULL)
    g_signal_connect_swapped (presence, "changed", G_CALLBACK (update), self);

  update (self);
}
