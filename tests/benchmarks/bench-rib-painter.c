/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-rib-painter: per-frame cost of the rib painter on an image surface.
 *
 * Draws a breathing sweep (expansion 0 -> 1 -> 0) at a few sizes and prints
 * mean and p99 milliseconds per frame: the whole picture as
 * bb_rib_painter_draw() paints it, and the moving part alone as the rib
 * view paints it each frame. Beside each, the reference circle of
 * ../shared/bench/REFERENCE.md drawn on the same surface size, frame for
 * frame in turn with the painter, so that the ratio holds on a busy
 * machine even when the milliseconds do not. It reports and always exits
 * 0: benchmarks on shared machines must not flake a test run.
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

typedef enum
{
  DRAW_FULL,
  DRAW_MOVING,
  DRAW_CIRCLE,
  N_DRAWS
} Draw;

typedef struct
{
  double mean;
  double p99;
} Figures;

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

/* The reference's draw function, on the same sweep. */
static void
draw_circle (cairo_t *cr,
             int      width,
             int      height,
             double   e)
{
  double r = MIN (width, height) * (0.2 + 0.2 * e);

  cairo_set_source_rgb (cr, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
  cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
  cairo_fill (cr);
}

static double
draw_frame (cairo_t          *cr,
            cairo_surface_t  *surface,
            const Size       *size,
            Draw              draw,
            double            e,
            const BbRibStyle *style)
{
  gint64 start = g_get_monotonic_time ();

  /* Clear like a widget's fresh frame would be. */
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_restore (cr);

  switch (draw)
    {
    case DRAW_FULL:
      bb_rib_painter_draw (cr, size->width, size->height, e, style);
      break;
    case DRAW_MOVING:
      bb_rib_painter_draw_moving (cr, size->width, size->height, e, style);
      break;
    case DRAW_CIRCLE:
    case N_DRAWS:
    default:
      draw_circle (cr, size->width, size->height, e);
      break;
    }
  cairo_surface_flush (surface);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
figures (double  *times,
         Figures *out)
{
  double total = 0;

  for (int i = 0; i < FRAMES; i++)
    total += times[i];
  qsort (times, FRAMES, sizeof times[0], compare_double);

  out->mean = total / FRAMES;
  out->p99 = times[(int) ceil (0.99 * FRAMES) - 1];
}

static void
run (const Size       *size,
     const BbRibStyle *style,
     Figures           out[N_DRAWS])
{
  static double times[N_DRAWS][FRAMES];
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size->width, size->height);
  cr = cairo_create (surface);

  /* Frame for frame in turn, so that a busy moment weighs on all three. */
  for (int i = 0; i < WARMUP_FRAMES + FRAMES; i++)
    for (Draw draw = 0; draw < N_DRAWS; draw++)
      {
        double ms = draw_frame (cr, surface, size, draw, sweep (i), style);

        if (i >= WARMUP_FRAMES)
          times[draw][i - WARMUP_FRAMES] = ms;
      }

  g_assert (cairo_status (cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  for (Draw draw = 0; draw < N_DRAWS; draw++)
    figures (times[draw], &out[draw]);

  g_print ("rib-painter %dx%d: whole picture mean %.2f ms, p99 %.2f ms; "
           "moving part mean %.2f ms, p99 %.2f ms; "
           "reference circle mean %.3f ms, p99 %.3f ms (%d frames each)\n",
           size->width, size->height,
           out[DRAW_FULL].mean, out[DRAW_FULL].p99,
           out[DRAW_MOVING].mean, out[DRAW_MOVING].p99,
           out[DRAW_CIRCLE].mean, out[DRAW_CIRCLE].p99, FRAMES);
  g_print ("rib-painter %dx%d: against the circle, whole picture %.1fx, moving part %.1fx\n",
           size->width, size->height,
           out[DRAW_FULL].mean / out[DRAW_CIRCLE].mean,
           out[DRAW_MOVING].mean / out[DRAW_CIRCLE].mean);
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
      Figures out[N_DRAWS];

      run (&sizes[i], &style, out);
      if (sizes[i].width == 800 && sizes[i].height == 800)
        mean_800 = out[DRAW_FULL].mean;
    }

  g_print ("target mean <= %.0f ms at 800x800: %s\n",
           TARGET_MS, mean_800 <= TARGET_MS ? "met" : "NOT met");

  return EXIT_SUCCESS;
}
