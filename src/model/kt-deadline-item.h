/* kt-deadline-item.h — one dated entry of the activity overview
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kt-activity.h"
#include "kt-contract.h"

G_BEGIN_DECLS

#define KT_TYPE_DEADLINE_ITEM (kt_deadline_item_get_type ())

/* One entry of the overview (timeline, upcoming deadlines, calendar export):
 * either one occurrence of a manual activity or a deadline derived from a
 * contract (kt-deadlines.h). Made by kt_deadlines_collect ().
 *
 * Items are immutable and reference counted: kt_deadline_item_copy () (and
 * g_boxed_copy) takes a reference and returns the same pointer,
 * kt_deadline_item_free () drops one; both may be called from any thread.
 * The strings belong to the item (shared with the other items of the same
 * collect) and live as long as it: never change or free them. A string
 * that is not known is NULL. Keeping one item keeps the memory of all the
 * items of its collect.
 *
 * Marking an occurrence done from the overview:
 * kt_store_mark_activity_done (store, item->activity_id,
 * item->activity_version, &item->date, NULL, &error). */
typedef struct {
  GDate              date;              /* the deadline of this entry */
  KtActivityType     type;              /* for derived: kt_derived_kind_activity_type () */
  gboolean           derived;           /* computed from the contract, not typed in */
  KtDerivedKind      derived_kind;      /* only when derived */

  gint64             activity_id;       /* 0 when derived */
  gint64             activity_version;  /* for mark done / reopen */
  gboolean           recurring;         /* an occurrence of a recurring activity: @date is it */

  gint64             contract_id;
  const char        *contract_number;
  const char        *contract_name;
  KtContractStatus   contract_status;
  gint64             supplier_id;
  const char        *supplier_name;
  gint64             org_unit_id;
  const char        *org_unit_name;
  gint64             responsible_id;    /* derived: the contract's administrator */
  const char        *responsible_name;

  const char        *description;       /* derived: a translated explanation */
  const char        *clause_ref;
  KtActivityStatus   status;            /* derived items are always OPEN */
  GDate              done_date;         /* when marked done, if known */
  const char        *done_by;

  KtProcurementForm  procurement_form;
  gint64             contract_sum;      /* øre or KT_MONEY_NONE */
  gint64             annual_cost;       /* øre or KT_MONEY_NONE */
  guint              options_left;      /* option_count - options_used */
} KtDeadlineItem;

/* How pressing an entry is on a given day. Ordered from least to most
 * pressing for the open ones: sort with it, but compare dates for order. */
typedef enum {
  KT_URGENCY_CLOSED,              /* done or cancelled */
  KT_URGENCY_PAST,                /* a derived price-regulation date that has passed:
                                   * history, nothing left to do on it */
  KT_URGENCY_LATER,               /* more than 365 days ahead */
  KT_URGENCY_WITHIN_365_DAYS,     /* 91 to 365 days ahead */
  KT_URGENCY_WITHIN_90_DAYS,      /* 31 to 90 days ahead */
  KT_URGENCY_WITHIN_30_DAYS,      /* today up to 30 days ahead */
  KT_URGENCY_OVERDUE,             /* open and before today */
} KtUrgency;

GType           kt_deadline_item_get_type    (void) G_GNUC_CONST;
/* The entry of one occurrence of @activity on @date (for a one-off: its
 * deadline), with the contract's fields when @contract is given (else those
 * the activity's display fields hold). Status: the activity's, per
 * occurrence for recurring ones (done through done_through). */
KtDeadlineItem *kt_deadline_item_new_activity (const KtActivity  *activity,
                                               const KtContract  *contract,
                                               const GDate       *date);
/* A derived entry of @contract; @description NULL = the kind's label. */
KtDeadlineItem *kt_deadline_item_new_derived  (const KtContract  *contract,
                                               KtDerivedKind      kind,
                                               const GDate       *date,
                                               const char        *description);
/* Takes a reference. */
KtDeadlineItem *kt_deadline_item_copy        (const KtDeadlineItem *item);
/* Drops a reference. */
void            kt_deadline_item_free        (KtDeadlineItem       *item);

/* today NULL = the current local date. */
KtUrgency       kt_deadline_item_get_urgency (const KtDeadlineItem *item,
                                              const GDate          *today);
/* Translated "Overdue", "Within 30 days", ... */
const char     *kt_urgency_label             (KtUrgency             urgency);

/* Orders by date, then contract number, derived before manual, then
 * activity id: a stable order for lists. For g_ptr_array_sort: takes
 * KtDeadlineItem ** */
int             kt_deadline_item_compare     (gconstpointer         a,
                                              gconstpointer         b);

/* The activity type a derived deadline is filed under (filters, icons):
 * notice day and decision date → RENEGOTIATION, option deadline →
 * OPTION_EXERCISE, re-procurement start and expiry → EXPIRY, price
 * regulation → PRICE_REGULATION. */
KtActivityType  kt_derived_kind_activity_type (KtDerivedKind        kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtDeadlineItem, kt_deadline_item_free)

G_END_DECLS
