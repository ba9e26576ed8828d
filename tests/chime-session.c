/* chime-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Runs one real session on the system clock with a real BbChime
 * (libcanberra) following it, for chime-integration.py:
 *
 *   chime-session [--muted] [--volume N] [--stop-in-handover US]
 *                 SOUNDS_DIR PATTERN BREATHS OUTPUT
 *
 * PATTERN is "IN/HOLD/OUT/HOLD" in milliseconds, e.g. 1500/500/1500/0.
 * OUTPUT gets one line per event, times in microseconds of
 * g_get_monotonic_time() (CLOCK_MONOTONIC, the clock of Python's
 * time.monotonic()), so the recording can be put on the same time line:
 *
 *   phase NAME BREATH SCHEDULED ENTERED PLAYED SCHEDULED_REAL
 *   finish - BREATH SCHEDULED ENTERED PLAYED SCHEDULED_REAL
 *
 * SCHEDULED is the boundary, ENTERED when the handlers began, PLAYED when
 * BbChime's handler had returned (libcanberra's play call included), and
 * SCHEDULED_REAL the boundary in wall-clock time, for people. BbChime's
 * state is written as it changes, and once at the start (TIME is
 * monotonic, PROBLEM the rest of the line, "-" for none):
 *
 *   silent TIME 0|1
 *   problem TIME PROBLEM
 *
 * --stop-in-handover US stops the whole process (SIGSTOP) US microseconds
 * after the first out-breath's handlers begin, that is while BbChime hands
 * the chime to the sound server; whoever runs this sends SIGCONT. It
 * stands for a machine suspended, or a process stopped, at a boundary.
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bb-chime.h"
#include "bb-session.h"

/* Time for the session's first chime to be recorded from its start. */
#define LEAD_IN_MS 300
/* Time for the finish chime to play out before the context goes away. */
#define TAIL_MS 2000

typedef struct
{
  GMainLoop *loop;
  BbSession *session;
  FILE      *out;
  gint64     real_offset;   /* real time - monotonic time */
  gint64     entered;
  gint64     start;         /* the first boundary */
  int        stop_after_us; /* < 0: never */
} Run;

static const char *
phase_name (BbPhase phase)
{
  switch (phase)
    {
    case BB_PHASE_INHALE:   return "inhale";
    case BB_PHASE_HOLD_IN:  return "hold-in";
    case BB_PHASE_EXHALE:   return "exhale";
    case BB_PHASE_HOLD_OUT: return "hold-out";
    case BB_PHASE_NONE:
    default:                return "none";
    }
}

static void
write_line (Run        *run,
            const char *kind,
            const char *name,
            guint       breath,
            gint64      scheduled)
{
  gint64 played = g_get_monotonic_time ();

  fprintf (run->out, "%s %s %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
           kind, name, breath, scheduled, run->entered, played, scheduled + run->real_offset);
  fflush (run->out);
}

/* Stops the whole process, the sound thread too, from aside, while the
 * main thread goes on into BbChime's handler. */
static gpointer
stop_thread (gpointer data)
{
  g_usleep (GPOINTER_TO_INT (data));
  kill (getpid (), SIGSTOP);
  return NULL;
}

static void
write_state (Run     *run,
             BbChime *chime)
{
  const char *problem = bb_chime_get_problem (chime);

  fprintf (run->out, "silent %" G_GINT64_FORMAT " %d\n",
           g_get_monotonic_time (), bb_chime_get_silent (chime));
  fprintf (run->out, "problem %" G_GINT64_FORMAT " %s\n",
           g_get_monotonic_time (), problem != NULL ? problem : "-");
  fflush (run->out);
}

static void
chime_state_cb (BbChime    *chime,
                GParamSpec *pspec,
                Run        *run)
{
  write_state (run, chime);
}

/* Connected before the chime: when the handlers begin. */
static void
phase_entered_cb (BbSession *session,
                  BbPhase    phase,
                  guint      breath,
                  Run       *run)
{
  run->entered = g_get_monotonic_time ();
  if (run->start == 0)
    run->start = bb_session_get_phase_deadline (session);

  if (phase == BB_PHASE_EXHALE && breath == 1 && run->stop_after_us >= 0)
    g_thread_unref (g_thread_new ("stopper", stop_thread, GINT_TO_POINTER (run->stop_after_us)));
}

