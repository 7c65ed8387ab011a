/* kt-activity.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n-lib.h>

#include "kt-activity.h"
#include "kt-deadlines.h"
#include "kt-validation.h"

#define MAX_DESCRIPTION_CHARS 2000

G_DEFINE_BOXED_TYPE (KtActivity, kt_activity, kt_activity_copy, kt_activity_free)

KtActivity *
kt_activity_new (void)
{
  KtActivity *self = g_new0 (KtActivity, 1);

  self->type = KT_ACTIVITY_OTHER;
  self->status = KT_ACTIVITY_STATUS_OPEN;
  self->recurrence = KT_RECURRENCE_NONE;

  g_date_clear (&self->deadline, 1);
  g_date_clear (&self->done_date, 1);
  g_date_clear (&self->recurrence_until, 1);
  g_date_clear (&self->done_through, 1);

  return self;
}

KtActivity *
kt_activity_copy (const KtActivity *activity)
{
  KtActivity *copy;

  g_return_val_if_fail (activity != NULL, NULL);

  copy = g_memdup2 (activity, sizeof *activity);

  copy->description = g_strdup (activity->description);
  copy->clause_ref = g_strdup (activity->clause_ref);
  copy->done_by = g_strdup (activity->done_by);
  copy->notes = g_strdup (activity->notes);
  copy->contract_number = g_strdup (activity->contract_number);
  copy->contract_name = g_strdup (activity->contract_name);
  copy->responsible_name = g_strdup (activity->responsible_name);
  copy->changed_by = g_strdup (activity->changed_by);
  copy->changed_at = g_strdup (activity->changed_at);

  return copy;
}

void
kt_activity_free (KtActivity *activity)
{
  if (activity == NULL)
    return;

  g_free (activity->description);
  g_free (activity->clause_ref);
  g_free (activity->done_by);
  g_free (activity->notes);
  g_free (activity->contract_number);
  g_free (activity->contract_name);
  g_free (activity->responsible_name);
  g_free (activity->changed_by);
  g_free (activity->changed_at);
  g_free (activity);
}

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
kt_activity_equal_fields (const KtActivity *a,
                          const KtActivity *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->contract_id == b->contract_id &&
         a->type == b->type &&
         date_equal (&a->deadline, &b->deadline) &&
         str_equal (a->description, b->description) &&
         str_equal (a->clause_ref, b->clause_ref) &&
         a->responsible_id == b->responsible_id &&
         a->status == b->status &&
         date_equal (&a->done_date, &b->done_date) &&
         str_equal (a->done_by, b->done_by) &&
         a->recurrence == b->recurrence &&
         date_equal (&a->recurrence_until, &b->recurrence_until) &&
         date_equal (&a->done_through, &b->done_through) &&
         str_equal (a->notes, b->notes);
}

gboolean
kt_activity_is_recurring (const KtActivity *activity)
{
  g_return_val_if_fail (activity != NULL, FALSE);

  return activity->recurrence != KT_RECURRENCE_NONE;
}

static void
add (GPtrArray  *problems,
     const char *field,
     const char *message)
{
  g_ptr_array_add (problems, kt_validation_problem_new (field, message));
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

GPtrArray *
kt_activity_validate (const KtActivity *a)
{
  GPtrArray *problems;

  g_return_val_if_fail (a != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_validation_problem_free);

  if (a->contract_id <= 0)
    add (problems, "contract_id", _("Choose the contract the activity belongs to"));

  if (!g_date_valid (&a->deadline))
    add (problems, "deadline", _("Enter the deadline"));

  if (is_blank (a->description))
    add (problems, "description", _("Describe the activity"));
  else if (g_utf8_strlen (a->description, -1) > MAX_DESCRIPTION_CHARS)
    add (problems, "description", _("The description is too long"));

  if (a->recurrence == KT_RECURRENCE_NONE)
    {
      if (g_date_valid (&a->recurrence_until))
        add (problems, "recurrence_until",
             _("Only a repeating activity can repeat until a date"));
      if (g_date_valid (&a->done_through))
        add (problems, "done_through", _("Only a repeating activity has done occurrences"));
      if (a->status == KT_ACTIVITY_STATUS_DONE && !g_date_valid (&a->done_date))
        add (problems, "done_date", _("Enter when the activity was done"));
    }
  else if (g_date_valid (&a->deadline))
    {
      if (g_date_valid (&a->recurrence_until) &&
          g_date_compare (&a->recurrence_until, &a->deadline) < 0)
        add (problems, "recurrence_until",
             _("The repetition ends before the first deadline"));

      if (g_date_valid (&a->done_through) && !kt_activity_is_occurrence (a, &a->done_through))
        add (problems, "done_through",
             _("The last done occurrence is not one of the activity’s dates"));
    }

  return problems;
}
