/* kt-enums.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kt-enums.h"

typedef struct {
  int         value;
  const char *code;
  const char *label;
} KtEnumEntry;

/* The codes are written to portfolio files: never change an existing one. */

static const KtEnumEntry contract_types[] = {
  { KT_CONTRACT_TYPE_MAIN, "main", N_("Main contract") },
  { KT_CONTRACT_TYPE_SUPPLEMENTARY, "supplementary", N_("Supplementary agreement") },
  { KT_CONTRACT_TYPE_SERVICE, "service", N_("Service agreement") },
  /* Translators: an agreement under the GDPR with a supplier that processes
   * personal data on the municipality's behalf (databehandleraftale). */
  { KT_CONTRACT_TYPE_DATA_PROCESSING, "data_processing", N_("Data processing agreement") },
};

static const KtEnumEntry procurement_forms[] = {
  /* Translators: a purchase under a framework agreement of SKI, the Danish
   * public sector's central purchasing body (SKI-rammeaftale). */
  { KT_PROCUREMENT_SKI, "ski", N_("SKI framework agreement") },
  /* Translators: a tender published in the EU Official Journal (EU-udbud). */
  { KT_PROCUREMENT_EU_TENDER, "eu_tender", N_("EU tender") },
  { KT_PROCUREMENT_OWN_TENDER, "own_tender", N_("Own tender") },
  /* Translators: a tender run together with other municipalities (fællesudbud). */
  { KT_PROCUREMENT_JOINT_TENDER, "joint_tender", N_("Joint tender") },
  /* Translators: the municipalities' joint IT company; a proper name. */
  { KT_PROCUREMENT_KOMBIT, "kombit", N_("KOMBIT") },
  { KT_PROCUREMENT_DIRECT_AWARD, "direct_award", N_("Direct award") },
};

static const KtEnumEntry templates[] = {
  /* Translators: K01, K02 and K03 are the names of the Danish state's
   * standard IT contracts; normally kept as they are. */
  { KT_TEMPLATE_K01, "k01", N_("K01") },
  /* Translators: see K01 */
  { KT_TEMPLATE_K02, "k02", N_("K02") },
  /* Translators: see K01 */
  { KT_TEMPLATE_K03, "k03", N_("K03") },
  /* Translators: KOMBIT's own contract template; a proper name. */
  { KT_TEMPLATE_KOMBIT, "kombit", N_("KOMBIT template") },
  { KT_TEMPLATE_OTHER, "other", N_("Other template") },
};

static const KtEnumEntry statuses[] = {
  /* Translators: contract status */
  { KT_STATUS_PLANNED, "planned", N_("Planned") },
  /* Translators: contract status */
  { KT_STATUS_ACTIVE, "active", N_("Active") },
  /* Translators: contract status: the municipality or the supplier has
   * terminated the contract (opsagt) */
  { KT_STATUS_NOTICE_GIVEN, "notice_given", N_("Notice given") },
  /* Translators: contract status */
  { KT_STATUS_EXPIRED, "expired", N_("Expired") },
};

static const KtEnumEntry categories[] = {
  /* Translators: contract category (drift) */
  { KT_CATEGORY_OPERATION, "operation", N_("Operation") },
  /* Translators: contract category (udvikling) */
  { KT_CATEGORY_DEVELOPMENT, "development", N_("Development") },
  /* Translators: contract category (licens) */
  { KT_CATEGORY_LICENCE, "licence", N_("Licence") },
  /* Translators: contract category (vedligehold) */
  { KT_CATEGORY_MAINTENANCE, "maintenance", N_("Maintenance") },
  /* Translators: contract category (konsulentydelser) */
  { KT_CATEGORY_CONSULTANCY, "consultancy", N_("Consultancy") },
  /* Translators: contract category */
  { KT_CATEGORY_HOSTING, "hosting", N_("Hosting") },
  /* Translators: contract category */
  { KT_CATEGORY_OTHER, "other", N_("Other") },
};

