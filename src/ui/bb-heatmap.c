/* bb-heatmap.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-heatmap-private.h"

/*
 * The last 53 weeks as a calendar: one column per ISO week, Monday at the
 * top, one square per day. Screen readers in GTK 4.8 only see widgets, so
 * every day is a small widget of its own with a label in words; the
 * squares after the last day are hidden.
 *
 * Only one day is focusable at a time (a roving focus): Tab enters the
 * calendar once, on the day chosen last, and leaves it with the next Tab.
 * The arrow keys, Home and End move that day through the
 * "heatmap.move", "heatmap.first" and "heatmap.last" actions.
 *
 * The day widgets are made once and are given new days, labels and levels
 * by bb_heatmap_set_days(); a day whose data did not change keeps its
 * label, so the call after each session only formats the day that
 * changed (and all of them once a week, when the columns shift).
 */

#define N_WEEKS        53
#define N_CELLS        (N_WEEKS * 7)
/* A year of 53 weeks has at most 13 firsts of a month. */
#define N_MONTH_LABELS 14
#define N_LEVELS       5

/* In pixels: between two squares, and between the squares and the
 * month and weekday labels. The squares' size is in style.css. */
#define CELL_GAP       3
#define LABEL_GAP      6
#define MIN_CELL       8

/* A month's label needs this many columns, or it would run into the next
 * label or out of the calendar. */
#define MONTH_COLUMNS  3

/* One day of the calendar. */

#define BB_TYPE_HEATMAP_DAY (bb_heatmap_day_get_type ())

G_DECLARE_FINAL_TYPE (BbHeatmapDay, bb_heatmap_day, BB, HEATMAP_DAY, GtkWidget)

struct _BbHeatmapDay
{
  GtkWidget parent_instance;

  /* What the label and level were made from; day 0 before the first. */
  guint32   day;
  gint64    practiced_ms;
  guint     n_sessions;
  gboolean  with_year;
  guint     level;
};

G_DEFINE_FINAL_TYPE (BbHeatmapDay, bb_heatmap_day, GTK_TYPE_WIDGET)

static void
bb_heatmap_day_class_init (BbHeatmapDayClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_css_name (widget_class, "day");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
bb_heatmap_day_init (BbHeatmapDay *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "level-0");
}

/* The calendar. */

struct _BbHeatmap
{
  GtkWidget     parent_instance;

  /* Children, in the order screen readers present them */
  GtkWidget    *month_labels[N_MONTH_LABELS];
  GtkWidget    *weekday_labels[3];
  BbHeatmapDay *cells[N_CELLS];

  /* Owned */
  char         *summary;

  /* The one focusable day */
  BbHeatmapDay *roving;

  guint         month_columns[N_MONTH_LABELS];
  guint32       first_day;
  guint32       last_day;
  guint32       selected_day;
};

G_DEFINE_FINAL_TYPE (BbHeatmap, bb_heatmap, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_SELECTED_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const level_classes[N_LEVELS] = {
  "level-0", "level-1", "level-2", "level-3", "level-4",
};

/*
 * The colour level of a day, relative to the daily goal: 0 is no
 * practice, 1 some practice below the goal, 2 the goal reached, 3 twice
 * the goal or more, 4 four times the goal or more. Without a goal every
 * day with practice reaches it.
 */
static guint
level_for (gint64 practiced_ms,
           guint  n_sessions,
           gint64 goal_ms)
{
  if (practiced_ms <= 0)
    return n_sessions > 0 ? 1 : 0;
  if (goal_ms <= 0)
    return 2;
  if (practiced_ms >= 4 * goal_ms)
    return 4;
  if (practiced_ms >= 2 * goal_ms)
    return 3;
  if (practiced_ms >= goal_ms)
    return 2;
  return 1;
}

static GDateTime *
date_time_for_day (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  return g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
}

/* A day's practice in words, as a screen reader speaks it. */
static char *
format_duration_words (gint64 ms)
{
  guint minutes = (guint) (ms / (60 * 1000));
  guint hours = minutes / 60;
  g_autofree char *hours_text = NULL;
  g_autofree char *minutes_text = NULL;

  if (minutes == 0)
    return g_strdup (_("under a minute"));

  minutes %= 60;
  minutes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes),
                                  minutes);
  if (hours == 0)
    return g_steal_pointer (&minutes_text);

  hours_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", hours),
                                hours);
  if (minutes == 0)
    return g_steal_pointer (&hours_text);

  /* Translators: hours and minutes, as in "1 hour 5 minutes". */
  return g_strdup_printf (C_("duration", "%s %s"), hours_text, minutes_text);
}

