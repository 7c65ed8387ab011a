/* kt-contract-pdf-private.h — the contract text as blocks, between the
 * wording (kt-contract-pdf-text.c, kt-contract-pdf-annex.c) and the page
 * layout (kt-contract-pdf.c)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-contract-pdf.h"

G_BEGIN_DECLS

typedef enum {
  KT_PDF_BLOCK_TITLE,       /* large centred lines, Pango markup */
  KT_PDF_BLOCK_CENTRED,     /* centred paragraph, Pango markup */
  KT_PDF_BLOCK_HEADING,     /* "4   Opsigelse": number and text */
  KT_PDF_BLOCK_CLAUSE,      /* "4.1 …": hanging number, plain text */
  KT_PDF_BLOCK_TEXT,        /* plain paragraph */
  KT_PDF_BLOCK_TABLE,       /* cells split by '\t' (at most 4), rows by '\n'; the first row is the header */
  KT_PDF_BLOCK_CONTENTS,    /* the headings with their page numbers */
  KT_PDF_BLOCK_SIGNATURES,  /* two columns split by '\t', Pango markup */
  KT_PDF_BLOCK_PAGE_BREAK,
  KT_PDF_BLOCK_SPACE,       /* a vertical gap of `size` points */
} KtPdfBlockKind;

typedef struct {
  KtPdfBlockKind  kind;
  char           *number;   /* of a heading or clause */
  char           *text;
  int             mark;     /* KtClauseCategory of a key paragraph, or -1 */
  double          size;     /* font size of a title, gap of a space */
} KtPdfBlock;

typedef struct {
  GPtrArray *blocks;        /* KtPdfBlock *, owned */
  char      *title;         /* document metadata */
  char      *author;
  char      *subject;
  char      *keywords;
  char      *date;          /* ISO 8601, the signing time: creation date metadata */
  char      *header_left;   /* running header on every page but the first */
  char      *header_right;
  char      *footer_left;   /* small print beside "Side N af M" */
  guint      section;       /* numbering of kt_pdf_add_heading / _clause */
  guint      clause;
} KtPdfComposition;

void     kt_pdf_composition_init    (KtPdfComposition *comp);
void     kt_pdf_composition_clear   (KtPdfComposition *comp);

KtPdfBlock *kt_pdf_add              (KtPdfComposition *comp,
                                     KtPdfBlockKind    kind,
                                     const char       *number,
                                     const char       *text);
void     kt_pdf_add_title           (KtPdfComposition *comp,
                                     double            size,
                                     const char       *markup);
void     kt_pdf_add_space           (KtPdfComposition *comp,
                                     double            points);
/* The next numbered section ("4 Opsigelse"). */
void     kt_pdf_add_heading         (KtPdfComposition *comp,
                                     const char       *title);
/* The next clause of the section ("4.2 …"); @mark is the KtClauseCategory
 * of a key paragraph, or -1. Optional clauses come last in a section so
 * that the numbers referred to never move. */
void     kt_pdf_add_clause          (KtPdfComposition *comp,
                                     int               mark,
                                     const char       *format,
                                     ...) G_GNUC_PRINTF (3, 4);

/* Danish wording of the contract's data, independent of the locale. */
char    *kt_pdf_date                (const GDate      *date);   /* "1. januar 2026" */
char    *kt_pdf_money               (gint64            ore);    /* "2.900.000 kr." */
const char *kt_pdf_month_name       (GDateMonth        month);
/* "6 måneders varsel til udgangen af et kvartal" */
char    *kt_pdf_notice              (guint             months,
                                     KtNoticeRule      rule);
/* A stable number from a text, for wording and signatures that differ from
 * contract to contract but never from run to run. */
guint32  kt_pdf_checksum            (const char       *text);
/* "Signatur-ID …" style key of four groups. */
char    *kt_pdf_signature_key       (const char       *seed);

/* The municipality as the documents name it (CVR valid by modulus 11). */
#define KT_PDF_CUSTOMER          "Eksempel Kommune"
#define KT_PDF_CUSTOMER_ADDRESS  "Rådhustorvet 1"
#define KT_PDF_CUSTOMER_TOWN     "9999 Eksempelby"
#define KT_PDF_CUSTOMER_CVR      "29990115"

/* The title page and running texts shared by the documents: @kind_title
 * "KONTRAKT", @about "om" / "til kontrakt om". Ends with a page break. */
void     kt_pdf_compose_front           (KtPdfComposition        *comp,
                                         const KtContractPdfSpec *spec,
                                         const char              *kind_title,
                                         const char              *about);
void     kt_pdf_compose_signatures      (KtPdfComposition        *comp,
                                         const KtContractPdfSpec *spec);

/* The documents (kt-contract-pdf-sections.c, -terms.c for sections 8–14,
 * -annex.c). */
void     kt_pdf_compose_contract        (KtPdfComposition        *comp,
                                         const KtContractPdfSpec *spec);
void     kt_pdf_compose_terms           (KtPdfComposition        *comp,
                                         const KtContractPdfSpec *spec);
void     kt_pdf_compose_data_processing (KtPdfComposition        *comp,
                                         const KtContractPdfSpec *spec);
void     kt_pdf_compose_sla_appendix    (KtPdfComposition        *comp,
                                         const KtContractPdfSpec *spec);

G_END_DECLS
