/* kt-supplier-score-panel.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "kt-contract.h"
#include "kt-format.h"
#include "kt-supplier-score-panel.h"
#include "kt-time-stamp.h"

struct _KtSupplierScorePanel
{
  GtkWidget   parent_instance;

  GtkWidget  *scrolled;
  GtkWidget  *name_label;
  GtkWidget  *close_button;
  GtkWidget  *segment_label;
  GtkWidget  *place_button;
  GtkWidget  *override_box;
  GtkWidget  *override_label;
  GtkWidget  *computed_button;
  GtkWidget  *read_only_label;
  GtkWidget  *contracts_list;
  GtkWidget  *explain_label;

  gint64      supplier_id;
};

G_DEFINE_FINAL_TYPE (KtSupplierScorePanel, kt_supplier_score_panel, GTK_TYPE_WIDGET)

enum {
  CONTRACT_ACTIVATED,
  SUPPLIER_ACTIVATED,
  PLACE_BY_HAND,
  USE_COMPUTED,
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
contract_row_new (const KtContract *contract)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a contract: its number and its name */
  title = g_strdup_printf (_("%s – %s"), contract->number != NULL ? contract->number : "",
                           contract->name != NULL ? contract->name : "");
  if (contract->annual_cost != KT_MONEY_NONE)
    {
      g_autofree char *cost = kt_format_money_short (contract->annual_cost);

      /* Translators: a contract's annual cost in the supplier's details of
       * the matrix, "1.240.000 kr. a year · High" (its criticality) */
      subtitle = g_strdup_printf (_("%s a year · %s"), cost,
                                  kt_enum_label (KT_ENUM_CRITICALITY, contract->criticality));
    }
  else
    /* Translators: a contract without a known annual cost in the supplier's
     * details of the matrix; %s is its criticality */
    subtitle = g_strdup_printf (_("Annual cost unknown · %s"),
                                kt_enum_label (KT_ENUM_CRITICALITY, contract->criticality));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open the contract"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "kt-contract-id",
                          g_memdup2 (&contract->id, sizeof contract->id), g_free);

  return row;
}

static void
fill_contracts (KtSupplierScorePanel *self,
                GPtrArray            *contracts)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->contracts_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->contracts_list), child);

  for (guint i = 0; contracts != NULL && i < contracts->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->contracts_list),
                         contract_row_new (g_ptr_array_index (contracts, i)));

  if (contracts == NULL || contracts->len == 0)
    {
      /* Scores come only from contracts, so this is a passing state (a
       * reload on its way) rather than something to explain */
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No contracts"));
      gtk_list_box_append (GTK_LIST_BOX (self->contracts_list), row);
    }
}

static char *
describe_override (const KtScoreOverride *override,
                   const KtSupplierScore *score)
{
  g_autofree char *when = override->changed_at != NULL ? kt_time_stamp_format (override->changed_at) : NULL;
  g_autofree char *placed = NULL;

  if (override->changed_by != NULL && when != NULL)
    /* Translators: in the supplier's details of the matrix: "Placed by hand
     * by Mette Holm at 26.11.2026 14:05: Sole supplier of the case system" */
    placed = g_strdup_printf (_("Placed by hand by %s at %s: %s"), override->changed_by, when,
                              override->reason != NULL ? override->reason : "");
  else
    /* Translators: in the supplier's details of the matrix, when who and
     * when are unknown; %s is the reason */
    placed = g_strdup_printf (_("Placed by hand: %s"), override->reason != NULL ? override->reason : "");

  /* Translators: after who placed a supplier by hand: what its contracts
   * alone would say */
  return g_strdup_printf (_("%s\nComputed from its contracts: importance %u, risk %u."),
                          placed, score->computed_importance, score->computed_risk);
}

/* ---- Callbacks -------------------------------------------------------- */

static void
close_clicked_cb (KtSupplierScorePanel *self)
{
  g_signal_emit (self, signals[CLOSE], 0);
}

static void
show_supplier_clicked_cb (KtSupplierScorePanel *self)
{
  if (self->supplier_id != 0)
    g_signal_emit (self, signals[SUPPLIER_ACTIVATED], 0, self->supplier_id);
}

static void
place_clicked_cb (KtSupplierScorePanel *self)
{
  if (self->supplier_id != 0)
    g_signal_emit (self, signals[PLACE_BY_HAND], 0, self->supplier_id);
}

static void
computed_clicked_cb (KtSupplierScorePanel *self)
{
  if (self->supplier_id != 0)
    g_signal_emit (self, signals[USE_COMPUTED], 0, self->supplier_id);
}

