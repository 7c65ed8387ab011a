/* kt-contract-page.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page and its form; saving, deleting and colleagues' changes are in
 * kt-contract-page-merge.c.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-activity-list.h"
#include "kt-contract-form.h"
#include "kt-contract-page-private.h"
#include "kt-document-list.h"
#include "kt-validation.h"

G_DEFINE_FINAL_TYPE (KtContractPage, kt_contract_page, GTK_TYPE_WIDGET)

enum {
  SAVED,
  DELETED,
  CLOSE_REQUESTED,
  ACTIVITIES_CHANGED,
  DOCUMENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_read_only (KtContractPage *self)
{
  return self->store == NULL || kt_store_is_read_only (self->store);
}

/* The record as the form has it, and everything wrong with it: what could
 * not be read first (a date that is not a date), then the model's rules.
 * *dirty: the form differs from what was loaded — text that does not parse
 * counts, since it is an edit the user would lose. */
KtContract *
kt_contract_page_collect (KtContractPage  *self,
                          GPtrArray      **problems_out,
                          gboolean        *dirty)
{
  g_autoptr(GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kt_validation_problem_free);
  g_autoptr(GPtrArray) rules = NULL;
  KtContract *record;

  record = kt_contract_form_get_contract (KT_CONTRACT_FORM (self->form), self->base, problems);
  *dirty = problems->len > 0 || !kt_contract_equal_fields (record, self->base);

  rules = kt_contract_validate (record);
  for (guint i = 0; i < rules->len; i++)
    {
      const KtValidationProblem *problem = g_ptr_array_index (rules, i);

      if (kt_validation_find (problems, problem->field) == NULL)
        g_ptr_array_add (problems, kt_validation_problem_copy (problem));
    }

  *problems_out = g_steal_pointer (&problems);

  return record;
}

static void
update_title (KtContractPage *self)
{
  g_autofree char *title = NULL;

  if (self->base == NULL || self->base->id == 0)
    title = g_strdup (_("New Contract"));
  else
    /* Translators: the title of a contract page: number and name */
    title = g_strdup_printf (_("%s – %s"),
                             self->base->number != NULL ? self->base->number : "",
                             self->base->name != NULL ? self->base->name : "");

  adw_window_title_set_title (ADW_WINDOW_TITLE (self->window_title), title);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title),
                                 self->base != NULL && self->base->supplier_name != NULL
                                 ? self->base->supplier_name : "");
}

void
kt_contract_page_update_state (KtContractPage *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KtContract) record = NULL;
  gboolean read_only = is_read_only (self);
  gboolean dirty;

  if (self->base == NULL)
    return;

  record = kt_contract_page_collect (self, &problems, &dirty);

  kt_contract_form_show_state (KT_CONTRACT_FORM (self->form), record, problems, self->has_dpa);

  /* A new contract can be saved as soon as it is valid. One deleted by a
   * colleague has nothing left to save into. */
  self->can_save = !read_only && !self->deleted && !self->writing && problems->len == 0 &&
                   (dirty || self->base->id == 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.save", self->can_save);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.revert",
                                 !read_only && !self->deleted && dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.delete",
                                 !read_only && !self->deleted && !self->writing &&
                                 self->base->id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.history",
                                 self->store != NULL && self->base->id != 0);
}

static void
show_store_state (KtContractPage *self)
{
  gboolean read_only = is_read_only (self);

  gtk_widget_set_visible (self->save_button, !read_only);
  kt_contract_form_set_editable (KT_CONTRACT_FORM (self->form), !read_only);

  if (self->store != NULL && read_only)
    {
      const char *reason = kt_store_get_read_only_reason (self->store);
      g_autofree char *text =
        /* Translators: %s says why, e.g. "The portfolio was opened read-only." */
        g_strdup_printf (_("This contract cannot be changed. %s"), reason != NULL ? reason : "");

      gtk_label_set_text (GTK_LABEL (self->read_only_label), text);
    }

  gtk_widget_set_visible (self->read_only_label, self->store != NULL && read_only);
}

void
kt_contract_page_load_choices (KtContractPage *self,
                               gint64          exclude_id)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) org_units = NULL;
  g_autoptr(GError) error = NULL;

  /* A list that cannot be read leaves its row with "None" and the
   * contract's own choice; the form still shows and saves the rest. */
  if (!(contracts = kt_store_list_contracts (self->store, &error)) ||
      !(suppliers = kt_store_list_suppliers (self->store, &error)) ||
      !(people = kt_store_list_people (self->store, &error)) ||
      !(org_units = kt_store_list_org_units (self->store, &error)))
    g_warning ("Could not read the choices of the contract page: %s", error->message);

  kt_contract_form_set_choices (KT_CONTRACT_FORM (self->form), contracts, exclude_id,
                                suppliers, people, org_units);
}

