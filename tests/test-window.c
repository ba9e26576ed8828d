/* test-window.c
 *
 * The real window, in-process under Xvfb, driven by a fake clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include "bb-application.h"
#include "bb-catalog.h"
#include "bb-checkin-view.h"
#include "bb-chime-private.h"
#include "bb-done-page.h"
#include "bb-fake-clock.h"
#include "bb-guidance.h"
#include "bb-guide-card.h"
#include "bb-history-page.h"
#include "bb-learn-page.h"
#include "bb-practice-page.h"
#include "bb-practice-page-private.h"
#include "bb-preferences-window.h"
#include "bb-preset-editor.h"
#include "bb-preset-row.h"
#include "bb-preset-store.h"
#include "bb-reminders-client.h"
#include "bb-rib-painter.h"
#include "bb-rib-view.h"
#include "bb-rib-view-private.h"
#include "bb-session-list.h"
#include "bb-session-page-private.h"
#include "bb-tension-chart.h"
#include "bb-tension-scale.h"
#include "bb-test-ui-util.h"
#include "bb-test-util.h"
#include "bb-welcome-window.h"
#include "bb-window-private.h"

#define SEC G_GINT64_CONSTANT (1000000)

typedef struct
{
  BbApplication *app;
  BbClock       *clock;
  BbChime       *chime;
  GPtrArray     *played;  /* "inhale@4000" : sound file name and ms since start */
  gboolean       no_device;
  BbWindow      *window;
  char          *history_dir;  /* for tests with a history of their own */
  char          *history_path;
  sqlite3       *lock;         /* another writer, holding the store */
} Fixture;

/* Fixture data: a new, empty history, one whose file is damaged, or one
 * another writer holds while the app opens it. */
#define OWN_HISTORY "own-history"
#define BROKEN_HISTORY "broken-history"
#define LOCKED_HISTORY "locked-history"
/* A first run: the welcome has not been shown yet (and the history is
 * new). Every other test starts with the welcome seen. */
#define FIRST_RUN "first-run"

static gboolean
record_play (gpointer     backend_data,
             guint32      id,
             const char  *path,
             const char  *event_id,
             const char  *description,
             double       volume_db,
             GError     **error)
{
  Fixture *fixture = backend_data;
  g_autofree char *name = NULL;

  if (fixture->no_device)
    {
      g_set_error (error, BB_CHIME_ERROR, BB_CHIME_ERROR_UNAVAILABLE, "no sound server");
      return FALSE;
    }

  name = path != NULL ? g_path_get_basename (path) : g_strdup (event_id);
  gint64 now = bb_clock_get_monotonic_time (fixture->clock) - 10 * G_USEC_PER_SEC;

  if (g_str_has_suffix (name, ".wav"))
    name[strlen (name) - 4] = '\0';
  g_ptr_array_add (fixture->played,
                   g_strdup_printf ("%s@%" G_GINT64_FORMAT, name, now / 1000));

  return TRUE;
}

static void
record_cancel (gpointer backend_data,
               guint32  id)
{
}

static const BbChimeBackend recording_backend = { record_play, record_cancel };

static char *
played_string (Fixture *fixture)
{
  g_ptr_array_add (fixture->played, NULL);
  g_ptr_array_remove_index (fixture->played, fixture->played->len - 1);

  return g_strjoinv (" ", (char **) fixture->played->pdata);
}

static void
iterate (void)
{
  /* Let GTK map, lay out and draw what changed. */
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_mapped (GtkWidget *widget)
{
  for (guint i = 0; i < 2000 && !gtk_widget_get_mapped (widget); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (gtk_widget_get_mapped (widget));
}

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* A template child of the first widget of @type in the window. */
static GtkWidget *
part_of (Fixture    *fixture,
         GType       type,
         const char *name)
{
  GtkWidget *widget = find_widget (GTK_WIDGET (fixture->window), is_type, GSIZE_TO_POINTER (type));
  GObject *child;

  g_assert_nonnull (widget);
  child = gtk_widget_get_template_child (widget, type, name);
  g_assert_true (GTK_IS_WIDGET (child));

  return GTK_WIDGET (child);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The activatable switch of the row titled @title. */
static gboolean
is_switch_for (GtkWidget     *widget,
               gconstpointer  title)
{
  GtkWidget *row;

  if (!GTK_IS_SWITCH (widget))
    return FALSE;

  row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  return row != NULL && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0;
}

static GtkWidget *
find_button (Fixture    *fixture,
             const char *action)
{
  GtkWidget *button = find_widget (GTK_WIDGET (fixture->window), has_action, action);

  g_assert_nonnull (button);

  return button;
}

/* A key the widget must take. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_assert_true (bb_test_press_shortcut (widget, keyval, 0));
  iterate ();
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

static void
advance (Fixture *fixture,
         gint64   delta)
{
  bb_fake_clock_advance (BB_FAKE_CLOCK (fixture->clock), delta);
  iterate ();
}

/* Every test starts from the defaults, whatever the tests before it
 * changed: the memory settings backend lives as long as the process. */
static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  /* Sessions begin with their first in-breath, but in the tests of the
   * settle countdown, which turn it back on. */
  g_settings_set_boolean (settings, "settle-countdown", FALSE);

  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-enable-animations");
}

/* The app opens its history on a worker thread after the first frame. */
static BbHistory *
wait_history (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (bb_application_get_history (fixture->app) == NULL &&
         !bb_application_get_history_failed (fixture->app) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return bb_application_get_history (fixture->app);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  static guint n_apps;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = NULL;

  reset_settings ();
  if (g_strcmp0 (data, FIRST_RUN) != 0)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

      g_settings_set_boolean (settings, "welcome-shown", TRUE);
    }

  fixture->clock = bb_fake_clock_new (10 * SEC, 1700000000 * SEC);
  fixture->played = g_ptr_array_new_with_free_func (g_free);
  fixture->chime = bb_chime_new_with_backend (&recording_backend, fixture, NULL);
  bb_chime_set_sounds_dir (fixture->chime, BB_SOUNDS_DIR);
  /* Each test registers its own application on the bus, apart from
   * those of any other test process running at the same time. */
  app_id = g_strdup_printf ("%s.Test%d_%u", APPLICATION_ID, (int) getpid (), ++n_apps);
  if (data != NULL)
    {
      fixture->history_dir = g_dir_make_tmp ("backbreath-window-history-XXXXXX", &error);
      g_assert_no_error (error);
      fixture->history_path = g_build_filename (fixture->history_dir, "history.db", NULL);
      if (g_str_equal (data, BROKEN_HISTORY))
        {
          g_file_set_contents (fixture->history_path, "This is no database, only words.", -1, &error);
          g_assert_no_error (error);
        }
      else if (g_str_equal (data, LOCKED_HISTORY))
        {
          g_object_unref (bb_history_open (fixture->history_path, NULL, BB_HISTORY_OPEN_NONE, &error));
          g_assert_no_error (error);
          g_assert_cmpint (sqlite3_open (fixture->history_path, &fixture->lock), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (fixture->lock, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
        }
    }
  fixture->app = g_object_new (BB_TYPE_APPLICATION,
                               "application-id", app_id,
                               "flags", G_APPLICATION_NON_UNIQUE,
                               "resource-base-path", APPLICATION_PATH,
                               "clock", fixture->clock,
                               "chime", fixture->chime,
                               "history-path", fixture->history_path,
                               NULL);

  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));

  fixture->window = BB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  wait_mapped (GTK_WIDGET (fixture->window));
  iterate ();

  /* The history opens on a worker thread; tests begin once it is open,
   * but for the one about sessions begun before. */
  if (fixture->lock == NULL)
    wait_history (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_assert_null (fixture->window);

  /* A registered GtkApplication keeps a reference of its own for the
   * life of the process, so only our reference is dropped here. */
  g_clear_object (&fixture->app);
  g_clear_object (&fixture->chime);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->played, g_ptr_array_unref);
  g_clear_pointer (&fixture->lock, sqlite3_close);
  if (fixture->history_dir != NULL)
    bb_test_remove_tree (fixture->history_dir);
  g_clear_pointer (&fixture->history_dir, g_free);
  g_clear_pointer (&fixture->history_path, g_free);
}

static BbSessionPage *
session_page (Fixture *fixture)
{
  GtkWidget *page = find_widget (GTK_WIDGET (fixture->window), is_type,
                                 GSIZE_TO_POINTER (BB_TYPE_SESSION_PAGE));

  g_assert_nonnull (page);

  return BB_SESSION_PAGE (page);
}

static const char *
label_text (BbSessionPage *page,
            const char    *name)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_SESSION_PAGE, name);

  g_assert_true (GTK_IS_LABEL (label));

  return gtk_label_get_label (GTK_LABEL (label));
}

static gboolean
has_target (GtkWidget     *widget,
            gconstpointer  preset)
{
  GVariant *target;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;

  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

  return target != NULL && g_str_equal (g_variant_get_string (target, NULL), preset);
}

/* The radio button of @preset in the list of sessions. */
static GtkWidget *
find_preset_check (Fixture    *fixture,
                   const char *preset)
{
  GtkWidget *check = find_widget (GTK_WIDGET (fixture->window), has_target, preset);

  g_assert_nonnull (check);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (check)), ==, "app.last-preset");

  return check;
}

static void
test_desk_break (Fixture       *fixture,
                 gconstpointer  data)
{
  BbSessionPage *page = session_page (fixture);
  BbRibView *view = BB_RIB_VIEW (bb_session_page_get_rib_view (page));
  BbSession *session;
  GtkWidget *done_page;

  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "practice");
  g_assert_false (bb_rib_view_is_ticking (view));

  /* Desk break is selected by default, from the settings. */
  {
    g_autofree char *last = g_settings_get_string (bb_application_get_settings (fixture->app), "last-preset");

    g_assert_cmpstr (last, ==, "desk-break");
  }
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_preset_check (fixture, "desk-break"))));
  click (find_button (fixture, "practice.start"));

  session = bb_application_get_session (fixture->app);
  g_assert_nonnull (session);
  g_assert_cmpstr (bb_session_get_position (session), ==, "seated");
  g_assert_cmpuint (bb_session_get_n_breaths (session), ==, 12);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");
  wait_mapped (GTK_WIDGET (view));

  g_assert_cmpstr (label_text (page, "phase_label"), ==, "Breathe in");
  g_assert_cmpstr (label_text (page, "countdown_label"), ==, "4");
  g_assert_cmpstr (label_text (page, "breath_label"), ==, "Breath 1 of 12");
  g_assert_cmpstr (label_text (page, "time_left_label"), ==, "2:00 left");
  g_assert_true (bb_rib_view_is_ticking (view));

  /* The countdown follows the clock, second by second. */
  advance (fixture, 1 * SEC + 1);
  g_assert_cmpstr (label_text (page, "countdown_label"), ==, "3");
  g_assert_cmpstr (label_text (page, "time_left_label"), ==, "1:59 left");
  advance (fixture, 3 * SEC);
  g_assert_cmpstr (label_text (page, "phase_label"), ==, "Breathe out");
  g_assert_cmpstr (label_text (page, "countdown_label"), ==, "6");

  /* Space pauses and resumes. */
  press_key (GTK_WIDGET (page), GDK_KEY_space);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_PAUSED);
  g_assert_cmpstr (label_text (page, "phase_label"), ==, "Paused");
  g_assert_false (bb_rib_view_is_ticking (view));
  advance (fixture, 60 * SEC);
  g_assert_cmpint (bb_session_get_elapsed (session), ==, 4 * SEC + 1);
  press_key (GTK_WIDGET (page), GDK_KEY_space);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_RUNNING);
  g_assert_true (bb_rib_view_is_ticking (view));

  /* Drive it to the end. */
  for (guint i = 0; i < 120 && bb_session_get_state (session) == BB_SESSION_STATE_RUNNING; i++)
    advance (fixture, 1 * SEC);

  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_FINISHED);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "done");
  g_assert_false (bb_rib_view_is_ticking (view));

  done_page = find_widget (GTK_WIDGET (fixture->window), is_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (done_page)), ==, "Well Done");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (done_page)),
                            "12 breaths in 2:00"));

  /* Done leads back to the choice of sessions. */
  click (find_button (fixture, "win.show-practice"));
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "practice");
}

static void
test_escape_stops (Fixture       *fixture,
                   gconstpointer  data)
{
  BbSessionPage *page = session_page (fixture);
  BbSession *session;
  GtkWidget *done_page;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "start-preset",
                                  g_variant_new_string ("standing-reset"));
  iterate ();
  session = bb_application_get_session (fixture->app);
  g_assert_cmpstr (bb_session_get_position (session), ==, "standing");

  advance (fixture, 25 * SEC);
  press_key (GTK_WIDGET (page), GDK_KEY_Escape);

  /* Kept, paused, while its toast can resume it; stopped once it goes. */
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_PAUSED);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "done");
  g_assert_nonnull (bb_window_get_stop_toast (fixture->window));
  adw_toast_dismiss (bb_window_get_stop_toast (fixture->window));
  iterate ();
  g_assert_null (bb_window_get_stop_toast (fixture->window));

  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_STOPPED);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "done");
  g_assert_false (bb_rib_view_is_ticking (BB_RIB_VIEW (bb_session_page_get_rib_view (page))));

  done_page = find_widget (GTK_WIDGET (fixture->window), is_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (done_page)), ==, "Session Ended");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (done_page)),
                            "2 of 6 breaths in 0:25"));
}

static void
test_new_session_replaces (Fixture       *fixture,
                           gconstpointer  data)
{
  BbSession *first;
  BbSession *second;

  first = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  advance (fixture, 5 * SEC);

  /* As with --start while a session runs: the old one is stopped. */
  second = bb_application_begin_session (fixture->app, "first-breaths", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_assert_null (first);
  g_assert_cmpint (bb_session_get_state (second), ==, BB_SESSION_STATE_RUNNING);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");

  g_assert_null (bb_application_begin_session (fixture->app, "no-such-preset", BB_HISTORY_SOURCE_PRACTICE));
  g_assert_true (bb_application_get_session (fixture->app) == second);
}

static void
test_reduced_motion (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  BbSessionPage *page = session_page (fixture);
  BbRibView *view = BB_RIB_VIEW (bb_session_page_get_rib_view (page));
  BbSession *session;

  session = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  advance (fixture, 2 * SEC);
  g_assert_true (bb_rib_view_is_ticking (view));
  g_assert_cmpfloat_with_epsilon (bb_rib_view_get_shown_expansion (view), 0.5, 1e-9);

  /* Reduced motion: no frames, and the drawing shows where each phase
   * leads instead of moving through it. */
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  iterate ();
  g_assert_false (bb_rib_view_is_ticking (view));
  g_assert_cmpfloat (bb_rib_view_get_shown_expansion (view), ==, 1.0);
  advance (fixture, 3 * SEC);
  g_assert_cmpint (bb_session_get_phase (session), ==, BB_PHASE_EXHALE);
  g_assert_false (bb_rib_view_is_ticking (view));
  g_assert_cmpfloat (bb_rib_view_get_shown_expansion (view), ==, 0.0);

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  iterate ();
  g_assert_true (bb_rib_view_is_ticking (view));
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window));
  int minimum = 0;

  /* Every page fits a 360 px wide phone screen. */
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  bb_application_begin_session (fixture->app, "daily", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, 360, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 640);

  /* F11 is bound to full screen. */
  press_key (GTK_WIDGET (fixture->window), GDK_KEY_F11);
}

static void
test_chimes_hidden (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *played = NULL;
  GSettings *settings = bb_application_get_settings (fixture->app);

  g_settings_reset (settings, "chimes-enabled");
  g_settings_set_boolean (settings, "chime-hold", TRUE);
  g_settings_set_int (settings, "chime-volume", 40);
  g_assert_cmpint (bb_chime_get_volume (fixture->chime), ==, 40);

  /* Chimes come from the session, not from the window: they keep time
   * with the window hidden. */
  bb_application_begin_session (fixture->app, "steady-holds", BB_HISTORY_SOURCE_PRACTICE);
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  iterate ();
  advance (fixture, 12 * SEC);
  played = played_string (fixture);
  g_assert_cmpstr (played, ==, "inhale@0 hold@4000 exhale@6000 inhale@12000");

  /* Switched off in the settings: the next phases, up to and including
   * the in-breath at 24 s, are silent. */
  g_settings_set_boolean (settings, "chimes-enabled", FALSE);
  g_assert_true (bb_chime_get_muted (fixture->chime));
  advance (fixture, 12 * SEC);
  g_assert_cmpuint (fixture->played->len, ==, 4);

  g_settings_set_boolean (settings, "chimes-enabled", TRUE);
  g_settings_set_boolean (settings, "chime-hold", FALSE);
  advance (fixture, 12 * SEC);
  g_clear_pointer (&played, g_free);
  played = played_string (fixture);
  g_assert_cmpstr (played, ==, "inhale@0 hold@4000 exhale@6000 inhale@12000 "
                               "exhale@30000 inhale@36000");
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), TRUE);
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* Lets GTK lay out what changed, until the widget has a size. */
static void
wait_laid_out (GtkWidget *widget)
{
  wait_mapped (widget);
  for (guint i = 0; i < 200; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      if (!gtk_widget_should_layout (widget) || gtk_widget_get_width (widget) > 0)
        break;
      g_usleep (1000);
    }
  /* A frame or two for the allocation to settle. */
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

static void
test_no_sound_device (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *notice = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (session_page (fixture)),
                                                                 BB_TYPE_SESSION_PAGE, "chime_notice"));
  GtkWidget *view = bb_session_page_get_rib_view (session_page (fixture));
  graphene_rect_t without_notice;
  graphene_rect_t with_notice;
  BbSession *session;

  g_assert_nonnull (notice);
  g_assert_false (gtk_widget_is_visible (notice));

  bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  wait_laid_out (view);
  g_assert_true (gtk_widget_compute_bounds (view, GTK_WIDGET (fixture->window), &without_notice));
  g_ptr_array_set_size (fixture->played, 0);

  /* The session goes on silently, and the session page says why, above
   * the drawing where it covers none of the controls. */
  fixture->no_device = TRUE;
  session = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_assert_true (bb_chime_get_silent (fixture->chime));
  g_assert_true (gtk_widget_is_visible (notice));
  /* It says what happened. */
  g_assert_nonnull (find_widget (notice, has_label, "Chimes can’t be heard: no sound device was found"));
  advance (fixture, 30 * SEC);
  g_assert_cmpuint (bb_session_get_breath (session), ==, 4);
  g_assert_cmpuint (fixture->played->len, ==, 0);

  /* The notice lies over the drawing: the drawing did not move. */
  wait_laid_out (view);
  g_assert_true (gtk_widget_compute_bounds (view, GTK_WIDGET (fixture->window), &with_notice));
  g_assert_true (graphene_rect_equal (&with_notice, &without_notice));

  /* Sound comes back by itself with the device, and the notice goes. */
  fixture->no_device = FALSE;
  advance (fixture, 4 * SEC);
  g_assert_false (bb_chime_get_silent (fixture->chime));
  g_assert_cmpuint (fixture->played->len, ==, 1);
  g_assert_false (gtk_widget_is_visible (notice));
}

