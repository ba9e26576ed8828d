/* bb-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-clock.h"
#include "bb-system-clock.h"

/*
 * BbClock is the app's only source of time. Everything that schedules
 * (the session, reminders) asks a clock, so tests can swap in a
 * BbFakeClock and step through minutes of practice in microseconds.
 *
 * Times are in microseconds: monotonic time for scheduling, real (wall)
 * time for what is shown and stored.
 *
 * Wall-clock timeouts are for what is due at a time of day, such as a
 * reminder: they fire when the real time reaches their deadline, however
 * the wall clock got there (time passing, the clock being set, the machine
 * resuming). #BbClock::wall-clock-changed tells schedulers to look again
 * when the wall clock moved by other means than time passing.
 */

G_DEFINE_ABSTRACT_TYPE (BbClock, bb_clock, G_TYPE_OBJECT)

enum {
  WALL_CLOCK_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bb_clock_class_init (BbClockClass *klass)
{
  /**
   * BbClock::wall-clock-changed:
   *
   * The wall clock was set or jumped (by the user, NTP, a time zone
   * database that moved the real time), or the machine resumed from
   * sleep, where the clock can tell. Wall-clock timeouts still fire at
   * their real deadline; this is for schedulers whose deadlines depend
   * on the real time they were computed at.
   */
  signals[WALL_CLOCK_CHANGED] =
    g_signal_new ("wall-clock-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
bb_clock_init (BbClock *self)
{
}

/**
 * bb_clock_get_monotonic_time:
 *
 * Returns: the monotonic time in microseconds
 */
gint64
bb_clock_get_monotonic_time (BbClock *self)
{
  g_return_val_if_fail (BB_IS_CLOCK (self), 0);

  return BB_CLOCK_GET_CLASS (self)->get_monotonic_time (self);
}

/**
 * bb_clock_get_real_time:
 *
 * Returns: the wall-clock time in microseconds since the Unix epoch
 */
gint64
bb_clock_get_real_time (BbClock *self)
{
  g_return_val_if_fail (BB_IS_CLOCK (self), 0);

  return BB_CLOCK_GET_CLASS (self)->get_real_time (self);
}

/**
 * bb_clock_add_timeout_at:
 * @deadline: monotonic time, in microseconds, at which @func runs
 *
 * Adds a one-shot timeout. A deadline in the past fires as soon as the
 * clock can dispatch.
 *
 * Returns: an id for bb_clock_remove_timeout(), never 0
 */
guint
bb_clock_add_timeout_at (BbClock        *self,
                         gint64          deadline,
                         BbClockFunc     func,
                         gpointer        user_data,
                         GDestroyNotify  notify)
{
  g_return_val_if_fail (BB_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  return BB_CLOCK_GET_CLASS (self)->add_timeout_at (self, deadline, func, user_data, notify);
}

/**
 * bb_clock_remove_timeout:
 * @id: an id from bb_clock_add_timeout_at() that has not fired yet
 */
void
bb_clock_remove_timeout (BbClock *self,
                         guint    id)
{
  g_return_if_fail (BB_IS_CLOCK (self));
  g_return_if_fail (id != 0);

  BB_CLOCK_GET_CLASS (self)->remove_timeout (self, id);
}

/**
 * bb_clock_add_wall_timeout_at:
 * @real_deadline_us: real time, microseconds since the Unix epoch, at
 *   which @func runs
 *
 * Adds a one-shot timeout on the wall clock. It fires when the real time
 * reaches @real_deadline_us: later if the clock is set back, at once if it
 * is set forward past the deadline or the machine resumes after it. A
 * deadline in the past fires as soon as the clock can dispatch. Remove it
 * with bb_clock_remove_timeout().
 *
 * Returns: an id for bb_clock_remove_timeout(), never 0
 */
guint
bb_clock_add_wall_timeout_at (BbClock        *self,
                              gint64          real_deadline_us,
                              BbClockFunc     func,
                              gpointer        user_data,
                              GDestroyNotify  notify)
{
  g_return_val_if_fail (BB_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);
  g_return_val_if_fail (BB_CLOCK_GET_CLASS (self)->add_wall_timeout_at != NULL, 0);

  return BB_CLOCK_GET_CLASS (self)->add_wall_timeout_at (self, real_deadline_us,
                                                         func, user_data, notify);
}

/**
 * bb_clock_emit_wall_clock_changed:
 *
 * Emits #BbClock::wall-clock-changed. For clock implementations only.
 */
void
bb_clock_emit_wall_clock_changed (BbClock *self)
{
  g_return_if_fail (BB_IS_CLOCK (self));

  g_signal_emit (self, signals[WALL_CLOCK_CHANGED], 0);
}

/**
 * bb_clock_get_default:
 *
 * Returns: (transfer none): the process-wide system clock
 */
BbClock *
bb_clock_get_default (void)
{
  static BbClock *clock;

  if (g_once_init_enter (&clock))
    g_once_init_leave (&clock, bb_system_clock_new ());

  return clock;
}
