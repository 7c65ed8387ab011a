/* kt-supplier-score.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formula is in kt-supplier-score.h; kt_supplier_score_explain ()
 * (kt-supplier-score-text.c) says it again in words from the same weights.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>
#include <string.h>
#include <time.h>

#include "kt-supplier-score-private.h"

G_DEFINE_BOXED_TYPE (KtMatrixSettings, kt_matrix_settings,
                     kt_matrix_settings_copy, kt_matrix_settings_free)
G_DEFINE_BOXED_TYPE (KtSupplierScore, kt_supplier_score,
                     kt_supplier_score_copy, kt_supplier_score_free)

/* A supplier at or above the middle of both scales is strategic until the
 * committee says otherwise. Two million kroner a year is a large contract
 * for a municipality's IT (an ESDH or a payroll system); a year's notice
 * or irrevocable period is as long as a termination can sensibly be
 * planned ahead. */
#define DEFAULT_THRESHOLD       50
#define DEFAULT_FULL_SPEND      (G_GINT64_CONSTANT (2000000) * 100)
#define DEFAULT_LONG_NOTICE     12

/* ---- segments ---- */

KtSegment
kt_segment_for (guint importance,
                guint risk,
                guint importance_threshold,
                guint risk_threshold)
{
  gboolean important = importance >= importance_threshold;
  gboolean risky = risk >= risk_threshold;

  if (important)
    return risky ? KT_SEGMENT_STRATEGIC : KT_SEGMENT_LEVERAGE;

  return risky ? KT_SEGMENT_BOTTLENECK : KT_SEGMENT_NON_CRITICAL;
}

/* ---- settings ---- */

KtMatrixSettings *
kt_matrix_settings_new (void)
{
  KtMatrixSettings *self = g_new0 (KtMatrixSettings, 1);

  self->importance_threshold = DEFAULT_THRESHOLD;
  self->risk_threshold = DEFAULT_THRESHOLD;
  self->full_spend = DEFAULT_FULL_SPEND;
  self->long_notice_months = DEFAULT_LONG_NOTICE;

  return self;
}

KtMatrixSettings *
kt_matrix_settings_copy (const KtMatrixSettings *settings)
{
  KtMatrixSettings *copy;

  g_return_val_if_fail (settings != NULL, NULL);

  copy = g_memdup2 (settings, sizeof *settings);
  copy->changed_by = g_strdup (settings->changed_by);
  copy->changed_at = g_strdup (settings->changed_at);

  return copy;
}

void
kt_matrix_settings_free (KtMatrixSettings *settings)
{
  if (settings == NULL)
    return;

  g_free (settings->changed_by);
  g_free (settings->changed_at);
  g_free (settings);
}

/* ---- overrides ---- */

KtScoreOverride *
kt_score_override_new (void)
{
  return g_new0 (KtScoreOverride, 1);
}

KtScoreOverride *
kt_score_override_copy (const KtScoreOverride *override)
{
  KtScoreOverride *copy;

  g_return_val_if_fail (override != NULL, NULL);

  copy = g_memdup2 (override, sizeof *override);
  copy->reason = g_strdup (override->reason);
  copy->changed_by = g_strdup (override->changed_by);
  copy->changed_at = g_strdup (override->changed_at);

  return copy;
}

void
kt_score_override_free (KtScoreOverride *override)
{
  if (override == NULL)
    return;

  g_free (override->reason);
  g_free (override->changed_by);
  g_free (override->changed_at);
  g_free (override);
}

gboolean
kt_score_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* ---- scores ---- */

KtSupplierScore *
kt_supplier_score_copy (const KtSupplierScore *score)
{
  KtSupplierScore *copy;

  g_return_val_if_fail (score != NULL, NULL);

  copy = g_memdup2 (score, sizeof *score);
  copy->supplier_name = g_strdup (score->supplier_name);
  copy->override = score->override != NULL ? kt_score_override_copy (score->override) : NULL;

  return copy;
}

void
kt_supplier_score_free (KtSupplierScore *score)
{
  if (score == NULL)
    return;

  g_free (score->supplier_name);
  g_clear_pointer (&score->override, kt_score_override_free);
  g_free (score);
}