static void
finish_entered_cb (BbSession *session,
                   Run       *run)
{
  run->entered = g_get_monotonic_time ();
}

/* Connected after the chime: when it has been handed to the server. */
static void
phase_played_cb (BbSession *session,
                 BbPhase    phase,
                 guint      breath,
                 Run       *run)
{
  write_line (run, "phase", phase_name (phase), breath, bb_session_get_phase_deadline (session));
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
finish_played_cb (BbSession *session,
                  Run       *run)
{
  /* No pause here, so the end is the start plus the planned length. */
  write_line (run, "finish", "-", bb_session_get_breath (session),
              run->start + bb_session_get_duration (session));
  g_timeout_add (TAIL_MS, quit_cb, run->loop);
}

static gboolean
start_cb (gpointer user_data)
{
  Run *run = user_data;

  bb_session_start (run->session);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BbChime) chime = NULL;
  g_autoptr(BbSession) session = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_auto(GStrv) parts = NULL;
  gboolean muted = FALSE;
  int volume = 100;
  int stop_after_us = -1;
  BbPattern pattern;
  guint64 ms[4];
  guint64 n_breaths;
  Run run = { 0 };
  const GOptionEntry entries[] = {
    { "muted", 0, 0, G_OPTION_ARG_NONE, &muted, "Run with the chimes muted", NULL },
    { "volume", 0, 0, G_OPTION_ARG_INT, &volume, "Chime volume, 0-100", "N" },
    { "stop-in-handover", 0, 0, G_OPTION_ARG_INT, &stop_after_us,
      "SIGSTOP the process this long after the first out-breath begins", "US" },
    { NULL }
  };

  context = g_option_context_new ("SOUNDS_DIR IN/HOLD/OUT/HOLD BREATHS OUTPUT");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 5)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : "Usage: chime-session [--muted] [--volume N] SOUNDS_DIR IN/HOLD/OUT/HOLD BREATHS OUTPUT");
      return 2;
    }

  parts = g_strsplit (argv[2], "/", -1);
  if (g_strv_length (parts) != 4)
    {
      g_printerr ("Bad pattern “%s”: want IN/HOLD/OUT/HOLD in ms\n", argv[2]);
      return 2;
    }
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT, &ms[i], &error))
      {
        g_printerr ("Bad pattern “%s”: %s\n", argv[2], error->message);
        return 2;
      }
  pattern = (BbPattern) { ms[0], ms[1], ms[2], ms[3] };
  if (!bb_pattern_validate (&pattern, &error) ||
      !g_ascii_string_to_unsigned (argv[3], 10, 1, BB_SESSION_MAX_BREATHS, &n_breaths, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  run.out = fopen (argv[4], "w");
  if (run.out == NULL)
    {
      g_printerr ("Cannot write %s\n", argv[4]);
      return 1;
    }

  loop = g_main_loop_new (NULL, FALSE);
  session = bb_session_new (bb_clock_get_default (), &pattern, "seated", n_breaths);
  chime = bb_chime_new ("Backbreath", APPLICATION_ID, APPLICATION_ID);
  g_object_set (chime,
                "sounds-dir", argv[1],
                "muted", muted,
                "volume", volume,
                NULL);

  run.loop = loop;
  run.session = session;
  run.real_offset = g_get_real_time () - g_get_monotonic_time ();
  run.stop_after_us = stop_after_us;

  g_signal_connect (session, "phase-changed", G_CALLBACK (phase_entered_cb), &run);
  g_signal_connect (session, "finished", G_CALLBACK (finish_entered_cb), &run);
  bb_chime_set_session (chime, session);
  g_signal_connect (session, "phase-changed", G_CALLBACK (phase_played_cb), &run);
  write_state (&run, chime);
  g_signal_connect (chime, "notify::silent", G_CALLBACK (chime_state_cb), &run);
  g_signal_connect (chime, "notify::problem", G_CALLBACK (chime_state_cb), &run);
  g_signal_connect (session, "finished", G_CALLBACK (finish_played_cb), &run);

  g_timeout_add (LEAD_IN_MS, start_cb, &run);
  g_main_loop_run (loop);

  bb_chime_set_session (chime, NULL);
  fclose (run.out);

  return 0;
}
