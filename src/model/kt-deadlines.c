/* kt-deadlines.c — deadlines derived from contracts, and the overview
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules per contract status are in kt-deadlines.h. Nothing derived is
 * stored: the overview is computed from the contracts each time, so a
 * changed end date or notice period shows at once and is never typed twice.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include "kt-deadline.h"
#include "kt-deadlines-private.h"

static void
resolve_today (const GDate *today,
               GDate       *out)
{
  if (today != NULL && g_date_valid (today))
    {
      *out = *today;
      return;
    }

  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

static guint
options_left (const KtContract *contract)
{
  return contract->option_count > contract->options_used
         ? contract->option_count - contract->options_used : 0;
}

static gboolean
has_fixed_end (const KtContract *contract)
{
  return !contract->running && g_date_valid (&contract->end_date);
}

/* The day a running contract can end at the earliest by notice given on
 * @today or later: the day kt_contract_last_notice_day () counts back from
 * (kt-deadline.c), recomputed here for the description. */
static void
running_end (const KtContract *contract,
             const GDate      *today,
             GDate            *out)
{
  guint n = contract->notice_months;
  GDate probe;

  *out = *today;
  g_date_add_months (out, n);

  for (;;)
    {
      probe = *out;
      kt_date_subtract_months (&probe, n);
      if (g_date_compare (&probe, today) >= 0)
        break;
      g_date_add_days (out, 1);
    }
  for (;;)
    {
      GDate earlier = *out;

      g_date_subtract_days (&earlier, 1);
      probe = earlier;
      kt_date_subtract_months (&probe, n);
      if (g_date_compare (&probe, today) < 0)
        break;
      *out = earlier;
    }

  if (g_date_valid (&contract->irrevocable_until) &&
      g_date_compare (out, &contract->irrevocable_until) < 0)
    *out = contract->irrevocable_until;

  kt_date_to_period_end (out, contract->notice_rule);
}

/* The day the contract ends when notice is given on its last notice day. */
static gboolean
notice_end (const KtContract *contract,
            const GDate      *today,
            GDate            *out)
{
  g_date_clear (out, 1);

  if (contract->status == KT_STATUS_NOTICE_GIVEN || contract->status == KT_STATUS_EXPIRED)
    return FALSE;

  if (contract->running)
    running_end (contract, today, out);
  else if (g_date_valid (&contract->end_date))
    {
      *out = contract->end_date;
      kt_date_to_period_end (out, contract->notice_rule);
    }

  return g_date_valid (out);
}

gboolean
kt_contract_is_procured_alone (const KtContract *contract)
{
  g_return_val_if_fail (contract != NULL, FALSE);

  /* A supplementary agreement or a data processing agreement under a main
   * contract is bought again with that contract, not on its own. */
  return contract->parent_id == 0 ||
         (contract->type != KT_CONTRACT_TYPE_SUPPLEMENTARY &&
          contract->type != KT_CONTRACT_TYPE_DATA_PROCESSING);
}

