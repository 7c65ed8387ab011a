/* kt-store-schema-v6.c — schema version 6: colleagues' real names in the history
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept apart from kt-store-schema.c only for its length; the rules there
 * hold here: a released step is never edited.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-store-private.h"

/* Version 6: the audit trail keeps the writer's real name beside the login,
 * so the history can say “Bente Holm” for a colleague and not only
 * “bho on pc-456”. Adding a nullable column rewrites no row and keeps the
 * append-only triggers, the index and the ids; older rows stay NULL since
 * nobody can know now who they were. */
const char kt_store_schema_v6[] =
  "ALTER TABLE audit_log ADD COLUMN display_name TEXT;\n";
