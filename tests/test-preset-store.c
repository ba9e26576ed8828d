/* test-preset-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "bb-pattern.h"
#include "bb-preset-store.h"

typedef struct
{
  GSettingsBackend *backend;
  GSettings        *settings;
  BbPresetStore    *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->backend = g_memory_settings_backend_new ();
  fixture->settings = g_settings_new_with_backend (APPLICATION_ID, fixture->backend);
  fixture->store = bb_preset_store_new (fixture->settings);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->backend);
}

static const BbPreset sample = {
  .name = "  Morning ribs  ",
  .position_id = "hands-knees",
  .pattern = { 5000, 1000, 7000, 2000 },
  .n_breaths = 12,
};

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BbPresetStore) other = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  BbPreset minutes = sample;
  const BbPreset *found;
  guint changed = 0;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (count_cb), &changed);

  id = bb_preset_store_add (fixture->store, &sample, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_true (g_str_has_prefix (id, BB_OWN_PRESET_ID_PREFIX));
  g_assert_cmpuint (changed, ==, 1);

  minutes.name = "Lunch";
  minutes.position_id = "standing";
  minutes.n_breaths = 0;
  minutes.duration_s = 10 * 60;
  id2 = bb_preset_store_add (fixture->store, &minutes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, !=, id2);

  /* A second store on the same settings, as the reminders service has,
   * reads the same presets. */
  other = bb_preset_store_new (fixture->settings);
  g_assert_cmpuint (bb_preset_store_get_n_own (other), ==, 2);

  found = bb_preset_store_lookup (other, id);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->id, ==, id);
  g_assert_cmpstr (found->name, ==, "Morning ribs");
  g_assert_cmpstr (found->position_id, ==, "hands-knees");
  g_assert_true (bb_pattern_equal (&found->pattern, &sample.pattern));
  g_assert_cmpuint (found->n_breaths, ==, 12);
  g_assert_cmpuint (found->duration_s, ==, 0);
  g_assert_cmpuint (bb_preset_get_n_breaths (found), ==, 12);
  g_assert_true (bb_preset_is_own (found));
  g_assert_cmpstr (bb_preset_get_display_name (found), ==, "Morning ribs");

  found = bb_preset_store_get_own (other, 1);
  g_assert_cmpstr (found->id, ==, id2);
  g_assert_cmpstr (found->name, ==, "Lunch");
  g_assert_cmpuint (found->duration_s, ==, 600);
  /* 10 minutes of 15 s breaths. */
  g_assert_cmpuint (bb_preset_get_n_breaths (found), ==, 40);

  /* Edit keeps the id and the place. */
  minutes.name = "Long lunch";
  g_assert_true (bb_preset_store_update (fixture->store, id2, &minutes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bb_preset_store_get_own (other, 1)->name, ==, "Long lunch");
  g_assert_cmpstr (bb_preset_store_get_own (other, 1)->id, ==, id2);
  g_assert_cmpstr (bb_preset_store_get_own (fixture->store, 0)->id, ==, id);

  g_assert_false (bb_preset_store_update (fixture->store, "own-gone", &minutes, &error));
  g_assert_error (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_NOT_FOUND);
}

static void
test_remove_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) removed = NULL;
  g_autofree char *a = bb_preset_store_add (fixture->store, &sample, NULL);
  g_autofree char *b = bb_preset_store_add (fixture->store, &sample, NULL);
  g_autofree char *c = bb_preset_store_add (fixture->store, &sample, NULL);
  guint index = G_MAXUINT;

  g_assert_nonnull (a);
  g_assert_nonnull (c);
  removed = bb_preset_store_remove (fixture->store, b, &index);
  g_assert_nonnull (removed);
  g_assert_cmpuint (index, ==, 1);
  g_assert_cmpuint (bb_preset_store_get_n_own (fixture->store), ==, 2);
  g_assert_null (bb_preset_store_lookup (fixture->store, b));
  g_assert_null (bb_preset_store_remove (fixture->store, b, NULL));

  g_assert_true (bb_preset_store_restore (fixture->store, removed, index, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bb_preset_store_get_n_own (fixture->store), ==, 3);
  g_assert_cmpstr (bb_preset_store_get_own (fixture->store, 1)->id, ==, b);

  /* Restoring twice would make two presets with one id. */
  g_assert_false (bb_preset_store_restore (fixture->store, removed, index, &error));
  g_assert_error (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_ID);
  g_assert_cmpuint (bb_preset_store_get_n_own (fixture->store), ==, 3);
}

