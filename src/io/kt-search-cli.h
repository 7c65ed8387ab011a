/* kt-search-cli.h — the portfolio's full-text search on the command line
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `kontrakter --portfolio FILE --search TEXT`: indexes what is pending
 * (when the file is writable), then appends one line per hit to @out:
 * "K-2024-007 Økonomisystem — page 4 of Kontrakt.pdf" / "— Notes". */
gboolean    kt_search_print                     (const char         *portfolio_path,
                                                 const char         *query,
                                                 GString            *out,
                                                 guint              *n_hits,
                                                 GError            **error);

G_END_DECLS
