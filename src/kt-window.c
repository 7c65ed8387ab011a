/* kt-window.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-contract-page.h"
#include "kt-document-indexer.h"
#include "kt-portfolio-view.h"
#include "kt-matrix-view.h"
#include "kt-preferences-window.h"
#include "kt-projector-window.h"
#include "kt-search-view.h"
#include "kt-suppliers-view.h"
#include "kt-tender-plan-view.h"
#include "kt-timeline-view.h"
#include "kt-undo-toast.h"
#include "kt-upcoming-view.h"
#include "kt-window.h"
#include "kt-window-private.h"
#include "kt-write-retry.h"


G_DEFINE_FINAL_TYPE (KtWindow, kt_window, ADW_TYPE_APPLICATION_WINDOW)

typedef void (*ContinueFunc) (KtWindow *self,
                              gpointer  data);

typedef struct {
  KtWindow       *self;
  ContinueFunc    func;
  gpointer        data;
  GDestroyNotify  destroy;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_object_unref (pending->self);
  g_free (pending);
}

static void
toast (KtWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_error_dialog (KtWindow   *self,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
editing_with_changes (KtWindow *self)
{
  return gtk_stack_get_visible_child (self->main_stack) == GTK_WIDGET (self->contract_page) &&
         kt_contract_page_has_unsaved_changes (self->contract_page);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Pending          *pending)
{
  if (g_strcmp0 (response, "discard") == 0)
    pending->func (pending->self, pending->data);
  pending_free (pending);
}

/* Runs func now, or after the user agreed to discard the changes of the
 * open contract. */
static void
confirm_discard (KtWindow       *self,
                 ContinueFunc    func,
                 gpointer        data,
                 GDestroyNotify  destroy)
{
  Pending *pending;
  GtkWidget *dialog;

  if (!editing_with_changes (self))
    {
      func (self, data);
      if (destroy != NULL)
        destroy (data);
      return;
    }

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->func = func;
  pending->data = data;
  pending->destroy = destroy;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("The contract has changes that are not saved. "
                                     "Discarded changes cannot be recovered."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_browse (KtWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "browse");
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "portfolio") == 0)
    kt_portfolio_view_focus_table (self->portfolio_view);
}

static void
reload_lists (KtWindow *self,
              gint64    select_id)
{
  g_autoptr(GError) error = NULL;

  if (!kt_portfolio_view_reload (self->portfolio_view, &error))
    toast (self, error->message);
  else if (select_id != 0)
    kt_portfolio_view_select (self->portfolio_view, select_id);
  kt_suppliers_view_reload (self->suppliers_view);
  /* A contract's terms are where its computed deadlines come from. */
  kt_upcoming_view_invalidate (self->upcoming_view);
  kt_tender_plan_view_invalidate (self->tender_plan_view);
  kt_timeline_view_invalidate (self->timeline_view);
  /* Spend, criticality and terms are what a supplier's place comes from. */
  kt_matrix_view_invalidate (self->matrix_view);
}

static void
update_actions (KtWindow *self)
{
  gboolean writable = self->store != NULL && !kt_store_is_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-contract", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search-all", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-upcoming", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backups", self->store != NULL);
}

static void
set_store (KtWindow *self,
           KtStore  *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  /* An undo must not reach into another portfolio. */
  kt_undo_toast_dismiss (self->toast_overlay);
  g_set_object (&self->store, store);

  /* Each portfolio has its own documents folder and index. */
  if (self->indexer != NULL)
    kt_document_indexer_stop (self->indexer);
  g_clear_object (&self->indexer);
  g_clear_object (&self->library);
  self->library = kt_document_library_new (store);
  self->indexer = kt_document_indexer_new (kt_store_get_path (store));
  kt_contract_page_set_library (self->contract_page, self->library);
  kt_search_view_set_store (self->search_view, store);
  kt_search_view_set_indexer (self->search_view, self->indexer);
  /* Documents a colleague attached, or ones attached before a crash. */
  kt_document_indexer_start (self->indexer);

  kt_contract_page_set_store (self->contract_page, store);
  kt_suppliers_view_set_store (self->suppliers_view, store);
  kt_upcoming_view_set_store (self->upcoming_view, store);
  kt_tender_plan_view_set_store (self->tender_plan_view, store);
  kt_timeline_view_set_store (self->timeline_view, store);
  kt_matrix_view_set_store (self->matrix_view, store);
  if (!kt_portfolio_view_set_store (self->portfolio_view, store, &error))
    toast (self, error->message);

  name = g_filename_display_basename (kt_store_get_path (store));
  /* Translators: the window title; %s is the file name of the open portfolio */
  title = g_strdup_printf (_("Kontrakter — %s"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);

  if (kt_store_is_read_only (store))
    {
      const char *reason = kt_store_get_read_only_reason (store);

      gtk_label_set_label (self->read_only_label,
                           reason != NULL && *reason != '\0' ? reason
                           : _("This portfolio is open read-only: changes cannot be saved."));
      gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->read_only_revealer, FALSE);

  kt_window_sharing_start (self);

  update_actions (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "portfolio");
  show_browse (self);
}

typedef struct {
  char             *path;
  KtStoreOpenFlags  flags;
} OpenRequest;

static void
open_request_free (gpointer data)
{
  OpenRequest *request = data;

  g_free (request->path);
  g_free (request);
}

static void
open_now (KtWindow *self,
          gpointer  data)
{
  OpenRequest *request = data;
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  store = kt_store_open (request->path, request->flags, &error);
  if (store == NULL && g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CORRUPT))
    {
      kt_window_offer_backup (self, request->path, error->message);
      return;
    }
  if (store == NULL)
    {
      /* The store's messages name the file */
      show_error_dialog (self, _("Could Not Open the Portfolio"), error->message);
      return;
    }

  set_store (self, store);
  if (KT_IS_APPLICATION (app))
    kt_application_add_recent (KT_APPLICATION (app), kt_store_get_path (store));
}

