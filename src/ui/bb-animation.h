/* bb-animation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean bb_animation_enabled (GtkWidget       *widget);
void     bb_animation_follow  (GtkWidget       *widget,
                               guint           *tick_id,
                               gboolean         running,
                               GtkTickCallback  callback);

G_END_DECLS
