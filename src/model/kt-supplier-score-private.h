/* kt-supplier-score-private.h — shared by the two halves of the score
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kt-supplier-score.c computes, kt-supplier-score-text.c says it in words
 * and checks what people type; both use these numbers, so the text cannot
 * drift from the computation.
 */
#pragma once

#include "kt-supplier-score.h"

G_BEGIN_DECLS

#define KT_SCORE_MAX               100

/* Weights of the terms (kt-supplier-score.h). */
#define KT_SCORE_W_SPEND           0.4
#define KT_SCORE_W_VALUE           0.3
#define KT_SCORE_W_IMPORTANCE_CRIT 0.3
#define KT_SCORE_W_LOCK_IN         0.4
#define KT_SCORE_W_RISK_CRIT       0.3
#define KT_SCORE_W_NOTICE          0.3

/* A quarter of the portfolio's value makes the value term full. */
#define KT_SCORE_VALUE_SHARE_FULL  4.0

/* NULL, "" or only white space: no exit notes, no reason. */
gboolean kt_score_text_is_blank (const char *text);

G_END_DECLS
