/* kt-example-data.h — the tables behind the example portfolio (private to src/io)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The example is Danish content, not user-interface text: nothing here is
 * translatable. Rows refer to each other by the indices of the enums below so
 * that the tables can be read (and checked) without running anything.
 */
#pragma once

#include <glib.h>

#include "kt-enums.h"
#include "kt-store.h"

G_BEGIN_DECLS

/* Org units of Eksempel Kommune; the first five are the forvaltninger. */
typedef enum {
  U_BU, U_SS, U_TM, U_OP, U_KF,
  U_CDI, U_OEK, U_HR, U_BORGER,
  U_SKOLE, U_DAG, U_TAND,
  U_SUND, U_JOB,
  U_BYG, U_VEJ,
  U_BIB,
  N_EXAMPLE_UNITS
} KtExampleUnitId;

typedef enum {
  P_METTE, P_LARS, P_SUSANNE, P_JESPER, P_ANNEMARIE, P_THOMAS, P_JONAS, P_KASPER,
  P_MICHAEL, P_HELLE, P_LONE, P_PIA, P_HENRIK, P_BIRGITTE, P_NIELS, P_CAMILLA,
  P_IDA, P_BENTE, P_SOEREN, P_MARTIN, P_MORTEN, P_RIKKE,
  N_EXAMPLE_PEOPLE
} KtExamplePersonId;

typedef enum {
  S_NORDLYS, S_KOMMUNESYSTEMER, S_FJORDSOFT, S_SKOLENET, S_BOELGE, S_LOENKOMPAGNIET,
  S_BORGERFLOW, S_KOELOESNING, S_TANDHJULET, S_SERVERHUSET, S_SIKKERKOPI, S_PRINTPARTNER,
  S_TELEKOMPAGNIET, S_MOBILFORBINDELSEN, S_LICENSHUSET, S_KREATIV, S_GEODATA,
  S_YDELSESSYSTEMER, S_REFUSIONSDATA, S_SAGSOVERBLIK, S_VESTKYST, S_DIGITALFORV,
  S_SKOLECOMPUTER, S_HOSTINGFYN, S_BYGGESAG, S_BIBLIOTEKSDATA, S_DAGTILBUD, S_VEJDATA,
  S_NETVAERKSVAGTEN, S_ARKIV, S_BOOKING, S_SKAERMHUSET, S_LAERINGSRUMMET,
  S_TRYGHED, S_VELFAERD, S_BESKAEFTIGELSE, S_WEBHUSET, S_INDSIGT, S_KONTORTEKNIK,
  N_EXAMPLE_SUPPLIERS
} KtExampleSupplierId;

typedef struct {
  const char    *name;
  KtOrgUnitKind  kind;
  int            parent;        /* a KtExampleUnitId, or -1 */
} KtExampleUnit;

typedef struct {
  const char *name;
  const char *email;
  int         unit;             /* KtExampleUnitId */
  guint       roles;            /* bit mask of (1 << KtRole) */
} KtExamplePerson;

typedef struct {
  const char *name;
  const char *address;
  const char *postal_code;
  const char *city;
  const char *domain;           /* of the contacts' e-mail addresses */
  guint32     cvr_stem;         /* 7 digits, completed with the modulus-11 check digit */
  const char *notes;
} KtExampleSupplier;

/* A curated contract. Dates are months relative to the month of the
 * reference date, so the portfolio looks the same whenever it is made:
 * start is the first day of month `start`, end the last day of month `end`. */
typedef struct {
  const char         *name;
  const char         *services;
  int                 supplier;
  int                 owner;          /* system owner */
  int                 admin;          /* administers the contract */
  int                 unit;
  KtContractType      type;
  const char         *parent;         /* name of the main contract, or NULL */
  KtCategory          category;
  KtProcurementForm   procurement;
  KtTemplate          template_kind;
  KtContractStatus    status;
  KtCriticality       criticality;
  gint64              sum;            /* whole kroner; 0 = unknown */
  gint64              annual;         /* whole kroner; 0 = unknown */
  KtPaymentModel      payment;
  KtPaymentFrequency  frequency;
  KtPriceIndex        index;
  int                 index_month;    /* month of the yearly price regulation */
  int                 start;
  int                 end;
  gboolean            running;
  int                 irrevocable;    /* months from start; 0 = none */
  int                 notice;         /* months */
  KtNoticeRule        rule;
  int                 options;
  int                 option_months;
  int                 options_used;
  gboolean            personal_data;
  gboolean            dpa;            /* a data processing agreement is registered */
  const char         *exit_notes;
  const char         *learning;
  const char         *notes;
} KtExampleContract;

