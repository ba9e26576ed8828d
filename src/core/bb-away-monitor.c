/* bb-away-monitor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>
#include <unistd.h>

#include "bb-away-monitor-private.h"

/*
 * When the user is away from the machine: idle, screen locked, asleep.
 * Every source is an event on D-Bus, and each one is optional: a service
 * that is missing (another desktop, a test bus) is simply not heard from,
 * and one that appears later is picked up. Nothing polls and no timer
 * runs while nothing happens.
 *
 * - Mutter (session bus): one idle watch, AddIdleWatch (threshold), on
 *   /org/gnome/Mutter/IdleMonitor/Core. In Mutter an idle watch stays
 *   until removed and fires once each time the idle time reaches its
 *   interval; a user-active watch fires once, at the next input, and
 *   Mutter then removes it. WatchFired is sent to the caller only. When
 *   the idle watch fires the user went away a threshold ago; a
 *   user-active watch then says when they came back. Other implementers
 *   of the interface may drop an idle watch once it fired, so after each
 *   return the idle watch is removed and added again: right with either.
 *   The user may come back between the idle watch firing and the
 *   user-active watch being added, which would then wait for the input
 *   after that; GetIdletime, asked once the watch is in place, catches it.
 *   If no user-active watch can be had, the stretch ends at once.
 * - org.gnome.ScreenSaver (session bus): GetActive when it appears, then
 *   ActiveChanged. Active is locked (or at least blanked: nobody reads a
 *   notification there either).
 * - logind (system bus): Manager.PrepareForSleep (TRUE before a suspend,
 *   FALSE after the resume), and for our session the Lock and Unlock
 *   signals and the LockedHint property the screen locker sets. Lock and
 *   Unlock are requests to the locker, not its state, so an unlock the
 *   user types never sends Unlock; LockedHint going FALSE, or the screen
 *   saver turning inactive, also ends a lock begun by Lock. The session
 *   is $XDG_SESSION_ID, else logind's "auto" (the caller's own session,
 *   or for a D-Bus-activated service outside any session, the user's
 *   display session).
 * - The last resort, and the measure of a suspend: on Linux
 *   CLOCK_BOOTTIME runs on in a suspend and CLOCK_MONOTONIC does not, so
 *   the growth of their difference is exactly the time spent asleep. It
 *   is read when logind says the machine resumed and when
 *   BbClock::wall-clock-changed fires (the system clock emits it on
 *   resume, as the kernel cancels its CANCEL_ON_SET timerfd then). Growth
 *   of @slept µs seen at real time @now is a sleep from @now - @slept to
 *   @now. This also fixes PrepareForSleep (TRUE) being read only after
 *   the resume, when the process had no time to run before the suspend.
 *
 * Overlapping reasons make one away period, from the earliest start to
 * the end of the last (BbAwaySpan); ::away-ended is emitted once for it,
 * before #BbAwayMonitor:locked and #BbAwayMonitor:away are notified, so
 * a reminder bound to :locked has already counted the break when it
 * looks at the due time again.
 *
 * A service that vanishes ends what it had begun, at that moment: a
 * crashed screen locker must not silence reminders for good.
 */

#define MUTTER_NAME       "org.gnome.Mutter.IdleMonitor"
#define MUTTER_PATH       "/org/gnome/Mutter/IdleMonitor/Core"
#define MUTTER_IFACE      "org.gnome.Mutter.IdleMonitor"
#define SCREEN_SAVER_NAME "org.gnome.ScreenSaver"
#define SCREEN_SAVER_PATH "/org/gnome/ScreenSaver"
#define LOGIN1_NAME       "org.freedesktop.login1"
#define LOGIN1_PATH       "/org/freedesktop/login1"
#define LOGIN1_MANAGER    "org.freedesktop.login1.Manager"
#define LOGIN1_SESSION    "org.freedesktop.login1.Session"
#define PROPERTIES_IFACE  "org.freedesktop.DBus.Properties"

struct _BbAwayMonitor
{
  GObject          parent_instance;

  /* Owned */
  BbClock         *clock;
  GDBusConnection *session_bus;   /* or NULL */
  GDBusConnection *system_bus;    /* or NULL */
  GCancellable    *cancellable;   /* for calls whose answer only we need */
  char            *session_path;  /* our logind session, or NULL */

