/* kt-activity.h — one manual activity of a contract (aktivitet), as plain data
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kt-enums.h"

G_BEGIN_DECLS

#define KT_TYPE_ACTIVITY (kt_activity_get_type ())

/* A plain record like KtContract: the store fills it, an editor changes a
 * copy, the store writes it back (versioned, audited). Unset dates are
 * invalid GDates; unset ids are 0.
 *
 * Recurrence. A recurring activity is one row. @deadline is its first
 * occurrence (the anchor); later occurrences are counted from it, see
 * kt_recurrence_occurrence () in kt-deadlines.h, up to and including
 * @recurrence_until (unset: no end). Marking an occurrence done moves
 * @done_through to it: every occurrence on or before @done_through is done,
 * the later ones are open. The anchor itself never moves, so "the 31st of
 * every month" stays the 31st after February. @status becomes DONE only
 * when the last occurrence before @recurrence_until is done. A cancelled
 * recurring activity has no open occurrences (its done ones stay history).
 *
 * For a one-off activity @done_through is unused (unset). */
typedef struct {
  gint64            id;
  gint64            version;            /* optimistic-concurrency counter */

  gint64            contract_id;
  KtActivityType    type;
  GDate             deadline;           /* frist; recurring: the first occurrence */
  char             *description;
  char             *clause_ref;         /* "pkt. 12.3" */
  gint64            responsible_id;     /* person, 0 = nobody yet */
  KtActivityStatus  status;
  GDate             done_date;          /* when it was (last) marked done */
  char             *done_by;            /* who marked it done: display name as in changed_by */
  KtRecurrence      recurrence;
  GDate             recurrence_until;   /* last possible occurrence; unset = no end */
  GDate             done_through;       /* recurring: occurrences up to here are done */
  char             *notes;

  /* Filled by the store when reading; ignored when writing. */
  char             *contract_number;
  char             *contract_name;
  char             *responsible_name;
  char             *changed_by;         /* display name of who changed it last */
  char             *changed_at;         /* ISO 8601 UTC timestamp of the last change */
} KtActivity;

GType       kt_activity_get_type     (void) G_GNUC_CONST;
/* An open, one-off activity of type OTHER without dates. */
KtActivity *kt_activity_new          (void);
KtActivity *kt_activity_copy         (const KtActivity *activity);
void        kt_activity_free         (KtActivity       *activity);
/* TRUE when every stored (editable) field is equal; ignores id, version and
 * the display-only fields. NULL equals "", unset dates equal each other. */
gboolean    kt_activity_equal_fields (const KtActivity *a,
                                      const KtActivity *b);
gboolean    kt_activity_is_recurring (const KtActivity *activity);

/* Problems that keep the record from being saved, as KtValidationProblem
 * (kt-validation.h) with the column name as field: no contract, no
 * deadline, no description, an until-date before the deadline or on a
 * one-off activity, a done one-off activity without done date, ... Empty
 * array when it can be saved. */
GPtrArray  *kt_activity_validate     (const KtActivity *activity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtActivity, kt_activity_free)

G_END_DECLS
