/* kt-deadline.h — date arithmetic of notice periods
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kt-contract.h"

G_BEGIN_DECLS

/* Moves a valid date back by whole months the way notice periods are
 * counted: the last day of a month maps to the last day of the target month
 * (31 Jan - 1 = 31 Dec, 30 Apr - 1 = 31 Mar, 29 Feb 2024 - 12 = 28 Feb 2023);
 * any other day keeps its number, clamped to the target month's length
 * (31 Mar - 1 = 28/29 Feb, 15 May - 3 = 15 Feb). */
void      kt_date_subtract_months      (GDate        *date,
                                        guint         months);

/* Moves a valid date to the first end of a month / quarter / year on or
 * after it (quarters end 31 Mar, 30 Jun, 30 Sep, 31 Dec);
 * KT_NOTICE_RULE_ANY_DAY leaves it unchanged. */
void      kt_date_to_period_end        (GDate        *date,
                                        KtNoticeRule  rule);

/* The last day to give notice (sidste frist for opsigelse) with
 * n = contract->notice_months and "period end" per contract->notice_rule:
 *
 * - Status notice given or expired: there is none (FALSE).
 * - Fixed term (end date set, not running): the contract ends at
 *   T = the first period end on or after the end date; the result is
 *   T - n months (kt_date_subtract_months). It does not depend on today and
 *   may be in the past.
 * - Running (løbende): T is the earliest period end (with ANY_DAY: any day)
 *   such that T >= irrevocable_until (when set) and T - n months >= today,
 *   i.e. the earliest date the contract can still be ended by notice given
 *   today or later; the result is T - n months.
 * - Not running and no end date: FALSE.
 *
 * today NULL means the current local date. On FALSE *out is cleared. */
gboolean  kt_contract_last_notice_day  (const KtContract *contract,
                                        const GDate      *today,
                                        GDate            *out);

G_END_DECLS
