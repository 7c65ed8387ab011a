/* kt-matrix-portfolio.h — the supplier matrix of a portfolio file, headless
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kt-store.h"
#include "kt-supplier-score.h"

G_BEGIN_DECLS

/* Every supplier's score over all live contracts of @store, with the
 * stored overrides and settings (*settings_out, owned by the caller, when
 * not NULL). NULL with @error set when the store cannot be read. */
GPtrArray *kt_matrix_scores_load      (KtStore           *store,
                                       KtMatrixSettings **settings_out,
                                       GError           **error);

/* `kontrakter --portfolio FILE --export-matrix OUT`: opens @portfolio,
 * draws its whole matrix and writes @out (.png, .svg or .pdf, see
 * kt_matrix_export_file ()). *n_suppliers: how many bubbles. Errors are
 * translated and name the file. */
gboolean   kt_matrix_export_portfolio (const char        *portfolio,
                                       const char        *out,
                                       guint             *n_suppliers,
                                       GError           **error);

G_END_DECLS
