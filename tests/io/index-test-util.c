/* index-test-util.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>

#include "index-test-util.h"
#include "pdf-test-util.h"

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
index_fixture_setup (IndexFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sources = NULL;

  fixture->dir = g_dir_make_tmp ("kt-index-XXXXXX", &error);
  g_assert_no_error (error);
  sources = g_build_filename (fixture->dir, "kilder", NULL);
  g_assert_cmpint (g_mkdir (sources, 0755), ==, 0);

  fixture->path = g_build_filename (fixture->dir, "Portefølje.kontrakter", NULL);
  fixture->store = kt_store_open (fixture->path, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  kt_store_set_identity (fixture->store, "tester", "testhost");
  fixture->library = kt_document_library_new (fixture->store);
}

void
index_fixture_close (IndexFixture *fixture)
{
  g_clear_object (&fixture->library);
  g_clear_object (&fixture->store);
}

void
index_fixture_reopen (IndexFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  index_fixture_close (fixture);
  fixture->store = kt_store_open (fixture->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (fixture->store, "tester", "testhost");
  fixture->library = kt_document_library_new (fixture->store);
}

void
index_fixture_teardown (IndexFixture  *fixture,
                        gconstpointer  data)
{
  index_fixture_close (fixture);
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

gint64
index_add_contract (IndexFixture *fixture,
                    const char   *number,
                    const char   *name,
                    const char   *notes)
{
  g_autoptr(KtContract) contract = kt_contract_new ();
  g_autoptr(GError) error = NULL;

  contract->number = g_strdup (number);
  contract->name = g_strdup (name);
  contract->notes = g_strdup (notes);
  contract->category = KT_CATEGORY_LICENCE;
  contract->status = KT_STATUS_ACTIVE;
  g_date_set_dmy (&contract->start_date, 1, G_DATE_MARCH, 2022);
  g_date_set_dmy (&contract->end_date, 28, G_DATE_FEBRUARY, 2027);

  kt_store_insert_contract (fixture->store, contract, &error);
  g_assert_no_error (error);

  return contract->id;
}

KtDocument *
index_attach_file (IndexFixture *fixture,
                   gint64        contract_id,
                   const char   *source)
{
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  KtDocument *document;

  document = kt_document_library_attach (fixture->library, contract_id, file,
                                         KT_DOCUMENT_KIND_SIGNED_CONTRACT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpint (document->id, >, 0);

  return document;
}

KtDocument *
index_attach_pdf (IndexFixture      *fixture,
                  gint64             contract_id,
                  const char        *name,
                  const char *const *pages,
                  guint              n_pages)
{
  g_autofree char *source = g_build_filename (fixture->dir, "kilder", name, NULL);

  kt_pdf_test_write (source, NULL, pages, n_pages);
  return index_attach_file (fixture, contract_id, source);
}

void
index_write_long_pdf (const char *path,
                      guint       n_pages)
{
  static const char paragraph[] =
    "Leverandøren skal levere ydelserne i overensstemmelse med kravspecifikationen, "
    "tidsplanen og de øvrige bilag. Styregruppen mødes hver måned, og dokumentationen "
    "opdateres løbende af begge parter, så den altid svarer til løsningen i drift. ";
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_pages; i++)
    {
      GString *text = g_string_new (NULL);

      g_string_append_printf (text, "Side %u\n", i + 1);
      for (guint j = 0; j < 6; j++)
        g_string_append (text, paragraph);
      g_ptr_array_add (pages, g_string_free (text, FALSE));
    }

  kt_pdf_test_write (path, NULL, (const char *const *) pages->pdata, n_pages);
}

KtIndexState
index_state (IndexFixture *fixture,
             gint64        document_id)
{
  g_autoptr(KtDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = kt_store_get_document (fixture->store, document_id, &error);
  g_assert_no_error (error);

  return document->index_state;
}

guint
index_n_pending (IndexFixture *fixture)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;

  pending = kt_store_list_documents_to_index (fixture->store, &error);
  g_assert_no_error (error);

  return pending->len;
}
