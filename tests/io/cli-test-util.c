/* cli-test-util.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "cli-test-util.h"

static const char *cli_binary;

void
kt_cli_run_clear (KtCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
kt_cli_set_binary (const char *binary)
{
  cli_binary = binary;
}

void
kt_cli_runv (KtCliRun          *result,
             const char *const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (cli_binary);
  g_ptr_array_add (args, (gpointer) cli_binary);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  /* Headless: it must not need a display for this */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  memset (result, 0, sizeof *result);
  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &result->status, &error);
  g_assert_no_error (error);
  g_test_message ("exit %d, stdout: %s, stderr: %s", result->status, result->out, result->err);
}

gboolean
kt_cli_exited_with (const KtCliRun *result,
                    int             code)
{
  return WIFEXITED (result->status) && WEXITSTATUS (result->status) == code;
}

void
kt_cli_assert_fails (const char *message_part,
                     const char *out,
                     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(KtCliRun) result = { 0, };
  const char *arg;
  va_list ap;

  va_start (ap, out);
  for (arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  kt_cli_runv (&result, (const char *const *) args->pdata);
  g_assert_true (kt_cli_exited_with (&result, 1));
  if (strstr (result.err, message_part) == NULL)
    g_error ("stderr “%s” does not say “%s”", result.err, message_part);
  if (out != NULL)
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

char *
kt_cli_make_example (const char  *dir_template,
                     char       **portfolio)
{
  g_auto(KtCliRun) result = { 0, };
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (dir_template, &error);

  g_assert_no_error (error);
  *portfolio = g_build_filename (dir, "Eksempel Kommune.kontrakter", NULL);
  kt_cli_runv (&result, (const char *const[]) { "--create-example", *portfolio, NULL });
  g_assert_true (kt_cli_exited_with (&result, 0));

  return dir;
}

void
kt_cli_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      /* The example's documents folder sits beside the portfolio. */
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        kt_cli_remove_dir (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}
