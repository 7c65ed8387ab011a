/* kt-timeline-marker.c — the timeline's colours and marker symbols
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-timeline-painter.h"

static KtTimelineColor
rgba (guint32 hex,
      double  alpha)
{
  return (KtTimelineColor) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                             (hex & 0xff) / 255.0, alpha };
}

void
kt_timeline_palette_init (KtTimelinePalette *p,
                          gboolean           dark,
                          gboolean           high_contrast)
{
  guint32 ink = dark ? 0xffffff : 0x000000;

  g_return_if_fail (p != NULL);

  /* Adwaita's view, window and accent colours. Markers use the text-safe
   * variants (accent_color, error_color, success_color), which keep 3:1
   * against the background a graphic needs. Due soon is orange in light
   * (warning_color is a brown meant for text, the yellow warning_bg_color
   * fails 3:1 on white) and Adwaita's yellow in dark. */
  p->background = dark ? rgba (0x1e1e1e, 1) : rgba (0xffffff, 1);
  p->axis_background = dark ? rgba (0x242424, 1) : rgba (0xfafafa, 1);
  p->foreground = rgba (ink, high_contrast ? 1 : dark ? 1 : 0.8);
  p->dim_foreground = rgba (ink, high_contrast ? 0.85 : 0.6);
  p->header_background = rgba (ink, high_contrast ? 0.12 : dark ? 0.07 : 0.05);
  p->stripe = rgba (ink, high_contrast ? 0 : dark ? 0.03 : 0.025);
  p->grid = rgba (ink, high_contrast ? 0.3 : dark ? 0.09 : 0.07);
  p->grid_strong = rgba (ink, high_contrast ? 0.7 : dark ? 0.22 : 0.18);
  p->bar_fill = rgba (ink, high_contrast ? 0.16 : dark ? 0.13 : 0.09);
  p->bar_stroke = rgba (ink, high_contrast ? 0.75 : dark ? 0.3 : 0.25);
  p->today = rgba (0x3584e4, 1);
  p->today_text = rgba (0xffffff, 1);
  p->focus = dark ? rgba (0x78aeed, 1) : rgba (0x1c71d8, 1);
  p->marker_symbol = dark ? rgba (0x1e1e1e, 1) : rgba (0xffffff, 1);
  p->marker_outline = high_contrast ? rgba (ink, 1) : rgba (ink, 0);
  p->line_scale = high_contrast ? 1.5 : 1;

  if (dark)
    {
      p->states[KT_TIMELINE_STATE_NORMAL] = high_contrast ? rgba (0x99c1f1, 1) : rgba (0x78aeed, 1);
      p->states[KT_TIMELINE_STATE_DUE_SOON] = rgba (0xf8e45c, 1);
      p->states[KT_TIMELINE_STATE_OVERDUE] = rgba (0xff7b63, 1);
      p->states[KT_TIMELINE_STATE_DONE] = rgba (0x8ff0a4, 1);
      p->states[KT_TIMELINE_STATE_CANCELLED] = rgba (0x9a9996, 1);
    }
  else
    {
      p->states[KT_TIMELINE_STATE_NORMAL] = high_contrast ? rgba (0x1a5fb4, 1) : rgba (0x1c71d8, 1);
      p->states[KT_TIMELINE_STATE_DUE_SOON] = high_contrast ? rgba (0xc64600, 1) : rgba (0xe66100, 1);
      p->states[KT_TIMELINE_STATE_OVERDUE] = high_contrast ? rgba (0xa51d2d, 1) : rgba (0xc01c28, 1);
      p->states[KT_TIMELINE_STATE_DONE] = rgba (0x1b8553, 1);
      p->states[KT_TIMELINE_STATE_CANCELLED] = high_contrast ? rgba (0x5e5c64, 1) : rgba (0x77767b, 1);
    }
}

