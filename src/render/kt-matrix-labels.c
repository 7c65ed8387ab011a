/* kt-matrix-labels.c — where the suppliers' names go in the matrix
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Greedy, largest bubble first: each name tries eight places around its
 * bubble and takes the first that stays inside the bubble's quadrant and
 * touches no bubble, no quadrant name and no name placed before it. A spatial grid
 * keeps each try to the few things nearby, and a try with the narrowest
 * possible name comes first: on a crowded picture most names have no room
 * at all, and that is known before the text is shaped.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include "kt-matrix-layout-private.h"

typedef struct {
  double   x0, y0, cell;
  int      cols, rows;
  GArray **bubbles;   /* guint bubble indices touching each cell */
  GArray **rects;     /* KtMatrixRect: names and other text */
} Grid;

/* Where a name may go: the anchor point sits at a side or corner of the
 * bubble, the name aligned to it away from the bubble */
typedef struct {
  double dx, dy;        /* anchor offset, in units of radius + gap */
  double align_x;       /* 0: the name starts at the anchor, 1: ends there */
  double align_y;
} Candidate;

static const Candidate candidates[] = {
  { 1, 0, 0, 0.5 },                           /* right */
  { -1, 0, 1, 0.5 },                          /* left */
  { 0, -1, 0.5, 1 },                          /* above */
  { 0, 1, 0.5, 0 },                           /* below */
  { G_SQRT2 / 2, -G_SQRT2 / 2, 0, 1 },        /* above right */
  { G_SQRT2 / 2, G_SQRT2 / 2, 0, 0 },         /* below right */
  { -G_SQRT2 / 2, -G_SQRT2 / 2, 1, 1 },       /* above left */
  { -G_SQRT2 / 2, G_SQRT2 / 2, 1, 0 },        /* below left */
};

static void
grid_range (const Grid *grid,
            double      x0,
            double      y0,
            double      x1,
            double      y1,
            int        *c0,
            int        *r0,
            int        *c1,
            int        *r1)
{
  *c0 = CLAMP ((int) floor ((x0 - grid->x0) / grid->cell), 0, grid->cols - 1);
  *c1 = CLAMP ((int) floor ((x1 - grid->x0) / grid->cell), 0, grid->cols - 1);
  *r0 = CLAMP ((int) floor ((y0 - grid->y0) / grid->cell), 0, grid->rows - 1);
  *r1 = CLAMP ((int) floor ((y1 - grid->y0) / grid->cell), 0, grid->rows - 1);
}

static void
grid_add_bubble (Grid                 *grid,
                 const KtMatrixBubble *b,
                 guint                 index)
{
  int c0, r0, c1, r1;

  grid_range (grid, b->cx - b->radius, b->cy - b->radius, b->cx + b->radius, b->cy + b->radius,
              &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray **cell = &grid->bubbles[r * grid->cols + c];

        if (*cell == NULL)
          *cell = g_array_sized_new (FALSE, FALSE, sizeof (guint), 8);
        g_array_append_val (*cell, index);
      }
}

static void
grid_add_rect (Grid               *grid,
               const KtMatrixRect *rect)
{
  int c0, r0, c1, r1;

  grid_range (grid, rect->x, rect->y, rect->x + rect->width, rect->y + rect->height,
              &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray **cell = &grid->rects[r * grid->cols + c];

        if (*cell == NULL)
          *cell = g_array_sized_new (FALSE, FALSE, sizeof (KtMatrixRect), 4);
        g_array_append_val (*cell, *rect);
      }
}

