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
 * @BB_CHIME_ERROR_SOUND_FILE: the sound server could not play this file
 */
typedef enum
{
  BB_CHIME_ERROR_UNAVAILABLE,
  BB_CHIME_ERROR_FAILED,
  BB_CHIME_ERROR_SOUND_FILE,
} BbChimeError;

#define BB_CHIME_ERROR (bb_chime_error_quark ())

#define BB_TYPE_CHIME (bb_chime_get_type ())

G_DECLARE_FINAL_TYPE (BbChime, bb_chime, BB, CHIME, GObject)

GQuark      bb_chime_error_quark       (void);

BbChime    *bb_chime_new               (const char           *application_name,
                                        const char           *application_id,
                                        const char           *icon_name);

BbSession  *bb_chime_get_session       (BbChime              *self);
void        bb_chime_set_session       (BbChime              *self,
                                        BbSession            *session);
const char *bb_chime_get_sounds_dir    (BbChime              *self);
void        bb_chime_set_sounds_dir    (BbChime              *self,
                                        const char           *sounds_dir);
int         bb_chime_get_volume        (BbChime              *self);
void        bb_chime_set_volume        (BbChime              *self,
                                        int                   volume);
gboolean    bb_chime_get_muted         (BbChime              *self);
gboolean    bb_chime_get_silent        (BbChime              *self);
const char *bb_chime_get_problem       (BbChime              *self);
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

/* Until the window binds BbChime:session; same as bb_chime_set_session(). */

G_END_DECLS
