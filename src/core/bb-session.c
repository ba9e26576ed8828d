/* bb-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "bb-catalog.h"
#include "bb-enums.h"
#include "bb-session.h"

/*
 * The session is the single source of truth for a practice. Its position
 * is the clock's time since the start minus the time spent paused; phase
 * and breath are computed from that position, never counted from timer
 * callbacks. One timeout waits for the next phase boundary. When it fires
 * late, every boundary that was passed is announced once, in order, so a
 * busy main loop can delay a chime but never skip or repeat one.
 *
 * An optional settle countdown comes before the first in-breath. The
 * position then starts below zero and the first in-breath begins at
 * zero, so the settle time is never part of the practice: elapsed and
 * remaining time, expansion and the history count from the first
 * in-breath.
 *
 * All times are in microseconds.
 */

struct _BbSession
{
  GObject         parent_instance;

  BbClock        *clock;
  char           *position;
  char           *cue_set;
  char           *closing;

  BbPattern       pattern;
  guint           n_breaths;
  BbSessionState  state;
  BbPhase         phase;
  guint           breath;
  const char     *cue;              /* the catalog's, not owned */
  gint64          settle_us;

  gint64          start_time;       /* monotonic, the settle included */
  gint64          start_real_time;
  gint64          end_real_time;
  gint64          paused_at;        /* monotonic, while paused */
  gint64          paused_total;
  gint64          end_elapsed;      /* once finished or stopped */

  /* The span of the current phase, as session positions. */
  gint64          phase_start;
  gint64          phase_end;

  /* What the whole-second properties last announced. */
  guint           countdown;
  guint           seconds_left;

  guint           timeout_id;
};

G_DEFINE_FINAL_TYPE (BbSession, bb_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_PATTERN,
  PROP_POSITION,
  PROP_N_BREATHS,
  PROP_STATE,
  PROP_PHASE,
  PROP_BREATH,
  PROP_COUNTDOWN,
  PROP_SECONDS_LEFT,
  PROP_CUE_SET,
  PROP_CLOSING,
  PROP_SETTLE_MS,
  PROP_CUE,
  N_PROPS
};

enum {
  PHASE_CHANGED,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_wakeup (BbSession *self);

static gint64
phase_us (BbSession *self,
          BbPhase    phase)
{
  return (gint64) bb_pattern_get_phase_ms (&self->pattern, phase) * 1000;
}

static gint64
cycle_us (BbSession *self)
{
  return (gint64) bb_pattern_get_cycle_ms (&self->pattern) * 1000;
}

/* Finds the phase that holds @elapsed, with the span it covers. At a
 * boundary the later phase wins. */
static BbPhase
locate (BbSession *self,
        gint64     elapsed,
        guint     *breath,
        gint64    *start,
        gint64    *end)
{
  gint64 cycle = cycle_us (self);
  gint64 index = elapsed / cycle;
  gint64 offset = index * cycle;

  if (elapsed < 0 || elapsed >= bb_session_get_duration (self))
    return BB_PHASE_NONE;

  for (BbPhase phase = BB_PHASE_INHALE; phase <= BB_PHASE_HOLD_OUT; phase++)
    {
      gint64 length = phase_us (self, phase);

      if (elapsed < offset + length)
        {
          if (breath != NULL)
            *breath = index + 1;
          if (start != NULL)
            *start = offset;
          if (end != NULL)
            *end = offset + length;
          return phase;
        }

      offset += length;
    }

  g_assert_not_reached ();
}

static guint
ceil_seconds (gint64 us)
{
  return us > 0 ? (guint) ((us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC) : 0;
}

/* The monotonic time at which the first in-breath begins, or began,
 * with the time paused so far. */
static gint64
origin (BbSession *self)
{
  return self->start_time + self->paused_total + self->settle_us;
}

/* The position in the session at @now: below zero while settling. */
static gint64
position_at (BbSession *self,
             gint64     now)
{
  switch (self->state)
    {
    case BB_SESSION_STATE_READY:
      return -self->settle_us;

    case BB_SESSION_STATE_SETTLING:
    case BB_SESSION_STATE_RUNNING:
      return now - origin (self);

    case BB_SESSION_STATE_PAUSED:
      return self->paused_at - origin (self);

    case BB_SESSION_STATE_FINISHED:
    case BB_SESSION_STATE_STOPPED:
    default:
      return self->end_elapsed;
    }
}

static gint64
elapsed_at (BbSession *self,
            gint64     now)
{
  return CLAMP (position_at (self, now), 0, bb_session_get_duration (self));
}

static void
set_cue (BbSession  *self,
         const char *cue)
{
  if (g_strcmp0 (self->cue, cue) == 0)
    return;

  self->cue = cue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUE]);
}

