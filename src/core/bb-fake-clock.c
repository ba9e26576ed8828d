/* bb-fake-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-fake-clock.h"

/*
 * A clock that only moves when a test says so. Timeouts are kept in a list
 * sorted by deadline (ties keep the order they were added in) and fire
 * from bb_fake_clock_advance() with the clock set to their deadline, or
 * late from bb_fake_clock_dispatch() after a bb_fake_clock_jump(), which
 * is how a test stands in for a busy main loop.
 *
 * Wall-clock timeouts wait in a list of their own, sorted by real
 * deadline. Real time moves with monotonic time in bb_fake_clock_advance(),
 * so both kinds fire there in the order of their deadlines; the wall clock
 * alone moves in bb_fake_clock_jump_real(), which announces the change and
 * then fires the wall timeouts it passed.
 */

struct _BbFakeClock
{
  BbClock  parent_instance;

  GQueue   timeouts;       /* Timeout*, sorted by monotonic deadline */
  GQueue   wall_timeouts;  /* Timeout*, sorted by real deadline */

  gint64   monotonic_time;
  gint64   real_time;
  guint    last_id;
};

typedef struct
{
  guint           id;
  gint64          deadline;
  BbClockFunc     func;
  gpointer        user_data;
  GDestroyNotify  notify;
} Timeout;

G_DEFINE_FINAL_TYPE (BbFakeClock, bb_fake_clock, BB_TYPE_CLOCK)

static void
timeout_free (Timeout *timeout)
{
  if (timeout->notify != NULL)
    timeout->notify (timeout->user_data);

  g_free (timeout);
}

static gint
compare_deadline (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Timeout *ta = a;
  const Timeout *tb = b;

  if (ta->deadline != tb->deadline)
    return ta->deadline < tb->deadline ? -1 : 1;

  return ta->id < tb->id ? -1 : 1;
}

static gint64
bb_fake_clock_get_monotonic_time (BbClock *clock)
{
  return BB_FAKE_CLOCK (clock)->monotonic_time;
}

static gint64
bb_fake_clock_get_real_time (BbClock *clock)
{
  return BB_FAKE_CLOCK (clock)->real_time;
}

static guint
bb_fake_clock_add_timeout_at (BbClock        *clock,
                              gint64          deadline,
                              BbClockFunc     func,
                              gpointer        user_data,
                              GDestroyNotify  notify)
{
  BbFakeClock *self = BB_FAKE_CLOCK (clock);
  Timeout *timeout;

  timeout = g_new0 (Timeout, 1);
  timeout->id = ++self->last_id;
  timeout->deadline = deadline;
  timeout->func = func;
  timeout->user_data = user_data;
  timeout->notify = notify;

  g_queue_insert_sorted (&self->timeouts, timeout, compare_deadline, NULL);

  return timeout->id;
}

static guint
bb_fake_clock_add_wall_timeout_at (BbClock        *clock,
                                   gint64          real_deadline,
                                   BbClockFunc     func,
                                   gpointer        user_data,
                                   GDestroyNotify  notify)
{
  BbFakeClock *self = BB_FAKE_CLOCK (clock);
  Timeout *timeout;

  timeout = g_new0 (Timeout, 1);
  timeout->id = ++self->last_id;
  timeout->deadline = real_deadline;
  timeout->func = func;
  timeout->user_data = user_data;
  timeout->notify = notify;

  g_queue_insert_sorted (&self->wall_timeouts, timeout, compare_deadline, NULL);

  return timeout->id;
}

static gboolean
remove_from (GQueue *queue,
             guint   id)
{
  for (GList *l = queue->head; l != NULL; l = l->next)
    {
      Timeout *timeout = l->data;

      if (timeout->id == id)
        {
          g_queue_delete_link (queue, l);
          timeout_free (timeout);
          return TRUE;
        }
    }

  return FALSE;
}

