/* test-chime.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bb-chime.h"
#include "bb-fake-clock.h"
#include "bb-session.h"

/*
 * BbChime against a recording backend: which sound plays when a session
 * runs on a fake clock, mute, volume, cancellation, the sound theme
 * fallback and a backend that fails (no sound server). One test runs the
 * real libcanberra backend against a sound server that is not there.
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
      g_set_error_literal (error, BB_CHIME_ERROR, BB_CHIME_ERROR_UNAVAILABLE,
                           "Connection refused");
      return FALSE;
    }

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

/* A folder with the five sound files, minus @missing (NULL-terminated). */
static char *
make_sounds_dir (const char *missing, ...)
{
  const char *names[] = { "inhale.wav", "hold.wav", "exhale.wav", "finish.wav", "reminder.wav" };
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

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      gboolean skipped = FALSE;

      for (guint j = 0; j < skip->len; j++)
        skipped |= g_str_equal (skip->pdata[j], names[i]);

      if (!skipped)
        {
          g_file_set_contents (path, "RIFF", 4, &error);
          g_assert_no_error (error);
        }
    }

  return dir;
}

static void
remove_sounds_dir (char *dir)
{
  const char *names[] = { "inhale.wav", "hold.wav", "exhale.wav", "finish.wav", "reminder.wav" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_remove (path);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_free (dir);
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
  bb_chime_follow_session (rig->chime, rig->session);
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
  bb_chime_follow_session (rig.chime, NULL);
  g_assert_finalize_object (rig.session);

  /* Unmuted, holds and the finish switched off. */
  g_ptr_array_set_size (rig.rec->calls, 0);
  bb_chime_set_muted (rig.chime, FALSE);
  g_object_set (rig.chime,
                "hold-enabled", FALSE,
                "finish-enabled", FALSE,
                NULL);
  rig.session = bb_session_new (rig.clock, &pattern, NULL, 2);
  bb_chime_follow_session (rig.chime, rig.session);
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
  g_assert_cmpstr (call->event_id, ==, "bell");
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
  g_assert_cmpstr (nth_play (rig.rec, 0)->event_id, ==, "complete");

  rig_clear (&rig);
}

static void
test_fallback (void)
{
  char *dir = make_sounds_dir ("exhale.wav", "finish.wav", NULL);
  Recorder *rec;
  BbChime *chime = recording_chime_new (&rec);
  g_autofree char *name = NULL;

  bb_chime_set_sounds_dir (chime, dir);

  bb_chime_play (chime, BB_CHIME_SOUND_INHALE);
  bb_chime_play (chime, BB_CHIME_SOUND_EXHALE);
  bb_chime_play (chime, BB_CHIME_SOUND_FINISH);
  bb_chime_play (chime, BB_CHIME_SOUND_HOLD);
  bb_chime_play (chime, BB_CHIME_SOUND_REMINDER);
  g_assert_cmpuint (count_plays (rec), ==, 5);

  /* A file that is there plays by path, with its event id beside it. */
  g_assert_cmpstr ((name = played_name (nth_play (rec, 0))), ==, "inhale.wav");
  g_assert_cmpstr (nth_play (rec, 0)->event_id, ==, "bell");
  g_clear_pointer (&name, g_free);

  /* A missing one falls back to the theme's event. */
  g_assert_null (nth_play (rec, 1)->path);
  g_assert_cmpstr (nth_play (rec, 1)->event_id, ==, "bell");
  g_assert_null (nth_play (rec, 2)->path);
  g_assert_cmpstr (nth_play (rec, 2)->event_id, ==, "complete");
  g_assert_cmpstr ((name = played_name (nth_play (rec, 3))), ==, "hold.wav");
  g_clear_pointer (&name, g_free);
  g_assert_cmpstr ((name = played_name (nth_play (rec, 4))), ==, "reminder.wav");
  g_clear_pointer (&name, g_free);
  g_assert_cmpuint (nth_play (rec, 4)->id, ==, BB_CHIME_ID_REMINDER);

  /* No folder at all: every sound comes from the theme. */
  g_ptr_array_set_size (rec->calls, 0);
  bb_chime_set_sounds_dir (chime, NULL);
  for (BbChimeSound s = BB_CHIME_SOUND_INHALE; s <= BB_CHIME_SOUND_REMINDER; s++)
    {
      bb_chime_play (chime, s);
      g_assert_null (nth_play (rec, s)->path);
      g_assert_cmpstr (nth_play (rec, s)->event_id, ==,
                       s == BB_CHIME_SOUND_FINISH ? "complete" : "bell");
    }

  g_assert_finalize_object (chime);
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

    rig.rec->fail = TRUE;
  bb_chime_follow_session (rig.chime, rig.session);
  bb_session_start (rig.session);
  run_to_end (BB_FAKE_CLOCK (rig.clock), rig.session);

  /* The whole session ran; every chime was attempted, one was logged. */
  g_assert_cmpint (bb_session_get_state (rig.session), ==, BB_SESSION_STATE_FINISHED);
  g_assert_cmpuint (rig.rec->n_attempts, ==, 3 * 4 + 1);
  g_assert_cmpuint (count_plays (rig.rec), ==, 0);
  g_assert_cmpuint (n_messages, ==, 1);

  /* The server comes back: chimes sound again, with nothing logged. */
  rig.rec->fail = FALSE;
  bb_chime_play (rig.chime, BB_CHIME_SOUND_REMINDER);
  g_assert_cmpuint (count_plays (rig.rec), ==, 1);
  g_assert_cmpuint (n_messages, ==, 1);

  /* A new outage is worth one new message. */
  rig.rec->fail = TRUE;
  bb_chime_play (rig.chime, BB_CHIME_SOUND_INHALE);
  bb_chime_play (rig.chime, BB_CHIME_SOUND_EXHALE);
  g_assert_cmpuint (n_messages, ==, 2);

  g_log_remove_handler ("Backbreath", handler);

  rig_clear (&rig);
}

static void
test_follow (void)
{
  g_autoptr(BbPattern) pattern = bb_pattern_new (1000, 0, 1000, 0);
  BbClock *clock = bb_fake_clock_new (START_MONOTONIC, START_REAL);
  BbSession *first = bb_session_new (clock, pattern, NULL, 2);
  BbSession *second = bb_session_new (clock, pattern, NULL, 2);
  Recorder *rec;
  BbChime *chime = recording_chime_new (&rec);

  bb_chime_follow_session (chime, first);
  bb_chime_follow_session (chime, first);
  bb_chime_follow_session (chime, second);

  /* Only the session followed now chimes. */
  bb_session_start (first);
  g_assert_cmpuint (count_plays (rec), ==, 0);
  bb_session_start (second);
  g_assert_cmpuint (count_plays (rec), ==, 1);

  bb_chime_follow_session (chime, NULL);
  bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 10000 * MS);
  g_assert_cmpuint (count_plays (rec), ==, 1);

  /* A chime that goes away first leaves the session quiet and intact. */
  bb_chime_follow_session (chime, first);
  g_assert_finalize_object (chime);
  g_assert_finalize_object (first);
  g_assert_finalize_object (second);
  g_assert_finalize_object (clock);
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
  g_print ("Chimes are silent: %u message\n", n_messages);

  g_log_remove_handler ("Backbreath", handler);
  g_assert_finalize_object (chime);
}

int
main (int   argc,
      char *argv[])
{
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
  g_test_add_func ("/chime/follow", test_follow);
  g_test_add_func ("/chime/canberra-no-server", test_canberra_no_server);

  return g_test_run ();
}
