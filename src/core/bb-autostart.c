/* bb-autostart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bb-autostart.h"

/*
 * Starting the reminders service at login, on a native install, through
 * an XDG autostart entry (freedesktop.org Desktop Application Autostart
 * Specification): a desktop file in $XDG_CONFIG_HOME/autostart that the
 * session starts at login, and that the user can see and remove.
 *
 * Inside Flatpak the sandbox cannot write there: the Background portal
 * is asked instead (org.freedesktop.portal.Background.RequestBackground
 * with "autostart"), over D-Bus directly, so no portal library is
 * needed. Only one of the two is ever used, chosen by where the app
 * runs, so they never race.
 */

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define BACKGROUND_IFACE "org.freedesktop.portal.Background"
#define REQUEST_IFACE "org.freedesktop.portal.Request"

/**
 * bb_autostart_is_sandboxed:
 *
 * Returns: %TRUE inside a Flatpak sandbox, where no autostart entry is
 *   written
 */
gboolean
bb_autostart_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * bb_autostart_get_path:
 * @config_dir: the user's configuration folder, g_get_user_config_dir()
 * @id: the application id of the program to start
 *
 * Returns: (transfer full): the path of the autostart entry for @id
 */
char *
bb_autostart_get_path (const char *config_dir,
                       const char *id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (config_dir != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  name = g_strconcat (id, ".desktop", NULL);

  return g_build_filename (config_dir, "autostart", name, NULL);
}

/**
 * bb_autostart_set:
 * @config_dir: the user's configuration folder
 * @id: the application id of the program to start
 * @exec: the command line the session runs at login
 * @enabled: whether to write the entry, or remove it
 *
 * Writes the entry for @id atomically, or removes it; an entry already
 * gone is no error.
 *
 * Returns: %TRUE on success
 */
gboolean
bb_autostart_set (const char  *config_dir,
                  const char  *id,
                  const char  *exec,
                  gboolean     enabled,
                  GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GKeyFile) entry = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (config_dir != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (exec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = bb_autostart_get_path (config_dir, id);

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "Could not remove %s: %s", path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not make %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  entry = g_key_file_new ();
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME,
                         "Backbreath Reminders");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         "Reminders to take a breathing break");
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APPLICATION_ID);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_HIDDEN, FALSE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-UsesNotifications", TRUE);
  contents = g_key_file_to_data (entry, &length, NULL);

  return g_file_set_contents_full (path, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

typedef struct
{
  GDBusConnection *bus;
  char            *request_path;
  guint            response_id;
  gboolean         autostart;
} Request;

static void
request_free (Request *request)
{
  if (request->response_id != 0)
    g_dbus_connection_signal_unsubscribe (request->bus, request->response_id);
  g_clear_object (&request->bus);
  g_free (request->request_path);
  g_free (request);
}

static void
response_cb (GDBusConnection *connection,
             const char      *sender_name,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  g_autoptr(GTask) task = g_object_ref (G_TASK (user_data));
  Request *request = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  guint32 response;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")) || request->response_id == 0)
    return;

  g_dbus_connection_signal_unsubscribe (request->bus, request->response_id);
  request->response_id = 0;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  if (response != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The request to run in the background was not granted");
      return;
    }

  if (!g_variant_lookup (results, "autostart", "b", &request->autostart))
    request->autostart = FALSE;
  g_task_return_boolean (task, TRUE);
}

static void
request_background_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  Request *request = g_task_get_task_data (task);

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL && request->response_id != 0)
    {
      g_dbus_connection_signal_unsubscribe (request->bus, request->response_id);
      request->response_id = 0;
      g_task_return_error (task, g_steal_pointer (&error));
    }
}

/**
 * bb_autostart_request_background_async:
 * @bus: the session bus
 * @exec: the command line to start at login
 * @autostart: whether to start it at login
 *
 * Asks the Background portal to start @exec at login, or no longer to.
 * The portal answers with a Response signal on a request object whose
 * path is known before the call, so the answer cannot come before this
 * listens for it.
 */
void
bb_autostart_request_background_async (GDBusConnection     *bus,
                                       const char          *exec,
                                       gboolean             autostart,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *token = NULL;
  g_autofree char *sender = NULL;
  const char *argv[] = { exec, NULL };
  GVariantBuilder options;
  Request *request;

  g_return_if_fail (G_IS_DBUS_CONNECTION (bus));
  g_return_if_fail (exec != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bb_autostart_request_background_async);
  request = g_new0 (Request, 1);
  request->bus = g_object_ref (bus);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  /* The request path: the caller's unique name without its colon, dots
   * as underscores, and a token of ours. */
  token = g_strdup_printf ("backbreath%u", g_random_int ());
  sender = g_strdup (g_dbus_connection_get_unique_name (bus) + 1);
  g_strdelimit (sender, ".", '_');
  request->request_path = g_strdup_printf ("%s/request/%s/%s", PORTAL_PATH, sender, token);
  /* The subscription keeps the task until the answer comes or the call
   * fails. */
  request->response_id =
    g_dbus_connection_signal_subscribe (bus, PORTAL_NAME, REQUEST_IFACE, "Response",
                                        request->request_path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        response_cb, g_object_ref (task), g_object_unref);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Break reminders can start when you log in.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (argv, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (bus, PORTAL_NAME, PORTAL_PATH, BACKGROUND_IFACE, "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, cancellable,
                          request_background_cb, g_object_ref (task));
}

/**
 * bb_autostart_request_background_finish:
 * @autostart: (out) (optional): whether the app will start at login
 *
 * Returns: %TRUE if the portal answered the request
 */
gboolean
bb_autostart_request_background_finish (GAsyncResult  *result,
                                        gboolean      *autostart,
                                        GError       **error)
{
  Request *request;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  request = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (autostart != NULL)
    *autostart = request->autostart;

  return TRUE;
}

static void
request_logged_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!bb_autostart_request_background_finish (result, NULL, &error))
    g_message ("Could not change the start at login: %s", error->message);
}

/**
 * bb_autostart_sync:
 * @settings: settings with the keys start-at-login and reminders-enabled
 * @id: the application id of the reminders service
 * @exec: its command line
 *
 * Makes the user's autostart entry say what the settings do: present
 * while reminders are on and should start at login, absent otherwise.
 * Inside Flatpak the Background portal is asked instead. A failure is
 * logged, not shown: the
 * reminders still run while the session lasts.
 */
void
bb_autostart_sync (GSettings  *settings,
                   const char *id,
                   const char *exec)
{
  g_autoptr(GError) error = NULL;
  gboolean enabled;

  g_return_if_fail (G_IS_SETTINGS (settings));

  enabled = g_settings_get_boolean (settings, "start-at-login") &&
            g_settings_get_boolean (settings, "reminders-enabled");

  if (bb_autostart_is_sandboxed ())
    {
      g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);

      if (bus != NULL)
        bb_autostart_request_background_async (bus, exec, enabled, NULL, request_logged_cb, NULL);
      else
        g_warning ("Could not ask to start at login: %s", error->message);
      return;
    }

  if (!bb_autostart_set (g_get_user_config_dir (), id, exec, enabled, &error))
    g_warning ("Could not change the start at login: %s", error->message);
}
