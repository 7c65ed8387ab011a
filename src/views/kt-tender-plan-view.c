/* kt-tender-plan-view.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "kt-csv.h"
#include "kt-dialogs.h"
#include "kt-format.h"
#include "kt-list-refresh.h"
#include "kt-tender-plan-view-private.h"

G_DEFINE_FINAL_TYPE (KtTenderPlanItem, kt_tender_plan_item, G_TYPE_OBJECT)

static void
kt_tender_plan_item_finalize (GObject *object)
{
  g_clear_pointer (&KT_TENDER_PLAN_ITEM (object)->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kt_tender_plan_item_parent_class)->finalize (object);
}

static void
kt_tender_plan_item_class_init (KtTenderPlanItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kt_tender_plan_item_finalize;
}

static void
kt_tender_plan_item_init (KtTenderPlanItem *self)
{
}


G_DEFINE_FINAL_TYPE (KtTenderPlanView, kt_tender_plan_view, GTK_TYPE_WIDGET)

enum {
  CONTRACT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum {
  COLUMN_START,
  COLUMN_CONTRACT,
  COLUMN_SUPPLIER,
  COLUMN_FORM,
  COLUMN_END,
  COLUMN_SUM,
  COLUMN_ANNUAL,
  COLUMN_OPTIONS,
} Column;

static const struct {
  Column      column;
  const char *title;
  gboolean    numeric;
  gboolean    expand;
  int         width_chars;
} columns[] = {
  /* Translators: column header of the tender plan: the day re-procurement
   * must start by; keep all column headers short */
  { COLUMN_START, N_("Start By"), FALSE, FALSE, 0 },
  /* Translators: column header */
  { COLUMN_CONTRACT, N_("Contract"), FALSE, TRUE, 20 },
  /* Translators: column header */
  { COLUMN_SUPPLIER, N_("Supplier"), FALSE, TRUE, 12 },
  /* Translators: column header: how the contract was procured (SKI, EU tender, …) */
  { COLUMN_FORM, N_("Procured By"), FALSE, FALSE, 12 },
  /* Translators: column header (udløbsdato) */
  { COLUMN_END, N_("End Date"), FALSE, FALSE, 0 },
  /* Translators: column header (kontraktsum) */
  { COLUMN_SUM, N_("Contract Sum"), TRUE, FALSE, 0 },
  /* Translators: column header, annual operating cost; keep it short */
  { COLUMN_ANNUAL, N_("Annual Cost"), TRUE, FALSE, 0 },
  /* Translators: column header: extension options not used yet; keep it short */
  { COLUMN_OPTIONS, N_("Options Left"), TRUE, FALSE, 0 },
};

