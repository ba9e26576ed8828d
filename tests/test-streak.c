/* test-streak.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-streak.h"

#define MIN_MS (60 * 1000)

static guint32
day (const char *iso)
{
  guint32 julian = bb_streak_day_from_iso (iso);

  g_assert_cmpuint (julian, !=, 0);

  return julian;
}

static void
test_iso (void)
{
  g_autofree char *back = NULL;

  g_assert_cmpuint (day ("2024-02-29") + 1, ==, day ("2024-03-01"));
  g_assert_cmpuint (day ("2023-12-31") + 1, ==, day ("2024-01-01"));
  g_assert_cmpuint (day ("2023-02-28") + 1, ==, day ("2023-03-01"));

  g_assert_cmpuint (bb_streak_day_from_iso ("2023-02-29"), ==, 0);
  g_assert_cmpuint (bb_streak_day_from_iso ("2024-13-01"), ==, 0);
  g_assert_cmpuint (bb_streak_day_from_iso ("2024-2-01"), ==, 0);
  g_assert_cmpuint (bb_streak_day_from_iso ("2024-02-01x"), ==, 0);
  g_assert_cmpuint (bb_streak_day_from_iso ("20a4-02-01"), ==, 0);
  g_assert_cmpuint (bb_streak_day_from_iso ("+024-02-01"), ==, 0);
  g_assert_cmpuint (bb_streak_day_from_iso (""), ==, 0);
  g_assert_cmpuint (bb_streak_day_from_iso (NULL), ==, 0);
  g_assert_cmpuint (bb_streak_day_from_iso ("9999-12-31"), !=, 0);

  back = bb_streak_day_to_iso (day ("2024-02-29"));
  g_assert_cmpstr (back, ==, "2024-02-29");

  /* Weeks begin on Monday: 2024-03-03 is a Sunday. */
  g_assert_cmpuint (bb_streak_week_start (day ("2024-03-03")), ==, day ("2024-02-26"));
  g_assert_cmpuint (bb_streak_week_start (day ("2024-03-04")), ==, day ("2024-03-04"));
}

static void
test_current (void)
{
  BbDayTotal days[] = {
    { day ("2023-12-29"), 3 * MIN_MS, 1 },
    { day ("2023-12-30"), 2 * MIN_MS, 1 },
    { day ("2023-12-31"), 30 * 1000, 1 },    /* under the goal */
    { day ("2024-01-01"), 2 * MIN_MS, 2 },
    { day ("2024-01-02"), 1 * MIN_MS, 1 },
    { day ("2024-01-03"), 5 * MIN_MS, 1 },
  };

  /* Up to today. */
  g_assert_cmpuint (bb_streak_current (days, G_N_ELEMENTS (days), day ("2024-01-03"), MIN_MS), ==, 3);
  /* Today has no practice yet: the streak holds up to yesterday. */
  g_assert_cmpuint (bb_streak_current (days, G_N_ELEMENTS (days), day ("2024-01-04"), MIN_MS), ==, 3);
  /* A whole day missed breaks it. */
  g_assert_cmpuint (bb_streak_current (days, G_N_ELEMENTS (days), day ("2024-01-05"), MIN_MS), ==, 0);
  /* Today under the goal so far does not break it either. */
  g_assert_cmpuint (bb_streak_current (days, 5, day ("2024-01-02"), 90 * 1000), ==, 1);
  g_assert_cmpuint (bb_streak_current (days, G_N_ELEMENTS (days), day ("2024-01-03"), 90 * 1000), ==, 1);
  /* A goal of 30 s: the year end no longer breaks it. */
  g_assert_cmpuint (bb_streak_current (days, G_N_ELEMENTS (days), day ("2024-01-03"), 30 * 1000), ==, 6);
  /* Days after "today" (a clock set back) are ignored. */
  g_assert_cmpuint (bb_streak_current (days, G_N_ELEMENTS (days), day ("2024-01-01"), MIN_MS), ==, 1);
  g_assert_cmpuint (bb_streak_current (NULL, 0, day ("2024-01-01"), MIN_MS), ==, 0);
}

static void
test_longest (void)
{
  BbDayTotal leap[] = {
    { day ("2024-02-27"), MIN_MS, 1 },
    { day ("2024-02-28"), MIN_MS, 1 },
    { day ("2024-02-29"), MIN_MS, 1 },
    { day ("2024-03-01"), MIN_MS, 1 },
    { day ("2024-03-03"), MIN_MS, 1 },
    { day ("2024-03-04"), MIN_MS, 1 },
  };
  BbDayTotal plain[] = {
    { day ("2023-02-27"), MIN_MS, 1 },
    { day ("2023-02-28"), MIN_MS, 1 },
    { day ("2023-03-01"), MIN_MS, 1 },
  };

  g_assert_cmpuint (bb_streak_longest (leap, G_N_ELEMENTS (leap), MIN_MS), ==, 4);
  g_assert_cmpuint (bb_streak_longest (plain, G_N_ELEMENTS (plain), MIN_MS), ==, 3);
  g_assert_cmpuint (bb_streak_longest (leap, G_N_ELEMENTS (leap), MIN_MS + 1), ==, 0);
  g_assert_cmpuint (bb_streak_longest (NULL, 0, MIN_MS), ==, 0);
}

static void
test_stats (void)
{
  BbDayTotal days[] = {
    { day ("2024-02-25"), 10 * MIN_MS, 2 },  /* Sunday, last week */
    { day ("2024-02-26"), 2 * MIN_MS, 1 },   /* Monday */
    { day ("2024-02-28"), 4 * MIN_MS, 3 },   /* today, Wednesday */
  };
  BbStats stats = { 0 };

  stats.n_interrupted = 7;
  bb_stats_compute (days, G_N_ELEMENTS (days), day ("2024-02-28"), MIN_MS, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 6);
  g_assert_cmpint (stats.total_ms, ==, 16 * MIN_MS);
  g_assert_cmpint (stats.today_ms, ==, 4 * MIN_MS);
  g_assert_cmpint (stats.week_ms, ==, 6 * MIN_MS);
  g_assert_cmpint (stats.average_ms, ==, 16 * MIN_MS / 6);
  g_assert_cmpuint (stats.current_streak, ==, 1);
  g_assert_cmpuint (stats.longest_streak, ==, 2);
  g_assert_cmpuint (stats.n_interrupted, ==, 7);

  bb_stats_compute (NULL, 0, day ("2024-02-28"), MIN_MS, &stats);
  g_assert_cmpuint (stats.n_sessions, ==, 0);
  g_assert_cmpint (stats.average_ms, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/streak/iso", test_iso);
  g_test_add_func ("/streak/current", test_current);
  g_test_add_func ("/streak/longest", test_longest);
  g_test_add_func ("/streak/stats", test_stats);

  return g_test_run ();
}
