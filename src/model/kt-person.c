/* kt-person.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-person.h"

G_DEFINE_BOXED_TYPE (KtPerson, kt_person, kt_person_copy, kt_person_free)

KtPerson *
kt_person_new (void)
{
  return g_new0 (KtPerson, 1);
}

KtPerson *
kt_person_copy (const KtPerson *person)
{
  KtPerson *copy;

  g_return_val_if_fail (person != NULL, NULL);

  copy = g_new0 (KtPerson, 1);
  copy->id = person->id;
  copy->version = person->version;
  copy->name = g_strdup (person->name);
  copy->email = g_strdup (person->email);
  copy->org_unit_id = person->org_unit_id;
  copy->roles = person->roles;
  copy->org_unit_name = g_strdup (person->org_unit_name);

  return copy;
}

void
kt_person_free (KtPerson *person)
{
  if (person == NULL)
    return;

  g_free (person->name);
  g_free (person->email);
  g_free (person->org_unit_name);
  g_free (person);
}

gboolean
kt_person_has_role (const KtPerson *person,
                    KtRole          role)
{
  g_return_val_if_fail (person != NULL, FALSE);
  g_return_val_if_fail ((guint) role < 32, FALSE);

  return (person->roles & (1u << role)) != 0;
}
