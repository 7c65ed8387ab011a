/* kt-supplier-list.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-contract.h"
#include "kt-format.h"
#include "kt-list-refresh.h"
#include "kt-supplier-item.h"
#include "kt-supplier-list.h"

struct _KtSupplierList
{
  GtkWidget           parent_instance;

  GtkWidget          *search_entry;
  GtkWidget          *list_view;

  GListStore         *items;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *needle;
  gint64              selected_id;
  gboolean            selecting;   /* the selection is being set through the API */
};

G_DEFINE_FINAL_TYPE (KtSupplierList, kt_supplier_list, GTK_TYPE_WIDGET)

enum {
  SUPPLIER_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_selected (KtSupplierList *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->selected_id != 0 && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KtSupplierItem) item = g_list_model_get_item (model, i);

      if (kt_supplier_item_get_id (item) == self->selected_id)
        {
          position = i;
          break;
        }
    }

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

static void
selection_changed_cb (KtSupplierList *self)
{
  KtSupplierItem *item = gtk_single_selection_get_selected_item (self->selection);

  /* Nothing selected: a search hid the row, which chooses nothing. */
  if (self->selecting || item == NULL)
    return;

  g_signal_emit (self, signals[SUPPLIER_CHOSEN], 0, kt_supplier_item_get_id (item));
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  KtSupplierList *self = user_data;

  return kt_supplier_item_matches (item, self->needle);
}

static void
search_changed_cb (KtSupplierList *self)
{
  g_free (self->needle);
  self->needle = kt_fold_for_search (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  self->selecting = TRUE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->selecting = FALSE;
  show_selected (self);
}

/* Old and new items, for kt_list_diff (). */
typedef struct {
  GPtrArray *old;
  GPtrArray *new;
} Lines;

static gboolean
same_item (guint    old_position,
           guint    new_position,
           gpointer user_data)
{
  Lines *lines = user_data;
  KtSupplierItem *x = g_ptr_array_index (lines->old, old_position);
  KtSupplierItem *y = g_ptr_array_index (lines->new, new_position);

  return kt_supplier_item_get_id (x) == kt_supplier_item_get_id (y) &&
         g_str_equal (kt_supplier_item_get_name (x), kt_supplier_item_get_name (y)) &&
         g_str_equal (kt_supplier_item_get_details (x), kt_supplier_item_get_details (y));
}

static void
setup_item_cb (GtkListItemFactory *factory,
               GtkListItem        *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_item_cb (GtkListItemFactory *factory,
              GtkListItem        *list_item)
{
  KtSupplierItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      kt_supplier_item_get_name (item));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)),
                      kt_supplier_item_get_details (item));
}

static void
kt_supplier_list_dispose (GObject *object)
{
  KtSupplierList *self = KT_SUPPLIER_LIST (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (kt_supplier_list_parent_class)->dispose (object);
}

static void
kt_supplier_list_class_init (KtSupplierListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_supplier_list_dispose;

  signals[SUPPLIER_CHOSEN] =
    g_signal_new ("supplier-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
kt_supplier_list_init (KtSupplierList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  GtkLayoutManager *layout;
  GtkWidget *top, *add, *content, *scrolled;

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (top, 6);
  gtk_widget_set_margin_bottom (top, 6);
  gtk_widget_set_margin_start (top, 6);
  gtk_widget_set_margin_end (top, 6);
  gtk_widget_set_parent (top, GTK_WIDGET (self));

  self->search_entry = gtk_search_entry_new ();
  gtk_widget_set_hexpand (self->search_entry, TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search suppliers"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Suppliers"),
                                  -1);
  gtk_box_append (GTK_BOX (top), self->search_entry);

  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Supplier"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  add = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (add), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "suppliers.add");
  gtk_widget_set_tooltip_text (add, _("Add a New Supplier"));
  gtk_box_append (GTK_BOX (top), add);

  self->items = g_list_store_new (KT_TYPE_SUPPLIER_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                       g_object_ref (factory));
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suppliers"),
                                  -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);
  gtk_widget_set_parent (scrolled, GTK_WIDGET (self));

  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
}

GtkWidget *
kt_supplier_list_new (void)
{
  return g_object_new (KT_TYPE_SUPPLIER_LIST, NULL);
}

void
kt_supplier_list_set_suppliers (KtSupplierList *self,
                                GPtrArray      *suppliers,
                                GPtrArray      *contracts)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (KT_IS_SUPPLIER_LIST (self));

  for (guint i = 0; contracts != NULL && i < contracts->len; i++)
    {
      const KtContract *c = g_ptr_array_index (contracts, i);
      gint64 key = c->supplier_id;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &key));

      g_hash_table_replace (counts, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; suppliers != NULL && i < suppliers->len; i++)
    {
      const KtSupplier *s = g_ptr_array_index (suppliers, i);
      gint64 key = s->id;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &key));

      g_ptr_array_add (items, kt_supplier_item_new (s, n));
    }

  /* Only the rows that differ change: a colleague's save leaves the others,
   * their selection and their focus where they are. */
  {
    guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->items));
    g_autoptr(GPtrArray) old = g_ptr_array_new_full (n_old, g_object_unref);
    Lines lines = { old, items };
    guint position, removed, added;

    for (guint i = 0; i < n_old; i++)
      g_ptr_array_add (old, g_list_model_get_item (G_LIST_MODEL (self->items), i));
    kt_list_diff (old->len, items->len, same_item, &lines, &position, &removed, &added);

    self->selecting = TRUE;
    if (removed > 0 || added > 0)
      g_list_store_splice (self->items, position, removed, items->pdata + position, added);
    self->selecting = FALSE;
  }
  show_selected (self);
}

void
kt_supplier_list_select (KtSupplierList *self,
                         gint64          id)
{
  g_return_if_fail (KT_IS_SUPPLIER_LIST (self));

  self->selected_id = id;
  show_selected (self);
}

gint64
kt_supplier_list_get_first_id (KtSupplierList *self)
{
  g_autoptr(KtSupplierItem) first = NULL;

  g_return_val_if_fail (KT_IS_SUPPLIER_LIST (self), 0);

  first = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);

  return first != NULL ? kt_supplier_item_get_id (first) : 0;
}
