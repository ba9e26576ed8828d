/* bb-catalog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bb-pattern.h"

G_BEGIN_DECLS

#define BB_POSITION_MAX_STEPS 4

/**
 * BbPosition:
 * @id: stable id, stored in history
 * @name: translatable name, pass through bb_catalog_gettext()
 * @how: translatable one-line set-up instruction
 * @steps: translatable set-up steps, %NULL after the last
 * @hands: where to put the hands to feel the back widen
 * @feel: what the user should feel
 * @why: one line on why this position helps
 * @hands_cue: a short form of @hands, shown as a cue in the first breath
 */
typedef struct
{
  const char *id;
  const char *name;
  const char *how;
  const char *steps[BB_POSITION_MAX_STEPS + 1];
  const char *hands;
  const char *feel;
  const char *why;
  const char *hands_cue;
} BbPosition;

/**
 * BbPreset:
 * @id: stable id, used on the command line
 * @name: translatable name
 * @summary: translatable one-line description
 * @position_id: the #BbPosition it is done in
 * @pattern: the breath pattern
 * @n_breaths: how many breaths, when @duration_s is 0
 * @duration_s: the length in seconds, or 0 when counted in breaths
 * @cue_set: (nullable): cues of their own instead of the position's
 * @closing: (nullable): translatable step after the last breath
 * @hidden: kept for old ids (history, command line), not listed
 */
typedef struct
{
  const char *id;
  const char *name;
  const char *summary;
  const char *position_id;
  BbPattern   pattern;
  guint       n_breaths;
  guint       duration_s;
  const char *cue_set;
  const char *closing;
  gboolean    hidden;
} BbPreset;

/**
 * BbSpecialCue:
 * @BB_SPECIAL_CUE_SETTLE: during the settle countdown
 * @BB_SPECIAL_CUE_SHOULDERS: the reminder to keep the shoulders down
 * @BB_SPECIAL_CUE_LAST_BREATH: on the last out-breath
 *
 * Cues that are the same in every position.
 */
typedef enum
{
  BB_SPECIAL_CUE_SETTLE,
  BB_SPECIAL_CUE_SHOULDERS,
  BB_SPECIAL_CUE_LAST_BREATH,
} BbSpecialCue;

const BbPosition *bb_catalog_get_positions    (guint       *n_positions);
const BbPosition *bb_catalog_lookup_position  (const char  *id);
const BbPreset   *bb_catalog_get_presets      (guint       *n_presets);
const BbPreset   *bb_catalog_get_all_presets  (guint       *n_presets);
const BbPreset   *bb_catalog_lookup_preset    (const char  *id);
char             *bb_catalog_dup_preset_ids   (void);
const char       *bb_catalog_get_phase_name   (BbPhase      phase);
const char       *bb_catalog_get_cue_for      (const char  *position_id,
                                               const char  *cue_set,
                                               BbPhase      phase,
                                               guint        breath,
                                               guint        n_breaths);
const char       *bb_catalog_get_special_cue  (BbSpecialCue which);
gboolean          bb_catalog_has_cue_set      (const char  *id);
const char       *bb_catalog_gettext          (const char  *msgid);
guint             bb_preset_get_n_breaths     (const BbPreset *preset);

G_END_DECLS
