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

/**
 * bb_streak_current:
 * @today: the local day now
 * @goal_ms: the practice a day needs to count
 *
 * Today without enough practice yet does not break the streak: it then
 * counts up to yesterday.
 *
 * Returns: the days in a row that reach @goal_ms and end today or
 *   yesterday
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
      if (total->day == today && total->practiced_ms < goal_ms)
        {
          expected = today - 1;
          continue;
        }

      if (expected == today && total->day == today - 1)
        expected = today - 1;

      if (total->day != expected || total->practiced_ms < goal_ms)
        break;

      streak++;
      expected--;
    }

  return streak;
}

/**
 * bb_streak_longest:
 *
 * Returns: the longest run of consecutive days that reach @goal_ms
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
      if (days[i].practiced_ms < goal_ms)
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