/* A total in short, as in "6 h 10 min". */
static char *
format_duration_short (gint64 ms)
{
  guint minutes = (guint) (ms / (60 * 1000));
  guint hours = minutes / 60;

  minutes %= 60;

  if (hours == 0 && minutes == 0)
    return g_strdup (_("under a minute"));
  if (hours == 0)
    /* Translators: a duration in minutes, as in "10 min". */
    return g_strdup_printf (C_("duration", "%u min"), minutes);
  if (minutes == 0)
    /* Translators: a duration in hours, as in "6 h". */
    return g_strdup_printf (C_("duration", "%u h"), hours);

  /* Translators: a duration, as in "6 h 10 min". */
  return g_strdup_printf (C_("duration", "%u h %u min"), hours, minutes);
}

static char *
format_day_label (guint32  day,
                  gint64   practiced_ms,
                  guint    n_sessions,
                  gboolean with_year)
{
  g_autoptr(GDateTime) date_time = date_time_for_day (day);
  g_autofree char *date = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *duration = NULL;

  if (with_year)
    /* Translators: a day in the practice calendar, as in "Tuesday 4 March
     * 2025"; see g_date_time_format() for the codes.
     * xgettext:no-c-format */
    date = g_date_time_format (date_time, _("%A %-d %B %Y"));
  else
    /* Translators: a day in the practice calendar, as in "Tuesday 4 March";
     * see g_date_time_format() for the codes.
     * xgettext:no-c-format */
    date = g_date_time_format (date_time, _("%A %-d %B"));

  if (practiced_ms <= 0 && n_sessions == 0)
    /* Translators: a day of the practice calendar without practice, as
     * in "Tuesday 4 March: no practice". */
    return g_strdup_printf (_("%s: no practice"), date);

  sessions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", n_sessions),
                              n_sessions);
  duration = format_duration_words (practiced_ms);

  /* Translators: a day of the practice calendar, as in
   * "Tuesday 4 March: 3 sessions, 9 minutes". */
  return g_strdup_printf (C_("calendar day", "%s: %s, %s"), date, sessions, duration);
}

static void
update_cell (BbHeatmapDay *cell,
             guint32       day,
             gint64        practiced_ms,
             guint         n_sessions,
             gboolean      with_year,
             guint         level)
{
  GtkWidget *widget = GTK_WIDGET (cell);
  g_autofree char *label = NULL;

  if (level != cell->level)
    {
      gtk_widget_remove_css_class (widget, level_classes[cell->level]);
      gtk_widget_add_css_class (widget, level_classes[level]);
      cell->level = level;
    }

  if (cell->day == day && cell->practiced_ms == practiced_ms &&
      cell->n_sessions == n_sessions && cell->with_year == with_year)
    return;

  cell->day = day;
  cell->practiced_ms = practiced_ms;
  cell->n_sessions = n_sessions;
  cell->with_year = with_year;

  label = format_day_label (day, practiced_ms, n_sessions, with_year);
  gtk_widget_set_tooltip_text (widget, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* The tooltip would also become the description, and screen readers
   * would read the same words twice. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (cell),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static BbHeatmapDay *
cell_for_day (BbHeatmap *self,
              guint32    day)
{
  if (day < self->first_day || day > self->last_day)
    return NULL;

  return self->cells[day - self->first_day];
}

/* Makes @cell the one focusable day, and moves the keyboard focus along
 * when the focus was on the day before. */
static void
set_roving (BbHeatmap    *self,
            BbHeatmapDay *cell)
{
  BbHeatmapDay *old = self->roving;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean had_focus;

  if (old == cell)
    return;

  had_focus = old != NULL && root != NULL && gtk_root_get_focus (root) == GTK_WIDGET (old);

  gtk_widget_set_focusable (GTK_WIDGET (cell), TRUE);
  self->roving = cell;

  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (cell));
  if (old != NULL)
    gtk_widget_set_focusable (GTK_WIDGET (old), FALSE);
}

static void
select_day (BbHeatmap *self,
            guint32    day)
{
  BbHeatmapDay *cell = cell_for_day (self, day);

  g_assert (cell != NULL);

  set_roving (self, cell);

  if (self->selected_day == day)
    return;

  self->selected_day = day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DAY]);
}

