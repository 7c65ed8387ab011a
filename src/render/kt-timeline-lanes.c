/* kt-timeline-lanes.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kt-timeline-lanes.h"

typedef struct {
  KtTimelineLane   *lane;
  const KtContract *contract;
  char             *group_key;   /* collation key; NULL sorts last */
  char             *number_key;
  gboolean          has_items;
} LaneEntry;

static void
lane_entry_clear (gpointer data)
{
  LaneEntry *entry = data;

  g_clear_pointer (&entry->lane, kt_timeline_lane_unref);
  g_clear_pointer (&entry->group_key, g_free);
  g_clear_pointer (&entry->number_key, g_free);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const LaneEntry *x = a;
  const LaneEntry *y = b;
  int result;

  if (x->group_key == NULL || y->group_key == NULL)
    {
      if (x->group_key != y->group_key)
        return x->group_key == NULL ? 1 : -1;
    }
  else if ((result = strcmp (x->group_key, y->group_key)) != 0)
    return result;

  if ((result = strcmp (x->number_key, y->number_key)) != 0)
    return result;

  return x->contract->id < y->contract->id ? -1 : x->contract->id > y->contract->id;
}

KtTimelineState
kt_timeline_state_of_item (const KtDeadlineItem *item,
                           const GDate          *today)
{
  switch (kt_deadline_item_get_urgency (item, today))
    {
    case KT_URGENCY_CLOSED:
      return item->status == KT_ACTIVITY_STATUS_CANCELLED ? KT_TIMELINE_STATE_CANCELLED
                                                          : KT_TIMELINE_STATE_DONE;
    case KT_URGENCY_OVERDUE:
      return KT_TIMELINE_STATE_OVERDUE;
    case KT_URGENCY_WITHIN_30_DAYS:
      return KT_TIMELINE_STATE_DUE_SOON;
    case KT_URGENCY_PAST:
    case KT_URGENCY_LATER:
    case KT_URGENCY_WITHIN_365_DAYS:
    case KT_URGENCY_WITHIN_90_DAYS:
    default:
      return KT_TIMELINE_STATE_NORMAL;
    }
}

char *
kt_timeline_item_title (const KtDeadlineItem *item)
{
  const char *what;

  g_return_val_if_fail (item != NULL, NULL);

  what = item->derived ? kt_enum_label (KT_ENUM_DERIVED_KIND, item->derived_kind)
                       : kt_enum_label (KT_ENUM_ACTIVITY_TYPE, item->type);

  /* Translators: a deadline on the timeline: "Last day to give notice —
   * KT-2022-001 Læringsplatform til folkeskolen" */
  return g_strdup_printf (_("%s — %s %s"), what,
                          item->contract_number != NULL ? item->contract_number : "",
                          item->contract_name != NULL ? item->contract_name : "");
}

GPtrArray *
kt_timeline_lanes_from_deadlines (GPtrArray          *contracts,
                                  GPtrArray          *items,
                                  KtTimelineGrouping  grouping,
                                  const GDate        *today,
                                  const GDate        *from)
{
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  GPtrArray *lanes;

  g_return_val_if_fail (contracts != NULL && items != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);

  entries = g_array_sized_new (FALSE, TRUE, sizeof (LaneEntry), contracts->len);
  g_array_set_clear_func (entries, lane_entry_clear);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < contracts->len; i++)
    {
      const KtContract *contract = g_ptr_array_index (contracts, i);
      const char *group = grouping == KT_TIMELINE_GROUP_SUPPLIER ? contract->supplier_name
                                                                : contract->org_unit_name;
      g_autofree char *label = g_strdup_printf ("%s %s", contract->number ? contract->number : "",
                                                contract->name ? contract->name : "");
      const GDate *start = g_date_valid (&contract->start_date) ? &contract->start_date
                                                                : &contract->signed_date;
      LaneEntry entry = { 0 };

      entry.contract = contract;
      entry.lane = kt_timeline_lane_new (contract->id, label, group);
      entry.group_key = group != NULL && *group != '\0' ? g_utf8_collate_key (group, -1) : NULL;
      entry.number_key = g_utf8_collate_key_for_filename (contract->number ? contract->number : "", -1);
      kt_timeline_lane_set_bar (entry.lane, start,
                                contract->running ? NULL : &contract->end_date);
      g_array_append_val (entries, entry);
    }

  /* Indexes only after the array stops growing: it may move. */
  for (guint i = 0; i < entries->len; i++)
    {
      LaneEntry *entry = &g_array_index (entries, LaneEntry, i);

      g_hash_table_insert (by_id, (gpointer) &entry->contract->id, entry);
    }

  for (guint i = 0; i < items->len; i++)
    {
      const KtDeadlineItem *item = g_ptr_array_index (items, i);
      LaneEntry *entry = g_hash_table_lookup (by_id, &item->contract_id);
      g_autofree char *title = NULL;

      if (entry == NULL || !g_date_valid (&item->date))
        continue;

      title = kt_timeline_item_title (item);
      kt_timeline_lane_add_marker (entry->lane, &item->date, title, kt_timeline_state_of_item (item, today),
                                   item->derived,
                                   item->derived ? item->contract_id : item->activity_id,
                                   item->derived ? KT_TIMELINE_KIND_DERIVED + (int) item->derived_kind
                                                 : KT_TIMELINE_KIND_ACTIVITY);
      entry->has_items = TRUE;
    }

  g_array_sort (entries, compare_entries);

  lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_timeline_lane_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      LaneEntry *entry = &g_array_index (entries, LaneEntry, i);
      const KtContract *contract = entry->contract;
      gboolean ended = !contract->running && g_date_valid (&contract->end_date) &&
                       g_date_compare (&contract->end_date, from) < 0;

      /* A contract that ended before the window shows nothing on it. */
      if (ended && !entry->has_items)
        continue;

      g_ptr_array_add (lanes, g_steal_pointer (&entry->lane));
    }

  return lanes;
}
