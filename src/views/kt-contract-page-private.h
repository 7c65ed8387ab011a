/* kt-contract-page-private.h — the contract page's parts, shared by its files
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-contract-page.h"

G_BEGIN_DECLS

struct _KtContractPage
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkWidget  *window_title;
  GtkWidget  *save_button;
  GtkWidget  *read_only_label;
  GtkWidget  *note_revealer;
  GtkWidget  *note_label;
  GtkWidget  *form;
  GtkWidget  *activities;
  GtkWidget  *documents;

  KtStore    *store;
  KtContract *base;       /* as loaded or last saved; id 0 for a new contract.
                           * Kept while a colleague's newer version waits behind
                           * an edit: a merge needs what the edit started from. */
  GtkWindow  *history;    /* weak: the history window opened from here */
  gint64      history_id; /* the contract it shows */
  guint       serial;     /* bumped whenever another record is shown */
  gboolean    has_dpa;
  gboolean    can_save;
  gboolean    writing;    /* a save or delete waits in kt_write_run () */
  gboolean    deleted;    /* a colleague deleted the contract shown */
  gboolean    focus_on_map;   /* a new contract: the number row gets the focus */
};

/* ---- kt-contract-page.c ---- */

/* The record as the form has it and what is wrong with it; *dirty: it
 * differs from base. */
KtContract *kt_contract_page_collect        (KtContractPage  *self,
                                             GPtrArray      **problems_out,
                                             gboolean        *dirty);
void        kt_contract_page_update_state   (KtContractPage  *self);
void        kt_contract_page_load_choices   (KtContractPage  *self,
                                             gint64           exclude_id);
/* Takes @base and shows it. @keep_focus: a colleague's save is shown, the
 * focused activity stays focused. */
void        kt_contract_page_show_contract  (KtContractPage  *self,
                                             KtContract      *base,
                                             gboolean         keep_focus);
void        kt_contract_page_emit_saved     (KtContractPage  *self,
                                             gint64           id);
void        kt_contract_page_emit_deleted   (KtContractPage  *self,
                                             gint64           id);

/* ---- kt-contract-page-merge.c: a file shared with colleagues ---- */

void        kt_contract_page_save_action    (GtkWidget       *widget,
                                             const char      *action_name,
                                             GVariant        *parameter);
void        kt_contract_page_delete_action  (GtkWidget       *widget,
                                             const char      *action_name,
                                             GVariant        *parameter);
void        kt_contract_page_history_action (GtkWidget       *widget,
                                             const char      *action_name,
                                             GVariant        *parameter);
/* The note above the form about a colleague's change; NULL hides it. */
void        kt_contract_page_set_note       (KtContractPage  *self,
                                             const char      *text);

G_END_DECLS
