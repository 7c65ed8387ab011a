/* kt-org-unit.h — an organisational unit: forvaltning or center
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kt-enums.h"

G_BEGIN_DECLS

#define KT_TYPE_ORG_UNIT (kt_org_unit_get_type ())

typedef struct {
  gint64         id;
  gint64         version;
  char          *name;
  KtOrgUnitKind  kind;
  gint64         parent_id;   /* a center belongs to a forvaltning; 0 = top level */
} KtOrgUnit;

GType      kt_org_unit_get_type (void) G_GNUC_CONST;
KtOrgUnit *kt_org_unit_new      (void);
KtOrgUnit *kt_org_unit_copy     (const KtOrgUnit *unit);
void       kt_org_unit_free     (KtOrgUnit       *unit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtOrgUnit, kt_org_unit_free)

G_END_DECLS
