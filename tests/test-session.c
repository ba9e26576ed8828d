/* test-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bb-catalog.h"
#include "bb-enums.h"
#include "bb-fake-clock.h"
#include "bb-session.h"

#define SEC G_GINT64_CONSTANT (1000000)
#define MS  1000

typedef struct
{
  BbPhase phase;
  guint   breath;
  gint64  at;        /* clock time of the emission, relative to the start */
  gint64  deadline;  /* bb_session_get_phase_deadline(), relative */
} Event;

typedef struct
{
  BbClock   *clock;
  BbSession *session;
  GArray    *events;
  guint      n_finished;
  gint64     finished_at;
  gint64     start;
  GHashTable *notifies;  /* property name -> count */
} Fixture;

static void
phase_changed_cb (BbSession *session,
                  BbPhase    phase,
                  guint      breath,
                  Fixture   *fixture)
{
  Event event;

  event.phase = phase;
  event.breath = breath;
  event.at = bb_clock_get_monotonic_time (fixture->clock) - fixture->start;
  event.deadline = bb_session_get_phase_deadline (session) - fixture->start;

  /* The property already shows the phase being announced. */
  g_assert_cmpint (bb_session_get_phase (session), ==, phase);
  g_assert_cmpuint (bb_session_get_breath (session), ==, breath);

  g_array_append_val (fixture->events, event);
}

static void
finished_cb (BbSession *session,
             Fixture   *fixture)
{
  fixture->n_finished++;
  fixture->finished_at = bb_clock_get_monotonic_time (fixture->clock) - fixture->start;
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_FINISHED);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->notifies, pspec->name));

  g_hash_table_insert (fixture->notifies, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

static guint
n_notifies (Fixture    *fixture,
            const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->notifies, name));
}

static void
fixture_init (Fixture         *fixture,
              const BbPattern *pattern,
              guint            n_breaths)
{
  fixture->clock = bb_fake_clock_new (1000 * SEC, 1700000000 * SEC);
  fixture->session = bb_session_new (fixture->clock, pattern, "seated", n_breaths);
  fixture->events = g_array_new (FALSE, FALSE, sizeof (Event));
  fixture->notifies = g_hash_table_new (g_str_hash, g_str_equal);
  fixture->start = bb_clock_get_monotonic_time (fixture->clock);

  g_signal_connect (fixture->session, "phase-changed", G_CALLBACK (phase_changed_cb), fixture);
  g_signal_connect (fixture->session, "finished", G_CALLBACK (finished_cb), fixture);
  g_signal_connect (fixture->session, "notify", G_CALLBACK (notify_cb), fixture);
}

static void
fixture_clear (Fixture *fixture)
{
  g_array_unref (fixture->events);
  g_hash_table_unref (fixture->notifies);
  g_assert_finalize_object (fixture->session);
  g_assert_finalize_object (fixture->clock);
}

static BbFakeClock *
fake (Fixture *fixture)
{
  return BB_FAKE_CLOCK (fixture->clock);
}

static void
assert_event (Fixture *fixture,
              guint    index,
              BbPhase  phase,
              guint    breath,
              gint64   at)
{
  Event *event;

  g_assert_cmpuint (index, <, fixture->events->len);
  event = &g_array_index (fixture->events, Event, index);
  g_assert_cmpint (event->phase, ==, phase);
  g_assert_cmpuint (event->breath, ==, breath);
  g_assert_cmpint (event->deadline, ==, at);
  g_assert_cmpint (event->at, ==, at);
}

/* Checks that exactly one timeout is pending, at @at after the start. */
static void
assert_one_pending_at (Fixture *fixture,
                       gint64   at)
{
  gint64 deadline = 0;

  g_assert_cmpuint (bb_fake_clock_get_n_pending (fake (fixture)), ==, 1);
  g_assert_true (bb_fake_clock_get_next_deadline (fake (fixture), &deadline));
  g_assert_cmpint (deadline - fixture->start, ==, at);
}

static void
test_sequence_plain (void)
{
  BbPattern pattern = { 4000, 0, 6000, 0 };
  Fixture f = { 0 };
  static const gint64 boundaries[] = { 4 * SEC, 10 * SEC, 14 * SEC, 20 * SEC, 24 * SEC, 30 * SEC };

  fixture_init (&f, &pattern, 3);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_READY);
  g_assert_cmpint (bb_session_get_phase (f.session), ==, BB_PHASE_NONE);
  g_assert_cmpint (bb_session_get_duration (f.session), ==, 30 * SEC);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (fake (&f)), ==, 0);

  bb_session_start (f.session);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_RUNNING);
  g_assert_cmpint (bb_session_get_start_real_time (f.session), ==, 1700000000 * SEC);
  assert_event (&f, 0, BB_PHASE_INHALE, 1, 0);

  /* One timeout at a time, at the next whole second on show; the last
   * second of a phase ends at its boundary. */
  for (guint i = 0; i < G_N_ELEMENTS (boundaries); i++)
    {
      gint64 now;

      while ((now = bb_clock_get_monotonic_time (f.clock) - f.start) < boundaries[i])
        {
          assert_one_pending_at (&f, now + SEC);
          bb_fake_clock_advance (fake (&f), SEC - 1);
          g_assert_cmpuint (f.events->len, ==, i + 1);
          bb_fake_clock_advance (fake (&f), 1);
        }
    }

  assert_event (&f, 1, BB_PHASE_EXHALE, 1, 4 * SEC);
  assert_event (&f, 2, BB_PHASE_INHALE, 2, 10 * SEC);
  assert_event (&f, 3, BB_PHASE_EXHALE, 2, 14 * SEC);
  assert_event (&f, 4, BB_PHASE_INHALE, 3, 20 * SEC);
  assert_event (&f, 5, BB_PHASE_EXHALE, 3, 24 * SEC);
  g_assert_cmpuint (f.events->len, ==, 6);
  g_assert_cmpuint (f.n_finished, ==, 1);
  g_assert_cmpint (f.finished_at, ==, 30 * SEC);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_FINISHED);
  g_assert_cmpint (bb_session_get_phase (f.session), ==, BB_PHASE_NONE);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 30 * SEC);
  g_assert_cmpint (bb_session_get_remaining (f.session), ==, 0);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (fake (&f)), ==, 0);

  bb_fake_clock_advance (fake (&f), 100 * SEC);
  g_assert_cmpuint (f.events->len, ==, 6);
  g_assert_cmpuint (f.n_finished, ==, 1);

  fixture_clear (&f);
}

