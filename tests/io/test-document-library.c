/* test-document-library.c — the documents folder: attach, hash, verify,
 * relocate, and no way out of the folder
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kt-document-library.h"
#include "pdf-test-util.h"

/* SHA-256 of the three bytes "abc" (FIPS 180-2, appendix B.1). */
#define ABC_SHA256 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

static const char *const contract_pages[] = {
  "Kontrakt om ESDH\n§ 1 Parterne",
  "§ 14 Opsigelse\nOpsigelse skal ske skriftligt.",
};

typedef struct {
  char              *dir;
  char              *portfolio;
  char              *sources;    /* where the user's files are, outside the folder */
  KtStore           *store;
  KtDocumentLibrary *library;
  gint64             contract_id;
  gint64             other_contract_id;
} Fixture;

static gint64
add_contract (KtStore    *store,
              const char *number,
              const char *name)
{
  g_autoptr(KtContract) contract = kt_contract_new ();
  g_autoptr(GError) error = NULL;

  contract->number = g_strdup (number);
  contract->name = g_strdup (name);
  contract->category = KT_CATEGORY_LICENCE;
  contract->status = KT_STATUS_ACTIVE;
  g_date_set_dmy (&contract->start_date, 1, G_DATE_MARCH, 2022);
  g_date_set_dmy (&contract->end_date, 28, G_DATE_FEBRUARY, 2027);
  kt_store_insert_contract (store, contract, &error);
  g_assert_no_error (error);

  return contract->id;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kt-library-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->portfolio = g_build_filename (fixture->dir, "Aftaler.kontrakter", NULL);
  fixture->sources = g_build_filename (fixture->dir, "Skrivebord", NULL);
  g_assert_cmpint (g_mkdir (fixture->sources, 0700), ==, 0);

  fixture->store = kt_store_open (fixture->portfolio, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  kt_store_set_identity (fixture->store, "Anna Jensen", "pc-anna");
  fixture->contract_id = add_contract (fixture->store, "K-001", "ESDH");
  fixture->other_contract_id = add_contract (fixture->store, "K-002", "Økonomisystem");
  fixture->library = kt_document_library_new (fixture->store);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->library);
  g_clear_object (&fixture->store);
  kt_pdf_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->portfolio);
  g_free (fixture->sources);
}

static GFile *
source_file (Fixture    *fixture,
             const char *name)
{
  g_autofree char *path = g_build_filename (fixture->sources, name, NULL);

  return g_file_new_for_path (path);
}

static GFile *
source_bytes (Fixture    *fixture,
              const char *name,
              const void *bytes,
              gsize       length)
{
  GFile *file = source_file (fixture, name);
  g_autofree char *path = g_file_get_path (file);

  kt_pdf_test_write_bytes (path, bytes, length);
  return file;
}

static GFile *
source_pdf (Fixture    *fixture,
            const char *name)
{
  GFile *file = source_file (fixture, name);
  g_autofree char *path = g_file_get_path (file);

  kt_pdf_test_write (path, NULL, contract_pages, G_N_ELEMENTS (contract_pages));
  return file;
}

