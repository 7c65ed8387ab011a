/* kt-document-indexer.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-document-indexer-private.h"
#include "kt-pdf-document.h"

/* The window hears from the worker at most this often (µs): each update
 * costs a main-loop dispatch and a relayout of the progress bar. */
#define UPDATE_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)

/* ---- One background run ----
 *
 * Shared by the worker thread and the callbacks it queues on the
 * indexer's main context. It holds no reference on the indexer, so the
 * indexer can be disposed while the worker is busy: the callbacks then
 * find the weak reference empty and only tidy up. */

typedef struct {
  char          *path;
  GMainContext  *context;
  GCancellable  *cancellable;
  GWeakRef       indexer;
  GApplication  *application;  /* held while the worker runs */

  GMutex         lock;
  /* Under the lock: what the next update on the main context shows */
  guint          document;
  guint          n_documents;
  double         fraction;
  GArray        *indexed_ids;
  gboolean       update_queued;
  gint64         last_update;
  /* Written by the worker before it queues the end */
  guint          n_indexed;
} Run;

static void
run_clear (gpointer data)
{
  Run *run = data;

  g_free (run->path);
  g_main_context_unref (run->context);
  g_object_unref (run->cancellable);
  g_weak_ref_clear (&run->indexer);
  g_clear_object (&run->application);
  g_mutex_clear (&run->lock);
  g_array_unref (run->indexed_ids);
}

static Run *
run_ref (Run *run)
{
  return g_atomic_rc_box_acquire (run);
}

static void
run_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, run_clear);
}

struct _KtDocumentIndexer
{
  GObject       parent_instance;

  char         *path;
  GMainContext *context;
  Run          *run;            /* the current run, or NULL when idle */
  gboolean      rescan;         /* start () came during the run */
  guint         n_indexed;      /* since the indexer was last idle */

  gboolean      busy;
  double        fraction;
  char         *status;
};

G_DEFINE_FINAL_TYPE (KtDocumentIndexer, kt_document_indexer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_BUSY,
  PROP_FRACTION,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DOCUMENT_INDEXED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_run (KtDocumentIndexer *self);

/* Always through the context's queue. g_main_context_invoke () from the
 * worker would call @func in the worker itself whenever the main thread
 * does not own the context at that moment: the worker has no context of
 * its own, so the default one counts as its thread-default. */
static void
queue_on (GMainContext *context,
          GSourceFunc   func,
          Run          *run)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, run_ref (run), run_unref);
  g_source_set_static_name (source, "[kontrakter] indexer progress");
  g_source_attach (source, context);
}

