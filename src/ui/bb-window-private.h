/* bb-window-private.h: for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-window.h"

G_BEGIN_DECLS

const char *bb_window_get_page_name (BbWindow *self);
GtkWindow  *bb_window_get_welcome   (BbWindow *self);
AdwToast   *bb_window_get_stop_toast (BbWindow *self);

G_END_DECLS
