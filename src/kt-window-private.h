/* kt-window-private.h — the main window's parts, shared by its files
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-backup-schedule.h"
#include "kt-change-monitor.h"
#include "kt-contract-page.h"
#include "kt-document-indexer.h"
#include "kt-matrix-view.h"
#include "kt-portfolio-view.h"
#include "kt-presence-button.h"
#include "kt-presence.h"
#include "kt-search-view.h"
#include "kt-suppliers-view.h"
#include "kt-tender-plan-view.h"
#include "kt-timeline-view.h"
#include "kt-upcoming-view.h"
#include "kt-window.h"

G_BEGIN_DECLS

struct _KtWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkToggleButton      *search_button;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  GtkRevealer          *unreachable_revealer;
  GtkLabel             *unreachable_label;
  KtPresenceButton     *presence_button;
  KtPortfolioView      *portfolio_view;
  KtSuppliersView      *suppliers_view;
  KtUpcomingView       *upcoming_view;
  KtTenderPlanView     *tender_plan_view;
  KtTimelineView       *timeline_view;
  KtMatrixView         *matrix_view;
  KtContractPage       *contract_page;
  KtSearchView         *search_view;
  GMenu                *recent_submenu;

  KtStore              *store;
  KtDocumentLibrary    *library;
  KtDocumentIndexer    *indexer;
  /* Sharing the file with colleagues (kt-window-sharing.c) */
  KtChangeMonitor      *monitor;
  KtPresence           *presence;
  KtBackupSchedule     *backups;
  guint                 refresh_retry_id;  /* a refresh found the file locked */
  /* The main page the contract page's Back returns to: "browse" or "search". */
  const char           *contract_return;
  gboolean              close_confirmed;
};

/* ---- kt-window-sharing.c: the open file shared with colleagues ---- */

/* Starts watching @self->store: colleagues' saves (refresh), presence,
 * backups, a file that goes away. Call after the views have the store. */
void kt_window_sharing_start   (KtWindow *self);
/* Stops all of it (before another portfolio is opened, on dispose). */
void kt_window_sharing_stop    (KtWindow *self);
/* Reloads every view from the file, keeping selections, scroll positions
 * and edits in progress. */
void kt_window_refresh_views   (KtWindow *self);
/* The portfolio did not open because it is damaged: offer a backup. */
void kt_window_offer_backup    (KtWindow   *self,
                                const char *path,
                                const char *message);
/* win.backups */
void kt_window_show_backups    (KtWindow *self);

G_END_DECLS
