/* test-reminder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-fake-clock.h"
#include "bb-reminder.h"

#define SEC G_GINT64_CONSTANT (1000000)
#define MINUTE (60 * SEC)
#define HOUR (60 * MINUTE)

typedef struct
{
  GTimeZone  *zone;
  BbClock    *clock;
  BbReminder *reminder;
  guint       n_due;
  GArray     *due_at;  /* gint64 real time of each ::due */
} Fixture;

/* Real time of a local time in @zone. */
static gint64
at (GTimeZone *zone,
    int        year,
    int        month,
    int        day,
    int        hour,
    int        minute)
{
  g_autoptr(GDateTime) time = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * SEC;
}

static void
due_cb (BbReminder *reminder,
        Fixture    *fixture)
{
  gint64 now = bb_clock_get_real_time (fixture->clock);

  /* Never while locked, never twice for one instant. */
  g_assert_false (bb_reminder_get_locked (reminder));
  if (fixture->due_at->len > 0)
    g_assert_cmpint (g_array_index (fixture->due_at, gint64, fixture->due_at->len - 1), <, now);

  fixture->n_due++;
  g_array_append_val (fixture->due_at, now);
}

/* A reminder in @zone_id, with the clock at a local time there. Active
 * the whole day, every day, unless a test says otherwise. */
static void
setup_at (Fixture    *fixture,
          const char *zone_id,
          int         year,
          int         month,
          int         day,
          int         hour,
          int         minute)
{
  fixture->zone = g_time_zone_new_identifier (zone_id);
  g_assert_nonnull (fixture->zone);
  fixture->clock = bb_fake_clock_new (1000 * SEC, at (fixture->zone, year, month, day, hour, minute));
  fixture->reminder = g_object_new (BB_TYPE_REMINDER,
                                    "clock", fixture->clock,
                                    "time-zone", fixture->zone,
                                    "active-start", 0,
                                    "active-end", 0,
                                    "active-weekdays", BB_REMINDER_WEEKDAYS_ALL,
                                    NULL);
  fixture->due_at = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (fixture->reminder, "due", G_CALLBACK (due_cb), fixture);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  /* Monday 16 November 2026, 10:00 in Berlin. */
  setup_at (fixture, "Europe/Berlin", 2026, 11, 16, 10, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->reminder);
  /* The reminder took its timeout with it. */
  g_assert_cmpuint (bb_fake_clock_get_n_pending (BB_FAKE_CLOCK (fixture->clock)), ==, 0);
  g_assert_finalize_object (fixture->clock);
  g_time_zone_unref (fixture->zone);
  g_array_unref (fixture->due_at);
}

static gint64
now (Fixture *fixture)
{
  return bb_clock_get_real_time (fixture->clock);
}

static void
advance (Fixture *fixture,
         gint64   delta)
{
  bb_fake_clock_advance (BB_FAKE_CLOCK (fixture->clock), delta);
}

/* The due time, and exactly one timeout for it (none when 0). */
static void
assert_due (Fixture *fixture,
            gint64   expected)
{
  guint n_pending = bb_fake_clock_get_n_pending (BB_FAKE_CLOCK (fixture->clock));
  gint64 deadline = 0;

  g_assert_cmpint (bb_reminder_get_next_due (fixture->reminder), ==, expected);
  if (expected == 0 || bb_reminder_get_locked (fixture->reminder))
    {
      g_assert_cmpuint (n_pending, ==, 0);
      return;
    }

  g_assert_cmpuint (n_pending, ==, 1);
  g_assert_true (bb_fake_clock_get_next_wall_deadline (BB_FAKE_CLOCK (fixture->clock), &deadline));
  g_assert_cmpint (deadline, ==, expected);
}

static void
test_first_due (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 start = now (fixture);

  assert_due (fixture, 0);
  bb_reminder_set_enabled (fixture->reminder, TRUE);
  assert_due (fixture, start + 60 * MINUTE);

  advance (fixture, 59 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 0);
  advance (fixture, 1 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 1);
  g_assert_cmpint (g_array_index (fixture->due_at, gint64, 0), ==, start + 60 * MINUTE);

  /* Without a break, the next is an interval later. */
  assert_due (fixture, start + 120 * MINUTE);
  advance (fixture, 5 * HOUR);
  g_assert_cmpuint (fixture->n_due, ==, 6);
  assert_due (fixture, start + 420 * MINUTE);
}

