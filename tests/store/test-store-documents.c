/* test-store-documents.c — documents and clauses of contracts (schema version 4)
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
              const char *number)
{
  g_autoptr(KtContract) contract = test_contract_new (number, "ESDH-drift");
  g_autoptr(GError) error = NULL;

  contract->supplier_id = world->supplier_id;
  kt_store_insert_contract (world->store, contract, &error);
  g_assert_no_error (error);

  return contract->id;
}

static char *
sha_of (const char *content)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
}

static KtDocument *
pdf_new (gint64      contract_id,
         const char *name,
         const char *content)
{
  KtDocument *d = kt_document_new ();

  d->contract_id = contract_id;
  d->kind = KT_DOCUMENT_KIND_SIGNED_CONTRACT;
  d->sha256 = sha_of (content);
  d->original_name = g_strdup (name);
  d->media_type = g_strdup ("application/pdf");
  d->size = 123456;
  d->n_pages = 3;

  return d;
}

static void
insert_document (KtStore    *store,
                 KtDocument *document)
{
  g_autoptr(GError) error = NULL;

  kt_store_insert_document (store, document, &error);
  g_assert_no_error (error);
  g_assert_cmpint (document->id, >, 0);
}

/* The contract's audit rows as "action:field" newest first. */
static char *
audit_summary (KtStore *store,
               gint64   contract_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = kt_store_list_audit (store, "contract", contract_id, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      const KtAuditEntry *entry = g_ptr_array_index (entries, i);

      g_string_append_printf (out, "%s%s%s%s", i > 0 ? " " : "", entry->action,
                              entry->field != NULL ? ":" : "",
                              entry->field != NULL ? entry->field : "");
    }

  return g_string_free (out, FALSE);
}

static const KtAuditEntry *
newest_audit (GPtrArray **keep,
              KtStore    *store,
              gint64      contract_id)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (keep, g_ptr_array_unref);
  *keep = kt_store_list_audit (store, "contract", contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*keep)->len, >, 0);

  return g_ptr_array_index (*keep, 0);
}

