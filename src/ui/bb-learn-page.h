/* bb-learn-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-session.h"

G_BEGIN_DECLS

#define BB_TYPE_LEARN_PAGE (bb_learn_page_get_type ())

G_DECLARE_FINAL_TYPE (BbLearnPage, bb_learn_page, BB, LEARN_PAGE, AdwBin)

GtkWidget *bb_learn_page_new         (void);
BbSession *bb_learn_page_get_session (BbLearnPage *self);

G_END_DECLS