static void
test_break_resets (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 start = now (fixture);

  bb_reminder_set_enabled (fixture->reminder, TRUE);

  /* A session ended half an hour in. */
  advance (fixture, 30 * MINUTE);
  bb_reminder_note_break (fixture->reminder, now (fixture));
  g_assert_cmpint (bb_reminder_get_last_break (fixture->reminder), ==, start + 30 * MINUTE);
  assert_due (fixture, start + 90 * MINUTE);

  /* One from the history, done in the window app, counts the same. */
  advance (fixture, 20 * MINUTE);
  bb_reminder_set_last_break (fixture->reminder, start + 45 * MINUTE);
  assert_due (fixture, start + 105 * MINUTE);

  /* An older break than the countdown's start changes nothing. */
  bb_reminder_set_last_break (fixture->reminder, start - 3 * HOUR);
  assert_due (fixture, start + 105 * MINUTE);

  advance (fixture, 55 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 1);
  g_assert_cmpint (g_array_index (fixture->due_at, gint64, 0), ==, start + 105 * MINUTE);
}

static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 start = now (fixture);

  bb_reminder_set_enabled (fixture->reminder, TRUE);
  advance (fixture, 60 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 1);

  bb_reminder_snooze (fixture->reminder);
  assert_due (fixture, start + 70 * MINUTE);
  advance (fixture, 10 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 2);
  /* After the snoozed one, an interval again. */
  assert_due (fixture, start + 130 * MINUTE);

  /* A break ends a snooze. */
  bb_reminder_snooze (fixture->reminder);
  assert_due (fixture, start + 80 * MINUTE);
  advance (fixture, 5 * MINUTE);
  bb_reminder_note_break (fixture->reminder, now (fixture));
  assert_due (fixture, start + 135 * MINUTE);

  /* A longer snooze set mid-way counts from when it was set. */
  bb_reminder_snooze (fixture->reminder);
  bb_reminder_set_snooze_minutes (fixture->reminder, 30);
  assert_due (fixture, start + 85 * MINUTE);
  bb_reminder_snooze (fixture->reminder);
  assert_due (fixture, start + 105 * MINUTE);
}

