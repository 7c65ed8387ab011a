/* cli-test-util.h — running the kontrakter binary as a person would, for the
 * command-line tests
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int   status;
  char *out;
  char *err;
} KtCliRun;

void     kt_cli_run_clear      (KtCliRun   *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KtCliRun, kt_cli_run_clear)

/* The binary under test, from the test's command line. */
void     kt_cli_set_binary     (const char *binary);
/* Runs the binary with @argv (NULL-terminated, without the binary) and no
 * display at all, as from a terminal or a script. */
void     kt_cli_runv           (KtCliRun   *result,
                                const char *const *argv);
gboolean kt_cli_exited_with    (const KtCliRun *result,
                                int         code);
/* Runs the binary with the arguments after @out (NULL-terminated) and
 * checks it fails with exit status 1, saying @message_part on stderr, and
 * that @out (unless NULL) was not written. */
void     kt_cli_assert_fails   (const char *message_part,
                                const char *out,
                                ...) G_GNUC_NULL_TERMINATED;
/* A new folder with the example portfolio in it, written by the binary;
 * *portfolio is its path. */
char    *kt_cli_make_example   (const char *dir_template,
                                char      **portfolio);
/* Removes @dir and the files in it. */
void     kt_cli_remove_dir     (const char *dir);

G_END_DECLS
