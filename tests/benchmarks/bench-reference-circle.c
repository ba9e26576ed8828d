/* bench-reference-circle.c
 *
 * The yardstick of the session-cpu benchmark, exactly as
 * ../shared/bench/REFERENCE.md describes it: the cheapest honest animation
 * libadwaita can show. An AdwApplicationWindow of 800x600 whose only
 * content is a GtkDrawingArea; a tick callback that only queues a draw;
 * one centred circle of radius min(w, h) * (0.2 + 0.2 e), with
 * e = 0.5 - 0.5 cos (2 pi t / 10 s) and t from the frame clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <math.h>

#define PERIOD_US (10 * G_USEC_PER_SEC)

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  gtk_widget_queue_draw (widget);

  return G_SOURCE_CONTINUE;
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (area));
  gint64 t = frame_clock != NULL ? gdk_frame_clock_get_frame_time (frame_clock) : 0;
  double e = 0.5 - 0.5 * cos (2 * G_PI * (double) (t % PERIOD_US) / PERIOD_US);
  double r = MIN (width, height) * (0.2 + 0.2 * e);

  cairo_set_source_rgb (cr, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
  cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
activate_cb (GtkApplication *app,
             gpointer        user_data)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_cb, NULL, NULL);
  gtk_widget_add_tick_callback (area, tick_cb, NULL, NULL);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), area);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.backbreath.ReferenceCircle",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
