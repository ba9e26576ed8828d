/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rib-painter.c: pixel measurements of the rib painter
 *
 * Every check draws with a test style whose parts are pure, distinct
 * colours, then measures where those colours land on an image surface.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <math.h>
#include <string.h>

#include "bb-rib-painter.h"

#define RED     0xff0000 /* bone */
#define GREEN   0x00ff00 /* outline */
#define BLUE    0x0000ff /* body */
#define YELLOW  0xffff00 /* accent */
#define CYAN    0x00ffff /* muted */
#define MAGENTA 0xff00ff /* warning */

/* Opaque, and none of the colours above. */
#define SENTINEL 0xff123456u

static void
test_style (BbRibStyle *style)
{
  *style = (BbRibStyle) {
    .body = { 0, 0, 1, 1 },
    .outline = { 0, 1, 0, 1 },
    .bone = { 1, 0, 0, 1 },
    .accent = { 1, 1, 0, 1 },
    .muted = { 0, 1, 1, 1 },
    .dark = FALSE,
    .warning = { 1, 0, 1, 1 },
  };
}

static cairo_surface_t *
render_fault (int        width,
              int        height,
              double     expansion,
              BbRibFault fault)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  BbRibStyle style;

  test_style (&style);
  style.fault = fault;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  bb_rib_painter_draw (cr, width, height, expansion, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static cairo_surface_t *
render (int    width,
        int    height,
        double expansion)
{
  return render_fault (width, height, expansion, BB_RIB_FAULT_NONE);
}

static inline guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p;

  /* ARGB32 pixels are native-endian 32-bit words, premultiplied. */
  memcpy (&p, data + (gsize) y * stride + (gsize) x * 4, sizeof p);
  return p;
}

/* True for an opaque pixel within tolerance of rgb in every channel. */
static inline gboolean
is_color (guint32 p,
          guint32 rgb)
{
  const int tolerance = 8;

  if ((p >> 24) != 0xff)
    return FALSE;
  for (int shift = 0; shift <= 16; shift += 8)
    {
      int a = (p >> shift) & 0xff, b = (rgb >> shift) & 0xff;

      if (ABS (a - b) > tolerance)
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  int min_x, max_x, min_y, max_y;
  int count;
} Extent;

/* Bounding box of the pixels of colour rgb inside [x0,x1) x [y0,y1). */
static Extent
color_extent (cairo_surface_t *surface,
              int              x0,
              int              y0,
              int              x1,
              int              y1,
              guint32          rgb)
{
  Extent e = { G_MAXINT, G_MININT, G_MAXINT, G_MININT, 0 };

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (is_color (pixel (surface, x, y), rgb))
        {
          e.min_x = MIN (e.min_x, x);
          e.max_x = MAX (e.max_x, x);
          e.min_y = MIN (e.min_y, y);
          e.max_y = MAX (e.max_y, y);
          e.count++;
        }

  return e;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int row = cairo_image_surface_get_width (a) * 4;

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));

  for (int y = 0; y < height; y++)
    if (memcmp (cairo_image_surface_get_data (a) + (gsize) y * cairo_image_surface_get_stride (a),
                cairo_image_surface_get_data (b) + (gsize) y * cairo_image_surface_get_stride (b),
                row) != 0)
      return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------------- */

static void
test_style_init (void)
{
  BbRibStyle light, dark, custom;
  BbRgba orange = { 1.0, 0.47, 0.0, 1.0 };

  bb_rib_style_init (&light, FALSE, NULL);
  bb_rib_style_init (&dark, TRUE, NULL);
  bb_rib_style_init (&custom, TRUE, &orange);

  g_assert_false (light.dark);
  g_assert_true (dark.dark);

  /* libadwaita blue: #3584e4 light, #78aeed dark */
  g_assert_cmpfloat_with_epsilon (light.accent.red, 0x35 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (light.accent.green, 0x84 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (light.accent.blue, 0xe4 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dark.accent.red, 0x78 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dark.accent.blue, 0xed / 255.0, 1e-9);
  g_assert_true (memcmp (&custom.accent, &orange, sizeof orange) == 0);

  /* Light draws a light body with a dark outline, dark the reverse. */
  g_assert_cmpfloat (light.body.red + light.body.green + light.body.blue, >,
                     light.outline.red + light.outline.green + light.outline.blue);
  g_assert_cmpfloat (dark.body.red + dark.body.green + dark.body.blue, <,
                     dark.outline.red + dark.outline.green + dark.outline.blue);

  for (int i = 0; i < 2; i++)
    {
      const BbRibStyle *s = i ? &dark : &light;
      const BbRgba *parts[] = { &s->body, &s->outline, &s->bone, &s->accent, &s->muted };

      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        {
          g_assert_cmpfloat (parts[k]->alpha, >, 0.0);
          g_assert_cmpfloat (parts[k]->alpha, <=, 1.0);
        }
    }
}

/* Horizontal extent of bone pixels in the rows of the rib cage. */
static int
rib_width (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  Extent e = color_extent (surface, 0, (int) (0.30 * h), w, (int) (0.81 * h), RED);

  g_assert_cmpint (e.count, >, 0);
  return e.max_x - e.min_x + 1;
}

static void
test_ribs_widen (void)
{
  const int size = 800;
  int widths[11];

  for (int i = 0; i <= 10; i++)
    {
      cairo_surface_t *surface = render (size, size, i / 10.0);

      widths[i] = rib_width (surface);
      cairo_surface_destroy (surface);

      g_test_message ("expansion %.1f: rib width %d px", i / 10.0, widths[i]);
      if (i > 0)
        g_assert_cmpint (widths[i], >, widths[i - 1]);
    }

  g_assert_cmpfloat ((double) widths[10], >=, 1.08 * widths[0]);
}

/* Leftmost and rightmost outline pixels in a band of rows. */
static Extent
outline_band (cairo_surface_t *surface,
              double           top,
              double           bottom)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);

  return color_extent (surface, 0, (int) (top * h), w, (int) (bottom * h), GREEN);
}

