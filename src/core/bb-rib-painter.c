/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bb-rib-painter.c: pure Cairo drawing of the back and rib cage
 *
 * A stylised back view of the upper torso. On the in-breath the ribs swing
 * out and up like bucket handles, the flanks widen and a soft glow spreads
 * over the back ribs, while the neck and shoulder line stay exactly where
 * they are. A small top-down cross-section in the corner shows the back and
 * sides widening while the front stays still.
 *
 * The same picture can show the two common faults instead. With the
 * shoulders rising, the neck and shoulder line lift toward the ears while
 * the ribs barely move; with the belly pushing, the ribs stay narrow, the
 * waist bulges and the cross-section's front pushes forward. Marks in the
 * warning colour point where the breath goes. At rest all three are the
 * same picture.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#ifndef G_LOG_DOMAIN
#define G_LOG_DOMAIN "Backbreath"
#endif

#include <math.h>

#include "bb-rib-painter.h"

/* All geometry lives in a BOX x BOX design square, scaled uniformly into the
 * target rectangle, so proportions never depend on the widget size. x is
 * mostly given as an offset from the spine (MID), mirrored for the left. */
#define BOX 100.0
#define MID 50.0

#define N_RIBS       8
#define N_VERTEBRAE 14

/* Cross-section placement, in the lower right corner beside the waist. */
#define XS_CX 87.5
#define XS_CY 88.0

typedef struct
{
  double x, y;
} Pt;

typedef struct
{
  Pt p0, c1, c2, p3;
} Cubic;

static void
rgba_from_hex (BbRgba  *c,
               guint32  hex,
               double   alpha)
{
  c->red = ((hex >> 16) & 0xff) / 255.0;
  c->green = ((hex >> 8) & 0xff) / 255.0;
  c->blue = (hex & 0xff) / 255.0;
  c->alpha = alpha;
}

void
bb_rib_style_init (BbRibStyle   *style,
                   gboolean      dark,
                   const BbRgba *accent)
{
  g_return_if_fail (style != NULL);

  style->dark = !!dark;
  style->fault = BB_RIB_FAULT_NONE;

  /* libadwaita / GNOME palette: light_3 #deddda, dark_3 #3d3846, ... */
  if (dark)
    {
      rgba_from_hex (&style->body, 0x3d3846, 1.0);
      rgba_from_hex (&style->outline, 0xdeddda, 1.0);
      rgba_from_hex (&style->bone, 0xc0bfbc, 1.0);
      rgba_from_hex (&style->accent, 0x78aeed, 1.0);
      rgba_from_hex (&style->muted, 0x9a9996, 1.0);
      rgba_from_hex (&style->warning, 0xffa348, 1.0);
    }
  else
    {
      rgba_from_hex (&style->body, 0xdeddda, 1.0);
      rgba_from_hex (&style->outline, 0x3d3846, 1.0);
      rgba_from_hex (&style->bone, 0x77767b, 1.0);
      rgba_from_hex (&style->accent, 0x3584e4, 1.0);
      rgba_from_hex (&style->muted, 0x9a9996, 1.0);
      rgba_from_hex (&style->warning, 0xe66100, 1.0);
    }

  if (accent != NULL)
    style->accent = *accent;
}

