/* bb-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bb-a11y.h"
#include "bb-application.h"
#include "bb-catalog.h"
#include "bb-chime.h"
#include "bb-format.h"
#include "bb-history.h"
#include "bb-history-io.h"
#include "bb-history-private.h"
#include "bb-history-report.h"
#include "bb-preferences-window.h"
#include "bb-preset-store.h"
#include "bb-reminders-client.h"
#include "bb-session.h"
#include "bb-window.h"

struct _BbApplication
{
  AdwApplication  parent_instance;

  BbClock        *clock;
  BbChime        *chime;
  GSettings      *settings;
  BbPresetStore  *presets;
  BbSession      *session;
  BbHistory      *history;
  BbRemindersClient *reminders_client;
  char           *history_path;
  char           *notice;

  /* A preset asked for on the command line before the window existed. */
  char           *pending_preset;
  /* Sessions begun while the history was being opened. */
  GPtrArray      *untracked;
  /* Check-in answers given while the history was being opened. */
  GPtrArray      *unsaved_checkins;
  /* The current session's ends, for the reminders' service. */
  GSignalGroup   *session_signals;

  guint           history_failed : 1;
  guint           history_opening : 1;
};

G_DEFINE_FINAL_TYPE (BbApplication, bb_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_CLOCK,
  PROP_CHIME,
  PROP_SESSION,
  PROP_HISTORY,
  PROP_HISTORY_PATH,
  PROP_NOTICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "start", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    /* Translators: PRESET and FILE stand for the options' values in
     * --help; translate each the same way in the description, the
     * value's name and "Valid options: ..." */
    N_("Start a session with PRESET at once"), N_("PRESET") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "stats", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print a summary of your practice and exit"), NULL },
  { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --stats, print it as JSON"), NULL },
  { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write your history to FILE (.json or .csv) and exit"), N_("FILE") },
  { "import", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Add the sessions of FILE (.json or .csv) to your history and exit"), N_("FILE") },
  { NULL }
};

static BbWindow *
get_window (BbApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (bb_window_new (self));

  return BB_WINDOW (window);
}

static void
print_unknown_preset (BbApplication *self,
                      const char    *preset)
{
  g_autofree char *ids = bb_preset_store_dup_ids (self->presets);
  g_autofree char *shown = bb_format_argument (preset);

  g_printerr (_("Unknown preset “%s”. Valid presets: %s\n"), shown, ids);
}

/*
 * GApplication reports a bad option with exit status 1 and a terse
 * message. Check the arguments against the same entries first, so a
 * mistyped option is named with the valid ones and exits with 2, the
 * usual status for a usage error, before any window or D-Bus name exists.
 */
static gboolean
bb_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *preset = NULL;
  gboolean version = FALSE;
  gboolean stats = FALSE;
  gboolean json = FALSE;
  g_autofree char *export_path = NULL;
  g_autofree char *import_path = NULL;
  GOptionEntry entries[G_N_ELEMENTS (option_entries)];

  for (guint i = 0; (*arguments)[i] != NULL; i++)
    {
      const char *arg = (*arguments)[i];

      /* Help and GApplication's own options are for the parent. */
      if (g_str_equal (arg, "-h") || g_str_equal (arg, "-?") ||
          g_str_has_prefix (arg, "--help") || g_str_has_prefix (arg, "--gapplication-"))
        goto chain_up;
    }

  memcpy (entries, option_entries, sizeof entries);
  entries[0].arg_data = &preset;
  entries[1].arg_data = &version;
  entries[2].arg_data = &stats;
  entries[3].arg_data = &json;
  entries[4].arg_data = &export_path;
  entries[5].arg_data = &import_path;

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  args = g_strdupv (*arguments);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      /* GLib's message quotes the argument whole, or names no argument
       * when one is not text in the locale's encoding. */
      g_autofree char *shown = bb_format_text (error->message, 200);

      if (g_error_matches (error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE))
        {
          for (guint i = 1; (*arguments)[i] != NULL; i++)
            {
              if (!g_utf8_validate ((*arguments)[i], -1, NULL))
                {
                  g_autofree char *arg = bb_format_argument ((*arguments)[i]);

                  g_printerr (_("“%s” is not valid text\n"), arg);
                  g_clear_pointer (&shown, g_free);
                  break;
                }
            }
        }

      if (shown != NULL)
        g_printerr ("%s\n", shown);
      g_printerr (_("Valid options: --start PRESET, --stats, --stats --json, --export FILE, --import FILE, --version, --help\n"));
      *exit_status = 2;
      return TRUE;
    }

  if (args[0] != NULL && args[1] != NULL)
    {
      g_autofree char *shown = bb_format_argument (args[1]);

      g_printerr (_("Unexpected argument “%s”\n"), shown);
      g_printerr (_("Valid options: --start PRESET, --stats, --stats --json, --export FILE, --import FILE, --version, --help\n"));
      *exit_status = 2;
      return TRUE;
    }

  if ((export_path != NULL) + (import_path != NULL) + stats + (preset != NULL) > 1)
    {
      g_printerr (_("Use one of --start, --stats, --export and --import at a time\n"));
      *exit_status = 2;
      return TRUE;
    }

  if (json && !stats)
    {
      g_printerr (_("--json can only be used together with --stats\n"));
      *exit_status = 2;
      return TRUE;
    }

chain_up:
  return G_APPLICATION_CLASS (bb_application_parent_class)->local_command_line (application, arguments, exit_status);
}

/* A running instance that quits while this process registers leaves the
 * call without a reply. Once it is gone this process can be the running
 * instance itself, so registering is tried once more. */
static gboolean
register_once_more (GApplication  *application,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_application_register (application, NULL, &local_error))
    return TRUE;

  if (!g_error_matches (local_error, G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY) &&
      !g_error_matches (local_error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) &&
      !g_error_matches (local_error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) &&
      !g_error_matches (local_error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) &&
      !g_error_matches (local_error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_debug ("Registering again: %s", local_error->message);

  return g_application_register (application, NULL, error);
}

/* Prints the practice summary. It neither opens a window nor needs a
 * display, and it makes no store where there is none. */
static int
print_stats (BbApplication *self,
             gboolean       json)
{
  g_autofree char *path = self->history_path != NULL ? g_strdup (self->history_path)
                                                     : bb_history_get_default_path ();
  g_autoptr(BbHistory) history = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  gint64 goal_ms = (gint64) g_settings_get_uint (settings, "daily-goal") * 60 * 1000;
  BbStats stats = { 0 };

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      report = json ? bb_history_report_json (&stats) : bb_history_report_text (&stats);
      g_print ("%s%s", report, json ? "\n" : "");
      return 0;
    }

  history = bb_history_open (path, self->clock, BB_HISTORY_OPEN_NONE, &error);
  if (history == NULL || !bb_history_get_stats (history, goal_ms, &stats, &error))
    {
      g_printerr (_("Could not read your history: %s\n"), error->message);
      return 1;
    }

  if (bb_history_get_notice (history) != NULL)
    g_printerr ("%s\n", bb_history_get_notice (history));

  report = json ? bb_history_report_json (&stats) : bb_history_report_text (&stats);
  g_print ("%s%s", report, json ? "\n" : "");

  return 0;
}

/* --export and --import: the user's data, in and out, without a window. */
static int
transfer_history (BbApplication *self,
                  const char    *export_path,
                  const char    *import_path)
{
  g_autoptr(BbHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  BbHistoryFormat format;
  const char *path = export_path != NULL ? export_path : import_path;

  if (!bb_history_format_for_path (path, &format, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  history = bb_history_open (self->history_path, self->clock, BB_HISTORY_OPEN_NONE, &error);
  if (history == NULL)
    {
      g_printerr (_("Could not open your history: %s\n"), error->message);
      return 1;
    }

  if (bb_history_get_notice (history) != NULL)
    g_printerr ("%s\n", bb_history_get_notice (history));

  if (export_path != NULL)
    {
      guint n = 0;

      if (!bb_history_export (history, export_path, format, &n, &error))
        {
          g_printerr (_("Could not export to %s: %s\n"), export_path, error->message);
          return 1;
        }

      g_print (g_dngettext (GETTEXT_PACKAGE, "%u session written to %s\n",
                            "%u sessions written to %s\n", n),
               n, export_path);
    }
  else
    {
      guint added = 0;
      guint skipped = 0;

      if (!bb_history_import (history, import_path, format, &added, &skipped, &error))
        {
          g_printerr (_("Nothing was imported from %s: %s\n"), import_path, error->message);
          return 1;
        }

      /* Translators: the first number counts sessions added, the second
       * sessions already in the history */
      g_print (_("%u added, %u skipped\n"), added, skipped);
    }

  return 0;
}

static int
bb_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  BbApplication *self = BB_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  const char *preset = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "stats"))
    return print_stats (self, g_variant_dict_contains (options, "json"));

  if (g_variant_dict_contains (options, "export") || g_variant_dict_contains (options, "import"))
    {
      g_autofree char *export_path = NULL;
      g_autofree char *import_path = NULL;

      g_variant_dict_lookup (options, "export", "^ay", &export_path);
      g_variant_dict_lookup (options, "import", "^ay", &import_path);

      return transfer_history (self, export_path, import_path);
    }

  if (!g_variant_dict_lookup (options, "start", "&s", &preset))
    return -1;

  if (bb_preset_store_lookup (self->presets, preset) == NULL)
    {
      print_unknown_preset (self, preset);
      return 2;
    }

  if (!register_once_more (application, &error))
    {
      g_dbus_error_strip_remote_error (error);
      g_printerr (_("Backbreath could not reach its running window (%s). Please try again.\n"),
                  error->message);
      return 1;
    }

  /* A running instance gets the preset as an action; this process then
   * has nothing more to do. */
  if (g_application_get_is_remote (application))
    {
      g_action_group_activate_action (G_ACTION_GROUP (application), "start-from-command-line",
                                      g_variant_new_string (preset));
      return 0;
    }

  g_free (self->pending_preset);
  self->pending_preset = g_strdup (preset);

  return -1;
}

static void set_notice (BbApplication *self,
                        const char    *notice);

/* Import and export wait while the history is being opened: the open
 * may be moving a damaged file aside. */
static void
set_transfer_enabled (BbApplication *self,
                      gboolean       enabled)
{
  static const char * const names[] = { "import", "export" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), names[i]);

      if (G_IS_SIMPLE_ACTION (action))
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
}

