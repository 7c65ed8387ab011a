/* kt-contract-row.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kt-contract-row.h"
#include "kt-deadline.h"
#include "kt-format.h"

/* A portfolio holds up to tens of thousands of rows and the table shows a
 * screenful, so the display texts, the search text and the collation keys
 * are made the first time they are asked for, not when the row is built. */
typedef enum {
  TEXT_CONTRACT_SUM,
  TEXT_ANNUAL_COST,
  TEXT_END_DATE,
  TEXT_NOTICE_DATE,
  N_TEXTS
} LazyText;

typedef enum {
  KEY_NUMBER,
  KEY_NAME,
  KEY_SUPPLIER,
  KEY_SYSTEM_OWNER,
  KEY_CATEGORY,
  N_KEYS
} CollateKey;

struct _KtContractRow
{
  GObject     parent_instance;

  KtContract *contract;
  GDate       notice_date;
  const char *category_label;   /* static, translated */
  const char *status_label;

  char       *texts[N_TEXTS];
  char       *haystack;
  char       *keys[N_KEYS];
};

G_DEFINE_FINAL_TYPE (KtContractRow, kt_contract_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_NAME,
  PROP_SUPPLIER_NAME,
  PROP_SYSTEM_OWNER_NAME,
  PROP_ORG_UNIT_NAME,
  PROP_CATEGORY_LABEL,
  PROP_STATUS_LABEL,
  PROP_CONTRACT_SUM,
  PROP_ANNUAL_COST,
  PROP_CONTRACT_SUM_TEXT,
  PROP_ANNUAL_COST_TEXT,
  PROP_END_DATE_TEXT,
  PROP_NOTICE_DATE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
nonnull (const char *text)
{
  return text != NULL ? text : "";
}

static const char *
get_text (KtContractRow *self,
          LazyText       which)
{
  if (self->texts[which] != NULL)
    return self->texts[which];

  switch (which)
    {
    case TEXT_CONTRACT_SUM:
      self->texts[which] = kt_format_money_short (self->contract->contract_sum);
      break;

    case TEXT_ANNUAL_COST:
      self->texts[which] = kt_format_money_short (self->contract->annual_cost);
      break;

    case TEXT_END_DATE:
      if (self->contract->running)
        /* Translators: the end date of a contract that runs until notice is
         * given (løbende) */
        self->texts[which] = g_strdup (_("Running"));
      else
        self->texts[which] = kt_format_date (&self->contract->end_date);
      break;

    case TEXT_NOTICE_DATE:
      self->texts[which] = kt_format_date (&self->notice_date);
      break;

    case N_TEXTS:
    default:
      g_assert_not_reached ();
    }

  return self->texts[which];
}

static const char *
key_source (KtContractRow *self,
            CollateKey     which)
{
  switch (which)
    {
    case KEY_NUMBER:       return nonnull (self->contract->number);
    case KEY_NAME:         return nonnull (self->contract->name);
    case KEY_SUPPLIER:     return nonnull (self->contract->supplier_name);
    case KEY_SYSTEM_OWNER: return nonnull (self->contract->system_owner_name);
    case KEY_CATEGORY:     return nonnull (self->category_label);
    case N_KEYS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
get_key (KtContractRow *self,
         CollateKey     which)
{
  if (self->keys[which] == NULL)
    {
      const char *source = key_source (self, which);

      /* The filename variant orders digit runs by value: "K-9" < "K-10". */
      if (which == KEY_NUMBER)
        self->keys[which] = g_utf8_collate_key_for_filename (source, -1);
      else
        self->keys[which] = g_utf8_collate_key (source, -1);
    }

  return self->keys[which];
}

static const char *
get_haystack (KtContractRow *self)
{
  if (self->haystack == NULL)
    {
      const KtContract *c = self->contract;
      g_autofree char *joined = NULL;

      /* "\n" cannot be in a needle, so words never match across fields. */
      joined = g_strjoin ("\n",
                          nonnull (c->number),
                          nonnull (c->name),
                          nonnull (c->supplier_name),
                          nonnull (c->system_owner_name),
                          nonnull (c->administrator_name),
                          nonnull (c->org_unit_name),
                          nonnull (c->purchased_services),
                          nonnull (self->category_label),
                          NULL);
      self->haystack = kt_fold_for_search (joined);
    }

  return self->haystack;
}

static void
kt_contract_row_finalize (GObject *object)
{
  KtContractRow *self = (KtContractRow *) object;

  g_clear_pointer (&self->contract, kt_contract_free);
  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_free);
  for (guint i = 0; i < N_KEYS; i++)
    g_clear_pointer (&self->keys[i], g_free);
  g_clear_pointer (&self->haystack, g_free);

  G_OBJECT_CLASS (kt_contract_row_parent_class)->finalize (object);
}

static void
kt_contract_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KtContractRow *self = KT_CONTRACT_ROW (object);
  const KtContract *c = self->contract;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, c->id);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, nonnull (c->number));
      break;

    case PROP_NAME:
      g_value_set_string (value, nonnull (c->name));
      break;

    case PROP_SUPPLIER_NAME:
      g_value_set_string (value, nonnull (c->supplier_name));
      break;

    case PROP_SYSTEM_OWNER_NAME:
      g_value_set_string (value, nonnull (c->system_owner_name));
      break;

    case PROP_ORG_UNIT_NAME:
      g_value_set_string (value, nonnull (c->org_unit_name));
      break;

    case PROP_CATEGORY_LABEL:
      g_value_set_string (value, nonnull (self->category_label));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, nonnull (self->status_label));
      break;

    case PROP_CONTRACT_SUM:
      g_value_set_int64 (value, c->contract_sum);
      break;

    case PROP_ANNUAL_COST:
      g_value_set_int64 (value, c->annual_cost);
      break;

    case PROP_CONTRACT_SUM_TEXT:
      g_value_set_string (value, get_text (self, TEXT_CONTRACT_SUM));
      break;

    case PROP_ANNUAL_COST_TEXT:
      g_value_set_string (value, get_text (self, TEXT_ANNUAL_COST));
      break;

    case PROP_END_DATE_TEXT:
      g_value_set_string (value, get_text (self, TEXT_END_DATE));
      break;

    case PROP_NOTICE_DATE_TEXT:
      g_value_set_string (value, get_text (self, TEXT_NOTICE_DATE));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int64_property (const char *name,
                gint64      default_value)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, default_value,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
