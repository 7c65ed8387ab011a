/* test-contract.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "kt-audit-entry.h"
#include "kt-contract.h"
#include "kt-format.h"
#include "kt-org-unit.h"
#include "kt-person.h"
#include "kt-supplier.h"
#include "kt-validation.h"

static void
set_date (GDate      *date,
          const char *iso)
{
  g_assert_true (kt_date_from_iso (iso, date));
}

/* A contract that passes validation. */
static KtContract *
valid_contract (void)
{
  KtContract *c = kt_contract_new ();

  c->number = g_strdup ("K-2024-017");
  c->name = g_strdup ("ESDH-løsning");
  c->supplier_id = 3;
  c->contract_sum = 450000000;
  c->annual_cost = 90000000;
  set_date (&c->signed_date, "2024-01-10");
  set_date (&c->start_date, "2024-02-01");
  set_date (&c->irrevocable_until, "2026-01-31");
  set_date (&c->end_date, "2028-01-31");
  c->notice_months = 6;
  c->notice_rule = KT_NOTICE_RULE_QUARTER_END;
  c->option_count = 2;
  c->option_months = 12;
  c->options_used = 1;
  c->price_index = KT_PRICE_INDEX_NET_PRICE;
  set_date (&c->price_regulation_date, "2025-01-01");
  c->purchased_services = g_strdup ("Drift, support og licenser");
  c->notes = g_strdup ("Note");
  c->supplier_name = g_strdup ("Netcompany");

  return c;
}

static void
test_defaults (void)
{
  g_autoptr(KtContract) c = kt_contract_new ();

  g_assert_cmpint (c->type, ==, KT_CONTRACT_TYPE_MAIN);
  g_assert_cmpint (c->status, ==, KT_STATUS_ACTIVE);
  g_assert_cmpint (c->category, ==, KT_CATEGORY_OPERATION);
  g_assert_cmpint (c->criticality, ==, KT_CRITICALITY_MEDIUM);
  g_assert_cmpint (c->payment_frequency, ==, KT_PAYMENT_FREQUENCY_YEARLY);
  g_assert_cmpint (c->contract_sum, ==, KT_MONEY_NONE);
  g_assert_cmpint (c->annual_cost, ==, KT_MONEY_NONE);
  g_assert_false (g_date_valid (&c->signed_date));
  g_assert_false (g_date_valid (&c->start_date));
  g_assert_false (g_date_valid (&c->irrevocable_until));
  g_assert_false (g_date_valid (&c->end_date));
  g_assert_false (g_date_valid (&c->price_regulation_date));
  g_assert_cmpint (c->id, ==, 0);
}

static void
test_copy_equal (void)
{
  g_autoptr(KtContract) a = valid_contract ();
  g_autoptr(KtContract) b = kt_contract_copy (a);

  /* Deep: no shared strings. */
  g_assert_true (a->name != b->name);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->supplier_name, ==, b->supplier_name);
  g_assert_true (kt_contract_equal_fields (a, b));

  /* Not editable fields do not count. */
  b->id = 99;
  b->version = 7;
  g_clear_pointer (&b->supplier_name, g_free);
  g_assert_true (kt_contract_equal_fields (a, b));

  /* NULL and "" are both an empty field. */
  g_clear_pointer (&a->exit_notes, g_free);
  g_free (b->exit_notes);
  b->exit_notes = g_strdup ("");
  g_assert_true (kt_contract_equal_fields (a, b));
}

