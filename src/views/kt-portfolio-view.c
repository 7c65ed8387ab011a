/* kt-portfolio-view.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "kt-contract-row.h"
#include "kt-format.h"
#include "kt-portfolio-view-private.h"


G_DEFINE_FINAL_TYPE (KtPortfolioView, kt_portfolio_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  N_PROPS
};

enum {
  CONTRACT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct {
  KtContractColumn  column;
  const char       *title;
  const char       *property;
  gboolean          numeric;   /* right-aligned, tabular figures */
  gboolean          expand;
  int               width_chars;
} ColumnInfo;

/* GTK 4.8 cannot shorten a column header: a long one widens its column and
 * pushes the last columns out of sight. */
static const ColumnInfo column_infos[] = {
  /* Translators: column header, the contract number; keep all column
   * headers short, one word where possible */
  { KT_CONTRACT_COLUMN_NUMBER, N_("Number"), "number", FALSE, FALSE, 0 },
  /* Translators: column header, the contract name */
  { KT_CONTRACT_COLUMN_NAME, N_("Name"), "name", FALSE, TRUE, 18 },
  /* Translators: column header */
  { KT_CONTRACT_COLUMN_SUPPLIER, N_("Supplier"), "supplier-name", FALSE, TRUE, 12 },
  /* Translators: column header (systemejer) */
  { KT_CONTRACT_COLUMN_SYSTEM_OWNER, N_("System Owner"), "system-owner-name", FALSE, FALSE, 11 },
  /* Translators: column header, e.g. operation, licence, maintenance */
  { KT_CONTRACT_COLUMN_CATEGORY, N_("Category"), "category-label", FALSE, FALSE, 8 },
  /* Translators: column header (kontraktsum) */
  { KT_CONTRACT_COLUMN_CONTRACT_SUM, N_("Contract Sum"), "contract-sum-text", TRUE, FALSE, 0 },
  /* Translators: column header, annual operating cost; keep it short
   * (e.g. "Årlig drift") */
  { KT_CONTRACT_COLUMN_ANNUAL_COST, N_("Annual Cost"), "annual-cost-text", TRUE, FALSE, 0 },
  /* Translators: column header (udløbsdato) */
  { KT_CONTRACT_COLUMN_END_DATE, N_("End Date"), "end-date-text", FALSE, FALSE, 0 },
  /* Translators: column header, the last day on which notice can be given
   * (opsigelsesfrist) */
  { KT_CONTRACT_COLUMN_NOTICE_DATE, N_("Notice Deadline"), "notice-date-text", FALSE, FALSE, 0 },
};

gint64
kt_portfolio_view_selected_id (KtPortfolioView *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);
  const KtContract *contract;

  if (item == NULL)
    return 0;
  contract = kt_contract_row_get_contract (KT_CONTRACT_ROW (item));
  return contract->id;
}

static void
update_summary (KtPortfolioView *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gint64 annual = 0;
  g_autofree char *annual_text = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(KtContractRow) row = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);
      const KtContract *contract = kt_contract_row_get_contract (row);

      if (contract->annual_cost != KT_MONEY_NONE)
        annual += contract->annual_cost;
    }
  annual_text = kt_format_money_short (annual);

  if (shown == total)
    /* Translators: the summary below the portfolio table, e.g.
     * "62 contracts · 12.345.678 kr. per year": the number of contracts and
     * the sum of their annual operating costs */
    text = g_strdup_printf (ngettext ("%u contract · %s per year",
                                      "%u contracts · %s per year", total),
                            total, annual_text);
  else
    /* Translators: the summary below a searched or filtered portfolio
     * table, e.g. "12 of 62 contracts · 1.234.567 kr. per year": the annual
     * cost is the sum of the contracts shown */
    text = g_strdup_printf (ngettext ("%u of %u contract · %s per year",
                                      "%u of %u contracts · %s per year", total),
                            shown, total, annual_text);

  gtk_label_set_label (self->summary_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");

  gtk_widget_set_visible (GTK_WIDGET (self->filter_bar), total > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), total > 0);
  gtk_widget_set_visible (self->footer_separator, total > 0);
}

static int
compare_func (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  int result = kt_contract_row_compare (KT_CONTRACT_ROW ((gpointer) a),
                                        KT_CONTRACT_ROW ((gpointer) b),
                                        GPOINTER_TO_INT (user_data));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               const ColumnInfo         *info)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (info->numeric)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      if (info->width_chars > 0)
        {
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (label), info->width_chars);
        }
    }
  gtk_list_item_set_child (list_item, label);
}