static char *
checksum_of (GFile *file)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
contents_of (const char *path,
             gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Names in the documents folder, sorted, comma-separated. */
static char *
folder_listing (Fixture *fixture)
{
  const char *folder = kt_document_library_get_folder (fixture->library);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (",", (char **) names->pdata);
}

static KtDocument *
attach_ok (Fixture *fixture,
           gint64   contract_id,
           GFile   *source)
{
  g_autoptr(GError) error = NULL;
  KtDocument *document;

  document = kt_document_library_attach (fixture->library, contract_id, source, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
test_folder (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *expected = g_build_filename (fixture->dir, "Aftaler-dokumenter", NULL);
  g_autofree char *a = kt_document_library_folder_for ("/share/it/Aftaler.kontrakter");
  g_autofree char *b = kt_document_library_folder_for ("/share/it/Aftaler");
  g_autofree char *c = kt_document_library_folder_for ("/share/it/Kommune 2026.v2.kontrakter");
  g_autofree char *d = kt_document_library_folder_for ("/share/it.dir/.kontrakter");

  g_assert_cmpstr (a, ==, "/share/it/Aftaler-dokumenter");
  g_assert_cmpstr (b, ==, "/share/it/Aftaler-dokumenter");
  g_assert_cmpstr (c, ==, "/share/it/Kommune 2026.v2-dokumenter");
  g_assert_cmpstr (d, ==, "/share/it.dir/.kontrakter-dokumenter");

  g_assert_true (kt_document_library_get_store (fixture->library) == fixture->store);
  g_assert_cmpstr (kt_document_library_get_folder (fixture->library), ==, expected);
  /* Opening a portfolio writes nothing. */
  g_assert_false (g_file_test (expected, G_FILE_TEST_EXISTS));
}

static void
test_hash (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GFile) abc = source_bytes (fixture, "abc.txt", "abc", 3);
  g_autoptr(GFile) missing = source_file (fixture, "findes-ikke.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = kt_document_library_hash_file (abc, NULL, &error);
  g_autofree char *none = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (hash, ==, ABC_SHA256);

  none = kt_document_library_hash_file (missing, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_attach (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) pdf = source_pdf (fixture, "Kontrakt underskrevet.pdf");
  g_autoptr(GFile) notes = source_bytes (fixture, "Noter.txt", "abc", 3);
  g_autofree char *sha = checksum_of (pdf);
  g_autoptr(KtDocument) document = attach_ok (fixture, fixture->contract_id, pdf);
  g_autoptr(KtDocument) text = attach_ok (fixture, fixture->contract_id, notes);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected_path = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *original = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *expected_listing = NULL;
  g_autofree char *source_path = g_file_get_path (pdf);
  gsize stored_length, original_length;

  g_assert_cmpint (document->id, >, 0);
  g_assert_cmpint (document->contract_id, ==, fixture->contract_id);
  g_assert_cmpstr (document->sha256, ==, sha);
  g_assert_cmpstr (document->original_name, ==, "Kontrakt underskrevet.pdf");
  g_assert_cmpstr (document->media_type, ==, "application/pdf");
  g_assert_cmpuint (document->n_pages, ==, 2);
  g_assert_cmpint (document->kind, ==, KT_DOCUMENT_KIND_SIGNED_CONTRACT);
  g_assert_cmpstr (document->added_by, ==, "Anna Jensen");

  /* The bytes, under their hash, in the folder beside the portfolio. */
  path = kt_document_library_get_path (fixture->library, document, &error);
  g_assert_no_error (error);
  expected_path = g_strdup_printf ("%s/Aftaler-dokumenter/%s.pdf", fixture->dir, sha);
  g_assert_cmpstr (path, ==, expected_path);
  stored = contents_of (path, &stored_length);
  original = contents_of (source_path, &original_length);
  g_assert_cmpmem (stored, stored_length, original, original_length);
  g_assert_cmpint (document->size, ==, original_length);

  /* A fixed digest, and the name from its content. */
  g_assert_cmpstr (text->sha256, ==, ABC_SHA256);
  g_assert_cmpstr (text->media_type, ==, "text/plain");
  g_assert_cmpint (text->size, ==, 3);
  g_assert_cmpuint (text->n_pages, ==, 0);

  /* No temporary file left behind. */
  listing = folder_listing (fixture);
  expected_listing = g_strdup_printf ("%s.pdf,%s", sha, ABC_SHA256 ".txt");
  if (strcmp (sha, ABC_SHA256) > 0)
    {
      g_free (expected_listing);
      expected_listing = g_strdup_printf ("%s,%s.pdf", ABC_SHA256 ".txt", sha);
    }
  g_assert_cmpstr (listing, ==, expected_listing);

  /* The rows, as the store keeps them. */
  rows = kt_store_list_documents (fixture->store, fixture->contract_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      const KtDocument *row = rows->pdata[i];
      const KtDocument *attached = row->id == document->id ? document : text;

      g_assert_cmpint (row->id, ==, attached->id);
      g_assert_cmpstr (row->sha256, ==, attached->sha256);
      g_assert_cmpstr (row->original_name, ==, attached->original_name);
      g_assert_cmpstr (row->media_type, ==, attached->media_type);
      g_assert_cmpint (row->size, ==, attached->size);
      g_assert_cmpuint (row->n_pages, ==, attached->n_pages);
    }
}

static void
test_attach_shared (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) pdf = source_pdf (fixture, "Rammeaftale.pdf");
  g_autoptr(KtDocument) first = attach_ok (fixture, fixture->contract_id, pdf);
  g_autoptr(KtDocument) again = NULL;
  g_autoptr(KtDocument) other = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *expected = g_strdup_printf ("%s.pdf", first->sha256);

  /* Once per contract... */
  again = kt_document_library_attach (fixture->library, fixture->contract_id, pdf, -1,
                                      NULL, &error);
  g_assert_null (again);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* ...but one file may serve several. */
  other = attach_ok (fixture, fixture->other_contract_id, pdf);
  g_assert_cmpstr (other->sha256, ==, first->sha256);
  g_assert_cmpint (other->id, !=, first->id);

  listing = folder_listing (fixture);
  g_assert_cmpstr (listing, ==, expected);

  rows = kt_store_list_documents (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
}

static void
test_attach_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) empty = source_bytes (fixture, "Tom.pdf", "", 0);
  g_autoptr(GFile) huge = source_file (fixture, "Kæmpe.pdf");
  g_autoptr(GFile) missing = source_file (fixture, "Væk.pdf");
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->sources);
  g_autofree char *huge_path = g_file_get_path (huge);
  g_autoptr(KtDocument) document = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  int fd;

  document = kt_document_library_attach (fixture->library, fixture->contract_id, empty, -1,
                                         NULL, &error);
  g_assert_null (document);
  g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "Tom.pdf"));
  g_clear_error (&error);

  /* Sparse: over the limit without writing half a gigabyte. */
  fd = g_open (huge_path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (goffset) 500 * 1000 * 1000 + 1), ==, 0);
  close (fd);
  document = kt_document_library_attach (fixture->library, fixture->contract_id, huge, -1,
                                         NULL, &error);
  g_assert_null (document);
  g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Kæmpe.pdf"));
  g_clear_error (&error);

  document = kt_document_library_attach (fixture->library, fixture->contract_id, missing, -1,
                                         NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  document = kt_document_library_attach (fixture->library, fixture->contract_id, folder, -1,
                                         NULL, &error);
  g_assert_null (document);
  g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_FAILED);
  g_clear_error (&error);

  rows = kt_store_list_documents (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  listing = folder_listing (fixture);
  g_assert_cmpstr (listing, ==, "");
}

