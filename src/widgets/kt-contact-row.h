/* kt-contact-row.h — one contact person of a supplier, editable in place
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-supplier.h"

G_BEGIN_DECLS

#define KT_TYPE_CONTACT_ROW (kt_contact_row_get_type ())

G_DECLARE_FINAL_TYPE (KtContactRow, kt_contact_row, KT, CONTACT_ROW, AdwExpanderRow)

/* An expander row titled with the person's name that holds entry rows for
 * name, title, e-mail and phone, and a button that asks for its removal.
 * Signals: "changed" (any field edited), "remove-requested". */
KtContactRow *kt_contact_row_new          (const KtContact *contact);
/* A new record with what the rows hold; the id of the contact the row was
 * made from is kept, so the store updates rather than re-inserts it. */
KtContact    *kt_contact_row_get_contact  (KtContactRow    *self);
/* Shows the problems of this contact: fields "contacts/<index>/<member>" of
 * kt_supplier_validate (); NULL clears them. */
void          kt_contact_row_set_problems (KtContactRow    *self,
                                           GPtrArray       *problems,
                                           guint            index);
void          kt_contact_row_set_editable (KtContactRow    *self,
                                           gboolean         editable);

G_END_DECLS
