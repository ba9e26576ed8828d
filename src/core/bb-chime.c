/* bb-chime.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include <canberra.h>
#include <glib/gi18n-lib.h>

#include "bb-chime-private.h"
#include "bb-sound-synth.h"
#include "bb-wav.h"

/*
 * BbChime plays the phase chimes. It follows #BbChime:session and chimes
 * only from the session's signals, which come from the clock's timeout at
 * each boundary: the chimes keep time with the window hidden, and nothing
 * else keeps a timer of its own. A GSignalGroup follows the session, which
 * is held weakly: the chime never keeps a session alive.
 *
 * Phase chimes share one playback id and every phase change cancels what
 * still plays under it, so a chime never spills into the next phase. A
 * chime that would begin when more than half of its phase is over is not
 * heard: a cue that late would mislead more than help. That is checked
 * twice, when the boundary is announced (a main loop blocked for seconds)
 * and again once the sound server has taken the chime (the whole process
 * stopped, or the machine suspended, while it was being handed over);
 * a chime found late then is cancelled at once. Holds shorter than
 * HOLD_MIN_US are not chimed either: the next phase would cut the hold
 * note, and a cut clicks. The finish chime always plays.
 *
 * Sounds are files made at build time in #BbChime:sounds-dir. They are
 * checked once, when first needed (never while the app starts up), and
 * again when the folder changes. A file that is missing, empty, damaged
 * or in a format other than 16-bit PCM WAV is never handed to the sound
 * server: the same sound, rendered by bb-sound-synth.c into the user's
 * cache, stands in for it, so the in-breath still rises and the out-breath
 * still falls. #BbChime:problem says which file is bad, once. Only when
 * even the stand-in cannot be written does a (distinct) sound theme event
 * play instead.
 *
 * Without a sound server or device the session goes on silently and
 * #BbChime:silent is set: the first failure is logged with g_message(),
 * later ones only with g_debug() until a chime plays again. Every chime is
 * still attempted, so sound comes back by itself when the server does.
 */

/* What a sound's file turned out to be. */
typedef enum
{
  FILE_UNCHECKED = -2,
  FILE_GOOD = -1,
  /* otherwise a BbWavError, or: */
  FILE_REFUSED = 100,  /* it passed the check, but the server would not play it */
  FILE_NO_FOLDER,      /* no sounds folder at all */
} FileState;

struct _BbChime
{
  GObject               parent_instance;

  /* owned */
  GSignalGroup         *session_signals;
  ca_context           *context;
  char                 *application_name;
  char                 *application_id;
  char                 *icon_name;
  char                 *sounds_dir;
  char                 *paths[BB_CHIME_N_SOUNDS];  /* what plays; NULL: a theme event */
  char                 *problem;
  char                 *play_problem;              /* while playback fails */
  gpointer              backend_data;
  GDestroyNotify        backend_data_destroy;

  /* not owned: the target of session_signals, cleared with it */
  BbSession            *session;

  const BbChimeBackend *backend;
  FileState             file_state[BB_CHIME_N_SOUNDS];
  int                   volume;
  gboolean              enabled[BB_CHIME_N_SOUNDS];
  guint                 muted : 1;
  guint                 failing : 1;
  guint                 checked : 1;
  guint                 setting_session : 1;
};

/* hold.wav lasts 0.4 s (src/core/bb-sound-synth.c). */
#define HOLD_MIN_US (500 * G_TIME_SPAN_MILLISECOND)

G_DEFINE_FINAL_TYPE (BbChime, bb_chime, G_TYPE_OBJECT)
G_DEFINE_QUARK (bb-chime-error-quark, bb_chime_error)

