/* kt-format-parse.c — reading what people type into amount and date entries
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kt-format.h"
#include "kt-model-error.h"

static gboolean
is_danish (void)
{
  return kt_format_get_style () == KT_FORMAT_STYLE_DANISH;
}

/* ---- Amounts ---------------------------------------------------------- */

static void
set_money_error (GError **error)
{
  g_autofree char *example = kt_format_money_input (123456750);

  /* Translators: %s is an example amount, e.g. "1.234.567,50" */
  g_set_error (error, KT_MODEL_ERROR, KT_MODEL_ERROR_INVALID,
               _("This is not an amount: write it like %s"), example);
}

static gboolean
strip_prefix_ci (const char **p,
                 const char  *prefix)
{
  gsize len = strlen (prefix);

  if (g_ascii_strncasecmp (*p, prefix, len) != 0)
    return FALSE;

  *p += len;
  return TRUE;
}

static gboolean
strip_suffix_ci (GString    *str,
                 const char *suffix)
{
  gsize len = strlen (suffix);

  if (str->len < len || g_ascii_strcasecmp (str->str + str->len - len, suffix) != 0)
    return FALSE;

  g_string_truncate (str, str->len - len);
  return TRUE;
}

/* Whether digits[0..len) is "1234567" or correctly grouped "1.234.567". */
static gboolean
valid_integer_part (const char *digits,
                    gsize       len,
                    char        group)
{
  gsize run = 0;
  gboolean grouped = FALSE;

  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (digits[i] == group)
        {
          if (run == 0 || (grouped && run != 3) || (!grouped && run > 3))
            return FALSE;
          grouped = TRUE;
          run = 0;
        }
      else if (g_ascii_isdigit (digits[i]))
        {
          run++;
        }
      else
        {
          return FALSE;
        }
    }

  return !grouped || run == 3;
}

gboolean
kt_parse_money (const char  *text,
                gint64      *ore,
                GError     **error)
{
  g_autoptr(GString) str = g_string_new (NULL);
  gboolean negative = FALSE;
  char decimal = is_danish () ? ',' : '.';
  char group = is_danish () ? '.' : ',';
  const char *sep;
  gsize int_len;
  guint64 kroner = 0;
  guint64 fraction = 0;

  g_return_val_if_fail (ore != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      set_money_error (error);
      return FALSE;
    }

  /* Drop every kind of space: people (and spreadsheets) group digits with
   * spaces, no-break spaces or thin spaces. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009)
        continue;
      if (c == 0x2212) /* MINUS SIGN */
        c = '-';
      g_string_append_unichar (str, c);
    }

  {
    const char *p = str->str;

    if (*p == '-')
      negative = TRUE, p++;
    else if (*p == '+')
      p++;
    if (strip_prefix_ci (&p, "DKK") || strip_prefix_ci (&p, "kr."))
      {
        if (!negative && *p == '-')
          negative = TRUE, p++;
      }
    g_string_erase (str, 0, p - str->str);
  }

  if (!strip_suffix_ci (str, "kr.") && !strip_suffix_ci (str, "kr"))
    strip_suffix_ci (str, "DKK");

  /* "1.234,-" is the Danish way of writing whole kroner. */
  if (g_str_has_suffix (str->str, ",-") || g_str_has_suffix (str->str, ".-"))
    g_string_truncate (str, str->len - 2);

  if (str->len == 0)
    {
      set_money_error (error);
      return FALSE;
    }

  sep = strchr (str->str, decimal);

  /* "1234.5" typed under Danish style (or "1234,5" under English) can only
   * mean a decimal: a group separator is followed by three digits. */
  if (sep == NULL)
    {
      const char *other = strchr (str->str, group);

      if (other != NULL && strchr (other + 1, group) == NULL)
        {
          gsize tail = strlen (other + 1);

          if (tail >= 1 && tail <= 2)
            sep = other;
        }
    }

  int_len = sep != NULL ? (gsize) (sep - str->str) : str->len;

  if (!valid_integer_part (str->str, int_len, group))
    {
      set_money_error (error);
      return FALSE;
    }

  if (sep != NULL)
    {
      const char *f = sep + 1;
      gsize f_len = strlen (f);

      for (gsize i = 0; i < f_len; i++)
        {
          if (!g_ascii_isdigit (f[i]))
            {
              set_money_error (error);
              return FALSE;
            }
        }

      if (f_len == 0)
        {
          set_money_error (error);
          return FALSE;
        }

      if (f_len > 2)
        {
          g_set_error_literal (error, KT_MODEL_ERROR, KT_MODEL_ERROR_INVALID,
                               _("An amount has at most two decimals (øre)"));
          return FALSE;
        }

      fraction = (guint64) (f[0] - '0') * 10 + (f_len == 2 ? (guint64) (f[1] - '0') : 0);
    }

  for (gsize i = 0; i < int_len; i++)
    {
      if (str->str[i] == group)
        continue;

      /* kroner stays below G_MAXINT64 / 100, so neither this nor the
       * multiplication by 100 below can overflow a guint64. */
      kroner = kroner * 10 + (guint64) (str->str[i] - '0');
      if (kroner > G_MAXINT64 / 100)
        break;
    }

  if (kroner > G_MAXINT64 / 100 || kroner * 100 + fraction > G_MAXINT64)
    {
      g_set_error_literal (error, KT_MODEL_ERROR, KT_MODEL_ERROR_OUT_OF_RANGE,
                           _("This amount is too large"));
      return FALSE;
    }

  *ore = (gint64) (kroner * 100 + fraction);
  if (negative)
    *ore = -*ore;

  return TRUE;
}

