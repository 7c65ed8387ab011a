/* kt-suppliers-view-private.h — the suppliers view's parts, shared by its files
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-suppliers-view.h"

G_BEGIN_DECLS

struct _KtSuppliersView
{
  GtkWidget   parent_instance;

  GtkWidget  *leaflet;
  GtkWidget  *list;
  GtkWidget  *editor_box;
  GtkWidget  *back_button;
  GtkWidget  *title_label;
  GtkWidget  *save_button;
  GtkWidget  *revert_button;
  GtkWidget  *delete_button;
  GtkWidget  *history_button;
  GtkWidget  *read_only_label;
  GtkWidget  *note_revealer;
  GtkWidget  *note_label;
  GtkWidget  *editor_stack;
  GtkWidget  *editor;

  KtStore    *store;
  GPtrArray  *contracts;   /* every live KtContract, for counts and lists */
  KtSupplier *base;        /* as loaded or saved; NULL when none is shown. Kept
                            * while a colleague's newer version waits behind an
                            * edit: a merge needs what the edit started from. */
  GtkWindow  *history;     /* weak: the history window opened from here */
  gint64      history_id;  /* the supplier it shows */
  gboolean    can_save;
};

/* ---- kt-suppliers-view.c ---- */

gboolean kt_suppliers_view_is_read_only (KtSuppliersView *self);
gboolean kt_suppliers_view_is_dirty     (KtSuppliersView *self);
void     kt_suppliers_view_update_state (KtSuppliersView *self);
/* Takes @supplier (NULL: the empty state) and shows it as stored. */
void     kt_suppliers_view_show_record  (KtSuppliersView *self,
                                         KtSupplier      *supplier);
/* Reads and shows supplier @id, selected in the list. */
void     kt_suppliers_view_load         (KtSuppliersView *self,
                                         gint64           id);
/* Reads the list of suppliers and their contracts again; on failure the
 * list stays as it was. */
gboolean kt_suppliers_view_read_list    (KtSuppliersView  *self,
                                         GError          **error);
void     kt_suppliers_view_show_store_state (KtSuppliersView *self);

/* ---- kt-suppliers-view-save.c: a file shared with colleagues ---- */

/* Save, Delete and History, installed on the class. */
void     kt_suppliers_view_class_add_writes (GtkWidgetClass *widget_class);
/* The note above the form; NULL hides it. */
void     kt_suppliers_view_set_note     (KtSuppliersView *self,
                                         const char      *text);

G_END_DECLS