/* The *-ENABLED properties are in the order of BbChimeSound. */
enum {
  PROP_0,
  PROP_APPLICATION_NAME,
  PROP_APPLICATION_ID,
  PROP_ICON_NAME,
  PROP_SOUNDS_DIR,
  PROP_VOLUME,
  PROP_MUTED,
  PROP_INHALE_ENABLED,
  PROP_HOLD_ENABLED,
  PROP_EXHALE_ENABLED,
  PROP_FINISH_ENABLED,
  PROP_REMINDER_ENABLED,
  PROP_SILENT,
  PROP_SESSION,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* @event_id is the sound theme's stand-in, used only when the rendered
 * one cannot be written: distinct ones, so in and out still differ. */
static const struct
{
  const char *file;
  const char *synth;
  const char *event_id;
  const char *description;
} sound_info[BB_CHIME_N_SOUNDS] = {
  /* Translators: the descriptions name the chimes in messages such as
   * "The “Hold” sound file is missing"; they are the phase names. */
  [BB_CHIME_SOUND_INHALE] = { "inhale.wav", "inhale", "service-login", N_("Breathe in") },
  [BB_CHIME_SOUND_HOLD] = { "hold.wav", "hold", "bell", N_("Hold") },
  [BB_CHIME_SOUND_EXHALE] = { "exhale.wav", "exhale", "service-logout", N_("Breathe out") },
  [BB_CHIME_SOUND_FINISH] = { "finish.wav", "finish", "complete", N_("Session complete") },
  [BB_CHIME_SOUND_REMINDER] = { "reminder.wav", "reminder", "message-new-instant", N_("Time for a breathing break") },
};

static guint32
sound_id (BbChimeSound sound)
{
  return sound == BB_CHIME_SOUND_REMINDER ? BB_CHIME_ID_REMINDER : BB_CHIME_ID_PHASE;
}

/* libcanberra, the default backend. Its data is the BbChime itself. */

static gboolean
canberra_ensure_context (BbChime  *self,
                         GError  **error)
{
  ca_proplist *props = NULL;
  int res;

  if (self->context != NULL)
    return TRUE;

  res = ca_context_create (&self->context);
  if (res < 0)
    {
      g_set_error (error, BB_CHIME_ERROR, BB_CHIME_ERROR_FAILED,
                   "Cannot create a sound context: %s", ca_strerror (res));
      return FALSE;
    }

  /* ca_context_change_props() would stop at the first NULL value. */
  ca_proplist_create (&props);
  if (self->application_name != NULL)
    ca_proplist_sets (props, CA_PROP_APPLICATION_NAME, self->application_name);
  if (self->application_id != NULL)
    ca_proplist_sets (props, CA_PROP_APPLICATION_ID, self->application_id);
  if (self->icon_name != NULL)
    ca_proplist_sets (props, CA_PROP_APPLICATION_ICON_NAME, self->icon_name);
  ca_context_change_props_full (self->context, props);
  ca_proplist_destroy (props);

  return TRUE;
}

static gboolean
canberra_play (gpointer     backend_data,
               guint32      id,
               const char  *path,
               const char  *event_id,
               const char  *description,
               double       volume_db,
               GError     **error)
{
  BbChime *self = backend_data;
  char volume[G_ASCII_DTOSTR_BUF_SIZE];
  ca_proplist *props = NULL;
  int res;

  if (!canberra_ensure_context (self, error))
    return FALSE;

  /* Not printf: a locale's decimal comma would not parse. */
  g_ascii_formatd (volume, sizeof volume, "%.2f", volume_db);

  /* libcanberra looks an event id up in the sound theme first and only
   * reads the file when the theme has no such sound, so a file goes
   * without an event id. */
  ca_proplist_create (&props);
  if (path != NULL)
    ca_proplist_sets (props, CA_PROP_MEDIA_FILENAME, path);
  else
    ca_proplist_sets (props, CA_PROP_EVENT_ID, event_id);
  if (description != NULL)
    {
      /* Mixers show the media name, which would be the file's path. */
      ca_proplist_sets (props, CA_PROP_MEDIA_NAME, description);
      ca_proplist_sets (props, CA_PROP_EVENT_DESCRIPTION, description);
    }
  ca_proplist_sets (props, CA_PROP_CANBERRA_VOLUME, volume);

  res = ca_context_play_full (self->context, id, props, NULL, NULL);
  ca_proplist_destroy (props);

  if (res < 0)
    {
      gboolean unavailable = (res == CA_ERROR_NODRIVER ||
                              res == CA_ERROR_NOTAVAILABLE ||
                              res == CA_ERROR_DISCONNECTED ||
                              res == CA_ERROR_ACCESS);

      if (unavailable)
        g_set_error (error, BB_CHIME_ERROR, BB_CHIME_ERROR_UNAVAILABLE,
                     "no sound server or output device (%s)", ca_strerror (res));
      else if (res == CA_ERROR_CORRUPT || res == CA_ERROR_NOTSUPPORTED ||
               res == CA_ERROR_NOTFOUND || res == CA_ERROR_IO)
        g_set_error (error, BB_CHIME_ERROR, BB_CHIME_ERROR_SOUND_FILE,
                     "%s", ca_strerror (res));
      else
        g_set_error (error, BB_CHIME_ERROR, BB_CHIME_ERROR_FAILED,
                     "%s", ca_strerror (res));
      return FALSE;
    }

  return TRUE;
}

static void
canberra_cancel (gpointer backend_data,
                 guint32  id)
{
  BbChime *self = backend_data;

  /* Nothing ever played without a context, so there is nothing to stop;
   * a context that never opened answers with an error, which is fine. */
  if (self->context != NULL)
    ca_context_cancel (self->context, id);
}

static const BbChimeBackend canberra_backend = {
  .play = canberra_play,
  .cancel = canberra_cancel,
};

static double
volume_to_db (int volume)
{
  return 20.0 * log10 (volume / 100.0);
}

static void
update_problem (BbChime *self)
{
  g_autofree char *problem = NULL;
  BbChimeSound bad = BB_CHIME_N_SOUNDS;
  guint n_bad = 0;

  for (BbChimeSound s = 0; s < BB_CHIME_N_SOUNDS; s++)
    if (self->file_state[s] >= 0 && self->file_state[s] != FILE_NO_FOLDER)
      {
        if (n_bad++ == 0)
          bad = s;
      }

  /* Not being heard at all matters more than a stand-in being heard. */
  if (self->failing)
    problem = g_strdup (self->play_problem);
  else if (n_bad > 1)
    problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u sound file is missing or damaged; stand-ins play instead",
                                            "%u sound files are missing or damaged; stand-ins play instead",
                                            n_bad),
                               n_bad);
  else if (n_bad == 1)
    {
      const char *name = _(sound_info[bad].description);

      switch ((int) self->file_state[bad])
        {
        case BB_WAV_ERROR_MISSING:
          /* Translators: %s is a chime's name, such as “Breathe in”. */
          problem = g_strdup_printf (_("The “%s” sound file is missing; a stand-in plays instead"), name);
          break;

        case BB_WAV_ERROR_UNSUPPORTED:
          /* Translators: %s is a chime's name, such as “Breathe in”. */
          problem = g_strdup_printf (_("The “%s” sound file is in a format that can’t be played; a stand-in plays instead"), name);
          break;

        case BB_WAV_ERROR_UNREADABLE:
          /* Translators: %s is a chime's name, such as “Breathe in”. */
          problem = g_strdup_printf (_("The “%s” sound file can’t be read; a stand-in plays instead"), name);
          break;

        case BB_WAV_ERROR_EMPTY:
        case BB_WAV_ERROR_CORRUPT:
        case FILE_REFUSED:
        default:
          /* Translators: %s is a chime's name, such as “Breathe in”. */
          problem = g_strdup_printf (_("The “%s” sound file is damaged; a stand-in plays instead"), name);
          break;
        }
    }

  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_steal_pointer (&problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static void
set_failing (BbChime      *self,
             const GError *error)
{
  gboolean failing = error != NULL;
  g_autofree char *play_problem = NULL;

  if (error == NULL)
    ;
  else if (g_error_matches (error, BB_CHIME_ERROR, BB_CHIME_ERROR_UNAVAILABLE))
    play_problem = g_strdup (_("Chimes can’t be heard: no sound device was found"));
  else
    /* Translators: %s is the sound system's reason, such as “Internal error”. */
    play_problem = g_strdup_printf (_("Chimes can’t be heard: the sound system reports “%s”"),
                                    error->message);

  g_free (self->play_problem);
  self->play_problem = g_steal_pointer (&play_problem);

  if (self->failing != (guint) failing)
    {
      self->failing = failing;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SILENT]);
    }

  update_problem (self);
}

