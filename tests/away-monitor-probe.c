/* away-monitor-probe.c: a BbAwayMonitor on the buses of the environment,
 * for test-away-monitor.py
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: away-monitor-probe [IDLE-THRESHOLD-MS]
 *
 * Listens on $DBUS_SESSION_BUS_ADDRESS and $DBUS_SYSTEM_BUS_ADDRESS (each
 * only if set: never the machine's own system bus) and prints one line a
 * event, times in real µs:
 *   away 1|0
 *   locked 1|0
 *   away-ended FROM TO
 * A line "threshold MS" on stdin sets the idle threshold. At the end of
 * stdin the monitor is finalized, the buses flushed, and "bye" printed.
 */

#include "config.h"

#include <stdio.h>

#include <glib-unix.h>

#include "bb-away-monitor.h"

static BbAwayMonitor *monitor;
static GMainLoop *loop;

static GDBusConnection *
connect_to (const char *variable)
{
  g_autoptr(GError) error = NULL;
  const char *address = g_getenv (variable);
  GDBusConnection *connection;

  if (address == NULL || *address == '\0')
    return NULL;

  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  if (connection == NULL)
    g_error ("%s: %s", variable, error->message);

  return connection;
}

static void
notify_cb (BbAwayMonitor *self,
           GParamSpec    *pspec)
{
  gboolean value;

  g_object_get (self, pspec->name, &value, NULL);
  g_print ("%s %d\n", pspec->name, value);
}

static void
away_ended_cb (BbAwayMonitor *self,
               gint64         from,
               gint64         to)
{
  g_print ("away-ended %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", from, to);
}

static gboolean
stdin_cb (GIOChannel   *channel,
          GIOCondition  condition,
          gpointer      user_data)
{
  g_autofree char *line = NULL;
  GIOStatus status;

  status = g_io_channel_read_line (channel, &line, NULL, NULL, NULL);
  if (status == G_IO_STATUS_AGAIN)
    return G_SOURCE_CONTINUE;

  if (status != G_IO_STATUS_NORMAL)
    {
      g_main_loop_quit (loop);
      return G_SOURCE_REMOVE;
    }

  if (g_str_has_prefix (line, "threshold "))
    bb_away_monitor_set_idle_threshold (monitor, g_ascii_strtoull (line + 10, NULL, 10));

  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDBusConnection) session_bus = connect_to ("DBUS_SESSION_BUS_ADDRESS");
  g_autoptr(GDBusConnection) system_bus = connect_to ("DBUS_SYSTEM_BUS_ADDRESS");
  g_autoptr(GIOChannel) channel = NULL;

  setvbuf (stdout, NULL, _IOLBF, 0);

  monitor = bb_away_monitor_new (bb_clock_get_default (), session_bus, system_bus);
  if (argc > 1)
    bb_away_monitor_set_idle_threshold (monitor, g_ascii_strtoull (argv[1], NULL, 10));

  g_signal_connect (monitor, "notify::away", G_CALLBACK (notify_cb), NULL);
  g_signal_connect (monitor, "notify::locked", G_CALLBACK (notify_cb), NULL);
  g_signal_connect (monitor, "away-ended", G_CALLBACK (away_ended_cb), NULL);

  loop = g_main_loop_new (NULL, FALSE);
  channel = g_io_channel_unix_new (0);
  g_io_add_watch (channel, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_cb, NULL);
  g_main_loop_run (loop);

  g_assert_finalize_object (monitor);

  /* What dispose sent (RemoveWatch) must reach the bus before we go. */
  if (session_bus != NULL)
    g_dbus_connection_flush_sync (session_bus, NULL, NULL);
  if (system_bus != NULL)
    g_dbus_connection_flush_sync (system_bus, NULL, NULL);

  g_main_loop_unref (loop);
  g_print ("bye\n");

  return 0;
}
