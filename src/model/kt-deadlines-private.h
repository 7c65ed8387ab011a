/* kt-deadlines-private.h — recurrence arithmetic shared inside src/model
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-deadline-item-private.h"
#include "kt-deadlines.h"

G_BEGIN_DECLS

/* Occurrence n (may be negative) of a date recurring every @step months
 * from @anchor, by the rule of kt_recurrence_occurrence (). FALSE (and
 * *out cleared) outside the years 1 to 9999. */
gboolean  kt_recurrence_nth            (const GDate *anchor,
                                        guint        step,
                                        gint64       n,
                                        GDate       *out);
/* The smallest n (may be negative) whose occurrence is on or after @date. */
gint64    kt_recurrence_index_from     (const GDate *anchor,
                                        guint        step,
                                        const GDate *date);

/* Calls @func for each occurrence in [from, to] as kt_activity_occurrences ()
 * lists them, without building the list. */
typedef void (*KtOccurrenceFunc) (const GDate *date,
                                  gpointer     user_data);
void      kt_activity_foreach_occurrence (const KtActivity *activity,
                                          const GDate      *from,
                                          const GDate      *to,
                                          KtOccurrenceFunc  func,
                                          gpointer          user_data);

/* kt-deadline-text.c: the descriptions of derived deadlines, for one
 * collect (it caches translations and formatted dates). */
typedef struct _KtDescriber KtDescriber;

KtDescriber *kt_describer_new      (void);
void         kt_describer_free     (KtDescriber              *describer);
/* In @arena. @notice_end: for LAST_NOTICE_DAY, the day the contract ends
 * when notice is given then. */
const char  *kt_describer_describe (KtDescriber              *describer,
                                    KtDeadlineArena          *arena,
                                    const KtContract         *contract,
                                    const KtDeadlineSettings *settings,
                                    KtDerivedKind             kind,
                                    const GDate              *date,
                                    const GDate              *notice_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtDescriber, kt_describer_free)

G_END_DECLS