/* ---- Dates ------------------------------------------------------------ */

/* Reads 1..max_digits digits; FALSE when there are none or more. */
static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *n_digits,
             guint       *value)
{
  guint n = 0;
  guint v = 0;

  while (g_ascii_isdigit (**p))
    {
      if (++n > max_digits)
        return FALSE;
      v = v * 10 + (guint) (**p - '0');
      (*p)++;
    }

  *n_digits = n;
  *value = v;
  return n > 0;
}

static void
set_date_format_error (GError **error)
{
  GDate example;
  g_autofree char *text = NULL;

  g_date_clear (&example, 1);
  g_date_set_dmy (&example, 26, G_DATE_NOVEMBER, 2026);
  text = kt_format_date (&example);

  /* Translators: %s is an example date, e.g. "26.11.2026" */
  g_set_error (error, KT_MODEL_ERROR, KT_MODEL_ERROR_INVALID,
               _("This is not a date: write it like %s"), text);
}

gboolean
kt_parse_date (const char  *text,
               GDate       *out,
               GError     **error)
{
  g_autofree char *stripped = NULL;
  const char *p;
  guint a, b, c;
  guint na, nb, nc;
  guint day, month, year;
  guint days_in_month;
  char sep;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";

  stripped = g_strstrip (g_strdup (text));
  p = stripped;

  if (!read_number (&p, 4, &na, &a) ||
      (*p != '.' && *p != '-' && *p != '/'))
    {
      set_date_format_error (error);
      return FALSE;
    }
  sep = *p++;

  if (!read_number (&p, 2, &nb, &b) || *p != sep)
    {
      set_date_format_error (error);
      return FALSE;
    }
  p++;

  if (!read_number (&p, 4, &nc, &c) || *p != '\0')
    {
      set_date_format_error (error);
      return FALSE;
    }

  if (na == 4 && sep == '-' && nc <= 2)
    {
      year = a, month = b, day = c;
    }
  else if (na <= 2 && nc == 4)
    {
      day = a, month = b, year = c;
    }
  else
    {
      if (nc == 2 && na <= 2)
        g_set_error_literal (error, KT_MODEL_ERROR, KT_MODEL_ERROR_INVALID,
                             _("Write the year with four digits"));
      else
        set_date_format_error (error);
      return FALSE;
    }

  if (year < 1000)
    {
      g_set_error_literal (error, KT_MODEL_ERROR, KT_MODEL_ERROR_OUT_OF_RANGE,
                           _("Write the year with four digits"));
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      g_set_error (error, KT_MODEL_ERROR, KT_MODEL_ERROR_OUT_OF_RANGE,
                   _("There is no month %u: months go from 1 to 12"), month);
      return FALSE;
    }

  days_in_month = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  if (day < 1 || day > days_in_month)
    {
      g_set_error (error, KT_MODEL_ERROR, KT_MODEL_ERROR_OUT_OF_RANGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This day does not exist: that month has %u day",
                                "This day does not exist: that month has %u days",
                                days_in_month),
                   days_in_month);
      return FALSE;
    }

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);

  return TRUE;
}
