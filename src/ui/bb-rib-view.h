/* bb-rib-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bb-rib-painter.h"
#include "bb-session.h"

G_BEGIN_DECLS

#define BB_TYPE_RIB_FAULT (bb_rib_fault_get_type ())

GType bb_rib_fault_get_type (void) G_GNUC_CONST;

#define BB_TYPE_RIB_VIEW (bb_rib_view_get_type ())

G_DECLARE_FINAL_TYPE (BbRibView, bb_rib_view, BB, RIB_VIEW, GtkWidget)

BbSession *bb_rib_view_get_session  (BbRibView *self);
void       bb_rib_view_set_session  (BbRibView *self,
                                     BbSession *session);
BbRibFault bb_rib_view_get_fault    (BbRibView *self);
void       bb_rib_view_set_fault    (BbRibView *self,
                                     BbRibFault fault);
double     bb_rib_view_get_idle_expansion (BbRibView *self);
void       bb_rib_view_set_idle_expansion (BbRibView *self,
                                           double     expansion);

G_END_DECLS
