/* kt-portfolio-filter.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-contract-row.h"
#include "kt-format.h"
#include "kt-org-unit.h"
#include "kt-portfolio-filter.h"

/* Departments hold centres; deeper trees are not expected, and a loop of
 * parents in a damaged file must not hang the table. */
#define MAX_UNIT_DEPTH 8

struct _KtPortfolioFilter
{
  GtkFilter   parent_instance;

  char       *needle;     /* kt_fold_for_search () of the text; "" = any */
  int         status;     /* -1 = any */
  int         category;   /* -1 = any */
  GHashTable *unit_ids;   /* gint64* set; NULL = any */
};

G_DEFINE_FINAL_TYPE (KtPortfolioFilter, kt_portfolio_filter, GTK_TYPE_FILTER)

static void
add_unit_and_descendants (GHashTable *ids,
                          GPtrArray  *units,
                          gint64      id,
                          guint       depth)
{
  gint64 *key;

  if (g_hash_table_contains (ids, &id))
    return;

  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_add (ids, key);
  if (depth >= MAX_UNIT_DEPTH)
    return;

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const KtOrgUnit *unit = g_ptr_array_index (units, i);

      if (unit->parent_id == id)
        add_unit_and_descendants (ids, units, unit->id, depth + 1);
    }
}

static gboolean
kt_portfolio_filter_match (GtkFilter *filter,
                           gpointer   item)
{
  KtPortfolioFilter *self = KT_PORTFOLIO_FILTER (filter);
  KtContractRow *row = item;
  const KtContract *contract = kt_contract_row_get_contract (row);

  if (self->status >= 0 && (int) contract->status != self->status)
    return FALSE;
  if (self->category >= 0 && (int) contract->category != self->category)
    return FALSE;
  if (self->unit_ids != NULL && !g_hash_table_contains (self->unit_ids, &contract->org_unit_id))
    return FALSE;

  return kt_contract_row_matches (row, self->needle);
}

static GtkFilterMatch
kt_portfolio_filter_get_strictness (GtkFilter *filter)
{
  KtPortfolioFilter *self = KT_PORTFOLIO_FILTER (filter);

  if (*self->needle == '\0' && self->status < 0 && self->category < 0 && self->unit_ids == NULL)
    return GTK_FILTER_MATCH_ALL;

  return GTK_FILTER_MATCH_SOME;
}

static void
kt_portfolio_filter_finalize (GObject *object)
{
  KtPortfolioFilter *self = KT_PORTFOLIO_FILTER (object);

  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->unit_ids, g_hash_table_unref);

  G_OBJECT_CLASS (kt_portfolio_filter_parent_class)->finalize (object);
}

static void
kt_portfolio_filter_class_init (KtPortfolioFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = kt_portfolio_filter_finalize;
  filter_class->match = kt_portfolio_filter_match;
  filter_class->get_strictness = kt_portfolio_filter_get_strictness;
}

static void
kt_portfolio_filter_init (KtPortfolioFilter *self)
{
  self->needle = g_strdup ("");
  self->status = -1;
  self->category = -1;
}

KtPortfolioFilter *
kt_portfolio_filter_new (void)
{
  return g_object_new (KT_TYPE_PORTFOLIO_FILTER, NULL);
}

void
kt_portfolio_filter_set_text (KtPortfolioFilter *self,
                              const char        *text)
{
  g_autofree char *needle = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (KT_IS_PORTFOLIO_FILTER (self));

  needle = kt_fold_for_search (text != NULL ? text : "");
  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  /* Every word must occur, so text that extends the old text can only hide
   * rows, and text that the old text extends can only show more. */
  if (g_str_has_prefix (needle, self->needle))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->needle, needle))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self), change);
}

static void
set_choice (KtPortfolioFilter *self,
            int               *field,
            int                value)
{
  GtkFilterChange change;

  if (value < 0)
    value = -1;
  if (*field == value)
    return;

  if (*field < 0)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (value < 0)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  *field = value;
  gtk_filter_changed (GTK_FILTER (self), change);
}

void
kt_portfolio_filter_set_status (KtPortfolioFilter *self,
                                int                status)
{
  g_return_if_fail (KT_IS_PORTFOLIO_FILTER (self));

  set_choice (self, &self->status, status);
}

void
kt_portfolio_filter_set_category (KtPortfolioFilter *self,
                                  int                category)
{
  g_return_if_fail (KT_IS_PORTFOLIO_FILTER (self));

  set_choice (self, &self->category, category);
}

void
kt_portfolio_filter_set_org_unit (KtPortfolioFilter *self,
                                  GPtrArray         *units,
                                  gint64             unit_id)
{
  gboolean was_any;

  g_return_if_fail (KT_IS_PORTFOLIO_FILTER (self));

  was_any = self->unit_ids == NULL;
  g_clear_pointer (&self->unit_ids, g_hash_table_unref);

  if (unit_id != 0)
    {
      self->unit_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      add_unit_and_descendants (self->unit_ids, units, unit_id, 0);
    }
  else if (was_any)
    return;

  /* The units themselves may have changed, so even the same id can show
   * other rows */
  gtk_filter_changed (GTK_FILTER (self),
                      was_any ? GTK_FILTER_CHANGE_MORE_STRICT
                      : unit_id == 0 ? GTK_FILTER_CHANGE_LESS_STRICT
                      : GTK_FILTER_CHANGE_DIFFERENT);
}

void
kt_portfolio_filter_clear (KtPortfolioFilter *self)
{
  g_return_if_fail (KT_IS_PORTFOLIO_FILTER (self));

  if (kt_portfolio_filter_get_strictness (GTK_FILTER (self)) == GTK_FILTER_MATCH_ALL)
    return;

  g_free (self->needle);
  self->needle = g_strdup ("");
  self->status = -1;
  self->category = -1;
  g_clear_pointer (&self->unit_ids, g_hash_table_unref);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
}
