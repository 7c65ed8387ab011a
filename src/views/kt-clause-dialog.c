/* kt-clause-dialog.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-clause-dialog.h"
#include "kt-dialogs.h"
#include "kt-time-stamp.h"
#include "kt-validation.h"
#include "kt-write-retry.h"

struct _KtClauseDialog
{
  AdwWindow  parent_instance;

  GtkWidget *window_title;
  GtkWidget *cancel_label;
  GtkWidget *save_button;
  GtkWidget *message_label;
  GtkWidget *clause_group;
  GtkWidget *category_row;
  GtkWidget *note_row;
  GtkWidget *text_label;
  GtkWidget *changed_label;

  KtStore   *store;
  KtClause  *base;
};

G_DEFINE_FINAL_TYPE (KtClauseDialog, kt_clause_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  CONFLICT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_read_only (KtClauseDialog *self)
{
  return kt_store_is_read_only (self->store);
}

static void
show_message (KtClauseDialog *self,
              const char     *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
}

static char *
note_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static void
note_activated_cb (KtClauseDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "clause-dialog.save", NULL);
}

/* ---- saving ----
 *
 * Through kt_write_run (): a colleague's lock is waited for from the main
 * loop, a file that went away is said so with a retry; the dialog and its
 * edit stay open meanwhile. */

typedef struct {
  KtClauseDialog *dialog;
  KtStore        *store;
  KtClause       *clause;
} Write;

static void
write_free (Write *write)
{
  g_clear_object (&write->dialog);
  g_clear_object (&write->store);
  g_clear_pointer (&write->clause, kt_clause_free);
  g_free (write);
}

static gboolean
save_write (gpointer   data,
            GError   **error)
{
  Write *write = data;

  return kt_store_save_clause (write->store, write->clause, error);
}

static void
save_done (gpointer      data,
           const GError *error)
{
  Write *write = data;
  KtClauseDialog *self = write->dialog;

  if (error == NULL)
    {
      g_signal_emit (self, signals[SAVED], 0, write->clause->id);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT) ||
      g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND))
    {
      /* Nothing of the user's is lost but a category and a note: the
       * owner shows the colleague's version instead. */
      g_signal_emit (self, signals[CONFLICT], 0, error->message);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* A wait the user gave up on was said already; the form keeps the edit. */
  if (!kt_write_error_was_shown (error))
    show_message (self, error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KtClauseDialog *self = KT_CLAUSE_DIALOG (widget);
  g_autoptr(GPtrArray) problems = NULL;
  Write *write;

  if (is_read_only (self))
    return;

  write = g_new0 (Write, 1);
  write->dialog = g_object_ref (self);
  write->store = g_object_ref (self->store);
  write->clause = kt_clause_dialog_get_clause (self);
  problems = kt_clause_validate (write->clause);
  if (problems->len > 0)
    {
      const KtValidationProblem *problem = g_ptr_array_index (problems, 0);

      show_message (self, problem->message);
      write_free (write);
      return;
    }

  /* FALSE: the last Save still waits for the file. */
  if (!kt_write_run (widget, save_write, save_done, write, (GDestroyNotify) write_free))
    write_free (write);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
kt_clause_dialog_dispose (GObject *object)
{
  KtClauseDialog *self = KT_CLAUSE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_CLAUSE_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->base, kt_clause_free);

  G_OBJECT_CLASS (kt_clause_dialog_parent_class)->dispose (object);
}

static void
kt_clause_dialog_class_init (KtClauseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_clause_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CONFLICT] = g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-clause-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KtClauseDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KtClauseDialog, cancel_label);
  gtk_widget_class_bind_template_child (widget_class, KtClauseDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, KtClauseDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, KtClauseDialog, clause_group);
  gtk_widget_class_bind_template_child (widget_class, KtClauseDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, KtClauseDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, KtClauseDialog, text_label);
  gtk_widget_class_bind_template_child (widget_class, KtClauseDialog, changed_label);
  gtk_widget_class_bind_template_callback (widget_class, note_activated_cb);

  gtk_widget_class_install_action (widget_class, "clause-dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "clause-dialog.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "clause-dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "clause-dialog.cancel", NULL);
}

static void
kt_clause_dialog_init (KtClauseDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < kt_enum_count (KT_ENUM_CLAUSE_CATEGORY); i++)
    gtk_string_list_append (labels, kt_enum_label (KT_ENUM_CLAUSE_CATEGORY, i));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->category_row), G_LIST_MODEL (labels));
}

KtClauseDialog *
kt_clause_dialog_new (GtkWidget      *parent,
                      KtStore        *store,
                      const KtClause *clause)
{
  KtClauseDialog *self;
  g_autofree char *page = NULL;
  g_autofree char *changed = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (KT_IS_STORE (store), NULL);
  g_return_val_if_fail (clause != NULL, NULL);

  self = g_object_new (KT_TYPE_CLAUSE_DIALOG,
                       "transient-for", kt_dialog_parent_for (parent),
                       NULL);
  self->store = g_object_ref (store);
  self->base = kt_clause_copy (clause);

  /* The window's own title is what screen readers announce. */
  gtk_window_set_title (GTK_WINDOW (self),
                        /* Translators: the dialog that marks a clause (Danish "Markér klausul") */
                        clause->id == 0 ? _("Mark Clause") : _("Edit Clause"));
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title),
                              gtk_window_get_title (GTK_WINDOW (self)));
  /* Translators: the page a marked clause is on */
  page = g_strdup_printf (_("Page %u"), clause->page + 1);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), page);

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->category_row), clause->category);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), clause->note != NULL ? clause->note : "");
  gtk_label_set_text (GTK_LABEL (self->text_label), clause->text != NULL ? clause->text : "");

  changed = kt_time_stamp_last_changed (clause->changed_by, clause->changed_at);
  gtk_label_set_text (GTK_LABEL (self->changed_label), changed != NULL ? changed : "");
  gtk_widget_set_visible (self->changed_label, changed != NULL);

  if (is_read_only (self))
    {
      const char *reason = kt_store_get_read_only_reason (store);
      g_autofree char *text =
        /* Translators: %s says why, e.g. "The portfolio was opened read-only." */
        g_strdup_printf (_("This clause cannot be changed. %s"), reason != NULL ? reason : "");

      gtk_widget_set_visible (self->save_button, FALSE);
      gtk_label_set_text_with_mnemonic (GTK_LABEL (self->cancel_label), _("_Close"));
      gtk_widget_set_sensitive (self->clause_group, FALSE);
      show_message (self, text);
    }

  gtk_widget_grab_focus (self->category_row);

  return self;
}

KtClause *
kt_clause_dialog_get_clause (KtClauseDialog *self)
{
  KtClause *clause;
  guint category;

  g_return_val_if_fail (KT_IS_CLAUSE_DIALOG (self), NULL);

  clause = kt_clause_copy (self->base);
  category = adw_combo_row_get_selected (ADW_COMBO_ROW (self->category_row));
  if (category < kt_enum_count (KT_ENUM_CLAUSE_CATEGORY))
    clause->category = category;
  g_free (clause->colour);
  clause->colour = g_strdup (kt_clause_category_colour (clause->category));
  g_free (clause->note);
  clause->note = note_or_null (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  return clause;
}

void
kt_clause_dialog_set_category (KtClauseDialog   *self,
                               KtClauseCategory  category)
{
  g_return_if_fail (KT_IS_CLAUSE_DIALOG (self));

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->category_row), category);
}

void
kt_clause_dialog_set_note (KtClauseDialog *self,
                           const char     *note)
{
  g_return_if_fail (KT_IS_CLAUSE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
}