static guint n_problem_notifies;

static void
problem_changed_cb (BbChime    *chime,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  n_problem_notifies++;
}

/* A damaged sound file of the app's own: a stand-in plays, the page names
 * the file once, and nothing flaps or moves from breath to breath. */
static void
test_bad_sound_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("backbreath-sounds-XXXXXX", &error);
  static const char * const names[] = { "hold.wav", "exhale.wav", "finish.wav", "reminder.wav" };
  GtkWidget *notice = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (session_page (fixture)),
                                                                 BB_TYPE_SESSION_PAGE, "chime_notice"));
  GtkWidget *view = bb_session_page_get_rib_view (session_page (fixture));
  g_autofree char *inhale = NULL;
  graphene_rect_t first;
  graphene_rect_t later;
  gulong handler;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = g_build_filename (BB_SOUNDS_DIR, names[i], NULL);
      g_autofree char *to = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }
  inhale = g_build_filename (dir, "inhale.wav", NULL);
  g_assert_true (g_file_set_contents (inhale, "RIFF, but not really", -1, NULL));

  bb_chime_set_sounds_dir (fixture->chime, dir);
  n_problem_notifies = 0;
  handler = g_signal_connect (fixture->chime, "notify::problem", G_CALLBACK (problem_changed_cb), NULL);

  bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  wait_laid_out (view);
  g_assert_true (gtk_widget_compute_bounds (view, GTK_WIDGET (fixture->window), &first));
  g_assert_true (gtk_widget_is_visible (notice));
  g_assert_false (bb_chime_get_silent (fixture->chime));
  g_assert_nonnull (strstr (bb_chime_get_problem (fixture->chime), "Breathe in"));
  g_assert_nonnull (find_widget (notice, has_label, bb_chime_get_problem (fixture->chime)));

  for (guint i = 0; i < 40; i++)
    {
      advance (fixture, 1 * SEC);
      g_assert_true (gtk_widget_is_visible (notice));
    }
  wait_laid_out (view);
  g_assert_true (gtk_widget_compute_bounds (view, GTK_WIDGET (fixture->window), &later));
  g_assert_true (graphene_rect_equal (&first, &later));
  g_assert_cmpuint (n_problem_notifies, ==, 1);

  /* Every in-breath is still heard, from a stand-in; out-breaths from
   * their own file. */
  {
    g_autofree char *played = played_string (fixture);

    g_assert_nonnull (strstr (played, "inhale@0 exhale@4000 inhale@10000 exhale@14000"));
  }

  g_signal_handler_disconnect (fixture->chime, handler);
  bb_chime_set_sounds_dir (fixture->chime, BB_SOUNDS_DIR);
  bb_test_remove_tree (dir);
}

/* Opens the preferences as the menu does and waits until they show. */
static GtkWidget *
open_preferences (Fixture *fixture)
{
  GtkWidget *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  iterate ();
  preferences = bb_test_find_toplevel (BB_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  wait_mapped (preferences);

  return preferences;
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  GtkWidget *preferences = NULL;
  GtkWidget *preview;
  g_autofree char *played = NULL;

  preferences = open_preferences (fixture);

  /* Each moment has a preview that plays its own sound. */
  preview = find_widget (preferences, has_tooltip, "Play the “Breathing Out” chime");
  g_assert_nonnull (preview);
  click (preview);
  played = played_string (fixture);
  g_assert_cmpstr (played, ==, "exhale@0");

  /* The switches write the settings the chime follows. */
  g_settings_set_boolean (settings, "chime-exhale", TRUE);
  /* As a click on the row does: the row toggles its switch, which
   * takes effect once its short animation ends. */
  adw_action_row_activate (ADW_ACTION_ROW (gtk_widget_get_ancestor (find_widget (preferences, is_switch_for, "Breathing Out"),
                                                                    ADW_TYPE_ACTION_ROW)));
  for (guint i = 0; i < 3000 && g_settings_get_boolean (settings, "chime-exhale"); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_false (g_settings_get_boolean (settings, "chime-exhale"));
  g_assert_false (bb_chime_get_sound_enabled (fixture->chime, BB_CHIME_SOUND_EXHALE));

  gtk_window_destroy (GTK_WINDOW (preferences));
  iterate ();
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* The session is the only thing that asks the clock for a timeout, also
 * with the session page on screen, and the labels change exactly when
 * what they say does. */
static void
test_one_timer (Fixture       *fixture,
                gconstpointer  data)
{
  BbSessionPage *page = session_page (fixture);
  GObject *countdown = gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_SESSION_PAGE, "countdown_label");
  GObject *time_left = gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_SESSION_PAGE, "time_left_label");
  GObject *phase = gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_SESSION_PAGE, "phase_label");
  BbFakeClock *clock = BB_FAKE_CLOCK (fixture->clock);
  g_autoptr(GString) shown = g_string_new (NULL);
  guint n_countdown = 0;
  guint n_time_left = 0;
  guint n_phase = 0;
  BbSession *session;

  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 0);

  /* Desk break: 12 breaths of 4 s in and 6 s out. */
  session = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_signal_connect (countdown, "notify::label", G_CALLBACK (count_cb), &n_countdown);
  g_signal_connect (time_left, "notify::label", G_CALLBACK (count_cb), &n_time_left);
  g_signal_connect (phase, "notify::label", G_CALLBACK (count_cb), &n_phase);

  for (guint i = 0; i < 20; i++)
    {
      g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 1);
      g_string_append_printf (shown, "%s ", gtk_label_get_label (GTK_LABEL (countdown)));
      advance (fixture, 1 * SEC);
    }

  /* Once a second: the boundaries fall on whole seconds here, so each
   * second is one change of each number. */
  g_assert_cmpstr (shown->str, ==, "4 3 2 1 6 5 4 3 2 1 4 3 2 1 6 5 4 3 2 1 ");
  g_assert_cmpuint (n_countdown, ==, 20);
  g_assert_cmpuint (n_time_left, ==, 20);
  /* Once a boundary: in, out, in, out. */
  g_assert_cmpuint (n_phase, ==, 4);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (time_left)), ==, "1:40 left");

  /* Hidden, the window adds no timeout; paused, nothing is pending. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  iterate ();
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 1);
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), TRUE);
  bb_session_pause (session);
  iterate ();
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 0);
  bb_session_stop (session);
  iterate ();
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 0);
}

static void
record_page_cb (GtkStack   *stack,
                GParamSpec *pspec,
                GString    *pages)
{
  g_string_append_printf (pages, "%s ", gtk_stack_get_visible_child_name (stack));
}

/* Each change of page happens once: a new session that replaces a
 * running one never passes through the end page. */
static void
test_replace_transitions (Fixture       *fixture,
                          gconstpointer  data)
{
  GObject *stack = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), BB_TYPE_WINDOW, "stack");
  g_autoptr(GString) pages = g_string_new (NULL);
  BbSession *first;

  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (record_page_cb), pages);

  first = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  g_object_ref (first);
  iterate ();
  advance (fixture, 5 * SEC);
  g_assert_cmpstr (pages->str, ==, "session ");

  bb_application_begin_session (fixture->app, "first-breaths", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_assert_cmpint (bb_session_get_state (first), ==, BB_SESSION_STATE_STOPPED);
  g_assert_cmpstr (pages->str, ==, "session ");
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");

  /* From the end page, one step to the new session. */
  press_key (GTK_WIDGET (session_page (fixture)), GDK_KEY_Escape);
  g_assert_cmpstr (pages->str, ==, "session done ");
  bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_assert_cmpstr (pages->str, ==, "session done session ");

  g_assert_finalize_object (first);
}

static guint n_window_writes;

static void
window_key_changed_cb (GSettings  *settings,
                       const char *key,
                       gpointer    user_data)
{
  if (g_str_has_prefix (key, "window-"))
    n_window_writes++;
}

/* The size is saved once, when the window closes, and only sizes in the
 * schema's range are accepted. */
static void
test_window_size (Fixture       *fixture,
                  gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) negative = g_variant_ref_sink (g_variant_new_int32 (-500));
  g_autoptr(GVariant) huge = g_variant_ref_sink (g_variant_new_int32 (1000000));
  int final_width = 0;
  int final_height = 0;
  gulong handler;

  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "window-width");
  g_assert_false (g_settings_schema_key_range_check (key, negative));
  g_assert_false (g_settings_schema_key_range_check (key, huge));

  n_window_writes = 0;
  handler = g_signal_connect (settings, "changed", G_CALLBACK (window_key_changed_cb), NULL);

  for (int i = 0; i < 50; i++)
    {
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 500 + i * 4, 450 + i * 2);
      iterate ();
    }
  g_assert_cmpuint (n_window_writes, ==, 0);

  /* Without a window manager GTK sends the X server one resize at a
   * time, and the server's answers set the window's size in turn: wait
   * until they are in, however slow the server, then take the size the
   * window has. */
  for (guint i = 0, stable = 0; i < 500 && stable < 20; i++)
    {
      int width = 0;
      int height = 0;

      gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
      stable = width == final_width && height == final_height ? stable + 1 : 0;
      final_width = width;
      final_height = height;
      g_usleep (5000);
      iterate ();
    }
  /* One of the sizes set, not the one it opened at. */
  g_assert_cmpint (final_width, >=, 500);
  g_assert_cmpint (final_width, <=, 696);
  g_assert_cmpint (final_height, >=, 450);
  g_assert_cmpint (final_height, <=, 548);
  g_assert_cmpuint (n_window_writes, ==, 0);

  gtk_window_close (GTK_WINDOW (fixture->window));
  iterate ();
  g_assert_cmpuint (n_window_writes, ==, 2);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, final_width);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, final_height);
  g_signal_handler_disconnect (settings, handler);

  /* The next window opens at that size. */
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = BB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  wait_mapped (GTK_WIDGET (fixture->window));
  {
    int width = 0;
    int height = 0;

    gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
    g_assert_cmpint (width, ==, final_width);
    g_assert_cmpint (height, ==, final_height);
  }

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* The list of sessions is a radio group on the settings: a click there
 * is the saved choice, and Start begins it. */
static void
test_preset_choice (Fixture       *fixture,
                    gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  GtkWidget *wind_down = find_preset_check (fixture, "first-breaths");
  GtkWidget *desk = find_preset_check (fixture, "desk-break");

  g_settings_reset (settings, "last-preset");
  iterate ();
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (desk)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (wind_down)));

  gtk_widget_activate (gtk_widget_get_ancestor (wind_down, BB_TYPE_PRESET_ROW));
  iterate ();
  {
    g_autofree char *last = g_settings_get_string (settings, "last-preset");

    g_assert_cmpstr (last, ==, "first-breaths");
  }
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (wind_down)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (desk)));

  /* Changed from outside (gsettings), the list follows. */
  g_settings_set_string (settings, "last-preset", "desk-break");
  iterate ();
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (desk)));

  g_settings_set_string (settings, "last-preset", "first-breaths");
  iterate ();
  click (find_button (fixture, "practice.start"));
  g_assert_cmpstr (bb_session_get_position (bb_application_get_session (fixture->app)), ==, "childs-pose");

  g_settings_reset (settings, "last-preset");
}

/* The main menu is built when it first opens, and has its items. */
static void
test_main_menu (Fixture       *fixture,
                gconstpointer  data)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                          BB_TYPE_WINDOW, "menu_button"));
  g_autoptr(GMenuModel) transfer = NULL;
  g_autoptr(GMenuModel) section = NULL;
  GMenuModel *model;

  g_assert_null (gtk_menu_button_get_menu_model (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  iterate ();
  model = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (model);
  g_assert_nonnull (gtk_menu_button_get_popover (button));
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 2);
  /* Import and export, each an action the app has. */
  transfer = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (transfer), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *action = NULL;

      g_assert_true (g_menu_model_get_item_attribute (transfer, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_assert_true (g_str_has_prefix (action, "app."));
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), action + 4));
    }
  section = g_menu_model_get_item_link (model, 1, G_MENU_LINK_SECTION);
  /* Preferences, Welcome, Keyboard Shortcuts, About */
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 4);
  gtk_menu_button_popdown (button);
  iterate ();
}

static BbHistoryPage *
show_history (Fixture *fixture)
{
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-history", NULL);
  iterate ();
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "history");
  page = find_widget (GTK_WIDGET (fixture->window), is_type, GSIZE_TO_POINTER (BB_TYPE_HISTORY_PAGE));
  g_assert_nonnull (page);
  wait_laid_out (page);

  return BB_HISTORY_PAGE (page);
}

static const char *
history_child (BbHistoryPage *page,
               const char    *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_HISTORY_PAGE, name);

  if (GTK_IS_STACK (child))
    return gtk_stack_get_visible_child_name (GTK_STACK (child));

  g_assert_true (GTK_IS_LABEL (child));

  return gtk_label_get_label (GTK_LABEL (child));
}

