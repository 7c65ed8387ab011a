/* kt-backup.c — the backups of a portfolio: names, listing, rotation
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kt-backup-private.h"

#define SUFFIX            ".kontrakter"
#define FOLDER_SUFFIX     "-sikkerhedskopier"

/* Stale temporary files (of a backup that crashed) are removed this long
 * after they were last written; a colleague's backup in progress is
 * younger. */
#define STALE_TMP_AGE     G_TIME_SPAN_DAY

#define KEEP_NEWEST       10
#define KEEP_DAYS         14
#define KEEP_WEEKS        8

static const struct {
  const char *code;
  const char *label;
} reasons[] = {
  [KT_BACKUP_ON_OPEN]        = { "open",           N_("When opened") },
  [KT_BACKUP_DAILY]          = { "daily",          N_("Daily") },
  [KT_BACKUP_MANUAL]         = { "manual",         N_("By hand") },
  [KT_BACKUP_BEFORE_RESTORE] = { "before-restore", N_("Before a restore") },
};

/* ---- names ---- */

void
kt_backup_info_free (KtBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_clear_pointer (&info->made_at, g_date_time_unref);
  g_free (info);
}

const char *
kt_backup_reason_label (KtBackupReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reasons), "");

  return _(reasons[reason].label);
}

const char *
kt_backup_reason_code (KtBackupReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reasons), "manual");

  return reasons[reason].code;
}

char *
kt_backup_stem (const char *portfolio_path)
{
  g_autofree char *base = g_path_get_basename (portfolio_path);
  gsize len = strlen (base);
  const char *dot;

  if (len > strlen (SUFFIX) &&
      g_ascii_strcasecmp (base + len - strlen (SUFFIX), SUFFIX) == 0)
    return g_strndup (base, len - strlen (SUFFIX));

  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    return g_strndup (base, dot - base);

  return g_steal_pointer (&base);
}

char *
kt_backup_folder_for (const char *portfolio_path)
{
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (portfolio_path != NULL, NULL);

  dir = g_path_get_dirname (portfolio_path);
  stem = kt_backup_stem (portfolio_path);
  folder = g_strconcat (stem, FOLDER_SUFFIX, NULL);

  return g_build_filename (dir, folder, NULL);
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;

  return n > 0;
}

static int
digits_value (const char *s,
              gsize       n)
{
  int value = 0;

  for (gsize i = 0; i < n; i++)
    value = value * 10 + (s[i] - '0');

  return value;
}

/* “<stem>-YYYYMMDD-HHMMSS-<code>[-N].kontrakter” */
static gboolean
parse_name (const char      *name,
            const char      *stem,
            GDateTime      **made_at,
            KtBackupReason  *reason,
            guint           *serial)
{
  gsize stem_len = strlen (stem);
  const char *rest;
  gsize len;

  if (strncmp (name, stem, stem_len) != 0 || name[stem_len] != '-' ||
      !g_str_has_suffix (name, SUFFIX))
    return FALSE;

  rest = name + stem_len + 1;
  len = strlen (rest) - strlen (SUFFIX);
  if (len < 17 || !all_digits (rest, 8) || rest[8] != '-' ||
      !all_digits (rest + 9, 6) || rest[15] != '-')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      const char *tail = rest + 16;
      gsize tail_len = len - 16;
      gsize code_len = strlen (reasons[i].code);

      if (tail_len < code_len || strncmp (tail, reasons[i].code, code_len) != 0)
        continue;

      if (tail_len == code_len)
        *serial = 1;
      else if (tail[code_len] == '-' && all_digits (tail + code_len + 1, tail_len - code_len - 1) &&
               tail_len - code_len - 1 <= 4)
        *serial = digits_value (tail + code_len + 1, tail_len - code_len - 1);
      else
        continue;

      *made_at = g_date_time_new_utc (digits_value (rest, 4), digits_value (rest + 4, 2),
                                      digits_value (rest + 6, 2), digits_value (rest + 9, 2),
                                      digits_value (rest + 11, 2), digits_value (rest + 13, 2));
      *reason = i;
      return *made_at != NULL;
    }

  return FALSE;
}

typedef struct {
  KtBackupInfo *info;
  guint         serial;
  gint64        mtime_ns;   /* orders backups made within one second */
} Entry;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;
  int by_time = g_date_time_compare (y->info->made_at, x->info->made_at);

  if (by_time != 0)
    return by_time;
  if (x->mtime_ns != y->mtime_ns)
    return y->mtime_ns > x->mtime_ns ? 1 : -1;
  if (x->serial != y->serial)
    return y->serial > x->serial ? 1 : -1;

  return g_strcmp0 (y->info->path, x->info->path);
}

