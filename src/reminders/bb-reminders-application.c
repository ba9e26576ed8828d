/* bb-reminders-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bb-away-monitor.h"
#include "bb-catalog.h"
#include "bb-preset-store.h"
#include "bb-chime.h"
#include "bb-history.h"
#include "bb-reminder.h"
#include "bb-reminders-application.h"
#include "bb-reminders-dbus.h"

/*
 * The break reminders, without the window: a GIO-only service that runs
 * all day while reminders are on. The schedule is a BbReminder bound to
 * the settings; the last break comes from the history, read again when
 * the window app says a session ended. A due reminder is a GNotification
 * whose "Start" asks the window app (over D-Bus, activating it if need
 * be) to begin the preset.
 *
 * Time away from the computer counts as a break: a BbAwayMonitor turns
 * Mutter's idle watches, the screen saver, logind's lock and sleep, and
 * the boot-time clock into away periods and the lock state, which the
 * reminder takes in. Nothing is shown while the screen is locked.
 *
 * While reminders are on, the application is held; when they are off it
 * is not, so GApplication ends it after its inactivity timeout.
 */

#define NOTIFICATION_ID "break-reminder"

/* Enough for a settings change to come back before the service ends. */
#define INACTIVITY_TIMEOUT_MS (10 * 1000)

/* Test-only: how many seconds a minute of the settings lasts. */
#define SECONDS_PER_MINUTE_ENV "BACKBREATH_REMINDER_SECONDS_PER_MINUTE"

/* Test-only: the file that says the system's time zone. */
#define LOCALTIME_ENV "BACKBREATH_LOCALTIME"

struct _BbRemindersApplication
{
  GApplication       parent_instance;

  /* Owned */
  GSettings         *settings;
  BbPresetStore     *presets;
  BbReminder        *reminder;
  BbAwayMonitor     *away;
  GFileMonitor      *zone_monitor;
  char              *localtime_path;
  BbChime           *chime;      /* made at the first chime */
  BbDBusReminders1  *skeleton;
  char              *history_path;
  char              *app_object_path;

  /* Plain state */
  guint              held : 1;
};

G_DEFINE_FINAL_TYPE (BbRemindersApplication, bb_reminders_application, G_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  /* For tests and for a history kept elsewhere: the default is the
   * window app's own store. */
  { "history", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    /* Translators: PATH stands for the option's value; translate it
     * the same way in both strings. */
    N_("Read the last break from the history at PATH"), N_("PATH") },
  { NULL }
};

/* The window app, whose name is the application id without ".Reminders". */
static const char *
window_app_path (BbRemindersApplication *self)
{
  if (self->app_object_path == NULL)
    {
      self->app_object_path = g_strconcat ("/", APPLICATION_ID, NULL);
      g_strdelimit (self->app_object_path, ".", '/');
    }

  return self->app_object_path;
}

static void
update_hold (BbRemindersApplication *self)
{
  gboolean enabled = bb_reminder_get_enabled (self->reminder);

  if (enabled && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!enabled && self->held)
    g_application_release (G_APPLICATION (self));

  self->held = enabled;
}

static void
update_next_due (BbRemindersApplication *self)
{
  if (self->skeleton != NULL && self->reminder != NULL)
    bb_dbus_reminders1_set_next_due (self->skeleton, bb_reminder_get_next_due (self->reminder));
}

/* The last break is read in one go and the store closed again: the
 * service keeps nothing of it open between sessions. */
static void
read_last_break (BbRemindersApplication *self)
{
  g_autoptr(BbHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 end = 0;

  history = bb_history_open (self->history_path, bb_reminder_get_clock (self->reminder),
                             BB_HISTORY_OPEN_NONE, &error);
  if (history == NULL ||
      !bb_history_get_last_break (history, BB_REMINDER_MIN_BREAK_MS, &end, &error))
    {
      g_message ("Cannot read the last break: %s", error->message);
      return;
    }

  bb_reminder_note_break (self->reminder, end);
}

static const BbPreset *
get_preset (BbRemindersApplication *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "reminder-preset");
  /* The user's own presets too, and Daily practice as the user chose it. */
  const BbPreset *preset = bb_preset_store_lookup (self->presets, id);

  /* A preset that is gone (deleted, an older version's, a typo with
   * gsettings). */
  if (preset == NULL)
    preset = bb_preset_store_lookup (self->presets, "desk-break");

  return preset;
}

