/* test-heatmap.c
 *
 * The practice calendar, a real widget under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "bb-heatmap-private.h"
#include "bb-test-ui-util.h"

#define MIN_MS G_GINT64_CONSTANT (60000)

static guint32
julian (int        year,
        GDateMonth month,
        int        day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

static void
assert_label (BbHeatmap  *heatmap,
              guint32     day,
              const char *expected)
{
  GtkWidget *widget = bb_heatmap_get_day_widget (heatmap, day);
  const char *tooltip;
  char *mismatch;

  g_assert_nonnull (widget);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 expected);
  if (mismatch != NULL)
    g_error ("label of day %u: got \"%s\", expected \"%s\"", day, mismatch, expected);

  tooltip = gtk_widget_get_tooltip_text (widget);
  g_assert_cmpstr (tooltip, ==, expected);
}

static guint
count_focusable_days (BbHeatmap *heatmap)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (heatmap));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (gtk_widget_get_css_name (child), "day") && gtk_widget_get_focusable (child))
        n++;
    }

  return n;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
move (BbHeatmap *heatmap,
      int        days)
{
  gtk_widget_activate_action (GTK_WIDGET (heatmap), "heatmap.move", "i", days);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the frame clock map, lay out and draw @widget's window: first
 * until @widget has a size, however busy the machine, then a few frames
 * more for the allocation to settle. */
static void
run_frames (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0) &&
         g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);

  g_timeout_add (200, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_labels (void)
{
  /* Tuesday 4 March 2025 */
  guint32 today = julian (2025, G_DATE_MARCH, 4);
  BbDayTotal days[] = {
    { julian (2024, G_DATE_DECEMBER, 31), 2 * 60 * MIN_MS, 2 },
    { julian (2025, G_DATE_JANUARY, 6), 30 * 1000, 1 },
    { julian (2025, G_DATE_FEBRUARY, 3), 65 * MIN_MS + 59 * 1000, 1 },
    { julian (2025, G_DATE_MARCH, 1), MIN_MS, 1 },
    { today, 9 * MIN_MS + 40 * 1000, 3 },
  };
  BbHeatmap *heatmap = g_object_ref_sink (BB_HEATMAP (bb_heatmap_new ()));

  bb_heatmap_set_days (heatmap, today, days, G_N_ELEMENTS (days), 10 * MIN_MS);

  assert_label (heatmap, today, "Tuesday 4 March: 3 sessions, 9 minutes");
  assert_label (heatmap, today - 1, "Monday 3 March: no practice");
  assert_label (heatmap, julian (2025, G_DATE_MARCH, 1), "Saturday 1 March: 1 session, 1 minute");
  assert_label (heatmap, julian (2025, G_DATE_FEBRUARY, 3), "Monday 3 February: 1 session, 1 hour 5 minutes");
  assert_label (heatmap, julian (2025, G_DATE_JANUARY, 6), "Monday 6 January: 1 session, under a minute");
  /* Days of another year than the last day's say their year. */
  assert_label (heatmap, julian (2024, G_DATE_DECEMBER, 31), "Tuesday 31 December 2024: 2 sessions, 2 hours");
  assert_label (heatmap, julian (2024, G_DATE_DECEMBER, 30), "Monday 30 December 2024: no practice");

  /* The tooltip is not read a second time as the description. */
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (bb_heatmap_get_day_widget (heatmap, today)),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (heatmap), GTK_ACCESSIBLE_ROLE_GRID);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (bb_heatmap_get_day_widget (heatmap, today)),
                                   GTK_ACCESSIBLE_ROLE_GRID_CELL);

  g_assert_finalize_object (heatmap);
}