typedef struct
{
  BbSession       *session;
  char            *preset_id;
  BbHistorySource  source;
} Untracked;

static void
untracked_free (gpointer data)
{
  Untracked *untracked = data;

  g_object_unref (untracked->session);
  g_free (untracked->preset_id);
  g_free (untracked);
}

typedef struct
{
  BbSession *session;
  BbCheckin  checkin;
} UnsavedCheckin;

static void
unsaved_checkin_free (gpointer data)
{
  UnsavedCheckin *unsaved = data;

  g_object_unref (unsaved->session);
  g_free (unsaved);
}

static void
save_unsaved_checkins (BbApplication *self)
{
  for (guint i = 0; i < self->unsaved_checkins->len; i++)
    {
      UnsavedCheckin *unsaved = g_ptr_array_index (self->unsaved_checkins, i);
      g_autoptr(GError) error = NULL;

      if (!bb_history_save_checkin (self->history, unsaved->session, &unsaved->checkin, &error))
        g_warning ("Could not save a check-in: %s", error->message);
    }
}

/* The history is there, or could not be opened: sessions begun in the
 * meantime are recorded from where they are. */
static void
set_history (BbApplication *self,
             BbHistory     *history,
             const GError  *error)
{
  if (history == NULL)
    {
      g_autofree char *notice = NULL;

      self->history_failed = TRUE;
      g_message ("History not recorded: %s", error->message);
      /* The details are for the log; the user gets the gist and the file. */
      notice = g_strdup_printf (_("Your practice can’t be saved this time: the history in %s could not be opened"),
                                self->history_path != NULL ? self->history_path : "~/.local/share/backbreath");
      set_notice (self, notice);
    }
  else
    {
      self->history = history;
      for (guint i = 0; i < self->untracked->len; i++)
        {
          Untracked *untracked = g_ptr_array_index (self->untracked, i);

          bb_history_track (history, untracked->session, untracked->preset_id, untracked->source);
        }
      save_unsaved_checkins (self);
      set_notice (self, bb_history_get_notice (history));
    }

  g_ptr_array_set_size (self->untracked, 0);
  g_ptr_array_set_size (self->unsaved_checkins, 0);
  set_transfer_enabled (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

static void
open_history_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  BbApplication *self = source_object;
  GError *error = NULL;
  BbHistory *history = bb_history_open (self->history_path, self->clock, BB_HISTORY_OPEN_RECOVER, &error);

  if (history != NULL)
    g_task_return_pointer (task, history, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
history_opened_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BbApplication *self = BB_APPLICATION (object);
  g_autoptr(GError) error = NULL;
  BbHistory *history = g_task_propagate_pointer (G_TASK (result), &error);

  self->history_opening = FALSE;
  set_history (self, history, error);
  g_application_release (G_APPLICATION (self));
}

/* Opening the history checks the whole file, marks sessions a crash
 * left open and writes the day's backup: on a worker thread, once the
 * window is up, since the first frame needs none of it. Only this
 * opens the store while it runs; bb_application_get_history() says
 * "not yet" meanwhile. */
static gboolean
open_history_cb (gpointer user_data)
{
  BbApplication *self = BB_APPLICATION (user_data);
  g_autoptr(GTask) task = NULL;

  if (self->history != NULL || self->history_failed || self->history_opening)
    return G_SOURCE_REMOVE;

  self->history_opening = TRUE;
  set_transfer_enabled (self, FALSE);
  /* A store half repaired when the app quits would be safe, but the
   * user would be told nothing: the app waits. */
  g_application_hold (G_APPLICATION (self));
  task = g_task_new (self, NULL, history_opened_cb, NULL);
  g_task_set_source_tag (task, open_history_cb);
  g_task_run_in_thread (task, open_history_thread);

  return G_SOURCE_REMOVE;
}

static void
bb_application_activate (GApplication *application)
{
  BbApplication *self = BB_APPLICATION (application);
  BbWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));

  if (self->history == NULL && !self->history_failed)
    g_idle_add_full (G_PRIORITY_LOW, open_history_cb, g_object_ref (self), g_object_unref);

  if (self->pending_preset != NULL)
    {
      g_autofree char *preset = g_steal_pointer (&self->pending_preset);

      bb_application_begin_session (self, preset, BB_HISTORY_SOURCE_COMMAND_LINE);
    }
}

