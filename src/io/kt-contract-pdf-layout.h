/* kt-contract-pdf-layout.h — blocks measured and placed on A4 pages
 * (kt-contract-pdf-layout.c), drawn by kt-contract-pdf.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "kt-contract-pdf-private.h"

G_BEGIN_DECLS

/* A4 in points, and the type area. */
#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define LEFT         72.0
#define TEXT_WIDTH   (PAGE_WIDTH - 2 * LEFT)
#define TOP          88.0
#define BOTTOM       (PAGE_HEIGHT - 78.0)
#define INDENT       34.0    /* clause text after its number */
#define NUMBER_GAP   7.0     /* between a right-aligned number and its text */
#define CELL_PAD     4.0
#define SIGNATURE_PAD 10.0

#define BODY_FONT    "P052, Palatino, DejaVu Serif, serif 11"
#define LINE_SPACING 1.2
#define SANS_FONT    "Nimbus Sans, Helvetica, DejaVu Sans, sans"
#define CONTENTS_ROW 15.0

typedef struct {
  KtPdfBlock  *block;
  guint        page;
  double       y;
  double       height;
  PangoLayout *layout;     /* the text; NULL for spaces and tables */
  PangoLayout *number;     /* of a heading or clause */
  GPtrArray   *cells;      /* PangoLayout *: a table row by row, or the signatures */
  guint        n_columns;
  double       widths[4];
  GArray      *rows;       /* double: the height of each table row or signature */
} KtPdfPlaced;

typedef struct {
  KtPdfComposition *comp;
  PangoContext     *context;
  GPtrArray        *placed;    /* KtPdfPlaced * */
  guint             n_pages;
} KtPdfLayout;

void         kt_pdf_placed_free          (KtPdfPlaced *p);
PangoLayout *kt_pdf_new_layout           (KtPdfLayout *lay,
                                          const char  *font,
                                          double       size,
                                          gboolean     bold,
                                          double       width);
/* A section number, right-aligned NUMBER_GAP before its text. */
PangoLayout *kt_pdf_new_number           (KtPdfLayout *lay,
                                          const char  *font,
                                          double       size,
                                          gboolean     bold,
                                          const char  *number);
double       kt_pdf_layout_height        (PangoLayout *layout);
/* Unwraps @layout. */
double       kt_pdf_layout_natural_width (PangoLayout *layout);
/* Measures every block of lay->comp and places it: fills lay->placed and
 * lay->n_pages. */
void         kt_pdf_paginate             (KtPdfLayout *lay);

G_END_DECLS