static inline void
set_color (cairo_t               *cr,
           const KtTimelineColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Lines of odd width on pixel centres stay sharp */
static void
shape_path (cairo_t         *cr,
            double           x,
            double           y,
            double           s,
            KtTimelineState  state)
{
  switch (state)
    {
    case KT_TIMELINE_STATE_DUE_SOON:
      /* A warning triangle, a little larger to weigh like the circle */
      cairo_move_to (cr, x, y - 0.66 * s);
      cairo_line_to (cr, x + 0.64 * s, y + 0.46 * s);
      cairo_line_to (cr, x - 0.64 * s, y + 0.46 * s);
      cairo_close_path (cr);
      break;

    case KT_TIMELINE_STATE_OVERDUE:
      cairo_move_to (cr, x, y - 0.66 * s);
      cairo_line_to (cr, x + 0.66 * s, y);
      cairo_line_to (cr, x, y + 0.66 * s);
      cairo_line_to (cr, x - 0.66 * s, y);
      cairo_close_path (cr);
      break;

    case KT_TIMELINE_STATE_NORMAL:
    case KT_TIMELINE_STATE_DONE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, s / 2, 0, 2 * G_PI);
      break;
    }
}

static void
symbol (cairo_t         *cr,
        double           x,
        double           y,
        double           s,
        KtTimelineState  state)
{
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (state == KT_TIMELINE_STATE_DONE)
    {
      cairo_set_line_width (cr, MAX (1.5, s * 0.13));
      cairo_move_to (cr, x - 0.24 * s, y + 0.01 * s);
      cairo_line_to (cr, x - 0.06 * s, y + 0.19 * s);
      cairo_line_to (cr, x + 0.25 * s, y - 0.17 * s);
      cairo_stroke (cr);
    }
  else if (state == KT_TIMELINE_STATE_OVERDUE)
    {
      cairo_set_line_width (cr, MAX (1.5, s * 0.14));
      cairo_move_to (cr, x, y - 0.3 * s);
      cairo_line_to (cr, x, y + 0.04 * s);
      cairo_stroke (cr);
      cairo_arc (cr, x, y + 0.24 * s, MAX (0.9, s * 0.08), 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

void
kt_timeline_paint_marker (cairo_t                 *cr,
                          double                   x,
                          double                   y,
                          double                   s,
                          KtTimelineState          state,
                          gboolean                 derived,
                          const KtTimelinePalette *p)
{
  const KtTimelineColor *color;
  double line = MAX (1.5, s * 0.13) * p->line_scale;

  g_return_if_fail (cr != NULL && p != NULL);
  g_return_if_fail (state < KT_TIMELINE_N_STATES);

  color = &p->states[state];
  cairo_save (cr);

  if (state == KT_TIMELINE_STATE_CANCELLED)
    {
      /* A cross needs no fill; derived or not it reads the same */
      double r = 0.3 * s;

      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      if (p->marker_outline.alpha > 0)
        {
          cairo_set_line_width (cr, MAX (2.0, s * 0.17) + 2);
          set_color (cr, &p->marker_outline);
          cairo_move_to (cr, x - r, y - r);
          cairo_line_to (cr, x + r, y + r);
          cairo_move_to (cr, x + r, y - r);
          cairo_line_to (cr, x - r, y + r);
          cairo_stroke (cr);
        }
      cairo_set_line_width (cr, MAX (2.0, s * 0.17));
      set_color (cr, color);
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y + r);
      cairo_move_to (cr, x + r, y - r);
      cairo_line_to (cr, x - r, y + r);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

  shape_path (cr, x, y, s, state);

  if (derived)
    {
      /* Hollow: the background shows the shape is not something entered */
      set_color (cr, &p->background);
      cairo_fill_preserve (cr);
      set_color (cr, color);
      cairo_set_line_width (cr, line);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      set_color (cr, color);
      symbol (cr, x, y, s * 0.85, state);
    }
  else
    {
      set_color (cr, color);
      cairo_fill_preserve (cr);
      if (p->marker_outline.alpha > 0)
        {
          set_color (cr, &p->marker_outline);
          cairo_set_line_width (cr, p->line_scale);
          cairo_stroke (cr);
        }
      else
        cairo_new_path (cr);
      set_color (cr, &p->marker_symbol);
      symbol (cr, x, y, s, state);
    }

  cairo_restore (cr);
}

