/* kt-matrix-view.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-contract-row.h"
#include "kt-format.h"
#include "kt-list-refresh.h"
#include "kt-matrix-view-private.h"
#include "kt-supplier-score-item.h"

G_DEFINE_FINAL_TYPE (KtMatrixView, kt_matrix_view, GTK_TYPE_WIDGET)

enum {
  CONTRACT_ACTIVATED,
  SUPPLIER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ---------------------------------------------------------- */

const KtSupplierScore *
kt_matrix_view_find_score (KtMatrixView *self,
                           gint64        supplier_id)
{
  for (guint i = 0; self->scores != NULL && i < self->scores->len; i++)
    {
      const KtSupplierScore *score = g_ptr_array_index (self->scores, i);

      if (score->supplier_id == supplier_id)
        return score;
    }

  return NULL;
}

gboolean
kt_matrix_view_is_writable (KtMatrixView *self)
{
  return self->store != NULL && !kt_store_is_read_only (self->store);
}

AdwToastOverlay *
kt_matrix_view_get_overlay (KtMatrixView *self)
{
  return ADW_TOAST_OVERLAY (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY));
}

static const char *
read_only_reason (KtMatrixView *self)
{
  const char *reason;

  if (kt_matrix_view_is_writable (self))
    return NULL;

  reason = self->store != NULL ? kt_store_get_read_only_reason (self->store) : NULL;
  return reason != NULL ? reason : _("It is open read-only.");
}

/* The top comment of kt-supplier-score.h in the user's words, with this
 * portfolio's thresholds and scales. */
static void
update_formula (KtMatrixView *self)
{
  const KtMatrixSettings *s = self->settings;
  g_autofree char *spend = NULL;
  g_autofree char *text = NULL;

  if (s == NULL)
    return;

  spend = kt_format_money_short (s->full_spend);
  text = g_strdup_printf (
    /* Translators: the explanation behind the information button of the
     * supplier matrix. %1$s is an amount ("2.000.000 kr."), %2$u a number
     * of months, %3$u and %4$u the importance and risk thresholds (0–100).
     * Keep the paragraphs. */
    _("Each supplier gets an importance and a risk from 0 to 100, from its planned, active and "
      "notice-given contracts among those chosen with the filters.\n\n"
      "Importance weighs its annual spend (40%%), counted in full from %1$s a year; its share "
      "of the value of all these contracts (30%%), in full from a quarter; and how critical "
      "its most critical contract is (30%%).\n\n"
      "Risk weighs lock-in (40%%): contracts without exit and handover notes, bought by direct "
      "award, or fixed-term with no extension option left; how critical its contracts are "
      "(30%%); and its longest notice period or time left of an irrevocable period (30%%), "
      "in full from %2$u months.\n\n"
      "Importance %3$u or more with risk %4$u or more is strategic; important with lower risk is "
      "leverage; less important but risky is a bottleneck; the rest is non-critical. The bubble’s "
      "area shows the annual spend.\n\n"
      "A supplier placed by hand stays where it was put, with who, when and why, until someone "
      "chooses Use Computed Place."),
    spend, s->long_notice_months, s->importance_threshold, s->risk_threshold);

  gtk_label_set_text (self->formula_label, text);
}

