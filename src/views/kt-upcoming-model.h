/* kt-upcoming-model.h — the sections and rows of the upcoming deadlines
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "kt-deadline-filter.h"
#include "kt-deadline-item.h"

G_BEGIN_DECLS

/* One line of the list: a section header (item NULL) or a deadline. Made
 * on demand by the model for the rows on screen. */
#define KT_TYPE_UPCOMING_ENTRY (kt_upcoming_entry_get_type ())
G_DECLARE_FINAL_TYPE (KtUpcomingEntry, kt_upcoming_entry, KT, UPCOMING_ENTRY, GObject)

struct _KtUpcomingEntry
{
  GObject          parent_instance;

  KtDeadlineItem  *item;       /* NULL for a header */
  KtUrgency        urgency;
  guint            count;      /* header: deadlines in its section */
  gboolean         can_mark;   /* the first open occurrence of a manual activity */
};

#define KT_TYPE_UPCOMING_MODEL (kt_upcoming_model_get_type ())
G_DECLARE_FINAL_TYPE (KtUpcomingModel, kt_upcoming_model, KT, UPCOMING_MODEL, GObject)

/* A GListModel of KtUpcomingEntry. It keeps the deadlines as plain rows
 * and makes an entry object only when GTK asks for one, so that 100,000
 * deadlines are listed, and filtered again, without 100,000 objects. */
KtUpcomingModel *kt_upcoming_model_new         (void);
/* Takes the open deadlines from @items (KtDeadlineItem, sorted by date):
 * those overdue or due within 365 days on @today. Call
 * kt_upcoming_model_apply () to show them. */
void             kt_upcoming_model_set_items   (KtUpcomingModel  *self,
                                                GPtrArray        *items,
                                                const GDate      *today);
/* Lists the deadlines @filter matches, a header before each section. */
void             kt_upcoming_model_apply       (KtUpcomingModel  *self,
                                                KtDeadlineFilter *filter);
/* All open deadlines, and those shown. */
guint            kt_upcoming_model_get_n_total (KtUpcomingModel  *self);
guint            kt_upcoming_model_get_n_shown (KtUpcomingModel  *self);

G_END_DECLS
