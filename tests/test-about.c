/* test-about.c: the app's icon and its About window
 *
 * The icon comes with the program, in its resources, so it shows from the
 * build tree (the tests install nothing) as well as when installed.
 *
 * A program of its own, apart from test-window: a process that makes more
 * than 2048 GQuarks leaves GLib's first quark block behind when the table
 * grows, which LeakSanitizer reports as a leak it cannot name (see
 * build-aux/lsan.supp). The About window and the icon theme add a few
 * hundred quarks, which the window tests do not have to spare.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <unistd.h>

#include "bb-application.h"
#include "bb-test-ui-util.h"
#include "bb-test-util.h"

#define RESOURCE_ICONS "resource://" APPLICATION_PATH "icons/"

typedef struct {
  BbApplication *app;
  GtkWindow *window;
} Fixture;

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  static guint n_apps;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("%s.About%d_%u", APPLICATION_ID, (int) getpid (), ++n_apps);

  g_settings_set_boolean (settings, "welcome-shown", TRUE);
  fixture->app = g_object_new (BB_TYPE_APPLICATION,
                               "application-id", app_id,
                               "flags", G_APPLICATION_NON_UNIQUE,
                               "resource-base-path", APPLICATION_PATH,
                               NULL);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_nonnull (fixture->window);
  for (guint i = 0; i < 2000 && !gtk_widget_get_mapped (GTK_WIDGET (fixture->window)); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (toplevel);
      iterate ();
    }
  g_clear_object (&fixture->app);
}

/* The file an icon name resolves to, at 64 px. */
static char *
icon_uri (GtkWidget  *widget,
          const char *name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;

  if (!gtk_icon_theme_has_icon (theme, name))
    return NULL;
  icon = gtk_icon_theme_lookup_icon (theme, name, NULL, 64, 1, GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (icon);

  return file != NULL ? g_file_get_uri (file) : NULL;
}

static void
test_icon (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  g_autofree char *uri = icon_uri (widget, ICON_NAME);
  g_autofree char *symbolic = icon_uri (widget, ICON_NAME "-symbolic");

  /* Found in the app's own resources, not in an installed theme and not
   * the theme's "missing image" stand-in. */
  g_test_message ("icon: %s, symbolic: %s", uri, symbolic);
  g_assert_nonnull (uri);
  g_assert_true (g_str_has_prefix (uri, RESOURCE_ICONS "scalable/apps/"));
  g_assert_true (g_str_has_suffix (uri, ICON_NAME ".svg"));
  g_assert_nonnull (symbolic);
  g_assert_true (g_str_has_prefix (symbolic, RESOURCE_ICONS));
  g_assert_true (g_str_has_suffix (symbolic, ICON_NAME "-symbolic.svg"));

  /* Every window of the app shows it: the window list, alt-tab. */
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, ICON_NAME);
}

static void
test_about_window (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  iterate ();
  about = bb_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == fixture->window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (about)));
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, ICON_NAME);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Backbreath");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (adw_about_window_get_website (about), "https://"));
  g_assert_true (g_str_has_prefix (adw_about_window_get_issue_url (about), "https://"));
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (about)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("backbreath-about-XXXXXX", &error);
  int result;

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/about/icon", Fixture, NULL, fixture_setup, test_icon, fixture_teardown);
  g_test_add ("/about/window", Fixture, NULL, fixture_setup, test_about_window, fixture_teardown);

  result = g_test_run ();
  bb_test_remove_tree (data_home);

  return result;
}
