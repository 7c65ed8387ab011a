/* kt-document-window-find.c — the find bar, showing a page with words
 * found on it, and the current match as a clause to mark
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-document-window-private.h"

static void
update_match_label (KtDocumentWindow *self)
{
  KtPdfView *view = KT_PDF_VIEW (self->pdf_view);
  guint n = kt_pdf_view_get_n_matches (view);
  int current = kt_pdf_view_get_current_match (view);
  g_autofree char *text = NULL;

  if (self->find_text == NULL || *self->find_text == '\0')
    text = g_strdup ("");
  else if (n == 0)
    text = g_strdup (_("No matches"));
  else if (current < 0)
    /* Translators: the number of find matches when none is the current one */
    text = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);
  else
    /* Translators: the current find match, "2 of 7" */
    text = g_strdup_printf (_("%d of %u"), current + 1, n);

  gtk_label_set_text (GTK_LABEL (self->match_label), text);
}

static void
find (KtDocumentWindow *self,
      const char       *text)
{
  g_autoptr(GTask) pending = NULL;

  if (g_strcmp0 (text, self->find_text) == 0)
    return;

  /* A match to mark was asked for under the old text */
  if ((pending = g_steal_pointer (&self->pending_match)) != NULL)
    g_task_return_new_error (pending, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             "The find changed");

  g_free (self->find_text);
  self->find_text = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
  self->find_running = self->find_text != NULL;
  kt_pdf_view_find (KT_PDF_VIEW (self->pdf_view), self->find_text);
  update_match_label (self);
  kt_document_window_update_actions (self);
}

/* ---- callbacks ---- */

static void
search_changed_cb (KtDocumentWindow *self)
{
  if (self->state == KT_DOCUMENT_WINDOW_READY)
    find (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
entry_activate_cb (KtDocumentWindow *self)
{
  kt_document_window_find_next (self, TRUE);
}

static void
next_match_cb (KtDocumentWindow *self)
{
  kt_document_window_find_next (self, TRUE);
}

static void
previous_match_cb (KtDocumentWindow *self)
{
  kt_document_window_find_next (self, FALSE);
}

static void
stop_search_cb (KtDocumentWindow *self)
{
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), FALSE);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *keys,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      KtDocumentWindow      *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK) != 0)
    {
      kt_document_window_find_next (self, FALSE);
      return TRUE;
    }

  return FALSE;
}

static void
search_mode_notify_cb (KtDocumentWindow *self)
{
  if (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar)))
    {
      gtk_widget_grab_focus (self->search_entry);
      return;
    }

  /* Closing the bar ends the find: no matches drawn any more */
  find (self, NULL);
  if (self->state == KT_DOCUMENT_WINDOW_READY)
    gtk_widget_grab_focus (self->pdf_view);
}

static void
matches_notify_cb (KtDocumentWindow *self)
{
  update_match_label (self);
  kt_document_window_update_actions (self);
}

static void start_match_task (KtDocumentWindow *self,
                              GTask            *task);

static void
find_finished_cb (KtDocumentWindow *self)
{
  g_autoptr(GTask) pending = g_steal_pointer (&self->pending_match);

  self->find_running = FALSE;
  matches_notify_cb (self);
  if (pending != NULL)
    start_match_task (self, pending);
}

