/* bb-reminders-client.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BB_REMINDERS_OBJECT_PATH "/io/github/backbreath/Backbreath/Reminders"
#define BB_REMINDERS_INTERFACE   "io.github.backbreath.Backbreath.Reminders1"

#define BB_TYPE_REMINDERS_CLIENT (bb_reminders_client_get_type ())

G_DECLARE_FINAL_TYPE (BbRemindersClient, bb_reminders_client, BB, REMINDERS_CLIENT, GObject)

BbRemindersClient *bb_reminders_client_new            (GDBusConnection   *connection,
                                                       const char        *bus_name,
                                                       GSettings         *settings);
gint64             bb_reminders_client_get_next_due   (BbRemindersClient *self);
const char        *bb_reminders_client_get_name_owner (BbRemindersClient *self);
const char        *bb_reminders_client_get_bus_name   (BbRemindersClient *self);

G_END_DECLS
