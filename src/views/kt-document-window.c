/* kt-document-window.c — the window, its header and its actions
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-document-window-private.h"
#include "kt-pdf-thumbnails.h"
#include "kt-undo-toast.h"

G_DEFINE_FINAL_TYPE (KtDocumentWindow, kt_document_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  ACTIVITIES_CHANGED,
  DOCUMENT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The zoom menu's percentages */
static const int zoom_steps[] = { 50, 75, 100, 125, 150, 200, 300, 400 };

static const char *state_pages[] = {
  [KT_DOCUMENT_WINDOW_LOADING] = "loading",
  [KT_DOCUMENT_WINDOW_MISSING] = "missing",
  [KT_DOCUMENT_WINDOW_PASSWORD] = "password",
  [KT_DOCUMENT_WINDOW_FAILED] = "failed",
  [KT_DOCUMENT_WINDOW_READY] = "document",
};

/* ---- helpers ---- */

static char *
format_percent (double zoom)
{
  /* Translators: a zoom level; Danish puts a space before the % sign too */
  return g_strdup_printf (_("%d %%"), (int) (zoom * 100 + 0.5));
}

static GMenuModel *
create_zoom_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) fit = g_menu_new ();
  g_autoptr(GMenu) steps = g_menu_new ();
  g_autoptr(GMenu) in_out = g_menu_new ();
  g_autoptr(GMenuItem) zoom_in = g_menu_item_new (_("Zoom _In"), "doc.zoom-in");
  g_autoptr(GMenuItem) zoom_out = g_menu_item_new (_("Zoom _Out"), "doc.zoom-out");

  g_menu_append (fit, _("Fit _Width"), "doc.zoom-fit-width");
  g_menu_append (fit, _("Fit _Page"), "doc.zoom-fit-page");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (fit));

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    {
      g_autofree char *label = format_percent (zoom_steps[i] / 100.0);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "doc.zoom",
                                               g_variant_new_double (zoom_steps[i] / 100.0));
      g_menu_append_item (steps, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (steps));

  g_menu_item_set_attribute (zoom_in, "accel", "s", "<Control>plus");
  g_menu_item_set_attribute (zoom_out, "accel", "s", "<Control>minus");
  g_menu_append_item (in_out, zoom_in);
  g_menu_append_item (in_out, zoom_out);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (in_out));

  return G_MENU_MODEL (menu);
}

void
kt_document_window_update_titles (KtDocumentWindow *self)
{
  const KtDocument *d = self->document;
  g_autofree char *subtitle = NULL;

  gtk_window_set_title (GTK_WINDOW (self), d->original_name);
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), d->original_name);

  if (d->contract_number != NULL || d->contract_name != NULL)
    /* Translators: the document window's subtitle: contract number and name */
    subtitle = g_strdup_printf (_("%s – %s"), d->contract_number != NULL ? d->contract_number : "",
                                d->contract_name != NULL ? d->contract_name : "");
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title),
                                 subtitle != NULL ? subtitle : "");
}

static void
update_page_entry (KtDocumentWindow *self)
{
  g_autofree char *number = NULL;
  guint n_pages = self->pdf != NULL ? kt_pdf_document_get_n_pages (self->pdf) : 0;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Do not overwrite what the user is typing */
  if (n_pages == 0 || (focus != NULL && gtk_widget_is_ancestor (focus, self->page_entry)))
    return;

  number = g_strdup_printf ("%u", kt_pdf_view_get_page (KT_PDF_VIEW (self->pdf_view)) + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);
}

static void
update_page_count (KtDocumentWindow *self)
{
  guint n_pages = self->pdf != NULL ? kt_pdf_document_get_n_pages (self->pdf) : 0;
  g_autofree char *text = NULL;

  /* Translators: after the page number entry, "3 of 40" */
  text = g_strdup_printf (_("of %u"), n_pages);
  gtk_label_set_text (GTK_LABEL (self->page_count_label), n_pages > 0 ? text : "");
  update_page_entry (self);
}

static void
update_zoom_label (KtDocumentWindow *self)
{
  g_autofree char *label = format_percent (kt_pdf_view_get_zoom (KT_PDF_VIEW (self->pdf_view)));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->zoom_button), label);
}

static void
show_clauses_sidebar (KtDocumentWindow *self)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->sidebar_stack), "clauses");
  gtk_widget_set_visible (self->sidebar, TRUE);
}

