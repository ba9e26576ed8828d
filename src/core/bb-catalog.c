/* bb-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-catalog.h"
#include "bb-session.h"

/*
 * What the app can guide: body positions, from the most supported to the
 * least, and presets built on them. Ids are stable: history rows and the
 * command line use them. Names and texts are marked for translation here
 * and translated when read.
 */

static const BbPosition positions[] = {
  { "childs-pose", N_("Child’s pose"),
    N_("Knees wide, big toes together, fold forward and rest your forehead down.") },
  { "hands-knees", N_("Hands and knees"),
    N_("Hands under shoulders, knees under hips, upper back gently rounded.") },
  { "face-down", N_("Lying face down"),
    N_("Rest your forehead on your stacked hands; the floor keeps the belly quiet.") },
  { "seated", N_("Seated"),
    N_("Feet flat, sit tall, let the upper back stay soft.") },
  { "standing", N_("Standing"),
    N_("Ears over shoulders over hips; shoulders relaxed, not pulled back.") },
};

static const BbPreset presets[] = {
  { "desk-break", N_("Desk break"),
    N_("Two calm minutes in your chair"),
    "seated", { 4000, 0, 6000, 0 }, 12 },
  { "first-breaths", N_("First breaths"),
    N_("Eight slow breaths where the back is easiest to feel"),
    "childs-pose", { 4000, 0, 6000, 0 }, 8 },
  { "daily", N_("Daily practice"),
    N_("Five minutes lying face down"),
    "face-down", { 4000, 0, 6000, 0 }, 30 },
  { "standing-reset", N_("Standing reset"),
    N_("One minute on your feet"),
    "standing", { 4000, 0, 6000, 0 }, 6 },
  { "steady-holds", N_("Breath with pauses"),
    N_("Three minutes seated, with a short hold when full"),
    "seated", { 4000, 2000, 6000, 0 }, 15 },
};

/**
 * bb_preset_get_n_breaths:
 *
 * Returns: how many breaths a session of @preset has: its count, or as
 *   many whole breaths as fit in its length
 */
guint
bb_preset_get_n_breaths (const BbPreset *preset)
{
  g_return_val_if_fail (preset != NULL, 1);

  if (preset->duration_s == 0)
    return preset->n_breaths;

  return bb_session_breaths_for_duration (&preset->pattern, preset->duration_s);
}

const char *
bb_catalog_gettext (const char *msgid)
{
  g_return_val_if_fail (msgid != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

/**
 * bb_catalog_get_positions:
 * @n_positions: (out): the number of positions
 *
 * Returns: (array length=n_positions): the positions, most supported first
 */
const BbPosition *
bb_catalog_get_positions (guint *n_positions)
{
  g_return_val_if_fail (n_positions != NULL, NULL);

  *n_positions = G_N_ELEMENTS (positions);

  return positions;
}

/**
 * bb_catalog_lookup_position:
 *
 * Returns: (nullable): the position with @id
 */
const BbPosition *
bb_catalog_lookup_position (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      if (g_str_equal (positions[i].id, id))
        return &positions[i];
    }

  return NULL;
}

/**
 * bb_catalog_get_presets:
 * @n_presets: (out): the number of presets
 *
 * Returns: (array length=n_presets): the presets, the default first
 */
const BbPreset *
bb_catalog_get_presets (guint *n_presets)
{
  g_return_val_if_fail (n_presets != NULL, NULL);

  *n_presets = G_N_ELEMENTS (presets);

  return presets;
}

/**
 * bb_catalog_lookup_preset:
 *
 * Returns: (nullable): the preset with @id
 */
const BbPreset *
bb_catalog_lookup_preset (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      if (g_str_equal (presets[i].id, id))
        return &presets[i];
    }

  return NULL;
}

/**
 * bb_catalog_dup_preset_ids:
 *
 * Returns: (transfer full): the preset ids as "a, b, c", for messages
 */
char *
bb_catalog_dup_preset_ids (void)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, presets[i].id);
    }

  return g_string_free (str, FALSE);
}

/**
 * bb_catalog_get_phase_name:
 *
 * Returns: the translated name of @phase, short enough for a title
 */
const char *
bb_catalog_get_phase_name (BbPhase phase)
{
  switch (phase)
    {
    case BB_PHASE_INHALE:
      return _("Breathe in");
    case BB_PHASE_HOLD_IN:
      return _("Hold");
    case BB_PHASE_EXHALE:
      return _("Breathe out");
    case BB_PHASE_HOLD_OUT:
      return _("Rest");
    case BB_PHASE_NONE:
    default:
      return "";
    }
}

/**
 * bb_catalog_get_cue:
 *
 * Returns: the translated cue shown during @phase
 */
const char *
bb_catalog_get_cue (BbPhase phase)
{
  switch (phase)
    {
    case BB_PHASE_INHALE:
      return _("Let your back and sides widen; shoulders stay low");
    case BB_PHASE_HOLD_IN:
      return _("Stay wide and easy, no squeezing");
    case BB_PHASE_EXHALE:
      return _("Let the ribs soften back in, slowly");
    case BB_PHASE_HOLD_OUT:
      return _("Pause softly before the next breath");
    case BB_PHASE_NONE:
    default:
      return "";
    }
}
