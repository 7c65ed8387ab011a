/* kt-money-row.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-contract.h"
#include "kt-format.h"
#include "kt-money-row.h"

struct _KtMoneyRow
{
  AdwEntryRow  parent_instance;

  GtkWidget   *currency;
};

G_DEFINE_FINAL_TYPE (KtMoneyRow, kt_money_row, ADW_TYPE_ENTRY_ROW)

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static void
focus_leave_cb (KtMoneyRow *self)
{
  gint64 ore;

  if (kt_money_row_get_amount (self, &ore, NULL) && ore != KT_MONEY_NONE)
    {
      g_autofree char *text = kt_format_money_input (ore);

      if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self), text);
    }
}

static void
kt_money_row_class_init (KtMoneyRowClass *klass)
{
}

static void
kt_money_row_init (KtMoneyRow *self)
{
  GtkEventController *focus;

  /* The same currency words as kt_format_money () in the same style. */
  self->currency = gtk_label_new (kt_format_get_style () == KT_FORMAT_STYLE_DANISH
                                  ? "kr." : "DKK");
  gtk_widget_add_css_class (self->currency, "dim-label");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->currency);

  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), GTK_INPUT_PURPOSE_NUMBER);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
kt_money_row_new (void)
{
  return g_object_new (KT_TYPE_MONEY_ROW, NULL);
}

void
kt_money_row_set_amount (KtMoneyRow *self,
                         gint64      ore)
{
  g_autofree char *text = NULL;

  g_return_if_fail (KT_IS_MONEY_ROW (self));

  if (ore != KT_MONEY_NONE)
    text = kt_format_money_input (ore);

  gtk_editable_set_text (GTK_EDITABLE (self), text != NULL ? text : "");
}

gboolean
kt_money_row_get_amount (KtMoneyRow  *self,
                         gint64      *ore,
                         GError     **error)
{
  const char *text;

  g_return_val_if_fail (KT_IS_MONEY_ROW (self), FALSE);
  g_return_val_if_fail (ore != NULL, FALSE);

  *ore = KT_MONEY_NONE;
  text = gtk_editable_get_text (GTK_EDITABLE (self));

  if (is_blank (text))
    return TRUE;

  return kt_parse_money (text, ore, error);
}
