/* test-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bb-catalog.h"
#include "bb-session.h"

/* Cues stay short enough for two lines on a narrow window. */
#define MAX_CUE_CHARS 64

static gboolean
is_text (const char *text)
{
  return text != NULL && *text != '\0' && !g_ascii_isspace (text[strlen (text) - 1]);
}

/* Every cue source a session can have: each position on its own, and
 * each preset's own cue set in its position. */
typedef struct
{
  const char *position_id;
  const char *cue_set;
} Source;

static GArray *
cue_sources (void)
{
  GArray *sources = g_array_new (FALSE, FALSE, sizeof (Source));
  const BbPosition *positions;
  const BbPreset *presets;
  guint n_positions;
  guint n_presets;

  positions = bb_catalog_get_positions (&n_positions);
  for (guint i = 0; i < n_positions; i++)
    {
      Source source = { positions[i].id, NULL };

      g_array_append_val (sources, source);
    }

  presets = bb_catalog_get_all_presets (&n_presets);
  for (guint i = 0; i < n_presets; i++)
    {
      Source source = { presets[i].position_id, presets[i].cue_set };

      if (presets[i].cue_set != NULL)
        g_array_append_val (sources, source);
    }

  return sources;
}

static void
test_positions (void)
{
  const BbPosition *positions;
  guint n_positions;
  static const char *stable[] = { "childs-pose", "hands-knees", "face-down", "seated", "standing" };
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  positions = bb_catalog_get_positions (&n_positions);
  g_assert_cmpuint (n_positions, ==, G_N_ELEMENTS (stable));

  for (guint i = 0; i < n_positions; i++)
    {
      const BbPosition *position = &positions[i];
      guint n_steps = 0;

      /* In order, from the most supported to the least. */
      g_assert_cmpstr (position->id, ==, stable[i]);
      g_assert_true (g_hash_table_add (ids, (gpointer) position->id));
      g_assert_true (bb_catalog_lookup_position (position->id) == position);

      g_assert_true (is_text (position->name));
      g_assert_true (is_text (position->how));
      g_assert_true (is_text (position->hands));
      g_assert_true (is_text (position->feel));
      g_assert_true (is_text (position->why));
      g_assert_true (is_text (position->hands_cue));
      g_assert_cmpuint (g_utf8_strlen (position->hands_cue, -1), <=, MAX_CUE_CHARS);

      while (position->steps[n_steps] != NULL)
        {
          g_assert_true (is_text (position->steps[n_steps]));
          n_steps++;
        }
      g_assert_cmpuint (n_steps, >=, 2);
      g_assert_cmpuint (n_steps, <=, BB_POSITION_MAX_STEPS);
    }

  g_assert_null (bb_catalog_lookup_position ("upside-down"));
  g_assert_null (bb_catalog_lookup_position (NULL));
}

