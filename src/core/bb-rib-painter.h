/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bb-rib-painter.h: pure Cairo drawing of the back and rib cage */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} BbRgba;

/**
 * BbRibFault:
 * @BB_RIB_FAULT_NONE: the right way: the back and sides of the ribs widen
 *   while the shoulders stay where they are
 * @BB_RIB_FAULT_SHOULDERS: the shoulders rise toward the ears and the neck
 *   does the work; the ribs barely widen
 * @BB_RIB_FAULT_BELLY: the belly pushes forward; the ribs stay narrow while
 *   the waist bulges
 *
 * What the picture shows on the in-breath. At rest (expansion 0) all three
 * are the same picture.
 */
typedef enum
{
  BB_RIB_FAULT_NONE,
  BB_RIB_FAULT_SHOULDERS,
  BB_RIB_FAULT_BELLY,
} BbRibFault;

typedef struct
{
  BbRgba     body;     /* torso fill */
  BbRgba     outline;  /* torso / neck / shoulder outline */
  BbRgba     bone;     /* spine, ribs, shoulder blades */
  BbRgba     accent;   /* the glow of expansion and the cross-section's moving part */
  BbRgba     muted;    /* labels, guide lines, the cross-section's still front */
  gboolean   dark;
  BbRibFault fault;    /* what the breath does; BB_RIB_FAULT_NONE in a session */
  BbRgba     warning;  /* the marks of a fault: where the breath goes wrong */
} BbRibStyle;

/* Fills style with the libadwaita palette for light or dark, and the
 * right way (BB_RIB_FAULT_NONE); accent may be NULL (libadwaita blue
 * #3584e4 light / #78aeed dark). */
void bb_rib_style_init   (BbRibStyle       *style,
                          gboolean          dark,
                          const BbRgba     *accent);

/* Draws into the rectangle (0,0,width,height) of cr; expansion is clamped to
 * 0..1 (NaN -> 0). Keeps aspect ratio, centred. Never draws outside the
 * rectangle (clip to it). width/height <= 0 draws nothing. The current path
 * of cr is cleared; everything else in its state is left as it was. */
void bb_rib_painter_draw (cairo_t          *cr,
                          int               width,
                          int               height,
                          double            expansion,
                          const BbRibStyle *style);

/* The part of the rectangle (0,0,width,height) where the picture of the
 * right way (BB_RIB_FAULT_NONE) depends on the expansion, rounded out to whole units and clipped to the
 * rectangle; empty for width/height <= 0. Outside it the picture is the
 * same at every expansion. */
void bb_rib_painter_get_moving_area (int                    width,
                                     int                    height,
                                     cairo_rectangle_int_t *area);

/* Where the small top-down cross-section lies, in pixels, for a
 * tooltip or a caption that says what it shows. */
void bb_rib_painter_get_cross_section_area (int                    width,
                                            int                    height,
                                            cairo_rectangle_int_t *area);

/* Draw the picture outside the moving area and inside it, each leaving
 * the other side untouched, so that a widget can keep the still part and
 * redraw only the moving one. One after the other they give the picture
 * of bb_rib_painter_draw(), but for faint antialiasing differences on
 * the device pixels along the area's edge (cairo rasterises a shape that
 * a clip cuts slightly differently). Otherwise the same rules as
 * bb_rib_painter_draw(). Only for the right way: a fault moves the
 * shoulders and the waist too, so draw it whole with
 * bb_rib_painter_draw(). */
void bb_rib_painter_draw_static (cairo_t          *cr,
                                 int               width,
                                 int               height,
                                 const BbRibStyle *style);
void bb_rib_painter_draw_moving (cairo_t          *cr,
                                 int               width,
                                 int               height,
                                 double            expansion,
                                 const BbRibStyle *style);

/* How far, in units of the rectangle, the farthest-moving hard edge of
 * the picture moves between expansions a and b, for any fault: enough to tell whether
 * a new frame would show a visible change. */
double bb_rib_painter_get_motion (int    width,
                                  int    height,
                                  double a,
                                  double b);

G_END_DECLS
