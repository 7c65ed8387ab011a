/* kt-cvr.h — Danish company registration (CVR) numbers
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A CVR number has 8 digits, the first not 0; with the weights
 * 2,7,6,5,4,3,2,1 the weighted digit sum is divisible by 11 (modulus 11).
 *
 * kt_cvr_validate() accepts what people type or paste: surrounding and inner
 * spaces and an optional "DK" prefix (the VAT form, "DK 12 34 56 78").
 * On success *normalised (if not NULL) is the bare 8 digits, free with
 * g_free(). On failure a translated KT_MODEL_ERROR is set: WRONG_LENGTH,
 * INVALID (letters, leading 0, empty) or CHECKSUM. */
gboolean  kt_cvr_validate (const char  *text,
                           char       **normalised,
                           GError     **error);

/* The valid CVR number that starts with these 7 digits, or NULL when no
 * check digit makes one (the weighted sum leaves remainder 10 for those
 * 7 digits) or when the input is not 7 digits starting with 1-9. */
char     *kt_cvr_complete (const char  *seven_digits);

G_END_DECLS
