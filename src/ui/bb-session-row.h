/* bb-session-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-session-list.h"

G_BEGIN_DECLS

#define BB_TYPE_SESSION_ROW (bb_session_row_get_type ())

G_DECLARE_FINAL_TYPE (BbSessionRow, bb_session_row, BB, SESSION_ROW, GtkWidget)

GtkWidget     *bb_session_row_new      (gboolean       show_days);
BbSessionItem *bb_session_row_get_item (BbSessionRow  *self);
void           bb_session_row_set_item (BbSessionRow  *self,
                                        BbSessionItem *item);

G_END_DECLS
