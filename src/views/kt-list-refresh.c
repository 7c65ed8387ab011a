/* kt-list-refresh.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include "kt-list-refresh.h"
#include "kt-store.h"

gboolean
kt_widget_has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

void
kt_list_refresh_begin (KtListRefresh *state,
                       GtkWidget     *view,
                       GtkWidget     *scrolled,
                       GtkWidget     *focus_home)
{
  GtkRoot *root;

  g_return_if_fail (state != NULL);
  g_return_if_fail (GTK_IS_WIDGET (view));

  memset (state, 0, sizeof *state);
  state->view = g_object_ref (view);
  state->focus_home = focus_home != NULL ? g_object_ref (focus_home) : NULL;
  g_weak_ref_init (&state->focus, NULL);

  root = gtk_widget_get_root (view);
  if (root != NULL && kt_widget_has_focus_within (view))
    g_weak_ref_set (&state->focus, gtk_root_get_focus (root));

  if (scrolled != NULL && !GTK_IS_SCROLLED_WINDOW (scrolled))
    scrolled = gtk_widget_get_ancestor (scrolled, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      GtkScrolledWindow *window = GTK_SCROLLED_WINDOW (scrolled);

      state->vadjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (window));
      state->hadjustment = g_object_ref (gtk_scrolled_window_get_hadjustment (window));
      state->vvalue = gtk_adjustment_get_value (state->vadjustment);
      state->hvalue = gtk_adjustment_get_value (state->hadjustment);
    }
}

static void
restore_adjustment (GtkAdjustment *adjustment,
                    double         value)
{
  if (adjustment != NULL && gtk_adjustment_get_value (adjustment) != value)
    gtk_adjustment_set_value (adjustment, value);
}

void
kt_list_refresh_end (KtListRefresh *state)
{
  g_autoptr(GtkWidget) focus = NULL;

  g_return_if_fail (state != NULL);
  g_return_if_fail (state->view != NULL);

  focus = g_weak_ref_get (&state->focus);
  /* Focus that left the view with its widget comes back; focus that was
   * elsewhere is none of our business. */
  if (focus != NULL && !kt_widget_has_focus_within (state->view))
    {
      if (gtk_widget_get_root (focus) == gtk_widget_get_root (state->view) &&
          gtk_widget_is_ancestor (focus, state->view) &&
          gtk_widget_get_mapped (focus) && gtk_widget_grab_focus (focus))
        ;
      else if (state->focus_home != NULL && gtk_widget_get_mapped (state->focus_home))
        gtk_widget_grab_focus (state->focus_home);
    }

  /* After the focus: moving it may have scrolled the row into view. */
  restore_adjustment (state->vadjustment, state->vvalue);
  restore_adjustment (state->hadjustment, state->hvalue);

  g_weak_ref_clear (&state->focus);
  g_clear_object (&state->vadjustment);
  g_clear_object (&state->hadjustment);
  g_clear_object (&state->focus_home);
  g_clear_object (&state->view);
}

void
kt_list_store_sync (GListStore     *store,
                    gpointer       *items,
                    guint           n_items,
                    KtListKeyFunc   key,
                    KtListSameFunc  same,
                    gpointer        user_data)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  guint n_old;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (items != NULL || n_items == 0);

  for (guint i = 0; i < n_items; i++)
    {
      gint64 *k = g_new (gint64, 1);

      *k = key (items[i]);
      g_hash_table_replace (wanted, k, items[i]);
    }

  /* From the end, so that the positions still to visit stay put. */
  n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = n_old; i > 0; i--)
    {
      g_autoptr(GObject) old = g_list_model_get_item (G_LIST_MODEL (store), i - 1);
      gint64 k = key (old);
      gpointer replacement = g_hash_table_lookup (wanted, &k);

      if (replacement == NULL)
        g_list_store_remove (store, i - 1);
      else
        {
          if (!same (old, replacement, user_data))
            g_list_store_splice (store, i - 1, 1, &replacement, 1);
          g_hash_table_remove (wanted, &k);
        }
    }

  /* The new ones, in the order they came */
  for (guint i = 0; i < n_items; i++)
    {
      gint64 k = key (items[i]);

      if (g_hash_table_lookup (wanted, &k) == items[i])
        g_ptr_array_add (added, items[i]);
    }
  if (added->len > 0)
    g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                         added->pdata, added->len);
}

void
kt_list_diff (guint             n_old,
              guint             n_new,
              KtListSameAtFunc  same,
              gpointer          user_data,
              guint            *position,
              guint            *removed,
              guint            *added)
{
  guint start = 0;
  guint end = 0;

  while (start < n_old && start < n_new && same (start, start, user_data))
    start++;

  while (end < n_old - start && end < n_new - start &&
         same (n_old - 1 - end, n_new - 1 - end, user_data))
    end++;

  *position = start;
  *removed = n_old - start - end;
  *added = n_new - start - end;
}

gboolean
kt_list_records_changed (char      **key,
                         GPtrArray  *people,
                         GPtrArray  *org_units)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const KtPerson *person = g_ptr_array_index (people, i);

      g_string_append_printf (text, "p%" G_GINT64_FORMAT ":%s:%s\n", person->id,
                              person->name != NULL ? person->name : "",
                              person->email != NULL ? person->email : "");
    }
  for (guint i = 0; org_units != NULL && i < org_units->len; i++)
    {
      const KtOrgUnit *unit = g_ptr_array_index (org_units, i);

      g_string_append_printf (text, "u%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s\n", unit->id,
                              unit->parent_id, unit->name != NULL ? unit->name : "");
    }

  if (*key != NULL && g_str_equal (*key, text->str))
    return FALSE;

  g_free (*key);
  *key = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

static gboolean
selectable_at (GListModel           *model,
               guint                 position,
               KtListSelectableFunc  selectable)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  return item != NULL && selectable (item);
}

guint
kt_list_nearest (GListModel           *model,
                 guint                 position,
                 KtListSelectableFunc  selectable)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = MIN (position, n); i < n; i++)
    if (selectable_at (model, i, selectable))
      return i;
  for (guint i = MIN (position, n); i > 0; i--)
    if (selectable_at (model, i - 1, selectable))
      return i - 1;

  return GTK_INVALID_LIST_POSITION;
}

gboolean
kt_list_same_date (const GDate *a,
                   const GDate *b)
{
  gboolean valid_a = a != NULL && g_date_valid (a);
  gboolean valid_b = b != NULL && g_date_valid (b);

  return valid_a == valid_b && (!valid_a || g_date_compare (a, b) == 0);
}

/* Views are refreshed on the main thread only. */
static gboolean refresh_skipped;

gboolean
kt_list_refresh_should_skip (const GError *error)
{
  if (!g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY))
    return FALSE;

  refresh_skipped = TRUE;
  return TRUE;
}

gboolean
kt_list_refresh_take_skipped (void)
{
  gboolean skipped = refresh_skipped;

  refresh_skipped = FALSE;
  return skipped;
}
