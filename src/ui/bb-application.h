/* bb-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bb-chime.h"
#include "bb-clock.h"
#include "bb-history.h"
#include "bb-preset-store.h"
#include "bb-reminders-client.h"
#include "bb-session.h"

G_BEGIN_DECLS

#define BB_TYPE_APPLICATION (bb_application_get_type ())

G_DECLARE_FINAL_TYPE (BbApplication, bb_application, BB, APPLICATION, AdwApplication)

BbApplication *bb_application_new          (const char        *application_id,
                                            GApplicationFlags  flags,
                                            BbClock           *clock);
GSettings     *bb_application_get_settings (BbApplication     *self);
BbSession     *bb_application_get_session  (BbApplication     *self);
BbHistory     *bb_application_get_history  (BbApplication     *self);
gboolean       bb_application_get_history_failed (BbApplication *self);
const char    *bb_application_get_notice   (BbApplication     *self);
BbSession     *bb_application_begin_session (BbApplication    *self,
                                             const char       *preset_id,
                                             BbHistorySource   source);
const char    *bb_application_get_session_name (BbApplication *self,
                                                BbSession     *session);
void           bb_application_transfer_async  (BbApplication       *self,
                                               const char          *path,
                                               gboolean             import,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char          *bb_application_transfer_finish (BbApplication       *self,
                                               GAsyncResult        *result,
                                               GError             **error);

gboolean       bb_application_save_checkin (BbApplication    *self,
                                            BbSession        *session,
                                            const BbCheckin  *checkin,
                                            GError          **error);

void           bb_application_show_preferences (BbApplication *self,
                                                const char    *page);
BbRemindersClient *bb_application_get_reminders_client (BbApplication *self);
BbPresetStore *bb_application_get_preset_store (BbApplication *self);

G_END_DECLS
