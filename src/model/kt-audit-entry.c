/* kt-audit-entry.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-audit-entry.h"

G_DEFINE_BOXED_TYPE (KtAuditEntry, kt_audit_entry, kt_audit_entry_copy, kt_audit_entry_free)

KtAuditEntry *
kt_audit_entry_new (void)
{
  return g_new0 (KtAuditEntry, 1);
}

KtAuditEntry *
kt_audit_entry_copy (const KtAuditEntry *entry)
{
  KtAuditEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (KtAuditEntry, 1);
  copy->id = entry->id;
  copy->at = g_strdup (entry->at);
  copy->user = g_strdup (entry->user);
  copy->host = g_strdup (entry->host);
  copy->entity = g_strdup (entry->entity);
  copy->entity_id = entry->entity_id;
  copy->action = g_strdup (entry->action);
  copy->field = g_strdup (entry->field);
  copy->old_value = g_strdup (entry->old_value);
  copy->new_value = g_strdup (entry->new_value);
  copy->detail = g_strdup (entry->detail);
  copy->display_name = g_strdup (entry->display_name);
  copy->subject = g_strdup (entry->subject);
  copy->field_label = g_strdup (entry->field_label);
  copy->old_text = g_strdup (entry->old_text);
  copy->new_text = g_strdup (entry->new_text);

  return copy;
}

void
kt_audit_entry_free (KtAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->user);
  g_free (entry->host);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->detail);
  g_free (entry->display_name);
  g_free (entry->subject);
  g_free (entry->field_label);
  g_free (entry->old_text);
  g_free (entry->new_text);
  g_free (entry);
}
