/* kt-clause.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kt-clause.h"
#include "kt-model-error.h"
#include "kt-validation.h"

#define MAX_TEXT_CHARS 20000

G_DEFINE_BOXED_TYPE (KtClause, kt_clause, kt_clause_copy, kt_clause_free)

static GArray *
quads_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (KtPageRect));
}

KtClause *
kt_clause_new (void)
{
  KtClause *self = g_new0 (KtClause, 1);

  self->category = KT_CLAUSE_OTHER;
  self->quads = quads_new ();
  self->colour = g_strdup (kt_clause_category_colour (self->category));

  return self;
}

KtClause *
kt_clause_copy (const KtClause *clause)
{
  KtClause *copy;

  g_return_val_if_fail (clause != NULL, NULL);

  copy = g_memdup2 (clause, sizeof *clause);

  copy->quads = quads_new ();
  if (clause->quads != NULL)
    g_array_append_vals (copy->quads, clause->quads->data, clause->quads->len);
  copy->text = g_strdup (clause->text);
  copy->note = g_strdup (clause->note);
  copy->colour = g_strdup (clause->colour);
  copy->created_by = g_strdup (clause->created_by);
  copy->created_at = g_strdup (clause->created_at);
  copy->changed_by = g_strdup (clause->changed_by);
  copy->changed_at = g_strdup (clause->changed_at);

  return copy;
}

void
kt_clause_free (KtClause *clause)
{
  if (clause == NULL)
    return;

  g_clear_pointer (&clause->quads, g_array_unref);
  g_free (clause->text);
  g_free (clause->note);
  g_free (clause->colour);
  g_free (clause->created_by);
  g_free (clause->created_at);
  g_free (clause->changed_by);
  g_free (clause->changed_at);
  g_free (clause);
}

void
kt_clause_add_quad (KtClause         *clause,
                    const KtPageRect *rect)
{
  g_return_if_fail (clause != NULL);
  g_return_if_fail (rect != NULL);

  if (clause->quads == NULL)
    clause->quads = quads_new ();

  g_array_append_val (clause->quads, *rect);
}

/* Light enough that black text stays readable on them (contrast ≥ 7:1,
 * test-document checks), and apart from each other in hue. */
static const char *const category_colours[] = {
  [KT_CLAUSE_EXIT]            = "#f6a5a5",  /* red */
  [KT_CLAUSE_TERMINATION]     = "#f9c98f",  /* orange */
  [KT_CLAUSE_PRICE]           = "#fff08a",  /* yellow */
  [KT_CLAUSE_SLA]             = "#b8e6a3",  /* green */
  [KT_CLAUSE_PENALTY]         = "#f5b3dc",  /* pink */
  [KT_CLAUSE_OPTION]          = "#a9d8f5",  /* blue */
  [KT_CLAUSE_PAYMENT]         = "#d2c4f5",  /* lavender */
  [KT_CLAUSE_DATA_PROTECTION] = "#9fe6d8",  /* teal */
  [KT_CLAUSE_LIABILITY]       = "#e3cfae",  /* sand */
  [KT_CLAUSE_OTHER]           = "#dadada",  /* grey */
};

const char *
kt_clause_category_colour (KtClauseCategory category)
{
  if ((guint) category >= G_N_ELEMENTS (category_colours))
    category = KT_CLAUSE_OTHER;

  return category_colours[category];
}

KtActivityType
kt_clause_category_activity_type (KtClauseCategory category)
{
  switch (category)
    {
    case KT_CLAUSE_PRICE:
      return KT_ACTIVITY_PRICE_REGULATION;
    case KT_CLAUSE_OPTION:
      return KT_ACTIVITY_OPTION_EXERCISE;
    case KT_CLAUSE_SLA:
      return KT_ACTIVITY_SLA_KPI;
    case KT_CLAUSE_PENALTY:
      return KT_ACTIVITY_PENALTY;
    case KT_CLAUSE_PAYMENT:
      return KT_ACTIVITY_PAYMENT_DEADLINE;
    case KT_CLAUSE_TERMINATION:
      return KT_ACTIVITY_RENEGOTIATION;
    case KT_CLAUSE_EXIT:
      return KT_ACTIVITY_EXPIRY;
    case KT_CLAUSE_DATA_PROTECTION:
    case KT_CLAUSE_LIABILITY:
    case KT_CLAUSE_OTHER:
    default:
      return KT_ACTIVITY_OTHER;
    }
}

