/* kt-deadline-settings.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-deadline-settings.h"

G_DEFINE_BOXED_TYPE (KtDeadlineSettings, kt_deadline_settings,
                     kt_deadline_settings_copy, kt_deadline_settings_free)

/* A month to decide whether to give notice: time for the system owner and
 * the contract manager to agree, and for the decision to pass a manager. */
#define DEFAULT_DECISION_BUFFER_DAYS 30

/* How long before the end of a contract the purchase of its successor must
 * start, from the first needs analysis to a signed contract and a planned
 * transition. Rough, deliberately on the safe side; each municipality sets
 * its own in the portfolio.
 *
 * - EU tender, 12 months: analysis and market dialogue, tender documents,
 *   at least 30-35 days for offers under the EU rules, evaluation, the
 *   10-day standstill period, then a transition from the old supplier.
 * - SKI framework, 6 months: a mini-tender (miniudbud) or direct order under
 *   an existing framework agreement; the terms are given, deadlines short.
 * - Own tender, 9 months: a tender below the EU thresholds or a national
 *   procedure: fewer formal deadlines than an EU tender, same preparation.
 * - Joint tender, 15 months: as an EU tender, plus agreeing needs and
 *   decisions with the other municipalities.
 * - KOMBIT, 18 months: joint municipal systems follow KOMBIT's programme;
 *   the municipality must be ready for its own decisions and the
 *   implementation well ahead.
 * - Direct award, 3 months: no competition, but a needs case, the legal
 *   grounds for a direct award and the negotiation still take time. */
static const guint default_lead_months[KT_PROCUREMENT_N_FORMS] = {
  [KT_PROCUREMENT_SKI] = 6,
  [KT_PROCUREMENT_EU_TENDER] = 12,
  [KT_PROCUREMENT_OWN_TENDER] = 9,
  [KT_PROCUREMENT_JOINT_TENDER] = 15,
  [KT_PROCUREMENT_KOMBIT] = 18,
  [KT_PROCUREMENT_DIRECT_AWARD] = 3,
};

void
kt_deadline_settings_set_defaults (KtDeadlineSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->decision_buffer_days = DEFAULT_DECISION_BUFFER_DAYS;
  for (guint i = 0; i < KT_PROCUREMENT_N_FORMS; i++)
    settings->lead_months[i] = default_lead_months[i];
}

KtDeadlineSettings *
kt_deadline_settings_new (void)
{
  KtDeadlineSettings *self = g_new0 (KtDeadlineSettings, 1);

  kt_deadline_settings_set_defaults (self);

  return self;
}

KtDeadlineSettings *
kt_deadline_settings_copy (const KtDeadlineSettings *settings)
{
  KtDeadlineSettings *copy;

  g_return_val_if_fail (settings != NULL, NULL);

  copy = g_memdup2 (settings, sizeof *settings);
  copy->changed_by = g_strdup (settings->changed_by);
  copy->changed_at = g_strdup (settings->changed_at);

  return copy;
}

void
kt_deadline_settings_free (KtDeadlineSettings *settings)
{
  if (settings == NULL)
    return;

  g_free (settings->changed_by);
  g_free (settings->changed_at);
  g_free (settings);
}

gboolean
kt_deadline_settings_equal_fields (const KtDeadlineSettings *a,
                                   const KtDeadlineSettings *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a->decision_buffer_days != b->decision_buffer_days)
    return FALSE;

  for (guint i = 0; i < KT_PROCUREMENT_N_FORMS; i++)
    if (a->lead_months[i] != b->lead_months[i])
      return FALSE;

  return TRUE;
}

guint
kt_deadline_settings_get_lead_months (const KtDeadlineSettings *settings,
                                      KtProcurementForm         form)
{
  g_return_val_if_fail (settings != NULL, 0);

  if ((guint) form >= KT_PROCUREMENT_N_FORMS)
    return 0;

  return settings->lead_months[form];
}