static const KtEnumEntry notice_rules[] = {
  /* Translators: notice may take effect on any day (løbende måned) */
  { KT_NOTICE_RULE_ANY_DAY, "any_day", N_("Any day") },
  /* Translators: notice takes effect at the end of a month (til udgangen af en måned) */
  { KT_NOTICE_RULE_MONTH_END, "month_end", N_("End of month") },
  /* Translators: notice takes effect at the end of a quarter (til udgangen af et kvartal) */
  { KT_NOTICE_RULE_QUARTER_END, "quarter_end", N_("End of quarter") },
  /* Translators: notice takes effect at the end of a year (til udgangen af et år) */
  { KT_NOTICE_RULE_YEAR_END, "year_end", N_("End of year") },
};

static const KtEnumEntry criticalities[] = {
  /* Translators: how critical the solution is */
  { KT_CRITICALITY_LOW, "low", N_("Low") },
  /* Translators: how critical the solution is */
  { KT_CRITICALITY_MEDIUM, "medium", N_("Medium") },
  /* Translators: how critical the solution is */
  { KT_CRITICALITY_HIGH, "high", N_("High") },
  /* Translators: how critical the solution is: business-critical */
  { KT_CRITICALITY_CRITICAL, "critical", N_("Critical") },
};

static const KtEnumEntry payment_models[] = {
  { KT_PAYMENT_MODEL_FIXED_PRICE, "fixed_price", N_("Fixed price") },
  /* Translators: payment by time spent (medgået tid / timer og materialer) */
  { KT_PAYMENT_MODEL_TIME_AND_MATERIALS, "time_and_materials", N_("Time and materials") },
  { KT_PAYMENT_MODEL_SUBSCRIPTION, "subscription", N_("Subscription") },
  { KT_PAYMENT_MODEL_LICENCE_MAINTENANCE, "licence_maintenance", N_("Licence and maintenance") },
  /* Translators: payment per transaction, e.g. per letter sent */
  { KT_PAYMENT_MODEL_TRANSACTION, "transaction", N_("Per transaction") },
  /* Translators: payment model */
  { KT_PAYMENT_MODEL_OTHER, "other", N_("Other payment model") },
};

static const KtEnumEntry payment_frequencies[] = {
  /* Translators: payment frequency */
  { KT_PAYMENT_FREQUENCY_ONCE, "once", N_("One-off") },
  /* Translators: payment frequency */
  { KT_PAYMENT_FREQUENCY_MONTHLY, "monthly", N_("Monthly") },
  /* Translators: payment frequency */
  { KT_PAYMENT_FREQUENCY_QUARTERLY, "quarterly", N_("Quarterly") },
  /* Translators: payment frequency */
  { KT_PAYMENT_FREQUENCY_HALF_YEARLY, "half_yearly", N_("Half-yearly") },
  /* Translators: payment frequency */
  { KT_PAYMENT_FREQUENCY_YEARLY, "yearly", N_("Yearly") },
};

static const KtEnumEntry price_indices[] = {
  /* Translators: price regulation index */
  { KT_PRICE_INDEX_NONE, "none", N_("No price regulation") },
  /* Translators: price regulation index of Statistics Denmark (nettoprisindeks) */
  { KT_PRICE_INDEX_NET_PRICE, "net_price", N_("Net price index") },
  /* Translators: price regulation index of Statistics Denmark (forbrugerprisindeks) */
  { KT_PRICE_INDEX_CONSUMER_PRICE, "consumer_price", N_("Consumer price index") },
  /* Translators: price regulation index of Statistics Denmark
   * (lønindeks for den private sektor) */
  { KT_PRICE_INDEX_WAGE_PRIVATE, "wage_private", N_("Wage index, private sector") },
  /* Translators: price regulation by a fixed yearly percentage */
  { KT_PRICE_INDEX_FIXED_PERCENT, "fixed_percent", N_("Fixed percentage") },
  /* Translators: price regulation index */
  { KT_PRICE_INDEX_OTHER, "other", N_("Other index") },
};