static void
set_summary (BbHeatmap  *self,
             const char *summary)
{
  if (g_strcmp0 (self->summary, summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
update_summary (BbHeatmap *self,
                guint      n_practised,
                gint64     total_ms)
{
  guint n_shown = self->last_day - self->first_day + 1;
  g_autofree char *total = NULL;
  g_autofree char *summary = NULL;

  if (n_practised == 0)
    {
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "No practice in the last %u day.",
                                              "No practice in the last %u days.",
                                              n_shown),
                                 n_shown);
    }
  else
    {
      total = format_duration_short (total_ms);
      /* Translators: the first number is the days with practice, the
       * second all days shown; the plural form follows the second. */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "You practised on %u of the last %u day, %s in all.",
                                              "You practised on %u of the last %u days, %s in all.",
                                              n_shown),
                                 n_practised, n_shown, total);
    }

  set_summary (self, summary);
}

static void
update_month_labels (BbHeatmap *self)
{
  guint n_labels = 0;

  for (guint column = 0; column < N_WEEKS && n_labels < N_MONTH_LABELS; column++)
    {
      guint32 monday = self->first_day + column * 7;
      guint32 sunday = monday + 6;
      GDate date;
      guint32 first_of_month;
      g_autoptr(GDateTime) date_time = NULL;
      g_autofree char *name = NULL;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, sunday);
      first_of_month = sunday - (g_date_get_day (&date) - 1);

      /* A column is labelled with the month that begins in it; the first
       * column with the month it ends in. */
      if (column > 0 && (first_of_month < monday || first_of_month > self->last_day))
        continue;
      if (column + MONTH_COLUMNS > N_WEEKS)
        break;

      /* The first column's month gives way to the next when there is no
       * room for both. */
      if (n_labels == 1 && self->month_columns[0] == 0 && column < MONTH_COLUMNS)
        n_labels = 0;

      date_time = date_time_for_day (sunday);
      /* Translators: the short name of a month, over the practice
       * calendar's columns; see g_date_time_format().
       * xgettext:no-c-format */
      name = g_date_time_format (date_time, _("%Ob"));
      gtk_label_set_text (GTK_LABEL (self->month_labels[n_labels]), name);
      self->month_columns[n_labels] = column;
      n_labels++;
    }

  for (guint i = 0; i < N_MONTH_LABELS; i++)
    gtk_widget_set_visible (self->month_labels[i], i < n_labels);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * bb_heatmap_set_days:
 * @self: a #BbHeatmap
 * @last_day: the last day shown (today), a #GDate Julian day number
 * @days: (array length=n_days): the days with practice, ascending; days
 *   outside the calendar are ignored
 * @n_days: the length of @days
 * @goal_ms: the daily goal, for the colour levels
 *
 * Shows the 53 weeks up to the week of @last_day. The day with the keyboard
 * focus stays where it is, unless it was the last day, which it follows.
 */
