/* kt-presence-button.h — the header-bar button that shows who else is here
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hidden while nobody else has the portfolio open. Otherwise a people icon
 * with the number of colleagues; its popover lists them (“Anna Jensen —
 * aje on pc-123, since 09:14”). The accessible name says it in words
 * (“2 colleagues have this portfolio open”).
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-presence.h"

G_BEGIN_DECLS

#define KT_TYPE_PRESENCE_BUTTON (kt_presence_button_get_type ())
G_DECLARE_FINAL_TYPE (KtPresenceButton, kt_presence_button, KT, PRESENCE_BUTTON, GtkWidget)

GtkWidget *kt_presence_button_new          (void);
/* NULL clears (no portfolio open). */
void       kt_presence_button_set_presence (KtPresenceButton *self,
                                            KtPresence       *presence);

G_END_DECLS
