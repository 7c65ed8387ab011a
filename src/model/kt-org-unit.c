/* kt-org-unit.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-org-unit.h"

G_DEFINE_BOXED_TYPE (KtOrgUnit, kt_org_unit, kt_org_unit_copy, kt_org_unit_free)

KtOrgUnit *
kt_org_unit_new (void)
{
  KtOrgUnit *self = g_new0 (KtOrgUnit, 1);

  self->kind = KT_ORG_UNIT_KIND_FORVALTNING;

  return self;
}

KtOrgUnit *
kt_org_unit_copy (const KtOrgUnit *unit)
{
  KtOrgUnit *copy;

  g_return_val_if_fail (unit != NULL, NULL);

  copy = g_new0 (KtOrgUnit, 1);
  copy->id = unit->id;
  copy->version = unit->version;
  copy->name = g_strdup (unit->name);
  copy->kind = unit->kind;
  copy->parent_id = unit->parent_id;

  return copy;
}

void
kt_org_unit_free (KtOrgUnit *unit)
{
  if (unit == NULL)
    return;

  g_free (unit->name);
  g_free (unit);
}
