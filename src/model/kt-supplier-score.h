/* kt-supplier-score.h — where a supplier belongs in the segmentation matrix
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kraljic's purchasing portfolio matrix (leverandørsegmentering): importance
 * (profit impact) against supply risk, each 0–100, computed from the
 * portfolio so that nobody types them twice, with a manual override that
 * says who set it, when and why.
 *
 * The formula (shown to the user by kt_supplier_score_explain ()); terms are
 * 0–1, over the supplier's live contracts (planned, active, notice given):
 *
 *   importance = 100 × (0.4 spend + 0.3 value + 0.3 criticality)
 *     spend       = annual spend / settings->full_spend, at most 1
 *     value       = 4 × (its contract sums / all live contract sums), at most
 *                   1 (a quarter of the portfolio's value or more is full)
 *     criticality = the highest criticality of its contracts: low 0,
 *                   medium 1/3, high 2/3, critical 1
 *
 *   risk = 100 × (0.4 lock-in + 0.3 criticality + 0.3 notice exposure)
 *     lock-in     = the mean over its contracts of 1/3 for each of: no exit
 *                   and handover notes; single source (direct award); no
 *                   extension option left on a fixed-term contract
 *     notice      = the longest of its contracts' notice periods or months
 *                   left of an irrevocable period, / settings->long_notice_months,
 *                   at most 1
 *
 *   Both rounded to whole numbers. The segment: importance ≥ the importance
 *   threshold and risk ≥ the risk threshold: strategic; important, lower
 *   risk: leverage; less important, risky: bottleneck; otherwise
 *   non-critical.
 *
 * An override replaces both numbers (and so the segment); the computed ones
 * are kept beside it so the user can see what the portfolio alone says.
 */
#pragma once

#include <glib-object.h>

#include "kt-contract.h"
#include "kt-supplier.h"

G_BEGIN_DECLS

typedef enum {
  KT_SEGMENT_STRATEGIC,     /* strategisk: important and risky */
  KT_SEGMENT_LEVERAGE,      /* løftestang: important, low risk */
  KT_SEGMENT_BOTTLENECK,    /* flaskehals: less important, risky */
  KT_SEGMENT_NON_CRITICAL,  /* ukritisk */
} KtSegment;

#define KT_SEGMENT_N (KT_SEGMENT_NON_CRITICAL + 1)

/* Translated name of a segment ("Strategisk" under Danish). */
const char *kt_segment_label (KtSegment segment);
KtSegment   kt_segment_for   (guint     importance,
                              guint     risk,
                              guint     importance_threshold,
                              guint     risk_threshold);

#define KT_TYPE_MATRIX_SETTINGS (kt_matrix_settings_get_type ())

/* The ranges kt_matrix_settings_check () and the store accept, for editors. */
#define KT_SCORE_THRESHOLD_MIN     1
#define KT_SCORE_THRESHOLD_MAX     99
#define KT_SCORE_LONG_NOTICE_MIN   1
#define KT_SCORE_LONG_NOTICE_MAX   60

/* Kept in the portfolio file (kt_store_get/set_matrix_settings), versioned
 * and audited like the deadline settings. */
typedef struct {
  gint64  id;                    /* always 1 once stored */
  gint64  version;
  guint   importance_threshold;  /* 1–99, default 50 */
  guint   risk_threshold;        /* 1–99, default 50 */
  gint64  full_spend;            /* øre a year at which spend counts fully; default 2,000,000 kr. */
  guint   long_notice_months;    /* 1–60, default 12 */

  /* Filled by the store when reading. */
  char   *changed_by;
  char   *changed_at;
} KtMatrixSettings;

GType             kt_matrix_settings_get_type (void) G_GNUC_CONST;
KtMatrixSettings *kt_matrix_settings_new      (void);
KtMatrixSettings *kt_matrix_settings_copy     (const KtMatrixSettings *settings);
void              kt_matrix_settings_free     (KtMatrixSettings       *settings);
/* A translated message naming the first field out of range, or NULL. */
char             *kt_matrix_settings_check    (const KtMatrixSettings *settings);

/* A manual placement of one supplier, stored in the portfolio
 * (kt_store_set_score_override). */
typedef struct {
  gint64  supplier_id;
  gint64  version;               /* of the override row */
  guint   importance;            /* 0–100 */
  guint   risk;                  /* 0–100 */
  char   *reason;                /* why; never empty */
  char   *changed_by;            /* filled by the store */
  char   *changed_at;            /* ISO 8601 UTC, filled by the store */
} KtScoreOverride;

KtScoreOverride *kt_score_override_new  (void);
KtScoreOverride *kt_score_override_copy (const KtScoreOverride *override);
void             kt_score_override_free (KtScoreOverride       *override);
/* A translated message naming what is wrong (a number above 100, no
 * reason), or NULL; the store refuses such an override with it. */
char            *kt_score_override_check (const KtScoreOverride *override);

#define KT_TYPE_SUPPLIER_SCORE (kt_supplier_score_get_type ())

typedef struct {
  gint64          supplier_id;
  char           *supplier_name;
  guint           n_contracts;         /* its live contracts counted */
  gint64          annual_spend;        /* øre, sum of known annual costs */
  gint64          contract_value;      /* øre, sum of known contract sums */

  /* The terms of the formula, 0–1 */
  double          spend_term;
  double          value_term;
  double          criticality_term;
  double          lock_in_term;
  double          notice_term;

  guint           computed_importance; /* 0–100 */
  guint           computed_risk;       /* 0–100 */

  /* What is shown: the override's numbers when there is one. */
  guint           importance;
  guint           risk;
  KtSegment       segment;
  KtScoreOverride *override;           /* NULL: none */
} KtSupplierScore;

GType            kt_supplier_score_get_type (void) G_GNUC_CONST;
KtSupplierScore *kt_supplier_score_copy     (const KtSupplierScore *score);
void             kt_supplier_score_free     (KtSupplierScore       *score);

/* One score per supplier with at least one live contract among @contracts
 * (KtContract *; the caller may have filtered them, e.g. by org unit or
 * category), sorted by name. @overrides: KtScoreOverride * or NULL.
 * @suppliers: KtSupplier *, for the names. Returns KtSupplierScore *. */
GPtrArray *kt_supplier_scores_compute (GPtrArray              *suppliers,
                                       GPtrArray              *contracts,
                                       GPtrArray              *overrides,
                                       const KtMatrixSettings *settings);
/* The same on a given day (the notice term counts the months left of
 * irrevocable periods from @today); compute () uses the local date. */
GPtrArray *kt_supplier_scores_compute_at (GPtrArray              *suppliers,
                                          GPtrArray              *contracts,
                                          GPtrArray              *overrides,
                                          const KtMatrixSettings *settings,
                                          const GDate            *today);

/* The formula with this supplier's numbers, translated, several lines, for
 * the supplier's details and tooltips. */
char      *kt_supplier_score_explain  (const KtSupplierScore  *score,
                                       const KtMatrixSettings *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtMatrixSettings, kt_matrix_settings_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtScoreOverride, kt_score_override_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtSupplierScore, kt_supplier_score_free)

G_END_DECLS
