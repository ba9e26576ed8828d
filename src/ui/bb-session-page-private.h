/* bb-session-page-private.h: for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-session-page.h"

G_BEGIN_DECLS

GtkWidget  *bb_session_page_get_rib_view     (BbSessionPage *self);
const char *bb_session_page_get_announcement (BbSessionPage *self,
                                              guint         *n_announcements);

G_END_DECLS
