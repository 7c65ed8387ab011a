/* test-supplier-score.c — importance, risk and segment of suppliers
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected numbers are worked out by hand from the formula in
 * kt-supplier-score.h, with the default settings (2,000,000 kr. a year is
 * full spend, 12 months full notice, thresholds 50 / 50) unless a case
 * says otherwise, on the day TODAY.
 */

#include <string.h>

#include "kt-format.h"
#include "kt-supplier-score.h"

#define TODAY "2026-06-15"
#define KR(x) ((gint64) (x) * 100)
#define NONE  KT_MONEY_NONE
#define ARRAY(free_func) g_ptr_array_new_with_free_func ((GDestroyNotify) free_func)

static GDate
date (const char *iso)
{
  GDate d;

  g_date_clear (&d, 1);
  if (iso != NULL)
    g_assert_true (kt_date_from_iso (iso, &d));
  return d;
}

/* A contract as the cases describe it. Left at zero, a field is calm:
 * planned (which is live), low criticality, 0 kr., an SKI purchase, exit
 * notes written, running (so no options to run out of), no notice: such a
 * contract adds nothing to either score. */
typedef struct {
  KtContractStatus   status;
  KtCriticality      criticality;
  gint64             annual_cost;
  gint64             contract_sum;
  KtProcurementForm  form;
  const char        *exit_notes;       /* NULL: written; "-": none */
  gboolean           fixed_term;
  guint              option_count;
  guint              options_used;
  guint              notice_months;
  const char        *irrevocable_until;
} Spec;


static KtContract *
contract_from_spec (const Spec *spec,
                    gint64      id,
                    gint64      supplier_id)
{
  KtContract *c = kt_contract_new ();

  c->id = id;
  c->number = g_strdup_printf ("K-%" G_GINT64_FORMAT, id);
  c->name = g_strdup ("Kontrakt");
  c->supplier_id = supplier_id;
  c->status = spec->status;
  c->criticality = spec->criticality;
  c->annual_cost = spec->annual_cost;
  c->contract_sum = spec->contract_sum;
  c->procurement_form = spec->form;
  if (spec->exit_notes == NULL)
    c->exit_notes = g_strdup ("Exit plan in annex 4");
  else if (!g_str_equal (spec->exit_notes, "-"))
    c->exit_notes = g_strdup (spec->exit_notes);
  c->running = !spec->fixed_term;
  if (spec->fixed_term)
    c->end_date = date ("2028-12-31");
  c->option_count = spec->option_count;
  c->options_used = spec->options_used;
  c->notice_months = spec->notice_months;
  if (spec->irrevocable_until != NULL)
    c->irrevocable_until = date (spec->irrevocable_until);

  return c;
}

static KtSupplier *
supplier_new (gint64      id,
              const char *name)
{
  KtSupplier *s = kt_supplier_new ();

  s->id = id;
  s->name = g_strdup (name);
  return s;
}

typedef struct {
  const char *what;
  Spec        contracts[3];
  guint       n_contracts;
  gint64      other_value;       /* a live contract without a supplier; NONE = no such */
  gint64      full_spend;        /* 0 = default */
  guint       importance_threshold;  /* 0 = default */
  guint       importance;
  guint       risk;
  KtSegment   segment;
} ScoreCase;