static void
test_range (void)
{
  /* Wednesday 5 March 2025: the calendar starts on Monday 4 March 2024,
   * 52 weeks and two days earlier. */
  guint32 today = julian (2025, G_DATE_MARCH, 5);
  guint32 first = julian (2024, G_DATE_MARCH, 4);
  BbDayTotal days[] = {
    { first - 1, 50 * MIN_MS, 5 },
    { first, 10 * MIN_MS, 1 },
    { today, 5 * MIN_MS, 1 },
    { today + 1, 50 * MIN_MS, 5 },
  };
  BbHeatmap *heatmap = g_object_ref_sink (BB_HEATMAP (bb_heatmap_new ()));

  bb_heatmap_set_days (heatmap, today, days, G_N_ELEMENTS (days), 10 * MIN_MS);

  g_assert_cmpuint (bb_heatmap_get_first_day (heatmap), ==, first);
  g_assert_null (bb_heatmap_get_day_widget (heatmap, first - 1));
  g_assert_null (bb_heatmap_get_day_widget (heatmap, today + 1));
  g_assert_nonnull (bb_heatmap_get_day_widget (heatmap, first));
  g_assert_nonnull (bb_heatmap_get_day_widget (heatmap, today));
  g_assert_true (gtk_widget_get_visible (bb_heatmap_get_day_widget (heatmap, today)));

  /* Days outside the calendar count for nothing. */
  g_assert_cmpstr (bb_heatmap_get_summary (heatmap), ==,
                   "You practised on 2 of the last 367 days, 15 min in all.");

  /* Only today is marked as today. */
  g_assert_true (gtk_widget_has_css_class (bb_heatmap_get_day_widget (heatmap, today), "today"));
  g_assert_false (gtk_widget_has_css_class (bb_heatmap_get_day_widget (heatmap, today - 1), "today"));

  g_assert_finalize_object (heatmap);
}

static void
test_levels (void)
{
  guint32 today = julian (2025, G_DATE_JUNE, 15);
  gint64 goal = 10 * MIN_MS;
  struct {
    gint64 ms;
    guint level;
  } cases[] = {
    { 0, 0 },
    { 1000, 1 },
    { goal - 1, 1 },
    { goal, 2 },
    { 2 * goal - 1, 2 },
    { 2 * goal, 3 },
    { 4 * goal - 1, 3 },
    { 4 * goal, 4 },
    { 40 * goal, 4 },
  };
  g_autofree BbDayTotal *days = g_new0 (BbDayTotal, G_N_ELEMENTS (cases));
  BbHeatmap *heatmap = g_object_ref_sink (BB_HEATMAP (bb_heatmap_new ()));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    days[i] = (BbDayTotal) { today - G_N_ELEMENTS (cases) + 1 + i, cases[i].ms, cases[i].ms > 0 ? 1 : 0 };

  bb_heatmap_set_days (heatmap, today, days, G_N_ELEMENTS (cases), goal);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *day = bb_heatmap_get_day_widget (heatmap, days[i].day);
      g_autofree char *class = g_strdup_printf ("level-%u", cases[i].level);

      g_test_message ("%" G_GINT64_FORMAT " ms", cases[i].ms);
      g_assert_cmpuint (bb_heatmap_day_get_level (day), ==, cases[i].level);
      g_assert_true (gtk_widget_has_css_class (day, class));
      for (guint level = 0; level <= 4; level++)
        {
          g_autofree char *other = g_strdup_printf ("level-%u", level);

          g_assert_true (level == cases[i].level || !gtk_widget_has_css_class (day, other));
        }
    }

  /* A day with no data is level 0. */
  g_assert_cmpuint (bb_heatmap_day_get_level (bb_heatmap_get_day_widget (heatmap, today - 100)), ==, 0);

  /* A lower goal raises the levels, on the same widgets. */
  bb_heatmap_set_days (heatmap, today, days, G_N_ELEMENTS (cases), goal / 4);
  g_assert_cmpuint (bb_heatmap_day_get_level (bb_heatmap_get_day_widget (heatmap, days[3].day)), ==, 4);
  g_assert_true (gtk_widget_has_css_class (bb_heatmap_get_day_widget (heatmap, days[3].day), "level-4"));
  g_assert_false (gtk_widget_has_css_class (bb_heatmap_get_day_widget (heatmap, days[3].day), "level-2"));

  /* Without a goal, any practice reaches it. */
  bb_heatmap_set_days (heatmap, today, days, G_N_ELEMENTS (cases), 0);
  g_assert_cmpuint (bb_heatmap_day_get_level (bb_heatmap_get_day_widget (heatmap, days[1].day)), ==, 2);
  g_assert_cmpuint (bb_heatmap_day_get_level (bb_heatmap_get_day_widget (heatmap, days[8].day)), ==, 2);
  g_assert_cmpuint (bb_heatmap_day_get_level (bb_heatmap_get_day_widget (heatmap, days[0].day)), ==, 0);

  g_assert_finalize_object (heatmap);
}

