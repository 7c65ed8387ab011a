/* kt-pdf-view-find.c — find in the document: every page searched in a
 * thread, the matches handed to the view in batches as they come
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search starts at the current page and wraps around, so the first
 * batch holds the match the reader wants first; the view keeps the
 * matches sorted by page whatever order they arrive in.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-pdf-view-private.h"

struct _KtPdfFindJob
{
  KtPdfView     *view;          /* main thread only, while not cancelled */
  KtPdfDocument *document;
  char          *text;
  guint          start_page;
  GCancellable  *cancellable;

  GMutex         lock;
  GArray        *pending;       /* KtPdfMatch found but not yet handed over */
  guint          flush_id;
  gboolean       flushed_once;
};

static void
find_job_clear (KtPdfFindJob *job)
{
  g_clear_object (&job->document);
  g_clear_pointer (&job->text, g_free);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->pending, g_array_unref);
  g_mutex_clear (&job->lock);
}

static KtPdfFindJob *
find_job_ref (KtPdfFindJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
find_job_unref (KtPdfFindJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) find_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtPdfFindJob, find_job_unref)

static int
compare_page (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  guint page_a = ((const KtPdfMatch *) a)->page;
  guint page_b = ((const KtPdfMatch *) b)->page;

  return page_a < page_b ? -1 : page_a > page_b;
}

/* Main thread: takes what the thread found so far. A page is searched
 * once, so its matches all come in one batch: merging by page keeps
 * each page's matches in poppler's (reading) order. */
static void
flush (KtPdfFindJob *job)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) merged = NULL;
  KtPdfView *self = job->view;
  int current = -1;
  guint i = 0, j = 0, first_page;

  g_mutex_lock (&job->lock);
  found = job->pending;
  job->pending = g_array_new (FALSE, FALSE, sizeof (KtPdfMatch));
  job->flush_id = 0;
  g_mutex_unlock (&job->lock);

  if (g_cancellable_is_cancelled (job->cancellable) || found->len == 0)
    return;

  /* The thread found them in search order */
  first_page = g_array_index (found, KtPdfMatch, 0).page;

  /* Stable: the order within a page stays */
  g_qsort_with_data (found->data, found->len, sizeof (KtPdfMatch), compare_page, NULL);

  merged = g_array_sized_new (FALSE, FALSE, sizeof (KtPdfMatch), self->matches->len + found->len);
  while (i < self->matches->len || j < found->len)
    {
      gboolean old = j == found->len ||
                     (i < self->matches->len &&
                      g_array_index (self->matches, KtPdfMatch, i).page <
                      g_array_index (found, KtPdfMatch, j).page);

      if (old)
        {
          if ((int) i == self->current_match)
            current = merged->len;
          g_array_append_val (merged, g_array_index (self->matches, KtPdfMatch, i));
          i++;
        }
      else
        {
          g_array_append_val (merged, g_array_index (found, KtPdfMatch, j));
          j++;
        }
    }

  g_array_unref (self->matches);
  self->matches = g_steal_pointer (&merged);
  /* The current match keeps its place, maybe not its number; the first
   * match found (on or after the page the search started on, the search
   * order being that) becomes current and comes into view */
  kt_pdf_view_notify (self, KT_PDF_VIEW_PROP_N_MATCHES);
  if (current >= 0)
    kt_pdf_view_set_current_match (self, current, FALSE);
  else
    {
      for (guint k = 0; k < self->matches->len; k++)
        if (g_array_index (self->matches, KtPdfMatch, k).page == first_page)
          {
            kt_pdf_view_set_current_match (self, k, TRUE);
            break;
          }
    }
}

static gboolean
flush_cb (gpointer user_data)
{
  flush (user_data);

  return G_SOURCE_REMOVE;
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  KtPdfFindJob *job = task_data;
  guint n_pages = kt_pdf_document_get_n_pages (job->document);

  for (guint k = 0; k < n_pages; k++)
    {
      guint page = (job->start_page + k) % n_pages;
      g_autoptr(GArray) rects = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      rects = kt_pdf_document_find_text (job->document, page, job->text);
      if (rects == NULL || rects->len == 0)
        continue;

      g_mutex_lock (&job->lock);
      for (guint i = 0; i < rects->len; i++)
        {
          KtPdfMatch match = { page, g_array_index (rects, KtPageRect, i) };

          g_array_append_val (job->pending, match);
        }
      /* The first matches at once, the rest at most ten times a second:
       * the view merges them into all it has */
      if (job->flush_id == 0)
        {
          job->flush_id = g_timeout_add_full (G_PRIORITY_DEFAULT, job->flushed_once ? 100 : 0,
                                              flush_cb, find_job_ref (job),
                                              (GDestroyNotify) find_job_unref);
          job->flushed_once = TRUE;
        }
      g_mutex_unlock (&job->lock);
    }

  g_task_return_boolean (task, TRUE);
}

