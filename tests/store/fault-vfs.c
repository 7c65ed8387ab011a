/* fault-vfs.c — an SQLite VFS shim that fails the Nth read, write, sync or lock
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <errno.h>

#include <sqlite3.h>

#include "fault-vfs.h"

typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;  /* the default VFS's file, allocated right after this */
} ShimFile;

#define REAL(f) (((ShimFile *) (f))->real)

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;

static struct {
  guint     count[N_FAULT_KINDS];
  gboolean  armed;
  FaultKind kind;
  guint     n;
  gboolean  sticky;
  guint     hits;
} state;

static gboolean
inject (FaultKind kind)
{
  guint call = ++state.count[kind];

  if (!state.armed || kind != state.kind)
    return FALSE;
  if (call != state.n && !(state.sticky && call > state.n))
    return FALSE;

  state.hits++;
  /* What the C library says when a disk or a network drive fails. */
  errno = EIO;

  return TRUE;
}

/* ---- file methods: counted ones ---- */

static int
shim_read (sqlite3_file  *f,
           void          *buffer,
           int            amount,
           sqlite3_int64  offset)
{
  if (inject (FAULT_READ))
    return SQLITE_IOERR_READ;

  return REAL (f)->pMethods->xRead (REAL (f), buffer, amount, offset);
}

static int
shim_write (sqlite3_file  *f,
            const void    *buffer,
            int            amount,
            sqlite3_int64  offset)
{
  if (inject (FAULT_WRITE))
    return SQLITE_IOERR_WRITE;

  return REAL (f)->pMethods->xWrite (REAL (f), buffer, amount, offset);
}

static int
shim_sync (sqlite3_file *f,
           int           flags)
{
  if (inject (FAULT_SYNC))
    return SQLITE_IOERR_FSYNC;

  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
shim_lock (sqlite3_file *f,
           int           level)
{
  /* A colleague's lock, as far as SQLite can tell. */
  if (inject (FAULT_LOCK))
    return SQLITE_BUSY;

  return REAL (f)->pMethods->xLock (REAL (f), level);
}

/* ---- file methods: passed on ---- */

static int
shim_close (sqlite3_file *f)
{
  return REAL (f)->pMethods->xClose (REAL (f));
}

static int
shim_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
shim_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
shim_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
shim_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
shim_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
shim_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
shim_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
shim_shm_map (sqlite3_file *f, int page, int page_size, int extend, void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, page_size, extend, out);
}

static int
shim_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
shim_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
shim_fetch (sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (f)->pMethods->xFetch (REAL (f), offset, amount, out);
}

static int
shim_unfetch (sqlite3_file *f, sqlite3_int64 offset, void *page)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), offset, page);
}

static const sqlite3_io_methods shim_methods = {
  3,
  shim_close,
  shim_read,
  shim_write,
  shim_truncate,
  shim_sync,
  shim_file_size,
  shim_lock,
  shim_unlock,
  shim_check_reserved_lock,
  shim_file_control,
  shim_sector_size,
  shim_device_characteristics,
  shim_shm_map,
  shim_shm_lock,
  shim_shm_barrier,
  shim_shm_unmap,
  shim_fetch,
  shim_unfetch,
};

static int
shim_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *f,
           int           flags,
           int          *out_flags)
{
  ShimFile *shim = (ShimFile *) f;
  int rc;

  shim->real = (sqlite3_file *) (shim + 1);
  rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);

  /* SQLite closes a file whose pMethods is set, also after a failed open. */
  shim->base.pMethods = shim->real->pMethods != NULL ? &shim_methods : NULL;

  return rc;
}

void
fault_vfs_register (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);

  /* Everything but opening a file goes straight to the default VFS; the
   * unix one does not look at which VFS struct it is called through. */
  shim_vfs = *real_vfs;
  shim_vfs.zName = "kt-fault";
  shim_vfs.pNext = NULL;
  shim_vfs.szOsFile = sizeof (ShimFile) + real_vfs->szOsFile;
  shim_vfs.xOpen = shim_open;

  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
}

void
fault_vfs_arm (FaultKind kind,
               guint     n,
               gboolean  sticky)
{
  memset (state.count, 0, sizeof state.count);
  state.kind = kind;
  state.n = n;
  state.sticky = sticky;
  state.hits = 0;
  state.armed = TRUE;
}

void
fault_vfs_disarm (void)
{
  state.armed = FALSE;
}

guint
fault_vfs_count (FaultKind kind)
{
  return state.count[kind];
}

guint
fault_vfs_hits (void)
{
  return state.hits;
}

const char *
fault_kind_name (FaultKind kind)
{
  static const char *const names[] = { "read", "write", "sync", "lock" };

  return names[kind];
}
