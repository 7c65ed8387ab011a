/* kt-model-error.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-model-error.h"

G_DEFINE_QUARK (kt-model-error-quark, kt_model_error)
