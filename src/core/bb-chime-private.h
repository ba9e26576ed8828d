/* bb-chime-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-chime.h"

/* For tests only: where the chimes go, and the ids they play under. */

G_BEGIN_DECLS

/* Playback ids handed to the backend. Phase chimes (and previews) share
 * one, so a new one cuts the previous short; a reminder has its own. */
#define BB_CHIME_ID_PHASE    1
#define BB_CHIME_ID_REMINDER 2

/**
 * BbChimeBackend:
 * @play: starts one sound under @id. @path is a sound file that passed
 *   the check of bb-wav.h, or %NULL to play the sound theme's @event_id
 *   instead (@event_id is always set, and names the sound theme's
 *   stand-in for the file). @description says what the sound means.
 *   @volume_db is the gain in decibels, at most 0. Returns %FALSE with
 *   @error (#BB_CHIME_ERROR) set when nothing will be heard; when it
 *   returns %TRUE, playback has begun or begins as soon as the sound
 *   server can start it.
 * @cancel: stops whatever still plays under @id; quiet if nothing does.
 *
 * Where the sound goes. The default plays through libcanberra; tests put
 * a recorder here.
 */
typedef struct
{
  gboolean (*play)   (gpointer     backend_data,
                      guint32      id,
                      const char  *path,
                      const char  *event_id,
                      const char  *description,
                      double       volume_db,
                      GError     **error);
  void     (*cancel) (gpointer     backend_data,
                      guint32      id);
} BbChimeBackend;

BbChime *bb_chime_new_with_backend (const BbChimeBackend *backend,
                                    gpointer              backend_data,
                                    GDestroyNotify        backend_data_destroy);

G_END_DECLS
