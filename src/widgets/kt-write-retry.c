/* kt-write-retry.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pending write per widget, kept as object data on the widget. Tries
 * run on the main loop from timeouts, so the window keeps drawing and
 * answering while a colleague holds the lock.
 *
 * Which errors were shown: the error handed to @done is owned here and
 * lives only while @done runs. Its pointer sits in a private set for
 * exactly that time (added before the call, removed before it is freed),
 * so kt_write_error_was_shown () answers from the set and a freed pointer
 * reused later can never be taken for a shown error. The error keeps its
 * KT_STORE_ERROR domain and code, so callers may still match on them; a
 * caller that copies the error must ask before copying.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-store.h"
#include "kt-dialogs.h"
#include "kt-write-retry.h"

#define PENDING_KEY   "kt-write-pending"
#define FILE_NAME_KEY "kt-write-file-name"
#define DISMISSED_KEY "kt-write-dismissed"

#define FIRST_DELAY_MS 100
#define MAX_DELAY_MS   2000
#define INDICATOR_MS   1000
#define GIVE_UP_MS     60000

/* libadwaita 1.2 misbehaves when a toast is dismissed while it still
 * slides in (see kt-undo-toast.c); the waiting toast stays that long. */
#define SHOW_ANIMATION_MS 400

typedef struct {
  GtkWidget      *widget;        /* weak */
  KtWriteFunc     write;
  KtWriteDone     done;
  gpointer        data;
  GDestroyNotify  destroy;

  GError         *error;         /* the last BUSY or IO error */
  gint64          started;       /* monotonic µs, start of this round of tries */
  guint           delay_ms;      /* next back-off, before scaling */
  guint           retry_id;
  guint           indicator_id;

  AdwToast       *toast;
  gint64          toast_shown_at;
  GtkWidget      *wait_dialog;
  GtkWidget      *error_dialog;
} Write;

static double time_scale = 1.0;
static GHashTable *shown_errors;

static void attempt (Write *write);

static guint
scaled_ms (guint ms)
{
  return MAX (1, (guint) (ms * time_scale));
}

static const char *
find_file_name (GtkWidget *widget)
{
  GtkRoot *root;

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *name = g_object_get_data (G_OBJECT (w), FILE_NAME_KEY);

      if (name != NULL)
        return name;
    }

  /* Dialogs and the preferences window are windows of their own. */
  root = gtk_widget_get_root (widget);
  for (GtkWindow *window = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;
       window != NULL;
       window = gtk_window_get_transient_for (window))
    {
      const char *name = g_object_get_data (G_OBJECT (window), FILE_NAME_KEY);

      if (name != NULL)
        return name;
    }

  return NULL;
}

static char *
waiting_message (GtkWidget *widget)
{
  const char *name = find_file_name (widget);

  if (name != NULL)
    /* Translators: %s is the portfolio's file name */
    return g_strdup_printf (_("Waiting for “%s” — a colleague is saving…"), name);

  return g_strdup (_("Waiting for the portfolio file — a colleague is saving…"));
}

/* ---- The waiting toast ---- */

static void
toast_mark_dismissed_cb (AdwToast *toast)
{
  g_object_set_data (G_OBJECT (toast), DISMISSED_KEY, GINT_TO_POINTER (TRUE));
}

static gboolean
late_dismiss_cb (gpointer data)
{
  AdwToast *toast = data;

  /* Dismissing a toast twice frees it twice in libadwaita 1.2. */
  if (g_object_get_data (G_OBJECT (toast), DISMISSED_KEY) == NULL)
    adw_toast_dismiss (toast);

  return G_SOURCE_REMOVE;
}

/* Always from the main loop: a toast the caller's @done adds meanwhile is
 * queued behind this one and shown when it goes, the overlay's usual path. */
static void
dismiss_toast_later (AdwToast *toast,
                     gint64    shown_at)
{
  gint64 left = shown_at + SHOW_ANIMATION_MS * G_TIME_SPAN_MILLISECOND - g_get_monotonic_time ();

  g_timeout_add_full (G_PRIORITY_DEFAULT,
                      left > 0 ? (guint) (left / G_TIME_SPAN_MILLISECOND) + 1 : 0,
                      late_dismiss_cb, g_object_ref (toast), g_object_unref);
}

