/* test-away-monitor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-away-monitor-private.h"
#include "bb-fake-clock.h"

#define SEC G_GINT64_CONSTANT (1000000)
#define MINUTE (60 * SEC)

static void
test_span_single (void)
{
  BbAwaySpan span = { 0 };
  gint64 from = -1, to = -1;

  g_assert_true (bb_away_span_begin (&span, BB_AWAY_SCREEN_SAVER, 100 * SEC));
  g_assert_false (bb_away_span_end (&span, BB_AWAY_IDLE, 150 * SEC, &from, &to));
  g_assert_cmpint (from, ==, -1);
  g_assert_true (bb_away_span_end (&span, BB_AWAY_SCREEN_SAVER, 200 * SEC, &from, &to));
  g_assert_cmpint (from, ==, 100 * SEC);
  g_assert_cmpint (to, ==, 200 * SEC);
  g_assert_cmpuint (span.reasons, ==, 0);

  /* Ending it again is not a second period. */
  g_assert_false (bb_away_span_end (&span, BB_AWAY_SCREEN_SAVER, 300 * SEC, &from, &to));
}

/* Idle from 10:00 (the watch fired at 10:05 for a 5 minute threshold),
 * locked 10:06 to 10:20, asleep 10:07 to 10:19: one period 10:00-10:20. */
static void
test_span_overlap (void)
{
  BbAwaySpan span = { 0 };
  gint64 from = 0, to = 0;

  g_assert_true (bb_away_span_begin (&span, BB_AWAY_IDLE, 0));
  g_assert_false (bb_away_span_begin (&span, BB_AWAY_SESSION_LOCK, 6 * MINUTE));
  g_assert_false (bb_away_span_begin (&span, BB_AWAY_SLEEP, 7 * MINUTE));
  g_assert_false (bb_away_span_end (&span, BB_AWAY_SLEEP, 19 * MINUTE, &from, &to));
  g_assert_false (bb_away_span_end (&span, BB_AWAY_IDLE, 19 * MINUTE, &from, &to));
  g_assert_cmpuint (span.reasons, ==, BB_AWAY_SESSION_LOCK);
  g_assert_true (bb_away_span_end (&span, BB_AWAY_SESSION_LOCK, 20 * MINUTE, &from, &to));
  g_assert_cmpint (from, ==, 0);
  g_assert_cmpint (to, ==, 20 * MINUTE);
}

/* A reason that starts before the period did (a sleep measured after the
 * resume) moves its start back; a later start never moves it forward. */
static void
test_span_earlier_start (void)
{
  BbAwaySpan span = { 0 };
  gint64 from = 0, to = 0;

  bb_away_span_begin (&span, BB_AWAY_SLEEP, 50 * MINUTE);
  bb_away_span_begin (&span, BB_AWAY_SLEEP, 20 * MINUTE);
  bb_away_span_begin (&span, BB_AWAY_SCREEN_SAVER, 30 * MINUTE);
  bb_away_span_end (&span, BB_AWAY_SLEEP, 51 * MINUTE, &from, &to);
  g_assert_true (bb_away_span_end (&span, BB_AWAY_SCREEN_SAVER, 52 * MINUTE, &from, &to));
  g_assert_cmpint (from, ==, 20 * MINUTE);
  g_assert_cmpint (to, ==, 52 * MINUTE);
}

/* The wall clock set back during a period never makes it negative. */
static void
test_span_clock_set_back (void)
{
  BbAwaySpan span = { 0 };
  gint64 from = 0, to = 0;

  bb_away_span_begin (&span, BB_AWAY_SESSION_LOCK, 100 * MINUTE);
  g_assert_true (bb_away_span_end (&span, BB_AWAY_SESSION_LOCK, 40 * MINUTE, &from, &to));
  g_assert_cmpint (from, ==, 40 * MINUTE);
  g_assert_cmpint (to, ==, 40 * MINUTE);
}

/* Sleep from the boot-time clock, with a fake one. */

static gint64 fake_slept;