static void
start_from (BbApplication   *self,
            GVariant        *parameter,
            BbHistorySource  source)
{
  const char *preset = g_variant_get_string (parameter, NULL);
  BbWindow *window;

  if (bb_preset_store_lookup (self->presets, preset) == NULL)
    {
      print_unknown_preset (self, preset);
      return;
    }

  window = get_window (self);
  gtk_window_present (GTK_WINDOW (window));
  bb_application_begin_session (self, preset, source);
}

static void
start_preset_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  start_from (user_data, parameter, BB_HISTORY_SOURCE_PRACTICE);
}

/* What `backbreath --start` sends to a running instance. */
static void
start_from_command_line_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  start_from (user_data, parameter, BB_HISTORY_SOURCE_COMMAND_LINE);
}

/* What the reminder's "Start" sends, through the reminders' service. */
static void
start_from_reminder_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  start_from (user_data, parameter, BB_HISTORY_SOURCE_REMINDER);
}

/* Closing the windows, rather than g_application_quit(), lets each
 * window save its size; the application ends with its last window. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  GList *windows = gtk_application_get_windows (application);

  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  BbApplication *self = user_data;
  static const char *developers[] = { "The Backbreath developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", "Backbreath",
                        "application-icon", ICON_NAME,
                        "developer-name", "The Backbreath developers",
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Short guided breaks that widen the back of your rib cage."),
                        "translator-credits", _("translator-credits"),
                        "website", PACKAGE_URL,
                        "issue-url", PACKAGE_BUGREPORT,
                        NULL);
  bb_a11y_name_dialog (about);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  bb_application_show_preferences (user_data, NULL);
}

/*
 * The keyboard shortcuts window is built the first time it is asked for.
 * GtkApplication would build it for every new window from
 * gtk/help-overlay.ui, before the window's first frame, so the file lives
 * elsewhere and each window gets a win.show-help-overlay of ours, which
 * GtkApplicationWindow then keeps instead of adding its own.
 */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (APPLICATION_PATH "help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
bb_application_window_added (GtkApplication *application,
                             GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (bb_application_parent_class)->window_added (application, window);

  if (GTK_IS_APPLICATION_WINDOW (window))
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);

      g_signal_connect_object (action, "activate", G_CALLBACK (show_help_overlay_cb), window, 0);
      g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
    }
}

