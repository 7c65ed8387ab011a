/* fault-vfs.h — an SQLite VFS shim that fails the Nth read, write, sync or lock
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registered over the default VFS of the process, it passes every call on
 * to it and counts the file calls of each kind. Armed, it fails the Nth
 * call of one kind from then on (and, "sticky", every later one) as a
 * failing disk or network drive would: SQLITE_IOERR_READ / _WRITE / _FSYNC
 * with errno EIO, or SQLITE_BUSY for a lock. Not thread-safe.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FAULT_READ,
  FAULT_WRITE,
  FAULT_SYNC,
  FAULT_LOCK,
  N_FAULT_KINDS
} FaultKind;

/* Makes the shim the default VFS; every connection opened later uses it. */
void         fault_vfs_register  (void);

/* Counts from zero again; the @n-th call of @kind (1-based) fails. */
void         fault_vfs_arm       (FaultKind  kind,
                                  guint      n,
                                  gboolean   sticky);
/* No more faults; the counts go on. */
void         fault_vfs_disarm    (void);

/* Calls of @kind since the last arm. */
guint        fault_vfs_count     (FaultKind  kind);
/* Faults injected since the last arm. */
guint        fault_vfs_hits      (void);

const char  *fault_kind_name     (FaultKind  kind);

G_END_DECLS
