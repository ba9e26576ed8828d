/* bb-trend-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-streak.h"

G_BEGIN_DECLS

#define BB_TYPE_TREND_CHART (bb_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (BbTrendChart, bb_trend_chart, BB, TREND_CHART, GtkWidget)

GtkWidget  *bb_trend_chart_new            (void);
void        bb_trend_chart_set_days       (BbTrendChart     *self,
                                           guint32           last_day,
                                           const BbDayTotal *days,
                                           guint             n_days);
const char *bb_trend_chart_get_trend_text (BbTrendChart     *self);
BbTrend     bb_trend_chart_get_trend      (BbTrendChart     *self);

G_END_DECLS
