/* kt-supplier-score-text.c — the score in words: segment names, the
 * formula with a supplier's numbers, messages about what was typed
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "kt-format.h"
#include "kt-supplier-score-private.h"

/* ---- segments ---- */

const char *
kt_segment_label (KtSegment segment)
{
  switch (segment)
    {
    case KT_SEGMENT_STRATEGIC:
      /* Translators: supplier segment of Kraljic's matrix: important and
       * risky (Danish: Strategisk) */
      return _("Strategic");
    case KT_SEGMENT_LEVERAGE:
      /* Translators: supplier segment of Kraljic's matrix: important, low
       * risk (Danish: Løftestang) */
      return _("Leverage");
    case KT_SEGMENT_BOTTLENECK:
      /* Translators: supplier segment of Kraljic's matrix: less important,
       * risky (Danish: Flaskehals) */
      return _("Bottleneck");
    case KT_SEGMENT_NON_CRITICAL:
      /* Translators: supplier segment of Kraljic's matrix: neither
       * important nor risky (Danish: Ukritisk) */
      return _("Non-critical");
    default:
      g_return_val_if_reached ("");
    }
}

char *
kt_matrix_settings_check (const KtMatrixSettings *settings)
{
  g_return_val_if_fail (settings != NULL, NULL);

  if (settings->importance_threshold < KT_SCORE_THRESHOLD_MIN ||
      settings->importance_threshold > KT_SCORE_THRESHOLD_MAX)
    /* Translators: a setting of the supplier matrix; "between 1 and 99" */
    return g_strdup_printf (_("The importance threshold must be between %d and %d."),
                            KT_SCORE_THRESHOLD_MIN, KT_SCORE_THRESHOLD_MAX);

  if (settings->risk_threshold < KT_SCORE_THRESHOLD_MIN ||
      settings->risk_threshold > KT_SCORE_THRESHOLD_MAX)
    /* Translators: a setting of the supplier matrix; "between 1 and 99" */
    return g_strdup_printf (_("The risk threshold must be between %d and %d."),
                            KT_SCORE_THRESHOLD_MIN, KT_SCORE_THRESHOLD_MAX);

  if (settings->full_spend <= 0)
    /* Translators: a setting of the supplier matrix: the annual spend at
     * which a supplier's spend counts fully towards its importance */
    return g_strdup (_("The annual spend that counts fully must be more than zero."));

  if (settings->long_notice_months < KT_SCORE_LONG_NOTICE_MIN ||
      settings->long_notice_months > KT_SCORE_LONG_NOTICE_MAX)
    /* Translators: a setting of the supplier matrix: the notice period at
     * which a supplier's notice exposure counts fully towards its risk;
     * "between 1 and 60 months" */
    return g_strdup_printf (_("The notice period that counts fully must be between %d and %d "
                              "months."),
                            KT_SCORE_LONG_NOTICE_MIN, KT_SCORE_LONG_NOTICE_MAX);

  return NULL;
}

char *
kt_score_override_check (const KtScoreOverride *override)
{
  g_return_val_if_fail (override != NULL, NULL);

  if (override->importance > KT_SCORE_MAX)
    /* Translators: a supplier placed by hand in the supplier matrix */
    return g_strdup_printf (_("The importance must be between 0 and %d."), KT_SCORE_MAX);

  if (override->risk > KT_SCORE_MAX)
    /* Translators: a supplier placed by hand in the supplier matrix */
    return g_strdup_printf (_("The risk must be between 0 and %d."), KT_SCORE_MAX);

  if (kt_score_text_is_blank (override->reason))
    /* Translators: a supplier placed by hand in the supplier matrix must
     * say why, for the portfolio committee and the audit trail */
    return g_strdup (_("Give a reason for placing the supplier by hand."));

  return NULL;
}

/* ---- the formula in words ---- */

/* Decimals in the style of kt-format ("0,80" under Danish), which does
 * not follow the C library's locale either. */
static char *
decimal (double value,
         guint  places)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, places == 1 ? "%.1f" : "%.2f", value);
  if (kt_format_get_style () == KT_FORMAT_STYLE_DANISH)
    g_strdelimit (buf, ".", ',');

  return g_strdup (buf);
}