static void
show_content (KtMatrixView *self)
{
  gboolean filtered = gtk_filter_get_strictness (GTK_FILTER (self->filter)) != GTK_FILTER_MATCH_ALL;
  guint n = self->scores != NULL ? self->scores->len : 0;
  g_autofree char *count = NULL;

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack,
                                        gtk_toggle_button_get_active (self->table_toggle) ? "table" : "matrix");
    }
  else
    {
      if (filtered)
        {
          adw_status_page_set_title (self->empty_page, _("No Supplier for This Choice"));
          adw_status_page_set_description (self->empty_page,
                                           _("No supplier has a planned, active or notice-given "
                                             "contract of the chosen status, category and unit."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Suppliers to Place"));
          adw_status_page_set_description (self->empty_page,
                                           _("A supplier appears in the matrix once it has a "
                                             "planned, active or notice-given contract."));
        }
      gtk_widget_set_visible (self->show_all_button, filtered);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }

  /* Translators: how many suppliers the matrix shows */
  count = g_strdup_printf (ngettext ("%u supplier", "%u suppliers", n), n);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matrix-view.export", n > 0);
}

static GPtrArray *
panel_contracts (KtMatrixView *self,
                 gint64        supplier_id)
{
  GPtrArray *contracts = g_ptr_array_new ();

  for (guint i = 0; self->contracts != NULL && i < self->contracts->len; i++)
    {
      KtContract *contract = g_ptr_array_index (self->contracts, i);

      /* The ones its score counts */
      if (contract->supplier_id == supplier_id && contract->status != KT_STATUS_EXPIRED)
        g_ptr_array_add (contracts, contract);
    }

  return contracts;
}

void
kt_matrix_view_show_supplier (KtMatrixView *self,
                              gint64        supplier_id)
{
  const KtSupplierScore *score = supplier_id != 0 ? kt_matrix_view_find_score (self, supplier_id) : NULL;
  g_autoptr(GPtrArray) contracts = NULL;

  if (score == NULL)
    {
      gtk_revealer_set_reveal_child (self->panel_revealer, FALSE);
      return;
    }

  contracts = panel_contracts (self, supplier_id);
  kt_supplier_score_panel_set_score (self->panel, score, self->settings, contracts,
                                     read_only_reason (self));
  gtk_revealer_set_reveal_child (self->panel_revealer, TRUE);
}

void
kt_matrix_view_recompute (KtMatrixView *self)
{
  gint64 shown = gtk_revealer_get_reveal_child (self->panel_revealer)
                 ? kt_supplier_score_panel_get_supplier (self->panel) : 0;

  g_clear_pointer (&self->contracts, g_ptr_array_unref);
  self->contracts = g_ptr_array_new ();
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      KtContractRow *row = g_ptr_array_index (self->rows, i);

      if (gtk_filter_match (GTK_FILTER (self->filter), row))
        g_ptr_array_add (self->contracts, (gpointer) kt_contract_row_get_contract (row));
    }

  g_clear_pointer (&self->scores, g_ptr_array_unref);
  if (self->settings != NULL && self->suppliers != NULL)
    self->scores = kt_supplier_scores_compute (self->suppliers, self->contracts, self->overrides,
                                               self->settings);
  else
    self->scores = g_ptr_array_new ();

  kt_matrix_set_scores (self->matrix, self->scores, self->settings);
  kt_matrix_set_editable (self->matrix, kt_matrix_view_is_writable (self));
  kt_matrix_view_table_fill (self);
  update_formula (self);
  show_content (self);

  /* The details follow the new numbers, or close when the supplier is no
   * longer shown */
  kt_matrix_view_show_supplier (self, shown);
}

static void
clear (KtMatrixView *self)
{
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->suppliers, g_ptr_array_unref);
  g_clear_pointer (&self->overrides, g_ptr_array_unref);
  g_clear_pointer (&self->contracts, g_ptr_array_unref);
}

/* Refilling the drop-down would close it under the user's pointer: only
 * when the units did change. */
static void
set_org_units (KtMatrixView *self,
               GPtrArray    *units)
{
  if (units == NULL)
    g_clear_pointer (&self->units_key, g_free);
  else if (!kt_list_records_changed (&self->units_key, NULL, units))
    return;

  kt_portfolio_filter_bar_set_org_units (self->filter_bar, units);
}

static gboolean
load (KtMatrixView  *self,
      GError       **error)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) suppliers = NULL;
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(KtMatrixSettings) settings = NULL;
  g_autofree gpointer *pdata = NULL;
  gsize n = 0;

  if ((units = kt_store_list_org_units (self->store, error)) == NULL ||
      (contracts = kt_store_list_contracts (self->store, error)) == NULL ||
      (suppliers = kt_store_list_suppliers (self->store, error)) == NULL ||
      (overrides = kt_store_list_score_overrides (self->store, error)) == NULL ||
      (settings = kt_store_get_matrix_settings (self->store, error)) == NULL)
    return FALSE;

  clear (self);
  /* The rows take over the contracts */
  pdata = g_ptr_array_steal (contracts, &n);
  self->rows = g_ptr_array_new_full (n, g_object_unref);
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (self->rows, kt_contract_row_new (pdata[i], NULL));
  self->suppliers = g_steal_pointer (&suppliers);
  self->overrides = g_steal_pointer (&overrides);
  g_clear_pointer (&self->settings, kt_matrix_settings_free);
  self->settings = g_steal_pointer (&settings);

  /* Units may have been added or renamed; the filter bar refilters as it
   * is refilled, before the new rows are complete */
  self->loading = TRUE;
  set_org_units (self, units);
  self->loading = FALSE;

  return TRUE;
}

