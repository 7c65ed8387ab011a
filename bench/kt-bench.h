/* kt-bench.h — measuring helpers shared by the benchmarks
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every benchmark prints one line per measurement, so results can be compared
 * from run to run:
 *
 *   name: 41.2 ms, raw 23.0 ms, ratio 1.79, peak 38 MiB
 *
 * "raw" is the same work done the simplest possible way (e.g. sqlite3 alone),
 * measured in the same run on the same data.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*KtBenchFunc) (gpointer user_data);

/* Runs func once to warm caches up, then `runs` times (at least 1), and
 * returns the median wall-clock time of one run in milliseconds. */
double    kt_bench_median_ms (KtBenchFunc  func,
                              gpointer     user_data,
                              guint        runs);

/* Peak resident memory of this process so far (VmHWM), in MiB; 0 when the
 * system does not tell (no /proc). */
double    kt_bench_peak_mib  (void);
/* Starts the peak over from the current use (Linux: clear_refs 5), so that
 * set-up work such as generating test data does not count. */
void      kt_bench_reset_peak (void);

/* Prints the measurement line on stdout; when ours / raw exceeds
 * target_ratio (> 0), also a line "name: WARNING: over target …". Returns
 * FALSE when over target. Never aborts: benchmarks report, they do not fail
 * on speed. */
gboolean  kt_bench_report    (const char  *name,
                              double       ours_ms,
                              double       raw_ms,
                              double       target_ratio);

G_END_DECLS
