/* bb-tension-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "bb-tension-chart.h"

/*
 * Neck and shoulder tension before and after the latest sessions that
 * have both answers, oldest on the left, 1 (at ease) at the bottom and
 * 5 (very tense) at the top. The two series differ in more than colour:
 * "before" is a dashed line with hollow circles, "after" a solid line
 * with filled squares, and the legend above the plot shows both marks.
 *
 * What the chart shows is also said in words: a sentence for the page
 * (bb_tension_chart_get_summary()) and the accessible label, which adds
 * the averages.
 */

#define LEGEND_HEIGHT 24.0
#define AXIS_WIDTH 20.0
#define PADDING 8.0
#define MARK_SIZE 4.0

typedef struct
{
  guint before;
  guint after;
} Point;

struct _BbTensionChart
{
  GtkWidget  parent_instance;

  Point      points[BB_TENSION_CHART_N_POINTS];
  guint      n_points;
  char      *summary;
  char      *description;
};

G_DEFINE_FINAL_TYPE (BbTensionChart, bb_tension_chart, GTK_TYPE_WIDGET)

static void
get_colors (BbTensionChart *self,
            GdkRGBA        *accent,
            GdkRGBA        *fg)
{
  GtkStyleContext *style_context = gtk_widget_get_style_context (GTK_WIDGET (self));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style_context, fg);
  if (!gtk_style_context_lookup_color (style_context, "accent_color", accent))
    *accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
draw_mark (cairo_t  *cr,
           double    x,
           double    y,
           gboolean  after)
{
  if (after)
    {
      cairo_rectangle (cr, x - MARK_SIZE, y - MARK_SIZE, 2 * MARK_SIZE, 2 * MARK_SIZE);
      cairo_fill (cr);
    }
  else
    {
      cairo_new_sub_path (cr);
      /* A little larger than the square, to ring it where both meet. */
      cairo_arc (cr, x, y, MARK_SIZE + 1.5, 0, 2 * G_PI);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke (cr);
    }
}

static void
set_series_style (cairo_t       *cr,
                  const GdkRGBA *color,
                  gboolean       after)
{
  static const double dash[] = { 5.0, 4.0 };

  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 2.0);
  cairo_set_dash (cr, dash, after ? 0 : G_N_ELEMENTS (dash), 0);
}

static void
draw_legend_item (BbTensionChart *self,
                  cairo_t        *cr,
                  double         *x,
                  const GdkRGBA  *color,
                  const GdkRGBA  *fg,
                  gboolean        after,
                  const char     *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  double y = LEGEND_HEIGHT / 2;
  int w, h;

  set_series_style (cr, color, after);
  cairo_move_to (cr, *x, y);
  cairo_line_to (cr, *x + 24, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_mark (cr, *x + 12, y, after);

  pango_layout_get_pixel_size (layout, &w, &h);
  gdk_cairo_set_source_rgba (cr, fg);
  cairo_move_to (cr, *x + 30, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  *x += 30 + w + 18;
}

static void
draw (BbTensionChart *self,
      cairo_t        *cr,
      double          width,
      double          height)
{
  GdkRGBA accent, fg, dim;
  double left = AXIS_WIDTH + PADDING;
  double right = width - PADDING;
  double top = LEGEND_HEIGHT + PADDING;
  double bottom = height - PADDING;
  double legend_x = left;

  get_colors (self, &accent, &fg);
  dim = fg;
  dim.alpha *= 0.7;

  /* Gridlines and the numbers of the scale. */
  for (guint level = 1; level <= BB_TENSION_MAX; level++)
    {
      double y = bottom - (bottom - top) * (level - 1) / (BB_TENSION_MAX - 1);
      g_autofree char *text = g_strdup_printf ("%u", level);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      int w, h;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.15);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, left, round (y) + 0.5);
      cairo_line_to (cr, right, round (y) + 0.5);
      cairo_stroke (cr);

      pango_layout_get_pixel_size (layout, &w, &h);
      gdk_cairo_set_source_rgba (cr, &dim);
      cairo_move_to (cr, AXIS_WIDTH - w, y - h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  draw_legend_item (self, cr, &legend_x, &dim, &fg, FALSE, _("Before"));
  draw_legend_item (self, cr, &legend_x, &accent, &fg, TRUE, _("After"));

  if (self->n_points == 0)
    return;

  for (int series = 0; series < 2; series++)
    {
      gboolean after = series == 1;
      const GdkRGBA *color = after ? &accent : &dim;
      double step = self->n_points > 1 ? (right - left - 2 * MARK_SIZE) / (self->n_points - 1) : 0;

      set_series_style (cr, color, after);
      for (guint i = 0; i < self->n_points; i++)
        {
          guint value = after ? self->points[i].after : self->points[i].before;
          double x = left + MARK_SIZE + (self->n_points > 1 ? step * i : (right - left) / 2);
          double y = bottom - (bottom - top) * (value - 1) / (BB_TENSION_MAX - 1);

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      for (guint i = 0; i < self->n_points; i++)
        {
          guint value = after ? self->points[i].after : self->points[i].before;
          double x = left + MARK_SIZE + (self->n_points > 1 ? step * i : (right - left) / 2);
          double y = bottom - (bottom - top) * (value - 1) / (BB_TENSION_MAX - 1);

          draw_mark (cr, x, y, after);
        }
    }
}

static void
bb_tension_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  BbTensionChart *self = BB_TENSION_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
bb_tension_chart_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (bb_tension_chart_parent_class)->css_changed (widget, change);

  /* Light and dark draw in other colours. */
  gtk_widget_queue_draw (widget);
}

static void
bb_tension_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = 140;
      *natural = 180;
    }
}

