/* pdf-test-util.h — small PDFs with known text, written by the tests
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixtures are made at test time rather than committed, so that what a test
 * expects to find in a PDF is written next to the test.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A4 portrait, in points. */
#define KT_PDF_TEST_PAGE_WIDTH  595.0
#define KT_PDF_TEST_PAGE_HEIGHT 842.0

/* Writes an A4 PDF with one page per string of @pages (@n_pages of them),
 * each set with cairo's PDF surface and pango ("DejaVu Sans 12", 72 pt
 * margins, wrapped; "\n" starts a new line). Any UTF-8 text, æøå too: the
 * text layer is real, so poppler finds and selects it. @title, if not
 * NULL, goes into the metadata. Aborts the test on failure. */
void  kt_pdf_test_write            (const char         *path,
                                    const char         *title,
                                    const char *const  *pages,
                                    guint               n_pages);

/* The same with @n_pages pages whose text is "Side N" and a line of
 * filler, for large documents. */
void  kt_pdf_test_write_numbered   (const char         *path,
                                    guint               n_pages);

/* Writes a PDF encrypted with the standard security handler (RC4, 40 bit,
 * revision 2) that needs @user_password to open, one page per string of
 * @pages in Helvetica at 14 pt (ASCII only; a line per "\n"). Made by hand
 * because cairo cannot encrypt and no encrypting tool is a build
 * dependency. */
void  kt_pdf_test_write_encrypted  (const char         *path,
                                    const char         *user_password,
                                    const char *const  *pages,
                                    guint               n_pages);

/* Writes @contents to @path (NUL not needed: @length bytes). */
void  kt_pdf_test_write_bytes      (const char         *path,
                                    const void         *contents,
                                    gsize               length);

/* Removes @dir and everything under it; links are removed, never
 * followed (tests plant links that point outside). */
void  kt_pdf_test_remove_tree      (const char         *dir);

G_END_DECLS
