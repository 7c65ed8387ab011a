/* kt-calendar-export-dialog.h — "Export Calendar…": save dialog, export, outcome
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-window.h"

G_BEGIN_DECLS

/* Asks where to save the deadlines of @window's portfolio as an .ics file
 * (kt-calendar-export.h), writes it in a worker thread and tells the
 * outcome in a dialog. Without an open portfolio it says so instead. */
void kt_calendar_export_dialog_run (KtWindow *window);

G_END_DECLS
