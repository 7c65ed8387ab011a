/* kt-document-row.h — one document in a contract's documents group
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-document.h"

G_BEGIN_DECLS

#define KT_TYPE_DOCUMENT_ROW (kt_document_row_get_type ())
G_DECLARE_FINAL_TYPE (KtDocumentRow, kt_document_row, KT, DOCUMENT_ROW, AdwActionRow)

/* An activatable row: an icon for the file's type, the original name and
 * "Signed contract · 12 pages · 1.2 MB · attached by NAME on DATE". A menu
 * (Open, Kind, Show in Folder, Remove) and, for a missing file, a warning
 * and "Locate…".
 *
 * @missing_path: where the file was expected, when it is not there (NULL:
 * it is there). @problem: why no path could be made for it at all (an
 * invalid stored hash; NULL: none). @read_only_reason: NULL when the
 * portfolio can be written, else why not (the tooltip of what is off).
 *
 * Signals, which the list acts on: "open", "locate", "show-in-folder",
 * "remove" and "kind-changed" (int, the new KtDocumentKind). Activating the
 * row emits "open". */
GtkWidget        *kt_document_row_new          (const KtDocument *document,
                                                const char       *missing_path,
                                                const char       *problem,
                                                const char       *read_only_reason);
const KtDocument *kt_document_row_get_document (KtDocumentRow    *self);
gboolean          kt_document_row_is_missing   (KtDocumentRow    *self);

/* The row of a file being attached: a spinner and its name. */
GtkWidget        *kt_document_row_new_pending  (const char       *name);
/* "Signed contract · 12 pages · 1.2 MB · attached by NAME on DATE". */
char             *kt_document_row_describe     (const KtDocument *document);

G_END_DECLS
