/* bb-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-a11y.h"
#include "bb-catalog.h"
#include "bb-done-page.h"
#include "bb-history-page.h"
#include "bb-learn-page.h"
#include "bb-practice-page.h"
#include "bb-session-page.h"
#include "bb-welcome-window.h"
#include "bb-window.h"
#include "bb-window-private.h"

/*
 * The window follows the application's current session: the title is
 * bound to it in the template, the session page when that page is
 * built, and a signal group moves the stack when a session begins or
 * ends. A session replaced by
 * a new one is no longer followed by the time it stops, so the stack
 * never flashes its end page.
 *
 * On the first run, once the window is on screen and unless a session
 * began at once (from the command line), a welcome opens over it.
 */

struct _BbWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  GtkStack             *stack;
  AdwViewStack         *view_stack;
  BbPracticePage       *practice_page;
  AdwBin               *learn_bin;
  AdwBin               *history_bin;
  AdwBin               *session_bin;
  AdwBin               *done_bin;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;

  /* Owned */
  GSignalGroup         *session_signals;
  GSettings            *settings;

  /* A session stopped by the user, paused until its toast goes. */
  BbSession            *stopping;
  AdwToast             *stop_toast;

  /* The welcome while it is open; it owns itself. */
  GtkWidget            *welcome;
  guint                 after_map_idle;
};

G_DEFINE_FINAL_TYPE (BbWindow, bb_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
subtitle_text (BbWindow   *self,
               const char *page,
               const char *position_id)
{
  const BbPosition *position = bb_catalog_lookup_position (position_id);

  /* Only while the session runs: its end page names the session. */
  if (g_strcmp0 (page, "session") != 0 || position == NULL)
    return NULL;

  return g_strdup (bb_catalog_gettext (position->name));
}

/* The Practice and History switcher shows only between sessions. */
static gboolean
is_main_page (BbWindow   *self,
              const char *page)
{
  return g_strcmp0 (page, "main") == 0;
}

/*
 * What the first frame does not show waits: the session page is built
 * just after the first frame, the end page the first time a session
 * ends, and the switcher bar at the bottom gets its buttons the first
 * time it shows. The notice banner stays hidden until needed: hidden
 * widgets are neither styled nor measured.
 */

/* The bar shows when the header is too narrow for the switcher. It is
 * made visible before it is first revealed, so that it slides in. */
static void
update_switcher_bar (BbWindow *self)
{
  gboolean reveal = adw_view_switcher_title_get_title_visible (self->switcher_title) &&
                    is_main_page (self, gtk_stack_get_visible_child_name (self->stack));

  if (reveal && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    {
      adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
      gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), TRUE);
    }
  adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal);
}

/* The session page follows the application's session and chime. */
static GtkWidget *
ensure_session_page (BbWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GtkWidget *page = adw_bin_get_child (self->session_bin);

  if (page != NULL)
    return page;

  /* In the window before it follows a session, which may take the
   * focus. */
  page = g_object_new (BB_TYPE_SESSION_PAGE, NULL);
  adw_bin_set_child (self->session_bin, page);
  if (BB_IS_APPLICATION (application))
    {
      g_object_bind_property (application, "chime", page, "chime", G_BINDING_SYNC_CREATE);
      g_object_bind_property (application, "session", page, "session", G_BINDING_SYNC_CREATE);
    }

  return page;
}

static BbDonePage *
ensure_done_page (BbWindow *self)
{
  if (adw_bin_get_child (self->done_bin) == NULL)
    adw_bin_set_child (self->done_bin, bb_done_page_new ());

  return BB_DONE_PAGE (adw_bin_get_child (self->done_bin));
}

static void
show_page (BbWindow   *self,
           const char *name)
{
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, name), TRUE);
  gtk_stack_set_visible_child_name (self->stack, name);
}

/* The history page gets the store once the app has it: at once, or
 * from the worker thread that opens it. */
