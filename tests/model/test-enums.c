/* test-enums.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "kt-enums.h"

static void
test_round_trip (void)
{
  for (KtEnumKind kind = 0; kind < KT_N_ENUMS; kind++)
    {
      guint count = kt_enum_count (kind);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpuint (count, >, 1);

      for (guint value = 0; value < count; value++)
        {
          const char *code = kt_enum_code (kind, value);
          int back = -1;

          g_assert_nonnull (code);
          g_assert_cmpuint (strlen (code), >, 0);
          for (const char *p = code; *p; p++)
            g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_');

          g_assert_false (g_hash_table_contains (seen, code));
          g_hash_table_add (seen, (gpointer) code);

          g_assert_true (kt_enum_from_code (kind, code, &back));
          g_assert_cmpint (back, ==, (int) value);
        }
    }
}

static void
test_labels (void)
{
  for (KtEnumKind kind = 0; kind < KT_N_ENUMS; kind++)
    {
      for (guint value = 0; value < kt_enum_count (kind); value++)
        {
          const char *label = kt_enum_label (kind, value);

          g_assert_nonnull (label);
          g_assert_cmpuint (strlen (label), >, 0);
          g_assert_true (g_utf8_validate (label, -1, NULL));
        }

      g_assert_null (kt_enum_label (kind, kt_enum_count (kind)));
      g_assert_null (kt_enum_label (kind, -1));
      g_assert_null (kt_enum_code (kind, kt_enum_count (kind)));
    }

  g_assert_cmpstr (kt_enum_label (KT_ENUM_CONTRACT_TYPE, KT_CONTRACT_TYPE_MAIN), ==, "Main contract");
  g_assert_cmpstr (kt_enum_label (KT_ENUM_NOTICE_RULE, KT_NOTICE_RULE_QUARTER_END), ==, "End of quarter");
  g_assert_cmpstr (kt_enum_label (KT_ENUM_ROLE, KT_ROLE_SECURITY_LEAD), ==, "IT security lead");
  g_assert_cmpstr (kt_enum_label (KT_ENUM_DOCUMENT_KIND, KT_DOCUMENT_KIND_SIGNED_CONTRACT), ==,
                   "Signed contract");
  g_assert_cmpstr (kt_enum_label (KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_PRICE), ==,
                   "Price and regulation");
  g_assert_cmpuint (kt_enum_count (KT_ENUM_DOCUMENT_KIND), ==, 5);
  g_assert_cmpuint (kt_enum_count (KT_ENUM_CLAUSE_CATEGORY), ==, 10);
}

/* The codes are the file format: changing one breaks existing portfolios. */
static void
test_stable_codes (void)
{
  static const struct {
    KtEnumKind kind;
    int value;
    const char *code;
  } cases[] = {
    { KT_ENUM_CONTRACT_TYPE, KT_CONTRACT_TYPE_MAIN, "main" },
    { KT_ENUM_CONTRACT_TYPE, KT_CONTRACT_TYPE_SUPPLEMENTARY, "supplementary" },
    { KT_ENUM_CONTRACT_TYPE, KT_CONTRACT_TYPE_SERVICE, "service" },
    { KT_ENUM_CONTRACT_TYPE, KT_CONTRACT_TYPE_DATA_PROCESSING, "data_processing" },
    { KT_ENUM_PROCUREMENT_FORM, KT_PROCUREMENT_SKI, "ski" },
    { KT_ENUM_PROCUREMENT_FORM, KT_PROCUREMENT_EU_TENDER, "eu_tender" },
    { KT_ENUM_PROCUREMENT_FORM, KT_PROCUREMENT_DIRECT_AWARD, "direct_award" },
    { KT_ENUM_TEMPLATE, KT_TEMPLATE_K01, "k01" },
    { KT_ENUM_TEMPLATE, KT_TEMPLATE_KOMBIT, "kombit" },
    { KT_ENUM_STATUS, KT_STATUS_NOTICE_GIVEN, "notice_given" },
    { KT_ENUM_STATUS, KT_STATUS_EXPIRED, "expired" },
    { KT_ENUM_CATEGORY, KT_CATEGORY_LICENCE, "licence" },
    { KT_ENUM_CATEGORY, KT_CATEGORY_CONSULTANCY, "consultancy" },
    { KT_ENUM_NOTICE_RULE, KT_NOTICE_RULE_ANY_DAY, "any_day" },
    { KT_ENUM_NOTICE_RULE, KT_NOTICE_RULE_YEAR_END, "year_end" },
    { KT_ENUM_CRITICALITY, KT_CRITICALITY_CRITICAL, "critical" },
    { KT_ENUM_PAYMENT_FREQUENCY, KT_PAYMENT_FREQUENCY_YEARLY, "yearly" },
    { KT_ENUM_PRICE_INDEX, KT_PRICE_INDEX_NONE, "none" },
    { KT_ENUM_ORG_UNIT_KIND, KT_ORG_UNIT_KIND_CENTER, "center" },
    { KT_ENUM_ROLE, KT_ROLE_SYSTEM_OWNER, "system_owner" },
    { KT_ENUM_DOCUMENT_KIND, KT_DOCUMENT_KIND_SIGNED_CONTRACT, "signed_contract" },
    { KT_ENUM_DOCUMENT_KIND, KT_DOCUMENT_KIND_APPENDIX, "appendix" },
    { KT_ENUM_DOCUMENT_KIND, KT_DOCUMENT_KIND_ORIGINAL, "original" },
    { KT_ENUM_DOCUMENT_KIND, KT_DOCUMENT_KIND_TENDER, "tender" },
    { KT_ENUM_DOCUMENT_KIND, KT_DOCUMENT_KIND_OTHER, "other" },
    { KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_EXIT, "exit" },
    { KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_TERMINATION, "termination" },
    { KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_PRICE, "price" },
    { KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_SLA, "sla" },
    { KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_PENALTY, "penalty" },
    { KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_OPTION, "option" },
    { KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_PAYMENT, "payment" },
    { KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_DATA_PROTECTION, "data_protection" },
    { KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_LIABILITY, "liability" },
    { KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_OTHER, "other" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (kt_enum_code (cases[i].kind, cases[i].value), ==, cases[i].code);
}

static void
test_unknown_code (void)
{
  int value = 42;

  g_assert_false (kt_enum_from_code (KT_ENUM_STATUS, "Active", &value));
  g_assert_false (kt_enum_from_code (KT_ENUM_STATUS, "", &value));
  g_assert_false (kt_enum_from_code (KT_ENUM_STATUS, NULL, &value));
  g_assert_false (kt_enum_from_code (KT_ENUM_CATEGORY, "main", &value));
  g_assert_cmpint (value, ==, 42);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/enums/round-trip", test_round_trip);
  g_test_add_func ("/model/enums/labels", test_labels);
  g_test_add_func ("/model/enums/stable-codes", test_stable_codes);
  g_test_add_func ("/model/enums/unknown-code", test_unknown_code);

  return g_test_run ();
}
