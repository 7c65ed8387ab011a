/* timeline-demo.c — the timeline widget in a window with sample lanes, to
 * look at (built, not run as a test)
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   timeline-demo [--dark] [--high-contrast] [--zoom=month|quarter|year]
 *                 [--lanes=N] [--focus] [--no-tooltips] [--scroll-rows=N]
 *                 [--quit-after=SECONDS]
 *
 * --focus gives the timeline keyboard focus and walks a few markers, so the
 * focus ring shows. With KONTRAKTER_LOCALEDIR pointing at the build tree's
 * po folder and LC_ALL=da_DK.UTF-8 it shows the Danish translation.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kt-timeline.h"

static const char *suppliers[] = {
  "Atea A/S", "EG A/S", "KMD A/S", "Netcompany A/S", "Systematic A/S", NULL,
};

static const char *systems[] = {
  "Lønsystem", "ESDH", "Økonomisystem", "Sagsbehandling", "Borgerservice", "Netværk",
  "Printløsning", "Skoleportal", "Vagtplan", "Telefoni", "Backup og drift", "Mail og kalender",
  "Ydelsesrefusion", "Byggesag", "Dagtilbudsportal",
};

static GDate
dmy (guint day,
     guint month,
     guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return date;
}

static void
add (KtTimelineLane *lane,
     const GDate    *date,
     const GDate    *today,
     const char     *what,
     gboolean        derived,
     gboolean        done,
     gboolean        cancelled,
     gint64          id)
{
  g_autofree char *label = g_strdup_printf ("%s — %s", what, lane->label);

  kt_timeline_lane_add_marker (lane, date, label,
                               kt_timeline_state_for (date, today, done, cancelled),
                               derived, id, derived ? 1 : 0);
}

static GPtrArray *
sample_lanes (guint        n_lanes,
              const GDate *today)
{
  GPtrArray *lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_timeline_lane_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  guint per_supplier = MAX (1, n_lanes / (G_N_ELEMENTS (suppliers) - 1));
  gint64 id = 1;

  for (guint i = 0; i < n_lanes; i++)
    {
      const char *supplier = suppliers[MIN (i / per_supplier, G_N_ELEMENTS (suppliers) - 2)];
      g_autofree char *label = g_strdup_printf ("K-%u-%03u %s", 2019 + g_rand_int_range (rand, 0, 7),
                                                i + 1, systems[g_rand_int_range (rand, 0, G_N_ELEMENTS (systems))]);
      KtTimelineLane *lane = kt_timeline_lane_new (i + 1, label, supplier);
      GDate start = dmy (1, g_rand_int_range (rand, 1, 13), 2020 + g_rand_int_range (rand, 0, 6));
      GDate end = start, limit;
      gboolean running = g_rand_int_range (rand, 0, 6) == 0;

      g_date_add_years (&end, g_rand_int_range (rand, 2, 7));
      g_date_subtract_days (&end, 1);
      kt_timeline_lane_set_bar (lane, &start, running ? NULL : &end);

      /* Derived: last day to give notice, price regulations */
      if (!running)
        {
          GDate notice = end;

          g_date_subtract_months (&notice, g_rand_int_range (rand, 3, 7));
          add (lane, &notice, today, "Last day to give notice", TRUE, FALSE, FALSE, id++);
        }
      limit = running ? dmy (31, 12, 2029) : end;
      for (GDate regulation = dmy (1, g_date_get_month (&start), g_date_get_year (&start) + 1);
           g_date_compare (&regulation, &limit) <= 0;
           g_date_add_years (&regulation, 1))
        if (g_date_get_year (&regulation) >= 2024)
          add (lane, &regulation, today, "Price regulation", TRUE, FALSE, FALSE, id++);

      /* Entered: status meetings, a milestone, a control report */
      for (guint q = 0; q < 8; q++)
        {
          GDate meeting = dmy (g_rand_int_range (rand, 1, 29), 1 + 3 * (q % 4) + g_rand_int_range (rand, 0, 3),
                               2025 + q / 4);
          gboolean past = g_date_compare (&meeting, today) < 0;

          if (g_rand_int_range (rand, 0, 3) == 0)
            continue;
          add (lane, &meeting, today, "Status meeting", FALSE,
               past && g_rand_int_range (rand, 0, 4) != 0,
               g_rand_int_range (rand, 0, 12) == 0, id++);
        }

      g_ptr_array_add (lanes, lane);
    }

  return lanes;
}

