/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rib-painter-preview: writes PNGs of the rib painter to look at.
 *
 * Usage: rib-painter-preview [OUTPUT-PREFIX] [SIZE] [SCALE]
 * Writes PREFIX-{light,dark}-{0,1}.png and PREFIX-strip-{light,dark}.png
 * (expansion 0, 0.25, ... 1 side by side) on a window-coloured background,
 * at SIZE logical pixels (default 400) and device scale SCALE (default 2).
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdlib.h>

#include "bb-rib-painter.h"

static void
fill_window (cairo_t  *cr,
             gboolean  dark)
{
  /* libadwaita window backgrounds */
  if (dark)
    cairo_set_source_rgb (cr, 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0);
  else
    cairo_set_source_rgb (cr, 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0);
  cairo_paint (cr);
}

static void
write_png (const char *path,
           int         width,
           int         height,
           double      scale,
           int         n,
           gboolean    dark)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  BbRibStyle style;

  bb_rib_style_init (&style, dark, NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) (width * n * scale),
                                        (int) (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  fill_window (cr, dark);

  for (int i = 0; i < n; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, i * width, 0);
      bb_rib_painter_draw (cr, width, height, n == 1 ? 0.0 : (double) i / (n - 1), &style);
      cairo_restore (cr);
    }

  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  g_print ("%s\n", path);
}

static void
write_single (const char *prefix,
              int         size,
              double      scale,
              gboolean    dark,
              double      expansion)
{
  g_autofree char *path = g_strdup_printf ("%s-%s-%g.png", prefix,
                                           dark ? "dark" : "light", expansion);
  cairo_surface_t *surface;
  cairo_t *cr;
  BbRibStyle style;

  bb_rib_style_init (&style, dark, NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) (size * scale), (int) (size * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  fill_window (cr, dark);
  bb_rib_painter_draw (cr, size, size, expansion, &style);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  g_print ("%s\n", path);
}

int
main (int   argc,
      char *argv[])
{
  const char *prefix = argc > 1 ? argv[1] : "/tmp/rib";
  int size = argc > 2 ? atoi (argv[2]) : 400;
  double scale = argc > 3 ? g_ascii_strtod (argv[3], NULL) : 2.0;

  for (int dark = 0; dark <= 1; dark++)
    {
      g_autofree char *strip = g_strdup_printf ("%s-strip-%s.png", prefix,
                                                dark ? "dark" : "light");

      write_single (prefix, size, scale, dark, 0.0);
      write_single (prefix, size, scale, dark, 1.0);
      write_png (strip, size / 2, size / 2, scale, 5, dark);
    }

  return EXIT_SUCCESS;
}
