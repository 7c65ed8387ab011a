/* bench-documents.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <stdlib.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "bench-documents.h"

#define PAGE_WIDTH     595.0
#define PAGE_HEIGHT    842.0
#define MARGIN         64.0
#define WORDS_PER_PAGE 380

/* Common words first: the draw favours the start of the list. */
static const char *const vocabulary[] = {
  "og", "i", "at", "til", "af", "for", "med", "den", "det", "er", "som", "på", "de", "en",
  "et", "ikke", "skal", "kan", "efter", "eller", "ved", "om", "fra", "har", "hvis", "under",
  "Leverandøren", "Kunden", "aftalen", "kontrakten", "ydelserne", "parterne", "bilag",
  "levering", "leverancen", "systemet", "løsningen", "vederlag", "betaling", "faktura",
  "opsigelse", "varsel", "måneder", "måneders", "skriftligt", "gældende", "henhold",
  "bestemmelser", "forpligtelser", "ansvar", "erstatning", "misligholdelse", "væsentlig",
  "prisregulering", "nettoprisindeks", "årligt", "regulering", "priser", "kroner", "moms",
  "bod", "dagbod", "forsinkelse", "tidsplan", "milepæl", "godkendelse", "overtagelsesprøve",
  "driftsprøve", "servicemål", "svartid", "oppetid", "tilgængelighed", "hændelse", "fejl",
  "kategori", "afhjælpning", "support", "vedligeholdelse", "opdatering", "version",
  "option", "optioner", "forlængelse", "udløb", "ophør", "exit", "exitplan", "overdragelse",
  "data", "migrering", "format", "dokumentation", "databehandler", "databehandleraftale",
  "personoplysninger", "sikkerhed", "fortrolighed", "tavshedspligt", "underleverandør",
  "underleverandører", "revision", "revisionserklæring", "kontrol", "rapport", "møde",
  "styregruppe", "statusmøde", "kvartal", "kalenderår", "ikrafttræden", "underskrift",
  "kommunen", "forvaltningen", "brugere", "licenser", "licens", "antal", "tillæg",
  "ændringer", "ændringsanmodning", "ændringshåndtering", "konsulent", "timepris",
  "rejsetid", "åbningstid", "hverdage", "helligdage", "søndage", "lørdage", "døgnet",
  "tvister", "voldgift", "retten", "dansk", "ret", "lovgivning", "udbud", "udbudsloven",
  "rammeaftale", "tildeling", "kravspecifikation", "løsningsbeskrivelse", "testplan",
  "implementering", "uddannelse", "kursus", "installation", "integration", "snitflade",
  "snitflader", "tredjepart", "standardsoftware", "kildekode", "deponering", "rettigheder",
  "ophavsret", "brugsret", "immaterielle", "garanti", "garantiperiode", "mangel", "mangler",
  "afhjælpe", "hæve", "forholdsmæssigt", "afslag", "godtgørelse", "forsikring",
  "ansvarsbegrænsning", "samlede", "beløb", "højst", "mindst", "senest", "inden", "dage",
  "arbejdsdage", "samarbejde", "samarbejdsorganisation", "kontaktperson", "projektleder",
  "eskalation", "beslutning", "referat", "økonomi", "budget", "prisliste", "enhedspris",
  "engangsvederlag", "løbende", "abonnement", "hosting", "drift", "driftsydelser",
  "backup", "gendannelse", "beredskab", "nedbrud", "vedligehold", "udvikling",
  "videreudvikling", "ønsker", "behov", "krav", "præcisering", "særlige", "vilkår",
  "fællesoffentlige", "arkitektur", "principper", "tilgængelighedskrav", "persondataforordningen",
};

static const char *
draw_word (GRand *rand)
{
  /* Squared: index 0 is drawn far more often than the last */
  double r = g_rand_double (rand);

  return vocabulary[(guint) (r * r * G_N_ELEMENTS (vocabulary))];
}

char *
bench_danish_text (GRand *rand,
                   guint  n_words)
{
  GString *text = g_string_sized_new (n_words * 9);
  guint sentence = 0;

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = draw_word (rand);

      if (sentence == 0)
        {
          if (text->len > 0)
            g_string_append (text, g_rand_int_range (rand, 0, 5) == 0 ? "\n\n" : " ");
          g_string_append_unichar (text, g_unichar_toupper (g_utf8_get_char (word)));
          g_string_append (text, g_utf8_next_char (word));
          sentence = g_rand_int_range (rand, 8, 22);
        }
      else
        {
          g_string_append_c (text, ' ');
          g_string_append (text, word);
        }

      if (--sentence == 0 || i + 1 == n_words)
        {
          g_string_append_c (text, '.');
          sentence = 0;
        }
    }

  return g_string_free (text, FALSE);
}

void
bench_write_pdf (const char *path,
                 guint       n_pages,
                 GRand      *rand)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *heading = pango_font_description_from_string ("DejaVu Sans Bold 14");
  PangoFontDescription *body = pango_font_description_from_string ("DejaVu Serif 10.5");

  pango_layout_set_width (layout, (int) ((PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *title = g_strdup_printf ("§ %u %s", i + 1, draw_word (rand));
      g_autofree char *text = bench_danish_text (rand, WORDS_PER_PAGE);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, MARGIN, MARGIN);
      pango_layout_set_font_description (layout, heading);
      pango_layout_set_text (layout, title, -1);
      pango_cairo_show_layout (cr, layout);

      cairo_set_line_width (cr, 0.75);
      cairo_move_to (cr, MARGIN, MARGIN + 24);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN, MARGIN + 24);
      cairo_stroke (cr);

      cairo_move_to (cr, MARGIN, MARGIN + 34);
      pango_layout_set_font_description (layout, body);
      pango_layout_set_text (layout, text, -1);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
    }

  pango_font_description_free (heading);
  pango_font_description_free (body);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("writing %s failed: %s", path, cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
}

char *
bench_make_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  if (dir == NULL)
    g_error ("no temporary folder: %s", error->message);

  return dir;
}

void
bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        bench_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of (double *times,
           guint   n)
{
  qsort (times, n, sizeof (double), compare_double);
  return n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
}

void
bench_median_pair_ms (void    (*ours) (gpointer),
                      void    (*raw) (gpointer),
                      gpointer  user_data,
                      guint     runs,
                      double   *ours_ms,
                      double   *raw_ms)
{
  g_autofree double *ours_times = NULL;
  g_autofree double *raw_times = NULL;

  runs = MAX (runs, 1);
  ours_times = g_new (double, runs);
  raw_times = g_new (double, runs);

  ours (user_data);
  raw (user_data);
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      ours (user_data);
      ours_times[i] = (g_get_monotonic_time () - start) / 1000.0;
      start = g_get_monotonic_time ();
      raw (user_data);
      raw_times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  *ours_ms = median_of (ours_times, runs);
  *raw_ms = median_of (raw_times, runs);
}

guint
bench_env_count (const char *variable,
                 guint       fallback)
{
  const char *value = g_getenv (variable);
  guint64 n;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &n, NULL))
    return fallback;

  return (guint) n;
}
