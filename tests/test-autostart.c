/* test-autostart.c
 *
 * The XDG autostart entry of the reminders service, in a folder of the
 * test's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "bb-autostart.h"
#include "bb-test-util.h"

#define SERVICE_ID APPLICATION_ID ".Reminders"

static char *
make_config_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("backbreath-autostart-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
test_path (void)
{
  g_autofree char *path = bb_autostart_get_path ("/home/me/.config", SERVICE_ID);

  g_assert_cmpstr (path, ==, "/home/me/.config/autostart/" SERVICE_ID ".desktop");
}

static void
test_write_and_remove (void)
{
  g_autofree char *config_dir = make_config_dir ();
  g_autofree char *path = bb_autostart_get_path (config_dir, SERVICE_ID);
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *type = NULL;
  g_autofree char *validate_out = NULL;
  int status;

  /* Nothing there yet: removing is no error. */
  g_assert_true (bb_autostart_set (config_dir, SERVICE_ID, "backbreath-reminders", FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The folder is made as needed. */
  g_assert_true (bb_autostart_set (config_dir, SERVICE_ID, "backbreath-reminders", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  type = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "Application");
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "backbreath-reminders");
  g_assert_true (g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", &error));
  g_assert_no_error (error);
  g_assert_true (g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, &error));
  g_assert_no_error (error);
  g_assert_false (g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_HIDDEN, &error));
  g_assert_no_error (error);

  /* A valid desktop entry, as the session reads it. */
  {
    const char *argv[] = { "desktop-file-validate", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, &validate_out, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (validate_out, ==, "");
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  /* Written again over itself, then removed. */
  g_assert_true (bb_autostart_set (config_dir, SERVICE_ID, "backbreath-reminders", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (bb_autostart_set (config_dir, SERVICE_ID, "backbreath-reminders", FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  bb_test_remove_tree (config_dir);
}

/* A file where the autostart folder should be: an error to report, not
 * a crash or a silent success. */
static void
test_unwritable (void)
{
  g_autofree char *config_dir = make_config_dir ();
  g_autofree char *blocker = g_build_filename (config_dir, "autostart", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (blocker, "", 0, &error);
  g_assert_no_error (error);

  g_assert_false (bb_autostart_set (config_dir, SERVICE_ID, "backbreath-reminders", TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  bb_test_remove_tree (config_dir);
}

/* The settings decide: on only while both keys are. XDG_CONFIG_HOME is
 * set before anything asks GLib for it. */
static void
test_sync (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *path = bb_autostart_get_path (g_get_user_config_dir (), SERVICE_ID);

  if (bb_autostart_is_sandboxed ())
    {
      g_test_fail_printf ("this test cannot run inside Flatpak");
      return;
    }

  g_settings_set_boolean (settings, "start-at-login", TRUE);
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  bb_autostart_sync (settings, SERVICE_ID, "backbreath-reminders");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  bb_autostart_sync (settings, SERVICE_ID, "backbreath-reminders");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_settings_set_boolean (settings, "start-at-login", FALSE);
  bb_autostart_sync (settings, SERVICE_ID, "backbreath-reminders");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config_home = g_dir_make_tmp ("backbreath-autostart-home-XXXXXX", &error);
  int result;

  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/autostart/path", test_path);
  g_test_add_func ("/autostart/write-and-remove", test_write_and_remove);
  g_test_add_func ("/autostart/unwritable", test_unwritable);
  g_test_add_func ("/autostart/sync", test_sync);

  result = g_test_run ();
  bb_test_remove_tree (config_home);

  return result;
}
