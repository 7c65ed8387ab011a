/* kt-matrix.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "kt-matrix-private.h"

/* Body text on the projector: readable from the back of a committee room
 * at 1280×720 */
#define PROJECTOR_FONT_SIZE 28.0

G_DEFINE_FINAL_TYPE (KtMatrix, kt_matrix, GTK_TYPE_WIDGET)

enum {
  SUPPLIER_ACTIVATED,
  SUPPLIER_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ---------------------------------------------------------- */

void
kt_matrix_invalidate_layout (KtMatrix *self)
{
  g_clear_pointer (&self->layout, kt_matrix_layout_free);
}

static double
widget_font_size (KtMatrix             *self,
                  PangoFontDescription *font)
{
  double size;

  if (self->projector)
    return PROJECTOR_FONT_SIZE;

  size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  if (size <= 0)
    return 11;

  /* The layout measures in pixels; the desktop font is usually in points */
  if (!pango_font_description_get_size_is_absolute (font))
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      double dpi = pango_cairo_context_get_resolution (context);

      size *= (dpi > 0 ? dpi : 96.0) / 72.0;
    }

  return size;
}

KtMatrixLayout *
kt_matrix_ensure_layout (KtMatrix *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  KtMatrixGeometry geometry = { 0 };

  if (width <= 0 || height <= 0 || self->settings == NULL)
    return NULL;

  if (self->layout != NULL && width == self->layout_width && height == self->layout_height)
    return self->layout;

  kt_matrix_invalidate_layout (self);

  font = pango_font_description_copy (pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self))));
  geometry.width = width;
  geometry.height = height;
  geometry.font_size = widget_font_size (self, font);
  geometry.show_legend = !self->hide_legend;
  geometry.title = NULL;
  /* The layout sizes the text itself, from font_size */
  pango_font_description_unset_fields (font, PANGO_FONT_MASK_SIZE);
  geometry.font = font;

  if (self->scores == NULL)
    empty = g_ptr_array_new ();

  self->layout = kt_matrix_layout_new (self->scores != NULL ? self->scores : empty, self->settings,
                                       &geometry, gtk_widget_get_pango_context (GTK_WIDGET (self)));
  self->layout_width = width;
  self->layout_height = height;

  return self->layout;
}

int
kt_matrix_find_bubble (KtMatrix *self,
                       gint64    supplier_id)
{
  KtMatrixLayout *layout;
  guint n;

  if (supplier_id == 0 || (layout = kt_matrix_ensure_layout (self)) == NULL)
    return -1;

  n = kt_matrix_layout_get_n_bubbles (layout);
  for (guint i = 0; i < n; i++)
    if (kt_matrix_layout_get_bubble (layout, i)->score->supplier_id == supplier_id)
      return (int) i;

  return -1;
}

gint64
kt_matrix_bubble_supplier (KtMatrix *self,
                           int       index)
{
  KtMatrixLayout *layout = kt_matrix_ensure_layout (self);

  if (layout == NULL || index < 0 || (guint) index >= kt_matrix_layout_get_n_bubbles (layout))
    return 0;

  return kt_matrix_layout_get_bubble (layout, index)->score->supplier_id;
}

/* Without a size the layout cannot say which bubbles there are: the scores
 * can. */
static gboolean
has_supplier (KtMatrix *self,
              gint64    supplier_id)
{
  for (guint i = 0; self->scores != NULL && i < self->scores->len; i++)
    if (((const KtSupplierScore *) g_ptr_array_index (self->scores, i))->supplier_id == supplier_id)
      return TRUE;

  return FALSE;
}

void
kt_matrix_emit_activated (KtMatrix *self,
                          gint64    supplier_id)
{
  g_signal_emit (self, signals[SUPPLIER_ACTIVATED], 0, supplier_id);
}

void
kt_matrix_emit_moved (KtMatrix *self,
                      gint64    supplier_id,
                      guint     importance,
                      guint     risk)
{
  g_signal_emit (self, signals[SUPPLIER_MOVED], 0, supplier_id, importance, risk);
}

