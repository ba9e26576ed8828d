/* bb-guidance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-catalog.h"
#include "bb-guidance.h"

/*
 * What the check-ins lead to: a troubleshooting tip before the next
 * session, and where the user stands on the way from supported positions
 * to breathing this way in movement. Pure rules over the answers, so the
 * window, the tests and any other reader agree.
 */

/* Tips for a back not felt yet, tried one after another while it stays
 * so. */
static const BbTip not_yet_tips[] = {
  BB_TIP_HANDS_ON_BACK,
  BB_TIP_OTHER_POSITION,
  BB_TIP_TOWEL,
  BB_TIP_HAND_ON_BELLY,
  BB_TIP_BREATHE_OUT_FIRST,
};

/**
 * bb_guidance_choose_tip:
 * @recent: (array length=n_recent): the latest check-ins, newest first
 *
 * Chooses the tip to show before the next session. A back not felt yet
 * in the newest check-in leads to the next of the not-yet tips, one more
 * for every such session in a row, so a tip that did not help gives way
 * to another. Tension that rose during the newest session leads to the
 * tip about the shoulders. Otherwise there is nothing to fix.
 *
 * Returns: the tip
 */
BbTip
bb_guidance_choose_tip (const BbCheckinRecord *recent,
                        guint                  n_recent)
{
  const BbCheckin *newest;
  guint n_not_yet = 0;

  g_return_val_if_fail (recent != NULL || n_recent == 0, BB_TIP_NONE);

  if (n_recent == 0)
    return BB_TIP_NONE;

  newest = &recent[0].checkin;

  while (n_not_yet < n_recent && recent[n_not_yet].checkin.back_felt == BB_BACK_FELT_NOT_YET)
    n_not_yet++;

  if (n_not_yet > 0)
    return not_yet_tips[(n_not_yet - 1) % G_N_ELEMENTS (not_yet_tips)];

  if (newest->tension_before != 0 && newest->tension_after != 0 &&
      newest->tension_after > newest->tension_before)
    return BB_TIP_SHOULDERS;

  return BB_TIP_NONE;
}

/**
 * bb_guidance_get_tip_title:
 *
 * Returns: the translated heading of @tip, or "" for %BB_TIP_NONE
 */
const char *
bb_guidance_get_tip_title (BbTip tip)
{
  switch (tip)
    {
    case BB_TIP_HANDS_ON_BACK:
      return _("Let your hands listen");
    case BB_TIP_OTHER_POSITION:
      return _("Try another position");
    case BB_TIP_TOWEL:
      return _("A towel under the chest");
    case BB_TIP_HAND_ON_BELLY:
      return _("One hand on the belly");
    case BB_TIP_BREATHE_OUT_FIRST:
      return _("Empty out first");
    case BB_TIP_SHOULDERS:
      return _("Shoulders low, neck easy");
    case BB_TIP_NONE:
    default:
      return "";
    }
}

/* A more supported position to try instead of @position_id. */
static const char *
other_position (const char *position_id)
{
  if (g_strcmp0 (position_id, "face-down") == 0)
    return "hands-knees";

  return "face-down";
}

/**
 * bb_guidance_dup_tip_text:
 * @position_id: (nullable): the position of the newest session
 *
 * Returns: (transfer full): the translated tip, or "" for %BB_TIP_NONE
 */
char *
bb_guidance_dup_tip_text (BbTip       tip,
                          const char *position_id)
{
  const BbPosition *position;

  switch (tip)
    {
    case BB_TIP_HANDS_ON_BACK:
      return g_strdup (_("Place the backs of your hands on your lower back ribs, or have someone rest their hands there. Breathe into the hands and feel them move apart."));

    case BB_TIP_OTHER_POSITION:
      position = bb_catalog_lookup_position (other_position (position_id));
      /* Translators: %s is a position, as “Lying face down” */
      return g_strdup_printf (_("The back is easier to feel with more support. This time, try “%s”: the floor keeps the belly still, so the breath goes to the back."),
                              bb_catalog_gettext (position->name));

    case BB_TIP_TOWEL:
      return g_strdup (_("Lie face down with a rolled towel across your chest, just under the collarbones. It gives the upper back something to breathe against."));

    case BB_TIP_HAND_ON_BELLY:
      return g_strdup (_("Rest one hand on your belly and one on your back. Let the front hand stay quiet while the back one rises."));

    case BB_TIP_BREATHE_OUT_FIRST:
      return g_strdup (_("Before the first breath, let all the air out, slowly and without forcing. The next in-breath then fills you from the bottom up, and the back can widen."));

    case BB_TIP_SHOULDERS:
      return g_strdup (_("If your neck tightened, let your shoulders slide away from your ears before each in-breath, and think of the collarbones widening. A mirror helps you see them stay level."));

    case BB_TIP_NONE:
    default:
      return g_strdup ("");
    }
}

