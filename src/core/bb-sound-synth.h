/* bb-sound-synth.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Plain C and libm only: the build-time generator (data/sounds) compiles
 * this for the build machine, and the app renders stand-ins with it. */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BB_SOUND_SYNTH_RATE 48000

const char *bb_sound_synth_name        (size_t           index);
int         bb_sound_synth_render_wav  (const char      *name,
                                        unsigned char  **wav,
                                        size_t          *length);

#ifdef __cplusplus
}
#endif
