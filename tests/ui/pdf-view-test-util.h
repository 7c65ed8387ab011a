/* pdf-view-test-util.h — shared by the PDF viewer's tests
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-pdf-view-private.h"

G_BEGIN_DECLS

#define A4_W 595.0
#define A4_H 842.0

/* A KtPdfView in a GtkScrolledWindow in an 800 × 600 window, showing a
 * PDF written for the test: with the test data 0, three pages (A4, A4
 * landscape, A4; "opsigelse" twice on the first and once on the last);
 * with a number n, n A4 pages with the same texts in turn, the document
 * opened but not yet given to the view. */
typedef struct {
  GtkWidget     *window;
  GtkWidget     *scrolled;
  KtPdfView     *view;
  KtPdfDocument *document;
  char          *dir;
  char          *path;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

void           fixture_set_up        (Fixture           *f,
                                      gconstpointer      data);
void           fixture_tear_down     (Fixture           *f,
                                      gconstpointer      data);

/* @n_pages pages of the three texts in turn; the second landscape if
 * @landscape_second. */
void           write_pdf             (const char        *path,
                                      const char *const *pages,
                                      guint              n_pages,
                                      gboolean           landscape_second);
/* Runs what is pending in the main loop. */
void           spin                  (void);
/* Runs the main loop until @condition holds; fails after 20 s. */
void           spin_until            (Condition          condition,
                                      gpointer           data);
gboolean       allocated             (gpointer           widget);

GtkAdjustment *vadjustment           (Fixture           *f);
GtkAdjustment *hadjustment           (Fixture           *f);
/* Where a point of a page (in points) is in the view's widget pixels. */
void           page_point_to_widget  (Fixture           *f,
                                      guint              page,
                                      double             px,
                                      double             py,
                                      double            *x,
                                      double            *y);
/* A "notify" handler that counts into the guint at @count. */
void           count_cb              (GObject           *object,
                                      GParamSpec        *pspec,
                                      guint             *count);

/* "find-finished" handler setting the gboolean at @done, and its test */
void           finished_cb           (KtPdfView         *view,
                                      guint              n,
                                      gboolean          *done);
gboolean       find_finished         (gpointer           done);

/* In test-pdf-view-text.c: find, selection and clauses */
void           add_text_tests        (void);

G_END_DECLS
