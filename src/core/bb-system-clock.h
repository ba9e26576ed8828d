/* bb-system-clock.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-clock.h"

G_BEGIN_DECLS

#define BB_TYPE_SYSTEM_CLOCK (bb_system_clock_get_type ())

G_DECLARE_FINAL_TYPE (BbSystemClock, bb_system_clock, BB, SYSTEM_CLOCK, BbClock)

BbClock *bb_system_clock_new (void);

G_END_DECLS
