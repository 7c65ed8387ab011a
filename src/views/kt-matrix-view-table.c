/* kt-matrix-view-table.c — the matrix as a table, for those who would
 * rather read than look, and for sorting
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-format.h"
#include "kt-list-refresh.h"
#include "kt-matrix-view-private.h"
#include "kt-supplier-score-item.h"

typedef struct {
  KtScoreColumn  column;
  const char    *title;
  gboolean       numeric;   /* right-aligned, tabular figures */
  gboolean       expand;
} ColumnInfo;

/* GTK 4.8 cannot shorten a column header: keep them short. */
static const ColumnInfo column_infos[] = {
  /* Translators: column header of the matrix's table */
  { KT_SCORE_COLUMN_SUPPLIER, N_("Supplier"), FALSE, TRUE },
  /* Translators: column header of the matrix's table: strategic, leverage,
   * bottleneck or non-critical */
  { KT_SCORE_COLUMN_SEGMENT, N_("Segment"), FALSE, FALSE },
  /* Translators: column header of the matrix's table, 0–100 */
  { KT_SCORE_COLUMN_IMPORTANCE, N_("Importance"), TRUE, FALSE },
  /* Translators: column header of the matrix's table, 0–100 */
  { KT_SCORE_COLUMN_RISK, N_("Risk"), TRUE, FALSE },
  /* Translators: column header of the matrix's table */
  { KT_SCORE_COLUMN_ANNUAL_SPEND, N_("Annual Spend"), TRUE, FALSE },
  /* Translators: column header of the matrix's table: how many contracts count */
  { KT_SCORE_COLUMN_CONTRACTS, N_("Contracts"), TRUE, FALSE },
  /* Translators: column header of the matrix's table: "Yes" when someone
   * placed the supplier by hand */
  { KT_SCORE_COLUMN_PLACED_BY_HAND, N_("Placed By Hand"), FALSE, FALSE },
};

static int
compare_func (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  int result = kt_supplier_score_item_compare (KT_SUPPLIER_SCORE_ITEM ((gpointer) a),
                                               KT_SUPPLIER_SCORE_ITEM ((gpointer) b),
                                               GPOINTER_TO_INT (user_data));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               const ColumnInfo         *info)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), info->numeric ? 1.0 : 0.0);
  if (info->numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (info->expand)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 16);
    }
  gtk_list_item_set_child (list_item, label);
}

static char *
cell_text (const KtSupplierScore *score,
           KtScoreColumn          column)
{
  switch (column)
    {
    case KT_SCORE_COLUMN_SUPPLIER:
      return g_strdup (score->supplier_name);
    case KT_SCORE_COLUMN_SEGMENT:
      return g_strdup (kt_segment_label (score->segment));
    case KT_SCORE_COLUMN_IMPORTANCE:
      return g_strdup_printf ("%u", score->importance);
    case KT_SCORE_COLUMN_RISK:
      return g_strdup_printf ("%u", score->risk);
    case KT_SCORE_COLUMN_ANNUAL_SPEND:
      return kt_format_money_short (score->annual_spend);
    case KT_SCORE_COLUMN_CONTRACTS:
      return g_strdup_printf ("%u", score->n_contracts);
    case KT_SCORE_COLUMN_PLACED_BY_HAND:
      /* Translators: in the Placed By Hand column of the matrix's table */
      return g_strdup (score->override != NULL ? _("Yes") : "");
    case KT_N_SCORE_COLUMNS:
    default:
      return NULL;
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              const ColumnInfo         *info)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  KtSupplierScoreItem *item = gtk_list_item_get_item (list_item);
  const KtSupplierScore *score = kt_supplier_score_item_get_score (item);
  g_autofree char *text = cell_text (score, info->column);

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, NULL);
  if (info->column == KT_SCORE_COLUMN_SUPPLIER)
    gtk_widget_set_tooltip_text (label, text);
  else if (info->column == KT_SCORE_COLUMN_PLACED_BY_HAND && score->override != NULL)
    gtk_widget_set_tooltip_text (label, score->override->reason);

  /* GTK 4.8 names an empty label after its type ("GtkLabel"), which a
   * screen reader would read out */
  if (text == NULL || *text == '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    /* Translators: read by screen readers for an empty
                                     * Placed By Hand cell */
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("No"),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

void
kt_matrix_view_table_init (KtMatrixView *self)
{
  GtkColumnViewColumn *first = NULL;
  GtkSortListModel *sort_model;

  for (guint i = 0; i < G_N_ELEMENTS (column_infos); i++)
    {
      const ColumnInfo *info = &column_infos[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) info);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) info);

      column = gtk_column_view_column_new (_(info->title), factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_func, GINT_TO_POINTER (info->column), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, info->expand);
      gtk_column_view_append_column (self->column_view, column);

      if (i == 0)
        first = column;
    }

  gtk_column_view_sort_by_column (self->column_view, first, GTK_SORT_ASCENDING);

  self->items = g_list_store_new (KT_TYPE_SUPPLIER_SCORE_ITEM);
  sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                        g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sort_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

static gint64
item_key (gpointer item)
{
  return kt_supplier_score_item_get_score (item)->supplier_id;
}

static gboolean
same_override (const KtScoreOverride *a,
               const KtScoreOverride *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->version == b->version && g_strcmp0 (a->reason, b->reason) == 0;
}

/* What a line of the table shows (and its tooltips). */
static gboolean
same_item (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  const KtSupplierScore *x = kt_supplier_score_item_get_score (KT_SUPPLIER_SCORE_ITEM ((gpointer) a));
  const KtSupplierScore *y = kt_supplier_score_item_get_score (KT_SUPPLIER_SCORE_ITEM ((gpointer) b));

  return g_strcmp0 (x->supplier_name, y->supplier_name) == 0 &&
         x->segment == y->segment &&
         x->importance == y->importance &&
         x->risk == y->risk &&
         x->annual_spend == y->annual_spend &&
         x->n_contracts == y->n_contracts &&
         same_override (x->override, y->override);
}

/* Only the lines that changed: the others keep their place, and the
 * selection keeps its supplier. */
void
kt_matrix_view_table_fill (KtMatrixView *self)
{
  gint64 selected = kt_matrix_view_table_selected (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->scores != NULL && i < self->scores->len; i++)
    g_ptr_array_add (items, kt_supplier_score_item_new (g_ptr_array_index (self->scores, i)));

  kt_list_store_sync (self->items, items->pdata, items->len, item_key, same_item, NULL);
  if (kt_matrix_view_table_selected (self) != selected)
    kt_matrix_view_table_select (self, selected);
}

gint64
kt_matrix_view_table_selected (KtMatrixView *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  if (item == NULL)
    return 0;

  return kt_supplier_score_item_get_score (KT_SUPPLIER_SCORE_ITEM (item))->supplier_id;
}

void
kt_matrix_view_table_select (KtMatrixView *self,
                             gint64        supplier_id)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = g_list_model_get_n_items (model);

  if (supplier_id != 0)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(KtSupplierScoreItem) item = g_list_model_get_item (model, i);

        if (kt_supplier_score_item_get_score (item)->supplier_id == supplier_id)
          {
            gtk_single_selection_set_selected (self->selection, i);
            return;
          }
      }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}