static void
set_state (BbSession      *self,
           BbSessionState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  if (state == BB_SESSION_STATE_FINISHED || state == BB_SESSION_STATE_STOPPED)
    self->end_real_time = bb_clock_get_real_time (self->clock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_phase (BbSession *self,
           BbPhase    phase,
           guint      breath)
{
  if (self->breath != breath)
    {
      self->breath = breath;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BREATH]);
    }

  if (self->phase != phase)
    {
      self->phase = phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }

  if (phase != BB_PHASE_NONE)
    set_cue (self, bb_catalog_get_cue_for (self->position, self->cue_set,
                                           phase, breath, self->n_breaths));
  else
    set_cue (self, NULL);
}

static void
cancel_timeout (BbSession *self)
{
  if (self->timeout_id != 0)
    {
      bb_clock_remove_timeout (self->clock, self->timeout_id);
      self->timeout_id = 0;
    }
}

/* The whole seconds on show at @position: the phase's countdown, or the
 * settle's, and the time left, all rounded up so "1" shows until the
 * very end and "0" never shows while time is left. */
static void
update_seconds (BbSession *self,
                gint64     position)
{
  gint64 elapsed = CLAMP (position, 0, bb_session_get_duration (self));
  guint countdown = 0;
  guint seconds_left = 0;

  if (self->phase != BB_PHASE_NONE)
    countdown = MAX (1, ceil_seconds (self->phase_end - elapsed));
  else if (position < 0 &&
           (self->state == BB_SESSION_STATE_SETTLING || self->state == BB_SESSION_STATE_PAUSED))
    countdown = ceil_seconds (-position);

  if (self->state == BB_SESSION_STATE_RUNNING ||
      self->state == BB_SESSION_STATE_PAUSED ||
      self->state == BB_SESSION_STATE_SETTLING)
    seconds_left = ceil_seconds (bb_session_get_duration (self) - elapsed);

  if (self->countdown != countdown)
    {
      self->countdown = countdown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTDOWN]);
    }

  if (self->seconds_left != seconds_left)
    {
      self->seconds_left = seconds_left;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
    }
}

/* Enters the phase that begins at @boundary and announces it. Property
 * notifications wait until the signal has run, so what follows the
 * signal (a chime) is asked for before what follows the properties (the
 * labels and pages). */
static void
enter_phase_at (BbSession *self,
                gint64     boundary)
{
  guint breath = 0;
  BbPhase phase;

  phase = locate (self, boundary, &breath, &self->phase_start, &self->phase_end);
  g_assert (phase != BB_PHASE_NONE);

  g_object_freeze_notify (G_OBJECT (self));
  set_phase (self, phase, breath);
  update_seconds (self, boundary);
  g_signal_emit (self, signals[PHASE_CHANGED], 0, phase, breath);
  g_object_thaw_notify (G_OBJECT (self));
}

/* As enter_phase_at(): #BbSession::finished runs before the notifications
 * of the new state, so the finish chime is asked for before the end
 * screen is built. */