static void
test_ids (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *list = NULL;
  guint n_presets;
  const BbPreset *presets = bb_catalog_get_presets (&n_presets);

  /* No catalog id looks like an own one, so the two never clash. */
  for (guint i = 0; i < n_presets; i++)
    g_assert_false (g_str_has_prefix (presets[i].id, BB_OWN_PRESET_ID_PREFIX));

  for (guint i = 0; i < 50; i++)
    {
      char *id = bb_preset_store_add (fixture->store, &sample, NULL);

      g_assert_nonnull (id);
      g_assert_true (g_hash_table_add (ids, id));
    }

  list = bb_preset_store_dup_ids (fixture->store);
  g_assert_nonnull (strstr (list, presets[0].id));
  g_assert_nonnull (strstr (list, bb_preset_store_get_own (fixture->store, 49)->id));
}

static void
test_lookup (Fixture       *fixture,
             gconstpointer  data)
{
  guint n_presets;
  const BbPreset *presets = bb_catalog_get_presets (&n_presets);
  const BbPreset *daily;

  for (guint i = 0; i < n_presets; i++)
    {
      const BbPreset *found = bb_preset_store_lookup (fixture->store, presets[i].id);

      g_assert_nonnull (found);
      g_assert_cmpstr (found->id, ==, presets[i].id);
      g_assert_false (bb_preset_is_own (found));
      g_assert_cmpstr (bb_preset_get_display_name (found), ==, bb_catalog_gettext (presets[i].name));
    }

  g_assert_null (bb_preset_store_lookup (fixture->store, "nope"));
  g_assert_null (bb_preset_store_lookup (fixture->store, "own-nope"));
  g_assert_null (bb_preset_store_lookup (fixture->store, NULL));

  /* Daily practice follows its two settings. */
  daily = bb_preset_store_lookup (fixture->store, BB_DAILY_PRESET_ID);
  g_assert_nonnull (daily);
  g_assert_cmpstr (daily->position_id, ==, "face-down");
  g_assert_cmpuint (daily->duration_s, ==, 300);

  g_settings_set_string (fixture->settings, "daily-position", "seated");
  g_settings_set_uint (fixture->settings, "daily-minutes", 10);
  daily = bb_preset_store_lookup (fixture->store, BB_DAILY_PRESET_ID);
  g_assert_cmpstr (daily->position_id, ==, "seated");
  g_assert_cmpuint (daily->duration_s, ==, 600);
  g_assert_cmpuint (bb_preset_get_n_breaths (daily), ==,
                    600000 / bb_pattern_get_cycle_ms (&daily->pattern));

  /* Values only gsettings can set fall back. */
  g_settings_set_string (fixture->settings, "daily-position", "upside-down");
  g_settings_set_uint (fixture->settings, "daily-minutes", 7);
  daily = bb_preset_store_lookup (fixture->store, BB_DAILY_PRESET_ID);
  g_assert_cmpstr (daily->position_id, ==, bb_catalog_lookup_preset (BB_DAILY_PRESET_ID)->position_id);
  g_assert_cmpuint (daily->duration_s, ==, 300);
}

static GVariant *
entry_new (const char *id,
           const char *name,
           const char *position,
           guint       inhale_ms,
           guint       breaths,
           guint       minutes)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  if (id != NULL)
    g_variant_dict_insert (&dict, "id", "s", id);
  if (name != NULL)
    g_variant_dict_insert (&dict, "name", "s", name);
  if (position != NULL)
    g_variant_dict_insert (&dict, "position", "s", position);
  g_variant_dict_insert (&dict, "inhale-ms", "u", inhale_ms);
  g_variant_dict_insert (&dict, "hold-in-ms", "u", 0);
  g_variant_dict_insert (&dict, "exhale-ms", "u", 6000);
  g_variant_dict_insert (&dict, "hold-out-ms", "u", 0);
  g_variant_dict_insert (&dict, "breaths", "u", breaths);
  g_variant_dict_insert (&dict, "minutes", "u", minutes);

  return g_variant_dict_end (&dict);
}

