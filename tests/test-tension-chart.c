/* test-tension-chart.c
 *
 * The chart of neck and shoulder tension before and after sessions: what
 * it says in words, for the page and for screen readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "bb-tension-chart.h"

static void
add (GArray     *records,
     BbBackFelt  back_felt,
     guint       before,
     guint       after)
{
  BbCheckinRecord record = { 0 };

  record.start_utc_us = (gint64) (records->len + 1) * G_USEC_PER_SEC;
  record.checkin = (BbCheckin) { back_felt, before, after };
  g_array_append_val (records, record);
}

static void
test_empty (void)
{
  BbTensionChart *chart = BB_TENSION_CHART (g_object_ref_sink (bb_tension_chart_new ()));
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (BbCheckinRecord));

  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_cmpuint (bb_tension_chart_get_n_points (chart), ==, 0);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Chart of neck and shoulder tension, empty for now");

  /* Check-ins with one tension, or none, are not drawn. */
  add (records, BB_BACK_FELT_YES, 0, 0);
  add (records, BB_BACK_FELT_YES, 3, 0);
  add (records, BB_BACK_FELT_NOT_YET, 0, 2);
  bb_tension_chart_set_checkins (chart, (BbCheckinRecord *) (void *) records->data, records->len);
  g_assert_cmpuint (bb_tension_chart_get_n_points (chart), ==, 0);
  g_assert_cmpstr (bb_tension_chart_get_summary (chart), ==,
                   "Answer the check-in before and after a session to see your neck and shoulders here");

  g_assert_finalize_object (chart);
}

static void
test_words (void)
{
  BbTensionChart *chart = BB_TENSION_CHART (g_object_ref_sink (bb_tension_chart_new ()));
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (BbCheckinRecord));

  /* One session: lower after. */
  add (records, BB_BACK_FELT_YES, 4, 2);
  bb_tension_chart_set_checkins (chart, (BbCheckinRecord *) (void *) records->data, records->len);
  g_assert_cmpuint (bb_tension_chart_get_n_points (chart), ==, 1);
  g_assert_cmpstr (bb_tension_chart_get_summary (chart), ==, "Tension was lower after 1 of 1 session");
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Chart of neck and shoulder tension before and after your last session, "
                                       "from 1, at ease, to 5, very tense: 4.0 before and 2.0 after.");

  /* Higher after, the same after, and one with a tension missing. */
  add (records, BB_BACK_FELT_NOT_YET, 2, 3);
  add (records, BB_BACK_FELT_A_LITTLE, 3, 3);
  add (records, BB_BACK_FELT_YES, 5, 0);
  add (records, BB_BACK_FELT_YES, 5, 2);
  bb_tension_chart_set_checkins (chart, (BbCheckinRecord *) (void *) records->data, records->len);
  g_assert_cmpuint (bb_tension_chart_get_n_points (chart), ==, 4);
  g_assert_cmpstr (bb_tension_chart_get_summary (chart), ==, "Tension was lower after 2 of 4 sessions");
  g_assert_cmpstr (bb_tension_chart_get_description (chart), ==,
                   "Chart of neck and shoulder tension before and after your last 4 sessions, "
                   "from 1, at ease, to 5, very tense: 3.5 before and 2.5 after on average.");
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       bb_tension_chart_get_description (chart));

  g_assert_finalize_object (chart);
}

/* Only the newest check-ins are drawn, and records come newest first. */
static void
test_newest (void)
{
  BbTensionChart *chart = BB_TENSION_CHART (g_object_ref_sink (bb_tension_chart_new ()));
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (BbCheckinRecord));

  for (guint i = 0; i < BB_TENSION_CHART_N_POINTS; i++)
    add (records, BB_BACK_FELT_YES, 3, 2);
  for (guint i = 0; i < 10; i++)
    add (records, BB_BACK_FELT_YES, 2, 4);

  bb_tension_chart_set_checkins (chart, (BbCheckinRecord *) (void *) records->data, records->len);
  g_assert_cmpuint (bb_tension_chart_get_n_points (chart), ==, BB_TENSION_CHART_N_POINTS);
  g_assert_cmpstr (bb_tension_chart_get_summary (chart), ==, "Tension was lower after 30 of 30 sessions");

  g_assert_finalize_object (chart);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/tension-chart/empty", test_empty);
  g_test_add_func ("/tension-chart/words", test_words);
  g_test_add_func ("/tension-chart/newest", test_newest);

  return g_test_run ();
}
