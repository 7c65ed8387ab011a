/* kt-timeline-painter.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kt-timeline-painter.h"

#define PAD 8.0

typedef struct {
  cairo_t                      *cr;
  KtTimelineLayout             *layout;
  const KtTimelineViewport     *vp;
  const KtTimelineMetrics      *m;
  const KtTimelinePalette      *p;
  PangoLayout                  *text;
  PangoLayout                  *bold;
  /* Each kind of marker drawn once per frame and copied from there:
   * copying a small image costs a fraction of filling and stroking the
   * anti-aliased shapes, which is most of a frame's work otherwise */
  cairo_surface_t              *sprites[KT_TIMELINE_N_STATES][2];
  int                           sprite_side;
  int                           scale;
} Painter;

static inline void
set_color (cairo_t               *cr,
           const KtTimelineColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Lines of odd width on pixel centres stay sharp */
/* ---- Text ------------------------------------------------------------- */

static void
show_text (Painter               *pt,
           PangoLayout           *text,
           const char            *str,
           double                 x,
           double                 y,
           double                 height,
           double                 max_width,
           const KtTimelineColor *color)
{
  PangoRectangle logical;

  pango_layout_set_text (text, str, -1);
  pango_layout_set_width (text, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_get_pixel_extents (text, NULL, &logical);

  set_color (pt->cr, color);
  cairo_move_to (pt->cr, x, y + round ((height - logical.height) / 2));
  pango_cairo_show_layout (pt->cr, text);
}

static double
text_width (PangoLayout *text,
            const char  *str)
{
  PangoRectangle logical;

  pango_layout_set_text (text, str, -1);
  pango_layout_set_width (text, -1);
  pango_layout_get_pixel_extents (text, NULL, &logical);

  return logical.width;
}

/* ---- Parts of the picture --------------------------------------------- */

static void
paint_header (Painter                *pt,
              const KtTimelineRowBox *row)
{
  const KtTimelineLane *lane = g_ptr_array_index (kt_timeline_layout_get_lanes (pt->layout), row->lane);
  g_autofree char *count = g_strdup_printf ("(%u)", row->group_size);
  double name_width;

  set_color (pt->cr, &pt->p->background);
  cairo_rectangle (pt->cr, 0, row->y, pt->vp->width, pt->m->row_height);
  cairo_fill (pt->cr);
  set_color (pt->cr, &pt->p->header_background);
  cairo_rectangle (pt->cr, 0, row->y, pt->vp->width, pt->m->row_height);
  cairo_fill (pt->cr);
  set_color (pt->cr, &pt->p->grid_strong);
  cairo_rectangle (pt->cr, 0, row->y + pt->m->row_height - pt->p->line_scale,
                   pt->vp->width, pt->p->line_scale);
  cairo_fill (pt->cr);

  name_width = MIN (text_width (pt->bold, lane->group), pt->vp->width - 4 * PAD - 40);
  show_text (pt, pt->bold, lane->group, PAD, row->y, pt->m->row_height,
             MAX (name_width, 1), &pt->p->foreground);
  show_text (pt, pt->text, count, PAD + name_width + PAD, row->y, pt->m->row_height, -1,
             &pt->p->dim_foreground);
}

static void
paint_bar (Painter                *pt,
           const KtTimelineRowBox *row)
{
  cairo_t *cr = pt->cr;
  double h = pt->m->bar_height;
  double y = row->y + round ((pt->m->row_height - h) / 2);
  double x0 = row->bar_x0, x1 = row->bar_x1;
  double r = MIN (4, h / 2);
  cairo_pattern_t *fill = NULL;
  cairo_pattern_t *stroke = NULL;

  if (x1 - x0 < 1)
    x1 = x0 + 1;

  cairo_new_path (cr);
  cairo_arc (cr, x0 + r, y + r, r, G_PI, 1.5 * G_PI);
  cairo_arc (cr, x1 - r, y + r, r, 1.5 * G_PI, 2 * G_PI);
  cairo_arc (cr, x1 - r, y + h - r, r, 0, 0.5 * G_PI);
  cairo_arc (cr, x0 + r, y + h - r, r, 0.5 * G_PI, G_PI);
  cairo_close_path (cr);

  if (row->bar_open_end && !row->bar_clipped_end)
    {
      /* Running: no end, the bar fades out where the scroll range ends */
      const KtTimelineColor *f = &pt->p->bar_fill;
      const KtTimelineColor *s = &pt->p->bar_stroke;
      double fade = MAX (x0, x1 - 80);

      fill = cairo_pattern_create_linear (fade, 0, x1, 0);
      cairo_pattern_add_color_stop_rgba (fill, 0, f->red, f->green, f->blue, f->alpha);
      cairo_pattern_add_color_stop_rgba (fill, 1, f->red, f->green, f->blue, 0);
      stroke = cairo_pattern_create_linear (fade, 0, x1, 0);
      cairo_pattern_add_color_stop_rgba (stroke, 0, s->red, s->green, s->blue, s->alpha);
      cairo_pattern_add_color_stop_rgba (stroke, 1, s->red, s->green, s->blue, 0);
      cairo_set_source (cr, fill);
      cairo_fill_preserve (cr);
      cairo_set_source (cr, stroke);
    }
  else
    {
      set_color (cr, &pt->p->bar_fill);
      cairo_fill_preserve (cr);
      set_color (cr, &pt->p->bar_stroke);
    }

  cairo_set_line_width (cr, pt->p->line_scale);
  cairo_stroke (cr);
  g_clear_pointer (&fill, cairo_pattern_destroy);
  g_clear_pointer (&stroke, cairo_pattern_destroy);
}

static void
paint_focus (Painter                   *pt,
             const KtTimelineMarkerBox *box,
             gboolean                   focus)
{
  cairo_t *cr = pt->cr;
  double s = pt->m->marker_size;

  if (focus)
    {
      double half = s * 0.66 + 4;

      /* A ring in the background colour inside the focus ring keeps it
       * apart from the marker and the bar */
      cairo_set_line_width (cr, 4 * pt->p->line_scale);
      set_color (cr, &pt->p->background);
      cairo_arc (cr, box->x, box->y, half - 1, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 2.5 * pt->p->line_scale);
      set_color (cr, &pt->p->focus);
      cairo_arc (cr, box->x, box->y, half + 0.5, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  else
    {
      KtTimelineColor halo = pt->p->foreground;

      halo.alpha = 0.14;
      set_color (cr, &halo);
      cairo_arc (cr, box->x, box->y, s * 0.66 + 4, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
paint_sprite (Painter                   *pt,
              const KtTimelineMarkerBox *box)
{
  cairo_surface_t **sprite = &pt->sprites[box->marker->state][box->marker->derived ? 1 : 0];
  double half = pt->sprite_side / 2.0;
  double x = round (box->x) - half, y = round (box->y) - half;

  if (*sprite == NULL)
    {
      cairo_t *cr;

      *sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pt->sprite_side * pt->scale,
                                            pt->sprite_side * pt->scale);
      cairo_surface_set_device_scale (*sprite, pt->scale, pt->scale);
      cr = cairo_create (*sprite);
      kt_timeline_paint_marker (cr, half, half, pt->m->marker_size,
                                box->marker->state, box->marker->derived, pt->p);
      cairo_destroy (cr);
    }

  cairo_set_source_surface (pt->cr, *sprite, x, y);
  cairo_rectangle (pt->cr, x, y, pt->sprite_side, pt->sprite_side);
  cairo_fill (pt->cr);
}

static gboolean
same_ref (const KtTimelineMarkerRef *a,
          const KtTimelineMarkerRef *b)
{
  return a != NULL && b != NULL && a->lane == b->lane && a->marker == b->marker;
}

static void
paint_rows (Painter                      *pt,
            const KtTimelinePaintOptions *options)
{
  cairo_t *cr = pt->cr;
  const KtTimelineRowBox *rows;
  const KtTimelineMarkerBox *markers;
  const KtTimelineTick *ticks, *years;
  guint n_rows, n_markers, n_ticks, n_years;
  double left = pt->m->label_width, top = pt->m->axis_height;

  rows = kt_timeline_layout_get_rows (pt->layout, &n_rows);
  markers = kt_timeline_layout_get_markers (pt->layout, &n_markers);
  ticks = kt_timeline_layout_get_ticks (pt->layout, &n_ticks);
  years = kt_timeline_layout_get_years (pt->layout, &n_years);

  cairo_save (cr);
  cairo_rectangle (cr, 0, top, pt->vp->width, pt->vp->height - top);
  cairo_clip (cr);

  for (guint i = 0; i < n_rows; i++)
    if (rows[i].kind == KT_TIMELINE_ROW_LANE && rows[i].row % 2 == 1 && pt->p->stripe.alpha > 0)
      {
        set_color (cr, &pt->p->stripe);
        cairo_rectangle (cr, 0, rows[i].y, pt->vp->width, pt->m->row_height);
        cairo_fill (cr);
      }

  /* The time area: grid, bars, today, markers */
  cairo_save (cr);
  cairo_rectangle (cr, left, top, pt->vp->width - left, pt->vp->height - top);
  cairo_clip (cr);

  set_color (cr, &pt->p->grid);
  for (guint i = 0; i < n_ticks; i++)
    if (!ticks[i].year_start)
      cairo_rectangle (cr, floor (ticks[i].x), top, pt->p->line_scale, pt->vp->height - top);
  cairo_fill (cr);
  set_color (cr, &pt->p->grid_strong);
  for (guint i = 0; i < n_years; i++)
    cairo_rectangle (cr, floor (years[i].x), top, pt->p->line_scale, pt->vp->height - top);
  cairo_fill (cr);

  for (guint i = 0; i < n_rows; i++)
    if (rows[i].has_bar)
      paint_bar (pt, &rows[i]);

  if (g_date_valid (&pt->vp->today))
    {
      double x = kt_timeline_layout_x_for_julian (pt->layout, g_date_get_julian (&pt->vp->today) + 0.5);

      set_color (cr, &pt->p->today);
      cairo_rectangle (cr, round (x - pt->p->line_scale), top, 2 * pt->p->line_scale, pt->vp->height - top);
      cairo_fill (cr);
    }

  for (guint i = 0; i < n_markers; i++)
    {
      if (same_ref (&markers[i].ref, options->hover) && !same_ref (&markers[i].ref, options->focus))
        paint_focus (pt, &markers[i], FALSE);
      paint_sprite (pt, &markers[i]);
      if (same_ref (&markers[i].ref, options->focus))
        paint_focus (pt, &markers[i], TRUE);
    }

  cairo_restore (cr);

  /* The label column and the headers, over anything reaching left */
  for (guint i = 0; i < n_rows; i++)
    {
      if (rows[i].kind == KT_TIMELINE_ROW_HEADER)
        {
          paint_header (pt, &rows[i]);
          continue;
        }

      set_color (cr, &pt->p->background);
      cairo_rectangle (cr, 0, rows[i].y, left, pt->m->row_height);
      cairo_fill (cr);
      if (rows[i].row % 2 == 1 && pt->p->stripe.alpha > 0)
        {
          set_color (cr, &pt->p->stripe);
          cairo_rectangle (cr, 0, rows[i].y, left, pt->m->row_height);
          cairo_fill (cr);
        }
      show_text (pt, pt->text,
                 ((const KtTimelineLane *) g_ptr_array_index (kt_timeline_layout_get_lanes (pt->layout),
                                                              rows[i].lane))->label,
                 PAD + 4, rows[i].y, pt->m->row_height, left - 2 * PAD - 4, &pt->p->foreground);
    }

  set_color (cr, &pt->p->grid_strong);
  cairo_rectangle (cr, left - pt->p->line_scale, top, pt->p->line_scale, pt->vp->height - top);
  cairo_fill (cr);

  if (kt_timeline_layout_get_pinned_header (pt->layout) != NULL)
    paint_header (pt, kt_timeline_layout_get_pinned_header (pt->layout));

  cairo_restore (cr);
}

/* A period's label at its start, or held at the left edge while the
 * period's start is scrolled out of sight, as long as it fits; never where
 * it would collide with [avoid_x0, avoid_x1]. */
static void
paint_period_label (Painter               *pt,
                    PangoLayout           *text,
                    const KtTimelineTick  *tick,
                    double                 y,
                    double                 height,
                    const KtTimelineColor *color,
                    double                 avoid_x0,
                    double                 avoid_x1)
{
  double width = text_width (text, tick->label);
  double x = MAX (tick->x, pt->m->label_width) + PAD;

  x = MIN (x, tick->x + tick->width - PAD - width);
  if (x < tick->x + PAD - 0.5 || x < pt->m->label_width + PAD / 2 || x + width > pt->vp->width)
    return;
  if (x < avoid_x1 + PAD / 2 && x + width > avoid_x0 - PAD / 2)
    return;

  show_text (pt, text, tick->label, round (x), y, height, -1, color);
}

static void
paint_axis (Painter *pt)
{
  cairo_t *cr = pt->cr;
  const KtTimelineTick *ticks, *years;
  guint n_ticks, n_years;
  double left = pt->m->label_width, tier = pt->m->axis_height / 2;
  /* Translators: label of the line marking today in the timeline */
  const char *today_label = _("Today");
  double today_x = -1, chip_x = 0, chip_width = 0, chip_y = 0, chip_height = 0;

  ticks = kt_timeline_layout_get_ticks (pt->layout, &n_ticks);
  years = kt_timeline_layout_get_years (pt->layout, &n_years);

  if (g_date_valid (&pt->vp->today))
    {
      today_x = kt_timeline_layout_x_for_julian (pt->layout, g_date_get_julian (&pt->vp->today) + 0.5);
      if (today_x >= left && today_x <= pt->vp->width)
        {
          chip_width = text_width (pt->text, today_label) + 2 * PAD;
          chip_height = MIN (tier - 4, pt->m->row_height * 0.7);
          chip_x = CLAMP (today_x - chip_width / 2, left + 2, pt->vp->width - chip_width - 2);
          chip_y = tier + (tier - chip_height) / 2;
        }
    }

  set_color (cr, &pt->p->axis_background);
  cairo_rectangle (cr, 0, 0, pt->vp->width, pt->m->axis_height);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, left, 0, pt->vp->width - left, pt->m->axis_height);
  cairo_clip (cr);

  set_color (cr, &pt->p->grid);
  for (guint i = 0; i < n_ticks; i++)
    if (!ticks[i].year_start)
      cairo_rectangle (cr, floor (ticks[i].x), tier, pt->p->line_scale, tier);
  cairo_fill (cr);
  set_color (cr, &pt->p->grid_strong);
  for (guint i = 0; i < n_years; i++)
    cairo_rectangle (cr, floor (years[i].x), 0, pt->p->line_scale, pt->m->axis_height);
  cairo_fill (cr);

  for (guint i = 0; i < n_years; i++)
    paint_period_label (pt, pt->bold, &years[i], 0, tier, &pt->p->foreground, 0, 0);
  for (guint i = 0; i < n_ticks; i++)
    paint_period_label (pt, pt->text, &ticks[i], tier, tier, &pt->p->dim_foreground,
                        chip_x, chip_x + chip_width);

  if (chip_width > 0)
    {
      set_color (cr, &pt->p->today);
      cairo_rectangle (cr, round (today_x - pt->p->line_scale), chip_y, 2 * pt->p->line_scale,
                       pt->m->axis_height - chip_y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, chip_x + chip_height / 2, chip_y + chip_height / 2, chip_height / 2,
                 0.5 * G_PI, 1.5 * G_PI);
      cairo_arc (cr, chip_x + chip_width - chip_height / 2, chip_y + chip_height / 2, chip_height / 2,
                 1.5 * G_PI, 0.5 * G_PI);
      cairo_close_path (cr);
      cairo_fill (cr);
      show_text (pt, pt->text, today_label, round (chip_x + PAD), chip_y, chip_height, -1,
                 &pt->p->today_text);
    }

  cairo_restore (cr);

  set_color (cr, &pt->p->grid_strong);
  cairo_rectangle (cr, 0, pt->m->axis_height - pt->p->line_scale, pt->vp->width, pt->p->line_scale);
  cairo_rectangle (cr, left - pt->p->line_scale, 0, pt->p->line_scale, pt->m->axis_height);
  cairo_fill (cr);
}

void
kt_timeline_paint (cairo_t                      *cr,
                   KtTimelineLayout             *layout,
                   const KtTimelinePaintOptions *options)
{
  PangoContext *own_context = NULL;
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoLayout) bold = NULL;
  PangoFontDescription *font;
  PangoContext *context;
  Painter pt;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (options != NULL && options->palette != NULL);

  context = options->pango_context;
  if (context == NULL)
    context = own_context = pango_cairo_create_context (cr);

  text = pango_layout_new (context);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (text, TRUE);
  bold = pango_layout_copy (text);
  font = pango_font_description_copy (pango_context_get_font_description (context));
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (bold, font);
  pango_font_description_free (font);

  pt.cr = cr;
  pt.layout = layout;
  pt.vp = kt_timeline_layout_get_viewport (layout);
  pt.m = &pt.vp->metrics;
  pt.p = options->palette;
  pt.text = text;
  pt.bold = bold;
  memset (pt.sprites, 0, sizeof pt.sprites);
  /* Room for the largest shape, its outline and anti-aliasing */
  pt.sprite_side = 2 * (int) ceil (pt.m->marker_size * 0.75 + 2);
  pt.scale = MAX (options->scale_factor, 1);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, pt.vp->width, pt.vp->height);
  cairo_clip (cr);
  set_color (cr, &pt.p->background);
  cairo_paint (cr);

  if (g_date_valid (&pt.vp->range_start))
    {
      paint_rows (&pt, options);
      paint_axis (&pt);
    }

  cairo_restore (cr);
  g_clear_object (&own_context);
  for (guint i = 0; i < KT_TIMELINE_N_STATES; i++)
    for (guint j = 0; j < 2; j++)
      g_clear_pointer (&pt.sprites[i][j], cairo_surface_destroy);
}
