/* kt-matrix-view-edit.c — placing a supplier by hand, and back
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A place by hand overrules the portfolio's own numbers for everyone who
 * opens the file, so it is never silent: it asks why, stores who and when,
 * and can be undone from the toast (and with Ctrl+Z). Every write goes
 * through kt_write_run (): it waits for a colleague's lock and offers to
 * try again when the file is gone.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-dialogs.h"
#include "kt-matrix-view-private.h"
#include "kt-spin-row.h"
#include "kt-undo-toast.h"
#include "kt-write-retry.h"

typedef struct {
  KtMatrixView *view;
  gint64        supplier_id;
  /* The answer so far: the dialog destroys its widgets before it emits
   * "response" */
  guint         importance;
  guint         risk;
  char         *reason;
  /* Referenced: they may still emit "changed" as the dialog goes */
  GtkWidget    *importance_row;
  GtkWidget    *risk_row;
  GtkWidget    *segment_label;
  GtkWidget    *entry;
} Ask;

typedef struct {
  KtMatrixView    *view;
  KtStore         *store;
  gint64           supplier_id;
  KtScoreOverride *previous;      /* to restore; NULL: delete */
  gint64           version;       /* of the override the change left, 0 for none */
} Undo;

static void ask (KtMatrixView *self,
                 gint64        supplier_id,
                 guint         importance,
                 guint         risk,
                 const char   *reason);

static void
ask_free (Ask *data)
{
  g_clear_object (&data->view);
  g_clear_object (&data->importance_row);
  g_clear_object (&data->risk_row);
  g_clear_object (&data->segment_label);
  g_clear_object (&data->entry);
  g_free (data->reason);
  g_free (data);
}

static void
undo_free (Undo *undo)
{
  g_clear_object (&undo->view);
  g_clear_object (&undo->store);
  g_clear_pointer (&undo->previous, kt_score_override_free);
  g_free (undo);
}

static const KtScoreOverride *
find_override (KtMatrixView *self,
               gint64        supplier_id)
{
  for (guint i = 0; self->overrides != NULL && i < self->overrides->len; i++)
    {
      const KtScoreOverride *override = g_ptr_array_index (self->overrides, i);

      if (override->supplier_id == supplier_id)
        return override;
    }

  return NULL;
}

static const char *
supplier_name (KtMatrixView *self,
               gint64        supplier_id)
{
  const KtSupplierScore *score = kt_matrix_view_find_score (self, supplier_id);

  return score != NULL && score->supplier_name != NULL ? score->supplier_name : "";
}

/* After any change: the numbers, the table and the details anew. */
static void
reload (KtMatrixView *self)
{
  g_autoptr(GError) error = NULL;

  if (!kt_matrix_view_reload (self, &error))
    g_warning ("Could not reload the supplier matrix: %s", error->message);
}

static gboolean
undo_write (gpointer   data,
            GError   **error)
{
  Undo *undo = data;
  g_autoptr(KtScoreOverride) restore = NULL;

  if (undo->previous == NULL)
    return kt_store_delete_score_override (undo->store, undo->supplier_id, undo->version, error);

  /* Over the override the change left, or anew where it deleted one */
  restore = kt_score_override_copy (undo->previous);
  restore->version = undo->version;
  return kt_store_set_score_override (undo->store, restore, error);
}

static void
undo_done (gpointer      data,
           const GError *error)
{
  Undo *undo = data;

  if (error != NULL && !kt_write_error_was_shown (error))
    kt_dialog_show_error (GTK_WIDGET (undo->view), _("Could Not Undo"), error->message);

  if (undo->view->store == undo->store)
    reload (undo->view);
}

static Undo *
undo_copy (const Undo *undo)
{
  Undo *copy = g_new0 (Undo, 1);

  copy->view = g_object_ref (undo->view);
  copy->store = g_object_ref (undo->store);
  copy->supplier_id = undo->supplier_id;
  copy->previous = undo->previous != NULL ? kt_score_override_copy (undo->previous) : NULL;
  copy->version = undo->version;
  return copy;
}

