/* kt-store-search.c — the portfolio's full-text index (FTS5)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contracts' own fields are kept in search_index by triggers (schema
 * version 4, kt-store-schema.c explains the rowids); the text of the
 * documents is written here, page by page, by whoever extracted it.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n.h>

#include "kt-store-private.h"

#define DEFAULT_LIMIT 200
#define SNIPPET_TOKENS "12"

/* As in schema version 4: page p of document d has rowid -(d * PAGE_SLOTS + p).
 * test-store-search checks that the triggers remove what is written here. */
#define PAGE_SLOTS G_GINT64_CONSTANT (4194304)

char *
kt_store_search_expression (const char *query)
{
  g_auto(GStrv) words = kt_search_query_words (query);
  GString *expression;

  if (words == NULL || words[0] == NULL)
    return NULL;

  /* Each word a string of its own, so that AND, NEAR( or a stray quote
   * are words to find and never syntax; * makes it a prefix. Strings next
   * to each other must all match. */
  expression = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (expression, ' ');
      g_string_append_c (expression, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (expression, '"');
          g_string_append_c (expression, *p);
        }
      g_string_append (expression, "\"*");
    }

  return g_string_free (expression, FALSE);
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? g_strndup (text, sqlite3_column_bytes (stmt, col)) : NULL;
}

/* FTS5 hands out rows best first for ORDER BY rank (bm25 by default) and
 * computes the snippets only for the rows that survive the LIMIT, as long
 * as it is the outer loop: CROSS JOIN keeps it there. The joins are
 * primary-key look-ups. The pages of a deleted document have left the
 * index already; the test on it is for rows another program left. */
#define SEARCH_SQL \
  "SELECT s.contract_id, c.number, c.name, s.document_id, d.original_name, s.page, s.field, " \
  "snippet(search_index, 0, char(2), char(3), '…', " SNIPPET_TOKENS "), s.rank " \
  "FROM search_index AS s " \
  "CROSS JOIN contracts AS c ON c.id = s.contract_id " \
  "LEFT JOIN documents AS d ON d.id = s.document_id " \
  "WHERE search_index MATCH ?1 AND c.deleted_at IS NULL " \
  "AND (s.document_id IS NULL OR d.deleted_at IS NULL) " \
  "ORDER BY s.rank LIMIT ?2"

GPtrArray *
kt_store_search (KtStore     *self,
                 const char  *query,
                 guint        limit,
                 GError     **error)
{
  g_autofree char *expression = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KT_IS_STORE (self), NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_search_hit_free);

  expression = kt_store_search_expression (query);
  if (expression == NULL)
    return g_steal_pointer (&hits);

  stmt = kt_store_prepare (self, SEARCH_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? limit : DEFAULT_LIMIT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KtSearchHit *hit = kt_search_hit_new ();

      hit->contract_id = sqlite3_column_int64 (stmt, 0);
      hit->contract_number = column_strdup (stmt, 1);
      hit->contract_name = column_strdup (stmt, 2);
      hit->document_id = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                         ? 0 : sqlite3_column_int64 (stmt, 3);
      hit->document_name = column_strdup (stmt, 4);
      hit->page = (guint) CLAMP (sqlite3_column_int64 (stmt, 5), 0, G_MAXUINT);
      hit->field = column_strdup (stmt, 6);
      hit->snippet = column_strdup (stmt, 7);
      hit->rank = sqlite3_column_double (stmt, 8);
      g_ptr_array_add (hits, hit);
    }

  if (rc != SQLITE_DONE)
    {
      kt_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&hits);
}

/* Control characters go (line breaks and tabs become spaces), so that the
 * snippet marks never come from the text itself. */
static char *
clean_page_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *s = g_string_sized_new (strlen (valid));
  gboolean blank = TRUE;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t')
        g_string_append_c (s, ' ');
      else if (!g_unichar_iscntrl (c))
        {
          g_string_append_unichar (s, c);
          blank = blank && g_unichar_isspace (c);
        }
    }

  if (blank)
    {
      g_string_free (s, TRUE);
      return NULL;
    }

  return g_string_free (s, FALSE);
}

/* Inside a write: the document's hash must still be @sha256. Fills the
 * contract of the document. */
static gboolean
check_hash (KtStore     *self,
            gint64       document_id,
            const char  *sha256,
            gint64      *contract_id,
            GError     **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  int rc;

  stmt = kt_store_prepare (self,
                           "SELECT contract_id, sha256 = ?2, original_name FROM documents "
                           "WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_text (stmt, 2, sha256, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 1) == 1)
    {
      *contract_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }

  if (rc == SQLITE_ROW)
    g_set_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT,
                 _("“%s” was replaced by another version of the file while it was read."),
                 (const char *) sqlite3_column_text (stmt, 2));
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT,
                         _("The document no longer exists. Someone else may have deleted it."));
  else
    kt_store_set_error (self, error, rc);

  return FALSE;
}