static void
marker_activated_cb (KtTimeline *timeline,
                     gint64      lane_id,
                     gint64      item_id,
                     int         kind)
{
  g_print ("activated lane %" G_GINT64_FORMAT " item %" G_GINT64_FORMAT " kind %d\n",
           lane_id, item_id, kind);
}

static gboolean
walk_cb (gpointer data)
{
  GtkWidget *timeline = data;

  gtk_widget_grab_focus (timeline);
  gtk_widget_activate_action (timeline, "timeline.lane-down", NULL);
  gtk_widget_activate_action (timeline, "timeline.lane-down", NULL);
  gtk_widget_activate_action (timeline, "timeline.lane-down", NULL);

  return G_SOURCE_REMOVE;
}

static gboolean
scroll_cb (gpointer data)
{
  GtkWidget *timeline = data;
  int rows = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (timeline), "scroll-rows"));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline));

  if (rows > 0)
    gtk_adjustment_set_value (v, rows * gtk_adjustment_get_step_increment (v) + 10);

  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);

  return G_SOURCE_REMOVE;
}

int
main (int    argc,
      char **argv)
{
  gboolean dark = FALSE, high_contrast = FALSE, focus = FALSE, no_tooltips = FALSE, done = FALSE;
  g_autofree char *zoom = NULL;
  int n_lanes = 60, quit_after = 0, scroll_rows = 0;
  GOptionEntry entries[] = {
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "high-contrast", 0, 0, G_OPTION_ARG_NONE, &high_contrast, "High contrast", NULL },
    { "zoom", 0, 0, G_OPTION_ARG_STRING, &zoom, "month, quarter or year", "ZOOM" },
    { "lanes", 0, 0, G_OPTION_ARG_INT, &n_lanes, "Number of lanes", "N" },
    { "focus", 0, 0, G_OPTION_ARG_NONE, &focus, "Focus a marker", NULL },
    { "no-tooltips", 0, 0, G_OPTION_ARG_NONE, &no_tooltips, "No tooltips", NULL },
    { "scroll-rows", 0, 0, G_OPTION_ARG_INT, &scroll_rows, "Scroll down by rows", "N" },
    { "quit-after", 0, 0, G_OPTION_ARG_INT, &quit_after, "Quit after seconds", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lanes = NULL;
  const char *localedir = g_getenv ("KONTRAKTER_LOCALEDIR");
  GtkWidget *window, *header, *scrolled, *timeline;
  GDate today = dmy (15, 5, 2026);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* libadwaita's own switch: the system setting is not reachable here */
  if (high_contrast)
    g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);
  adw_init ();
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_window_set_title (GTK_WINDOW (window), "Tidslinje");
  header = adw_header_bar_new ();
  gtk_window_set_titlebar (GTK_WINDOW (window), header);

  timeline = kt_timeline_new ();
  kt_timeline_set_today (KT_TIMELINE (timeline), &today);
  if (zoom != NULL)
    {
      GEnumClass *klass = g_type_class_ref (KT_TYPE_TIMELINE_ZOOM);
      GEnumValue *value = g_enum_get_value_by_nick (klass, zoom);

      if (value != NULL)
        kt_timeline_set_zoom (KT_TIMELINE (timeline), value->value);
      g_type_class_unref (klass);
    }
  lanes = sample_lanes (MAX (n_lanes, 1), &today);
  kt_timeline_set_lanes (KT_TIMELINE (timeline), lanes);
  g_signal_connect (timeline, "marker-activated", G_CALLBACK (marker_activated_cb), NULL);
  gtk_widget_set_has_tooltip (timeline, !no_tooltips);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), timeline);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (quit_cb), &done);
  gtk_window_present (GTK_WINDOW (window));

  if (focus)
    g_timeout_add (300, walk_cb, timeline);
  if (scroll_rows > 0)
    g_object_set_data (G_OBJECT (timeline), "scroll-rows", GINT_TO_POINTER (scroll_rows));
  g_timeout_add (600, scroll_cb, timeline);
  if (quit_after > 0)
    g_timeout_add_seconds (quit_after, quit_cb, &done);

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
