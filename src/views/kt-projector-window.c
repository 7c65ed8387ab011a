/* kt-projector-window.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-deadlines.h"
#include "kt-matrix-portfolio.h"
#include "kt-portfolio-figures.h"
#include "kt-projector-slide.h"
#include "kt-projector-slide-deadlines.h"
#include "kt-projector-slide-figures.h"
#include "kt-projector-slide-matrix.h"
#include "kt-projector-slide-suppliers.h"
#include "kt-projector-slide-tenders.h"
#include "kt-projector-window.h"
#include "kt-tender-plan.h"

/* The deadlines slide looks a year ahead; the tender plan slide this
 * quarter and the three after it. */
#define DEADLINE_MONTHS 12
#define TENDER_QUARTERS 4

struct _KtProjectorWindow
{
  AdwWindow         parent_instance;

  GtkLabel         *title_label;
  GtkLabel         *counter_label;
  GtkStack         *stack;

  KtProjectorSlide  slide;
};

G_DEFINE_FINAL_TYPE (KtProjectorWindow, kt_projector_window, ADW_TYPE_WINDOW)

static const struct {
  const char *name;
  const char *title;
} slides[KT_PROJECTOR_N_SLIDES] = {
  /* Translators: title of a projector slide (nøgletal) */
  [KT_PROJECTOR_FIGURES] = { "figures", N_("Key Figures") },
  /* Translators: title of a projector slide (leverandørmatrix) */
  [KT_PROJECTOR_MATRIX] = { "matrix", N_("Supplier Matrix") },
  /* Translators: title of a projector slide */
  [KT_PROJECTOR_DEADLINES] = { "deadlines", N_("Deadlines in the Next 12 Months") },
  /* Translators: title of a projector slide (udbudsplan) */
  [KT_PROJECTOR_TENDER_PLAN] = { "tender-plan", N_("Tender Plan") },
  /* Translators: title of a projector slide */
  [KT_PROJECTOR_SUPPLIERS] = { "suppliers", N_("Top Suppliers by Annual Spend") },
};

/* ---- reading the portfolio ---- */

static void
add_slide (KtProjectorWindow *self,
           KtProjectorSlide   slide,
           GtkWidget         *child)
{
  GtkStackPage *page = gtk_stack_add_named (self->stack, child, slides[slide].name);

  gtk_stack_page_set_title (page, _(slides[slide].title));
}

static GtkWidget *
error_slide_new (const GError *error)
{
  return kt_projector_slide_message_new (_("The Portfolio Could Not Be Read"), error->message);
}

static void
load (KtProjectorWindow *self,
      KtStore           *store)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(KtDeadlineSettings) settings = NULL;
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(KtMatrixSettings) matrix_settings = NULL;
  g_autoptr(KtPortfolioFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) matrix_error = NULL;
  GDate today, until;
  int last_year;
  guint last_quarter;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  until = today;
  g_date_add_months (&until, DEADLINE_MONTHS);

  if ((contracts = kt_store_list_contracts (store, &error)) == NULL ||
      (settings = kt_store_get_deadline_settings (store, &error)) == NULL ||
      (activities = kt_store_list_activities_in_window (store, &today, &until, TRUE,
                                                        &error)) == NULL)
    g_clear_pointer (&contracts, g_ptr_array_unref);

  /* The matrix has its own settings and overrides: it can fail alone. */
  scores = kt_matrix_scores_load (store, &matrix_settings, &matrix_error);

  if (contracts != NULL)
    {
      figures = kt_portfolio_figures_compute (contracts, activities, settings, &today);
      add_slide (self, KT_PROJECTOR_FIGURES, kt_projector_slide_figures_new (figures));
    }
  else
    add_slide (self, KT_PROJECTOR_FIGURES, error_slide_new (error));

  if (scores != NULL)
    add_slide (self, KT_PROJECTOR_MATRIX,
               kt_projector_slide_matrix_new (scores, matrix_settings));
  else
    add_slide (self, KT_PROJECTOR_MATRIX, error_slide_new (matrix_error));

  if (contracts != NULL)
    {
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GPtrArray) chosen = NULL;

      items = kt_deadlines_collect (contracts, activities, settings, &today, &today, &until,
                                    KT_DEADLINES_DEFAULT);
      chosen = kt_portfolio_committee_deadlines (items, &today, DEADLINE_MONTHS);
      add_slide (self, KT_PROJECTOR_DEADLINES,
                 kt_projector_slide_deadlines_new (chosen, &today, &until));
    }
  else
    add_slide (self, KT_PROJECTOR_DEADLINES, error_slide_new (error));

  kt_portfolio_tender_horizon (&today, TENDER_QUARTERS, &last_year, &last_quarter);
  if (contracts != NULL)
    {
      g_autoptr(GPtrArray) plan = NULL;
      g_autoptr(GPtrArray) rows = NULL;

      plan = kt_tender_plan_build (contracts, settings, &today);
      rows = kt_portfolio_tender_rows (plan, &today, TENDER_QUARTERS);
      add_slide (self, KT_PROJECTOR_TENDER_PLAN,
                 kt_projector_slide_tenders_new (rows, last_year, last_quarter));
    }
  else
    add_slide (self, KT_PROJECTOR_TENDER_PLAN, error_slide_new (error));

  if (figures != NULL)
    add_slide (self, KT_PROJECTOR_SUPPLIERS, kt_projector_slide_suppliers_new (figures));
  else
    add_slide (self, KT_PROJECTOR_SUPPLIERS, error_slide_new (error));
}

