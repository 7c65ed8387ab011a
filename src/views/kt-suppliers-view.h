/* kt-suppliers-view.h — the suppliers (Leverandører) page of the window
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-store.h"

G_BEGIN_DECLS

#define KT_TYPE_SUPPLIERS_VIEW (kt_suppliers_view_get_type ())

G_DECLARE_FINAL_TYPE (KtSuppliersView, kt_suppliers_view, KT, SUPPLIERS_VIEW, GtkWidget)

/* A searchable list of suppliers beside an editor for the chosen one: name,
 * CVR, address, contact persons, notes, and the supplier's contracts, with
 * a History button (kt-history-window.h). Saves and deletes wait for a file
 * locked by a colleague and keep the edit when the file fails
 * (kt-write-retry.h); a save that lost a race with a colleague opens the
 * merge dialog, theirs or mine per field (kt-merge-dialog.h).
 *
 * Signals:
 *   "contract-activated" (gint64 id)  one of the supplier's contracts was
 *                                     activated; the window opens it */
KtSuppliersView *kt_suppliers_view_new       (void);
void             kt_suppliers_view_set_store (KtSuppliersView *self,
                                              KtStore         *store);
/* Reads the suppliers again (after a colleague's save or a change
 * elsewhere in the window) keeping the selected supplier, the list's
 * scroll position, the search text and the focus. The supplier in the
 * editor: without unsaved changes a newer version is shown; with them the
 * edit stays and a note says who changed the supplier when (saving then
 * offers to merge); deleted meanwhile: shown as deleted, or left when not
 * edited. A file locked for a moment is skipped silently (the next poll
 * reads it again). */
void             kt_suppliers_view_refresh   (KtSuppliersView *self);
/* The same as kt_suppliers_view_refresh (). */
void             kt_suppliers_view_reload    (KtSuppliersView *self);
/* Whether the supplier in the editor has changes that are not saved (for
 * the window to ask before it closes). */
gboolean         kt_suppliers_view_has_unsaved_changes (KtSuppliersView *self);
/* Selects and opens supplier @id in the editor, as if picked in the list.
 * FALSE, changing nothing, while the editor has unsaved changes of another
 * supplier or when @id cannot be read. */
gboolean         kt_suppliers_view_show_supplier (KtSuppliersView *self,
                                                  gint64           id);

G_END_DECLS