static void
test_interval_changed (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 start = now (fixture);

  bb_reminder_set_enabled (fixture->reminder, TRUE);
  advance (fixture, 40 * MINUTE);

  /* Longer: later. */
  bb_reminder_set_interval (fixture->reminder, 90);
  assert_due (fixture, start + 90 * MINUTE);

  /* Shorter and already past: now, once. */
  bb_reminder_set_interval (fixture->reminder, 30);
  assert_due (fixture, start + 40 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 0);
  g_assert_cmpuint (bb_fake_clock_dispatch (BB_FAKE_CLOCK (fixture->clock)), ==, 1);
  g_assert_cmpuint (fixture->n_due, ==, 1);
  assert_due (fixture, start + 70 * MINUTE);
  advance (fixture, 29 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 1);
  advance (fixture, 1 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 2);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_disabled (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 start = now (fixture);
  guint n_notify = 0;

  g_signal_connect (fixture->reminder, "notify::next-due", G_CALLBACK (count_notify_cb), &n_notify);

  bb_reminder_set_enabled (fixture->reminder, TRUE);
  g_assert_cmpuint (n_notify, ==, 1);
  /* The same value notifies nothing. */
  bb_reminder_set_enabled (fixture->reminder, TRUE);
  bb_reminder_set_interval (fixture->reminder, 60);
  g_assert_cmpuint (n_notify, ==, 1);

  advance (fixture, 50 * MINUTE);
  bb_reminder_set_enabled (fixture->reminder, FALSE);
  g_assert_cmpuint (n_notify, ==, 2);
  assert_due (fixture, 0);
  advance (fixture, 3 * HOUR);
  g_assert_cmpuint (fixture->n_due, ==, 0);

  /* Enabled again: the countdown starts afresh, no reminder for the
   * hours it was off. */
  bb_reminder_set_enabled (fixture->reminder, TRUE);
  assert_due (fixture, start + 50 * MINUTE + 3 * HOUR + 60 * MINUTE);
  g_assert_cmpuint (bb_fake_clock_dispatch (BB_FAKE_CLOCK (fixture->clock)), ==, 0);

  /* A snooze does not outlive a disable. */
  bb_reminder_snooze (fixture->reminder);
  bb_reminder_set_enabled (fixture->reminder, FALSE);
  bb_reminder_snooze (fixture->reminder);
  assert_due (fixture, 0);
}

static void
office_hours (Fixture *fixture)
{
  g_object_set (fixture->reminder,
                "active-start", 9 * 60,
                "active-end", 18 * 60,
                "active-weekdays", BB_REMINDER_WEEKDAYS_WORK,
                NULL);
}

static void
test_active_same_day (Fixture       *fixture,
                      gconstpointer  data)
{
  GTimeZone *zone = fixture->zone;

  /* Tuesday 07:00: the first is due when the window opens at 09:00. */
  advance (fixture, 21 * HOUR);
  g_assert_cmpint (now (fixture), ==, at (zone, 2026, 11, 17, 7, 0));
  office_hours (fixture);
  bb_reminder_set_enabled (fixture->reminder, TRUE);
  assert_due (fixture, at (zone, 2026, 11, 17, 9, 0));

  /* One on entering the window, then every interval. */
  advance (fixture, 2 * HOUR);
  g_assert_cmpuint (fixture->n_due, ==, 1);
  assert_due (fixture, at (zone, 2026, 11, 17, 10, 0));
}

static void
test_active_next_day (Fixture       *fixture,
                      gconstpointer  data)
{
  GTimeZone *zone = fixture->zone;

  office_hours (fixture);
  bb_reminder_set_enabled (fixture->reminder, TRUE);
  advance (fixture, 7 * HOUR + 30 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 7);

  /* Monday 17:30: 18:30 is after the window; the end is not in it. */
  g_assert_cmpint (now (fixture), ==, at (zone, 2026, 11, 16, 17, 30));
  bb_reminder_note_break (fixture->reminder, now (fixture));
  assert_due (fixture, at (zone, 2026, 11, 17, 9, 0));

  /* A whole night off: one reminder in the morning, not a burst. */
  advance (fixture, 15 * HOUR + 30 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 8);
  assert_due (fixture, at (zone, 2026, 11, 17, 10, 0));
  advance (fixture, 3 * HOUR);
  g_assert_cmpuint (fixture->n_due, ==, 11);
}

static void
test_active_weekend (Fixture       *fixture,
                     gconstpointer  data)
{
  GTimeZone *zone = fixture->zone;

  /* Friday 20 November, 17:30, to Monday 09:30. */
  advance (fixture, 4 * 24 * HOUR + 7 * HOUR + 30 * MINUTE);
  office_hours (fixture);
  bb_reminder_set_enabled (fixture->reminder, TRUE);
  assert_due (fixture, at (zone, 2026, 11, 23, 9, 0));

  advance (fixture, 2 * 24 * HOUR + 16 * HOUR);
  g_assert_cmpuint (fixture->n_due, ==, 1);
  g_assert_cmpint (g_array_index (fixture->due_at, gint64, 0), ==, at (zone, 2026, 11, 23, 9, 0));

  /* Saturday alone. */
  bb_reminder_set_active_weekdays (fixture->reminder, BB_REMINDER_WEEKDAY (G_DATE_SATURDAY));
  assert_due (fixture, at (zone, 2026, 11, 28, 9, 0));

  /* No day at all: never. */
  bb_reminder_set_active_weekdays (fixture->reminder, 0);
  assert_due (fixture, 0);
}

static void
test_active_midnight (Fixture       *fixture,
                      gconstpointer  data)
{
  GTimeZone *zone = fixture->zone;

  /* A night shift, 22:00 to 06:00, opening Monday to Friday. */
  g_object_set (fixture->reminder,
                "active-start", 22 * 60,
                "active-end", 6 * 60,
                "active-weekdays", BB_REMINDER_WEEKDAYS_WORK,
                NULL);

  /* Monday 10:00 + 60 min: the window opens at 22:00. */
  bb_reminder_set_enabled (fixture->reminder, TRUE);
  assert_due (fixture, at (zone, 2026, 11, 16, 22, 0));

  /* Saturday 02:00 is in Friday's window. */
  advance (fixture, 4 * 24 * HOUR + 15 * HOUR);
  g_assert_cmpint (now (fixture), ==, at (zone, 2026, 11, 21, 1, 0));
  bb_reminder_note_break (fixture->reminder, now (fixture));
  assert_due (fixture, at (zone, 2026, 11, 21, 2, 0));

  /* Saturday 05:30 + 60 min is past 06:00; Saturday's and Sunday's
   * windows are off: Monday 22:00. */
  advance (fixture, 4 * HOUR + 30 * MINUTE);
  bb_reminder_note_break (fixture->reminder, now (fixture));
  assert_due (fixture, at (zone, 2026, 11, 23, 22, 0));

  /* The whole day when the end is the start. */
  bb_reminder_set_active_end (fixture->reminder, 22 * 60);
  assert_due (fixture, at (zone, 2026, 11, 21, 6, 30));
}

static void
test_jump_forward (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 start = now (fixture);

  bb_reminder_set_enabled (fixture->reminder, TRUE);
  advance (fixture, 10 * MINUTE);

  /* Two hours ahead, past two due times: one reminder. */
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), 2 * HOUR);
  g_assert_cmpuint (fixture->n_due, ==, 1);
  g_assert_cmpint (g_array_index (fixture->due_at, gint64, 0), ==, start + 130 * MINUTE);
  assert_due (fixture, start + 190 * MINUTE);

  /* A resume after a night asleep is the same. */
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), 9 * HOUR);
  g_assert_cmpuint (fixture->n_due, ==, 2);
  g_assert_cmpint (g_array_index (fixture->due_at, gint64, 1), ==, start + 11 * HOUR + 10 * MINUTE);
  assert_due (fixture, start + 12 * HOUR + 10 * MINUTE);

  /* Ahead but not as far as the due time: nothing yet. */
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), 30 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 2);
  assert_due (fixture, start + 12 * HOUR + 10 * MINUTE);
}

