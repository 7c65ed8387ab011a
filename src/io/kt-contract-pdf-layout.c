/* kt-contract-pdf-layout.c — measures the blocks and places them on pages
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A heading or an introduction ending in ':' stays on the page of what
 * follows it, a paragraph or table is never split, so that a marked clause
 * is always on one page.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-contract-pdf-layout.h"

void
kt_pdf_placed_free (KtPdfPlaced *p)
{
  g_clear_object (&p->layout);
  g_clear_object (&p->number);
  g_clear_pointer (&p->cells, g_ptr_array_unref);
  g_clear_pointer (&p->rows, g_array_unref);
  g_free (p);
}

PangoLayout *
kt_pdf_new_layout (KtPdfLayout *lay,
                   const char  *font,
                   double       size,
                   gboolean     bold,
                   double       width)
{
  PangoLayout *layout = pango_layout_new (lay->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  if (size > 0)
    pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  pango_font_description_free (desc);
  return layout;
}

PangoLayout *
kt_pdf_new_number (KtPdfLayout *lay,
                   const char  *font,
                   double       size,
                   gboolean     bold,
                   const char  *number)
{
  PangoLayout *layout = kt_pdf_new_layout (lay, font, size, bold, INDENT - NUMBER_GAP);

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, number != NULL ? number : "", -1);
  return layout;
}

double
kt_pdf_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

double
kt_pdf_layout_natural_width (PangoLayout *layout)
{
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* Columns as wide as their longest cell, the widest one wrapping into
 * whatever is left. */
static void
size_table (KtPdfLayout *lay,
            KtPdfPlaced *p,
            double       width)
{
  g_auto(GStrv) rows = g_strsplit (p->block->text, "\n", -1);
  guint n_rows = g_strv_length (rows);
  double natural[4] = { 0 };
  double sum = 0;
  guint widest = 0;

  p->cells = g_ptr_array_new_with_free_func (g_object_unref);
  p->rows = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint r = 0; r < n_rows; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "\t", 4);

      if (r == 0)
        p->n_columns = MAX (1, g_strv_length (cells));
      for (guint c = 0; c < p->n_columns; c++)
        {
          PangoLayout *cell = kt_pdf_new_layout (lay, r == 0 ? SANS_FONT " 8.5" : BODY_FONT, r == 0 ? 0 : 9.5,
                                          r == 0, -1);

          pango_layout_set_text (cell, c < g_strv_length (cells) ? cells[c] : "", -1);
          natural[c] = MAX (natural[c], kt_pdf_layout_natural_width (cell) + 2 * CELL_PAD);
          g_ptr_array_add (p->cells, cell);
        }
    }

  for (guint c = 0; c < p->n_columns; c++)
    {
      sum += natural[c];
      if (natural[c] > natural[widest])
        widest = c;
    }
  for (guint c = 0; c < p->n_columns; c++)
    p->widths[c] = natural[c];
  if (sum <= width)
    p->widths[widest] += width - sum;
  else
    p->widths[widest] = MAX (width - (sum - natural[widest]), width / (2 * p->n_columns));

  p->height = 0;
  for (guint r = 0; r < n_rows; r++)
    {
      double row = 0;

      for (guint c = 0; c < p->n_columns; c++)
        {
          PangoLayout *cell = g_ptr_array_index (p->cells, r * p->n_columns + c);

          pango_layout_set_width (cell, (int) ((p->widths[c] - 2 * CELL_PAD) * PANGO_SCALE));
          if (p->n_columns == 2 && c == 0)
            pango_layout_set_alignment (cell, PANGO_ALIGN_RIGHT);
          row = MAX (row, kt_pdf_layout_height (cell) + 2 * CELL_PAD);
        }
      g_array_append_val (p->rows, row);
      p->height += row;
    }
}

static guint
count_headings (KtPdfComposition *comp)
{
  guint n = 0;

  for (guint i = 0; i < comp->blocks->len; i++)
    n += ((KtPdfBlock *) g_ptr_array_index (comp->blocks, i))->kind == KT_PDF_BLOCK_HEADING;
  return n;
}

