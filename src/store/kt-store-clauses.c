/* kt-store-clauses.c — clauses marked in a contract's documents (klausuler)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A clause belongs to a document and through it to a contract; the table
 * does not repeat the contract, so the two cannot disagree. Clauses are
 * audited on the contract as the field "clause" (the trail's entities were
 * fixed in version 2).
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stddef.h>

#include <glib/gi18n.h>

#include "kt-store-documents-private.h"

/* The rectangles are compared and written as their text (quads). */
static const KtField clause_fields[] = {
  { "document_id", KT_FIELD_ID, offsetof (KtClause, document_id), 0 },
  { "page", KT_FIELD_UINT, offsetof (KtClause, page), 0 },
  { "text", KT_FIELD_TEXT, offsetof (KtClause, text), 0 },
  { "category", KT_FIELD_ENUM, offsetof (KtClause, category), KT_ENUM_CLAUSE_CATEGORY },
  { "note", KT_FIELD_TEXT, offsetof (KtClause, note), 0 },
  { "colour", KT_FIELD_TEXT, offsetof (KtClause, colour), 0 },
  { "activity_id", KT_FIELD_ID, offsetof (KtClause, activity_id), 0 },
};

KtEntity kt_clause_entity = {
  .entity = "contract",
  .table = "clauses",
  .fields = clause_fields,
  .n_fields = G_N_ELEMENTS (clause_fields),
  .id_offset = offsetof (KtClause, id),
  .version_offset = offsetof (KtClause, version),
  .changed_by_offset = offsetof (KtClause, changed_by),
  .changed_at_offset = offsetof (KtClause, changed_at),
  .soft_delete = TRUE,
  .new_record = (gpointer (*) (void)) kt_clause_new,
  .free_record = (void (*) (gpointer)) kt_clause_free,
};

static char *
column_strdup (sqlite3_stmt *stmt,
               int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? g_strndup (text, sqlite3_column_bytes (stmt, col)) : NULL;
}

KtClause *
kt_store_clause_read_row (sqlite3_stmt *stmt)
{
  KtClause *c = kt_clause_new ();
  const char *quads = (const char *) sqlite3_column_text (stmt, 7);
  g_autoptr(GError) error = NULL;
  GArray *parsed;
  int category = 0;

  c->id = sqlite3_column_int64 (stmt, 0);
  c->version = sqlite3_column_int64 (stmt, 1);
  c->changed_by = column_strdup (stmt, 2);
  c->changed_at = column_strdup (stmt, 3);
  c->document_id = sqlite3_column_int64 (stmt, 4);
  c->contract_id = sqlite3_column_int64 (stmt, 5);
  c->page = (guint) CLAMP (sqlite3_column_int64 (stmt, 6), 0, G_MAXUINT);

  /* Written by another program, perhaps: listed all the same, just not
   * drawn. */
  parsed = kt_clause_quads_from_string (quads != NULL ? quads : "", &error);
  if (parsed != NULL)
    {
      g_array_unref (c->quads);
      c->quads = parsed;
    }
  else
    g_debug ("Clause %" G_GINT64_FORMAT ": %s", c->id, error->message);

  c->text = column_strdup (stmt, 8);
  kt_enum_from_code (KT_ENUM_CLAUSE_CATEGORY, (const char *) sqlite3_column_text (stmt, 9),
                     &category);
  c->category = category;
  c->note = column_strdup (stmt, 10);
  g_free (c->colour);
  c->colour = column_strdup (stmt, 11);
  c->activity_id = sqlite3_column_type (stmt, 12) == SQLITE_NULL
                   ? 0 : sqlite3_column_int64 (stmt, 12);
  c->created_by = column_strdup (stmt, 13);
  c->created_at = column_strdup (stmt, 14);

  return c;
}

/* Category in the order of the enum (the panel's order), then where on
 * which page. */
static int
compare_clauses (gconstpointer a,
                 gconstpointer b)
{
  const KtClause *x = *(const KtClause **) a;
  const KtClause *y = *(const KtClause **) b;
  double xy = x->quads->len > 0 ? g_array_index (x->quads, KtPageRect, 0).y1 : 0;
  double yy = y->quads->len > 0 ? g_array_index (y->quads, KtPageRect, 0).y1 : 0;
  double xx = x->quads->len > 0 ? g_array_index (x->quads, KtPageRect, 0).x1 : 0;
  double yx = y->quads->len > 0 ? g_array_index (y->quads, KtPageRect, 0).x1 : 0;

  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  if (x->document_id != y->document_id)
    return x->document_id < y->document_id ? -1 : 1;
  if (x->page != y->page)
    return x->page < y->page ? -1 : 1;
  if (xy != yy)
    return xy < yy ? -1 : 1;
  if (xx != yx)
    return xx < yx ? -1 : 1;

  return x->id < y->id ? -1 : x->id > y->id;
}

