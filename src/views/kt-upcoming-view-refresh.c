/* kt-upcoming-view-refresh.c — the deadlines read again after a
 * colleague's save, without taking away the user's place
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-list-refresh.h"
#include "kt-upcoming-view-private.h"

static GtkSingleSelection *
list_selection (KtUpcomingView *self)
{
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (self->list_view));
}

/* The same deadline: the same occurrence of the same activity, or the same
 * computed deadline of the same contract. */
static gboolean
same_deadline (const KtDeadlineItem *a,
               const KtDeadlineItem *b,
               gboolean              same_day)
{
  return a->contract_id == b->contract_id &&
         a->activity_id == b->activity_id &&
         a->derived == b->derived &&
         (!a->derived || a->derived_kind == b->derived_kind) &&
         (!same_day || g_date_compare (&a->date, &b->date) == 0);
}

static guint
find_deadline (KtUpcomingView       *self,
               const KtDeadlineItem *wanted,
               gboolean              same_day)
{
  GListModel *model = G_LIST_MODEL (self->model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KtUpcomingEntry) entry = g_list_model_get_item (model, i);

      if (entry->item != NULL && same_deadline (entry->item, wanted, same_day))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
is_deadline (gpointer item)
{
  return KT_UPCOMING_ENTRY (item)->item != NULL;
}

/* The selected deadline where it is now (a colleague may have moved its
 * date), else the row that took its place. */
static void
restore_selection (KtUpcomingView  *self,
                   KtUpcomingEntry *selected,
                   guint            position)
{
  GtkSingleSelection *selection = list_selection (self);
  guint found;

  if (selected == NULL || selected->item == NULL)
    return;

  found = find_deadline (self, selected->item, TRUE);
  if (found == GTK_INVALID_LIST_POSITION)
    found = find_deadline (self, selected->item, FALSE);
  /* Headers cannot be selected: the next deadline, or the one before */
  if (found == GTK_INVALID_LIST_POSITION)
    found = kt_list_nearest (G_LIST_MODEL (self->model), position, is_deadline);

  if (found != GTK_INVALID_LIST_POSITION && gtk_single_selection_get_selected (selection) != found)
    gtk_single_selection_set_selected (selection, found);
}

void
kt_upcoming_view_refresh (KtUpcomingView *self)
{
  g_autoptr(KtUpcomingEntry) selected = NULL;
  g_autoptr(GError) error = NULL;
  KtListRefresh state;
  guint position;

  g_return_if_fail (KT_IS_UPCOMING_VIEW (self));

  if (self->store == NULL)
    return;

  /* Read when shown, as after any other change */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }

  position = gtk_single_selection_get_selected (list_selection (self));
  selected = gtk_single_selection_get_selected_item (list_selection (self));
  if (selected != NULL)
    g_object_ref (selected);
  kt_list_refresh_begin (&state, GTK_WIDGET (self), GTK_WIDGET (self->list_view),
                         GTK_WIDGET (self->list_view));

  if (!kt_upcoming_view_load (self, &error))
    {
      /* Locked for a moment: the next poll reads it */
      if (!kt_list_refresh_should_skip (error))
        {
          kt_upcoming_model_set_items (self->model, NULL, NULL);
          kt_upcoming_view_rebuild (self);
          kt_dialog_show_error (GTK_WIDGET (self), _("Could Not Read the Deadlines"),
                                error->message);
        }
      kt_list_refresh_end (&state);
      return;
    }

  kt_upcoming_view_rebuild (self);
  restore_selection (self, selected, position);
  kt_list_refresh_end (&state);
}
