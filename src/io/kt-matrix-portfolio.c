/* kt-matrix-portfolio.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n.h>

#include "kt-matrix-export.h"
#include "kt-matrix-portfolio.h"

GPtrArray *
kt_matrix_scores_load (KtStore           *store,
                       KtMatrixSettings **settings_out,
                       GError           **error)
{
  g_autoptr(KtMatrixSettings) settings = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  GPtrArray *scores;

  g_return_val_if_fail (KT_IS_STORE (store), NULL);

  if ((settings = kt_store_get_matrix_settings (store, error)) == NULL ||
      (suppliers = kt_store_list_suppliers (store, error)) == NULL ||
      (contracts = kt_store_list_contracts (store, error)) == NULL ||
      (overrides = kt_store_list_score_overrides (store, error)) == NULL)
    return NULL;

  scores = kt_supplier_scores_compute (suppliers, contracts, overrides, settings);
  if (settings_out != NULL)
    *settings_out = g_steal_pointer (&settings);

  return scores;
}

gboolean
kt_matrix_export_portfolio (const char  *portfolio,
                            const char  *out,
                            guint       *n_suppliers,
                            GError     **error)
{
  g_autoptr(KtStore) store = NULL;
  g_autoptr(KtMatrixSettings) settings = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autofree char *base = NULL;
  g_autofree char *title = NULL;
  char *dot;

  g_return_val_if_fail (portfolio != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  /* Opened like the calendar export: an older file is brought up to date
   * (the matrix settings live in the file), a newer one is only read. */
  if ((store = kt_store_open (portfolio, KT_STORE_OPEN_DEFAULT, error)) == NULL ||
      (scores = kt_matrix_scores_load (store, &settings, error)) == NULL)
    return FALSE;

  base = g_filename_display_basename (portfolio);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  /* Translators: the title of an exported supplier matrix; %s is the
   * portfolio's file name, "Leverandørmatrix – Eksempel Kommune" */
  title = g_strdup_printf (_("Supplier Matrix – %s"), base);

  if (!kt_matrix_export_file (scores, settings, title, out, error))
    return FALSE;

  if (n_suppliers != NULL)
    *n_suppliers = scores->len;
  return TRUE;
}