static void
finish (BbSession *self)
{
  self->end_elapsed = bb_session_get_duration (self);
  cancel_timeout (self);

  g_object_freeze_notify (G_OBJECT (self));
  set_phase (self, BB_PHASE_NONE, self->breath);
  set_state (self, BB_SESSION_STATE_FINISHED);
  update_seconds (self, self->end_elapsed);
  g_signal_emit (self, signals[FINISHED], 0);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Ends the settle countdown with the first in-breath, announced like
 * every phase change: that is what sounds the first chime. */
static void
begin_breathing (BbSession *self,
                 gint64     now)
{
  gint64 late = MAX (0, now - origin (self));

  self->start_real_time = bb_clock_get_real_time (self->clock) - late;

  g_object_freeze_notify (G_OBJECT (self));
  set_state (self, BB_SESSION_STATE_RUNNING);
  enter_phase_at (self, 0);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Walks every boundary up to @now, the end of the settle first.
 * Handlers may pause or stop the session, so the state is checked after
 * each announcement. */
static void
catch_up (BbSession *self,
          gint64     now)
{
  g_autoptr(BbSession) hold = g_object_ref (self);
  gint64 elapsed;

  if (self->state == BB_SESSION_STATE_SETTLING && position_at (self, now) >= 0)
    begin_breathing (self, now);

  elapsed = elapsed_at (self, now);

  while (self->state == BB_SESSION_STATE_RUNNING && self->phase_end <= elapsed)
    {
      if (self->phase_end >= bb_session_get_duration (self))
        finish (self);
      else
        enter_phase_at (self, self->phase_end);
    }
}

/* The next position after @elapsed where a whole second on show changes:
 * @end minus a whole number of seconds. */
static gint64
next_second (gint64 elapsed,
             gint64 end)
{
  gint64 left = end - elapsed;
  gint64 part = left % G_USEC_PER_SEC;

  return elapsed + (part > 0 ? part : G_USEC_PER_SEC);
}

/* Running or settling: the clock moves the session on. */
static gboolean
is_under_way (BbSession *self)
{
  return self->state == BB_SESSION_STATE_RUNNING || self->state == BB_SESSION_STATE_SETTLING;
}

static void
wakeup_cb (BbClock  *clock,
           gpointer  user_data)
{
  BbSession *self = user_data;
  g_autoptr(BbSession) hold = g_object_ref (self);
  gint64 now = bb_clock_get_monotonic_time (clock);

  self->timeout_id = 0;

  catch_up (self, now);

  if (!is_under_way (self))
    return;

  update_seconds (self, position_at (self, now));

  if (self->timeout_id == 0)
    schedule_wakeup (self);
}

/* The session's one timeout: at the next phase boundary, or earlier at
 * the next moment a whole second on show changes. While settling, at
 * the next second of the settle countdown, the last one ending with the
 * first in-breath. */
static void
schedule_wakeup (BbSession *self)
{
  gint64 position = position_at (self, bb_clock_get_monotonic_time (self->clock));
  gint64 next;

  /* A boundary is itself a moment the countdown changes. */
  if (position < 0)
    next = next_second (position, 0);
  else
    next = MIN (next_second (position, self->phase_end),
                next_second (position, bb_session_get_duration (self)));

  cancel_timeout (self);
  self->timeout_id = bb_clock_add_timeout_at (self->clock, origin (self) + next,
                                              wakeup_cb, self, NULL);
}

static void
bb_session_dispose (GObject *object)
{
  BbSession *self = (BbSession *)object;

  if (self->clock != NULL)
    cancel_timeout (self);

  g_clear_object (&self->clock);

  G_OBJECT_CLASS (bb_session_parent_class)->dispose (object);
}

static void
bb_session_finalize (GObject *object)
{
  BbSession *self = (BbSession *)object;

  g_clear_pointer (&self->position, g_free);
  g_clear_pointer (&self->cue_set, g_free);
  g_clear_pointer (&self->closing, g_free);

  G_OBJECT_CLASS (bb_session_parent_class)->finalize (object);
}

static void
bb_session_constructed (GObject *object)
{
  BbSession *self = (BbSession *)object;

  G_OBJECT_CLASS (bb_session_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = g_object_ref (bb_clock_get_default ());

  /* A pattern that fails validation is a programming error here: the UI
   * and the command line validate what the user typed before building. */
  if (!bb_pattern_validate (&self->pattern, NULL))
    {
      g_critical ("BbSession built with an invalid pattern");
      self->pattern = (BbPattern) { 4000, 0, 6000, 0 };
    }
}

static void
bb_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BbSession *self = BB_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_PATTERN:
      g_value_set_boxed (value, &self->pattern);
      break;

    case PROP_POSITION:
      g_value_set_string (value, self->position);
      break;

    case PROP_N_BREATHS:
      g_value_set_uint (value, self->n_breaths);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;

    case PROP_BREATH:
      g_value_set_uint (value, self->breath);
      break;

    case PROP_COUNTDOWN:
      g_value_set_uint (value, self->countdown);
      break;

    case PROP_SECONDS_LEFT:
      g_value_set_uint (value, self->seconds_left);
      break;

    case PROP_CUE_SET:
      g_value_set_string (value, self->cue_set);
      break;

    case PROP_CLOSING:
      g_value_set_string (value, self->closing);
      break;

    case PROP_SETTLE_MS:
      g_value_set_uint (value, self->settle_us / 1000);
      break;

    case PROP_CUE:
      g_value_set_string (value, self->cue);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BbSession *self = BB_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_PATTERN:
      {
        const BbPattern *pattern = g_value_get_boxed (value);

        if (pattern != NULL)
          self->pattern = *pattern;
      }
      break;

    case PROP_POSITION:
      self->position = g_value_dup_string (value);
      break;

    case PROP_N_BREATHS:
      self->n_breaths = g_value_get_uint (value);
      break;

    case PROP_CUE_SET:
      self->cue_set = g_value_dup_string (value);
      break;

    case PROP_CLOSING:
      self->closing = g_value_dup_string (value);
      break;

    case PROP_SETTLE_MS:
      self->settle_us = (gint64) g_value_get_uint (value) * 1000;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_session_class_init (BbSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bb_session_constructed;
  object_class->dispose = bb_session_dispose;
  object_class->finalize = bb_session_finalize;
  object_class->get_property = bb_session_get_property;
  object_class->set_property = bb_session_set_property;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         BB_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PATTERN] =
    g_param_spec_boxed ("pattern", NULL, NULL,
                        BB_TYPE_PATTERN,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * BbSession:position:
   *
   * The id of the body position from the catalog, such as "seated".
   */
  properties[PROP_POSITION] =
    g_param_spec_string ("position", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_BREATHS] =
    g_param_spec_uint ("n-breaths", NULL, NULL,
                       1, BB_SESSION_MAX_BREATHS, 10,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       BB_TYPE_SESSION_STATE, BB_SESSION_STATE_READY,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL,
                       BB_TYPE_PHASE, BB_PHASE_NONE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbSession:breath:
   *
   * The breath under way, from 1 to #BbSession:n-breaths; 0 before the start.
   */
  properties[PROP_BREATH] =
    g_param_spec_uint ("breath", NULL, NULL,
                       0, BB_SESSION_MAX_BREATHS, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbSession:countdown:
   *
   * Whole seconds left in the current phase, rounded up: at least 1 while
   * a phase is under way, 0 when there is none; while settling, the whole
   * seconds before the first in-breath. Changes once a second and at
   * every boundary, announced by the session's one timeout.
   */
  properties[PROP_COUNTDOWN] =
    g_param_spec_uint ("countdown", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbSession:seconds-left:
   *
   * Whole seconds of active time left, rounded up; 0 before the start and
   * once ended, the whole length while settling. Changes once a second
   * while running.
   */
  properties[PROP_SECONDS_LEFT] =
    g_param_spec_uint ("seconds-left", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbSession:cue-set:
   *
   * The id of a set of cues of the catalog's to use instead of the
   * position's, such as "back-body", or %NULL.
   */
  properties[PROP_CUE_SET] =
    g_param_spec_string ("cue-set", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * BbSession:closing:
   *
   * A step to take once the last breath is done, untranslated as in the
   * catalog (see bb_catalog_gettext()), or %NULL.
   */
  properties[PROP_CLOSING] =
    g_param_spec_string ("closing", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * BbSession:settle-ms:
   *
   * How long the settle countdown before the first in-breath lasts, in
   * milliseconds; 0 for none.
   */
  properties[PROP_SETTLE_MS] =
    g_param_spec_uint ("settle-ms", NULL, NULL,
                       0, BB_SESSION_MAX_SETTLE_MS, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * BbSession:cue:
   *
   * The translated cue to show: the settle cue while settling, then the
   * cue of each phase from the catalog; %NULL before the start and once
   * ended. Changes only with the phase or the state.
   */
  properties[PROP_CUE] =
    g_param_spec_string ("cue", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbSession::phase-changed:
   * @phase: the phase that begins
   * @breath: the breath it belongs to
   *
   * Emitted at the start and at every phase boundary, once each, in order.
   */
  signals[PHASE_CHANGED] =
    g_signal_new ("phase-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, BB_TYPE_PHASE, G_TYPE_UINT);

  /**
   * BbSession::finished:
   *
   * Emitted once, when the last planned breath ends. Not emitted on stop.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bb_session_init (BbSession *self)
{
  self->pattern = (BbPattern) { 4000, 0, 6000, 0 };
  self->n_breaths = 10;
  self->state = BB_SESSION_STATE_READY;
  self->phase = BB_PHASE_NONE;
}

/**
 * bb_session_new:
 * @clock: (nullable): the time source, or %NULL for the system clock
 * @pattern: a valid pattern (see bb_pattern_validate())
 * @position: (nullable): the body position's id
 * @n_breaths: how many breaths, 1 to %BB_SESSION_MAX_BREATHS
 */
BbSession *
bb_session_new (BbClock         *clock,
                const BbPattern *pattern,
                const char      *position,
                guint            n_breaths)
{
  g_return_val_if_fail (clock == NULL || BB_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (pattern != NULL, NULL);
  g_return_val_if_fail (n_breaths >= 1 && n_breaths <= BB_SESSION_MAX_BREATHS, NULL);

  return g_object_new (BB_TYPE_SESSION,
                       "clock", clock,
                       "pattern", pattern,
                       "position", position,
                       "n-breaths", n_breaths,
                       NULL);
}

/**
 * bb_session_breaths_for_duration:
 * @seconds: the planned length
 *
 * Sessions end on a whole breath, so a length in time becomes the nearest
 * whole number of breaths, at least one.
 */
guint
bb_session_breaths_for_duration (const BbPattern *pattern,
                                 guint            seconds)
{
  guint cycle_ms;
  guint64 n;

  g_return_val_if_fail (pattern != NULL, 1);

  cycle_ms = bb_pattern_get_cycle_ms (pattern);
  if (cycle_ms == 0)
    return 1;

  n = ((guint64) seconds * 1000 + cycle_ms / 2) / cycle_ms;

  return CLAMP (n, 1, BB_SESSION_MAX_BREATHS);
}

BbClock *
bb_session_get_clock (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), NULL);

  return self->clock;
}

const BbPattern *
bb_session_get_pattern (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), NULL);

  return &self->pattern;
}

const char *
bb_session_get_position (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), NULL);

  return self->position;
}

/**
 * bb_session_get_cue_set:
 *
 * Returns: (nullable): the id of the session's own cues, see #BbSession:cue-set
 */
const char *
bb_session_get_cue_set (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), NULL);

  return self->cue_set;
}

/**
 * bb_session_get_closing:
 *
 * Returns: (nullable): the untranslated closing step, see #BbSession:closing
 */
const char *
bb_session_get_closing (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), NULL);

  return self->closing;
}

/**
 * bb_session_get_settle_ms:
 *
 * Returns: the length of the settle countdown in milliseconds, 0 for none
 */
guint
bb_session_get_settle_ms (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0);

  return self->settle_us / 1000;
}

/**
 * bb_session_get_cue:
 *
 * Returns: (nullable): the translated cue on show, see #BbSession:cue
 */
const char *
bb_session_get_cue (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), NULL);

  return self->cue;
}

guint
bb_session_get_n_breaths (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0);

  return self->n_breaths;
}

