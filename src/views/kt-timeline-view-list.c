/* kt-timeline-view-list.c — the timeline as a list, for those who would
 * rather read than look; and the page read again after a colleague's save
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-list-refresh.h"
#include "kt-timeline-view-private.h"

typedef struct {
  guint32                 julian;
  guint                   position;   /* ties keep the timeline's lane order */
  gint64                  contract_id;
  const KtTimelineMarker *marker;
} ListEntry;

static int
compare_list_entries (gconstpointer a,
                      gconstpointer b)
{
  const ListEntry *x = a;
  const ListEntry *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

typedef struct {
  KtTimelineView *view;
  GArray         *old_targets;
  GArray         *new_targets;
  GPtrArray      *new_texts;
} ListDiff;

static gboolean
same_target (const ListTarget *a,
             const ListTarget *b)
{
  return a->julian == b->julian && a->contract_id == b->contract_id &&
         a->item_id == b->item_id && a->kind == b->kind;
}

static gboolean
same_line (guint    i,
           guint    j,
           gpointer user_data)
{
  ListDiff *diff = user_data;

  return same_target (&g_array_index (diff->old_targets, ListTarget, i),
                      &g_array_index (diff->new_targets, ListTarget, j)) &&
         g_strcmp0 (gtk_string_list_get_string (diff->view->list_strings, i),
                    g_ptr_array_index (diff->new_texts, j)) == 0;
}

/* The list alternative to the drawing: every marker's spoken text, in date
 * order, for those who would rather read than look. */
void
kt_timeline_view_fill_list (KtTimelineView *self,
                            GPtrArray      *lanes)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (ListEntry));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) targets = NULL;
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (self->list_strings));
  guint position, removed, added;
  ListDiff diff;

  for (guint i = 0; i < lanes->len; i++)
    {
      const KtTimelineLane *lane = g_ptr_array_index (lanes, i);

      for (guint m = 0; m < kt_timeline_lane_get_n_markers (lane); m++)
        {
          const KtTimelineMarker *marker = kt_timeline_lane_get_marker (lane, m);
          ListEntry entry = { marker->julian, entries->len, lane->id, marker };

          g_array_append_val (entries, entry);
        }
    }
  g_array_sort (entries, compare_list_entries);

  targets = g_array_sized_new (FALSE, FALSE, sizeof (ListTarget), entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      const ListEntry *entry = &g_array_index (entries, ListEntry, i);
      ListTarget target = { entry->julian, entry->contract_id, entry->marker->item_id,
                            entry->marker->kind };

      g_array_append_val (targets, target);
      g_ptr_array_add (texts, kt_timeline_marker_describe (entry->marker));
    }

  /* Only the lines that differ change: the others keep the selection and
   * the focus while a colleague's save is read in. */
  diff.view = self;
  diff.old_targets = self->list_targets;
  diff.new_targets = targets;
  diff.new_texts = texts;
  kt_list_diff (n_before, targets->len, same_line, &diff, &position, &removed, &added);

  g_array_unref (self->list_targets);
  self->list_targets = g_steal_pointer (&targets);
  g_ptr_array_add (texts, NULL);
  if (removed > 0 || added > 0)
    {
      /* splice takes a NULL-terminated run */
      char *after = texts->pdata[position + added];

      texts->pdata[position + added] = NULL;
      gtk_string_list_splice (self->list_strings, position, removed,
                              (const char * const *) texts->pdata + position);
      texts->pdata[position + added] = after;
    }
}

static guint
find_target (KtTimelineView   *self,
             const ListTarget *wanted,
             gboolean          same_day)
{
  for (guint i = 0; i < self->list_targets->len; i++)
    {
      const ListTarget *target = &g_array_index (self->list_targets, ListTarget, i);

      if (target->contract_id == wanted->contract_id && target->item_id == wanted->item_id &&
          target->kind == wanted->kind && (!same_day || target->julian == wanted->julian))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

void
kt_timeline_view_refresh (KtTimelineView *self)
{
  GtkSingleSelection *selection;
  GtkAdjustment *list_adjustment;
  KtTimelineZoom zoom;
  KtListRefresh state;
  ListTarget selected = { 0, };
  guint position, found;
  double list_value;

  g_return_if_fail (KT_IS_TIMELINE_VIEW (self));

  if (self->store == NULL)
    return;

  /* Read when shown, as after any other change */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (self->list_view));
  position = gtk_single_selection_get_selected (selection);
  if (position < self->list_targets->len)
    selected = g_array_index (self->list_targets, ListTarget, position);
  list_adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  list_value = list_adjustment != NULL ? gtk_adjustment_get_value (list_adjustment) : 0;
  zoom = kt_timeline_get_zoom (self->timeline);
  kt_list_refresh_begin (&state, GTK_WIDGET (self), GTK_WIDGET (self->timeline),
                         gtk_toggle_button_get_active (self->list_toggle)
                         ? GTK_WIDGET (self->list_view) : GTK_WIDGET (self->timeline));

  self->refreshing = TRUE;
  if (kt_timeline_view_load (self, TRUE, NULL))
    {
      if (kt_timeline_get_zoom (self->timeline) != zoom)
        kt_timeline_set_zoom (self->timeline, zoom);

      if (selected.contract_id != 0)
        {
          found = find_target (self, &selected, TRUE);
          if (found == GTK_INVALID_LIST_POSITION)
            found = find_target (self, &selected, FALSE);
          if (found == GTK_INVALID_LIST_POSITION && self->list_targets->len > 0)
            found = MIN (position, self->list_targets->len - 1);
          if (found != GTK_INVALID_LIST_POSITION && gtk_single_selection_get_selected (selection) != found)
            gtk_single_selection_set_selected (selection, found);
        }
      if (list_adjustment != NULL && gtk_adjustment_get_value (list_adjustment) != list_value)
        gtk_adjustment_set_value (list_adjustment, list_value);
    }
  self->refreshing = FALSE;

  kt_list_refresh_end (&state);
}