static char *
cell_text (const KtTenderPlanItem *item,
           Column                  column)
{
  const KtTenderPlanRow *row = item->row;

  if (row == NULL)
    {
      if (column == COLUMN_START)
        return kt_tender_plan_quarter_label (item->year, item->quarter);
      if (column == COLUMN_CONTRACT)
        return g_strdup_printf (ngettext ("%u contract", "%u contracts", item->count), item->count);
      return NULL;
    }

  switch (column)
    {
    case COLUMN_START:
      return kt_format_date (&row->start);
    case COLUMN_CONTRACT:
      /* Translators: a contract: its number and its name */
      return g_strdup_printf (_("%s – %s"), row->number ? row->number : "", row->name ? row->name : "");
    case COLUMN_SUPPLIER:
      return g_strdup (row->supplier_name);
    case COLUMN_FORM:
      return g_strdup (kt_enum_label (KT_ENUM_PROCUREMENT_FORM, row->procurement_form));
    case COLUMN_END:
      return kt_format_date (&row->end_date);
    case COLUMN_SUM:
      return row->contract_sum != KT_MONEY_NONE ? kt_format_money_short (row->contract_sum) : NULL;
    case COLUMN_ANNUAL:
      return row->annual_cost != KT_MONEY_NONE ? kt_format_money_short (row->annual_cost) : NULL;
    case COLUMN_OPTIONS:
      return g_strdup_printf ("%u", row->options_left);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  index)
{
  guint i = GPOINTER_TO_UINT (index);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), columns[i].numeric ? 1.0 : 0.0);
  if (columns[i].numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (columns[i].width_chars > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), columns[i].width_chars);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  index)
{
  guint i = GPOINTER_TO_UINT (index);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  KtTenderPlanItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = cell_text (item, columns[i].column);
  gboolean header = item->row == NULL;

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, columns[i].width_chars > 0 && text != NULL ? text : NULL);

  gtk_list_item_set_selectable (list_item, !header);
  gtk_list_item_set_activatable (list_item, !header);

  if (header)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  if (header && columns[i].column == COLUMN_CONTRACT)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  if (!header && item->row->late && columns[i].column == COLUMN_START)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");

  /* Screen readers hear a late start as late, not only in red. GTK 4.8
   * names an empty label "GtkLabel": an empty cell is told as not set. */
  if (!header && item->row->late && columns[i].column == COLUMN_START)
    {
      /* Translators: read by screen readers for a re-procurement start that has
       * passed; %s is the date */
      g_autofree char *spoken = g_strdup_printf (_("%s, late"), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      spoken, -1);
    }
  else if (text == NULL || *text == '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    /* Translators: read by screen readers for an empty table cell */
                                    _("Not set"), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
add_columns (KtTenderPlanView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_append_column (self->column_view, column);
    }
}

static void
show_rows (KtTenderPlanView *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  KtTenderPlanItem *header = NULL;
  g_autofree char *summary = NULL;
  guint late = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const KtTenderPlanRow *row = g_ptr_array_index (self->rows, i);
      KtTenderPlanItem *item;

      if (header == NULL || header->year != row->year || header->quarter != row->quarter)
        {
          header = g_object_new (KT_TYPE_TENDER_PLAN_ITEM, NULL);
          header->year = row->year;
          header->quarter = row->quarter;
          g_ptr_array_add (items, header);
        }
      header->count++;
      late += row->late;

      item = g_object_new (KT_TYPE_TENDER_PLAN_ITEM, NULL);
      item->row = row;
      item->rows = g_ptr_array_ref (self->rows);
      g_ptr_array_add (items, item);
    }

  kt_tender_plan_view_store_items (self, items);

  if (late > 0)
    /* Translators: the summary below the tender plan */
    summary = g_strdup_printf (ngettext ("%u contract to re-procure · %u should have started already",
                                         "%u contracts to re-procure · %u should have started already",
                                         self->rows->len),
                               self->rows->len, late);
  else
    /* Translators: the summary below the tender plan */
    summary = g_strdup_printf (ngettext ("%u contract to re-procure", "%u contracts to re-procure",
                                         self->rows->len),
                               self->rows->len);
  gtk_label_set_text (self->summary_label, summary);

  gtk_stack_set_visible_child_name (self->content_stack, self->rows->len > 0 ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), self->rows->len > 0);
  gtk_widget_set_visible (self->footer_separator, self->rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tender-plan.export", self->rows->len > 0);
}

/* A new array of KtTenderPlanRow, or NULL with @error. */
GPtrArray *
kt_tender_plan_view_load (KtTenderPlanView  *self,
                          GError           **error)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(KtDeadlineSettings) settings = NULL;
  g_autoptr(GError) settings_error = NULL;

  contracts = kt_store_list_contracts (self->store, error);
  if (contracts == NULL)
    return NULL;

  /* The defaults are better than no plan at all — but a moment's lock is
   * no reason to show the wrong one. */
  settings = kt_store_get_deadline_settings (self->store, &settings_error);
  if (kt_list_refresh_should_skip (settings_error))
    {
      g_propagate_error (error, g_steal_pointer (&settings_error));
      return NULL;
    }
  if (settings == NULL)
    g_warning ("Could not read the deadline settings: %s", settings_error->message);

  return kt_tender_plan_build (contracts, settings, NULL);
}