/* A session of @seconds from the window's app, @hours after the last. */
static void
practise (Fixture *fixture,
          int      hours,
          gint64   seconds)
{
  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), hours * 3600 * SEC);
  bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  advance (fixture, seconds * SEC);
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-practice", NULL);
  iterate ();
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* A history with nothing in it says so, and where to begin. */
static void
test_history_empty (Fixture       *fixture,
                    gconstpointer  data)
{
  BbHistoryPage *page = show_history (fixture);

  g_assert_cmpstr (history_child (page, "stack"), ==, "empty");
  g_assert_nonnull (find_widget (GTK_WIDGET (page), has_action, "win.show-practice"));

  /* Ctrl+H's action does nothing during a session. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-practice", NULL);
  bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-history", NULL);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");
}

/* The page reads its figures from the store, again after each session,
 * and deletes a session with a way back. */
static void
test_history_page (Fixture       *fixture,
                   gconstpointer  data)
{
  BbHistory *history;
  BbHistoryPage *page;
  GtkListView *view;
  GListModel *model;
  GtkWidget *undo;
  GtkWidget *recent;
  g_autoptr(BbSessionItem) newest = NULL;
  g_autoptr(GError) error = NULL;

  practise (fixture, 0, 125);
  practise (fixture, 24, 125);
  practise (fixture, 1, 30);
  history = wait_history (fixture);
  g_assert_cmpint (bb_history_count_sessions (history, &error), ==, 3);

  page = show_history (fixture);
  g_assert_cmpstr (history_child (page, "stack"), ==, "overview");
  g_assert_cmpstr (history_child (page, "streak_label"), ==, "2-day streak");
  g_assert_cmpstr (history_child (page, "totals_label"), ==,
                   "4 min this month · 3 sessions in all · longest streak 2 days");
  g_assert_true (g_str_has_prefix (history_child (page, "heatmap_summary"), "You practised on 2 of the last "));
  g_assert_cmpstr (history_child (page, "trend_label"), ==, "Not enough practice yet to show a trend");
  recent = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_HISTORY_PAGE, "recent_list"));
  g_assert_cmpuint (count_children (recent), ==, 3);

  /* A session while the page is hidden shows when it comes back. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  advance (fixture, 125 * SEC);
  iterate ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-practice", NULL);
  iterate ();
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "practice");
  page = show_history (fixture);
  g_assert_cmpstr (history_child (page, "totals_label"), ==,
                   "6 min this month · 4 sessions in all · longest streak 2 days");
  g_assert_cmpuint (count_children (recent), ==, 4);

  /* All sessions, by day, from the store. */
  gtk_widget_activate_action (GTK_WIDGET (page), "history.show-sessions", NULL);
  iterate ();
  g_assert_cmpstr (history_child (page, "stack"), ==, "sessions");
  view = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_HISTORY_PAGE, "session_view"));
  model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  newest = g_list_model_get_item (model, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (view), has_label, "Today"));

  /* Delete the newest, then the next; the figures follow; one toast
   * counts both, and Undo puts both back. */
  gtk_widget_activate_action (GTK_WIDGET (page), "history.delete", "x", bb_session_item_get_id (newest));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpint (bb_history_count_sessions (history, &error), ==, 3);
  g_assert_cmpstr (history_child (page, "totals_label"), ==,
                   "4 min this month · 3 sessions in all · longest streak 2 days");
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), has_label, "Session deleted"));
  {
    g_autoptr(BbSessionItem) next = g_list_model_get_item (model, 0);

    gtk_widget_activate_action (GTK_WIDGET (page), "history.delete", "x", bb_session_item_get_id (next));
  }
  iterate ();
  g_assert_cmpint (bb_history_count_sessions (history, &error), ==, 2);
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), has_label, "2 sessions deleted"));
  undo = find_widget (GTK_WIDGET (fixture->window), has_label, "_Undo");
  g_assert_nonnull (undo);
  undo = gtk_widget_get_ancestor (undo, GTK_TYPE_BUTTON);
  click (undo);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpint (bb_history_count_sessions (history, &error), ==, 4);
  {
    g_autoptr(BbSessionItem) back = g_list_model_get_item (model, 0);

    g_assert_cmpint (bb_session_item_get_id (back), ==, bb_session_item_get_id (newest));
  }

  /* Back to the overview with Escape, Alt+Left, or in right-to-left
   * text Alt+Right; and from there to practice. */
  g_assert_true (bb_test_press_shortcut (GTK_WIDGET (page), GDK_KEY_Escape, 0));
  g_assert_cmpstr (history_child (page, "stack"), ==, "overview");
  gtk_widget_activate_action (GTK_WIDGET (page), "history.show-sessions", NULL);
  g_assert_true (bb_test_press_shortcut (GTK_WIDGET (page), GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpstr (history_child (page, "stack"), ==, "overview");
  gtk_widget_set_direction (GTK_WIDGET (page), GTK_TEXT_DIR_RTL);
  gtk_widget_activate_action (GTK_WIDGET (page), "history.show-sessions", NULL);
  g_assert_false (bb_test_press_shortcut (GTK_WIDGET (page), GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpstr (history_child (page, "stack"), ==, "sessions");
  g_assert_true (bb_test_press_shortcut (GTK_WIDGET (page), GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpstr (history_child (page, "stack"), ==, "overview");
  gtk_widget_set_direction (GTK_WIDGET (page), GTK_TEXT_DIR_NONE);
  iterate ();
  g_assert_cmpstr (history_child (page, "totals_label"), ==,
                   "6 min this month · 4 sessions in all · longest streak 2 days");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-practice", NULL);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "practice");
}

static void
transfer_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  char **message = user_data;
  g_autoptr(GError) error = NULL;

  *message = bb_application_transfer_finish (BB_APPLICATION (object), result, &error);
  if (*message == NULL)
    *message = g_strdup_printf ("error: %s", error->message);
}

static char *
transfer (Fixture    *fixture,
          const char *path,
          gboolean    import)
{
  char *message = NULL;

  bb_application_transfer_async (fixture->app, path, import, transfer_done_cb, &message);
  while (message == NULL)
    g_main_context_iteration (NULL, TRUE);
  iterate ();

  return message;
}

/* Export and import from the window, on a worker thread: the page
 * follows, and a bad file changes nothing. */
static void
test_history_transfer (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *json = g_build_filename (fixture->history_dir, "export.json", NULL);
  g_autofree char *bad = g_build_filename (fixture->history_dir, "bad.csv", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  BbHistory *history;
  BbHistoryPage *page;

  practise (fixture, 0, 125);
  practise (fixture, 24, 125);
  history = wait_history (fixture);

  message = transfer (fixture, json, FALSE);
  g_assert_cmpstr (message, ==, "2 sessions saved in export.json");
  g_clear_pointer (&message, g_free);
  g_assert_true (g_file_test (json, G_FILE_TEST_EXISTS));

  page = show_history (fixture);
  g_assert_cmpstr (history_child (page, "totals_label"), ==,
                   "4 min this month · 2 sessions in all · longest streak 2 days");

  /* Both gone, then back from the file; the page on show follows. */
  for (gint64 id = 1; id <= 2; id++)
    g_assert_true (bb_history_delete_session (history, id, &error));
  iterate ();
  g_assert_cmpstr (history_child (page, "stack"), ==, "empty");

  message = transfer (fixture, json, TRUE);
  g_assert_cmpstr (message, ==, "2 added, 0 skipped");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (history_child (page, "stack"), ==, "overview");
  g_assert_cmpstr (history_child (page, "totals_label"), ==,
                   "4 min this month · 2 sessions in all · longest streak 2 days");

  message = transfer (fixture, json, TRUE);
  g_assert_cmpstr (message, ==, "0 added, 2 skipped");
  g_clear_pointer (&message, g_free);

  g_file_set_contents (bad, "uuid,start\n\"unclosed", -1, &error);
  g_assert_no_error (error);
  message = transfer (fixture, bad, TRUE);
  g_assert_true (g_str_has_prefix (message, "error: "));
  g_assert_cmpint (bb_history_count_sessions (history, &error), ==, 2);
}

/* A damaged history is moved aside and the window says where, in a
 * banner that stays until dismissed. */
static void
test_history_notice (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkRevealer *banner = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                     BB_TYPE_WINDOW, "banner"));
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                              BB_TYPE_WINDOW, "banner_label"));
  BbHistory *history = wait_history (fixture);

  iterate ();
  g_assert_nonnull (history);
  g_assert_nonnull (bb_history_get_moved_to (history));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (strstr (gtk_label_get_label (label), bb_history_get_moved_to (history)));
  g_assert_true (g_file_test (bb_history_get_moved_to (history), G_FILE_TEST_EXISTS));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.dismiss-notice", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (banner));
}

/* Sessions begun while another writer holds the store, so that the app
 * is still opening it: recorded once it is open, as they ended. */
static void
test_history_late (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GArray) records = NULL;
  g_autoptr(GError) error = NULL;
  BbHistory *history;
  BbSessionRecord *record;

  g_assert_null (bb_application_get_history (fixture->app));
  g_assert_false (bb_application_get_history_failed (fixture->app));
  practise (fixture, 0, 125);
  g_assert_null (bb_application_get_history (fixture->app));

  g_assert_cmpint (sqlite3_exec (fixture->lock, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&fixture->lock, sqlite3_close);
  history = wait_history (fixture);
  g_assert_nonnull (history);

  records = bb_history_list_sessions (history, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  record = &g_array_index (records, BbSessionRecord, 0);
  g_assert_cmpstr (record->outcome, ==, "completed");
  g_assert_cmpint (record->practiced_ms, ==, 120000);
  g_assert_cmpstr (record->preset_id, ==, "desk-break");
}

/* Sessions started from the window land in the history, finished or
 * stopped, also one replaced by another. */
static void
test_history_records (Fixture       *fixture,
                      gconstpointer  data)
{
  BbHistory *history;
  BbStats before = { 0 };
  BbStats after = { 0 };
  g_autoptr(GError) error = NULL;

  history = wait_history (fixture);
  g_assert_nonnull (history);
  g_assert_null (bb_application_get_notice (fixture->app));
  g_assert_true (bb_history_get_stats (history, 0, &before, &error));
  g_assert_no_error (error);

  click (find_button (fixture, "practice.start"));
  advance (fixture, 25 * SEC);
  bb_application_begin_session (fixture->app, "standing-reset", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  for (guint i = 0; i < 70; i++)
    advance (fixture, 1 * SEC);
  g_assert_cmpint (bb_session_get_state (bb_application_get_session (fixture->app)), ==, BB_SESSION_STATE_FINISHED);

  g_assert_true (bb_history_get_stats (history, 0, &after, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (after.n_sessions, ==, before.n_sessions + 2);
  /* 25 s of the first, the whole minute of the second. */
  g_assert_cmpint (after.total_ms - before.total_ms, ==, 85 * 1000);
}

static void
child_exited_cb (GPid     pid,
                 int      status,
                 gpointer user_data)
{
  int *exit_status = user_data;

  *exit_status = status;
  g_spawn_close_pid (pid);
}

/* `backbreath --start PRESET` while the app runs: the running instance,
 * here a child of this test process, starts the session and the new
 * process exits. Both run on a private session bus, where the real
 * application id is free even while the user's own Backbreath runs. */
static void
test_remote_start_on_private_bus (void)
{
  g_autoptr(BbClock) clock = bb_fake_clock_new (10 * SEC, 1700000000 * SEC);
  g_autoptr(BbApplication) app = bb_application_new (APPLICATION_ID, G_APPLICATION_DEFAULT_FLAGS, clock);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { BACKBREATH_EXE, "--start", "first-breaths", NULL };
  const char *address = g_getenv ("DBUS_SESSION_BUS_ADDRESS");
  GDBusConnection *connection;
  GtkWindow *window;
  int exit_status = -1;
  GPid pid;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  /* The application really is on the bus this process was started with. */
  connection = g_application_get_dbus_connection (G_APPLICATION (app));
  g_assert_nonnull (connection);
  g_assert_nonnull (address);
  g_assert_nonnull (strstr (address, g_dbus_connection_get_guid (connection)));

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_null (bb_application_get_session (app));

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, child_exited_cb, &exit_status);

  for (guint i = 0; i < 10000 && (exit_status == -1 || bb_application_get_session (app) == NULL); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  g_assert_true (g_spawn_check_wait_status (exit_status, NULL));
  g_assert_nonnull (bb_application_get_session (app));
  g_assert_cmpstr (bb_session_get_position (bb_application_get_session (app)), ==, "childs-pose");
  /* With the settle countdown, which is on by default. */
  g_assert_cmpint (bb_session_get_state (bb_application_get_session (app)), ==, BB_SESSION_STATE_SETTLING);
  g_assert_cmpstr (bb_window_get_page_name (BB_WINDOW (window)), ==, "session");

  gtk_window_destroy (window);
  iterate ();
}

/* GTK and libadwaita connect to the session bus as soon as they start, and
 * that connection stays for the life of the process. So the private bus
 * is up before a fresh process starts, which inherits its address. It is
 * a dbus-daemon of its own, not a GTestDBus: taking that down would also
 * take this process's connection, which the other tests share. */
static void
test_remote_start (void)
{
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GDataInputStream) daemon_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *session_address = NULL;
  g_autofree char *a11y = NULL;

  if (g_test_subprocess ())
    {
      test_remote_start_on_private_bus ();
      return;
    }

  daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "dbus-daemon", "--session", "--nofork", "--print-address=1", NULL);
  g_assert_no_error (error);
  daemon_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (daemon));
  address = g_data_input_stream_read_line (daemon_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);

  session_address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  a11y = g_strdup (g_getenv ("GTK_A11Y"));
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  /* The accessibility bus belongs to the other session; this test is not
   * about accessibility. */
  g_setenv ("GTK_A11Y", "none", TRUE);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);

  if (session_address != NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", session_address, TRUE);
  else
    g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  if (a11y != NULL)
    g_setenv ("GTK_A11Y", a11y, TRUE);
  else
    g_unsetenv ("GTK_A11Y");
  g_subprocess_send_signal (daemon, SIGTERM);
  g_subprocess_wait (daemon, NULL, &error);
  g_assert_no_error (error);

  g_test_trap_assert_passed ();
}

/* Reminders */

/* Runs the main context until @cond holds, for up to ten seconds. */
#define WAIT_UNTIL(cond) \
  G_STMT_START { \
    for (guint wait_i_ = 0; wait_i_ < 10000 && !(cond); wait_i_++) \
      { \
        g_main_context_iteration (NULL, FALSE); \
        g_usleep (1000); \
      } \
    g_assert_true (cond); \
  } G_STMT_END

static GtkWidget *
find_preferences (void)
{
  return bb_test_find_toplevel (BB_TYPE_PREFERENCES_WINDOW);
}

static gpointer
prefs_child (GtkWidget  *preferences,
             const char *name)
{
  GObject *child = gtk_widget_get_template_child (preferences, BB_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (child);

  return child;
}

static GVariant *
weekdays (GSettings *settings)
{
  return g_settings_get_value (settings, "active-weekdays");
}

static void
assert_weekdays (GSettings  *settings,
                 const char *expected)
{
  g_autoptr(GVariant) days = weekdays (settings);
  g_autofree char *text = g_variant_print (days, FALSE);

  g_assert_cmpstr (text, ==, expected);
}

/* The page opens from the practice page's link, and every control
 * follows its key and writes it. */
static void
test_reminders_preferences (Fixture       *fixture,
                            gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  GtkWidget *preferences;
  GtkSwitch *reminders_switch;
  GtkSwitch *login_switch;
  GtkSpinButton *interval;
  GtkSpinButton *snooze;
  GtkSpinButton *away;
  GtkSpinButton *start_hours, *start_minutes, *end_hours, *end_minutes;
  AdwComboRow *preset_row;
  AdwActionRow *end_row;
  GtkWidget *days_box;
  GtkWidget *days[7];
  GtkWidget *followers[10];
  guint n_presets;
  const BbPreset *presets = bb_catalog_get_presets (&n_presets);
  guint i;

  click (find_button (fixture, "win.show-preferences"));
  preferences = find_preferences ();
  g_assert_nonnull (preferences);
  wait_mapped (preferences);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)), ==, "reminders");
  g_assert_cmpstr (adw_preferences_page_get_icon_name (prefs_child (preferences, "reminders_page")), ==, "alarm-symbolic");

  reminders_switch = prefs_child (preferences, "reminders_switch");
  login_switch = prefs_child (preferences, "login_switch");
  interval = prefs_child (preferences, "interval_spin");
  snooze = prefs_child (preferences, "snooze_spin");
  away = prefs_child (preferences, "away_spin");
  start_hours = prefs_child (preferences, "start_hours");
  start_minutes = prefs_child (preferences, "start_minutes");
  end_hours = prefs_child (preferences, "end_hours");
  end_minutes = prefs_child (preferences, "end_minutes");
  preset_row = prefs_child (preferences, "preset_row");
  end_row = prefs_child (preferences, "end_row");
  days_box = prefs_child (preferences, "days_box");

  i = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (days_box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_assert_cmpuint (i, <, 7);
      days[i++] = child;
    }
  g_assert_cmpuint (i, ==, 7);

  /* Names for screen readers. The spins are named by their rows' titles
   * and described by their subtitles (they are the rows' activatable
   * widgets): a label of their own would be read with the title. */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (interval), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (start_hours, GTK_ACCESSIBLE_PROPERTY_LABEL, "Start hour");
  gtk_test_accessible_assert_property (end_minutes, GTK_ACCESSIBLE_PROPERTY_LABEL, "End minute");
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (snooze), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (away), GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (days[0], GTK_ACCESSIBLE_PROPERTY_LABEL, "Monday");
  gtk_test_accessible_assert_property (days[6], GTK_ACCESSIBLE_PROPERTY_LABEL, "Sunday");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (days[0])), ==, "Mon");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (days[6])), ==, "Sun");

  /* Off: only the main switch can be used. */
  followers[0] = GTK_WIDGET (interval);
  followers[1] = GTK_WIDGET (snooze);
  followers[2] = GTK_WIDGET (away);
  followers[3] = GTK_WIDGET (start_hours);
  followers[4] = GTK_WIDGET (end_minutes);
  followers[5] = GTK_WIDGET (preset_row);
  followers[6] = days[0];
  followers[7] = days[6];
  followers[8] = GTK_WIDGET (login_switch);
  followers[9] = GTK_WIDGET (end_row);
  g_assert_false (gtk_switch_get_active (reminders_switch));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (reminders_switch)));
  for (i = 0; i < G_N_ELEMENTS (followers); i++)
    g_assert_false (gtk_widget_is_sensitive (followers[i]));

  /* The switch writes the key, and follows it. */
  gtk_switch_set_active (reminders_switch, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  iterate ();
  for (i = 0; i < G_N_ELEMENTS (followers); i++)
    g_assert_true (gtk_widget_is_sensitive (followers[i]));
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  iterate ();
  g_assert_false (gtk_switch_get_active (reminders_switch));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (interval)));
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  iterate ();
  g_assert_true (gtk_switch_get_active (reminders_switch));

  /* Minutes, within the schema's ranges. */
  g_assert_cmpfloat (gtk_adjustment_get_lower (gtk_spin_button_get_adjustment (interval)), ==, 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (interval)), ==, 240);
  g_assert_cmpfloat (gtk_adjustment_get_lower (gtk_spin_button_get_adjustment (snooze)), ==, 5);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (snooze)), ==, 60);
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (away)), ==, 120);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (interval), ==, 60);
  g_settings_set_uint (settings, "reminder-interval", 90);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (interval), ==, 90);
  gtk_spin_button_set_value (interval, 45);
  g_assert_cmpuint (g_settings_get_uint (settings, "reminder-interval"), ==, 45);
  g_settings_set_uint (settings, "snooze-minutes", 20);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (snooze), ==, 20);
  gtk_spin_button_set_value (snooze, 15);
  g_assert_cmpuint (g_settings_get_uint (settings, "snooze-minutes"), ==, 15);
  g_settings_set_uint (settings, "away-minutes", 12);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (away), ==, 12);
  gtk_spin_button_set_value (away, 3);
  g_assert_cmpuint (g_settings_get_uint (settings, "away-minutes"), ==, 3);

  /* Active hours: an hour and a minute of one key each. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (start_hours), ==, 9);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (start_minutes), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start_minutes)), ==, "00");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (end_hours), ==, 18);
  g_settings_set_uint (settings, "active-hours-start", 8 * 60 + 45);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (start_hours), ==, 8);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (start_minutes), ==, 45);
  gtk_spin_button_set_value (start_hours, 7);
  g_assert_cmpuint (g_settings_get_uint (settings, "active-hours-start"), ==, 7 * 60 + 45);
  gtk_spin_button_set_value (start_minutes, 30);
  g_assert_cmpuint (g_settings_get_uint (settings, "active-hours-start"), ==, 7 * 60 + 30);
  g_assert_cmpstr (adw_action_row_get_subtitle (end_row), ==, "");
  gtk_spin_button_set_value (end_hours, 2);
  g_assert_cmpuint (g_settings_get_uint (settings, "active-hours-end"), ==, 2 * 60);
  iterate ();
  g_assert_cmpstr (adw_action_row_get_subtitle (end_row), ==, "The next day, past midnight");
  g_settings_set_uint (settings, "active-hours-end", 7 * 60 + 30);
  iterate ();
  g_assert_cmpstr (adw_action_row_get_subtitle (end_row), ==, "All day, as it equals the start");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (end_hours), ==, 7);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (end_minutes), ==, 30);

  /* Weekdays, Monday first, as the list of ISO days. */
  assert_weekdays (settings, "[1, 2, 3, 4, 5]");
  for (i = 0; i < 7; i++)
    g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (days[i])), ==, i < 5);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (days[6]), TRUE);
  assert_weekdays (settings, "[1, 2, 3, 4, 5, 7]");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (days[0]), FALSE);
  assert_weekdays (settings, "[2, 3, 4, 5, 7]");
  g_settings_set_value (settings, "active-weekdays", g_variant_new_parsed ("[uint32 6]"));
  for (i = 0; i < 7; i++)
    g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (days[i])), ==, i == 5);
  assert_weekdays (settings, "[6]");

  /* The preset, by its place in the catalog. */
  g_assert_cmpuint (n_presets, >, 1);
  g_assert_cmpstr (presets[adw_combo_row_get_selected (preset_row)].id, ==, "desk-break");
  g_settings_set_string (settings, "reminder-preset", presets[n_presets - 1].id);
  g_assert_cmpuint (adw_combo_row_get_selected (preset_row), ==, n_presets - 1);
  adw_combo_row_set_selected (preset_row, 1);
  {
    g_autofree char *preset = g_settings_get_string (settings, "reminder-preset");

    g_assert_cmpstr (preset, ==, presets[1].id);
  }

  /* Start at login. */
  g_assert_false (gtk_switch_get_active (login_switch));
  gtk_switch_set_active (login_switch, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "start-at-login"));
  g_settings_set_boolean (settings, "start-at-login", FALSE);
  g_assert_false (gtk_switch_get_active (login_switch));

  gtk_window_destroy (GTK_WINDOW (preferences));
  iterate ();
}

static BbPracticePage *
practice_page (Fixture *fixture)
{
  GtkWidget *page = find_widget (GTK_WIDGET (fixture->window), is_type,
                                 GSIZE_TO_POINTER (BB_TYPE_PRACTICE_PAGE));

  g_assert_nonnull (page);

  return BB_PRACTICE_PAGE (page);
}

static gpointer
practice_child (Fixture    *fixture,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (practice_page (fixture)),
                                                  BB_TYPE_PRACTICE_PAGE, name);

  g_assert_nonnull (child);

  return child;
}

/* A stand-in for backbreath-reminders: Reminders1 with NextDue, on a
 * connection of its own to the test's bus, under a name of this test's. */
typedef struct
{
  GDBusConnection *connection;
  char            *name;
  guint            registration;
  gint64           next_due;
} MockService;

static const char mock_xml[] =
  "<node>"
  "  <interface name='io.github.backbreath.Backbreath.Reminders1'>"
  "    <property name='NextDue' type='x' access='read'/>"
  "    <method name='Snooze'/>"
  "    <method name='SessionStarted'/>"
  "    <method name='SessionEnded'/>"
  "  </interface>"
  "</node>";

static GVariant *
mock_get_property (GDBusConnection  *connection,
                   const char       *sender,
                   const char       *object_path,
                   const char       *interface_name,
                   const char       *property_name,
                   GError          **error,
                   gpointer          user_data)
{
  MockService *mock = user_data;

  g_assert_cmpstr (property_name, ==, "NextDue");

  return g_variant_new_int64 (mock->next_due);
}

static const GDBusInterfaceVTable mock_vtable = { NULL, mock_get_property, NULL, { NULL, } };