static void
test_document_round_trip (StoreFixture  *fixture,
                          gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) signed_pdf = NULL;
  g_autoptr(KtDocument) appendix = NULL;
  g_autoptr(KtDocument) word = NULL;
  g_autoptr(KtDocument) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *short_hash = NULL;
  const KtAuditEntry *entry;
  gint64 contract_id;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-2019-004");

  appendix = pdf_new (contract_id, "Bilag 1 Servicemål.pdf", "bilag");
  appendix->kind = KT_DOCUMENT_KIND_APPENDIX;
  insert_document (w.store, appendix);
  signed_pdf = pdf_new (contract_id, "Kontrakt underskrevet.pdf", "kontrakt");
  signed_pdf->note = g_strdup ("Underskrevet 1. marts 2022");
  insert_document (w.store, signed_pdf);
  word = pdf_new (contract_id, "Kontrakt.docx", "word");
  word->kind = KT_DOCUMENT_KIND_ORIGINAL;
  g_free (word->media_type);
  word->media_type =
    g_strdup ("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  word->n_pages = 0;
  insert_document (w.store, word);

  g_assert_cmpint (signed_pdf->version, ==, 1);
  g_assert_cmpstr (signed_pdf->added_by, ==, "tester");
  g_assert_nonnull (signed_pdf->added_at);
  g_assert_cmpstr (signed_pdf->changed_at, ==, signed_pdf->added_at);
  g_assert_cmpint (signed_pdf->index_state, ==, KT_INDEX_STATE_PENDING);
  g_assert_cmpint (word->index_state, ==, KT_INDEX_STATE_NOT_PDF);

  read = kt_store_get_document (w.store, signed_pdf->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->contract_id, ==, contract_id);
  g_assert_cmpint (read->kind, ==, KT_DOCUMENT_KIND_SIGNED_CONTRACT);
  g_assert_cmpstr (read->sha256, ==, signed_pdf->sha256);
  g_assert_cmpstr (read->original_name, ==, "Kontrakt underskrevet.pdf");
  g_assert_cmpstr (read->media_type, ==, "application/pdf");
  g_assert_cmpint (read->size, ==, 123456);
  g_assert_cmpuint (read->n_pages, ==, 3);
  g_assert_cmpstr (read->note, ==, "Underskrevet 1. marts 2022");
  g_assert_cmpstr (read->added_by, ==, "tester");
  g_assert_cmpstr (read->added_at, ==, signed_pdf->added_at);
  g_assert_cmpint (read->index_state, ==, KT_INDEX_STATE_PENDING);
  g_assert_cmpstr (read->contract_number, ==, "K-2019-004");
  g_assert_cmpstr (read->contract_name, ==, "ESDH-drift");
  g_assert_cmpint (read->version, ==, 1);
  g_clear_pointer (&read, kt_document_free);

  /* By kind, then as attached; the whole portfolio the same way. */
  list = kt_store_list_documents (w.store, contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((KtDocument *) list->pdata[0])->id, ==, signed_pdf->id);
  g_assert_cmpint (((KtDocument *) list->pdata[1])->id, ==, appendix->id);
  g_assert_cmpint (((KtDocument *) list->pdata[2])->id, ==, word->id);
  g_assert_cmpint (((KtDocument *) list->pdata[2])->index_state, ==, KT_INDEX_STATE_NOT_PDF);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kt_store_list_documents (w.store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Kind, name and note change; the version goes up. */
  signed_pdf->kind = KT_DOCUMENT_KIND_APPENDIX;
  g_free (signed_pdf->original_name);
  signed_pdf->original_name = g_strdup ("Kontrakt.pdf");
  g_clear_pointer (&signed_pdf->note, g_free);
  kt_store_update_document (w.store, signed_pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (signed_pdf->version, ==, 2);
  read = kt_store_get_document (w.store, signed_pdf->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->kind, ==, KT_DOCUMENT_KIND_APPENDIX);
  g_assert_cmpstr (read->original_name, ==, "Kontrakt.pdf");
  g_assert_null (read->note);
  g_assert_cmpint (read->version, ==, 2);
  g_assert_cmpstr (read->added_at, ==, signed_pdf->added_at);
  g_clear_pointer (&read, kt_document_free);

  entry = newest_audit (&audit, w.store, contract_id);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->field, ==, "document");
  g_assert_true (g_str_has_prefix (entry->old_value, "Kontrakt underskrevet.pdf (sha256 "));
  g_assert_nonnull (strstr (entry->old_value, "signed_contract"));
  g_assert_true (g_str_has_prefix (entry->new_value, "Kontrakt.pdf (sha256 "));
  g_assert_nonnull (strstr (entry->new_value, "appendix"));

  /* No change writes nothing. */
  kt_store_update_document (w.store, signed_pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpint (signed_pdf->version, ==, 2);

  /* Soft delete and undo. */
  g_assert_true (kt_store_delete_document (w.store, signed_pdf->id, 2, &error));
  g_assert_no_error (error);
  read = kt_store_get_document (w.store, signed_pdf->id, &error);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);
  g_assert_null (read);
  g_clear_error (&error);
  list = kt_store_list_documents (w.store, contract_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  entry = newest_audit (&audit, w.store, contract_id);
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_true (g_str_has_prefix (entry->old_value, "Kontrakt.pdf (sha256 "));

  g_assert_true (kt_store_restore_document (w.store, signed_pdf->id, &error));
  g_assert_no_error (error);
  g_assert_true (kt_store_restore_document (w.store, signed_pdf->id, &error));
  g_assert_no_error (error);
  read = kt_store_get_document (w.store, signed_pdf->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->version, ==, 4);

  /* Audited on the contract, in the same transactions. */
  summary = audit_summary (w.store, contract_id);
  g_assert_cmpstr (summary, ==,
                   "restore:document delete:document update:document insert:document "
                   "insert:document insert:document insert");
  entry = newest_audit (&audit, w.store, contract_id);
  short_hash = g_strdup_printf ("(sha256 %.12s…", read->sha256);
  g_assert_null (entry->old_value);
  g_assert_nonnull (strstr (entry->new_value, short_hash));

  world_clear (&w);
}

static void
test_document_duplicate (StoreFixture  *fixture,
                         gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) first = NULL;
  g_autoptr(KtDocument) again = NULL;
  g_autoptr(KtDocument) elsewhere = NULL;
  g_autoptr(KtDocument) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a, b;

  world_init (&w, fixture);
  a = add_contract (&w, "K-1");
  b = add_contract (&w, "K-2");

  first = pdf_new (a, "Kontrakt.pdf", "samme fil");
  insert_document (w.store, first);

  again = pdf_new (a, "Kopi af kontrakt.pdf", "samme fil");
  g_assert_false (kt_store_insert_document (w.store, again, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Kontrakt.pdf"));
  g_assert_cmpint (again->id, ==, 0);
  g_clear_error (&error);

  /* The same file may belong to another contract. */
  elsewhere = pdf_new (b, "Kontrakt.pdf", "samme fil");
  insert_document (w.store, elsewhere);

  /* A changed file must not become a second copy of another one. */
  other = pdf_new (a, "Bilag.pdf", "en anden fil");
  insert_document (w.store, other);
  g_free (other->sha256);
  other->sha256 = g_strdup (first->sha256);
  g_assert_false (kt_store_update_document (w.store, other, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Deleted, it can be attached again — and then not be restored. */
  g_assert_true (kt_store_delete_document (w.store, first->id, 1, &error));
  again->id = 0;
  insert_document (w.store, again);
  g_assert_false (kt_store_restore_document (w.store, first->id, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* The schema holds the rule too, for other programs. */
  g_assert_cmpint (test_sql_exec (w.path,
                                  "UPDATE documents SET deleted_at = NULL WHERE id = 1") & 0xff,
                   ==, SQLITE_CONSTRAINT);

  world_clear (&w);
}

static void
test_document_invalid (StoreFixture  *fixture,
                       gconstpointer  data)
{
  static const char *const bad_hashes[] = {
    NULL,
    "",
    "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
    "../../etc/passwd",
  };
  World w = { 0 };
  g_autoptr(KtDocument) d = NULL;
  g_autoptr(KtContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contract_id;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  d = pdf_new (contract_id, "Kontrakt.pdf", "x");

  for (guint i = 0; i < G_N_ELEMENTS (bad_hashes); i++)
    {
      g_free (d->sha256);
      d->sha256 = g_strdup (bad_hashes[i]);
      g_assert_false (kt_store_insert_document (w.store, d, &error));
      g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_free (d->sha256);
  d->sha256 = sha_of ("x");

  g_free (d->original_name);
  d->original_name = g_strdup ("  ");
  g_assert_false (kt_store_insert_document (w.store, d, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (d->original_name);
  d->original_name = g_strdup ("Kontrakt.pdf");

  d->kind = 42;
  g_assert_false (kt_store_insert_document (w.store, d, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  d->kind = KT_DOCUMENT_KIND_TENDER;

  d->size = -1;
  g_assert_false (kt_store_insert_document (w.store, d, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  d->size = 10;

  /* Only to a live contract. */
  contract = kt_store_get_contract (w.store, contract_id, &error);
  g_assert_no_error (error);
  g_assert_true (kt_store_delete_contract (w.store, contract_id, contract->version, &error));
  g_assert_false (kt_store_insert_document (w.store, d, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  d->contract_id = 999;
  g_assert_false (kt_store_insert_document (w.store, d, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM documents"), ==, 0);
  g_assert_cmpuint (audit_count (w.store, "contract", contract_id), ==, 2);

  /* The schema refuses a hash that is not one, whoever writes it. */
  g_assert_cmpint (test_sql_exec (w.path,
                                  "INSERT INTO documents (contract_id, kind, sha256, original_name)"
                                  " VALUES (1, 'other', '../../../../etc/passwd', 'x')") & 0xff,
                   ==, SQLITE_CONSTRAINT);

  world_clear (&w);
}

static void
test_document_conflict (StoreFixture  *fixture,
                        gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) mine = NULL;
  g_autoptr(KtDocument) theirs = NULL;
  g_autoptr(KtStore) colleague = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contract_id;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  mine = pdf_new (contract_id, "Kontrakt.pdf", "k");
  insert_document (w.store, mine);

  colleague = kt_store_open (w.path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (colleague, "bo", "pc2");
  theirs = kt_store_get_document (colleague, mine->id, &error);
  g_assert_no_error (error);
  g_free (theirs->note);
  theirs->note = g_strdup ("Kollegaens note");
  g_assert_true (kt_store_update_document (colleague, theirs, &error));
  g_assert_no_error (error);

  g_free (mine->note);
  mine->note = g_strdup ("Min note");
  g_assert_false (kt_store_update_document (w.store, mine, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "“Kontrakt.pdf” was changed by bo"));
  g_assert_cmpint (mine->version, ==, 1);
  g_clear_error (&error);

  g_assert_false (kt_store_delete_document (w.store, mine->id, 1, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A document does not move to another contract. */
  theirs->contract_id = add_contract (&w, "K-2");
  g_assert_false (kt_store_update_document (colleague, theirs, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kt_store_delete_document (w.store, mine->id, 2, &error));
  g_assert_false (kt_store_delete_document (w.store, mine->id, 3, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "was deleted by tester"));
  g_clear_error (&error);
  g_assert_false (kt_store_delete_document (w.store, 999, 1, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);

  world_clear (&w);
}

/* A changed file accepted as the new version. */
static void
test_document_new_file (StoreFixture  *fixture,
                        gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) d = NULL;
  g_autoptr(KtDocument) read = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_hash = NULL;
  g_autofree char *old_short = NULL;
  g_autofree char *new_short = NULL;
  const KtAuditEntry *entry;
  const char *pages[] = { "Første side", "Anden side", "Tredje side" };
  gint64 contract_id;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  d = pdf_new (contract_id, "Kontrakt.pdf", "version 1");
  insert_document (w.store, d);
  g_assert_true (kt_store_set_document_text (w.store, d->id, d->sha256, pages, 3, &error));
  g_assert_no_error (error);

  read = kt_store_get_document (w.store, d->id, &error);
  g_assert_cmpint (read->index_state, ==, KT_INDEX_STATE_INDEXED);
  g_clear_pointer (&read, kt_document_free);

  old_hash = g_strdup (d->sha256);
  g_free (d->sha256);
  d->sha256 = sha_of ("version 2");
  d->size = 99;
  d->n_pages = 5;
  g_assert_true (kt_store_update_document (w.store, d, &error));
  g_assert_no_error (error);
  g_assert_cmpint (d->index_state, ==, KT_INDEX_STATE_PENDING);

  read = kt_store_get_document (w.store, d->id, &error);
  g_assert_cmpstr (read->sha256, ==, d->sha256);
  g_assert_cmpint (read->size, ==, 99);
  g_assert_cmpuint (read->n_pages, ==, 5);
  g_assert_cmpint (read->index_state, ==, KT_INDEX_STATE_PENDING);

  entry = newest_audit (&audit, w.store, contract_id);
  old_short = g_strndup (old_hash, 12);
  new_short = g_strndup (d->sha256, 12);
  g_assert_cmpstr (entry->field, ==, "document");
  g_assert_nonnull (strstr (entry->old_value, old_short));
  g_assert_nonnull (strstr (entry->new_value, new_short));

  /* Size and pages describe the file: with the same hash they stay. */
  d->size = 1;
  d->n_pages = 1;
  g_assert_true (kt_store_update_document (w.store, d, &error));
  g_clear_pointer (&read, kt_document_free);
  read = kt_store_get_document (w.store, d->id, &error);
  g_assert_cmpint (read->size, ==, 99);
  g_assert_cmpint (read->version, ==, 2);

  world_clear (&w);
}

/* ---- clauses ---- */

static KtClause *
clause_new (gint64            document_id,
            guint             page,
            KtClauseCategory  category,
            double            y,
            const char       *text)
{
  KtClause *c = kt_clause_new ();
  KtPageRect r1 = { 72, y, 520, y + 12 };
  KtPageRect r2 = { 72, y + 14, 300.25, y + 26 };

  c->document_id = document_id;
  c->page = page;
  c->category = category;
  c->text = g_strdup (text);
  g_free (c->colour);
  c->colour = g_strdup (kt_clause_category_colour (category));
  kt_clause_add_quad (c, &r1);
  kt_clause_add_quad (c, &r2);

  return c;
}

static void
save_clause (KtStore  *store,
             KtClause *clause)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kt_store_save_clause (store, clause, &error));
  g_assert_no_error (error);
}

static void
test_clause_round_trip (StoreFixture  *fixture,
                        gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) d = NULL;
  g_autoptr(KtClause) price = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *quads = NULL;
  g_autofree char *read_quads = NULL;
  const KtAuditEntry *entry;
  const KtClause *read;
  gint64 contract_id;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  d = pdf_new (contract_id, "Kontrakt.pdf", "k");
  insert_document (w.store, d);

  price = clause_new (d->id, 2, KT_CLAUSE_PRICE, 100.5,
                      "Priserne reguleres én gang årligt pr. 1. januar efter nettoprisindekset.");
  price->note = g_strdup ("Husk at kontrollere fakturaen");
  g_free (price->colour);
  price->colour = g_strdup ("#AABBCC");
  save_clause (w.store, price);
  g_assert_cmpint (price->id, >, 0);
  g_assert_cmpint (price->version, ==, 1);
  g_assert_cmpint (price->contract_id, ==, contract_id);
  g_assert_cmpstr (price->created_by, ==, "tester");
  g_assert_nonnull (price->created_at);
  g_assert_cmpstr (price->changed_at, ==, price->created_at);
  g_assert_cmpstr (price->colour, ==, "#aabbcc");

  list = kt_store_list_clauses (w.store, contract_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  read = g_ptr_array_index (list, 0);
  g_assert_cmpint (read->id, ==, price->id);
  g_assert_cmpint (read->document_id, ==, d->id);
  g_assert_cmpint (read->contract_id, ==, contract_id);
  g_assert_cmpuint (read->page, ==, 2);
  g_assert_cmpint (read->category, ==, KT_CLAUSE_PRICE);
  g_assert_cmpstr (read->text, ==, price->text);
  g_assert_cmpstr (read->note, ==, price->note);
  g_assert_cmpstr (read->colour, ==, "#aabbcc");
  g_assert_cmpint (read->activity_id, ==, 0);
  g_assert_cmpstr (read->created_by, ==, "tester");
  quads = kt_clause_quads_to_string (price->quads);
  read_quads = kt_clause_quads_to_string (read->quads);
  g_assert_cmpstr (read_quads, ==, quads);
  g_assert_cmpmem (read->quads->data, read->quads->len * sizeof (KtPageRect),
                   price->quads->data, price->quads->len * sizeof (KtPageRect));
  g_clear_pointer (&list, g_ptr_array_unref);

  list = kt_store_list_clauses (w.store, 0, d->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  entry = newest_audit (&audit, w.store, contract_id);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpstr (entry->field, ==, "clause");
  g_test_message ("%s", entry->new_value);
  g_assert_true (g_str_has_prefix (entry->new_value,
                                   "p. 3, Price and regulation: Priserne reguleres én gang"));
  g_assert_nonnull (strstr (entry->new_value, "Husk at kontrollere fakturaen"));

  /* Update: the rectangles alone are a change. */
  g_array_set_size (price->quads, 1);
  save_clause (w.store, price);
  g_assert_cmpint (price->version, ==, 2);
  list = kt_store_list_clauses (w.store, contract_id, 0, &error);
  g_assert_cmpuint (((KtClause *) list->pdata[0])->quads->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Nothing changed: nothing written. */
  save_clause (w.store, price);
  g_assert_cmpint (price->version, ==, 2);

  g_assert_true (kt_store_delete_clause (w.store, price->id, 2, &error));
  g_assert_no_error (error);
  list = kt_store_list_clauses (w.store, contract_id, 0, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (kt_store_restore_clause (w.store, price->id, &error));
  g_assert_true (kt_store_restore_clause (w.store, price->id, &error));
  g_assert_no_error (error);
  list = kt_store_list_clauses (w.store, contract_id, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((KtClause *) list->pdata[0])->version, ==, 4);
  g_clear_pointer (&list, g_ptr_array_unref);

  summary = audit_summary (w.store, contract_id);
  g_assert_cmpstr (summary, ==,
                   "restore:clause delete:clause update:clause insert:clause insert:document "
                   "insert");

  /* A deleted document takes its clauses out of sight, and back. */
  g_assert_true (kt_store_delete_document (w.store, d->id, 1, &error));
  list = kt_store_list_clauses (w.store, contract_id, 0, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (kt_store_restore_document (w.store, d->id, &error));
  list = kt_store_list_clauses (w.store, contract_id, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);

  world_clear (&w);
}

static void
test_clause_order (StoreFixture  *fixture,
                   gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) d = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KtClause *clauses[5];
  gint64 contract_id;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  d = pdf_new (contract_id, "Kontrakt.pdf", "k");
  insert_document (w.store, d);

  /* Saved out of order: other, price lower on p. 2, price p. 1, exit, price higher on p. 2. */
  clauses[0] = clause_new (d->id, 0, KT_CLAUSE_OTHER, 100, "Andet");
  clauses[1] = clause_new (d->id, 1, KT_CLAUSE_PRICE, 500, "Pris nederst");
  clauses[2] = clause_new (d->id, 0, KT_CLAUSE_PRICE, 700, "Pris side 1");
  clauses[3] = clause_new (d->id, 2, KT_CLAUSE_EXIT, 100, "Exit");
  clauses[4] = clause_new (d->id, 1, KT_CLAUSE_PRICE, 200, "Pris øverst");
  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    save_clause (w.store, clauses[i]);

  list = kt_store_list_clauses (w.store, contract_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpstr (((KtClause *) list->pdata[0])->text, ==, "Exit");
  g_assert_cmpstr (((KtClause *) list->pdata[1])->text, ==, "Pris side 1");
  g_assert_cmpstr (((KtClause *) list->pdata[2])->text, ==, "Pris øverst");
  g_assert_cmpstr (((KtClause *) list->pdata[3])->text, ==, "Pris nederst");
  g_assert_cmpstr (((KtClause *) list->pdata[4])->text, ==, "Andet");

  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    kt_clause_free (clauses[i]);
  world_clear (&w);
}

static void
test_clause_refused (StoreFixture  *fixture,
                     gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) d = NULL;
  g_autoptr(KtDocument) unknown_pages = NULL;
  g_autoptr(KtClause) c = NULL;
  g_autoptr(KtClause) stale = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contract_id;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  d = pdf_new (contract_id, "Kontrakt.pdf", "k");
  insert_document (w.store, d);

  /* Page 4 (index 3) of a 3-page document. */
  c = clause_new (d->id, 3, KT_CLAUSE_PENALTY, 100, "Bod");
  g_assert_false (kt_store_save_clause (w.store, c, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "page 4"));
  g_assert_cmpint (c->id, ==, 0);
  g_clear_error (&error);
  c->page = 2;
  save_clause (w.store, c);

  /* Pages not known: any page is taken. */
  unknown_pages = pdf_new (contract_id, "Bilag.pdf", "b");
  unknown_pages->n_pages = 0;
  insert_document (w.store, unknown_pages);
  {
    g_autoptr(KtClause) far = clause_new (unknown_pages->id, 40, KT_CLAUSE_SLA, 10, "SLA");
    save_clause (w.store, far);
  }

  /* What kt_clause_validate () refuses. */
  stale = kt_clause_copy (c);
  g_array_set_size (stale->quads, 0);
  g_assert_false (kt_store_save_clause (w.store, stale, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&stale, kt_clause_free);

  /* A stale version. */
  stale = kt_clause_copy (c);
  g_free (c->note);
  c->note = g_strdup ("Bod pr. påbegyndt arbejdsdag");
  save_clause (w.store, c);
  g_free (stale->note);
  stale->note = g_strdup ("Noget andet");
  g_assert_false (kt_store_save_clause (w.store, stale, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "p. 3, Penalty: Bod"));
  g_clear_error (&error);
  g_assert_false (kt_store_delete_clause (w.store, c->id, 1, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Not moved to another document. */
  stale->version = c->version;
  stale->document_id = unknown_pages->id;
  g_assert_false (kt_store_save_clause (w.store, stale, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Not in a deleted document. */
  g_assert_true (kt_store_delete_document (w.store, d->id, 1, &error));
  g_free (c->note);
  c->note = g_strdup ("Efter sletning");
  g_assert_false (kt_store_save_clause (w.store, c, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* The schema says no to another program too. */
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE clauses SET colour = 'red'") & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (test_sql_exec (w.path, "UPDATE clauses SET category = 'prices'") & 0xff,
                   ==, SQLITE_CONSTRAINT);

  world_clear (&w);
}

static void
test_clause_activity (StoreFixture  *fixture,
                      gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtDocument) d = NULL;
  g_autoptr(KtClause) c = NULL;
  g_autoptr(KtActivity) own = kt_activity_new ();
  g_autoptr(KtActivity) foreign = kt_activity_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  const KtAuditEntry *entry;
  gint64 contract_id, other_id;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  other_id = add_contract (&w, "K-2");
  d = pdf_new (contract_id, "Kontrakt.pdf", "k");
  insert_document (w.store, d);

  own->contract_id = contract_id;
  own->type = kt_clause_category_activity_type (KT_CLAUSE_PRICE);
  own->description = g_strdup ("Prisregulering");
  own->recurrence = KT_RECURRENCE_YEARLY;
  g_date_set_dmy (&own->deadline, 1, G_DATE_JANUARY, 2027);
  kt_store_insert_activity (w.store, own, &error);
  g_assert_no_error (error);
  foreign->contract_id = other_id;
  foreign->description = g_strdup ("Statusmøde");
  g_date_set_dmy (&foreign->deadline, 1, G_DATE_JUNE, 2027);
  kt_store_insert_activity (w.store, foreign, &error);
  g_assert_no_error (error);

  c = clause_new (d->id, 0, KT_CLAUSE_PRICE, 100, "Priserne reguleres årligt");
  c->activity_id = own->id;
  save_clause (w.store, c);
  list = kt_store_list_clauses (w.store, contract_id, 0, &error);
  g_assert_cmpint (((KtClause *) list->pdata[0])->activity_id, ==, own->id);
  entry = newest_audit (&audit, w.store, contract_id);
  g_assert_nonnull (strstr (entry->new_value, "activity"));

  /* Unlinked, then linked to another contract's activity. */
  c->activity_id = 0;
  save_clause (w.store, c);
  c->activity_id = foreign->id;
  g_assert_false (kt_store_save_clause (w.store, c, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  c->activity_id = 4242;
  g_assert_false (kt_store_save_clause (w.store, c, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (kt_store_delete_activity (w.store, own->id, own->version, &error));
  c->activity_id = own->id;
  g_assert_false (kt_store_save_clause (w.store, c, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  world_clear (&w);
}

static void
test_read_only (StoreFixture  *fixture,
                gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(KtStore) store = NULL;
  g_autoptr(KtDocument) d = NULL;
  g_autoptr(KtDocument) fresh = NULL;
  g_autoptr(KtClause) c = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *pages[] = { "Prisregulering" };
  gint64 contract_id;

  world_init (&w, fixture);
  contract_id = add_contract (&w, "K-1");
  d = pdf_new (contract_id, "Kontrakt.pdf", "k");
  insert_document (w.store, d);
  c = clause_new (d->id, 0, KT_CLAUSE_EXIT, 100, "Exit");
  save_clause (w.store, c);
  g_clear_object (&w.store);

  store = kt_store_open (w.path, KT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  list = kt_store_list_documents (store, contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = kt_store_search (store, "ESDH", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  fresh = pdf_new (contract_id, "Bilag.pdf", "b");
#define REFUSED(call) \
  G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY); \
    g_clear_error (&error); \
  } G_STMT_END
  REFUSED (kt_store_insert_document (store, fresh, &error));
  REFUSED (kt_store_update_document (store, d, &error));
  REFUSED (kt_store_delete_document (store, d->id, 1, &error));
  REFUSED (kt_store_restore_document (store, d->id, &error));
  REFUSED (kt_store_save_clause (store, c, &error));
  REFUSED (kt_store_delete_clause (store, c->id, 1, &error));
  REFUSED (kt_store_restore_clause (store, c->id, &error));
  REFUSED (kt_store_set_document_text (store, d->id, d->sha256, pages, 1, &error));
  REFUSED (kt_store_set_document_index_state (store, d->id, d->sha256,
                                              KT_INDEX_STATE_ENCRYPTED, &error));
#undef REFUSED

  g_assert_cmpint (test_sql_int (w.path, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (test_sql_int (w.path, "SELECT index_state = 'pending' FROM documents"), ==, 1);

  world_clear (&w);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/document/round-trip", test_document_round_trip);
  ADD ("/store/document/duplicate", test_document_duplicate);
  ADD ("/store/document/invalid", test_document_invalid);
  ADD ("/store/document/conflict", test_document_conflict);
  ADD ("/store/document/new-file", test_document_new_file);
  ADD ("/store/clause/round-trip", test_clause_round_trip);
  ADD ("/store/clause/order", test_clause_order);
  ADD ("/store/clause/refused", test_clause_refused);
  ADD ("/store/clause/activity", test_clause_activity);
  ADD ("/store/document/read-only", test_read_only);

  return g_test_run ();
}
