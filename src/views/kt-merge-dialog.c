/* kt-merge-dialog.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-merge-dialog.h"
#include "kt-write-retry.h"

struct _KtMergeDialog
{
  AdwWindow     parent_instance;

  GtkWidget    *heading_label;
  GtkWidget    *body_label;
  GtkWidget    *message_label;
  GtkWidget    *list;
  GtkWidget    *save_button;

  KtStore      *store;
  KtStoreMerge *merge;
  gpointer      saved;      /* the record kt_store_merge_save () returned */
  gboolean      saving;     /* a Save waits in kt_write_run () */
  gboolean      can_save;   /* FALSE once the row is gone for good */
  gboolean      finished;   /* "saved" or "cancelled" was emitted */
};

G_DEFINE_FINAL_TYPE (KtMergeDialog, kt_merge_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
free_saved (KtMergeDialog *self)
{
  const char *entity;

  if (self->saved == NULL)
    return;

  entity = kt_store_merge_get_entity (self->merge);
  if (g_strcmp0 (entity, "supplier") == 0)
    kt_supplier_free (self->saved);
  else if (g_strcmp0 (entity, "activity") == 0)
    kt_activity_free (self->saved);
  else
    kt_contract_free (self->saved);
  self->saved = NULL;
}

static void
update_actions (KtMergeDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.save",
                                 self->can_save && !self->saving);
}

static void
show_message (KtMergeDialog *self,
              const char    *message,
              gboolean       is_error)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
  if (is_error)
    gtk_widget_add_css_class (self->message_label, "error");
  else
    gtk_widget_remove_css_class (self->message_label, "error");
}

/* “Anna Jensen saved this contract at 27.11.2026 14:32 while you were
 * editing it.” — one sentence per kind of record, for the translators. */
static char *
saved_sentence (KtStoreMerge *merge)
{
  const char *entity = kt_store_merge_get_entity (merge);
  const char *author = kt_store_merge_get_their_author (merge);
  const char *when = kt_store_merge_get_their_time (merge);
  gboolean supplier = g_strcmp0 (entity, "supplier") == 0;
  gboolean activity = g_strcmp0 (entity, "activity") == 0;

  if (author == NULL || *author == '\0')
    author = _("A colleague");

  if (when == NULL || *when == '\0')
    {
      if (supplier)
        /* Translators: %s is a person, “Anna Jensen” */
        return g_strdup_printf (_("%s saved this supplier while you were editing it."), author);
      if (activity)
        return g_strdup_printf (_("%s saved this activity while you were editing it."), author);
      return g_strdup_printf (_("%s saved this contract while you were editing it."), author);
    }

  if (supplier)
    /* Translators: a person and a date and time, “Anna Jensen”, “27.11.2026 14:32” */
    return g_strdup_printf (_("%s saved this supplier at %s while you were editing it."),
                            author, when);
  if (activity)
    return g_strdup_printf (_("%s saved this activity at %s while you were editing it."),
                            author, when);
  return g_strdup_printf (_("%s saved this contract at %s while you were editing it."),
                          author, when);
}

static void
choice_toggled_cb (GtkCheckButton *button,
                   KtMergeDialog  *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kt-field-index"));
  KtMergeChoice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kt-choice"));

  if (gtk_check_button_get_active (button) && index < kt_store_merge_get_n_fields (self->merge))
    kt_store_merge_set_choice (self->merge, index, choice);
}

/* One side of a field: “Theirs: 120.000,00 kr.”, read out as “Keep theirs
 * for Annual operating cost” with the value as its description. */