static KtPdfPlaced *
measure (KtPdfLayout *lay,
         KtPdfBlock  *block)
{
  KtPdfPlaced *p = g_new0 (KtPdfPlaced, 1);

  p->block = block;
  switch (block->kind)
    {
    case KT_PDF_BLOCK_TITLE:
      p->layout = kt_pdf_new_layout (lay, SANS_FONT, block->size, FALSE, TEXT_WIDTH);
      pango_layout_set_alignment (p->layout, PANGO_ALIGN_CENTER);
      pango_layout_set_markup (p->layout, block->text, -1);
      break;

    case KT_PDF_BLOCK_CENTRED:
      p->layout = kt_pdf_new_layout (lay, BODY_FONT, 0, FALSE, TEXT_WIDTH - 2 * INDENT);
      pango_layout_set_alignment (p->layout, PANGO_ALIGN_CENTER);
      pango_layout_set_markup (p->layout, block->text, -1);
      break;

    case KT_PDF_BLOCK_HEADING:
      p->layout = kt_pdf_new_layout (lay, SANS_FONT, 11.5, TRUE, TEXT_WIDTH - INDENT);
      pango_layout_set_text (p->layout, block->text, -1);
      if (block->number != NULL)
        p->number = kt_pdf_new_number (lay, SANS_FONT, 11.5, TRUE, block->number);
      break;

    case KT_PDF_BLOCK_CLAUSE:
      p->number = kt_pdf_new_number (lay, BODY_FONT, 0, FALSE, block->number);
      p->layout = kt_pdf_new_layout (lay, BODY_FONT, 0, FALSE, TEXT_WIDTH - INDENT);
      pango_layout_set_text (p->layout, block->text, -1);
      break;

    case KT_PDF_BLOCK_TEXT:
      p->layout = kt_pdf_new_layout (lay, BODY_FONT, 0, FALSE, TEXT_WIDTH);
      pango_layout_set_text (p->layout, block->text, -1);
      break;

    case KT_PDF_BLOCK_TABLE:
      size_table (lay, p, TEXT_WIDTH - INDENT);
      break;

    case KT_PDF_BLOCK_CONTENTS:
      p->layout = kt_pdf_new_layout (lay, SANS_FONT, 11.5, TRUE, TEXT_WIDTH);
      pango_layout_set_text (p->layout, block->text, -1);
      p->height = kt_pdf_layout_height (p->layout) + 8 + count_headings (lay->comp) * CONTENTS_ROW;
      break;

    case KT_PDF_BLOCK_SIGNATURES:
      {
        g_auto(GStrv) columns = g_strsplit (block->text, "\t", 2);

        p->cells = g_ptr_array_new_with_free_func (g_object_unref);
        p->rows = g_array_new (FALSE, FALSE, sizeof (double));
        for (guint c = 0; c < 2; c++)
          {
            PangoLayout *party = kt_pdf_new_layout (lay, BODY_FONT, 9.5, FALSE, TEXT_WIDTH - INDENT - 2 * SIGNATURE_PAD);
            double height;

            pango_layout_set_markup (party, c < g_strv_length (columns) ? columns[c] : "", -1);
            height = kt_pdf_layout_height (party) + 2 * SIGNATURE_PAD;
            g_array_append_val (p->rows, height);
            p->height += height + (c > 0 ? SIGNATURE_PAD : 0);
            g_ptr_array_add (p->cells, party);
          }
      }
      break;

    case KT_PDF_BLOCK_SPACE:
      p->height = block->size;
      break;

    case KT_PDF_BLOCK_PAGE_BREAK:
    default:
      break;
    }

  if (p->layout != NULL && block->kind != KT_PDF_BLOCK_CONTENTS)
    p->height = MAX (kt_pdf_layout_height (p->layout), p->number != NULL ? kt_pdf_layout_height (p->number) : 0);
  return p;
}

static double
space_before (const KtPdfBlock *block)
{
  switch (block->kind)
    {
    case KT_PDF_BLOCK_HEADING: return 16;
    case KT_PDF_BLOCK_CLAUSE:
    case KT_PDF_BLOCK_TEXT:
    case KT_PDF_BLOCK_TABLE: return 6;
    default: return 0;
    }
}

static gboolean
keeps_with_next (const KtPdfBlock *block)
{
  return block->kind == KT_PDF_BLOCK_HEADING ||
         (block->kind == KT_PDF_BLOCK_CLAUSE && g_str_has_suffix (block->text, ":"));
}

void
kt_pdf_paginate (KtPdfLayout *lay)
{
  GPtrArray *blocks = lay->comp->blocks;
  guint page = 0;
  double y = TOP;

  for (guint i = 0; i < blocks->len; i++)
    g_ptr_array_add (lay->placed, measure (lay, g_ptr_array_index (blocks, i)));

  for (guint i = 0; i < lay->placed->len; i++)
    {
      KtPdfPlaced *p = g_ptr_array_index (lay->placed, i);
      double before = y > TOP ? space_before (p->block) : 0;
      double need = before + p->height;

      if (p->block->kind == KT_PDF_BLOCK_PAGE_BREAK)
        {
          page++;
          y = TOP;
          continue;
        }
      if (p->block->kind == KT_PDF_BLOCK_SPACE && y == TOP)
        continue;

      for (guint j = i; j + 1 < lay->placed->len; j++)
        {
          KtPdfPlaced *next = g_ptr_array_index (lay->placed, j + 1);

          if (!keeps_with_next (((KtPdfPlaced *) g_ptr_array_index (lay->placed, j))->block))
            break;
          need += space_before (next->block) + next->height;
        }

      if (y + need > BOTTOM && y > TOP)
        {
          page++;
          y = TOP;
          before = 0;
        }
      p->page = page;
      p->y = y + before;
      y = p->y + p->height;
    }
  lay->n_pages = page + 1;
}
