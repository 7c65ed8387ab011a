/* kt-matrix-export.h — the supplier matrix as a PNG, SVG or PDF file
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Print quality from the same drawing as the screen (kt-matrix-painter.h),
 * in the projector's colours (black on white) whatever the desktop's theme:
 * an A4 landscape page, 842 × 595 points, as vectors in SVG and PDF and at
 * 300 dpi (3508 × 2480 pixels) in PNG, all three laid out alike. Headless:
 * no display needed.
 */
#pragma once

#include <gio/gio.h>

#include "kt-supplier-score.h"

G_BEGIN_DECLS

#define KT_MATRIX_EXPORT_PAGE_WIDTH   842.0   /* points, A4 landscape */
#define KT_MATRIX_EXPORT_PAGE_HEIGHT  595.0
#define KT_MATRIX_EXPORT_PNG_WIDTH    3508    /* pixels, A4 at 300 dpi */
#define KT_MATRIX_EXPORT_PNG_HEIGHT   2480

/* Writes the matrix of @scores (KtSupplierScore *) with @title above it
 * (NULL for none) to @path; the format comes from the extension, .png,
 * .svg or .pdf in any case. The file is written beside @path and renamed
 * over it, so a failed export leaves no broken file behind and an existing
 * one as it was. Errors are G_IO_ERROR (G_IO_ERROR_NOT_SUPPORTED for any
 * other extension), translated, naming the file. */
gboolean kt_matrix_export_file (GPtrArray              *scores,
                                const KtMatrixSettings *settings,
                                const char             *title,
                                const char             *path,
                                GError                **error);

G_END_DECLS
