/* kt-history-window.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n.h>

#include "kt-format.h"
#include "kt-history-window.h"
#include "kt-time-stamp.h"

struct _KtHistoryWindow
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkSearchEntry    *search_entry;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkListBox        *list;
  AdwStatusPage     *error_page;

  KtStore           *store;
  char              *entity;
  gint64             entity_id;
  guint              n_entries;
  gboolean           failed;
  guint              restore_id;
  double             restore_scroll;
  char              *restore_focus;
};

G_DEFINE_FINAL_TYPE (KtHistoryWindow, kt_history_window, ADW_TYPE_WINDOW)

/* What a row knows for the search and for finding it again after a reload. */
typedef struct {
  char             *key;       /* "save:<first id>" or "entry:<id>" */
  char             *folded;    /* its words, kt_fold_for_search () */
  gboolean          is_save;
  gboolean          visible;
} RowInfo;

static void
row_info_free (RowInfo *info)
{
  g_free (info->key);
  g_free (info->folded);
  g_free (info);
}

static RowInfo *
row_info (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "kt-history-row");
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static const char *
label_of (const KtAuditEntry *entry)
{
  if (entry->field_label != NULL && *entry->field_label != '\0')
    return entry->field_label;
  return or_empty (entry->field);
}

static const char *
old_of (const KtAuditEntry *entry)
{
  return entry->old_text != NULL ? entry->old_text : or_empty (entry->old_value);
}

static const char *
new_of (const KtAuditEntry *entry)
{
  return entry->new_text != NULL ? entry->new_text : or_empty (entry->new_value);
}

static gboolean
has_subject (const KtAuditEntry *entry)
{
  return entry->subject != NULL && *entry->subject != '\0';
}

/* What an insert, delete or restore was about, for a sentence. */
static const char *
thing_of (const KtAuditEntry *entry)
{
  static const struct {
    const char *entity;
    const char *noun;
  } nouns[] = {
    { "contract", N_("the contract") },
    { "supplier", N_("the supplier") },
    { "activity", N_("the activity") },
    { "person", N_("the person") },
    { "org_unit", N_("the organisational unit") },
  };

  if (has_subject (entry))
    return entry->subject;

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_strcmp0 (entry->entity, nouns[i].entity) == 0)
      return _(nouns[i].noun);

  return _("it");
}

/* “Anna Jensen (aje on pc-123)” when we know the person's name — the
 * writer's, kept in the row since schema 6, or our own — else
 * “aje on pc-123”. */
static char *
who_of (KtHistoryWindow    *self,
        const KtAuditEntry *entry)
{
  const char *name = entry->display_name;
  g_autofree char *where = NULL;

  /* Translators: a login name and a computer, "aje on pc-123" */
  where = g_strdup_printf (_("%s on %s"), or_empty (entry->user), or_empty (entry->host));

  /* Rows older than schema 6 have no name, and a writer without a real
   * name left the login; of those, only our own saves can be named, from
   * who we are now. */
  if ((name == NULL || *name == '\0' || g_strcmp0 (name, entry->user) == 0) &&
      g_strcmp0 (entry->user, kt_store_get_user (self->store)) == 0 &&
      g_strcmp0 (entry->host, kt_store_get_host (self->store)) == 0)
    name = kt_store_get_display_name (self->store);

  if (name != NULL && *name != '\0' && g_strcmp0 (name, entry->user) != 0)
    {
      /* Translators: a person's name and "aje on pc-123" */
      return g_strdup_printf (_("%s (%s)"), name, where);
    }

  return g_steal_pointer (&where);
}

