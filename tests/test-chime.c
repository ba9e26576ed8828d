/* test-chime.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bb-chime-private.h"
#include "bb-fake-clock.h"
#include "bb-session.h"
#include "bb-sound-synth.h"
#include "bb-wav.h"

/*
 * BbChime against a recording backend: which sound plays when a session
 * runs on a fake clock, mute, volume, cancellation, bad sound files and
 * their stand-ins, the problem shown to the user, following sessions, late
 * chimes and a backend that fails (no sound server). One test runs the
 * real libcanberra backend against a sound server that is not there.
 *
 * Stand-ins are rendered into a temporary XDG_CACHE_HOME. (Not
 * G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks its strings, which trips
 * LeakSanitizer.)
 */

#define START_MONOTONIC G_GINT64_CONSTANT (1000000000)
#define START_REAL      G_GINT64_CONSTANT (1700000000000000)
#define MS              G_GINT64_CONSTANT (1000)

typedef enum
{
  CALL_PLAY,
  CALL_CANCEL,
} CallKind;

typedef struct
{
  CallKind  kind;
  guint32   id;
  char     *path;
  char     *event_id;
  char     *description;
  double    volume_db;
  gint64    time;         /* ms since the recorder's origin */
} Call;

typedef struct
{
  GPtrArray *calls;
  BbClock   *clock;       /* unowned, may be NULL */
  gint64     origin;      /* monotonic time of "0 ms" */
  gboolean   fail;
  GQuark     fail_domain;   /* with fail: the error to give, */
  int        fail_code;     /* BB_CHIME_ERROR_UNAVAILABLE by default */
  char      *refuse;        /* a file name the "server" will not play */
  gint64     stall;         /* µs the clock jumps inside play: a stopped process */
  guint      n_attempts;
} Recorder;

static void
call_free (Call *call)
{
  g_free (call->path);
  g_free (call->event_id);
  g_free (call->description);
  g_free (call);
}

static gint64
recorder_now (Recorder *rec)
{
  if (rec->clock == NULL)
    return -1;

  return (bb_clock_get_monotonic_time (rec->clock) - rec->origin) / MS;
}

static gboolean
recorder_play (gpointer     backend_data,
               guint32      id,
               const char  *path,
               const char  *event_id,
               const char  *description,
               double       volume_db,
               GError     **error)
{
  Recorder *rec = backend_data;
  Call *call;

  rec->n_attempts++;

  g_assert_nonnull (event_id);
  g_assert_nonnull (description);
  g_assert_cmpfloat (volume_db, <=, 0.0);

  if (rec->fail)
    {
      g_set_error_literal (error, rec->fail_domain ? rec->fail_domain : BB_CHIME_ERROR,
                           rec->fail_code, "Connection refused");
      return FALSE;
    }

  if (rec->refuse != NULL && path != NULL && g_str_has_suffix (path, rec->refuse) &&
      !g_str_has_prefix (path, g_get_user_cache_dir ()))
    {
      g_set_error_literal (error, BB_CHIME_ERROR, BB_CHIME_ERROR_SOUND_FILE, "Corrupt data");
      return FALSE;
    }

  if (path != NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, BB_CHIME_ERROR, BB_CHIME_ERROR_SOUND_FILE, "Not found");
      return FALSE;
    }

  if (rec->stall > 0)
    bb_fake_clock_jump (BB_FAKE_CLOCK (rec->clock), rec->stall);

  call = g_new0 (Call, 1);
  call->kind = CALL_PLAY;
  call->id = id;
  call->path = g_strdup (path);
  call->event_id = g_strdup (event_id);
  call->description = g_strdup (description);
  call->volume_db = volume_db;
  call->time = recorder_now (rec);
  g_ptr_array_add (rec->calls, call);

  return TRUE;
}

static void
recorder_cancel (gpointer backend_data,
                 guint32  id)
{
  Recorder *rec = backend_data;
  Call *call = g_new0 (Call, 1);

  call->kind = CALL_CANCEL;
  call->id = id;
  call->time = recorder_now (rec);
  g_ptr_array_add (rec->calls, call);
}

static const BbChimeBackend recorder_backend = {
  .play = recorder_play,
  .cancel = recorder_cancel,
};

static void
recorder_free (Recorder *rec)
{
  g_ptr_array_unref (rec->calls);
  g_free (rec->refuse);
  g_free (rec);
}

static BbChime *
recording_chime_new (Recorder **out_rec)
{
  Recorder *rec = g_new0 (Recorder, 1);

  rec->origin = START_MONOTONIC;
  rec->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) call_free);
  *out_rec = rec;

  return bb_chime_new_with_backend (&recorder_backend, rec, (GDestroyNotify) recorder_free);
}

static guint
count_plays (Recorder *rec)
{
  guint n = 0;

  for (guint i = 0; i < rec->calls->len; i++)
    if (((Call *) g_ptr_array_index (rec->calls, i))->kind == CALL_PLAY)
      n++;

  return n;
}

static Call *
nth_play (Recorder *rec,
          guint     n)
{
  for (guint i = 0; i < rec->calls->len; i++)
    {
      Call *call = g_ptr_array_index (rec->calls, i);

      if (call->kind == CALL_PLAY && n-- == 0)
        return call;
    }

  g_assert_not_reached ();
}

/* The file name a play asked for, or "theme:ID" for a theme event. */
static char *
played_name (Call *call)
{
  if (call->path == NULL)
    return g_strconcat ("theme:", call->event_id, NULL);

  return g_path_get_basename (call->path);
}

static const char *sound_files[] = { "inhale.wav", "hold.wav", "exhale.wav", "finish.wav", "reminder.wav" };

/* A small WAV header: @format 1 is PCM, 3 is float. */
static GByteArray *
wav_header (guint16 format,
            guint16 channels,
            guint32 rate,
            guint16 bits,
            guint32 data_bytes)
{
  GByteArray *wav = g_byte_array_new ();
  guint8 h[44] = { 0 };

  memcpy (h, "RIFF", 4);
  h[4] = (36 + data_bytes) & 0xff; h[5] = ((36 + data_bytes) >> 8) & 0xff;
  h[6] = ((36 + data_bytes) >> 16) & 0xff; h[7] = ((36 + data_bytes) >> 24) & 0xff;
  memcpy (h + 8, "WAVEfmt ", 8);
  h[16] = 16;
  h[20] = format;
  h[22] = channels;
  h[24] = rate & 0xff; h[25] = (rate >> 8) & 0xff; h[26] = (rate >> 16) & 0xff;
  h[32] = channels * bits / 8;
  h[34] = bits;
  memcpy (h + 36, "data", 4);
  h[40] = data_bytes & 0xff; h[41] = (data_bytes >> 8) & 0xff;
  h[42] = (data_bytes >> 16) & 0xff; h[43] = (data_bytes >> 24) & 0xff;
  g_byte_array_append (wav, h, sizeof h);

  return wav;
}

/* A good one: 16-bit mono PCM, 100 samples. */
static GByteArray *
good_wav (void)
{
  GByteArray *wav = wav_header (1, 1, 48000, 16, 200);
  guint8 zero[200] = { 0 };

  return g_byte_array_append (wav, zero, sizeof zero);
}