static const ScoreCase score_cases[] = {
  { "spend: half of full spend",
    { { .annual_cost = KR (1000000) } }, 1, NONE, 0, 0,
    20, 0, KT_SEGMENT_NON_CRITICAL },
  { "spend: clamped at full",
    { { .annual_cost = KR (5000000) } }, 1, NONE, 0, 0,
    40, 0, KT_SEGMENT_NON_CRITICAL },
  { "spend: full spend from the settings",
    { { .annual_cost = KR (1000000) } }, 1, NONE, KR (1000000), 0,
    40, 0, KT_SEGMENT_NON_CRITICAL },
  { "value: a tenth of the portfolio is 0.4",
    { { .contract_sum = KR (1000000) } }, 1, KR (9000000), 0, 0,
    12, 0, KT_SEGMENT_NON_CRITICAL },
  { "value: half of the portfolio is clamped at 1",
    { { .contract_sum = KR (5000000) } }, 1, KR (5000000), 0, 0,
    30, 0, KT_SEGMENT_NON_CRITICAL },
  { "criticality: high is 2/3 in both",
    { { .criticality = KT_CRITICALITY_HIGH } }, 1, NONE, 0, 0,
    20, 20, KT_SEGMENT_NON_CRITICAL },
  { "criticality: the highest of its contracts",
    { { .criticality = KT_CRITICALITY_MEDIUM, .annual_cost = KR (1500000) },
      { .criticality = KT_CRITICALITY_CRITICAL, .annual_cost = KR (1500000) } }, 2, NONE, 0, 0,
    70, 30, KT_SEGMENT_LEVERAGE },
  { "lock-in: all three marks",
    { { .exit_notes = "-", .form = KT_PROCUREMENT_DIRECT_AWARD, .fixed_term = TRUE,
            .option_count = 2, .options_used = 2 } }, 1, NONE, 0, 0,
    0, 40, KT_SEGMENT_NON_CRITICAL },
  { "lock-in: mean of blank notes, no option on a fixed term, options left",
    { { .exit_notes = "  \n" },
      { .fixed_term = TRUE, .form = KT_PROCUREMENT_EU_TENDER },
      { .fixed_term = TRUE, .option_count = 2, .options_used = 1 } }, 3, NONE, 0, 0,
    /* 2 of 9 marks: 40 × 2/9 = 8.9 */
    0, 9, KT_SEGMENT_NON_CRITICAL },
  { "notice: months left of an irrevocable period beat a shorter notice",
    { { .notice_months = 6 },
      /* 15.6.2026 to 20.3.2027: 9 months and 5 days, counted as 10 */
      { .irrevocable_until = "2027-03-20" },
      /* Past: the notice of 8 months counts, not the date */
      { .notice_months = 8, .irrevocable_until = "2026-01-01" } }, 3, NONE, 0, 0,
    /* 30 × 10/12 */
    0, 25, KT_SEGMENT_NON_CRITICAL },
  { "notice: clamped at full",
    { { .notice_months = 24 } }, 1, NONE, 0, 0,
    0, 30, KT_SEGMENT_NON_CRITICAL },
  { "rounding: exact halves round up",
    /* 40 × 0.0125 + 30 × 1/3 = 10.5; 30 × 1/3 + 30 × 1/12 = 12.5 */
    { { .annual_cost = KR (25000), .criticality = KT_CRITICALITY_MEDIUM,
            .notice_months = 1 } }, 1, NONE, 0, 0,
    11, 13, KT_SEGMENT_NON_CRITICAL },
  { "rounding: below a half rounds down",
    /* 40 × 0.0124 + 10 = 10.496 */
    { { .annual_cost = KR (24800), .criticality = KT_CRITICALITY_MEDIUM } }, 1, NONE, 0, 0,
    10, 10, KT_SEGMENT_NON_CRITICAL },
  { "unknown money counts as nothing; importance at the threshold is important",
    /* spend 1,000,000 of 2,000,000: 20; sums 2,000,000 of 8,000,000 known: 30 */
    { { .annual_cost = KR (1000000), .contract_sum = NONE },
      { .annual_cost = NONE, .contract_sum = KR (2000000) },
      { .annual_cost = NONE, .contract_sum = NONE } }, 3, KR (6000000), 0, 0,
    50, 0, KT_SEGMENT_LEVERAGE },
  { "expired contracts count for nothing, not even in the portfolio's value",
    { { .status = KT_STATUS_EXPIRED, .annual_cost = KR (10000000),
            .contract_sum = KR (100000000), .criticality = KT_CRITICALITY_CRITICAL,
            .exit_notes = "-", .notice_months = 24 },
      { .status = KT_STATUS_NOTICE_GIVEN, .annual_cost = KR (500000),
            .contract_sum = KR (1000000) } }, 2, NONE, 0, 0,
    40, 0, KT_SEGMENT_NON_CRITICAL },
  { "active contracts count",
    { { .status = KT_STATUS_ACTIVE, .annual_cost = KR (2000000) } }, 1, NONE, 0, 0,
    40, 0, KT_SEGMENT_NON_CRITICAL },
  { "risk at the threshold is risky",
    /* 40 + 30 × 4/12 */
    { { .exit_notes = "-", .form = KT_PROCUREMENT_DIRECT_AWARD, .fixed_term = TRUE,
            .notice_months = 4 } }, 1, NONE, 0, 0,
    0, 50, KT_SEGMENT_BOTTLENECK },
  { "risk just below the threshold",
    /* 40 × 2/3 + 30 × 2/3 + 30 × 1/12 = 49.2 */
    { { .exit_notes = "-", .form = KT_PROCUREMENT_DIRECT_AWARD,
            .criticality = KT_CRITICALITY_HIGH, .notice_months = 1 } }, 1, NONE, 0, 0,
    20, 49, KT_SEGMENT_NON_CRITICAL },
  { "strategic",
    { { .annual_cost = KR (2000000), .criticality = KT_CRITICALITY_CRITICAL,
            .notice_months = 12 } }, 1, NONE, 0, 0,
    70, 60, KT_SEGMENT_STRATEGIC },
  { "a lower importance threshold from the settings",
    { { .annual_cost = KR (1000000) } }, 1, NONE, 0, 20,
    20, 0, KT_SEGMENT_LEVERAGE },
};