  /* Plain state */
  BbAwaySpan       span;
  BbAwaySleptFunc  slept_func;
  gint64           slept;         /* last reading of slept_func */
  guint            idle_threshold;
  guint            mutter_watch;
  guint            screen_saver_watch;
  guint            login1_watch;
  guint            watch_fired_sub;
  guint            active_changed_sub;
  guint            prepare_for_sleep_sub;
  guint            session_lock_sub;
  guint            session_unlock_sub;
  guint            session_props_sub;
  guint            idle_id;       /* Mutter watch ids, 0 for none */
  guint            active_id;
  guint            mutter_gen;    /* bumped when Mutter comes or goes */
  guint            screen_saver_seq;
  guint            login1_gen;
  guint            preparing_for_sleep : 1;
};

G_DEFINE_FINAL_TYPE (BbAwayMonitor, bb_away_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_SESSION_BUS,
  PROP_SYSTEM_BUS,
  PROP_IDLE_THRESHOLD,
  PROP_LOCKED,
  PROP_AWAY,
  N_PROPS
};

enum {
  AWAY_ENDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* BbAwaySpan */

/*
 * bb_away_span_begin:
 * @start_us: when @reason began, real µs
 *
 * Adds @reason. A reason already held keeps its place, but an earlier
 * @start still moves the period's start back.
 *
 * Returns: %TRUE if the user was not away before
 */
gboolean
bb_away_span_begin (BbAwaySpan   *span,
                    BbAwayReason  reason,
                    gint64        start_us)
{
  gboolean was_away = span->reasons != 0;

  if (!was_away || start_us < span->since)
    span->since = start_us;
  span->reasons |= reason;

  return !was_away;
}

/*
 * bb_away_span_end:
 * @end_us: when @reason ended, real µs
 * @from_us: (out): the start of the whole period, if it ended
 * @to_us: (out): its end
 *
 * Drops @reason; a reason not held changes nothing.
 *
 * Returns: %TRUE if that was the last reason, and the period ended
 */
gboolean
bb_away_span_end (BbAwaySpan   *span,
                  BbAwayReason  reason,
                  gint64        end_us,
                  gint64       *from_us,
                  gint64       *to_us)
{
  if ((span->reasons & reason) == 0)
    return FALSE;

  span->reasons &= ~reason;
  if (span->reasons != 0)
    return FALSE;

  /* A wall clock set back during the period must not make it negative. */
  *from_us = MIN (span->since, end_us);
  *to_us = end_us;
  span->since = 0;

  return TRUE;
}

/**
 * bb_away_get_slept_time:
 *
 * Returns: microseconds spent suspended since boot (CLOCK_BOOTTIME ahead
 *   of CLOCK_MONOTONIC), or 0 where the system cannot tell
 */
gint64
bb_away_get_slept_time (void)
{
#ifdef CLOCK_BOOTTIME
  struct timespec boot, mono;

  if (clock_gettime (CLOCK_BOOTTIME, &boot) != 0 ||
      clock_gettime (CLOCK_MONOTONIC, &mono) != 0)
    return 0;

  return (boot.tv_sec - mono.tv_sec) * G_USEC_PER_SEC +
         (boot.tv_nsec - mono.tv_nsec) / 1000;
#else
  return 0;
#endif
}

/* State changes */

static gint64
now (BbAwayMonitor *self)
{
  return bb_clock_get_real_time (self->clock);
}

static gboolean
is_locked (BbAwayMonitor *self)
{
  return (self->span.reasons & BB_AWAY_LOCK_REASONS) != 0;
}

static void
begin (BbAwayMonitor *self,
       BbAwayReason   reason,
       gint64         start_us)
{
  gboolean was_locked = is_locked (self);
  gboolean became_away;

  became_away = bb_away_span_begin (&self->span, reason, start_us);

  g_debug ("Away (%#x) since %" G_GINT64_FORMAT, self->span.reasons, self->span.since);

  if (is_locked (self) != was_locked)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
  if (became_away)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWAY]);
}

static void
end (BbAwayMonitor *self,
     BbAwayReason   reason,
     gint64         end_us)
{
  gboolean was_locked = is_locked (self);
  gint64 from_us, to_us;
  gboolean ended;

  ended = bb_away_span_end (&self->span, reason, end_us, &from_us, &to_us);

  g_object_ref (self);

  /* The break is counted before anyone bound to :locked looks again. */
  if (ended)
    {
      g_debug ("Away from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT, from_us, to_us);
      g_signal_emit (self, signals[AWAY_ENDED], 0, from_us, to_us);
    }

  if (is_locked (self) != was_locked)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
  if (ended)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWAY]);

  g_object_unref (self);
}