static void
new_contract_now (KtWindow *self,
                  gpointer  data)
{
  kt_contract_page_new_contract (self->contract_page);
  gtk_stack_set_visible_child_name (self->main_stack, "contract");
}

static void
close_now (KtWindow *self,
           gpointer  data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
go_back_now (KtWindow *self,
             gpointer  data)
{
  if (g_strcmp0 (self->contract_return, "search") == 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "search");
      kt_search_view_focus_entry (self->search_view);
    }
  else
    show_browse (self);
}

static void
contract_activated_cb (KtWindow *self,
                       gint64    id)
{
  g_autoptr(GError) error = NULL;

  if (!kt_contract_page_load (self->contract_page, id, &error))
    {
      toast (self, error->message);
      return;
    }
  self->contract_return = "browse";
  gtk_stack_set_visible_child_name (self->main_stack, "contract");
}

/* A hit: its contract, and the document at the hit's page with the words
 * found, in the document's own window beside it. Back returns to the hits. */
static void
search_hit_activated_cb (KtWindow          *self,
                         KtSearchHit       *hit,
                         const char *const *words)
{
  contract_activated_cb (self, hit->contract_id);
  if (gtk_stack_get_visible_child (self->main_stack) != GTK_WIDGET (self->contract_page))
    return;

  self->contract_return = "search";
  /* A problem (the document removed meanwhile) is shown by the page. */
  if (hit->document_id != 0)
    kt_contract_page_open_document (self->contract_page, hit->document_id, hit->page, words);
}

static void
documents_changed_cb (KtWindow *self)
{
  if (self->indexer != NULL)
    kt_document_indexer_start (self->indexer);
}

static void
show_search_now (KtWindow *self,
                 gpointer  data)
{
  gtk_stack_set_visible_child_name (self->main_stack, "search");
  kt_search_view_focus_entry (self->search_view);
}

static void
search_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KtWindow *self = KT_WINDOW (widget);

  if (self->store != NULL)
    confirm_discard (self, show_search_now, NULL, NULL);
}

static void
close_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_browse (KT_WINDOW (widget));
}

/* From a deadline: its contract, with the row of the deadline focused so that
 * the activity itself is what the user lands on (and hears). */
static void
deadline_activated_cb (KtWindow *self,
                       gint64    contract_id,
                       gint64    activity_id,
                       int       derived_kind)
{
  contract_activated_cb (self, contract_id);
  if (gtk_stack_get_visible_child (self->main_stack) == GTK_WIDGET (self->contract_page))
    kt_contract_page_focus_deadline (self->contract_page, activity_id, derived_kind);
}

static void
contract_saved_cb (KtWindow *self,
                   gint64    id)
{
  reload_lists (self, id);
}

typedef struct {
  KtWindow *self;
  KtStore  *store;
  gint64    id;
} Restore;

static void
restore_free (Restore *restore)
{
  g_object_unref (restore->self);
  g_object_unref (restore->store);
  g_free (restore);
}

static gboolean
restore_write_cb (gpointer   data,
                  GError   **error)
{
  Restore *restore = data;

  return kt_store_restore_contract (restore->store, restore->id, error);
}

