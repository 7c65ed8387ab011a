/* kt-clause-panel.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "kt-clause-panel.h"
#include "kt-clause-row.h"

struct _KtClausePanel
{
  GtkWidget   parent_instance;

  GtkWidget  *stack;
  GtkWidget  *scrolled;
  GtkWidget  *list;
  GtkWidget  *empty_page;

  GPtrArray  *clauses;
  GPtrArray  *activities;
  GHashTable *document_names;
  gint64      document_id;
  gboolean    editable;
  char       *reason;
};

G_DEFINE_FINAL_TYPE (KtClausePanel, kt_clause_panel, GTK_TYPE_WIDGET)

enum {
  CLAUSE_ACTIVATED,
  EDIT_CLAUSE,
  REMOVE_CLAUSE,
  CREATE_ACTIVITY,
  LINK_ACTIVITY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- helpers ---- */

static KtClause *
row_clause (GtkListBoxRow *row)
{
  return row != NULL ? kt_clause_row_get_clause (row) : NULL;
}

static KtClause *
find_clause (KtClausePanel *self,
             gint64         id)
{
  for (guint i = 0; self->clauses != NULL && i < self->clauses->len; i++)
    {
      KtClause *c = g_ptr_array_index (self->clauses, i);

      if (c->id == id)
        return c;
    }

  return NULL;
}

static const KtActivity *
find_activity (KtClausePanel *self,
               gint64         id)
{
  for (guint i = 0; id != 0 && self->activities != NULL && i < self->activities->len; i++)
    {
      const KtActivity *a = g_ptr_array_index (self->activities, i);

      if (a->id == id)
        return a;
    }

  return NULL;
}

static GtkWidget *
create_row (KtClausePanel *self,
            KtClause      *clause)
{
  g_autofree char *where = NULL;

  if (clause->document_id != self->document_id && self->document_names != NULL &&
      g_hash_table_contains (self->document_names, &clause->document_id))
    /* Translators: where a clause of another document of the contract is; %u is a page
     * number, %s the document's name */
    where = g_strdup_printf (_("Page %u of “%s”"), clause->page + 1,
                             (const char *) g_hash_table_lookup (self->document_names,
                                                                 &clause->document_id));
  else
    /* Translators: the page a marked clause is on */
    where = g_strdup_printf (_("Page %u"), clause->page + 1);

  return kt_clause_row_new (clause, where, find_activity (self, clause->activity_id),
                            self->editable ? _("Edit, remove or link the clause (Menu key)")
                                           : self->reason);
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  KtClause *clause = row_clause (row);
  KtClause *previous = row_clause (before);
  GtkWidget *heading;

  if (previous != NULL && previous->category == clause->category)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  heading = gtk_label_new (kt_enum_label (KT_ENUM_CLAUSE_CATEGORY, clause->category));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_start (heading, 12);
  gtk_widget_set_margin_end (heading, 12);
  gtk_widget_set_margin_top (heading, before != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (heading, 6);
  gtk_list_box_row_set_header (row, heading);
}

static void
update_actions (KtClausePanel *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clause.edit", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clause.remove", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clause.create-activity", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clause.link-activity", self->editable);
}

static void
rebuild (KtClausePanel *self)
{
  GtkWidget *child;
  gint64 selected = 0;
  KtClause *current = row_clause (gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list)));

  if (current != NULL)
    selected = current->id;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  for (guint i = 0; self->clauses != NULL && i < self->clauses->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list),
                         create_row (self, g_ptr_array_index (self->clauses, i)));

  gtk_stack_set_visible_child (GTK_STACK (self->stack),
                               kt_clause_panel_get_n_clauses (self) > 0 ? self->scrolled
                                                                       : self->empty_page);
  if (selected != 0)
    kt_clause_panel_select (self, selected);
}

/* ---- callbacks ---- */

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  KtClausePanel *self)
{
  KtClause *clause = row_clause (row);
  g_autoptr(KtClause) copy = NULL;

  /* The handler may replace the clauses: hold on to this one */
  if (clause == NULL)
    return;
  copy = kt_clause_copy (clause);
  g_signal_emit (self, signals[CLAUSE_ACTIVATED], 0, copy);
}

static void
clause_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KtClausePanel *self = KT_CLAUSE_PANEL (widget);
  KtClause *clause = find_clause (self, g_variant_get_int64 (parameter));
  guint signal;

  if (clause == NULL)
    return;

  if (g_str_equal (action_name, "clause.edit"))
    signal = signals[EDIT_CLAUSE];
  else if (g_str_equal (action_name, "clause.remove"))
    signal = signals[REMOVE_CLAUSE];
  else if (g_str_equal (action_name, "clause.create-activity"))
    signal = signals[CREATE_ACTIVITY];
  else
    signal = signals[LINK_ACTIVITY];

  {
    g_autoptr(KtClause) copy = kt_clause_copy (clause);

    g_signal_emit (self, signal, 0, copy);
  }
}

/* ---- GObject ---- */

