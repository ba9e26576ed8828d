/* bb-preset-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-preset-store.h"

G_BEGIN_DECLS

#define BB_TYPE_PRESET_EDITOR (bb_preset_editor_get_type ())

G_DECLARE_FINAL_TYPE (BbPresetEditor, bb_preset_editor, BB, PRESET_EDITOR, AdwWindow)

GtkWidget  *bb_preset_editor_new    (BbPresetStore  *store,
                                     const char     *id);
const char *bb_preset_editor_get_id (BbPresetEditor *self);

G_END_DECLS
