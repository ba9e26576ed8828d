/* test-trend-chart.c
 *
 * The weekly chart as a real widget, in-process under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "bb-trend-chart.h"
#include "bb-trend-chart-private.h"

#define MIN_MS (60 * 1000)

/* A Wednesday: the twelve weeks shown reach back across the year end. */
#define LAST_DAY "2024-03-13"

typedef struct
{
  GArray *days;
  guint32 last_day;
} Data;

static void
data_init (Data *data)
{
  data->days = g_array_new (FALSE, FALSE, sizeof (BbDayTotal));
  data->last_day = bb_streak_day_from_iso (LAST_DAY);
}

static void
data_clear (Data *data)
{
  g_clear_pointer (&data->days, g_array_unref);
}

/* Practice on the Tuesday of each of the twelve weeks, oldest first; the
 * last week's on its Monday, before LAST_DAY. */
static void
data_set_weeks (Data         *data,
                const double  minutes[BB_TREND_CHART_N_WEEKS])
{
  guint32 monday = bb_streak_week_start (data->last_day);

  g_array_set_size (data->days, 0);
  for (guint i = 0; i < BB_TREND_CHART_N_WEEKS; i++)
    {
      guint last = BB_TREND_CHART_N_WEEKS - 1;
      BbDayTotal total = { monday - 7 * (last - i) + (i == last ? 0 : 1),
                           (gint64) (minutes[i] * MIN_MS), 1 };

      if (total.practiced_ms > 0)
        g_array_append_val (data->days, total);
    }
}

static void
set_data (BbTrendChart *chart,
          Data         *data)
{
  bb_trend_chart_set_days (chart, data->last_day,
                           (const BbDayTotal *) data->days->data, data->days->len);
}

static const double rising[] = { 0, 0, 0, 10, 10, 10, 10, 16, 16, 16, 16, 24 };
static const double steady[] = { 0, 0, 0, 10, 10, 10, 10, 10, 10, 10, 10, 0 };
static const double falling[] = { 0, 0, 0, 10, 10, 10, 10, 6, 6, 6, 6, 1 };

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static const struct {
  const double *weeks;
  BbTrend       trend;
  const char   *text;
  const char   *label;
} cases[] = {
  { rising, BB_TREND_RISING, "More practice than the month before",
    "Minutes per week, last 12 weeks: rising. 24 minutes this week, 13 a week on average." },
  { steady, BB_TREND_STEADY, "About as much practice as the month before",
    "Minutes per week, last 12 weeks: steady. 0 minutes this week, 10 a week on average." },
  { falling, BB_TREND_FALLING, "A quieter month than the one before",
    "Minutes per week, last 12 weeks: falling. 1 minute this week, 8 a week on average." },
};

static void
test_accessible (void)
{
  BbTrendChart *chart = BB_TREND_CHART (g_object_ref_sink (bb_trend_chart_new ()));
  Data data;

  data_init (&data);

  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);

  /* Before any data. */
  g_assert_cmpint (bb_trend_chart_get_trend (chart), ==, BB_TREND_NONE);
  g_assert_cmpstr (bb_trend_chart_get_trend_text (chart), ==,
                   "Not enough practice yet to show a trend");
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Minutes per week, last 12 weeks: no trend yet. "
                                       "0 minutes this week, 0 a week on average.");

  /* The average counts the complete weeks from the first with practice:
   * rising is (4 × 10 + 4 × 16) / 8. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      data_set_weeks (&data, cases[i].weeks);
      set_data (chart, &data);
      g_assert_cmpint (bb_trend_chart_get_trend (chart), ==, cases[i].trend);
      g_assert_cmpstr (bb_trend_chart_get_trend_text (chart), ==, cases[i].text);
      gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL, cases[i].label);
    }

  /* Practice so old it falls outside the twelve weeks. */
  g_array_set_size (data.days, 0);
  g_array_append_val (data.days, ((BbDayTotal) { data.last_day - 7 * 12, 60 * MIN_MS, 1 }));
  set_data (chart, &data);
  g_assert_cmpint (bb_trend_chart_get_trend (chart), ==, BB_TREND_NONE);
  g_assert_cmpstr (bb_trend_chart_get_trend_text (chart), ==,
                   "Not enough practice yet to show a trend");
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Minutes per week, last 12 weeks: no trend yet. "
                                       "0 minutes this week, 0 a week on average.");

  data_clear (&data);
  g_assert_finalize_object (chart);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_notify (void)
{
  BbTrendChart *chart = BB_TREND_CHART (g_object_ref_sink (bb_trend_chart_new ()));
  g_autofree char *text = NULL;
  double more[BB_TREND_CHART_N_WEEKS];
  guint count = 0;
  Data data;

  data_init (&data);
  g_signal_connect (chart, "notify::trend-text", G_CALLBACK (count_cb), &count);

  data_set_weeks (&data, rising);
  set_data (chart, &data);
  g_assert_cmpuint (count, ==, 1);
  g_object_get (chart, "trend-text", &text, NULL);
  g_assert_cmpstr (text, ==, "More practice than the month before");

  /* The same data, then other data with the same trend. */
  set_data (chart, &data);
  g_assert_cmpuint (count, ==, 1);
  memcpy (more, rising, sizeof more);
  more[11] = 40;
  data_set_weeks (&data, more);
  set_data (chart, &data);
  g_assert_cmpuint (count, ==, 1);

  data_set_weeks (&data, falling);
  set_data (chart, &data);
  g_assert_cmpuint (count, ==, 2);

  data_set_weeks (&data, steady);
  set_data (chart, &data);
  g_assert_cmpuint (count, ==, 3);

  /* Ten minutes this week too; then comes the next Monday, and its empty
   * week under way changes nothing. */
  memcpy (more, steady, sizeof more);
  more[11] = 10;
  data_set_weeks (&data, more);
  set_data (chart, &data);
  g_assert_cmpuint (count, ==, 3);
  data.last_day = bb_streak_week_start (data.last_day) + 7;
  set_data (chart, &data);
  g_assert_cmpint (bb_trend_chart_get_trend (chart), ==, BB_TREND_STEADY);
  g_assert_cmpuint (count, ==, 3);

  g_array_set_size (data.days, 0);
  set_data (chart, &data);
  g_assert_cmpuint (count, ==, 4);

  data_clear (&data);
  g_assert_finalize_object (chart);
}

