/* bench-reference-circle.c
 *
 * The reference for the session-cpu benchmark: the cheapest honest
 * animation GTK can show, one circle that grows and shrinks from a tick
 * callback, in a window of the app's default size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>
#include <math.h>

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
  double t = g_get_monotonic_time () / 1e6;
  double r = MIN (width, height) * (0.2 + 0.1 * sin (t * G_PI / 5.0));

  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
activate_cb (GtkApplication *app,
             gpointer        user_data)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_cb, NULL, NULL);
  gtk_widget_add_tick_callback (area, tick_cb, NULL, NULL);
  gtk_window_set_child (GTK_WINDOW (window), area);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.backbreath.ReferenceCircle",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