GPtrArray *
kt_store_list_clauses (KtStore  *self,
                       gint64    contract_id,
                       gint64    document_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) clauses = NULL;
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  if (document_id > 0)
    stmt = kt_store_prepare (self,
                             KT_CLAUSE_SELECT "WHERE cl.document_id = ?1 "
                             "AND cl.deleted_at IS NULL AND d.deleted_at IS NULL",
                             error);
  else
    stmt = kt_store_prepare (self,
                             KT_CLAUSE_SELECT "WHERE d.contract_id = ?1 "
                             "AND cl.deleted_at IS NULL AND d.deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, document_id > 0 ? document_id : contract_id);

  clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_clause_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (clauses, kt_store_clause_read_row (stmt));

  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  g_ptr_array_sort (clauses, compare_clauses);

  return g_steal_pointer (&clauses);
}

/* "p. 4, Price and regulation: Prisen reguleres én gang…": names the
 * clause in conflicts and in the audit trail. */
char *
kt_store_clause_label (guint             page,
                       KtClauseCategory  category,
                       const char       *text)
{
  g_autofree char *words = g_strdup (text != NULL ? text : "");
  const char *label = kt_enum_label (KT_ENUM_CLAUSE_CATEGORY, category);

  g_strdelimit (words, "\n\r\t", ' ');
  g_strstrip (words);
  if (g_utf8_strlen (words, -1) > 40)
    {
      *g_utf8_offset_to_pointer (words, 39) = '\0';
      words = g_strconcat (g_steal_pointer (&words), "…", NULL);
    }

  /* Translators: names a marked clause: page number, category, its first
   * words, e.g. "p. 4, Price and regulation: Prisen reguleres…" (Danish:
   * "s. %u, %s: %s") */
  return g_strdup_printf (_("p. %u, %s: %s"), page + 1, label != NULL ? label : "", words);
}

/* The label with what else a change may touch, as stored values. */
char *
kt_store_clause_audit_value (const KtClause *clause)
{
  GString *s = g_string_new (NULL);
  g_autofree char *label = kt_store_clause_label (clause->page, clause->category, clause->text);

  g_string_append (s, label);
  if (g_strcmp0 (clause->colour, kt_clause_category_colour (clause->category)) != 0)
    g_string_append_printf (s, " [%s]", clause->colour != NULL ? clause->colour : "");
  if (clause->activity_id > 0)
    g_string_append_printf (s, " [activity %" G_GINT64_FORMAT "]", clause->activity_id);
  if (clause->note != NULL && *clause->note != '\0')
    g_string_append_printf (s, " — %s", clause->note);

  return g_string_free (s, FALSE);
}

/* Sets or clears deleted_at, as for activities. */
static gboolean
set_deleted (KtStore   *self,
             gint64     id,
             gint64     version,
             gboolean   deleted,
             GError   **error)
{
  g_autofree char *value = NULL;
  g_autofree char *label = NULL;
  g_autoptr(KtStmt) select = NULL;
  gboolean changed;
  g_autoptr(KtClause) clause = NULL;
  gboolean is_deleted;
  int rc;

  if (!kt_store_write_begin (self, error))
    return FALSE;

  select = kt_store_prepare (self, KT_CLAUSE_COLUMNS ", cl.deleted_at IS NOT NULL" KT_CLAUSE_FROM
                             "WHERE cl.id = ?1", error);
  if (select == NULL)
    goto fail;

  sqlite3_bind_int64 (select, 1, id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND,
                           _("The clause no longer exists."));
      goto fail;
    }
  if (rc != SQLITE_ROW)
    {
      kt_store_set_error (self, error, rc);
      goto fail;
    }

  clause = kt_store_clause_read_row (select);
  is_deleted = sqlite3_column_int (select, 15) != 0;
  g_clear_pointer (&select, kt_stmt_release);
  value = kt_store_clause_audit_value (clause);

  label = kt_store_clause_label (clause->page, clause->category, clause->text);
  if (!kt_store_row_set_deleted (self, KT_CLAUSES, id, version, clause->version, is_deleted,
                                 deleted, label, &changed, error))
    goto fail;
  if (!changed)
    {
      kt_store_write_rollback (self);
      return TRUE;
    }

  if (!kt_store_audit (self, "contract", clause->contract_id, deleted ? "delete" : "restore",
                       "clause", deleted ? value : NULL, deleted ? NULL : value, error) ||
      !kt_store_write_commit (self, error))
    goto fail;

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}

gboolean
kt_store_delete_clause (KtStore  *self,
                        gint64    id,
                        gint64    version,
                        GError  **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  return set_deleted (self, id, version, TRUE, error);
}

gboolean
kt_store_restore_clause (KtStore  *self,
                         gint64    id,
                         GError  **error)
{
  g_return_val_if_fail (KT_IS_STORE (self), FALSE);

  return set_deleted (self, id, 0, FALSE, error);
}