static void
test_sequence_holds (void)
{
  BbPattern pattern = { 2000, 1000, 3000, 500 };
  BbPattern hold_in_only = { 2000, 1500, 3000, 0 };
  Fixture f = { 0 };

  fixture_init (&f, &pattern, 2);
  bb_session_start (f.session);
  bb_fake_clock_advance (fake (&f), 60 * SEC);

  g_assert_cmpuint (f.events->len, ==, 8);
  assert_event (&f, 0, BB_PHASE_INHALE, 1, 0);
  assert_event (&f, 1, BB_PHASE_HOLD_IN, 1, 2000 * MS);
  assert_event (&f, 2, BB_PHASE_EXHALE, 1, 3000 * MS);
  assert_event (&f, 3, BB_PHASE_HOLD_OUT, 1, 6000 * MS);
  assert_event (&f, 4, BB_PHASE_INHALE, 2, 6500 * MS);
  assert_event (&f, 5, BB_PHASE_HOLD_IN, 2, 8500 * MS);
  assert_event (&f, 6, BB_PHASE_EXHALE, 2, 9500 * MS);
  assert_event (&f, 7, BB_PHASE_HOLD_OUT, 2, 12500 * MS);
  g_assert_cmpint (f.finished_at, ==, 13000 * MS);
  fixture_clear (&f);

  /* A zero hold is skipped: exhale runs straight into the next inhale. */
  memset (&f, 0, sizeof f);
  fixture_init (&f, &hold_in_only, 2);
  bb_session_start (f.session);
  bb_fake_clock_advance (fake (&f), 60 * SEC);
  g_assert_cmpuint (f.events->len, ==, 6);
  assert_event (&f, 2, BB_PHASE_EXHALE, 1, 3500 * MS);
  assert_event (&f, 3, BB_PHASE_INHALE, 2, 6500 * MS);
  assert_event (&f, 5, BB_PHASE_EXHALE, 2, 10000 * MS);
  g_assert_cmpint (f.finished_at, ==, 13000 * MS);
  g_assert_cmpuint (f.n_finished, ==, 1);
  fixture_clear (&f);
}

static void
test_pause_resume (void)
{
  BbPattern pattern = { 4000, 0, 6000, 0 };
  Fixture f = { 0 };

  fixture_init (&f, &pattern, 2);
  bb_session_start (f.session);
  bb_fake_clock_advance (fake (&f), 3 * SEC);

  bb_session_pause (f.session);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_PAUSED);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (fake (&f)), ==, 0);

  /* Paused time does not count and fires nothing. */
  bb_fake_clock_advance (fake (&f), 100 * SEC);
  g_assert_cmpuint (f.events->len, ==, 1);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 3 * SEC);
  g_assert_cmpint (bb_session_get_remaining (f.session), ==, 17 * SEC);
  g_assert_cmpint (bb_session_get_phase_remaining (f.session), ==, 1 * SEC);
  g_assert_cmpfloat_with_epsilon (bb_session_get_phase_progress (f.session), 0.75, 1e-9);
  /* Pausing twice changes nothing. */
  bb_session_pause (f.session);

  bb_session_resume (f.session);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_RUNNING);
  assert_one_pending_at (&f, 104 * SEC);

  bb_fake_clock_advance (fake (&f), 1 * SEC);
  g_assert_cmpuint (f.events->len, ==, 2);
  assert_event (&f, 1, BB_PHASE_EXHALE, 1, 104 * SEC);

  /* A second pause inside the exhale. */
  bb_fake_clock_advance (fake (&f), 2 * SEC);
  bb_session_pause (f.session);
  bb_fake_clock_advance (fake (&f), 7 * SEC);
  bb_session_resume (f.session);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 6 * SEC);

  bb_fake_clock_advance (fake (&f), 60 * SEC);
  g_assert_cmpuint (f.n_finished, ==, 1);
  g_assert_cmpint (f.finished_at, ==, 127 * SEC);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 20 * SEC);

  /* Two pauses, two resumes, start and finish. */
  g_assert_cmpuint (n_notifies (&f, "state"), ==, 6);

  fixture_clear (&f);
}

