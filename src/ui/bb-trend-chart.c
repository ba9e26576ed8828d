/* bb-trend-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bb-trend-chart-private.h"

/*
 * A bar chart of the minutes practised in each of the last twelve weeks,
 * the week under way last and hatched, since it is not over yet. The
 * drawing is recorded once into a render node and reused for every
 * snapshot until the data, the size or the style changes.
 *
 * The trend (see bb_stats_trend()) is said twice: in a sentence for the
 * page to show under the chart, and in the accessible label, which also
 * gives this week's minutes and the weekly average.
 */

#define MS_PER_MIN 60000
/* The least the scale shows, so a single minute does not fill the chart. */
#define MIN_SCALE_MS (10 * MS_PER_MIN)
#define TOP_PADDING 6.0
#define LABEL_GAP 4.0
/* The least room between two week labels. */
#define LABEL_SPACING 12.0
#define MAX_BAR_WIDTH 40.0
#define CORNER_RADIUS 4.0

typedef struct
{
  guint  week;
  double x;
  double width;
} LabelSpan;

struct _BbTrendChart
{
  GtkWidget      parent_instance;

  /* Owned */
  GskRenderNode *node;

  /* What node was made for */
  int            node_width;
  int            node_height;
  GdkRGBA        node_accent;
  GdkRGBA        node_fg;
  char          *node_font;

  guint32        last_day;
  gint64         weeks[BB_TREND_CHART_N_WEEKS];
  BbTrend        trend;

  /* For tests */
  guint          n_renders;
  guint          n_labels;
  LabelSpan      labels[BB_TREND_CHART_N_WEEKS];
};

G_DEFINE_FINAL_TYPE (BbTrendChart, bb_trend_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TREND_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
trend_text (BbTrend trend)
{
  switch (trend)
    {
    case BB_TREND_RISING:
      return _("More practice than the month before");
    case BB_TREND_STEADY:
      return _("About as much practice as the month before");
    case BB_TREND_FALLING:
      return _("A quieter month than the one before");
    case BB_TREND_NONE:
    default:
      return _("Not enough practice yet to show a trend");
    }
}

/* The trend as a word in a sentence for screen readers. */
static const char *
trend_word (BbTrend trend)
{
  switch (trend)
    {
    case BB_TREND_RISING:
      /* Translators: the trend of practice, in "Minutes per week, last 12 weeks: %s." */
      return _("rising");
    case BB_TREND_STEADY:
      /* Translators: the trend of practice, in "Minutes per week, last 12 weeks: %s." */
      return _("steady");
    case BB_TREND_FALLING:
      /* Translators: the trend of practice, in "Minutes per week, last 12 weeks: %s." */
      return _("falling");
    case BB_TREND_NONE:
    default:
      /* Translators: the trend of practice, in "Minutes per week, last 12 weeks: %s." */
      return _("no trend yet");
    }
}

static guint
round_minutes (gint64 ms)
{
  return (guint) MIN ((MAX (ms, 0) + MS_PER_MIN / 2) / MS_PER_MIN, G_MAXUINT);
}

/* The mean of the complete weeks from the first with practice, so a new
 * start is not averaged with the weeks before it. */
static gint64
average_ms (BbTrendChart *self)
{
  gint64 sum = 0;
  guint first = 0;
  guint last = BB_TREND_CHART_N_WEEKS - 1;

  while (first < last && self->weeks[first] <= 0)
    first++;

  if (first == last)
    return 0;

  for (guint i = first; i < last; i++)
    sum += MAX (self->weeks[i], 0);

  return sum / (last - first);
}

static void
update_accessible_label (BbTrendChart *self)
{
  guint this_week = round_minutes (self->weeks[BB_TREND_CHART_N_WEEKS - 1]);
  guint average = round_minutes (average_ms (self));
  g_autofree char *what = NULL;
  g_autofree char *week = NULL;
  g_autofree char *mean = NULL;
  g_autofree char *label = NULL;

  what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %u is a number of weeks, %s the trend, such as "rising" */
                                       "Minutes per week, last %u week: %s.",
                                       "Minutes per week, last %u weeks: %s.",
                                       BB_TREND_CHART_N_WEEKS),
                          BB_TREND_CHART_N_WEEKS, trend_word (self->trend));
  week = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u minute this week,",
                                       "%u minutes this week,",
                                       this_week),
                          this_week);
  mean = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: minutes, after "24 minutes this week," */
                                       "%u a week on average.",
                                       "%u a week on average.",
                                       average),
                          average);
  /* Translators: joins the three parts above into the chart's
   * description; languages written without spaces can drop them */
  label = g_strdup_printf (C_("chart description", "%s %s %s"), what, week, mean);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
