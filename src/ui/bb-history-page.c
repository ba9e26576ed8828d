/* bb-history-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-heatmap.h"
#include "bb-history-page.h"
#include "bb-history-report.h"
#include "bb-session-list.h"
#include "bb-session-row.h"
#include "bb-trend-chart.h"

/*
 * The history: the streak and totals in words, a year of days, minutes
 * per week, and the sessions. Everything is read from the store; the
 * figures are read again when the store says it changed, at once if the
 * page is on show, else when it is next shown. The sessions list pages
 * from the store through a #BbSessionList, so a long history costs a
 * screenful of rows.
 */

/* Days read for the calendar: 53 weeks and the days before the first
 * Monday. */
#define YEAR_DAYS (53 * 7 + 6)

/* Sessions on the overview; the rest are one click away. */
#define N_RECENT 5

struct _BbHistoryPage
{
  AdwBin          parent_instance;

  /* Template children */
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkLabel       *streak_label;
  GtkLabel       *totals_label;
  GtkScrolledWindow *heatmap_scroller;
  AdwBin         *heatmap_bin;
  GtkLabel       *heatmap_summary;
  AdwBin         *chart_bin;
  GtkLabel       *trend_label;
  GtkListBox     *recent_list;
  GtkButton      *all_button;
  GtkListView    *session_view;

  /* Owned */
  BbHistory      *history;
  GSettings      *settings;
  BbSessionList  *sessions;
  char           *problem;

  /* Plain state */
  BbHeatmap      *heatmap;
  BbTrendChart   *chart;
  guint32         today;
  guint           scroll_id;
  gboolean        dirty;
};

G_DEFINE_FINAL_TYPE (BbHistoryPage, bb_history_page, ADW_TYPE_BIN)

static char *
streak_text (const BbStats *stats)
{
  if (stats->current_streak > 0)
    /* Translators: the streak at the top of the history */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u-day streak", "%u-day streak",
                                         stats->current_streak),
                            stats->current_streak);

  return g_strdup (_("A new streak can begin today"));
}

static char *
totals_text (const BbStats *stats,
             gint64         month_ms)
{
  g_autofree char *month = bb_history_report_duration (month_ms);
  g_autofree char *sessions = NULL;
  g_autofree char *longest = NULL;

  sessions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session in all", "%u sessions in all",
                                           stats->n_sessions),
                              stats->n_sessions);
  longest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "longest streak %u day",
                                          "longest streak %u days", stats->longest_streak),
                             stats->longest_streak);

  /* Translators: the line under the streak, as in
   * "2 h 10 min this month · 34 sessions in all · longest streak 12 days" */
  return g_strdup_printf (_("%s this month · %s · %s"), month, sessions, longest);
}

static gint64
goal_ms (BbHistoryPage *self)
{
  return (gint64) g_settings_get_uint (self->settings, "daily-goal") * 60 * 1000;
}

static void
show_error (BbHistoryPage *self,
            const char    *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/**
 * bb_history_page_refresh:
 *
 * Reads the figures from the store again.
 */
void
bb_history_page_refresh (BbHistoryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree BbDayTotal *days = NULL;
  g_autofree char *streak = NULL;
  g_autofree char *totals = NULL;
  BbStats stats;
  guint32 today;
  guint32 first;
  GDate month_start;
  gint64 month_ms = 0;
  guint n_days = 0;

  g_return_if_fail (BB_IS_HISTORY_PAGE (self));

  self->dirty = FALSE;

  if (self->history == NULL)
    {
      if (self->problem != NULL)
        show_error (self, self->problem);
      return;
    }

  if (!bb_history_get_stats (self->history, goal_ms (self), &stats, &error))
    {
      show_error (self, error->message);
      return;
    }

  if (stats.n_sessions == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  today = bb_history_get_today (self->history);
  self->today = today;
  first = today > YEAR_DAYS ? today - YEAR_DAYS : 1;
  days = bb_history_dup_days_between (self->history, first, today, &n_days, &error);
  if (days == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_date_set_julian (&month_start, today);
  g_date_set_day (&month_start, 1);
  for (guint i = 0; i < n_days; i++)
    if (days[i].day >= g_date_get_julian (&month_start))
      month_ms += days[i].practiced_ms;

  streak = streak_text (&stats);
  totals = totals_text (&stats, month_ms);
  gtk_label_set_label (self->streak_label, streak);
  gtk_label_set_label (self->totals_label, totals);

  bb_heatmap_set_days (self->heatmap, today, days, n_days, goal_ms (self));
  gtk_label_set_label (self->heatmap_summary, bb_heatmap_get_summary (self->heatmap));
  bb_trend_chart_set_days (self->chart, today, days, n_days);
  gtk_label_set_label (self->trend_label, bb_trend_chart_get_trend_text (self->chart));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "sessions") != 0)
    gtk_stack_set_visible_child_name (self->stack, "overview");
}

static void
changed_cb (BbHistoryPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bb_history_page_refresh (self);
  else
    self->dirty = TRUE;
}

static void
bb_history_page_map (GtkWidget *widget)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);

  /* A new day may have begun since the figures were read. */
  if (self->dirty || (self->history != NULL && bb_history_get_today (self->history) != self->today))
    bb_history_page_refresh (self);

  GTK_WIDGET_CLASS (bb_history_page_parent_class)->map (widget);
}

static gboolean
scroll_heatmap_cb (gpointer user_data)
{
  BbHistoryPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->heatmap_scroller);

  self->scroll_id = 0;
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));

  return G_SOURCE_REMOVE;
}

/* On a narrow window the calendar shows its newest weeks, where today
 * is, as long as today is the chosen day. The width is known during a
 * layout, and the scroll waits until it is over. */