typedef enum
{
  BAD_NONE,
  BAD_MISSING,
  BAD_EMPTY,
  BAD_TRUNCATED,
  BAD_8_BIT,
  BAD_FLOAT,
  BAD_TEXT,
} BadKind;

static void
write_sound (const char *dir,
             const char *name,
             BadKind     kind)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GByteArray) wav = NULL;
  g_autoptr(GError) error = NULL;
  guint8 zero[200] = { 0 };

  g_remove (path);

  switch (kind)
    {
    case BAD_NONE:
      wav = good_wav ();
      break;

    case BAD_MISSING:
      return;

    case BAD_EMPTY:
      wav = g_byte_array_new ();
      break;

    case BAD_TRUNCATED:
      /* The data chunk says 200 bytes; 150 are there. */
      wav = g_byte_array_append (wav_header (1, 1, 48000, 16, 200), zero, 150);
      break;

    case BAD_8_BIT:
      wav = g_byte_array_append (wav_header (1, 1, 48000, 8, 200), zero, 200);
      break;

    case BAD_FLOAT:
      wav = g_byte_array_append (wav_header (3, 1, 48000, 32, 200), zero, 200);
      break;

    case BAD_TEXT:
      wav = g_byte_array_new ();
      g_byte_array_append (wav, (const guint8 *) "Breathe in, breathe out.\n", 25);
      break;

    default:
      g_assert_not_reached ();
    }

  g_file_set_contents (path, (const char *) wav->data, wav->len, &error);
  g_assert_no_error (error);
}

/* A folder with the five sound files (good ones), minus @missing
 * (NULL-terminated). */