static void
history_cb (BbWindow      *self,
            GParamSpec    *pspec,
            BbApplication *application)
{
  BbHistory *history = bb_application_get_history (application);
  GtkWidget *page = adw_bin_get_child (self->history_bin);

  if (page == NULL || (history == NULL && !bb_application_get_history_failed (application)))
    return;

  g_signal_handlers_disconnect_by_func (application, history_cb, self);
  bb_history_page_set_history (BB_HISTORY_PAGE (page), history, bb_application_get_notice (application));
}

/* Enter starts the chosen session while the choice shows, wherever the
 * focus is that does not take Enter itself. */
static void
update_default_widget (BbWindow *self)
{
  GtkWidget *start = bb_practice_page_get_start_button (self->practice_page);
  gboolean practice = g_strcmp0 (bb_window_get_page_name (self), "practice") == 0;

  gtk_window_set_default_widget (GTK_WINDOW (self), practice ? start : NULL);
}

/* The learn and history pages are built the first time they are shown:
 * the first frame does not need them. */
static void
view_changed_cb (BbWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  BbApplication *application;

  if (g_strcmp0 (name, "learn") == 0 && adw_bin_get_child (self->learn_bin) == NULL)
    {
      adw_bin_set_child (self->learn_bin, bb_learn_page_new ());
      return;
    }

  if (g_strcmp0 (name, "history") != 0 ||
      adw_bin_get_child (self->history_bin) != NULL)
    return;

  application = BB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (application == NULL)
    return;

  adw_bin_set_child (self->history_bin, bb_history_page_new (bb_application_get_settings (application)));
  g_signal_connect_object (application, "notify::history",
                           G_CALLBACK (history_cb), self, G_CONNECT_SWAPPED);
  history_cb (self, NULL, application);
}

/* The check-in follows a session that did at least one breath, when
 * check-ins are on and the answers have somewhere to go. */
static gboolean
wants_checkin (BbWindow  *self,
               BbSession *session)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  gboolean finished = bb_session_get_state (session) == BB_SESSION_STATE_FINISHED;

  return BB_IS_APPLICATION (application) &&
         self->settings != NULL &&
         bb_session_get_state (session) != BB_SESSION_STATE_PAUSED &&
         g_settings_get_boolean (self->settings, "checkin-enabled") &&
         !bb_application_get_history_failed (BB_APPLICATION (application)) &&
         (finished || bb_session_get_breath (session) > 1);
}

static void
show_summary (BbWindow  *self,
              BbSession *session)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  BbDonePage *page = ensure_done_page (self);
  const char *own_name = NULL;

  if (BB_IS_APPLICATION (application))
    own_name = bb_application_get_session_name (BB_APPLICATION (application), session);

  bb_done_page_show_end (page, session, own_name,
                         wants_checkin (self, session) ? BB_APPLICATION (application) : NULL);
  show_page (self, "done");
  gtk_widget_grab_focus (GTK_WIDGET (page));
}

static void
session_state_cb (BbWindow   *self,
                  GParamSpec *pspec,
                  BbSession  *session)
{
  switch (bb_session_get_state (session))
    {
    case BB_SESSION_STATE_FINISHED:
    case BB_SESSION_STATE_STOPPED:
      show_summary (self, session);
      break;

    case BB_SESSION_STATE_READY:
    case BB_SESSION_STATE_RUNNING:
    case BB_SESSION_STATE_PAUSED:
    case BB_SESSION_STATE_SETTLING:
    default:
      break;
    }
}

/* The session stopped by the user is stopped for good: its toast went,
 * or the user left its end page. */
static void
end_stopping (BbWindow *self)
{
  g_autoptr(BbSession) session = g_steal_pointer (&self->stopping);
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->stop_toast);

  if (toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (toast, self);
      adw_toast_dismiss (toast);
    }
  if (session != NULL)
    bb_session_stop (session);
}

/* A new session is followed from before its first breath. */
static void
session_bind_cb (BbWindow     *self,
                 BbSession    *session,
                 GSignalGroup *group)
{
  /* A new session: the one stopped before it cannot be resumed. */
  if (self->stopping != NULL && self->stopping != session)
    end_stopping (self);
  ensure_session_page (self);
  show_page (self, "session");
}