/* ---- Drawing ---------------------------------------------------------- */

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              KtMatrixColor   *out)
{
  GdkRGBA rgba;

  if (gtk_style_context_lookup_color (context, name, &rgba))
    *out = (KtMatrixColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
}

/* The projector's palette whatever the desktop; otherwise the painter's
 * palette for the style, with Adwaita's named colours for the surfaces so
 * the matrix sits in the window like the other views. High contrast keeps
 * the painter's stronger colours. */
void
kt_matrix_build_palette (KtMatrix        *self,
                         KtMatrixPalette *palette)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  KtMatrixStyle style;

  if (self->projector)
    style = KT_MATRIX_STYLE_PROJECTOR;
  else if (high_contrast)
    style = dark ? KT_MATRIX_STYLE_HIGH_CONTRAST_DARK : KT_MATRIX_STYLE_HIGH_CONTRAST;
  else
    style = dark ? KT_MATRIX_STYLE_DARK : KT_MATRIX_STYLE_LIGHT;

  kt_matrix_palette_init (palette, style);

  if (self->projector || high_contrast)
    return;

  lookup_color (context, "view_bg_color", &palette->background);
  lookup_color (context, "view_fg_color", &palette->foreground);
  lookup_color (context, "accent_color", &palette->focus);
}

static void
kt_matrix_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  KtMatrix *self = KT_MATRIX (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  KtMatrixPaintOptions options = { 0 };
  KtMatrixPalette palette;
  KtMatrixLayout *layout;
  cairo_t *cr;

  if ((layout = kt_matrix_ensure_layout (self)) == NULL)
    return;

  kt_matrix_build_palette (self, &palette);
  options.palette = &palette;
  options.pango_context = gtk_widget_get_pango_context (widget);
  /* The ring shows where the keyboard is, which without keyboard focus
   * would only add noise; on the projector, which takes no keyboard focus,
   * it marks the supplier being talked about */
  options.focus = gtk_widget_has_focus (widget) || self->projector
                  ? kt_matrix_find_bubble (self, self->focus_id) : -1;
  options.hover = self->dragging ? -1 : kt_matrix_find_bubble (self, self->hover_id);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kt_matrix_paint (cr, layout, &options);
  if (self->dragging)
    kt_matrix_paint_drag (self, cr, &palette);
  cairo_destroy (cr);
}

/* ---- Size ------------------------------------------------------------- */

static void
kt_matrix_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  KtMatrix *self = KT_MATRIX (widget);
  /* The projector's type is larger, but its slide has the whole screen */
  double scale = self->projector ? 1.6 : 1;

  /* Axis titles, ticks, quadrant names and the legend need this much before
   * any bubble has room */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = (int) (760 * scale);
    }
  else
    {
      *minimum = 300;
      *natural = (int) (560 * scale);
    }
}

static void
kt_matrix_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  KtMatrix *self = KT_MATRIX (widget);

  /* Bubbles and labels are placed for a size: the next draw lays out anew */
  if (width != self->layout_width || height != self->layout_height)
    kt_matrix_invalidate_layout (self);

  kt_matrix_pick_initial_focus (self);
}

static void
kt_matrix_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (kt_matrix_parent_class)->css_changed (widget, change);

  /* The font may have changed: labels are measured with it */
  kt_matrix_invalidate_layout (KT_MATRIX (widget));
  gtk_widget_queue_draw (widget);
}