static void
mock_set_next_due (MockService *mock,
                   gint64       next_due)
{
  GVariantBuilder changed;
  g_autoptr(GError) error = NULL;

  mock->next_due = next_due;
  g_variant_builder_init (&changed, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&changed, "{sv}", "NextDue", g_variant_new_int64 (next_due));
  g_dbus_connection_emit_signal (mock->connection, NULL, BB_REMINDERS_OBJECT_PATH,
                                 "org.freedesktop.DBus.Properties", "PropertiesChanged",
                                 g_variant_new ("(sa{sv}as)", BB_REMINDERS_INTERFACE, &changed, NULL),
                                 &error);
  g_assert_no_error (error);
}

static void
mock_own_name (MockService *mock,
               gboolean     own)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (mock->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", own ? "RequestName" : "ReleaseName",
                                       own ? g_variant_new ("(su)", mock->name, 4 /* DO_NOT_QUEUE */)
                                           : g_variant_new ("(s)", mock->name),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  guint32 result;

  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);
}

static MockService *
mock_new (void)
{
  MockService *mock = g_new0 (MockService, 1);
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (mock_xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  mock->connection = g_dbus_connection_new_for_address_sync (address,
                                                             G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                             G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                             NULL, NULL, &error);
  g_assert_no_error (error);
  mock->name = g_strdup_printf ("%s.Test%d.Reminders", APPLICATION_ID, (int) getpid ());
  mock->registration = g_dbus_connection_register_object (mock->connection, BB_REMINDERS_OBJECT_PATH,
                                                          node->interfaces[0], &mock_vtable,
                                                          mock, NULL, &error);
  g_assert_no_error (error);

  return mock;
}

static void
mock_free (MockService *mock)
{
  g_dbus_connection_unregister_object (mock->connection, mock->registration);
  g_dbus_connection_close_sync (mock->connection, NULL, NULL);
  g_object_unref (mock->connection);
  g_free (mock->name);
  g_free (mock);
}

/* What the application asks of the bus daemon, seen on the way out. */
typedef struct
{
  GMutex     lock;
  GPtrArray *started;  /* names passed to StartServiceByName */
} StartLog;

static GDBusMessage *
start_filter (GDBusConnection *connection,
              GDBusMessage    *message,
              gboolean         incoming,
              gpointer         user_data)
{
  StartLog *log = user_data;

  if (!incoming &&
      g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL &&
      g_strcmp0 (g_dbus_message_get_destination (message), "org.freedesktop.DBus") == 0 &&
      g_strcmp0 (g_dbus_message_get_member (message), "StartServiceByName") == 0)
    {
      GVariant *body = g_dbus_message_get_body (message);
      const char *name;
      guint32 flags;

      g_variant_get (body, "(&su)", &name, &flags);
      g_mutex_lock (&log->lock);
      g_ptr_array_add (log->started, g_strdup_printf ("%s %u", name, flags));
      g_mutex_unlock (&log->lock);
    }

  return message;
}

static guint
start_log_count (StartLog   *log,
                 const char *entry)
{
  guint n = 0;

  g_mutex_lock (&log->lock);
  for (guint i = 0; i < log->started->len; i++)
    n += g_str_equal (log->started->pdata[i], entry);
  g_mutex_unlock (&log->lock);

  return n;
}

/* The line under Start follows the service's NextDue through a client,
 * and the client asks the bus to start the service once reminders are
 * turned on. */
static void
test_reminders_next_due (Fixture       *fixture,
                         gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (fixture->app));
  MockService *mock = mock_new ();
  g_autoptr(BbRemindersClient) client = NULL;
  GtkLabel *line = practice_child (fixture, "next_reminder_label");
  gint64 now = bb_clock_get_real_time (fixture->clock);  /* Tuesday 14 November 2023, 22:13:20 UTC */
  StartLog log = { .started = g_ptr_array_new_with_free_func (g_free) };
  g_autofree char *started = g_strdup_printf ("%s 0", mock->name);
  guint filter;

  g_mutex_init (&log.lock);
  filter = g_dbus_connection_add_filter (connection, start_filter, &log, NULL);

  /* The application's own client, made after the first frame, watches
   * the real name. */
  g_assert_true (BB_IS_REMINDERS_CLIENT (bb_application_get_reminders_client (fixture->app)));
  g_assert_true (bb_application_get_reminders_client (fixture->app) == bb_application_get_reminders_client (fixture->app));
  g_assert_cmpstr (bb_reminders_client_get_bus_name (bb_application_get_reminders_client (fixture->app)),
                   ==, APPLICATION_ID ".Reminders");

  client = bb_reminders_client_new (connection, mock->name, settings);
  bb_practice_page_set_reminders_client (practice_page (fixture), client);
  iterate ();

  /* No service: no line, and nothing started while reminders are off. */
  g_assert_cmpint (bb_reminders_client_get_next_due (client), ==, 0);
  g_assert_null (bb_reminders_client_get_name_owner (client));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (line)));

  /* The service comes up with a reminder due today. */
  mock->next_due = now + 30 * 60 * SEC;
  mock_own_name (mock, TRUE);
  WAIT_UNTIL (bb_reminders_client_get_next_due (client) == mock->next_due);
  g_assert_nonnull (bb_reminders_client_get_name_owner (client));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (line)));
  g_assert_cmpstr (gtk_label_get_label (line), ==, "Next break reminder at 22:43");

  /* It moves: tomorrow, later in the week, none. */
  mock_set_next_due (mock, now + 2 * 3600 * SEC);
  WAIT_UNTIL (bb_reminders_client_get_next_due (client) == mock->next_due);
  iterate ();
  g_assert_cmpstr (gtk_label_get_label (line), ==, "Next break reminder tomorrow at 00:13");
  mock_set_next_due (mock, now + 3 * 24 * 3600 * SEC);
  WAIT_UNTIL (bb_reminders_client_get_next_due (client) == mock->next_due);
  iterate ();
  g_assert_cmpstr (gtk_label_get_label (line), ==, "Next break reminder on Friday at 22:13");
  mock_set_next_due (mock, 0);
  WAIT_UNTIL (bb_reminders_client_get_next_due (client) == 0);
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (line)));

  /* The service goes away: the line goes with it. */
  mock_set_next_due (mock, now + 60 * SEC);
  WAIT_UNTIL (bb_reminders_client_get_next_due (client) == mock->next_due);
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (line)));
  mock_own_name (mock, FALSE);
  WAIT_UNTIL (bb_reminders_client_get_name_owner (client) == NULL);
  g_assert_cmpint (bb_reminders_client_get_next_due (client), ==, 0);
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (line)));

  /* Turning reminders on asks the bus to start the service, both the
   * real one and this test's. */
  g_assert_cmpuint (start_log_count (&log, started), ==, 0);
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  WAIT_UNTIL (start_log_count (&log, started) == 1);
  /* The applications of earlier tests live on, and ask too. */
  WAIT_UNTIL (start_log_count (&log, APPLICATION_ID ".Reminders 0") >= 1);
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  iterate ();
  g_assert_cmpuint (start_log_count (&log, started), ==, 1);

  g_dbus_connection_remove_filter (connection, filter);
  bb_practice_page_set_reminders_client (practice_page (fixture), NULL);
  g_assert_finalize_object (g_steal_pointer (&client));
  mock_free (mock);
  g_ptr_array_unref (log.started);
  g_mutex_clear (&log.lock);
}

static GtkWidget *
session_child (Fixture    *fixture,
               const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (session_page (fixture)),
                                                  BB_TYPE_SESSION_PAGE, name);

  g_assert_true (GTK_IS_WIDGET (child));

  return GTK_WIDGET (child);
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The settle countdown: "Settle in…" with 3 2 1 over the still drawing,
 * one timeout throughout, then the first in-breath with its chime; the
 * cue on the page is the session's, phase after phase; the preset's
 * closing step shows when it is done. */
static void
test_settle_and_cues (Fixture       *fixture,
                      gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  BbSessionPage *page = session_page (fixture);
  BbFakeClock *clock = BB_FAKE_CLOCK (fixture->clock);
  GtkWidget *settle = session_child (fixture, "settle_label");
  GtkWidget *closing;
  g_autofree char *played = NULL;
  BbSession *session;
  guint n_cues = 0;

  g_settings_set_boolean (settings, "settle-countdown", TRUE);
  session = bb_application_begin_session (fixture->app, "back-body", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_assert_cmpstr (bb_session_get_cue_set (session), ==, "back-body");
  g_assert_cmpuint (bb_session_get_settle_ms (session), ==, 3000);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");
  wait_mapped (settle);

  for (guint left = 3; left >= 1; left--)
    {
      g_autofree char *number = g_strdup_printf ("%u", left);

      g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_SETTLING);
      g_assert_cmpstr (label_text (page, "phase_label"), ==, "Settle in…");
      g_assert_cmpstr (label_text (page, "settle_label"), ==, number);
      g_assert_true (gtk_widget_get_visible (settle));
      g_assert_cmpstr (label_text (page, "cue_label"), ==,
                       bb_catalog_get_special_cue (BB_SPECIAL_CUE_SETTLE));
      g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 1);
      g_assert_cmpuint (fixture->played->len, ==, 0);
      advance (fixture, 1 * SEC);
    }

  /* The first in-breath, and its chime, at the end of the settle. */
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_RUNNING);
  g_assert_false (gtk_widget_get_visible (settle));
  g_assert_cmpstr (label_text (page, "phase_label"), ==, "Breathe in");
  played = played_string (fixture);
  g_assert_cmpstr (played, ==, "inhale@3000");
  g_assert_cmpint (bb_session_get_elapsed (session), ==, 0);

  while (bb_session_get_state (session) == BB_SESSION_STATE_RUNNING)
    {
      g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 1);
      g_assert_cmpstr (label_text (page, "cue_label"), ==,
                       bb_catalog_get_cue_for ("seated", "back-body",
                                               bb_session_get_phase (session),
                                               bb_session_get_breath (session),
                                               bb_session_get_n_breaths (session)));
      g_assert_cmpstr (label_text (page, "cue_label"), ==, bb_session_get_cue (session));
      n_cues++;
      advance (fixture, bb_session_get_phase_remaining (session));
    }
  g_assert_cmpuint (n_cues, ==, 2 * bb_session_get_n_breaths (session));

  /* Done: the standing check that closes this preset. */
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_FINISHED);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "done");
  closing = find_widget (GTK_WIDGET (fixture->window), is_label_with,
                         bb_catalog_gettext (bb_catalog_lookup_preset ("back-body")->closing));
  g_assert_nonnull (closing);
  g_assert_true (gtk_widget_get_visible (closing));

  /* A preset without one shows none. */
  g_settings_set_boolean (settings, "settle-countdown", FALSE);
  session = bb_application_begin_session (fixture->app, "between-sets", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  /* The setting holds from the next session on. */
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_RUNNING);
  g_assert_cmpuint (bb_session_get_settle_ms (session), ==, 0);
  advance (fixture, 60 * SEC);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "done");
  g_assert_false (gtk_widget_get_visible (closing));
}

/* Pausing and stopping in the settle: no practice is recorded, and
 * the page says so. */
static void
test_settle_pause_stop (Fixture       *fixture,
                        gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  BbSessionPage *page = session_page (fixture);
  BbFakeClock *clock = BB_FAKE_CLOCK (fixture->clock);
  GtkWidget *done_page;
  BbSession *session;

  g_settings_set_boolean (settings, "settle-countdown", TRUE);
  session = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  wait_mapped (GTK_WIDGET (page));
  advance (fixture, 1 * SEC);

  press_key (GTK_WIDGET (page), GDK_KEY_space);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_PAUSED);
  g_assert_cmpstr (label_text (page, "phase_label"), ==, "Paused");
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 0);
  /* The settle countdown stays on its card, held still. */
  g_assert_true (gtk_widget_get_visible (session_child (fixture, "settle_label")));
  g_assert_cmpstr (label_text (page, "settle_label"), ==, "2");
  g_assert_cmpfloat (gtk_widget_get_opacity (session_child (fixture, "countdown_label")), ==, 0.0);
  advance (fixture, 30 * SEC);
  press_key (GTK_WIDGET (page), GDK_KEY_space);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_SETTLING);
  g_assert_cmpstr (label_text (page, "settle_label"), ==, "2");
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 1);

  press_key (GTK_WIDGET (page), GDK_KEY_Escape);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_PAUSED);
  adw_toast_dismiss (bb_window_get_stop_toast (fixture->window));
  iterate ();
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_STOPPED);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 0);
  g_assert_cmpuint (fixture->played->len, ==, 0);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "done");
  done_page = find_widget (GTK_WIDGET (fixture->window), is_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (done_page)), ==,
                   "You stopped “Desk break” before the first full breath. Come back whenever it suits you.");
}

/* The cue has two lines of its own at 360 px: the page does not move
 * when a cue wraps, and every cue fits without being cut. */
static void
test_cue_room (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *cue = session_child (fixture, "cue_label");
  GtkWidget *room = gtk_widget_get_parent (cue);
  g_autoptr(GtkWidget) probe = g_object_ref_sink (gtk_label_new (NULL));
  const BbPosition *positions;
  const BbPreset *presets;
  guint n_positions;
  guint n_presets;
  /* The page is 360 px wide with a margin of 12 px on each side. */
  const int width = 360 - 2 * 12;
  int height = 0;
  int one_line = 0;
  guint n_checked = 0;

  bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  gtk_widget_measure (room, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);

  gtk_label_set_wrap (GTK_LABEL (probe), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (probe), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (probe), GTK_JUSTIFY_CENTER);
  gtk_label_set_label (GTK_LABEL (probe), "Breathe");
  gtk_widget_measure (probe, GTK_ORIENTATION_VERTICAL, width, NULL, &one_line, NULL, NULL);
  g_assert_cmpint (height, >=, 2 * one_line);

  positions = bb_catalog_get_positions (&n_positions);
  presets = bb_catalog_get_all_presets (&n_presets);
  for (guint i = 0; i < n_positions + n_presets; i++)
    {
      const char *position = i < n_positions ? positions[i].id : presets[i - n_positions].position_id;
      const char *cue_set = i < n_positions ? NULL : presets[i - n_positions].cue_set;

      for (BbPhase phase = BB_PHASE_NONE; phase <= BB_PHASE_HOLD_OUT; phase++)
        for (guint breath = 1; breath <= 8; breath++)
          {
            int natural = 0;

            gtk_label_set_label (GTK_LABEL (probe), bb_catalog_get_cue_for (position, cue_set, phase, breath, 8));
            gtk_widget_measure (probe, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
            g_assert_cmpint (natural, <=, height);
            n_checked++;
          }
    }
  g_assert_cmpuint (n_checked, >, 100);

  /* Whatever the cue says, the room keeps its height. */
  for (guint i = 0; i < 12; i++)
    {
      int now = 0;

      gtk_widget_measure (room, GTK_ORIENTATION_VERTICAL, width, &now, NULL, NULL, NULL);
      g_assert_cmpint (now, ==, height);
      advance (fixture, 2 * SEC);
    }
}

static void
test_settle_preference (Fixture       *fixture,
                        gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  GtkWidget *preferences = NULL;
  GtkWidget *toggle;

  g_settings_set_boolean (settings, "settle-countdown", TRUE);
  preferences = open_preferences (fixture);

  toggle = find_widget (preferences, is_switch_for, "_Settle Before the First Breath");
  g_assert_nonnull (toggle);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "settle-countdown"));
  gtk_window_destroy (GTK_WINDOW (preferences));
  iterate ();

  bb_application_begin_session (fixture->app, "first-breaths", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_assert_cmpint (bb_session_get_state (bb_application_get_session (fixture->app)), ==, BB_SESSION_STATE_RUNNING);
}

/* Notes what a label says each time it changes. GTK 4.8 also notifies
 * a label set again to the same text, as when a binding's two inputs
 * change together, so the text is compared. */
static void
log_label_cb (GtkLabel   *label,
              GParamSpec *pspec,
              GString    *log)
{
  const char *text = gtk_label_get_label (label);
  const char *last = strrchr (log->str, '|');

  if (g_strcmp0 (last != NULL ? last + 1 : log->str, text) != 0)
    g_string_append_printf (log, "|%s", text);
}

/* As /window/one-timer, with the settle countdown: still the one
 * timeout, and each label changes exactly when what it says does. */
static void
test_one_timer_settle (Fixture       *fixture,
                       gconstpointer  data)
{
  BbSessionPage *page = session_page (fixture);
  GObject *countdown = gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_SESSION_PAGE, "countdown_label");
  GObject *settle = gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_SESSION_PAGE, "settle_label");
  GObject *phase = gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_SESSION_PAGE, "phase_label");
  BbFakeClock *clock = BB_FAKE_CLOCK (fixture->clock);
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GString) phases = g_string_new (NULL);
  BbSession *session;

  g_settings_set_boolean (bb_application_get_settings (fixture->app), "settle-countdown", TRUE);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 0);
  session = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_string_append_printf (phases, "|%s", gtk_label_get_label (GTK_LABEL (phase)));
  g_signal_connect (phase, "notify::label", G_CALLBACK (log_label_cb), phases);

  for (guint i = 0; i < 8; i++)
    {
      g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 1);
      g_string_append_printf (shown, "%s|%s ",
                              gtk_widget_get_visible (GTK_WIDGET (settle)) ? gtk_label_get_label (GTK_LABEL (settle)) : "",
                              gtk_label_get_label (GTK_LABEL (countdown)));
      advance (fixture, 1 * SEC);
    }

  /* 3 2 1 on the card, then the in-breath's 4 3 2 1 and the out-breath. */
  g_assert_cmpstr (shown->str, ==, "3| 2| 1| |4 |3 |2 |1 |6 ");
  g_assert_cmpstr (phases->str, ==, "|Settle in…|Breathe in|Breathe out");
  g_assert_cmpint (bb_session_get_elapsed (session), ==, 5 * SEC);

  bb_session_stop (session);
  iterate ();
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 0);
}

/* The history counts from the first in-breath; a session stopped in the
 * settle leaves no practice behind. */
