/* kt-supplier.h — a supplier (leverandør) and its contact persons
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KT_TYPE_SUPPLIER (kt_supplier_get_type ())
#define KT_TYPE_CONTACT  (kt_contact_get_type ())

typedef struct {
  gint64  id;          /* 0 until stored */
  char   *name;
  char   *title;       /* role at the supplier, e.g. "Kundeansvarlig" */
  char   *email;
  char   *phone;
} KtContact;

typedef struct {
  gint64     id;
  gint64     version;
  char      *name;
  char      *cvr;          /* 8 digits, normalised, validated with modulus 11 */
  char      *address;
  char      *postal_code;
  char      *city;
  char      *notes;
  GPtrArray *contacts;     /* of KtContact*, owned; saved with the supplier */

  /* Filled by the store when reading. */
  char      *changed_by;
  char      *changed_at;
} KtSupplier;

GType       kt_contact_get_type  (void) G_GNUC_CONST;
KtContact  *kt_contact_new       (void);
KtContact  *kt_contact_copy      (const KtContact *contact);
void        kt_contact_free      (KtContact       *contact);

GType       kt_supplier_get_type (void) G_GNUC_CONST;
KtSupplier *kt_supplier_new      (void);
KtSupplier *kt_supplier_copy     (const KtSupplier *supplier);
void        kt_supplier_free     (KtSupplier       *supplier);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtContact, kt_contact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtSupplier, kt_supplier_free)

G_END_DECLS