static const KtEnumEntry org_unit_kinds[] = {
  /* Translators: a municipal department or administration (forvaltning) */
  { KT_ORG_UNIT_KIND_FORVALTNING, "forvaltning", N_("Department") },
  /* Translators: a unit inside a department (center) */
  { KT_ORG_UNIT_KIND_CENTER, "center", N_("Centre") },
};

static const KtEnumEntry roles[] = {
  /* Translators: role (kontraktstyringsansvarlig) */
  { KT_ROLE_CONTRACT_MANAGER, "contract_manager", N_("Contract manager") },
  /* Translators: role (systemejer) */
  { KT_ROLE_SYSTEM_OWNER, "system_owner", N_("System owner") },
  /* Translators: role (it-controller) */
  { KT_ROLE_IT_CONTROLLER, "it_controller", N_("IT controller") },
  /* Translators: role (it-indkøber) */
  { KT_ROLE_IT_BUYER, "it_buyer", N_("IT buyer") },
  /* Translators: role (forvaltnings-it-koordinator) */
  { KT_ROLE_DEPARTMENT_COORDINATOR, "department_coordinator", N_("Department IT coordinator") },
  /* Translators: role (digitaliseringschef) */
  { KT_ROLE_HEAD_OF_DIGITALISATION, "head_of_digitalisation", N_("Head of digitalisation") },
  /* Translators: role (arkitekturansvarlig) */
  { KT_ROLE_ARCHITECTURE_LEAD, "architecture_lead", N_("Architecture lead") },
  /* Translators: role (it-sikkerhedsansvarlig) */
  { KT_ROLE_SECURITY_LEAD, "security_lead", N_("IT security lead") },
};

static const KtEnumEntry activity_types[] = {
  /* Translators: activity type: the date the contract ends (udløbsdato) */
  { KT_ACTIVITY_EXPIRY, "expiry", N_("Expiry") },
  /* Translators: activity type (genforhandling) */
  { KT_ACTIVITY_RENEGOTIATION, "renegotiation", N_("Renegotiation") },
  /* Translators: activity type (prisregulering) */
  { KT_ACTIVITY_PRICE_REGULATION, "price_regulation", N_("Price regulation") },
  /* Translators: activity type: deciding on an extension option (udnyttelse af option) */
  { KT_ACTIVITY_OPTION_EXERCISE, "option_exercise", N_("Option exercise") },
  /* Translators: activity type: completion of a partial delivery (delleverance) */
  { KT_ACTIVITY_PARTIAL_DELIVERY, "partial_delivery", N_("Partial delivery") },
  /* Translators: activity type (betalingsfrist) */
  { KT_ACTIVITY_PAYMENT_DEADLINE, "payment_deadline", N_("Payment deadline") },
  /* Translators: activity type: a penalty clause of the contract (bodsbestemmelse) */
  { KT_ACTIVITY_PENALTY, "penalty", N_("Penalty provision") },
  /* Translators: activity type: a measurement of service levels (SLA- og KPI-måling) */
  { KT_ACTIVITY_SLA_KPI, "sla_kpi", N_("SLA/KPI marker") },
  /* Translators: activity type: delivery milestone (milepæl) */
  { KT_ACTIVITY_MILESTONE, "milestone", N_("Milestone") },
  /* Translators: activity type (kontrolrapport / dokumentation) */
  { KT_ACTIVITY_CONTROL_REPORT, "control_report", N_("Control report") },
  /* Translators: activity type (kontraktligt statusmøde) */
  { KT_ACTIVITY_STATUS_MEETING, "status_meeting", N_("Status meeting") },
  /* Translators: activity type (styregruppemøde) */
  { KT_ACTIVITY_STEERING_MEETING, "steering_meeting", N_("Steering group meeting") },
  /* Translators: activity type */
  { KT_ACTIVITY_OTHER, "other", N_("Other activity") },
};

static const KtEnumEntry activity_statuses[] = {
  /* Translators: activity status: not done yet */
  { KT_ACTIVITY_STATUS_OPEN, "open", N_("Open") },
  /* Translators: activity status (udført) */
  { KT_ACTIVITY_STATUS_DONE, "done", N_("Done") },
  /* Translators: activity status (aflyst) */
  { KT_ACTIVITY_STATUS_CANCELLED, "cancelled", N_("Cancelled") },
};

