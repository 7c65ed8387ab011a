/* kt-contract-pdf-text.c — blocks, Danish wording of data, the title page
 * and the signatures shared by the example documents
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates, amounts and notice rules are worded in Danish whatever the locale:
 * the documents are Danish content, deliberately not translatable.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stdarg.h>
#include <string.h>

#include "kt-contract-pdf-private.h"

/* ---- Building blocks ---- */

static void
block_free (KtPdfBlock *block)
{
  g_free (block->number);
  g_free (block->text);
  g_free (block);
}

void
kt_pdf_composition_init (KtPdfComposition *comp)
{
  memset (comp, 0, sizeof *comp);
  comp->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

void
kt_pdf_composition_clear (KtPdfComposition *comp)
{
  g_clear_pointer (&comp->blocks, g_ptr_array_unref);
  g_clear_pointer (&comp->title, g_free);
  g_clear_pointer (&comp->author, g_free);
  g_clear_pointer (&comp->subject, g_free);
  g_clear_pointer (&comp->keywords, g_free);
  g_clear_pointer (&comp->date, g_free);
  g_clear_pointer (&comp->header_left, g_free);
  g_clear_pointer (&comp->header_right, g_free);
  g_clear_pointer (&comp->footer_left, g_free);
}

KtPdfBlock *
kt_pdf_add (KtPdfComposition *comp,
            KtPdfBlockKind    kind,
            const char       *number,
            const char       *text)
{
  KtPdfBlock *block = g_new0 (KtPdfBlock, 1);

  block->kind = kind;
  block->number = g_strdup (number);
  block->text = g_strdup (text);
  block->mark = -1;
  g_ptr_array_add (comp->blocks, block);
  return block;
}

void
kt_pdf_add_title (KtPdfComposition *comp,
                  double            size,
                  const char       *markup)
{
  kt_pdf_add (comp, KT_PDF_BLOCK_TITLE, NULL, markup)->size = size;
}

void
kt_pdf_add_space (KtPdfComposition *comp,
                  double            points)
{
  kt_pdf_add (comp, KT_PDF_BLOCK_SPACE, NULL, NULL)->size = points;
}

void
kt_pdf_add_heading (KtPdfComposition *comp,
                    const char       *title)
{
  g_autofree char *number = g_strdup_printf ("%u", ++comp->section);

  comp->clause = 0;
  kt_pdf_add (comp, KT_PDF_BLOCK_HEADING, number, title);
}

void
kt_pdf_add_clause (KtPdfComposition *comp,
                   int               mark,
                   const char       *format,
                   ...)
{
  g_autofree char *number = g_strdup_printf ("%u.%u", comp->section, ++comp->clause);
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  kt_pdf_add (comp, KT_PDF_BLOCK_CLAUSE, number, text)->mark = mark;
}

/* ---- Danish wording of data ---- */

static const char *const month_names[] = {
  NULL, "januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
  "september", "oktober", "november", "december",
};

const char *
kt_pdf_month_name (GDateMonth month)
{
  return month >= 1 && month <= 12 ? month_names[month] : "";
}

char *
kt_pdf_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("(ikke fastsat)");
  /* A no-break space keeps "30. september" on one line. */
  return g_strdup_printf ("%u.\u00a0%s %u", g_date_get_day (date),
                          kt_pdf_month_name (g_date_get_month (date)), g_date_get_year (date));
}

char *
kt_pdf_money (gint64 ore)
{
  g_autofree char *digits = NULL;
  GString *out = g_string_new (NULL);
  gint64 kroner = (MAX (ore, 0) + 50) / 100;
  gsize len;

  digits = g_strdup_printf ("%" G_GINT64_FORMAT, kroner);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
  g_string_append (out, " kr.");
  return g_string_free (out, FALSE);
}

char *
kt_pdf_notice (guint        months,
               KtNoticeRule rule)
{
  static const char *const until[] = {
    [KT_NOTICE_RULE_ANY_DAY] = "",
    [KT_NOTICE_RULE_MONTH_END] = " til udgangen af en måned",
    [KT_NOTICE_RULE_QUARTER_END] = " til udgangen af et kvartal",
    [KT_NOTICE_RULE_YEAR_END] = " til udgangen af et kalenderår",
  };
  const char *tail = (guint) rule < G_N_ELEMENTS (until) ? until[rule] : "";

  if (months == 0)
    return g_strdup_printf ("uden varsel%s", tail);
  return g_strdup_printf ("%u %s varsel%s", months, months == 1 ? "måneds" : "måneders", tail);
}

guint32
kt_pdf_checksum (const char *text)
{
  guint32 hash = 2166136261u;  /* FNV-1a: stable everywhere, unlike g_str_hash's promise */

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      hash ^= (guchar) *p;
      hash *= 16777619u;
    }
  return hash;
}