static void
test_stop_early (void)
{
  BbPattern pattern = { 4000, 0, 6000, 0 };
  Fixture f = { 0 };

  fixture_init (&f, &pattern, 12);
  bb_session_start (f.session);
  bb_fake_clock_advance (fake (&f), 25 * SEC + 300 * MS);

  bb_session_stop (f.session);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_STOPPED);
  g_assert_cmpint (bb_session_get_phase (f.session), ==, BB_PHASE_NONE);
  g_assert_cmpuint (bb_session_get_breath (f.session), ==, 3);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 25 * SEC + 300 * MS);
  g_assert_cmpint (bb_session_get_remaining (f.session), ==, 0);
  g_assert_cmpfloat (bb_session_get_expansion (f.session), ==, 0.0);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (fake (&f)), ==, 0);

  bb_fake_clock_advance (fake (&f), 200 * SEC);
  g_assert_cmpuint (f.events->len, ==, 6);
  g_assert_cmpuint (f.n_finished, ==, 0);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 25 * SEC + 300 * MS);

  /* Ended sessions ignore further commands. */
  bb_session_stop (f.session);
  bb_session_resume (f.session);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_STOPPED);

  fixture_clear (&f);
}

static void
test_stop_paused (void)
{
  BbPattern pattern = { 4000, 0, 6000, 0 };
  Fixture f = { 0 };

  fixture_init (&f, &pattern, 2);
  bb_session_start (f.session);
  bb_fake_clock_advance (fake (&f), 5 * SEC);
  bb_session_pause (f.session);
  bb_fake_clock_advance (fake (&f), 50 * SEC);
  bb_session_stop (f.session);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 5 * SEC);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_STOPPED);
  fixture_clear (&f);
}

static void
test_late_timeout (void)
{
  BbPattern pattern = { 1000, 0, 1000, 0 };
  Fixture f = { 0 };

  fixture_init (&f, &pattern, 2);
  bb_session_start (f.session);

  /* The main loop stalls: the 1 s boundary is dispatched 3 s late, when
   * the whole session is over. */
  bb_fake_clock_jump (fake (&f), 4 * SEC);
  bb_fake_clock_dispatch (fake (&f));

  g_assert_cmpuint (f.events->len, ==, 4);
  g_assert_cmpint (g_array_index (f.events, Event, 1).phase, ==, BB_PHASE_EXHALE);
  g_assert_cmpuint (g_array_index (f.events, Event, 1).breath, ==, 1);
  g_assert_cmpint (g_array_index (f.events, Event, 1).deadline, ==, 1 * SEC);
  g_assert_cmpint (g_array_index (f.events, Event, 2).phase, ==, BB_PHASE_INHALE);
  g_assert_cmpuint (g_array_index (f.events, Event, 2).breath, ==, 2);
  g_assert_cmpint (g_array_index (f.events, Event, 2).deadline, ==, 2 * SEC);
  g_assert_cmpint (g_array_index (f.events, Event, 3).phase, ==, BB_PHASE_EXHALE);
  g_assert_cmpint (g_array_index (f.events, Event, 3).deadline, ==, 3 * SEC);
  g_assert_cmpuint (f.n_finished, ==, 1);

  bb_fake_clock_dispatch (fake (&f));
  bb_fake_clock_advance (fake (&f), 10 * SEC);
  g_assert_cmpuint (f.events->len, ==, 4);
  g_assert_cmpuint (f.n_finished, ==, 1);

  fixture_clear (&f);

  /* 3 s late in the middle of a longer session: the missed changes are
   * announced and the next timeout waits for the following boundary. */
  memset (&f, 0, sizeof f);
  fixture_init (&f, &pattern, 10);
  bb_session_start (f.session);
  bb_fake_clock_jump (fake (&f), 4 * SEC + 200 * MS);
  bb_fake_clock_dispatch (fake (&f));
  g_assert_cmpuint (f.events->len, ==, 5);
  g_assert_cmpint (g_array_index (f.events, Event, 4).deadline, ==, 4 * SEC);
  assert_one_pending_at (&f, 5 * SEC);
  fixture_clear (&f);
}

