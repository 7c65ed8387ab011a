/* kt-search-view-private.h — the hits of the search view as they are
 * shown, compared with new ones (kt-search-view-list.c)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-search-hit.h"
#include "kt-search-view.h"

G_BEGIN_DECLS

/* Whether @list (of KtSearchHitRow) shows @hits (KtSearchHit) as they are. */
gboolean       kt_search_list_shows           (GtkListBox        *list,
                                               GPtrArray         *hits);
/* The row that has the keyboard focus, or NULL. */
GtkListBoxRow *kt_search_list_get_focused_row (GtkListBox        *list);
/* The row of the hit at the same place as @hit (contract, document, page,
 * field), else the row at @index or the last one; NULL when empty. */
GtkListBoxRow *kt_search_list_find            (GtkListBox        *list,
                                               const KtSearchHit *hit,
                                               guint              index);

G_END_DECLS
