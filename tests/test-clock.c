/* test-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-fake-clock.h"
#include "bb-system-clock.h"

typedef struct
{
  GArray *fired;  /* int tags, in firing order */
  GArray *times;  /* gint64 monotonic time at firing */
} Log;

static void
log_cb (BbClock  *clock,
        gpointer  user_data)
{
  Log *log = g_object_get_data (G_OBJECT (clock), "log");
  int tag = GPOINTER_TO_INT (user_data);
  gint64 now = bb_clock_get_monotonic_time (clock);

  g_array_append_val (log->fired, tag);
  g_array_append_val (log->times, now);
}

static Log *
log_new (BbClock *clock)
{
  Log *log = g_new0 (Log, 1);

  log->fired = g_array_new (FALSE, FALSE, sizeof (int));
  log->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_object_set_data (G_OBJECT (clock), "log", log);

  return log;
}

static void
log_free (Log *log)
{
  g_array_unref (log->fired);
  g_array_unref (log->times);
  g_free (log);
}

static void
test_fake_order (void)
{
  BbClock *clock = bb_fake_clock_new (1000, 5000000);
  Log *log = log_new (clock);

  bb_clock_add_timeout_at (clock, 3000, log_cb, GINT_TO_POINTER (3), NULL);
  bb_clock_add_timeout_at (clock, 2000, log_cb, GINT_TO_POINTER (2), NULL);
  bb_clock_add_timeout_at (clock, 2000, log_cb, GINT_TO_POINTER (22), NULL);
  bb_clock_add_timeout_at (clock, 9000, log_cb, GINT_TO_POINTER (9), NULL);

  bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 2500);

  g_assert_cmpuint (log->fired->len, ==, 3);
  g_assert_cmpint (g_array_index (log->fired, int, 0), ==, 2);
  g_assert_cmpint (g_array_index (log->fired, int, 1), ==, 22);
  g_assert_cmpint (g_array_index (log->fired, int, 2), ==, 3);
  /* Each fires with the clock at its deadline. */
  g_assert_cmpint (g_array_index (log->times, gint64, 0), ==, 2000);
  g_assert_cmpint (g_array_index (log->times, gint64, 2), ==, 3000);
  g_assert_cmpint (bb_clock_get_monotonic_time (clock), ==, 3500);
  g_assert_cmpint (bb_clock_get_real_time (clock), ==, 5002500);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (BB_FAKE_CLOCK (clock)), ==, 1);

  log_free (log);
  g_assert_finalize_object (clock);
}

static void
test_fake_remove (void)
{
  BbClock *clock = bb_fake_clock_new (0, 0);
  Log *log = log_new (clock);
  guint id;

  id = bb_clock_add_timeout_at (clock, 10, log_cb, GINT_TO_POINTER (1), NULL);
  bb_clock_add_timeout_at (clock, 20, log_cb, GINT_TO_POINTER (2), NULL);
  bb_clock_remove_timeout (clock, id);
  bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 100);

  g_assert_cmpuint (log->fired->len, ==, 1);
  g_assert_cmpint (g_array_index (log->fired, int, 0), ==, 2);

  log_free (log);
  g_assert_finalize_object (clock);
}

static void
chain_cb (BbClock  *clock,
          gpointer  user_data)
{
  int *count = user_data;

  (*count)++;
  if (*count < 5)
    bb_clock_add_timeout_at (clock, bb_clock_get_monotonic_time (clock) + 10, chain_cb, count, NULL);
}

static void
test_fake_chain (void)
{
  BbClock *clock = bb_fake_clock_new (0, 0);
  int count = 0;

  /* Timeouts added by callbacks fire within the same advance. */
  bb_clock_add_timeout_at (clock, 10, chain_cb, &count, NULL);
  bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 45);
  g_assert_cmpint (count, ==, 4);
  bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 5);
  g_assert_cmpint (count, ==, 5);

  g_assert_finalize_object (clock);
}

static void
test_fake_jump_dispatch (void)
{
  BbClock *clock = bb_fake_clock_new (0, 0);
  Log *log = log_new (clock);

  bb_clock_add_timeout_at (clock, 10, log_cb, GINT_TO_POINTER (1), NULL);
  bb_clock_add_timeout_at (clock, 20, log_cb, GINT_TO_POINTER (2), NULL);
  bb_fake_clock_jump (BB_FAKE_CLOCK (clock), 30);
  g_assert_cmpuint (log->fired->len, ==, 0);

  g_assert_cmpuint (bb_fake_clock_dispatch (BB_FAKE_CLOCK (clock)), ==, 2);
  /* Late: both see the time after the jump. */
  g_assert_cmpint (g_array_index (log->times, gint64, 0), ==, 30);
  g_assert_cmpint (g_array_index (log->fired, int, 1), ==, 2);

  bb_fake_clock_jump_real (BB_FAKE_CLOCK (clock), -G_GINT64_CONSTANT (3600000000));
  g_assert_cmpint (bb_clock_get_real_time (clock), ==, 30 - G_GINT64_CONSTANT (3600000000));
  g_assert_cmpint (bb_clock_get_monotonic_time (clock), ==, 30);

  log_free (log);
  g_assert_finalize_object (clock);
}