/* A passed or near notice deadline is what the register is for: it stands
 * out in colour and weight, and says so in words to tooltips and screen
 * readers (colour alone is not enough). */
static void
mark_notice_urgency (GtkLabel      *label,
                     KtContractRow *row)
{
  const GDate *notice = kt_contract_row_get_notice_date (row);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  gint64 days;
  const char *note = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "kt-deadline-passed");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "kt-deadline-soon");

  /* A running contract's notice day moves along with today: notice can be
   * given at any time, so there is nothing to miss. */
  if (kt_contract_row_get_contract (row)->running)
    /* Translators: tooltip of the last day to give notice of a running
     * (løbende) contract */
    note = _("Running: notice can be given at any time; this is the last day for the earliest end");
  else if (notice != NULL && g_date_valid (notice))
    {
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      days = (gint64) g_date_get_julian (notice) - (gint64) g_date_get_julian (&today);

      if (days < 0)
        {
          gtk_widget_add_css_class (GTK_WIDGET (label), "kt-deadline-passed");
          /* Translators: tooltip of a last day to give notice that has passed */
          note = _("The last day to give notice has passed");
        }
      else if (days <= 90)
        {
          gtk_widget_add_css_class (GTK_WIDGET (label), "kt-deadline-soon");
          /* Translators: tooltip of a last day to give notice that is near */
          note = _("The last day to give notice is within 90 days");
        }
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (label), note);
  if (note != NULL && !kt_contract_row_get_contract (row)->running)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              const ColumnInfo         *info)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GObject *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  g_object_get (row, info->property, &text, NULL);
  gtk_label_set_label (GTK_LABEL (label), text);
  /* Ellipsized text stays readable in full as a tooltip. */
  gtk_widget_set_tooltip_text (label, info->width_chars > 0 && text != NULL && *text ? text : NULL);

  if (info->column == KT_CONTRACT_COLUMN_NOTICE_DATE)
    mark_notice_urgency (GTK_LABEL (label), KT_CONTRACT_ROW (row));

  /* GTK 4.8 names an empty label after its type ("GtkLabel"), which a
   * screen reader would read out. (A label with text names itself: setting
   * the text replaces this.) */
  if (text == NULL || *text == '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    /* Translators: read by screen readers for an empty table cell */
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Not set"),
                                    -1);
}

static void
add_columns (KtPortfolioView *self)
{
  GtkColumnViewColumn *number_column = NULL;

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

      if (info->column == KT_CONTRACT_COLUMN_NUMBER)
        number_column = column;
    }

  gtk_column_view_sort_by_column (self->column_view, number_column, GTK_SORT_ASCENDING);
}