static gboolean
focus_sidebar_cb (gpointer data)
{
  KtDocumentWindow *self = data;
  GtkWidget *shown = gtk_stack_get_visible_child (GTK_STACK (self->sidebar_stack));

  if (shown == self->clause_panel)
    kt_clause_panel_focus (KT_CLAUSE_PANEL (self->clause_panel));
  else if (shown != NULL)
    gtk_widget_child_focus (shown, GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

/* Into the sidebar's list, once it is shown (a hidden one takes no focus) */
static void
focus_sidebar (KtDocumentWindow *self)
{
  gtk_widget_set_visible (self->sidebar, TRUE);
  g_idle_add_full (G_PRIORITY_LOW, focus_sidebar_cb, g_object_ref (self), g_object_unref);
}

/* ---- callbacks ---- */

static void
page_entry_activate_cb (KtDocumentWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->page_entry));
  guint n_pages = self->pdf != NULL ? kt_pdf_document_get_n_pages (self->pdf) : 0;
  guint64 page = 0;

  if (n_pages == 0 ||
      !g_ascii_string_to_unsigned (g_strstrip ((char *) text), 10, 1, n_pages, &page, NULL))
    {
      gtk_widget_error_bell (self->page_entry);
      return;
    }

  kt_pdf_view_set_page (KT_PDF_VIEW (self->pdf_view), page - 1);
  gtk_widget_grab_focus (self->pdf_view);
  update_page_entry (self);
}

static void
password_activated_cb (KtDocumentWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "doc.unlock", NULL);
}

static void
changed_bar_response_cb (KtDocumentWindow *self,
                         int               response)
{
  if (response == GTK_RESPONSE_ACCEPT)
    kt_document_window_locate (self);
}

static gboolean
header_update_cb (gpointer data)
{
  KtDocumentWindow *self = data;

  self->header_update_id = 0;
  update_page_entry (self);
  update_zoom_label (self);
  return G_SOURCE_REMOVE;
}

/* "page" and "zoom" change while the view allocates itself (fit width) */
static void
view_notify_cb (KtDocumentWindow *self)
{
  if (self->header_update_id == 0)
    self->header_update_id = g_idle_add (header_update_cb, self);
}

static void
view_clause_activated_cb (KtDocumentWindow *self,
                          KtClause         *clause)
{
  show_clauses_sidebar (self);
  kt_clause_panel_select (KT_CLAUSE_PANEL (self->clause_panel), clause->id);
}

/* ---- actions ---- */

static void
window_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  KtDocumentWindow *self = KT_DOCUMENT_WINDOW (widget);
  KtPdfView *view = KT_PDF_VIEW (self->pdf_view);

  if (g_str_equal (name, "doc.toggle-sidebar"))
    gtk_widget_set_visible (self->sidebar, !gtk_widget_get_visible (self->sidebar));
  else if (g_str_equal (name, "doc.show-clauses"))
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->sidebar_stack), "clauses");
      focus_sidebar (self);
    }
  else if (g_str_equal (name, "doc.switch-pane"))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      /* F6 goes between the pages and the sidebar, as in other GNOME apps */
      if (focus != NULL && gtk_widget_get_visible (self->sidebar) &&
          gtk_widget_is_ancestor (focus, self->sidebar))
        gtk_widget_grab_focus (self->pdf_view);
      else
        focus_sidebar (self);
    }
  else if (g_str_equal (name, "doc.go-to-page"))
    {
      gtk_widget_grab_focus (self->page_entry);
      gtk_editable_select_region (GTK_EDITABLE (self->page_entry), 0, -1);
    }
  else if (g_str_equal (name, "doc.find"))
    kt_document_window_find_show (self);
  else if (g_str_equal (name, "doc.find-next"))
    kt_document_window_find_next (self, TRUE);
  else if (g_str_equal (name, "doc.find-previous"))
    kt_document_window_find_next (self, FALSE);
  else if (g_str_equal (name, "doc.mark-clause"))
    kt_document_window_mark_clause (self);
  else if (g_str_equal (name, "doc.export"))
    kt_document_window_export (self);
  else if (g_str_equal (name, "doc.open-external"))
    kt_document_window_open_external (self);
  else if (g_str_equal (name, "doc.copy"))
    kt_pdf_view_copy_selection (view);
  else if (g_str_equal (name, "doc.close"))
    gtk_window_close (GTK_WINDOW (self));
  else if (g_str_equal (name, "doc.undo"))
    kt_undo_toast_run (self->toast_overlay);
  else if (g_str_equal (name, "doc.zoom-in"))
    kt_pdf_view_zoom_in (view);
  else if (g_str_equal (name, "doc.zoom-out"))
    kt_pdf_view_zoom_out (view);
  else if (g_str_equal (name, "doc.zoom-fit-width"))
    kt_pdf_view_set_zoom_mode (view, KT_PDF_ZOOM_FIT_WIDTH);
  else if (g_str_equal (name, "doc.zoom-fit-page"))
    kt_pdf_view_set_zoom_mode (view, KT_PDF_ZOOM_FIT_PAGE);
  else if (g_str_equal (name, "doc.zoom"))
    kt_pdf_view_set_zoom (view, g_variant_get_double (parameter));
  else if (g_str_equal (name, "doc.locate"))
    kt_document_window_locate (self);
  else if (g_str_equal (name, "doc.unlock"))
    kt_document_window_unlock (self, gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));
}