void
kt_document_window_find_init (KtDocumentWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_object_bind_property (self->find_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->search_bar), GTK_EDITABLE (self->search_entry));

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (entry_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match", G_CALLBACK (next_match_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match", G_CALLBACK (previous_match_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_notify_cb), self, G_CONNECT_SWAPPED);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (self->search_entry, keys);

  g_signal_connect_object (self->pdf_view, "notify::n-matches", G_CALLBACK (matches_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_view, "notify::current-match", G_CALLBACK (matches_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_view, "find-finished", G_CALLBACK (find_finished_cb),
                           self, G_CONNECT_SWAPPED);
}

void
kt_document_window_find_show (KtDocumentWindow *self)
{
  if (self->state != KT_DOCUMENT_WINDOW_READY)
    return;

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
  gtk_widget_grab_focus (self->search_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
kt_document_window_find_next (KtDocumentWindow *self,
                              gboolean          forward)
{
  if (self->state != KT_DOCUMENT_WINDOW_READY)
    return;

  if (self->find_text == NULL)
    {
      kt_document_window_find_show (self);
      return;
    }

  if (forward)
    kt_pdf_view_find_next (KT_PDF_VIEW (self->pdf_view));
  else
    kt_pdf_view_find_previous (KT_PDF_VIEW (self->pdf_view));
}

/* ---- showing a page with words on it (a search hit) ---- */

typedef struct {
  KtPdfDocument *pdf;
  guint          page;     /* 0-based */
  char          *phrase;
  char          *first_word;
} PhraseData;

static void
phrase_data_free (PhraseData *data)
{
  g_object_unref (data->pdf);
  g_free (data->phrase);
  g_free (data->first_word);
  g_free (data);
}

/* poppler finds phrases; a hit's words need not stand together, though,
 * and then the first one is what the page is about. */
static void
phrase_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PhraseData *data = task_data;
  g_autoptr(GArray) rects = kt_pdf_document_find_text (data->pdf, data->page, data->phrase);

  if (rects != NULL && rects->len > 0)
    g_task_return_pointer (task, g_strdup (data->phrase), g_free);
  else
    g_task_return_pointer (task, g_strdup (data->first_word), g_free);
}

static void
phrase_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  KtDocumentWindow *self = KT_DOCUMENT_WINDOW (source);
  PhraseData *data = g_task_get_task_data (G_TASK (result));
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), NULL);

  if (text == NULL || self->state != KT_DOCUMENT_WINDOW_READY)
    return;

  /* The entry shows what is found; its search-changed then finds nothing new */
  g_clear_pointer (&self->find_text, g_free);
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
  kt_pdf_view_set_page (KT_PDF_VIEW (self->pdf_view), data->page);
  find (self, text);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_widget_grab_focus (self->pdf_view);
}

static void
show_page_now (KtDocumentWindow  *self,
               guint              page,
               const char *const *words)
{
  guint n_pages = kt_pdf_document_get_n_pages (self->pdf);
  g_autofree char *phrase = NULL;
  g_autoptr(GTask) task = NULL;
  PhraseData *data;

  if (n_pages == 0)
    return;
  page = CLAMP (page, 1, n_pages) - 1;
  kt_pdf_view_set_page (KT_PDF_VIEW (self->pdf_view), page);

  if (words == NULL || words[0] == NULL)
    return;
  phrase = g_strjoinv (" ", (char **) words);
  if (*g_strstrip (phrase) == '\0')
    return;

  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  self->find_cancellable = g_cancellable_new ();

  data = g_new0 (PhraseData, 1);
  data->pdf = g_object_ref (self->pdf);
  data->page = page;
  data->phrase = g_steal_pointer (&phrase);
  data->first_word = g_strdup (words[0]);

  task = g_task_new (self, self->find_cancellable, phrase_cb, NULL);
  g_task_set_source_tag (task, show_page_now);
  g_task_set_task_data (task, data, (GDestroyNotify) phrase_data_free);
  g_task_run_in_thread (task, phrase_thread);
}

void
kt_document_window_find_ready (KtDocumentWindow *self)
{
  g_auto(GStrv) words = g_steal_pointer (&self->pending_words);

  if (!self->has_pending_page)
    return;

  self->has_pending_page = FALSE;
  show_page_now (self, self->pending_page, (const char *const *) words);
}

