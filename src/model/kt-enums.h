/* kt-enums.h — the closed vocabularies of the contract register
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every enum below is stored in the portfolio file as its stable text code
 * (kt_enum_code), never as its number, so that the order of values can change
 * without touching existing files. Values are contiguous from 0. */

typedef enum {
  KT_CONTRACT_TYPE_MAIN,            /* hovedkontrakt */
  KT_CONTRACT_TYPE_SUPPLEMENTARY,   /* tillægsaftale */
  KT_CONTRACT_TYPE_SERVICE,         /* serviceaftale */
  KT_CONTRACT_TYPE_DATA_PROCESSING, /* databehandleraftale */
} KtContractType;

typedef enum {
  KT_PROCUREMENT_SKI,           /* SKI-rammeaftale */
  KT_PROCUREMENT_EU_TENDER,     /* EU-udbud */
  KT_PROCUREMENT_OWN_TENDER,    /* eget udbud */
  KT_PROCUREMENT_JOINT_TENDER,  /* fællesudbud */
  KT_PROCUREMENT_KOMBIT,        /* KOMBIT */
  KT_PROCUREMENT_DIRECT_AWARD,  /* direkte tildeling */
} KtProcurementForm;

/* For arrays indexed by KtProcurementForm (re-procurement lead times). */
#define KT_PROCUREMENT_N_FORMS (KT_PROCUREMENT_DIRECT_AWARD + 1)

typedef enum {
  KT_TEMPLATE_K01,
  KT_TEMPLATE_K02,
  KT_TEMPLATE_K03,
  KT_TEMPLATE_KOMBIT,
  KT_TEMPLATE_OTHER,
} KtTemplate;

typedef enum {
  KT_STATUS_PLANNED,       /* planlagt */
  KT_STATUS_ACTIVE,        /* aktiv */
  KT_STATUS_NOTICE_GIVEN,  /* opsagt */
  KT_STATUS_EXPIRED,       /* udløbet */
} KtContractStatus;

typedef enum {
  KT_CATEGORY_OPERATION,    /* drift */
  KT_CATEGORY_DEVELOPMENT,  /* udvikling */
  KT_CATEGORY_LICENCE,      /* licens */
  KT_CATEGORY_MAINTENANCE,  /* vedligehold */
  KT_CATEGORY_CONSULTANCY,  /* konsulentydelser */
  KT_CATEGORY_HOSTING,      /* hosting */
  KT_CATEGORY_OTHER,        /* andet */
} KtCategory;

/* "N months' notice to the end of a month / quarter / year" */
typedef enum {
  KT_NOTICE_RULE_ANY_DAY,
  KT_NOTICE_RULE_MONTH_END,
  KT_NOTICE_RULE_QUARTER_END,
  KT_NOTICE_RULE_YEAR_END,
} KtNoticeRule;

typedef enum {
  KT_CRITICALITY_LOW,
  KT_CRITICALITY_MEDIUM,
  KT_CRITICALITY_HIGH,
  KT_CRITICALITY_CRITICAL,
} KtCriticality;

typedef enum {
  KT_PAYMENT_MODEL_FIXED_PRICE,           /* fast pris */
  KT_PAYMENT_MODEL_TIME_AND_MATERIALS,    /* medgået tid */
  KT_PAYMENT_MODEL_SUBSCRIPTION,          /* abonnement */
  KT_PAYMENT_MODEL_LICENCE_MAINTENANCE,   /* licens og vedligehold */
  KT_PAYMENT_MODEL_TRANSACTION,           /* transaktionsbaseret */
  KT_PAYMENT_MODEL_OTHER,
} KtPaymentModel;

typedef enum {
  KT_PAYMENT_FREQUENCY_ONCE,
  KT_PAYMENT_FREQUENCY_MONTHLY,
  KT_PAYMENT_FREQUENCY_QUARTERLY,
  KT_PAYMENT_FREQUENCY_HALF_YEARLY,
  KT_PAYMENT_FREQUENCY_YEARLY,
} KtPaymentFrequency;

typedef enum {
  KT_PRICE_INDEX_NONE,            /* ingen regulering */
  KT_PRICE_INDEX_NET_PRICE,       /* nettoprisindeks */
  KT_PRICE_INDEX_CONSUMER_PRICE,  /* forbrugerprisindeks */
  KT_PRICE_INDEX_WAGE_PRIVATE,    /* lønindeks for den private sektor */
  KT_PRICE_INDEX_FIXED_PERCENT,   /* fast procentsats */
  KT_PRICE_INDEX_OTHER,
} KtPriceIndex;

typedef enum {
  KT_ORG_UNIT_KIND_FORVALTNING,
  KT_ORG_UNIT_KIND_CENTER,
} KtOrgUnitKind;

/* Roles of a person, from the playbook; stored as a bit mask of (1 << role). */
typedef enum {
  KT_ROLE_CONTRACT_MANAGER,        /* kontraktstyringsansvarlig */
  KT_ROLE_SYSTEM_OWNER,            /* systemejer */
  KT_ROLE_IT_CONTROLLER,           /* it-controller */
  KT_ROLE_IT_BUYER,                /* it-indkøber */
  KT_ROLE_DEPARTMENT_COORDINATOR,  /* forvaltnings-it-koordinator */
  KT_ROLE_HEAD_OF_DIGITALISATION,  /* digitaliseringschef */
  KT_ROLE_ARCHITECTURE_LEAD,       /* arkitekturansvarlig */
  KT_ROLE_SECURITY_LEAD,           /* it-sikkerhedsansvarlig */
} KtRole;