static void
explain_override (GString               *text,
                  const KtSupplierScore *score)
{
  const KtScoreOverride *o = score->override;
  const char *by = o->changed_by != NULL && *o->changed_by != '\0' ? o->changed_by
                   /* Translators: who placed a supplier by hand, when unknown */
                   : _("someone");
  const char *reason = o->reason != NULL ? o->reason : "";
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  GDate day;
  int y, m, d;

  if (o->changed_at != NULL)
    utc = g_date_time_new_from_iso8601 (o->changed_at, NULL);

  if (utc == NULL)
    {
      g_string_append_printf (text,
                              /* Translators: as "Placed by hand by %s on %s: …", when
                               * the date is not known */
                              _("Placed by hand by %s: %s (computed: importance %u, risk %u)"),
                              by, reason, score->computed_importance, score->computed_risk);
      return;
    }

  local = g_date_time_to_local (utc);
  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  date = kt_format_date (&day);

  g_string_append_printf (text,
                          /* Translators: the last line of the supplier's score:
                           * "Placed by hand by Anna Jensen on 26.11.2026: Sole
                           * supplier of the payroll system (computed: importance
                           * 42, risk 38)" */
                          _("Placed by hand by %s on %s: %s (computed: importance %u, risk %u)"),
                          by, date, reason, score->computed_importance, score->computed_risk);
}