static void
heatmap_width_cb (BbHistoryPage *self)
{
  if (bb_heatmap_get_selected_day (self->heatmap) == self->today && self->scroll_id == 0)
    self->scroll_id = g_idle_add (scroll_heatmap_cb, self);
}

static GtkWidget *
create_recent_row_cb (gpointer item,
                      gpointer user_data)
{
  GtkWidget *row = bb_session_row_new (FALSE);

  bb_session_row_set_item (BB_SESSION_ROW (row), item);

  return row;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, bb_session_row_new (TRUE));
  /* The row's own parts take the focus; the row itself has nothing to
   * do when activated. */
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  bb_session_row_set_item (BB_SESSION_ROW (gtk_list_item_get_child (list_item)),
                           gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  bb_session_row_set_item (BB_SESSION_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
add_toast (BbHistoryPage *self,
           AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

typedef struct
{
  BbHistoryPage *self;
  gint64         id;
  guint          position;
} Undo;

static void
undo_free (gpointer data,
           GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->self);
  g_free (undo);
}

static void
undo_clicked_cb (AdwToast *toast,
                 Undo     *undo)
{
  g_autoptr(GError) error = NULL;

  if (!bb_session_list_restore (undo->self->sessions, undo->id, undo->position, &error))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      add_toast (undo->self, adw_toast_new (markup));
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);
  AdwToast *deleted;
  guint position;
  Undo *undo;

  if (self->sessions == NULL || !bb_session_list_find (self->sessions, id, &position))
    return;

  if (!bb_session_list_delete (self->sessions, position, &error))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      add_toast (self, adw_toast_new (markup));
      return;
    }

  /* The figures follow; the list already did. */
  bb_history_page_refresh (self);

  deleted = adw_toast_new (_("Session deleted"));
  adw_toast_set_button_label (deleted, _("_Undo"));
  adw_toast_set_priority (deleted, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (Undo, 1);
  undo->self = g_object_ref (self);
  undo->id = id;
  undo->position = position;
  g_signal_connect_data (deleted, "button-clicked", G_CALLBACK (undo_clicked_cb),
                         undo, undo_free, 0);
  add_toast (self, deleted);
}

static void
show_sessions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "sessions");
  gtk_widget_grab_focus (GTK_WIDGET (self->session_view));
}

static void
show_overview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "sessions") != 0)
    return;

  bb_history_page_refresh (self);
  gtk_stack_set_visible_child_name (self->stack, "overview");
  gtk_widget_grab_focus (GTK_WIDGET (self->all_button));
}

static void
bb_history_page_dispose (GObject *object)
{
  BbHistoryPage *self = (BbHistoryPage *)object;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  /* The bin lets go of its child, the stack, before the template
   * unparents it, or the child would be unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_HISTORY_PAGE);

  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_object (&self->sessions);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (bb_history_page_parent_class)->dispose (object);
}

static void
bb_history_page_class_init (BbHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_history_page_dispose;

  widget_class->map = bb_history_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, APPLICATION_PATH "bb-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, streak_label);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, totals_label);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, heatmap_scroller);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, heatmap_bin);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, heatmap_summary);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, chart_bin);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, trend_label);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, all_button);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, session_view);

  gtk_widget_class_install_action (widget_class, "history.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "history.show-sessions", NULL, show_sessions_action);
  gtk_widget_class_install_action (widget_class, "history.show-overview", NULL, show_overview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "history.show-overview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "history.show-overview", NULL);
}

static void
bb_history_page_init (BbHistoryPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->heatmap = BB_HEATMAP (bb_heatmap_new ());
  adw_bin_set_child (self->heatmap_bin, GTK_WIDGET (self->heatmap));
  self->chart = BB_TREND_CHART (bb_trend_chart_new ());
  adw_bin_set_child (self->chart_bin, GTK_WIDGET (self->chart));

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->heatmap_scroller), "notify::upper",
                           G_CALLBACK (heatmap_width_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->heatmap_scroller), "notify::page-size",
                           G_CALLBACK (heatmap_width_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->session_view, factory);
}

/**
 * bb_history_page_new:
 * @settings: the app's settings, for the daily goal
 *
 * Returns: a page that says the history is being read, until
 *   bb_history_page_set_history() gives it one
 */
GtkWidget *
bb_history_page_new (GSettings *settings)
{
  BbHistoryPage *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (BB_TYPE_HISTORY_PAGE, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::daily-goal",
                           G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * bb_history_page_set_history:
 * @history: (nullable): the store, or %NULL when it could not be opened
 * @problem: (nullable): why there is no store
 *
 * Shows @history, once: the page follows it from then on.
 */
void
bb_history_page_set_history (BbHistoryPage *self,
                             BbHistory     *history,
                             const char    *problem)
{
  g_return_if_fail (BB_IS_HISTORY_PAGE (self));
  g_return_if_fail (history == NULL || BB_IS_HISTORY (history));
  g_return_if_fail (self->history == NULL);

  g_free (self->problem);
  self->problem = g_strdup (problem != NULL ? problem : _("Your history could not be opened."));

  if (history != NULL)
    {
      g_autoptr(GtkNoSelection) selection = NULL;
      g_autoptr(GtkSliceListModel) recent = NULL;

      self->history = g_object_ref (history);
      self->sessions = bb_session_list_new (history);
      g_signal_connect_object (history, "changed",
                               G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);

      recent = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->sessions)), 0, N_RECENT);
      gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (recent),
                               create_recent_row_cb, NULL, NULL);

      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sessions)));
      gtk_list_view_set_model (self->session_view, GTK_SELECTION_MODEL (selection));
    }

  bb_history_page_refresh (self);
}