/* The shortest plain decimal that reads back as the same double: "72"
 * rather than "72.000000000000000" or "7.2e+01", and no precision lost.
 * Only what no page has (1e-300) needs the exponent. */
static void
append_number (GString *s,
               double   value)
{
  char buf[64];

  for (int decimals = 0; decimals <= 17; decimals++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        {
          g_string_append (s, buf);
          return;
        }
    }

  g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%.17g", value));
}

char *
kt_clause_quads_to_string (GArray *quads)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; quads != NULL && i < quads->len; i++)
    {
      const KtPageRect *r = &g_array_index (quads, KtPageRect, i);

      if (i > 0)
        g_string_append_c (s, ';');
      append_number (s, r->x1);
      g_string_append_c (s, ' ');
      append_number (s, r->y1);
      g_string_append_c (s, ' ');
      append_number (s, r->x2);
      g_string_append_c (s, ' ');
      append_number (s, r->y2);
    }

  return g_string_free (s, FALSE);
}

/* Plain decimal numbers only: g_ascii_strtod alone would also take
 * leading spaces, "nan", "inf" and hexadecimal. */
static gboolean
parse_number (const char *token,
              double     *value)
{
  char *end = NULL;

  if (*token == '\0' || strspn (token, "0123456789.eE+-") != strlen (token))
    return FALSE;

  *value = g_ascii_strtod (token, &end);

  return end != NULL && *end == '\0' && isfinite (*value);
}

GArray *
kt_clause_quads_from_string (const char  *text,
                             GError     **error)
{
  g_autoptr(GArray) quads = quads_new ();
  g_auto(GStrv) rects = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (*text == '\0')
    return g_steal_pointer (&quads);

  rects = g_strsplit (text, ";", -1);
  for (guint i = 0; rects[i] != NULL; i++)
    {
      g_auto(GStrv) numbers = g_strsplit (rects[i], " ", -1);
      double v[4];
      KtPageRect rect;

      if (g_strv_length (numbers) != 4)
        goto invalid;

      for (guint j = 0; j < 4; j++)
        if (!parse_number (numbers[j], &v[j]))
          goto invalid;

      rect = (KtPageRect) { v[0], v[1], v[2], v[3] };
      g_array_append_val (quads, rect);
    }

  return g_steal_pointer (&quads);

invalid:
  g_set_error_literal (error, KT_MODEL_ERROR, KT_MODEL_ERROR_INVALID,
                       _("The position of the clause on the page is not readable."));
  return NULL;
}

static void
add (GPtrArray  *problems,
     const char *field,
     const char *message)
{
  g_ptr_array_add (problems, kt_validation_problem_new (field, message));
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

/* "#rrggbb" in either case; the store keeps it in lower case. */
static gboolean
colour_is_valid (const char *colour)
{
  if (colour == NULL || colour[0] != '#' || strlen (colour) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;

  return TRUE;
}

static gboolean
rect_is_valid (const KtPageRect *r)
{
  return isfinite (r->x1) && isfinite (r->y1) && isfinite (r->x2) && isfinite (r->y2) &&
         r->x1 <= r->x2 && r->y1 <= r->y2;
}

GPtrArray *
kt_clause_validate (const KtClause *clause)
{
  GPtrArray *problems;

  g_return_val_if_fail (clause != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_validation_problem_free);

  if (clause->document_id <= 0)
    add (problems, "document_id", _("Choose the document the clause is marked in"));

  if (clause->quads == NULL || clause->quads->len == 0)
    add (problems, "quads", _("Select the text of the clause on the page"));
  else
    {
      for (guint i = 0; i < clause->quads->len; i++)
        if (!rect_is_valid (&g_array_index (clause->quads, KtPageRect, i)))
          {
            add (problems, "quads", _("The position of the clause on the page is not valid"));
            break;
          }
    }

  if (is_blank (clause->text))
    add (problems, "text", _("The clause has no text"));
  else if (g_utf8_strlen (clause->text, -1) > MAX_TEXT_CHARS)
    add (problems, "text", _("The clause is too long; mark a shorter passage"));

  if ((guint) clause->category >= kt_enum_count (KT_ENUM_CLAUSE_CATEGORY))
    add (problems, "category", _("Choose the category of the clause"));

  if (!colour_is_valid (clause->colour))
    add (problems, "colour", _("The colour must be written as #rrggbb"));

  return problems;
}
