/* kt-preferences-window.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-money-row.h"
#include "kt-preferences-window-private.h"
#include "kt-spin-row.h"
#include "kt-time-stamp.h"
#include "kt-write-retry.h"


G_DEFINE_FINAL_TYPE (KtPreferencesWindow, kt_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_read_only (KtPreferencesWindow *self)
{
  return self->store == NULL || kt_store_is_read_only (self->store);
}

KtDeadlineSettings *
kt_preferences_window_collect (KtPreferencesWindow *self)
{
  KtDeadlineSettings *settings = kt_deadline_settings_copy (self->base);

  settings->decision_buffer_days = kt_spin_row_get_value (KT_SPIN_ROW (self->buffer_row));
  for (guint i = 0; i < KT_PROCUREMENT_N_FORMS; i++)
    settings->lead_months[i] = kt_spin_row_get_value (KT_SPIN_ROW (self->lead_rows[i]));

  return settings;
}

/* The supplier matrix's thresholds and scales. FALSE (with the stored
 * amount kept) when the full spend is not an amount. */
gboolean
kt_preferences_window_collect_matrix (KtPreferencesWindow  *self,
                                      KtMatrixSettings    **out,
                                      GError              **error)
{
  KtMatrixSettings *settings = kt_matrix_settings_copy (self->matrix_base);
  gint64 spend;
  gboolean valid;

  settings->importance_threshold = kt_spin_row_get_value (KT_SPIN_ROW (self->importance_row));
  settings->risk_threshold = kt_spin_row_get_value (KT_SPIN_ROW (self->risk_row));
  settings->long_notice_months = kt_spin_row_get_value (KT_SPIN_ROW (self->notice_row));
  valid = kt_money_row_get_amount (KT_MONEY_ROW (self->spend_row), &spend, error);
  if (valid)
    settings->full_spend = spend != KT_MONEY_NONE ? spend : 0;

  *out = settings;
  return valid;
}

static gboolean
matrix_equal_fields (const KtMatrixSettings *a,
                     const KtMatrixSettings *b)
{
  return a->importance_threshold == b->importance_threshold &&
         a->risk_threshold == b->risk_threshold &&
         a->full_spend == b->full_spend &&
         a->long_notice_months == b->long_notice_months;
}

gboolean
kt_preferences_window_deadlines_dirty (KtPreferencesWindow *self)
{
  g_autoptr(KtDeadlineSettings) settings = NULL;

  if (self->base == NULL || is_read_only (self))
    return FALSE;

  settings = kt_preferences_window_collect (self);
  return !kt_deadline_settings_equal_fields (settings, self->base);
}

gboolean
kt_preferences_window_matrix_dirty (KtPreferencesWindow *self)
{
  g_autoptr(KtMatrixSettings) settings = NULL;

  if (self->matrix_base == NULL || is_read_only (self) || !gtk_widget_get_sensitive (self->matrix_group))
    return FALSE;

  /* Text that is no amount: Save says so */
  if (!kt_preferences_window_collect_matrix (self, &settings, NULL))
    return TRUE;
  return !matrix_equal_fields (settings, self->matrix_base);
}

gboolean
kt_preferences_window_is_dirty (KtPreferencesWindow *self)
{
  return kt_preferences_window_deadlines_dirty (self) || kt_preferences_window_matrix_dirty (self);
}