/* Renders @sound into the user's cache, for a file that cannot be used.
 * Returns the file's path, or NULL when it cannot be written. */
static char *
render_stand_in (BbChimeSound sound)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "backbreath", "sounds", NULL);
  g_autofree char *name = g_strconcat (sound_info[sound].synth, ".wav", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  unsigned char *wav = NULL;
  size_t length = 0;
  gboolean written;

  if (bb_sound_synth_render_wav (sound_info[sound].synth, &wav, &length) != 0)
    {
      g_message ("Cannot render the stand-in for %s: %s", sound_info[sound].file, g_strerror (errno));
      return NULL;
    }

  /* g_file_set_contents() writes a temporary file and renames it, so a
   * chime never reads a half-written one. */
  written = (g_mkdir_with_parents (dir, 0700) == 0 &&
             g_file_set_contents (path, (const char *) wav, length, &error));
  free (wav);

  if (!written)
    {
      g_message ("Cannot write the stand-in for %s to %s: %s", sound_info[sound].file, dir,
                 error != NULL ? error->message : g_strerror (errno));
      return NULL;
    }

  return g_steal_pointer (&path);
}

static void
use_stand_in (BbChime      *self,
              BbChimeSound  sound,
              FileState     state)
{
  g_free (self->paths[sound]);
  self->paths[sound] = render_stand_in (sound);
  self->file_state[sound] = state;
}

