/* kt-search-view.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-list-refresh.h"
#include "kt-search-hit-row.h"
#include "kt-search-view-private.h"

/* The worker's connection to the portfolio, opened read-only by the first
 * search and kept (opening runs a quick check of the file). Shared by
 * reference between the view and its running search; the lock keeps it to
 * one thread at a time. */
typedef struct {
  GMutex   lock;
  char    *path;
  KtStore *store;
} Searcher;

static void
searcher_clear (Searcher *searcher)
{
  g_mutex_clear (&searcher->lock);
  g_free (searcher->path);
  g_clear_object (&searcher->store);
}

static Searcher *
searcher_new (const char *path)
{
  Searcher *searcher = g_atomic_rc_box_new0 (Searcher);

  g_mutex_init (&searcher->lock);
  searcher->path = g_strdup (path);
  return searcher;
}

static void
searcher_unref (Searcher *searcher)
{
  g_atomic_rc_box_release_full (searcher, (GDestroyNotify) searcher_clear);
}

typedef struct {
  Searcher *searcher;
  char     *query;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->searcher, searcher_unref);
  g_free (job->query);
  g_free (job);
}

struct _KtSearchView
{
  GtkWidget          parent_instance;

  /* Template */
  GtkSearchEntry    *entry;
  GtkWidget         *status_box;
  GtkLabel          *status_label;
  GtkProgressBar    *progress;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkListBox        *list;

  KtStore           *store;
  Searcher          *searcher;
  KtDocumentIndexer *indexer;
  GCancellable      *cancellable;   /* cancelled on dispose */
  char              *searched;      /* the text of the last search started */
  char              *shown;         /* the query whose hits are shown, or NULL */
  GStrv              words;         /* the words of the hits shown */
  gboolean           running;
  gboolean           again;         /* search again when the running one ends */
};

G_DEFINE_FINAL_TYPE (KtSearchView, kt_search_view, GTK_TYPE_WIDGET)

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  Searcher *searcher = job->searcher;
  GPtrArray *hits = NULL;
  GError *error = NULL;

  g_mutex_lock (&searcher->lock);
  if (searcher->store == NULL)
    searcher->store = kt_store_open (searcher->path, KT_STORE_OPEN_READ_ONLY, &error);
  if (searcher->store != NULL)
    hits = kt_store_search (searcher->store, job->query, 0, &error);
  g_mutex_unlock (&searcher->lock);

  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

