/* kt-deadline-text.c — the descriptions of derived deadlines
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A collect describes tens of thousands of derived deadlines. Looking up the
 * translation, printf and formatting the dates each time cost more than
 * computing the deadlines, so a describer keeps the translations and the
 * formatted dates of one collect and fills the templates itself.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n-lib.h>

#include "kt-deadline-item-private.h"
#include "kt-deadlines-private.h"
#include "kt-format.h"

/* Translations looked up once per plural count below this. */
#define CACHED_COUNTS 64

typedef enum {
  T_TERMS_ANY_DAY,
  T_TERMS_MONTH_END,
  T_TERMS_QUARTER_END,
  T_TERMS_YEAR_END,
  T_LAST_NOTICE,
  T_DECISION,
  T_OPTION,
  T_REPROCUREMENT,
  T_PRICE,
  T_EXPIRY,
  T_EXPIRY_GIVEN,
  T_EXPIRY_OPTIONS,
  N_TEMPLATES
} Template;

struct _KtDescriber
{
  GString    *text;
  GString    *terms;
  GHashTable *dates;                           /* julian → formatted date */
  const char *templates[N_TEMPLATES][CACHED_COUNTS];
};

static const char *
translate (Template t,
           guint    n)
{
  switch (t)
    {
    case T_TERMS_ANY_DAY:
      return ngettext ("%u month’s notice", "%u months’ notice", n);
    case T_TERMS_MONTH_END:
      return ngettext ("%u month’s notice to the end of a month",
                       "%u months’ notice to the end of a month", n);
    case T_TERMS_QUARTER_END:
      return ngettext ("%u month’s notice to the end of a quarter",
                       "%u months’ notice to the end of a quarter", n);
    case T_TERMS_YEAR_END:
      return ngettext ("%u month’s notice to the end of a year",
                       "%u months’ notice to the end of a year", n);
    case T_LAST_NOTICE:
      /* Translators: "… to end the contract on 31.12.2027 (6 months’ notice to
       * the end of a quarter)" */
      return _("Last day to give notice to end the contract on %s (%s)");
    case T_DECISION:
      return ngettext ("Decide whether to give notice: %u day before the last day to give "
                       "notice, %s",
                       "Decide whether to give notice: %u days before the last day to give "
                       "notice, %s", n);
    case T_OPTION:
      /* Translators: "Exercise option 2 of 3 to extend the contract by 12 months
       * from 31.12.2027" */
      return ngettext ("Exercise option %u of %u to extend the contract by %u month from %s",
                       "Exercise option %u of %u to extend the contract by %u months from %s",
                       n);
    case T_REPROCUREMENT:
      /* Translators: "Start the re-procurement (EU tender): 12 months before the
       * contract ends on 31.12.2027" */
      return ngettext ("Start the re-procurement (%s): %u month before the contract ends on %s",
                       "Start the re-procurement (%s): %u months before the contract ends "
                       "on %s", n);
    case T_PRICE:
      /* Translators: "Price regulation: Net price index" */
      return _("Price regulation: %s");
    case T_EXPIRY:
      return _("The contract ends");
    case T_EXPIRY_GIVEN:
      return _("The contract ends; notice has been given");
    case T_EXPIRY_OPTIONS:
      return ngettext ("The contract ends unless an option is exercised (%u option left)",
                       "The contract ends unless an option is exercised (%u options left)", n);
    case N_TEMPLATES:
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
template (KtDescriber *d,
          Template     t,
          guint        n)
{
  if (n >= CACHED_COUNTS)
    return translate (t, n);

  if (d->templates[t][n] == NULL)
    d->templates[t][n] = translate (t, n);

  return d->templates[t][n];
}

static const char *
date_text (KtDescriber *d,
           const GDate *date)
{
  guint32 julian = g_date_get_julian (date);
  char *text = g_hash_table_lookup (d->dates, GUINT_TO_POINTER (julian));

  if (text == NULL)
    {
      text = kt_format_date (date);
      g_hash_table_insert (d->dates, GUINT_TO_POINTER (julian), text);
    }

  return text;
}

typedef struct {
  const char *s;   /* NULL: a number */
  guint       u;
} Arg;

#define S(x) ((Arg) { (x), 0 })
#define U(x) ((Arg) { NULL, (x) })

/* printf for the %s, %u, %N$s and %N$u (and %%) that translations use. */
static void
fill (GString    *out,
      const char *template,
      const Arg  *args,
      guint       n_args)
{
  guint next = 0;

  g_string_truncate (out, 0);

  for (const char *p = template; *p != '\0'; p++)
    {
      guint index;

      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      if (*p == '%')
        {
          g_string_append_c (out, '%');
          continue;
        }

      index = next++;
      if (g_ascii_isdigit (*p) && p[1] == '$')
        {
          index = *p - '1';
          p += 2;
        }

      if ((*p != 's' && *p != 'u') || index >= n_args)
        {
          /* Not a template of ours: show it as it is. */
          g_string_append_c (out, '%');
          if (*p == '\0')
            break;
          g_string_append_c (out, *p);
          continue;
        }

      if (args[index].s != NULL)
        g_string_append (out, args[index].s);
      else
        g_string_append_printf (out, "%u", args[index].u);
    }
}

KtDescriber *
kt_describer_new (void)
{
  KtDescriber *d = g_new0 (KtDescriber, 1);

  d->text = g_string_sized_new (160);
  d->terms = g_string_sized_new (80);
  d->dates = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  return d;
}

void
kt_describer_free (KtDescriber *d)
{
  if (d == NULL)
    return;

  g_string_free (d->text, TRUE);
  g_string_free (d->terms, TRUE);
  g_hash_table_unref (d->dates);
  g_free (d);
}

const char *
kt_describer_describe (KtDescriber              *d,
                       KtDeadlineArena          *arena,
                       const KtContract         *contract,
                       const KtDeadlineSettings *settings,
                       KtDerivedKind             kind,
                       const GDate              *date,
                       const GDate              *notice_end)
{
  guint left = contract->option_count > contract->options_used
               ? contract->option_count - contract->options_used : 0;

  switch (kind)
    {
    case KT_DERIVED_LAST_NOTICE_DAY:
      {
        static const Template terms[] = {
          [KT_NOTICE_RULE_ANY_DAY] = T_TERMS_ANY_DAY,
          [KT_NOTICE_RULE_MONTH_END] = T_TERMS_MONTH_END,
          [KT_NOTICE_RULE_QUARTER_END] = T_TERMS_QUARTER_END,
          [KT_NOTICE_RULE_YEAR_END] = T_TERMS_YEAR_END,
        };
        guint n = contract->notice_months;
        Template t = (guint) contract->notice_rule < G_N_ELEMENTS (terms)
                     ? terms[contract->notice_rule] : T_TERMS_ANY_DAY;
        Arg term_args[] = { U (n) };

        fill (d->terms, template (d, t, n), term_args, G_N_ELEMENTS (term_args));
        {
          Arg args[] = { S (date_text (d, notice_end)), S (d->terms->str) };

          fill (d->text, template (d, T_LAST_NOTICE, 0), args, G_N_ELEMENTS (args));
        }
      }
      break;

    case KT_DERIVED_DECISION_DATE:
      {
        guint days = settings->decision_buffer_days;
        GDate notice_day = *date;
        Arg args[2];

        g_date_add_days (&notice_day, days);
        args[0] = U (days);
        args[1] = S (date_text (d, &notice_day));
        fill (d->text, template (d, T_DECISION, days), args, G_N_ELEMENTS (args));
      }
      break;

    case KT_DERIVED_OPTION_DEADLINE:
      {
        Arg args[] = {
          U (contract->options_used + 1), U (contract->option_count), U (contract->option_months),
          S (date_text (d, &contract->end_date)),
        };

        fill (d->text, template (d, T_OPTION, contract->option_months), args, G_N_ELEMENTS (args));
      }
      break;

    case KT_DERIVED_REPROCUREMENT_START:
      {
        guint months = kt_deadline_settings_get_lead_months (settings, contract->procurement_form);
        Arg args[] = {
          S (kt_enum_label (KT_ENUM_PROCUREMENT_FORM, contract->procurement_form)), U (months),
          S (date_text (d, &contract->end_date)),
        };

        fill (d->text, template (d, T_REPROCUREMENT, months), args, G_N_ELEMENTS (args));
      }
      break;

    case KT_DERIVED_PRICE_REGULATION:
      {
        Arg args[] = { S (kt_enum_label (KT_ENUM_PRICE_INDEX, contract->price_index)) };

        fill (d->text, template (d, T_PRICE, 0), args, G_N_ELEMENTS (args));
      }
      break;

    case KT_DERIVED_EXPIRY:
      if (contract->status == KT_STATUS_NOTICE_GIVEN)
        {
          fill (d->text, template (d, T_EXPIRY_GIVEN, 0), NULL, 0);
        }
      else if (left > 0)
        {
          Arg args[] = { U (left) };

          fill (d->text, template (d, T_EXPIRY_OPTIONS, left), args, G_N_ELEMENTS (args));
        }
      else
        {
          fill (d->text, template (d, T_EXPIRY, 0), NULL, 0);
        }
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  return kt_deadline_arena_strdup (arena, d->text->str);
}
