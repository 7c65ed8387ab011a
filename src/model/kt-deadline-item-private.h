/* kt-deadline-item-private.h — building items in an arena
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-deadline-item.h"

G_BEGIN_DECLS

/* The items of one kt_deadlines_collect () and their strings live in one
 * arena: a few large blocks instead of a malloc per item and per string.
 * Each item handed out holds one reference on the arena; the arena goes
 * when the last item does. While it is being filled it belongs to one
 * thread, so the counting is plain until kt_deadline_arena_finish (). */
typedef struct _KtDeadlineArena KtDeadlineArena;

KtDeadlineArena *kt_deadline_arena_new     (void);
/* A copy of @text in the arena; NULL for NULL or "". */
const char      *kt_deadline_arena_strdup  (KtDeadlineArena *arena,
                                            const char      *text);
/* A new item in the arena, counted as one reference: status OPEN, money
 * unknown, dates cleared, everything else zero. */
KtDeadlineItem  *kt_deadline_arena_item    (KtDeadlineArena *arena);
/* Drops the builder's own reference; the items keep the arena alive. */
void             kt_deadline_arena_finish  (KtDeadlineArena *arena);

/* The strings of a contract, copied into the arena once for all its items. */
typedef struct {
  const char *number;
  const char *name;
  const char *supplier;
  const char *org_unit;
  const char *administrator;
} KtContractStrings;

/* The strings of an activity, likewise. */
typedef struct {
  const char *description;
  const char *clause;
  const char *responsible;
  const char *done_by;
} KtActivityStrings;

void             kt_contract_strings_init  (KtContractStrings *strings,
                                            KtDeadlineArena   *arena,
                                            const KtContract  *contract);
void             kt_activity_strings_init  (KtActivityStrings *strings,
                                            KtDeadlineArena   *arena,
                                            const KtActivity  *activity);

/* @contract may be NULL (then only @contract_strings describe it). */
KtDeadlineItem  *kt_deadline_item_make_activity (KtDeadlineArena         *arena,
                                                 const KtActivity        *activity,
                                                 const KtContract        *contract,
                                                 const KtContractStrings *contract_strings,
                                                 const KtActivityStrings *activity_strings,
                                                 const GDate             *date);
/* @description must be in the arena already (kt_deadline_arena_strdup ());
 * NULL = the kind's label. */
KtDeadlineItem  *kt_deadline_item_make_derived  (KtDeadlineArena         *arena,
                                                 const KtContract        *contract,
                                                 const KtContractStrings *contract_strings,
                                                 KtDerivedKind            kind,
                                                 const GDate             *date,
                                                 const char              *description);

G_END_DECLS
