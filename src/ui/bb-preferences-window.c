/* bb-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-a11y.h"
#include "bb-catalog.h"
#include "bb-preferences-window.h"
#include "bb-preset-store.h"

/*
 * Every control is bound to a GSettings key; the application binds the
 * same keys to its BbChime, so a change is heard at the next chime and
 * survives a restart. Preview buttons play through the same chime.
 *
 * The reminders page writes the keys the reminders service follows; the
 * service itself is started by the application's BbRemindersClient once
 * reminders are on.
 */

struct _BbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template children */
  GtkSwitch            *chimes_switch;
  GtkSwitch            *settle_switch;
  GtkSwitch            *checkin_switch;
  GtkSwitch            *announce_switch;
  AdwActionRow         *volume_row;
  GtkAdjustment        *volume_adjustment;
  AdwPreferencesGroup  *sounds_group;
  GtkSwitch            *reminders_switch;
  AdwActionRow         *interval_row;
  GtkAdjustment        *interval_adjustment;
  AdwComboRow          *preset_row;
  AdwPreferencesGroup  *hours_group;
  GtkSpinButton        *start_hours;
  GtkSpinButton        *start_minutes;
  AdwActionRow         *end_row;
  GtkSpinButton        *end_hours;
  GtkSpinButton        *end_minutes;
  GtkBox               *days_box;
  AdwPreferencesGroup  *breaks_group;
  GtkAdjustment        *snooze_adjustment;
  GtkAdjustment        *away_adjustment;
  GtkSwitch            *login_switch;

  /* Owned */
  GSettings            *settings;
  BbChime              *chime;
  BbPresetStore        *presets;
  /* The ids of the reminder's choices, in the order of its rows. */
  GPtrArray            *preset_ids;

  guint                 syncing_preset : 1;
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
      gtk_accessible_update_property (GTK_ACCESSIBLE (preview),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, preview_label,
                                      -1);
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

/* The limits of a spin button are those of its key, so the schema
 * alone says them. */
static void
bind_range (GSettings     *settings,
            const char    *key,
            GtkAdjustment *adjustment)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *type;

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &type, &limits);
  if (g_str_equal (type, "range"))
    {
      guint32 lower, upper;

      g_variant_get (limits, "(uu)", &lower, &upper);
      gtk_adjustment_set_lower (adjustment, lower);
      gtk_adjustment_set_upper (adjustment, upper);
    }

  g_settings_bind (settings, key, adjustment, "value", G_SETTINGS_BIND_DEFAULT);
}

/* A time of day is one key, in minutes after midnight, shown as an hour
 * and a minute: each spin button maps its part of the key. */
typedef struct
{
  GSettings  *settings;
  const char *key;
  gboolean    hours;
} TimePart;

static void
time_part_free (gpointer data)
{
  TimePart *part = data;

  g_object_unref (part->settings);
  g_free (part);
}

static gboolean
time_part_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  TimePart *part = user_data;
  guint32 minutes = g_variant_get_uint32 (variant);

  g_value_set_double (value, part->hours ? minutes / 60 : minutes % 60);

  return TRUE;
}

static GVariant *
time_part_set_mapping (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  TimePart *part = user_data;
  guint32 minutes = g_settings_get_uint (part->settings, part->key);
  guint32 n = (guint32) CLAMP (g_value_get_double (value), 0, part->hours ? 23 : 59);

  if (part->hours)
    minutes = n * 60 + minutes % 60;
  else
    minutes = minutes / 60 * 60 + n;

  return g_variant_new_uint32 (minutes);
}

/* "09", not "9", as a clock shows it. */
static gboolean
two_digits_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
bind_time (GSettings     *settings,
           const char    *key,
           GtkSpinButton *spin,
           gboolean       hours)
{
  TimePart *part = g_new0 (TimePart, 1);

  part->settings = g_object_ref (settings);
  part->key = key;
  part->hours = hours;

  g_signal_connect (spin, "output", G_CALLBACK (two_digits_output_cb), NULL);
  g_settings_bind_with_mapping (settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT,
                                time_part_get_mapping, time_part_set_mapping,
                                part, time_part_free);
}

