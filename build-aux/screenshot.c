/* screenshot.c
 *
 * Renders the real window on every page, and its dialogs, at chosen
 * moments of a session with a fake clock, light and dark, to PNG files
 * for the README and the metainfo. Run by build-aux/screenshots.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "bb-application.h"
#include "bb-fake-clock.h"
#include "bb-preferences-window.h"
#include "bb-preset-editor.h"
#include "bb-window.h"
#include "bb-window-private.h"

static void
iterate (void)
{
  for (guint i = 0; i < 200 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
settle (void)
{
  /* Give GTK a few frames to lay out and draw. */
  for (guint i = 0; i < 20; i++)
    {
      iterate ();
      g_usleep (10000);
    }
}

static void
save (GtkWidget  *window,
      const char *dir,
      const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);

  g_print ("%s\n", path);
}

/* The first widget under @root, depth first, that matches. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The pictures show the session as it looks with sound: without a
 * sound device here, the notice that chimes can't be heard is hidden. */
static void
hide_chime_notice (GtkWidget *window)
{
  GtkWidget *notice = find_widget (window, GTK_TYPE_BOX, "chime-notice");

  if (notice != NULL)
    gtk_widget_set_visible (notice, FALSE);
}

/* A page scrolled back to its top, as it opens, in all its parts. */
static void
scroll_to_top (GtkWidget *page)
{
  if (GTK_IS_SCROLLED_WINDOW (page))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page)), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (page); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    scroll_to_top (child);
}

/* The open window of @type, such as a dialog just opened. */
static GtkWindow *
find_window (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  g_error ("No %s is open", g_type_name (type));
  return NULL;
}

static void
save_window (GtkWindow  *window,
             int         width,
             int         height,
             const char *dir,
             const char *name)
{
  gtk_window_set_default_size (window, width, height);
  settle ();
  save (GTK_WIDGET (window), dir, name);
  gtk_window_destroy (window);
  settle ();
}

/* The app icon at the sizes it is seen at, and its symbolic form, as
 * a theme shows them. */