static char *
make_sounds_dir (const char *missing, ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skip = g_ptr_array_new ();
  char *dir;
  va_list args;

  va_start (args, missing);
  for (const char *name = missing; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (skip, (gpointer) name);
  va_end (args);

  dir = g_dir_make_tmp ("test-chime-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sound_files); i++)
    {
      gboolean skipped = FALSE;

      for (guint j = 0; j < skip->len; j++)
        skipped |= g_str_equal (skip->pdata[j], sound_files[i]);

      write_sound (dir, sound_files[i], skipped ? BAD_MISSING : BAD_NONE);
    }

  return dir;
}

static void
remove_sounds_dir (char *dir)
{
  for (guint i = 0; i < G_N_ELEMENTS (sound_files); i++)
    {
      g_autofree char *path = g_build_filename (dir, sound_files[i], NULL);

      g_remove (path);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_free (dir);
}

/* Whether @call played a stand-in rendered into the cache. */
static gboolean
is_stand_in (Call *call)
{
  return call->path != NULL && g_str_has_prefix (call->path, g_get_user_cache_dir ());
}

/* A fake clock, a session on it and a recording chime following it. */
typedef struct
{
  BbClock   *clock;
  BbSession *session;
  BbChime   *chime;
  Recorder  *rec;
  char      *dir;  /* the sound files, or NULL for theme sounds */
} Rig;

static void
rig_init (Rig      *rig,
          guint     inhale_ms,
          guint     hold_in_ms,
          guint     exhale_ms,
          guint     hold_out_ms,
          guint     n_breaths,
          gboolean  with_sounds)
{
  BbPattern pattern = { inhale_ms, hold_in_ms, exhale_ms, hold_out_ms };

  rig->clock = bb_fake_clock_new (START_MONOTONIC, START_REAL);
  rig->session = bb_session_new (rig->clock, &pattern, "seated", n_breaths);
  rig->chime = recording_chime_new (&rig->rec);
  rig->rec->clock = rig->clock;
  rig->dir = with_sounds ? make_sounds_dir (NULL) : NULL;

  if (rig->dir != NULL)
    bb_chime_set_sounds_dir (rig->chime, rig->dir);
  bb_chime_set_session (rig->chime, rig->session);
}

static void
rig_clear (Rig *rig)
{
  g_assert_finalize_object (rig->chime);
  g_assert_finalize_object (rig->session);
  g_assert_finalize_object (rig->clock);
  if (rig->dir != NULL)
    remove_sounds_dir (rig->dir);
}

static guint n_notify;

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  n_notify++;
}

static void
test_properties (void)
{
  Recorder *rec;
  BbChime *chime = recording_chime_new (&rec);
  const char *bools[] = { "inhale-enabled", "hold-enabled", "exhale-enabled",
                          "finish-enabled", "reminder-enabled", "muted" };
  int volume = -1;

  g_assert_cmpint (bb_chime_get_volume (chime), ==, 100);
  g_assert_false (bb_chime_get_muted (chime));
  g_assert_null (bb_chime_get_sounds_dir (chime));
  for (BbChimeSound s = BB_CHIME_SOUND_INHALE; s <= BB_CHIME_SOUND_REMINDER; s++)
    g_assert_true (bb_chime_get_sound_enabled (chime, s));

  g_signal_connect (chime, "notify", G_CALLBACK (count_notify_cb), NULL);

  /* Each property notifies once per real change, as GSettings bindings
   * expect, and not at all when set to what it is. */
  for (guint i = 0; i < G_N_ELEMENTS (bools); i++)
    {
      gboolean value;

      g_object_get (chime, bools[i], &value, NULL);

      n_notify = 0;
      g_object_set (chime, bools[i], !value, NULL);
      g_object_set (chime, bools[i], !value, NULL);
      g_assert_cmpuint (n_notify, ==, 1);

      n_notify = 0;
      g_object_set (chime, bools[i], value, NULL);
      g_assert_cmpuint (n_notify, ==, 1);
    }

  n_notify = 0;
  g_object_set (chime, "hold-enabled", FALSE, NULL);
  g_assert_false (bb_chime_get_sound_enabled (chime, BB_CHIME_SOUND_HOLD));
  g_assert_true (bb_chime_get_sound_enabled (chime, BB_CHIME_SOUND_INHALE));
  bb_chime_set_sound_enabled (chime, BB_CHIME_SOUND_HOLD, FALSE);
  g_assert_cmpuint (n_notify, ==, 1);

  n_notify = 0;
  bb_chime_set_volume (chime, 40);
  bb_chime_set_volume (chime, 40);
  g_object_get (chime, "volume", &volume, NULL);
  g_assert_cmpint (volume, ==, 40);
  g_assert_cmpuint (n_notify, ==, 1);

  n_notify = 0;
  bb_chime_set_sounds_dir (chime, "/nonexistent");
  bb_chime_set_sounds_dir (chime, "/nonexistent");
  g_assert_cmpstr (bb_chime_get_sounds_dir (chime), ==, "/nonexistent");
  bb_chime_set_sounds_dir (chime, NULL);
  g_assert_cmpuint (n_notify, ==, 2);

  /* Setting properties plays nothing. */
  g_assert_cmpuint (count_plays (rec), ==, 0);

  g_assert_finalize_object (chime);
}

static void
test_construct_properties (void)
{
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  g_autofree char *icon = NULL;
  BbChime *chime;

  /* The libcanberra backend: nothing touches the sound server until the
   * first chime, so this needs none. */
  chime = bb_chime_new ("Backbreath", APPLICATION_ID, APPLICATION_ID);
  g_object_get (chime,
                "application-name", &name,
                "application-id", &id,
                "icon-name", &icon,
                NULL);
  g_assert_cmpstr (name, ==, "Backbreath");
  g_assert_cmpstr (id, ==, APPLICATION_ID);
  g_assert_cmpstr (icon, ==, APPLICATION_ID);

  bb_chime_cancel (chime);
  g_assert_finalize_object (chime);
}

typedef struct
{
  gint64      time;
  const char *name;
} Expected;

static void
assert_plays (Recorder       *rec,
              const Expected *expected,
              guint           n_expected)
{
  g_assert_cmpuint (count_plays (rec), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      Call *call = nth_play (rec, i);
      g_autofree char *name = played_name (call);

      g_test_message ("play %u: %s at %" G_GINT64_FORMAT " ms", i, name, call->time);
      g_assert_cmpstr (name, ==, expected[i].name);
      g_assert_cmpint (call->time, ==, expected[i].time);
      g_assert_cmpuint (call->id, ==, BB_CHIME_ID_PHASE);
      g_assert_cmpfloat_with_epsilon (call->volume_db, 0.0, 1e-9);
    }
}

/* Runs @session to its end on @clock in small steps, as a main loop would. */
static void
run_to_end (BbFakeClock *clock,
            BbSession   *session)
{
  while (bb_session_get_state (session) == BB_SESSION_STATE_RUNNING)
    bb_fake_clock_advance (clock, 100 * MS);
}

static void
test_session (void)
{
  /* 2 s in, 1 s hold, 3 s out, 0.5 s hold: boundaries every few seconds. */
  static const Expected expected[] = {
    { 0, "inhale.wav" },
    { 2000, "hold.wav" },
    { 3000, "exhale.wav" },
    { 6000, "hold.wav" },
    { 6500, "inhale.wav" },
    { 8500, "hold.wav" },
    { 9500, "exhale.wav" },
    { 12500, "hold.wav" },
    { 13000, "finish.wav" },
  };
  Rig rig;

  rig_init (&rig, 2000, 1000, 3000, 500, 2, TRUE);

  /* Following plays nothing until the session starts. */
  bb_fake_clock_advance (BB_FAKE_CLOCK (rig.clock), 5000 * MS);
  g_assert_cmpuint (count_plays (rig.rec), ==, 0);

  rig.rec->origin = bb_clock_get_monotonic_time (rig.clock);
  bb_session_start (rig.session);
  run_to_end (BB_FAKE_CLOCK (rig.clock), rig.session);
  g_assert_cmpint (bb_session_get_state (rig.session), ==, BB_SESSION_STATE_FINISHED);

  assert_plays (rig.rec, expected, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_str_has_prefix (nth_play (rig.rec, i)->path, rig.dir));

  /* Nothing more after the end. */
  bb_fake_clock_advance (BB_FAKE_CLOCK (rig.clock), 60000 * MS);
  g_assert_cmpuint (count_plays (rig.rec), ==, G_N_ELEMENTS (expected));

  rig_clear (&rig);
}

static void
test_session_no_holds (void)
{
  static const Expected expected[] = {
    { 0, "inhale.wav" },
    { 1000, "exhale.wav" },
    { 2500, "inhale.wav" },
    { 3500, "exhale.wav" },
    { 5000, "finish.wav" },
  };
  Rig rig;

  rig_init (&rig, 1000, 0, 1500, 0, 2, TRUE);
  bb_session_start (rig.session);
  run_to_end (BB_FAKE_CLOCK (rig.clock), rig.session);
  assert_plays (rig.rec, expected, G_N_ELEMENTS (expected));

  rig_clear (&rig);
}

static void
test_short_hold (void)
{
  /* A 0.3 s hold is shorter than the hold note: not chimed, so the
   * out-breath never cuts the note short. The 0.5 s one is. */
  static const Expected expected[] = {
    { 0, "inhale.wav" },
    { 1300, "exhale.wav" },
    { 2300, "hold.wav" },
    { 2800, "finish.wav" },
  };
  guint n_cancels = 0;
  Rig rig;

  rig_init (&rig, 1000, 300, 1000, 500, 1, TRUE);
  bb_session_start (rig.session);
  run_to_end (BB_FAKE_CLOCK (rig.clock), rig.session);
  assert_plays (rig.rec, expected, G_N_ELEMENTS (expected));

  /* The skipped hold still ends the inhale's chime. */
  for (guint i = 0; i < rig.rec->calls->len; i++)
    {
      Call *call = g_ptr_array_index (rig.rec->calls, i);

      if (call->kind == CALL_CANCEL && call->time == 1000)
        n_cancels++;
    }
  g_assert_cmpuint (n_cancels, ==, 1);

  rig_clear (&rig);
}

static void
test_mute (void)
{
  static const Expected without_hold[] = {
    { 0, "inhale.wav" },
    { 3000, "exhale.wav" },
    { 6500, "inhale.wav" },
    { 9500, "exhale.wav" },
  };
  BbPattern pattern;
  Rig rig;

  rig_init (&rig, 2000, 1000, 3000, 500, 2, TRUE);
  pattern = *bb_session_get_pattern (rig.session);

  /* Muted: the whole session is silent. */
  bb_chime_set_muted (rig.chime, TRUE);
  bb_session_start (rig.session);
  run_to_end (BB_FAKE_CLOCK (rig.clock), rig.session);
  g_assert_cmpuint (count_plays (rig.rec), ==, 0);

  /* Nor do direct plays sound; a preview does. */
  bb_chime_play (rig.chime, BB_CHIME_SOUND_INHALE);
  bb_chime_play (rig.chime, BB_CHIME_SOUND_REMINDER);
  g_assert_cmpuint (count_plays (rig.rec), ==, 0);
  bb_chime_preview (rig.chime, BB_CHIME_SOUND_EXHALE);
  g_assert_cmpuint (count_plays (rig.rec), ==, 1);
  g_assert_cmpuint (nth_play (rig.rec, 0)->id, ==, BB_CHIME_ID_PHASE);
  bb_chime_set_session (rig.chime, NULL);
  g_assert_finalize_object (rig.session);

  /* Unmuted, holds and the finish switched off. */
  g_ptr_array_set_size (rig.rec->calls, 0);
  bb_chime_set_muted (rig.chime, FALSE);
  g_object_set (rig.chime,
                "hold-enabled", FALSE,
                "finish-enabled", FALSE,
                NULL);
  rig.session = bb_session_new (rig.clock, &pattern, NULL, 2);
  bb_chime_set_session (rig.chime, rig.session);
  rig.rec->origin = bb_clock_get_monotonic_time (rig.clock);
  bb_session_start (rig.session);
  run_to_end (BB_FAKE_CLOCK (rig.clock), rig.session);
  assert_plays (rig.rec, without_hold, G_N_ELEMENTS (without_hold));

  /* A preview plays a switched-off sound. */
  bb_chime_preview (rig.chime, BB_CHIME_SOUND_HOLD);
  g_assert_cmpuint (count_plays (rig.rec), ==, G_N_ELEMENTS (without_hold) + 1);

  rig_clear (&rig);
}

static void
test_volume (void)
{
  static const struct { int volume; double db; } cases[] = {
    { 100, 0.0 },
    { 50, -6.0206 },
    { 10, -20.0 },
    { 1, -40.0 },
  };
  Recorder *rec;
  BbChime *chime = recording_chime_new (&rec);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_ptr_array_set_size (rec->calls, 0);
      g_object_set (chime, "volume", cases[i].volume, NULL);
      bb_chime_play (chime, BB_CHIME_SOUND_INHALE);
      g_assert_cmpuint (count_plays (rec), ==, 1);
      g_assert_cmpfloat_with_epsilon (nth_play (rec, 0)->volume_db, cases[i].db, 1e-4);
    }

  /* Volume 0 plays nothing at all, not even a preview, and stops what
   * plays. */
  g_ptr_array_set_size (rec->calls, 0);
  bb_chime_set_volume (chime, 0);
  g_assert_cmpuint (rec->calls->len, >, 0);
  g_assert_cmpint (((Call *) g_ptr_array_index (rec->calls, 0))->kind, ==, CALL_CANCEL);
  bb_chime_play (chime, BB_CHIME_SOUND_INHALE);
  bb_chime_play (chime, BB_CHIME_SOUND_FINISH);
  bb_chime_play (chime, BB_CHIME_SOUND_REMINDER);
  bb_chime_preview (chime, BB_CHIME_SOUND_EXHALE);
  g_assert_cmpuint (count_plays (rec), ==, 0);
  g_assert_cmpuint (rec->n_attempts, ==, 4);

  g_assert_finalize_object (chime);
}

static void
test_cancel (void)
{
  guint n_phase_plays = 0;
  Rig rig;

  rig_init (&rig, 2000, 1000, 3000, 0, 3, FALSE);
  bb_session_start (rig.session);

  /* A reminder plays beside phase chimes: its own id, never cut by them. */
  bb_fake_clock_advance (BB_FAKE_CLOCK (rig.clock), 500 * MS);
  bb_chime_play (rig.chime, BB_CHIME_SOUND_REMINDER);
  bb_fake_clock_advance (BB_FAKE_CLOCK (rig.clock), 5000 * MS);

  /* Every phase chime is preceded, at the same moment, by a cancel of
   * the phase id, which cuts the chime of the previous phase short. */
  for (guint i = 0; i < rig.rec->calls->len; i++)
    {
      Call *call = g_ptr_array_index (rig.rec->calls, i);
      Call *before;

      if (call->kind != CALL_PLAY)
        continue;

      g_assert_cmpuint (i, >, 0);
      before = g_ptr_array_index (rig.rec->calls, i - 1);
      g_assert_cmpint (before->kind, ==, CALL_CANCEL);
      g_assert_cmpuint (before->id, ==, call->id);
      g_assert_cmpint (before->time, ==, call->time);

      if (call->id == BB_CHIME_ID_PHASE)
        n_phase_plays++;
      else
        g_assert_cmpuint (call->id, ==, BB_CHIME_ID_REMINDER);
    }
  g_assert_cmpuint (n_phase_plays, ==, 3);  /* inhale, hold, exhale */

  for (guint i = 0; i < rig.rec->calls->len; i++)
    {
      Call *call = g_ptr_array_index (rig.rec->calls, i);

      if (call->kind == CALL_CANCEL && call->id == BB_CHIME_ID_REMINDER)
        g_assert_cmpint (call->time, ==, 500);
    }

  /* Pausing and stopping silence the phase chime at once. */
  g_ptr_array_set_size (rig.rec->calls, 0);
  bb_session_pause (rig.session);
  g_assert_cmpuint (rig.rec->calls->len, ==, 1);
  g_assert_cmpint (((Call *) g_ptr_array_index (rig.rec->calls, 0))->kind, ==, CALL_CANCEL);
  g_assert_cmpuint (((Call *) g_ptr_array_index (rig.rec->calls, 0))->id, ==, BB_CHIME_ID_PHASE);

  g_ptr_array_set_size (rig.rec->calls, 0);
  bb_session_resume (rig.session);
  g_assert_cmpuint (rig.rec->calls->len, ==, 0);
  bb_session_stop (rig.session);
  g_assert_cmpuint (rig.rec->calls->len, ==, 1);
  g_assert_cmpint (((Call *) g_ptr_array_index (rig.rec->calls, 0))->kind, ==, CALL_CANCEL);

  /* bb_chime_cancel() stops both ids; muting does too. */
  g_ptr_array_set_size (rig.rec->calls, 0);
  bb_chime_cancel (rig.chime);
  g_assert_cmpuint (rig.rec->calls->len, ==, 2);
  g_assert_cmpuint (((Call *) g_ptr_array_index (rig.rec->calls, 0))->id, ==, BB_CHIME_ID_PHASE);
  g_assert_cmpuint (((Call *) g_ptr_array_index (rig.rec->calls, 1))->id, ==, BB_CHIME_ID_REMINDER);

  g_ptr_array_set_size (rig.rec->calls, 0);
  bb_chime_set_muted (rig.chime, TRUE);
  g_assert_cmpuint (rig.rec->calls->len, ==, 2);

  rig_clear (&rig);
}

static void
test_late (void)
{
  Call *call;
  Rig rig;

  rig_init (&rig, 4000, 0, 4000, 0, 3, FALSE);
  bb_session_start (rig.session);
  g_assert_cmpuint (count_plays (rig.rec), ==, 1);

  /* The main loop was blocked; the exhale is announced 1.5 s late, less
   * than half of it gone: it still chimes, late. */
  bb_fake_clock_jump (BB_FAKE_CLOCK (rig.clock), 5500 * MS);
  bb_fake_clock_dispatch (BB_FAKE_CLOCK (rig.clock));
  g_assert_cmpuint (count_plays (rig.rec), ==, 2);
  call = nth_play (rig.rec, 1);
  g_assert_true (g_str_has_suffix (call->path, "exhale.wav"));
  g_assert_cmpint (call->time, ==, 5500);

  /* Blocked past the next inhale and most of the exhale after it: the
   * session announces both, neither chimes, and the exhale's chime still
   * playing is stopped. */
  g_ptr_array_set_size (rig.rec->calls, 0);
  bb_fake_clock_jump (BB_FAKE_CLOCK (rig.clock), (15000 - 5500) * MS);
  bb_fake_clock_dispatch (BB_FAKE_CLOCK (rig.clock));
  g_assert_cmpuint (bb_session_get_breath (rig.session), ==, 2);
  g_assert_cmpint (bb_session_get_phase (rig.session), ==, BB_PHASE_EXHALE);
  g_assert_cmpuint (count_plays (rig.rec), ==, 0);
  g_assert_cmpuint (rig.rec->calls->len, >=, 1);

  /* The finish always chimes, however late. */
  bb_fake_clock_jump (BB_FAKE_CLOCK (rig.clock), 30000 * MS);
  bb_fake_clock_dispatch (BB_FAKE_CLOCK (rig.clock));
  g_assert_cmpint (bb_session_get_state (rig.session), ==, BB_SESSION_STATE_FINISHED);
  g_assert_cmpuint (count_plays (rig.rec), ==, 1);
  g_assert_true (g_str_has_suffix (nth_play (rig.rec, 0)->path, "finish.wav"));

  rig_clear (&rig);
}

static void
test_fallback (void)
{
  char *dir = make_sounds_dir ("exhale.wav", "finish.wav", NULL);
  Recorder *rec;
  BbChime *chime = recording_chime_new (&rec);
  g_autofree char *name = NULL;
  g_autofree char *in_path = NULL;

  bb_chime_set_sounds_dir (chime, dir);

  bb_chime_play (chime, BB_CHIME_SOUND_INHALE);
  bb_chime_play (chime, BB_CHIME_SOUND_EXHALE);
  bb_chime_play (chime, BB_CHIME_SOUND_FINISH);
  bb_chime_play (chime, BB_CHIME_SOUND_HOLD);
  bb_chime_play (chime, BB_CHIME_SOUND_REMINDER);
  g_assert_cmpuint (count_plays (rec), ==, 5);

  /* A file that is there plays by path, with its event id beside it. */
  g_assert_cmpstr ((name = played_name (nth_play (rec, 0))), ==, "inhale.wav");
  g_assert_true (g_str_has_prefix (nth_play (rec, 0)->path, dir));
  g_assert_cmpstr (nth_play (rec, 0)->event_id, ==, "service-login");
  g_clear_pointer (&name, g_free);

  /* A missing one plays the same sound, rendered into the cache: the
   * out-breath still falls, the end is still the bell arpeggio. */
  g_assert_true (is_stand_in (nth_play (rec, 1)));
  g_assert_cmpstr ((name = played_name (nth_play (rec, 1))), ==, "exhale.wav");
  g_clear_pointer (&name, g_free);
  g_assert_true (is_stand_in (nth_play (rec, 2)));
  g_assert_cmpstr ((name = played_name (nth_play (rec, 2))), ==, "finish.wav");
  g_clear_pointer (&name, g_free);
  g_assert_true (bb_wav_check_file (nth_play (rec, 1)->path, NULL));
  g_assert_true (bb_wav_check_file (nth_play (rec, 2)->path, NULL));
  g_assert_cmpstr ((name = played_name (nth_play (rec, 3))), ==, "hold.wav");
  g_clear_pointer (&name, g_free);
  g_assert_cmpstr ((name = played_name (nth_play (rec, 4))), ==, "reminder.wav");
  g_clear_pointer (&name, g_free);
  g_assert_cmpuint (nth_play (rec, 4)->id, ==, BB_CHIME_ID_REMINDER);

  /* The stand-in is the very sound data/sounds would have made. */
  {
    g_autofree char *data = NULL;
    unsigned char *wav = NULL;
    gsize length = 0;
    size_t wav_length = 0;

    g_assert_true (g_file_get_contents (nth_play (rec, 1)->path, &data, &length, NULL));
    g_assert_cmpint (bb_sound_synth_render_wav ("exhale", &wav, &wav_length), ==, 0);
    g_assert_cmpmem (data, length, wav, wav_length);
    free (wav);
  }

  /* No folder at all: every sound is a stand-in, each its own, and that
   * is no problem worth telling. */
  g_ptr_array_set_size (rec->calls, 0);
  bb_chime_set_sounds_dir (chime, NULL);
  for (BbChimeSound s = BB_CHIME_SOUND_INHALE; s <= BB_CHIME_SOUND_REMINDER; s++)
    {
      bb_chime_play (chime, s);
      g_assert_true (is_stand_in (nth_play (rec, s)));
    }
  in_path = g_strdup (nth_play (rec, BB_CHIME_SOUND_INHALE)->path);
  g_assert_cmpstr (in_path, !=, nth_play (rec, BB_CHIME_SOUND_EXHALE)->path);
  g_assert_null (bb_chime_get_problem (chime));

  g_assert_finalize_object (chime);
  remove_sounds_dir (dir);
}

/* Each kind of bad file, as the check sees it. */
static void
test_check_files (void)
{
  static const struct
  {
    BadKind     kind;
    int         code;
  } cases[] = {
    { BAD_MISSING, BB_WAV_ERROR_MISSING },
    { BAD_EMPTY, BB_WAV_ERROR_EMPTY },
    { BAD_TRUNCATED, BB_WAV_ERROR_CORRUPT },
    { BAD_8_BIT, BB_WAV_ERROR_UNSUPPORTED },
    { BAD_FLOAT, BB_WAV_ERROR_UNSUPPORTED },
    { BAD_TEXT, BB_WAV_ERROR_UNSUPPORTED },
    { BAD_NONE, -1 },
  };
  char *dir = make_sounds_dir (NULL);
  g_autofree char *path = g_build_filename (dir, "inhale.wav", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      write_sound (dir, "inhale.wav", cases[i].kind);
      if (cases[i].code < 0)
        {
          g_assert_true (bb_wav_check_file (path, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (bb_wav_check_file (path, &error));
          g_assert_error (error, BB_WAV_ERROR, cases[i].code);
          g_test_message ("kind %d: %s", cases[i].kind, error->message);
        }
    }

  /* Structure: a chunk running past the end, no data, data before the
   * format, an odd number of bytes, stereo (fine), a rate of 0. */
  {
    g_autoptr(GByteArray) wav = good_wav ();
    g_autoptr(GError) error = NULL;

    g_assert_true (bb_wav_check_data (wav->data, wav->len, NULL));

    wav->data[40] = 0xff;  /* data: 255 bytes claimed, 200 there */
    g_assert_false (bb_wav_check_data (wav->data, wav->len, &error));
    g_assert_error (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT);
    g_clear_error (&error);

    wav->data[40] = 0;     /* data: 0 bytes, followed by junk */
    g_assert_false (bb_wav_check_data (wav->data, wav->len, &error));
    g_assert_error (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT);
    g_clear_error (&error);

    wav->data[40] = 199;   /* half a sample at the end */
    g_assert_false (bb_wav_check_data (wav->data, wav->len, &error));
    g_assert_error (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT);
    g_clear_error (&error);

    g_assert_false (bb_wav_check_data (wav->data, 40, &error));  /* cut before data */
    g_assert_error (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT);
    g_clear_error (&error);

    g_assert_false (bb_wav_check_data (wav->data, 8, &error));  /* cut in the header */
    g_assert_error (error, BB_WAV_ERROR, BB_WAV_ERROR_CORRUPT);
    g_clear_error (&error);
  }
  {
    g_autoptr(GByteArray) stereo = wav_header (1, 2, 44100, 16, 200);
    g_autoptr(GByteArray) no_rate = wav_header (1, 1, 0, 16, 200);
    guint8 zero[200] = { 0 };

    g_byte_array_append (stereo, zero, sizeof zero);
    g_byte_array_append (no_rate, zero, sizeof zero);
    g_assert_true (bb_wav_check_data (stereo->data, stereo->len, NULL));
    g_assert_false (bb_wav_check_data (no_rate->data, no_rate->len, NULL));
  }

  /* What the build makes passes, every one of them. */
  for (guint i = 0; bb_sound_synth_name (i) != NULL; i++)
    {
      unsigned char *wav = NULL;
      size_t length = 0;

      g_assert_cmpint (bb_sound_synth_render_wav (bb_sound_synth_name (i), &wav, &length), ==, 0);
      g_assert_true (bb_wav_check_data (wav, length, NULL));
      free (wav);
    }

  remove_sounds_dir (dir);
}

static guint n_messages;

static void
count_messages_cb (const char     *log_domain,
                   GLogLevelFlags  log_level,
                   const char     *message,
                   gpointer        user_data)
{
  if (log_level & G_LOG_LEVEL_MESSAGE)
    n_messages++;
}

static void
test_no_device (void)
{
  guint handler;
  Rig rig;

  rig_init (&rig, 1000, 500, 1000, 500, 3, FALSE);

  /* The log handler sees messages before the test harness's default one,
   * and warnings would abort under G_DEBUG=fatal-warnings anyway. */
  handler = g_log_set_handler ("Backbreath", G_LOG_LEVEL_MASK, count_messages_cb, NULL);
  n_messages = 0;

  g_signal_connect (rig.chime, "notify::silent", G_CALLBACK (count_notify_cb), NULL);
  g_signal_connect (rig.chime, "notify::problem", G_CALLBACK (count_notify_cb), NULL);
  n_notify = 0;

  rig.rec->fail = TRUE;
  bb_session_start (rig.session);
  run_to_end (BB_FAKE_CLOCK (rig.clock), rig.session);

  /* The whole session ran; every chime was attempted, one was logged,
   * and the page was told once, not at every chime. */
  g_assert_cmpint (bb_session_get_state (rig.session), ==, BB_SESSION_STATE_FINISHED);
  g_assert_cmpuint (rig.rec->n_attempts, ==, 3 * 4 + 1);
  g_assert_cmpuint (count_plays (rig.rec), ==, 0);
  g_assert_cmpuint (n_messages, ==, 1);
  g_assert_true (bb_chime_get_silent (rig.chime));
  g_assert_cmpstr (bb_chime_get_problem (rig.chime), ==,
                   "Chimes can’t be heard: no sound device was found");
  g_assert_cmpuint (n_notify, ==, 2);  /* silent, problem */

  /* The server comes back: chimes sound again, with nothing logged. */
  rig.rec->fail = FALSE;
  bb_chime_play (rig.chime, BB_CHIME_SOUND_REMINDER);
  g_assert_cmpuint (count_plays (rig.rec), ==, 1);
  g_assert_cmpuint (n_messages, ==, 1);
  g_assert_false (bb_chime_get_silent (rig.chime));
  g_assert_null (bb_chime_get_problem (rig.chime));
  g_assert_cmpuint (n_notify, ==, 4);

  /* A new outage is worth one new message. */
  rig.rec->fail = TRUE;
  bb_chime_play (rig.chime, BB_CHIME_SOUND_INHALE);
  bb_chime_play (rig.chime, BB_CHIME_SOUND_EXHALE);
  g_assert_cmpuint (n_messages, ==, 2);

  g_log_remove_handler ("Backbreath", handler);

  rig_clear (&rig);
}

static void
test_session_property (void)
{
  g_autoptr(BbPattern) pattern = bb_pattern_new (1000, 0, 1000, 0);
  BbClock *clock = bb_fake_clock_new (START_MONOTONIC, START_REAL);
  BbSession *first = bb_session_new (clock, pattern, NULL, 2);
  BbSession *second = bb_session_new (clock, pattern, NULL, 2);
  BbSession *third;
  BbSession *got = NULL;
  Recorder *rec;
  BbChime *chime = recording_chime_new (&rec);

  g_assert_null (bb_chime_get_session (chime));
  g_signal_connect (chime, "notify::session", G_CALLBACK (count_notify_cb), NULL);
  n_notify = 0;

  bb_chime_set_session (chime, first);
  bb_chime_set_session (chime, first);
  g_assert_cmpuint (n_notify, ==, 1);
  g_object_set (chime, "session", second, NULL);
  g_assert_cmpuint (n_notify, ==, 2);
  g_object_get (chime, "session", &got, NULL);
  g_assert_true (got == second);
  g_clear_object (&got);

  /* Only the session followed now chimes. */
  bb_session_start (first);
  g_assert_cmpuint (count_plays (rec), ==, 0);
  bb_session_start (second);
  g_assert_cmpuint (count_plays (rec), ==, 1);

  /* Letting go stops its chime and hears no more of it. */
  g_ptr_array_set_size (rec->calls, 0);
  bb_chime_set_session (chime, NULL);
  g_assert_cmpuint (n_notify, ==, 3);
  g_assert_cmpuint (rec->calls->len, ==, 1);
  g_assert_cmpint (((Call *) g_ptr_array_index (rec->calls, 0))->kind, ==, CALL_CANCEL);
  bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 10000 * MS);
  g_assert_cmpuint (count_plays (rec), ==, 0);

  /* The chime holds no session alive: one finalized while followed is
   * let go of, with one notification. */
  third = bb_session_new (clock, pattern, NULL, 2);
  bb_chime_set_session (chime, third);
  g_assert_cmpuint (n_notify, ==, 4);
  bb_session_start (third);
  g_assert_finalize_object (third);
  g_assert_null (bb_chime_get_session (chime));
  g_assert_cmpuint (n_notify, ==, 5);
  bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 10000 * MS);

  /* A chime that goes away first leaves the session quiet and intact. */
  bb_chime_set_session (chime, first);
  g_assert_finalize_object (chime);
  bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 10000 * MS);
  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
  g_assert_finalize_object (clock);
}

