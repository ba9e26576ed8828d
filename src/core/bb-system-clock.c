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
 */

struct _BbSystemClock
{
  BbClock     parent_instance;

  GHashTable *sources;  /* guint id -> GSource */
};

typedef struct
{
  GSource         source;
  int             fd;     /* timerfd, or -1 */
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
