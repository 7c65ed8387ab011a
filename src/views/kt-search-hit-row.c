/* kt-search-hit-row.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-search-hit-row.h"

struct _KtSearchHitRow
{
  GtkListBoxRow  parent_instance;

  KtSearchHit   *hit;
};

G_DEFINE_FINAL_TYPE (KtSearchHitRow, kt_search_hit_row, GTK_TYPE_LIST_BOX_ROW)

char *
kt_search_hit_row_title (const KtSearchHit *hit)
{
  g_return_val_if_fail (hit != NULL, NULL);

  if (hit->contract_number == NULL || *hit->contract_number == '\0')
    return g_strdup (hit->contract_name != NULL ? hit->contract_name : "");
  if (hit->contract_name == NULL || *hit->contract_name == '\0')
    return g_strdup (hit->contract_number);
  /* Translators: a contract's number and name, "K-2024-007 Økonomisystem" */
  return g_strdup_printf (C_("contract number and name", "%s %s"),
                          hit->contract_number, hit->contract_name);
}

static GtkWidget *
line_new (const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
kt_search_hit_row_finalize (GObject *object)
{
  KtSearchHitRow *self = KT_SEARCH_HIT_ROW (object);

  g_clear_pointer (&self->hit, kt_search_hit_free);

  G_OBJECT_CLASS (kt_search_hit_row_parent_class)->finalize (object);
}

static void
kt_search_hit_row_class_init (KtSearchHitRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kt_search_hit_row_finalize;
}

static void
kt_search_hit_row_init (KtSearchHitRow *self)
{
}

GtkWidget *
kt_search_hit_row_new (const KtSearchHit *hit)
{
  KtSearchHitRow *self;
  g_autofree char *title = NULL;
  g_autofree char *where = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *label = NULL;
  GtkWidget *box;
  GtkWidget *line;

  g_return_val_if_fail (hit != NULL, NULL);

  self = g_object_new (KT_TYPE_SEARCH_HIT_ROW, "activatable", TRUE, NULL);
  self->hit = kt_search_hit_copy (hit);

  title = kt_search_hit_row_title (hit);
  where = kt_search_hit_describe_where (hit);
  markup = kt_search_hit_snippet_markup (hit);
  plain = kt_search_hit_plain_snippet (hit);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  line = line_new ("heading");
  gtk_label_set_text (GTK_LABEL (line), title);
  gtk_box_append (GTK_BOX (box), line);

  line = line_new ("dim-label");
  gtk_label_set_text (GTK_LABEL (line), where);
  gtk_box_append (GTK_BOX (box), line);

  if (plain != NULL && *plain != '\0')
    {
      line = line_new (NULL);
      gtk_label_set_markup (GTK_LABEL (line), markup);
      gtk_label_set_lines (GTK_LABEL (line), 3);
      gtk_label_set_ellipsize (GTK_LABEL (line), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), line);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  if (plain != NULL && *plain != '\0')
    /* Translators: what a screen reader says for a search hit: the
     * contract, where in it, and the words around the match */
    label = g_strdup_printf (_("%s, %s: %s"), title, where, plain);
  else
    /* Translators: the contract and where in it */
    label = g_strdup_printf (_("%s, %s"), title, where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return GTK_WIDGET (self);
}

const KtSearchHit *
kt_search_hit_row_get_hit (KtSearchHitRow *self)
{
  g_return_val_if_fail (KT_IS_SEARCH_HIT_ROW (self), NULL);

  return self->hit;
}
