/* kt-validation.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kt-cvr.h"
#include "kt-validation.h"

#define MAX_NOTICE_MONTHS 120

G_DEFINE_BOXED_TYPE (KtValidationProblem, kt_validation_problem,
                     kt_validation_problem_copy, kt_validation_problem_free)

KtValidationProblem *
kt_validation_problem_new (const char *field,
                           const char *message)
{
  KtValidationProblem *self;

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_new0 (KtValidationProblem, 1);
  self->field = g_strdup (field);
  self->message = g_strdup (message);

  return self;
}

KtValidationProblem *
kt_validation_problem_copy (const KtValidationProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return kt_validation_problem_new (problem->field, problem->message);
}

void
kt_validation_problem_free (KtValidationProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

const char *
kt_validation_find (GPtrArray  *problems,
                    const char *field)
{
  g_return_val_if_fail (problems != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const KtValidationProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->field, field))
        return problem->message;
    }

  return NULL;
}

static GPtrArray *
problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) kt_validation_problem_free);
}

/* Keeps the first problem of each field: the one the user fixes first. */
static void
add (GPtrArray  *problems,
     const char *field,
     const char *message)
{
  if (kt_validation_find (problems, field) == NULL)
    g_ptr_array_add (problems, kt_validation_problem_new (field, message));
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
before (const GDate *a,
        const GDate *b)
{
  return g_date_valid (a) && g_date_valid (b) && g_date_compare (a, b) < 0;
}

gboolean
kt_email_looks_valid (const char *text)
{
  g_autofree char *email = NULL;
  const char *at;
  const char *dot;

  if (text == NULL)
    return FALSE;

  /* Surrounding spaces come with copy and paste; the store trims them. */
  email = g_strstrip (g_strdup (text));

  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  /* One @, something before it, a dot after it with text on both sides. */
  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0' &&
         strstr (at + 1, "..") == NULL && at[1] != '.';
}

gboolean
kt_phone_looks_valid (const char *phone)
{
  guint digits = 0;
  gboolean seen_any = FALSE;

  if (phone == NULL)
    return FALSE;

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+' && !seen_any)
        ; /* the international prefix, "+45 12 34 56 78" */
      else if (*p != ' ')
        return FALSE;

      if (*p != ' ')
        seen_any = TRUE;
    }

  return digits > 0;
}

GPtrArray *
kt_contract_validate (const KtContract *c)
{
  GPtrArray *problems = problems_new ();

  g_return_val_if_fail (c != NULL, problems);

  if (is_blank (c->number))
    add (problems, "number", _("Enter the contract number"));

  if (is_blank (c->name))
    add (problems, "name", _("Enter the name of the contract"));

  if (c->parent_id != 0 && c->parent_id == c->id)
    add (problems, "parent_id", _("A contract cannot be its own main contract"));

  if (c->running && g_date_valid (&c->end_date))
    add (problems, "end_date", _("A running contract has no end date"));
  else if (!c->running && !g_date_valid (&c->end_date))
    add (problems, "end_date", _("Enter the end date, or mark the contract as running"));

  if (before (&c->end_date, &c->start_date))
    add (problems, "end_date", _("The end date is before the start date"));

  if (before (&c->irrevocable_until, &c->start_date))
    add (problems, "irrevocable_until",
         _("The irrevocable period ends before the contract starts"));
  else if (before (&c->end_date, &c->irrevocable_until))
    add (problems, "irrevocable_until",
         _("The irrevocable period ends after the end date"));

  if (before (&c->end_date, &c->signed_date))
    add (problems, "signed_date", _("The contract is signed after its end date"));

  if (c->option_count > 0 && c->option_months == 0)
    add (problems, "option_months", _("Enter how many months one option extends the contract"));

  if (c->options_used > c->option_count)
    add (problems, "options_used", _("More options are used than the contract has"));

  if (c->contract_sum != KT_MONEY_NONE && c->contract_sum < 0)
    add (problems, "contract_sum", _("The contract sum cannot be negative"));

  if (c->annual_cost != KT_MONEY_NONE && c->annual_cost < 0)
    add (problems, "annual_cost", _("The annual cost cannot be negative"));

  if (c->notice_months > MAX_NOTICE_MONTHS)
    add (problems, "notice_months", _("The notice period can be at most 120 months"));

  if (g_date_valid (&c->price_regulation_date) && c->price_index == KT_PRICE_INDEX_NONE)
    add (problems, "price_index", _("Choose how the price is regulated on the regulation date"));

  return problems;
}

GPtrArray *
kt_contact_validate (const KtContact *contact)
{
  GPtrArray *problems = problems_new ();

  g_return_val_if_fail (contact != NULL, problems);

  if (is_blank (contact->name))
    add (problems, "name", _("Enter the contact person's name"));

  if (!is_blank (contact->email) && !kt_email_looks_valid (contact->email))
    add (problems, "email", _("This does not look like an e-mail address"));

  if (!is_blank (contact->phone) && !kt_phone_looks_valid (contact->phone))
    add (problems, "phone", _("A phone number has only digits, spaces and a leading +"));

  return problems;
}

GPtrArray *
kt_supplier_validate (const KtSupplier *supplier)
{
  GPtrArray *problems = problems_new ();

  g_return_val_if_fail (supplier != NULL, problems);

  if (is_blank (supplier->name))
    add (problems, "name", _("Enter the supplier's name"));

  if (!is_blank (supplier->cvr))
    {
      g_autoptr(GError) error = NULL;

      if (!kt_cvr_validate (supplier->cvr, NULL, &error))
        add (problems, "cvr", error->message);
    }

  for (guint i = 0; supplier->contacts != NULL && i < supplier->contacts->len; i++)
    {
      g_autoptr(GPtrArray) contact_problems =
        kt_contact_validate (g_ptr_array_index (supplier->contacts, i));

      for (guint j = 0; j < contact_problems->len; j++)
        {
          const KtValidationProblem *problem = g_ptr_array_index (contact_problems, j);
          g_autofree char *field = g_strdup_printf ("contacts/%u/%s", i, problem->field);

          add (problems, field, problem->message);
        }
    }

  return problems;
}

GPtrArray *
kt_person_validate (const KtPerson *person)
{
  GPtrArray *problems = problems_new ();

  g_return_val_if_fail (person != NULL, problems);

  if (is_blank (person->name))
    add (problems, "name", _("Enter the person's name"));

  if (!is_blank (person->email) && !kt_email_looks_valid (person->email))
    add (problems, "email", _("This does not look like an e-mail address"));

  return problems;
}
