/* kt-deadlines.h — the activity overview: derived deadlines and recurrences
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kt-activity.h"
#include "kt-contract.h"
#include "kt-deadline-item.h"
#include "kt-deadline-settings.h"

G_BEGIN_DECLS

/* ---- recurrence of manual activities ---- */

/* 0 for NONE, else 1, 3, 6 or 12. */
guint     kt_recurrence_months          (KtRecurrence       recurrence);

/* The n-th occurrence (n = 0 is @anchor itself) of something that recurs
 * every kt_recurrence_months () from @anchor. The day of the anchor is kept
 * and clamped to the length of the month (monthly from 31 Jan: 28/29 Feb,
 * 31 Mar, 30 Apr, 31 May); an anchor on the last day of its month stays on
 * the last day of the month (quarterly from 30 Jun: 30 Sep, 31 Dec, 31 Mar),
 * the rule kt_date_subtract_months () counts notice periods with. Each
 * occurrence is counted from the anchor, never from the previous one, so
 * clamping does not drift. NONE: only n = 0 exists. FALSE when the date
 * would be past year 9999 (then *out is cleared). */
gboolean  kt_recurrence_occurrence      (const GDate       *anchor,
                                         KtRecurrence       recurrence,
                                         guint              n,
                                         GDate             *out);

/* Occurrences of @activity in [from, to] (both inclusive, either NULL = no
 * bound on that side, but a recurring activity without @recurrence_until
 * needs @to), in date order, as a GArray of GDate. Respects
 * recurrence_until (inclusive); ignores status. */
GArray   *kt_activity_occurrences       (const KtActivity  *activity,
                                         const GDate       *from,
                                         const GDate       *to);

/* The earliest occurrence that is not done: the deadline of a one-off
 * activity that is open, for a recurring one the first occurrence after
 * done_through (not after recurrence_until). FALSE when there is none: done,
 * cancelled, or every occurrence done. */
gboolean  kt_activity_next_open         (const KtActivity  *activity,
                                         GDate             *out);

/* TRUE when @date is one of the activity's occurrences. */
gboolean  kt_activity_is_occurrence     (const KtActivity  *activity,
                                         const GDate       *date);

/* Status of the occurrence on @date: DONE on or before done_through (or a
 * done one-off), CANCELLED when the activity is cancelled, else OPEN. */
KtActivityStatus kt_activity_occurrence_status (const KtActivity *activity,
                                                const GDate      *date);

/* Applies "mark done" to @activity in memory (the store does the same inside
 * its transaction, with the audit rows): a one-off becomes DONE; for a
 * recurring one done_through moves to @occurrence (NULL = the next open
 * one) — marking that and every earlier occurrence done — and status
 * becomes DONE when no occurrence is left. Sets done_date to @done_date
 * and done_by to @who. FALSE (nothing changed) when @occurrence is not an
 * open occurrence, or there is nothing open. */
gboolean  kt_activity_apply_done        (KtActivity        *activity,
                                         const GDate       *occurrence,
                                         const GDate       *done_date,
                                         const char        *who);
/* Undoes the last mark done: a one-off (or cancelled) activity is open
 * again; for a recurring one done_through moves back by one occurrence
 * (unset before the anchor). done_date and done_by are cleared. FALSE when
 * there was nothing to reopen. */
gboolean  kt_activity_apply_reopen      (KtActivity        *activity);

