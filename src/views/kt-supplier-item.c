/* kt-supplier-item.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n.h>

#include "kt-format.h"
#include "kt-supplier-item.h"

struct _KtSupplierItem
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *details;
  char    *search_key;
};

G_DEFINE_FINAL_TYPE (KtSupplierItem, kt_supplier_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kt_supplier_item_finalize (GObject *object)
{
  KtSupplierItem *self = KT_SUPPLIER_ITEM (object);

  g_free (self->name);
  g_free (self->details);
  g_free (self->search_key);

  G_OBJECT_CLASS (kt_supplier_item_parent_class)->finalize (object);
}

static void
kt_supplier_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KtSupplierItem *self = KT_SUPPLIER_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_supplier_item_class_init (KtSupplierItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kt_supplier_item_finalize;
  object_class->get_property = kt_supplier_item_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kt_supplier_item_init (KtSupplierItem *self)
{
}

KtSupplierItem *
kt_supplier_item_new (const KtSupplier *supplier,
                      guint             n_contracts)
{
  KtSupplierItem *self;
  g_autofree char *count = NULL;
  g_autofree char *haystack = NULL;

  g_return_val_if_fail (supplier != NULL, NULL);

  self = g_object_new (KT_TYPE_SUPPLIER_ITEM, NULL);
  self->id = supplier->id;
  self->name = g_strdup (supplier->name != NULL ? supplier->name : "");

  count = g_strdup_printf (ngettext ("%u contract", "%u contracts", n_contracts),
                           n_contracts);
  if (supplier->cvr != NULL && *supplier->cvr != '\0')
    /* Translators: a supplier's CVR number and its number of contracts,
     * "CVR 12345678 · 4 contracts" */
    self->details = g_strdup_printf (_("CVR %s · %s"), supplier->cvr, count);
  else
    self->details = g_steal_pointer (&count);

  haystack = g_strconcat (self->name, " ", supplier->cvr != NULL ? supplier->cvr : "", NULL);
  self->search_key = kt_fold_for_search (haystack);

  return self;
}

gint64
kt_supplier_item_get_id (KtSupplierItem *self)
{
  g_return_val_if_fail (KT_IS_SUPPLIER_ITEM (self), 0);

  return self->id;
}

const char *
kt_supplier_item_get_name (KtSupplierItem *self)
{
  g_return_val_if_fail (KT_IS_SUPPLIER_ITEM (self), NULL);

  return self->name;
}

const char *
kt_supplier_item_get_details (KtSupplierItem *self)
{
  g_return_val_if_fail (KT_IS_SUPPLIER_ITEM (self), NULL);

  return self->details;
}

gboolean
kt_supplier_item_matches (KtSupplierItem *self,
                          const char     *casefolded_needle)
{
  char **words;
  gboolean matches = TRUE;

  g_return_val_if_fail (KT_IS_SUPPLIER_ITEM (self), FALSE);

  if (casefolded_needle == NULL)
    return TRUE;

  /* Every word must occur, as in the portfolio's search. */
  words = g_strsplit (casefolded_needle, " ", -1);
  for (guint i = 0; words[i] != NULL && matches; i++)
    if (*words[i] != '\0' && strstr (self->search_key, words[i]) == NULL)
      matches = FALSE;
  g_strfreev (words);

  return matches;
}