/* Sleep */

/* Notes a suspend the boot-time clock saw since the last look. Returns
 * %TRUE if there was one. */
static gboolean
check_slept (BbAwayMonitor *self)
{
  gint64 slept = self->slept_func ();
  gint64 delta = slept - self->slept;

  self->slept = slept;
  if (delta <= 0)
    return FALSE;

  begin (self, BB_AWAY_SLEEP, now (self) - delta);
  return TRUE;
}

static void
wall_clock_changed_cb (BbAwayMonitor *self,
                       BbClock       *clock)
{
  /* While logind still has the suspend under way, PrepareForSleep (FALSE)
   * will end it. */
  if (check_slept (self) && !self->preparing_for_sleep)
    end (self, BB_AWAY_SLEEP, now (self));
}

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  BbAwayMonitor *self = user_data;
  gboolean was_preparing;
  gboolean start;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &start);
  was_preparing = self->preparing_for_sleep;
  self->preparing_for_sleep = start;

  if (start)
    {
      /* A suspend before this one that nobody told us about. */
      if (check_slept (self) && !was_preparing)
        end (self, BB_AWAY_SLEEP, now (self));
      begin (self, BB_AWAY_SLEEP, now (self));
    }
  else
    {
      check_slept (self);
      end (self, BB_AWAY_SLEEP, now (self));
    }
}

/* Mutter */

typedef struct
{
  GWeakRef         monitor;
  GDBusConnection *connection;
  guint            gen;
  guint            threshold;  /* for an idle watch, else 0 */
} WatchCall;

static void
remove_watch (GDBusConnection *connection,
              guint            id)
{
  g_dbus_connection_call (connection, MUTTER_NAME, MUTTER_PATH, MUTTER_IFACE,
                          "RemoveWatch", g_variant_new ("(u)", id), NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL, NULL);
}

static void
watch_call_free (WatchCall *call)
{
  g_weak_ref_clear (&call->monitor);
  g_object_unref (call->connection);
  g_free (call);
}

/* Takes the watch id out of an AddIdleWatch or AddUserActiveWatch reply;
 * 0 if the call failed. The id is removed again at once if the monitor is
 * gone or no longer wants it, so no watch outlives it on Mutter's side.
 * @out_self is the monitor if it still wants the answer, else NULL. */
static guint
finish_watch_call (GObject        *source,
                   GAsyncResult   *result,
                   WatchCall      *call,
                   BbAwayMonitor **out_self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(BbAwayMonitor) self = NULL;
  guint id = 0;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    g_debug ("Mutter idle watch: %s", error->message);
  else
    g_variant_get (reply, "(u)", &id);

  self = g_weak_ref_get (&call->monitor);
  if (self == NULL || self->mutter_gen != call->gen)
    {
      if (id != 0)
        remove_watch (call->connection, id);
      return 0;
    }

  *out_self = g_steal_pointer (&self);
  return id;
}

static void add_idle_watch (BbAwayMonitor *self);

static void
idle_time_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  BbAwayMonitor *self;
  guint64 idle_ms;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  if (reply == NULL)
    return;  /* Cancelled with the monitor, or not offered: no matter. */

  self = user_data;
  g_variant_get (reply, "(t)", &idle_ms);

  /* Input came before the user-active watch was in place. */
  if (self->active_id != 0 && idle_ms < self->idle_threshold)
    {
      remove_watch (self->session_bus, self->active_id);
      self->active_id = 0;
      end (self, BB_AWAY_IDLE, now (self) - (gint64) idle_ms * 1000);
      add_idle_watch (self);
    }
}

static void
add_user_active_watch_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  WatchCall *call = user_data;
  BbAwayMonitor *self = NULL;
  guint id;

  id = finish_watch_call (source, result, call, &self);
  if (self == NULL)
    {
      watch_call_free (call);
      return;
    }

  if (id != 0 && !(self->span.reasons & BB_AWAY_IDLE))
    {
      remove_watch (call->connection, id);
      id = 0;
    }

  if (id == 0 && (self->span.reasons & BB_AWAY_IDLE))
    {
      /* Nothing will tell when the user is back: a short period is
       * better than one that never ends. */
      end (self, BB_AWAY_IDLE, now (self));
      add_idle_watch (self);
    }
  else if (id != 0)
    {
      self->active_id = id;
      g_dbus_connection_call (self->session_bus, MUTTER_NAME, MUTTER_PATH, MUTTER_IFACE,
                              "GetIdletime", NULL, G_VARIANT_TYPE ("(t)"),
                              G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, self->cancellable,
                              idle_time_cb, self);
    }

  g_clear_object (&self);
  watch_call_free (call);
}

