/* kt-store-batch.c — whether a batch is open, for those who poll the file
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-store-private.h"

gboolean
kt_store_in_batch (KtStore *self)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  return self->in_batch;
}