/* The playbook's activity types (aktivitetstyper). */
typedef enum {
  KT_ACTIVITY_EXPIRY,              /* udløbsdato */
  KT_ACTIVITY_RENEGOTIATION,       /* genforhandling */
  KT_ACTIVITY_PRICE_REGULATION,    /* prisregulering */
  KT_ACTIVITY_OPTION_EXERCISE,     /* udnyttelse af option */
  KT_ACTIVITY_PARTIAL_DELIVERY,    /* delleverance */
  KT_ACTIVITY_PAYMENT_DEADLINE,    /* betalingsfrist */
  KT_ACTIVITY_PENALTY,             /* bodsbestemmelse */
  KT_ACTIVITY_SLA_KPI,             /* SLA- og KPI-måling */
  KT_ACTIVITY_MILESTONE,           /* milepæl */
  KT_ACTIVITY_CONTROL_REPORT,      /* kontrolrapport / dokumentation */
  KT_ACTIVITY_STATUS_MEETING,      /* kontraktligt statusmøde */
  KT_ACTIVITY_STEERING_MEETING,    /* styregruppemøde */
  KT_ACTIVITY_OTHER,               /* andet */
} KtActivityType;

typedef enum {
  KT_ACTIVITY_STATUS_OPEN,         /* åben */
  KT_ACTIVITY_STATUS_DONE,         /* udført */
  KT_ACTIVITY_STATUS_CANCELLED,    /* aflyst */
} KtActivityStatus;

typedef enum {
  KT_RECURRENCE_NONE,
  KT_RECURRENCE_MONTHLY,
  KT_RECURRENCE_QUARTERLY,
  KT_RECURRENCE_HALF_YEARLY,
  KT_RECURRENCE_YEARLY,
} KtRecurrence;

/* Deadlines computed from a contract (kt-deadlines.h), never stored. */
typedef enum {
  KT_DERIVED_LAST_NOTICE_DAY,      /* sidste frist for opsigelse */
  KT_DERIVED_DECISION_DATE,        /* beslutningsdato: notice day minus the buffer */
  KT_DERIVED_OPTION_DEADLINE,      /* frist for udnyttelse af option */
  KT_DERIVED_REPROCUREMENT_START,  /* start på genudbud */
  KT_DERIVED_PRICE_REGULATION,     /* prisregulering */
  KT_DERIVED_EXPIRY,               /* udløb / slutdato */
} KtDerivedKind;

/* What a document attached to a contract is (issue 5). */
typedef enum {
  KT_DOCUMENT_KIND_SIGNED_CONTRACT,  /* underskrevet kontrakt */
  KT_DOCUMENT_KIND_APPENDIX,         /* bilag */
  KT_DOCUMENT_KIND_ORIGINAL,         /* original (Word / ODT) version */
  KT_DOCUMENT_KIND_TENDER,           /* udbudsmateriale */
  KT_DOCUMENT_KIND_OTHER,            /* andet */
} KtDocumentKind;

/* The categories of a marked clause (klausul), in the order the side panel
 * lists them. */
typedef enum {
  KT_CLAUSE_EXIT,              /* exit og overdragelse */
  KT_CLAUSE_TERMINATION,       /* opsigelse og varsel */
  KT_CLAUSE_PRICE,             /* pris og prisregulering */
  KT_CLAUSE_SLA,               /* SLA / KPI */
  KT_CLAUSE_PENALTY,           /* bod */
  KT_CLAUSE_OPTION,            /* option */
  KT_CLAUSE_PAYMENT,           /* betaling */
  KT_CLAUSE_DATA_PROTECTION,   /* databeskyttelse */
  KT_CLAUSE_LIABILITY,         /* ansvar */
  KT_CLAUSE_OTHER,             /* andet */
} KtClauseCategory;

typedef enum {
  KT_ENUM_CONTRACT_TYPE,
  KT_ENUM_PROCUREMENT_FORM,
  KT_ENUM_TEMPLATE,
  KT_ENUM_STATUS,
  KT_ENUM_CATEGORY,
  KT_ENUM_NOTICE_RULE,
  KT_ENUM_CRITICALITY,
  KT_ENUM_PAYMENT_MODEL,
  KT_ENUM_PAYMENT_FREQUENCY,
  KT_ENUM_PRICE_INDEX,
  KT_ENUM_ORG_UNIT_KIND,
  KT_ENUM_ROLE,
  KT_ENUM_ACTIVITY_TYPE,
  KT_ENUM_ACTIVITY_STATUS,
  KT_ENUM_RECURRENCE,
  KT_ENUM_DERIVED_KIND,
  KT_ENUM_DOCUMENT_KIND,
  KT_ENUM_CLAUSE_CATEGORY,
  KT_N_ENUMS
} KtEnumKind;

guint        kt_enum_count     (KtEnumKind  kind);
/* Stable storage code ("main", "ski", ...); NULL when value is out of range. */
const char  *kt_enum_code      (KtEnumKind  kind,
                                int         value);
/* FALSE (and *value untouched) when the code is unknown. */
gboolean     kt_enum_from_code (KtEnumKind  kind,
                                const char *code,
                                int        *value);
/* Translated label for the UI ("Hovedkontrakt" under Danish). */
const char  *kt_enum_label     (KtEnumKind  kind,
                                int         value);

G_END_DECLS
