/* bb-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *bb_format_clock        (gint64 microseconds);
guint bb_format_ceil_seconds (gint64 microseconds);
char *bb_format_argument     (const char *arg);
char *bb_format_text         (const char *text,
                              guint       max_chars);

G_END_DECLS