static void
kt_clause_panel_dispose (GObject *object)
{
  KtClausePanel *self = KT_CLAUSE_PANEL (object);

  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->document_names, g_hash_table_unref);

  G_OBJECT_CLASS (kt_clause_panel_parent_class)->dispose (object);
}

static void
kt_clause_panel_finalize (GObject *object)
{
  KtClausePanel *self = KT_CLAUSE_PANEL (object);

  g_free (self->reason);

  G_OBJECT_CLASS (kt_clause_panel_parent_class)->finalize (object);
}

static void
kt_clause_panel_class_init (KtClausePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *names[N_SIGNALS] = {
    "clause-activated", "edit-clause", "remove-clause", "create-activity", "link-activity",
  };

  object_class->dispose = kt_clause_panel_dispose;
  object_class->finalize = kt_clause_panel_finalize;

  for (guint i = 0; i < N_SIGNALS; i++)
    signals[i] = g_signal_new (names[i], G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL,
                               G_TYPE_NONE, 1, KT_TYPE_CLAUSE | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_install_action (widget_class, "clause.edit", "x", clause_action);
  gtk_widget_class_install_action (widget_class, "clause.remove", "x", clause_action);
  gtk_widget_class_install_action (widget_class, "clause.create-activity", "x", clause_action);
  gtk_widget_class_install_action (widget_class, "clause.link-activity", "x", clause_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kt-clause-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kt_clause_panel_init (KtClausePanel *self)
{
  self->editable = TRUE;

  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  self->empty_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty_page), "edit-select-all-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page), _("No Clauses Marked"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                   _("Select text in the document, or find its words, and "
                                     "press Ctrl+M to mark a clause."));
  gtk_widget_add_css_class (self->empty_page, "compact");
  gtk_stack_add_child (GTK_STACK (self->stack), self->empty_page);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->list), TRUE);
  gtk_list_box_set_header_func (GTK_LIST_BOX (self->list), header_func, NULL, NULL);
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Clauses"),
                                  -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->list);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_stack_add_child (GTK_STACK (self->stack), self->scrolled);

  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->empty_page);
}

/* ---- public ---- */

GtkWidget *
kt_clause_panel_new (void)
{
  return g_object_new (KT_TYPE_CLAUSE_PANEL, NULL);
}

void
kt_clause_panel_set_clauses (KtClausePanel *self,
                             GPtrArray     *clauses,
                             GPtrArray     *activities,
                             GHashTable    *document_names,
                             gint64         document_id)
{
  g_return_if_fail (KT_IS_CLAUSE_PANEL (self));

  if (clauses != NULL)
    g_ptr_array_ref (clauses);
  if (activities != NULL)
    g_ptr_array_ref (activities);
  if (document_names != NULL)
    g_hash_table_ref (document_names);
  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->document_names, g_hash_table_unref);
  self->clauses = clauses;
  self->activities = activities;
  self->document_names = document_names;
  self->document_id = document_id;

  rebuild (self);
}

void
kt_clause_panel_set_editable (KtClausePanel *self,
                              gboolean       editable,
                              const char    *reason)
{
  g_return_if_fail (KT_IS_CLAUSE_PANEL (self));

  if (self->editable == !!editable && g_strcmp0 (self->reason, reason) == 0)
    return;

  self->editable = !!editable;
  g_free (self->reason);
  self->reason = g_strdup (reason);
  update_actions (self);
  rebuild (self);
}

static gboolean
scroll_to_selected_cb (gpointer data)
{
  KtClausePanel *self = data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  graphene_rect_t bounds;
  double top, page;

  if (row == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (row), self->list, &bounds))
    return G_SOURCE_REMOVE;

  top = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < top || bounds.origin.y + bounds.size.height > top + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - (page - bounds.size.height) / 2);

  return G_SOURCE_REMOVE;
}

gboolean
kt_clause_panel_select (KtClausePanel *self,
                        gint64         clause_id)
{
  g_return_val_if_fail (KT_IS_CLAUSE_PANEL (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (self->list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      KtClause *clause = GTK_IS_LIST_BOX_ROW (child) ? row_clause (GTK_LIST_BOX_ROW (child)) : NULL;

      if (clause != NULL && clause->id == clause_id)
        {
          gtk_list_box_select_row (GTK_LIST_BOX (self->list), GTK_LIST_BOX_ROW (child));
          /* Rows just added have no size yet */
          g_idle_add_full (G_PRIORITY_LOW, scroll_to_selected_cb, g_object_ref (self), g_object_unref);
          return TRUE;
        }
    }

  return FALSE;
}

void
kt_clause_panel_focus (KtClausePanel *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (KT_IS_CLAUSE_PANEL (self));

  row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), 0);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (self->empty_page);
}

guint
kt_clause_panel_get_n_clauses (KtClausePanel *self)
{
  g_return_val_if_fail (KT_IS_CLAUSE_PANEL (self), 0);

  return self->clauses != NULL ? self->clauses->len : 0;
}
