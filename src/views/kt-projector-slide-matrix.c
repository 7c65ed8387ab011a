/* kt-projector-slide-matrix.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-format.h"
#include "kt-matrix.h"
#include "kt-matrix-painter.h"
#include "kt-projector-slide.h"
#include "kt-projector-slide-matrix.h"

struct _KtProjectorSlideMatrix
{
  GtkWidget  parent_instance;

  GtkWidget *matrix;
  GtkWidget *caption;      /* rebuilt for each supplier shown */
  GPtrArray *scores;
};

G_DEFINE_FINAL_TYPE (KtProjectorSlideMatrix, kt_projector_slide_matrix, GTK_TYPE_WIDGET)

static void
swatch_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  KtSegment segment = GPOINTER_TO_INT (data);
  KtMatrixPalette palette;
  const KtMatrixColor *fill;
  const KtMatrixColor *outline;
  double radius = MIN (width, height) / 2.0 - 2;

  /* The matrix's own projector colours, so the caption matches the bubbles */
  kt_matrix_palette_init (&palette, KT_MATRIX_STYLE_PROJECTOR);
  fill = &palette.bubbles[segment];
  outline = &palette.bubble_outline;

  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, fill->red, fill->green, fill->blue, 1.0);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, outline->red, outline->green, outline->blue, 1.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

/* A segment's colour before its name; the colour is decoration, the name
 * says it. */
static GtkWidget *
segment_row_new (KtSegment   segment,
                 const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 14);
  GtkWidget *swatch = g_object_new (GTK_TYPE_DRAWING_AREA,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                    "content-width", 30,
                                    "content-height", 30,
                                    "valign", GTK_ALIGN_CENTER,
                                    NULL);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw_cb,
                                  GINT_TO_POINTER (segment), NULL);
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), kt_projector_label_new (text, NULL, FALSE));

  return row;
}

static void
set_caption (KtProjectorSlideMatrix *self,
             GtkWidget              *caption)
{
  if (self->caption != NULL)
    gtk_widget_unparent (self->caption);
  self->caption = caption;
  gtk_widget_add_css_class (caption, "kt-projector-caption");
  gtk_widget_set_size_request (caption, 300, -1);
  gtk_widget_set_valign (caption, GTK_ALIGN_START);
  gtk_widget_insert_after (caption, GTK_WIDGET (self), self->matrix);
}

static GtkWidget *
summary_new (KtProjectorSlideMatrix *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  guint counts[KT_SEGMENT_N] = { 0 };

  for (guint i = 0; i < self->scores->len; i++)
    {
      const KtSupplierScore *score = g_ptr_array_index (self->scores, i);

      if (score->segment < KT_SEGMENT_N)
        counts[score->segment]++;
    }

  gtk_box_append (GTK_BOX (box), kt_projector_label_new (_("Suppliers per segment"),
                                                         "kt-projector-caption-title", FALSE));
  for (int s = 0; s < KT_SEGMENT_N; s++)
    {
      /* Translators: a segment of the supplier matrix and how many suppliers
       * are in it, "Strategic: 6" */
      g_autofree char *text = g_strdup_printf (_("%s: %u"), kt_segment_label (s), counts[s]);

      gtk_box_append (GTK_BOX (box), segment_row_new (s, text));
    }
  gtk_box_append (GTK_BOX (box), kt_projector_label_new (_("Click a supplier to show it here."),
                                                         NULL, FALSE));

  return box;
}

