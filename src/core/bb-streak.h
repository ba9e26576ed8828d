/* bb-streak.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BbDayTotal:
 * @day: a local calendar day, as a #GDate Julian day number
 * @practiced_ms: active practice that day, in milliseconds
 * @n_sessions: sessions that day
 *
 * The practice of one local calendar day. Days are the dates stored with
 * each session, so travel and daylight saving time never move a session
 * to another day.
 */
typedef struct
{
  guint32 day;
  gint64  practiced_ms;
  guint   n_sessions;
  guint   n_completed;
} BbDayTotal;

/**
 * BbStats:
 * @n_sessions: sessions recorded
 * @n_interrupted: sessions cut short by a crash or a killed app
 * @total_ms: all practice
 * @today_ms: practice today
 * @week_ms: practice this week, from Monday
 * @average_ms: practice per session
 * @current_streak: days in a row up to today (or yesterday, while today
 *   has no practice yet) that reach the daily goal
 * @longest_streak: the longest such run ever
 */
typedef struct
{
  guint  n_sessions;
  guint  n_interrupted;
  gint64 total_ms;
  gint64 today_ms;
  gint64 week_ms;
  gint64 average_ms;
  guint  current_streak;
  guint  longest_streak;
} BbStats;

/**
 * BbTrend:
 * @BB_TREND_NONE: too little practice to tell
 * @BB_TREND_RISING: more practice lately than before
 * @BB_TREND_STEADY: about as much as before
 * @BB_TREND_FALLING: less practice lately than before
 *
 * Where weekly practice is heading; see bb_stats_trend().
 */
typedef enum
{
  BB_TREND_NONE,
  BB_TREND_RISING,
  BB_TREND_STEADY,
  BB_TREND_FALLING,
} BbTrend;

/* The weeks bb_stats_trend() needs: two windows of four complete weeks,
 * and the week under way. */
#define BB_TREND_MIN_WEEKS 9

guint32  bb_streak_day_from_iso     (const char       *iso_date);
char    *bb_streak_day_to_iso       (guint32           day);
guint32  bb_streak_week_start       (guint32           day);
guint    bb_streak_current          (const BbDayTotal *days,
                                     guint             n_days,
                                     guint32           today,
                                     gint64            goal_ms);
guint    bb_streak_longest          (const BbDayTotal *days,
                                     guint             n_days,
                                     gint64            goal_ms);
void     bb_stats_compute           (const BbDayTotal *days,
                                     guint             n_days,
                                     guint32           today,
                                     gint64            goal_ms,
                                     BbStats          *stats);
void     bb_stats_weekly_ms         (const BbDayTotal *days,
                                     guint             n_days,
                                     guint32           last_day,
                                     guint             n_weeks,
                                     gint64           *ms);
BbTrend  bb_stats_trend             (const gint64     *ms,
                                     guint             n_weeks);

G_END_DECLS
