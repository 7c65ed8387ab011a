/* kt-timeline-view.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "kt-deadlines.h"
#include "kt-list-refresh.h"
#include "kt-model-error.h"
#include "kt-timeline-lanes.h"
#include "kt-timeline-painter.h"
#include "kt-timeline-view-private.h"

/* The window of the overview: a year back for what was missed or done,
 * three years ahead for notice periods and re-procurements. */
#define MONTHS_BACK  12
#define MONTHS_AHEAD 36


G_DEFINE_FINAL_TYPE (KtTimelineView, kt_timeline_view, GTK_TYPE_WIDGET)

enum {
  DEADLINE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
get_today (KtTimelineView *self,
           GDate          *out)
{
  g_autoptr(GDateTime) now = NULL;

  if (g_date_valid (&self->today))
    {
      *out = self->today;
      return;
    }

  now = g_date_time_new_now_local ();
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
show_message (KtTimelineView *self,
              const char     *title,
              const char     *description)
{
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
show_content (KtTimelineView *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    gtk_toggle_button_get_active (self->list_toggle) ? "list"
                                                                                     : "timeline");
}

gboolean
kt_timeline_view_load (KtTimelineView  *self,
                       gboolean         quiet_busy,
                       GError         **error)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) lanes = NULL;
  g_autoptr(KtDeadlineSettings) settings = NULL;
  GError *local_error = NULL;
  GDate today, from, to;

  if (self->store == NULL)
    return TRUE;

  get_today (self, &today);
  self->loaded_on = today;
  self->dirty = FALSE;
  from = today;
  g_date_subtract_months (&from, MONTHS_BACK);
  to = today;
  g_date_add_months (&to, MONTHS_AHEAD);

  if ((contracts = kt_store_list_contracts (self->store, &local_error)) == NULL ||
      (settings = kt_store_get_deadline_settings (self->store, &local_error)) == NULL ||
      (activities = kt_store_list_activities_in_window (self->store, &from, &to, FALSE,
                                                        &local_error)) == NULL)
    {
      if (quiet_busy && kt_list_refresh_should_skip (local_error))
        self->dirty = TRUE;
      else
        show_message (self, _("The Timeline Could Not Be Shown"), local_error->message);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  items = kt_deadlines_collect (contracts, activities, settings, &today, &from, &to,
                                KT_DEADLINES_DEFAULT);
  lanes = kt_timeline_lanes_from_deadlines (contracts, items,
                                            gtk_drop_down_get_selected (self->group_dropdown) == 1
                                              ? KT_TIMELINE_GROUP_ORG_UNIT
                                              : KT_TIMELINE_GROUP_SUPPLIER,
                                            &today, &from);

  kt_timeline_set_today (self->timeline, &today);
  kt_timeline_set_lanes (self->timeline, lanes);
  kt_timeline_view_fill_list (self, lanes);

  if (lanes->len == 0)
    show_message (self, _("Nothing on the Timeline"),
                  _("Contracts with a period or deadlines appear here, grouped by supplier or by "
                    "forvaltning."));
  else
    show_content (self);

  return TRUE;
}

gboolean
kt_timeline_view_reload (KtTimelineView  *self,
                         GError         **error)
{
  g_return_val_if_fail (KT_IS_TIMELINE_VIEW (self), FALSE);

  return kt_timeline_view_load (self, FALSE, error);
}

void
kt_timeline_view_set_store (KtTimelineView *self,
                            KtStore        *store)
{
  g_return_if_fail (KT_IS_TIMELINE_VIEW (self));

  if (!g_set_object (&self->store, store))
    return;

  kt_timeline_view_reload (self, NULL);
  kt_timeline_scroll_to_today (self->timeline);
}

void
kt_timeline_view_set_today (KtTimelineView *self,
                            const GDate    *today)
{
  g_return_if_fail (KT_IS_TIMELINE_VIEW (self));

  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
}

/* A marker's item and kind (kt-timeline-lanes.h) as the activity or the
 * computed deadline it stands for. */
static void
emit_deadline_activated (KtTimelineView *self,
                         gint64          contract_id,
                         gint64          item_id,
                         int             kind)
{
  if (kind == KT_TIMELINE_KIND_ACTIVITY)
    g_signal_emit (self, signals[DEADLINE_ACTIVATED], 0, contract_id, item_id, 0);
  else
    g_signal_emit (self, signals[DEADLINE_ACTIVATED], 0, contract_id, (gint64) 0,
                   kind - KT_TIMELINE_KIND_DERIVED);
}

static void
marker_activated_cb (KtTimelineView *self,
                     gint64          lane_id,
                     gint64          item_id,
                     int             kind)
{
  emit_deadline_activated (self, lane_id, item_id, kind);
}

static void
list_activate_cb (KtTimelineView *self,
                  guint           position)
{
  const ListTarget *target;

  if (position >= self->list_targets->len)
    return;

  target = &g_array_index (self->list_targets, ListTarget, position);
  emit_deadline_activated (self, target->contract_id, target->item_id, target->kind);
}

/* The timeline follows the list, so that switching back shows the same
 * deadline focused. */
static void
list_selection_cb (GtkSingleSelection *selection,
                   GParamSpec         *pspec,
                   KtTimelineView     *self)
{
  guint position = gtk_single_selection_get_selected (selection);
  const ListTarget *target;

  /* A refresh keeps the timeline where the user left it */
  if (self->refreshing || position >= self->list_targets->len)
    return;

  target = &g_array_index (self->list_targets, ListTarget, position);
  kt_timeline_focus_marker (self->timeline, target->contract_id, target->item_id, target->kind);
}

static void
zoom_toggled_cb (GtkToggleButton *button,
                 KtTimelineView  *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  for (guint z = 0; z < KT_TIMELINE_N_ZOOMS; z++)
    if (self->zoom_buttons[z] == GTK_WIDGET (button))
      kt_timeline_set_zoom (self->timeline, (KtTimelineZoom) z);
}

/* Zooming with the keys or the touchpad moves the buttons along. */
static void
timeline_zoom_cb (KtTimelineView *self)
{
  KtTimelineZoom zoom = kt_timeline_get_zoom (self->timeline);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->zoom_buttons[zoom]), TRUE);
}