static gboolean
is_live (const KtContract *contract)
{
  return contract->status == KT_STATUS_PLANNED ||
         contract->status == KT_STATUS_ACTIVE ||
         contract->status == KT_STATUS_NOTICE_GIVEN;
}

static gint64
known (gint64 ore)
{
  return ore == KT_MONEY_NONE ? 0 : ore;
}

/* Whole months from @today to @until, a started month counting as one:
 * ten days left of an irrevocable period bind like a month's notice. */
static guint
months_until (const GDate *today,
              const GDate *until)
{
  int months;

  if (!g_date_valid (until) || g_date_compare (until, today) <= 0)
    return 0;

  months = ((int) g_date_get_year (until) - (int) g_date_get_year (today)) * 12 +
           ((int) g_date_get_month (until) - (int) g_date_get_month (today));
  if (g_date_get_day (until) > g_date_get_day (today))
    months++;

  return (guint) MAX (months, 0);
}

static double
clamp_term (double term)
{
  return CLAMP (term, 0.0, 1.0);
}

/* 0–100 from weighted terms; the nudge makes an exact half (10.5) round
 * up even when the sum of doubles lands a hair below it. */
static guint
to_score (double weighted)
{
  return (guint) CLAMP (lround (100.0 * weighted + 1e-9), 0, KT_SCORE_MAX);
}

/* What the loop gathers per supplier before the terms are known. */
typedef struct {
  KtSupplierScore *score;              /* owned until handed to the result */
  guint            lock_in_marks;      /* thirds, summed over contracts */
  int              max_criticality;    /* KtCriticality, -1 = none yet */
  guint            notice_months;      /* the longest exposure */
  char            *sort_key;
} Gather;

static void
gather_free (Gather *g)
{
  g_clear_pointer (&g->score, kt_supplier_score_free);
  g_free (g->sort_key);
  g_free (g);
}

static void
gather_contract (Gather           *g,
                 const KtContract *contract,
                 const GDate      *today)
{
  guint exposure;

  g->score->n_contracts++;
  g->score->annual_spend += known (contract->annual_cost);
  g->score->contract_value += known (contract->contract_sum);
  g->max_criticality = MAX (g->max_criticality, (int) contract->criticality);

  if (kt_score_text_is_blank (contract->exit_notes))
    g->lock_in_marks++;
  if (contract->procurement_form == KT_PROCUREMENT_DIRECT_AWARD)
    g->lock_in_marks++;
  if (!contract->running && contract->options_used >= contract->option_count)
    g->lock_in_marks++;

  exposure = MAX (contract->notice_months, months_until (today, &contract->irrevocable_until));
  g->notice_months = MAX (g->notice_months, exposure);
}

static void
finish_score (Gather                 *g,
              gint64                  total_value,
              const KtMatrixSettings *settings)
{
  KtSupplierScore *s = g->score;
  double criticality = MAX (g->max_criticality, 0) / (double) KT_CRITICALITY_CRITICAL;

  s->spend_term = settings->full_spend > 0
                  ? clamp_term ((double) s->annual_spend / (double) settings->full_spend)
                  : 0.0;
  s->value_term = total_value > 0
                  ? clamp_term (KT_SCORE_VALUE_SHARE_FULL *
                                (double) s->contract_value / (double) total_value)
                  : 0.0;
  s->criticality_term = clamp_term (criticality);
  s->lock_in_term = clamp_term (g->lock_in_marks / (3.0 * s->n_contracts));
  s->notice_term = settings->long_notice_months > 0
                   ? clamp_term ((double) g->notice_months / settings->long_notice_months)
                   : 0.0;

  s->computed_importance = to_score (KT_SCORE_W_SPEND * s->spend_term +
                                     KT_SCORE_W_VALUE * s->value_term +
                                     KT_SCORE_W_IMPORTANCE_CRIT * s->criticality_term);
  s->computed_risk = to_score (KT_SCORE_W_LOCK_IN * s->lock_in_term +
                               KT_SCORE_W_RISK_CRIT * s->criticality_term +
                               KT_SCORE_W_NOTICE * s->notice_term);

  s->importance = s->computed_importance;
  s->risk = s->computed_risk;
  if (s->override != NULL)
    {
      s->importance = MIN (s->override->importance, KT_SCORE_MAX);
      s->risk = MIN (s->override->risk, KT_SCORE_MAX);
    }

  s->segment = kt_segment_for (s->importance, s->risk,
                               settings->importance_threshold, settings->risk_threshold);
}