/* "Desk break, 2 minutes, Seated": what the reminder would start. */
static char *
describe_preset (const BbPreset *preset)
{
  const BbPosition *position = bb_catalog_lookup_position (preset->position_id);
  guint64 ms = (guint64) bb_pattern_get_cycle_ms (&preset->pattern) * bb_preset_get_n_breaths (preset);
  guint minutes = MAX (1, (ms + 30000) / 60000);
  g_autofree char *length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute",
                                                          "%u minutes", minutes),
                                             minutes);

  if (position == NULL)
    /* Translators: a preset's name and its length, as in "Desk break, 2 minutes". */
    return g_strdup_printf (_("%s, %s"), bb_preset_get_display_name (preset), length);

  /* Translators: a preset's name, its length and its body position, as in
   * "Desk break, 2 minutes, Seated". */
  return g_strdup_printf (_("%s, %s, %s"), bb_preset_get_display_name (preset), length,
                          bb_catalog_gettext (position->name));
}

static void
play_chime (BbRemindersApplication *self)
{
  if (!g_settings_get_boolean (self->settings, "chimes-enabled"))
    return;

  /* Made on first use: a service that never chimes loads no sound
   * library state. With no sound server BbChime says so once and stays
   * silent. */
  if (self->chime == NULL)
    {
      const char *sounds_dir = g_getenv ("BACKBREATH_SOUNDS_DIR");

      self->chime = bb_chime_new ("Backbreath", APPLICATION_ID, APPLICATION_ID);
      bb_chime_set_sounds_dir (self->chime, sounds_dir != NULL ? sounds_dir : PKGDATADIR "/sounds");
      g_settings_bind (self->settings, "chime-volume", self->chime, "volume", G_SETTINGS_BIND_GET);
    }

  bb_chime_play (self->chime, BB_CHIME_SOUND_REMINDER);
}

static void
notify_due (BbRemindersApplication *self)
{
  const BbPreset *preset = get_preset (self);
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GIcon) icon = NULL;
  g_autofree char *body = describe_preset (preset);

  notification = g_notification_new (_("Time for a breathing break"));
  g_notification_set_body (notification, body);
  icon = g_themed_icon_new (APPLICATION_ID);
  g_notification_set_icon (notification, icon);
  /* Translators: the buttons of the reminder notification: start the
   * breathing session now, or remind again in a few minutes. */
  g_notification_add_button (notification, _("Start"), "app.start");
  g_notification_add_button (notification, _("Snooze"), "app.snooze");
  g_notification_set_default_action (notification, "app.open");

  /* The same id: a reminder still on screen is replaced, never doubled. */
  g_application_send_notification (G_APPLICATION (self), NOTIFICATION_ID, notification);
}

static void
due_cb (BbRemindersApplication *self)
{
  /* BbReminder is quiet while locked; this holds even if that changes. */
  if (bb_reminder_get_locked (self->reminder))
    return;

  notify_due (self);
  play_chime (self);
}

static void
withdraw (BbRemindersApplication *self)
{
  g_application_withdraw_notification (G_APPLICATION (self), NOTIFICATION_ID);
}

static void
window_app_call_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    g_warning ("Cannot reach Backbreath: %s", error->message);

  g_application_release (app);
}

/* Calls org.freedesktop.Application on the window app, which D-Bus
 * starts if it is not running. The service stays up for the answer. */
static void
call_window_app (BbRemindersApplication *self,
                 const char             *method,
                 GVariant               *parameters)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));

  if (connection == NULL)
    {
      g_variant_unref (g_variant_ref_sink (parameters));
      return;
    }

  g_application_hold (G_APPLICATION (self));
  g_dbus_connection_call (connection, APPLICATION_ID, window_app_path (self),
                          "org.freedesktop.Application", method, parameters,
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          window_app_call_cb, g_object_ref (self));
}

static void
start_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  BbRemindersApplication *self = user_data;
  const BbPreset *preset = get_preset (self);
  GVariantBuilder args;

  withdraw (self);
  g_variant_builder_init (&args, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&args, "v", g_variant_new_string (preset->id));
  call_window_app (self, "ActivateAction",
                   g_variant_new ("(sava{sv})", "start-from-reminder", &args, NULL));
}

static void
snooze_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  BbRemindersApplication *self = user_data;

  withdraw (self);
  bb_reminder_snooze (self->reminder);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  BbRemindersApplication *self = user_data;

  withdraw (self);
  call_window_app (self, "Activate", g_variant_new ("(a{sv})", NULL));
}

