/* bench-documents.h — generated contract text and PDFs for the document
 * benchmarks
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Danish-like text: words drawn from a vocabulary of contract language
 * with a skewed distribution (a few words on every page, most rarely),
 * from a seeded GRand so that every run measures the same pages.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* About @n_words words of contract text in sentences and paragraphs. */
char     *bench_danish_text     (GRand       *rand,
                                 guint        n_words);
/* An A4 PDF of @n_pages full pages (a heading, a rule and wrapped text,
 * about 380 words a page) made with cairo and pango. */
void      bench_write_pdf       (const char  *path,
                                 guint        n_pages,
                                 GRand       *rand);
/* A new temporary folder, and its removal with everything in it. */
char     *bench_make_dir        (const char  *tmpl);
void      bench_remove_tree     (const char  *path);
/* Like kt_bench_median_ms () for two ways of doing the same work, run
 * alternately (after one warm-up each) so that the machine's busy moments
 * fall on both alike; the medians in milliseconds. */
void      bench_median_pair_ms  (void       (*ours) (gpointer),
                                 void       (*raw) (gpointer),
                                 gpointer     user_data,
                                 guint        runs,
                                 double      *ours_ms,
                                 double      *raw_ms);
/* A count from the environment (for quick runs), or @fallback. */
guint     bench_env_count       (const char  *variable,
                                 guint        fallback);

G_END_DECLS
