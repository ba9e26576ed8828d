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
    N_("Knees wide, big toes together, fold forward and rest your forehead down."),
    { N_("Kneel with your knees apart and your big toes touching."),
      N_("Fold forward between your thighs, arms long in front of you or beside your legs."),
      N_("Rest your forehead on the floor, a cushion or a block."),
      NULL },
    N_("Rest the backs of your hands on your lower back ribs, or ask someone to lay a hand between your shoulder blades."),
    N_("The back of the rib cage rises toward the ceiling and spreads out to the sides."),
    N_("Folded forward, the belly has little room and the back is already rounded, so the breath finds the back by itself."),
    N_("Hands on your lower back ribs: feel them rise") },
  { "hands-knees", N_("Hands and knees"),
    N_("Hands under shoulders, knees under hips, upper back gently rounded."),
    { N_("Come onto your hands and knees: hands under your shoulders, knees under your hips."),
      N_("Spread your fingers and press the floor softly away."),
      N_("Let the upper back round a little, like a calm cat."),
      N_("Keep the neck long and look at the floor."),
      NULL },
    N_("Your hands are busy here: notice your shirt stretch across the back, or ask someone to rest their hands just below your shoulder blades."),
    N_("The space between the shoulder blades widens and lifts a little."),
    N_("The arms carry the upper body, so the ribs can move freely while the shoulders stay out of it."),
    N_("Feel your shirt stretch across your back") },
  { "face-down", N_("Lying face down"),
    N_("Rest your forehead on your stacked hands; the floor keeps the belly quiet."),
    { N_("Lie on your front and stack your hands under your forehead."),
      N_("Let the legs go heavy, toes pointing back."),
      N_("If you like, slide a rolled towel under your chest."),
      NULL },
    N_("Keep your hands under your forehead; someone can rest their palms on your back, just below the shoulder blades."),
    N_("The belly meets the floor and stays there, while the back and sides rise and widen."),
    N_("The floor holds the belly still, so the breath goes to the back and the sides instead."),
    N_("A partner’s hands below your shoulder blades help you feel it") },
  { "seated", N_("Seated"),
    N_("Feet flat, sit tall, let the upper back stay soft."),
    { N_("Sit near the front of your chair, both feet flat on the floor."),
      N_("Let your weight rest on your sit bones and grow tall through the top of your head."),
      N_("Keep the upper back soft and the shoulders easy."),
      NULL },
    N_("Give yourself a loose hug: fingertips on the back of your ribs, as far around as they reach."),
    N_("Your fingertips move apart a little as the back and sides of the ribs widen."),
    N_("It fits into any desk break and eases the rounded shape that long screen work leaves."),
    N_("Hug yourself lightly: fingertips on your back ribs") },
  { "standing", N_("Standing"),
    N_("Ears over shoulders over hips; shoulders relaxed, not pulled back."),
    { N_("Stand with your feet hip-width apart, weight even on both."),
      N_("Stack ears over shoulders, shoulders over hips, hips over ankles."),
      N_("Let the arms hang and the shoulders drop without pulling them back."),
      NULL },
    N_("Put your hands on your sides, thumbs toward the back, fingers around the lower ribs."),
    N_("Your hands are pushed outward and the thumbs feel the back ribs fill."),
    N_("With nothing to lean on, it takes the most attention, and it goes wherever you go: a queue, a pause between sets."),
    N_("Hands on your sides, thumbs on the back ribs") },
};

/* The listed presets come first, the default at their head; the hidden
 * ones only keep old ids working and come after all listed ones. */
static const BbPreset presets[] = {
  { "desk-break", N_("Desk break"),
    N_("Two calm minutes in your chair"),
    "seated", { 4000, 0, 6000, 0 }, 12, 120 },
  { "first-breaths", N_("First breaths"),
    N_("Six slow breaths where the back is easiest to feel"),
    "childs-pose", { 4000, 0, 6000, 0 }, 6 },
  { "daily", N_("Daily practice"),
    N_("Five or ten minutes, in the position you choose"),
    "face-down", { 4000, 0, 6000, 0 }, 30, 300 },
  { "between-sets", N_("Between sets"),
    N_("Five breaths on your feet while you recover"),
    "standing", { 4000, 0, 6000, 0 }, 5 },
  { "wind-down", N_("Wind down"),
    N_("A long, slow out-breath to let the day go"),
    "face-down", { 4000, 0, 8000, 0 }, 20, 240 },
  { "back-body", N_("Back-body awareness"),
    N_("Seated yoga: soften the back as you breathe in, lengthen as you breathe out"),
    "seated", { 4000, 0, 6000, 0 }, 18, 180, "back-body",
    N_("Stand up for a moment: ears over shoulders, shoulders over hips, hips over ankles. Keep the space the breath made.") },
  { "standing-reset", N_("Standing reset"),
    N_("One minute on your feet"),
    "standing", { 4000, 0, 6000, 0 }, 6, .hidden = TRUE },
  { "steady-holds", N_("Breath with pauses"),
    N_("Three minutes seated, with a short hold when full"),
    "seated", { 4000, 2000, 6000, 0 }, 15, .hidden = TRUE },
};