/* ---- Callbacks -------------------------------------------------------- */

static void
filter_changed_cb (KtMatrixView *self)
{
  if (!self->loading)
    kt_matrix_view_recompute (self);
}

static void
matrix_activated_cb (KtMatrixView *self,
                     gint64        supplier_id)
{
  kt_matrix_view_show_supplier (self, supplier_id);
}

static void
matrix_moved_cb (KtMatrixView *self,
                 gint64        supplier_id,
                 guint         importance,
                 guint         risk)
{
  kt_matrix_view_ask_override (self, supplier_id, importance, risk);
}

static void
table_activate_cb (KtMatrixView *self,
                   guint         position)
{
  g_autoptr(KtSupplierScoreItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    kt_matrix_view_show_supplier (self, kt_supplier_score_item_get_score (item)->supplier_id);
}

/* The drawing and the table show the same supplier when switching. */
static void
table_toggled_cb (KtMatrixView *self)
{
  gboolean table = gtk_toggle_button_get_active (self->table_toggle);

  if (table)
    kt_matrix_view_table_select (self, kt_matrix_get_focused_supplier (self->matrix));
  else
    kt_matrix_focus_supplier (self->matrix, kt_matrix_view_table_selected (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") != 0)
    {
      show_content (self);
      gtk_widget_grab_focus (table ? GTK_WIDGET (self->column_view) : GTK_WIDGET (self->matrix));
    }
}

static void
show_all_clicked_cb (KtMatrixView *self)
{
  kt_portfolio_filter_bar_reset (self->filter_bar);
}

static void
panel_contract_activated_cb (KtMatrixView *self,
                             gint64        contract_id)
{
  g_signal_emit (self, signals[CONTRACT_ACTIVATED], 0, contract_id);
}

static void
panel_supplier_activated_cb (KtMatrixView *self,
                             gint64        supplier_id)
{
  g_signal_emit (self, signals[SUPPLIER_ACTIVATED], 0, supplier_id);
}

static void
panel_place_cb (KtMatrixView *self,
                gint64        supplier_id)
{
  const KtSupplierScore *score = kt_matrix_view_find_score (self, supplier_id);

  if (score != NULL)
    kt_matrix_view_ask_override (self, supplier_id, score->importance, score->risk);
}

static void
panel_use_computed_cb (KtMatrixView *self,
                       gint64        supplier_id)
{
  kt_matrix_view_use_computed (self, supplier_id);
}

static void
panel_close_cb (KtMatrixView *self)
{
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->panel_revealer)) != NULL;

  gtk_revealer_set_reveal_child (self->panel_revealer, FALSE);
  /* Back to where the supplier was chosen */
  if (had_focus)
    gtk_widget_grab_focus (gtk_toggle_button_get_active (self->table_toggle)
                           ? GTK_WIDGET (self->column_view) : GTK_WIDGET (self->matrix));
}

static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KtMatrixView *self = KT_MATRIX_VIEW (widget);

  if (gtk_revealer_get_reveal_child (self->panel_revealer))
    panel_close_cb (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  kt_matrix_view_export (KT_MATRIX_VIEW (widget));
}

/* ---- GObject ---------------------------------------------------------- */

static void
kt_matrix_view_map (GtkWidget *widget)
{
  KtMatrixView *self = KT_MATRIX_VIEW (widget);

  GTK_WIDGET_CLASS (kt_matrix_view_parent_class)->map (widget);

  if (self->dirty)
    kt_matrix_view_reload (self, NULL);
}

static void
kt_matrix_view_dispose (GObject *object)
{
  KtMatrixView *self = KT_MATRIX_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_MATRIX_VIEW);
  /* The bars and separators of the template that are not bound */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  clear (self);
  g_clear_pointer (&self->scores, g_ptr_array_unref);
  g_clear_pointer (&self->settings, kt_matrix_settings_free);
  g_clear_pointer (&self->units_key, g_free);

  G_OBJECT_CLASS (kt_matrix_view_parent_class)->dispose (object);
}