static const KtEnumEntry recurrences[] = {
  /* Translators: how often an activity repeats */
  { KT_RECURRENCE_NONE, "none", N_("Once") },
  /* Translators: how often an activity repeats */
  { KT_RECURRENCE_MONTHLY, "monthly", N_("Every month") },
  /* Translators: how often an activity repeats */
  { KT_RECURRENCE_QUARTERLY, "quarterly", N_("Every quarter") },
  /* Translators: how often an activity repeats */
  { KT_RECURRENCE_HALF_YEARLY, "half_yearly", N_("Every half year") },
  /* Translators: how often an activity repeats */
  { KT_RECURRENCE_YEARLY, "yearly", N_("Every year") },
};

static const KtEnumEntry derived_kinds[] = {
  /* Translators: a deadline computed from a contract (sidste frist for opsigelse) */
  { KT_DERIVED_LAST_NOTICE_DAY, "last_notice_day", N_("Last day to give notice") },
  /* Translators: a deadline computed from a contract: the day to decide whether to
   * give notice, some days before the last day to give notice (beslutningsdato) */
  { KT_DERIVED_DECISION_DATE, "decision_date", N_("Decision date") },
  /* Translators: a deadline computed from a contract (frist for udnyttelse af option) */
  { KT_DERIVED_OPTION_DEADLINE, "option_deadline", N_("Option exercise deadline") },
  /* Translators: a deadline computed from a contract: when a new tender must start
   * for a new contract to be ready when this one ends (start på genudbud) */
  { KT_DERIVED_REPROCUREMENT_START, "reprocurement_start", N_("Start of re-procurement") },
  /* Translators: a deadline computed from a contract (prisregulering) */
  { KT_DERIVED_PRICE_REGULATION, "price_regulation", N_("Price regulation date") },
  /* Translators: a deadline computed from a contract: its end date (udløb) */
  { KT_DERIVED_EXPIRY, "expiry", N_("Contract expires") },
};

static const KtEnumEntry document_kinds[] = {
  /* Translators: kind of document attached to a contract (Danish: "Underskrevet kontrakt") */
  { KT_DOCUMENT_KIND_SIGNED_CONTRACT, "signed_contract", N_("Signed contract") },
  /* Translators: kind of document attached to a contract (Danish: "Bilag") */
  { KT_DOCUMENT_KIND_APPENDIX, "appendix", N_("Appendix") },
  /* Translators: kind of document attached to a contract: the editable version
   * of the contract (Danish: "Original (Word/ODT)") */
  { KT_DOCUMENT_KIND_ORIGINAL, "original", N_("Original (Word/ODT)") },
  /* Translators: kind of document attached to a contract (Danish: "Udbudsmateriale") */
  { KT_DOCUMENT_KIND_TENDER, "tender", N_("Tender documents") },
  /* Translators: kind of document attached to a contract (Danish: "Andet") */
  { KT_DOCUMENT_KIND_OTHER, "other", N_("Other") },
};

static const KtEnumEntry clause_categories[] = {
  /* Translators: category of a marked contract clause (Danish: "Exit og overdragelse") */
  { KT_CLAUSE_EXIT, "exit", N_("Exit and handover") },
  /* Translators: category of a marked contract clause (Danish: "Opsigelse og varsel") */
  { KT_CLAUSE_TERMINATION, "termination", N_("Termination and notice") },
  /* Translators: category of a marked contract clause (Danish: "Pris og regulering") */
  { KT_CLAUSE_PRICE, "price", N_("Price and regulation") },
  /* Translators: category of a marked contract clause (Danish: "SLA/KPI") */
  { KT_CLAUSE_SLA, "sla", N_("SLA/KPI") },
  /* Translators: category of a marked contract clause (Danish: "Bod") */
  { KT_CLAUSE_PENALTY, "penalty", N_("Penalty") },
  /* Translators: category of a marked contract clause: an extension option (Danish: "Option") */
  { KT_CLAUSE_OPTION, "option", N_("Option") },
  /* Translators: category of a marked contract clause (Danish: "Betaling") */
  { KT_CLAUSE_PAYMENT, "payment", N_("Payment") },
  /* Translators: category of a marked contract clause (Danish: "Databeskyttelse") */
  { KT_CLAUSE_DATA_PROTECTION, "data_protection", N_("Data protection") },
  /* Translators: category of a marked contract clause (Danish: "Ansvar") */
  { KT_CLAUSE_LIABILITY, "liability", N_("Liability") },
  /* Translators: category of a marked contract clause (Danish: "Andet") */
  { KT_CLAUSE_OTHER, "other", N_("Other") },
};