/* Checks every sound file once, on first need, so that a bad one is known
 * before it is due and its stand-in is ready. */
static void
check_sounds (BbChime *self)
{
  if (self->checked)
    return;

  self->checked = TRUE;

  for (BbChimeSound s = 0; s < BB_CHIME_N_SOUNDS; s++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;

      g_clear_pointer (&self->paths[s], g_free);

      if (self->sounds_dir == NULL)
        {
          use_stand_in (self, s, FILE_NO_FOLDER);
          continue;
        }

      path = g_build_filename (self->sounds_dir, sound_info[s].file, NULL);
      if (bb_wav_check_file (path, &error))
        {
          self->paths[s] = g_steal_pointer (&path);
          self->file_state[s] = FILE_GOOD;
          continue;
        }

      g_message ("Sound file %s is not used: %s; a stand-in plays instead", path, error->message);
      use_stand_in (self, s, error->code);
    }

  update_problem (self);
}

static void
uncheck_sounds (BbChime *self)
{
  self->checked = FALSE;
  for (BbChimeSound s = 0; s < BB_CHIME_N_SOUNDS; s++)
    {
      g_clear_pointer (&self->paths[s], g_free);
      self->file_state[s] = FILE_UNCHECKED;
    }
}

/* Returns %FALSE with @error set when nothing will be heard. */
static gboolean
play_sound (BbChime       *self,
            BbChimeSound   sound,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->backend->play (self->backend_data, sound_id (sound), self->paths[sound],
                           sound_info[sound].event_id,
                           _(sound_info[sound].description),
                           volume_to_db (self->volume),
                           &local_error))
    return TRUE;

  if (local_error == NULL)
    g_set_error_literal (&local_error, BB_CHIME_ERROR, BB_CHIME_ERROR_FAILED, "unknown error");
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

/* Cancels the previous chime under the sound's id, then plays @sound
 * unless switched off. @preview ignores the mute and per-sound switches,
 * not the volume. */
static void
start (BbChime      *self,
       BbChimeSound  sound,
       gboolean      preview)
{
  g_autoptr(GError) error = NULL;
  gboolean played;

  self->backend->cancel (self->backend_data, sound_id (sound));

  if (self->volume == 0)
    return;

  if (!preview && (self->muted || !self->enabled[sound]))
    return;

  check_sounds (self);

  played = play_sound (self, sound, &error);

  /* The server would not play a file that passed the check: it is bad
   * after all, for good. Its stand-in plays, now and from now on. */
  if (!played &&
      g_error_matches (error, BB_CHIME_ERROR, BB_CHIME_ERROR_SOUND_FILE) &&
      self->file_state[sound] == FILE_GOOD)
    {
      g_message ("Sound file %s could not be played: %s; a stand-in plays instead",
                 self->paths[sound], error->message);
      g_clear_error (&error);
      use_stand_in (self, sound,
                    g_file_test (self->paths[sound], G_FILE_TEST_EXISTS) ? FILE_REFUSED
                                                                         : (FileState) BB_WAV_ERROR_MISSING);
      update_problem (self);
      played = play_sound (self, sound, &error);
    }

  /* A stand-in removed from the cache since it was made (cache cleaners
   * do that) is made again, once. */
  if (!played &&
      g_error_matches (error, BB_CHIME_ERROR, BB_CHIME_ERROR_SOUND_FILE) &&
      self->file_state[sound] != FILE_GOOD &&
      self->paths[sound] != NULL &&
      !g_file_test (self->paths[sound], G_FILE_TEST_EXISTS))
    {
      g_debug ("Stand-in %s is gone; making it again", self->paths[sound]);
      g_clear_error (&error);
      use_stand_in (self, sound, self->file_state[sound]);
      played = play_sound (self, sound, &error);
    }

  if (played)
    {
      set_failing (self, NULL);
      return;
    }

  if (!self->failing)
    g_message ("Chimes are silent: %s", error->message);
  else
    g_debug ("Chime not played: %s", error->message);

  set_failing (self, error);
}

