/* kt-search-hit.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kt-search-hit.h"

G_DEFINE_BOXED_TYPE (KtSearchHit, kt_search_hit, kt_search_hit_copy, kt_search_hit_free)

KtSearchHit *
kt_search_hit_new (void)
{
  return g_new0 (KtSearchHit, 1);
}

KtSearchHit *
kt_search_hit_copy (const KtSearchHit *hit)
{
  KtSearchHit *copy;

  g_return_val_if_fail (hit != NULL, NULL);

  copy = g_memdup2 (hit, sizeof *hit);

  copy->contract_number = g_strdup (hit->contract_number);
  copy->contract_name = g_strdup (hit->contract_name);
  copy->document_name = g_strdup (hit->document_name);
  copy->field = g_strdup (hit->field);
  copy->snippet = g_strdup (hit->snippet);

  return copy;
}

void
kt_search_hit_free (KtSearchHit *hit)
{
  if (hit == NULL)
    return;

  g_free (hit->contract_number);
  g_free (hit->contract_name);
  g_free (hit->document_name);
  g_free (hit->field);
  g_free (hit->snippet);
  g_free (hit);
}

/* The labels of the contract form (kt-contract-form.ui), so that a hit
 * names the field the way the form does. */
static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  { "number", N_("Contract Number") },
  { "name", N_("Name") },
  { "purchased_services", N_("Purchased Services") },
  { "notes", N_("Notes") },
  { "exit_notes", N_("Exit and Handover") },
  { "learning_points", N_("Learning Points") },
  { "supplier", N_("Supplier") },
};

char *
kt_search_hit_describe_where (const KtSearchHit *hit)
{
  g_return_val_if_fail (hit != NULL, NULL);

  if (hit->document_id > 0)
    /* Translators: where a search hit is: "page 4 of Kontrakt.pdf"
     * (Danish: "side %u i %s") */
    return g_strdup_printf (_("page %u of %s"), hit->page,
                            hit->document_name != NULL ? hit->document_name : "");

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (hit->field, field_labels[i].field) == 0)
      return g_strdup (_(field_labels[i].label));

  /* A field of a newer version: its column name is better than nothing. */
  return g_strdup (hit->field != NULL ? hit->field : "");
}

/* A page's text keeps its line breaks and a table of contents its dot
 * leaders; in a one-line snippet both are noise. White space becomes one
 * space, a run of four or more dots (spaced or not) one ellipsis. */
static char *
tidy_snippet (const char *snippet)
{
  GString *s = g_string_new (NULL);
  const char *p = snippet != NULL ? snippet : "";

  while (*p != '\0')
    {
      if (g_ascii_isspace (*p))
        {
          while (g_ascii_isspace (*p))
            p++;
          if (s->len > 0 && *p != '\0')
            g_string_append_c (s, ' ');
          continue;
        }

      if (*p == '.')
        {
          const char *q = p;
          guint dots = 0;

          while (*q == '.' || *q == ' ')
            dots += *q++ == '.';
          if (dots >= 4)
            {
              if (s->len > 0 && s->str[s->len - 1] != ' ')
                g_string_append_c (s, ' ');
              g_string_append (s, "… ");
              p = q;
              continue;
            }
        }

      g_string_append_c (s, *p++);
    }

  return g_string_free (s, FALSE);
}

char *
kt_search_hit_plain_snippet (const KtSearchHit *hit)
{
  g_autofree char *tidy = NULL;
  GString *s;

  g_return_val_if_fail (hit != NULL, NULL);

  tidy = tidy_snippet (hit->snippet);
  s = g_string_new (NULL);
  for (const char *p = tidy; *p != '\0'; p++)
    if (*p != KT_SEARCH_MARK_START[0] && *p != KT_SEARCH_MARK_END[0])
      g_string_append_c (s, *p);

  return g_string_free (s, FALSE);
}

static void
append_escaped (GString    *s,
                const char *text,
                gsize       len)
{
  g_autofree char *escaped = NULL;

  if (len == 0)
    return;

  escaped = g_markup_escape_text (text, (gssize) len);
  g_string_append (s, escaped);
}

char *
kt_search_hit_snippet_markup (const KtSearchHit *hit)
{
  g_autofree char *tidy = NULL;
  const char *p;
  gboolean bold = FALSE;
  GString *s;

  g_return_val_if_fail (hit != NULL, NULL);

  tidy = tidy_snippet (hit->snippet);
  s = g_string_new (NULL);
  p = tidy;

  while (*p != '\0')
    {
      gsize run = strcspn (p, KT_SEARCH_MARK_START KT_SEARCH_MARK_END);

      append_escaped (s, p, run);
      p += run;
      if (*p == '\0')
        break;

      /* Marks that do not pair up (a snippet cut inside a match) still
       * give well-formed markup. */
      if (*p == KT_SEARCH_MARK_START[0] && !bold)
        {
          g_string_append (s, "<b>");
          bold = TRUE;
        }
      else if (*p == KT_SEARCH_MARK_END[0] && bold)
        {
          g_string_append (s, "</b>");
          bold = FALSE;
        }
      p++;
    }

  if (bold)
    g_string_append (s, "</b>");

  return g_string_free (s, FALSE);
}

/* Characters that are FTS5 syntax or quotation marks: not part of what
 * anyone wants to find. */
static gboolean
is_syntax (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
      return TRUE;
    default:
      break;
    }

  return c == '"' || c == '*' || c == '(' || c == ')' || c == '^' || c == '{' || c == '}' ||
         c == 0x201E /* „ */;
}

/* Trims anything but letters and digits from the ends ("tilbud)," →
 * "tilbud"); keeps inner punctuation ("K-2019-004"). NULL when nothing is
 * left. */
static char *
trim_word (const char *start,
           const char *end)
{
  while (start < end && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (g_unichar_isalnum (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return end > start ? g_strndup (start, end - start) : NULL;
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || is_syntax (c);
}

GStrv
kt_search_query_words (const char *query)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *valid = NULL;
  const char *p;

  if (query == NULL)
    return g_strv_builder_end (builder);

  valid = g_utf8_make_valid (query, -1);
  p = valid;

  /* Not g_str_tokenize_and_fold (): that folds "å" to "a", and the index
   * keeps them apart. Syntax separates words like white space does:
   * "NEAR(pris)" is two words. */
  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;

      while (*p != '\0' && is_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !is_separator (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      if (p == start)
        break;

      word = trim_word (start, p);
      if (word != NULL)
        g_strv_builder_add (builder, word);
    }

  return g_strv_builder_end (builder);
}