/* Each editable field, changed alone, makes the contracts differ. */
static void
test_equal_each_field (void)
{
  g_autoptr(KtContract) base = valid_contract ();
  guint n_changes = 0;

#define CHECK(statement)                                         \
  G_STMT_START {                                                 \
    g_autoptr(KtContract) c = kt_contract_copy (base);           \
    statement;                                                   \
    g_test_message ("changed: %s", #statement);                  \
    g_assert_false (kt_contract_equal_fields (base, c));         \
    g_assert_false (kt_contract_equal_fields (c, base));         \
    n_changes++;                                                 \
  } G_STMT_END

  CHECK (g_free (c->number); c->number = g_strdup ("K-2024-018"));
  CHECK (g_free (c->name); c->name = g_strdup ("ESDH-losning"));
  CHECK (c->type = KT_CONTRACT_TYPE_SERVICE);
  CHECK (c->parent_id = 5);
  CHECK (c->template_kind = KT_TEMPLATE_K02);
  CHECK (c->status = KT_STATUS_EXPIRED);
  CHECK (c->supplier_id = 4);
  CHECK (c->system_owner_id = 8);
  CHECK (c->administrator_id = 9);
  CHECK (c->org_unit_id = 10);
  CHECK (c->category = KT_CATEGORY_LICENCE);
  CHECK (c->procurement_form = KT_PROCUREMENT_KOMBIT);
  CHECK (c->criticality = KT_CRITICALITY_HIGH);
  CHECK (g_free (c->purchased_services); c->purchased_services = NULL);
  CHECK (c->contract_sum = KT_MONEY_NONE);
  CHECK (c->annual_cost += 1);
  CHECK (c->payment_model = KT_PAYMENT_MODEL_SUBSCRIPTION);
  CHECK (c->payment_frequency = KT_PAYMENT_FREQUENCY_MONTHLY);
  CHECK (c->price_index = KT_PRICE_INDEX_CONSUMER_PRICE);
  CHECK (g_date_add_days (&c->price_regulation_date, 1));
  CHECK (g_date_clear (&c->signed_date, 1));
  CHECK (g_date_add_days (&c->start_date, 1));
  CHECK (g_date_subtract_days (&c->irrevocable_until, 1));
  CHECK (g_date_add_years (&c->end_date, 1));
  CHECK (c->running = TRUE);
  CHECK (c->notice_months = 3);
  CHECK (c->notice_rule = KT_NOTICE_RULE_MONTH_END);
  CHECK (c->option_count = 3);
  CHECK (c->option_months = 6);
  CHECK (c->options_used = 0);
  CHECK (c->personal_data = TRUE);
  CHECK (c->exit_notes = g_strdup ("Data udleveres som CSV"));
  CHECK (c->learning_points = g_strdup ("Husk exitplan"));
  CHECK (g_free (c->notes); c->notes = g_strdup ("note"));

#undef CHECK

  g_assert_cmpuint (n_changes, ==, 34);
}

static void
test_validate_valid (void)
{
  g_autoptr(KtContract) c = valid_contract ();
  g_autoptr(GPtrArray) problems = kt_contract_validate (c);

  g_assert_cmpuint (problems->len, ==, 0);

  /* A running contract without end date is fine too. */
  g_date_clear (&c->end_date, 1);
  c->running = TRUE;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = kt_contract_validate (c);
  g_assert_cmpuint (problems->len, ==, 0);
}

typedef void (*Breaker) (KtContract *c);

static void break_number (KtContract *c) { g_free (c->number); c->number = g_strdup ("  "); }
static void break_name (KtContract *c) { g_clear_pointer (&c->name, g_free); }
static void break_end_missing (KtContract *c) { g_date_clear (&c->end_date, 1); }
static void break_end_running (KtContract *c) { c->running = TRUE; }
static void break_end_before_start (KtContract *c) { set_date (&c->end_date, "2024-01-31"); g_date_clear (&c->irrevocable_until, 1); }
static void break_irrevocable_early (KtContract *c) { set_date (&c->irrevocable_until, "2024-01-31"); }
static void break_irrevocable_late (KtContract *c) { set_date (&c->irrevocable_until, "2028-02-01"); }
static void break_signed (KtContract *c) { set_date (&c->signed_date, "2028-02-01"); }
static void break_options_used (KtContract *c) { c->options_used = 3; }
static void break_option_months (KtContract *c) { c->option_months = 0; }
static void break_contract_sum (KtContract *c) { c->contract_sum = -1; }
static void break_annual_cost (KtContract *c) { c->annual_cost = -100; }
static void break_notice (KtContract *c) { c->notice_months = 121; }
static void break_price_index (KtContract *c) { c->price_index = KT_PRICE_INDEX_NONE; }
static void break_parent (KtContract *c) { c->id = 12; c->parent_id = 12; }

static void
test_validate_rules (void)
{
  static const struct {
    Breaker breaker;
    const char *field;
    const char *message;   /* NULL: any */
  } cases[] = {
    { break_number, "number", NULL },
    { break_name, "name", NULL },
    { break_end_missing, "end_date", NULL },
    { break_end_running, "end_date", "A running contract has no end date" },
    { break_end_before_start, "end_date", "The end date is before the start date" },
    { break_irrevocable_early, "irrevocable_until", NULL },
    { break_irrevocable_late, "irrevocable_until", NULL },
    { break_signed, "signed_date", NULL },
    { break_options_used, "options_used", NULL },
    { break_option_months, "option_months", NULL },
    { break_contract_sum, "contract_sum", NULL },
    { break_annual_cost, "annual_cost", NULL },
    { break_notice, "notice_months", NULL },
    { break_price_index, "price_index", NULL },
    { break_parent, "parent_id", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KtContract) c = valid_contract ();
      g_autoptr(GPtrArray) problems = NULL;
      const KtValidationProblem *problem;

      cases[i].breaker (c);
      problems = kt_contract_validate (c);

      g_test_message ("expecting a problem with %s", cases[i].field);
      g_assert_cmpuint (problems->len, ==, 1);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpstr (problem->field, ==, cases[i].field);
      g_assert_cmpuint (strlen (problem->message), >, 0);
      if (cases[i].message != NULL)
        g_assert_cmpstr (problem->message, ==, cases[i].message);
      g_assert_cmpstr (kt_validation_find (problems, cases[i].field), ==, problem->message);
    }
}

static void
test_validate_limits (void)
{
  g_autoptr(KtContract) c = valid_contract ();
  g_autoptr(GPtrArray) problems = NULL;

  /* The edges are allowed. */
  c->notice_months = 120;
  c->options_used = c->option_count;
  c->contract_sum = 0;
  c->annual_cost = KT_MONEY_NONE;
  c->option_count = 0;
  c->option_months = 0;
  c->options_used = 0;
  c->irrevocable_until = c->end_date;
  c->signed_date = c->end_date;
  c->start_date = c->end_date;
  g_date_clear (&c->price_regulation_date, 1);
  c->price_index = KT_PRICE_INDEX_NONE;

  problems = kt_contract_validate (c);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Several problems at once, one per field. */
  g_clear_pointer (&c->number, g_free);
  g_clear_pointer (&c->name, g_free);
  c->notice_months = 200;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = kt_contract_validate (c);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_nonnull (kt_validation_find (problems, "number"));
  g_assert_nonnull (kt_validation_find (problems, "name"));
  g_assert_nonnull (kt_validation_find (problems, "notice_months"));
  g_assert_null (kt_validation_find (problems, "end_date"));
}

static void
test_supplier (void)
{
  g_autoptr(KtSupplier) s = kt_supplier_new ();
  g_autoptr(KtSupplier) copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  KtContact *contact;

  s->name = g_strdup ("Ærø Data ApS");
  s->cvr = g_strdup ("12345674");
  contact = kt_contact_new ();
  contact->name = g_strdup ("Søren Østergård");
  contact->email = g_strdup ("soren@aero-data.dk");
  contact->phone = g_strdup ("+45 12 34 56 78");
  g_ptr_array_add (s->contacts, contact);

  problems = kt_supplier_validate (s);
  g_assert_cmpuint (problems->len, ==, 0);

  copy = kt_supplier_copy (s);
  g_assert_cmpuint (copy->contacts->len, ==, 1);
  g_assert_true (g_ptr_array_index (copy->contacts, 0) != contact);
  g_assert_cmpstr (((KtContact *) g_ptr_array_index (copy->contacts, 0))->email, ==,
                   "soren@aero-data.dk");

  /* Bad CVR, bad e-mail, bad phone, no name. */
  g_free (s->cvr);
  s->cvr = g_strdup ("12345675");
  g_free (contact->email);
  contact->email = g_strdup ("soren.aero-data.dk");
  g_free (contact->phone);
  contact->phone = g_strdup ("12-34-56-78");
  g_clear_pointer (&s->name, g_free);

  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = kt_supplier_validate (s);
  g_assert_cmpuint (problems->len, ==, 4);
  g_assert_nonnull (kt_validation_find (problems, "name"));
  g_assert_cmpstr (kt_validation_find (problems, "cvr"), ==,
                   "This is not a valid CVR number: the check digit does not match");
  g_assert_nonnull (kt_validation_find (problems, "contacts/0/email"));
  g_assert_nonnull (kt_validation_find (problems, "contacts/0/phone"));

  /* An empty CVR is allowed (foreign suppliers have none). */
  g_clear_pointer (&s->cvr, g_free);
  s->name = g_strdup ("x");
  g_ptr_array_set_size (s->contacts, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = kt_supplier_validate (s);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_email_phone (void)
{
  static const char *good_emails[] = { "a@b.dk", "per.hansen@kommune.dk", " x@y.z ", "æ@ø.dk" };
  static const char *bad_emails[] = { "", "a", "a@b", "@b.dk", "a@@b.dk", "a@b@c.dk", "a@.dk",
                                      "a@b.", "a b@c.dk", "a@b..dk" };
  static const char *good_phones[] = { "12345678", "+45 12 34 56 78", "12 34 56 78" };
  static const char *bad_phones[] = { "", "  ", "+", "12-34", "(45) 1234", "45+12", "tlf 1234" };

  for (guint i = 0; i < G_N_ELEMENTS (good_emails); i++)
    g_assert_true (kt_email_looks_valid (good_emails[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad_emails); i++)
    {
      g_test_message ("e-mail \"%s\"", bad_emails[i]);
      g_assert_false (kt_email_looks_valid (bad_emails[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (good_phones); i++)
    g_assert_true (kt_phone_looks_valid (good_phones[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad_phones); i++)
    {
      g_test_message ("phone \"%s\"", bad_phones[i]);
      g_assert_false (kt_phone_looks_valid (bad_phones[i]));
    }
}

static void
test_person (void)
{
  g_autoptr(KtPerson) p = kt_person_new ();
  g_autoptr(KtPerson) copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  p->name = g_strdup ("Mette Kjær");
  p->email = g_strdup ("mkj@kommune.dk");
  p->roles = (1u << KT_ROLE_SYSTEM_OWNER) | (1u << KT_ROLE_IT_BUYER);

  g_assert_true (kt_person_has_role (p, KT_ROLE_SYSTEM_OWNER));
  g_assert_true (kt_person_has_role (p, KT_ROLE_IT_BUYER));
  g_assert_false (kt_person_has_role (p, KT_ROLE_CONTRACT_MANAGER));

  problems = kt_person_validate (p);
  g_assert_cmpuint (problems->len, ==, 0);

  copy = kt_person_copy (p);
  g_assert_cmpstr (copy->name, ==, p->name);
  g_assert_cmpuint (copy->roles, ==, p->roles);

  g_free (p->email);
  p->email = g_strdup ("mkj");
  g_clear_pointer (&p->name, g_free);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = kt_person_validate (p);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_nonnull (kt_validation_find (problems, "name"));
  g_assert_nonnull (kt_validation_find (problems, "email"));
}

static void
test_boxed (void)
{
  g_autoptr(KtOrgUnit) unit = kt_org_unit_new ();
  g_autoptr(KtOrgUnit) unit_copy = NULL;
  KtAuditEntry entry = { 1, "2026-11-26T17:40:03Z", "per", "pc1", "contract", 4,
                         "update", "end_date", "2026-12-31", NULL };
  g_autoptr(KtAuditEntry) entry_copy = NULL;

  unit->name = g_strdup ("Børn og Unge");
  unit->parent_id = 2;
  unit_copy = g_boxed_copy (KT_TYPE_ORG_UNIT, unit);
  g_assert_cmpstr (unit_copy->name, ==, "Børn og Unge");
  g_assert_cmpint (unit_copy->parent_id, ==, 2);

  entry_copy = g_boxed_copy (KT_TYPE_AUDIT_ENTRY, &entry);
  g_assert_cmpstr (entry_copy->field, ==, "end_date");
  g_assert_cmpstr (entry_copy->old_value, ==, "2026-12-31");
  g_assert_null (entry_copy->new_value);

  g_assert_true (G_TYPE_IS_BOXED (KT_TYPE_CONTRACT));
  g_assert_true (G_TYPE_IS_BOXED (KT_TYPE_SUPPLIER));
  g_assert_true (G_TYPE_IS_BOXED (KT_TYPE_CONTACT));
  g_assert_true (G_TYPE_IS_BOXED (KT_TYPE_PERSON));
  g_assert_true (G_TYPE_IS_BOXED (KT_TYPE_VALIDATION_PROBLEM));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/contract/defaults", test_defaults);
  g_test_add_func ("/model/contract/copy-equal", test_copy_equal);
  g_test_add_func ("/model/contract/equal-each-field", test_equal_each_field);
  g_test_add_func ("/model/contract/validate-valid", test_validate_valid);
  g_test_add_func ("/model/contract/validate-rules", test_validate_rules);
  g_test_add_func ("/model/contract/validate-limits", test_validate_limits);
  g_test_add_func ("/model/supplier/validate-copy", test_supplier);
  g_test_add_func ("/model/supplier/email-phone", test_email_phone);
  g_test_add_func ("/model/person/validate-copy", test_person);
  g_test_add_func ("/model/boxed/copy", test_boxed);

  return g_test_run ();
}
