/* kt-matrix-palette.c — the supplier matrix's colours
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adwaita's named colours (libadwaita 1.2). The four segments are red,
 * blue, yellow and grey: besides the hue they differ in lightness (dark
 * red, light yellow), so they stay apart for people who do not tell red
 * from green, and a bubble's segment is also its quadrant, named in the
 * picture. In high contrast and on the projector every bubble gets a solid
 * outline so that even the light yellow and grey stand out from the page.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-matrix-painter.h"

static KtMatrixColor
rgba (guint32 hex,
      double  alpha)
{
  return (KtMatrixColor) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                           (hex & 0xff) / 255.0, alpha };
}

static void
set_segments (KtMatrixPalette *p,
              const guint32    bubbles[KT_SEGMENT_N],
              const double     tints[KT_SEGMENT_N])
{
  for (guint s = 0; s < KT_SEGMENT_N; s++)
    {
      p->bubbles[s] = rgba (bubbles[s], 1);
      p->quadrants[s] = rgba (bubbles[s], tints[s]);
    }
}

void
kt_matrix_palette_init (KtMatrixPalette *p,
                        KtMatrixStyle    style)
{
  gboolean dark = style == KT_MATRIX_STYLE_DARK || style == KT_MATRIX_STYLE_HIGH_CONTRAST_DARK;
  gboolean high_contrast = style == KT_MATRIX_STYLE_HIGH_CONTRAST ||
                           style == KT_MATRIX_STYLE_HIGH_CONTRAST_DARK;
  guint32 ink = dark ? 0xffffff : 0x000000;

  g_return_if_fail (p != NULL);

  p->background = dark ? rgba (0x1e1e1e, 1) : rgba (0xffffff, 1);
  p->foreground = rgba (ink, high_contrast || dark ? 1 : 0.8);
  p->dim_foreground = rgba (ink, high_contrast ? 0.85 : dark ? 0.65 : 0.6);
  p->grid = rgba (ink, high_contrast ? 0.3 : dark ? 0.12 : 0.1);
  p->threshold = rgba (ink, high_contrast ? 0.9 : 0.45);
  p->bubble_outline = rgba (ink, high_contrast ? 1 : dark ? 0.7 : 0.55);
  p->focus = dark ? rgba (0x78aeed, 1) : rgba (0x1c71d8, 1);
  p->line_scale = high_contrast ? 1.5 : 1;

  switch (style)
    {
    case KT_MATRIX_STYLE_LIGHT:
      set_segments (p, (const guint32[]) { 0xc01c28, 0x1c71d8, 0xe5a50a, 0x9a9996 },
                    (const double[]) { 0.09, 0.09, 0.16, 0.09 });
      break;

    case KT_MATRIX_STYLE_HIGH_CONTRAST:
      set_segments (p, (const guint32[]) { 0xa51d2d, 0x1a5fb4, 0xf5c211, 0x9a9996 },
                    (const double[]) { 0.14, 0.14, 0.24, 0.16 });
      break;

    case KT_MATRIX_STYLE_DARK:
    case KT_MATRIX_STYLE_HIGH_CONTRAST_DARK:
      set_segments (p, (const guint32[]) { 0xf66151, 0x62a0ea, 0xf8e45c, 0x9a9996 },
                    high_contrast ? (const double[]) { 0.2, 0.2, 0.16, 0.16 }
                                  : (const double[]) { 0.13, 0.13, 0.1, 0.1 });
      break;

    case KT_MATRIX_STYLE_PROJECTOR:
      /* Projectors wash colours out: saturated fills, black ink, thick lines */
      p->foreground = rgba (0x000000, 1);
      p->dim_foreground = rgba (0x000000, 0.8);
      p->grid = rgba (0x000000, 0.22);
      p->threshold = rgba (0x000000, 0.85);
      p->bubble_outline = rgba (0x000000, 1);
      p->focus = rgba (0x1a5fb4, 1);
      p->line_scale = 2;
      set_segments (p, (const guint32[]) { 0xe01b24, 0x1c71d8, 0xf5c211, 0x9a9996 },
                    (const double[]) { 0.12, 0.12, 0.22, 0.14 });
      break;

    default:
      g_return_if_reached ();
    }
}
