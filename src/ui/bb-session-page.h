/* bb-session-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-session.h"

G_BEGIN_DECLS

#define BB_TYPE_SESSION_PAGE (bb_session_page_get_type ())

G_DECLARE_FINAL_TYPE (BbSessionPage, bb_session_page, BB, SESSION_PAGE, AdwBin)

void       bb_session_page_set_session (BbSessionPage *self,
                                        BbSession     *session);

G_END_DECLS