BbSessionState
bb_session_get_state (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), BB_SESSION_STATE_READY);

  return self->state;
}

BbPhase
bb_session_get_phase (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), BB_PHASE_NONE);

  return self->phase;
}

guint
bb_session_get_breath (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0);

  return self->breath;
}

/**
 * bb_session_get_countdown:
 *
 * Returns: whole seconds left in the phase, see #BbSession:countdown
 */
guint
bb_session_get_countdown (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0);

  return self->countdown;
}

/**
 * bb_session_get_seconds_left:
 *
 * Returns: whole seconds of active time left, see #BbSession:seconds-left
 */
guint
bb_session_get_seconds_left (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0);

  return self->seconds_left;
}

/**
 * bb_session_get_duration:
 *
 * Returns: the planned active length in microseconds
 */
gint64
bb_session_get_duration (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0);

  return cycle_us (self) * self->n_breaths;
}

/**
 * bb_session_get_elapsed:
 *
 * Returns: the active time so far in microseconds, paused time excluded
 */
gint64
bb_session_get_elapsed (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0);

  return elapsed_at (self, bb_clock_get_monotonic_time (self->clock));
}

/**
 * bb_session_get_remaining:
 *
 * Returns: the active time left in microseconds; 0 once ended
 */
gint64
bb_session_get_remaining (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0);

  if (self->state == BB_SESSION_STATE_FINISHED || self->state == BB_SESSION_STATE_STOPPED)
    return 0;

  return bb_session_get_duration (self) - bb_session_get_elapsed (self);
}

