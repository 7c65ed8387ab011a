/* kt-upcoming-model.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-upcoming-model.h"

G_DEFINE_FINAL_TYPE (KtUpcomingEntry, kt_upcoming_entry, G_TYPE_OBJECT)

static void
kt_upcoming_entry_finalize (GObject *object)
{
  g_clear_pointer (&KT_UPCOMING_ENTRY (object)->item, kt_deadline_item_free);

  G_OBJECT_CLASS (kt_upcoming_entry_parent_class)->finalize (object);
}

static void
kt_upcoming_entry_class_init (KtUpcomingEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kt_upcoming_entry_finalize;
}

static void
kt_upcoming_entry_init (KtUpcomingEntry *self)
{
}

typedef struct {
  KtDeadlineItem *item;       /* in @items; NULL for a header */
  guint           urgency : 8;
  guint           can_mark : 1;
  guint           count;      /* header */
} Row;

struct _KtUpcomingModel
{
  GObject     parent_instance;

  GPtrArray  *items;   /* KtDeadlineItem, owned */
  GArray     *rows;    /* Row of every open deadline, by date */
  GArray     *shown;   /* Row: headers and the matching deadlines */
  guint       n_shown;
};

static void list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KtUpcomingModel, kt_upcoming_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_init))

static GType
get_item_type (GListModel *model)
{
  return KT_TYPE_UPCOMING_ENTRY;
}

static guint
get_n_items (GListModel *model)
{
  return KT_UPCOMING_MODEL (model)->shown->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  KtUpcomingModel *self = KT_UPCOMING_MODEL (model);
  const Row *row;
  KtUpcomingEntry *entry;

  if (position >= self->shown->len)
    return NULL;

  row = &g_array_index (self->shown, Row, position);
  entry = g_object_new (KT_TYPE_UPCOMING_ENTRY, NULL);
  entry->item = row->item != NULL ? kt_deadline_item_copy (row->item) : NULL;
  entry->urgency = row->urgency;
  entry->count = row->count;
  entry->can_mark = row->can_mark;

  return entry;
}

static void
list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
kt_upcoming_model_finalize (GObject *object)
{
  KtUpcomingModel *self = KT_UPCOMING_MODEL (object);

  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (kt_upcoming_model_parent_class)->finalize (object);
}

static void
kt_upcoming_model_class_init (KtUpcomingModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kt_upcoming_model_finalize;
}

static void
kt_upcoming_model_init (KtUpcomingModel *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->shown = g_array_new (FALSE, FALSE, sizeof (Row));
}

KtUpcomingModel *
kt_upcoming_model_new (void)
{
  return g_object_new (KT_TYPE_UPCOMING_MODEL, NULL);
}

void
kt_upcoming_model_set_items (KtUpcomingModel *self,
                             GPtrArray       *items,
                             const GDate     *today)
{
  g_autoptr(GHashTable) marked = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) old_items = NULL;

  g_return_if_fail (KT_IS_UPCOMING_MODEL (self));

  /* The rows shown still point into the old items until apply (). */
  old_items = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
  g_array_set_size (self->rows, 0);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      KtDeadlineItem *item = g_ptr_array_index (items, i);
      KtUrgency urgency = kt_deadline_item_get_urgency (item, today);
      Row row = { NULL, };

      if (urgency < KT_URGENCY_WITHIN_365_DAYS)
        continue;

      row.item = kt_deadline_item_copy (item);
      row.urgency = urgency;
      /* Marking a later occurrence done would mark the earlier ones too:
       * only the first open one of each activity offers it. */
      if (!item->derived && !g_hash_table_contains (marked, &row.item->activity_id))
        {
          row.can_mark = TRUE;
          g_hash_table_add (marked, &row.item->activity_id);
        }
      g_ptr_array_add (self->items, row.item);
      g_array_append_val (self->rows, row);
    }

  /* Nothing shown may point into the old items once they are gone. */
  if (self->shown->len > 0)
    {
      guint removed = self->shown->len;

      g_array_set_size (self->shown, 0);
      self->n_shown = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
    }
}

void
kt_upcoming_model_apply (KtUpcomingModel  *self,
                         KtDeadlineFilter *filter)
{
  guint removed;
  guint section = KT_URGENCY_CLOSED;
  guint header = 0;

  g_return_if_fail (KT_IS_UPCOMING_MODEL (self));
  g_return_if_fail (KT_IS_DEADLINE_FILTER (filter));

  removed = self->shown->len;
  g_array_set_size (self->shown, 0);
  self->n_shown = 0;

  /* The rows are in date order, so the sections come one after another. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (!kt_deadline_filter_match (filter, row->item))
        continue;

      if (row->urgency != section)
        {
          Row heading = { NULL, };

          section = row->urgency;
          heading.urgency = section;
          header = self->shown->len;
          g_array_append_val (self->shown, heading);
        }
      g_array_append_val (self->shown, *row);
      g_array_index (self->shown, Row, header).count++;
      self->n_shown++;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->shown->len);
}

guint
kt_upcoming_model_get_n_total (KtUpcomingModel *self)
{
  g_return_val_if_fail (KT_IS_UPCOMING_MODEL (self), 0);

  return self->rows->len;
}

guint
kt_upcoming_model_get_n_shown (KtUpcomingModel *self)
{
  g_return_val_if_fail (KT_IS_UPCOMING_MODEL (self), 0);

  return self->n_shown;
}