static void
attach_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A portfolio that cannot take the row gets no copy either. */
static void
test_attach_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) pdf = source_pdf (fixture, "Kontrakt.pdf");
  g_autoptr(KtStore) reader = NULL;
  g_autoptr(KtDocumentLibrary) library = NULL;
  g_autoptr(KtDocument) document = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  reader = kt_store_open (fixture->portfolio, KT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  library = kt_document_library_new (reader);

  document = kt_document_library_attach (library, fixture->contract_id, pdf, -1, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  kt_document_library_attach_async (library, fixture->contract_id, pdf, -1, NULL,
                                    attach_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (kt_document_library_attach_finish (library, result, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY);

  g_assert_false (g_file_test (kt_document_library_get_folder (library), G_FILE_TEST_EXISTS));
}

/* What a file is comes from its bytes, not its name. */
static void
test_attach_kinds (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *const secret[] = { "Fortrolig" };
  g_autoptr(GFile) noise_file = NULL;
  g_autoptr(GFile) text_file = source_bytes (fixture, "Referat.pdf", "Mødereferat\n", 13);
  g_autoptr(GFile) damaged_file = source_bytes (fixture, "Skadet.pdf", "%PDF-1.7\n{{{", 12);
  g_autoptr(GFile) encrypted_file = source_file (fixture, "Hemmelig kontrakt.pdf");
  g_autoptr(GFile) pdf_as_word = source_file (fixture, "Tilbud.docx");
  g_autofree char *encrypted_path = g_file_get_path (encrypted_file);
  g_autofree char *pdf_as_word_path = g_file_get_path (pdf_as_word);
  g_autoptr(KtDocument) noise = NULL;
  g_autoptr(KtDocument) text = NULL;
  g_autoptr(KtDocument) damaged = NULL;
  g_autoptr(KtDocument) encrypted = NULL;
  g_autoptr(KtDocument) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guchar bytes[2048];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_test_rand_int_range (0, 256);
  bytes[0] = 0x01;
  noise_file = source_bytes (fixture, "Kontrakt.pdf", bytes, sizeof bytes);
  kt_pdf_test_write_encrypted (encrypted_path, "hemmelig", secret, 1);
  kt_pdf_test_write (pdf_as_word_path, NULL, contract_pages, 1);

  noise = attach_ok (fixture, fixture->contract_id, noise_file);
  g_assert_cmpstr (noise->media_type, ==, "application/octet-stream");
  g_assert_cmpuint (noise->n_pages, ==, 0);
  path = kt_document_library_get_path (fixture->library, noise, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, ".bin"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  text = attach_ok (fixture, fixture->contract_id, text_file);
  g_assert_cmpstr (text->media_type, ==, "text/plain");

  /* Attached as they are; the viewer explains them. */
  damaged = attach_ok (fixture, fixture->contract_id, damaged_file);
  g_assert_cmpstr (damaged->media_type, ==, "application/pdf");
  g_assert_cmpuint (damaged->n_pages, ==, 0);

  encrypted = attach_ok (fixture, fixture->contract_id, encrypted_file);
  g_assert_cmpstr (encrypted->media_type, ==, "application/pdf");
  g_assert_cmpuint (encrypted->n_pages, ==, 0);
  g_assert_cmpint (encrypted->kind, ==, KT_DOCUMENT_KIND_SIGNED_CONTRACT);

  pdf = attach_ok (fixture, fixture->contract_id, pdf_as_word);
  g_assert_cmpstr (pdf->media_type, ==, "application/pdf");
  g_assert_cmpuint (pdf->n_pages, ==, 1);
}

static void
test_attach_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) pdf = source_pdf (fixture, "Bilag 3.pdf");
  g_autofree char *sha = checksum_of (pdf);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(KtDocument) document = NULL;
  g_autoptr(KtDocument) row = NULL;
  g_autoptr(GError) error = NULL;

  kt_document_library_attach_async (fixture->library, fixture->contract_id, pdf,
                                    KT_DOCUMENT_KIND_APPENDIX, NULL, attach_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  document = kt_document_library_attach_finish (fixture->library, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->sha256, ==, sha);
  g_assert_cmpint (document->kind, ==, KT_DOCUMENT_KIND_APPENDIX);
  g_assert_cmpuint (document->n_pages, ==, 2);

  row = kt_store_get_document (fixture->store, document->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row->sha256, ==, sha);
  g_clear_object (&result);

  /* Failures come back the same way. */
  kt_document_library_attach_async (fixture->library, fixture->contract_id, pdf, -1, NULL,
                                    attach_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (kt_document_library_attach_finish (fixture->library, result, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONSTRAINT);
}

static KtDocumentState
verify_ok (Fixture          *fixture,
           const KtDocument *document)
{
  g_autoptr(GError) error = NULL;
  KtDocumentState state = -1;

  g_assert_true (kt_document_library_verify (fixture->library, document, &state, NULL, &error));
  g_assert_no_error (error);

  return state;
}

static void
verify_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static KtDocumentState
verify_async_ok (Fixture          *fixture,
                 const KtDocument *document)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KtDocumentState state = -1;

  kt_document_library_verify_async (fixture->library, document, NULL, verify_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (kt_document_library_verify_finish (fixture->library, result, &state, &error));
  g_assert_no_error (error);

  return state;
}

static void
test_verify (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) pdf = source_pdf (fixture, "Kontrakt.pdf");
  g_autoptr(KtDocument) document = attach_ok (fixture, fixture->contract_id, pdf);
  g_autofree char *path = kt_document_library_get_path (fixture->library, document, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *existing = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_cmpint (verify_ok (fixture, document), ==, KT_DOCUMENT_OK);
  g_assert_cmpint (verify_async_ok (fixture, document), ==, KT_DOCUMENT_OK);
  existing = kt_document_library_get_existing_path (fixture->library, document, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (existing, ==, path);
  g_clear_pointer (&existing, g_free);

  /* One byte changed in the signed PDF. */
  contents = contents_of (path, &length);
  contents[length / 2] ^= 0x20;
  kt_pdf_test_write_bytes (path, contents, length);
  g_assert_cmpint (verify_ok (fixture, document), ==, KT_DOCUMENT_CHANGED);
  g_assert_cmpint (verify_async_ok (fixture, document), ==, KT_DOCUMENT_CHANGED);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (verify_ok (fixture, document), ==, KT_DOCUMENT_MISSING);
  g_assert_cmpint (verify_async_ok (fixture, document), ==, KT_DOCUMENT_MISSING);

  /* The message says where it was expected. */
  existing = kt_document_library_get_existing_path (fixture->library, document, &error);
  g_assert_null (existing);
  g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "Kontrakt.pdf"));
}

static void
test_relocate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) pdf = source_pdf (fixture, "Kontrakt.pdf");
  g_autoptr(GFile) copy = source_file (fixture, "Kopi fra mail.pdf");
  g_autoptr(GFile) other = source_bytes (fixture, "Ny version.pdf", "%PDF-1.7 anden", 14);
  g_autoptr(KtDocument) document = attach_ok (fixture, fixture->contract_id, pdf);
  g_autoptr(KtDocument) row = NULL;
  g_autofree char *path = kt_document_library_get_path (fixture->library, document, NULL);
  g_autofree char *old_sha = g_strdup (document->sha256);
  g_autofree char *new_path = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version = document->version;

  /* The user finds a copy under another name: same bytes, put back. */
  g_assert_true (g_file_copy (pdf, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (kt_document_library_relocate (fixture->library, document, copy, FALSE,
                                               NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (verify_ok (fixture, document), ==, KT_DOCUMENT_OK);
  g_assert_cmpint (document->version, ==, version);

  /* A changed file is put right by the located original too. */
  kt_pdf_test_write_bytes (path, "ændret", strlen ("ændret"));
  g_assert_cmpint (verify_ok (fixture, document), ==, KT_DOCUMENT_CHANGED);
  g_assert_true (kt_document_library_relocate (fixture->library, document, copy, FALSE,
                                               NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (verify_ok (fixture, document), ==, KT_DOCUMENT_OK);

  /* Another file is not taken for it... */
  g_assert_false (kt_document_library_relocate (fixture->library, document, other, FALSE,
                                                NULL, &error));
  g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_DIFFERENT_FILE);
  g_assert_nonnull (strstr (error->message, "Ny version.pdf"));
  g_clear_error (&error);
  g_assert_cmpstr (document->sha256, ==, old_sha);
  listing = folder_listing (fixture);
  g_assert_cmpstr (listing, ==, strrchr (path, '/') + 1);

  /* ...unless the user says it is the new version. */
  g_assert_true (kt_document_library_relocate (fixture->library, document, other, TRUE,
                                               NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (document->sha256, !=, old_sha);
  g_assert_cmpint (document->size, ==, 14);
  g_assert_cmpuint (document->n_pages, ==, 0);
  g_assert_cmpint (document->version, ==, version + 1);
  g_assert_cmpstr (document->original_name, ==, "Kontrakt.pdf");
  g_assert_cmpint (verify_ok (fixture, document), ==, KT_DOCUMENT_OK);

  row = kt_store_get_document (fixture->store, document->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row->sha256, ==, document->sha256);
  g_assert_cmpint (row->size, ==, 14);
  g_assert_cmpint (row->version, ==, document->version);

  /* The old file stays: another contract may use it. */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  new_path = kt_document_library_get_path (fixture->library, document, NULL);
  g_assert_true (g_file_test (new_path, G_FILE_TEST_IS_REGULAR));
}

static void
assert_unsafe (Fixture    *fixture,
               const char *sha256)
{
  g_autoptr(KtDocument) document = kt_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  KtDocumentState state;

  document->sha256 = g_strdup (sha256);
  document->media_type = g_strdup ("application/pdf");
  document->original_name = g_strdup ("Kontrakt.pdf");

  path = kt_document_library_get_path (fixture->library, document, &error);
  g_assert_null (path);
  g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_UNSAFE_PATH);
  g_clear_error (&error);

  g_assert_false (kt_document_library_verify (fixture->library, document, &state, NULL, &error));
  g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_UNSAFE_PATH);
}

static void
test_unsafe (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) pdf = source_pdf (fixture, "Kontrakt.pdf");
  g_autoptr(KtDocument) document = attach_ok (fixture, fixture->contract_id, pdf);
  g_autofree char *path = kt_document_library_get_path (fixture->library, document, NULL);
  g_autofree char *outside = g_build_filename (fixture->dir, "hemmeligt.txt", NULL);
  g_autofree char *upper = g_ascii_strup (document->sha256, -1);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  KtDocumentState state;

  assert_unsafe (fixture, "../../etc/passwd");
  assert_unsafe (fixture, "/etc/passwd");
  assert_unsafe (fixture, upper);
  assert_unsafe (fixture, "ba7816bf8f01cfea");
  assert_unsafe (fixture, "");
  assert_unsafe (fixture, NULL);

  /* A link planted under a document's name, leading out of the folder. */
  kt_pdf_test_write_bytes (outside, "ikke til dig", 12);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (symlink (outside, path), ==, 0);
  g_assert_null (kt_document_library_get_path (fixture->library, document, &error));
  g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_UNSAFE_PATH);
  g_clear_error (&error);
  g_assert_false (kt_document_library_verify (fixture->library, document, &state, NULL, &error));
  g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_UNSAFE_PATH);
  g_clear_error (&error);

  /* Dangling, or relative and climbing out. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (symlink ("/findes/ikke", path), ==, 0);
  g_assert_null (kt_document_library_get_path (fixture->library, document, &error));
  g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_UNSAFE_PATH);
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (symlink ("../hemmeligt.txt", path), ==, 0);
  g_assert_null (kt_document_library_get_path (fixture->library, document, &error));
  g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_UNSAFE_PATH);
  g_clear_error (&error);

  /* A link to another file of the folder stays inside: no escape, only
   * the wrong content. */
  {
    g_autoptr(GFile) notes = source_bytes (fixture, "Noter.txt", "abc", 3);
    g_autoptr(KtDocument) text = attach_ok (fixture, fixture->contract_id, notes);
    g_autofree char *text_path = kt_document_library_get_path (fixture->library, text, NULL);
    g_autofree char *inside = NULL;

    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_cmpint (symlink (text_path, path), ==, 0);
    inside = kt_document_library_get_path (fixture->library, document, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (inside, ==, path);
    g_assert_cmpint (verify_ok (fixture, document), ==, KT_DOCUMENT_CHANGED);
    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_cmpint (g_unlink (text_path), ==, 0);
  }

  /* The whole folder replaced by a link elsewhere: nothing read through
   * it, and nothing attached into it. */
  {
    const char *folder = kt_document_library_get_folder (fixture->library);
    g_autofree char *elsewhere = g_build_filename (fixture->dir, "andetsteds", NULL);
    g_autoptr(GFile) again = source_pdf (fixture, "Kontrakt igen.pdf");
    g_autoptr(KtDocument) attached = NULL;

    g_assert_cmpint (g_rmdir (folder), ==, 0);
    g_assert_cmpint (g_mkdir (elsewhere, 0700), ==, 0);
    g_assert_cmpint (symlink (elsewhere, folder), ==, 0);

    g_assert_null (kt_document_library_get_path (fixture->library, document, &error));
    g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_UNSAFE_PATH);
    g_clear_error (&error);

    attached = kt_document_library_attach (fixture->library, fixture->other_contract_id, again,
                                           -1, NULL, &error);
    g_assert_null (attached);
    g_assert_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_UNSAFE_PATH);
    g_clear_error (&error);
    expected = folder_listing (fixture);
    g_assert_cmpstr (expected, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/io/document-library/" name, Fixture, NULL, fixture_setup, func, \
              fixture_teardown)

  ADD ("folder", test_folder);
  ADD ("hash", test_hash);
  ADD ("attach", test_attach);
  ADD ("attach-shared", test_attach_shared);
  ADD ("attach-refused", test_attach_refused);
  ADD ("attach-read-only", test_attach_read_only);
  ADD ("attach-kinds", test_attach_kinds);
  ADD ("attach-async", test_attach_async);
  ADD ("verify", test_verify);
  ADD ("relocate", test_relocate);
  ADD ("unsafe", test_unsafe);

#undef ADD

  return g_test_run ();
}
