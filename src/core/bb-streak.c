/* bb-streak.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bb-streak.h"

/*
 * Pure date arithmetic over local calendar days, for streaks and totals.
 * Every function takes the days in ascending order, at most one entry a
 * day, and knows nothing of clocks or time zones: "today" is an argument.
 */

/**
 * bb_streak_day_from_iso:
 * @iso_date: a date as "YYYY-MM-DD"
 *
 * Returns: the #GDate Julian day number, or 0 if @iso_date is not a valid
 *   date in exactly that form
 */
guint32
bb_streak_day_from_iso (const char *iso_date)
{
  guint year, month, day;
  GDate date;

  if (iso_date == NULL || strlen (iso_date) != 10 ||
      iso_date[4] != '-' || iso_date[7] != '-')
    return 0;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
      return 0;

  if (sscanf (iso_date, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

/**
 * bb_streak_day_to_iso:
 * @day: a valid #GDate Julian day number
 *
 * Returns: (transfer full): the day as "YYYY-MM-DD"
 */
char *
bb_streak_day_to_iso (guint32 day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date));
}

/**
 * bb_streak_week_start:
 *
 * Returns: the Monday of @day's week
 */
guint32
bb_streak_week_start (guint32 day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), day);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  return day - (g_date_get_weekday (&date) - G_DATE_MONDAY);
}

/* A day counts for a streak when its practice reaches the goal, or when
 * a session ran to its end: a short session finished is a day practised,
 * whatever the goal. */
static gboolean
day_counts (const BbDayTotal *total,
            gint64            goal_ms)
{
  return total->practiced_ms >= goal_ms || total->n_completed > 0;
}

/**
 * bb_streak_current:
 * @today: the local day now
 * @goal_ms: the practice a day needs to count
 *
 * Today without enough practice yet does not break the streak: it then
 * counts up to yesterday.
 *
 * Returns: the days in a row that reach @goal_ms (or finished a
 *   session) and end today or yesterday
 */
guint
bb_streak_current (const BbDayTotal *days,
                   guint             n_days,
                   guint32           today,
                   gint64            goal_ms)
{
  guint32 expected = today;
  guint streak = 0;

  g_return_val_if_fail (days != NULL || n_days == 0, 0);

  for (guint i = n_days; i > 0; i--)
    {
      const BbDayTotal *total = &days[i - 1];

      if (total->day > today)
        continue;

      /* Today may still be under way. */
      if (total->day == today && !day_counts (total, goal_ms))
        {
          expected = today - 1;
          continue;
        }

      if (expected == today && total->day == today - 1)
        expected = today - 1;

      if (total->day != expected || !day_counts (total, goal_ms))
        break;

      streak++;
      expected--;
    }

  return streak;
}

/**
 * bb_streak_longest:
 *
 * Returns: the longest run of consecutive days that reach @goal_ms (or
 *   finished a session)
 */
guint
bb_streak_longest (const BbDayTotal *days,
                   guint             n_days,
                   gint64            goal_ms)
{
  guint longest = 0;
  guint run = 0;
  guint32 previous = 0;

  g_return_val_if_fail (days != NULL || n_days == 0, 0);

  for (guint i = 0; i < n_days; i++)
    {
      if (!day_counts (&days[i], goal_ms))
        {
          run = 0;
          continue;
        }

      run = (run > 0 && days[i].day == previous + 1) ? run + 1 : 1;
      previous = days[i].day;
      longest = MAX (longest, run);
    }

  return longest;
}

/**
 * bb_stats_compute:
 * @days: (array length=n_days): the days with practice, ascending
 * @today: the local day now
 * @goal_ms: the daily goal for streaks
 * @stats: (out caller-allocates): the figures; @n_interrupted is left as
 *   it was, since days do not know it
 */
void
bb_stats_compute (const BbDayTotal *days,
                  guint             n_days,
                  guint32           today,
                  gint64            goal_ms,
                  BbStats          *stats)
{
  guint32 week_start = bb_streak_week_start (today);

  g_return_if_fail (days != NULL || n_days == 0);
  g_return_if_fail (stats != NULL);

  stats->n_sessions = 0;
  stats->total_ms = 0;
  stats->today_ms = 0;
  stats->week_ms = 0;

  for (guint i = 0; i < n_days; i++)
    {
      stats->n_sessions += days[i].n_sessions;
      stats->total_ms += days[i].practiced_ms;
      if (days[i].day == today)
        stats->today_ms += days[i].practiced_ms;
      if (days[i].day >= week_start && days[i].day <= today)
        stats->week_ms += days[i].practiced_ms;
    }

  stats->average_ms = stats->n_sessions > 0 ? stats->total_ms / stats->n_sessions : 0;
  stats->current_streak = bb_streak_current (days, n_days, today, goal_ms);
  stats->longest_streak = bb_streak_longest (days, n_days, goal_ms);
}