/* The visible line of one change. */
static char *
line_of (const KtAuditEntry *entry)
{
  const char *action = or_empty (entry->action);
  const char *old_text = old_of (entry);
  const char *new_text = new_of (entry);

  if (g_str_equal (action, "update"))
    {
      /* Translators: a field, its value before and after: "Annual operating cost: 100.000,00 kr. → 120.000,00 kr."; — stands for an empty value */
      return g_strdup_printf (_("%s: %s → %s"), label_of (entry),
                              *old_text != '\0' ? old_text : "—",
                              *new_text != '\0' ? new_text : "—");
    }
  if (g_str_equal (action, "insert"))
    return g_strdup (_("Added"));
  if (g_str_equal (action, "delete"))
    return g_strdup (_("Deleted"));
  if (g_str_equal (action, "restore"))
    return g_strdup (_("Brought back after it was deleted"));
  if (g_str_equal (action, "resolve"))
    {
      if (g_strcmp0 (entry->detail, "theirs") == 0)
        /* Translators: %s is a field, "Notes" */
        return g_strdup_printf (_("Conflict with a colleague: kept theirs for %s"), label_of (entry));
      /* Translators: %s is a field, "Notes" */
      return g_strdup_printf (_("Conflict with a colleague: kept mine for %s"), label_of (entry));
    }
  if (g_str_equal (action, "restore_backup"))
    return g_strdup (_("The whole portfolio was restored from a backup"));

  return g_strdup_printf ("%s %s", action, label_of (entry));
}

/* The same change as one sentence for a screen reader: the row is read
 * on its own, so it says when and who too. */
static char *
sentence_of (const KtAuditEntry *entry,
             const char         *when,
             const char         *who)
{
  const char *action = or_empty (entry->action);
  const char *old_text = old_of (entry);
  const char *new_text = new_of (entry);
  g_autofree char *field = NULL;

  if (has_subject (entry))
    /* Translators: a field and what it belongs to, "Deadline (Activity: Price regulation 2027)" */
    field = g_strdup_printf (_("%s (%s)"), label_of (entry), entry->subject);
  else
    field = g_strdup (label_of (entry));

  if (g_str_equal (action, "update") && *old_text == '\0')
    /* Translators: when, who, a field and its new value */
    return g_strdup_printf (_("On %s, %s set %s to “%s”."), when, who, field, new_text);
  if (g_str_equal (action, "update") && *new_text == '\0')
    /* Translators: when, who, a field and the value it had */
    return g_strdup_printf (_("On %s, %s cleared %s, which was “%s”."), when, who, field, old_text);
  if (g_str_equal (action, "update"))
    /* Translators: when, who, a field, its value before and after */
    return g_strdup_printf (_("On %s, %s changed %s from “%s” to “%s”."),
                            when, who, field, old_text, new_text);
  if (g_str_equal (action, "insert"))
    /* Translators: when, who and "the contract" or "Activity: Price regulation 2027" */
    return g_strdup_printf (_("On %s, %s added %s."), when, who, thing_of (entry));
  if (g_str_equal (action, "delete"))
    /* Translators: when, who and "the contract" or "Activity: Price regulation 2027" */
    return g_strdup_printf (_("On %s, %s deleted %s."), when, who, thing_of (entry));
  if (g_str_equal (action, "restore"))
    /* Translators: when, who and "the contract" or "Activity: Price regulation 2027" */
    return g_strdup_printf (_("On %s, %s brought back %s after it was deleted."),
                            when, who, thing_of (entry));
  if (g_str_equal (action, "resolve") && g_strcmp0 (entry->detail, "theirs") == 0)
    /* Translators: when, who and a field */
    return g_strdup_printf (_("On %s, %s resolved a conflict with a colleague by keeping "
                              "the colleague’s version of %s."), when, who, field);
  if (g_str_equal (action, "resolve"))
    /* Translators: when, who and a field */
    return g_strdup_printf (_("On %s, %s resolved a conflict with a colleague by keeping "
                              "their own version of %s."), when, who, field);
  if (g_str_equal (action, "restore_backup"))
    /* Translators: when and who */
    return g_strdup_printf (_("On %s, %s restored the whole portfolio from a backup."), when, who);

  return g_strdup_printf ("%s, %s: %s %s", when, who, action, field);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
row_new (GtkWidget  *child,
         const char *sentence,
         RowInfo    *info)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_top (child, info->is_save ? 12 : 8);
  gtk_widget_set_margin_bottom (child, info->is_save ? 6 : 8);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sentence,
                                  -1);
  if (info->is_save)
    gtk_widget_add_css_class (row, "history-save");

  info->visible = TRUE;
  g_object_set_data_full (G_OBJECT (row), "kt-history-row", info, (GDestroyNotify) row_info_free);

  return row;
}

