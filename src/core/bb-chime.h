/* bb-chime.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bb-session.h"

G_BEGIN_DECLS

/**
 * BbChimeSound:
 * @BB_CHIME_SOUND_INHALE: an in-breath begins (rising)
 * @BB_CHIME_SOUND_HOLD: a hold begins, after the in-breath or the out-breath
 * @BB_CHIME_SOUND_EXHALE: an out-breath begins (falling)
 * @BB_CHIME_SOUND_FINISH: the session is complete
 * @BB_CHIME_SOUND_REMINDER: time for a practice break
 */
typedef enum
{
  BB_CHIME_SOUND_INHALE,
  BB_CHIME_SOUND_HOLD,
  BB_CHIME_SOUND_EXHALE,
  BB_CHIME_SOUND_FINISH,
  BB_CHIME_SOUND_REMINDER,
} BbChimeSound;

#define BB_CHIME_N_SOUNDS (BB_CHIME_SOUND_REMINDER + 1)

/**
 * BbChimeError:
 * @BB_CHIME_ERROR_UNAVAILABLE: no sound server or no output device
 * @BB_CHIME_ERROR_FAILED: the sound could not be played for another reason
 */
typedef enum
{
  BB_CHIME_ERROR_UNAVAILABLE,
  BB_CHIME_ERROR_FAILED,
} BbChimeError;

#define BB_CHIME_ERROR (bb_chime_error_quark ())

/* Playback ids handed to the backend. Phase chimes (and previews) share
 * one, so a new one cuts the previous short; a reminder has its own. */
#define BB_CHIME_ID_PHASE    1
#define BB_CHIME_ID_REMINDER 2

/**
 * BbChimeBackend:
 * @play: starts one sound under @id. @path is a readable sound file, or
 *   %NULL to play the sound theme's @event_id instead (@event_id is always
 *   set, and names the sound theme's stand-in for the file). @description
 *   says what the sound means. @volume_db is the gain in decibels, at
 *   most 0. Returns %FALSE with @error set when nothing will be heard.
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

#define BB_TYPE_CHIME (bb_chime_get_type ())

G_DECLARE_FINAL_TYPE (BbChime, bb_chime, BB, CHIME, GObject)

GQuark      bb_chime_error_quark       (void);

BbChime    *bb_chime_new               (const char           *application_name,
                                        const char           *application_id,
                                        const char           *icon_name);
BbChime    *bb_chime_new_with_backend  (const BbChimeBackend *backend,
                                        gpointer              backend_data,
                                        GDestroyNotify        backend_data_destroy);

const char *bb_chime_get_sounds_dir    (BbChime              *self);
void        bb_chime_set_sounds_dir    (BbChime              *self,
                                        const char           *sounds_dir);
int         bb_chime_get_volume        (BbChime              *self);
void        bb_chime_set_volume        (BbChime              *self,
                                        int                   volume);
gboolean    bb_chime_get_muted         (BbChime              *self);
gboolean    bb_chime_get_silent        (BbChime              *self);
void        bb_chime_set_muted         (BbChime              *self,
                                        gboolean              muted);
gboolean    bb_chime_get_sound_enabled (BbChime              *self,
                                        BbChimeSound          sound);
void        bb_chime_set_sound_enabled (BbChime              *self,
                                        BbChimeSound          sound,
                                        gboolean              enabled);

void        bb_chime_play              (BbChime              *self,
                                        BbChimeSound          sound);
void        bb_chime_preview           (BbChime              *self,
                                        BbChimeSound          sound);
void        bb_chime_cancel            (BbChime              *self);
void        bb_chime_follow_session    (BbChime              *self,
                                        BbSession            *session);

G_END_DECLS
