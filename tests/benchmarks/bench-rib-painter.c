/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-rib-painter: per-frame cost of the rib painter on an image surface.
 *
 * Draws a breathing sweep (expansion 0 -> 1 -> 0) at a few sizes and prints
 * mean and p99 milliseconds per frame. It reports and always exits 0:
 * benchmarks on shared machines must not flake a test run.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <math.h>
#include <stdlib.h>

#include "bb-rib-painter.h"

#define WARMUP_FRAMES 30
#define FRAMES       300
#define TARGET_MS    2.0

typedef struct
{
  int width;
  int height;
} Size;

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
sweep (int frame)
{
  /* One slow breath in and out over the run, like the real animation. */
  return 0.5 - 0.5 * cos (2 * G_PI * frame / (double) FRAMES);
}

static void
run (const Size       *size,
     const BbRibStyle *style,
     double           *mean_out)
{
  static double times[FRAMES];
  cairo_surface_t *surface;
  cairo_t *cr;
  double total = 0;
  int p99_index;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size->width, size->height);
  cr = cairo_create (surface);

  for (int i = 0; i < WARMUP_FRAMES + FRAMES; i++)
    {
      gint64 start, end;

      start = g_get_monotonic_time ();
      /* Clear like a widget's fresh frame would be. */
      cairo_save (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_restore (cr);
      bb_rib_painter_draw (cr, size->width, size->height, sweep (i), style);
      cairo_surface_flush (surface);
      end = g_get_monotonic_time ();

      if (i >= WARMUP_FRAMES)
        {
          times[i - WARMUP_FRAMES] = (end - start) / 1000.0;
          total += times[i - WARMUP_FRAMES];
        }
    }

  g_assert (cairo_status (cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  qsort (times, FRAMES, sizeof times[0], compare_double);
  p99_index = (int) ceil (0.99 * FRAMES) - 1;

  *mean_out = total / FRAMES;
  g_print ("rib-painter %dx%d: mean %.2f ms, p99 %.2f ms (%d frames)\n",
           size->width, size->height, *mean_out, times[p99_index], FRAMES);
}

int
main (void)
{
  static const Size sizes[] = { { 400, 400 }, { 800, 800 }, { 1920, 1080 } };
  BbRibStyle style;
  double mean_800 = 0;

  bb_rib_style_init (&style, FALSE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      double mean;

      run (&sizes[i], &style, &mean);
      if (sizes[i].width == 800 && sizes[i].height == 800)
        mean_800 = mean;
    }

  g_print ("target mean <= %.0f ms at 800x800: %s\n",
           TARGET_MS, mean_800 <= TARGET_MS ? "met" : "NOT met");

  return EXIT_SUCCESS;
}
