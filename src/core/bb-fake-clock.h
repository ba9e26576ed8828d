/* bb-fake-clock.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-clock.h"

G_BEGIN_DECLS

#define BB_TYPE_FAKE_CLOCK (bb_fake_clock_get_type ())

G_DECLARE_FINAL_TYPE (BbFakeClock, bb_fake_clock, BB, FAKE_CLOCK, BbClock)

BbClock *bb_fake_clock_new           (gint64       monotonic_time,
                                      gint64       real_time);
void     bb_fake_clock_advance       (BbFakeClock *self,
                                      gint64       delta);
void     bb_fake_clock_jump          (BbFakeClock *self,
                                      gint64       delta);
void     bb_fake_clock_jump_real     (BbFakeClock *self,
                                      gint64       delta);
guint    bb_fake_clock_dispatch      (BbFakeClock *self);
guint    bb_fake_clock_get_n_pending (BbFakeClock *self);
gboolean bb_fake_clock_get_next_deadline (BbFakeClock *self,
                                          gint64      *deadline);
gboolean bb_fake_clock_get_next_wall_deadline (BbFakeClock *self,
                                               gint64      *real_deadline);

G_END_DECLS
