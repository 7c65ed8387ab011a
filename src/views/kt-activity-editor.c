/* kt-activity-editor.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-activity-editor-private.h"
#include "kt-choice-row.h"
#include "kt-date-row.h"
#include "kt-dialogs.h"
#include "kt-error-row.h"
#include "kt-format.h"
#include "kt-time-stamp.h"
#include "kt-validation.h"
#include "kt-write-retry.h"


G_DEFINE_FINAL_TYPE (KtActivityEditor, kt_activity_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Which row shows the problems of which field of kt_activity_validate ().
 * The offsets are of KtActivityEditor. */
static const struct {
  const char *field;
  gsize       row;
} field_rows[] = {
  { "type", G_STRUCT_OFFSET (KtActivityEditor, type_row) },
  { "description", G_STRUCT_OFFSET (KtActivityEditor, description_row) },
  { "clause_ref", G_STRUCT_OFFSET (KtActivityEditor, clause_row) },
  { "responsible_id", G_STRUCT_OFFSET (KtActivityEditor, responsible_row) },
  { "deadline", G_STRUCT_OFFSET (KtActivityEditor, deadline_row) },
  { "recurrence", G_STRUCT_OFFSET (KtActivityEditor, recurrence_row) },
  { "recurrence_until", G_STRUCT_OFFSET (KtActivityEditor, until_row) },
  { "status", G_STRUCT_OFFSET (KtActivityEditor, status_row) },
  { "done_date", G_STRUCT_OFFSET (KtActivityEditor, done_row) },
};

#define ROW(self, i) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), field_rows[i].row))

static gboolean
is_read_only (KtActivityEditor *self)
{
  return self->store == NULL || kt_store_is_read_only (self->store);
}

static char *
text_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static void
set_text (GtkWidget  *row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill_enum_row (GtkWidget  *row,
               KtEnumKind  kind)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < kt_enum_count (kind); i++)
    gtk_string_list_append (labels, kt_enum_label (kind, i));

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
}

static void
read_date (GtkWidget  *row,
           const char *field,
           GDate      *out,
           GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;

  if (!kt_date_row_get_date (KT_DATE_ROW (row), out, &error))
    g_ptr_array_add (problems, kt_validation_problem_new (field, error->message));
}

/* The record as the rows have it, with everything that keeps it from
 * being saved: first what could not be read, then the model's rules.
 * Rows that are hidden do not count. */
