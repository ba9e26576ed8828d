/* bb-practice-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-a11y.h"
#include "bb-application.h"
#include "bb-catalog.h"
#include "bb-format.h"
#include "bb-guide-card.h"
#include "bb-practice-page-private.h"
#include "bb-preset-editor.h"
#include "bb-preset-row.h"
#include "bb-preset-store.h"
#include "bb-window.h"
#include "bb-tension-scale.h"

/*
 * The list of sessions. Its rows are a radio group on the application's
 * "last-preset" action, which GSettings makes from the key of that name:
 * the choice lives in the settings alone and is remembered across runs.
 * The user's own sessions follow in a group of their own, rebuilt from
 * the preset store whenever it changes, each with edit and delete.
 * Daily practice, when chosen, shows its position and length under it,
 * bound to the settings the store applies.
 *
 * Start, with the optional question about tension, sits in a bar under
 * the scrolled list, so that it is on screen in the smallest window.
 *
 * Under the list, when the next break reminder is due, as the reminders
 * service says through the application's BbRemindersClient. The client
 * is asked for after the first frame, which needs nothing of D-Bus.
 * (Reminders are offered once, in the welcome.)
 */

struct _BbPracticePage
{
  AdwBin                parent_instance;

  /* Template children */
  AdwPreferencesGroup  *presets_group;
  AdwPreferencesGroup  *own_group;
  GtkButton            *start_button;
  GtkLabel             *next_reminder_label;
  BbGuideCard          *guide_card;
  GtkWidget            *tension_before_box;
  BbTensionScale       *tension_before_scale;
  GtkWidget            *start_bar;

  /* Owned */
  GSettings            *settings;
  BbPresetStore        *presets;
  GPtrArray            *own_rows;
  BbPresetRow          *daily_row;
  /* The last deleted preset, while its toast can put it back. */
  GVariant             *deleted;
  guint                 deleted_index;
  guint                 deleted_was_chosen : 1;
  GBindingGroup        *client_bindings;

  GdkFrameClock        *frame_clock;
  gulong                after_paint_id;
  guint                 after_frame_idle;
  guint                 after_first_frame : 1;
  guint                 client_chosen : 1;
};

G_DEFINE_FINAL_TYPE (BbPracticePage, bb_practice_page, ADW_TYPE_BIN)

static char *
describe_preset (const BbPreset *preset)
{
  const BbPosition *position = bb_catalog_lookup_position (preset->position_id);
  gint64 length = (gint64) bb_pattern_get_cycle_ms (&preset->pattern) * bb_preset_get_n_breaths (preset) * 1000;
  g_autofree char *pattern = bb_pattern_to_string (&preset->pattern);
  g_autofree char *time = bb_format_clock (length);

  /* Translators: position · pattern · length, as "Seated · 4 s in · 6 s out · 2:00" */
  return g_strdup_printf (_("%s · %s · %s"),
                          bb_catalog_gettext (position->name), pattern, time);
}

static GtkWidget *
preset_row_new (const BbPreset *preset)
{
  g_autofree char *details = describe_preset (preset);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (preset->summary != NULL)
    subtitle = g_strdup_printf ("%s\n%s", bb_catalog_gettext (preset->summary), details);

  row = bb_preset_row_new (preset->id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bb_preset_get_display_name (preset));
  bb_preset_row_set_subtitle (BB_PRESET_ROW (row), subtitle != NULL ? subtitle : details);

  return row;
}

static gboolean
daily_position_get_mapping (GValue   *value,
                            GVariant *variant,
                            gpointer  user_data)
{
  const char *id = g_variant_get_string (variant, NULL);
  const BbPreset *daily = bb_catalog_lookup_preset (BB_DAILY_PRESET_ID);
  guint n_positions;
  const BbPosition *positions = bb_catalog_get_positions (&n_positions);

  /* An unknown position (a typo made with gsettings) shows the one
   * the store falls back to. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_positions; i++)
        if (g_strcmp0 (positions[i].id, id) == 0)
          {
            g_value_set_uint (value, i);
            return TRUE;
          }
      id = daily != NULL ? daily->position_id : NULL;
    }

  return FALSE;
}

static GVariant *
daily_position_set_mapping (const GValue       *value,
                            const GVariantType *expected_type,
                            gpointer            user_data)
{
  guint n_positions;
  const BbPosition *positions = bb_catalog_get_positions (&n_positions);
  guint i = g_value_get_uint (value);

  if (i >= n_positions)
    return NULL;

  return g_variant_new_string (positions[i].id);
}

static gboolean
daily_minutes_get_mapping (GValue   *value,
                           GVariant *variant,
                           gpointer  user_data)
{
  guint minutes = g_variant_get_uint32 (variant);
  guint mine = GPOINTER_TO_UINT (user_data);

  /* Anything but 10 is taken as 5, as the store does. */
  g_value_set_boolean (value, mine == 10 ? minutes == 10 : minutes != 10);

  return TRUE;
}

