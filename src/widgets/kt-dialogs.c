/* kt-dialogs.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"

GtkWindow *
kt_dialog_parent_for (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
kt_dialog_show_error (GtkWidget  *widget,
                      const char *heading,
                      const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (kt_dialog_parent_for (widget), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
kt_dialog_new_conflict (GtkWidget  *widget,
                        const char *heading,
                        const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (kt_dialog_parent_for (widget), heading, NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is the store's message, "… was changed
                                   * by … at …" */
                                  _("%s\n\nYour changes are still in the form. Reload to see "
                                    "the other change and discard yours, or keep editing: "
                                    "saving again then replaces the other change."),
                                  message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "reload", _("_Discard Mine and Reload"),
                                    "keep", _("_Keep Editing"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");

  return dialog;
}
