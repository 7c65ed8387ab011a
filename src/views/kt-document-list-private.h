/* kt-document-list-private.h — shared by kt-document-list.c (rows,
 * refresh), kt-document-list-open.c (open, show in folder),
 * kt-document-list-files.c (the Attach button, drop, locate a missing
 * file), kt-document-list-attach.c (the attach queue) and
 * kt-document-list-writes.c (remove, kind); the tests attach through it too
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-document-list.h"
#include "kt-document-row.h"

G_BEGIN_DECLS

struct _KtDocumentList
{
  AdwPreferencesGroup  parent_instance;

  GtkWidget           *attach_button;
  GtkDropTarget       *drop_target;
  GPtrArray           *rows;         /* every row added to the group */

  KtDocumentLibrary   *library;
  gint64               contract_id;
  GCancellable        *cancellable;  /* of the library's work; cancelled when it changes */
  GHashTable          *windows;      /* document id → KtDocumentWindow, open ones */
  char                *documents_key; /* what the rows show (refresh rebuilds on change) */
  guint                documents_attaching;

  /* Attaching, one file at a time (kt-document-list-files.c) */
  GQueue              *queue;        /* Attach *, waiting */
  gpointer             current;      /* Attach *, being copied */
  GPtrArray           *failures;     /* "name: why" of this batch */
  gboolean             dragging;
};

KtStore  *kt_document_list_get_store     (KtDocumentList   *self);
void      kt_document_list_emit_changed  (KtDocumentList   *self);
void      kt_document_list_emit_activities_changed (KtDocumentList *self);
void      kt_document_list_add_row       (KtDocumentList   *self,
                                          GtkWidget        *row);
gboolean  kt_document_list_is_writable   (KtDocumentList   *self);
/* TRUE when files can be attached now: a saved contract of a writable
 * portfolio. */
gboolean  kt_document_list_can_attach    (KtDocumentList   *self);
/* The description, the Attach button and the drop target for the state. */
void      kt_document_list_update_header (KtDocumentList   *self);
/* Shows @message in the toast overlay above the list, or in a dialog. */
void      kt_document_list_toast         (KtDocumentList   *self,
                                          const char       *message);

/* kt-document-list-writes.c: the rows' "remove" and "kind-changed" */
void      kt_document_list_remove        (KtDocumentList   *self,
                                          KtDocumentRow    *row);
void      kt_document_list_change_kind   (KtDocumentList   *self,
                                          int               kind,
                                          KtDocumentRow    *row);

/* kt-document-list-open.c */
/* Selects the document's file in the file manager, or opens its folder. */
void      kt_document_list_show_in_folder (KtDocumentList  *self,
                                           const KtDocument *document);

/* kt-document-list-files.c */
void      kt_document_list_files_init    (KtDocumentList   *self);
/* Asks for files and attaches them. */
void      kt_document_list_choose_files  (KtDocumentList   *self);
/* Asks where the missing file of @document is and puts it back. */
void      kt_document_list_locate        (KtDocumentList   *self,
                                          const KtDocument *document);
/* The same without asking (tests): copies @found back, or asks whether
 * to use a different file as the new version. Runs in a worker. */
void      kt_document_list_relocate      (KtDocumentList   *self,
                                          const KtDocument *document,
                                          GFile            *found,
                                          gboolean          replace);

/* kt-document-list-attach.c */
/* Empties the attach queue; a new one unless the list is disposed. */
void      kt_document_list_files_clear   (KtDocumentList   *self);
/* The rows of the files still being attached to the shown contract. */
void      kt_document_list_add_pending_rows (KtDocumentList *self);
/* What the button and a drop do: attaches @files to the shown contract,
 * one after another, a row with a spinner each meanwhile; "changed" after
 * each success, one dialog with what failed at the end. FALSE (nothing
 * started) when files cannot be attached now. */
gboolean  kt_document_list_attach_files  (KtDocumentList   *self,
                                          GFile *const     *files,
                                          guint             n_files);
/* Files still waiting or being copied, for all contracts. */
guint     kt_document_list_get_n_attaching (KtDocumentList *self);

G_END_DECLS