/*
 * Cues rotate through four per phase, so none comes back within three
 * breaths. A few breaths are special: the first in-breath says where to
 * put the hands, every fourth in-breath reminds the shoulders to stay
 * down and the last out-breath brings the session to a calm close. Each
 * special cue is distinct from the rotating ones and comes at most once
 * in any four breaths, so it cannot make a cue repeat either.
 */

#define N_ROTATING   4
#define SHRUG_EVERY  4

typedef struct
{
  const char *id;               /* a position's id or a cue set's */
  const char *palpation_from;   /* the position whose hands are shown */
  const char *inhale[N_ROTATING];
  const char *exhale[N_ROTATING];
} CueSet;

static const CueSet cue_sets[] = {
  { "childs-pose", "childs-pose",
    { N_("Let the breath lift your back toward the ceiling"),
      N_("Feel the back ribs spread under your hands"),
      N_("Breathe into the rounded back, wide and slow"),
      N_("Let the sides of your ribs widen against your thighs") },
    { N_("Let the back sink softly down again"),
      N_("Breathe out slowly; the forehead grows heavy"),
      N_("Let the ribs settle back, no pushing"),
      N_("Empty gently and let the fold deepen a little") } },
  { "hands-knees", "hands-knees",
    { N_("Widen the space between your shoulder blades"),
      N_("Let the breath round the upper back a touch"),
      N_("Fill the back and sides; the belly stays easy"),
      N_("Breathe wide into the back, hands pressing softly") },
    { N_("Let the ribs come softly back in"),
      N_("Breathe out slowly, neck long"),
      N_("Let the back settle without sagging"),
      N_("Empty all the way, gently") } },
  { "face-down", "face-down",
    { N_("Let your back rise toward the ceiling"),
      N_("The floor holds the belly; breathe into the back"),
      N_("Feel the sides widen along the floor"),
      N_("Slowly fill the back, from the bottom up") },
    { N_("Let the back sink slowly down"),
      N_("Breathe out and grow heavy on the floor"),
      N_("Let the ribs settle, soft and slow"),
      N_("Empty gently, without forcing") } },
  { "seated", "seated",
    { N_("Let your back and sides widen"),
      N_("Breathe into your fingertips on the back ribs"),
      N_("Imagine an accordion opening to the back and sides"),
      N_("Sit tall and let the back ribs fill") },
    { N_("Let the ribs soften back in, slowly"),
      N_("Breathe out gently, staying tall"),
      N_("Let the air go without slumping"),
      N_("Empty fully, easy and slow") } },
  { "standing", "standing",
    { N_("Let your hands be pushed out by the ribs"),
      N_("Breathe wide into the back, standing tall"),
      N_("Fill the back and sides; the belly stays soft"),
      N_("Let the back ribs swell behind your thumbs") },
    { N_("Let the ribs ease back in, stay stacked"),
      N_("Breathe out slowly, feet heavy"),
      N_("Let it go, head still over the shoulders"),
      N_("Empty gently, standing easy") } },
  { "back-body", "seated",
    { N_("Soften the upper back and let it round a little"),
      N_("Let the breath move the back of the rib cage"),
      N_("Round gently between the shoulder blades as you fill"),
      N_("Breathe into the back of the heart; only a few millimetres") },
    { N_("Lengthen the spine and keep the space"),
      N_("Let the shoulders settle down, the back stays wide"),
      N_("Grow tall through the top of your head as the air leaves"),
      N_("Let the breath go; the back stays long and easy") } },
};

/* Holds are rare and short; every set shares these. */
static const char *hold_in_cues[N_ROTATING] = {
  N_("Stay wide and easy, no squeezing"),
  N_("Rest at the top, throat soft"),
  N_("Keep the width; shoulders stay down"),
  N_("Hold lightly; nothing is forced"),
};

static const char *hold_out_cues[N_ROTATING] = {
  N_("Pause softly before the next breath"),
  N_("Rest, empty and easy"),
  N_("Let the ribs rest where they are"),
  N_("Wait for the next breath to come by itself"),
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

/* The listed presets, before the hidden ones. */
static guint
n_listed_presets (void)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (presets) && !presets[n].hidden)
    n++;

  return n;
}