KtActivity *
kt_activity_editor_collect (KtActivityEditor  *self,
                            GPtrArray        **problems_out,
                            gboolean          *dirty)
{
  g_autoptr(GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kt_validation_problem_free);
  g_autoptr(GPtrArray) rules = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  g_autofree char *notes = NULL;
  GtkTextIter start, end;
  KtActivity *a = kt_activity_copy (self->base);
  KtActivityStatus old_status = a->status;

  a->type = adw_combo_row_get_selected (ADW_COMBO_ROW (self->type_row));
  g_free (a->description);
  a->description = text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  g_free (a->clause_ref);
  a->clause_ref = text_or_null (gtk_editable_get_text (GTK_EDITABLE (self->clause_row)));
  a->responsible_id = kt_choice_row_get_selected_id (KT_CHOICE_ROW (self->responsible_row));

  read_date (self->deadline_row, "deadline", &a->deadline, problems);
  a->recurrence = adw_combo_row_get_selected (ADW_COMBO_ROW (self->recurrence_row));
  if (a->recurrence == KT_RECURRENCE_NONE)
    {
      /* A one-off activity has its own status; occurrences done while it
       * repeated stay in the audit trail. */
      g_date_clear (&a->recurrence_until, 1);
      g_date_clear (&a->done_through, 1);
    }
  else
    read_date (self->until_row, "recurrence_until", &a->recurrence_until, problems);

  a->status = adw_combo_row_get_selected (ADW_COMBO_ROW (self->status_row));
  if (gtk_widget_get_visible (self->done_row))
    read_date (self->done_row, "done_date", &a->done_date, problems);
  if (a->status == KT_ACTIVITY_STATUS_DONE && old_status != KT_ACTIVITY_STATUS_DONE)
    {
      /* As kt_store_mark_activity_done () records it by default. */
      g_free (a->done_by);
      a->done_by = g_strdup (g_get_real_name ());
    }
  else if (a->status != KT_ACTIVITY_STATUS_DONE && a->recurrence == KT_RECURRENCE_NONE)
    {
      g_date_clear (&a->done_date, 1);
      g_clear_pointer (&a->done_by, g_free);
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_free (a->notes);
  a->notes = text_or_null (notes);

  *dirty = problems->len > 0 || !kt_activity_equal_fields (a, self->base);

  rules = kt_activity_validate (a);
  for (guint i = 0; i < rules->len; i++)
    {
      const KtValidationProblem *problem = g_ptr_array_index (rules, i);

      if (kt_validation_find (problems, problem->field) == NULL)
        g_ptr_array_add (problems, kt_validation_problem_copy (problem));
    }

  *problems_out = g_steal_pointer (&problems);

  return a;
}

static void
show_problems (KtActivityEditor *self,
               GPtrArray        *problems)
{
  g_autoptr(GString) other = g_string_new (NULL);
  const char *done_through = kt_validation_find (problems, "done_through");

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      KtErrorRow *row = g_hash_table_lookup (self->error_rows, field_rows[i].field);
      const char *message = kt_validation_find (problems, field_rows[i].field);

      /* Done occurrences that no longer fit come from a changed deadline. */
      if (message == NULL && g_str_equal (field_rows[i].field, "deadline"))
        message = done_through;

      if (self->base->id == 0 && !g_hash_table_contains (self->touched, field_rows[i].field))
        kt_error_row_set_hint (row, message);
      else
        kt_error_row_set_message (row, message);
    }

  /* Anything without a row of its own, such as a missing contract. */
  for (guint i = 0; i < problems->len; i++)
    {
      const KtValidationProblem *problem = g_ptr_array_index (problems, i);
      gboolean has_row = g_hash_table_contains (self->error_rows, problem->field) ||
                         g_str_equal (problem->field, "done_through");

      if (!has_row)
        g_string_append_printf (other, "%s%s", other->len > 0 ? "\n" : "", problem->message);
    }

  if (other->len > 0 || !is_read_only (self))
    {
      gtk_label_set_text (GTK_LABEL (self->message_label), other->str);
      gtk_widget_set_visible (self->message_label, other->len > 0);
    }
}

static void
update_visibility (KtActivityEditor *self)
{
  gboolean recurring = adw_combo_row_get_selected (ADW_COMBO_ROW (self->recurrence_row)) !=
                       KT_RECURRENCE_NONE;
  gboolean done = adw_combo_row_get_selected (ADW_COMBO_ROW (self->status_row)) ==
                  KT_ACTIVITY_STATUS_DONE;
  GtkWidget *until_error = g_hash_table_lookup (self->error_rows, "recurrence_until");

  gtk_widget_set_visible (self->until_row, recurring);
  if (!recurring)
    gtk_widget_set_visible (until_error, FALSE);
  gtk_widget_set_visible (self->done_row, done);
  if (!done)
    gtk_widget_set_visible (g_hash_table_lookup (self->error_rows, "done_date"), FALSE);
}

void
kt_activity_editor_update_state (KtActivityEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KtActivity) record = NULL;
  gboolean dirty;

  update_visibility (self);
  record = kt_activity_editor_collect (self, &problems, &dirty);
  show_problems (self, problems);
  update_visibility (self);

  /* Off while a save waits for the file. */
  self->can_save = !is_read_only (self) && !kt_write_is_pending (GTK_WIDGET (self)) &&
                   problems->len == 0 && (dirty || self->base->id == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.save", self->can_save);
}

static void
show_status_details (KtActivityEditor *self)
{
  const KtActivity *a = self->base;
  g_autofree char *subtitle = NULL;
  g_autofree char *changed = NULL;

  if (kt_activity_is_recurring (a) && g_date_valid (&a->done_through))
    {
      g_autofree char *through = kt_format_date (&a->done_through);

      /* Translators: of a repeating activity; %s is a date */
      subtitle = g_strdup_printf (_("Done up to and including %s"), through);
    }
  else if (a->status == KT_ACTIVITY_STATUS_DONE && a->done_by != NULL)
    /* Translators: %s is a person's name */
    subtitle = g_strdup_printf (_("Marked done by %s"), a->done_by);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), subtitle != NULL ? subtitle : "");

  changed = kt_time_stamp_last_changed (a->changed_by, a->changed_at);
  gtk_label_set_text (GTK_LABEL (self->changed_label), changed != NULL ? changed : "");
  gtk_widget_set_visible (self->changed_label, changed != NULL);
}