typedef struct {
  const KtEnumEntry *entries;
  guint              n_entries;
} KtEnumTable;

#define TABLE(t) { t, G_N_ELEMENTS (t) }

static const KtEnumTable tables[KT_N_ENUMS] = {
  [KT_ENUM_CONTRACT_TYPE]     = TABLE (contract_types),
  [KT_ENUM_PROCUREMENT_FORM]  = TABLE (procurement_forms),
  [KT_ENUM_TEMPLATE]          = TABLE (templates),
  [KT_ENUM_STATUS]            = TABLE (statuses),
  [KT_ENUM_CATEGORY]          = TABLE (categories),
  [KT_ENUM_NOTICE_RULE]       = TABLE (notice_rules),
  [KT_ENUM_CRITICALITY]       = TABLE (criticalities),
  [KT_ENUM_PAYMENT_MODEL]     = TABLE (payment_models),
  [KT_ENUM_PAYMENT_FREQUENCY] = TABLE (payment_frequencies),
  [KT_ENUM_PRICE_INDEX]       = TABLE (price_indices),
  [KT_ENUM_ORG_UNIT_KIND]     = TABLE (org_unit_kinds),
  [KT_ENUM_ROLE]              = TABLE (roles),
  [KT_ENUM_ACTIVITY_TYPE]     = TABLE (activity_types),
  [KT_ENUM_ACTIVITY_STATUS]   = TABLE (activity_statuses),
  [KT_ENUM_RECURRENCE]        = TABLE (recurrences),
  [KT_ENUM_DERIVED_KIND]      = TABLE (derived_kinds),
  [KT_ENUM_DOCUMENT_KIND]     = TABLE (document_kinds),
  [KT_ENUM_CLAUSE_CATEGORY]   = TABLE (clause_categories),
};

#undef TABLE

/* Tables are indexed by value: the entries are listed in enum order, which
 * test-enums checks. */
static const KtEnumEntry *
lookup (KtEnumKind kind,
        int        value)
{
  g_return_val_if_fail (kind < KT_N_ENUMS, NULL);

  if (value < 0 || (guint) value >= tables[kind].n_entries)
    return NULL;

  return &tables[kind].entries[value];
}

guint
kt_enum_count (KtEnumKind kind)
{
  g_return_val_if_fail (kind < KT_N_ENUMS, 0);

  return tables[kind].n_entries;
}

const char *
kt_enum_code (KtEnumKind kind,
              int        value)
{
  const KtEnumEntry *entry = lookup (kind, value);

  return entry != NULL ? entry->code : NULL;
}

gboolean
kt_enum_from_code (KtEnumKind  kind,
                   const char *code,
                   int        *value)
{
  g_return_val_if_fail (kind < KT_N_ENUMS, FALSE);

  if (code == NULL)
    return FALSE;

  /* Every row of a list is decoded through here: the first letter rules
   * out most codes without a call. */
  for (guint i = 0; i < tables[kind].n_entries; i++)
    {
      const char *candidate = tables[kind].entries[i].code;

      if (candidate[0] == code[0] && strcmp (candidate, code) == 0)
        {
          if (value != NULL)
            *value = tables[kind].entries[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
kt_enum_label (KtEnumKind kind,
               int        value)
{
  const KtEnumEntry *entry = lookup (kind, value);

  if (entry == NULL)
    return NULL;

  return g_dgettext (GETTEXT_PACKAGE, entry->label);
}
