/* test-store-search.c — the full-text index: contract fields, document
 * pages, Danish words (schema version 4)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include "kt-store-private.h"
#include "store-test-util.h"

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)

static gint64
add_contract (World      *world,
              const char *number,
              const char *name)
{
  g_autoptr(KtContract) contract = test_contract_new (number, name);
  g_autoptr(GError) error = NULL;

  contract->supplier_id = world->supplier_id;
  kt_store_insert_contract (world->store, contract, &error);
  g_assert_no_error (error);

  return contract->id;
}

static KtDocument *
attach (World      *world,
        gint64      contract_id,
        const char *name,
        const char *content)
{
  KtDocument *d = kt_document_new ();
  g_autoptr(GError) error = NULL;

  d->contract_id = contract_id;
  d->kind = KT_DOCUMENT_KIND_SIGNED_CONTRACT;
  d->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  d->original_name = g_strdup (name);
  d->media_type = g_strdup ("application/pdf");
  d->size = 1000;
  kt_store_insert_document (world->store, d, &error);
  g_assert_no_error (error);

  return d;
}

static void
set_text (KtStore           *store,
          const KtDocument  *d,
          const char *const *pages,
          guint              n_pages)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kt_store_set_document_text (store, d->id, d->sha256, pages, n_pages, &error));
  g_assert_no_error (error);
}

static GPtrArray *
search (KtStore    *store,
        const char *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = kt_store_search (store, query, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);

  return hits;
}

/* The hits as "number:field" or "number:document name:page", best first. */
static char *
hits_summary (KtStore    *store,
              const char *query)
{
  g_autoptr(GPtrArray) hits = search (store, query);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      const KtSearchHit *hit = g_ptr_array_index (hits, i);

      if (i > 0)
        g_string_append_c (s, ' ');
      if (hit->document_id > 0)
        g_string_append_printf (s, "%s:%s:%u", hit->contract_number, hit->document_name,
                                hit->page);
      else
        g_string_append_printf (s, "%s:%s", hit->contract_number, hit->field);
    }

  return g_string_free (s, FALSE);
}

static void
assert_hits (KtStore    *store,
             const char *query,
             const char *expected)
{
  g_autofree char *summary = hits_summary (store, query);

  g_test_message ("“%s” → %s", query, summary);
  g_assert_cmpstr (summary, ==, expected);
}

static gint64
index_rows (const char *path,
            gint64      document_id)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM search_index WHERE document_id = %" G_GINT64_FORMAT,
                     document_id);

  return test_sql_int (path, sql);
}

/* Contracts already in a file of version 3 become searchable when it is
 * migrated; deleted ones do not. */
static void
test_migrate_from_v3 (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = store_fixture_path (fixture, "v3.kontrakter");
  g_autoptr(KtStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const KtSearchHit *hit;

  kt_store_create_at_version (path, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_exec (path,
    "INSERT INTO suppliers (id, name, cvr) VALUES (1, 'Økonomisystemer A/S', '12345674');"
    "INSERT INTO contracts (id, number, name, type, template_kind, status, supplier_id, "
    "  category, procurement_form, criticality, purchased_services, payment_model, "
    "  payment_frequency, price_index, notice_rule, notes, exit_notes, learning_points) "
    "  VALUES (1, 'K-2019-004', 'ESDH-drift', 'main', 'k02', 'active', 1, 'operation', 'ski', "
    "  'high', 'Drift og hosting', 'subscription', 'quarterly', 'net_price', 'quarter_end', "
    "  'Genforhandles før udløb', 'Data udleveres som arkivversion', 'Krav om åbne snitflader');"
    "INSERT INTO contracts (id, number, name, type, template_kind, status, category, "
    "  procurement_form, criticality, payment_model, payment_frequency, price_index, "
    "  notice_rule, deleted_at) VALUES (2, 'K-2015-001', 'ESDH gammel', 'main', 'k02', "
    "  'expired', 'operation', 'ski', 'low', 'subscription', 'yearly', 'none', 'any_day', "
    "  '2024-01-01T00:00:00Z');"),
    ==, SQLITE_OK);

  store = test_store_new (path);
  g_assert_cmpint (kt_store_get_schema_version (store), ==, kt_store_schema_version_latest ());

  assert_hits (store, "esdh", "K-2019-004:name");
  assert_hits (store, "økonomisystemer", "K-2019-004:supplier");
  assert_hits (store, "arkivversion", "K-2019-004:exit_notes");
  assert_hits (store, "snitflader", "K-2019-004:learning_points");
  assert_hits (store, "genforhandles", "K-2019-004:notes");
  assert_hits (store, "hosting", "K-2019-004:purchased_services");
  assert_hits (store, "K-2019", "K-2019-004:number");
  assert_hits (store, "K-2015", "");

  hits = search (store, "ESDH");
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->contract_id, ==, 1);
  g_assert_cmpstr (hit->contract_name, ==, "ESDH-drift");
  g_assert_cmpint (hit->document_id, ==, 0);
  g_assert_null (hit->document_name);
  g_assert_cmpuint (hit->page, ==, 0);
  g_assert_cmpstr (hit->snippet, ==, KT_SEARCH_MARK_START "ESDH" KT_SEARCH_MARK_END "-drift");
}