static void
test_no_drift (void)
{
  BbPattern pattern = { 1000, 0, 1000, 0 };
  Fixture f = { 0 };
  const guint n = 10000;
  GRand *rand = g_rand_new_with_seed (42);
  gint64 max_late = 0;

  fixture_init (&f, &pattern, n);
  bb_session_start (f.session);

  /* A main loop that is late by a random amount at every dispatch. */
  while (bb_session_get_state (f.session) == BB_SESSION_STATE_RUNNING)
    {
      bb_fake_clock_jump (fake (&f), g_rand_int_range (rand, 1, 1500) * MS);
      bb_fake_clock_dispatch (fake (&f));
    }

  g_assert_cmpuint (f.events->len, ==, 2 * n);
  for (guint i = 0; i < f.events->len; i++)
    {
      Event *event = &g_array_index (f.events, Event, i);

      /* Every boundary is where the pattern puts it, however late. */
      g_assert_cmpint (event->deadline, ==, (gint64) i * SEC);
      g_assert_cmpint (event->phase, ==, i % 2 == 0 ? BB_PHASE_INHALE : BB_PHASE_EXHALE);
      g_assert_cmpuint (event->breath, ==, i / 2 + 1);
      g_assert_cmpint (event->at, >=, event->deadline);
      max_late = MAX (max_late, event->at - event->deadline);
    }
  g_test_message ("largest lateness %" G_GINT64_FORMAT " us", max_late);
  g_assert_cmpint (max_late, <, 1500 * MS);
  g_assert_cmpuint (f.n_finished, ==, 1);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, (gint64) 2 * n * SEC);
  fixture_clear (&f);

  /* On time: 10,000 cycles end exactly at the planned length. */
  memset (&f, 0, sizeof f);
  fixture_init (&f, &pattern, n);
  bb_session_start (f.session);
  bb_fake_clock_advance (fake (&f), (gint64) 2 * n * SEC + SEC);
  g_assert_cmpuint (f.events->len, ==, 2 * n);
  g_assert_cmpint (f.finished_at, ==, (gint64) 2 * n * SEC);
  g_assert_cmpint (g_array_index (f.events, Event, 2 * n - 1).at, ==, (gint64) (2 * n - 1) * SEC);
  fixture_clear (&f);

  g_rand_free (rand);
}

static void
test_notify_once (void)
{
  BbPattern pattern = { 2000, 1000, 3000, 0 };
  Fixture f = { 0 };

  fixture_init (&f, &pattern, 3);
  bb_session_start (f.session);
  g_assert_cmpuint (n_notifies (&f, "state"), ==, 1);
  g_assert_cmpuint (n_notifies (&f, "phase"), ==, 1);
  g_assert_cmpuint (n_notifies (&f, "breath"), ==, 1);

  /* Time inside a phase changes no property. */
  bb_fake_clock_advance (fake (&f), 1500 * MS);
  g_assert_cmpuint (n_notifies (&f, "phase"), ==, 1);

  bb_fake_clock_advance (fake (&f), 60 * SEC);
  /* 9 phases, then none; 3 breaths; start and finish. */
  g_assert_cmpuint (n_notifies (&f, "phase"), ==, 10);
  g_assert_cmpuint (n_notifies (&f, "breath"), ==, 3);
  g_assert_cmpuint (n_notifies (&f, "state"), ==, 2);
  g_assert_cmpuint (n_notifies (&f, "n-breaths"), ==, 0);
  g_assert_cmpuint (n_notifies (&f, "clock"), ==, 0);

  fixture_clear (&f);
}