static void
test_jump_backward (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 start = now (fixture);

  bb_reminder_set_enabled (fixture->reminder, TRUE);
  advance (fixture, 30 * MINUTE);

  /* Back ten minutes: the due time stays where it was on the wall. */
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), -10 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 0);
  assert_due (fixture, start + 60 * MINUTE);

  /* Back two hours, to before the countdown began: not due at once and
   * not lost, at most an interval away. */
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), -2 * HOUR);
  g_assert_cmpuint (fixture->n_due, ==, 0);
  g_assert_cmpint (now (fixture), ==, start - 100 * MINUTE);
  assert_due (fixture, start - 40 * MINUTE);
  advance (fixture, 60 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 1);

  /* A snooze is not stretched by the clock going back either. */
  bb_reminder_snooze (fixture->reminder);
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), -2 * HOUR);
  assert_due (fixture, now (fixture) + 10 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 1);
}

/* Enabled at 17:30 on a Friday before a DST change, over the weekend:
 * one reminder, when the office opens on Monday after the change. */
static void
check_dst (const char *zone_id,
           int         year,
           int         month,
           int         friday,
           gint64      expected_utc_s)
{
  Fixture fixture = { 0 };

  setup_at (&fixture, zone_id, year, month, friday, 17, 30);
  office_hours (&fixture);
  bb_reminder_set_enabled (fixture.reminder, TRUE);
  assert_due (&fixture, expected_utc_s * SEC);

  advance (&fixture, expected_utc_s * SEC - now (&fixture) + 30 * MINUTE);
  g_assert_cmpuint (fixture.n_due, ==, 1);
  g_assert_cmpint (g_array_index (fixture.due_at, gint64, 0), ==, expected_utc_s * SEC);
  assert_due (&fixture, expected_utc_s * SEC + 60 * MINUTE);
  fixture_teardown (&fixture, NULL);
}