static void
contract_row_activated_cb (KtSupplierScorePanel *self,
                           GtkListBoxRow        *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "kt-contract-id");

  if (id != NULL)
    g_signal_emit (self, signals[CONTRACT_ACTIVATED], 0, *id);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  close_clicked_cb (KT_SUPPLIER_SCORE_PANEL (widget));
}

/* ---- GObject ---------------------------------------------------------- */

static void
kt_supplier_score_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KT_TYPE_SUPPLIER_SCORE_PANEL);

  G_OBJECT_CLASS (kt_supplier_score_panel_parent_class)->dispose (object);
}

static void
kt_supplier_score_panel_class_init (KtSupplierScorePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_supplier_score_panel_dispose;

  signals[CONTRACT_ACTIVATED] =
    g_signal_new ("contract-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SUPPLIER_ACTIVATED] =
    g_signal_new ("supplier-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[PLACE_BY_HAND] =
    g_signal_new ("place-by-hand", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[USE_COMPUTED] =
    g_signal_new ("use-computed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CLOSE] =
    g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-supplier-score-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KtSupplierScorePanel, scrolled);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierScorePanel, name_label);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierScorePanel, close_button);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierScorePanel, segment_label);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierScorePanel, place_button);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierScorePanel, override_box);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierScorePanel, override_label);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierScorePanel, computed_button);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierScorePanel, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierScorePanel, contracts_list);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierScorePanel, explain_label);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_supplier_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, place_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, computed_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, contract_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "score-panel.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "score-panel.close", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ktsupplierscorepanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kt_supplier_score_panel_init (KtSupplierScorePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: accessible name of the side panel of the matrix */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Supplier Details"),
                                  -1);
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
kt_supplier_score_panel_new (void)
{
  return g_object_new (KT_TYPE_SUPPLIER_SCORE_PANEL, NULL);
}

void
kt_supplier_score_panel_set_score (KtSupplierScorePanel   *self,
                                   const KtSupplierScore  *score,
                                   const KtMatrixSettings *settings,
                                   GPtrArray              *contracts,
                                   const char             *read_only_reason)
{
  g_autofree char *segment = NULL;
  g_autofree char *explain = NULL;
  gboolean writable = read_only_reason == NULL;
  gboolean same;

  g_return_if_fail (KT_IS_SUPPLIER_SCORE_PANEL (self));
  g_return_if_fail (score != NULL);
  g_return_if_fail (settings != NULL);

  same = self->supplier_id == score->supplier_id;
  self->supplier_id = score->supplier_id;

  gtk_label_set_text (GTK_LABEL (self->name_label), score->supplier_name);
  /* Translators: a supplier's segment and place in the matrix, "Strategic ·
   * importance 72 · risk 65" */
  segment = g_strdup_printf (_("%s · importance %u · risk %u"), kt_segment_label (score->segment),
                             score->importance, score->risk);
  gtk_label_set_text (GTK_LABEL (self->segment_label), segment);

  gtk_widget_set_visible (self->override_box, score->override != NULL);
  if (score->override != NULL)
    {
      g_autofree char *text = describe_override (score->override, score);

      gtk_label_set_text (GTK_LABEL (self->override_label), text);
    }
  gtk_widget_set_visible (self->computed_button, writable);
  gtk_widget_set_visible (self->place_button, writable);

  gtk_widget_set_visible (self->read_only_label, !writable);
  if (!writable)
    {
      /* Translators: in the supplier's details of the matrix; %s is a
       * sentence saying why the portfolio is read-only */
      g_autofree char *text = g_strdup_printf (_("Suppliers cannot be placed by hand in this "
                                                 "portfolio. %s"),
                                               read_only_reason);

      gtk_label_set_text (GTK_LABEL (self->read_only_label), text);
    }

  explain = kt_supplier_score_explain (score, settings);
  gtk_label_set_text (GTK_LABEL (self->explain_label), explain);

  fill_contracts (self, contracts);

  /* Another supplier starts at the top */
  if (!same)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
}

gint64
kt_supplier_score_panel_get_supplier (KtSupplierScorePanel *self)
{
  g_return_val_if_fail (KT_IS_SUPPLIER_SCORE_PANEL (self), 0);

  return self->supplier_id;
}

void
kt_supplier_score_panel_focus (KtSupplierScorePanel *self)
{
  g_return_if_fail (KT_IS_SUPPLIER_SCORE_PANEL (self));

  gtk_widget_grab_focus (self->close_button);
}