static void
test_expansion (void)
{
  BbPattern pattern = { 4000, 1000, 6000, 1000 };
  Fixture f = { 0 };
  double last = -1.0;

  fixture_init (&f, &pattern, 2);
  g_assert_cmpfloat (bb_session_get_expansion (f.session), ==, 0.0);

  bb_session_start (f.session);
  g_assert_cmpfloat_with_epsilon (bb_session_get_expansion (f.session), 0.0, 1e-9);

  /* Rises through the in-breath, smoothly. */
  for (gint64 t = 0; t <= 4 * SEC; t += 100 * MS)
    {
      double e = bb_session_get_expansion_at (f.session, t);

      g_assert_cmpfloat (e, >=, last);
      g_assert_cmpfloat (e, <=, 1.0);
      last = e;
    }
  g_assert_cmpfloat_with_epsilon (bb_session_get_expansion_at (f.session, 2 * SEC), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (bb_session_get_expansion_at (f.session, 4500 * MS), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (bb_session_get_expansion_at (f.session, 8 * SEC), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (bb_session_get_expansion_at (f.session, 11500 * MS), 0.0, 1e-9);
  g_assert_cmpfloat (bb_session_get_expansion_at (f.session, -5), ==, 0.0);
  g_assert_cmpfloat (bb_session_get_expansion_at (f.session, 1000 * SEC), ==, 0.0);

  bb_fake_clock_advance (fake (&f), 2 * SEC);
  g_assert_cmpfloat_with_epsilon (bb_session_get_expansion (f.session), 0.5, 1e-9);

  /* Paused, the drawing holds still. */
  bb_session_pause (f.session);
  bb_fake_clock_advance (fake (&f), 1 * SEC);
  g_assert_cmpfloat_with_epsilon (bb_session_get_expansion (f.session), 0.5, 1e-9);

  fixture_clear (&f);
}

static void
stop_in_handler_cb (BbSession *session,
                    BbPhase    phase,
                    guint      breath,
                    gpointer   user_data)
{
  if (phase == BB_PHASE_EXHALE)
    bb_session_stop (session);
}

static void
test_stop_from_handler (void)
{
  BbPattern pattern = { 1000, 0, 1000, 0 };
  Fixture f = { 0 };

  fixture_init (&f, &pattern, 5);
  g_signal_connect (f.session, "phase-changed", G_CALLBACK (stop_in_handler_cb), NULL);
  bb_session_start (f.session);

  /* Even when a stall makes several boundaries due at once. */
  bb_fake_clock_jump (fake (&f), 5 * SEC);
  bb_fake_clock_dispatch (fake (&f));

  g_assert_cmpuint (f.events->len, ==, 2);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_STOPPED);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (fake (&f)), ==, 0);
  g_assert_cmpuint (f.n_finished, ==, 0);

  fixture_clear (&f);
}

static void
count_change_cb (BbSession  *session,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The whole seconds on show follow the clock exactly, change only when
 * their value does, and need no timeout besides the session's one. */
static void fixture_init_settle (Fixture         *fixture,
                                 const BbPattern *pattern,
                                 guint            n_breaths,
                                 guint            settle_ms);

static void
check_seconds (const BbPattern *pattern,
               guint            n_breaths,
               guint            settle_ms)
{
  Fixture f = { 0 };
  guint n_countdown = 0;
  guint n_seconds_left = 0;
  guint changes_countdown = 0;
  guint changes_seconds_left = 0;
  guint last_countdown;
  guint last_seconds_left;

  fixture_init_settle (&f, pattern, n_breaths, settle_ms);
  g_signal_connect (f.session, "notify::countdown", G_CALLBACK (count_change_cb), &n_countdown);
  g_signal_connect (f.session, "notify::seconds-left", G_CALLBACK (count_change_cb), &n_seconds_left);
  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 0);
  g_assert_cmpuint (bb_session_get_seconds_left (f.session), ==, 0);

  bb_session_start (f.session);
  last_countdown = bb_session_get_countdown (f.session);
  last_seconds_left = bb_session_get_seconds_left (f.session);
  g_assert_cmpuint (n_countdown, ==, 1);
  g_assert_cmpuint (n_seconds_left, ==, 1);

  while (bb_session_get_state (f.session) == BB_SESSION_STATE_RUNNING ||
         bb_session_get_state (f.session) == BB_SESSION_STATE_SETTLING)
    {
      guint countdown;
      guint seconds_left;

      g_assert_cmpuint (bb_fake_clock_get_n_pending (fake (&f)), ==, 1);
      bb_fake_clock_advance (fake (&f), 10 * MS);

      countdown = bb_session_get_countdown (f.session);
      seconds_left = bb_session_get_seconds_left (f.session);

      if (bb_session_get_state (f.session) == BB_SESSION_STATE_RUNNING)
        {
          g_assert_cmpuint (countdown, ==, (bb_session_get_phase_remaining (f.session) + SEC - 1) / SEC);
          g_assert_cmpuint (seconds_left, ==, (bb_session_get_remaining (f.session) + SEC - 1) / SEC);
        }
      else if (bb_session_get_state (f.session) == BB_SESSION_STATE_SETTLING)
        {
          gint64 settle_left = settle_ms * MS - (bb_clock_get_monotonic_time (f.clock) - f.start);

          g_assert_cmpuint (countdown, ==, (settle_left + SEC - 1) / SEC);
          g_assert_cmpuint (seconds_left, ==, (bb_session_get_duration (f.session) + SEC - 1) / SEC);
        }

      changes_countdown += countdown != last_countdown;
      changes_seconds_left += seconds_left != last_seconds_left;
      last_countdown = countdown;
      last_seconds_left = seconds_left;
    }

  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 0);
  g_assert_cmpuint (bb_session_get_seconds_left (f.session), ==, 0);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (fake (&f)), ==, 0);
  g_assert_cmpuint (n_countdown, ==, 1 + changes_countdown);
  g_assert_cmpuint (n_seconds_left, ==, 1 + changes_seconds_left);
  /* Every second of the session, and nothing more. */
  g_assert_cmpuint (changes_seconds_left, ==, bb_session_get_duration (f.session) / SEC);

  fixture_clear (&f);
}

static void
test_seconds (void)
{
  BbPattern whole = { 4000, 0, 6000, 0 };
  BbPattern holds = { 2000, 1000, 3000, 1000 };
  BbPattern halves = { 2500, 0, 3500, 0 };
  Fixture f = { 0 };

  check_seconds (&whole, 2, 0);
  check_seconds (&holds, 2, 0);
  check_seconds (&halves, 2, 0);
  /* With the settle countdown before, a whole or a part of a second. */
  check_seconds (&whole, 2, 3000);
  check_seconds (&holds, 2, 2500);

  /* 4 s in, 6 s out: the countdown shows 4 3 2 1 6 5 4 3 2 1 and the
   * time left 20 19 … 1, each value once. */
  fixture_init (&f, &whole, 2);
  bb_session_start (f.session);
  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 4);
  g_assert_cmpuint (bb_session_get_seconds_left (f.session), ==, 20);
  bb_fake_clock_advance (fake (&f), 3 * SEC);
  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 1);
  bb_fake_clock_advance (fake (&f), 1 * SEC);
  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 6);
  g_assert_cmpuint (bb_session_get_seconds_left (f.session), ==, 16);

  /* Paused, nothing is pending and nothing changes. */
  bb_fake_clock_advance (fake (&f), 500 * MS);
  bb_session_pause (f.session);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (fake (&f)), ==, 0);
  bb_fake_clock_advance (fake (&f), 30 * SEC);
  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 6);
  g_assert_cmpuint (bb_session_get_seconds_left (f.session), ==, 16);
  bb_session_resume (f.session);
  assert_one_pending_at (&f, 35 * SEC);
  bb_fake_clock_advance (fake (&f), 500 * MS);
  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 5);
  g_assert_cmpuint (bb_session_get_seconds_left (f.session), ==, 15);

  bb_session_stop (f.session);
  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 0);
  g_assert_cmpuint (bb_session_get_seconds_left (f.session), ==, 0);
  fixture_clear (&f);
}