static GtkWidget *
save_row_new (const KtAuditEntry *first,
              const char         *when,
              const char         *who,
              guint               n_changes)
{
  g_autofree char *title = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *words = NULL;
  RowInfo *info = g_new0 (RowInfo, 1);

  /* Translators: a date and time and who saved, "27.11.2026 14:32 — Anna Jensen (aje on pc-123)" */
  title = g_strdup_printf (_("%s — %s"), when, who);
  sentence = g_strdup_printf (ngettext ("Saved on %s by %s, %u change.",
                                        "Saved on %s by %s, %u changes.", n_changes),
                              when, who, n_changes);

  words = g_strjoin ("\n", when, who, NULL);
  info->key = g_strdup_printf ("save:%" G_GINT64_FORMAT, first->id);
  info->folded = kt_fold_for_search (words);
  info->is_save = TRUE;

  return row_new (label_new (title, "heading"), sentence, info);
}

static GtkWidget *
change_row_new (const KtAuditEntry *entry,
                const char         *when,
                const char         *who)
{
  g_autofree char *line = line_of (entry);
  g_autofree char *sentence = sentence_of (entry, when, who);
  g_autofree char *words = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  RowInfo *info = g_new0 (RowInfo, 1);

  if (has_subject (entry))
    gtk_box_append (GTK_BOX (box), label_new (entry->subject, "caption"));
  gtk_box_append (GTK_BOX (box), label_new (line, NULL));
  if (has_subject (entry))
    gtk_widget_add_css_class (gtk_widget_get_first_child (box), "dim-label");

  words = g_strjoin ("\n", line, or_empty (entry->subject), label_of (entry),
                     old_of (entry), new_of (entry), NULL);
  info->key = g_strdup_printf ("entry:%" G_GINT64_FORMAT, entry->id);
  info->folded = kt_fold_for_search (words);

  return row_new (box, sentence, info);
}

/* One save is the entries of one person on one computer in one minute:
 * the audit trail stamps each row to the second, and a save that crosses
 * a second must not read as two. */
static gboolean
same_save (const KtAuditEntry *a,
           const KtAuditEntry *b)
{
  return g_strcmp0 (a->user, b->user) == 0 &&
         g_strcmp0 (a->host, b->host) == 0 &&
         a->at != NULL && b->at != NULL &&
         strlen (a->at) >= 16 && strncmp (a->at, b->at, 16) == 0;
}

static void
fill (KtHistoryWindow *self,
      GPtrArray       *entries)
{
  for (guint i = 0; i < entries->len;)
    {
      const KtAuditEntry *first = g_ptr_array_index (entries, i);
      g_autofree char *when = kt_time_stamp_format (or_empty (first->at));
      g_autofree char *who = who_of (self, first);
      guint end = i + 1;

      while (end < entries->len && same_save (first, g_ptr_array_index (entries, end)))
        end++;

      gtk_list_box_append (self->list, save_row_new (first, when, who, end - i));
      for (; i < end; i++)
        gtk_list_box_append (self->list, change_row_new (g_ptr_array_index (entries, i), when, who));
    }
}