static void
count_destroy (gpointer data)
{
  (*(int *) data)++;
}

static void
test_fake_destroy_notify (void)
{
  BbClock *clock = bb_fake_clock_new (0, 0);
  Log *log = log_new (clock);
  int destroyed = 0;
  guint id;

  /* Fired, removed and pending timeouts each release their data once. */
  bb_clock_add_timeout_at (clock, 10, log_cb, &destroyed, count_destroy);
  id = bb_clock_add_timeout_at (clock, 10, log_cb, &destroyed, count_destroy);
  bb_clock_remove_timeout (clock, id);
  g_assert_cmpint (destroyed, ==, 1);
  bb_clock_add_timeout_at (clock, 50, log_cb, &destroyed, count_destroy);
  bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 20);
  g_assert_cmpuint (log->fired->len, ==, 1);
  g_assert_cmpint (destroyed, ==, 2);
  log_free (log);
  g_object_set_data (G_OBJECT (clock), "log", NULL);
  g_assert_finalize_object (clock);
  g_assert_cmpint (destroyed, ==, 3);
}

static void
wall_log_cb (BbClock  *clock,
             gpointer  user_data)
{
  Log *log = g_object_get_data (G_OBJECT (clock), "log");
  int tag = GPOINTER_TO_INT (user_data);
  gint64 now = bb_clock_get_real_time (clock);

  g_array_append_val (log->fired, tag);
  g_array_append_val (log->times, now);
}

static void
changed_cb (BbClock  *clock,
            gpointer  user_data)
{
  Log *log = g_object_get_data (G_OBJECT (clock), "log");
  int tag = 0;
  gint64 now = bb_clock_get_real_time (clock);

  /* Tag 0 marks the signal among the timeouts. */
  g_array_append_val (log->fired, tag);
  g_array_append_val (log->times, now);
}

static void
test_fake_wall_advance (void)
{
  BbClock *clock = bb_fake_clock_new (1000, 5000000);
  Log *log = log_new (clock);
  gint64 deadline;

  /* Both kinds fire in the order of their deadlines as time passes. */
  bb_clock_add_wall_timeout_at (clock, 5003000, wall_log_cb, GINT_TO_POINTER (3), NULL);
  bb_clock_add_timeout_at (clock, 3000, log_cb, GINT_TO_POINTER (2), NULL);
  bb_clock_add_wall_timeout_at (clock, 5000500, wall_log_cb, GINT_TO_POINTER (1), NULL);
  bb_clock_add_wall_timeout_at (clock, 5009000, wall_log_cb, GINT_TO_POINTER (9), NULL);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (BB_FAKE_CLOCK (clock)), ==, 4);

  bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 4000);

  g_assert_cmpuint (log->fired->len, ==, 3);
  g_assert_cmpint (g_array_index (log->fired, int, 0), ==, 1);
  g_assert_cmpint (g_array_index (log->times, gint64, 0), ==, 5000500);
  g_assert_cmpint (g_array_index (log->fired, int, 1), ==, 2);
  g_assert_cmpint (g_array_index (log->fired, int, 2), ==, 3);
  g_assert_cmpint (g_array_index (log->times, gint64, 2), ==, 5003000);
  g_assert_cmpint (bb_clock_get_monotonic_time (clock), ==, 5000);
  g_assert_cmpint (bb_clock_get_real_time (clock), ==, 5004000);
  g_assert_true (bb_fake_clock_get_next_wall_deadline (BB_FAKE_CLOCK (clock), &deadline));
  g_assert_cmpint (deadline, ==, 5009000);
  g_assert_false (bb_fake_clock_get_next_deadline (BB_FAKE_CLOCK (clock), NULL));

  log_free (log);
  g_assert_finalize_object (clock);
}

