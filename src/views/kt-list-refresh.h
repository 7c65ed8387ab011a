/* kt-list-refresh.h — reading a list again without losing the user's place
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A colleague's save reloads the lists every few seconds while someone
 * works in them. What GTK keeps by itself is whatever the model does not
 * say changed: so the lists change only the rows that differ
 * (kt_list_store_sync (), kt_list_diff ()), and a refresh puts back the
 * scroll position and the keyboard focus around the reload
 * (kt_list_refresh_begin () / _end ()).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct {
  GtkWidget     *view;         /* the page: focus inside it is kept */
  GtkWidget     *focus_home;   /* where the focus goes when its widget went */
  GWeakRef       focus;        /* the focused widget at begin, if inside view */
  GtkAdjustment *vadjustment;
  GtkAdjustment *hadjustment;
  double         vvalue;
  double         hvalue;
} KtListRefresh;

/* Notes where @view has the focus and how far @scrolled (a widget inside a
 * GtkScrolledWindow, or the scrolled window; NULL: none) is scrolled. */
void     kt_list_refresh_begin (KtListRefresh *state,
                                GtkWidget     *view,
                                GtkWidget     *scrolled,
                                GtkWidget     *focus_home);
/* Puts both back: the scroll values (clamped to the new length), and the
 * focus when it was inside the view and the reload took it away — to the
 * same widget if it is still there, else to @focus_home. Never takes the
 * focus from elsewhere. Clears @state. */
void     kt_list_refresh_end   (KtListRefresh *state);

/* Whether the keyboard focus of @widget's window is @widget or inside it. */
gboolean kt_widget_has_focus_within (GtkWidget *widget);

/* An id that stays with an item across reloads (a contract's id, …). */
typedef gint64   (*KtListKeyFunc)  (gpointer      item);
/* Whether two items of the same key would show the same. */
typedef gboolean (*KtListSameFunc) (gconstpointer a,
                                    gconstpointer b,
                                    gpointer      user_data);

/* Makes @store hold @items (@n_items GObjects of its type, borrowed) where
 * the order of @store does not matter (a sort model is above it): removes
 * the items whose key is gone, replaces only those that changed and
 * appends the new ones, so that every other row keeps its widget, its
 * selection and its focus. */
void     kt_list_store_sync    (GListStore     *store,
                                gpointer       *items,
                                guint           n_items,
                                KtListKeyFunc   key,
                                KtListSameFunc  same,
                                gpointer        user_data);

/* Whether line @old_position of the list as it is and line @new_position
 * of the list to be would show the same. */
typedef gboolean (*KtListSameAtFunc) (guint    old_position,
                                      guint    new_position,
                                      gpointer user_data);

/* The run of the old list (@n_old lines) that differs from the new one
 * (@n_new): what the two share at the start and at the end stays. For
 * items-changed (@position, @removed, @added). */
void     kt_list_diff          (guint             n_old,
                                guint             n_new,
                                KtListSameAtFunc  same,
                                gpointer          user_data,
                                guint            *position,
                                guint            *removed,
                                guint            *added);

/* Whether the people and units (KtPerson, KtOrgUnit; either may be NULL)
 * differ from those @key was made of; updates @key. Drop-downs refilled
 * with the same choices would close under the user's pointer. */
gboolean kt_list_records_changed (char      **key,
                                  GPtrArray  *people,
                                  GPtrArray  *org_units);

/* The item of @model at or after @position that @selectable accepts, else
 * the nearest before it; GTK_INVALID_LIST_POSITION when there is none.
 * For a selected row that is gone: its neighbour. */
typedef gboolean (*KtListSelectableFunc) (gpointer item);
guint    kt_list_nearest       (GListModel           *model,
                                guint                 position,
                                KtListSelectableFunc  selectable);

/* Both unset, or the same day. */
gboolean kt_list_same_date     (const GDate *a,
                                const GDate *b);

/* Whether @error is one a refresh skips silently: the file is locked by a
 * colleague's save for a moment. A TRUE answer is remembered until
 * kt_list_refresh_take_skipped (), so that the window can read again soon
 * even if that save is rolled back (then nothing tells it to). */
gboolean kt_list_refresh_should_skip (const GError *error);
/* TRUE once (then FALSE) when a refresh was skipped since the last call. */
gboolean kt_list_refresh_take_skipped (void);

G_END_DECLS
