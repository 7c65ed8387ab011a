/* kt-backup-schedule.c — a backup when the portfolio opens, then daily
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-backup-schedule.h"

#define CHECK_INTERVAL_S  (60 * 60)

struct _KtBackupSchedule
{
  GObject       parent_instance;

  char         *path;
  GCancellable *cancellable;   /* of the backups of this start () */
  guint         check_id;
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (KtBackupSchedule, kt_backup_schedule, G_TYPE_OBJECT)

enum {
  MADE,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  char           *path;
  KtBackupReason  reason;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_free (job);
}

/* In the worker: even the look at the folder may hang on a network drive. */
static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  char *path;

  if (job->reason == KT_BACKUP_DAILY)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      /* A colleague's backup counts: one a day is enough for everyone. */
      if (!kt_backup_is_due (job->path, now))
        {
          g_task_return_pointer (task, NULL, NULL);
          return;
        }
    }

  path = kt_backup_make (job->path, job->reason, cancellable, &error);
  if (path != NULL)
    g_task_return_pointer (task, path, g_free);
  else
    g_task_return_error (task, error);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  KtBackupSchedule *self = KT_BACKUP_SCHEDULE (source);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = g_task_propagate_pointer (task, &error);

  /* Stopped (and maybe started again) meanwhile: this one no longer counts. */
  if (g_task_get_cancellable (task) != self->cancellable)
    return;

  self->running = FALSE;

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  if (path != NULL)
    g_signal_emit (self, signals[MADE], 0, path);
}

static void
run_job (KtBackupSchedule *self,
         KtBackupReason    reason)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->running)
    return;

  self->running = TRUE;

  job = g_new0 (Job, 1);
  job->path = g_strdup (self->path);
  job->reason = reason;

  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
}

static gboolean
check_cb (gpointer user_data)
{
  KtBackupSchedule *self = user_data;

  run_job (self, KT_BACKUP_DAILY);

  return G_SOURCE_CONTINUE;
}

static void
kt_backup_schedule_dispose (GObject *object)
{
  KtBackupSchedule *self = (KtBackupSchedule *) object;

  kt_backup_schedule_stop (self);

  G_OBJECT_CLASS (kt_backup_schedule_parent_class)->dispose (object);
}

static void
kt_backup_schedule_finalize (GObject *object)
{
  KtBackupSchedule *self = (KtBackupSchedule *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (kt_backup_schedule_parent_class)->finalize (object);
}

static void
kt_backup_schedule_class_init (KtBackupScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_backup_schedule_dispose;
  object_class->finalize = kt_backup_schedule_finalize;

  signals[MADE] = g_signal_new ("made", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
kt_backup_schedule_init (KtBackupSchedule *self)
{
}

KtBackupSchedule *
kt_backup_schedule_new (const char *portfolio_path)
{
  KtBackupSchedule *self;

  g_return_val_if_fail (portfolio_path != NULL, NULL);

  self = g_object_new (KT_TYPE_BACKUP_SCHEDULE, NULL);
  self->path = g_strdup (portfolio_path);

  return self;
}

void
kt_backup_schedule_start (KtBackupSchedule *self)
{
  g_return_if_fail (KT_IS_BACKUP_SCHEDULE (self));

  kt_backup_schedule_stop (self);

  self->cancellable = g_cancellable_new ();
  self->check_id = g_timeout_add_seconds (CHECK_INTERVAL_S, check_cb, self);
  run_job (self, KT_BACKUP_ON_OPEN);
}

void
kt_backup_schedule_stop (KtBackupSchedule *self)
{
  g_return_if_fail (KT_IS_BACKUP_SCHEDULE (self));

  g_clear_handle_id (&self->check_id, g_source_remove);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->running = FALSE;
}