static const GActionEntry app_actions[] = {
  { "start", start_action },
  { "snooze", snooze_action },
  { "open", open_action },
};

static gboolean
handle_snooze_cb (BbDBusReminders1      *skeleton,
                  GDBusMethodInvocation *invocation,
                  BbRemindersApplication *self)
{
  if (self->reminder != NULL)
    {
      withdraw (self);
      bb_reminder_snooze (self->reminder);
    }
  bb_dbus_reminders1_complete_snooze (skeleton, invocation);

  return TRUE;
}

static gboolean
handle_session_started_cb (BbDBusReminders1      *skeleton,
                           GDBusMethodInvocation *invocation,
                           BbRemindersApplication *self)
{
  withdraw (self);
  bb_dbus_reminders1_complete_session_started (skeleton, invocation);

  return TRUE;
}

static gboolean
handle_session_ended_cb (BbDBusReminders1      *skeleton,
                         GDBusMethodInvocation *invocation,
                         BbRemindersApplication *self)
{
  if (self->reminder != NULL)
    read_last_break (self);
  bb_dbus_reminders1_complete_session_ended (skeleton, invocation);

  return TRUE;
}

static gboolean
weekdays_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  gsize n_days = 0;
  const guint32 *days = g_variant_get_fixed_array (variant, &n_days, sizeof (guint32));

  g_value_set_uint (value, bb_reminder_weekdays_from_days (days, n_days));

  return TRUE;
}

static void
bind_settings (BbRemindersApplication *self)
{
  static const struct {
    const char *key;
    const char *property;
  } keys[] = {
    { "reminder-interval", "interval" },
    { "active-hours-start", "active-start" },
    { "active-hours-end", "active-end" },
    { "snooze-minutes", "snooze-minutes" },
    { "away-minutes", "away-minutes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_bind (self->settings, keys[i].key, self->reminder, keys[i].property,
                     G_SETTINGS_BIND_GET);
  g_settings_bind_with_mapping (self->settings, "active-weekdays",
                                self->reminder, "active-weekdays",
                                G_SETTINGS_BIND_GET,
                                weekdays_get_mapping, NULL, NULL, NULL);
  /* Last, so the countdown starts with the schedule in place. */
  g_settings_bind (self->settings, "reminders-enabled", self->reminder, "enabled",
                   G_SETTINGS_BIND_GET);
}

static void
away_ended_cb (BbRemindersApplication *self,
               gint64                  from_real_us,
               gint64                  to_real_us)
{
  bb_reminders_application_note_away (self, from_real_us, to_real_us);
}

static void
away_locked_cb (BbRemindersApplication *self)
{
  bb_reminders_application_set_locked (self, bb_away_monitor_get_locked (self->away));
}

/* The away monitor's idle threshold is the reminder's away time, in
 * milliseconds, scaled like every other minute in tests. */
static gboolean
away_threshold_get_mapping (GValue   *value,
                            GVariant *variant,
                            gpointer  user_data)
{
  guint seconds_per_minute = GPOINTER_TO_UINT (user_data);

  g_value_set_uint (value, MAX (1, g_variant_get_uint32 (variant)) * seconds_per_minute * 1000);

  return TRUE;
}

/* Either bus may be missing (no system bus in a container, say): each
 * source of away time is optional. */
static void
follow_away_time (BbRemindersApplication *self,
                  guint                   seconds_per_minute)
{
  g_autoptr(GDBusConnection) system_bus = NULL;
  g_autoptr(GError) error = NULL;
  GDBusConnection *session_bus = g_application_get_dbus_connection (G_APPLICATION (self));

  system_bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, &error);
  if (system_bus == NULL)
    g_debug ("No system bus, so no lock or sleep from logind: %s", error->message);

  self->away = bb_away_monitor_new (bb_reminder_get_clock (self->reminder), session_bus, system_bus);
  g_settings_bind_with_mapping (self->settings, "away-minutes", self->away, "idle-threshold",
                                G_SETTINGS_BIND_GET, away_threshold_get_mapping, NULL,
                                GUINT_TO_POINTER (seconds_per_minute), NULL);
  /* The period is noted before the lock ends (the monitor emits in that
   * order), so the reminder weighs it before it looks for a due time. */
  g_signal_connect_object (self->away, "away-ended", G_CALLBACK (away_ended_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->away, "notify::locked", G_CALLBACK (away_locked_cb), self,
                           G_CONNECT_SWAPPED);
  away_locked_cb (self);
}

/* The system's time zone, from the link /etc/localtime is into the zone
 * database (what timedated and the Settings app write). GLib keeps the
 * local zone it first read, so a change is read from the link itself. */
static GTimeZone *
read_system_zone (const char *localtime)
{
  g_autofree char *target = g_file_read_link (localtime, NULL);
  const char *id = target != NULL ? strstr (target, "zoneinfo/") : NULL;

  if (id == NULL)
    return NULL;

  return g_time_zone_new_identifier (id + strlen ("zoneinfo/"));
}

static void
zone_changed_cb (BbRemindersApplication *self,
                 GFile                  *file,
                 GFile                  *other_file,
                 GFileMonitorEvent       event)
{
  g_autoptr(GTimeZone) zone = read_system_zone (self->localtime_path);

  /* A change of zone moves no real time, so no timerfd notices it: the
   * active hours are worked out again in the new zone. The link is
   * read again whatever the event: it is replaced by a rename. */
  if (zone != NULL)
    bb_reminder_set_time_zone (self->reminder, zone);
}

static void
follow_time_zone (BbRemindersApplication *self)
{
  const char *localtime = g_getenv (LOCALTIME_ENV);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) error = NULL;

  self->localtime_path = g_strdup (localtime != NULL ? localtime : "/etc/localtime");
  file = g_file_new_for_path (self->localtime_path);
  zone = read_system_zone (self->localtime_path);
  if (zone != NULL)
    bb_reminder_set_time_zone (self->reminder, zone);

  self->zone_monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->zone_monitor == NULL)
    {
      g_debug ("Cannot follow changes of time zone: %s", error->message);
      return;
    }
  g_signal_connect_object (self->zone_monitor, "changed", G_CALLBACK (zone_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static gint
bb_reminders_application_handle_local_options (GApplication *application,
                                               GVariantDict *options)
{
  BbRemindersApplication *self = BB_REMINDERS_APPLICATION (application);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "history", "^ay", &path))
    {
      g_free (self->history_path);
      self->history_path = g_steal_pointer (&path);
    }

  return -1;
}

