/* kt-model-error.h — the error domain of the model room
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KT_MODEL_ERROR (kt_model_error_quark ())

typedef enum {
  KT_MODEL_ERROR_INVALID,       /* malformed input: letters in an amount, ... */
  KT_MODEL_ERROR_WRONG_LENGTH,  /* a CVR number without 8 digits */
  KT_MODEL_ERROR_CHECKSUM,      /* a CVR number whose check digit does not match */
  KT_MODEL_ERROR_OUT_OF_RANGE,  /* 31.02.2026, an amount too large to store */
} KtModelError;

GQuark kt_model_error_quark (void);

G_END_DECLS