/**
 * bb_catalog_get_presets:
 * @n_presets: (out): the number of presets
 *
 * The hidden presets, kept for old ids, are not among them.
 *
 * Returns: (array length=n_presets): the presets to list, the default first
 */
const BbPreset *
bb_catalog_get_presets (guint *n_presets)
{
  g_return_val_if_fail (n_presets != NULL, NULL);

  *n_presets = n_listed_presets ();

  return presets;
}

/**
 * bb_catalog_get_all_presets:
 * @n_presets: (out): the number of presets
 *
 * Returns: (array length=n_presets): the listed presets, then the hidden
 *   ones
 */
const BbPreset *
bb_catalog_get_all_presets (guint *n_presets)
{
  g_return_val_if_fail (n_presets != NULL, NULL);

  *n_presets = G_N_ELEMENTS (presets);

  return presets;
}

/**
 * bb_catalog_lookup_preset:
 *
 * Hidden presets are found too: their ids stay valid.
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
 * Returns: (transfer full): the listed preset ids as "a, b, c", for
 *   messages
 */
char *
bb_catalog_dup_preset_ids (void)
{
  GString *str = g_string_new (NULL);
  guint n = n_listed_presets ();

  for (guint i = 0; i < n; i++)
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
      /* Translators: a phase of the breath, shown large during a
       * session: holding the breath in, softly, after breathing in */
      return _("Hold");
    case BB_PHASE_EXHALE:
      return _("Breathe out");
    case BB_PHASE_HOLD_OUT:
      /* Translators: a phase of the breath, shown large during a
       * session: resting empty after breathing out */
      return _("Rest");
    case BB_PHASE_NONE:
    default:
      return "";
    }
}

static const CueSet *
lookup_cue_set (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cue_sets); i++)
    {
      if (g_str_equal (cue_sets[i].id, id))
        return &cue_sets[i];
    }

  return NULL;
}

/**
 * bb_catalog_has_cue_set:
 *
 * Returns: whether @id names a set of cues: a position's or one of its own
 */
gboolean
bb_catalog_has_cue_set (const char *id)
{
  return lookup_cue_set (id) != NULL;
}

/**
 * bb_catalog_get_special_cue:
 *
 * Returns: the translated cue of @which
 */
const char *
bb_catalog_get_special_cue (BbSpecialCue which)
{
  switch (which)
    {
    case BB_SPECIAL_CUE_SETTLE:
      return _("Close your eyes if you like; a chime starts the first breath");
    case BB_SPECIAL_CUE_SHOULDERS:
      return _("Shoulders low and soft, far from your ears");
    case BB_SPECIAL_CUE_LAST_BREATH:
      return _("Last breath out: slow, easy, all the way");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * bb_catalog_get_cue_for:
 * @position_id: (nullable): the session's position
 * @cue_set: (nullable): cues of their own, instead of the position's
 * @phase: the phase, or %BB_PHASE_NONE for the settle countdown
 * @breath: the breath, from 1
 * @n_breaths: how many breaths the session has
 *
 * The cue to show during a phase. The same arguments always give the
 * same cue. An unknown cue set falls back to the position's cues, an
 * unknown position to the seated ones.
 *
 * Returns: the translated cue
 */
const char *
bb_catalog_get_cue_for (const char *position_id,
                        const char *cue_set,
                        BbPhase     phase,
                        guint       breath,
                        guint       n_breaths)
{
  const CueSet *set = lookup_cue_set (cue_set);
  guint turn;

  if (set == NULL)
    set = lookup_cue_set (position_id);
  if (set == NULL)
    set = lookup_cue_set ("seated");
  g_assert (set != NULL);

  breath = MAX (breath, 1);
  turn = (breath - 1) % N_ROTATING;

  switch (phase)
    {
    case BB_PHASE_INHALE:
      if (breath == 1)
        return bb_catalog_gettext (bb_catalog_lookup_position (set->palpation_from)->hands_cue);
      if (breath % SHRUG_EVERY == 0)
        return bb_catalog_get_special_cue (BB_SPECIAL_CUE_SHOULDERS);
      return bb_catalog_gettext (set->inhale[turn]);

    case BB_PHASE_HOLD_IN:
      return bb_catalog_gettext (hold_in_cues[turn]);

    case BB_PHASE_EXHALE:
      if (breath == n_breaths)
        return bb_catalog_get_special_cue (BB_SPECIAL_CUE_LAST_BREATH);
      return bb_catalog_gettext (set->exhale[turn]);

    case BB_PHASE_HOLD_OUT:
      return bb_catalog_gettext (hold_out_cues[turn]);

    case BB_PHASE_NONE:
    default:
      return bb_catalog_get_special_cue (BB_SPECIAL_CUE_SETTLE);
    }
}
