/* kt-contract.h — one contract of the register, as plain data
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kt-enums.h"

G_BEGIN_DECLS

/* Money is whole øre; an unknown amount is KT_MONEY_NONE. */
#define KT_MONEY_NONE G_MININT64

#define KT_TYPE_CONTRACT (kt_contract_get_type ())

/* A plain record rather than a GObject: the store fills it, the contract page
 * edits a copy, the store writes it back. Dates that are not set are invalid
 * GDates (g_date_valid () == FALSE). Ids are 0 when not set / not stored. */
typedef struct {
  gint64             id;
  gint64             version;            /* optimistic-concurrency counter */

  char              *number;             /* kontraktnummer, unique among live contracts */
  char              *name;
  KtContractType     type;
  gint64             parent_id;          /* main contract of a supplementary / DPA */
  KtTemplate         template_kind;
  KtContractStatus   status;

  gint64             supplier_id;
  gint64             system_owner_id;    /* person */
  gint64             administrator_id;   /* person who administers the contract */
  gint64             org_unit_id;        /* forvaltning / center that owns it */

  KtCategory         category;
  KtProcurementForm  procurement_form;
  KtCriticality      criticality;
  char              *purchased_services; /* indkøbte ydelser */

  gint64             contract_sum;       /* øre or KT_MONEY_NONE */
  gint64             annual_cost;        /* annual operating cost, øre or KT_MONEY_NONE */
  KtPaymentModel     payment_model;
  KtPaymentFrequency payment_frequency;
  KtPriceIndex       price_index;
  GDate              price_regulation_date;

  GDate              signed_date;
  GDate              start_date;
  GDate              irrevocable_until;  /* uopsigelig indtil */
  GDate              end_date;           /* not set when running */
  gboolean           running;            /* løbende: no end date */
  guint              notice_months;
  KtNoticeRule       notice_rule;

  guint              option_count;       /* extension options */
  guint              option_months;      /* length of one option */
  guint              options_used;

  gboolean           personal_data;      /* then a data processing agreement is required */

  char              *exit_notes;         /* exit and handover (overdragelighed) */
  char              *learning_points;    /* læringspunkter */
  char              *notes;

  /* Filled by the store when reading; ignored when writing. */
  char              *supplier_name;
  char              *system_owner_name;
  char              *administrator_name;
  char              *org_unit_name;
  char              *changed_by;         /* display name of who changed it last (audit has user@host) */
  char              *changed_at;         /* ISO 8601 UTC timestamp of the last change */
} KtContract;

GType       kt_contract_get_type (void) G_GNUC_CONST;
KtContract *kt_contract_new      (void);
KtContract *kt_contract_copy     (const KtContract *contract);
void        kt_contract_free     (KtContract       *contract);
/* TRUE when every stored (editable) field is equal; ignores id, version and
 * the display-only fields. A NULL string equals "" (both an empty entry);
 * unset dates are equal to each other. */
gboolean    kt_contract_equal_fields (const KtContract *a,
                                      const KtContract *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtContract, kt_contract_free)

G_END_DECLS
