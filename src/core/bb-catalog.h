/* bb-catalog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bb-pattern.h"

G_BEGIN_DECLS

/**
 * BbPosition:
 * @id: stable id, stored in history
 * @name: translatable name, pass through bb_catalog_gettext()
 * @how: translatable one-line set-up instruction
 */
typedef struct
{
  const char *id;
  const char *name;
  const char *how;
} BbPosition;

/**
 * BbPreset:
 * @id: stable id, used on the command line
 * @name: translatable name
 * @summary: translatable one-line description
 * @position_id: the #BbPosition it is done in
 * @pattern: the breath pattern
 * @n_breaths: how many breaths
 */
typedef struct
{
  const char *id;
  const char *name;
  const char *summary;
  const char *position_id;
  BbPattern   pattern;
  guint       n_breaths;
} BbPreset;

const BbPosition *bb_catalog_get_positions    (guint       *n_positions);
const BbPosition *bb_catalog_lookup_position  (const char  *id);
const BbPreset   *bb_catalog_get_presets      (guint       *n_presets);
const BbPreset   *bb_catalog_lookup_preset    (const char  *id);
char             *bb_catalog_dup_preset_ids   (void);
const char       *bb_catalog_get_phase_name   (BbPhase      phase);
const char       *bb_catalog_get_cue          (BbPhase      phase);
const char       *bb_catalog_gettext          (const char  *msgid);

G_END_DECLS