static void
clear_list (KtSearchView *self)
{
  GtkWidget *child;

  /* gtk_list_box_remove_all () is GTK 4.12 */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void fill_list (KtSearchView *self,
                       const char   *query,
                       GPtrArray    *hits);

/* The same query again (a colleague saved, the indexer finished): the
 * rows change only if the hits did, and the focused hit and the scroll
 * position stay. */
static void
update_hits (KtSearchView *self,
             const char   *query,
             GPtrArray    *hits)
{
  GtkListBoxRow *focused = kt_search_list_get_focused_row (self->list);
  g_autoptr(KtSearchHit) focused_hit = NULL;
  KtListRefresh state;
  guint index = 0;

  if (hits->len > 0 && kt_search_list_shows (self->list, hits) &&
      g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    return;

  if (focused != NULL)
    {
      focused_hit = kt_search_hit_copy (kt_search_hit_row_get_hit (KT_SEARCH_HIT_ROW (focused)));
      index = gtk_list_box_row_get_index (focused);
    }
  kt_list_refresh_begin (&state, GTK_WIDGET (self), GTK_WIDGET (self->list), GTK_WIDGET (self->entry));

  fill_list (self, query, hits);

  if (focused_hit != NULL && hits->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (kt_search_list_find (self->list, focused_hit, index)));

  kt_list_refresh_end (&state);
}

static void
show_hits (KtSearchView *self,
           const char   *query,
           GPtrArray    *hits)
{
  if (g_strcmp0 (query, self->shown) == 0)
    update_hits (self, query, hits);
  else
    fill_list (self, query, hits);
}

static void
fill_list (KtSearchView *self,
           const char   *query,
           GPtrArray    *hits)
{
  clear_list (self);
  g_free (self->shown);
  self->shown = g_strdup (query);
  g_clear_pointer (&self->words, g_strfreev);
  self->words = kt_search_query_words (query);

  if (hits->len == 0)
    {
      g_autofree char *description = NULL;

      /* Translators: %s is what was searched for */
      description = g_strdup_printf (_("Nothing in the contracts or their documents matches “%s”."),
                                     query);
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->list, kt_search_hit_row_new (g_ptr_array_index (hits, i)));
  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
show_error (KtSearchView *self,
            const char   *message)
{
  clear_list (self);
  g_clear_pointer (&self->shown, g_free);
  adw_status_page_set_title (self->empty_page, _("Search Failed"));
  adw_status_page_set_description (self->empty_page, message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void start_search (KtSearchView *self);

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  KtSearchView *self = KT_SEARCH_VIEW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = g_task_propagate_pointer (G_TASK (result), &error);
  /* Disposed */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  self->running = FALSE;
  /* Only the latest query counts: typed on, or another portfolio */
  if (self->again || job->searcher != self->searcher ||
      g_strcmp0 (job->query, self->searched) != 0)
    {
      self->again = FALSE;
      start_search (self);
      return;
    }

  /* The hits shown stay while a colleague's save holds the file for a
   * moment: the next refresh searches again */
  if (hits == NULL && kt_list_refresh_should_skip (error) && g_strcmp0 (job->query, self->shown) == 0)
    return;
  if (hits == NULL)
    show_error (self, error->message);
  else
    show_hits (self, job->query, hits);
}

static char *
entry_query (KtSearchView *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}

/* Searches for the entry's text, or, while a search runs, once it ends. */
static void
start_search (KtSearchView *self)
{
  g_autofree char *query = entry_query (self);
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_free (self->searched);
  self->searched = g_strdup (query);

  if (*query == '\0' || self->searcher == NULL)
    {
      clear_list (self);
      g_clear_pointer (&self->shown, g_free);
      gtk_stack_set_visible_child_name (self->stack, "start");
      return;
    }
  if (self->running)
    {
      self->again = TRUE;
      return;
    }

  job = g_new0 (Job, 1);
  job->searcher = g_atomic_rc_box_acquire (self->searcher);
  job->query = g_steal_pointer (&query);

  self->running = TRUE;
  task = g_task_new (self, self->cancellable, search_done_cb, NULL);
  g_task_set_source_tag (task, start_search);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, search_thread);
}

/* ---- callbacks ---- */

static void
search_changed_cb (KtSearchView *self)
{
  g_autofree char *query = entry_query (self);

  /* set_text searched at once already */
  if (g_strcmp0 (query, self->searched) != 0)
    start_search (self);
}

static KtSearchHitRow *
first_row (KtSearchView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, 0);

  if (row == NULL || !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "results"))
    return NULL;
  return KT_SEARCH_HIT_ROW (row);
}

static void
row_activated_cb (KtSearchView  *self,
                  GtkListBoxRow *row)
{
  const KtSearchHit *hit = kt_search_hit_row_get_hit (KT_SEARCH_HIT_ROW (row));
  g_auto(GStrv) words = g_strdupv (self->words);

  g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit, words);
}

/* Enter in the entry opens the best hit */
static void
entry_activate_cb (KtSearchView *self)
{
  KtSearchHitRow *row = first_row (self);

  if (row != NULL)
    row_activated_cb (self, GTK_LIST_BOX_ROW (row));
}