static void
test_table (void)
{
  GDate today = date (TODAY);

  for (guint i = 0; i < G_N_ELEMENTS (score_cases); i++)
    {
      const ScoreCase *c = &score_cases[i];
      g_autoptr(GPtrArray) suppliers = ARRAY (kt_supplier_free);
      g_autoptr(GPtrArray) contracts = ARRAY (kt_contract_free);
      g_autoptr(GPtrArray) scores = NULL;
      g_autoptr(KtMatrixSettings) settings = kt_matrix_settings_new ();
      const KtSupplierScore *score;
      guint n_live = 0;

      g_test_message ("case %u: %s", i, c->what);

      if (c->full_spend != 0)
        settings->full_spend = c->full_spend;
      if (c->importance_threshold != 0)
        settings->importance_threshold = c->importance_threshold;

      g_ptr_array_add (suppliers, supplier_new (7, "Netcompany A/S"));
      for (guint j = 0; j < c->n_contracts; j++)
        {
          g_ptr_array_add (contracts, contract_from_spec (&c->contracts[j], j + 1, 7));
          if (c->contracts[j].status != KT_STATUS_EXPIRED)
            n_live++;
        }
      if (c->other_value != NONE)
        {
          Spec other = { .contract_sum = c->other_value };
          g_ptr_array_add (contracts, contract_from_spec (&other, 99, 0));
        }

      scores = kt_supplier_scores_compute_at (suppliers, contracts, NULL, settings, &today);
      g_assert_cmpuint (scores->len, ==, 1);
      score = g_ptr_array_index (scores, 0);

      g_assert_cmpint (score->supplier_id, ==, 7);
      g_assert_cmpstr (score->supplier_name, ==, "Netcompany A/S");
      g_assert_cmpuint (score->n_contracts, ==, n_live);
      g_assert_cmpuint (score->computed_importance, ==, c->importance);
      g_assert_cmpuint (score->computed_risk, ==, c->risk);
      g_assert_cmpuint (score->importance, ==, c->importance);
      g_assert_cmpuint (score->risk, ==, c->risk);
      g_assert_cmpint (score->segment, ==, c->segment);
      g_assert_null (score->override);

      g_assert_cmpfloat (score->spend_term, >=, 0.0);
      g_assert_cmpfloat (score->spend_term, <=, 1.0);
      g_assert_cmpfloat (score->value_term, >=, 0.0);
      g_assert_cmpfloat (score->value_term, <=, 1.0);
      g_assert_cmpfloat (score->notice_term, <=, 1.0);
    }
}

