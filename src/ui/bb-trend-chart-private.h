/* bb-trend-chart-private.h: what tests may look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-trend-chart.h"

G_BEGIN_DECLS

#define BB_TREND_CHART_N_WEEKS 12

guint    bb_trend_chart_get_n_renders  (BbTrendChart *self);
guint    bb_trend_chart_get_n_labels   (BbTrendChart *self);
gboolean bb_trend_chart_labels_overlap (BbTrendChart *self);

G_END_DECLS
