/* kt-deadline-item.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overview of a large portfolio holds a hundred thousand items or
 * more, rebuilt whenever the data changes. A malloc per item and per string
 * (and the matching frees) would cost more than reading the rows from the
 * file, so the items of one collect live in one arena with their strings,
 * shared by every item of the same contract and activity. An item's
 * reference is a reference on its arena.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kt-deadline-item-private.h"
#include "kt-deadlines.h"

#define BLOCK_SIZE (64 * 1024 - 64)

/* The blocks of the previous overview are kept for the next one, up to this
 * much: the overview is rebuilt on every change of the portfolio, and
 * memory handed back to the system by free () and taken again costs a page
 * fault per page, a sixth of building it. */
#define MAX_SPARE_BYTES (64 * 1024 * 1024)

struct _KtDeadlineArena
{
  gint     ref_count;
  GSList  *blocks;       /* of BLOCK_SIZE */
  GSList  *large;        /* larger single allocations */
  guint8  *pos;
  guint8  *end;
};

typedef struct {
  KtDeadlineItem   pub;
  KtDeadlineArena *arena;
} KtDeadlineItemReal;

G_DEFINE_BOXED_TYPE (KtDeadlineItem, kt_deadline_item, kt_deadline_item_copy, kt_deadline_item_free)

/* ---- the arena ---- */

static GMutex   spare_lock;
static GSList  *spare_blocks;   /* the GSList nodes are kept with them */
static gsize    spare_bytes;

static void
blocks_release (GSList *blocks)
{
  GSList *keep = NULL;

  g_mutex_lock (&spare_lock);
  while (blocks != NULL && spare_bytes + BLOCK_SIZE <= MAX_SPARE_BYTES)
    {
      GSList *node = blocks;

      blocks = g_slist_remove_link (blocks, node);
      keep = g_slist_concat (node, keep);
      spare_bytes += BLOCK_SIZE;
    }
  spare_blocks = g_slist_concat (keep, spare_blocks);
  g_mutex_unlock (&spare_lock);

  g_slist_free_full (blocks, g_free);
}

static GSList *
block_take (void)
{
  GSList *node;

  g_mutex_lock (&spare_lock);
  node = spare_blocks;
  if (node != NULL)
    {
      spare_blocks = g_slist_remove_link (spare_blocks, node);
      spare_bytes -= BLOCK_SIZE;
    }
  g_mutex_unlock (&spare_lock);

  if (node == NULL)
    node = g_slist_prepend (NULL, g_malloc (BLOCK_SIZE));

  return node;
}

KtDeadlineArena *
kt_deadline_arena_new (void)
{
  KtDeadlineArena *arena = g_new0 (KtDeadlineArena, 1);

  arena->ref_count = 1;

  return arena;
}

static void
arena_unref (KtDeadlineArena *arena)
{
  if (!g_atomic_int_dec_and_test (&arena->ref_count))
    return;

  blocks_release (arena->blocks);
  g_slist_free_full (arena->large, g_free);
  g_free (arena);
}

void
kt_deadline_arena_finish (KtDeadlineArena *arena)
{
  arena_unref (arena);
}

static gpointer
arena_alloc (KtDeadlineArena *arena,
             gsize            size)
{
  gpointer p;

  size = (size + 7) & ~(gsize) 7;

  if ((gsize) (arena->end - arena->pos) < size)
    {
      GSList *node;

      /* Only a description could be that long; it gets a block of its own,
       * which is not kept. */
      if (size > BLOCK_SIZE)
        {
          guint8 *data = g_malloc (size);

          arena->large = g_slist_prepend (arena->large, data);
          return data;
        }

      node = block_take ();
      node->next = arena->blocks;
      arena->blocks = node;
      arena->pos = node->data;
      arena->end = arena->pos + BLOCK_SIZE;
    }

  p = arena->pos;
  arena->pos += size;

  return p;
}

const char *
kt_deadline_arena_strdup (KtDeadlineArena *arena,
                          const char      *text)
{
  gsize length;
  char *copy;

  if (text == NULL || *text == '\0')
    return NULL;

  length = strlen (text) + 1;
  copy = arena_alloc (arena, length);
  memcpy (copy, text, length);

  return copy;
}

KtDeadlineItem *
kt_deadline_arena_item (KtDeadlineArena *arena)
{
  KtDeadlineItemReal *real = arena_alloc (arena, sizeof *real);
  KtDeadlineItem *item = &real->pub;

  memset (real, 0, sizeof *real);
  real->arena = arena;
  /* Not shared with anyone yet: no need for an atomic operation. */
  arena->ref_count++;

  g_date_clear (&item->date, 1);
  g_date_clear (&item->done_date, 1);
  item->status = KT_ACTIVITY_STATUS_OPEN;
  item->contract_sum = KT_MONEY_NONE;
  item->annual_cost = KT_MONEY_NONE;

  return item;
}

