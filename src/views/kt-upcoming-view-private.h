/* kt-upcoming-view-private.h — shared by kt-upcoming-view.c and its
 * refresh from colleagues' saves (kt-upcoming-view-refresh.c)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-deadline-filter.h"
#include "kt-upcoming-model.h"
#include "kt-upcoming-view.h"

G_BEGIN_DECLS

struct _KtUpcomingView
{
  GtkWidget        parent_instance;

  GtkDropDown     *responsible_dropdown;
  GtkDropDown     *type_dropdown;
  GtkDropDown     *org_unit_dropdown;
  GtkStack        *content_stack;
  GtkListView     *list_view;
  AdwStatusPage   *no_match_page;

  KtStore          *store;
  KtUpcomingModel  *model;
  KtDeadlineFilter *filter;     /* responsible, type and unit */
  gboolean         dirty;
  GDate            loaded_on;
  char            *records_key;  /* the people and units in the drop-downs */
};

/* Reads the deadlines into the model (not shown until rebuild). */
gboolean kt_upcoming_view_load    (KtUpcomingView  *self,
                                   GError         **error);
/* Shows what the model and the filter give. */
void     kt_upcoming_view_rebuild (KtUpcomingView  *self);

G_END_DECLS
