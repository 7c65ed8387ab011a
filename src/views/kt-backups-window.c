/* kt-backups-window.c — the portfolio's backups: list, back up now, restore
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-backup.h"
#include "kt-backups-window.h"
#include "kt-dialogs.h"
#include "kt-time-stamp.h"
#include "kt-write-retry.h"

#define PATH_KEY "kt-backup-path"
#define WHEN_KEY "kt-backup-when"

struct _KtBackupsWindow
{
  AdwWindow        parent_instance;

  KtStore         *store;
  GCancellable    *cancellable;   /* of Back Up Now */
  gboolean         backing_up;

  AdwToastOverlay *toast_overlay;
  GtkWidget       *back_up_button;
  GtkSpinner      *spinner;
  GtkWidget       *folder_button;
  GtkStack        *stack;
  GtkListBox      *list_box;
};

G_DEFINE_FINAL_TYPE (KtBackupsWindow, kt_backups_window, ADW_TYPE_WINDOW)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void restore_clicked_cb (GtkButton       *button,
                                KtBackupsWindow *self);

static void
show_toast (KtBackupsWindow *self,
            const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char *
format_when (GDateTime *made_at)
{
  g_autofree char *iso = g_date_time_format (made_at, "%Y-%m-%dT%H:%M:%SZ");

  return kt_time_stamp_format (iso);
}

static GtkWidget *
create_row (KtBackupsWindow *self,
            KtBackupInfo    *info)
{
  g_autofree char *when = format_when (info->made_at);
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *subtitle = NULL;
  g_autofree char *button_label = NULL;
  GtkWidget *row;
  GtkWidget *button;

  /* Translators: why a backup was made and its size, "Daily · 1.2 MB" */
  subtitle = g_strdup_printf (_("%s · %s"), kt_backup_reason_label (info->reason), size);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_mnemonic (_("_Restore…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Screen readers hear which backup, not a list of identical buttons. */
  /* Translators: %s is a date and time, "26.11.2026 14:02" */
  button_label = g_strdup_printf (_("Restore the backup of %s"), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                  -1);
  gtk_widget_set_sensitive (button, !kt_store_is_read_only (self->store));
  if (kt_store_is_read_only (self->store))
    gtk_widget_set_tooltip_text (button, kt_store_get_read_only_reason (self->store));
  g_object_set_data_full (G_OBJECT (button), PATH_KEY, g_strdup (info->path), g_free);
  g_object_set_data_full (G_OBJECT (button), WHEN_KEY, g_steal_pointer (&when), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), self);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
reload (KtBackupsWindow *self)
{
  const char *path = kt_store_get_path (self->store);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = kt_backup_folder_for (path);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  backups = kt_backup_list (path, &error);
  if (backups == NULL)
    show_toast (self, error->message);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    gtk_list_box_append (self->list_box, create_row (self, g_ptr_array_index (backups, i)));

  gtk_stack_set_visible_child_name (self->stack,
                                    backups != NULL && backups->len > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.open-folder",
                                 g_file_test (folder, G_FILE_TEST_IS_DIR));
}

/* ---- Back Up Now ---- */

static void
set_backing_up (KtBackupsWindow *self,
                gboolean         backing_up)
{
  self->backing_up = backing_up;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), backing_up);
  gtk_spinner_set_spinning (self->spinner, backing_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up", !backing_up);
}

static void
back_up_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KtBackupsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = kt_backup_make_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_backing_up (self, FALSE);
  reload (self);

  if (path == NULL)
    {
      kt_dialog_show_error (GTK_WIDGET (self), _("No Backup Was Made"), error->message);
      return;
    }

  show_toast (self, _("A backup was made."));
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KtBackupsWindow *self = KT_BACKUPS_WINDOW (widget);

  if (self->backing_up)
    return;

  set_backing_up (self, TRUE);
  kt_backup_make_async (kt_store_get_path (self->store), KT_BACKUP_MANUAL, self->cancellable,
                        back_up_done_cb, g_object_ref (self));
}

/* ---- Open Backups Folder ---- */

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KtBackupsWindow *self = KT_BACKUPS_WINDOW (widget);
  g_autofree char *folder = kt_backup_folder_for (kt_store_get_path (self->store));
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* ---- Restore ---- */

typedef struct {
  KtBackupsWindow *self;   /* not a reference: kt_write_run () ends with the window */
  char            *path;
  char            *when;
} Restore;

static void
restore_free (gpointer data)
{
  Restore *restore = data;

  g_free (restore->path);
  g_free (restore->when);
  g_free (restore);
}

static gboolean
restore_write_cb (gpointer   user_data,
                  GError   **error)
{
  Restore *restore = user_data;

  return kt_store_restore_backup (restore->self->store, restore->path, error);
}

static void
restore_done_cb (gpointer      user_data,
                 const GError *error)
{
  Restore *restore = user_data;
  KtBackupsWindow *self = restore->self;
  g_autofree char *text = NULL;

  reload (self);

  if (error != NULL)
    {
      if (!kt_write_error_was_shown (error))
        kt_dialog_show_error (GTK_WIDGET (self), _("The Backup Was Not Restored"), error->message);
      return;
    }

  g_signal_emit (self, signals[RESTORED], 0);

  /* Translators: %s is a date and time, "26.11.2026 14:02" */
  text = g_strdup_printf (_("The portfolio is as it was on %s."), restore->when);
  show_toast (self, text);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  Restore *restore = user_data;

  if (g_strcmp0 (response, "restore") != 0 ||
      !kt_write_run (GTK_WIDGET (restore->self), restore_write_cb, restore_done_cb,
                     restore, restore_free))
    restore_free (restore);
}

static void
restore_clicked_cb (GtkButton       *button,
                    KtBackupsWindow *self)
{
  Restore *restore;
  GtkWidget *dialog;

  restore = g_new0 (Restore, 1);
  restore->self = self;
  restore->path = g_strdup (g_object_get_data (G_OBJECT (button), PATH_KEY));
  restore->when = g_strdup (g_object_get_data (G_OBJECT (button), WHEN_KEY));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Backup?"), NULL);
  /* Translators: %s is a date and time, "26.11.2026 14:02" */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Restore the portfolio as it was on %s? Everyone who has it "
                                    "open sees the restored portfolio. The current content is "
                                    "kept as a backup first."),
                                  restore->when);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), restore);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- object ---- */

static void
kt_backups_window_dispose (GObject *object)
{
  KtBackupsWindow *self = (KtBackupsWindow *) object;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_BACKUPS_WINDOW);

  G_OBJECT_CLASS (kt_backups_window_parent_class)->dispose (object);
}

static void
kt_backups_window_finalize (GObject *object)
{
  KtBackupsWindow *self = (KtBackupsWindow *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kt_backups_window_parent_class)->finalize (object);
}

static void
kt_backups_window_class_init (KtBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_backups_window_dispose;
  object_class->finalize = kt_backups_window_finalize;

  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KtBackupsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KtBackupsWindow, back_up_button);
  gtk_widget_class_bind_template_child (widget_class, KtBackupsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, KtBackupsWindow, folder_button);
  gtk_widget_class_bind_template_child (widget_class, KtBackupsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KtBackupsWindow, list_box);

  gtk_widget_class_install_action (widget_class, "backups.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "backups.open-folder", NULL, open_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kt_backups_window_init (KtBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

KtBackupsWindow *
kt_backups_window_new (GtkWindow *parent,
                       KtStore   *store)
{
  KtBackupsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KT_IS_STORE (store), NULL);

  self = g_object_new (KT_TYPE_BACKUPS_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  reload (self);

  return self;
}
