/* kt-supplier.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-supplier.h"

G_DEFINE_BOXED_TYPE (KtContact, kt_contact, kt_contact_copy, kt_contact_free)
G_DEFINE_BOXED_TYPE (KtSupplier, kt_supplier, kt_supplier_copy, kt_supplier_free)

KtContact *
kt_contact_new (void)
{
  return g_new0 (KtContact, 1);
}

KtContact *
kt_contact_copy (const KtContact *contact)
{
  KtContact *copy;

  g_return_val_if_fail (contact != NULL, NULL);

  copy = g_new0 (KtContact, 1);
  copy->id = contact->id;
  copy->name = g_strdup (contact->name);
  copy->title = g_strdup (contact->title);
  copy->email = g_strdup (contact->email);
  copy->phone = g_strdup (contact->phone);

  return copy;
}

void
kt_contact_free (KtContact *contact)
{
  if (contact == NULL)
    return;

  g_free (contact->name);
  g_free (contact->title);
  g_free (contact->email);
  g_free (contact->phone);
  g_free (contact);
}

KtSupplier *
kt_supplier_new (void)
{
  KtSupplier *self = g_new0 (KtSupplier, 1);

  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contact_free);

  return self;
}

static gpointer
copy_contact_cb (gconstpointer src,
                 gpointer      user_data)
{
  return kt_contact_copy (src);
}

KtSupplier *
kt_supplier_copy (const KtSupplier *supplier)
{
  KtSupplier *copy;

  g_return_val_if_fail (supplier != NULL, NULL);

  copy = g_new0 (KtSupplier, 1);
  copy->id = supplier->id;
  copy->version = supplier->version;
  copy->name = g_strdup (supplier->name);
  copy->cvr = g_strdup (supplier->cvr);
  copy->address = g_strdup (supplier->address);
  copy->postal_code = g_strdup (supplier->postal_code);
  copy->city = g_strdup (supplier->city);
  copy->notes = g_strdup (supplier->notes);
  copy->changed_by = g_strdup (supplier->changed_by);
  copy->changed_at = g_strdup (supplier->changed_at);

  if (supplier->contacts != NULL)
    {
      copy->contacts = g_ptr_array_copy (supplier->contacts, copy_contact_cb, NULL);
      g_ptr_array_set_free_func (copy->contacts, (GDestroyNotify) kt_contact_free);
    }
  else
    {
      copy->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contact_free);
    }

  return copy;
}

void
kt_supplier_free (KtSupplier *supplier)
{
  if (supplier == NULL)
    return;

  g_free (supplier->name);
  g_free (supplier->cvr);
  g_free (supplier->address);
  g_free (supplier->postal_code);
  g_free (supplier->city);
  g_free (supplier->notes);
  g_free (supplier->changed_by);
  g_free (supplier->changed_at);
  g_clear_pointer (&supplier->contacts, g_ptr_array_unref);
  g_free (supplier);
}
