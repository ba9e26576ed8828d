/* bb-away-monitor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-clock.h"

G_BEGIN_DECLS

/* The idle time after which the user counts as away, unless set. */
#define BB_AWAY_MONITOR_DEFAULT_IDLE_THRESHOLD_MS (5 * 60 * 1000)

#define BB_TYPE_AWAY_MONITOR (bb_away_monitor_get_type ())

G_DECLARE_FINAL_TYPE (BbAwayMonitor, bb_away_monitor, BB, AWAY_MONITOR, GObject)

BbAwayMonitor *bb_away_monitor_new                (BbClock         *clock,
                                                   GDBusConnection *session_bus,
                                                   GDBusConnection *system_bus);

BbClock       *bb_away_monitor_get_clock          (BbAwayMonitor   *self);
guint          bb_away_monitor_get_idle_threshold (BbAwayMonitor   *self);
void           bb_away_monitor_set_idle_threshold (BbAwayMonitor   *self,
                                                   guint            threshold_ms);
gboolean       bb_away_monitor_get_locked         (BbAwayMonitor   *self);
gboolean       bb_away_monitor_get_away           (BbAwayMonitor   *self);

G_END_DECLS
