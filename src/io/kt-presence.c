/* kt-presence.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kt-presence-private.h"

struct _KtPresence
{
  GObject       parent_instance;

  char         *dir;
  char         *user;
  char         *display_name;
  char         *host;
  gint64        pid;

  guint         heartbeat_ms;
  guint         expiry_ms;
  guint         scan_ms;

  gboolean      started;
  char         *record_name;
  char         *record_path;
  char         *record_text;
  GMainContext *context;
  GSource      *heartbeat_source;
  GSource      *scan_source;
  GCancellable *cancellable;
  GPtrArray    *others;

  /* One job at a time: what is asked for meanwhile waits for it. */
  gboolean      busy;
  guint         pending;
  /* Monotonic time just after our record was last written, so that the
   * file server's "now" is our record's mtime plus the time since. */
  gint64        written_mono;

  /* Held by the worker while it writes our record: once stop has removed
   * the record, a late heartbeat must not put it back. */
  GMutex        record_lock;
  gboolean      stopped;
};

G_DEFINE_FINAL_TYPE (KtPresence, kt_presence, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
kt_session_free (KtSession *session)
{
  if (session == NULL)
    return;

  g_free (session->user);
  g_free (session->display_name);
  g_free (session->host);
  g_clear_pointer (&session->since, g_date_time_unref);
  g_free (session);
}

KtSession *
kt_session_copy (const KtSession *session)
{
  KtSession *copy;

  g_return_val_if_fail (session != NULL, NULL);

  copy = g_new0 (KtSession, 1);
  copy->user = g_strdup (session->user);
  copy->display_name = g_strdup (session->display_name);
  copy->host = g_strdup (session->host);
  copy->pid = session->pid;
  copy->since = session->since != NULL ? g_date_time_ref (session->since) : NULL;

  return copy;
}

/* g_set_str () is GLib 2.76 */
static void
replace_str (char       **target,
             const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*target);
  *target = copy;
}

/* ---- the worker thread ---- */

static void
write_record (KtPresence    *self,
              KtPresenceJob *job)
{
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&self->record_lock);

  if (!self->stopped)
    {
      if (kt_presence_job_write (job, &error))
        job->written_mono = g_get_monotonic_time ();
      else
        g_debug ("Presence: cannot write our record: %s", error->message);
    }

  g_mutex_unlock (&self->record_lock);
}

