/* kt-projector-slide-figures.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-format.h"
#include "kt-projector-slide.h"
#include "kt-projector-slide-figures.h"

/* One tile: what it is, the number, and a line that explains it, read in
 * that order. */
static GtkWidget *
tile_new (const char *label,
          const char *value,
          const char *detail,
          const char *name,
          gboolean    alert)
{
  GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* A number cut short would mislead: it is never ellipsized. */
  GtkWidget *value_label = kt_projector_label_new (value, "kt-figure-value", TRUE);

  gtk_widget_add_css_class (tile, "kt-figure");
  gtk_widget_set_hexpand (tile, TRUE);
  gtk_widget_set_vexpand (tile, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_name (value_label, name);
  if (alert)
    gtk_widget_add_css_class (value_label, "kt-projector-alert");

  gtk_box_append (GTK_BOX (tile), kt_projector_label_new (label, "kt-figure-label", FALSE));
  gtk_box_append (GTK_BOX (tile), value_label);
  gtk_box_append (GTK_BOX (tile), kt_projector_label_new (detail, NULL, FALSE));

  return tile;
}

static char *
status_detail (const KtPortfolioFigures *figures)
{
  g_autofree char *planned = NULL;
  g_autofree char *active = NULL;
  g_autofree char *notice = NULL;

  /* Translators: part of "3 planned · 60 active · 4 notice given", the live
   * contracts by status */
  planned = g_strdup_printf (ngettext ("%u planned", "%u planned",
                                       figures->n_by_status[KT_STATUS_PLANNED]),
                             figures->n_by_status[KT_STATUS_PLANNED]);
  /* Translators: part of "3 planned · 60 active · 4 notice given" */
  active = g_strdup_printf (ngettext ("%u active", "%u active",
                                      figures->n_by_status[KT_STATUS_ACTIVE]),
                            figures->n_by_status[KT_STATUS_ACTIVE]);
  /* Translators: part of "3 planned · 60 active · 4 notice given" (opsagt) */
  notice = g_strdup_printf (ngettext ("%u notice given", "%u notice given",
                                      figures->n_by_status[KT_STATUS_NOTICE_GIVEN]),
                            figures->n_by_status[KT_STATUS_NOTICE_GIVEN]);

  return g_strjoin (" · ", planned, active, notice, NULL);
}

static char *
cost_detail (const KtPortfolioFigures *figures)
{
  if (figures->n_unknown_annual_cost == 0)
    return g_strdup (_("Every live contract has an annual cost"));

  /* Translators: under the total annual cost: so many live contracts have
   * no annual cost entered, and are not in the total */
  return g_strdup_printf (ngettext ("%u contract without an annual cost is not included",
                                    "%u contracts without an annual cost are not included",
                                    figures->n_unknown_annual_cost),
                          figures->n_unknown_annual_cost);
}

static char *
overdue_detail (const KtPortfolioFigures *figures)
{
  g_autofree char *activities = NULL;
  g_autofree char *derived = NULL;

  if (figures->n_overdue == 0)
    return g_strdup (_("Nothing is overdue"));

  /* Translators: part of "20 activities · 8 contract deadlines", what the
   * overdue deadlines are */
  activities = g_strdup_printf (ngettext ("%u activity", "%u activities",
                                          figures->n_overdue_activities),
                                figures->n_overdue_activities);
  /* Translators: part of "20 activities · 8 contract deadlines": notice
   * days, decision dates, options and re-procurement starts */
  derived = g_strdup_printf (ngettext ("%u contract deadline", "%u contract deadlines",
                                       figures->n_overdue_derived),
                             figures->n_overdue_derived);

  return g_strjoin (" · ", activities, derived, NULL);
}

GtkWidget *
kt_projector_slide_figures_new (const KtPortfolioFigures *figures)
{
  GtkWidget *slide = kt_projector_slide_box_new ();
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *live = NULL;
  g_autofree char *live_detail = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *cost_text = NULL;
  g_autofree char *expiring = NULL;
  g_autofree char *until = NULL;
  g_autofree char *expiring_detail = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *overdue_text = NULL;
  g_autofree char *today = NULL;
  g_autofree char *as_of = NULL;

  g_return_val_if_fail (figures != NULL, NULL);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_vexpand (grid, TRUE);

  live = g_strdup_printf ("%u", figures->n_live);
  live_detail = status_detail (figures);
  gtk_grid_attach (GTK_GRID (grid),
                   tile_new (_("Live contracts"), live, live_detail, "figure-live", FALSE),
                   0, 0, 1, 1);

  cost = kt_format_money_short (figures->total_annual_cost);
  cost_text = cost_detail (figures);
  gtk_grid_attach (GTK_GRID (grid),
                   tile_new (_("Total annual cost"), cost, cost_text, "figure-annual-cost", FALSE),
                   1, 0, 1, 1);

  expiring = g_strdup_printf ("%u", figures->n_expiring);
  until = kt_format_date (&figures->expiring_until);
  /* Translators: under "Expiring within 12 months"; %s is a date */
  expiring_detail = g_strdup_printf (_("Contracts that end by %s"), until);
  gtk_grid_attach (GTK_GRID (grid),
                   tile_new (_("Expiring within 12 months"), expiring, expiring_detail,
                             "figure-expiring", FALSE),
                   0, 1, 1, 1);

  overdue = g_strdup_printf ("%u", figures->n_overdue);
  overdue_text = overdue_detail (figures);
  gtk_grid_attach (GTK_GRID (grid),
                   tile_new (_("Overdue deadlines"), overdue, overdue_text, "figure-overdue",
                             figures->n_overdue > 0),
                   1, 1, 1, 1);

  gtk_box_append (GTK_BOX (slide), grid);

  today = kt_format_date (&figures->today);
  /* Translators: under the key figures; %s is today's date */
  as_of = g_strdup_printf (_("As of %s. Live contracts are those planned, active or under notice."),
                           today);
  gtk_box_append (GTK_BOX (slide), kt_projector_label_new (as_of, NULL, FALSE));

  return slide;
}