static void
show_practice_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  g_autoptr(BbSession) session = g_signal_group_dup_target (self->session_signals);

  end_stopping (self);
  if (session != NULL)
    bb_session_stop (session);

  gtk_stack_set_visible_child_name (self->stack, "main");
  adw_view_stack_set_visible_child_name (self->view_stack, "practice");
  gtk_widget_grab_focus (bb_practice_page_get_start_button (self->practice_page));
}

static void
stop_toast_dismissed_cb (BbWindow *self)
{
  g_signal_handlers_disconnect_by_data (self->stop_toast, self);
  g_clear_object (&self->stop_toast);
  end_stopping (self);
}

/*
 * Stopping is deliberate: Stop (or Esc) pauses the session and shows its
 * end, with a toast that can resume it for a few seconds. Only once the
 * toast goes, or the user leaves, does the session really stop, so the
 * session stays the only timer and the history gets it once.
 */
static void
stop_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  g_autoptr(BbSession) session = g_signal_group_dup_target (self->session_signals);
  BbSessionState state;

  if (session == NULL)
    return;

  state = bb_session_get_state (session);
  if (state == BB_SESSION_STATE_FINISHED || state == BB_SESSION_STATE_STOPPED)
    return;

  end_stopping (self);
  bb_session_pause (session);
  if (bb_session_get_state (session) != BB_SESSION_STATE_PAUSED)
    {
      /* Not under way yet: nothing to resume. */
      bb_session_stop (session);
      return;
    }

  self->stopping = g_object_ref (session);
  show_summary (self, session);

  self->stop_toast = adw_toast_new (_("Session stopped"));
  adw_toast_set_button_label (self->stop_toast, _("Resume"));
  adw_toast_set_action_name (self->stop_toast, "win.resume-session");
  g_signal_connect_object (self->stop_toast, "dismissed",
                           G_CALLBACK (stop_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->stop_toast));
  bb_a11y_name_toast_buttons (self->toast_overlay);
}

static void
resume_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);
  g_autoptr(BbSession) session = g_steal_pointer (&self->stopping);
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->stop_toast);

  if (toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (toast, self);
      adw_toast_dismiss (toast);
    }
  if (session == NULL || bb_session_get_state (session) != BB_SESSION_STATE_PAUSED)
    return;

  bb_done_page_hide_checkin (ensure_done_page (self));
  show_page (self, "session");
  bb_session_resume (session);
  gtk_widget_grab_focus (ensure_session_page (self));
}

static void
show_learn_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);

  /* Not in the middle of a session. */
  if (!is_main_page (self, gtk_stack_get_visible_child_name (self->stack)))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "learn");
  gtk_widget_grab_focus (adw_bin_get_child (self->learn_bin));
}

/* Ctrl+N from any page but a session's: the new session is made on the
 * practice page, which then shows behind the editor. */
static void
new_preset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);

  if (!is_main_page (self, gtk_stack_get_visible_child_name (self->stack)))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "practice");
  gtk_widget_activate_action (GTK_WIDGET (self->practice_page), "practice.new-preset", NULL);
}

static void
show_welcome_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);

  if (self->settings == NULL)
    return;

  if (self->welcome == NULL)
    {
      self->welcome = bb_welcome_window_new (GTK_WINDOW (self), self->settings);
      g_object_add_weak_pointer (G_OBJECT (self->welcome), (gpointer *) &self->welcome);
    }

  gtk_window_present (GTK_WINDOW (self->welcome));
}

/* A session begun from elsewhere (a reminder, the command line) while
 * the welcome is open takes its place: the welcome would hide it. */
static void
close_welcome_cb (BbWindow *self)
{
  if (self->welcome != NULL)
    gtk_window_close (GTK_WINDOW (self->welcome));
}

/* After the first frame: the session page, so that Start does not wait
 * for it, and once, on the first run, the welcome, but not over a
 * session that began at once. */
