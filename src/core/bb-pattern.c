/* bb-pattern.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-pattern.h"

G_DEFINE_BOXED_TYPE (BbPattern, bb_pattern, bb_pattern_copy, bb_pattern_free)
G_DEFINE_QUARK (bb-pattern-error-quark, bb_pattern_error)

BbPattern *
bb_pattern_new (guint inhale_ms,
                guint hold_in_ms,
                guint exhale_ms,
                guint hold_out_ms)
{
  BbPattern *self = g_new0 (BbPattern, 1);

  self->inhale_ms = inhale_ms;
  self->hold_in_ms = hold_in_ms;
  self->exhale_ms = exhale_ms;
  self->hold_out_ms = hold_out_ms;

  return self;
}

BbPattern *
bb_pattern_copy (const BbPattern *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

void
bb_pattern_free (BbPattern *self)
{
  g_free (self);
}

static gboolean
check_range (guint        value_ms,
             guint        min_ms,
             guint        max_ms,
             BbPatternError code,
             const char  *what,
             GError     **error)
{
  if (value_ms >= min_ms && value_ms <= max_ms)
    return TRUE;

  /* Whole seconds read best; show milliseconds only when they matter. */
  if (value_ms % 1000 == 0)
    g_set_error (error, BB_PATTERN_ERROR, code,
                 /* Translators: %s is "The in-breath", "The hold after breathing in", ... */
                 _("%s is %u s; it must be between %u and %u seconds."),
                 what, value_ms / 1000, min_ms / 1000, max_ms / 1000);
  else
    g_set_error (error, BB_PATTERN_ERROR, code,
                 _("%s is %.3f s; it must be between %u and %u seconds."),
                 what, value_ms / 1000.0, min_ms / 1000, max_ms / 1000);

  return FALSE;
}

/**
 * bb_pattern_validate:
 *
 * Checks that the in- and out-breath last 1–30 s and each hold 0–30 s.
 * The first bad value is reported in @error with a message for the user.
 */
gboolean
bb_pattern_validate (const BbPattern  *self,
                     GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_range (self->inhale_ms, BB_PATTERN_BREATH_MIN_MS, BB_PATTERN_BREATH_MAX_MS,
                      BB_PATTERN_ERROR_INHALE, _("The in-breath"), error) &&
         check_range (self->hold_in_ms, 0, BB_PATTERN_HOLD_MAX_MS,
                      BB_PATTERN_ERROR_HOLD_IN, _("The hold after breathing in"), error) &&
         check_range (self->exhale_ms, BB_PATTERN_BREATH_MIN_MS, BB_PATTERN_BREATH_MAX_MS,
                      BB_PATTERN_ERROR_EXHALE, _("The out-breath"), error) &&
         check_range (self->hold_out_ms, 0, BB_PATTERN_HOLD_MAX_MS,
                      BB_PATTERN_ERROR_HOLD_OUT, _("The rest after breathing out"), error);
}

gboolean
bb_pattern_equal (const BbPattern *a,
                  const BbPattern *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->inhale_ms == b->inhale_ms &&
         a->hold_in_ms == b->hold_in_ms &&
         a->exhale_ms == b->exhale_ms &&
         a->hold_out_ms == b->hold_out_ms;
}

guint
bb_pattern_get_phase_ms (const BbPattern *self,
                         BbPhase          phase)
{
  g_return_val_if_fail (self != NULL, 0);

  switch (phase)
    {
    case BB_PHASE_INHALE:
      return self->inhale_ms;
    case BB_PHASE_HOLD_IN:
      return self->hold_in_ms;
    case BB_PHASE_EXHALE:
      return self->exhale_ms;
    case BB_PHASE_HOLD_OUT:
      return self->hold_out_ms;
    case BB_PHASE_NONE:
    default:
      return 0;
    }
}

/**
 * bb_pattern_get_cycle_ms:
 *
 * Returns: the length of one whole breath, holds included
 */
guint
bb_pattern_get_cycle_ms (const BbPattern *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->inhale_ms + self->hold_in_ms + self->exhale_ms + self->hold_out_ms;
}

/**
 * bb_pattern_next_phase:
 *
 * Returns: the phase after @phase within a breath, skipping holds of zero
 *   length, or %BB_PHASE_NONE after the last phase of the breath
 */
BbPhase
bb_pattern_next_phase (const BbPattern *self,
                       BbPhase          phase)
{
  g_return_val_if_fail (self != NULL, BB_PHASE_NONE);

  for (BbPhase next = phase + 1; next <= BB_PHASE_HOLD_OUT; next++)
    {
      if (bb_pattern_get_phase_ms (self, next) > 0)
        return next;
    }

  return BB_PHASE_NONE;
}

/**
 * bb_pattern_to_string:
 *
 * Returns: (transfer full): a short label such as "4 s in · 6 s out"
 */
char *
bb_pattern_to_string (const BbPattern *self)
{
  GString *str;

  g_return_val_if_fail (self != NULL, NULL);

  str = g_string_new (NULL);

  /* Translators: a breath pattern part, "%g s in" is "4 s in" */
  g_string_append_printf (str, _("%g s in"), self->inhale_ms / 1000.0);
  if (self->hold_in_ms > 0)
    {
      g_string_append (str, " · ");
      g_string_append_printf (str, _("%g s hold"), self->hold_in_ms / 1000.0);
    }
  g_string_append (str, " · ");
  g_string_append_printf (str, _("%g s out"), self->exhale_ms / 1000.0);
  if (self->hold_out_ms > 0)
    {
      g_string_append (str, " · ");
      g_string_append_printf (str, _("%g s rest"), self->hold_out_ms / 1000.0);
    }

  return g_string_free (str, FALSE);
}
