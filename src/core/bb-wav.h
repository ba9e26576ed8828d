/* bb-wav.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BbWavError:
 * @BB_WAV_ERROR_MISSING: there is no such file
 * @BB_WAV_ERROR_EMPTY: the file is empty
 * @BB_WAV_ERROR_CORRUPT: a WAV file whose structure is broken or cut short
 * @BB_WAV_ERROR_UNSUPPORTED: not 16-bit PCM WAV, or not a WAV file at all
 * @BB_WAV_ERROR_UNREADABLE: the file cannot be read
 */
typedef enum
{
  BB_WAV_ERROR_MISSING,
  BB_WAV_ERROR_EMPTY,
  BB_WAV_ERROR_CORRUPT,
  BB_WAV_ERROR_UNSUPPORTED,
  BB_WAV_ERROR_UNREADABLE,
} BbWavError;

#define BB_WAV_ERROR (bb_wav_error_quark ())

GQuark   bb_wav_error_quark   (void);
gboolean bb_wav_check_data    (const guint8  *data,
                               gsize          length,
                               GError       **error);
gboolean bb_wav_check_file    (const char    *path,
                               GError       **error);

G_END_DECLS
