/* kt-contract-row.h — one row of the portfolio table
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kt-contract.h"

G_BEGIN_DECLS

#define KT_TYPE_CONTRACT_ROW (kt_contract_row_get_type ())

G_DECLARE_FINAL_TYPE (KtContractRow, kt_contract_row, KT, CONTRACT_ROW, GObject)

/* The sortable columns of the portfolio. */
typedef enum {
  KT_CONTRACT_COLUMN_NUMBER,
  KT_CONTRACT_COLUMN_NAME,
  KT_CONTRACT_COLUMN_SUPPLIER,
  KT_CONTRACT_COLUMN_SYSTEM_OWNER,
  KT_CONTRACT_COLUMN_CATEGORY,
  KT_CONTRACT_COLUMN_CONTRACT_SUM,
  KT_CONTRACT_COLUMN_ANNUAL_COST,
  KT_CONTRACT_COLUMN_END_DATE,
  KT_CONTRACT_COLUMN_NOTICE_DATE,
  KT_N_CONTRACT_COLUMNS
} KtContractColumn;

/* Takes ownership of contract. today is the day the last notice day is
 * computed for (NULL: the current local date). Read-only properties, all
 * fixed at construction: "id", "number", "name", "supplier-name",
 * "system-owner-name", "org-unit-name", "category-label", "status-label",
 * "contract-sum" and "annual-cost" (øre, KT_MONEY_NONE when unknown),
 * "contract-sum-text" and "annual-cost-text" (whole kroner, kt-format),
 * "end-date-text" ("Running" for running contracts), "notice-date-text". */
KtContractRow    *kt_contract_row_new              (KtContract       *contract,
                                                    const GDate      *today);
const KtContract *kt_contract_row_get_contract     (KtContractRow    *self);
/* The last day to give notice (kt_contract_last_notice_day); an invalid
 * GDate when there is none. */
const GDate      *kt_contract_row_get_notice_date  (KtContractRow    *self);

/* Whether every space-separated word of needle occurs in the number, name,
 * supplier, system owner, administrator, org unit, purchased services or
 * category label. needle must come from kt_fold_for_search (); an empty
 * needle matches every row. */
gboolean          kt_contract_row_matches          (KtContractRow    *self,
                                                    const char       *casefolded_needle);

/* strcmp-like order for column. Empty text, unknown amounts and unset dates
 * sort after everything else (in ascending order); text sorts by the
 * collation of the current LC_COLLATE, contract numbers with their digits
 * as numbers ("K-9" before "K-10"). Ties are broken by number, then id, so
 * the order is stable. */
int               kt_contract_row_compare          (KtContractRow    *a,
                                                    KtContractRow    *b,
                                                    KtContractColumn  column);

G_END_DECLS