static void
bb_reminders_application_startup (GApplication *application)
{
  BbRemindersApplication *self = BB_REMINDERS_APPLICATION (application);
  const char *seconds = g_getenv (SECONDS_PER_MINUTE_ENV);
  guint seconds_per_minute = 60;

  G_APPLICATION_CLASS (bb_reminders_application_parent_class)->startup (application);

  if (seconds != NULL)
    {
      guint64 value = g_ascii_strtoull (seconds, NULL, 10);

      if (value >= 1 && value <= 60)
        seconds_per_minute = value;
      else
        g_warning ("%s must be 1 to 60, not “%s”", SECONDS_PER_MINUTE_ENV, seconds);
    }
  bb_reminder_set_seconds_per_minute (seconds_per_minute);

  self->settings = g_settings_new (APPLICATION_ID);
  self->presets = bb_preset_store_new (self->settings);
  self->reminder = bb_reminder_new (bb_clock_get_default ());
  g_signal_connect_object (self->reminder, "due", G_CALLBACK (due_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminder, "notify::next-due", G_CALLBACK (update_next_due), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminder, "notify::enabled", G_CALLBACK (update_hold), self,
                           G_CONNECT_SWAPPED);
  bind_settings (self);
  read_last_break (self);
  follow_away_time (self, seconds_per_minute);
  follow_time_zone (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  update_next_due (self);
  update_hold (self);
}

/* Nothing to show: being started is all there is to do. */
static void
bb_reminders_application_activate (GApplication *application)
{
}

static gboolean
bb_reminders_application_dbus_register (GApplication     *application,
                                        GDBusConnection  *connection,
                                        const char       *object_path,
                                        GError          **error)
{
  BbRemindersApplication *self = BB_REMINDERS_APPLICATION (application);

  if (!G_APPLICATION_CLASS (bb_reminders_application_parent_class)->dbus_register (application,
                                                                                  connection,
                                                                                  object_path,
                                                                                  error))
    return FALSE;

  self->skeleton = bb_dbus_reminders1_skeleton_new ();
  g_signal_connect_object (self->skeleton, "handle-snooze", G_CALLBACK (handle_snooze_cb), self, 0);
  g_signal_connect_object (self->skeleton, "handle-session-started",
                           G_CALLBACK (handle_session_started_cb), self, 0);
  g_signal_connect_object (self->skeleton, "handle-session-ended",
                           G_CALLBACK (handle_session_ended_cb), self, 0);
  update_next_due (self);

  return g_dbus_interface_skeleton_export (G_DBUS_INTERFACE_SKELETON (self->skeleton),
                                           connection, object_path, error);
}

static void
bb_reminders_application_dbus_unregister (GApplication    *application,
                                          GDBusConnection *connection,
                                          const char      *object_path)
{
  BbRemindersApplication *self = BB_REMINDERS_APPLICATION (application);

  if (self->skeleton != NULL)
    {
      g_dbus_interface_skeleton_unexport (G_DBUS_INTERFACE_SKELETON (self->skeleton));
      g_clear_object (&self->skeleton);
    }

  G_APPLICATION_CLASS (bb_reminders_application_parent_class)->dbus_unregister (application,
                                                                               connection,
                                                                               object_path);
}

static void
bb_reminders_application_dispose (GObject *object)
{
  BbRemindersApplication *self = (BbRemindersApplication *)object;

  g_clear_object (&self->skeleton);
  g_clear_object (&self->chime);
  if (self->zone_monitor != NULL)
    g_file_monitor_cancel (self->zone_monitor);
  g_clear_object (&self->zone_monitor);
  if (self->away != NULL)
    g_signal_handlers_disconnect_by_data (self->away, self);
  g_clear_object (&self->away);
  g_clear_object (&self->reminder);
  g_clear_object (&self->presets);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bb_reminders_application_parent_class)->dispose (object);
}

static void
bb_reminders_application_finalize (GObject *object)
{
  BbRemindersApplication *self = (BbRemindersApplication *)object;

  g_clear_pointer (&self->history_path, g_free);
  g_clear_pointer (&self->localtime_path, g_free);
  g_clear_pointer (&self->app_object_path, g_free);

  G_OBJECT_CLASS (bb_reminders_application_parent_class)->finalize (object);
}

static void
bb_reminders_application_class_init (BbRemindersApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bb_reminders_application_dispose;
  object_class->finalize = bb_reminders_application_finalize;

  app_class->handle_local_options = bb_reminders_application_handle_local_options;
  app_class->startup = bb_reminders_application_startup;
  app_class->activate = bb_reminders_application_activate;
  app_class->dbus_register = bb_reminders_application_dbus_register;
  app_class->dbus_unregister = bb_reminders_application_dbus_unregister;
}

static void
bb_reminders_application_init (BbRemindersApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_inactivity_timeout (G_APPLICATION (self), INACTIVITY_TIMEOUT_MS);
}

BbRemindersApplication *
bb_reminders_application_new (void)
{
  return g_object_new (BB_TYPE_REMINDERS_APPLICATION,
                       "application-id", APPLICATION_ID ".Reminders",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * bb_reminders_application_get_reminder:
 *
 * Returns: (transfer none) (nullable): the schedule, once started up
 */
BbReminder *
bb_reminders_application_get_reminder (BbRemindersApplication *self)
{
  g_return_val_if_fail (BB_IS_REMINDERS_APPLICATION (self), NULL);

  return self->reminder;
}

/**
 * bb_reminders_application_set_locked:
 * @locked: whether the screen is locked
 *
 * Where the away monitor's lock events come in. While locked no reminder
 * is shown, and the one on screen is withdrawn: it would be stale at the
 * unlock, when BbReminder says whether another one is due.
 */
void
bb_reminders_application_set_locked (BbRemindersApplication *self,
                                     gboolean                locked)
{
  g_return_if_fail (BB_IS_REMINDERS_APPLICATION (self));
  g_return_if_fail (self->reminder != NULL);

  if (locked)
    withdraw (self);
  bb_reminder_set_locked (self->reminder, locked);
}

/**
 * bb_reminders_application_note_away:
 * @from_real_us: when the user went away (idle, asleep), real µs
 * @to_real_us: when the user came back
 *
 * Where the away monitor's idle and sleep spans come in.
 */
void
bb_reminders_application_note_away (BbRemindersApplication *self,
                                    gint64                  from_real_us,
                                    gint64                  to_real_us)
{
  g_return_if_fail (BB_IS_REMINDERS_APPLICATION (self));
  g_return_if_fail (self->reminder != NULL);

  bb_reminder_note_away (self->reminder, from_real_us, to_real_us);
}
