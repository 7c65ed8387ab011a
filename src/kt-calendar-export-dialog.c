/* kt-calendar-export-dialog.c — "Export Calendar…": save dialog, export, outcome
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-calendar-export.h"
#include "kt-calendar-export-dialog.h"
#include "kt-dialogs.h"

typedef struct {
  GWeakRef  window;
  char     *portfolio;
  char     *out;
  guint     n_events;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_weak_ref_clear (&job->window);
  g_free (job->portfolio);
  g_free (job->out);
  g_free (job);
}

/* Reads the file on a connection of its own: the window's connection stays
 * free for the main thread, and a large portfolio does not freeze it. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (kt_calendar_export_file (job->portfolio, NULL, job->out, &job->n_events, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GtkWidget) window = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwMessageDialog *dialog;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (window != NULL)
        kt_dialog_show_error (window, _("Could Not Export the Calendar"), error->message);
      else
        g_warning ("Could not export the calendar: %s", error->message);
      return;
    }

  if (window == NULL || !gtk_widget_get_visible (window))
    return;

  name = g_filename_display_basename (job->out);
  message = g_strdup_printf (ngettext ("%u deadline was saved in “%s”. Import the file in "
                                       "Outlook, Thunderbird or GNOME Calendar to see it there "
                                       "with a reminder.",
                                       "%u deadlines were saved in “%s”. Import the file in "
                                       "Outlook, Thunderbird or GNOME Calendar to see them there "
                                       "with reminders.", job->n_events),
                             job->n_events, name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("Calendar Exported"), message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *chosen = NULL;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  KtStore *store;
  ExportJob *job;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (chosen = g_file_get_path (file)) == NULL)
    return;

  store = KT_IS_WINDOW (parent) ? kt_window_get_store (KT_WINDOW (parent)) : NULL;
  if (store == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  g_weak_ref_init (&job->window, parent);
  job->portfolio = g_strdup (kt_store_get_path (store));
  job->out = g_str_has_suffix (chosen, ".ics") ? g_steal_pointer (&chosen)
                                               : g_strconcat (chosen, ".ics", NULL);

  task = g_task_new (NULL, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, export_response_cb);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

void
kt_calendar_export_dialog_run (KtWindow *window)
{
  GtkWindow *parent = GTK_WINDOW (window);
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;

  g_return_if_fail (KT_IS_WINDOW (window));

  if (kt_window_get_store (window) == NULL)
    {
      kt_dialog_show_error (GTK_WIDGET (window), _("Could Not Export the Calendar"),
                            _("No portfolio is open."));
      return;
    }

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Calendar Files"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");

  chooser = gtk_file_chooser_native_new (_("Export Calendar"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of an exported calendar of
   * deadlines; keep ".ics" (Danish: "frister.ics") */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("deadlines.ics"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
