/* kt-search-view-list.c — the hits shown, compared with those of the same
 * search run again (a colleague saved, the indexer finished)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-search-hit-row.h"
#include "kt-search-view-private.h"

static gboolean
same_place (const KtSearchHit *a,
            const KtSearchHit *b)
{
  return a->contract_id == b->contract_id && a->document_id == b->document_id &&
         a->page == b->page && g_strcmp0 (a->field, b->field) == 0;
}

static gboolean
same_hit (const KtSearchHit *a,
          const KtSearchHit *b)
{
  return same_place (a, b) &&
         g_strcmp0 (a->contract_number, b->contract_number) == 0 &&
         g_strcmp0 (a->contract_name, b->contract_name) == 0 &&
         g_strcmp0 (a->document_name, b->document_name) == 0 &&
         g_strcmp0 (a->snippet, b->snippet) == 0;
}

static const KtSearchHit *
hit_at (GtkListBox *list,
        guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return row != NULL ? kt_search_hit_row_get_hit (KT_SEARCH_HIT_ROW (row)) : NULL;
}

gboolean
kt_search_list_shows (GtkListBox *list,
                      GPtrArray  *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const KtSearchHit *shown = hit_at (list, i);

      if (shown == NULL || !same_hit (shown, g_ptr_array_index (hits, i)))
        return FALSE;
    }

  return hit_at (list, hits->len) == NULL;
}

GtkListBoxRow *
kt_search_list_get_focused_row (GtkListBox *list)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (list));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (list)))
    return NULL;
  if (GTK_IS_LIST_BOX_ROW (focus))
    return GTK_LIST_BOX_ROW (focus);
  return GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));
}

GtkListBoxRow *
kt_search_list_find (GtkListBox        *list,
                     const KtSearchHit *hit,
                     guint              index)
{
  const KtSearchHit *shown;
  guint i;

  for (i = 0; (shown = hit_at (list, i)) != NULL; i++)
    if (same_place (shown, hit))
      return gtk_list_box_get_row_at_index (list, i);

  if (i == 0)
    return NULL;
  return gtk_list_box_get_row_at_index (list, MIN (index, i - 1));
}