static void
add_idle_watch_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  WatchCall *call = user_data;
  BbAwayMonitor *self = NULL;
  guint id;

  id = finish_watch_call (source, result, call, &self);
  if (id != 0 && call->threshold != self->idle_threshold)
    {
      /* The threshold changed meanwhile; a newer call is on its way. */
      remove_watch (call->connection, id);
      id = 0;
    }

  if (id != 0)
    {
      if (self->idle_id != 0)
        remove_watch (self->session_bus, self->idle_id);
      self->idle_id = id;
    }

  g_clear_object (&self);
  watch_call_free (call);
}

static WatchCall *
watch_call_new (BbAwayMonitor *self,
                guint          threshold)
{
  WatchCall *call = g_new0 (WatchCall, 1);

  g_weak_ref_init (&call->monitor, self);
  call->connection = g_object_ref (self->session_bus);
  call->gen = self->mutter_gen;
  call->threshold = threshold;

  return call;
}

/* Replaces the idle watch with one for the current threshold. */
static void
add_idle_watch (BbAwayMonitor *self)
{
  if (self->mutter_watch == 0 || self->mutter_gen % 2 == 0)
    return;  /* Mutter is not there (an odd generation is one it is in). */

  if (self->idle_id != 0)
    {
      remove_watch (self->session_bus, self->idle_id);
      self->idle_id = 0;
    }

  g_dbus_connection_call (self->session_bus, MUTTER_NAME, MUTTER_PATH, MUTTER_IFACE,
                          "AddIdleWatch",
                          g_variant_new ("(t)", (guint64) self->idle_threshold),
                          G_VARIANT_TYPE ("(u)"),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL,
                          add_idle_watch_cb, watch_call_new (self, self->idle_threshold));
}

static void
watch_fired_cb (GDBusConnection *connection,
                const char      *sender_name,
                const char      *object_path,
                const char      *interface_name,
                const char      *signal_name,
                GVariant        *parameters,
                gpointer         user_data)
{
  BbAwayMonitor *self = user_data;
  guint id;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(u)")))
    return;

  g_variant_get (parameters, "(u)", &id);
  if (id == 0)
    return;

  if (id == self->idle_id && !(self->span.reasons & BB_AWAY_IDLE))
    {
      begin (self, BB_AWAY_IDLE, now (self) - (gint64) self->idle_threshold * 1000);
      g_dbus_connection_call (self->session_bus, MUTTER_NAME, MUTTER_PATH, MUTTER_IFACE,
                              "AddUserActiveWatch", NULL, G_VARIANT_TYPE ("(u)"),
                              G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL,
                              add_user_active_watch_cb, watch_call_new (self, 0));
    }
  else if (id == self->active_id)
    {
      /* Mutter drops a user-active watch once it fired. */
      self->active_id = 0;
      end (self, BB_AWAY_IDLE, now (self));
      add_idle_watch (self);
    }
}

static void
mutter_appeared_cb (GDBusConnection *connection,
                    const char      *name,
                    const char      *name_owner,
                    gpointer         user_data)
{
  BbAwayMonitor *self = user_data;

  g_debug ("%s appeared as %s", name, name_owner);

  /* A new owner knows none of our watches. */
  self->mutter_gen += (self->mutter_gen % 2 == 0) ? 1 : 2;
  self->idle_id = 0;
  self->active_id = 0;
  add_idle_watch (self);
}

static void
mutter_vanished_cb (GDBusConnection *connection,
                    const char      *name,
                    gpointer         user_data)
{
  BbAwayMonitor *self = user_data;

  if (self->mutter_gen % 2 == 1)
    self->mutter_gen++;
  self->idle_id = 0;
  self->active_id = 0;
  end (self, BB_AWAY_IDLE, now (self));
}

/* Screen saver */