static void
restore_done_cb (gpointer      data,
                 const GError *error)
{
  Restore *restore = data;
  KtWindow *self = restore->self;

  if (error != NULL)
    {
      if (!kt_write_error_was_shown (error))
        toast (self, error->message);
      return;
    }
  if (self->store == restore->store)
    reload_lists (self, restore->id);
}

static void
restore_contract_cb (gpointer data)
{
  Restore *undo = data;
  Restore *restore = g_new0 (Restore, 1);

  /* The toast frees its data once this returns; the write may wait longer
   * for a colleague's lock. */
  restore->self = g_object_ref (undo->self);
  restore->store = g_object_ref (undo->store);
  restore->id = undo->id;
  if (!kt_write_run (GTK_WIDGET (restore->self), restore_write_cb, restore_done_cb,
                     restore, (GDestroyNotify) restore_free))
    {
      toast (restore->self, _("The contract was not brought back: another change is still "
                              "waiting to be saved."));
      restore_free (restore);
    }
}

static void
contract_deleted_cb (KtWindow *self,
                     gint64    id)
{
  Restore *restore;

  show_browse (self);
  reload_lists (self, 0);

  restore = g_new0 (Restore, 1);
  restore->self = g_object_ref (self);
  restore->store = g_object_ref (self->store);
  restore->id = id;
  kt_undo_toast_show (GTK_WIDGET (self->portfolio_view), _("Contract deleted"),
                      restore_contract_cb, restore, (GDestroyNotify) restore_free);
}

static void
activities_changed_cb (KtWindow *self)
{
  kt_upcoming_view_invalidate (self->upcoming_view);
  kt_timeline_view_invalidate (self->timeline_view);
}

static void
contract_close_requested_cb (KtWindow *self)
{
  confirm_discard (self, go_back_now, NULL, NULL);
}

static void
view_changed_cb (KtWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean portfolio = g_strcmp0 (name, "portfolio") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->search_button), portfolio);

  /* Suppliers may have been renamed on the other page */
  if (portfolio && self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!kt_portfolio_view_reload (self->portfolio_view, &error))
        toast (self, error->message);
    }
}

static void
main_page_changed_cb (KtWindow *self)
{
  /* Nothing to search or add without a portfolio */
  update_actions (self);
}

static void
new_contract_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KtWindow *self = KT_WINDOW (widget);

  if (self->store == NULL || kt_store_is_read_only (self->store))
    return;
  confirm_discard (self, new_contract_now, NULL, NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KtWindow *self = KT_WINDOW (widget);

  if (gtk_stack_get_visible_child (self->main_stack) == GTK_WIDGET (self->contract_page) ||
      self->store == NULL)
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "search") == 0)
    {
      kt_search_view_focus_entry (self->search_view);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "portfolio");
  kt_portfolio_view_focus_search (self->portfolio_view);
}

/* Ctrl+Z while the toast is shown: the toast's button is out of reach of
 * the keyboard and of screen readers. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KtWindow *self = KT_WINDOW (widget);

  kt_undo_toast_run (self->toast_overlay);
}

static void
preferences_saved_cb (KtWindow *self)
{
  kt_upcoming_view_invalidate (self->upcoming_view);
  kt_tender_plan_view_invalidate (self->tender_plan_view);
  kt_timeline_view_invalidate (self->timeline_view);
  kt_matrix_view_invalidate (self->matrix_view);
  kt_contract_page_refresh_deadlines (self->contract_page);
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KtWindow *self = KT_WINDOW (widget);

  if (self->store == NULL)
    return;

  /* What the committee sees is what is saved: the projector reads the file. */
  gtk_window_present (GTK_WINDOW (kt_projector_window_new (GTK_WINDOW (self), self->store)));
}

/* From the matrix: the supplier on the Suppliers page. */
static void
backups_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kt_window_show_backups (KT_WINDOW (widget));
}

static void
supplier_activated_cb (KtWindow *self,
                       gint64    supplier_id)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "suppliers");
  if (!kt_suppliers_view_show_supplier (self->suppliers_view, supplier_id))
    toast (self, _("Save or revert the supplier you are editing to show another one."));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KtWindow *self = KT_WINDOW (widget);
  KtPreferencesWindow *preferences;

  if (self->store == NULL)
    return;

  preferences = kt_preferences_window_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (preferences, "saved", G_CALLBACK (preferences_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
show_upcoming_now (KtWindow *self,
                   gpointer  data)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "upcoming");
  show_browse (self);
  kt_upcoming_view_focus_list (self->upcoming_view);
}

static void
show_upcoming_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  kt_window_show_upcoming (KT_WINDOW (widget));
}