static void
test_fake_wall_jump (void)
{
  BbClock *clock = bb_fake_clock_new (0, 10000000);
  Log *log = log_new (clock);
  guint id;

  g_signal_connect (clock, "wall-clock-changed", G_CALLBACK (changed_cb), NULL);

  bb_clock_add_wall_timeout_at (clock, 10002000, wall_log_cb, GINT_TO_POINTER (2), NULL);
  bb_clock_add_wall_timeout_at (clock, 10001000, wall_log_cb, GINT_TO_POINTER (1), NULL);
  id = bb_clock_add_wall_timeout_at (clock, 10001500, wall_log_cb, GINT_TO_POINTER (15), NULL);
  bb_clock_add_wall_timeout_at (clock, 10009000, wall_log_cb, GINT_TO_POINTER (9), NULL);
  bb_clock_add_timeout_at (clock, 100, log_cb, GINT_TO_POINTER (100), NULL);
  bb_clock_remove_timeout (clock, id);

  /* Set back: the signal, nothing fires, the monotonic clock stays. */
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (clock), -5000);
  g_assert_cmpuint (log->fired->len, ==, 1);
  g_assert_cmpint (g_array_index (log->fired, int, 0), ==, 0);
  g_assert_cmpint (bb_clock_get_monotonic_time (clock), ==, 0);

  /* Set forward past two deadlines: the signal first, then both, late,
   * in order; the monotonic timeout is not due. */
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (clock), 8000);
  g_assert_cmpuint (log->fired->len, ==, 4);
  g_assert_cmpint (g_array_index (log->fired, int, 1), ==, 0);
  g_assert_cmpint (g_array_index (log->fired, int, 2), ==, 1);
  g_assert_cmpint (g_array_index (log->fired, int, 3), ==, 2);
  g_assert_cmpint (g_array_index (log->times, gint64, 3), ==, 10003000);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (BB_FAKE_CLOCK (clock)), ==, 2);

  /* A wall timeout added in the past fires at the next dispatch. */
  bb_clock_add_wall_timeout_at (clock, 0, wall_log_cb, GINT_TO_POINTER (5), NULL);
  g_assert_cmpuint (bb_fake_clock_dispatch (BB_FAKE_CLOCK (clock)), ==, 1);
  g_assert_cmpint (g_array_index (log->fired, int, 4), ==, 5);

  log_free (log);
  g_object_set_data (G_OBJECT (clock), "log", NULL);
  g_assert_finalize_object (clock);
}

typedef struct
{
  GMainLoop *loop;
  gint64     deadline;
  gint64     fired_at;
} SystemData;

static void
system_cb (BbClock  *clock,
           gpointer  user_data)
{
  SystemData *data = user_data;

  data->fired_at = g_get_monotonic_time ();
  g_main_loop_quit (data->loop);
}

static void
test_system_timeout (void)
{
  BbClock *clock = bb_system_clock_new ();
  SystemData data = { 0 };
  gint64 now = bb_clock_get_monotonic_time (clock);
  guint id;

  g_assert_cmpint (ABS (now - g_get_monotonic_time ()), <, G_USEC_PER_SEC);
  g_assert_cmpint (ABS (bb_clock_get_real_time (clock) - g_get_real_time ()), <, G_USEC_PER_SEC);

  data.loop = g_main_loop_new (NULL, FALSE);
  data.deadline = now + 20000;

  /* A removed timeout never fires; the other fires at or after its deadline. */
  id = bb_clock_add_timeout_at (clock, now + 5000, system_cb, &data, NULL);
  bb_clock_remove_timeout (clock, id);
  bb_clock_add_timeout_at (clock, data.deadline, system_cb, &data, NULL);
  g_main_loop_run (data.loop);

  g_assert_cmpint (data.fired_at, >=, data.deadline);

  g_main_loop_unref (data.loop);
  g_assert_finalize_object (clock);
}

static void
test_system_wall_timeout (void)
{
  BbClock *clock = bb_system_clock_new ();
  SystemData data = { 0 };
  gint64 real_now = bb_clock_get_real_time (clock);
  gint64 fired_real;
  guint id;

  data.loop = g_main_loop_new (NULL, FALSE);
  data.deadline = g_get_monotonic_time () + 20000;

  /* A removed one never fires; the other fires once the real time
   * reaches its deadline, through the CLOCK_REALTIME timerfd. Setting the
   * system clock is not possible here: what a scheduler does on
   * wall-clock-changed is tested with the fake clock. */
  id = bb_clock_add_wall_timeout_at (clock, real_now + 5000, system_cb, &data, NULL);
  bb_clock_remove_timeout (clock, id);
  bb_clock_add_wall_timeout_at (clock, real_now + 20000, system_cb, &data, NULL);
  g_main_loop_run (data.loop);
  fired_real = g_get_real_time ();

  g_assert_cmpint (fired_real, >=, real_now + 20000);
  g_assert_cmpint (fired_real, <, real_now + 20000 + G_USEC_PER_SEC);

  /* A deadline in the past fires at once. */
  bb_clock_add_wall_timeout_at (clock, real_now - G_USEC_PER_SEC, system_cb, &data, NULL);
  g_main_loop_run (data.loop);

  g_main_loop_unref (data.loop);
  g_assert_finalize_object (clock);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/fake/order", test_fake_order);
  g_test_add_func ("/clock/fake/remove", test_fake_remove);
  g_test_add_func ("/clock/fake/chain", test_fake_chain);
  g_test_add_func ("/clock/fake/jump-dispatch", test_fake_jump_dispatch);
  g_test_add_func ("/clock/fake/destroy-notify", test_fake_destroy_notify);
  g_test_add_func ("/clock/fake/wall-advance", test_fake_wall_advance);
  g_test_add_func ("/clock/fake/wall-jump", test_fake_wall_jump);
  g_test_add_func ("/clock/system/timeout", test_system_timeout);
  g_test_add_func ("/clock/system/wall-timeout", test_system_wall_timeout);

  return g_test_run ();
}
