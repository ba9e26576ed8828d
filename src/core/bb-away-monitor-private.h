/* bb-away-monitor-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-away-monitor.h"

G_BEGIN_DECLS

/* Why the user is away; several may hold at once. */
typedef enum
{
  BB_AWAY_IDLE          = 1 << 0,  /* Mutter's idle watch fired */
  BB_AWAY_SCREEN_SAVER  = 1 << 1,  /* org.gnome.ScreenSaver is active */
  BB_AWAY_SESSION_LOCK  = 1 << 2,  /* logind: Lock, or LockedHint */
  BB_AWAY_SLEEP         = 1 << 3,  /* suspended, or about to be */
} BbAwayReason;

#define BB_AWAY_LOCK_REASONS (BB_AWAY_SCREEN_SAVER | BB_AWAY_SESSION_LOCK)

/* The union of overlapping away reasons: one period from the earliest
 * start to the end of the last reason that holds. */
typedef struct
{
  guint  reasons;  /* BbAwayReason bits */
  gint64 since;    /* real µs, when @reasons is not 0 */
} BbAwaySpan;

gboolean bb_away_span_begin (BbAwaySpan   *span,
                             BbAwayReason  reason,
                             gint64        start_us);
gboolean bb_away_span_end   (BbAwaySpan   *span,
                             BbAwayReason  reason,
                             gint64        end_us,
                             gint64       *from_us,
                             gint64       *to_us);

/* Microseconds the machine has spent suspended since boot: how far
 * CLOCK_BOOTTIME is ahead of CLOCK_MONOTONIC. Tests replace it. */
typedef gint64 (*BbAwaySleptFunc) (void);

gint64   bb_away_get_slept_time               (void);
void     bb_away_monitor_set_slept_func       (BbAwayMonitor   *self,
                                               BbAwaySleptFunc  func);

G_END_DECLS