/* Every writer keeps the contract rows right: the triggers do it. */
static void
test_contract_fields (StoreFixture  *fixture,
                      gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtContract) contract = NULL;
  g_autoptr(KtSupplier) supplier = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  world_init (&w, fixture);
  id = add_contract (&w, "K-7", "Borgerservice");
  assert_hits (w.store, "borgerservice", "K-7:name");
  assert_hits (w.store, "netcompany", "K-7:supplier");
  assert_hits (w.store, "licenser", "K-7:purchased_services");

  contract = kt_store_get_contract (w.store, id, &error);
  g_assert_no_error (error);
  g_free (contract->name);
  contract->name = g_strdup ("Ydelsesrefusion");
  contract->exit_notes = g_strdup ("Tilbagelevering af data inden tre måneder");
  kt_store_update_contract (w.store, contract, &error);
  g_assert_no_error (error);
  assert_hits (w.store, "borgerservice", "");
  assert_hits (w.store, "ydelsesrefusion", "K-7:name");
  assert_hits (w.store, "tilbagelevering", "K-7:exit_notes");
  /* One row per field, not one more per save. */
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM search_index"), ==, 5);

  supplier = kt_store_get_supplier (w.store, w.supplier_id, &error);
  g_assert_no_error (error);
  g_free (supplier->name);
  supplier->name = g_strdup ("KMD A/S");
  kt_store_update_supplier (w.store, supplier, &error);
  g_assert_no_error (error);
  assert_hits (w.store, "netcompany", "");
  assert_hits (w.store, "kmd", "K-7:supplier");

  g_assert_true (kt_store_delete_contract (w.store, id, contract->version, &error));
  g_assert_no_error (error);
  assert_hits (w.store, "ydelsesrefusion", "");
  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM search_index"), ==, 0);
  g_assert_true (kt_store_restore_contract (w.store, id, &error));
  g_assert_no_error (error);
  assert_hits (w.store, "ydelsesrefusion", "K-7:name");
  assert_hits (w.store, "kmd", "K-7:supplier");

  /* Another program's write is followed too. */
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE contracts SET notes = 'Skal genudbydes'"),
                   ==, SQLITE_OK);
  assert_hits (w.store, "genudbydes", "K-7:notes");

  world_clear (&w);
}

static const char *const contract_pages[] = {
  "§ 1 Aftalens omfang. Leverandøren leverer drift af ESDH-løsningen.",
  "§ 7 Prisregulering. Priserne kan reguleres ÅRLIGT pr. 1. januar efter nettoprisindekset.",
  "§ 9 Bod. Ved forsinkelse betaler leverandøren en bod på 0,5 % pr. arbejdsdag.",
  "",
  "§ 14 Tilbud. Leverandøren bød den laveste pris på Æbleskiver og Øl.",
};

