/* bb-clock.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BB_TYPE_CLOCK (bb_clock_get_type ())

G_DECLARE_DERIVABLE_TYPE (BbClock, bb_clock, BB, CLOCK, GObject)

/**
 * BbClockFunc:
 * @clock: the clock that fired
 * @user_data: data given when the timeout was added
 *
 * A one-shot timeout callback. The timeout is already removed when this
 * runs, so the callback may add a new one.
 */
typedef void (*BbClockFunc) (BbClock  *clock,
                             gpointer  user_data);

struct _BbClockClass
{
  GObjectClass parent_class;

  gint64 (*get_monotonic_time) (BbClock        *self);
  gint64 (*get_real_time)      (BbClock        *self);
  guint  (*add_timeout_at)     (BbClock        *self,
                                gint64          deadline,
                                BbClockFunc     func,
                                gpointer        user_data,
                                GDestroyNotify  notify);
  void   (*remove_timeout)     (BbClock        *self,
                                guint           id);
  guint  (*add_wall_timeout_at) (BbClock        *self,
                                 gint64          real_deadline,
                                 BbClockFunc     func,
                                 gpointer        user_data,
                                 GDestroyNotify  notify);

  gpointer padding[7];
};

gint64  bb_clock_get_monotonic_time (BbClock        *self);
gint64  bb_clock_get_real_time      (BbClock        *self);
guint   bb_clock_add_timeout_at     (BbClock        *self,
                                     gint64          deadline,
                                     BbClockFunc     func,
                                     gpointer        user_data,
                                     GDestroyNotify  notify);
void    bb_clock_remove_timeout     (BbClock        *self,
                                     guint           id);
guint   bb_clock_add_wall_timeout_at (BbClock        *self,
                                      gint64          real_deadline_us,
                                      BbClockFunc     func,
                                      gpointer        user_data,
                                      GDestroyNotify  notify);

/* For clock implementations. */
void    bb_clock_emit_wall_clock_changed (BbClock   *self);

BbClock *bb_clock_get_default       (void);

G_END_DECLS