static void
test_flanks_widen (void)
{
  const int size = 800;
  cairo_surface_t *rest = render (size, size, 0.0);
  cairo_surface_t *full = render (size, size, 1.0);
  /* rows through the lower ribs */
  Extent a = outline_band (rest, 0.60, 0.70);
  Extent b = outline_band (full, 0.60, 0.70);

  g_assert_cmpint (a.count, >, 0);
  g_assert_cmpint (b.count, >, 0);
  g_assert_cmpint (a.min_x - b.min_x, >=, size / 80);
  g_assert_cmpint (b.max_x - a.max_x, >=, size / 80);

  cairo_surface_destroy (rest);
  cairo_surface_destroy (full);
}

static void
test_shoulders_still (void)
{
  const int size = 800;
  cairo_surface_t *rest = render (size, size, 0.0);
  cairo_surface_t *full = render (size, size, 1.0);
  Extent a, b;
  int columns = 0;

  /* The shoulder line: the topmost outline pixel in every column across
   * both shoulders. */
  for (int x = (int) (0.15 * size); x < (int) (0.85 * size); x++)
    {
      int top_rest = -1, top_full = -1;

      /* Skip the neck and head. */
      if (x > 0.42 * size && x < 0.58 * size)
        continue;

      for (int y = 0; y < size / 2 && (top_rest < 0 || top_full < 0); y++)
        {
          if (top_rest < 0 && is_color (pixel (rest, x, y), GREEN))
            top_rest = y;
          if (top_full < 0 && is_color (pixel (full, x, y), GREEN))
            top_full = y;
        }

      if (top_rest < 0 && top_full < 0)
        continue;
      g_assert_cmpint (top_rest, >=, 0);
      g_assert_cmpint (top_full, >=, 0);
      g_assert_cmpint (ABS (top_rest - top_full), <=, 1);
      columns++;
    }
  /* The measurement did see the shoulders. */
  g_assert_cmpint (columns, >, (int) (0.4 * size));

  /* Width across the shoulder caps and across the neck. */
  a = outline_band (rest, 0.28, 0.45);
  b = outline_band (full, 0.28, 0.45);
  g_assert_cmpint (ABS (a.min_x - b.min_x), <=, 1);
  g_assert_cmpint (ABS (a.max_x - b.max_x), <=, 1);

  a = outline_band (rest, 0.21, 0.24);
  b = outline_band (full, 0.21, 0.24);
  g_assert_cmpint (a.count, >, 0);
  g_assert_cmpint (ABS (a.min_x - b.min_x), <=, 1);
  g_assert_cmpint (ABS (a.max_x - b.max_x), <=, 1);

  cairo_surface_destroy (rest);
  cairo_surface_destroy (full);
}

static void
test_head_and_neck_identical (void)
{
  const int size = 400;
  cairo_surface_t *rest = render (size, size, 0.0);
  int stride = cairo_image_surface_get_stride (rest);

  /* Above the shoulder line nothing may change at all. */
  for (int i = 1; i <= 4; i++)
    {
      cairo_surface_t *other = render (size, size, i / 4.0);

      for (int y = 0; y < (int) (0.26 * size); y++)
        g_assert_true (memcmp (cairo_image_surface_get_data (rest) + y * stride,
                               cairo_image_surface_get_data (other) + y * stride,
                               size * 4) == 0);
      cairo_surface_destroy (other);
    }

  cairo_surface_destroy (rest);
}

/* Pixels where the accent has been mixed into the body: the glow. */
static int
glow_pixels (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int count = 0;

  for (int y = (int) (0.30 * h); y < (int) (0.85 * h); y++)
    for (int x = (int) (0.2 * w); x < (int) (0.75 * w); x++)
      {
        guint32 p = pixel (surface, x, y);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        /* yellow over blue mixes red and green equally */
        if ((p >> 24) == 0xff && r == g && r > 16 && b > 0)
          count++;
      }

  return count;
}

static void
test_glow (void)
{
  const int size = 400;
  int previous = 0;

  for (int i = 0; i <= 4; i++)
    {
      cairo_surface_t *surface = render (size, size, i / 4.0);
      int count = glow_pixels (surface);

      g_test_message ("expansion %.2f: %d glow pixels", i / 4.0, count);
      if (i == 0)
        g_assert_cmpint (count, ==, 0);
      else
        g_assert_cmpint (count, >, previous);
      previous = count;
      cairo_surface_destroy (surface);
    }

  /* At full expansion it covers a real part of the back. */
  g_assert_cmpint (previous, >, size * size / 50);
}

static void
test_cross_section (void)
{
  const int size = 800;
  cairo_surface_t *rest = render (size, size, 0.0);
  cairo_surface_t *full = render (size, size, 1.0);
  /* The cross-section sits in the lower right corner. */
  int x0 = (int) (0.74 * size), y0 = (int) (0.78 * size);
  Extent back_rest = color_extent (rest, x0, y0, size, size, YELLOW);
  Extent back_full = color_extent (full, x0, y0, size, size, YELLOW);
  Extent front_rest = color_extent (rest, x0, y0, size, size, CYAN);
  Extent front_full = color_extent (full, x0, y0, size, size, CYAN);

  g_assert_cmpint (back_rest.count, >, 0);
  g_assert_cmpint (front_rest.count, >, 0);

  /* Sides widen... */
  g_assert_cmpint ((back_full.max_x - back_full.min_x) - (back_rest.max_x - back_rest.min_x),
                   >=, size / 50);
  /* ...the back moves back (down, towards the viewer behind)... */
  g_assert_cmpint (back_full.max_y - back_rest.max_y, >=, size / 100);
  /* ...and the front stays where it is. */
  g_assert_cmpint (ABS (front_full.min_y - front_rest.min_y), <=, 1);

  cairo_surface_destroy (rest);
  cairo_surface_destroy (full);
}