char *
kt_pdf_signature_key (const char *seed)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  GString *out = g_string_new (NULL);
  guint32 state = kt_pdf_checksum (seed);

  for (guint i = 0; i < 16; i++)
    {
      state = state * 1103515245u + 12345u;
      if (i > 0 && i % 4 == 0)
        g_string_append_c (out, '-');
      g_string_append_c (out, alphabet[(state >> 16) % (sizeof alphabet - 1)]);
    }
  return g_string_free (out, FALSE);
}

/* "SKI 02.19" from a name like "Microsoft 365 og Windows (SKI 02.19)". */
static char *
ski_agreement (const char *name)
{
  const char *p = name != NULL ? strstr (name, "SKI ") : NULL;
  gsize n = 0;

  if (p == NULL)
    return g_strdup ("SKI's rammeaftale");
  p += strlen ("SKI ");
  while (p[n] != '\0' && (g_ascii_isdigit (p[n]) || p[n] == '.'))
    n++;
  return g_strdup_printf ("SKI's rammeaftale %.*s", (int) n, p);
}

static char *
procurement_text (const KtContract *c)
{
  switch (c->procurement_form)
    {
    case KT_PROCUREMENT_SKI:
      {
        g_autofree char *ski = ski_agreement (c->name);
        return g_strdup_printf ("Indgået som leveringskontrakt under %s efter miniudbud.", ski);
      }
    case KT_PROCUREMENT_EU_TENDER:
      return g_strdup ("Indgået efter EU-udbud i henhold til udbudsloven på grundlag af "
                       "statens standardkontrakt.");
    case KT_PROCUREMENT_OWN_TENDER:
      return g_strdup ("Indgået efter Kundens eget annoncerede udbud.");
    case KT_PROCUREMENT_JOINT_TENDER:
      return g_strdup ("Indgået efter fællesudbud med nabokommunerne.");
    case KT_PROCUREMENT_KOMBIT:
      return g_strdup ("Indgået på grundlag af KOMBIT A/S' udbud på vegne af kommunerne.");
    case KT_PROCUREMENT_DIRECT_AWARD:
    default:
      return g_strdup ("Indgået ved direkte tildeling under tærskelværdien.");
    }
}

/* The signing date of the contract; the supplier signs the day before. */
static void
signing_date (const KtContract *c,
              gboolean          supplier,
              GDate            *out)
{
  *out = g_date_valid (&c->signed_date) ? c->signed_date : c->start_date;
  if (supplier && g_date_valid (out))
    g_date_subtract_days (out, 1);
}

/* ---- Title page and signatures ---- */

void
kt_pdf_compose_front (KtPdfComposition        *comp,
                      const KtContractPdfSpec *spec,
                      const char              *kind_title,
                      const char              *about)
{
  const KtContract *c = spec->contract;
  const KtSupplier *s = spec->supplier;
  g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", c->name);
  g_autofree char *services = NULL;
  g_autofree char *number = g_markup_printf_escaped ("Kontraktnummer <b>%s</b>", c->number);
  g_autofree char *customer = NULL;
  g_autofree char *supplier = NULL;
  const char *cvr = s->cvr != NULL ? s->cvr : "";
  g_autofree char *procurement = procurement_text (spec->main_contract != NULL ? spec->main_contract : c);
  g_autofree char *small = g_markup_printf_escaped ("<span size='smaller'>%s</span>", procurement);
  g_autofree char *key_seed = g_strconcat (c->number, "/", kind_title, NULL);
  g_autofree char *key = kt_pdf_signature_key (key_seed);
  GDate signed_on;

  customer = g_markup_printf_escaped ("<b>%s</b>\nCVR-nr. %s\n%s\n%s\n(herefter »Kunden«)",
                                      KT_PDF_CUSTOMER, KT_PDF_CUSTOMER_CVR,
                                      KT_PDF_CUSTOMER_ADDRESS, KT_PDF_CUSTOMER_TOWN);
  supplier = g_markup_printf_escaped ("<b>%s</b>\nCVR-nr. %s\n%s\n%s %s\n(herefter »Leverandøren«)",
                                      s->name, cvr, s->address ? s->address : "",
                                      s->postal_code ? s->postal_code : "", s->city ? s->city : "");

  kt_pdf_add_space (comp, 48);
  kt_pdf_add_title (comp, 28, kind_title);
  kt_pdf_add_space (comp, 10);
  kt_pdf_add_title (comp, 12, about);
  kt_pdf_add_space (comp, 6);
  kt_pdf_add_title (comp, 18, name);
  if (c->purchased_services != NULL && *c->purchased_services != '\0')
    {
      services = g_markup_printf_escaped ("<i>%s</i>", c->purchased_services);
      kt_pdf_add_space (comp, 6);
      kt_pdf_add (comp, KT_PDF_BLOCK_CENTRED, NULL, services);
    }
  kt_pdf_add_space (comp, 18);
  kt_pdf_add (comp, KT_PDF_BLOCK_CENTRED, NULL, number);
  kt_pdf_add_space (comp, 36);
  kt_pdf_add (comp, KT_PDF_BLOCK_CENTRED, NULL, "mellem");
  kt_pdf_add_space (comp, 12);
  kt_pdf_add (comp, KT_PDF_BLOCK_CENTRED, NULL, customer);
  kt_pdf_add_space (comp, 12);
  kt_pdf_add (comp, KT_PDF_BLOCK_CENTRED, NULL, "og");
  kt_pdf_add_space (comp, 12);
  kt_pdf_add (comp, KT_PDF_BLOCK_CENTRED, NULL, supplier);
  kt_pdf_add_space (comp, 36);
  kt_pdf_add (comp, KT_PDF_BLOCK_CENTRED, NULL, small);
  kt_pdf_add (comp, KT_PDF_BLOCK_PAGE_BREAK, NULL, NULL);

  signing_date (c, FALSE, &signed_on);
  comp->author = g_strdup (KT_PDF_CUSTOMER);
  comp->subject = g_strdup (c->purchased_services);
  comp->header_left = g_strdup_printf ("%s · %s", KT_PDF_CUSTOMER, c->number);
  comp->header_right = g_strdup (s->name);
  comp->footer_left = g_strdup_printf ("Dokumentnøgle: %s", key);
  if (g_date_valid (&signed_on))
    {
      guint32 sum = kt_pdf_checksum (c->number);

      comp->date = g_strdup_printf ("%04u-%02u-%02uT%02u:%02u:00", g_date_get_year (&signed_on),
                                    g_date_get_month (&signed_on), g_date_get_day (&signed_on),
                                    9 + sum % 6, (sum / 7) % 60);
    }
}