static void
phase_changed_cb (BbSession *session,
                  BbPhase    phase,
                  guint      breath,
                  BbChime   *self)
{
  BbClock *clock = bb_session_get_clock (session);
  gint64 length = (gint64) bb_pattern_get_phase_ms (bb_session_get_pattern (session), phase) * 1000;
  gint64 latest = bb_session_get_phase_deadline (session) + length / 2;
  BbChimeSound sound;

  switch (phase)
    {
    case BB_PHASE_INHALE:
      sound = BB_CHIME_SOUND_INHALE;
      break;

    case BB_PHASE_HOLD_IN:
    case BB_PHASE_HOLD_OUT:
      sound = BB_CHIME_SOUND_HOLD;
      break;

    case BB_PHASE_EXHALE:
      sound = BB_CHIME_SOUND_EXHALE;
      break;

    case BB_PHASE_NONE:
    default:
      return;
    }

  if (bb_clock_get_monotonic_time (clock) > latest)
    {
      g_debug ("Breath %u: phase %d announced %" G_GINT64_FORMAT " ms late, not chimed",
               breath, phase, (bb_clock_get_monotonic_time (clock) - latest + length / 2) / 1000);
      self->backend->cancel (self->backend_data, BB_CHIME_ID_PHASE);
      return;
    }

  if (sound == BB_CHIME_SOUND_HOLD && length < HOLD_MIN_US)
    {
      self->backend->cancel (self->backend_data, BB_CHIME_ID_PHASE);
      return;
    }

  start (self, sound, FALSE);

  /* Handing the chime over can itself be held up: the process stopped or
   * the machine suspended halfway. The sound server begins as soon as it
   * has the chime, so judge by now, and rather say nothing than chime in
   * the middle of the phase. */
  if (bb_clock_get_monotonic_time (clock) > latest)
    {
      g_debug ("Breath %u: phase %d chime began %" G_GINT64_FORMAT " ms late, cancelled",
               breath, phase, (bb_clock_get_monotonic_time (clock) - latest + length / 2) / 1000);
      self->backend->cancel (self->backend_data, BB_CHIME_ID_PHASE);
    }
}

static void
finished_cb (BbSession *session,
             BbChime   *self)
{
  start (self, BB_CHIME_SOUND_FINISH, FALSE);
}

static void
notify_state_cb (BbSession  *session,
                 GParamSpec *pspec,
                 BbChime    *self)
{
  BbSessionState state = bb_session_get_state (session);

  /* Pausing or stopping means quiet now, not after the chime. */
  if (state == BB_SESSION_STATE_PAUSED || state == BB_SESSION_STATE_STOPPED)
    self->backend->cancel (self->backend_data, BB_CHIME_ID_PHASE);
}

static void
session_bind_cb (GSignalGroup *group,
                 GObject      *target,
                 BbChime      *self)
{
  self->session = BB_SESSION (target);
}

/* Also when the session is finalized while followed: the group holds it
 * weakly. */
