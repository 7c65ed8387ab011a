/* kt-time-stamp.h — "changed at" time stamps as people read them
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The store's ISO 8601 UTC time stamp ("2026-11-26T13:05:00Z") in local
 * time, "26.11.2026 14:05"; text that is no time stamp comes back as it is. */
char *kt_time_stamp_format       (const char *iso);
/* The same, but only the time of day when it is today ("14:05"); NULL
 * when @iso is NULL or no time stamp. */
char *kt_time_stamp_format_short (const char *iso);
/* "Last changed by <who> at <when>", or NULL when either is unknown. */
char *kt_time_stamp_last_changed (const char *who,
                                  const char *iso);

G_END_DECLS
