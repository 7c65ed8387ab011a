/* kt-clause-row.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-clause-row.h"
#include "kt-format.h"

#define FIRST_WORDS 12
#define CLAUSE_KEY  "kt-clause"

char *
kt_clause_first_words (const char *text,
                       guint       max_words)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  if (text == NULL)
    return g_strdup ("");

  words = g_strsplit_set (text, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (n == max_words)
        {
          g_string_append (out, "…");
          break;
        }
      if (n > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
      n++;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GdkRGBA colour;

  if (!gdk_rgba_parse (&colour, data))
    return;

  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill_preserve (cr);
  /* An edge, so that a light colour still reads on a light sidebar */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_stroke (cr);
}

static GtkWidget *
dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

static GMenuModel *
row_menu (gint64 id)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  static const struct {
    const char *label;
    const char *action;
  } items[] = {
    { N_("_Edit Category and Note…"), "clause.edit" },
    { N_("_Create Activity…"), "clause.create-activity" },
    { N_("_Link to Activity…"), "clause.link-activity" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_int64 (id));
      g_menu_append_item (menu, item);
    }

  {
    /* Translators: removes a marked clause (the highlight), not text */
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Remove Clause"), NULL);

    g_menu_item_set_action_and_target_value (item, "clause.remove", g_variant_new_int64 (id));
    g_menu_append_item (section, item);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  return G_MENU_MODEL (menu);
}

static gboolean
row_key_pressed_cb (GtkEventControllerKey *keys,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GtkMenuButton         *button)
{
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK) != 0))
    {
      gtk_menu_button_popup (button);
      return TRUE;
    }

  return FALSE;
}

GtkWidget *
kt_clause_row_new (KtClause         *clause,
                   const char       *where,
                   const KtActivity *activity,
                   const char       *menu_tooltip)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *words_label;
  GtkWidget *menu_button;
  GtkEventController *keys;
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GString) spoken = g_string_new (NULL);
  g_autofree char *words = kt_clause_first_words (clause->text, FIRST_WORDS);

  g_object_set_data (G_OBJECT (row), CLAUSE_KEY, clause);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 6);
  gtk_widget_set_valign (swatch, GTK_ALIGN_FILL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                  g_strdup (clause->colour), g_free);
  gtk_box_append (GTK_BOX (box), swatch);

  gtk_box_append (GTK_BOX (texts), dim_label (where));
  g_string_append (spoken, where);

  words_label = gtk_label_new (words);
  gtk_label_set_xalign (GTK_LABEL (words_label), 0);
  gtk_label_set_wrap (GTK_LABEL (words_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (words_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (words_label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (words_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), words_label);
  g_string_append_printf (spoken, ": %s", words);

  if (clause->note != NULL && *clause->note != '\0')
    {
      GtkWidget *note = gtk_label_new (clause->note);

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (note), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (texts), note);
      /* "…" already ends the words */
      g_string_append (spoken, g_str_has_suffix (spoken->str, "…") ? " " : ". ");
      /* Translators: read to screen readers after a clause's first words */
      g_string_append_printf (spoken, _("Note: %s"), clause->note);
    }

  if (activity != NULL)
    {
      g_autofree char *deadline = kt_format_date (&activity->deadline);
      g_autofree char *text = NULL;

      if (g_date_valid (&activity->deadline))
        /* Translators: the activity a clause is linked to: its description and deadline */
        text = g_strdup_printf (_("Activity: %s, %s"), activity->description, deadline);
      else
        /* Translators: the activity a clause is linked to */
        text = g_strdup_printf (_("Activity: %s"), activity->description);
      gtk_box_append (GTK_BOX (texts), dim_label (text));
      g_string_append (spoken, g_str_has_suffix (spoken->str, ".") ||
                               g_str_has_suffix (spoken->str, "…") ? " " : ". ");
      g_string_append (spoken, text);
    }

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);

  menu = row_menu (clause->id);
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, menu_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clause Menu"),
                                  -1);
  gtk_box_append (GTK_BOX (box), menu_button);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 2);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str,
                                  -1);
  gtk_widget_set_tooltip_text (row, clause->text);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (row_key_pressed_cb), menu_button);
  gtk_widget_add_controller (row, keys);

  return row;
}

KtClause *
kt_clause_row_get_clause (GtkListBoxRow *row)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);

  return g_object_get_data (G_OBJECT (row), CLAUSE_KEY);
}