static void
session_unbind_cb (GSignalGroup *group,
                   BbChime      *self)
{
  gboolean lost = self->session != NULL && !self->setting_session;

  self->session = NULL;

  if (lost)
    {
      self->backend->cancel (self->backend_data, BB_CHIME_ID_PHASE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
    }
}

static void
bb_chime_dispose (GObject *object)
{
  BbChime *self = (BbChime *)object;

  if (self->session_signals != NULL)
    {
      /* Letting go of the session here is no change anyone watches. */
      g_signal_handlers_disconnect_by_data (self->session_signals, self);
      g_signal_group_set_target (self->session_signals, NULL);
      self->session = NULL;
    }
  g_clear_object (&self->session_signals);

  G_OBJECT_CLASS (bb_chime_parent_class)->dispose (object);
}

static void
bb_chime_finalize (GObject *object)
{
  BbChime *self = (BbChime *)object;

  g_clear_pointer (&self->context, ca_context_destroy);
  if (self->backend_data_destroy != NULL)
    g_clear_pointer (&self->backend_data, self->backend_data_destroy);
  g_clear_pointer (&self->application_name, g_free);
  g_clear_pointer (&self->application_id, g_free);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_pointer (&self->sounds_dir, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->play_problem, g_free);
  for (guint i = 0; i < BB_CHIME_N_SOUNDS; i++)
    g_clear_pointer (&self->paths[i], g_free);

  G_OBJECT_CLASS (bb_chime_parent_class)->finalize (object);
}

static void
bb_chime_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BbChime *self = BB_CHIME (object);

  switch (prop_id)
    {
    case PROP_APPLICATION_NAME:
      g_value_set_string (value, self->application_name);
      break;

    case PROP_APPLICATION_ID:
      g_value_set_string (value, self->application_id);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    case PROP_SOUNDS_DIR:
      g_value_set_string (value, self->sounds_dir);
      break;

    case PROP_VOLUME:
      g_value_set_int (value, self->volume);
      break;

    case PROP_MUTED:
      g_value_set_boolean (value, self->muted);
      break;

    case PROP_INHALE_ENABLED:
    case PROP_HOLD_ENABLED:
    case PROP_EXHALE_ENABLED:
    case PROP_FINISH_ENABLED:
    case PROP_REMINDER_ENABLED:
      g_value_set_boolean (value, self->enabled[prop_id - PROP_INHALE_ENABLED]);
      break;

    case PROP_SILENT:
      g_value_set_boolean (value, self->failing);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_chime_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BbChime *self = BB_CHIME (object);

  switch (prop_id)
    {
    case PROP_APPLICATION_NAME:
      self->application_name = g_value_dup_string (value);
      break;

    case PROP_APPLICATION_ID:
      self->application_id = g_value_dup_string (value);
      break;

    case PROP_ICON_NAME:
      self->icon_name = g_value_dup_string (value);
      break;

    case PROP_SOUNDS_DIR:
      bb_chime_set_sounds_dir (self, g_value_get_string (value));
      break;

    case PROP_VOLUME:
      bb_chime_set_volume (self, g_value_get_int (value));
      break;

    case PROP_MUTED:
      bb_chime_set_muted (self, g_value_get_boolean (value));
      break;

    case PROP_SESSION:
      bb_chime_set_session (self, g_value_get_object (value));
      break;

    case PROP_INHALE_ENABLED:
    case PROP_HOLD_ENABLED:
    case PROP_EXHALE_ENABLED:
    case PROP_FINISH_ENABLED:
    case PROP_REMINDER_ENABLED:
      bb_chime_set_sound_enabled (self, prop_id - PROP_INHALE_ENABLED,
                                  g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_chime_class_init (BbChimeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct_only = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                      G_PARAM_STATIC_STRINGS);
  const GParamFlags settable = (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                G_PARAM_STATIC_STRINGS);

  object_class->dispose = bb_chime_dispose;
  object_class->finalize = bb_chime_finalize;
  object_class->get_property = bb_chime_get_property;
  object_class->set_property = bb_chime_set_property;

  /**
   * BbChime:application-name:
   *
   * The name the sound server shows for the chimes, such as "Backbreath".
   */
  properties[PROP_APPLICATION_NAME] =
    g_param_spec_string ("application-name", NULL, NULL, NULL, construct_only);

  properties[PROP_APPLICATION_ID] =
    g_param_spec_string ("application-id", NULL, NULL, NULL, construct_only);

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL, construct_only);

  /**
   * BbChime:sounds-dir:
   *
   * The folder with inhale.wav, hold.wav, exhale.wav, finish.wav and
   * reminder.wav. A sound missing or bad there, or every sound when this
   * is %NULL, plays a stand-in: the same sound, rendered at run time.
   */
  properties[PROP_SOUNDS_DIR] =
    g_param_spec_string ("sounds-dir", NULL, NULL, NULL, settable);

  /**
   * BbChime:volume:
   *
   * Loudness in percent of the sound files' own level, applied as a gain
   * of 20·log10(volume/100) dB. At 0 nothing plays.
   */
  properties[PROP_VOLUME] =
    g_param_spec_int ("volume", NULL, NULL, 0, 100, 100, settable);

  /**
   * BbChime:muted:
   *
   * Silences every chime; bb_chime_preview() still plays.
   */
  properties[PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL, FALSE, settable);

  properties[PROP_INHALE_ENABLED] =
    g_param_spec_boolean ("inhale-enabled", NULL, NULL, TRUE, settable);

  /**
   * BbChime:hold-enabled:
   *
   * On by default: with the eyes closed the quiet hold note is the only
   * cue that the in-breath should stop.
   */
  properties[PROP_HOLD_ENABLED] =
    g_param_spec_boolean ("hold-enabled", NULL, NULL, TRUE, settable);

  properties[PROP_EXHALE_ENABLED] =
    g_param_spec_boolean ("exhale-enabled", NULL, NULL, TRUE, settable);

  properties[PROP_FINISH_ENABLED] =
    g_param_spec_boolean ("finish-enabled", NULL, NULL, TRUE, settable);

  properties[PROP_REMINDER_ENABLED] =
    g_param_spec_boolean ("reminder-enabled", NULL, NULL, TRUE, settable);

  /**
   * BbChime:silent:
   *
   * %TRUE while chimes cannot be heard: the last one failed to play, for
   * want of a sound server or device, or for another reason the sound
   * system gave. The next one that plays clears it. A bad sound file does
   * not set it: its stand-in is heard.
   */
  properties[PROP_SILENT] =
    g_param_spec_boolean ("silent", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbChime:session:
   *
   * The session to chime for: at each of its phase changes and at its
   * end; quiet when it pauses or stops. Held weakly: it becomes %NULL
   * (and notifies) when the session is finalized.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, BB_TYPE_SESSION, settable);

  /**
   * BbChime:problem:
   *
   * One short sentence for the user, translated, saying what is wrong
   * with the chimes, or %NULL when nothing is: no sound device, another
   * playback failure and its reason, or a sound file that is missing or
   * damaged (a stand-in plays for it). Sound files are checked once, when
   * first needed and when #BbChime:sounds-dir changes, so this does not
   * change from one chime to the next.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_chime_init (BbChime *self)
{
  self->backend = &canberra_backend;
  self->backend_data = self;
  self->volume = 100;

  for (guint i = 0; i < BB_CHIME_N_SOUNDS; i++)
    {
      self->enabled[i] = TRUE;
      self->file_state[i] = FILE_UNCHECKED;
    }

  self->session_signals = g_signal_group_new (BB_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "phase-changed",
                                 G_CALLBACK (phase_changed_cb), self, 0);
  g_signal_group_connect_object (self->session_signals, "finished",
                                 G_CALLBACK (finished_cb), self, 0);
  g_signal_group_connect_object (self->session_signals, "notify::state",
                                 G_CALLBACK (notify_state_cb), self, 0);
  g_signal_connect (self->session_signals, "bind", G_CALLBACK (session_bind_cb), self);
  g_signal_connect (self->session_signals, "unbind", G_CALLBACK (session_unbind_cb), self);
}

/**
 * bb_chime_new:
 * @application_name: (nullable): the name the sound server shows
 * @application_id: (nullable): the application id
 * @icon_name: (nullable): the application's icon name
 *
 * Returns: (transfer full): a chime player that plays through libcanberra
 */
BbChime *
bb_chime_new (const char *application_name,
              const char *application_id,
              const char *icon_name)
{
  return g_object_new (BB_TYPE_CHIME,
                       "application-name", application_name,
                       "application-id", application_id,
                       "icon-name", icon_name,
                       NULL);
}

/**
 * bb_chime_new_with_backend:
 * @backend: the backend's functions; must outlive the chime (a static)
 * @backend_data: passed to @backend's functions
 * @backend_data_destroy: (nullable): frees @backend_data with the chime
 *
 * Returns: (transfer full): a chime player that plays through @backend
 */
BbChime *
bb_chime_new_with_backend (const BbChimeBackend *backend,
                           gpointer              backend_data,
                           GDestroyNotify        backend_data_destroy)
{
  BbChime *self;

  g_return_val_if_fail (backend != NULL, NULL);
  g_return_val_if_fail (backend->play != NULL && backend->cancel != NULL, NULL);

  self = g_object_new (BB_TYPE_CHIME, NULL);
  self->backend = backend;
  self->backend_data = backend_data;
  self->backend_data_destroy = backend_data_destroy;

  return self;
}

const char *
bb_chime_get_sounds_dir (BbChime *self)
{
  g_return_val_if_fail (BB_IS_CHIME (self), NULL);

  return self->sounds_dir;
}

void
bb_chime_set_sounds_dir (BbChime    *self,
                         const char *sounds_dir)
{
  g_return_if_fail (BB_IS_CHIME (self));

  if (g_strcmp0 (self->sounds_dir, sounds_dir) == 0)
    return;

  g_free (self->sounds_dir);
  self->sounds_dir = g_strdup (sounds_dir);

  /* Checked again at once if they were already needed, so #BbChime:problem
   * speaks of this folder. */
  if (self->checked)
    {
      uncheck_sounds (self);
      check_sounds (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOUNDS_DIR]);
}

int
bb_chime_get_volume (BbChime *self)
{
  g_return_val_if_fail (BB_IS_CHIME (self), 0);

  return self->volume;
}

/**
 * bb_chime_set_volume:
 * @volume: 0 to 100 (%)
 *
 * Applies to the next chime. Setting 0 stops the chime under way.
 */
void
bb_chime_set_volume (BbChime *self,
                     int      volume)
{
  g_return_if_fail (BB_IS_CHIME (self));
  g_return_if_fail (volume >= 0 && volume <= 100);

  if (self->volume == volume)
    return;

  self->volume = volume;
  if (volume == 0)
    bb_chime_cancel (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOLUME]);
}

/**
 * bb_chime_get_silent:
 *
 * Returns: %TRUE while chimes cannot be heard, see #BbChime:silent
 */
gboolean
bb_chime_get_silent (BbChime *self)
{
  g_return_val_if_fail (BB_IS_CHIME (self), FALSE);

  return self->failing;
}

gboolean
bb_chime_get_muted (BbChime *self)
{
  g_return_val_if_fail (BB_IS_CHIME (self), FALSE);

  return self->muted;
}

/**
 * bb_chime_set_muted:
 *
 * Muting also stops the chime under way.
 */
void
bb_chime_set_muted (BbChime  *self,
                    gboolean  muted)
{
  g_return_if_fail (BB_IS_CHIME (self));

  muted = !!muted;
  if (self->muted == (guint) muted)
    return;

  self->muted = muted;
  if (muted)
    bb_chime_cancel (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUTED]);
}

gboolean
bb_chime_get_sound_enabled (BbChime      *self,
                            BbChimeSound  sound)
{
  g_return_val_if_fail (BB_IS_CHIME (self), FALSE);
  g_return_val_if_fail (sound < BB_CHIME_N_SOUNDS, FALSE);

  return self->enabled[sound];
}

/**
 * bb_chime_set_sound_enabled:
 *
 * Switches one sound on or off, as the #BbChime:inhale-enabled … properties.
 */
void
bb_chime_set_sound_enabled (BbChime      *self,
                            BbChimeSound  sound,
                            gboolean      enabled)
{
  g_return_if_fail (BB_IS_CHIME (self));
  g_return_if_fail (sound < BB_CHIME_N_SOUNDS);

  enabled = !!enabled;
  if (self->enabled[sound] == enabled)
    return;

  self->enabled[sound] = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INHALE_ENABLED + sound]);
}

