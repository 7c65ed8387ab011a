/* kt-portfolio-filter-bar.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-enums.h"
#include "kt-org-unit.h"
#include "kt-portfolio-filter-bar.h"

/* Departments hold centres; a loop of parents in a damaged file must not
 * hang the list. */
#define MAX_UNIT_DEPTH 8

struct _KtPortfolioFilterBar
{
  GtkWidget          parent_instance;

  GtkDropDown       *status_dropdown;
  GtkDropDown       *category_dropdown;
  GtkDropDown       *org_unit_dropdown;

  KtPortfolioFilter *filter;
  GPtrArray         *units_owner;  /* the caller's KtOrgUnit*, kept alive */
  GPtrArray         *units;        /* the same, borrowed, sorted by name */
  GArray            *unit_ids;     /* gint64 per Unit position; 0 at "All Units" */
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (KtPortfolioFilterBar, kt_portfolio_filter_bar, GTK_TYPE_WIDGET)

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  ellipsize)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (label), text);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_widget_set_tooltip_text (label, text);
}

static GtkListItemFactory *
choice_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), GINT_TO_POINTER (ellipsize));
  return factory;
}

/* The button shortens a long choice (unit names can be long, and so are
 * Danish words) so that the bar fits narrow windows; the open list shows
 * it whole. */
static void
setup_dropdown (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button_factory = choice_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = choice_factory (FALSE);

  gtk_drop_down_set_factory (dropdown, button_factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}

static void
set_enum_choices (GtkDropDown *dropdown,
                  KtEnumKind   kind,
                  const char  *all_label)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all_label);
  for (guint i = 0; i < kt_enum_count (kind); i++)
    gtk_string_list_append (list, kt_enum_label (kind, i));

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static int
choice_value (GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  /* Position 0 is "All …", then the enum values in order */
  return position == GTK_INVALID_LIST_POSITION || position == 0 ? -1 : (int) position - 1;
}

static gint64
chosen_unit (KtPortfolioFilterBar *self)
{
  guint position = gtk_drop_down_get_selected (self->org_unit_dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->unit_ids->len)
    return 0;
  return g_array_index (self->unit_ids, gint64, position);
}

static void
apply (KtPortfolioFilterBar *self)
{
  if (self->filter == NULL)
    return;

  kt_portfolio_filter_set_status (self->filter, choice_value (self->status_dropdown));
  kt_portfolio_filter_set_category (self->filter, choice_value (self->category_dropdown));
  kt_portfolio_filter_set_org_unit (self->filter, self->units, chosen_unit (self));
}

static void
append_units (KtPortfolioFilterBar *self,
              GtkStringList        *list,
              gint64                parent_id,
              guint                 depth)
{
  if (depth > MAX_UNIT_DEPTH)
    return;

  for (guint i = 0; i < self->units->len; i++)
    {
      const KtOrgUnit *unit = g_ptr_array_index (self->units, i);

      if (unit->parent_id != parent_id || unit->id == parent_id)
        continue;
      gtk_string_list_append (list, unit->name);
      g_array_append_val (self->unit_ids, unit->id);
      append_units (self, list, unit->id, depth + 1);
    }
}

static int
compare_unit_names (gconstpointer a,
                    gconstpointer b)
{
  const KtOrgUnit *ua = *(const KtOrgUnit * const *) a;
  const KtOrgUnit *ub = *(const KtOrgUnit * const *) b;

  return g_utf8_collate (ua->name ? ua->name : "", ub->name ? ub->name : "");
}

static void
dropdown_changed_cb (KtPortfolioFilterBar *self)
{
  if (!self->updating)
    apply (self);
}

static void
kt_portfolio_filter_bar_dispose (GObject *object)
{
  KtPortfolioFilterBar *self = KT_PORTFOLIO_FILTER_BAR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_PORTFOLIO_FILTER_BAR);
  /* The labels of the template that are not bound */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (kt_portfolio_filter_bar_parent_class)->dispose (object);
}

static void
kt_portfolio_filter_bar_finalize (GObject *object)
{
  KtPortfolioFilterBar *self = KT_PORTFOLIO_FILTER_BAR (object);

  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->units_owner, g_ptr_array_unref);
  g_clear_pointer (&self->unit_ids, g_array_unref);

  G_OBJECT_CLASS (kt_portfolio_filter_bar_parent_class)->finalize (object);
}

static void
kt_portfolio_filter_bar_class_init (KtPortfolioFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_portfolio_filter_bar_dispose;
  object_class->finalize = kt_portfolio_filter_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-portfolio-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, KtPortfolioFilterBar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KtPortfolioFilterBar, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KtPortfolioFilterBar, org_unit_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, dropdown_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
kt_portfolio_filter_bar_init (KtPortfolioFilterBar *self)
{
  self->units = g_ptr_array_new ();
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->updating = TRUE;
  setup_dropdown (self->status_dropdown);
  setup_dropdown (self->category_dropdown);
  setup_dropdown (self->org_unit_dropdown);
  set_enum_choices (self->status_dropdown, KT_ENUM_STATUS, _("All Statuses"));
  set_enum_choices (self->category_dropdown, KT_ENUM_CATEGORY, _("All Categories"));
  self->updating = FALSE;

  kt_portfolio_filter_bar_set_org_units (self, NULL);
}

void
kt_portfolio_filter_bar_set_filter (KtPortfolioFilterBar *self,
                                    KtPortfolioFilter    *filter)
{
  g_return_if_fail (KT_IS_PORTFOLIO_FILTER_BAR (self));
  g_return_if_fail (filter == NULL || KT_IS_PORTFOLIO_FILTER (filter));

  if (g_set_object (&self->filter, filter))
    apply (self);
}

void
kt_portfolio_filter_bar_set_org_units (KtPortfolioFilterBar *self,
                                       GPtrArray            *units)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  gint64 chosen;
  gint64 all = 0;
  guint position = 0;

  g_return_if_fail (KT_IS_PORTFOLIO_FILTER_BAR (self));

  chosen = chosen_unit (self);
  g_clear_pointer (&self->units_owner, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  self->units_owner = units != NULL ? g_ptr_array_ref (units) : NULL;
  self->units = g_ptr_array_new ();
  for (guint i = 0; units != NULL && i < units->len; i++)
    g_ptr_array_add (self->units, g_ptr_array_index (units, i));
  g_ptr_array_sort (self->units, compare_unit_names);

  g_array_set_size (self->unit_ids, 0);
  gtk_string_list_append (list, _("All Units"));
  g_array_append_val (self->unit_ids, all);
  append_units (self, list, 0, 0);

  for (guint i = 0; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == chosen)
      position = i;

  self->updating = TRUE;
  gtk_drop_down_set_model (self->org_unit_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->org_unit_dropdown, position);
  self->updating = FALSE;

  /* The centres under a chosen department may have changed */
  apply (self);
}

void
kt_portfolio_filter_bar_reset (KtPortfolioFilterBar *self)
{
  g_return_if_fail (KT_IS_PORTFOLIO_FILTER_BAR (self));

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->org_unit_dropdown, 0);
  self->updating = FALSE;

  apply (self);
}