static gboolean
drop_text (KtStore  *self,
           gint64    document_id,
           GError  **error)
{
  g_autoptr(KtStmt) stmt = NULL;

  stmt = kt_store_prepare (self, "DELETE FROM search_index WHERE rowid BETWEEN ?1 AND ?2", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, -(document_id * PAGE_SLOTS + PAGE_SLOTS - 1));
  sqlite3_bind_int64 (stmt, 2, -(document_id * PAGE_SLOTS));

  return kt_store_step_done (self, stmt, error);
}

static gboolean
insert_pages (KtStore            *self,
              gint64              document_id,
              gint64              contract_id,
              const char *const  *pages,
              guint               n_pages,
              GError            **error)
{
  g_autoptr(KtStmt) stmt = NULL;

  stmt = kt_store_prepare (self,
                           "INSERT INTO search_index (rowid, body, contract_id, document_id, page) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_pages; i++)
    {
      char *text = clean_page_text (pages[i]);

      /* A page without text (a scan, an empty page) has nothing to find. */
      if (text == NULL)
        continue;

      sqlite3_bind_int64 (stmt, 1, -(document_id * PAGE_SLOTS + i + 1));
      sqlite3_bind_text (stmt, 2, text, -1, g_free);
      sqlite3_bind_int64 (stmt, 3, contract_id);
      sqlite3_bind_int64 (stmt, 4, document_id);
      sqlite3_bind_int64 (stmt, 5, i + 1);

      if (!kt_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
kt_store_set_document_text (KtStore            *self,
                            gint64              document_id,
                            const char         *sha256,
                            const char *const  *pages,
                            guint               n_pages,
                            GError            **error)
{
  g_autoptr(KtStmt) mark = NULL;
  gint64 contract_id = 0;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (pages != NULL || n_pages == 0, FALSE);

  if (n_pages >= PAGE_SLOTS)
    {
      g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID,
                           _("The document has too many pages to be searched."));
      return FALSE;
    }

  if (!kt_store_write_begin (self, error))
    return FALSE;

  if (!check_hash (self, document_id, sha256, &contract_id, error) ||
      !drop_text (self, document_id, error) ||
      !insert_pages (self, document_id, contract_id, pages, n_pages, error))
    goto fail;

  /* The page count is the file's, as known once it was read; one that
   * was not known when the file was attached is filled in. */
  mark = kt_store_prepare (self,
                           "UPDATE documents SET index_state = 'indexed', index_sha256 = ?2, "
                           "n_pages = CASE WHEN n_pages = 0 THEN ?3 ELSE n_pages END "
                           "WHERE id = ?1",
                           error);
  if (mark == NULL)
    goto fail;

  sqlite3_bind_int64 (mark, 1, document_id);
  sqlite3_bind_text (mark, 2, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (mark, 3, n_pages);

  if (!kt_store_step_done (self, mark, error) || !kt_store_write_commit (self, error))
    goto fail;

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}

gboolean
kt_store_set_document_index_state (KtStore       *self,
                                   gint64         document_id,
                                   const char    *sha256,
                                   KtIndexState   state,
                                   GError       **error)
{
  g_autoptr(KtStmt) stmt = NULL;
  gint64 contract_id = 0;
  const char *code;

  g_return_val_if_fail (KT_IS_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  /* INDEXED comes with the text, through kt_store_set_document_text (). */
  switch (state)
    {
    case KT_INDEX_STATE_PENDING:
      code = "pending";
      break;
    case KT_INDEX_STATE_ENCRYPTED:
      code = "encrypted";
      break;
    case KT_INDEX_STATE_UNREADABLE:
      code = "unreadable";
      break;
    case KT_INDEX_STATE_NOT_PDF:
      code = "not_pdf";
      break;
    case KT_INDEX_STATE_INDEXED:
    default:
      g_return_val_if_reached (FALSE);
    }

  if (!kt_store_write_begin (self, error))
    return FALSE;

  /* Whatever text there was is not the file's any more. */
  if (!check_hash (self, document_id, sha256, &contract_id, error) ||
      !drop_text (self, document_id, error))
    goto fail;

  stmt = kt_store_prepare (self,
                           "UPDATE documents SET index_state = ?2, "
                           "index_sha256 = CASE WHEN ?2 = 'pending' THEN NULL ELSE ?3 END "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sha256, -1, SQLITE_STATIC);

  if (!kt_store_step_done (self, stmt, error) || !kt_store_write_commit (self, error))
    goto fail;

  return TRUE;

fail:
  kt_store_write_rollback (self);
  return FALSE;
}