/**
 * bb_chime_play:
 * @sound: what to play
 *
 * Plays @sound unless muted, switched off or at volume 0. A phase sound
 * first cuts short the phase sound still playing, even when it is itself
 * switched off; a reminder plays beside them.
 */
void
bb_chime_play (BbChime      *self,
               BbChimeSound  sound)
{
  g_return_if_fail (BB_IS_CHIME (self));
  g_return_if_fail (sound < BB_CHIME_N_SOUNDS);

  start (self, sound, FALSE);
}

/**
 * bb_chime_preview:
 * @sound: what to play
 *
 * Plays @sound at the current volume even when muted or switched off, for
 * a preferences preview: the user asked to hear it.
 */
void
bb_chime_preview (BbChime      *self,
                  BbChimeSound  sound)
{
  g_return_if_fail (BB_IS_CHIME (self));
  g_return_if_fail (sound < BB_CHIME_N_SOUNDS);

  start (self, sound, TRUE);
}

/**
 * bb_chime_cancel:
 *
 * Stops every chime still playing.
 */
void
bb_chime_cancel (BbChime *self)
{
  g_return_if_fail (BB_IS_CHIME (self));

  self->backend->cancel (self->backend_data, BB_CHIME_ID_PHASE);
  self->backend->cancel (self->backend_data, BB_CHIME_ID_REMINDER);
}

