/* main.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <locale.h>

#include <glib/gi18n.h>

#include "kt-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KtApplication) app = NULL;
  const char *localedir = g_getenv ("KONTRAKTER_LOCALEDIR");

  /* The UI tests and `make run` point this at the build tree's .mo files,
   * so the translation can be seen without installing. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kt_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