static GtkWidget *
choice_button_new (KtMergeDialog *self,
                   guint          index,
                   KtMergeChoice  choice,
                   const char    *field_label,
                   const char    *value)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  const char *shown = value != NULL && *value != '\0'
                      /* Translators: a field's value when it has none */
                      ? value : _("(empty)");

  if (choice == KT_MERGE_THEIRS)
    {
      /* Translators: the colleague's value of a field */
      text = g_strdup_printf (_("Theirs: %s"), shown);
      /* Translators: %s is a field, “Annual operating cost” */
      name = g_strdup_printf (_("Keep theirs for %s"), field_label);
    }
  else
    {
      /* Translators: the user's own value of a field */
      text = g_strdup_printf (_("Mine: %s"), shown);
      /* Translators: %s is a field, “Annual operating cost” */
      name = g_strdup_printf (_("Keep mine for %s"), field_label);
    }

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown,
                                  -1);

  g_object_set_data (G_OBJECT (button), "kt-field-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "kt-choice", GINT_TO_POINTER (choice));

  return button;
}

static GtkWidget *
field_row_new (KtMergeDialog      *self,
               guint               index,
               const KtMergeField *field)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (field->label);
  GtkWidget *theirs;
  GtkWidget *mine;

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (title_box), title);

  /* Only here did the two of them disagree: worth a second look. */
  if (field->changed_by_me && field->changed_by_them)
    {
      /* Translators: marks a field that the user and the colleague both changed */
      GtkWidget *tag = gtk_label_new (_("Changed by both"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "caption-heading");
      gtk_widget_add_css_class (tag, "warning");
      gtk_box_append (GTK_BOX (title_box), tag);
    }

  theirs = choice_button_new (self, index, KT_MERGE_THEIRS, field->label, field->theirs_text);
  mine = choice_button_new (self, index, KT_MERGE_MINE, field->label, field->mine_text);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (mine), GTK_CHECK_BUTTON (theirs));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field->choice == KT_MERGE_MINE ? mine : theirs),
                               TRUE);
  g_signal_connect_object (theirs, "toggled", G_CALLBACK (choice_toggled_cb), self, 0);
  g_signal_connect_object (mine, "toggled", G_CALLBACK (choice_toggled_cb), self, 0);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), title_box);
  gtk_box_append (GTK_BOX (box), theirs);
  gtk_box_append (GTK_BOX (box), mine);

  /* The two choices take the focus, not the row around them. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);

  return row;
}

static void
fill (KtMergeDialog *self)
{
  g_autofree char *sentence = saved_sentence (self->merge);
  g_autofree char *body = NULL;
  GtkWidget *child;
  guint n = kt_store_merge_get_n_fields (self->merge);

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  if (n > 0)
    /* Translators: %s is “Anna Jensen saved this contract at … while you
     * were editing it.” */
    body = g_strdup_printf (_("%s Choose for each field which version to keep."), sentence);
  else
    body = g_strdup_printf (_("%s Your changes and theirs are now the same: saving keeps "
                              "them."), sentence);
  gtk_label_set_text (GTK_LABEL (self->body_label), body);
  gtk_widget_set_visible (self->list, n > 0);

  for (guint i = 0; i < n; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list),
                         field_row_new (self, i, kt_store_merge_get_field (self->merge, i)));
}

static void
finish (KtMergeDialog *self,
        guint          signal)
{
  if (self->finished)
    return;

  self->finished = TRUE;
  g_object_ref (self);
  if (signal == SAVED)
    g_signal_emit (self, signals[SAVED], 0, self->saved);
  else
    g_signal_emit (self, signals[CANCELLED], 0);
  free_saved (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

/* The row changed yet again while the dialog was open: the same choice
 * against the newest version, with the user's picks carried over. */
static void
rebuild (KtMergeDialog *self)
{
  g_autoptr(GError) error = NULL;
  KtStoreMerge *merge = kt_store_merge_rebuild (self->store, self->merge, &error);

  if (merge == NULL)
    {
      /* Deleted meanwhile, or unreadable: nothing left to save into. */
      show_message (self, error->message, TRUE);
      self->can_save = !g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);
      update_actions (self);
      return;
    }

  kt_store_merge_free (self->merge);
  self->merge = merge;
  fill (self);
  show_message (self, _("It was changed again meanwhile. Check the choices below and save "
                        "again."), FALSE);
}

static gboolean
save_write_cb (gpointer   user_data,
               GError   **error)
{
  KtMergeDialog *self = user_data;
  gpointer saved;

  /* Cancelled while the file was locked: the wait ends without a write. */
  if (self->finished)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return FALSE;
    }

  saved = kt_store_merge_save (self->store, self->merge, error);
  if (saved == NULL)
    return FALSE;

  free_saved (self);
  self->saved = saved;
  return TRUE;
}

