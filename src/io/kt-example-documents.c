/* kt-example-documents.c — signed contracts for the example portfolio
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contracts of different kinds get a generated signed PDF, attached through
 * the document library as a user would attach one; three have their key
 * clauses marked with the line boxes recorded while the PDF was drawn (no
 * text search that a reworded clause could miss). The notes are Danish
 * content, like the rest of the example, and not translatable.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gstdio.h>

#include "kt-contract-pdf.h"
#include "kt-document-indexer.h"
#include "kt-document-library.h"
#include "kt-example-data.h"
#include "kt-example-documents.h"

#define CLAUSE(c) (1u << KT_CLAUSE_##c)
#define KEY_CLAUSES (CLAUSE (TERMINATION) | CLAUSE (PRICE) | CLAUSE (EXIT) | CLAUSE (PENALTY))

typedef struct {
  const char *contract;        /* name in the curated table */
  guint       detail;          /* kt_contract_pdf_write: more wording, more pages */
  guint       clauses;         /* categories to mark, bit mask of (1 << KtClauseCategory) */
  gboolean    sla_appendix;
  const char *supplier_signer;
  const char *supplier_signer_title;
} ExampleDocument;

static const ExampleDocument example_documents[] = {
  { "Økonomisystem", 3, KEY_CLAUSES | CLAUSE (OPTION) | CLAUSE (SLA), TRUE,
    "Karen Østergaard", "Administrerende direktør" },
  { "ESDH – sags- og dokumenthåndtering", 2, KEY_CLAUSES, FALSE,
    "Peter Holm Nygaard", "Administrerende direktør" },
  { "Serverdrift og virtualiseringsplatform", 1, KEY_CLAUSES, FALSE,
    "Signe Bech", "Direktør" },
  { "Backup og gendannelse", 0, 0, FALSE,
    "Mads Kjeldsen", "Salgsdirektør" },
  { "KY – Kommunernes Ydelsessystem", 1, 0, FALSE,
    "Ole Winther", "Administrerende direktør" },
  { "Mobiltelefoni og mobilt bredbånd (SKI 50.40)", 0, 0, FALSE,
    "Tina Frandsen", "Salgsdirektør" },
  { "Databehandleraftale – Økonomisystem", 0, 0, FALSE,
    "Karen Østergaard", "Administrerende direktør" },
};

typedef struct {
  KtStore           *store;
  KtDocumentLibrary *library;
  char              *folder;   /* temporary, for the PDFs before they are attached */
  GPtrArray         *files;    /* paths written into it */
  GHashTable        *by_id;    /* contract id (gint64 *) → KtContract * */
  guint              count;
} Maker;

static char *
note_for (KtClauseCategory  category,
          const KtContract *c)
{
  switch (category)
    {
    case KT_CLAUSE_TERMINATION:
      {
        g_autofree char *notice = NULL;

        notice = g_strdup_printf ("%u %s varsel", c->notice_months,
                                  c->notice_months == 1 ? "måneds" : "måneders");
        return g_strdup_printf ("%s. Sidste frist for opsigelse står i aktivitetsoverblikket – "
                                "beslut genudbud eller forlængelse i god tid.", notice);
      }
    case KT_CLAUSE_PRICE:
      return g_strdup ("Årlig regulering efter indeks, højst 4 %. Kontrollér leverandørens varsel og "
                       "den første faktura efter reguleringen.");
    case KT_CLAUSE_EXIT:
      return g_strdup ("Ophørsbistand i op til 12 måneder, data udleveres vederlagsfrit i åbent format. "
                       "Exitplanen gennemgås årligt.");
    case KT_CLAUSE_PENALTY:
      return g_strdup ("Bodstrappe efter bilag 1. Bod modregnes i næste faktura – følg op på den "
                       "månedlige servicemålsrapport.");
    case KT_CLAUSE_OPTION:
      return g_strdup_printf ("%u %s på hver %u måneder. Indstilling til styregruppen inden "
                              "fristen for udnyttelse.", c->option_count,
                              c->option_count == 1 ? "option" : "optioner", c->option_months);
    case KT_CLAUSE_SLA:
      return g_strdup ("Oppetid 99,5 % pr. måned; rapporten kommer senest den 10. i måneden.");
    default:
      return NULL;
    }
}

/* The contract's price regulation activity, if the example has one. */
static gint64
price_regulation_activity (KtStore  *store,
                           gint64    contract_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) activities = kt_store_list_activities (store, contract_id, error);

  if (activities == NULL)
    return -1;
  for (guint i = 0; i < activities->len; i++)
    {
      KtActivity *a = g_ptr_array_index (activities, i);

      if (a->type == KT_ACTIVITY_PRICE_REGULATION)
        return a->id;
    }
  return 0;
}

static gboolean
mark_clauses (Maker             *m,
              const KtDocument  *document,
              const KtContract  *c,
              guint              categories,
              GPtrArray         *passages,
              GError           **error)
{
  guint done = 0;

  for (guint i = 0; i < passages->len; i++)
    {
      KtContractPdfPassage *passage = g_ptr_array_index (passages, i);
      guint bit = 1u << passage->category;
      g_autoptr(KtClause) clause = NULL;

      /* The first passage of each wanted category. */
      if ((categories & bit) == 0 || (done & bit) != 0)
        continue;
      done |= bit;

      clause = kt_clause_new ();
      clause->document_id = document->id;
      clause->page = passage->page;
      clause->text = g_strdup (passage->text);
      clause->category = passage->category;
      clause->note = note_for (passage->category, c);
      g_free (clause->colour);
      clause->colour = g_strdup (kt_clause_category_colour (passage->category));
      for (guint r = 0; r < passage->rects->len; r++)
        kt_clause_add_quad (clause, &g_array_index (passage->rects, KtPageRect, r));
      if (passage->category == KT_CLAUSE_PRICE)
        {
          clause->activity_id = price_regulation_activity (m->store, c->id, error);
          if (clause->activity_id < 0)
            return FALSE;
        }
      if (!kt_store_save_clause (m->store, clause, error))
        return FALSE;
    }
  return TRUE;
}