gboolean
kt_portfolio_view_select_id (KtPortfolioView *self,
                             gint64           id)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KtContractRow) row = g_list_model_get_item (model, i);

      if (kt_contract_row_get_contract (row)->id == id)
        {
          if (gtk_single_selection_get_selected (self->selection) != i)
            gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* The selection keeps its row through filtering while the row stays
 * shown. */
static void
search_changed_cb (KtPortfolioView *self)
{
  kt_portfolio_filter_set_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (KtPortfolioView *self)
{
  kt_portfolio_view_focus_table (self);
}

static void
reset_filter_controls (KtPortfolioView *self)
{
  kt_portfolio_filter_bar_reset (self->filter_bar);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  kt_portfolio_filter_clear (self->filter);
}

static void
show_all_clicked_cb (KtPortfolioView *self)
{
  reset_filter_controls (self);
  kt_portfolio_view_focus_table (self);
}

static void
column_view_activate_cb (KtPortfolioView *self,
                         guint            position)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(KtContractRow) row = g_list_model_get_item (model, position);

  if (row != NULL)
    g_signal_emit (self, signals[CONTRACT_ACTIVATED], 0, kt_contract_row_get_contract (row)->id);
}

static void
filter_items_changed_cb (KtPortfolioView *self)
{
  update_summary (self);
}

static void
kt_portfolio_view_dispose (GObject *object)
{
  KtPortfolioView *self = KT_PORTFOLIO_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_PORTFOLIO_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_object (&self->store);
  g_clear_pointer (&self->units_key, g_free);
  g_clear_pointer (&self->refresh_error, g_free);

  G_OBJECT_CLASS (kt_portfolio_view_parent_class)->dispose (object);
}

static void
kt_portfolio_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KtPortfolioView *self = KT_PORTFOLIO_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_portfolio_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KtPortfolioView *self = KT_PORTFOLIO_VIEW (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      gtk_search_bar_set_search_mode (self->search_bar, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
search_mode_changed_cb (KtPortfolioView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
kt_portfolio_view_class_init (KtPortfolioViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_portfolio_view_dispose;
  object_class->get_property = kt_portfolio_view_get_property;
  object_class->set_property = kt_portfolio_view_set_property;

  /**
   * KtPortfolioView:search-mode:
   *
   * Whether the search bar is shown.
   */
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KtPortfolioView::contract-activated:
   * @id: the contract's id
   *
   * The user opened a contract (Enter or double click on its row).
   */
  signals[CONTRACT_ACTIVATED] =
    g_signal_new ("contract-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (KT_TYPE_PORTFOLIO_FILTER_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/dk/kontrakter/Kontrakter/views/kt-portfolio-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KtPortfolioView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KtPortfolioView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KtPortfolioView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, KtPortfolioView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KtPortfolioView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KtPortfolioView, footer_separator);
  gtk_widget_class_bind_template_child (widget_class, KtPortfolioView, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ktportfolioview");
}

static void
kt_portfolio_view_init (KtPortfolioView *self)
{
  GtkSortListModel *sort_model;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);

  self->rows = g_list_store_new (KT_TYPE_CONTRACT_ROW);
  self->filter = kt_portfolio_filter_new ();
  kt_portfolio_filter_bar_set_filter (self->filter_bar, self->filter);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  add_columns (self);
  sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                        g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sort_model));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  update_summary (self);
}

GtkWidget *
kt_portfolio_view_new (void)
{
  return g_object_new (KT_TYPE_PORTFOLIO_VIEW, NULL);
}

gboolean
kt_portfolio_view_set_store (KtPortfolioView  *self,
                             KtStore          *store,
                             GError          **error)
{
  g_return_val_if_fail (KT_IS_PORTFOLIO_VIEW (self), FALSE);
  g_return_val_if_fail (store == NULL || KT_IS_STORE (store), FALSE);

  g_set_object (&self->store, store);

  /* A different portfolio starts unfiltered */
  reset_filter_controls (self);
  kt_portfolio_view_set_org_units (self, NULL);
  g_clear_pointer (&self->refresh_error, g_free);

  if (!kt_portfolio_view_reload (self, error))
    {
      g_list_store_remove_all (self->rows);
      return FALSE;
    }

  gtk_single_selection_set_selected (self->selection, 0);
  return TRUE;
}

gboolean
kt_portfolio_view_reload (KtPortfolioView  *self,
                          GError          **error)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree gpointer *pdata = NULL;
  gsize n = 0;
  gint64 id;

  g_return_val_if_fail (KT_IS_PORTFOLIO_VIEW (self), FALSE);

  if (self->store == NULL)
    {
      g_list_store_remove_all (self->rows);
      kt_portfolio_view_set_org_units (self, NULL);
      return TRUE;
    }

  /* Both read before anything changes: a failed read leaves the table as
   * it was. */
  if ((units = kt_store_list_org_units (self->store, error)) == NULL ||
      (contracts = kt_store_list_contracts (self->store, error)) == NULL)
    return FALSE;

  /* Units may have been added or renamed */
  kt_portfolio_view_set_org_units (self, units);

  id = kt_portfolio_view_selected_id (self);

  /* The rows take over the contracts */
  pdata = g_ptr_array_steal (contracts, &n);
  rows = g_ptr_array_new_full (n, g_object_unref);
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (rows, kt_contract_row_new (pdata[i], NULL));
  /* Only what changed: the other rows keep their place, selection and
   * focus */
  kt_portfolio_view_sync_rows (self, rows);

  if (id != 0)
    kt_portfolio_view_select_id (self, id);

  return TRUE;
}

void
kt_portfolio_view_focus_search (KtPortfolioView *self)
{
  g_return_if_fail (KT_IS_PORTFOLIO_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
kt_portfolio_view_focus_table (KtPortfolioView *self)
{
  g_return_if_fail (KT_IS_PORTFOLIO_VIEW (self));

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

void
kt_portfolio_view_select (KtPortfolioView *self,
                          gint64           id)
{
  g_return_if_fail (KT_IS_PORTFOLIO_VIEW (self));

  kt_portfolio_view_select_id (self, id);
}