static gboolean
after_map_cb (gpointer user_data)
{
  BbWindow *self = user_data;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  self->after_map_idle = 0;
  ensure_session_page (self);

  if (self->settings == NULL || g_settings_get_boolean (self->settings, "welcome-shown"))
    return G_SOURCE_REMOVE;
  if (BB_IS_APPLICATION (application) && bb_application_get_session (BB_APPLICATION (application)) != NULL)
    return G_SOURCE_REMOVE;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-welcome", NULL);

  return G_SOURCE_REMOVE;
}

static void
bb_window_map (GtkWidget *widget)
{
  BbWindow *self = BB_WINDOW (widget);

  GTK_WIDGET_CLASS (bb_window_parent_class)->map (widget);

  /* After the first frame, at low priority, so it does not hold up the
   * window itself. */
  if (self->after_map_idle == 0 &&
      (adw_bin_get_child (self->session_bin) == NULL ||
       (self->settings != NULL && !g_settings_get_boolean (self->settings, "welcome-shown"))))
    self->after_map_idle = g_idle_add_full (G_PRIORITY_LOW, after_map_cb, self, NULL);
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);

  /* Not in the middle of a session. */
  if (!is_main_page (self, gtk_stack_get_visible_child_name (self->stack)))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "history");
  gtk_widget_grab_focus (adw_bin_get_child (self->history_bin));
}

/* The preferences, open on the page named by the parameter, such as
 * "reminders" from the practice page. */
static void
show_preferences_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (widget));

  if (BB_IS_APPLICATION (application))
    bb_application_show_preferences (BB_APPLICATION (application),
                                     g_variant_get_string (parameter, NULL));
}

static void
dismiss_notice_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->banner, FALSE);
}

/* The menu's popover is built when it first opens: the first frame does
 * not need it. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  BbWindow *self = BB_WINDOW (user_data);

  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
  gtk_menu_button_set_menu_model (button, self->primary_menu);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_menu_button_get_popover (button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"),
                                  -1);
}

static void
toggle_fullscreen_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
save_int (GSettings  *settings,
          const char *key,
          int         value)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) variant = g_variant_ref_sink (g_variant_new_int32 (value));

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);

  if (g_settings_schema_key_range_check (schema_key, variant) &&
      g_settings_get_int (settings, key) != value)
    g_settings_set_value (settings, key, variant);
}

/* The size is saved once, as the window closes, not at every step of a
 * resize. */
static gboolean
bb_window_close_request (GtkWindow *window)
{
  BbWindow *self = BB_WINDOW (window);

  if (self->settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (window);
      int width = 0;
      int height = 0;

      gtk_window_get_default_size (window, &width, &height);
      save_int (self->settings, "window-width", width);
      save_int (self->settings, "window-height", height);
      if (g_settings_get_boolean (self->settings, "window-maximized") != maximized)
        g_settings_set_boolean (self->settings, "window-maximized", maximized);
    }

  return GTK_WINDOW_CLASS (bb_window_parent_class)->close_request (window);
}

/* Said once, in a banner kept until the user dismisses it: it names a
 * file, which can be selected and copied. */
static void
notice_cb (BbWindow      *self,
           GParamSpec    *pspec,
           BbApplication *application)
{
  const char *notice = bb_application_get_notice (application);

  if (notice == NULL)
    return;

  gtk_label_set_label (self->banner_label, notice);
  gtk_widget_set_visible (GTK_WIDGET (self->banner), TRUE);
  gtk_revealer_set_reveal_child (self->banner, TRUE);
}

/* The application is set after construction, so this runs from
 * bb_window_new() rather than from constructed(). */
static void
bb_window_follow_application (BbWindow      *self,
                              BbApplication *application)
{
  self->settings = g_object_ref (bb_application_get_settings (application));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_object_bind_property (application, "session",
                          self->session_signals, "target",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (application, "notify::notice",
                           G_CALLBACK (notice_cb), self,
                           G_CONNECT_SWAPPED);
  notice_cb (self, NULL, application);
}

static void
bb_window_dispose (GObject *object)
{
  BbWindow *self = (BbWindow *)object;

  if (self->stop_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->stop_toast, self);
  g_clear_object (&self->stop_toast);
  g_clear_object (&self->stopping);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);

  g_clear_handle_id (&self->after_map_idle, g_source_remove);
  if (self->welcome != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->welcome), (gpointer *) &self->welcome);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->welcome)));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_WINDOW);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bb_window_parent_class)->dispose (object);
}

