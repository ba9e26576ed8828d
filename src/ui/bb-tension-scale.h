/* bb-tension-scale.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BB_TYPE_TENSION_SCALE (bb_tension_scale_get_type ())

G_DECLARE_FINAL_TYPE (BbTensionScale, bb_tension_scale, BB, TENSION_SCALE, GtkWidget)

GtkWidget *bb_tension_scale_new       (void);
guint      bb_tension_scale_get_value (BbTensionScale *self);
void       bb_tension_scale_set_value (BbTensionScale *self,
                                       guint           value);
GtkWidget *bb_tension_scale_get_button (BbTensionScale *self,
                                        guint           value);

G_END_DECLS