/*
 * Import and export from the menu. The file is read or written on a
 * worker thread, with a connection of its own to the same store, so a
 * large history never stalls the window; the window's own connection
 * hears of the new rows when the work is done.
 */

typedef struct
{
  char     *history_path;
  char     *path;
  gboolean  import;
  guint     n_added;
  guint     n_skipped;

  char     *message;
  GError   *error;
  AdwToast *progress;
  gboolean  progress_shown;

  GAsyncReadyCallback callback;
  gpointer            user_data;
} Transfer;

static void
transfer_free (Transfer *transfer)
{
  g_free (transfer->history_path);
  g_free (transfer->path);
  g_free (transfer->message);
  g_clear_error (&transfer->error);
  if (transfer->progress != NULL)
    g_signal_handlers_disconnect_by_data (transfer->progress, transfer);
  g_clear_object (&transfer->progress);
  g_free (transfer);
}

static void
progress_dismissed_cb (Transfer *transfer)
{
  transfer->progress_shown = FALSE;
}

static void
transfer_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Transfer *transfer = task_data;
  g_autoptr(BbHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  BbHistoryFormat format;
  gboolean ok;

  if (!bb_history_format_for_path (transfer->path, &format, &error) ||
      (history = bb_history_open (transfer->history_path, NULL, BB_HISTORY_OPEN_NONE, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (transfer->import)
    ok = bb_history_import (history, transfer->path, format,
                            &transfer->n_added, &transfer->n_skipped, &error);
  else
    ok = bb_history_export (history, transfer->path, format, &transfer->n_added, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Returns: (transfer full) (nullable): the toast, to dismiss early */
static AdwToast *
show_toast (BbApplication *self,
            const char    *text)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *markup = g_markup_escape_text (text, -1);
  AdwToast *toast;

  if (!BB_IS_WINDOW (window))
    return NULL;

  toast = adw_toast_new (markup);
  bb_window_add_toast (BB_WINDOW (window), g_object_ref (toast));

  return toast;
}

/**
 * bb_application_transfer_finish:
 *
 * Returns: (transfer full): what the user was told, or %NULL with @error
 *   set when nothing was imported or exported
 */
char *
bb_application_transfer_finish (BbApplication  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  Transfer *transfer = g_task_get_task_data (G_TASK (result));

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (transfer->error != NULL)
    {
      g_propagate_error (error, g_error_copy (transfer->error));
      return NULL;
    }

  return g_strdup (transfer->message);
}

static void
transfer_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BbApplication *self = BB_APPLICATION (object);
  Transfer *transfer = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_filename_display_basename (transfer->path);
  g_autofree char *failure = NULL;
  g_autoptr(AdwToast) result_toast = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &transfer->error))
    failure = transfer->import
      ? g_strdup_printf (_("Nothing was imported from %s: %s"), name, transfer->error->message)
      : g_strdup_printf (_("Could not export to %s: %s"), name, transfer->error->message);
  else if (!transfer->import)
    transfer->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session saved in %s",
                                                      "%u sessions saved in %s", transfer->n_added),
                                         transfer->n_added, name);
  else
    /* Translators: the first number counts sessions added, the second
     * sessions already in the history */
    transfer->message = g_strdup_printf (_("%u added, %u skipped"), transfer->n_added, transfer->n_skipped);

  if (transfer->import && transfer->n_added > 0 && self->history != NULL)
    bb_history_emit_changed (self->history);

  /* The toast that said "Importing…" says how it went, if it still
   * shows; dismissing it while it slides in trips libadwaita 1.2. */
  if (transfer->progress_shown)
    {
      g_autofree char *markup = g_markup_escape_text (failure != NULL ? failure : transfer->message, -1);

      adw_toast_set_title (transfer->progress, markup);
    }
  else
    result_toast = show_toast (self, failure != NULL ? failure : transfer->message);
  if (transfer->callback != NULL)
    transfer->callback (object, result, transfer->user_data);
  g_application_release (G_APPLICATION (self));
}