static gint64
fake_slept_func (void)
{
  return fake_slept;
}

typedef struct
{
  BbClock       *clock;
  BbAwayMonitor *monitor;
  GArray        *periods;  /* pairs of gint64 */
  guint          n_locked;
  guint          n_away;
} Fixture;

static void
away_ended_cb (BbAwayMonitor *monitor,
               gint64         from,
               gint64         to,
               Fixture       *fixture)
{
  g_array_append_val (fixture->periods, from);
  g_array_append_val (fixture->periods, to);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fake_slept = 5 * SEC;
  fixture->clock = bb_fake_clock_new (1000 * SEC, 1700000000 * SEC);
  fixture->monitor = bb_away_monitor_new (fixture->clock, NULL, NULL);
  bb_away_monitor_set_slept_func (fixture->monitor, fake_slept_func);
  fixture->periods = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (fixture->monitor, "away-ended", G_CALLBACK (away_ended_cb), fixture);
  g_signal_connect_swapped (fixture->monitor, "notify::locked",
                            G_CALLBACK (count_cb), &fixture->n_locked);
  g_signal_connect_swapped (fixture->monitor, "notify::away",
                            G_CALLBACK (count_cb), &fixture->n_away);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->monitor);
  g_assert_finalize_object (fixture->clock);
  g_array_unref (fixture->periods);
}

static void
test_sleep_gap (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 resumed;

  /* The clock set forward without a suspend is no time away. */
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), 10 * MINUTE);
  g_assert_cmpuint (fixture->periods->len, ==, 0);

  /* Forty minutes asleep, seen at the resume. */
  fake_slept += 40 * MINUTE;
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), 40 * MINUTE);
  resumed = bb_clock_get_real_time (fixture->clock);
  g_assert_cmpuint (fixture->periods->len, ==, 2);
  g_assert_cmpint (g_array_index (fixture->periods, gint64, 0), ==, resumed - 40 * MINUTE);
  g_assert_cmpint (g_array_index (fixture->periods, gint64, 1), ==, resumed);
  g_assert_false (bb_away_monitor_get_away (fixture->monitor));
  g_assert_false (bb_away_monitor_get_locked (fixture->monitor));
  g_assert_cmpuint (fixture->n_away, ==, 2);
  g_assert_cmpuint (fixture->n_locked, ==, 0);

  /* The same suspend is not counted twice. */
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), SEC);
  g_assert_cmpuint (fixture->periods->len, ==, 2);
}

static void
test_defaults (Fixture       *fixture,
               gconstpointer  data)
{
  guint n_notify = 0;

  g_assert_false (bb_away_monitor_get_locked (fixture->monitor));
  g_assert_false (bb_away_monitor_get_away (fixture->monitor));
  g_assert_true (bb_away_monitor_get_clock (fixture->monitor) == fixture->clock);
  g_assert_cmpuint (bb_away_monitor_get_idle_threshold (fixture->monitor), ==,
                    BB_AWAY_MONITOR_DEFAULT_IDLE_THRESHOLD_MS);

  g_signal_connect_swapped (fixture->monitor, "notify::idle-threshold",
                            G_CALLBACK (count_cb), &n_notify);
  bb_away_monitor_set_idle_threshold (fixture->monitor, 60000);
  bb_away_monitor_set_idle_threshold (fixture->monitor, 60000);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpuint (bb_away_monitor_get_idle_threshold (fixture->monitor), ==, 60000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/away/span/single", test_span_single);
  g_test_add_func ("/away/span/overlap", test_span_overlap);
  g_test_add_func ("/away/span/earlier-start", test_span_earlier_start);
  g_test_add_func ("/away/span/clock-set-back", test_span_clock_set_back);
  g_test_add ("/away/monitor/defaults", Fixture, NULL,
              fixture_setup, test_defaults, fixture_teardown);
  g_test_add ("/away/monitor/sleep-gap", Fixture, NULL,
              fixture_setup, test_sleep_gap, fixture_teardown);

  return g_test_run ();
}
