/* kt-projector-slide-tenders.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-format.h"
#include "kt-projector-slide.h"
#include "kt-projector-slide-tenders.h"
#include "kt-tender-plan.h"

/* The procurement form goes under the contract's name rather than in a
 * column of its own: at 28px, four columns leave the names a dozen
 * letters. */
enum {
  COLUMN_START,
  COLUMN_CONTRACT,
  COLUMN_COST,
  N_COLUMNS
};

static void
attach_heading (GtkGrid    *grid,
                int         row,
                const char *text,
                gboolean    alert)
{
  GtkWidget *label = kt_projector_label_new (text, "kt-projector-section", FALSE);

  if (alert)
    gtk_widget_add_css_class (label, "kt-projector-alert");
  gtk_grid_attach (grid, label, 0, row, N_COLUMNS, 1);
}

static void
attach_column_titles (GtkGrid *grid)
{
  static const char *titles[N_COLUMNS] = {
    /* Translators: column of the tender plan slide: the date re-procurement must start by */
    N_("Start by"),
    /* Translators: column of the tender plan slide: the contract, and under it
     * how it was procured (SKI, EU tender, …) and the supplier */
    N_("Contract and procurement"),
    /* Translators: column of the tender plan slide */
    N_("Annual cost"),
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkWidget *label = kt_projector_label_new (_(titles[i]), "kt-projector-column-title", TRUE);

      if (i == COLUMN_COST)
        gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_grid_attach (grid, label, i, 0, 1, 1);
    }
}

static void
attach_row (GtkGrid               *grid,
            int                    row,
            const KtTenderPlanRow *plan_row)
{
  g_autofree char *start = kt_format_date (&plan_row->start);
  g_autofree char *contract = NULL;
  g_autofree char *how = NULL;
  g_autofree char *cost = NULL;
  const char *form = kt_enum_label (KT_ENUM_PROCUREMENT_FORM, plan_row->procurement_form);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label;

  label = kt_projector_label_new (start, "numeric", TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (plan_row->late)
    gtk_widget_add_css_class (label, "kt-projector-alert");
  gtk_grid_attach (grid, label, COLUMN_START, row, 1, 1);

  contract = g_strdup_printf ("%s %s", plan_row->number != NULL ? plan_row->number : "",
                              plan_row->name != NULL ? plan_row->name : "");
  gtk_box_append (GTK_BOX (text), kt_projector_label_new (g_strstrip (contract),
                                                          "kt-projector-lead", TRUE));
  if (plan_row->supplier_name != NULL && *plan_row->supplier_name != '\0')
    /* Translators: under a contract on the tender plan slide: how it was
     * procured and its supplier, "SKI framework agreement · Fjordsoft A/S" */
    how = g_strdup_printf (_("%s · %s"), form, plan_row->supplier_name);
  else
    how = g_strdup (form);
  gtk_box_append (GTK_BOX (text), kt_projector_label_new (how, NULL, TRUE));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_margin_bottom (text, 6);
  gtk_grid_attach (grid, text, COLUMN_CONTRACT, row, 1, 1);

  /* An unknown cost says so: a blank cell would read as nothing owed. */
  cost = plan_row->annual_cost != KT_MONEY_NONE ? kt_format_money_short (plan_row->annual_cost)
                                                : g_strdup (_("unknown"));
  label = kt_projector_label_new (cost, "numeric", TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_grid_attach (grid, label, COLUMN_COST, row, 1, 1);
}

GtkWidget *
kt_projector_slide_tenders_new (GPtrArray *rows,
                                int        last_quarter_year,
                                guint      last_quarter)
{
  g_autofree char *last = NULL;
  g_autofree char *lead = NULL;
  GtkWidget *slide;
  GtkWidget *grid;
  guint n_late = 0;
  int row = 1;
  int year = 0;
  guint quarter = 0;

  g_return_val_if_fail (rows != NULL, NULL);

  last = kt_tender_plan_quarter_label (last_quarter_year, last_quarter);
  if (rows->len == 0)
    {
      /* Translators: %s is a quarter, "Q3 2027" */
      lead = g_strdup_printf (_("No contract must start its re-procurement by the end of %s."),
                              last);
      return kt_projector_slide_message_new (_("Nothing to Re-procure"), lead);
    }

  for (guint i = 0; i < rows->len; i++)
    n_late += ((KtTenderPlanRow *) g_ptr_array_index (rows, i))->late;

  slide = kt_projector_slide_box_new ();
  if (n_late > 0)
    /* Translators: lead line of the tender plan slide; %1$u contracts, %2$s a
     * quarter ("Q3 2027"), %3$u how many of them should have started */
    lead = g_strdup_printf (ngettext ("Re-procurement to start by the end of %2$s: %1$u "
                                      "contract, %3$u of them late",
                                      "Re-procurement to start by the end of %2$s: %1$u "
                                      "contracts, %3$u of them late", rows->len),
                            rows->len, last, n_late);
  else
    /* Translators: lead line of the tender plan slide; %1$u contracts, %2$s a
     * quarter ("Q3 2027") */
    lead = g_strdup_printf (ngettext ("Re-procurement to start by the end of %2$s: %1$u contract",
                                      "Re-procurement to start by the end of %2$s: %1$u contracts",
                                      rows->len),
                            rows->len, last);
  gtk_box_append (GTK_BOX (slide), kt_projector_label_new (lead, NULL, FALSE));

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 28);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_margin_end (grid, 16);
  attach_column_titles (GTK_GRID (grid));

  if (n_late > 0)
    attach_heading (GTK_GRID (grid), row++,
                    _("Late — re-procurement should already have started"), TRUE);

  for (guint i = 0; i < rows->len; i++)
    {
      const KtTenderPlanRow *plan_row = g_ptr_array_index (rows, i);

      if (!plan_row->late && (plan_row->year != year || plan_row->quarter != quarter))
        {
          g_autofree char *heading = NULL;

          year = plan_row->year;
          quarter = plan_row->quarter;
          heading = kt_tender_plan_quarter_label (year, quarter);
          attach_heading (GTK_GRID (grid), row++, heading, FALSE);
        }
      attach_row (GTK_GRID (grid), row++, plan_row);
    }

  gtk_box_append (GTK_BOX (slide), kt_projector_scroller_new (grid));

  return slide;
}