/* The sentence for the user, for each cause. */
static void
test_problem (void)
{
  static const struct
  {
    BadKind     kind;
    const char *problem;
  } files[] = {
    { BAD_MISSING, "The “Breathe in” sound file is missing; a stand-in plays instead" },
    { BAD_EMPTY, "The “Breathe in” sound file is damaged; a stand-in plays instead" },
    { BAD_TRUNCATED, "The “Breathe in” sound file is damaged; a stand-in plays instead" },
    { BAD_8_BIT, "The “Breathe in” sound file is in a format that can’t be played; a stand-in plays instead" },
    { BAD_FLOAT, "The “Breathe in” sound file is in a format that can’t be played; a stand-in plays instead" },
    { BAD_TEXT, "The “Breathe in” sound file is in a format that can’t be played; a stand-in plays instead" },
    { BAD_NONE, NULL },
  };
  char *dir = make_sounds_dir (NULL);
  Recorder *rec;
  BbChime *chime = recording_chime_new (&rec);
  guint handler = g_log_set_handler ("Backbreath", G_LOG_LEVEL_MESSAGE, count_messages_cb, NULL);

  g_signal_connect (chime, "notify::problem", G_CALLBACK (count_notify_cb), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *other = g_dir_make_tmp ("test-chime-XXXXXX", NULL);

      write_sound (dir, "inhale.wav", files[i].kind);

      /* Checked when the folder is set again; a round through another
       * folder makes it a change. */
      bb_chime_set_sounds_dir (chime, other);
      bb_chime_set_sounds_dir (chime, NULL);
      n_notify = 0;
      n_messages = 0;
      bb_chime_set_sounds_dir (chime, dir);
      bb_chime_play (chime, BB_CHIME_SOUND_INHALE);
      g_test_message ("kind %d: %s", files[i].kind, bb_chime_get_problem (chime));
      g_assert_cmpstr (bb_chime_get_problem (chime), ==, files[i].problem);
      g_assert_false (bb_chime_get_silent (chime));
      g_assert_cmpuint (n_messages, ==, files[i].problem != NULL ? 1 : 0);
      g_rmdir (other);
    }

  /* Two bad files. */
  write_sound (dir, "inhale.wav", BAD_EMPTY);
  write_sound (dir, "exhale.wav", BAD_TEXT);
  bb_chime_set_sounds_dir (chime, NULL);
  bb_chime_set_sounds_dir (chime, dir);
  g_assert_cmpstr (bb_chime_get_problem (chime), ==,
                   "2 sound files are missing or damaged; stand-ins play instead");

  /* Playback failing matters more, and says why; when it passes, the
   * files' problem is back. */
  rec->fail = TRUE;
  rec->fail_code = BB_CHIME_ERROR_FAILED;
  bb_chime_play (chime, BB_CHIME_SOUND_HOLD);
  g_assert_true (bb_chime_get_silent (chime));
  g_assert_cmpstr (bb_chime_get_problem (chime), ==,
                   "Chimes can’t be heard: the sound system reports “Connection refused”");
  rec->fail_code = BB_CHIME_ERROR_UNAVAILABLE;
  bb_chime_play (chime, BB_CHIME_SOUND_HOLD);
  g_assert_cmpstr (bb_chime_get_problem (chime), ==,
                   "Chimes can’t be heard: no sound device was found");
  rec->fail = FALSE;
  bb_chime_play (chime, BB_CHIME_SOUND_HOLD);
  g_assert_false (bb_chime_get_silent (chime));
  g_assert_cmpstr (bb_chime_get_problem (chime), ==,
                   "2 sound files are missing or damaged; stand-ins play instead");

  g_log_remove_handler ("Backbreath", handler);
  g_assert_finalize_object (chime);
  remove_sounds_dir (dir);
}

