/* kt-search-cli.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-document-indexer.h"
#include "kt-search-cli.h"
#include "kt-store.h"

/* A script wants every hit, but a one-letter prefix in a big portfolio
 * should not print the whole index. */
#define MAX_HITS 1000

/* One hit is one line, whatever a contract or file name contains. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';

  return line;
}

gboolean
kt_search_print (const char  *portfolio_path,
                 const char  *query,
                 GString     *out,
                 guint       *n_hits,
                 GError     **error)
{
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) index_error = NULL;
  g_autofree char *expression = NULL;

  g_return_val_if_fail (portfolio_path != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_hits != NULL)
    *n_hits = 0;

  expression = query != NULL ? kt_store_search_expression (query) : NULL;
  if (expression == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Nothing to search for: give one or more words after --search"));
      return FALSE;
    }

  /* A read-only file (a newer version, no write permission) opens too: its
   * index is searched as it is. */
  store = kt_store_open (portfolio_path, KT_STORE_OPEN_DEFAULT, error);
  if (store == NULL)
    return FALSE;

  if (!kt_store_is_read_only (store) &&
      !kt_document_indexer_run_sync (store, NULL, NULL, &index_error))
    {
      /* Stdout stays the hits alone; what is already indexed is still
       * worth searching. */
      g_printerr (_("Some documents could not be indexed: %s\n"), index_error->message);
    }

  hits = kt_store_search (store, query, MAX_HITS, error);
  if (hits == NULL)
    return FALSE;

  for (guint i = 0; i < hits->len; i++)
    {
      const KtSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *where = kt_search_hit_describe_where (hit);
      g_autofree char *number = one_line (hit->contract_number);
      g_autofree char *name = one_line (hit->contract_name);
      g_autofree char *where_line = one_line (where);

      /* Translators: one hit of `kontrakter --search` on the command
       * line: the contract's number, its name, then where the words were
       * found ("page 4 of Kontrakt.pdf", "Notes"). One line each. */
      g_string_append_printf (out, _("%s %s — %s"), number, name, where_line);
      g_string_append_c (out, '\n');
    }

  if (n_hits != NULL)
    *n_hits = hits->len;

  return TRUE;
}
