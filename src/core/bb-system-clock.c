/* bb-system-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#ifdef __linux__
# include <sys/timerfd.h>
#endif

#include "bb-system-clock.h"

/*
 * The real clock: GLib's monotonic and real time, and timeouts as GSources
 * with a ready time in microseconds. g_timeout_add() would drift with its
 * own interval arithmetic; a ready time is an absolute deadline, so a late
 * dispatch never delays the next one.
 *
 * GLib turns a ready time into a poll() timeout in whole milliseconds,
 * rounded up, which makes every phase change up to a millisecond or two
 * late. On Linux each timeout also arms a timerfd for its deadline:
 * poll() then wakes when the kernel's high-resolution timer fires. The
 * ready time stays as the fallback.
 *
 * Wall-clock timeouts arm a CLOCK_REALTIME timerfd with an absolute
 * deadline: the kernel fires it when the real time reaches the deadline,
 * also when the clock is set past it or the machine resumes after it. A
 * watch timerfd with TFD_TIMER_CANCEL_ON_SET, armed far ahead, wakes when
 * the clock is set or the machine resumes (read() fails with ECANCELED,
 * as in gnome-desktop's wall-clock source); the clock then emits
 * BbClock::wall-clock-changed once and arms the watch again. Elsewhere a
 * wall timeout falls back to a monotonic ready time worked out when it was
 * added, and nothing notices the clock being set.
 */

struct _BbSystemClock
{
  BbClock     parent_instance;

  GHashTable *sources;  /* guint id -> GSource */
  GSource    *watch;    /* notices the wall clock being set, or NULL */
};

typedef struct
{
  GSource         source;
  int             fd;     /* timerfd, or -1 */
  gint64          real_deadline;
} TimerSource;

typedef struct
{
  BbSystemClock  *self;  /* unowned: the clock removes its sources first */
  BbClockFunc     func;
  gpointer        user_data;
  GDestroyNotify  notify;
} Timeout;

G_DEFINE_FINAL_TYPE (BbSystemClock, bb_system_clock, BB_TYPE_CLOCK)

static void
timeout_free (gpointer data)
{
  Timeout *timeout = data;

  if (timeout->notify != NULL)
    timeout->notify (timeout->user_data);

  g_free (timeout);
}

