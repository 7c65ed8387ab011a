/* kt-cvr.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kt-cvr.h"
#include "kt-model-error.h"

#define CVR_LENGTH 8

static const guint weights[CVR_LENGTH] = { 2, 7, 6, 5, 4, 3, 2, 1 };

static guint
weighted_sum (const char *digits,
              guint       n_digits)
{
  guint sum = 0;

  for (guint i = 0; i < n_digits; i++)
    sum += (guint) (digits[i] - '0') * weights[i];

  return sum;
}

gboolean
kt_cvr_validate (const char  *text,
                 char       **normalised,
                 GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (normalised == NULL || *normalised == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";

  p = text;
  while (g_ascii_isspace (*p))
    p++;

  /* The VAT number of a Danish company is its CVR number behind "DK". */
  if (g_ascii_strncasecmp (p, "DK", 2) == 0)
    p += 2;

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;

      if (!g_ascii_isdigit (*p))
        {
          g_set_error_literal (error, KT_MODEL_ERROR, KT_MODEL_ERROR_INVALID,
                               _("A CVR number contains only digits"));
          return FALSE;
        }

      g_string_append_c (digits, *p);
    }

  if (digits->len == 0)
    {
      g_set_error_literal (error, KT_MODEL_ERROR, KT_MODEL_ERROR_INVALID,
                           _("Enter a CVR number of 8 digits"));
      return FALSE;
    }

  if (digits->len != CVR_LENGTH)
    {
      g_set_error_literal (error, KT_MODEL_ERROR, KT_MODEL_ERROR_WRONG_LENGTH,
                           _("A CVR number has 8 digits"));
      return FALSE;
    }

  if (digits->str[0] == '0')
    {
      g_set_error_literal (error, KT_MODEL_ERROR, KT_MODEL_ERROR_INVALID,
                           _("A CVR number does not start with 0"));
      return FALSE;
    }

  if (weighted_sum (digits->str, CVR_LENGTH) % 11 != 0)
    {
      g_set_error_literal (error, KT_MODEL_ERROR, KT_MODEL_ERROR_CHECKSUM,
                           _("This is not a valid CVR number: the check digit does not match"));
      return FALSE;
    }

  if (normalised != NULL)
    *normalised = g_string_free (g_steal_pointer (&digits), FALSE);

  return TRUE;
}

char *
kt_cvr_complete (const char *seven_digits)
{
  guint remainder;
  guint check;

  g_return_val_if_fail (seven_digits != NULL, NULL);

  if (strlen (seven_digits) != CVR_LENGTH - 1 || seven_digits[0] == '0')
    return NULL;

  for (guint i = 0; i < CVR_LENGTH - 1; i++)
    if (!g_ascii_isdigit (seven_digits[i]))
      return NULL;

  /* The last weight is 1, so the check digit is what brings the sum up to
   * the next multiple of 11 — impossible when that would take 10. */
  remainder = weighted_sum (seven_digits, CVR_LENGTH - 1) % 11;
  check = (11 - remainder) % 11;
  if (check == 10)
    return NULL;

  return g_strdup_printf ("%s%u", seven_digits, check);
}
