/* bb-session.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bb-clock.h"
#include "bb-pattern.h"

G_BEGIN_DECLS

/**
 * BbSessionState:
 * @BB_SESSION_STATE_READY: built, not started
 * @BB_SESSION_STATE_RUNNING: breathing
 * @BB_SESSION_STATE_PAUSED: paused; paused time does not count
 * @BB_SESSION_STATE_FINISHED: every planned breath was done
 * @BB_SESSION_STATE_STOPPED: ended early by the user
 * @BB_SESSION_STATE_SETTLING: started, counting down the settle time
 *   before the first in-breath; no phase yet
 */
typedef enum
{
  BB_SESSION_STATE_READY,
  BB_SESSION_STATE_RUNNING,
  BB_SESSION_STATE_PAUSED,
  BB_SESSION_STATE_FINISHED,
  BB_SESSION_STATE_STOPPED,
  BB_SESSION_STATE_SETTLING,
} BbSessionState;

#define BB_SESSION_MAX_BREATHS 100000

/* The settle countdown the app offers, and the longest one allowed. */
#define BB_SESSION_SETTLE_MS     3000
#define BB_SESSION_MAX_SETTLE_MS 60000

#define BB_TYPE_SESSION (bb_session_get_type ())

G_DECLARE_FINAL_TYPE (BbSession, bb_session, BB, SESSION, GObject)

BbSession       *bb_session_new                  (BbClock         *clock,
                                                  const BbPattern *pattern,
                                                  const char      *position,
                                                  guint            n_breaths);
guint            bb_session_breaths_for_duration (const BbPattern *pattern,
                                                  guint            seconds);

BbClock         *bb_session_get_clock            (BbSession       *self);
const BbPattern *bb_session_get_pattern          (BbSession       *self);
const char      *bb_session_get_position         (BbSession       *self);
const char      *bb_session_get_cue_set          (BbSession       *self);
const char      *bb_session_get_closing          (BbSession       *self);
guint            bb_session_get_settle_ms        (BbSession       *self);
const char      *bb_session_get_cue              (BbSession       *self);
guint            bb_session_get_n_breaths        (BbSession       *self);
BbSessionState   bb_session_get_state            (BbSession       *self);
BbPhase          bb_session_get_phase            (BbSession       *self);
guint            bb_session_get_breath           (BbSession       *self);
guint            bb_session_get_countdown        (BbSession       *self);
guint            bb_session_get_seconds_left     (BbSession       *self);

gint64           bb_session_get_duration         (BbSession       *self);
gint64           bb_session_get_elapsed          (BbSession       *self);
gint64           bb_session_get_remaining        (BbSession       *self);
gint64           bb_session_get_phase_remaining  (BbSession       *self);
double           bb_session_get_phase_progress   (BbSession       *self);
gint64           bb_session_get_phase_deadline   (BbSession       *self);
gint64           bb_session_get_start_real_time  (BbSession       *self);
gint64           bb_session_get_end_real_time    (BbSession       *self);
double           bb_session_get_expansion        (BbSession       *self);
double           bb_session_get_expansion_at     (BbSession       *self,
                                                  gint64           elapsed);

void             bb_session_start                (BbSession       *self);
void             bb_session_pause                (BbSession       *self);
void             bb_session_resume               (BbSession       *self);
void             bb_session_stop                 (BbSession       *self);

G_END_DECLS
