/* kt-person.h — people: system owners, contract managers, ...
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kt-enums.h"

G_BEGIN_DECLS

#define KT_TYPE_PERSON (kt_person_get_type ())

typedef struct {
  gint64  id;
  gint64  version;
  char   *name;
  char   *email;
  gint64  org_unit_id;
  guint   roles;              /* bit mask of (1 << KtRole) */
  char   *org_unit_name;      /* filled by the store when reading */
} KtPerson;

GType      kt_person_get_type   (void) G_GNUC_CONST;
KtPerson  *kt_person_new        (void);
KtPerson  *kt_person_copy       (const KtPerson *person);
void       kt_person_free       (KtPerson       *person);
gboolean   kt_person_has_role   (const KtPerson *person,
                                 KtRole          role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtPerson, kt_person_free)

G_END_DECLS