static void
hide_indicator (Write *write)
{
  g_clear_handle_id (&write->indicator_id, g_source_remove);

  if (write->toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (write->toast, write);
      dismiss_toast_later (write->toast, write->toast_shown_at);
      g_clear_object (&write->toast);
    }

  if (write->wait_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (write->wait_dialog, write);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&write->wait_dialog)));
    }
}

static void
close_error_dialog (Write *write)
{
  if (write->error_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (write->error_dialog, write);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&write->error_dialog)));
    }
}

/* ---- Ending a write ---- */

static void widget_gone_cb (gpointer  data,
                            GObject  *where_the_object_was);

static void
write_free (Write *write)
{
  g_clear_handle_id (&write->retry_id, g_source_remove);
  hide_indicator (write);
  close_error_dialog (write);
  g_clear_error (&write->error);
  g_free (write);
}

static void
detach (Write *write)
{
  if (write->widget != NULL)
    {
      g_object_weak_unref (G_OBJECT (write->widget), widget_gone_cb, write);
      g_object_set_data (G_OBJECT (write->widget), PENDING_KEY, NULL);
      write->widget = NULL;
    }
}

/* @error: (transfer full) (nullable). @shown: the user saw it already. */
static void
finish (Write    *write,
        GError   *error,
        gboolean  shown)
{
  g_autoptr(GError) owned = error;

  /* Done may start the next write from the same widget at once. */
  detach (write);
  g_clear_handle_id (&write->retry_id, g_source_remove);
  hide_indicator (write);
  close_error_dialog (write);

  if (shown && error != NULL)
    {
      if (shown_errors == NULL)
        shown_errors = g_hash_table_new (NULL, NULL);
      g_hash_table_add (shown_errors, error);
    }

  write->done (write->data, error);

  if (shown_errors != NULL && error != NULL)
    g_hash_table_remove (shown_errors, error);

  if (write->destroy != NULL)
    write->destroy (write->data);
  write_free (write);
}

static void
cancel (Write *write)
{
  finish (write, g_steal_pointer (&write->error), TRUE);
}

static void
widget_gone_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  Write *write = data;

  /* Still alive while disposed: nothing may find the freed write there. */
  g_object_set_data (where_the_object_was, PENDING_KEY, NULL);
  write->widget = NULL;
  if (write->destroy != NULL)
    write->destroy (write->data);
  write_free (write);
}

/* ---- Showing the wait ---- */

static void
toast_cancel_cb (AdwToast *toast,
                 Write    *write)
{
  cancel (write);
}

static void
toast_dismissed_cb (AdwToast *toast,
                    Write    *write)
{
  /* Closed or Escape: only the notice goes, the write keeps trying. */
  g_signal_handlers_disconnect_by_data (toast, write);
  g_clear_object (&write->toast);
}

static void
wait_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Write            *write)
{
  /* The dialog closes itself after the response. */
  g_signal_handlers_disconnect_by_data (dialog, write);
  write->wait_dialog = NULL;
  cancel (write);
}

static void
show_indicator (Write *write)
{
  g_autofree char *message = waiting_message (write->widget);
  GtkWidget *overlay = gtk_widget_get_ancestor (write->widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      write->toast = adw_toast_new (message);
      adw_toast_set_timeout (write->toast, 0);
      adw_toast_set_button_label (write->toast, _("_Cancel"));
      g_signal_connect (write->toast, "dismissed", G_CALLBACK (toast_mark_dismissed_cb), NULL);
      g_signal_connect (write->toast, "button-clicked", G_CALLBACK (toast_cancel_cb), write);
      g_signal_connect (write->toast, "dismissed", G_CALLBACK (toast_dismissed_cb), write);
      write->toast_shown_at = g_get_monotonic_time ();
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (write->toast));
      return;
    }

  write->wait_dialog = adw_message_dialog_new (kt_dialog_parent_for (write->widget),
                                               _("Waiting for the Portfolio File"), message);
  gtk_window_set_modal (GTK_WINDOW (write->wait_dialog), FALSE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (write->wait_dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (write->wait_dialog), "cancel");
  g_signal_connect (write->wait_dialog, "response", G_CALLBACK (wait_dialog_response_cb), write);
  gtk_window_present (GTK_WINDOW (write->wait_dialog));
}