static void
undo_cb (gpointer data)
{
  Undo *undo = undo_copy (data);

  if (!kt_write_run (GTK_WIDGET (undo->view), undo_write, undo_done, undo,
                     (GDestroyNotify) undo_free))
    undo_free (undo);
}

static void
show_undo (KtMatrixView          *self,
           const char            *message,
           gint64                 supplier_id,
           const KtScoreOverride *previous,
           gint64                 version)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->view = g_object_ref (self);
  undo->store = g_object_ref (self->store);
  undo->supplier_id = supplier_id;
  undo->previous = previous != NULL ? kt_score_override_copy (previous) : NULL;
  undo->version = version;

  kt_undo_toast_show (GTK_WIDGET (self), message, undo_cb, undo, (GDestroyNotify) undo_free);
}

/* ---- Conflicts -------------------------------------------------------- */

typedef struct {
  KtMatrixView *view;
  gint64        supplier_id;
  gboolean      place;          /* FALSE: use the computed place */
  guint         importance;
  guint         risk;
  char         *reason;
} Retry;

static void
retry_free (Retry *retry)
{
  g_clear_object (&retry->view);
  g_free (retry->reason);
  g_free (retry);
}

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Retry            *retry)
{
  /* The view shows the colleague's version already */
  if (g_strcmp0 (response, "keep") != 0)
    return;

  if (retry->place)
    ask (retry->view, retry->supplier_id, retry->importance, retry->risk, retry->reason);
  else
    kt_matrix_view_use_computed (retry->view, retry->supplier_id);
}

/* Someone else placed the supplier, or moved it back, since this view read
 * the file: show theirs, then let the user decide. */
