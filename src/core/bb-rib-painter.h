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

typedef struct
{
  BbRgba   body;     /* torso fill */
  BbRgba   outline;  /* torso / neck / shoulder outline */
  BbRgba   bone;     /* spine, ribs, shoulder blades */
  BbRgba   accent;   /* the glow of expansion and the cross-section's moving part */
  BbRgba   muted;    /* labels, guide lines, the cross-section's still front */
  gboolean dark;
} BbRibStyle;

/* Fills style with the libadwaita palette for light or dark; accent may be
 * NULL (libadwaita blue #3584e4 light / #78aeed dark). */
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

G_END_DECLS