static void
test_settle_history (Fixture       *fixture,
                     gconstpointer  data)
{
  BbHistory *history = wait_history (fixture);
  BbStats before = { 0 };
  BbStats after = { 0 };
  g_autoptr(GError) error = NULL;
  BbSession *session;

  g_assert_nonnull (history);
  g_assert_true (bb_history_get_stats (history, 0, &before, &error));
  g_assert_no_error (error);
  g_settings_set_boolean (bb_application_get_settings (fixture->app), "settle-countdown", TRUE);

  session = bb_application_begin_session (fixture->app, "first-breaths", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  advance (fixture, 2 * SEC);
  bb_session_stop (session);
  iterate ();

  session = bb_application_begin_session (fixture->app, "between-sets", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  for (guint i = 0; i < 60 && bb_session_get_state (session) != BB_SESSION_STATE_FINISHED; i++)
    advance (fixture, 1 * SEC);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_FINISHED);
  g_assert_cmpint (bb_session_get_start_real_time (session), ==, 1700000000 * SEC + 5 * SEC);

  g_assert_true (bb_history_get_stats (history, 0, &after, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (after.n_sessions, ==, before.n_sessions + 1);
  /* Five breaths of 10 s, without the 3 s of settling. */
  g_assert_cmpint (after.total_ms - before.total_ms, ==, 50 * 1000);
}

/* A session still settling when the history opens late: its row
 * starts with its first in-breath, as any other. */
static void
test_settle_history_late (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GArray) records = NULL;
  g_autoptr(GError) error = NULL;
  BbHistory *history;
  BbSessionRecord *record;
  BbSession *session;

  g_settings_set_boolean (bb_application_get_settings (fixture->app), "settle-countdown", TRUE);
  g_assert_null (bb_application_get_history (fixture->app));
  session = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  advance (fixture, 1 * SEC);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_SETTLING);

  g_assert_cmpint (sqlite3_exec (fixture->lock, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&fixture->lock, sqlite3_close);
  history = wait_history (fixture);
  g_assert_nonnull (history);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_SETTLING);

  advance (fixture, 130 * SEC);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_FINISHED);

  records = bb_history_list_sessions (history, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  record = &g_array_index (records, BbSessionRecord, 0);
  g_assert_cmpstr (record->outcome, ==, "completed");
  g_assert_cmpint (record->practiced_ms, ==, 120000);
  g_assert_cmpint (record->start_utc_us, ==, 1700000000 * SEC + 3 * SEC);
}

/* Own presets: made, changed and deleted through the real widgets. */

static BbPresetEditor *
find_editor (void)
{
  return bb_test_find_toplevel (BB_TYPE_PRESET_EDITOR);
}

static gpointer
editor_child (BbPresetEditor *editor,
              const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (editor), BB_TYPE_PRESET_EDITOR, name);

  g_assert_nonnull (child);

  return child;
}

static guint
position_index (const char *id)
{
  guint n_positions;
  const BbPosition *positions = bb_catalog_get_positions (&n_positions);

  for (guint i = 0; i < n_positions; i++)
    if (g_str_equal (positions[i].id, id))
      return i;

  g_assert_not_reached ();
}

static BbPresetEditor *
open_new_editor (Fixture *fixture)
{
  BbPresetEditor *editor;

  g_assert_null (find_editor ());
  click (find_button (fixture, "practice.new-preset"));
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Session");
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "command_label")));

  return editor;
}

/* Fills in "Evening ribs": hands and knees, 5 s in, 1 s hold, 7 s out,
 * for 3 minutes, and saves it. Returns its id. */
static char *
make_own_preset (Fixture *fixture)
{
  BbPresetStore *store = bb_application_get_preset_store (fixture->app);
  BbPresetEditor *editor = open_new_editor (fixture);
  GtkWidget *save = editor_child (editor, "save_button");

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  /* No name yet: nothing to save. */
  g_assert_false (gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "name_row")), "Evening ribs");
  adw_combo_row_set_selected (editor_child (editor, "position_row"), position_index ("hands-knees"));
  gtk_spin_button_set_value (editor_child (editor, "inhale_spin"), 5);
  gtk_spin_button_set_value (editor_child (editor, "hold_in_spin"), 1);
  gtk_spin_button_set_value (editor_child (editor, "exhale_spin"), 7);
  gtk_spin_button_set_value (editor_child (editor, "hold_out_spin"), 0);
  adw_combo_row_set_selected (editor_child (editor, "unit_row"), 1);
  gtk_spin_button_set_value (editor_child (editor, "length_spin"), 3);
  iterate ();
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "message_label")));
  click (save);
  g_assert_null (editor);

  g_assert_cmpuint (bb_preset_store_get_n_own (store), ==, 1);

  return g_strdup (bb_preset_store_get_own (store, 0)->id);
}

static GtkWidget *
find_own_button (Fixture    *fixture,
                 const char *action,
                 const char *id)
{
  GtkWidget *check = find_preset_check (fixture, id);
  GtkWidget *row = gtk_widget_get_ancestor (check, BB_TYPE_PRESET_ROW);
  GtkWidget *button = find_widget (row, has_action, action);

  g_assert_nonnull (button);
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL), ==, id);

  return button;
}

static void
test_own_preset_create (Fixture       *fixture,
                        gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  g_autofree char *id = make_own_preset (fixture);
  g_autofree char *last = NULL;
  GtkWidget *check = find_preset_check (fixture, id);
  GtkWidget *row = gtk_widget_get_ancestor (check, BB_TYPE_PRESET_ROW);
  BbPattern expected = { 5000, 1000, 7000, 0 };
  BbSession *session;

  /* Listed, named as typed, chosen, and its buttons named after it. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Evening ribs");
  g_assert_nonnull (strstr (bb_preset_row_get_subtitle (BB_PRESET_ROW (row)), "Hands and knees"));
  last = g_settings_get_string (settings, "last-preset");
  g_assert_cmpstr (last, ==, id);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_nonnull (find_own_button (fixture, "practice.edit-preset", id));
  g_assert_nonnull (find_own_button (fixture, "practice.delete-preset", id));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), has_tooltip, "Edit"));

  click (find_button (fixture, "practice.start"));
  session = bb_application_get_session (fixture->app);
  g_assert_nonnull (session);
  g_assert_cmpstr (bb_session_get_position (session), ==, "hands-knees");
  g_assert_true (bb_pattern_equal (bb_session_get_pattern (session), &expected));
  /* Three minutes of 13 s breaths. */
  g_assert_cmpuint (bb_session_get_n_breaths (session), ==, 14);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");
  bb_session_stop (session);

  /* The history names it as the user did. */
  {
    g_autoptr(BbSessionList) list = bb_session_list_new (bb_application_get_history (fixture->app));
    g_autoptr(BbSessionItem) item = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    item = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (bb_session_item_get_title (item), ==, "Evening ribs");
  }
}

static void
test_own_preset_edit (Fixture       *fixture,
                      gconstpointer  data)
{
  BbPresetStore *store = bb_application_get_preset_store (fixture->app);
  g_autofree char *id = make_own_preset (fixture);
  BbPresetEditor *editor;
  const BbPreset *preset;
  GtkWidget *row;

  click (find_own_button (fixture, "practice.edit-preset", id));
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Session");
  /* It says how to start it from a terminal. */
  {
    g_autofree char *command = g_strdup_printf ("backbreath --start %s", id);

    g_assert_true (gtk_widget_get_visible (editor_child (editor, "command_label")));
    g_assert_nonnull (strstr (gtk_label_get_label (editor_child (editor, "command_label")), command));
  }
  /* It opens with what was saved. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "name_row"))), ==, "Evening ribs");
  g_assert_cmpuint (adw_combo_row_get_selected (editor_child (editor, "position_row")), ==, position_index ("hands-knees"));
  g_assert_cmpfloat (gtk_spin_button_get_value (editor_child (editor, "exhale_spin")), ==, 7);
  g_assert_cmpuint (adw_combo_row_get_selected (editor_child (editor, "unit_row")), ==, 1);
  g_assert_cmpfloat (gtk_spin_button_get_value (editor_child (editor, "length_spin")), ==, 3);

  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "name_row")), "Slow & low");
  adw_combo_row_set_selected (editor_child (editor, "unit_row"), 0);
  gtk_spin_button_set_value (editor_child (editor, "length_spin"), 8);
  click (editor_child (editor, "save_button"));
  g_assert_null (editor);

  g_assert_cmpuint (bb_preset_store_get_n_own (store), ==, 1);
  preset = bb_preset_store_lookup (store, id);
  g_assert_nonnull (preset);
  g_assert_cmpstr (preset->name, ==, "Slow & low");
  g_assert_cmpuint (preset->n_breaths, ==, 8);
  g_assert_cmpuint (preset->duration_s, ==, 0);
  /* The row is the user's text as typed, not markup. */
  row = gtk_widget_get_ancestor (find_preset_check (fixture, id), BB_TYPE_PRESET_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Slow & low");

  /* Escape closes without saving. */
  click (find_own_button (fixture, "practice.edit-preset", id));
  editor = find_editor ();
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "name_row")), "Never saved");
  g_assert_true (bb_test_press_shortcut (GTK_WIDGET (editor), GDK_KEY_Escape, 0));
  iterate ();
  g_assert_null (editor);
  g_assert_cmpstr (bb_preset_store_lookup (store, id)->name, ==, "Slow & low");
}

static gboolean
is_undo_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0;
}

static void
test_own_preset_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  BbPresetStore *store = bb_application_get_preset_store (fixture->app);
  GSettings *settings = bb_application_get_settings (fixture->app);
  g_autofree char *id = make_own_preset (fixture);
  g_autofree char *last = NULL;
  GtkWidget *undo;

  click (find_own_button (fixture, "practice.delete-preset", id));
  g_assert_cmpuint (bb_preset_store_get_n_own (store), ==, 0);
  g_assert_null (find_widget (GTK_WIDGET (fixture->window), has_target, id));
  /* What was chosen is gone: the default is chosen again. */
  last = g_settings_get_string (settings, "last-preset");
  g_assert_cmpstr (last, ==, "desk-break");

  wait_mapped (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < 200 && find_widget (GTK_WIDGET (fixture->window), is_undo_button, NULL) == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  undo = find_widget (GTK_WIDGET (fixture->window), is_undo_button, NULL);
  g_assert_nonnull (undo);
  click (undo);

  /* Back with its id, its place and as the one chosen. */
  g_assert_cmpuint (bb_preset_store_get_n_own (store), ==, 1);
  g_assert_cmpstr (bb_preset_store_get_own (store, 0)->id, ==, id);
  g_assert_cmpstr (bb_preset_store_get_own (store, 0)->name, ==, "Evening ribs");
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-preset");
  g_assert_cmpstr (last, ==, id);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_preset_check (fixture, id))));
}

static void
test_own_preset_invalid (Fixture       *fixture,
                         gconstpointer  data)
{
  BbPresetStore *store = bb_application_get_preset_store (fixture->app);
  BbPresetEditor *editor = open_new_editor (fixture);
  GtkWidget *save = editor_child (editor, "save_button");
  GtkWidget *message = editor_child (editor, "message_label");

  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "name_row")), "Quick");
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_false (gtk_widget_get_visible (message));

  /* BbPattern's own message, shown as typed; Save waits. */
  gtk_spin_button_set_value (editor_child (editor, "inhale_spin"), 0.5);
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "in-breath is 0.500 s"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "between 1 and 30 seconds"));
  /* Enter in the name does not save either. */
  g_signal_emit_by_name (editor_child (editor, "name_row"), "entry-activated");
  iterate ();
  g_assert_true (find_editor () == editor);

  gtk_spin_button_set_value (editor_child (editor, "inhale_spin"), 4);
  gtk_spin_button_set_value (editor_child (editor, "hold_out_spin"), 45);
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "rest after breathing out"));

  gtk_spin_button_set_value (editor_child (editor, "hold_out_spin"), 0);
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "name_row")), "   ");
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (editor_child (editor, "name_row"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "name_row")), "Quick");
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (editor_child (editor, "name_row"), "error"));
  gtk_window_close (GTK_WINDOW (editor));
  iterate ();
  g_assert_cmpuint (bb_preset_store_get_n_own (store), ==, 0);
  g_assert_null (find_editor ());

  /* Ctrl+N opens a new one from any page, the Learn page too, and shows
   * the practice page behind it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-learn", NULL);
  iterate ();
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "learn");
  g_assert_true (bb_test_press_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_n, GDK_CONTROL_MASK));
  iterate ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Session");
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "practice");
  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();

  /* Not in the middle of a session. */
  bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_assert_true (bb_test_press_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_n, GDK_CONTROL_MASK));
  iterate ();
  g_assert_null (find_editor ());
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");
  bb_session_stop (bb_application_get_session (fixture->app));
  iterate ();
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static void
test_daily_choices (Fixture       *fixture,
                    gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  GtkWidget *position_row = find_widget (GTK_WIDGET (fixture->window), has_name, "daily-position-row");
  GtkWidget *ten = find_widget (GTK_WIDGET (fixture->window), has_name, "daily-10-button");
  GtkWidget *five = find_widget (GTK_WIDGET (fixture->window), has_name, "daily-5-button");
  const BbPreset *daily = bb_catalog_lookup_preset ("daily");
  GtkWidget *daily_row = gtk_widget_get_ancestor (find_preset_check (fixture, "daily"), BB_TYPE_PRESET_ROW);
  BbSession *session;

  g_assert_nonnull (position_row);
  g_assert_nonnull (ten);
  g_assert_nonnull (five);
  g_assert_nonnull (daily);

  /* Shown only while Daily practice is chosen. */
  g_assert_false (gtk_widget_get_visible (position_row));
  gtk_widget_activate (daily_row);
  iterate ();
  g_assert_true (gtk_widget_get_visible (position_row));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (ten, ADW_TYPE_ACTION_ROW)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (position_row)), ==, position_index ("face-down"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (five)));

  adw_combo_row_set_selected (ADW_COMBO_ROW (position_row), position_index ("seated"));
  click (ten);
  iterate ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ten)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (five)));
  {
    g_autofree char *position = g_settings_get_string (settings, "daily-position");

    g_assert_cmpstr (position, ==, "seated");
    g_assert_cmpuint (g_settings_get_uint (settings, "daily-minutes"), ==, 10);
  }
  /* The row says what will be built. */
  g_assert_nonnull (strstr (bb_preset_row_get_subtitle (BB_PRESET_ROW (daily_row)), "Seated"));
  g_assert_nonnull (strstr (bb_preset_row_get_subtitle (BB_PRESET_ROW (daily_row)), "10:00"));

  click (find_button (fixture, "practice.start"));
  session = bb_application_get_session (fixture->app);
  g_assert_cmpstr (bb_session_get_position (session), ==, "seated");
  g_assert_cmpuint (bb_session_get_n_breaths (session), ==,
                    bb_session_breaths_for_duration (&daily->pattern, 600));
  bb_session_stop (session);

  /* Values only gsettings can set fall back to the catalog's. */
  g_settings_set_string (settings, "daily-position", "on-the-ceiling");
  g_settings_set_uint (settings, "daily-minutes", 42);
  iterate ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (five)));
  session = bb_application_begin_session (fixture->app, "daily", BB_HISTORY_SOURCE_PRACTICE);
  g_assert_cmpstr (bb_session_get_position (session), ==, daily->position_id);
  g_assert_cmpuint (bb_session_get_n_breaths (session), ==,
                    bb_session_breaths_for_duration (&daily->pattern, 300));
  bb_session_stop (session);
}

/* The reminders' choice lists own presets too, by their own names. */
static void
test_own_preset_reminder (Fixture       *fixture,
                          gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  g_autofree char *id = make_own_preset (fixture);
  GtkWidget *preferences = bb_preferences_window_new (settings, fixture->chime);
  AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (preferences, BB_TYPE_PREFERENCES_WINDOW, "preset_row"));
  GListModel *model = adw_combo_row_get_model (row);
  guint last = g_list_model_get_n_items (model) - 1;

  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), last), ==, "Evening ribs");
  adw_combo_row_set_selected (row, last);
  {
    g_autofree char *chosen = g_settings_get_string (settings, "reminder-preset");

    g_assert_cmpstr (chosen, ==, id);
  }

  /* Deleted, it falls back to the default in the list. */
  g_variant_unref (bb_preset_store_remove (bb_application_get_preset_store (fixture->app), id, NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, last);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                               adw_combo_row_get_selected (row)), ==,
                   bb_catalog_gettext (bb_catalog_lookup_preset ("desk-break")->name));
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* ---------------------------------------------------------------------- */
/* The welcome and the Learn page                                          */

static GtkWindow *
wait_welcome (Fixture *fixture)
{
  for (guint i = 0; i < 2000 && bb_window_get_welcome (fixture->window) == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return bb_window_get_welcome (fixture->window);
}

static gpointer
welcome_child (GtkWindow  *welcome,
               const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (welcome), BB_TYPE_WELCOME_WINDOW, name);

  g_assert_nonnull (child);

  return child;
}

static void
close_welcome (Fixture   *fixture,
               GtkWindow *welcome)
{
  /* Escape closes it. */
  g_assert_true (bb_test_press_shortcut (GTK_WIDGET (welcome), GDK_KEY_Escape, 0));
  iterate ();
  g_assert_null (bb_window_get_welcome (fixture->window));
}

/* The welcome opens by itself on the first run, over the window, and
 * never again by itself. */
static void
test_welcome_first_run (Fixture       *fixture,
                        gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  GtkWindow *welcome = wait_welcome (fixture);

  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (welcome)));
  g_assert_true (gtk_window_get_modal (welcome));
  g_assert_true (gtk_window_get_transient_for (welcome) == GTK_WINDOW (fixture->window));
  /* The main window stays the application's window, for app.start-preset
   * and the command line. */
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)) == GTK_WINDOW (fixture->window));
  g_assert_true (g_settings_get_boolean (settings, "welcome-shown"));
  g_assert_true (g_settings_get_boolean (settings, "reminders-offered"));
  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));
  g_assert_true (gtk_window_get_default_widget (welcome) == welcome_child (welcome, "start_button"));

  close_welcome (fixture, welcome);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "practice");
  g_assert_null (bb_application_get_session (fixture->app));

  /* A session begun from elsewhere, as from a reminder, closes it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-welcome", NULL);
  iterate ();
  g_assert_nonnull (bb_window_get_welcome (fixture->window));
  bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_REMINDER);
  iterate ();
  g_assert_null (bb_window_get_welcome (fixture->window));
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");
  bb_session_stop (bb_application_get_session (fixture->app));
  iterate ();

  /* A new window, as on the next launch: no welcome. */
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_assert_null (fixture->window);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = BB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_nonnull (fixture->window);
  wait_mapped (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < 20; i++)
    {
      iterate ();
      g_usleep (1000);
    }
  g_assert_null (bb_window_get_welcome (fixture->window));
}

/* Seen once already: only the menu opens it, and its switch and buttons
 * do what they say. */