static void
group_changed_cb (KtTimelineView *self)
{
  kt_timeline_view_reload (self, NULL);
}

static void
list_toggled_cb (KtTimelineView *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "message") != 0)
    show_content (self);
}

static void
today_clicked_cb (KtTimelineView *self)
{
  kt_timeline_scroll_to_today (self->timeline);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

/* ---- Building the page ------------------------------------------------ */

typedef struct {
  KtTimelineState state;
  gboolean        derived;
} LegendSymbol;

static void
draw_legend_symbol (GtkDrawingArea *area,
                    cairo_t        *cr,
                    int             width,
                    int             height,
                    gpointer        user_data)
{
  const LegendSymbol *symbol = user_data;
  AdwStyleManager *style = adw_style_manager_get_default ();
  KtTimelinePalette palette;

  kt_timeline_palette_init (&palette, adw_style_manager_get_dark (style),
                            adw_style_manager_get_high_contrast (style));
  kt_timeline_paint_marker (cr, width / 2.0, height / 2.0, MIN (width, height) - 2,
                            symbol->state, symbol->derived, &palette);
}

/* The legend repeats the shapes in words: colour is never the only cue. */
static GtkWidget *
build_legend (void)
{
  static const LegendSymbol symbols[] = {
    { KT_TIMELINE_STATE_OVERDUE, FALSE },
    { KT_TIMELINE_STATE_DUE_SOON, FALSE },
    { KT_TIMELINE_STATE_NORMAL, FALSE },
    { KT_TIMELINE_STATE_DONE, FALSE },
    { KT_TIMELINE_STATE_NORMAL, TRUE },
  };
  const char *texts[G_N_ELEMENTS (symbols)] = {
    /* Translators: legend of the timeline */
    _("Overdue"),
    /* Translators: legend of the timeline */
    _("Within 30 days"),
    /* Translators: legend of the timeline */
    _("Later"),
    /* Translators: legend of the timeline */
    _("Done"),
    /* Translators: legend of the timeline: a deadline computed from the
     * contract's terms rather than entered */
    _("Computed"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (box, "kt-timeline-legend");
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *area = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (texts[i]);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 14);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 14);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_legend_symbol,
                                      (gpointer) &symbols[i], NULL);
      gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
      gtk_accessible_update_state (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (item), area);
      gtk_box_append (GTK_BOX (item), label);
      gtk_box_append (GTK_BOX (box), item);
    }

  return box;
}

