/* bb-heatmap.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-streak.h"

G_BEGIN_DECLS

#define BB_TYPE_HEATMAP (bb_heatmap_get_type ())

G_DECLARE_FINAL_TYPE (BbHeatmap, bb_heatmap, BB, HEATMAP, GtkWidget)

GtkWidget  *bb_heatmap_new              (void);
void        bb_heatmap_set_days         (BbHeatmap        *self,
                                         guint32           last_day,
                                         const BbDayTotal *days,
                                         guint             n_days,
                                         gint64            goal_ms);
const char *bb_heatmap_get_summary      (BbHeatmap        *self);
guint32     bb_heatmap_get_selected_day (BbHeatmap        *self);

G_END_DECLS
