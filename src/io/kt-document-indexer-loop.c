/* kt-document-indexer-loop.c — the indexing loop, in whatever thread calls it
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-document-indexer-private.h"
#include "kt-pdf-document.h"

/* The store already waits busy_timeout for a lock; these pauses come on
 * top, for a colleague's long save, before the document is left for the
 * next run. */
static const guint busy_backoff_ms[] = { 250, 1000, 3000 };

typedef enum {
  OUTCOME_DONE,     /* indexed, or marked so that it is not tried again */
  OUTCOME_PENDING,  /* left for a later run */
  OUTCOME_FAILED,   /* store error or cancelled: the run stops */
} Outcome;

typedef gboolean (*WriteFunc) (KtStore           *store,
                               const KtDocument  *document,
                               gpointer           data,
                               GError           **error);

static void
report (const KtIndexerJob *job,
        gint64              indexed_id)
{
  if (job->progress != NULL)
    job->progress (job, indexed_id);
}

static guint
document_weight (const KtDocument *document)
{
  /* The page count is known from attaching; an unknown one still moves
   * the bar a little. */
  return MAX (document->n_pages, 1);
}

static gboolean
sleep_cancellable (guint          ms,
                   GCancellable  *cancellable,
                   GError       **error)
{
  GPollFD fd;

  if (!g_cancellable_make_pollfd (cancellable, &fd))
    {
      g_usleep (ms * G_TIME_SPAN_MILLISECOND);
      return TRUE;
    }

  g_poll (&fd, 1, ms);
  g_cancellable_release_fd (cancellable);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static Outcome
write_retrying (KtIndexerJob      *job,
                const KtDocument  *document,
                WriteFunc          write,
                gpointer           data,
                GError           **error)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (write (job->store, document, data, &local_error))
        return OUTCOME_DONE;

      if (g_error_matches (local_error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY) &&
          attempt < G_N_ELEMENTS (busy_backoff_ms))
        {
          if (!sleep_cancellable (busy_backoff_ms[attempt], job->cancellable, error))
            return OUTCOME_FAILED;
          continue;
        }

      /* A changed hash, a document removed meanwhile or a colleague's
       * long lock: the next scan finds the document again if it still
       * needs it. */
      if (g_error_matches (local_error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT) ||
          g_error_matches (local_error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND) ||
          g_error_matches (local_error, KT_STORE_ERROR, KT_STORE_ERROR_BUSY))
        {
          g_debug ("Document %" G_GINT64_FORMAT " left for the next run: %s",
                   document->id, local_error->message);
          return OUTCOME_PENDING;
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return OUTCOME_FAILED;
    }
}

static gboolean
write_text (KtStore           *store,
            const KtDocument  *document,
            gpointer           data,
            GError           **error)
{
  GPtrArray *pages = data;

  return kt_store_set_document_text (store, document->id, document->sha256,
                                     (const char *const *) pages->pdata, pages->len, error);
}

static gboolean
write_state (KtStore           *store,
             const KtDocument  *document,
             gpointer           data,
             GError           **error)
{
  return kt_store_set_document_index_state (store, document->id, document->sha256,
                                            GPOINTER_TO_INT (data), error);
}

static Outcome
index_document (KtIndexerJob      *job,
                const KtDocument  *document,
                GError           **error)
{
  g_autoptr(KtPdfDocument) pdf = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *path = NULL;
  guint pages_before = job->pages_done;
  guint weight = document_weight (document);
  guint n_pages;
  Outcome outcome;

  stored = kt_document_library_get_path (job->library, document, &local_error);
  if (stored == NULL)
    {
      /* A link out of the folder: left alone until someone repairs it */
      g_message ("Not indexing “%s”: %s", document->original_name, local_error->message);
      return OUTCOME_PENDING;
    }
  /* A portfolio opened by a relative path (the command line) */
  path = g_canonicalize_filename (stored, NULL);

  pdf = kt_pdf_document_open (path, NULL, job->cancellable, &local_error);
  if (pdf == NULL)
    {
      KtIndexState state;

      if (g_error_matches (local_error, KT_PDF_ERROR, KT_PDF_ERROR_NEEDS_PASSWORD) ||
          g_error_matches (local_error, KT_PDF_ERROR, KT_PDF_ERROR_WRONG_PASSWORD))
        state = KT_INDEX_STATE_ENCRYPTED;
      else if (g_error_matches (local_error, KT_PDF_ERROR, KT_PDF_ERROR_DAMAGED) ||
               g_error_matches (local_error, KT_PDF_ERROR, KT_PDF_ERROR_NOT_PDF))
        state = KT_INDEX_STATE_UNREADABLE;
      else if (g_error_matches (local_error, KT_PDF_ERROR, KT_PDF_ERROR_CANCELLED) ||
               g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return OUTCOME_FAILED;
        }
      else
        {
          /* Missing (it may come back after "Locate…") or unreadable for
           * now (permissions, a network drive away): tried again next run. */
          g_debug ("Not indexing “%s” now: %s", document->original_name, local_error->message);
          return OUTCOME_PENDING;
        }

      outcome = write_retrying (job, document, write_state, GINT_TO_POINTER (state), error);
      job->pages_done = pages_before + weight;
      return outcome;
    }

  n_pages = kt_pdf_document_get_n_pages (pdf);
  pages = g_ptr_array_new_full (n_pages, g_free);
  for (guint i = 0; i < n_pages; i++)
    {
      if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
        return OUTCOME_FAILED;

      /* A scanned page has no text layer and gives "": the document is
       * still indexed, by its contract's fields and its name. */
      g_ptr_array_add (pages, kt_pdf_document_get_page_text (pdf, i));

      job->pages_done = pages_before + (guint) ((guint64) (i + 1) * weight / n_pages);
      report (job, 0);
    }
  g_clear_object (&pdf);

  outcome = write_retrying (job, document, write_text, pages, error);
  job->pages_done = pages_before + weight;
  if (outcome == OUTCOME_DONE)
    {
      job->n_indexed++;
      report (job, document->id);
    }

  return outcome;
}

gboolean
kt_indexer_job_run (KtIndexerJob  *job,
                    GError       **error)
{
  g_autoptr(GPtrArray) documents = NULL;

  if (kt_store_is_read_only (job->store))
    return TRUE;

  documents = kt_store_list_documents_to_index (job->store, error);
  if (documents == NULL)
    return FALSE;

  job->library = kt_document_library_new (job->store);
  job->n_documents = documents->len;
  for (guint i = 0; i < documents->len; i++)
    job->pages_total += document_weight (g_ptr_array_index (documents, i));

  for (guint i = 0; i < documents->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
        return FALSE;

      job->document = i;
      report (job, 0);
      if (index_document (job, g_ptr_array_index (documents, i), error) == OUTCOME_FAILED)
        return FALSE;
    }

  return TRUE;
}

gboolean
kt_document_indexer_run_sync (KtStore       *store,
                              GCancellable  *cancellable,
                              guint         *n_indexed,
                              GError       **error)
{
  KtIndexerJob job = { 0 };
  gboolean ok;

  g_return_val_if_fail (KT_IS_STORE (store), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job.store = store;
  job.cancellable = cancellable;
  ok = kt_indexer_job_run (&job, error);
  g_clear_object (&job.library);

  if (n_indexed != NULL)
    *n_indexed = job.n_indexed;

  return ok;
}