/* A bad in-breath file through a whole session: every in-breath plays its
 * stand-in, every out-breath its file; the problem is told once, and
 * neither it nor silent changes from breath to breath. */
static void
test_no_flapping (void)
{
  static const BadKind kinds[] = { BAD_TRUNCATED, BAD_EMPTY, BAD_8_BIT, BAD_TEXT, BAD_MISSING };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint n_silent = 0, n_problem = 0, n_in = 0, n_out = 0;
      guint handler;
      Rig rig;

      rig_init (&rig, 1000, 0, 1000, 0, 4, TRUE);
      write_sound (rig.dir, "inhale.wav", kinds[k]);
      /* A new session checks the folder; this one was set before the bad
       * file was written, so check it again. */
      bb_chime_set_sounds_dir (rig.chime, NULL);
      bb_chime_set_sounds_dir (rig.chime, rig.dir);

      handler = g_log_set_handler ("Backbreath", G_LOG_LEVEL_MESSAGE, count_messages_cb, NULL);
      n_messages = 0;
      g_signal_connect (rig.chime, "notify::silent", G_CALLBACK (count_notify_cb), NULL);
      n_notify = 0;
      n_silent = 0;

      {
        g_autofree char *before = g_strdup (bb_chime_get_problem (rig.chime));

        g_signal_connect (rig.chime, "notify::problem", G_CALLBACK (count_notify_cb), NULL);
        bb_session_start (rig.session);
        run_to_end (BB_FAKE_CLOCK (rig.clock), rig.session);
        g_assert_nonnull (before);
        g_assert_cmpstr (bb_chime_get_problem (rig.chime), ==, before);
        n_problem = n_notify;
      }

      for (guint i = 0; i < rig.rec->calls->len; i++)
        {
          Call *call = g_ptr_array_index (rig.rec->calls, i);
          g_autofree char *name = NULL;

          if (call->kind != CALL_PLAY)
            continue;

          name = played_name (call);
          if (g_str_equal (name, "inhale.wav"))
            {
              g_assert_true (is_stand_in (call));
              n_in++;
            }
          else if (g_str_equal (name, "exhale.wav"))
            {
              g_assert_false (is_stand_in (call));
              n_out++;
            }
        }

      g_assert_cmpuint (n_in, ==, 4);
      g_assert_cmpuint (n_out, ==, 4);
      g_assert_cmpuint (n_problem, ==, 0);  /* no change during the session */
      g_assert_cmpuint (n_silent, ==, 0);
      g_assert_false (bb_chime_get_silent (rig.chime));
      g_assert_cmpuint (n_messages, ==, 0);  /* logged when checked, before */

      g_log_remove_handler ("Backbreath", handler);
      rig_clear (&rig);
    }
}