static gboolean
timeout_dispatch (GSource     *source,
                  GSourceFunc  callback,
                  gpointer     user_data)
{
  Timeout *timeout = user_data;
  BbSystemClock *self = timeout->self;
  guint id = g_source_get_id (source);

  /* One-shot: forget the source before the callback, which may add a new
   * timeout. The main context keeps it alive until dispatch returns. */
  g_object_ref (self);
  if (g_hash_table_steal (self->sources, GUINT_TO_POINTER (id)))
    g_source_unref (source);
  timeout->func (BB_CLOCK (self), timeout->user_data);
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

static void
timer_source_finalize (GSource *source)
{
  TimerSource *timer = (TimerSource *)source;

  if (timer->fd >= 0)
    close (timer->fd);
}

static GSourceFuncs timeout_funcs = {
  .dispatch = timeout_dispatch,
  .finalize = timer_source_finalize,
};

#ifdef __linux__
/* How far ahead the watch is armed; it only waits for ECANCELED. */
# define WATCH_AHEAD_US (G_GINT64_CONSTANT (366) * 24 * 3600 * G_USEC_PER_SEC)

static gboolean
arm_realtime (int    fd,
              gint64 real_deadline)
{
  struct itimerspec spec = { 0 };

  /* An expired deadline still needs a non-zero value to arm the timer. */
  real_deadline = MAX (real_deadline, 1);
  spec.it_value.tv_sec = real_deadline / G_USEC_PER_SEC;
  spec.it_value.tv_nsec = (real_deadline % G_USEC_PER_SEC) * 1000;

  if (timerfd_settime (fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) < 0)
    {
      g_debug ("timerfd_settime: %s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

/* Reads an expiry off @fd: %TRUE if the timer expired. A read that fails
 * with ECANCELED means the clock was set; @canceled says so. */
static gboolean
read_expired (int       fd,
              gboolean *canceled)
{
  guint64 n_expired = 0;

  *canceled = FALSE;

  if (read (fd, &n_expired, sizeof n_expired) == sizeof n_expired)
    return n_expired > 0;

  if (errno == ECANCELED)
    *canceled = TRUE;

  return FALSE;
}
#endif

static gboolean
wall_timeout_dispatch (GSource     *source,
                       GSourceFunc  callback,
                       gpointer     user_data)
{
#ifdef __linux__
  TimerSource *timer = (TimerSource *)source;

  if (timer->fd >= 0)
    {
      gboolean canceled;

      if (!read_expired (timer->fd, &canceled))
        {
          /* The clock was set before the deadline: wait for it again. The
           * kernel fires at once if the new time is already past it. */
          if (canceled)
            arm_realtime (timer->fd, timer->real_deadline);
          return G_SOURCE_CONTINUE;
        }
    }
#endif

  return timeout_dispatch (source, callback, user_data);
}

static GSourceFuncs wall_timeout_funcs = {
  .dispatch = wall_timeout_dispatch,
  .finalize = timer_source_finalize,
};

static gboolean
watch_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
#ifdef __linux__
  TimerSource *timer = (TimerSource *)source;
  BbClock *clock = user_data;
  gboolean canceled;

  read_expired (timer->fd, &canceled);
  arm_realtime (timer->fd, g_get_real_time () + WATCH_AHEAD_US);

  if (canceled)
    {
      g_debug ("The wall clock was set");
      bb_clock_emit_wall_clock_changed (clock);
    }
#endif

  return G_SOURCE_CONTINUE;
}

static GSourceFuncs watch_funcs = {
  .dispatch = watch_dispatch,
  .finalize = timer_source_finalize,
};

/* The watch lives in the context of the first wall timeout, which is the
 * context its scheduler runs in. */
static void
ensure_watch (BbSystemClock *self,
              GMainContext  *context)
{
#ifdef __linux__
  TimerSource *timer;

  if (self->watch != NULL)
    return;

  self->watch = g_source_new (&watch_funcs, sizeof (TimerSource));
  timer = (TimerSource *)self->watch;
  timer->fd = timerfd_create (CLOCK_REALTIME, TFD_CLOEXEC | TFD_NONBLOCK);
  if (timer->fd < 0 || !arm_realtime (timer->fd, g_get_real_time () + WATCH_AHEAD_US))
    {
      g_debug ("No timerfd to watch the wall clock: %s", g_strerror (errno));
      g_clear_pointer (&self->watch, g_source_unref);
      return;
    }

  g_source_add_unix_fd (self->watch, timer->fd, G_IO_IN);
  g_source_set_name (self->watch, "[backbreath] wall clock watch");
  /* Unowned: the clock destroys the watch when it goes. */
  g_source_set_callback (self->watch, NULL, self, NULL);
  g_source_attach (self->watch, context);
#endif
}

static void
arm_timerfd (TimerSource *timer,
             gint64       deadline)
{
#ifdef __linux__
  struct itimerspec spec = { 0 };

  timer->fd = timerfd_create (CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
  if (timer->fd < 0)
    return;

  /* An expired deadline still needs a non-zero value to arm the timer. */
  deadline = MAX (deadline, 1);
  spec.it_value.tv_sec = deadline / G_USEC_PER_SEC;
  spec.it_value.tv_nsec = (deadline % G_USEC_PER_SEC) * 1000;

  if (timerfd_settime (timer->fd, TFD_TIMER_ABSTIME, &spec, NULL) < 0)
    {
      g_debug ("timerfd_settime: %s", g_strerror (errno));
      close (timer->fd);
      timer->fd = -1;
      return;
    }

  g_source_add_unix_fd (&timer->source, timer->fd, G_IO_IN);
#endif
}

static gint64
bb_system_clock_get_monotonic_time (BbClock *clock)
{
  return g_get_monotonic_time ();
}

static gint64
bb_system_clock_get_real_time (BbClock *clock)
{
  return g_get_real_time ();
}

static guint
bb_system_clock_add_timeout_at (BbClock        *clock,
                                gint64          deadline,
                                BbClockFunc     func,
                                gpointer        user_data,
                                GDestroyNotify  notify)
{
  BbSystemClock *self = BB_SYSTEM_CLOCK (clock);
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  GSource *source;
  Timeout *timeout;
  guint id;

  timeout = g_new0 (Timeout, 1);
  timeout->self = self;
  timeout->func = func;
  timeout->user_data = user_data;
  timeout->notify = notify;

  source = g_source_new (&timeout_funcs, sizeof (TimerSource));
  ((TimerSource *)source)->fd = -1;
  arm_timerfd ((TimerSource *)source, deadline);
  g_source_set_name (source, "[backbreath] clock timeout");
  /* Phase changes drive chimes; they should not wait behind redraws. */
  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_ready_time (source, MAX (deadline, 0));
  g_source_set_callback (source, NULL, timeout, timeout_free);
  id = g_source_attach (source, context);

  /* The table holds the only reference while the timeout is pending. */
  g_hash_table_insert (self->sources, GUINT_TO_POINTER (id), source);

  return id;
}

static guint
bb_system_clock_add_wall_timeout_at (BbClock        *clock,
                                     gint64          real_deadline,
                                     BbClockFunc     func,
                                     gpointer        user_data,
                                     GDestroyNotify  notify)
{
  BbSystemClock *self = BB_SYSTEM_CLOCK (clock);
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  GSource *source;
  TimerSource *timer;
  Timeout *timeout;
  guint id;

  ensure_watch (self, context);

  timeout = g_new0 (Timeout, 1);
  timeout->self = self;
  timeout->func = func;
  timeout->user_data = user_data;
  timeout->notify = notify;

  source = g_source_new (&wall_timeout_funcs, sizeof (TimerSource));
  timer = (TimerSource *)source;
  timer->fd = -1;
  timer->real_deadline = real_deadline;

#ifdef __linux__
  timer->fd = timerfd_create (CLOCK_REALTIME, TFD_CLOEXEC | TFD_NONBLOCK);
  if (timer->fd >= 0 && !arm_realtime (timer->fd, real_deadline))
    {
      close (timer->fd);
      timer->fd = -1;
    }
  if (timer->fd >= 0)
    g_source_add_unix_fd (source, timer->fd, G_IO_IN);
#endif

  /* Without a timerfd, the best guess is the monotonic time the deadline
   * would have if the wall clock stays as it is. */
  if (timer->fd < 0)
    g_source_set_ready_time (source, MAX (g_get_monotonic_time ()
                                          + (real_deadline - g_get_real_time ()), 0));

  g_source_set_name (source, "[backbreath] wall clock timeout");
  g_source_set_callback (source, NULL, timeout, timeout_free);
  id = g_source_attach (source, context);

  g_hash_table_insert (self->sources, GUINT_TO_POINTER (id), source);

  return id;
}

static void
bb_system_clock_remove_timeout (BbClock *clock,
                                guint    id)
{
  BbSystemClock *self = BB_SYSTEM_CLOCK (clock);
  GSource *source;

  source = g_hash_table_lookup (self->sources, GUINT_TO_POINTER (id));
  if (source == NULL)
    return;

  g_hash_table_steal (self->sources, GUINT_TO_POINTER (id));
  g_source_destroy (source);
  g_source_unref (source);
}

static void
destroy_source (gpointer data)
{
  GSource *source = data;

  g_source_destroy (source);
  g_source_unref (source);
}

static void
bb_system_clock_finalize (GObject *object)
{
  BbSystemClock *self = (BbSystemClock *)object;

  g_clear_pointer (&self->sources, g_hash_table_unref);
  if (self->watch != NULL)
    g_source_destroy (self->watch);
  g_clear_pointer (&self->watch, g_source_unref);

  G_OBJECT_CLASS (bb_system_clock_parent_class)->finalize (object);
}

static void
bb_system_clock_class_init (BbSystemClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbClockClass *clock_class = BB_CLOCK_CLASS (klass);

  object_class->finalize = bb_system_clock_finalize;

  clock_class->get_monotonic_time = bb_system_clock_get_monotonic_time;
  clock_class->get_real_time = bb_system_clock_get_real_time;
  clock_class->add_timeout_at = bb_system_clock_add_timeout_at;
  clock_class->remove_timeout = bb_system_clock_remove_timeout;
  clock_class->add_wall_timeout_at = bb_system_clock_add_wall_timeout_at;
}

static void
bb_system_clock_init (BbSystemClock *self)
{
  self->sources = g_hash_table_new_full (NULL, NULL, NULL, destroy_source);
}

BbClock *
bb_system_clock_new (void)
{
  return g_object_new (BB_TYPE_SYSTEM_CLOCK, NULL);
}