/* Takes activity. */
static void
show_activity (KtActivityEditor *self,
               KtActivity       *activity)
{
  g_clear_pointer (&self->base, kt_activity_free);
  self->base = activity;

  self->setting = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->type_row), activity->type);
  set_text (self->description_row, activity->description);
  set_text (self->clause_row, activity->clause_ref);
  kt_choice_row_set_selected_id (KT_CHOICE_ROW (self->responsible_row), activity->responsible_id);
  kt_date_row_set_date (KT_DATE_ROW (self->deadline_row), &activity->deadline);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->recurrence_row), activity->recurrence);
  kt_date_row_set_date (KT_DATE_ROW (self->until_row), &activity->recurrence_until);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->status_row), activity->status);
  kt_date_row_set_date (KT_DATE_ROW (self->done_row), &activity->done_date);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view)),
                            activity->notes != NULL ? activity->notes : "", -1);
  g_hash_table_remove_all (self->touched);
  self->setting = FALSE;

  /* The window's own title is what screen readers announce. */
  gtk_window_set_title (GTK_WINDOW (self), activity->id == 0 ? _("New Activity") : _("Activity"));
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title),
                              gtk_window_get_title (GTK_WINDOW (self)));
  show_status_details (self);
  kt_activity_editor_update_state (self);
}

static void
field_changed_cb (GtkWidget        *row,
                  KtActivityEditor *self)
{
  if (self->setting)
    return;

  g_hash_table_add (self->touched, g_object_get_data (G_OBJECT (row), "kt-field"));

  /* Marking it done by hand: done today, unless the user says otherwise. */
  if (row == self->status_row &&
      adw_combo_row_get_selected (ADW_COMBO_ROW (row)) == KT_ACTIVITY_STATUS_DONE &&
      *gtk_editable_get_text (GTK_EDITABLE (self->done_row)) == '\0')
    {
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      self->setting = TRUE;
      kt_date_row_set_date (KT_DATE_ROW (self->done_row), &today);
      self->setting = FALSE;
    }

  kt_activity_editor_update_state (self);
}

static void
selected_changed_cb (GtkWidget        *row,
                     GParamSpec       *pspec,
                     KtActivityEditor *self)
{
  field_changed_cb (row, self);
}

static void
attach_field (KtActivityEditor *self,
              const char       *field,
              GtkWidget        *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  KtErrorRow *error_row = kt_error_row_new (row);

  gtk_list_box_insert (GTK_LIST_BOX (list), GTK_WIDGET (error_row),
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  g_hash_table_insert (self->error_rows, (gpointer) field, error_row);
  g_object_set_data (G_OBJECT (row), "kt-field", (gpointer) field);

  if (ADW_IS_COMBO_ROW (row))
    g_signal_connect (row, "notify::selected", G_CALLBACK (selected_changed_cb), self);
  else
    g_signal_connect (row, "changed", G_CALLBACK (field_changed_cb), self);
}

static void
notes_changed_cb (KtActivityEditor *self)
{
  if (!self->setting)
    kt_activity_editor_update_state (self);
}

void
kt_activity_editor_touch_all (KtActivityEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    g_hash_table_add (self->touched, (gpointer) field_rows[i].field);
}

void
kt_activity_editor_emit_saved (KtActivityEditor *self,
                               gint64            id)
{
  g_signal_emit (self, signals[SAVED], 0, id);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     KtActivityEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
kt_activity_editor_close_request (GtkWindow *window)
{
  KtActivityEditor *self = KT_ACTIVITY_EDITOR (window);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KtActivity) record = NULL;
  GtkWidget *dialog;
  gboolean dirty = FALSE;

  if (!self->closing && !is_read_only (self) && self->base != NULL)
    record = kt_activity_editor_collect (self, &problems, &dirty);

  if (!dirty)
    return GTK_WINDOW_CLASS (kt_activity_editor_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                   _("The activity has changes that are not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
kt_activity_editor_dispose (GObject *object)
{
  KtActivityEditor *self = KT_ACTIVITY_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->base, kt_activity_free);
  g_clear_pointer (&self->error_rows, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (kt_activity_editor_parent_class)->dispose (object);
}

static void
kt_activity_editor_class_init (KtActivityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kt_activity_editor_dispose;
  window_class->close_request = kt_activity_editor_close_request;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (KT_TYPE_CHOICE_ROW);
  g_type_ensure (KT_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-activity-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, KtActivityEditor, name)
  BIND (window_title);
  BIND (cancel_label);
  BIND (save_button);
  BIND (message_label);
  BIND (activity_group);
  BIND (deadline_group);
  BIND (status_group);
  BIND (notes_group);
  BIND (type_row);
  BIND (description_row);
  BIND (clause_row);
  BIND (responsible_row);
  BIND (deadline_row);
  BIND (recurrence_row);
  BIND (until_row);
  BIND (status_row);
  BIND (done_row);
  BIND (notes_view);
  BIND (changed_label);
#undef BIND

  gtk_widget_class_install_action (widget_class, "activity.save", NULL,
                                   kt_activity_editor_save_action);
  gtk_widget_class_install_action (widget_class, "activity.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "activity.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "activity.cancel", NULL);
}

static void
kt_activity_editor_init (KtActivityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->error_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);

  fill_enum_row (self->type_row, KT_ENUM_ACTIVITY_TYPE);
  fill_enum_row (self->recurrence_row, KT_ENUM_RECURRENCE);
  fill_enum_row (self->status_row, KT_ENUM_ACTIVITY_STATUS);

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    attach_field (self, field_rows[i].field, ROW (self, i));

  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view)),
                            "changed", G_CALLBACK (notes_changed_cb), self);
}