invalidate (BbTrendChart *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
get_colors (BbTrendChart *self,
            GdkRGBA      *accent,
            GdkRGBA      *fg)
{
  GtkStyleContext *style_context = gtk_widget_get_style_context (GTK_WIDGET (self));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style_context, fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (!gtk_style_context_lookup_color (style_context, "accent_bg_color", accent))
    *accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
}

static char *
current_font (BbTrendChart *self)
{
  return pango_font_description_to_string (pango_context_get_font_description (
                                             gtk_widget_get_pango_context (GTK_WIDGET (self))));
}

static char *
week_label (guint32 monday)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, monday);
  date_time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                   g_date_get_day (&date), 0, 0, 0);
  if (date_time == NULL)
    return g_strdup ("");

  /* Translators: the date of the Monday that starts a week, short, under
     a bar of the chart; see g_date_time_format() for the codes.
     xgettext:no-c-format */
  return g_date_time_format (date_time, C_("week label", "%b %-d"));
}

/* A bar with rounded top corners, standing on @base. */
static void
bar_path (cairo_t *cr,
          double   x,
          double   base,
          double   width,
          double   height)
{
  double radius = MIN (CORNER_RADIUS, MIN (width / 2, height));

  cairo_new_path (cr);
  cairo_move_to (cr, x, base);
  cairo_line_to (cr, x, base - height + radius);
  cairo_arc (cr, x + radius, base - height + radius, radius, G_PI, 1.5 * G_PI);
  cairo_arc (cr, x + width - radius, base - height + radius, radius, 1.5 * G_PI, 2 * G_PI);
  cairo_line_to (cr, x + width, base);
  cairo_close_path (cr);
}

