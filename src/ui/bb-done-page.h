/* bb-done-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-application.h"

G_BEGIN_DECLS

#define BB_TYPE_DONE_PAGE (bb_done_page_get_type ())

G_DECLARE_FINAL_TYPE (BbDonePage, bb_done_page, BB, DONE_PAGE, AdwBin)

GtkWidget *bb_done_page_new          (void);
void       bb_done_page_show_end     (BbDonePage    *self,
                                      BbSession     *session,
                                      const char    *own_name,
                                      BbApplication *checkin);
void       bb_done_page_hide_checkin (BbDonePage    *self);

G_END_DECLS
