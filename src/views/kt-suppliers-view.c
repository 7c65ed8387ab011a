/* kt-suppliers-view.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-supplier-editor.h"
#include "kt-supplier-list.h"
#include "kt-suppliers-view-private.h"
#include "kt-validation.h"
#include "kt-write-retry.h"

/* What the user asked for while the supplier being edited had unsaved
 * changes, done once they agree to discard them. */
#define PENDING_NEW (-1)

G_DEFINE_FINAL_TYPE (KtSuppliersView, kt_suppliers_view, GTK_TYPE_WIDGET)

enum {
  CONTRACT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
kt_suppliers_view_is_read_only (KtSuppliersView *self)
{
  return self->store == NULL || kt_store_is_read_only (self->store);
}

static gboolean
text_equal (const char *a,
            const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static gboolean
supplier_equal (const KtSupplier *a,
                const KtSupplier *b)
{
  guint n_a = a->contacts != NULL ? a->contacts->len : 0;
  guint n_b = b->contacts != NULL ? b->contacts->len : 0;

  if (!text_equal (a->name, b->name) || !text_equal (a->cvr, b->cvr) ||
      !text_equal (a->address, b->address) || !text_equal (a->postal_code, b->postal_code) ||
      !text_equal (a->city, b->city) || !text_equal (a->notes, b->notes) || n_a != n_b)
    return FALSE;

  for (guint i = 0; i < n_a; i++)
    {
      const KtContact *x = g_ptr_array_index (a->contacts, i);
      const KtContact *y = g_ptr_array_index (b->contacts, i);

      if (x->id != y->id || !text_equal (x->name, y->name) ||
          !text_equal (x->title, y->title) || !text_equal (x->email, y->email) ||
          !text_equal (x->phone, y->phone))
        return FALSE;
    }

  return TRUE;
}

gboolean
kt_suppliers_view_is_dirty (KtSuppliersView *self)
{
  g_autoptr(KtSupplier) record = NULL;

  if (self->base == NULL || kt_suppliers_view_is_read_only (self))
    return FALSE;

  record = kt_supplier_editor_get_supplier (KT_SUPPLIER_EDITOR (self->editor), self->base);

  /* A new supplier left blank is no loss. */
  return !supplier_equal (record, self->base);
}

void
kt_suppliers_view_update_state (KtSuppliersView *self)
{
  g_autoptr(KtSupplier) record = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean read_only = kt_suppliers_view_is_read_only (self);
  gboolean writing = kt_write_is_pending (GTK_WIDGET (self));
  gboolean stored = self->base != NULL && self->base->id != 0;
  gboolean dirty = FALSE;

  self->can_save = FALSE;

  if (self->base != NULL)
    {
      record = kt_supplier_editor_get_supplier (KT_SUPPLIER_EDITOR (self->editor), self->base);
      problems = kt_supplier_validate (record);
      dirty = !supplier_equal (record, self->base);
      kt_supplier_editor_show_problems (KT_SUPPLIER_EDITOR (self->editor), problems);
      self->can_save = !read_only && !writing && dirty && problems->len == 0;
    }

  /* While a save waits for the file, the form stays as it is. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suppliers.save", self->can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suppliers.revert",
                                 !read_only && !writing && dirty && stored);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suppliers.delete",
                                 !read_only && !writing && stored);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suppliers.add", !read_only && !writing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "suppliers.history", stored);

  gtk_widget_set_visible (self->save_button, !read_only && self->base != NULL);
  gtk_widget_set_visible (self->revert_button, !read_only && self->base != NULL);
  gtk_widget_set_visible (self->delete_button, !read_only && self->base != NULL);
  gtk_widget_set_visible (self->history_button, self->base != NULL);
}

static void
select_id (KtSuppliersView *self,
           gint64           id)
{
  kt_supplier_list_select (KT_SUPPLIER_LIST (self->list), id);
}

static GPtrArray *
contracts_of (KtSuppliersView *self,
              gint64           supplier_id)
{
  GPtrArray *mine = g_ptr_array_new ();

  for (guint i = 0; self->contracts != NULL && i < self->contracts->len; i++)
    {
      KtContract *c = g_ptr_array_index (self->contracts, i);

      if (c->supplier_id == supplier_id)
        g_ptr_array_add (mine, c);
    }

  return mine;
}

void
kt_suppliers_view_show_record (KtSuppliersView *self,
                               KtSupplier      *supplier)
{
  g_clear_pointer (&self->base, kt_supplier_free);
  self->base = supplier;
  kt_suppliers_view_set_note (self, NULL);

  if (supplier == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->editor_stack), "empty");
      gtk_label_set_text (GTK_LABEL (self->title_label), "");
    }
  else
    {
      g_autoptr(GPtrArray) mine = supplier->id != 0 ? contracts_of (self, supplier->id) : NULL;

      kt_supplier_editor_set_supplier (KT_SUPPLIER_EDITOR (self->editor), supplier, mine);
      kt_supplier_editor_set_editable (KT_SUPPLIER_EDITOR (self->editor),
                                       !kt_suppliers_view_is_read_only (self));
      gtk_label_set_text (GTK_LABEL (self->title_label),
                          supplier->id != 0 && supplier->name != NULL
                          ? supplier->name : _("New Supplier"));
      gtk_stack_set_visible_child_name (GTK_STACK (self->editor_stack), "editor");
    }

  kt_suppliers_view_update_state (self);
}

void
kt_suppliers_view_load (KtSuppliersView *self,
                        gint64           id)
{
  g_autoptr(GError) error = NULL;
  KtSupplier *supplier = kt_store_get_supplier (self->store, id, &error);

  if (supplier == NULL)
    {
      kt_dialog_show_error (GTK_WIDGET (self), _("The Supplier Could Not Be Opened"),
                            error->message);
      kt_suppliers_view_show_record (self, NULL);
      select_id (self, 0);
      return;
    }

  kt_suppliers_view_show_record (self, supplier);
  select_id (self, id);
  adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
start_new (KtSuppliersView *self)
{
  select_id (self, 0);
  kt_suppliers_view_show_record (self, kt_supplier_new ());
  adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
  kt_supplier_editor_focus_name (KT_SUPPLIER_EDITOR (self->editor));
}

static void
do_pending (KtSuppliersView *self,
            gint64           pending)
{
  if (pending == PENDING_NEW)
    start_new (self);
  else
    kt_suppliers_view_load (self, pending);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     KtSuppliersView  *self)
{
  gint64 *pending = g_object_get_data (G_OBJECT (dialog), "pending");

  if (g_strcmp0 (response, "discard") == 0)
    do_pending (self, *pending);
}

/* Runs pending at once, or after the user agreed to lose their changes. */
static void
leave_current (KtSuppliersView *self,
               gint64           pending)
{
  GtkWidget *dialog;
  gint64 *data;

  /* A save waiting for the file finishes first: going elsewhere now would
   * save what the form no longer shows. */
  if (kt_write_is_pending (GTK_WIDGET (self)))
    {
      select_id (self, self->base != NULL ? self->base->id : 0);
      return;
    }

  if (!kt_suppliers_view_is_dirty (self))
    {
      do_pending (self, pending);
      return;
    }

  /* Until the user decides, the list shows what the editor shows. */
  select_id (self, self->base->id);

  dialog = adw_message_dialog_new (kt_dialog_parent_for (GTK_WIDGET (self)),
                                   _("Discard Unsaved Changes?"),
                                   _("The changes to this supplier have not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new (gint64, 1);
  *data = pending;
  g_object_set_data_full (G_OBJECT (dialog), "pending", data, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
supplier_chosen_cb (KtSuppliersView *self,
                    gint64           id)
{
  if (self->base != NULL && self->base->id == id)
    {
      adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
      return;
    }

  leave_current (self, id);
}

gboolean
kt_suppliers_view_read_list (KtSuppliersView  *self,
                             GError          **error)
{
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GPtrArray) contracts = NULL;

  if (self->store == NULL)
    {
      g_clear_pointer (&self->contracts, g_ptr_array_unref);
      kt_supplier_list_set_suppliers (KT_SUPPLIER_LIST (self->list), NULL, NULL);
      return TRUE;
    }

  suppliers = kt_store_list_suppliers (self->store, error);
  if (suppliers == NULL)
    return FALSE;

  /* For the counts, and each supplier's contracts in the editor. */
  contracts = kt_store_list_contracts (self->store, error);
  if (contracts == NULL)
    return FALSE;

  g_clear_pointer (&self->contracts, g_ptr_array_unref);
  self->contracts = g_steal_pointer (&contracts);
  kt_supplier_list_set_suppliers (KT_SUPPLIER_LIST (self->list), suppliers, self->contracts);

  return TRUE;
}

static void
editor_changed_cb (KtSuppliersView *self)
{
  kt_suppliers_view_update_state (self);
}

static void
editor_contract_activated_cb (KtSuppliersView *self,
                              gint64           id)
{
  g_signal_emit (self, signals[CONTRACT_ACTIVATED], 0, id);
}

static void
back_clicked_cb (KtSuppliersView *self)
{
  adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KtSuppliersView *self = KT_SUPPLIERS_VIEW (widget);
  KtSupplier *latest;

  if (self->base == NULL || self->base->id == 0)
    return;

  /* The version in the file: a colleague's change announced in the note
   * is what the user goes back to. */
  latest = kt_store_get_supplier (self->store, self->base->id, NULL);
  kt_suppliers_view_show_record (self, latest != NULL ? latest : kt_supplier_copy (self->base));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KtSuppliersView *self = KT_SUPPLIERS_VIEW (widget);

  if (!kt_suppliers_view_is_read_only (self))
    leave_current (self, PENDING_NEW);
}

void
kt_suppliers_view_show_store_state (KtSuppliersView *self)
{
  gboolean read_only = self->store != NULL && kt_store_is_read_only (self->store);

  if (read_only)
    {
      const char *reason = kt_store_get_read_only_reason (self->store);
      g_autofree char *text =
        /* Translators: %s says why, e.g. "The portfolio was opened read-only." */
        g_strdup_printf (_("Suppliers cannot be changed. %s"), reason != NULL ? reason : "");

      gtk_label_set_text (GTK_LABEL (self->read_only_label), text);
    }

  gtk_widget_set_visible (self->read_only_label, read_only);
}

static void
kt_suppliers_view_dispose (GObject *object)
{
  KtSuppliersView *self = KT_SUPPLIERS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_SUPPLIERS_VIEW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->contracts, g_ptr_array_unref);
  g_clear_pointer (&self->base, kt_supplier_free);
  g_clear_weak_pointer (&self->history);

  G_OBJECT_CLASS (kt_suppliers_view_parent_class)->dispose (object);
}

static void
kt_suppliers_view_class_init (KtSuppliersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_suppliers_view_dispose;

  signals[CONTRACT_ACTIVATED] =
    g_signal_new ("contract-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (KT_TYPE_SUPPLIER_EDITOR);
  g_type_ensure (KT_TYPE_SUPPLIER_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-suppliers-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, KtSuppliersView, name)
  BIND (leaflet);
  BIND (list);
  BIND (editor_box);
  BIND (back_button);
  BIND (title_label);
  BIND (save_button);
  BIND (revert_button);
  BIND (delete_button);
  BIND (history_button);
  BIND (read_only_label);
  BIND (note_revealer);
  BIND (note_label);
  BIND (editor_stack);
  BIND (editor);
#undef BIND

  kt_suppliers_view_class_add_writes (widget_class);
  gtk_widget_class_install_action (widget_class, "suppliers.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "suppliers.add", NULL, add_action);

  /* Application accelerators do not reach widget actions. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "suppliers.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kt_suppliers_view_init (KtSuppliersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->list, "supplier-chosen", G_CALLBACK (supplier_chosen_cb), self);
  g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (editor_changed_cb), self);
  g_signal_connect_swapped (self->editor, "contract-activated",
                            G_CALLBACK (editor_contract_activated_cb), self);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible",
                          G_BINDING_SYNC_CREATE);

  kt_suppliers_view_update_state (self);
}

KtSuppliersView *
kt_suppliers_view_new (void)
{
  return g_object_new (KT_TYPE_SUPPLIERS_VIEW, NULL);
}

void
kt_suppliers_view_set_store (KtSuppliersView *self,
                             KtStore         *store)
{
  g_autoptr(GError) error = NULL;
  gint64 first;

  g_return_if_fail (KT_IS_SUPPLIERS_VIEW (self));
  g_return_if_fail (store == NULL || KT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Another portfolio: nothing of the old one may stay in the editor. */
  g_clear_pointer (&self->base, kt_supplier_free);
  kt_suppliers_view_show_store_state (self);
  if (!kt_suppliers_view_read_list (self, &error))
    {
      kt_supplier_list_set_suppliers (KT_SUPPLIER_LIST (self->list), NULL, NULL);
      kt_dialog_show_error (GTK_WIDGET (self), _("The Suppliers Could Not Be Read"),
                            error->message);
    }
  kt_suppliers_view_show_record (self, NULL);

  first = kt_supplier_list_get_first_id (KT_SUPPLIER_LIST (self->list));
  if (first != 0)
    {
      KtSupplier *supplier = kt_store_get_supplier (store, first, NULL);

      if (supplier != NULL)
        {
          kt_suppliers_view_show_record (self, supplier);
          select_id (self, first);
        }
    }
}

void
kt_suppliers_view_reload (KtSuppliersView *self)
{
  g_return_if_fail (KT_IS_SUPPLIERS_VIEW (self));

  kt_suppliers_view_refresh (self);
}

gboolean
kt_suppliers_view_has_unsaved_changes (KtSuppliersView *self)
{
  g_return_val_if_fail (KT_IS_SUPPLIERS_VIEW (self), FALSE);

  return kt_suppliers_view_is_dirty (self);
}

gboolean
kt_suppliers_view_show_supplier (KtSuppliersView *self,
                                 gint64           id)
{
  g_return_val_if_fail (KT_IS_SUPPLIERS_VIEW (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  if (self->base != NULL && self->base->id == id)
    {
      adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
      return TRUE;
    }
  if (kt_suppliers_view_is_dirty (self))
    return FALSE;

  kt_suppliers_view_load (self, id);
  return self->base != NULL && self->base->id == id;
}
