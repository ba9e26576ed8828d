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

/* An argument echoed back in a message shows at most this many
 * characters. */
#define ARGUMENT_MAX_CHARS 60

/**
 * bb_format_argument:
 * @arg: (nullable): a command-line argument, any bytes
 *
 * Makes an argument fit to be shown in a message: valid UTF-8 (a byte
 * that is not becomes U+FFFD), control characters as their escapes, and
 * at most %ARGUMENT_MAX_CHARS characters, the rest cut with an ellipsis.
 *
 * Returns: (transfer full): the text to show
 */
char *
bb_format_argument (const char *arg)
{
  return bb_format_text (arg, ARGUMENT_MAX_CHARS);
}

/**
 * bb_format_text:
 * @text: (nullable): any bytes
 * @max_chars: the most characters to keep
 *
 * Like bb_format_argument() for a whole message that may quote one.
 *
 * Returns: (transfer full): the text to show
 */
char *
bb_format_text (const char *arg,
                guint       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint n = 0;

  if (arg == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (arg, -1);
  out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }

      if (c == '\n' && max_chars > ARGUMENT_MAX_CHARS)
        g_string_append_c (out, '\n');
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
      n++;
    }

  return g_string_free (out, FALSE);
}
