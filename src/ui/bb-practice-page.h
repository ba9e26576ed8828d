/* bb-practice-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BB_TYPE_PRACTICE_PAGE (bb_practice_page_get_type ())

G_DECLARE_FINAL_TYPE (BbPracticePage, bb_practice_page, BB, PRACTICE_PAGE, AdwBin)

GtkWidget *bb_practice_page_get_start_button (BbPracticePage *self);

G_END_DECLS
