/* kt-document-list.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-document-list-private.h"
#include "kt-document-row.h"
#include "kt-list-refresh.h"

G_DEFINE_FINAL_TYPE (KtDocumentList, kt_document_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  ACTIVITIES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

KtStore *
kt_document_list_get_store (KtDocumentList *self)
{
  return self->library != NULL ? kt_document_library_get_store (self->library) : NULL;
}

gboolean
kt_document_list_is_writable (KtDocumentList *self)
{
  KtStore *store = kt_document_list_get_store (self);

  return store != NULL && !kt_store_is_read_only (store);
}

gboolean
kt_document_list_can_attach (KtDocumentList *self)
{
  return self->contract_id > 0 && kt_document_list_is_writable (self);
}

void
kt_document_list_emit_changed (KtDocumentList *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
kt_document_list_emit_activities_changed (KtDocumentList *self)
{
  g_signal_emit (self, signals[ACTIVITIES_CHANGED], 0);
}

void
kt_document_list_toast (KtDocumentList *self,
                        const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      kt_dialog_show_error (GTK_WIDGET (self), _("Documents"), message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static const char *
read_only_reason (KtDocumentList *self)
{
  KtStore *store = kt_document_list_get_store (self);
  const char *reason;

  if (store == NULL || !kt_store_is_read_only (store))
    return NULL;
  reason = kt_store_get_read_only_reason (store);
  return reason != NULL ? reason : _("The portfolio is read-only.");
}

static void
row_open_cb (KtDocumentList *self,
             KtDocumentRow  *row)
{
  kt_document_list_open_document (self, kt_document_row_get_document (row)->id);
}

static void
row_locate_cb (KtDocumentList *self,
               KtDocumentRow  *row)
{
  kt_document_list_locate (self, kt_document_row_get_document (row));
}

static void
row_show_in_folder_cb (KtDocumentList *self,
                       KtDocumentRow  *row)
{
  kt_document_list_show_in_folder (self, kt_document_row_get_document (row));
}

/* ---- rows ---- */