static gboolean
indicator_cb (gpointer data)
{
  Write *write = data;

  write->indicator_id = 0;
  show_indicator (write);

  return G_SOURCE_REMOVE;
}

/* ---- Failing ---- */

static void
error_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          Write            *write)
{
  g_signal_handlers_disconnect_by_data (dialog, write);
  write->error_dialog = NULL;

  if (g_strcmp0 (response, "retry") != 0)
    {
      cancel (write);
      return;
    }

  write->started = g_get_monotonic_time ();
  write->delay_ms = FIRST_DELAY_MS;
  attempt (write);
}

static void
show_error_dialog (Write *write)
{
  AdwMessageDialog *dialog;

  hide_indicator (write);

  write->error_dialog = adw_message_dialog_new (kt_dialog_parent_for (write->widget),
                                                _("The Change Was Not Saved"), NULL);
  dialog = ADW_MESSAGE_DIALOG (write->error_dialog);
  /* Translators: %s is the store's message, e.g. “The portfolio file could
   * not be written: …” */
  adw_message_dialog_format_body (dialog, _("%s\n\nYour change is still in the form."),
                                  write->error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "retry", _("_Try Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "retry");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (error_dialog_response_cb), write);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Trying ---- */

static gboolean
retry_cb (gpointer data)
{
  Write *write = data;

  write->retry_id = 0;
  attempt (write);

  return G_SOURCE_REMOVE;
}

static void
attempt (Write *write)
{
  g_autoptr(GError) error = NULL;
  gint64 elapsed_ms;

  if (write->write (write->data, &error))
    {
      finish (write, NULL, FALSE);
      return;
    }

  if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_IO))
    {
      g_clear_error (&write->error);
      write->error = g_steal_pointer (&error);
      show_error_dialog (write);
      return;
    }

  if (!g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY))
    {
      finish (write, g_steal_pointer (&error), FALSE);
      return;
    }

  g_clear_error (&write->error);
  write->error = g_steal_pointer (&error);

  elapsed_ms = (g_get_monotonic_time () - write->started) / G_TIME_SPAN_MILLISECOND;
  if (elapsed_ms >= scaled_ms (GIVE_UP_MS))
    {
      show_error_dialog (write);
      return;
    }

  write->retry_id = g_timeout_add (scaled_ms (write->delay_ms), retry_cb, write);
  write->delay_ms = MIN (write->delay_ms * 2, MAX_DELAY_MS);

  if (write->toast == NULL && write->wait_dialog == NULL && write->indicator_id == 0)
    {
      gint64 left = scaled_ms (INDICATOR_MS) - elapsed_ms;

      if (left <= 0)
        show_indicator (write);
      else
        write->indicator_id = g_timeout_add ((guint) left, indicator_cb, write);
    }
}

/* ---- Public API ---- */

gboolean
kt_write_run (GtkWidget      *widget,
              KtWriteFunc     write_func,
              KtWriteDone     done,
              gpointer        user_data,
              GDestroyNotify  destroy)
{
  Write *write;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);
  g_return_val_if_fail (done != NULL, FALSE);

  if (kt_write_is_pending (widget))
    return FALSE;

  write = g_new0 (Write, 1);
  write->widget = widget;
  write->write = write_func;
  write->done = done;
  write->data = user_data;
  write->destroy = destroy;
  write->started = g_get_monotonic_time ();
  write->delay_ms = FIRST_DELAY_MS;

  g_object_set_data (G_OBJECT (widget), PENDING_KEY, write);
  g_object_weak_ref (G_OBJECT (widget), widget_gone_cb, write);

  attempt (write);

  return TRUE;
}

gboolean
kt_write_is_pending (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return g_object_get_data (G_OBJECT (widget), PENDING_KEY) != NULL;
}

gboolean
kt_write_error_was_shown (const GError *error)
{
  return error != NULL && shown_errors != NULL && g_hash_table_contains (shown_errors, error);
}

void
kt_write_set_time_scale (double scale)
{
  g_return_if_fail (scale > 0);

  time_scale = scale;
}

void
kt_write_set_file_name (GtkWidget  *widget,
                        const char *display_name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), FILE_NAME_KEY, g_strdup (display_name), g_free);
}