extern const KtExampleUnit      kt_example_units[N_EXAMPLE_UNITS];
extern const KtExamplePerson    kt_example_people[N_EXAMPLE_PEOPLE];
extern const KtExampleSupplier  kt_example_suppliers[N_EXAMPLE_SUPPLIERS];
extern const KtExampleContract  kt_example_contracts[];
extern const guint              kt_example_n_contracts;

/* Vocabulary shared by the curated contacts and the generated portfolio. */
extern const char *const kt_example_first_names[];
extern const char *const kt_example_last_names[];
extern const char *const kt_example_contact_titles[];
extern const char *const kt_example_supplier_prefixes[];
extern const char *const kt_example_supplier_stems[];
extern const char *const kt_example_cities[][2];      /* { postal code, city } */
extern const guint       kt_example_n_cities;
extern const char *const kt_example_streets[];
extern const char *const kt_example_place_names[];
extern const char *const kt_example_institutions[][2]; /* { before, after } a place name */
extern const guint       kt_example_n_institutions;
extern const char *const kt_example_systems[][2];     /* { name, purchased services } */
extern const guint       kt_example_n_systems;
extern const char *const kt_example_qualifiers[];
extern const char *const kt_example_exit_notes[];
extern const char *const kt_example_learning_points[];

/* Number of entries in the NULL-terminated vocabulary lists above. */
guint kt_example_strv_length (const char *const *strv);

/* Helpers shared by the curated (kt-example.c) and the generated
 * (kt-example-generated.c) portfolio. */

/* First / last day of the month `months` after the month of ref. */
void        kt_example_month_first  (const GDate *ref, int months, GDate *out);
void        kt_example_month_last   (const GDate *ref, int months, GDate *out);
/* The next yearly price regulation (the 1st of `month`) as seen from the
 * reference date, kept within the contract's term; cleared when none fits. */
void        kt_example_regulation   (const GDate *ref, int month, const GDate *start,
                                     const GDate *end, GDate *out);
/* "fornavn.efternavn" in ASCII (æ → ae, ø → oe, å → aa), for e-mail addresses. */
char       *kt_example_mail_name    (const char *name);
char       *kt_example_phone        (GRand *rand);
/* A valid CVR number drawn from rand (stems without a check digit are redrawn). */
char       *kt_example_random_cvr   (GRand *rand);
/* Adds 1–3 invented contact persons with addresses at domain. */
void        kt_example_add_contacts (KtSupplier *supplier, GRand *rand, const char *domain);
const char *kt_example_pick         (GRand *rand, const char *const *strv);

gboolean    kt_example_populate_generated (KtStore      *store,
                                           GRand        *rand,
                                           const GDate  *ref,
                                           guint         n_contracts,
                                           guint         n_activities,
                                           GError      **error);

/* kt-example-activities.c. @contracts: KtContract with their ids;
 * @person_names: person id (gint64 *) → name, for "done by". */
gboolean    kt_example_add_curated_activities   (KtStore      *store,
                                                 GRand        *rand,
                                                 const GDate  *ref,
                                                 GPtrArray    *contracts,
                                                 GHashTable   *person_names,
                                                 GError      **error);
/* Exactly @n_activities, on contracts and people (gint64 ids) drawn at random. */
gboolean    kt_example_add_generated_activities (KtStore      *store,
                                                 GRand        *rand,
                                                 const GDate  *ref,
                                                 GPtrArray    *contracts,
                                                 GArray       *people,
                                                 guint         n_activities,
                                                 GError      **error);

G_END_DECLS