static void
log_signal_cb (BbSession *session,
               BbPhase    phase,
               guint      breath,
               GString   *log)
{
  g_string_append (log, "phase-changed ");
}

static void
log_finished_cb (BbSession *session,
                 GString   *log)
{
  g_string_append (log, "finished ");
}

static void
log_notify_cb (BbSession  *session,
               GParamSpec *pspec,
               GString    *log)
{
  if (g_str_equal (pspec->name, "phase") || g_str_equal (pspec->name, "state"))
    g_string_append_printf (log, "notify::%s ", pspec->name);
}

/* Followers of the signals (the chime) hear of a change before
 * followers of the properties (the pages): the finish chime is asked
 * for before the end screen is built. */
static void
test_notify_order (void)
{
  BbPattern pattern = { 1000, 0, 1000, 0 };
  g_autoptr(GString) log = g_string_new (NULL);
  Fixture f = { 0 };

  fixture_init (&f, &pattern, 1);
  g_signal_connect (f.session, "phase-changed", G_CALLBACK (log_signal_cb), log);
  g_signal_connect (f.session, "finished", G_CALLBACK (log_finished_cb), log);
  g_signal_connect (f.session, "notify", G_CALLBACK (log_notify_cb), log);

  bb_session_start (f.session);
  g_assert_true (g_str_has_prefix (log->str, "phase-changed notify::"));
  g_assert_nonnull (strstr (log->str, "notify::state"));
  g_assert_nonnull (strstr (log->str, "notify::phase"));

  g_string_truncate (log, 0);
  bb_fake_clock_advance (fake (&f), 1 * SEC);
  g_assert_cmpstr (log->str, ==, "phase-changed notify::phase ");

  g_string_truncate (log, 0);
  bb_fake_clock_advance (fake (&f), 1 * SEC);
  g_assert_true (g_str_has_prefix (log->str, "finished notify::"));
  g_assert_nonnull (strstr (log->str, "notify::state"));
  g_assert_nonnull (strstr (log->str, "notify::phase"));

  fixture_clear (&f);
}

static void
test_breaths_for_duration (void)
{
  BbPattern desk = { 4000, 0, 6000, 0 };
  BbPattern odd = { 3000, 0, 4000, 0 };

  g_assert_cmpuint (bb_session_breaths_for_duration (&desk, 120), ==, 12);
  g_assert_cmpuint (bb_session_breaths_for_duration (&desk, 0), ==, 1);
  g_assert_cmpuint (bb_session_breaths_for_duration (&desk, 4), ==, 1);
  g_assert_cmpuint (bb_session_breaths_for_duration (&desk, 16), ==, 2);
  g_assert_cmpuint (bb_session_breaths_for_duration (&odd, 60), ==, 9);
  g_assert_cmpuint (bb_session_breaths_for_duration (&desk, G_MAXUINT), ==, BB_SESSION_MAX_BREATHS);
}

static void
fixture_init_settle (Fixture         *fixture,
                     const BbPattern *pattern,
                     guint            n_breaths,
                     guint            settle_ms)
{
  fixture_init (fixture, pattern, n_breaths);
  g_assert_finalize_object (fixture->session);
  fixture->session = g_object_new (BB_TYPE_SESSION,
                                   "clock", fixture->clock,
                                   "pattern", pattern,
                                   "position", "seated",
                                   "n-breaths", n_breaths,
                                   "settle-ms", settle_ms,
                                   NULL);
  g_signal_connect (fixture->session, "phase-changed", G_CALLBACK (phase_changed_cb), fixture);
  g_signal_connect (fixture->session, "finished", G_CALLBACK (finished_cb), fixture);
  g_signal_connect (fixture->session, "notify", G_CALLBACK (notify_cb), fixture);
}

/* The settle countdown shows 3 2 1 with no phase, one timeout at a
 * time, then the first in-breath is announced at 3 s, and the practice
 * counts from there. */