/**
 * bb_application_transfer_async:
 * @import: %TRUE to import @path, %FALSE to export to it
 *
 * Imports or exports on a worker thread, then tells the user in a
 * toast how it went, and calls @callback, which may call
 * bb_application_transfer_finish() for the same message.
 */
void
bb_application_transfer_async (BbApplication       *self,
                               const char          *path,
                               gboolean             import,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Transfer *transfer;
  BbHistory *history = bb_application_get_history (self);

  g_return_if_fail (BB_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  transfer = g_new0 (Transfer, 1);
  transfer->history_path = history != NULL ? g_strdup (bb_history_get_path (history))
                                           : g_strdup (self->history_path);
  transfer->path = g_strdup (path);
  transfer->import = import;
  transfer->callback = callback;
  transfer->user_data = user_data;

  task = g_task_new (self, NULL, transfer_done_cb, NULL);
  g_task_set_source_tag (task, bb_application_transfer_async);
  g_task_set_task_data (task, transfer, (GDestroyNotify) transfer_free);
  /* Keeps the app running until the file is written. */
  g_application_hold (G_APPLICATION (self));
  /* Said at once; the result replaces it. */
  transfer->progress = show_toast (self, import ? _("Importing…") : _("Exporting…"));
  if (transfer->progress != NULL)
    {
      transfer->progress_shown = TRUE;
      g_signal_connect_swapped (transfer->progress, "dismissed", G_CALLBACK (progress_dismissed_cb), transfer);
    }
  g_task_run_in_thread (task, transfer_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     BbApplication   *self)
{
  gboolean import = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "import"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        bb_application_transfer_async (self, path, import, NULL, NULL);
    }

  g_object_unref (chooser);
}

static void
open_chooser (BbApplication *self,
              gboolean       import)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (import ? _("Import History") : _("Export History"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         import ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         import ? _("_Import") : _("_Export"),
                                         NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("History files (JSON, CSV)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (!import)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "backbreath-history.json");
  g_object_set_data (G_OBJECT (chooser), "import", GINT_TO_POINTER (import));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  open_chooser (BB_APPLICATION (user_data), TRUE);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  open_chooser (BB_APPLICATION (user_data), FALSE);
}

static const GActionEntry app_actions[] = {
  { "start-preset", start_preset_action, "s" },
  { "start-from-command-line", start_from_command_line_action, "s" },
  { "start-from-reminder", start_from_reminder_action, "s" },
  { "preferences", preferences_action },
  { "import", import_action },
  { "export", export_action },
  { "quit", quit_action },
  { "about", about_action },
};

/* Chimes follow the settings, so the preferences window and the
 * command line's gsettings both change what is heard. */
static void
bind_chime_settings (BbApplication *self)
{
  static const struct {
    const char *key;
    const char *property;
  } keys[] = {
    { "chime-volume", "volume" },
    { "chime-inhale", "inhale-enabled" },
    { "chime-hold", "hold-enabled" },
    { "chime-exhale", "exhale-enabled" },
    { "chime-finish", "finish-enabled" },
  };

  g_settings_bind (self->settings, "chimes-enabled", self->chime, "muted",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_INVERT_BOOLEAN);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_bind (self->settings, keys[i].key, self->chime, keys[i].property, G_SETTINGS_BIND_GET);
}

/* Tells the reminders' service of a session's start or end, without
 * starting it: a service that is not running has no reminder to
 * withdraw and reads the last break when it starts. No answer is
 * awaited and none matters. */
static void
call_reminders (BbApplication *self,
                const char    *method)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));
  g_autofree char *path = NULL;

  if (connection == NULL)
    return;

  path = g_strconcat ("/", APPLICATION_ID ".Reminders", NULL);
  g_strdelimit (path, ".", '/');
  g_dbus_connection_call (connection, APPLICATION_ID ".Reminders", path,
                          "io.github.backbreath.Backbreath.Reminders1", method,
                          NULL, NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                          NULL, NULL, NULL);
}

