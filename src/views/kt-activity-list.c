/* kt-activity-list.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-activity-editor.h"
#include "kt-activity-list.h"
#include "kt-deadlines.h"
#include "kt-dialogs.h"
#include "kt-format.h"
#include "kt-undo-toast.h"

/* How far back and ahead the computed deadlines of a contract are looked
 * for: an overdue notice day years old is still worth showing; of the
 * yearly price regulations only the next one is. */
#define DERIVED_YEARS_BACK  10
#define DERIVED_YEARS_AHEAD 30

struct _KtActivityList
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *add_button;
  GPtrArray           *rows;       /* the rows added to the group */

  KtStore             *store;
  KtContract          *contract;
};

G_DEFINE_FINAL_TYPE (KtActivityList, kt_activity_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One entry of the list: a manual activity or a computed deadline. */
typedef struct {
  KtDeadlineItem *item;
  KtActivity     *activity;   /* NULL for a computed deadline */
  KtUrgency       urgency;
} Entry;

static void
entry_free (Entry *entry)
{
  g_clear_pointer (&entry->item, kt_deadline_item_free);
  g_clear_pointer (&entry->activity, kt_activity_free);
  g_free (entry);
}

/* Open entries by date, then the done and cancelled ones, latest first. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(Entry * const *) a;
  const Entry *eb = *(Entry * const *) b;
  gboolean closed_a = ea->urgency == KT_URGENCY_CLOSED;
  gboolean closed_b = eb->urgency == KT_URGENCY_CLOSED;
  const KtDeadlineItem *ia = ea->item;
  const KtDeadlineItem *ib = eb->item;

  if (closed_a != closed_b)
    return closed_a ? 1 : -1;
  if (closed_a)
    return -kt_deadline_item_compare (&ia, &ib);
  return kt_deadline_item_compare (&ia, &ib);
}

static gboolean
is_writable (KtActivityList *self)
{
  return self->store != NULL && !kt_store_is_read_only (self->store);
}

static void
today (GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

/* ---- undo ---- */

typedef struct {
  KtActivityList *list;
  KtStore        *store;
  gint64          id;
  gboolean        reopen;     /* undo a mark done, not a delete */
} Undo;

static void
undo_free (Undo *undo)
{
  g_clear_object (&undo->list);
  g_clear_object (&undo->store);
  g_free (undo);
}

static void
undo_cb (gpointer data)
{
  Undo *undo = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (undo->reopen)
    {
      g_autoptr(KtActivity) current = kt_store_get_activity (undo->store, undo->id, &error);

      ok = current != NULL &&
           kt_store_reopen_activity (undo->store, undo->id, current->version, &error);
    }
  else
    ok = kt_store_restore_activity (undo->store, undo->id, &error);

  if (!ok)
    kt_dialog_show_error (GTK_WIDGET (undo->list), _("Could Not Undo"), error->message);

  if (undo->list->store == undo->store)
    kt_activity_list_reload (undo->list);
  g_signal_emit (undo->list, signals[CHANGED], 0);
}

static void
offer_undo (KtActivityList *self,
            const char     *message,
            gint64          id,
            gboolean        reopen)
{
  Undo *undo = g_new0 (Undo, 1);

  undo->list = g_object_ref (self);
  undo->store = g_object_ref (self->store);
  undo->id = id;
  undo->reopen = reopen;
  kt_undo_toast_show (GTK_WIDGET (self), message, undo_cb, undo, (GDestroyNotify) undo_free);
}

/* ---- row actions ---- */

static void
write_failed (KtActivityList *self,
              const char     *heading,
              GError         *error)
{
  kt_dialog_show_error (GTK_WIDGET (self), heading, error->message);
  /* A conflict means the row is stale: show the colleague's version. */
  kt_activity_list_reload (self);
}

static void
editor_saved_cb (KtActivityList *self)
{
  kt_activity_list_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
open_editor (KtActivityList   *self,
             const KtActivity *activity)
{
  KtActivityEditor *editor;

  if (self->store == NULL || self->contract == NULL || self->contract->id == 0)
    return;

  editor = kt_activity_editor_new (GTK_WIDGET (self), self->store, self->contract, activity);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static const KtActivity *
row_activity (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "kt-activity") : NULL;
}

static void
add_clicked_cb (KtActivityList *self)
{
  open_editor (self, NULL);
}

static void
edit_clicked_cb (KtActivityList *self,
                 GtkWidget      *button)
{
  open_editor (self, row_activity (button));
}

static void
row_activated_cb (KtActivityList *self,
                  GtkWidget      *row)
{
  const KtActivity *activity = g_object_get_data (G_OBJECT (row), "kt-activity");

  if (activity != NULL)
    open_editor (self, activity);
}

static void
done_clicked_cb (KtActivityList *self,
                 GtkWidget      *button)
{
  const KtActivity *activity = row_activity (button);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (activity == NULL || !is_writable (self))
    return;

  id = activity->id;
  if (!kt_store_mark_activity_done (self->store, id, activity->version, NULL, NULL, &error))
    {
      write_failed (self, _("The Activity Could Not Be Marked Done"), error);
      return;
    }

  kt_activity_list_reload (self);
  offer_undo (self, _("Activity marked done"), id, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
delete_clicked_cb (KtActivityList *self,
                   GtkWidget      *button)
{
  const KtActivity *activity = row_activity (button);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (activity == NULL || !is_writable (self))
    return;

  id = activity->id;
  if (!kt_store_delete_activity (self->store, id, activity->version, &error))
    {
      write_failed (self, _("The Activity Could Not Be Deleted"), error);
      return;
    }

  kt_activity_list_reload (self);
  gtk_widget_grab_focus (self->add_button);
  offer_undo (self, _("Activity deleted"), id, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- rows ---- */

static void
add_row (KtActivityList *self,
         GtkWidget      *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (KtActivityList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
tag_new (const char *text,
         const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption-heading");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
row_button (KtActivityList *self,
            const char     *icon,
            const char     *label,
            GCallback       callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  return button;
}

static void
add_urgency_tag (GtkWidget *row,
                 KtUrgency  urgency)
{
  if (urgency == KT_URGENCY_OVERDUE)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               tag_new (kt_urgency_label (urgency), "error"));
  else if (urgency == KT_URGENCY_WITHIN_30_DAYS)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               tag_new (kt_urgency_label (urgency), "warning"));
}

static GtkWidget *
entry_row_new (const Entry *entry,
               const char  *title,
               const char  *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = kt_format_date (&entry->item->date);
  GtkWidget *date_label = gtk_label_new (date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_label_set_width_chars (GTK_LABEL (date_label), 10);
  gtk_label_set_xalign (GTK_LABEL (date_label), 0.0);
  gtk_widget_add_css_class (date_label, "numeric");
  gtk_widget_add_css_class (date_label, "heading");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), date_label);

  if (entry->urgency == KT_URGENCY_CLOSED)
    gtk_widget_add_css_class (date_label, "dim-label");

  return row;
}

static char *
activity_subtitle (const KtActivity *a)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, g_strdup (kt_enum_label (KT_ENUM_ACTIVITY_TYPE, a->type)));
  if (kt_activity_is_recurring (a))
    {
      if (g_date_valid (&a->recurrence_until))
        {
          g_autofree char *until = kt_format_date (&a->recurrence_until);

          /* Translators: "Every quarter until 31.12.2027" */
          g_ptr_array_add (parts, g_strdup_printf (_("%s until %s"),
                                                   kt_enum_label (KT_ENUM_RECURRENCE,
                                                                  a->recurrence),
                                                   until));
        }
      else
        g_ptr_array_add (parts, g_strdup (kt_enum_label (KT_ENUM_RECURRENCE, a->recurrence)));
    }
  if (a->clause_ref != NULL)
    g_ptr_array_add (parts, g_strdup (a->clause_ref));
  if (a->responsible_name != NULL)
    g_ptr_array_add (parts, g_strdup (a->responsible_name));
  if (a->status == KT_ACTIVITY_STATUS_DONE)
    {
      g_autofree char *when = g_date_valid (&a->done_date) ? kt_format_date (&a->done_date) : NULL;

      if (when != NULL && a->done_by != NULL)
        /* Translators: "Done 12.03.2026 by Jens Hansen" */
        g_ptr_array_add (parts, g_strdup_printf (_("Done %s by %s"), when, a->done_by));
      else if (when != NULL)
        /* Translators: "Done 12.03.2026" */
        g_ptr_array_add (parts, g_strdup_printf (_("Done %s"), when));
    }
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between the details of an activity */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static GtkWidget *
activity_row_new (KtActivityList *self,
                  const Entry    *entry)
{
  const KtActivity *a = entry->activity;
  const char *title = a->description != NULL ? a->description
                      : kt_enum_label (KT_ENUM_ACTIVITY_TYPE, a->type);
  g_autofree char *subtitle = activity_subtitle (a);
  GtkWidget *row = entry_row_new (entry, title, subtitle);
  gboolean writable = is_writable (self);
  g_autofree char *label = NULL;

  g_object_set_data_full (G_OBJECT (row), "kt-activity", kt_activity_copy (a),
                          (GDestroyNotify) kt_activity_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  add_urgency_tag (row, entry->urgency);
  if (a->status != KT_ACTIVITY_STATUS_OPEN)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               tag_new (kt_enum_label (KT_ENUM_ACTIVITY_STATUS, a->status),
                                        a->status == KT_ACTIVITY_STATUS_DONE ? "success"
                                                                            : "dim-label"));

  if (writable && entry->urgency != KT_URGENCY_CLOSED)
    {
      /* Translators: a button's name for screen readers; %s is the activity */
      label = g_strdup_printf (_("Mark “%s” Done"), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "object-select-symbolic", label,
                                             G_CALLBACK (done_clicked_cb)));
      g_clear_pointer (&label, g_free);
    }

  /* Translators: a button's name for screen readers; %s is the activity */
  label = g_strdup_printf (writable ? _("Edit “%s”") : _("Show “%s”"), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, writable ? "document-edit-symbolic"
                                                        : "go-next-symbolic",
                                         label, G_CALLBACK (edit_clicked_cb)));
  g_clear_pointer (&label, g_free);

  if (writable)
    {
      /* Translators: a button's name for screen readers; %s is the activity */
      label = g_strdup_printf (_("Delete “%s”"), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "user-trash-symbolic", label,
                                             G_CALLBACK (delete_clicked_cb)));
    }

  return row;
}

/* Where a computed deadline comes from, so that nobody tries to change it
 * anywhere but in the contract. */
static const char *
derived_source (KtDerivedKind kind)
{
  switch (kind)
    {
    case KT_DERIVED_LAST_NOTICE_DAY:
      /* Translators: the end of "<explanation> — computed from …" */
      return _("computed from the notice terms");
    case KT_DERIVED_DECISION_DATE:
      return _("computed from the notice terms and the decision buffer in Preferences");
    case KT_DERIVED_OPTION_DEADLINE:
      return _("computed from the end date, the options and the notice period");
    case KT_DERIVED_REPROCUREMENT_START:
      return _("computed from the end date and the lead time of the procurement form in "
               "Preferences");
    case KT_DERIVED_PRICE_REGULATION:
      return _("computed from the price regulation date");
    case KT_DERIVED_EXPIRY:
    default:
      return _("computed from the end date");
    }
}

static GtkWidget *
derived_row_new (const Entry *entry)
{
  const KtDeadlineItem *item = entry->item;
  const char *source = derived_source (item->derived_kind);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *tag;

  /* Translators: the explanation of a computed deadline, then where it
   * comes from: "Last day to give notice to end … — computed from the
   * notice terms" */
  subtitle = g_strdup_printf (_("%s — %s"), item->description, source);
  row = entry_row_new (entry, kt_enum_label (KT_ENUM_DERIVED_KIND, item->derived_kind),
                       subtitle);

  add_urgency_tag (row, entry->urgency);
  /* Translators: marks a deadline computed from the contract, not typed in */
  tag = tag_new (_("Computed"), "dim-label");
  gtk_widget_set_tooltip_text (tag, _("Computed from the contract’s terms: change the "
                                      "contract to change it"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);

  return row;
}

static GtkWidget *
placeholder_row_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* ---- reading ---- */

static GPtrArray *
collect_entries (KtActivityList *self,
                 GError        **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) derived = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_deadline_item_free);
  g_autoptr(KtDeadlineSettings) settings = NULL;
  g_autoptr(GError) settings_error = NULL;
  gboolean next_price_regulation = FALSE;
  GDate now, from, to;

  activities = kt_store_list_activities (self->store, self->contract->id, error);
  if (activities == NULL)
    return NULL;

  /* The defaults are better than no computed deadlines at all. */
  settings = kt_store_get_deadline_settings (self->store, &settings_error);
  if (settings == NULL)
    g_warning ("Could not read the deadline settings: %s", settings_error->message);

  today (&now);
  for (guint i = 0; i < activities->len; i++)
    {
      const KtActivity *a = g_ptr_array_index (activities, i);
      Entry *entry = g_new0 (Entry, 1);
      gboolean open;
      GDate date;

      /* An open one at its next open occurrence; a closed one where it
       * ended. */
      open = kt_activity_next_open (a, &date);
      if (!open)
        date = kt_activity_is_recurring (a) && g_date_valid (&a->done_through)
               ? a->done_through : a->deadline;

      entry->activity = kt_activity_copy (a);
      entry->item = kt_deadline_item_new_activity (a, self->contract, &date);
      entry->urgency = open ? kt_deadline_item_get_urgency (entry->item, &now) : KT_URGENCY_CLOSED;
      g_ptr_array_add (entries, entry);
    }

  from = now;
  g_date_subtract_years (&from, DERIVED_YEARS_BACK);
  to = now;
  g_date_add_years (&to, DERIVED_YEARS_AHEAD);
  kt_contract_derived_deadlines (self->contract, settings, &now, &from, &to, derived);
  g_ptr_array_sort (derived, kt_deadline_item_compare);

  for (guint i = 0; i < derived->len; i++)
    {
      KtDeadlineItem *item = g_ptr_array_index (derived, i);
      KtUrgency urgency = kt_deadline_item_get_urgency (item, &now);
      Entry *entry;

      if (urgency == KT_URGENCY_PAST || urgency == KT_URGENCY_CLOSED)
        continue;
      if (item->derived_kind == KT_DERIVED_PRICE_REGULATION)
        {
          if (next_price_regulation)
            continue;
          next_price_regulation = TRUE;
        }

      entry = g_new0 (Entry, 1);
      entry->item = kt_deadline_item_copy (item);
      entry->urgency = urgency;
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_entries);

  return g_steal_pointer (&entries);
}

static void
update_header (KtActivityList *self)
{
  gboolean stored = self->contract != NULL && self->contract->id != 0;

  gtk_widget_set_visible (self->add_button, is_writable (self));
  gtk_widget_set_sensitive (self->add_button, stored);
  gtk_widget_set_tooltip_text (self->add_button,
                               stored ? _("Add an Activity to This Contract")
                                      : _("Save the contract first to add activities"));
}

static void
kt_activity_list_dispose (GObject *object)
{
  KtActivityList *self = KT_ACTIVITY_LIST (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->contract, kt_contract_free);

  G_OBJECT_CLASS (kt_activity_list_parent_class)->dispose (object);
}

static void
kt_activity_list_class_init (KtActivityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_activity_list_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kt_activity_list_init (KtActivityList *self)
{
  GtkWidget *content;
  GtkWidget *label;

  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Activities"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Deadlines to keep under this contract. Activities "
                                           "are saved at once; computed deadlines follow the "
                                           "contract as saved."));

  label = gtk_label_new_with_mnemonic (_("_Add"));
  content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_box_append (GTK_BOX (content), label);
  self->add_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->add_button), content);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->add_button);
  /* The mnemonic label would name it just "Add". */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->add_button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Activity"), -1);
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->add_button, "flat");
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);

  update_header (self);
}