static void
apply_search (KtHistoryWindow *self)
{
  g_autofree char *needle = kt_fold_for_search (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  RowInfo *save = NULL;
  gboolean save_matches = FALSE;
  guint shown = 0;

  /* A person or a time shows the whole save; a field or a value shows the
   * lines that have it, under their save. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RowInfo *info;

      if (!GTK_IS_LIST_BOX_ROW (child) || (info = row_info (GTK_LIST_BOX_ROW (child))) == NULL)
        continue;

      if (info->is_save)
        {
          save = info;
          save_matches = *needle == '\0' || strstr (info->folded, needle) != NULL;
          save->visible = save_matches;
          continue;
        }

      info->visible = save_matches || strstr (info->folded, needle) != NULL;
      if (info->visible && save != NULL)
        save->visible = TRUE;
      if (info->visible)
        shown++;
    }

  gtk_list_box_invalidate_filter (self->list);

  if (self->failed)
    gtk_stack_set_visible_child_name (self->stack, "error");
  else if (self->n_entries == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  RowInfo *info = row_info (row);

  return info == NULL || info->visible;
}

static gboolean
restore_view_cb (gpointer user_data)
{
  KtHistoryWindow *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->restore_id = 0;
  gtk_adjustment_set_value (adjustment, self->restore_scroll);

  if (self->restore_focus != NULL)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          RowInfo *info = GTK_IS_LIST_BOX_ROW (child) ? row_info (GTK_LIST_BOX_ROW (child)) : NULL;

          if (info != NULL && g_str_equal (info->key, self->restore_focus) && info->visible)
            {
              gtk_widget_grab_focus (child);
              break;
            }
        }
      g_clear_pointer (&self->restore_focus, g_free);
    }

  return G_SOURCE_REMOVE;
}

static void
search_changed_cb (KtHistoryWindow *self)
{
  apply_search (self);
}

static void
stop_search_cb (KtHistoryWindow *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  KtHistoryWindow *self = KT_HISTORY_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
kt_history_window_dispose (GObject *object)
{
  KtHistoryWindow *self = KT_HISTORY_WINDOW (object);

  g_clear_handle_id (&self->restore_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_HISTORY_WINDOW);

  G_OBJECT_CLASS (kt_history_window_parent_class)->dispose (object);
}

static void
kt_history_window_finalize (GObject *object)
{
  KtHistoryWindow *self = KT_HISTORY_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->restore_focus, g_free);

  G_OBJECT_CLASS (kt_history_window_parent_class)->finalize (object);
}

static void
kt_history_window_class_init (KtHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_history_window_dispose;
  object_class->finalize = kt_history_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KtHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KtHistoryWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KtHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KtHistoryWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, KtHistoryWindow, list);
  gtk_widget_class_bind_template_child (widget_class, KtHistoryWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_cb, NULL);
}

static void
kt_history_window_init (KtHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->list, filter_func, NULL, NULL);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

KtHistoryWindow *
kt_history_window_new (GtkWindow  *parent,
                       KtStore    *store,
                       const char *entity,
                       gint64      entity_id,
                       const char *title)
{
  KtHistoryWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KT_IS_STORE (store), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  self = g_object_new (KT_TYPE_HISTORY_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->entity = g_strdup (entity);
  self->entity_id = entity_id;

  if (title != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_title (self->window_title, title);
    }

  kt_history_window_reload (self);
  return self;
}

void
kt_history_window_reload (KtHistoryWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *focus;
  GtkWidget *child;

  g_return_if_fail (KT_IS_HISTORY_WINDOW (self));

  /* A colleague's save arrives while someone reads: keep their place. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  g_clear_pointer (&self->restore_focus, g_free);
  if (focus != NULL)
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
      RowInfo *info = row != NULL ? row_info (GTK_LIST_BOX_ROW (row)) : NULL;

      if (info != NULL)
        self->restore_focus = g_strdup (info->key);
    }
  self->restore_scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  entries = kt_store_list_history (self->store, self->entity, self->entity_id, &error);
  self->failed = entries == NULL;
  self->n_entries = entries != NULL ? entries->len : 0;

  if (entries == NULL)
    adw_status_page_set_description (self->error_page, error != NULL ? error->message : NULL);
  else
    fill (self, entries);

  apply_search (self);

  /* After the new rows have their size */
  g_clear_handle_id (&self->restore_id, g_source_remove);
  if (self->restore_scroll > 0 || self->restore_focus != NULL)
    self->restore_id = g_idle_add_full (G_PRIORITY_LOW, restore_view_cb, self, NULL);
}
