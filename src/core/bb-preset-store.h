/* bb-preset-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-catalog.h"

G_BEGIN_DECLS

#define BB_PRESET_STORE_ERROR (bb_preset_store_error_quark ())

/**
 * BbPresetStoreError:
 * @BB_PRESET_STORE_ERROR_NAME: the name is empty or too long
 * @BB_PRESET_STORE_ERROR_POSITION: the position is not in the catalog
 * @BB_PRESET_STORE_ERROR_LENGTH: too few or too many breaths or minutes
 * @BB_PRESET_STORE_ERROR_ID: the id is not an own preset's, or is taken
 * @BB_PRESET_STORE_ERROR_NOT_FOUND: no own preset has the id
 *
 * A pattern that is not valid is told with #BB_PATTERN_ERROR.
 */
typedef enum
{
  BB_PRESET_STORE_ERROR_NAME,
  BB_PRESET_STORE_ERROR_POSITION,
  BB_PRESET_STORE_ERROR_LENGTH,
  BB_PRESET_STORE_ERROR_ID,
  BB_PRESET_STORE_ERROR_NOT_FOUND,
} BbPresetStoreError;

#define BB_OWN_PRESET_ID_PREFIX   "own-"
#define BB_OWN_PRESET_NAME_MAX    60
#define BB_OWN_PRESET_BREATHS_MAX 200
#define BB_OWN_PRESET_MINUTES_MAX 60
#define BB_OWN_PRESETS_MAX        100

#define BB_DAILY_PRESET_ID        "daily"

#define BB_TYPE_PRESET_STORE (bb_preset_store_get_type ())

G_DECLARE_FINAL_TYPE (BbPresetStore, bb_preset_store, BB, PRESET_STORE, GObject)

GQuark          bb_preset_store_error_quark  (void);

BbPresetStore  *bb_preset_store_new          (GSettings       *settings);
BbPresetStore  *bb_preset_store_get_default  (void);
void            bb_preset_store_set_default  (BbPresetStore   *self);

const BbPreset *bb_preset_store_lookup       (BbPresetStore   *self,
                                              const char      *id);
guint           bb_preset_store_get_n_own    (BbPresetStore   *self);
const BbPreset *bb_preset_store_get_own      (BbPresetStore   *self,
                                              guint            index);
char           *bb_preset_store_dup_ids      (BbPresetStore   *self);

char           *bb_preset_store_add          (BbPresetStore   *self,
                                              const BbPreset  *preset,
                                              GError         **error);
gboolean        bb_preset_store_update       (BbPresetStore   *self,
                                              const char      *id,
                                              const BbPreset  *preset,
                                              GError         **error);
GVariant       *bb_preset_store_remove       (BbPresetStore   *self,
                                              const char      *id,
                                              guint           *index);
gboolean        bb_preset_store_restore      (BbPresetStore   *self,
                                              GVariant        *entry,
                                              guint            index,
                                              GError         **error);

gboolean        bb_preset_is_own             (const BbPreset  *preset);
const char     *bb_preset_get_display_name   (const BbPreset  *preset);
gboolean        bb_preset_validate_own       (const BbPreset  *preset,
                                              GError         **error);

G_END_DECLS