static inline void
set_rgba (cairo_t      *cr,
          const BbRgba *c,
          double        alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static inline void
add_rgba_stop (cairo_pattern_t *pattern,
               double           offset,
               const BbRgba    *c,
               double           alpha)
{
  cairo_pattern_add_color_stop_rgba (pattern, offset,
                                     c->red, c->green, c->blue,
                                     c->alpha * alpha);
}

static inline double
lerp (double a,
      double b,
      double t)
{
  return a + (b - a) * t;
}

/* Appends c, mirrored to the left of the spine when sx is -1, reversed
 * when backwards is set so that the two halves join into one outline. */
static void
curve_to (cairo_t      *cr,
          const Cubic  *c,
          double        sx,
          double        cx,
          gboolean      backwards)
{
  if (backwards)
    cairo_curve_to (cr,
                    cx + sx * c->c2.x, c->c2.y,
                    cx + sx * c->c1.x, c->c1.y,
                    cx + sx * c->p0.x, c->p0.y);
  else
    cairo_curve_to (cr,
                    cx + sx * c->c1.x, c->c1.y,
                    cx + sx * c->c2.x, c->c2.y,
                    cx + sx * c->p3.x, c->p3.y);
}

static inline void
unit_normal (Pt  a,
             Pt  b,
             Pt *n)
{
  double dx = b.x - a.x, dy = b.y - a.y;
  double len = sqrt (dx * dx + dy * dy);

  if (len < 1e-9)
    {
      n->x = 0;
      n->y = -1;
      return;
    }
  n->x = dy / len;
  n->y = -dx / len;
}

/* Approximates c offset along its normal by d0 at the start and d3 at the
 * end, by moving each control point along the normal of the control
 * polygon there. Close enough for curves this gentle and offsets this
 * small, and far cheaper than stroking. */
static void
offset_cubic (const Cubic *c,
              double       d0,
              double       d3,
              Cubic       *out)
{
  Pt n[4];
  const Pt *p[4] = { &c->p0, &c->c1, &c->c2, &c->p3 };
  Pt *q[4] = { &out->p0, &out->c1, &out->c2, &out->p3 };

  unit_normal (c->p0, c->c1, &n[0]);
  unit_normal (c->p0, c->c2, &n[1]);
  unit_normal (c->c1, c->p3, &n[2]);
  unit_normal (c->c2, c->p3, &n[3]);

  for (int k = 0; k < 4; k++)
    {
      double d = lerp (d0, d3, k / 3.0);

      q[k]->x = p[k]->x + n[k].x * d;
      q[k]->y = p[k]->y + n[k].y * d;
    }
}

/* ---------------------------------------------------------------------- */
/* Faults                                                                  */

/* How far the shoulders rise, and the waist bulges, at full breath, in
 * design units. Both stay within MAX_TRAVEL, so bb_rib_painter_get_motion()
 * holds for every fault. */
#define SHOULDER_LIFT 4.0
#define BELLY_BULGE   3.6

/* What one breath does to the picture, for a fault and an expansion. */
typedef struct
{
  double ribs;   /* how far the ribs and flanks widen, 0..1 */
  double lift;   /* how far the shoulders rise, in design units */
  double bulge;  /* how far the waist bulges, in design units */
  double mark;   /* how strongly the fault's marks show, 0..1 */
} Motion;

static void
motion_for (BbRibFault  fault,
            double      e,
            Motion     *m)
{
  *m = (Motion) { e, 0.0, 0.0, 0.0 };

  switch (fault)
    {
    case BB_RIB_FAULT_SHOULDERS:
      /* The neck does the work; the ribs barely move. */
      m->ribs = 0.2 * e;
      m->lift = SHOULDER_LIFT * e;
      m->mark = e;
      break;

    case BB_RIB_FAULT_BELLY:
      m->ribs = 0.1 * e;
      m->bulge = BELLY_BULGE * e;
      m->mark = e;
      break;

    case BB_RIB_FAULT_NONE:
    default:
      break;
    }
}

/* ---------------------------------------------------------------------- */
/* Torso silhouette                                                        */

#define N_SILHOUETTE 7

/* Where the torso starts to dissolve into the bottom edge. */
#define FADE_TOP 84.0

/* Right half, from the top of the neck down to the bottom edge. Done the
 * right way, the first three segments (neck, trapezius, shoulder cap)
 * never depend on the breath: the shoulders must not rise or widen on the
 * in-breath. Only the shoulder fault lifts them, shortening the neck. */
static void
silhouette (Cubic         seg[N_SILHOUETTE],
            const Motion *m)
{
  double e = m->ribs;
  double lift = m->lift;
  double b = m->bulge;

  /* neck */
  seg[0] = (Cubic) { { 5.4, 16.0 }, { 5.2, 20.0 }, { 5.4, 23.0 - lift }, { 6.2, 24.6 - lift } };
  /* trapezius slope */
  seg[1] = (Cubic) { seg[0].p3, { 8.4, 27.6 - lift }, { 16.5, 28.6 - lift }, { 24.5, 30.2 - lift } };
  /* shoulder cap */
  seg[2] = (Cubic) { seg[1].p3, { 29.2, 31.2 - lift }, { 32.0, 34.2 - 0.6 * lift }, { 32.0, 39.0 - 0.25 * lift } };
  /* where the arm is cut away, back into the armpit */
  seg[3] = (Cubic) { seg[2].p3, { 32.0, 44.0 - 0.1 * lift }, { 28.4, 46.4 }, { 27.6, 51.0 } };
  /* flank over the ribs: this is what widens, most at the lower ribs */
  seg[4] = (Cubic) { seg[3].p3,
                     { 27.3 + 0.4 * e, 54.0 },
                     { 27.8 + 2.2 * e, 58.0 },
                     { 27.8 + 2.5 * e, 64.0 } };
  /* waist, down to where the torso starts to dissolve */
  seg[5] = (Cubic) { seg[4].p3,
                     { 27.8 + 2.8 * e + 0.5 * b, 71.0 },
                     { 24.6 + 2.2 * e + 1.6 * b, 77.0 },
                     { 23.5 + 1.2 * e + 1.2 * b, FADE_TOP } };
  /* the fading tail, nearly straight; it leaves the waist in the
   * waist's own direction, so the outline has no kink where the fade
   * begins */
  seg[6] = (Cubic) { seg[5].p3,
                     { seg[5].p3.x + (seg[5].p3.x - seg[5].c2.x) * 5.3 / (FADE_TOP - 77.0), FADE_TOP + 5.3 },
                     { 22.5 + 0.1 * e, FADE_TOP + 10.7 },
                     { 22.4, BOX } };
}

/* Builds the open outline of the first n_seg segments from the bottom
 * left up over the neck and down to the bottom right, offset outwards by
 * offset (inwards when negative). */
static void
silhouette_path (cairo_t     *cr,
                 const Cubic  seg[],
                 int          n_seg,
                 double       offset)
{
  Cubic off[N_SILHOUETTE];

  g_assert (n_seg <= N_SILHOUETTE);

  for (int i = 0; i < n_seg; i++)
    offset_cubic (&seg[i], offset, offset, &off[i]);

  cairo_move_to (cr, MID - off[n_seg - 1].p3.x, off[n_seg - 1].p3.y);
  for (int i = n_seg - 1; i >= 0; i--)
    {
      /* Where two segments meet at a slight angle, their offsets do not
       * quite meet either: bridge the hair's breadth with a line. */
      cairo_line_to (cr, MID - off[i].p3.x, off[i].p3.y);
      curve_to (cr, &off[i], -1, MID, TRUE);
    }
  for (int i = 0; i < n_seg; i++)
    {
      cairo_line_to (cr, MID + off[i].p0.x, off[i].p0.y);
      curve_to (cr, &off[i], 1, MID, FALSE);
    }
}

#define OUTLINE_WIDTH 0.75

/* The silhouette as an outline of OUTLINE_WIDTH around the body: the
 * difference of two fills, the silhouette grown and shrunk by half the
 * line width. The same picture as fill plus stroke, at half the cost,
 * since cairo's stroker is slow on long curves. */
static void
fill_torso (cairo_t          *cr,
            const Cubic       seg[N_SILHOUETTE],
            const BbRibStyle *style)
{
  silhouette_path (cr, seg, N_SILHOUETTE, OUTLINE_WIDTH / 2);
  cairo_close_path (cr);
  set_rgba (cr, &style->outline, 1.0);
  cairo_fill (cr);

  silhouette_path (cr, seg, N_SILHOUETTE, -OUTLINE_WIDTH / 2);
  cairo_close_path (cr);
  set_rgba (cr, &style->body, 1.0);
  cairo_fill (cr);
}

/* How opaque the tail is from FADE_TOP (t = 0) down to the bottom edge
 * (t = 1): a smoothstep, which leaves the solid part without a bend in
 * brightness that the eye would see as a line. */
static cairo_pattern_t *
fade_mask (double top,
           double bottom)
{
  cairo_pattern_t *pattern = cairo_pattern_create_linear (0, top, 0, bottom);
  const int n_stops = 12;

  for (int i = 0; i <= n_stops; i++)
    {
      double t = (double) i / n_stops;

      cairo_pattern_add_color_stop_rgba (pattern, t, 0, 0, 0, 1.0 - t * t * (3.0 - 2.0 * t));
    }

  return pattern;
}

/* The torso is one shape from the neck to the bottom edge, so its
 * outline keeps its width and its curve where the fade begins. Below
 * FADE_TOP it is painted as a whole and then faded, so body and outline
 * dissolve together and nothing under it shows through twice. The split
 * lies on a pixel row: two antialiased edges meeting there would leave a
 * seam across the waist. */
static void
draw_torso (cairo_t          *cr,
            const Cubic       seg[N_SILHOUETTE],
            const BbRibStyle *style)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double x = 0.0, top = FADE_TOP;
  double x_scale, y_scale, x_offset, y_offset;
  cairo_pattern_t *mask;

  /* The target's pixels lie at the device coordinates times its scale,
   * plus its offset: a widget at a fractional position has one. */
  cairo_surface_get_device_scale (target, &x_scale, &y_scale);
  cairo_surface_get_device_offset (target, &x_offset, &y_offset);
  cairo_user_to_device (cr, &x, &top);
  top = (round (top * y_scale + y_offset) - y_offset) / y_scale;
  cairo_device_to_user (cr, &x, &top);

  cairo_save (cr);
  cairo_rectangle (cr, -BOX, -BOX, 3 * BOX, top + BOX);
  cairo_clip (cr);
  fill_torso (cr, seg, style);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, -BOX, top, 3 * BOX, 2 * BOX);
  cairo_clip (cr);
  cairo_push_group (cr);
  fill_torso (cr, seg, style);
  cairo_pop_group_to_source (cr);
  mask = fade_mask (top, BOX);
  cairo_mask (cr, mask);
  cairo_pattern_destroy (mask);
  cairo_restore (cr);
}