gboolean
kt_contract_derived_date (const KtContract         *contract,
                          const KtDeadlineSettings *settings,
                          const GDate              *today,
                          KtDerivedKind             kind,
                          GDate                    *out)
{
  g_autoptr(KtDeadlineSettings) defaults = NULL;
  GDate now;

  g_return_val_if_fail (contract != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (kind != KT_DERIVED_PRICE_REGULATION, FALSE);

  g_date_clear (out, 1);

  if (contract->status == KT_STATUS_EXPIRED)
    return FALSE;

  if (settings == NULL)
    settings = defaults = kt_deadline_settings_new ();
  resolve_today (today, &now);

  switch (kind)
    {
    case KT_DERIVED_LAST_NOTICE_DAY:
      return kt_contract_last_notice_day (contract, &now, out);

    case KT_DERIVED_DECISION_DATE:
      {
        GDate from = now;

        /* A running contract: the window whose decision date is not past. */
        if (contract->running)
          g_date_add_days (&from, settings->decision_buffer_days);
        if (!kt_contract_last_notice_day (contract, &from, out))
          return FALSE;
        g_date_subtract_days (out, settings->decision_buffer_days);
        return TRUE;
      }

    case KT_DERIVED_OPTION_DEADLINE:
      if (contract->status == KT_STATUS_NOTICE_GIVEN || !has_fixed_end (contract) ||
          options_left (contract) == 0)
        return FALSE;
      *out = contract->end_date;
      kt_date_subtract_months (out, contract->notice_months);
      return TRUE;

    case KT_DERIVED_REPROCUREMENT_START:
      if (!has_fixed_end (contract) || !kt_contract_is_procured_alone (contract))
        return FALSE;
      *out = contract->end_date;
      kt_date_subtract_months (out, kt_deadline_settings_get_lead_months (settings,
                                                                          contract->procurement_form));
      return TRUE;

    case KT_DERIVED_EXPIRY:
      if (!has_fixed_end (contract))
        return FALSE;
      *out = contract->end_date;
      return TRUE;

    case KT_DERIVED_PRICE_REGULATION:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- items of one contract ---- */

typedef struct {
  const KtDeadlineSettings *settings;
  const GDate              *today;
  const GDate              *from;
  const GDate              *to;
  KtDeadlinesFlags          flags;
  KtDeadlineArena          *arena;
  GPtrArray                *items;
  KtDescriber              *describer;
} Window;

/* A contract's strings are copied into the arena with its first item. */
typedef struct {
  const KtContract  *contract;
  KtContractStrings  strings;
  gboolean           has_strings;
  guint32            rank;        /* place in the order of contract numbers */
} Entry;

static const KtContractStrings *
entry_strings (Entry           *entry,
               KtDeadlineArena *arena)
{
  if (!entry->has_strings)
    {
      kt_contract_strings_init (&entry->strings, arena, entry->contract);
      entry->has_strings = TRUE;
    }

  return &entry->strings;
}

static gboolean
in_window (const Window *w,
           const GDate  *date,
           gboolean      can_be_overdue)
{
  if (g_date_compare (date, w->to) > 0)
    return FALSE;
  if (g_date_compare (date, w->from) >= 0)
    return TRUE;

  return can_be_overdue && (w->flags & KT_DEADLINES_INCLUDE_OVERDUE) &&
         g_date_compare (date, w->today) < 0;
}

static void
add_derived (const Window  *w,
             Entry         *entry,
             KtDerivedKind  kind,
             const GDate   *date,
             const char    *description)
{
  g_ptr_array_add (w->items,
                   kt_deadline_item_make_derived (w->arena, entry->contract,
                                                  entry_strings (entry, w->arena), kind, date,
                                                  description));
}

static void
derived_single (const Window  *w,
                Entry         *entry,
                KtDerivedKind  kind)
{
  GDate date, end;

  if (!kt_contract_derived_date (entry->contract, w->settings, w->today, kind, &date) ||
      !in_window (w, &date, TRUE))
    return;

  g_date_clear (&end, 1);
  if (kind == KT_DERIVED_LAST_NOTICE_DAY)
    notice_end (entry->contract, w->today, &end);

  add_derived (w, entry, kind, &date,
               kt_describer_describe (w->describer, w->arena, entry->contract, w->settings, kind,
                                      &date, &end));
}

/* A running contract can be ended at any time with its notice period: its
 * notice day moves along with today and there is nothing to miss, so the
 * overview would only fill with noise. Except while it is irrevocable: then
 * the notice day for the first possible end is a real date to decide by. */
static gboolean
irrevocable_period_binds (const KtContract *contract,
                          const GDate      *today)
{
  GDate earliest, first_end;

  if (!g_date_valid (&contract->irrevocable_until) || !notice_end (contract, today, &earliest))
    return FALSE;

  first_end = contract->irrevocable_until;
  kt_date_to_period_end (&first_end, contract->notice_rule);

  return g_date_compare (&earliest, &first_end) <= 0;
}

/* In the order of KtDerivedKind, which is the order on a day. */
static void
derived_items (const Window *w,
               Entry        *entry)
{
  const KtContract *contract = entry->contract;

  if (contract->status == KT_STATUS_EXPIRED)
    return;

  if (!contract->running || irrevocable_period_binds (contract, w->today))
    {
      derived_single (w, entry, KT_DERIVED_LAST_NOTICE_DAY);
      derived_single (w, entry, KT_DERIVED_DECISION_DATE);
    }
  derived_single (w, entry, KT_DERIVED_OPTION_DEADLINE);
  derived_single (w, entry, KT_DERIVED_REPROCUREMENT_START);

  if (contract->price_index != KT_PRICE_INDEX_NONE &&
      g_date_valid (&contract->price_regulation_date))
    {
      const GDate *anchor = &contract->price_regulation_date;
      const GDate *start = &contract->start_date;
      gboolean ends = has_fixed_end (contract);
      const char *text = NULL;
      gint64 n = kt_recurrence_index_from (anchor, 12, w->from);

      /* Regulations before the entered date count back to the start only. */
      for (;; n++)
        {
          GDate date;

          if (!kt_recurrence_nth (anchor, 12, n, &date) ||
              g_date_compare (&date, w->to) > 0 ||
              (ends && g_date_compare (&date, &contract->end_date) > 0))
            break;

          if (n < 0 && (!g_date_valid (start) || g_date_compare (&date, start) <= 0))
            continue;

          /* One text for all the regulations of the contract. */
          if (text == NULL)
            text = kt_describer_describe (w->describer, w->arena, contract, w->settings,
                                          KT_DERIVED_PRICE_REGULATION, &date, NULL);
          add_derived (w, entry, KT_DERIVED_PRICE_REGULATION, &date, text);
        }
    }

  derived_single (w, entry, KT_DERIVED_EXPIRY);
}

void
kt_contract_derived_deadlines (const KtContract         *contract,
                               const KtDeadlineSettings *settings,
                               const GDate              *today,
                               const GDate              *from,
                               const GDate              *to,
                               GPtrArray                *items)
{
  g_autoptr(KtDeadlineSettings) defaults = NULL;
  Entry entry = { contract, };
  GDate now;
  Window w;

  g_return_if_fail (contract != NULL);
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));
  g_return_if_fail (items != NULL);

  if (settings == NULL)
    settings = defaults = kt_deadline_settings_new ();
  resolve_today (today, &now);

  w = (Window) { settings, &now, from, to, KT_DEADLINES_DEFAULT, kt_deadline_arena_new (), items,
                 kt_describer_new () };
  derived_items (&w, &entry);
  kt_deadline_arena_finish (w.arena);
  kt_describer_free (w.describer);
}

/* ---- the overview ---- */

typedef struct {
  const Window      *w;
  const KtActivity  *activity;
  Entry             *entry;
  KtActivityStrings  strings;
  gboolean           has_strings;
} Occurrences;

static void
add_occurrence_cb (const GDate *date,
                   gpointer     user_data)
{
  Occurrences *o = user_data;

  if (!o->has_strings)
    {
      kt_activity_strings_init (&o->strings, o->w->arena, o->activity);
      o->has_strings = TRUE;
    }

  g_ptr_array_add (o->w->items,
                   kt_deadline_item_make_activity (o->w->arena, o->activity, o->entry->contract,
                                                   entry_strings (o->entry, o->w->arena),
                                                   &o->strings, date));
}

static void
activity_items (const Window     *w,
                const KtActivity *activity,
                Entry            *entry)
{
  Occurrences o = { w, activity, entry, };
  GDate next_open;

  if (!g_date_valid (&activity->deadline))
    return;

  /* Overdue occurrences before the window: open ones, from the first open. */
  if ((w->flags & KT_DEADLINES_INCLUDE_OVERDUE) &&
      kt_activity_next_open (activity, &next_open) &&
      g_date_compare (&next_open, w->from) < 0 &&
      g_date_compare (&next_open, w->today) < 0)
    {
      GDate before = g_date_compare (w->from, w->today) < 0 ? *w->from : *w->today;

      g_date_subtract_days (&before, 1);
      kt_activity_foreach_occurrence (activity, &next_open, &before, add_occurrence_cb, &o);
    }

  if (activity->recurrence == KT_RECURRENCE_NONE)
    {
      kt_activity_foreach_occurrence (activity, w->from, w->to, add_occurrence_cb, &o);
    }
  else
    {
      const GDate *to = w->to;

      /* A cancelled series stops after its last done occurrence. */
      if (activity->status == KT_ACTIVITY_STATUS_CANCELLED)
        {
          if (!g_date_valid (&activity->done_through))
            return;
          if (g_date_compare (&activity->done_through, to) < 0)
            to = &activity->done_through;
        }

      kt_activity_foreach_occurrence (activity, w->from, to, add_occurrence_cb, &o);
    }
}

/* Finds the entry of a contract id: an array indexed by id when the ids are
 * dense, as the store's are, else a hash table. */
typedef struct {
  Entry      *entries;
  guint       n_entries;
  Entry     **by_id;
  gint64      max_id;
  GHashTable *by_hash;
} Lookup;

static void
lookup_init (Lookup *l,
             Entry  *entries,
             guint   n_entries)
{
  gint64 max_id = 0;
  gboolean dense = TRUE;

  l->entries = entries;
  l->n_entries = n_entries;

  for (guint i = 0; i < n_entries; i++)
    {
      gint64 id = entries[i].contract->id;

      if (id <= 0)
        dense = FALSE;
      max_id = MAX (max_id, id);
    }

  if (dense && max_id <= (gint64) n_entries * 4 + 1024)
    {
      l->max_id = max_id;
      l->by_id = g_new0 (Entry *, max_id + 1);
      for (guint i = 0; i < n_entries; i++)
        l->by_id[entries[i].contract->id] = &entries[i];
    }
  else
    {
      l->by_hash = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < n_entries; i++)
        g_hash_table_insert (l->by_hash, (gpointer) &entries[i].contract->id, &entries[i]);
    }
}