static void
test_moves (void)
{
  /* Thursday 12 June 2025 */
  guint32 today = julian (2025, G_DATE_JUNE, 12);
  BbHeatmap *heatmap = g_object_ref_sink (BB_HEATMAP (bb_heatmap_new ()));
  guint32 first;
  guint notified = 0;

  bb_heatmap_set_days (heatmap, today, NULL, 0, 10 * MIN_MS);
  first = bb_heatmap_get_first_day (heatmap);
  g_signal_connect (heatmap, "notify::selected-day", G_CALLBACK (count_notify_cb), &notified);

  /* Today has the focus at first. */
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today);
  g_assert_true (gtk_widget_get_focusable (bb_heatmap_get_day_widget (heatmap, today)));
  g_assert_cmpuint (count_focusable_days (heatmap), ==, 1);

  /* Never into the future: not a day later, not a week later. */
  move (heatmap, 1);
  move (heatmap, 7);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today);
  g_assert_cmpuint (notified, ==, 0);

  move (heatmap, -1);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today - 1);
  move (heatmap, -7);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today - 8);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (gtk_widget_get_focusable (bb_heatmap_get_day_widget (heatmap, today - 8)));
  g_assert_false (gtk_widget_get_focusable (bb_heatmap_get_day_widget (heatmap, today)));
  g_assert_cmpuint (count_focusable_days (heatmap), ==, 1);

  /* A week after Friday of last week is in the future. */
  move (heatmap, 2);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today - 6);
  move (heatmap, 7);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today - 6);

  gtk_widget_activate_action (GTK_WIDGET (heatmap), "heatmap.first", NULL);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, first);
  g_assert_cmpuint (count_focusable_days (heatmap), ==, 1);

  /* The first day is an edge both ways. */
  move (heatmap, -1);
  move (heatmap, -7);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, first);

  move (heatmap, 7);
  move (heatmap, 1);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, first + 8);

  gtk_widget_activate_action (GTK_WIDGET (heatmap), "heatmap.last", NULL);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today);
  g_assert_true (gtk_widget_get_focusable (bb_heatmap_get_day_widget (heatmap, today)));
  g_assert_cmpuint (count_focusable_days (heatmap), ==, 1);

  g_assert_finalize_object (heatmap);
}

/* Presses @keyname on the calendar, as a key event would. */
static void
press (BbHeatmap  *heatmap,
       const char *keyname)
{
  guint keyval = gdk_keyval_from_name (keyname);

  g_assert_cmpuint (keyval, !=, GDK_KEY_VoidSymbol);
  g_assert_true (bb_test_press_shortcut (GTK_WIDGET (heatmap), keyval, 0));
}

/* The arrow keys, in left-to-right and right-to-left text. */
static void
test_keys (void)
{
  /* Thursday 12 June 2025 */
  guint32 today = julian (2025, G_DATE_JUNE, 12);
  BbHeatmap *heatmap = g_object_ref_sink (BB_HEATMAP (bb_heatmap_new ()));

  bb_heatmap_set_days (heatmap, today, NULL, 0, 10 * MIN_MS);
  press (heatmap, "Up");
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today - 1);
  press (heatmap, "Left");
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today - 8);
  press (heatmap, "Down");
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today - 7);
  press (heatmap, "Right");
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today);
  press (heatmap, "Home");
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, bb_heatmap_get_first_day (heatmap));
  press (heatmap, "KP_Right");
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, bb_heatmap_get_first_day (heatmap) + 7);
  press (heatmap, "End");
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today);

  /* Right to left, the weeks run the other way. */
  gtk_widget_set_direction (GTK_WIDGET (heatmap), GTK_TEXT_DIR_RTL);
  press (heatmap, "Right");
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today - 7);
  press (heatmap, "Left");
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today);

  g_assert_finalize_object (heatmap);
}