static GVariant *
daily_minutes_set_mapping (const GValue       *value,
                           const GVariantType *expected_type,
                           gpointer            user_data)
{
  if (!g_value_get_boolean (value))
    return NULL;

  return g_variant_new_uint32 (GPOINTER_TO_UINT (user_data));
}

static gboolean
daily_chosen_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), BB_DAILY_PRESET_ID) == 0);

  return TRUE;
}

/* Daily practice's position and 5 or 10 minutes, under its row. */
static void
add_daily_choices (BbPracticePage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_positions;
  const BbPosition *positions = bb_catalog_get_positions (&n_positions);
  static const guint minutes[] = { 5, 10 };
  GtkWidget *position_row;
  GtkWidget *length_row;
  GtkWidget *box;
  GtkWidget *first = NULL;

  for (guint i = 0; i < n_positions; i++)
    gtk_string_list_append (names, bb_catalog_gettext (positions[i].name));

  position_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (position_row), _("Daily practice position"));
  adw_combo_row_set_model (ADW_COMBO_ROW (position_row), G_LIST_MODEL (names));
  bb_a11y_name_combo_row (ADW_COMBO_ROW (position_row));
  gtk_widget_add_css_class (position_row, "daily-choice");
  gtk_widget_set_name (position_row, "daily-position-row");
  g_settings_bind_with_mapping (self->settings, "daily-position", position_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                daily_position_get_mapping, daily_position_set_mapping,
                                NULL, NULL);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
    {
      /* Translators: a length for Daily practice, on a toggle button */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", minutes[i]), minutes[i]);
      /* Translators: the accessible name of that toggle button */
      g_autofree char *a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes[i]), minutes[i]);
      g_autofree char *name = g_strdup_printf ("daily-%u-button", minutes[i]);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (label);

      gtk_widget_set_name (toggle, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                      -1);
      if (first == NULL)
        first = toggle;
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), GTK_TOGGLE_BUTTON (first));
      g_settings_bind_with_mapping (self->settings, "daily-minutes", toggle, "active",
                                    G_SETTINGS_BIND_DEFAULT,
                                    daily_minutes_get_mapping, daily_minutes_set_mapping,
                                    GUINT_TO_POINTER (minutes[i]), NULL);
      gtk_box_append (GTK_BOX (box), toggle);
    }

  length_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (length_row), _("Daily practice length"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (length_row), box);
  gtk_widget_add_css_class (length_row, "daily-choice");

  adw_preferences_group_add (self->presets_group, position_row);
  adw_preferences_group_add (self->presets_group, length_row);

  /* Shown while Daily practice is the one chosen. */
  g_settings_bind_with_mapping (self->settings, "last-preset", position_row, "visible",
                                G_SETTINGS_BIND_GET, daily_chosen_mapping, NULL, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "last-preset", length_row, "visible",
                                G_SETTINGS_BIND_GET, daily_chosen_mapping, NULL, NULL, NULL);
}

static void
populate (BbPracticePage *self)
{
  const BbPreset *presets;
  guint n_presets;

  presets = bb_catalog_get_presets (&n_presets);

  for (guint i = 0; i < n_presets; i++)
    {
      const BbPreset *preset = bb_preset_store_lookup (self->presets, presets[i].id);
      GtkWidget *row = preset_row_new (preset != NULL ? preset : &presets[i]);

      adw_preferences_group_add (self->presets_group, row);
      if (g_str_equal (presets[i].id, BB_DAILY_PRESET_ID))
        {
          self->daily_row = BB_PRESET_ROW (row);
          add_daily_choices (self);
        }
    }
}

static void
update_daily_row (BbPracticePage *self)
{
  const BbPreset *daily = bb_preset_store_lookup (self->presets, BB_DAILY_PRESET_ID);
  g_autofree char *details = NULL;
  g_autofree char *subtitle = NULL;

  if (self->daily_row == NULL || daily == NULL)
    return;

  details = describe_preset (daily);
  subtitle = g_strdup_printf ("%s\n%s", bb_catalog_gettext (daily->summary), details);
  bb_preset_row_set_subtitle (self->daily_row, subtitle);
}