/* ---- GObject ---- */

static void
kt_document_window_dispose (GObject *object)
{
  KtDocumentWindow *self = KT_DOCUMENT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->find_cancellable);
  if (self->pending_match != NULL)
    {
      g_autoptr(GTask) pending = g_steal_pointer (&self->pending_match);

      g_task_return_new_error (pending, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", "Closed");
    }
  g_clear_handle_id (&self->flash_id, g_source_remove);
  g_clear_handle_id (&self->header_update_id, g_source_remove);

  if (self->thumbnails != NULL)
    kt_pdf_thumbnails_set_view (KT_PDF_THUMBNAILS (self->thumbnails), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_DOCUMENT_WINDOW);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->find_cancellable);
  g_clear_object (&self->pdf);
  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_pointer (&self->document, kt_document_free);
  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  g_clear_pointer (&self->document_clauses, g_ptr_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->document_names, g_hash_table_unref);
  g_clear_pointer (&self->find_text, g_free);
  g_clear_pointer (&self->pending_words, g_strfreev);

  G_OBJECT_CLASS (kt_document_window_parent_class)->dispose (object);
}

static void
kt_document_window_class_init (KtDocumentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *actions[] = {
    "doc.toggle-sidebar", "doc.switch-pane", "doc.show-clauses", "doc.go-to-page", "doc.find",
    "doc.find-next", "doc.find-previous", "doc.mark-clause", "doc.export", "doc.open-external",
    "doc.copy", "doc.close", "doc.undo", "doc.zoom-in", "doc.zoom-out", "doc.zoom-fit-width",
    "doc.zoom-fit-page", "doc.locate", "doc.unlock",
  };
  static const struct {
    guint           key;
    GdkModifierType mods;
    const char     *action;
  } bindings[] = {
    { GDK_KEY_F9, 0, "doc.toggle-sidebar" },
    { GDK_KEY_f, GDK_CONTROL_MASK, "doc.find" },
    { GDK_KEY_l, GDK_CONTROL_MASK, "doc.go-to-page" },
    { GDK_KEY_g, GDK_CONTROL_MASK, "doc.find-next" },
    { GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "doc.find-previous" },
    { GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "doc.find-previous" },
    { GDK_KEY_m, GDK_CONTROL_MASK, "doc.mark-clause" },
    { GDK_KEY_e, GDK_CONTROL_MASK, "doc.export" },
    { GDK_KEY_c, GDK_CONTROL_MASK, "doc.copy" },
    { GDK_KEY_w, GDK_CONTROL_MASK, "doc.close" },
    { GDK_KEY_z, GDK_CONTROL_MASK, "doc.undo" },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "doc.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "doc.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "doc.zoom-in" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "doc.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "doc.zoom-out" },
  };

  object_class->dispose = kt_document_window_dispose;

  /* Emitted when a clause created or linked an activity. */
  signals[ACTIVITIES_CHANGED] = g_signal_new ("activities-changed", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 0);
  /* Emitted when a missing or changed file was located: put back, or
   * taken as the document's new version (the contract's list reloads). */
  signals[DOCUMENT_CHANGED] = g_signal_new ("document-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  g_type_ensure (KT_TYPE_PDF_VIEW);
  g_type_ensure (KT_TYPE_PDF_THUMBNAILS);
  g_type_ensure (KT_TYPE_CLAUSE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-document-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, page_box);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, page_entry);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, page_count_label);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, mark_button);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, match_label);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, state_stack);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, missing_status);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, password_entry);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, password_error_label);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, failed_status);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, changed_bar);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, clause_panel);
  gtk_widget_class_bind_template_child (widget_class, KtDocumentWindow, pdf_view);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, changed_bar_response_cb);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, window_action);
  gtk_widget_class_install_action (widget_class, "doc.zoom", "d", window_action);

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, bindings[i].mods,
                                         bindings[i].action, NULL);
}