static void
show_conflict (KtMatrixView *self,
               const char   *message,
               Retry        *retry)
{
  GtkWidget *dialog;

  reload (self);
  dialog = kt_dialog_new_conflict (GTK_WIDGET (self), _("Someone Else Placed This Supplier"), message);
  g_object_set_data_full (G_OBJECT (dialog), "kt-retry", retry, (GDestroyNotify) retry_free);
  g_signal_connect (dialog, "response", G_CALLBACK (conflict_response_cb), retry);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
handle_error (KtMatrixView *self,
              const char   *heading,
              const GError *error,
              Retry        *retry)
{
  if (g_error_matches (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT))
    {
      show_conflict (self, error->message, retry);
      return;
    }

  retry_free (retry);
  if (!kt_write_error_was_shown (error))
    kt_dialog_show_error (GTK_WIDGET (self), heading, error->message);
  reload (self);
}

/* One placement, or a return to the computed place, on its way to the
 * file. */
typedef struct {
  KtMatrixView    *view;
  KtStore         *store;
  gint64           supplier_id;
  char            *name;
  KtScoreOverride *override;   /* to store; NULL: back to the computed place */
  KtScoreOverride *previous;   /* what it replaces, for the undo; NULL: none */
} Placement;

static Placement *
placement_new (KtMatrixView *self,
               gint64        supplier_id)
{
  const KtScoreOverride *current = find_override (self, supplier_id);
  Placement *placement = g_new0 (Placement, 1);

  placement->view = g_object_ref (self);
  placement->store = g_object_ref (self->store);
  placement->supplier_id = supplier_id;
  placement->name = g_strdup (supplier_name (self, supplier_id));
  placement->previous = current != NULL ? kt_score_override_copy (current) : NULL;
  return placement;
}

static void
placement_free (Placement *placement)
{
  g_clear_object (&placement->view);
  g_clear_object (&placement->store);
  g_free (placement->name);
  g_clear_pointer (&placement->override, kt_score_override_free);
  g_clear_pointer (&placement->previous, kt_score_override_free);
  g_free (placement);
}

static gboolean
placement_write (gpointer   data,
                 GError   **error)
{
  Placement *placement = data;

  if (placement->override != NULL)
    return kt_store_set_score_override (placement->store, placement->override, error);

  return kt_store_delete_score_override (placement->store, placement->supplier_id,
                                         placement->previous->version, error);
}

static void
placement_done (gpointer      data,
                const GError *error)
{
  Placement *placement = data;
  KtMatrixView *self = placement->view;
  g_autofree char *message = NULL;

  /* Another portfolio was opened while the write waited */
  if (self->store != placement->store)
    return;

  if (error != NULL)
    {
      Retry *retry = g_new0 (Retry, 1);

      retry->view = g_object_ref (self);
      retry->supplier_id = placement->supplier_id;
      if (placement->override != NULL)
        {
          retry->place = TRUE;
          retry->importance = placement->override->importance;
          retry->risk = placement->override->risk;
          retry->reason = g_strdup (placement->override->reason);
        }
      handle_error (self,
                    placement->override != NULL ? _("The Supplier Could Not Be Placed")
                                                : _("The Computed Place Could Not Be Used"),
                    error, retry);
      return;
    }

  reload (self);
  if (placement->override != NULL)
    {
      /* Translators: a toast after a supplier was placed by hand in the matrix */
      message = g_strdup_printf (_("“%s” placed by hand"), placement->name);
      show_undo (self, message, placement->supplier_id, placement->previous,
                 placement->override->version);
    }
  else
    {
      /* Translators: a toast after a supplier placed by hand was given back
       * the place its contracts give it */
      message = g_strdup_printf (_("“%s” back in its computed place"), placement->name);
      /* Undone by placing it anew, with the same numbers and reason */
      show_undo (self, message, placement->supplier_id, placement->previous, 0);
    }
}

/* Nothing happens while an earlier write of the view still waits for the
 * file: that one is shown as waiting. */
static void
run_placement (KtMatrixView *self,
               Placement    *placement)
{
  if (!kt_write_run (GTK_WIDGET (self), placement_write, placement_done, placement,
                     (GDestroyNotify) placement_free))
    placement_free (placement);
}

/* ---- Placing by hand -------------------------------------------------- */

static void
save (KtMatrixView *self,
      gint64        supplier_id,
      guint         importance,
      guint         risk,
      const char   *reason)
{
  Placement *placement = placement_new (self, supplier_id);

  placement->override = kt_score_override_new ();
  placement->override->supplier_id = supplier_id;
  placement->override->version = placement->previous != NULL ? placement->previous->version : 0;
  placement->override->importance = importance;
  placement->override->risk = risk;
  placement->override->reason = g_strdup (reason);
  run_placement (self, placement);
}

static void
update_dialog (AdwMessageDialog *dialog)
{
  Ask *data = g_object_get_data (G_OBJECT (dialog), "kt-ask");
  const KtMatrixSettings *settings = data->view->settings;
  g_autofree char *segment = NULL;

  if (gtk_widget_get_root (data->entry) != GTK_ROOT (dialog))
    return;

  g_free (data->reason);
  data->reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (data->entry))));
  data->importance = kt_spin_row_get_value (KT_SPIN_ROW (data->importance_row));
  data->risk = kt_spin_row_get_value (KT_SPIN_ROW (data->risk_row));

  adw_message_dialog_set_response_enabled (dialog, "save", *data->reason != '\0');

  if (settings != NULL)
    {
      KtSegment s = kt_segment_for (data->importance, data->risk, settings->importance_threshold,
                                    settings->risk_threshold);

      /* Translators: in the dialog that places a supplier by hand: the
       * segment the chosen numbers give */
      segment = g_strdup_printf (_("Segment: %s"), kt_segment_label (s));
      gtk_label_set_text (GTK_LABEL (data->segment_label), segment);
    }
}

static void
ask_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  Ask *data = g_object_get_data (G_OBJECT (dialog), "kt-ask");

  if (g_strcmp0 (response, "save") != 0 || data == NULL || data->reason == NULL ||
      *data->reason == '\0' || !kt_matrix_view_is_writable (data->view))
    return;

  save (data->view, data->supplier_id, data->importance, data->risk, data->reason);
}

