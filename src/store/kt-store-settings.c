/* kt-store-settings.c — the portfolio's deadline terms
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row (id 1) in the file, written by migration 2 with the defaults of
 * that time, so that everyone who opens the portfolio sees the same
 * decision dates and re-procurement starts, whatever version they run.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stddef.h>

#include <glib/gi18n.h>

#include "kt-store-private.h"

#define SETTINGS_ID 1

#define LEAD(code, form) \
  { "lead_months_" code, KT_FIELD_UINT, offsetof (KtDeadlineSettings, lead_months[form]), 0 }

static const KtField settings_fields[] = {
  { "decision_buffer_days", KT_FIELD_UINT, offsetof (KtDeadlineSettings, decision_buffer_days), 0 },
  LEAD ("ski", KT_PROCUREMENT_SKI),
  LEAD ("eu_tender", KT_PROCUREMENT_EU_TENDER),
  LEAD ("own_tender", KT_PROCUREMENT_OWN_TENDER),
  LEAD ("joint_tender", KT_PROCUREMENT_JOINT_TENDER),
  LEAD ("kombit", KT_PROCUREMENT_KOMBIT),
  LEAD ("direct_award", KT_PROCUREMENT_DIRECT_AWARD),
};

#undef LEAD

G_STATIC_ASSERT (G_N_ELEMENTS (settings_fields) == 1 + KT_PROCUREMENT_N_FORMS);

static KtEntity settings_entity = {
  .entity = "settings",
  .table = "deadline_settings",
  .fields = settings_fields,
  .n_fields = G_N_ELEMENTS (settings_fields),
  .id_offset = offsetof (KtDeadlineSettings, id),
  .version_offset = offsetof (KtDeadlineSettings, version),
  .changed_by_offset = offsetof (KtDeadlineSettings, changed_by),
  .changed_at_offset = offsetof (KtDeadlineSettings, changed_at),
  .soft_delete = FALSE,
  .new_record = (gpointer (*) (void)) kt_deadline_settings_new,
  .free_record = (void (*) (gpointer)) kt_deadline_settings_free,
};

#define SETTINGS (kt_entity_get (&settings_entity))

KtDeadlineSettings *
kt_store_get_deadline_settings (KtStore  *self,
                                GError  **error)
{
  GError *local_error = NULL;
  KtDeadlineSettings *settings;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  settings = kt_store_row_fetch (self, SETTINGS, SETTINGS_ID, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* Someone removed the row with another program: the defaults hold. */
  if (settings == NULL)
    settings = kt_deadline_settings_new ();

  return settings;
}

gboolean
kt_store_set_deadline_settings (KtStore             *self,
                                KtDeadlineSettings  *settings,
                                GError             **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!kt_store_check_writable (self, error))
    return FALSE;

  if (settings->decision_buffer_days > KT_DEADLINE_MAX_DECISION_BUFFER_DAYS)
    {
      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                   ngettext ("The decision buffer can be at most %d day.",
                             "The decision buffer can be at most %d days.",
                             KT_DEADLINE_MAX_DECISION_BUFFER_DAYS),
                   KT_DEADLINE_MAX_DECISION_BUFFER_DAYS);
      return FALSE;
    }

  for (guint i = 0; i < KT_PROCUREMENT_N_FORMS; i++)
    if (settings->lead_months[i] > KT_DEADLINE_MAX_LEAD_MONTHS)
      {
        g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                     ngettext ("The lead time of a re-procurement can be at most %d month.",
                               "The lead time of a re-procurement can be at most %d months.",
                               KT_DEADLINE_MAX_LEAD_MONTHS),
                     KT_DEADLINE_MAX_LEAD_MONTHS);
        return FALSE;
      }

  settings->id = SETTINGS_ID;

  return kt_store_save_row (self, SETTINGS, settings, _("Deadline settings"), NULL, error);
}
