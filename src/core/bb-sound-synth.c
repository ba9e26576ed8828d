/* bb-sound-synth.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Backbreath's chimes, by additive synthesis: each one a 16-bit mono
 * 48 kHz WAV. Every sound fades in over at least 10 ms from an exact zero
 * and fades out to an exact zero, so it starts and ends without a click,
 * and peaks at or below half of full scale (-6 dBFS).
 *
 * The breath sounds are meant to be told apart with the eyes closed: the
 * in-breath is a brighter two-voice chord that glides up a fifth and
 * swells; the out-breath is a darker single voice, lower and softer, that
 * glides down a fifth and fades. A hold is one quiet steady note. The end
 * of a session is a small bell arpeggio falling to the tonic; a reminder is
 * two gentle mallet notes, rising.
 *
 * Lengths matter: a new phase cuts the chime still playing, and a cut
 * clicks. The breath sounds end within the shortest breath (1 s); the hold
 * note (0.4 s) within the shortest hold BbChime chimes for (0.5 s).
 *
 * The build makes the installed files with this (data/sounds), and BbChime
 * renders the same sound as a stand-in when an installed file is missing
 * or damaged, so the in-breath and the out-breath never sound alike.
 * Plain C and libm only: this also runs on the build machine.
 */

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bb-sound-synth.h"

#define RATE BB_SOUND_SYNTH_RATE
#define FADE_IN_S 0.012   /* the shortest fade-in of any sound */
#define N_ELEMENTS(a) (sizeof (a) / sizeof (a)[0])

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

typedef struct
{
  const char *name;
  double      seconds;
  double      peak;       /* of full scale, after normalising */
  double      fade_out;   /* seconds */
  void      (*synth) (double *buf, size_t n);
} Sound;

/* 0 -> 1 with zero slope at both ends. */
static double
smooth (double t)
{
  if (t <= 0.0)
    return 0.0;
  if (t >= 1.0)
    return 1.0;
  return 0.5 - 0.5 * cos (M_PI * t);
}

/* A frequency that glides from @from to @to in equal-tempered steps (on a
 * log scale), over the first @glide seconds, eased at both ends. */
static double
glide (double t,
       double from,
       double to,
       double glide_s)
{
  return from * pow (to / from, smooth (t / glide_s));
}

/* Adds a voice whose pitch follows glide(): the phase is integrated sample
 * by sample so the glide has no jumps. */
static void
add_gliding_voice (double       *buf,
                   size_t        n,
                   double        from,
                   double        to,
                   double        glide_s,
                   const double *partials,  /* amplitude of harmonic 1, 2, … */
                   size_t        n_partials,
                   double        gain)
{
  double phase = 0.0;

  for (size_t i = 0; i < n; i++)
    {
      double t = (double) i / RATE;
      double s = 0.0;

      for (size_t k = 0; k < n_partials; k++)
        s += partials[k] * sin ((k + 1) * phase);

      buf[i] += gain * s;
      phase += 2.0 * M_PI * glide (t, from, to, glide_s) / RATE;
      phase = fmod (phase, 2.0 * M_PI);
    }
}

/* Adds a struck note starting at @start: inharmonic, exponentially
 * decaying partials (a small bell), higher partials dying faster. */
static void
add_bell (double       *buf,
          size_t        n,
          double        start,
          double        freq,
          double        gain,
          const double *ratios,
          const double *amps,
          const double *decays,   /* seconds to fall by 1/e */
          size_t        n_partials)
{
  const double attack = 0.010;

  for (size_t i = (size_t) (start * RATE); i < n; i++)
    {
      double t = (double) i / RATE - start;
      double s = 0.0;

      for (size_t k = 0; k < n_partials; k++)
        s += amps[k] * exp (-t / decays[k]) * sin (2.0 * M_PI * freq * ratios[k] * t);

      buf[i] += gain * smooth (t / attack) * s;
    }
}

static void
synth_inhale (double *buf,
              size_t  n)
{
  static const double bright[] = { 1.0, 0.40, 0.22, 0.10 };
  double length = (double) n / RATE;

  /* F4 -> C5 with a major third above it: a rising, opening chord. */
  add_gliding_voice (buf, n, 349.23, 523.25, 0.70, bright, N_ELEMENTS (bright), 1.0);
  add_gliding_voice (buf, n, 440.00, 659.26, 0.70, bright, N_ELEMENTS (bright), 0.5);

  /* A swell: the sound grows as the ribs widen. */
  for (size_t i = 0; i < n; i++)
    {
      double t = (double) i / RATE;

      buf[i] *= smooth (t / 0.060) * (0.65 + 0.35 * smooth (t / (0.7 * length)));
    }
}

static void
synth_exhale (double *buf,
              size_t  n)
{
  static const double dark[] = { 1.0, 0.12 };
  double length = (double) n / RATE;

  /* A4 -> D4, one voice, almost a pure tone: lower, darker, falling. */
  add_gliding_voice (buf, n, 440.00, 293.66, 0.75, dark, N_ELEMENTS (dark), 1.0);

  /* Settles away as the breath leaves. */
  for (size_t i = 0; i < n; i++)
    {
      double t = (double) i / RATE;

      buf[i] *= smooth (t / 0.040) * (1.0 - 0.45 * smooth (t / length));
    }
}

static void
synth_hold (double *buf,
            size_t  n)
{
  static const double soft[] = { 1.0, 0.08 };

  /* G4, steady. */
  add_gliding_voice (buf, n, 392.00, 392.00, 1.0, soft, N_ELEMENTS (soft), 1.0);

  for (size_t i = 0; i < n; i++)
    buf[i] *= smooth ((double) i / RATE / 0.040);
}

