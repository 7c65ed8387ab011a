/* kt-format.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kt-contract.h"
#include "kt-format.h"

/* The explicitly set style, and the AUTO style once resolved (0 = not yet):
 * formatting runs once per cell for tens of thousands of rows. */
static int set_style = KT_FORMAT_STYLE_AUTO;
static int auto_style = 0;

static gboolean
is_danish_environment (void)
{
  const char * const *languages = g_get_language_names ();
  const char *lc_time = setlocale (LC_TIME, NULL);

  if (languages != NULL && languages[0] != NULL &&
      g_str_has_prefix (languages[0], "da"))
    return TRUE;

  return lc_time != NULL &&
         (g_str_has_prefix (lc_time, "da") || g_str_has_prefix (lc_time, "en_DK"));
}

void
kt_format_set_style (KtFormatStyle style)
{
  g_return_if_fail (style <= KT_FORMAT_STYLE_ENGLISH);

  g_atomic_int_set (&set_style, style);
  g_atomic_int_set (&auto_style, 0);
}

KtFormatStyle
kt_format_get_style (void)
{
  int style = g_atomic_int_get (&set_style);

  if (style != KT_FORMAT_STYLE_AUTO)
    return style;

  style = g_atomic_int_get (&auto_style);
  if (style == 0)
    {
      style = is_danish_environment () ? KT_FORMAT_STYLE_DANISH : KT_FORMAT_STYLE_ENGLISH;
      g_atomic_int_set (&auto_style, style);
    }

  return style;
}

static gboolean
is_danish (void)
{
  return kt_format_get_style () == KT_FORMAT_STYLE_DANISH;
}

/* ---- Amounts ---------------------------------------------------------- */

static guint64
magnitude (gint64 value)
{
  /* -G_MININT64 overflows; KT_MONEY_NONE never gets here but stay defined. */
  return value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value;
}

static void
append_grouped (GString *str,
                guint64  number,
                char     separator)
{
  char digits[24];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, number);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (str, separator);
      g_string_append_c (str, digits[i]);
    }
}

/* "1.234.567,50" or "1,234,567.50", with sign; with_ore = FALSE rounds to
 * whole kroner (half away from zero). */
static void
append_amount (GString  *str,
               gint64    ore,
               gboolean  with_ore)
{
  gboolean danish = is_danish ();
  guint64 mag = magnitude (ore);

  if (ore < 0)
    g_string_append_c (str, '-');

  if (with_ore)
    {
      append_grouped (str, mag / 100, danish ? '.' : ',');
      g_string_append_printf (str, "%c%02u", danish ? ',' : '.', (guint) (mag % 100));
    }
  else
    {
      append_grouped (str, mag / 100 + (mag % 100 >= 50 ? 1 : 0), danish ? '.' : ',');
    }
}

static char *
format_money (gint64   ore,
              gboolean with_ore)
{
  GString *str;

  if (ore == KT_MONEY_NONE)
    return g_strdup ("");

  str = g_string_new (NULL);

  if (is_danish ())
    {
      append_amount (str, ore, with_ore);
      g_string_append (str, " kr.");
    }
  else
    {
      if (ore < 0)
        {
          g_string_append (str, "-DKK ");
          /* No overflow: ore > G_MININT64 == KT_MONEY_NONE. */
          append_amount (str, -ore, with_ore);
        }
      else
        {
          g_string_append (str, "DKK ");
          append_amount (str, ore, with_ore);
        }
    }

  return g_string_free (str, FALSE);
}

char *
kt_format_money (gint64 ore)
{
  return format_money (ore, TRUE);
}

char *
kt_format_money_short (gint64 ore)
{
  return format_money (ore, FALSE);
}

char *
kt_format_money_input (gint64 ore)
{
  GString *str;

  if (ore == KT_MONEY_NONE)
    return g_strdup ("");

  str = g_string_new (NULL);
  append_amount (str, ore, TRUE);

  return g_string_free (str, FALSE);
}

/* ---- Dates ------------------------------------------------------------ */

