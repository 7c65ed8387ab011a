/* test-document.c — documents, clauses and search hits as plain data
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "kt-clause.h"
#include "kt-document.h"
#include "kt-model-error.h"
#include "kt-search-hit.h"
#include "kt-validation.h"

/* ---- documents ---- */

static void
test_sha256_valid (void)
{
  const char *good = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  g_assert_true (kt_document_sha256_is_valid (good));
  g_assert_false (kt_document_sha256_is_valid (NULL));
  g_assert_false (kt_document_sha256_is_valid (""));
  /* Upper case, one short, one long, a non-hex letter. */
  g_assert_false (kt_document_sha256_is_valid (
    "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef"));
  g_assert_false (kt_document_sha256_is_valid (
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde"));
  g_assert_false (kt_document_sha256_is_valid (
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0"));
  g_assert_false (kt_document_sha256_is_valid (
    "g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
  g_assert_false (kt_document_sha256_is_valid (
    "../../../../../../etc/passwd/0123456789abcdef0123456789abcdef0123"));
}

static void
test_guess_kind (void)
{
  static const struct {
    const char     *name;
    const char     *media_type;
    KtDocumentKind  kind;
  } cases[] = {
    { "Kontrakt underskrevet.pdf", "application/pdf", KT_DOCUMENT_KIND_SIGNED_CONTRACT },
    { "KONTRAKT.PDF", NULL, KT_DOCUMENT_KIND_SIGNED_CONTRACT },
    { "signed-agreement.pdf", "application/pdf", KT_DOCUMENT_KIND_SIGNED_CONTRACT },
    { "Bilag 3 til kontrakten.pdf", "application/pdf", KT_DOCUMENT_KIND_APPENDIX },
    { "Servicemål.pdf", "application/pdf", KT_DOCUMENT_KIND_APPENDIX },
    { "Kontrakt.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      KT_DOCUMENT_KIND_ORIGINAL },
    { "Kontrakt.odt", "application/vnd.oasis.opendocument.text", KT_DOCUMENT_KIND_ORIGINAL },
    { "kontrakt.doc", NULL, KT_DOCUMENT_KIND_ORIGINAL },
    { "Udbudsbetingelser.pdf", "application/pdf", KT_DOCUMENT_KIND_TENDER },
    { "Tender specification.docx", NULL, KT_DOCUMENT_KIND_TENDER },
    { "Prisark.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      KT_DOCUMENT_KIND_OTHER },
    /* The content decides: named .pdf but not one. */
    { "kontrakt.pdf", "text/plain", KT_DOCUMENT_KIND_OTHER },
    { NULL, NULL, KT_DOCUMENT_KIND_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s (%s)", cases[i].name, cases[i].media_type);
      g_assert_cmpint (kt_document_guess_kind (cases[i].name, cases[i].media_type),
                       ==, cases[i].kind);
    }
}

static void
test_document_basics (void)
{
  g_autoptr(KtDocument) document = kt_document_new ();
  g_autoptr(KtDocument) copy = NULL;
  g_autofree char *size = NULL;
  g_autofree char *zero = NULL;

  g_assert_cmpint (document->kind, ==, KT_DOCUMENT_KIND_OTHER);
  g_assert_cmpint (document->index_state, ==, KT_INDEX_STATE_PENDING);
  g_assert_false (kt_document_is_pdf (document));

  document->original_name = g_strdup ("Kontrakt.pdf");
  g_assert_true (kt_document_is_pdf (document));
  document->media_type = g_strdup ("application/vnd.oasis.opendocument.text");
  g_assert_false (kt_document_is_pdf (document));

  document->note = g_strdup ("Underskrevet af begge parter");
  copy = kt_document_copy (document);
  g_assert_cmpstr (copy->note, ==, document->note);
  g_assert_true (copy->note != document->note);

  size = kt_document_format_size (2400000);
  g_assert_cmpstr (size, ==, "2.4\u00a0MB");
  zero = kt_document_format_size (-5);
  g_assert_cmpstr (zero, ==, "0 bytes");
}

/* ---- clauses ---- */

static GArray *
quads_of (const KtPageRect *rects,
          guint             n)
{
  GArray *quads = g_array_new (FALSE, FALSE, sizeof (KtPageRect));

  g_array_append_vals (quads, rects, n);
  return quads;
}

static void
test_quads_round_trip (void)
{
  const KtPageRect rects[] = {
    { 72, 100.5, 523.25, 112 },
    { 0.1, 1.0 / 3.0, 595.2755905511812, 841.8897637795276 },
    { -0.5, 2e-7, 1e5, 123456.789 },
    { 600, 1e-300, 0, 842 },
  };
  g_autoptr(GArray) quads = quads_of (rects, G_N_ELEMENTS (rects));
  g_autoptr(GArray) back = NULL;
  g_autoptr(GArray) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = kt_clause_quads_to_string (quads);
  g_autoptr(GArray) none = quads_of (rects, 0);
  g_autofree char *one = NULL;

  g_test_message ("%s", text);
  /* The shortest exact form, with C-locale points whatever the locale. */
  g_assert_true (g_str_has_prefix (text, "72 100.5 523.25 112;0.1 0.3333333333333333 "));
  g_assert_null (strchr (text, ','));
  g_assert_nonnull (strstr (text, ";-0.5 0.0000002 100000 123456.789;600 1e-300 0 842"));

  back = kt_clause_quads_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, G_N_ELEMENTS (rects));
  g_assert_cmpmem (back->data, back->len * sizeof (KtPageRect), rects, sizeof rects);

  one = kt_clause_quads_to_string (none);
  g_assert_cmpstr (one, ==, "");
  empty = kt_clause_quads_from_string ("", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_quads_refused (void)
{
  static const char *const bad[] = {
    "1 2 3",
    "1 2 3 4 5",
    "1 2 3 4;",
    ";1 2 3 4",
    "1  2 3 4",
    " 1 2 3 4",
    "1 2 3 4 ",
    "1,5 2 3 4",
    "1 2 3 nan",
    "1 2 3 inf",
    "0x10 2 3 4",
    "1 2 3 4e999",
    "a b c d",
    "1;2;3;4",
    "1\t2 3 4",
    "1 2 3 4\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) quads = NULL;

      g_test_message ("“%s”", bad[i]);
      quads = kt_clause_quads_from_string (bad[i], &error);
      g_assert_null (quads);
      g_assert_error (error, KT_MODEL_ERROR, KT_MODEL_ERROR_INVALID);
    }
}

static KtClause *
valid_clause (void)
{
  const KtPageRect rect = { 72, 100, 520, 112 };
  KtClause *clause = kt_clause_new ();

  clause->document_id = 3;
  clause->page = 4;
  clause->text = g_strdup ("Priserne reguleres én gang årligt pr. 1. januar.");
  clause->category = KT_CLAUSE_PRICE;
  g_free (clause->colour);
  clause->colour = g_strdup (kt_clause_category_colour (clause->category));
  kt_clause_add_quad (clause, &rect);

  return clause;
}

static void
assert_only_problem (const KtClause *clause,
                     const char     *field)
{
  g_autoptr(GPtrArray) problems = kt_clause_validate (clause);

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (kt_validation_find (problems, field));
}

static void
test_clause_validate (void)
{
  g_autoptr(KtClause) clause = valid_clause ();
  g_autoptr(KtClause) copy = NULL;
  g_autoptr(GPtrArray) problems = kt_clause_validate (clause);
  const KtPageRect inverted = { 100, 50, 90, 60 };
  const KtPageRect not_finite = { NAN, 0, 10, 10 };

  g_assert_cmpuint (problems->len, ==, 0);

  copy = kt_clause_copy (clause);
  copy->document_id = 0;
  assert_only_problem (copy, "document_id");
  g_clear_pointer (&copy, kt_clause_free);

  copy = kt_clause_copy (clause);
  g_array_set_size (copy->quads, 0);
  assert_only_problem (copy, "quads");
  kt_clause_add_quad (copy, &inverted);
  assert_only_problem (copy, "quads");
  g_array_set_size (copy->quads, 0);
  kt_clause_add_quad (copy, &not_finite);
  assert_only_problem (copy, "quads");
  g_clear_pointer (&copy, kt_clause_free);

  copy = kt_clause_copy (clause);
  g_free (copy->text);
  copy->text = g_strdup (" \n\t ");
  assert_only_problem (copy, "text");
  g_clear_pointer (&copy, kt_clause_free);

  for (guint i = 0; i < 5; i++)
    {
      static const char *const colours[] = { NULL, "", "f6a5a5", "#f6a5a", "#f6a5ag" };

      copy = kt_clause_copy (clause);
      g_free (copy->colour);
      copy->colour = g_strdup (colours[i]);
      assert_only_problem (copy, "colour");
      g_clear_pointer (&copy, kt_clause_free);
    }

  /* Upper case is fine: the store writes it in lower case. */
  copy = kt_clause_copy (clause);
  g_free (copy->colour);
  copy->colour = g_strdup ("#F6A5A5");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = kt_clause_validate (copy);
  g_assert_cmpuint (problems->len, ==, 0);

  /* A copy owns its rectangles. */
  g_array_set_size (copy->quads, 0);
  g_assert_cmpuint (clause->quads->len, ==, 1);
}

static double
channel (const char *hex)
{
  char digits[3] = { hex[0], hex[1], 0 };
  double c = g_ascii_strtoull (digits, NULL, 16) / 255.0;

  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static void
test_category_colours (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(KtClause) clause = kt_clause_new ();

  g_assert_cmpint (clause->category, ==, KT_CLAUSE_OTHER);
  g_assert_cmpstr (clause->colour, ==, kt_clause_category_colour (KT_CLAUSE_OTHER));
  g_assert_nonnull (clause->quads);

  for (guint c = 0; c < kt_enum_count (KT_ENUM_CLAUSE_CATEGORY); c++)
    {
      const char *colour = kt_clause_category_colour (c);
      double luminance;

      g_assert_true (g_regex_match_simple ("^#[0-9a-f]{6}$", colour, 0, 0));
      g_assert_false (g_hash_table_contains (seen, colour));
      g_hash_table_add (seen, (gpointer) colour);

      /* WCAG contrast of black text on it: at least 7:1. */
      luminance = 0.2126 * channel (colour + 1) + 0.7152 * channel (colour + 3) +
                  0.0722 * channel (colour + 5);
      g_assert_cmpfloat ((luminance + 0.05) / 0.05, >=, 7.0);
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, 10);
  g_assert_cmpstr (kt_clause_category_colour (99), ==, kt_clause_category_colour (KT_CLAUSE_OTHER));
}

static void
test_category_activity_type (void)
{
  g_assert_cmpint (kt_clause_category_activity_type (KT_CLAUSE_PRICE), ==,
                   KT_ACTIVITY_PRICE_REGULATION);
  g_assert_cmpint (kt_clause_category_activity_type (KT_CLAUSE_OPTION), ==,
                   KT_ACTIVITY_OPTION_EXERCISE);
  g_assert_cmpint (kt_clause_category_activity_type (KT_CLAUSE_SLA), ==, KT_ACTIVITY_SLA_KPI);
  g_assert_cmpint (kt_clause_category_activity_type (KT_CLAUSE_PENALTY), ==, KT_ACTIVITY_PENALTY);
  g_assert_cmpint (kt_clause_category_activity_type (KT_CLAUSE_PAYMENT), ==,
                   KT_ACTIVITY_PAYMENT_DEADLINE);
  g_assert_cmpint (kt_clause_category_activity_type (KT_CLAUSE_TERMINATION), ==,
                   KT_ACTIVITY_RENEGOTIATION);
  g_assert_cmpint (kt_clause_category_activity_type (KT_CLAUSE_EXIT), ==, KT_ACTIVITY_EXPIRY);
  g_assert_cmpint (kt_clause_category_activity_type (KT_CLAUSE_LIABILITY), ==,
                   KT_ACTIVITY_OTHER);
}

/* ---- search hits ---- */

static void
test_describe_where (void)
{
  g_autoptr(KtSearchHit) hit = kt_search_hit_new ();
  g_autoptr(KtSearchHit) copy = NULL;
  g_autofree char *page = NULL;
  g_autofree char *exit_notes = NULL;
  g_autofree char *supplier = NULL;
  g_autofree char *unknown = NULL;

  hit->document_id = 7;
  hit->document_name = g_strdup ("Kontrakt.pdf");
  hit->page = 4;
  page = kt_search_hit_describe_where (hit);
  g_assert_cmpstr (page, ==, "page 4 of Kontrakt.pdf");

  copy = kt_search_hit_copy (hit);
  copy->document_id = 0;
  copy->page = 0;
  copy->field = g_strdup ("exit_notes");
  exit_notes = kt_search_hit_describe_where (copy);
  g_assert_cmpstr (exit_notes, ==, "Exit and Handover");

  g_free (copy->field);
  copy->field = g_strdup ("supplier");
  supplier = kt_search_hit_describe_where (copy);
  g_assert_cmpstr (supplier, ==, "Supplier");

  g_free (copy->field);
  copy->field = g_strdup ("future_field");
  unknown = kt_search_hit_describe_where (copy);
  g_assert_cmpstr (unknown, ==, "future_field");

  g_assert_cmpstr (hit->document_name, ==, "Kontrakt.pdf");
}

/* Pango markup is XML without a root element. */
static gboolean
markup_is_valid (const char *markup)
{
  g_autofree char *wrapped = g_strdup_printf ("<markup>%s</markup>", markup);
  g_autoptr(GMarkupParseContext) context = NULL;
  static const GMarkupParser parser = { NULL };
  g_autoptr(GError) error = NULL;

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  if (!g_markup_parse_context_parse (context, wrapped, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    {
      g_test_message ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

static void
test_snippet (void)
{
  g_autoptr(KtSearchHit) hit = kt_search_hit_new ();
  g_autofree char *markup = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *unbalanced = NULL;

  hit->snippet = g_strdup ("…pris <b> & " KT_SEARCH_MARK_START "regulering" KT_SEARCH_MARK_END
                           " sker > årligt " KT_SEARCH_MARK_START "Bod");

  markup = kt_search_hit_snippet_markup (hit);
  g_assert_cmpstr (markup, ==,
                   "…pris &lt;b&gt; &amp; <b>regulering</b> sker &gt; årligt <b>Bod</b>");
  g_assert_true (markup_is_valid (markup));

  plain = kt_search_hit_plain_snippet (hit);
  g_assert_cmpstr (plain, ==, "…pris <b> & regulering sker > årligt Bod");

  g_free (hit->snippet);
  hit->snippet = g_strdup (KT_SEARCH_MARK_END "a" KT_SEARCH_MARK_START KT_SEARCH_MARK_START "b");
  unbalanced = kt_search_hit_snippet_markup (hit);
  g_assert_cmpstr (unbalanced, ==, "a<b>b</b>");
  /* A table of contents: line breaks and dot leaders are tidied away. */
  g_free (hit->snippet);
  hit->snippet = g_strdup ("3 6 Priser og " KT_SEARCH_MARK_START "prisregulering" KT_SEARCH_MARK_END
                           " . . . . . . 3\n7\nBetaling ........ 4\n\n  8 Servicemål 1.2");
  g_free (plain);
  plain = kt_search_hit_plain_snippet (hit);
  g_assert_cmpstr (plain, ==, "3 6 Priser og prisregulering … 3 7 Betaling … 4 8 Servicemål 1.2");
}

static void
assert_words (const char        *query,
              const char *const *expected)
{
  g_auto(GStrv) words = kt_search_query_words (query);

  g_test_message ("“%s”", query);
  g_assert_cmpstrv (words, expected);
}

static void
test_query_words (void)
{
  assert_words (NULL, (const char *const[]) { NULL });
  assert_words ("   \t\n ", (const char *const[]) { NULL });
  /* Case and accents are kept: å is not a, and the index folds case. */
  assert_words ("  Prisregulering\tÅRLIGT  bød ",
                (const char *const[]) { "Prisregulering", "ÅRLIGT", "bød", NULL });
  /* A no-break space and an em space separate words too. */
  assert_words ("exit\u00a0plan\u2003bod", (const char *const[]) { "exit", "plan", "bod", NULL });
  /* FTS syntax and quotation marks are not words to find. */
  assert_words ("\"bod\" NEAR(pris) * pris* „opsigelse“ «varsel»",
                (const char *const[]) { "bod", "NEAR", "pris", "pris", "opsigelse", "varsel",
                                        NULL });
  /* Inner punctuation stays, outer goes. */
  assert_words ("K-2019-004, (tilbud).",
                (const char *const[]) { "K-2019-004", "tilbud", NULL });
  assert_words ("- & \" *", (const char *const[]) { NULL });
  assert_words ("pris\"bod", (const char *const[]) { "pris", "bod", NULL });
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/document/sha256-valid", test_sha256_valid);
  g_test_add_func ("/model/document/guess-kind", test_guess_kind);
  g_test_add_func ("/model/document/basics", test_document_basics);
  g_test_add_func ("/model/clause/quads-round-trip", test_quads_round_trip);
  g_test_add_func ("/model/clause/quads-refused", test_quads_refused);
  g_test_add_func ("/model/clause/validate", test_clause_validate);
  g_test_add_func ("/model/clause/category-colours", test_category_colours);
  g_test_add_func ("/model/clause/category-activity-type", test_category_activity_type);
  g_test_add_func ("/model/search-hit/describe-where", test_describe_where);
  g_test_add_func ("/model/search-hit/snippet", test_snippet);
  g_test_add_func ("/model/search-hit/query-words", test_query_words);

  return g_test_run ();
}
