/* kt-format.h — amounts and dates as people read and type them
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Danish style: "1.234.567,50 kr.", "26.11.2026", "26. nov. 2026".
 * English style: "DKK 1,234,567.50", "2026-11-26", "26 Nov 2026".
 * AUTO picks Danish when the first of g_get_language_names () starts with
 * "da" or LC_TIME is Danish ("da…" or "en_DK…"), else English. The C
 * library's locale tables are not used: the da_DK locale is often not
 * installed. Month names come from our own translations. */
typedef enum {
  KT_FORMAT_STYLE_AUTO,
  KT_FORMAT_STYLE_DANISH,
  KT_FORMAT_STYLE_ENGLISH,
} KtFormatStyle;

void          kt_format_set_style   (KtFormatStyle style);
/* The style in effect: never AUTO. */
KtFormatStyle kt_format_get_style   (void);

/* All return a newly allocated string; "" for KT_MONEY_NONE / unset dates.
 * Negative amounts get a leading "-". */
char     *kt_format_money       (gint64       ore);   /* with øre */
char     *kt_format_money_short (gint64       ore);   /* whole kroner, rounded */
/* Without currency, for an entry the user edits: "1.234.567,50" /
 * "1,234,567.50"; kt_parse_money reads it back. */
char     *kt_format_money_input (gint64       ore);
char     *kt_format_date        (const GDate *date);
char     *kt_format_date_long   (const GDate *date);

/* Parsing of what a user typed, in the current style. Amounts: "1.234.567,50",
 * "1234567,5", "1234567", "1.234 kr.", "1.234,-", "DKK 1,234.50" (English
 * style), a leading "-". An empty text is an error: callers treat an empty
 * entry as KT_MONEY_NONE themselves. On error *ore is untouched and a
 * translated KT_MODEL_ERROR is set. */
gboolean  kt_parse_money        (const char  *text,
                                 gint64      *ore,
                                 GError     **error);
/* Dates: day.month.year with ".", "-" or "/" ("26.11.2026", "1.6.2018"), or
 * ISO "2026-11-26"; the year always has 4 digits. Days that do not exist
 * (31.02.2026) are refused with a clear error. On error *out is untouched. */
gboolean  kt_parse_date         (const char  *text,
                                 GDate       *out,
                                 GError     **error);

/* Storage form 'YYYY-MM-DD'. to_iso returns NULL for an unset date.
 * from_iso is strict; on failure (NULL, "", malformed) it clears *out and
 * returns FALSE. */
char     *kt_date_to_iso        (const GDate *date);
gboolean  kt_date_from_iso      (const char  *iso,
                                 GDate       *out);

/* Text prepared for case-insensitive substring search: composed (NFC) and
 * case-folded, so "ÆRØ" finds "ærø" whether typed precomposed or not.
 * Fold the haystack and the needle with this same function. */
char     *kt_fold_for_search    (const char  *text);

G_END_DECLS
