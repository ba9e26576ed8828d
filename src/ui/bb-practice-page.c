/* bb-practice-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-application.h"
#include "bb-catalog.h"
#include "bb-format.h"
#include "bb-guide-card.h"
#include "bb-practice-page-private.h"
#include "bb-tension-scale.h"

/*
 * The list of sessions. Its rows are a radio group on the application's
 * "last-preset" action, which GSettings makes from the key of that name:
 * the choice lives in the settings alone and is remembered across runs.
 *
 * Under Start, when the next break reminder is due, as the reminders
 * service says through the application's BbRemindersClient. The client
 * is asked for after the first frame, which needs nothing of D-Bus. On
 * first run, reminders are offered once.
 */

struct _BbPracticePage
{
  AdwBin                parent_instance;

  /* Template children */
  AdwPreferencesGroup  *presets_group;
  GtkButton            *start_button;
  GtkRevealer          *offer_revealer;
  GtkLabel             *next_reminder_label;
  BbGuideCard          *guide_card;
  GtkWidget            *tension_before_box;
  BbTensionScale       *tension_before_scale;

  /* Owned */
  GSettings            *settings;
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

static void
populate (BbPracticePage *self)
{
  const BbPreset *presets;
  guint n_presets;

  presets = bb_catalog_get_presets (&n_presets);

  for (guint i = 0; i < n_presets; i++)
    {
      const BbPreset *preset = &presets[i];
      g_autofree char *details = describe_preset (preset);
      g_autofree char *subtitle = NULL;
      GtkWidget *check;
      GtkWidget *row;

      subtitle = g_strdup_printf ("%s\n%s", bb_catalog_gettext (preset->summary), details);

      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "app.last-preset");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (check), "s", preset->id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bb_catalog_gettext (preset->name),
                                      -1);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bb_catalog_gettext (preset->name));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->presets_group, row);
    }
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

/* Offered until answered, and not once reminders are on anyway. */
static void
update_offer (BbPracticePage *self)
{
  gboolean offer = !g_settings_get_boolean (self->settings, "reminders-offered") &&
                   !g_settings_get_boolean (self->settings, "reminders-enabled");

  if (offer)
    gtk_widget_set_visible (GTK_WIDGET (self->offer_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->offer_revealer, offer);
}

/* Hidden once closed, so the page's spacing closes up too. */
static void
offer_revealed_cb (BbPracticePage *self)
{
  if (!gtk_revealer_get_child_revealed (self->offer_revealer) &&
      !gtk_revealer_get_reveal_child (self->offer_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->offer_revealer), FALSE);
}

static void
accept_reminders_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BbPracticePage *self = BB_PRACTICE_PAGE (widget);

  g_settings_set_boolean (self->settings, "reminders-offered", TRUE);
  g_settings_set_boolean (self->settings, "reminders-enabled", TRUE);
}

static void
decline_reminders_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BbPracticePage *self = BB_PRACTICE_PAGE (widget);

  g_settings_set_boolean (self->settings, "reminders-offered", TRUE);
}

/* What the first frame does not show is set up after it: the client of
 * the reminders service (D-Bus) and the offer, which then slides in. */
static gboolean
after_first_frame_cb (gpointer user_data)
{
  BbPracticePage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  self->after_frame_idle = 0;
  self->after_first_frame = TRUE;

  g_signal_connect_object (self->settings, "changed::reminders-offered",
                           G_CALLBACK (update_offer), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::reminders-enabled",
                           G_CALLBACK (update_offer), self, G_CONNECT_SWAPPED);
  update_offer (self);

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

static gboolean
bb_practice_page_grab_focus (GtkWidget *widget)
{
  BbPracticePage *self = BB_PRACTICE_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
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
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_PRACTICE_PAGE);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bb_practice_page_parent_class)->dispose (object);
}

static void
bb_practice_page_class_init (BbPracticePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_practice_page_dispose;

  widget_class->grab_focus = bb_practice_page_grab_focus;

  g_type_ensure (BB_TYPE_GUIDE_CARD);
  g_type_ensure (BB_TYPE_TENSION_SCALE);

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-practice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, presets_group);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, offer_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, next_reminder_label);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, guide_card);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, tension_before_box);
  gtk_widget_class_bind_template_child (widget_class, BbPracticePage, tension_before_scale);
  /* For tests: */
  gtk_widget_class_bind_template_child_full (widget_class, "accept_button", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "practice.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "practice.accept-reminders", NULL, accept_reminders_action);
  gtk_widget_class_install_action (widget_class, "practice.decline-reminders", NULL, decline_reminders_action);
}

static void
bb_practice_page_init (BbPracticePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  populate (self);

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "checkin-enabled", self->tension_before_box, "visible", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->offer_revealer, "notify::child-revealed",
                           G_CALLBACK (offer_revealed_cb), self, G_CONNECT_SWAPPED);

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
}