static void
test_welcome_from_menu (Fixture       *fixture,
                        gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                          BB_TYPE_WINDOW, "menu_button"));
  g_autoptr(GMenuModel) section = NULL;
  gboolean in_menu = FALSE;
  GtkWindow *welcome;
  GtkSwitch *reminders;
  BbSession *session;

  for (guint i = 0; i < 20; i++)
    {
      iterate ();
      g_usleep (1000);
    }
  g_assert_null (bb_window_get_welcome (fixture->window));

  /* The menu has it. */
  gtk_menu_button_popup (button);
  iterate ();
  section = g_menu_model_get_item_link (gtk_menu_button_get_menu_model (button), 1, G_MENU_LINK_SECTION);
  for (int i = 0; i < g_menu_model_get_n_items (section); i++)
    {
      g_autofree char *action = NULL;

      if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_equal (action, "win.show-welcome"))
        in_menu = TRUE;
    }
  g_assert_true (in_menu);
  gtk_menu_button_popdown (button);
  iterate ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-welcome", NULL);
  iterate ();
  welcome = bb_window_get_welcome (fixture->window);
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (welcome)));

  /* Asked twice, it is still one welcome. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-welcome", NULL);
  iterate ();
  g_assert_true (bb_window_get_welcome (fixture->window) == welcome);

  /* The switch writes the reminders' key, both ways, and follows it. */
  reminders = welcome_child (welcome, "reminders_switch");
  g_assert_false (gtk_switch_get_active (reminders));
  gtk_switch_set_active (reminders, TRUE);
  iterate ();
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  gtk_switch_set_active (reminders, FALSE);
  iterate ();
  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));
  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  iterate ();
  g_assert_true (gtk_switch_get_active (reminders));

  /* Not now: closed, nothing started. */
  click (welcome_child (welcome, "later_button"));
  g_assert_null (bb_window_get_welcome (fixture->window));
  g_assert_null (bb_application_get_session (fixture->app));

  /* Start: the first breaths begin, and the welcome is gone. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-welcome", NULL);
  iterate ();
  welcome = bb_window_get_welcome (fixture->window);
  g_assert_nonnull (welcome);
  click (welcome_child (welcome, "start_button"));
  g_assert_null (bb_window_get_welcome (fixture->window));
  session = bb_application_get_session (fixture->app);
  g_assert_nonnull (session);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_RUNNING);
  g_assert_cmpstr (bb_session_get_position (session), ==, bb_catalog_lookup_preset ("first-breaths")->position_id);
  {
    g_autofree char *last = g_settings_get_string (settings, "last-preset");

    g_assert_cmpstr (last, ==, "first-breaths");
  }
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");
}

static BbLearnPage *
show_learn (Fixture *fixture)
{
  GtkWidget *page;

  /* Ctrl+L shows it. */
  g_assert_true (bb_test_press_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_l, GDK_CONTROL_MASK));
  iterate ();
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "learn");
  page = find_widget (GTK_WIDGET (fixture->window), is_type, GSIZE_TO_POINTER (BB_TYPE_LEARN_PAGE));
  g_assert_nonnull (page);
  wait_mapped (page);

  return BB_LEARN_PAGE (page);
}

static BbRibView *
learn_view (BbLearnPage *page,
            const char  *name)
{
  GObject *view = gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_LEARN_PAGE, name);

  g_assert_true (BB_IS_RIB_VIEW (view));

  return BB_RIB_VIEW (view);
}

/* Three drawings, each saying what it shows, breathing with one demo
 * session that is the page's only timer, and only while it is seen. */
static void
test_learn_page (Fixture       *fixture,
                 gconstpointer  data)
{
  BbFakeClock *clock = BB_FAKE_CLOCK (fixture->clock);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window));
  const char *names[] = { "right_view", "shoulders_view", "belly_view" };
  const BbRibFault faults[] = { BB_RIB_FAULT_NONE, BB_RIB_FAULT_SHOULDERS, BB_RIB_FAULT_BELLY };
  BbLearnPage *page;
  BbSession *session;
  int minimum = 0;

  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 0);
  page = show_learn (fixture);
  session = bb_learn_page_get_session (page);
  g_assert_nonnull (session);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_RUNNING);
  /* A demo is no practice: the app has no session and records none. */
  g_assert_null (bb_application_get_session (fixture->app));
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      BbRibView *view = learn_view (page, names[i]);
      const char *label = bb_rib_view_get_label (view);

      g_assert_cmpint (bb_rib_view_get_fault (view), ==, faults[i]);
      g_assert_true (bb_rib_view_get_session (view) == session);
      g_assert_true (bb_rib_view_is_ticking (view));
      g_assert_nonnull (label);
      g_assert_cmpuint (strlen (label), >, 20);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (label, !=, bb_rib_view_get_label (learn_view (page, names[j])));
    }
  g_assert_nonnull (strstr (bb_rib_view_get_label (learn_view (page, "shoulders_view")), "shoulders"));
  g_assert_nonnull (strstr (bb_rib_view_get_label (learn_view (page, "belly_view")), "belly"));

  /* They breathe together: full at the end of the 4 s in-breath. */
  advance (fixture, 4 * SEC - 1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpfloat (bb_rib_view_get_shown_expansion (learn_view (page, names[i])), >, 0.99);

  /* When the demo ends, it starts over, still with one timer. */
  for (guint i = 0; i < 40 && bb_learn_page_get_session (page) == session; i++)
    advance (fixture, 1 * SEC);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_FINISHED);
  session = bb_learn_page_get_session (page);
  g_assert_nonnull (session);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_RUNNING);
  g_assert_true (bb_rib_view_get_session (learn_view (page, "belly_view")) == session);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 1);

  /* Every page fits a phone. */
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  /* Hidden, it stops: no session, no timer, no frames. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-practice", NULL);
  iterate ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_null (bb_learn_page_get_session (page));
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_STOPPED);
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_null (bb_rib_view_get_session (learn_view (page, names[i])));
      g_assert_false (bb_rib_view_is_ticking (learn_view (page, names[i])));
    }

  /* Seen again, it breathes again. */
  page = show_learn (fixture);
  g_assert_nonnull (bb_learn_page_get_session (page));
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 1);
  g_assert_true (bb_rib_view_is_ticking (learn_view (page, "right_view")));
}

/* Reduced motion: still pictures at full breath, where the faults show
 * best, and nothing that ticks. */
static void
test_learn_reduced_motion (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  BbFakeClock *clock = BB_FAKE_CLOCK (fixture->clock);
  const char *names[] = { "right_view", "shoulders_view", "belly_view" };
  BbLearnPage *page = show_learn (fixture);

  g_assert_nonnull (bb_learn_page_get_session (page));

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  iterate ();
  g_assert_null (bb_learn_page_get_session (page));
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      BbRibView *view = learn_view (page, names[i]);

      g_assert_false (bb_rib_view_is_ticking (view));
      g_assert_cmpfloat (bb_rib_view_get_shown_expansion (view), ==, 1.0);
    }

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  iterate ();
  g_assert_nonnull (bb_learn_page_get_session (page));
  g_assert_cmpuint (bb_fake_clock_get_n_pending (clock), ==, 1);
  g_assert_true (bb_rib_view_is_ticking (learn_view (page, "belly_view")));
}

static guint
count_of_type (GtkWidget *widget,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_of_type (child, type);

  return n;
}

/* The positions, from the most supported; each opens to what the
 * catalog says of it, or is a plain row when it says nothing more. */
static void
test_learn_positions (Fixture       *fixture,
                      gconstpointer  data)
{
  BbLearnPage *page = show_learn (fixture);
  GObject *group = gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_LEARN_PAGE, "positions_group");
  GtkWidget *list;
  const BbPosition *positions;
  guint n_positions;
  guint n = 0;

  positions = bb_catalog_get_positions (&n_positions);
  g_assert_nonnull (group);
  list = find_widget (GTK_WIDGET (group), is_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const BbPosition *position;
      gboolean more;

      if (!ADW_IS_PREFERENCES_ROW (row))
        continue;
      g_assert_cmpuint (n, <, n_positions);
      position = &positions[n];
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       bb_catalog_gettext (position->name));

      more = position->steps[0] != NULL || position->hands != NULL ||
             position->feel != NULL || position->why != NULL;
      g_assert_cmpint (ADW_IS_EXPANDER_ROW (row), ==, more);
      if (more)
        /* Its own header row, and one row for each thing said. */
        g_assert_cmpuint (count_of_type (row, ADW_TYPE_ACTION_ROW), ==,
                          1 + (position->steps[0] != NULL) + (position->hands != NULL) +
                          (position->feel != NULL) + (position->why != NULL));
      n++;
    }
  g_assert_cmpuint (n, ==, n_positions);
}

/* The check-in after a session, the tension before it, the tip and the
 * progression they lead to, and the check-ins in the history. */

static BbCheckinView *
checkin_view (Fixture *fixture)
{
  GtkWidget *view = find_widget (GTK_WIDGET (fixture->window), is_type,
                                 GSIZE_TO_POINTER (BB_TYPE_CHECKIN_VIEW));

  g_assert_nonnull (view);

  return BB_CHECKIN_VIEW (view);
}

static GtkWidget *
checkin_child (Fixture    *fixture,
               const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (checkin_view (fixture)),
                                                  BB_TYPE_CHECKIN_VIEW, name);

  g_assert_true (GTK_IS_WIDGET (child));

  return GTK_WIDGET (child);
}

static gboolean
checkin_shown (Fixture *fixture)
{
  return gtk_widget_get_visible (GTK_WIDGET (checkin_view (fixture))) &&
         gtk_widget_get_mapped (GTK_WIDGET (checkin_view (fixture)));
}

/* The newest check-in in the store's file, and how many there are. */
static BbCheckin
stored_checkin (BbHistory *history,
                guint     *n_checkins)
{
  g_autoptr(GArray) checkins = NULL;
  g_autoptr(GError) error = NULL;
  BbCheckin checkin = { 0 };

  checkins = bb_history_list_checkins (history, 0, 100, &error);
  g_assert_no_error (error);
  if (checkins->len > 0)
    checkin = g_array_index (checkins, BbCheckinRecord, 0).checkin;
  if (n_checkins != NULL)
    *n_checkins = checkins->len;

  return checkin;
}

static void
tap_tension (BbTensionScale *scale,
             guint           value)
{
  click (bb_tension_scale_get_button (scale, value));
  g_assert_cmpuint (bb_tension_scale_get_value (scale), ==, value);
}

/* A session of @preset to its end, @hours after the last; stays on the
 * done page. */
static BbSession *
finish_session (Fixture    *fixture,
                int         hours,
                const char *preset)
{
  BbSession *session;

  bb_fake_clock_jump_real (BB_FAKE_CLOCK (fixture->clock), hours * 3600 * SEC);
  session = bb_application_begin_session (fixture->app, preset, BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  for (guint i = 0; i < 400 && bb_session_get_state (session) == BB_SESSION_STATE_RUNNING; i++)
    advance (fixture, 1 * SEC);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_FINISHED);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "done");
  wait_mapped (GTK_WIDGET (fixture->window));

  return session;
}

static GtkWidget *
guide_child (Fixture    *fixture,
             const char *name)
{
  return part_of (fixture, BB_TYPE_GUIDE_CARD, name);
}

static const char *
guide_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (guide_child (fixture, name)));
}

static void
show_practice (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-practice", NULL);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "practice");
  wait_mapped (GTK_WIDGET (fixture->window));
  iterate ();
}

/* After a session: "Not yet" and a tension are saved at once for it;
 * the practice page then shows the first tip, which can be dismissed;
 * after a "Yes", no tip. */
static void
test_checkin_answers (Fixture       *fixture,
                      gconstpointer  data)
{
  BbHistory *history = wait_history (fixture);
  BbCheckin checkin = { 0 };
  BbSession *session;
  guint n_checkins = 0;

  g_assert_nonnull (history);
  show_practice (fixture);
  g_assert_false (gtk_widget_get_visible (guide_child (fixture, "tip_box")));

  session = finish_session (fixture, 0, "desk-break");
  g_assert_true (checkin_shown (fixture));
  stored_checkin (history, &n_checkins);
  g_assert_cmpuint (n_checkins, ==, 0);

  click (checkin_child (fixture, "not_yet_button"));
  checkin = stored_checkin (history, &n_checkins);
  g_assert_cmpuint (n_checkins, ==, 1);
  g_assert_cmpint (checkin.back_felt, ==, BB_BACK_FELT_NOT_YET);
  g_assert_cmpuint (checkin.tension_after, ==, 0);

  tap_tension (BB_TENSION_SCALE (checkin_child (fixture, "tension_scale")), 4);
  checkin = stored_checkin (history, &n_checkins);
  g_assert_cmpuint (n_checkins, ==, 1);
  g_assert_cmpint (checkin.back_felt, ==, BB_BACK_FELT_NOT_YET);
  g_assert_cmpuint (checkin.tension_before, ==, 0);
  g_assert_cmpuint (checkin.tension_after, ==, 4);
  g_assert_true (bb_history_get_checkin (history, session, &checkin));
  g_assert_cmpuint (checkin.tension_after, ==, 4);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (checkin_child (fixture, "status_label"))), ==,
                   "Noted with this session. Thank you.");

  /* The tip for a first "not yet", before the next session. */
  show_practice (fixture);
  g_assert_true (gtk_widget_get_visible (guide_child (fixture, "tip_box")));
  g_assert_cmpstr (guide_text (fixture, "tip_title"), ==, bb_guidance_get_tip_title (BB_TIP_HANDS_ON_BACK));
  {
    g_autofree char *text = bb_guidance_dup_tip_text (BB_TIP_HANDS_ON_BACK, "seated");

    g_assert_cmpstr (guide_text (fixture, "tip_text"), ==, text);
  }

  /* Dismissed, it stays away until the next check-in. */
  gtk_widget_activate_action (guide_child (fixture, "tip_box"), "guide.dismiss-tip", NULL);
  g_assert_false (gtk_widget_get_visible (guide_child (fixture, "tip_box")));

  /* A second "not yet" leads to the next tip; the answers start afresh. */
  session = finish_session (fixture, 1, "desk-break");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (checkin_child (fixture, "not_yet_button"))));
  g_assert_cmpuint (bb_tension_scale_get_value (BB_TENSION_SCALE (checkin_child (fixture, "tension_scale"))), ==, 0);
  click (checkin_child (fixture, "not_yet_button"));
  show_practice (fixture);
  g_assert_true (gtk_widget_get_visible (guide_child (fixture, "tip_box")));
  g_assert_cmpstr (guide_text (fixture, "tip_title"), ==, bb_guidance_get_tip_title (BB_TIP_OTHER_POSITION));

  /* "Yes": no tip. A change of mind on the done page counts. */
  session = finish_session (fixture, 1, "desk-break");
  click (checkin_child (fixture, "a_little_button"));
  click (checkin_child (fixture, "yes_button"));
  checkin = stored_checkin (history, &n_checkins);
  g_assert_cmpuint (n_checkins, ==, 3);
  g_assert_cmpint (checkin.back_felt, ==, BB_BACK_FELT_YES);
  show_practice (fixture);
  g_assert_false (gtk_widget_get_visible (guide_child (fixture, "tip_box")));
}

/* Skip stores nothing; "Don't ask" turns check-ins off, also the
 * tension before; Preferences turns them on again. A session stopped
 * before its first whole breath asks nothing. */
static void
test_checkin_skip (Fixture       *fixture,
                   gconstpointer  data)
{
  BbHistory *history = wait_history (fixture);
  GSettings *settings = bb_application_get_settings (fixture->app);
  BbCheckin checkin = { 0 };
  guint n_checkins = 0;
  BbSession *session;
  GtkWidget *tension_before;

  session = finish_session (fixture, 0, "desk-break");
  g_assert_true (checkin_shown (fixture));
  click (checkin_child (fixture, "skip_button"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (checkin_view (fixture))));
  g_assert_true (bb_history_get_checkin (history, session, &checkin));
  g_assert_cmpint (checkin.back_felt, ==, BB_BACK_FELT_UNANSWERED);
  g_assert_cmpuint (checkin.tension_after, ==, 0);
  stored_checkin (history, &n_checkins);
  g_assert_cmpuint (n_checkins, ==, 0);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "done");

  /* Stopped at once: nothing to ask about. Stopped after two breaths:
   * asked. */
  session = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  advance (fixture, 3 * SEC);
  bb_session_stop (session);
  iterate ();
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "done");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (checkin_view (fixture))));
  session = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  advance (fixture, 21 * SEC);
  bb_session_stop (session);
  iterate ();
  g_assert_true (checkin_shown (fixture));

  show_practice (fixture);
  tension_before = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (find_widget (GTK_WIDGET (fixture->window), is_type,
                                                                                       GSIZE_TO_POINTER (BB_TYPE_PRACTICE_PAGE))),
                                                              BB_TYPE_PRACTICE_PAGE, "tension_before_box"));
  g_assert_true (gtk_widget_get_visible (tension_before));

  /* Turned off: a toast says where to turn them on again. */
  finish_session (fixture, 1, "desk-break");
  click (checkin_child (fixture, "turn_off_button"));
  g_assert_false (g_settings_get_boolean (settings, "checkin-enabled"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (checkin_view (fixture))));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), has_label,
                                 "No more check-ins. Preferences can bring them back."));
  g_assert_false (gtk_widget_get_visible (tension_before));

  finish_session (fixture, 1, "desk-break");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (checkin_view (fixture))));

  /* On again from Preferences. */
  {
    GtkWidget *preferences = NULL;
    GtkWidget *toggle;

    preferences = open_preferences (fixture);
    toggle = find_widget (preferences, is_switch_for, "Ask _Before and After Sessions");
    g_assert_nonnull (toggle);
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
    gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
    g_assert_true (g_settings_get_boolean (settings, "checkin-enabled"));
    gtk_window_destroy (GTK_WINDOW (preferences));
    iterate ();
  }
  finish_session (fixture, 1, "desk-break");
  g_assert_true (checkin_shown (fixture));
}

/* The tension before, on the practice page, goes with the session Start
 * begins, and is then cleared. */
static void
test_tension_before (Fixture       *fixture,
                     gconstpointer  data)
{
  BbHistory *history = wait_history (fixture);
  GtkWidget *page = find_widget (GTK_WIDGET (fixture->window), is_type, GSIZE_TO_POINTER (BB_TYPE_PRACTICE_PAGE));
  BbTensionScale *scale = BB_TENSION_SCALE (gtk_widget_get_template_child (page, BB_TYPE_PRACTICE_PAGE,
                                                                           "tension_before_scale"));
  BbCheckin checkin = { 0 };
  BbSession *session;
  guint n_checkins = 0;

  tap_tension (scale, 3);
  click (find_button (fixture, "practice.start"));
  session = bb_application_get_session (fixture->app);
  g_assert_nonnull (session);
  g_assert_cmpuint (bb_tension_scale_get_value (scale), ==, 0);
  /* The store lists the session's check-in once it has ended. */
  g_assert_true (bb_history_get_checkin (history, session, &checkin));
  g_assert_cmpuint (checkin.tension_before, ==, 3);
  g_assert_cmpint (checkin.back_felt, ==, BB_BACK_FELT_UNANSWERED);

  /* The answers after join it. */
  for (guint i = 0; i < 130 && bb_session_get_state (session) == BB_SESSION_STATE_RUNNING; i++)
    advance (fixture, 1 * SEC);
  tap_tension (BB_TENSION_SCALE (checkin_child (fixture, "tension_scale")), 2);
  checkin = stored_checkin (history, &n_checkins);
  g_assert_cmpuint (n_checkins, ==, 1);
  g_assert_cmpuint (checkin.tension_before, ==, 3);
  g_assert_cmpuint (checkin.tension_after, ==, 2);

  /* Not answered: nothing saved. */
  show_practice (fixture);
  click (find_button (fixture, "practice.start"));
  g_assert_true (bb_application_get_session (fixture->app) != session);
  session = bb_application_get_session (fixture->app);
  g_assert_true (bb_history_get_checkin (history, session, &checkin));
  g_assert_cmpuint (checkin.tension_before, ==, 0);
  bb_session_stop (session);
  iterate ();
  stored_checkin (history, &n_checkins);
  g_assert_cmpuint (n_checkins, ==, 1);

  /* Tension that fell: no tip. Tension that rose, though the back was
   * felt: the tip on the shoulders. */
  show_practice (fixture);
  g_assert_false (gtk_widget_get_visible (guide_child (fixture, "tip_box")));
  tap_tension (scale, 2);
  click (find_button (fixture, "practice.start"));
  session = bb_application_get_session (fixture->app);
  for (guint i = 0; i < 130 && bb_session_get_state (session) == BB_SESSION_STATE_RUNNING; i++)
    advance (fixture, 1 * SEC);
  click (checkin_child (fixture, "yes_button"));
  tap_tension (BB_TENSION_SCALE (checkin_child (fixture, "tension_scale")), 4);
  show_practice (fixture);
  g_assert_true (gtk_widget_get_visible (guide_child (fixture, "tip_box")));
  g_assert_cmpstr (guide_text (fixture, "tip_title"), ==, bb_guidance_get_tip_title (BB_TIP_SHOULDERS));
}