static void
ellipse_path (cairo_t *cr,
              double   cx,
              double   cy,
              double   rx,
              double   ry)
{
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, rx, ry);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 1.0, 0, 2 * G_PI);
  cairo_restore (cr);
}

/* Fills the ellipses in outline colour grown by half the line width, then
 * in body colour shrunk by it: an outlined shape without the stroker. */
static void
outlined_ellipses (cairo_t          *cr,
                   const double      geometry[][4],
                   int               n,
                   double            line_width,
                   const BbRibStyle *style)
{
  double h = line_width / 2;

  for (int i = 0; i < n; i++)
    ellipse_path (cr, geometry[i][0], geometry[i][1], geometry[i][2] + h, geometry[i][3] + h);
  set_rgba (cr, &style->outline, 1.0);
  cairo_fill (cr);

  for (int i = 0; i < n; i++)
    ellipse_path (cr, geometry[i][0], geometry[i][1], geometry[i][2] - h, geometry[i][3] - h);
  set_rgba (cr, &style->body, 1.0);
  cairo_fill (cr);
}

/* The back of the head sits over the top of the neck, the ears behind
 * it. */
static void
draw_head (cairo_t          *cr,
           const BbRibStyle *style)
{
  static const double ears[][4] = {
    { MID - 7.3, 11.6, 1.5, 2.7 },
    { MID + 7.3, 11.6, 1.5, 2.7 },
  };
  static const double head[][4] = {
    { MID, 10.6, 7.6, 9.0 },
  };

  outlined_ellipses (cr, ears, G_N_ELEMENTS (ears), 0.6, style);
  outlined_ellipses (cr, head, G_N_ELEMENTS (head), OUTLINE_WIDTH, style);
}