static void
bb_fake_clock_remove_timeout (BbClock *clock,
                              guint    id)
{
  BbFakeClock *self = BB_FAKE_CLOCK (clock);

  if (!remove_from (&self->timeouts, id))
    remove_from (&self->wall_timeouts, id);
}

/* Fires the earliest timeout of @queue if it is due at @now. */
static gboolean
fire_next_in (BbFakeClock *self,
              GQueue      *queue,
              gint64       now)
{
  Timeout *timeout = g_queue_peek_head (queue);

  if (timeout == NULL || timeout->deadline > now)
    return FALSE;

  g_queue_pop_head (queue);
  timeout->func (BB_CLOCK (self), timeout->user_data);
  timeout_free (timeout);

  return TRUE;
}

static gboolean
fire_next (BbFakeClock *self,
           gint64       now)
{
  return fire_next_in (self, &self->timeouts, now);
}

static gboolean
fire_next_wall (BbFakeClock *self)
{
  return fire_next_in (self, &self->wall_timeouts, self->real_time);
}

static void
bb_fake_clock_finalize (GObject *object)
{
  BbFakeClock *self = (BbFakeClock *)object;

  g_queue_clear_full (&self->timeouts, (GDestroyNotify) timeout_free);
  g_queue_clear_full (&self->wall_timeouts, (GDestroyNotify) timeout_free);

  G_OBJECT_CLASS (bb_fake_clock_parent_class)->finalize (object);
}

static void
bb_fake_clock_class_init (BbFakeClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BbClockClass *clock_class = BB_CLOCK_CLASS (klass);

  object_class->finalize = bb_fake_clock_finalize;

  clock_class->get_monotonic_time = bb_fake_clock_get_monotonic_time;
  clock_class->get_real_time = bb_fake_clock_get_real_time;
  clock_class->add_timeout_at = bb_fake_clock_add_timeout_at;
  clock_class->remove_timeout = bb_fake_clock_remove_timeout;
  clock_class->add_wall_timeout_at = bb_fake_clock_add_wall_timeout_at;
}

static void
bb_fake_clock_init (BbFakeClock *self)
{
  g_queue_init (&self->timeouts);
  g_queue_init (&self->wall_timeouts);
}

/**
 * bb_fake_clock_new:
 * @monotonic_time: the starting monotonic time, in microseconds
 * @real_time: the starting wall-clock time, in microseconds since the epoch
 */
BbClock *
bb_fake_clock_new (gint64 monotonic_time,
                   gint64 real_time)
{
  BbFakeClock *self = g_object_new (BB_TYPE_FAKE_CLOCK, NULL);

  self->monotonic_time = monotonic_time;
  self->real_time = real_time;

  return BB_CLOCK (self);
}

/**
 * bb_fake_clock_advance:
 * @delta: microseconds to move forward, >= 0
 *
 * Moves both times forward by @delta. Every timeout due on the way fires
 * in deadline order, with the clock standing at its deadline, including
 * timeouts added by callbacks on the way. Wall-clock timeouts fire on the
 * way too, when the real time reaches their deadline; at the same instant
 * monotonic timeouts go first.
 */
void
bb_fake_clock_advance (BbFakeClock *self,
                       gint64       delta)
{
  gint64 target;

  g_return_if_fail (BB_IS_FAKE_CLOCK (self));
  g_return_if_fail (delta >= 0);

  target = self->monotonic_time + delta;

  for (;;)
    {
      Timeout *timeout = g_queue_peek_head (&self->timeouts);
      Timeout *wall = g_queue_peek_head (&self->wall_timeouts);
      gint64 step = G_MAXINT64;
      gboolean is_wall = FALSE;

      if (timeout != NULL && timeout->deadline <= target)
        step = MAX (timeout->deadline, self->monotonic_time) - self->monotonic_time;

      if (wall != NULL && wall->deadline - self->real_time <= target - self->monotonic_time)
        {
          gint64 wall_step = MAX (wall->deadline, self->real_time) - self->real_time;

          if (wall_step < step)
            {
              step = wall_step;
              is_wall = TRUE;
            }
        }

      if (step == G_MAXINT64)
        break;

      self->monotonic_time += step;
      self->real_time += step;
      if (is_wall)
        fire_next_wall (self);
      else
        fire_next (self, self->monotonic_time);
    }

  self->real_time += target - self->monotonic_time;
  self->monotonic_time = target;
}