/* The sums and terms of one supplier, and unknown amounts left out. */
static void
test_terms (void)
{
  GDate today = date (TODAY);
  g_autoptr(GPtrArray) contracts = ARRAY (kt_contract_free);
  g_autoptr(GPtrArray) scores = NULL;
  const KtSupplierScore *score;
  Spec a = { .annual_cost = KR (1000000), .contract_sum = NONE,
                 .criticality = KT_CRITICALITY_HIGH, .exit_notes = "-", .notice_months = 3 };
  Spec b = { .annual_cost = NONE, .contract_sum = KR (2000000) };
  Spec other = { .contract_sum = KR (14000000) };

  g_ptr_array_add (contracts, contract_from_spec (&a, 1, 3));
  g_ptr_array_add (contracts, contract_from_spec (&b, 2, 3));
  g_ptr_array_add (contracts, contract_from_spec (&other, 3, 0));

  /* No supplier list: the name is the contract's, here none. */
  scores = kt_supplier_scores_compute_at (NULL, contracts, NULL, NULL, &today);
  g_assert_cmpuint (scores->len, ==, 1);
  score = g_ptr_array_index (scores, 0);

  g_assert_cmpstr (score->supplier_name, ==, "");
  g_assert_cmpint (score->annual_spend, ==, KR (1000000));
  g_assert_cmpint (score->contract_value, ==, KR (2000000));
  g_assert_cmpfloat_with_epsilon (score->spend_term, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (score->value_term, 0.5, 1e-9);      /* 4 × 2/16 */
  g_assert_cmpfloat_with_epsilon (score->criticality_term, 2.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (score->lock_in_term, 1.0 / 6.0, 1e-9);  /* 1 of 6 marks */
  g_assert_cmpfloat_with_epsilon (score->notice_term, 0.25, 1e-9);
  /* 20 + 15 + 20 = 55; 6.67 + 20 + 7.5 = 34.2 */
  g_assert_cmpuint (score->importance, ==, 55);
  g_assert_cmpuint (score->risk, ==, 34);
}

/* One score per supplier with a live contract, sorted by name; overrides
 * replace what is shown and keep what was computed. */
static void
test_portfolio_and_overrides (void)
{
  GDate today = date (TODAY);
  g_autoptr(GPtrArray) suppliers = ARRAY (kt_supplier_free);
  g_autoptr(GPtrArray) contracts = ARRAY (kt_contract_free);
  g_autoptr(GPtrArray) overrides = ARRAY (kt_score_override_free);
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(KtMatrixSettings) settings = kt_matrix_settings_new ();
  g_autoptr(KtSupplierScore) copy = NULL;
  KtScoreOverride *o;
  const KtSupplierScore *s;
  Spec strategic = { .annual_cost = KR (2000000), .criticality = KT_CRITICALITY_CRITICAL,
                         .notice_months = 12 };
  Spec small = { .annual_cost = KR (100000) };
  Spec expired = { .status = KT_STATUS_EXPIRED, .annual_cost = KR (100000) };

  g_ptr_array_add (suppliers, supplier_new (1, "Netcompany A/S"));
  g_ptr_array_add (suppliers, supplier_new (2, "Atea A/S"));
  g_ptr_array_add (suppliers, supplier_new (3, "KMD A/S"));
  g_ptr_array_add (suppliers, supplier_new (4, "Only expired ApS"));
  g_ptr_array_add (suppliers, supplier_new (5, "No contracts ApS"));

  g_ptr_array_add (contracts, contract_from_spec (&strategic, 1, 1));
  g_ptr_array_add (contracts, contract_from_spec (&small, 2, 2));
  g_ptr_array_add (contracts, contract_from_spec (&small, 3, 3));
  g_ptr_array_add (contracts, contract_from_spec (&expired, 4, 4));
  g_ptr_array_add (contracts, contract_from_spec (&small, 5, 0));

  /* The committee moves Netcompany to leverage, KMD to bottleneck. */
  o = kt_score_override_new ();
  o->supplier_id = 1;
  o->version = 3;
  o->importance = 90;
  o->risk = 10;
  o->reason = g_strdup ("Many suppliers can run it");
  g_ptr_array_add (overrides, o);
  o = kt_score_override_new ();
  o->supplier_id = 3;
  o->version = 1;
  o->importance = 49;
  o->risk = 50;
  o->reason = g_strdup ("Only one supplier knows the old data");
  g_ptr_array_add (overrides, o);
  /* Of a supplier without live contracts: ignored. */
  o = kt_score_override_new ();
  o->supplier_id = 4;
  o->importance = 100;
  o->risk = 100;
  o->reason = g_strdup ("Gone");
  g_ptr_array_add (overrides, o);

  scores = kt_supplier_scores_compute_at (suppliers, contracts, overrides, settings, &today);
  g_assert_cmpuint (scores->len, ==, 3);

  s = g_ptr_array_index (scores, 0);
  g_assert_cmpstr (s->supplier_name, ==, "Atea A/S");
  g_assert_null (s->override);
  g_assert_cmpuint (s->importance, ==, 2);
  g_assert_cmpint (s->segment, ==, KT_SEGMENT_NON_CRITICAL);

  s = g_ptr_array_index (scores, 1);
  g_assert_cmpstr (s->supplier_name, ==, "KMD A/S");
  g_assert_cmpuint (s->computed_importance, ==, 2);
  g_assert_cmpuint (s->computed_risk, ==, 0);
  g_assert_cmpuint (s->importance, ==, 49);
  g_assert_cmpuint (s->risk, ==, 50);
  g_assert_cmpint (s->segment, ==, KT_SEGMENT_BOTTLENECK);

  s = g_ptr_array_index (scores, 2);
  g_assert_cmpstr (s->supplier_name, ==, "Netcompany A/S");
  g_assert_cmpuint (s->computed_importance, ==, 70);
  g_assert_cmpuint (s->computed_risk, ==, 60);
  g_assert_cmpuint (s->importance, ==, 90);
  g_assert_cmpuint (s->risk, ==, 10);
  g_assert_cmpint (s->segment, ==, KT_SEGMENT_LEVERAGE);
  g_assert_nonnull (s->override);
  g_assert_true (s->override != g_ptr_array_index (overrides, 0));
  g_assert_cmpint (s->override->version, ==, 3);
  g_assert_cmpstr (s->override->reason, ==, "Many suppliers can run it");

  copy = kt_supplier_score_copy (s);
  g_assert_cmpstr (copy->supplier_name, ==, s->supplier_name);
  g_assert_true (copy->supplier_name != s->supplier_name);
  g_assert_true (copy->override != s->override);
  g_assert_cmpstr (copy->override->reason, ==, s->override->reason);
  g_assert_cmpuint (copy->importance, ==, 90);

  /* Without overrides the computed numbers show. */
  g_clear_pointer (&scores, g_ptr_array_unref);
  scores = kt_supplier_scores_compute_at (suppliers, contracts, NULL, settings, &today);
  s = g_ptr_array_index (scores, 2);
  g_assert_cmpuint (s->importance, ==, 70);
  g_assert_cmpint (s->segment, ==, KT_SEGMENT_STRATEGIC);

  /* compute () is compute_at () on today: no dates here depend on it. */
  g_clear_pointer (&scores, g_ptr_array_unref);
  scores = kt_supplier_scores_compute (suppliers, contracts, overrides, settings);
  g_assert_cmpuint (scores->len, ==, 3);
  g_assert_cmpuint (((KtSupplierScore *) g_ptr_array_index (scores, 2))->importance, ==, 90);
}

static void
test_segment_for (void)
{
  g_assert_cmpint (kt_segment_for (50, 50, 50, 50), ==, KT_SEGMENT_STRATEGIC);
  g_assert_cmpint (kt_segment_for (50, 49, 50, 50), ==, KT_SEGMENT_LEVERAGE);
  g_assert_cmpint (kt_segment_for (49, 50, 50, 50), ==, KT_SEGMENT_BOTTLENECK);
  g_assert_cmpint (kt_segment_for (49, 49, 50, 50), ==, KT_SEGMENT_NON_CRITICAL);
  g_assert_cmpint (kt_segment_for (100, 0, 99, 1), ==, KT_SEGMENT_LEVERAGE);
  g_assert_cmpint (kt_segment_for (0, 1, 1, 1), ==, KT_SEGMENT_BOTTLENECK);

  g_assert_cmpstr (kt_segment_label (KT_SEGMENT_STRATEGIC), ==, "Strategic");
  g_assert_cmpstr (kt_segment_label (KT_SEGMENT_LEVERAGE), ==, "Leverage");
  g_assert_cmpstr (kt_segment_label (KT_SEGMENT_BOTTLENECK), ==, "Bottleneck");
  g_assert_cmpstr (kt_segment_label (KT_SEGMENT_NON_CRITICAL), ==, "Non-critical");
}

static void
assert_check (const KtMatrixSettings *settings,
              const char             *expected_part)
{
  g_autofree char *message = kt_matrix_settings_check (settings);

  if (expected_part == NULL)
    {
      g_assert_null (message);
      return;
    }

  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, expected_part));
}