void
kt_document_window_show_page (KtDocumentWindow  *self,
                              guint              page,
                              const char *const *words)
{
  g_return_if_fail (KT_IS_DOCUMENT_WINDOW (self));

  if (self->state == KT_DOCUMENT_WINDOW_READY)
    {
      show_page_now (self, page, words);
      return;
    }

  /* Shown once the document is open (or unlocked, or located) */
  self->has_pending_page = TRUE;
  self->pending_page = page;
  g_strfreev (self->pending_words);
  self->pending_words = g_strdupv ((char **) words);
}

/* ---- the current match, to mark it as a clause ---- */

typedef struct {
  KtPdfDocument *pdf;
  char          *text;
  guint          index;
  /* out */
  guint          page;
  GArray        *rects;
  char          *words;
} MatchData;

static void
match_data_free (MatchData *data)
{
  g_object_unref (data->pdf);
  g_free (data->text);
  g_clear_pointer (&data->rects, g_array_unref);
  g_free (data->words);
  g_free (data);
}

/* The view numbers its matches page by page, one per rectangle in the
 * order kt_pdf_document_find_text () gives them; counting the same way
 * finds the current one. Then the match is selected as a drag over it would:
 * whole words, and the text as the page has it (not as it was typed). */
static void
match_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MatchData *data = task_data;
  guint n_pages = kt_pdf_document_get_n_pages (data->pdf);
  guint seen = 0;

  for (guint page = 0; page < n_pages; page++)
    {
      g_autoptr(GArray) rects = NULL;
      KtPageRect match;
      double y;

      if (g_task_return_error_if_cancelled (task))
        return;

      rects = kt_pdf_document_find_text (data->pdf, page, data->text);
      if (rects == NULL || seen + rects->len <= data->index)
        {
          seen += rects != NULL ? rects->len : 0;
          continue;
        }

      match = g_array_index (rects, KtPageRect, data->index - seen);
      y = (match.y1 + match.y2) / 2;
      data->page = page;
      if (!kt_pdf_document_select (data->pdf, page, match.x1 + 0.5, y, match.x2 - 0.5, y,
                                   &data->words, &data->rects))
        {
          data->rects = g_array_new (FALSE, FALSE, sizeof (KtPageRect));
          g_array_append_val (data->rects, match);
          data->words = g_strdup (data->text);
        }
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "%s", _("The match is no longer in the document."));
}

static void
start_match_task (KtDocumentWindow *self,
                  GTask            *task)
{
  int current = kt_pdf_view_get_current_match (KT_PDF_VIEW (self->pdf_view));
  MatchData *data;

  if (self->pdf == NULL || self->find_text == NULL || current < 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "%s", _("Nothing is found in the document."));
      return;
    }

  data = g_new0 (MatchData, 1);
  data->pdf = g_object_ref (self->pdf);
  data->text = g_strdup (self->find_text);
  data->index = current;
  g_task_set_task_data (task, data, (GDestroyNotify) match_data_free);
  g_task_run_in_thread (task, match_thread);
}

void
kt_document_window_current_match_async (KtDocumentWindow   *self,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, callback, user_data);

  g_task_set_source_tag (task, kt_document_window_current_match_async);

  /* While the view still searches, the pages before the one it started on
   * may not be counted in yet: the current match's number is only final
   * (it keeps pointing at the same match) once the find has finished. */
  if (self->find_running)
    {
      g_autoptr(GTask) older = g_steal_pointer (&self->pending_match);

      if (older != NULL)
        g_task_return_new_error (older, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", "Asked again");
      self->pending_match = g_steal_pointer (&task);
      return;
    }

  start_match_task (self, task);
}

gboolean
kt_document_window_current_match_finish (KtDocumentWindow  *self,
                                         GAsyncResult      *result,
                                         guint             *page,
                                         GArray           **rects,
                                         char             **text,
                                         GError           **error)
{
  MatchData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  *page = data->page;
  *rects = g_steal_pointer (&data->rects);
  *text = g_steal_pointer (&data->words);
  return TRUE;
}