void
kt_tender_plan_view_set_rows (KtTenderPlanView *self,
                              GPtrArray        *rows)
{
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = rows != NULL ? rows
                            : g_ptr_array_new_with_free_func ((GDestroyNotify) kt_tender_plan_row_free);
  show_rows (self);
}

static void
reload (KtTenderPlanView *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = NULL;

  self->dirty = FALSE;

  if (self->store != NULL)
    {
      rows = kt_tender_plan_view_load (self, &error);
      if (rows == NULL)
        kt_dialog_show_error (GTK_WIDGET (self), _("Could Not Read the Contracts"), error->message);
    }

  kt_tender_plan_view_set_rows (self, rows);
}

static void
export_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    KtTenderPlanView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (!kt_csv_write_tender_plan (self->rows, path, &error))
    {
      kt_dialog_show_error (GTK_WIDGET (self), _("The Tender Plan Could Not Be Exported"),
                            error->message);
      return;
    }

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Tender plan saved as “%s”"), name);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KtTenderPlanView *self = KT_TENDER_PLAN_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->rows == NULL || self->rows->len == 0)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Tender Plan"), kt_dialog_parent_for (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheet Files (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of the exported tender plan; keep ".csv" */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Tender plan.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
column_view_activate_cb (KtTenderPlanView *self,
                         guint             position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->column_view));
  g_autoptr(KtTenderPlanItem) item = g_list_model_get_item (model, position);

  if (item != NULL && item->row != NULL)
    g_signal_emit (self, signals[CONTRACT_ACTIVATED], 0, item->row->contract_id);
}

static void
kt_tender_plan_view_map (GtkWidget *widget)
{
  KtTenderPlanView *self = KT_TENDER_PLAN_VIEW (widget);

  GTK_WIDGET_CLASS (kt_tender_plan_view_parent_class)->map (widget);

  if (self->dirty)
    reload (self);
}

static void
kt_tender_plan_view_dispose (GObject *object)
{
  KtTenderPlanView *self = KT_TENDER_PLAN_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_TENDER_PLAN_VIEW);
  /* The bars and separators of the template that are not bound */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->items);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kt_tender_plan_view_parent_class)->dispose (object);
}

static void
kt_tender_plan_view_class_init (KtTenderPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_tender_plan_view_dispose;
  widget_class->map = kt_tender_plan_view_map;

  signals[CONTRACT_ACTIVATED] =
    g_signal_new ("contract-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-tender-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KtTenderPlanView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KtTenderPlanView, column_view);
  gtk_widget_class_bind_template_child (widget_class, KtTenderPlanView, footer_separator);
  gtk_widget_class_bind_template_child (widget_class, KtTenderPlanView, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "tender-plan.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "tender-plan.export", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kttenderplanview");
}

static void
kt_tender_plan_view_init (KtTenderPlanView *self)
{
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->items = g_list_store_new (KT_TYPE_TENDER_PLAN_ITEM);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_tender_plan_row_free);
  add_columns (self);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  show_rows (self);
}

GtkWidget *
kt_tender_plan_view_new (void)
{
  return g_object_new (KT_TYPE_TENDER_PLAN_VIEW, NULL);
}

void
kt_tender_plan_view_set_store (KtTenderPlanView *self,
                               KtStore          *store)
{
  g_return_if_fail (KT_IS_TENDER_PLAN_VIEW (self));
  g_return_if_fail (store == NULL || KT_IS_STORE (store));

  g_set_object (&self->store, store);
  kt_tender_plan_view_invalidate (self);
}

void
kt_tender_plan_view_invalidate (KtTenderPlanView *self)
{
  g_return_if_fail (KT_IS_TENDER_PLAN_VIEW (self));

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}
