/* kt-document-window-private.h — shared by the document window's files,
 * and the hooks its tests use
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-clause-panel.h"
#include "kt-document-window.h"
#include "kt-pdf-view.h"

G_BEGIN_DECLS

typedef enum {
  KT_DOCUMENT_WINDOW_LOADING,   /* hashing and opening */
  KT_DOCUMENT_WINDOW_MISSING,   /* the file is not in the documents folder */
  KT_DOCUMENT_WINDOW_PASSWORD,  /* encrypted: asking for the password */
  KT_DOCUMENT_WINDOW_FAILED,    /* damaged, not a PDF, or an unsafe path */
  KT_DOCUMENT_WINDOW_READY,
} KtDocumentWindowState;

struct _KtDocumentWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *window_title;
  GtkWidget            *sidebar_button;
  GtkWidget            *page_box;
  GtkWidget            *page_entry;
  GtkWidget            *page_count_label;
  GtkWidget            *zoom_button;
  GtkWidget            *find_button;
  GtkWidget            *mark_button;
  GtkWidget            *search_bar;
  GtkWidget            *search_entry;
  GtkWidget            *match_label;
  GtkWidget            *state_stack;
  GtkWidget            *missing_status;
  GtkWidget            *password_entry;
  GtkWidget            *password_error_label;
  GtkWidget            *failed_status;
  GtkWidget            *changed_bar;
  GtkWidget            *changed_label;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_stack;
  GtkWidget            *thumbnails;
  GtkWidget            *clause_panel;
  GtkWidget            *pdf_view;

  KtDocumentLibrary    *library;
  KtStore              *store;
  KtDocument           *document;
  KtPdfDocument        *pdf;
  GCancellable         *cancellable;      /* opening, indexing, exporting: ends with the window */
  KtDocumentWindowState state;
  KtDocumentState       file_state;
  gboolean              needed_password;

  GPtrArray            *clauses;          /* KtClause * of the contract */
  GPtrArray            *document_clauses; /* those of this document, drawn by the view */
  GPtrArray            *activities;       /* KtActivity * of the contract */
  GHashTable           *document_names;   /* gint64 * id → name, of the contract's documents */

  /* Find */
  char                 *find_text;        /* what the view searches for now */
  gboolean              find_running;     /* until the view's "find-finished" */
  GTask                *pending_match;    /* marking a match: waits for the find to finish */
  GCancellable         *find_cancellable; /* show_page's phrase check, marking a match */
  gboolean              has_pending_page;
  guint                 pending_page;     /* 1-based, as show_page has it */
  char                **pending_words;

  /* The page entry and zoom label follow the view after its allocation:
   * changing them while the view allocates would resize the header then */
  guint                 header_update_id;

  /* Flashing a clause the panel jumped to */
  guint                 flash_id;
  guint                 flash_count;
  gint64                flash_clause_id;
};

/* kt-document-window-open.c */
void      kt_document_window_open_start        (KtDocumentWindow *self);
void      kt_document_window_locate            (KtDocumentWindow *self);
/* The file the user located for a missing or changed one (Locate's file
 * chooser): copied back when it is the attached file; another file asks
 * whether to use it as the new version (@replace: do so). Then opens
 * the document again. */
void      kt_document_window_use_file          (KtDocumentWindow *self,
                                                GFile            *found,
                                                gboolean          replace);
void      kt_document_window_open_external     (KtDocumentWindow *self);
/* Tries @password (the password page's Unlock). */
void      kt_document_window_unlock            (KtDocumentWindow *self,
                                                const char       *password);

/* kt-document-window-find.c */
void      kt_document_window_find_init         (KtDocumentWindow *self);
void      kt_document_window_find_ready        (KtDocumentWindow *self);
void      kt_document_window_find_show         (KtDocumentWindow *self);
void      kt_document_window_find_next         (KtDocumentWindow *self,
                                                gboolean          forward);
/* The current find match as a clause to mark: page, rectangles and the
 * words it covers. */
void      kt_document_window_current_match_async  (KtDocumentWindow   *self,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean  kt_document_window_current_match_finish (KtDocumentWindow   *self,
                                                   GAsyncResult       *result,
                                                   guint              *page,
                                                   GArray            **rects,
                                                   char              **text,
                                                   GError           **error);

/* kt-document-window-clauses.c */
void      kt_document_window_clauses_init      (KtDocumentWindow *self);
void      kt_document_window_reload_clauses    (KtDocumentWindow *self);
void      kt_document_window_mark_clause       (KtDocumentWindow *self);
void      kt_document_window_update_actions    (KtDocumentWindow *self);
gboolean  kt_document_window_can_edit          (KtDocumentWindow *self,
                                                const char      **reason);
/* A conflict or a removed clause: says so and reloads. */
void      kt_document_window_show_store_error  (KtDocumentWindow *self,
                                                const GError     *error);

/* kt-document-window-activities.c */
void      kt_document_window_create_activity   (KtDocumentWindow *self,
                                                const KtClause   *clause);
void      kt_document_window_link_activity     (KtDocumentWindow *self,
                                                const KtClause   *clause);

/* kt-document-window-export.c */
void      kt_document_window_export            (KtDocumentWindow *self);

/* kt-document-window.c */
void      kt_document_window_set_state         (KtDocumentWindow     *self,
                                                KtDocumentWindowState state);
void      kt_document_window_toast             (KtDocumentWindow *self,
                                                const char       *message);
void      kt_document_window_update_titles     (KtDocumentWindow *self);
void      kt_document_window_emit_activities_changed (KtDocumentWindow *self);
void      kt_document_window_emit_document_changed   (KtDocumentWindow *self);

/* For the tests */
KtDocumentWindowState kt_document_window_get_state    (KtDocumentWindow *self);
KtPdfView            *kt_document_window_get_view     (KtDocumentWindow *self);
KtClausePanel        *kt_document_window_get_panel    (KtDocumentWindow *self);
/* Writes the copy with highlights as the menu's Export does once the file
 * chooser has answered (the menu then shows a toast or an error). */
void      kt_document_window_export_async      (KtDocumentWindow   *self,
                                                GFile              *file,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
gboolean  kt_document_window_export_finish     (KtDocumentWindow   *self,
                                                GAsyncResult       *result,
                                                GError           **error);

G_END_DECLS
