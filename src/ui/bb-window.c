/* bb-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-catalog.h"
#include "bb-format.h"
#include "bb-practice-page.h"
#include "bb-session-page.h"
#include "bb-window.h"

struct _BbWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  BbPracticePage       *practice_page;
  BbSessionPage        *session_page;
  AdwStatusPage        *done_page;
  GtkButton            *done_button;

  /* Owned */
  BbSession            *session;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (BbWindow, bb_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_summary (BbWindow *self)
{
  BbSession *session = self->session;
  g_autofree char *time = bb_format_clock (bb_session_get_elapsed (session));
  g_autofree char *description = NULL;
  guint n_breaths = bb_session_get_n_breaths (session);

  if (bb_session_get_state (session) == BB_SESSION_STATE_FINISHED)
    {
      adw_status_page_set_title (self->done_page, _("Well Done"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u breath in %s. Notice how your back feels now.",
                                                  "%u breaths in %s. Notice how your back feels now.",
                                                  n_breaths),
                                     n_breaths, time);
    }
  else
    {
      /* The breath under way when stopping counts only once it is whole. */
      guint breath = bb_session_get_breath (session);
      guint done = breath > 0 ? breath - 1 : 0;

      adw_status_page_set_title (self->done_page, _("Session Ended"));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u of %u breath in %s. Every calm breath counts.",
                                                  "%u of %u breaths in %s. Every calm breath counts.",
                                                  n_breaths),
                                     done, n_breaths, time);
    }

  adw_status_page_set_description (self->done_page, description);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
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
      show_summary (self);
      break;

    case BB_SESSION_STATE_READY:
    case BB_SESSION_STATE_RUNNING:
    case BB_SESSION_STATE_PAUSED:
    default:
      break;
    }
}

static void
application_session_cb (BbWindow      *self,
                        GParamSpec    *pspec,
                        BbApplication *application)
{
  BbSession *session = bb_application_get_session (application);
  const BbPosition *position;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  g_set_object (&self->session, session);
  bb_session_page_set_session (self->session_page, session);

  if (session == NULL)
    return;

  position = bb_catalog_lookup_position (bb_session_get_position (session));
  adw_window_title_set_subtitle (self->window_title,
                                 position != NULL ? bb_catalog_gettext (position->name) : NULL);
  g_signal_connect_object (session, "notify::state",
                           G_CALLBACK (session_state_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "session");
}

static void
chime_silent_cb (BbWindow   *self,
                 GParamSpec *pspec,
                 BbChime    *chime)
{
  bb_session_page_show_silent_notice (self->session_page, bb_chime_get_silent (chime));
}

static void
show_practice_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbWindow *self = BB_WINDOW (widget);

  if (self->session != NULL)
    bb_session_stop (self->session);

  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_stack_set_visible_child_name (self->stack, "practice");
  gtk_widget_grab_focus (GTK_WIDGET (self->practice_page));
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

/* The application is set after construction, so this runs from
 * bb_window_new() rather than from constructed(). */
static void
bb_window_follow_application (BbWindow      *self,
                              BbApplication *application)
{
  self->settings = g_object_ref (bb_application_get_settings (application));
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  bb_practice_page_set_settings (self->practice_page, self->settings);

  g_signal_connect_object (bb_application_get_chime (application), "notify::silent",
                           G_CALLBACK (chime_silent_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (application, "notify::session",
                           G_CALLBACK (application_session_cb), self,
                           G_CONNECT_SWAPPED);
  if (bb_application_get_session (application) != NULL)
    application_session_cb (self, NULL, application);
}

static void
bb_window_dispose (GObject *object)
{
  BbWindow *self = (BbWindow *)object;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_WINDOW);

  G_OBJECT_CLASS (bb_window_parent_class)->dispose (object);
}

static void
bb_window_class_init (BbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_window_dispose;

  g_type_ensure (BB_TYPE_PRACTICE_PAGE);
  g_type_ensure (BB_TYPE_SESSION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, practice_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, session_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, done_page);
  gtk_widget_class_bind_template_child (widget_class, BbWindow, done_button);

  gtk_widget_class_install_action (widget_class, "win.show-practice", NULL, show_practice_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-fullscreen", NULL, toggle_fullscreen_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.toggle-fullscreen", NULL);
}

static void
bb_window_init (BbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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
 * Returns: "practice", "session" or "done"
 */
const char *
bb_window_get_page_name (BbWindow *self)
{
  g_return_val_if_fail (BB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