static void
bb_tension_chart_finalize (GObject *object)
{
  BbTensionChart *self = BB_TENSION_CHART (object);

  g_free (self->summary);
  g_free (self->description);

  G_OBJECT_CLASS (bb_tension_chart_parent_class)->finalize (object);
}

static void
bb_tension_chart_class_init (BbTensionChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bb_tension_chart_finalize;

  widget_class->snapshot = bb_tension_chart_snapshot;
  widget_class->css_changed = bb_tension_chart_css_changed;
  widget_class->measure = bb_tension_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "tension-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bb_tension_chart_init (BbTensionChart *self)
{
  bb_tension_chart_set_checkins (self, NULL, 0);
}

GtkWidget *
bb_tension_chart_new (void)
{
  return g_object_new (BB_TYPE_TENSION_CHART, NULL);
}

static char *
format_mean (guint sum,
             guint n)
{
  /* One decimal, in the user's locale. */
  return g_strdup_printf ("%.1f", (double) sum / n);
}

/**
 * bb_tension_chart_set_checkins:
 * @records: (array length=n_records): check-ins, newest first, as
 *   bb_history_list_checkins() gives them
 *
 * Shows the newest %BB_TENSION_CHART_N_POINTS of @records that have a
 * tension both before and after.
 */
void
bb_tension_chart_set_checkins (BbTensionChart        *self,
                               const BbCheckinRecord *records,
                               guint                  n_records)
{
  guint n = 0;
  guint n_lower = 0;
  guint sum_before = 0;
  guint sum_after = 0;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_if_fail (BB_IS_TENSION_CHART (self));
  g_return_if_fail (records != NULL || n_records == 0);

  for (guint i = 0; i < n_records && n < BB_TENSION_CHART_N_POINTS; i++)
    {
      const BbCheckin *checkin = &records[i].checkin;

      if (checkin->tension_before == 0 || checkin->tension_after == 0)
        continue;
      n++;
    }

  /* Oldest first, on the left. */
  self->n_points = n;
  for (guint i = 0, k = n; i < n_records && k > 0; i++)
    {
      const BbCheckin *checkin = &records[i].checkin;

      if (checkin->tension_before == 0 || checkin->tension_after == 0)
        continue;
      k--;
      self->points[k].before = MIN (checkin->tension_before, BB_TENSION_MAX);
      self->points[k].after = MIN (checkin->tension_after, BB_TENSION_MAX);
      sum_before += self->points[k].before;
      sum_after += self->points[k].after;
      if (self->points[k].after < self->points[k].before)
        n_lower++;
    }

  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->description, g_free);

  if (n == 0)
    {
      self->summary = g_strdup (_("Answer the check-in before and after a session to see your neck and shoulders here"));
      self->description = g_strdup (_("Chart of neck and shoulder tension, empty for now"));
    }
  else
    {
      /* Translators: under the tension chart */
      self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Tension was lower after %u of %u session",
                                                    "Tension was lower after %u of %u sessions",
                                                    n),
                                       n_lower, n);
      before = format_mean (sum_before, n);
      after = format_mean (sum_after, n);
      if (n == 1)
        /* Translators: the tension chart's accessible description; the
         * two %s are tensions such as "3.0" */
        self->description = g_strdup_printf (_("Chart of neck and shoulder tension before and after your last session, from 1, at ease, to 5, very tense: %s before and %s after."),
                                             before, after);
      else
        /* Translators: the tension chart's accessible description; %u is
         * the number of sessions, the two %s averages such as "3.5" */
        self->description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Chart of neck and shoulder tension before and after your last %u session, from 1, at ease, to 5, very tense: %s before and %s after on average.",
                                                          "Chart of neck and shoulder tension before and after your last %u sessions, from 1, at ease, to 5, very tense: %s before and %s after on average.",
                                                          n),
                                             n, before, after);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
bb_tension_chart_get_n_points (BbTensionChart *self)
{
  g_return_val_if_fail (BB_IS_TENSION_CHART (self), 0);

  return self->n_points;
}

/**
 * bb_tension_chart_get_summary:
 *
 * Returns: a sentence for under the chart
 */
const char *
bb_tension_chart_get_summary (BbTensionChart *self)
{
  g_return_val_if_fail (BB_IS_TENSION_CHART (self), NULL);

  return self->summary;
}

/**
 * bb_tension_chart_get_description:
 *
 * Returns: the accessible label
 */
const char *
bb_tension_chart_get_description (BbTensionChart *self)
{
  g_return_val_if_fail (BB_IS_TENSION_CHART (self), NULL);

  return self->description;
}