/* ---- paging ---- */

static void
show_slide (KtProjectorWindow *self,
            int                slide)
{
  g_autofree char *counter = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *title = NULL;

  self->slide = CLAMP (slide, 0, KT_PROJECTOR_N_SLIDES - 1);
  gtk_stack_set_visible_child_name (self->stack, slides[self->slide].name);

  gtk_label_set_label (self->title_label, _(slides[self->slide].title));
  /* Translators: the slide counter of projector mode, "2 / 5" */
  counter = g_strdup_printf (_("%u / %u"), self->slide + 1, KT_PROJECTOR_N_SLIDES);
  gtk_label_set_label (self->counter_label, counter);
  /* Translators: what a screen reader says for the slide counter */
  spoken = g_strdup_printf (_("Slide %u of %u"), self->slide + 1, KT_PROJECTOR_N_SLIDES);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->counter_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  /* Translators: the projector window's title: the slide's title and the
   * counter, "Tender Plan (4 / 5)" */
  title = g_strdup_printf (_("%s (%s)"), _(slides[self->slide].title), counter);
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projector.previous", self->slide > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projector.first", self->slide > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projector.next",
                                 self->slide + 1 < KT_PROJECTOR_N_SLIDES);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projector.last",
                                 self->slide + 1 < KT_PROJECTOR_N_SLIDES);
}

static gboolean
scroll_slide (KtProjectorWindow *self,
              int                direction)
{
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  double page;

  scroller = kt_projector_slide_find_scroller (gtk_stack_get_visible_child (self->stack));
  if (scroller == NULL)
    return FALSE;

  /* A quarter of the screen: a few rows move on, the rest stays in place
   * so the room keeps its bearings. */
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  page = gtk_adjustment_get_page_size (adjustment);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + direction * page / 4);

  return TRUE;
}

static void
leave (KtProjectorWindow *self)
{
  g_autoptr(GtkWindow) parent = NULL;

  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    parent = g_object_ref (gtk_window_get_transient_for (GTK_WINDOW (self)));

  gtk_window_destroy (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_window_present (parent);
}

static void
projector_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KtProjectorWindow *self = KT_PROJECTOR_WINDOW (widget);

  if (g_str_equal (action_name, "projector.next"))
    show_slide (self, self->slide + 1);
  else if (g_str_equal (action_name, "projector.previous"))
    show_slide (self, (int) self->slide - 1);
  else if (g_str_equal (action_name, "projector.first"))
    show_slide (self, 0);
  else if (g_str_equal (action_name, "projector.last"))
    show_slide (self, KT_PROJECTOR_N_SLIDES - 1);
  else if (g_str_equal (action_name, "projector.leave"))
    leave (self);
}

/* Caught before any child sees them: a focused button must not take Space
 * or the arrows, a presenter's remote sends Page Up and Page Down. At the
 * ends the keys do nothing. Modifiers are left to the application
 * (Ctrl+Q). */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KtProjectorWindow     *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      show_slide (self, self->slide + 1);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
      show_slide (self, (int) self->slide - 1);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      show_slide (self, 0);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      show_slide (self, KT_PROJECTOR_N_SLIDES - 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return scroll_slide (self, -1);

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return scroll_slide (self, 1);

    case GDK_KEY_Escape:
      leave (self);
      return TRUE;

    default:
      return FALSE;
    }
}

/* Loaded once per display; its rules only match inside this window. */
static void
ensure_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "kt-projector-css") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/dk/kontrakter/Kontrakter/views/kt-projector.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "kt-projector-css",
                          g_steal_pointer (&provider), g_object_unref);
}

static void
kt_projector_window_class_init (KtProjectorWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-projector-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KtProjectorWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, KtProjectorWindow, counter_label);
  gtk_widget_class_bind_template_child (widget_class, KtProjectorWindow, stack);

  gtk_widget_class_install_action (widget_class, "projector.next", NULL, projector_action_cb);
  gtk_widget_class_install_action (widget_class, "projector.previous", NULL, projector_action_cb);
  gtk_widget_class_install_action (widget_class, "projector.first", NULL, projector_action_cb);
  gtk_widget_class_install_action (widget_class, "projector.last", NULL, projector_action_cb);
  gtk_widget_class_install_action (widget_class, "projector.leave", NULL, projector_action_cb);
}

static void
kt_projector_window_init (KtProjectorWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style (gtk_widget_get_display (GTK_WIDGET (self)));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "kt-projector-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
kt_projector_window_new (GtkWindow *parent,
                         KtStore   *store)
{
  KtProjectorWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KT_IS_STORE (store), NULL);

  self = g_object_new (KT_TYPE_PROJECTOR_WINDOW,
                       "transient-for", parent,
                       NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));

  load (self, store);
  show_slide (self, KT_PROJECTOR_FIGURES);
  gtk_window_fullscreen (GTK_WINDOW (self));

  return GTK_WIDGET (self);
}

KtProjectorSlide
kt_projector_window_get_slide (KtProjectorWindow *self)
{
  g_return_val_if_fail (KT_IS_PROJECTOR_WINDOW (self), KT_PROJECTOR_FIGURES);

  return self->slide;
}

void
kt_projector_window_set_slide (KtProjectorWindow *self,
                               KtProjectorSlide   slide)
{
  g_return_if_fail (KT_IS_PROJECTOR_WINDOW (self));
  g_return_if_fail (slide < KT_PROJECTOR_N_SLIDES);

  show_slide (self, slide);
}
