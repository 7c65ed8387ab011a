/* kt-projector-slide-tenders.h — the tender plan slide (udbudsplan)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @rows: KtTenderPlanRow from kt_portfolio_tender_rows (), in plan order,
 * up to the end of the quarter @last_quarter_year / @last_quarter. A large
 * table: start by, contract, procurement form, annual cost; the late ones
 * under their own heading, then one heading per quarter. */
GtkWidget *kt_projector_slide_tenders_new (GPtrArray *rows,
                                           int        last_quarter_year,
                                           guint      last_quarter);

G_END_DECLS