static void
set_screen_saver_active (BbAwayMonitor *self,
                         gboolean       active)
{
  if (active)
    {
      begin (self, BB_AWAY_SCREEN_SAVER, now (self));
    }
  else
    {
      gint64 t = now (self);

      /* The locker's own word ends a lock that logind's Lock began, which
       * no Unlock may ever end. */
      if (self->span.reasons & BB_AWAY_SCREEN_SAVER)
        self->span.reasons &= ~BB_AWAY_SESSION_LOCK;
      else
        end (self, BB_AWAY_SESSION_LOCK, t);
      end (self, BB_AWAY_SCREEN_SAVER, t);
    }
}

static void
active_changed_cb (GDBusConnection *connection,
                   const char      *sender_name,
                   const char      *object_path,
                   const char      *interface_name,
                   const char      *signal_name,
                   GVariant        *parameters,
                   gpointer         user_data)
{
  BbAwayMonitor *self = user_data;
  gboolean active;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  self->screen_saver_seq++;
  g_variant_get (parameters, "(b)", &active);
  set_screen_saver_active (self, active);
}

typedef struct
{
  BbAwayMonitor *self;
  guint          seq;
} ActiveCall;

static void
get_active_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree ActiveCall *call = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean active;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("%s.GetActive: %s", SCREEN_SAVER_NAME, error->message);
      return;
    }

  /* An ActiveChanged that came after the call is newer than its answer. */
  if (call->seq != call->self->screen_saver_seq)
    return;

  g_variant_get (reply, "(b)", &active);
  if (active)
    set_screen_saver_active (call->self, TRUE);
}

static void
screen_saver_appeared_cb (GDBusConnection *connection,
                          const char      *name,
                          const char      *name_owner,
                          gpointer         user_data)
{
  BbAwayMonitor *self = user_data;
  ActiveCall *call = g_new0 (ActiveCall, 1);

  call->self = self;
  call->seq = self->screen_saver_seq;
  g_dbus_connection_call (connection, SCREEN_SAVER_NAME, SCREEN_SAVER_PATH, SCREEN_SAVER_NAME,
                          "GetActive", NULL, G_VARIANT_TYPE ("(b)"),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, self->cancellable,
                          get_active_cb, call);
}

static void
screen_saver_vanished_cb (GDBusConnection *connection,
                          const char      *name,
                          gpointer         user_data)
{
  BbAwayMonitor *self = user_data;

  self->screen_saver_seq++;
  end (self, BB_AWAY_SCREEN_SAVER, now (self));
}

/* logind */

static void
set_session_locked (BbAwayMonitor *self,
                    gboolean       locked)
{
  if (locked)
    begin (self, BB_AWAY_SESSION_LOCK, now (self));
  else
    end (self, BB_AWAY_SESSION_LOCK, now (self));
}

static void
session_lock_cb (GDBusConnection *connection,
                 const char      *sender_name,
                 const char      *object_path,
                 const char      *interface_name,
                 const char      *signal_name,
                 GVariant        *parameters,
                 gpointer         user_data)
{
  set_session_locked (user_data, g_str_equal (signal_name, "Lock"));
}

static void
session_properties_cb (GDBusConnection *connection,
                       const char      *sender_name,
                       const char      *object_path,
                       const char      *interface_name,
                       const char      *signal_name,
                       GVariant        *parameters,
                       gpointer         user_data)
{
  g_autoptr(GVariant) changed = NULL;
  const char *iface;
  gboolean locked;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(sa{sv}as)")))
    return;

  g_variant_get (parameters, "(&s@a{sv}^a&s)", &iface, &changed, NULL);
  if (g_variant_lookup (changed, "LockedHint", "b", &locked))
    set_session_locked (user_data, locked);
}

static void
unsubscribe_session (BbAwayMonitor *self)
{
  if (self->system_bus == NULL)
    return;

  if (self->session_lock_sub != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->session_lock_sub);
  if (self->session_unlock_sub != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->session_unlock_sub);
  if (self->session_props_sub != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->session_props_sub);
  self->session_lock_sub = 0;
  self->session_unlock_sub = 0;
  self->session_props_sub = 0;
  g_clear_pointer (&self->session_path, g_free);
}

static void
get_locked_hint_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);
  if (reply == NULL)
    return;

  g_variant_get (reply, "(v)", &value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN) && g_variant_get_boolean (value))
    set_session_locked (user_data, TRUE);
}

