/* kt-contract-pdf.h — a contract as a signed PDF, drawn with cairo
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The example portfolio's contract documents: several A4 pages of Danish
 * contract text written from a contract's own data (parties, term, notice,
 * options, price regulation, ...), with a title page, numbered sections,
 * digital signatures and "Side N af M". The text is Danish content, not
 * user-interface text, and is never translated. The same contract always
 * gives the same bytes, so the example is reproducible down to the hashes.
 */
#pragma once

#include <gio/gio.h>

#include "kt-clause.h"
#include "kt-contract.h"
#include "kt-supplier.h"

G_BEGIN_DECLS

typedef enum {
  KT_CONTRACT_PDF_CONTRACT,       /* the signed contract (or data processing agreement) */
  KT_CONTRACT_PDF_SLA_APPENDIX,   /* "Bilag 1 – Servicemål" of a contract */
} KtContractPdfKind;

typedef struct {
  KtContractPdfKind  kind;
  const KtContract  *contract;        /* display names filled in, as the store lists it */
  const KtSupplier  *supplier;        /* name, CVR, address, first contact */
  /* The main contract of a data processing agreement; NULL otherwise. */
  const KtContract  *main_contract;
  /* Who signed for each party, and as what ("Digitaliseringschef"). */
  const char        *customer_signer;
  const char        *customer_signer_title;
  const char        *supplier_signer;
  const char        *supplier_signer_title;
  /* How much of the optional wording goes in, 0–3: a large contract has
   * more sub-clauses (and pages) than a small one. */
  guint              detail;
} KtContractPdfSpec;

/* A key paragraph of the document — the notice rule, the price regulation,
 * ... — and where it was drawn, for marking it as a clause. */
typedef struct {
  KtClauseCategory  category;
  guint             page;      /* 0-based */
  GArray           *rects;     /* KtPageRect, one per line, in page points */
  char             *text;      /* the paragraph as drawn, without its number */
} KtContractPdfPassage;

void     kt_contract_pdf_passage_free (KtContractPdfPassage    *passage);

/* Writes the document to @path (replaced if it exists). @n_pages and
 * @passages (KtContractPdfPassage *, in the order drawn) may be NULL. */
gboolean kt_contract_pdf_write        (const KtContractPdfSpec *spec,
                                       const char              *path,
                                       guint                   *n_pages,
                                       GPtrArray              **passages,
                                       GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtContractPdfPassage, kt_contract_pdf_passage_free)

G_END_DECLS
