/* bb-guidance.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bb-history.h"

G_BEGIN_DECLS

/**
 * BbTip:
 * @BB_TIP_NONE: nothing to suggest
 * @BB_TIP_HANDS_ON_BACK: feel the back widen under the hands
 * @BB_TIP_OTHER_POSITION: a more supported position
 * @BB_TIP_TOWEL: a rolled towel under the chest, face down
 * @BB_TIP_HAND_ON_BELLY: one hand on the belly, one on the back
 * @BB_TIP_BREATHE_OUT_FIRST: empty the lungs fully before the first breath
 * @BB_TIP_SHOULDERS: keep the shoulders low and the neck easy
 *
 * A troubleshooting tip, shown before the next session.
 */
typedef enum
{
  BB_TIP_NONE,
  BB_TIP_HANDS_ON_BACK,
  BB_TIP_OTHER_POSITION,
  BB_TIP_TOWEL,
  BB_TIP_HAND_ON_BELLY,
  BB_TIP_BREATHE_OUT_FIRST,
  BB_TIP_SHOULDERS,
} BbTip;

/* A position has gone well after this many separate days with the back
 * clearly felt in it. */
#define BB_PROGRESS_DAYS 5

/**
 * BbStage:
 * @BB_STAGE_SUPPORTED: child's pose, hands and knees, face down
 * @BB_STAGE_SEATED: seated
 * @BB_STAGE_STANDING: standing
 * @BB_STAGE_MOVING: during movement: warm-ups, between sets, yoga poses
 *
 * The steps of progression, from the most supported.
 */
typedef enum
{
  BB_STAGE_SUPPORTED,
  BB_STAGE_SEATED,
  BB_STAGE_STANDING,
  BB_STAGE_MOVING,
} BbStage;

/**
 * BbProgress:
 * @stage: where the user stands
 * @days: separate days the back was felt at this stage, up to
 *   %BB_PROGRESS_DAYS
 * @best_position_id: (nullable): the position of this stage with the most
 *   such days, if any
 *
 * Where the user stands in progression.
 */
typedef struct
{
  BbStage     stage;
  guint       days;
  const char *best_position_id;
} BbProgress;

BbTip       bb_guidance_choose_tip          (const BbCheckinRecord *recent,
                                             guint                  n_recent);
const char *bb_guidance_get_tip_title       (BbTip                  tip);
char       *bb_guidance_dup_tip_text        (BbTip                  tip,
                                             const char            *position_id);

BbStage     bb_guidance_get_position_stage  (const char            *position_id);
void        bb_guidance_get_progress        (GHashTable            *felt_days,
                                             BbProgress            *progress);
const char *bb_guidance_get_stage_name      (BbStage                stage);
const char *bb_guidance_get_stage_advice    (BbStage                stage);
const char *bb_guidance_get_next_position   (BbStage                stage);

G_END_DECLS
