/* kt-contract-pdf.c — draws the placed blocks into a PDF
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two passes: the first (kt-contract-pdf-layout.c) measures every block
 * with Pango and places it on a page, so that the second knows the page
 * count for "Side N af M" and the table of contents before it draws. The
 * key paragraphs' line boxes are taken from the same layouts that draw
 * them, so a clause marked from them covers exactly the printed lines.
 *
 * poppler joins text across a gap wider than about a letter without a
 * space ("4.1Kunden"), which would glue words together in the search
 * index. So section numbers are right-aligned close to their text, the
 * contents have dot leaders, the first column of a two-column table is
 * right-aligned against the second, the signatures are stacked and the
 * text is set ragged right (justified lines with wide gaps come out one
 * word per line).
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "kt-contract-pdf-layout.h"

void
kt_contract_pdf_passage_free (KtContractPdfPassage *passage)
{
  if (passage == NULL)
    return;
  g_clear_pointer (&passage->rects, g_array_unref);
  g_free (passage->text);
  g_free (passage);
}

static void
set_colour (cairo_t *cr,
            guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

#define INK      0x1b1b1b
#define ACCENT   0x1f4e79
#define MUTED    0x5e5e5e
#define RULE     0xb0b7c0
#define SHADE    0xe8edf3

static void
show (cairo_t     *cr,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_small (KtPdfLayout *lay,
            cairo_t     *cr,
            const char  *text,
            double       x,
            double       y,
            gboolean     right)
{
  g_autoptr(PangoLayout) layout = kt_pdf_new_layout (lay, SANS_FONT " 7.5", 0, FALSE, TEXT_WIDTH / 2);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (right)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  show (cr, layout, right ? x - TEXT_WIDTH / 2 : x, y);
}

static void
draw_page_frame (KtPdfLayout *lay,
                 cairo_t     *cr,
                 guint        page)
{
  g_autofree char *side = g_strdup_printf ("Side %u af %u", page + 1, lay->n_pages);

  set_colour (cr, RULE);
  cairo_set_line_width (cr, 0.5);
  if (page > 0)
    {
      cairo_move_to (cr, LEFT, TOP - 22);
      cairo_line_to (cr, LEFT + TEXT_WIDTH, TOP - 22);
      cairo_stroke (cr);
      set_colour (cr, MUTED);
      draw_small (lay, cr, lay->comp->header_left, LEFT, TOP - 34, FALSE);
      draw_small (lay, cr, lay->comp->header_right, LEFT + TEXT_WIDTH, TOP - 34, TRUE);
    }
  else
    {
      g_autoptr(PangoLayout) crest = kt_pdf_new_layout (lay, SANS_FONT, 10, TRUE, TEXT_WIDTH);

      set_colour (cr, ACCENT);
      cairo_rectangle (cr, LEFT, 48, 14, 18);
      cairo_fill (cr);
      pango_layout_set_text (crest, "EKSEMPEL KOMMUNE", -1);
      show (cr, crest, LEFT + 22, 50);
    }

  set_colour (cr, RULE);
  cairo_move_to (cr, LEFT, BOTTOM + 22);
  cairo_line_to (cr, LEFT + TEXT_WIDTH, BOTTOM + 22);
  cairo_stroke (cr);
  set_colour (cr, MUTED);
  draw_small (lay, cr, lay->comp->footer_left, LEFT, BOTTOM + 28, FALSE);
  draw_small (lay, cr, side, LEFT + TEXT_WIDTH, BOTTOM + 28, TRUE);
}

/* "Opsigelse . . . . ." as wide as @width: the dots keep poppler from
 * joining the title and its page number into one word. */
static PangoLayout *
leader_line (KtPdfLayout *lay,
             const char  *title,
             double       width)
{
  PangoLayout *layout = kt_pdf_new_layout (lay, BODY_FONT, 0, FALSE, -1);
  GString *text = g_string_new (NULL);
  double title_width, dot_width;
  int n;

  pango_layout_set_text (layout, " .", -1);
  dot_width = kt_pdf_layout_natural_width (layout);
  g_string_printf (text, "%s ", title);
  pango_layout_set_text (layout, text->str, -1);
  title_width = kt_pdf_layout_natural_width (layout);

  /* Kerning may make the count one off: take dots away until it fits. */
  for (n = (int) ((width - title_width) / dot_width); n > 0; n--)
    {
      g_string_truncate (text, strlen (title) + 1);
      for (int i = 0; i < n; i++)
        g_string_append (text, " .");
      pango_layout_set_text (layout, text->str, -1);
      if (kt_pdf_layout_natural_width (layout) <= width)
        break;
    }
  g_string_free (text, TRUE);
  return layout;
}

