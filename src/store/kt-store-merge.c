/* kt-store-merge.c — merging a colleague's save with mine, field by field
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generic over the entity descriptors of kt-store-fields.c: the fields are
 * compared in their stored form (kt_field_to_text), so "changed" means
 * what the audit trail would call a change. A supplier's contacts are one
 * more field, "contacts", in their audit form.
 *
 * Saving goes through the entity's normal update at their version, so
 * validation, the version check and the regular audit rows are the same as
 * for any save; the "resolve" rows are added in the same transaction.
 * They are written even when the merged record equals theirs (every field
 * kept theirs) and nothing else changes: the user's decision is then the
 * only trace of the edit that was dropped, which the trail must keep. The
 * row itself is not touched then, so its version stays.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-store-merge.h"
#include "kt-store-private.h"

#define CONTACTS_FIELD "contacts"

#define MEMBER(record, offset, type) ((type *) ((guint8 *) (record) + (offset)))
#define CMEMBER(record, offset, type) ((const type *) ((const guint8 *) (record) + (offset)))

/* What differs between the three kinds of record. */
typedef struct {
  KtEntity  *entity;
  gpointer (*copy)   (gconstpointer record);
  void     (*free)   (gpointer record);
  gpointer (*get)    (KtStore *store, gint64 id, GError **error);
  gboolean (*update) (KtStore *store, gpointer record, GError **error);
  char    *(*label)  (gconstpointer record);
} MergeKind;

static char *
contract_label (gconstpointer record)
{
  const KtContract *c = record;

  return g_strdup_printf ("%s %s", c->number != NULL ? c->number : "",
                          c->name != NULL ? c->name : "");
}

static char *
supplier_label (gconstpointer record)
{
  return g_strdup (((const KtSupplier *) record)->name);
}

static char *
activity_label (gconstpointer record)
{
  return g_strdup (((const KtActivity *) record)->description);
}

static const MergeKind contract_kind = {
  &kt_contract_entity,
  (gpointer (*) (gconstpointer)) kt_contract_copy,
  (void (*) (gpointer)) kt_contract_free,
  (gpointer (*) (KtStore *, gint64, GError **)) kt_store_get_contract,
  (gboolean (*) (KtStore *, gpointer, GError **)) kt_store_update_contract,
  contract_label,
};

static const MergeKind supplier_kind = {
  &kt_supplier_entity,
  (gpointer (*) (gconstpointer)) kt_supplier_copy,
  (void (*) (gpointer)) kt_supplier_free,
  (gpointer (*) (KtStore *, gint64, GError **)) kt_store_get_supplier,
  (gboolean (*) (KtStore *, gpointer, GError **)) kt_store_update_supplier,
  supplier_label,
};

static const MergeKind activity_kind = {
  &kt_activity_entity,
  (gpointer (*) (gconstpointer)) kt_activity_copy,
  (void (*) (gpointer)) kt_activity_free,
  (gpointer (*) (KtStore *, gint64, GError **)) kt_store_get_activity,
  (gboolean (*) (KtStore *, gpointer, GError **)) kt_store_update_activity,
  activity_label,
};

struct _KtStoreMerge
{
  const MergeKind *kind;
  gpointer         base;
  gpointer         mine;
  gpointer         theirs;
  char            *their_author;
  char            *their_time;
  GArray          *fields;     /* KtMergeField */
};

static gint64
record_id (const MergeKind *kind,
           gconstpointer    record)
{
  return *CMEMBER (record, kind->entity->id_offset, gint64);
}

static const char *
record_text (gconstpointer record,
             gssize        offset)
{
  return offset >= 0 ? *CMEMBER (record, offset, char *) : NULL;
}

static void
merge_field_clear (KtMergeField *field)
{
  g_clear_pointer (&field->label, g_free);
  g_clear_pointer (&field->base_text, g_free);
  g_clear_pointer (&field->mine_text, g_free);
  g_clear_pointer (&field->theirs_text, g_free);
}

/* The stored text of @field (a column, or "contacts"); NULL for empty. */
static char *
stored_text (const MergeKind *kind,
             const char      *field,
             gconstpointer    record)
{
  const KtEntity *entity = kind->entity;

  if (g_str_equal (field, CONTACTS_FIELD))
    return kt_store_contacts_to_text (((const KtSupplier *) record)->contacts);

  for (guint i = 0; i < entity->n_fields; i++)
    if (g_str_equal (entity->fields[i].column, field))
      return kt_field_to_text (&entity->fields[i], record);

  g_assert_not_reached ();
}