static void
test_focus_chain (void)
{
  guint32 today = julian (2025, G_DATE_JUNE, 12);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *before = gtk_button_new_with_label ("Before");
  GtkWidget *after = gtk_button_new_with_label ("After");
  BbHeatmap *heatmap = BB_HEATMAP (bb_heatmap_new ());

  g_object_ref (heatmap);
  gtk_box_append (GTK_BOX (box), before);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (heatmap));
  gtk_box_append (GTK_BOX (box), after);
  gtk_window_set_child (GTK_WINDOW (window), box);
  bb_heatmap_set_days (heatmap, today, NULL, 0, 10 * MIN_MS);
  gtk_window_present (GTK_WINDOW (window));
  run_frames (GTK_WIDGET (heatmap));

  /* Tab enters on today, and the next Tab leaves. The moves go through
   * the box: another test's window may be the active one on a shared
   * display, and GTK 4.8's window moves the focus differently then. */
  gtk_widget_grab_focus (before);
  g_assert_true (gtk_widget_child_focus (box, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == bb_heatmap_get_day_widget (heatmap, today));
  g_assert_true (gtk_widget_child_focus (box, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == after);

  /* And back, onto the same day. */
  g_assert_true (gtk_widget_child_focus (box, GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == bb_heatmap_get_day_widget (heatmap, today));

  /* Moves take the focus along, and Tab comes back to the day left. */
  move (heatmap, -7);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == bb_heatmap_get_day_widget (heatmap, today - 7));
  g_assert_true (gtk_widget_child_focus (box, GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == before);
  g_assert_true (gtk_widget_child_focus (box, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == bb_heatmap_get_day_widget (heatmap, today - 7));
  g_assert_cmpuint (count_focusable_days (heatmap), ==, 1);

  /* Grabbing the calendar's focus focuses its day. */
  gtk_widget_grab_focus (after);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (heatmap)));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == bb_heatmap_get_day_widget (heatmap, today - 7));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (heatmap);
}

