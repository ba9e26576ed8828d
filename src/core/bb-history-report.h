/* bb-history-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bb-streak.h"

G_BEGIN_DECLS

char *bb_history_report_duration (gint64         ms);
char *bb_history_report_text     (const BbStats *stats);
char *bb_history_report_json     (const BbStats *stats);

G_END_DECLS
