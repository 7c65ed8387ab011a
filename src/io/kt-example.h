/* kt-example.h — the fictional example portfolio "Eksempel Kommune"
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kt-store.h"

G_BEGIN_DECLS

/* The seed of `kontrakter --create-example`. */
#define KT_EXAMPLE_DEFAULT_SEED 2017

typedef struct {
  /* 0: the curated Eksempel Kommune (about 90 contracts, 39 suppliers).
   * Otherwise exactly this many contracts, with n/8 suppliers, people and
   * org units, built from the same vocabulary (benchmarks, tests). */
  guint   n_contracts;
  /* With n_contracts > 0: exactly this many activities on the generated
   * contracts (0: none). The curated set always has its own activities. */
  guint   n_activities;
  guint32 seed;
  /* The portfolio's "today": end dates, notice and price regulation dates
   * are placed relative to it so the example always looks current. An
   * invalid date means the current local date. */
  GDate   reference_date;
} KtExampleOptions;

/* Sets the defaults: the curated set, KT_EXAMPLE_DEFAULT_SEED, today. */
void      kt_example_options_init (KtExampleOptions        *options);

/* Adds the example to an open, writable store in one transaction: either all
 * of it is written or, on error, nothing. The same options (seed and
 * reference date) always give the same portfolio. NULL options = defaults. */
gboolean  kt_example_populate     (KtStore                 *store,
                                   const KtExampleOptions  *options,
                                   GError                 **error);

/* Creates a NEW portfolio file at path with the curated example, relative to
 * today. Refuses (G_IO_ERROR_EXISTS, translated message) when anything
 * already exists at path: a user's file is never overwritten. The file
 * appears complete or not at all. Then the example's contract PDFs are
 * attached (documents folder beside it, kt_example_add_documents ()); if
 * that fails the portfolio stays, without them, and a warning says why. */
gboolean  kt_example_write        (const char              *path,
                                   GError                 **error);

G_END_DECLS
