/* bb-welcome-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-a11y.h"
#include "bb-rib-view.h"
#include "bb-welcome-window.h"

/*
 * What the practice is and is not, the safety line, reminders offered
 * with a switch, then straight into the first session. Shown once on the
 * first run, modal over the main window, and again from the main menu.
 *
 * The welcome is not one of the application's windows: the application's
 * active window stays the main one, which "app.start-preset" and the
 * command line rely on. Its actions go through the main window.
 */

/* The preset the welcome starts: where the back is easiest to feel. */
#define FIRST_PRESET "first-breaths"

struct _BbWelcomeWindow
{
  AdwWindow  parent_instance;

  /* Template children */
  GtkSwitch *reminders_switch;
  GtkButton *start_button;

  /* Owned */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (BbWelcomeWindow, bb_welcome_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkWindow *transient_for = gtk_window_get_transient_for (GTK_WINDOW (widget));
  g_autoptr(GtkWindow) parent = transient_for != NULL ? g_object_ref (transient_for) : NULL;

  /* Closed first: the welcome is gone once the session shows. */
  gtk_window_close (GTK_WINDOW (widget));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "app.start-preset", "s", FIRST_PRESET);
}

static void
bb_welcome_window_constructed (GObject *object)
{
  BbWelcomeWindow *self = BB_WELCOME_WINDOW (object);

  G_OBJECT_CLASS (bb_welcome_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);

  /* The switch writes the key as it turns, as any preference does. Once
   * seen here, reminders count as offered. */
  g_settings_bind (self->settings, "reminders-enabled",
                   self->reminders_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  if (!g_settings_get_boolean (self->settings, "reminders-offered"))
    g_settings_set_boolean (self->settings, "reminders-offered", TRUE);
  if (!g_settings_get_boolean (self->settings, "welcome-shown"))
    g_settings_set_boolean (self->settings, "welcome-shown", TRUE);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->start_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->start_button));
}

static void
bb_welcome_window_dispose (GObject *object)
{
  BbWelcomeWindow *self = (BbWelcomeWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_WELCOME_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bb_welcome_window_parent_class)->dispose (object);
}

static void
bb_welcome_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BbWelcomeWindow *self = BB_WELCOME_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_welcome_window_class_init (BbWelcomeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bb_welcome_window_constructed;
  object_class->dispose = bb_welcome_window_dispose;
  object_class->set_property = bb_welcome_window_set_property;

  /**
   * BbWelcomeWindow:settings:
   *
   * The application's settings, where the reminders switch writes and
   * the welcome notes that it was shown.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BB_TYPE_RIB_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-welcome-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbWelcomeWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, BbWelcomeWindow, start_button);
  /* For tests: */
  gtk_widget_class_bind_template_child_full (widget_class, "later_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "welcome.start", NULL, start_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bb_welcome_window_init (BbWelcomeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  bb_a11y_name_spin_button (GTK_WIDGET (self->reminders_switch));
}

/**
 * bb_welcome_window_new:
 * @parent: the main window, over which the welcome is modal and through
 *   which it starts a session
 * @settings: the application's settings
 *
 * Returns: (transfer none): the welcome, not yet shown; it marks the
 *   welcome shown and reminders offered in @settings
 */
GtkWidget *
bb_welcome_window_new (GtkWindow *parent,
                       GSettings *settings)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (BB_TYPE_WELCOME_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "settings", settings,
                       NULL);
}
