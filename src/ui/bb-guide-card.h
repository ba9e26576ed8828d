/* bb-guide-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-application.h"

G_BEGIN_DECLS

#define BB_TYPE_GUIDE_CARD (bb_guide_card_get_type ())

G_DECLARE_FINAL_TYPE (BbGuideCard, bb_guide_card, BB, GUIDE_CARD, AdwBin)

void bb_guide_card_set_application (BbGuideCard   *self,
                                    BbApplication *application);
void bb_guide_card_refresh         (BbGuideCard   *self);

G_END_DECLS