static void
test_clamp (void)
{
  const int size = 300;
  cairo_surface_t *zero = render (size, size, 0.0);
  cairo_surface_t *one = render (size, size, 1.0);
  cairo_surface_t *half = render (size, size, 0.5);
  const double low[] = { NAN, -1.0, -1e-9, -INFINITY, -1e300 };
  const double high[] = { 2.0, 1.0 + 1e-9, INFINITY, 1e300 };

  /* The two ends really differ, so equality below means something. */
  g_assert_false (same_pixels (zero, one));
  g_assert_false (same_pixels (zero, half));

  for (guint i = 0; i < G_N_ELEMENTS (low); i++)
    {
      cairo_surface_t *s = render (size, size, low[i]);

      g_assert_true (same_pixels (s, zero));
      cairo_surface_destroy (s);
    }
  for (guint i = 0; i < G_N_ELEMENTS (high); i++)
    {
      cairo_surface_t *s = render (size, size, high[i]);

      g_assert_true (same_pixels (s, one));
      cairo_surface_destroy (s);
    }

  cairo_surface_destroy (zero);
  cairo_surface_destroy (one);
  cairo_surface_destroy (half);
}

/* Draws a width x height picture at (ox, oy) of a sentinel-filled surface
 * and checks that no pixel outside that rectangle changed. Returns how
 * many pixels inside did change. */
static int
draw_with_border (int    surface_width,
                  int    surface_height,
                  double device_scale,
                  double ox,
                  double oy,
                  int    width,
                  int    height,
                  double expansion)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  BbRibStyle style;
  int changed = 0;

  test_style (&style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, surface_width, surface_height);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  for (int y = 0; y < surface_height; y++)
    for (int x = 0; x < surface_width; x++)
      {
        guint32 sentinel = SENTINEL;

        memcpy (cairo_image_surface_get_data (surface)
                + (gsize) y * cairo_image_surface_get_stride (surface)
                + (gsize) x * 4, &sentinel, sizeof sentinel);
      }
  cairo_surface_mark_dirty (surface);
  cairo_surface_set_device_scale (surface, device_scale, device_scale);

  cr = cairo_create (surface);
  cairo_translate (cr, ox, oy);
  bb_rib_painter_draw (cr, width, height, expansion, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < surface_height; y++)
    for (int x = 0; x < surface_width; x++)
      {
        /* device pixel -> position in the picture's rectangle */
        double px = (x + 0.5) / device_scale - ox;
        double py = (y + 0.5) / device_scale - oy;
        gboolean inside = px >= 0 && py >= 0 && px < width && py < height;
        gboolean same = pixel (surface, x, y) == SENTINEL;

        if (!inside && !same)
          g_error ("pixel (%d,%d) outside the %dx%d rectangle at (%g,%g) changed",
                   x, y, width, height, ox, oy);
        if (inside && !same)
          changed++;
      }

  cairo_surface_destroy (surface);
  return changed;
}

static void
test_stays_inside (void)
{
  static const int sizes[][2] = {
    { 0, 0 }, { 1, 1 }, { 2, 3 }, { 7, 5 }, { 0, 50 }, { 50, 0 }, { -3, 20 }, { 20, -3 },
    { 64, 64 }, { 300, 120 }, { 120, 300 }, { 257, 211 },
  };
  static const double expansions[] = { NAN, -1.0, 0.0, 0.5, 1.0, 2.0 };
  const int border = 9;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint k = 0; k < G_N_ELEMENTS (expansions); k++)
      {
        int w = sizes[i][0], h = sizes[i][1];
        int changed = draw_with_border (MAX (w, 0) + 2 * border, MAX (h, 0) + 2 * border, 1.0,
                                        border, border, w, h, expansions[k]);

        if (w <= 0 || h <= 0)
          g_assert_cmpint (changed, ==, 0);
        else if (w >= 64 && h >= 64)
          g_assert_cmpint (changed, >, 0);
      }

  /* HiDPI, at a fractional origin. */
  for (guint k = 0; k < G_N_ELEMENTS (expansions); k++)
    {
      int changed = draw_with_border (2 * (150 + 2 * 5), 2 * (100 + 2 * 5), 2.0,
                                      5.5, 5.0, 150, 100, expansions[k]);
      g_assert_cmpint (changed, >, 0);
    }
}

static void
test_huge (void)
{
  const int size = 8000;
  const int window = 256;
  /* Corners and edge midpoints of the 8000x8000 rectangle. */
  static const double spots[][2] = {
    { 0, 0 }, { 0.5, 0 }, { 1, 0 }, { 0, 0.5 }, { 1, 0.5 }, { 0, 1 }, { 0.5, 1 }, { 1, 1 },
  };
  cairo_surface_t *recording;
  cairo_t *cr;
  BbRibStyle style;
  double x, y, w, h;

  /* The full call, recorded: every operation's extents, clip applied,
   * must lie inside the rectangle. */
  test_style (&style);
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  bb_rib_painter_draw (cr, size, size, 1.0, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  g_test_message ("8000x8000 ink extents: %g,%g %gx%g", x, y, w, h);
  g_assert_cmpfloat (w, >, size / 2);
  g_assert_cmpfloat (h, >, size / 2);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x + w, <=, size);
  g_assert_cmpfloat (y + h, <=, size);
  cairo_surface_destroy (recording);

  /* And rasterised: a window with a sentinel border around each corner
   * and edge of the real 8000x8000 picture. */
  for (guint i = 0; i < G_N_ELEMENTS (spots); i++)
    {
      double ox = window / 2 - spots[i][0] * size;
      double oy = window / 2 - spots[i][1] * size;
      int changed = draw_with_border (window, window, 1.0, ox, oy, size, size, 1.0);

      /* Where the torso runs into the bottom edge, there is ink right
       * up to the border, so this window shows the clip at work. */
      if (spots[i][0] == 0.5 && spots[i][1] == 1)
        g_assert_cmpint (changed, >, 0);
    }
}

