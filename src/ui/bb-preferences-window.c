/* bb-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-preferences-window.h"

/*
 * Every control is bound to a GSettings key; the application binds the
 * same keys to its BbChime, so a change is heard at the next chime and
 * survives a restart. Preview buttons play through the same chime.
 */

struct _BbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template children */
  GtkSwitch            *chimes_switch;
  AdwActionRow         *volume_row;
  GtkAdjustment        *volume_adjustment;
  AdwPreferencesGroup  *sounds_group;

  /* Owned */
  GSettings            *settings;
  BbChime              *chime;
};

G_DEFINE_FINAL_TYPE (BbPreferencesWindow, bb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const struct {
  const char   *key;
  BbChimeSound  sound;
  const char   *title;
  const char   *subtitle;
} sound_rows[] = {
  { "chime-inhale", BB_CHIME_SOUND_INHALE, N_("Breathing In"), N_("A soft rising tone") },
  { "chime-hold", BB_CHIME_SOUND_HOLD, N_("Holding"), N_("A quiet steady note, for patterns with holds") },
  { "chime-exhale", BB_CHIME_SOUND_EXHALE, N_("Breathing Out"), N_("A softer falling tone") },
  { "chime-finish", BB_CHIME_SOUND_FINISH, N_("End of Session"), N_("A short three-note bell") },
};

static void
preview_clicked_cb (GtkButton           *button,
                    BbPreferencesWindow *self)
{
  BbChimeSound sound = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "bb-sound"));

  bb_chime_preview (self->chime, sound);
}

static void
add_sound_rows (BbPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sound_rows); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *preview = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
      GtkWidget *toggle = gtk_switch_new ();
      g_autofree char *preview_label = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(sound_rows[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(sound_rows[i].subtitle));

      /* Translators: %s is a moment such as "Breathing In" */
      preview_label = g_strdup_printf (_("Play the “%s” chime"), _(sound_rows[i].title));
      gtk_widget_set_tooltip_text (preview, preview_label);
      gtk_widget_set_valign (preview, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (preview, "flat");
      gtk_widget_add_css_class (preview, "circular");
      g_object_set_data (G_OBJECT (preview), "bb-sound", GINT_TO_POINTER (sound_rows[i].sound));
      g_signal_connect (preview, "clicked", G_CALLBACK (preview_clicked_cb), self);

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      g_settings_bind (self->settings, sound_rows[i].key, toggle, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "chimes-enabled", row, "sensitive", G_SETTINGS_BIND_GET);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), preview);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->sounds_group, row);
    }
}

static void
bb_preferences_window_dispose (GObject *object)
{
  BbPreferencesWindow *self = (BbPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->chime);

  G_OBJECT_CLASS (bb_preferences_window_parent_class)->dispose (object);
}

static void
bb_preferences_window_class_init (BbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, chimes_switch);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, volume_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, sounds_group);
}

static void
bb_preferences_window_init (BbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bb_preferences_window_new:
 * @settings: the application's settings
 * @chime: the application's chime, for previews
 */
GtkWidget *
bb_preferences_window_new (GSettings *settings,
                           BbChime   *chime)
{
  BbPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (BB_IS_CHIME (chime), NULL);

  self = g_object_new (BB_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  self->chime = g_object_ref (chime);

  g_settings_bind (settings, "chimes-enabled", self->chimes_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "chime-volume", self->volume_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "chimes-enabled", self->volume_row, "sensitive", G_SETTINGS_BIND_GET);
  add_sound_rows (self);

  return GTK_WIDGET (self);
}