/**
 * bb_session_get_phase_remaining:
 *
 * Returns: the time left in the current phase in microseconds, 0 when
 *   there is no phase
 */
gint64
bb_session_get_phase_remaining (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0);

  if (self->phase == BB_PHASE_NONE)
    return 0;

  return CLAMP (self->phase_end - bb_session_get_elapsed (self), 0,
                self->phase_end - self->phase_start);
}

/**
 * bb_session_get_phase_progress:
 *
 * Returns: how far the current phase has gone, 0..1
 */
double
bb_session_get_phase_progress (BbSession *self)
{
  gint64 length;

  g_return_val_if_fail (BB_IS_SESSION (self), 0.0);

  length = self->phase_end - self->phase_start;
  if (self->phase == BB_PHASE_NONE || length <= 0)
    return 0.0;

  return 1.0 - (double) bb_session_get_phase_remaining (self) / length;
}

/**
 * bb_session_get_phase_deadline:
 *
 * Returns: the monotonic time at which the current phase was scheduled to
 *   begin, or 0 when there is no phase. Inside a #BbSession::phase-changed
 *   handler this is the boundary being announced.
 */
gint64
bb_session_get_phase_deadline (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0);

  if (self->phase == BB_PHASE_NONE)
    return 0;

  return origin (self) + self->phase_start;
}