/* ---- deadlines derived from a contract ----
 *
 * The end date of a contract (end_date) is its current end date: already
 * extended by the options used (that is how the contract page asks for it:
 * "when an option is exercised, enter the new end date and count the option
 * as used"). Options left = option_count - options_used.
 *
 * Per status:
 * - Expired: nothing is derived.
 * - Planned, active, fixed term (end date set):
 *   LAST_NOTICE_DAY   kt_contract_last_notice_day ().
 *   DECISION_DATE     that minus settings->decision_buffer_days.
 *   OPTION_DEADLINE   when options are left: the next option must be
 *                     exercised no later than the end date minus the notice
 *                     period (kt_date_subtract_months; no period-end rule:
 *                     the option extends the contract from its end date).
 *                     Only the next option: whether the one after it is
 *                     needed is decided after it, on the new end date.
 *   REPROCUREMENT_START  end date minus the lead time of the procurement form,
 *                     only for a contract procured on its own
 *                     (kt_contract_is_procured_alone ()).
 *                     Counted from the current end date, not from the end
 *                     after all options: if an option is not exercised, the
 *                     new contract must be ready then (the tender plan shows
 *                     the options left beside it).
 *   EXPIRY            the end date.
 * - Running (løbende, no end date): kt_contract_derived_date () gives
 *   LAST_NOTICE_DAY as kt_contract_last_notice_day () with @today (the
 *   earliest day it can still be ended, not before irrevocable_until) and
 *   DECISION_DATE as the earliest one not yet past: the notice day of the
 *   window for which notice day minus the buffer is today or later. So both
 *   move on and are never overdue: a running contract does not end by
 *   itself. The overview (kt_contract_derived_deadlines) lists them only
 *   while the irrevocable period decides the earliest end — otherwise
 *   notice can be given any day and a date that moves with today is noise.
 *   No option deadline, re-procurement start or expiry (nothing ends).
 * - Notice given: no notice day, decision date or option deadline (it is
 *   ending); EXPIRY and REPROCUREMENT_START when it has an end date
 *   (the successor must still be bought in time).
 * - PRICE_REGULATION (any status but expired): each yearly anniversary of
 *   price_regulation_date (kt_recurrence_occurrence, yearly), on or after
 *   that date and not after the end date, when price_index is not NONE.
 */

/* FALSE for a supplementary agreement or data processing agreement under a
 * main contract: it is re-procured with the main contract, so it has no
 * re-procurement start and no place in the tender plan of its own. */
gboolean  kt_contract_is_procured_alone (const KtContract       *contract);

/* The single date of one kind (not PRICE_REGULATION: use the items), per
 * the rules above; FALSE when the contract has none. today NULL = the
 * current local date. Used by the tender plan for REPROCUREMENT_START. */
gboolean  kt_contract_derived_date      (const KtContract         *contract,
                                         const KtDeadlineSettings *settings,
                                         const GDate              *today,
                                         KtDerivedKind             kind,
                                         GDate                    *out);

/* Every derived item of @contract dated in [from, to] (inclusive), in no
 * particular order, appended to @items (KtDeadlineItem, owned). */
void      kt_contract_derived_deadlines (const KtContract         *contract,
                                         const KtDeadlineSettings *settings,
                                         const GDate              *today,
                                         const GDate              *from,
                                         const GDate              *to,
                                         GPtrArray                *items);

/* ---- the overview ---- */

typedef enum {
  KT_DEADLINES_DEFAULT          = 0,
  /* Also every entry before @from that is overdue on @today: open
   * activities and open occurrences, and derived deadlines other than
   * price regulations. The upcoming-deadlines list asks for this with
   * from = today; the timeline does not. */
  KT_DEADLINES_INCLUDE_OVERDUE  = 1 << 0,
} KtDeadlinesFlags;

/* Every entry dated in [from, to] (inclusive): the occurrences of
 * @activities (KtActivity; done and cancelled ones too, with their status)
 * and the derived deadlines of @contracts (KtContract), sorted with
 * kt_deadline_item_compare. Activities of a contract not in @contracts (a
 * deleted one) are left out. settings NULL = the defaults; today NULL = the
 * current local date. Returns a new array of KtDeadlineItem (owned).
 * Cheap enough for 20,000 contracts and 200,000 activities per call. */
GPtrArray *kt_deadlines_collect         (GPtrArray                *contracts,
                                         GPtrArray                *activities,
                                         const KtDeadlineSettings *settings,
                                         const GDate              *today,
                                         const GDate              *from,
                                         const GDate              *to,
                                         KtDeadlinesFlags          flags);

G_END_DECLS