static void
set_progress (KtDocumentIndexer *self,
              gboolean           busy,
              double             fraction,
              const char        *status)
{
  g_object_freeze_notify (G_OBJECT (self));

  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  if (self->fraction != fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (g_strcmp0 (self->status, status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* Main context: shows what the worker last reported. */
static gboolean
update_cb (gpointer data)
{
  Run *run = data;
  g_autoptr(KtDocumentIndexer) self = g_weak_ref_get (&run->indexer);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *status = NULL;
  guint document, n_documents;
  double fraction;

  g_mutex_lock (&run->lock);
  document = run->document;
  n_documents = run->n_documents;
  fraction = run->fraction;
  ids = run->indexed_ids;
  run->indexed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  run->update_queued = FALSE;
  run->last_update = g_get_monotonic_time ();
  g_mutex_unlock (&run->lock);

  /* Disposed, stopped or replaced since: nobody listens for this run */
  if (self == NULL || self->run != run)
    return G_SOURCE_REMOVE;

  if (n_documents > 0)
    {
      /* Translators: the indexer's progress: the document being read and
       * how many there are to read, "Indexing document 3 of 7…" */
      status = g_strdup_printf (ngettext ("Indexing document %u of %u…",
                                          "Indexing document %u of %u…", n_documents),
                                MIN (document + 1, n_documents), n_documents);
      set_progress (self, TRUE, fraction, status);
    }

  for (guint i = 0; i < ids->len; i++)
    g_signal_emit (self, signals[DOCUMENT_INDEXED], 0, g_array_index (ids, gint64, i));

  return G_SOURCE_REMOVE;
}

/* Worker thread: at most one update waits on the main context, and a new
 * one is queued only when UPDATE_INTERVAL_US have passed since the last
 * was shown; everything in between just overwrites the numbers. */
static void
run_progress_cb (const KtIndexerJob *job,
                 gint64              indexed_id)
{
  Run *run = job->user_data;
  gint64 now = g_get_monotonic_time ();

  g_mutex_lock (&run->lock);
  run->document = job->document;
  run->n_documents = job->n_documents;
  run->fraction = job->pages_total > 0
                  ? CLAMP ((double) job->pages_done / job->pages_total, 0.0, 1.0) : 0.0;
  if (indexed_id > 0)
    g_array_append_val (run->indexed_ids, indexed_id);

  if (!run->update_queued && now - run->last_update >= UPDATE_INTERVAL_US)
    {
      run->update_queued = TRUE;
      queue_on (run->context, update_cb, run);
    }
  g_mutex_unlock (&run->lock);
}

/* Main context, once per run, after the worker let go of the file. */
static gboolean
run_finished_cb (gpointer data)
{
  Run *run = data;
  g_autoptr(KtDocumentIndexer) self = NULL;
  guint n_indexed;

  /* The documents indexed since the last update */
  update_cb (run);

  if (run->application != NULL)
    g_application_release (run->application);
  g_clear_object (&run->application);

  self = g_weak_ref_get (&run->indexer);
  if (self == NULL || self->run != run)
    return G_SOURCE_REMOVE;

  g_clear_pointer (&self->run, run_unref);
  self->n_indexed += run->n_indexed;

  if (self->rescan)
    {
      self->rescan = FALSE;
      start_run (self);
      return G_SOURCE_REMOVE;
    }

  n_indexed = self->n_indexed;
  self->n_indexed = 0;
  set_progress (self, FALSE, 0.0, NULL);
  g_signal_emit (self, signals[FINISHED], 0, n_indexed);

  return G_SOURCE_REMOVE;
}

static gpointer
worker_thread (gpointer data)
{
  Run *run = data;
  g_autoptr(GError) error = NULL;
  KtIndexerJob job = { 0 };

  job.cancellable = run->cancellable;
  job.progress = run_progress_cb;
  job.user_data = run;

  /* Its own connection: a KtStore is used from one thread at a time, and
   * the window's stays free for the user. */
  job.store = kt_store_open (run->path, KT_STORE_OPEN_DEFAULT, &error);
  if (job.store != NULL)
    kt_indexer_job_run (&job, &error);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, KT_PDF_ERROR, KT_PDF_ERROR_CANCELLED))
    g_message ("Indexing “%s” stopped: %s", run->path, error->message);

  g_clear_object (&job.library);
  g_clear_object (&job.store);

  run->n_indexed = job.n_indexed;
  queue_on (run->context, run_finished_cb, run);
  run_unref (run);

  return NULL;
}

static void
start_run (KtDocumentIndexer *self)
{
  Run *run = g_atomic_rc_box_new0 (Run);
  GApplication *application = g_application_get_default ();

  run->path = g_strdup (self->path);
  run->context = g_main_context_ref (self->context);
  run->cancellable = g_cancellable_new ();
  g_weak_ref_init (&run->indexer, self);
  g_mutex_init (&run->lock);
  run->indexed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Quitting waits for the worker to notice the cancellation and close
   * its connection, rather than leave a write half done. */
  if (application != NULL)
    {
      run->application = g_object_ref (application);
      g_application_hold (application);
    }

  self->run = run_ref (run);
  g_thread_unref (g_thread_new ("kt-indexer", worker_thread, run));
}

static void
kt_document_indexer_dispose (GObject *object)
{
  KtDocumentIndexer *self = KT_DOCUMENT_INDEXER (object);

  kt_document_indexer_stop (self);

  G_OBJECT_CLASS (kt_document_indexer_parent_class)->dispose (object);
}

static void
kt_document_indexer_finalize (GObject *object)
{
  KtDocumentIndexer *self = KT_DOCUMENT_INDEXER (object);

  g_free (self->path);
  g_free (self->status);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (kt_document_indexer_parent_class)->finalize (object);
}

static void
kt_document_indexer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  KtDocumentIndexer *self = KT_DOCUMENT_INDEXER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_document_indexer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  KtDocumentIndexer *self = KT_DOCUMENT_INDEXER (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_document_indexer_class_init (KtDocumentIndexerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_document_indexer_dispose;
  object_class->finalize = kt_document_indexer_finalize;
  object_class->get_property = kt_document_indexer_get_property;
  object_class->set_property = kt_document_indexer_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[DOCUMENT_INDEXED] =
    g_signal_new ("document-indexed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
kt_document_indexer_init (KtDocumentIndexer *self)
{
  self->context = g_main_context_ref_thread_default ();
}

KtDocumentIndexer *
kt_document_indexer_new (const char *portfolio_path)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (portfolio_path != NULL, NULL);

  /* The worker must not depend on the current directory */
  path = g_canonicalize_filename (portfolio_path, NULL);
  return g_object_new (KT_TYPE_DOCUMENT_INDEXER, "path", path, NULL);
}

void
kt_document_indexer_start (KtDocumentIndexer *self)
{
  g_return_if_fail (KT_IS_DOCUMENT_INDEXER (self));

  if (self->run != NULL)
    self->rescan = TRUE;
  else
    start_run (self);
}

void
kt_document_indexer_stop (KtDocumentIndexer *self)
{
  g_return_if_fail (KT_IS_DOCUMENT_INDEXER (self));

  self->rescan = FALSE;
  self->n_indexed = 0;
  if (self->run == NULL)
    return;

  /* The worker ends on its own at the next page; its callbacks no longer
   * find it the current run. */
  g_cancellable_cancel (self->run->cancellable);
  g_clear_pointer (&self->run, run_unref);
  set_progress (self, FALSE, 0.0, NULL);
}

gboolean
kt_document_indexer_get_busy (KtDocumentIndexer *self)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_INDEXER (self), FALSE);

  return self->busy;
}

double
kt_document_indexer_get_fraction (KtDocumentIndexer *self)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_INDEXER (self), 0.0);

  return self->fraction;
}

const char *
kt_document_indexer_get_status (KtDocumentIndexer *self)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_INDEXER (self), NULL);

  return self->status;
}
