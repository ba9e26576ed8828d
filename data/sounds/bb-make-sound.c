/* bb-make-sound.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Makes Backbreath's chimes at build time, so no audio binary lives in git:
 *
 *   bb-make-sound NAME OUTPUT.wav
 *
 * writes one 16-bit mono 48 kHz WAV. The sounds themselves are in
 * src/core/bb-sound-synth.c, which the app also uses to render a stand-in
 * for a missing or damaged file.
 *
 * Plain C and libm only: this runs on the build machine.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bb-sound-synth.h"

int
main (int   argc,
      char *argv[])
{
  unsigned char *wav = NULL;
  size_t length = 0;
  FILE *f;
  int ok;

  if (argc != 3)
    {
      fprintf (stderr, "Usage: %s NAME OUTPUT.wav\nNAME is one of:", argv[0]);
      for (size_t i = 0; bb_sound_synth_name (i) != NULL; i++)
        fprintf (stderr, " %s", bb_sound_synth_name (i));
      fputc ('\n', stderr);
      return 2;
    }

  if (bb_sound_synth_render_wav (argv[1], &wav, &length) != 0)
    {
      if (errno == ENOENT)
        {
          fprintf (stderr, "%s: unknown sound “%s”\n", argv[0], argv[1]);
          return 2;
        }
      fprintf (stderr, "%s: %s\n", argv[0], strerror (errno));
      return 1;
    }

  f = fopen (argv[2], "wb");
  ok = f != NULL && fwrite (wav, length, 1, f) == 1;
  if (f != NULL && fclose (f) != 0)
    ok = 0;
  free (wav);

  if (!ok)
    {
      fprintf (stderr, "%s: cannot write %s: %s\n", argv[0], argv[2], strerror (errno));
      return 1;
    }

  return 0;
}