/**
 * bb_chime_get_session:
 *
 * Returns: (nullable) (transfer none): the session chimed for, see
 *   #BbChime:session
 */
BbSession *
bb_chime_get_session (BbChime *self)
{
  g_return_val_if_fail (BB_IS_CHIME (self), NULL);

  return self->session;
}

/**
 * bb_chime_set_session:
 * @session: (nullable): the session to chime for, or %NULL to stop
 *
 * Chimes at each of @session's phase changes and at its end, and falls
 * quiet when it pauses or stops. Another session, or %NULL, lets go of
 * the previous one and stops its chime. The sound files are checked now
 * if they were not yet, so a bad one is known before the first chime.
 */
void
bb_chime_set_session (BbChime   *self,
                      BbSession *session)
{
  g_return_if_fail (BB_IS_CHIME (self));
  g_return_if_fail (session == NULL || BB_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    self->backend->cancel (self->backend_data, BB_CHIME_ID_PHASE);

  self->setting_session = TRUE;
  g_signal_group_set_target (self->session_signals, session);
  self->setting_session = FALSE;
  g_assert (self->session == session);

  if (session != NULL)
    check_sounds (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * bb_chime_get_problem:
 *
 * Returns: (nullable): what is wrong with the chimes, see #BbChime:problem
 */
const char *
bb_chime_get_problem (BbChime *self)
{
  g_return_val_if_fail (BB_IS_CHIME (self), NULL);

  return self->problem;
}