static void
copy_column (const KtField *field,
             gpointer       to,
             gconstpointer  from)
{
  switch (field->type)
    {
    case KT_FIELD_TEXT:
      {
        char **text = MEMBER (to, field->offset, char *);

        g_free (*text);
        *text = g_strdup (*CMEMBER (from, field->offset, char *));
      }
      break;

    case KT_FIELD_UINT:
      *MEMBER (to, field->offset, guint) = *CMEMBER (from, field->offset, guint);
      break;

    case KT_FIELD_ID:
    case KT_FIELD_MONEY:
      *MEMBER (to, field->offset, gint64) = *CMEMBER (from, field->offset, gint64);
      break;

    case KT_FIELD_BOOL:
      *MEMBER (to, field->offset, gboolean) = *CMEMBER (from, field->offset, gboolean);
      break;

    case KT_FIELD_DATE:
      *MEMBER (to, field->offset, GDate) = *CMEMBER (from, field->offset, GDate);
      break;

    case KT_FIELD_ENUM:
      *MEMBER (to, field->offset, int) = *CMEMBER (from, field->offset, int);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Sets @field of @to to its value in @from. */
static void
copy_field (const MergeKind *kind,
            const char      *field,
            gpointer         to,
            gconstpointer    from)
{
  const KtEntity *entity = kind->entity;

  if (g_str_equal (field, CONTACTS_FIELD))
    {
      KtSupplier *supplier = to;
      const KtSupplier *source = from;

      g_ptr_array_set_size (supplier->contacts, 0);
      for (guint i = 0; source->contacts != NULL && i < source->contacts->len; i++)
        g_ptr_array_add (supplier->contacts,
                         kt_contact_copy (g_ptr_array_index (source->contacts, i)));
      return;
    }

  for (guint i = 0; i < entity->n_fields; i++)
    if (g_str_equal (entity->fields[i].column, field))
      {
        copy_column (&entity->fields[i], to, from);
        return;
      }

  g_assert_not_reached ();
}

static void
add_field_if_differs (KtStoreMerge     *merge,
                      KtAuditDescriber *describer,
                      const char       *field)
{
  const char *entity = merge->kind->entity->entity;
  g_autofree char *base = stored_text (merge->kind, field, merge->base);
  g_autofree char *mine = stored_text (merge->kind, field, merge->mine);
  g_autofree char *theirs = stored_text (merge->kind, field, merge->theirs);
  KtMergeField f = { 0 };

  /* Both the same: nothing to choose, whoever changed it. */
  if (g_strcmp0 (mine, theirs) == 0)
    return;

  f.field = field;
  f.label = kt_store_field_label (entity, field);
  if (f.label == NULL)
    f.label = g_strdup (field);
  f.base_text = kt_audit_describer_value (describer, entity, field, base);
  f.mine_text = kt_audit_describer_value (describer, entity, field, mine);
  f.theirs_text = kt_audit_describer_value (describer, entity, field, theirs);
  f.changed_by_me = g_strcmp0 (mine, base) != 0;
  f.changed_by_them = g_strcmp0 (theirs, base) != 0;
  f.choice = f.changed_by_me ? KT_MERGE_MINE : KT_MERGE_THEIRS;

  g_array_append_val (merge->fields, f);
}

static gboolean
row_is_live (KtStore         *store,
             const MergeKind *kind,
             gint64           id)
{
  g_autofree char *sql = NULL;
  g_autoptr(KtStmt) stmt = NULL;

  if (!kind->entity->soft_delete)
    return FALSE;

  /* The table name is our own constant. */
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1 AND deleted_at IS NULL",
                         kind->entity->table);
  stmt = kt_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Theirs could not be read (@not_found): when the row is gone or deleted,
 * the message names who deleted it and when, if the file still knows. A
 * row that is there but cannot be read (an activity of a deleted
 * contract) keeps the reader's message. */
static void
set_deleted_error (KtStore         *store,
                   const MergeKind *kind,
                   gconstpointer    base,
                   GError          *not_found,
                   GError         **error)
{
  g_autofree char *label = kind->label (base);
  GError *local_error = NULL;

  if (row_is_live (store, kind, record_id (kind, base)))
    {
      g_propagate_error (error, not_found);
      return;
    }

  g_error_free (not_found);
  kt_store_row_conflict (store, kind->entity, record_id (kind, base), label, &local_error);

  if (local_error == NULL)
    g_set_error (&local_error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND,
                 _("“%s” no longer exists. Someone else may have deleted it."), label);
  else if (g_error_matches (local_error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT))
    local_error->code = KT_STORE_ERROR_NOT_FOUND;

  g_propagate_error (error, local_error);
}

static KtStoreMerge *
merge_new (KtStore         *store,
           const MergeKind *kind,
           gconstpointer    base,
           gconstpointer    mine,
           GError         **error)
{
  g_autoptr(KtStoreMerge) merge = NULL;
  g_autoptr(KtAuditDescriber) describer = NULL;
  const KtEntity *entity = kt_entity_get (kind->entity);
  GError *local_error = NULL;
  const char *author;

  g_return_val_if_fail (KT_IS_STORE (store), NULL);
  g_return_val_if_fail (base != NULL && mine != NULL, NULL);
  g_return_val_if_fail (record_id (kind, base) > 0, NULL);
  g_return_val_if_fail (record_id (kind, base) == record_id (kind, mine), NULL);

  merge = g_new0 (KtStoreMerge, 1);
  merge->kind = kind;
  merge->fields = g_array_new (FALSE, TRUE, sizeof (KtMergeField));
  g_array_set_clear_func (merge->fields, (GDestroyNotify) merge_field_clear);
  merge->base = kind->copy (base);
  merge->mine = kind->copy (mine);

  merge->theirs = kind->get (store, record_id (kind, base), &local_error);
  if (merge->theirs == NULL)
    {
      if (g_error_matches (local_error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND))
        set_deleted_error (store, kind, base, local_error, error);
      else
        g_propagate_error (error, local_error);
      return NULL;
    }

  author = record_text (merge->theirs, entity->changed_by_offset);
  merge->their_author = g_strdup (author != NULL && *author != '\0' ? author
                                                                    : _("someone else"));
  merge->their_time = kt_store_format_time (record_text (merge->theirs,
                                                         entity->changed_at_offset));

  describer = kt_audit_describer_new (store);
  for (guint i = 0; i < entity->n_fields; i++)
    add_field_if_differs (merge, describer, entity->fields[i].column);
  if (kind == &supplier_kind)
    add_field_if_differs (merge, describer, CONTACTS_FIELD);

  return g_steal_pointer (&merge);
}

KtStoreMerge *
kt_store_merge_contract_new (KtStore           *store,
                             const KtContract  *base,
                             const KtContract  *mine,
                             GError           **error)
{
  return merge_new (store, &contract_kind, base, mine, error);
}

KtStoreMerge *
kt_store_merge_supplier_new (KtStore           *store,
                             const KtSupplier  *base,
                             const KtSupplier  *mine,
                             GError           **error)
{
  return merge_new (store, &supplier_kind, base, mine, error);
}

KtStoreMerge *
kt_store_merge_activity_new (KtStore           *store,
                             const KtActivity  *base,
                             const KtActivity  *mine,
                             GError           **error)
{
  return merge_new (store, &activity_kind, base, mine, error);
}

void
kt_store_merge_free (KtStoreMerge *merge)
{
  if (merge == NULL)
    return;

  g_clear_pointer (&merge->fields, g_array_unref);
  if (merge->base != NULL)
    merge->kind->free (merge->base);
  if (merge->mine != NULL)
    merge->kind->free (merge->mine);
  if (merge->theirs != NULL)
    merge->kind->free (merge->theirs);
  g_free (merge->their_author);
  g_free (merge->their_time);
  g_free (merge);
}

KtStoreMerge *
kt_store_merge_rebuild (KtStore       *store,
                        KtStoreMerge  *merge,
                        GError       **error)
{
  KtStoreMerge *rebuilt;

  g_return_val_if_fail (merge != NULL, NULL);

  rebuilt = merge_new (store, merge->kind, merge->base, merge->mine, error);
  if (rebuilt == NULL)
    return NULL;

  for (guint i = 0; i < rebuilt->fields->len; i++)
    {
      KtMergeField *field = &g_array_index (rebuilt->fields, KtMergeField, i);

      for (guint j = 0; j < merge->fields->len; j++)
        {
          const KtMergeField *old = &g_array_index (merge->fields, KtMergeField, j);

          if (g_str_equal (old->field, field->field))
            {
              field->choice = old->choice;
              break;
            }
        }
    }

  return rebuilt;
}

const char *
kt_store_merge_get_entity (KtStoreMerge *merge)
{
  g_return_val_if_fail (merge != NULL, NULL);

  return merge->kind->entity->entity;
}

const char *
kt_store_merge_get_their_author (KtStoreMerge *merge)
{
  g_return_val_if_fail (merge != NULL, NULL);

  return merge->their_author;
}

const char *
kt_store_merge_get_their_time (KtStoreMerge *merge)
{
  g_return_val_if_fail (merge != NULL, NULL);

  return merge->their_time;
}

guint
kt_store_merge_get_n_fields (KtStoreMerge *merge)
{
  g_return_val_if_fail (merge != NULL, 0);

  return merge->fields->len;
}

const KtMergeField *
kt_store_merge_get_field (KtStoreMerge *merge,
                          guint         index)
{
  g_return_val_if_fail (merge != NULL, NULL);
  g_return_val_if_fail (index < merge->fields->len, NULL);

  return &g_array_index (merge->fields, KtMergeField, index);
}

void
kt_store_merge_set_choice (KtStoreMerge  *merge,
                           guint          index,
                           KtMergeChoice  choice)
{
  g_return_if_fail (merge != NULL);
  g_return_if_fail (index < merge->fields->len);
  g_return_if_fail (choice == KT_MERGE_THEIRS || choice == KT_MERGE_MINE);

  g_array_index (merge->fields, KtMergeField, index).choice = choice;
}

/* ---- saving ---- */

/* A statement of our own: the savepoint of a merge inside a batch. */
static gboolean
run (KtStore     *store,
     const char  *sql,
     GError     **error)
{
  KtStmt *stmt = kt_store_prepare (store, sql, error);

  return stmt != NULL && kt_store_step_done (store, stmt, error);
}

static gboolean
audit_resolutions (KtStore       *store,
                   KtStoreMerge  *merge,
                   GError       **error)
{
  gint64 id = record_id (merge->kind, merge->theirs);

  if (!kt_store_write_begin (store, error))
    return FALSE;

  for (guint i = 0; i < merge->fields->len; i++)
    {
      const KtMergeField *field = &g_array_index (merge->fields, KtMergeField, i);
      g_autofree char *theirs = stored_text (merge->kind, field->field, merge->theirs);
      g_autofree char *mine = stored_text (merge->kind, field->field, merge->mine);

      if (!kt_store_audit_full (store, merge->kind->entity->entity, id, "resolve", field->field,
                                theirs, mine,
                                field->choice == KT_MERGE_MINE ? "mine" : "theirs", error))
        {
          kt_store_write_rollback (store);
          return FALSE;
        }
    }

  return kt_store_write_commit (store, error);
}

gpointer
kt_store_merge_save (KtStore       *store,
                     KtStoreMerge  *merge,
                     GError       **error)
{
  const MergeKind *kind;
  gpointer merged = NULL;
  gpointer saved = NULL;
  gboolean own_batch;

  g_return_val_if_fail (KT_IS_STORE (store), NULL);
  g_return_val_if_fail (merge != NULL, NULL);

  kind = merge->kind;

  if (merge->fields->len == 0)
    return kind->copy (merge->theirs);

  if (!kt_store_check_writable (store, error))
    return NULL;

  merged = kind->copy (merge->theirs);
  for (guint i = 0; i < merge->fields->len; i++)
    {
      const KtMergeField *field = &g_array_index (merge->fields, KtMergeField, i);

      if (field->choice == KT_MERGE_MINE)
        copy_field (kind, field->field, merged, merge->mine);
    }

  /* The update and its resolve rows commit together or not at all: in a
   * batch of our own, or a savepoint inside the caller's (the update's
   * own write is then a savepoint inside that). */
  own_batch = !kt_store_in_batch (store);
  if (own_batch ? !kt_store_begin_batch (store, error) : !run (store, "SAVEPOINT kt_merge", error))
    goto out;

  /* At their version: a colleague who saved again since is a CONFLICT. */
  if (!kind->update (store, merged, error))
    goto fail;

  if (!audit_resolutions (store, merge, error))
    goto fail;

  /* As saved, with the display names of the chosen ids, read before the
   * lock is given up. */
  saved = kind->get (store, record_id (kind, merged), error);
  if (saved == NULL)
    goto fail;

  if (own_batch ? !kt_store_commit_batch (store, error) : !run (store, "RELEASE kt_merge", error))
    {
      g_clear_pointer (&saved, kind->free);
      if (!own_batch)
        goto fail;
    }

  goto out;

fail:
  if (own_batch)
    kt_store_rollback_batch (store);
  /* After an I/O error SQLite may have undone the whole batch already. */
  else if (!sqlite3_get_autocommit (store->db) &&
           (!run (store, "ROLLBACK TO kt_merge", NULL) || !run (store, "RELEASE kt_merge", NULL)))
    g_debug ("A failed merge could not be undone inside its batch");

out:
  kind->free (merged);

  return saved;
}