/* By name as people sort (collation keys once, not a collation per
 * comparison: the matrix is recomputed for every filter change). */
static int
compare_gathered (gconstpointer a,
                  gconstpointer b)
{
  const Gather *x = *(const Gather **) a;
  const Gather *y = *(const Gather **) b;
  int cmp = strcmp (x->sort_key, y->sort_key);

  if (cmp != 0)
    return cmp;

  return (x->score->supplier_id > y->score->supplier_id) -
         (x->score->supplier_id < y->score->supplier_id);
}

GPtrArray *
kt_supplier_scores_compute_at (GPtrArray              *suppliers,
                               GPtrArray              *contracts,
                               GPtrArray              *overrides,
                               const KtMatrixSettings *settings,
                               const GDate            *today)
{
  g_autoptr(KtMatrixSettings) defaults = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) gathered = g_ptr_array_new_with_free_func ((GDestroyNotify) gather_free);
  GPtrArray *scores = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_supplier_score_free);
  gint64 total_value = 0;

  g_return_val_if_fail (contracts != NULL, scores);
  g_return_val_if_fail (today != NULL && g_date_valid (today), scores);

  if (settings == NULL)
    settings = defaults = kt_matrix_settings_new ();

  for (guint i = 0; suppliers != NULL && i < suppliers->len; i++)
    {
      KtSupplier *supplier = g_ptr_array_index (suppliers, i);
      g_hash_table_insert (names, &supplier->id, supplier->name);
    }

  for (guint i = 0; i < contracts->len; i++)
    {
      const KtContract *contract = g_ptr_array_index (contracts, i);
      Gather *g;

      if (!is_live (contract))
        continue;

      /* Contracts without a supplier are part of the portfolio's value. */
      total_value += known (contract->contract_sum);
      if (contract->supplier_id <= 0)
        continue;

      g = g_hash_table_lookup (by_id, &contract->supplier_id);
      if (g == NULL)
        {
          const char *name = g_hash_table_lookup (names, &contract->supplier_id);

          if (name == NULL)
            name = contract->supplier_name != NULL ? contract->supplier_name : "";

          g = g_new0 (Gather, 1);
          g->max_criticality = -1;
          g->score = g_new0 (KtSupplierScore, 1);
          g->score->supplier_id = contract->supplier_id;
          g->score->supplier_name = g_strdup (name);
          g_hash_table_insert (by_id, &g->score->supplier_id, g);
          g_ptr_array_add (gathered, g);
        }

      gather_contract (g, contract, today);
    }

  for (guint i = 0; overrides != NULL && i < overrides->len; i++)
    {
      const KtScoreOverride *override = g_ptr_array_index (overrides, i);
      Gather *g = g_hash_table_lookup (by_id, &override->supplier_id);

      if (g != NULL && g->score->override == NULL)
        g->score->override = kt_score_override_copy (override);
    }

  for (guint i = 0; i < gathered->len; i++)
    {
      Gather *g = g_ptr_array_index (gathered, i);

      finish_score (g, total_value, settings);
      g->sort_key = g_utf8_collate_key (g->score->supplier_name, -1);
    }

  g_ptr_array_sort (gathered, compare_gathered);

  for (guint i = 0; i < gathered->len; i++)
    {
      Gather *g = g_ptr_array_index (gathered, i);
      g_ptr_array_add (scores, g_steal_pointer (&g->score));
    }

  return scores;
}

GPtrArray *
kt_supplier_scores_compute (GPtrArray              *suppliers,
                            GPtrArray              *contracts,
                            GPtrArray              *overrides,
                            const KtMatrixSettings *settings)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  return kt_supplier_scores_compute_at (suppliers, contracts, overrides, settings, &today);
}