static void
save_icons (const char *dir,
            const char *name)
{
  static const int sizes[] = { 16, 32, 64, 128 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *grid = gtk_grid_new ();

  gtk_window_set_title (GTK_WINDOW (window), APPLICATION_ID);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 24);
  gtk_widget_set_margin_bottom (grid, 24);
  gtk_widget_set_margin_start (grid, 24);
  gtk_widget_set_margin_end (grid, 24);
  gtk_widget_add_css_class (window, "background");

  for (guint row = 0; row < 2; row++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        GtkWidget *image = gtk_image_new_from_icon_name (row == 0 ? APPLICATION_ID : APPLICATION_ID "-symbolic");

        gtk_image_set_pixel_size (GTK_IMAGE (image), sizes[i]);
        gtk_widget_set_valign (image, GTK_ALIGN_END);
        gtk_widget_set_halign (image, GTK_ALIGN_CENTER);
        gtk_grid_attach (GTK_GRID (grid), image, i, row, 1, 1);
      }
  gtk_window_set_child (GTK_WINDOW (window), grid);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  save (window, dir, name);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BbClock) clock = NULL;
  g_autoptr(BbApplication) app = NULL;
  AdwStyleManager *style_manager;
  const char *dir;
  GtkWidget *window;

  int width = 480;
  int height = 720;

  /* Pictures in the user's language: LANGUAGE=de with the catalogues
   * of the build tree in BACKBREATH_LOCALEDIR, as the app does. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BACKBREATH_LOCALEDIR") != NULL
                                   ? g_getenv ("BACKBREATH_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || argc > 3 ||
      (argc == 3 && sscanf (argv[2], "%dx%d", &width, &height) != 2))
    {
      g_printerr ("usage: %s OUTPUT-DIRECTORY [WIDTHxHEIGHT]\n", argv[0]);
      return 2;
    }
  dir = argv[1];

  gtk_init ();
  adw_init ();
  /* The app's own icons, from the source tree. */
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  BB_ICONS_DIR);

  clock = bb_fake_clock_new (G_USEC_PER_SEC, G_GINT64_CONSTANT (1700000000000000));
  app = bb_application_new (APPLICATION_ID ".Screenshot", G_APPLICATION_NON_UNIQUE, clock);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  /* The first-run welcome would open over the pictures; it has its own. */
  g_settings_set_boolean (bb_application_get_settings (app), "welcome-shown", TRUE);
  /* The pictures show the breath itself, timed from the start. */
  g_settings_set_boolean (bb_application_get_settings (app), "settle-countdown", FALSE);
  g_application_activate (G_APPLICATION (app));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  style_manager = adw_style_manager_get_default ();

  for (guint dark = 0; dark <= 1; dark++)
    {
      const char *scheme = dark ? "dark" : "light";
      g_autofree char *practice = g_strdup_printf ("practice-%s.png", scheme);
      g_autofree char *in = g_strdup_printf ("session-%s-0.png", scheme);
      g_autofree char *out = g_strdup_printf ("session-%s-1.png", scheme);
      g_autofree char *done = g_strdup_printf ("done-%s.png", scheme);
      g_autofree char *learn = g_strdup_printf ("learn-%s.png", scheme);
      g_autofree char *learn_end = g_strdup_printf ("learn-%s-end.png", scheme);
      g_autofree char *welcome = g_strdup_printf ("welcome-%s.png", scheme);
      GtkWindow *welcome_window;
      g_autofree char *settling = g_strdup_printf ("session-%s-settle.png", scheme);
      g_autofree char *stopped = g_strdup_printf ("done-%s-stopped.png", scheme);
      g_autofree char *editor = g_strdup_printf ("editor-%s.png", scheme);
      g_autofree char *icons = g_strdup_printf ("icons-%s.png", scheme);
      static const char * const preference_pages[] = { "sound", "practice", "reminders" };

      adw_style_manager_set_color_scheme (style_manager,
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_widget_activate_action (window, "win.show-practice", NULL);
      settle ();
      save (window, dir, practice);

      /* At the start the ribs rest; just before 4 s the in-breath is
       * complete (expansion 1 to within 1e-6). */
      bb_application_begin_session (app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
      settle ();
      hide_chime_notice (window);
      settle ();
      save (window, dir, in);

      bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 4 * G_USEC_PER_SEC - 1);
      settle ();
      save (window, dir, out);

      bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 120 * G_USEC_PER_SEC);
      settle ();
      save (window, dir, done);

      /* The settle countdown before the first breath, and a session
       * stopped there. */
      g_settings_set_boolean (bb_application_get_settings (app), "settle-countdown", TRUE);
      bb_application_begin_session (app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
      settle ();
      bb_fake_clock_advance (BB_FAKE_CLOCK (clock), G_USEC_PER_SEC);
      hide_chime_notice (window);
      settle ();
      save (window, dir, settling);
      bb_session_stop (bb_application_get_session (app));
      settle ();
      save (window, dir, stopped);
      g_settings_set_boolean (bb_application_get_settings (app), "settle-countdown", FALSE);

      /* Every page of the preferences, and the editor of own sessions. */
      gtk_widget_activate_action (window, "win.show-practice", NULL);
      settle ();
      for (guint i = 0; i < G_N_ELEMENTS (preference_pages); i++)
        {
          g_autofree char *name = g_strdup_printf ("preferences-%s-%s.png", preference_pages[i], scheme);

          bb_application_show_preferences (app, preference_pages[i]);
          save_window (find_window (BB_TYPE_PREFERENCES_WINDOW), MAX (width, 480), height, dir, name);
        }
      gtk_widget_activate_action (GTK_WIDGET (gtk_widget_get_template_child (window, BB_TYPE_WINDOW, "practice_page")),
                                  "practice.new-preset", NULL);
      save_window (find_window (BB_TYPE_PRESET_EDITOR), MAX (width, 480), height, dir, editor);

      save_icons (dir, icons);

      /* The Learn page at full breath, where the faults show, and
       * scrolled to its end. */
      gtk_widget_activate_action (window, "win.show-practice", NULL);
      gtk_widget_activate_action (window, "win.show-learn", NULL);
      settle ();
      bb_fake_clock_advance (BB_FAKE_CLOCK (clock), 4 * G_USEC_PER_SEC - 1);
      settle ();
      save (window, dir, learn);
      {
        GtkWidget *bin = GTK_WIDGET (gtk_widget_get_template_child (window, BB_TYPE_WINDOW, "learn_bin"));
        GtkWidget *scrolled = gtk_widget_get_first_child (gtk_widget_get_first_child (bin));
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        settle ();
        save (window, dir, learn_end);
        gtk_adjustment_set_value (adjustment, 0);
      }

      gtk_widget_activate_action (window, "win.show-practice", NULL);
      gtk_widget_activate_action (window, "win.show-welcome", NULL);
      welcome_window = bb_window_get_welcome (BB_WINDOW (window));
      gtk_window_set_default_size (welcome_window, MIN (width, 460), height);
      settle ();
      save (GTK_WIDGET (welcome_window), dir, welcome);
      gtk_window_close (welcome_window);
      settle ();
    }

  /* Some months of practice, most days, for the history page. */
  for (guint i = 0; i < 150; i++)
    {
      BbSession *session;

      bb_fake_clock_jump_real (BB_FAKE_CLOCK (clock),
                               (gint64) (i % 7 == 3 ? 40 : i % 3 == 0 ? 5 : 19) * 3600 * G_USEC_PER_SEC);
      session = bb_application_begin_session (app, i % 4 == 0 ? "first-breaths" : "desk-break",
                                              BB_HISTORY_SOURCE_PRACTICE);
      bb_fake_clock_advance (BB_FAKE_CLOCK (clock), (i % 5 == 0 ? 60 : 125) * G_USEC_PER_SEC);
      if (i % 5 == 0)
        bb_session_stop (session);
      /* Check-ins on most of them, the back felt more often with time,
       * the newest a "not yet", so the practice page has a tip. */
      if (i % 6 != 5 || i == 149)
        {
          BbCheckin checkin = { i == 149 || i % 4 == 1 ? BB_BACK_FELT_NOT_YET
                                : i % 4 == 2 ? BB_BACK_FELT_A_LITTLE : BB_BACK_FELT_YES,
                                2 + i % 4, 1 + (i % 7) / 2 };

          bb_application_save_checkin (app, session, &checkin, NULL);
        }
      iterate ();
    }

  for (guint dark = 0; dark <= 1; dark++)
    {
      g_autofree char *guide = g_strdup_printf ("practice-guide-%s.png", dark ? "dark" : "light");

      adw_style_manager_set_color_scheme (style_manager,
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_widget_activate_action (window, "win.show-practice", NULL);
      settle ();
      save (window, dir, guide);
    }

  for (guint dark = 0; dark <= 1; dark++)
    {
      const char *scheme = dark ? "dark" : "light";
      g_autofree char *history = g_strdup_printf ("history-%s.png", scheme);
      g_autofree char *sessions = g_strdup_printf ("sessions-%s.png", scheme);
      GtkWidget *page;

      adw_style_manager_set_color_scheme (style_manager,
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_widget_activate_action (window, "win.show-practice", NULL);
      gtk_widget_activate_action (window, "win.show-history", NULL);
      settle ();
      page = adw_bin_get_child (ADW_BIN (gtk_widget_get_template_child (window, BB_TYPE_WINDOW, "history_bin")));
      scroll_to_top (page);
      settle ();
      save (window, dir, history);

      gtk_widget_activate_action (page, "history.show-sessions", NULL);
      settle ();
      save (window, dir, sessions);
      gtk_widget_activate_action (page, "history.show-overview", NULL);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  return 0;
}
