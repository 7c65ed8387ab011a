/* kt-bench.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kt-bench.h"

static int
compare_double_cb (gconstpointer a,
                   gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
kt_bench_median_ms (KtBenchFunc func,
                    gpointer    user_data,
                    guint       runs)
{
  g_autofree double *times = NULL;
  double median;

  g_return_val_if_fail (func != NULL, 0);

  runs = MAX (runs, 1);
  times = g_new (double, runs);

  func (user_data);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (user_data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, runs, sizeof (double), compare_double_cb);
  if (runs % 2 == 1)
    median = times[runs / 2];
  else
    median = (times[runs / 2 - 1] + times[runs / 2]) / 2.0;

  return median;
}

double
kt_bench_peak_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return 0;

  /* "VmHWM:     38912 kB" */
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

void
kt_bench_reset_peak (void)
{
  /* Written in place (g_file_set_contents would rename over it). Best
   * effort: without it the peak includes the set-up. */
  FILE *file = fopen ("/proc/self/clear_refs", "w");

  if (file == NULL)
    return;
  fputs ("5", file);
  fclose (file);
}

gboolean
kt_bench_report (const char *name,
                 double      ours_ms,
                 double      raw_ms,
                 double      target_ratio)
{
  double ratio = raw_ms > 0 ? ours_ms / raw_ms : 0;
  gboolean within = target_ratio <= 0 || ratio <= target_ratio;
  char ours_s[G_ASCII_DTOSTR_BUF_SIZE];
  char raw_s[G_ASCII_DTOSTR_BUF_SIZE];
  char ratio_s[G_ASCII_DTOSTR_BUF_SIZE];
  char target_s[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (name != NULL, FALSE);

  /* C-locale numbers ("41.2") whatever the environment, so that the lines
   * can be compared and parsed. */
  g_ascii_formatd (ours_s, sizeof ours_s, "%.1f", ours_ms);
  g_ascii_formatd (raw_s, sizeof raw_s, "%.1f", raw_ms);
  g_ascii_formatd (ratio_s, sizeof ratio_s, "%.2f", ratio);
  g_ascii_formatd (target_s, sizeof target_s, "%.2f", target_ratio);

  printf ("%s: %s ms, raw %s ms, ratio %s, peak %.0f MiB\n",
          name, ours_s, raw_s, ratio_s, kt_bench_peak_mib ());
  if (!within)
    printf ("%s: WARNING: over target (ratio %s > %s)\n", name, ratio_s, target_s);
  fflush (stdout);

  return within;
}
