/* kt-presence-private.h — the file work of KtPresence, for its worker thread
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-presence.h"

G_BEGIN_DECLS

enum {
  KT_PRESENCE_JOB_WRITE = 1 << 0,
  KT_PRESENCE_JOB_SCAN  = 1 << 1,
};

/* What one run of the worker needs, copied from the object. */
typedef struct {
  guint   what;
  char   *dir;
  char   *record_name;
  char   *record_path;
  char   *record_text;
  char   *host;
  gint64  expiry_us;
  /* Monotonic time just after our record was last written (0: never), so
   * that the file server's "now" is our record's mtime plus the time since. */
  gint64  written_mono;
} KtPresenceJob;

void       kt_presence_job_free     (KtPresenceJob *job);

/* ".<stem>-sessioner" beside the portfolio. */
char      *kt_presence_sessions_dir (const char    *portfolio_path);
/* "<user>@<host>-<pid>.session", escaped for any file system. */
char      *kt_presence_record_name  (const char    *user,
                                     const char    *host,
                                     gint64         pid);
/* The key file text of our record; @since in any time zone. */
char      *kt_presence_record_text  (const char    *user,
                                     const char    *display_name,
                                     const char    *host,
                                     gint64         pid,
                                     GDateTime     *since);

/* Writes our record atomically, creating the folder. */
gboolean   kt_presence_job_write    (KtPresenceJob  *job,
                                     GError        **error);
/* The others' records, oldest first (KtSession *); removes those that
 * expired or belong to a crashed process on this host. */
GPtrArray *kt_presence_job_scan     (KtPresenceJob  *job);

G_END_DECLS
