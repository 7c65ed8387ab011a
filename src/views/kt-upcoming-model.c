/* kt-upcoming-model.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-list-refresh.h"
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
  GPtrArray  *shown_items;  /* the items @shown points into until apply () */
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
  g_clear_pointer (&self->shown_items, g_ptr_array_unref);

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

  g_return_if_fail (KT_IS_UPCOMING_MODEL (self));

  /* The rows shown point into the items of the last apply (): they stay
   * until the next one, which compares against them. */
  if (self->shown_items == NULL)
    self->shown_items = g_steal_pointer (&self->items);
  g_clear_pointer (&self->items, g_ptr_array_unref);
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
}

static gboolean
same_date (const GDate *a,
           const GDate *b)
{
  return g_date_valid (a) == g_date_valid (b) && (!g_date_valid (a) || g_date_compare (a, b) == 0);
}

/* Everything a row shows or acts on (the version marks it done). */
static gboolean
same_item (const KtDeadlineItem *a,
           const KtDeadlineItem *b)
{
  return same_date (&a->date, &b->date) &&
         a->type == b->type &&
         a->derived == b->derived &&
         a->derived_kind == b->derived_kind &&
         a->activity_id == b->activity_id &&
         a->activity_version == b->activity_version &&
         a->recurring == b->recurring &&
         a->contract_id == b->contract_id &&
         a->contract_status == b->contract_status &&
         a->supplier_id == b->supplier_id &&
         a->org_unit_id == b->org_unit_id &&
         a->responsible_id == b->responsible_id &&
         a->status == b->status &&
         g_strcmp0 (a->contract_number, b->contract_number) == 0 &&
         g_strcmp0 (a->contract_name, b->contract_name) == 0 &&
         g_strcmp0 (a->supplier_name, b->supplier_name) == 0 &&
         g_strcmp0 (a->org_unit_name, b->org_unit_name) == 0 &&
         g_strcmp0 (a->responsible_name, b->responsible_name) == 0 &&
         g_strcmp0 (a->description, b->description) == 0 &&
         g_strcmp0 (a->clause_ref, b->clause_ref) == 0;
}

static gboolean
same_row (guint    old_position,
          guint    new_position,
          gpointer user_data)
{
  GArray **shown = user_data;
  const Row *x = &g_array_index (shown[0], Row, old_position);
  const Row *y = &g_array_index (shown[1], Row, new_position);

  if (x->urgency != y->urgency || (x->item == NULL) != (y->item == NULL))
    return FALSE;
  if (x->item == NULL)
    return x->count == y->count;
  return x->can_mark == y->can_mark && same_item (x->item, y->item);
}

void
kt_upcoming_model_apply (KtUpcomingModel  *self,
                         KtDeadlineFilter *filter)
{
  g_autoptr(GArray) shown = NULL;
  GArray *compared[2];
  guint section = KT_URGENCY_CLOSED;
  guint header = 0;
  guint position, removed, added;

  g_return_if_fail (KT_IS_UPCOMING_MODEL (self));
  g_return_if_fail (KT_IS_DEADLINE_FILTER (filter));

  shown = g_array_sized_new (FALSE, FALSE, sizeof (Row), self->rows->len + 8);
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
          header = shown->len;
          g_array_append_val (shown, heading);
        }
      g_array_append_val (shown, *row);
      g_array_index (shown, Row, header).count++;
      self->n_shown++;
    }

  /* Only the rows that differ change: the others keep their widgets, the
   * selection and the focus while a colleague's save is read in. */
  compared[0] = self->shown;
  compared[1] = shown;
  kt_list_diff (self->shown->len, shown->len, same_row, compared, &position, &removed, &added);

  g_array_unref (self->shown);
  self->shown = g_steal_pointer (&shown);
  g_clear_pointer (&self->shown_items, g_ptr_array_unref);

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
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