GPtrArray *
kt_backup_list (const char  *portfolio_path,
                GError     **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;
  const char *name;

  g_return_val_if_fail (portfolio_path != NULL, NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_backup_info_free);
  folder = kt_backup_folder_for (portfolio_path);
  stem = kt_backup_stem (portfolio_path);

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      g_autofree char *display = g_filename_display_name (folder);

      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&result);

      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The backups folder “%s” could not be read: %s"),
                   display, local_error->message);
      return NULL;
    }

  entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      Entry entry = { NULL, 0, 0 };
      GDateTime *made_at = NULL;
      KtBackupReason reason;
      GStatBuf st;

      if (!parse_name (name, stem, &made_at, &reason, &entry.serial))
        continue;

      entry.info = g_new0 (KtBackupInfo, 1);
      entry.info->path = g_build_filename (folder, name, NULL);
      entry.info->made_at = made_at;
      entry.info->reason = reason;
      if (g_stat (entry.info->path, &st) == 0)
        {
          entry.info->size = st.st_size;
          entry.mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                           st.st_mtim.tv_nsec;
        }
      g_array_append_val (entries, entry);
    }

  g_array_sort (entries, compare_newest_first);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (result, g_array_index (entries, Entry, i).info);

  return g_steal_pointer (&result);
}

/* ---- rotation ---- */

static void
remove_stale_temporaries (const char *folder,
                          const char *stem,
                          GDateTime  *now)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strconcat (".", stem, "-", NULL);
  gint64 limit = g_date_time_to_unix (now) - STALE_TMP_AGE / G_TIME_SPAN_SECOND;
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, SUFFIX ".tmp"))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &st) == 0 && st.st_mtime < limit)
        g_unlink (path);
    }
}

gboolean
kt_backup_rotate (const char  *portfolio_path,
                  GDateTime   *now,
                  GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GHashTable) buckets = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;
  int failure = 0;
  const char *failed_name = NULL;

  g_return_val_if_fail (portfolio_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  backups = kt_backup_list (portfolio_path, error);
  if (backups == NULL)
    return FALSE;

  /* Days and weeks are counted back from @now: “the newest of each of the
   * last 14 days” is the newest backup in each 24-hour period before it. */
  buckets = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < backups->len; i++)
    {
      KtBackupInfo *info = g_ptr_array_index (backups, i);
      GTimeSpan age = g_date_time_difference (now, info->made_at);
      gboolean keep = i < KEEP_NEWEST || age < 0;

      if (age >= 0 && age / G_TIME_SPAN_DAY < KEEP_DAYS)
        {
          gpointer key = GINT_TO_POINTER (1 + age / G_TIME_SPAN_DAY);

          /* Newest first: the first one seen in a period is its newest. */
          if (!g_hash_table_contains (buckets, key))
            {
              g_hash_table_add (buckets, key);
              keep = TRUE;
            }
        }
      if (age >= 0 && age / (7 * G_TIME_SPAN_DAY) < KEEP_WEEKS)
        {
          gpointer key = GINT_TO_POINTER (-1 - age / (7 * G_TIME_SPAN_DAY));

          if (!g_hash_table_contains (buckets, key))
            {
              g_hash_table_add (buckets, key);
              keep = TRUE;
            }
        }

      if (keep)
        continue;

      /* A colleague's rotation may have removed it already. */
      if (g_unlink (info->path) != 0 && errno != ENOENT && failure == 0)
        {
          failure = errno;
          failed_name = info->path;
        }
    }

  folder = kt_backup_folder_for (portfolio_path);
  stem = kt_backup_stem (portfolio_path);
  remove_stale_temporaries (folder, stem, now);

  if (failure != 0)
    {
      g_autofree char *display = g_filename_display_basename (failed_name);

      g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_IO,
                   _("The old backup “%s” could not be removed: %s"),
                   display, g_strerror (failure));
      return FALSE;
    }

  return TRUE;
}

gboolean
kt_backup_is_due (const char *portfolio_path,
                  GDateTime  *now)
{
  g_autoptr(GPtrArray) backups = NULL;
  KtBackupInfo *newest;

  g_return_val_if_fail (portfolio_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  /* An unreadable folder: trying makes the failure visible. */
  backups = kt_backup_list (portfolio_path, NULL);
  if (backups == NULL || backups->len == 0)
    return TRUE;

  newest = g_ptr_array_index (backups, 0);

  return g_date_time_difference (now, newest->made_at) > G_TIME_SPAN_DAY;
}

KtBackupInfo *
kt_backup_find_latest_good (const char  *portfolio_path,
                            GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (portfolio_path != NULL, NULL);

  backups = kt_backup_list (portfolio_path, error);
  if (backups == NULL)
    return NULL;

  for (guint i = 0; i < backups->len; i++)
    {
      KtBackupInfo *info = g_ptr_array_index (backups, i);
      g_autoptr(GError) local_error = NULL;
      gint64 user_version = 0;

      if (kt_backup_check_file (info->path, &user_version, &local_error))
        return g_ptr_array_steal_index (backups, i);

      g_debug ("Backup %s is not usable: %s", info->path, local_error->message);
    }

  return NULL;
}
