/* kt-spin-row.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-spin-row.h"

struct _KtSpinRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *spin;
  gboolean      setting;
};

G_DEFINE_FINAL_TYPE (KtSpinRow, kt_spin_row, ADW_TYPE_ACTION_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
text_changed_cb (KtSpinRow *self)
{
  if (!self->setting)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
kt_spin_row_class_init (KtSpinRowClass *klass)
{
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kt_spin_row_init (KtSpinRow *self)
{
  self->spin = gtk_spin_button_new_with_range (0, 999, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->spin), TRUE);
  gtk_widget_set_valign (self->spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->spin);

  /* GtkSpinButton is a GtkEditable: "changed" follows every keystroke,
   * "value-changed" only the committed value. */
  g_signal_connect_swapped (self->spin, "changed", G_CALLBACK (text_changed_cb), self);
}

GtkWidget *
kt_spin_row_new (void)
{
  return g_object_new (KT_TYPE_SPIN_ROW, NULL);
}

void
kt_spin_row_set_range (KtSpinRow *self,
                       guint      min,
                       guint      max)
{
  g_return_if_fail (KT_IS_SPIN_ROW (self));

  gtk_spin_button_set_range (GTK_SPIN_BUTTON (self->spin), min, max);
}

void
kt_spin_row_set_value (KtSpinRow *self,
                       guint      value)
{
  g_return_if_fail (KT_IS_SPIN_ROW (self));

  self->setting = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->spin), value);
  /* Also when the value was already there but the text was not. */
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->spin));
  self->setting = FALSE;
}

guint
kt_spin_row_get_value (KtSpinRow *self)
{
  const char *text;
  guint64 value;
  double min, max;

  g_return_val_if_fail (KT_IS_SPIN_ROW (self), 0);

  text = gtk_editable_get_text (GTK_EDITABLE (self->spin));
  gtk_spin_button_get_range (GTK_SPIN_BUTTON (self->spin), &min, &max);

  if (g_ascii_string_to_unsigned (text, 10, (guint64) min, (guint64) max, &value, NULL))
    return (guint) value;

  return (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->spin));
}