/**
 * bb_session_get_start_real_time:
 *
 * Returns: the wall-clock time of the first in-breath in microseconds,
 *   0 before it (also while settling)
 */
gint64
bb_session_get_start_real_time (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0);

  return self->start_real_time;
}

/**
 * bb_session_get_end_real_time:
 *
 * Returns: the wall-clock time at which the session finished or was
 *   stopped, in microseconds, 0 before that
 */
gint64
bb_session_get_end_real_time (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0);

  return self->end_real_time;
}

static double
ease (double t)
{
  return (1.0 - cos (G_PI * CLAMP (t, 0.0, 1.0))) / 2.0;
}

/**
 * bb_session_get_expansion_at:
 * @elapsed: a position in the session, in microseconds of active time
 *
 * Returns: how far the ribs are widened at @elapsed, eased, 0..1
 */
double
bb_session_get_expansion_at (BbSession *self,
                             gint64     elapsed)
{
  gint64 start = 0;
  gint64 end = 0;
  BbPhase phase;
  double t;

  g_return_val_if_fail (BB_IS_SESSION (self), 0.0);

  phase = locate (self, elapsed, NULL, &start, &end);
  t = end > start ? (double) (elapsed - start) / (end - start) : 0.0;

  switch (phase)
    {
    case BB_PHASE_INHALE:
      return ease (t);
    case BB_PHASE_HOLD_IN:
      return 1.0;
    case BB_PHASE_EXHALE:
      return 1.0 - ease (t);
    case BB_PHASE_HOLD_OUT:
    case BB_PHASE_NONE:
    default:
      return 0.0;
    }
}