GtkWidget *
kt_activity_list_new (void)
{
  return g_object_new (KT_TYPE_ACTIVITY_LIST, NULL);
}

void
kt_activity_list_set_store (KtActivityList *self,
                            KtStore        *store)
{
  g_return_if_fail (KT_IS_ACTIVITY_LIST (self));
  g_return_if_fail (store == NULL || KT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  kt_activity_list_set_contract (self, NULL);
}

void
kt_activity_list_set_contract (KtActivityList   *self,
                               const KtContract *contract)
{
  g_return_if_fail (KT_IS_ACTIVITY_LIST (self));

  g_clear_pointer (&self->contract, kt_contract_free);
  if (contract != NULL)
    self->contract = kt_contract_copy (contract);

  kt_activity_list_reload (self);
}

void
kt_activity_list_reload (KtActivityList *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KT_IS_ACTIVITY_LIST (self));

  clear_rows (self);
  update_header (self);

  if (self->store == NULL || self->contract == NULL)
    return;

  if (self->contract->id == 0)
    {
      add_row (self, placeholder_row_new (_("Save the contract to add activities to it")));
      return;
    }

  entries = collect_entries (self, &error);
  if (entries == NULL)
    {
      add_row (self, placeholder_row_new (error->message));
      return;
    }

  if (entries->len == 0)
    add_row (self, placeholder_row_new (_("No activities or computed deadlines")));

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (entries, i);

      add_row (self, entry->activity != NULL ? activity_row_new (self, entry)
                                             : derived_row_new (entry));
    }
}
