/* kt-window-sharing.c — the main window and colleagues on the same file
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the window does because the portfolio is one file on a network
 * drive that others have open too: it refreshes the views when a colleague
 * saved, shows who else is in the file, makes backups, says when the file
 * cannot be reached, and offers a backup when the file is damaged.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-backups-window.h"
#include "kt-list-refresh.h"
#include "kt-write-retry.h"
#include "kt-window-private.h"

/* Short enough that the window never seems stuck; kt_write_run () retries
 * a save that found the file locked, from the main loop. */
#define LOCK_WAIT_MS          200
#define CHANGE_POLL_MS        2000
/* A view that found the file locked reads again this much later, even if
 * the colleague's save is rolled back and nothing else changes. */
#define REFRESH_RETRY_MS      1000

static void
show_toast (KtWindow   *self,
            const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gboolean
refresh_retry_cb (gpointer data)
{
  KtWindow *self = data;

  self->refresh_retry_id = 0;
  kt_window_refresh_views (self);

  return G_SOURCE_REMOVE;
}

void
kt_window_refresh_views (KtWindow *self)
{
  g_return_if_fail (KT_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  kt_list_refresh_take_skipped ();

  kt_portfolio_view_refresh (self->portfolio_view);
  kt_suppliers_view_refresh (self->suppliers_view);
  kt_upcoming_view_refresh (self->upcoming_view);
  kt_tender_plan_view_refresh (self->tender_plan_view);
  kt_timeline_view_refresh (self->timeline_view);
  kt_matrix_view_refresh (self->matrix_view);
  kt_search_view_refresh (self->search_view);
  kt_contract_page_refresh (self->contract_page);

  if (kt_list_refresh_take_skipped () && self->refresh_retry_id == 0)
    self->refresh_retry_id = g_timeout_add (REFRESH_RETRY_MS, refresh_retry_cb, self);
}

static void
colleague_saved_cb (KtWindow *self)
{
  kt_window_refresh_views (self);
}

static void
reachable_changed_cb (KtWindow *self)
{
  gboolean reachable = kt_change_monitor_get_reachable (self->monitor);

  if (!reachable)
    {
      const char *problem = kt_change_monitor_get_problem (self->monitor);
      g_autofree char *text = NULL;

      /* Translators: %s says why, e.g. "“Kontrakter.kontrakter” was moved or deleted." */
      text = g_strdup_printf (_("%s Nothing can be saved until the file is back; your unsaved "
                                "changes stay where they are."),
                              problem != NULL ? problem : "");
      gtk_label_set_label (self->unreachable_label, text);
    }
  gtk_revealer_set_reveal_child (self->unreachable_revealer, !reachable);
}

static void
window_active_cb (KtWindow *self)
{
  /* Coming back to the window is when people expect to see news. */
  if (self->monitor != NULL && gtk_window_is_active (GTK_WINDOW (self)))
    kt_change_monitor_poll_now (self->monitor);
}

static void
backup_failed_cb (KtWindow *self,
                  GError   *error)
{
  g_autofree char *text = NULL;

  /* A read-only share cannot hold backups either; saying so on every open
   * would only teach people to ignore the message. */
  if (self->store == NULL || kt_store_is_read_only (self->store))
    return;

  /* Translators: %s is the reason, a sentence */
  text = g_strdup_printf (_("The backup of the portfolio failed: %s"), error->message);
  show_toast (self, text);
}

void
kt_window_sharing_stop (KtWindow *self)
{
  g_return_if_fail (KT_IS_WINDOW (self));

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);

  kt_presence_button_set_presence (self->presence_button, NULL);
  if (self->presence != NULL)
    kt_presence_stop (self->presence);
  g_clear_object (&self->presence);

  if (self->backups != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->backups, self);
      kt_backup_schedule_stop (self->backups);
    }
  g_clear_object (&self->backups);

  g_clear_handle_id (&self->refresh_retry_id, g_source_remove);
  g_signal_handlers_disconnect_by_func (self, window_active_cb, NULL);
  gtk_revealer_set_reveal_child (self->unreachable_revealer, FALSE);
}

void
kt_window_sharing_start (KtWindow *self)
{
  const char *path;

  g_return_if_fail (KT_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL);

  kt_window_sharing_stop (self);
  path = kt_store_get_path (self->store);

  kt_store_set_lock_wait (self->store, LOCK_WAIT_MS);
  {
    g_autofree char *name = g_filename_display_basename (path);

    /* Named in "Waiting for “…”" while a save waits for a colleague's. */
    kt_write_set_file_name (GTK_WIDGET (self), name);
  }

  self->monitor = kt_change_monitor_new (self->store, CHANGE_POLL_MS);
  g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (colleague_saved_cb), self);
  g_signal_connect_swapped (self->monitor, "notify::reachable",
                            G_CALLBACK (reachable_changed_cb), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (window_active_cb), NULL);

  self->presence = kt_presence_new (path);
  kt_presence_start (self->presence);
  kt_presence_button_set_presence (self->presence_button, self->presence);

  self->backups = kt_backup_schedule_new (path);
  g_signal_connect_swapped (self->backups, "failed", G_CALLBACK (backup_failed_cb), self);
  kt_backup_schedule_start (self->backups);
}

/* ---- a damaged file ---- */

typedef struct {
  KtWindow *self;
  char     *path;
} DamagedRequest;

static void
damaged_done_cb (gpointer user_data,
                 gboolean replaced)
{
  DamagedRequest *request = user_data;

  if (replaced)
    kt_window_request_open (request->self, request->path, KT_STORE_OPEN_DEFAULT);

  g_object_unref (request->self);
  g_free (request->path);
  g_free (request);
}

void
kt_window_offer_backup (KtWindow   *self,
                        const char *path,
                        const char *message)
{
  DamagedRequest *request;

  g_return_if_fail (KT_IS_WINDOW (self));

  request = g_new0 (DamagedRequest, 1);
  request->self = g_object_ref (self);
  request->path = g_strdup (path);
  kt_damaged_dialog_present (GTK_WINDOW (self), path, message, damaged_done_cb, request);
}

/* ---- the backups window ---- */

static void
restored_cb (KtWindow *self)
{
  /* Our own write does not move data_version for us: reload here. */
  kt_window_refresh_views (self);
  show_toast (self, _("The portfolio was restored from the backup."));
}

void
kt_window_show_backups (KtWindow *self)
{
  KtBackupsWindow *window;

  g_return_if_fail (KT_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  window = kt_backups_window_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (window, "restored", G_CALLBACK (restored_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}