void
kt_preferences_window_update_state (KtPreferencesWindow *self)
{
  g_autoptr(KtDeadlineSettings) defaults = kt_deadline_settings_new ();
  g_autoptr(KtMatrixSettings) matrix_defaults = kt_matrix_settings_new ();
  g_autoptr(KtDeadlineSettings) settings = NULL;
  g_autoptr(KtMatrixSettings) matrix = NULL;
  gboolean matrix_valid;

  if (self->base == NULL || self->matrix_base == NULL)
    return;

  settings = kt_preferences_window_collect (self);
  matrix_valid = kt_preferences_window_collect_matrix (self, &matrix, NULL);
  /* Off while a save waits for the file. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.save",
                                 kt_preferences_window_is_dirty (self) &&
                                 !kt_write_is_pending (GTK_WIDGET (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.defaults",
                                 !is_read_only (self) &&
                                 (!kt_deadline_settings_equal_fields (settings, defaults) ||
                                  !matrix_valid || !matrix_equal_fields (matrix, matrix_defaults)));
}

void
kt_preferences_window_show_values (KtPreferencesWindow      *self,
                                   const KtDeadlineSettings *settings)
{
  self->setting = TRUE;
  kt_spin_row_set_value (KT_SPIN_ROW (self->buffer_row), settings->decision_buffer_days);
  for (guint i = 0; i < KT_PROCUREMENT_N_FORMS; i++)
    kt_spin_row_set_value (KT_SPIN_ROW (self->lead_rows[i]), settings->lead_months[i]);
  self->setting = FALSE;
}

void
kt_preferences_window_show_matrix_values (KtPreferencesWindow    *self,
                                          const KtMatrixSettings *settings)
{
  self->setting = TRUE;
  kt_spin_row_set_value (KT_SPIN_ROW (self->importance_row), settings->importance_threshold);
  kt_spin_row_set_value (KT_SPIN_ROW (self->risk_row), settings->risk_threshold);
  kt_money_row_set_amount (KT_MONEY_ROW (self->spend_row), settings->full_spend);
  kt_spin_row_set_value (KT_SPIN_ROW (self->notice_row), settings->long_notice_months);
  self->setting = FALSE;
}

/* Takes settings. */
void
kt_preferences_window_show_matrix_settings (KtPreferencesWindow *self,
                                            KtMatrixSettings    *settings)
{
  g_autofree char *changed = NULL;

  g_clear_pointer (&self->matrix_base, kt_matrix_settings_free);
  self->matrix_base = settings;
  kt_preferences_window_show_matrix_values (self, settings);

  changed = kt_time_stamp_last_changed (settings->changed_by, settings->changed_at);
  gtk_label_set_text (GTK_LABEL (self->matrix_changed_label), changed != NULL ? changed : "");
  gtk_widget_set_visible (self->matrix_changed_label, changed != NULL);

  kt_preferences_window_update_state (self);
}

/* Takes settings. */
void
kt_preferences_window_show_settings (KtPreferencesWindow *self,
                                     KtDeadlineSettings  *settings)
{
  g_autofree char *changed = NULL;

  g_clear_pointer (&self->base, kt_deadline_settings_free);
  self->base = settings;
  kt_preferences_window_show_values (self, settings);

  changed = kt_time_stamp_last_changed (settings->changed_by, settings->changed_at);
  gtk_label_set_text (GTK_LABEL (self->changed_label), changed != NULL ? changed : "");
  gtk_widget_set_visible (self->changed_label, changed != NULL);

  kt_preferences_window_update_state (self);
}

static void
value_changed_cb (KtPreferencesWindow *self)
{
  if (!self->setting)
    kt_preferences_window_update_state (self);
}

void
kt_preferences_window_emit_saved (KtPreferencesWindow *self)
{
  g_signal_emit (self, signals[SAVED], 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  /* Closing after a save that ends at once: kept until then. */
  g_autoptr(KtPreferencesWindow) self = g_object_ref (KT_PREFERENCES_WINDOW (widget));

  kt_preferences_window_save (self, FALSE);
}

static void
defaults_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KtPreferencesWindow *self = KT_PREFERENCES_WINDOW (widget);
  g_autoptr(KtDeadlineSettings) defaults = kt_deadline_settings_new ();
  g_autoptr(KtMatrixSettings) matrix_defaults = kt_matrix_settings_new ();

  kt_preferences_window_show_values (self, defaults);
  if (gtk_widget_get_sensitive (self->matrix_group))
    kt_preferences_window_show_matrix_values (self, matrix_defaults);
  kt_preferences_window_update_state (self);
}

static void
close_response_cb (AdwMessageDialog    *dialog,
                   const char          *response,
                   KtPreferencesWindow *self)
{
  g_autoptr(KtPreferencesWindow) alive = g_object_ref (self);

  if (g_strcmp0 (response, "save") == 0)
    {
      kt_preferences_window_save (self, TRUE);
      return;
    }
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
kt_preferences_window_close_request (GtkWindow *window)
{
  KtPreferencesWindow *self = KT_PREFERENCES_WINDOW (window);
  GtkWidget *dialog;

  if (self->closing || !kt_preferences_window_is_dirty (self))
    return GTK_WINDOW_CLASS (kt_preferences_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save the Settings?"),
                                   _("The changed terms apply to everyone who opens this "
                                     "portfolio once they are saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
kt_preferences_window_dispose (GObject *object)
{
  KtPreferencesWindow *self = KT_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->base, kt_deadline_settings_free);
  g_clear_pointer (&self->matrix_base, kt_matrix_settings_free);

  G_OBJECT_CLASS (kt_preferences_window_parent_class)->dispose (object);
}

static void
kt_preferences_window_class_init (KtPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kt_preferences_window_dispose;
  window_class->close_request = kt_preferences_window_close_request;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (KT_TYPE_SPIN_ROW);
  g_type_ensure (KT_TYPE_MONEY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, shared_row);
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, decision_group);
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, lead_group);
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, buffer_row);
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, defaults_button);
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, matrix_group);
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, importance_row);
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, risk_row);
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, spend_row);
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, notice_row);
  gtk_widget_class_bind_template_child (widget_class, KtPreferencesWindow, matrix_changed_label);

  gtk_widget_class_install_action (widget_class, "preferences.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "preferences.defaults", NULL, defaults_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "preferences.save", NULL);
}