static void
bb_window_class_init (BbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bb_window_dispose;

  window_class->close_request = bb_window_close_request;

  widget_class->map = bb_window_map;

  g_type_ensure (BB_TYPE_APPLICATION);
  g_type_ensure (BB_TYPE_PRACTICE_PAGE);
  g_type_ensure (BB_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, practice_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, learn_bin);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, history_bin);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, session_bin);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, done_bin);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, subtitle_text);
  gtk_widget_class_bind_template_callback (widget_class, is_main_page);

  gtk_widget_class_install_action (widget_class, "win.show-practice", NULL, show_practice_action);
  gtk_widget_class_install_action (widget_class, "win.show-learn", NULL, show_learn_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.show-welcome", NULL, show_welcome_action);
  gtk_widget_class_install_action (widget_class, "win.show-preferences", "s", show_preferences_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-notice", NULL, dismiss_notice_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-fullscreen", NULL, toggle_fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.stop-session", NULL, stop_session_action);
  gtk_widget_class_install_action (widget_class, "win.resume-session", NULL, resume_session_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.resume-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.show-history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.show-learn", NULL);
  gtk_widget_class_install_action (widget_class, "win.new-preset", NULL, new_preset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-preset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.toggle-fullscreen", NULL);
}

static void
bb_window_init (BbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  bb_a11y_follow_shortcuts_windows ();
  bb_a11y_hide_covered_pages (GTK_WIDGET (self->stack));
  bb_a11y_hide_covered_pages (GTK_WIDGET (self->view_stack));

  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (update_switcher_bar), self, G_CONNECT_SWAPPED);
  update_switcher_bar (self);
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (update_default_widget), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (update_default_widget), self, G_CONNECT_SWAPPED);
  update_default_widget (self);
  /* At launch the focus is on Start, not on the first tab. */
  gtk_window_set_focus (GTK_WINDOW (self), bb_practice_page_get_start_button (self->practice_page));

  self->session_signals = g_signal_group_new (BB_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::state",
                                  G_CALLBACK (session_state_cb), self);
  g_signal_connect_object (self->session_signals, "bind",
                           G_CALLBACK (session_bind_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session_signals, "bind",
                           G_CALLBACK (close_welcome_cb), self,
                           G_CONNECT_SWAPPED);

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

BbWindow *
bb_window_new (BbApplication *application)
{
  BbWindow *self;

  g_return_val_if_fail (BB_IS_APPLICATION (application), NULL);

  self = g_object_new (BB_TYPE_WINDOW,
                       "application", application,
                       NULL);
  bb_window_follow_application (self, application);

  return self;
}

/**
 * bb_window_get_page_name:
 *
 * Returns: "practice", "learn", "history", "session" or "done"
 */
const char *
bb_window_get_page_name (BbWindow *self)
{
  const char *page;

  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (is_main_page (self, page))
    return adw_view_stack_get_visible_child_name (self->view_stack);

  return page;
}

/**
 * bb_window_add_toast:
 * @toast: (transfer full): a toast
 */
void
bb_window_add_toast (BbWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (BB_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  bb_a11y_name_toast_buttons (self->toast_overlay);
}

/**
 * bb_window_get_welcome:
 *
 * Returns: (transfer none) (nullable): the welcome while it is open
 */
GtkWindow *
bb_window_get_welcome (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return self->welcome != NULL ? GTK_WINDOW (self->welcome) : NULL;
}

/**
 * bb_window_get_stop_toast:
 *
 * Returns: (transfer none) (nullable): the toast that can resume the
 *   session the user stopped, while it shows
 */
AdwToast *
bb_window_get_stop_toast (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return self->stop_toast;
}