static Entry *
lookup_find (const Lookup *l,
             gint64        id)
{
  if (l->by_id != NULL)
    return id > 0 && id <= l->max_id ? l->by_id[id] : NULL;

  return g_hash_table_lookup (l->by_hash, &id);
}

static void
lookup_clear (Lookup *l)
{
  g_clear_pointer (&l->by_id, g_free);
  g_clear_pointer (&l->by_hash, g_hash_table_unref);
}

static int
compare_entries_cb (gconstpointer a,
                    gconstpointer b)
{
  const Entry *ea = *(Entry * const *) a;
  const Entry *eb = *(Entry * const *) b;
  const char *na = ea->contract->number;
  const char *nb = eb->contract->number;
  int r = g_strcmp0 (na != NULL && *na != '\0' ? na : NULL, nb != NULL && *nb != '\0' ? nb : NULL);

  if (r != 0)
    return r;

  return (ea->contract->id > eb->contract->id) - (ea->contract->id < eb->contract->id);
}

/* Sorts by (sub, activity id): the order within one contract on a day. */
static void
sort_group (guint32 *order,
            guint    n,
            const guint32 *sub,
            const gint64  *activity_id)
{
  /* Groups are a contract's items: a handful, so insertion sort. */
  for (guint i = 1; i < n; i++)
    {
      guint32 x = order[i];
      guint j = i;

      while (j > 0 &&
             (sub[order[j - 1]] > sub[x] ||
              (sub[order[j - 1]] == sub[x] && activity_id[order[j - 1]] > activity_id[x])))
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = x;
    }
}

