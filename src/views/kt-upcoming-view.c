/* kt-upcoming-view.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "kt-deadlines.h"
#include "kt-dialogs.h"
#include "kt-format.h"
#include "kt-list-refresh.h"
#include "kt-undo-toast.h"
#include "kt-upcoming-view-private.h"
#include "kt-write-retry.h"

#define WINDOW_DAYS 365


G_DEFINE_FINAL_TYPE (KtUpcomingView, kt_upcoming_view, GTK_TYPE_WIDGET)

enum {
  DEADLINE_ACTIVATED,
  ACTIVITIES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
today (GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

/* ---- the list ---- */

void
kt_upcoming_view_rebuild (KtUpcomingView *self)
{
  kt_upcoming_model_apply (self->model, self->filter);

  if (kt_upcoming_model_get_n_total (self->model) == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (kt_upcoming_model_get_n_shown (self->model) == 0)
    {
      g_autofree char *why = kt_deadline_filter_describe_empty (self->filter);

      adw_status_page_set_description (self->no_match_page, why);
      gtk_stack_set_visible_child_name (self->content_stack, "no-match");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");
}

/* Refilling the drop-downs would close one under the user's pointer:
 * only when a person or unit did change. */
static void
set_records (KtUpcomingView *self,
             GPtrArray      *people,
             GPtrArray      *units)
{
  if (kt_list_records_changed (&self->records_key, people, units))
    kt_deadline_filter_set_records (self->filter, people, units);
}

gboolean
kt_upcoming_view_load (KtUpcomingView  *self,
                       GError         **error)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(KtDeadlineSettings) settings = NULL;
  g_autoptr(GError) settings_error = NULL;
  GDate now, to;

  today (&now);
  to = now;
  g_date_add_days (&to, WINDOW_DAYS);

  if (!(contracts = kt_store_list_contracts (self->store, error)) ||
      !(activities = kt_store_list_activities_in_window (self->store, &now, &to, TRUE, error)) ||
      !(people = kt_store_list_people (self->store, error)) ||
      !(units = kt_store_list_org_units (self->store, error)))
    return FALSE;

  /* The defaults are better than no computed deadlines at all — but a
   * moment's lock is no reason to show the wrong ones. */
  settings = kt_store_get_deadline_settings (self->store, &settings_error);
  if (kt_list_refresh_should_skip (settings_error))
    {
      g_propagate_error (error, g_steal_pointer (&settings_error));
      return FALSE;
    }
  if (settings == NULL)
    g_warning ("Could not read the deadline settings: %s", settings_error->message);

  items = kt_deadlines_collect (contracts, activities, settings, &now, &now, &to,
                                KT_DEADLINES_INCLUDE_OVERDUE);
  kt_upcoming_model_set_items (self->model, items, &now);

  set_records (self, people, units);
  self->loaded_on = now;
  self->dirty = FALSE;

  return TRUE;
}

static void
reload (KtUpcomingView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    {
      kt_upcoming_model_set_items (self->model, NULL, NULL);
      self->dirty = FALSE;
    }
  else if (!kt_upcoming_view_load (self, &error))
    {
      kt_upcoming_model_set_items (self->model, NULL, NULL);
      kt_dialog_show_error (GTK_WIDGET (self), _("Could Not Read the Deadlines"), error->message);
    }

  kt_upcoming_view_rebuild (self);
}

/* ---- rows ---- */

typedef struct {
  GtkWidget *header;
  GtkWidget *item_box;
  GtkWidget *date;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *tag;
  GtkWidget *done_button;
} RowWidgets;

/* ---- marking done, and its undo ----
 *
 * Through kt_write_run (): a colleague's lock is waited for from the main
 * loop, a file that went away is said so with a retry. */

typedef struct {
  KtUpcomingView *view;
  KtStore        *store;
  gboolean        reopen;   /* the undo of a mark done */
  gint64          id;
  gint64          version;
  GDate           date;     /* the occurrence marked done */
} Write;

static void start_write (KtUpcomingView *self,
                         Write          *write);

static Write *
write_new (KtUpcomingView *self,
           KtStore        *store,
           gint64          id)
{
  Write *write = g_new0 (Write, 1);

  write->view = g_object_ref (self);
  write->store = g_object_ref (store);
  write->id = id;
  g_date_clear (&write->date, 1);
  return write;
}

static void
write_free (Write *write)
{
  g_clear_object (&write->view);
  g_clear_object (&write->store);
  g_free (write);
}

static void
undo_cb (gpointer data)
{
  Write *undo = data;
  Write *write = write_new (undo->view, undo->store, undo->id);

  write->reopen = TRUE;
  start_write (undo->view, write);
}

static gboolean
write_cb (gpointer   data,
          GError   **error)
{
  Write *write = data;
  g_autoptr(KtActivity) current = NULL;

  if (!write->reopen)
    return kt_store_mark_activity_done (write->store, write->id, write->version, &write->date,
                                        NULL, error);

  /* Undo reopens the activity as it is now. */
  current = kt_store_get_activity (write->store, write->id, error);
  return current != NULL &&
         kt_store_reopen_activity (write->store, write->id, current->version, error);
}

static void
write_done_cb (gpointer      data,
               const GError *error)
{
  Write *write = data;
  KtUpcomingView *self = write->view;
  gboolean shown = kt_write_error_was_shown (error);

  if (error != NULL && !shown)
    kt_dialog_show_error (GTK_WIDGET (self),
                          write->reopen ? _("Could Not Undo")
                                        : _("The Activity Could Not Be Marked Done"),
                          error->message);

  /* Also after a conflict: the list is stale. A wait the user gave up on
   * changed nothing. */
  if (self->store == write->store && !shown)
    {
      if (write->reopen)
        kt_upcoming_view_invalidate (self);
      else
        reload (self);
    }

  if (error == NULL && !write->reopen)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      kt_undo_toast_show (GTK_WIDGET (self), _("Activity marked done"), undo_cb,
                          write_new (self, write->store, write->id), (GDestroyNotify) write_free);
    }
  if (error == NULL || write->reopen)
    g_signal_emit (self, signals[ACTIVITIES_CHANGED], 0);
}

