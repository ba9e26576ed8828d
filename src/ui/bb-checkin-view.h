/* bb-checkin-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-application.h"

G_BEGIN_DECLS

#define BB_TYPE_CHECKIN_VIEW (bb_checkin_view_get_type ())

G_DECLARE_FINAL_TYPE (BbCheckinView, bb_checkin_view, BB, CHECKIN_VIEW, AdwBin)

void bb_checkin_view_begin (BbCheckinView *self,
                            BbApplication *application,
                            BbSession     *session);

G_END_DECLS