/* Answers given while the history is still being opened are kept, and
 * saved once it is open. */
static void
test_checkin_late (Fixture       *fixture,
                   gconstpointer  data)
{
  BbCheckin checkin = { 0 };
  BbHistory *history;
  BbSession *session;

  g_assert_null (bb_application_get_history (fixture->app));
  /* The guide waits for the history too. */
  g_assert_false (gtk_widget_get_visible (guide_child (fixture, "progress_box")));
  session = finish_session (fixture, 0, "desk-break");
  g_assert_true (checkin_shown (fixture));
  click (checkin_child (fixture, "not_yet_button"));
  tap_tension (BB_TENSION_SCALE (checkin_child (fixture, "tension_scale")), 5);
  g_assert_null (bb_application_get_history (fixture->app));

  g_assert_cmpint (sqlite3_exec (fixture->lock, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&fixture->lock, sqlite3_close);
  history = wait_history (fixture);
  g_assert_nonnull (history);
  g_assert_true (bb_history_get_checkin (history, session, &checkin));
  g_assert_cmpint (checkin.back_felt, ==, BB_BACK_FELT_NOT_YET);
  g_assert_cmpuint (checkin.tension_after, ==, 5);
  checkin = stored_checkin (history, NULL);
  g_assert_cmpint (checkin.back_felt, ==, BB_BACK_FELT_NOT_YET);
  g_assert_cmpuint (checkin.tension_after, ==, 5);

  show_practice (fixture);
  g_assert_true (gtk_widget_get_visible (guide_child (fixture, "progress_box")));
  g_assert_cmpstr (guide_text (fixture, "tip_title"), ==, bb_guidance_get_tip_title (BB_TIP_HANDS_ON_BACK));
}

/* The progression card reads the step and the days from the history:
 * the back felt in child's pose on 3, then 5 separate days. */
static void
test_progression (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkLevelBar *bar;

  wait_history (fixture);
  show_practice (fixture);
  g_assert_true (gtk_widget_get_visible (guide_child (fixture, "progress_box")));
  g_assert_cmpstr (guide_text (fixture, "stage_label"), ==, "Supported positions");
  g_assert_cmpstr (guide_text (fixture, "days_label"), ==,
                   "Feel your back widen on 5 separate days to take the next step");
  bar = GTK_LEVEL_BAR (guide_child (fixture, "level_bar"));
  g_assert_cmpfloat (gtk_level_bar_get_value (bar), ==, 0);

  for (guint day = 0; day < 5; day++)
    {
      finish_session (fixture, 24, "first-breaths");
      click (checkin_child (fixture, "yes_button"));
      /* Twice on one day counts once. */
      if (day == 0)
        {
          finish_session (fixture, 1, "first-breaths");
          click (checkin_child (fixture, "yes_button"));
        }
      show_practice (fixture);

      if (day == 2)
        {
          g_assert_cmpstr (guide_text (fixture, "stage_label"), ==, "Supported positions");
          g_assert_cmpstr (guide_text (fixture, "days_label"), ==, "Back felt on 3 of 5 days in Child’s pose");
          g_assert_cmpfloat (gtk_level_bar_get_value (bar), ==, 3);
          g_assert_true (g_str_has_prefix (guide_text (fixture, "next_label"), "Next: Seated. "));
        }
    }

  g_assert_cmpstr (guide_text (fixture, "stage_label"), ==, "Seated");
  g_assert_cmpfloat (gtk_level_bar_get_value (bar), ==, 0);
  g_assert_true (g_str_has_prefix (guide_text (fixture, "next_label"), "Next: Standing. "));
}

/* The history page counts the sessions where the back was felt and
 * charts the tension before and after; with no check-ins it says how
 * to get them. */
static void
test_history_checkins (Fixture       *fixture,
                       gconstpointer  data)
{
  static const BbCheckin answers[] = {
    { BB_BACK_FELT_NOT_YET, 3, 3 },
    { BB_BACK_FELT_YES, 4, 2 },
    { BB_BACK_FELT_A_LITTLE, 0, 2 },
    { BB_BACK_FELT_YES, 2, 1 },
  };
  BbHistory *history = wait_history (fixture);
  g_autoptr(GError) error = NULL;
  BbHistoryPage *page;
  GtkWidget *chart;

  practise (fixture, 0, 125);
  page = show_history (fixture);
  chart = find_widget (GTK_WIDGET (page), is_type, GSIZE_TO_POINTER (BB_TYPE_TENSION_CHART));
  g_assert_nonnull (chart);
  g_assert_true (g_str_has_prefix (history_child (page, "felt_label"), "After a session, the check-in asks"));
  g_assert_false (gtk_widget_get_visible (chart));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_HISTORY_PAGE,
                                                                                     "tension_label"))));

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      practise (fixture, 2, 125);
      g_assert_true (bb_history_save_checkin (history, bb_application_get_session (fixture->app),
                                              &answers[i], &error));
      g_assert_no_error (error);
    }

  page = show_history (fixture);
  g_assert_cmpstr (history_child (page, "felt_label"), ==,
                   "Back felt in 2 of 4 checked-in sessions, and a little in 1 more");
  g_assert_true (gtk_widget_get_visible (chart));
  g_assert_cmpuint (bb_tension_chart_get_n_points (BB_TENSION_CHART (chart)), ==, 3);
  g_assert_cmpstr (history_child (page, "tension_label"), ==, "Tension was lower after 2 of 3 sessions");
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Chart of neck and shoulder tension before and after your last 3 sessions, "
                                       "from 1, at ease, to 5, very tense: 3.0 before and 2.0 after on average.");
}

/* ---------------------------------------------------------------------- */
/* The layout of the practice page, and the end page                       */

static gpointer
window_child (Fixture    *fixture,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), BB_TYPE_WINDOW, name);

  g_assert_nonnull (child);

  return child;
}

/* A part of the end page, which is built when a session first ends. */
static gpointer
done_child (Fixture    *fixture,
            const char *name)
{
  return part_of (fixture, BB_TYPE_DONE_PAGE, name);
}

/* Resizes the window and waits until it has the new size, give or take
 * the frame that the window's size includes without a window manager. */
static gboolean
near (int a,
      int b)
{
  return ABS (a - b) <= 16;
}

static void
resize_window (Fixture *fixture,
               int      width,
               int      height)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  for (guint i = 0; i < 2000 && !(near (gtk_widget_get_width (window), width) &&
                                  near (gtk_widget_get_height (window), height)); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (near (gtk_widget_get_width (window), width));
  g_assert_true (near (gtk_widget_get_height (window), height));
  iterate ();
}

static gboolean
label_starts_with (GtkWidget     *widget,
                   gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *area)
{
  graphene_rect_t bounds;

  return gtk_widget_get_mapped (widget) &&
         gtk_widget_compute_bounds (widget, area, &bounds) &&
         bounds.size.height > 0 &&
         bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (area) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (area);
}

/* Whether @widget lies wholly inside @area, once the frames under way
 * have been laid out. */
static void
assert_inside (GtkWidget *widget,
               GtkWidget *area)
{
  graphene_rect_t bounds;

  for (guint i = 0; i < 500 && !is_inside (widget, area); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  if (!is_inside (widget, area))
    {
      g_assert_true (gtk_widget_compute_bounds (widget, area, &bounds));
      g_error ("%s at %g,%g %gx%g is not inside %s of %dx%d",
               G_OBJECT_TYPE_NAME (widget), bounds.origin.x, bounds.origin.y,
               bounds.size.width, bounds.size.height,
               G_OBJECT_TYPE_NAME (area), gtk_widget_get_width (area), gtk_widget_get_height (area));
    }
}

/* At the window's default size the end page shows the check-in and Done
 * whole, without scrolling, also under a preset's closing step. */
static void
test_end_page_fits (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  /* The second also shows its closing step, the standing check. */
  const char *presets[] = { "first-breaths", "back-body" };

  resize_window (fixture, 720, 640);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      GtkWidget *done, *checkin, *scrolled;
      GtkAdjustment *adjustment;

      finish_session (fixture, 0, presets[i]);
      g_assert_true (checkin_shown (fixture));
      iterate ();
      done = done_child (fixture, "done_button");
      checkin = done_child (fixture, "checkin_view");
      scrolled = gtk_widget_get_ancestor (done, GTK_TYPE_SCROLLED_WINDOW);
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      g_assert_true (gtk_widget_get_visible (done_child (fixture, "closing_label")) == (i == 1));
      assert_inside (checkin, window);
      assert_inside (done, window);
      /* Nothing to scroll. */
      g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment), <, 1);
      click (done);
      iterate ();
    }
}

/* The welcome's choices (reminders, start, not now) show at its own size
 * and in a small window, however long the words above them grow in a
 * language: those scroll. */
static void
test_welcome_fits (Fixture       *fixture,
                   gconstpointer  data)
{
  static const int heights[] = { 640, 420 };
  GtkWindow *welcome = wait_welcome (fixture);
  GtkWidget *start = welcome_child (welcome, "start_button");
  GtkWidget *later = welcome_child (welcome, "later_button");
  GtkWidget *reminders = welcome_child (welcome, "reminders_switch");

  g_assert_null (gtk_widget_get_ancestor (start, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_null (gtk_widget_get_ancestor (later, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_null (gtk_widget_get_ancestor (reminders, GTK_TYPE_SCROLLED_WINDOW));
  for (guint i = 0; i < G_N_ELEMENTS (heights); i++)
    {
      gtk_window_set_default_size (welcome, 460, heights[i]);
      for (guint j = 0; j < 2000 && !near (gtk_widget_get_height (GTK_WIDGET (welcome)), heights[i]); j++)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (1000);
        }
      g_assert_true (near (gtk_widget_get_height (GTK_WIDGET (welcome)), heights[i]));
      assert_inside (start, GTK_WIDGET (welcome));
      assert_inside (later, GTK_WIDGET (welcome));
      assert_inside (reminders, GTK_WIDGET (welcome));
    }
}

/* Start is on screen at every size, without scrolling, with the
 * question about tension; the list above scrolls, and at its end the
 * line that says this is not medical advice shows in full. */
static void
test_start_on_screen (Fixture       *fixture,
                      gconstpointer  data)
{
  static const int sizes[][2] = { { 360, 640 }, { 720, 640 }, { 1280, 900 }, { 360, 400 } };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *start = practice_child (fixture, "start_button");
  GtkWidget *tension = practice_child (fixture, "tension_before_box");
  GtkWidget *disclaimer = find_widget (window, label_starts_with, "Backbreath is not medical advice.");
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;

  g_assert_nonnull (disclaimer);
  scrolled = gtk_widget_get_ancestor (disclaimer, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  g_assert_null (gtk_widget_get_ancestor (start, GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      resize_window (fixture, sizes[i][0], sizes[i][1]);
      gtk_adjustment_set_value (adjustment, 0);
      iterate ();
      assert_inside (start, window);
      assert_inside (tension, window);
      /* Start is not under the view switcher at the bottom. */
      {
        GtkWidget *bar = window_child (fixture, "switcher_bar");
        graphene_rect_t start_bounds, bar_bounds;

        if (gtk_widget_get_mapped (bar) && adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)))
          {
            g_assert_true (gtk_widget_compute_bounds (start, window, &start_bounds));
            g_assert_true (gtk_widget_compute_bounds (bar, window, &bar_bounds));
            g_assert_cmpfloat (start_bounds.origin.y + start_bounds.size.height, <=, bar_bounds.origin.y);
          }
      }

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      iterate ();
      assert_inside (disclaimer, scrolled);
    }
  gtk_adjustment_set_value (adjustment, 0);
}

static const char *
subtitle (Fixture *fixture)
{
  const char *text = adw_view_switcher_title_get_subtitle (window_child (fixture, "switcher_title"));

  return text != NULL ? text : "";
}

/* A finished and a stopped session end with a different picture and
 * words, name the session, and leave no position in the title bar. */
static void
test_end_page_words (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwStatusPage *done;
  BbSession *session;

  session = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_assert_cmpstr (subtitle (fixture), ==, "Seated");
  for (guint i = 0; i < 130 && bb_session_get_state (session) != BB_SESSION_STATE_FINISHED; i++)
    advance (fixture, 1 * SEC);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_FINISHED);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "done");
  done = done_child (fixture, "status_page");
  g_assert_cmpstr (adw_status_page_get_icon_name (done), ==, "emblem-ok-symbolic");
  g_assert_cmpstr (adw_status_page_get_title (done), ==, "Well Done");
  g_assert_cmpstr (adw_status_page_get_description (done), ==,
                   "You completed “Desk break”: 12 breaths in 2:00. Notice how your back feels now.");
  g_assert_cmpstr (subtitle (fixture), ==, "");

  /* Stopped after one whole breath. */
  session = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");
  g_assert_cmpstr (subtitle (fixture), ==, "Seated");
  advance (fixture, 11 * SEC);
  bb_session_stop (session);
  iterate ();
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "done");
  g_assert_cmpstr (adw_status_page_get_icon_name (done), ==, "emoji-nature-symbolic");
  g_assert_cmpstr (adw_status_page_get_title (done), ==, "Session Ended");
  g_assert_cmpstr (adw_status_page_get_description (done), ==,
                   "You stopped “Desk break” after 1 of 12 breaths in 0:11. Every calm breath counts.");
  g_assert_cmpstr (subtitle (fixture), ==, "");

  /* Stopped in the first breath: no count of nothing. */
  session = bb_application_begin_session (fixture->app, "standing-reset", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  advance (fixture, 2 * SEC);
  bb_session_stop (session);
  iterate ();
  g_assert_cmpstr (adw_status_page_get_icon_name (done), ==, "emoji-nature-symbolic");
  g_assert_cmpstr (adw_status_page_get_description (done), ==,
                   "You stopped “Standing reset” before the first full breath. Come back whenever it suits you.");
  g_assert_null (strstr (adw_status_page_get_description (done), "0 of"));
  g_assert_cmpstr (subtitle (fixture), ==, "");
}

/* An own session is named in the user's words, shown as typed even
 * when they look like markup. */
static void
test_end_page_own_name (Fixture       *fixture,
                        gconstpointer  data)
{
  BbPresetStore *store = bb_application_get_preset_store (fixture->app);
  g_autofree char *id = make_own_preset (fixture);
  AdwStatusPage *done;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BbPreset preset = *bb_preset_store_lookup (store, id);
  BbSession *session;

  preset.name = "Ribs & <b>calm</b>";
  g_assert_true (bb_preset_store_update (store, id, &preset, &error));
  g_assert_no_error (error);

  session = bb_application_begin_session (fixture->app, id, BB_HISTORY_SOURCE_PRACTICE);
  g_assert_cmpstr (bb_application_get_session_name (fixture->app, session), ==, "Ribs & <b>calm</b>");
  iterate ();
  advance (fixture, 1 * SEC);
  bb_session_stop (session);
  iterate ();

  done = done_child (fixture, "status_page");
  g_assert_true (pango_parse_markup (adw_status_page_get_description (done), -1, 0, NULL, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "You stopped “Ribs & <b>calm</b>” before the first full breath. Come back whenever it suits you.");
}

/* The session a session page follows, for comparing only. */
static gpointer
page_session (GtkWidget *page)
{
  g_autoptr(BbSession) session = NULL;

  g_object_get (page, "session", &session, NULL);

  return session;
}

/* The first frame builds neither the session page nor the end page,
 * and leaves the switcher bar at the bottom without its stack. The
 * session page is made after the first frame, the end page when a
 * session first ends, the bar's buttons when it first shows. */
static void
test_pages_when_needed (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  AdwViewSwitcherBar *bar = window_child (fixture, "switcher_bar");
  GtkWidget *other = GTK_WIDGET (bb_window_new (fixture->app));
  GtkWidget *page, *done;
  BbSession *session;

  g_assert_null (find_widget (other, is_type, GSIZE_TO_POINTER (BB_TYPE_SESSION_PAGE)));
  g_assert_null (find_widget (other, is_type, GSIZE_TO_POINTER (BB_TYPE_DONE_PAGE)));
  gtk_window_present (GTK_WINDOW (other));
  wait_mapped (other);
  g_assert_null (find_widget (other, is_type, GSIZE_TO_POINTER (BB_TYPE_SESSION_PAGE)));
  iterate ();
  g_assert_nonnull (find_widget (other, is_type, GSIZE_TO_POINTER (BB_TYPE_SESSION_PAGE)));
  g_assert_null (find_widget (other, is_type, GSIZE_TO_POINTER (BB_TYPE_DONE_PAGE)));
  gtk_window_destroy (GTK_WINDOW (other));

  resize_window (fixture, 720, 640);
  g_assert_null (find_widget (window, is_type, GSIZE_TO_POINTER (BB_TYPE_DONE_PAGE)));
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  g_assert_null (adw_view_switcher_bar_get_stack (bar));

  /* Too narrow for the switcher in the header: the bar gets its stack. */
  resize_window (fixture, 360, 640);
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  g_assert_nonnull (adw_view_switcher_bar_get_stack (bar));
  resize_window (fixture, 720, 640);

  session = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  page = GTK_WIDGET (session_page (fixture));
  g_assert_true (page_session (page) == session);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_null (find_widget (window, is_type, GSIZE_TO_POINTER (BB_TYPE_DONE_PAGE)));

  advance (fixture, 11 * SEC);
  bb_session_stop (session);
  iterate ();
  done = find_widget (window, is_type, GSIZE_TO_POINTER (BB_TYPE_DONE_PAGE));
  g_assert_nonnull (done);
  g_assert_true (gtk_widget_get_mapped (done));
  g_assert_true (gtk_widget_has_focus (done_child (fixture, "done_button")));

  /* The next session has the same pages, following it. */
  session = bb_application_begin_session (fixture->app, "first-breaths", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_assert_true (GTK_WIDGET (session_page (fixture)) == page);
  g_assert_true (page_session (page) == session);
  bb_session_stop (session);
  iterate ();
  g_assert_true (find_widget (window, is_type, GSIZE_TO_POINTER (BB_TYPE_DONE_PAGE)) == done);

  /* A session begun before a new window first shows, on a first run
   * (from the command line): the window opens on it, with no welcome
   * over it. */
  g_settings_set_boolean (bb_application_get_settings (fixture->app), "welcome-shown", FALSE);
  other = GTK_WIDGET (bb_window_new (fixture->app));
  session = bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  g_assert_cmpstr (bb_window_get_page_name (BB_WINDOW (other)), ==, "session");
  gtk_window_present (GTK_WINDOW (other));
  wait_mapped (other);
  iterate ();
  page = find_widget (other, is_type, GSIZE_TO_POINTER (BB_TYPE_SESSION_PAGE));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (page_session (page) == session);
  g_assert_null (bb_window_get_welcome (BB_WINDOW (other)));
  bb_session_stop (session);
  iterate ();
  gtk_window_destroy (GTK_WINDOW (other));
}

/* Over the small oval beside the drawing, and only there, a tooltip
 * says what it shows. */
static void
test_cross_section_tooltip (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *view = bb_session_page_get_rib_view (session_page (fixture));
  g_autoptr(GtkTooltip) tooltip = NULL;
  cairo_rectangle_int_t area;
  gboolean shown = FALSE;
  int width, height;

  bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  wait_mapped (view);
  for (guint i = 0; i < 2000 && gtk_widget_get_width (view) == 0; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_true (gtk_widget_get_has_tooltip (view));
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  bb_rib_painter_get_cross_section_area (width, height, &area);
  g_assert_cmpint (area.width, >, 0);

  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_signal_emit_by_name (view, "query-tooltip", area.x + area.width / 2, area.y + area.height / 2,
                         FALSE, tooltip, &shown);
  g_assert_true (shown);

  /* Not over the back itself. */
  shown = TRUE;
  g_signal_emit_by_name (view, "query-tooltip", width / 2, height / 2, FALSE, tooltip, &shown);
  g_assert_false (shown);
}

/* A new session's empty name is not called a mistake before one is
 * typed; other problems are said at once, and Save waits for both. */
static void
test_own_preset_fresh_form (Fixture       *fixture,
                            gconstpointer  data)
{
  BbPresetEditor *editor = open_new_editor (fixture);
  GtkWidget *save = editor_child (editor, "save_button");
  GtkWidget *message = editor_child (editor, "message_label");
  GtkWidget *name = editor_child (editor, "name_row");

  iterate ();
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_false (gtk_widget_has_css_class (name, "error"));

  gtk_spin_button_set_value (editor_child (editor, "inhale_spin"), 0.5);
  iterate ();
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "in-breath"));
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  gtk_spin_button_set_value (editor_child (editor, "inhale_spin"), 4);

  /* Typed, then cleared: now it is said. */
  gtk_editable_set_text (GTK_EDITABLE (name), "Noon");
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_has_css_class (name, "error"));

  gtk_window_destroy (GTK_WINDOW (editor));
  iterate ();
}

/* Start is the window's default widget while the choice of sessions
 * shows, so Enter starts; the focus begins on it, and Tab from there
 * walks the whole page, the list of sessions too. */
static void
test_start_default (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  GtkWidget *start = find_button (fixture, "practice.start");
  GtkWidget *check = find_preset_check (fixture, "wind-down");
  gboolean reached = FALSE;

  wait_mapped (start);
  g_assert_true (gtk_window_get_default_widget (window) == start);
  g_assert_true (gtk_window_get_focus (window) == start);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", NULL);
  iterate ();
  g_assert_null (gtk_window_get_default_widget (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-practice", NULL);
  iterate ();
  g_assert_true (gtk_window_get_default_widget (window) == start);
  g_assert_true (gtk_window_get_focus (window) == start);

  for (guint i = 0; i < 40 && !reached; i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD) ||
                     gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      reached = gtk_window_get_focus (window) == check;
    }
  g_assert_true (reached);
  g_assert_true (gtk_widget_activate (check));
  iterate ();

  /* Enter, wherever the focus is that does not take it. A button
   * activated from the keyboard clicks once it has shown itself pressed. */
  g_signal_emit_by_name (window, "activate-default");
  for (guint i = 0; i < 2000 && bb_application_get_session (fixture->app) == NULL; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();
  g_assert_nonnull (bb_application_get_session (fixture->app));
  g_assert_cmpuint (bb_session_get_pattern (bb_application_get_session (fixture->app))->exhale_ms, ==, 8000);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");
  g_assert_null (gtk_window_get_default_widget (window));
}

/* Stop (and Esc) keep the session for its toast: Resume carries on where
 * it was, with the time stopped not counted; leaving the end page stops
 * it for good. */
static void
test_stop_resume (Fixture       *fixture,
                  gconstpointer  data)
{
  BbSessionPage *page = session_page (fixture);
  BbSession *session;
  gint64 elapsed;

  click (find_button (fixture, "practice.start"));
  session = bb_application_get_session (fixture->app);
  wait_mapped (GTK_WIDGET (page));
  advance (fixture, 5 * SEC);

  click (find_button (fixture, "session.stop"));
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_PAUSED);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "done");
  g_assert_nonnull (bb_window_get_stop_toast (fixture->window));
  g_assert_cmpstr (adw_toast_get_action_name (bb_window_get_stop_toast (fixture->window)), ==,
                   "win.resume-session");
  elapsed = bb_session_get_elapsed (session);
  advance (fixture, 3 * SEC);
  g_assert_cmpint (bb_session_get_elapsed (session), ==, elapsed);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.resume-session", NULL);
  iterate ();
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_RUNNING);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");
  g_assert_null (bb_window_get_stop_toast (fixture->window));
  g_assert_cmpint (bb_session_get_elapsed (session), ==, elapsed);

  /* Ctrl+Z is the same as the toast's Resume. */
  press_key (GTK_WIDGET (page), GDK_KEY_Escape);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_PAUSED);
  g_assert_true (bb_test_press_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_z, GDK_CONTROL_MASK));
  iterate ();
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_RUNNING);

  /* Leaving the end page ends it. */
  press_key (GTK_WIDGET (page), GDK_KEY_Escape);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_PAUSED);
  click (find_button (fixture, "win.show-practice"));
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_STOPPED);
  g_assert_null (bb_window_get_stop_toast (fixture->window));
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "practice");

  /* Nothing left to resume. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.resume-session", NULL);
  iterate ();
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_STOPPED);
}

/* With "announce-phases" on, a screen reader is given each phase once,
 * as it begins (not each second of its countdown); with it off, never. */
