/* kt-activity-list.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-activity-editor.h"
#include "kt-activity-list.h"
#include "kt-activity-row.h"
#include "kt-deadlines.h"
#include "kt-dialogs.h"
#include "kt-undo-toast.h"
#include "kt-write-retry.h"

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

/* ---- writes ----
 *
 * Through kt_write_run (): a colleague's lock is waited for from the main
 * loop, a file that went away is said so with a retry. */

typedef enum {
  WRITE_DONE,
  WRITE_DELETE,
  WRITE_REOPEN,     /* undo of a mark done */
  WRITE_RESTORE,    /* undo of a delete */
} WriteKind;

typedef struct {
  KtActivityList *list;
  KtStore        *store;
  WriteKind       kind;
  gint64          id;
  gint64          version;
} Write;

static void start_write (KtActivityList *self,
                         KtStore        *store,
                         WriteKind       kind,
                         gint64          id,
                         gint64          version);

static void
write_free (Write *write)
{
  g_clear_object (&write->list);
  g_clear_object (&write->store);
  g_free (write);
}

static void
undo_cb (gpointer data)
{
  Write *undo = data;

  start_write (undo->list, undo->store, undo->kind, undo->id, 0);
}

static void
offer_undo (KtActivityList *self,
            const char     *message,
            gint64          id,
            WriteKind       kind)
{
  Write *undo = g_new0 (Write, 1);

  undo->list = g_object_ref (self);
  undo->store = g_object_ref (self->store);
  undo->id = id;
  undo->kind = kind;
  kt_undo_toast_show (GTK_WIDGET (self), message, undo_cb, undo, (GDestroyNotify) write_free);
}

static gboolean
write_cb (gpointer   data,
          GError   **error)
{
  Write *write = data;

  switch (write->kind)
    {
    case WRITE_DONE:
      return kt_store_mark_activity_done (write->store, write->id, write->version,
                                          NULL, NULL, error);
    case WRITE_DELETE:
      return kt_store_delete_activity (write->store, write->id, write->version, error);
    case WRITE_REOPEN:
      {
        /* Undo reopens the activity as it is now. */
        g_autoptr(KtActivity) current = kt_store_get_activity (write->store, write->id, error);

        return current != NULL &&
               kt_store_reopen_activity (write->store, write->id, current->version, error);
      }
    case WRITE_RESTORE:
      return kt_store_restore_activity (write->store, write->id, error);
    default:
      g_assert_not_reached ();
    }
}

static const char *
write_failed_heading (WriteKind kind)
{
  switch (kind)
    {
    case WRITE_DONE:
      return _("The Activity Could Not Be Marked Done");
    case WRITE_DELETE:
      return _("The Activity Could Not Be Deleted");
    case WRITE_REOPEN:
    case WRITE_RESTORE:
    default:
      return _("Could Not Undo");
    }
}

