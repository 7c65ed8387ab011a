/* kt-choice-row.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-choice-row.h"

struct _KtChoiceRow
{
  AdwActionRow    parent_instance;

  GtkWidget      *dropdown;
  GtkStringList  *labels;
  GArray         *ids;        /* gint64, parallel to labels */
  gboolean        setting;
};

G_DEFINE_FINAL_TYPE (KtChoiceRow, kt_choice_row, ADW_TYPE_ACTION_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
selected_cb (KtChoiceRow *self)
{
  if (!self->setting)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      /* The chosen name, in the row: long names must not widen the form,
       * and it reads like the value of an AdwComboRow, not a button. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));
      gtk_label_set_attributes (GTK_LABEL (label), attributes);
      pango_attr_list_unref (attributes);
    }
  else
    {
      /* The popup list is as narrow as the smallest label unless told. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 36);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static GtkListItemFactory *
label_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);

  return factory;
}

static void
kt_choice_row_finalize (GObject *object)
{
  KtChoiceRow *self = KT_CHOICE_ROW (object);

  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (kt_choice_row_parent_class)->finalize (object);
}

static void
kt_choice_row_class_init (KtChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kt_choice_row_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kt_choice_row_init (KtChoiceRow *self)
{
  g_autoptr(GtkListItemFactory) button_factory = label_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = label_factory_new (FALSE);
  GtkExpression *expression;

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->labels = gtk_string_list_new (NULL);

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  /* The dropdown takes the list and the expression. */
  self->dropdown = gtk_drop_down_new (G_LIST_MODEL (self->labels), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->dropdown), TRUE);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (self->dropdown), button_factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (self->dropdown), list_factory);
  gtk_widget_set_valign (self->dropdown, GTK_ALIGN_CENTER);
  /* Looks like the AdwComboRows around it: the dropdown's own button
   * (its only child) without a frame. */
  gtk_widget_add_css_class (gtk_widget_get_first_child (self->dropdown), "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->dropdown);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->dropdown);

  g_signal_connect_swapped (self->dropdown, "notify::selected",
                            G_CALLBACK (selected_cb), self);

  kt_choice_row_clear (self);
}

GtkWidget *
kt_choice_row_new (void)
{
  return g_object_new (KT_TYPE_CHOICE_ROW, NULL);
}

void
kt_choice_row_clear (KtChoiceRow *self)
{
  gint64 none = 0;
  guint n;

  g_return_if_fail (KT_IS_CHOICE_ROW (self));

  self->setting = TRUE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  /* Translators: no contract, supplier, person or org unit chosen */
  gtk_string_list_splice (self->labels, 0, n, (const char *[]) { _("None"), NULL });
  g_array_set_size (self->ids, 0);
  g_array_append_val (self->ids, none);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), 0);
  self->setting = FALSE;
}

void
kt_choice_row_append (KtChoiceRow *self,
                      gint64       id,
                      const char  *label)
{
  g_return_if_fail (KT_IS_CHOICE_ROW (self));
  g_return_if_fail (label != NULL);

  self->setting = TRUE;
  gtk_string_list_append (self->labels, label);
  g_array_append_val (self->ids, id);
  self->setting = FALSE;
}

void
kt_choice_row_set_selected_id (KtChoiceRow *self,
                               gint64       id)
{
  guint position = G_MAXUINT;

  g_return_if_fail (KT_IS_CHOICE_ROW (self));

  for (guint i = 0; i < self->ids->len; i++)
    {
      if (g_array_index (self->ids, gint64, i) == id)
        {
          position = i;
          break;
        }
    }

  if (position == G_MAXUINT)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      /* Translators: a choice that refers to a record not in the list,
       * e.g. a deleted person; %s is its number in the file */
      g_autofree char *label = g_strdup_printf (_("Unknown (no. %s)"), number);

      kt_choice_row_append (self, id, label);
      position = self->ids->len - 1;
    }

  self->setting = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), position);
  self->setting = FALSE;
}

gint64
kt_choice_row_get_selected_id (KtChoiceRow *self)
{
  guint position;

  g_return_val_if_fail (KT_IS_CHOICE_ROW (self), 0);

  position = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->dropdown));
  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}