static void
save_window_state (KtWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = KT_IS_APPLICATION (app) ? kt_application_get_settings (KT_APPLICATION (app)) : NULL;
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
kt_window_close_request (GtkWindow *window)
{
  KtWindow *self = KT_WINDOW (window);

  if (!self->close_confirmed && editing_with_changes (self))
    {
      confirm_discard (self, close_now, NULL, NULL);
      return TRUE;
    }

  save_window_state (self);
  return GTK_WINDOW_CLASS (kt_window_parent_class)->close_request (window);
}

/* Not in constructed: GObject sets "application", not a construct
 * property, only after constructed has run. */
static void
attach_application (KtWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = NULL;

  if (KT_IS_APPLICATION (app))
    {
      settings = kt_application_get_settings (KT_APPLICATION (app));
      g_menu_append_section (self->recent_submenu, NULL,
                             kt_application_get_recent_menu (KT_APPLICATION (app)));
    }

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), 1100, 700);
}

static void
kt_window_dispose (GObject *object)
{
  KtWindow *self = KT_WINDOW (object);

  kt_window_sharing_stop (self);
  if (self->indexer != NULL)
    kt_document_indexer_stop (self->indexer);
  g_clear_object (&self->indexer);
  g_clear_object (&self->library);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kt_window_parent_class)->dispose (object);
}

static void
kt_window_class_init (KtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kt_window_dispose;
  window_class->close_request = kt_window_close_request;

  g_type_ensure (KT_TYPE_PORTFOLIO_VIEW);
  g_type_ensure (KT_TYPE_SUPPLIERS_VIEW);
  g_type_ensure (KT_TYPE_UPCOMING_VIEW);
  g_type_ensure (KT_TYPE_TENDER_PLAN_VIEW);
  g_type_ensure (KT_TYPE_TIMELINE_VIEW);
  g_type_ensure (KT_TYPE_MATRIX_VIEW);
  g_type_ensure (KT_TYPE_CONTRACT_PAGE);
  g_type_ensure (KT_TYPE_SEARCH_VIEW);
  g_type_ensure (KT_TYPE_PRESENCE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kontrakter/Kontrakter/kt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, unreachable_revealer);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, unreachable_label);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, presence_button);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, portfolio_view);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, suppliers_view);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, upcoming_view);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, tender_plan_view);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, contract_page);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, search_view);
  gtk_widget_class_bind_template_child (widget_class, KtWindow, recent_submenu);
  gtk_widget_class_bind_template_callback (widget_class, contract_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, deadline_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, supplier_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, contract_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, contract_deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, contract_close_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, activities_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, documents_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_hit_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, main_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.new-contract", NULL, new_contract_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.search-all", NULL, search_all_action);
  gtk_widget_class_install_action (widget_class, "win.close-search", NULL, close_search_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-upcoming", NULL, show_upcoming_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);

  /* Bubble phase: a page's own Ctrl+F or Ctrl+N, if it has one, wins */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-contract", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
}

static void
kt_window_init (KtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self->search_button, "active",
                          self->portfolio_view, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  update_actions (self);
}

KtWindow *
kt_window_new (KtApplication *application)
{
  KtWindow *self = g_object_new (KT_TYPE_WINDOW, "application", application, NULL);

  attach_application (self);
  return self;
}

void
kt_window_request_open (KtWindow         *self,
                        const char       *path,
                        KtStoreOpenFlags  flags)
{
  OpenRequest *request;

  g_return_if_fail (KT_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  request = g_new0 (OpenRequest, 1);
  request->path = g_strdup (path);
  request->flags = flags;
  confirm_discard (self, open_now, request, open_request_free);
}

void
kt_window_request_create (KtWindow   *self,
                          const char *path)
{
  g_return_if_fail (KT_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *body = NULL;

      /* Translators: %s is a file name */
      body = g_strdup_printf (_("A file named “%s” already exists. Kontrakter never replaces "
                                "a file: choose another name."), name);
      show_error_dialog (self, _("Could Not Create the Portfolio"), body);
      return;
    }

  kt_window_request_open (self, path, KT_STORE_OPEN_CREATE);
}

KtStore *
kt_window_get_store (KtWindow *self)
{
  g_return_val_if_fail (KT_IS_WINDOW (self), NULL);

  return self->store;
}

void
kt_window_show_upcoming (KtWindow *self)
{
  g_return_if_fail (KT_IS_WINDOW (self));

  gtk_window_present (GTK_WINDOW (self));
  if (self->store != NULL)
    confirm_discard (self, show_upcoming_now, NULL, NULL);
}
