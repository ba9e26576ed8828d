/* bb-history-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-history.h"

G_BEGIN_DECLS

#define BB_TYPE_HISTORY_PAGE (bb_history_page_get_type ())

G_DECLARE_FINAL_TYPE (BbHistoryPage, bb_history_page, BB, HISTORY_PAGE, AdwBin)

GtkWidget *bb_history_page_new         (GSettings     *settings);
void       bb_history_page_set_history (BbHistoryPage *self,
                                        BbHistory     *history,
                                        const char    *problem);
void       bb_history_page_refresh     (BbHistoryPage *self);

G_END_DECLS