static void
test_dst (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  Fixture fixture = { 0 };
  gint64 before;

  /* Berlin springs forward on Sunday 29 March 2026: Friday 16:30 CET,
   * then Monday 09:00 CEST is 07:00 UTC. */
  check_dst ("Europe/Berlin", 2026, 3, 27, at (utc, 2026, 3, 30, 7, 0) / SEC);
  /* Falls back on Sunday 25 October: Monday 09:00 CET is 08:00 UTC. */
  check_dst ("Europe/Berlin", 2026, 10, 23, at (utc, 2026, 10, 26, 8, 0) / SEC);
  /* New York springs forward on Sunday 8 March: 09:00 EDT, 13:00 UTC. */
  check_dst ("America/New_York", 2026, 3, 6, at (utc, 2026, 3, 9, 13, 0) / SEC);
  /* Falls back on Sunday 1 November: 09:00 EST, 14:00 UTC. */
  check_dst ("America/New_York", 2026, 10, 30, at (utc, 2026, 11, 2, 14, 0) / SEC);

  /* The interval is real time across the change: 01:30 CET plus an hour
   * is 03:30 CEST. */
  setup_at (&fixture, "Europe/Berlin", 2026, 3, 29, 1, 30);
  before = now (&fixture);
  bb_reminder_set_enabled (fixture.reminder, TRUE);
  assert_due (&fixture, before + 60 * MINUTE);
  g_assert_cmpint (before + 60 * MINUTE, ==, at (utc, 2026, 3, 29, 1, 30));
  g_assert_cmpint (before + 60 * MINUTE, ==, at (fixture.zone, 2026, 3, 29, 3, 30));

  /* A window opening in the skipped hour opens when the hour ends,
   * 03:00 CEST: an hour and a half after 00:30 CET, not an hour. */
  bb_reminder_set_active_start (fixture.reminder, 2 * 60 + 30);
  bb_reminder_set_active_end (fixture.reminder, 23 * 60);
  bb_reminder_set_interval (fixture.reminder, 1);
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture.clock), -HOUR);
  g_assert_cmpuint (fixture.n_due, ==, 0);
  assert_due (&fixture, at (utc, 2026, 3, 29, 1, 0));
  g_assert_cmpint (at (utc, 2026, 3, 29, 1, 0), ==, before + 30 * MINUTE);

  /* Falling back, the repeated hour: real time again. */
  fixture_teardown (&fixture, NULL);
  fixture = (Fixture) { 0 };
  setup_at (&fixture, "Europe/Berlin", 2026, 10, 25, 1, 50);
  before = now (&fixture);
  bb_reminder_set_enabled (fixture.reminder, TRUE);
  advance (&fixture, 60 * MINUTE);
  g_assert_cmpuint (fixture.n_due, ==, 1);
  g_assert_cmpint (g_array_index (fixture.due_at, gint64, 0), ==, before + 60 * MINUTE);
  assert_due (&fixture, before + 120 * MINUTE);
  fixture_teardown (&fixture, NULL);
}

static void
test_time_zone_change (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");

  office_hours (fixture);

  /* Monday 17:30 in Berlin: after the window, Tuesday 09:00. */
  advance (fixture, 7 * HOUR + 30 * MINUTE);
  bb_reminder_set_enabled (fixture->reminder, TRUE);
  assert_due (fixture, at (fixture->zone, 2026, 11, 17, 9, 0));

  /* Flown to New York, it is 11:30 there: 12:30 is in the window. */
  bb_reminder_set_time_zone (fixture->reminder, new_york);
  assert_due (fixture, now (fixture) + 60 * MINUTE);
  g_assert_cmpint (now (fixture) + 60 * MINUTE, ==, at (new_york, 2026, 11, 16, 12, 30));

  /* Back to the local zone of the process (UTC here, or whatever it
   * is): the due time is worked out again, still one timeout. */
  bb_reminder_set_time_zone (fixture->reminder, NULL);
  g_assert_null (bb_reminder_get_time_zone (fixture->reminder));
  assert_due (fixture, bb_reminder_get_next_due (fixture->reminder));
  g_assert_cmpint (bb_reminder_get_next_due (fixture->reminder), >=, now (fixture) + 60 * MINUTE);
}

