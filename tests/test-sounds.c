/* test-sounds.c
 *
 * The chimes made at build time are pleasant by measure: short, well
 * below full scale, and free of clicks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "bb-sound-synth.h"
#include "bb-wav.h"

typedef struct
{
  guint   rate;
  gsize   n_samples;
  double *samples;  /* -1..1 */
} Wave;

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

/* Reads a 16-bit PCM mono WAV, walking its chunks. */
static void
wave_load (Wave       *wave,
           const char *name)
{
  g_autofree char *path = g_build_filename (BB_SOUNDS_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  gsize length = 0;
  gsize offset = 12;
  gboolean have_format = FALSE;

  g_file_get_contents (path, (char **) &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 44);
  g_assert_cmpint (memcmp (data, "RIFF", 4), ==, 0);
  g_assert_cmpint (memcmp (data + 8, "WAVE", 4), ==, 0);

  memset (wave, 0, sizeof *wave);

  while (offset + 8 <= length)
    {
      const guint8 *chunk = data + offset;
      guint32 size = le32 (chunk + 4);

      g_assert_cmpuint (offset + 8 + size, <=, length);

      if (memcmp (chunk, "fmt ", 4) == 0)
        {
          g_assert_cmpuint (le16 (chunk + 8), ==, 1);    /* PCM */
          g_assert_cmpuint (le16 (chunk + 10), ==, 1);   /* mono */
          g_assert_cmpuint (le16 (chunk + 22), ==, 16);  /* bits */
          wave->rate = le32 (chunk + 12);
          have_format = TRUE;
        }
      else if (memcmp (chunk, "data", 4) == 0)
        {
          g_assert_true (have_format);
          wave->n_samples = size / 2;
          wave->samples = g_new (double, wave->n_samples);
          for (gsize i = 0; i < wave->n_samples; i++)
            wave->samples[i] = (gint16) le16 (chunk + 8 + 2 * i) / 32768.0;
        }

      offset += 8 + size + (size & 1);
    }

  g_assert_nonnull (wave->samples);
  g_assert_cmpuint (wave->rate, ==, 48000);
}

static void
test_sound (gconstpointer data)
{
  const char *name = data;
  Wave wave;
  double peak = 0.0;
  double largest_step = 0.0;
  double head = 0.0;
  gsize fade = 0;

  wave_load (&wave, name);

  for (gsize i = 0; i < wave.n_samples; i++)
    {
      peak = MAX (peak, fabs (wave.samples[i]));
      if (i > 0)
        largest_step = MAX (largest_step, fabs (wave.samples[i] - wave.samples[i - 1]));
    }

  /* The first 2 ms of the fade-in stay quiet. */
  fade = wave.rate / 500;
  for (gsize i = 0; i < fade; i++)
    head = MAX (head, fabs (wave.samples[i]));

  g_test_message ("%s: %.3f s, peak %.1f dBFS, largest step %.4f, first 2 ms peak %.4f",
                  name, (double) wave.n_samples / wave.rate, 20 * log10 (peak),
                  largest_step, head);

  g_assert_cmpfloat ((double) wave.n_samples / wave.rate, <, 1.5);
  g_assert_cmpfloat ((double) wave.n_samples / wave.rate, >, 0.2);
  g_assert_cmpfloat (20 * log10 (peak), <=, -6.0);
  g_assert_cmpfloat (20 * log10 (peak), >, -30.0);
  /* No clicks: it starts and ends on silence, fades in, and never jumps. */
  g_assert_cmpfloat (wave.samples[0], ==, 0.0);
  g_assert_cmpfloat (wave.samples[wave.n_samples - 1], ==, 0.0);
  g_assert_cmpfloat (head, <, 0.05);
  g_assert_cmpfloat (largest_step, <, 0.1);

  g_free (wave.samples);
}

/* The installed file passes the check the app makes before playing it,
 * and is the very sound the app renders as a stand-in for it. */
static void
test_stand_in (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_build_filename (BB_SOUNDS_DIR, name, NULL);
  g_autofree char *synth = g_strndup (name, strlen (name) - strlen (".wav"));
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  unsigned char *wav = NULL;
  size_t wav_length = 0;
  gsize length = 0;

  g_assert_true (bb_wav_check_file (path, &error));
  g_assert_no_error (error);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bb_sound_synth_render_wav (synth, &wav, &wav_length), ==, 0);
  g_assert_cmpmem (contents, length, wav, wav_length);
  free (wav);
}

int
main (int   argc,
      char *argv[])
{
  static const char *names[] = { "inhale.wav", "hold.wav", "exhale.wav", "finish.wav", "reminder.wav" };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sounds/%s", names[i]);

      g_autofree char *stand_in = g_strdup_printf ("/sounds/stand-in/%s", names[i]);

      g_test_add_data_func (path, names[i], test_sound);
      g_test_add_data_func (stand_in, names[i], test_stand_in);
    }

  return g_test_run ();
}