static void
stop_search_cb (KtSearchView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  start_search (self);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      KtSearchView          *self)
{
  KtSearchHitRow *row;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  row = first_row (self);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

/* Up from the first hit goes back to the entry */
static gboolean
list_keynav_failed_cb (KtSearchView     *self,
                       GtkDirectionType  direction)
{
  if (direction != GTK_DIR_UP)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return TRUE;
}

static void
indexer_notify_cb (KtSearchView *self)
{
  gboolean busy = self->indexer != NULL && kt_document_indexer_get_busy (self->indexer);
  const char *status = self->indexer != NULL ? kt_document_indexer_get_status (self->indexer) : NULL;

  gtk_widget_set_visible (self->status_box, busy);
  gtk_label_set_text (self->status_label, status != NULL ? status : "");
  gtk_progress_bar_set_fraction (self->progress,
                                 busy ? kt_document_indexer_get_fraction (self->indexer) : 0.0);
}

static void
indexer_finished_cb (KtSearchView *self)
{
  indexer_notify_cb (self);
  /* The new text may hold more hits */
  if (self->searched != NULL && *self->searched != '\0')
    {
      if (self->running)
        self->again = TRUE;
      else
        start_search (self);
    }
}

/* ---- GObject ---- */

static void
kt_search_view_map (GtkWidget *widget)
{
  KtSearchView *self = KT_SEARCH_VIEW (widget);

  GTK_WIDGET_CLASS (kt_search_view_parent_class)->map (widget);

  /* Colleagues may have changed the portfolio since */
  if (self->searched != NULL && *self->searched != '\0' && !self->running)
    start_search (self);
}

static void
kt_search_view_dispose (GObject *object)
{
  KtSearchView *self = KT_SEARCH_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->indexer != NULL)
    g_signal_handlers_disconnect_by_data (self->indexer, self);
  g_clear_object (&self->indexer);
  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_SEARCH_VIEW);
  /* The clamp around the entry and the stack are not bound */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->searcher, searcher_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->searched, g_free);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->words, g_strfreev);

  G_OBJECT_CLASS (kt_search_view_parent_class)->dispose (object);
}

static void
kt_search_view_class_init (KtSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_search_view_dispose;
  widget_class->map = kt_search_view_map;

  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, KT_TYPE_SEARCH_HIT, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KtSearchView, entry);
  gtk_widget_class_bind_template_child (widget_class, KtSearchView, status_box);
  gtk_widget_class_bind_template_child (widget_class, KtSearchView, status_label);
  gtk_widget_class_bind_template_child (widget_class, KtSearchView, progress);
  gtk_widget_class_bind_template_child (widget_class, KtSearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, KtSearchView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KtSearchView, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_keynav_failed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ktsearchview");
}

static void
kt_search_view_init (KtSearchView *self)
{
  GtkEventController *keys;

  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  /* Before the entry's text moves its cursor */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  /* Typing in the list goes on in the entry */
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self));
}

GtkWidget *
kt_search_view_new (void)
{
  return g_object_new (KT_TYPE_SEARCH_VIEW, NULL);
}

void
kt_search_view_set_store (KtSearchView *self,
                          KtStore      *store)
{
  g_return_if_fail (KT_IS_SEARCH_VIEW (self));
  g_return_if_fail (store == NULL || KT_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* Its path only: the store itself is the main thread's */
  g_clear_pointer (&self->searcher, searcher_unref);
  g_clear_pointer (&self->shown, g_free);
  if (store != NULL)
    self->searcher = searcher_new (kt_store_get_path (store));
  start_search (self);
}

void
kt_search_view_set_indexer (KtSearchView      *self,
                            KtDocumentIndexer *indexer)
{
  g_return_if_fail (KT_IS_SEARCH_VIEW (self));
  g_return_if_fail (indexer == NULL || KT_IS_DOCUMENT_INDEXER (indexer));

  if (self->indexer == indexer)
    return;

  if (self->indexer != NULL)
    g_signal_handlers_disconnect_by_data (self->indexer, self);
  g_set_object (&self->indexer, indexer);
  if (indexer != NULL)
    {
      g_signal_connect_swapped (indexer, "notify::busy", G_CALLBACK (indexer_notify_cb), self);
      g_signal_connect_swapped (indexer, "notify::status", G_CALLBACK (indexer_notify_cb), self);
      g_signal_connect_swapped (indexer, "notify::fraction", G_CALLBACK (indexer_notify_cb), self);
      g_signal_connect_swapped (indexer, "finished", G_CALLBACK (indexer_finished_cb), self);
    }
  indexer_notify_cb (self);
}

void
kt_search_view_set_text (KtSearchView *self,
                         const char   *text)
{
  g_return_if_fail (KT_IS_SEARCH_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  /* At once, not after the entry's typing delay */
  start_search (self);
}

void
kt_search_view_focus_entry (KtSearchView *self)
{
  g_return_if_fail (KT_IS_SEARCH_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

void
kt_search_view_refresh (KtSearchView *self)
{
  g_return_if_fail (KT_IS_SEARCH_VIEW (self));

  /* Nothing searched, nothing to show again; when hidden, showing it
   * searches again (map) */
  if (self->searched == NULL || *self->searched == '\0' ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (self->running)
    self->again = TRUE;
  else
    start_search (self);
}
