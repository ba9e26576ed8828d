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

/* A Background portal of the test's own, on a private bus: it records
 * what it was asked and answers with @response. */
typedef struct
{
  GDBusConnection *connection;
  guint32          response;
  GVariant        *options;
  char            *sender;
} FakePortal;

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
portal_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  FakePortal *portal = user_data;
  g_autofree char *escaped = g_strdup (sender + 1);
  g_autofree char *path = NULL;
  const char *token = NULL;
  gboolean autostart = FALSE;
  GVariantBuilder results;

  g_clear_pointer (&portal->options, g_variant_unref);
  g_variant_get (parameters, "(&s@a{sv})", NULL, &portal->options);
  g_free (portal->sender);
  portal->sender = g_strdup (sender);
  g_assert_true (g_variant_lookup (portal->options, "handle_token", "&s", &token));
  g_variant_lookup (portal->options, "autostart", "b", &autostart);

  g_strdelimit (escaped, ".", '_');
  path = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", escaped, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", path));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_dbus_connection_emit_signal (connection, sender, path, "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(ua{sv})", portal->response, &results), NULL);
}

static void
request_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
request (GDBusConnection  *bus,
         gboolean          autostart,
         gboolean         *granted,
         GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  bb_autostart_request_background_async (bus, "backbreath-reminders", autostart, NULL,
                                         request_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return bb_autostart_request_background_finish (result, granted, error);
}

static GDBusConnection *
connect_to (const char *address)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection =
    g_dbus_connection_new_for_address_sync (address,
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);

  g_assert_no_error (error);

  return connection;
}

/* Inside Flatpak, start at login goes through the Background portal:
 * asked with the command line and the wish, the answer read from the
 * request's Response; a refusal and a missing portal are errors. */
static void
test_portal (void)
{
  g_autoptr(GTestDBus) dbus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GDBusConnection) app = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree const char **commandline = NULL;
  static const GDBusInterfaceVTable vtable = { portal_method_cb, NULL, NULL, { 0 } };
  FakePortal portal = { 0 };
  const char *reason = NULL;
  gboolean granted = FALSE;
  gboolean wished = FALSE;
  guint object_id;
  guint name_id;

  g_test_dbus_up (dbus);
  app = connect_to (g_test_dbus_get_bus_address (dbus));

  /* No portal on the bus: an error, no hang. */
  g_assert_false (request (app, TRUE, &granted, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  portal.connection = connect_to (g_test_dbus_get_bus_address (dbus));
  object_id = g_dbus_connection_register_object (portal.connection, "/org/freedesktop/portal/desktop",
                                                 info->interfaces[0], &vtable, &portal, NULL, &error);
  g_assert_no_error (error);
  name_id = g_bus_own_name_on_connection (portal.connection, "org.freedesktop.portal.Desktop",
                                          G_BUS_NAME_OWNER_FLAGS_NONE, NULL, NULL, NULL, NULL);
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_true (request (app, TRUE, &granted, &error));
  g_assert_no_error (error);
  g_assert_true (granted);
  g_assert_cmpstr (portal.sender, ==, g_dbus_connection_get_unique_name (app));
  g_assert_true (g_variant_lookup (portal.options, "autostart", "b", &wished));
  g_assert_true (wished);
  g_assert_true (g_variant_lookup (portal.options, "commandline", "^a&s", &commandline));
  g_assert_cmpuint (g_strv_length ((char **) commandline), ==, 1);
  g_assert_cmpstr (commandline[0], ==, "backbreath-reminders");
  g_assert_true (g_variant_lookup (portal.options, "reason", "&s", &reason));
  g_assert_cmpstr (reason, !=, "");

  /* Turned off again. */
  g_assert_true (request (app, FALSE, &granted, &error));
  g_assert_false (granted);
  g_assert_true (g_variant_lookup (portal.options, "autostart", "b", &wished));
  g_assert_false (wished);

  /* The user said no. */
  portal.response = 1;
  g_assert_false (request (app, TRUE, &granted, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_bus_unown_name (name_id);
  g_dbus_connection_unregister_object (portal.connection, object_id);
  g_clear_pointer (&portal.options, g_variant_unref);
  g_free (portal.sender);
  g_dbus_connection_close_sync (app, NULL, NULL);
  g_dbus_connection_close_sync (portal.connection, NULL, NULL);
  g_clear_object (&portal.connection);
  g_clear_object (&app);
  g_test_dbus_down (dbus);
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
  g_test_add_func ("/autostart/portal", test_portal);

  result = g_test_run ();
  bb_test_remove_tree (config_home);

  return result;
}