static void
populate_own (BbPracticePage *self)
{
  guint n_own = bb_preset_store_get_n_own (self->presets);

  for (guint i = 0; i < self->own_rows->len; i++)
    adw_preferences_group_remove (self->own_group, g_ptr_array_index (self->own_rows, i));
  g_ptr_array_set_size (self->own_rows, 0);

  for (guint i = 0; i < n_own; i++)
    {
      const BbPreset *preset = bb_preset_store_get_own (self->presets, i);
      GtkWidget *row = preset_row_new (preset);
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* Translators: the accessible name of a button, %s is the name
       * the user gave a session */
      g_autofree char *edit_name = g_strdup_printf (_("Edit “%s”"), preset->name);
      /* Translators: the accessible name of a button, %s is the name
       * the user gave a session */
      g_autofree char *delete_name = g_strdup_printf (_("Delete “%s”"), preset->name);

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_tooltip_text (edit, _("Edit"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name,
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "practice.edit-preset");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", preset->id);

      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, _("Delete"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name,
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "practice.delete-preset");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", preset->id);

      bb_preset_row_add_suffix (BB_PRESET_ROW (row), edit);
      bb_preset_row_add_suffix (BB_PRESET_ROW (row), delete);
      adw_preferences_group_add (self->own_group, row);
      g_ptr_array_add (self->own_rows, row);
    }

  adw_preferences_group_set_description (self->own_group,
                                         n_own == 0 ? _("Make a session with your own position, breath and length.") : NULL);
}

static void
presets_changed_cb (BbPracticePage *self)
{
  update_daily_row (self);
  populate_own (self);
}

static void
editor_saved_cb (BbPracticePage *self,
                 const char     *id)
{
  /* A session just made or changed is the one to start next. */
  g_settings_set_string (self->settings, "last-preset", id);
}

static void
open_editor (BbPracticePage *self,
             const char     *id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor = bb_preset_editor_new (self->presets, id);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_preset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_editor (BB_PRACTICE_PAGE (widget), NULL);
}

static void
edit_preset_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_editor (BB_PRACTICE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
add_toast (BbPracticePage *self,
           AdwToast       *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (BB_IS_WINDOW (root))
    bb_window_add_toast (BB_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
undo_delete_cb (BbPracticePage *self)
{
  g_autoptr(GVariant) entry = g_steal_pointer (&self->deleted);
  g_autoptr(GError) error = NULL;
  const char *id = NULL;

  if (entry == NULL)
    return;

  if (!bb_preset_store_restore (self->presets, entry, self->deleted_index, &error))
    {
      g_warning ("Could not put the session back: %s", error->message);
      return;
    }

  if (self->deleted_was_chosen && g_variant_lookup (entry, "id", "&s", &id))
    g_settings_set_string (self->settings, "last-preset", id);
}

static void
delete_preset_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbPracticePage *self = BB_PRACTICE_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const BbPreset *preset = bb_preset_store_lookup (self->presets, id);
  g_autofree char *chosen = g_settings_get_string (self->settings, "last-preset");
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (preset == NULL || !bb_preset_is_own (preset))
    return;

  name = g_strdup (preset->name);
  g_clear_pointer (&self->deleted, g_variant_unref);
  self->deleted = bb_preset_store_remove (self->presets, id, &self->deleted_index);
  self->deleted_was_chosen = g_str_equal (chosen, id);
  if (self->deleted_was_chosen)
    g_settings_reset (self->settings, "last-preset");

  /* Toast titles are markup; the name is the user's text. */
  escaped = g_markup_escape_text (name, -1);
  /* Translators: %s is the name the user gave a session */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb),
                           self, G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

/* The tension asked before the session goes with the session Start
 * began, if it began one, and is then asked afresh. */
static void
save_tension_before (BbPracticePage *self,
                     GtkApplication *application,
                     BbSession      *previous)
{
  BbCheckin checkin = { BB_BACK_FELT_UNANSWERED, 0, 0 };
  BbSession *session;
  g_autoptr(GError) error = NULL;

  checkin.tension_before = bb_tension_scale_get_value (self->tension_before_scale);
  if (checkin.tension_before == 0 || !BB_IS_APPLICATION (application) ||
      !gtk_widget_get_visible (self->tension_before_box))
    return;

  session = bb_application_get_session (BB_APPLICATION (application));
  if (session == previous)
    return;

  if (session != NULL &&
      !bb_application_save_checkin (BB_APPLICATION (application), session, &checkin, &error))
    g_message ("The tension before the session was not saved: %s", error->message);

  bb_tension_scale_set_value (self->tension_before_scale, 0);
}

/* Starts the preset chosen in the list, as the application's
 * "last-preset" action holds it. */
static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autoptr(GVariant) preset = NULL;
  /* Held, so that a new session cannot take its place in memory. */
  g_autoptr(BbSession) previous = NULL;

  if (application != NULL)
    preset = g_action_group_get_action_state (G_ACTION_GROUP (application), "last-preset");

  if (BB_IS_APPLICATION (application) && bb_application_get_session (BB_APPLICATION (application)) != NULL)
    previous = g_object_ref (bb_application_get_session (BB_APPLICATION (application)));

  if (preset != NULL && g_variant_is_of_type (preset, G_VARIANT_TYPE_STRING))
    gtk_widget_activate_action_variant (widget, "app.start-preset", preset);

  save_tension_before (BB_PRACTICE_PAGE (widget), application, previous);
}

/**
 * bb_practice_page_describe_next_due:
 * @next_due: when the next reminder is due, µs since the epoch
 * @now: the time now, µs since the epoch
 *
 * Says @next_due in local time, with the day unless it is today.
 *
 * Returns: (transfer full): the line under Start
 */
char *
bb_practice_page_describe_next_due (gint64 next_due,
                                    gint64 now)
{
  g_autoptr(GDateTime) due_utc = g_date_time_new_from_unix_utc (next_due / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now_utc = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autoptr(GDateTime) due = g_date_time_to_local (due_utc);
  g_autoptr(GDateTime) today = g_date_time_to_local (now_utc);
  g_autofree char *time = g_date_time_format (due, "%H:%M");
  g_autofree char *day = NULL;
  GDate due_date, today_date;
  int days;

  g_date_clear (&due_date, 1);
  g_date_clear (&today_date, 1);
  g_date_set_dmy (&due_date, g_date_time_get_day_of_month (due),
                  g_date_time_get_month (due), g_date_time_get_year (due));
  g_date_set_dmy (&today_date, g_date_time_get_day_of_month (today),
                  g_date_time_get_month (today), g_date_time_get_year (today));
  days = g_date_days_between (&today_date, &due_date);

  if (days <= 0)
    /* Translators: %s is a time of day, as "14:30" */
    return g_strdup_printf (_("Next break reminder at %s"), time);

  if (days == 1)
    /* Translators: %s is a time of day, as "09:00" */
    return g_strdup_printf (_("Next break reminder tomorrow at %s"), time);

  if (days < 7)
    day = g_date_time_format (due, "%A");
  else
    day = g_date_time_format (due, "%x");

  /* Translators: the first %s is a weekday ("Monday") or a date, the
   * second a time of day, as "09:00" */
  return g_strdup_printf (_("Next break reminder on %s at %s"), day, time);
}

static gint64
get_now (BbPracticePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autoptr(BbClock) clock = NULL;

  if (BB_IS_APPLICATION (application))
    g_object_get (application, "clock", &clock, NULL);

  return clock != NULL ? bb_clock_get_real_time (clock) : g_get_real_time ();
}

static gboolean
next_due_to_label (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  BbPracticePage *self = user_data;
  gint64 next_due = g_value_get_int64 (from);

  if (next_due <= 0)
    g_value_set_string (to, "");
  else
    g_value_take_string (to, bb_practice_page_describe_next_due (next_due, get_now (self)));

  return TRUE;
}

static gboolean
next_due_to_visible (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_int64 (from) > 0);

  return TRUE;
}

/**
 * bb_practice_page_set_reminders_client:
 * @client: (nullable): the client to follow
 *
 * Follows @client's next-due from now on; the application's client by
 * default, once the first frame is drawn.
 */
void
bb_practice_page_set_reminders_client (BbPracticePage    *self,
                                       BbRemindersClient *client)
{
  g_return_if_fail (BB_IS_PRACTICE_PAGE (self));
  g_return_if_fail (client == NULL || BB_IS_REMINDERS_CLIENT (client));

  self->client_chosen = TRUE;
  g_binding_group_set_source (self->client_bindings, client);
  if (client == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->next_reminder_label), FALSE);
}

/* What the first frame does not show is set up after it: the client of
 * the reminders service (D-Bus). */
static gboolean
after_first_frame_cb (gpointer user_data)
{
  BbPracticePage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  self->after_frame_idle = 0;
  self->after_first_frame = TRUE;

  if (BB_IS_APPLICATION (application))
    bb_guide_card_set_application (self->guide_card, BB_APPLICATION (application));

  if (!self->client_chosen && BB_IS_APPLICATION (application))
    bb_practice_page_set_reminders_client (self, bb_application_get_reminders_client (BB_APPLICATION (application)));

  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_frame (BbPracticePage *self)
{
  /* A window destroyed before its first frame has run the dispose of
   * its frame clock, which took the handler with it. */
  if (self->frame_clock != NULL && self->after_paint_id != 0 &&
      g_signal_handler_is_connected (self->frame_clock, self->after_paint_id))
    g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->frame_clock);
}

static void
after_paint_cb (BbPracticePage *self)
{
  stop_waiting_for_frame (self);
  if (self->after_frame_idle == 0)
    self->after_frame_idle = g_idle_add_full (G_PRIORITY_LOW, after_first_frame_cb, self, NULL);
}

static void
practice_page_map_cb (BbPracticePage *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->after_first_frame || self->after_paint_id != 0 || self->after_frame_idle != 0)
    return;

  if (frame_clock == NULL)
    {
      after_paint_cb (self);
      return;
    }

  self->frame_clock = g_object_ref (frame_clock);
  self->after_paint_id = g_signal_connect_swapped (frame_clock, "after-paint",
                                                   G_CALLBACK (after_paint_cb), self);
}