static void
session_changed_cb (BbApplication *self)
{
  g_signal_group_set_target (self->session_signals, self->session);
  if (self->session != NULL)
    call_reminders (self, "SessionStarted");
}

/* Connected after the history's own handler, so the session's row is
 * ended by the time the service reads it. */
static void
session_state_cb (BbApplication *self,
                  GParamSpec    *pspec,
                  BbSession     *session)
{
  BbSessionState state = bb_session_get_state (session);

  if (state == BB_SESSION_STATE_FINISHED || state == BB_SESSION_STATE_STOPPED)
    call_reminders (self, "SessionEnded");
}

static void
bb_application_startup (GApplication *application)
{
  BbApplication *self = BB_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_overlay_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (bb_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (ICON_NAME);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_overlay_accels);
}

static void
bb_application_constructed (GObject *object)
{
  BbApplication *self = (BbApplication *)object;
  g_autoptr(GAction) last_preset = NULL;

  G_OBJECT_CLASS (bb_application_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = g_object_ref (bb_clock_get_default ());

  self->settings = g_settings_new (APPLICATION_ID);
  self->presets = bb_preset_store_new (self->settings);
  /* History rows name their presets through it. */
  bb_preset_store_set_default (self->presets);

  if (self->chime == NULL)
    {
      const char *sounds_dir = g_getenv ("BACKBREATH_SOUNDS_DIR");

      self->chime = bb_chime_new ("Backbreath", APPLICATION_ID, APPLICATION_ID);
      /* The build tree's sounds when run uninstalled (meson devenv). */
      bb_chime_set_sounds_dir (self->chime, sounds_dir != NULL ? sounds_dir : PKGDATADIR "/sounds");
    }
  bind_chime_settings (self);
  self->session_signals = g_signal_group_new (BB_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::state",
                                 G_CALLBACK (session_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::session", G_CALLBACK (session_changed_cb), NULL);
  /* Chimes, like every other follower, hear of each new session. */
  g_object_bind_property (self, "session", self->chime, "session", G_BINDING_SYNC_CREATE);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  /* A preset that is gone (an old version's, or a typo made with
   * gsettings) would leave nothing chosen. */
  {
    g_autofree char *last = g_settings_get_string (self->settings, "last-preset");

    if (bb_preset_store_lookup (self->presets, last) == NULL)
      g_settings_reset (self->settings, "last-preset");
  }
  last_preset = g_settings_create_action (self->settings, "last-preset");
  g_action_map_add_action (G_ACTION_MAP (self), last_preset);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Guided upper-back breathing breaks."));
}

static void
bb_application_finalize (GObject *object)
{
  BbApplication *self = (BbApplication *)object;

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->chime);
  g_clear_object (&self->clock);
  g_clear_object (&self->presets);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_preset, g_free);
  g_clear_pointer (&self->history_path, g_free);
  g_clear_pointer (&self->notice, g_free);
  g_clear_pointer (&self->untracked, g_ptr_array_unref);
  g_clear_pointer (&self->unsaved_checkins, g_ptr_array_unref);
  g_clear_object (&self->history);
  g_clear_object (&self->reminders_client);

  G_OBJECT_CLASS (bb_application_parent_class)->finalize (object);
}

static void
bb_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbApplication *self = BB_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;

    case PROP_CHIME:
      g_value_set_object (value, self->chime);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_HISTORY_PATH:
      g_value_set_string (value, self->history_path);
      break;

    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbApplication *self = BB_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;

    case PROP_CHIME:
      self->chime = g_value_dup_object (value);
      break;

    case PROP_HISTORY_PATH:
      self->history_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_application_class_init (BbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->constructed = bb_application_constructed;
  object_class->finalize = bb_application_finalize;
  object_class->get_property = bb_application_get_property;
  object_class->set_property = bb_application_set_property;

  app_class->local_command_line = bb_application_local_command_line;
  app_class->handle_local_options = bb_application_handle_local_options;
  app_class->startup = bb_application_startup;
  app_class->activate = bb_application_activate;

  gtk_app_class->window_added = bb_application_window_added;

  /**
   * BbApplication:clock:
   *
   * The time source for sessions; tests pass a #BbFakeClock.
   */
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         BB_TYPE_CLOCK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * BbApplication:chime:
   *
   * Plays the phase chimes of every session; %NULL at construction makes
   * one that plays through libcanberra. Tests pass a recording one.
   */
  properties[PROP_CHIME] =
    g_param_spec_object ("chime", NULL, NULL,
                         BB_TYPE_CHIME,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * BbApplication:session:
   *
   * The session begun last, running or ended; %NULL before the first.
   * Windows, chimes and history follow it.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         BB_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbApplication:history:
   *
   * The history once it is open; see bb_application_get_history().
   */
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         BB_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * BbApplication:history-path:
   *
   * The history database; %NULL at construction uses the default place,
   * see bb_history_get_default_path(). Tests pass a file of their own.
   */
  properties[PROP_HISTORY_PATH] =
    g_param_spec_string ("history-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * BbApplication:notice:
   *
   * Something the user should be told once, such as a damaged history
   * file moved aside, or %NULL.
   */
  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_application_init (BbApplication *self)
{
  self->untracked = g_ptr_array_new_with_free_func (untracked_free);
  self->unsaved_checkins = g_ptr_array_new_with_free_func (unsaved_checkin_free);
}

/**
 * bb_application_new:
 * @clock: (nullable): the time source, or %NULL for the system clock
 */
BbApplication *
bb_application_new (const char        *application_id,
                    GApplicationFlags  flags,
                    BbClock           *clock)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (BB_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", APPLICATION_PATH,
                       "clock", clock,
                       NULL);
}

GSettings *
bb_application_get_settings (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * bb_application_get_session:
 *
 * Returns: (transfer none) (nullable): the session begun last
 */
BbSession *
bb_application_get_session (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);

  return self->session;
}

/**
 * bb_application_begin_session:
 * @preset_id: a catalog or own preset id
 *
 * Ends a session still under way, then builds and starts a new one from
 * the preset. Everything that follows sessions hears of the new one
 * through #BbApplication:session before its first breath.
 *
 * Returns: (transfer none) (nullable): the new session, or %NULL if
 *   @preset_id is unknown
 */
static void
set_notice (BbApplication *self,
            const char    *notice)
{
  if (g_strcmp0 (self->notice, notice) == 0)
    return;

  g_free (self->notice);
  self->notice = g_strdup (notice);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
}

/**
 * bb_application_get_history:
 *
 * Opens the history on first use. The window app is the one that
 * records, so it also ends sessions a crash left open and keeps the daily
 * backup. A store that cannot be opened is said once; sessions still run.
 *
 * While the window's worker thread opens it, this does not wait: it
 * returns %NULL, and #BbApplication:history is notified when it is there.
 *
 * Returns: (transfer none) (nullable): the history, or %NULL when it
 *   cannot be opened or is being opened
 */
BbHistory *
bb_application_get_history (BbApplication *self)
{
  g_autoptr(GError) error = NULL;
  BbHistory *history;

  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);

  if (self->history != NULL || self->history_failed || self->history_opening)
    return self->history;

  history = bb_history_open (self->history_path, self->clock, BB_HISTORY_OPEN_RECOVER, &error);
  set_history (self, history, error);

  return self->history;
}

/**
 * bb_application_get_history_failed:
 *
 * Returns: %TRUE if the history could not be opened: the notice says why
 */
gboolean
bb_application_get_history_failed (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), FALSE);

  return self->history_failed;
}