/* The week under way: a paler fill crossed with thin stripes. */
static void
fill_current (cairo_t       *cr,
              const GdkRGBA *accent,
              double         x,
              double         base,
              double         width,
              double         height)
{
  cairo_save (cr);
  bar_path (cr, x, base, width, height);
  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, accent->alpha * 0.25);
  cairo_fill_preserve (cr);
  cairo_clip (cr);

  cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, accent->alpha);
  cairo_set_line_width (cr, 1.5);
  for (double d = -height; d < width + height; d += 5.0)
    {
      cairo_move_to (cr, x + d, base);
      cairo_line_to (cr, x + d + height, base - height);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Places a label under every @step-th bar from the last; fails if two
 * would come too close. */
static gboolean
place_labels (BbTrendChart *self,
              guint         n,
              guint         step,
              double        slot,
              int           width,
              const double *label_widths)
{
  double next_free = width + LABEL_SPACING;

  self->n_labels = 0;

  for (guint k = 0; k < n; k += step)
    {
      guint i = n - 1 - k;
      double x = round (slot * (i + 0.5) - label_widths[i] / 2);

      x = CLAMP (x, 0, MAX (width - label_widths[i], 0));
      if (x + label_widths[i] + LABEL_SPACING > next_free)
        return FALSE;

      self->labels[self->n_labels++] = (LabelSpan) { i, x, label_widths[i] };
      next_free = x;
    }

  return TRUE;
}

static void
draw (BbTrendChart *self,
      cairo_t      *cr,
      int           width,
      int           height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  PangoLayout *labels[BB_TREND_CHART_N_WEEKS] = { NULL, };
  double label_widths[BB_TREND_CHART_N_WEEKS] = { 0, };
  guint n = BB_TREND_CHART_N_WEEKS;
  double slot = (double) width / n;
  double bar_width = CLAMP (floor (slot * 0.62), 2.0, MAX_BAR_WIDTH);
  double label_height = 0.0;
  double base;
  gint64 scale_ms = MIN_SCALE_MS;
  guint step;
  GdkRGBA accent, fg;

  get_colors (self, &accent, &fg);
  self->node_accent = accent;
  self->node_fg = fg;
  g_free (self->node_font);
  self->node_font = current_font (self);
  self->n_labels = 0;

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));

  /* Measure the week labels first: they decide where the bars stand. */
  if (self->last_day != 0)
    {
      guint32 monday = bb_streak_week_start (self->last_day);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = week_label (monday - 7 * (n - 1 - i));
          int w, h;

          labels[i] = pango_layout_copy (layout);
          pango_layout_set_attributes (labels[i], attrs);
          pango_layout_set_text (labels[i], text, -1);
          pango_layout_get_pixel_size (labels[i], &w, &h);
          label_widths[i] = w;
          label_height = MAX (label_height, h);
        }
    }

  /* On a whole pixel, so that bars and baseline meet crisply. */
  base = floor (height - (label_height > 0 ? label_height + LABEL_GAP : 0) - 1);

  for (guint i = 0; i < n; i++)
    scale_ms = MAX (scale_ms, self->weeks[i]);

  /* The bars. */
  for (guint i = 0; i < n; i++)
    {
      double x = round (slot * (i + 0.5) - bar_width / 2);
      double bar_height;

      if (self->weeks[i] <= 0)
        continue;

      bar_height = (base - TOP_PADDING) * self->weeks[i] / (double) scale_ms;
      /* Any practice at all shows. */
      bar_height = MAX (bar_height, 2.0);

      if (i == n - 1)
        {
          fill_current (cr, &accent, x, base, bar_width, bar_height);
        }
      else
        {
          bar_path (cr, x, base, bar_width, bar_height);
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_fill (cr);
        }
    }

  /* The baseline, one pixel under the bars. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.2);
  cairo_rectangle (cr, 0, base, width, 1);
  cairo_fill (cr);

  /* Labels under every step-th bar, counting back from this week: the
   * smallest step that leaves room between all of them, once the labels
   * at the ends are kept inside the widget. */
  if (labels[0] != NULL)
    {
      for (step = 1; step < n; step++)
        if (place_labels (self, n, step, slot, width, label_widths))
          break;
      if (step == n)
        place_labels (self, n, n, slot, width, label_widths);
    }

  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.6);
  for (guint k = 0; k < self->n_labels; k++)
    {
      cairo_move_to (cr, self->labels[k].x, base + 1 + LABEL_GAP);
      pango_cairo_show_layout (cr, labels[self->labels[k].week]);
    }

  for (guint i = 0; i < n; i++)
    g_clear_object (&labels[i]);
}

static void
bb_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  BbTrendChart *self = BB_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  if (self->node == NULL || self->node_width != width || self->node_height != height)
    {
      g_autoptr(GtkSnapshot) node_snapshot = gtk_snapshot_new ();
      cairo_t *cr;

      cr = gtk_snapshot_append_cairo (node_snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      draw (self, cr, width, height);
      cairo_destroy (cr);

      g_clear_pointer (&self->node, gsk_render_node_unref);
      self->node = gtk_snapshot_free_to_node (g_steal_pointer (&node_snapshot));
      self->node_width = width;
      self->node_height = height;
      self->n_renders++;
    }

  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);
}

static void
bb_trend_chart_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  BbTrendChart *self = BB_TREND_CHART (widget);
  g_autofree char *font = NULL;
  GdkRGBA accent, fg;

  GTK_WIDGET_CLASS (bb_trend_chart_parent_class)->css_changed (widget, change);

  /* Colours and fonts may have changed, as between light and dark; most
   * style changes (the window losing the focus, say) touch neither. */
  if (self->node == NULL)
    return;

  get_colors (self, &accent, &fg);
  font = current_font (self);
  if (!gdk_rgba_equal (&accent, &self->node_accent) || !gdk_rgba_equal (&fg, &self->node_fg) ||
      g_strcmp0 (font, self->node_font) != 0)
    invalidate (self);
}

static void
bb_trend_chart_measure (GtkWidget      *widget,
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
      *natural = 140;
    }
}

static void
bb_trend_chart_dispose (GObject *object)
{
  BbTrendChart *self = (BbTrendChart *)object;

  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->node_font, g_free);

  G_OBJECT_CLASS (bb_trend_chart_parent_class)->dispose (object);
}

