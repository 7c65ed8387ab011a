/* kt-contract-form.h — every field of a contract, grouped and editable
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-contract.h"

G_BEGIN_DECLS

#define KT_TYPE_CONTRACT_FORM (kt_contract_form_get_type ())

G_DECLARE_FINAL_TYPE (KtContractForm, kt_contract_form, KT, CONTRACT_FORM, AdwPreferencesPage)

/* The form knows nothing of the store: the contract page gives it the
 * records to choose from and a contract to show, and reads back what the
 * user made of it. Emits "changed" on every edit by the user (not when a
 * contract is set). */
GtkWidget  *kt_contract_form_new           (void);
/* Choices for the main contract, supplier, system owner, administrator and
 * org unit rows; each GPtrArray of KtContract / KtSupplier / KtPerson /
 * KtOrgUnit may be NULL. exclude_id is left out of the main contracts. */
void        kt_contract_form_set_choices   (KtContractForm   *self,
                                            GPtrArray        *contracts,
                                            gint64            exclude_id,
                                            GPtrArray        *suppliers,
                                            GPtrArray        *people,
                                            GPtrArray        *org_units);
void        kt_contract_form_set_contract  (KtContractForm   *self,
                                            const KtContract *contract);
/* A copy of base with the form's values. What cannot be read (a date or an
 * amount that does not parse) keeps base's value and is appended to
 * problems as a KtValidationProblem of its field. */
KtContract *kt_contract_form_get_contract  (KtContractForm   *self,
                                            const KtContract *base,
                                            GPtrArray        *problems);
/* Shows problems under their fields (NULL clears them all) and what
 * follows from the record being edited: the last day to give notice and
 * whether a data processing agreement is missing. */
void        kt_contract_form_show_state    (KtContractForm   *self,
                                            const KtContract *record,
                                            GPtrArray        *problems,
                                            gboolean          has_dpa);
void        kt_contract_form_set_editable  (KtContractForm   *self,
                                            gboolean          editable);
void        kt_contract_form_focus_first   (KtContractForm   *self);
/* Another contract is shown from its beginning, not where the last one was
 * left (AdwPreferencesPage has no API for it before libadwaita 1.3). */
void        kt_contract_form_scroll_to_top (KtContractForm   *self);
/* The scrolled window of the page (kt_list_refresh_begin () keeps its
 * place across a reload), and its vertical scroll position. */
GtkWidget     *kt_contract_form_get_scroller    (KtContractForm *self);
GtkAdjustment *kt_contract_form_get_vadjustment (KtContractForm *self);

G_END_DECLS