/**
 * bb_application_save_checkin:
 * @session: the session the answers belong to
 * @checkin: answers; unanswered fields keep earlier ones
 * @error: where to say why they could not be kept
 *
 * Saves check-in answers for @session in the history. While the history
 * is still being opened they are kept, merged, and saved once it is open.
 *
 * Returns: %FALSE if the history could not be opened or the write failed
 */
gboolean
bb_application_save_checkin (BbApplication    *self,
                             BbSession        *session,
                             const BbCheckin  *checkin,
                             GError          **error)
{
  UnsavedCheckin *unsaved = NULL;

  g_return_val_if_fail (BB_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (BB_IS_SESSION (session), FALSE);
  g_return_val_if_fail (checkin != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->history != NULL)
    return bb_history_save_checkin (self->history, session, checkin, error);

  if (self->history_failed)
    {
      g_set_error_literal (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_OPEN,
                           _("Your history could not be opened, so your answers can’t be kept."));
      return FALSE;
    }

  if (checkin->back_felt > BB_BACK_FELT_NOT_YET ||
      checkin->tension_before > BB_TENSION_MAX ||
      checkin->tension_after > BB_TENSION_MAX)
    {
      g_set_error_literal (error, BB_HISTORY_ERROR, BB_HISTORY_ERROR_WRITE,
                           "A check-in answer is out of range");
      return FALSE;
    }

  for (guint i = 0; i < self->unsaved_checkins->len && unsaved == NULL; i++)
    if (((UnsavedCheckin *) g_ptr_array_index (self->unsaved_checkins, i))->session == session)
      unsaved = g_ptr_array_index (self->unsaved_checkins, i);

  if (unsaved == NULL)
    {
      unsaved = g_new0 (UnsavedCheckin, 1);
      unsaved->session = g_object_ref (session);
      g_ptr_array_add (self->unsaved_checkins, unsaved);
    }

  if (checkin->back_felt != BB_BACK_FELT_UNANSWERED)
    unsaved->checkin.back_felt = checkin->back_felt;
  if (checkin->tension_before != 0)
    unsaved->checkin.tension_before = checkin->tension_before;
  if (checkin->tension_after != 0)
    unsaved->checkin.tension_after = checkin->tension_after;

  return TRUE;
}

const char *
bb_application_get_notice (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);

  return self->notice;
}