static void
find_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  KtPdfFindJob *job = g_task_get_task_data (G_TASK (result));
  KtPdfView *self;

  if (g_cancellable_is_cancelled (job->cancellable))
    return;

  self = job->view;
  flush (job);
  g_assert (self->find_job == job);
  g_clear_pointer (&self->find_job, find_job_unref);
  kt_pdf_view_emit_find_finished (self);
}

void
kt_pdf_view_find_cancel (KtPdfView *self)
{
  if (self->find_job == NULL)
    return;

  g_cancellable_cancel (self->find_job->cancellable);
  g_clear_pointer (&self->find_job, find_job_unref);
}

/* ---- Public API ------------------------------------------------------- */

void
kt_pdf_view_find (KtPdfView  *self,
                  const char *text)
{
  g_autoptr(GTask) task = NULL;
  KtPdfFindJob *job;
  gboolean had_matches;

  g_return_if_fail (KT_IS_PDF_VIEW (self));

  kt_pdf_view_find_cancel (self);

  had_matches = self->matches->len > 0;
  g_array_set_size (self->matches, 0);
  g_clear_pointer (&self->find_text, g_free);
  if (had_matches)
    kt_pdf_view_notify (self, KT_PDF_VIEW_PROP_N_MATCHES);
  kt_pdf_view_set_current_match (self, -1, FALSE);

  if (text == NULL || *text == '\0' || self->document == NULL)
    return;

  self->find_text = g_strdup (text);

  job = g_atomic_rc_box_new0 (KtPdfFindJob);
  job->view = self;
  job->document = g_object_ref (self->document);
  job->text = g_strdup (text);
  job->start_page = self->page;
  job->cancellable = g_cancellable_new ();
  job->pending = g_array_new (FALSE, FALSE, sizeof (KtPdfMatch));
  g_mutex_init (&job->lock);
  self->find_job = job;

  /* No source object: the task must not keep the view alive */
  task = g_task_new (NULL, job->cancellable, find_done_cb, NULL);
  g_task_set_source_tag (task, kt_pdf_view_find);
  g_task_set_task_data (task, find_job_ref (job), (GDestroyNotify) find_job_unref);
  g_task_run_in_thread (task, find_thread);
}

void
kt_pdf_view_find_next (KtPdfView *self)
{
  guint n;

  g_return_if_fail (KT_IS_PDF_VIEW (self));

  n = self->matches->len;
  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  kt_pdf_view_set_current_match (self, (self->current_match + 1) % n, TRUE);
}

void
kt_pdf_view_find_previous (KtPdfView *self)
{
  guint n;

  g_return_if_fail (KT_IS_PDF_VIEW (self));

  n = self->matches->len;
  if (n == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  kt_pdf_view_set_current_match (self, self->current_match <= 0 ? (int) n - 1 : self->current_match - 1, TRUE);
}

guint
kt_pdf_view_get_n_matches (KtPdfView *self)
{
  g_return_val_if_fail (KT_IS_PDF_VIEW (self), 0);

  return self->matches->len;
}

int
kt_pdf_view_get_current_match (KtPdfView *self)
{
  g_return_val_if_fail (KT_IS_PDF_VIEW (self), -1);

  return self->current_match;
}

gboolean
kt_pdf_view_get_current_match_rect (KtPdfView  *self,
                                    guint      *page,
                                    KtPageRect *rect)
{
  const KtPdfMatch *match;

  g_return_val_if_fail (KT_IS_PDF_VIEW (self), FALSE);

  if (self->current_match < 0)
    return FALSE;

  match = &g_array_index (self->matches, KtPdfMatch, self->current_match);
  if (page != NULL)
    *page = match->page;
  if (rect != NULL)
    *rect = match->rect;

  return TRUE;
}