static void
hours_changed_cb (BbPreferencesWindow *self)
{
  guint start = g_settings_get_uint (self->settings, "active-hours-start");
  guint end = g_settings_get_uint (self->settings, "active-hours-end");
  const char *subtitle = "";

  if (end == start)
    subtitle = _("All day, as it equals the start");
  else if (end < start)
    subtitle = _("The next day, past midnight");

  adw_action_row_set_subtitle (self->end_row, subtitle);
}

/* Each day's toggle maps its own day in and out of the list of days. */
typedef struct
{
  GSettings *settings;
  guint32    day;
} DayToggle;

static gboolean
day_get_mapping (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  DayToggle *toggle = user_data;
  guint32 day = toggle->day;
  gsize n_days;
  const guint32 *days = g_variant_get_fixed_array (variant, &n_days, sizeof (guint32));
  gboolean active = FALSE;

  for (gsize i = 0; i < n_days; i++)
    active |= days[i] == day;

  g_value_set_boolean (value, active);

  return TRUE;
}

static GVariant *
day_set_mapping (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  DayToggle *toggle = user_data;
  g_autoptr(GVariant) current = g_settings_get_value (toggle->settings, "active-weekdays");
  gsize n_days;
  const guint32 *days = g_variant_get_fixed_array (current, &n_days, sizeof (guint32));
  gboolean set[8] = { FALSE, };
  GVariantBuilder builder;

  for (gsize i = 0; i < n_days; i++)
    if (days[i] >= 1 && days[i] <= 7)
      set[days[i]] = TRUE;
  set[toggle->day] = g_value_get_boolean (value);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("au"));
  for (guint32 day = 1; day <= 7; day++)
    if (set[day])
      g_variant_builder_add (&builder, "u", day);

  return g_variant_builder_end (&builder);
}

static void
day_toggle_free (gpointer data)
{
  DayToggle *toggle = data;

  g_object_unref (toggle->settings);
  g_free (toggle);
}

/* Short names from the locale, Monday first as the key counts. */
static void
add_day_toggles (BbPreferencesWindow *self)
{
  for (guint32 day = 1; day <= 7; day++)
    {
      /* 1 January 2024 was a Monday. */
      g_autoptr(GDateTime) date = g_date_time_new_utc (2024, 1, day, 12, 0, 0);
      g_autofree char *short_name = g_date_time_format (date, "%a");
      g_autofree char *name = g_date_time_format (date, "%A");
      GtkWidget *toggle = gtk_toggle_button_new_with_label (short_name);
      DayToggle *data = g_new0 (DayToggle, 1);

      data->settings = g_object_ref (self->settings);
      data->day = day;

      gtk_widget_set_tooltip_text (toggle, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_widget_add_css_class (toggle, "day-toggle");
      g_settings_bind_with_mapping (self->settings, "active-weekdays", toggle, "active",
                                    G_SETTINGS_BIND_DEFAULT,
                                    day_get_mapping, day_set_mapping,
                                    data, day_toggle_free);
      gtk_box_append (self->days_box, toggle);
    }
}

/* The reminder's choices are the listed catalog presets, then the
 * user's own; the row follows the key both ways. */
static void
sync_preset_row (BbPreferencesWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "reminder-preset");
  guint index;

  self->syncing_preset = TRUE;
  /* An unknown preset (deleted, a typo made with gsettings) shows the
   * default, as the service falls back to it. */
  if (!g_ptr_array_find_with_equal_func (self->preset_ids, id, g_str_equal, &index) &&
      !g_ptr_array_find_with_equal_func (self->preset_ids, "desk-break", g_str_equal, &index))
    index = 0;
  adw_combo_row_set_selected (self->preset_row, index);
  self->syncing_preset = FALSE;
}

static void
preset_selected_cb (BbPreferencesWindow *self)
{
  guint index = adw_combo_row_get_selected (self->preset_row);

  if (self->syncing_preset || index >= self->preset_ids->len)
    return;

  g_settings_set_string (self->settings, "reminder-preset", g_ptr_array_index (self->preset_ids, index));
}

