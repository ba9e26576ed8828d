/* bb-history-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "bb-a11y.h"
#include "bb-heatmap.h"
#include "bb-history-page.h"
#include "bb-history-report.h"
#include "bb-session-list.h"
#include "bb-session-row.h"
#include "bb-tension-chart.h"
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
  AdwBin         *tension_bin;
  GtkLabel       *felt_label;
  GtkLabel       *tension_label;
  GtkWidget      *tension_caption;
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
  BbTensionChart *tension_chart;
  AdwToast       *undo_toast;  /* while it shows */
  GArray         *deleted;     /* ids the toast can put back */
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

static char *
felt_text (const BbCheckinStats *stats)
{
  guint n_answered = stats->n_felt + stats->n_a_little + stats->n_not_yet;
  g_autofree char *felt = NULL;

  if (n_answered == 0)
    return g_strdup (_("Answer “Could you feel your back ribs widen?” after a session to see how often it happens."));

  /* Translators: "Back felt in 12 of 20 checked-in sessions" */
  felt = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Back felt in %u of %u checked-in session",
                                       "Back felt in %u of %u checked-in sessions",
                                       n_answered),
                          stats->n_felt, n_answered);
  if (stats->n_a_little == 0)
    return g_steal_pointer (&felt);

  /* Translators: follows "Back felt in 12 of 20 checked-in sessions" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s, and a little in %u more",
                                       "%s, and a little in %u more",
                                       stats->n_a_little),
                          felt, stats->n_a_little);
}

/* The check-ins: how often the back was felt, and the tension before
 * and after. */
static void
refresh_checkins (BbHistoryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) records = NULL;
  g_autofree char *felt = NULL;
  BbCheckinStats stats;
  gboolean chart;

  if (!bb_history_get_checkin_stats (self->history, &stats, &error) ||
      (records = bb_history_list_checkins (self->history, 0, 4 * BB_TENSION_CHART_N_POINTS, &error)) == NULL)
    {
      gtk_label_set_label (self->felt_label, error->message);
      stats.n_checkins = 0;
    }
  else if (stats.n_checkins == 0)
    gtk_label_set_label (self->felt_label,
                         _("After a session, the check-in asks whether you felt your back ribs widen and how your neck and shoulders feel. Your answers add up here."));
  else
    {
      felt = felt_text (&stats);
      gtk_label_set_label (self->felt_label, felt);
    }

  if (records != NULL)
    bb_tension_chart_set_checkins (self->tension_chart,
                                   (const BbCheckinRecord *) (void *) records->data, records->len);
  chart = records != NULL && bb_tension_chart_get_n_points (self->tension_chart) > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->tension_chart), chart);
  gtk_widget_set_visible (self->tension_caption, chart);
  gtk_widget_set_visible (GTK_WIDGET (self->tension_label), stats.n_checkins > 0);
  gtk_label_set_label (self->tension_label, bb_tension_chart_get_summary (self->tension_chart));
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
  refresh_checkins (self);

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

/* A screen reader reads a row by the session it holds, and the row is
 * no Tab stop of its own: its delete button is. */
static void
name_row (GtkWidget     *row,
          BbSessionItem *item)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  item != NULL ? bb_session_item_get_label (item) : "",
                                  -1);
}

