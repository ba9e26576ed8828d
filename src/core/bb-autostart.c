/* bb-autostart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "bb-autostart.h"

/*
 * Starting the reminders service at login, on a native install, through
 * an XDG autostart entry (freedesktop.org Desktop Application Autostart
 * Specification): a desktop file in $XDG_CONFIG_HOME/autostart that the
 * session starts at login, and that the user can see and remove.
 *
 * Inside Flatpak the sandbox cannot write there; the Background portal
 * (org.freedesktop.portal.Background.RequestBackground with autostart,
 * through libportal) is the way, and is not done here yet.
 */

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

/**
 * bb_autostart_sync:
 * @settings: settings with the keys start-at-login and reminders-enabled
 * @id: the application id of the reminders service
 * @exec: its command line
 *
 * Makes the user's autostart entry say what the settings do: present
 * while reminders are on and should start at login, absent otherwise.
 * Nothing is written inside Flatpak. A failure is logged, not shown: the
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

  if (bb_autostart_is_sandboxed ())
    return;

  enabled = g_settings_get_boolean (settings, "start-at-login") &&
            g_settings_get_boolean (settings, "reminders-enabled");
  if (!bb_autostart_set (g_get_user_config_dir (), id, exec, enabled, &error))
    g_warning ("Could not change the start at login: %s", error->message);
}