static void
kt_preferences_window_init (KtPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  kt_spin_row_set_range (KT_SPIN_ROW (self->buffer_row), 0, KT_DEADLINE_MAX_DECISION_BUFFER_DAYS);
  g_signal_connect_swapped (self->buffer_row, "changed", G_CALLBACK (value_changed_cb), self);

  /* The ranges kt_matrix_settings_check () allows */
  kt_spin_row_set_range (KT_SPIN_ROW (self->importance_row), KT_SCORE_THRESHOLD_MIN, KT_SCORE_THRESHOLD_MAX);
  kt_spin_row_set_range (KT_SPIN_ROW (self->risk_row), KT_SCORE_THRESHOLD_MIN, KT_SCORE_THRESHOLD_MAX);
  kt_spin_row_set_range (KT_SPIN_ROW (self->notice_row), KT_SCORE_LONG_NOTICE_MIN, KT_SCORE_LONG_NOTICE_MAX);
  g_signal_connect_swapped (self->importance_row, "changed", G_CALLBACK (value_changed_cb), self);
  g_signal_connect_swapped (self->risk_row, "changed", G_CALLBACK (value_changed_cb), self);
  g_signal_connect_swapped (self->notice_row, "changed", G_CALLBACK (value_changed_cb), self);
  g_signal_connect_swapped (self->spend_row, "changed", G_CALLBACK (value_changed_cb), self);

  for (guint i = 0; i < KT_PROCUREMENT_N_FORMS; i++)
    {
      GtkWidget *row = kt_spin_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     kt_enum_label (KT_ENUM_PROCUREMENT_FORM, i));
      /* Translators: the unit of a re-procurement lead time */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Months before the end date"));
      kt_spin_row_set_range (KT_SPIN_ROW (row), 0, KT_DEADLINE_MAX_LEAD_MONTHS);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (value_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->lead_group), row);
      self->lead_rows[i] = row;
    }
}

KtPreferencesWindow *
kt_preferences_window_new (GtkWindow *parent,
                           KtStore   *store)
{
  KtPreferencesWindow *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  KtDeadlineSettings *settings;
  KtMatrixSettings *matrix;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KT_IS_STORE (store), NULL);

  self = g_object_new (KT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  name = g_filename_display_basename (kt_store_get_path (store));
  if (is_read_only (self))
    /* Translators: %s is the file name of the portfolio */
    text = g_strdup_printf (_("These terms are kept in the portfolio “%s”, which is open "
                              "read-only here: they cannot be changed."), name);
  else
    /* Translators: %s is the file name of the portfolio */
    text = g_strdup_printf (_("These terms are kept in the portfolio “%s”. A change applies to "
                              "every colleague who opens it, once saved."), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->shared_row), text);

  gtk_widget_set_sensitive (self->decision_group, !is_read_only (self));
  gtk_widget_set_sensitive (self->lead_group, !is_read_only (self));
  gtk_widget_set_sensitive (self->matrix_group, !is_read_only (self));
  gtk_widget_set_visible (self->save_button, !is_read_only (self));
  gtk_widget_set_visible (self->defaults_button, !is_read_only (self));

  settings = kt_store_get_deadline_settings (store, &error);
  if (settings == NULL)
    {
      /* Shown, not saved: the defaults the deadlines are then computed with. */
      g_warning ("Could not read the deadline settings: %s", error->message);
      g_clear_error (&error);
      settings = kt_deadline_settings_new ();
      gtk_widget_set_sensitive (self->decision_group, FALSE);
      gtk_widget_set_sensitive (self->lead_group, FALSE);
      gtk_widget_set_visible (self->save_button, FALSE);
      gtk_widget_set_visible (self->defaults_button, FALSE);
    }
  matrix = kt_store_get_matrix_settings (store, &error);
  if (matrix == NULL)
    {
      /* Shown, not saved: the defaults the matrix is then drawn with. */
      g_warning ("Could not read the supplier matrix settings: %s", error->message);
      g_clear_error (&error);
      matrix = kt_matrix_settings_new ();
      gtk_widget_set_sensitive (self->matrix_group, FALSE);
    }

  kt_preferences_window_show_settings (self, settings);
  kt_preferences_window_show_matrix_settings (self, matrix);

  return self;
}
