/* kt-store-merge.h — merging a colleague's save with mine, field by field
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a save fails with KT_STORE_ERROR_CONFLICT the editor builds a merge
 * from the record it loaded (base) and the record in the form (mine); the
 * merge reads the colleague's record (theirs) from the file. It lists every
 * field where mine and theirs differ and at least one side changed it since
 * base; the user picks a side per field; saving writes theirs with the
 * chosen fields at their version, audits the changes as usual and, per
 * listed field, an audit row "resolve" (old = theirs, new = mine, detail =
 * the side kept). Nothing is ever written without the user's choice.
 */
#pragma once

#include "kt-store.h"

G_BEGIN_DECLS

typedef enum {
  KT_MERGE_THEIRS,
  KT_MERGE_MINE,
} KtMergeChoice;

typedef struct {
  const char   *field;           /* column name, "annual_cost"; "contacts" */
  char         *label;           /* translated, “Annual operating cost” */
  char         *base_text;       /* as people read it (kt_store_describe_audit_entry); "" empty */
  char         *mine_text;
  char         *theirs_text;
  gboolean      changed_by_me;   /* mine differs from base */
  gboolean      changed_by_them; /* theirs differs from base */
  KtMergeChoice choice;          /* default: MINE when changed_by_me, else THEIRS */
} KtMergeField;

typedef struct _KtStoreMerge KtStoreMerge;

/* NULL with KT_STORE_ERROR_NOT_FOUND when the colleague deleted the row
 * (the message names who and when, if known). @base and @mine are copied.
 * An activity merge works the same way on KtActivity. */
KtStoreMerge       *kt_store_merge_contract_new  (KtStore            *store,
                                                  const KtContract   *base,
                                                  const KtContract   *mine,
                                                  GError            **error);
KtStoreMerge       *kt_store_merge_supplier_new  (KtStore            *store,
                                                  const KtSupplier   *base,
                                                  const KtSupplier   *mine,
                                                  GError            **error);
KtStoreMerge       *kt_store_merge_activity_new  (KtStore            *store,
                                                  const KtActivity   *base,
                                                  const KtActivity   *mine,
                                                  GError            **error);
void                kt_store_merge_free          (KtStoreMerge       *merge);
/* A new merge from the same base and mine against the row as it is now
 * (after kt_store_merge_save () failed with CONFLICT); choices the user
 * made for fields still listed are carried over. */
KtStoreMerge       *kt_store_merge_rebuild       (KtStore            *store,
                                                  KtStoreMerge       *merge,
                                                  GError            **error);

/* "contract", "supplier" or "activity". */
const char         *kt_store_merge_get_entity    (KtStoreMerge       *merge);
/* Who saved theirs and when, as people read it (“Anna Jensen”, “27.11.2026 14:32”). */
const char         *kt_store_merge_get_their_author (KtStoreMerge    *merge);
const char         *kt_store_merge_get_their_time   (KtStoreMerge    *merge);

guint               kt_store_merge_get_n_fields  (KtStoreMerge       *merge);
const KtMergeField *kt_store_merge_get_field     (KtStoreMerge       *merge,
                                                  guint               index);
void                kt_store_merge_set_choice    (KtStoreMerge       *merge,
                                                  guint               index,
                                                  KtMergeChoice       choice);

/* Writes the merged record at their version (one transaction, audited as
 * above) and returns it as saved (KtContract *, KtSupplier * or
 * KtActivity *, with the new version; free with its free function). A
 * merge with no fields saves nothing and returns theirs. When the row
 * changed again meanwhile: NULL with KT_STORE_ERROR_CONFLICT — build a new
 * merge from the same base and mine. Validation errors as for an update. */
gpointer            kt_store_merge_save          (KtStore            *store,
                                                  KtStoreMerge       *merge,
                                                  GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtStoreMerge, kt_store_merge_free)

G_END_DECLS