static GtkWidget *
supplier_caption_new (const KtSupplierScore *score)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  g_autofree char *importance = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *money = NULL;
  g_autofree char *spend = NULL;
  g_autofree char *contracts = NULL;

  gtk_box_append (GTK_BOX (box), kt_projector_label_new (score->supplier_name,
                                                         "kt-projector-caption-title", FALSE));
  gtk_box_append (GTK_BOX (box), segment_row_new (score->segment,
                                                  kt_segment_label (score->segment)));

  /* Translators: on the projector, a supplier's importance in the matrix, 0–100 */
  importance = g_strdup_printf (_("Importance: %u"), score->importance);
  gtk_box_append (GTK_BOX (box), kt_projector_label_new (importance, "numeric", FALSE));
  /* Translators: on the projector, a supplier's supply risk in the matrix, 0–100 */
  risk = g_strdup_printf (_("Risk: %u"), score->risk);
  gtk_box_append (GTK_BOX (box), kt_projector_label_new (risk, "numeric", FALSE));

  money = kt_format_money_short (score->annual_spend);
  /* Translators: on the projector, "Annual spend: 1.240.000 kr." */
  spend = g_strdup_printf (_("Annual spend: %s"), money);
  gtk_box_append (GTK_BOX (box), kt_projector_label_new (spend, "numeric", FALSE));

  contracts = g_strdup_printf (ngettext ("%u live contract", "%u live contracts",
                                         score->n_contracts),
                               score->n_contracts);
  gtk_box_append (GTK_BOX (box), kt_projector_label_new (contracts, NULL, FALSE));

  /* That it was placed by hand is public; why is a private note. */
  if (score->override != NULL)
    gtk_box_append (GTK_BOX (box), kt_projector_label_new (_("Placed by hand"),
                                                           "kt-projector-lead", FALSE));

  return box;
}

static void
supplier_activated_cb (KtProjectorSlideMatrix *self,
                       gint64                  supplier_id)
{
  kt_projector_slide_matrix_show_supplier (self, supplier_id);
}

static void
kt_projector_slide_matrix_dispose (GObject *object)
{
  KtProjectorSlideMatrix *self = KT_PROJECTOR_SLIDE_MATRIX (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->matrix = NULL;
  self->caption = NULL;
  g_clear_pointer (&self->scores, g_ptr_array_unref);

  G_OBJECT_CLASS (kt_projector_slide_matrix_parent_class)->dispose (object);
}

static void
kt_projector_slide_matrix_class_init (KtProjectorSlideMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_projector_slide_matrix_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
kt_projector_slide_matrix_init (KtProjectorSlideMatrix *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  gtk_widget_add_css_class (GTK_WIDGET (self), "kt-projector-slide");
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  self->matrix = kt_matrix_new ();
  kt_matrix_set_projector (KT_MATRIX (self->matrix), TRUE);
  /* The caption beside it shows the segment colours and counts */
  kt_matrix_set_show_legend (KT_MATRIX (self->matrix), FALSE);
  gtk_widget_set_hexpand (self->matrix, TRUE);
  gtk_widget_set_vexpand (self->matrix, TRUE);
  gtk_widget_set_parent (self->matrix, GTK_WIDGET (self));
  g_signal_connect_swapped (self->matrix, "supplier-activated",
                            G_CALLBACK (supplier_activated_cb), self);
}

GtkWidget *
kt_projector_slide_matrix_new (GPtrArray              *scores,
                               const KtMatrixSettings *settings)
{
  KtProjectorSlideMatrix *self;

  g_return_val_if_fail (scores != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  self = g_object_new (KT_TYPE_PROJECTOR_SLIDE_MATRIX, NULL);
  self->scores = g_ptr_array_ref (scores);
  kt_matrix_set_scores (KT_MATRIX (self->matrix), scores, settings);
  set_caption (self, summary_new (self));

  return GTK_WIDGET (self);
}

gboolean
kt_projector_slide_matrix_show_supplier (KtProjectorSlideMatrix *self,
                                         gint64                  supplier_id)
{
  g_return_val_if_fail (KT_IS_PROJECTOR_SLIDE_MATRIX (self), FALSE);

  for (guint i = 0; i < self->scores->len; i++)
    {
      const KtSupplierScore *score = g_ptr_array_index (self->scores, i);

      if (score->supplier_id == supplier_id)
        {
          /* Marks the bubble the caption speaks of (a click has already) */
          kt_matrix_focus_supplier (KT_MATRIX (self->matrix), supplier_id);
          set_caption (self, supplier_caption_new (score));
          return TRUE;
        }
    }

  return FALSE;
}