/* Takes @write. */
static void
start_write (KtUpcomingView *self,
             Write          *write)
{
  /* FALSE: a write of this view still waits for the file; this click
   * would only queue behind it. */
  if (!kt_write_run (GTK_WIDGET (self), write_cb, write_done_cb, write,
                     (GDestroyNotify) write_free))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      write_free (write);
    }
}

static void
done_clicked_cb (GtkWidget      *button,
                 KtUpcomingView *self)
{
  KtUpcomingEntry *entry = g_object_get_data (G_OBJECT (button), "kt-entry");
  Write *write;

  if (entry == NULL || entry->item == NULL || self->store == NULL)
    return;

  /* Copied: a refresh while the file is locked replaces the entry. */
  write = write_new (self, self->store, entry->item->activity_id);
  write->version = entry->item->activity_version;
  write->date = entry->item->date;
  start_write (self, write);
}

static GtkWidget *
label_new (const char *style,
           gboolean    ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              KtUpcomingView           *self)
{
  RowWidgets *w = g_new0 (RowWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *button_label = gtk_label_new (_("Mark Done"));

  w->header = label_new ("heading", FALSE);
  gtk_widget_set_margin_top (w->header, 18);
  gtk_widget_set_margin_bottom (w->header, 6);
  gtk_widget_set_margin_start (w->header, 12);
  gtk_box_append (GTK_BOX (box), w->header);

  w->item_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (w->item_box, 8);
  gtk_widget_set_margin_bottom (w->item_box, 8);
  gtk_widget_set_margin_start (w->item_box, 12);
  gtk_widget_set_margin_end (w->item_box, 12);
  gtk_box_append (GTK_BOX (box), w->item_box);

  w->date = label_new ("numeric", FALSE);
  gtk_label_set_width_chars (GTK_LABEL (w->date), 10);
  gtk_widget_set_valign (w->date, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (w->date, "heading");
  gtk_box_append (GTK_BOX (w->item_box), w->date);

  w->title = label_new (NULL, TRUE);
  w->subtitle = label_new ("dim-label", TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), w->title);
  gtk_box_append (GTK_BOX (text), w->subtitle);
  gtk_box_append (GTK_BOX (w->item_box), text);

  /* Translators: marks a deadline computed from the contract, not typed in */
  w->tag = label_new ("caption-heading", FALSE);
  gtk_label_set_text (GTK_LABEL (w->tag), _("Computed"));
  gtk_widget_set_tooltip_text (w->tag, _("Computed from the contract’s terms: change the "
                                         "contract to change it"));
  gtk_widget_add_css_class (w->tag, "dim-label");
  gtk_widget_set_valign (w->tag, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (w->item_box), w->tag);

  w->done_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (w->done_button), button_label);
  gtk_widget_set_valign (w->done_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (w->done_button, "clicked", G_CALLBACK (done_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (w->item_box), w->done_button);

  g_object_set_data_full (G_OBJECT (box), "kt-row", w, g_free);
  gtk_list_item_set_child (list_item, box);
}

static char *
row_subtitle (const KtDeadlineItem *item)
{
  const char *parts[4];
  guint n = 0;

  /* A computed deadline's description already says what it is. */
  if (!item->derived || item->description == NULL || *item->description == '\0')
    parts[n++] = item->derived ? kt_enum_label (KT_ENUM_DERIVED_KIND, item->derived_kind)
                               : kt_enum_label (KT_ENUM_ACTIVITY_TYPE, item->type);
  if (item->description != NULL && *item->description != '\0')
    parts[n++] = item->description;
  if (item->responsible_name != NULL)
    parts[n++] = item->responsible_name;
  parts[n] = NULL;

  /* Translators: the separator between the details of an activity */
  return g_strjoinv (_(" · "), (char **) parts);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             KtUpcomingView           *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  RowWidgets *w = g_object_get_data (G_OBJECT (box), "kt-row");
  KtUpcomingEntry *entry = gtk_list_item_get_item (list_item);
  const KtDeadlineItem *item = entry->item;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *done_label = NULL;
  gboolean writable = self->store != NULL && !kt_store_is_read_only (self->store);

  gtk_widget_set_visible (w->header, item == NULL);
  gtk_widget_set_visible (w->item_box, item != NULL);
  gtk_list_item_set_selectable (list_item, item != NULL);
  gtk_list_item_set_activatable (list_item, item != NULL);

  gtk_widget_remove_css_class (w->header, "error");
  gtk_widget_remove_css_class (w->date, "error");
  gtk_widget_remove_css_class (w->date, "warning");

  if (item == NULL)
    {
      g_autofree char *text =
        /* Translators: a section of the upcoming deadlines and how many it has,
         * "Within 30 days (12)" */
        g_strdup_printf (_("%s (%u)"), kt_urgency_label (entry->urgency), entry->count);

      gtk_label_set_text (GTK_LABEL (w->header), text);
      if (entry->urgency == KT_URGENCY_OVERDUE)
        gtk_widget_add_css_class (w->header, "error");
      return;
    }

  date = kt_format_date (&item->date);
  gtk_label_set_text (GTK_LABEL (w->date), date);
  if (entry->urgency == KT_URGENCY_OVERDUE)
    gtk_widget_add_css_class (w->date, "error");
  else if (entry->urgency == KT_URGENCY_WITHIN_30_DAYS)
    gtk_widget_add_css_class (w->date, "warning");

  /* Translators: a contract: its number and its name */
  title = g_strdup_printf (_("%s – %s"), item->contract_number ? item->contract_number : "",
                           item->contract_name ? item->contract_name : "");
  gtk_label_set_text (GTK_LABEL (w->title), title);
  subtitle = row_subtitle (item);
  gtk_label_set_text (GTK_LABEL (w->subtitle), subtitle);
  gtk_widget_set_tooltip_text (w->subtitle, subtitle);
  gtk_widget_set_visible (w->tag, item->derived);

  gtk_widget_set_visible (w->done_button, writable && entry->can_mark);
  g_object_set_data (G_OBJECT (w->done_button), "kt-entry", entry);
  /* Translators: a button's name for screen readers; %s is the activity */
  done_label = g_strdup_printf (_("Mark “%s” Done"),
                                item->description ? item->description : title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->done_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, done_label, -1);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               KtUpcomingView           *self)
{
  RowWidgets *w = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "kt-row");

  g_object_set_data (G_OBJECT (w->done_button), "kt-entry", NULL);
}

/* ---- callbacks ---- */

static void
filter_changed_cb (KtUpcomingView *self)
{
  /* The drop-downs change while the filter fills them in. */
  if (self->filter != NULL && kt_deadline_filter_read (self->filter))
    kt_upcoming_view_rebuild (self);
}

static void
show_all_clicked_cb (KtUpcomingView *self)
{
  kt_deadline_filter_reset (self->filter);
  kt_upcoming_view_rebuild (self);
  kt_upcoming_view_focus_list (self);
}

static void
list_activate_cb (KtUpcomingView *self,
                  guint           position)
{
  g_autoptr(KtUpcomingEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (entry != NULL && entry->item != NULL)
    g_signal_emit (self, signals[DEADLINE_ACTIVATED], 0, entry->item->contract_id,
                   entry->item->activity_id, (int) entry->item->derived_kind);
}

static void
kt_upcoming_view_map (GtkWidget *widget)
{
  KtUpcomingView *self = KT_UPCOMING_VIEW (widget);
  GDate now;

  GTK_WIDGET_CLASS (kt_upcoming_view_parent_class)->map (widget);

  /* Past midnight the sections move on by themselves. */
  today (&now);
  if (self->dirty || (g_date_valid (&self->loaded_on) && g_date_compare (&now, &self->loaded_on) != 0))
    reload (self);
}

static void
kt_upcoming_view_dispose (GObject *object)
{
  KtUpcomingView *self = KT_UPCOMING_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_UPCOMING_VIEW);
  /* The bars and separators of the template that are not bound */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->records_key, g_free);

  G_OBJECT_CLASS (kt_upcoming_view_parent_class)->dispose (object);
}