static void
kt_matrix_view_class_init (KtMatrixViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_matrix_view_dispose;
  widget_class->map = kt_matrix_view_map;

  /**
   * KtMatrixView::contract-activated:
   * @contract_id: the contract's id
   *
   * A contract in a supplier's details was activated: open it.
   */
  signals[CONTRACT_ACTIVATED] =
    g_signal_new ("contract-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * KtMatrixView::supplier-activated:
   * @supplier_id: the supplier's id
   *
   * Show Supplier was pressed in a supplier's details.
   */
  signals[SUPPLIER_ACTIVATED] =
    g_signal_new ("supplier-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (KT_TYPE_MATRIX);
  g_type_ensure (KT_TYPE_PORTFOLIO_FILTER_BAR);
  g_type_ensure (KT_TYPE_SUPPLIER_SCORE_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-matrix-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KtMatrixView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, KtMatrixView, count_label);
  gtk_widget_class_bind_template_child (widget_class, KtMatrixView, formula_label);
  gtk_widget_class_bind_template_child (widget_class, KtMatrixView, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, KtMatrixView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KtMatrixView, matrix);
  gtk_widget_class_bind_template_child (widget_class, KtMatrixView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KtMatrixView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KtMatrixView, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, KtMatrixView, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, KtMatrixView, panel);
  gtk_widget_class_bind_template_callback (widget_class, matrix_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, matrix_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_contract_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_supplier_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_place_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_use_computed_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_close_cb);

  gtk_widget_class_install_action (widget_class, "matrix-view.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "matrix-view.close-details", NULL, close_details_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "matrix-view.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "matrix-view.close-details", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ktmatrixview");
}

static void
kt_matrix_view_init (KtMatrixView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->filter = kt_portfolio_filter_new ();
  kt_portfolio_filter_bar_set_filter (self->filter_bar, self->filter);
  g_signal_connect_swapped (self->filter, "changed", G_CALLBACK (filter_changed_cb), self);

  kt_matrix_view_table_init (self);
  kt_matrix_view_recompute (self);
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
kt_matrix_view_new (void)
{
  return g_object_new (KT_TYPE_MATRIX_VIEW, NULL);
}

void
kt_matrix_view_set_store (KtMatrixView *self,
                          KtStore      *store)
{
  g_return_if_fail (KT_IS_MATRIX_VIEW (self));
  g_return_if_fail (store == NULL || KT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Another portfolio starts unfiltered, with nothing open */
  gtk_revealer_set_reveal_child (self->panel_revealer, FALSE);
  self->loading = TRUE;
  kt_portfolio_filter_bar_reset (self->filter_bar);
  set_org_units (self, NULL);
  self->loading = FALSE;

  kt_matrix_view_reload (self, NULL);
}

gboolean
kt_matrix_view_load (KtMatrixView  *self,
                     gboolean       quiet_busy,
                     GError       **error)
{
  GError *local_error = NULL;

  self->dirty = FALSE;

  if (self->store == NULL)
    {
      clear (self);
      kt_matrix_view_recompute (self);
      return TRUE;
    }

  if (!load (self, &local_error))
    {
      if (quiet_busy && kt_list_refresh_should_skip (local_error))
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      clear (self);
      kt_matrix_view_recompute (self);
      adw_status_page_set_title (self->empty_page, _("The Matrix Could Not Be Shown"));
      adw_status_page_set_description (self->empty_page, local_error->message);
      gtk_widget_set_visible (self->show_all_button, FALSE);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      g_propagate_error (error, local_error);
      return FALSE;
    }

  kt_matrix_view_recompute (self);

  return TRUE;
}

gboolean
kt_matrix_view_reload (KtMatrixView  *self,
                       GError       **error)
{
  g_return_val_if_fail (KT_IS_MATRIX_VIEW (self), FALSE);

  return kt_matrix_view_load (self, FALSE, error);
}

void
kt_matrix_view_invalidate (KtMatrixView *self)
{
  g_return_if_fail (KT_IS_MATRIX_VIEW (self));

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kt_matrix_view_reload (self, NULL);
}