static void
test_settle (void)
{
  BbPattern pattern = { 4000, 0, 6000, 0 };
  const char *settle_cue = bb_catalog_get_special_cue (BB_SPECIAL_CUE_SETTLE);
  Fixture f = { 0 };

  fixture_init_settle (&f, &pattern, 2, 3000);
  g_assert_cmpuint (bb_session_get_settle_ms (f.session), ==, 3000);
  g_assert_null (bb_session_get_cue (f.session));

  bb_session_start (f.session);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_SETTLING);
  g_assert_cmpint (bb_session_get_phase (f.session), ==, BB_PHASE_NONE);
  g_assert_cmpuint (bb_session_get_breath (f.session), ==, 0);
  g_assert_cmpstr (bb_session_get_cue (f.session), ==, settle_cue);
  g_assert_cmpuint (f.events->len, ==, 0);
  g_assert_cmpint (bb_session_get_start_real_time (f.session), ==, 0);

  for (guint left = 3; left >= 1; left--)
    {
      g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_SETTLING);
      g_assert_cmpuint (bb_session_get_countdown (f.session), ==, left);
      g_assert_cmpuint (bb_session_get_seconds_left (f.session), ==, 20);
      g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 0);
      g_assert_cmpint (bb_session_get_remaining (f.session), ==, 20 * SEC);
      g_assert_cmpfloat (bb_session_get_expansion (f.session), ==, 0.0);
      assert_one_pending_at (&f, (4 - left) * SEC);
      bb_fake_clock_advance (fake (&f), SEC - 1);
      g_assert_cmpuint (bb_session_get_countdown (f.session), ==, left);
      g_assert_cmpuint (f.events->len, ==, 0);
      bb_fake_clock_advance (fake (&f), 1);
    }

  /* The first in-breath, with its signal: the first chime. */
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_RUNNING);
  g_assert_cmpuint (f.events->len, ==, 1);
  assert_event (&f, 0, BB_PHASE_INHALE, 1, 3 * SEC);
  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 4);
  g_assert_cmpuint (bb_session_get_seconds_left (f.session), ==, 20);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 0);
  g_assert_cmpint (bb_session_get_start_real_time (f.session), ==, 1700000003 * SEC);
  g_assert_cmpstr (bb_session_get_cue (f.session), ==,
                   bb_catalog_get_cue_for ("seated", NULL, BB_PHASE_INHALE, 1, 2));
  assert_one_pending_at (&f, 4 * SEC);

  bb_fake_clock_advance (fake (&f), 4 * SEC);
  assert_event (&f, 1, BB_PHASE_EXHALE, 1, 7 * SEC);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 4 * SEC);

  bb_fake_clock_advance (fake (&f), 60 * SEC);
  g_assert_cmpuint (f.events->len, ==, 4);
  g_assert_cmpuint (f.n_finished, ==, 1);
  g_assert_cmpint (f.finished_at, ==, 23 * SEC);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 20 * SEC);
  g_assert_null (bb_session_get_cue (f.session));
  g_assert_cmpuint (bb_fake_clock_get_n_pending (fake (&f)), ==, 0);
  /* Settling, running, finished. */
  g_assert_cmpuint (n_notifies (&f, "state"), ==, 3);

  fixture_clear (&f);

  /* A main loop that stalls through the whole settle: the first
   * in-breath is announced late, with its own deadline. */
  memset (&f, 0, sizeof f);
  fixture_init_settle (&f, &pattern, 2, 3000);
  bb_session_start (f.session);
  bb_fake_clock_jump (fake (&f), 5 * SEC);
  bb_fake_clock_dispatch (fake (&f));
  g_assert_cmpuint (f.events->len, ==, 1);
  g_assert_cmpint (g_array_index (f.events, Event, 0).deadline, ==, 3 * SEC);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 2 * SEC);
  g_assert_cmpint (bb_session_get_start_real_time (f.session), ==, 1700000003 * SEC);
  assert_one_pending_at (&f, 6 * SEC);
  fixture_clear (&f);
}

static void
test_settle_pause (void)
{
  BbPattern pattern = { 4000, 0, 6000, 0 };
  Fixture f = { 0 };

  fixture_init_settle (&f, &pattern, 2, 3000);
  bb_session_start (f.session);
  bb_fake_clock_advance (fake (&f), 1500 * MS);
  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 2);

  bb_session_pause (f.session);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_PAUSED);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (fake (&f)), ==, 0);
  bb_fake_clock_advance (fake (&f), 100 * SEC);
  g_assert_cmpuint (f.events->len, ==, 0);
  g_assert_cmpint (bb_session_get_phase (f.session), ==, BB_PHASE_NONE);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 0);
  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 2);

  /* It settles on where it was: 1.5 s are left. */
  bb_session_resume (f.session);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_SETTLING);
  assert_one_pending_at (&f, 102 * SEC);
  bb_fake_clock_advance (fake (&f), 500 * MS);
  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 1);
  assert_one_pending_at (&f, 103 * SEC);
  bb_fake_clock_advance (fake (&f), 1 * SEC);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_RUNNING);
  assert_event (&f, 0, BB_PHASE_INHALE, 1, 103 * SEC);

  /* Paused and resumed once it runs, as any session. */
  bb_fake_clock_advance (fake (&f), 1 * SEC);
  bb_session_pause (f.session);
  bb_fake_clock_advance (fake (&f), 10 * SEC);
  bb_session_resume (f.session);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_RUNNING);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 1 * SEC);
  bb_fake_clock_advance (fake (&f), 60 * SEC);
  g_assert_cmpuint (f.n_finished, ==, 1);
  g_assert_cmpint (f.finished_at, ==, 133 * SEC);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 20 * SEC);

  fixture_clear (&f);

  /* Paused right at the end of the settle, before the timeout is
   * dispatched: the first in-breath is announced, not swallowed. */
  memset (&f, 0, sizeof f);
  fixture_init_settle (&f, &pattern, 2, 3000);
  bb_session_start (f.session);
  bb_fake_clock_jump (fake (&f), 3 * SEC);
  bb_session_pause (f.session);
  g_assert_cmpuint (f.events->len, ==, 1);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_PAUSED);
  bb_session_resume (f.session);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_RUNNING);
  fixture_clear (&f);
}

