/* bb-heatmap-private.h: what the tests look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-heatmap.h"

G_BEGIN_DECLS

GtkWidget *bb_heatmap_get_day_widget (BbHeatmap *self,
                                      guint32    day);
guint      bb_heatmap_day_get_level  (GtkWidget *day_widget);
guint32    bb_heatmap_get_first_day  (BbHeatmap *self);

G_END_DECLS