static void
test_aspect (void)
{
  cairo_surface_t *square = render (200, 200, 0.6);
  cairo_surface_t *wide = render (400, 200, 0.6);
  cairo_surface_t *tall = render (200, 400, 0.6);

  /* The picture keeps its proportions and is centred: the wide and tall
   * ones are the square one, shifted, with nothing beside it. */
  for (int y = 0; y < 200; y++)
    for (int x = 0; x < 400; x++)
      {
        guint32 expected = x >= 100 && x < 300 ? pixel (square, x - 100, y) : 0;

        g_assert_cmphex (pixel (wide, x, y), ==, expected);
      }
  for (int y = 0; y < 400; y++)
    for (int x = 0; x < 200; x++)
      {
        guint32 expected = y >= 100 && y < 300 ? pixel (square, x, y - 100) : 0;

        g_assert_cmphex (pixel (tall, x, y), ==, expected);
      }

  cairo_surface_destroy (square);
  cairo_surface_destroy (wide);
  cairo_surface_destroy (tall);
}

static void
test_centred (void)
{
  cairo_surface_t *wide = render (500, 200, 0.3);
  cairo_surface_t *tall = render (200, 500, 0.3);
  Extent outline = color_extent (wide, 0, 0, 500, 200, GREEN);
  int first = -1, last = -1;

  /* The figure is symmetric, so its outline is centred in a wide box... */
  g_assert_cmpint (outline.count, >, 0);
  g_assert_cmpint (ABS (outline.min_x + outline.max_x - 500 + 1), <=, 2);

  /* ...and in a tall box, the picture fills the middle 200 rows. */
  for (int y = 0; y < 500; y++)
    for (int x = 0; x < 200; x++)
      if (pixel (tall, x, y) != 0)
        {
          if (first < 0)
            first = y;
          last = y;
        }
  g_assert_cmpint (first, >=, 150);
  g_assert_cmpint (first, <, 160);
  g_assert_cmpint (last, <, 350);
  g_assert_cmpint (last, >, 340);

  cairo_surface_destroy (wide);
  cairo_surface_destroy (tall);
}

static void
test_recording_replay (void)
{
  const int size = 300;
  cairo_surface_t *direct = render (size, size, 0.7);
  cairo_surface_t *recording, *replayed;
  cairo_t *cr;
  BbRibStyle style;

  /* Replaying a recording after the call has returned gives the same
   * picture: nothing recorded points into memory the painter has freed. */
  test_style (&style);
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  bb_rib_painter_draw (cr, size, size, 0.7, &style);
  cairo_destroy (cr);

  replayed = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (replayed);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (replayed);

  g_assert_true (same_pixels (direct, replayed));

  cairo_surface_destroy (direct);
  cairo_surface_destroy (recording);
  cairo_surface_destroy (replayed);
}

static void
test_state_restored (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 100);
  cairo_t *cr = cairo_create (surface);
  cairo_matrix_t before, after;
  double x0, y0, x1, y1;
  double r, g, b, a;
  BbRibStyle style;

  bb_rib_style_init (&style, TRUE, NULL);
  cairo_translate (cr, 3, 4);
  cairo_set_source_rgba (cr, 0.1, 0.2, 0.3, 0.4);
  cairo_set_line_width (cr, 7.0);
  cairo_set_tolerance (cr, 0.05);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_GRAY);
  cairo_get_matrix (cr, &before);

  bb_rib_painter_draw (cr, 100, 90, 0.5, &style);

  cairo_get_matrix (cr, &after);
  g_assert_true (memcmp (&before, &after, sizeof before) == 0);
  g_assert_cmpfloat (cairo_get_line_width (cr), ==, 7.0);
  g_assert_cmpfloat (cairo_get_tolerance (cr), ==, 0.05);
  g_assert_cmpint (cairo_get_antialias (cr), ==, CAIRO_ANTIALIAS_GRAY);
  g_assert_cmpint (cairo_get_line_cap (cr), ==, CAIRO_LINE_CAP_BUTT);
  g_assert_cmpint (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a),
                   ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat (a, ==, 0.4);
  g_assert_false (cairo_has_current_point (cr));
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  g_assert_cmpfloat (x0, ==, -3);
  g_assert_cmpfloat (y0, ==, -4);
  g_assert_cmpfloat (x1, ==, 117);
  g_assert_cmpfloat (y1, ==, 96);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

typedef enum
{
  DRAW_FULL,
  DRAW_STATIC,
  DRAW_MOVING,
  DRAW_STATIC_THEN_MOVING,
} DrawMode;

/* Draws onto a sentinel-filled surface, so that untouched pixels show. */
static cairo_surface_t *
render_mode (int      width,
             int      height,
             double   scale,
             double   expansion,
             DrawMode mode)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  BbRibStyle style;

  test_style (&style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, 0x12 / 255.0, 0x34 / 255.0, 0x56 / 255.0, 1.0);
  cairo_paint (cr);

  if (mode == DRAW_FULL)
    bb_rib_painter_draw (cr, width, height, expansion, &style);
  if (mode == DRAW_STATIC || mode == DRAW_STATIC_THEN_MOVING)
    bb_rib_painter_draw_static (cr, width, height, &style);
  if (mode == DRAW_MOVING || mode == DRAW_STATIC_THEN_MOVING)
    bb_rib_painter_draw_moving (cr, width, height, expansion, &style);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