static void
kt_document_window_init (KtDocumentWindow *self)
{
  g_autoptr(GMenuModel) zoom_menu = create_zoom_menu ();
  GtkEventController *shortcuts;
  GtkWidget *locate_button;
  GtkWidget *locate_label;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->state = KT_DOCUMENT_WINDOW_LOADING;

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->zoom_button), zoom_menu);
  g_object_bind_property (self->sidebar_button, "active", self->sidebar, "visible",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  locate_label = gtk_label_new_with_mnemonic (_("_Locate Original…"));
  locate_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (locate_button), locate_label);
  gtk_widget_set_tooltip_text (locate_button, _("Find the file that was attached and put it back "
                                                "in the documents folder"));
  /* Named by its label alone, without the mnemonic's underscore */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (locate_button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, locate_label, NULL,
                                  -1);
  gtk_info_bar_add_action_widget (GTK_INFO_BAR (self->changed_bar), locate_button,
                                  GTK_RESPONSE_ACCEPT);

  kt_pdf_thumbnails_set_view (KT_PDF_THUMBNAILS (self->thumbnails), KT_PDF_VIEW (self->pdf_view));
  g_signal_connect_object (self->pdf_view, "notify::page", G_CALLBACK (view_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_view, "notify::zoom", G_CALLBACK (view_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_view, "clause-activated", G_CALLBACK (view_clause_activated_cb),
                           self, G_CONNECT_SWAPPED);

  /* Before GtkPaned's own F6, which only knows its two children */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, 0),
                                                          gtk_named_action_new ("doc.switch-pane")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  kt_document_window_find_init (self);
  kt_document_window_clauses_init (self);
  update_zoom_label (self);
  kt_document_window_set_state (self, KT_DOCUMENT_WINDOW_LOADING);
}

/* ---- shared with the other files ---- */

void
kt_document_window_set_state (KtDocumentWindow     *self,
                              KtDocumentWindowState state)
{
  gboolean ready = state == KT_DOCUMENT_WINDOW_READY;

  self->state = state;
  gtk_stack_set_visible_child_name (GTK_STACK (self->state_stack), state_pages[state]);

  gtk_widget_set_sensitive (self->sidebar_button, ready);
  gtk_widget_set_sensitive (self->page_box, ready);
  gtk_widget_set_sensitive (self->zoom_button, ready);
  gtk_widget_set_sensitive (self->find_button, ready);
  if (!ready)
    gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), FALSE);

  if (ready)
    {
      update_page_count (self);
      update_zoom_label (self);
    }
  kt_document_window_update_actions (self);
}

void
kt_document_window_toast (KtDocumentWindow *self,
                          const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

KtDocumentWindowState
kt_document_window_get_state (KtDocumentWindow *self)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_WINDOW (self), KT_DOCUMENT_WINDOW_FAILED);

  return self->state;
}

KtPdfView *
kt_document_window_get_view (KtDocumentWindow *self)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_WINDOW (self), NULL);

  return KT_PDF_VIEW (self->pdf_view);
}

KtClausePanel *
kt_document_window_get_panel (KtDocumentWindow *self)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_WINDOW (self), NULL);

  return KT_CLAUSE_PANEL (self->clause_panel);
}

/* ---- public ---- */

KtDocumentWindow *
kt_document_window_new (GtkApplication    *application,
                        KtDocumentLibrary *library,
                        const KtDocument  *document)
{
  KtDocumentWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (KT_IS_DOCUMENT_LIBRARY (library), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (KT_TYPE_DOCUMENT_WINDOW,
                       "application", application,
                       NULL);
  self->library = g_object_ref (library);
  self->store = g_object_ref (kt_document_library_get_store (library));
  self->document = kt_document_copy (document);

  kt_document_window_update_titles (self);
  kt_document_window_open_start (self);

  return self;
}

gint64
kt_document_window_get_document_id (KtDocumentWindow *self)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_WINDOW (self), 0);

  return self->document->id;
}

void
kt_document_window_emit_activities_changed (KtDocumentWindow *self)
{
  g_signal_emit (self, signals[ACTIVITIES_CHANGED], 0);
}

void
kt_document_window_emit_document_changed (KtDocumentWindow *self)
{
  g_signal_emit (self, signals[DOCUMENT_CHANGED], 0);
}