/**
 * bb_stats_weekly_ms:
 * @days: (array length=n_days): the days with practice, ascending
 * @last_day: the local day now
 * @n_weeks: how many weeks to total
 * @ms: (out caller-allocates) (array length=n_weeks): the totals
 *
 * Fills @ms with the practice of each week, Monday to Sunday, oldest
 * first; the last entry is the week that contains @last_day, so it is
 * usually still under way. Days before the first week and after
 * @last_day are left out.
 */
void
bb_stats_weekly_ms (const BbDayTotal *days,
                    guint             n_days,
                    guint32           last_day,
                    guint             n_weeks,
                    gint64           *ms)
{
  gint64 first;

  g_return_if_fail (days != NULL || n_days == 0);
  g_return_if_fail (ms != NULL || n_weeks == 0);
  g_return_if_fail (g_date_valid_julian (last_day));

  if (n_weeks == 0)
    return;

  memset (ms, 0, n_weeks * sizeof *ms);

  /* Signed: the first Monday may lie before the first valid day. */
  first = (gint64) bb_streak_week_start (last_day) - 7 * ((gint64) n_weeks - 1);

  for (guint i = 0; i < n_days; i++)
    {
      if ((gint64) days[i].day < first || days[i].day > last_day)
        continue;

      ms[(days[i].day - first) / 7] += days[i].practiced_ms;
    }
}

/* The weeks each side of the comparison. */
#define TREND_WINDOW 4
/* Less than this in the earlier window gives nothing to compare with. */
#define TREND_MIN_BASE_MS G_GINT64_CONSTANT (10 * 60 * 1000)
#define MS_PER_WEEK G_GINT64_CONSTANT (7 * 24 * 60 * 60 * 1000)

static gint64
window_sum (const gint64 *ms)
{
  gint64 sum = 0;

  /* No week holds more than a week; this also keeps the products in
   * bb_stats_trend() far from overflowing. */
  for (guint i = 0; i < TREND_WINDOW; i++)
    sum += CLAMP (ms[i], 0, MS_PER_WEEK);

  return sum;
}

/**
 * bb_stats_trend:
 * @ms: (array length=n_weeks): practice per week, oldest first, the last
 *   entry being the week under way, as bb_stats_weekly_ms() gives it
 * @n_weeks: the number of weeks, at least %BB_TREND_MIN_WEEKS to tell
 *   anything
 *
 * Compares the mean of the four most recent complete weeks (the "recent"
 * window, the four entries before the last) with the mean of the four
 * weeks before those (the "earlier" window). The last entry, the week
 * under way, never counts: a Monday with no practice yet must not read
 * as a fall, and a week is only judged once it is over.
 *
 * - %BB_TREND_NONE when there are fewer than %BB_TREND_MIN_WEEKS weeks,
 *   or when the earlier window holds less than ten minutes in all, so a
 *   new start (or a return after a long pause) is not measured against
 *   next to nothing;
 * - %BB_TREND_RISING when recent ≥ earlier × 1.2;
 * - %BB_TREND_FALLING when recent ≤ earlier × 0.8;
 * - %BB_TREND_STEADY in between, within 20 % either way.
 *
 * Returns: the trend
 */
BbTrend
bb_stats_trend (const gint64 *ms,
                guint         n_weeks)
{
  gint64 recent, earlier;

  g_return_val_if_fail (ms != NULL || n_weeks == 0, BB_TREND_NONE);

  if (n_weeks < BB_TREND_MIN_WEEKS)
    return BB_TREND_NONE;

  recent = window_sum (ms + n_weeks - 1 - TREND_WINDOW);
  earlier = window_sum (ms + n_weeks - 1 - 2 * TREND_WINDOW);

  if (earlier < TREND_MIN_BASE_MS)
    return BB_TREND_NONE;

  /* Both windows are the same length, so the sums compare as the means
   * do; in whole numbers, so the bounds are exact. */
  if (recent * 5 >= earlier * 6)
    return BB_TREND_RISING;
  if (recent * 5 <= earlier * 4)
    return BB_TREND_FALLING;

  return BB_TREND_STEADY;
}