/* The order of kt_deadline_item_compare () without comparing items: group
 * by contract rank (counting sort), order each group by kind and activity,
 * then a stable counting sort by day. Ties that remain are occurrences of
 * one activity or regulations of one contract, which differ in the day. */
static void
sort_items (GPtrArray *items,
            GArray    *ranks,
            guint      n_ranks)
{
  guint n = items->len;
  g_autofree guint32 *julian = NULL;
  g_autofree guint32 *sub = NULL;
  g_autofree gint64 *activity_id = NULL;
  g_autofree guint32 *by_rank = NULL;
  g_autofree guint32 *by_day = NULL;
  g_autofree guint *count = NULL;
  g_autofree gpointer *sorted = NULL;
  const guint32 *rank = (const guint32 *) ranks->data;
  guint32 lo = G_MAXUINT32, hi = 0;
  guint span;

  if (n < 2)
    return;

  julian = g_new (guint32, n);
  sub = g_new (guint32, n);
  activity_id = g_new (gint64, n);
  for (guint i = 0; i < n; i++)
    {
      const KtDeadlineItem *item = items->pdata[i];

      julian[i] = g_date_get_julian (&item->date);
      sub[i] = item->derived ? (guint32) item->derived_kind : G_MAXUINT32;
      activity_id[i] = item->activity_id;
      lo = MIN (lo, julian[i]);
      hi = MAX (hi, julian[i]);
    }

  /* Dates spread over centuries: a plain sort. */
  span = hi - lo + 1;
  if (span > n * 4 + 4096)
    {
      g_ptr_array_sort (items, kt_deadline_item_compare);
      return;
    }

  by_rank = g_new (guint32, n);
  count = g_new0 (guint, MAX (n_ranks, span) + 1);
  for (guint i = 0; i < n; i++)
    count[rank[i] + 1]++;
  for (guint r = 0; r < n_ranks; r++)
    count[r + 1] += count[r];
  for (guint i = 0; i < n; i++)
    by_rank[count[rank[i]]++] = i;

  /* count[r] is now the end of group r. */
  for (guint r = 0, begin = 0; r < n_ranks; begin = count[r], r++)
    if (count[r] - begin > 1)
      sort_group (by_rank + begin, count[r] - begin, sub, activity_id);

  memset (count, 0, sizeof (guint) * (span + 1));
  for (guint i = 0; i < n; i++)
    count[julian[i] - lo + 1]++;
  for (guint d = 0; d < span; d++)
    count[d + 1] += count[d];

  by_day = g_new (guint32, n);
  for (guint k = 0; k < n; k++)
    {
      guint32 i = by_rank[k];

      by_day[count[julian[i] - lo]++] = i;
    }

  sorted = g_new (gpointer, n);
  for (guint k = 0; k < n; k++)
    sorted[k] = items->pdata[by_day[k]];
  memcpy (items->pdata, sorted, sizeof (gpointer) * n);
}