static GtkWidget *
spin_row (const char *title,
          guint       value)
{
  GtkWidget *row = kt_spin_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  kt_spin_row_set_range (KT_SPIN_ROW (row), 0, 100);
  kt_spin_row_set_value (KT_SPIN_ROW (row), value);

  return row;
}

static void
ask (KtMatrixView *self,
     gint64        supplier_id,
     guint         importance,
     guint         risk,
     const char   *reason)
{
  const KtScoreOverride *current = find_override (self, supplier_id);
  Ask *data;
  GtkWidget *dialog, *box, *list, *label;
  g_autofree char *heading = NULL;

  if (!kt_matrix_view_is_writable (self) || kt_matrix_view_find_score (self, supplier_id) == NULL)
    return;

  /* Translators: heading of the dialog that places a supplier by hand in
   * the matrix; %s is the supplier */
  heading = g_strdup_printf (_("Place “%s” by Hand?"), supplier_name (self, supplier_id));
  dialog = adw_message_dialog_new (kt_dialog_parent_for (GTK_WIDGET (self)), heading,
                                   _("Why does this supplier belong here? Everyone who opens the "
                                     "portfolio sees the reason, with your name and the time."));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  data = g_new0 (Ask, 1);
  data->view = g_object_ref (self);
  data->supplier_id = supplier_id;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  /* Translators: in the dialog that places a supplier by hand, 0–100 */
  data->importance_row = spin_row (_("Importance"), importance);
  /* Translators: in the dialog that places a supplier by hand, 0–100 */
  data->risk_row = spin_row (_("Risk"), risk);
  gtk_list_box_append (GTK_LIST_BOX (list), data->importance_row);
  gtk_list_box_append (GTK_LIST_BOX (list), data->risk_row);
  gtk_box_append (GTK_BOX (box), list);

  data->segment_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (data->segment_label), 0);
  gtk_widget_add_css_class (data->segment_label, "dim-label");
  gtk_box_append (GTK_BOX (box), data->segment_label);

  label = gtk_label_new_with_mnemonic (_("_Reason"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  data->entry = gtk_entry_new ();
  /* The place stays until someone changes it: keep the old reason as the
   * start of a new one */
  if (reason == NULL && current != NULL)
    reason = current->reason;
  gtk_editable_set_text (GTK_EDITABLE (data->entry), reason != NULL ? reason : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (data->entry),
                                  _("E.g. sole supplier of the case system"));
  gtk_entry_set_activates_default (GTK_ENTRY (data->entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), data->entry);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (data->entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), data->entry);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_ref (data->importance_row);
  g_object_ref (data->risk_row);
  g_object_ref (data->segment_label);
  g_object_ref (data->entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "kt-ask", data, (GDestroyNotify) ask_free);
  g_signal_connect_swapped (data->entry, "changed", G_CALLBACK (update_dialog), dialog);
  g_signal_connect_swapped (data->importance_row, "changed", G_CALLBACK (update_dialog), dialog);
  g_signal_connect_swapped (data->risk_row, "changed", G_CALLBACK (update_dialog), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (ask_response_cb), NULL);
  update_dialog (ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->entry);
}

void
kt_matrix_view_ask_override (KtMatrixView *self,
                             gint64        supplier_id,
                             guint         importance,
                             guint         risk)
{
  g_return_if_fail (KT_IS_MATRIX_VIEW (self));

  ask (self, supplier_id, importance, risk, NULL);
}

/* ---- Back to the computed place --------------------------------------- */

void
kt_matrix_view_use_computed (KtMatrixView *self,
                             gint64        supplier_id)
{
  g_return_if_fail (KT_IS_MATRIX_VIEW (self));

  if (!kt_matrix_view_is_writable (self) || find_override (self, supplier_id) == NULL)
    return;

  run_placement (self, placement_new (self, supplier_id));
}