void
bb_heatmap_set_days (BbHeatmap        *self,
                     guint32           last_day,
                     const BbDayTotal *days,
                     guint             n_days,
                     gint64            goal_ms)
{
  guint32 old_last_day;
  guint32 first_day;
  guint32 first_of_year;
  guint32 selected;
  gboolean columns_moved;
  guint n_practised = 0;
  gint64 total_ms = 0;
  guint i = 0;
  GDate date;

  g_return_if_fail (BB_IS_HEATMAP (self));
  g_return_if_fail (last_day > N_CELLS && g_date_valid_julian (last_day));
  g_return_if_fail (days != NULL || n_days == 0);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, last_day);
  first_day = last_day - (g_date_get_weekday (&date) - G_DATE_MONDAY) - 7 * (N_WEEKS - 1);
  first_of_year = last_day - (g_date_get_day_of_year (&date) - 1);

  old_last_day = self->last_day;
  columns_moved = first_day != self->first_day;
  self->first_day = first_day;
  self->last_day = last_day;

  for (guint c = 0; c < N_CELLS; c++)
    {
      BbHeatmapDay *cell = self->cells[c];
      guint32 day = first_day + c;
      gint64 practiced_ms = 0;
      guint n_sessions = 0;

      if (day > last_day)
        {
          gtk_widget_set_visible (GTK_WIDGET (cell), FALSE);
          continue;
        }

      while (i < n_days && days[i].day < day)
        i++;
      if (i < n_days && days[i].day == day)
        {
          practiced_ms = MAX (days[i].practiced_ms, 0);
          n_sessions = days[i].n_sessions;
        }
      if (practiced_ms > 0 || n_sessions > 0)
        {
          n_practised++;
          total_ms += practiced_ms;
        }

      gtk_widget_set_visible (GTK_WIDGET (cell), TRUE);
      update_cell (cell, day, practiced_ms, n_sessions, day < first_of_year,
                   level_for (practiced_ms, n_sessions, goal_ms));
      if (day == last_day)
        gtk_widget_add_css_class (GTK_WIDGET (cell), "today");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (cell), "today");
    }

  if (columns_moved)
    update_month_labels (self);

  /* The focus follows today, and otherwise stays on its day while that
   * is shown. */
  selected = self->selected_day;
  if (selected == 0 || selected == old_last_day || selected > last_day)
    selected = last_day;
  else if (selected < first_day)
    selected = first_day;
  select_day (self, selected);

  update_summary (self, n_practised, total_ms);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbHeatmap *self = BB_HEATMAP (widget);
  gint64 target = (gint64) self->selected_day + g_variant_get_int32 (parameter);

  /* Moves stop at the edges, and never go past the last day. */
  if (target < self->first_day || target > self->last_day)
    return;

  select_day (self, (guint32) target);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BbHeatmap *self = BB_HEATMAP (widget);

  select_day (self, self->first_day);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BbHeatmap *self = BB_HEATMAP (widget);

  select_day (self, self->last_day);
}

/* Left and Right move by weeks, mirrored for right-to-left text. */
static gboolean
move_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  int weeks;
  int days;

  g_variant_get (args, "(ii)", &weeks, &days);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    weeks = -weeks;

  gtk_widget_activate_action (widget, "heatmap.move", "i", weeks * 7 + days);

  return TRUE;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            BbHeatmap       *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (!BB_IS_HEATMAP_DAY (picked))
    return;

  select_day (self, BB_HEATMAP_DAY (picked)->day);
  gtk_widget_grab_focus (picked);
}

static gboolean
bb_heatmap_focus (GtkWidget        *widget,
                  GtkDirectionType  direction)
{
  BbHeatmap *self = BB_HEATMAP (widget);

  /* The calendar is one stop in the focus chain: the arrow keys move
   * inside it, and any other move leaves it. */
  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->roving));
}

static gboolean
bb_heatmap_grab_focus (GtkWidget *widget)
{
  BbHeatmap *self = BB_HEATMAP (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->roving));
}

typedef struct
{
  int cell;
  int left;   /* the weekday labels' width and their gap */
  int top;    /* the month labels' height and their gap */
} Geometry;