static char *
signature_column (const char       *role,
                  const char       *party,
                  const GDate      *date,
                  guint32           sum,
                  const char       *signer,
                  const char       *title,
                  const char       *seed)
{
  g_autofree char *day = kt_pdf_date (date);
  g_autofree char *key = kt_pdf_signature_key (seed);

  return g_markup_printf_escaped ("%s\n<b>%s</b>\n\nUnderskrevet digitalt med MitID Erhverv\n"
                                  "den %s kl. %02u.%02u\n\n<b>%s</b>\n%s\n"
                                  "<span size='smaller'>Signatur-ID: %s</span>",
                                  role, party, day, 9 + sum % 8, (sum / 11) % 60,
                                  signer, title, key);
}

void
kt_pdf_compose_signatures (KtPdfComposition        *comp,
                           const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;
  const KtContact *contact = spec->supplier->contacts != NULL && spec->supplier->contacts->len > 0
                             ? g_ptr_array_index (spec->supplier->contacts, 0) : NULL;
  const char *supplier_signer = spec->supplier_signer != NULL ? spec->supplier_signer
                                : contact != NULL ? contact->name : "";
  const char *supplier_title = spec->supplier_signer_title != NULL ? spec->supplier_signer_title
                               : contact != NULL && contact->title != NULL ? contact->title : "";
  g_autofree char *customer_seed = g_strconcat (c->number, "/kunde", NULL);
  g_autofree char *supplier_seed = g_strconcat (c->number, "/leverandør", NULL);
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *both = NULL;
  GDate customer_day, supplier_day;

  signing_date (c, FALSE, &customer_day);
  signing_date (c, TRUE, &supplier_day);
  left = signature_column ("For Kunden", KT_PDF_CUSTOMER, &customer_day, kt_pdf_checksum (customer_seed),
                           spec->customer_signer != NULL ? spec->customer_signer : "",
                           spec->customer_signer_title != NULL ? spec->customer_signer_title : "",
                           customer_seed);
  right = signature_column ("For Leverandøren", spec->supplier->name, &supplier_day,
                            kt_pdf_checksum (supplier_seed), supplier_signer, supplier_title,
                            supplier_seed);
  both = g_strconcat (left, "\t", right, NULL);

  kt_pdf_add_space (comp, 12);
  kt_pdf_add (comp, KT_PDF_BLOCK_HEADING, NULL, "Underskrifter");
  kt_pdf_add (comp, KT_PDF_BLOCK_TEXT, NULL,
              "Dokumentet er underskrevet digitalt af Parternes tegningsberettigede og foreligger "
              "i ét elektronisk eksemplar. Underskrifterne kan valideres hos signeringstjenesten "
              "med dokumentnøglen nederst på hver side.");
  kt_pdf_add_space (comp, 8);
  kt_pdf_add (comp, KT_PDF_BLOCK_SIGNATURES, NULL, both);
}