static void
draw_contents (KtPdfLayout *lay,
               cairo_t     *cr,
               KtPdfPlaced *p)
{
  double y = p->y + kt_pdf_layout_height (p->layout) + 8;

  set_colour (cr, ACCENT);
  show (cr, p->layout, LEFT, p->y);
  for (guint i = 0; i < lay->placed->len; i++)
    {
      KtPdfPlaced *h = g_ptr_array_index (lay->placed, i);
      g_autoptr(PangoLayout) number = NULL;
      g_autoptr(PangoLayout) title = NULL;
      g_autoptr(PangoLayout) page = NULL;
      g_autofree char *page_text = NULL;

      if (h->block->kind != KT_PDF_BLOCK_HEADING)
        continue;
      number = kt_pdf_new_number (lay, BODY_FONT, 0, FALSE, h->block->number);
      page_text = g_strdup_printf ("%u", h->page + 1);
      page = kt_pdf_new_layout (lay, BODY_FONT, 0, FALSE, 40);
      pango_layout_set_alignment (page, PANGO_ALIGN_RIGHT);
      pango_layout_set_text (page, page_text, -1);
      title = leader_line (lay, h->block->text, TEXT_WIDTH - INDENT - kt_pdf_layout_natural_width (page) - 3);
      set_colour (cr, INK);
      show (cr, number, LEFT, y);
      show (cr, title, LEFT + INDENT, y);
      pango_layout_set_width (page, 40 * PANGO_SCALE);
      show (cr, page, LEFT + TEXT_WIDTH - 40, y);
      y += CONTENTS_ROW;
    }
}

static void
draw_table (cairo_t     *cr,
            KtPdfPlaced *p)
{
  double y = p->y;

  cairo_set_line_width (cr, 0.5);
  for (guint r = 0; r < p->rows->len; r++)
    {
      double row = g_array_index (p->rows, double, r);
      double x = LEFT + INDENT;

      if (r == 0)
        {
          set_colour (cr, SHADE);
          cairo_rectangle (cr, x, y, TEXT_WIDTH - INDENT, row);
          cairo_fill (cr);
        }
      for (guint c = 0; c < p->n_columns; c++)
        {
          set_colour (cr, r == 0 ? ACCENT : INK);
          show (cr, g_ptr_array_index (p->cells, r * p->n_columns + c), x + CELL_PAD, y + CELL_PAD);
          x += p->widths[c];
        }
      set_colour (cr, RULE);
      cairo_move_to (cr, LEFT + INDENT, y + row);
      cairo_line_to (cr, LEFT + TEXT_WIDTH, y + row);
      cairo_stroke (cr);
      y += row;
    }
}

static void
draw_block (KtPdfLayout *lay,
            cairo_t     *cr,
            KtPdfPlaced *p)
{
  switch (p->block->kind)
    {
    case KT_PDF_BLOCK_TITLE:
      set_colour (cr, ACCENT);
      show (cr, p->layout, LEFT, p->y);
      break;

    case KT_PDF_BLOCK_CENTRED:
      set_colour (cr, INK);
      show (cr, p->layout, LEFT + INDENT, p->y);
      break;

    case KT_PDF_BLOCK_HEADING:
      set_colour (cr, ACCENT);
      if (p->number != NULL)
        show (cr, p->number, LEFT, p->y);
      show (cr, p->layout, p->number != NULL ? LEFT + INDENT : LEFT, p->y);
      break;

    case KT_PDF_BLOCK_CLAUSE:
      set_colour (cr, INK);
      show (cr, p->number, LEFT, p->y);
      show (cr, p->layout, LEFT + INDENT, p->y);
      break;

    case KT_PDF_BLOCK_TEXT:
      set_colour (cr, INK);
      show (cr, p->layout, LEFT, p->y);
      break;

    case KT_PDF_BLOCK_TABLE:
      draw_table (cr, p);
      break;

    case KT_PDF_BLOCK_CONTENTS:
      draw_contents (lay, cr, p);
      break;

    case KT_PDF_BLOCK_SIGNATURES:
      {
        double y = p->y;

        for (guint c = 0; c < p->cells->len; c++)
          {
            double height = g_array_index (p->rows, double, c);

            set_colour (cr, RULE);
            cairo_set_line_width (cr, 0.75);
            cairo_rectangle (cr, LEFT + INDENT, y, TEXT_WIDTH - INDENT, height);
            cairo_stroke (cr);
            set_colour (cr, INK);
            show (cr, g_ptr_array_index (p->cells, c), LEFT + INDENT + SIGNATURE_PAD, y + SIGNATURE_PAD);
            y += height + SIGNATURE_PAD;
          }
      }
      break;

    case KT_PDF_BLOCK_SPACE:
    case KT_PDF_BLOCK_PAGE_BREAK:
    default:
      break;
    }
}