static void
save_done_cb (gpointer      user_data,
              const GError *error)
{
  KtMergeDialog *self = user_data;

  self->saving = FALSE;
  if (self->finished)
    return;
  update_actions (self);

  if (error == NULL)
    finish (self, SAVED);
  else if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT))
    rebuild (self);
  else
    /* Also a wait the user gave up or a file that went away: the dialog
     * stays, with the choices made, for another try. */
    show_message (self, error->message, TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KtMergeDialog *self = KT_MERGE_DIALOG (widget);

  if (!self->can_save || self->saving || self->finished)
    return;

  show_message (self, NULL, FALSE);
  self->saving = TRUE;
  update_actions (self);
  if (!kt_write_run (widget, save_write_cb, save_done_cb, g_object_ref (self), g_object_unref))
    {
      /* A write of this dialog waits already: that one will answer. */
      g_object_unref (self);
    }
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  finish (KT_MERGE_DIALOG (widget), CANCELLED);
}

static gboolean
kt_merge_dialog_close_request (GtkWindow *window)
{
  /* Closed by the window manager: the same as Cancel. */
  finish (KT_MERGE_DIALOG (window), CANCELLED);

  return TRUE;
}

static void
kt_merge_dialog_dispose (GObject *object)
{
  KtMergeDialog *self = KT_MERGE_DIALOG (object);

  if (self->merge != NULL)
    free_saved (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_MERGE_DIALOG);
  g_clear_pointer (&self->merge, kt_store_merge_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kt_merge_dialog_parent_class)->dispose (object);
}

static void
kt_merge_dialog_class_init (KtMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kt_merge_dialog_dispose;
  window_class->close_request = kt_merge_dialog_close_request;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Read out as a dialog, as AdwMessageDialog is: AdwWindow subclasses
   * otherwise reach the accessibility bus as an anonymous "filler". */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KtMergeDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, KtMergeDialog, body_label);
  gtk_widget_class_bind_template_child (widget_class, KtMergeDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, KtMergeDialog, list);
  gtk_widget_class_bind_template_child (widget_class, KtMergeDialog, save_button);

  gtk_widget_class_install_action (widget_class, "merge.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "merge.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "merge.cancel", NULL);
}

static void
kt_merge_dialog_init (KtMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->can_save = TRUE;
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

KtMergeDialog *
kt_merge_dialog_new (GtkWindow    *parent,
                     const char   *title,
                     KtStore      *store,
                     KtStoreMerge *merge)
{
  KtMergeDialog *self;
  GtkWidget *first;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (KT_IS_STORE (store), NULL);
  g_return_val_if_fail (merge != NULL, NULL);

  /* The role on the instance too: GTK 4.8 loses the class's when the
   * focus is set before the window is shown. */
  self = g_object_new (KT_TYPE_MERGE_DIALOG,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       "title", title,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->merge = merge;
  gtk_label_set_text (GTK_LABEL (self->heading_label), title);
  fill (self);

  /* Start at the first decision rather than on Cancel. */
  first = gtk_widget_get_first_child (self->list);
  if (first != NULL)
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (first));
      GtkWidget *theirs = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
      GtkWidget *mine = gtk_widget_get_next_sibling (theirs);

      gtk_window_set_focus (GTK_WINDOW (self),
                            gtk_check_button_get_active (GTK_CHECK_BUTTON (mine)) ? mine : theirs);
    }

  return self;
}
