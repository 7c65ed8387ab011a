/* kt-error-row.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-error-row.h"

struct _KtErrorRow
{
  GtkListBoxRow  parent_instance;

  GtkWidget     *label;
  GtkWidget     *field;    /* weak */
  char          *message;
  gboolean       hint;
};

G_DEFINE_FINAL_TYPE (KtErrorRow, kt_error_row, GTK_TYPE_LIST_BOX_ROW)

static void
kt_error_row_dispose (GObject *object)
{
  KtErrorRow *self = KT_ERROR_ROW (object);

  g_clear_weak_pointer (&self->field);

  G_OBJECT_CLASS (kt_error_row_parent_class)->dispose (object);
}

static void
kt_error_row_finalize (GObject *object)
{
  KtErrorRow *self = KT_ERROR_ROW (object);

  g_free (self->message);

  G_OBJECT_CLASS (kt_error_row_parent_class)->finalize (object);
}

static void
kt_error_row_class_init (KtErrorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_error_row_dispose;
  object_class->finalize = kt_error_row_finalize;
}

static void
kt_error_row_init (KtErrorRow *self)
{
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0);
  gtk_widget_set_margin_start (self->label, 12);
  gtk_widget_set_margin_end (self->label, 12);
  gtk_widget_set_margin_top (self->label, 6);
  gtk_widget_set_margin_bottom (self->label, 6);
  gtk_widget_add_css_class (self->label, "error");
  gtk_widget_add_css_class (self->label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->label);

  /* The message belongs to the row above; it is not a stop of its own. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

KtErrorRow *
kt_error_row_new (GtkWidget *field)
{
  KtErrorRow *self;

  g_return_val_if_fail (GTK_IS_WIDGET (field), NULL);

  self = g_object_new (KT_TYPE_ERROR_ROW, NULL);
  g_set_weak_pointer (&self->field, field);

  return self;
}

static void
show (KtErrorRow *self,
      const char *message,
      gboolean    hint)
{
  gboolean invalid;

  if (message != NULL && *message == '\0')
    message = NULL;
  invalid = message != NULL && !hint;

  if (g_strcmp0 (self->message, message) == 0 && self->hint == hint)
    return;

  g_free (self->message);
  self->message = g_strdup (message);
  self->hint = hint;

  gtk_label_set_text (GTK_LABEL (self->label), message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self), message != NULL);
  if (hint)
    {
      gtk_widget_remove_css_class (self->label, "error");
      gtk_widget_add_css_class (self->label, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (self->label, "dim-label");
      gtk_widget_add_css_class (self->label, "error");
    }

  if (self->field == NULL)
    return;

  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->field),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->field),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  if (invalid)
    {
      gtk_widget_add_css_class (self->field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->field),
                                  GTK_ACCESSIBLE_STATE_INVALID);
    }
}

void
kt_error_row_set_message (KtErrorRow *self,
                          const char *message)
{
  g_return_if_fail (KT_IS_ERROR_ROW (self));

  show (self, message, FALSE);
}

void
kt_error_row_set_hint (KtErrorRow *self,
                       const char *message)
{
  g_return_if_fail (KT_IS_ERROR_ROW (self));

  show (self, message, message != NULL);
}

const char *
kt_error_row_get_message (KtErrorRow *self)
{
  g_return_val_if_fail (KT_IS_ERROR_ROW (self), NULL);

  return self->message;
}