/* ---------------------------------------------------------------------- */
/* Glow                                                                    */

/* Side of the small bitmap the glow is rendered into. */
#define GLOW_SIZE 48

static void
draw_glow (cairo_t          *cr,
           double            e,
           const BbRibStyle *style)
{
  /* A radial gradient is slow to evaluate per pixel (about 2 ms at
   * 800x800), so it is rendered into a tiny bitmap and scaled up with
   * bilinear filtering, which looks the same for a soft glow at a sixth of
   * the cost. The bitmap lives on the stack: no per-frame allocation. */
  guint32 pixels[GLOW_SIZE * GLOW_SIZE];
  cairo_surface_t *bitmap;
  cairo_pattern_t *gradient;
  cairo_t *gcr;
  double strength = style->dark ? 0.55 : 0.40;
  double rx = 12.0 + 13.0 * e, ry = 10.0 + 11.0 * e;

  if (e <= 0.0)
    return;

  G_STATIC_ASSERT (sizeof pixels[0] == 4);
  bitmap = cairo_image_surface_create_for_data ((unsigned char *) pixels,
                                                CAIRO_FORMAT_ARGB32,
                                                GLOW_SIZE, GLOW_SIZE,
                                                GLOW_SIZE * 4);
  gcr = cairo_create (bitmap);
  cairo_set_operator (gcr, CAIRO_OPERATOR_SOURCE);
  gradient = cairo_pattern_create_radial (GLOW_SIZE / 2.0, GLOW_SIZE / 2.0, 0,
                                          GLOW_SIZE / 2.0, GLOW_SIZE / 2.0,
                                          GLOW_SIZE / 2.0 - 1.0);
  /* sqrt: the glow shows early in the breath, not only near its top. */
  add_rgba_stop (gradient, 0.0, &style->accent, strength * sqrt (e));
  add_rgba_stop (gradient, 0.5, &style->accent, strength * 0.6 * sqrt (e));
  add_rgba_stop (gradient, 1.0, &style->accent, 0.0);
  cairo_set_source (gcr, gradient);
  cairo_paint (gcr);
  cairo_destroy (gcr);
  cairo_pattern_destroy (gradient);

  /* The glow stays inside the flanks at every e, so it needs no clip to
   * the torso. */
  cairo_save (cr);
  cairo_translate (cr, MID - rx, 60.0 - ry);
  cairo_scale (cr, 2 * rx / GLOW_SIZE, 2 * ry / GLOW_SIZE);
  cairo_set_source_surface (cr, bitmap, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  /* Fill the bitmap's extents rounded out to whole device pixels: cairo
   * composites an aligned box directly, but anything else through a mask,
   * at several times the cost. The bitmap's edge is transparent. */
  {
    double x0 = 0, y0 = 0, x1 = GLOW_SIZE, y1 = GLOW_SIZE;

    cairo_user_to_device (cr, &x0, &y0);
    cairo_user_to_device (cr, &x1, &y1);
    cairo_identity_matrix (cr);
    x0 = floor (x0);
    y0 = floor (y0);
    cairo_rectangle (cr, x0, y0, ceil (x1) - x0, ceil (y1) - y0);
  }
  cairo_fill (cr);
  cairo_restore (cr);

  /* Detach cairo from the stack memory before it goes away; a recording
   * target keeps its own copy. */
  cairo_surface_finish (bitmap);
  cairo_surface_destroy (bitmap);
}

/* ---------------------------------------------------------------------- */
/* Skeleton                                                                */

static double
vertebra_y (int k)
{
  /* C6, C7, then T1 to T12; ribs sit between two vertebrae. */
  return 20.0 + 4.8 * k;
}

static void
draw_spine (cairo_t          *cr,
            const BbRibStyle *style)
{
  for (int k = 0; k < N_VERTEBRAE; k++)
    {
      double y = vertebra_y (k);
      /* Cervical vertebrae are smaller; the column thickens downwards. */
      double w = k < 2 ? 2.8 : 3.3 + 0.05 * k;
      double h = k < 2 ? 2.4 : 2.9;
      double r = 1.0;
      double x = MID - w / 2, top = y - h / 2;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x + w - r, top + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x + w - r, top + h - r, r, 0, G_PI / 2);
      cairo_arc (cr, x + r, top + h - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x + r, top + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
    }

  set_rgba (cr, &style->bone, 1.0);
  cairo_fill (cr);
}

/* Rib i (0 = top) at expansion e, right side, as an offset from the
 * spine. The tip swings out and up like a bucket handle; lower ribs move
 * most. */
static void
rib_curve (Cubic  *c,
           int     i,
           double  e)
{
  static const double reach[N_RIBS] = { 12.5, 16.5, 19.0, 20.8, 22.0, 22.6, 22.8, 22.4 };
  static const double drop[N_RIBS] = { 3.6, 5.0, 6.6, 8.0, 9.4, 10.6, 11.6, 12.4 };
  double y = vertebra_y (i + 2) + 2.4;
  double w = reach[i] + e * (0.9 + 0.42 * i);
  double d = drop[i] - e * (0.4 + 0.34 * i);
  double angle = 0.42 * w;

  c->p0 = (Pt) { 2.4, y + 0.3 };
  c->c1 = (Pt) { angle, y - 1.5 - 0.25 * e };
  c->c2 = (Pt) { 0.86 * w, y + 0.12 * d };
  c->p3 = (Pt) { w, y + d };
}

/* Appends a rib as a filled shape that tapers from t0 at the spine to t3
 * at the tip: a stroke cannot taper, and the taper is what makes it read
 * as bone. */
static void
rib_shape (cairo_t     *cr,
           const Cubic *c,
           double       sx,
           double       t0,
           double       t3)
{
  Cubic upper, lower;

  offset_cubic (c, t0 / 2, t3 / 2, &upper);
  offset_cubic (c, -t0 / 2, -t3 / 2, &lower);

  cairo_move_to (cr, MID + sx * upper.p0.x, upper.p0.y);
  curve_to (cr, &upper, sx, MID, FALSE);
  cairo_line_to (cr, MID + sx * lower.p3.x, lower.p3.y);
  curve_to (cr, &lower, sx, MID, TRUE);
  cairo_close_path (cr);
}

static void
draw_ribs (cairo_t          *cr,
           double            e,
           const BbRibStyle *style)
{
  for (int i = 0; i < N_RIBS; i++)
    {
      Cubic c;

      rib_curve (&c, i, e);
      rib_shape (cr, &c, 1, 1.4, 0.5);
      rib_shape (cr, &c, -1, 1.4, 0.5);
    }

  set_rgba (cr, &style->bone, 1.0);
  cairo_fill (cr);
}

/* A shoulder blade (sx 1 right, -1 left); fixed, since the shoulders do
 * not move. */
static void
blade_path (cairo_t *cr,
            double   sx)
{
  cairo_move_to (cr, MID + sx * 8.8, 32.6);
  /* medial border, parallel to the spine */
  cairo_curve_to (cr, MID + sx * 7.6, 40.0, MID + sx * 8.0, 50.0, MID + sx * 11.6, 56.4);
  /* lateral border up to the shoulder joint */
  cairo_curve_to (cr, MID + sx * 15.0, 51.0, MID + sx * 19.6, 42.0, MID + sx * 21.6, 36.6);
  /* around the acromion, then the superior border */
  cairo_curve_to (cr, MID + sx * 22.6, 34.2, MID + sx * 22.0, 33.0, MID + sx * 20.4, 33.2);
  cairo_curve_to (cr, MID + sx * 16.0, 33.6, MID + sx * 11.0, 31.6, MID + sx * 8.8, 32.6);
  cairo_close_path (cr);
}

static void
draw_blades (cairo_t          *cr,
             double            lift,
             const BbRibStyle *style)
{
  /* The spine of the scapula, running up to the acromion. */
  static const Cubic ridge = { { 8.8, 38.0 }, { 13.0, 36.8 }, { 18.0, 35.0 }, { 21.4, 34.2 } };
  BbRgba tint;

  /* Flat shapes without outline: a stroked outline would cost as much
   * as all the ribs together. The tint sits between body and bone, and
   * lets the ribs below show through a little. */
  tint.red = lerp (style->body.red, style->bone.red, 0.3);
  tint.green = lerp (style->body.green, style->bone.green, 0.3);
  tint.blue = lerp (style->body.blue, style->bone.blue, 0.3);
  tint.alpha = style->body.alpha;

  /* The blades rise with the shoulders, when they do. */
  cairo_save (cr);
  cairo_translate (cr, 0, -lift);
  blade_path (cr, 1);
  blade_path (cr, -1);
  set_rgba (cr, &tint, 0.85);
  cairo_fill (cr);

  rib_shape (cr, &ridge, 1, 1.0, 0.7);
  rib_shape (cr, &ridge, -1, 1.0, 0.7);
  set_rgba (cr, &style->bone, 1.0);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* Cross-section, seen from above: front up, back (with the spine) down,
 * nearest to the viewer who is looking at the back. */

/* At expansion e of the back, with the front pushed forward by push (the
 * belly fault). */
static void
cross_section (Cubic  seg[3],
               double e,
               double push)
{
  Pt front = { 0.0, -6.0 - push };
  Pt side = { 7.6 + 1.9 * e, 0.4 + 0.3 * e };
  Pt lobe = { 4.0 + 0.7 * e, 5.0 + 1.6 * e };
  /* The spine itself stays put; the back bulges either side of it. */
  Pt spine = { 0.0, 4.5 + 0.4 * e };

  seg[0] = (Cubic) { front, { 4.4, -6.0 - push }, { side.x, -3.4 - 0.5 * push }, side };
  seg[1] = (Cubic) { side, { side.x, 3.2 + 1.0 * e }, { lobe.x + 2.6 + 0.6 * e, lobe.y }, lobe };
  seg[2] = (Cubic) { lobe, { 2.2, lobe.y }, { 1.1, spine.y }, spine };
}

static void
cross_section_back_path (cairo_t     *cr,
                         const Cubic  seg[3])
{
  cairo_move_to (cr, XS_CX + seg[1].p0.x, XS_CY + seg[1].p0.y);
  cairo_save (cr);
  cairo_translate (cr, 0, XS_CY);
  curve_to (cr, &seg[1], 1, XS_CX, FALSE);
  curve_to (cr, &seg[2], 1, XS_CX, FALSE);
  curve_to (cr, &seg[2], -1, XS_CX, TRUE);
  curve_to (cr, &seg[1], -1, XS_CX, TRUE);
  cairo_restore (cr);
}

static void
cross_section_shape_path (cairo_t     *cr,
                          const Cubic  seg[3])
{
  cairo_save (cr);
  cairo_translate (cr, 0, XS_CY);
  cairo_move_to (cr, XS_CX + seg[0].p0.x, seg[0].p0.y);
  for (int i = 0; i < 3; i++)
    curve_to (cr, &seg[i], 1, XS_CX, FALSE);
  for (int i = 2; i >= 0; i--)
    curve_to (cr, &seg[i], -1, XS_CX, TRUE);
  cairo_close_path (cr);
  cairo_restore (cr);
}

/* The front pushes forward by this much at the belly fault's full bulge. */
#define XS_PUSH_PER_BULGE 0.7

static void
draw_cross_section (cairo_t          *cr,
                    const Motion     *m,
                    const BbRibStyle *style)
{
  double e = m->ribs;
  double push = XS_PUSH_PER_BULGE * m->bulge;
  Cubic seg[3];
  Cubic rest[3];

  cross_section (seg, e, push);
  cross_section (rest, 0.0, 0.0);

  cross_section_shape_path (cr, seg);
  set_rgba (cr, &style->body, 1.0);
  cairo_fill (cr);

  cairo_set_line_width (cr, 0.7);

  if (e > 0.0 || push > 0.0)
    {
      static const double dash[] = { 0.9, 1.1 };

      /* The room the breath made, between the resting and the current
       * outline, in the accent colour; in the warning colour when the
       * belly made it. */
      cross_section_shape_path (cr, seg);
      cross_section_shape_path (cr, rest);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      set_rgba (cr, push > 0.0 ? &style->warning : &style->accent, 0.35);
      cairo_fill (cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);

      /* The resting outline of the back, so the widening reads as a
       * change. */
      cross_section_back_path (cr, rest);
      set_rgba (cr, &style->muted, 0.9);
      cairo_save (cr);
      cairo_set_line_width (cr, 0.4);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* The front barely moves: drawn still and muted. When the belly
   * pushes, it is the part that moves, in the warning colour. */
  cairo_save (cr);
  cairo_translate (cr, 0, XS_CY);
  cairo_move_to (cr, XS_CX - seg[0].p3.x, seg[0].p3.y);
  curve_to (cr, &seg[0], -1, XS_CX, TRUE);
  curve_to (cr, &seg[0], 1, XS_CX, FALSE);
  /* sternum mark */
  cairo_move_to (cr, XS_CX, seg[0].p0.y);
  cairo_line_to (cr, XS_CX, seg[0].p0.y + 1.3);
  cairo_restore (cr);
  set_rgba (cr, push > 0.0 ? &style->warning : &style->muted, 1.0);
  cairo_stroke (cr);

  /* Back and sides: the part that moves. */
  cross_section_back_path (cr, seg);
  set_rgba (cr, &style->accent, 1.0);
  cairo_set_line_width (cr, 0.85);
  cairo_stroke (cr);

  /* The spine marks the back. */
  cairo_arc (cr, XS_CX, XS_CY + 2.7, 0.95, 0, 2 * G_PI);
  set_rgba (cr, &style->bone, 1.0);
  cairo_fill (cr);
}

/* ---------------------------------------------------------------------- */
/* The marks of a fault                                                    */

/* An arrow from (x0,y0) to (x1,y1), its head at the end. */
static void
arrow_path (cairo_t *cr,
            double   x0,
            double   y0,
            double   x1,
            double   y1)
{
  double dx = x1 - x0, dy = y1 - y0;
  double len = hypot (dx, dy);
  double ux = dx / len, uy = dy / len;
  const double head = 1.8;

  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_move_to (cr, x1 - head * (ux - 0.8 * uy), y1 - head * (uy + 0.8 * ux));
  cairo_line_to (cr, x1, y1);
  cairo_line_to (cr, x1 - head * (ux + 0.8 * uy), y1 - head * (uy - 0.8 * ux));
}

/* Arrows where the breath goes wrong: up from the shoulders, out from the
 * waist. They fade in with the breath, so none shows at rest. */
static void
draw_marks (cairo_t          *cr,
            BbRibFault        fault,
            const Motion     *m,
            const BbRibStyle *style)
{
  if (m->mark <= 0.0)
    return;

  for (int sx = -1; sx <= 1; sx += 2)
    switch (fault)
      {
      case BB_RIB_FAULT_SHOULDERS:
        arrow_path (cr, MID + sx * 20.0, 26.0 - m->lift, MID + sx * 20.0, 20.0 - m->lift);
        break;

      case BB_RIB_FAULT_BELLY:
        arrow_path (cr, MID + sx * (28.5 + m->bulge), 74.0, MID + sx * (34.0 + m->bulge), 74.0);
        break;

      case BB_RIB_FAULT_NONE:
      default:
        return;
      }

  set_rgba (cr, &style->warning, m->mark);
  cairo_set_line_width (cr, 1.1);
  cairo_stroke (cr);
}

/* ---------------------------------------------------------------------- */

/* Where the picture depends on the expansion, in design units: the ribs
 * and their glow, the flanks and waist below the armpits, and the
 * cross-section. Measured with a margin; test-rib-painter checks that
 * nothing outside changes. */
#define MOVING_X0  17.0
#define MOVING_Y0  28.0
#define MOVING_X1 BOX
#define MOVING_Y1 BOX

/* The farthest any hard edge travels from expansion 0 to 1, in design
 * units: the tip of the lowest rib (see rib_curve ()). The flanks and the
 * cross-section move less; the glow is soft and moves no edge. */
#define MAX_TRAVEL (hypot (0.9 + 0.42 * (N_RIBS - 1), 0.4 + 0.34 * (N_RIBS - 1)))

typedef enum
{
  LAYER_ALL,
  LAYER_STATIC,
  LAYER_MOVING,
} Layer;

static inline double
clamp_expansion (double expansion)
{
  /* NaN fails every comparison, so test for it before clamping. */
  return isnan (expansion) ? 0.0 : CLAMP (expansion, 0.0, 1.0);
}

void
bb_rib_painter_get_moving_area (int                    width,
                                int                    height,
                                cairo_rectangle_int_t *area)
{
  double scale, ox, oy;
  double x0, y0, x1, y1;

  g_return_if_fail (area != NULL);

  *area = (cairo_rectangle_int_t) { 0, 0, 0, 0 };
  if (width <= 0 || height <= 0)
    return;

  scale = MIN (width, height) / BOX;
  ox = (width - scale * BOX) / 2;
  oy = (height - scale * BOX) / 2;

  /* One unit more on every side for antialiasing. */
  x0 = CLAMP (floor (ox + scale * MOVING_X0) - 1, 0, width);
  y0 = CLAMP (floor (oy + scale * MOVING_Y0) - 1, 0, height);
  x1 = CLAMP (ceil (ox + scale * MOVING_X1) + 1, 0, width);
  y1 = CLAMP (ceil (oy + scale * MOVING_Y1) + 1, 0, height);

  *area = (cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 };
}

/* Around the cross-section, in design units, with a margin: it widens
 * and, with the belly fault, pushes forward within these bounds.
 * test-rib-painter checks that it stays inside. */
#define XS_X0 76.0
#define XS_Y0 79.0
#define XS_X1 99.5
#define XS_Y1 98.0

void
bb_rib_painter_get_cross_section_area (int                    width,
                                       int                    height,
                                       cairo_rectangle_int_t *area)
{
  double scale, ox, oy;
  int x0, y0, x1, y1;

  g_return_if_fail (area != NULL);

  *area = (cairo_rectangle_int_t) { 0, 0, 0, 0 };
  if (width <= 0 || height <= 0)
    return;

  scale = MIN (width, height) / BOX;
  ox = (width - scale * BOX) / 2;
  oy = (height - scale * BOX) / 2;

  x0 = CLAMP (floor (ox + scale * XS_X0), 0, width);
  y0 = CLAMP (floor (oy + scale * XS_Y0), 0, height);
  x1 = CLAMP (ceil (ox + scale * XS_X1), 0, width);
  y1 = CLAMP (ceil (oy + scale * XS_Y1), 0, height);

  *area = (cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 };
}

double
bb_rib_painter_get_motion (int    width,
                           int    height,
                           double a,
                           double b)
{
  if (width <= 0 || height <= 0)
    return 0.0;

  return fabs (clamp_expansion (a) - clamp_expansion (b)) * MAX_TRAVEL * MIN (width, height) / BOX;
}

static void
paint (cairo_t          *cr,
       int               width,
       int               height,
       double            expansion,
       Layer             layer,
       const BbRibStyle *style)
{
  Cubic torso[N_SILHOUETTE];
  Motion m;
  double e, scale;

  /* The header promises a cleared path whatever the size. */
  cairo_new_path (cr);
  if (width <= 0 || height <= 0)
    return;

  e = clamp_expansion (expansion);
  scale = MIN (width, height) / BOX;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (layer != LAYER_ALL)
    {
      cairo_rectangle_int_t area;

      bb_rib_painter_get_moving_area (width, height, &area);
      if (layer == LAYER_STATIC)
        {
          /* Everything but the moving area, as four bands around it. */
          cairo_rectangle (cr, 0, 0, width, area.y);
          cairo_rectangle (cr, 0, area.y + area.height, width, height - area.y - area.height);
          cairo_rectangle (cr, 0, area.y, area.x, area.height);
          cairo_rectangle (cr, area.x + area.width, area.y, width - area.x - area.width, area.height);
        }
      else
        cairo_rectangle (cr, area.x, area.y, area.width, area.height);
      cairo_clip (cr);
    }

  cairo_translate (cr, (width - scale * BOX) / 2, (height - scale * BOX) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  /* Cairo's 4x4-sample rasteriser: on thin, nearly horizontal shapes
   * like ribs it is two to three times faster than the default one, and
   * at these line widths the edges look the same. */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_set_tolerance (cr, 0.25);
  cairo_set_dash (cr, NULL, 0, 0);

  motion_for (style->fault, e, &m);
  silhouette (torso, &m);

  draw_torso (cr, torso, style);
  draw_glow (cr, m.ribs, style);
  draw_ribs (cr, m.ribs, style);
  draw_spine (cr, style);
  draw_blades (cr, m.lift, style);
  draw_head (cr, style);
  draw_cross_section (cr, &m, style);
  draw_marks (cr, style->fault, &m, style);

  cairo_restore (cr);
}

void
bb_rib_painter_draw (cairo_t          *cr,
                     int               width,
                     int               height,
                     double            expansion,
                     const BbRibStyle *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  paint (cr, width, height, expansion, LAYER_ALL, style);
}

void
bb_rib_painter_draw_static (cairo_t          *cr,
                            int               width,
                            int               height,
                            const BbRibStyle *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (style->fault == BB_RIB_FAULT_NONE);

  paint (cr, width, height, 0.0, LAYER_STATIC, style);
}

void
bb_rib_painter_draw_moving (cairo_t          *cr,
                            int               width,
                            int               height,
                            double            expansion,
                            const BbRibStyle *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (style->fault == BB_RIB_FAULT_NONE);

  paint (cr, width, height, expansion, LAYER_MOVING, style);
}
