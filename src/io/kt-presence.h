/* kt-presence.h — who else has the portfolio open
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every session that has a portfolio open keeps a small record (a key file
 * naming user, real name, host, process and since when) in the hidden
 * folder “.<stem>-sessioner” beside “<stem>.kontrakter”, and touches it
 * every 30 seconds. A record whose last touch is more than 3 minutes older
 * than our own (the file server's clock for both, so the clients' clocks do
 * not matter), or that names a process on this host that no longer runs,
 * belongs to a session that crashed: it is ignored and removed. Records
 * are only information: they never block opening or saving.
 *
 * All file work runs in a worker thread; results and signals arrive on the
 * main context of the thread that called kt_presence_start ().
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  char      *user;          /* login name */
  char      *display_name;  /* “Anna Jensen” (the login name when unknown) */
  char      *host;
  gint64     pid;
  GDateTime *since;         /* local time */
} KtSession;

void       kt_session_free        (KtSession *session);
KtSession *kt_session_copy        (const KtSession *session);

#define KT_TYPE_PRESENCE (kt_presence_get_type ())
G_DECLARE_FINAL_TYPE (KtPresence, kt_presence, KT, PRESENCE, GObject)

/* Uses g_get_user_name (), g_get_real_name (), g_get_host_name () and
 * getpid () unless kt_presence_set_identity () is called before start. */
KtPresence *kt_presence_new          (const char *portfolio_path);
void        kt_presence_set_identity (KtPresence *self,
                                      const char *user,
                                      const char *display_name,
                                      const char *host,
                                      gint64      pid);
/* For tests: heartbeat and expiry in milliseconds (defaults 30 000 and
 * 180 000) and how often others' records are read (default 5 000). */
void        kt_presence_set_timing   (KtPresence *self,
                                      guint       heartbeat_ms,
                                      guint       expiry_ms,
                                      guint       scan_ms);

/* Writes our record (a folder that cannot be written — a read-only share —
 * only means others do not see us) and starts the timers. */
void        kt_presence_start        (KtPresence *self);
/* Removes our record and stops; also done on finalize. Synchronous. */
void        kt_presence_stop         (KtPresence *self);
/* Reads the records now (asynchronously), e.g. after the window is shown. */
void        kt_presence_refresh      (KtPresence *self);

/* The other sessions with the file open, oldest first (KtSession *; our
 * own session is not in it, the same user on another host or in another
 * process is). The array is owned by @self and replaced when "changed" is
 * emitted. */
GPtrArray  *kt_presence_get_others   (KtPresence *self);

/* Signals:
 *   "changed" (void): the list of others changed. */

G_END_DECLS
