/* kt-csv.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-contract.h"
#include "kt-csv.h"
#include "kt-enums.h"
#include "kt-format.h"
#include "kt-tender-plan.h"

#define SEPARATOR ';'
#define BOM "\xEF\xBB\xBF"

struct _KtCsv
{
  GString  *text;
  gboolean  row_started;
};

KtCsv *
kt_csv_new (void)
{
  KtCsv *csv = g_new0 (KtCsv, 1);

  csv->text = g_string_new (BOM);

  return csv;
}

void
kt_csv_free (KtCsv *csv)
{
  if (csv == NULL)
    return;

  g_string_free (csv->text, TRUE);
  g_free (csv);
}

char *
kt_csv_quote (const char *text)
{
  GString *field;
  gboolean formula;

  if (text == NULL)
    return g_strdup ("");

  formula = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@';
  if (!formula && strpbrk (text, ";\"\r\n") == NULL)
    return g_strdup (text);

  field = g_string_new ("\"");
  if (formula)
    g_string_append_c (field, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (field, '"');
      g_string_append_c (field, *p);
    }
  g_string_append_c (field, '"');

  return g_string_free (field, FALSE);
}

char *
kt_csv_format_money (gint64 ore)
{
  guint64 magnitude;

  if (ore == KT_MONEY_NONE)
    return g_strdup ("");

  /* G_MININT64 is KT_MONEY_NONE, so -ore cannot overflow here. */
  magnitude = ore < 0 ? (guint64) -ore : (guint64) ore;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ",%02u", ore < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

static void
add_field (KtCsv      *csv,
           const char *field)
{
  if (csv->row_started)
    g_string_append_c (csv->text, SEPARATOR);
  g_string_append (csv->text, field);
  csv->row_started = TRUE;
}

void
kt_csv_add_text (KtCsv      *csv,
                 const char *text)
{
  g_autofree char *field = NULL;

  g_return_if_fail (csv != NULL);

  field = kt_csv_quote (text);
  add_field (csv, field);
}

void
kt_csv_add_money (KtCsv  *csv,
                  gint64  ore)
{
  g_autofree char *field = NULL;

  g_return_if_fail (csv != NULL);

  field = kt_csv_format_money (ore);
  add_field (csv, field);
}

void
kt_csv_add_date (KtCsv       *csv,
                 const GDate *date)
{
  g_autofree char *field = NULL;

  g_return_if_fail (csv != NULL);

  if (date != NULL && g_date_valid (date))
    field = kt_date_to_iso (date);
  add_field (csv, field != NULL ? field : "");
}

void
kt_csv_add_uint (KtCsv *csv,
                 guint  value)
{
  char field[16];

  g_return_if_fail (csv != NULL);

  g_snprintf (field, sizeof field, "%u", value);
  add_field (csv, field);
}

void
kt_csv_end_row (KtCsv *csv)
{
  g_return_if_fail (csv != NULL);

  g_string_append (csv->text, "\r\n");
  csv->row_started = FALSE;
}

GBytes *
kt_csv_get_bytes (KtCsv *csv)
{
  g_return_val_if_fail (csv != NULL, NULL);

  return g_bytes_new (csv->text->str, csv->text->len);
}

gboolean
kt_csv_write (KtCsv       *csv,
              const char  *path,
              GError     **error)
{
  g_return_val_if_fail (csv != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return g_file_set_contents (path, csv->text->str, csv->text->len, error);
}

gboolean
kt_csv_write_tender_plan (GPtrArray   *rows,
                          const char  *path,
                          GError     **error)
{
  static const char *headers[] = {
    /* Translators: column headers of the exported tender plan (CSV) */
    N_("Start of re-procurement"), N_("Year"), N_("Quarter"), N_("Contract number"),
    N_("Contract name"), N_("Supplier"), N_("Procurement form"), N_("Lead time in months"),
    N_("End date"), N_("Contract sum (kr.)"), N_("Annual cost (kr.)"), N_("Options left"),
    N_("Status"),
  };
  g_autoptr(KtCsv) csv = kt_csv_new ();

  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    kt_csv_add_text (csv, _(headers[i]));
  kt_csv_end_row (csv);

  for (guint i = 0; i < rows->len; i++)
    {
      const KtTenderPlanRow *row = g_ptr_array_index (rows, i);

      kt_csv_add_date (csv, &row->start);
      kt_csv_add_uint (csv, row->year);
      kt_csv_add_uint (csv, row->quarter);
      kt_csv_add_text (csv, row->number);
      kt_csv_add_text (csv, row->name);
      kt_csv_add_text (csv, row->supplier_name);
      kt_csv_add_text (csv, kt_enum_label (KT_ENUM_PROCUREMENT_FORM, row->procurement_form));
      kt_csv_add_uint (csv, row->lead_months);
      kt_csv_add_date (csv, &row->end_date);
      kt_csv_add_money (csv, row->contract_sum);
      kt_csv_add_money (csv, row->annual_cost);
      kt_csv_add_uint (csv, row->options_left);
      kt_csv_add_text (csv, kt_enum_label (KT_ENUM_STATUS, row->status));
      kt_csv_end_row (csv);
    }

  return kt_csv_write (csv, path, error);
}