/**
 * bb_guidance_get_position_stage:
 * @position_id: (nullable): a position id
 *
 * Returns: the stage @position_id belongs to; an unknown one counts as
 *   supported
 */
BbStage
bb_guidance_get_position_stage (const char *position_id)
{
  if (g_strcmp0 (position_id, "seated") == 0)
    return BB_STAGE_SEATED;
  if (g_strcmp0 (position_id, "standing") == 0)
    return BB_STAGE_STANDING;

  return BB_STAGE_SUPPORTED;
}

/**
 * bb_guidance_get_progress:
 * @felt_days: (element-type utf8 guint): position id to the separate days
 *   the back was clearly felt in it, as bb_history_dup_felt_days() gives
 * @progress: (out): where the user stands
 *
 * A position that has gone well on %BB_PROGRESS_DAYS separate days opens
 * the stage after its own: supported positions, then seated, then
 * standing, then in movement. The user stands at the furthest stage
 * opened; a user who does well seated without lying down first is not
 * sent back to the floor.
 */
void
bb_guidance_get_progress (GHashTable *felt_days,
                          BbProgress *progress)
{
  const BbPosition *positions;
  guint n_positions;

  g_return_if_fail (felt_days != NULL);
  g_return_if_fail (progress != NULL);

  *progress = (BbProgress) { BB_STAGE_SUPPORTED, 0, NULL };

  positions = bb_catalog_get_positions (&n_positions);

  for (guint i = 0; i < n_positions; i++)
    {
      guint days = GPOINTER_TO_UINT (g_hash_table_lookup (felt_days, positions[i].id));
      BbStage stage = bb_guidance_get_position_stage (positions[i].id);

      if (days >= BB_PROGRESS_DAYS && stage + 1 > progress->stage)
        progress->stage = stage + 1;
    }

  for (guint i = 0; i < n_positions; i++)
    {
      guint days = GPOINTER_TO_UINT (g_hash_table_lookup (felt_days, positions[i].id));

      if (bb_guidance_get_position_stage (positions[i].id) == progress->stage &&
          days > progress->days)
        {
          progress->days = MIN (days, BB_PROGRESS_DAYS);
          progress->best_position_id = positions[i].id;
        }
    }
}

/**
 * bb_guidance_get_stage_name:
 *
 * Returns: the translated name of @stage
 */
const char *
bb_guidance_get_stage_name (BbStage stage)
{
  switch (stage)
    {
    case BB_STAGE_SUPPORTED:
      return _("Supported positions");
    case BB_STAGE_SEATED:
      return _("Seated");
    case BB_STAGE_STANDING:
      return _("Standing");
    case BB_STAGE_MOVING:
    default:
      return _("In movement");
    }
}

/**
 * bb_guidance_get_stage_advice:
 *
 * Returns: a translated line on practising at @stage
 */
const char *
bb_guidance_get_stage_advice (BbStage stage)
{
  switch (stage)
    {
    case BB_STAGE_SUPPORTED:
      return _("Kneeling or lying down, the floor helps you feel the back move.");
    case BB_STAGE_SEATED:
      return _("Now bring it to your chair: sit tall and let the back ribs do the moving.");
    case BB_STAGE_STANDING:
      return _("On your feet, with nothing to lean on: ears over shoulders over hips over ankles.");
    case BB_STAGE_MOVING:
    default:
      return _("Take the breath with you: into warm-ups, between strength sets, and into yoga poses such as pyramid, cobra, bow or dolphin.");
    }
}

/**
 * bb_guidance_get_next_position:
 *
 * Returns: (nullable): the position that opens the stage after @stage, or
 *   %NULL when the next step is movement or there is none
 */
const char *
bb_guidance_get_next_position (BbStage stage)
{
  switch (stage)
    {
    case BB_STAGE_SUPPORTED:
      return "seated";
    case BB_STAGE_SEATED:
      return "standing";
    case BB_STAGE_STANDING:
    case BB_STAGE_MOVING:
    default:
      return NULL;
    }
}
