/* bb-practice-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-practice-page.h"
#include "bb-reminders-client.h"

G_BEGIN_DECLS

void  bb_practice_page_set_reminders_client (BbPracticePage    *self,
                                             BbRemindersClient *client);
char *bb_practice_page_describe_next_due    (gint64             next_due,
                                             gint64             now);

G_END_DECLS
