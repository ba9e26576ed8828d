/* bb-autostart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  bb_autostart_is_sandboxed (void);
char     *bb_autostart_get_path     (const char  *config_dir,
                                     const char  *id);
gboolean  bb_autostart_set          (const char  *config_dir,
                                     const char  *id,
                                     const char  *exec,
                                     gboolean     enabled,
                                     GError     **error);
void      bb_autostart_request_background_async  (GDBusConnection     *bus,
                                                  const char          *exec,
                                                  gboolean             autostart,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean  bb_autostart_request_background_finish (GAsyncResult        *result,
                                                  gboolean            *autostart,
                                                  GError             **error);
void      bb_autostart_sync         (GSettings   *settings,
                                     const char  *id,
                                     const char  *exec);

G_END_DECLS