GPtrArray *
kt_deadlines_collect (GPtrArray                *contracts,
                      GPtrArray                *activities,
                      const KtDeadlineSettings *settings,
                      const GDate              *today,
                      const GDate              *from,
                      const GDate              *to,
                      KtDeadlinesFlags          flags)
{
  g_autoptr(KtDeadlineSettings) defaults = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GArray) ranks = NULL;
  g_autofree Entry *entries = NULL;
  Lookup lookup = { NULL, };
  GPtrArray *items;
  guint n_contracts;
  GDate now;
  Window w;

  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);

  if (settings == NULL)
    settings = defaults = kt_deadline_settings_new ();
  resolve_today (today, &now);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
  w = (Window) { settings, &now, from, to, flags, kt_deadline_arena_new (), items,
                 kt_describer_new () };

  n_contracts = contracts != NULL ? contracts->len : 0;
  entries = g_new0 (Entry, MAX (n_contracts, 1));
  ranked = g_ptr_array_sized_new (n_contracts);
  for (guint i = 0; i < n_contracts; i++)
    {
      entries[i].contract = g_ptr_array_index (contracts, i);
      g_ptr_array_add (ranked, &entries[i]);
    }
  lookup_init (&lookup, entries, n_contracts);

  g_ptr_array_sort (ranked, compare_entries_cb);
  for (guint i = 0; i < ranked->len; i++)
    ((Entry *) g_ptr_array_index (ranked, i))->rank = i;

  ranks = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0; i < n_contracts; i++)
    {
      derived_items (&w, &entries[i]);
      while (ranks->len < items->len)
        g_array_append_val (ranks, entries[i].rank);
    }

  for (guint i = 0; activities != NULL && i < activities->len; i++)
    {
      const KtActivity *activity = g_ptr_array_index (activities, i);
      Entry *entry = lookup_find (&lookup, activity->contract_id);

      if (entry == NULL)
        continue;
      activity_items (&w, activity, entry);
      while (ranks->len < items->len)
        g_array_append_val (ranks, entry->rank);
    }

  sort_items (items, ranks, n_contracts);

  lookup_clear (&lookup);
  kt_deadline_arena_finish (w.arena);
  kt_describer_free (w.describer);

  return items;
}
