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

/* A short session run to its end counts, whatever the goal; a short one
 * stopped does not. */
static void
test_completed (void)
{
  BbDayTotal days[] = {
    { day ("2024-01-01"), 2 * MIN_MS, 1, 1 },
    { day ("2024-01-02"), 50 * 1000, 1, 1 },   /* "Between sets", finished */
    { day ("2024-01-03"), 2 * MIN_MS, 1, 0 },
    { day ("2024-01-04"), 40 * 1000, 2, 0 },   /* stopped twice */
    { day ("2024-01-05"), 50 * 1000, 1, 1 },
  };

  g_assert_cmpuint (bb_streak_current (days, 3, day ("2024-01-03"), MIN_MS), ==, 3);
  g_assert_cmpuint (bb_streak_longest (days, 3, MIN_MS), ==, 3);
  /* Stopped short: the streak ends, but only once today is over. */
  g_assert_cmpuint (bb_streak_current (days, 4, day ("2024-01-04"), MIN_MS), ==, 3);
  g_assert_cmpuint (bb_streak_current (days, 4, day ("2024-01-05"), MIN_MS), ==, 0);
  g_assert_cmpuint (bb_streak_current (days, 5, day ("2024-01-05"), MIN_MS), ==, 1);
  g_assert_cmpuint (bb_streak_longest (days, 5, MIN_MS), ==, 3);
  /* A finished session counts even under a long goal. */
  g_assert_cmpuint (bb_streak_longest (days, 2, 10 * MIN_MS), ==, 2);
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

static void
test_weekly (void)
{
  BbDayTotal days[] = {
    { day ("2023-12-17"), 100 * MIN_MS, 1 },  /* Sunday before the range */
    { day ("2023-12-18"), 1 * MIN_MS, 1 },    /* Monday, the first week */
    { day ("2023-12-24"), 2 * MIN_MS, 1 },    /* Sunday, still the first week */
    { day ("2023-12-25"), 4 * MIN_MS, 1 },    /* Monday */
    { day ("2023-12-31"), 8 * MIN_MS, 1 },    /* Sunday, the year's last day */
    { day ("2024-01-01"), 16 * MIN_MS, 1 },   /* Monday, a new year */
    { day ("2024-01-03"), 32 * MIN_MS, 1 },   /* the last day */
    { day ("2024-01-04"), 64 * MIN_MS, 1 },   /* after it: ignored */
  };
  gint64 ms[3] = { -1, -1, -1 };
  gint64 two[2] = { -1, -1 };

  bb_stats_weekly_ms (days, G_N_ELEMENTS (days), day ("2024-01-03"), 3, ms);
  g_assert_cmpint (ms[0], ==, 3 * MIN_MS);
  g_assert_cmpint (ms[1], ==, 12 * MIN_MS);
  g_assert_cmpint (ms[2], ==, 48 * MIN_MS);

  /* The same week seen from its Sunday. */
  bb_stats_weekly_ms (days, G_N_ELEMENTS (days), day ("2024-01-07"), 2, two);
  g_assert_cmpint (two[0], ==, 12 * MIN_MS);
  g_assert_cmpint (two[1], ==, 112 * MIN_MS);

  /* From a Monday, the week under way is that day alone. */
  bb_stats_weekly_ms (days, G_N_ELEMENTS (days), day ("2024-01-01"), 2, two);
  g_assert_cmpint (two[0], ==, 12 * MIN_MS);
  g_assert_cmpint (two[1], ==, 16 * MIN_MS);

  /* ISO weeks across a year end: 2021-01-01, a Friday, belongs to the
   * week that starts on Monday 2020-12-28. */
  {
    BbDayTotal iso[] = {
      { day ("2020-12-27"), 1 * MIN_MS, 1 },
      { day ("2020-12-28"), 2 * MIN_MS, 1 },
      { day ("2021-01-01"), 4 * MIN_MS, 1 },
    };

    bb_stats_weekly_ms (iso, G_N_ELEMENTS (iso), day ("2021-01-03"), 2, two);
    g_assert_cmpint (two[0], ==, 1 * MIN_MS);
    g_assert_cmpint (two[1], ==, 6 * MIN_MS);
  }

  /* Only days far outside the range. */
  bb_stats_weekly_ms (days, G_N_ELEMENTS (days), day ("2025-06-01"), 3, ms);
  g_assert_cmpint (ms[0], ==, 0);
  g_assert_cmpint (ms[1], ==, 0);
  g_assert_cmpint (ms[2], ==, 0);

  /* Empty data. */
  ms[0] = ms[1] = ms[2] = -1;
  bb_stats_weekly_ms (NULL, 0, day ("2024-01-03"), 3, ms);
  g_assert_cmpint (ms[0], ==, 0);
  g_assert_cmpint (ms[2], ==, 0);
  bb_stats_weekly_ms (NULL, 0, day ("2024-01-03"), 0, NULL);

  /* Weeks that reach back before the first valid day. */
  {
    BbDayTotal early[] = { { 3, MIN_MS, 1 } };
    gint64 many[5];

    bb_stats_weekly_ms (early, 1, 10, G_N_ELEMENTS (many), many);
    g_assert_cmpint (many[0] + many[1] + many[2] + many[3] + many[4], ==, MIN_MS);
  }
}

/* Twelve weeks: three older ones, four "earlier", four "recent" and the
 * week under way. */
static BbTrend
trend_of (gint64 earlier,
          gint64 recent,
          gint64 current)
{
  gint64 ms[12];

  for (guint i = 0; i < 3; i++)
    ms[i] = 500 * MIN_MS;    /* too old to count */
  for (guint i = 3; i < 7; i++)
    ms[i] = earlier;
  for (guint i = 7; i < 11; i++)
    ms[i] = recent;
  ms[11] = current;

  return bb_stats_trend (ms, G_N_ELEMENTS (ms));
}

static void
test_trend (void)
{
  gint64 ten = 10 * MIN_MS;
  gint64 nine[9] = { 0, 0, 0, 0, 0, 0, 0, 0, 0 };

  /* Ten minutes a week before; 20 % either way is the band. */
  g_assert_cmpint (trend_of (ten, 12 * MIN_MS, 0), ==, BB_TREND_RISING);
  g_assert_cmpint (trend_of (ten, 12 * MIN_MS - 1, 0), ==, BB_TREND_STEADY);
  g_assert_cmpint (trend_of (ten, ten, 0), ==, BB_TREND_STEADY);
  g_assert_cmpint (trend_of (ten, 8 * MIN_MS + 1, 0), ==, BB_TREND_STEADY);
  g_assert_cmpint (trend_of (ten, 8 * MIN_MS, 0), ==, BB_TREND_FALLING);
  g_assert_cmpint (trend_of (ten, 0, 0), ==, BB_TREND_FALLING);

  /* The week under way never counts, whether empty (a Monday) or full. */
  g_assert_cmpint (trend_of (ten, ten, 0), ==, BB_TREND_STEADY);
  g_assert_cmpint (trend_of (ten, ten, 100 * MIN_MS), ==, BB_TREND_STEADY);
  g_assert_cmpint (trend_of (ten, 0, 100 * MIN_MS), ==, BB_TREND_FALLING);

  /* Ten minutes in the earlier four weeks is the least to compare with. */
  g_assert_cmpint (trend_of (ten / 4, 0, 0), ==, BB_TREND_FALLING);
  g_assert_cmpint (trend_of (ten / 4 - 1, 0, 0), ==, BB_TREND_NONE);
  g_assert_cmpint (trend_of (ten / 4 - 1, 100 * MIN_MS, 0), ==, BB_TREND_NONE);
  g_assert_cmpint (trend_of (0, 0, 0), ==, BB_TREND_NONE);

  /* Nonsense in the data does not overflow or turn the sign. */
  g_assert_cmpint (trend_of (G_MAXINT64, G_MAXINT64, 0), ==, BB_TREND_STEADY);
  g_assert_cmpint (trend_of (ten, -G_MAXINT64, 0), ==, BB_TREND_FALLING);

  /* Too few weeks; nine is enough. */
  g_assert_cmpint (bb_stats_trend (NULL, 0), ==, BB_TREND_NONE);
  g_assert_cmpint (bb_stats_trend (nine, 8), ==, BB_TREND_NONE);
  nine[0] = ten;
  g_assert_cmpint (bb_stats_trend (nine, 8), ==, BB_TREND_NONE);
  g_assert_cmpint (bb_stats_trend (nine, 9), ==, BB_TREND_FALLING);
}

/* From the days through to the trend, on a Monday with no practice yet. */
static void
test_trend_monday (void)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (BbDayTotal));
  guint32 monday = day ("2024-01-08");
  gint64 ms[12];

  /* Ten minutes every day for the eight weeks before, across the year end. */
  for (guint32 d = monday - 8 * 7; d < monday; d++)
    {
      BbDayTotal total = { d, 10 * MIN_MS, 1 };

      g_array_append_val (days, total);
    }

  bb_stats_weekly_ms ((BbDayTotal *) days->data, days->len, monday, G_N_ELEMENTS (ms), ms);
  g_assert_cmpint (ms[11], ==, 0);
  g_assert_cmpint (ms[10], ==, 70 * MIN_MS);
  g_assert_cmpint (ms[3], ==, 70 * MIN_MS);
  g_assert_cmpint (ms[2], ==, 0);
  g_assert_cmpint (bb_stats_trend (ms, G_N_ELEMENTS (ms)), ==, BB_TREND_STEADY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/streak/iso", test_iso);
  g_test_add_func ("/streak/current", test_current);
  g_test_add_func ("/streak/longest", test_longest);
  g_test_add_func ("/streak/completed", test_completed);
  g_test_add_func ("/streak/stats", test_stats);
  g_test_add_func ("/streak/weekly", test_weekly);
  g_test_add_func ("/streak/trend", test_trend);
  g_test_add_func ("/streak/trend-monday", test_trend_monday);

  return g_test_run ();
}