static void
test_settings (void)
{
  g_autoptr(KtMatrixSettings) s = kt_matrix_settings_new ();
  g_autoptr(KtMatrixSettings) copy = NULL;

  g_assert_cmpuint (s->importance_threshold, ==, 50);
  g_assert_cmpuint (s->risk_threshold, ==, 50);
  g_assert_cmpint (s->full_spend, ==, KR (2000000));
  g_assert_cmpuint (s->long_notice_months, ==, 12);
  assert_check (s, NULL);

  s->importance_threshold = 0;
  assert_check (s, "importance threshold");
  s->risk_threshold = 100;
  assert_check (s, "importance threshold");   /* the first one */
  s->importance_threshold = 99;
  assert_check (s, "risk threshold");
  s->risk_threshold = 1;
  assert_check (s, NULL);

  s->full_spend = 0;
  assert_check (s, "annual spend");
  s->full_spend = KT_MONEY_NONE;
  assert_check (s, "annual spend");
  s->full_spend = 1;
  assert_check (s, NULL);

  s->long_notice_months = 0;
  assert_check (s, "notice period");
  s->long_notice_months = 61;
  assert_check (s, "notice period");
  s->long_notice_months = 60;
  assert_check (s, NULL);

  s->changed_by = g_strdup ("Anna Jensen");
  copy = kt_matrix_settings_copy (s);
  g_assert_cmpstr (copy->changed_by, ==, "Anna Jensen");
  g_assert_true (copy->changed_by != s->changed_by);
  g_assert_cmpuint (copy->importance_threshold, ==, 99);
}

