/* kt-presence-files.c — the presence records on disk, for the worker thread
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here touches a KtPresence: a job carries copies of what it needs,
 * so these run in a worker thread while the object lives on the main
 * context.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kt-presence-private.h"

#define GROUP          "Session"
#define SUFFIX         ".session"
/* Long enough to tell people apart, short enough that the whole name stays
 * far below the 255 bytes file systems allow. */
#define MAX_PART_BYTES 60

void
kt_presence_job_free (KtPresenceJob *job)
{
  g_free (job->dir);
  g_free (job->record_name);
  g_free (job->record_path);
  g_free (job->record_text);
  g_free (job->host);
  g_free (job);
}

/* Login and host names may hold anything (“/”, “:”, “ø”); the escaping is
 * reversible, so two names never share a file. */
static void
append_escaped (GString    *name,
                const char *part)
{
  gsize start = name->len;

  if (part == NULL || *part == '\0')
    part = "_";

  for (const char *p = part; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      gboolean plain = g_ascii_isalnum (c) || c == '-' || c == '_' || (c == '.' && p != part);

      if (name->len - start + (plain ? 1 : 3) > MAX_PART_BYTES)
        break;

      if (plain)
        g_string_append_c (name, c);
      else
        g_string_append_printf (name, "%%%02X", c);
    }
}

char *
kt_presence_record_name (const char *user,
                         const char *host,
                         gint64      pid)
{
  GString *name = g_string_new (NULL);

  append_escaped (name, user);
  g_string_append_c (name, '@');
  append_escaped (name, host);
  g_string_append_printf (name, "-%" G_GINT64_FORMAT SUFFIX, pid);

  return g_string_free (name, FALSE);
}

char *
kt_presence_sessions_dir (const char *portfolio_path)
{
  g_autofree char *folder = g_path_get_dirname (portfolio_path);
  g_autofree char *base = g_path_get_basename (portfolio_path);
  g_autofree char *hidden = NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  hidden = g_strdup_printf (".%s-sessioner", base);
  return g_build_filename (folder, hidden, NULL);
}

char *
kt_presence_record_text (const char *user,
                         const char *display_name,
                         const char *host,
                         gint64      pid,
                         GDateTime  *since)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (since);
  g_autofree char *iso = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  g_key_file_set_comment (keys, NULL, NULL,
                          " Kontrakter: this session has the portfolio open. The file is only\n"
                          " information for colleagues; it is removed when the session ends.",
                          NULL);
  g_key_file_set_string (keys, GROUP, "User", user);
  g_key_file_set_string (keys, GROUP, "Name", display_name);
  g_key_file_set_string (keys, GROUP, "Host", host);
  g_key_file_set_int64 (keys, GROUP, "Pid", pid);
  g_key_file_set_string (keys, GROUP, "Since", iso);

  return g_key_file_to_data (keys, NULL, NULL);
}

static gint64
mtime_us (const GStatBuf *st)
{
  return (gint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + st->st_mtim.tv_nsec / 1000;
}

static gboolean
try_write (KtPresenceJob  *job,
           GError        **error)
{
  if (g_mkdir (job->dir, 0777) != 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "cannot create %s: %s", job->dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents (job->record_path, job->record_text, -1, error);
}

gboolean
kt_presence_job_write (KtPresenceJob  *job,
                       GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (try_write (job, &local_error))
    return TRUE;

  /* The last colleague to leave removes the folder, maybe just between
   * our mkdir and our write. */
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return try_write (job, error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The file server's clock, read off our own record, so that a colleague's
 * computer with a wrong clock does not make records look old or new. A
 * session that cannot write (a read-only share) has only its own clock. */
static gint64
server_now (KtPresenceJob *job)
{
  GStatBuf st;

  if (job->written_mono != 0 && g_stat (job->record_path, &st) == 0)
    return mtime_us (&st) + (g_get_monotonic_time () - job->written_mono);

  return g_get_real_time ();
}

static void
remove_record (const char *path,
               const char *why)
{
  /* Somebody else may have removed it first, or the folder is read-only. */
  if (g_unlink (path) != 0)
    g_debug ("Presence: cannot remove %s record %s: %s", why, path, g_strerror (errno));
}

static KtSession *
read_session (const char *path,
              gint64      mtime)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;
  KtSession *session;

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, &error))
    {
      g_debug ("Presence: ignoring %s: %s", path, error->message);
      return NULL;
    }

  session = g_new0 (KtSession, 1);
  session->user = g_key_file_get_string (keys, GROUP, "User", NULL);
  session->display_name = g_key_file_get_string (keys, GROUP, "Name", NULL);
  session->host = g_key_file_get_string (keys, GROUP, "Host", NULL);
  session->pid = g_key_file_get_int64 (keys, GROUP, "Pid", NULL);
  since = g_key_file_get_string (keys, GROUP, "Since", NULL);

  if (session->user == NULL || *session->user == '\0' || session->host == NULL)
    {
      g_debug ("Presence: ignoring %s: no user or host", path);
      kt_session_free (session);
      return NULL;
    }

  if (session->display_name == NULL || *session->display_name == '\0')
    {
      g_free (session->display_name);
      session->display_name = g_strdup (session->user);
    }

  if (since != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (since, utc);

      if (at != NULL)
        session->since = g_date_time_to_local (at);
    }
  if (session->since == NULL)
    session->since = g_date_time_new_from_unix_local (mtime / G_USEC_PER_SEC);

  return session;
}

/* A session of this computer whose process is gone crashed. Another user's
 * live process answers EPERM, which counts as running. */
static gboolean
is_dead_here (const KtPresenceJob *job,
              const KtSession     *session)
{
  if (g_ascii_strcasecmp (session->host, job->host) != 0)
    return FALSE;
  if (session->pid <= 0 || session->pid > G_MAXINT)
    return FALSE;

  return kill ((pid_t) session->pid, 0) == -1 && errno == ESRCH;
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const KtSession *x = *(KtSession * const *) a;
  const KtSession *y = *(KtSession * const *) b;
  int order = g_date_time_compare (x->since, y->since);

  if (order == 0)
    order = g_strcmp0 (x->user, y->user);
  if (order == 0)
    order = g_strcmp0 (x->host, y->host);
  if (order == 0)
    order = (x->pid > y->pid) - (x->pid < y->pid);

  return order;
}

GPtrArray *
kt_presence_job_scan (KtPresenceJob *job)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_session_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  gint64 now = server_now (job);
  const char *name;

  dir = g_dir_open (job->dir, 0, &error);
  if (dir == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Presence: cannot read %s: %s", job->dir, error->message);
      return g_steal_pointer (&others);
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      KtSession *session;
      GStatBuf st;
      gint64 mtime;

      /* Also the temporary file of a write that was cut short. */
      if (strstr (name, SUFFIX) == NULL || g_str_has_prefix (name, job->record_name))
        continue;

      path = g_build_filename (job->dir, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      mtime = mtime_us (&st);
      if (now - mtime > job->expiry_us)
        {
          remove_record (path, "stale");
          continue;
        }

      if (!g_str_has_suffix (name, SUFFIX) || (session = read_session (path, mtime)) == NULL)
        continue;

      if (is_dead_here (job, session))
        {
          remove_record (path, "crashed");
          kt_session_free (session);
          continue;
        }

      g_ptr_array_add (others, session);
    }

  g_ptr_array_sort (others, compare_sessions);
  return g_steal_pointer (&others);
}

