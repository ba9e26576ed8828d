/* bb-wav.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bb-wav.h"

/*
 * Tells whether a sound file is one the chimes can play as it is: a RIFF
 * WAVE with a "fmt " chunk of 16-bit integer PCM, one or two channels at
 * a sane rate, and a non-empty "data" chunk that fits in the file. That is
 * what data/sounds makes, and what libcanberra reads without surprises.
 * Anything else gets a stand-in, so it is better to refuse a file that
 * might have played than to let one through that will not.
 */

G_DEFINE_QUARK (bb-wav-error-quark, bb_wav_error)

/* Larger than any chime; a bigger file is not one of ours. */
#define MAX_FILE_SIZE (16 * 1024 * 1024)
#define MIN_RATE 8000
#define MAX_RATE 192000

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

/**
 * bb_wav_check_data:
 * @data: the whole file
 * @length: its size
 *
 * Returns: %TRUE when @data is a WAV the chimes play as it is; otherwise
 *   %FALSE with a #BB_WAV_ERROR saying why, in English for the log
 */
gboolean
bb_wav_check_data (const guint8  *data,
                   gsize          length,
                   GError       **error)
{
  gboolean have_format = FALSE;
  guint block_align = 0;
  gsize offset = 12;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length == 0)
    {
      g_set_error_literal (error, BB_WAV_ERROR, BB_WAV_ERROR_EMPTY, "the file is empty");
      return FALSE;
    }

  if (length < 12 || memcmp (data, "RIFF", 4) != 0 || memcmp (data + 8, "WAVE", 4) != 0)
    {
      /* A RIFF that stops short is a damaged WAV; anything else is
       * another kind of file. */
      if (length >= 4 && memcmp (data, "RIFF", 4) == 0 && length < 12)
        g_set_error_literal (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT,
                             "the file ends inside its RIFF header");
      else
        g_set_error_literal (error, BB_WAV_ERROR, BB_WAV_ERROR_UNSUPPORTED,
                             "not a WAV file");
      return FALSE;
    }

  while (offset + 8 <= length)
    {
      const guint8 *chunk = data + offset;
      guint32 size = le32 (chunk + 4);

      if (size > length - offset - 8)
        {
          g_set_error (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT,
                       "the “%.4s” chunk claims %u bytes, but only %" G_GSIZE_FORMAT " remain",
                       (const char *) chunk, size, length - offset - 8);
          return FALSE;
        }

      if (memcmp (chunk, "fmt ", 4) == 0)
        {
          guint format, channels, rate, bits;

          if (size < 16)
            {
              g_set_error (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT,
                           "the format chunk is %u bytes, too short", size);
              return FALSE;
            }

          format = le16 (chunk + 8);
          channels = le16 (chunk + 10);
          rate = le32 (chunk + 12);
          block_align = le16 (chunk + 20);
          bits = le16 (chunk + 22);

          if (format != 1)
            {
              g_set_error (error, BB_WAV_ERROR, BB_WAV_ERROR_UNSUPPORTED,
                           "format %u, not integer PCM (1)", format);
              return FALSE;
            }
          if (bits != 16)
            {
              g_set_error (error, BB_WAV_ERROR, BB_WAV_ERROR_UNSUPPORTED,
                           "%u-bit samples, not 16-bit", bits);
              return FALSE;
            }
          if (channels < 1 || channels > 2)
            {
              g_set_error (error, BB_WAV_ERROR, BB_WAV_ERROR_UNSUPPORTED,
                           "%u channels, not 1 or 2", channels);
              return FALSE;
            }
          if (rate < MIN_RATE || rate > MAX_RATE)
            {
              g_set_error (error, BB_WAV_ERROR, BB_WAV_ERROR_UNSUPPORTED,
                           "a rate of %u Hz", rate);
              return FALSE;
            }
          if (block_align != channels * 2)
            {
              g_set_error (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT,
                           "a block of %u bytes for %u 16-bit channels", block_align, channels);
              return FALSE;
            }

          have_format = TRUE;
        }
      else if (memcmp (chunk, "data", 4) == 0)
        {
          if (!have_format)
            {
              g_set_error_literal (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT,
                                   "the sound data comes before its format");
              return FALSE;
            }
          if (size < block_align)
            {
              g_set_error_literal (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT,
                                   "there is no sound data");
              return FALSE;
            }
          if (size % block_align != 0)
            {
              g_set_error (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT,
                           "%u bytes of sound data is not a whole number of samples", size);
              return FALSE;
            }

          return TRUE;
        }

      /* Chunks are padded to an even size. */
      offset += 8 + (gsize) size + (size & 1);
    }

  g_set_error_literal (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT,
                       have_format ? "the file ends before its sound data"
                                   : "the file ends before its format");
  return FALSE;
}

/**
 * bb_wav_check_file:
 * @path: a sound file
 *
 * As bb_wav_check_data() for the file at @path; a file that is not there
 * is %BB_WAV_ERROR_MISSING, one that cannot be read %BB_WAV_ERROR_UNREADABLE.
 */
gboolean
bb_wav_check_file (const char  *path,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  GStatBuf st;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, BB_WAV_ERROR,
                   saved == ENOENT ? BB_WAV_ERROR_MISSING : BB_WAV_ERROR_UNREADABLE,
                   "%s", g_strerror (saved));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, BB_WAV_ERROR, BB_WAV_ERROR_UNREADABLE, "not a regular file");
      return FALSE;
    }

  if (st.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, BB_WAV_ERROR, BB_WAV_ERROR_UNSUPPORTED,
                   "%" G_GINT64_FORMAT " bytes, too large for a chime", (gint64) st.st_size);
      return FALSE;
    }

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error_literal (error, BB_WAV_ERROR, BB_WAV_ERROR_UNREADABLE, local_error->message);
      return FALSE;
    }

  return bb_wav_check_data ((const guint8 *) data, length, error);
}
