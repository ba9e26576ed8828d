/* bb-chime.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <canberra.h>
#include <glib/gi18n-lib.h>

#include "bb-chime.h"

/*
 * BbChime plays the phase chimes. It follows a session and chimes only
 * from the session's signals, which come from the clock's timeout at each
 * boundary: the chimes keep time with the window hidden, and nothing else
 * keeps a timer of its own.
 *
 * Phase chimes share one playback id and every phase change cancels what
 * still plays under it, so a chime never spills into the next phase. A
 * phase change announced so late that more than half of the phase is
 * already over (a main loop blocked for seconds) is not chimed: a cue that
 * late would mislead more than help. Holds shorter than HOLD_MIN_US are
 * not chimed either: the next phase would cut the hold note, and a cut
 * clicks. The finish chime always plays.
 *
 * Sounds are files made at build time in #BbChime:sounds-dir; when one is
 * missing the freedesktop sound theme's event stands in for it.
 *
 * Without a sound server or device the session goes on silently: the
 * first failure is logged with g_message(), later ones only with
 * g_debug() until a chime plays again. Every chime is still attempted,
 * so sound comes back by itself when the server does.
 */

struct _BbChime
{
  GObject               parent_instance;

  /* owned */
  BbSession            *session;
  ca_context           *context;
  char                 *application_name;
  char                 *application_id;
  char                 *icon_name;
  char                 *sounds_dir;
  gpointer              backend_data;
  GDestroyNotify        backend_data_destroy;

  const BbChimeBackend *backend;
  gulong                phase_changed_id;
  gulong                finished_id;
  gulong                state_id;
  int                   volume;
  gboolean              enabled[BB_CHIME_N_SOUNDS];
  guint                 muted : 1;
  guint                 failing : 1;
};

/* hold.wav lasts 0.4 s (data/sounds/bb-make-sound.c). */
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
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *file;
  const char *event_id;
  const char *description;
} sound_info[BB_CHIME_N_SOUNDS] = {
  [BB_CHIME_SOUND_INHALE] = { "inhale.wav", "bell", N_("Breathe in") },
  [BB_CHIME_SOUND_HOLD] = { "hold.wav", "bell", N_("Hold") },
  [BB_CHIME_SOUND_EXHALE] = { "exhale.wav", "bell", N_("Breathe out") },
  [BB_CHIME_SOUND_FINISH] = { "finish.wav", "complete", N_("Session complete") },
  [BB_CHIME_SOUND_REMINDER] = { "reminder.wav", "bell", N_("Time for a breathing break") },
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
set_failing (BbChime  *self,
             gboolean  failing)
{
  if (self->failing == !!failing)
    return;

  self->failing = !!failing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SILENT]);
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
  g_autofree char *path = NULL;
  guint32 id = sound_id (sound);

  self->backend->cancel (self->backend_data, id);

  if (self->volume == 0)
    return;

  if (!preview && (self->muted || !self->enabled[sound]))
    return;

  if (self->sounds_dir != NULL)
    {
      path = g_build_filename (self->sounds_dir, sound_info[sound].file, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_debug ("%s is missing, playing the theme's '%s' instead",
                   path, sound_info[sound].event_id);
          g_clear_pointer (&path, g_free);
        }
    }

  if (self->backend->play (self->backend_data, id, path,
                           sound_info[sound].event_id,
                           _(sound_info[sound].description),
                           volume_to_db (self->volume),
                           &error))
    {
      set_failing (self, FALSE);
      return;
    }

  if (!self->failing)
    g_message ("Chimes are silent: %s", error != NULL ? error->message : "unknown error");
  else
    g_debug ("Chime not played: %s", error != NULL ? error->message : "unknown error");

  set_failing (self, TRUE);
}

static void
phase_changed_cb (BbSession *session,
                  BbPhase    phase,
                  guint      breath,
                  BbChime   *self)
{
  BbClock *clock = bb_session_get_clock (session);
  gint64 length = (gint64) bb_pattern_get_phase_ms (bb_session_get_pattern (session), phase) * 1000;
  gint64 lateness = bb_clock_get_monotonic_time (clock) - bb_session_get_phase_deadline (session);
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

  if (lateness * 2 > length)
    {
      g_debug ("Breath %u: phase %d announced %" G_GINT64_FORMAT " ms late, not chimed",
               breath, phase, lateness / 1000);
      self->backend->cancel (self->backend_data, BB_CHIME_ID_PHASE);
      return;
    }

  if (sound == BB_CHIME_SOUND_HOLD && length < HOLD_MIN_US)
    {
      self->backend->cancel (self->backend_data, BB_CHIME_ID_PHASE);
      return;
    }

  start (self, sound, FALSE);
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
bb_chime_dispose (GObject *object)
{
  BbChime *self = (BbChime *)object;

  bb_chime_follow_session (self, NULL);

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
   * reminder.wav. A sound missing there, or every sound when this is
   * %NULL, plays the sound theme's "bell" ("complete" for the finish).
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
   * want of a sound server or device. The next one that plays clears it.
   */
  properties[PROP_SILENT] =
    g_param_spec_boolean ("silent", NULL, NULL, FALSE,
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
    self->enabled[i] = TRUE;
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
 * bb_chime_follow_session:
 * @session: (nullable): the session to chime for, or %NULL to stop
 *
 * Chimes at each of @session's phase changes and at its end, and falls
 * quiet when it pauses or stops. Following another session, or %NULL,
 * lets go of the previous one.
 */
void
bb_chime_follow_session (BbChime   *self,
                         BbSession *session)
{
  g_return_if_fail (BB_IS_CHIME (self));
  g_return_if_fail (session == NULL || BB_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->phase_changed_id, self->session);
      g_clear_signal_handler (&self->finished_id, self->session);
      g_clear_signal_handler (&self->state_id, self->session);
      g_clear_object (&self->session);
    }

  if (session == NULL)
    return;

  self->session = g_object_ref (session);
  self->phase_changed_id =
    g_signal_connect_object (session, "phase-changed",
                             G_CALLBACK (phase_changed_cb), self, 0);
  self->finished_id =
    g_signal_connect_object (session, "finished",
                             G_CALLBACK (finished_cb), self, 0);
  self->state_id =
    g_signal_connect_object (session, "notify::state",
                             G_CALLBACK (notify_state_cb), self, 0);
}