/**
 * bb_session_get_expansion:
 *
 * Returns: the expansion now; 0 before the start and after the end
 */
double
bb_session_get_expansion (BbSession *self)
{
  g_return_val_if_fail (BB_IS_SESSION (self), 0.0);

  if (self->state == BB_SESSION_STATE_READY ||
      self->state == BB_SESSION_STATE_SETTLING ||
      self->state == BB_SESSION_STATE_FINISHED ||
      self->state == BB_SESSION_STATE_STOPPED)
    return 0.0;

  return bb_session_get_expansion_at (self, bb_session_get_elapsed (self));
}

/**
 * bb_session_start:
 *
 * Starts a ready session: with its settle countdown when it has one,
 * otherwise with its first in-breath.
 */
void
bb_session_start (BbSession *self)
{
  g_return_if_fail (BB_IS_SESSION (self));
  g_return_if_fail (self->state == BB_SESSION_STATE_READY);

  g_object_ref (self);

  self->start_time = bb_clock_get_monotonic_time (self->clock);
  self->paused_total = 0;

  if (self->settle_us > 0)
    {
      g_object_freeze_notify (G_OBJECT (self));
      set_state (self, BB_SESSION_STATE_SETTLING);
      set_cue (self, bb_catalog_get_special_cue (BB_SPECIAL_CUE_SETTLE));
      update_seconds (self, -self->settle_us);
      g_object_thaw_notify (G_OBJECT (self));
    }
  else
    {
      self->start_real_time = bb_clock_get_real_time (self->clock);

      g_object_freeze_notify (G_OBJECT (self));
      set_state (self, BB_SESSION_STATE_RUNNING);
      enter_phase_at (self, 0);
      g_object_thaw_notify (G_OBJECT (self));
    }

  if (is_under_way (self))
    schedule_wakeup (self);

  g_object_unref (self);
}

/**
 * bb_session_pause:
 *
 * Pauses a running or settling session; does nothing otherwise.
 */
void
bb_session_pause (BbSession *self)
{
  gint64 now;

  g_return_if_fail (BB_IS_SESSION (self));

  if (!is_under_way (self))
    return;

  /* Announce a boundary that is due but not yet dispatched, so pausing
   * never swallows a phase change. */
  now = bb_clock_get_monotonic_time (self->clock);
  catch_up (self, now);
  if (!is_under_way (self))
    return;

  cancel_timeout (self);
  self->paused_at = now;
  set_state (self, BB_SESSION_STATE_PAUSED);
}

/**
 * bb_session_resume:
 *
 * Resumes a paused session where it was; does nothing otherwise.
 */
void
bb_session_resume (BbSession *self)
{
  gboolean settling;

  g_return_if_fail (BB_IS_SESSION (self));

  if (self->state != BB_SESSION_STATE_PAUSED)
    return;

  /* Paused during the settle countdown, it settles on. */
  settling = self->paused_at < origin (self);
  self->paused_total += bb_clock_get_monotonic_time (self->clock) - self->paused_at;
  self->paused_at = 0;
  set_state (self, settling ? BB_SESSION_STATE_SETTLING : BB_SESSION_STATE_RUNNING);
  schedule_wakeup (self);
}

/**
 * bb_session_stop:
 *
 * Ends the session early, keeping the active time done so far: none
 * while settling. Does nothing once the session has ended.
 */
void
bb_session_stop (BbSession *self)
{
  gint64 now;

  g_return_if_fail (BB_IS_SESSION (self));

  if (self->state == BB_SESSION_STATE_FINISHED || self->state == BB_SESSION_STATE_STOPPED)
    return;

  now = bb_clock_get_monotonic_time (self->clock);
  self->end_elapsed = elapsed_at (self, now);
  cancel_timeout (self);

  g_object_freeze_notify (G_OBJECT (self));
  set_phase (self, BB_PHASE_NONE, self->breath);
  set_state (self, BB_SESSION_STATE_STOPPED);
  update_seconds (self, self->end_elapsed);
  g_object_thaw_notify (G_OBJECT (self));
}