static void
test_bad_values (Fixture       *fixture,
                 gconstpointer  data)
{
  GVariantBuilder builder;
  GVariantDict wrong_type;
  guint changed = 0;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (count_cb), &changed);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_builder_add_value (&builder, entry_new ("own-good", "Good", "seated", 4000, 10, 0));
  g_variant_builder_add_value (&builder, entry_new ("own-good", "Twice", "seated", 4000, 10, 0));
  g_variant_builder_add_value (&builder, entry_new ("desk-break", "Catalog id", "seated", 4000, 10, 0));
  g_variant_builder_add_value (&builder, entry_new ("own-bad id", "Space", "seated", 4000, 10, 0));
  g_variant_builder_add_value (&builder, entry_new (NULL, "No id", "seated", 4000, 10, 0));
  g_variant_builder_add_value (&builder, entry_new ("own-a", "Bad pattern", "seated", 0, 10, 0));
  g_variant_builder_add_value (&builder, entry_new ("own-b", "Lost", "upside-down", 4000, 10, 0));
  g_variant_builder_add_value (&builder, entry_new ("own-c", "   ", "seated", 4000, 10, 0));
  g_variant_builder_add_value (&builder, entry_new ("own-d", NULL, "seated", 4000, 10, 0));
  g_variant_builder_add_value (&builder, entry_new ("own-e", "Forever", "seated", 4000, 100000, 0));
  g_variant_builder_add_value (&builder, entry_new ("own-f", "Both", "seated", 4000, 10, 5));
  g_variant_builder_add_value (&builder, entry_new ("own-g", "Neither", "seated", 4000, 0, 0));
  g_variant_builder_add_value (&builder, entry_new ("own-h", "All day", "seated", 4000, 0, 600));
  g_variant_dict_init (&wrong_type, NULL);
  g_variant_dict_insert (&wrong_type, "id", "s", "own-i");
  g_variant_dict_insert (&wrong_type, "name", "i", 3);
  g_variant_builder_add_value (&builder, g_variant_dict_end (&wrong_type));
  g_variant_builder_add_value (&builder, entry_new ("own-last", "Also good", "standing", 4000, 0, 3));

  /* One warning for all that is skipped. */
  g_test_expect_message ("Backbreath", G_LOG_LEVEL_WARNING, "*own presets*skipped*own-good*twice*");
  g_settings_set_value (fixture->settings, "own-presets", g_variant_builder_end (&builder));
  g_test_assert_expected_messages ();

  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (bb_preset_store_get_n_own (fixture->store), ==, 2);
  g_assert_cmpstr (bb_preset_store_get_own (fixture->store, 0)->name, ==, "Good");
  g_assert_cmpstr (bb_preset_store_get_own (fixture->store, 1)->name, ==, "Also good");
  g_assert_cmpuint (bb_preset_store_get_own (fixture->store, 1)->duration_s, ==, 180);
  /* The catalog's preset is not shadowed. */
  g_assert_false (bb_preset_is_own (bb_preset_store_lookup (fixture->store, "desk-break")));
}

static void
test_validate (void)
{
  const struct {
    BbPreset preset;
    GQuark domain;
    int code;
  } bad[] = {
    { { .name = "", .position_id = "seated", .pattern = { 4000, 0, 6000, 0 }, .n_breaths = 5 },
      BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_NAME },
    { { .name = " \t", .position_id = "seated", .pattern = { 4000, 0, 6000, 0 }, .n_breaths = 5 },
      BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_NAME },
    { { .name = NULL, .position_id = "seated", .pattern = { 4000, 0, 6000, 0 }, .n_breaths = 5 },
      BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_NAME },
    { { .name = "0123456789012345678901234567890123456789012345678901234567890",
        .position_id = "seated", .pattern = { 4000, 0, 6000, 0 }, .n_breaths = 5 },
      BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_NAME },
    { { .name = "A", .position_id = NULL, .pattern = { 4000, 0, 6000, 0 }, .n_breaths = 5 },
      BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_POSITION },
    { { .name = "A", .position_id = "seated", .pattern = { 4000, 0, 31000, 0 }, .n_breaths = 5 },
      BB_PATTERN_ERROR, BB_PATTERN_ERROR_EXHALE },
    { { .name = "A", .position_id = "seated", .pattern = { 4000, 0, 6000, 0 }, .n_breaths = 0 },
      BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_LENGTH },
    { { .name = "A", .position_id = "seated", .pattern = { 4000, 0, 6000, 0 }, .n_breaths = 201 },
      BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_LENGTH },
    { { .name = "A", .position_id = "seated", .pattern = { 4000, 0, 6000, 0 }, .duration_s = 61 * 60 },
      BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_LENGTH },
    { { .name = "A", .position_id = "seated", .pattern = { 4000, 0, 6000, 0 }, .duration_s = 90 },
      BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_LENGTH },
  };
  BbPreset good = { .name = "Sixty characters? ¡Sí! 0123456789012345678901234567890123456",
                    .position_id = "standing", .pattern = { 1000, 0, 1000, 0 }, .n_breaths = 200 };

  g_assert_cmpint (g_utf8_strlen (good.name, -1), ==, 60);
  g_assert_true (bb_preset_validate_own (&good, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bb_preset_validate_own (&bad[i].preset, &error));
      g_assert_error (error, bad[i].domain, bad[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/preset-store/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/preset-store/remove-restore", Fixture, NULL, fixture_set_up, test_remove_restore, fixture_tear_down);
  g_test_add ("/preset-store/ids", Fixture, NULL, fixture_set_up, test_ids, fixture_tear_down);
  g_test_add ("/preset-store/lookup", Fixture, NULL, fixture_set_up, test_lookup, fixture_tear_down);
  g_test_add ("/preset-store/bad-values", Fixture, NULL, fixture_set_up, test_bad_values, fixture_tear_down);
  g_test_add_func ("/preset-store/validate", test_validate);

  return g_test_run ();
}