typedef struct
{
  BbAwayMonitor *self;
  guint          gen;
} SessionCall;

static void
get_session_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree SessionCall *call = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  BbAwayMonitor *self;
  const char *path;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No logind session: %s", error->message);
      return;
    }

  self = call->self;
  if (call->gen != self->login1_gen)
    return;

  g_variant_get (reply, "(&o)", &path);
  unsubscribe_session (self);
  self->session_path = g_strdup (path);

  self->session_lock_sub =
    g_dbus_connection_signal_subscribe (self->system_bus, LOGIN1_NAME, LOGIN1_SESSION,
                                        "Lock", path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        session_lock_cb, self, NULL);
  self->session_unlock_sub =
    g_dbus_connection_signal_subscribe (self->system_bus, LOGIN1_NAME, LOGIN1_SESSION,
                                        "Unlock", path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        session_lock_cb, self, NULL);
  self->session_props_sub =
    g_dbus_connection_signal_subscribe (self->system_bus, LOGIN1_NAME, PROPERTIES_IFACE,
                                        "PropertiesChanged", path, LOGIN1_SESSION,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        session_properties_cb, self, NULL);

  /* Asked after subscribing, so no change falls between the two. */
  g_dbus_connection_call (self->system_bus, LOGIN1_NAME, path, PROPERTIES_IFACE, "Get",
                          g_variant_new ("(ss)", LOGIN1_SESSION, "LockedHint"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->cancellable, get_locked_hint_cb, self);
}

static void
login1_appeared_cb (GDBusConnection *connection,
                    const char      *name,
                    const char      *name_owner,
                    gpointer         user_data)
{
  BbAwayMonitor *self = user_data;
  SessionCall *call = g_new0 (SessionCall, 1);
  const char *session_id = g_getenv ("XDG_SESSION_ID");

  if (session_id == NULL || *session_id == '\0')
    session_id = "auto";

  call->self = self;
  call->gen = ++self->login1_gen;
  g_dbus_connection_call (connection, LOGIN1_NAME, LOGIN1_PATH, LOGIN1_MANAGER,
                          "GetSession", g_variant_new ("(s)", session_id),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          self->cancellable, get_session_cb, call);
}

static void
login1_vanished_cb (GDBusConnection *connection,
                    const char      *name,
                    gpointer         user_data)
{
  BbAwayMonitor *self = user_data;
  gint64 t = now (self);

  self->login1_gen++;
  self->preparing_for_sleep = FALSE;
  unsubscribe_session (self);
  end (self, BB_AWAY_SESSION_LOCK, t);
  end (self, BB_AWAY_SLEEP, t);
}

/* GObject */

