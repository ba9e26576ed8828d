/* test-pattern.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-pattern.h"

static void
test_valid (void)
{
  const BbPattern good[] = {
    { 4000, 0, 6000, 0 },
    { 1000, 0, 1000, 0 },
    { 30000, 30000, 30000, 30000 },
    { 4000, 2000, 6000, 2000 },
    { 1500, 250, 2750, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (bb_pattern_validate (&good[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_invalid (void)
{
  const struct {
    BbPattern pattern;
    BbPatternError code;
    const char *words;
  } bad[] = {
    { { 0, 0, 6000, 0 }, BB_PATTERN_ERROR_INHALE, "in-breath is 0 s" },
    { { 999, 0, 6000, 0 }, BB_PATTERN_ERROR_INHALE, "in-breath is 0.999 s" },
    { { 30001, 0, 6000, 0 }, BB_PATTERN_ERROR_INHALE, "in-breath is 30.001 s" },
    { { G_MAXUINT, 0, 6000, 0 }, BB_PATTERN_ERROR_INHALE, "in-breath" },
    { { 4000, 30001, 6000, 0 }, BB_PATTERN_ERROR_HOLD_IN, "hold after breathing in" },
    { { 4000, G_MAXUINT, 6000, 0 }, BB_PATTERN_ERROR_HOLD_IN, "hold after breathing in" },
    { { 4000, 0, 0, 0 }, BB_PATTERN_ERROR_EXHALE, "out-breath is 0 s" },
    { { 4000, 0, 500, 0 }, BB_PATTERN_ERROR_EXHALE, "out-breath is 0.500 s" },
    { { 4000, 0, 31000, 0 }, BB_PATTERN_ERROR_EXHALE, "out-breath is 31 s" },
    { { 4000, 0, 6000, 30001 }, BB_PATTERN_ERROR_HOLD_OUT, "rest after breathing out" },
    { { 4000, 0, 6000, 60000 }, BB_PATTERN_ERROR_HOLD_OUT, "rest after breathing out is 60 s" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bb_pattern_validate (&bad[i].pattern, &error));
      g_assert_error (error, BB_PATTERN_ERROR, (int) bad[i].code);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i].words));
      /* Every message names the allowed range. */
      g_assert_nonnull (strstr (error->message, "between"));
      g_assert_nonnull (strstr (error->message, "30 seconds"));
    }
}

static void
test_phases (void)
{
  BbPattern plain = { 4000, 0, 6000, 0 };
  BbPattern holds = { 4000, 1000, 6000, 2000 };
  g_autoptr(BbPattern) copy = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (bb_pattern_get_cycle_ms (&plain), ==, 10000);
  g_assert_cmpuint (bb_pattern_get_cycle_ms (&holds), ==, 13000);

  g_assert_cmpint (bb_pattern_next_phase (&plain, BB_PHASE_NONE), ==, BB_PHASE_INHALE);
  g_assert_cmpint (bb_pattern_next_phase (&plain, BB_PHASE_INHALE), ==, BB_PHASE_EXHALE);
  g_assert_cmpint (bb_pattern_next_phase (&plain, BB_PHASE_EXHALE), ==, BB_PHASE_NONE);
  g_assert_cmpint (bb_pattern_next_phase (&holds, BB_PHASE_INHALE), ==, BB_PHASE_HOLD_IN);
  g_assert_cmpint (bb_pattern_next_phase (&holds, BB_PHASE_EXHALE), ==, BB_PHASE_HOLD_OUT);
  g_assert_cmpint (bb_pattern_get_phase_ms (&holds, BB_PHASE_HOLD_OUT), ==, 2000);
  g_assert_cmpint (bb_pattern_get_phase_ms (&holds, BB_PHASE_NONE), ==, 0);

  copy = bb_pattern_copy (&holds);
  g_assert_true (bb_pattern_equal (copy, &holds));
  g_assert_false (bb_pattern_equal (copy, &plain));

  text = bb_pattern_to_string (&holds);
  g_assert_cmpstr (text, ==, "4 s in · 1 s hold · 6 s out · 2 s rest");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pattern/valid", test_valid);
  g_test_add_func ("/pattern/invalid", test_invalid);
  g_test_add_func ("/pattern/phases", test_phases);

  return g_test_run ();
}