static inline gboolean
rects_overlap (const KtMatrixRect *a,
               const KtMatrixRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static inline gboolean
rect_touches_circle (const KtMatrixRect *r,
                     double              cx,
                     double              cy,
                     double              radius)
{
  double dx = cx - CLAMP (cx, r->x, r->x + r->width);
  double dy = cy - CLAMP (cy, r->y, r->y + r->height);

  return dx * dx + dy * dy < radius * radius;
}

static gboolean
is_free (const KtMatrixLayout *layout,
         const Grid           *grid,
         const KtMatrixRect   *p,
         const KtMatrixRect   *rect,
         double               clearance)
{
  int c0, r0, c1, r1;

  if (rect->x < p->x || rect->y < p->y ||
      rect->x + rect->width > p->x + p->width || rect->y + rect->height > p->y + p->height)
    return FALSE;

  grid_range (grid, rect->x, rect->y, rect->x + rect->width, rect->y + rect->height,
              &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray *bubbles = grid->bubbles[r * grid->cols + c];
        GArray *rects = grid->rects[r * grid->cols + c];

        for (guint i = 0; rects != NULL && i < rects->len; i++)
          if (rects_overlap (rect, &g_array_index (rects, KtMatrixRect, i)))
            return FALSE;

        for (guint i = 0; bubbles != NULL && i < bubbles->len; i++)
          {
            const KtMatrixBubble *b = &g_array_index (layout->bubbles, KtMatrixBubble,
                                                      g_array_index (bubbles, guint, i));

            if (rect_touches_circle (rect, b->cx, b->cy, b->radius + clearance))
              return FALSE;
          }
      }

  return TRUE;
}

static KtMatrixRect
candidate_rect (const KtMatrixBubble *b,
                const Candidate      *c,
                double                gap,
                double                width,
                double                height)
{
  double ax = b->cx + c->dx * (b->radius + gap);
  double ay = b->cy + c->dy * (b->radius + gap);

  return (KtMatrixRect) { ax - c->align_x * width, ay - c->align_y * height, width, height };
}

/* A name stays in its bubble's quadrant, clear of the quadrant lines:
 * across a line it would be hard to read, beyond it it would seem to
 * belong to the other segment */
static KtMatrixRect
room_of (const KtMatrixLayout  *layout,
         const KtMatrixBubble  *b)
{
  const KtMatrixRect *p = &layout->plot;
  double xs = layout->quadrants[KT_SEGMENT_STRATEGIC].x;
  double ys = layout->quadrants[KT_SEGMENT_BOTTLENECK].y;
  double half = layout->font_size * 0.2;
  gboolean risky = b->score->risk >= layout->risk_threshold;
  gboolean important = b->score->importance >= layout->importance_threshold;
  double left = risky ? xs + half : p->x;
  double right = risky ? p->x + p->width : xs - half;
  double top = important ? p->y : ys + half;
  double bottom = important ? ys - half : p->y + p->height;
  KtMatrixRect room = { left, top, MAX (right - left, 0), MAX (bottom - top, 0) };

  return room;
}

/* The first free place for a name of this size, or -1 */
static int
find_place (const KtMatrixLayout *layout,
            const Grid           *grid,
            const KtMatrixBubble *b,
            double                width,
            double                height)
{
  double gap = layout->font_size * 0.25;
  KtMatrixRect room = room_of (layout, b);

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      KtMatrixRect r = candidate_rect (b, &candidates[i], gap, width, height);

      if (is_free (layout, grid, &room, &r, layout->font_size * 0.1))
        return (int) i;
    }

  return -1;
}

void
kt_matrix_layout_place_labels (KtMatrixLayout *layout,
                               PangoContext   *context)
{
  guint n = layout->bubbles->len;
  double max_width = MIN (12 * layout->font_size, layout->plot.width / 3);
  double gap = layout->font_size * 0.25;
  Grid grid = { 0 };

  layout->labels = g_new0 (PangoLayout *, MAX (n, 1));
  if (n == 0 || layout->plot.width < 1 || layout->plot.height < 1)
    return;

  grid.x0 = layout->plot.x;
  grid.y0 = layout->plot.y;
  grid.cell = MAX (2 * layout->max_radius, 2 * layout->line);
  grid.cols = MAX ((int) ceil (layout->plot.width / grid.cell), 1);
  grid.rows = MAX ((int) ceil (layout->plot.height / grid.cell), 1);
  grid.bubbles = g_new0 (GArray *, grid.cols * grid.rows);
  grid.rects = g_new0 (GArray *, grid.cols * grid.rows);

  for (guint i = 0; i < n; i++)
    grid_add_bubble (&grid, kt_matrix_layout_bubble_at (layout, i), i);
  for (guint s = 0; s < KT_SEGMENT_N; s++)
    if (layout->quadrant_names[s].width > 0)
      grid_add_rect (&grid, &layout->quadrant_names[s]);

  for (guint i = 0; i < n; i++)
    {
      KtMatrixBubble *b = kt_matrix_layout_bubble_at (layout, i);
      const char *name = b->score->supplier_name;
      PangoLayout *text;
      PangoRectangle logical;
      double narrowest;
      int place;

      if (name == NULL || name[0] == '\0')
        continue;

      /* No glyph is narrower than a fifth of the font size, and a name in
       * a smaller box than its own always fits where the name does: when
       * even that finds no place, the name will not either */
      narrowest = MIN (g_utf8_strlen (name, -1) * 0.2 * layout->font_size, max_width);
      if (find_place (layout, &grid, b, narrowest, layout->line) < 0)
        continue;

      text = pango_layout_new (context);
      pango_layout_set_font_description (text, layout->font);
      pango_layout_set_single_paragraph_mode (text, TRUE);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (text, (int) (max_width * PANGO_SCALE));
      pango_layout_set_text (text, name, -1);
      pango_layout_get_extents (text, NULL, &logical);

      place = find_place (layout, &grid, b, ceil ((double) logical.width / PANGO_SCALE),
                          ceil ((double) logical.height / PANGO_SCALE));
      if (place < 0)
        {
          g_object_unref (text);
          continue;
        }

      b->has_label = TRUE;
      b->label = candidate_rect (b, &candidates[place], gap,
                                 ceil ((double) logical.width / PANGO_SCALE),
                                 ceil ((double) logical.height / PANGO_SCALE));
      layout->labels[i] = text;
      grid_add_rect (&grid, &b->label);
    }

  for (int i = 0; i < grid.cols * grid.rows; i++)
    {
      if (grid.bubbles[i] != NULL)
        g_array_unref (grid.bubbles[i]);
      if (grid.rects[i] != NULL)
        g_array_unref (grid.rects[i]);
    }
  g_free (grid.bubbles);
  g_free (grid.rects);
}
