/* kt-contract.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-contract.h"

G_DEFINE_BOXED_TYPE (KtContract, kt_contract, kt_contract_copy, kt_contract_free)

KtContract *
kt_contract_new (void)
{
  KtContract *self = g_new0 (KtContract, 1);

  self->type = KT_CONTRACT_TYPE_MAIN;
  self->template_kind = KT_TEMPLATE_OTHER;
  self->status = KT_STATUS_ACTIVE;
  self->category = KT_CATEGORY_OPERATION;
  self->procurement_form = KT_PROCUREMENT_SKI;
  self->criticality = KT_CRITICALITY_MEDIUM;
  self->contract_sum = KT_MONEY_NONE;
  self->annual_cost = KT_MONEY_NONE;
  self->payment_model = KT_PAYMENT_MODEL_FIXED_PRICE;
  self->payment_frequency = KT_PAYMENT_FREQUENCY_YEARLY;
  self->price_index = KT_PRICE_INDEX_NONE;
  self->notice_rule = KT_NOTICE_RULE_ANY_DAY;

  g_date_clear (&self->price_regulation_date, 1);
  g_date_clear (&self->signed_date, 1);
  g_date_clear (&self->start_date, 1);
  g_date_clear (&self->irrevocable_until, 1);
  g_date_clear (&self->end_date, 1);

  return self;
}

KtContract *
kt_contract_copy (const KtContract *contract)
{
  KtContract *copy;

  g_return_val_if_fail (contract != NULL, NULL);

  copy = g_memdup2 (contract, sizeof *contract);

  copy->number = g_strdup (contract->number);
  copy->name = g_strdup (contract->name);
  copy->purchased_services = g_strdup (contract->purchased_services);
  copy->exit_notes = g_strdup (contract->exit_notes);
  copy->learning_points = g_strdup (contract->learning_points);
  copy->notes = g_strdup (contract->notes);
  copy->supplier_name = g_strdup (contract->supplier_name);
  copy->system_owner_name = g_strdup (contract->system_owner_name);
  copy->administrator_name = g_strdup (contract->administrator_name);
  copy->org_unit_name = g_strdup (contract->org_unit_name);
  copy->changed_by = g_strdup (contract->changed_by);
  copy->changed_at = g_strdup (contract->changed_at);

  return copy;
}

void
kt_contract_free (KtContract *contract)
{
  if (contract == NULL)
    return;

  g_free (contract->number);
  g_free (contract->name);
  g_free (contract->purchased_services);
  g_free (contract->exit_notes);
  g_free (contract->learning_points);
  g_free (contract->notes);
  g_free (contract->supplier_name);
  g_free (contract->system_owner_name);
  g_free (contract->administrator_name);
  g_free (contract->org_unit_name);
  g_free (contract->changed_by);
  g_free (contract->changed_at);
  g_free (contract);
}

/* NULL and "" are the same to the user: an empty entry. */
static gboolean
str_equal (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static gboolean
date_equal (const GDate *a,
            const GDate *b)
{
  gboolean a_valid = g_date_valid (a);
  gboolean b_valid = g_date_valid (b);

  if (a_valid != b_valid)
    return FALSE;

  return !a_valid || g_date_compare (a, b) == 0;
}

gboolean
kt_contract_equal_fields (const KtContract *a,
                          const KtContract *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return str_equal (a->number, b->number) &&
         str_equal (a->name, b->name) &&
         a->type == b->type &&
         a->parent_id == b->parent_id &&
         a->template_kind == b->template_kind &&
         a->status == b->status &&
         a->supplier_id == b->supplier_id &&
         a->system_owner_id == b->system_owner_id &&
         a->administrator_id == b->administrator_id &&
         a->org_unit_id == b->org_unit_id &&
         a->category == b->category &&
         a->procurement_form == b->procurement_form &&
         a->criticality == b->criticality &&
         str_equal (a->purchased_services, b->purchased_services) &&
         a->contract_sum == b->contract_sum &&
         a->annual_cost == b->annual_cost &&
         a->payment_model == b->payment_model &&
         a->payment_frequency == b->payment_frequency &&
         a->price_index == b->price_index &&
         date_equal (&a->price_regulation_date, &b->price_regulation_date) &&
         date_equal (&a->signed_date, &b->signed_date) &&
         date_equal (&a->start_date, &b->start_date) &&
         date_equal (&a->irrevocable_until, &b->irrevocable_until) &&
         date_equal (&a->end_date, &b->end_date) &&
         !a->running == !b->running &&
         a->notice_months == b->notice_months &&
         a->notice_rule == b->notice_rule &&
         a->option_count == b->option_count &&
         a->option_months == b->option_months &&
         a->options_used == b->options_used &&
         !a->personal_data == !b->personal_data &&
         str_equal (a->exit_notes, b->exit_notes) &&
         str_equal (a->learning_points, b->learning_points) &&
         str_equal (a->notes, b->notes);
}