/* The sound server refuses a file that passed the check: from then on
 * its stand-in plays, at once for this chime too, and it does not flap. */
static void
test_refused_file (void)
{
  guint handler = g_log_set_handler ("Backbreath", G_LOG_LEVEL_MESSAGE, count_messages_cb, NULL);
  Rig rig;

  rig_init (&rig, 1000, 0, 1000, 0, 3, TRUE);
  rig.rec->refuse = g_strdup ("inhale.wav");
  n_messages = 0;

  g_signal_connect (rig.chime, "notify::problem", G_CALLBACK (count_notify_cb), NULL);
  g_signal_connect (rig.chime, "notify::silent", G_CALLBACK (count_notify_cb), NULL);
  n_notify = 0;

  bb_session_start (rig.session);
  run_to_end (BB_FAKE_CLOCK (rig.clock), rig.session);

  /* 3 in, 3 out, the finish: all heard, the first in-breath included. */
  g_assert_cmpuint (count_plays (rig.rec), ==, 7);
  for (guint i = 0; i < 6; i += 2)
    g_assert_true (is_stand_in (nth_play (rig.rec, i)));
  g_assert_false (bb_chime_get_silent (rig.chime));
  g_assert_cmpstr (bb_chime_get_problem (rig.chime), ==,
                   "The “Breathe in” sound file is damaged; a stand-in plays instead");
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpuint (n_messages, ==, 1);

  /* A file gone since the check is said to be missing, not damaged. */
  {
    g_autofree char *path = g_build_filename (rig.dir, "exhale.wav", NULL);

    g_clear_pointer (&rig.rec->refuse, g_free);
    bb_chime_set_sounds_dir (rig.chime, NULL);
    bb_chime_set_sounds_dir (rig.chime, rig.dir);
    g_assert_null (bb_chime_get_problem (rig.chime));

    g_assert_cmpint (g_remove (path), ==, 0);
    bb_chime_play (rig.chime, BB_CHIME_SOUND_EXHALE);
    g_assert_true (is_stand_in (nth_play (rig.rec, count_plays (rig.rec) - 1)));
    g_assert_cmpstr (bb_chime_get_problem (rig.chime), ==,
                     "The “Breathe out” sound file is missing; a stand-in plays instead");
    write_sound (rig.dir, "exhale.wav", BAD_NONE);
  }

  /* A stand-in removed from the cache is made again, and still heard. */
  {
    Call *call;

    bb_chime_set_sounds_dir (rig.chime, NULL);
    bb_chime_play (rig.chime, BB_CHIME_SOUND_INHALE);
    call = nth_play (rig.rec, count_plays (rig.rec) - 1);
    g_assert_true (is_stand_in (call));
    g_assert_cmpint (g_remove (call->path), ==, 0);

    bb_chime_play (rig.chime, BB_CHIME_SOUND_INHALE);
    call = nth_play (rig.rec, count_plays (rig.rec) - 1);
    g_assert_true (is_stand_in (call));
    g_assert_true (g_file_test (call->path, G_FILE_TEST_IS_REGULAR));
    g_assert_false (bb_chime_get_silent (rig.chime));
  }

  g_log_remove_handler ("Backbreath", handler);
  rig_clear (&rig);
}