static void
add_row (KtDocumentList *self,
         GtkWidget      *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (KtDocumentList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static GtkWidget *
document_row_new (KtDocumentList   *self,
                  const KtDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWidget *row;

  /* Existence only: hashing every file on a network drive at each page
   * load would be slow; the document window checks the hash on opening. */
  path = kt_document_library_get_path (self->library, document, &error);
  row = kt_document_row_new (document,
                             path != NULL && !g_file_test (path, G_FILE_TEST_IS_REGULAR) ? path : NULL,
                             path == NULL ? error->message : NULL,
                             read_only_reason (self));

  g_signal_connect_object (row, "open", G_CALLBACK (row_open_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "locate", G_CALLBACK (row_locate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "show-in-folder", G_CALLBACK (row_show_in_folder_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (kt_document_list_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "kind-changed", G_CALLBACK (kt_document_list_change_kind), self,
                           G_CONNECT_SWAPPED);
  return row;
}

void
kt_document_list_update_header (KtDocumentList *self)
{
  const char *reason = read_only_reason (self);
  g_autofree char *description = NULL;

  if (self->library == NULL)
    description = NULL;
  else if (self->contract_id <= 0)
    description = g_strdup (_("Save the contract to attach documents."));
  else if (self->dragging)
    description = g_strdup (_("Drop the files to attach them to this contract."));
  else
    {
      g_autofree char *folder = g_path_get_basename (kt_document_library_get_folder (self->library));

      /* Translators: %s is the name of a folder, "Aftaler-dokumenter" */
      description = g_strdup_printf (_("Attached files are copied to the folder “%s” beside the "
                                       "portfolio file, so that both move together."), folder);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);

  gtk_widget_set_visible (self->attach_button, self->library != NULL);
  gtk_widget_set_sensitive (self->attach_button, kt_document_list_can_attach (self));
  if (reason != NULL)
    gtk_widget_set_tooltip_text (self->attach_button, reason);
  else if (self->contract_id <= 0)
    gtk_widget_set_tooltip_text (self->attach_button, _("Save the contract to attach documents."));
  else
    gtk_widget_set_tooltip_text (self->attach_button,
                                 _("Attach files to this contract, or drop them here"));
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->drop_target),
                                              kt_document_list_can_attach (self)
                                              ? GTK_PHASE_BUBBLE : GTK_PHASE_NONE);
}

/* ---- GObject ---- */

static void
kt_document_list_dispose (GObject *object)
{
  KtDocumentList *self = KT_DOCUMENT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  /* rows NULL tells late callbacks and the attach queue that it is over */
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  kt_document_list_files_clear (self);
  /* Open document windows stay open; they have their own library */
  g_clear_pointer (&self->windows, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_pointer (&self->documents_key, g_free);

  G_OBJECT_CLASS (kt_document_list_parent_class)->dispose (object);
}

static void
kt_document_list_class_init (KtDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_document_list_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVITIES_CHANGED] =
    g_signal_new ("activities-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kt_document_list_init (KtDocumentList *self)
{
  GtkWidget *content;
  GtkWidget *label;

  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->windows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Documents"));

  label = gtk_label_new_with_mnemonic (_("A_ttach…"));
  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
  gtk_box_append (GTK_BOX (content), label);
  self->attach_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->attach_button), content);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->attach_button);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->attach_button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attach_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attach Documents"), -1);
  gtk_widget_set_valign (self->attach_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->attach_button, "flat");
  g_signal_connect_object (self->attach_button, "clicked",
                           G_CALLBACK (kt_document_list_choose_files), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->attach_button);

  kt_document_list_files_init (self);
  kt_document_list_update_header (self);
}

GtkWidget *
kt_document_list_new (void)
{
  return g_object_new (KT_TYPE_DOCUMENT_LIST, NULL);
}

void
kt_document_list_set_library (KtDocumentList    *self,
                              KtDocumentLibrary *library)
{
  g_return_if_fail (KT_IS_DOCUMENT_LIST (self));
  g_return_if_fail (library == NULL || KT_IS_DOCUMENT_LIBRARY (library));

  if (self->library == library)
    return;

  /* Copies for another portfolio stop; its windows are no longer ours */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  kt_document_list_files_clear (self);
  g_hash_table_remove_all (self->windows);

  g_set_object (&self->library, library);
  self->contract_id = 0;
  kt_document_list_reload (self);
}

void
kt_document_list_set_contract (KtDocumentList *self,
                               gint64          contract_id)
{
  g_return_if_fail (KT_IS_DOCUMENT_LIST (self));

  self->contract_id = MAX (contract_id, 0);
  kt_document_list_reload (self);
}

/* Whether the rows would come out as they are: the same documents, at
 * the same versions, their files there or not, and no file attaching. */
static char *
documents_key (KtDocumentList *self,
               GPtrArray      *documents)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < documents->len; i++)
    {
      const KtDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *path = kt_document_library_get_path (self->library, document, NULL);

      g_string_append_printf (key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d\n",
                              document->id, document->version,
                              path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  return g_string_free (key, FALSE);
}

static void
show_documents (KtDocumentList *self,
                GPtrArray      *documents)
{
  guint n_rows;

  g_clear_pointer (&self->documents_key, g_free);
  self->documents_key = documents_key (self, documents);
  self->documents_attaching = kt_document_list_get_n_attaching (self);

  for (guint i = 0; i < documents->len; i++)
    add_row (self, document_row_new (self, g_ptr_array_index (documents, i)));

  n_rows = self->rows->len;
  kt_document_list_add_pending_rows (self);
  if (self->rows->len == 0 && n_rows == 0)
    add_row (self, placeholder_new (kt_document_list_can_attach (self)
                                    ? _("No documents yet: drop files here or choose Attach")
                                    : _("No documents")));
}

void
kt_document_list_reload (KtDocumentList *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KT_IS_DOCUMENT_LIST (self));

  /* Reloads also come from idles and workers after dispose */
  if (self->rows == NULL)
    return;

  clear_rows (self);
  g_clear_pointer (&self->documents_key, g_free);
  kt_document_list_update_header (self);

  if (self->library == NULL || self->contract_id <= 0)
    return;

  documents = kt_store_list_documents (kt_document_list_get_store (self), self->contract_id, &error);
  if (documents == NULL)
    {
      add_row (self, placeholder_new (error->message));
      return;
    }

  show_documents (self, documents);
}

static gint64
row_document_id (GtkWidget *row)
{
  return KT_IS_DOCUMENT_ROW (row) ? kt_document_row_get_document (KT_DOCUMENT_ROW (row))->id : 0;
}

void
kt_document_list_refresh (KtDocumentList *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  GtkWidget *focused = NULL;
  KtListRefresh state;
  gint64 focused_id = 0;
  guint focused_index = 0;

  g_return_if_fail (KT_IS_DOCUMENT_LIST (self));

  if (self->rows == NULL || self->library == NULL || self->contract_id <= 0)
    return;

  documents = kt_store_list_documents (kt_document_list_get_store (self), self->contract_id, &error);
  if (documents == NULL)
    {
      /* Locked for a moment: the next poll reads it */
      if (!kt_list_refresh_should_skip (error))
        kt_document_list_reload (self);
      return;
    }

  /* Unchanged: nothing is rebuilt, so an open menu of a row stays open */
  key = documents_key (self, documents);
  if (g_strcmp0 (key, self->documents_key) == 0 &&
      self->documents_attaching == kt_document_list_get_n_attaching (self))
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (kt_widget_has_focus_within (row))
        {
          focused = row;
          focused_id = row_document_id (row);
          focused_index = i;
        }
    }
  kt_list_refresh_begin (&state, GTK_WIDGET (self), GTK_WIDGET (self), self->attach_button);

  clear_rows (self);
  kt_document_list_update_header (self);
  show_documents (self, documents);

  /* The focused document where it is now, else the row that took its
   * place */
  if (focused != NULL && self->rows->len > 0)
    {
      GtkWidget *row = NULL;

      for (guint i = 0; row == NULL && i < self->rows->len; i++)
        if (focused_id != 0 && row_document_id (g_ptr_array_index (self->rows, i)) == focused_id)
          row = g_ptr_array_index (self->rows, i);
      if (row == NULL)
        row = g_ptr_array_index (self->rows, MIN (focused_index, self->rows->len - 1));
      gtk_widget_grab_focus (row);
    }

  kt_list_refresh_end (&state);
}

void
kt_document_list_add_row (KtDocumentList *self,
                          GtkWidget      *row)
{
  add_row (self, row);
}