static void
test_set_days_again (void)
{
  /* Saturday 14 June 2025 */
  guint32 today = julian (2025, G_DATE_JUNE, 14);
  BbDayTotal before[] = { { today - 1, 5 * MIN_MS, 1 } };
  BbDayTotal after[] = { { today - 1, 5 * MIN_MS, 1 }, { today, 12 * MIN_MS, 2 } };
  BbHeatmap *heatmap = g_object_ref_sink (BB_HEATMAP (bb_heatmap_new ()));
  GtkWidget *today_widget;
  guint summary_notified = 0;
  guint selected_notified = 0;

  bb_heatmap_set_days (heatmap, today, before, G_N_ELEMENTS (before), 10 * MIN_MS);
  g_signal_connect (heatmap, "notify::summary", G_CALLBACK (count_notify_cb), &summary_notified);
  g_signal_connect (heatmap, "notify::selected-day", G_CALLBACK (count_notify_cb), &selected_notified);
  today_widget = bb_heatmap_get_day_widget (heatmap, today);
  assert_label (heatmap, today, "Saturday 14 June: no practice");
  g_assert_cmpstr (bb_heatmap_get_summary (heatmap), ==,
                   "You practised on 1 of the last 370 days, 5 min in all.");

  /* A session later: same widgets, new words. */
  bb_heatmap_set_days (heatmap, today, after, G_N_ELEMENTS (after), 10 * MIN_MS);
  g_assert_true (bb_heatmap_get_day_widget (heatmap, today) == today_widget);
  assert_label (heatmap, today, "Saturday 14 June: 2 sessions, 12 minutes");
  g_assert_cmpuint (bb_heatmap_day_get_level (today_widget), ==, 2);
  g_assert_cmpstr (bb_heatmap_get_summary (heatmap), ==,
                   "You practised on 2 of the last 370 days, 17 min in all.");
  g_assert_cmpuint (summary_notified, ==, 1);
  g_assert_cmpuint (selected_notified, ==, 0);

  /* The same data again notifies nothing. */
  bb_heatmap_set_days (heatmap, today, after, G_N_ELEMENTS (after), 10 * MIN_MS);
  g_assert_cmpuint (summary_notified, ==, 1);

  /* After midnight, Sunday: the focus follows today. */
  bb_heatmap_set_days (heatmap, today + 1, after, G_N_ELEMENTS (after), 10 * MIN_MS);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today + 1);
  g_assert_cmpuint (selected_notified, ==, 1);
  assert_label (heatmap, today + 1, "Sunday 15 June: no practice");
  g_assert_false (gtk_widget_has_css_class (today_widget, "today"));
  g_assert_true (gtk_widget_has_css_class (bb_heatmap_get_day_widget (heatmap, today + 1), "today"));
  g_assert_cmpuint (count_focusable_days (heatmap), ==, 1);

  /* A day the user chose stays chosen when a new week begins, and the
   * columns move by a week under it. */
  move (heatmap, -8);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today - 7);
  bb_heatmap_set_days (heatmap, today + 2, after, G_N_ELEMENTS (after), 10 * MIN_MS);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, today - 7);
  g_assert_true (gtk_widget_get_focusable (bb_heatmap_get_day_widget (heatmap, today - 7)));
  g_assert_cmpuint (count_focusable_days (heatmap), ==, 1);
  assert_label (heatmap, today, "Saturday 14 June: 2 sessions, 12 minutes");
  assert_label (heatmap, today + 2, "Monday 16 June: no practice");
  g_assert_cmpstr (bb_heatmap_get_summary (heatmap), ==,
                   "You practised on 2 of the last 365 days, 17 min in all.");

  /* A chosen day that scrolls out of the calendar gives way to its
   * first day. */
  gtk_widget_activate_action (GTK_WIDGET (heatmap), "heatmap.first", NULL);
  bb_heatmap_set_days (heatmap, today + 9, after, G_N_ELEMENTS (after), 10 * MIN_MS);
  g_assert_cmpuint (bb_heatmap_get_selected_day (heatmap), ==, bb_heatmap_get_first_day (heatmap));
  g_assert_cmpuint (count_focusable_days (heatmap), ==, 1);

  g_assert_finalize_object (heatmap);
}

static void
test_summary (void)
{
  guint32 today = julian (2025, G_DATE_JUNE, 14);
  BbDayTotal one[] = { { today, 30 * 1000, 1 } };
  BbDayTotal many[42];
  BbHeatmap *heatmap = g_object_ref_sink (BB_HEATMAP (bb_heatmap_new ()));

  bb_heatmap_set_days (heatmap, today, NULL, 0, 10 * MIN_MS);
  g_assert_cmpstr (bb_heatmap_get_summary (heatmap), ==, "No practice in the last 370 days.");

  bb_heatmap_set_days (heatmap, today, one, 1, 10 * MIN_MS);
  g_assert_cmpstr (bb_heatmap_get_summary (heatmap), ==,
                   "You practised on 1 of the last 370 days, under a minute in all.");

  /* 42 days of 8 min 49 s: 6 h 10 min. */
  for (guint i = 0; i < G_N_ELEMENTS (many); i++)
    many[i] = (BbDayTotal) { today - 41 * 3 + 3 * i, 8 * MIN_MS + 49 * 1000, 1 };
  bb_heatmap_set_days (heatmap, today, many, G_N_ELEMENTS (many), 10 * MIN_MS);
  g_assert_cmpstr (bb_heatmap_get_summary (heatmap), ==,
                   "You practised on 42 of the last 370 days, 6 h 10 min in all.");

  many[0].practiced_ms = 0;
  many[0].n_sessions = 0;
  bb_heatmap_set_days (heatmap, today, many, 1, 10 * MIN_MS);
  g_assert_cmpstr (bb_heatmap_get_summary (heatmap), ==, "No practice in the last 370 days.");

  many[0].practiced_ms = 2 * 60 * MIN_MS;
  many[0].n_sessions = 3;
  bb_heatmap_set_days (heatmap, today, many, 1, 10 * MIN_MS);
  g_assert_cmpstr (bb_heatmap_get_summary (heatmap), ==,
                   "You practised on 1 of the last 370 days, 2 h in all.");

  g_assert_finalize_object (heatmap);
}