static void
test_settle_stop (void)
{
  BbPattern pattern = { 4000, 0, 6000, 0 };
  Fixture f = { 0 };

  fixture_init_settle (&f, &pattern, 2, 3000);
  bb_session_start (f.session);
  bb_fake_clock_advance (fake (&f), 2 * SEC);

  bb_session_stop (f.session);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_STOPPED);
  g_assert_cmpuint (bb_session_get_breath (f.session), ==, 0);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 0);
  g_assert_cmpuint (bb_session_get_countdown (f.session), ==, 0);
  g_assert_cmpuint (bb_session_get_seconds_left (f.session), ==, 0);
  g_assert_null (bb_session_get_cue (f.session));
  g_assert_cmpuint (bb_fake_clock_get_n_pending (fake (&f)), ==, 0);

  bb_fake_clock_advance (fake (&f), 60 * SEC);
  g_assert_cmpuint (f.events->len, ==, 0);
  g_assert_cmpuint (f.n_finished, ==, 0);
  fixture_clear (&f);

  /* Stopped while paused in the settle. */
  memset (&f, 0, sizeof f);
  fixture_init_settle (&f, &pattern, 2, 3000);
  bb_session_start (f.session);
  bb_fake_clock_advance (fake (&f), 1 * SEC);
  bb_session_pause (f.session);
  bb_fake_clock_advance (fake (&f), 10 * SEC);
  bb_session_stop (f.session);
  g_assert_cmpint (bb_session_get_state (f.session), ==, BB_SESSION_STATE_STOPPED);
  g_assert_cmpint (bb_session_get_elapsed (f.session), ==, 0);
  g_assert_cmpuint (f.events->len, ==, 0);
  fixture_clear (&f);
}

/* The cue follows the catalog, changes with each phase and is
 * announced once per change. */
static void
test_cue (void)
{
  BbPattern pattern = { 2000, 1000, 3000, 0 };
  Fixture f = { 0 };
  guint n_changes = 0;
  g_autofree char *cue_set = NULL;

  fixture_init (&f, &pattern, 1);
  g_assert_finalize_object (f.session);
  f.session = g_object_new (BB_TYPE_SESSION,
                            "clock", f.clock,
                            "pattern", &pattern,
                            "position", "seated",
                            "cue-set", "back-body",
                            "closing", "Stand tall",
                            "n-breaths", 6,
                            NULL);
  g_signal_connect (f.session, "notify", G_CALLBACK (notify_cb), &f);
  g_object_get (f.session, "cue-set", &cue_set, NULL);
  g_assert_cmpstr (cue_set, ==, "back-body");
  g_assert_cmpstr (bb_session_get_closing (f.session), ==, "Stand tall");
  g_assert_cmpuint (bb_session_get_settle_ms (f.session), ==, 0);

  bb_session_start (f.session);
  while (bb_session_get_state (f.session) == BB_SESSION_STATE_RUNNING)
    {
      BbPhase phase = bb_session_get_phase (f.session);
      guint breath = bb_session_get_breath (f.session);

      g_assert_cmpstr (bb_session_get_cue (f.session), ==,
                       bb_catalog_get_cue_for ("seated", "back-body", phase, breath, 6));
      n_changes++;
      g_assert_cmpuint (n_notifies (&f, "cue"), ==, n_changes);

      /* Within a phase, nothing changes. */
      bb_fake_clock_advance (fake (&f), bb_session_get_phase_remaining (f.session) - 1);
      g_assert_cmpuint (n_notifies (&f, "cue"), ==, n_changes);
      bb_fake_clock_advance (fake (&f), 1);
    }

  /* 6 breaths of 3 phases, then none at the end. */
  g_assert_cmpuint (n_changes, ==, 18);
  g_assert_cmpuint (n_notifies (&f, "cue"), ==, 19);
  g_assert_null (bb_session_get_cue (f.session));

  fixture_clear (&f);
}

static void
test_enums (void)
{
  g_autoptr(GEnumClass) phases = g_type_class_ref (BB_TYPE_PHASE);
  g_autoptr(GEnumClass) states = g_type_class_ref (BB_TYPE_SESSION_STATE);

  g_assert_cmpstr (g_enum_get_value (phases, BB_PHASE_HOLD_IN)->value_nick, ==, "hold-in");
  g_assert_cmpstr (g_enum_get_value (states, BB_SESSION_STATE_STOPPED)->value_nick, ==, "stopped");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/sequence/plain", test_sequence_plain);
  g_test_add_func ("/session/sequence/holds", test_sequence_holds);
  g_test_add_func ("/session/pause-resume", test_pause_resume);
  g_test_add_func ("/session/stop/early", test_stop_early);
  g_test_add_func ("/session/stop/paused", test_stop_paused);
  g_test_add_func ("/session/stop/from-handler", test_stop_from_handler);
  g_test_add_func ("/session/late-timeout", test_late_timeout);
  g_test_add_func ("/session/no-drift", test_no_drift);
  g_test_add_func ("/session/notify-once", test_notify_once);
  g_test_add_func ("/session/expansion", test_expansion);
  g_test_add_func ("/session/seconds", test_seconds);
  g_test_add_func ("/session/notify-order", test_notify_order);
  g_test_add_func ("/session/breaths-for-duration", test_breaths_for_duration);
  g_test_add_func ("/session/enums", test_enums);
  g_test_add_func ("/session/settle", test_settle);
  g_test_add_func ("/session/settle/pause", test_settle_pause);
  g_test_add_func ("/session/settle/stop", test_settle_stop);
  g_test_add_func ("/session/cue", test_cue);

  return g_test_run ();
}