static void
test_override_check (void)
{
  g_autoptr(KtScoreOverride) o = kt_score_override_new ();
  char *message;

  o->supplier_id = 1;
  o->importance = 100;
  o->risk = 0;
  message = kt_score_override_check (o);
  g_assert_nonnull (message);           /* no reason */
  g_free (message);

  o->reason = g_strdup (" \t\n");
  message = kt_score_override_check (o);
  g_assert_nonnull (message);
  g_free (message);

  g_free (o->reason);
  o->reason = g_strdup ("Sole supplier of the payroll system");
  g_assert_null (kt_score_override_check (o));

  o->importance = 101;
  message = kt_score_override_check (o);
  g_assert_nonnull (strstr (message, "importance"));
  g_free (message);

  o->importance = 0;
  o->risk = 101;
  message = kt_score_override_check (o);
  g_assert_nonnull (strstr (message, "risk"));
  g_free (message);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static void
test_explain (void)
{
  GDate today = date (TODAY);
  g_autoptr(GPtrArray) suppliers = ARRAY (kt_supplier_free);
  g_autoptr(GPtrArray) contracts = ARRAY (kt_contract_free);
  g_autoptr(GPtrArray) overrides = ARRAY (kt_score_override_free);
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(KtMatrixSettings) settings = kt_matrix_settings_new ();
  g_autofree char *text = NULL;
  g_autofree char *with_override = NULL;
  KtScoreOverride *o;
  /* spend 0.80 (32); value 4 × 2/16 = 0.50 (15); critical (30): 77.
   * lock-in 1 of 3 marks (13.3); criticality (30); notice 6/12 (15): 58.3 */
  Spec a = { .annual_cost = KR (1600000), .contract_sum = KR (2000000),
                 .criticality = KT_CRITICALITY_CRITICAL, .exit_notes = "-", .notice_months = 6 };
  Spec other = { .contract_sum = KR (14000000) };

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);

  g_ptr_array_add (suppliers, supplier_new (1, "Netcompany A/S"));
  g_ptr_array_add (contracts, contract_from_spec (&a, 1, 1));
  g_ptr_array_add (contracts, contract_from_spec (&other, 2, 0));

  scores = kt_supplier_scores_compute_at (suppliers, contracts, NULL, settings, &today);
  text = kt_supplier_score_explain (g_ptr_array_index (scores, 0), settings);
  g_test_message ("%s", text);

  /* Decimals and amounts in the style of kt-format, whatever the locale. */
  assert_contains (text, "Importance 77 = 100 × (0,4 × spend 0,80 + 0,3 × value 0,50 + "
                         "0,3 × criticality 1,00)");
  assert_contains (text, "1.600.000,00 kr.");
  assert_contains (text, "2.000.000,00 kr.");
  assert_contains (text, "12,5 %");
  assert_contains (text, "Risk 58 = 100 × (0,4 × lock-in 0,33 + 0,3 × criticality 1,00 + "
                         "0,3 × notice 0,50)");
  assert_contains (text, "1 of 3 marks over its 1 contract");
  assert_contains (text, "is 6 months; 12 months count fully");
  assert_contains (text, "Segment: Strategic (thresholds: importance 50, risk 50)");
  g_assert_null (strstr (text, "by hand"));

  o = kt_score_override_new ();
  o->supplier_id = 1;
  o->version = 1;
  o->importance = 30;
  o->risk = 80;
  o->reason = g_strdup ("Only one supplier knows the old data");
  o->changed_by = g_strdup ("Anna Jensen");
  o->changed_at = g_strdup ("2026-03-05T11:00:00Z");
  g_ptr_array_add (overrides, o);

  g_clear_pointer (&scores, g_ptr_array_unref);
  scores = kt_supplier_scores_compute_at (suppliers, contracts, overrides, settings, &today);
  with_override = kt_supplier_score_explain (g_ptr_array_index (scores, 0), settings);
  g_test_message ("%s", with_override);

  assert_contains (with_override, "Importance 77 = ");
  assert_contains (with_override, "Segment: Bottleneck");
  assert_contains (with_override, "Placed by hand by Anna Jensen on 05.03.2026: Only one supplier "
                                  "knows the old data (computed: importance 77, risk 58)");

  kt_format_set_style (KT_FORMAT_STYLE_ENGLISH);
  g_free (text);
  text = kt_supplier_score_explain (g_ptr_array_index (scores, 0), settings);
  assert_contains (text, "Importance 77 = 100 × (0.4 × spend 0.80 + 0.3 × value 0.50 + "
                         "0.3 × criticality 1.00)");
  assert_contains (text, "DKK 1,600,000.00");
  assert_contains (text, "12.5 %");
  assert_contains (text, "Placed by hand by Anna Jensen on 2026-03-05: ");

  kt_format_set_style (KT_FORMAT_STYLE_AUTO);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/supplier-score/table", test_table);
  g_test_add_func ("/model/supplier-score/terms", test_terms);
  g_test_add_func ("/model/supplier-score/portfolio-and-overrides", test_portfolio_and_overrides);
  g_test_add_func ("/model/supplier-score/segment", test_segment_for);
  g_test_add_func ("/model/supplier-score/settings", test_settings);
  g_test_add_func ("/model/supplier-score/override-check", test_override_check);
  g_test_add_func ("/model/supplier-score/explain", test_explain);

  return g_test_run ();
}
