/* kt-deadline-settings.h — portfolio-wide terms of the derived deadlines
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kt-enums.h"

G_BEGIN_DECLS

#define KT_TYPE_DEADLINE_SETTINGS (kt_deadline_settings_get_type ())

/* Upper bounds the editor and the store enforce. */
#define KT_DEADLINE_MAX_DECISION_BUFFER_DAYS 365
#define KT_DEADLINE_MAX_LEAD_MONTHS          60

/* Kept in the portfolio file (kt_store_get/set_deadline_settings) so that
 * every colleague working on it sees the same deadlines; versioned and
 * audited like a contract. */
typedef struct {
  gint64  id;                                    /* always 1 once stored */
  gint64  version;

  /* The decision date is the last day to give notice minus this many days:
   * time to decide, get approval and write the letter. */
  guint   decision_buffer_days;
  /* Re-procurement must start this many months before the contract ends,
   * per procurement form of the contract (indexed by KtProcurementForm). */
  guint   lead_months[KT_PROCUREMENT_N_FORMS];

  /* Filled by the store when reading. */
  char   *changed_by;
  char   *changed_at;
} KtDeadlineSettings;

GType               kt_deadline_settings_get_type     (void) G_GNUC_CONST;
/* The defaults, documented in kt-deadline-settings.c. */
KtDeadlineSettings *kt_deadline_settings_new          (void);
KtDeadlineSettings *kt_deadline_settings_copy         (const KtDeadlineSettings *settings);
void                kt_deadline_settings_free         (KtDeadlineSettings       *settings);
/* Every stored field equal (ignores id, version, changed_*). */
gboolean            kt_deadline_settings_equal_fields (const KtDeadlineSettings *a,
                                                       const KtDeadlineSettings *b);
/* Resets the terms (not id / version) to the defaults. */
void                kt_deadline_settings_set_defaults (KtDeadlineSettings       *settings);
guint               kt_deadline_settings_get_lead_months (const KtDeadlineSettings *settings,
                                                          KtProcurementForm         form);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtDeadlineSettings, kt_deadline_settings_free)

G_END_DECLS
