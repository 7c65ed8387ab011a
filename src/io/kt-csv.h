/* kt-csv.h — CSV files that Danish Excel opens as they are
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The format, chosen so that a double click opens the file in Excel with
 * Danish regional settings, and still reads anywhere else:
 * - UTF-8 with a byte order mark: without it Excel reads the bytes as
 *   Windows-1252 and "Økonomi" becomes "Ã˜konomi".
 * - ';' between fields, as Excel expects where ',' is the decimal comma.
 * - RFC 4180 quoting: a field with ';', '"', CR or LF is put in double
 *   quotes and its quotes are doubled; lines end in CRLF.
 * - Amounts in kroner with a decimal comma and no grouping ("1234567,50"),
 *   which Danish Excel reads as numbers; unknown amounts are empty.
 * - Dates in ISO 8601 ("2026-09-30"): Excel reads them as dates in every
 *   locale, where "30.09.2026" is text outside Denmark and "30-09-2026" is
 *   text in some Danish versions. Unset dates are empty.
 * - Text that starts with '=', '+', '-' or '@' gets a leading "'" so that
 *   a spreadsheet does not run it as a formula (a name in a shared
 *   portfolio must not become code on a colleague's machine). */
typedef struct _KtCsv KtCsv;

KtCsv    *kt_csv_new           (void);
void      kt_csv_free          (KtCsv       *csv);
void      kt_csv_add_text      (KtCsv       *csv,
                                const char  *text);
void      kt_csv_add_money     (KtCsv       *csv,
                                gint64       ore);
void      kt_csv_add_date      (KtCsv       *csv,
                                const GDate *date);
void      kt_csv_add_uint      (KtCsv       *csv,
                                guint        value);
void      kt_csv_end_row       (KtCsv       *csv);
/* The document so far, with its byte order mark. */
GBytes   *kt_csv_get_bytes     (KtCsv       *csv);
/* Writes the document to @path (replacing it atomically). */
gboolean  kt_csv_write         (KtCsv       *csv,
                                const char  *path,
                                GError     **error);

/* One field as it appears in the file (quoted when it must be). */
char     *kt_csv_quote         (const char  *text);
/* "1234567,50", "-0,05"; "" for KT_MONEY_NONE. */
char     *kt_csv_format_money  (gint64       ore);

/* The tender plan (KtTenderPlanRow of kt_tender_plan_build ()) with a
 * header row in the user's language. */
gboolean  kt_csv_write_tender_plan (GPtrArray   *rows,
                                    const char  *path,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtCsv, kt_csv_free)

G_END_DECLS