static const char *
month_abbreviation (GDateMonth month)
{
  switch (month)
    {
    /* Translators: abbreviated month name in a date like "26 Nov 2026";
     * Danish: "jan." */
    case G_DATE_JANUARY: return C_("month abbreviation", "Jan");
    /* Translators: Danish: "feb." */
    case G_DATE_FEBRUARY: return C_("month abbreviation", "Feb");
    /* Translators: Danish: "mar." */
    case G_DATE_MARCH: return C_("month abbreviation", "Mar");
    /* Translators: Danish: "apr." */
    case G_DATE_APRIL: return C_("month abbreviation", "Apr");
    /* Translators: Danish: "maj" (no dot: the word is not shortened) */
    case G_DATE_MAY: return C_("month abbreviation", "May");
    /* Translators: Danish: "jun." */
    case G_DATE_JUNE: return C_("month abbreviation", "Jun");
    /* Translators: Danish: "jul." */
    case G_DATE_JULY: return C_("month abbreviation", "Jul");
    /* Translators: Danish: "aug." */
    case G_DATE_AUGUST: return C_("month abbreviation", "Aug");
    /* Translators: Danish: "sep." */
    case G_DATE_SEPTEMBER: return C_("month abbreviation", "Sep");
    /* Translators: Danish: "okt." */
    case G_DATE_OCTOBER: return C_("month abbreviation", "Oct");
    /* Translators: Danish: "nov." */
    case G_DATE_NOVEMBER: return C_("month abbreviation", "Nov");
    /* Translators: Danish: "dec." */
    case G_DATE_DECEMBER: return C_("month abbreviation", "Dec");
    case G_DATE_BAD_MONTH:
    default:
      g_return_val_if_reached ("");
    }
}

char *
kt_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  if (is_danish ())
    return g_strdup_printf ("%02u.%02u.%04u",
                            g_date_get_day (date),
                            g_date_get_month (date),
                            g_date_get_year (date));

  return kt_date_to_iso (date);
}

char *
kt_format_date_long (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  return g_strdup_printf (is_danish () ? "%u. %s %u" : "%u %s %u",
                          g_date_get_day (date),
                          month_abbreviation (g_date_get_month (date)),
                          g_date_get_year (date));
}

char *
kt_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
kt_date_from_iso (const char *iso,
                  GDate      *out)
{
  guint year, month, day;

  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (iso, NULL, 10);
  month = (guint) g_ascii_strtoull (iso + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (iso + 8, NULL, 10);

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (out, day, month, year);

  return TRUE;
}

/* ---- Search ----------------------------------------------------------- */

/* Portfolio text is nearly all Latin-1 (Danish), where folding is simple and
 * NFC changes nothing; the general path costs ten times more and is paid for
 * every row of a 20,000-row portfolio. Returns NULL when the text needs it. */
static char *
fold_latin1 (const char *text)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (text));
  const guchar *p = (const guchar *) text;

  while (*p != '\0')
    {
      gunichar c;

      if (*p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          p++;
          continue;
        }

      /* Dashes, quotes, bullets and the ellipsis (U+2010–U+2027) and the
       * euro sign are common in contract names; casefolding and NFC leave
       * them as they are, so they are copied unchanged. */
      if (p[0] == 0xE2 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
        {
          c = ((gunichar) (p[0] & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          if ((c >= 0x2010 && c <= 0x2027) || c == 0x20AC)
            {
              g_string_append_len (out, (const char *) p, 3);
              p += 3;
              continue;
            }
          return NULL;
        }

      /* Two-byte sequences up to U+00FF start with 0xC2 or 0xC3. */
      if ((p[0] != 0xC2 && p[0] != 0xC3) || (p[1] & 0xC0) != 0x80)
        return NULL;

      c = ((gunichar) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
      p += 2;

      if (c == 0x00B5)                /* MICRO SIGN folds to Greek mu */
        return NULL;
      else if (c == 0x00DF)           /* ß folds to "ss", as in g_utf8_casefold () */
        g_string_append (out, "ss");
      else if (c >= 0x00C0 && c <= 0x00DE && c != 0x00D7)
        g_string_append_unichar (out, c + 0x20);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
kt_fold_for_search (const char *text)
{
  g_autofree char *normalised = NULL;
  char *folded;

  if (text == NULL)
    return g_strdup ("");

  folded = fold_latin1 (text);
  if (folded != NULL)
    return folded;

  normalised = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (normalised == NULL) /* not UTF-8: find nothing rather than crash */
    return g_strdup ("");

  return g_utf8_casefold (normalised, -1);
}
