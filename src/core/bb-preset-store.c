/* bb-preset-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bb-preset-store.h"

/*
 * The presets a session can be built from: the catalog's, with the
 * user's choices for Daily practice applied, and the user's own, kept in
 * the settings key "own-presets" (aa{sv}) so that both the window app and
 * the reminders service read them. Each own preset is a dictionary:
 *
 *   id           s  "own-" and eight hex digits, made once, never reused
 *   name         s  the user's words, never translated
 *   position     s  a catalog position id
 *   inhale-ms, hold-in-ms, exhale-ms, hold-out-ms   u
 *   breaths      u  the length in breaths, or 0
 *   minutes      u  the length in minutes, or 0 (exactly one is set)
 *
 * Anything else found there (a hand edit, a newer version's data) is
 * skipped with one warning; the rest is used.
 *
 * Presets returned by lookups belong to the store and stay valid until
 * it has emitted ::changed twice more; copy what is kept longer.
 */

typedef struct
{
  BbPreset  preset;
  char     *id;
  char     *name;
} OwnPreset;

struct _BbPresetStore
{
  GObject     parent_instance;

  GSettings  *settings;
  GPtrArray  *own;
  /* The presets before the last change. */
  GPtrArray  *retired;

  BbPreset    daily;
};

G_DEFINE_FINAL_TYPE (BbPresetStore, bb_preset_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (bb-preset-store-error-quark, bb_preset_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static BbPresetStore *default_store;

static void
own_preset_free (gpointer data)
{
  OwnPreset *own = data;

  g_free (own->id);
  g_free (own->name);
  g_free (own);
}

/**
 * bb_preset_is_own:
 *
 * Returns: %TRUE if @preset is one of the user's own
 */
gboolean
bb_preset_is_own (const BbPreset *preset)
{
  g_return_val_if_fail (preset != NULL, FALSE);

  return preset->id != NULL && g_str_has_prefix (preset->id, BB_OWN_PRESET_ID_PREFIX);
}

/**
 * bb_preset_get_display_name:
 *
 * Returns: the name to show: the user's own words as they are, a
 *   catalog name translated
 */
const char *
bb_preset_get_display_name (const BbPreset *preset)
{
  g_return_val_if_fail (preset != NULL, NULL);

  if (bb_preset_is_own (preset))
    return preset->name;

  return bb_catalog_gettext (preset->name);
}

/**
 * bb_preset_validate_own:
 * @preset: an own preset's name, position, pattern and length; its id,
 *   summary and the rest are not looked at
 *
 * Returns: %TRUE if the store would keep @preset; else @error says what
 *   to change, in words for the user
 */
gboolean
bb_preset_validate_own (const BbPreset  *preset,
                        GError         **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (preset != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_strstrip (g_strdup (preset->name != NULL ? preset->name : ""));
  if (name[0] == '\0')
    {
      g_set_error_literal (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_NAME,
                           _("Give the session a name."));
      return FALSE;
    }

  if (!g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > BB_OWN_PRESET_NAME_MAX)
    {
      g_set_error (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_NAME,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The name can be at most %u character long.",
                                "The name can be at most %u characters long.",
                                BB_OWN_PRESET_NAME_MAX),
                   BB_OWN_PRESET_NAME_MAX);
      return FALSE;
    }

  if (bb_catalog_lookup_position (preset->position_id) == NULL)
    {
      g_set_error_literal (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_POSITION,
                           _("Choose one of the positions."));
      return FALSE;
    }

  if (!bb_pattern_validate (&preset->pattern, error))
    return FALSE;

  if (preset->duration_s != 0)
    {
      if (preset->duration_s % 60 != 0 ||
          preset->duration_s > BB_OWN_PRESET_MINUTES_MAX * 60)
        {
          g_set_error (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_LENGTH,
                       _("A session lasts from 1 to %u minutes."), BB_OWN_PRESET_MINUTES_MAX);
          return FALSE;
        }
    }
  else if (preset->n_breaths == 0 || preset->n_breaths > BB_OWN_PRESET_BREATHS_MAX)
    {
      g_set_error (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_LENGTH,
                   _("A session has from 1 to %u breaths."), BB_OWN_PRESET_BREATHS_MAX);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_own_id (const char *id)
{
  const char *p;

  if (!g_str_has_prefix (id, BB_OWN_PRESET_ID_PREFIX) ||
      id[strlen (BB_OWN_PRESET_ID_PREFIX)] == '\0' || strlen (id) > 64)
    return FALSE;

  for (p = id + strlen (BB_OWN_PRESET_ID_PREFIX); *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

static OwnPreset *
find_own (BbPresetStore *self,
          const char    *id,
          guint         *index)
{
  for (guint i = 0; i < self->own->len; i++)
    {
      OwnPreset *own = g_ptr_array_index (self->own, i);

      if (g_str_equal (own->id, id))
        {
          if (index != NULL)
            *index = i;
          return own;
        }
    }

  return NULL;
}

/* Reads one entry, or says in @error (for the log) why it is skipped. */
static OwnPreset *
own_preset_from_variant (BbPresetStore  *self,
                         GVariant       *entry,
                         GError        **error)
{
  const char *id = NULL;
  const char *name = NULL;
  const char *position_id = NULL;
  const BbPosition *position;
  guint breaths = 0;
  guint minutes = 0;
  BbPreset preset = { 0 };
  OwnPreset *own;

  if (!g_variant_lookup (entry, "id", "&s", &id) || !is_own_id (id))
    {
      g_set_error (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_ID,
                   "no id, or not one of the form “%sNAME”", BB_OWN_PRESET_ID_PREFIX);
      return NULL;
    }

  if (find_own (self, id, NULL) != NULL)
    {
      g_set_error (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_ID,
                   "“%s” is there twice", id);
      return NULL;
    }

  if (!g_variant_lookup (entry, "name", "&s", &name) ||
      !g_variant_lookup (entry, "position", "&s", &position_id) ||
      !g_variant_lookup (entry, "inhale-ms", "u", &preset.pattern.inhale_ms) ||
      !g_variant_lookup (entry, "hold-in-ms", "u", &preset.pattern.hold_in_ms) ||
      !g_variant_lookup (entry, "exhale-ms", "u", &preset.pattern.exhale_ms) ||
      !g_variant_lookup (entry, "hold-out-ms", "u", &preset.pattern.hold_out_ms))
    {
      g_set_error (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_ID,
                   "“%s” lacks a name, a position or a phase, or one has the wrong type", id);
      return NULL;
    }

  g_variant_lookup (entry, "breaths", "u", &breaths);
  g_variant_lookup (entry, "minutes", "u", &minutes);
  if ((breaths == 0) == (minutes == 0) || minutes > BB_OWN_PRESET_MINUTES_MAX)
    {
      g_set_error (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_LENGTH,
                   "“%s” needs either breaths or minutes, within bounds", id);
      return NULL;
    }

  position = bb_catalog_lookup_position (position_id);
  preset.name = name;
  preset.position_id = position != NULL ? position->id : NULL;
  preset.n_breaths = breaths;
  preset.duration_s = minutes * 60;
  if (!bb_preset_validate_own (&preset, error))
    {
      g_prefix_error (error, "“%s”: ", id);
      return NULL;
    }

  own = g_new0 (OwnPreset, 1);
  own->id = g_strdup (id);
  own->name = g_strstrip (g_strdup (name));
  own->preset = preset;
  own->preset.id = own->id;
  own->preset.name = own->name;
  own->preset.summary = NULL;

  return own;
}

static GVariant *
own_preset_to_variant (const char     *id,
                       const BbPreset *preset)
{
  GVariantDict dict;
  g_autofree char *name = g_strstrip (g_strdup (preset->name));

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "s", id);
  g_variant_dict_insert (&dict, "name", "s", name);
  g_variant_dict_insert (&dict, "position", "s", preset->position_id);
  g_variant_dict_insert (&dict, "inhale-ms", "u", preset->pattern.inhale_ms);
  g_variant_dict_insert (&dict, "hold-in-ms", "u", preset->pattern.hold_in_ms);
  g_variant_dict_insert (&dict, "exhale-ms", "u", preset->pattern.exhale_ms);
  g_variant_dict_insert (&dict, "hold-out-ms", "u", preset->pattern.hold_out_ms);
  g_variant_dict_insert (&dict, "breaths", "u", preset->duration_s == 0 ? preset->n_breaths : 0);
  g_variant_dict_insert (&dict, "minutes", "u", preset->duration_s / 60);

  return g_variant_dict_end (&dict);
}

static void
load_own (BbPresetStore *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "own-presets");
  g_autoptr(GString) skipped = NULL;
  GVariantIter iter;
  GVariant *entry;

  /* One generation back is kept: enough for a caller that looked a
   * preset up just before this change, bounded for a service that runs
   * all day. */
  g_ptr_array_unref (self->retired);
  self->retired = g_steal_pointer (&self->own);
  self->own = g_ptr_array_new_with_free_func (own_preset_free);

  g_variant_iter_init (&iter, value);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GVariant) owned = entry;
      g_autoptr(GError) error = NULL;
      OwnPreset *own = NULL;

      if (self->own->len < BB_OWN_PRESETS_MAX)
        own = own_preset_from_variant (self, entry, &error);
      else
        g_set_error (&error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_ID,
                     "more than %u presets", BB_OWN_PRESETS_MAX);

      if (own != NULL)
        {
          g_ptr_array_add (self->own, own);
          continue;
        }

      if (skipped == NULL)
        skipped = g_string_new (NULL);
      else
        g_string_append (skipped, "; ");
      g_string_append (skipped, error->message);
    }

  if (skipped != NULL)
    g_warning ("Some own presets in the settings were skipped: %s", skipped->str);
}

/* Daily practice is the catalog's, in the position and for the minutes
 * the user chose. */
static void
load_daily (BbPresetStore *self)
{
  const BbPreset *daily = bb_catalog_lookup_preset (BB_DAILY_PRESET_ID);
  g_autofree char *position_id = g_settings_get_string (self->settings, "daily-position");
  const BbPosition *position = bb_catalog_lookup_position (position_id);
  guint minutes = g_settings_get_uint (self->settings, "daily-minutes");

  if (daily == NULL)
    {
      memset (&self->daily, 0, sizeof self->daily);
      return;
    }

  self->daily = *daily;
  if (position != NULL)
    self->daily.position_id = position->id;
  if (minutes != 5 && minutes != 10)
    minutes = 5;
  self->daily.duration_s = minutes * 60;
  self->daily.n_breaths = 0;
}

static void
settings_changed_cb (BbPresetStore *self,
                     const char    *key)
{
  if (g_str_equal (key, "own-presets"))
    load_own (self);
  else if (g_str_equal (key, "daily-position") || g_str_equal (key, "daily-minutes"))
    load_daily (self);
  else
    return;

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
bb_preset_store_finalize (GObject *object)
{
  BbPresetStore *self = (BbPresetStore *)object;

  if (default_store == self)
    default_store = NULL;
  g_clear_object (&self->settings);
  g_clear_pointer (&self->own, g_ptr_array_unref);
  g_clear_pointer (&self->retired, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_preset_store_parent_class)->finalize (object);
}

static void
bb_preset_store_class_init (BbPresetStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bb_preset_store_finalize;

  /**
   * BbPresetStore::changed:
   *
   * The own presets or the Daily practice choices changed; presets
   * looked up before may be gone.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
bb_preset_store_init (BbPresetStore *self)
{
  self->own = g_ptr_array_new_with_free_func (own_preset_free);
  self->retired = g_ptr_array_new_with_free_func (own_preset_free);
}

/**
 * bb_preset_store_new:
 * @settings: the app's settings
 *
 * Returns: (transfer full): a store that follows @settings
 */
BbPresetStore *
bb_preset_store_new (GSettings *settings)
{
  BbPresetStore *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (BB_TYPE_PRESET_STORE, NULL);
  self->settings = g_object_ref (settings);
  load_own (self);
  load_daily (self);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * bb_preset_store_get_default:
 *
 * Returns: (transfer none) (nullable): the store the program made its
 *   default, for code that has none at hand (naming history rows)
 */
BbPresetStore *
bb_preset_store_get_default (void)
{
  return default_store;
}

/**
 * bb_preset_store_set_default:
 * @self: (nullable): the store, not referenced
 */
void
bb_preset_store_set_default (BbPresetStore *self)
{
  g_return_if_fail (self == NULL || BB_IS_PRESET_STORE (self));

  default_store = self;
}

/**
 * bb_preset_store_lookup:
 * @id: (nullable): a catalog or own preset id
 *
 * Finds catalog presets (hidden ones too, with the Daily practice
 * choices applied) and own presets alike.
 *
 * Returns: (nullable): the preset with @id
 */
const BbPreset *
bb_preset_store_lookup (BbPresetStore *self,
                        const char    *id)
{
  OwnPreset *own;

  g_return_val_if_fail (BB_IS_PRESET_STORE (self), NULL);

  if (id == NULL)
    return NULL;

  if (g_str_equal (id, BB_DAILY_PRESET_ID) && self->daily.id != NULL)
    return &self->daily;

  own = find_own (self, id, NULL);
  if (own != NULL)
    return &own->preset;

  return bb_catalog_lookup_preset (id);
}

guint
bb_preset_store_get_n_own (BbPresetStore *self)
{
  g_return_val_if_fail (BB_IS_PRESET_STORE (self), 0);

  return self->own->len;
}

/**
 * bb_preset_store_get_own:
 *
 * Returns: the user's own preset at @index, in the order made
 */
const BbPreset *
bb_preset_store_get_own (BbPresetStore *self,
                         guint          index)
{
  OwnPreset *own;

  g_return_val_if_fail (BB_IS_PRESET_STORE (self), NULL);
  g_return_val_if_fail (index < self->own->len, NULL);

  own = g_ptr_array_index (self->own, index);

  return &own->preset;
}

/**
 * bb_preset_store_dup_ids:
 *
 * Returns: (transfer full): the listed catalog ids, then the own ones,
 *   as "a, b, c", for messages
 */
char *
bb_preset_store_dup_ids (BbPresetStore *self)
{
  g_autofree char *catalog = NULL;
  GString *str;

  g_return_val_if_fail (BB_IS_PRESET_STORE (self), NULL);

  catalog = bb_catalog_dup_preset_ids ();
  str = g_string_new (catalog);
  for (guint i = 0; i < self->own->len; i++)
    {
      OwnPreset *own = g_ptr_array_index (self->own, i);

      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, own->id);
    }

  return g_string_free (str, FALSE);
}

static void
save_own (BbPresetStore *self,
          const char    *replace_id,
          GVariant      *replacement,
          gint           insert_at)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i <= self->own->len; i++)
    {
      OwnPreset *own = i < self->own->len ? g_ptr_array_index (self->own, i) : NULL;

      if ((gint) i == insert_at)
        g_variant_builder_add_value (&builder, replacement);
      if (own == NULL)
        break;
      if (replace_id != NULL && g_str_equal (own->id, replace_id))
        {
          if (replacement != NULL && insert_at < 0)
            g_variant_builder_add_value (&builder, replacement);
          continue;
        }
      g_variant_builder_add_value (&builder, own_preset_to_variant (own->id, &own->preset));
    }

  /* The store reads the value back from ::changed, so what it holds is
   * always what the settings hold. */
  g_settings_set_value (self->settings, "own-presets", g_variant_builder_end (&builder));
}

static char *
make_id (BbPresetStore *self)
{
  for (;;)
    {
      g_autofree char *id = g_strdup_printf (BB_OWN_PRESET_ID_PREFIX "%08x", g_random_int ());

      if (find_own (self, id, NULL) == NULL && bb_catalog_lookup_preset (id) == NULL)
        return g_steal_pointer (&id);
    }
}

/**
 * bb_preset_store_add:
 * @preset: the name, position, pattern and length; the id is made
 *
 * Returns: (transfer full) (nullable): the new preset's id, or %NULL
 *   with @error set if @preset is not valid
 */
char *
bb_preset_store_add (BbPresetStore   *self,
                     const BbPreset  *preset,
                     GError         **error)
{
  g_autofree char *id = NULL;
  g_autoptr(GVariant) entry = NULL;

  g_return_val_if_fail (BB_IS_PRESET_STORE (self), NULL);
  g_return_val_if_fail (preset != NULL, NULL);

  if (!bb_preset_validate_own (preset, error))
    return NULL;

  if (self->own->len >= BB_OWN_PRESETS_MAX)
    {
      g_set_error (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_ID,
                   _("There can be at most %u sessions of your own."), BB_OWN_PRESETS_MAX);
      return NULL;
    }

  id = make_id (self);
  entry = g_variant_ref_sink (own_preset_to_variant (id, preset));
  save_own (self, NULL, entry, self->own->len);

  return g_steal_pointer (&id);
}

/**
 * bb_preset_store_update:
 * @id: an own preset's id, which stays
 * @preset: its new name, position, pattern and length
 *
 * Returns: %TRUE if it was changed; else @error says why
 */
gboolean
bb_preset_store_update (BbPresetStore   *self,
                        const char      *id,
                        const BbPreset  *preset,
                        GError         **error)
{
  g_autoptr(GVariant) entry = NULL;

  g_return_val_if_fail (BB_IS_PRESET_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (preset != NULL, FALSE);

  if (find_own (self, id, NULL) == NULL)
    {
      g_set_error (error, BB_PRESET_STORE_ERROR, BB_PRESET_STORE_ERROR_NOT_FOUND,
                   _("That session is gone."));
      return FALSE;
    }

  if (!bb_preset_validate_own (preset, error))
    return FALSE;

  entry = g_variant_ref_sink (own_preset_to_variant (id, preset));
  save_own (self, id, entry, -1);

  return TRUE;
}

/**
 * bb_preset_store_remove:
 * @id: an own preset's id
 * @index: (out) (optional): where it was in the list
 *
 * Returns: (transfer full) (nullable): the removed preset, for
 *   bb_preset_store_restore(), or %NULL if there was none with @id
 */
GVariant *
bb_preset_store_remove (BbPresetStore *self,
                        const char    *id,
                        guint         *index)
{
  OwnPreset *own;
  guint i;
  GVariant *entry;

  g_return_val_if_fail (BB_IS_PRESET_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  own = find_own (self, id, &i);
  if (own == NULL)
    return NULL;

  entry = g_variant_ref_sink (own_preset_to_variant (own->id, &own->preset));
  if (index != NULL)
    *index = i;
  save_own (self, id, NULL, -1);

  return entry;
}

/**
 * bb_preset_store_restore:
 * @entry: what bb_preset_store_remove() returned
 * @index: where it goes back, at the end if past it
 *
 * Puts a removed preset back, with its id, so history rows and
 * reminders that name it find it again.
 *
 * Returns: %TRUE if it is back; else @error says why
 */
gboolean
bb_preset_store_restore (BbPresetStore  *self,
                         GVariant       *entry,
                         guint           index,
                         GError        **error)
{
  OwnPreset *own;

  g_return_val_if_fail (BB_IS_PRESET_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL && g_variant_is_of_type (entry, G_VARIANT_TYPE_VARDICT), FALSE);

  own = own_preset_from_variant (self, entry, error);
  if (own == NULL)
    return FALSE;
  own_preset_free (own);

  save_own (self, NULL, entry, MIN (index, self->own->len));

  return TRUE;
}