/**
 * bb_fake_clock_jump:
 * @delta: microseconds to move forward, >= 0
 *
 * Moves both times forward without firing anything, like a main loop that
 * was blocked; bb_fake_clock_dispatch() then fires what is overdue.
 */
void
bb_fake_clock_jump (BbFakeClock *self,
                    gint64       delta)
{
  g_return_if_fail (BB_IS_FAKE_CLOCK (self));
  g_return_if_fail (delta >= 0);

  self->monotonic_time += delta;
  self->real_time += delta;
}

/**
 * bb_fake_clock_jump_real:
 * @delta: microseconds, may be negative
 *
 * Moves only the wall clock, as when the user or NTP sets the time or the
 * machine resumes (the monotonic clock stands still in a suspend). Emits
 * #BbClock::wall-clock-changed, as the system clock does when its
 * timerfd is canceled, then fires the wall-clock timeouts now due, in
 * deadline order.
 */
void
bb_fake_clock_jump_real (BbFakeClock *self,
                         gint64       delta)
{
  g_return_if_fail (BB_IS_FAKE_CLOCK (self));

  self->real_time += delta;

  bb_clock_emit_wall_clock_changed (BB_CLOCK (self));

  while (fire_next_wall (self))
    ;
}

/**
 * bb_fake_clock_dispatch:
 *
 * Fires, in deadline order, every timeout due at the current time, then
 * every wall-clock timeout due at the current real time.
 *
 * Returns: how many fired
 */
guint
bb_fake_clock_dispatch (BbFakeClock *self)
{
  guint n = 0;

  g_return_val_if_fail (BB_IS_FAKE_CLOCK (self), 0);

  while (fire_next (self, self->monotonic_time))
    n++;

  while (fire_next_wall (self))
    n++;

  return n;
}

/**
 * bb_fake_clock_get_n_pending:
 *
 * Returns: how many timeouts, of both kinds, wait to fire
 */
guint
bb_fake_clock_get_n_pending (BbFakeClock *self)
{
  g_return_val_if_fail (BB_IS_FAKE_CLOCK (self), 0);

  return self->timeouts.length + self->wall_timeouts.length;
}

/**
 * bb_fake_clock_get_next_wall_deadline:
 * @real_deadline: (out) (optional): the earliest pending real deadline
 *
 * Returns: %TRUE if a wall-clock timeout is pending
 */
gboolean
bb_fake_clock_get_next_wall_deadline (BbFakeClock *self,
                                      gint64      *real_deadline)
{
  Timeout *timeout;

  g_return_val_if_fail (BB_IS_FAKE_CLOCK (self), FALSE);

  timeout = g_queue_peek_head (&self->wall_timeouts);
  if (timeout == NULL)
    return FALSE;

  if (real_deadline != NULL)
    *real_deadline = timeout->deadline;

  return TRUE;
}

/**
 * bb_fake_clock_get_next_deadline:
 * @deadline: (out) (optional): the earliest pending deadline
 *
 * Returns: %TRUE if a timeout is pending
 */
gboolean
bb_fake_clock_get_next_deadline (BbFakeClock *self,
                                 gint64      *deadline)
{
  Timeout *timeout;

  g_return_val_if_fail (BB_IS_FAKE_CLOCK (self), FALSE);

  timeout = g_queue_peek_head (&self->timeouts);
  if (timeout == NULL)
    return FALSE;

  if (deadline != NULL)
    *deadline = timeout->deadline;

  return TRUE;
}