static void
write_done_cb (gpointer      data,
               const GError *error)
{
  Write *write = data;
  KtActivityList *self = write->list;

  /* Also after a failure: a conflict means the row is stale, and the
   * colleague's version is what the user should see. */
  if (self->store == write->store)
    kt_activity_list_refresh (self, NULL);

  if (error != NULL)
    {
      if (!kt_write_error_was_shown (error))
        kt_dialog_show_error (GTK_WIDGET (self), write_failed_heading (write->kind),
                              error->message);
      return;
    }

  if (write->kind == WRITE_DONE)
    offer_undo (self, _("Activity marked done"), write->id, WRITE_REOPEN);
  else if (write->kind == WRITE_DELETE)
    {
      gtk_widget_grab_focus (self->add_button);
      offer_undo (self, _("Activity deleted"), write->id, WRITE_RESTORE);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
start_write (KtActivityList *self,
             KtStore        *store,
             WriteKind       kind,
             gint64          id,
             gint64          version)
{
  Write *write = g_new0 (Write, 1);

  write->list = g_object_ref (self);
  write->store = g_object_ref (store);
  write->kind = kind;
  write->id = id;
  write->version = version;

  /* FALSE: a write of this list still waits for the file; this click
   * would only queue behind it. */
  if (!kt_write_run (GTK_WIDGET (self), write_cb, write_done_cb, write,
                     (GDestroyNotify) write_free))
    write_free (write);
}

/* ---- row actions ---- */

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

static void
add_clicked_cb (KtActivityList *self)
{
  open_editor (self, NULL);
}

static void
edit_clicked_cb (KtActivityList *self,
                 GtkWidget      *button)
{
  open_editor (self, kt_activity_row_get_activity (button));
}

static void
row_activated_cb (KtActivityList *self,
                  GtkWidget      *row)
{
  const KtActivity *activity = kt_activity_row_get_activity (row);

  if (activity != NULL)
    open_editor (self, activity);
}

static void
done_clicked_cb (KtActivityList *self,
                 GtkWidget      *button)
{
  const KtActivity *activity = kt_activity_row_get_activity (button);

  if (activity == NULL || !is_writable (self))
    return;

  start_write (self, self->store, WRITE_DONE, activity->id, activity->version);
}

static void
delete_clicked_cb (KtActivityList *self,
                   GtkWidget      *button)
{
  const KtActivity *activity = kt_activity_row_get_activity (button);

  if (activity == NULL || !is_writable (self))
    return;

  start_write (self, self->store, WRITE_DELETE, activity->id, activity->version);
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
  const KtActivityRowActions actions = {
    G_CALLBACK (done_clicked_cb), G_CALLBACK (edit_clicked_cb),
    G_CALLBACK (delete_clicked_cb), G_CALLBACK (row_activated_cb), self,
  };

  g_return_if_fail (KT_IS_ACTIVITY_LIST (self));

  clear_rows (self);
  update_header (self);

  if (self->store == NULL || self->contract == NULL)
    return;

  if (self->contract->id == 0)
    {
      add_row (self, kt_activity_row_new_placeholder (_("Save the contract to add activities to it")));
      return;
    }

  entries = collect_entries (self, &error);
  if (entries == NULL)
    {
      add_row (self, kt_activity_row_new_placeholder (error->message));
      return;
    }

  if (entries->len == 0)
    add_row (self, kt_activity_row_new_placeholder (_("No activities or computed deadlines")));

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (entries, i);

      if (entry->activity != NULL)
        add_row (self, kt_activity_row_new (entry->activity, entry->item, entry->urgency,
                                            is_writable (self), &actions));
      else
        add_row (self, kt_activity_row_new_derived (entry->item, entry->urgency));
    }
}

void
kt_activity_list_refresh (KtActivityList   *self,
                          const KtContract *contract)
{
  GtkRoot *root;
  GtkWidget *focus;
  gint64 focus_id = 0;
  KtDerivedKind focus_kind = 0;
  gboolean had_focus = FALSE;

  g_return_if_fail (KT_IS_ACTIVITY_LIST (self));

  /* The focused row is the list's selection: find it again by what it
   * shows, since the rows are made anew. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  for (guint i = 0; focus != NULL && i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      const KtActivity *activity;

      if (focus != row && !gtk_widget_is_ancestor (focus, row))
        continue;

      activity = kt_activity_row_get_activity (row);
      if (activity != NULL)
        {
          focus_id = activity->id;
          had_focus = TRUE;
        }
      else
        had_focus = kt_activity_row_get_derived_kind (row, &focus_kind);
      break;
    }

  if (contract != NULL && self->contract != NULL && contract->id == self->contract->id)
    {
      g_clear_pointer (&self->contract, kt_contract_free);
      self->contract = kt_contract_copy (contract);
    }

  kt_activity_list_reload (self);

  if (had_focus && !kt_activity_list_focus_deadline (self, focus_id, focus_kind))
    gtk_widget_grab_focus (self->add_button);
}

gboolean
kt_activity_list_focus_deadline (KtActivityList *self,
                                 gint64          activity_id,
                                 KtDerivedKind   derived_kind)
{
  g_return_val_if_fail (KT_IS_ACTIVITY_LIST (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (kt_activity_row_shows (row, activity_id, derived_kind))
        return gtk_widget_grab_focus (row);
    }

  return FALSE;
}
