/* kt-validation.h — what is wrong with a record before it is saved
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kt-contract.h"
#include "kt-person.h"
#include "kt-supplier.h"

G_BEGIN_DECLS

#define KT_TYPE_VALIDATION_PROBLEM (kt_validation_problem_get_type ())

/* One problem, attached to the field the user must change. field is the
 * name of the struct member / column ("end_date", "cvr"); for a supplier's
 * contact persons it is "contacts/<index>/<member>", e.g. "contacts/0/email".
 * message is translated and reads well under the field. */
typedef struct {
  char *field;
  char *message;
} KtValidationProblem;

GType                kt_validation_problem_get_type (void) G_GNUC_CONST;
KtValidationProblem *kt_validation_problem_new      (const char                *field,
                                                     const char                *message);
KtValidationProblem *kt_validation_problem_copy     (const KtValidationProblem *problem);
void                 kt_validation_problem_free     (KtValidationProblem       *problem);

/* Each returns a GPtrArray of KtValidationProblem* (owned by the array,
 * which frees them); empty when the record can be saved. At most one problem
 * per field: the first one found. */
GPtrArray  *kt_contract_validate   (const KtContract *contract);
GPtrArray  *kt_supplier_validate   (const KtSupplier *supplier);
GPtrArray  *kt_contact_validate    (const KtContact  *contact);
GPtrArray  *kt_person_validate     (const KtPerson   *person);

/* The message for field in problems, or NULL. */
const char *kt_validation_find     (GPtrArray        *problems,
                                    const char       *field);

/* Loose checks of what a person typed, also used by the validators. */
gboolean    kt_email_looks_valid   (const char       *email);
gboolean    kt_phone_looks_valid   (const char       *phone);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtValidationProblem, kt_validation_problem_free)

G_END_DECLS