static void
test_away (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 start = now (fixture);

  bb_reminder_set_enabled (fixture->reminder, TRUE);
  advance (fixture, 40 * MINUTE);

  /* Four minutes away is under the threshold of five. */
  bb_reminder_note_away (fixture->reminder, now (fixture) - 4 * MINUTE, now (fixture));
  assert_due (fixture, start + 60 * MINUTE);
  g_assert_cmpint (bb_reminder_get_last_break (fixture->reminder), ==, 0);

  /* Five is a break that ends when the user came back. */
  bb_reminder_note_away (fixture->reminder, now (fixture) - 7 * MINUTE, now (fixture) - 2 * MINUTE);
  assert_due (fixture, start + 98 * MINUTE);
  g_assert_cmpint (bb_reminder_get_last_break (fixture->reminder), ==, start + 38 * MINUTE);

  bb_reminder_set_away_minutes (fixture->reminder, 30);
  bb_reminder_note_away (fixture->reminder, now (fixture) - 20 * MINUTE, now (fixture));
  assert_due (fixture, start + 98 * MINUTE);
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 start = now (fixture);

  bb_reminder_set_enabled (fixture->reminder, TRUE);
  bb_reminder_set_away_minutes (fixture->reminder, 30);

  /* Locked over the due time, for less than the away time: nothing while
   * locked, one reminder at the unlock. */
  advance (fixture, 55 * MINUTE);
  bb_reminder_set_locked (fixture->reminder, TRUE);
  assert_due (fixture, start + 60 * MINUTE);
  advance (fixture, 10 * MINUTE);
  g_assert_cmpuint (fixture->n_due, ==, 0);
  bb_reminder_set_locked (fixture->reminder, FALSE);
  assert_due (fixture, start + 65 * MINUTE);
  g_assert_cmpuint (bb_fake_clock_dispatch (BB_FAKE_CLOCK (fixture->clock)), ==, 1);
  g_assert_cmpuint (fixture->n_due, ==, 1);

  /* A long lock is a break: the countdown starts afresh at the unlock. */
  bb_reminder_set_locked (fixture->reminder, TRUE);
  advance (fixture, 3 * HOUR);
  g_assert_cmpuint (fixture->n_due, ==, 1);
  bb_reminder_set_locked (fixture->reminder, FALSE);
  assert_due (fixture, start + 65 * MINUTE + 3 * HOUR + 60 * MINUTE);
  g_assert_cmpuint (bb_fake_clock_dispatch (BB_FAKE_CLOCK (fixture->clock)), ==, 0);
}

static void
test_weekdays_from_days (void)
{
  const guint32 work[] = { 1, 2, 3, 4, 5 };
  const guint32 odd[] = { 7, 0, 8, 6 };

  g_assert_cmpuint (bb_reminder_weekdays_from_days (work, G_N_ELEMENTS (work)), ==, BB_REMINDER_WEEKDAYS_WORK);
  g_assert_cmpuint (bb_reminder_weekdays_from_days (odd, G_N_ELEMENTS (odd)), ==, 0x60);
  g_assert_cmpuint (bb_reminder_weekdays_from_days (NULL, 0), ==, 0);
}

#define ADD(path, func) \
  g_test_add ("/reminder/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("first-due", test_first_due);
  ADD ("break-resets", test_break_resets);
  ADD ("snooze", test_snooze);
  ADD ("interval-changed", test_interval_changed);
  ADD ("disabled", test_disabled);
  ADD ("active/same-day", test_active_same_day);
  ADD ("active/next-day", test_active_next_day);
  ADD ("active/weekend", test_active_weekend);
  ADD ("active/midnight", test_active_midnight);
  ADD ("jump/forward", test_jump_forward);
  ADD ("jump/backward", test_jump_backward);
  g_test_add_func ("/reminder/dst", test_dst);
  ADD ("time-zone-change", test_time_zone_change);
  ADD ("away", test_away);
  ADD ("locked", test_locked);
  g_test_add_func ("/reminder/weekdays-from-days", test_weekdays_from_days);

  return g_test_run ();
}