static void
bb_away_monitor_constructed (GObject *object)
{
  BbAwayMonitor *self = BB_AWAY_MONITOR (object);

  G_OBJECT_CLASS (bb_away_monitor_parent_class)->constructed (object);

  g_assert (self->clock != NULL);

  g_signal_connect_object (self->clock, "wall-clock-changed",
                           G_CALLBACK (wall_clock_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->session_bus != NULL)
    {
      self->watch_fired_sub =
        g_dbus_connection_signal_subscribe (self->session_bus, MUTTER_NAME, MUTTER_IFACE,
                                            "WatchFired", MUTTER_PATH, NULL,
                                            G_DBUS_SIGNAL_FLAGS_NONE,
                                            watch_fired_cb, self, NULL);
      self->active_changed_sub =
        g_dbus_connection_signal_subscribe (self->session_bus, SCREEN_SAVER_NAME,
                                            SCREEN_SAVER_NAME, "ActiveChanged",
                                            SCREEN_SAVER_PATH, NULL,
                                            G_DBUS_SIGNAL_FLAGS_NONE,
                                            active_changed_cb, self, NULL);
      self->mutter_watch =
        g_bus_watch_name_on_connection (self->session_bus, MUTTER_NAME,
                                        G_BUS_NAME_WATCHER_FLAGS_NONE,
                                        mutter_appeared_cb, mutter_vanished_cb,
                                        self, NULL);
      /* GNOME Shell 43 serves org.gnome.ScreenSaver through a proxy
       * that the bus starts on demand: ask for it, or a lock of the
       * shell's own is never heard of. */
      self->screen_saver_watch =
        g_bus_watch_name_on_connection (self->session_bus, SCREEN_SAVER_NAME,
                                        G_BUS_NAME_WATCHER_FLAGS_AUTO_START,
                                        screen_saver_appeared_cb, screen_saver_vanished_cb,
                                        self, NULL);
    }

  if (self->system_bus != NULL)
    {
      self->prepare_for_sleep_sub =
        g_dbus_connection_signal_subscribe (self->system_bus, LOGIN1_NAME, LOGIN1_MANAGER,
                                            "PrepareForSleep", LOGIN1_PATH, NULL,
                                            G_DBUS_SIGNAL_FLAGS_NONE,
                                            prepare_for_sleep_cb, self, NULL);
      self->login1_watch =
        g_bus_watch_name_on_connection (self->system_bus, LOGIN1_NAME,
                                        G_BUS_NAME_WATCHER_FLAGS_NONE,
                                        login1_appeared_cb, login1_vanished_cb,
                                        self, NULL);
    }
}

static void
bb_away_monitor_dispose (GObject *object)
{
  BbAwayMonitor *self = BB_AWAY_MONITOR (object);

  g_cancellable_cancel (self->cancellable);

  if (self->session_bus != NULL)
    {
      /* Mutter would drop them when our name goes, but the connection may
       * well outlive us. */
      if (self->idle_id != 0)
        remove_watch (self->session_bus, self->idle_id);
      if (self->active_id != 0)
        remove_watch (self->session_bus, self->active_id);
      self->idle_id = 0;
      self->active_id = 0;
      self->mutter_gen += 2;  /* Answers still on their way are refused. */

      g_clear_handle_id (&self->mutter_watch, g_bus_unwatch_name);
      g_clear_handle_id (&self->screen_saver_watch, g_bus_unwatch_name);
      if (self->watch_fired_sub != 0)
        g_dbus_connection_signal_unsubscribe (self->session_bus, self->watch_fired_sub);
      if (self->active_changed_sub != 0)
        g_dbus_connection_signal_unsubscribe (self->session_bus, self->active_changed_sub);
      self->watch_fired_sub = 0;
      self->active_changed_sub = 0;
    }

  if (self->system_bus != NULL)
    {
      unsubscribe_session (self);
      g_clear_handle_id (&self->login1_watch, g_bus_unwatch_name);
      if (self->prepare_for_sleep_sub != 0)
        g_dbus_connection_signal_unsubscribe (self->system_bus, self->prepare_for_sleep_sub);
      self->prepare_for_sleep_sub = 0;
    }

  g_clear_object (&self->clock);
  g_clear_object (&self->session_bus);
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (bb_away_monitor_parent_class)->dispose (object);
}

static void
bb_away_monitor_finalize (GObject *object)
{
  BbAwayMonitor *self = BB_AWAY_MONITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->session_path, g_free);

  G_OBJECT_CLASS (bb_away_monitor_parent_class)->finalize (object);
}