char *
kt_supplier_score_explain (const KtSupplierScore  *score,
                           const KtMatrixSettings *settings)
{
  g_autoptr(KtMatrixSettings) defaults = NULL;
  g_autofree char *spend = NULL, *full = NULL, *value = NULL;
  g_autofree char *w_spend = NULL, *w_value = NULL, *w_icrit = NULL;
  g_autofree char *w_lock = NULL, *w_rcrit = NULL, *w_notice = NULL;
  g_autofree char *t_spend = NULL, *t_value = NULL, *t_crit = NULL;
  g_autofree char *t_lock = NULL, *t_notice = NULL, *share = NULL;
  GString *text;
  guint n, marks, months;
  int level;

  g_return_val_if_fail (score != NULL, NULL);

  if (settings == NULL)
    settings = defaults = kt_matrix_settings_new ();

  n = MAX (score->n_contracts, 1);
  spend = kt_format_money (score->annual_spend);
  full = kt_format_money (settings->full_spend);
  value = kt_format_money (score->contract_value);
  /* The weights come from the computation, so the text cannot drift from it. */
  w_spend = decimal (KT_SCORE_W_SPEND, 1);
  w_value = decimal (KT_SCORE_W_VALUE, 1);
  w_icrit = decimal (KT_SCORE_W_IMPORTANCE_CRIT, 1);
  w_lock = decimal (KT_SCORE_W_LOCK_IN, 1);
  w_rcrit = decimal (KT_SCORE_W_RISK_CRIT, 1);
  w_notice = decimal (KT_SCORE_W_NOTICE, 1);
  t_spend = decimal (score->spend_term, 2);
  t_value = decimal (score->value_term, 2);
  t_crit = decimal (score->criticality_term, 2);
  t_lock = decimal (score->lock_in_term, 2);
  t_notice = decimal (score->notice_term, 2);
  share = decimal (100.0 * score->value_term / KT_SCORE_VALUE_SHARE_FULL, 1);
  level = CLAMP ((int) lround (score->criticality_term * KT_CRITICALITY_CRITICAL),
                 KT_CRITICALITY_LOW, KT_CRITICALITY_CRITICAL);
  marks = (guint) lround (score->lock_in_term * 3 * n);
  months = (guint) lround (score->notice_term * settings->long_notice_months);

  text = g_string_new (NULL);

  g_string_append_printf (text,
                          /* Translators: the importance formula with one supplier's
                           * numbers: "Importance 72 = 100 × (0.4 × spend 0.80 + 0.3 ×
                           * value 0.55 + 0.3 × criticality 0.67)"; the numbers come
                           * formatted already */
                          _("Importance %u = 100 × (%s × spend %s + %s × value %s + "
                            "%s × criticality %s)"),
                          score->computed_importance,
                          w_spend, t_spend, w_value, t_value, w_icrit, t_crit);
  g_string_append_c (text, '\n');

  g_string_append_printf (text,
                          /* Translators: a term of the importance formula: "Spend 0.80:
                           * annual spend 1.600.000,00 kr. of 2.000.000,00 kr., the
                           * annual spend that counts fully" */
                          _("Spend %s: annual spend %s of %s, the annual spend that counts "
                            "fully"),
                          t_spend, spend, full);
  g_string_append_c (text, '\n');

  if (score->value_term < 1.0)
    g_string_append_printf (text,
                            /* Translators: a term of the importance formula: "Value 0.55:
                             * contract sums 5.000.000,00 kr., 13.8 % of all live contracts;
                             * a quarter counts fully" */
                            _("Value %s: contract sums %s, %s %% of all live contracts; a "
                              "quarter counts fully"),
                            t_value, value, share);
  else
    g_string_append_printf (text,
                            /* Translators: a term of the importance formula, when the
                             * supplier has a quarter or more of the portfolio's value */
                            _("Value %s: contract sums %s, a quarter or more of all live "
                              "contracts"),
                            t_value, value);
  g_string_append_c (text, '\n');

  g_string_append_printf (text,
                          /* Translators: a term of both formulas: "Criticality 0.67: its
                           * most critical contract is rated “High”" */
                          _("Criticality %s: its most critical contract is rated “%s”"),
                          t_crit, kt_enum_label (KT_ENUM_CRITICALITY, level));
  g_string_append_c (text, '\n');

  g_string_append_printf (text,
                          /* Translators: the risk formula with one supplier's numbers:
                           * "Risk 55 = 100 × (0.4 × lock-in 0.33 + 0.3 × criticality
                           * 0.67 + 0.3 × notice 0.50)"; the numbers come formatted
                           * already */
                          _("Risk %u = 100 × (%s × lock-in %s + %s × criticality %s + "
                            "%s × notice %s)"),
                          score->computed_risk,
                          w_lock, t_lock, w_rcrit, t_crit, w_notice, t_notice);
  g_string_append_c (text, '\n');

  g_string_append_printf (text,
                          /* Translators: a term of the risk formula: "Lock-in 0.33: 3 of
                           * 9 marks over its 3 contracts". Each contract can have three
                           * marks: no exit and handover notes, direct award, no
                           * extension option left; the plural is of contracts. */
                          ngettext ("Lock-in %s: %u of %u marks over its %u contract (no exit "
                                    "and handover notes; direct award; no extension option left)",
                                    "Lock-in %s: %u of %u marks over its %u contracts (no exit "
                                    "and handover notes; direct award; no extension option left)",
                                    n),
                          t_lock, marks, 3 * n, n);
  g_string_append_c (text, '\n');

  if (score->notice_term < 1.0)
    g_string_append_printf (text,
                            /* Translators: a term of the risk formula: "Notice 0.50: the
                             * longest notice or irrevocable period is 6 months; 12 months
                             * count fully". The plural is of the first number. */
                            ngettext ("Notice %s: the longest notice or irrevocable period is "
                                      "%u month; %u months count fully",
                                      "Notice %s: the longest notice or irrevocable period is "
                                      "%u months; %u months count fully",
                                      months),
                            t_notice, months, settings->long_notice_months);
  else
    g_string_append_printf (text,
                            /* Translators: a term of the risk formula, when the longest
                             * notice or irrevocable period counts fully */
                            ngettext ("Notice %s: a notice or irrevocable period of %u month "
                                      "or more",
                                      "Notice %s: a notice or irrevocable period of %u months "
                                      "or more",
                                      settings->long_notice_months),
                            t_notice, settings->long_notice_months);
  g_string_append_c (text, '\n');

  g_string_append_printf (text,
                          /* Translators: "Segment: Strategic (thresholds: importance 50,
                           * risk 50)" */
                          _("Segment: %s (thresholds: importance %u, risk %u)"),
                          kt_segment_label (score->segment),
                          settings->importance_threshold, settings->risk_threshold);

  if (score->override != NULL)
    {
      g_string_append_c (text, '\n');
      explain_override (text, score);
    }

  return g_string_free (text, FALSE);
}
