/* kt-projector-slide-suppliers.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-format.h"
#include "kt-projector-slide.h"
#include "kt-projector-slide-suppliers.h"

/* ---- one bar ---- */

#define KT_TYPE_PROJECTOR_BAR (kt_projector_bar_get_type ())
G_DECLARE_FINAL_TYPE (KtProjectorBar, kt_projector_bar, KT, PROJECTOR_BAR, GtkWidget)

struct _KtProjectorBar
{
  GtkWidget parent_instance;

  double    fraction;   /* of the widest bar, 0–1 */
};

G_DEFINE_FINAL_TYPE (KtProjectorBar, kt_projector_bar, GTK_TYPE_WIDGET)

static void
kt_projector_bar_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 40;
      *natural = 400;
    }
  else
    *minimum = *natural = 34;
}

static void
kt_projector_bar_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  KtProjectorBar *self = KT_PROJECTOR_BAR (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA color;

  /* The colour comes from kt-projector.css (.kt-projector-bar), not from
   * the desktop theme. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  /* A sliver stays visible however small the amount. */
  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (0, 0, MAX (4, floor (width * self->fraction)),
                                                  height));
}

static void
kt_projector_bar_class_init (KtProjectorBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = kt_projector_bar_measure;
  widget_class->snapshot = kt_projector_bar_snapshot;
  gtk_widget_class_set_css_name (widget_class, "ktprojectorbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);
}

static void
kt_projector_bar_init (KtProjectorBar *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "kt-projector-bar");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

static GtkWidget *
bar_new (const KtSupplierSpend *spend,
         gint64                 largest,
         const char            *amount)
{
  KtProjectorBar *bar = g_object_new (KT_TYPE_PROJECTOR_BAR, NULL);

  bar->fraction = largest > 0 ? CLAMP ((double) spend->annual_spend / (double) largest, 0.0, 1.0)
                              : 0.0;
  gtk_widget_set_hexpand (GTK_WIDGET (bar), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spend->supplier_name,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) largest / 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  (double) spend->annual_spend / 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, amount,
                                  -1);

  return GTK_WIDGET (bar);
}

/* ---- the slide ---- */

static char *
lead_text (const KtPortfolioFigures *figures)
{
  g_autofree char *total = kt_format_money_short (figures->total_annual_cost);
  guint n = figures->top_suppliers->len;
  guint percent;

  if (figures->total_annual_cost <= 0)
    return NULL;

  percent = (guint) CLAMP (((double) figures->top_suppliers_spend * 100.0 /
                            (double) figures->total_annual_cost) + 0.5, 0, 100);

  if (n == figures->n_suppliers_with_spend)
    /* Translators: lead line of the top suppliers slide; %1$u suppliers,
     * %2$u a percentage, %3$s an amount */
    return g_strdup_printf (ngettext ("All %1$u supplier with a known annual spend: %2$u %% of "
                                      "the total annual cost of %3$s",
                                      "All %1$u suppliers with a known annual spend: %2$u %% of "
                                      "the total annual cost of %3$s", n),
                            n, percent, total);

  /* Translators: lead line of the top suppliers slide; "The largest 10 of 35
   * suppliers: 78 % of the total annual cost of 48.512.000 kr." */
  return g_strdup_printf (ngettext ("The largest %1$u of %2$u supplier: %3$u %% of the total "
                                    "annual cost of %4$s",
                                    "The largest %1$u of %2$u suppliers: %3$u %% of the total "
                                    "annual cost of %4$s", figures->n_suppliers_with_spend),
                          n, figures->n_suppliers_with_spend, percent, total);
}

GtkWidget *
kt_projector_slide_suppliers_new (const KtPortfolioFigures *figures)
{
  g_autoptr(GString) description = NULL;
  g_autofree char *lead = NULL;
  GtkWidget *slide;
  GtkWidget *grid;
  gint64 largest;

  g_return_val_if_fail (figures != NULL, NULL);

  if (figures->top_suppliers->len == 0)
    return kt_projector_slide_message_new (_("No Annual Spend Known"),
                                           _("No live contract has an annual cost entered."));

  slide = kt_projector_slide_box_new ();
  if ((lead = lead_text (figures)) != NULL)
    gtk_box_append (GTK_BOX (slide), kt_projector_label_new (lead, NULL, FALSE));

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 20);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 16);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_valign (grid, GTK_ALIGN_START);
  gtk_widget_set_margin_top (grid, 12);

  largest = ((KtSupplierSpend *) g_ptr_array_index (figures->top_suppliers, 0))->annual_spend;
  description = g_string_new (NULL);

  for (guint i = 0; i < figures->top_suppliers->len; i++)
    {
      const KtSupplierSpend *spend = g_ptr_array_index (figures->top_suppliers, i);
      g_autofree char *rank = g_strdup_printf ("%u.", i + 1);
      g_autofree char *amount = kt_format_money_short (spend->annual_spend);
      GtkWidget *label;

      label = kt_projector_label_new (rank, "numeric", TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, i, 1, 1);

      label = kt_projector_label_new (spend->supplier_name, "kt-projector-lead", TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_grid_attach (GTK_GRID (grid), label, 1, i, 1, 1);

      gtk_grid_attach (GTK_GRID (grid), bar_new (spend, largest, amount), 2, i, 1, 1);

      label = kt_projector_label_new (amount, "numeric", TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_grid_attach (GTK_GRID (grid), label, 3, i, 1, 1);

      /* Translators: one entry of the spoken list of the top suppliers,
       * "1. Netcompany A/S, 4.200.000 kr." */
      g_string_append_printf (description, _("%u. %s, %s"), i + 1, spend->supplier_name, amount);
      if (i + 1 < figures->top_suppliers->len)
        g_string_append (description, "; ");
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Top Suppliers by Annual Spend"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  gtk_box_append (GTK_BOX (slide), grid);

  return slide;
}