static void
test_presets (void)
{
  const BbPreset *listed;
  const BbPreset *all;
  guint n_listed;
  guint n_all;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *id_list = NULL;
  /* Stored in history rows and settings, and typed after --start. */
  static const char *stable[] = {
    "desk-break", "first-breaths", "daily", "standing-reset", "steady-holds",
    "between-sets", "wind-down", "back-body",
  };

  listed = bb_catalog_get_presets (&n_listed);
  all = bb_catalog_get_all_presets (&n_all);
  g_assert_true (listed == all);
  g_assert_cmpuint (n_listed, >=, 6);
  g_assert_cmpuint (n_listed, <, n_all);
  /* The default of the settings comes first. */
  g_assert_cmpstr (listed[0].id, ==, "desk-break");

  for (guint i = 0; i < n_all; i++)
    {
      const BbPreset *preset = &all[i];
      g_autoptr(GError) error = NULL;

      g_assert_true (g_hash_table_add (ids, (gpointer) preset->id));
      g_assert_true (bb_catalog_lookup_preset (preset->id) == preset);
      /* Listed ones, then hidden ones. */
      g_assert_cmpint (preset->hidden, ==, i >= n_listed);

      g_assert_true (is_text (preset->name));
      g_assert_true (is_text (preset->summary));
      g_assert_nonnull (bb_catalog_lookup_position (preset->position_id));
      g_assert_true (bb_pattern_validate (&preset->pattern, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (bb_preset_get_n_breaths (preset), >=, 1);
      g_assert_cmpuint (bb_preset_get_n_breaths (preset), <=, BB_SESSION_MAX_BREATHS);
      if (preset->cue_set != NULL)
        g_assert_true (bb_catalog_has_cue_set (preset->cue_set));
      if (preset->closing != NULL)
        g_assert_true (is_text (preset->closing));
    }

  for (guint i = 0; i < G_N_ELEMENTS (stable); i++)
    g_assert_nonnull (bb_catalog_lookup_preset (stable[i]));
  g_assert_null (bb_catalog_lookup_preset ("no-such-preset"));
  g_assert_null (bb_catalog_lookup_preset (NULL));

  /* Messages name the listed ones only. */
  id_list = bb_catalog_dup_preset_ids ();
  g_assert_nonnull (strstr (id_list, "desk-break, first-breaths"));
  g_assert_null (strstr (id_list, "steady-holds"));
}

/* What the issue asks of each preset. */
static void
test_preset_content (void)
{
  const BbPreset *preset;

  preset = bb_catalog_lookup_preset ("first-breaths");
  g_assert_cmpstr (preset->position_id, ==, "childs-pose");
  g_assert_cmpuint (bb_preset_get_n_breaths (preset), ==, 6);

  preset = bb_catalog_lookup_preset ("desk-break");
  g_assert_cmpstr (preset->position_id, ==, "seated");
  g_assert_cmpuint (preset->duration_s, ==, 120);

  preset = bb_catalog_lookup_preset ("daily");
  g_assert_cmpuint (preset->duration_s, ==, 300);

  preset = bb_catalog_lookup_preset ("between-sets");
  g_assert_cmpstr (preset->position_id, ==, "standing");
  g_assert_cmpuint (bb_preset_get_n_breaths (preset), ==, 5);

  preset = bb_catalog_lookup_preset ("wind-down");
  g_assert_cmpstr (preset->position_id, ==, "face-down");
  g_assert_cmpuint (preset->pattern.exhale_ms, >, preset->pattern.inhale_ms);

  preset = bb_catalog_lookup_preset ("back-body");
  g_assert_cmpstr (preset->position_id, ==, "seated");
  g_assert_cmpstr (preset->cue_set, ==, "back-body");
  g_assert_true (is_text (preset->closing));

  g_assert_true (bb_catalog_lookup_preset ("standing-reset")->hidden);
  g_assert_true (bb_catalog_lookup_preset ("steady-holds")->hidden);
}

static void
test_cue_sets (void)
{
  g_autoptr(GArray) sources = cue_sources ();

  g_assert_true (bb_catalog_has_cue_set ("back-body"));
  g_assert_true (bb_catalog_has_cue_set ("seated"));
  g_assert_false (bb_catalog_has_cue_set ("no-such-set"));
  g_assert_false (bb_catalog_has_cue_set (NULL));

  /* Every source has cues of its own for every phase: at least four
   * different ones, each short and not empty. */
  for (guint i = 0; i < sources->len; i++)
    {
      Source *source = &g_array_index (sources, Source, i);

      for (BbPhase phase = BB_PHASE_INHALE; phase <= BB_PHASE_HOLD_OUT; phase++)
        {
          g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

          for (guint breath = 1; breath <= 40; breath++)
            {
              const char *cue = bb_catalog_get_cue_for (source->position_id, source->cue_set,
                                                        phase, breath, 40);

              g_assert_true (is_text (cue));
              g_assert_cmpuint (g_utf8_strlen (cue, -1), <=, MAX_CUE_CHARS);
              g_hash_table_add (seen, (gpointer) cue);
            }
          g_assert_cmpuint (g_hash_table_size (seen), >=, 4);
        }
    }

  /* A cue set of its own is not the position's. */
  g_assert_cmpstr (bb_catalog_get_cue_for ("seated", "back-body", BB_PHASE_INHALE, 2, 10), !=,
                   bb_catalog_get_cue_for ("seated", NULL, BB_PHASE_INHALE, 2, 10));
  g_assert_cmpstr (bb_catalog_get_cue_for ("seated", "back-body", BB_PHASE_EXHALE, 2, 10), !=,
                   bb_catalog_get_cue_for ("seated", NULL, BB_PHASE_EXHALE, 2, 10));
  /* Unknown ones fall back: to the position, then to seated. */
  g_assert_cmpstr (bb_catalog_get_cue_for ("standing", "no-such-set", BB_PHASE_INHALE, 2, 10), ==,
                   bb_catalog_get_cue_for ("standing", NULL, BB_PHASE_INHALE, 2, 10));
  g_assert_cmpstr (bb_catalog_get_cue_for (NULL, NULL, BB_PHASE_EXHALE, 3, 10), ==,
                   bb_catalog_get_cue_for ("seated", NULL, BB_PHASE_EXHALE, 3, 10));
  g_assert_cmpstr (bb_catalog_get_cue_for ("upside-down", NULL, BB_PHASE_INHALE, 3, 10), ==,
                   bb_catalog_get_cue_for ("seated", NULL, BB_PHASE_INHALE, 3, 10));
}

static void
test_special_cues (void)
{
  const char *settle = bb_catalog_get_special_cue (BB_SPECIAL_CUE_SETTLE);
  const char *shoulders = bb_catalog_get_special_cue (BB_SPECIAL_CUE_SHOULDERS);
  const char *last = bb_catalog_get_special_cue (BB_SPECIAL_CUE_LAST_BREATH);

  g_assert_true (is_text (settle));
  g_assert_true (is_text (shoulders));
  g_assert_true (is_text (last));
  g_assert_cmpuint (g_utf8_strlen (settle, -1), <=, MAX_CUE_CHARS);
  g_assert_cmpstr (settle, !=, shoulders);
  g_assert_cmpstr (shoulders, !=, last);

  /* No phase yet: the settle countdown. */
  g_assert_cmpstr (bb_catalog_get_cue_for ("seated", NULL, BB_PHASE_NONE, 0, 10), ==, settle);
  g_assert_cmpstr (bb_catalog_get_cue_for ("standing", "back-body", BB_PHASE_NONE, 0, 10), ==, settle);
}

/* The rules of rotation, for every source and every length from 1 to 40
 * breaths, with and without holds. */
static void
test_rotation (void)
{
  g_autoptr(GArray) sources = cue_sources ();
  const char *shoulders = bb_catalog_get_special_cue (BB_SPECIAL_CUE_SHOULDERS);
  const char *last = bb_catalog_get_special_cue (BB_SPECIAL_CUE_LAST_BREATH);

  for (guint i = 0; i < sources->len; i++)
    {
      Source *source = &g_array_index (sources, Source, i);
      const BbPosition *position = bb_catalog_lookup_position (source->position_id);
      const char *palpation = bb_catalog_gettext (position->hands_cue);

      for (guint n = 1; n <= 40; n++)
        {
          for (BbPhase phase = BB_PHASE_INHALE; phase <= BB_PHASE_HOLD_OUT; phase++)
            {
              g_autoptr(GPtrArray) cues = g_ptr_array_new ();
              guint since_shoulders = 0;
              guint n_palpation = 0;

              for (guint breath = 1; breath <= n; breath++)
                {
                  const char *cue = bb_catalog_get_cue_for (source->position_id, source->cue_set,
                                                            phase, breath, n);

                  /* The same arguments, the same cue. */
                  g_assert_true (cue == bb_catalog_get_cue_for (source->position_id, source->cue_set,
                                                                phase, breath, n));

                  /* None repeats within three breaths in the same phase. */
                  for (guint back = 1; back <= 3 && back < breath; back++)
                    g_assert_cmpstr (cue, !=, g_ptr_array_index (cues, breath - 1 - back));
                  g_ptr_array_add (cues, (gpointer) cue);

                  if (phase == BB_PHASE_INHALE)
                    {
                      /* The shoulders are reminded of every few breaths. */
                      if (g_str_equal (cue, shoulders))
                        since_shoulders = 0;
                      else
                        since_shoulders++;
                      g_assert_cmpuint (since_shoulders, <, 5);

                      /* Where to put the hands, in the first breath. */
                      if (g_str_equal (cue, palpation))
                        {
                          g_assert_cmpuint (breath, <=, 2);
                          n_palpation++;
                        }
                    }

                  /* The last breath ends calmly, and only the last. */
                  if (phase == BB_PHASE_EXHALE)
                    g_assert_cmpint (g_str_equal (cue, last), ==, breath == n);
                  else
                    g_assert_cmpstr (cue, !=, last);
                }

              if (phase == BB_PHASE_INHALE)
                {
                  g_assert_cmpuint (n_palpation, ==, 1);
                  if (n >= 4)
                    g_assert_true (g_ptr_array_find_with_equal_func (cues, shoulders, g_str_equal, NULL));
                }
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/positions", test_positions);
  g_test_add_func ("/catalog/presets", test_presets);
  g_test_add_func ("/catalog/preset-content", test_preset_content);
  g_test_add_func ("/catalog/cue-sets", test_cue_sets);
  g_test_add_func ("/catalog/special-cues", test_special_cues);
  g_test_add_func ("/catalog/rotation", test_rotation);

  return g_test_run ();
}
