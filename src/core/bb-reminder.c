/* bb-reminder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-reminder.h"

/*
 * When the next break reminder is due, and one wall-clock timeout for it.
 * No settings and no notifications here: the service sets the properties
 * from GSettings and the history, and shows a notification on ::due.
 *
 * The countdown starts at the latest of: the reminders being enabled, the
 * last break (a session of a minute or more, or away time over
 * #BbReminder:away-minutes) and the last reminder. The next reminder is
 * due one interval after it, or at the end of a snooze, and never before
 * now: a due time already past (a shorter interval, a clock set forward, a
 * night asleep) gives one reminder now, not one for each interval missed.
 *
 * Outside the active hours and days it moves to the start of the next
 * active window, so entering a window gives at most one reminder. The
 * window is worked out in #BbReminder:time-zone with GDateTime, so it
 * follows DST and a change of zone; the interval itself is real time.
 *
 * A clock set back leaves the countdown's start in the future: it is
 * brought back to now, so a reminder is never further away than one
 * interval (or one snooze) from the moment the clock was set. Every
 * change of a property and every BbClock::wall-clock-changed works the
 * due time out again; one wall-clock timeout at most is pending.
 */

struct _BbReminder
{
  GObject    parent_instance;

  /* Owned */
  BbClock   *clock;
  GTimeZone *time_zone;      /* NULL: the local zone */

  /* Plain state */
  gint64     last_break;     /* real µs, as set */
  gint64     start;          /* real µs the countdown runs from */
  gint64     snoozed_until;  /* real µs, or 0 */
  gint64     locked_since;   /* real µs */
  gint64     next_due;       /* real µs, or 0 */
  gint64     armed_for;      /* deadline of the pending timeout */
  guint      timeout_id;
  guint      interval;
  guint      active_start;
  guint      active_end;
  guint      active_weekdays;
  guint      snooze_minutes;
  guint      away_minutes;
  guint      enabled : 1;
  guint      locked : 1;
};

G_DEFINE_FINAL_TYPE (BbReminder, bb_reminder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_ENABLED,
  PROP_INTERVAL,
  PROP_ACTIVE_START,
  PROP_ACTIVE_END,
  PROP_ACTIVE_WEEKDAYS,
  PROP_SNOOZE_MINUTES,
  PROP_AWAY_MINUTES,
  PROP_LAST_BREAK,
  PROP_TIME_ZONE,
  PROP_LOCKED,
  PROP_NEXT_DUE,
  N_PROPS
};