static KtContractPdfPassage *
passage_for (KtPdfPlaced *p)
{
  KtContractPdfPassage *passage = g_new0 (KtContractPdfPassage, 1);
  PangoLayoutIter *iter = pango_layout_get_iter (p->layout);

  passage->category = (KtClauseCategory) p->block->mark;
  passage->page = p->page;
  passage->text = g_strdup (p->block->text);
  passage->rects = g_array_new (FALSE, FALSE, sizeof (KtPageRect));
  do
    {
      PangoRectangle line;
      KtPageRect rect;

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      rect.x1 = LEFT + INDENT + (double) line.x / PANGO_SCALE;
      rect.y1 = p->y + (double) line.y / PANGO_SCALE;
      rect.x2 = rect.x1 + (double) line.width / PANGO_SCALE;
      rect.y2 = rect.y1 + (double) line.height / PANGO_SCALE;
      g_array_append_val (passage->rects, rect);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return passage;
}

static void
compose (const KtContractPdfSpec *spec,
         KtPdfComposition        *comp)
{
  if (spec->kind == KT_CONTRACT_PDF_SLA_APPENDIX)
    kt_pdf_compose_sla_appendix (comp, spec);
  else if (spec->contract->type == KT_CONTRACT_TYPE_DATA_PROCESSING)
    kt_pdf_compose_data_processing (comp, spec);
  else
    kt_pdf_compose_contract (comp, spec);
}

gboolean
kt_contract_pdf_write (const KtContractPdfSpec *spec,
                       const char              *path,
                       guint                   *n_pages,
                       GPtrArray              **passages,
                       GError                 **error)
{
  KtPdfComposition comp;
  KtPdfLayout lay = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contract_pdf_passage_free);

  g_return_val_if_fail (spec != NULL && spec->contract != NULL && spec->supplier != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  kt_pdf_composition_init (&comp);
  compose (spec, &comp);

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, comp.title ? comp.title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, comp.author ? comp.author : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, comp.subject ? comp.subject : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, comp.keywords ? comp.keywords : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Eksempel Kommune – kontraktregister");
  /* The signing time as creation date: without it cairo writes the current
   * time, and the same example would hash differently on every run. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  comp.date ? comp.date : "2017-01-01T12:00:00");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE,
                                  comp.date ? comp.date : "2017-01-01T12:00:00");
  cr = cairo_create (surface);

  lay.comp = &comp;
  lay.context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (lay.context, 72);  /* font sizes in points = user units */
  lay.placed = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_pdf_placed_free);
  kt_pdf_paginate (&lay);

  for (guint page = 0; page < lay.n_pages; page++)
    {
      draw_page_frame (&lay, cr, page);
      for (guint i = 0; i < lay.placed->len; i++)
        {
          KtPdfPlaced *p = g_ptr_array_index (lay.placed, i);

          if (p->page != page)
            continue;
          draw_block (&lay, cr, p);
          if (p->block->kind == KT_PDF_BLOCK_CLAUSE && p->block->mark >= 0)
            g_ptr_array_add (found, passage_for (p));
        }
      cairo_show_page (cr);
    }

  g_ptr_array_unref (lay.placed);
  g_object_unref (lay.context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  kt_pdf_composition_clear (&comp);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the contract document “%s”: %s"),
                   display, cairo_status_to_string (status));
      return FALSE;
    }

  if (n_pages != NULL)
    *n_pages = lay.n_pages;
  if (passages != NULL)
    *passages = g_steal_pointer (&found);
  return TRUE;
}
