/* bb-tension-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-history.h"

G_BEGIN_DECLS

/* Check-ins the chart shows at most, the newest. */
#define BB_TENSION_CHART_N_POINTS 30

#define BB_TYPE_TENSION_CHART (bb_tension_chart_get_type ())

G_DECLARE_FINAL_TYPE (BbTensionChart, bb_tension_chart, BB, TENSION_CHART, GtkWidget)

GtkWidget  *bb_tension_chart_new           (void);
void        bb_tension_chart_set_checkins  (BbTensionChart        *self,
                                            const BbCheckinRecord *records,
                                            guint                  n_records);
guint       bb_tension_chart_get_n_points  (BbTensionChart        *self);
const char *bb_tension_chart_get_summary   (BbTensionChart        *self);
const char *bb_tension_chart_get_description (BbTensionChart      *self);

G_END_DECLS