void
kt_contract_page_show_contract (KtContractPage *self,
                                KtContract     *base,
                                gboolean        keep_focus)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->base, kt_contract_free);
  self->base = base;
  self->serial++;
  self->deleted = FALSE;
  kt_contract_page_set_note (self, NULL);

  self->has_dpa = FALSE;
  if (base->id != 0 && self->store != NULL)
    {
      self->has_dpa = kt_store_contract_has_dpa (self->store, base->id, &error);
      if (error != NULL)
        g_warning ("Could not look up the data processing agreement: %s", error->message);
    }

  kt_contract_form_set_contract (KT_CONTRACT_FORM (self->form), base);
  /* The computed deadlines follow the contract as stored. */
  if (keep_focus)
    {
      kt_activity_list_refresh (KT_ACTIVITY_LIST (self->activities), base);
      kt_document_list_refresh (KT_DOCUMENT_LIST (self->documents));
    }
  else
    {
      kt_activity_list_set_contract (KT_ACTIVITY_LIST (self->activities), base);
      kt_document_list_set_contract (KT_DOCUMENT_LIST (self->documents), base->id);
    }
  update_title (self);
  show_store_state (self);
  kt_contract_page_update_state (self);
}

void
kt_contract_page_emit_saved (KtContractPage *self,
                             gint64          id)
{
  g_signal_emit (self, signals[SAVED], 0, id);
}

void
kt_contract_page_emit_deleted (KtContractPage *self,
                               gint64          id)
{
  g_signal_emit (self, signals[DELETED], 0, id);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KtContractPage *self = KT_CONTRACT_PAGE (widget);
  KtContract *stored = NULL;

  if (self->base == NULL)
    return;

  /* What is in the file now, which may be a colleague's newer version. */
  if (self->base->id != 0 && self->store != NULL)
    stored = kt_store_get_contract (self->store, self->base->id, NULL);
  if (stored != NULL)
    kt_contract_page_load_choices (self, stored->id);

  kt_contract_page_show_contract (self, stored != NULL ? stored : kt_contract_copy (self->base),
                                  FALSE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE_REQUESTED], 0);
}

static void
form_changed_cb (KtContractPage *self)
{
  kt_contract_page_update_state (self);
}

static void
activities_changed_cb (KtContractPage *self)
{
  g_signal_emit (self, signals[ACTIVITIES_CHANGED], 0);
}

/* The activities sit in the form's page, right after the terms they are
 * computed from (dates, notice and options), so that they scroll with it. */
static void
add_activity_list (KtContractPage *self)
{
  GObject *options = gtk_widget_get_template_child (self->form, KT_TYPE_CONTRACT_FORM,
                                                    "options_group");
  GtkWidget *box;

  self->activities = kt_activity_list_new ();
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->form),
                            ADW_PREFERENCES_GROUP (self->activities));
  g_signal_connect_object (self->activities, "changed", G_CALLBACK (activities_changed_cb),
                           self, G_CONNECT_SWAPPED);

  box = gtk_widget_get_parent (self->activities);
  if (GTK_IS_WIDGET (options) && GTK_IS_BOX (box) &&
      gtk_widget_get_parent (GTK_WIDGET (options)) == box)
    gtk_box_reorder_child_after (GTK_BOX (box), self->activities, GTK_WIDGET (options));
}

static void
documents_changed_cb (KtContractPage *self)
{
  g_signal_emit (self, signals[DOCUMENTS_CHANGED], 0);
}

/* The signed contract sits near the top, right after who the parties are:
 * it is what a contract manager opens before a supplier meeting, and the
 * terms below are read from it. */