static double
scroll_position (GtkAdjustment *adjustment)
{
  double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  return range > 0 ? gtk_adjustment_get_value (adjustment) / range : -1;
}

/* The viewport animates its scrolling: waits up to two seconds for
 * @adjustment to come to @position. */
static double
wait_for_scroll (GtkAdjustment *adjustment,
                 double         position)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (scroll_position (adjustment) != position && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return scroll_position (adjustment);
}

static gboolean
day_in_view (BbHeatmap *heatmap,
             GtkWidget *viewport)
{
  GtkWidget *day = bb_heatmap_get_day_widget (heatmap, bb_heatmap_get_selected_day (heatmap));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (day, viewport, &bounds));

  return bounds.origin.x >= 0 && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (viewport);
}

/* Waits up to two seconds for the selected day to scroll into view. */
static gboolean
wait_for_day_in_view (BbHeatmap *heatmap,
                      GtkWidget *viewport)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (!day_in_view (heatmap, viewport) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  return day_in_view (heatmap, viewport);
}

static void
test_scroll_to_focus (void)
{
  guint32 today = julian (2025, G_DATE_JUNE, 12);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  BbHeatmap *heatmap = BB_HEATMAP (bb_heatmap_new ());
  GtkAdjustment *adjustment;
  GtkWidget *viewport;

  g_object_ref (heatmap);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (heatmap));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 200);
  bb_heatmap_set_days (heatmap, today, NULL, 0, 10 * MIN_MS);
  gtk_window_present (GTK_WINDOW (window));
  run_frames (GTK_WIDGET (heatmap));

  adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_true (GTK_IS_VIEWPORT (viewport));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* Today is at the far end. (The window gave it the focus before the
   * first layout, when there was nothing to scroll yet.) */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (heatmap));
  g_assert_cmpfloat (wait_for_scroll (adjustment, 1.0), ==, 1.0);

  /* The first day comes into view; the weekday labels may stay out. */
  gtk_widget_activate_action (GTK_WIDGET (heatmap), "heatmap.first", NULL);
  g_assert_true (wait_for_day_in_view (heatmap, viewport));
  g_assert_cmpfloat (scroll_position (adjustment), <, 0.1);

  /* A week at a time, the focused day stays in view. */
  for (guint i = 0; i < 30; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (heatmap), "heatmap.move", "i", 7);
      g_assert_true (wait_for_day_in_view (heatmap, viewport));
    }
  g_assert_cmpfloat (scroll_position (adjustment), >, 0.1);
  g_assert_cmpfloat (scroll_position (adjustment), <, 1.0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (heatmap);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) provider = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The application's style sheet gives the squares their size. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/backbreath/Backbreath/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/heatmap/labels", test_labels);
  g_test_add_func ("/heatmap/range", test_range);
  g_test_add_func ("/heatmap/levels", test_levels);
  g_test_add_func ("/heatmap/moves", test_moves);
  g_test_add_func ("/heatmap/keys", test_keys);
  g_test_add_func ("/heatmap/focus-chain", test_focus_chain);
  g_test_add_func ("/heatmap/set-days-again", test_set_days_again);
  g_test_add_func ("/heatmap/summary", test_summary);
  g_test_add_func ("/heatmap/scroll-to-focus", test_scroll_to_focus);

  return g_test_run ();
}