static void
measure_geometry (BbHeatmap *self,
                  Geometry  *geometry)
{
  int label_width = 0;
  int label_height = 0;
  int cell_width;
  int cell_height;

  gtk_widget_measure (GTK_WIDGET (self->cells[0]), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &cell_width, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->cells[0]), GTK_ORIENTATION_VERTICAL, -1,
                      NULL, &cell_height, NULL, NULL);
  /* Squares too small to see or to point at are no use, with or
   * without the style sheet. */
  geometry->cell = MAX (MAX (cell_width, cell_height), MIN_CELL);

  for (guint i = 0; i < G_N_ELEMENTS (self->weekday_labels); i++)
    {
      int width;

      gtk_widget_measure (self->weekday_labels[i], GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &width, NULL, NULL);
      label_width = MAX (label_width, width);
    }

  for (guint i = 0; i < N_MONTH_LABELS; i++)
    {
      int height;

      if (!gtk_widget_get_visible (self->month_labels[i]))
        continue;

      gtk_widget_measure (self->month_labels[i], GTK_ORIENTATION_VERTICAL, -1,
                          NULL, &height, NULL, NULL);
      label_height = MAX (label_height, height);
    }

  geometry->left = label_width + LABEL_GAP;
  geometry->top = label_height > 0 ? label_height + LABEL_GAP / 2 : 0;
}

static void
bb_heatmap_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  BbHeatmap *self = BB_HEATMAP (widget);
  Geometry geometry;

  measure_geometry (self, &geometry);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = geometry.left + N_WEEKS * (geometry.cell + CELL_GAP) - CELL_GAP;
  else
    *minimum = *natural = geometry.top + 7 * (geometry.cell + CELL_GAP) - CELL_GAP;
}

static void
allocate_child (GtkWidget *child,
                gboolean   rtl,
                int        width,
                int        x,
                int        y,
                int        child_width,
                int        child_height)
{
  if (rtl)
    x = width - x - child_width;

  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { x, y, child_width, child_height },
                            -1);
}

static void
bb_heatmap_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  BbHeatmap *self = BB_HEATMAP (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int pitch;
  Geometry geometry;

  measure_geometry (self, &geometry);
  pitch = geometry.cell + CELL_GAP;

  for (guint c = 0; c < N_CELLS; c++)
    {
      GtkWidget *cell = GTK_WIDGET (self->cells[c]);

      if (!gtk_widget_get_visible (cell))
        continue;

      /* Measured already, for the cache; all days have one size. */
      gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      allocate_child (cell, rtl, width,
                      geometry.left + (c / 7) * pitch, geometry.top + (c % 7) * pitch,
                      geometry.cell, geometry.cell);
    }

  /* Monday, Wednesday and Friday, centred on their rows. */
  for (guint i = 0; i < G_N_ELEMENTS (self->weekday_labels); i++)
    {
      GtkWidget *label = self->weekday_labels[i];
      int label_height;

      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &label_height, NULL, NULL);
      allocate_child (label, rtl, width,
                      0, geometry.top + 2 * i * pitch + (geometry.cell - label_height) / 2,
                      geometry.left - LABEL_GAP, label_height);
    }

  for (guint i = 0; i < N_MONTH_LABELS; i++)
    {
      GtkWidget *label = self->month_labels[i];
      int label_width;

      if (!gtk_widget_get_visible (label))
        continue;

      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &label_width, NULL, NULL);
      allocate_child (label, rtl, width,
                      geometry.left + self->month_columns[i] * pitch, 0,
                      label_width, geometry.top - LABEL_GAP / 2);
    }
}

static void
bb_heatmap_dispose (GObject *object)
{
  BbHeatmap *self = BB_HEATMAP (object);
  GtkWidget *child;

  self->roving = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bb_heatmap_parent_class)->dispose (object);
}

static void
bb_heatmap_finalize (GObject *object)
{
  BbHeatmap *self = BB_HEATMAP (object);

  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (bb_heatmap_parent_class)->finalize (object);
}

static void
bb_heatmap_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BbHeatmap *self = BB_HEATMAP (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_SELECTED_DAY:
      g_value_set_uint (value, self->selected_day);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad_keyval,
                  int             weeks,
                  int             days)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_shortcut_cb, "(ii)", weeks, days);
  gtk_widget_class_add_binding (widget_class, keypad_keyval, 0, move_shortcut_cb, "(ii)", weeks, days);
}

