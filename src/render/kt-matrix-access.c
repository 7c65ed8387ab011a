/* kt-matrix-access.c — how a person reaches a bubble of the supplier
 * matrix: pointer hit testing, the values under the pointer, keyboard
 * order and what a screen reader says
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "kt-format.h"
#include "kt-matrix-layout-private.h"

static int
compare_tab (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  KtMatrixLayout *layout = user_data;
  const KtSupplierScore *x = kt_matrix_layout_bubble_at (layout, *(const guint *) a)->score;
  const KtSupplierScore *y = kt_matrix_layout_bubble_at (layout, *(const guint *) b)->score;
  int cmp;

  if (x->segment != y->segment)
    return x->segment < y->segment ? -1 : 1;
  if (x->importance != y->importance)
    return x->importance > y->importance ? -1 : 1;
  if (x->risk != y->risk)
    return x->risk > y->risk ? -1 : 1;
  if ((cmp = g_strcmp0 (x->supplier_name, y->supplier_name)) != 0)
    return cmp;
  return x->supplier_id < y->supplier_id ? -1 : x->supplier_id > y->supplier_id;
}

void
kt_matrix_layout_sort_tab_order (KtMatrixLayout *layout)
{
  guint n = layout->bubbles->len;

  layout->tab_order = g_new (guint, MAX (n, 1));
  layout->tab_rank = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    layout->tab_order[i] = i;
  g_qsort_with_data (layout->tab_order, n, sizeof (guint), compare_tab, layout);
  for (guint i = 0; i < n; i++)
    layout->tab_rank[layout->tab_order[i]] = i;
}

int
kt_matrix_layout_hit (const KtMatrixLayout *layout,
                      double                x,
                      double                y)
{
  g_return_val_if_fail (layout != NULL, -1);

  /* Bubbles are clipped to the plot: nothing outside it can be hit */
  if (x < layout->plot.x || y < layout->plot.y ||
      x > layout->plot.x + layout->plot.width || y > layout->plot.y + layout->plot.height)
    return -1;

  for (guint i = layout->bubbles->len; i-- > 0;)
    {
      const KtMatrixBubble *b = &g_array_index (layout->bubbles, KtMatrixBubble, i);
      double dx = x - b->cx, dy = y - b->cy;

      if (dx * dx + dy * dy <= b->radius * b->radius)
        return (int) i;
    }

  return -1;
}

void
kt_matrix_layout_value_at (const KtMatrixLayout *layout,
                           double                x,
                           double                y,
                           guint                *importance,
                           guint                *risk)
{
  double r, i;

  g_return_if_fail (layout != NULL);

  r = layout->plot.width > 0 ? (x - layout->plot.x) / layout->plot.width * 100 : 0;
  i = layout->plot.height > 0 ? (layout->plot.y + layout->plot.height - y) / layout->plot.height * 100 : 0;
  if (risk != NULL)
    *risk = (guint) CLAMP (round (r), 0, 100);
  if (importance != NULL)
    *importance = (guint) CLAMP (round (i), 0, 100);
}

int
kt_matrix_layout_next (const KtMatrixLayout *layout,
                       int                   from,
                       int                   direction)
{
  guint n;
  const KtMatrixBubble *origin;
  double best_cost = G_MAXDOUBLE;
  int best = -1;

  g_return_val_if_fail (layout != NULL, -1);

  n = layout->bubbles->len;
  if (n == 0 || from >= (int) n)
    return -1;

  if (direction == 1)   /* tab backward */
    {
      if (from < 0)
        return (int) layout->tab_order[n - 1];
      return layout->tab_rank[from] > 0 ? (int) layout->tab_order[layout->tab_rank[from] - 1] : -1;
    }
  if (from < 0)
    return (int) layout->tab_order[0];
  if (direction == 0)
    return layout->tab_rank[from] + 1 < n ? (int) layout->tab_order[layout->tab_rank[from] + 1] : -1;
  if (direction < 2 || direction > 5)
    return -1;

  origin = &g_array_index (layout->bubbles, KtMatrixBubble, from);
  for (guint i = 0; i < n; i++)
    {
      const KtMatrixBubble *b = &g_array_index (layout->bubbles, KtMatrixBubble, i);
      double dx = b->cx - origin->cx, dy = b->cy - origin->cy;
      double along, across, cost;

      if ((int) i == from)
        continue;

      switch (direction)
        {
        case 2: along = -dy; across = dx; break;   /* up */
        case 3: along = dy; across = dx; break;    /* down */
        case 4: along = -dx; across = dy; break;   /* left */
        default: along = dx; across = dy; break;   /* right */
        }

      if (along == 0 && across == 0)
        {
          /* Suppliers with the same numbers share a place: down and right
           * step through them in tab order, up and left back, so that
           * each can be reached */
          gboolean later = layout->tab_rank[i] > layout->tab_rank[from];

          if (later != (direction == 3 || direction == 5))
            continue;
          cost = fabs ((double) layout->tab_rank[i] - layout->tab_rank[from]) * 1e-6;
        }
      else if (along <= 0)
        continue;
      else
        /* Straight ahead beats a closer one far off to the side */
        cost = along + 2 * fabs (across);

      if (cost < best_cost)
        {
          best_cost = cost;
          best = (int) i;
        }
    }

  return best;
}

char *
kt_matrix_bubble_describe (const KtMatrixBubble *bubble)
{
  const KtSupplierScore *score;
  g_autofree char *segment = NULL;
  g_autofree char *spend = NULL;
  g_autofree char *contracts = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (bubble != NULL && bubble->score != NULL, NULL);

  score = bubble->score;
  segment = g_utf8_strdown (kt_segment_label (score->segment), -1);
  spend = kt_format_money_short (kt_matrix_score_spend (score));
  contracts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contract", "%u contracts",
                                            score->n_contracts),
                               score->n_contracts);
  /* Translators: what a screen reader says for a bubble of the supplier
   * matrix: supplier name, segment, importance 0–100, risk 0–100, annual
   * spend, number of contracts, e.g. "Netværksvagten A/S, strategic,
   * importance 72, risk 65, annual spend 1.240.000 kr., 3 contracts" */
  text = g_strdup_printf (_("%s, %s, importance %u, risk %u, annual spend %s, %s"),
                          score->supplier_name != NULL ? score->supplier_name : "",
                          segment, score->importance, score->risk, spend, contracts);

  if (score->override != NULL)
    /* Translators: added to a supplier matrix bubble's spoken description
     * when someone placed it by hand (a manual override) */
    return g_strconcat (text, _(", placed by hand"), NULL);

  return g_steal_pointer (&text);
}