static GtkWidget *
create_recent_row_cb (gpointer item,
                      gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *session_row = bb_session_row_new (FALSE);

  bb_session_row_set_item (BB_SESSION_ROW (session_row), item);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), session_row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  name_row (row, item);

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
  GtkWidget *child = gtk_list_item_get_child (list_item);

  bb_session_row_set_item (BB_SESSION_ROW (child), gtk_list_item_get_item (list_item));
  /* GTK 4.8 gives no way to name the list's own row widget but this. */
  name_row (gtk_widget_get_parent (child), gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  /* The row's name stays until the next bind: the row widget may be
   * on its way out now. */
  bb_session_row_set_item (BB_SESSION_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
add_toast (BbHistoryPage *self,
           AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      bb_a11y_name_toast_buttons (ADW_TOAST_OVERLAY (overlay));
    }
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Deletions follow one another into one toast, so each can be undone
 * for as long as it shows; a second toast would push the first away. */
static void
undo_dismissed_cb (BbHistoryPage *self)
{
  self->undo_toast = NULL;
  g_array_set_size (self->deleted, 0);
}

static void
undo_clicked_cb (BbHistoryPage *self)
{
  g_autoptr(GError) error = NULL;

  /* The latest first, as a stack of deletions unwinds; one that cannot
   * come back does not keep the others. */
  for (guint i = self->deleted->len; i > 0; i--)
    {
      g_autoptr(GError) local_error = NULL;
      gint64 id = g_array_index (self->deleted, gint64, i - 1);

      if (!bb_session_list_restore (self->sessions, id, &local_error) && error == NULL)
        error = g_steal_pointer (&local_error);
    }

  if (error != NULL)
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      add_toast (self, adw_toast_new (markup));
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id = g_variant_get_int64 (parameter);
  guint position;

  if (self->sessions == NULL || !bb_session_list_find (self->sessions, id, &position))
    return;

  /* The figures follow through BbHistory::changed; the list already did. */
  if (!bb_session_list_delete (self->sessions, position, &error))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      add_toast (self, adw_toast_new (markup));
      return;
    }

  g_array_append_val (self->deleted, id);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Session deleted", "%u sessions deleted",
                                        self->deleted->len),
                           self->deleted->len);

  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, title);
      return;
    }

  self->undo_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  g_signal_connect_object (self->undo_toast, "button-clicked",
                           G_CALLBACK (undo_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo_toast, "dismissed",
                           G_CALLBACK (undo_dismissed_cb), self, G_CONNECT_SWAPPED);
  add_toast (self, self->undo_toast);
}

static void
show_sessions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);

  /* The list builds its rows once it has a model: not before it shows. */
  if (gtk_list_view_get_model (self->session_view) == NULL && self->sessions != NULL)
    {
      g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sessions)));

      gtk_list_view_set_model (self->session_view, GTK_SELECTION_MODEL (selection));
    }

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

/* The calendar's chosen day, the list, or the first control of the page
 * on show: a fixed place to land from the view switcher or Ctrl+H. */
static gboolean
bb_history_page_grab_focus (GtkWidget *widget)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "overview") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->heatmap));
  if (g_strcmp0 (page, "sessions") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->session_view));

  return gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
}

/* Alt and the arrow that points back: left, or right in right-to-left
 * text. */
static gboolean
back_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  if (g_variant_get_boolean (args) != rtl)
    return FALSE;

  return gtk_widget_activate_action (widget, "history.show-overview", NULL);
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
  if (self->undo_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->undo_toast, self);
  self->undo_toast = NULL;
  g_clear_pointer (&self->deleted, g_array_unref);
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
  widget_class->grab_focus = bb_history_page_grab_focus;

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
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, tension_bin);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, felt_label);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, tension_label);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, tension_caption);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, all_button);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, session_view);

  gtk_widget_class_install_action (widget_class, "history.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "history.show-sessions", NULL, show_sessions_action);
  gtk_widget_class_install_action (widget_class, "history.show-overview", NULL, show_overview_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "history.show-overview", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_shortcut_cb, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK, back_shortcut_cb, "b", TRUE);
}

static void
bb_history_page_init (BbHistoryPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  bb_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  /* Its shortcuts make it an actionable node to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("History"),
                                  -1);
  bb_a11y_hide_covered_pages (GTK_WIDGET (self->stack));

  self->deleted = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->heatmap = BB_HEATMAP (bb_heatmap_new ());
  adw_bin_set_child (self->heatmap_bin, GTK_WIDGET (self->heatmap));
  self->chart = BB_TREND_CHART (bb_trend_chart_new ());
  adw_bin_set_child (self->chart_bin, GTK_WIDGET (self->chart));
  self->tension_chart = BB_TENSION_CHART (bb_tension_chart_new ());
  adw_bin_set_child (self->tension_bin, GTK_WIDGET (self->tension_chart));

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
      g_autoptr(GtkSliceListModel) recent = NULL;

      self->history = g_object_ref (history);
      self->sessions = bb_session_list_new (history);
      g_signal_connect_object (history, "changed",
                               G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);

      recent = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->sessions)), 0, N_RECENT);
      gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (recent),
                               create_recent_row_cb, NULL, NULL);

    }

  bb_history_page_refresh (self);
}