/* Enter on a session in the list starts it, as on Start: the list's
 * rows and radio buttons would otherwise take Enter for themselves. */
static gboolean
list_key_pressed_cb (BbPracticePage        *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0 || focus == NULL)
    return GDK_EVENT_PROPAGATE;

  row = BB_IS_PRESET_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, BB_TYPE_PRESET_ROW);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;
  if (GTK_IS_BUTTON (focus) && !GTK_IS_CHECK_BUTTON (focus))
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate_action (GTK_WIDGET (self), "practice.start", NULL);

  return GDK_EVENT_STOP;
}

static void
bb_practice_page_dispose (GObject *object)
{
  BbPracticePage *self = (BbPracticePage *)object;

  g_clear_handle_id (&self->after_frame_idle, g_source_remove);
  stop_waiting_for_frame (self);
  if (self->client_bindings != NULL)
    g_binding_group_set_source (self->client_bindings, NULL);
  g_clear_object (&self->client_bindings);
  if (self->presets != NULL)
    g_signal_handlers_disconnect_by_data (self->presets, self);
  g_clear_pointer (&self->own_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_PRACTICE_PAGE);
  g_clear_object (&self->presets);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->deleted, g_variant_unref);

  G_OBJECT_CLASS (bb_practice_page_parent_class)->dispose (object);
}