static void
load_people (KtActivityEditor *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  /* Without the list the row keeps the activity's own choice. */
  people = kt_store_list_people (self->store, &error);
  if (people == NULL)
    {
      g_warning ("Could not read the people of the portfolio: %s", error->message);
      return;
    }

  for (guint i = 0; i < people->len; i++)
    {
      const KtPerson *p = g_ptr_array_index (people, i);

      kt_choice_row_append (KT_CHOICE_ROW (self->responsible_row), p->id, p->name);
    }
}

KtActivityEditor *
kt_activity_editor_new (GtkWidget        *parent,
                        KtStore          *store,
                        const KtContract *contract,
                        const KtActivity *activity)
{
  KtActivityEditor *self;
  KtActivity *base;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (KT_IS_STORE (store), NULL);
  g_return_val_if_fail (contract != NULL, NULL);

  self = g_object_new (KT_TYPE_ACTIVITY_EDITOR,
                       "transient-for", kt_dialog_parent_for (parent),
                       NULL);
  self->store = g_object_ref (store);

  self->setting = TRUE;
  load_people (self);
  self->setting = FALSE;

  if (activity != NULL)
    base = kt_activity_copy (activity);
  else
    {
      base = kt_activity_new ();
      base->contract_id = contract->id;
      base->responsible_id = contract->administrator_id;
    }

  /* Translators: the subtitle of the activity dialog: contract number and name */
  subtitle = g_strdup_printf (_("%s – %s"), contract->number != NULL ? contract->number : "",
                              contract->name != NULL ? contract->name : "");
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), subtitle);

  if (is_read_only (self))
    {
      const char *reason = kt_store_get_read_only_reason (store);
      g_autofree char *text =
        /* Translators: %s says why, e.g. "The portfolio was opened read-only." */
        g_strdup_printf (_("This activity cannot be changed. %s"), reason != NULL ? reason : "");

      gtk_widget_set_visible (self->save_button, FALSE);
      gtk_label_set_text_with_mnemonic (GTK_LABEL (self->cancel_label), _("_Close"));
      gtk_label_set_text (GTK_LABEL (self->message_label), text);
      gtk_widget_set_visible (self->message_label, TRUE);
      gtk_widget_set_sensitive (self->activity_group, FALSE);
      gtk_widget_set_sensitive (self->deadline_group, FALSE);
      gtk_widget_set_sensitive (self->status_group, FALSE);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (self->notes_view), FALSE);
    }

  show_activity (self, base);
  gtk_widget_grab_focus (self->description_row);

  return self;
}