static void
kt_upcoming_view_class_init (KtUpcomingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_upcoming_view_dispose;
  widget_class->map = kt_upcoming_view_map;

  signals[DEADLINE_ACTIVATED] =
    g_signal_new ("deadline-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT);
  signals[ACTIVITIES_CHANGED] =
    g_signal_new ("activities-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-upcoming-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KtUpcomingView, responsible_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KtUpcomingView, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KtUpcomingView, org_unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KtUpcomingView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KtUpcomingView, list_view);
  gtk_widget_class_bind_template_child (widget_class, KtUpcomingView, no_match_page);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ktupcomingview");
}

static void
kt_upcoming_view_init (KtUpcomingView *self)
{
  GtkListItemFactory *factory;
  GtkSingleSelection *selection;

  self->model = kt_upcoming_model_new ();
  g_date_clear (&self->loaded_on, 1);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->filter = kt_deadline_filter_new (self->responsible_dropdown, self->type_dropdown,
                                       self->org_unit_dropdown);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  kt_upcoming_view_rebuild (self);
}

GtkWidget *
kt_upcoming_view_new (void)
{
  return g_object_new (KT_TYPE_UPCOMING_VIEW, NULL);
}

void
kt_upcoming_view_set_store (KtUpcomingView *self,
                            KtStore        *store)
{
  g_return_if_fail (KT_IS_UPCOMING_VIEW (self));
  g_return_if_fail (store == NULL || KT_IS_STORE (store));

  g_set_object (&self->store, store);

  /* Another portfolio has other people and units. */
  kt_deadline_filter_set_records (self->filter, NULL, NULL);
  g_clear_pointer (&self->records_key, g_free);
  kt_deadline_filter_reset (self->filter);
  kt_upcoming_model_set_items (self->model, NULL, NULL);
  kt_upcoming_view_rebuild (self);
  kt_upcoming_view_invalidate (self);
}

void
kt_upcoming_view_invalidate (KtUpcomingView *self)
{
  g_return_if_fail (KT_IS_UPCOMING_VIEW (self));

  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}

void
kt_upcoming_view_focus_list (KtUpcomingView *self)
{
  g_return_if_fail (KT_IS_UPCOMING_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}