void
kt_contract_strings_init (KtContractStrings *strings,
                          KtDeadlineArena   *arena,
                          const KtContract  *contract)
{
  strings->number = kt_deadline_arena_strdup (arena, contract->number);
  strings->name = kt_deadline_arena_strdup (arena, contract->name);
  strings->supplier = kt_deadline_arena_strdup (arena, contract->supplier_name);
  strings->org_unit = kt_deadline_arena_strdup (arena, contract->org_unit_name);
  strings->administrator = kt_deadline_arena_strdup (arena, contract->administrator_name);
}

void
kt_activity_strings_init (KtActivityStrings *strings,
                          KtDeadlineArena   *arena,
                          const KtActivity  *activity)
{
  strings->description = kt_deadline_arena_strdup (arena, activity->description);
  strings->clause = kt_deadline_arena_strdup (arena, activity->clause_ref);
  strings->responsible = kt_deadline_arena_strdup (arena, activity->responsible_name);
  strings->done_by = kt_deadline_arena_strdup (arena, activity->done_by);
}

/* ---- items ---- */

KtDeadlineItem *
kt_deadline_item_copy (const KtDeadlineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  g_atomic_int_inc (&((KtDeadlineItemReal *) item)->arena->ref_count);

  return (KtDeadlineItem *) item;
}

void
kt_deadline_item_free (KtDeadlineItem *item)
{
  if (item == NULL)
    return;

  arena_unref (((KtDeadlineItemReal *) item)->arena);
}

static KtDeadlineItem *
item_new (KtDeadlineArena         *arena,
          const KtContract        *contract,
          const KtContractStrings *strings,
          const GDate             *date)
{
  KtDeadlineItem *item = kt_deadline_arena_item (arena);

  item->date = *date;
  item->contract_number = strings->number;
  item->contract_name = strings->name;
  item->supplier_name = strings->supplier;
  item->org_unit_name = strings->org_unit;

  if (contract != NULL)
    {
      item->contract_id = contract->id;
      item->contract_status = contract->status;
      item->supplier_id = contract->supplier_id;
      item->org_unit_id = contract->org_unit_id;
      item->procurement_form = contract->procurement_form;
      item->contract_sum = contract->contract_sum;
      item->annual_cost = contract->annual_cost;
      item->options_left = contract->option_count > contract->options_used
                           ? contract->option_count - contract->options_used : 0;
    }

  return item;
}

KtDeadlineItem *
kt_deadline_item_make_activity (KtDeadlineArena         *arena,
                                const KtActivity        *activity,
                                const KtContract        *contract,
                                const KtContractStrings *contract_strings,
                                const KtActivityStrings *activity_strings,
                                const GDate             *date)
{
  KtDeadlineItem *item = item_new (arena, contract, contract_strings, date);

  item->type = activity->type;
  item->activity_id = activity->id;
  item->activity_version = activity->version;
  item->recurring = activity->recurrence != KT_RECURRENCE_NONE;
  item->contract_id = activity->contract_id;
  item->responsible_id = activity->responsible_id;
  item->description = activity_strings->description;
  item->clause_ref = activity_strings->clause;
  item->responsible_name = activity_strings->responsible;

  item->status = kt_activity_occurrence_status (activity, date);
  if (item->status == KT_ACTIVITY_STATUS_DONE &&
      (!item->recurring ||
       (g_date_valid (&activity->done_through) &&
        g_date_compare (date, &activity->done_through) == 0)))
    {
      /* Only the occurrence marked last is known to be done then, by them. */
      item->done_date = activity->done_date;
      item->done_by = activity_strings->done_by;
    }

  return item;
}

KtDeadlineItem *
kt_deadline_item_make_derived (KtDeadlineArena         *arena,
                               const KtContract        *contract,
                               const KtContractStrings *contract_strings,
                               KtDerivedKind            kind,
                               const GDate             *date,
                               const char              *description)
{
  KtDeadlineItem *item = item_new (arena, contract, contract_strings, date);

  item->type = kt_derived_kind_activity_type (kind);
  item->derived = TRUE;
  item->derived_kind = kind;
  item->responsible_id = contract->administrator_id;
  item->responsible_name = contract_strings->administrator;
  item->description = description != NULL
                      ? description
                      : kt_deadline_arena_strdup (arena, kt_enum_label (KT_ENUM_DERIVED_KIND, kind));

  return item;
}

KtDeadlineItem *
kt_deadline_item_new_activity (const KtActivity *activity,
                               const KtContract *contract,
                               const GDate      *date)
{
  KtDeadlineArena *arena;
  KtContractStrings contract_strings = { NULL, };
  KtActivityStrings activity_strings;
  KtDeadlineItem *item;

  g_return_val_if_fail (activity != NULL, NULL);

  if (date == NULL)
    date = &activity->deadline;
  g_return_val_if_fail (g_date_valid (date), NULL);

  arena = kt_deadline_arena_new ();
  if (contract != NULL)
    {
      kt_contract_strings_init (&contract_strings, arena, contract);
    }
  else
    {
      contract_strings.number = kt_deadline_arena_strdup (arena, activity->contract_number);
      contract_strings.name = kt_deadline_arena_strdup (arena, activity->contract_name);
    }
  kt_activity_strings_init (&activity_strings, arena, activity);

  item = kt_deadline_item_make_activity (arena, activity, contract, &contract_strings,
                                         &activity_strings, date);
  kt_deadline_arena_finish (arena);

  return item;
}

