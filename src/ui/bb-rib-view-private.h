/* bb-rib-view-private.h: test hooks of BbRibView
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-rib-view.h"

G_BEGIN_DECLS

gboolean bb_rib_view_is_ticking          (BbRibView *self);
double   bb_rib_view_get_shown_expansion (BbRibView *self);
const char *bb_rib_view_get_label        (BbRibView *self);

G_END_DECLS