static void
fill_preset_row (BbPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_presets;
  const BbPreset *presets = bb_catalog_get_presets (&n_presets);

  g_ptr_array_set_size (self->preset_ids, 0);
  for (guint i = 0; i < n_presets; i++)
    {
      g_ptr_array_add (self->preset_ids, g_strdup (presets[i].id));
      gtk_string_list_append (names, bb_catalog_gettext (presets[i].name));
    }
  for (guint i = 0; i < bb_preset_store_get_n_own (self->presets); i++)
    {
      const BbPreset *own = bb_preset_store_get_own (self->presets, i);

      g_ptr_array_add (self->preset_ids, g_strdup (own->id));
      gtk_string_list_append (names, bb_preset_get_display_name (own));
    }

  self->syncing_preset = TRUE;
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (names));
  self->syncing_preset = FALSE;
  sync_preset_row (self);
}

static void
bind_reminders (BbPreferencesWindow *self)
{
  GSettings *settings = self->settings;
  GtkWidget *followers[] = {
    GTK_WIDGET (self->interval_row),
    GTK_WIDGET (self->preset_row),
    GTK_WIDGET (self->hours_group),
    GTK_WIDGET (self->breaks_group),
  };

  g_settings_bind (settings, "reminders-enabled", self->reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);

  bind_range (settings, "reminder-interval", self->interval_adjustment);
  bind_range (settings, "snooze-minutes", self->snooze_adjustment);
  bind_range (settings, "away-minutes", self->away_adjustment);

  self->presets = bb_preset_store_new (settings);
  self->preset_ids = g_ptr_array_new_with_free_func (g_free);
  fill_preset_row (self);
  g_signal_connect_object (self->presets, "changed", G_CALLBACK (fill_preset_row),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminder-preset", G_CALLBACK (sync_preset_row),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preset_row, "notify::selected", G_CALLBACK (preset_selected_cb),
                           self, G_CONNECT_SWAPPED);

  bind_time (settings, "active-hours-start", self->start_hours, TRUE);
  bind_time (settings, "active-hours-start", self->start_minutes, FALSE);
  bind_time (settings, "active-hours-end", self->end_hours, TRUE);
  bind_time (settings, "active-hours-end", self->end_minutes, FALSE);
  g_signal_connect_object (settings, "changed::active-hours-start",
                           G_CALLBACK (hours_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::active-hours-end",
                           G_CALLBACK (hours_changed_cb), self, G_CONNECT_SWAPPED);
  hours_changed_cb (self);

  add_day_toggles (self);

  g_settings_bind (settings, "start-at-login", self->login_switch, "active", G_SETTINGS_BIND_DEFAULT);

  /* Last: a combo row makes itself sensitive when given its model. */
  for (guint i = 0; i < G_N_ELEMENTS (followers); i++)
    g_settings_bind (settings, "reminders-enabled", followers[i], "sensitive", G_SETTINGS_BIND_GET);
}

static void
bb_preferences_window_dispose (GObject *object)
{
  BbPreferencesWindow *self = (BbPreferencesWindow *)object;

  g_clear_object (&self->presets);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->preset_row != NULL)
    g_signal_handlers_disconnect_by_data (self->preset_row, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->preset_ids, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, checkin_switch);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, announce_switch);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, volume_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, sounds_group);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, interval_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, interval_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, preset_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, hours_group);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, start_hours);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, start_minutes);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, end_row);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, end_hours);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, end_minutes);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, days_box);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, breaks_group);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, snooze_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, away_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, login_switch);
  gtk_widget_class_bind_template_child (widget_class, BbPreferencesWindow, settle_switch);
  /* For tests: */
  gtk_widget_class_bind_template_child_full (widget_class, "reminders_page", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "interval_spin", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "snooze_spin", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "away_spin", FALSE, 0);
}

static void
bb_preferences_window_init (BbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  bb_a11y_name_combo_row (self->preset_row);
  bb_a11y_name_spin_button (GTK_WIDGET (self->start_hours));
  bb_a11y_name_spin_button (GTK_WIDGET (self->end_hours));
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
  g_settings_bind (settings, "checkin-enabled", self->checkin_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "announce-phases", self->announce_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "chime-volume", self->volume_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "chimes-enabled", self->volume_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "settle-countdown", self->settle_switch, "active", G_SETTINGS_BIND_DEFAULT);
  add_sound_rows (self);
  bind_reminders (self);

  return GTK_WIDGET (self);
}