/* "Kontrakt KT-2021-004 – underskrevet.pdf": what a person would have
 * called the file they attached. */
static char *
file_name (const char       *what,
           const KtContract *c,
           const char       *state)
{
  g_autofree char *name = g_strdup_printf ("%s %s – %s.pdf", what, c->number, state);

  return g_strdelimit (g_steal_pointer (&name), "/\\", '-');
}

static KtDocument *
write_and_attach (Maker                   *m,
                  const KtContractPdfSpec *spec,
                  const char              *name,
                  KtDocumentKind           kind,
                  GPtrArray              **passages,
                  GError                 **error)
{
  g_autofree char *path = g_build_filename (m->folder, name, NULL);
  g_autoptr(GFile) file = NULL;
  KtDocument *document;

  /* Listed first: a half-written file is removed too. */
  g_ptr_array_add (m->files, g_strdup (path));
  if (!kt_contract_pdf_write (spec, path, NULL, passages, error))
    return NULL;

  file = g_file_new_for_path (path);
  document = kt_document_library_attach (m->library, spec->contract->id, file, kind, NULL, error);
  if (document != NULL)
    m->count++;
  return document;
}

static gboolean
add_documents_of (Maker                 *m,
                  const ExampleDocument *example,
                  const KtContract      *c,
                  GError               **error)
{
  g_autoptr(KtSupplier) supplier = NULL;
  g_autoptr(KtDocument) signed_contract = NULL;
  g_autoptr(KtDocument) appendix = NULL;
  g_autoptr(GPtrArray) passages = NULL;
  g_autofree char *name = NULL;
  KtContractPdfSpec spec = { 0 };

  supplier = kt_store_get_supplier (m->store, c->supplier_id, error);
  if (supplier == NULL)
    return FALSE;

  spec.kind = KT_CONTRACT_PDF_CONTRACT;
  spec.contract = c;
  spec.supplier = supplier;
  spec.main_contract = c->parent_id != 0 ? g_hash_table_lookup (m->by_id, &c->parent_id) : NULL;
  spec.customer_signer = kt_example_people[P_LARS].name;
  spec.customer_signer_title = "Digitaliseringschef";
  spec.supplier_signer = example->supplier_signer;
  spec.supplier_signer_title = example->supplier_signer_title;
  spec.detail = example->detail;

  name = file_name (c->type == KT_CONTRACT_TYPE_DATA_PROCESSING ? "Databehandleraftale" : "Kontrakt",
                    c, "underskrevet");
  signed_contract = write_and_attach (m, &spec, name, KT_DOCUMENT_KIND_SIGNED_CONTRACT, &passages, error);
  if (signed_contract == NULL)
    return FALSE;
  if (example->clauses != 0 &&
      !mark_clauses (m, signed_contract, c, example->clauses, passages, error))
    return FALSE;

  if (example->sla_appendix)
    {
      g_clear_pointer (&name, g_free);
      name = file_name ("Bilag 1 til kontrakt", c, "Servicemål");
      spec.kind = KT_CONTRACT_PDF_SLA_APPENDIX;
      appendix = write_and_attach (m, &spec, name, KT_DOCUMENT_KIND_APPENDIX, NULL, error);
      if (appendix == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
remove_folder (Maker *m)
{
  for (guint i = 0; i < m->files->len; i++)
    g_remove (g_ptr_array_index (m->files, i));
  g_rmdir (m->folder);
}

gboolean
kt_example_add_documents (KtStore  *store,
                          guint    *n_documents,
                          GError  **error)
{
  g_autoptr(GPtrArray) contracts = NULL;
  g_autoptr(GHashTable) by_name = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(KtDocumentLibrary) library = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *folder = NULL;
  Maker m = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (KT_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_documents != NULL)
    *n_documents = 0;

  contracts = kt_store_list_contracts (store, error);
  if (contracts == NULL)
    return FALSE;
  by_name = g_hash_table_new (g_str_hash, g_str_equal);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < contracts->len; i++)
    {
      KtContract *c = g_ptr_array_index (contracts, i);

      g_hash_table_insert (by_name, c->name, c);
      g_hash_table_insert (by_id, &c->id, c);
    }

  folder = g_dir_make_tmp ("kontrakter-eksempel-XXXXXX", error);
  if (folder == NULL)
    return FALSE;
  library = kt_document_library_new (store);
  files = g_ptr_array_new_with_free_func (g_free);

  m.store = store;
  m.library = library;
  m.folder = folder;
  m.files = files;
  m.by_id = by_id;

  for (guint i = 0; ok && i < G_N_ELEMENTS (example_documents); i++)
    {
      const KtContract *c = g_hash_table_lookup (by_name, example_documents[i].contract);

      if (c != NULL)
        ok = add_documents_of (&m, &example_documents[i], c, error);
    }
  remove_folder (&m);

  if (n_documents != NULL)
    *n_documents = m.count;
  return ok && kt_document_indexer_run_sync (store, NULL, NULL, error);
}