/* The name of the preset a session was begun from, kept on the session
 * itself, so that it goes with the session it names. */
#define SESSION_NAME_KEY "bb-session-name"

/**
 * bb_application_get_session_name:
 * @session: a session from bb_application_begin_session()
 *
 * Returns: (nullable): the name of the preset @session was begun from,
 *   as it was when the session began: the user's own words as typed, a
 *   catalog name translated
 */
const char *
bb_application_get_session_name (BbApplication *self,
                                 BbSession     *session)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (BB_IS_SESSION (session), NULL);

  return g_object_get_data (G_OBJECT (session), SESSION_NAME_KEY);
}

BbSession *
bb_application_begin_session (BbApplication   *self,
                              const char      *preset_id,
                              BbHistorySource  source)
{
  BbHistory *history;
  g_autoptr(BbSession) old = NULL;
  const BbPreset *preset;

  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (preset_id != NULL, NULL);

  /* Daily practice comes with the user's position and length. */
  preset = bb_preset_store_lookup (self->presets, preset_id);
  if (preset == NULL)
    return NULL;

  /* Followers move to the new session before the old one stops, so
   * they see one change, not an end and then a start. */
  old = g_steal_pointer (&self->session);
  self->session = g_object_new (BB_TYPE_SESSION,
                                "clock", self->clock,
                                "pattern", &preset->pattern,
                                "position", preset->position_id,
                                "n-breaths", bb_preset_get_n_breaths (preset),
                                "cue-set", preset->cue_set,
                                "closing", preset->closing,
                                "settle-ms", g_settings_get_boolean (self->settings, "settle-countdown")
                                             ? BB_SESSION_SETTLE_MS : 0,
                                NULL);
  g_object_set_data_full (G_OBJECT (self->session), SESSION_NAME_KEY,
                          g_strdup (bb_preset_get_display_name (preset)), g_free);
  g_settings_set_string (self->settings, "last-preset", preset_id);

  history = bb_application_get_history (self);
  if (history != NULL)
    bb_history_track (history, self->session, preset_id, source);
  else if (self->history_opening)
    {
      Untracked *untracked = g_new0 (Untracked, 1);

      untracked->session = g_object_ref (self->session);
      untracked->preset_id = g_strdup (preset_id);
      untracked->source = source;
      g_ptr_array_add (self->untracked, untracked);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  if (old != NULL)
    bb_session_stop (old);

  bb_session_start (self->session);

  return self->session;
}

/**
 * bb_application_show_preferences:
 * @page: (nullable): the name of the page to show, such as "reminders",
 *   or %NULL for the first
 *
 * Opens the preferences over the active window.
 */
void
bb_application_show_preferences (BbApplication *self,
                                 const char    *page)
{
  GtkWidget *preferences;

  g_return_if_fail (BB_IS_APPLICATION (self));

  preferences = bb_preferences_window_new (self->settings, self->chime);
  if (page != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), page);
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

/**
 * bb_application_get_reminders_client:
 *
 * Builds the client on first use, which the practice page asks for after
 * the first frame: nothing of D-Bus but the application's own name is
 * needed before.
 *
 * Returns: (transfer none): the view of the reminders service
 */
/**
 * bb_application_get_preset_store:
 *
 * Returns: (transfer none): the catalog's presets and the user's own
 */
BbPresetStore *
bb_application_get_preset_store (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);

  return self->presets;
}

BbRemindersClient *
bb_application_get_reminders_client (BbApplication *self)
{
  g_return_val_if_fail (BB_IS_APPLICATION (self), NULL);

  if (self->reminders_client == NULL)
    self->reminders_client = bb_reminders_client_new (g_application_get_dbus_connection (G_APPLICATION (self)),
                                                      APPLICATION_ID ".Reminders",
                                                      self->settings);

  return self->reminders_client;
}