kt_contract_row_class_init (KtContractRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kt_contract_row_finalize;
  object_class->get_property = kt_contract_row_get_property;

  properties[PROP_ID] = int64_property ("id", 0);
  properties[PROP_NUMBER] = string_property ("number");
  properties[PROP_NAME] = string_property ("name");
  properties[PROP_SUPPLIER_NAME] = string_property ("supplier-name");
  properties[PROP_SYSTEM_OWNER_NAME] = string_property ("system-owner-name");
  properties[PROP_ORG_UNIT_NAME] = string_property ("org-unit-name");
  properties[PROP_CATEGORY_LABEL] = string_property ("category-label");
  properties[PROP_STATUS_LABEL] = string_property ("status-label");
  properties[PROP_CONTRACT_SUM] = int64_property ("contract-sum", KT_MONEY_NONE);
  properties[PROP_ANNUAL_COST] = int64_property ("annual-cost", KT_MONEY_NONE);
  properties[PROP_CONTRACT_SUM_TEXT] = string_property ("contract-sum-text");
  properties[PROP_ANNUAL_COST_TEXT] = string_property ("annual-cost-text");
  properties[PROP_END_DATE_TEXT] = string_property ("end-date-text");
  properties[PROP_NOTICE_DATE_TEXT] = string_property ("notice-date-text");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kt_contract_row_init (KtContractRow *self)
{
  g_date_clear (&self->notice_date, 1);
}

KtContractRow *
kt_contract_row_new (KtContract  *contract,
                     const GDate *today)
{
  KtContractRow *self;

  g_return_val_if_fail (contract != NULL, NULL);

  self = g_object_new (KT_TYPE_CONTRACT_ROW, NULL);
  self->contract = contract;
  self->category_label = kt_enum_label (KT_ENUM_CATEGORY, contract->category);
  self->status_label = kt_enum_label (KT_ENUM_STATUS, contract->status);
  kt_contract_last_notice_day (contract, today, &self->notice_date);

  return self;
}

const KtContract *
kt_contract_row_get_contract (KtContractRow *self)
{
  g_return_val_if_fail (KT_IS_CONTRACT_ROW (self), NULL);

  return self->contract;
}

const GDate *
kt_contract_row_get_notice_date (KtContractRow *self)
{
  g_return_val_if_fail (KT_IS_CONTRACT_ROW (self), NULL);

  return &self->notice_date;
}

gboolean
kt_contract_row_matches (KtContractRow *self,
                         const char    *casefolded_needle)
{
  const char *haystack;
  const char *p;

  g_return_val_if_fail (KT_IS_CONTRACT_ROW (self), FALSE);

  if (casefolded_needle == NULL)
    return TRUE;

  haystack = get_haystack (self);
  p = casefolded_needle;

  /* Every word must occur somewhere: "kmd løn" finds KMD's payroll system. */
  for (;;)
    {
      const char *end;
      gsize len;
      char word[256];

      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '\0')
        return TRUE;

      end = p;
      while (*end != '\0' && *end != ' ' && *end != '\t')
        end++;
      len = end - p;

      if (len < sizeof word)
        {
          memcpy (word, p, len);
          word[len] = '\0';
          if (strstr (haystack, word) == NULL)
            return FALSE;
        }
      else
        {
          g_autofree char *long_word = g_strndup (p, len);

          if (strstr (haystack, long_word) == NULL)
            return FALSE;
        }

      p = end;
    }
}

