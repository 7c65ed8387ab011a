/* kt-damaged-dialog.c — a portfolio that does not open because it is
 * damaged: offer its latest good backup
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-backup.h"
#include "kt-backups-window.h"
#include "kt-time-stamp.h"

typedef struct {
  GtkWindow     *parent;
  char          *path;
  char          *message;
  KtDamagedDone  done;
  gpointer       user_data;
  KtBackupInfo  *good;
} Damaged;

static void
damaged_free (Damaged *damaged)
{
  g_clear_object (&damaged->parent);
  g_free (damaged->path);
  g_free (damaged->message);
  g_clear_pointer (&damaged->good, kt_backup_info_free);
  g_free (damaged);
}

static void
finish (Damaged  *damaged,
        gboolean  replaced)
{
  damaged->done (damaged->user_data, replaced);
  damaged_free (damaged);
}

static void
failure_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  finish (user_data, FALSE);
}

static void
offer_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  Damaged *damaged = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *failure;

  if (damaged->good == NULL || g_strcmp0 (response, "replace") != 0)
    {
      finish (damaged, FALSE);
      return;
    }

  if (kt_backup_replace_damaged (damaged->path, damaged->good->path, &error))
    {
      finish (damaged, TRUE);
      return;
    }

  failure = adw_message_dialog_new (damaged->parent, _("The Damaged File Was Not Replaced"),
                                    error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failure), "close", _("_Close"));
  g_signal_connect (failure, "response", G_CALLBACK (failure_response_cb), damaged);
  gtk_window_present (GTK_WINDOW (failure));
}

static void
present_offer (Damaged      *damaged,
               const GError *find_error)
{
  g_autofree char *name = g_filename_display_basename (damaged->path);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (damaged->parent,
                                                       _("The Portfolio Is Damaged"), NULL));

  if (damaged->good != NULL)
    {
      g_autofree char *iso = g_date_time_format (damaged->good->made_at, "%Y-%m-%dT%H:%M:%SZ");
      g_autofree char *when = kt_time_stamp_format (iso);

      /* Translators: the first %s is why it did not open, the second a date
       * and time, "26.11.2026 14:02" */
      adw_message_dialog_format_body (dialog,
                                      _("%s\n\nThe latest good backup is from %s. Replace the "
                                        "damaged file with it? Changes made after that are "
                                        "lost. The damaged file is kept in the backups folder."),
                                      damaged->message, when);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace With Backup"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "replace");
      adw_message_dialog_set_close_response (dialog, "cancel");
    }
  else
    {
      g_autofree char *folder = kt_backup_folder_for (damaged->path);
      g_autofree char *folder_name = g_filename_display_basename (folder);
      g_autofree char *body = NULL;

      /* Translators: the first %s is why it did not open, the second a folder name */
      body = g_strdup_printf (_("%s\n\nThere is no good backup of it in the folder “%s”."),
                              damaged->message, folder_name);
      /* The folder could not even be read: say why. */
      if (find_error != NULL)
        {
          char *longer = g_strconcat (body, " ", find_error->message, NULL);

          g_free (body);
          body = longer;
        }
      adw_message_dialog_set_body (dialog, body);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
    }

  g_signal_connect (dialog, "response", G_CALLBACK (offer_response_cb), damaged);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  KtBackupInfo *good;

  /* Opens and checks backups one by one: may take a moment on a share. */
  good = kt_backup_find_latest_good (task_data, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, good, (GDestroyNotify) kt_backup_info_free);
}

static void
found_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Damaged *damaged = user_data;
  g_autoptr(GError) error = NULL;

  damaged->good = g_task_propagate_pointer (G_TASK (result), &error);
  present_offer (damaged, error);
}

void
kt_damaged_dialog_present (GtkWindow     *parent,
                           const char    *portfolio_path,
                           const char    *message,
                           KtDamagedDone  done,
                           gpointer       user_data)
{
  g_autoptr(GTask) task = NULL;
  Damaged *damaged;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (portfolio_path != NULL);
  g_return_if_fail (done != NULL);

  damaged = g_new0 (Damaged, 1);
  damaged->parent = parent != NULL ? g_object_ref (parent) : NULL;
  damaged->path = g_strdup (portfolio_path);
  damaged->message = g_strdup (message != NULL ? message : "");
  damaged->done = done;
  damaged->user_data = user_data;

  task = g_task_new (NULL, NULL, found_cb, damaged);
  g_task_set_source_tag (task, kt_damaged_dialog_present);
  g_task_set_task_data (task, g_strdup (portfolio_path), g_free);
  g_task_run_in_thread (task, find_thread);
}
