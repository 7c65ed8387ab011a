/* test-pdf-view-text.c — the PDF viewer's text: find with next and
 * previous, selection by a drag and copy, clause highlights and clicks
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "pdf-view-test-util.h"

/* ---- Find ------------------------------------------------------------- */

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  gboolean done = FALSE;
  guint n_notified = 0;
  graphene_rect_t page;
  g_autofree char *description = NULL;

  g_signal_connect (f->view, "find-finished", G_CALLBACK (finished_cb), &done);
  g_signal_connect (f->view, "notify::n-matches", G_CALLBACK (count_cb), &n_notified);

  kt_pdf_view_find (f->view, "OPSIGELSE");
  spin_until (find_finished, &done);

  /* Every page, case-insensitive; the first from the current page */
  g_assert_cmpuint (kt_pdf_view_get_n_matches (f->view), ==, 3);
  g_assert_cmpuint (n_notified, >=, 1);
  g_assert_cmpint (kt_pdf_view_get_current_match (f->view), ==, 0);
  g_assert_cmpuint (g_array_index (f->view->matches, KtPdfMatch, 0).page, ==, 0);
  g_assert_cmpuint (g_array_index (f->view->matches, KtPdfMatch, 1).page, ==, 0);
  g_assert_cmpuint (g_array_index (f->view->matches, KtPdfMatch, 2).page, ==, 2);

  /* Next and previous wrap around; the current one comes into view */
  kt_pdf_view_find_next (f->view);
  g_assert_cmpint (kt_pdf_view_get_current_match (f->view), ==, 1);
  kt_pdf_view_find_next (f->view);
  g_assert_cmpint (kt_pdf_view_get_current_match (f->view), ==, 2);
  g_assert_cmpuint (kt_pdf_view_get_page (f->view), ==, 2);
  kt_pdf_view_get_page_rect (f->view, 2, &page);
  g_assert_cmpfloat (page.origin.y, <, gtk_widget_get_height (GTK_WIDGET (f->view)));
  g_assert_cmpfloat (page.origin.y + page.size.height, >, 0);
  description = g_strdup_printf ("Page 3 of 3. Match 3 of 3, on page 3: OPSIGELSE");
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  kt_pdf_view_find_next (f->view);
  g_assert_cmpint (kt_pdf_view_get_current_match (f->view), ==, 0);
  {
    KtPageRect rect;
    guint on = 99;

    /* "Opsigelse" opens the first line, at 72 pt from the left and top */
    g_assert_true (kt_pdf_view_get_current_match_rect (f->view, &on, &rect));
    g_assert_cmpuint (on, ==, 0);
    g_assert_cmpfloat_with_epsilon (rect.x1, 72, 2);
    g_assert_cmpfloat (rect.y1, >=, 70);
    g_assert_cmpfloat (rect.y2, <=, 95);
    g_assert_cmpfloat (rect.x2 - rect.x1, >, 40);
  }
  kt_pdf_view_find_previous (f->view);
  g_assert_cmpint (kt_pdf_view_get_current_match (f->view), ==, 2);
  kt_pdf_view_find_previous (f->view);
  g_assert_cmpint (kt_pdf_view_get_current_match (f->view), ==, 1);

  /* Started on the last page, the search finds page 2's first */
  done = FALSE;
  kt_pdf_view_set_page (f->view, 2);
  kt_pdf_view_find (f->view, "opsigelse");
  spin_until (find_finished, &done);
  g_assert_cmpuint (kt_pdf_view_get_n_matches (f->view), ==, 3);
  g_assert_cmpint (kt_pdf_view_get_current_match (f->view), ==, 2);

  /* A new text replaces the matches; nothing found is none */
  done = FALSE;
  kt_pdf_view_find (f->view, "nettoprisindekset");
  spin_until (find_finished, &done);
  g_assert_cmpuint (kt_pdf_view_get_n_matches (f->view), ==, 1);
  g_assert_cmpuint (g_array_index (f->view->matches, KtPdfMatch, 0).page, ==, 1);
  done = FALSE;
  kt_pdf_view_find (f->view, "ikke i teksten");
  spin_until (find_finished, &done);
  g_assert_cmpuint (kt_pdf_view_get_n_matches (f->view), ==, 0);
  g_assert_cmpint (kt_pdf_view_get_current_match (f->view), ==, -1);
  g_assert_false (kt_pdf_view_get_current_match_rect (f->view, NULL, NULL));

  /* A search replaced before it ends never finishes */
  done = FALSE;
  kt_pdf_view_find (f->view, "opsigelse");
  kt_pdf_view_find (f->view, NULL);
  g_assert_cmpuint (kt_pdf_view_get_n_matches (f->view), ==, 0);
  g_usleep (G_USEC_PER_SEC / 5);
  spin ();
  g_assert_false (done);
  g_assert_cmpuint (kt_pdf_view_get_n_matches (f->view), ==, 0);
  /* The last match shown was on page 2; no match is spoken now */
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Page 2 of 3");
}

/* ---- Selection -------------------------------------------------------- */