/* Files are not touched before they are needed (the app's start-up is
 * measured); the first session or chime checks them. */
static void
test_lazy_check (void)
{
  char *dir = make_sounds_dir ("hold.wav", NULL);
  guint handler = g_log_set_handler ("Backbreath", G_LOG_LEVEL_MESSAGE, count_messages_cb, NULL);
  Rig rig;

  rig_init (&rig, 1000, 0, 1000, 0, 1, FALSE);
  bb_chime_set_session (rig.chime, NULL);

  {
    Recorder *rec;
    BbChime *chime = recording_chime_new (&rec);

    n_messages = 0;
    bb_chime_set_sounds_dir (chime, dir);
    g_assert_null (bb_chime_get_problem (chime));
    g_assert_cmpuint (n_messages, ==, 0);

    bb_chime_set_session (chime, rig.session);
    g_assert_cmpuint (n_messages, ==, 1);
    g_assert_cmpstr (bb_chime_get_problem (chime), ==,
                     "The “Hold” sound file is missing; a stand-in plays instead");

    /* Once: a second session checks nothing again. */
    bb_chime_set_session (chime, NULL);
    bb_chime_set_session (chime, rig.session);
    g_assert_cmpuint (n_messages, ==, 1);

    g_assert_finalize_object (chime);
  }

  g_log_remove_handler ("Backbreath", handler);
  rig_clear (&rig);
  remove_sounds_dir (dir);
}

