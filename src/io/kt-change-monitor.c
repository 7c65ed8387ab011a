/* kt-change-monitor.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-change-monitor.h"

#define DEFAULT_INTERVAL_MS 2000

struct _KtChangeMonitor
{
  GObject   parent_instance;

  KtStore  *store;
  guint     interval_ms;
  guint     timeout_id;
  guint     holds;
  gboolean  reachable;
  char     *problem;
};

G_DEFINE_FINAL_TYPE (KtChangeMonitor, kt_change_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REACHABLE,
  PROP_PROBLEM,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_problem (KtChangeMonitor *self,
             const char      *problem)
{
  gboolean reachable = problem == NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->problem, problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
  if (self->reachable != reachable)
    {
      self->reachable = reachable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHABLE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
poll (KtChangeMonitor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->holds > 0)
    return;

  /* A file that is gone has no data_version worth asking for; the stat is
   * what tells the user. */
  if (!kt_store_check_file (self->store, &error))
    {
      set_problem (self, error->message);
      return;
    }
  set_problem (self, NULL);
  /* A handler of the notification may have disposed of us */
  if (self->store == NULL)
    return;

  /* Our own transaction is open: what we would read is our own half-done
   * work, and the poll would move data_version on under it. */
  if (kt_store_in_batch (self->store))
    return;

  /* PRAGMA data_version changes once for any number of colleagues' commits
   * since the last call: a burst gives one "changed". */
  if (kt_store_poll_changes (self->store))
    g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
tick_cb (gpointer data)
{
  g_autoptr(KtChangeMonitor) self = g_object_ref (data);

  poll (self);
  return G_SOURCE_CONTINUE;
}

static void
kt_change_monitor_dispose (GObject *object)
{
  KtChangeMonitor *self = KT_CHANGE_MONITOR (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kt_change_monitor_parent_class)->dispose (object);
}

static void
kt_change_monitor_finalize (GObject *object)
{
  KtChangeMonitor *self = KT_CHANGE_MONITOR (object);

  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (kt_change_monitor_parent_class)->finalize (object);
}

static void
kt_change_monitor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KtChangeMonitor *self = KT_CHANGE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_REACHABLE:
      g_value_set_boolean (value, self->reachable);
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_change_monitor_class_init (KtChangeMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_change_monitor_dispose;
  object_class->finalize = kt_change_monitor_finalize;
  object_class->get_property = kt_change_monitor_get_property;

  /**
   * KtChangeMonitor:reachable:
   *
   * FALSE while the portfolio file is gone, replaced or cannot be reached.
   */
  properties[PROP_REACHABLE] =
    g_param_spec_boolean ("reachable", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KtChangeMonitor:problem:
   *
   * Why the file is not reachable (translated), or %NULL.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KtChangeMonitor::changed:
   *
   * Someone else committed to the file since the last poll.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kt_change_monitor_init (KtChangeMonitor *self)
{
  self->reachable = TRUE;
}

KtChangeMonitor *
kt_change_monitor_new (KtStore *store,
                       guint    interval_ms)
{
  KtChangeMonitor *self;

  g_return_val_if_fail (KT_IS_STORE (store), NULL);

  self = g_object_new (KT_TYPE_CHANGE_MONITOR, NULL);
  self->store = g_object_ref (store);
  self->interval_ms = interval_ms > 0 ? interval_ms : DEFAULT_INTERVAL_MS;
  self->timeout_id = g_timeout_add (self->interval_ms, tick_cb, self);
  g_source_set_name_by_id (self->timeout_id, "[kontrakter] change monitor");

  return self;
}

void
kt_change_monitor_hold (KtChangeMonitor *self)
{
  g_return_if_fail (KT_IS_CHANGE_MONITOR (self));

  self->holds++;
}

void
kt_change_monitor_release (KtChangeMonitor *self)
{
  g_return_if_fail (KT_IS_CHANGE_MONITOR (self));
  g_return_if_fail (self->holds > 0);

  /* What colleagues saved meanwhile is still counted by data_version: the
   * next tick reports it once. */
  self->holds--;
}

void
kt_change_monitor_poll_now (KtChangeMonitor *self)
{
  g_autoptr(KtChangeMonitor) keep = NULL;

  g_return_if_fail (KT_IS_CHANGE_MONITOR (self));

  if (self->store == NULL)
    return;

  keep = g_object_ref (self);
  poll (self);
}

gboolean
kt_change_monitor_get_reachable (KtChangeMonitor *self)
{
  g_return_val_if_fail (KT_IS_CHANGE_MONITOR (self), FALSE);

  return self->reachable;
}

const char *
kt_change_monitor_get_problem (KtChangeMonitor *self)
{
  g_return_val_if_fail (KT_IS_CHANGE_MONITOR (self), NULL);

  return self->problem;
}