in_area (const cairo_rectangle_int_t *area,
         double                       x,
         double                       y)
{
  return x >= area->x && y >= area->y && x < area->x + area->width && y < area->y + area->height;
}

/* Whether two pixels differ by at most tolerance in every channel. */
static gboolean
close_pixels (guint32 a,
              guint32 b,
              int     tolerance)
{
  for (int shift = 0; shift <= 24; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

static void
test_layers (void)
{
  static const int sizes[][2] = { { 400, 400 }, { 776, 352 }, { 257, 311 }, { 64, 40 } };
  static const double expansions[] = { 0.3, 0.77, 1.0 };
  static const double scales[] = { 1.0, 2.0 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
      {
        int w = sizes[i][0], h = sizes[i][1];
        double scale = scales[s];
        cairo_rectangle_int_t area, edge;
        cairo_surface_t *still = render_mode (w, h, scale, 0.0, DRAW_STATIC);
        cairo_surface_t *rest = render_mode (w, h, scale, 0.0, DRAW_FULL);

        bb_rib_painter_get_moving_area (w, h, &area);
        g_assert_cmpint (area.width, >, 0);
        g_assert_cmpint (area.height, >, 0);
        g_assert_cmpint (area.x, >=, 0);
        g_assert_cmpint (area.y, >, 0);  /* the head stays out of it */
        g_assert_cmpint (area.x + area.width, <=, w);
        g_assert_cmpint (area.y + area.height, <=, h);

        /* Device pixels on either side of the area's edge: cairo
         * rasterises a shape that a clip cuts a little differently. */
        edge = (cairo_rectangle_int_t) { area.x * scale - 1, area.y * scale - 1,
                                         area.width * scale + 2, area.height * scale + 2 };

        for (guint k = 0; k < G_N_ELEMENTS (expansions); k++)
          {
            cairo_surface_t *full = render_mode (w, h, scale, expansions[k], DRAW_FULL);
            cairo_surface_t *moving = render_mode (w, h, scale, expansions[k], DRAW_MOVING);
            cairo_surface_t *both = render_mode (w, h, scale, expansions[k], DRAW_STATIC_THEN_MOVING);
            int near_edge = 0;

            for (int y = 0; y < h * scale; y++)
              for (int x = 0; x < w * scale; x++)
                {
                  gboolean inside = in_area (&area, (x + 0.5) / scale, (y + 0.5) / scale);
                  gboolean on_edge = (x == edge.x || x == edge.x + 1 ||
                                      x == edge.x + edge.width - 2 || x == edge.x + edge.width - 1 ||
                                      y == edge.y || y == edge.y + 1 ||
                                      y == edge.y + edge.height - 2 || y == edge.y + edge.height - 1);

                  /* Each layer keeps to its side of the moving area... */
                  if (inside)
                    g_assert_cmphex (pixel (still, x, y), ==, SENTINEL);
                  else
                    g_assert_cmphex (pixel (moving, x, y), ==, SENTINEL);

                  /* ...outside it the picture is the same at every
                   * expansion... */
                  if (!inside)
                    g_assert_cmphex (pixel (full, x, y), ==, pixel (rest, x, y));

                  /* ...and together they make the whole picture. */
                  if (pixel (both, x, y) != pixel (full, x, y))
                    {
                      g_assert_true (on_edge);
                      g_assert_true (close_pixels (pixel (both, x, y), pixel (full, x, y), 16));
                      near_edge++;
                    }
                }

            g_assert_cmpint (near_edge, <=, 4);
            cairo_surface_destroy (full);
            cairo_surface_destroy (moving);
            cairo_surface_destroy (both);
          }

        cairo_surface_destroy (still);
        cairo_surface_destroy (rest);
      }
}

static void
test_motion (void)
{
  const int size = 400;
  cairo_surface_t *a = render (size, size, 0.5);
  cairo_surface_t *b = render (size, size, 0.5 + 0.5 / bb_rib_painter_get_motion (size, size, 0, 1));
  double quarter = bb_rib_painter_get_motion (size, size, 0.25, 0.5);

  g_assert_cmpfloat (bb_rib_painter_get_motion (size, size, 0.3, 0.3), ==, 0.0);
  g_assert_cmpfloat (bb_rib_painter_get_motion (0, size, 0.0, 1.0), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (bb_rib_painter_get_motion (size, size, 0.5, 0.25), quarter, 1e-9);
  g_assert_cmpfloat_with_epsilon (bb_rib_painter_get_motion (2 * size, size, 0.25, 0.5), quarter, 1e-9);
  g_assert_cmpfloat_with_epsilon (bb_rib_painter_get_motion (2 * size, 2 * size, 0.25, 0.5), 2 * quarter, 1e-9);
  g_assert_cmpfloat (bb_rib_painter_get_motion (size, size, -1, NAN), ==, 0.0);
  g_assert_cmpfloat (bb_rib_painter_get_motion (size, size, 1, 2), ==, 0.0);

  /* The widest rib really travels that far: one expansion step worth
   * half a unit of motion moves its tip by at most a pixel. */
  g_assert_cmpint (ABS (rib_width (a) - rib_width (b)), <=, 1);
  g_assert_cmpfloat (bb_rib_painter_get_motion (size, size, 0, 1), >, 0.04 * size);
  g_assert_cmpfloat (bb_rib_painter_get_motion (size, size, 0, 1), <, 0.06 * size);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_empty_clears_path (void)
{
  static const int sizes[][2] = { { 0, 0 }, { 0, 10 }, { 10, 0 }, { -1, 10 } };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  BbRibStyle style;

  bb_rib_style_init (&style, FALSE, NULL);

  /* The header promises a cleared path at every size, even when there
   * is nothing to draw. */
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_path_t *path;

      cairo_rectangle (cr, 1, 1, 5, 5);
      bb_rib_painter_draw (cr, sizes[i][0], sizes[i][1], 0.5, &style);
      g_assert_false (cairo_has_current_point (cr));
      path = cairo_copy_path (cr);
      g_assert_cmpint (path->num_data, ==, 0);
      cairo_path_destroy (path);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_null_arguments (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  BbRibStyle style;

  bb_rib_style_init (&style, FALSE, NULL);

  g_test_expect_message ("Backbreath", G_LOG_LEVEL_CRITICAL, "*cr != NULL*");
  bb_rib_painter_draw (NULL, 10, 10, 0.0, &style);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Backbreath", G_LOG_LEVEL_CRITICAL, "*style != NULL*");
  bb_rib_painter_draw (cr, 10, 10, 0.0, NULL);
  g_test_assert_expected_messages ();

  g_test_expect_message ("Backbreath", G_LOG_LEVEL_CRITICAL, "*style != NULL*");
  bb_rib_style_init (NULL, FALSE, NULL);
  g_test_assert_expected_messages ();

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---------------------------------------------------------------------- */
/* Faults                                                                  */

/* The topmost outline pixel of column x, above the middle. */
static int
outline_top (cairo_surface_t *surface,
             int              x)
{
  int h = cairo_image_surface_get_height (surface);

  for (int y = 0; y < h / 2; y++)
    if (is_color (pixel (surface, x, y), GREEN))
      return y;

  return -1;
}

/* The mean height of the shoulder line, over both trapezius slopes. */
static double
shoulder_line (cairo_surface_t *surface)
{
  int size = cairo_image_surface_get_width (surface);
  int sum = 0, n = 0;

  for (int x = (int) (0.20 * size); x < (int) (0.80 * size); x++)
    {
      int top;

      if (x > 0.40 * size && x < 0.60 * size)
        continue;
      top = outline_top (surface, x);
      g_assert_cmpint (top, >=, 0);
      sum += top;
      n++;
    }

  return (double) sum / n;
}

static void
test_faults_same_at_rest (void)
{
  cairo_surface_t *right = render (400, 400, 0.0);

  /* At rest the three pictures are one: only the breath tells them
   * apart. */
  for (BbRibFault fault = BB_RIB_FAULT_SHOULDERS; fault <= BB_RIB_FAULT_BELLY; fault++)
    {
      cairo_surface_t *wrong = render_fault (400, 400, 0.0, fault);

      g_assert_true (same_pixels (right, wrong));
      cairo_surface_destroy (wrong);
    }

  cairo_surface_destroy (right);
}

static void
test_right_way_unmarked (void)
{
  const int size = 400;
  BbRibStyle style;

  /* bb_rib_style_init() gives the right way, as the session draws it. */
  bb_rib_style_init (&style, FALSE, NULL);
  g_assert_cmpint (style.fault, ==, BB_RIB_FAULT_NONE);
  bb_rib_style_init (&style, TRUE, NULL);
  g_assert_cmpint (style.fault, ==, BB_RIB_FAULT_NONE);

  /* The right way shows no warning marks at any expansion, and each
   * fault does at full breath. */
  for (int i = 0; i <= 4; i++)
    {
      cairo_surface_t *surface = render (size, size, i / 4.0);

      g_assert_cmpint (color_extent (surface, 0, 0, size, size, MAGENTA).count, ==, 0);
      cairo_surface_destroy (surface);
    }

  for (BbRibFault fault = BB_RIB_FAULT_SHOULDERS; fault <= BB_RIB_FAULT_BELLY; fault++)
    {
      cairo_surface_t *surface = render_fault (size, size, 1.0, fault);

      g_assert_cmpint (color_extent (surface, 0, 0, size, size, MAGENTA).count, >, 20);
      cairo_surface_destroy (surface);
    }
}

static void
test_shoulders_rise (void)
{
  const int size = 800;
  cairo_surface_t *rest = render (size, size, 0.0);
  cairo_surface_t *right = render (size, size, 1.0);
  cairo_surface_t *wrong = render_fault (size, size, 1.0, BB_RIB_FAULT_SHOULDERS);
  cairo_surface_t *half = render_fault (size, size, 0.5, BB_RIB_FAULT_SHOULDERS);
  Extent ribs_rest, ribs_right, ribs_wrong;

  /* The right way keeps the shoulder line; the fault lifts it toward the
   * ears, and further the fuller the breath. */
  g_assert_cmpfloat (fabs (shoulder_line (right) - shoulder_line (rest)), <=, 1.0);
  g_assert_cmpfloat (shoulder_line (rest) - shoulder_line (half), >=, size * 0.015);
  g_assert_cmpfloat (shoulder_line (half) - shoulder_line (wrong), >=, size * 0.015);

  /* The ribs barely widen: far less than the right way. */
  ribs_rest = color_extent (rest, 0, (int) (0.60 * size), size, (int) (0.72 * size), RED);
  ribs_right = color_extent (right, 0, (int) (0.60 * size), size, (int) (0.72 * size), RED);
  ribs_wrong = color_extent (wrong, 0, (int) (0.60 * size), size, (int) (0.72 * size), RED);
  g_assert_cmpint (ribs_wrong.max_x - ribs_wrong.min_x, <, ribs_right.max_x - ribs_right.min_x - size / 80);
  g_assert_cmpint (ribs_wrong.max_x - ribs_wrong.min_x, >=, ribs_rest.max_x - ribs_rest.min_x);

  cairo_surface_destroy (rest);
  cairo_surface_destroy (right);
  cairo_surface_destroy (wrong);
  cairo_surface_destroy (half);
}

static void
test_belly_pushes (void)
{
  const int size = 800;
  cairo_surface_t *rest = render (size, size, 0.0);
  cairo_surface_t *right = render (size, size, 1.0);
  cairo_surface_t *wrong = render_fault (size, size, 1.0, BB_RIB_FAULT_BELLY);
  Extent a, b, c;

  /* Across the lower ribs the left flank stays where it was at rest,
   * well inside the right way's. (The right flank is measured by the
   * other tests; here the cross-section sits beside it.) */
  a = color_extent (rest, 0, (int) (0.58 * size), size / 2, (int) (0.64 * size), GREEN);
  b = color_extent (right, 0, (int) (0.58 * size), size / 2, (int) (0.64 * size), GREEN);
  c = color_extent (wrong, 0, (int) (0.58 * size), size / 2, (int) (0.64 * size), GREEN);
  g_assert_cmpint (a.count, >, 0);
  g_assert_cmpint (c.min_x, >, b.min_x + size / 80);
  g_assert_cmpint (ABS (c.min_x - a.min_x), <=, size / 200);

  /* Across the waist it bulges, beyond the right way's. */
  a = color_extent (rest, 0, (int) (0.77 * size), size / 2, (int) (0.84 * size), GREEN);
  b = color_extent (right, 0, (int) (0.77 * size), size / 2, (int) (0.84 * size), GREEN);
  c = color_extent (wrong, 0, (int) (0.77 * size), size / 2, (int) (0.84 * size), GREEN);
  g_assert_cmpint (a.count, >, 0);
  g_assert_cmpint (c.min_x, <, b.min_x - size / 80);
  g_assert_cmpint (c.min_x, <, a.min_x - size / 40);

  /* In the cross-section the front pushes forward, in the warning colour;
   * the right way's front stays still and muted. */
  a = color_extent (rest, (int) (0.75 * size), (int) (0.74 * size), size, size, CYAN);
  b = color_extent (right, (int) (0.75 * size), (int) (0.74 * size), size, size, CYAN);
  c = color_extent (wrong, (int) (0.75 * size), (int) (0.74 * size), size, size, MAGENTA);
  g_assert_cmpint (a.count, >, 0);
  g_assert_cmpint (ABS (a.min_y - b.min_y), <=, 1);
  g_assert_cmpint (c.count, >, 0);
  g_assert_cmpint (c.min_y, <, a.min_y - size / 100);

  cairo_surface_destroy (rest);
  cairo_surface_destroy (right);
  cairo_surface_destroy (wrong);
}

static void
test_fault_layers (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  BbRibStyle style;

  /* The still part of a fault is not still: it must be drawn whole. */
  test_style (&style);
  style.fault = BB_RIB_FAULT_SHOULDERS;
  g_test_expect_message ("Backbreath", G_LOG_LEVEL_CRITICAL, "*BB_RIB_FAULT_NONE*");
  bb_rib_painter_draw_static (cr, 10, 10, &style);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Backbreath", G_LOG_LEVEL_CRITICAL, "*BB_RIB_FAULT_NONE*");
  bb_rib_painter_draw_moving (cr, 10, 10, 0.5, &style);
  g_test_assert_expected_messages ();

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---------------------------------------------------------------------- */

/* Where the waist fades into the bottom edge (FADE_TOP, 84 design units)
 * there must be no seam: at full screen an edge across the waist, or a
 * step in the outline, shows at once. Measured at 10 pixels a unit, from
 * above the fade to near its end, where little is left to measure. */
#define SEAM_SIZE 1000
#define SEAM_Y0    800
#define SEAM_Y1    940
#define SEAM_STEP    4

static int
channel (guint32 p,
         int     shift)
{
  return (p >> shift) & 0xff;
}

/* As GTK draws a widget at a fractional position: its surface has a
 * device offset that is not a whole pixel. */
static cairo_surface_t *
render_offset (int    size,
               double expansion,
               double offset,
               int    scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr;
  BbRibStyle style;

  test_style (&style);
  cairo_surface_set_device_scale (surface, scale, scale);
  cairo_surface_set_device_offset (surface, offset, offset);
  cr = cairo_create (surface);
  cairo_translate (cr, -offset / scale, -offset / scale);
  bb_rib_painter_draw (cr, size / scale, size / scale, expansion, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
test_waist_no_seam (void)
{
  /* Plain, at a fractional offset, and on a scale 2 display. */
  for (guint i = 0; i < 9; i++)
    {
      double e = (i % 3) / 2.0;
      cairo_surface_t *surface = i < 3 ? render (SEAM_SIZE, SEAM_SIZE, e)
                                       : render_offset (SEAM_SIZE, e, 0.4, i < 6 ? 1 : 2);

      /* Down the body left and right of the spine, between the ribs'
       * ends and the outline, no row differs much from the one above:
       * the smooth fade moves a channel by 2 or 3 a row. */
      for (int x = 340; x <= 660; x += 40)
        {
          if (x > 480 && x < 520)
            continue;
          for (int y = SEAM_Y0; y < SEAM_Y1; y++)
            for (int shift = 0; shift <= 24; shift += 8)
              {
                int jump = ABS (channel (pixel (surface, x, y + 1), shift) -
                                channel (pixel (surface, x, y), shift));

                if (jump > 6)
                  g_error ("At expansion %g, a seam at (%d, %d): a channel jumps by %d",
                           e, x, y, jump);
              }
        }

      cairo_surface_destroy (surface);
    }
}

static void
test_waist_outline_smooth (void)
{
  for (double e = 0.0; e <= 1.0; e += 0.5)
    {
      cairo_surface_t *surface = render (SEAM_SIZE, SEAM_SIZE, e);
      double centre[SEAM_Y1 - SEAM_Y0];

      for (int y = SEAM_Y0; y < SEAM_Y1; y++)
        {
          /* The right outline, between the spine and the cross-section.
           * Its width is its green over the row's opacity, which the
           * fade lowers in body and outline alike. */
          double sum = 0.0, moment = 0.0, opacity = 0.0, width;

          for (int x = 600; x < 770; x++)
            {
              guint32 p = pixel (surface, x, y);
              double green = channel (p, 8);

              opacity = MAX (opacity, channel (p, 24));
              sum += green;
              moment += green * x;
            }
          g_assert_cmpfloat (opacity, >, 0.0);
          g_assert_cmpfloat (sum, >, 0.0);
          width = sum / opacity;
          centre[y - SEAM_Y0] = moment / sum;

          /* 0.75 units wide, 7.5 pixels, a little more where it slants. */
          if (width < 6.5 || width > 9.0)
            g_error ("At expansion %g, the outline is %g pixels wide on row %d",
                     e, width, y);
        }

      /* No step or kink: the outline's path bends only gently. Over
       * a few rows, so that the antialiasing's jitter of a tenth of a
       * pixel does not count. */
      for (int i = SEAM_STEP; i < SEAM_Y1 - SEAM_Y0 - SEAM_STEP; i++)
        {
          double bend = centre[i + SEAM_STEP] - 2 * centre[i] + centre[i - SEAM_STEP];

          if (fabs (bend) > 1.5)
            g_error ("At expansion %g, the outline bends by %g pixels on row %d",
                     e, bend, SEAM_Y0 + i);
        }

      cairo_surface_destroy (surface);
    }
}

/* The cross-section's area holds every pixel of it, at rest, at full
 * breath and with the belly pushing it forward, and nothing of the
 * torso; a tooltip there speaks of the cross-section alone. */
static void
test_cross_section_area (void)
{
  static const int sizes[][2] = { { 400, 400 }, { 640, 300 }, { 300, 500 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int width = sizes[s][0], height = sizes[s][1];
      int size = MIN (width, height);
      int ox = (width - size) / 2, oy = (height - size) / 2;
      cairo_rectangle_int_t area;

      bb_rib_painter_get_cross_section_area (width, height, &area);
      g_assert_cmpint (area.width, >, 0);
      g_assert_cmpint (area.height, >, 0);
      /* In the lower right corner of the drawing, left of it the waist. */
      g_assert_cmpint (area.x, >, ox + size * 3 / 4);
      g_assert_cmpint (area.y, >, oy + size * 3 / 4);
      g_assert_cmpint (area.x + area.width, <=, ox + size);
      g_assert_cmpint (area.y + area.height, <=, oy + size);

      for (int f = BB_RIB_FAULT_NONE; f <= BB_RIB_FAULT_BELLY; f++)
        for (double e = 0.0; e <= 1.0; e += 0.5)
          {
            cairo_surface_t *surface = render_fault (width, height, e, f);

            /* Right of the torso's waist and below the lowest rib,
             * everything drawn lies in the area. */
            for (int y = oy + size * 79 / 100; y < oy + size; y++)
              for (int x = ox + size * 78 / 100; x < ox + size; x++)
                if ((pixel (surface, x, y) >> 24) != 0 &&
                    (x < area.x || x >= area.x + area.width ||
                     y < area.y || y >= area.y + area.height))
                  g_error ("At %dx%d, fault %d, expansion %g: (%d, %d) is drawn outside the cross-section's area",
                           width, height, f, e, x, y);

            cairo_surface_destroy (surface);
          }
    }

  {
    cairo_rectangle_int_t area = { 1, 2, 3, 4 };

    bb_rib_painter_get_cross_section_area (0, 10, &area);
    g_assert_cmpint (area.width, ==, 0);
    g_assert_cmpint (area.height, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rib-painter/style-init", test_style_init);
  g_test_add_func ("/rib-painter/ribs-widen", test_ribs_widen);
  g_test_add_func ("/rib-painter/flanks-widen", test_flanks_widen);
  g_test_add_func ("/rib-painter/shoulders-still", test_shoulders_still);
  g_test_add_func ("/rib-painter/head-and-neck-identical", test_head_and_neck_identical);
  g_test_add_func ("/rib-painter/glow", test_glow);
  g_test_add_func ("/rib-painter/cross-section", test_cross_section);
  g_test_add_func ("/rib-painter/clamp", test_clamp);
  g_test_add_func ("/rib-painter/stays-inside", test_stays_inside);
  g_test_add_func ("/rib-painter/huge", test_huge);
  g_test_add_func ("/rib-painter/aspect", test_aspect);
  g_test_add_func ("/rib-painter/centred", test_centred);
  g_test_add_func ("/rib-painter/recording-replay", test_recording_replay);
  g_test_add_func ("/rib-painter/state-restored", test_state_restored);
  g_test_add_func ("/rib-painter/layers", test_layers);
  g_test_add_func ("/rib-painter/motion", test_motion);
  g_test_add_func ("/rib-painter/empty-clears-path", test_empty_clears_path);
  g_test_add_func ("/rib-painter/null-arguments", test_null_arguments);
  g_test_add_func ("/rib-painter/faults-same-at-rest", test_faults_same_at_rest);
  g_test_add_func ("/rib-painter/right-way-unmarked", test_right_way_unmarked);
  g_test_add_func ("/rib-painter/shoulders-rise", test_shoulders_rise);
  g_test_add_func ("/rib-painter/belly-pushes", test_belly_pushes);
  g_test_add_func ("/rib-painter/fault-layers", test_fault_layers);
  g_test_add_func ("/rib-painter/waist-no-seam", test_waist_no_seam);
  g_test_add_func ("/rib-painter/waist-outline-smooth", test_waist_outline_smooth);
  g_test_add_func ("/rib-painter/cross-section-area", test_cross_section_area);

  return g_test_run ();
}