/* Handing a chime to the sound server stalled (the process was stopped
 * right at the boundary): by the time it could begin, more than half of
 * its phase is gone, so it is cancelled at once, not heard mid-phase. A
 * short stall still chimes. */
static void
test_late_handover (void)
{
  Call *last;
  Rig rig;

  rig_init (&rig, 4000, 0, 4000, 0, 2, TRUE);
  bb_session_start (rig.session);
  g_assert_cmpuint (count_plays (rig.rec), ==, 1);

  /* A 1.5 s stall in a 4 s phase: heard, 1.5 s late. */
  rig.rec->stall = 1500 * MS;
  g_ptr_array_set_size (rig.rec->calls, 0);
  bb_fake_clock_jump (BB_FAKE_CLOCK (rig.clock), 4000 * MS);
  bb_fake_clock_dispatch (BB_FAKE_CLOCK (rig.clock));
  g_assert_cmpuint (count_plays (rig.rec), ==, 1);
  last = g_ptr_array_index (rig.rec->calls, rig.rec->calls->len - 1);
  g_assert_cmpint (last->kind, ==, CALL_PLAY);

  /* A 3 s stall: the in-breath chime is stopped as soon as the handover
   * returns. */
  rig.rec->stall = 3000 * MS;
  g_ptr_array_set_size (rig.rec->calls, 0);
  bb_fake_clock_jump (BB_FAKE_CLOCK (rig.clock), 2500 * MS);
  bb_fake_clock_dispatch (BB_FAKE_CLOCK (rig.clock));
  g_assert_cmpint (bb_session_get_phase (rig.session), ==, BB_PHASE_INHALE);
  g_assert_cmpuint (count_plays (rig.rec), ==, 1);
  last = g_ptr_array_index (rig.rec->calls, rig.rec->calls->len - 1);
  g_assert_cmpint (last->kind, ==, CALL_CANCEL);
  g_assert_cmpuint (last->id, ==, BB_CHIME_ID_PHASE);
  g_assert_cmpint (last->time, ==, nth_play (rig.rec, 0)->time);

  /* The finish is never cancelled for lateness. */
  rig.rec->stall = 10000 * MS;
  g_ptr_array_set_size (rig.rec->calls, 0);
  bb_fake_clock_jump (BB_FAKE_CLOCK (rig.clock), 20000 * MS);
  bb_fake_clock_dispatch (BB_FAKE_CLOCK (rig.clock));
  g_assert_cmpint (bb_session_get_state (rig.session), ==, BB_SESSION_STATE_FINISHED);
  last = g_ptr_array_index (rig.rec->calls, rig.rec->calls->len - 1);
  g_assert_cmpint (last->kind, ==, CALL_PLAY);
  g_assert_true (g_str_has_suffix (last->path, "finish.wav"));

  rig_clear (&rig);
}

/* The real libcanberra backend with no sound server: no crash, no
 * warning, one message, and the chime object stays usable. */
static void
test_canberra_no_server (void)
{
  BbChime *chime;
  guint handler;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout ("*Chimes are silent*");
      g_test_trap_assert_stderr_unmatched ("*WARNING*");
      return;
    }

  g_setenv ("CANBERRA_DRIVER", "pulse", TRUE);
  g_setenv ("PULSE_SERVER", "unix:/nonexistent/backbreath-test", TRUE);

  handler = g_log_set_handler ("Backbreath", G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_DEBUG,
                               count_messages_cb, NULL);
  n_messages = 0;

  chime = bb_chime_new ("Backbreath", APPLICATION_ID, APPLICATION_ID);
  bb_chime_play (chime, BB_CHIME_SOUND_INHALE);
  bb_chime_play (chime, BB_CHIME_SOUND_EXHALE);
  bb_chime_preview (chime, BB_CHIME_SOUND_FINISH);
  bb_chime_cancel (chime);
  g_assert_cmpuint (n_messages, ==, 1);
  g_assert_true (bb_chime_get_silent (chime));
  g_assert_cmpstr (bb_chime_get_problem (chime), ==,
                   "Chimes can’t be heard: no sound device was found");
  g_print ("Chimes are silent: %u message\n", n_messages);

  g_log_remove_handler ("Backbreath", handler);
  g_assert_finalize_object (chime);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("test-chime-cache-XXXXXX", NULL);
  int ret;

  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chime/properties", test_properties);
  g_test_add_func ("/chime/construct-properties", test_construct_properties);
  g_test_add_func ("/chime/session", test_session);
  g_test_add_func ("/chime/session-no-holds", test_session_no_holds);
  g_test_add_func ("/chime/short-hold", test_short_hold);
  g_test_add_func ("/chime/mute", test_mute);
  g_test_add_func ("/chime/volume", test_volume);
  g_test_add_func ("/chime/cancel", test_cancel);
  g_test_add_func ("/chime/late", test_late);
  g_test_add_func ("/chime/fallback", test_fallback);
  g_test_add_func ("/chime/no-device", test_no_device);
  g_test_add_func ("/chime/session-property", test_session_property);
  g_test_add_func ("/chime/check-files", test_check_files);
  g_test_add_func ("/chime/problem", test_problem);
  g_test_add_func ("/chime/no-flapping", test_no_flapping);
  g_test_add_func ("/chime/refused-file", test_refused_file);
  g_test_add_func ("/chime/lazy-check", test_lazy_check);
  g_test_add_func ("/chime/late-handover", test_late_handover);
  g_test_add_func ("/chime/canberra-no-server", test_canberra_no_server);

  ret = g_test_run ();

  /* The stand-ins the tests made, and the folders they went in. */
  for (guint i = 0; bb_sound_synth_name (i) != NULL; i++)
    {
      g_autofree char *name = g_strconcat (bb_sound_synth_name (i), ".wav", NULL);
      g_autofree char *path = g_build_filename (cache, "backbreath", "sounds", name, NULL);

      g_remove (path);
    }
  {
    g_autofree char *sounds = g_build_filename (cache, "backbreath", "sounds", NULL);
    g_autofree char *app = g_build_filename (cache, "backbreath", NULL);

    g_rmdir (sounds);
    g_rmdir (app);
    g_rmdir (cache);
  }

  return ret;
}