static void
bb_trend_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbTrendChart *self = BB_TREND_CHART (object);

  switch (prop_id)
    {
    case PROP_TREND_TEXT:
      g_value_set_string (value, bb_trend_chart_get_trend_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_trend_chart_class_init (BbTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_trend_chart_dispose;
  object_class->get_property = bb_trend_chart_get_property;

  widget_class->snapshot = bb_trend_chart_snapshot;
  widget_class->measure = bb_trend_chart_measure;
  widget_class->css_changed = bb_trend_chart_css_changed;

  /**
   * BbTrendChart:trend-text:
   *
   * A short sentence on the trend, for the page to show under the chart.
   */
  properties[PROP_TREND_TEXT] =
    g_param_spec_string ("trend-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bb_trend_chart_init (BbTrendChart *self)
{
  self->trend = BB_TREND_NONE;
  update_accessible_label (self);
}

GtkWidget *
bb_trend_chart_new (void)
{
  return g_object_new (BB_TYPE_TREND_CHART, NULL);
}

/**
 * bb_trend_chart_set_days:
 * @last_day: the local day now; its week is the last bar
 * @days: (array length=n_days): the days with practice, ascending
 *
 * Shows the practice of the twelve weeks up to @last_day's, and their
 * trend. Redraws only if something shown changed.
 */
void
bb_trend_chart_set_days (BbTrendChart     *self,
                         guint32           last_day,
                         const BbDayTotal *days,
                         guint             n_days)
{
  gint64 weeks[BB_TREND_CHART_N_WEEKS];
  BbTrend trend;
  gboolean same_weeks;

  g_return_if_fail (BB_IS_TREND_CHART (self));
  g_return_if_fail (g_date_valid_julian (last_day));
  g_return_if_fail (days != NULL || n_days == 0);

  bb_stats_weekly_ms (days, n_days, last_day, BB_TREND_CHART_N_WEEKS, weeks);
  trend = bb_stats_trend (weeks, BB_TREND_CHART_N_WEEKS);

  same_weeks = self->last_day != 0 &&
               bb_streak_week_start (self->last_day) == bb_streak_week_start (last_day) &&
               memcmp (self->weeks, weeks, sizeof weeks) == 0;
  self->last_day = last_day;

  if (same_weeks)
    return;

  memcpy (self->weeks, weeks, sizeof weeks);
  invalidate (self);

  if (trend != self->trend)
    {
      self->trend = trend;
      update_accessible_label (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TREND_TEXT]);
    }
  else
    {
      update_accessible_label (self);
    }
}

/**
 * bb_trend_chart_get_trend_text:
 *
 * Returns: a short sentence on the trend, such as "More practice than
 *   the month before"
 */
const char *
bb_trend_chart_get_trend_text (BbTrendChart *self)
{
  g_return_val_if_fail (BB_IS_TREND_CHART (self), NULL);

  return trend_text (self->trend);
}

BbTrend
bb_trend_chart_get_trend (BbTrendChart *self)
{
  g_return_val_if_fail (BB_IS_TREND_CHART (self), BB_TREND_NONE);

  return self->trend;
}

/**
 * bb_trend_chart_get_n_renders:
 *
 * Returns: how many times the chart was drawn anew; for tests
 */
guint
bb_trend_chart_get_n_renders (BbTrendChart *self)
{
  g_return_val_if_fail (BB_IS_TREND_CHART (self), 0);

  return self->n_renders;
}

/**
 * bb_trend_chart_get_n_labels:
 *
 * Returns: the week labels in the last drawing; for tests
 */
guint
bb_trend_chart_get_n_labels (BbTrendChart *self)
{
  g_return_val_if_fail (BB_IS_TREND_CHART (self), 0);

  return self->n_labels;
}

/**
 * bb_trend_chart_labels_overlap:
 *
 * Returns: whether two week labels of the last drawing touch, or one
 *   leaves the widget; for tests
 */
gboolean
bb_trend_chart_labels_overlap (BbTrendChart *self)
{
  int width = self->node_width;

  g_return_val_if_fail (BB_IS_TREND_CHART (self), TRUE);

  for (guint i = 0; i < self->n_labels; i++)
    {
      const LabelSpan *label = &self->labels[i];

      if (label->x < 0 || label->x + label->width > width)
        return TRUE;
      /* Drawn right to left. */
      if (i > 0 && label->x + label->width >= self->labels[i - 1].x)
        return TRUE;
    }

  return FALSE;
}