static gboolean
has_selection (gpointer data)
{
  gboolean has;

  g_object_get (data, "has-selection", &has, NULL);

  return has;
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_selection (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GArray) rects = NULL;
  g_autofree char *text = NULL;
  g_autofree char *copied = NULL;
  double x, y;
  guint page = 99;

  kt_pdf_view_set_zoom (f->view, 1.0);
  gtk_adjustment_set_value (vadjustment (f), 0);
  g_assert_false (kt_pdf_view_get_selection (f->view, NULL, NULL, NULL));
  /* Nothing selected: Ctrl+C leaves the clipboard alone */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->view)), "before");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf-view.copy", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->view)), NULL,
                                 read_text_cb, &copied);
  spin_until (is_set, &copied);
  g_assert_cmpstr (copied, ==, "before");
  g_clear_pointer (&copied, g_free);

  /* Across the first line of page 0, ending far below the page: the
   * selection stays on it */
  page_point_to_widget (f, 0, 70, 75, &x, &y);
  kt_pdf_view_select_begin (f->view, x, y);
  page_point_to_widget (f, 0, 200, 80, &x, &y);
  kt_pdf_view_select_update (f->view, x, y);
  page_point_to_widget (f, 0, 400, 2000, &x, &y);
  kt_pdf_view_select_update (f->view, x, y);
  spin_until (has_selection, f->view);
  /* The last drag position's answer wins */
  while (f->view->select_running)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (kt_pdf_view_get_selection (f->view, &page, &rects, &text));
  g_assert_cmpuint (page, ==, 0);
  g_assert_cmpuint (rects->len, >=, 2);
  g_assert_nonnull (strstr (text, "Opsigelse af aftalen"));
  g_assert_nonnull (strstr (text, "varsel"));
  g_assert_null (strstr (text, "Prisregulering"));
  for (guint i = 0; i < rects->len; i++)
    g_assert_cmpfloat (g_array_index (rects, KtPageRect, i).y2, <=, A4_H);

  /* Ctrl+C */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf-view.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (f->view)), NULL,
                                 read_text_cb, &copied);
  spin_until (is_set, &copied);
  g_assert_cmpstr (copied, ==, text);

  /* A click clears it */
  page_point_to_widget (f, 0, 300, 500, &x, &y);
  kt_pdf_view_click (f->view, x, y);
  g_assert_false (has_selection (f->view));

  /* A drag from outside the pages selects nothing */
  kt_pdf_view_select_begin (f->view, 2, 2);
  kt_pdf_view_select_update (f->view, x, y);
  spin ();
  g_assert_false (has_selection (f->view));
  g_assert_false (f->view->select_running);
}

/* ---- Clauses ---------------------------------------------------------- */

static void
clause_cb (KtPdfView  *view,
           KtClause   *clause,
           KtClause  **out)
{
  *out = clause;
}

static void
test_clauses (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_clause_free);
  KtClause *clause = kt_clause_new ();
  KtClause *activated = NULL;
  KtPageRect rect = { 72, 300, 300, 320 };
  double x, y;

  clause->page = 2;
  clause->category = KT_CLAUSE_EXIT;
  clause->text = g_strdup ("Ved ophør og opsigelse overdrages alle data til kunden.");
  g_free (clause->colour);
  clause->colour = g_strdup (kt_clause_category_colour (KT_CLAUSE_EXIT));
  kt_clause_add_quad (clause, &rect);
  g_ptr_array_add (clauses, clause);

  kt_pdf_view_set_zoom (f->view, 1.0);
  kt_pdf_view_set_clauses (f->view, clauses);
  kt_pdf_view_set_page (f->view, 2);
  g_signal_connect (f->view, "clause-activated", G_CALLBACK (clause_cb), &activated);

  /* Hit inside, not beside it or on another page */
  page_point_to_widget (f, 2, 150, 310, &x, &y);
  g_assert_true (kt_pdf_view_clause_at (f->view, x, y) == clause);
  page_point_to_widget (f, 2, 150, 340, &x, &y);
  g_assert_null (kt_pdf_view_clause_at (f->view, x, y));
  kt_pdf_view_set_page (f->view, 0);
  page_point_to_widget (f, 0, 150, 310, &x, &y);
  g_assert_null (kt_pdf_view_clause_at (f->view, x, y));
  kt_pdf_view_click (f->view, x, y);
  g_assert_null (activated);

  /* A click on it says which */
  kt_pdf_view_set_page (f->view, 2);
  page_point_to_widget (f, 2, 80, 305, &x, &y);
  kt_pdf_view_click (f->view, x, y);
  g_assert_true (activated == clause);

  /* Screen readers hear the page's highlights */
  {
    g_autofree char *expected =
      g_strdup_printf ("Page 3 of 3. Highlight, %s: %s",
                       kt_enum_label (KT_ENUM_CLAUSE_CATEGORY, KT_CLAUSE_EXIT), clause->text);

    gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  }

  /* It draws (multiplied onto the page) without complaint */
  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  spin ();

  kt_pdf_view_set_clauses (f->view, NULL);
  g_assert_null (kt_pdf_view_clause_at (f->view, x, y));
}

void
add_text_tests (void)
{
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/pdf-view/find", test_find);
  ADD ("/ui/pdf-view/selection", test_selection);
  ADD ("/ui/pdf-view/clauses", test_clauses);
#undef ADD
}
