/* bb-reminders-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-reminder.h"

G_BEGIN_DECLS

#define BB_TYPE_REMINDERS_APPLICATION (bb_reminders_application_get_type ())

G_DECLARE_FINAL_TYPE (BbRemindersApplication, bb_reminders_application, BB, REMINDERS_APPLICATION, GApplication)

BbRemindersApplication *bb_reminders_application_new        (void);

BbReminder             *bb_reminders_application_get_reminder (BbRemindersApplication *self);
void                    bb_reminders_application_set_locked  (BbRemindersApplication *self,
                                                              gboolean                locked);
void                    bb_reminders_application_note_away   (BbRemindersApplication *self,
                                                              gint64                  from_real_us,
                                                              gint64                  to_real_us);

G_END_DECLS
