/* bb-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-format.h"

/**
 * bb_format_ceil_seconds:
 *
 * Countdowns round up, so "1" shows until the very end and "0" never
 * shows while time is left.
 *
 * Returns: @microseconds in whole seconds, rounded up; 0 for negative
 */
guint
bb_format_ceil_seconds (gint64 microseconds)
{
  if (microseconds <= 0)
    return 0;

  return (guint) ((microseconds + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

/**
 * bb_format_clock:
 *
 * Returns: (transfer full): @microseconds as "m:ss", or "h:mm:ss" from an
 *   hour, rounded up to the second
 */
char *
bb_format_clock (gint64 microseconds)
{
  guint seconds = bb_format_ceil_seconds (microseconds);

  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, (seconds / 60) % 60, seconds % 60);

  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}
