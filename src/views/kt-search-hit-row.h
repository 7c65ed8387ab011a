/* kt-search-hit-row.h — one hit in the search view
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-search-hit.h"

G_BEGIN_DECLS

#define KT_TYPE_SEARCH_HIT_ROW (kt_search_hit_row_get_type ())
G_DECLARE_FINAL_TYPE (KtSearchHitRow, kt_search_hit_row, KT, SEARCH_HIT_ROW, GtkListBoxRow)

/* "K-2024-007 Økonomisystem" over where the hit is ("page 4 of
 * Kontrakt.pdf" / "Notes") and the snippet with the matches in bold; one
 * accessible label says all three. */
GtkWidget         *kt_search_hit_row_new      (const KtSearchHit *hit);
const KtSearchHit *kt_search_hit_row_get_hit  (KtSearchHitRow    *self);
/* "K-2024-007 Økonomisystem": number and name, either alone if the other
 * is unknown. */
char              *kt_search_hit_row_title    (const KtSearchHit *hit);

G_END_DECLS