static void
build_toolbar (KtTimelineView *self)
{
  static const char *const groupings[] = {
    /* Translators: group the timeline by … */
    N_("Supplier"),
    /* Translators: group the timeline by … (forvaltning or center) */
    N_("Organisational Unit"),
    NULL,
  };
  const char *zoom_labels[KT_TIMELINE_N_ZOOMS] = {
    /* Translators: timeline zoom: one tick per month */
    _("_Months"),
    /* Translators: timeline zoom: one tick per quarter */
    _("_Quarters"),
    /* Translators: timeline zoom: one tick per year */
    _("_Years"),
  };
  g_autoptr(GtkStringList) grouping_list = gtk_string_list_new (NULL);
  GtkWidget *group_label = gtk_label_new_with_mnemonic (_("_Group by"));
  GtkWidget *zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *today_button = gtk_button_new_with_mnemonic (_("_Today"));
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  for (guint i = 0; groupings[i] != NULL; i++)
    gtk_string_list_append (grouping_list, _(groupings[i]));

  self->toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->toolbar, "toolbar");

  self->group_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&grouping_list)),
                                                           NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (group_label), GTK_WIDGET (self->group_dropdown));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->group_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, group_label, NULL, -1);
  g_signal_connect_object (self->group_dropdown, "notify::selected",
                           G_CALLBACK (group_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_add_css_class (zoom_box, "linked");
  for (guint z = 0; z < KT_TIMELINE_N_ZOOMS; z++)
    {
      self->zoom_buttons[z] = gtk_toggle_button_new_with_mnemonic (zoom_labels[z]);
      if (z > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->zoom_buttons[z]),
                                     GTK_TOGGLE_BUTTON (self->zoom_buttons[0]));
      g_signal_connect (self->zoom_buttons[z], "toggled", G_CALLBACK (zoom_toggled_cb), self);
      gtk_box_append (GTK_BOX (zoom_box), self->zoom_buttons[z]);
    }
  gtk_widget_set_tooltip_text (today_button, _("Scroll to today"));
  g_signal_connect_object (today_button, "clicked", G_CALLBACK (today_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  self->list_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->list_toggle), "view-list-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->list_toggle), _("Show as a List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show as a List"), -1);
  g_signal_connect_object (self->list_toggle, "toggled", G_CALLBACK (list_toggled_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (self->toolbar), group_label);
  gtk_box_append (GTK_BOX (self->toolbar), GTK_WIDGET (self->group_dropdown));
  gtk_box_append (GTK_BOX (self->toolbar), zoom_box);
  gtk_box_append (GTK_BOX (self->toolbar), today_button);
  gtk_box_append (GTK_BOX (self->toolbar), spacer);
  gtk_box_append (GTK_BOX (self->toolbar), build_legend ());
  gtk_box_append (GTK_BOX (self->toolbar), GTK_WIDGET (self->list_toggle));
  gtk_widget_set_parent (self->toolbar, GTK_WIDGET (self));
}

static void
setup_list_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_item_set_child (item, label);
}

static void
bind_list_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static void
build_content (KtTimelineView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkSelectionModel *selection;
  GtkWidget *list_view;
  GtkWidget *scrolled;

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  self->timeline = KT_TIMELINE (kt_timeline_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->timeline), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->timeline), TRUE);
  g_signal_connect_object (self->timeline, "marker-activated",
                           G_CALLBACK (marker_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "notify::zoom",
                           G_CALLBACK (timeline_zoom_cb), self, G_CONNECT_SWAPPED);
  /* The timeline is GtkScrollable: the scrolled window adds scroll bars
   * for those who do not scroll with a wheel or touchpad. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->timeline));
  gtk_stack_add_named (self->stack, scrolled, "timeline");

  self->list_strings = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_list_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_list_row_cb), NULL);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (self->list_strings)));
  /* Nothing selected until the user picks a row: a reload must not move
   * the timeline's focus to the first deadline. */
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (list_selection_cb), self, 0);
  list_view = gtk_list_view_new (selection, g_steal_pointer (&factory));
  self->list_view = GTK_LIST_VIEW (list_view);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list_view), FALSE);
  gtk_widget_add_css_class (list_view, "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view),
                                  /* Translators: accessible name of the list form of the timeline */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Deadlines on the Timeline"),
                                  -1);
  g_signal_connect_object (list_view, "activate", G_CALLBACK (list_activate_cb), self,
                           G_CONNECT_SWAPPED);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_view);
  gtk_stack_add_named (self->stack, scrolled, "list");

  self->message_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->message_page, "x-office-calendar-symbolic");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->message_page), "message");

  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->zoom_buttons[kt_timeline_get_zoom (self->timeline)]),
                                TRUE);
}

void
kt_timeline_view_invalidate (KtTimelineView *self)
{
  g_return_if_fail (KT_IS_TIMELINE_VIEW (self));

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kt_timeline_view_reload (self, NULL);
}

/* Shown again: reload what changed meanwhile, and after midnight, when
 * what is overdue has changed. */
static void
kt_timeline_view_map (GtkWidget *widget)
{
  KtTimelineView *self = KT_TIMELINE_VIEW (widget);
  GDate today;

  GTK_WIDGET_CLASS (kt_timeline_view_parent_class)->map (widget);

  get_today (self, &today);
  if (self->dirty || !g_date_valid (&self->loaded_on) || g_date_compare (&today, &self->loaded_on) != 0)
    kt_timeline_view_reload (self, NULL);
}

static void
kt_timeline_view_dispose (GObject *object)
{
  KtTimelineView *self = KT_TIMELINE_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->store);
  g_clear_pointer (&self->list_targets, g_array_unref);

  G_OBJECT_CLASS (kt_timeline_view_parent_class)->dispose (object);
}

static void
kt_timeline_view_class_init (KtTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_timeline_view_dispose;
  widget_class->map = kt_timeline_view_map;

  signals[DEADLINE_ACTIVATED] =
    g_signal_new ("deadline-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kttimelineview");
}

static void
kt_timeline_view_init (KtTimelineView *self)
{
  g_date_clear (&self->today, 1);
  g_date_clear (&self->loaded_on, 1);
  self->list_targets = g_array_new (FALSE, FALSE, sizeof (ListTarget));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  build_toolbar (self);
  build_content (self);
}

GtkWidget *
kt_timeline_view_new (void)
{
  return g_object_new (KT_TYPE_TIMELINE_VIEW, NULL);
}
