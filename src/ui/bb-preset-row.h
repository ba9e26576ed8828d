/* bb-preset-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BB_TYPE_PRESET_ROW (bb_preset_row_get_type ())

G_DECLARE_FINAL_TYPE (BbPresetRow, bb_preset_row, BB, PRESET_ROW, AdwPreferencesRow)

GtkWidget  *bb_preset_row_new          (const char  *preset_id);
const char *bb_preset_row_get_subtitle (BbPresetRow *self);
void        bb_preset_row_set_subtitle (BbPresetRow *self,
                                        const char  *subtitle);
void        bb_preset_row_add_suffix   (BbPresetRow *self,
                                        GtkWidget   *widget);

G_END_DECLS