enum {
  DUE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Sixty seconds, except in tests that run the schedule faster (see
 * bb_reminder_set_seconds_per_minute()). */
static gint64 minute_us = G_GINT64_CONSTANT (60) * G_USEC_PER_SEC;
#define MINUTE_US minute_us

static gint64
now (BbReminder *self)
{
  return bb_clock_get_real_time (self->clock);
}

/* @minutes after midnight on @date in @zone. A time that DST skips comes
 * out moved forward by GLib, such as 02:30 as 03:30. */
static gint64
local_time (GTimeZone   *zone,
            const GDate *date,
            guint        minutes)
{
  g_autoptr(GDateTime) time = g_date_time_new (zone,
                                               g_date_get_year (date),
                                               g_date_get_month (date),
                                               g_date_get_day (date),
                                               minutes / 60, minutes % 60, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

/* The earliest time from @when on that is in an active window, or 0 when
 * no day is active. A window starts on an active day at active-start and
 * ends at active-end, the next day when the end is not after the start
 * (an equal end makes it 24 hours long); it belongs to the day it starts
 * on. */
static gint64
next_active (BbReminder *self,
             gint64      when)
{
  g_autoptr(GTimeZone) zone = self->time_zone != NULL
                              ? g_time_zone_ref (self->time_zone)
                              : g_time_zone_new_local ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  GDate date;
  int year, month, day;

  if ((self->active_weekdays & BB_REMINDER_WEEKDAYS_ALL) == 0)
    return 0;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  /* Yesterday's window may still be open; a week and a day later, one of
   * the days is active. */
  g_date_subtract_days (&date, 1);
  for (guint i = 0; i < 9; i++, g_date_add_days (&date, 1))
    {
      GDate end_date = date;
      gint64 from, to;

      if ((self->active_weekdays & BB_REMINDER_WEEKDAY (g_date_get_weekday (&date))) == 0)
        continue;

      if (self->active_end <= self->active_start)
        g_date_add_days (&end_date, 1);

      from = local_time (zone, &date, self->active_start);
      to = local_time (zone, &end_date, self->active_end);

      if (when < from)
        return from;
      if (when < to)
        return when;
    }

  g_assert_not_reached ();
  return 0;
}

static void due_cb (BbClock  *clock,
                    gpointer  user_data);

static void
disarm (BbReminder *self)
{
  if (self->timeout_id != 0)
    bb_clock_remove_timeout (self->clock, self->timeout_id);
  self->timeout_id = 0;
}

/* Works the due time out again and keeps the one timeout on it. */
static void
reschedule (BbReminder *self)
{
  gint64 due = 0;

  if (self->clock == NULL)
    return;

  if (self->enabled)
    {
      gint64 real_now = now (self);
      gint64 when;

      /* The clock was set back: nothing is further away than it was when
       * it was set. */
      self->start = MIN (self->start, real_now);
      if (self->snoozed_until != 0)
        self->snoozed_until = MIN (self->snoozed_until,
                                   real_now + self->snooze_minutes * MINUTE_US);

      when = self->snoozed_until != 0 ? self->snoozed_until
                                      : self->start + self->interval * MINUTE_US;
      due = next_active (self, MAX (when, real_now));
    }

  if (due != self->next_due)
    {
      self->next_due = due;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
    }

  if (due == 0 || self->locked)
    {
      disarm (self);
      return;
    }

  if (self->timeout_id != 0 && self->armed_for == due)
    return;

  disarm (self);
  self->armed_for = due;
  self->timeout_id = bb_clock_add_wall_timeout_at (self->clock, due, due_cb, self, NULL);
}

static void
due_cb (BbClock  *clock,
        gpointer  user_data)
{
  BbReminder *self = user_data;

  self->timeout_id = 0;

  /* The next one is an interval after this one, unless a break comes. */
  self->start = now (self);
  self->snoozed_until = 0;
  reschedule (self);

  g_signal_emit (self, signals[DUE], 0);
}

static void
wall_clock_changed_cb (BbReminder *self)
{
  reschedule (self);
}

/* Moves the countdown's start to a break that ended at @end. */
static void
take_break (BbReminder *self,
            gint64      end)
{
  end = MIN (end, now (self));
  if (end > self->start)
    {
      self->start = end;
      self->snoozed_until = 0;
    }
}

static void
set_uint (BbReminder *self,
          guint      *field,
          guint       value,
          guint       prop_id)
{
  if (*field == value)
    return;

  *field = value;
  reschedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
bb_reminder_dispose (GObject *object)
{
  BbReminder *self = (BbReminder *)object;

  if (self->clock != NULL)
    {
      disarm (self);
      g_signal_handlers_disconnect_by_data (self->clock, self);
    }
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (bb_reminder_parent_class)->dispose (object);
}

static void
bb_reminder_finalize (GObject *object)
{
  BbReminder *self = (BbReminder *)object;

  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (bb_reminder_parent_class)->finalize (object);
}

static void
bb_reminder_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BbReminder *self = BB_REMINDER (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;

    case PROP_ACTIVE_START:
      g_value_set_uint (value, self->active_start);
      break;

    case PROP_ACTIVE_END:
      g_value_set_uint (value, self->active_end);
      break;

    case PROP_ACTIVE_WEEKDAYS:
      g_value_set_uint (value, self->active_weekdays);
      break;

    case PROP_SNOOZE_MINUTES:
      g_value_set_uint (value, self->snooze_minutes);
      break;

    case PROP_AWAY_MINUTES:
      g_value_set_uint (value, self->away_minutes);
      break;

    case PROP_LAST_BREAK:
      g_value_set_int64 (value, self->last_break);
      break;

    case PROP_TIME_ZONE:
      g_value_set_boxed (value, self->time_zone);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;

    case PROP_NEXT_DUE:
      g_value_set_int64 (value, self->next_due);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_reminder_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BbReminder *self = BB_REMINDER (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      g_signal_connect_swapped (self->clock, "wall-clock-changed",
                                G_CALLBACK (wall_clock_changed_cb), self);
      break;

    case PROP_ENABLED:
      bb_reminder_set_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_INTERVAL:
      bb_reminder_set_interval (self, g_value_get_uint (value));
      break;

    case PROP_ACTIVE_START:
      bb_reminder_set_active_start (self, g_value_get_uint (value));
      break;

    case PROP_ACTIVE_END:
      bb_reminder_set_active_end (self, g_value_get_uint (value));
      break;

    case PROP_ACTIVE_WEEKDAYS:
      bb_reminder_set_active_weekdays (self, g_value_get_uint (value));
      break;

    case PROP_SNOOZE_MINUTES:
      bb_reminder_set_snooze_minutes (self, g_value_get_uint (value));
      break;

    case PROP_AWAY_MINUTES:
      bb_reminder_set_away_minutes (self, g_value_get_uint (value));
      break;

    case PROP_LAST_BREAK:
      bb_reminder_set_last_break (self, g_value_get_int64 (value));
      break;

    case PROP_TIME_ZONE:
      bb_reminder_set_time_zone (self, g_value_get_boxed (value));
      break;

    case PROP_LOCKED:
      bb_reminder_set_locked (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_reminder_class_init (BbReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bb_reminder_dispose;
  object_class->finalize = bb_reminder_finalize;
  object_class->get_property = bb_reminder_get_property;
  object_class->set_property = bb_reminder_set_property;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         BB_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * BbReminder:enabled:
   *
   * Whether reminders are due at all. Enabling starts the countdown
   * afresh.
   */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbReminder:interval:
   *
   * Minutes from the last break (or reminder) to the next reminder.
   */
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL,
                       1, 24 * 60, 60,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbReminder:active-start:
   *
   * Minutes after local midnight at which the active window opens.
   */
  properties[PROP_ACTIVE_START] =
    g_param_spec_uint ("active-start", NULL, NULL,
                       0, 24 * 60 - 1, 9 * 60,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbReminder:active-end:
   *
   * Minutes after local midnight at which the active window closes: on
   * the next day when not after #BbReminder:active-start, so an equal end
   * makes the window the whole day.
   */
  properties[PROP_ACTIVE_END] =
    g_param_spec_uint ("active-end", NULL, NULL,
                       0, 24 * 60 - 1, 18 * 60,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbReminder:active-weekdays:
   *
   * The days whose window is active, a bit mask of BB_REMINDER_WEEKDAY()
   * (bit 0 is Monday, bit 6 Sunday). A window that spans midnight counts
   * for the day it opens on. With no day, no reminder is due.
   */
  properties[PROP_ACTIVE_WEEKDAYS] =
    g_param_spec_uint ("active-weekdays", NULL, NULL,
                       0, BB_REMINDER_WEEKDAYS_ALL, BB_REMINDER_WEEKDAYS_WORK,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SNOOZE_MINUTES] =
    g_param_spec_uint ("snooze-minutes", NULL, NULL,
                       1, 24 * 60, 10,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbReminder:away-minutes:
   *
   * Away time (locked, asleep, idle) at least this long is a break.
   */
  properties[PROP_AWAY_MINUTES] =
    g_param_spec_uint ("away-minutes", NULL, NULL,
                       1, 24 * 60, 5,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbReminder:last-break:
   *
   * The end of the last break, real microseconds, as the history has it
   * (bb_history_get_last_break()); 0 for none. Only a break after the
   * countdown's start moves it.
   */
  properties[PROP_LAST_BREAK] =
    g_param_spec_int64 ("last-break", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbReminder:time-zone:
   *
   * The zone of the active hours; %NULL for the local zone.
   */
  properties[PROP_TIME_ZONE] =
    g_param_spec_boxed ("time-zone", NULL, NULL,
                        G_TYPE_TIME_ZONE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbReminder:locked:
   *
   * While the screen is locked no reminder is shown; a lock at least
   * #BbReminder:away-minutes long is a break that ends at the unlock.
   */
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbReminder:next-due:
   *
   * When the next reminder is due, real microseconds; 0 when disabled or
   * when no day is active.
   */
  properties[PROP_NEXT_DUE] =
    g_param_spec_int64 ("next-due", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbReminder::due:
   *
   * A reminder is due now. At most once per due time, never while locked.
   */
  signals[DUE] =
    g_signal_new ("due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
bb_reminder_init (BbReminder *self)
{
  self->interval = 60;
  self->active_start = 9 * 60;
  self->active_end = 18 * 60;
  self->active_weekdays = BB_REMINDER_WEEKDAYS_WORK;
  self->snooze_minutes = 10;
  self->away_minutes = 5;
}

BbReminder *
bb_reminder_new (BbClock *clock)
{
  g_return_val_if_fail (BB_IS_CLOCK (clock), NULL);

  return g_object_new (BB_TYPE_REMINDER, "clock", clock, NULL);
}

BbClock *
bb_reminder_get_clock (BbReminder *self)
{
  g_return_val_if_fail (BB_IS_REMINDER (self), NULL);

  return self->clock;
}

gboolean
bb_reminder_get_enabled (BbReminder *self)
{
  g_return_val_if_fail (BB_IS_REMINDER (self), FALSE);

  return self->enabled;
}

void
bb_reminder_set_enabled (BbReminder *self,
                         gboolean    enabled)
{
  g_return_if_fail (BB_IS_REMINDER (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  self->snoozed_until = 0;
  if (enabled)
    self->start = now (self);

  reschedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

guint
bb_reminder_get_interval (BbReminder *self)
{
  g_return_val_if_fail (BB_IS_REMINDER (self), 0);

  return self->interval;
}

void
bb_reminder_set_interval (BbReminder *self,
                          guint       minutes)
{
  g_return_if_fail (BB_IS_REMINDER (self));
  g_return_if_fail (minutes >= 1 && minutes <= 24 * 60);

  set_uint (self, &self->interval, minutes, PROP_INTERVAL);
}

guint
bb_reminder_get_active_start (BbReminder *self)
{
  g_return_val_if_fail (BB_IS_REMINDER (self), 0);

  return self->active_start;
}

void
bb_reminder_set_active_start (BbReminder *self,
                              guint       minutes)
{
  g_return_if_fail (BB_IS_REMINDER (self));
  g_return_if_fail (minutes < 24 * 60);

  set_uint (self, &self->active_start, minutes, PROP_ACTIVE_START);
}

guint
bb_reminder_get_active_end (BbReminder *self)
{
  g_return_val_if_fail (BB_IS_REMINDER (self), 0);

  return self->active_end;
}

void
bb_reminder_set_active_end (BbReminder *self,
                            guint       minutes)
{
  g_return_if_fail (BB_IS_REMINDER (self));
  g_return_if_fail (minutes < 24 * 60);

  set_uint (self, &self->active_end, minutes, PROP_ACTIVE_END);
}

guint
bb_reminder_get_active_weekdays (BbReminder *self)
{
  g_return_val_if_fail (BB_IS_REMINDER (self), 0);

  return self->active_weekdays;
}

void
bb_reminder_set_active_weekdays (BbReminder *self,
                                 guint       weekdays)
{
  g_return_if_fail (BB_IS_REMINDER (self));
  g_return_if_fail ((weekdays & ~BB_REMINDER_WEEKDAYS_ALL) == 0);

  set_uint (self, &self->active_weekdays, weekdays, PROP_ACTIVE_WEEKDAYS);
}

guint
bb_reminder_get_snooze_minutes (BbReminder *self)
{
  g_return_val_if_fail (BB_IS_REMINDER (self), 0);

  return self->snooze_minutes;
}

void
bb_reminder_set_snooze_minutes (BbReminder *self,
                                guint       minutes)
{
  g_return_if_fail (BB_IS_REMINDER (self));
  g_return_if_fail (minutes >= 1 && minutes <= 24 * 60);

  set_uint (self, &self->snooze_minutes, minutes, PROP_SNOOZE_MINUTES);
}

guint
bb_reminder_get_away_minutes (BbReminder *self)
{
  g_return_val_if_fail (BB_IS_REMINDER (self), 0);

  return self->away_minutes;
}

void
bb_reminder_set_away_minutes (BbReminder *self,
                              guint       minutes)
{
  g_return_if_fail (BB_IS_REMINDER (self));
  g_return_if_fail (minutes >= 1 && minutes <= 24 * 60);

  set_uint (self, &self->away_minutes, minutes, PROP_AWAY_MINUTES);
}

gint64
bb_reminder_get_last_break (BbReminder *self)
{
  g_return_val_if_fail (BB_IS_REMINDER (self), 0);

  return self->last_break;
}

/**
 * bb_reminder_set_last_break:
 * @real_us: the end of the last break, real microseconds
 *
 * Sets the last break as the history has it, such as after a session
 * ended in the window app. A break later than the countdown's start
 * starts it afresh and ends a snooze.
 */
void
bb_reminder_set_last_break (BbReminder *self,
                            gint64      real_us)
{
  g_return_if_fail (BB_IS_REMINDER (self));
  g_return_if_fail (real_us >= 0);

  if (self->last_break == real_us)
    return;

  self->last_break = real_us;
  if (self->clock != NULL && self->enabled)
    take_break (self, real_us);

  reschedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_BREAK]);
}

/**
 * bb_reminder_get_time_zone:
 *
 * Returns: (transfer none) (nullable): the zone of the active hours, or
 *   %NULL for the local zone
 */
GTimeZone *
bb_reminder_get_time_zone (BbReminder *self)
{
  g_return_val_if_fail (BB_IS_REMINDER (self), NULL);

  return self->time_zone;
}

/**
 * bb_reminder_set_time_zone:
 * @time_zone: (nullable): a zone, or %NULL for the local one
 *
 * Sets the zone the active hours are in. The service sets it again when
 * the system's zone changes, which moves no real time.
 */
void
bb_reminder_set_time_zone (BbReminder *self,
                           GTimeZone  *time_zone)
{
  g_return_if_fail (BB_IS_REMINDER (self));

  if (self->time_zone == time_zone)
    return;

  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  if (time_zone != NULL)
    self->time_zone = g_time_zone_ref (time_zone);

  reschedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

gboolean
bb_reminder_get_locked (BbReminder *self)
{
  g_return_val_if_fail (BB_IS_REMINDER (self), FALSE);

  return self->locked;
}

/**
 * bb_reminder_set_locked:
 *
 * Says whether the screen is locked. Nothing is due while it is; a lock
 * of at least #BbReminder:away-minutes is a break ending at the unlock,
 * and a reminder that fell due during a shorter one comes at the unlock.
 */
void
bb_reminder_set_locked (BbReminder *self,
                        gboolean    locked)
{
  g_return_if_fail (BB_IS_REMINDER (self));

  locked = !!locked;
  if (self->locked == locked)
    return;

  self->locked = locked;
  if (self->clock != NULL)
    {
      if (locked)
        self->locked_since = now (self);
      else
        bb_reminder_note_away (self, self->locked_since, now (self));
    }

  reschedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

gint64
bb_reminder_get_next_due (BbReminder *self)
{
  g_return_val_if_fail (BB_IS_REMINDER (self), 0);

  return self->next_due;
}

/**
 * bb_reminder_snooze:
 *
 * Puts the next reminder off to #BbReminder:snooze-minutes from now (or
 * the next active window, if that is later).
 */
void
bb_reminder_snooze (BbReminder *self)
{
  g_return_if_fail (BB_IS_REMINDER (self));

  if (!self->enabled)
    return;

  self->snoozed_until = now (self) + self->snooze_minutes * MINUTE_US;
  reschedule (self);
}

/**
 * bb_reminder_note_break:
 * @end_real_us: when the break ended, real microseconds
 *
 * Notes a session of at least %BB_REMINDER_MIN_BREAK_MS that ended at
 * @end_real_us: the countdown starts from there. Moves
 * #BbReminder:last-break forward.
 */
void
bb_reminder_note_break (BbReminder *self,
                        gint64      end_real_us)
{
  g_return_if_fail (BB_IS_REMINDER (self));

  if (end_real_us > self->last_break)
    bb_reminder_set_last_break (self, end_real_us);
}

/**
 * bb_reminder_note_away:
 * @from_real_us: when the user went away
 * @to_real_us: when the user came back
 *
 * Notes away time (locked, asleep, idle). At least
 * #BbReminder:away-minutes of it is a break ending at @to_real_us.
 */
void
bb_reminder_note_away (BbReminder *self,
                       gint64      from_real_us,
                       gint64      to_real_us)
{
  g_return_if_fail (BB_IS_REMINDER (self));

  if (to_real_us - from_real_us >= self->away_minutes * MINUTE_US)
    bb_reminder_note_break (self, to_real_us);
}

/**
 * bb_reminder_weekdays_from_days:
 * @iso_days: (array length=n_days): ISO weekdays, Monday being 1, as
 *   the `active-weekdays` setting holds them
 *
 * Returns: the mask for #BbReminder:active-weekdays; days out of range
 *   are left out
 */
guint
bb_reminder_weekdays_from_days (const guint32 *iso_days,
                                gsize          n_days)
{
  guint mask = 0;

  g_return_val_if_fail (iso_days != NULL || n_days == 0, 0);

  for (gsize i = 0; i < n_days; i++)
    if (iso_days[i] >= 1 && iso_days[i] <= 7)
      mask |= BB_REMINDER_WEEKDAY (iso_days[i]);

  return mask;
}

/**
 * bb_reminder_set_seconds_per_minute:
 * @seconds: how long a minute of the settings lasts, in seconds
 *
 * For tests only: makes every minute of every reminder (interval, snooze,
 * away time) last @seconds, so a schedule runs through in seconds. Call
 * it once, before any reminder is made; active hours stay on the clock.
 */
void
bb_reminder_set_seconds_per_minute (guint seconds)
{
  g_return_if_fail (seconds >= 1 && seconds <= 60);

  minute_us = seconds * G_USEC_PER_SEC;
}