static int
compare_keys (KtContractRow *a,
              KtContractRow *b,
              CollateKey     which)
{
  gboolean a_empty = *key_source (a, which) == '\0';
  gboolean b_empty = *key_source (b, which) == '\0';

  if (a_empty || b_empty)
    return a_empty - b_empty;

  return strcmp (get_key (a, which), get_key (b, which));
}

static int
compare_money (gint64 a,
               gint64 b)
{
  if (a == KT_MONEY_NONE || b == KT_MONEY_NONE)
    return (a == KT_MONEY_NONE) - (b == KT_MONEY_NONE);

  return (a > b) - (a < b);
}

static int
compare_dates (const GDate *a,
               const GDate *b)
{
  gboolean a_valid = g_date_valid (a);
  gboolean b_valid = g_date_valid (b);

  if (!a_valid || !b_valid)
    return b_valid - a_valid;

  return g_date_compare (a, b);
}

int
kt_contract_row_compare (KtContractRow    *a,
                         KtContractRow    *b,
                         KtContractColumn  column)
{
  int result = 0;

  g_return_val_if_fail (KT_IS_CONTRACT_ROW (a), 0);
  g_return_val_if_fail (KT_IS_CONTRACT_ROW (b), 0);

  switch (column)
    {
    case KT_CONTRACT_COLUMN_NUMBER:
      break;

    case KT_CONTRACT_COLUMN_NAME:
      result = compare_keys (a, b, KEY_NAME);
      break;

    case KT_CONTRACT_COLUMN_SUPPLIER:
      result = compare_keys (a, b, KEY_SUPPLIER);
      break;

    case KT_CONTRACT_COLUMN_SYSTEM_OWNER:
      result = compare_keys (a, b, KEY_SYSTEM_OWNER);
      break;

    case KT_CONTRACT_COLUMN_CATEGORY:
      result = compare_keys (a, b, KEY_CATEGORY);
      break;

    case KT_CONTRACT_COLUMN_CONTRACT_SUM:
      result = compare_money (a->contract->contract_sum, b->contract->contract_sum);
      break;

    case KT_CONTRACT_COLUMN_ANNUAL_COST:
      result = compare_money (a->contract->annual_cost, b->contract->annual_cost);
      break;

    case KT_CONTRACT_COLUMN_END_DATE:
      /* A running contract has no end date: it sorts with the unset ones. */
      result = compare_dates (&a->contract->end_date, &b->contract->end_date);
      break;

    case KT_CONTRACT_COLUMN_NOTICE_DATE:
      result = compare_dates (&a->notice_date, &b->notice_date);
      break;

    case KT_N_CONTRACT_COLUMNS:
    default:
      g_return_val_if_reached (0);
    }

  if (result == 0)
    result = compare_keys (a, b, KEY_NUMBER);
  if (result == 0)
    result = (a->contract->id > b->contract->id) - (a->contract->id < b->contract->id);

  return result;
}
