/* test-cvr.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kt-cvr.h"
#include "kt-model-error.h"

static void
test_valid (void)
{
  static const struct {
    const char *input;
    const char *normalised;
  } cases[] = {
    { "12345674", "12345674" },
    { "25313763", "25313763" },
    { "  29403473  ", "29403473" },
    { "10 15 08 17", "10150817" },
    { "DK13585628", "13585628" },
    { "dk 13 58 56 28", "13585628" },
    { " DK 30409671", "30409671" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;

      g_assert_true (kt_cvr_validate (cases[i].input, &normalised, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (normalised, ==, cases[i].normalised);
    }

  g_assert_true (kt_cvr_validate ("12345674", NULL, NULL));
}

static void
test_invalid (void)
{
  static const struct {
    const char *input;
    int code;
  } cases[] = {
    { "12345675", KT_MODEL_ERROR_CHECKSUM },   /* wrong check digit */
    { "88888888", KT_MODEL_ERROR_CHECKSUM },
    { "1234567", KT_MODEL_ERROR_WRONG_LENGTH },
    { "123456740", KT_MODEL_ERROR_WRONG_LENGTH },
    { "1234 567", KT_MODEL_ERROR_WRONG_LENGTH },
    { "1234567A", KT_MODEL_ERROR_INVALID },
    { "12-34-56-74", KT_MODEL_ERROR_INVALID },
    { "01234567", KT_MODEL_ERROR_INVALID },   /* leading 0 */
    { "00000000", KT_MODEL_ERROR_INVALID },
    { "", KT_MODEL_ERROR_INVALID },
    { "   ", KT_MODEL_ERROR_INVALID },
    { "DK", KT_MODEL_ERROR_INVALID },
    { "SE12345674", KT_MODEL_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;

      g_test_message ("input: \"%s\"", cases[i].input);
      g_assert_false (kt_cvr_validate (cases[i].input, &normalised, &error));
      g_assert_error (error, KT_MODEL_ERROR, cases[i].code);
      g_assert_nonnull (error->message);
      g_assert_null (normalised);
    }
}

static void
test_distinct_messages (void)
{
  g_autoptr(GError) length = NULL;
  g_autoptr(GError) checksum = NULL;
  g_autoptr(GError) letters = NULL;

  kt_cvr_validate ("1234567", NULL, &length);
  kt_cvr_validate ("12345675", NULL, &checksum);
  kt_cvr_validate ("1234567X", NULL, &letters);

  g_assert_cmpstr (length->message, ==, "A CVR number has 8 digits");
  g_assert_cmpstr (checksum->message, ==,
                   "This is not a valid CVR number: the check digit does not match");
  g_assert_cmpstr (letters->message, !=, length->message);
  g_assert_cmpstr (letters->message, !=, checksum->message);
}

static void
test_complete (void)
{
  static const struct {
    const char *seven;
    const char *expected;
  } cases[] = {
    { "1234567", "12345674" },
    { "2531376", "25313763" },
    { "3040967", "30409671" },
    { "1000000", "10000009" },
    { "9999999", "99999993" },
    { "1000005", NULL },   /* remainder 1: the check digit would be 10 */
    { "0123456", NULL },
    { "123456", NULL },
    { "12345678", NULL },
    { "12345a7", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cvr = kt_cvr_complete (cases[i].seven);

      g_assert_cmpstr (cvr, ==, cases[i].expected);
    }

  /* Every completion validates, over a range of prefixes. */
  for (guint n = 1000000; n < 1003000; n++)
    {
      g_autofree char *seven = g_strdup_printf ("%u", n);
      g_autofree char *cvr = kt_cvr_complete (seven);

      if (cvr != NULL)
        g_assert_true (kt_cvr_validate (cvr, NULL, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/cvr/valid", test_valid);
  g_test_add_func ("/model/cvr/invalid", test_invalid);
  g_test_add_func ("/model/cvr/distinct-messages", test_distinct_messages);
  g_test_add_func ("/model/cvr/complete", test_complete);

  return g_test_run ();
}