KtDeadlineItem *
kt_deadline_item_new_derived (const KtContract *contract,
                              KtDerivedKind     kind,
                              const GDate      *date,
                              const char       *description)
{
  KtDeadlineArena *arena;
  KtContractStrings contract_strings;
  KtDeadlineItem *item;

  g_return_val_if_fail (contract != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (kt_enum_code (KT_ENUM_DERIVED_KIND, kind) != NULL, NULL);

  arena = kt_deadline_arena_new ();
  kt_contract_strings_init (&contract_strings, arena, contract);
  item = kt_deadline_item_make_derived (arena, contract, &contract_strings, kind, date,
                                        kt_deadline_arena_strdup (arena, description));
  kt_deadline_arena_finish (arena);

  return item;
}

/* ---- urgency and order ---- */

static void
set_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

KtUrgency
kt_deadline_item_get_urgency (const KtDeadlineItem *item,
                              const GDate          *today)
{
  GDate now;
  gint64 days;

  g_return_val_if_fail (item != NULL, KT_URGENCY_LATER);

  if (item->status != KT_ACTIVITY_STATUS_OPEN)
    return KT_URGENCY_CLOSED;

  if (today == NULL || !g_date_valid (today))
    {
      set_today (&now);
      today = &now;
    }

  days = (gint64) g_date_get_julian (&item->date) - (gint64) g_date_get_julian (today);

  if (days < 0)
    return item->derived && item->derived_kind == KT_DERIVED_PRICE_REGULATION
           ? KT_URGENCY_PAST : KT_URGENCY_OVERDUE;
  if (days <= 30)
    return KT_URGENCY_WITHIN_30_DAYS;
  if (days <= 90)
    return KT_URGENCY_WITHIN_90_DAYS;
  if (days <= 365)
    return KT_URGENCY_WITHIN_365_DAYS;

  return KT_URGENCY_LATER;
}

const char *
kt_urgency_label (KtUrgency urgency)
{
  switch (urgency)
    {
    case KT_URGENCY_CLOSED:
      /* Translators: a deadline that is done or cancelled */
      return _("Closed");
    case KT_URGENCY_PAST:
      /* Translators: a computed deadline whose date has passed */
      return _("Past");
    case KT_URGENCY_LATER:
      /* Translators: a deadline more than a year ahead */
      return _("Later");
    case KT_URGENCY_WITHIN_365_DAYS:
      return _("Within 365 days");
    case KT_URGENCY_WITHIN_90_DAYS:
      return _("Within 90 days");
    case KT_URGENCY_WITHIN_30_DAYS:
      return _("Within 30 days");
    case KT_URGENCY_OVERDUE:
      /* Translators: a deadline that has passed without being done */
      return _("Overdue");
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
cmp_int64 (gint64 a,
           gint64 b)
{
  return (a > b) - (a < b);
}

int
kt_deadline_item_compare (gconstpointer a,
                          gconstpointer b)
{
  const KtDeadlineItem *ia = *(KtDeadlineItem * const *) a;
  const KtDeadlineItem *ib = *(KtDeadlineItem * const *) b;
  int r;

  if ((r = cmp_int64 (g_date_get_julian (&ia->date), g_date_get_julian (&ib->date))) != 0)
    return r;
  if ((r = g_strcmp0 (ia->contract_number, ib->contract_number)) != 0)
    return r;
  if ((r = cmp_int64 (ia->contract_id, ib->contract_id)) != 0)
    return r;
  if (ia->derived != ib->derived)
    return ia->derived ? -1 : 1;
  if (ia->derived)
    return cmp_int64 (ia->derived_kind, ib->derived_kind);

  return cmp_int64 (ia->activity_id, ib->activity_id);
}

KtActivityType
kt_derived_kind_activity_type (KtDerivedKind kind)
{
  switch (kind)
    {
    case KT_DERIVED_LAST_NOTICE_DAY:
    case KT_DERIVED_DECISION_DATE:
      return KT_ACTIVITY_RENEGOTIATION;
    case KT_DERIVED_OPTION_DEADLINE:
      return KT_ACTIVITY_OPTION_EXERCISE;
    case KT_DERIVED_PRICE_REGULATION:
      return KT_ACTIVITY_PRICE_REGULATION;
    case KT_DERIVED_REPROCUREMENT_START:
    case KT_DERIVED_EXPIRY:
      return KT_ACTIVITY_EXPIRY;
    default:
      g_return_val_if_reached (KT_ACTIVITY_OTHER);
    }
}