static void
style_changed_cb (KtMatrix *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- GObject ---------------------------------------------------------- */

static void
kt_matrix_finalize (GObject *object)
{
  KtMatrix *self = KT_MATRIX (object);

  kt_matrix_invalidate_layout (self);
  g_clear_pointer (&self->scores, g_ptr_array_unref);
  g_clear_pointer (&self->settings, kt_matrix_settings_free);

  G_OBJECT_CLASS (kt_matrix_parent_class)->finalize (object);
}

static void
kt_matrix_class_init (KtMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kt_matrix_finalize;

  widget_class->snapshot = kt_matrix_snapshot;
  widget_class->measure = kt_matrix_measure;
  widget_class->size_allocate = kt_matrix_size_allocate;
  widget_class->css_changed = kt_matrix_css_changed;

  /**
   * KtMatrix::supplier-activated:
   * @supplier_id: the supplier's id
   *
   * A bubble was clicked, or Enter or Space pressed on it.
   */
  signals[SUPPLIER_ACTIVATED] =
    g_signal_new ("supplier-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * KtMatrix::supplier-moved:
   * @supplier_id: the supplier's id
   * @importance: the importance where it was dropped, 0–100
   * @risk: the risk where it was dropped, 0–100
   *
   * A bubble was dragged to a new place. The widget draws it back where it
   * was: the caller decides (and stores an override).
   */
  signals[SUPPLIER_MOVED] =
    g_signal_new ("supplier-moved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "ktmatrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  kt_matrix_input_class_init (widget_class);
  kt_matrix_focus_class_init (widget_class);
}

static void
kt_matrix_init (KtMatrix *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->settings = kt_matrix_settings_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: accessible name of the supplier matrix widget */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Supplier Matrix"),
                                  -1);

  /* The painter's palette follows the style; Adwaita's named colours
   * alone would not tell high contrast apart */
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);

  kt_matrix_input_init (self);
  kt_matrix_focus_init (self);
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
kt_matrix_new (void)
{
  return g_object_new (KT_TYPE_MATRIX, NULL);
}

void
kt_matrix_set_scores (KtMatrix               *self,
                      GPtrArray              *scores,
                      const KtMatrixSettings *settings)
{
  gint64 focus_id;

  g_return_if_fail (KT_IS_MATRIX (self));

  focus_id = self->focus_id;

  /* A drop in progress refers to the old bubbles */
  kt_matrix_cancel_drag (self);

  if (scores != NULL)
    g_ptr_array_ref (scores);
  g_clear_pointer (&self->scores, g_ptr_array_unref);
  self->scores = scores;

  g_clear_pointer (&self->settings, kt_matrix_settings_free);
  self->settings = settings != NULL ? kt_matrix_settings_copy (settings) : kt_matrix_settings_new ();

  kt_matrix_invalidate_layout (self);
  kt_matrix_set_focus_id (self, has_supplier (self, focus_id) ? focus_id : 0);
  kt_matrix_pick_initial_focus (self);
  kt_matrix_update_hover (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kt_matrix_set_editable (KtMatrix *self,
                        gboolean  editable)
{
  g_return_if_fail (KT_IS_MATRIX (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  if (!editable)
    kt_matrix_cancel_drag (self);
  kt_matrix_update_accessible (self);
}

void
kt_matrix_set_projector (KtMatrix *self,
                         gboolean  projector)
{
  g_return_if_fail (KT_IS_MATRIX (self));

  projector = !!projector;
  if (self->projector == projector)
    return;

  self->projector = projector;
  /* The projector's keys page the slides: the matrix there answers clicks
   * only, so that arrows and Space never get stuck in it */
  gtk_widget_set_focusable (GTK_WIDGET (self), !projector);
  kt_matrix_invalidate_layout (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
kt_matrix_set_show_legend (KtMatrix *self,
                           gboolean  show_legend)
{
  g_return_if_fail (KT_IS_MATRIX (self));

  if (self->hide_legend == !show_legend)
    return;

  self->hide_legend = !show_legend;
  kt_matrix_invalidate_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
kt_matrix_focus_supplier (KtMatrix *self,
                          gint64    supplier_id)
{
  g_return_val_if_fail (KT_IS_MATRIX (self), FALSE);

  if (supplier_id == 0 || !has_supplier (self, supplier_id))
    return FALSE;

  kt_matrix_set_focus_id (self, supplier_id);

  return TRUE;
}

gint64
kt_matrix_get_focused_supplier (KtMatrix *self)
{
  g_return_val_if_fail (KT_IS_MATRIX (self), 0);

  return self->focus_id;
}
