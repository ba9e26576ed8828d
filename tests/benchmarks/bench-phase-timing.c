/* bench-phase-timing.c
 *
 * A session on the real clock: how late does phase-changed arrive after
 * its scheduled boundary, and how far is the end from the planned end?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "bb-session.h"

typedef struct
{
  GMainLoop *loop;
  GArray    *lateness;  /* gint64 microseconds */
  gint64     finished_at;
} Run;

static void
phase_changed_cb (BbSession *session,
                  BbPhase    phase,
                  guint      breath,
                  Run       *run)
{
  gint64 late = g_get_monotonic_time () - bb_session_get_phase_deadline (session);

  g_array_append_val (run->lateness, late);
}

static void
finished_cb (BbSession *session,
             Run       *run)
{
  run->finished_at = g_get_monotonic_time ();
  g_main_loop_quit (run->loop);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  /* The shortest valid breath, 1 s in and 1 s out: 60 phase changes a
   * minute, each a scheduled boundary. */
  BbPattern pattern = { 1000, 0, 1000, 0 };
  guint seconds = argc > 1 ? (guint) atoi (argv[1]) : 60;
  g_autoptr(BbSession) session = NULL;
  Run run = { 0 };
  gint64 start;
  gint64 drift;
  gint64 median;
  gint64 max;

  run.loop = g_main_loop_new (NULL, FALSE);
  run.lateness = g_array_new (FALSE, FALSE, sizeof (gint64));

  session = bb_session_new (NULL, &pattern, "seated", MAX (1, seconds / 2));
  g_signal_connect (session, "phase-changed", G_CALLBACK (phase_changed_cb), &run);
  g_signal_connect (session, "finished", G_CALLBACK (finished_cb), &run);

  start = g_get_monotonic_time ();
  bb_session_start (session);
  g_main_loop_run (run.loop);

  /* The start is not a scheduled boundary; leave it out. */
  g_array_remove_index (run.lateness, 0);
  g_array_sort (run.lateness, compare_gint64);
  median = g_array_index (run.lateness, gint64, run.lateness->len / 2);
  max = g_array_index (run.lateness, gint64, run.lateness->len - 1);
  drift = run.finished_at - (start + bb_session_get_duration (session));

  g_print ("phase-timing: %u s session, %u phase changes on the real clock\n",
           seconds, run.lateness->len);
  g_print ("phase-timing: lateness median %.3f ms, max %.3f ms\n", median / 1000.0, max / 1000.0);
  g_print ("phase-timing: drift at the end %.3f ms\n", drift / 1000.0);
  g_print ("phase-timing: targets median <= 2 ms, max <= 10 ms, drift <= max: %s\n",
           median <= 2000 && max <= 10000 && drift <= max ? "met" : "NOT met");

  g_array_unref (run.lateness);
  g_main_loop_unref (run.loop);

  return EXIT_SUCCESS;
}