/* Pixels of the chart with any ink, in the rows from @top to @bottom. */
static guint
count_inked (GtkWidget *widget,
             int        top,
             int        bottom)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint inked = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = top; y < bottom; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                              y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < width; x++)
        if ((row[x] >> 24) != 0)
          inked++;
    }

  cairo_surface_destroy (surface);

  return inked;
}

static void
wait_drawn (BbTrendChart *chart,
            guint         renders)
{
  /* Generous: a sanitized build on a busy machine is slow. */
  for (guint i = 0; i < 20000 && bb_trend_chart_get_n_renders (chart) < renders; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (bb_trend_chart_get_n_renders (chart), ==, renders);
}

static void
test_render (gconstpointer user_data)
{
  int width = GPOINTER_TO_INT (user_data);
  GtkWidget *window = gtk_window_new ();
  BbTrendChart *chart = BB_TREND_CHART (bb_trend_chart_new ());
  guint renders;
  Data data;

  data_init (&data);
  g_object_add_weak_pointer (G_OBJECT (chart), (gpointer *) &chart);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chart));
  gtk_window_set_default_size (GTK_WINDOW (window), width, 140);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_present (GTK_WINDOW (window));
  wait_drawn (chart, 1);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >=, 140);

  /* No data: no bars and no dates, only the baseline. */
  g_assert_cmpuint (bb_trend_chart_get_n_labels (chart), ==, 0);
  g_assert_cmpuint (count_inked (GTK_WIDGET (chart), 0, 100), ==, 0);

  data_set_weeks (&data, rising);
  set_data (chart, &data);
  wait_drawn (chart, 2);

  /* The tallest bar reaches near the top; the empty first weeks have no
   * bar at all. */
  g_assert_cmpuint (count_inked (GTK_WIDGET (chart), 0, 20), >, 0);
  g_assert_cmpuint (count_inked (GTK_WIDGET (chart), 0, 100), >, 0);
  g_assert_false (bb_trend_chart_labels_overlap (chart));
  if (width <= 300)
    {
      g_assert_cmpuint (bb_trend_chart_get_n_labels (chart), >=, 3);
      g_assert_cmpuint (bb_trend_chart_get_n_labels (chart), <, 12);
    }
  else
    {
      g_assert_cmpuint (bb_trend_chart_get_n_labels (chart), ==, 12);
    }

  /* Nothing new to show: the drawing is reused. */
  renders = bb_trend_chart_get_n_renders (chart);
  set_data (chart, &data);
  gtk_widget_queue_draw (GTK_WIDGET (chart));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (chart));
  iterate ();
  g_assert_cmpuint (bb_trend_chart_get_n_renders (chart), ==, renders);

  data_set_weeks (&data, falling);
  set_data (chart, &data);
  wait_drawn (chart, renders + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_null (chart);
  data_clear (&data);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/trend-chart/accessible", test_accessible);
  g_test_add_func ("/trend-chart/notify", test_notify);
  g_test_add_data_func ("/trend-chart/render-300", GINT_TO_POINTER (300), test_render);
  g_test_add_data_func ("/trend-chart/render-1200", GINT_TO_POINTER (1200), test_render);

  return g_test_run ();
}