static void
test_danish (StoreFixture  *fixture,
             gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) d = NULL;
  g_autoptr(KtDocument) read = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  const KtSearchHit *hit;
  gint64 id;

  world_init (&w, fixture);
  id = add_contract (&w, "K-1", "Drift");
  add_contract (&w, "K-2", "Andet");
  d = attach (&w, id, "Kontrakt underskrevet.pdf", "kontrakt");
  set_text (w.store, d, contract_pages, G_N_ELEMENTS (contract_pages));

  read = kt_store_get_document (w.store, d->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->index_state, ==, KT_INDEX_STATE_INDEXED);
  /* The page count was not known at attach; now it is. */
  g_assert_cmpuint (read->n_pages, ==, 5);
  /* The empty page has no row. */
  g_assert_cmpint (index_rows (w.path, d->id), ==, 4);

  /* Case-insensitive, also for Æ, Ø, Å. */
  assert_hits (w.store, "PRISREGULERING", "K-1:Kontrakt underskrevet.pdf:2");
  assert_hits (w.store, "årligt", "K-1:Kontrakt underskrevet.pdf:2");
  assert_hits (w.store, "æbleskiver øL", "K-1:Kontrakt underskrevet.pdf:5");
  /* å, ø and æ are letters of their own. */
  assert_hits (w.store, "arligt", "");
  assert_hits (w.store, "Aebleskiver", "");
  assert_hits (w.store, "bod", "K-1:Kontrakt underskrevet.pdf:3");
  assert_hits (w.store, "bød", "K-1:Kontrakt underskrevet.pdf:5");
  /* A prefix finds the word. */
  assert_hits (w.store, "prisreg", "K-1:Kontrakt underskrevet.pdf:2");
  assert_hits (w.store, "nettopris", "K-1:Kontrakt underskrevet.pdf:2");
  /* Every word must occur, on the same page. */
  assert_hits (w.store, "bod forsinkelse", "K-1:Kontrakt underskrevet.pdf:3");
  assert_hits (w.store, "bod prisregulering", "");

  hits = search (w.store, "Prisregulering");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->contract_id, ==, id);
  g_assert_cmpstr (hit->contract_number, ==, "K-1");
  g_assert_cmpstr (hit->contract_name, ==, "Drift");
  g_assert_cmpint (hit->document_id, ==, d->id);
  g_assert_cmpstr (hit->document_name, ==, "Kontrakt underskrevet.pdf");
  g_assert_cmpuint (hit->page, ==, 2);
  g_assert_null (hit->field);
  g_assert_cmpfloat (hit->rank, <, 0);
  g_test_message ("%s", hit->snippet);
  g_assert_nonnull (strstr (hit->snippet,
                            KT_SEARCH_MARK_START "Prisregulering" KT_SEARCH_MARK_END));
  plain = kt_search_hit_plain_snippet (hit);
  g_assert_true (g_str_has_prefix (plain, "§ 7 Prisregulering. Priserne kan"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Leverandøren is on three pages; the limit holds. */
  hits = search (w.store, "leverandøren");
  g_assert_cmpuint (hits->len, ==, 3);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = kt_store_search (w.store, "leverandøren", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpfloat (((KtSearchHit *) hits->pdata[0])->rank, <=,
                     ((KtSearchHit *) hits->pdata[1])->rank);

  world_clear (&w);
}

/* What people type is words to find, never FTS5 syntax. */
static void
test_syntax_taken_literally (StoreFixture  *fixture,
                             gconstpointer  data)
{
  static const char *const queries[] = {
    "\"", "\"\"", "bod\"", "\"bod", "NEAR(", "NEAR(bod pris)", "NEAR(bod, 2)", "*", "bod*",
    "* bod", "AND", "OR bod", "bod NOT pris", "-bod", "+", "^bod", "body:bod", "{body}: bod",
    "(", ")", "pris)", "'", "bod'", "\\", "%", "_", "K-2019-004", "\u201cbod\u201d",
  };
  World w = { 0 };
  g_autoptr(KtDocument) d = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_autofree char *expression = NULL;
  gint64 id;

  world_init (&w, fixture);
  id = add_contract (&w, "K-1", "Drift");
  d = attach (&w, id, "Kontrakt.pdf", "kontrakt");
  set_text (w.store, d, contract_pages, G_N_ELEMENTS (contract_pages));

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = NULL;

      g_test_message ("“%s”", queries[i]);
      hits = kt_store_search (w.store, queries[i], 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }

  assert_hits (w.store, "\"bod\"", "K-1:Kontrakt.pdf:3");
  assert_hits (w.store, "(bod)", "K-1:Kontrakt.pdf:3");
  /* NEAR is a word to find like the others, and no page has it. */
  assert_hits (w.store, "NEAR(bod", "");
  assert_hits (w.store, "bod*", "K-1:Kontrakt.pdf:3");
  /* An operator is a word like any other: no page has "and". */
  assert_hits (w.store, "bod AND forsinkelse", "");
  assert_hits (w.store, "bod OR prisregulering", "");

  expression = kt_store_search_expression ("  pris \"bod NEAR(x) ");
  g_assert_cmpstr (expression, ==, "\"pris\"* \"bod\"* \"NEAR\"* \"x\"*");
  g_assert_null (kt_store_search_expression (NULL));
  g_assert_null (kt_store_search_expression (" \t "));
  g_assert_null (kt_store_search_expression ("\" * ("));

  empty = search (w.store, "   ");
  g_assert_cmpuint (empty->len, ==, 0);

  world_clear (&w);
}

/* The text of a deleted document or contract is not found; an undone
 * delete makes the document wait for the indexer again. */
static void
test_deleted_not_found (StoreFixture  *fixture,
                        gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) d = NULL;
  g_autoptr(KtDocument) other = NULL;
  g_autoptr(KtDocument) read = NULL;
  g_autoptr(KtContract) contract = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  const char *other_pages[] = { "Databehandleraftale med underdatabehandlere" };
  gint64 id, other_id;

  world_init (&w, fixture);
  id = add_contract (&w, "K-1", "Drift");
  other_id = add_contract (&w, "K-2", "Hosting");
  d = attach (&w, id, "Kontrakt.pdf", "kontrakt");
  set_text (w.store, d, contract_pages, G_N_ELEMENTS (contract_pages));
  other = attach (&w, other_id, "Databehandleraftale.pdf", "dba");
  set_text (w.store, other, other_pages, 1);

  g_assert_true (kt_store_delete_document (w.store, d->id, d->version, &error));
  g_assert_no_error (error);
  assert_hits (w.store, "prisregulering", "");
  /* The trigger drops the rows kt_store_set_document_text () wrote. */
  g_assert_cmpint (index_rows (w.path, d->id), ==, 0);
  g_assert_cmpint (index_rows (w.path, other->id), ==, 1);

  g_assert_true (kt_store_restore_document (w.store, d->id, &error));
  read = kt_store_get_document (w.store, d->id, &error);
  g_assert_cmpint (read->index_state, ==, KT_INDEX_STATE_PENDING);
  pending = kt_store_list_documents_to_index (w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (((KtDocument *) pending->pdata[0])->id, ==, d->id);
  set_text (w.store, d, contract_pages, G_N_ELEMENTS (contract_pages));
  assert_hits (w.store, "prisregulering", "K-1:Kontrakt.pdf:2");

  /* A deleted contract hides its documents' pages. */
  contract = kt_store_get_contract (w.store, id, &error);
  g_assert_true (kt_store_delete_contract (w.store, id, contract->version, &error));
  g_assert_no_error (error);
  assert_hits (w.store, "prisregulering", "");
  assert_hits (w.store, "underdatabehandlere", "K-2:Databehandleraftale.pdf:1");
  g_assert_true (kt_store_restore_contract (w.store, id, &error));
  assert_hits (w.store, "prisregulering", "K-1:Kontrakt.pdf:2");

  world_clear (&w);
}

/* Text read from one version of a file is not kept for another. */
static void
test_hash_changed (StoreFixture  *fixture,
                   gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) d = NULL;
  g_autoptr(KtDocument) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_hash = NULL;
  const char *new_pages[] = { "Ny version med servicemål" };
  gint64 id;

  world_init (&w, fixture);
  id = add_contract (&w, "K-1", "Drift");
  d = attach (&w, id, "Kontrakt.pdf", "version 1");
  set_text (w.store, d, contract_pages, G_N_ELEMENTS (contract_pages));

  old_hash = g_strdup (d->sha256);
  g_free (d->sha256);
  d->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "version 2", -1);
  kt_store_update_document (w.store, d, &error);
  g_assert_no_error (error);

  assert_hits (w.store, "prisregulering", "");
  g_assert_cmpint (index_rows (w.path, d->id), ==, 0);
  read = kt_store_get_document (w.store, d->id, &error);
  g_assert_cmpint (read->index_state, ==, KT_INDEX_STATE_PENDING);

  /* An indexer that read the old file is too late. */
  g_assert_false (kt_store_set_document_text (w.store, d->id, old_hash, contract_pages,
                                              G_N_ELEMENTS (contract_pages), &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (index_rows (w.path, d->id), ==, 0);
  g_assert_false (kt_store_set_document_index_state (w.store, d->id, old_hash,
                                                     KT_INDEX_STATE_UNREADABLE, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (kt_store_set_document_text (w.store, 999, old_hash, NULL, 0, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  set_text (w.store, d, new_pages, 1);
  assert_hits (w.store, "servicemål", "K-1:Kontrakt.pdf:1");

  /* Setting the text again replaces it. */
  set_text (w.store, d, contract_pages, G_N_ELEMENTS (contract_pages));
  assert_hits (w.store, "servicemål", "");
  g_assert_cmpint (index_rows (w.path, d->id), ==, 4);

  world_clear (&w);
}

static void
test_to_index (StoreFixture  *fixture,
               gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) first = NULL;
  g_autoptr(KtDocument) word = NULL;
  g_autoptr(KtDocument) second = NULL;
  g_autoptr(KtDocument) third = NULL;
  g_autoptr(KtDocument) read = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  const char *page[] = { "Tekst" };
  gint64 id;

  world_init (&w, fixture);
  id = add_contract (&w, "K-1", "Drift");
  first = attach (&w, id, "Kontrakt.pdf", "1");
  word = attach (&w, id, "Kontrakt.docx", "2");
  g_free (word->media_type);
  word->media_type = g_strdup ("application/vnd.oasis.opendocument.text");
  g_assert_true (kt_store_delete_document (w.store, word->id, 1, &error));
  word->id = 0;
  g_free (word->sha256);
  word->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "odt", -1);
  kt_store_insert_document (w.store, word, &error);
  g_assert_no_error (error);
  second = attach (&w, id, "Bilag 1.pdf", "3");
  third = attach (&w, id, "Bilag 2.pdf", "4");

  /* Oldest first; not the ODT file, not the deleted one. */
  pending = kt_store_list_documents_to_index (w.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 3);
  g_assert_cmpint (((KtDocument *) pending->pdata[0])->id, ==, first->id);
  g_assert_cmpint (((KtDocument *) pending->pdata[1])->id, ==, second->id);
  g_assert_cmpint (((KtDocument *) pending->pdata[2])->id, ==, third->id);
  g_clear_pointer (&pending, g_ptr_array_unref);

  set_text (w.store, first, page, 1);
  g_assert_true (kt_store_set_document_index_state (w.store, second->id, second->sha256,
                                                    KT_INDEX_STATE_ENCRYPTED, &error));
  g_assert_no_error (error);
  pending = kt_store_list_documents_to_index (w.store, &error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (((KtDocument *) pending->pdata[0])->id, ==, third->id);
  g_clear_pointer (&pending, g_ptr_array_unref);

  read = kt_store_get_document (w.store, second->id, &error);
  g_assert_cmpint (read->index_state, ==, KT_INDEX_STATE_ENCRYPTED);
  g_clear_pointer (&read, kt_document_free);

  /* Marking an indexed document unreadable drops its text; pending sends
   * it back to the indexer. */
  g_assert_true (kt_store_set_document_index_state (w.store, first->id, first->sha256,
                                                    KT_INDEX_STATE_UNREADABLE, &error));
  g_assert_cmpint (index_rows (w.path, first->id), ==, 0);
  read = kt_store_get_document (w.store, first->id, &error);
  g_assert_cmpint (read->index_state, ==, KT_INDEX_STATE_UNREADABLE);
  g_assert_true (kt_store_set_document_index_state (w.store, first->id, first->sha256,
                                                    KT_INDEX_STATE_PENDING, &error));
  pending = kt_store_list_documents_to_index (w.store, &error);
  g_assert_cmpuint (pending->len, ==, 2);
  g_clear_pointer (&pending, g_ptr_array_unref);

  /* Documents of a deleted contract wait until it is restored. */
  {
    g_autoptr(KtContract) contract = kt_store_get_contract (w.store, id, &error);

    g_assert_true (kt_store_delete_contract (w.store, id, contract->version, &error));
  }
  pending = kt_store_list_documents_to_index (w.store, &error);
  g_assert_cmpuint (pending->len, ==, 0);

  world_clear (&w);
}

/* Control characters in extracted text never reach a snippet, so the
 * marks are always ours. */
static void
test_control_characters (StoreFixture  *fixture,
                         gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) d = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(KtContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  const char *pages[] = { "Opsigelse\002med\003seks\tmåneders\nvarsel\r\x01til udgangen",
                          "\n\t\002 \003" };
  const KtSearchHit *hit;
  guint starts = 0, ends = 0;
  gint64 id;

  world_init (&w, fixture);
  id = add_contract (&w, "K-1", "Drift");
  d = attach (&w, id, "Kontrakt.pdf", "k");
  set_text (w.store, d, pages, 2);

  g_assert_cmpint (index_rows (w.path, d->id), ==, 1);
  hits = search (w.store, "varsel");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  for (const char *p = hit->snippet; *p != '\0'; p++)
    {
      starts += *p == KT_SEARCH_MARK_START[0];
      ends += *p == KT_SEARCH_MARK_END[0];
      g_assert_true (*p == KT_SEARCH_MARK_START[0] || *p == KT_SEARCH_MARK_END[0] ||
                     !g_ascii_iscntrl (*p));
    }
  g_assert_cmpuint (starts, ==, 1);
  g_assert_cmpuint (ends, ==, 1);
  plain = kt_search_hit_plain_snippet (hit);
  g_assert_cmpstr (plain, ==, "Opsigelsemedseks måneders varseltil udgangen");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The same for the contract's own fields. */
  contract = kt_store_get_contract (w.store, id, &error);
  g_assert_no_error (error);
  contract->notes = g_strdup ("Kort\002opsigelsesvarsel\003aftalt");
  kt_store_update_contract (w.store, contract, &error);
  g_assert_no_error (error);
  hits = search (w.store, "aftalt");
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->field, ==, "notes");
  g_assert_cmpstr (hit->snippet, ==,
                   "Kort opsigelsesvarsel " KT_SEARCH_MARK_START "aftalt" KT_SEARCH_MARK_END);

  world_clear (&w);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/search/migrate-from-v3", test_migrate_from_v3);
  ADD ("/store/search/contract-fields", test_contract_fields);
  ADD ("/store/search/danish", test_danish);
  ADD ("/store/search/syntax-taken-literally", test_syntax_taken_literally);
  ADD ("/store/search/deleted-not-found", test_deleted_not_found);
  ADD ("/store/search/hash-changed", test_hash_changed);
  ADD ("/store/search/to-index", test_to_index);
  ADD ("/store/search/control-characters", test_control_characters);

  return g_test_run ();
}
