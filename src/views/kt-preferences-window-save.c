/* kt-preferences-window-save.c — saving the portfolio's settings
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deadline terms and the matrix settings are two records with one
 * Save and one flow: both are checked before anything is written, then
 * each changed one is written in turn through kt_write_run () (a locked
 * file is waited for, a failing one keeps the values in the window). A
 * conflict stops at that record: what was written before it stays saved,
 * and Save stays on for the rest. Settings have no merge: the conflict
 * dialog offers the colleague's values or the user's.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-preferences-window-private.h"
#include "kt-write-retry.h"

typedef enum {
  PART_DEADLINES,
  PART_MATRIX,
  N_PARTS
} Part;

static gboolean
part_dirty (KtPreferencesWindow *self,
            Part                 part)
{
  if (part == PART_DEADLINES)
    return kt_preferences_window_deadlines_dirty (self);

  return kt_preferences_window_matrix_dirty (self);
}

/* The window's values of @part; FALSE when they cannot be saved (*out is
 * still set, with the stored value where the text is no value). */
static gboolean
part_collect (KtPreferencesWindow  *self,
              Part                  part,
              gpointer             *out,
              GError              **error)
{
  if (part == PART_DEADLINES)
    {
      *out = kt_preferences_window_collect (self);
      return TRUE;
    }

  return kt_preferences_window_collect_matrix (self, (KtMatrixSettings **) out, error);
}

static void
part_free (Part     part,
           gpointer settings)
{
  if (settings == NULL)
    return;

  if (part == PART_DEADLINES)
    kt_deadline_settings_free (settings);
  else
    kt_matrix_settings_free (settings);
}

static gboolean
part_write (KtStore   *store,
            Part       part,
            gpointer   settings,
            GError   **error)
{
  if (part == PART_DEADLINES)
    return kt_store_set_deadline_settings (store, settings, error);

  return kt_store_set_matrix_settings (store, settings, error);
}

static gpointer
part_read (KtStore  *store,
           Part      part,
           GError  **error)
{
  if (part == PART_DEADLINES)
    return kt_store_get_deadline_settings (store, error);

  return kt_store_get_matrix_settings (store, error);
}

/* Takes @settings as stored, with who changed them when. */
static void
part_show (KtPreferencesWindow *self,
           Part                 part,
           gpointer             settings)
{
  if (part == PART_DEADLINES)
    kt_preferences_window_show_settings (self, settings);
  else
    kt_preferences_window_show_matrix_settings (self, settings);
}

/* The user's values, kept in the rows. */
static void
part_show_values (KtPreferencesWindow *self,
                  Part                 part,
                  gconstpointer        settings)
{
  if (part == PART_DEADLINES)
    kt_preferences_window_show_values (self, settings);
  else
    kt_preferences_window_show_matrix_values (self, settings);
}

static void
conflict_response_cb (AdwMessageDialog    *dialog,
                      const char          *response,
                      KtPreferencesWindow *self)
{
  Part part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "part"));
  gpointer latest = g_object_steal_data (G_OBJECT (dialog), "latest");
  gpointer mine = NULL;

  if (latest == NULL)
    return;

  part_collect (self, part, &mine, NULL);
  part_show (self, part, latest);
  /* Keep editing: the user's values, measured against the colleague's. */
  if (g_strcmp0 (response, "reload") != 0)
    {
      part_show_values (self, part, mine);
      kt_preferences_window_update_state (self);
    }
  part_free (part, mine);
}

static void
show_conflict (KtPreferencesWindow *self,
               Part                 part,
               const char          *message)
{
  g_autoptr(GError) error = NULL;
  gpointer latest = part_read (self->store, part, &error);
  GtkWidget *dialog;

  if (latest == NULL)
    {
      kt_dialog_show_error (GTK_WIDGET (self), _("The Settings Could Not Be Saved"),
                            error->message);
      return;
    }

  dialog = kt_dialog_new_conflict (GTK_WIDGET (self), _("Someone Else Changed These Settings"),
                                   message);
  g_object_set_data (G_OBJECT (dialog), "part", GUINT_TO_POINTER (part));
  g_object_set_data_full (G_OBJECT (dialog), "latest", latest,
                          part == PART_DEADLINES ? (GDestroyNotify) kt_deadline_settings_free
                                                 : (GDestroyNotify) kt_matrix_settings_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  KtPreferencesWindow *self;     /* not a reference: kt_write_run () ends with the window */
  KtStore             *store;
  gpointer             settings[N_PARTS];   /* to write; NULL: unchanged */
  gboolean             written[N_PARTS];
  Part                 failed;
  gboolean             close;   /* the window closes once all is saved */
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  for (Part part = 0; part < N_PARTS; part++)
    part_free (part, request->settings[part]);
  g_clear_object (&request->store);
  g_free (request);
}

/* A retry after a locked file writes only what is not written yet. */
static gboolean
save_write_cb (gpointer   data,
               GError   **error)
{
  SaveRequest *request = data;

  for (Part part = 0; part < N_PARTS; part++)
    {
      if (request->settings[part] == NULL || request->written[part])
        continue;

      if (!part_write (request->store, part, request->settings[part], error))
        {
          request->failed = part;
          return FALSE;
        }
      request->written[part] = TRUE;
    }

  return TRUE;
}

static void
save_done_cb (gpointer      data,
              const GError *error)
{
  SaveRequest *request = data;
  KtPreferencesWindow *self = request->self;
  gboolean any = FALSE;

  for (Part part = 0; part < N_PARTS; part++)
    {
      gpointer saved;

      if (!request->written[part])
        continue;

      /* Read back for who changed it when. */
      saved = part_read (request->store, part, NULL);
      part_show (self, part, saved != NULL ? saved : g_steal_pointer (&request->settings[part]));
      any = TRUE;
    }
  if (any)
    kt_preferences_window_emit_saved (self);

  if (error == NULL)
    {
      if (request->close)
        {
          self->closing = TRUE;
          gtk_window_close (GTK_WINDOW (self));
          return;
        }
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Settings saved")));
    }
  else if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT))
    show_conflict (self, request->failed, error->message);
  else if (!kt_write_error_was_shown (error))
    kt_dialog_show_error (GTK_WIDGET (self), _("The Settings Could Not Be Saved"),
                          error->message);

  kt_preferences_window_update_state (self);
}

void
kt_preferences_window_save (KtPreferencesWindow *self,
                            gboolean             close)
{
  g_autoptr(GError) error = NULL;
  SaveRequest *request;

  if (!kt_preferences_window_is_dirty (self))
    return;

  request = g_new0 (SaveRequest, 1);
  request->self = self;
  request->store = g_object_ref (self->store);
  request->close = close;

  for (Part part = 0; part < N_PARTS; part++)
    {
      if (!part_dirty (self, part))
        continue;

      if (!part_collect (self, part, &request->settings[part], &error))
        {
          /* Only the matrix has text that may be no value: its amount. */
          kt_dialog_show_error (GTK_WIDGET (self), _("The Settings Could Not Be Saved"),
                                error->message);
          gtk_widget_grab_focus (self->spend_row);
          save_request_free (request);
          return;
        }
    }

  if (!kt_write_run (GTK_WIDGET (self), save_write_cb, save_done_cb, request,
                     (GDestroyNotify) save_request_free))
    {
      save_request_free (request);
      return;
    }

  if (!self->closing)
    kt_preferences_window_update_state (self);
}