static void
bb_practice_page_class_init (BbPracticePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_practice_page_dispose;

  g_type_ensure (BB_TYPE_GUIDE_CARD);
  g_type_ensure (BB_TYPE_TENSION_SCALE);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-practice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, presets_group);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, own_group);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, next_reminder_label);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, guide_card);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, tension_before_box);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, tension_before_scale);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, start_bar);

  gtk_widget_class_install_action (widget_class, "practice.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "practice.new-preset", NULL, new_preset_action);
  gtk_widget_class_install_action (widget_class, "practice.edit-preset", "s", edit_preset_action);
  gtk_widget_class_install_action (widget_class, "practice.delete-preset", "s", delete_preset_action);
}

static void
bb_practice_page_init (BbPracticePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bb_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  /* Its shortcuts make it an actionable node to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Practice"),
                                  -1);

  self->settings = g_settings_new (APPLICATION_ID);
  self->presets = bb_preset_store_new (self->settings);
  self->own_rows = g_ptr_array_new ();
  populate (self);
  populate_own (self);
  g_signal_connect_object (self->presets, "changed", G_CALLBACK (presets_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "checkin-enabled", self->tension_before_box, "visible", G_SETTINGS_BIND_GET);

  self->client_bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->client_bindings, "next-due",
                             self->next_reminder_label, "label",
                             G_BINDING_SYNC_CREATE,
                             next_due_to_label, NULL, self, NULL);
  g_binding_group_bind_full (self->client_bindings, "next-due",
                             self->next_reminder_label, "visible",
                             G_BINDING_SYNC_CREATE,
                             next_due_to_visible, NULL, NULL, NULL);
  g_signal_connect (self, "map", G_CALLBACK (practice_page_map_cb), NULL);

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }
}

/**
 * bb_practice_page_get_start_button:
 *
 * The page's Start, for the window to focus and to make its default
 * widget. (The page does not turn its own focus to it: Tab must walk
 * the whole page, the list of sessions first.)
 *
 * Returns: (transfer none): the Start button
 */
GtkWidget *
bb_practice_page_get_start_button (BbPracticePage *self)
{
  g_return_val_if_fail (BB_IS_PRACTICE_PAGE (self), NULL);

  return GTK_WIDGET (self->start_button);
}