static void
test_announce_phases (Fixture       *fixture,
                      gconstpointer  data)
{
  GSettings *settings = bb_application_get_settings (fixture->app);
  BbSessionPage *page = session_page (fixture);
  GObject *bar = gtk_widget_get_template_child (GTK_WIDGET (page), BB_TYPE_SESSION_PAGE, "phase_bar");
  guint n = 0;

  g_assert_false (g_settings_get_boolean (settings, "announce-phases"));
  click (find_button (fixture, "practice.start"));
  wait_mapped (GTK_WIDGET (page));
  advance (fixture, 4 * SEC + 1);
  advance (fixture, 6 * SEC);
  g_assert_null (bb_session_page_get_announcement (page, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (bar)));

  g_settings_set_boolean (settings, "announce-phases", TRUE);
  bb_application_begin_session (fixture->app, "desk-break", BB_HISTORY_SOURCE_PRACTICE);
  iterate ();
  g_assert_cmpstr (bb_session_page_get_announcement (page, &n), ==, "Breathe in");
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->window)) == GTK_WIDGET (bar));
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_LABEL, "Breathe in");

  for (guint i = 0; i < 3; i++)
    advance (fixture, 1 * SEC);
  bb_session_page_get_announcement (page, &n);
  g_assert_cmpuint (n, ==, 1);
  advance (fixture, 1 * SEC + 1);
  g_assert_cmpstr (bb_session_page_get_announcement (page, &n), ==, "Breathe out");
  g_assert_cmpuint (n, ==, 2);
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_LABEL, "Breathe out");
  advance (fixture, 6 * SEC);
  g_assert_cmpstr (bb_session_page_get_announcement (page, &n), ==, "Breathe in");
  g_assert_cmpuint (n, ==, 3);

  /* A pause is not a phase; resuming does not say the phase again. */
  press_key (GTK_WIDGET (page), GDK_KEY_space);
  press_key (GTK_WIDGET (page), GDK_KEY_space);
  bb_session_page_get_announcement (page, &n);
  g_assert_cmpuint (n, ==, 3);

  g_settings_set_boolean (settings, "announce-phases", FALSE);
  advance (fixture, 4 * SEC);
  bb_session_page_get_announcement (page, &n);
  g_assert_cmpuint (n, ==, 3);
}

/* In full screen, Esc first leaves full screen and the session goes on;
 * only the next Esc stops it. With no window manager under Xvfb, GTK
 * takes full screen at once only for a window not yet shown, so the
 * window is hidden, made full screen and shown again. */
static void
test_escape_fullscreen (Fixture       *fixture,
                        gconstpointer  data)
{
  BbSessionPage *page = session_page (fixture);
  BbSession *session;

  click (find_button (fixture, "practice.start"));
  session = bb_application_get_session (fixture->app);
  wait_mapped (GTK_WIDGET (page));
  advance (fixture, 5 * SEC);

  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  gtk_window_fullscreen (GTK_WINDOW (fixture->window));
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), TRUE);
  wait_mapped (GTK_WIDGET (page));
  iterate ();
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (fixture->window)));

  press_key (GTK_WIDGET (page), GDK_KEY_Escape);
  iterate ();
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_RUNNING);
  g_assert_cmpstr (bb_window_get_page_name (fixture->window), ==, "session");
  g_assert_null (bb_window_get_stop_toast (fixture->window));

  /* Out of full screen (the window manager's part, done here by hand),
   * Esc stops, still with the way back. */
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  gtk_window_unfullscreen (GTK_WINDOW (fixture->window));
  gtk_widget_set_visible (GTK_WIDGET (fixture->window), TRUE);
  wait_mapped (GTK_WIDGET (page));
  iterate ();
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (fixture->window)));
  press_key (GTK_WIDGET (page), GDK_KEY_Escape);
  g_assert_cmpint (bb_session_get_state (session), ==, BB_SESSION_STATE_PAUSED);
  g_assert_nonnull (bb_window_get_stop_toast (fixture->window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("backbreath-window-XXXXXX", &error);
  int result;

  /* A history of this process's own: other test programs run at the same
   * time, and the app marks sessions it did not finish as interrupted. */
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* Times of day on the practice page are said in local time. */
  g_setenv ("TZ", "UTC", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window/desk-break", Fixture, NULL, fixture_setup, test_desk_break, fixture_teardown);
  g_test_add ("/window/escape-stops", Fixture, NULL, fixture_setup, test_escape_stops, fixture_teardown);
  g_test_add ("/window/reduced-motion", Fixture, NULL, fixture_setup, test_reduced_motion, fixture_teardown);
  g_test_add ("/window/narrow", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);
  g_test_add ("/window/chimes-hidden", Fixture, NULL, fixture_setup, test_chimes_hidden, fixture_teardown);
  g_test_add ("/window/no-sound-device", Fixture, NULL, fixture_setup, test_no_sound_device, fixture_teardown);
  g_test_add ("/window/preferences", Fixture, NULL, fixture_setup, test_preferences, fixture_teardown);
  g_test_add_func ("/window/remote-start", test_remote_start);
  g_test_add ("/window/new-session-replaces", Fixture, NULL, fixture_setup, test_new_session_replaces, fixture_teardown);
  g_test_add ("/window/one-timer", Fixture, NULL, fixture_setup, test_one_timer, fixture_teardown);
  g_test_add ("/window/replace-transitions", Fixture, NULL, fixture_setup, test_replace_transitions, fixture_teardown);
  g_test_add ("/window/window-size", Fixture, NULL, fixture_setup, test_window_size, fixture_teardown);
  g_test_add ("/window/preset-choice", Fixture, NULL, fixture_setup, test_preset_choice, fixture_teardown);
  g_test_add ("/window/bad-sound-file", Fixture, NULL, fixture_setup, test_bad_sound_file, fixture_teardown);
  g_test_add ("/window/main-menu", Fixture, NULL, fixture_setup, test_main_menu, fixture_teardown);
  g_test_add ("/window/history-empty", Fixture, OWN_HISTORY, fixture_setup, test_history_empty, fixture_teardown);
  g_test_add ("/window/history-page", Fixture, OWN_HISTORY, fixture_setup, test_history_page, fixture_teardown);
  g_test_add ("/window/history-transfer", Fixture, OWN_HISTORY, fixture_setup, test_history_transfer, fixture_teardown);
  g_test_add ("/window/history-late", Fixture, LOCKED_HISTORY, fixture_setup, test_history_late, fixture_teardown);
  g_test_add ("/window/history-notice", Fixture, BROKEN_HISTORY, fixture_setup, test_history_notice, fixture_teardown);
  g_test_add ("/window/history-records", Fixture, NULL, fixture_setup, test_history_records, fixture_teardown);
  g_test_add ("/window/reminders-preferences", Fixture, NULL, fixture_setup, test_reminders_preferences, fixture_teardown);
  g_test_add ("/window/reminders-next-due", Fixture, NULL, fixture_setup, test_reminders_next_due, fixture_teardown);
  g_test_add ("/window/settle-and-cues", Fixture, NULL, fixture_setup, test_settle_and_cues, fixture_teardown);
  g_test_add ("/window/settle-pause-stop", Fixture, NULL, fixture_setup, test_settle_pause_stop, fixture_teardown);
  g_test_add ("/window/cue-room", Fixture, NULL, fixture_setup, test_cue_room, fixture_teardown);
  g_test_add ("/window/settle-preference", Fixture, NULL, fixture_setup, test_settle_preference, fixture_teardown);
  g_test_add ("/window/one-timer/settle", Fixture, NULL, fixture_setup, test_one_timer_settle, fixture_teardown);
  g_test_add ("/window/settle-history", Fixture, OWN_HISTORY, fixture_setup, test_settle_history, fixture_teardown);
  g_test_add ("/window/settle-history-late", Fixture, LOCKED_HISTORY, fixture_setup, test_settle_history_late, fixture_teardown);
  g_test_add ("/window/own-preset-create", Fixture, OWN_HISTORY, fixture_setup, test_own_preset_create, fixture_teardown);
  g_test_add ("/window/own-preset-edit", Fixture, NULL, fixture_setup, test_own_preset_edit, fixture_teardown);
  g_test_add ("/window/own-preset-delete", Fixture, NULL, fixture_setup, test_own_preset_delete, fixture_teardown);
  g_test_add ("/window/own-preset-invalid", Fixture, NULL, fixture_setup, test_own_preset_invalid, fixture_teardown);
  g_test_add ("/window/daily-choices", Fixture, NULL, fixture_setup, test_daily_choices, fixture_teardown);
  g_test_add ("/window/own-preset-reminder", Fixture, NULL, fixture_setup, test_own_preset_reminder, fixture_teardown);
  g_test_add ("/window/welcome-first-run", Fixture, FIRST_RUN, fixture_setup, test_welcome_first_run, fixture_teardown);
  g_test_add ("/window/welcome-from-menu", Fixture, NULL, fixture_setup, test_welcome_from_menu, fixture_teardown);
  g_test_add ("/window/welcome-fits", Fixture, FIRST_RUN, fixture_setup, test_welcome_fits, fixture_teardown);
  g_test_add ("/window/end-page-fits", Fixture, NULL, fixture_setup, test_end_page_fits, fixture_teardown);
  g_test_add ("/window/learn-page", Fixture, NULL, fixture_setup, test_learn_page, fixture_teardown);
  g_test_add ("/window/learn-reduced-motion", Fixture, NULL, fixture_setup, test_learn_reduced_motion, fixture_teardown);
  g_test_add ("/window/learn-positions", Fixture, NULL, fixture_setup, test_learn_positions, fixture_teardown);
  g_test_add ("/window/checkin-answers", Fixture, OWN_HISTORY, fixture_setup, test_checkin_answers, fixture_teardown);
  g_test_add ("/window/checkin-skip", Fixture, OWN_HISTORY, fixture_setup, test_checkin_skip, fixture_teardown);
  g_test_add ("/window/tension-before", Fixture, OWN_HISTORY, fixture_setup, test_tension_before, fixture_teardown);
  g_test_add ("/window/checkin-late", Fixture, LOCKED_HISTORY, fixture_setup, test_checkin_late, fixture_teardown);
  g_test_add ("/window/progression", Fixture, OWN_HISTORY, fixture_setup, test_progression, fixture_teardown);
  g_test_add ("/window/history-checkins", Fixture, OWN_HISTORY, fixture_setup, test_history_checkins, fixture_teardown);
  g_test_add ("/window/start-on-screen", Fixture, NULL, fixture_setup, test_start_on_screen, fixture_teardown);
  g_test_add ("/window/end-page-words", Fixture, NULL, fixture_setup, test_end_page_words, fixture_teardown);
  g_test_add ("/window/pages-when-needed", Fixture, NULL, fixture_setup, test_pages_when_needed, fixture_teardown);
  g_test_add ("/window/end-page-own-name", Fixture, NULL, fixture_setup, test_end_page_own_name, fixture_teardown);
  g_test_add ("/window/cross-section-tooltip", Fixture, NULL, fixture_setup, test_cross_section_tooltip, fixture_teardown);
  g_test_add ("/window/own-preset-fresh-form", Fixture, NULL, fixture_setup, test_own_preset_fresh_form, fixture_teardown);
  g_test_add ("/window/start-default", Fixture, NULL, fixture_setup, test_start_default, fixture_teardown);
  g_test_add ("/window/stop-resume", Fixture, NULL, fixture_setup, test_stop_resume, fixture_teardown);
  g_test_add ("/window/announce-phases", Fixture, NULL, fixture_setup, test_announce_phases, fixture_teardown);
  g_test_add ("/window/escape-fullscreen", Fixture, NULL, fixture_setup, test_escape_fullscreen, fixture_teardown);

  result = g_test_run ();
  bb_test_remove_tree (data_home);

  /* Past 2048 quarks GLib leaves its first quark block behind, and the
   * sanitized build fails on a leak it cannot name: say why here. */
  if (g_quark_from_static_string ("bb-test-window-last-quark") > 2048)
    g_printerr ("test-window made more than 2048 quarks: split it (see build-aux/lsan.supp)\n");

  return result;
}