static void
synth_finish (double *buf,
              size_t  n)
{
  static const double ratios[] = { 1.0, 2.0, 2.76, 5.40 };
  static const double amps[] = { 1.0, 0.45, 0.30, 0.12 };
  static const double decays[] = { 0.45, 0.28, 0.16, 0.07 };
  static const double notes[] = { 783.99, 659.26, 523.25 };  /* G5 E5 C5 */

  for (size_t i = 0; i < N_ELEMENTS (notes); i++)
    add_bell (buf, n, 0.17 * i, notes[i], i == 2 ? 1.0 : 0.8,
              ratios, amps, decays, N_ELEMENTS (ratios));
}

static void
synth_reminder (double *buf,
                size_t  n)
{
  static const double ratios[] = { 1.0, 3.0, 4.0 };
  static const double amps[] = { 1.0, 0.10, 0.06 };
  static const double decays[] = { 0.30, 0.10, 0.05 };

  /* A4 then E5: a soft mallet asking for attention. */
  add_bell (buf, n, 0.00, 440.00, 0.85, ratios, amps, decays, N_ELEMENTS (ratios));
  add_bell (buf, n, 0.24, 659.26, 1.00, ratios, amps, decays, N_ELEMENTS (ratios));
}

static const Sound sounds[] = {
  { "inhale",   0.95, 0.45, 0.22, synth_inhale },
  { "exhale",   0.95, 0.28, 0.25, synth_exhale },
  { "hold",     0.40, 0.18, 0.18, synth_hold },
  { "finish",   1.40, 0.45, 0.15, synth_finish },
  { "reminder", 1.00, 0.40, 0.15, synth_reminder },
};

static void
put_u16 (unsigned char *p,
         uint16_t       v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
}

static void
put_u32 (unsigned char *p,
         uint32_t       v)
{
  put_u16 (p, v & 0xffff);
  put_u16 (p + 2, (v >> 16) & 0xffff);
}

/* Renders @sound, faded and normalised, as 16-bit samples. */
static int16_t *
render (const Sound *sound,
        size_t      *n_samples)
{
  size_t n = (size_t) (sound->seconds * RATE);
  size_t fade_in = (size_t) (FADE_IN_S * RATE);
  size_t fade_out = (size_t) (sound->fade_out * RATE);
  double *buf = calloc (n, sizeof *buf);
  int16_t *pcm = calloc (n, sizeof *pcm);
  double peak = 0.0;

  if (buf == NULL || pcm == NULL)
    {
      free (buf);
      free (pcm);
      errno = ENOMEM;
      return NULL;
    }

  sound->synth (buf, n);

  /* Whatever the synthesis did, start from and end on silence. The last
   * sample's gain is exactly 0. */
  for (size_t i = 0; i < fade_in; i++)
    buf[i] *= smooth ((double) i / fade_in);
  for (size_t i = 0; i < fade_out; i++)
    buf[n - 1 - i] *= smooth ((double) i / fade_out);

  for (size_t i = 0; i < n; i++)
    peak = fmax (peak, fabs (buf[i]));

  for (size_t i = 0; i < n; i++)
    {
      double v = peak > 0.0 ? buf[i] * sound->peak / peak : 0.0;

      pcm[i] = (int16_t) lrint (v * 32767.0);
    }

  free (buf);
  *n_samples = n;

  return pcm;
}

/**
 * bb_sound_synth_name:
 * @index: 0, 1, …
 *
 * Returns: the name of the @index-th sound ("inhale", "exhale", "hold",
 *   "finish", "reminder"), or %NULL past the last
 */
const char *
bb_sound_synth_name (size_t index)
{
  return index < N_ELEMENTS (sounds) ? sounds[index].name : NULL;
}

/**
 * bb_sound_synth_render_wav:
 * @name: a sound's name, see bb_sound_synth_name()
 * @wav: (out): a whole WAV file, to free()
 * @length: (out): its size in bytes
 *
 * Returns: 0, or -1 with errno set: ENOENT for an unknown @name, ENOMEM
 */
int
bb_sound_synth_render_wav (const char     *name,
                           unsigned char **wav,
                           size_t         *length)
{
  const Sound *sound = NULL;
  unsigned char *out;
  int16_t *pcm;
  size_t n = 0;
  uint32_t data_bytes;

  for (size_t i = 0; i < N_ELEMENTS (sounds); i++)
    if (strcmp (name, sounds[i].name) == 0)
      sound = &sounds[i];

  if (sound == NULL)
    {
      errno = ENOENT;
      return -1;
    }

  pcm = render (sound, &n);
  if (pcm == NULL)
    return -1;

  data_bytes = (uint32_t) (n * 2);
  out = malloc (44 + (size_t) data_bytes);
  if (out == NULL)
    {
      free (pcm);
      errno = ENOMEM;
      return -1;
    }

  memcpy (out, "RIFF", 4);
  put_u32 (out + 4, 36 + data_bytes);
  memcpy (out + 8, "WAVEfmt ", 8);
  put_u32 (out + 16, 16);          /* fmt chunk size */
  put_u16 (out + 20, 1);           /* PCM */
  put_u16 (out + 22, 1);           /* mono */
  put_u32 (out + 24, RATE);
  put_u32 (out + 28, RATE * 2);    /* byte rate */
  put_u16 (out + 32, 2);           /* block align */
  put_u16 (out + 34, 16);          /* bits per sample */
  memcpy (out + 36, "data", 4);
  put_u32 (out + 40, data_bytes);

  for (size_t i = 0; i < n; i++)
    put_u16 (out + 44 + 2 * i, (uint16_t) pcm[i]);

  free (pcm);
  *wav = out;
  *length = 44 + (size_t) data_bytes;

  return 0;
}