static void
bb_away_monitor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbAwayMonitor *self = BB_AWAY_MONITOR (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_SESSION_BUS:
      g_value_set_object (value, self->session_bus);
      break;

    case PROP_SYSTEM_BUS:
      g_value_set_object (value, self->system_bus);
      break;

    case PROP_IDLE_THRESHOLD:
      g_value_set_uint (value, self->idle_threshold);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, bb_away_monitor_get_locked (self));
      break;

    case PROP_AWAY:
      g_value_set_boolean (value, bb_away_monitor_get_away (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_away_monitor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BbAwayMonitor *self = BB_AWAY_MONITOR (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_SESSION_BUS:
      self->session_bus = g_value_dup_object (value);
      break;

    case PROP_SYSTEM_BUS:
      self->system_bus = g_value_dup_object (value);
      break;

    case PROP_IDLE_THRESHOLD:
      bb_away_monitor_set_idle_threshold (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_away_monitor_class_init (BbAwayMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bb_away_monitor_constructed;
  object_class->dispose = bb_away_monitor_dispose;
  object_class->finalize = bb_away_monitor_finalize;
  object_class->get_property = bb_away_monitor_get_property;
  object_class->set_property = bb_away_monitor_set_property;

  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         BB_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SESSION_BUS] =
    g_param_spec_object ("session-bus", NULL, NULL,
                         G_TYPE_DBUS_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SYSTEM_BUS] =
    g_param_spec_object ("system-bus", NULL, NULL,
                         G_TYPE_DBUS_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * BbAwayMonitor:idle-threshold:
   *
   * Milliseconds without input after which the user is away (the
   * reminder's away-minutes). The idle part of a period starts this long
   * before the idle watch fired.
   */
  properties[PROP_IDLE_THRESHOLD] =
    g_param_spec_uint ("idle-threshold", NULL, NULL,
                       1, G_MAXUINT, BB_AWAY_MONITOR_DEFAULT_IDLE_THRESHOLD_MS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbAwayMonitor:locked:
   *
   * The screen is locked (or the screen saver is on). Bind it to
   * #BbReminder:locked.
   */
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbAwayMonitor:away:
   *
   * The user is idle, the screen locked or the machine about to sleep.
   */
  properties[PROP_AWAY] =
    g_param_spec_boolean ("away", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbAwayMonitor::away-ended:
   * @from_real_us: when the user went away, real µs
   * @to_real_us: when they came back
   *
   * A period of idleness, lock or sleep ended; overlapping ones are one
   * period. Emitted before #BbAwayMonitor:locked turns %FALSE. Pass it
   * to bb_reminder_note_away().
   */
  signals[AWAY_ENDED] =
    g_signal_new ("away-ended",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
bb_away_monitor_init (BbAwayMonitor *self)
{
  self->cancellable = g_cancellable_new ();
  self->idle_threshold = BB_AWAY_MONITOR_DEFAULT_IDLE_THRESHOLD_MS;
  self->slept_func = bb_away_get_slept_time;
  self->slept = self->slept_func ();
}

/**
 * bb_away_monitor_new:
 * @clock: the clock that gives the real time of events
 * @session_bus: (nullable): where Mutter and the screen saver are
 * @system_bus: (nullable): where logind is
 *
 * Returns: (transfer full): a monitor that listens on the buses given
 */
BbAwayMonitor *
bb_away_monitor_new (BbClock         *clock,
                     GDBusConnection *session_bus,
                     GDBusConnection *system_bus)
{
  g_return_val_if_fail (BB_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (session_bus == NULL || G_IS_DBUS_CONNECTION (session_bus), NULL);
  g_return_val_if_fail (system_bus == NULL || G_IS_DBUS_CONNECTION (system_bus), NULL);

  return g_object_new (BB_TYPE_AWAY_MONITOR,
                       "clock", clock,
                       "session-bus", session_bus,
                       "system-bus", system_bus,
                       NULL);
}

BbClock *
bb_away_monitor_get_clock (BbAwayMonitor *self)
{
  g_return_val_if_fail (BB_IS_AWAY_MONITOR (self), NULL);

  return self->clock;
}

guint
bb_away_monitor_get_idle_threshold (BbAwayMonitor *self)
{
  g_return_val_if_fail (BB_IS_AWAY_MONITOR (self), 0);

  return self->idle_threshold;
}

/**
 * bb_away_monitor_set_idle_threshold:
 * @threshold_ms: milliseconds, more than 0
 *
 * Replaces Mutter's idle watch. An idle stretch under way keeps going
 * until the user comes back.
 */
void
bb_away_monitor_set_idle_threshold (BbAwayMonitor *self,
                                    guint          threshold_ms)
{
  g_return_if_fail (BB_IS_AWAY_MONITOR (self));
  g_return_if_fail (threshold_ms > 0);

  if (self->idle_threshold == threshold_ms)
    return;

  self->idle_threshold = threshold_ms;
  add_idle_watch (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_THRESHOLD]);
}

gboolean
bb_away_monitor_get_locked (BbAwayMonitor *self)
{
  g_return_val_if_fail (BB_IS_AWAY_MONITOR (self), FALSE);

  return is_locked (self);
}

gboolean
bb_away_monitor_get_away (BbAwayMonitor *self)
{
  g_return_val_if_fail (BB_IS_AWAY_MONITOR (self), FALSE);

  return self->span.reasons != 0;
}

/*
 * bb_away_monitor_set_slept_func:
 * @func: returns the time spent suspended since boot, in µs
 *
 * For tests: replaces bb_away_get_slept_time(), and reads it once as the
 * starting point.
 */
void
bb_away_monitor_set_slept_func (BbAwayMonitor   *self,
                                BbAwaySleptFunc  func)
{
  g_return_if_fail (BB_IS_AWAY_MONITOR (self));
  g_return_if_fail (func != NULL);

  self->slept_func = func;
  self->slept = func ();
}