static void
job_run (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  KtPresence *self = source_object;
  KtPresenceJob *job = task_data;

  if (job->what & KT_PRESENCE_JOB_WRITE)
    write_record (self, job);

  if ((job->what & KT_PRESENCE_JOB_SCAN) && !g_cancellable_is_cancelled (cancellable))
    g_task_return_pointer (task, kt_presence_job_scan (job), (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_pointer (task, NULL, NULL);
}

/* ---- the main context ---- */

static gboolean
sessions_equal (const KtSession *a,
                const KtSession *b)
{
  return g_strcmp0 (a->user, b->user) == 0 &&
         g_strcmp0 (a->display_name, b->display_name) == 0 &&
         g_strcmp0 (a->host, b->host) == 0 &&
         a->pid == b->pid &&
         g_date_time_equal (a->since, b->since);
}

static gboolean
lists_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (!sessions_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

static void
set_others (KtPresence *self,
            GPtrArray  *others)
{
  if (lists_equal (self->others, others))
    return;

  g_ptr_array_unref (self->others);
  self->others = g_ptr_array_ref (others);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void run_pending (KtPresence *self);

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  KtPresence *self = KT_PRESENCE (source);
  GTask *task = G_TASK (result);
  KtPresenceJob *job = g_task_get_task_data (task);
  g_autoptr(GPtrArray) others = g_task_propagate_pointer (task, NULL);

  self->busy = FALSE;

  /* A job of a session that was stopped meanwhile says nothing. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      run_pending (self);
      return;
    }

  self->written_mono = job->written_mono;
  if (others != NULL)
    set_others (self, others);

  run_pending (self);
}

static void
run_pending (KtPresence *self)
{
  g_autoptr(GTask) task = NULL;
  KtPresenceJob *job;

  if (!self->started || self->busy || self->pending == 0)
    return;

  job = g_new0 (KtPresenceJob, 1);
  job->what = self->pending;
  job->dir = g_strdup (self->dir);
  job->record_name = g_strdup (self->record_name);
  job->record_path = g_strdup (self->record_path);
  job->record_text = g_strdup (self->record_text);
  job->host = g_strdup (self->host);
  job->expiry_us = (gint64) self->expiry_ms * 1000;
  job->written_mono = self->written_mono;

  self->pending = 0;
  self->busy = TRUE;

  /* The result comes back to the context kt_presence_start () ran in. */
  g_main_context_push_thread_default (self->context);
  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_main_context_pop_thread_default (self->context);

  g_task_set_source_tag (task, run_pending);
  g_task_set_task_data (task, job, (GDestroyNotify) kt_presence_job_free);
  g_task_run_in_thread (task, job_run);
}

static void
queue_job (KtPresence *self,
           guint       what)
{
  self->pending |= what;
  run_pending (self);
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  queue_job (KT_PRESENCE (user_data), KT_PRESENCE_JOB_WRITE);
  return G_SOURCE_CONTINUE;
}

static gboolean
scan_cb (gpointer user_data)
{
  queue_job (KT_PRESENCE (user_data), KT_PRESENCE_JOB_SCAN);
  return G_SOURCE_CONTINUE;
}

static GSource *
add_timer (KtPresence  *self,
           guint        interval_ms,
           GSourceFunc  callback)
{
  GSource *source = g_timeout_source_new (interval_ms);

  /* The source never outlives the object: stop destroys it. */
  g_source_set_callback (source, callback, self, NULL);
  g_source_set_static_name (source, "[kontrakter] presence");
  g_source_attach (source, self->context);

  return source;
}

static void
clear_timer (GSource **source)
{
  if (*source == NULL)
    return;

  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static void
kt_presence_finalize (GObject *object)
{
  KtPresence *self = (KtPresence *) object;

  kt_presence_stop (self);

  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->record_name, g_free);
  g_clear_pointer (&self->record_path, g_free);
  g_clear_pointer (&self->record_text, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->others, g_ptr_array_unref);
  g_mutex_clear (&self->record_lock);

  G_OBJECT_CLASS (kt_presence_parent_class)->finalize (object);
}

static void
kt_presence_class_init (KtPresenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kt_presence_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
kt_presence_init (KtPresence *self)
{
  g_mutex_init (&self->record_lock);
  self->heartbeat_ms = 30000;
  self->expiry_ms = 180000;
  self->scan_ms = 5000;
  self->others = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_session_free);
  self->user = g_strdup (g_get_user_name ());
  self->display_name = g_strdup (g_get_real_name ());
  self->host = g_strdup (g_get_host_name ());
  self->pid = getpid ();

  /* g_get_real_name () says "Unknown" when the account has no full name. */
  if (g_strcmp0 (self->display_name, "Unknown") == 0 || *self->display_name == '\0')
    replace_str (&self->display_name, self->user);
}

KtPresence *
kt_presence_new (const char *portfolio_path)
{
  KtPresence *self;

  g_return_val_if_fail (portfolio_path != NULL, NULL);

  self = g_object_new (KT_TYPE_PRESENCE, NULL);
  self->dir = kt_presence_sessions_dir (portfolio_path);

  return self;
}

void
kt_presence_set_identity (KtPresence *self,
                          const char *user,
                          const char *display_name,
                          const char *host,
                          gint64      pid)
{
  g_return_if_fail (KT_IS_PRESENCE (self));
  g_return_if_fail (user != NULL && host != NULL);
  g_return_if_fail (!self->started);

  replace_str (&self->user, user);
  replace_str (&self->display_name, display_name != NULL && *display_name != '\0' ? display_name : user);
  replace_str (&self->host, host);
  self->pid = pid;
}

void
kt_presence_set_timing (KtPresence *self,
                        guint       heartbeat_ms,
                        guint       expiry_ms,
                        guint       scan_ms)
{
  g_return_if_fail (KT_IS_PRESENCE (self));
  g_return_if_fail (heartbeat_ms > 0 && expiry_ms > heartbeat_ms && scan_ms > 0);
  g_return_if_fail (!self->started);

  self->heartbeat_ms = heartbeat_ms;
  self->expiry_ms = expiry_ms;
  self->scan_ms = scan_ms;
}

void
kt_presence_start (KtPresence *self)
{
  g_autoptr(GDateTime) since = NULL;

  g_return_if_fail (KT_IS_PRESENCE (self));

  if (self->started)
    return;

  since = g_date_time_new_now_utc ();
  g_free (self->record_name);
  self->record_name = kt_presence_record_name (self->user, self->host, self->pid);
  g_free (self->record_path);
  self->record_path = g_build_filename (self->dir, self->record_name, NULL);
  g_free (self->record_text);
  self->record_text = kt_presence_record_text (self->user, self->display_name, self->host, self->pid, since);

  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->written_mono = 0;

  g_mutex_lock (&self->record_lock);
  self->stopped = FALSE;
  g_mutex_unlock (&self->record_lock);

  self->started = TRUE;
  self->heartbeat_source = add_timer (self, self->heartbeat_ms, heartbeat_cb);
  self->scan_source = add_timer (self, self->scan_ms, scan_cb);
  queue_job (self, KT_PRESENCE_JOB_WRITE | KT_PRESENCE_JOB_SCAN);
}

void
kt_presence_stop (KtPresence *self)
{
  g_autoptr(GPtrArray) none = NULL;

  g_return_if_fail (KT_IS_PRESENCE (self));

  if (!self->started)
    return;

  self->started = FALSE;
  self->pending = 0;
  g_cancellable_cancel (self->cancellable);
  clear_timer (&self->heartbeat_source);
  clear_timer (&self->scan_source);

  g_mutex_lock (&self->record_lock);
  self->stopped = TRUE;
  if (g_unlink (self->record_path) != 0 && errno != ENOENT)
    g_debug ("Presence: cannot remove our record: %s", g_strerror (errno));
  /* The last one out tidies up; fails while others are still in. */
  g_rmdir (self->dir);
  g_mutex_unlock (&self->record_lock);

  none = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_session_free);
  set_others (self, none);
}

void
kt_presence_refresh (KtPresence *self)
{
  g_return_if_fail (KT_IS_PRESENCE (self));

  queue_job (self, KT_PRESENCE_JOB_SCAN);
}

GPtrArray *
kt_presence_get_others (KtPresence *self)
{
  g_return_val_if_fail (KT_IS_PRESENCE (self), NULL);

  return self->others;
}
