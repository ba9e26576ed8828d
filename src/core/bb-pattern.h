/* bb-pattern.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * BbPhase:
 * @BB_PHASE_NONE: no breath under way (before start, after the end)
 * @BB_PHASE_INHALE: breathing in, widening the back ribs
 * @BB_PHASE_HOLD_IN: holding with the lungs full
 * @BB_PHASE_EXHALE: breathing out, the ribs softening
 * @BB_PHASE_HOLD_OUT: resting with the lungs empty
 */
typedef enum
{
  BB_PHASE_NONE,
  BB_PHASE_INHALE,
  BB_PHASE_HOLD_IN,
  BB_PHASE_EXHALE,
  BB_PHASE_HOLD_OUT,
} BbPhase;

#define BB_PATTERN_ERROR (bb_pattern_error_quark ())

typedef enum
{
  BB_PATTERN_ERROR_INHALE,
  BB_PATTERN_ERROR_HOLD_IN,
  BB_PATTERN_ERROR_EXHALE,
  BB_PATTERN_ERROR_HOLD_OUT,
} BbPatternError;

#define BB_PATTERN_BREATH_MIN_MS 1000
#define BB_PATTERN_BREATH_MAX_MS 30000
#define BB_PATTERN_HOLD_MAX_MS   30000

#define BB_TYPE_PATTERN (bb_pattern_get_type ())

/**
 * BbPattern:
 * @inhale_ms: length of the in-breath, 1–30 s
 * @hold_in_ms: hold after the in-breath, 0–30 s
 * @exhale_ms: length of the out-breath, 1–30 s
 * @hold_out_ms: rest after the out-breath, 0–30 s
 *
 * A breath pattern: a plain value, copied freely.
 */
typedef struct
{
  guint inhale_ms;
  guint hold_in_ms;
  guint exhale_ms;
  guint hold_out_ms;
} BbPattern;

GType       bb_pattern_get_type         (void) G_GNUC_CONST;
GQuark      bb_pattern_error_quark      (void);

BbPattern  *bb_pattern_new              (guint            inhale_ms,
                                         guint            hold_in_ms,
                                         guint            exhale_ms,
                                         guint            hold_out_ms);
BbPattern  *bb_pattern_copy             (const BbPattern *self);
void        bb_pattern_free             (BbPattern       *self);
gboolean    bb_pattern_validate         (const BbPattern *self,
                                         GError         **error);
gboolean    bb_pattern_equal            (const BbPattern *a,
                                         const BbPattern *b);
guint       bb_pattern_get_phase_ms     (const BbPattern *self,
                                         BbPhase          phase);
guint       bb_pattern_get_cycle_ms     (const BbPattern *self);
BbPhase     bb_pattern_next_phase       (const BbPattern *self,
                                         BbPhase          phase);
char       *bb_pattern_to_string        (const BbPattern *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbPattern, bb_pattern_free)

G_END_DECLS
