/* kt-document.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib.h>

#include "kt-document.h"

G_DEFINE_BOXED_TYPE (KtDocument, kt_document, kt_document_copy, kt_document_free)

KtDocument *
kt_document_new (void)
{
  KtDocument *self = g_new0 (KtDocument, 1);

  self->kind = KT_DOCUMENT_KIND_OTHER;
  self->index_state = KT_INDEX_STATE_PENDING;

  return self;
}

KtDocument *
kt_document_copy (const KtDocument *document)
{
  KtDocument *copy;

  g_return_val_if_fail (document != NULL, NULL);

  copy = g_memdup2 (document, sizeof *document);

  copy->sha256 = g_strdup (document->sha256);
  copy->original_name = g_strdup (document->original_name);
  copy->media_type = g_strdup (document->media_type);
  copy->added_by = g_strdup (document->added_by);
  copy->added_at = g_strdup (document->added_at);
  copy->note = g_strdup (document->note);
  copy->contract_number = g_strdup (document->contract_number);
  copy->contract_name = g_strdup (document->contract_name);
  copy->changed_by = g_strdup (document->changed_by);
  copy->changed_at = g_strdup (document->changed_at);

  return copy;
}

void
kt_document_free (KtDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->sha256);
  g_free (document->original_name);
  g_free (document->media_type);
  g_free (document->added_by);
  g_free (document->added_at);
  g_free (document->note);
  g_free (document->contract_number);
  g_free (document->contract_name);
  g_free (document->changed_by);
  g_free (document->changed_at);
  g_free (document);
}

static gboolean
name_has_suffix (const char *folded_name,
                 const char *const *suffixes)
{
  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (folded_name, suffixes[i]))
      return TRUE;

  return FALSE;
}

static gboolean
contains_any (const char         *folded_name,
              const char *const  *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded_name, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
media_type_is (const char *media_type,
               const char *const *types)
{
  if (media_type == NULL)
    return FALSE;

  for (guint i = 0; types[i] != NULL; i++)
    if (g_ascii_strcasecmp (media_type, types[i]) == 0)
      return TRUE;

  return FALSE;
}

static const char *const pdf_types[] = { "application/pdf", "application/x-pdf", NULL };
static const char *const pdf_suffixes[] = { ".pdf", NULL };

/* The media type decides when there is one: a file named .pdf that is not
 * one must not be handed to poppler as a PDF. */
static gboolean
is_pdf (const char *file_name,
        const char *media_type)
{
  g_autofree char *folded = NULL;

  if (media_type != NULL && *media_type != '\0')
    return media_type_is (media_type, pdf_types);

  if (file_name == NULL)
    return FALSE;

  folded = g_utf8_strdown (file_name, -1);

  return name_has_suffix (folded, pdf_suffixes);
}

gboolean
kt_document_is_pdf (const KtDocument *document)
{
  g_return_val_if_fail (document != NULL, FALSE);

  return is_pdf (document->original_name, document->media_type);
}

gboolean
kt_document_sha256_is_valid (const char *sha256)
{
  if (sha256 == NULL)
    return FALSE;

  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isdigit (sha256[i]) && !(sha256[i] >= 'a' && sha256[i] <= 'f'))
      return FALSE;

  return sha256[64] == '\0';
}

KtDocumentKind
kt_document_guess_kind (const char *file_name,
                        const char *media_type)
{
  static const char *const word_types[] = {
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "application/rtf",
    "text/rtf",
    NULL
  };
  static const char *const word_suffixes[] = { ".doc", ".docx", ".odt", ".rtf", NULL };
  static const char *const tender_words[] = { "udbud", "tender", NULL };
  static const char *const appendix_words[] = { "bilag", "appendix", "annex", NULL };
  static const char *const signed_words[] = { "underskrevet", "underskrift", "signed",
                                              "signeret", "kontrakt", "contract", NULL };
  g_autofree char *folded = g_utf8_strdown (file_name != NULL ? file_name : "", -1);
  gboolean word_file;

  /* Tender material comes in every format and is named after the tender. */
  if (contains_any (folded, tender_words))
    return KT_DOCUMENT_KIND_TENDER;

  word_file = media_type_is (media_type, word_types) ||
              ((media_type == NULL || *media_type == '\0' ||
                g_str_equal (media_type, "application/octet-stream")) &&
               name_has_suffix (folded, word_suffixes));
  if (word_file)
    return KT_DOCUMENT_KIND_ORIGINAL;

  if (!is_pdf (file_name, media_type))
    return KT_DOCUMENT_KIND_OTHER;

  /* "Bilag 3 til kontrakten.pdf" is an appendix, not the contract. */
  if (contains_any (folded, appendix_words))
    return KT_DOCUMENT_KIND_APPENDIX;
  if (contains_any (folded, signed_words))
    return KT_DOCUMENT_KIND_SIGNED_CONTRACT;

  return KT_DOCUMENT_KIND_APPENDIX;
}

char *
kt_document_format_size (gint64 size)
{
  /* GLib's units are translated in its own domain and follow the locale's
   * decimal separator ("2,4 MB" in Danish). */
  return g_format_size ((guint64) MAX (size, 0));
}