static void
add_document_list (KtContractPage *self)
{
  GObject *parties = gtk_widget_get_template_child (self->form, KT_TYPE_CONTRACT_FORM,
                                                    "parties_group");
  GtkWidget *box;

  self->documents = kt_document_list_new ();
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->form),
                            ADW_PREFERENCES_GROUP (self->documents));

  box = gtk_widget_get_parent (self->documents);
  if (GTK_IS_WIDGET (parties) && GTK_IS_BOX (box) &&
      gtk_widget_get_parent (GTK_WIDGET (parties)) == box)
    gtk_box_reorder_child_after (GTK_BOX (box), self->documents, GTK_WIDGET (parties));
  g_signal_connect_object (self->documents, "changed", G_CALLBACK (documents_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->documents, "activities-changed",
                           G_CALLBACK (kt_contract_page_refresh_deadlines),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->documents, "activities-changed",
                           G_CALLBACK (activities_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
kt_contract_page_map (GtkWidget *widget)
{
  KtContractPage *self = KT_CONTRACT_PAGE (widget);

  GTK_WIDGET_CLASS (kt_contract_page_parent_class)->map (widget);

  /* The window shows the page after asking for a new contract: the focus
   * can only move once it is on screen. */
  if (self->focus_on_map)
    {
      self->focus_on_map = FALSE;
      kt_contract_form_focus_first (KT_CONTRACT_FORM (self->form));
    }
}

static void
kt_contract_page_dispose (GObject *object)
{
  KtContractPage *self = KT_CONTRACT_PAGE (object);

  g_clear_weak_pointer (&self->history);
  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_CONTRACT_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->base, kt_contract_free);

  G_OBJECT_CLASS (kt_contract_page_parent_class)->dispose (object);
}

static void
kt_contract_page_class_init (KtContractPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_contract_page_dispose;
  widget_class->map = kt_contract_page_map;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVITIES_CHANGED] =
    g_signal_new ("activities-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DOCUMENTS_CHANGED] =
    g_signal_new ("documents-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (KT_TYPE_CONTRACT_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-contract-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KtContractPage, box);
  gtk_widget_class_bind_template_child (widget_class, KtContractPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, KtContractPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, KtContractPage, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, KtContractPage, note_revealer);
  gtk_widget_class_bind_template_child (widget_class, KtContractPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, KtContractPage, form);

  gtk_widget_class_install_action (widget_class, "contract.save", NULL,
                                   kt_contract_page_save_action);
  gtk_widget_class_install_action (widget_class, "contract.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "contract.delete", NULL,
                                   kt_contract_page_delete_action);
  gtk_widget_class_install_action (widget_class, "contract.history", NULL,
                                   kt_contract_page_history_action);
  gtk_widget_class_install_action (widget_class, "contract.back", NULL, back_action);

  /* Application accelerators do not reach widget actions. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "contract.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "contract.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kt_contract_page_init (KtContractPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_activity_list (self);
  add_document_list (self);

  g_signal_connect_object (self->form, "changed", G_CALLBACK (form_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.revert", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract.history", FALSE);
}

KtContractPage *
kt_contract_page_new (void)
{
  return g_object_new (KT_TYPE_CONTRACT_PAGE, NULL);
}

void
kt_contract_page_set_store (KtContractPage *self,
                            KtStore        *store)
{
  g_return_if_fail (KT_IS_CONTRACT_PAGE (self));
  g_return_if_fail (store == NULL || KT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* A page of another portfolio would save into the wrong file. */
  g_clear_pointer (&self->base, kt_contract_free);
  self->serial++;
  self->deleted = FALSE;
  kt_contract_page_set_note (self, NULL);
  kt_activity_list_set_store (KT_ACTIVITY_LIST (self->activities), store);
  show_store_state (self);
}

gboolean
kt_contract_page_load (KtContractPage  *self,
                       gint64           contract_id,
                       GError         **error)
{
  KtContract *contract;

  g_return_val_if_fail (KT_IS_CONTRACT_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  contract = kt_store_get_contract (self->store, contract_id, error);
  if (contract == NULL)
    return FALSE;

  self->focus_on_map = FALSE;
  kt_contract_page_load_choices (self, contract_id);
  kt_contract_page_show_contract (self, contract, FALSE);
  kt_contract_form_scroll_to_top (KT_CONTRACT_FORM (self->form));

  return TRUE;
}

void
kt_contract_page_new_contract (KtContractPage *self)
{
  g_return_if_fail (KT_IS_CONTRACT_PAGE (self));
  g_return_if_fail (self->store != NULL);

  kt_contract_page_load_choices (self, 0);
  kt_contract_page_show_contract (self, kt_contract_new (), FALSE);
  kt_contract_form_scroll_to_top (KT_CONTRACT_FORM (self->form));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kt_contract_form_focus_first (KT_CONTRACT_FORM (self->form));
  else
    self->focus_on_map = TRUE;
}

gboolean
kt_contract_page_has_unsaved_changes (KtContractPage *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(KtContract) record = NULL;
  gboolean dirty;

  g_return_val_if_fail (KT_IS_CONTRACT_PAGE (self), FALSE);

  if (self->base == NULL || is_read_only (self))
    return FALSE;

  record = kt_contract_page_collect (self, &problems, &dirty);

  return dirty;
}

void
kt_contract_page_refresh_deadlines (KtContractPage *self)
{
  g_return_if_fail (KT_IS_CONTRACT_PAGE (self));

  kt_activity_list_reload (KT_ACTIVITY_LIST (self->activities));
}

gboolean
kt_contract_page_focus_deadline (KtContractPage *self,
                                 gint64          activity_id,
                                 KtDerivedKind   derived_kind)
{
  g_return_val_if_fail (KT_IS_CONTRACT_PAGE (self), FALSE);

  return kt_activity_list_focus_deadline (KT_ACTIVITY_LIST (self->activities),
                                          activity_id, derived_kind);
}

/* The documents folder of the store's portfolio; NULL empties the list. */
void
kt_contract_page_set_library (KtContractPage    *self,
                              KtDocumentLibrary *library)
{
  g_return_if_fail (KT_IS_CONTRACT_PAGE (self));

  kt_document_list_set_library (KT_DOCUMENT_LIST (self->documents), library);
}

/* Opens a document of the loaded contract at @page (1-based) with @words
 * found there: where a search hit points. */
gboolean
kt_contract_page_open_document (KtContractPage    *self,
                                gint64             document_id,
                                guint              page,
                                const char *const *words)
{
  KtDocumentWindow *window;

  g_return_val_if_fail (KT_IS_CONTRACT_PAGE (self), FALSE);

  window = kt_document_list_open_document (KT_DOCUMENT_LIST (self->documents), document_id);
  if (window == NULL)
    return FALSE;

  if (page > 0)
    kt_document_window_show_page (window, page, words);

  return TRUE;
}