static void
bb_heatmap_class_init (BbHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_heatmap_dispose;
  object_class->finalize = bb_heatmap_finalize;
  object_class->get_property = bb_heatmap_get_property;

  widget_class->measure = bb_heatmap_measure;
  widget_class->size_allocate = bb_heatmap_size_allocate;
  widget_class->focus = bb_heatmap_focus;
  widget_class->grab_focus = bb_heatmap_grab_focus;

  /**
   * BbHeatmap:summary:
   *
   * The practice of the days shown, in a sentence.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbHeatmap:selected-day:
   *
   * The day that has, or would get, the keyboard focus, as a #GDate
   * Julian day number.
   */
  properties[PROP_SELECTED_DAY] =
    g_param_spec_uint ("selected-day", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbHeatmap|heatmap.move:
   * @days: how many days to move, negative for earlier days
   *
   * Moves the focus by @days, unless that leaves the calendar.
   */
  gtk_widget_class_install_action (widget_class, "heatmap.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "heatmap.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "heatmap.last", NULL, last_action);

  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "heatmap.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "heatmap.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "heatmap.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "heatmap.last", NULL);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

/* The month and weekday labels only repeat what the days' labels say, so
 * screen readers skip them. */
static GtkWidget *
new_label (BbHeatmap *self)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   "xalign", 0.0f,
                                   NULL);

  gtk_widget_set_parent (label, GTK_WIDGET (self));

  return label;
}

static void
bb_heatmap_init (BbHeatmap *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkGesture) click = gtk_gesture_click_new ();
  GDate today;

  for (guint i = 0; i < N_MONTH_LABELS; i++)
    {
      self->month_labels[i] = new_label (self);
      gtk_widget_add_css_class (self->month_labels[i], "month");
    }

  /* 1 January 2024 was a Monday. */
  for (guint i = 0; i < G_N_ELEMENTS (self->weekday_labels); i++)
    {
      g_autoptr(GDateTime) date_time = g_date_time_new_utc (2024, 1, 1 + 2 * i, 12, 0, 0);
      /* Translators: the short name of a weekday, beside the practice
       * calendar's rows; see g_date_time_format().
       * xgettext:no-c-format */
      g_autofree char *name = g_date_time_format (date_time, _("%a"));

      self->weekday_labels[i] = new_label (self);
      gtk_widget_add_css_class (self->weekday_labels[i], "weekday");
      gtk_label_set_text (GTK_LABEL (self->weekday_labels[i]), name);
    }

  for (guint c = 0; c < N_CELLS; c++)
    {
      self->cells[c] = g_object_new (BB_TYPE_HEATMAP_DAY, NULL);
      gtk_widget_set_parent (GTK_WIDGET (self->cells[c]), GTK_WIDGET (self));
    }

  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self),
                             GTK_EVENT_CONTROLLER (g_steal_pointer (&click)));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Practice by day"),
                                  -1);

  /* Something sensible until the page gives the days. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  bb_heatmap_set_days (self, g_date_get_julian (&today), NULL, 0, 0);
}

GtkWidget *
bb_heatmap_new (void)
{
  return g_object_new (BB_TYPE_HEATMAP, NULL);
}

const char *
bb_heatmap_get_summary (BbHeatmap *self)
{
  g_return_val_if_fail (BB_IS_HEATMAP (self), NULL);

  return self->summary;
}

guint32
bb_heatmap_get_selected_day (BbHeatmap *self)
{
  g_return_val_if_fail (BB_IS_HEATMAP (self), 0);

  return self->selected_day;
}

/**
 * bb_heatmap_get_day_widget:
 *
 * Returns: (transfer none) (nullable): the widget of @day, if shown
 */
GtkWidget *
bb_heatmap_get_day_widget (BbHeatmap *self,
                           guint32    day)
{
  g_return_val_if_fail (BB_IS_HEATMAP (self), NULL);

  return (GtkWidget *) cell_for_day (self, day);
}

guint
bb_heatmap_day_get_level (GtkWidget *day_widget)
{
  g_return_val_if_fail (BB_IS_HEATMAP_DAY (day_widget), 0);

  return BB_HEATMAP_DAY (day_widget)->level;
}

guint32
bb_heatmap_get_first_day (BbHeatmap *self)
{
  g_return_val_if_fail (BB_IS_HEATMAP (self), 0);

  return self->first_day;
}
